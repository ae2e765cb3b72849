/* test-outline.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sidebar's outline, built from the real fixture and its checker run.
 */

#include "config.h"

#include <string.h>

#include "rst-analysis.h"
#include "rst-outline.h"

static char *
load_fixture (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, length, &error);
  g_assert_no_error (error);
  return text;
}

/* The outline the analysis builds with its diagnostics: the generic
 * profile's five minutes at 120 words a minute.
 */
static GPtrArray *
outline_of (const char  *text,
            GPtrArray  **diagnostics_out)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  GPtrArray *outline;

  g_assert_nonnull (analysis);
  g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 300);
  g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 120.0);
  outline = g_ptr_array_ref (rst_analysis_get_outline (analysis));
  if (diagnostics_out != NULL)
    *diagnostics_out = g_ptr_array_ref (rst_analysis_get_diagnostics (analysis));
  return outline;
}

static RstOutlineItem *
find_item (GPtrArray  *outline,
           const char *label)
{
  for (guint i = 0; i < outline->len; i++)
    if (g_strcmp0 (rst_outline_item_get_label (g_ptr_array_index (outline, i)), label) == 0)
      return g_ptr_array_index (outline, i);
  return NULL;
}

static void
test_outline_fixture (void)
{
  g_autofree char *text = load_fixture (NULL);
  g_autoptr(GPtrArray) outline = outline_of (text, NULL);
  const char *expected[] = {
    "Heading", "Salutation", "Opening", "First", "Second", "Third", "Fourth",
    "Return salutation", "Closing",
  };
  RstOutlineItem *fourth;

  g_assert_cmpuint (outline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < outline->len; i++)
    {
      RstOutlineItem *item = g_ptr_array_index (outline, i);

      g_assert_cmpstr (rst_outline_item_get_label (item), ==, expected[i]);
      g_assert_cmpuint (rst_outline_item_get_start (item), <, rst_outline_item_get_end (item));
      g_assert_cmpuint (rst_outline_item_get_end (item), <=, rst_outline_item_get_section_end (item));
      if (i > 0)
        g_assert_cmpuint (rst_outline_item_get_section_end (g_ptr_array_index (outline, i - 1)), ==,
                          rst_outline_item_get_start (item));
    }

  fourth = find_item (outline, "Fourth");
  g_assert_cmpint (rst_outline_item_get_kind (fourth), ==, RST_ELEMENT_PRIORITY);
  g_assert_cmpuint (rst_outline_item_get_line (fourth), ==, 18);
  g_assert_true (g_str_has_prefix (text + rst_outline_item_get_start (fourth), "Fourth,"));

  /* The fixture's two split paragraphs are warnings in First and Fourth;
   * the rest is fine.
   */
  g_assert_cmpint (rst_outline_item_get_status (find_item (outline, "First")), ==, RST_OUTLINE_STATUS_WARNING);
  g_assert_cmpint (rst_outline_item_get_status (fourth), ==, RST_OUTLINE_STATUS_WARNING);
  g_assert_cmpint (rst_outline_item_get_status (find_item (outline, "Second")), ==, RST_OUTLINE_STATUS_FINE);
  g_assert_cmpint (rst_outline_item_get_status (find_item (outline, "Closing")), ==, RST_OUTLINE_STATUS_FINE);
  g_assert_cmpuint (rst_outline_item_get_n_diagnostics (find_item (outline, "Second")), ==, 0);
}

static void
test_outline_error_status (void)
{
  g_autofree char *text = load_fixture (NULL);
  char *fourth = strstr (text, "Fourth,");
  g_autoptr(GString) edited = g_string_new (NULL);
  g_autoptr(GPtrArray) outline = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autofree char *name = NULL;
  RstOutlineItem *fifth;

  g_assert_nonnull (fourth);
  g_string_append_len (edited, text, fourth - text);
  g_string_append (edited, "Fifth");
  g_string_append (edited, fourth + strlen ("Fourth"));

  outline = outline_of (edited->str, &diagnostics);
  fifth = find_item (outline, "Fifth");
  g_assert_nonnull (fifth);
  g_assert_cmpint (rst_outline_item_get_status (fifth), ==, RST_OUTLINE_STATUS_ERROR);
  g_assert_cmpuint (rst_outline_item_get_n_diagnostics (fifth), ==, 2);
  /* Its two: the split paragraph it had, and the number out of sequence. */
  {
    guint in_section = 0;

    for (guint i = 0; i < diagnostics->len; i++)
      {
        gsize start = rst_diagnostic_get_start (g_ptr_array_index (diagnostics, i));

        in_section += start >= rst_outline_item_get_start (fifth) &&
                      start < rst_outline_item_get_section_end (fifth);
      }
    g_assert_cmpuint (in_section, ==, 2);
  }
  g_assert_cmpstr (rst_outline_status_get_icon_name (rst_outline_item_get_status (fifth)), ==,
                   "dialog-error-symbolic");
  name = rst_outline_item_dup_accessible_name (fifth);
  g_assert_cmpstr (name, ==, "Fifth: error");
}

static void
test_outline_numbered_and_lowercase (void)
{
  const char *text =
    "---\ntitle: Test\n---\n"
    "Mr. President,\n\n"
    "Our first priority is peace.\n\n"
    "2. Development matters.\n\n"
    "3. Rights matter.\n\n"
    "Thank you.\n";
  g_autoptr(GPtrArray) outline = outline_of (text, NULL);
  g_autoptr(GString) labels = g_string_new (NULL);

  for (guint i = 0; i < outline->len; i++)
    g_string_append_printf (labels, "%s|", rst_outline_item_get_label (g_ptr_array_index (outline, i)));

  /* Whatever the parser makes of the phrase, numbered ones list by number
   * and no label starts in lower case.
   */
  g_assert_nonnull (strstr (labels->str, "2.|3.|"));
  g_assert_nonnull (strstr (labels->str, "Salutation|"));
  g_assert_true (g_str_has_suffix (labels->str, "Closing|"));
  for (guint i = 0; i < outline->len; i++)
    {
      RstOutlineItem *item = g_ptr_array_index (outline, i);

      g_assert_false (g_unichar_islower (g_utf8_get_char (rst_outline_item_get_label (item))));
      /* Offsets count the front matter: the first entry is after it. */
      g_assert_cmpuint (rst_outline_item_get_start (item), >=, strlen ("---\ntitle: Test\n---\n"));
    }
  /* And so do lines: the salutation is on line 4 of the file. */
  g_assert_cmpuint (rst_outline_item_get_line (find_item (outline, "Salutation")), ==, 4);
}

static void
test_outline_empty (void)
{
  g_autoptr(GPtrArray) outline = outline_of ("", NULL);

  g_assert_cmpuint (outline->len, ==, 0);
}

/* Each entry's share of the speaking time: the shares add up to the
 * gauge's total in every language, and so do the units.
 */
static void
test_outline_times (void)
{
  static const char * const files[] = {
    "ar-iom-114-egypt.txt", "en-hrc-id-high-commissioner.txt", "es-wha-77-mexico.txt",
    "fr-hrc-56-france.txt", "ru-unga-79-russia.txt", "zh-iom-114-china.txt",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", files[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(RstAnalysis) analysis = NULL;
      GPtrArray *outline;
      guint seconds = 0, units = 0;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      analysis = rst_analysis_new (text, -1, NULL);
      outline = rst_analysis_get_outline (analysis);
      g_assert_cmpuint (outline->len, >, 3);

      for (guint k = 0; k < outline->len; k++)
        {
          RstOutlineItem *item = g_ptr_array_index (outline, k);

          seconds += rst_outline_item_get_speaking_seconds (item);
          units += rst_outline_item_get_units (item);
        }

      g_test_message ("%s: %u units, %u s", files[i], units, seconds);
      g_assert_cmpuint (units, ==, rst_analysis_get_units (analysis));
      g_assert_cmpuint (seconds, ==, rst_analysis_get_speaking_seconds (analysis));
    }

  /* A priority's continuation paragraphs are its time too. */
  {
    g_autoptr(GPtrArray) outline = outline_of ("Mr. President,\n\nFirst, one two three.\n\n"
                                               "Four five six seven.\n\nSecond, eight.\n\nI thank you.\n",
                                               NULL);
    RstOutlineItem *first = find_item (outline, "First");

    g_assert_nonnull (first);
    g_assert_cmpuint (rst_outline_item_get_units (first), ==, 8);
  }
}

/* What must go to fit: "38 words over 3:00", characters in Chinese. */
static void
test_outline_over (void)
{
  GString *text = g_string_new ("---\ntime-limit: \"0:30\"\n---\nMr. President,\n\n");
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(RstAnalysis) chinese = NULL;
  g_autofree char *over = NULL;
  g_autofree char *over_zh = NULL;

  /* 60 words a line at 120 words a minute: 30 seconds hold 60 words. */
  for (guint i = 0; i < 98; i++)
    g_string_append (text, "word ");
  g_string_append (text, "\n\nI thank you.\n");

  analysis = rst_analysis_new (text->str, -1, NULL);
  g_assert_cmpuint (rst_analysis_get_units (analysis), ==, 2 + 98 + 3);
  g_assert_cmpuint (rst_analysis_get_units_over (analysis), ==, 103 - 60);
  over = rst_analysis_dup_over_text (analysis);
  g_assert_cmpstr (over, ==, "43 words over 0:30");

  chinese = rst_analysis_new ("---\nlang: zh\ntime-limit: \"0:10\"\n---\n主席先生：\n\n"
                              "中方支持机构的工作，愿同各方一道努力，推动国际合作不断取得新的进展。\n\n谢谢主席。\n",
                              -1, NULL);
  g_assert_cmpint (rst_analysis_get_timing_unit (chinese), ==, RST_TIMING_UNIT_CHARACTERS);
  over_zh = rst_analysis_dup_over_text (chinese);
  g_assert_nonnull (over_zh);
  g_assert_nonnull (strstr (over_zh, "characters over 0:10"));

  g_string_free (text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/outline/fixture", test_outline_fixture);
  g_test_add_func ("/outline/error-status", test_outline_error_status);
  g_test_add_func ("/outline/numbered-and-lowercase", test_outline_numbered_and_lowercase);
  g_test_add_func ("/outline/empty", test_outline_empty);
  g_test_add_func ("/outline/times", test_outline_times);
  g_test_add_func ("/outline/over", test_outline_over);

  return g_test_run ();
}
