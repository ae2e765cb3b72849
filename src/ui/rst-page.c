/* rst-page.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-page.h"
#include "rst-view-settings.h"

/* One statement in a tab: the document, the view that edits it, and the
 * load and save flows that need a parent window for their dialogs.
 */
struct _RstPage
{
  AdwBin         parent_instance;

  RstDocument   *document;

  /* Template widgets */
  GtkSourceView *view;
};

G_DEFINE_FINAL_TYPE (RstPage, rst_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MODIFIED,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RstPage *
rst_page_new (void)
{
  return g_object_new (RST_TYPE_PAGE, NULL);
}

/**
 * rst_page_get_document:
 *
 * Returns: (transfer none): the statement the page edits
 */
RstDocument *
rst_page_get_document (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  return self->document;
}

/**
 * rst_page_get_view:
 *
 * Returns: (transfer none): the text view
 */
GtkWidget *
rst_page_get_view (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  return GTK_WIDGET (self->view);
}

char *
rst_page_dup_title (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  return rst_document_dup_title (self->document);
}

gboolean
rst_page_get_modified (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), FALSE);

  return gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));
}

/* A page nobody typed in yet, which Open may reuse. */
gboolean
rst_page_is_pristine (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), FALSE);

  return rst_document_get_file (self->document) == NULL &&
         !rst_document_get_busy (self->document) &&
         !rst_page_get_modified (self) &&
         gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->document)) == 0;
}

static void
rst_page_show_error (RstPage    *self,
                     const char *heading,
                     GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rst_page_load_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RstPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rst_document_load_finish (RST_DOCUMENT (object), result, &error))
    rst_page_show_error (self, _("Could Not Open the Statement"), error);
}

void
rst_page_load_file (RstPage *self,
                    GFile   *file)
{
  g_return_if_fail (RST_IS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  rst_document_load_async (self->document, file, NULL,
                           rst_page_load_cb, g_object_ref (self));
}

/* Saving may need a file chooser first, and closing may need a save first,
 * so each save carries what to do once the file is safely on disk.
 */
typedef struct
{
  RstPage          *self;
  RstPageSavedFunc  then;
  gpointer          user_data;
} SaveRequest;

static SaveRequest *
save_request_new (RstPage          *self,
                  RstPageSavedFunc  then,
                  gpointer          user_data)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->then = then;
  request->user_data = user_data;

  return request;
}

static void
save_request_free (SaveRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

static void
rst_page_save_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!rst_document_save_finish (RST_DOCUMENT (object), result, &error))
    rst_page_show_error (request->self, _("Could Not Save the Statement"), error);
  else if (request->then != NULL)
    request->then (request->self, request->user_data);

  save_request_free (request);
}

static void
rst_page_save_to (RstPage     *self,
                  GFile       *file,
                  SaveRequest *request)
{
  rst_document_save_async (self->document, file, NULL, rst_page_save_cb, request);
}

static GtkFileFilter *
rst_page_create_statement_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Statements"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_filter_add_suffix (filter, "txt");

  return filter;
}

static void
rst_page_save_as_response (GtkNativeDialog *dialog,
                           int              response,
                           gpointer         user_data)
{
  SaveRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      rst_page_save_to (request->self, file, request);
    }
  else
    save_request_free (request);

  g_object_unref (dialog);
}

void
rst_page_save_as (RstPage          *self,
                  RstPageSavedFunc  then,
                  gpointer          user_data)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = rst_page_create_statement_filter ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GFile *file;

  g_return_if_fail (RST_IS_PAGE (self));

  chooser = gtk_file_chooser_native_new (_("Save Statement"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  file = rst_document_get_file (self->document);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Statement.md"));

  g_signal_connect (chooser, "response", G_CALLBACK (rst_page_save_as_response),
                    save_request_new (self, then, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to the document's file, asking for one when it has none yet. */
void
rst_page_save (RstPage          *self,
               RstPageSavedFunc  then,
               gpointer          user_data)
{
  g_return_if_fail (RST_IS_PAGE (self));

  if (rst_document_get_file (self->document) == NULL)
    rst_page_save_as (self, then, user_data);
  else
    rst_page_save_to (self, NULL, save_request_new (self, then, user_data));
}

static void
rst_page_notify_title (RstPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
rst_page_modified_changed (RstPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
rst_page_dispose (GObject *object)
{
  RstPage *self = (RstPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_PAGE);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rst_page_parent_class)->dispose (object);
}

static void
rst_page_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  RstPage *self = RST_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, rst_page_get_modified (self));
      break;

    case PROP_TITLE:
      g_value_take_string (value, rst_page_dup_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_page_class_init (RstPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_page_dispose;
  object_class->get_property = rst_page_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, RST_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RstPage, view);
}

static void
rst_page_init (RstPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = rst_document_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->document));

  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (rst_page_notify_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (rst_page_modified_changed), self, G_CONNECT_SWAPPED);

  /* Font, style scheme, wrapping and spelling from Preferences. */
  rst_view_settings_attach (self->view);
}
