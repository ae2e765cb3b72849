/* rst-analysis.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-analysis.h"
#include "rst-checker.h"
#include "rst-fold.h"
#include "rst-front-matter.h"
#include "rst-language.h"
#include "rst-line-index.h"
#include "rst-placeholder.h"
#include "rst-markup.h"
#include "rst-statement-private.h"
#include "rst-timing.h"

/* How much of the heading block is read for the council and session. */
#define HEADING_MAX 4096

/* The analysis runs in one pass, each step reading what the one before
 * it found: front matter → details and language → structure → what the
 * heading tells → council and timing → checks → outline. Nothing here is
 * ever recomputed elsewhere.
 */
struct _RstAnalysis
{
  GObject             parent_instance;

  GBytes             *bytes;
  const char         *text;
  gsize               length;
  RstAnalysisContext *context;
  RstLineIndex       *lines;
  RstFrontMatter      bounds;

  RstDetails         *front_matter;
  RstDetails         *details;
  GHashTable         *from_heading;   /* keys read from the heading */

  const char         *language;
  const RstRules     *rules;
  RstCouncil         *council;
  const char         *council_id;     /* NULL when none is known */
  guint               session;

  RstStatement       *statement;
  GPtrArray          *diagnostics;
  GPtrArray          *outline;

  RstTimingUnit       unit;
  guint               units;
  double              units_per_minute;
  guint               speaking_seconds;
  guint               time_limit;
};

G_DEFINE_FINAL_TYPE (RstAnalysis, rst_analysis, G_TYPE_OBJECT)

static void
rst_analysis_finalize (GObject *object)
{
  RstAnalysis *self = (RstAnalysis *)object;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->context, rst_analysis_context_unref);
  g_clear_pointer (&self->lines, rst_line_index_free);
  g_clear_pointer (&self->front_matter, rst_details_unref);
  g_clear_pointer (&self->details, rst_details_unref);
  g_clear_pointer (&self->from_heading, g_hash_table_unref);
  g_clear_object (&self->council);
  g_clear_object (&self->statement);
  g_clear_pointer (&self->diagnostics, g_ptr_array_unref);
  g_clear_pointer (&self->outline, g_ptr_array_unref);

  G_OBJECT_CLASS (rst_analysis_parent_class)->finalize (object);
}

static void
rst_analysis_class_init (RstAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_analysis_finalize;
}

static void
rst_analysis_init (RstAnalysis *self)
{
  self->diagnostics = g_ptr_array_new_with_free_func (g_object_unref);
  self->from_heading = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
add_diagnostic (RstAnalysis   *self,
                RstDiagnostic *diagnostic)
{
  const char *code = rst_diagnostic_get_code (diagnostic);

  /* Only hints may be hidden: warnings and errors always show. */
  if (rst_diagnostic_get_severity (diagnostic) == RST_SEVERITY_INFO &&
      rst_analysis_context_is_hidden (self->context, code))
    {
      g_object_unref (diagnostic);
      return;
    }

  g_ptr_array_add (self->diagnostics, diagnostic);
}

/* The first line of the text, for problems that have no better place. */
static gsize
first_line_end (RstAnalysis *self,
                gsize        start)
{
  return rst_line_end (self->text, self->length, start, NULL);
}

static void
read_front_matter (RstAnalysis *self)
{
  g_autoptr(GError) error = NULL;

  rst_front_matter_locate (self->text, self->length, &self->bounds);
  self->front_matter = rst_front_matter_read (self->text, self->length, &self->bounds, NULL, &error);

  if (self->front_matter == NULL)
    {
      /* The body is still the body: its check goes on without details. */
      self->front_matter = rst_details_new ();
      add_diagnostic (self, rst_diagnostic_new (RST_CODE_FRONT_MATTER_INVALID, RST_SEVERITY_ERROR,
                                                self->bounds.start,
                                                first_line_end (self, self->bounds.start),
                                                error->message));
    }

  self->details = rst_details_copy (self->front_matter);
}

/* The `lang` detail, else what the words are written in. */
static void
find_language (RstAnalysis *self)
{
  const char *language = rst_language_normalize (rst_details_get (self->details, RST_DETAIL_LANG));

  if (language == NULL)
    language = rst_language_recognize (self->text, self->bounds.body, self->length);
  if (language == NULL)
    language = rst_language_normalize (rst_details_get (rst_analysis_context_get_delegation (self->context),
                                                        RST_DETAIL_LANG));
  self->language = language != NULL ? language : "en";
  self->rules = rst_rules_get (self->language);
}

static gboolean
parse_session (const char *value,
               guint      *session)
{
  guint64 number = 0;
  guint digits = 0;

  if (value == NULL)
    return FALSE;

  /* "114", or "114th" written by hand. */
  while (g_ascii_isdigit (value[digits]) && digits < 9)
    number = number * 10 + (guint64) (value[digits++] - '0');

  if (digits == 0 || number == 0)
    return FALSE;

  *session = (guint) number;
  return TRUE;
}

/* The heading block as one span: title, session, speaker and date lines
 * with the delivery mark among them; a web copy breaks "114th" and
 * "Session" onto two lines.
 */
static gboolean
find_heading_span (RstAnalysis *self,
                   gsize       *start,
                   gsize       *end)
{
  const RstElement *elements;
  guint n_elements;
  gboolean found = FALSE;

  elements = rst_statement_get_elements (self->statement, &n_elements);
  for (guint i = 0; i < n_elements; i++)
    {
      if (elements[i].kind == RST_ELEMENT_HEADING || elements[i].kind == RST_ELEMENT_DELIVERY_MARK)
        {
          if (!found)
            *start = elements[i].start;
          *end = elements[i].end;
          found = TRUE;
        }
      else if (found)
        break;
    }

  /* A heading is a few lines; what is longer is not looked at, so that
   * hostile input stays cheap.
   */
  if (found && *end - *start > HEADING_MAX)
    {
      const char *cut = g_utf8_find_prev_char (self->text + *start, self->text + *start + HEADING_MAX);

      *end = cut != NULL ? (gsize) (cut - self->text) : *start;
    }

  return found;
}

/* A detail, unless it is missing or still a template's placeholder
 * ("{{council_id}}"): then the heading may tell it.
 */
static const char *
get_filled_detail (RstAnalysis *self,
                   const char  *key)
{
  const char *value = rst_details_get (self->details, key);

  return rst_placeholder_in (value) ? NULL : value;
}

static void
set_from_heading (RstAnalysis *self,
                  const char  *key,
                  const char  *value)
{
  rst_details_set (self->details, key, value);
  g_hash_table_add (self->from_heading, (gpointer) key);
}

/* The council whose name the heading holds, the longest name found
 * winning ("Standing Committee of UNHCR" over "UNHCR").
 */
static RstCouncil *
find_council_in (RstAnalysis *self,
                 const char  *folded,
                 gsize        len)
{
  g_autoptr(RstCouncilList) councils = rst_analysis_context_get_councils (self->context);
  GListModel *model = G_LIST_MODEL (councils);
  RstCouncil *best = NULL;
  gsize best_len = 0;

  for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (model, i);
      const char * const *phrases;

      if (rst_council_is_generic (council))
        continue;

      phrases = rst_council_get_recognize_folded (council);
      for (guint k = 0; phrases[k] != NULL; k++)
        {
          gsize phrase_len = strlen (phrases[k]);

          if (phrase_len > best_len && rst_fold_find_word (folded, len, phrases[k], NULL))
            {
              best = council;
              best_len = phrase_len;
            }
        }
    }

  return best;
}

/* What the heading tells where the front matter is silent: the council
 * ("114th Session of the Council of IOM", "国际移民组织理事会第114届会议")
 * and the session, by the language's words or the council's notation
 * ("HRC56").
 */
static void
read_heading (RstAnalysis *self)
{
  gsize start = 0, end = 0;
  g_autofree char *folded = NULL;
  RstCouncil *council = NULL;
  gboolean know_session;

  know_session = parse_session (get_filled_detail (self, RST_DETAIL_SESSION), &self->session);
  if (know_session && get_filled_detail (self, RST_DETAIL_COUNCIL) != NULL)
    return;
  if (!find_heading_span (self, &start, &end))
    return;

  if (get_filled_detail (self, RST_DETAIL_COUNCIL) == NULL &&
      rst_analysis_context_get_council (self->context) == NULL)
    {
      folded = rst_rules_fold (self->rules, self->text + start, end - start);
      council = find_council_in (self, folded, strlen (folded));
      if (council != NULL)
        set_from_heading (self, RST_DETAIL_COUNCIL, rst_council_get_id (council));
    }

  if (!know_session)
    {
      guint session = rst_rules_find_session (self->rules, self->text + start, end - start);

      if (session == 0 && council != NULL)
        session = rst_council_find_session (council, self->text + start, end - start);

      if (session > 0)
        {
          g_autofree char *value = g_strdup_printf ("%u", session);

          self->session = session;
          set_from_heading (self, RST_DETAIL_SESSION, value);
        }
    }
}

/* The council checked against: the one forced from outside, else the one
 * the details name, else the generic profile; a name without a profile
 * gets council-unknown.
 */
static void
find_council (RstAnalysis *self)
{
  g_autoptr(RstCouncilList) councils = rst_analysis_context_get_councils (self->context);
  RstCouncil *forced = rst_analysis_context_get_council (self->context);
  /* "{{council_id}}" names none: placeholder-unfilled says so. */
  const char *named = get_filled_detail (self, RST_DETAIL_COUNCIL);
  RstCouncil *council = NULL;

  if (forced != NULL)
    council = forced;
  else if (named != NULL)
    {
      council = rst_council_list_resolve (councils, named);
      if (council == NULL)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *message = NULL;
          g_autofree char *id = g_strstrip (g_ascii_strdown (named, -1));
          gsize start = 0, end = 0;

          /* A user profile of that id that is broken: say what is wrong. */
          rst_council_list_lookup (councils, id, &error);
          if (error != NULL && error->code != RST_COUNCIL_ERROR_NOT_FOUND)
            message = g_strdup_printf (_("The profile for the council “%s” cannot be used (%s); the generic profile’s time limit and pace are used"),
                                       named, error->message);
          else
            message = g_strdup_printf (_("Rostrum has no profile for the council “%s”; the generic profile’s time limit and pace are used"),
                                       named);

          rst_front_matter_find_value (self->text, &self->bounds, RST_DETAIL_COUNCIL, &start, &end);
          add_diagnostic (self, rst_diagnostic_new (RST_CODE_COUNCIL_UNKNOWN, RST_SEVERITY_INFO,
                                                    start, end, message));
        }
    }

  /* Nothing names one: the delegation's usual council, from Preferences. */
  if (council == NULL && named == NULL)
    council = rst_council_list_resolve (councils,
                                        rst_details_get (rst_analysis_context_get_delegation (self->context),
                                                         RST_DETAIL_COUNCIL));

  if (council != NULL)
    self->council_id = rst_council_get_id (council);
  else
    council = rst_council_list_get_generic (councils);

  self->council = g_object_ref (council);
}

/* How long reading takes, and against which limit: the document's
 * time-limit (the session's information note) beats the council's usual
 * one; the drafter's pace beats the council's.
 */
static void
find_timing (RstAnalysis *self)
{
  const char *limit = rst_details_get (self->details, RST_DETAIL_TIME_LIMIT);
  double pace;
  double council_pace = rst_council_get_pace_for (self->council, self->language);

  /* Words, or characters in Chinese: the tokenizer reads each Han
   * character as one, so the count is the same either way.
   */
  self->unit = rst_rules_get_timing_unit (self->rules);
  self->units = rst_statement_get_word_count (self->statement);

  /* The drafter's pace is in the language's unit: words, or characters
   * in Chinese, each a preference of its own.
   */
  if (self->unit == RST_TIMING_UNIT_CHARACTERS)
    pace = rst_analysis_context_get_characters_per_minute (self->context);
  else
    pace = rst_analysis_context_get_words_per_minute (self->context);

  if (pace > 0.0)
    self->units_per_minute = pace;
  else if (council_pace > 0.0)
    self->units_per_minute = council_pace;
  else
    self->units_per_minute = rst_rules_get_per_minute (self->rules);
  self->speaking_seconds = rst_timing_estimate_seconds (self->units, self->units_per_minute);
  self->time_limit = rst_council_get_time_limit_seconds (self->council);

  if (limit != NULL && !rst_timing_parse (limit, &self->time_limit))
    {
      g_autofree char *message = NULL;
      gsize start = 0, end = 0;

      self->time_limit = rst_council_get_time_limit_seconds (self->council);
      message = g_strdup_printf (_("“%s” is not a speaking time; write minutes and seconds, as in 3:00 (the council’s limit is used)"),
                                 limit);
      rst_front_matter_find_value (self->text, &self->bounds, RST_DETAIL_TIME_LIMIT, &start, &end);
      add_diagnostic (self, rst_diagnostic_new (RST_CODE_TIME_LIMIT_INVALID, RST_SEVERITY_WARNING,
                                                start, end, message));
    }
}

static void
run_checks (RstAnalysis *self)
{
  g_autoptr(GPtrArray) found = NULL;
  RstCheckOptions options = {
    .details = self->details,
    .unit = self->unit,
    .units = self->units,
    .units_per_minute = self->units_per_minute,
    .speaking_seconds = self->speaking_seconds,
    .time_limit_seconds = self->time_limit,
  };

  found = rst_check_statement (self->statement, &options);
  for (guint i = 0; i < found->len; i++)
    add_diagnostic (self, g_object_ref (g_ptr_array_index (found, i)));
}

/**
 * rst_analysis_new:
 * @text: a statement, UTF-8 without NUL bytes (rst_text_validate() says
 *   whether bytes from a file are), front matter included
 * @length: its length in bytes, or -1 when NUL-terminated
 * @context: (nullable): what is not in the text; %NULL for defaults
 *
 * Analyses @text. Never fails: a front matter that cannot be read becomes
 * a front-matter-invalid diagnostic and the body is analysed as it is.
 *
 * Returns: (transfer full): the analysis
 */
RstAnalysis *
rst_analysis_new (const char         *text,
                  gssize              length,
                  RstAnalysisContext *context)
{
  RstAnalysis *self;

  g_return_val_if_fail (text != NULL || length <= 0, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  g_return_val_if_fail (g_utf8_validate_len (text, length, NULL), NULL);

  self = g_object_new (RST_TYPE_ANALYSIS, NULL);
  {
    /* NUL-terminated, so that rst_analysis_get_text() is a C string. */
    char *copy = g_malloc (length + 1);

    memcpy (copy, text, length);
    copy[length] = '\0';
    self->bytes = g_bytes_new_take (copy, length);
  }
  self->text = g_bytes_get_data (self->bytes, &self->length);
  self->context = context != NULL ? rst_analysis_context_ref (context) : rst_analysis_context_new ();
  self->lines = rst_line_index_new (self->text, self->length);

  read_front_matter (self);
  find_language (self);
  self->statement = _rst_statement_new (self->bytes, self->bounds.body, self->rules);
  read_heading (self);
  find_council (self);
  find_timing (self);
  run_checks (self);

  /* g_ptr_array_sort() is stable: the checker's order is kept. */
  g_ptr_array_sort (self->diagnostics, rst_diagnostic_compare);
  self->outline = rst_outline_build (self->statement, self->diagnostics, self->lines,
                                     self->units_per_minute);

  return self;
}

const char *
rst_analysis_get_text (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->text;
}

gsize
rst_analysis_get_length (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return self->length;
}

/* Where the statement's words start: after a byte order mark and the
 * front matter.
 */
gsize
rst_analysis_get_body_offset (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return self->bounds.body;
}

/* Returns: (transfer none): the context the analysis was made with */
RstAnalysisContext *
rst_analysis_get_context (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->context;
}

/**
 * rst_analysis_get_front_matter:
 *
 * Returns: (transfer none): the details as the front matter writes them,
 *   empty when there is none or it cannot be read
 */
RstDetails *
rst_analysis_get_front_matter (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->front_matter;
}

/**
 * rst_analysis_get_details:
 *
 * Returns: (transfer none): the front matter's details, and where it is
 *   silent, what the heading tells (council, session)
 */
RstDetails *
rst_analysis_get_details (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->details;
}

/* Returns: (nullable): a detail, %NULL when missing or empty */
const char *
rst_analysis_get_detail (RstAnalysis *self,
                         const char  *key)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return rst_details_get (self->details, key);
}

/* Whether the detail @key was read from the heading, not the front
 * matter: the details panel offers it as a suggestion.
 */
gboolean
rst_analysis_is_from_heading (RstAnalysis *self,
                              const char  *key)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), FALSE);
  return g_hash_table_contains (self->from_heading, key);
}

/* Returns: "ar", "en", "es", "fr", "ru" or "zh" */
const char *
rst_analysis_get_language (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->language;
}

/* Returns: (transfer none): the rules of the statement's language */
const RstRules *
rst_analysis_get_rules (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->rules;
}

/**
 * rst_analysis_get_council:
 *
 * Returns: (transfer none): the profile the statement is checked and laid
 *   out with; the generic one when it names no council Rostrum knows
 */
RstCouncil *
rst_analysis_get_council (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->council;
}

/* Returns: (nullable): the id of the council the statement is for, or
 * %NULL when it names none Rostrum knows
 */
const char *
rst_analysis_get_council_id (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->council_id;
}

/* The session number, 0 when unknown. */
guint
rst_analysis_get_session (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return self->session;
}

/* Returns: (transfer none): the structure of the body */
RstStatement *
rst_analysis_get_statement (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->statement;
}

/**
 * rst_analysis_get_diagnostics:
 *
 * Returns: (transfer none) (element-type RstDiagnostic): every diagnostic
 *   but the hidden hints, sorted by start
 */
GPtrArray *
rst_analysis_get_diagnostics (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->diagnostics;
}

/* Returns: (transfer none) (element-type RstOutlineItem): the outline */
GPtrArray *
rst_analysis_get_outline (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  return self->outline;
}

guint
rst_analysis_count_severity (RstAnalysis *self,
                             RstSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);

  for (guint i = 0; i < self->diagnostics->len; i++)
    if (rst_diagnostic_get_severity (g_ptr_array_index (self->diagnostics, i)) == severity)
      n++;

  return n;
}

/* Whether a diagnostic is at error severity (exit status 1). */
gboolean
rst_analysis_has_errors (RstAnalysis *self)
{
  return rst_analysis_count_severity (self, RST_SEVERITY_ERROR) > 0;
}

RstTimingUnit
rst_analysis_get_timing_unit (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), RST_TIMING_UNIT_WORDS);
  return self->unit;
}

/* Words read out, or characters for Chinese. */
guint
rst_analysis_get_units (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return self->units;
}

double
rst_analysis_get_units_per_minute (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), RST_TIMING_DEFAULT_WORDS_PER_MINUTE);
  return self->units_per_minute;
}

guint
rst_analysis_get_speaking_seconds (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return self->speaking_seconds;
}

/* Seconds; 0 when neither the document nor its council sets a limit. */
guint
rst_analysis_get_time_limit (RstAnalysis *self)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return self->time_limit;
}

/**
 * rst_analysis_dup_timing_text:
 *
 * Returns: (transfer full): "3:02 of 5:00 · 394 words", as the gauge
 *   shows it
 */
char *
rst_analysis_dup_timing_text (RstAnalysis *self)
{
  g_autofree char *time = NULL;
  g_autofree char *units = NULL;

  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);

  time = rst_timing_format (self->speaking_seconds);
  if (self->unit == RST_TIMING_UNIT_CHARACTERS)
    units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters", self->units),
                             self->units);
  else
    units = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word", "%u words", self->units),
                             self->units);

  if (self->time_limit > 0)
    {
      g_autofree char *limit = rst_timing_format (self->time_limit);

      /* Translators: speaking time against the limit and the word count,
       * "3:02 of 5:00 · 394 words"
       */
      return g_strdup_printf (_("%s of %s · %s"), time, limit, units);
    }

  /* Translators: speaking time and word count, "3:02 · 394 words" */
  return g_strdup_printf (_("%s · %s"), time, units);
}

/**
 * rst_analysis_get_units_over:
 *
 * Returns: the words (characters in Chinese) to cut for the statement to
 *   fit its limit; 0 when it fits or has no limit
 */
guint
rst_analysis_get_units_over (RstAnalysis *self)
{
  guint allowed;

  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);

  if (self->time_limit == 0 || self->speaking_seconds <= self->time_limit)
    return 0;
  allowed = rst_timing_units_allowed (self->time_limit, self->units_per_minute);
  return self->units > allowed ? self->units - allowed : 0;
}

/**
 * rst_analysis_dup_over_text:
 *
 * Returns: (transfer full) (nullable): what must go to fit, "38 words
 *   over 3:00", as the gauge says it; %NULL when the statement fits
 */
char *
rst_analysis_dup_over_text (RstAnalysis *self)
{
  g_autofree char *limit = NULL;
  guint over;

  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);

  over = rst_analysis_get_units_over (self);
  if (over == 0)
    return NULL;

  limit = rst_timing_format (self->time_limit);
  if (self->unit == RST_TIMING_UNIT_CHARACTERS)
    /* Translators: what a Chinese statement must lose, "38 characters over 3:00" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character over %s", "%u characters over %s", over),
                            over, limit);

  /* Translators: what a statement must lose to fit, "38 words over 3:00" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word over %s", "%u words over %s", over),
                          over, limit);
}

/**
 * rst_analysis_locate:
 * @offset: a byte offset into the text
 * @line: (out) (optional): its 1-based line
 * @column: (out) (optional): its 1-based column, in characters
 */
void
rst_analysis_locate (RstAnalysis *self,
                     gsize        offset,
                     guint       *line,
                     guint       *column)
{
  g_return_if_fail (RST_IS_ANALYSIS (self));
  rst_line_index_locate (self->lines, offset, line, column);
}

/* The byte offset of a 1-based line and column (in characters). */
gsize
rst_analysis_get_offset (RstAnalysis *self,
                         guint        line,
                         guint        column)
{
  g_return_val_if_fail (RST_IS_ANALYSIS (self), 0);
  return rst_line_index_get_offset (self->lines, line, column);
}

/**
 * rst_analysis_dup_element_text:
 *
 * An element's text as a reader sees it: markup and surrounding space
 * removed, inner runs of white space (line breaks too) made one space.
 *
 * Returns: (transfer full): the text
 */
char *
rst_analysis_dup_element_text (RstAnalysis      *self,
                               const RstElement *element)
{
  const char *p;
  const char *end;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (RST_IS_ANALYSIS (self), NULL);
  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (element->start <= element->end, NULL);
  g_return_val_if_fail (element->end <= self->length, NULL);

  p = self->text + element->start;
  end = self->text + element->end;
  out = g_string_sized_new (element->end - element->start);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      /* The editor dims by the same rule (rst-markup.c). */
      if (rst_markup_is_escape (p, end - p, 0))
        {
          /* An escaped asterisk is text. */
          c = '*';
          next++;
        }
      else if (c == '*')
        {
          /* **bold** and *italic*, the only inline markup. */
          p = next;
          continue;
        }

      if (g_unichar_isspace (c))
        space = out->len > 0;
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }

      p = next;
    }

  return g_string_free (out, FALSE);
}
