/* rst-template.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <yaml.h>

#ifdef G_OS_UNIX
# include <unistd.h>
#endif

#include "rst-template-private.h"

/* A template is a statement file, so it can be as large as one; anything
 * bigger is not a template someone wrote by hand.
 */
#define MAX_TEMPLATE_SIZE (1024 * 1024)

struct _RstTemplate
{
  GObject            parent_instance;

  char              *id;
  char              *file_id;
  char              *name;
  char              *description;
  char              *text;
  GFile             *file;
  GError            *error;
  char              *note;
  RstTemplateOrigin  origin;
};

G_DEFINE_FINAL_TYPE (RstTemplate, rst_template, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DESCRIPTION,
  PROP_ORIGIN,
  PROP_NOTE,
  PROP_HAS_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const known_fields[] = {
  "speaker",
  "speaker_title",
  "delegation",
  "council",
  "council_short",
  "council_id",
  "session",
  "session_ordinal",
  "chair_title",
  "chair_form",
  "chair_address",
  "date",
  "agenda_item",
  "year",
  "delivery_mark",
  "time_limit",
  NULL
};

/* The front-matter keys of DESIGN.md that hold a known field on their own;
 * "Save as template" turns such a value back into its placeholder only
 * under its own key, so "Mr." or "114" elsewhere are left alone.
 */
static const struct {
  const char *key;
  const char *field;
} front_matter_fields[] = {
  { "council", "council_id" },
  { "session", "session" },
  { "delegation", "delegation" },
  { "speaker", "speaker" },
  { "chair", "chair_title" },
  { "chair-form", "chair_form" },
  { "date", "date" },
  { "agenda-item", "agenda_item" },
  { "delivery-mark", "delivery_mark" },
  { "time-limit", "time_limit" },
};

/* Fields whose values are distinctive enough to be recognized anywhere in
 * a statement. The bare session number, the year and the chair's form of
 * address are not: "114 countries", "the 2024–2028 plan" and "Mr. Smith"
 * must survive "Save as template".
 */
static const char * const text_fields[] = {
  "speaker",
  "speaker_title",
  "delegation",
  "council",
  "council_short",
  "session_ordinal",
  "chair_address",
  "chair_title",
  "date",
  "agenda_item",
  NULL
};

G_DEFINE_QUARK (rst-template-error-quark, rst_template_error)

/* g_set_str() is GLib 2.76; we build against 2.74. */
static gboolean
set_str (char       **ptr,
         const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);

  return TRUE;
}

/* Front matter --------------------------------------------------------- */

typedef struct
{
  gboolean present;
  gsize    start;      /* first byte of the YAML */
  gsize    end;        /* first byte of the closing line */
  gsize    body;       /* first byte after the closing line */
} FrontMatter;

static gsize
line_end (const char *text,
          gsize       length,
          gsize       pos)
{
  const char *nl = memchr (text + pos, '\n', length - pos);

  return nl != NULL ? (gsize) (nl - text) : length;
}

static gsize
next_line (const char *text,
           gsize       length,
           gsize       pos)
{
  gsize end = line_end (text, length, pos);

  return end < length ? end + 1 : length;
}

static gboolean
line_is (const char *text,
         gsize       start,
         gsize       end,
         const char *marker)
{
  gsize len = strlen (marker);

  /* Allow CRLF files and trailing blanks after the marker. */
  while (end > start && (text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t'))
    end--;

  return end - start == len && memcmp (text + start, marker, len) == 0;
}

/* Returns FALSE only for a front matter that opens and never closes. */
static gboolean
find_front_matter (const char  *text,
                   gsize        length,
                   FrontMatter *fm)
{
  gsize pos;

  memset (fm, 0, sizeof *fm);

  if (!line_is (text, 0, line_end (text, length, 0), "---"))
    return TRUE;

  fm->start = next_line (text, length, 0);

  for (pos = fm->start; pos < length; pos = next_line (text, length, pos))
    {
      gsize end = line_end (text, length, pos);

      if (line_is (text, pos, end, "---") || line_is (text, pos, end, "..."))
        {
          fm->present = TRUE;
          fm->end = pos;
          fm->body = next_line (text, length, pos);
          return TRUE;
        }
    }

  return FALSE;
}

static guint
line_number_at (const char *text,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n')
      line++;

  return line;
}

/* Reads the front matter with libyaml: a mapping of text keys to text
 * values, as DESIGN.md has it. @first_line is the file line of its first
 * byte, so that errors name the line the drafter sees.
 */
static GHashTable *
parse_front_matter (const char  *yaml,
                    gsize        length,
                    guint        first_line,
                    GError     **error)
{
  g_autoptr(GHashTable) details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  yaml_parser_t parser;
  yaml_event_t event;
  g_autofree char *key = NULL;
  guint depth = 0;
  gboolean done = FALSE;
  gboolean ok = TRUE;

  if (!yaml_parser_initialize (&parser))
    g_error ("libyaml could not allocate a parser");

  yaml_parser_set_input_string (&parser, (const unsigned char *) yaml, length);

  while (ok && !done)
    {
      if (!yaml_parser_parse (&parser, &event))
        {
          g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                       _("Front matter, line %u: %s"),
                       first_line + (guint) parser.problem_mark.line,
                       parser.problem ? parser.problem : _("invalid YAML"));
          ok = FALSE;
          break;
        }

      switch (event.type)
        {
        case YAML_STREAM_END_EVENT:
          done = TRUE;
          break;

        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
          if (depth == 0 && event.type == YAML_MAPPING_START_EVENT)
            {
              depth++;
              break;
            }
          if (depth == 0 || key == NULL)
            {
              g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                           _("Front matter, line %u: expected “key: value” lines"),
                           first_line + (guint) event.start_mark.line);
              ok = FALSE;
              break;
            }
          /* A placeholder written without quotes, {{speaker}}, reads as a
           * flow mapping: say how to write it rather than "not text".
           */
          g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                       _("Front matter, line %u: the value of “%s” is not text; write placeholders in quotes, as in %s: \"{{%s}}\""),
                       first_line + (guint) event.start_mark.line,
                       key, key, key);
          ok = FALSE;
          break;

        case YAML_SCALAR_EVENT:
          if (depth == 0)
            {
              g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                           _("Front matter, line %u: expected “key: value” lines"),
                           first_line + (guint) event.start_mark.line);
              ok = FALSE;
            }
          else if (key == NULL)
            key = g_strdup ((const char *) event.data.scalar.value);
          else
            g_hash_table_replace (details,
                                  g_steal_pointer (&key),
                                  g_strdup ((const char *) event.data.scalar.value));
          break;

        case YAML_ALIAS_EVENT:
          g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                       _("Front matter, line %u: aliases are not supported"),
                       first_line + (guint) event.start_mark.line);
          ok = FALSE;
          break;

        case YAML_NO_EVENT:
        case YAML_STREAM_START_EVENT:
        case YAML_DOCUMENT_START_EVENT:
        case YAML_DOCUMENT_END_EVENT:
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
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

/* YAML scalars ---------------------------------------------------------- */

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
  if (value[len - 1] == ' ' || value[len - 1] == ':')
    return FALSE;
  if (strstr (value, ": ") != NULL || strstr (value, " #") != NULL)
    return FALSE;
  for (const char *p = value; *p; p++)
    if ((guchar) *p < 0x20)
      return FALSE;
  /* "lang: no" must stay the string "no" for every YAML reader. */
  for (guint i = 0; reserved[i]; i++)
    if (g_ascii_strcasecmp (value, reserved[i]) == 0)
      return FALSE;

  return TRUE;
}

static void
append_yaml_scalar (GString    *out,
                    const char *value)
{
  /* Braces are legal inside a plain scalar, but a quoted placeholder
   * reads the same in every YAML reader and in every position.
   */
  if (is_plain_safe (value) && strstr (value, "{{") == NULL)
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:   g_string_append_c (out, *p); break;
        }
    }
  g_string_append_c (out, '"');
}

/* Splits a top-level "key: value" line. *value_end excludes a comment
 * that follows a quoted value, which the caller keeps as it is.
 */
static gboolean
split_front_matter_line (const char  *line,
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

  while (i < len && (g_ascii_isalnum (line[i]) || line[i] == '-' || line[i] == '_'))
    i++;
  if (i == 0 || i >= len || line[i] != ':')
    return FALSE;

  *key = g_strndup (line, i);
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
              p++;
              switch (line[p])
                {
                case 'n': g_string_append_c (str, '\n'); break;
                case 't': g_string_append_c (str, '\t'); break;
                case 'r': g_string_append_c (str, '\r'); break;
                default:  g_string_append_c (str, line[p]); break;
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

/* Slots ---------------------------------------------------------------- */

static gboolean
scan_slots (const char  *text,
            gsize        length,
            GArray      *slots,
            GError     **error)
{
  gsize i = 0;

  while (i + 1 < length)
    {
      RstTemplateSlot slot = { 0 };
      gsize j;

      if (text[i] != '{' || text[i + 1] != '{')
        {
          i++;
          continue;
        }

      slot.start = i;
      for (j = i + 2; j < length; j++)
        {
          if (text[j] == '\n' || text[j] == '{')
            break;
          if (text[j] == '}' && j + 1 < length && text[j + 1] == '}')
            break;
        }

      if (j >= length || text[j] != '}')
        {
          g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_PLACEHOLDER,
                       _("Line %u: “{{” is not closed with “}}” on the same line"),
                       line_number_at (text, i));
          if (error != NULL)
            return FALSE;
          i += 2;
          continue;
        }

      slot.end = j + 2;
      slot.name_start = i + 2;
      slot.name_end = j;
      while (slot.name_start < slot.name_end && g_ascii_isspace (text[slot.name_start]))
        slot.name_start++;
      while (slot.name_end > slot.name_start && g_ascii_isspace (text[slot.name_end - 1]))
        slot.name_end--;

      if (slot.name_start == slot.name_end)
        {
          g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_PLACEHOLDER,
                       _("Line %u: “{{}}” names no field and describes no text"),
                       line_number_at (text, i));
          if (error != NULL)
            return FALSE;
        }
      else
        {
          g_autofree char *name = g_strndup (text + slot.name_start,
                                             slot.name_end - slot.name_start);

          slot.known = rst_template_is_known_field (name);
          if (slots != NULL)
            g_array_append_val (slots, slot);
        }

      i = slot.end;
    }

  return TRUE;
}

GArray *
rst_template_find_slots (const char *text,
                         gssize      length)
{
  GArray *slots = g_array_new (FALSE, FALSE, sizeof (RstTemplateSlot));

  g_return_val_if_fail (text != NULL, slots);

  if (length < 0)
    length = strlen (text);

  scan_slots (text, length, slots, NULL);

  return slots;
}

/* Known fields and values -------------------------------------------- */

const char * const *
rst_template_get_known_fields (void)
{
  return known_fields;
}

gboolean
rst_template_is_known_field (const char *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return g_strv_contains (known_fields, field);
}

char *
rst_template_format_ordinal (guint number)
{
  const char *suffix = "th";

  /* 11th, 12th, 13th, 111th…: the teens take "th" whatever their last digit. */
  if (number % 100 < 11 || number % 100 > 13)
    {
      switch (number % 10)
        {
        case 1: suffix = "st"; break;
        case 2: suffix = "nd"; break;
        case 3: suffix = "rd"; break;
        default: break;
        }
    }

  return g_strdup_printf ("%u%s", number, suffix);
}

GHashTable *
rst_template_values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static const char *
lookup_value (GHashTable *values,
              const char *field)
{
  const char *value;

  if (values == NULL)
    return NULL;

  value = g_hash_table_lookup (values, field);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

void
rst_template_values_set_default (GHashTable *values,
                                 const char *field,
                                 const char *value)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (field != NULL);

  if (value == NULL || value[0] == '\0' || lookup_value (values, field) != NULL)
    return;

  g_hash_table_replace (values, g_strdup (field), g_strdup (value));
}

void
rst_template_values_add_council (GHashTable *values,
                                 RstCouncil *council)
{
  guint limit;

  g_return_if_fail (values != NULL);
  g_return_if_fail (RST_IS_COUNCIL (council));

  rst_template_values_set_default (values, "council_id", rst_council_get_id (council));
  rst_template_values_set_default (values, "council", rst_council_get_name (council));
  rst_template_values_set_default (values, "council_short", rst_council_get_short_name (council));
  rst_template_values_set_default (values, "chair_title", rst_council_get_chair_title (council));
  rst_template_values_set_default (values, "chair_form", rst_council_get_chair_form (council));
  rst_template_values_set_default (values, "delivery_mark", rst_council_get_delivery_mark (council));

  limit = rst_council_get_time_limit_seconds (council);
  if (limit > 0)
    {
      g_autofree char *str = g_strdup_printf ("%u:%02u", limit / 60, limit % 60);

      rst_template_values_set_default (values, "time_limit", str);
    }
}

void
rst_template_values_complete (GHashTable *values)
{
  const char *session;
  const char *date;
  const char *title;

  g_return_if_fail (values != NULL);

  session = lookup_value (values, "session");
  if (session != NULL && lookup_value (values, "session_ordinal") == NULL)
    {
      guint64 number;

      if (g_ascii_string_to_unsigned (session, 10, 1, G_MAXUINT, &number, NULL))
        g_hash_table_replace (values, g_strdup ("session_ordinal"),
                              rst_template_format_ordinal ((guint) number));
    }

  title = lookup_value (values, "chair_title");
  if (title != NULL && lookup_value (values, "chair_address") == NULL)
    {
      const char *form = lookup_value (values, "chair_form");

      g_hash_table_replace (values, g_strdup ("chair_address"),
                            form != NULL ? g_strdup_printf ("%s %s", form, title)
                                         : g_strdup (title));
    }

  /* Dates are ISO 8601 in the front matter (DESIGN.md). */
  date = lookup_value (values, "date");
  if (date != NULL && lookup_value (values, "year") == NULL &&
      strlen (date) >= 4 &&
      g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1]) &&
      g_ascii_isdigit (date[2]) && g_ascii_isdigit (date[3]) &&
      (date[4] == '\0' || date[4] == '-'))
    g_hash_table_replace (values, g_strdup ("year"), g_strndup (date, 4));
}

static GHashTable *
copy_and_complete (GHashTable *values)
{
  GHashTable *copy = rst_template_values_new ();

  if (values != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          /* Known fields are one-line values: a newline from a settings
           * key or the command line must not split a paragraph.
           */
          g_autofree char *clean = g_strdup (value ? value : "");

          g_strdelimit (clean, "\r\n\t", ' ');
          g_strstrip (clean);
          g_hash_table_replace (copy, g_strdup (key), g_steal_pointer (&clean));
        }
    }

  rst_template_values_complete (copy);

  return copy;
}

/* Filling -------------------------------------------------------------- */

static void
substitute (GString    *out,
            const char *text,
            gsize       length,
            GHashTable *values)
{
  g_autoptr(GArray) slots = g_array_new (FALSE, FALSE, sizeof (RstTemplateSlot));
  gsize pos = 0;

  scan_slots (text, length, slots, NULL);

  for (guint i = 0; i < slots->len; i++)
    {
      const RstTemplateSlot *slot = &g_array_index (slots, RstTemplateSlot, i);
      g_autofree char *name = NULL;
      const char *value;

      g_string_append_len (out, text + pos, slot->start - pos);
      pos = slot->end;

      name = g_strndup (text + slot->name_start, slot->name_end - slot->name_start);
      value = slot->known ? lookup_value (values, name) : NULL;

      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, text + slot->start, slot->end - slot->start);
    }

  g_string_append_len (out, text + pos, length - pos);
}

static gboolean
is_template_key (const char *key)
{
  return g_str_equal (key, RST_TEMPLATE_KEY_NAME) ||
         g_str_equal (key, RST_TEMPLATE_KEY_DESCRIPTION);
}

static void
fill_front_matter (GString    *out,
                   const char *text,
                   gsize       start,
                   gsize       end,
                   GHashTable *values)
{
  gboolean skipping = FALSE;
  gsize pos;

  for (pos = start; pos < end; pos = next_line (text, end, pos))
    {
      gsize eol = line_end (text, end, pos);
      gsize next = next_line (text, end, pos);
      const char *line = text + pos;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize value_end;

      /* Continuation lines of a folded value belong to the key above. */
      if (eol > pos && (line[0] == ' ' || line[0] == '\t'))
        {
          if (!skipping)
            g_string_append_len (out, line, next - pos);
          continue;
        }

      skipping = FALSE;

      if (!split_front_matter_line (line, eol - pos, &key, &value, &value_end))
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

        substitute (filled, value, strlen (value), values);
        g_string_append_printf (out, "%s: ", key);
        append_yaml_scalar (out, filled->str);
        /* What followed a quoted value (a comment), then the newline. */
        g_string_append_len (out, line + value_end, (eol - pos) - MIN (value_end, eol - pos));
        g_string_append_len (out, text + eol, next - eol);
      }
    }
}

char *
rst_template_fill_text (const char *text,
                        GHashTable *values)
{
  g_autoptr(GHashTable) complete = NULL;
  FrontMatter fm;
  GString *out;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  complete = copy_and_complete (values);
  out = g_string_sized_new (length + 256);

  if (find_front_matter (text, length, &fm) && fm.present)
    {
      gsize opening = out->len;
      gsize details;

      g_string_append_len (out, text, fm.start);
      details = out->len;
      fill_front_matter (out, text, fm.start, fm.end, complete);

      /* A template whose front matter only named it gives a statement
       * without one, rather than an empty "---" pair.
       */
      if (strspn (out->str + details, " \t\r\n") == out->len - details)
        g_string_truncate (out, opening);
      else
        g_string_append_len (out, text + fm.end, fm.body - fm.end);

      substitute (out, text + fm.body, length - fm.body, complete);
    }
  else
    substitute (out, text, length, complete);

  return g_string_free (out, FALSE);
}

char *
rst_template_fill (RstTemplate  *self,
                   GHashTable   *values,
                   GError      **error)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);

  if (self->error != NULL)
    {
      g_set_error (error, self->error->domain, self->error->code,
                   _("Template “%s” cannot be used: %s"),
                   self->id, self->error->message);
      return NULL;
    }

  return rst_template_fill_text (self->text, values);
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

static const char *
front_matter_field (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (front_matter_fields); i++)
    if (g_str_equal (front_matter_fields[i].key, key))
      return front_matter_fields[i].field;

  return NULL;
}

char *
rst_template_from_statement (const char *text,
                             GHashTable *known_values)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GArray) literals = NULL;
  FrontMatter fm;
  GString *out;
  gsize length;
  gsize body = 0;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  values = copy_and_complete (known_values);
  literals = g_array_new (FALSE, FALSE, sizeof (Literal));

  for (guint i = 0; text_fields[i]; i++)
    {
      Literal lit = { text_fields[i], lookup_value (values, text_fields[i]), 0, i };

      if (lit.value == NULL || strstr (lit.value, "{{") != NULL)
        continue;
      lit.len = strlen (lit.value);
      g_array_append_val (literals, lit);
    }
  g_array_sort (literals, compare_literals);

  out = g_string_sized_new (length);

  if (find_front_matter (text, length, &fm) && fm.present)
    {
      gsize pos;

      g_string_append_len (out, text, fm.start);

      for (pos = fm.start; pos < fm.end; pos = next_line (text, fm.end, pos))
        {
          gsize eol = line_end (text, fm.end, pos);
          gsize next = next_line (text, fm.end, pos);
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;
          const char *field;
          const char *known;
          gsize value_end;

          if (text[pos] == ' ' || text[pos] == '\t' ||
              !split_front_matter_line (text + pos, eol - pos, &key, &value, &value_end))
            {
              g_string_append_len (out, text + pos, next - pos);
              continue;
            }

          field = front_matter_field (key);
          known = field != NULL ? lookup_value (values, field) : NULL;

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
              append_yaml_scalar (out, generic->str);
            }

          g_string_append_len (out, text + pos + value_end, eol - pos - value_end);
          g_string_append_len (out, text + eol, next - eol);
        }

      g_string_append_len (out, text + fm.end, fm.body - fm.end);
      body = fm.body;
    }

  unsubstitute (out, text + body, length - body, literals);

  return g_string_free (out, FALSE);
}

/* Next session --------------------------------------------------------- */

guint
rst_template_propose_next_session (const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  FrontMatter fm;
  gsize length;
  gsize body = 0;

  g_return_val_if_fail (text != NULL, 0);

  length = strlen (text);

  if (find_front_matter (text, length, &fm) && fm.present)
    {
      gsize pos;

      body = fm.body;

      for (pos = fm.start; pos < fm.end; pos = next_line (text, fm.end, pos))
        {
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;
          gsize value_end;
          guint64 number = 0;
          guint digits = 0;

          if (!split_front_matter_line (text + pos, line_end (text, fm.end, pos) - pos,
                                        &key, &value, &value_end) ||
              !g_str_equal (key, "session"))
            continue;

          /* "114", or "114th" written by hand. */
          while (g_ascii_isdigit (value[digits]) && digits < 9)
            number = number * 10 + (guint64) (value[digits++] - '0');

          if (digits > 0 && number > 0)
            return (guint) number + 1;
        }
    }

  /* The heading: "at the 114th Session of the Council", "58th regular
   * session". Only read once, when a template is chosen: GRegex is the
   * simpler tool here. Raw bytes, since the pattern is ASCII and the text
   * may not be valid UTF-8 (a damaged file must not crash PCRE).
   */
  regex = g_regex_new ("\\b([0-9]{1,6})(?:st|nd|rd|th)\\s+(?:[[:alpha:]]+\\s+)?session\\b",
                       G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);
  g_assert (regex != NULL);

  if (g_regex_match_full (regex, text + body, length - body, 0, 0, &match, NULL))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      guint64 number;

      if (g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT - 1, &number, NULL))
        return (guint) number + 1;
    }

  return 0;
}

/* Identity ------------------------------------------------------------ */

char *
_rst_template_set_identity (const char *text,
                            const char *name,
                            const char *description)
{
  FrontMatter fm;
  GString *out;
  gsize length;
  gsize pos;
  gboolean skipping = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  length = strlen (text);
  out = g_string_sized_new (length + 128);

  if (!find_front_matter (text, length, &fm) || !fm.present)
    {
      g_string_append (out, "---\n");
      fm.start = fm.end = fm.body = 0;
    }
  else
    g_string_append_len (out, text, fm.start);

  /* The template's own keys first, where a reader of the file looks. */
  g_string_append (out, RST_TEMPLATE_KEY_NAME ": ");
  append_yaml_scalar (out, name);
  g_string_append_c (out, '\n');
  if (description != NULL && description[0] != '\0')
    {
      g_string_append (out, RST_TEMPLATE_KEY_DESCRIPTION ": ");
      append_yaml_scalar (out, description);
      g_string_append_c (out, '\n');
    }

  for (pos = fm.start; pos < fm.end; pos = next_line (text, fm.end, pos))
    {
      gsize eol = line_end (text, fm.end, pos);
      gsize next = next_line (text, fm.end, pos);
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize value_end;

      if (eol > pos && (text[pos] == ' ' || text[pos] == '\t'))
        {
          if (!skipping)
            g_string_append_len (out, text + pos, next - pos);
          continue;
        }

      skipping = split_front_matter_line (text + pos, eol - pos, &key, &value, &value_end) &&
                 is_template_key (key);
      if (!skipping)
        g_string_append_len (out, text + pos, next - pos);
    }

  if (fm.present)
    g_string_append_len (out, text + fm.end, length - fm.end);
  else
    {
      g_string_append (out, "---\n");
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

/* Writing -------------------------------------------------------------- */

gboolean
rst_template_write_file (GFile       *file,
                         const char  *contents,
                         gsize        length,
                         gboolean     replace,
                         GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  int fd;
  gsize written = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  path = g_file_get_path (file);

  if (path == NULL)
    {
      /* Not a local file: GIO's own replace is atomic where the backend
       * can be, and creating refuses to clobber.
       */
      g_autoptr(GFileOutputStream) stream = NULL;

      if (replace)
        return g_file_replace_contents (file, contents, length, NULL, FALSE,
                                        G_FILE_CREATE_NONE, NULL, NULL, error);

      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, error);
      if (stream == NULL)
        return FALSE;
      return g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, length,
                                        NULL, NULL, error) &&
             g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
    }

  if (replace)
    return g_file_set_contents_full (path, contents, length,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_unlink (tmp);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("Could not write “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
      written += (gsize) n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

#ifdef G_OS_UNIX
  /* link() refuses an existing name atomically, which a test before
   * rename() cannot. Some file systems have no hard links; there the
   * test and rename is the best we can do.
   */
  if (link (tmp, path) == 0)
    {
      g_unlink (tmp);
      return TRUE;
    }
  if (errno == EEXIST)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists"), path);
      return FALSE;
    }
#endif

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” already exists"), path);
      return FALSE;
    }

  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* The object ----------------------------------------------------------- */

static char *
name_from_id (const char *id)
{
  g_autofree char *name = g_strdelimit (g_strdup (id), "-_", ' ');

  if (name[0] != '\0')
    {
      g_autofree char *rest = g_strdup (g_utf8_next_char (name));
      char first[7] = { 0 };

      g_unichar_to_utf8 (g_unichar_toupper (g_utf8_get_char (name)), first);
      return g_strconcat (first, rest, NULL);
    }

  return g_steal_pointer (&name);
}

static void
rst_template_load (RstTemplate *self,
                   const char  *data,
                   gsize        length)
{
  g_autoptr(GHashTable) details = NULL;
  const char *end = NULL;
  FrontMatter fm;

  if (length > MAX_TEMPLATE_SIZE)
    {
      self->error = g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_INVALID_UTF8,
                                 _("The file is too large to be a template"));
      return;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      self->error = g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_INVALID_UTF8,
                                 _("Line %u: the file is not valid UTF-8 text"),
                                 line_number_at (data, (gsize) (end - data)));
      return;
    }

  if (!find_front_matter (data, length, &fm))
    {
      self->error = g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                                 _("Line 1: the front matter opened with “---” is never closed"));
      return;
    }

  if (fm.present)
    {
      details = parse_front_matter (data + fm.start, fm.end - fm.start,
                                    line_number_at (data, fm.start), &self->error);
      if (details == NULL)
        return;
    }

  if (!scan_slots (data, length, NULL, &self->error))
    return;

  self->text = g_strndup (data, length);

  if (details != NULL)
    {
      const char *name = g_hash_table_lookup (details, RST_TEMPLATE_KEY_NAME);
      const char *description = g_hash_table_lookup (details, RST_TEMPLATE_KEY_DESCRIPTION);

      if (name != NULL && name[0] != '\0')
        set_str (&self->name, name);
      if (description != NULL)
        set_str (&self->description, description);
    }
}

RstTemplate *
rst_template_new (const char        *id,
                  RstTemplateOrigin  origin,
                  GFile             *file,
                  const char        *data,
                  gsize              length)
{
  RstTemplate *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  self = g_object_new (RST_TYPE_TEMPLATE, NULL);
  self->id = g_strdup (id);
  self->file_id = g_strdup (id);
  self->origin = origin;
  self->name = name_from_id (id);
  self->description = g_strdup ("");
  g_set_object (&self->file, file);

  rst_template_load (self, data ? data : "", length);

  return self;
}

RstTemplate *
_rst_template_new_for_error (const char        *id,
                             RstTemplateOrigin  origin,
                             GFile             *file,
                             const GError      *error)
{
  RstTemplate *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error != NULL, NULL);

  self = g_object_new (RST_TYPE_TEMPLATE, NULL);
  self->id = g_strdup (id);
  self->file_id = g_strdup (id);
  self->origin = origin;
  self->name = name_from_id (id);
  self->description = g_strdup ("");
  self->error = g_error_copy (error);
  g_set_object (&self->file, file);

  return self;
}

const char *
rst_template_get_id (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->id;
}

void
_rst_template_set_id (RstTemplate *self,
                     const char  *id)
{
  g_return_if_fail (RST_IS_TEMPLATE (self));
  g_return_if_fail (id != NULL);

  if (set_str (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
rst_template_get_file_id (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->file_id;
}

const char *
rst_template_get_name (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->name;
}

const char *
rst_template_get_description (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->description;
}

const char *
rst_template_get_text (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->text;
}

RstTemplateOrigin
rst_template_get_origin (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), RST_TEMPLATE_ORIGIN_BUILTIN);
  return self->origin;
}

const char *
rst_template_origin_to_string (RstTemplateOrigin origin)
{
  switch (origin)
    {
    case RST_TEMPLATE_ORIGIN_BUILTIN: return "builtin";
    case RST_TEMPLATE_ORIGIN_USER: return "user";
    default: g_return_val_if_reached (NULL);
    }
}

GFile *
rst_template_get_file (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->file;
}

const GError *
rst_template_get_error (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->error;
}

const char *
rst_template_get_note (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->note;
}

void
_rst_template_set_note (RstTemplate *self,
                       const char  *note)
{
  g_return_if_fail (RST_IS_TEMPLATE (self));

  if (set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

static void
rst_template_finalize (GObject *object)
{
  RstTemplate *self = (RstTemplate *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->file_id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_error (&self->error);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (rst_template_parent_class)->finalize (object);
}

static void
rst_template_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RstTemplate *self = RST_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_ORIGIN:
      g_value_set_int (value, self->origin);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_HAS_ERROR:
      g_value_set_boolean (value, self->error != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_template_class_init (RstTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_template_finalize;
  object_class->get_property = rst_template_get_property;

  /* Read-only properties so that list rows can bind to them. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_int ("origin", NULL, NULL,
                      RST_TEMPLATE_ORIGIN_BUILTIN, RST_TEMPLATE_ORIGIN_USER,
                      RST_TEMPLATE_ORIGIN_BUILTIN,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_ERROR] =
    g_param_spec_boolean ("has-error", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rst_template_init (RstTemplate *self)
{
}
