/* rst-document-checker.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-checker.h"
#include "rst-council.h"
#include "rst-document-checker.h"
#include "rst-timing.h"

/* Keeps the diagnostics of a buffer current while the drafter types, as
 * libide's diagnostics manager does in GNOME Builder: every change bumps a
 * stamp and (re)arms a short timer; when the text rests, a snapshot is
 * parsed and checked in a worker thread, and the result is applied only if
 * the buffer has not changed since the snapshot. Applied results are
 * anchored with text marks, so that what the sidebar, the hover and the
 * underlines point at moves with the text until the next result replaces
 * it: a stale diagnostic never points at the wrong words.
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
  RstStatement    *statement;
  RstCouncil      *council;

  GtkTextTag      *tags[3];

  guint64          stamp;
  guint64          checked_stamp;
  guint64          run;
  gint64           last_change;
  guint            timeout_id;
  gint64           last_apply_usec;

  double           words_per_minute;
  /* Codes of info-level rules the drafter chose not to see (Preferences). */
  GStrv            hidden_rules;
  guint            word_count;
  guint            speaking_seconds;
  guint            time_limit;

  guint            running : 1;
  guint            up_to_date : 1;
};

G_DEFINE_FINAL_TYPE (RstDocumentChecker, rst_document_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UP_TO_DATE,
  PROP_WORDS_PER_MINUTE,
  PROP_HIDDEN_RULES,
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

/* The work a thread does on a snapshot. */

typedef struct
{
  char         *text;
  gsize         length;
  guint64       stamp;
  guint64       run;
  double        words_per_minute;
  RstCouncil   *council;
  GStrv         hidden_rules;
} Snapshot;

typedef struct
{
  RstStatement *statement;
  GPtrArray    *diagnostics;
  GPtrArray    *outline;
  RstCouncil   *council;
  GError       *error;
  guint         word_count;
  guint         speaking_seconds;
  guint         time_limit;
} Result;

static void
snapshot_free (Snapshot *snapshot)
{
  g_free (snapshot->text);
  g_clear_object (&snapshot->council);
  g_strfreev (snapshot->hidden_rules);
  g_free (snapshot);
}

static void
result_free (Result *result)
{
  g_clear_object (&result->statement);
  g_clear_pointer (&result->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&result->outline, g_ptr_array_unref);
  g_clear_object (&result->council);
  g_clear_error (&result->error);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* The council the front matter names, else the generic profile, resolved
 * as `rostrum --check` does. Profiles are read from disk, so the last one
 * travels with the snapshot and is reused while the name still means it.
 */
static RstCouncil *
resolve_council (RstStatement *statement,
                 RstCouncil   *cached)
{
  const char *named = rst_statement_get_detail (statement, "council");

  if (cached != NULL &&
      (named == NULL || named[0] == '\0'
       ? g_str_equal (rst_council_get_id (cached), "generic")
       : rst_council_answers_to (cached, named)))
    return g_object_ref (cached);

  return rst_council_resolve (named, NULL);
}

static Result *
check_snapshot (Snapshot *snapshot)
{
  Result *result = g_new0 (Result, 1);
  RstCheckOptions options;

  result->statement = rst_statement_parse (snapshot->text, snapshot->length, &result->error);
  if (result->statement == NULL)
    return result;

  result->council = resolve_council (result->statement, snapshot->council);
  rst_council_resolve_check_options (result->council, result->statement, &options);
  /* The drafter's own pace beats the council's. */
  if (snapshot->words_per_minute > 0.0)
    options.words_per_minute = snapshot->words_per_minute;

  result->diagnostics = rst_check_statement (result->statement, &options);
  /* Hidden hints are gone from the list, the underlines and the outline. */
  for (guint i = result->diagnostics->len; snapshot->hidden_rules != NULL && i > 0; i--)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (result->diagnostics, i - 1);

      if (rst_diagnostic_get_severity (diagnostic) == RST_SEVERITY_INFO &&
          g_strv_contains ((const char * const *)snapshot->hidden_rules, rst_diagnostic_get_code (diagnostic)))
        g_ptr_array_remove_index (result->diagnostics, i - 1);
    }
  result->outline = rst_outline_build (result->statement, result->diagnostics);
  result->word_count = rst_statement_get_word_count (result->statement);
  result->speaking_seconds = rst_timing_estimate_seconds (result->word_count, options.words_per_minute);
  result->time_limit = options.time_limit_seconds;

  return result;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_task_return_pointer (task, check_snapshot (task_data), (GDestroyNotify)result_free);
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

static void
offset_to_iter (RstDocumentChecker *self,
                RstStatement       *statement,
                gsize               offset,
                GtkTextIter        *iter)
{
  guint line, column;

  if (statement == NULL)
    {
      gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (self->buffer), iter);
      return;
    }

  rst_statement_offset_to_position (statement, offset, &line, &column);
  gtk_text_buffer_get_iter_at_line_offset (GTK_TEXT_BUFFER (self->buffer), iter, line - 1, column - 1);
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
}

static void
rst_document_checker_apply (RstDocumentChecker *self,
                            Result             *result)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (self->buffer);
  g_autoptr(GPtrArray) diagnostics = NULL;
  gint64 started = g_get_monotonic_time ();

  rst_document_checker_clear (self);

  if (result->diagnostics != NULL)
    diagnostics = g_ptr_array_ref (result->diagnostics);
  else
    {
      /* Broken front matter: the only problem worth showing, on its line. */
      diagnostics = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (diagnostics,
                       rst_diagnostic_new ("front-matter-invalid", RST_SEVERITY_ERROR, 0, 0,
                                           result->error ? result->error->message : ""));
    }

  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      RstSeverity severity = rst_diagnostic_get_severity (diagnostic);
      GtkSourceMark *mark;
      GtkTextIter begin, end, line_start, tag_end;

      severity = CLAMP (severity, RST_SEVERITY_INFO, RST_SEVERITY_ERROR);
      offset_to_iter (self, result->statement, rst_diagnostic_get_start (diagnostic), &begin);
      if (result->statement != NULL)
        offset_to_iter (self, result->statement, rst_diagnostic_get_end (diagnostic), &end);
      else
        {
          end = begin;
          gtk_text_iter_forward_to_line_end (&end);
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

  for (guint i = 0; result->outline != NULL && i < result->outline->len; i++)
    {
      RstOutlineItem *item = g_ptr_array_index (result->outline, i);
      GtkTextIter begin, end;

      offset_to_iter (self, result->statement, rst_outline_item_get_start (item), &begin);
      offset_to_iter (self, result->statement, rst_outline_item_get_end (item), &end);
      anchor_add (self, item, &begin, &end);
    }

  g_list_store_splice (self->diagnostics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->diagnostics)),
                       diagnostics->pdata, diagnostics->len);
  g_list_store_splice (self->outline, 0, g_list_model_get_n_items (G_LIST_MODEL (self->outline)),
                       result->outline ? result->outline->pdata : NULL,
                       result->outline ? result->outline->len : 0);

  if (result->statement != NULL)
    {
      g_set_object (&self->statement, result->statement);
      g_set_object (&self->council, result->council);
      self->word_count = result->word_count;
      self->speaking_seconds = result->speaking_seconds;
      self->time_limit = result->time_limit;
    }

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
  GtkTextIter begin, end;

  /* The whole buffer, front matter included: offsets then match it. */
  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (self->buffer), &begin, &end);
  snapshot->text = gtk_text_buffer_get_text (GTK_TEXT_BUFFER (self->buffer), &begin, &end, TRUE);
  snapshot->length = strlen (snapshot->text);
  snapshot->stamp = self->stamp;
  snapshot->run = ++self->run;
  snapshot->words_per_minute = self->words_per_minute;
  snapshot->council = self->council ? g_object_ref (self->council) : NULL;
  snapshot->hidden_rules = g_strdupv (self->hidden_rules);

  return snapshot;
}

static void
rst_document_checker_finish (RstDocumentChecker *self,
                             Result             *result,
                             guint64             stamp)
{
  rst_document_checker_apply (self, result);
  self->checked_stamp = stamp;
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
  g_autoptr(Result) result = g_task_propagate_pointer (G_TASK (async_result), NULL);

  if (snapshot->run != self->run)
    return;  /* overtaken by a synchronous check */

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

  rst_document_checker_finish (self, result, snapshot->stamp);
}

static void
rst_document_checker_start (RstDocumentChecker *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->running || self->buffer == NULL)
    return;

  task = g_task_new (self, NULL, check_cb, NULL);
  g_task_set_source_tag (task, rst_document_checker_start);
  g_task_set_task_data (task, rst_document_checker_take_snapshot (self), (GDestroyNotify)snapshot_free);
  self->running = TRUE;
  g_task_run_in_thread (task, check_thread);
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
  g_autoptr(Result) result = NULL;

  g_return_if_fail (RST_IS_DOCUMENT_CHECKER (self));

  if (self->buffer == NULL)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->running = FALSE;
  snapshot = rst_document_checker_take_snapshot (self);
  result = check_snapshot (snapshot);
  rst_document_checker_finish (self, result, snapshot->stamp);
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
 * rst_document_checker_get_statement:
 *
 * Returns: (transfer none) (nullable): the statement last checked
 */
RstStatement *
rst_document_checker_get_statement (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), NULL);
  return self->statement;
}

/* Whether the diagnostics are those of the text as it is now. */
gboolean
rst_document_checker_get_up_to_date (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), FALSE);
  return self->up_to_date;
}

double
rst_document_checker_get_words_per_minute (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), 0.0);
  return self->words_per_minute;
}

/* The drafter's pace; 0 uses the council's. */
void
rst_document_checker_set_words_per_minute (RstDocumentChecker *self,
                                           double              words_per_minute)
{
  g_return_if_fail (RST_IS_DOCUMENT_CHECKER (self));

  words_per_minute = MAX (words_per_minute, 0.0);
  if (self->words_per_minute == words_per_minute)
    return;

  self->words_per_minute = words_per_minute;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORDS_PER_MINUTE]);

  /* The timing and the over-time rule depend on it. */
  rst_document_checker_set_up_to_date (self, FALSE);
  self->stamp++;
  rst_document_checker_schedule (self);
}

guint
rst_document_checker_get_word_count (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), 0);
  return self->word_count;
}

guint
rst_document_checker_get_speaking_seconds (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), 0);
  return self->speaking_seconds;
}

/* Seconds; 0 when neither the document nor its council sets a limit. */
guint
rst_document_checker_get_time_limit (RstDocumentChecker *self)
{
  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), 0);
  return self->time_limit;
}

/**
 * rst_document_checker_dup_timing_text:
 *
 * Returns: (transfer full): "3:02 of 5:00 · 394 words"
 */
char *
rst_document_checker_dup_timing_text (RstDocumentChecker *self)
{
  g_autofree char *time = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (RST_IS_DOCUMENT_CHECKER (self), NULL);

  time = rst_timing_format (self->speaking_seconds);
  words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", self->word_count),
                           self->word_count);

  if (self->time_limit > 0)
    {
      g_autofree char *limit = rst_timing_format (self->time_limit);

      /* Translators: speaking time against the limit and the word count,
       * "3:02 of 5:00 · 394 words"
       */
      return g_strdup_printf (_("%s of %s · %s"), time, limit, words);
    }

  /* Translators: speaking time and word count, "3:02 · 394 words" */
  return g_strdup_printf (_("%s · %s"), time, words);
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
  if (fixes == NULL || fix_index >= fixes->len || self->statement == NULL)
    return FALSE;
  fix = g_ptr_array_index (fixes, fix_index);

  offset_to_iter (self, self->statement, fix->start, &begin);
  offset_to_iter (self, self->statement, fix->end, &end);

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
  /* Marks are deleted only while the buffer lives. */
  if (self->anchors != NULL)
    g_hash_table_remove_all (self->anchors);
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
  g_clear_object (&self->statement);
  g_clear_object (&self->council);
  g_clear_pointer (&self->hidden_rules, g_strfreev);
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
    case PROP_UP_TO_DATE:
      g_value_set_boolean (value, self->up_to_date);
      break;

    case PROP_WORDS_PER_MINUTE:
      g_value_set_double (value, self->words_per_minute);
      break;

    case PROP_HIDDEN_RULES:
      g_value_set_boxed (value, self->hidden_rules);
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
    case PROP_WORDS_PER_MINUTE:
      rst_document_checker_set_words_per_minute (self, g_value_get_double (value));
      break;

    case PROP_HIDDEN_RULES:
      g_strfreev (self->hidden_rules);
      self->hidden_rules = g_value_dup_boxed (value);
      g_object_notify_by_pspec (object, pspec);
      /* Shown or hidden at once, as the pace is. */
      rst_document_checker_set_up_to_date (self, FALSE);
      self->stamp++;
      rst_document_checker_schedule (self);
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

  properties[PROP_UP_TO_DATE] =
    g_param_spec_boolean ("up-to-date", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WORDS_PER_MINUTE] =
    g_param_spec_double ("words-per-minute", NULL, NULL, 0.0, 1000.0, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HIDDEN_RULES] =
    g_param_spec_boxed ("hidden-rules", NULL, NULL, G_TYPE_STRV,
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
