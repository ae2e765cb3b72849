/* test-import-open.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bringing last session's statement into the editor: the LibreOffice
 * fixtures of tests/import-fixtures opened through the window (Open, the
 * command line, a drop), saved as Markdown beside their source, which
 * stays byte for byte what it was; files the importer refuses; and paste
 * of the rich text a word processor puts on the clipboard.
 */

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rst-export-dialog.h"
#include "rst-file-filter.h"
#include "rst-file-writer.h"
#include "rst-import.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

static GtkWidget *find_label (GtkWidget  *widget,
                              const char *prefix);

/* Imports and clipboard reads are asynchronous: iterate until @done says
 * so, and fail (not hang) after a while.
 */
typedef gboolean (*Condition) (gpointer data);

static void
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import-fixtures", name, NULL);
}

/* A fresh folder holding a copy of the fixture @name under @as. */
static char *
copy_fixture (const char *name,
              const char *as,
              char      **dir)
{
  g_autofree char *source = fixture_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *path;

  *dir = g_dir_make_tmp ("rostrum-import-open-XXXXXX", &error);
  g_assert_no_error (error);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, as, NULL);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);

  return path;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (d) != NULL)
    count++;
  return count;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
imported (gpointer data)
{
  RstDocument *document = rst_window_get_document (data);

  return document != NULL && rst_document_get_import_source (document) != NULL;
}

static gboolean
checked (gpointer data)
{
  RstDocumentChecker *checker = rst_document_get_checker (data);

  return rst_document_checker_get_up_to_date (checker) &&
         rst_document_checker_get_analysis (checker) != NULL;
}

static RstAnalysis *
wait_analysis (RstDocument *document)
{
  wait_for (checked, document);
  return rst_document_checker_get_analysis (rst_document_get_checker (document));
}

/* The tab an import made: named after the source, modified, without a
 * file, holding what the importer makes of it; the source untouched.
 */
static RstDocument *
assert_imported (RstWindow  *window,
                 GFile      *source,
                 const char *title)
{
  RstDocument *document = rst_window_get_document (window);
  AdwTabPage *tab = adw_tab_view_get_selected_page (rst_window_get_tab_view (window));
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tab_title = g_strdup_printf ("• %s", title);
  g_autofree char *doc_title = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_equal (rst_document_get_import_source (document), source));
  g_assert_null (rst_document_get_file (document));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  doc_title = rst_document_dup_title (document);
  g_assert_cmpstr (doc_title, ==, title);
  g_assert_cmpstr (adw_tab_page_get_title (tab), ==, tab_title);
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), tab_title));

  /* Its last line break implicit, as in a statement opened from a file. */
  expected = rst_import_file (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (expected, "\n"));
  text = rst_document_dup_text (document);
  g_assert_cmpuint (strlen (text), ==, strlen (expected) - 1);
  g_assert_true (strncmp (text, expected, strlen (text)) == 0);

  return document;
}

static void
assert_same_bytes (const char *path,
                   const char *fixture)
{
  g_autofree char *original_path = fixture_path (fixture);
  g_autofree char *original = NULL;
  g_autofree char *now = NULL;
  gsize original_length, now_length;

  g_assert_true (g_file_get_contents (original_path, &original, &original_length, NULL));
  g_assert_true (g_file_get_contents (path, &now, &now_length, NULL));
  g_assert_cmpmem (now, now_length, original, original_length);
}

static gboolean
saved (gpointer data)
{
  RstDocument *document = data;

  return rst_document_get_file (document) != NULL && !rst_document_get_busy (document) &&
         !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document));
}

static gboolean
chooser_has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

/* Open a Word statement as "Statement 2025.docx": its tab is
 * "Statement 2025.md", read at once by the analysis; Save proposes that
 * name beside the source and writes the Markdown there.
 */
static void
test_open_docx_and_save (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("en-iom-statement.docx", "Statement 2025.docx", &dir);
  g_autofree char *md_path = g_build_filename (dir, "Statement 2025.md", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autoptr(GFile) chosen_folder = NULL;
  g_autofree char *chosen_name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  RstExportDialog *dialog;
  RstAnalysis *analysis;
  RstDocument *document;
  GtkWindow *chooser;
  RstWindow *window;
  gint64 start;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  start = g_get_monotonic_time ();
  rst_window_open_file (window, source);
  /* Nothing of the import runs in the main loop. */
  g_assert_false (imported (window));
  while (!imported (window))
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("In its tab %.1f ms after Open", (g_get_monotonic_time () - start) / 1000.0);
  wait_for (imported, window);
  /* The untouched empty tab took it. */
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 1);
  document = assert_imported (window, source, "Statement 2025.md");

  analysis = wait_analysis (document);
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "en");
  g_assert_nonnull (rst_document_get_details (document));

  /* Opened again, it is only brought forward. */
  rst_window_add_page (window);
  rst_window_open_file (window, source);
  g_assert_true (rst_window_get_document (window) == document);
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 2);

  /* Save asks where, proposing the Markdown name beside the source. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  chooser = rst_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  chosen_name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (chosen_name, ==, "Statement 2025.md");
  /* The chooser loads the folder in a moment. */
  wait_for (chooser_has_folder, chooser);
  chosen_folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_equal (chosen_folder, folder));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for (saved, document);

  g_assert_true (g_file_equal (rst_document_get_file (document), md));
  /* What `rostrum --import` writes. */
  expected = rst_import_file (source, NULL, NULL);
  g_assert_true (g_file_get_contents (md_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_assert_cmpstr (adw_tab_page_get_title (adw_tab_view_get_selected_page (rst_window_get_tab_view (window))),
                   ==, "Statement 2025.md");
  assert_same_bytes (path, "en-iom-statement.docx");
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* Saved, it is still never exported over: the drafter picks last
   * session's Word file in the chooser, beside the Markdown.
   */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = RST_EXPORT_DIALOG (rst_test_ui_find_toplevel (RST_TYPE_EXPORT_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  rst_export_dialog_set_format (dialog, RST_EXPORT_DOCX);
  rst_export_dialog_export_to_async (dialog, source, result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (rst_export_dialog_export_to_finish (dialog, result, &error));
  g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED);
  g_assert_nonnull (strstr (error->message, "imported from"));
  assert_same_bytes (path, "en-iom-statement.docx");
  g_assert_cmpuint (count_files (dir), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

static gboolean
message_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          gtk_window_get_transient_for (window) == data)
        return TRUE;
    }
  return FALSE;
}

static AdwMessageDialog *
wait_for_message (GtkWindow *parent)
{
  wait_for (message_shown, parent);
  return ADW_MESSAGE_DIALOG (rst_test_ui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, parent));
}

/* Save As chosen over the source itself is refused, with words for it,
 * and the source keeps every byte.
 */
static void
test_save_as_never_over_source (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("fr-iom-statement.odt", "Déclaration.odt", &dir);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  AdwMessageDialog *refusal;
  RstDocument *document;
  GtkWindow *chooser;
  GtkWindow *confirm;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, source);
  wait_for (imported, window);
  document = assert_imported (window, source, "Déclaration.md");
  g_assert_cmpstr (rst_analysis_get_language (wait_analysis (document)), ==, "fr");

  /* Nor does an export, in the format the source has. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    GtkWindow *export;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    export = rst_test_ui_find_toplevel (RST_TYPE_EXPORT_DIALOG, GTK_WINDOW (window));
    g_assert_nonnull (export);
    rst_export_dialog_export_to_async (RST_EXPORT_DIALOG (export), source, result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (rst_export_dialog_export_to_finish (RST_EXPORT_DIALOG (export), result, &error));
    g_assert_error (error, RST_FILE_WRITER_ERROR, RST_FILE_WRITER_ERROR_PROTECTED);
    gtk_window_destroy (export);
    assert_same_bytes (path, "fr-iom-statement.odt");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL));
  chooser = rst_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  /* The chooser is in the source's folder already. */
  wait_for (chooser_has_folder, chooser);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "Déclaration.odt");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* The chooser asks first whether to replace the existing file. */
  confirm = rst_test_ui_find_toplevel (GTK_TYPE_MESSAGE_DIALOG, chooser);
  g_assert_nonnull (confirm);
  g_assert_nonnull (find_label (GTK_WIDGET (confirm), "A file named “Déclaration.odt” already exists."));
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);

  refusal = wait_for_message (GTK_WINDOW (window));
  g_assert_nonnull (refusal);
  g_test_message ("%s: %s", adw_message_dialog_get_heading (refusal), adw_message_dialog_get_body (refusal));
  g_assert_cmpstr (adw_message_dialog_get_heading (refusal), ==, "“Déclaration.odt” Is the Imported Document");
  adw_message_dialog_response (refusal, "cancel");

  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  assert_same_bytes (path, "fr-iom-statement.odt");
  g_assert_cmpuint (count_files (dir), ==, 1);
  g_assert_null (rst_document_get_file (document));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (data);

  return file != NULL;
}

/* Open (Ctrl+O) offers the documents, and imports the one chosen. */
static void
test_open_action (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("en-iom-statement.odt", "Last session.odt", &dir);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  GtkFileFilter *filter;
  GtkWindow *chooser;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL));
  chooser = rst_test_ui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (chooser);
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, "Statements and Documents");

  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), source, NULL));
  wait_for (chooser_has_file, chooser);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for (imported, window);
  assert_imported (window, source, "Last session.md");

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (rst_window_get_document (window)), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* `rostrum statement.pdf` goes through GApplication::open. */
static gboolean
window_imported (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  return RST_IS_WINDOW (window) && imported (window);
}

static void
test_command_line_pdf (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("zh-iom-statement.pdf", "发言.pdf", &dir);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  GFile *files[] = { source };
  RstDocument *document;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_application_open (G_APPLICATION (app), files, 1, "");
  wait_for (window_imported, NULL);
  window = RST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  document = assert_imported (window, source, "发言.md");
  g_assert_cmpstr (rst_analysis_get_language (wait_analysis (document)), ==, "zh");
  assert_same_bytes (path, "zh-iom-statement.pdf");

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* Files dropped from a file manager: an Arabic Word file is imported (and
 * runs right to left), a Markdown statement opens as it always did.
 */
static GtkDropTarget *
find_file_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          GdkContentFormats *formats = gtk_drop_target_get_formats (GTK_DROP_TARGET (controller));

          if (formats != NULL && gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
            return GTK_DROP_TARGET (controller);
        }
    }
  return NULL;
}

static gboolean
loaded (gpointer data)
{
  RstDocument *document = rst_window_get_document (data);

  return document != NULL && rst_document_get_file (document) != NULL && !rst_document_get_busy (document);
}

static void
test_drop (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = copy_fixture ("ar-iom-statement.docx", "بيان.docx", &dir);
  g_autofree char *md_path = g_build_filename (dir, "statement.md", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target;
  RstDocument *document;
  RstWindow *window;
  GSList *list;
  gboolean accepted = FALSE;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_set_contents (md_path, "Mr. President,\n\nThank you.\n", -1, NULL));
  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  target = find_file_drop_target (GTK_WIDGET (window));
  g_assert_nonnull (target);

  list = g_slist_append (NULL, source);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_slist_free (list);
  g_assert_true (accepted);

  wait_for (imported, window);
  document = assert_imported (window, source, "بيان.md");
  g_assert_cmpstr (rst_analysis_get_language (wait_analysis (document)), ==, "ar");
  g_assert_cmpint (gtk_widget_get_direction (rst_window_get_view (window)), ==, GTK_TEXT_DIR_RTL);

  /* A single file, as some sources offer it; a statement, opened. */
  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, md);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  wait_for (loaded, window);
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 2);
  g_assert_true (g_file_equal (rst_document_get_file (rst_window_get_document (window)), md));
  g_assert_null (rst_document_get_import_source (rst_window_get_document (window)));
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (rst_window_get_document (window))));

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

static gboolean
label_starts_with (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* Bad input ------------------------------------------------------------- */

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  return rst_test_ui_find_widget (widget, label_starts_with, prefix);
}

typedef struct
{
  GtkWidget  *window;
  const char *prefix;
} Search;

static gboolean
label_shown (gpointer data)
{
  Search *search = data;

  return find_label (search->window, search->prefix) != NULL;
}

static GBytes *
make_zip_without_document (void)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *entry = archive_entry_new ();
  char buffer[4096];
  size_t used = 0;

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buffer, sizeof buffer, &used), ==, ARCHIVE_OK);
  archive_entry_set_pathname (entry, "hello.txt");
  archive_entry_set_size (entry, 5);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
  archive_write_data (a, "hello", 5);
  archive_entry_free (entry);
  archive_write_close (a);
  archive_write_free (a);

  return g_bytes_new (buffer, used);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A scan: a page with a picture, no text layer. */
static GBytes *
make_scanned_pdf (void)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, data, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_rectangle (cr, 72, 72, 400, 20);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (data);
}

typedef struct
{
  const char *name;
  const char *fixture;   /* or */
  GBytes     *bytes;     /* or, with neither, 200 MB of nothing */
  const char *message;
} Bad;

/* Each refused with the importer's words in a toast; no tab is added,
 * the tab at hand keeps its text, nothing is written, and the file keeps
 * its bytes.
 */
static void
test_bad_input (void)
{
  g_autoptr(GBytes) not_zip = g_bytes_new_static ("Mr. President,\n", 15);
  g_autoptr(GBytes) empty_zip = make_zip_without_document ();
  g_autoptr(GBytes) scan = make_scanned_pdf ();
  Bad bad[] = {
    { "Broken.docx", NULL, not_zip, "it is not a Word document (it is no ZIP archive); save it again as .docx" },
    { "Empty.docx", NULL, empty_zip, "it is a ZIP archive without a Word or OpenDocument text in it" },
    { "Locked.odt", "password.odt", NULL, "it is protected by a password; remove the password in your word processor and save it again" },
    { "Locked.pdf", "password.pdf", NULL, "it is protected by a password; remove the password and save it again" },
    { "Scan.pdf", NULL, scan, "it has no text to read, only pictures of pages (a scan?); import the document it was made from, or run text recognition on it first" },
    { "Huge.pdf", NULL, NULL, "it is larger than 67.1\u00a0MB, too large to be a statement" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rostrum-import-bad-XXXXXX", &error);
  RstWindow *window;
  RstDocument *document;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_no_error (error);
  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  document = rst_window_get_document (window);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (document), "Typed before.", -1);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_build_filename (dir, bad[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *expected = g_strdup_printf ("Could not import “%s”: %s", bad[i].name, bad[i].message);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *text = NULL;
      gsize before_length = 0, after_length = 0;
      Search search = { GTK_WIDGET (window), expected };
      GtkWidget *label;

      if (bad[i].fixture != NULL)
        {
          g_autofree char *fixture = fixture_path (bad[i].fixture);

          g_assert_true (g_file_get_contents (fixture, &before, &before_length, NULL));
          g_assert_true (g_file_set_contents (path, before, before_length, NULL));
        }
      else if (bad[i].bytes != NULL)
        {
          before_length = g_bytes_get_size (bad[i].bytes);
          before = g_memdup2 (g_bytes_get_data (bad[i].bytes, NULL), before_length);
          g_assert_true (g_file_set_contents (path, before, before_length, NULL));
        }
      else
        {
          /* Sparse: nothing of it is read. */
          int fd = g_open (path, O_WRONLY | O_CREAT, 0644);

          g_assert_cmpint (fd, >=, 0);
          g_assert_cmpint (ftruncate (fd, 200 * 1000 * 1000), ==, 0);
          close (fd);
        }

      rst_window_open_file (window, file);
      wait_for (label_shown, &search);
      label = find_label (GTK_WIDGET (window), expected);
      g_test_message ("%s", gtk_label_get_text (GTK_LABEL (label)));
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, expected);

      g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 1);
      g_assert_true (rst_window_get_document (window) == document);
      g_assert_null (rst_document_get_import_source (document));
      text = rst_document_dup_text (document);
      g_assert_cmpstr (text, ==, "Typed before.");
      g_assert_cmpuint (count_files (dir), ==, i + 1);
      if (before != NULL)
        {
          g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
          g_assert_cmpmem (after, after_length, before, before_length);
        }
    }

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  remove_folder (dir);
}

/* Paste ---------------------------------------------------------------- */

typedef struct
{
  GtkTextBuffer *buffer;
  const char    *before;
} Change;

static gboolean
text_changed (gpointer data)
{
  Change *change = data;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (change->buffer, &start, &end);
  text = gtk_text_buffer_get_text (change->buffer, &start, &end, TRUE);
  return g_strcmp0 (text, change->before) != 0;
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
set_clipboard (GtkWidget  *view,
               const char *html,
               const char *plain)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (view);
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  guint n = 0;

  if (html != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));

      providers[n++] = gdk_content_provider_new_for_bytes ("text/html", bytes);
    }
  if (plain != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (plain, strlen (plain));

      providers[n++] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", bytes);
    }
  provider = gdk_content_provider_new_union (providers, n);
  g_assert_true (gdk_clipboard_set_content (clipboard, provider));
}

static void
paste_and_wait (GtkWidget     *view,
                GtkTextBuffer *buffer)
{
  g_autofree char *before = buffer_text (buffer);
  Change change = { buffer, before };

  g_signal_emit_by_name (view, "paste-clipboard");
  wait_for (text_changed, &change);
}

/* What Word and LibreOffice put on the clipboard: paragraphs with their
 * lines wrapped in the source, styles, an empty paragraph, bold and
 * italic runs; the plain text beside it has the lines as they wrapped.
 */
static const char word_html[] =
  "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>"
  "<meta charset=\"utf-8\"><style>p.MsoNormal { margin: 0 }</style></head><body>"
  "<!--StartFragment-->"
  "<p class=\"MsoNormal\">We welcome the report of the\nDirector General on the\nbudget.<o:p></o:p></p>"
  "<p class=\"MsoNormal\"><o:p>&nbsp;</o:p></p>"
  "<p class=\"MsoNormal\"><b>First,</b> migration is a <i>shared</i> responsibility.<o:p></o:p></p>"
  "<!--EndFragment--></body></html>";
static const char word_plain[] =
  "We welcome the report of the\nDirector General on the\nbudget.\n\nFirst, migration is a shared\nresponsibility.";

static void
test_paste_html (void)
{
  g_autofree char *converted = rst_import_html (word_html, -1);
  g_autofree char *text = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *plain = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  RstWindow *window;
  GtkWidget *view;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  view = rst_window_get_view (window);
  buffer = GTK_TEXT_BUFFER (rst_window_get_document (window));

  gtk_text_buffer_set_text (buffer, "Mr. Chairperson,\n\n", -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);

  set_clipboard (view, word_html, word_plain);
  paste_and_wait (view, buffer);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==,
                   "Mr. Chairperson,\n\n"
                   "We welcome the report of the Director General on the budget.\n\n"
                   "**First,** migration is a *shared* responsibility.");
  /* What the importer makes of it, without the blank lines around. */
  g_strstrip (converted);
  g_assert_true (g_str_has_suffix (text, converted));

  /* One step of the undo history. */
  g_assert_true (gtk_text_buffer_get_can_undo (buffer));
  gtk_text_buffer_undo (buffer);
  undone = buffer_text (buffer);
  g_assert_cmpstr (undone, ==, "Mr. Chairperson,\n\n");

  /* Over the selection, from a web page (UTF-16 with a byte order mark,
   * as some browsers put it, is the importer's to read).
   */
  gtk_text_buffer_set_text (buffer, "Mr. President, REPLACE ME", -1);
  {
    GtkTextIter start;

    gtk_text_buffer_get_iter_at_offset (buffer, &start, 15);
    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_select_range (buffer, &start, &end);
  }
  set_clipboard (view, "<div><span>thank</span> <em>you</em>.</div>", "thank you.");
  paste_and_wait (view, buffer);
  g_free (text);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "Mr. President, thank *you*.");

  /* Arabic and Chinese paragraphs as a web page or WPS Office gives
   * them: right to left, an ideographic space keeping a paragraph open.
   */
  gtk_text_buffer_set_text (buffer, "", -1);
  set_clipboard (view,
                 "<p dir=\"rtl\" style=\"text-align:right\">السيد الرئيس،</p>"
                 "<p dir=\"rtl\"><b>أولاً</b>، تستضيف مصر أعداداً كبيرة\nمن المهاجرين.</p>",
                 "السيد الرئيس،\nأولاً، تستضيف مصر أعداداً كبيرة\nمن المهاجرين.");
  paste_and_wait (view, buffer);
  g_free (text);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "السيد الرئيس،\n\n**أولاً**، تستضيف مصر أعداداً كبيرة من المهاجرين.");

  gtk_text_buffer_set_text (buffer, "", -1);
  set_clipboard (view,
                 "<p>主席先生：</p><p>\xE3\x80\x80</p><p><strong>第一</strong>，着力消除移民问题的根源。</p>",
                 "主席先生：\n\n第一，着力消除移民问题的根源。");
  paste_and_wait (view, buffer);
  g_free (text);
  text = buffer_text (buffer);
  g_assert_cmpstr (text, ==, "主席先生：\n\n**第一**，着力消除移民问题的根源。");

  /* Without HTML, the plain text as it is. */
  gtk_text_buffer_set_text (buffer, "", -1);
  set_clipboard (view, NULL, "Line one\nline two");
  paste_and_wait (view, buffer);
  plain = buffer_text (buffer);
  g_assert_cmpstr (plain, ==, "Line one\nline two");

  /* HTML without any text: the plain text. */
  gtk_text_buffer_set_text (buffer, "", -1);
  set_clipboard (view, "<html><body><img src=\"x.png\"></body></html>", "[image]");
  paste_and_wait (view, buffer);
  g_free (plain);
  plain = buffer_text (buffer);
  g_assert_cmpstr (plain, ==, "[image]");

  gtk_text_buffer_set_modified (buffer, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Open offers the documents it imports beside statements; Save keeps to
 * what it writes.
 */
static gboolean
filter_matches (GtkFileFilter *filter,
                const char    *name,
                const char    *content_type)
{
  g_autoptr(GFileInfo) info = g_file_info_new ();

  g_file_info_set_display_name (info, name);
  g_file_info_set_content_type (info, content_type);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

static void
test_open_filter (void)
{
  g_autoptr(GtkFileFilter) open = rst_file_filter_new_for_open ();
  g_autoptr(GtkFileFilter) save = rst_file_filter_new_for_statements ();

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_true (filter_matches (open, "Statement 2025.docx", "application/octet-stream"));
  g_assert_true (filter_matches (open, "déclaration.ODT", "application/octet-stream"));
  g_assert_true (filter_matches (open, "A-78-PV.12", "application/pdf"));
  g_assert_true (filter_matches (open, "page.htm", "application/octet-stream"));
  g_assert_true (filter_matches (open, "statement.md", "text/markdown"));
  g_assert_true (filter_matches (open, "statement.txt", "text/plain"));
  g_assert_false (filter_matches (open, "photo.png", "image/png"));

  g_assert_false (filter_matches (save, "Statement 2025.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
  g_assert_true (filter_matches (save, "statement.md", "text/markdown"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/import-open/docx-and-save", test_open_docx_and_save);
  g_test_add_func ("/import-open/save-as-never-over-source", test_save_as_never_over_source);
  g_test_add_func ("/import-open/open-action", test_open_action);
  g_test_add_func ("/import-open/command-line-pdf", test_command_line_pdf);
  g_test_add_func ("/import-open/drop", test_drop);
  g_test_add_func ("/import-open/bad-input", test_bad_input);
  g_test_add_func ("/import-open/paste-html", test_paste_html);
  g_test_add_func ("/import-open/open-filter", test_open_filter);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
