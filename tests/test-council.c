/* test-council.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-analysis.h"
#include "rst-council-list.h"
#include "rst-council.h"

/* The figures each profile's comment documents. */
static const struct {
  const char *id;
  const char *name;
  const char *chair_title;
  guint       time_limit;
  double      words_per_minute;
  const char *paper;
} builtins[] = {
  { "hrc", "Human Rights Council", "President", 180, 120.0, "a4" },
  { "iaea-gc", "IAEA General Conference", "President", 420, 100.0, "a4" },
  { "iom", "IOM Council", "Chairperson", 300, 120.0, "a4" },
  { "unga", "United Nations General Assembly", "President", 900, 120.0, "letter" },
  { "unhcr-excom", "UNHCR Executive Committee", "Chairperson", 300, 120.0, "a4" },
  { "unhcr-sc", "UNHCR Standing Committee", "Chairperson", 180, 120.0, "a4" },
  { "unsc", "United Nations Security Council", "President", 300, 120.0, "letter" },
  { "wha", "World Health Assembly", "President", 180, 110.0, "a4" },
  { "generic", "Generic council", "Chairperson", 300, 120.0, "a4" },
};

static char *
user_dir (void)
{
  g_autofree char *dir = rst_council_dup_user_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_steal_pointer (&dir);
}

static char *
write_user_profile (const char *basename,
                    const char *contents)
{
  g_autofree char *dir = user_dir ();
  g_autofree char *path = g_build_filename (dir, basename, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static void
test_builtins_load (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      RstCouncil *council;
      g_autoptr(GError) error = NULL;
      double top, right, bottom, left;

      council = rst_council_list_lookup (councils, builtins[i].id, &error);
      g_assert_no_error (error);
      g_assert_nonnull (council);

      g_assert_cmpstr (rst_council_get_id (council), ==, builtins[i].id);
      g_assert_cmpstr (rst_council_get_name (council), ==, builtins[i].name);
      g_assert_cmpstr (rst_council_get_chair_title (council), ==, builtins[i].chair_title);
      g_assert_cmpuint (rst_council_get_time_limit_seconds (council), ==, builtins[i].time_limit);
      g_assert_cmpfloat (rst_council_get_words_per_minute (council), ==, builtins[i].words_per_minute);
      g_assert_cmpstr (rst_council_get_paper (council), ==, builtins[i].paper);
      g_assert_true (rst_council_is_builtin (council));
      g_assert_true (g_str_has_prefix (rst_council_get_origin (council), "resource:///"));

      /* Everything an exporter or a template needs is there. */
      g_assert_cmpstr (rst_council_get_short_name (council), !=, "");
      g_assert_cmpstr (rst_council_get_chair_form (council), ==, "Mr.");
      g_assert_nonnull (strstr (rst_council_get_heading_pattern (council), "{"));
      g_assert_cmpstr (rst_council_get_delivery_mark (council), ==, "Check against delivery");
      g_assert_nonnull (strstr (rst_council_get_file_name_pattern (council), "{session}"));
      g_assert_cmpstr (rst_council_get_font (council), ==, "Liberation Serif");
      g_assert_cmpfloat (rst_council_get_font_size (council), ==, 12.0);
      g_assert_cmpfloat (rst_council_get_line_spacing (council), >, 1.0);
      rst_council_get_margins_mm (council, &top, &right, &bottom, &left);
      g_assert_cmpfloat (top, >=, 20.0);
      g_assert_cmpfloat (right, >=, 20.0);
      g_assert_cmpfloat (bottom, >=, 20.0);
      g_assert_cmpfloat (left, >=, 20.0);

      g_assert_cmpint (rst_council_is_generic (council), ==,
                       g_str_equal (builtins[i].id, RST_COUNCIL_GENERIC_ID));
    }

  g_assert_true (rst_council_is_generic (rst_council_list_get_generic (councils)));
  g_assert_true (rst_council_list_get_generic (councils) ==
                 rst_council_list_lookup (councils, RST_COUNCIL_GENERIC_ID, NULL));
}

static void
test_list_sorted (void)
{
  g_autoptr(RstCouncilList) list = rst_council_list_new (NULL);
  GListModel *councils = G_LIST_MODEL (list);
  GPtrArray *problems = rst_council_list_get_problems (list);

  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (g_list_model_get_item_type (councils) == RST_TYPE_COUNCIL);
  g_assert_cmpuint (g_list_model_get_n_items (councils), ==, G_N_ELEMENTS (builtins));
  g_assert_null (g_list_model_get_item (councils, G_N_ELEMENTS (builtins)));

  /* The table above is in the promised order: by id, generic last. */
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (councils, i);
      g_autofree char *id = NULL;

      g_assert_cmpstr (rst_council_get_id (council), ==, builtins[i].id);
      /* The properties list widgets bind to. */
      g_object_get (council, "id", &id, NULL);
      g_assert_cmpstr (id, ==, builtins[i].id);
    }
}

static void
test_user_overrides (void)
{
  g_autoptr(RstCouncilList) before = NULL;
  g_autoptr(RstCouncilList) councils = NULL;
  g_autoptr(RstCouncilList) cached = NULL;
  g_autoptr(RstCouncilList) reloaded = NULL;
  RstCouncil *iom;
  RstCouncil *mine;
  g_autoptr(GError) error = NULL;
  g_autofree char *iom_path = NULL;
  g_autofree char *mine_path = NULL;

  /* The process-wide list, read before the user's profiles exist. */
  rst_council_list_reload_default ();
  before = rst_council_list_get_default ();
  g_assert_true (rst_council_is_builtin (rst_council_list_lookup (before, "iom", NULL)));

  iom_path = write_user_profile ("iom.council",
                                 "[Council]\n"
                                 "Name=IOM Council (our mission)\n"
                                 "ChairTitle=Chair\n"
                                 "ChairForm=Madam\n"
                                 "TimeLimit=4:00\n"
                                 "WordsPerMinute=105\n");
  mine_path = write_user_profile ("ilo-gb.council",
                                  "[Council]\n"
                                  "Name=ILO Governing Body\n"
                                  "TimeLimit=3:30\n"
                                  "[Page]\n"
                                  "Paper=Letter\n"
                                  "Margins=20;15;20;15;\n");

  councils = rst_council_list_new (NULL);
  g_assert_cmpuint (rst_council_list_get_problems (councils)->len, ==, 0);
  iom = rst_council_list_lookup (councils, "iom", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_council_get_name (iom), ==, "IOM Council (our mission)");
  g_assert_cmpstr (rst_council_get_chair_form (iom), ==, "Madam");
  g_assert_cmpuint (rst_council_get_time_limit_seconds (iom), ==, 240);
  g_assert_cmpfloat (rst_council_get_words_per_minute (iom), ==, 105.0);
  g_assert_false (rst_council_is_builtin (iom));
  g_assert_cmpstr (rst_council_get_origin (iom), ==, iom_path);
  /* Keys the user left out take their documented defaults. */
  g_assert_cmpstr (rst_council_get_short_name (iom), ==, "IOM Council (our mission)");
  g_assert_cmpstr (rst_council_get_paper (iom), ==, "a4");

  mine = rst_council_list_lookup (councils, "ilo-gb", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rst_council_get_time_limit_seconds (mine), ==, 210);
  g_assert_cmpstr (rst_council_get_paper (mine), ==, "letter");
  {
    double top, right, bottom, left;

    rst_council_get_margins_mm (mine, &top, &right, &bottom, &left);
    g_assert_cmpfloat (top, ==, 20.0);
    g_assert_cmpfloat (right, ==, 15.0);
    g_assert_cmpfloat (bottom, ==, 20.0);
    g_assert_cmpfloat (left, ==, 15.0);
  }

  /* One replaced, one added. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (councils)), ==, G_N_ELEMENTS (builtins) + 1);
  {
    g_autoptr(RstCouncil) last = g_list_model_get_item (G_LIST_MODEL (councils),
                                                        g_list_model_get_n_items (G_LIST_MODEL (councils)) - 1);

    g_assert_cmpstr (rst_council_get_id (last), ==, "generic");
  }
  /* A user profile is found by its name like any other. */
  g_assert_true (rst_council_list_resolve (councils, "ILO Governing Body") == mine);

  /* The default list is read once: the new files show after a reload,
   * and a holder of the old list keeps it as it was.
   */
  cached = rst_council_list_get_default ();
  g_assert_true (cached == before);
  g_assert_null (rst_council_list_lookup (cached, "ilo-gb", NULL));
  rst_council_list_reload_default ();
  reloaded = rst_council_list_get_default ();
  g_assert_true (reloaded != before);
  g_assert_cmpuint (rst_council_get_time_limit_seconds (rst_council_list_lookup (reloaded, "iom", NULL)), ==, 240);
  g_assert_nonnull (rst_council_list_lookup (reloaded, "ilo-gb", NULL));
  g_assert_true (rst_council_is_builtin (rst_council_list_lookup (before, "iom", NULL)));

  /* An analysis without a context of its own uses the default list. */
  {
    g_autoptr(RstAnalysis) analysis = rst_analysis_new ("---\ncouncil: ilo-gb\n---\nMr. Chair,\n", -1, NULL);

    g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "ilo-gb");
    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 210);
  }
}

static void
test_malformed_user_profiles (void)
{
  static const struct {
    const char *basename;
    const char *contents;
    const char *key;
    const char *value;
  } cases[] = {
    { "hrc.council", "[Council]\nName=HRC mine\nTimeLimit=abc\n", "TimeLimit", "abc" },
    { "iom.council", "[Council]\nShortName=IOM\nTimeLimit=5:00\n", "Name", NULL },
    { "wha.council", "[Council]\nName=WHA\n[Page]\nFontSize=-3\n", "FontSize", "-3" },
    { "unga.council", "[Council]\nName=GA\n[Page]\nMargins=10;10\n", "Margins", "10;10" },
    { "iaea-gc.council", "[Council]\nName=GC\nWordsPerMinute=fast\n", "WordsPerMinute", "fast" },
    { "unhcr-excom.council", "[Council]\nName=ExCom\n[Page]\nPaper=A0\n", "Paper", "A0" },
    { "generic.council", "this is not a key file\n", NULL, NULL },
  };
  g_autoptr(RstCouncilList) councils = NULL;
  GPtrArray *problems;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = user_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_free (write_user_profile (cases[i].basename, cases[i].contents));

  councils = rst_council_list_new (NULL);
  problems = rst_council_list_get_problems (councils);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (cases));

  /* Nothing hidden: every built-in is still there, as it ships. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (councils)), ==, G_N_ELEMENTS (builtins));
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      RstCouncil *council = rst_council_list_lookup (councils, builtins[i].id, &error);

      g_assert_no_error (error);
      g_assert_true (rst_council_is_builtin (council));
      g_assert_cmpuint (rst_council_get_time_limit_seconds (council), ==, builtins[i].time_limit);
    }

  /* Each problem names the file and, when it is about a value, the key
   * and the value, so that the user can find and fix it. The user's
   * folder is read in name order.
   */
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);
      gboolean matched = FALSE;

      g_assert_error (problem, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID);
      g_assert_null (strchr (problem->message, '\n'));

      for (guint j = 0; j < G_N_ELEMENTS (cases); j++)
        {
          g_autofree char *path = g_build_filename (dir, cases[j].basename, NULL);
          g_autofree char *prefix = g_strconcat (path, ":", NULL);

          if (!g_str_has_prefix (problem->message, prefix))
            continue;

          matched = TRUE;
          if (cases[j].key != NULL)
            g_assert_nonnull (strstr (problem->message, cases[j].key));
          if (cases[j].value != NULL)
            g_assert_nonnull (strstr (problem->message, cases[j].value));
        }

      g_assert_true (matched);
    }
}

static void
test_broken_user_only_profile (void)
{
  g_autoptr(RstCouncilList) councils = NULL;
  RstCouncil *council;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = write_user_profile ("ilo-gb.council", "[Council]\nName=ILO\nTimeLimit=-1:00\n");
  councils = rst_council_list_new (NULL);

  /* Not "no such profile": what is wrong with the one there is. */
  council = rst_council_list_lookup (councils, "ilo-gb", &error);
  g_assert_null (council);
  g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "TimeLimit"));
  g_clear_error (&error);

  council = rst_council_list_lookup (councils, "no-such-council", &error);
  g_assert_null (council);
  g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-council"));

  /* A statement for that council is timed with the generic profile, and
   * the hint says what is wrong with the drafter's file.
   */
  {
    g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
    g_autoptr(RstAnalysis) analysis = NULL;
    GPtrArray *diagnostics;
    RstDiagnostic *unknown = NULL;

    rst_analysis_context_set_councils (context, councils);
    analysis = rst_analysis_new ("---\ncouncil: ilo-gb\n---\nMr. Chair,\n", -1, context);
    diagnostics = rst_analysis_get_diagnostics (analysis);
    for (guint i = 0; i < diagnostics->len; i++)
      if (g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), RST_CODE_COUNCIL_UNKNOWN))
        unknown = g_ptr_array_index (diagnostics, i);

    g_assert_null (rst_analysis_get_council_id (analysis));
    g_assert_true (rst_council_is_generic (rst_analysis_get_council (analysis)));
    g_assert_nonnull (unknown);
    g_assert_cmpint (rst_diagnostic_get_severity (unknown), ==, RST_SEVERITY_INFO);
    g_assert_nonnull (strstr (rst_diagnostic_get_message (unknown), "ilo-gb"));
    g_assert_nonnull (strstr (rst_diagnostic_get_message (unknown), "TimeLimit"));
  }
}

static void
test_key_file_errors (void)
{
  static const struct {
    const char *data;
    const char *expected;
  } cases[] = {
    { "[Page]\nPaper=a4\n", "[Council]" },
    { "[Council]\nName=\n", "Name" },
    { "[Council]\nName=X\nTimeLimit=5:75\n", "TimeLimit" },
    { "[Council]\nName=X\nWordsPerMinute=1000\n", "WordsPerMinute" },
    { "[Council]\nName=X\n[Page]\nLineSpacing=0\n", "LineSpacing" },
    { "[Council]\nName=X\n[Page]\nMargins=10;-5;10;10\n", "Margins" },
    { "[Council]\nName=X\nFileNamePattern=../{session}\n", "FileNamePattern" },
    /* 148 mm of A5 less 100 mm margins each side: no room for text. */
    { "[Council]\nName=X\n[Page]\nPaper=a5\nMargins=100;100;100;100\n", "no room for text" },
    { "[Council]\nName=X\n[Page]\nPaper=a5\nMargins=100;20;100;20\n", "no room for text" },
    { "[Council]\nName=X\nSessionPattern=HRC(\n", "SessionPattern" },
    { "[Council]\nName=X\nSessionPattern=HRC\\d+\n", "(?<n>" },
    { "[Council]\nName=X\nWordsPerMinute[zh]=9999\n", "WordsPerMinute[zh]" },
    /* An escape that is not one and a backslash at the end: GLib 2.74
     * warns on unescaping it (fuzz-council, with G_DEBUG=fatal-warnings
     * this test would abort); refused first, in every group and key.
     */
    { "[Council]\nName=a\\qb\\\n", "Name" },
    { "[Council]\nName=X\nRecognize=a\\x;b\\\n", "Recognize" },
    { "[Council]\nName=X\nName[fr]=y\\\n", "Name[fr]" },
    { "[Council]\nName=X\n[Page]\nFont=Serif\\\n", "backslash" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(RstCouncil) council = NULL;
      g_autoptr(GError) error = NULL;

      g_key_file_load_from_data (key_file, cases[i].data, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
      g_assert_no_error (error);

      council = rst_council_new_from_key_file ("test-council", key_file, &error);
      g_assert_null (council);
      g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID);
      /* Without a file, the message names the profile by id. */
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "test-council"));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
    }
}

static void
test_locale_strings (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  static const char data[] =
    "[Council]\n"
    "Name=Governing Body\n"
    "Name[fr]=Conseil d'administration\n"
    "Name[es]=Consejo de Administración\n"
    "DeliveryMark=Check against delivery\n"
    "DeliveryMark[fr]=Seul le texte prononcé fait foi\n";

  g_setenv ("LANGUAGE", "fr", TRUE);
  {
    g_autoptr(RstCouncil) council = NULL;
    g_autoptr(RstCouncilList) councils = NULL;
    RstCouncil *hrc;

    /* Loaded under the locale, since GKeyFile keeps only its strings. */
    g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, &error);
    g_assert_no_error (error);
    council = rst_council_new_from_key_file ("gb", key_file, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (council), ==, "Conseil d'administration");
    g_assert_cmpstr (rst_council_get_delivery_mark (council), ==, "Seul le texte prononcé fait foi");
    /* Untranslated keys fall back to the untranslated value. */
    g_assert_cmpstr (rst_council_get_short_name (council), ==, "Conseil d'administration");

    councils = rst_council_list_new (NULL);
    hrc = rst_council_list_lookup (councils, "hrc", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (hrc), ==, "Conseil des droits de l'homme");
    g_assert_cmpstr (rst_council_get_short_name (hrc), ==, "CDH");
    /* A French drafter may name it in French. */
    g_assert_true (rst_council_list_resolve (councils, "Conseil des droits de l'homme") == hrc);
  }

  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autoptr(GKeyFile) other = g_key_file_new ();
    g_autoptr(RstCouncil) council = NULL;
    g_autoptr(RstCouncilList) councils = NULL;
    RstCouncil *hrc;

    g_key_file_load_from_data (other, data, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
    g_assert_no_error (error);
    council = rst_council_new_from_key_file ("gb", other, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (council), ==, "Governing Body");

    councils = rst_council_list_new (NULL);
    hrc = rst_council_list_lookup (councils, "hrc", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (hrc), ==, "Human Rights Council");
  }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* The analysis of @text with the profiles of this test's folders, and a
 * council forced on it (as --council) when @forced is not NULL.
 */
static RstAnalysis *
analyse (const char *text,
         const char *forced,
         double      words_per_minute)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_new (NULL);
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();

  rst_analysis_context_set_councils (context, councils);
  if (forced != NULL)
    {
      g_autoptr(GError) error = NULL;
      RstCouncil *council = rst_council_list_lookup (councils, forced, &error);

      g_assert_no_error (error);
      rst_analysis_context_set_council (context, council);
    }
  rst_analysis_context_set_words_per_minute (context, words_per_minute);

  return rst_analysis_new (text, -1, context);
}

static guint
count_code (RstAnalysis *analysis,
            const char  *code)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    n += g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), code);
  return n;
}

/* The limit and pace a statement is timed with: the analysis resolves
 * them from its council and its details.
 */
static void
test_check_options (void)
{
  static const char plain[] = "---\ncouncil: iom\n---\nMr. Chairperson,\n\nWe thank you.\n";
  static const char minutes[] = "---\ncouncil: iom\ntime-limit: 2:30\n---\nMr. Chairperson,\n\nI thank you.\n";
  static const char seconds[] = "---\ntime-limit: 90\n---\nMr. President,\n\nI thank you.\n";
  static const char garbled[] = "---\ntime-limit: soon\n---\nMr. President,\n\nI thank you.\n";
  static const char nothing[] = "Mr. President,\n\nI thank you.\n";

  /* Nothing known: the generic profile's figures, no council id. */
  {
    g_autoptr(RstAnalysis) analysis = analyse (nothing, NULL, 0.0);

    g_assert_null (rst_analysis_get_council_id (analysis));
    g_assert_true (rst_council_is_generic (rst_analysis_get_council (analysis)));
    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 300);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 120.0);
    /* Naming none is no unknown council. */
    g_assert_cmpuint (count_code (analysis, RST_CODE_COUNCIL_UNKNOWN), ==, 0);
  }

  /* The profile alone. */
  {
    g_autoptr(RstAnalysis) analysis = analyse (nothing, "wha", 0.0);

    g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "wha");
    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 180);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 110.0);
  }

  {
    g_autoptr(RstAnalysis) analysis = analyse (plain, NULL, 0.0);

    g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 300);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 120.0);
    g_assert_cmpuint (rst_analysis_get_speaking_seconds (analysis), ==,
                      rst_timing_estimate_seconds (rst_analysis_get_units (analysis), 120.0));
  }

  /* The document's limit beats the council's; its pace stays. */
  {
    g_autoptr(RstAnalysis) analysis = analyse (minutes, NULL, 0.0);

    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 150);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 120.0);
  }

  {
    g_autoptr(RstAnalysis) analysis = analyse (seconds, "wha", 0.0);

    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 90);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 110.0);
  }

  /* No council: the document's limit, the generic profile's pace. */
  {
    g_autoptr(RstAnalysis) analysis = analyse (seconds, NULL, 0.0);

    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 90);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 120.0);
  }

  /* The drafter's own pace beats the council's. */
  {
    g_autoptr(RstAnalysis) analysis = analyse (plain, "wha", 100.0);

    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 180);
    g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, 100.0);
  }

  /* An unreadable limit does not wipe out the council's; it is said. */
  {
    g_autoptr(RstAnalysis) analysis = analyse (garbled, "wha", 0.0);

    g_assert_cmpuint (rst_analysis_get_time_limit (analysis), ==, 180);
    g_assert_cmpuint (count_code (analysis, RST_CODE_TIME_LIMIT_INVALID), ==, 1);
  }
}

/* A front matter names its council as drafters know it; the editor and
 * rostrum --check share this resolution.
 */
static void
test_resolve_names (void)
{
  static const struct { const char *named; const char *id; } cases[] = {
    { "iom", "iom" },
    { "IOM", "iom" },
    { "  hrc ", "hrc" },
    { "Human Rights Council", "hrc" },
    { "world health assembly", "wha" },
    { NULL, NULL },
    { "", NULL },
  };
  g_autoptr(RstCouncilList) councils = rst_council_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RstCouncil *council = rst_council_list_resolve (councils, cases[i].named);

      if (cases[i].id == NULL)
        {
          /* Naming nothing means no council: the analysis falls back. */
          g_assert_null (council);
          continue;
        }

      g_assert_nonnull (council);
      g_assert_cmpstr (rst_council_get_id (council), ==, cases[i].id);
      g_assert_true (rst_council_answers_to (council, cases[i].named));
    }

  /* The analysis resolves the front matter's name the same way. */
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("---\ncouncil: %s\n---\nMr. President,\n",
                                               cases[i].named != NULL ? cases[i].named : "");
      g_autoptr(RstAnalysis) analysis = analyse (text, NULL, 0.0);

      g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, cases[i].id);
      g_assert_cmpstr (rst_council_get_id (rst_analysis_get_council (analysis)), ==,
                       cases[i].id != NULL ? cases[i].id : RST_COUNCIL_GENERIC_ID);
      g_assert_cmpuint (count_code (analysis, RST_CODE_COUNCIL_UNKNOWN), ==, 0);
    }
}

static void
test_resolve_unknown (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_new (NULL);
  RstCouncil *iom = rst_council_list_lookup (councils, "iom", NULL);
  g_autoptr(RstAnalysis) analysis = NULL;

  g_assert_null (rst_council_list_resolve (councils, "Council of Elrond"));
  g_assert_false (rst_council_answers_to (iom, "Council of Elrond"));
  g_assert_false (rst_council_answers_to (iom, NULL));

  /* The generic profile still times the statement; a hint says why. */
  analysis = analyse ("---\ncouncil: Council of Elrond\n---\nMr. President,\n", NULL, 0.0);
  g_assert_null (rst_analysis_get_council_id (analysis));
  g_assert_cmpstr (rst_council_get_id (rst_analysis_get_council (analysis)), ==, "generic");
  g_assert_cmpuint (count_code (analysis, RST_CODE_COUNCIL_UNKNOWN), ==, 1);
  g_assert_false (rst_analysis_has_errors (analysis));
}

static void
test_list_find (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_new (NULL);
  guint position = rst_council_list_find (councils, "Human Rights Council");
  g_autoptr(RstCouncil) found = NULL;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  found = g_list_model_get_item (G_LIST_MODEL (councils), position);
  g_assert_cmpstr (rst_council_get_id (found), ==, "hrc");
  g_assert_true (rst_council_list_resolve (councils, "Human Rights Council") == found);
  g_assert_cmpuint (rst_council_list_find (councils, "HRC"), ==, position);
  g_assert_cmpuint (rst_council_list_find (councils, "Council of Elrond"), ==, G_MAXUINT);
  g_assert_cmpuint (rst_council_list_find (councils, NULL), ==, G_MAXUINT);
}

/* A profile speaks the statement's language, whatever the interface's:
 * its texts per language, its pace per language, the names headings use.
 */
static void
test_languages (void)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_new (NULL);
  RstCouncil *iom = rst_council_list_lookup (councils, "iom", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RstCouncil) own = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *recognize;
  gboolean french_name = FALSE;

  g_assert_nonnull (iom);
  g_assert_cmpstr (rst_council_get_text_for (iom, RST_COUNCIL_TEXT_NAME, "fr"), ==, "Conseil de l'OIM");
  g_assert_cmpstr (rst_council_get_text_for (iom, RST_COUNCIL_TEXT_CHAIR_ADDRESS, "zh"), ==, "主席先生");
  g_assert_cmpstr (rst_council_get_text_for (iom, RST_COUNCIL_TEXT_DELIVERY_MARK, "ar"), ==, "العبرة بالإلقاء");
  g_assert_cmpstr (rst_council_get_text_for (iom, RST_COUNCIL_TEXT_DELIVERY_MARK, "en"), ==, "Check against delivery");
  /* The English pace is the profile's; other languages take their rules'. */
  g_assert_cmpfloat (rst_council_get_pace_for (iom, "en"), ==, 120.0);
  g_assert_cmpfloat (rst_council_get_pace_for (iom, "zh"), ==, 0.0);

  recognize = rst_council_get_recognize (iom);
  for (guint i = 0; recognize[i] != NULL; i++)
    french_name |= g_str_equal (recognize[i], "Conseil de l'OIM");
  g_assert_true (french_name);

  /* A user profile without a French text says none, so that the rules'
   * words are used, but keeps its name; its own pace for Chinese.
   */
  g_key_file_load_from_data (key_file,
                             "[Council]\nName=Our Council\nDeliveryMark=As delivered\n"
                             "WordsPerMinute=110\nWordsPerMinute[zh]=160\nSessionPattern=OC\\s?(?<n>\\d+)\n",
                             -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  own = rst_council_new_from_key_file ("own", key_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_council_get_text_for (own, RST_COUNCIL_TEXT_NAME, "fr"), ==, "Our Council");
  g_assert_null (rst_council_get_text_for (own, RST_COUNCIL_TEXT_DELIVERY_MARK, "fr"));
  g_assert_cmpfloat (rst_council_get_pace_for (own, "zh"), ==, 160.0);
  g_assert_cmpfloat (rst_council_get_pace_for (own, "en"), ==, 110.0);
  g_assert_cmpuint (rst_council_find_session (own, "Statement at OC 42", 18), ==, 42);
  g_assert_cmpuint (rst_council_find_session (own, "Statement", 9), ==, 0);
}

/* fuzz-council found this (tests/fuzz-corpus/council/regress-repeated-key):
 * a translated key written twice, as in a [Council] group pasted twice,
 * is listed twice and its first value leaked. The value GKeyFile gives
 * is the one used; the leak shows in the -Db_sanitize=address build.
 */
static void
test_repeated_translation (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  g_key_file_load_from_data (key_file,
                             "[Council]\nName=Our Council\nHeadingPattern[fr]=Déclaration de {speaker}\n"
                             "[Council]\nHeadingPattern[fr]=Intervention de {speaker}\n",
                             -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  expected = g_key_file_get_value (key_file, "Council", "HeadingPattern[fr]", &error);
  g_assert_no_error (error);

  council = rst_council_new_from_key_file ("own", key_file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_council_get_text_for (council, RST_COUNCIL_TEXT_HEADING_PATTERN, "fr"), ==, expected);
}

/* fuzz-council found this (tests/fuzz-corpus/council/regress-error-utf8):
 * an error quoted a value that is not UTF-8 as it was, and the message
 * shown and printed was not UTF-8 either.
 */
static void
test_error_message_utf8 (void)
{
  static const char * const profiles[] = {
    "[Council]\nName=Our Council\n[Page]\nLineSpacing=\xff\xfe" "1\n",
    "[Council]\nName=Our Council\nTimeLimit=5:\xc3\n",
    "[Council]\nName=Our Council\nWordsPerMinute[fr]=9\xe2\x28\n",
    /* Found by fuzz-council (regress-pattern-utf8.council): PCRE2 read
     * past a session pattern that is not UTF-8 (under ASan: SEGV).
     */
    "[Council]\nName=Our Council\nSessionPattern=UN\\s?(\xff\xff\xff?<n>\\d+)\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(RstCouncil) council = NULL;
      g_autoptr(GError) error = NULL;

      g_key_file_load_from_data (key_file, profiles[i], -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
      g_assert_no_error (error);
      council = rst_council_new_from_key_file ("own", key_file, &error);
      g_assert_null (council);
      g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/council/builtins-load", test_builtins_load);
  g_test_add_func ("/council/list-sorted", test_list_sorted);
  g_test_add_func ("/council/user-overrides", test_user_overrides);
  g_test_add_func ("/council/malformed-user-profiles", test_malformed_user_profiles);
  g_test_add_func ("/council/broken-user-only-profile", test_broken_user_only_profile);
  g_test_add_func ("/council/key-file-errors", test_key_file_errors);
  g_test_add_func ("/council/locale-strings", test_locale_strings);
  g_test_add_func ("/council/check-options", test_check_options);
  g_test_add_func ("/council/resolve-names", test_resolve_names);
  g_test_add_func ("/council/resolve-unknown", test_resolve_unknown);
  g_test_add_func ("/council/list-find", test_list_find);
  g_test_add_func ("/council/languages", test_languages);
  g_test_add_func ("/council/repeated-translation", test_repeated_translation);
  g_test_add_func ("/council/error-message-utf8", test_error_message_utf8);

  return g_test_run ();
}
