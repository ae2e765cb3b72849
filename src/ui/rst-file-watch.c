/* rst-file-watch.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-file-watch.h"

/* Notices what other programs do to a document's file: deleting or moving
 * it ("missing"), or writing it ("changed-outside"). The drafter's text
 * is never touched here; whoever shows the document decides what to say.
 * The file's entity tag tells another program's write from our own save,
 * which changes it too.
 */
struct _RstFileWatch
{
  GObject       parent_instance;

  RstDocument  *document;
  GFileMonitor *monitor;
  char         *etag;
  guint         missing : 1;
};

G_DEFINE_FINAL_TYPE (RstFileWatch, rst_file_watch, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MISSING,
  N_PROPS
};

enum {
  CHANGED_OUTSIDE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
rst_file_watch_query_etag (GFile    *file,
                           gboolean *exists)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  *exists = info != NULL;
  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
rst_file_watch_set_missing (RstFileWatch *self,
                            gboolean      missing)
{
  if (self->missing != !!missing)
    {
      self->missing = !!missing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING]);
    }
}

static void
rst_file_watch_monitor_changed (RstFileWatch      *self,
                                GFile             *file,
                                GFile             *other_file,
                                GFileMonitorEvent  event)
{
  GFile *location = rst_document_get_file (self->document);
  g_autofree char *etag = NULL;
  gboolean exists;

  /* Our own saves and loads are no outside change. */
  if (location == NULL || rst_document_get_busy (self->document))
    return;

  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED || event == G_FILE_MONITOR_EVENT_CHANGED)
    return;

  etag = rst_file_watch_query_etag (location, &exists);
  rst_file_watch_set_missing (self, !exists);
  if (!exists || g_strcmp0 (etag, self->etag) == 0)
    return;

  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);
  g_signal_emit (self, signals[CHANGED_OUTSIDE], 0);
}

static void
rst_file_watch_stop (RstFileWatch *self)
{
  if (self->monitor != NULL)
    {
      g_file_monitor_cancel (self->monitor);
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_clear_object (&self->monitor);
    }
  g_clear_pointer (&self->etag, g_free);
}

/* A new location: watch that file instead. */
static void
rst_file_watch_file_changed (RstFileWatch *self)
{
  GFile *location = rst_document_get_file (self->document);
  gboolean exists = FALSE;

  rst_file_watch_stop (self);
  if (location == NULL)
    return;

  self->etag = rst_file_watch_query_etag (location, &exists);
  self->monitor = g_file_monitor_file (location, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed",
                             G_CALLBACK (rst_file_watch_monitor_changed), self, G_CONNECT_SWAPPED);
}

/* A load or save just finished: what is on disk is what we know now. */
static void
rst_file_watch_busy_changed (RstFileWatch *self)
{
  GFile *location = rst_document_get_file (self->document);
  gboolean exists = FALSE;

  if (rst_document_get_busy (self->document) || location == NULL)
    return;

  g_free (self->etag);
  self->etag = rst_file_watch_query_etag (location, &exists);
  rst_file_watch_set_missing (self, !exists);
}

RstFileWatch *
rst_file_watch_new (RstDocument *document)
{
  RstFileWatch *self;

  g_return_val_if_fail (RST_IS_DOCUMENT (document), NULL);

  self = g_object_new (RST_TYPE_FILE_WATCH, NULL);
  self->document = g_object_ref (document);

  g_signal_connect_object (document, "notify::file",
                           G_CALLBACK (rst_file_watch_file_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::busy",
                           G_CALLBACK (rst_file_watch_busy_changed), self, G_CONNECT_SWAPPED);
  rst_file_watch_file_changed (self);

  return self;
}

/* Whether the file was deleted or moved away since it was last read or
 * written.
 */
gboolean
rst_file_watch_get_missing (RstFileWatch *self)
{
  g_return_val_if_fail (RST_IS_FILE_WATCH (self), FALSE);

  return self->missing;
}

static void
rst_file_watch_dispose (GObject *object)
{
  RstFileWatch *self = (RstFileWatch *)object;

  rst_file_watch_stop (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (rst_file_watch_parent_class)->dispose (object);
}

static void
rst_file_watch_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RstFileWatch *self = RST_FILE_WATCH (object);

  switch (prop_id)
    {
    case PROP_MISSING:
      g_value_set_boolean (value, self->missing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_file_watch_class_init (RstFileWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rst_file_watch_dispose;
  object_class->get_property = rst_file_watch_get_property;

  properties[PROP_MISSING] =
    g_param_spec_boolean ("missing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RstFileWatch::changed-outside:
   *
   * Another program wrote the file: what is on disk is no longer what
   * the document read or saved.
   */
  signals[CHANGED_OUTSIDE] =
    g_signal_new ("changed-outside", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rst_file_watch_init (RstFileWatch *self)
{
}
