/* rst-window-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-import.h"
#include "rst-window-private.h"

/* Bringing last session's statement in: a Word, OpenDocument, PDF or HTML
 * file that is opened (Open, the command line, a drop on the window) is
 * imported in a worker thread (rst_import_file_async(), which refuses
 * what is too large) into an unsaved tab named after it ("Statement
 * 2025.docx" is "Statement 2025.md"). The file itself is only read: the
 * tab has no file until the drafter saves it somewhere, and saving never
 * writes over it (see rst_page_save_async()). A file the importer cannot
 * read adds no tab and says why in a toast.
 */

/**
 * _rst_window_is_import:
 *
 * Returns: whether @file is one that is imported rather than opened as
 *   a statement: told by its name, as the importer tells it (a ".docx"
 *   that is no Word document is still refused as one, with words for it)
 */
gboolean
_rst_window_is_import (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  switch (rst_import_format_for_name (name))
    {
    case RST_IMPORT_FORMAT_DOCX:
    case RST_IMPORT_FORMAT_ODT:
    case RST_IMPORT_FORMAT_PDF:
    case RST_IMPORT_FORMAT_HTML:
      return TRUE;

    case RST_IMPORT_FORMAT_AUTO:
    case RST_IMPORT_FORMAT_TEXT:
    default:
      return FALSE;
    }
}

/* Most imports take a few milliseconds; a long PDF takes longer, and the
 * drafter hears that it is under way rather than wonder.
 */
#define PROGRESS_DELAY_MS 500

typedef struct
{
  RstWindow    *self;
  GFile        *file;
  GCancellable *cancellable;
  AdwToast     *progress;
  gint64        progress_shown;
  guint         progress_source;
} Import;

static void
import_free (Import *import)
{
  g_clear_handle_id (&import->progress_source, g_source_remove);
  g_clear_object (&import->progress);
  g_clear_object (&import->file);
  g_clear_object (&import->cancellable);
  g_clear_object (&import->self);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

static gboolean
rst_window_import_progress (gpointer user_data)
{
  Import *import = user_data;
  g_autofree char *name = g_file_get_basename (import->file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *escaped = g_markup_escape_text (display, -1);

  import->progress_source = 0;
  if (g_cancellable_is_cancelled (import->cancellable))
    return G_SOURCE_REMOVE;

  /* Translators: a toast while a document is read, with its file name */
  import->progress = g_object_ref_sink (adw_toast_new_format (_("Importing “%s”…"), escaped));
  adw_toast_set_timeout (import->progress, 0);
  rst_window_add_toast (import->self, import->progress);
  import->progress_shown = g_get_monotonic_time ();

  return G_SOURCE_REMOVE;
}

/* libadwaita 1.2 frees a toast dismissed while it is still being shown
 * and then writes to it (fixed upstream in 1.3, commit 1674ebc9): the
 * progress toast goes only once it is fully shown, 500 ms at most when
 * it replaces another.
 */
#define PROGRESS_SHOW_MS 600

static gboolean
dismiss_progress_cb (gpointer user_data)
{
  adw_toast_dismiss (ADW_TOAST (user_data));
  return G_SOURCE_REMOVE;
}

static void
rst_window_import_dismiss_progress (Import *import)
{
  gint64 shown_ms = (g_get_monotonic_time () - import->progress_shown) / 1000;

  if (shown_ms >= PROGRESS_SHOW_MS)
    adw_toast_dismiss (import->progress);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, PROGRESS_SHOW_MS - shown_ms, dismiss_progress_cb,
                        g_object_ref (import->progress), g_object_unref);
}

/* The unsaved tab @file was imported into, if one is open. */
static AdwTabPage *
rst_window_find_imported (RstWindow *self,
                          GFile     *file)
{
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n_pages; i++)
    {
      AdwTabPage *tab = adw_tab_view_get_nth_page (self->tab_view, i);
      RstDocument *document = rst_page_get_document (RST_PAGE (adw_tab_page_get_child (tab)));
      GFile *source = rst_document_get_import_source (document);

      if (source != NULL && rst_document_get_file (document) == NULL && g_file_equal (source, file))
        return tab;
    }

  return NULL;
}

static void
rst_window_import_failed (RstWindow *self,
                          GFile     *file,
                          GError    *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *message = NULL;
  GtkWidget *label;
  AdwToast *toast;

  /* The importer's phrase says what is wrong and what to do about it. */
  /* Translators: a file name, then why it cannot be imported ("it is
   * protected by a password; …")
   */
  message = g_strdup_printf (_("Could not import “%s”: %s"), display, error->message);
  /* All of it, on as many lines as it takes: a toast's own title would
   * cut the advice short. Plain text, so a "&" in the name is a "&".
   */
  label = gtk_label_new (message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  toast = adw_toast_new ("");
  adw_toast_set_custom_title (toast, label);
  /* Long enough to read, and to act on. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rst_window_add_toast (self, toast);
}

static void
rst_window_imported_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  RstWindow *self = import->self;
  GFile *file = G_FILE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  AdwTabPage *tab;
  RstPage *page;
  gsize length;

  text = rst_import_file_finish (file, result, &error);
  /* The window was closed meanwhile, its toasts with it. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_handle_id (&import->progress_source, g_source_remove);
  if (import->progress != NULL)
    rst_window_import_dismiss_progress (import);

  if (text == NULL)
    {
      rst_window_import_failed (self, file, error);
      return;
    }

  /* Opened twice before the first import was done: one tab. */
  tab = rst_window_find_imported (self, file);
  if (tab != NULL)
    {
      adw_tab_view_set_selected_page (self->tab_view, tab);
      return;
    }

  /* An untouched empty tab is used, as Open does. */
  page = rst_window_get_current_page (self);
  if (page == NULL || !rst_page_is_pristine (page))
    page = rst_window_add_page (self);

  /* A new statement, modified and without a file, as one made from a
   * template: undo does not lead back to an empty tab.
   */
  rst_document_set_import_source (rst_page_get_document (page), file);
  buffer = GTK_TEXT_BUFFER (rst_page_get_document (page));
  /* Its last line break stays implicit, as for a file that is opened:
   * the first save writes what `rostrum --import` would.
   */
  length = strlen (text);
  if (length > 0 && text[length - 1] == '\n')
    length--;
  rst_document_set_statement (rst_page_get_document (page), text, length, FALSE);
  gtk_text_buffer_set_modified (buffer, TRUE);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (rst_page_get_view (page));
}

/**
 * _rst_window_import_file:
 *
 * Imports @file into a new tab, or brings forward the unsaved tab it
 * was imported into already.
 */
void
_rst_window_import_file (RstWindow *self,
                         GFile     *file)
{
  AdwTabPage *tab = rst_window_find_imported (self, file);
  Import *import;

  if (tab != NULL)
    {
      adw_tab_view_set_selected_page (self->tab_view, tab);
      return;
    }

  import = g_new0 (Import, 1);
  import->self = g_object_ref (self);
  import->file = g_object_ref (file);
  import->cancellable = g_object_ref (self->import_cancellable);
  import->progress_source = g_timeout_add (PROGRESS_DELAY_MS, rst_window_import_progress, import);
  rst_import_file_async (file, G_PRIORITY_DEFAULT, import->cancellable,
                         rst_window_imported_cb, import);
}

/* Files dropped from a file manager open as Open opens them; the text
 * view's own drop target keeps text dragged within and into it.
 */
static gboolean
rst_window_drop (GtkDropTarget *target,
                 const GValue  *value,
                 double         x,
                 double         y,
                 RstWindow     *self)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      for (const GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        rst_window_open_file (self, l->data);
      return TRUE;
    }

  if (G_VALUE_HOLDS (value, G_TYPE_FILE) && g_value_get_object (value) != NULL)
    {
      rst_window_open_file (self, g_value_get_object (value));
      return TRUE;
    }

  return FALSE;
}

void
_rst_window_import_init (RstWindow *self)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  GtkDropTarget *target;

  self->import_cancellable = g_cancellable_new ();

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  /* Before the text view, which would insert the files' names. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);
  g_signal_connect_object (target, "drop", G_CALLBACK (rst_window_drop), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_rst_window_import_dispose (RstWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
}
