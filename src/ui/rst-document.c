/* rst-document.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rst-document.h"
#include "rst-document-checker.h"
#include "rst-text-file.h"

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

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

/* What a load needs between its steps. */
typedef struct
{
  GFile                   *file;
  /* NULL: UTF-8 only, invalid input is an error. */
  const GtkSourceEncoding *encoding;
  /* Invalid bytes become U+FFFD instead of failing the load. */
  gboolean                 replace_invalid;
  GBytes                  *contents;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->contents, g_bytes_unref);
  g_free (data);
}

/* Runs in a worker thread: a 20 MB statement is read and checked without
 * blocking the window, regular files only and within the one size limit
 * (a FIFO or /dev/zero would never end). GtkSourceFileLoader would
 * silently fall back to another encoding; a statement that is not UTF-8
 * must be opened only the way the drafter chose.
 */
static void
rst_document_check_contents (GTask        *task,
                             gpointer      source_object,
                             gpointer      task_data,
                             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *contents;
  gsize length = 0;
  gsize where = 0;

  bytes = rst_text_file_read (data->file, RST_TEXT_FILE_MAX_SIZE, cancellable, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  contents = g_bytes_get_data (bytes, &length);

  switch (rst_text_sniff (contents, length, &where))
    {
    case RST_TEXT_KIND_BINARY:
      g_task_return_new_error (task, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_BINARY,
                               _("This is a binary file, not a statement."));
      return;

    case RST_TEXT_KIND_NOT_UTF8:
      if (data->encoding != NULL)
        break;
      if (!data->replace_invalid)
        {
          g_task_return_new_error (task, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8,
                                   _("Line %u is not valid UTF-8: the file was written in another encoding."),
                                   rst_text_count_lines (contents, where));
          return;
        }

      {
        char *valid = g_utf8_make_valid (contents, length);
        data->contents = g_bytes_new_take (valid, strlen (valid));
      }
      break;

    case RST_TEXT_KIND_UTF8:
    default:
      break;
    }

  g_task_return_boolean (task, TRUE);
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

static void
rst_document_checked_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  RstDocument *self = RST_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GtkSourceFileLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  GSList candidates = { NULL, NULL };
  GCancellable *cancellable;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      rst_document_set_busy (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The bytes with U+FFFD in place of what was not UTF-8: the text now
   * differs from the file, so the document starts out modified.
   */
  if (data->contents != NULL)
    {
      GtkTextIter begin;

      gtk_text_buffer_begin_irreversible_action (GTK_TEXT_BUFFER (self));
      gtk_text_buffer_set_text (GTK_TEXT_BUFFER (self),
                                g_bytes_get_data (data->contents, NULL),
                                g_bytes_get_size (data->contents));
      gtk_text_buffer_end_irreversible_action (GTK_TEXT_BUFFER (self));
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self), &begin);
      gtk_text_buffer_select_range (GTK_TEXT_BUFFER (self), &begin, &begin);
      gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), TRUE);
      rst_document_set_busy (self, FALSE);
      g_task_return_boolean (task, TRUE);
      return;
    }

  candidates.data = (gpointer)(data->encoding ? data->encoding : gtk_source_encoding_get_utf8 ());
  loader = gtk_source_file_loader_new (GTK_SOURCE_BUFFER (self), self->source_file);
  gtk_source_file_loader_set_candidate_encodings (loader, &candidates);
  cancellable = g_task_get_cancellable (task);
  gtk_source_file_loader_load_async (loader, G_PRIORITY_DEFAULT, cancellable,
                                     NULL, NULL, NULL,
                                     rst_document_load_cb,
                                     g_steal_pointer (&task));
}

/**
 * rst_document_load_with_encoding_async:
 * @file: the statement to read
 * @encoding: (nullable): the encoding the file is in, or %NULL for UTF-8
 * @replace_invalid: with a %NULL @encoding, read bytes that are not UTF-8
 *   as U+FFFD REPLACEMENT CHARACTER instead of failing
 *
 * Replaces the contents with @file. The load is not undoable, and the
 * document takes @file as its location even if loading fails, so that the
 * caller can offer to retry. A file with a NUL byte fails with
 * %RST_TEXT_FILE_ERROR_BINARY; without @encoding or @replace_invalid, one
 * that is not UTF-8 fails with %RST_TEXT_FILE_ERROR_INVALID_UTF8.
 */
void
rst_document_load_with_encoding_async (RstDocument             *self,
                                       GFile                   *file,
                                       const GtkSourceEncoding *encoding,
                                       gboolean                 replace_invalid,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) check = NULL;
  LoadData *data;

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

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->encoding = encoding;
  data->replace_invalid = !!replace_invalid;
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);

  check = g_task_new (self, cancellable, rst_document_checked_cb, g_steal_pointer (&task));
  g_task_set_task_data (check, data, NULL);
  g_task_run_in_thread (check, rst_document_check_contents);
}

/**
 * rst_document_load_async:
 * @file: the statement to read
 *
 * Loads @file as UTF-8; see rst_document_load_with_encoding_async().
 */
void
rst_document_load_async (RstDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  rst_document_load_with_encoding_async (self, file, NULL, FALSE, cancellable, callback, user_data);
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

/* What a save needs between its steps. */
typedef struct
{
  /* Where the drafter asked to save. */
  GFile *file;
  /* The file actually replaced: @file, or where @file links to. */
  GFile *target;
  /* The new text, next to @target until it is renamed over it. */
  GFile *temporary;
  /* Where the document was before, kept if the save fails. */
  GFile *previous;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_object (&data->target);
  g_clear_object (&data->temporary);
  g_clear_object (&data->previous);
  g_free (data);
}

static void
rst_document_save_failed (RstDocument *self,
                          GTask       *task,
                          GError      *error)
{
  SaveData *data = g_task_get_task_data (task);

  if (data->temporary != NULL)
    g_file_delete (data->temporary, NULL, NULL);
  /* The saver moved the location to the temporary file. */
  gtk_source_file_set_location (self->source_file, data->previous);
  rst_document_set_busy (self, FALSE);
  g_task_return_error (task, error);
}

static void
rst_document_save_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GtkSourceFileSaver *saver = (GtkSourceFileSaver *)object;
  g_autoptr(GTask) task = user_data;
  RstDocument *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!gtk_source_file_saver_save_finish (saver, result, &error))
    {
      rst_document_save_failed (self, task, g_steal_pointer (&error));
      return;
    }

  /* rename(2): the old file is replaced in one step, or not at all. */
  if (data->temporary != NULL &&
      !g_file_move (data->temporary, data->target,
                    G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &error))
    {
      rst_document_save_failed (self, task, g_steal_pointer (&error));
      return;
    }

  g_clear_object (&data->temporary);
  /* The saver pointed the location at the temporary file and marked the
   * buffer unmodified meanwhile: tell everybody about the real name.
   */
  gtk_source_file_set_location (self->source_file, data->file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  rst_document_set_busy (self, FALSE);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_signal_emit (self, signals[SAVED], 0);
  g_task_return_boolean (task, TRUE);
}

/* Runs in a worker thread: finds the file to replace and creates the
 * temporary file beside it. A folder nobody may write to fails here,
 * before anything touched the old file.
 */
static void
rst_document_prepare_save (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder_path = NULL;
  g_autofree char *template = NULL;
  g_autofree char *basename = NULL;
  guint32 mode = 0644;
  int fd;

  data->target = g_object_ref (data->file);

  /* Saving over a link replaces what it points to, not the link. */
  info = g_file_query_info (data->file,
                            G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                            G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                            G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, NULL);
  if (info != NULL && g_file_info_get_is_symlink (info))
    {
      g_autoptr(GFile) parent = g_file_get_parent (data->file);
      const char *link = g_file_info_get_symlink_target (info);

      if (parent != NULL && link != NULL)
        {
          g_autoptr(GFile) resolved = g_file_resolve_relative_path (parent, link);
          g_set_object (&data->target, resolved);
        }
    }
  g_clear_object (&info);

  /* Only local files get the temporary file; GVfs does its own replace. */
  folder = g_file_get_parent (data->target);
  folder_path = folder ? g_file_get_path (folder) : NULL;
  if (folder_path == NULL || g_file_peek_path (data->target) == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  info = g_file_query_info (data->target, G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;

  basename = g_file_get_basename (data->target);
  template = g_strdup_printf ("%s/.%s.XXXXXX", folder_path, basename);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder_path);

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not write in the folder “%s”: %s"),
                               display, g_strerror (saved_errno));
      return;
    }
  /* mkstemp's mode went through the umask; the old file's mode wins. */
  if (fchmod (fd, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", basename, g_strerror (errno));
  close (fd);

  data->temporary = g_file_new_for_path (template);
  g_task_return_boolean (task, TRUE);
}

static void
rst_document_prepared_cb (GObject      *object,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  RstDocument *self = RST_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GtkSourceFileSaver) saver = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      rst_document_save_failed (self, task, g_steal_pointer (&error));
      return;
    }

  saver = gtk_source_file_saver_new_with_target (GTK_SOURCE_BUFFER (self), self->source_file,
                                                 data->temporary ? data->temporary : data->target);
  /* A file changed on disk since it was loaded is overwritten only after
   * the drafter chose to save; the window asks before calling us.
   */
  gtk_source_file_saver_set_flags (saver, GTK_SOURCE_FILE_SAVER_FLAGS_IGNORE_MODIFICATION_TIME);
  cancellable = g_task_get_cancellable (task);
  gtk_source_file_saver_save_async (saver, G_PRIORITY_DEFAULT, cancellable,
                                    NULL, NULL, NULL,
                                    rst_document_save_cb,
                                    g_steal_pointer (&task));
}

/**
 * rst_document_save_async:
 * @file: (nullable): where to save, or %NULL for the document's location
 *
 * Saves with the encoding and line endings the file was read with. The
 * text goes to a temporary file beside @file, which is renamed over
 * @file once it is complete: a save that fails (a read-only folder, a
 * full disk, a folder that was deleted) leaves the old file byte for byte
 * as it was. The document's location changes only once the save
 * succeeded.
 */
void
rst_document_save_async (RstDocument         *self,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  SaveData *data;

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

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  g_set_object (&data->previous, rst_document_get_file (self));
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  prepare = g_task_new (self, cancellable, rst_document_prepared_cb, g_steal_pointer (&task));
  g_task_set_task_data (prepare, data, NULL);
  g_task_run_in_thread (prepare, rst_document_prepare_save);
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

  /* A check still running in a thread holds the checker: let go of the
   * buffer's marks and signals now, not when that thread is done.
   */
  if (self->checker != NULL)
    g_object_run_dispose (G_OBJECT (self->checker));
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

  /**
   * RstDocument::saved:
   *
   * The text is in the document's file now. Unlike the modified flag
   * turning off, which a load or an undo does too, only a save emits it:
   * the session deletes a draft once its text is safely on disk.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rst_document_init (RstDocument *self)
{
  self->source_file = gtk_source_file_new ();
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self), FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), TRUE);
}
