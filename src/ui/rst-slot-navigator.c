/* rst-slot-navigator.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-slot-navigator.h"
#include "rst-placeholder.h"

/* Slots are found again in the text at each key press rather than kept
 * as marks: they survive saving and reopening, and a slot the drafter
 * filled simply stops being one. GtkSourceSnippet would forget them as
 * soon as the snippet ends.
 */

typedef struct
{
  int start;
  int end;
} CharRange;

static GArray *
find_slot_ranges (GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) slots = NULL;
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (CharRange));
  GtkTextIter start, end;
  const char *p;
  int offset = 0;

  /* The placeholders of the text as it is this instant, found by the
   * scanner the checker and the exporters use.
   */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  slots = rst_placeholder_find_all (text, 0, strlen (text));

  /* Byte offsets to character offsets, in one pass over the text. */
  p = text;
  for (guint i = 0; i < slots->len; i++)
    {
      const RstPlaceholder *slot = &g_array_index (slots, RstPlaceholder, i);
      CharRange range;

      offset += g_utf8_strlen (p, text + slot->start - p);
      range.start = offset;
      range.end = offset + g_utf8_strlen (text + slot->start, slot->end - slot->start);
      offset = range.end;
      p = text + slot->end;
      g_array_append_val (ranges, range);
    }

  return ranges;
}

static void
select_range (GtkTextView     *view,
              const CharRange *range)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, range->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, range->end);
  /* The cursor at the start, so that typing replaces the slot. */
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.1, FALSE, 0, 0);
}

gboolean
rst_slot_navigator_select_from (GtkTextView *view,
                                int          char_offset)
{
  g_autoptr(GArray) ranges = NULL;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), FALSE);

  ranges = find_slot_ranges (gtk_text_view_get_buffer (view));
  if (ranges->len == 0)
    return FALSE;

  for (guint i = 0; i < ranges->len; i++)
    {
      if (g_array_index (ranges, CharRange, i).start >= char_offset)
        {
          select_range (view, &g_array_index (ranges, CharRange, i));
          return TRUE;
        }
    }

  select_range (view, &g_array_index (ranges, CharRange, 0));
  return TRUE;
}

gboolean
rst_slot_navigator_move (GtkTextView *view,
                         gboolean     forward)
{
  GtkTextBuffer *buffer;
  g_autoptr(GArray) ranges = NULL;
  GtkTextIter sel_start, sel_end;
  int from, to;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), FALSE);

  buffer = gtk_text_view_get_buffer (view);
  ranges = find_slot_ranges (buffer);
  if (ranges->len == 0)
    return FALSE;

  gtk_text_buffer_get_selection_bounds (buffer, &sel_start, &sel_end);
  from = gtk_text_iter_get_offset (&sel_start);
  to = gtk_text_iter_get_offset (&sel_end);

  if (forward)
    {
      for (guint i = 0; i < ranges->len; i++)
        {
          const CharRange *range = &g_array_index (ranges, CharRange, i);

          /* The slot the cursor is in, or the one selected, is passed. */
          if (range->start >= to)
            {
              select_range (view, range);
              return TRUE;
            }
        }
      select_range (view, &g_array_index (ranges, CharRange, 0));
    }
  else
    {
      for (guint i = ranges->len; i > 0; i--)
        {
          const CharRange *range = &g_array_index (ranges, CharRange, i - 1);

          if (range->end <= from)
            {
              select_range (view, range);
              return TRUE;
            }
        }
      select_range (view, &g_array_index (ranges, CharRange, ranges->len - 1));
    }

  return TRUE;
}

static gboolean
rst_slot_navigator_next (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   user_data)
{
  return rst_slot_navigator_move (GTK_TEXT_VIEW (widget), TRUE);
}

static gboolean
rst_slot_navigator_previous (GtkWidget *widget,
                             GVariant  *args,
                             gpointer   user_data)
{
  return rst_slot_navigator_move (GTK_TEXT_VIEW (widget), FALSE);
}

void
rst_slot_navigator_attach (GtkTextView *view)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  if (g_object_get_data (G_OBJECT (view), "rst-slot-navigator") != NULL)
    return;

  /* Capture phase: before the text view inserts a tab character. A
   * callback that finds no slot returns FALSE and the key goes on.
   */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_name (controller, "rst-slot-navigator");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                                                          gtk_callback_action_new (rst_slot_navigator_next,
                                                                                   NULL, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK),
                                                                                       gtk_keyval_trigger_new (GDK_KEY_Tab, GDK_SHIFT_MASK)),
                                                          gtk_callback_action_new (rst_slot_navigator_previous,
                                                                                   NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (view), controller);
  g_object_set_data (G_OBJECT (view), "rst-slot-navigator", controller);
}
