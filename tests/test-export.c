/* test-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-file-writer.h"
#include "rst-manuscript.h"
#include "rst-test-export.h"

static void
test_format_names (void)
{
  static const struct {
    const char      *name;
    RstExportFormat  format;
    const char      *extension;
  } cases[] = {
    { "pdf", RST_EXPORT_PDF, "pdf" },
    { "reading-pdf", RST_EXPORT_READING_PDF, "pdf" },
    { "docx", RST_EXPORT_DOCX, "docx" },
    { "odt", RST_EXPORT_ODT, "odt" },
    { "txt", RST_EXPORT_TXT, "txt" },
  };
  RstExportFormat format = RST_EXPORT_TXT;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (rst_export_format_from_string (cases[i].name, &format));
      g_assert_cmpint (format, ==, cases[i].format);
      g_assert_cmpstr (rst_export_format_to_string (format), ==, cases[i].name);
      g_assert_cmpstr (rst_export_format_get_extension (format), ==, cases[i].extension);
      g_assert_nonnull (rst_export_format_get_mime_type (format));
    }

  g_assert_true (rst_export_format_from_string ("PDF", &format));
  g_assert_cmpint (format, ==, RST_EXPORT_PDF);
  format = RST_EXPORT_ODT;
  g_assert_false (rst_export_format_from_string ("rtf", &format));
  g_assert_false (rst_export_format_from_string ("", &format));
  g_assert_false (rst_export_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, RST_EXPORT_ODT);
}

/* A profile's FileNamePattern expanded by hand with DESIGN.md's details. */
static char *
expected_name (RstCouncil *council,
               const char *extension)
{
  g_autoptr(GString) want = g_string_new (rst_council_get_file_name_pattern (council));

  g_string_replace (want, "{session}", "114", 0);
  g_string_replace (want, "{delegation}", "China", 0);
  g_string_replace (want, "{agenda_item}", "General-Debate", 0);
  g_string_replace (want, "{council_short}", rst_council_get_short_name (council), 0);
  g_assert_null (strchr (want->str, '{'));
  g_string_append_printf (want, ".%s", extension);

  return g_string_free (g_steal_pointer (&want), FALSE);
}

static void
test_propose_file_name (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(RstAnalysis) bare = rst_test_load_fixture (FALSE);
  g_autoptr(RstCouncil) iom = rst_test_lookup_council ("iom");
  g_autoptr(RstCouncil) unga = rst_test_lookup_council ("unga");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GKeyFile) plain_file = g_key_file_new ();
  g_autoptr(RstCouncil) custom = NULL;
  g_autoptr(RstCouncil) plain = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *reading = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *odd = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *expected = NULL;

  /* The profile the front matter names ("council: iom"), its own
   * pattern with DESIGN.md's details.
   */
  g_assert_true (rst_analysis_get_council (analysis) == iom);
  pdf = rst_export_propose_file_name (analysis, RST_EXPORT_PDF);
  expected = expected_name (iom, "pdf");
  g_assert_cmpstr (pdf, ==, expected);
  g_assert_cmpstr (pdf, ==, "IOM-C114-China-General-Debate.pdf");
  stem = g_strndup (pdf, strlen (pdf) - strlen (".pdf"));
  reading = rst_export_propose_file_name (analysis, RST_EXPORT_READING_PDF);
  g_assert_true (g_str_has_prefix (reading, stem));
  g_assert_cmpint (reading[strlen (stem)], ==, '-');
  g_assert_true (g_str_has_suffix (reading, ".pdf"));
  g_assert_cmpstr (reading, !=, pdf);
  docx = rst_export_propose_file_name (analysis, RST_EXPORT_DOCX);
  g_clear_pointer (&expected, g_free);
  expected = g_strconcat (stem, ".docx", NULL);
  g_assert_cmpstr (docx, ==, expected);

  /* A council forced from outside beats the one the details name, and
   * its pattern and short name are used.
   */
  {
    g_autoptr(RstAnalysis) forced = rst_test_load_fixture_for (TRUE, unga);

    profile = rst_export_propose_file_name (forced, RST_EXPORT_ODT);
    g_clear_pointer (&expected, g_free);
    expected = expected_name (unga, "odt");
    g_assert_cmpstr (profile, ==, expected);
    g_assert_cmpstr (profile, !=, "IOM-C114-China-General-Debate.odt");
  }

  /* Fields with spaces, slashes and non-ASCII letters; a literal part. */
  g_key_file_set_string (key_file, "Council", "Name", "Test council");
  g_key_file_set_string (key_file, "Council", "ShortName", "TC");
  g_key_file_set_string (key_file, "Council", "FileNamePattern", "{council_short} {date}_{speaker}");
  custom = rst_council_new_from_key_file ("test", key_file, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RstAnalysis) accented = rst_test_analyse_for ("---\nspeaker: Ms. Zoë O'Neil / Deputy\ndate: 2024-06-01\n---\nThank you.\n",
                                                           custom);

    odd = rst_export_propose_file_name (accented, RST_EXPORT_TXT);
  }
  g_assert_cmpstr (odd, ==, "TC-2024-06-01_Ms-Zoë-O-Neil-Deputy.txt");

  /* A profile without a pattern of its own: short name, session,
   * delegation.
   */
  g_key_file_set_string (plain_file, "Council", "Name", "Plain council");
  g_key_file_set_string (plain_file, "Council", "ShortName", "PC");
  plain = rst_council_new_from_key_file ("plain", plain_file, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RstAnalysis) forced = rst_test_load_fixture_for (TRUE, plain);
    g_autofree char *name = rst_export_propose_file_name (forced, RST_EXPORT_PDF);

    g_assert_cmpstr (name, ==, "PC-114-China.pdf");
  }

  /* No details at all: the empty fields drop out, no stray dashes. */
  nothing = rst_export_propose_file_name (bare, RST_EXPORT_PDF);
  g_assert_false (g_str_has_prefix (nothing, "-"));
  g_assert_true (g_str_has_suffix (nothing, ".pdf"));
  g_assert_null (strstr (nothing, "--"));
  g_assert_cmpuint (strlen (nothing), >, strlen (".pdf"));
}

/* A council Rostrum has no profile for: the generic profile's pattern,
 * "{council_short}-{session}-{delegation}-{agenda_item}", with the id
 * the details give as the short name ("xyz" → "XYZ"), as the session
 * line of the document calls it.
 */
static void
test_propose_file_name_unknown_council (void)
{
  g_autofree char *fixture = rst_test_read_fixture ();
  g_autofree char *text = g_strconcat ("---\n"
                                       "council: xyz\n"
                                       "session: 114\n"
                                       "delegation: China\n"
                                       "agenda-item: General debate\n"
                                       "---\n", fixture, NULL);
  g_autoptr(RstAnalysis) analysis = rst_test_analyse (text);
  g_autofree char *pdf = NULL;

  g_assert_null (rst_analysis_get_council_id (analysis));
  g_assert_cmpstr (rst_council_get_id (rst_analysis_get_council (analysis)), ==, "generic");
  pdf = rst_export_propose_file_name (analysis, RST_EXPORT_PDF);
  g_assert_cmpstr (pdf, ==, "XYZ-114-China-General-Debate.pdf");
}

static void
test_plain_text (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GFile) file = rst_test_export (analysis, RST_EXPORT_TXT, "statement.txt");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) paragraphs = NULL;
  gsize length = 0;
  guint n = 0;

  g_file_load_contents (file, NULL, &contents, &length, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, length, NULL));

  /* Body only: no front matter, no markup. */
  g_assert_null (strstr (contents, "---"));
  g_assert_null (strstr (contents, "council: iom"));
  g_assert_null (strchr (contents, '*'));
  g_assert_true (g_str_has_suffix (contents, "I thank you.\n"));

  rst_test_get_paragraphs (analysis, &n);
  paragraphs = g_strsplit (contents, "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *expected = rst_test_paragraph_text (analysis, i);
      g_autofree char *got = g_strdelimit (g_strstrip (g_strdup (paragraphs[i])), "\n", ' ');

      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_markup_and_placeholders_in_text (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  analysis = rst_test_analyse ("We **strongly** support *the* reform of {{Name of the body}}, "
                              "5 * 3 and a ** lone marker.\n\nI thank you.\n");
  g_assert_true (rst_export_to_stream (analysis, RST_EXPORT_TXT, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));

  g_assert_cmpstr (text, ==,
                   "We strongly support the reform of {{Name of the body}}, "
                   "5 * 3 and a ** lone marker.\n\nI thank you.\n");
}

/* Every format takes the statement's typography from its language: the
 * plain text too, with French no-break spaces and « » around a quote
 * typed with straight marks, and markup runs kept where they were.
 */
static void
test_typography_in_text (void)
{
  static const struct {
    const char *source;
    const char *text;
  } cases[] = {
    { "---\nlang: fr\n---\nMonsieur le Président,\n\nNous disons **\"oui\"** : enfin !\n\nJe vous remercie.\n",
      "Monsieur le Président,\n\nNous disons «\u00a0oui\u00a0»\u00a0: enfin\u00a0!\n\nJe vous remercie.\n" },
    { "---\nlang: ru\n---\nГосподин Председатель!\n\nТак называемый \"договор\".\n\nБлагодарю за внимание.\n",
      "Господин Председатель!\n\nТак называемый «договор».\n\nБлагодарю за внимание.\n" },
    { "---\nlang: zh\n---\n主席先生：\n\n他说\"好\"。\n\n谢谢主席。\n",
      "主席先生：\n\n他说“好”。\n\n谢谢主席。\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RstAnalysis) analysis = rst_test_analyse (cases[i].source);
      g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      g_assert_true (rst_export_to_stream (analysis, RST_EXPORT_TXT, stream, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (stream, NULL, NULL);
      text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                        g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* The bold run still covers the quotation, marks and spaces inside. */
  {
    g_autoptr(RstAnalysis) analysis = rst_test_analyse (cases[0].source);
    g_autoptr(RstManuscript) ms = rst_manuscript_new (analysis);
    const RstBlock *block = g_ptr_array_index (ms->blocks, 1);
    gboolean seen = FALSE;

    for (guint k = 0; k < block->n_runs; k++)
      {
        g_autofree char *run = g_strndup (block->text + block->runs[k].start,
                                          block->runs[k].end - block->runs[k].start);

        if (block->runs[k].flags & RST_RUN_BOLD)
          {
            g_assert_cmpstr (run, ==, "«\u00a0oui\u00a0»");
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
}

/* A statement made from a template before its details are filled: the
 * page prints no "{{agenda_item}}" and no "{{council_id}}", and the
 * delivery mark is the language's own.
 */
static void
test_placeholder_details (void)
{
  static const char *text =
    "---\n"
    "title: \"Statement by {{speaker}}\"\n"
    "council: \"{{council_id}}\"\n"
    "delegation: \"{{delegation}}\"\n"
    "date: \"{{date}}\"\n"
    "agenda-item: \"{{agenda_item}}\"\n"
    "delivery-mark: \"{{delivery_mark}}\"\n"
    "lang: fr\n"
    "---\n"
    "Monsieur le Président,\n\nJe vous remercie.\n";
  g_autoptr(RstAnalysis) analysis = rst_test_analyse (text);
  g_autoptr(RstManuscript) ms = rst_manuscript_new (analysis);

  /* The document's title falls back to the word for a statement. */
  g_assert_null (strstr (ms->title, "{{"));
  g_assert_null (ms->delegation);
  g_assert_null (ms->author);
  g_assert_null (ms->session_line);
  g_assert_nonnull (ms->delivery_mark);
  g_assert_null (strstr (ms->delivery_mark, "{{"));
  g_assert_cmpstr (ms->delivery_mark, ==, rst_rules_get_default_delivery_mark (rst_rules_get ("fr")));
}

/* Nothing to say is still a document, in every format. */
static void
test_empty_statement (void)
{
  static const char * const texts[] = { "", "---\ntitle: Draft\n---\n", "\r\n\r\n" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(RstAnalysis) analysis = rst_test_analyse (texts[i]);

      for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
        {
          g_autofree char *name = rst_export_propose_file_name (analysis, format);
          g_autoptr(GFile) file = rst_test_export (analysis, format, name);
          g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                         G_FILE_QUERY_INFO_NONE, NULL, NULL);

          g_assert_nonnull (info);
          if (format != RST_EXPORT_TXT)
            g_assert_cmpint (g_file_info_get_size (info), >, 0);
        }
    }
}

/* Windows line ends: the heading keeps its two lines, nothing else does. */
static void
test_crlf (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_analyse ("**Statement by Testland\r\nat the Council**\r\n\r\n"
                                                      "Mr. Chairperson,\r\n\r\n"
                                                      "We support\r\nthe reform.\r\n\r\nI thank you.\r\n");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (rst_export_to_stream (analysis, RST_EXPORT_TXT, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));

  g_assert_cmpstr (text, ==,
                   "Statement by Testland\nat the Council\n\n"
                   "Mr. Chairperson,\n\n"
                   "We support the reform.\n\n"
                   "I thank you.\n");
}

static void
assert_no_export (RstExportFormat  format,
                  GFile           *folder,
                  GFile           *output,
                  GQuark           domain,
                  int              code)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_false (rst_export_to_file (analysis, format, output, NULL, NULL, &error));
  g_assert_error (error, domain, code);
  /* The message names the file the drafter chose, not a temporary. */
  {
    g_autofree char *name = g_file_get_basename (output);

    g_assert_nonnull (strstr (error->message, name));
    g_assert_null (strstr (error->message, ".part"));
  }
  g_assert_false (g_file_query_exists (output, NULL) &&
                  g_file_query_file_type (output, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_REGULAR);
  if (folder != NULL && g_file_query_exists (folder, NULL))
    g_assert_cmpuint (rst_test_count_children (folder), ==, 0);
}

static void
test_missing_folder (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) missing = g_file_get_child (dir, "no-such-folder");
  g_autoptr(GFile) output = g_file_get_child (missing, "statement.pdf");

  for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
    assert_no_export (format, missing, output, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (missing, NULL));
  g_assert_cmpuint (rst_test_count_children (dir), ==, 0);
}

static void
test_folder_is_a_file (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) plain = g_file_get_child (dir, "notes.txt");
  g_autoptr(GFile) output = g_file_get_child (plain, "statement.docx");
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (plain, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_no_export (RST_EXPORT_DOCX, NULL, output, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_cmpuint (rst_test_count_children (dir), ==, 1);
}

/* Whether a file can be made in `folder`, asked of the file system
 * itself: root passes every access() check.
 */
static gboolean
can_create_in (GFile *folder)
{
  g_autoptr(GFile) probe = g_file_get_child (folder, "probe");
  g_autoptr(GFileOutputStream) stream = g_file_create (probe, G_FILE_CREATE_NONE, NULL, NULL);

  if (stream == NULL)
    return FALSE;

  g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
  g_file_delete (probe, NULL, NULL);

  return TRUE;
}

static void
test_read_only_folder (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) locked = g_file_get_child (dir, "locked");
  g_autoptr(GFile) output = g_file_get_child (locked, "statement.odt");
  g_autofree char *path = g_file_get_path (locked);

  g_assert_cmpint (g_mkdir (path, 0500), ==, 0);
  if (!can_create_in (locked))
    {
      for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
        assert_no_export (format, locked, output, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
      g_chmod (path, 0700);
      return;
    }

  /* Running as root: sysfs refuses new files even to root. */
  g_chmod (path, 0700);
  {
    g_autoptr(GFile) sys = g_file_new_for_path ("/sys");
    g_autoptr(GFile) sys_output = g_file_get_child (sys, "statement.odt");

    if (g_file_query_file_type (sys, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY ||
        can_create_in (sys))
      {
        g_test_skip ("Running as root with no read-only folder at hand");
        return;
      }

    for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
      assert_no_export (format, NULL, sys_output, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  }
}

/* A failure at the last step, the rename, must not leave the temporary. */
static void
test_target_is_a_folder (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) output = g_file_get_child (dir, "statement.pdf");
  g_autoptr(GFile) inside = g_file_get_child (output, "keep.txt");
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GError) error = NULL;

  g_file_make_directory (output, NULL, &error);
  g_assert_no_error (error);
  g_file_replace_contents (inside, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_false (rst_export_to_file (analysis, RST_EXPORT_PDF, output, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "statement.pdf"));
  g_assert_null (strstr (error->message, ".part"));
  g_assert_cmpint (g_file_query_file_type (output, G_FILE_QUERY_INFO_NONE, NULL), ==, G_FILE_TYPE_DIRECTORY);
  g_assert_true (g_file_query_exists (inside, NULL));
  g_assert_cmpuint (rst_test_count_children (dir), ==, 1);
}

/* Exporting again replaces the earlier file whole. */
static void
test_replace_existing (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) output = g_file_get_child (dir, "statement.txt");
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *old = g_strnfill (100000, 'x');

  g_file_replace_contents (output, old, strlen (old), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (rst_export_to_file (analysis, RST_EXPORT_TXT, output, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_load_contents (output, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "Statement by H.E. Ambassador Chen Xu\n"));
  g_assert_null (strstr (contents, "xxxx"));
  g_assert_cmpuint (rst_test_count_children (dir), ==, 1);
}

/* The statement's own file is never written over, however its path is
 * spelt, and nothing is left beside it.
 */
static void
test_protected_input (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GFile) input = g_file_get_child (dir, "statement.md");
  g_autofree char *fixture = rst_test_read_fixture ();
  g_autofree char *text = g_strconcat (RST_TEST_FRONT_MATTER, fixture, NULL);
  g_autoptr(RstAnalysis) analysis = rst_test_analyse (text);
  g_autofree char *dir_path = g_file_get_path (dir);
  g_autofree char *dotted = g_build_filename (dir_path, ".", "statement.md", NULL);
  g_autoptr(GFile) same = g_file_new_for_path (dotted);
  GFile *protect[] = { input, NULL };
  GFile *outputs[] = { input, same };
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (input, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
      {
        g_autofree char *contents = NULL;
        gsize length = 0;

        g_assert_false (rst_export_to_file (analysis, format, outputs[i], protect, NULL, &error));
        g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED);
        g_clear_error (&error);

        g_file_load_contents (input, NULL, &contents, &length, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpmem (contents, length, text, strlen (text));
        g_assert_cmpuint (rst_test_count_children (dir), ==, 1);
      }

  /* Another file in the same folder is fine. */
  {
    g_autoptr(GFile) other = g_file_get_child (dir, "statement.txt");

    g_assert_true (rst_export_to_file (analysis, RST_EXPORT_TXT, other, protect, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (rst_test_count_children (dir), ==, 2);
  }
}

/* A cancelled export leaves neither the file nor a temporary. */
static void
test_cancelled (void)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  g_cancellable_cancel (cancellable);
  for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
    {
      g_autofree char *name = rst_export_propose_file_name (analysis, format);
      g_autoptr(GFile) output = g_file_get_child (dir, name);
      g_autoptr(GError) error = NULL;

      g_assert_false (rst_export_to_file (analysis, format, output, NULL, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (g_file_query_exists (output, NULL));
      g_assert_cmpuint (rst_test_count_children (dir), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/propose-file-name", test_propose_file_name);
  g_test_add_func ("/export/propose-file-name-unknown-council", test_propose_file_name_unknown_council);
  g_test_add_func ("/export/plain-text", test_plain_text);
  g_test_add_func ("/export/plain-text-markup", test_markup_and_placeholders_in_text);
  g_test_add_func ("/export/typography", test_typography_in_text);
  g_test_add_func ("/export/placeholder-details", test_placeholder_details);
  g_test_add_func ("/export/empty-statement", test_empty_statement);
  g_test_add_func ("/export/crlf", test_crlf);
  g_test_add_func ("/export/missing-folder", test_missing_folder);
  g_test_add_func ("/export/folder-is-a-file", test_folder_is_a_file);
  g_test_add_func ("/export/read-only-folder", test_read_only_folder);
  g_test_add_func ("/export/target-is-a-folder", test_target_is_a_folder);
  g_test_add_func ("/export/replace-existing", test_replace_existing);
  g_test_add_func ("/export/protected-input", test_protected_input);
  g_test_add_func ("/export/cancelled", test_cancelled);

  return g_test_run ();
}
