/* rst-goto-line.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-goto-line.h"

/* Go to Line (Ctrl+I, as in GNOME Text Editor): a small popover over the
 * text with the line number, the cursor's line to start with. The
 * gutter shows the same numbers when line numbers are on.
 */

/* "42" in any script's digits ("٤٢" as an Arabic keyboard types it),
 * blanks around it allowed; FALSE for anything else or 0.
 */
gboolean
rst_goto_line_parse (const char *text,
                     guint      *line)
{
  guint64 value = 0;
  guint digits = 0;

  g_return_val_if_fail (line != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = g_unichar_digit_value (c);

      if (digit >= 0)
        {
          /* A line past G_MAXUINT is the last line anyway. */
          if (value < G_MAXUINT)
            value = value * 10 + digit;
          digits++;
        }
      else if (!g_unichar_isspace (c))
        return FALSE;
      else if (digits > 0)
        {
          /* Only blanks may follow the number. */
          for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
            if (!g_unichar_isspace (g_utf8_get_char (q)))
              return FALSE;
          break;
        }
    }

  if (digits == 0 || value == 0)
    return FALSE;

  *line = (guint) MIN (value, G_MAXUINT);
  return TRUE;
}

/**
 * rst_goto_line_move_to:
 * @line: counted from 1; past the end is the last line
 *
 * Puts the cursor at the start of @line and scrolls the text to it.
 */
void
rst_goto_line_move_to (GtkTextView *view,
                       guint        line)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_line (buffer, &iter, (int) MIN (MAX (line, 1) - 1, (guint) G_MAXINT));
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (view, gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (view));
}

static void
entry_activate (GtkEntry   *entry,
                GtkPopover *popover)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (popover), "rst-view");
  guint line;

  if (view == NULL || !rst_goto_line_parse (gtk_editable_get_text (GTK_EDITABLE (entry)), &line))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }

  gtk_popover_popdown (popover);
  rst_goto_line_move_to (view, line);
}

static void
entry_changed (GtkEntry *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

/**
 * rst_goto_line_popover_new:
 *
 * Returns: (transfer full): a popover to parent to @view
 */
GtkPopover *
rst_goto_line_popover_new (GtkTextView *view)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Go to Line"));
  GtkWidget *entry = gtk_entry_new ();

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Line number"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_position (GTK_POPOVER (popover), GTK_POS_BOTTOM);

  g_object_set_data (G_OBJECT (popover), "rst-view", view);
  g_object_set_data (G_OBJECT (popover), "rst-entry", entry);
  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activate), popover, G_CONNECT_DEFAULT);
  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed), NULL);

  return GTK_POPOVER (popover);
}

/* Opens @popover at the top of its view with the cursor's line. */
void
rst_goto_line_popup (GtkPopover *popover)
{
  GtkTextView *view = g_object_get_data (G_OBJECT (popover), "rst-view");
  GtkWidget *entry = g_object_get_data (G_OBJECT (popover), "rst-entry");
  g_autofree char *number = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter cursor;
  GdkRectangle rect;

  g_return_if_fail (GTK_IS_POPOVER (popover));
  g_return_if_fail (view != NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  number = g_strdup_printf ("%d", gtk_text_iter_get_line (&cursor) + 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), number);

  rect.x = gtk_widget_get_width (GTK_WIDGET (view)) / 2;
  rect.y = 0;
  rect.width = 1;
  rect.height = 1;
  gtk_popover_set_pointing_to (popover, &rect);
  gtk_popover_popup (popover);
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}
