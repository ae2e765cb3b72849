/* rst-window.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-window.h"

struct _RstWindow
{
  AdwApplicationWindow  parent_instance;

  RstDocument          *document;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  GtkSourceView        *view;

  /* Set once the drafter chose to close without saving, or saved. */
  guint                 close_confirmed : 1;
};

G_DEFINE_FINAL_TYPE (RstWindow, rst_window, ADW_TYPE_APPLICATION_WINDOW)

typedef void (*RstSavedFunc) (RstWindow *self);

RstWindow *
rst_window_new (RstApplication *application)
{
  return g_object_new (RST_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * rst_window_get_document:
 *
 * Returns: (transfer none): the statement the window edits
 */
RstDocument *
rst_window_get_document (RstWindow *self)
{
  g_return_val_if_fail (RST_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * rst_window_get_view:
 *
 * Returns: (transfer none): the text view
 */
GtkWidget *
rst_window_get_view (RstWindow *self)
{
  g_return_val_if_fail (RST_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->view);
}

static void
rst_window_show_error (RstWindow  *self,
                       const char *heading,
                       GError     *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rst_window_update_title (RstWindow *self)
{
  g_autofree char *title = rst_document_dup_title (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = rst_document_get_file (self->document);
  gboolean modified = gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document));

  /* The bullet marks unsaved changes, as GNOME Text Editor does. */
  shown = modified ? g_strdup_printf ("• %s", title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown);

  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *where = parent ? g_file_get_parse_name (parent) : NULL;
      const char *home = g_get_home_dir ();

      if (where != NULL && g_str_has_prefix (where, home) && home[1] != '\0')
        {
          char *tilde = g_strconcat ("~", where + strlen (home), NULL);
          g_free (where);
          where = tilde;
        }
      adw_window_title_set_subtitle (self->window_title, where);
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("Not saved"));

  /* Translators: the window title, "statement.md – Rostrum" */
  window_title = g_strdup_printf (_("%s – Rostrum"), shown);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
rst_window_load_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(RstWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!rst_document_load_finish (RST_DOCUMENT (object), result, &error))
    rst_window_show_error (self, _("Could Not Open the Statement"), error);
}

void
rst_window_load_file (RstWindow *self,
                      GFile     *file)
{
  g_return_if_fail (RST_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  rst_document_load_async (self->document, file, NULL,
                           rst_window_load_cb, g_object_ref (self));
}

/* Saving may need a file chooser first, and closing may need a save first,
 * so each save carries what to do once the file is safely on disk.
 */
typedef struct
{
  RstWindow    *self;
  RstSavedFunc  then;
} SaveRequest;

static void
rst_window_save_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  SaveRequest *request = user_data;
  g_autoptr(GError) error = NULL;

  if (!rst_document_save_finish (RST_DOCUMENT (object), result, &error))
    rst_window_show_error (request->self, _("Could Not Save the Statement"), error);
  else if (request->then != NULL)
    request->then (request->self);

  g_object_unref (request->self);
  g_free (request);
}

static void
rst_window_save_to (RstWindow    *self,
                    GFile        *file,
                    RstSavedFunc  then)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = g_object_ref (self);
  request->then = then;
  rst_document_save_async (self->document, file, NULL, rst_window_save_cb, request);
}

static GtkFileFilter *
rst_window_create_statement_filter (void)
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
rst_window_save_as_response (GtkNativeDialog *dialog,
                             int              response,
                             gpointer         user_data)
{
  SaveRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      rst_window_save_to (request->self, file, request->then);
    }

  g_object_unref (request->self);
  g_free (request);
  g_object_unref (dialog);
}

static void
rst_window_save_as (RstWindow    *self,
                    RstSavedFunc  then)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = rst_window_create_statement_filter ();
  GFile *file = rst_document_get_file (self->document);
  SaveRequest *request;

  chooser = gtk_file_chooser_native_new (_("Save Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Statement.md"));

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->then = then;
  g_signal_connect (chooser, "response", G_CALLBACK (rst_window_save_as_response), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rst_window_save (RstWindow    *self,
                 RstSavedFunc  then)
{
  if (rst_document_get_file (self->document) == NULL)
    rst_window_save_as (self, then);
  else
    rst_window_save_to (self, NULL, then);
}

static void
rst_window_save_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  rst_window_save (RST_WINDOW (widget), NULL);
}

static void
rst_window_save_as_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  rst_window_save_as (RST_WINDOW (widget), NULL);
}

static gboolean
rst_window_is_pristine (RstWindow *self)
{
  return rst_document_get_file (self->document) == NULL &&
         !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)) &&
         gtk_text_buffer_get_char_count (GTK_TEXT_BUFFER (self->document)) == 0;
}

static void
rst_window_open_response (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  g_autoptr(RstWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      RstWindow *target = self;

      /* An untouched window takes the file; otherwise keep its work. */
      if (!rst_window_is_pristine (self))
        {
          GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
          target = rst_window_new (RST_APPLICATION (app));
        }

      rst_window_load_file (target, file);
      gtk_window_present (GTK_WINDOW (target));
    }

  g_object_unref (dialog);
}

static void
rst_window_open_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  RstWindow *self = RST_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = rst_window_create_statement_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Statement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (rst_window_open_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rst_window_close_after_save (RstWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
rst_window_close_response (AdwMessageDialog *dialog,
                           const char       *response,
                           RstWindow        *self)
{
  if (g_str_equal (response, "save"))
    rst_window_save (self, rst_window_close_after_save);
  else if (g_str_equal (response, "discard"))
    rst_window_close_after_save (self);
}

static gboolean
rst_window_close_request (GtkWindow *window)
{
  RstWindow *self = RST_WINDOW (window);
  g_autofree char *title = NULL;
  AdwMessageDialog *dialog;

  if (self->close_confirmed ||
      !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return GTK_WINDOW_CLASS (rst_window_parent_class)->close_request (window);

  title = rst_document_dup_title (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes that are not saved will be lost."),
                                  title);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rst_window_close_response),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The style scheme follows the light or dark preference of the system. */
static void
rst_window_update_style_scheme (RstWindow *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style_manager) ? "Adwaita-dark" : "Adwaita";

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (self->document),
                                      gtk_source_style_scheme_manager_get_scheme (schemes, id));
}

static void
rst_window_constructed (GObject *object)
{
  RstWindow *self = (RstWindow *)object;
  GtkApplication *app;

  G_OBJECT_CLASS (rst_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (RST_IS_APPLICATION (app))
    {
      GSettings *settings = rst_application_get_settings (RST_APPLICATION (app));

      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

static void
rst_window_dispose (GObject *object)
{
  RstWindow *self = (RstWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_WINDOW);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rst_window_parent_class)->dispose (object);
}

static void
rst_window_class_init (RstWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rst_window_constructed;
  object_class->dispose = rst_window_dispose;

  window_class->close_request = rst_window_close_request;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RstWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RstWindow, view);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, rst_window_open_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, rst_window_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, rst_window_save_as_action);
}

static void
rst_window_init (RstWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = rst_document_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->document));

  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (rst_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file",
                           G_CALLBACK (rst_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (rst_window_update_style_scheme), self, G_CONNECT_SWAPPED);

  rst_window_update_title (self);
  rst_window_update_style_scheme (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}
