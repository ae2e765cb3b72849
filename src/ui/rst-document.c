/* rst-document.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-document.h"
#include "rst-display-name.h"
#include "rst-document-checker.h"
#include "rst-file-writer.h"
#include "rst-front-matter.h"
#include "rst-text-file.h"

/* The document is the buffer, as in GNOME Text Editor: whatever shows the
 * statement edits this object. A load reads the file once, in a thread,
 * through the one text file reader (regular files only, the one size
 * limit, the one sniffer); a save writes through the one file writer
 * (atomic, regular files only, never over a protected file). The line
 * ends and the encoding the file was read with are kept for its saves,
 * and its last line break stays implicit, as GtkSourceView does.
 *
 * The buffer holds the statement's body only: its front matter (the
 * details) is kept here, apart, and goes back in front of the body
 * whenever the whole statement is needed (saving, drafts, the analysis,
 * through rst_document_dup_text()). A front matter that cannot be read
 * stays in the buffer, as text to fix, until rst_document_take_front_matter().
 *
 * A change of details is one step of the buffer's own undo history, in
 * order with the typing around it: GtkTextHistory records text only and
 * cannot be given entries of ours, so the change is recorded as an edit
 * that changes no text (a marker inserted and deleted at the end in one
 * user action) and the details before and after it are kept on two
 * stacks here. When the history undoes or redoes that edit, the marker
 * comes back into the buffer for an instant, and the document swaps the
 * details. Undo, redo, "modified" and "undone back to the saved file"
 * then work for details exactly as they do for text.
 */

/* Two noncharacters: nothing a drafter types or pastes, never drawn. */
#define DETAILS_MARKER     "\xEF\xB7\x90\xEF\xB7\xAF"   /* U+FDD0 U+FDEF */
#define DETAILS_MARKER_LEN 6

typedef struct
{
  char       *front_matter;
  RstDetails *details;        /* NULL: the buffer holds a front matter */
} DetailsState;

typedef struct
{
  DetailsState before;
  DetailsState after;
} DetailsChange;

typedef enum
{
  REPLAY_NONE,
  REPLAY_UNDO,
  REPLAY_REDO,
} Replay;

struct _RstDocument
{
  GtkSourceBuffer          parent_instance;

  /* The text before the body, as it is written (a front matter, a byte
   * order mark, or ""), and what it says.
   */
  char                    *front_matter;
  RstDetails              *details;
  GQueue                   undo_changes;   /* DetailsChange, newest last */
  GQueue                   redo_changes;   /* DetailsChange, next first */
  Replay                   replay;
  guint                    marking : 1;
  guint                    replayed : 1;

  GFile                   *file;
  /* NULL: UTF-8. */
  const GtkSourceEncoding *encoding;
  GtkSourceNewlineType     newline_type;
  guint                    busy : 1;

  /* The Word, OpenDocument, PDF or web page the statement was imported
   * from: its name until the first save, and never written.
   */
  GFile                   *import_source;

  /* Live checking (ui-live): see rst-document-checker.c */
  RstDocumentChecker      *checker;
};

G_DEFINE_FINAL_TYPE (RstDocument, rst_document, GTK_SOURCE_TYPE_BUFFER)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_DETAILS,
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

  return self->file;
}

/**
 * rst_document_dup_title:
 *
 * Returns: (transfer full): the name to show for the document
 */
char *
rst_document_dup_title (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  if (self->file == NULL && self->import_source != NULL)
    return rst_display_name_dup_imported (self->import_source);
  if (self->file == NULL)
    return g_strdup (_("New Statement"));

  return g_file_get_basename (self->file);
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
  if (file == self->file || (file != NULL && self->file != NULL && g_file_equal (file, self->file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * rst_document_get_import_source:
 *
 * Returns: (transfer none) (nullable): the file the statement was
 *   imported from, which a save must never write over
 */
GFile *
rst_document_get_import_source (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  return self->import_source;
}

/**
 * rst_document_set_import_source:
 * @source: (nullable): the .docx, .odt, .pdf or .html file the text was
 *   imported from
 *
 * Names an unsaved statement after the file it came from ("Statement
 * 2025.docx" is "Statement 2025.md") until it is saved.
 */
void
rst_document_set_import_source (RstDocument *self,
                                GFile       *source)
{
  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (source == NULL || G_IS_FILE (source));

  if (g_set_object (&self->import_source, source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Details ----------------------------------------------------------------- */

static void
details_state_clear (DetailsState *state)
{
  g_clear_pointer (&state->front_matter, g_free);
  g_clear_pointer (&state->details, rst_details_unref);
}

static void
details_change_free (DetailsChange *change)
{
  details_state_clear (&change->before);
  details_state_clear (&change->after);
  g_free (change);
}

static void
clear_changes (GQueue *queue)
{
  g_queue_clear_full (queue, (GDestroyNotify)details_change_free);
}

static void
rst_document_set_state (RstDocument      *self,
                        const char       *front_matter,
                        const RstDetails *details)
{
  gboolean same_details = details == NULL ? self->details == NULL
                        : self->details != NULL && rst_details_equal (details, self->details);

  if (g_strcmp0 (front_matter, self->front_matter) != 0)
    {
      g_free (self->front_matter);
      self->front_matter = g_strdup (front_matter);
      if (self->checker != NULL)
        rst_document_checker_set_front_matter (self->checker, self->front_matter);
    }

  /* Going from raw (NULL) to details that are empty is a change too. */
  if (!same_details)
    {
      g_clear_pointer (&self->details, rst_details_unref);
      self->details = details != NULL ? rst_details_copy (details) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAILS]);
    }
}

static void
details_state_init (DetailsState     *state,
                    const char       *front_matter,
                    const RstDetails *details)
{
  state->front_matter = g_strdup (front_matter);
  state->details = details != NULL ? rst_details_copy (details) : NULL;
}

/* Records @change as an edit of the text history that changes no text;
 * the caller is in a user action, and applies its "after" state.
 */
static void
rst_document_record_change (RstDocument   *self,
                            DetailsChange *change)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter at, end;

  /* At the end: the selection undo restores is then where it was, the
   * marker shifting none of its offsets.
   */
  gtk_text_buffer_get_end_iter (buffer, &at);
  self->marking = TRUE;
  gtk_text_buffer_insert (buffer, &at, DETAILS_MARKER, DETAILS_MARKER_LEN);
  end = at;
  gtk_text_iter_backward_chars (&at, g_utf8_strlen (DETAILS_MARKER, DETAILS_MARKER_LEN));
  gtk_text_buffer_delete (buffer, &at, &end);
  self->marking = FALSE;

  clear_changes (&self->redo_changes);
  g_queue_push_tail (&self->undo_changes, change);
}

/* The history brings a marker back: the edit undone or redone is a
 * change of details.
 */
static void
rst_document_replay_change (RstDocument *self)
{
  DetailsChange *change;

  if (self->replay == REPLAY_UNDO && (change = g_queue_pop_tail (&self->undo_changes)) != NULL)
    {
      rst_document_set_state (self, change->before.front_matter, change->before.details);
      g_queue_push_head (&self->redo_changes, change);
      self->replayed = TRUE;
    }
  else if (self->replay == REPLAY_REDO && (change = g_queue_pop_head (&self->redo_changes)) != NULL)
    {
      rst_document_set_state (self, change->after.front_matter, change->after.details);
      g_queue_push_tail (&self->undo_changes, change);
      self->replayed = TRUE;
    }
}

/* Changes the details and front matter as one step of the undo history,
 * joining the user action the caller may be in.
 */
static void
rst_document_change_state (RstDocument      *self,
                           const char       *front_matter,
                           const RstDetails *details)
{
  DetailsChange *change = g_new0 (DetailsChange, 1);

  details_state_init (&change->before, self->front_matter, self->details);
  details_state_init (&change->after, front_matter, details);

  gtk_text_buffer_begin_user_action (GTK_TEXT_BUFFER (self));
  rst_document_record_change (self, change);
  rst_document_set_state (self, front_matter, details);
  gtk_text_buffer_end_user_action (GTK_TEXT_BUFFER (self));

  /* The gauge, outline and issues follow at once. */
  rst_document_checker_queue_check (self->checker);
}

/**
 * rst_document_get_details:
 *
 * Returns: (transfer none) (nullable): what the statement's front matter
 *   says (empty without one), or %NULL while the buffer holds a front
 *   matter that cannot be read
 */
RstDetails *
rst_document_get_details (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  return self->details;
}

/**
 * rst_document_set_details:
 * @details: what the front matter is to say
 *
 * Writes @details into the front matter (rst_front_matter_replace(): the
 * lines of what did not change stay as written) as one undoable step.
 * The text is checked again, as after an edit.
 */
void
rst_document_set_details (RstDocument *self,
                          RstDetails  *details)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RstDetails) written = NULL;
  g_autofree char *front_matter = NULL;

  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (details != NULL);
  g_return_if_fail (self->details != NULL);

  if (rst_details_equal (details, self->details))
    return;

  front_matter = rst_front_matter_replace (self->front_matter, strlen (self->front_matter), details, &error);
  if (front_matter == NULL)
    {
      /* The document only keeps front matters it could read; one with
       * keys written in a way that cannot be rewritten ("? key") stays
       * as the drafter wrote it.
       */
      if (g_error_matches (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_UNSUPPORTED))
        g_debug ("The details were not written: %s", error->message);
      else
        g_critical ("The details could not be written: %s", error->message);
      return;
    }

  /* What the file will say, read back: the one truth for the panel. */
  written = rst_front_matter_split (front_matter, strlen (front_matter), NULL, NULL);
  rst_document_change_state (self, front_matter, written != NULL ? written : details);
}

/**
 * rst_document_set_detail:
 * @value: (nullable): the new value; %NULL or "" removes the detail
 *
 * Changes one detail; see rst_document_set_details().
 */
void
rst_document_set_detail (RstDocument *self,
                         const char  *key,
                         const char  *value)
{
  g_autoptr(RstDetails) details = NULL;

  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (self->details == NULL)
    return;

  details = rst_details_copy (self->details);
  if (value != NULL && value[0] != '\0')
    rst_details_set (details, key, value);
  else
    rst_details_remove (details, key);
  rst_document_set_details (self, details);
}

/**
 * rst_document_get_front_matter:
 *
 * Returns: (transfer none): the text the statement has before the body
 *   the buffer holds: its front matter as it will be written, a byte
 *   order mark, or ""
 */
const char *
rst_document_get_front_matter (RstDocument *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  return self->front_matter;
}

/**
 * rst_document_dup_text:
 *
 * Returns: (transfer full): the whole statement: its front matter, then
 *   the buffer's text
 */
char *
rst_document_dup_text (RstDocument *self)
{
  GtkTextIter begin, end;
  g_autofree char *body = NULL;

  g_return_val_if_fail (RST_IS_DOCUMENT (self), NULL);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &begin, &end);
  body = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self), &begin, &end, TRUE);

  return g_strconcat (self->front_matter, body, NULL);
}

/**
 * rst_document_set_statement:
 * @text: a whole statement, front matter included
 * @length: its length, or -1
 * @undoable: %FALSE for a new statement (undo does not lead back to what
 *   was there), %TRUE for one step of the undo history (a draft over the
 *   file's text)
 *
 * Replaces the statement: the buffer takes its body, the document its
 * front matter.
 */
void
rst_document_set_statement (RstDocument *self,
                            const char  *text,
                            gssize       length,
                            gboolean     undoable)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(RstDetails) details = NULL;
  g_autofree char *front_matter = NULL;
  GtkTextIter begin, end;
  gsize body;

  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  if (length < 0)
    length = strlen (text);

  details = rst_front_matter_split (text, length, &front_matter, &body);

  if (!undoable)
    {
      clear_changes (&self->undo_changes);
      clear_changes (&self->redo_changes);
      rst_document_set_state (self, front_matter, details);
      gtk_text_buffer_begin_irreversible_action (buffer);
      gtk_text_buffer_set_text (buffer, text + body, length - body);
      gtk_text_buffer_end_irreversible_action (buffer);
      return;
    }

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  gtk_text_buffer_delete (buffer, &begin, &end);
  gtk_text_buffer_insert (buffer, &begin, text + body, length - body);
  if (g_strcmp0 (front_matter, self->front_matter) != 0 ||
      (details == NULL) != (self->details == NULL))
    rst_document_change_state (self, front_matter, details);
  gtk_text_buffer_end_user_action (buffer);
}

/**
 * rst_document_take_front_matter:
 *
 * For a statement opened with a front matter that could not be read, once
 * it can: takes it out of the buffer and into the details, as one
 * undoable step.
 *
 * Returns: whether the document now has its details apart; %FALSE when
 *   the front matter at the top of the buffer still cannot be read
 */
gboolean
rst_document_take_front_matter (RstDocument *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  g_autoptr(RstDetails) details = NULL;
  g_autofree char *text = NULL;
  g_autofree char *front_matter = NULL;
  GtkTextIter begin, end;
  gsize body;
  gsize length;

  g_return_val_if_fail (RST_IS_DOCUMENT (self), FALSE);

  if (self->details != NULL)
    return TRUE;

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  text = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
  length = strlen (text);
  details = rst_front_matter_split (text, length, &front_matter, &body);
  if (details == NULL)
    return FALSE;

  /* Nothing to take: the drafter deleted it. */
  if (body == 0)
    {
      rst_document_change_state (self, self->front_matter, details);
      return TRUE;
    }

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, g_utf8_strlen (text, body));
  gtk_text_buffer_delete (buffer, &begin, &end);
  rst_document_change_state (self, front_matter, details);
  gtk_text_buffer_end_user_action (buffer);

  return TRUE;
}

/* Any edit that is not the history's own ends what redo could bring
 * back, in the history and here alike.
 */
static void
rst_document_insert_text (GtkTextBuffer *buffer,
                          GtkTextIter   *iter,
                          const char    *text,
                          int            length)
{
  RstDocument *self = RST_DOCUMENT (buffer);

  if (self->replay != REPLAY_NONE && !self->marking &&
      length == DETAILS_MARKER_LEN && memcmp (text, DETAILS_MARKER, DETAILS_MARKER_LEN) == 0)
    rst_document_replay_change (self);
  else if (self->replay == REPLAY_NONE && !self->marking)
    clear_changes (&self->redo_changes);

  GTK_TEXT_BUFFER_CLASS (rst_document_parent_class)->insert_text (buffer, iter, text, length);
}

static void
rst_document_delete_range (GtkTextBuffer *buffer,
                           GtkTextIter   *start,
                           GtkTextIter   *end)
{
  RstDocument *self = RST_DOCUMENT (buffer);

  if (self->replay == REPLAY_NONE && !self->marking)
    clear_changes (&self->redo_changes);

  GTK_TEXT_BUFFER_CLASS (rst_document_parent_class)->delete_range (buffer, start, end);
}

static void
rst_document_undo (GtkTextBuffer *buffer)
{
  RstDocument *self = RST_DOCUMENT (buffer);

  self->replay = REPLAY_UNDO;
  self->replayed = FALSE;
  GTK_TEXT_BUFFER_CLASS (rst_document_parent_class)->undo (buffer);
  self->replay = REPLAY_NONE;
  if (self->replayed)
    rst_document_checker_queue_check (self->checker);
}

static void
rst_document_redo (GtkTextBuffer *buffer)
{
  RstDocument *self = RST_DOCUMENT (buffer);

  self->replay = REPLAY_REDO;
  self->replayed = FALSE;
  GTK_TEXT_BUFFER_CLASS (rst_document_parent_class)->redo (buffer);
  self->replay = REPLAY_NONE;
  if (self->replayed)
    rst_document_checker_queue_check (self->checker);
}

/* Loading ---------------------------------------------------------------- */

/* What a load needs between its steps. */
typedef struct
{
  GFile                   *file;
  /* NULL: UTF-8 only, invalid input is an error. */
  const GtkSourceEncoding *encoding;
  /* Invalid bytes become U+FFFD instead of failing the load. */
  gboolean                 replace_invalid;

  /* The statement, its last line break taken off, and where its body
   * starts after the front matter the document keeps apart.
   */
  char                    *text;
  gsize                    length;
  char                    *front_matter;
  RstDetails              *details;
  gsize                    body;
  GtkSourceNewlineType     newline_type;
  /* The text differs from the file: U+FFFD took the place of bytes. */
  gboolean                 replaced;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data->text);
  g_free (data->front_matter);
  g_clear_pointer (&data->details, rst_details_unref);
  g_free (data);
}

/* The first line break tells the file's line ends, as GtkSourceView
 * decides.
 */
static GtkSourceNewlineType
detect_newline_type (const char *text,
                     gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '\n')
        return GTK_SOURCE_NEWLINE_TYPE_LF;
      if (*p == '\r')
        return p + 1 < end && p[1] == '\n' ? GTK_SOURCE_NEWLINE_TYPE_CR_LF : GTK_SOURCE_NEWLINE_TYPE_CR;
    }

  return GTK_SOURCE_NEWLINE_TYPE_LF;
}

static gsize
strip_last_line_break (const char *text,
                       gsize       length)
{
  if (length >= 2 && text[length - 2] == '\r' && text[length - 1] == '\n')
    return length - 2;
  if (length >= 1 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
    return length - 1;
  return length;
}

/* Runs in a worker thread: a 16 MB statement is read and checked without
 * blocking the window. A statement that is not UTF-8 is opened only the
 * way the drafter chose: in an encoding, or with replacement characters.
 */
static void
rst_document_load_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *converted = NULL;
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
      converted = g_utf8_make_valid (contents, length);
      data->replaced = TRUE;
      break;

    case RST_TEXT_KIND_UTF8:
    default:
      break;
    }

  if (data->encoding != NULL && data->encoding != gtk_source_encoding_get_utf8 ())
    {
      gsize written = 0;

      converted = g_convert (contents, length, "UTF-8",
                             gtk_source_encoding_get_charset (data->encoding),
                             NULL, &written, &error);
      if (converted == NULL || !g_utf8_validate_len (converted, written, NULL))
        {
          g_autofree char *name = gtk_source_encoding_to_string (data->encoding);

          g_task_return_new_error (task, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                                   _("The file cannot be read as %s."), name);
          return;
        }
    }

  if (converted != NULL)
    {
      length = strlen (converted);
      data->text = g_steal_pointer (&converted);
    }
  else
    data->text = g_strndup (contents, length);

  data->newline_type = detect_newline_type (data->text, length);
  data->length = strip_last_line_break (data->text, length);
  data->details = rst_front_matter_split (data->text, data->length, &data->front_matter, &data->body);
  g_task_return_boolean (task, TRUE);
}

static void
rst_document_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RstDocument *self = RST_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  LoadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self);
  GtkTextIter begin;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      rst_document_set_busy (self, FALSE);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->encoding = data->encoding;
  self->newline_type = data->newline_type;

  /* Not undoable: undo never leads back to the text before the load. */
  clear_changes (&self->undo_changes);
  clear_changes (&self->redo_changes);
  rst_document_set_state (self, data->front_matter, data->details);
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, data->text + data->body, data->length - data->body);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_start_iter (buffer, &begin);
  gtk_text_buffer_select_range (buffer, &begin, &begin);
  /* With U+FFFD in place of what was not UTF-8 the text differs from the
   * file, so the document starts out modified.
   */
  gtk_text_buffer_set_modified (buffer, data->replaced);

  rst_document_set_busy (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

/**
 * rst_document_load_with_encoding_async:
 * @file: the statement to read
 * @encoding: (nullable): the encoding the file is in, or %NULL for UTF-8
 * @replace_invalid: with a %NULL @encoding, read bytes that are not UTF-8
 *   as U+FFFD REPLACEMENT CHARACTER instead of failing
 *
 * Replaces the contents with @file, read once with rst_text_file_read():
 * a device, a FIFO or a file over %RST_TEXT_FILE_MAX_SIZE fails without
 * being read. The load is not undoable, and the document takes @file as
 * its location even if loading fails, so that the caller can offer to
 * retry; the text stays as it was then. A file with a NUL byte fails with
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
  g_autoptr(GTask) read = NULL;
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

  read = g_task_new (self, cancellable, rst_document_loaded_cb, g_steal_pointer (&task));
  g_task_set_task_data (read, data, NULL);
  g_task_run_in_thread (read, rst_document_load_thread);
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

/* Saving ----------------------------------------------------------------- */

/* What a save needs in its thread. */
typedef struct
{
  GFile                   *file;
  GPtrArray               *protect;
  char                    *text;
  const GtkSourceEncoding *encoding;
  GtkSourceNewlineType     newline_type;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->protect, g_ptr_array_unref);
  g_free (data->text);
  g_free (data);
}

static const char *
newline_for (GtkSourceNewlineType type)
{
  switch (type)
    {
    case GTK_SOURCE_NEWLINE_TYPE_CR:
      return "\r";
    case GTK_SOURCE_NEWLINE_TYPE_CR_LF:
      return "\r\n";
    case GTK_SOURCE_NEWLINE_TYPE_LF:
    default:
      return "\n";
    }
}

/* Every line break becomes the file's own, and the implicit last one is
 * written out.
 */
static GString *
with_line_breaks (const char           *text,
                  GtkSourceNewlineType  type)
{
  const char *newline = newline_for (type);
  GString *out = g_string_sized_new (strlen (text) + 64);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] == '\n')
            p++;
          g_string_append (out, newline);
        }
      else if (*p == '\n')
        g_string_append (out, newline);
      else
        g_string_append_c (out, *p);
    }

  if (out->len > 0)
    g_string_append (out, newline);

  return out;
}

static void
rst_document_save_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GString) text = with_line_breaks (data->text, data->newline_type);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;

  if (data->encoding != NULL && data->encoding != gtk_source_encoding_get_utf8 ())
    {
      gsize written = 0;
      char *converted = g_convert (text->str, text->len,
                                   gtk_source_encoding_get_charset (data->encoding), "UTF-8",
                                   NULL, &written, NULL);

      if (converted == NULL)
        {
          g_autofree char *name = gtk_source_encoding_to_string (data->encoding);

          g_task_return_new_error (task, G_CONVERT_ERROR, G_CONVERT_ERROR_ILLEGAL_SEQUENCE,
                                   _("The text holds characters that %s cannot keep; save it as UTF-8."),
                                   name);
          return;
        }
      bytes = g_bytes_new_take (converted, written);
    }
  else
    {
      gsize length = text->len;

      bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&text), FALSE), length);
    }

  if (rst_file_write_bytes (data->file, bytes, RST_FILE_WRITE_REPLACE,
                            data->protect ? (GFile **)data->protect->pdata : NULL,
                            cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
rst_document_saved_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  RstDocument *self = RST_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  rst_document_set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rst_document_set_location (self, data->file);
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (self), FALSE);
  g_signal_emit (self, signals[SAVED], 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * rst_document_save_async:
 * @file: (nullable): where to save, or %NULL for the document's location
 * @protect: (nullable) (array zero-terminated=1): files that must not be
 *   written over, compared by device and inode (the files other tabs
 *   read from)
 *
 * Saves with the encoding and line ends the file was read with, through
 * #RstFileWriter: the text goes to a temporary file beside @file, which
 * is renamed over it once complete, so a save that fails (a read-only
 * folder, a full disk, a folder that was deleted, a device, a protected
 * file) leaves the old file byte for byte as it was. The document's
 * location changes only once the save succeeded.
 */
void
rst_document_save_async (RstDocument         *self,
                         GFile               *file,
                         GFile              **protect,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) write = NULL;
  GtkTextIter begin, end;
  SaveData *data;

  g_return_if_fail (RST_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_document_save_async);

  if (file == NULL)
    file = self->file;

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
  /* The front matter goes back in front of the body. With no body, its
   * line break is the file's last one, which saving writes out anyway.
   */
  data->text = rst_document_dup_text (self);
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self), &begin, &end);
  if (gtk_text_iter_equal (&begin, &end))
    data->text[strip_last_line_break (data->text, strlen (data->text))] = '\0';
  data->encoding = self->encoding;
  data->newline_type = self->newline_type;
  if (protect != NULL && protect[0] != NULL)
    {
      data->protect = g_ptr_array_new_null_terminated (0, g_object_unref, TRUE);
      for (guint i = 0; protect[i] != NULL; i++)
        g_ptr_array_add (data->protect, g_object_ref (protect[i]));
    }
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);

  write = g_task_new (self, cancellable, rst_document_saved_cb, g_steal_pointer (&task));
  g_task_set_task_data (write, data, NULL);
  g_task_run_in_thread (write, rst_document_save_thread);
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
  rst_document_checker_set_front_matter (RST_DOCUMENT (object)->checker,
                                         RST_DOCUMENT (object)->front_matter);
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

  g_clear_object (&self->file);
  g_clear_object (&self->import_source);
  g_free (self->front_matter);
  g_clear_pointer (&self->details, rst_details_unref);
  clear_changes (&self->undo_changes);
  clear_changes (&self->redo_changes);

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

    case PROP_DETAILS:
      g_value_set_boxed (value, self->details);
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
  buffer_class->insert_text = rst_document_insert_text;
  buffer_class->delete_range = rst_document_delete_range;
  buffer_class->undo = rst_document_undo;
  buffer_class->redo = rst_document_redo;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RstDocument:details:
   *
   * What the front matter says, or %NULL while the buffer holds a front
   * matter that cannot be read.
   */
  properties[PROP_DETAILS] =
    g_param_spec_boxed ("details", NULL, NULL, RST_TYPE_DETAILS,
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
  self->newline_type = GTK_SOURCE_NEWLINE_TYPE_LF;
  self->front_matter = g_strdup ("");
  self->details = rst_details_new ();
  g_queue_init (&self->undo_changes);
  g_queue_init (&self->redo_changes);
  gtk_source_buffer_set_highlight_matching_brackets (GTK_SOURCE_BUFFER (self), FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (self), TRUE);
}
