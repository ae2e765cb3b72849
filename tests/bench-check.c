/* bench-check.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Analysis time (parse + check + outline, as the editor and `--check`
 * run it) for the fixture, a statement in each of the six languages from
 * tests/corpus/, and generated 1 MB and 10 MB statements: the median (and
 * fastest) of several runs, and the throughput; what recognizing the
 * language costs (the same text with and without a `lang` detail); and
 * `rostrum --check` on the 10 MB file against `wc -w` on it, the peer
 * the read-six issue names. Run with `meson test -C _build --benchmark
 * -v`. It prints and asserts nothing about time: machines differ. Times
 * are the thread's CPU time, so that other processes on a busy machine
 * count less; the two processes are timed by wall clock, medians.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <glib/gstdio.h>

#include "rst-analysis.h"

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
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The generic profile's five minutes, at a brisk 130 words a minute. */
static RstAnalysisContext *bench_context;

static guint
analyse (const char *text,
                 gsize       length)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, length, bench_context);

  g_assert_nonnull (analysis);
  g_assert_cmpuint (rst_analysis_get_length (analysis), ==, length);
  return rst_analysis_get_diagnostics (analysis)->len;
}

/* Median seconds for one analysis; @batch runs per sample so that
 * short inputs are measured above the clock's resolution.
 */
static double
measure (const char *text,
         gsize       length,
         guint       samples,
         guint       batch,
         guint      *n_diagnostics,
         double     *fastest)
{
  g_autofree double *times = g_new (double, samples);

  *n_diagnostics = analyse (text, length);  /* warm up: rules, caches */

  for (guint i = 0; i < samples; i++)
    {
      double start = now_seconds ();

      for (guint k = 0; k < batch; k++)
        analyse (text, length);
      times[i] = (now_seconds () - start) / batch;
    }

  qsort (times, samples, sizeof (double), (int (*)(const void *, const void *))compare_double);
  *fastest = times[0];
  return times[samples / 2];
}

/* A long statement made of the fixture's own paragraphs: heading,
 * salutation, an announced count, numbered priorities, prose, closing.
 */
static char *
generate (const char *fixture,
          gsize       target,
          gsize      *length)
{
  g_auto(GStrv) blocks = g_strsplit (fixture, "\n\n", -1);
  g_autoptr(GPtrArray) prose = g_ptr_array_new ();
  GString *out = g_string_sized_new (target + 4096);
  const char *ordinals[] = { "First", "Second", "Third", "Fourth", "Fifth" };
  guint i = 0;

  for (guint k = 0; blocks[k] != NULL; k++)
    {
      char *block = g_strstrip (blocks[k]);
      const char *comma = strchr (block, ',');

      /* Drop the fixture's own "First, ": the generator numbers. */
      if (comma != NULL && comma - block < 8 && strchr (block, ' ') > comma)
        block = (char *)comma + 2;
      if (strlen (block) > 200 && !g_ascii_islower (block[0]))
        g_ptr_array_add (prose, block);
    }
  g_assert_cmpuint (prose->len, >, 0);

  g_string_append (out, "**Statement by H.E. Ambassador Chen Xu\nat the 114th Session of the Council of IOM**\n\n"
                        "Mr. Chairperson,\n\nAt the outset, we would like to make five points.\n\n");
  while (out->len < target)
    {
      const char *para = g_ptr_array_index (prose, i % prose->len);

      if (i < G_N_ELEMENTS (ordinals))
        g_string_append_printf (out, "%s, %s\n\n", ordinals[i], para);
      else
        g_string_append_printf (out, "%s\n\n", para);
      i++;
    }
  g_string_append (out, "Mr. Chairperson,\n\nI thank you.\n");

  *length = out->len;
  return g_string_free (out, FALSE);
}

static double
wall_seconds (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Median wall time of running @argv, its output thrown away. */
static double
measure_process (const char * const *argv,
                 guint               samples)
{
  g_autofree double *times = g_new (double, samples);

  for (guint i = 0; i < samples; i++)
    {
      g_autoptr(GError) error = NULL;
      double start = wall_seconds ();
      int status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL,
                    G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      times[i] = wall_seconds () - start;
    }

  qsort (times, samples, sizeof (double), (int (*)(const void *, const void *))compare_double);
  return times[samples / 2];
}

static char *
read_corpus (const char *name,
             gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

/* One statement per language, as delegations write them. */
static void
bench_languages (void)
{
  static const char * const files[] = {
    "ar-iom-114-egypt.txt", "en-iom-114-us-pdf.txt", "es-iom-114-segib.txt",
    "fr-iom-114-senegal.txt", "ru-iom-114-belarus.txt", "zh-iom-114-china.txt",
  };

  printf ("# one statement per language (tests/corpus/)\n");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      gsize length;
      g_autofree char *text = read_corpus (files[i], &length);
      guint n_diagnostics;
      double fastest;
      double seconds = measure (text, length, 31, 100, &n_diagnostics, &fastest);

      printf ("%-26s %6zu bytes  median %7.1f µs  fastest %7.1f µs\n",
              files[i], length, seconds * 1e6, fastest * 1e6);
    }
}

/* The same statement with its language given and to be recognized. */
static void
bench_recognition (const char *fixture,
                   gsize       fixture_length)
{
  g_autofree char *given = g_strconcat ("---\nlang: en\n---\n", fixture, NULL);
  guint n_diagnostics;
  double fastest;
  double with = measure (given, strlen (given), 51, 200, &n_diagnostics, &fastest);
  double without = measure (fixture, fixture_length, 51, 200, &n_diagnostics, &fastest);

  printf ("# language recognition: %.1f µs with lang, %.1f µs without: %+.1f %%\n",
          with * 1e6, without * 1e6, (without / with - 1.0) * 100.0);
}

/* `rostrum --check` on the 10 MB statement, against `wc -w`. */
static void
bench_against_wc (const char *text,
                  gsize       length)
{
  const char *rostrum = g_getenv ("ROSTRUM_BIN");
  g_autofree char *wc = g_find_program_in_path ("wc");
  g_autofree char *dir = g_dir_make_tmp ("rostrum-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "statement.txt", NULL);
  g_autoptr(GError) error = NULL;
  double check, words;

  if (rostrum == NULL || wc == NULL)
    {
      printf ("# rostrum --check against wc -w: skipped (%s not found)\n", rostrum == NULL ? "rostrum" : "wc");
      return;
    }

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);

  check = measure_process ((const char * const[]) { rostrum, "--check", path, NULL }, 7);
  words = measure_process ((const char * const[]) { wc, "-w", path, NULL }, 7);
  printf ("# 10 MB: rostrum --check %.0f ms, wc -w %.0f ms: %.2f× (wall clock, medians of 7)\n",
          check * 1e3, words * 1e3, check / words);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *fixture = NULL;
  g_autoptr(GError) error = NULL;
  struct {
    const char *name;
    gsize target;
    guint samples;
    guint batch;
  } runs[] = {
    { "fixture", 0, 51, 200 },
    { "1 MB", 1 << 20, 21, 1 },
    { "10 MB", 10 << 20, 7, 1 },
  };
  double per_mb[G_N_ELEMENTS (runs)];
  gsize fixture_length;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  bench_context = rst_analysis_context_new ();
  rst_analysis_context_set_words_per_minute (bench_context, 130.0);

  path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_file_get_contents (path, &fixture, &fixture_length, &error);
  g_assert_no_error (error);

  printf ("# analysis (parse + check + outline), thread CPU time, median of N runs\n");
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      g_autofree char *generated = NULL;
      const char *text = fixture;
      gsize length = fixture_length;
      guint n_diagnostics;
      double seconds;
      double fastest;
      double mb;

      if (runs[r].target > 0)
        text = generated = generate (fixture, runs[r].target, &length);

      seconds = measure (text, length, runs[r].samples, runs[r].batch, &n_diagnostics, &fastest);
      mb = length / (1024.0 * 1024.0);
      per_mb[r] = seconds / mb;

      if (seconds < 1e-3)
        printf ("%-8s %9zu bytes  median %8.1f µs  %7.1f MB/s  fastest %8.1f µs  (N=%u×%u, %u diagnostics)\n",
                runs[r].name, length, seconds * 1e6, mb / seconds, fastest * 1e6,
                runs[r].samples, runs[r].batch, n_diagnostics);
      else
        printf ("%-8s %9zu bytes  median %8.2f ms  %7.1f MB/s  fastest %8.2f ms  (N=%u, %u diagnostics)\n",
                runs[r].name, length, seconds * 1e3, mb / seconds, fastest * 1e3, runs[r].samples, n_diagnostics);
    }

  printf ("# growth: time per MB at 10 MB / at 1 MB = %.2f (1.00 is linear)\n", per_mb[2] / per_mb[1]);

  bench_recognition (fixture, fixture_length);
  bench_languages ();
  {
    gsize length;
    g_autofree char *big = generate (fixture, 10 << 20, &length);

    bench_against_wc (big, length);
  }

  rst_analysis_context_unref (bench_context);
  return 0;
}
