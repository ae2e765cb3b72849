/* test-print-operation.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing draws the PDF exporter's own pages: the print operation's
 * export to PDF, read back with poppler-glib, has the pages and the text
 * of `rostrum --export`'s PDF, in English, Arabic and Chinese, for the
 * council copy and the reading copy.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <poppler.h>

#include "rst-print-operation.h"
#include "rst-test-export.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)

static PopplerDocument *
open_pdf (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* A page's text selected line by line (poppler 22.12 drops right-to-left
 * lines from poppler_page_get_text(); see test-pdf-export.c).
 */
static char *
page_text (PopplerPage *page)
{
  PopplerRectangle whole = { 0, 0, 0, 0 };

  poppler_page_get_size (page, &whole.x2, &whole.y2);

  return poppler_page_get_selected_text (page, POPPLER_SELECTION_LINE, &whole);
}

/* Prints @analysis through the print operation's export to PDF. */
static GFile *
print_to_pdf (RstAnalysis   *analysis,
              RstLayoutKind  kind)
{
  g_autoptr(RstPrintOperation) operation = rst_print_operation_new (analysis, kind);
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_get_child (dir, "printed.pdf");
  g_autofree char *path = g_file_get_path (file);
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  /* A test waits for the file; the dialog is the window's. */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), FALSE);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_query_exists (file, NULL));

  g_assert_cmpint (rst_print_operation_get_kind (operation), ==, kind);
  g_assert_cmpint (rst_layout_get_kind (rst_print_operation_get_layout (operation)), ==, kind);

  return file;
}

/* The printed PDF and the exported one: as many pages, each of the same
 * size and with the same text, line for line; returns the whole text.
 */
static char *
assert_same_pages (RstAnalysis   *analysis,
                   RstLayoutKind  kind)
{
  g_autoptr(GFile) exported = rst_test_export (analysis,
                                               kind == RST_LAYOUT_READING ? RST_EXPORT_READING_PDF : RST_EXPORT_PDF,
                                               "exported.pdf");
  g_autoptr(GFile) printed = print_to_pdf (analysis, kind);
  g_autoptr(TestPdf) want = open_pdf (exported);
  g_autoptr(TestPdf) got = open_pdf (printed);
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, kind);
  g_autoptr(GString) all = g_string_new (NULL);
  int n_pages = poppler_document_get_n_pages (want);

  g_assert_cmpint (n_pages, ==, rst_layout_get_n_pages (layout));
  g_assert_cmpint (poppler_document_get_n_pages (got), ==, n_pages);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPdfPage) want_page = poppler_document_get_page (want, i);
      g_autoptr(TestPdfPage) got_page = poppler_document_get_page (got, i);
      g_autofree char *want_text = page_text (want_page);
      g_autofree char *got_text = page_text (got_page);
      double want_width, want_height, got_width, got_height;

      poppler_page_get_size (want_page, &want_width, &want_height);
      poppler_page_get_size (got_page, &got_width, &got_height);
      g_assert_cmpfloat_with_epsilon (got_width, want_width, 0.5);
      g_assert_cmpfloat_with_epsilon (got_height, want_height, 0.5);

      g_assert_cmpuint (strlen (want_text), >, 0);
      g_assert_cmpstr (got_text, ==, want_text);
      g_string_append (all, got_text);
    }

  return rst_test_squeeze_visible (all->str, NULL);
}

/* Whether @text has a character of @script. */
static gboolean
has_script (const char     *text,
            GUnicodeScript  script)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == script)
      return TRUE;

  return FALSE;
}

static void
test_print_english (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(RstPrintOperation) operation = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  GtkPageSetup *setup;
  double width, height;

  RST_TEST_REQUIRE_DISPLAY ();

  analysis = rst_test_load_fixture (TRUE);
  text = assert_same_pages (analysis, RST_LAYOUT_PRINT);
  body = rst_test_expected_body (analysis);
  g_assert_nonnull (strstr (text, "114thSession"));
  g_assert_nonnull (strstr (text, "Mr.Chairperson,"));

  /* The page setup is the profile's paper, A4 for the IOM Council, by
   * its name so that the printer takes it from the right tray.
   */
  g_assert_cmpstr (rst_council_get_paper (rst_analysis_get_council (analysis)), ==, "a4");
  operation = rst_print_operation_new (analysis, RST_LAYOUT_PRINT);
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_nonnull (setup);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A4);
  rst_layout_get_page_size (rst_print_operation_get_layout (operation), &width, &height);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS), width, 0.5);
  g_assert_cmpfloat_with_epsilon (gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), height, 0.5);
}

static void
test_print_reading_copy (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(RstLayout) council = NULL;
  g_autoptr(RstLayout) reading = NULL;
  g_autofree char *text = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  analysis = rst_test_load_fixture (TRUE);
  text = assert_same_pages (analysis, RST_LAYOUT_READING);
  g_assert_nonnull (strstr (text, "Mr.Chairperson,"));

  /* Large type: more pages than the council copy. */
  council = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  reading = rst_layout_new (analysis, RST_LAYOUT_READING);
  g_assert_cmpuint (rst_layout_get_n_pages (reading), >, rst_layout_get_n_pages (council));
}

static void
test_print_arabic (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reading = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "ar");
  text = assert_same_pages (analysis, RST_LAYOUT_PRINT);
  g_assert_true (has_script (text, G_UNICODE_SCRIPT_ARABIC));
  g_assert_false (rst_test_has_latin (text));

  reading = assert_same_pages (analysis, RST_LAYOUT_READING);
  g_assert_true (has_script (reading, G_UNICODE_SCRIPT_ARABIC));
}

static void
test_print_chinese (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autofree char *text = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  analysis = rst_test_load_corpus ("zh-iom-114-china.txt", "");
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "zh");
  text = assert_same_pages (analysis, RST_LAYOUT_PRINT);
  g_assert_true (has_script (text, G_UNICODE_SCRIPT_HAN));
  g_assert_false (rst_test_has_latin (text));
  g_assert_nonnull (strstr (text, "主席先生"));
}

static gboolean
is_check_button_labelled (GtkWidget     *widget,
                          gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)) != NULL &&
         g_str_has_prefix (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label);
}

static GtkCheckButton *
find_check_button (GtkWidget  *widget,
                   const char *label)
{
  return (GtkCheckButton *) rst_test_ui_find_widget (widget, is_check_button_labelled, label);
}

/* Ctrl+P opens the print dialog over the window, for the statement of
 * the selected tab; closing it prints nothing and leaves no error.
 */
static void
test_print_from_window (void)
{
  g_autofree char *fixture = NULL;
  g_autofree char *text = NULL;
  RstWindow *window;
  GtkWindow *dialog;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  fixture = rst_test_read_fixture ();
  text = g_strconcat (RST_TEST_FRONT_MATTER, fixture, NULL);
  rst_document_set_statement (rst_window_get_document (window), text, -1, FALSE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print", NULL));
  dialog = rst_test_ui_find_toplevel (g_type_from_name ("GtkPrintUnixDialog"), GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The Layout tab offers the council copy, chosen, and the reading copy. */
  g_assert_true (gtk_check_button_get_active (find_check_button (GTK_WIDGET (dialog), "_Council copy")));
  g_assert_false (gtk_check_button_get_active (find_check_button (GTK_WIDGET (dialog), "_Reading copy")));

  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* win.print-reading-copy: the same dialog, the reading copy chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.print-reading-copy", NULL));
  dialog = rst_test_ui_find_toplevel (g_type_from_name ("GtkPrintUnixDialog"), GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_check_button_get_active (find_check_button (GTK_WIDGET (dialog), "_Reading copy")));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (dialog != NULL)
    g_main_context_iteration (NULL, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
store_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            gpointer                 user_data)
{
  int *out = user_data;

  *out = result;
}

static guint
count_drawing_areas (GtkWidget *widget)
{
  guint n = GTK_IS_DRAWING_AREA (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_drawing_areas (child);

  return n;
}

/* The preview is Rostrum's own window over the layout's pages (GTK's
 * default needs a PDF viewer); closing it ends the operation.
 */
static void
test_print_preview (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(RstPrintOperation) operation = NULL;
  g_autoptr(RstLayout) layout = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  GtkWindow *preview = NULL;
  RstWindow *window;
  int done = -1;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  layout = rst_layout_new (analysis, RST_LAYOUT_READING);
  operation = rst_print_operation_new (analysis, RST_LAYOUT_READING);
  g_signal_connect (operation, "done", G_CALLBACK (store_done), &done);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PREVIEW,
                                    GTK_WINDOW (window), &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, !=, GTK_PRINT_OPERATION_RESULT_ERROR);

  for (guint tries = 0; tries < 500 && preview == NULL; tries++)
    {
      preview = rst_test_ui_find_toplevel (ADW_TYPE_WINDOW, GTK_WINDOW (window));
      if (preview != NULL && !gtk_widget_has_css_class (GTK_WIDGET (preview), "rst-print-preview"))
        preview = NULL;
    }
  g_assert_nonnull (preview);
  g_assert_true (gtk_window_get_modal (preview));
  /* One drawn page for each page of the layout: the reading copy's. */
  g_assert_cmpuint (rst_layout_get_n_pages (layout), >, 1);
  g_assert_cmpuint (count_drawing_areas (GTK_WIDGET (preview)), ==, rst_layout_get_n_pages (layout));

  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  gtk_window_close (preview);
  while (preview != NULL || done == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (done, !=, GTK_PRINT_OPERATION_RESULT_ERROR);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/print-operation/english", test_print_english);
  g_test_add_func ("/print-operation/reading-copy", test_print_reading_copy);
  g_test_add_func ("/print-operation/arabic", test_print_arabic);
  g_test_add_func ("/print-operation/chinese", test_print_chinese);
  g_test_add_func ("/print-operation/from-window", test_print_from_window);
  g_test_add_func ("/print-operation/preview", test_print_preview);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
