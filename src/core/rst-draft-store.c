/* rst-draft-store.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rst-draft-store.h"
#include "rst-key-file.h"
#include "rst-text-file.h"

/* Drafts and the session file, as GNOME Text Editor keeps them: every
 * unsaved text is a file in DIRECTORY/drafts, and DIRECTORY/session.ini
 * says which tabs were open and which draft each one has.
 *
 * Every write goes through one worker thread, in the order asked, so that
 * typing never waits for the disk and a draft removed after a save can
 * never be brought back by a write that was still queued. Each file is
 * written to a temporary file, synced and renamed over the old one
 * (G_FILE_SET_CONTENTS_CONSISTENT): a crash leaves the old draft or the
 * new one, never half of one.
 */

/* Beside a draft that is not valid UTF-8: its bytes as they were. */
#define UNREADABLE_SUFFIX ".unreadable"
#define MAX_BACKUPS       100

#define SESSION_GROUP   "session"
#define SESSION_VERSION 1

struct _RstDraftStore
{
  GObject       parent_instance;

  char         *directory;
  char         *drafts_directory;
  char         *session_path;

  GThreadPool  *worker;
  GMainContext *main_context;

  GMutex        mutex;
  GCond         cond;
  guint         pending;

  /* Drafts of the tabs past RST_SESSION_MAX_TABS in the session file last
   * read: not opened, but never removed as orphans either.
   */
  GHashTable   *ignored_drafts;
};

G_DEFINE_FINAL_TYPE (RstDraftStore, rst_draft_store, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (RstSessionTab, rst_session_tab, rst_session_tab_copy, rst_session_tab_free)

enum {
  DRAFT_WRITTEN,
  WRITE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  OP_WRITE,
  OP_REMOVE,
} OpKind;

typedef struct
{
  RstDraftStore *self;
  OpKind         kind;
  char          *id;
  char          *path;
  GBytes        *contents;
  char          *error_message;
} Op;

static void
op_free (Op *op)
{
  g_clear_object (&op->self);
  g_free (op->id);
  g_free (op->path);
  g_clear_pointer (&op->contents, g_bytes_unref);
  g_free (op->error_message);
  g_free (op);
}

RstSessionTab *
rst_session_tab_new (const char *draft_id,
                     const char *uri,
                     guint       window,
                     gboolean    selected,
                     gboolean    modified)
{
  RstSessionTab *tab = g_new0 (RstSessionTab, 1);

  tab->draft_id = g_strdup (draft_id);
  tab->uri = g_strdup (uri);
  tab->window = window;
  tab->selected = !!selected;
  tab->modified = !!modified;

  return tab;
}

RstSessionTab *
rst_session_tab_copy (const RstSessionTab *tab)
{
  RstSessionTab *copy = rst_session_tab_new (tab->draft_id, tab->uri, tab->window, tab->selected, tab->modified);

  copy->imported_from = g_strdup (tab->imported_from);
  return copy;
}

void
rst_session_tab_free (RstSessionTab *tab)
{
  if (tab == NULL)
    return;

  g_free (tab->draft_id);
  g_free (tab->uri);
  g_free (tab->imported_from);
  g_free (tab);
}

/* Draft ids come back from the session file, which anybody could edit:
 * only plain names may become paths.
 */
static gboolean
draft_id_is_valid (const char *draft_id)
{
  if (draft_id == NULL || draft_id[0] == '\0' || strlen (draft_id) > 64)
    return FALSE;

  for (const char *p = draft_id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;

  return TRUE;
}

/**
 * rst_draft_store_new:
 * @directory: (nullable): the folder for drafts and the session file, or
 *   %NULL for `$XDG_DATA_HOME/rostrum`
 */
RstDraftStore *
rst_draft_store_new (const char *directory)
{
  RstDraftStore *self = g_object_new (RST_TYPE_DRAFT_STORE, NULL);

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), "rostrum", NULL);

  self->drafts_directory = g_build_filename (self->directory, "drafts", NULL);
  self->session_path = g_build_filename (self->directory, "session.ini", NULL);

  return self;
}

const char *
rst_draft_store_get_directory (RstDraftStore *self)
{
  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);

  return self->directory;
}

/**
 * rst_draft_store_dup_draft_path:
 *
 * Returns: (transfer full) (nullable): the file of the draft, or %NULL
 *   when @draft_id is not a draft id
 */
char *
rst_draft_store_dup_draft_path (RstDraftStore *self,
                                const char    *draft_id)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);

  if (!draft_id_is_valid (draft_id))
    return NULL;

  name = g_strconcat (draft_id, ".md", NULL);
  return g_build_filename (self->drafts_directory, name, NULL);
}

char *
rst_draft_store_new_draft_id (void)
{
  return g_uuid_string_random ();
}

static gboolean
rst_draft_store_op_done (gpointer user_data)
{
  Op *op = user_data;

  if (op->error_message != NULL)
    g_signal_emit (op->self, signals[WRITE_FAILED], 0, op->id, op->error_message);
  else if (op->kind == OP_WRITE && op->id != NULL)
    g_signal_emit (op->self, signals[DRAFT_WRITTEN], 0, op->id);

  return G_SOURCE_REMOVE;
}

static void
rst_draft_store_run (gpointer data,
                     gpointer user_data)
{
  Op *op = data;
  RstDraftStore *self = op->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_path_get_dirname (op->path);

  switch (op->kind)
    {
    case OP_WRITE:
      {
        gsize size = 0;
        const char *bytes = g_bytes_get_data (op->contents, &size);

        if (g_mkdir_with_parents (folder, 0700) != 0)
          {
            int saved_errno = errno;
            g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                         _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
          }
        else
          g_file_set_contents_full (op->path, bytes, size,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error);
      }
      break;

    case OP_REMOVE:
      if (g_unlink (op->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s", g_strerror (saved_errno));
        }
      break;

    default:
      g_assert_not_reached ();
    }

  if (error != NULL)
    op->error_message = g_strdup (error->message);

  g_main_context_invoke_full (self->main_context, G_PRIORITY_DEFAULT,
                              rst_draft_store_op_done, op, (GDestroyNotify)op_free);

  g_mutex_lock (&self->mutex);
  self->pending--;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

static void
rst_draft_store_push (RstDraftStore *self,
                      OpKind         kind,
                      const char    *id,
                      char          *path,
                      GBytes        *contents)
{
  Op *op = g_new0 (Op, 1);

  op->self = g_object_ref (self);
  op->kind = kind;
  op->id = g_strdup (id);
  op->path = path;
  op->contents = contents ? g_bytes_ref (contents) : NULL;

  g_mutex_lock (&self->mutex);
  self->pending++;
  g_mutex_unlock (&self->mutex);

  g_thread_pool_push (self->worker, op, NULL);
}

/**
 * rst_draft_store_write_draft:
 * @contents: the whole text of the document
 *
 * Queues a write of the draft; returns at once. #RstDraftStore::draft-written
 * or #RstDraftStore::write-failed tells how it went.
 */
void
rst_draft_store_write_draft (RstDraftStore *self,
                             const char    *draft_id,
                             GBytes        *contents)
{
  char *path;

  g_return_if_fail (RST_IS_DRAFT_STORE (self));
  g_return_if_fail (contents != NULL);

  path = rst_draft_store_dup_draft_path (self, draft_id);
  g_return_if_fail (path != NULL);

  rst_draft_store_push (self, OP_WRITE, draft_id, path, contents);
}

/* Queued behind any write of the same draft that is still pending. */
void
rst_draft_store_remove_draft (RstDraftStore *self,
                              const char    *draft_id)
{
  char *path;

  g_return_if_fail (RST_IS_DRAFT_STORE (self));

  path = rst_draft_store_dup_draft_path (self, draft_id);
  if (path != NULL)
    rst_draft_store_push (self, OP_REMOVE, draft_id, path, NULL);
}

/**
 * rst_draft_store_read_draft:
 *
 * Reads a draft as it is on disk now; call rst_draft_store_flush() first
 * to see writes still queued.
 *
 * Returns: (transfer full) (nullable): the text of the draft
 */
GBytes *
rst_draft_store_read_draft (RstDraftStore  *self,
                            const char     *draft_id,
                            GError        **error)
{
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);

  path = rst_draft_store_dup_draft_path (self, draft_id);
  if (path == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” is not a draft"), draft_id ? draft_id : "");
      return NULL;
    }

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

/* Keeps the bytes of @path under a name of their own before anything
 * writes the draft again: a hard link, which needs no room on a full
 * disk and keeps the old bytes however the draft is replaced, else a
 * copy. A backup left by an earlier start with the same bytes is reused.
 */
static char *
rst_draft_store_keep_backup (const char  *path,
                             GBytes      *bytes,
                             GError     **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  for (guint i = 0; i < MAX_BACKUPS; i++)
    {
      g_autofree char *backup = NULL;
      g_autofree char *existing = NULL;
      gsize existing_length = 0;

      if (i == 0)
        backup = g_strconcat (path, UNREADABLE_SUFFIX, NULL);
      else
        backup = g_strdup_printf ("%s.%u" UNREADABLE_SUFFIX, path, i);

      if (link (path, backup) == 0)
        return g_steal_pointer (&backup);

      if (errno == EEXIST)
        {
          if (g_file_get_contents (backup, &existing, &existing_length, NULL) &&
              existing_length == length && memcmp (existing, data, length) == 0)
            return g_steal_pointer (&backup);
          continue;
        }

      /* No hard links here (or the draft went away): a copy of the bytes
       * read, which a new file may hold only if none is there yet.
       */
      if (g_file_test (backup, G_FILE_TEST_EXISTS))
        continue;
      if (!g_file_set_contents_full (backup, data, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return NULL;
      return g_steal_pointer (&backup);
    }

  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
               _("Too many copies of unreadable drafts in “%s”"), path);
  return NULL;
}

/**
 * rst_draft_store_recover_draft:
 * @backup_path: (out) (optional) (transfer full) (nullable): where the
 *   draft's original bytes are kept when they were not valid UTF-8
 *
 * Reads a draft to put back into a tab after a crash. A draft is only
 * ever what the buffer held, but a disk error or another program can
 * leave bytes that are not UTF-8, which no text buffer takes: those come
 * back with U+FFFD REPLACEMENT CHARACTER in place of what cannot be
 * read, and the bytes as they were are kept first in a file beside the
 * draft (`<draft>.unreadable`), which nothing in Rostrum removes or
 * writes over. If that copy cannot be made, the draft is not recovered
 * and stays as it is.
 *
 * Returns: (transfer full) (nullable): the text, valid UTF-8 without
 *   NUL, or %NULL with @error set
 */
GBytes *
rst_draft_store_recover_draft (RstDraftStore  *self,
                               const char     *draft_id,
                               char          **backup_path,
                               GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *backup = NULL;
  const char *data;
  gsize length = 0;
  char *valid;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);

  if (backup_path != NULL)
    *backup_path = NULL;

  path = rst_draft_store_dup_draft_path (self, draft_id);
  if (path == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("“%s” is not a draft"), draft_id ? draft_id : "");
      return NULL;
    }

  /* Regular files of a statement's size only: a draft replaced by a FIFO
   * or a device must not hang the start.
   */
  file = g_file_new_for_path (path);
  bytes = rst_text_file_read (file, RST_TEXT_FILE_MAX_SIZE, NULL, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  /* With a length, a NUL byte fails too, as GtkTextBuffer wants. */
  if (g_utf8_validate_len (data, length, NULL))
    return g_steal_pointer (&bytes);

  backup = rst_draft_store_keep_backup (path, bytes, error);
  if (backup == NULL)
    return NULL;

  valid = g_utf8_make_valid (data, length);
  if (backup_path != NULL)
    *backup_path = g_steal_pointer (&backup);

  return g_bytes_new_take (valid, strlen (valid));
}

/**
 * rst_draft_store_list_drafts:
 *
 * Returns: (transfer full): the ids of the drafts on disk, sorted
 */
char **
rst_draft_store_list_drafts (RstDraftStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GDir) dir = NULL;
  char **ids;
  const char *name;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);

  dir = g_dir_open (self->drafts_directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;

      if (!g_str_has_suffix (name, ".md"))
        continue;

      id = g_strndup (name, strlen (name) - 3);
      if (draft_id_is_valid (id))
        g_strv_builder_add (builder, id);
    }

  ids = g_strv_builder_end (builder);
  /* Sorted so that listings do not depend on the file system's order. */
  for (guint i = 1; ids[0] != NULL && ids[i] != NULL; i++)
    for (guint j = i; j > 0 && strcmp (ids[j - 1], ids[j]) > 0; j--)
      {
        char *swap = ids[j];
        ids[j] = ids[j - 1];
        ids[j - 1] = swap;
      }

  return ids;
}

/**
 * rst_draft_store_write_session:
 * @tabs: (element-type RstSessionTab): the open tabs, window by window
 * @clean_exit: %FALSE while the application runs, %TRUE once it quit
 *
 * Queues a write of the session file behind the drafts already queued,
 * so that the file never names a draft before the draft is on disk.
 * A session left with @clean_exit %FALSE means the application did not
 * quit normally: the next start recovers its drafts.
 */
void
rst_draft_store_write_session (RstDraftStore *self,
                               GPtrArray     *tabs,
                               gboolean       clean_exit)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) contents = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_if_fail (RST_IS_DRAFT_STORE (self));
  g_return_if_fail (tabs != NULL);

  g_key_file_set_integer (key_file, SESSION_GROUP, "version", SESSION_VERSION);
  g_key_file_set_boolean (key_file, SESSION_GROUP, "clean-exit", clean_exit);
  g_key_file_set_integer (key_file, SESSION_GROUP, "tabs", tabs->len);

  for (guint i = 0; i < tabs->len; i++)
    {
      const RstSessionTab *tab = g_ptr_array_index (tabs, i);
      g_autofree char *group = g_strdup_printf ("tab %u", i);

      g_key_file_set_integer (key_file, group, "window", tab->window);
      g_key_file_set_boolean (key_file, group, "selected", tab->selected);
      g_key_file_set_boolean (key_file, group, "modified", tab->modified);
      if (tab->uri != NULL)
        g_key_file_set_string (key_file, group, "uri", tab->uri);
      if (tab->draft_id != NULL)
        g_key_file_set_string (key_file, group, "draft", tab->draft_id);
      /* A URI escapes all that a key file would: written as it is. */
      if (tab->imported_from != NULL && g_uri_is_valid (tab->imported_from, G_URI_FLAGS_NONE, NULL))
        g_key_file_set_value (key_file, group, "imported-from", tab->imported_from);
    }

  data = g_key_file_to_data (key_file, &length, NULL);
  contents = g_bytes_new_take (g_steal_pointer (&data), length);
  rst_draft_store_push (self, OP_WRITE, NULL, g_strdup (self->session_path), contents);
}

/**
 * rst_draft_store_read_session:
 * @clean_exit: (out) (optional): whether the last run quit normally
 *
 * Reads the session file. No session file is no error: it gives no tabs
 * and a clean exit. The file is read only if it is a regular file of a
 * session file's size, and at most %RST_SESSION_MAX_TABS tabs come back
 * (with a warning when it names more).
 *
 * Returns: (transfer container) (element-type RstSessionTab): the tabs
 */
GPtrArray *
rst_draft_store_read_session (RstDraftStore  *self,
                              gboolean       *clean_exit,
                              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  const char *data;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);

  if (clean_exit != NULL)
    *clean_exit = TRUE;
  g_hash_table_remove_all (self->ignored_drafts);

  /* Regular files of a session file's size only: a FIFO or /dev/zero put
   * in its place must not hang the start.
   */
  file = g_file_new_for_path (self->session_path);
  bytes = rst_text_file_read (file, RST_SESSION_MAX_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Cannot read the session file “%s”: %s"), self->session_path, local_error->message);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  return rst_draft_store_parse_session (self, data, length, clean_exit, error);
}

/**
 * rst_draft_store_parse_session:
 * @data: the contents of a session file, at most %RST_SESSION_MAX_SIZE
 *   bytes (as rst_draft_store_read_session() reads it)
 * @clean_exit: (out) (optional): whether the last run quit normally
 *
 * What rst_draft_store_read_session() does once the file is read, apart
 * from the disk so that it can be tested (and fuzzed) from bytes: at most
 * %RST_SESSION_MAX_TABS tabs come back, and the drafts of the tabs left
 * out are remembered so that rst_draft_store_remove_orphans() keeps them.
 *
 * Returns: (transfer container) (element-type RstSessionTab): the tabs,
 *   or %NULL with @error when @data is not a key file
 */
GPtrArray *
rst_draft_store_parse_session (RstDraftStore  *self,
                               const char     *data,
                               gsize           length,
                               gboolean       *clean_exit,
                               GError        **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  gboolean clean = TRUE;
  int n_tabs;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (clean_exit != NULL)
    *clean_exit = TRUE;
  g_hash_table_remove_all (self->ignored_drafts);

  if (length > RST_SESSION_MAX_SIZE)
    {
      g_set_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_TOO_LARGE,
                   _("The session file is too large to be one"));
      return NULL;
    }

  if (!g_key_file_load_from_data (key_file, data != NULL ? data : "", length, G_KEY_FILE_NONE, &local_error))
    {
      /* GKeyFile quotes the line it could not read, bytes as they are:
       * the message goes to the log, so it must be UTF-8.
       */
      g_autofree char *message = g_utf8_make_valid (local_error->message, -1);

      g_set_error_literal (error, local_error->domain, local_error->code, message);
      return NULL;
    }

  if (g_key_file_has_key (key_file, SESSION_GROUP, "clean-exit", NULL))
    clean = g_key_file_get_boolean (key_file, SESSION_GROUP, "clean-exit", NULL);
  /* A session file without the flag was cut short: recover what it names. */
  else
    clean = FALSE;

  /* Every count read here is capped, never looped up to: "tabs" says how
   * many tab groups to look for, at most RST_SESSION_MAX_TABS of them.
   */
  n_tabs = g_key_file_get_integer (key_file, SESSION_GROUP, "tabs", NULL);
  n_tabs = MAX (n_tabs, 0);
  if (n_tabs > RST_SESSION_MAX_TABS)
    g_warning ("The session file names %d tabs; only the first %d are opened again",
               n_tabs, RST_SESSION_MAX_TABS);

  for (int i = 0; i < MIN (n_tabs, RST_SESSION_MAX_TABS); i++)
    {
      g_autofree char *group = g_strdup_printf ("tab %d", i);
      g_autofree char *uri = NULL;
      g_autofree char *draft_id = NULL;
      RstSessionTab *tab;
      int window;

      if (!g_key_file_has_group (key_file, group))
        continue;

      uri = rst_key_file_get_string (key_file, group, "uri");
      draft_id = rst_key_file_get_string (key_file, group, "draft");
      if (draft_id != NULL && !draft_id_is_valid (draft_id))
        g_clear_pointer (&draft_id, g_free);
      if (uri == NULL && draft_id == NULL)
        continue;

      /* A window per tab at most. */
      window = g_key_file_get_integer (key_file, group, "window", NULL);
      window = CLAMP (window, 0, RST_SESSION_MAX_TABS - 1);
      tab = rst_session_tab_new (draft_id, uri, window,
                                 g_key_file_get_boolean (key_file, group, "selected", NULL),
                                 g_key_file_get_boolean (key_file, group, "modified", NULL));
      /* Only a name: the document is never read again from here. Read
       * as it was written, and kept only if it still is a URI.
       */
      if (uri == NULL)
        {
          tab->imported_from = g_key_file_get_value (key_file, group, "imported-from", NULL);
          if (tab->imported_from != NULL && !g_uri_is_valid (tab->imported_from, G_URI_FLAGS_NONE, NULL))
            g_clear_pointer (&tab->imported_from, g_free);
        }
      g_ptr_array_add (tabs, tab);
    }

  /* The unsaved text of tabs past the cap stays on disk: the groups the
   * file really holds are few, however large "tabs" claims to be.
   */
  groups = g_key_file_get_groups (key_file, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autofree char *draft_id = NULL;
      guint64 index;

      if (!g_str_has_prefix (groups[i], "tab ") ||
          !g_ascii_string_to_unsigned (groups[i] + 4, 10, 0, G_MAXINT, &index, NULL) ||
          index < (guint64) MIN (n_tabs, RST_SESSION_MAX_TABS))
        continue;

      draft_id = rst_key_file_get_string (key_file, groups[i], "draft");
      if (draft_id_is_valid (draft_id))
        g_hash_table_add (self->ignored_drafts, g_steal_pointer (&draft_id));
    }

  if (clean_exit != NULL)
    *clean_exit = clean;

  return g_steal_pointer (&tabs);
}

/**
 * rst_draft_store_remove_orphans:
 * @tabs: (element-type RstSessionTab): the tabs whose drafts to keep
 *
 * Removes every draft no tab in @tabs names: drafts of documents that were
 * saved or discarded while a removal could not reach the disk. Drafts of
 * the tabs that the last rst_draft_store_read_session() left out, past
 * %RST_SESSION_MAX_TABS, are kept.
 */
void
rst_draft_store_remove_orphans (RstDraftStore *self,
                                GPtrArray     *tabs)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (RST_IS_DRAFT_STORE (self));
  g_return_if_fail (tabs != NULL);

  ids = rst_draft_store_list_drafts (self);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gboolean used = FALSE;

      used = g_hash_table_contains (self->ignored_drafts, ids[i]);
      for (guint j = 0; j < tabs->len && !used; j++)
        used = g_strcmp0 (((RstSessionTab *)g_ptr_array_index (tabs, j))->draft_id, ids[i]) == 0;

      if (!used)
        rst_draft_store_remove_draft (self, ids[i]);
    }
}

/* Blocks until every queued write and removal reached the disk: at quit,
 * and in tests. The signals about them are dispatched later, from the
 * main context.
 */
void
rst_draft_store_flush (RstDraftStore *self)
{
  g_return_if_fail (RST_IS_DRAFT_STORE (self));

  g_mutex_lock (&self->mutex);
  while (self->pending > 0)
    g_cond_wait (&self->cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
}

guint
rst_draft_store_get_pending (RstDraftStore *self)
{
  guint pending;

  g_return_val_if_fail (RST_IS_DRAFT_STORE (self), 0);

  g_mutex_lock (&self->mutex);
  pending = self->pending;
  g_mutex_unlock (&self->mutex);

  return pending;
}

static void
rst_draft_store_finalize (GObject *object)
{
  RstDraftStore *self = (RstDraftStore *)object;

  /* Queued operations hold a reference, so the worker is idle here. */
  g_thread_pool_free (self->worker, FALSE, TRUE);
  g_main_context_unref (self->main_context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->directory);
  g_free (self->drafts_directory);
  g_free (self->session_path);
  g_hash_table_unref (self->ignored_drafts);

  G_OBJECT_CLASS (rst_draft_store_parent_class)->finalize (object);
}

static void
rst_draft_store_class_init (RstDraftStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_draft_store_finalize;

  /**
   * RstDraftStore::draft-written:
   * @draft_id: the draft now on disk
   */
  signals[DRAFT_WRITTEN] =
    g_signal_new ("draft-written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * RstDraftStore::write-failed:
   * @draft_id: (nullable): the draft, or %NULL for the session file
   * @message: what went wrong, for the drafter
   */
  signals[WRITE_FAILED] =
    g_signal_new ("write-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
rst_draft_store_init (RstDraftStore *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  self->main_context = g_main_context_ref_thread_default ();
  self->ignored_drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* One thread: operations run one after the other, in order. */
  self->worker = g_thread_pool_new (rst_draft_store_run, NULL, 1, FALSE, NULL);
}
