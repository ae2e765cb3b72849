/* rst-page.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-application.h"
#include "rst-writing.h"
#include "rst-context-settings.h"
#include "rst-diagnostic-gutter.h"
#include "rst-display-name.h"
#include "rst-file-filter.h"
#include "rst-goto-line.h"
#include "rst-hover-provider.h"
#include "rst-markup-dimmer.h"
#include "rst-page.h"
#include "rst-file-writer.h"
#include "rst-recent.h"
#include "rst-rich-paste.h"
#include "rst-search-bar.h"
#include "rst-session.h"
#include "rst-sidebar.h"
#include "rst-slot-navigator.h"
#include "rst-spell-checker.h"
#include "rst-text-file.h"
#include "rst-view-settings.h"
#include "rst-window.h"

/* One statement in a tab: the document, the view that edits it, and the
 * load and save flows that need a parent window for their dialogs.
 */
struct _RstPage
{
  AdwBin         parent_instance;

  RstDocument   *document;

  /* Live checking (ui-live) */
  GSettings     *settings;
  RstContextSettings *context_settings;
  GMenu         *fix_menu;

  /* Template widgets */
  GtkSourceView *view;
  AdwFlap       *flap;
  RstSidebar    *sidebar;
  GtkRevealer   *banner;
  GtkLabel      *banner_label;
  GtkWidget     *banner_button;
  /* The find and replace bar, made when first asked for. */
  RstSearchBar  *search_bar;
  GtkBox        *editor_box;

  /* The overview map, made when first shown. */
  GtkSourceMap  *map;

  /* Go to Line, made at its first use. */
  GtkPopover    *goto_line;
};

G_DEFINE_FINAL_TYPE (RstPage, rst_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_MODIFIED,
  PROP_SIDEBAR_VISIBLE,
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
 * rst_page_get_map:
 *
 * Returns: (transfer none) (nullable): the overview map, once
 *   Preferences showed it
 */
GtkWidget *
rst_page_get_map (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  return self->map != NULL ? GTK_WIDGET (self->map) : NULL;
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

/* A page whose file could not be opened has nothing to show: it goes
 * away rather than leave an empty tab that would save over the file.
 */
static void
rst_page_close_self (RstPage *self)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TAB_VIEW);
  AdwTabPage *tab;

  if (view == NULL || rst_page_get_modified (self))
    return;

  tab = adw_tab_view_get_page (ADW_TAB_VIEW (view), GTK_WIDGET (self));
  if (tab != NULL)
    adw_tab_view_close_page (ADW_TAB_VIEW (view), tab);
}

static void rst_page_load_cb (GObject      *object,
                              GAsyncResult *result,
                              gpointer      user_data);

static void
rst_page_encoding_response (AdwMessageDialog *dialog,
                            const char       *response,
                            RstPage          *self)
{
  GtkDropDown *encodings = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GFile *file = rst_document_get_file (self->document);

  if (file != NULL && g_str_equal (response, "replace"))
    rst_document_load_with_encoding_async (self->document, file, NULL, TRUE, NULL,
                                           rst_page_load_cb, g_object_ref (self));
  else if (file != NULL && g_str_equal (response, "encoding"))
    {
      GSList *all = gtk_source_encoding_get_all ();
      const GtkSourceEncoding *encoding = g_slist_nth_data (all, gtk_drop_down_get_selected (encodings));

      g_slist_free (all);
      rst_document_load_with_encoding_async (self->document, file, encoding, FALSE, NULL,
                                             rst_page_load_cb, g_object_ref (self));
    }
  else
    rst_page_close_self (self);
}

/* GtkSourceFileLoader would guess an encoding silently; the drafter picks
 * one instead, or opens the file with replacement characters.
 */
static void
rst_page_ask_encoding (RstPage *self,
                       GError  *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *title = rst_page_dup_title (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GSList *all = gtk_source_encoding_get_all ();
  guint selected = 0;
  AdwMessageDialog *dialog;
  GtkWidget *encodings;

  for (const GSList *l = all; l != NULL; l = l->next)
    {
      g_autofree char *name = gtk_source_encoding_to_string (l->data);

      /* Statements that are not UTF-8 are most often Windows ones. */
      if (g_strcmp0 (gtk_source_encoding_get_charset (l->data), "WINDOWS-1252") == 0)
        selected = g_slist_position (all, (GSList *)l);
      gtk_string_list_append (names, name);
    }
  g_slist_free (all);

  encodings = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (encodings), selected);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (encodings), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (encodings),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Encoding"), -1);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("“%s” Is Not in UTF-8"), title);
  adw_message_dialog_format_body (dialog,
                                  _("%s Choose the encoding it was written in, or open it with "
                                    "replacement characters (�) in place of what cannot be read."),
                                  error->message);
  adw_message_dialog_set_extra_child (dialog, encodings);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "replace", _("Open With _Replacement Characters"),
                                    "encoding", _("_Open in This Encoding"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "encoding", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "encoding");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rst_page_encoding_response),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rst_page_load_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RstPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;

  if (rst_document_load_finish (RST_DOCUMENT (object), result, &error))
    {
      rst_recent_add (rst_document_get_file (self->document));
      return;
    }

  if (g_error_matches (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8))
    {
      rst_page_ask_encoding (self, error);
      return;
    }

  title = rst_page_dup_title (self);
  if (g_error_matches (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY))
    heading = g_strdup_printf (_("“%s” Is Not a Statement"), title);
  else
    heading = g_strdup_printf (_("Could Not Open “%s”"), title);

  rst_page_show_error (self, heading, error);
  rst_page_close_self (self);
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

/* Saving ------------------------------------------------------------------ */

/* A save may need a file chooser first, and an error may lead to Save As:
 * one task carries the drafter through, and finishes once the text is on
 * disk (TRUE) or the drafter gave up (an error, G_IO_ERROR_CANCELLED when
 * they cancelled a dialog).
 */

static void rst_page_choose_file (GTask *task);

static GtkWindow *
rst_page_get_window (RstPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The files other tabs read from, NULL-terminated: a save never writes
 * over one, which would replace that tab's statement behind its back.
 */
static GPtrArray *
rst_page_dup_protected_files (RstPage *self)
{
  GPtrArray *files = g_ptr_array_new_null_terminated (0, g_object_unref, TRUE);
  GtkWindow *window = rst_page_get_window (self);
  GtkApplication *app = window ? gtk_window_get_application (window) : NULL;
  RstSession *session = RST_IS_APPLICATION (app) ? rst_application_get_session (RST_APPLICATION (app)) : NULL;
  GFile *source = rst_document_get_import_source (self->document);

  /* Nor over the document it was imported from. */
  if (source != NULL)
    g_ptr_array_add (files, g_object_ref (source));

  if (session != NULL)
    {
      g_autoptr(GPtrArray) pages = rst_session_list_pages (session);

      for (guint i = 0; i < pages->len; i++)
        {
          RstPage *page = g_ptr_array_index (pages, i);
          GFile *file = rst_document_get_file (page->document);

          if (page != self && file != NULL)
            g_ptr_array_add (files, g_object_ref (file));
        }
    }

  return files;
}

static void
rst_page_save_failed_response (AdwMessageDialog *dialog,
                               const char       *response,
                               GTask            *task)
{
  GError *error = g_object_steal_data (G_OBJECT (dialog), "rst-error");

  /* Whoever waits for the save (closing, quitting) waits for this one. */
  if (g_str_equal (response, "save-as"))
    {
      g_clear_error (&error);
      rst_page_choose_file (g_object_ref (task));
    }
  else
    g_task_return_error (task, error);
}

/* The old file is untouched (see rst_document_save_async()): say so, and
 * offer to put the text somewhere else.
 */
static void
rst_page_save_failed (GTask  *task,
                      GError *error)
{
  RstPage *self = g_task_get_source_object (task);
  g_autofree char *title = rst_page_dup_title (self);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rst_page_get_window (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Could Not Save “%s”"), title);
  adw_message_dialog_format_body (dialog,
                                  _("%s\n\nThe file on disk was not changed, and your text is kept "
                                    "as a draft. Save it somewhere else?"),
                                  error->message);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save-as", _("_Save As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rst-error", error, (GDestroyNotify)g_error_free);
  g_signal_connect_data (dialog, "response", G_CALLBACK (rst_page_save_failed_response),
                         task, (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rst_page_written_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RstPage *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!rst_document_save_finish (RST_DOCUMENT (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, error);
      else
        rst_page_save_failed (g_steal_pointer (&task), error);
      return;
    }

  rst_recent_add (rst_document_get_file (self->document));
  g_task_return_boolean (task, TRUE);
}

/* Writes to @file (%NULL: the document's own), never over a file that
 * another tab reads from.
 */
static void
rst_page_write (GTask *task,
                GFile *file)
{
  RstPage *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) protect = rst_page_dup_protected_files (self);

  rst_document_save_async (self->document, file, (GFile **)protect->pdata,
                           g_task_get_cancellable (task), rst_page_written_cb, task);
}

static void
rst_page_protected_response (AdwMessageDialog *dialog,
                             const char       *response,
                             GTask            *task)
{
  if (g_str_equal (response, "choose"))
    rst_page_choose_file (g_object_ref (task));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The statement was not saved");
}

/* Save As chose the file another tab has open: the writer would refuse
 * it anyway, but the drafter hears why at once and may choose again.
 */
static gboolean
rst_page_refuse_protected (GTask *task,
                           GFile *file)
{
  RstPage *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) protect = rst_page_dup_protected_files (self);
  GFile *source = rst_document_get_import_source (self->document);
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  gboolean same = FALSE;
  gboolean imported;

  for (guint i = 0; protect->pdata[i] != NULL && !same; i++)
    same = rst_file_is_same (file, protect->pdata[i]);
  if (!same)
    return FALSE;

  imported = source != NULL && rst_file_is_same (file, source);
  name = g_file_get_basename (file);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (rst_page_get_window (self), NULL, NULL));
  if (imported)
    {
      adw_message_dialog_format_heading (dialog, _("“%s” Is the Imported Document"), name);
      adw_message_dialog_set_body (dialog,
                                   _("The statement was imported from it, and Rostrum never writes "
                                     "over the original. Choose another name to save the statement "
                                     "as Markdown."));
    }
  else
    {
      adw_message_dialog_format_heading (dialog, _("“%s” Is Open in Another Tab"), name);
      adw_message_dialog_set_body (dialog,
                                   _("Saving over it would replace the statement of that tab. "
                                     "Choose another name, or save in that tab."));
    }
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "choose", _("_Choose Another Name…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "choose");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (rst_page_protected_response),
                         g_object_ref (task), (GClosureNotify)(void (*) (void))g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
rst_page_choose_file_response (GtkNativeDialog *chooser,
                               int              response,
                               gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (!rst_page_refuse_protected (task, file))
        rst_page_write (g_steal_pointer (&task), file);
    }
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The statement was not saved");

  g_object_unref (chooser);
}

/* Takes the reference of @task. */
static void
rst_page_choose_file (GTask *task)
{
  RstPage *self = g_task_get_source_object (task);
  g_autoptr(GtkFileFilter) filter = rst_file_filter_new_for_statements ();
  GtkFileChooserNative *chooser;
  GFile *source = rst_document_get_import_source (self->document);
  GFile *file;

  chooser = gtk_file_chooser_native_new (_("Save Statement"), rst_page_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  file = rst_document_get_file (self->document);
  if (file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL);
  else if (source != NULL)
    {
      /* An imported statement goes beside its document, as Markdown. */
      g_autoptr(GFile) folder = g_file_get_parent (source);
      g_autofree char *name = rst_display_name_dup_imported (source);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Statement.md"));

  g_signal_connect (chooser, "response", G_CALLBACK (rst_page_choose_file_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * rst_page_save_as_async:
 *
 * Asks where to save, then saves there; see rst_page_save_async().
 */
void
rst_page_save_as_async (RstPage             *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RST_IS_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_page_save_async);
  rst_page_choose_file (task);
}

/**
 * rst_page_save_async:
 *
 * Saves to the document's file, asking for one when it has none yet. A
 * save that fails says why and offers Save As; the task finishes once the
 * text is on disk, or the drafter gave up.
 */
void
rst_page_save_async (RstPage             *self,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (RST_IS_PAGE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_page_save_async);

  if (rst_document_get_file (self->document) == NULL)
    rst_page_choose_file (task);
  else
    rst_page_write (task, NULL);
}

/**
 * rst_page_save_finish:
 *
 * Finishes rst_page_save_async() and rst_page_save_as_async().
 *
 * Returns: whether the text is on disk; %G_IO_ERROR_CANCELLED when the
 *   drafter cancelled
 */
gboolean
rst_page_save_finish (RstPage       *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (RST_IS_PAGE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
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

/* Live checking (ui-live): gutter icons, hover, fixes in the context menu,
 * and the sidebar, whose visibility the drafter's choice in GSettings
 * decides while the window is wide enough for it to sit beside the text.
 */

static void
rst_page_apply_fix_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  RstPage *self = RST_PAGE (widget);
  RstDocumentChecker *checker = rst_document_get_checker (self->document);
  g_autoptr(RstDiagnostic) diagnostic = NULL;
  guint position, fix;

  g_variant_get (param, "(uu)", &position, &fix);
  diagnostic = g_list_model_get_item (rst_document_checker_get_diagnostics (checker), position);
  if (diagnostic != NULL)
    rst_document_checker_apply_fix (checker, diagnostic, fix);
}

/* The context menu offers the fixes of the diagnostics at @iter. */
static void
rst_page_update_fix_menu_at (RstPage           *self,
                             const GtkTextIter *iter)
{
  RstDocumentChecker *checker = rst_document_get_checker (self->document);
  GListModel *diagnostics = rst_document_checker_get_diagnostics (checker);
  g_autoptr(GPtrArray) found = NULL;
  guint n;

  found = rst_document_checker_list_at_iter (checker, iter);

  if (found->len == 0 && g_menu_model_get_n_items (G_MENU_MODEL (self->fix_menu)) == 0)
    return;

  g_menu_remove_all (self->fix_menu);
  n = g_list_model_get_n_items (diagnostics);
  for (guint i = 0; i < found->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (found, i);
      GPtrArray *fixes = rst_diagnostic_get_fixes (diagnostic);
      guint position = G_MAXUINT;

      for (guint k = 0; k < n && position == G_MAXUINT; k++)
        {
          g_autoptr(RstDiagnostic) other = g_list_model_get_item (diagnostics, k);

          if (other == diagnostic)
            position = k;
        }

      for (guint f = 0; fixes != NULL && f < fixes->len && position != G_MAXUINT; f++)
        {
          RstFix *fix = g_ptr_array_index (fixes, f);
          g_autoptr(GMenuItem) item = g_menu_item_new (fix->label ? fix->label : _("Fix"), NULL);

          g_menu_item_set_action_and_target (item, "page.apply-fix", "(uu)", position, f);
          g_menu_append_item (self->fix_menu, item);
        }
    }
}

/* Text typed while a file loads would be mixed into it. */
static void
rst_page_busy_changed (RstPage *self)
{
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->view), !rst_document_get_busy (self->document));
}

/* For the Menu key and Shift+F10: the cursor's place. */
static void
rst_page_update_fix_menu (RstPage *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->document), &iter,
                                    gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (self->document)));
  rst_page_update_fix_menu_at (self, &iter);
}

/* A right click opens the menu where it happened, which is not always
 * where the cursor is; this runs before the view builds its menu.
 */
static void
rst_page_secondary_pressed (GtkGestureClick *gesture,
                            int              n_press,
                            double           x,
                            double           y,
                            RstPage         *self)
{
  GtkTextIter iter;
  int bx, by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         (int)x, (int)y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by))
    rst_page_update_fix_menu_at (self, &iter);
}

gboolean
rst_page_get_sidebar_visible (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), FALSE);

  return adw_flap_get_reveal_flap (self->flap);
}

/**
 * rst_page_set_sidebar_visible:
 *
 * Shows or hides the sidebar as the drafter asked (F9), and remembers it
 * for every page and the next start.
 */
void
rst_page_set_sidebar_visible (RstPage  *self,
                              gboolean  visible)
{
  g_return_if_fail (RST_IS_PAGE (self));

  adw_flap_set_reveal_flap (self->flap, visible);
  g_settings_set_boolean (self->settings, "sidebar-visible", visible);
}

/**
 * rst_page_get_sidebar:
 *
 * Returns: (transfer none): the page's sidebar
 */
RstSidebar *
rst_page_get_sidebar (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  return self->sidebar;
}

/* Beside the text it shows as remembered; folded over a narrow window it
 * shows only when asked, and a swipe or a click beside it closes it
 * without changing what is remembered.
 */
static void
rst_page_sync_sidebar (RstPage *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "sidebar-visible");

  if (adw_flap_get_folded (self->flap))
    {
      if (!wanted)
        adw_flap_set_reveal_flap (self->flap, FALSE);
      return;
    }

  adw_flap_set_reveal_flap (self->flap, wanted);
}

static void
rst_page_folded_changed (RstPage *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    rst_page_sync_sidebar (self);
}

static void
rst_page_reveal_changed (RstPage *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}


/* The whole statement in miniature beside the text, as GNOME Text
 * Editor's overview map, when Preferences say so; made the first time,
 * so that a page without it costs nothing at start-up.
 */
static void
rst_page_sync_map (RstPage *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "show-map");

  if (wanted && self->map == NULL)
    {
      self->map = GTK_SOURCE_MAP (gtk_source_map_new ());
      gtk_source_map_set_view (self->map, self->view);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->map),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview map"), -1);
      gtk_box_append (self->editor_box, GTK_WIDGET (self->map));
    }
  if (self->map != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->map), wanted);
}
static void
rst_page_init_live_check (RstPage *self)
{
  RstDocumentChecker *checker = rst_document_get_checker (self->document);
  g_autoptr(RstHoverProvider) hover = rst_hover_provider_new (checker);

  /* Severity icons in the gutter, in the severity's colour. */
  gtk_source_gutter_insert (gtk_source_view_get_gutter (self->view, GTK_TEXT_WINDOW_LEFT),
                            rst_diagnostic_gutter_new (), 0);

  gtk_source_hover_add_provider (gtk_source_view_get_hover (self->view), GTK_SOURCE_HOVER_PROVIDER (hover));

  self->fix_menu = g_menu_new ();
  {
    GtkGesture *secondary = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (secondary), GTK_PHASE_CAPTURE);
    g_signal_connect_object (secondary, "pressed", G_CALLBACK (rst_page_secondary_pressed), self, G_CONNECT_DEFAULT);
    gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (secondary));
  }
  {
    /* A section of its own under the view's editing items. */
    g_autoptr(GMenu) extra = g_menu_new ();

    g_menu_append_section (extra, NULL, G_MENU_MODEL (self->fix_menu));
    gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), G_MENU_MODEL (extra));
  }
  g_signal_connect_object (self->document, "notify::cursor-position",
                           G_CALLBACK (rst_page_update_fix_menu), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (checker, "checked",
                           G_CALLBACK (rst_page_update_fix_menu), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (APP_ID);
  /* The drafter's pace, hidden hints and delegation, as Preferences say. */
  self->context_settings = rst_context_settings_new (self->settings);
  g_object_bind_property (self->context_settings, "context", checker, "context", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->settings, "changed::show-map",
                           G_CALLBACK (rst_page_sync_map), self, G_CONNECT_SWAPPED);
  rst_page_sync_map (self);
  g_signal_connect_object (self->settings, "changed::sidebar-visible",
                           G_CALLBACK (rst_page_sync_sidebar), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded",
                           G_CALLBACK (rst_page_folded_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (rst_page_reveal_changed), self, G_CONNECT_SWAPPED);
  rst_page_sync_sidebar (self);
}

/* End of live checking */

/* The statement's language in the editor, whatever the desktop's: its
 * direction (Arabic runs right to left, cursor, selection and all), and
 * a word when its spelling dictionary is missing.
 */

static void
rst_page_update_direction (RstPage     *self,
                           RstAnalysis *analysis)
{
  const RstWriting *writing = rst_writing_get (rst_analysis_get_language (analysis));
  GtkTextDirection direction = rst_writing_is_rtl (writing) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;

  if (gtk_widget_get_direction (GTK_WIDGET (self->view)) != direction)
    gtk_widget_set_direction (GTK_WIDGET (self->view), direction);
}

/* A front matter that cannot be read is shown as text, and the banner
 * says why and where (its diagnostic names the line); once it reads
 * again, the drafter moves it back to the Details panel.
 */
static void
rst_page_update_banner (RstPage     *self,
                        RstAnalysis *analysis)
{
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  RstDiagnostic *invalid = NULL;
  g_autofree char *text = NULL;

  if (rst_document_get_details (self->document) != NULL)
    {
      gtk_revealer_set_reveal_child (self->banner, FALSE);
      return;
    }
  /* Not what an analysis of some other text said. */
  if (!rst_document_checker_get_up_to_date (rst_document_get_checker (self->document)))
    return;

  for (guint i = 0; i < diagnostics->len && invalid == NULL; i++)
    if (g_str_equal (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), RST_CODE_FRONT_MATTER_INVALID))
      invalid = g_ptr_array_index (diagnostics, i);

  if (invalid != NULL)
    /* Translators: the diagnostic says the line and what is wrong */
    text = g_strdup_printf (_("%s. The details are shown as text until they can be read."),
                            rst_diagnostic_get_message (invalid));
  else
    text = g_strdup (_("The details at the top of the text can be read again."));

  gtk_label_set_text (self->banner_label, text);
  gtk_widget_set_visible (self->banner_button, invalid == NULL);
  if (invalid != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (gtk_revealer_get_child (self->banner)), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (gtk_revealer_get_child (self->banner)), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "page.take-front-matter", invalid == NULL);
  gtk_revealer_set_reveal_child (self->banner, TRUE);
}

static void
rst_page_analysis_changed (RstPage *self)
{
  RstAnalysis *analysis = rst_document_checker_get_analysis (rst_document_get_checker (self->document));

  if (analysis == NULL)
    return;

  rst_page_update_direction (self, analysis);
  rst_page_update_banner (self, analysis);
}

static void
rst_page_take_front_matter_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *param)
{
  RstPage *self = RST_PAGE (widget);

  if (rst_document_take_front_matter (self->document))
    {
      gtk_revealer_set_reveal_child (self->banner, FALSE);
      rst_sidebar_show_page (self->sidebar, "details");
    }
}

/* Once per dictionary and run: a statement checked again at every
 * keystroke does not say it again.
 */
static void
rst_page_missing_dictionary (RstPage         *self,
                             GParamSpec      *pspec,
                             RstSpellChecker *spell)
{
  static GHashTable *said;
  const char *missing = rst_spell_checker_get_missing_dictionary (spell);
  RstAnalysis *analysis = rst_document_checker_get_analysis (rst_document_get_checker (self->document));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (missing == NULL || !RST_IS_WINDOW (root))
    return;
  if (said == NULL)
    said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (said, g_strdup (missing)))
    return;

  escaped = g_markup_escape_text (analysis != NULL ? rst_writing_get_autonym (rst_writing_get (rst_analysis_get_language (analysis)))
                                                   : missing, -1);
  /* Translators: the language by its own name ("Русский") */
  toast = adw_toast_new_format (_("No spelling dictionary for %s is installed: its spelling is not checked"),
                                escaped);
  adw_toast_set_timeout (toast, 0);
  rst_window_add_toast (RST_WINDOW (root), toast);
}

static void
rst_page_init_writing (RstPage *self)
{
  RstSpellChecker *spell = rst_spell_checker_get_for_view (self->view);

  g_signal_connect_object (rst_document_get_checker (self->document), "checked",
                           G_CALLBACK (rst_page_analysis_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::details",
                           G_CALLBACK (rst_page_analysis_changed), self, G_CONNECT_SWAPPED);
  if (spell != NULL)
    g_signal_connect_object (spell, "notify::missing-dictionary",
                             G_CALLBACK (rst_page_missing_dictionary), self, G_CONNECT_SWAPPED);
}


/**
 * rst_page_get_search_bar:
 *
 * The bar is made the first time it is asked for: most statements are
 * never searched, and its entries and buttons took 3.5 ms of every
 * start-up (tests/bench-startup).
 *
 * Returns: (transfer none): the find and replace bar over the text
 */
RstSearchBar *
rst_page_get_search_bar (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  if (self->search_bar == NULL)
    {
      GtkWidget *bar = rst_search_bar_new ();

      rst_search_bar_set_view (RST_SEARCH_BAR (bar), self->view);
      gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->editor_box))),
                                  bar, GTK_WIDGET (self->banner));
      self->search_bar = RST_SEARCH_BAR (bar);
    }

  return self->search_bar;
}

/* Ctrl+I: the line number to go to, in a popover over the text. */
void
rst_page_begin_go_to_line (RstPage *self)
{
  g_return_if_fail (RST_IS_PAGE (self));

  if (self->goto_line == NULL)
    {
      self->goto_line = rst_goto_line_popover_new (GTK_TEXT_VIEW (self->view));
      gtk_widget_set_parent (GTK_WIDGET (self->goto_line), GTK_WIDGET (self->view));
    }
  rst_goto_line_popup (self->goto_line);
}

/**
 * rst_page_get_go_to_line:
 *
 * Returns: (transfer none) (nullable): the Go to Line popover, once shown
 */
GtkPopover *
rst_page_get_go_to_line (RstPage *self)
{
  g_return_val_if_fail (RST_IS_PAGE (self), NULL);

  return self->goto_line;
}

static void
rst_page_dispose (GObject *object)
{
  RstPage *self = (RstPage *)object;

  if (self->goto_line != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->goto_line));
      self->goto_line = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_PAGE);
  g_clear_object (&self->document);
  g_clear_object (&self->context_settings);
  g_clear_object (&self->settings);
  g_clear_object (&self->fix_menu);

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

    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, rst_page_get_sidebar_visible (self));
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
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);
  g_type_ensure (RST_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RstPage, view);
  gtk_widget_class_bind_template_child (widget_class, RstPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, RstPage, banner);
  gtk_widget_class_bind_template_child (widget_class, RstPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, RstPage, banner_button);
  gtk_widget_class_bind_template_child (widget_class, RstPage, editor_box);

  gtk_widget_class_install_action (widget_class, "page.apply-fix", "(uu)", rst_page_apply_fix_action);
  gtk_widget_class_install_action (widget_class, "page.take-front-matter", NULL, rst_page_take_front_matter_action);
}

static void
rst_page_init (RstPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Not a bound template child: GTK would unparent it behind AdwBin's back
   * when disposing the template.
   */
  self->flap = ADW_FLAP (adw_bin_get_child (ADW_BIN (self)));

  self->document = rst_document_new ();
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->view), GTK_TEXT_BUFFER (self->document));
  /* Tab moves between the {{slots}} a template left. */
  rst_slot_navigator_attach (GTK_TEXT_VIEW (self->view));
  /* Paragraphs, not lines, from a word processor or a web page. */
  rst_rich_paste_attach (GTK_TEXT_VIEW (self->view));
  /* "**" faded outside the cursor's line. */
  rst_markup_dimmer_attach (GTK_TEXT_VIEW (self->view));

  g_signal_connect_object (self->document, "notify::title",
                           G_CALLBACK (rst_page_notify_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "modified-changed",
                           G_CALLBACK (rst_page_modified_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy",
                           G_CALLBACK (rst_page_busy_changed), self, G_CONNECT_SWAPPED);

  rst_page_init_live_check (self);
  /* Font, style scheme, wrapping and spelling from Preferences; after the
   * live check so that the spelling section joins its fixes in the menu.
   */
  rst_view_settings_attach (self->view);
  rst_page_init_writing (self);
}
