/* rst-rich-paste.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-import.h"
#include "rst-rich-paste.h"

/* A statement copied from Word, LibreOffice or a web page comes as the
 * lines the page happened to wrap at in its text/plain, or as one line
 * per paragraph with no blank line between them; its text/html still
 * knows the paragraphs. Paste (Ctrl+V, Shift+Insert and the context
 * menu all emit GtkTextView::paste-clipboard) reads that HTML and pastes
 * the paragraphs the importer makes of it (rst_import_html(): the UI
 * parses no HTML), as one step of the undo history. A clipboard without
 * HTML, HTML without text, or HTML too large to be a statement pastes
 * the plain text as GTK does.
 */

#define HTML_MIME_TYPE "text/html"
/* Far beyond a statement: a paste never reads without end. */
#define MAX_HTML_SIZE  RST_IMPORT_MAX_FILE_SIZE
#define READ_CHUNK     (64 * 1024)

typedef struct
{
  GtkTextView  *view;
  GdkClipboard *clipboard;
  GByteArray   *html;
} Paste;

static void
paste_free (Paste *paste)
{
  g_clear_object (&paste->view);
  g_clear_object (&paste->clipboard);
  g_clear_pointer (&paste->html, g_byte_array_unref);
  g_free (paste);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Paste, paste_free)

/* What GTK's own paste does: the text, at the cursor, over the selection. */
static void
paste_plain_text (Paste *paste)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (paste->view);

  gtk_text_buffer_paste_clipboard (buffer, paste->clipboard, NULL,
                                   gtk_text_view_get_editable (paste->view));
}

static void
paste_text (Paste      *paste,
            const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (paste->view);
  gboolean editable = gtk_text_view_get_editable (paste->view);

  /* One user action: one undo brings back the text as it was before. */
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, editable);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, editable);
  gtk_text_buffer_end_user_action (buffer);

  gtk_text_view_scroll_mark_onscreen (paste->view, gtk_text_buffer_get_insert (buffer));
}

static void
convert_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GByteArray *html = task_data;
  char *markdown = rst_import_html ((const char *)html->data, html->len);

  if (markdown != NULL)
    g_strstrip (markdown);
  g_task_return_pointer (task, markdown, g_free);
}

static void
converted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Paste) paste = user_data;
  g_autofree char *markdown = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The view went away meanwhile. */
  if (gtk_widget_get_root (GTK_WIDGET (paste->view)) == NULL)
    return;

  if (markdown != NULL && markdown[0] != '\0')
    paste_text (paste, markdown);
  else
    paste_plain_text (paste);
}

static void read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

static void
read_more (Paste        *paste,
           GInputStream *stream)
{
  g_input_stream_read_bytes_async (stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   NULL, read_cb, paste);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Paste *paste = user_data;
  GInputStream *stream = G_INPUT_STREAM (object);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  bytes = g_input_stream_read_bytes_finish (stream, result, &error);
  if (bytes == NULL || paste->html->len + g_bytes_get_size (bytes) > MAX_HTML_SIZE)
    {
      if (error != NULL)
        g_debug ("Reading the clipboard's HTML failed: %s", error->message);
      g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      g_object_unref (stream);
      paste_plain_text (paste);
      paste_free (paste);
      return;
    }

  if (g_bytes_get_size (bytes) > 0)
    {
      g_byte_array_append (paste->html, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      read_more (paste, stream);
      return;
    }

  g_input_stream_close_async (stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
  g_object_unref (stream);

  /* A long page takes libxml2 a moment: not in the main loop. */
  task = g_task_new (NULL, NULL, converted_cb, paste);
  g_task_set_source_tag (task, rst_rich_paste_attach);
  g_task_set_task_data (task, g_byte_array_ref (paste->html), (GDestroyNotify)g_byte_array_unref);
  g_task_run_in_thread (task, convert_in_thread);
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Paste *paste = user_data;
  g_autoptr(GError) error = NULL;
  GInputStream *stream;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  if (stream == NULL)
    {
      g_debug ("The clipboard's HTML cannot be read: %s", error->message);
      paste_plain_text (paste);
      paste_free (paste);
      return;
    }

  read_more (paste, stream);
}

static void
rst_rich_paste_clipboard (GtkTextView *view)
{
  static const char *mime_types[] = { HTML_MIME_TYPE, NULL };
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (view));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);
  Paste *paste;

  /* A view that cannot be edited takes nothing, and a copy from a text
   * view (ours, another editor's) has no HTML: GTK's paste does both.
   */
  if (!gtk_text_view_get_editable (view) ||
      !gdk_content_formats_contain_mime_type (formats, HTML_MIME_TYPE))
    return;

  g_signal_stop_emission_by_name (view, "paste-clipboard");

  paste = g_new0 (Paste, 1);
  paste->view = g_object_ref (view);
  paste->clipboard = g_object_ref (clipboard);
  paste->html = g_byte_array_new ();
  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL,
                            clipboard_read_cb, paste);
}

void
rst_rich_paste_attach (GtkTextView *view)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  /* Before GTK's own handler, which it replaces when there is HTML. */
  g_signal_connect (view, "paste-clipboard", G_CALLBACK (rst_rich_paste_clipboard), NULL);
}
