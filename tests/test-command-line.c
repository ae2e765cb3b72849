/* test-command-line.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rst-analysis.h"
#include "rst-council-list.h"
#include "rst-timing.h"
#include "rst-test-command.h"

/* Runs the real `rostrum` that meson built (ROSTRUM_BIN), as a script or
 * a CI job would: no display, no session bus.
 */


static char *
fixture_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
}

static char *
write_temp (const char *basename,
            const char *data,
            gssize      length)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), basename, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* The 1-based line of the first occurrence of @needle in @text. */
static guint
line_of (const char *text,
         const char *needle)
{
  const char *found = strstr (text, needle);
  guint line = 1;

  g_assert_nonnull (found);
  for (const char *p = text; p < found; p++)
    if (*p == '\n')
      line++;

  return line;
}

/* The fixture is pasted from a PDF: two paragraphs break mid-sentence.
 * A split-paragraph warning may point at either side of the break.
 */
static gboolean
is_split_line (const char *text,
               guint       line)
{
  static const char * const breaks[][2] = {
    { "reconciliation, and\n", "to reduce the large-scale" },
    { "implement the Global Compact\n", "on Migration in accordance" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    if (line == line_of (text, breaks[i][0]) || line == line_of (text, breaks[i][1]))
      return TRUE;

  return FALSE;
}

static void
assert_bad_input (const RstTestRun  *run,
                  const char *mentions)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  /* Exactly one line. */
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpint (strchr (run->err, '\n') - run->err, ==, strlen (run->err) - 1);
  if (mentions != NULL && strstr (run->err, mentions) == NULL)
    g_error ("“%s” does not mention “%s”", run->err, mentions);
}

static void
test_check_text (void)
{
  g_autofree char *path = fixture_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(RstTestRun) run = { 0, };
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, NULL);
  rst_test_run_rostrum (&run, "--check", path, NULL);

  /* Warnings only: exit 0. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *prefix = g_strconcat (path, ":", NULL);
      g_auto(GStrv) fields = NULL;
      guint64 line, column;

      /* FILE:LINE:COL: SEVERITY: MESSAGE [CODE] */
      g_assert_true (g_str_has_prefix (lines[i], prefix));
      fields = g_strsplit (lines[i] + strlen (prefix), ":", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      g_assert_true (g_ascii_string_to_unsigned (fields[0], 10, 1, G_MAXUINT, &line, NULL));
      g_assert_true (g_ascii_string_to_unsigned (fields[1], 10, 1, G_MAXUINT, &column, NULL));
      g_assert_true (g_str_has_prefix (fields[2], " warning: "));
      g_assert_true (g_str_has_suffix (fields[2], " [split-paragraph]"));
      g_assert_true (is_split_line (contents, line));
      n++;
    }

  g_assert_cmpuint (n, ==, 2);
}

static JsonObject *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

static void
test_check_json (void)
{
  g_autofree char *path = fixture_path ();
  g_autofree char *contents = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  RstCouncil *iom = rst_council_list_lookup (councils, "iom", NULL);
  g_auto(RstTestRun) run = { 0, };
  JsonArray *files;
  JsonObject *file;
  JsonArray *structure;
  JsonArray *diagnostics;
  guint n_priorities = 0;
  gboolean has_heading = FALSE, has_salutation = FALSE, has_closing = FALSE;
  gint64 words;

  g_file_get_contents (path, &contents, NULL, NULL);
  rst_test_run_rostrum (&run, "--check", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 1);
  file = json_array_get_object_element (files, 0);

  g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, path);
  words = json_object_get_int_member (file, "words");
  /* What the parser counts, several hundred words. */
  {
    g_autoptr(RstAnalysis) analysis = rst_analysis_new (contents, -1, NULL);

    g_assert_cmpint (words, ==, rst_statement_get_word_count (rst_analysis_get_statement (analysis)));
    g_assert_cmpint (words, ==, rst_analysis_get_units (analysis));
    g_assert_cmpint (words, >, 300);
    g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                     rst_analysis_get_speaking_seconds (analysis));
    g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==,
                     rst_analysis_get_time_limit (analysis));
  }
  /* No details: English by its words, the council and session its
   * heading tells ("at the 114th Session of the Council of IOM").
   */
  g_assert_cmpstr (json_object_get_string_member (file, "lang"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "iom");
  g_assert_cmpint (json_object_get_int_member (file, "session"), ==, 114);
  /* The IOM Council's limit and pace. */
  g_assert_nonnull (iom);
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==,
                   rst_council_get_time_limit_seconds (iom));
  g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                   rst_timing_estimate_seconds (words, rst_council_get_words_per_minute (iom)));

  structure = json_object_get_array_member (file, "structure");
  for (guint i = 0; i < json_array_get_length (structure); i++)
    {
      JsonObject *element = json_array_get_object_element (structure, i);
      const char *kind = json_object_get_string_member (element, "kind");
      const char *text = json_object_get_string_member (element, "text");
      gint64 line = json_object_get_int_member (element, "line");

      g_assert_cmpint (line, >=, 1);
      g_assert_null (strstr (text, "**"));

      if (g_strcmp0 (kind, rst_element_kind_to_string (RST_ELEMENT_HEADING)) == 0)
        {
          has_heading = TRUE;
          g_assert_true (g_str_has_prefix (text, "Statement by H.E. Ambassador Chen Xu"));
          g_assert_cmpint (line, ==, line_of (contents, "**Statement by"));
        }
      else if (g_strcmp0 (kind, rst_element_kind_to_string (RST_ELEMENT_SALUTATION)) == 0)
        {
          has_salutation = TRUE;
          g_assert_cmpstr (text, ==, "Mr. Chairperson,");
        }
      else if (g_strcmp0 (kind, rst_element_kind_to_string (RST_ELEMENT_PRIORITY)) == 0)
        {
          n_priorities++;
        }
      else if (g_strcmp0 (kind, rst_element_kind_to_string (RST_ELEMENT_CLOSING)) == 0)
        {
          has_closing = TRUE;
          g_assert_cmpstr (text, ==, "I thank you.");
          g_assert_cmpint (line, ==, line_of (contents, "I thank you."));
        }
    }
  g_assert_true (has_heading);
  g_assert_true (has_salutation);
  g_assert_true (has_closing);
  /* First, Second, Third, Fourth. */
  g_assert_cmpuint (n_priorities, ==, 4);

  diagnostics = json_object_get_array_member (file, "diagnostics");
  g_assert_cmpuint (json_array_get_length (diagnostics), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);
      gint64 line = json_object_get_int_member (diagnostic, "line");

      g_assert_cmpstr (json_object_get_string_member (diagnostic, "code"), ==, "split-paragraph");
      g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "warning");
      g_assert_true (is_split_line (contents, line));
      g_assert_cmpint (json_object_get_int_member (diagnostic, "column"), >=, 1);
      g_assert_cmpint (json_object_get_int_member (diagnostic, "end_line"), >=, line);
      g_assert_cmpstr (json_object_get_string_member (diagnostic, "message"), !=, "");
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (diagnostic, "fixes")));
    }
}

static void
test_check_errors_and_councils (void)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *draft = NULL;
  g_autofree char *hrc = NULL;
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  RstCouncil *wha = rst_council_list_lookup (councils, "wha", NULL);
  g_auto(RstTestRun) run = { 0, };
  g_auto(RstTestRun) forced = { 0, };
  JsonArray *files;
  JsonObject *file;
  JsonArray *diagnostics;
  gboolean found = FALSE;

  g_assert_nonnull (wha);
  draft = write_temp ("draft.md",
                      "---\ncouncil: hrc\nsession: 58\nlang: en\n---\n"
                      "**Statement by {{Head of delegation}}**\n\n"
                      "Mr. President,\n\nWe thank the High Commissioner.\n\nI thank you.\n", -1);
  hrc = write_temp ("hrc.md",
                    "---\ncouncil: hrc\ntime-limit: 1:30\n---\n"
                    "Mr. President,\n\nWe thank the High Commissioner.\n\nI thank you.\n", -1);

  rst_test_run_rostrum (&run, "--check", "--json", fixture, draft, hrc, NULL);
  /* An unfilled placeholder is an error. */
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");

  root = parse_json (run.out);
  files = json_object_get_array_member (root, "files");
  g_assert_cmpuint (json_array_get_length (files), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (files, 0), "path"), ==, fixture);

  file = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (file, "path"), ==, draft);
  /* The council the front matter names. */
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 180);
  diagnostics = json_object_get_array_member (file, "diagnostics");
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    {
      JsonObject *diagnostic = json_array_get_object_element (diagnostics, i);

      if (g_strcmp0 (json_object_get_string_member (diagnostic, "code"), "placeholder-unfilled") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (diagnostic, "severity"), ==, "error");
          /* Line 6 of the file, front matter included. */
          g_assert_cmpint (json_object_get_int_member (diagnostic, "line"), ==, 6);
        }
    }
  g_assert_true (found);
  /* What the details say. */
  g_assert_cmpstr (json_object_get_string_member (file, "lang"), ==, "en");
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "hrc");
  g_assert_cmpint (json_object_get_int_member (file, "session"), ==, 58);

  /* The document's own limit; no session anywhere. */
  file = json_array_get_object_element (files, 2);
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 90);
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "hrc");
  g_assert_true (json_object_get_null_member (file, "session"));

  /* --council beats the front matter's council, not its time-limit. */
  rst_test_run_rostrum (&forced, "--check", "--json", "--council", "wha", draft, hrc, NULL);
  g_assert_cmpint (forced.status, ==, 1);
  g_clear_pointer (&root, json_object_unref);
  root = parse_json (forced.out);
  files = json_object_get_array_member (root, "files");
  file = json_array_get_object_element (files, 0);
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "wha");
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==,
                   rst_council_get_time_limit_seconds (wha));
  g_assert_cmpint (json_object_get_int_member (file, "speaking_seconds"), ==,
                   rst_timing_estimate_seconds (json_object_get_int_member (file, "words"),
                                                rst_council_get_words_per_minute (wha)));
  file = json_array_get_object_element (files, 1);
  g_assert_cmpstr (json_object_get_string_member (file, "council"), ==, "wha");
  g_assert_cmpint (json_object_get_int_member (file, "time_limit_seconds"), ==, 90);
}

/* Whether the first file of a --json run has a diagnostic @code. */
static gboolean
json_has_code (const char *json,
               const char *code)
{
  g_autoptr(JsonObject) root = parse_json (json);
  JsonArray *files = json_object_get_array_member (root, "files");
  JsonArray *diagnostics;

  diagnostics = json_object_get_array_member (json_array_get_object_element (files, 0), "diagnostics");
  for (guint i = 0; i < json_array_get_length (diagnostics); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (diagnostics, i), "code"), code) == 0)
      return TRUE;

  return FALSE;
}

static void
test_over_time (void)
{
  g_autofree char *fixture = fixture_path ();
  g_autofree char *contents = NULL;
  g_autofree char *hrc = NULL;
  g_autofree char *long_limit = NULL;
  g_autofree char *text = NULL;
  g_auto(RstTestRun) iom = { 0, };
  g_auto(RstTestRun) at_hrc = { 0, };
  g_auto(RstTestRun) forced = { 0, };
  g_auto(RstTestRun) extended = { 0, };

  /* The fixture, some 400 words, fits IOM's five minutes... */
  rst_test_run_rostrum (&iom, "--check", "--json", "--council", "iom", fixture, NULL);
  g_assert_cmpint (iom.status, ==, 0);
  g_assert_false (json_has_code (iom.out, "over-time"));

  /* ...but not the Human Rights Council's three, named in the file, */
  g_file_get_contents (fixture, &contents, NULL, NULL);
  text = g_strconcat ("---\ncouncil: hrc\n---\n", contents, NULL);
  hrc = write_temp ("hrc.md", text, -1);
  rst_test_run_rostrum (&at_hrc, "--check", "--json", hrc, NULL);
  g_assert_cmpint (at_hrc.status, ==, 0);
  g_assert_true (json_has_code (at_hrc.out, "over-time"));

  /* or chosen on the command line, */
  rst_test_run_rostrum (&forced, "--check", "--json", "--council", "wha", fixture, NULL);
  g_assert_true (json_has_code (forced.out, "over-time"));

  /* unless the session gave more time. */
  g_free (text);
  text = g_strconcat ("---\ncouncil: hrc\ntime-limit: 6:00\n---\n", contents, NULL);
  long_limit = write_temp ("hrc-long.md", text, -1);
  rst_test_run_rostrum (&extended, "--check", "--json", long_limit, NULL);
  g_assert_false (json_has_code (extended.out, "over-time"));
}

static void
test_bad_input (void)
{
  static const char invalid[] = "Mr. President,\n\nWe thank\nthe \xc3\x28 Commission.\n";
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autofree char *fixture = fixture_path ();
  g_autofree char *invalid_path = write_temp ("invalid.md", invalid, sizeof invalid - 1);
  g_autofree char *binary_path = write_temp ("image.md", binary, sizeof binary - 1);
  g_autofree char *missing = g_build_filename (g_get_user_cache_dir (), "no-such-statement.md", NULL);
  const char *folder = g_get_user_cache_dir ();

  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", missing, NULL);
    assert_bad_input (&run, "no-such-statement.md");
  }
  {
    /* Even after a good file: nothing half printed. */
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", "--json", fixture, folder, NULL);
    assert_bad_input (&run, folder);
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", binary_path, NULL);
    assert_bad_input (&run, "binary");
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", invalid_path, NULL);
    assert_bad_input (&run, "line 4");
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", "--council", "no-such-council", fixture, NULL);
    assert_bad_input (&run, "no-such-council");
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", NULL);
    assert_bad_input (&run, "--check");
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", "--json", NULL);
    assert_bad_input (&run, "--check");
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--json", fixture, NULL);
    assert_bad_input (&run, "--json");
  }
  {
    /* An option rostrum does not know: one "rostrum: " line naming it and
     * pointing at --help, never the editor.
     */
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--bogus", NULL);
    assert_bad_input (&run, "--bogus");
    g_assert_true (g_str_has_prefix (run.err, "rostrum: "));
    g_assert_nonnull (strstr (run.err, "--help"));
  }
  {
    g_auto(RstTestRun) run = { 0, };
    rst_test_run_rostrum (&run, "--check", "--bogus", fixture, NULL);
    assert_bad_input (&run, "--bogus");
    g_assert_true (g_str_has_prefix (run.err, "rostrum: "));
  }
}

static void
test_list_councils (void)
{
  g_autoptr(RstCouncilList) list = rst_council_list_new (NULL);
  GListModel *councils = G_LIST_MODEL (list);
  g_autofree char *dir = rst_council_dup_user_dir ();
  g_autofree char *mine = NULL;
  g_autofree char *broken = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(RstTestRun) run = { 0, };
  g_auto(RstTestRun) with_user = { 0, };
  guint n = g_list_model_get_n_items (councils);

  rst_test_run_rostrum (&run, "--list-councils", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  /* id TAB name TAB limit, in the list's order (generic last). */
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, n + 1);
  g_assert_cmpstr (lines[n], ==, "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (councils, i);
      g_autofree char *limit = rst_timing_format (rst_council_get_time_limit_seconds (council));
      g_autofree char *expected = g_strdup_printf ("%s\t%s\t%s", rst_council_get_id (council),
                                                   rst_council_get_name (council), limit);

      g_assert_cmpstr (lines[i], ==, expected);
    }
  g_assert_true (g_str_has_prefix (lines[n - 1], "generic\t"));
  g_assert_cmpuint (n, >=, 7);

  /* The user's profiles join the list; a broken one is named on stderr
   * and does not stop the listing.
   */
  g_mkdir_with_parents (dir, 0700);
  mine = g_build_filename (dir, "ilo-gb.council", NULL);
  broken = g_build_filename (dir, "broken.council", NULL);
  g_file_set_contents (mine, "[Council]\nName=ILO Governing Body\nTimeLimit=3:30\n", -1, NULL);
  g_file_set_contents (broken, "[Council]\nName=Broken\nTimeLimit=abc\n", -1, NULL);

  rst_test_run_rostrum (&with_user, "--list-councils", NULL);
  g_assert_cmpint (with_user.status, ==, 0);
  g_assert_nonnull (strstr (with_user.out, "ilo-gb\tILO Governing Body\t3:30\n"));
  g_assert_null (strstr (with_user.out, "broken"));
  g_assert_nonnull (strstr (with_user.err, broken));
  g_assert_nonnull (strstr (with_user.err, "TimeLimit"));

  g_unlink (mine);
  g_unlink (broken);
}

/* ID TAB NAME TAB SOURCE TAB LANGS, one line a template; a broken one
 * adds its error as a fifth column.
 */
static void
test_list_templates (void)
{
  g_auto(GStrv) lines = NULL;
  g_auto(RstTestRun) run = { 0, };
  guint n = 0;

  rst_test_run_rostrum (&run, "--list-templates", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out, "\n"));

  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++, n++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[0], !=, "");
      g_assert_cmpstr (fields[1], !=, "");
      g_assert_cmpstr (fields[2], !=, "");
      /* The templates Rostrum ships say their language. */
      if (g_str_equal (fields[2], "builtin"))
        g_assert_cmpstr (fields[3], !=, "");
    }
  /* Rostrum ships templates. */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, ==, g_strv_length (lines) - 1);
}

static void
test_version (void)
{
  g_auto(RstTestRun) run = { 0, };

  rst_test_run_rostrum (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "rostrum " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/command-line/check-text", test_check_text);
  g_test_add_func ("/command-line/check-json", test_check_json);
  g_test_add_func ("/command-line/check-errors-and-councils", test_check_errors_and_councils);
  g_test_add_func ("/command-line/over-time", test_over_time);
  g_test_add_func ("/command-line/bad-input", test_bad_input);
  g_test_add_func ("/command-line/list-councils", test_list_councils);
  g_test_add_func ("/command-line/list-templates", test_list_templates);
  g_test_add_func ("/command-line/version", test_version);

  return g_test_run ();
}
