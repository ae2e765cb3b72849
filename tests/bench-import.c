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
 *
 * Then a statement of ten pages, exported by Rostrum as DOCX and PDF,
 * against `pandoc -f docx -t markdown` and `pdftotext` on the same files.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <poppler.h>

#include "rst-export.h"
#include "rst-import.h"

#define ROUNDS      25
#define PEER_ROUNDS 3

static const char * const fixtures[] = {
  "en-iom-statement.docx", "en-iom-statement.odt", "en-iom-statement.pdf",
  "fr-iom-statement.docx", "fr-iom-statement.pdf", "ar-iom-statement.docx",
  "ar-iom-statement.pdf", "zh-iom-statement.odt", "zh-iom-statement.pdf", "ru-iom-statement.pdf",
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

static void
bench_file (const char *label,
            GFile      *file)
{
  double times[ROUNDS];

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *markdown = NULL;
      gint64 start = g_get_monotonic_time ();

      markdown = rst_import_file (file, NULL, &error);
      if (markdown == NULL)
        g_error ("%s: %s", label, error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, ROUNDS, sizeof times[0], compare_doubles);
  printf ("%-24s median %7.2f ms   min %7.2f ms   max %7.2f ms   (%d runs)\n",
          label, times[ROUNDS / 2], times[0], times[ROUNDS - 1], ROUNDS);
}

static guint
count_pages (GFile *pdf)
{
  /* No g_autoptr: poppler 22 has no cleanup function for it. */
  PopplerDocument *document = poppler_document_new_from_gfile (pdf, NULL, NULL, NULL);
  guint n = 0;

  if (document != NULL)
    {
      n = poppler_document_get_n_pages (document);
      g_object_unref (document);
    }

  return n;
}

/* The English statements of the corpus one after the other, under one
 * heading, until the council's PDF has ten pages.
 */
static void
bench_ten_pages (const char *scratch)
{
  static const char * const sources[] = {
    "en-unga-79-general-debate.txt", "en-unhcr-excom-75-general-debate.txt",
    "en-wha-77-general-discussion.txt", "en-iaea-gc-68-general-debate.txt",
    "en-hrc-id-high-commissioner.txt", "en-wha-78-committee-a-amr.txt",
  };
  g_autoptr(GString) text = g_string_new ("**Statement by the delegation\nat the 115th Session of the Council of IOM**\n\n"
                                          "Mr. Chair,\n\n");
  g_autoptr(GFile) dir = g_file_new_for_path (scratch);
  g_autoptr(GFile) docx = g_file_get_child (dir, "ten-pages.docx");
  g_autoptr(GFile) pdf = g_file_get_child (dir, "ten-pages.pdf");
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  guint pages = 0;

  for (guint round = 0; pages < 10 && round < 40; round++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", sources[round % G_N_ELEMENTS (sources)], NULL);
      g_autofree char *body = NULL;
      g_autoptr(RstAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_file_get_contents (path, &body, NULL, &error))
        g_error ("%s", error->message);
      g_string_append (text, body);
      g_string_append (text, "\n\n");

      analysis = rst_analysis_new (text->str, text->len, NULL);
      if (!rst_export_to_file (analysis, RST_EXPORT_PDF, pdf, NULL, NULL, &error) ||
          !rst_export_to_file (analysis, RST_EXPORT_DOCX, docx, NULL, NULL, &error))
        g_error ("%s", error->message);
      pages = count_pages (pdf);
    }

  printf ("\nA statement of %u pages (%" G_GSIZE_FORMAT " bytes of Markdown), exported by Rostrum:\n",
          pages, text->len);
  bench_file ("ten-pages.docx", docx);
  if (pandoc != NULL)
    {
      g_autofree char *path = g_file_get_path (docx);
      const char *argv[] = { pandoc, "-f", "docx", "-t", "markdown", "-o", "/dev/null", path, NULL };

      printf ("    peer %-26s median %8.2f ms\n", "pandoc -f docx -t markdown", time_peer (argv, PEER_ROUNDS * 3));
    }
  bench_file ("ten-pages.pdf", pdf);
  if (pdftotext != NULL)
    {
      g_autofree char *path = g_file_get_path (pdf);
      const char *argv[] = { pdftotext, path, "/dev/null", NULL };

      printf ("    peer %-26s median %8.2f ms\n", "pdftotext", time_peer (argv, ROUNDS));
    }
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

  bench_ten_pages (scratch);

  /* Nothing is left behind but what soffice wrote. */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", scratch);

    if (system (command) != 0)
      g_printerr ("bench-import: could not remove %s\n", scratch);
  }

  return 0;
}
