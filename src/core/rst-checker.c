/* rst-checker.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-checker.h"
#include "rst-front-matter.h"
#include "rst-placeholder.h"
#include "rst-statement-private.h"


typedef struct
{
  RstStatement          *statement;
  const char            *text;
  gsize                  length;
  const RstRules        *rules;
  const RstElement      *elements;
  guint                  n_elements;
  const RstCheckOptions *options;
  GPtrArray             *out;
} Check;

static RstDiagnostic *
report (Check       *c,
        const char  *code,
        RstSeverity  severity,
        gsize        start,
        gsize        end,
        const char  *message)
{
  RstDiagnostic *diagnostic = rst_diagnostic_new (code, severity, start, end, message);

  g_ptr_array_add (c->out, diagnostic);
  return diagnostic;
}

static void
add_fix (RstDiagnostic *diagnostic,
         gsize          start,
         gsize          end,
         const char    *replacement,
         const char    *label)
{
  rst_diagnostic_add_fix (diagnostic, rst_fix_new (start, end, replacement, label));
}

static inline gboolean
is_body (RstElementKind kind)
{
  return kind == RST_ELEMENT_OPENING || kind == RST_ELEMENT_PARAGRAPH || kind == RST_ELEMENT_PRIORITY;
}

/* The end of the first line of [start, end). */
static gsize
first_line_end (Check *c,
                gsize  start,
                gsize  end)
{
  const char *nl = memchr (c->text + start, '\n', end - start);
  gsize e = nl != NULL ? (gsize)(nl - c->text) : end;

  while (e > start && (c->text[e - 1] == '\r' || c->text[e - 1] == ' '))
    e--;
  return e;
}

static char *
substring (Check *c,
           gsize  start,
           gsize  end)
{
  return g_strndup (c->text + start, end - start);
}

/* Whether inserting @insert at @at makes the first line of a text that
 * is one line and nothing else open a front matter ("---" and blanks):
 * that line would then open details that are never closed, so no fix
 * does that (found by fuzz-statement, tests/fuzz-corpus/regress-lone-marker*.txt).
 */
static gboolean
insert_opens_front_matter (const char *text,
                           gsize       length,
                           gsize       at,
                           const char *insert)
{
  gsize start = length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  g_autoptr(GString) joined = NULL;
  RstFrontMatter before, after;

  if (length - start < 3 || memcmp (text + start, "---", 3) != 0 ||
      memchr (text, '\n', length) != NULL)
    return FALSE;

  rst_front_matter_locate (text, length, &before);
  if (before.present || before.unclosed)
    return FALSE;
  joined = g_string_new_len (text, at);
  g_string_append (joined, insert);
  g_string_append_len (joined, text + at, length - at);
  rst_front_matter_locate (joined->str, joined->len, &after);

  return after.present || after.unclosed;
}

/* heading-missing, salutation-missing, closing-missing, closing-punctuation */
static void
check_frame (Check *c)
{
  const RstElement *first = NULL;
  const RstElement *last = NULL;
  const RstElement *first_body = NULL;
  const RstElement *return_salutation = NULL;
  gboolean heading = FALSE;
  gboolean prose = FALSE;
  gboolean salutation_before_prose = FALSE;

  for (guint i = 0; i < c->n_elements; i++)
    {
      const RstElement *el = &c->elements[i];

      if (el->kind == RST_ELEMENT_ANNOUNCED_COUNT)
        continue;
      if (first == NULL)
        first = el;
      last = el;

      if (el->kind == RST_ELEMENT_HEADING)
        heading = TRUE;
      else if (el->kind == RST_ELEMENT_SALUTATION && !prose)
        salutation_before_prose = TRUE;
      else if (el->kind == RST_ELEMENT_RETURN_SALUTATION && return_salutation == NULL)
        return_salutation = el;

      /* "Ireland aligns itself with the statement of the European
       * Union." may come before the salutation; the body may not.
       */
      if (is_body (el->kind) && first_body == NULL)
        first_body = el;
      if (el->kind == RST_ELEMENT_PARAGRAPH || el->kind == RST_ELEMENT_PRIORITY)
        prose = TRUE;

      if (el->kind == RST_ELEMENT_CLOSING)
        {
          gboolean stop = TRUE;

          rst_rules_match_closing (c->rules, c->text + el->start, el->end - el->start, &stop, NULL);
          if (!stop)
            {
              RstDiagnostic *d;
              gsize at = el->end;

              /* Inside bold markup the stop goes before the closing "**". */
              while (at > el->start && (c->text[at - 1] == '*' || c->text[at - 1] == '_'))
                at--;

              d = report (c, "closing-punctuation", RST_SEVERITY_INFO, el->start, el->end,
                          _("The closing formula has no full stop"));
              add_fix (d, at, at, ".", _("Add the full stop"));
            }
        }
    }

  /* An empty statement is a draft not yet begun, not a faulty one. */
  if (first == NULL)
    return;

  if (!heading)
    {
      const char *title = rst_details_get (c->options->details, RST_DETAIL_TITLE);
      RstDiagnostic *d;

      d = report (c, "heading-missing", RST_SEVERITY_WARNING,
                  first->start, first_line_end (c, first->start, first->end),
                  _("There is no heading naming the speaker and the occasion"));
      if (title != NULL)
        {
          g_autofree char *heading_text = g_strdup_printf ("**%s**\n\n", title);

          add_fix (d, first->start, first->start, heading_text, _("Add the title as the heading"));
        }
    }

  if (first_body != NULL && !salutation_before_prose)
    {
      const char *form = rst_details_get (c->options->details, RST_DETAIL_CHAIR_FORM);
      const char *chair = rst_details_get (c->options->details, RST_DETAIL_CHAIR);
      g_autofree char *address = NULL;
      RstDiagnostic *d;

      if (chair != NULL)
        address = form != NULL
          ? g_strdup_printf ("%s %s,", form, chair)
          : g_strdup_printf ("%s,", chair);
      else if (return_salutation != NULL)
        address = substring (c, return_salutation->start, return_salutation->end);

      d = report (c, "salutation-missing", RST_SEVERITY_WARNING,
                  first_body->start, first_line_end (c, first_body->start, first_body->end),
                  _("The statement addresses no one before its first paragraph: add a salutation"));
      if (address != NULL)
        {
          g_autofree char *insert = g_strdup_printf ("%s\n\n", address);
          g_autofree char *label = g_strdup_printf (_("Add “%s”"), address);

          add_fix (d, first_body->start, first_body->start, insert, label);
        }
    }

  if (last->kind != RST_ELEMENT_CLOSING)
    {
      const char *closing = rst_rules_get_default_closing (c->rules);
      g_autofree char *insert = g_strdup_printf ("\n\n%s", closing);
      g_autofree char *label = g_strdup_printf (_("Add “%s”"), closing);
      const char *nl = g_strrstr_len (c->text + last->start, last->end - last->start, "\n");
      gsize line_start = nl != NULL ? (gsize)(nl - c->text) + 1 : last->start;
      RstDiagnostic *d;

      d = report (c, "closing-missing", RST_SEVERITY_WARNING, line_start, last->end,
                  _("The statement does not end with a closing formula such as “I thank you.”"));
      if (!insert_opens_front_matter (c->text, c->length, last->end, insert))
        add_fix (d, last->end, last->end, insert, label);
    }
}

/* salutation-inconsistent: the chair is addressed one way throughout. */
static void
check_salutations (Check *c)
{
  g_autofree char *reference = NULL;

  for (guint i = 0; i < c->n_elements; i++)
    {
      const RstElement *el = &c->elements[i];
      const char *line = c->text + el->start;
      gsize len = el->end - el->start;
      RstAddress address = { 0 };
      g_autofree char *form = NULL;

      if (el->kind != RST_ELEMENT_SALUTATION && el->kind != RST_ELEMENT_RETURN_SALUTATION &&
          el->kind != RST_ELEMENT_CLOSING)
        continue;

      /* A salutation may also be "Thank you, Mr. President." */
      if (el->kind == RST_ELEMENT_CLOSING ||
          !rst_rules_match_salutation (c->rules, line, len, &address))
        rst_rules_match_closing (c->rules, line, len, NULL, &address);

      if (!address.found)
        continue;

      form = substring (c, el->start + address.start, el->start + address.end);
      if (reference == NULL)
        reference = g_steal_pointer (&form);
      else if (!rst_rules_same_address (c->rules, form, strlen (form), reference, strlen (reference)))
        {
          g_autofree char *message = NULL;
          g_autofree char *label = NULL;
          RstDiagnostic *d;

          message = g_strdup_printf (_("“%s” here, but “%s” before: address the chair one way throughout"),
                                     form, reference);
          label = g_strdup_printf (_("Write “%s”"), reference);
          d = report (c, "salutation-inconsistent", RST_SEVERITY_WARNING,
                      el->start + address.start, el->start + address.end, message);
          add_fix (d, el->start + address.start, el->start + address.end, reference, label);
        }
    }
}

/* How a drafter names a priority in a message: "Third", "Thirdly", "3." */
static char *
ordinal_name (Check           *c,
              RstOrdinalStyle  style,
              guint            value)
{
  char *name;

  if (style == RST_ORDINAL_STYLE_NUMBER)
    return g_strdup_printf ("“%u.”", value);
  if (style == RST_ORDINAL_STYLE_PHRASE)
    style = RST_ORDINAL_STYLE_WORD;
  name = rst_rules_ordinal_for (c->rules, style, value, "A", 1);
  return name != NULL ? name : g_strdup_printf ("%u", value);
}

static void
report_sequence (Check            *c,
                 const RstElement *el,
                 const RstElement *prev,
                 guint             expected)
{
  g_autofree char *name = ordinal_name (c, el->style, el->value);
  g_autofree char *want = ordinal_name (c, el->style, expected);
  g_autofree char *marker = substring (c, el->marker_start, el->marker_end);
  g_autofree char *replacement = NULL;
  g_autofree char *message = NULL;
  RstDiagnostic *d;

  if (prev == NULL)
    message = g_strdup_printf (_("The priorities start at %s: %s is missing"), name, want);
  else if (el->value == prev->value)
    message = g_strdup_printf (_("%s comes twice: this one should be %s"), name, want);
  else if (prev->value + 1 == expected && el->value > expected)
    {
      g_autofree char *before = ordinal_name (c, prev->style, prev->value);

      if (el->value == expected + 1)
        message = g_strdup_printf (_("%s comes after %s: %s is missing"), name, before, want);
      else
        message = g_strdup_printf (_("%s comes after %s: this one should be %s"), name, before, want);
    }
  else if (el->value < prev->value)
    {
      g_autofree char *before = ordinal_name (c, prev->style, prev->value);

      message = g_strdup_printf (_("%s comes after %s: the order goes backwards, this one should be %s"),
                                 name, before, want);
    }
  else
    message = g_strdup_printf (_("%s is out of order: this one should be %s"), name, want);

  d = report (c, "ordinal-sequence", RST_SEVERITY_ERROR, el->marker_start, el->marker_end, message);

  replacement = rst_rules_ordinal_for (c->rules, el->style, expected, marker, strlen (marker));
  if (replacement != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Renumber as “%s”"), replacement);

      add_fix (d, el->marker_start, el->marker_end, replacement, label);
    }
}

/* ordinal-sequence, ordinal-style-mixed, ordinal-single,
 * ordinal-finally-not-last
 */
static void
check_ordinals (Check *c)
{
  const RstElement *prev = NULL;
  const RstElement *first = NULL;
  const RstElement *finally = NULL;
  RstOrdinalStyle list_style = RST_ORDINAL_STYLE_NONE;
  guint expected = 1;
  guint numbered = 0;
  gboolean finally_reported = FALSE;

  for (guint i = 0; i <= c->n_elements; i++)
    {
      const RstElement *el = i < c->n_elements ? &c->elements[i] : NULL;
      gboolean new_list;

      if (el != NULL && el->kind != RST_ELEMENT_PRIORITY)
        continue;

      if (el != NULL && el->style == RST_ORDINAL_STYLE_FINALLY)
        {
          finally = el;
          finally_reported = FALSE;
          continue;
        }

      /* A second list starts at a 1 in another style: "1. 2." then "First". */
      new_list = el == NULL || (list_style != RST_ORDINAL_STYLE_NONE && el->value == 1 && el->style != list_style);

      if (new_list)
        {
          if (numbered == 1 && first != NULL && first->value == 1)
            {
              g_autofree char *name = ordinal_name (c, first->style, 1);
              g_autofree char *next = ordinal_name (c, first->style, 2);
              g_autofree char *message = g_strdup_printf (_("%s has no %s: number a list of one point, or drop the %s"),
                                                         name, next, name);

              report (c, "ordinal-single", RST_SEVERITY_WARNING, first->marker_start, first->marker_end, message);
            }

          if (el == NULL)
            break;

          prev = first = NULL;
          list_style = RST_ORDINAL_STYLE_NONE;
          expected = 1;
          numbered = 0;
          finally = NULL;
        }

      if (finally != NULL && !finally_reported)
        {
          g_autofree char *marker = substring (c, finally->marker_start, finally->marker_end);
          g_autofree char *message = g_strdup_printf (_("“%s” is not the last point: more priorities follow it"), marker);

          /* No fix: whether the later points or the "Finally" should move
           * is the drafter's call.
           */
          report (c, "ordinal-finally-not-last", RST_SEVERITY_WARNING,
                  finally->marker_start, finally->marker_end, message);
          finally_reported = TRUE;
        }

      if (list_style == RST_ORDINAL_STYLE_NONE)
        {
          list_style = el->style;
          first = el;
        }
      else if (el->style != list_style)
        {
          g_autofree char *name = ordinal_name (c, el->style, el->value);
          g_autofree char *want = ordinal_name (c, list_style, el->value);
          g_autofree char *start = ordinal_name (c, list_style, first->value);
          g_autofree char *marker = substring (c, el->marker_start, el->marker_end);
          g_autofree char *message = g_strdup_printf (_("%s after %s: number every point the same way (%s)"),
                                                     name, start, want);
          RstDiagnostic *d;

          d = report (c, "ordinal-style-mixed", RST_SEVERITY_WARNING, el->marker_start, el->marker_end, message);

          /* Only words swap cleanly; "2." → "Second," needs a comma too. */
          if ((el->style == RST_ORDINAL_STYLE_WORD || el->style == RST_ORDINAL_STYLE_LY) &&
              (list_style == RST_ORDINAL_STYLE_WORD || list_style == RST_ORDINAL_STYLE_LY))
            {
              g_autofree char *replacement = rst_rules_ordinal_for (c->rules, list_style, el->value,
                                                                    marker, strlen (marker));

              if (replacement != NULL)
                {
                  g_autofree char *label = g_strdup_printf (_("Write “%s”"), replacement);

                  add_fix (d, el->marker_start, el->marker_end, replacement, label);
                }
            }
        }

      if (el->value != expected)
        report_sequence (c, el, prev, expected);

      numbered++;
      expected++;
      prev = el;
    }
}

/* announced-count: "three points", then four delivered. */
static void
check_announced_count (Check *c)
{
  const RstElement *count = NULL;
  guint delivered = 0;
  guint numbered = 0;

  for (guint i = 0; i < c->n_elements; i++)
    {
      const RstElement *el = &c->elements[i];

      if (el->kind == RST_ELEMENT_ANNOUNCED_COUNT && count == NULL)
        count = el;
      else if (el->kind == RST_ELEMENT_PRIORITY && count != NULL)
        {
          delivered++;
          if (el->style != RST_ORDINAL_STYLE_FINALLY)
            numbered++;
        }
    }

  /* Unnumbered points cannot be counted; "the following" has no number.
   * "Three points", 1 to 3, then "Finally, …" to conclude is three.
   */
  if (count == NULL || count->value == 0 || delivered == 0 ||
      delivered == count->value || numbered == count->value)
    return;

  {
    g_autofree char *marker = substring (c, count->marker_start, count->marker_end);
    g_autofree char *phrase = substring (c, count->start, count->end);
    g_autofree char *replacement = rst_rules_count_word_for (c->rules, delivered, marker, strlen (marker));
    g_autofree char *message = NULL;
    RstDiagnostic *d;

    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "“%s” is announced, but %u point is delivered",
                                            "“%s” is announced, but %u points are delivered",
                                            delivered),
                               phrase, delivered);
    d = report (c, "announced-count", RST_SEVERITY_WARNING, count->marker_start, count->marker_end, message);
    if (replacement != NULL)
      {
        g_autofree char *label = g_strdup_printf (_("Announce “%s”"), replacement);

        add_fix (d, count->marker_start, count->marker_end, replacement, label);
      }
  }
}

static gboolean
starts_lowercase (const char *text,
                  gsize       start,
                  gsize       end)
{
  while (start < end && (text[start] == '*' || text[start] == '_'))
    start++;
  if (start >= end)
    return FALSE;
  if ((guchar)text[start] < 0x80)
    return g_ascii_islower (text[start]);
  return g_unichar_islower (g_utf8_get_char (text + start));
}

/* split-paragraph: text pasted from a PDF breaks where the page did. */
static void
check_split_paragraphs (Check *c)
{
  const RstElement *prev = NULL;

  for (guint i = 0; i < c->n_elements; i++)
    {
      const RstElement *el = &c->elements[i];

      if (el->kind == RST_ELEMENT_ANNOUNCED_COUNT)
        continue;

      if (prev != NULL && is_body (prev->kind) && is_body (el->kind) &&
          !rst_rules_ends_clause (c->rules, c->text, prev->start, prev->end) &&
          starts_lowercase (c->text, el->start, el->end))
        {
          gsize pos = el->start, ws, we;
          gsize last_start = prev->start;
          gsize first_end = el->end;
          RstDiagnostic *d;

          /* From the last word before the break to the first after it. */
          for (gsize k = prev->end; k > prev->start; k--)
            if (g_ascii_isspace (c->text[k - 1]))
              {
                last_start = k;
                break;
              }
          if (rst_next_word (c->text, &pos, el->end, &ws, &we))
            first_end = we;

          d = report (c, "split-paragraph", RST_SEVERITY_WARNING, last_start, first_end,
                      _("This paragraph breaks off mid-sentence and goes on in the next one"));
          add_fix (d, prev->end, el->start, " ", _("Join the paragraphs"));
        }

      prev = el;
    }
}

static void
check_placeholders (Check *c)
{
  RstPlaceholder placeholder;
  gsize pos = rst_statement_get_body_offset (c->statement);

  while (rst_placeholder_next (c->text, c->length, &pos, &placeholder))
    {
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (!placeholder.closed)
        continue;

      name = substring (c, placeholder.start, placeholder.end);
      message = g_strdup_printf (_("“%s” is a placeholder still to fill in"), name);
      report (c, "placeholder-unfilled", RST_SEVERITY_ERROR, placeholder.start, placeholder.end, message);
    }
}

/* session-ordinal: "114rd", "101th", "112nd" anywhere in the body. */
static void
check_session_ordinals (Check *c)
{
  const char *t = c->text;
  gsize end = c->length;
  gsize i = rst_statement_get_body_offset (c->statement);

  while (i < end)
    {
      const char *right;
      gsize s, e;
      guint64 n = 0;

      if (!g_ascii_isdigit (t[i]))
        {
          i++;
          continue;
        }

      s = i;
      while (i < end && g_ascii_isdigit (t[i]))
        {
          if (i - s < 18)
            n = n * 10 + (guint64)(t[i] - '0');
          i++;
        }

      /* Part of a longer token ("A4th", "1,101th" is fine: comma splits). */
      if (s > 0 && (g_ascii_isalnum (t[s - 1]) || t[s - 1] == '.'))
        continue;
      if (i - s > 18)
        continue;

      /* The letters right after the digits: "rd" in "114rd". */
      for (e = i; e < end && e - i <= 4 && g_ascii_isalpha (t[e]); e++)
        ;
      if (e == i || (e < end && g_ascii_isalnum (t[e])) ||
          !rst_rules_is_ordinal_suffix (c->rules, t + i, e - i))
        continue;

      right = rst_rules_ordinal_suffix (c->rules, n);
      if (right != NULL && (strlen (right) != e - i || g_ascii_strncasecmp (right, t + i, e - i) != 0))
        {
          g_autofree char *wrong = substring (c, s, e);
          g_autofree char *suffix = g_ascii_isupper (t[e - 1]) ? g_ascii_strup (right, -1) : g_strdup (right);
          g_autofree char *fixed = g_strdup_printf ("%.*s%s", (int)(i - s), t + s, suffix);
          g_autofree char *message = g_strdup_printf (_("“%s” should be “%s”"), wrong, fixed);
          g_autofree char *label = g_strdup_printf (_("Write “%s”"), fixed);
          RstDiagnostic *d;

          d = report (c, "session-ordinal", RST_SEVERITY_ERROR, s, e, message);
          add_fix (d, s, e, fixed, label);
        }

      i = e;
    }
}

/* over-time: the speaking time at the council's pace against its limit;
 * the range is what will not fit, from the first unit past the limit.
 */
static void
check_time (Check *c)
{
  const RstCheckOptions *o = c->options;
  g_autofree char *time = NULL;
  g_autofree char *limit = NULL;
  g_autofree char *message = NULL;
  guint allowed;
  guint words = rst_statement_get_word_count (c->statement);
  gsize start = c->length;
  gsize end = c->length;

  if (o->time_limit_seconds == 0 || o->speaking_seconds <= o->time_limit_seconds)
    return;

  allowed = rst_timing_units_allowed (o->time_limit_seconds, o->units_per_minute);

  /* The units the estimate counted: words, and in Chinese each Han
   * character as one (rst_next_word()).
   */
  if (words > 0)
    rst_statement_get_word (c->statement, words - 1, NULL, &end);
  if (!rst_statement_get_word (c->statement, allowed, &start, NULL) || start > end)
    start = end;

  time = rst_timing_format (o->speaking_seconds);
  limit = rst_timing_format (o->time_limit_seconds);
  if (o->unit == RST_TIMING_UNIT_CHARACTERS)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "About %s to read at %.0f characters a minute, over the %s limit: cut about %u character",
                                            "About %s to read at %.0f characters a minute, over the %s limit: cut about %u characters",
                                            o->units - allowed),
                               time, o->units_per_minute, limit, o->units - allowed);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "About %s to read at %.0f words a minute, over the %s limit: cut about %u word",
                                            "About %s to read at %.0f words a minute, over the %s limit: cut about %u words",
                                            o->units - allowed),
                               time, o->units_per_minute, limit, o->units - allowed);
  report (c, "over-time", RST_SEVERITY_WARNING, start, end, message);
}

static void
report_long_sentence (Check *c,
                      gsize  start,
                      gsize  end,
                      guint  words)
{
  guint limit = rst_rules_get_long_sentence (c->rules);
  g_autofree char *message = NULL;

  if (words <= limit)
    return;

  if (c->options->unit == RST_TIMING_UNIT_CHARACTERS)
    message = g_strdup_printf (_("This sentence has %u characters: an interpreter follows sentences under %u characters more easily"),
                               words, limit);
  else
    message = g_strdup_printf (_("This sentence has %u words: an interpreter follows sentences under %u words more easily"),
                               words, limit);
  report (c, "long-sentence", RST_SEVERITY_INFO, start, end, message);
}

/* long-sentence: longer than the language's rules allow (40 words in
 * English) is hard to interpret.
 */
static void
check_sentences (Check *c)
{
  for (guint i = 0; i < c->n_elements; i++)
    {
      const RstElement *el = &c->elements[i];
      gsize pos = el->start, ws, we;
      gsize sentence_start = 0;
      gsize last_end = 0;
      guint words = 0;

      if (!is_body (el->kind))
        continue;

      while (rst_next_word (c->text, &pos, el->end, &ws, &we))
        {
          gsize stop;

          if (words++ == 0)
            sentence_start = ws;
          last_end = we;

          stop = rst_rules_sentence_stop (c->rules, c->text, ws, we, el->end);
          if (stop == 0)
            continue;

          report_long_sentence (c, sentence_start, stop, words);
          words = 0;
          pos = MAX (pos, stop);
        }

      /* The paragraph ends the sentence that lacks a full stop. */
      if (words > 0)
        report_long_sentence (c, sentence_start, last_end, words);
    }
}

/**
 * rst_check_statement:
 * @statement: a parsed statement
 * @options: (nullable): details and timing; %NULL for none
 *
 * Returns: (transfer full) (element-type RstDiagnostic): the diagnostics,
 *   sorted by start offset.
 */
GPtrArray *
rst_check_statement (RstStatement          *statement,
                     const RstCheckOptions *options)
{
  static const RstCheckOptions no_options = { 0 };
  Check c = { 0 };

  g_return_val_if_fail (RST_IS_STATEMENT (statement), NULL);

  c.statement = statement;
  c.text = rst_statement_get_text (statement);
  c.length = rst_statement_get_length (statement);
  c.rules = rst_statement_get_rules (statement);
  c.elements = rst_statement_get_elements (statement, &c.n_elements);
  c.options = options != NULL ? options : &no_options;
  c.out = g_ptr_array_new_with_free_func (g_object_unref);

  check_frame (&c);
  check_salutations (&c);
  check_ordinals (&c);
  check_announced_count (&c);
  check_split_paragraphs (&c);
  check_placeholders (&c);
  check_session_ordinals (&c);
  check_time (&c);
  check_sentences (&c);

  g_ptr_array_sort (c.out, rst_diagnostic_compare);

  return c.out;
}
