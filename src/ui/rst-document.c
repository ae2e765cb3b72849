/* rst-document.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-document.h"
#include "rst-document-checker.h"

/* The document is the buffer, as in GNOME Text Editor: whatever shows the
 * statement edits this object, and loading and saving go through
 * GtkSourceFile so that encoding, line endings and atomic replacement are
 * handled by the platform.
 */
struct _RstDocument
{
  GtkSourceBuffer  parent_instance;
  GtkSourceFile   *source_file;
  guint            busy : 1;

  /* Live checking (ui-live): see rst-document-checker.c */
  RstDocumentChecker *checker;
};

G_DEFINE_FINAL_TYPE (RstDocument, rst_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_FILE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

RstDocument *
rst_document_new (void)
{
  return g_object_new (RST_TYPE_DOCUMENT, NULL);
}

/**
 * rst_document_get_file:
 *
 * Returns: (transfer none) (nullable): where the document is saved, or
 *   %NULL for a document never saved
 */
GFile *
rst_document_get_file (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  return gtk_source_file_get_location (self->source_file);
}

/**
 * rst_document_dup_title:
 *
 * Returns: (transfer full): the name to show for the document
 */
char *
rst_document_dup_title (RstDocument *self)
{
  GFile *file;

  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  file = rst_document_get_file (self);
  if (file == NULL)
    return g_strdup (_("New Statement"));

  return g_file_get_basename (file);
}

gboolean
rst_document_get_busy (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), FALSE);

  return self->busy;
}

static void
rst_document_set_busy (RstDocument *self,
                       gboolean     busy)
{
  if (self->busy != !!busy)
    {
      self->busy = !!busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
rst_document_set_location (RstDocument *self,
                           GFile       *file)
{
  if (file == rst_document_get_file (self))
    return;

  gtk_source_file_set_location (self->source_file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

static void
rst_document_load_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GtkSourceFileLoader *loader = (GtkSourceFileLoader *)object;
  g_autoptr(GTask) task = user_data;
  RstDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GtkTextIter begin;

  rst_document_set_busy (self, FALSE);

  if (!gtk_source_file_loader_load_finish (loader, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &begin);
  gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self), &begin, &begin);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);

  g_task_return_boolean (task, TRUE);
}

/**
 * rst_document_load_async:
 * @file: the statement to read
 *
 * Replaces the contents with @file. The load is not undoable, and the
 * document takes @file as its location even if loading fails, so that the
 * caller can offer to retry.
 */
void
rst_document_load_async (RstDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_document_load_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The document is busy"));
      return;
    }

  rst_document_set_location (self, file);
  rst_document_set_busy (self, TRUE);

  loader = gtk_source_file_loader_new (GTK_SOURCE_BUFFER (self), self->source_file);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, cancellable,
                                     NULL, NULL, NULL,
                                     rst_document_load_cb,
                                     g_steal_pointer (&task));
}

gboolean
rst_document_load_finish (RstDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
rst_document_save_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GtkSourceFileSaver *saver = (GtkSourceFileSaver *)object;
  g_autoptr(GTask) task = user_data;
  RstDocument *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  rst_document_set_busy (self, FALSE);

  if (!gtk_source_file_saver_save_finish (saver, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rst_document_set_location (self, gtk_source_file_saver_get_location (saver));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_task_return_boolean (task, TRUE);
}

/**
 * rst_document_save_async:
 * @file: (nullable): where to save, or %NULL for the document's location
 *
 * Saves through GtkSourceFileSaver, which writes a temporary file and
 * renames it over the target, so a failed save leaves the old file as it
 * was. The document's location changes only once the save succeeded.
 */
void
rst_document_save_async (RstDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GtkSourceFileSaver) saver = NULL;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_document_save_async);

  if (file == NULL)
    file = rst_document_get_file (self);

  if (file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                               _("The document has no file name yet"));
      return;
    }

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The document is busy"));
      return;
    }

  rst_document_set_busy (self, TRUE);

  saver = gtk_source_file_saver_new_with_target (GTK_SOURCE_BUFFER (self),
                                                 self->source_file, file);
  /* A file changed on disk since it was loaded is overwritten only after
   * the drafter chose to save; the window asks before calling us.
   */
  gtk_source_file_saver_set_flags (saver, GTK_SOURCE_FILE_SAVER_FLAGS_IGNORE_MODIFICATION_TIME);
  gtk_source_file_saver_save_async (saver, G_PRIORITY_DEFAULT, cancellable,
                                    NULL, NULL, NULL,
                                    rst_document_save_cb,
                                    g_steal_pointer (&task));
}

gboolean
rst_document_save_finish (RstDocument   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
rst_document_modified_changed (GtkTextBuffer *buffer)
{
  g_object_notify_by_pspec (G_OBJECT (buffer), properties[PROP_TITLE]);
}

static void
rst_document_constructed (GObject *object)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();

  G_OBJECT_CLASS (rst_document_parent_class)->constructed (object);

  /* Set rather than guessed: GtkSourceView's Markdown claims *.md too.
   * Not in init: the buffer's tag table only exists once constructed.
   */
  gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (object),
                                  gtk_source_language_manager_get_language (languages, "rostrum-statement"));

  /* Live checking (ui-live): its tags join the table created above. */
  RST_DOCUMENT (object)->checker = rst_document_checker_new (GTK_SOURCE_BUFFER (object));
}

/* Live checking (ui-live) */

/**
 * rst_document_get_checker:
 *
 * Returns: (transfer none): what keeps the document's diagnostics,
 *   outline and speaking time current
 */
RstDocumentChecker *
rst_document_get_checker (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  return self->checker;
}

static void
rst_document_dispose (GObject *object)
{
  RstDocument *self = (RstDocument *)object;

  g_clear_object (&self->checker);

  G_OBJECT_CLASS (rst_document_parent_class)->dispose (object);
}

/* End of live checking */

static void
rst_document_finalize (GObject *object)
{
  RstDocument *self = (RstDocument *)object;

  g_clear_object (&self->source_file);

  G_OBJECT_CLASS (rst_document_parent_class)->finalize (object);
}

static void
rst_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RstDocument *self = RST_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_FILE:
      g_value_set_object (value, rst_document_get_file (self));
      break;

    case PROP_TITLE:
      g_value_take_string (value, rst_document_dup_title (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_document_class_init (RstDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkTextBufferClass *buffer_class = GTK_TEXT_BUFFER_CLASS (klass);

  object_class->constructed = rst_document_constructed;
  object_class->dispose = rst_document_dispose;
  object_class->finalize = rst_document_finalize;
  object_class->get_property = rst_document_get_property;

  buffer_class->modified_changed = rst_document_modified_changed;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rst_document_init (RstDocument *self)
{
  self->source_file = gtk_source_file_new ();
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self), FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), TRUE);
}
