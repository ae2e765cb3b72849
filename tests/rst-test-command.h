/* rst-test-command.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real `rostrum` that Meson built (ROSTRUM_BIN) as a script or a
 * CI job would: no display, no session bus, and the test's own folders.
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;
  char *out;
  char *err;
} RstTestRun;

static inline void
rst_test_run_clear (RstTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RstTestRun, rst_test_run_clear)

/* @cwd: (nullable): the folder to run in, the test's own when %NULL
 * @env: (nullable): NULL-terminated KEY, VALUE pairs to add
 */
static inline void
rst_test_run_rostrum_in (RstTestRun         *run,
                         const char         *cwd,
                         const char * const *env,
                         const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("ROSTRUM_BIN");

  g_assert_nonnull (bin);

  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", "disabled:", TRUE);
  /* G_TEST_OPTION_ISOLATE_DIRS changes these for this process only. */
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
  if (cwd != NULL)
    g_subprocess_launcher_set_cwd (launcher, cwd);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);

  /* Exited, not crashed or aborted by a fatal warning. */
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

/* @env: (nullable): NULL-terminated KEY, VALUE pairs to add */
static inline void
rst_test_run_rostrum_env (RstTestRun         *run,
                          const char * const *env,
                          const char * const *args)
{
  rst_test_run_rostrum_in (run, NULL, env, args);
}

/* rst_test_run_rostrum (&run, "--check", path): the arguments end by themselves. */
#define rst_test_run_rostrum(run, ...) \
  rst_test_run_rostrum_env (run, NULL, (const char * const[]) { __VA_ARGS__, NULL })

G_END_DECLS
