/* test-rehearsal.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-rehearsal.h"

static const char * const corpus[] = {
  "ar-iom-114-egypt.txt", "en-hrc-id-high-commissioner.txt", "es-wha-77-mexico.txt",
  "fr-hrc-56-france.txt", "ru-unga-79-russia.txt", "zh-iom-114-china.txt",
};

static RstAnalysis *
analysis_of_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return rst_analysis_new (text, -1, NULL);
}

/* The sentences hold every word once, in order, each in one part, and
 * their times add up to the gauge's total and, part by part, to the
 * outline's times, in all six languages.
 */
static void
test_rehearsal_times_sum (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autoptr(RstAnalysis) analysis = analysis_of_file (corpus[i]);
      g_autoptr(RstRehearsal) rehearsal = rst_rehearsal_new (analysis);
      GPtrArray *outline = rst_analysis_get_outline (analysis);
      g_autofree guint *part_seconds = g_new0 (guint, outline->len);
      g_autofree guint *part_units = g_new0 (guint, outline->len);
      guint n = rst_rehearsal_get_n_sentences (rehearsal);
      guint seconds = 0, units = 0;
      gsize last_end = 0;

      g_assert_cmpuint (n, >, 5);
      for (guint k = 0; k < n; k++)
        {
          const RstRehearsalSentence *s = rst_rehearsal_get_sentence (rehearsal, k);

          g_assert_cmpuint (s->start, <, s->end);
          g_assert_cmpuint (s->start, >=, last_end);
          g_assert_cmpuint (s->units, >, 0);
          g_assert_cmpuint (s->start_seconds, ==, seconds);
          g_assert_cmpuint (s->part, <, outline->len);
          /* The part's section holds the sentence. */
          if (s->part > 0)
            g_assert_cmpuint (s->start, >=,
                              rst_outline_item_get_start (g_ptr_array_index (outline, s->part)));
          g_assert_cmpuint (s->end, <=,
                            rst_outline_item_get_section_end (g_ptr_array_index (outline, s->part)));
          g_assert_cmpuint (rst_rehearsal_find_sentence (rehearsal, s->start), ==, k);
          g_assert_cmpuint (rst_rehearsal_find_sentence (rehearsal, s->end - 1), ==, k);

          seconds += s->seconds;
          units += s->units;
          part_seconds[s->part] += s->seconds;
          part_units[s->part] += s->units;
          last_end = s->end;
        }

      g_test_message ("%s: %u sentences, %u units, %u s", corpus[i], n, units, seconds);
      g_assert_cmpuint (units, ==, rst_analysis_get_units (analysis));
      g_assert_cmpuint (seconds, ==, rst_analysis_get_speaking_seconds (analysis));
      for (guint p = 0; p < outline->len; p++)
        {
          RstOutlineItem *item = g_ptr_array_index (outline, p);

          g_assert_cmpuint (part_seconds[p], ==, rst_outline_item_get_speaking_seconds (item));
          g_assert_cmpuint (part_units[p], ==, rst_outline_item_get_units (item));
        }
    }
}

static RstRehearsal *
rehearsal_of (const char *text)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);

  return rst_rehearsal_new (analysis);
}

static char *
sentence_text (RstRehearsal *rehearsal,
               guint         index)
{
  const RstRehearsalSentence *s = rst_rehearsal_get_sentence (rehearsal, index);
  const char *text = rst_analysis_get_text (rst_rehearsal_get_analysis (rehearsal));

  return g_strndup (text + s->start, s->end - s->start);
}

/* The rules' sentence ends: "Mr." and "e.g. the" go on; a paragraph ends
 * a sentence that lacks its full stop; Chinese ends at 。
 */
static void
test_rehearsal_sentences (void)
{
  static const struct {
    const char *text;
    const char *sentences[6];
  } cases[] = {
    { "Mr. President,\n\nFirst, we thank Mr. Smith. We support e.g. the plan.\n\nI thank you.\n",
      { "Mr. President,", "First, we thank Mr. Smith.", "We support e.g. the plan.", "I thank you.", NULL } },
    { "Mr. President,\n\n1. We thank you. We agree.\n\n2. We support it.\n\nI thank you.\n",
      { "Mr. President,", "1. We thank you.", "We agree.", "2. We support it.", "I thank you.", NULL } },
    { "---\nlang: zh\n---\n主席先生：\n\n第一，我们支持。我们赞赏。\n\n谢谢主席。\n",
      { "主席先生：", "第一，我们支持。", "我们赞赏。", "谢谢主席。", NULL } },
    { "---\nlang: ar\n---\nالسيد الرئيس،\n\nأولاً، نرحب بالتقرير. ونؤيد الخطة\n\nوشكراً.\n",
      { "السيد الرئيس،", "أولاً، نرحب بالتقرير.", "ونؤيد الخطة", "وشكراً.", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RstRehearsal) rehearsal = rehearsal_of (cases[i].text);
      guint n = g_strv_length ((char **) cases[i].sentences);

      g_assert_cmpuint (rst_rehearsal_get_n_sentences (rehearsal), ==, n);
      for (guint k = 0; k < n; k++)
        {
          g_autofree char *text = sentence_text (rehearsal, k);

          g_assert_cmpstr (text, ==, cases[i].sentences[k]);
        }
    }
}

/* What a rehearsal learns: the time per part and the speaker's pace. */
static void
test_rehearsal_record (void)
{
  g_autoptr(RstRehearsal) rehearsal =
    rehearsal_of ("Mr. President,\n\nFirst, one two three four five six seven eight nine ten.\n\n"
                  "Second, one two three four five six seven eight nine.\n\nI thank you.\n");
  GPtrArray *outline = rst_analysis_get_outline (rst_rehearsal_get_analysis (rehearsal));
  guint n = rst_rehearsal_get_n_sentences (rehearsal);
  guint units = 0;

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (outline->len, ==, 4);
  g_assert_false (rst_rehearsal_has_times (rehearsal));
  g_assert_cmpfloat (rst_rehearsal_get_units_per_minute (rehearsal), ==, 0.0);

  for (guint k = 0; k < n; k++)
    units += rst_rehearsal_get_sentence (rehearsal, k)->units;
  g_assert_cmpuint (units, ==, 26);

  /* Ten seconds on each sentence but the second, which had two goes. */
  for (guint k = 0; k < n; k++)
    rst_rehearsal_add_time (rehearsal, k, 5.0);
  rst_rehearsal_add_time (rehearsal, 1, 2.5);
  rst_rehearsal_add_time (rehearsal, 1, -3.0);
  g_assert_true (rst_rehearsal_has_times (rehearsal));
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_time (rehearsal, 1), 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_part_time (rehearsal, 1), 7.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_part_time (rehearsal, 2), 5.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_part_time (rehearsal, RST_REHEARSAL_NO_PART), 0.0, 1e-9);
  /* 26 words in 22.5 seconds. */
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_units_per_minute (rehearsal), 26 * 60 / 22.5, 1e-9);

  rst_rehearsal_clear_times (rehearsal);
  g_assert_false (rst_rehearsal_has_times (rehearsal));
}

/* Nothing to rehearse is no sentence, and no crash. */
static void
test_rehearsal_empty (void)
{
  g_autoptr(RstRehearsal) rehearsal = rehearsal_of ("");
  g_autoptr(RstRehearsal) bare = rehearsal_of ("one two three");

  g_assert_cmpuint (rst_rehearsal_get_n_sentences (rehearsal), ==, 0);
  g_assert_cmpuint (rst_rehearsal_find_sentence (rehearsal, 10), ==, 0);
  g_assert_cmpuint (rst_rehearsal_get_n_sentences (bare), ==, 1);
  g_assert_cmpuint (rst_rehearsal_get_sentence (bare, 0)->units, ==, 3);
  g_assert_cmpuint (rst_rehearsal_find_sentence (bare, 100), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rehearsal/times-sum", test_rehearsal_times_sum);
  g_test_add_func ("/rehearsal/sentences", test_rehearsal_sentences);
  g_test_add_func ("/rehearsal/record", test_rehearsal_record);
  g_test_add_func ("/rehearsal/empty", test_rehearsal_empty);

  return g_test_run ();
}
