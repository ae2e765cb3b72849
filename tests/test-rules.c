/* test-rules.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matchers over one language's rule file: what a salutation, a
 * closing, a priority marker, an announced count and a sentence's end are.
 */

#include "config.h"

#include <string.h>

#include "rst-language.h"
#include "rst-rules.h"

static const RstRules *
english (void)
{
  return rst_rules_get ("en");
}

static void
test_lookup (void)
{
  /* A language without a file falls back to English, once. */
  g_assert_true (rst_rules_get ("en-GB") == english ());
  g_assert_true (rst_rules_get (NULL) == english ());
  g_assert_true (rst_rules_get ("xx") == english ());
  g_assert_true (rst_rules_has_language ("en"));
  g_assert_false (rst_rules_has_language ("xx"));
}

/* The rules and the way of writing are found by the same primary
 * subtag, whatever form the front matter gives the tag in.
 */
static void
test_language_tags (void)
{
  static const struct {
    const char *tag;
    const char *primary;
    const char *official;
  } cases[] = {
    { "fr", "fr", "fr" },
    { "fr-CH", "fr", "fr" },
    { "zh_CN", "zh", "zh" },
    { "EN", "en", "en" },
    { "ar.UTF-8", "ar", "ar" },
    { "ast", "ast", NULL },
    { "de", "de", NULL },
    { NULL, "en", NULL },
    { "", "en", NULL },
    { "e", "en", NULL },
    { "english", "en", NULL },
    { "fr/../../etc", "en", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *primary = rst_language_dup_primary (cases[i].tag);

      g_assert_cmpstr (primary, ==, cases[i].primary);
      g_assert_cmpstr (rst_language_normalize (cases[i].tag), ==, cases[i].official);
    }

  g_assert_true (rst_rules_get ("fr-CH") == rst_rules_get ("fr"));
  g_assert_true (rst_rules_get ("zh_CN") == rst_rules_get ("zh"));
  g_assert_false (rst_rules_get ("zh") == english ());
}

static void
test_salutation (void)
{
  static const struct {
    const char *line;
    gboolean    is;
    const char *chair;
  } cases[] = {
    { "Mr. Chairperson,", TRUE, "Mr. Chairperson" },
    { "Madam President,", TRUE, "Madam President" },
    { "Excellencies, ladies and gentlemen,", TRUE, NULL },
    { "Thank you, Mr. President,", TRUE, "Mr. President" },
    { "Mr. President, distinguished delegates,", TRUE, "Mr. President" },
    { "**Mr. Chair,**", TRUE, "Mr. Chair" },
    { "We thank the President,", FALSE, NULL },
    { "Mr. Smith went to Geneva.", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RstAddress chair;
      gboolean is = rst_rules_match_salutation (english (), cases[i].line, strlen (cases[i].line), &chair);

      g_assert_cmpint (is, ==, cases[i].is);
      if (cases[i].chair != NULL)
        {
          g_assert_true (chair.found);
          g_assert_cmpmem (cases[i].line + chair.start, chair.end - chair.start,
                           cases[i].chair, strlen (cases[i].chair));
        }
    }
}

static void
test_closing (void)
{
  static const struct {
    const char *line;
    gboolean    is;
    gboolean    stop;
  } cases[] = {
    { "I thank you.", TRUE, TRUE },
    { "Thank you", TRUE, FALSE },
    { "Thank you, Mr. President.", TRUE, TRUE },
    { "Madam Chair, I thank you.", TRUE, TRUE },
    { "I thank you for your attention.", TRUE, TRUE },
    { "Thank you for the report on migration.", FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean stop = FALSE;
      gboolean is = rst_rules_match_closing (english (), cases[i].line, strlen (cases[i].line), &stop, NULL);

      g_assert_cmpint (is, ==, cases[i].is);
      if (is)
        g_assert_cmpint (stop, ==, cases[i].stop);
    }
}

static void
test_priority (void)
{
  static const struct {
    const char     *text;
    gboolean        is;
    guint           value;
    RstOrdinalStyle style;
    const char     *marker;
  } cases[] = {
    { "First, focus on the root causes.", TRUE, 1, RST_ORDINAL_STYLE_WORD, "First" },
    { "Secondly we ask.", TRUE, 2, RST_ORDINAL_STYLE_LY, "Secondly" },
    { "3. Funding must follow.", TRUE, 3, RST_ORDINAL_STYLE_NUMBER, "3." },
    { "Finally, we thank you.", TRUE, 0, RST_ORDINAL_STYLE_FINALLY, "Finally" },
    { "Last but not least, a word.", TRUE, 0, RST_ORDINAL_STYLE_FINALLY, "Last but not least" },
    { "Our second priority is health.", TRUE, 2, RST_ORDINAL_STYLE_PHRASE, "second" },
    { "Last year we met.", FALSE, 0, 0, NULL },
    { "2023. was a year.", FALSE, 0, 0, NULL },
    { "First of all the facts.", FALSE, 0, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize ms = 0, me = 0;
      guint value = 0;
      RstOrdinalStyle style = RST_ORDINAL_STYLE_NONE;
      gboolean is = rst_rules_match_priority (english (), cases[i].text, strlen (cases[i].text),
                                              &ms, &me, &value, &style);

      g_assert_cmpint (is, ==, cases[i].is);
      if (!is)
        continue;
      g_assert_cmpuint (value, ==, cases[i].value);
      g_assert_cmpint (style, ==, cases[i].style);
      g_assert_cmpmem (cases[i].text + ms, me - ms, cases[i].marker, strlen (cases[i].marker));
    }
}

static void
test_announced_count (void)
{
  const char *text = "Let me highlight three key points.";
  gsize start, end, ms, me;
  guint value = 0;

  g_assert_true (rst_rules_find_announced_count (english (), text, strlen (text), &start, &end, &ms, &me, &value));
  g_assert_cmpuint (value, ==, 3);
  g_assert_cmpmem (text + ms, me - ms, "three", 5);
  g_assert_cmpmem (text + start, end - start, "three key points", 16);

  text = "I would like to highlight the following points:";
  g_assert_true (rst_rules_find_announced_count (english (), text, strlen (text), &start, &end, &ms, &me, &value));
  g_assert_cmpuint (value, ==, 0);

  text = "We had three meetings.";
  g_assert_false (rst_rules_find_announced_count (english (), text, strlen (text), &start, &end, &ms, &me, &value));
}

/* Where sentences end, as long-sentence, the reading copy and the
 * rehearsal view cut them.
 */
static void
test_sentences (void)
{
  static const struct {
    const char *text;
    gboolean    ends;
  } cases[] = {
    { "We agree.", TRUE },
    { "We agree?", TRUE },
    { "He said “we agree.”", TRUE },
    { "We thank Mr.", FALSE },
    { "We thank H.E.", FALSE },
    { "And so on...", TRUE },
    { "We agree", FALSE },
    { "我们同意。", TRUE },
    { "هل نوافق؟", TRUE },
    { "**We agree.**", TRUE },
  };
  const char *text = "Mr. Smith spoke. We agree, e.g. the second. No. 5 follows!";
  gsize pos = 0, ws, we;
  g_autoptr(GArray) stops = g_array_new (FALSE, FALSE, sizeof (gsize));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (rst_rules_ends_sentence (english (), cases[i].text, 0, strlen (cases[i].text)),
                     ==, cases[i].ends);

  while (rst_next_word (text, &pos, strlen (text), &ws, &we))
    {
      gsize stop = rst_rules_sentence_stop (english (), text, ws, we, strlen (text));

      if (stop > 0)
        g_array_append_val (stops, stop);
    }
  /* After "spoke.", "second." and "follows!"; not after Mr., e.g. nor No. */
  g_assert_cmpuint (stops->len, ==, 3);
  g_assert_cmpuint (g_array_index (stops, gsize, 0), ==, strstr (text, " We") - text);
  g_assert_cmpuint (g_array_index (stops, gsize, 1), ==, strstr (text, " No.") - text);
  g_assert_cmpuint (g_array_index (stops, gsize, 2), ==, strlen (text));
}

static void
test_session_ordinals (void)
{
  static const struct {
    guint       n;
    const char *text;
  } cases[] = {
    { 1, "1st" }, { 2, "2nd" }, { 3, "3rd" }, { 4, "4th" }, { 11, "11th" }, { 12, "12th" },
    { 13, "13th" }, { 21, "21st" }, { 101, "101st" }, { 111, "111th" }, { 112, "112th" }, { 114, "114th" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rst_rules_format_session_ordinal (english (), cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_cmpstr (rst_rules_ordinal_suffix (english (), 113), ==, "th");
  g_assert_true (rst_rules_is_ordinal_suffix (english (), "rd", 2));
  g_assert_false (rst_rules_is_ordinal_suffix (english (), "ab", 2));
}

static void
test_find_session (void)
{
  static const struct {
    const char *heading;
    guint       session;
  } cases[] = {
    { "Statement by H.E. Ambassador Chen Xu at the 114th Session of the Council of IOM", 114 },
    { "Human Rights Council 58th regular session", 58 },
    { "The 114 members of the Council", 0 },
    { "Statement by the delegation of Ireland", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpuint (rst_rules_find_session (english (), cases[i].heading, strlen (cases[i].heading)),
                      ==, cases[i].session);
}

static void
test_replacements (void)
{
  g_autofree char *fourth = rst_rules_ordinal_for (english (), RST_ORDINAL_STYLE_WORD, 4, "FIFTH", 5);
  g_autofree char *secondly = rst_rules_ordinal_for (english (), RST_ORDINAL_STYLE_LY, 2, "thirdly", 7);
  g_autofree char *number = rst_rules_ordinal_for (english (), RST_ORDINAL_STYLE_NUMBER, 3, "4)", 2);
  g_autofree char *four = rst_rules_count_word_for (english (), 4, "Three", 5);
  g_autofree char *digit = rst_rules_count_word_for (english (), 4, "3", 1);

  g_assert_cmpstr (fourth, ==, "FOURTH");
  g_assert_cmpstr (secondly, ==, "secondly");
  g_assert_cmpstr (number, ==, "3)");
  g_assert_cmpstr (four, ==, "Four");
  g_assert_cmpstr (digit, ==, "4");
  g_assert_null (rst_rules_ordinal_for (english (), RST_ORDINAL_STYLE_WORD, 99, "First", 5));
  g_assert_cmpstr (rst_rules_get_default_closing (english ()), ==, "I thank you.");
}

/* One tokenizer for the word count, the checker and the timing. */
static void
test_words (void)
{
  const char *text = "Director-General’s report, H.E. — 3.5% «ODA» don't";
  gsize pos = 0, ws, we;
  guint n = 0;

  while (rst_next_word (text, &pos, strlen (text), &ws, &we))
    n++;
  g_assert_cmpuint (n, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/lookup", test_lookup);
  g_test_add_func ("/rules/language-tags", test_language_tags);
  g_test_add_func ("/rules/salutation", test_salutation);
  g_test_add_func ("/rules/closing", test_closing);
  g_test_add_func ("/rules/priority", test_priority);
  g_test_add_func ("/rules/announced-count", test_announced_count);
  g_test_add_func ("/rules/sentences", test_sentences);
  g_test_add_func ("/rules/session-ordinals", test_session_ordinals);
  g_test_add_func ("/rules/find-session", test_find_session);
  g_test_add_func ("/rules/replacements", test_replacements);
  g_test_add_func ("/rules/words", test_words);

  return g_test_run ();
}
