/* bench-hostile.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing superlinear on hostile input: each input that once took
 * seconds or minutes (the hardening issue's point 6) is analysed, and
 * where it mattered exported, at sizes N, 2N and 4N. The ratio of the
 * times of one doubling is printed: about 2 is linear, about 4 is
 * quadratic. Run with `meson test -C _build --benchmark -v hostile`.
 * It asserts nothing about time: machines differ. Times are the
 * thread's CPU time, medians of a few runs.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gio/gio.h>

#include "rst-analysis.h"
#include "rst-export.h"

typedef char *(*Generator) (guint n);

static double
now_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* `{{slot}}` × n on one line: diagnostics once computed their columns
 * from the line's start each (40 000 took 28 s).
 */
static char *
slots_on_one_line (guint n)
{
  GString *out = g_string_new ("Mr. President,\n\n");

  for (guint i = 0; i < n; i++)
    g_string_append (out, "{{slot}} ");
  g_string_append (out, "\n\nI thank you.\n");
  return g_string_free (out, FALSE);
}

/* n one-line paragraphs: the manuscript once walked paragraphs ×
 * elements (80 000 took 7 s).
 */
static char *
one_line_paragraphs (guint n)
{
  GString *out = g_string_new ("Mr. President,\n\n");

  for (guint i = 0; i < n; i++)
    g_string_append (out, "We agree.\n\n");
  g_string_append (out, "I thank you.\n");
  return g_string_free (out, FALSE);
}

/* One token of n bytes without a break opportunity: Pango once took
 * 4.5 s to lay out 60 KB of it.
 */
static char *
long_token (guint n)
{
  GString *out = g_string_new ("Mr. President,\n\n");

  for (guint i = 0; i < n; i++)
    g_string_append_c (out, 'a' + (i % 26));
  g_string_append (out, "\n\nI thank you.\n");
  return g_string_free (out, FALSE);
}

/* `[` × n in the front matter: libyaml's flow nesting once took 8 s for
 * 50 000; depth and size are capped before parsing now.
 */
static char *
deep_flow (guint n)
{
  GString *out = g_string_new ("---\ntitle: ");

  for (guint i = 0; i < n; i++)
    g_string_append_c (out, '[');
  g_string_append (out, "\n---\nMr. President,\n\nI thank you.\n");
  return g_string_free (out, FALSE);
}

/* Median seconds of @samples runs of analysing (and, with @format >= 0,
 * exporting) @text.
 */
static double
measure (const char *text,
         int         format,
         guint       samples)
{
  g_autofree double *times = g_new (double, samples);

  for (guint i = 0; i < samples; i++)
    {
      double start = now_seconds ();
      g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);

      if (format >= 0)
        {
          g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
          g_autoptr(GError) error = NULL;

          rst_export_to_stream (analysis, (RstExportFormat) format, sink, NULL, &error);
          g_assert_no_error (error);
        }
      times[i] = now_seconds () - start;
    }

  qsort (times, samples, sizeof (double), (int (*)(const void *, const void *)) compare_double);
  return times[samples / 2];
}

static void
run (const char *name,
     Generator   generate,
     guint       n,
     int         format)
{
  double times[3];

  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *text = generate (n << k);

      times[k] = measure (text, format, 5);
    }

  printf ("%-28s N=%-7u %8.1f ms  2N %8.1f ms  4N %8.1f ms  per doubling ×%.2f, ×%.2f\n",
          name, n, times[0] * 1e3, times[1] * 1e3, times[2] * 1e3,
          times[1] / times[0], times[2] / times[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  printf ("# hostile inputs, thread CPU time, medians of 5; ×2 per doubling is linear\n");
  run ("slots on one line", slots_on_one_line, 10000, -1);
  run ("one-line paragraphs", one_line_paragraphs, 20000, -1);
  run ("one-line paragraphs, PDF", one_line_paragraphs, 5000, RST_EXPORT_PDF);
  run ("one-line paragraphs, DOCX", one_line_paragraphs, 5000, RST_EXPORT_DOCX);
  run ("long token", long_token, 16384, -1);
  run ("long token, PDF", long_token, 16384, RST_EXPORT_PDF);
  run ("[ nesting in front matter", deep_flow, 12500, -1);

  return 0;
}
