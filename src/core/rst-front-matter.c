/* rst-front-matter.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <yaml.h>

#include "rst-front-matter.h"
#include "rst-line-index.h"
#include "rst-text-file.h"

G_DEFINE_QUARK (rst-front-matter-error-quark, rst_front_matter_error)

/* "---" (or "...") alone on the line [start, end), blanks after it. */
static gboolean
line_is (const char *text,
         gsize       start,
         gsize       end,
         const char *marker)
{
  while (end > start && (text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t'))
    end--;

  return end - start == 3 && memcmp (text + start, marker, 3) == 0;
}

/**
 * rst_front_matter_locate:
 * @out: (out caller-allocates): where the block is
 */
void
rst_front_matter_locate (const char     *text,
                         gsize           length,
                         RstFrontMatter *out)
{
  gsize start = 0;
  gsize first_end;
  gsize next;

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  out->start = out->body = start;

  first_end = rst_line_end (text, length, start, &next);
  if (first_end >= length || !line_is (text, start, first_end, "---"))
    return;

  out->yaml_start = next;

  for (gsize pos = out->yaml_start; pos < length; pos = next)
    {
      gsize end = rst_line_end (text, length, pos, &next);

      if (line_is (text, pos, end, "---") || line_is (text, pos, end, "..."))
        {
          out->present = TRUE;
          out->yaml_end = pos;
          out->body = next;
          return;
        }
    }

  /* Opened and never closed: no telling where details end and the
   * statement begins, so all of it is the statement.
   */
  out->unclosed = TRUE;
  out->yaml_start = out->yaml_end = 0;
}

static guint
line_of (const char *text,
         gsize       offset)
{
  return rst_text_count_lines (text, offset);
}

static void
set_not_mapping (GError    **error,
                 const char *text,
                 gsize       offset)
{
  g_set_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_NOT_A_MAPPING,
               _("Line %u: the details at the top must be “key: value” lines"),
               line_of (text, offset));
}

/**
 * rst_front_matter_read:
 * @bounds: from rst_front_matter_locate()
 * @nested_keys: (nullable) (element-type utf8): receives the keys whose
 *   value is a list, a mapping or an alias; they are not details, and a
 *   template says why it cannot be used
 * @error: a #RstFrontMatterError whose message names the line
 *
 * Reads the "key: value" pairs. A value that is not text is skipped, so
 * that a front matter written for pandoc (lists of authors) still opens.
 *
 * Returns: (transfer full) (nullable): the details, empty without a front
 *   matter; %NULL when it cannot be read
 */
RstDetails *
rst_front_matter_read (const char            *text,
                       gsize                  length,
                       const RstFrontMatter  *bounds,
                       GPtrArray             *nested_keys,
                       GError               **error)
{
  g_autoptr(RstDetails) details = rst_details_new ();
  g_autofree char *key = NULL;
  yaml_parser_t parser;
  yaml_event_t event;
  gboolean have_key = FALSE;
  gboolean done = FALSE;
  gboolean ok = TRUE;
  guint depth = 0;
  gsize yaml_length;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (bounds != NULL, NULL);

  if (bounds->unclosed)
    {
      g_set_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_UNCLOSED,
                   _("Line %u: the details at the top are never closed by a “---” line"),
                   line_of (text, bounds->start));
      return NULL;
    }

  if (!bounds->present)
    return g_steal_pointer (&details);

  yaml_length = bounds->yaml_end - bounds->yaml_start;
  if (yaml_length > RST_FRONT_MATTER_MAX_SIZE)
    {
      g_set_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_TOO_LARGE,
                   _("Line %u: the details at the top are too long to be a statement’s"),
                   line_of (text, bounds->start));
      return NULL;
    }

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml is out of memory");
  yaml_parser_set_input_string (&parser, (const unsigned char *) text + bounds->yaml_start, yaml_length);

  while (!done)
    {
      /* Offsets of libyaml's marks are relative to the YAML. */
      if (!yaml_parser_parse (&parser, &event))
        {
          /* A problem found at the end of the input (a bracket never
           * closed) is the last line's, not the closing "---".
           */
          guint last = line_of (text, MAX (bounds->yaml_end, bounds->yaml_start + 1) - 1);
          guint line = line_of (text, bounds->yaml_start) + (guint) parser.problem_mark.line;

          g_set_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_SYNTAX,
                       _("Line %u: the details at the top are not valid YAML (%s)"),
                       MIN (line, last), parser.problem != NULL ? parser.problem : "?");
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 0 && event.type == YAML_SEQUENCE_START_EVENT)
            {
              set_not_mapping (error, text, bounds->yaml_start + event.start_mark.index);
              ok = FALSE;
              done = TRUE;
              break;
            }
          /* libyaml slows down badly on deep flow nesting ("[[[[…"); no
           * detail is more than a level deep.
           */
          if (depth >= RST_FRONT_MATTER_MAX_DEPTH)
            {
              g_set_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_TOO_LARGE,
                           _("Line %u: the details at the top are nested too deeply"),
                           line_of (text, bounds->yaml_start + event.start_mark.index));
              ok = FALSE;
              done = TRUE;
              break;
            }
          /* A nested value is not a detail: forget its key. */
          if (depth == 1)
            {
              if (have_key && key != NULL && nested_keys != NULL)
                g_ptr_array_add (nested_keys, g_strdup (key));
              g_clear_pointer (&key, g_free);
              have_key = !have_key;
            }
          depth++;
          break;

        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
          depth--;
          break;

        case YAML_SCALAR_EVENT:
          if (depth == 0)
            {
              set_not_mapping (error, text, bounds->yaml_start + event.start_mark.index);
              ok = FALSE;
              done = TRUE;
            }
          else if (depth == 1)
            {
              const char *value = (const char *) event.data.scalar.value;

              if (!have_key)
                {
                  g_free (key);
                  /* No detail has a key that long; YAML cannot even
                   * write it back as a "key: value" line (1024 at most).
                   */
                  key = event.data.scalar.length <= RST_FRONT_MATTER_MAX_KEY_LENGTH
                    ? g_strndup (value, event.data.scalar.length) : NULL;
                  have_key = TRUE;
                }
              else
                {
                  if (key != NULL && key[0] != '\0')
                    {
                      g_autofree char *v = g_strndup (value, event.data.scalar.length);

                      rst_details_set (details, key, v);
                    }
                  g_clear_pointer (&key, g_free);
                  have_key = FALSE;
                }
            }
          break;

        case YAML_ALIAS_EVENT:
          if (depth == 1)
            {
              if (have_key && key != NULL && nested_keys != NULL)
                g_ptr_array_add (nested_keys, g_strdup (key));
              g_clear_pointer (&key, g_free);
              have_key = !have_key;
            }
          break;

        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        default:
          break;
        }

      yaml_event_delete (&event);
    }

  yaml_parser_delete (&parser);

  if (!ok)
    return NULL;

  return g_steal_pointer (&details);
}

/* What goes before the body must end its line, or the body would be
 * glued to the closing "---" (a file that is all front matter has no
 * line break after it).
 */
static char *
terminate_block (const char *text,
                 gsize       length,
                 gboolean    present)
{
  GString *out = g_string_new_len (text, length);

  if (present && length > 0 && text[length - 1] != '\n')
    {
      const char *nl = memchr (text, '\n', length);

      g_string_append (out, nl != NULL && nl > text && nl[-1] == '\r' ? "\r\n" : "\n");
    }

  return g_string_free (out, FALSE);
}

/**
 * rst_front_matter_split:
 * @text: a whole statement file
 * @length: its length in bytes
 * @front_matter: (out) (optional) (transfer full): the front matter block
 *   as the file writes it, ending its line; "" when there is none or it
 *   cannot be read
 * @body: (out) (optional): where the body starts; 0 when the front matter
 *   cannot be read, since all of @text is body then
 *
 * Splits a file into what the editor keeps apart (the details) and what
 * it shows as text (the body).
 *
 * Returns: (transfer full) (nullable): the details, empty without a front
 *   matter; %NULL when the front matter cannot be read
 */
RstDetails *
rst_front_matter_split (const char  *text,
                        gsize        length,
                        char       **front_matter,
                        gsize       *body)
{
  RstFrontMatter bounds;
  RstDetails *details;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  rst_front_matter_locate (text, length, &bounds);
  details = rst_front_matter_read (text, length, &bounds, NULL, NULL);

  if (front_matter != NULL)
    *front_matter = details != NULL ? terminate_block (text, bounds.body, bounds.present) : g_strdup ("");
  if (body != NULL)
    *body = details != NULL ? bounds.body : 0;

  return details;
}

/**
 * rst_front_matter_find_value:
 * @start: (out): the first byte of the value of the top-level @key
 * @end: (out): the byte after it, blanks excluded
 *
 * Finds where a detail is written, so that a diagnostic about it points
 * at it rather than at the first line.
 *
 * Returns: whether @key is there
 */
gboolean
rst_front_matter_find_value (const char           *text,
                             const RstFrontMatter *bounds,
                             const char           *key,
                             gsize                *start,
                             gsize                *end)
{
  gsize key_len;

  g_return_val_if_fail (bounds != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!bounds->present)
    return FALSE;

  key_len = strlen (key);

  for (gsize line = bounds->yaml_start, next; line < bounds->yaml_end; line = next)
    {
      gsize eol = rst_line_end (text, bounds->yaml_end, line, &next);

      if (eol - line > key_len && strncmp (text + line, key, key_len) == 0 &&
          text[line + key_len] == ':')
        {
          gsize s = line + key_len + 1;
          gsize e = eol;

          while (s < e && (text[s] == ' ' || text[s] == '\t'))
            s++;
          while (e > s && g_ascii_isspace (text[e - 1]))
            e--;

          *start = s;
          *end = e;
          return TRUE;
        }
    }

  return FALSE;
}

/* The key of a "key: value" line as libyaml reads it: plain ("título",
 * "dc.title"), or in quotes ("\"quoted key\"", "'it''s'"); @colon is where
 * its ':' is. Keys in other forms ("? key", anchors, tags, flow mappings)
 * are not found here: rst_front_matter_replace() then says it cannot
 * rewrite them rather than leave them as they were.
 */
static gboolean
split_key (const char  *line,
           gsize        len,
           char       **key,
           gsize       *colon)
{
  gsize i = 0;
  gsize end;

  if (len == 0)
    return FALSE;

  if (line[0] == '"' || line[0] == '\'')
    {
      char quote = line[0];
      GString *str = g_string_new (NULL);

      for (i = 1; i < len; i++)
        {
          if (quote == '\'' && line[i] == '\'' && i + 1 < len && line[i + 1] == '\'')
            {
              g_string_append_c (str, '\'');
              i++;
            }
          else if (line[i] == quote)
            break;
          /* Escapes in a key: not a key this reader rewrites. */
          else if (quote == '"' && line[i] == '\\')
            break;
          else
            g_string_append_c (str, line[i]);
        }
      if (i >= len || line[i] != quote || str->len == 0)
        {
          g_string_free (str, TRUE);
          return FALSE;
        }
      for (i++; i < len && (line[i] == ' ' || line[i] == '\t'); i++)
        ;
      if (i >= len || line[i] != ':')
        {
          g_string_free (str, TRUE);
          return FALSE;
        }
      *key = g_string_free (str, FALSE);
      *colon = i;
      return TRUE;
    }

  /* A plain key cannot start with an indicator, and ends at the first
   * ':' followed by a blank or the end of the line.
   */
  if (strchr (",[]{}#&*!|>%@` \t", line[0]) != NULL)
    return FALSE;
  /* "-", "?" and ":" start a plain key ("-0a") unless a blank follows. */
  if (strchr ("-?:", line[0]) != NULL && (len == 1 || line[1] == ' ' || line[1] == '\t'))
    return FALSE;
  for (i = 0; i < len; i++)
    {
      if (line[i] == ':' && (i + 1 == len || line[i + 1] == ' ' || line[i + 1] == '\t'))
        break;
      /* A comment before the colon. */
      if (line[i] == '#' && (line[i - 1] == ' ' || line[i - 1] == '\t'))
        return FALSE;
    }
  if (i >= len)
    return FALSE;

  end = i;
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t'))
    end--;
  *key = g_strndup (line, end);
  *colon = i;
  return TRUE;
}

/**
 * rst_front_matter_split_line:
 * @line: one top-level line of a front matter
 * @key: (out): its key
 * @value: (out): its value, unquoted
 * @value_end: (out): where the value ends in @line: a comment after a
 *   quoted value stays the caller's to keep
 *
 * Reads one "key: value" line the way libyaml reads the simple ones, for
 * the code that rewrites a front matter line by line and must keep the
 * rest as the drafter wrote it.
 *
 * Returns: whether @line is a "key: value" line
 */
gboolean
rst_front_matter_split_line (const char  *line,
                             gsize        len,
                             char       **key,
                             char       **value,
                             gsize       *value_end)
{
  gsize i = 0;
  gsize vstart;
  gsize vend = len;
  GString *str;

  while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
    len--;

  if (!split_key (line, len, key, &i))
    return FALSE;

  vstart = i + 1;
  while (vstart < len && (line[vstart] == ' ' || line[vstart] == '\t'))
    vstart++;

  str = g_string_new (NULL);

  if (vstart < len && line[vstart] == '"')
    {
      gsize p = vstart + 1;

      for (; p < len && line[p] != '"'; p++)
        {
          if (line[p] == '\\' && p + 1 < len)
            {
              gsize digits = 0;

              p++;
              switch (line[p])
                {
                case 'n': g_string_append_c (str, '\n'); break;
                case 't': g_string_append_c (str, '\t'); break;
                case 'r': g_string_append_c (str, '\r'); break;
                case '0': g_string_append_c (str, '\0'); break;
                case 'a': g_string_append_c (str, '\a'); break;
                case 'b': g_string_append_c (str, '\b'); break;
                case 'e': g_string_append_c (str, '\x1b'); break;
                case 'f': g_string_append_c (str, '\f'); break;
                case 'v': g_string_append_c (str, '\v'); break;
                case 'N': g_string_append_unichar (str, 0x85); break;
                case '_': g_string_append_unichar (str, 0xA0); break;
                case 'L': g_string_append_unichar (str, 0x2028); break;
                case 'P': g_string_append_unichar (str, 0x2029); break;
                /* The escapes rst_front_matter_append_scalar() writes. */
                case 'x': digits = 2; break;
                case 'u': digits = 4; break;
                case 'U': digits = 8; break;
                default:  g_string_append_c (str, line[p]); break;
                }
              if (digits > 0)
                {
                  gunichar c = 0;
                  gsize d;

                  for (d = 0; d < digits && p + 1 + d < len && g_ascii_isxdigit (line[p + 1 + d]); d++)
                    c = c * 16 + g_ascii_xdigit_value (line[p + 1 + d]);
                  if (d == digits && g_unichar_validate (c))
                    {
                      g_string_append_unichar (str, c);
                      p += digits;
                    }
                  else
                    g_string_append_c (str, line[p]);
                }
            }
          else
            g_string_append_c (str, line[p]);
        }
      vend = p < len ? p + 1 : len;
    }
  else if (vstart < len && line[vstart] == '\'')
    {
      gsize p = vstart + 1;

      for (; p < len; p++)
        {
          if (line[p] == '\'' && p + 1 < len && line[p + 1] == '\'')
            {
              g_string_append_c (str, '\'');
              p++;
            }
          else if (line[p] == '\'')
            break;
          else
            g_string_append_c (str, line[p]);
        }
      vend = p < len ? p + 1 : len;
    }
  else
    {
      const char *comment = g_strstr_len (line + vstart, len - vstart, " #");

      vend = comment != NULL ? (gsize) (comment - line) : len;
      g_string_append_len (str, line + vstart, vend - vstart);
    }

  *value = g_string_free (str, FALSE);
  *value_end = vend;

  return TRUE;
}

/* Characters that YAML does not allow as they are (C1 controls, the byte
 * order mark, non-characters) or reads as line breaks (NEL, U+2028,
 * U+2029): written as escapes, in double quotes.
 */
static gboolean
needs_escape (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F) ||
         c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
}

/* Whether @value reads back as the same string when written unquoted. */
static gboolean
is_plain_safe (const char *value)
{
  static const char * const reserved[] = {
    "null", "true", "false", "yes", "no", "on", "off", "~", NULL
  };
  gsize len = strlen (value);

  if (len == 0)
    return FALSE;
  if (strchr ("-?:,[]{}#&*!|>'\"%@` \t", value[0]) != NULL)
    return FALSE;
  /* A key starts its line: "..." or "---" there ends the YAML. */
  if (g_str_has_prefix (value, "...") || g_str_has_prefix (value, "---"))
    return FALSE;
  if (value[len - 1] == ' ' || value[len - 1] == ':')
    return FALSE;
  if (strstr (value, ": ") != NULL || strstr (value, " #") != NULL)
    return FALSE;
  for (const char *p = value; *p; p++)
    {
      gunichar c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char_validated (p, -1);

      if ((guchar) *p < 0x20 || (c < (gunichar) -2 && needs_escape (c)))
        return FALSE;
    }
  /* "lang: no" must stay the string "no" for every YAML reader. */
  for (guint i = 0; reserved[i]; i++)
    if (g_ascii_strcasecmp (value, reserved[i]) == 0)
      return FALSE;
  /* Braces are legal inside a plain scalar, but a quoted placeholder
   * reads the same in every YAML reader and in every position.
   */
  return strstr (value, "{{") == NULL;
}

/**
 * rst_front_matter_append_scalar:
 *
 * Appends @value as a YAML scalar that reads back as @value: plain when
 * that is safe, else double-quoted with escapes.
 */
void
rst_front_matter_append_scalar (GString    *out,
                                const char *value)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (value != NULL);

  if (is_plain_safe (value))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      gunichar c;

      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          /* Other control characters are not allowed raw in YAML. */
          if ((guchar) *p < 0x20 || (guchar) *p == 0x7F)
            g_string_append_printf (out, "\\x%02x", (guchar) *p);
          else if ((guchar) *p >= 0x80 &&
                   (c = g_utf8_get_char_validated (p, -1)) < (gunichar) -2 &&
                   needs_escape (c))
            {
              g_string_append_printf (out, "\\u%04X", c);
              p = g_utf8_next_char (p) - 1;
            }
          else
            g_string_append_c (out, *p);
          break;
        }
    }
  g_string_append_c (out, '"');
}

/**
 * rst_front_matter_write:
 *
 * Returns: (transfer full): @details as a front-matter block, "---" lines
 *   included, or "" when there are none
 */
char *
rst_front_matter_write (const RstDetails *details)
{
  GString *out;
  guint n;

  g_return_val_if_fail (details != NULL, NULL);

  n = rst_details_get_size (details);
  if (n == 0)
    return g_strdup ("");

  out = g_string_new ("---\n");
  for (guint i = 0; i < n; i++)
    {
      /* A key is a scalar too ("quoted key": …, "no": …). */
      rst_front_matter_append_scalar (out, rst_details_get_key (details, i));
      g_string_append (out, ": ");
      rst_front_matter_append_scalar (out, rst_details_get_value (details, i));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "---\n");

  return g_string_free (out, FALSE);
}

/* Rewriting a front matter ----------------------------------------------- */

/* The spaces before the first key: YAML lets the whole mapping be
 * indented, and its keys are then the lines indented that much.
 */
static gsize
mapping_indent (const char *text,
                gsize       start,
                gsize       end)
{
  for (gsize pos = start, next; pos < end; pos = next)
    {
      gsize eol = rst_line_end (text, end, pos, &next);
      gsize i = pos;

      while (i < eol && text[i] == ' ')
        i++;
      if (i < eol && text[i] != '#' && text[i] != '\r' && text[i] != '\t')
        return i - pos;
    }

  return 0;
}

/* A line that belongs to the value of the key line above it: indented
 * more than the keys, or an item of a list written at the keys' margin
 * ("authors:\n- A\n- B").
 */
static gboolean
is_continuation (const char *text,
                 gsize       start,
                 gsize       end,
                 gsize       indent)
{
  gsize i = start;

  if (start >= end)
    return FALSE;
  while (i < end && i - start < indent && text[i] == ' ')
    i++;
  if (i - start < indent || i >= end)
    return FALSE;
  if (text[i] == ' ' || text[i] == '\t')
    return TRUE;

  return text[i] == '-' &&
         (i + 1 == end || text[i + 1] == ' ' || text[i + 1] == '\t' ||
          text[i + 1] == '\r');
}

/* A comment line, however indented. */
static gboolean
is_comment (const char *text,
            gsize       start,
            gsize       end)
{
  while (start < end && (text[start] == ' ' || text[start] == '\t'))
    start++;

  return start < end && text[start] == '#';
}

/* Whether the line starts with exactly @indent spaces, then a key. */
static gboolean
at_indent (const char *text,
           gsize       start,
           gsize       end,
           gsize       indent)
{
  for (gsize i = 0; i < indent; i++)
    if (start + i >= end || text[start + i] != ' ')
      return FALSE;

  return start + indent < end && text[start + indent] != ' ' && text[start + indent] != '\t';
}

static gboolean
is_blank (const char *text,
          gsize       start,
          gsize       end)
{
  for (gsize i = start; i < end; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

/* "key: value" as a line of its own; a comment after the old value stays. */
static void
append_entry (GString    *out,
              gsize       indent,
              const char *key,
              const char *value,
              const char *comment,
              gsize       comment_len,
              const char *newline)
{
  for (gsize i = 0; i < indent; i++)
    g_string_append_c (out, ' ');
  rst_front_matter_append_scalar (out, key);
  g_string_append (out, ": ");
  rst_front_matter_append_scalar (out, value);
  if (comment != NULL)
    g_string_append_len (out, comment, comment_len);
  g_string_append (out, newline);
}

/* The " # comment" after a value on its line, or NULL. */
static const char *
trailing_comment (const char *line,
                  gsize       len,
                  gsize       value_end,
                  gsize      *comment_len)
{
  gsize p = value_end;

  while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
    len--;
  while (p < len && (line[p] == ' ' || line[p] == '\t'))
    p++;
  if (p >= len || p == value_end || line[p] != '#')
    return NULL;

  *comment_len = len - value_end;
  return line + value_end;
}

/* The same keys with the same values; the order is the file's. */
static gboolean
same_details (const RstDetails *a,
              const RstDetails *b)
{
  if (rst_details_get_size (a) != rst_details_get_size (b))
    return FALSE;

  for (guint i = 0; i < rst_details_get_size (a); i++)
    if (g_strcmp0 (rst_details_lookup (b, rst_details_get_key (a, i)), rst_details_get_value (a, i)) != 0)
      return FALSE;

  return TRUE;
}

/**
 * rst_front_matter_opens_block:
 * @body: an offset into @text, a body's start
 *
 * Whether the text from @body on starts with a "---" line: a body that,
 * without the front matter before it, would be read as one (closed or
 * not).
 */
gboolean
rst_front_matter_opens_block (const char *text,
                              gsize       length,
                              gsize       body)
{
  gsize next;
  gsize end;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  if (body >= length)
    return FALSE;
  end = rst_line_end (text, length, body, &next);
  return line_is (text, body, end, "---");
}

/**
 * rst_front_matter_replace:
 * @text: a statement, with or without a front matter
 * @details: what its front matter is to say
 * @error: why the front matter of @text cannot be rewritten (it cannot be
 *   read: see rst_front_matter_read())
 *
 * Rewrites the front matter of @text so that it reads as @details, and
 * leaves everything else as the drafter (or pandoc) wrote it: the lines of
 * the details that did not change, comments, blank lines, lists and
 * mappings, the line ends and the body. A changed detail is written on
 * the line of the old one, a new one before the closing line, a removed
 * one goes; a text without a front matter gets one when @details is not
 * empty, and one left with nothing but blank lines is taken away.
 *
 * Returns: (transfer full) (nullable): the new text, or %NULL with @error
 */
char *
rst_front_matter_replace (const char        *text,
                          gsize              length,
                          const RstDetails  *details,
                          GError           **error)
{
  g_autoptr(RstDetails) before = NULL;
  g_autoptr(GHashTable) done = NULL;
  g_autoptr(GString) yaml = NULL;
  RstFrontMatter fm;
  const char *newline;
  GString *out;
  gsize indent;
  gsize pos;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (details != NULL, NULL);

  rst_front_matter_locate (text, length, &fm);
  before = rst_front_matter_read (text, length, &fm, NULL, error);
  if (before == NULL)
    return NULL;

  /* Nothing to change: the text as it is, however its keys are written. */
  if (rst_details_equal (before, details))
    return g_strndup (text, length);

  if (!fm.present)
    {
      g_autofree char *block = rst_front_matter_write (details);

      out = g_string_sized_new (length + strlen (block));
      g_string_append_len (out, text, fm.start);
      g_string_append (out, block);
      g_string_append_len (out, text + fm.start, length - fm.start);
      return g_string_free (out, FALSE);
    }

  newline = fm.yaml_start >= 2 && text[fm.yaml_start - 2] == '\r' ? "\r\n" : "\n";
  /* Not interned: the keys are the file's, any number of them. */
  done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  yaml = g_string_sized_new (fm.yaml_end - fm.yaml_start + 64);
  indent = mapping_indent (text, fm.yaml_start, fm.yaml_end);

  for (pos = fm.yaml_start; pos < fm.yaml_end;)
    {
      gsize next;
      gsize eol = rst_line_end (text, fm.yaml_end, pos, &next);
      gsize entry_end = next;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      const char *wanted;
      const char *had;
      gsize value_end = 0;
      gboolean single_line;

      if (is_comment (text, pos, eol) || !at_indent (text, pos, eol, indent) ||
          is_continuation (text, pos, eol, indent) ||
          !rst_front_matter_split_line (text + pos + indent, eol - pos - indent, &key, &value, &value_end))
        {
          g_string_append_len (yaml, text + pos, next - pos);
          pos = next;
          continue;
        }

      /* The key's value goes on over the lines that belong to it; blank
       * and comment lines among them too (a block scalar, a list with a
       * comment before its items), not the ones after.
       */
      for (gsize p = entry_end; p < fm.yaml_end;)
        {
          gsize after;
          gsize e = rst_line_end (text, fm.yaml_end, p, &after);

          if (is_continuation (text, p, e, indent))
            entry_end = p = after;
          else if (is_blank (text, p, e) || is_comment (text, p, e))
            p = after;
          else
            break;
        }
      single_line = entry_end == next;

      wanted = rst_details_lookup (details, key);
      had = rst_details_lookup (before, key);

      if (g_hash_table_contains (done, key))
        {
          /* A repeated key: the reader takes its last value, so the
           * repetition stays only when nothing changed, or when it is
           * not a detail at all (a line inside a quoted value may look
           * like a key).
           */
          if ((wanted != NULL && g_strcmp0 (wanted, had) == 0) ||
              (wanted == NULL && had == NULL))
            g_string_append_len (yaml, text + pos, entry_end - pos);
        }
      else if (wanted != NULL && g_strcmp0 (wanted, had) == 0)
        g_string_append_len (yaml, text + pos, entry_end - pos);
      else if (wanted != NULL)
        {
          gsize comment_len = 0;
          const char *comment = single_line
            ? trailing_comment (text + pos + indent, eol - pos - indent, value_end, &comment_len) : NULL;

          append_entry (yaml, indent, key, wanted, comment, comment_len, newline);
        }
      else if (had == NULL)
        /* Not a detail (a list, a mapping): not ours to remove. */
        g_string_append_len (yaml, text + pos, entry_end - pos);

      g_hash_table_add (done, g_steal_pointer (&key));
      pos = entry_end;
    }

  for (guint i = 0; i < rst_details_get_size (details); i++)
    {
      const char *key = rst_details_get_key (details, i);

      if (!g_hash_table_contains (done, key))
        append_entry (yaml, indent, key, rst_details_get_value (details, i), NULL, 0, newline);
    }

  out = g_string_sized_new (length + yaml->len);
  /* A front matter left with nothing goes, unless the body then starts
   * with a "---" line that would read as one.
   */
  if (rst_details_get_size (details) == 0 && is_blank (yaml->str, 0, yaml->len) &&
      !rst_front_matter_opens_block (text, length, fm.body))
    g_string_append_len (out, text, fm.start);
  else
    {
      g_string_append_len (out, text, fm.yaml_start);
      g_string_append_len (out, yaml->str, yaml->len);
      g_string_append_len (out, text + fm.yaml_end, fm.body - fm.yaml_end);
    }
  g_string_append_len (out, text + fm.body, length - fm.body);

  /* Keys written in a way the line rewriter does not follow ("? key",
   * anchors, flow mappings) could stay as they were: refuse rather than
   * write details other than the ones asked for.
   */
  {
    g_autoptr(RstDetails) written = NULL;
    RstFrontMatter check;

    rst_front_matter_locate (out->str, out->len, &check);
    written = rst_front_matter_read (out->str, out->len, &check, NULL, NULL);
    if (written == NULL || !same_details (written, details))
      {
        g_set_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_UNSUPPORTED,
                     _("Line %u: the details at the top are written in a way Rostrum cannot change; edit them in the text"),
                     line_of (text, fm.start));
        g_string_free (out, TRUE);
        return NULL;
      }
  }

  return g_string_free (out, FALSE);
}
