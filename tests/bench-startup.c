/* bench-startup.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whole-process startup of the real `rostrum` binary with the fixture:
 * time from spawn to the window being mapped on the X server, and memory
 * (RSS and PSS) one second later. Runs under Xvfb; prints medians.
 * Measured from outside so that the application carries no probe code.
 */

#include "config.h"

#include <X11/Xlib.h>
#include <glib.h>
#include <signal.h>
#include <sys/wait.h>

#define RUNS 7

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

static gint64
median (gint64 *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_int64);
  return values[n / 2];
}

static gint64
read_kib (GPid        pid,
          const char *file,
          const char *key)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/%s", (int)pid, file);
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;
  line = strstr (contents, key);
  return line ? g_ascii_strtoll (line + strlen (key), NULL, 10) : -1;
}

int
main (int   argc,
      char *argv[])
{
  const char *binary = g_getenv ("ROSTRUM_BIN");
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *fixture = NULL;
  gint64 startup[RUNS], rss[RUNS], pss[RUNS];
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

  fixture = g_build_filename (srcdir, "fixtures", "iom-114-china.txt", NULL);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  for (guint run = 0; run < RUNS; run++)
    {
      const char *child_argv[] = { binary, fixture, NULL };
      g_autoptr(GError) error = NULL;
      gint64 begin;
      GPid pid;

      /* Drain what earlier runs left on the connection. */
      XSync (display, True);

      begin = g_get_monotonic_time ();
      if (!g_spawn_async (NULL, (char **)child_argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                          NULL, NULL, &pid, &error))
        g_error ("%s", error->message);

      for (;;)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && !event.xmap.override_redirect)
            break;
        }
      startup[run] = g_get_monotonic_time () - begin;

      /* Let the first frames and the first check settle. */
      g_usleep (G_USEC_PER_SEC);
      rss[run] = read_kib (pid, "status", "VmRSS:");
      pss[run] = read_kib (pid, "smaps_rollup", "Pss:");

      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_spawn_close_pid (pid);
    }

  g_print ("startup to mapped window: median %.1f ms over %d runs\n",
           median (startup, RUNS) / 1000.0, RUNS);
  g_print ("memory after start: median RSS %.1f MiB, PSS %.1f MiB\n",
           median (rss, RUNS) / 1024.0, median (pss, RUNS) / 1024.0);

  XCloseDisplay (display);
  return 0;
}
