/* test-export-dialog.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export dialog over a real window: the file name it proposes comes
 * from the council profile, its check summary from the same analysis the
 * sidebar shows, and what it writes is read back with poppler.
 */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "rst-export-dialog.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

#define DETAILS \
  "---\n" \
  "council: iom\n" \
  "session: 114\n" \
  "delegation: China\n" \
  "speaker: H.E. Ambassador Chen Xu\n" \
  "agenda-item: General debate\n" \
  "---\n"

static void
wait_until_idle (RstDocument *document)
{
  while (rst_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The analysis the sidebar shows, of the text as it is now. */
static RstAnalysis *
sidebar_analysis (RstWindow *window)
{
  RstDocumentChecker *checker = rst_document_get_checker (rst_window_get_document (window));

  rst_document_checker_check_now (checker);
  g_assert_true (rst_document_checker_get_up_to_date (checker));
  g_assert_nonnull (rst_document_checker_get_analysis (checker));

  return rst_document_checker_get_analysis (checker);
}

/* The Export dialog as the window opens it: over the window, with the
 * analysis the sidebar shows and the statement's file.
 */
static RstExportDialog *
new_export_dialog (RstWindow *window)
{
  RstAnalysis *analysis = sidebar_analysis (window);
  RstExportDialog *dialog;

  dialog = rst_export_dialog_new (GTK_WINDOW (window), analysis,
                                  rst_document_get_file (rst_window_get_document (window)));
  g_assert_true (RST_IS_EXPORT_DIALOG (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  /* The same text, whatever council the dialog checks it against. */
  g_assert_cmpmem (rst_analysis_get_text (rst_export_dialog_get_analysis (dialog)),
                   rst_analysis_get_length (rst_export_dialog_get_analysis (dialog)),
                   rst_analysis_get_text (analysis), rst_analysis_get_length (analysis));

  return dialog;
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_null (*out);
  *out = g_object_ref (result);
}

/* Exports in the dialog's worker thread; the main loop runs meanwhile. */
static gboolean
export_to (RstExportDialog  *dialog,
           GFile            *file,
           GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rst_export_dialog_export_to_async (dialog, file, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return rst_export_dialog_export_to_finish (dialog, result, error);
}

static guint
count_items (GListModel  *diagnostics,
             RstSeverity  severity)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (diagnostics); i++)
    {
      g_autoptr(RstDiagnostic) diagnostic = g_list_model_get_item (diagnostics, i);

      n += rst_diagnostic_get_severity (diagnostic) == severity;
    }
  return n;
}

/* The dialog says what the sidebar says, severity by severity. */
static void
assert_counts_agree (RstWindow       *window,
                     RstExportDialog *dialog)
{
  RstDocumentChecker *checker = rst_document_get_checker (rst_window_get_document (window));
  RstAnalysis *shown = rst_document_checker_get_analysis (checker);
  RstAnalysis *exported = rst_export_dialog_get_analysis (dialog);
  const RstSeverity severities[] = { RST_SEVERITY_INFO, RST_SEVERITY_WARNING, RST_SEVERITY_ERROR };

  g_assert_true (rst_document_checker_get_up_to_date (checker));
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      g_assert_cmpuint (count_items (rst_document_checker_get_diagnostics (checker), severities[i]), ==,
                        rst_analysis_count_severity (shown, severities[i]));
      g_assert_cmpuint (rst_analysis_count_severity (exported, severities[i]), ==,
                        rst_analysis_count_severity (shown, severities[i]));
    }
  g_assert_cmpuint (rst_analysis_get_diagnostics (exported)->len, ==,
                    rst_analysis_get_diagnostics (shown)->len);
  for (guint i = 0; i < rst_analysis_get_diagnostics (shown)->len; i++)
    g_assert_cmpstr (rst_diagnostic_get_code (g_ptr_array_index (rst_analysis_get_diagnostics (exported), i)), ==,
                     rst_diagnostic_get_code (g_ptr_array_index (rst_analysis_get_diagnostics (shown), i)));
}

static char *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static GFile *
scratch_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "export-XXXXXX", NULL);

  g_mkdir_with_parents (g_get_user_cache_dir (), 0700);
  g_assert_nonnull (g_mkdtemp (path));

  return g_file_new_for_path (path);
}

/* A window with @text saved in a file and open in its tab. */
static RstWindow *
open_statement (const char *text)
{
  g_autoptr(GFile) dir = scratch_dir ();
  g_autoptr(GFile) file = g_file_get_child (dir, "statement.md");
  g_autoptr(GError) error = NULL;
  RstWindow *window;

  g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                           NULL, NULL, &error);
  g_assert_no_error (error);

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  wait_until_idle (rst_window_get_document (window));

  return window;
}

static guint
count_children (GFile *dir)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  for (GFileInfo *info; (info = g_file_enumerator_next_file (children, NULL, &error)) != NULL; n++)
    g_object_unref (info);

  return n;
}

/* The analysis of @text checked against the council @id, as the dialog
 * makes it once that council is chosen.
 */
static RstAnalysis *
analysis_for_council (const char *text,
                      const char *id)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
  g_autoptr(GError) error = NULL;
  RstCouncil *council = rst_council_list_lookup (councils, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (council);
  rst_analysis_context_set_council (context, council);

  return rst_analysis_new (text, -1, context);
}

static void
test_export_dialog_proposes_file_name (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *text = g_strconcat (DETAILS, fixture, NULL);
  g_autoptr(RstAnalysis) iom = analysis_for_council (text, "iom");
  g_autoptr(RstAnalysis) hrc = analysis_for_council (text, "hrc");
  g_autofree char *pdf_name = NULL;
  g_autofree char *docx_name = NULL;
  g_autofree char *hrc_name = NULL;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (text);
  /* The editor read the council from the details. */
  g_assert_cmpstr (rst_analysis_get_council_id (sidebar_analysis (window)), ==, "iom");
  dialog = new_export_dialog (window);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The council the statement names, and its profile's pattern. */
  g_assert_cmpstr (rst_council_get_id (rst_export_dialog_get_council (dialog)), ==, "iom");
  g_assert_cmpstr (rst_analysis_get_council_id (rst_export_dialog_get_analysis (dialog)), ==, "iom");
  g_assert_cmpint (rst_export_dialog_get_format (dialog), ==, RST_EXPORT_PDF);
  pdf_name = rst_export_propose_file_name (iom, RST_EXPORT_PDF);
  g_assert_cmpstr (rst_export_dialog_get_file_name (dialog), ==, pdf_name);
  g_assert_nonnull (strstr (pdf_name, "114"));
  g_assert_nonnull (strstr (pdf_name, "China"));
  g_assert_true (g_str_has_suffix (pdf_name, ".pdf"));

  rst_export_dialog_set_format (dialog, RST_EXPORT_DOCX);
  g_assert_cmpint (rst_export_dialog_get_format (dialog), ==, RST_EXPORT_DOCX);
  docx_name = rst_export_propose_file_name (iom, RST_EXPORT_DOCX);
  g_assert_cmpstr (rst_export_dialog_get_file_name (dialog), ==, docx_name);
  g_assert_true (g_str_has_suffix (docx_name, ".docx"));

  /* Another profile, another pattern. */
  g_assert_true (rst_export_dialog_set_council (dialog, "hrc"));
  g_assert_cmpstr (rst_council_get_id (rst_export_dialog_get_council (dialog)), ==, "hrc");
  g_assert_cmpstr (rst_analysis_get_council_id (rst_export_dialog_get_analysis (dialog)), ==, "hrc");
  hrc_name = rst_export_propose_file_name (hrc, RST_EXPORT_DOCX);
  g_assert_cmpstr (rst_export_dialog_get_file_name (dialog), ==, hrc_name);
  g_assert_cmpstr (hrc_name, !=, docx_name);

  /* A council no profile answers to changes nothing. */
  g_assert_false (rst_export_dialog_set_council (dialog, "no-such-council"));
  g_assert_cmpstr (rst_council_get_id (rst_export_dialog_get_council (dialog)), ==, "hrc");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* What the analysis read from the heading names the file where the
 * front matter is silent or still holds a template's placeholders, with
 * the delegation of Preferences: never "Council.pdf" nor
 * "Council-Id-Session.pdf".
 */
static const char *TEMPLATE_DETAILS =
  "---\n"
  "title: \"Statement by {{speaker}}\"\n"
  "council: \"{{council_id}}\"\n"
  "session: \"{{session}}\"\n"
  "delegation: \"{{delegation}}\"\n"
  "agenda-item: \"{{agenda_item}}\"\n"
  "---\n";

static char *
proposed_name_for (const char *text)
{
  RstExportDialog *dialog;
  RstWindow *window;
  char *name;

  window = open_statement (text);
  dialog = new_export_dialog (window);
  gtk_window_present (GTK_WINDOW (dialog));
  name = g_strdup (rst_export_dialog_get_file_name (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));

  return name;
}

static void
test_export_dialog_name_from_heading (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *templated = g_strconcat (TEMPLATE_DETAILS, fixture, NULL);
  g_autofree char *bare = NULL;
  g_autofree char *from_template = NULL;
  g_autofree char *with_delegation = NULL;
  g_autofree char *chinese = NULL;
  g_autofree char *chinese_text = NULL;
  g_autofree char *chinese_path = NULL;
  g_autofree char *untouched = NULL;
  g_autofree char *untouched_text = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;

  RST_TEST_REQUIRE_DISPLAY ();

  settings = rst_application_get_settings (app);

  /* "at the 114th Session of the Council of IOM" */
  bare = proposed_name_for (fixture);
  g_assert_cmpstr (bare, ==, "IOM-C114.pdf");

  /* A statement made from a template keeps "{{council_id}}" until the
   * drafter fills it: the heading tells council and session instead.
   */
  from_template = proposed_name_for (templated);
  g_assert_cmpstr (from_template, ==, "IOM-C114.pdf");

  /* The delegation of Preferences fills what the statement leaves. */
  g_settings_set_string (settings, "delegation", "China");
  with_delegation = proposed_name_for (templated);
  g_assert_cmpstr (with_delegation, ==, "IOM-C114-China.pdf");

  /* Read from a Chinese heading: 国际移民组织理事会第114届会议 */
  chinese_path = g_test_build_filename (G_TEST_DIST, "corpus", "zh-iom-114-china.txt", NULL);
  g_file_get_contents (chinese_path, &chinese_text, NULL, &error);
  g_assert_no_error (error);
  chinese = proposed_name_for (chinese_text);
  g_assert_cmpstr (chinese, ==, "IOM-C114-China.pdf");
  g_settings_reset (settings, "delegation");

  /* Nothing at all to go by: a plain word, not the generic profile's
   * short name.
   */
  untouched_text = g_strconcat (TEMPLATE_DETAILS, "**Statement by {{speaker}}**\n\nThank you.\n", NULL);
  untouched = proposed_name_for (untouched_text);
  g_assert_cmpstr (untouched, ==, "Statement.pdf");
}

static void
test_export_dialog_counts_warnings (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autoptr(RstAnalysis) analysis = rst_analysis_new (fixture, -1, NULL);
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  /* What the analysis itself finds in the fixture: two paragraphs pasted
   * from a PDF break mid-sentence.
   */
  g_assert_cmpuint (rst_analysis_count_severity (analysis, RST_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (rst_analysis_count_severity (analysis, RST_SEVERITY_ERROR), ==, 0);

  window = open_statement (fixture);
  dialog = new_export_dialog (window);

  g_assert_cmpuint (rst_analysis_count_severity (rst_export_dialog_get_analysis (dialog), RST_SEVERITY_WARNING), ==, 2);
  g_assert_cmpuint (rst_analysis_count_severity (rst_export_dialog_get_analysis (dialog), RST_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "2 warnings");
  assert_counts_agree (window, dialog);

  /* Checked against another council, as `--council hrc` checks it: the
   * Human Rights Council's 3:00 limit adds an over-time warning.
   */
  {
    g_autoptr(RstAnalysis) hrc = analysis_for_council (fixture, "hrc");
    GPtrArray *diagnostics;
    gboolean over_time = FALSE;

    g_assert_true (rst_export_dialog_set_council (dialog, "hrc"));
    g_assert_cmpuint (rst_analysis_count_severity (hrc, RST_SEVERITY_WARNING), ==, 3);
    g_assert_cmpuint (rst_analysis_count_severity (rst_export_dialog_get_analysis (dialog), RST_SEVERITY_WARNING), ==, 3);
    g_assert_cmpuint (rst_analysis_get_time_limit (rst_export_dialog_get_analysis (dialog)), ==,
                      rst_analysis_get_time_limit (hrc));
    g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "3 warnings");
    diagnostics = rst_analysis_get_diagnostics (rst_export_dialog_get_analysis (dialog));
    for (guint i = 0; i < diagnostics->len; i++)
      over_time |= g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), "over-time");
    g_assert_true (over_time);
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The fixture with its two broken paragraphs mended, and one sentence of
 * more than 40 words: the only finding is a long-sentence hint.
 */
static char *
text_with_one_hint (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autoptr(GString) text = g_string_new (fixture);

  g_assert_cmpuint (g_string_replace (text, "and\n\nto reduce", "and to reduce", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "Global Compact\n\non Migration", "Global Compact on Migration", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text,
                                      "We welcome the foreign migrants to blend in with local communities and to yield productivity dividends.",
                                      "We welcome the foreign migrants to blend in with local communities, to find work and homes, "
                                      "to learn the languages of the countries that receive them, to send their children to school "
                                      "and to yield productivity dividends for the countries they come from and for the countries "
                                      "they live in today.",
                                      1), ==, 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The drafter turned a hint off in Preferences: neither the sidebar nor
 * the dialog counts it (the old dialog checked without the preference
 * and still did).
 */
static void
test_export_dialog_counts_like_sidebar (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *text = text_with_one_hint ();
  const char *hidden[] = { "long-sentence", NULL };
  RstDocumentChecker *checker;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (text);
  checker = rst_document_get_checker (rst_window_get_document (window));

  g_assert_cmpuint (rst_analysis_count_severity (sidebar_analysis (window), RST_SEVERITY_INFO), ==, 1);
  g_assert_cmpuint (rst_analysis_count_severity (sidebar_analysis (window), RST_SEVERITY_WARNING), ==, 0);
  g_assert_cmpuint (rst_analysis_count_severity (sidebar_analysis (window), RST_SEVERITY_ERROR), ==, 0);
  dialog = new_export_dialog (window);
  assert_counts_agree (window, dialog);
  g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "1 suggestion");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Hidden in Preferences: the page gives the checker the new context. */
  g_settings_set_strv (settings, "hidden-info-rules", hidden);
  g_assert_true (rst_analysis_context_is_hidden (rst_analysis_get_context (sidebar_analysis (window)),
                                                 "long-sentence"));
  g_assert_cmpuint (rst_analysis_count_severity (rst_document_checker_get_analysis (checker), RST_SEVERITY_INFO), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (rst_document_checker_get_diagnostics (checker)), ==, 0);

  dialog = new_export_dialog (window);
  assert_counts_agree (window, dialog);
  g_assert_cmpuint (rst_analysis_count_severity (rst_export_dialog_get_analysis (dialog), RST_SEVERITY_INFO), ==, 0);
  g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "No problems found");

  /* Another council keeps the drafter's preference (its shorter limit
   * adds an over-time warning, which is never hidden).
   */
  g_assert_true (rst_export_dialog_set_council (dialog, "hrc"));
  g_assert_cmpuint (rst_analysis_count_severity (rst_export_dialog_get_analysis (dialog), RST_SEVERITY_INFO), ==, 0);
  g_assert_cmpuint (rst_analysis_count_severity (rst_export_dialog_get_analysis (dialog), RST_SEVERITY_WARNING), ==, 1);
  g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "1 warning");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Shown again, counted again by both. */
  g_settings_reset (settings, "hidden-info-rules");
  g_assert_cmpuint (rst_analysis_count_severity (sidebar_analysis (window), RST_SEVERITY_INFO), ==, 1);
  dialog = new_export_dialog (window);
  assert_counts_agree (window, dialog);
  g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "1 suggestion");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A council no profile knows: the sidebar hints that the generic
 * profile is used, and the dialog, which starts from that same generic
 * profile, says the same.
 */
static void
test_export_dialog_unknown_council (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *text = g_strconcat ("---\ncouncil: Atlantis Assembly\n---\n", fixture, NULL);
  RstExportDialog *dialog;
  RstWindow *window;
  GPtrArray *diagnostics;
  gboolean unknown = FALSE;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (text);
  g_assert_null (rst_analysis_get_council_id (sidebar_analysis (window)));
  g_assert_cmpuint (rst_analysis_count_severity (sidebar_analysis (window), RST_SEVERITY_INFO), ==, 1);

  dialog = new_export_dialog (window);
  g_assert_cmpstr (rst_council_get_id (rst_export_dialog_get_council (dialog)), ==, "generic");
  assert_counts_agree (window, dialog);
  diagnostics = rst_analysis_get_diagnostics (rst_export_dialog_get_analysis (dialog));
  for (guint i = 0; i < diagnostics->len; i++)
    unknown |= g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), "council-unknown");
  g_assert_true (unknown);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog_writes_pdf (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *text = g_strconcat (DETAILS, fixture, NULL);
  g_autoptr(GFile) dir = scratch_dir ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *pdf;
  PopplerPage *page;
  g_autofree char *page_text = NULL;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (text);
  dialog = new_export_dialog (window);
  gtk_window_present (GTK_WINDOW (dialog));
  rst_export_dialog_set_format (dialog, RST_EXPORT_PDF);

  file = g_file_get_child (dir, rst_export_dialog_get_file_name (dialog));
  g_assert_true (export_to (dialog, file, &error));
  g_assert_no_error (error);

  uri = g_file_get_uri (file);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
  page = poppler_document_get_page (pdf, 0);
  page_text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (page_text, "Chairperson"));
  g_assert_nonnull (strstr (page_text, "root causes"));
  g_object_unref (page);
  g_object_unref (pdf);

  /* Only the PDF: the temporary file was renamed into place. */
  g_assert_cmpuint (count_children (dir), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The statement's own file is never written over, whatever name the
 * drafter gives the export.
 */
static void
test_export_dialog_protects_source (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  RstExportDialog *dialog;
  RstWindow *window;
  GFile *source;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (fixture);
  source = rst_document_get_file (rst_window_get_document (window));
  g_assert_nonnull (source);
  g_assert_true (g_file_load_contents (source, NULL, &before, NULL, NULL, &error));
  g_assert_no_error (error);

  dialog = new_export_dialog (window);
  gtk_window_present (GTK_WINDOW (dialog));
  rst_export_dialog_set_format (dialog, RST_EXPORT_TXT);

  g_assert_false (export_to (dialog, source, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_load_contents (source, NULL, &after, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog_reports_errors (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autoptr(GFile) dir = scratch_dir ();
  g_autoptr(GFile) missing = g_file_get_child (dir, "no-such-folder");
  g_autoptr(GFile) file = g_file_get_child (missing, "statement.pdf");
  g_autoptr(GFile) elsewhere = g_file_get_child (dir, "statement.pdf");
  g_autoptr(GError) error = NULL;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (fixture);
  dialog = new_export_dialog (window);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_false (export_to (dialog, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (count_children (dir), ==, 0);

  /* The dialog stays open so that the drafter can choose another place,
   * and exporting there works.
   */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (export_to (dialog, elsewhere, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (elsewhere, NULL));
  g_assert_cmpuint (count_children (dir), ==, 1);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return rst_test_ui_find_widget (root, is_label_with_text, text);
}

/* File ▸ Export as the drafter does it: the window opens the dialog with
 * the sidebar's analysis, the file chooser answers, the dialog writes the
 * file and closes, and the window says so in a toast.
 */
static void
test_export_dialog_from_window (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *text = g_strconcat (DETAILS, fixture, NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *contents = NULL;
  GtkWindow *chooser;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = (RstExportDialog *) rst_test_ui_find_toplevel (RST_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  assert_counts_agree (window, dialog);
  g_assert_cmpstr (rst_council_get_id (rst_export_dialog_get_council (dialog)), ==, "iom");

  rst_export_dialog_set_format (dialog, RST_EXPORT_TXT);
  name = g_strdup (rst_export_dialog_get_file_name (dialog));
  g_assert_true (g_str_has_suffix (name, ".txt"));

  /* The file chooser proposes the dialog's file name; its Export button
   * answers.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.choose-file", NULL));
  chooser = rst_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (dialog));
  g_assert_nonnull (chooser);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  for (guint tries = 0; file == NULL && tries < 500; tries++)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (file);
  basename = g_file_get_basename (file);
  /* Beside the statement. */
  {
    g_autoptr(GFile) folder = g_file_get_parent (file);
    g_autoptr(GFile) statement_folder = g_file_get_parent (rst_document_get_file (rst_window_get_document (window)));

    g_assert_true (g_file_equal (folder, statement_folder));
  }
  g_assert_cmpstr (basename, ==, name);
  g_assert_false (g_file_query_exists (file, NULL));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* Done: the dialog is gone, the window shows a toast. */
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "root causes"));
  {
    g_autoptr(GFile) folder = g_file_get_parent (file);

    /* The statement and its export, no temporary file left. */
    g_assert_cmpuint (count_children (folder), ==, 2);
  }
  toast = g_strdup_printf ("Exported “%s”", name);
  for (guint tries = 0; find_label (GTK_WIDGET (window), toast) == NULL && tries < 500; tries++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_nonnull (find_label (GTK_WIDGET (window), toast));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel closes the dialog and nothing is written. */
static void
test_export_dialog_cancel (void)
{
  g_autofree char *fixture = read_fixture ();
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = (RstExportDialog *) rst_test_ui_find_toplevel (RST_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.cancel", NULL));
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (rst_test_ui_find_toplevel (RST_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/export-dialog/proposes-file-name", test_export_dialog_proposes_file_name);
  g_test_add_func ("/export-dialog/name-from-heading", test_export_dialog_name_from_heading);
  g_test_add_func ("/export-dialog/counts-warnings", test_export_dialog_counts_warnings);
  g_test_add_func ("/export-dialog/counts-like-sidebar", test_export_dialog_counts_like_sidebar);
  g_test_add_func ("/export-dialog/writes-pdf", test_export_dialog_writes_pdf);
  g_test_add_func ("/export-dialog/protects-source", test_export_dialog_protects_source);
  g_test_add_func ("/export-dialog/reports-errors", test_export_dialog_reports_errors);
  g_test_add_func ("/export-dialog/from-window", test_export_dialog_from_window);
  g_test_add_func ("/export-dialog/cancel", test_export_dialog_cancel);
  g_test_add_func ("/export-dialog/unknown-council", test_export_dialog_unknown_council);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
