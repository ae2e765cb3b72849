/* test-council.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-council.h"
#include "rst-statement.h"

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
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      g_autoptr(RstCouncil) council = NULL;
      g_autoptr(GError) error = NULL;
      double top, right, bottom, left;

      council = rst_council_lookup (builtins[i].id, &error);
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
    }
}

static void
test_list_sorted (void)
{
  g_autoptr(GListModel) councils = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  councils = rst_council_list_load_full (&problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_true (g_list_model_get_item_type (councils) == RST_TYPE_COUNCIL);
  g_assert_cmpuint (g_list_model_get_n_items (councils), ==, G_N_ELEMENTS (builtins));

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
  g_autoptr(RstCouncil) iom = NULL;
  g_autoptr(RstCouncil) mine = NULL;
  g_autoptr(GListModel) councils = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iom_path = NULL;
  g_autofree char *mine_path = NULL;

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

  iom = rst_council_lookup ("iom", &error);
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

  mine = rst_council_lookup ("ilo-gb", &error);
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
  councils = rst_council_list_load (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (councils), ==, G_N_ELEMENTS (builtins) + 1);
  {
    g_autoptr(RstCouncil) last = g_list_model_get_item (councils, g_list_model_get_n_items (councils) - 1);

    g_assert_cmpstr (rst_council_get_id (last), ==, "generic");
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
  g_autoptr(GListModel) councils = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = user_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_free (write_user_profile (cases[i].basename, cases[i].contents));

  councils = rst_council_list_load_full (&problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (cases));

  /* Nothing hidden: every built-in is still there, as it ships. */
  g_assert_cmpuint (g_list_model_get_n_items (councils), ==, G_N_ELEMENTS (builtins));
  for (guint i = 0; i < G_N_ELEMENTS (builtins); i++)
    {
      g_autoptr(RstCouncil) council = rst_council_lookup (builtins[i].id, &error);

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
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  path = write_user_profile ("ilo-gb.council", "[Council]\nName=ILO\nTimeLimit=-1:00\n");

  /* Not "no such profile": what is wrong with the one there is. */
  council = rst_council_lookup ("ilo-gb", &error);
  g_assert_null (council);
  g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "TimeLimit"));
  g_clear_error (&error);

  council = rst_council_lookup ("no-such-council", &error);
  g_assert_null (council);
  g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-council"));
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
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GKeyFile) key_file = g_key_file_new ();
      g_autoptr(RstCouncil) council = NULL;
      g_autoptr(GError) error = NULL;

      g_key_file_load_from_data (key_file, cases[i].data, -1, G_KEY_FILE_NONE, &error);
      g_assert_no_error (error);

      council = rst_council_new_from_key_file ("test-council", key_file, &error);
      g_assert_null (council);
      g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID);
      /* Without a file, the message names the profile by id. */
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
    g_autoptr(RstCouncil) hrc = NULL;

    /* Loaded under the locale, since GKeyFile keeps only its strings. */
    g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, &error);
    g_assert_no_error (error);
    council = rst_council_new_from_key_file ("gb", key_file, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (council), ==, "Conseil d'administration");
    g_assert_cmpstr (rst_council_get_delivery_mark (council), ==, "Seul le texte prononcé fait foi");
    /* Untranslated keys fall back to the untranslated value. */
    g_assert_cmpstr (rst_council_get_short_name (council), ==, "Conseil d'administration");

    hrc = rst_council_lookup ("hrc", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (hrc), ==, "Conseil des droits de l'homme");
    g_assert_cmpstr (rst_council_get_short_name (hrc), ==, "CDH");
  }

  g_setenv ("LANGUAGE", "de", TRUE);
  {
    g_autoptr(GKeyFile) other = g_key_file_new ();
    g_autoptr(RstCouncil) council = NULL;
    g_autoptr(RstCouncil) hrc = NULL;

    g_key_file_load_from_data (other, data, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
    g_assert_no_error (error);
    council = rst_council_new_from_key_file ("gb", other, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (council), ==, "Governing Body");

    hrc = rst_council_lookup ("hrc", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (rst_council_get_name (hrc), ==, "Human Rights Council");
  }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

static RstStatement *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  RstStatement *statement;

  statement = rst_statement_parse (text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (statement);

  return statement;
}

static void
test_check_options (void)
{
  g_autoptr(RstCouncil) iom = rst_council_lookup ("iom", NULL);
  g_autoptr(RstCouncil) wha = rst_council_lookup ("wha", NULL);
  g_autoptr(RstStatement) plain = NULL;
  g_autoptr(RstStatement) minutes = NULL;
  g_autoptr(RstStatement) seconds = NULL;
  g_autoptr(RstStatement) garbled = NULL;
  RstCheckOptions options;

  plain = parse ("---\ncouncil: iom\n---\nMr. Chairperson,\n\nWe thank you.\n");
  minutes = parse ("---\ncouncil: iom\ntime-limit: 2:30\n---\nMr. Chairperson,\n\nI thank you.\n");
  seconds = parse ("---\ntime-limit: 90\n---\nMr. President,\n\nI thank you.\n");
  garbled = parse ("---\ntime-limit: soon\n---\nMr. President,\n\nI thank you.\n");

  /* Nothing known. */
  memset (&options, 0xff, sizeof options);
  rst_council_resolve_check_options (NULL, NULL, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 0);
  g_assert_cmpfloat (options.words_per_minute, ==, 0.0);

  /* The profile alone. */
  rst_council_get_check_options (wha, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 180);
  g_assert_cmpfloat (options.words_per_minute, ==, 110.0);

  rst_council_resolve_check_options (iom, plain, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 300);
  g_assert_cmpfloat (options.words_per_minute, ==, 120.0);

  /* The document's limit beats the council's; its pace stays. */
  rst_council_resolve_check_options (iom, minutes, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 150);
  g_assert_cmpfloat (options.words_per_minute, ==, 120.0);

  rst_council_resolve_check_options (wha, seconds, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 90);
  g_assert_cmpfloat (options.words_per_minute, ==, 110.0);

  rst_council_resolve_check_options (NULL, seconds, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 90);
  g_assert_cmpfloat (options.words_per_minute, ==, 0.0);

  /* An unreadable limit does not wipe out the council's. */
  rst_council_resolve_check_options (wha, garbled, &options);
  g_assert_cmpuint (options.time_limit_seconds, ==, 180);
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
    { NULL, "generic" },
    { "", "generic" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RstCouncil) council = rst_council_resolve (cases[i].named, &error);

      g_assert_no_error (error);
      g_assert_nonnull (council);
      g_assert_cmpstr (rst_council_get_id (council), ==, cases[i].id);
      if (cases[i].named != NULL && cases[i].named[0] != '\0')
        g_assert_true (rst_council_answers_to (council, cases[i].named));
    }
}

static void
test_resolve_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RstCouncil) council = rst_council_resolve ("Council of Elrond", &error);
  g_autoptr(RstCouncil) iom = rst_council_lookup ("iom", NULL);

  /* The generic profile still times the statement; the error says why. */
  g_assert_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND);
  g_assert_cmpstr (rst_council_get_id (council), ==, "generic");
  g_assert_false (rst_council_answers_to (iom, "Council of Elrond"));
  g_assert_false (rst_council_answers_to (iom, NULL));
}

static void
test_list_find (void)
{
  g_autoptr(GListModel) councils = rst_council_list_load (NULL);
  guint position = rst_council_list_find (councils, "Human Rights Council");
  g_autoptr(RstCouncil) found = NULL;

  g_assert_cmpuint (position, !=, G_MAXUINT);
  found = g_list_model_get_item (councils, position);
  g_assert_cmpstr (rst_council_get_id (found), ==, "hrc");
  g_assert_cmpuint (rst_council_list_find (councils, "HRC"), ==, position);
  g_assert_cmpuint (rst_council_list_find (councils, "Council of Elrond"), ==, G_MAXUINT);
  g_assert_cmpuint (rst_council_list_find (councils, NULL), ==, G_MAXUINT);
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

  return g_test_run ();
}
