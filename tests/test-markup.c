/* test-markup.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The markup characters the editor dims are exactly those a reader does
 * not see: what rst_analysis_dup_element_text() drops.
 */

#include "config.h"

#include "rst-markup.h"

/* @text with its runs left out. */
static char *
strip_runs (const char *text)
{
  gsize length = strlen (text);
  g_autoptr(GArray) runs = rst_markup_find_runs (text, length);
  GString *out = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      const RstMarkupRun *run = &g_array_index (runs, RstMarkupRun, i);

      g_assert_cmpuint (run->start, >=, at);
      g_assert_cmpuint (run->end, >, run->start);
      g_string_append_len (out, text + at, run->start - at);
      at = run->end;
    }
  g_string_append (out, text + at);

  return g_string_free (out, FALSE);
}

static void
test_markup_runs (void)
{
  static const struct { const char *text; const char *read; guint n_runs; } cases[] = {
    { "", "", 0 },
    { "Plain text.", "Plain text.", 0 },
    { "**Statement by H.E.**", "Statement by H.E.", 2 },
    { "We *firmly* reject it.", "We firmly reject it.", 2 },
    { "***both***", "both", 2 },
    { "5 \\* 3 = 15", "5 * 3 = 15", 1 },
    { "\\**bold*", "*bold", 3 },
    { "trailing \\", "trailing \\", 0 },
    { "**بيان** *مصر*", "بيان مصر", 4 },
    { "**中国代表团**发言", "中国代表团发言", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *read = strip_runs (cases[i].text);
      g_autoptr(GArray) runs = rst_markup_find_runs (cases[i].text, strlen (cases[i].text));

      g_assert_cmpstr (read, ==, cases[i].read);
      g_assert_cmpuint (runs->len, ==, cases[i].n_runs);
    }
}

/* A length shorter than the string: nothing past it is read. */
static void
test_markup_bounded (void)
{
  const char *text = "ab**cd";
  g_autoptr(GArray) runs = rst_markup_find_runs (text, 3);

  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpuint (g_array_index (runs, RstMarkupRun, 0).start, ==, 2);
  g_assert_cmpuint (g_array_index (runs, RstMarkupRun, 0).end, ==, 3);
  g_assert_false (rst_markup_is_escape ("\\*", 1, 0));
  g_assert_true (rst_markup_is_escape ("\\*", 2, 0));
}

/* A long line of stars is one run, found in linear time. */
static void
test_markup_hostile (void)
{
  gsize length = 4 * 1024 * 1024;
  g_autofree char *text = g_malloc (length);
  g_autoptr(GArray) runs = NULL;

  memset (text, '*', length);
  runs = rst_markup_find_runs (text, length);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpuint (g_array_index (runs, RstMarkupRun, 0).end, ==, length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/markup/runs", test_markup_runs);
  g_test_add_func ("/markup/bounded", test_markup_bounded);
  g_test_add_func ("/markup/hostile", test_markup_hostile);

  return g_test_run ();
}
