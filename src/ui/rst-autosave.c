/* rst-autosave.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-autosave.h"

/* One document's draft, as GNOME Text Editor keeps them: the unsaved text
 * is written to the draft store a few seconds after the drafter pauses,
 * and the draft goes once the text is saved or undone back to the file.
 * The store writes in its own thread, so typing never waits for the disk.
 */

/* However long the drafter types without a pause, a draft is written at
 * least this often.
 */
#define MAX_DRAFT_INTERVAL_USEC (30 * G_USEC_PER_SEC)

struct _RstAutosave
{
  GObject        parent_instance;

  RstDocument   *document;
  RstDraftStore *store;
  GSettings     *settings;

  char          *draft_id;
  guint          source;
  gint64         pending_since;

  /* A draft of the document may be on disk (written or queued). */
  guint          has_draft : 1;
  /* The draft came back after a crash and is the only copy of its text
   * until it is saved to the file or written again: loading the file
   * under it, or undoing it away, must not delete it.
   */
  guint          recovered : 1;
};

G_DEFINE_FINAL_TYPE (RstAutosave, rst_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HAS_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rst_autosave_set_has_draft (RstAutosave *self,
                            gboolean     has_draft)
{
  if (self->has_draft != !!has_draft)
    {
      self->has_draft = !!has_draft;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DRAFT]);
    }
}

static void
rst_autosave_cancel (RstAutosave *self)
{
  g_clear_handle_id (&self->source, g_source_remove);
  self->pending_since = 0;
}

static void
rst_autosave_remove_draft (RstAutosave *self)
{
  if (self->has_draft)
    rst_draft_store_remove_draft (self->store, self->draft_id);
  rst_autosave_set_has_draft (self, FALSE);
}

static void
rst_autosave_write (RstAutosave *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->document);
  g_autoptr(GBytes) contents = NULL;
  char *text;

  rst_autosave_cancel (self);

  if (!gtk_text_buffer_get_modified (buffer) || rst_document_get_busy (self->document))
    return;

  /* A recovered draft holds text; an empty buffer means it did not get
   * in, and writing would destroy the only copy.
   */
  if (self->recovered && gtk_text_buffer_get_char_count (buffer) == 0)
    return;

  /* One copy of the statement, details included, handed to the store's
   * thread.
   */
  text = rst_document_dup_text (self->document);
  contents = g_bytes_new_take (text, strlen (text));
  rst_draft_store_write_draft (self->store, self->draft_id, contents);

  rst_autosave_set_has_draft (self, TRUE);
}

static gboolean
rst_autosave_timeout (gpointer user_data)
{
  RstAutosave *self = user_data;

  self->source = 0;
  rst_autosave_write (self);

  return G_SOURCE_REMOVE;
}

/* Each edit restarts the delay, so the draft is written once the drafter
 * pauses.
 */
static void
rst_autosave_document_changed (RstAutosave *self)
{
  guint delay;
  gint64 now;

  if (rst_document_get_busy (self->document) ||
      !gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    return;

  now = g_get_monotonic_time ();
  if (self->pending_since == 0)
    self->pending_since = now;
  else if (now - self->pending_since > MAX_DRAFT_INTERVAL_USEC && self->source != 0)
    return;

  delay = g_settings_get_uint (self->settings, "autosave-delay");
  g_clear_handle_id (&self->source, g_source_remove);
  self->source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, MAX (delay, 1),
                                             rst_autosave_timeout, self, NULL);
}

static void
rst_autosave_modified_changed (RstAutosave *self)
{
  if (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    {
      rst_autosave_document_changed (self);
      return;
    }

  /* Saved, or undone back to the saved text: the draft has served,
   * unless it is a recovered one that nothing else holds yet.
   */
  rst_autosave_cancel (self);
  if (!self->recovered)
    rst_autosave_remove_draft (self);
}

/* The text is in the file: whatever the draft held is safe. */
static void
rst_autosave_saved (RstAutosave *self)
{
  rst_autosave_cancel (self);
  self->recovered = FALSE;
  if (!gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (self->document)))
    rst_autosave_remove_draft (self);
}

/* The recovered text is on disk again, written from the buffer: from now
 * on the draft follows the buffer like any other.
 */
static void
rst_autosave_draft_written (RstAutosave   *self,
                            const char    *draft_id,
                            RstDraftStore *store)
{
  if (self->recovered && g_strcmp0 (draft_id, self->draft_id) == 0)
    self->recovered = FALSE;
}

/**
 * rst_autosave_new:
 *
 * Keeps @document's unsaved text as a draft in @store, after the
 * "autosave-delay" of @settings.
 */
RstAutosave *
rst_autosave_new (RstDocument   *document,
                  RstDraftStore *store,
                  GSettings     *settings)
{
  RstAutosave *self;

  g_return_val_if_fail (RST_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (RST_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RST_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->draft_id = rst_draft_store_new_draft_id ();

  g_signal_connect_object (document, "changed",
                           G_CALLBACK (rst_autosave_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "modified-changed",
                           G_CALLBACK (rst_autosave_modified_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "saved",
                           G_CALLBACK (rst_autosave_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "draft-written",
                           G_CALLBACK (rst_autosave_draft_written), self, G_CONNECT_SWAPPED);

  return self;
}

/* Returns: the id of the draft that holds the unsaved text */
const char *
rst_autosave_get_draft_id (RstAutosave *self)
{
  g_return_val_if_fail (RST_IS_AUTOSAVE (self), NULL);

  return self->draft_id;
}

/* Whether a draft of the document may be on disk, written or queued. */
gboolean
rst_autosave_has_draft (RstAutosave *self)
{
  g_return_val_if_fail (RST_IS_AUTOSAVE (self), FALSE);

  return self->has_draft;
}

/**
 * rst_autosave_recover:
 * @draft_id: the draft on disk whose text the document is given
 *
 * Takes over a draft left by a run that did not quit normally. It stays
 * on disk as it is, through the load of the file under it, until the
 * text is saved or written again as a draft: a second crash meanwhile
 * still finds it.
 */
void
rst_autosave_recover (RstAutosave *self,
                      const char  *draft_id)
{
  g_return_if_fail (RST_IS_AUTOSAVE (self));
  g_return_if_fail (draft_id != NULL);

  rst_autosave_cancel (self);
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  self->recovered = TRUE;
  rst_autosave_set_has_draft (self, TRUE);
}

/* Writes a pending draft now: before the session file is written for
 * good, and in tests.
 */
void
rst_autosave_flush (RstAutosave *self)
{
  g_return_if_fail (RST_IS_AUTOSAVE (self));

  if (self->source != 0)
    rst_autosave_write (self);
}

/* The document is closed, its text saved or discarded by the drafter. */
void
rst_autosave_discard (RstAutosave *self)
{
  g_return_if_fail (RST_IS_AUTOSAVE (self));

  rst_autosave_cancel (self);
  self->recovered = FALSE;
  rst_autosave_remove_draft (self);
}

static void
rst_autosave_dispose (GObject *object)
{
  RstAutosave *self = (RstAutosave *)object;

  rst_autosave_cancel (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rst_autosave_parent_class)->dispose (object);
}

static void
rst_autosave_finalize (GObject *object)
{
  RstAutosave *self = (RstAutosave *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->draft_id);

  G_OBJECT_CLASS (rst_autosave_parent_class)->finalize (object);
}

static void
rst_autosave_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RstAutosave *self = RST_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_HAS_DRAFT:
      g_value_set_boolean (value, self->has_draft);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_autosave_class_init (RstAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rst_autosave_dispose;
  object_class->finalize = rst_autosave_finalize;
  object_class->get_property = rst_autosave_get_property;

  properties[PROP_HAS_DRAFT] =
    g_param_spec_boolean ("has-draft", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rst_autosave_init (RstAutosave *self)
{
}
