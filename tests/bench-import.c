/* bench-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The median time to import each fixture of tests/import-fixtures in
 * process, through rst_import_file() (read, parse, analysis, front
 * matter): what a drafter waits for after Open. The peers, when they
 * are installed, are timed on the same files as whole processes:
 * `pdftotext` for PDFs, `soffice --convert-to txt` for DOCX and ODT
 * (fewer rounds: LibreOffice takes seconds to start).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rst-import.h"

#define ROUNDS      25
#define PEER_ROUNDS 3

static const char * const fixtures[] = {
  "en-iom-statement.docx", "en-iom-statement.odt", "en-iom-statement.pdf",
  "fr-iom-statement.docx", "fr-iom-statement.pdf", "ar-iom-statement.docx",
  "zh-iom-statement.odt", "zh-iom-statement.pdf", "ru-iom-statement.pdf",
  "es-segib-web.html", "en-iom-114-china.txt",
};

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
time_peer (const char * const *argv,
           guint               rounds)
{
  double times[ROUNDS];

  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                         G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, NULL))
        return -1;
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, rounds, sizeof times[0], compare_doubles);
  return times[rounds / 2];
}

static void
bench_peer (const char *path,
            const char *scratch)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", scratch);
  double median = -1;
  const char *peer = NULL;

  if (g_str_has_suffix (lower, ".pdf") && pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, path, "/dev/null", NULL };

      peer = "pdftotext";
      median = time_peer (argv, ROUNDS);
    }
  else if ((g_str_has_suffix (lower, ".docx") || g_str_has_suffix (lower, ".odt")) && soffice != NULL &&
           g_getenv ("ROSTRUM_BENCH_SOFFICE") != NULL)
    {
      const char *argv[] = { soffice, "--headless", profile, "--convert-to", "txt", "--outdir", scratch, path, NULL };

      peer = "soffice --convert-to txt";
      median = time_peer (argv, PEER_ROUNDS);
    }

  if (peer != NULL && median >= 0)
    printf ("    peer %-26s median %8.2f ms\n", peer, median);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *scratch = NULL;

  g_test_init (&argc, &argv, NULL);
  scratch = g_dir_make_tmp ("rostrum-bench-import-XXXXXX", NULL);

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "import-fixtures", fixtures[f], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      double times[ROUNDS];

      for (guint i = 0; i < ROUNDS; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *markdown = NULL;
          gint64 start = g_get_monotonic_time ();

          markdown = rst_import_file (file, NULL, &error);
          if (markdown == NULL)
            g_error ("%s: %s", fixtures[f], error->message);
          times[i] = (g_get_monotonic_time () - start) / 1000.0;
        }

      qsort (times, ROUNDS, sizeof times[0], compare_doubles);
      printf ("%-24s median %7.2f ms   min %7.2f ms   max %7.2f ms   (%d runs)\n",
              fixtures[f], times[ROUNDS / 2], times[0], times[ROUNDS - 1], ROUNDS);
      bench_peer (path, scratch);
    }

  /* Nothing is left behind but what soffice wrote. */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", scratch);

    if (system (command) != 0)
      g_printerr ("bench-import: could not remove %s\n", scratch);
  }

  return 0;
}
