/* test-export-dialog.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Export dialog over a real window: the file name it proposes comes
 * from the council profile, its check summary from the checker, and what
 * it writes is read back with poppler.
 */

#include "config.h"

#include <string.h>

#include <poppler.h>

#include "rst-checker.h"
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

static void
test_export_dialog_proposes_file_name (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autofree char *text = g_strconcat (DETAILS, fixture, NULL);
  g_autoptr(RstStatement) statement = rst_statement_parse (text, -1, NULL);
  g_autoptr(RstCouncil) iom = rst_council_lookup ("iom", NULL);
  g_autoptr(RstCouncil) hrc = rst_council_lookup ("hrc", NULL);
  g_autofree char *pdf_name = NULL;
  g_autofree char *docx_name = NULL;
  g_autofree char *hrc_name = NULL;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_nonnull (statement);
  g_assert_nonnull (iom);
  g_assert_nonnull (hrc);

  window = open_statement (text);
  dialog = rst_export_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));

  /* The council the statement names, and its profile's pattern. */
  g_assert_cmpstr (rst_council_get_id (rst_export_dialog_get_council (dialog)), ==, "iom");
  pdf_name = rst_export_propose_file_name (statement, iom, RST_EXPORT_PDF);
  g_assert_cmpstr (rst_export_dialog_get_file_name (dialog), ==, pdf_name);
  g_assert_nonnull (strstr (pdf_name, "114"));
  g_assert_nonnull (strstr (pdf_name, "China"));
  g_assert_true (g_str_has_suffix (pdf_name, ".pdf"));

  rst_export_dialog_set_format (dialog, RST_EXPORT_DOCX);
  docx_name = rst_export_propose_file_name (statement, iom, RST_EXPORT_DOCX);
  g_assert_cmpstr (rst_export_dialog_get_file_name (dialog), ==, docx_name);

  /* Another profile, another pattern. */
  g_assert_true (rst_export_dialog_set_council (dialog, "hrc"));
  hrc_name = rst_export_propose_file_name (statement, hrc, RST_EXPORT_DOCX);
  g_assert_cmpstr (rst_export_dialog_get_file_name (dialog), ==, hrc_name);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog_counts_warnings (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autoptr(RstStatement) statement = rst_statement_parse (fixture, -1, NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  RstCheckOptions options;
  RstExportDialog *dialog;
  RstWindow *window;
  guint n_warnings = 0;

  RST_TEST_REQUIRE_DISPLAY ();

  /* What the checker itself finds in the fixture: two paragraphs pasted
   * from a PDF break mid-sentence.
   */
  window = open_statement (fixture);
  dialog = rst_export_dialog_new (window);

  rst_council_resolve_check_options (rst_export_dialog_get_council (dialog), statement, &options);
  diagnostics = rst_check_statement (statement, &options);
  for (guint i = 0; i < diagnostics->len; i++)
    if (rst_diagnostic_get_severity (g_ptr_array_index (diagnostics, i)) == RST_SEVERITY_WARNING)
      n_warnings++;
  g_assert_cmpuint (n_warnings, ==, 2);

  g_assert_cmpuint (rst_export_dialog_get_n_issues (dialog, RST_SEVERITY_WARNING), ==, n_warnings);
  g_assert_cmpuint (rst_export_dialog_get_n_issues (dialog, RST_SEVERITY_ERROR), ==, 0);
  g_assert_cmpstr (rst_export_dialog_get_summary (dialog), ==, "2 warnings");

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
  dialog = rst_export_dialog_new (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  rst_export_dialog_set_format (dialog, RST_EXPORT_PDF);

  file = g_file_get_child (dir, rst_export_dialog_get_file_name (dialog));
  g_assert_true (rst_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  /* Done: the dialog is gone, the window shows a toast. */
  g_assert_null (dialog);

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

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_dialog_reports_errors (void)
{
  g_autofree char *fixture = read_fixture ();
  g_autoptr(GFile) dir = scratch_dir ();
  g_autoptr(GFile) missing = g_file_get_child (dir, "no-such-folder");
  g_autoptr(GFile) file = g_file_get_child (missing, "statement.pdf");
  g_autoptr(GError) error = NULL;
  RstExportDialog *dialog;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = open_statement (fixture);
  dialog = rst_export_dialog_new (window);
  gtk_window_present (GTK_WINDOW (dialog));

  g_assert_false (rst_export_dialog_export_to (dialog, file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_query_exists (file, NULL));
  g_assert_cmpuint (count_children (dir), ==, 0);

  /* The dialog stays open so that the drafter can choose another place. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/export-dialog/proposes-file-name", test_export_dialog_proposes_file_name);
  g_test_add_func ("/export-dialog/counts-warnings", test_export_dialog_counts_warnings);
  g_test_add_func ("/export-dialog/writes-pdf", test_export_dialog_writes_pdf);
  g_test_add_func ("/export-dialog/reports-errors", test_export_dialog_reports_errors);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
