/* test-rehearsal-view.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the rehearsal view from the real window with a fake clock:
 * open with win.rehearse, start, advance, pause, move, reset, and leave
 * with the editor's cursor where the rehearsal stopped.
 */

#include "config.h"

#include <string.h>

#include "rst-rehearsal-view.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;
static gint64 fake_now;

static gint64
fake_clock (gpointer user_data)
{
  return fake_now;
}

static void
advance (RstRehearsalView *view,
         double            seconds)
{
  fake_now += (gint64) (seconds * G_USEC_PER_SEC);
  rst_rehearsal_view_tick (view);
}

static RstPage *
open_path (RstWindow  *window,
           const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  rst_window_open_file (window, file);
  rst_test_ui_wait_checked (rst_window_get_document (window));

  return rst_window_get_current_page (window);
}

static RstRehearsalView *
open_rehearsal (RstWindow *window)
{
  RstRehearsalView *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rehearse", NULL));
  view = RST_REHEARSAL_VIEW (rst_test_ui_find_toplevel (RST_TYPE_REHEARSAL_VIEW, GTK_WINDOW (window)));
  g_assert_nonnull (view);

  fake_now = 1000 * G_USEC_PER_SEC;
  rst_rehearsal_view_set_clock_func (view, fake_clock, NULL);

  return view;
}

static void
act (RstRehearsalView *view,
     const char       *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), action, NULL));
}

/* The source text of a sentence, its white space as the reading copy
 * sets it (the test statements have no markup).
 */
static char *
source_sentence (RstRehearsalView *view,
                 guint             index)
{
  RstRehearsal *rehearsal = rst_rehearsal_view_get_rehearsal (view);
  const RstRehearsalSentence *s = rst_rehearsal_get_sentence (rehearsal, index);
  const char *text = rst_analysis_get_text (rst_rehearsal_get_analysis (rehearsal));
  g_autofree char *slice = g_strndup (text + s->start, s->end - s->start);
  g_auto(GStrv) words = g_strsplit_set (slice, " \n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

static void
assert_current (RstRehearsalView *view,
                guint             index)
{
  g_autofree char *shown = rst_rehearsal_view_dup_current_text (view);
  g_autofree char *expected = source_sentence (view, index);

  g_assert_cmpuint (rst_rehearsal_view_get_current (view), ==, index);
  g_assert_cmpstr (shown, ==, expected);
}

static const char *
clock_text (RstRehearsalView *view)
{
  return gtk_label_get_text (rst_rehearsal_view_get_clock_label (view));
}

/* The text at the editor's cursor. */
static char *
text_at_cursor (RstDocument *document,
                guint        chars)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (document);
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  end = start;
  gtk_text_iter_forward_chars (&end, chars);

  return gtk_text_iter_get_text (&start, &end);
}

static gboolean
is_shown_label_containing (GtkWidget     *widget,
                           gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

static gboolean
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  return rst_test_ui_find_widget (widget, is_shown_label_containing, needle) != NULL;
}

static void
iterate (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

#define STATEMENT                                                                 \
  "---\nlang: en\ntime-limit: \"0:30\"\n---\n"                                    \
  "Mr. President,\n\n"                                                            \
  "First, we welcome the report of the Secretary-General. We support its "        \
  "recommendations and its call for more funding.\n\n"                            \
  "Second, we call on all States to cooperate with the Office.\n\n"               \
  "I thank you.\n"

static void
test_rehearsal_view_drive (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "rehearse.md", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RstRehearsalView *view;
  RstRehearsal *rehearsal;
  RstDocument *document;
  RstWindow *window;
  RstPage *page;
  g_autofree char *status = NULL;
  g_autofree char *at_cursor = NULL;
  g_autofree char *expected = NULL;
  double pace;
  guint start1;

  RST_TEST_REQUIRE_DISPLAY ();

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, STATEMENT, -1, NULL));

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = open_path (window, path);
  document = rst_page_get_document (page);

  view = open_rehearsal (window);
  rehearsal = rst_rehearsal_view_get_rehearsal (view);
  g_assert_cmpuint (rst_rehearsal_get_n_sentences (rehearsal), ==, 5);
  g_assert_false (rst_rehearsal_view_get_running (view));
  g_assert_cmpstr (clock_text (view), ==, "0:00 of 0:30");
  assert_current (view, 0);
  /* Screen readers read the status line, not the clock's every second. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (rst_rehearsal_view_get_clock_label (view))),
                   ==, GTK_ACCESSIBLE_ROLE_PRESENTATION);

  /* Start: the highlight moves on at the council's pace. */
  act (view, "rehearsal.toggle");
  g_assert_true (rst_rehearsal_view_get_running (view));
  status = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view))))));
  start1 = rst_rehearsal_get_sentence (rehearsal, 1)->start_seconds;
  g_assert_cmpuint (start1, >, 0);
  advance (view, start1 - 0.5);
  assert_current (view, 0);
  advance (view, 1.0);
  assert_current (view, 1);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_view_get_elapsed (view), start1 + 0.5, 1e-6);
  {
    g_autofree char *clock = g_strdup_printf ("0:%02u of 0:30", start1);
    g_assert_cmpstr (clock_text (view), ==, clock);
  }
  /* The status line, which screen readers hear, did not change with
   * the seconds.
   */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view))))),
                   ==, status);

  /* Pause: the clock and the highlight stand still. */
  act (view, "rehearsal.toggle");
  g_assert_false (rst_rehearsal_view_get_running (view));
  advance (view, 100.0);
  assert_current (view, 1);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_view_get_elapsed (view), start1 + 0.5, 1e-6);

  /* The speaker moves the highlight. */
  act (view, "rehearsal.next");
  assert_current (view, 2);
  act (view, "rehearsal.previous");
  assert_current (view, 1);
  act (view, "rehearsal.previous");
  act (view, "rehearsal.previous");
  assert_current (view, 0);

  /* Warning at 80 % of the limit, error past it. */
  act (view, "rehearsal.toggle");
  advance (view, 24.0 - rst_rehearsal_view_get_elapsed (view) - 0.5);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view)), "warning"));
  advance (view, 0.5);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view)), "warning"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view)), "error"));
  advance (view, 7.0);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view)), "error"));
  g_assert_cmpstr (clock_text (view), ==, "0:31 of 0:30");
  /* Long past its time, the statement ends at its last sentence. */
  assert_current (view, 4);

  /* Reset: back to the start, nothing learned. */
  act (view, "rehearsal.reset");
  g_assert_false (rst_rehearsal_view_get_running (view));
  g_assert_cmpstr (clock_text (view), ==, "0:00 of 0:30");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view)), "error"));
  g_assert_false (rst_rehearsal_has_times (rehearsal));
  assert_current (view, 0);

  /* A rehearsal by the speaker's moves: 0.5 s, 6 s, 4 s, 5 s, 1 s; from
   * the first move, the speaker sets the pace.
   */
  act (view, "rehearsal.toggle");
  advance (view, 0.5);
  act (view, "rehearsal.next");
  advance (view, 6.0);
  act (view, "rehearsal.next");
  advance (view, 4.0);
  act (view, "rehearsal.next");
  advance (view, 5.0);
  assert_current (view, 3);
  act (view, "rehearsal.next");
  advance (view, 1.0);
  act (view, "rehearsal.toggle");
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_time (rehearsal, 0), 0.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_time (rehearsal, 1), 6.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_time (rehearsal, 4), 1.0, 1e-6);
  /* "First" is sentences 1 and 2. */
  g_assert_cmpuint (rst_rehearsal_get_sentence (rehearsal, 2)->part, ==, 1);
  g_assert_cmpfloat_with_epsilon (rst_rehearsal_get_part_time (rehearsal, 1), 10.0, 1e-6);

  /* Its pace becomes the drafter's with one click. */
  pace = rst_rehearsal_get_units_per_minute (rehearsal);
  g_assert_cmpfloat (pace, >, 0.0);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (gtk_widget_get_next_sibling (GTK_WIDGET (rst_rehearsal_view_get_clock_label (view))))));
  act (view, "rehearsal.use-pace");
  g_assert_cmpfloat (g_settings_get_double (settings, "words-per-minute"), ==, (double) (guint) (pace + 0.5));

  /* Escape: back in the editor at the start of the sentence reached. */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  rst_rehearsal_view_set_current (view, 2);
  expected = source_sentence (view, 2);
  act (view, "rehearsal.leave");
  iterate ();
  g_assert_null (view);
  at_cursor = text_at_cursor (document, g_utf8_strlen (expected, -1));
  g_assert_cmpstr (at_cursor, ==, expected);
  g_assert_cmpstr (expected, ==, "We support its recommendations and its call for more funding.");

  /* The outline shows what the rehearsal learned, until the text changes. */
  rst_page_set_sidebar_visible (page, TRUE);
  rst_test_ui_wait_checked (document);
  iterate ();
  g_assert_true (find_label_containing (GTK_WIDGET (rst_page_get_sidebar (page)), "rehearsed 0:10"));
  gtk_text_buffer_insert_at_cursor (GTK_TEXT_BUFFER (document), "Indeed, ", -1);
  rst_test_ui_wait_checked (document);
  iterate ();
  g_assert_false (find_label_containing (GTK_WIDGET (rst_page_get_sidebar (page)), "rehearsed"));

  g_settings_reset (settings, "words-per-minute");
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  rst_window_close_without_asking (window);
  iterate ();
}

/* The action a shortcut of @widget's runs, in the capture phase (where
 * no focused button takes the key first) when @capture.
 */
static char *
find_shortcut (GtkWidget  *widget,
               const char *trigger,
               gboolean    capture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          (capture && gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) != GTK_PHASE_CAPTURE))
        continue;

      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (action) && g_strcmp0 (text, trigger) == 0)
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }

  return NULL;
}

/* The keys of DESIGN.md and the issue, caught wherever the focus is. */
static void
test_rehearsal_view_keys (void)
{
  static const struct {
    const char *trigger;
    const char *action;
  } expected[] = {
    { "space", "rehearsal.toggle" },
    { "r", "rehearsal.reset" },
    { "Down", "rehearsal.next" },
    { "Page_Down", "rehearsal.next" },
    { "Up", "rehearsal.previous" },
    { "F11", "rehearsal.fullscreen" },
    { "Escape", "rehearsal.leave" },
  };
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "keys.md", NULL);
  RstRehearsalView *view;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, STATEMENT, -1, NULL));
  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  open_path (window, path);

  /* F5 in the window, as DESIGN.md says. */
  {
    g_autofree char *f5 = find_shortcut (GTK_WIDGET (window), "F5", FALSE);
    g_assert_cmpstr (f5, ==, "win.rehearse");
  }

  view = open_rehearsal (window);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *action = find_shortcut (GTK_WIDGET (view), expected[i].trigger, TRUE);
      g_assert_cmpstr (action, ==, expected[i].action);
    }

  /* F11 makes it full screen; leaving closes it. */
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  act (view, "rehearsal.fullscreen");
  act (view, "rehearsal.leave");
  iterate ();
  g_assert_null (view);

  rst_window_close_without_asking (window);
  iterate ();
}

/* An empty statement rehearses nothing, and says so without a warning. */
static void
test_rehearsal_view_empty (void)
{
  RstRehearsalView *view;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_test_ui_wait_checked (rst_window_get_document (window));

  view = open_rehearsal (window);
  g_assert_cmpuint (rst_rehearsal_get_n_sentences (rst_rehearsal_view_get_rehearsal (view)), ==, 0);
  g_assert_null (rst_rehearsal_view_dup_current_text (view));
  /* Nothing to start; moving and resetting do nothing. */
  act (view, "rehearsal.next");
  act (view, "rehearsal.reset");
  rst_rehearsal_view_set_running (view, TRUE);
  g_assert_false (rst_rehearsal_view_get_running (view));
  advance (view, 5.0);
  g_assert_cmpuint (rst_rehearsal_view_get_current (view), ==, 0);

  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  act (view, "rehearsal.leave");
  iterate ();
  g_assert_null (view);

  rst_window_close_without_asking (window);
  iterate ();
}

/* Every language: the reading copy's direction, the whole statement in
 * its estimate, and back at the last sentence.
 */
static void
test_rehearsal_view_languages (void)
{
  static const struct {
    const char *file;
    gboolean    rtl;
  } files[] = {
    { "ar-iom-114-egypt.txt", TRUE },
    { "en-hrc-id-high-commissioner.txt", FALSE },
    { "es-wha-77-mexico.txt", FALSE },
    { "fr-hrc-56-france.txt", FALSE },
    { "ru-unga-79-russia.txt", FALSE },
    { "zh-iom-114-china.txt", FALSE },
  };

  RST_TEST_REQUIRE_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", files[i].file, NULL);
      RstWindow *window = rst_window_new (app);
      RstRehearsalView *view;
      RstRehearsal *rehearsal;
      RstAnalysis *analysis;
      RstDocument *document;
      guint n, total, limit;
      g_autofree char *first = NULL;
      g_autofree char *clock = NULL;
      g_autofree char *total_text = NULL;
      GtkTextIter cursor, iter;

      gtk_window_present (GTK_WINDOW (window));
      document = rst_page_get_document (open_path (window, path));
      view = open_rehearsal (window);
      rehearsal = rst_rehearsal_view_get_rehearsal (view);
      analysis = rst_rehearsal_get_analysis (rehearsal);
      n = rst_rehearsal_get_n_sentences (rehearsal);
      total = rst_analysis_get_speaking_seconds (analysis);
      limit = rst_analysis_get_time_limit (analysis);
      g_test_message ("%s: %u sentences, %u s of %u s", files[i].file, n, total, limit);
      g_assert_cmpuint (n, >, 5);

      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (rst_rehearsal_view_get_text_view (view))), ==,
                       files[i].rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

      /* Every sentence is found in the reading copy's text. */
      for (guint k = 0; k < n; k++)
        {
          g_autofree char *shown = NULL;

          rst_rehearsal_view_set_current (view, k);
          shown = rst_rehearsal_view_dup_current_text (view);
          g_assert_nonnull (shown);
          g_assert_cmpstr (shown, !=, "");
        }
      rst_rehearsal_view_set_current (view, 0);
      first = rst_rehearsal_view_dup_current_text (view);

      /* At the council's pace the statement takes its estimate. */
      act (view, "rehearsal.toggle");
      advance (view, total - 0.5);
      g_assert_cmpuint (rst_rehearsal_view_get_current (view), ==, n - 1);
      total_text = rst_timing_format (total - 1);
      g_assert_true (g_str_has_prefix (clock_text (view), total_text));
      if (limit > 0)
        {
          g_autofree char *limit_text = rst_timing_format (limit);
          clock = g_strdup_printf ("%s of %s", total_text, limit_text);
          g_assert_cmpstr (clock_text (view), ==, clock);
        }

      /* Leaving puts the cursor at the last sentence. */
      act (view, "rehearsal.leave");
      iterate ();
      gtk_text_buffer_get_iter_at_mark (GTK_TEXT_BUFFER (document), &cursor,
                                        gtk_text_buffer_get_insert (GTK_TEXT_BUFFER (document)));
      g_assert_true (rst_document_checker_get_iter_at_offset (rst_document_get_checker (document),
                                                               rst_rehearsal_get_sentence (rehearsal, n - 1)->start,
                                                               &iter));
      g_assert_cmpint (gtk_text_iter_get_offset (&cursor), ==, gtk_text_iter_get_offset (&iter));

      rst_window_close_without_asking (window);
      iterate ();
    }
}

/* A Chinese statement, rehearsed: its pace is in characters, and one
 * click makes it the drafter's pace for statements timed in characters,
 * leaving the pace in words as it was; the editor's estimate follows.
 */
static void
test_rehearsal_view_pace_in_characters (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "zh-iom-114-china.txt", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RstWindow *window;
  RstRehearsalView *view;
  RstRehearsal *rehearsal;
  RstDocument *document;
  RstAnalysis *analysis;
  double pace;
  guint n;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  document = rst_page_get_document (open_path (window, path));
  view = open_rehearsal (window);
  rehearsal = rst_rehearsal_view_get_rehearsal (view);
  g_assert_cmpint (rst_analysis_get_timing_unit (rst_rehearsal_get_analysis (rehearsal)), ==,
                   RST_TIMING_UNIT_CHARACTERS);

  /* Three seconds a sentence, each moved on by the speaker. */
  n = rst_rehearsal_get_n_sentences (rehearsal);
  act (view, "rehearsal.toggle");
  for (guint k = 0; k + 1 < n; k++)
    {
      advance (view, 3.0);
      act (view, "rehearsal.next");
    }
  advance (view, 3.0);
  act (view, "rehearsal.toggle");

  pace = rst_rehearsal_get_units_per_minute (rehearsal);
  g_test_message ("%u sentences rehearsed at %.1f characters a minute", n, pace);
  g_assert_cmpfloat (pace, >, 0.0);
  act (view, "rehearsal.use-pace");
  g_assert_cmpfloat (g_settings_get_double (settings, "characters-per-minute"), ==, (double) (guint) (pace + 0.5));
  g_assert_cmpfloat (g_settings_get_double (settings, "words-per-minute"), ==, 0.0);

  act (view, "rehearsal.leave");
  iterate ();
  rst_test_ui_wait_checked (document);
  analysis = rst_document_checker_get_analysis (rst_document_get_checker (document));
  g_assert_cmpfloat (rst_analysis_get_units_per_minute (analysis), ==, (double) (guint) (pace + 0.5));

  g_settings_reset (settings, "characters-per-minute");
  rst_window_close_without_asking (window);
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/rehearsal-view/drive", test_rehearsal_view_drive);
  g_test_add_func ("/rehearsal-view/keys", test_rehearsal_view_keys);
  g_test_add_func ("/rehearsal-view/empty", test_rehearsal_view_empty);
  g_test_add_func ("/rehearsal-view/languages", test_rehearsal_view_languages);
  g_test_add_func ("/rehearsal-view/pace-in-characters", test_rehearsal_view_pace_in_characters);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
