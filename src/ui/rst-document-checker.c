/* rst-document-checker.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-document-checker.h"
#include "rst-structure-tags.h"

/* Keeps the analysis of a buffer current while the drafter types, as
 * libide's diagnostics manager does in GNOME Builder: every change bumps a
 * stamp and (re)arms a short timer; when the text rests, a snapshot is
 * analysed in a worker thread (rst_analysis_new(), never more than one at
 * a time), and the result is published only if the buffer has not changed
 * since the snapshot. The checker does no checking of its own: it
 * schedules the analysis and shows it. Published diagnostics are anchored
 * with text marks, so that what the sidebar, the hover and the underlines
 * point at moves with the text until the next result replaces it: a stale
 * diagnostic never points at the wrong words.
 *
 * The statement analysed is the document's front matter, which the buffer
 * does not hold, then the buffer's text. Every offset of an analysis is
 * turned into a place in the buffer in one place, offset_to_iter(), which
 * takes the front matter off; others reach it through
 * rst_document_checker_get_iter_at_offset().
 */

typedef struct
{
  GtkTextMark *begin;
  GtkTextMark *end;
} Anchor;

struct _RstDocumentChecker
{
  GObject          parent_instance;

  GtkSourceBuffer *buffer;
  gulong           changed_handler;
  gulong           busy_handler;
  gulong           scheme_handler;

  GListStore      *diagnostics;
  GListStore      *outline;
  /* RstDiagnostic or RstOutlineItem → Anchor */
  GHashTable      *anchors;
  RstAnalysis     *analysis;
  /* What the analysis needs beyond the text; replaced, never changed,
   * since a worker may be reading it.
   */
  RstAnalysisContext *context;
  GCancellable    *cancellable;
  /* What the statement has before the buffer's text, and, for the
   * analysis published, how long it was and where its end is.
   */
  char            *front_matter;
  gsize            analysis_front_matter;
  guint            front_matter_line;
  guint            front_matter_column;

  GtkTextTag      *tags[3];
  /* The heading, salutations, priorities and closing, coloured. */
  RstStructureTags *structure;

  guint64          stamp;
  guint64          checked_stamp;
  guint64          run;
  gint64           last_change;
  guint            timeout_id;
  gint64           last_apply_usec;


  guint            running : 1;
  guint            up_to_date : 1;
};

G_DEFINE_FINAL_TYPE (RstDocumentChecker, rst_document_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ANALYSIS,
  PROP_UP_TO_DATE,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  CHECKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *tag_names[] = { "diagnostic-info", "diagnostic-warning", "diagnostic-error" };
static const char *style_ids[] = { "rostrum:diagnostic-info", "rostrum:diagnostic-warning", "rostrum:diagnostic-error" };
static const char *mark_categories[] = {
  RST_DOCUMENT_CHECKER_MARK_INFO, RST_DOCUMENT_CHECKER_MARK_WARNING, RST_DOCUMENT_CHECKER_MARK_ERROR,
};

/* Longer diagnostics are underlined on their first paragraph only. */
#define RST_LONG_RANGE_CHARS 400

static void rst_document_checker_schedule (RstDocumentChecker *self);
static void rst_document_checker_set_up_to_date (RstDocumentChecker *self,
                                                 gboolean            up_to_date);


/* The work a thread does on a snapshot. */

typedef struct
{
  char               *text;
  gsize               length;
  /* The part of @text that is the front matter, not the buffer's. */
  gsize               front_matter;
  guint64             stamp;
  guint64             run;
  RstAnalysisContext *context;
} Snapshot;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->text);
  g_clear_pointer (&snapshot->context, rst_analysis_context_unref);
  g_free (snapshot);
}

static void
analyse_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Snapshot *snapshot = task_data;

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task,
                         rst_analysis_new (snapshot->text, snapshot->length, snapshot->context),
                         g_object_unref);
}

/* Anchors */

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;
  GtkTextBuffer *buffer = gtk_text_mark_get_buffer (anchor->begin);

  if (buffer != NULL)
    {
      gtk_text_buffer_delete_mark (buffer, anchor->begin);
      gtk_text_buffer_delete_mark (buffer, anchor->end);
    }
  g_object_unref (anchor->begin);
  g_object_unref (anchor->end);
  g_free (anchor);
}

static void
anchor_add (RstDocumentChecker *self,
            gpointer            item,
            const GtkTextIter  *begin,
            const GtkTextIter  *end)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  Anchor *anchor = g_new0 (Anchor, 1);

  /* Text typed at either edge stays outside the range, as with the tags. */
  anchor->begin = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, begin, FALSE));
  anchor->end = g_object_ref (gtk_text_buffer_create_mark (buffer, NULL, end, TRUE));
  g_hash_table_insert (self->anchors, g_object_ref (item), anchor);
}

/* Where the analysis' front matter ends, for mapping its offsets. */
static void
rst_document_checker_set_mapping (RstDocumentChecker *self,
                                  RstAnalysis        *analysis,
                                  gsize               front_matter)
{
  self->analysis_front_matter = MIN (front_matter, rst_analysis_get_length (analysis));
  rst_analysis_locate (analysis, self->analysis_front_matter,
                       &self->front_matter_line, &self->front_matter_column);
}

/* Lines and columns, not characters counted from the start: the
 * analysis' line index finds them without walking the text.
 */
static gboolean
offset_to_iter (RstDocumentChecker *self,
                RstAnalysis        *analysis,
                gsize               offset,
                GtkTextIter        *iter)
{
  guint line, column;

  if (offset < self->analysis_front_matter)
    {
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), iter);
      return FALSE;
    }

  rst_analysis_locate (analysis, offset, &line, &column);
  if (line == self->front_matter_line)
    column -= self->front_matter_column - 1;
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (self->buffer), iter,
                                           line - self->front_matter_line, column - 1);
  return TRUE;
}

/* Where the underline of [@begin, @end) ends: long ranges stop at the end
 * of their first paragraph.
 */
static void
clamp_tag_range (const GtkTextIter *begin,
                 GtkTextIter       *end)
{
  if (gtk_text_iter_get_offset (end) - gtk_text_iter_get_offset (begin) <= RST_LONG_RANGE_CHARS)
    return;

  *end = *begin;
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
}

/* Styles */

static void
rst_document_checker_update_styles (RstDocumentChecker *self)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (self->buffer);
  static const char *fallback_colors[] = { "#3584e4", "#e5a50a", "#e01b24" };

  if (self->structure != NULL)
    rst_structure_tags_update_styles (self->structure);

  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      GtkSourceStyle *style = scheme ? gtk_source_style_scheme_get_style (scheme, style_ids[i]) : NULL;
      GdkRGBA color;

      if (style != NULL)
        {
          gtk_source_style_apply (style, self->tags[i]);
          continue;
        }

      /* A scheme of the platform, without our styles: still an underline. */
      gdk_rgba_parse (&color, fallback_colors[i]);
      g_object_set (self->tags[i],
                    "underline", PANGO_UNDERLINE_ERROR,
                    "underline-rgba", &color,
                    NULL);
    }
}

/* Applying a result: the only step of a check that costs the main loop. */

static void
rst_document_checker_clear (RstDocumentChecker *self)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GHashTableIter iter;
  gpointer item;
  Anchor *anchor;
  GtkTextIter begin, end;

  /* Tags come off only where they were put (the lines they moved to):
   * removing a tag invalidates the layout of its whole range, and on a
   * long statement relaying out everything takes far longer than a frame.
   */
  g_hash_table_iter_init (&iter, self->anchors);
  while (g_hash_table_iter_next (&iter, &item, (gpointer *)&anchor))
    {
      if (!RST_IS_DIAGNOSTIC (item))
        continue;

      gtk_text_buffer_get_iter_at_mark (buffer, &begin, anchor->begin);
      gtk_text_buffer_get_iter_at_mark (buffer, &end, anchor->end);
      gtk_text_iter_order (&begin, &end);
      clamp_tag_range (&begin, &end);
      gtk_text_iter_set_line_offset (&begin, 0);
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
        gtk_text_buffer_remove_tag (buffer, self->tags[i], &begin, &end);
    }

  gtk_text_buffer_get_bounds (buffer, &begin, &end);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    gtk_source_buffer_remove_source_marks (self->buffer, &begin, &end, mark_categories[i]);
  g_hash_table_remove_all (self->anchors);
  if (self->structure != NULL)
    rst_structure_tags_clear (self->structure);
}

/* The structure the analysis found, in the text: a priority by its
 * marker ("Second", "第二", "ثانياً"), the other elements whole.
 */
static void
rst_document_checker_apply_structure (RstDocumentChecker *self,
                                      RstAnalysis        *analysis)
{
  guint n_elements = 0;
  const RstElement *elements = rst_statement_get_elements (rst_analysis_get_statement (analysis), &n_elements);

  for (guint i = 0; i < n_elements; i++)
    {
      const RstElement *element = &elements[i];
      gsize start = element->start;
      gsize end = element->end;
      GtkTextIter begin, stop;

      if (element->kind == RST_ELEMENT_PRIORITY)
        {
          if (element->marker_end <= element->marker_start)
            continue;
          start = element->marker_start;
          end = element->marker_end;
        }

      if (!offset_to_iter (self, analysis, start, &begin))
        continue;
      offset_to_iter (self, analysis, end, &stop);
      if (self->structure != NULL)
        rst_structure_tags_add (self->structure, element->kind, &begin, &stop);
    }
}

static void
rst_document_checker_apply (RstDocumentChecker *self,
                            RstAnalysis        *analysis,
                            gsize               front_matter)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  GPtrArray *outline = rst_analysis_get_outline (analysis);
  gint64 started = g_get_monotonic_time ();

  rst_document_checker_clear (self);
  rst_document_checker_set_mapping (self, analysis, front_matter);

  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      RstSeverity severity = rst_diagnostic_get_severity (diagnostic);
      GtkSourceMark *mark;
      GtkTextIter begin, end, line_start, tag_end;

      severity = CLAMP (severity, RST_SEVERITY_INFO, RST_SEVERITY_ERROR);
      offset_to_iter (self, analysis, rst_diagnostic_get_end (diagnostic), &end);
      /* About the details, not the text (an unknown council): the details
       * panel and the issues list say it, the text has nothing to mark.
       */
      if (!offset_to_iter (self, analysis, rst_diagnostic_get_start (diagnostic), &begin))
        {
          anchor_add (self, diagnostic, &begin, &begin);
          continue;
        }

      /* An empty range (a closing that is missing at the end) has nothing
       * to underline; the gutter still shows it. A long one (everything
       * past the time limit) is underlined to the end of its paragraph
       * only: a page of wavy lines helps nobody, and tagging a whole long
       * statement costs its layout more than a frame.
       */
      tag_end = end;
      clamp_tag_range (&begin, &tag_end);
      if (!gtk_text_iter_equal (&begin, &tag_end))
        gtk_text_buffer_apply_tag (buffer, self->tags[severity], &begin, &tag_end);

      /* The gutter draws the marks at the start of a line only. */
      line_start = begin;
      gtk_text_iter_set_line_offset (&line_start, 0);
      mark = gtk_source_buffer_create_source_mark (self->buffer, NULL, mark_categories[severity], &line_start);
      g_object_set_data_full (G_OBJECT (mark), "rst-diagnostic", g_object_ref (diagnostic), g_object_unref);
      anchor_add (self, diagnostic, &begin, &end);
    }

  rst_document_checker_apply_structure (self, analysis);

  for (guint i = 0; i < outline->len; i++)
    {
      RstOutlineItem *item = g_ptr_array_index (outline, i);
      GtkTextIter begin, end;

      offset_to_iter (self, analysis, rst_outline_item_get_start (item), &begin);
      offset_to_iter (self, analysis, rst_outline_item_get_end (item), &end);
      anchor_add (self, item, &begin, &end);
    }

  g_list_store_splice (self->diagnostics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->diagnostics)),
                       diagnostics->pdata, diagnostics->len);
  g_list_store_splice (self->outline, 0, g_list_model_get_n_items (G_LIST_MODEL (self->outline)),
                       outline->pdata, outline->len);

  if (g_set_object (&self->analysis, analysis))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANALYSIS]);

  self->last_apply_usec = g_get_monotonic_time () - started;
}

static void
rst_document_checker_set_up_to_date (RstDocumentChecker *self,
                                     gboolean            up_to_date)
{
  if (self->up_to_date != !!up_to_date)
    {
      self->up_to_date = !!up_to_date;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UP_TO_DATE]);
    }
}

static Snapshot *
rst_document_checker_take_snapshot (RstDocumentChecker *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);
  g_autofree char *body = NULL;
  GtkTextIter begin, end;

  /* The whole statement: the front matter the document keeps apart, then
   * the buffer.
   */
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &begin, &end);
  body = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &begin, &end, TRUE);
  if (self->front_matter[0] == '\0')
    snapshot->text = g_steal_pointer (&body);
  else
    snapshot->text = g_strconcat (self->front_matter, body, NULL);
  snapshot->front_matter = strlen (self->front_matter);
  snapshot->length = strlen (snapshot->text);
  snapshot->stamp = self->stamp;
  snapshot->run = ++self->run;
  snapshot->context = rst_analysis_context_ref (self->context);

  return snapshot;
}

static void
rst_document_checker_finish (RstDocumentChecker *self,
                             RstAnalysis        *analysis,
                             const Snapshot     *snapshot)
{
  rst_document_checker_apply (self, analysis, snapshot->front_matter);
  self->checked_stamp = snapshot->stamp;
  rst_document_checker_set_up_to_date (self, TRUE);
  g_signal_emit (self, signals[CHECKED], 0);
}

static void
check_cb (GObject      *object,
          GAsyncResult *async_result,
          gpointer      user_data)
{
  RstDocumentChecker *self = RST_DOCUMENT_CHECKER (object);
  Snapshot *snapshot = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(RstAnalysis) analysis = g_task_propagate_pointer (G_TASK (async_result), NULL);

  if (analysis == NULL || snapshot->run != self->run)
    return;  /* cancelled, or overtaken by a synchronous check */

  self->running = FALSE;

  if (self->buffer == NULL)
    return;

  /* The drafter typed while the thread worked: its offsets no longer
   * match the buffer. Throw the result away and check again.
   */
  if (snapshot->stamp != self->stamp)
    {
      rst_document_checker_schedule (self);
      return;
    }

  rst_document_checker_finish (self, analysis, snapshot);
}

static void
rst_document_checker_start (RstDocumentChecker *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->running || self->buffer == NULL)
    return;

  task = g_task_new (self, self->cancellable, check_cb, NULL);
  g_task_set_source_tag (task, rst_document_checker_start);
  g_task_set_task_data (task, rst_document_checker_take_snapshot (self), (GDestroyNotify)snapshot_free);
  self->running = TRUE;
  g_task_run_in_thread (task, analyse_thread);
}

static gboolean
rst_document_checker_timeout (gpointer user_data)
{
  RstDocumentChecker *self = user_data;
  gint64 rest = g_get_monotonic_time () - self->last_change;

  self->timeout_id = 0;

  /* Still typing: wait for the rest of the delay rather than re-arming a
   * timer on every keystroke.
   */
  if (rest < RST_DOCUMENT_CHECKER_DELAY_MS * 1000)
    {
      self->timeout_id = g_timeout_add (RST_DOCUMENT_CHECKER_DELAY_MS - rest / 1000,
                                        rst_document_checker_timeout, self);
      return G_SOURCE_REMOVE;
    }

  /* Half-loaded text is not worth checking; loading ends with "busy". */
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (self->buffer), "busy") != NULL)
    {
      gboolean busy = FALSE;

      g_object_get (self->buffer, "busy", &busy, NULL);
      if (busy)
        return G_SOURCE_REMOVE;
    }

  if (self->running)
    return G_SOURCE_REMOVE;  /* check_cb sees the new stamp and re-schedules */

  rst_document_checker_start (self);
  return G_SOURCE_REMOVE;
}

static void
rst_document_checker_schedule (RstDocumentChecker *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (RST_DOCUMENT_CHECKER_DELAY_MS, rst_document_checker_timeout, self);
}

static void
rst_document_checker_changed (RstDocumentChecker *self)
{
  self->stamp++;
  self->last_change = g_get_monotonic_time ();
  rst_document_checker_set_up_to_date (self, FALSE);
  rst_document_checker_schedule (self);
}

static void
rst_document_checker_busy_changed (RstDocumentChecker *self)
{
  if (!self->up_to_date)
    {
      self->last_change = 0;
      rst_document_checker_schedule (self);
    }
}

/**
 * rst_document_checker_check_now:
 *
 * Checks the text as it is, in the calling thread, and applies the result
 * before returning. For the rare callers that need exact ranges right away
 * (applying a fix after an edit); a thread still running is overtaken.
 */
void
rst_document_checker_check_now (RstDocumentChecker *self)
{
  Snapshot *snapshot;
  g_autoptr(RstAnalysis) analysis = NULL;

  g_return_if_fail (RST_IS_DOCUMENT_CHECKER (self));

  if (self->buffer == NULL)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->running = FALSE;
  snapshot = rst_document_checker_take_snapshot (self);
  analysis = rst_analysis_new (snapshot->text, snapshot->length, snapshot->context);
  rst_document_checker_finish (self, analysis, snapshot);
  snapshot_free (snapshot);
}

/**
 * rst_document_checker_get_diagnostics:
 *
 * Returns: (transfer none): the diagnostics (RstDiagnostic) of the last check
 */
GListModel *
rst_document_checker_get_diagnostics (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), NULL);
  return G_LIST_MODEL (self->diagnostics);
}

/**
 * rst_document_checker_get_outline:
 *
 * Returns: (transfer none): the outline (RstOutlineItem) of the last check
 */
GListModel *
rst_document_checker_get_outline (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), NULL);
  return G_LIST_MODEL (self->outline);
}

/**
 * rst_document_checker_get_analysis:
 *
 * Returns: (transfer none) (nullable): the analysis last published, %NULL
 *   before the first
 */
RstAnalysis *
rst_document_checker_get_analysis (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), NULL);
  return self->analysis;
}

/* Whether the diagnostics are those of the text as it is now. */
gboolean
rst_document_checker_get_up_to_date (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), FALSE);
  return self->up_to_date;
}

/**
 * rst_document_checker_set_context:
 * @context: what the analysis needs beyond the text (Preferences)
 *
 * The next analysis uses @context; a change of pace or hidden hints shows
 * at once.
 */
void
rst_document_checker_set_context (RstDocumentChecker *self,
                                  RstAnalysisContext *context)
{
  g_return_if_fail (RST_IS_DOCUMENT_CHECKER (self));
  g_return_if_fail (context != NULL);

  if (self->context == context)
    return;

  rst_analysis_context_unref (self->context);
  self->context = rst_analysis_context_ref (context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);

  rst_document_checker_set_up_to_date (self, FALSE);
  self->stamp++;
  rst_document_checker_schedule (self);
}

/**
 * rst_document_checker_set_front_matter:
 * @front_matter: the text the statement has before the buffer's: its
 *   front matter, which the document keeps apart
 *
 * The next analysis reads @front_matter, then the buffer; a change is
 * checked at once, as an edit is.
 */
void
rst_document_checker_set_front_matter (RstDocumentChecker *self,
                                       const char         *front_matter)
{
  g_return_if_fail (RST_IS_DOCUMENT_CHECKER (self));

  if (front_matter == NULL)
    front_matter = "";
  if (g_strcmp0 (front_matter, self->front_matter) == 0)
    return;

  g_free (self->front_matter);
  self->front_matter = g_strdup (front_matter);

  /* Not typing: no reason to wait for the text to rest. */
  self->stamp++;
  self->last_change = 0;
  rst_document_checker_set_up_to_date (self, FALSE);
  if (self->buffer != NULL)
    rst_document_checker_schedule (self);
}

/**
 * rst_document_checker_queue_check:
 *
 * Checks again as soon as the main loop is idle, without waiting for the
 * text to rest: for changes that are not typing (the details), whose
 * result the drafter expects at once.
 */
void
rst_document_checker_queue_check (RstDocumentChecker *self)
{
  g_return_if_fail (RST_IS_DOCUMENT_CHECKER (self));

  if (self->buffer == NULL)
    return;

  self->stamp++;
  self->last_change = 0;
  rst_document_checker_set_up_to_date (self, FALSE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_idle_add (rst_document_checker_timeout, self);
}

/**
 * rst_document_checker_get_iter_at_offset:
 * @offset: a byte offset into the text of the analysis last published
 * @iter: (out): where it is in the buffer
 *
 * The one mapping from the analysis' offsets (in the whole statement)
 * to the buffer (its body): whatever shows a range of the analysis in
 * the text goes through here. Exact while the analysis is up to date;
 * ranges that must follow edits are rst_document_checker_get_bounds()'.
 *
 * Returns: %FALSE, with @iter at the start, for an offset in the front
 *   matter (or without an analysis)
 */
gboolean
rst_document_checker_get_iter_at_offset (RstDocumentChecker *self,
                                         gsize               offset,
                                         GtkTextIter        *iter)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), FALSE);
  g_return_val_if_fail (iter != NULL, FALSE);

  if (self->buffer == NULL)
    return FALSE;
  if (self->analysis == NULL)
    {
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), iter);
      return FALSE;
    }

  return offset_to_iter (self, self->analysis, offset, iter);
}

/**
 * rst_document_checker_get_bounds:
 * @item: an RstDiagnostic or RstOutlineItem from the models
 *
 * Where @item is in the text now: its range moves with edits made since
 * the check that found it.
 *
 * Returns: %FALSE when @item is not from the last check
 */
gboolean
rst_document_checker_get_bounds (RstDocumentChecker *self,
                                 gpointer            item,
                                 GtkTextIter        *begin,
                                 GtkTextIter        *end)
{
  Anchor *anchor;

  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), FALSE);

  anchor = item ? g_hash_table_lookup (self->anchors, item) : NULL;
  if (anchor == NULL || self->buffer == NULL)
    return FALSE;

  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), begin, anchor->begin);
  gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (self->buffer), end, anchor->end);
  if (gtk_text_iter_compare (begin, end) > 0)
    *end = *begin;

  return TRUE;
}

/**
 * rst_document_checker_list_at_iter:
 *
 * Returns: (transfer container) (element-type RstDiagnostic): the
 *   diagnostics whose range holds @iter, worst first
 */
GPtrArray *
rst_document_checker_list_at_iter (RstDocumentChecker *self,
                                   const GtkTextIter  *iter)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean tagged = FALSE;
  guint n;

  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), found);

  /* Tags answer "is there anything here" in O(log n): the list is only
   * walked where there is.
   */
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    tagged |= gtk_text_iter_has_tag (iter, self->tags[i]);
  if (!tagged)
    return found;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->diagnostics));
  for (guint severity = RST_SEVERITY_ERROR + 1; severity-- > 0;)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(RstDiagnostic) diagnostic = g_list_model_get_item (G_LIST_MODEL (self->diagnostics), i);
        GtkTextIter begin, end;

        if (rst_diagnostic_get_severity (diagnostic) != severity)
          continue;
        if (rst_document_checker_get_bounds (self, diagnostic, &begin, &end) &&
            gtk_text_iter_in_range (iter, &begin, &end))
          g_ptr_array_add (found, g_steal_pointer (&diagnostic));
      }

  return found;
}

static RstDiagnostic *
find_same_diagnostic (RstDocumentChecker *self,
                      const char         *code,
                      int                 offset)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->diagnostics));
  RstDiagnostic *best = NULL;
  int best_distance = G_MAXINT;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstDiagnostic) diagnostic = g_list_model_get_item (G_LIST_MODEL (self->diagnostics), i);
      GtkTextIter begin, end;
      int distance;

      if (g_strcmp0 (rst_diagnostic_get_code (diagnostic), code) != 0 ||
          !rst_document_checker_get_bounds (self, diagnostic, &begin, &end))
        continue;

      distance = ABS (gtk_text_iter_get_offset (&begin) - offset);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = diagnostic;
        }
    }

  return best;
}

/**
 * rst_document_checker_apply_fix:
 * @diagnostic: a diagnostic from the model
 * @fix_index: which of its fixes
 *
 * Applies the fix as one undoable step. When the text changed since the
 * check, it is checked again first so that the fix replaces the right
 * range; the diagnostic is then found again by its code and place.
 *
 * Returns: %TRUE if the text was changed
 */
gboolean
rst_document_checker_apply_fix (RstDocumentChecker *self,
                                RstDiagnostic      *diagnostic,
                                guint               fix_index)
{
  GtkTextBuffer *buffer;
  g_autoptr(RstDiagnostic) current = NULL;
  GPtrArray *fixes;
  RstFix *fix;
  GtkTextIter begin, end;

  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), FALSE);
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (diagnostic), FALSE);

  if (self->buffer == NULL)
    return FALSE;
  buffer = GTK_TEXT_BUFFER (self->buffer);

  current = g_object_ref (diagnostic);
  if (!self->up_to_date || self->checked_stamp != self->stamp)
    {
      g_autofree char *code = g_strdup (rst_diagnostic_get_code (diagnostic));
      int offset;

      if (!rst_document_checker_get_bounds (self, diagnostic, &begin, &end))
        return FALSE;
      offset = gtk_text_iter_get_offset (&begin);

      rst_document_checker_check_now (self);
      g_clear_object (&current);
      current = find_same_diagnostic (self, code, offset);
      if (current == NULL)
        return FALSE;  /* the edit solved it */
      g_object_ref (current);
    }
  else if (!g_hash_table_contains (self->anchors, diagnostic))
    return FALSE;

  fixes = rst_diagnostic_get_fixes (current);
  if (fixes == NULL || fix_index >= fixes->len || self->analysis == NULL)
    return FALSE;
  fix = g_ptr_array_index (fixes, fix_index);

  /* The details are the details panel's to change. */
  if (!offset_to_iter (self, self->analysis, fix->start, &begin))
    return FALSE;
  offset_to_iter (self, self->analysis, fix->end, &end);

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete (buffer, &begin, &end);
  gtk_text_buffer_insert (buffer, &begin, fix->replacement ? fix->replacement : "", -1);
  gtk_text_buffer_end_user_action (buffer);

  return TRUE;
}

gint64
rst_document_checker_get_last_apply_usec (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), 0);
  return self->last_apply_usec;
}

/**
 * rst_document_checker_get_structure_tag:
 *
 * Returns: (transfer none) (nullable): the tag that colours elements of
 *   @kind, none for a kind without a colour
 */
GtkTextTag *
rst_document_checker_get_structure_tag (RstDocumentChecker *self,
                                        RstElementKind      kind)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), NULL);

  return self->structure != NULL ? rst_structure_tags_get_tag (self->structure, kind) : NULL;
}

static void
rst_document_checker_detach (RstDocumentChecker *self)
{
  if (self->buffer == NULL)
    return;

  g_clear_signal_handler (&self->changed_handler, self->buffer);
  g_clear_signal_handler (&self->busy_handler, self->buffer);
  g_clear_signal_handler (&self->scheme_handler, self->buffer);
  g_clear_weak_pointer (&self->buffer);
}

static void
rst_document_checker_dispose (GObject *object)
{
  RstDocumentChecker *self = (RstDocumentChecker *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  /* Marks are deleted only while the buffer lives. */
  if (self->anchors != NULL)
    g_hash_table_remove_all (self->anchors);
  g_clear_pointer (&self->structure, rst_structure_tags_free);
  rst_document_checker_detach (self);
  g_list_store_remove_all (self->diagnostics);
  g_list_store_remove_all (self->outline);

  G_OBJECT_CLASS (rst_document_checker_parent_class)->dispose (object);
}

static void
rst_document_checker_finalize (GObject *object)
{
  RstDocumentChecker *self = (RstDocumentChecker *)object;

  g_clear_pointer (&self->anchors, g_hash_table_unref);
  g_clear_object (&self->diagnostics);
  g_clear_object (&self->outline);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->context, rst_analysis_context_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->front_matter, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    g_clear_object (&self->tags[i]);

  G_OBJECT_CLASS (rst_document_checker_parent_class)->finalize (object);
}

static void
rst_document_checker_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RstDocumentChecker *self = RST_DOCUMENT_CHECKER (object);

  switch (prop_id)
    {
    case PROP_ANALYSIS:
      g_value_set_object (value, self->analysis);
      break;

    case PROP_UP_TO_DATE:
      g_value_set_boolean (value, self->up_to_date);
      break;

    case PROP_CONTEXT:
      g_value_set_boxed (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_document_checker_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  RstDocumentChecker *self = RST_DOCUMENT_CHECKER (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      rst_document_checker_set_context (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_document_checker_class_init (RstDocumentCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rst_document_checker_dispose;
  object_class->finalize = rst_document_checker_finalize;
  object_class->get_property = rst_document_checker_get_property;
  object_class->set_property = rst_document_checker_set_property;

  properties[PROP_ANALYSIS] =
    g_param_spec_object ("analysis", NULL, NULL, RST_TYPE_ANALYSIS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_UP_TO_DATE] =
    g_param_spec_boolean ("up-to-date", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTEXT] =
    g_param_spec_boxed ("context", NULL, NULL, RST_TYPE_ANALYSIS_CONTEXT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RstDocumentChecker::checked:
   *
   * A check's result has been applied: models, tags and numbers changed.
   */
  signals[CHECKED] =
    g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
rst_document_checker_init (RstDocumentChecker *self)
{
  self->diagnostics = g_list_store_new (RST_TYPE_DIAGNOSTIC);
  self->outline = g_list_store_new (RST_TYPE_OUTLINE_ITEM);
  self->anchors = g_hash_table_new_full (NULL, NULL, g_object_unref, anchor_free);
  self->context = rst_analysis_context_new ();
  self->cancellable = g_cancellable_new ();
  self->front_matter = g_strdup ("");
}

/**
 * rst_document_checker_new:
 * @buffer: the buffer to keep checked; the checker does not keep it alive
 *
 * Returns: (transfer full): a checker that checks @buffer whenever it rests
 */
RstDocumentChecker *
rst_document_checker_new (GtkSourceBuffer *buffer)
{
  RstDocumentChecker *self;
  GtkTextTagTable *table;

  g_return_val_if_fail (GTK_SOURCE_IS_BUFFER (buffer), NULL);

  self = g_object_new (RST_TYPE_DOCUMENT_CHECKER, NULL);
  g_set_weak_pointer (&self->buffer, buffer);

  table = gtk_text_buffer_get_tag_table (GTK_TEXT_BUFFER (buffer));
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      self->tags[i] = gtk_text_tag_new (tag_names[i]);
      gtk_text_tag_table_add (table, self->tags[i]);
    }
  self->structure = rst_structure_tags_new (buffer);
  rst_document_checker_update_styles (self);

  self->changed_handler =
    g_signal_connect_swapped (buffer, "changed", G_CALLBACK (rst_document_checker_changed), self);
  self->scheme_handler =
    g_signal_connect_swapped (buffer, "notify::style-scheme", G_CALLBACK (rst_document_checker_update_styles), self);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (buffer), "busy") != NULL)
    self->busy_handler =
      g_signal_connect_swapped (buffer, "notify::busy", G_CALLBACK (rst_document_checker_busy_changed), self);

  /* A new document is checked right away, empty or not. */
  self->last_change = 0;
  rst_document_checker_schedule (self);

  return self;
}
