/* bench-live-check.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a keystroke costs the main loop on a 1 MB statement in the real
 * window, with live checking on: characters are typed one by one at a
 * drafter's pace while the main loop runs; each keystroke is timed from
 * the insert through the work it leaves pending, every main-loop iteration
 * is timed on its own (layout, drawing, highlighting, applying a check),
 * and the checker's apply step is reported apart. Prints figures, asserts
 * nothing about time. Run under Xvfb:
 * xvfb-run -a meson test -C _build --benchmark -v live-check
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rst-test-ui.h"
#include "rst-window.h"

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* A long statement from the fixture's own paragraphs, as bench-check makes. */
static char *
generate (const char *fixture,
          gsize       target)
{
  g_auto(GStrv) blocks = g_strsplit (fixture, "\n\n", -1);
  g_autoptr(GPtrArray) prose = g_ptr_array_new ();
  GString *out = g_string_sized_new (target + 4096);
  const char *ordinals[] = { "First", "Second", "Third", "Fourth", "Fifth" };
  guint i = 0;

  for (guint k = 0; blocks[k] != NULL; k++)
    {
      char *block = g_strstrip (blocks[k]);
      const char *comma = strchr (block, ',');

      if (comma != NULL && comma - block < 8 && strchr (block, ' ') > comma)
        block = (char *)comma + 2;
      if (strlen (block) > 200 && !g_ascii_islower (block[0]))
        g_ptr_array_add (prose, block);
    }

  g_string_append (out, "---\ncouncil: iom\ntime-limit: 5:00\n---\n"
                        "**Statement by H.E. Ambassador Chen Xu\nat the 114th Session of the Council of IOM**\n\n"
                        "Mr. Chairperson,\n\nAt the outset, we would like to make five points.\n\n");
  while (out->len < target)
    {
      const char *para = g_ptr_array_index (prose, i % prose->len);

      if (i < G_N_ELEMENTS (ordinals))
        g_string_append_printf (out, "%s, %s\n\n", ordinals[i], para);
      else
        g_string_append_printf (out, "%s\n\n", para);
      i++;
    }
  g_string_append (out, "Mr. Chairperson,\n\nI thank you.\n");

  return g_string_free (out, FALSE);
}

static gint64 max_iteration;
static gint64 max_iteration_pause;
static gboolean pausing;

/* Runs the main loop for @ms, timing every iteration that does work. */
static void
run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      gint64 start = g_get_monotonic_time ();

      if (g_main_context_iteration (NULL, FALSE))
        {
          if (pausing)
            max_iteration_pause = MAX (max_iteration_pause, g_get_monotonic_time () - start);
          else
            max_iteration = MAX (max_iteration, g_get_monotonic_time () - start);
        }
      else
        g_usleep (500);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *fixture_path = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) inserts = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) applies = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(RstApplication) app = NULL;
  RstDocumentChecker *checker;
  GtkTextBuffer *buffer;
  RstDocument *document;
  RstWindow *window;
  GtkTextIter iter;
  const char *typed = "and we stand ready to work with all ";
  gint64 started;

  rst_test_ui_init (&argc, &argv);
  if (!rst_test_have_display)
    {
      printf ("# skipped: no display (run under Xvfb)\n");
      return 0;
    }

  fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_file_get_contents (fixture_path, &fixture, NULL, &error);
  g_assert_no_error (error);
  text = generate (fixture, 1 << 20);
  path = g_build_filename (g_get_user_data_dir (), "big.md", NULL);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  app = rst_test_ui_create_application ();
  window = rst_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));

  started = g_get_monotonic_time ();
  rst_window_open_file (window, file);
  document = rst_window_get_document (window);
  buffer = GTK_TEXT_BUFFER (document);
  checker = rst_document_get_checker (document);
  while (rst_document_get_busy (document) || !rst_document_checker_get_up_to_date (checker))
    g_main_context_iteration (NULL, TRUE);
  printf ("# %zu bytes loaded and first checked in %.0f ms (apply step %.2f ms, %u diagnostics, %u outline entries)\n",
          strlen (text), (g_get_monotonic_time () - started) / 1000.0,
          rst_document_checker_get_last_apply_usec (checker) / 1000.0,
          g_list_model_get_n_items (rst_document_checker_get_diagnostics (checker)),
          g_list_model_get_n_items (rst_document_checker_get_outline (checker)));

  /* The check covered the whole statement. */
  {
    RstAnalysis *analysis = rst_document_checker_get_analysis (checker);
    g_autofree char *timing = NULL;

    g_assert_nonnull (analysis);
    /* GtkSourceView keeps a final line break implicit. */
    g_assert_cmpuint (rst_analysis_get_length (analysis), ==,
                      strlen (text) - g_str_has_suffix (text, "\n"));
    timing = rst_analysis_dup_timing_text (analysis);
    printf ("# analysis: %s, %u diagnostics\n", timing, rst_analysis_get_diagnostics (analysis)->len);
  }

  /* Let the first highlighting and layout settle: typing starts later. */
  run_for (1500);

  /* Type in the middle of the document, where the cursor is shown. */
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, gtk_text_buffer_get_char_count (buffer) / 2);
  gtk_text_iter_forward_sentence_end (&iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (rst_window_get_view (window)),
                                gtk_text_buffer_get_insert (buffer), 0.0, TRUE, 0.0, 0.5);
  run_for (1000);
  max_iteration = 0;

  for (guint round = 0; round < 3; round++)
    {
      for (const char *c = typed; *c != '\0'; c++)
        {
          char s[2] = { *c, '\0' };
          gint64 start = g_get_monotonic_time ();
          gint64 elapsed;

          /* The insert with every handler it runs (the checker's among
           * them), then the one iteration that follows it.
           */
          gtk_text_buffer_insert_interactive_at_cursor (buffer, s, 1, TRUE);
          elapsed = g_get_monotonic_time () - start;
          g_array_append_val (inserts, elapsed);
          g_main_context_iteration (NULL, FALSE);
          elapsed = g_get_monotonic_time () - start;
          g_array_append_val (keystrokes, elapsed);

          /* About 8 characters a second, a quick typist. */
          run_for (120);
        }

      /* The drafter pauses: the check runs and is applied. */
      pausing = TRUE;
      /* Not blocking: only iterations that do work are timed. */
      while (!rst_document_checker_get_up_to_date (checker))
        {
          gint64 start = g_get_monotonic_time ();

          if (g_main_context_iteration (NULL, FALSE))
            max_iteration_pause = MAX (max_iteration_pause, g_get_monotonic_time () - start);
          else
            g_usleep (500);
        }
      {
        gint64 apply = rst_document_checker_get_last_apply_usec (checker);
        g_array_append_val (applies, apply);
      }
      run_for (300);
      pausing = FALSE;
    }

  g_array_sort (keystrokes, compare_gint64);
  g_array_sort (inserts, compare_gint64);
  printf ("# insert call alone (buffer, highlighting, checker's change handler): median %.3f ms, max %.3f ms\n",
          g_array_index (inserts, gint64, inserts->len / 2) / 1000.0,
          g_array_index (inserts, gint64, inserts->len - 1) / 1000.0);
  g_array_sort (applies, compare_gint64);
  printf ("# keystroke (insert + the next main-loop iteration), %u keystrokes: median %.2f ms, max %.2f ms\n",
          keystrokes->len,
          g_array_index (keystrokes, gint64, keystrokes->len / 2) / 1000.0,
          g_array_index (keystrokes, gint64, keystrokes->len - 1) / 1000.0);
  printf ("# longest single main-loop iteration between keystrokes (layout, drawing, highlighting): %.2f ms\n",
          max_iteration / 1000.0);
  printf ("# longest single main-loop iteration in the pauses (snapshot, check apply, relayout): %.2f ms\n",
          max_iteration_pause / 1000.0);
  printf ("# re-check apply step (snapshot excluded, tags, marks, models), %u checks: median %.2f ms, max %.2f ms\n",
          applies->len,
          g_array_index (applies, gint64, applies->len / 2) / 1000.0,
          g_array_index (applies, gint64, applies->len - 1) / 1000.0);

  /* The snapshot the thread works on is taken in the main loop too. */
  {
    GtkTextIter begin, end;
    gint64 start = g_get_monotonic_time ();
    g_autofree char *snapshot = NULL;

    gtk_text_buffer_get_bounds (buffer, &begin, &end);
    snapshot = gtk_text_buffer_get_text (buffer, &begin, &end, TRUE);
    printf ("# snapshot of the buffer for the worker thread: %.2f ms\n",
            (g_get_monotonic_time () - start) / 1000.0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
