/* rst-template-fill.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-front-matter.h"
#include "rst-line-index.h"
#include "rst-placeholder.h"
#include "rst-template-private.h"
#include "rst-template-values.h"
#include "rst-text-file.h"

/* The one line splitter of core (rst-line-index.h): "\n", "\r\n" and
 * a lone "\r" end a line, as everywhere else a statement is read.
 */
static inline gsize
line_end (const char *text,
          gsize       length,
          gsize       pos)
{
  return rst_line_end (text, length, pos, NULL);
}

static inline gsize
next_line (const char *text,
           gsize       length,
           gsize       pos)
{
  gsize next;

  rst_line_end (text, length, pos, &next);
  return next;
}

/* The language a template or statement is written in, for the forms of
 * its derived fields (the session's ordinal).
 */
static const char *
text_language (const char           *text,
               gsize                 length,
               const RstFrontMatter *fm)
{
  g_autoptr(RstDetails) details = rst_front_matter_read (text, length, fm, NULL, NULL);

  return g_intern_string (rst_details_get (details, RST_DETAIL_LANG));
}

/* Filling -------------------------------------------------------------- */

static void
substitute (GString    *out,
            const char *text,
            gsize       length,
            GHashTable *values)
{
  RstPlaceholder placeholder;
  gsize pos = 0;
  gsize copied = 0;

  while (rst_placeholder_next (text, length, &pos, &placeholder))
    {
      g_autofree char *name = NULL;
      const char *value;

      if (!placeholder.closed)
        continue;

      name = rst_placeholder_dup_name (text, &placeholder);
      value = rst_template_is_known_field (name) ? _rst_template_values_lookup (values, name) : NULL;
      if (value == NULL)
        continue;

      g_string_append_len (out, text + copied, placeholder.start - copied);
      g_string_append (out, value);
      copied = placeholder.end;
    }

  g_string_append_len (out, text + copied, length - copied);
}

static gboolean
is_template_key (const char *key)
{
  return g_str_equal (key, RST_TEMPLATE_KEY_NAME) ||
         g_str_equal (key, RST_TEMPLATE_KEY_DESCRIPTION);
}

/* Whether the value of the key line ending at @next goes on over the
 * lines after it, past blank ones: a plain scalar folded over lines.
 */
static gboolean
continues_over_lines (const char *text,
                      gsize       end,
                      gsize       next)
{
  for (gsize pos = next; pos < end; pos = next_line (text, end, pos))
    {
      gsize eol = line_end (text, end, pos);

      if (strspn (text + pos, " \t\r") < eol - pos)
        return text[pos] == ' ' || text[pos] == '\t';
    }

  return FALSE;
}

/* @parsed: (nullable): the front matter as YAML reads it, for values
 *   folded over lines
 */
static void
fill_front_matter (GString          *out,
                   const char       *text,
                   gsize             start,
                   gsize             end,
                   const RstDetails *parsed,
                   GHashTable       *values)
{
  gboolean skipping = FALSE;
  /* Blank lines after a skipped key: its value's if a continuation
   * line follows them, kept if another key does.
   */
  gsize blank_from = G_MAXSIZE;
  gsize pos;

  for (pos = start; pos < end; pos = next_line (text, end, pos))
    {
      gsize eol = line_end (text, end, pos);
      gsize next = next_line (text, end, pos);
      const char *line = text + pos;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize value_end;

      if (skipping && strspn (line, " \t\r") >= eol - pos)
        {
          blank_from = MIN (blank_from, pos);
          continue;
        }

      /* Continuation lines of a folded value belong to the key above,
       * over blank lines too ("name: a\n\n  b" is "a\nb").
       */
      if (eol > pos && (line[0] == ' ' || line[0] == '\t'))
        {
          if (!skipping)
            g_string_append_len (out, line, next - pos);
          blank_from = G_MAXSIZE;
          continue;
        }

      if (blank_from != G_MAXSIZE)
        g_string_append_len (out, text + blank_from, pos - blank_from);
      blank_from = G_MAXSIZE;
      skipping = FALSE;

      if (!rst_front_matter_split_line (line, eol - pos, &key, &value, &value_end))
        {
          g_string_append_len (out, line, next - pos);
          continue;
        }

      if (is_template_key (key))
        {
          skipping = TRUE;
          continue;
        }

      if (strstr (value, "{{") == NULL)
        {
          g_string_append_len (out, line, next - pos);
          continue;
        }

      {
        g_autoptr(GString) filled = g_string_new (NULL);
        const char *whole = value;

        /* A value folded over lines is written again whole, on one line,
         * in place of its lines: once quoted, they would follow it as
         * lines of nothing.
         */
        if (continues_over_lines (text, end, next))
          {
            const char *read = parsed != NULL ? rst_details_get (parsed, key) : NULL;

            if (read != NULL)
              whole = read;
            skipping = TRUE;
          }

        substitute (filled, whole, strlen (whole), values);
        g_string_append_printf (out, "%s: ", key);
        rst_front_matter_append_scalar (out, filled->str);
        /* What followed a quoted value (a comment), then the newline. A
         * comment right after the closing quote ("…"#note) needs a blank
         * once the value may be written plain, or it is the value's.
         */
        if (value_end < eol - pos && line[value_end] == '#')
          g_string_append_c (out, ' ');
        g_string_append_len (out, line + value_end, (eol - pos) - MIN (value_end, eol - pos));
        g_string_append_len (out, text + eol, next - eol);
      }
    }

  /* Blank lines at the end, after a skipped key. */
  if (blank_from != G_MAXSIZE)
    g_string_append_len (out, text + blank_from, end - blank_from);
}

char *
rst_template_fill_text (const char *text,
                        GHashTable *values)
{
  g_autoptr(GHashTable) complete = NULL;
  g_autoptr(RstDetails) parsed = NULL;
  RstFrontMatter fm;
  GString *out;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  rst_front_matter_locate (text, length, &fm);
  complete = _rst_template_values_copy_and_complete (values, text_language (text, length, &fm));
  out = g_string_sized_new (length + 256);

  if (fm.present)
    {
      gsize opening = out->len;
      gsize details;

      g_string_append_len (out, text, fm.yaml_start);
      details = out->len;
      parsed = rst_front_matter_read (text, length, &fm, NULL, NULL);
      fill_front_matter (out, text, fm.yaml_start, fm.yaml_end, parsed, complete);

      /* A template whose front matter only named it gives a statement
       * without one, rather than an empty "---" pair; unless its body
       * alone would read otherwise: a "---" block would be the details,
       * a file signature ("%PDF-1.", "PK\3\4") binary.
       */
      if (strspn (out->str + details, " \t\r\n") == out->len - details &&
          !rst_front_matter_opens_block (text, length, fm.body) &&
          !rst_text_has_signature (text + fm.body, length - fm.body))
        g_string_truncate (out, opening);
      else
        g_string_append_len (out, text + fm.yaml_end, fm.body - fm.yaml_end);

      substitute (out, text + fm.body, length - fm.body, complete);
    }
  else
    substitute (out, text, length, complete);

  return g_string_free (out, FALSE);
}


/* Save as template ----------------------------------------------------- */

typedef struct
{
  const char *field;
  const char *value;
  gsize       len;
  guint       order;
} Literal;

static int
compare_literals (gconstpointer a,
                  gconstpointer b)
{
  const Literal *la = a;
  const Literal *lb = b;

  /* Longest first: "Mr. Chairperson" before "Chairperson". */
  if (la->len != lb->len)
    return la->len > lb->len ? -1 : 1;

  return la->order < lb->order ? -1 : la->order > lb->order;
}

static gboolean
is_word_char_before (const char *text,
                     gsize       pos)
{
  const char *prev;
  gunichar ch;

  if (pos == 0)
    return FALSE;

  prev = g_utf8_find_prev_char (text, text + pos);
  if (prev == NULL)
    return FALSE;
  ch = g_utf8_get_char_validated (prev, text + pos - prev);

  return ch != (gunichar) -1 && ch != (gunichar) -2 && (g_unichar_isalnum (ch) || ch == '_');
}

static gboolean
is_word_char_at (const char *text,
                 gsize       length,
                 gsize       pos)
{
  gunichar ch;

  if (pos >= length)
    return FALSE;

  ch = g_utf8_get_char_validated (text + pos, length - pos);

  return ch != (gunichar) -1 && ch != (gunichar) -2 && (g_unichar_isalnum (ch) || ch == '_');
}

/* Replaces whole-word occurrences of @literals, longest first, in one pass
 * so that a placeholder just written is never matched again.
 */
static void
unsubstitute (GString    *out,
              const char *text,
              gsize       length,
              GArray     *literals)
{
  gsize pos = 0;

  while (pos < length)
    {
      gboolean matched = FALSE;

      /* Placeholders the drafter never filled stay as they are. */
      if (text[pos] == '{' && pos + 1 < length && text[pos + 1] == '{')
        {
          gsize eol = line_end (text, length, pos);
          const char *close = g_strstr_len (text + pos + 2, eol - pos - 2, "}}");

          if (close != NULL)
            {
              gsize end = (gsize) (close - text) + 2;

              g_string_append_len (out, text + pos, end - pos);
              pos = end;
              continue;
            }
        }

      for (guint i = 0; i < literals->len; i++)
        {
          const Literal *lit = &g_array_index (literals, Literal, i);

          if (lit->len > length - pos || memcmp (text + pos, lit->value, lit->len) != 0)
            continue;

          /* Whole words only: "China" is not the start of "Chinatown". */
          if (is_word_char_at (lit->value, lit->len, 0) && is_word_char_before (text, pos))
            continue;
          if (is_word_char_before (lit->value, lit->len) &&
              is_word_char_at (text, length, pos + lit->len))
            continue;

          g_string_append_printf (out, "{{%s}}", lit->field);
          pos += lit->len;
          matched = TRUE;
          break;
        }

      if (!matched)
        {
          g_string_append_c (out, text[pos]);
          pos++;
        }
    }
}

char *
rst_template_from_statement (const char *text,
                             GHashTable *known_values)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GArray) literals = NULL;
  RstFrontMatter fm;
  GString *out;
  gsize length;
  gsize body = 0;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  rst_front_matter_locate (text, length, &fm);
  values = _rst_template_values_copy_and_complete (known_values, text_language (text, length, &fm));
  literals = g_array_new (FALSE, FALSE, sizeof (Literal));

  for (guint i = 0; _rst_template_text_fields[i]; i++)
    {
      Literal lit = { _rst_template_text_fields[i], _rst_template_values_lookup (values, _rst_template_text_fields[i]), 0, i };

      if (lit.value == NULL || strstr (lit.value, "{{") != NULL)
        continue;
      lit.len = strlen (lit.value);
      g_array_append_val (literals, lit);
    }
  g_array_sort (literals, compare_literals);

  out = g_string_sized_new (length);

  if (fm.present)
    {
      gsize pos;

      g_string_append_len (out, text, fm.yaml_start);

      for (pos = fm.yaml_start; pos < fm.yaml_end; pos = next_line (text, fm.yaml_end, pos))
        {
          gsize eol = line_end (text, fm.yaml_end, pos);
          gsize next = next_line (text, fm.yaml_end, pos);
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;
          const char *field;
          const char *known;
          gsize value_end;

          if (text[pos] == ' ' || text[pos] == '\t' ||
              !rst_front_matter_split_line (text + pos, eol - pos, &key, &value, &value_end))
            {
              g_string_append_len (out, text + pos, next - pos);
              continue;
            }

          field = rst_template_field_for_detail (key);
          known = field != NULL ? _rst_template_values_lookup (values, field) : NULL;

          if (known != NULL && g_str_equal (known, value))
            {
              g_string_append_printf (out, "%s: \"{{%s}}\"", key, field);
            }
          else
            {
              g_autoptr(GString) generic = g_string_new (NULL);

              unsubstitute (generic, value, strlen (value), literals);
              if (g_str_equal (generic->str, value))
                {
                  g_string_append_len (out, text + pos, next - pos);
                  continue;
                }
              g_string_append_printf (out, "%s: ", key);
              rst_front_matter_append_scalar (out, generic->str);
            }

          g_string_append_len (out, text + pos + value_end, eol - pos - value_end);
          g_string_append_len (out, text + eol, next - eol);
        }

      g_string_append_len (out, text + fm.yaml_end, fm.body - fm.yaml_end);
      body = fm.body;
    }

  unsubstitute (out, text + body, length - body, literals);

  return g_string_free (out, FALSE);
}

/* Identity ------------------------------------------------------------ */

char *
_rst_template_set_identity (const char *text,
                            const char *name,
                            const char *description)
{
  RstFrontMatter fm;
  GString *out;
  gsize length;
  gsize pos;
  gboolean skipping = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  length = strlen (text);
  out = g_string_sized_new (length + 128);

  rst_front_matter_locate (text, length, &fm);
  if (!fm.present)
    {
      g_string_append (out, "---\n");
      fm.yaml_start = fm.yaml_end = fm.body = 0;
    }
  else
    g_string_append_len (out, text, fm.yaml_start);

  /* The template's own keys first, where a reader of the file looks. */
  g_string_append (out, RST_TEMPLATE_KEY_NAME ": ");
  rst_front_matter_append_scalar (out, name);
  g_string_append_c (out, '\n');
  if (description != NULL && description[0] != '\0')
    {
      g_string_append (out, RST_TEMPLATE_KEY_DESCRIPTION ": ");
      rst_front_matter_append_scalar (out, description);
      g_string_append_c (out, '\n');
    }

  for (pos = fm.yaml_start; pos < fm.yaml_end; pos = next_line (text, fm.yaml_end, pos))
    {
      gsize eol = line_end (text, fm.yaml_end, pos);
      gsize next = next_line (text, fm.yaml_end, pos);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize value_end;

      if (eol > pos && (text[pos] == ' ' || text[pos] == '\t'))
        {
          if (!skipping)
            g_string_append_len (out, text + pos, next - pos);
          continue;
        }

      skipping = rst_front_matter_split_line (text + pos, eol - pos, &key, &value, &value_end) &&
                 is_template_key (key);
      if (!skipping)
        g_string_append_len (out, text + pos, next - pos);
    }

  if (fm.present)
    g_string_append_len (out, text + fm.yaml_end, length - fm.yaml_end);
  else
    {
      g_string_append (out, "---\n");
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

