/* test-template.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rst-analysis.h"
#include "rst-council-list.h"
#include "rst-front-matter.h"
#include "rst-placeholder.h"
#include "rst-rules.h"
#include "rst-template.h"
#include "rst-template-store.h"
#include "rst-template-values.h"
#include "rst-text-file.h"

static const char *builtin_ids[] = {
  "closing-session",
  "general-debate",
  "group-statement",
  "interactive-dialogue",
  "national-aligned",
  "procedural",
  "right-of-reply",
};

/* A delegation profile as the GSettings keys and the details panel give it. */
static GHashTable *
full_profile (void)
{
  GHashTable *values = rst_template_values_new ();

  g_hash_table_insert (values, g_strdup ("speaker"), g_strdup ("H.E. Ambassador Chen Xu"));
  g_hash_table_insert (values, g_strdup ("speaker_title"),
                       g_strdup ("Permanent Representative of China to the United Nations Office at Geneva"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("China"));
  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("115"));
  g_hash_table_insert (values, g_strdup ("date"), g_strdup ("2024-11-26"));
  g_hash_table_insert (values, g_strdup ("agenda_item"), g_strdup ("General debate"));

  return values;
}

/* A built-in profile, from the process' list. */
static RstCouncil *
lookup_council (const char *id)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(GError) error = NULL;
  RstCouncil *council = rst_council_list_lookup (councils, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (council);
  /* The list lives as long as the process. */
  return council;
}

/* With a real council: the generic profile names none, so that its
 * fields would stay as slots.
 */
static GHashTable *
full_profile_with_council (void)
{
  GHashTable *values = full_profile ();

  rst_template_values_add_council (values, lookup_council ("iom"), "en");

  return values;
}

/* The session after the one @text is for, as Next Session proposes it;
 * 0 when the analysis finds none.
 */
static guint
next_session (const char *text)
{
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (text, -1, NULL);
  guint session = rst_analysis_get_session (analysis);

  return session > 0 ? session + 1 : 0;
}

static gboolean
is_known (const char           *text,
          const RstPlaceholder *placeholder)
{
  g_autofree char *name = rst_placeholder_dup_name (text, placeholder);

  return rst_template_is_known_field (name);
}

static char *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* What a drafter writes into each slot, in the template's language: a
 * whole sentence where the slot stands for one, a few words where it sits
 * inside a sentence.
 */
static const struct
{
  const char *lang;
  const char *sentence;
  const char *words;
} fillers[] = {
  { "ar", "ونحن ملتزمون بهذا العمل. وسنواصل دعمه.", "حماية المهاجرين وأسرهم" },
  { "en", "We remain committed to this work. We will continue to support it.",
    "the protection of migrants and their families" },
  { "es", "Seguimos comprometidos con esta labor. Continuaremos apoyándola.",
    "la protección de los migrantes y sus familias" },
  { "fr", "Nous restons attachés à ce travail. Nous continuerons à le soutenir.",
    "la protection des migrants et de leurs familles" },
  { "ru", "Мы по-прежнему привержены этой работе. Мы будем и далее её поддерживать.",
    "защита мигрантов и их семей" },
  { "zh", "我们将继续致力于这项工作。我们将继续给予支持。", "保护移民及其家庭" },
};

static char *
replace_slots_in (const char *text,
                  const char *lang)
{
  g_autoptr(GArray) slots = rst_placeholder_find_all (text, 0, strlen (text));
  GString *out = g_string_new (NULL);
  const char *sentence = NULL;
  const char *words = NULL;
  gsize pos = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fillers); i++)
    if (g_str_equal (fillers[i].lang, lang))
      {
        sentence = fillers[i].sentence;
        words = fillers[i].words;
      }
  g_assert_nonnull (sentence);

  for (guint i = 0; i < slots->len; i++)
    {
      const RstPlaceholder *slot = &g_array_index (slots, RstPlaceholder, i);
      gboolean at_line_start = slot->start == 0 || text[slot->start - 1] == '\n' ||
                               (slot->start >= 2 && text[slot->start - 2] == '.' &&
                                text[slot->start - 1] == ' ');
      gboolean at_line_end = text[slot->end] == '\n' || text[slot->end] == '\0';

      g_assert_true (slot->closed);
      if (is_known (text, slot))
        g_error ("a known field is left: %.*s", (int) (slot->end - slot->start), text + slot->start);
      g_string_append_len (out, text + pos, slot->start - pos);
      if (at_line_start && at_line_end)
        g_string_append (out, sentence);
      else
        g_string_append (out, words);
      pos = slot->end;
    }
  g_string_append (out, text + pos);

  return g_string_free (out, FALSE);
}

static void
test_ordinals (void)
{
  static const struct {
    guint number;
    const char *ordinal;
  } cases[] = {
    { 1, "1st" }, { 2, "2nd" }, { 3, "3rd" }, { 4, "4th" },
    { 11, "11th" }, { 12, "12th" }, { 13, "13th" }, { 21, "21st" },
    { 22, "22nd" }, { 23, "23rd" }, { 101, "101st" }, { 102, "102nd" },
    { 111, "111th" }, { 112, "112th" }, { 113, "113th" }, { 114, "114th" },
    { 115, "115th" }, { 1011, "1011th" }, { 1021, "1021st" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ordinal = rst_rules_format_session_ordinal (rst_rules_get ("en"), cases[i].number);
      g_autoptr(GHashTable) values = rst_template_values_new ();
      g_autofree char *session = g_strdup_printf ("%u", cases[i].number);
      g_autofree char *filled = NULL;
      g_autofree char *expected = NULL;

      g_assert_cmpstr (ordinal, ==, cases[i].ordinal);

      /* The same through filling: session=N gives the ordinal. */
      g_hash_table_insert (values, g_strdup ("session"), g_strdup (session));
      filled = rst_template_fill_text ("at the {{session_ordinal}} Session", values);
      expected = g_strdup_printf ("at the %s Session", cases[i].ordinal);
      g_assert_cmpstr (filled, ==, expected);
    }
}

static void
test_fill (void)
{
  static const char *text =
    "---\n"
    "template-name: Test\n"
    "template-description: >\n"
    "  A folded description\n"
    "  on two lines.\n"
    "title: \"Statement by {{speaker}}\"\n"
    "session: \"{{session}}\"\n"
    "chair-form: \"{{chair_form}}\"\n"
    "date: \"{{date}}\" # filled by the details panel\n"
    "lang: en\n"
    "---\n"
    "**Statement by {{speaker}} at the {{session_ordinal}} Session of the {{council}}**\n"
    "\n"
    "{{chair_address}},\n"
    "\n"
    "{{ delegation }} wishes to raise {{Number of points}} points in {{year}}.\n";
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autofree char *filled = NULL;

  g_hash_table_insert (values, g_strdup ("speaker"), g_strdup ("Ms. Jane Doe"));
  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("115"));
  g_hash_table_insert (values, g_strdup ("chair_title"), g_strdup ("Chairperson"));
  g_hash_table_insert (values, g_strdup ("chair_form"), g_strdup ("Madam"));
  g_hash_table_insert (values, g_strdup ("date"), g_strdup ("2024-11-26"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("Peru"));
  /* Empty values count as absent. */
  g_hash_table_insert (values, g_strdup ("council"), g_strdup (""));

  filled = rst_template_fill_text (text, values);
  g_assert_cmpstr (filled, ==,
                   "---\n"
                   "title: Statement by Ms. Jane Doe\n"
                   "session: 115\n"
                   "chair-form: Madam\n"
                   "date: 2024-11-26 # filled by the details panel\n"
                   "lang: en\n"
                   "---\n"
                   "**Statement by Ms. Jane Doe at the 115th Session of the {{council}}**\n"
                   "\n"
                   "Madam Chairperson,\n"
                   "\n"
                   "Peru wishes to raise {{Number of points}} points in 2024.\n");
}

static void
test_fill_front_matter_quoting (void)
{
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RstTemplate) template = NULL;
  g_autofree char *filled = NULL;
  static const char *text =
    "---\n"
    "title: \"{{speaker}}\"\n"
    "agenda-item: \"{{agenda_item}}\"\n"
    "delegation: '{{delegation}}'\n"
    "speaker: \"{{speaker}}\"\n"
    "---\n"
    "Body.\n";

  /* Values YAML would misread unless they are quoted. */
  g_hash_table_insert (values, g_strdup ("speaker"), g_strdup ("No"));
  g_hash_table_insert (values, g_strdup ("agenda_item"), g_strdup ("Item 4: \"General\" debate"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("Côte d'Ivoire\nand more"));

  filled = rst_template_fill_text (text, values);
  g_assert_cmpstr (filled, ==,
                   "---\n"
                   "title: \"No\"\n"
                   "agenda-item: \"Item 4: \\\"General\\\" debate\"\n"
                   "delegation: Côte d'Ivoire and more\n"
                   "speaker: \"No\"\n"
                   "---\n"
                   "Body.\n");

  /* And the result reads back as a statement with those details. */
  template = rst_template_new ("probe", RST_TEMPLATE_ORIGIN_USER, NULL, filled, strlen (filled));
  g_assert_null (rst_template_get_error (template));
  {
    g_autoptr(RstAnalysis) analysis = rst_analysis_new (filled, -1, NULL);

    g_assert_cmpuint (rst_analysis_count_severity (analysis, RST_SEVERITY_ERROR), ==, 0);
    g_assert_cmpstr (rst_analysis_get_detail (analysis, "agenda-item"), ==, "Item 4: \"General\" debate");
    g_assert_cmpstr (rst_analysis_get_detail (analysis, "speaker"), ==, "No");
    g_assert_cmpstr (rst_analysis_get_detail (analysis, "delegation"), ==, "Côte d'Ivoire and more");
  }
}

static void
test_council_values (void)
{
  g_autoptr(GHashTable) values = full_profile ();
  g_autoptr(GHashTable) generic_values = full_profile ();
  RstCouncil *council = lookup_council ("iom");
  RstCouncil *generic = lookup_council ("generic");
  g_autofree char *filled = NULL;
  g_autofree char *generic_filled = NULL;

  /* Explicit values win over the council profile. */
  g_hash_table_insert (values, g_strdup ("chair_title"), g_strdup ("President"));
  rst_template_values_add_council (values, council, "en");
  rst_template_values_complete (values, "en");

  g_assert_cmpstr (g_hash_table_lookup (values, "council"), ==, rst_council_get_name (council));
  g_assert_cmpstr (g_hash_table_lookup (values, "council_short"), ==, rst_council_get_short_name (council));
  g_assert_cmpstr (g_hash_table_lookup (values, "council_id"), ==, "iom");
  g_assert_cmpstr (g_hash_table_lookup (values, "chair_title"), ==, "President");
  g_assert_cmpstr (g_hash_table_lookup (values, "chair_form"), ==, "Mr.");
  g_assert_cmpstr (g_hash_table_lookup (values, "delivery_mark"), ==, "Check against delivery");
  g_assert_cmpstr (g_hash_table_lookup (values, "time_limit"), ==, "5:00");
  g_assert_cmpstr (g_hash_table_lookup (values, "session_ordinal"), ==, "115th");
  g_assert_cmpstr (g_hash_table_lookup (values, "year"), ==, "2024");

  filled = rst_template_fill_text ("{{chair_address}},", values);
  g_assert_cmpstr (filled, ==, "Mr. President,");

  /* The generic profile names no real council: only the chair's address. */
  rst_template_values_add_council (generic_values, generic, "en");
  rst_template_values_complete (generic_values, "en");
  g_assert_null (g_hash_table_lookup (generic_values, "council"));
  g_assert_null (g_hash_table_lookup (generic_values, "council_short"));
  g_assert_null (g_hash_table_lookup (generic_values, "council_id"));
  g_assert_cmpstr (g_hash_table_lookup (generic_values, "chair_title"), ==, "Chairperson");
  generic_filled = rst_template_fill_text ("{{chair_address}}, the {{council}}", generic_values);
  g_assert_cmpstr (generic_filled, ==, "Mr. Chairperson, the {{council}}");
}

/* Every built-in in every language, filled by a drafter, passes the
 * checker: no error, no warning, the details where they belong.
 */
static void
test_builtins_pass_checker (void)
{
  static const char * const langs[] = { "ar", "en", "es", "fr", "ru", "zh" };
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_auto(GStrv) available = rst_template_store_dup_languages (store, builtin_ids[i]);
      g_autofree char *joined = g_strjoinv (",", available);

      g_assert_cmpstr (joined, ==, "ar,en,es,fr,ru,zh");

      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          RstTemplate *template = rst_template_store_lookup_language (store, builtin_ids[i], langs[l]);
          g_autoptr(GHashTable) values = full_profile ();
          g_autoptr(GError) error = NULL;
          g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
          g_autoptr(RstAnalysis) analysis = NULL;
          g_autofree char *ordinal = rst_rules_format_session_ordinal (rst_rules_get (langs[l]), 115);
          GPtrArray *diagnostics;
          g_autofree char *filled = NULL;
          g_autofree char *text = NULL;

          g_test_message ("template %s in %s", builtin_ids[i], langs[l]);
          g_assert_nonnull (template);
          g_assert_null (rst_template_get_error (template));
          g_assert_cmpstr (rst_template_get_id (template), ==, builtin_ids[i]);
          g_assert_cmpstr (rst_template_get_lang (template), ==, langs[l]);

          rst_template_values_add_council (values, lookup_council ("iom"), langs[l]);
          filled = rst_template_fill (template, values, &error);
          g_assert_no_error (error);
          /* Every known field had a value: only free slots are left. */
          text = replace_slots_in (filled, langs[l]);
          g_assert_null (strstr (text, "{{"));
          g_assert_null (strstr (text, RST_TEMPLATE_KEY_NAME));
          g_assert_nonnull (strstr (text, ordinal));
          /* The council's words in the template's language. */
          g_assert_nonnull (strstr (text, rst_council_get_text_for (lookup_council ("iom"),
                                                                    RST_COUNCIL_TEXT_CHAIR_ADDRESS,
                                                                    langs[l])));

          /* A brisk drafter: nothing is over the council's time. */
          rst_analysis_context_set_words_per_minute (context, 130.0);
          analysis = rst_analysis_new (text, -1, context);
          g_assert_cmpstr (rst_analysis_get_detail (analysis, "session"), ==, "115");
          g_assert_cmpstr (rst_analysis_get_detail (analysis, "speaker"), ==, "H.E. Ambassador Chen Xu");
          g_assert_cmpstr (rst_analysis_get_detail (analysis, "lang"), ==, langs[l]);
          g_assert_cmpstr (rst_analysis_get_language (analysis), ==, langs[l]);
          g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 115);
          g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");

          diagnostics = rst_analysis_get_diagnostics (analysis);
          for (guint j = 0; j < diagnostics->len; j++)
            {
              RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, j);

              if (rst_diagnostic_get_severity (diagnostic) != RST_SEVERITY_INFO)
                g_error ("%s (%s): %s: %s [%s]\n%s", builtin_ids[i], langs[l],
                         rst_severity_to_string (rst_diagnostic_get_severity (diagnostic)),
                         rst_diagnostic_get_message (diagnostic),
                         rst_diagnostic_get_code (diagnostic), text);
            }

          /* Left unfilled, the slots are what the checker reports. */
          {
            g_autoptr(RstAnalysis) unfilled = rst_analysis_new (filled, -1, context);
            GPtrArray *found = rst_analysis_get_diagnostics (unfilled);
            gboolean placeholder = FALSE;

            for (guint j = 0; j < found->len; j++)
              if (g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (found, j)), "placeholder-unfilled"))
                placeholder = TRUE;
            g_assert_true (placeholder);
          }
        }
    }
}

static void
test_from_statement_fixture (void)
{
  g_autofree char *body = read_fixture ("iom-114-china.txt");
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autofree char *statement = NULL;
  g_autofree char *template = NULL;
  g_autofree char *again = NULL;

  statement = g_strconcat ("---\n"
                           "title: Statement by H.E. Ambassador Chen Xu\n"
                           "council: iom\n"
                           "session: 114\n"
                           "delegation: China\n"
                           "speaker: H.E. Ambassador Chen Xu\n"
                           "chair: Chairperson\n"
                           "chair-form: Mr.\n"
                           "date: 2023-11-28\n"
                           "agenda-item: General debate\n"
                           "delivery-mark: Check against delivery\n"
                           "time-limit: 5:00\n"
                           "lang: en\n"
                           "---\n", body, NULL);

  g_hash_table_insert (values, g_strdup ("speaker"), g_strdup ("H.E. Ambassador Chen Xu"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("China"));
  g_hash_table_insert (values, g_strdup ("council"), g_strdup ("Council of IOM"));
  g_hash_table_insert (values, g_strdup ("council_short"), g_strdup ("IOM"));
  g_hash_table_insert (values, g_strdup ("council_id"), g_strdup ("iom"));
  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("114"));
  g_hash_table_insert (values, g_strdup ("chair_title"), g_strdup ("Chairperson"));
  g_hash_table_insert (values, g_strdup ("chair_form"), g_strdup ("Mr."));
  g_hash_table_insert (values, g_strdup ("date"), g_strdup ("2023-11-28"));
  g_hash_table_insert (values, g_strdup ("time_limit"), g_strdup ("5:00"));

  template = rst_template_from_statement (statement, values);

  /* Longest first: the whole heading phrase, not "IOM" inside it. */
  g_assert_nonnull (strstr (template, "**Statement by {{speaker}}\nat the {{session_ordinal}} Session of the {{council}}**"));
  g_assert_nonnull (strstr (template, "\n{{chair_address}},\n"));
  g_assert_nonnull (strstr (template, "session: \"{{session}}\"\n"));
  g_assert_nonnull (strstr (template, "council: \"{{council_id}}\"\n"));
  g_assert_nonnull (strstr (template, "title: \"Statement by {{speaker}}\"\n"));
  g_assert_nonnull (strstr (template, "chair-form: \"{{chair_form}}\"\n"));
  g_assert_nonnull (strstr (template, "{{delegation}} commends {{council_short}}'s continuous efforts"));
  g_assert_nonnull (strstr (template, "lang: en\n"));
  g_assert_null (strstr (template, "114th"));
  g_assert_null (strstr (template, "Chen Xu"));

  /* And back. */
  again = rst_template_fill_text (template, values);
  g_assert_cmpstr (again, ==, statement);
  g_assert_cmpuint (next_session (statement), ==, 115);
}

static void
test_from_statement_whole_words (void)
{
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autofree char *template = NULL;
  g_autofree char *again = NULL;
  static const char *statement =
    "Mr. Chairperson,\n"
    "\n"
    "Chinatown and Indochina are not China. Mr. Smith spoke for 114 countries "
    "in 2024, as the Chairperson knows; the 114th Session met in Geneva on "
    "2024-05-02. Leave {{A free slot}} alone.\n";

  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("China"));
  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("114"));
  g_hash_table_insert (values, g_strdup ("chair_title"), g_strdup ("Chairperson"));
  g_hash_table_insert (values, g_strdup ("chair_form"), g_strdup ("Mr."));
  g_hash_table_insert (values, g_strdup ("date"), g_strdup ("2024-05-02"));

  template = rst_template_from_statement (statement, values);
  g_assert_cmpstr (template, ==,
                   "{{chair_address}},\n"
                   "\n"
                   "Chinatown and Indochina are not {{delegation}}. Mr. Smith spoke for 114 countries "
                   "in 2024, as the {{chair_title}} knows; the {{session_ordinal}} Session met in Geneva on "
                   "{{date}}. Leave {{A free slot}} alone.\n");

  again = rst_template_fill_text (template, values);
  g_assert_cmpstr (again, ==, statement);
}

static void
test_builtins_round_trip (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(GHashTable) values = full_profile_with_council ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      RstTemplate *template = rst_template_store_lookup (store, builtin_ids[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *filled = rst_template_fill (template, values, &error);
      g_autofree char *generic = NULL;
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      generic = rst_template_from_statement (filled, values);
      g_assert_null (strstr (generic, "H.E. Ambassador Chen Xu"));
      g_assert_null (strstr (generic, "115th"));
      again = rst_template_fill_text (generic, values);
      g_assert_cmpstr (again, ==, filled);

      /* The generic template, filled for the next session. */
      g_assert_cmpuint (next_session (filled), ==, 116);
    }
}

static void
test_next_session (void)
{
  g_assert_cmpuint (next_session ("---\nsession: 114\n---\nBody.\n"), ==, 115);
  g_assert_cmpuint (next_session ("---\nsession: \"57\"\n---\nBody.\n"), ==, 58);
  g_assert_cmpuint (next_session ("---\nsession: 114th\n---\nBody.\n"), ==, 115);
  g_assert_cmpuint (next_session ("---\nsession: \"{{session}}\"\n---\n"
                                  "at the {{session_ordinal}} Session\n"), ==, 0);
  /* The heading tells it, over its two lines. */
  g_assert_cmpuint (next_session ("**Statement at the 114th\nSession of the Council of IOM**\n\n"
                                  "Mr. Chair,\n\nWe agree.\n"), ==, 115);
  /* Pasted without any blank line, each line is a heading of its own:
   * the heading block is read as one text all the same.
   */
  g_assert_cmpuint (next_session ("**Statement at the 114th\nSession of the Council of IOM**\n"), ==, 115);
  g_assert_cmpuint (next_session ("at the 58th regular session of the Human Rights Council"), ==, 59);
  g_assert_cmpuint (next_session ("at the 101st Session"), ==, 102);
  g_assert_cmpuint (next_session ("We welcome 114 delegations."), ==, 0);
  g_assert_cmpuint (next_session (""), ==, 0);

  {
    g_autofree char *fixture = read_fixture ("iom-114-china.txt");

    g_assert_cmpuint (next_session (fixture), ==, 115);
  }
}

static void
test_find_slots (void)
{
  static const char *text = "{{speaker}} of {{ delegation }}: {{Your point}}. {{unclosed\n{{year}}";
  g_autoptr(GArray) slots = rst_placeholder_find_all (text, 0, strlen (text));
  g_autoptr(GArray) later = rst_placeholder_find_all (text, 15, strlen (text));
  const RstPlaceholder *slot;

  /* Only closed ones: "{{unclosed" is no slot. */
  g_assert_cmpuint (slots->len, ==, 4);

  slot = &g_array_index (slots, RstPlaceholder, 0);
  g_assert_cmpuint (slot->start, ==, 0);
  g_assert_cmpuint (slot->end, ==, 11);
  g_assert_true (slot->closed);
  g_assert_true (is_known (text, slot));

  slot = &g_array_index (slots, RstPlaceholder, 1);
  g_assert_cmpuint (slot->start, ==, 15);
  g_assert_cmpuint (slot->end, ==, 31);
  g_assert_cmpuint (slot->name_end - slot->name_start, ==, strlen ("delegation"));
  g_assert_cmpint (strncmp (text + slot->name_start, "delegation", 10), ==, 0);
  g_assert_true (is_known (text, slot));

  slot = &g_array_index (slots, RstPlaceholder, 2);
  g_assert_cmpuint (slot->start, ==, 33);
  g_assert_cmpuint (slot->end, ==, 47);
  g_assert_false (is_known (text, slot));

  slot = &g_array_index (slots, RstPlaceholder, 3);
  g_assert_cmpuint (slot->start, ==, strstr (text, "{{year}}") - text);
  g_assert_true (is_known (text, slot));

  /* From an offset: what starts before it is not found. */
  g_assert_cmpuint (later->len, ==, 3);
  g_assert_cmpuint (g_array_index (later, RstPlaceholder, 0).start, ==, 15);
}

static void
test_malformed (void)
{
  static const struct {
    const char *data;
    gssize length;
    int code;
    const char *words;
  } cases[] = {
    { "Body \xff\xfe text\n", -1, RST_TEMPLATE_ERROR_INVALID_UTF8, "UTF-8" },
    { "Nul\0byte\n", 9, RST_TEMPLATE_ERROR_INVALID_UTF8, "binary" },
    { "---\ntitle: never closed\n\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER,
      "Line 1: the details at the top are never closed by a “---” line" },
    /* The statement's own messages, which name the line at fault. */
    { "---\ntitle: \"unterminated\n---\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER, "Line 2: " },
    { "---\nspeaker: {{speaker}}\n---\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER, "quotes" },
    { "---\n- a\n- b\n---\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER, "key: value" },
    { "Mr. {{chair_title,\n\nBody\n", -1, RST_TEMPLATE_ERROR_PLACEHOLDER, "Line 1" },
    { "Body\n\nFirst, {{a {{b}}.\n", -1, RST_TEMPLATE_ERROR_PLACEHOLDER, "Line 3" },
    { "Body {{}} text\n", -1, RST_TEMPLATE_ERROR_PLACEHOLDER, "{{}}" },
    /* Found by fuzz-template (fuzz-corpus/template/regress-multiline-quote):
     * filling rewrites the details line by line and cut such a value.
     */
    { "---\ntitle: \"Statement\ntemplate-name: X\nend\"\n---\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER,
      "Line 2: the quoted value of “title” must end on the same line" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].data) : (gsize) cases[i].length;
      g_autoptr(RstTemplate) template = rst_template_new ("broken", RST_TEMPLATE_ORIGIN_USER,
                                                          NULL, cases[i].data, length);
      const GError *load_error = rst_template_get_error (template);
      g_autoptr(GError) error = NULL;
      g_autofree char *filled = NULL;

      g_test_message ("case %u", i);
      g_assert_nonnull (load_error);
      g_assert_error (load_error, RST_TEMPLATE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (load_error->message, cases[i].words));
      g_assert_null (rst_template_get_text (template));
      g_assert_cmpstr (rst_template_get_id (template), ==, "broken");
      g_assert_cmpstr (rst_template_get_name (template), ==, "Broken");

      filled = rst_template_fill (template, NULL, &error);
      g_assert_null (filled);
      g_assert_error (error, RST_TEMPLATE_ERROR, cases[i].code);
    }
}

/* Damaged files (cut short by a full disk, mangled by a mail client)
 * load as entries, with or without an error, and nothing crashes or
 * reads past the end: run under MALLOC_CHECK_ and valgrind-friendly.
 */
static void
test_damaged_builtins (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(GHashTable) values = full_profile_with_council ();
  guint n_errors = 0;
  guint n_loaded = 0;

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      const char *text = rst_template_get_text (rst_template_store_lookup (store, builtin_ids[i]));
      gsize length = strlen (text);

      for (gsize cut = 0; cut <= length; cut += 7)
        {
          /* Not NUL-terminated where it is cut: a copy without slack. */
          g_autofree char *data = g_memdup2 (text, cut);
          g_autoptr(RstTemplate) template = rst_template_new ("cut", RST_TEMPLATE_ORIGIN_USER,
                                                              NULL, data, cut);
          g_autoptr(GError) error = NULL;
          g_autofree char *filled = rst_template_fill (template, values, &error);

          if (rst_template_get_error (template) != NULL)
            {
              g_assert_null (filled);
              g_assert_nonnull (error);
              n_errors++;
            }
          else
            {
              g_autofree char *generic = rst_template_from_statement (filled, values);
              g_autoptr(GArray) slots = rst_placeholder_find_all (filled, 0, strlen (filled));

              g_assert_no_error (error);
              g_assert_nonnull (generic);
              g_assert_nonnull (slots);
              next_session (filled);
              n_loaded++;
            }
        }

      for (guint round = 0; round < 50; round++)
        {
          g_autofree char *data = g_strdup (text);
          g_autoptr(RstTemplate) template = NULL;
          g_autofree char *filled = NULL;

          for (guint k = 0; k < 4; k++)
            data[g_test_rand_int_range (0, (gint32) length)] = (char) g_test_rand_int_range (1, 256);

          template = rst_template_new ("mangled", RST_TEMPLATE_ORIGIN_USER, NULL, data, length);
          filled = rst_template_fill (template, values, NULL);
          g_assert_true ((filled == NULL) == (rst_template_get_error (template) != NULL));
          g_free (rst_template_from_statement (data, values));
          g_array_unref (rst_placeholder_find_all (data, 0, length));
          /* The analysis takes only what the text file reader accepts. */
          if (rst_text_validate (data, length, NULL))
            next_session (data);
        }
    }

  /* Both kinds happened: cuts inside the front matter or a {{ fail,
   * cuts between paragraphs load.
   */
  g_assert_cmpuint (n_errors, >, 0);
  g_assert_cmpuint (n_loaded, >, 0);
}

/* A user template of @text, named @name when not %NULL, filled with
 * the delegation Chile: @expected.
 */
static void
assert_fills (const char *text,
              const char *name,
              const char *expected)
{
  g_autoptr(RstTemplate) template = rst_template_new ("test", RST_TEMPLATE_ORIGIN_USER,
                                                      NULL, text, strlen (text));
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = NULL;

  g_assert_null (rst_template_get_error (template));
  if (name != NULL)
    g_assert_cmpstr (rst_template_get_name (template), ==, name);
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("Chile"));
  filled = rst_template_fill (template, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (filled, ==, expected);
}

static void
test_name_and_description (void)
{
  static const char *text =
    "---\n"
    "template-name: \"Explanation of vote: after\"\n"
    "template-description: After the vote.\n"
    "lang: en\n"
    "---\n"
    "Body\n";
  g_autoptr(RstTemplate) template = rst_template_new ("eov", RST_TEMPLATE_ORIGIN_USER,
                                                      NULL, text, strlen (text));
  g_autoptr(RstTemplate) bare = rst_template_new ("my-template", RST_TEMPLATE_ORIGIN_USER,
                                                  NULL, "Body\n", 5);

  g_assert_null (rst_template_get_error (template));
  g_assert_cmpstr (rst_template_get_name (template), ==, "Explanation of vote: after");
  g_assert_cmpstr (rst_template_get_description (template), ==, "After the vote.");
  g_assert_cmpstr (rst_template_get_text (template), ==, text);
  g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_USER);
  g_assert_cmpstr (rst_template_get_name (bare), ==, "My template");

  /* Filling drops the template's own keys, and a front matter left empty. */
  assert_fills ("---\ntemplate-name: Short\n---\n{{delegation}} thanks you.\n", NULL,
                "Chile thanks you.\n");

  /* Found by fuzz-template (fuzz-corpus/template/regress-name-over-blank-lines):
   * a name going on over blank lines goes with its key, and the blank
   * lines before the next key stay.
   */
  assert_fills ("---\ntemplate-name: A long\n\n\n  name\n\nlang: en\n---\nBody\n", "A long\n\nname",
                "---\n\nlang: en\n---\nBody\n");

  /* Found by fuzz-template (fuzz-corpus/template/regress-body-opens-block):
   * a front matter that only names the template goes, unless the body
   * starts with a "---" block, which would then read as the details.
   */
  assert_fills ("---\ntemplate-name: Fenced\n---\n---\nnot: details\n---\nBody\n", "Fenced",
                "---\n---\n---\nnot: details\n---\nBody\n");
  /* Found by fuzz-template (fuzz-corpus/template/regress-comment-after-quote):
   * a comment right after a quoted slot keeps a blank before it.
   */
  assert_fills ("---\ntemplate-name: Q\ndelegation: \"{{delegation}}\"#note: x\n---\nBody\n", "Q",
                "---\ndelegation: Chile #note: x\n---\nBody\n");
  /* Found by fuzz-template (fuzz-corpus/template/regress-folded-slot):
   * a value with a slot folded over lines is written again whole.
   */
  {
    static const char *folded = "---\ntemplate-name: F\ntitle: Statement of {{delegation}}\n\n  for the group\nlang: en\n---\nBody\n";
    g_autoptr(RstTemplate) folded_one = rst_template_new ("f", RST_TEMPLATE_ORIGIN_USER, NULL, folded, strlen (folded));
    g_autoptr(GHashTable) values = rst_template_values_new ();
    g_autoptr(RstDetails) details = NULL;
    g_autofree char *filled = NULL;
    RstFrontMatter fm;

    g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("Chile"));
    filled = rst_template_fill (folded_one, values, NULL);
    g_assert_nonnull (filled);
    rst_front_matter_locate (filled, strlen (filled), &fm);
    details = rst_front_matter_read (filled, strlen (filled), &fm, NULL, NULL);
    g_assert_nonnull (details);
    g_assert_cmpstr (rst_details_get (details, "title"), ==, "Statement of Chile\nfor the group");
    g_assert_cmpstr (rst_details_get (details, "lang"), ==, "en");
  }
  /* fuzz-corpus/template/regress-zip-letters: a body that alone would
   * look like a ZIP file.
   */
  assert_fills ("---\ntemplate-name: Z\n---\nPK\003\004 text\n", "Z", "---\n---\nPK\003\004 text\n");
  /* fuzz-corpus/template/regress-body-opens-open-block: never closed. */
  assert_fills ("---\ntemplate-name: Open\n---\n---\nnot: details\nBody\n", "Open",
                "---\n---\n---\nnot: details\nBody\n");
  g_assert_cmpstr (rst_template_get_description (bare), ==, "");
}


/* Found by fuzz-template (fuzz-corpus/template/regress-escape): a value
 * with an escape ("\uFEFF", "\e") lost it when the filled statement was
 * saved as a template and filled again.
 */
static void
test_fill_escapes_round_trip (void)
{
  static const char data[] = "---\ntitle: \"A\\uFEFFB\\e {{speaker}}\"\nlang: en\n---\nBody by {{speaker}}\n";
  g_autoptr(RstTemplate) template = rst_template_new ("escapes", RST_TEMPLATE_ORIGIN_USER, NULL, data, strlen (data));
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *refilled = NULL;
  RstFrontMatter fm;
  g_autoptr(RstDetails) first = NULL;
  g_autoptr(RstDetails) second = NULL;

  g_assert_no_error (rst_template_get_error (template));
  rst_template_values_set_default (values, "speaker", "Ana");
  filled = rst_template_fill (template, values, &error);
  g_assert_no_error (error);
  rst_front_matter_locate (filled, strlen (filled), &fm);
  first = rst_front_matter_read (filled, strlen (filled), &fm, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_details_get (first, "title"), ==, "A\xEF\xBB\xBF" "B\x1b Ana");

  saved = rst_template_from_statement (filled, values);
  refilled = rst_template_fill_text (saved, values);
  rst_front_matter_locate (refilled, strlen (refilled), &fm);
  second = rst_front_matter_read (refilled, strlen (refilled), &fm, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rst_details_equal (first, second));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/template/ordinals", test_ordinals);
  g_test_add_func ("/template/fill", test_fill);
  g_test_add_func ("/template/fill-front-matter-quoting", test_fill_front_matter_quoting);
  g_test_add_func ("/template/council-values", test_council_values);
  g_test_add_func ("/template/builtins-pass-checker", test_builtins_pass_checker);
  g_test_add_func ("/template/from-statement-fixture", test_from_statement_fixture);
  g_test_add_func ("/template/from-statement-whole-words", test_from_statement_whole_words);
  g_test_add_func ("/template/builtins-round-trip", test_builtins_round_trip);
  g_test_add_func ("/template/next-session", test_next_session);
  g_test_add_func ("/template/find-slots", test_find_slots);
  g_test_add_func ("/template/malformed", test_malformed);
  g_test_add_func ("/template/fill-escapes-round-trip", test_fill_escapes_round_trip);
  g_test_add_func ("/template/damaged-builtins", test_damaged_builtins);
  g_test_add_func ("/template/name-and-description", test_name_and_description);

  return g_test_run ();
}
