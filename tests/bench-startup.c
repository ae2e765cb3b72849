/* bench-startup.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole-process start-up of the real `rostrum` with the fixture, against
 * GNOME Text Editor on the same file (the peer the hardening issue names):
 * time from spawn to the first frame, that is the first drawing into the
 * mapped toplevel (XDamage), and memory (RSS and PSS) one second later.
 * Both run with the same environment, renderer included (GSK_RENDERER as
 * set, cairo when unset, so that Xvfb's software GL is not what is
 * measured), alternately, fifteen times; medians and ratios are printed.
 * Each run gets fresh, empty user folders: both programs keep a session,
 * and the one a killed run leaves would make the next start a crash
 * recovery rather than the opening of a file.
 * Runs under Xvfb; measured from outside, so that the programs carry no
 * probe code. Prints and asserts nothing about time: machines differ.
 */

#include "config.h"

#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>
#include <glib.h>
#include <signal.h>
#include <sys/wait.h>

#define RUNS 15

typedef struct
{
  const char *name;
  char      **argv;
  gboolean    quiet;
  gint64      first_frame[RUNS];
  gint64      rss[RUNS];
  gint64      pss[RUNS];
} Program;

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static gint64
median (const gint64 *values,
        guint         n)
{
  g_autofree gint64 *sorted = g_memdup2 (values, n * sizeof *values);

  qsort (sorted, n, sizeof *sorted, compare_int64);
  return sorted[n / 2];
}

/* A window may be gone before its damage is: not the benchmark's error. */
static int
ignore_x_errors (Display     *display,
                 XErrorEvent *event)
{
  return 0;
}

static gint64
read_kib (GPid        pid,
          const char *file,
          const char *key)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/%s", (int) pid, file);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, key);
  return line ? g_ascii_strtoll (line + strlen (key), NULL, 10) : -1;
}

/* Spawns @program, waits for its first toplevel to be mapped and then
 * drawn into, and returns the time that took, in µs.
 */
static gint64
start_once (Display *display,
            int      damage_event,
            Program *program,
            char   **envp,
            GPid    *pid)
{
  g_autoptr(GError) error = NULL;
  Damage damage = 0;
  gint64 begin;

  XSync (display, True);

  begin = g_get_monotonic_time ();
  /* The peer's own warnings are not ours to read. */
  if (!g_spawn_async (NULL, program->argv, envp,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH |
                      (program->quiet ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                      NULL, NULL, pid, &error))
    g_error ("%s: %s", program->name, error->message);

  for (;;)
    {
      XEvent event;

      XNextEvent (display, &event);
      if (event.type == MapNotify && !event.xmap.override_redirect && damage == 0)
        damage = XDamageCreate (display, event.xmap.window, XDamageReportNonEmpty);
      else if (damage != 0 && event.type == damage_event + XDamageNotify)
        break;
    }

  /* The damage goes with the window when the program is killed. */
  return g_get_monotonic_time () - begin;
}

static void
remove_tree (const char *path)
{
  const char *argv[] = { "rm", "-rf", "--", path, NULL };
  g_autoptr(GError) error = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     NULL, NULL, NULL, &error))
    g_warning ("Could not remove %s: %s", path, error->message);
}

/* @envp with HOME and the XDG user folders in a new temporary folder. */
static char **
environ_with_fresh_home (char      **envp,
                         char      **home)
{
  static const char *user_dirs[] = {
    "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  char **fresh = g_strdupv (envp);

  *home = g_dir_make_tmp ("bench-startup-XXXXXX", &error);
  if (*home == NULL)
    g_error ("%s", error->message);
  fresh = g_environ_setenv (fresh, "HOME", *home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (user_dirs); i++)
    {
      g_autofree char *path = g_build_filename (*home, user_dirs[i], NULL);

      fresh = g_environ_setenv (fresh, user_dirs[i], path, TRUE);
    }

  return fresh;
}

static void
measure (Display *display,
         int      damage_event,
         Program *program,
         guint    run,
         char   **envp)
{
  g_autofree char *home = NULL;
  g_auto(GStrv) run_envp = environ_with_fresh_home (envp, &home);
  GPid pid;

  program->first_frame[run] = start_once (display, damage_event, program, run_envp, &pid);

  /* Let the first check, dictionaries and the rest of start-up settle. */
  g_usleep (G_USEC_PER_SEC);
  program->rss[run] = read_kib (pid, "status", "VmRSS:");
  program->pss[run] = read_kib (pid, "smaps_rollup", "Pss:");

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  remove_tree (home);
}

static void
report (const Program *program)
{
  g_print ("%-20s first frame %7.1f ms   RSS %6.1f MiB   PSS %6.1f MiB\n",
           program->name, median (program->first_frame, RUNS) / 1000.0,
           median (program->rss, RUNS) / 1024.0, median (program->pss, RUNS) / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("ROSTRUM_BIN");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *fixture = NULL;
  g_autofree char *peer_binary = g_find_program_in_path ("gnome-text-editor");
  g_auto(GStrv) envp = g_get_environ ();
  Program rostrum = { "rostrum" };
  Program peer = { "gnome-text-editor", NULL, TRUE };
  char *rostrum_argv[3] = { NULL };
  char *peer_argv[4] = { NULL, (char *) "--standalone", NULL, NULL };
  int damage_event, damage_error;
  Display *display;

  if (binary == NULL || srcdir == NULL)
    {
      g_printerr ("ROSTRUM_BIN and G_TEST_SRCDIR must be set (meson benchmark does)\n");
      return 1;
    }
  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      g_print ("bench-startup: no X display, skipped (run under xvfb-run)\n");
      return 77;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      g_print ("bench-startup: the X server has no DAMAGE extension, skipped\n");
      return 77;
    }

  /* The same renderer for both, and the settings backend the suite uses. */
  if (g_environ_getenv (envp, "GSK_RENDERER") == NULL)
    envp = g_environ_setenv (envp, "GSK_RENDERER", "cairo", TRUE);

  fixture = g_build_filename (srcdir, "fixtures", "iom-114-china.txt", NULL);
  rostrum_argv[0] = (char *) binary;
  rostrum_argv[1] = fixture;
  rostrum.argv = rostrum_argv;
  peer_argv[0] = peer_binary;
  peer_argv[2] = fixture;
  peer.argv = peer_argv;

  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);
  XSetErrorHandler (ignore_x_errors);

  /* Alternately, so that a busy moment of the machine costs both. */
  for (guint run = 0; run < RUNS; run++)
    {
      measure (display, damage_event, &rostrum, run, envp);
      if (peer_binary != NULL)
        measure (display, damage_event, &peer, run, envp);
    }

  g_print ("# start-up with the fixture, medians of %d runs, GSK_RENDERER=%s\n",
           RUNS, g_environ_getenv (envp, "GSK_RENDERER"));
  report (&rostrum);
  if (peer_binary == NULL)
    g_print ("gnome-text-editor is not installed: no comparison\n");
  else
    {
      report (&peer);
      g_print ("# rostrum / gnome-text-editor: first frame %.2fx, RSS %.2fx, PSS %.2fx\n",
               (double) median (rostrum.first_frame, RUNS) / median (peer.first_frame, RUNS),
               (double) median (rostrum.rss, RUNS) / median (peer.rss, RUNS),
               (double) median (rostrum.pss, RUNS) / median (peer.pss, RUNS));
    }

  XCloseDisplay (display);
  return 0;
}
