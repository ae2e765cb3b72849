/* test-slot-navigator.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tab between {{slots}} in a plain text view: order, wrapping, slots
 * after non-ASCII text, filled slots, and no slots at all.
 */

#include "config.h"

#include "rst-slot-navigator.h"
#include "rst-test-ui.h"

static char *
selection (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return g_strdup ("");
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static void
assert_selection (GtkTextView *view,
                  const char  *expected)
{
  g_autofree char *text = selection (view);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_slot_navigator_moves (void)
{
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter start;

  RST_TEST_REQUIRE_DISPLAY ();

  view = GTK_TEXT_VIEW (g_object_ref_sink (gtk_text_view_new ()));
  buffer = gtk_text_view_get_buffer (view);
  /* Characters before the slots that take more than one byte each. */
  gtk_text_buffer_set_text (buffer,
                            "Señor Président — {{chair_address}},\n\n"
                            "Nous remercions {{Name}} pour « {{Title of the report}} ».\n",
                            -1);
  rst_slot_navigator_attach (view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  g_assert_true (rst_slot_navigator_move (view, TRUE));
  assert_selection (view, "{{chair_address}}");
  g_assert_true (rst_slot_navigator_move (view, TRUE));
  assert_selection (view, "{{Name}}");
  g_assert_true (rst_slot_navigator_move (view, TRUE));
  assert_selection (view, "{{Title of the report}}");
  /* Past the last, back to the first. */
  g_assert_true (rst_slot_navigator_move (view, TRUE));
  assert_selection (view, "{{chair_address}}");
  /* And backwards from the first, to the last. */
  g_assert_true (rst_slot_navigator_move (view, FALSE));
  assert_selection (view, "{{Title of the report}}");
  g_assert_true (rst_slot_navigator_move (view, FALSE));
  assert_selection (view, "{{Name}}");

  /* Filling a slot removes it from the round. */
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_at_cursor (buffer, "Mme Pope", -1);
  g_assert_true (rst_slot_navigator_move (view, TRUE));
  assert_selection (view, "{{Title of the report}}");
  g_assert_true (rst_slot_navigator_move (view, FALSE));
  assert_selection (view, "{{chair_address}}");

  /* select_from: the first slot at or after an offset. */
  g_assert_true (rst_slot_navigator_select_from (view, 20));
  assert_selection (view, "{{Title of the report}}");

  g_object_unref (view);
}

static void
test_slot_navigator_without_slots (void)
{
  GtkTextView *view;
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  RST_TEST_REQUIRE_DISPLAY ();

  view = GTK_TEXT_VIEW (g_object_ref_sink (gtk_text_view_new ()));
  buffer = gtk_text_view_get_buffer (view);
  /* An unclosed brace pair is no slot. */
  gtk_text_buffer_set_text (buffer, "Mr. President, {{not closed\n\nI thank you.\n", -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 4);
  gtk_text_buffer_place_cursor (buffer, &iter);

  g_assert_false (rst_slot_navigator_move (view, TRUE));
  g_assert_false (rst_slot_navigator_move (view, FALSE));
  g_assert_false (rst_slot_navigator_select_from (view, 0));
  /* Nothing moved. */
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 4);

  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/slot-navigator/moves", test_slot_navigator_moves);
  g_test_add_func ("/slot-navigator/without-slots", test_slot_navigator_without_slots);

  return g_test_run ();
}
