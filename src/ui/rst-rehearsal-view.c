/* rst-rehearsal-view.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "rst-manuscript.h"
#include "rst-rehearsal-view.h"
#include "rst-word.h"
#include "rst-writing.h"

/* The statement as the speaker reads it at the rostrum, sentence by
 * sentence against the clock (DESIGN.md, "Editor": F5). The text is the
 * reading copy's (rst_manuscript_new(): markup resolved, the language's
 * typography, faces), one sentence to a line as the reading copy sets
 * it; the sentences and their times are core's (RstRehearsal), so the
 * view cuts and times nothing itself.
 *
 * The clock reads monotonic time only when something happens: on a
 * timeout at the next whole second while it runs, and on a key. Nothing
 * runs while it is paused. Screen readers hear the clock when it starts,
 * pauses or resets: they read the status line under it, which changes
 * only then, and not the big clock, which is presentation only (a
 * label's accessible name follows its text, every second).
 */

/* The clock warns from this share of the limit. */
#define WARNING_SHARE 0.8

struct _RstRehearsalView
{
  AdwWindow              parent_instance;

  RstRehearsal          *rehearsal;
  /* Per sentence: where it is in the text view's buffer, in characters. */
  GArray                *bounds;

  RstRehearsalClockFunc  clock_func;
  gpointer               clock_data;

  gboolean               running;
  /* The clock when the run started, and the seconds of earlier runs. */
  gint64                 started_at;
  double                 banked;
  /* The sentence shown, when it was reached, and up to when its time is
   * recorded in the rehearsal (all in elapsed seconds).
   */
  guint                  current;
  double                 entered_at;
  double                 recorded_until;
  guint                  timeout_id;
  /* The speaker moved the highlight while the clock ran: from then on
   * the speaker sets the pace, and the times are the speaker's.
   */
  gboolean               manual;
  gboolean               finished;

  GtkTextTag            *current_tag;
  GtkTextTag            *paragraph_tag;
  int                    narrow;

  /* Template widgets */
  GtkWidget             *toggle_button;
  GtkLabel              *clock_label;
  GtkLabel              *status_label;
  GtkWidget             *pace_box;
  GtkLabel              *pace_label;
  GtkWidget             *pace_button;
  GtkTextView           *text_view;
};

typedef struct
{
  int start;
  int end;
} Bounds;

G_DEFINE_FINAL_TYPE (RstRehearsalView, rst_rehearsal_view, ADW_TYPE_WINDOW)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rst_rehearsal_view_update   (RstRehearsalView *self);
static void rst_rehearsal_view_schedule (RstRehearsalView *self);

/* Time */

static gint64
rst_rehearsal_view_now (RstRehearsalView *self)
{
  if (self->clock_func != NULL)
    return self->clock_func (self->clock_data);
  return g_get_monotonic_time ();
}

double
rst_rehearsal_view_get_elapsed (RstRehearsalView *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), 0.0);

  if (!self->running)
    return self->banked;
  return self->banked + MAX (rst_rehearsal_view_now (self) - self->started_at, 0) / (double) G_USEC_PER_SEC;
}

static guint
sentence_seconds (RstRehearsalView *self,
                  guint             index)
{
  return rst_rehearsal_get_sentence (self->rehearsal, index)->seconds;
}

/* The time up to @until goes to the sentence shown. */
static void
record (RstRehearsalView *self,
        double            until)
{
  if (rst_rehearsal_get_n_sentences (self->rehearsal) > 0 && until > self->recorded_until)
    rst_rehearsal_add_time (self->rehearsal, self->current, until - self->recorded_until);
  self->recorded_until = MAX (self->recorded_until, until);
}

/* Text */

static void
highlight (RstRehearsalView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  const Bounds *bounds;
  GtkTextMark *mark;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->current_tag, &start, &end);

  if (self->current >= self->bounds->len)
    return;

  bounds = &g_array_index (self->bounds, Bounds, self->current);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, bounds->start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, bounds->end);
  gtk_text_buffer_apply_tag (buffer, self->current_tag, &start, &end);

  /* The sentence read stays a third of the way down, with what comes
   * next in view.
   */
  mark = gtk_text_buffer_get_mark (buffer, "rst-current");
  gtk_text_buffer_move_mark (buffer, mark, &start);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.3);
}

/* Bold for the ordinals and the heading, as the reading copy sets them. */
static void
insert_runs (GtkTextBuffer    *buffer,
             const RstBlock   *block,
             gsize             from,
             gsize             to,
             const RstWriting *writing)
{
  GtkTextIter end;

  for (guint i = 0; i < block->n_runs; i++)
    {
      const RstRun *run = &block->runs[i];
      gsize a = MAX (from, run->start);
      gsize b = MIN (to, run->end);
      const char *tags[3] = { NULL };
      guint n = 0;

      if (a >= b)
        continue;

      if (run->flags & (RST_RUN_BOLD | RST_RUN_ORDINAL) || block->kind == RST_BLOCK_HEADING)
        tags[n++] = "bold";
      if ((run->flags & RST_RUN_ITALIC) && rst_writing_has_italic (writing))
        tags[n++] = "italic";

      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert_with_tags_by_name (buffer, &end, block->text + a, b - a,
                                                "reading", tags[0], tags[1], NULL);
    }
}

/* Where the words of a block start, read once from its start: the
 * sentences of a paragraph come in order, so one walk over a block
 * finds them all, however many there are.
 */
typedef struct
{
  const RstBlock *block;
  gsize           pos;
  guint           words;  /* words read before pos */
  gsize           start;  /* where the last word read starts */
} WordCursor;

/* Where the @n-th word of the block starts (its length past the last). */
static gsize
word_offset (WordCursor     *cursor,
             const RstBlock *block,
             gsize           len,
             guint           n)
{
  gsize ws, we;

  if (n == 0)
    return 0;

  if (cursor->block == block && cursor->words > 0 && n == cursor->words - 1)
    return cursor->start;
  if (cursor->block != block || n < cursor->words)
    {
      cursor->block = block;
      cursor->pos = 0;
      cursor->words = 0;
      cursor->start = 0;
    }

  while (cursor->words <= n)
    {
      if (!rst_next_word (block->text, &cursor->pos, len, &ws, &we))
        return len;
      cursor->start = ws;
      cursor->words++;
    }

  return cursor->start;
}

static const RstBlock *
find_block (GPtrArray *blocks,
            gsize      source_start,
            guint     *hint)
{
  for (guint i = *hint; i < blocks->len; i++)
    {
      const RstBlock *block = g_ptr_array_index (blocks, i);

      if (block->source_start == source_start)
        {
          *hint = i;
          return block;
        }
      if (block->source_start > source_start)
        break;
    }

  return NULL;
}

/* The reading copy's blocks, one sentence to a line: each sentence is
 * found in its block by the words before it in its paragraph, the
 * manuscript keeping every word of the paragraph.
 */
static void
fill_text (RstRehearsalView *self)
{
  RstAnalysis *analysis = rst_rehearsal_get_analysis (self->rehearsal);
  g_autoptr(RstManuscript) manuscript = rst_manuscript_new (analysis);
  RstStatement *statement = rst_analysis_get_statement (analysis);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  const RstParagraph *paragraphs;
  guint n_paragraphs = 0;
  guint n = rst_rehearsal_get_n_sentences (self->rehearsal);
  g_autofree char *families = NULL;
  const char *text = rst_analysis_get_text (analysis);
  gboolean rtl = rst_writing_is_rtl (manuscript->writing);
  WordCursor cursor = { NULL, 0, 0, 0 };
  guint hint = 0;
  GtkTextIter end;

  paragraphs = rst_statement_get_paragraphs (statement, &n_paragraphs);
  families = g_strjoinv (",", manuscript->page.families);

  gtk_text_buffer_create_tag (buffer, "reading",
                              "family", families,
                              "language", rst_writing_get_pango_language (manuscript->writing),
                              "direction", rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->paragraph_tag = gtk_text_buffer_create_tag (buffer, "paragraph", NULL);
  self->current_tag = gtk_text_buffer_create_tag (buffer, "current", NULL);
  gtk_widget_set_direction (GTK_WIDGET (self->text_view), rtl ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);

  g_array_set_size (self->bounds, n);
  for (guint i = 0; i < n; i++)
    {
      const RstRehearsalSentence *s = rst_rehearsal_get_sentence (self->rehearsal, i);
      const RstRehearsalSentence *next = i + 1 < n ? rst_rehearsal_get_sentence (self->rehearsal, i + 1) : NULL;
      gboolean last_of_paragraph = next == NULL || next->paragraph != s->paragraph;
      const RstBlock *block = NULL;
      Bounds *bounds = &g_array_index (self->bounds, Bounds, i);

      if (s->paragraph < n_paragraphs)
        block = find_block (manuscript->blocks, paragraphs[s->paragraph].start, &hint);

      gtk_text_buffer_get_end_iter (buffer, &end);
      bounds->start = gtk_text_iter_get_offset (&end);

      if (block != NULL)
        {
          gsize len = strlen (block->text);
          gsize from = word_offset (&cursor, block, len, s->first_word);
          gsize to = last_of_paragraph ? len : word_offset (&cursor, block, len, next->first_word);

          while (to > from && g_ascii_isspace (block->text[to - 1]))
            to--;
          insert_runs (buffer, block, from, MAX (from, to), manuscript->writing);
        }
      else
        {
          /* A paragraph the reading copy has no block for: as written. */
          gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text + s->start, s->end - s->start,
                                                    "reading", NULL);
        }

      gtk_text_buffer_get_end_iter (buffer, &end);
      bounds->end = gtk_text_iter_get_offset (&end);

      if (next != NULL)
        gtk_text_buffer_insert_with_tags_by_name (buffer, &end, "\n", 1, "reading", NULL);

      /* Space after a paragraph, on the whole of its last line: GTK
       * reads a line's spacing from the tags at its start. (An empty
       * line of a smaller size instead leaves GTK 4.8 drawing the line
       * before it with the empty line's size once the view scrolls.)
       */
      if (last_of_paragraph)
        {
          GtkTextIter line_start;

          gtk_text_buffer_get_iter_at_offset (buffer, &line_start, bounds->end);
          gtk_text_iter_set_line_offset (&line_start, 0);
          gtk_text_buffer_get_end_iter (buffer, &end);
          gtk_text_buffer_apply_tag_by_name (buffer, "paragraph", &line_start, &end);
        }
    }

  gtk_text_buffer_get_start_iter (buffer, &end);
  gtk_text_buffer_create_mark (buffer, "rst-current", &end, TRUE);
}

/* The highlight follows the style: a wash of the accent colour that
 * leaves the text its own colour, in light and dark. It is the text's
 * background, not the paragraph's, so the space between paragraphs
 * stays clear.
 */
static void
update_highlight_colour (RstRehearsalView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA colour;

  gdk_rgba_parse (&colour, dark ? "rgba(120,174,237,0.30)" : "rgba(53,132,228,0.20)");
  g_object_set (self->current_tag, "background-rgba", &colour, NULL);
}

/* The clock */

static char *
format_clock (RstRehearsalView *self,
              guint             seconds)
{
  guint limit = rst_analysis_get_time_limit (rst_rehearsal_get_analysis (self->rehearsal));
  g_autofree char *elapsed = rst_timing_format (seconds);
  g_autofree char *of = NULL;

  if (limit == 0)
    return g_steal_pointer (&elapsed);

  of = rst_timing_format (limit);
  /* Translators: the rehearsal clock, "1:12 of 3:00" */
  return g_strdup_printf (_("%s of %s"), elapsed, of);
}

static void
update_clock (RstRehearsalView *self)
{
  guint limit = rst_analysis_get_time_limit (rst_rehearsal_get_analysis (self->rehearsal));
  double elapsed = rst_rehearsal_view_get_elapsed (self);
  g_autofree char *text = format_clock (self, (guint) elapsed);

  gtk_label_set_text (self->clock_label, text);

  gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "error");
  if (limit > 0 && (guint) elapsed > limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "error");
  else if (limit > 0 && elapsed >= WARNING_SHARE * limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "warning");
}

/* What a screen reader hears, and the line under the clock: set on
 * start, pause and reset only, so that the clock is not read out every
 * second.
 */
static void
announce (RstRehearsalView *self)
{
  g_autofree char *clock = format_clock (self, (guint) rst_rehearsal_view_get_elapsed (self));
  g_autofree char *status = NULL;
  guint n = rst_rehearsal_get_n_sentences (self->rehearsal);

  if (self->running)
    /* Translators: said when the rehearsal clock starts, with the clock */
    status = g_strdup_printf (_("Running, %s"), clock);
  else if (rst_rehearsal_view_get_elapsed (self) > 0.0)
    /* Translators: said when the rehearsal clock is paused, with the clock */
    status = g_strdup_printf (_("Paused at %s"), clock);
  else
    /* Translators: the rehearsal clock before it starts, with the clock */
    status = g_strdup_printf (_("Ready, %s. Space starts the clock."), clock);

  gtk_label_set_text (self->status_label, status);

  gtk_button_set_icon_name (GTK_BUTTON (self->toggle_button),
                            self->running ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->toggle_button, self->running ? _("Pause (Space)") : _("Start (Space)"));
  /* The button the speaker pressed says it too: the focus is there. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->running ? _("Pause") : _("Start"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status,
                                  -1);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rehearsal.toggle", n > 0);
}

/* After a rehearsal, the pace it was read at, and the button that makes
 * it the drafter's: in words, or in characters for a language timed in
 * characters, each a preference of its own.
 */
static void
update_pace (RstRehearsalView *self)
{
  RstAnalysis *analysis = rst_rehearsal_get_analysis (self->rehearsal);
  double pace = rst_rehearsal_get_units_per_minute (self->rehearsal);
  gboolean words = rst_analysis_get_timing_unit (analysis) == RST_TIMING_UNIT_WORDS;
  guint rounded = (guint) MIN (floor (pace + 0.5), words ? 400.0 : 600.0);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->pace_box, !self->running && pace > 0.0);
  gtk_widget_set_visible (self->pace_button, TRUE);
  if (pace <= 0.0)
    return;

  if (words)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Rehearsed at %u word a minute",
                                         "Rehearsed at %u words a minute", rounded),
                            rounded);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Rehearsed at %u character a minute",
                                         "Rehearsed at %u characters a minute", rounded),
                            rounded);
  gtk_label_set_text (self->pace_label, text);
}

/* Reads the clock: the time since the last reading goes to the sentence
 * shown, and the highlight moves on at the council's pace, each
 * sentence taking its estimate from the moment it was reached, until
 * the speaker moves it.
 */
static void
rst_rehearsal_view_update (RstRehearsalView *self)
{
  guint n = rst_rehearsal_get_n_sentences (self->rehearsal);
  double elapsed = rst_rehearsal_view_get_elapsed (self);
  gboolean moved = FALSE;

  while (self->running && !self->manual && self->current + 1 < n &&
         elapsed >= self->entered_at + sentence_seconds (self, self->current))
    {
      double boundary = self->entered_at + sentence_seconds (self, self->current);

      record (self, boundary);
      self->current++;
      self->entered_at = boundary;
      moved = TRUE;
    }
  if (self->running)
    record (self, elapsed);

  if (moved)
    highlight (self);
  update_clock (self);
}

static gboolean
rst_rehearsal_view_timeout (gpointer user_data)
{
  RstRehearsalView *self = user_data;

  self->timeout_id = 0;
  rst_rehearsal_view_update (self);
  rst_rehearsal_view_schedule (self);

  return G_SOURCE_REMOVE;
}

/* One wake-up at the next whole second of the clock, or at the next
 * sentence if that comes first; none while paused.
 */
static void
rst_rehearsal_view_schedule (RstRehearsalView *self)
{
  double elapsed, next;
  guint n = rst_rehearsal_get_n_sentences (self->rehearsal);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->running)
    return;

  elapsed = rst_rehearsal_view_get_elapsed (self);
  next = floor (elapsed) + 1.0;
  if (!self->manual && self->current + 1 < n)
    next = MIN (next, MAX (self->entered_at + sentence_seconds (self, self->current), elapsed));

  self->timeout_id = g_timeout_add (MAX ((guint) ((next - elapsed) * 1000.0 + 0.5), 1),
                                    rst_rehearsal_view_timeout, self);
}

/* API */

gboolean
rst_rehearsal_view_get_running (RstRehearsalView *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), FALSE);
  return self->running;
}

void
rst_rehearsal_view_set_running (RstRehearsalView *self,
                                gboolean          running)
{
  g_return_if_fail (RST_IS_REHEARSAL_VIEW (self));

  running = !!running && rst_rehearsal_get_n_sentences (self->rehearsal) > 0;
  if (self->running == running)
    return;

  if (running)
    {
      self->started_at = rst_rehearsal_view_now (self);
      self->running = TRUE;
    }
  else
    {
      rst_rehearsal_view_update (self);
      self->banked = rst_rehearsal_view_get_elapsed (self);
      self->running = FALSE;
    }

  rst_rehearsal_view_update (self);
  rst_rehearsal_view_schedule (self);
  announce (self);
  update_pace (self);
}

void
rst_rehearsal_view_reset (RstRehearsalView *self)
{
  g_return_if_fail (RST_IS_REHEARSAL_VIEW (self));

  self->running = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->banked = 0.0;
  self->manual = FALSE;
  self->entered_at = 0.0;
  self->recorded_until = 0.0;
  self->current = 0;
  rst_rehearsal_clear_times (self->rehearsal);

  highlight (self);
  update_clock (self);
  announce (self);
  update_pace (self);
}

guint
rst_rehearsal_view_get_current (RstRehearsalView *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), 0);
  return self->current;
}

/* The speaker moves on (or back): the time so far was the sentence
 * left's, and the one reached starts now.
 */
void
rst_rehearsal_view_set_current (RstRehearsalView *self,
                                guint             index)
{
  guint n;

  g_return_if_fail (RST_IS_REHEARSAL_VIEW (self));

  n = rst_rehearsal_get_n_sentences (self->rehearsal);
  if (n == 0)
    return;
  index = MIN (index, n - 1);

  rst_rehearsal_view_update (self);
  if (index == self->current)
    return;

  if (self->running)
    record (self, rst_rehearsal_view_get_elapsed (self));
  self->current = index;
  self->entered_at = rst_rehearsal_view_get_elapsed (self);
  self->recorded_until = self->entered_at;

  highlight (self);
  rst_rehearsal_view_schedule (self);
}

char *
rst_rehearsal_view_dup_current_text (RstRehearsalView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_starts_tag (&start, self->current_tag) &&
      !gtk_text_iter_forward_to_tag_toggle (&start, self->current_tag))
    return NULL;
  end = start;
  gtk_text_iter_forward_to_tag_toggle (&end, self->current_tag);

  return gtk_text_iter_get_text (&start, &end);
}

GtkLabel *
rst_rehearsal_view_get_clock_label (RstRehearsalView *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), NULL);
  return self->clock_label;
}

GtkTextView *
rst_rehearsal_view_get_text_view (RstRehearsalView *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), NULL);
  return self->text_view;
}

/**
 * rst_rehearsal_view_get_rehearsal:
 *
 * Returns: (transfer none): the sentences, and the times rehearsed
 */
RstRehearsal *
rst_rehearsal_view_get_rehearsal (RstRehearsalView *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL_VIEW (self), NULL);
  return self->rehearsal;
}

void
rst_rehearsal_view_set_clock_func (RstRehearsalView      *self,
                                   RstRehearsalClockFunc  func,
                                   gpointer               user_data)
{
  g_return_if_fail (RST_IS_REHEARSAL_VIEW (self));
  g_return_if_fail (!self->running);

  self->clock_func = func;
  self->clock_data = user_data;
}

void
rst_rehearsal_view_tick (RstRehearsalView *self)
{
  g_return_if_fail (RST_IS_REHEARSAL_VIEW (self));

  rst_rehearsal_view_update (self);
  rst_rehearsal_view_schedule (self);
}

/* Actions */

static void
toggle_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (widget);

  rst_rehearsal_view_set_running (self, !self->running);
}

static void
reset_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  rst_rehearsal_view_reset (RST_REHEARSAL_VIEW (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (widget);

  self->manual = self->manual || self->running;
  rst_rehearsal_view_set_current (self, self->current + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (widget);

  self->manual = self->manual || self->running;
  if (self->current > 0)
    rst_rehearsal_view_set_current (self, self->current - 1);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

/* The editor's cursor goes where the rehearsal stopped: the window
 * hears it through ::finished, once, however the view is closed.
 */
static void
finish (RstRehearsalView *self)
{
  guint64 offset = 0;

  if (self->finished)
    return;
  self->finished = TRUE;

  rst_rehearsal_view_set_running (self, FALSE);
  if (rst_rehearsal_get_n_sentences (self->rehearsal) > 0)
    offset = rst_rehearsal_get_sentence (self->rehearsal, self->current)->start;
  g_signal_emit (self, signals[FINISHED], 0, offset);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (widget);

  if (gtk_window_is_fullscreen (GTK_WINDOW (self)))
    gtk_window_unfullscreen (GTK_WINDOW (self));
  finish (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
use_pace_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (widget);
  RstAnalysis *analysis = rst_rehearsal_get_analysis (self->rehearsal);
  double pace = rst_rehearsal_get_units_per_minute (self->rehearsal);
  gboolean words = rst_analysis_get_timing_unit (analysis) == RST_TIMING_UNIT_WORDS;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *text = NULL;
  guint rounded;

  if (pace <= 0.0)
    return;

  /* The range Preferences offers; a whole number, as it shows it. */
  rounded = (guint) CLAMP (floor (pace + 0.5), 1.0, words ? 400.0 : 600.0);
  settings = g_settings_new (APP_ID);
  g_settings_set_double (settings, words ? "words-per-minute" : "characters-per-minute", rounded);

  if (words)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Your pace is now %u word a minute",
                                         "Your pace is now %u words a minute", rounded),
                            rounded);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Your pace is now %u character a minute",
                                         "Your pace is now %u characters a minute", rounded),
                            rounded);
  gtk_label_set_text (self->pace_label, text);
  gtk_widget_set_visible (self->pace_button, FALSE);
}

static gboolean
rst_rehearsal_view_close_request (GtkWindow *window)
{
  finish (RST_REHEARSAL_VIEW (window));

  return GTK_WINDOW_CLASS (rst_rehearsal_view_parent_class)->close_request (window);
}

static void
rst_rehearsal_view_dispose (GObject *object)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), update_highlight_colour, self);

  G_OBJECT_CLASS (rst_rehearsal_view_parent_class)->dispose (object);
}

static void
rst_rehearsal_view_finalize (GObject *object)
{
  RstRehearsalView *self = RST_REHEARSAL_VIEW (object);

  g_clear_object (&self->rehearsal);
  g_clear_pointer (&self->bounds, g_array_unref);

  G_OBJECT_CLASS (rst_rehearsal_view_parent_class)->finalize (object);
}

/* Line spacing of 1.5 for the type of style.css (26pt, 18pt when
 * narrow), in pixels between lines: the text tag's line-height leaves
 * GTK 4.8 drawing lines with another line's attributes once the view
 * scrolls.
 */
#define SPACING_WIDE   14
#define SPACING_NARROW 10
#define PARAGRAPH_GAP  32

static void
rst_rehearsal_view_set_narrow (RstRehearsalView *self,
                               gboolean          narrow)
{
  int spacing = narrow ? SPACING_NARROW : SPACING_WIDE;

  if (self->narrow == (narrow ? 1 : 2))
    return;
  self->narrow = narrow ? 1 : 2;

  if (narrow)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "narrow");
      gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "narrow");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_view), "narrow");
      gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "narrow");
    }

  gtk_text_view_set_pixels_inside_wrap (self->text_view, spacing);
  gtk_text_view_set_pixels_below_lines (self->text_view, spacing);
  if (self->paragraph_tag != NULL)
    g_object_set (self->paragraph_tag, "pixels-below-lines", spacing + PARAGRAPH_GAP, NULL);
}

/* The text takes what the window gives it: smaller on a phone. */
static void
rst_rehearsal_view_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  rst_rehearsal_view_set_narrow (RST_REHEARSAL_VIEW (widget), width < 600);

  GTK_WIDGET_CLASS (rst_rehearsal_view_parent_class)->size_allocate (widget, width, height, baseline);
}

static void
rst_rehearsal_view_class_init (RstRehearsalViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rst_rehearsal_view_dispose;
  object_class->finalize = rst_rehearsal_view_finalize;
  widget_class->size_allocate = rst_rehearsal_view_size_allocate;
  window_class->close_request = rst_rehearsal_view_close_request;

  /**
   * RstRehearsalView::finished:
   * @offset: the start of the sentence the rehearsal stopped at, a byte
   *   offset into the analysis' text
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-rehearsal-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, toggle_button);
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, clock_label);
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, status_label);
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, pace_box);
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, pace_label);
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, pace_button);
  gtk_widget_class_bind_template_child (widget_class, RstRehearsalView, text_view);

  gtk_widget_class_install_action (widget_class, "rehearsal.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "rehearsal.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "rehearsal.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "rehearsal.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "rehearsal.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "rehearsal.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "rehearsal.use-pace", NULL, use_pace_action);
}

/* The keys work wherever the focus is, a button included: they are
 * caught before the focused widget sees them.
 */
static void
add_shortcuts (RstRehearsalView *self)
{
  static const struct {
    const char *trigger;
    const char *action;
  } keys[] = {
    { "space", "rehearsal.toggle" },
    { "r", "rehearsal.reset" },
    { "Down", "rehearsal.next" },
    { "Page_Down", "rehearsal.next" },
    { "Up", "rehearsal.previous" },
    { "Page_Up", "rehearsal.previous" },
    { "F11", "rehearsal.fullscreen" },
    { "Escape", "rehearsal.leave" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_LOCAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (keys[i].trigger),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
rst_rehearsal_view_init (RstRehearsalView *self)
{
  self->bounds = g_array_new (FALSE, FALSE, sizeof (Bounds));

  gtk_widget_init_template (GTK_WIDGET (self));
  add_shortcuts (self);
}

/**
 * rst_rehearsal_view_new:
 * @parent: the editor's window, which the view covers
 * @rehearsal: the statement's sentences
 *
 * Returns: (transfer none): the view, to be presented; it destroys
 *   itself when the speaker leaves
 */
RstRehearsalView *
rst_rehearsal_view_new (GtkWindow    *parent,
                        RstRehearsal *rehearsal)
{
  RstRehearsalView *self;
  int width = 0, height = 0;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RST_IS_REHEARSAL (rehearsal), NULL);

  self = g_object_new (RST_TYPE_REHEARSAL_VIEW,
                       "transient-for", parent,
                       NULL);
  self->rehearsal = g_object_ref (rehearsal);

  /* As large as the editor, over it. */
  gtk_window_get_default_size (parent, &width, &height);
  if (gtk_widget_get_width (GTK_WIDGET (parent)) > 0)
    width = gtk_widget_get_width (GTK_WIDGET (parent));
  if (gtk_widget_get_height (GTK_WIDGET (parent)) > 0)
    height = gtk_widget_get_height (GTK_WIDGET (parent));
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 294));
  if (gtk_window_is_maximized (parent))
    gtk_window_maximize (GTK_WINDOW (self));
  if (gtk_window_is_fullscreen (parent))
    gtk_window_fullscreen (GTK_WINDOW (self));

  fill_text (self);
  rst_rehearsal_view_set_narrow (self, width < 600);
  update_highlight_colour (self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (update_highlight_colour), self);

  highlight (self);
  update_clock (self);
  announce (self);
  update_pace (self);

  return self;
}
