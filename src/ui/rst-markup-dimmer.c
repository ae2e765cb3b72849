/* rst-markup-dimmer.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#include "rst-markup.h"
#include "rst-markup-dimmer.h"

/* "**" and "*" are dimmed, as Apostrophe does, except on the cursor's
 * line, where the drafter edits them. Which characters are markup is
 * core's rule (rst-markup.c).
 *
 * The work is incremental: an edit marks the lines it touched, a cursor
 * move its old and new line, and only those lines are scanned again, in
 * one pass before the next frame. Only attaching scans the whole text.
 */
typedef struct
{
  GtkTextMark *start;
  GtkTextMark *end;
} DirtyRange;

/* More ranges than this are merged into one. */
#define MAX_DIRTY_RANGES 8

typedef struct
{
  GtkTextView   *view;   /* weak */
  GtkTextBuffer *buffer;
  GtkTextTag    *tag;
  /* The lines still to scan: a few ranges of DirtyRange, kept apart so
   * that a cursor moving far does not scan the lines in between.
   */
  GArray        *dirty;
  guint          idle_id;
  int            cursor_line;
  /* For tests: how many lines were scanned, in all. */
  guint          n_scanned_lines;
} Dimmer;

static Dimmer *
get_dimmer (GtkTextView *view)
{
  return g_object_get_data (G_OBJECT (view), "rst-markup-dimmer");
}

static void
clear_dirty (Dimmer *dimmer)
{
  for (guint i = 0; i < dimmer->dirty->len; i++)
    {
      DirtyRange *range = &g_array_index (dimmer->dirty, DirtyRange, i);

      gtk_text_buffer_delete_mark (dimmer->buffer, range->start);
      gtk_text_buffer_delete_mark (dimmer->buffer, range->end);
    }
  g_array_set_size (dimmer->dirty, 0);
}

static void
dimmer_free (Dimmer *dimmer)
{
  g_clear_handle_id (&dimmer->idle_id, g_source_remove);
  if (dimmer->buffer != NULL)
    {
      g_signal_handlers_disconnect_by_data (dimmer->buffer, dimmer);
      g_signal_handlers_disconnect_by_data (gtk_text_buffer_get_tag_table (dimmer->buffer), dimmer);
      clear_dirty (dimmer);
    }
  g_clear_pointer (&dimmer->dirty, g_array_unref);
  g_clear_object (&dimmer->tag);
  g_clear_object (&dimmer->buffer);
  g_clear_weak_pointer (&dimmer->view);
  g_free (dimmer);
}

static void
scan_line (Dimmer *dimmer,
           int     line)
{
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GArray) runs = NULL;

  gtk_text_buffer_get_iter_at_line (dimmer->buffer, &start, line);
  end = start;
  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  gtk_text_buffer_remove_tag (dimmer->buffer, dimmer->tag, &start, &end);
  dimmer->n_scanned_lines++;

  if (line == dimmer->cursor_line)
    return;

  /* Byte offsets of the line are its line indexes. */
  text = gtk_text_iter_get_slice (&start, &end);
  runs = rst_markup_find_runs (text, strlen (text));
  for (guint i = 0; i < runs->len; i++)
    {
      const RstMarkupRun *run = &g_array_index (runs, RstMarkupRun, i);
      GtkTextIter run_start = start, run_end = start;

      gtk_text_iter_set_line_index (&run_start, (int) run->start);
      gtk_text_iter_set_line_index (&run_end, (int) run->end);
      gtk_text_buffer_apply_tag (dimmer->buffer, dimmer->tag, &run_start, &run_end);
    }
}

typedef struct
{
  int first;
  int last;
} LineRange;

static int
compare_line_ranges (gconstpointer a,
                     gconstpointer b)
{
  return ((const LineRange *) a)->first - ((const LineRange *) b)->first;
}

static void
flush (Dimmer *dimmer)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (LineRange));
  int done = -1;

  g_clear_handle_id (&dimmer->idle_id, g_source_remove);

  for (guint i = 0; i < dimmer->dirty->len; i++)
    {
      DirtyRange *range = &g_array_index (dimmer->dirty, DirtyRange, i);
      GtkTextIter start, end;
      LineRange lr;

      gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &start, range->start);
      gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &end, range->end);
      lr.first = MIN (gtk_text_iter_get_line (&start), gtk_text_iter_get_line (&end));
      lr.last = MAX (gtk_text_iter_get_line (&start), gtk_text_iter_get_line (&end));
      g_array_append_val (lines, lr);
    }
  clear_dirty (dimmer);

  /* Each line once, though edits since may have brought ranges together. */
  g_array_sort (lines, compare_line_ranges);
  for (guint i = 0; i < lines->len; i++)
    {
      const LineRange *lr = &g_array_index (lines, LineRange, i);

      for (int line = MAX (lr->first, done + 1); line <= lr->last; line++)
        scan_line (dimmer, line);
      done = MAX (done, lr->last);
    }
}

static gboolean
flush_idle (gpointer data)
{
  Dimmer *dimmer = data;

  dimmer->idle_id = 0;
  flush (dimmer);
  return G_SOURCE_REMOVE;
}

/* Scanned before the next frame is drawn, once for many edits. */
static void
mark_dirty (Dimmer            *dimmer,
            const GtkTextIter *from,
            const GtkTextIter *to)
{
  GtkTextIter start = *from, end = *to;
  int first, last;
  DirtyRange added;

  gtk_text_iter_order (&start, &end);
  first = gtk_text_iter_get_line (&start);
  last = gtk_text_iter_get_line (&end);

  if (dimmer->idle_id == 0)
    dimmer->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, flush_idle, dimmer, NULL);

  /* Into a range it touches, if any. */
  for (guint i = 0; i < dimmer->dirty->len; i++)
    {
      DirtyRange *range = &g_array_index (dimmer->dirty, DirtyRange, i);
      GtkTextIter range_start, range_end;

      gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &range_start, range->start);
      gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &range_end, range->end);
      if (first > gtk_text_iter_get_line (&range_end) + 1 || last + 1 < gtk_text_iter_get_line (&range_start))
        continue;

      if (gtk_text_iter_compare (&start, &range_start) < 0)
        gtk_text_buffer_move_mark (dimmer->buffer, range->start, &start);
      if (gtk_text_iter_compare (&end, &range_end) > 0)
        gtk_text_buffer_move_mark (dimmer->buffer, range->end, &end);
      return;
    }

  /* Bounded: many far apart edits at once (Replace All) make one range. */
  if (dimmer->dirty->len >= MAX_DIRTY_RANGES)
    {
      for (guint i = 0; i < dimmer->dirty->len; i++)
        {
          DirtyRange *other = &g_array_index (dimmer->dirty, DirtyRange, i);
          GtkTextIter s, e;

          gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &s, other->start);
          gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &e, other->end);
          if (gtk_text_iter_compare (&s, &start) < 0)
            start = s;
          if (gtk_text_iter_compare (&e, &end) > 0)
            end = e;
        }
      clear_dirty (dimmer);
    }

  added.start = gtk_text_buffer_create_mark (dimmer->buffer, NULL, &start, TRUE);
  added.end = gtk_text_buffer_create_mark (dimmer->buffer, NULL, &end, FALSE);
  g_array_append_val (dimmer->dirty, added);
}

static void
mark_line_dirty (Dimmer *dimmer,
                 int     line)
{
  GtkTextIter iter;

  if (line < 0 || line >= gtk_text_buffer_get_line_count (dimmer->buffer))
    return;
  gtk_text_buffer_get_iter_at_line (dimmer->buffer, &iter, line);
  mark_dirty (dimmer, &iter, &iter);
}

/* The cursor's old line is dimmed again, its new one shown plain. Text
 * typed before the cursor moves it without a "mark-set".
 */
static void
sync_cursor_line (Dimmer *dimmer)
{
  GtkTextIter cursor;
  int line;

  gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &cursor, gtk_text_buffer_get_insert (dimmer->buffer));
  line = gtk_text_iter_get_line (&cursor);
  if (line == dimmer->cursor_line)
    return;

  mark_line_dirty (dimmer, dimmer->cursor_line);
  dimmer->cursor_line = line;
  mark_line_dirty (dimmer, line);
}

static void
after_insert_text (GtkTextBuffer *buffer,
                   GtkTextIter   *location,
                   const char    *text,
                   int            length,
                   Dimmer        *dimmer)
{
  GtkTextIter start = *location;

  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, length));
  mark_dirty (dimmer, &start, location);
  sync_cursor_line (dimmer);
}

static void
after_delete_range (GtkTextBuffer *buffer,
                    GtkTextIter   *start,
                    GtkTextIter   *end,
                    Dimmer        *dimmer)
{
  mark_dirty (dimmer, start, end);
  sync_cursor_line (dimmer);
}

static void
mark_set (GtkTextBuffer *buffer,
          GtkTextIter   *location,
          GtkTextMark   *mark,
          Dimmer        *dimmer)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    sync_cursor_line (dimmer);
}

/* Above the highlighting's tags, which the language adds as it meets
 * new styles, so that "**" in a blue heading is dimmed too.
 */
static void
raise_tag (Dimmer *dimmer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (dimmer->buffer);
  int top = gtk_text_tag_table_get_size (table) - 1;

  if (gtk_text_tag_get_priority (dimmer->tag) != top)
    gtk_text_tag_set_priority (dimmer->tag, top);
}

static void
tag_added (GtkTextTagTable *table,
           GtkTextTag      *tag,
           Dimmer          *dimmer)
{
  if (tag != dimmer->tag)
    raise_tag (dimmer);
}

/* The scheme's "rostrum:markup" style, or the text's colour faded. */
static void
update_style (Dimmer *dimmer)
{
  GtkSourceStyleScheme *scheme = NULL;
  GtkSourceStyle *style = NULL;

  if (GTK_SOURCE_IS_BUFFER (dimmer->buffer))
    scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (dimmer->buffer));
  if (scheme != NULL)
    style = gtk_source_style_scheme_get_style (scheme, "rostrum:markup");

  if (style != NULL)
    gtk_source_style_apply (style, dimmer->tag);
  else
    {
      GdkRGBA grey = { 0.5, 0.5, 0.5, 0.8 };

      g_object_set (dimmer->tag, "foreground-rgba", &grey, NULL);
    }
}

/**
 * rst_markup_dimmer_attach:
 *
 * Dims the markup of @view's text outside the cursor's line, for as long
 * as @view lives with its present buffer.
 */
void
rst_markup_dimmer_attach (GtkTextView *view)
{
  Dimmer *dimmer;
  GtkTextIter start, end, cursor;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  if (get_dimmer (view) != NULL)
    return;

  dimmer = g_new0 (Dimmer, 1);
  dimmer->dirty = g_array_new (FALSE, FALSE, sizeof (DirtyRange));
  g_set_weak_pointer (&dimmer->view, view);
  dimmer->buffer = g_object_ref (gtk_text_view_get_buffer (view));
  dimmer->tag = g_object_ref (gtk_text_buffer_create_tag (dimmer->buffer, RST_MARKUP_DIMMER_TAG, NULL));
  gtk_text_buffer_get_iter_at_mark (dimmer->buffer, &cursor, gtk_text_buffer_get_insert (dimmer->buffer));
  dimmer->cursor_line = gtk_text_iter_get_line (&cursor);
  g_object_set_data_full (G_OBJECT (view), "rst-markup-dimmer", dimmer, (GDestroyNotify) dimmer_free);

  update_style (dimmer);
  raise_tag (dimmer);
  if (GTK_SOURCE_IS_BUFFER (dimmer->buffer))
    g_signal_connect_swapped (dimmer->buffer, "notify::style-scheme", G_CALLBACK (update_style), dimmer);
  g_signal_connect (gtk_text_buffer_get_tag_table (dimmer->buffer), "tag-added", G_CALLBACK (tag_added), dimmer);
  g_signal_connect_after (dimmer->buffer, "insert-text", G_CALLBACK (after_insert_text), dimmer);
  g_signal_connect_after (dimmer->buffer, "delete-range", G_CALLBACK (after_delete_range), dimmer);
  g_signal_connect_after (dimmer->buffer, "mark-set", G_CALLBACK (mark_set), dimmer);

  gtk_text_buffer_get_bounds (dimmer->buffer, &start, &end);
  mark_dirty (dimmer, &start, &end);
}

/* Scans what is pending now rather than before the next frame. */
void
rst_markup_dimmer_flush (GtkTextView *view)
{
  Dimmer *dimmer = get_dimmer (view);

  if (dimmer != NULL)
    flush (dimmer);
}

guint
rst_markup_dimmer_get_n_scanned_lines (GtkTextView *view)
{
  Dimmer *dimmer = get_dimmer (view);

  return dimmer != NULL ? dimmer->n_scanned_lines : 0;
}
