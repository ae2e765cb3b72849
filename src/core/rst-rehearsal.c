/* rst-rehearsal.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement cut into timed sentences for the rehearsal view, and what
 * a rehearsal learns: how long the speaker took over each of them.
 */

#include "config.h"

#include "rst-rehearsal.h"
#include "rst-word.h"

/* Below this, a rehearsal says nothing about the speaker's pace. */
#define MIN_PACE_SECONDS 10.0

struct _RstRehearsal
{
  GObject      parent_instance;

  RstAnalysis *analysis;
  GArray      *sentences;   /* RstRehearsalSentence */
  double      *times;       /* seconds spent, one per sentence */
};

G_DEFINE_FINAL_TYPE (RstRehearsal, rst_rehearsal, G_TYPE_OBJECT)

static void
rst_rehearsal_finalize (GObject *object)
{
  RstRehearsal *self = RST_REHEARSAL (object);

  g_clear_object (&self->analysis);
  g_clear_pointer (&self->sentences, g_array_unref);
  g_clear_pointer (&self->times, g_free);

  G_OBJECT_CLASS (rst_rehearsal_parent_class)->finalize (object);
}

static void
rst_rehearsal_class_init (RstRehearsalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_rehearsal_finalize;
}

static void
rst_rehearsal_init (RstRehearsal *self)
{
  self->sentences = g_array_new (FALSE, FALSE, sizeof (RstRehearsalSentence));
}

static gsize
part_start (GPtrArray *outline,
            guint      part)
{
  if (part >= outline->len)
    return G_MAXSIZE;
  return rst_outline_item_get_start (g_ptr_array_index (outline, part));
}

/* A sentence the rules did not end runs on to @limit (its paragraph's
 * end, or the next part's start): the comma of "Mr. President," is its
 * own, and the line it is on.
 */
static void
close_sentence (RstRehearsal         *self,
                RstRehearsalSentence *sentence,
                const char           *text,
                gsize                 limit)
{
  while (limit > sentence->end && g_ascii_isspace (text[limit - 1]))
    limit--;
  sentence->end = MAX (sentence->end, limit);
  g_array_append_val (self->sentences, *sentence);
}

/* The words are read as the statement counts them (the body, word by
 * word, rst_next_word()), so that the sentences hold exactly the
 * statement's words; a sentence ends where the rules end one
 * (rst_rules_sentence_stop(), as the checker and the reading copy cut
 * them), at the end of its paragraph, and where an outline entry starts,
 * so that each sentence belongs to one part. Words before the first
 * entry count with it, as in the outline.
 */
static void
split_sentences (RstRehearsal *self)
{
  RstStatement *statement = rst_analysis_get_statement (self->analysis);
  GPtrArray *outline = rst_analysis_get_outline (self->analysis);
  const RstRules *rules = rst_analysis_get_rules (self->analysis);
  const char *text = rst_statement_get_text (statement);
  gsize length = rst_statement_get_length (statement);
  gsize pos = rst_statement_get_body_offset (statement);
  const RstParagraph *paragraphs;
  const RstElement *elements;
  guint n_paragraphs = 0;
  guint n_elements = 0;
  guint next_marker = 0;
  guint paragraph = 0;
  guint word_in_paragraph = 0;
  guint part = outline->len > 0 ? 0 : RST_REHEARSAL_NO_PART;
  RstRehearsalSentence current = { 0 };
  gboolean open = FALSE;
  gsize ws, we;

  paragraphs = rst_statement_get_paragraphs (statement, &n_paragraphs);
  elements = rst_statement_get_elements (statement, &n_elements);

  while (rst_next_word (text, &pos, length, &ws, &we))
    {
      gsize paragraph_end = length;
      gsize stop;

      /* The paragraph the word is in, if any (a word outside them all
       * stays with the one before).
       */
      while (paragraph + 1 < n_paragraphs && ws >= paragraphs[paragraph + 1].start)
        {
          if (open)
            close_sentence (self, &current, text, MIN (paragraphs[paragraph].end, ws));
          open = FALSE;
          paragraph++;
          word_in_paragraph = 0;
        }
      if (paragraph < n_paragraphs && ws >= paragraphs[paragraph].start)
        paragraph_end = MAX (paragraphs[paragraph].end, we);

      while (part != RST_REHEARSAL_NO_PART && ws >= part_start (outline, part + 1))
        {
          part++;
          if (open)
            close_sentence (self, &current, text, MIN (paragraph_end, part_start (outline, part)));
          open = FALSE;
        }

      if (!open)
        {
          current.start = ws;
          current.paragraph = paragraph;
          current.first_word = word_in_paragraph;
          current.units = 0;
          current.part = part;
          open = TRUE;
        }
      current.units++;
      current.end = we;
      word_in_paragraph++;

      /* A priority's marker ("1.") starts its sentence, it does not
       * make one.
       */
      while (next_marker < n_elements &&
             (elements[next_marker].kind != RST_ELEMENT_PRIORITY ||
              elements[next_marker].marker_end <= ws))
        next_marker++;
      stop = rst_rules_sentence_stop (rules, text, ws, we, MIN (paragraph_end, length));
      if (stop != 0 && next_marker < n_elements &&
          elements[next_marker].marker_start <= ws && we <= elements[next_marker].marker_end)
        stop = 0;
      if (stop != 0)
        {
          current.end = stop;
          g_array_append_val (self->sentences, current);
          open = FALSE;
          pos = MAX (pos, stop);
        }
    }

  if (open)
    close_sentence (self, &current, text,
                    paragraph < n_paragraphs ? MIN (MAX (paragraphs[paragraph].end, current.end), length) : current.end);
}

/* Each sentence's time is the time to its end less the time to its
 * start, both rounded as the statement's is: the times add up to the
 * gauge's total, and those of a part to the outline's time for it.
 */
static void
time_sentences (RstRehearsal *self)
{
  double pace = rst_analysis_get_units_per_minute (self->analysis);
  guint units = 0;
  guint before = 0;

  for (guint i = 0; i < self->sentences->len; i++)
    {
      RstRehearsalSentence *sentence = &g_array_index (self->sentences, RstRehearsalSentence, i);
      guint until;

      units += sentence->units;
      until = rst_timing_estimate_seconds (units, pace);
      sentence->start_seconds = before;
      sentence->seconds = until - before;
      before = until;
    }
}

/**
 * rst_rehearsal_new:
 * @analysis: the statement to rehearse
 *
 * Returns: (transfer full): its sentences, timed, with no time rehearsed
 */
RstRehearsal *
rst_rehearsal_new (RstAnalysis *analysis)
{
  RstRehearsal *self;

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (RST_TYPE_REHEARSAL, NULL);
  self->analysis = g_object_ref (analysis);
  split_sentences (self);
  time_sentences (self);
  self->times = g_new0 (double, MAX (self->sentences->len, 1));

  return self;
}

/**
 * rst_rehearsal_get_analysis:
 *
 * Returns: (transfer none): the analysis the sentences are cut from
 */
RstAnalysis *
rst_rehearsal_get_analysis (RstRehearsal *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL (self), NULL);
  return self->analysis;
}

guint
rst_rehearsal_get_n_sentences (RstRehearsal *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL (self), 0);
  return self->sentences->len;
}

const RstRehearsalSentence *
rst_rehearsal_get_sentence (RstRehearsal *self,
                            guint         index)
{
  g_return_val_if_fail (RST_IS_REHEARSAL (self), NULL);
  g_return_val_if_fail (index < self->sentences->len, NULL);

  return &g_array_index (self->sentences, RstRehearsalSentence, index);
}

/**
 * rst_rehearsal_find_sentence:
 * @offset: a byte offset into the analysis' text
 *
 * Returns: the sentence that holds @offset, else the first one after it,
 *   else the last one; 0 when there are none
 */
guint
rst_rehearsal_find_sentence (RstRehearsal *self,
                             gsize         offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (RST_IS_REHEARSAL (self), 0);

  hi = self->sentences->len;
  if (hi == 0)
    return 0;

  /* The first sentence that ends after @offset. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->sentences, RstRehearsalSentence, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return MIN (lo, self->sentences->len - 1);
}

/**
 * rst_rehearsal_add_time:
 * @index: a sentence
 * @seconds: how long more the speaker spent on it
 */
void
rst_rehearsal_add_time (RstRehearsal *self,
                        guint         index,
                        double        seconds)
{
  g_return_if_fail (RST_IS_REHEARSAL (self));
  g_return_if_fail (index < self->sentences->len);

  if (seconds > 0.0)
    self->times[index] += seconds;
}

void
rst_rehearsal_clear_times (RstRehearsal *self)
{
  g_return_if_fail (RST_IS_REHEARSAL (self));

  for (guint i = 0; i < self->sentences->len; i++)
    self->times[i] = 0.0;
}

gboolean
rst_rehearsal_has_times (RstRehearsal *self)
{
  g_return_val_if_fail (RST_IS_REHEARSAL (self), FALSE);

  for (guint i = 0; i < self->sentences->len; i++)
    {
      if (self->times[i] > 0.0)
        return TRUE;
    }

  return FALSE;
}

double
rst_rehearsal_get_time (RstRehearsal *self,
                        guint         index)
{
  g_return_val_if_fail (RST_IS_REHEARSAL (self), 0.0);
  g_return_val_if_fail (index < self->sentences->len, 0.0);

  return self->times[index];
}

/**
 * rst_rehearsal_get_part_time:
 * @part: an index into the analysis' outline
 *
 * Returns: the seconds the speaker spent on the part's sentences
 */
double
rst_rehearsal_get_part_time (RstRehearsal *self,
                             guint         part)
{
  double seconds = 0.0;

  g_return_val_if_fail (RST_IS_REHEARSAL (self), 0.0);

  for (guint i = 0; i < self->sentences->len; i++)
    {
      if (g_array_index (self->sentences, RstRehearsalSentence, i).part == part)
        seconds += self->times[i];
    }

  return seconds;
}

/**
 * rst_rehearsal_get_units_per_minute:
 *
 * The speaker's pace over the sentences rehearsed: their words (or
 * characters) over the time spent on them.
 *
 * Returns: words (characters) a minute, or 0 when too little was
 *   rehearsed to tell
 */
double
rst_rehearsal_get_units_per_minute (RstRehearsal *self)
{
  double seconds = 0.0;
  guint units = 0;

  g_return_val_if_fail (RST_IS_REHEARSAL (self), 0.0);

  for (guint i = 0; i < self->sentences->len; i++)
    {
      if (self->times[i] > 0.0)
        {
          seconds += self->times[i];
          units += g_array_index (self->sentences, RstRehearsalSentence, i).units;
        }
    }

  if (seconds < MIN_PACE_SECONDS || units == 0)
    return 0.0;

  return units * 60.0 / seconds;
}
