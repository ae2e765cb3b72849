/* rst-writing.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "rst-language.h"
#include "rst-writing.h"

/* The same rule files as rst-rules.c reads: one file per language holds
 * every word of it, what is matched and what is printed.
 */
#define RULES_PATH RESOURCE_PREFIX "/rules/"

/* What a no-break space is made of: U+00A0, the one Word's and
 * LibreOffice's French autocorrection insert and every face has.
 */
#define NO_BREAK_SPACE 0x00A0
#define NARROW_NO_BREAK_SPACE 0x202F

struct _RstWriting
{
  char            *lang;

  char            *page_number;     /* "Page {page} of {pages}" */
  char            *session;         /* "{ordinal} Session", "第{n}届会议" */
  char            *separator;

  char            *date_format;     /* "{day} {month} {year}" */
  char           **months;          /* 12, or NULL */
  char            *first_day;       /* "1er", or NULL */

  GArray          *space_before;    /* gunichar */
  char            *quote_open;
  char            *quote_close;
  gunichar         quote_open_char;
  gunichar         quote_close_char;
  gboolean         space_inside_quotes;
  gboolean         italic;

  gboolean         rtl;
  RstScriptClass   script_class;
  char           **serif;
  char           **sans;
  char            *pango;
  char            *locale;
  char            *dictionary;      /* NULL for none */
  char            *autonym;         /* the language's name in itself */
};

G_LOCK_DEFINE_STATIC (writing);
static GHashTable *writing_by_lang;

static GKeyFile *
load_key_file (const char *lang)
{
  g_autofree char *path = g_strdup_printf (RULES_PATH "%s.ini", lang);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = NULL;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_steal_pointer (&key_file);
}

/* A key the language's file does not give is read from English's, as
 * a language without a rule file is written as English: whatever is
 * printed comes from a rule file, never from here.
 */
static GKeyFile *
key_file_for (GKeyFile   *own,
              GKeyFile   *fallback,
              const char *group,
              const char *key)
{
  if (own != NULL && g_key_file_has_key (own, group, key, NULL))
    return own;
  if (fallback != NULL && g_key_file_has_key (fallback, group, key, NULL))
    return fallback;

  return NULL;
}

static char *
get_string (GKeyFile   *own,
            GKeyFile   *fallback,
            const char *group,
            const char *key)
{
  GKeyFile *key_file = key_file_for (own, fallback, group, key);
  char *value;

  if (key_file == NULL)
    return NULL;

  value = g_key_file_get_string (key_file, group, key, NULL);
  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);

  return value;
}

/* A ";" list without its empty items; NULL when none is left. */
static char **
get_list (GKeyFile   *own,
          GKeyFile   *fallback,
          const char *group,
          const char *key)
{
  GKeyFile *key_file = key_file_for (own, fallback, group, key);
  g_auto(GStrv) items = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n = 0;

  if (key_file == NULL)
    return NULL;

  items = g_key_file_get_string_list (key_file, group, key, NULL, NULL);
  if (items == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; items[i] != NULL; i++)
    {
      /* Blanks around a name are the list's, not the name's; a lone
       * "\s" is how a file writes a blank it means.
       */
      const char *item = items[i][0] == ' ' && items[i][1] == '\0' ? items[i] : g_strstrip (items[i]);

      if (*item != '\0')
        {
          g_strv_builder_add (builder, item);
          n++;
        }
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

static gboolean
get_boolean (GKeyFile   *own,
             GKeyFile   *fallback,
             const char *group,
             const char *key,
             gboolean    otherwise)
{
  GKeyFile *key_file = key_file_for (own, fallback, group, key);
  g_autoptr(GError) error = NULL;
  gboolean value;

  if (key_file == NULL)
    return otherwise;

  value = g_key_file_get_boolean (key_file, group, key, &error);
  return error == NULL ? value : otherwise;
}

static gunichar
first_char (const char *text)
{
  return text != NULL ? g_utf8_get_char (text) : 0;
}

static RstWriting *
writing_load (const char *lang)
{
  g_autoptr(GKeyFile) own = load_key_file (lang);
  g_autoptr(GKeyFile) english = NULL;
  g_autofree char *direction = NULL;
  g_autofree char *class = NULL;
  g_auto(GStrv) space_before = NULL;
  RstWriting *self;

  if (own == NULL)
    return NULL;
  if (!g_str_equal (lang, "en"))
    english = load_key_file ("en");

  self = g_new0 (RstWriting, 1);
  self->lang = g_strdup (lang);

  self->page_number = get_string (own, english, "Export", "PageNumber");
  self->session = get_string (own, english, "Export", "Session");
  self->separator = get_string (own, english, "Export", "Separator");

  self->date_format = get_string (own, english, "Dates", "Format");
  self->months = get_list (own, english, "Dates", "Months");
  if (self->months != NULL && g_strv_length (self->months) != 12)
    {
      g_warning ("rules/%s.ini: [Dates] Months must name twelve months", lang);
      g_clear_pointer (&self->months, g_strfreev);
    }
  /* Only the language's own: another's "1er" is no 1st. */
  self->first_day = get_string (own, NULL, "Dates", "FirstDay");

  self->space_before = g_array_new (FALSE, FALSE, sizeof (gunichar));
  space_before = get_list (own, english, "Typography", "SpaceBefore");
  for (guint i = 0; space_before != NULL && space_before[i] != NULL; i++)
    {
      gunichar c = g_utf8_get_char (space_before[i]);

      g_array_append_val (self->space_before, c);
    }
  self->quote_open = get_string (own, english, "Typography", "QuoteOpen");
  self->quote_close = get_string (own, english, "Typography", "QuoteClose");
  self->quote_open_char = first_char (self->quote_open);
  self->quote_close_char = first_char (self->quote_close);
  self->space_inside_quotes = get_boolean (own, english, "Typography", "SpaceInsideQuotes", FALSE);
  self->italic = get_boolean (own, english, "Typography", "Italic", TRUE);

  direction = get_string (own, english, "Script", "Direction");
  self->rtl = g_strcmp0 (direction, "rtl") == 0;
  class = get_string (own, english, "Script", "Class");
  if (g_strcmp0 (class, "asian") == 0)
    self->script_class = RST_SCRIPT_CLASS_ASIAN;
  else if (g_strcmp0 (class, "complex") == 0)
    self->script_class = RST_SCRIPT_CLASS_COMPLEX;
  else
    self->script_class = RST_SCRIPT_CLASS_WESTERN;
  self->serif = get_list (own, english, "Script", "Serif");
  self->sans = get_list (own, english, "Script", "Sans");
  if (self->serif == NULL)
    self->serif = g_new0 (char *, 1);
  if (self->sans == NULL)
    self->sans = g_strdupv (self->serif);
  /* The language's own or its tag: English's Pango language would
   * shape and break another language's text as English.
   */
  self->pango = get_string (own, NULL, "Script", "Pango");
  if (self->pango == NULL)
    self->pango = g_strdup (lang);
  self->locale = get_string (own, NULL, "Script", "Locale");
  if (self->locale == NULL)
    self->locale = g_strdup (lang);

  /* English's dictionary would mark every word of another language. */
  self->dictionary = get_string (own, NULL, "Spelling", "Dictionary");
  self->autonym = get_string (own, NULL, "Rules", "Autonym");
  if (self->autonym == NULL)
    self->autonym = g_strdup (lang);

  return self;
}

/**
 * rst_writing_get:
 * @lang: (nullable): a language tag, "fr" or "zh-CN"
 *
 * Returns: (transfer none): how @lang is written, or English when
 *   Rostrum has no rules for it; loaded once, kept for the process
 */
const RstWriting *
rst_writing_get (const char *lang)
{
  g_autofree char *primary = rst_language_dup_primary (lang);
  RstWriting *self;

  G_LOCK (writing);

  if (writing_by_lang == NULL)
    writing_by_lang = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self = g_hash_table_lookup (writing_by_lang, primary);
  if (self == NULL)
    {
      self = writing_load (primary);
      if (self == NULL)
        {
          self = g_hash_table_lookup (writing_by_lang, "en");
          if (self == NULL)
            {
              self = writing_load ("en");
              if (self == NULL)
                g_error ("The English rules are missing from the resources");
              g_hash_table_insert (writing_by_lang, g_strdup ("en"), self);
            }
        }
      g_hash_table_insert (writing_by_lang, g_steal_pointer (&primary), self);
    }

  G_UNLOCK (writing);

  return self;
}

/* The primary language tag whose rule file this is: "en" for a
 * language Rostrum has none for.
 */
const char *
rst_writing_get_language (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->lang;
}

/* @format with each "{name}" of @names replaced by the value at the same
 * place; other braces are kept as they are.
 */
static char *
expand (const char         *format,
        const char * const *names,
        const char * const *values)
{
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p != '\0';)
    {
      gboolean replaced = FALSE;

      if (*p == '{')
        {
          for (guint i = 0; names[i] != NULL; i++)
            {
              gsize n = strlen (names[i]);

              if (strncmp (p + 1, names[i], n) == 0 && p[n + 1] == '}')
                {
                  g_string_append (out, values[i]);
                  p += n + 2;
                  replaced = TRUE;
                  break;
                }
            }
        }

      if (!replaced)
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static const char *
page_number_pattern (const RstWriting *self)
{
  /* Figures only where no rule file says more. */
  return self->page_number != NULL ? self->page_number : "{page} / {pages}";
}

/**
 * rst_writing_format_page_number:
 * @page: the page, from 1
 * @pages: how many pages there are
 *
 * Returns: (transfer full): the page footer, "Page 2 of 5",
 *   "الصفحة 2 من 5", "第2页，共5页"
 */
char *
rst_writing_format_page_number (const RstWriting *self,
                                guint             page,
                                guint             pages)
{
  const char *names[] = { "page", "pages", NULL };
  char page_text[16];
  char pages_text[16];
  const char *values[] = { page_text, pages_text, NULL };

  g_return_val_if_fail (self != NULL, NULL);

  g_snprintf (page_text, sizeof page_text, "%u", page);
  g_snprintf (pages_text, sizeof pages_text, "%u", pages);

  return expand (page_number_pattern (self), names, values);
}

/**
 * rst_writing_next_page_number_piece:
 * @self: a #RstWriting
 * @position: (inout): where to read on in the footer pattern; 0 at first
 * @literal: (out): the text before the next field, not nul-terminated
 * @literal_len: (out): its length in bytes
 * @field: (out): the field after it, or %RST_PAGE_FIELD_NONE at the end
 *
 * Reads the page footer ("Page {page} of {pages}") a piece at a time,
 * for the formats whose word processor counts the pages: DOCX and ODT
 * write the literal text as runs and each field as the format's own.
 *
 * Returns: %FALSE once the whole footer has been read
 */
gboolean
rst_writing_next_page_number_piece (const RstWriting  *self,
                                    gsize             *position,
                                    const char       **literal,
                                    gsize             *literal_len,
                                    RstPageField      *field)
{
  const char *pattern;
  const char *p;
  const char *page;
  const char *pages;
  const char *next;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (position != NULL && literal != NULL, FALSE);
  g_return_val_if_fail (literal_len != NULL && field != NULL, FALSE);

  pattern = page_number_pattern (self);
  if (*position >= strlen (pattern))
    return FALSE;

  p = pattern + *position;
  page = strstr (p, "{page}");
  pages = strstr (p, "{pages}");
  next = page != NULL && (pages == NULL || page < pages) ? page : pages;

  *literal = p;
  if (next == NULL)
    {
      *literal_len = strlen (p);
      *field = RST_PAGE_FIELD_NONE;
      *position += *literal_len;
    }
  else
    {
      *literal_len = next - p;
      *field = next == page ? RST_PAGE_FIELD_PAGE : RST_PAGE_FIELD_PAGES;
      *position += *literal_len + (next == page ? strlen ("{page}") : strlen ("{pages}"));
    }

  return TRUE;
}

/**
 * rst_writing_format_session:
 * @rules: (nullable): the rules whose ordinals to use, the language's
 *   own for %NULL
 * @n: the session's number, more than 0
 *
 * Returns: (transfer full): the session part of the session line:
 *   "114th Session", "114e session", "第114届会议",
 *   "الدورة الرابعة عشرة بعد المائة"
 */
char *
rst_writing_format_session (const RstWriting *self,
                            const RstRules   *rules,
                            guint             n)
{
  const char *names[] = { "ordinal", "n", NULL };
  g_autofree char *ordinal = NULL;
  char number[16];
  const char *values[] = { NULL, number, NULL };

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n > 0, NULL);

  if (rules == NULL)
    rules = rst_rules_get (self->lang);
  ordinal = rst_rules_format_session_ordinal (rules, n);
  g_snprintf (number, sizeof number, "%u", n);
  values[0] = ordinal;

  return expand (self->session != NULL ? self->session : "{ordinal}", names, values);
}

/* What stands between the parts of the session line: " · ", "، ". */
const char *
rst_writing_get_separator (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->separator != NULL ? self->separator : " ";
}

/**
 * rst_writing_format_date:
 * @year: the year, 1 to 9999
 * @month: 1 to 12
 * @day: 1 to 31
 *
 * Returns: (transfer full) (nullable): the date as the language writes
 *   it in a document, "28 November 2023", "1er décembre 2023",
 *   "2023年11月28日"; %NULL for a date that cannot be
 */
char *
rst_writing_format_date (const RstWriting *self,
                         guint             year,
                         guint             month,
                         guint             day)
{
  const char *names[] = { "day", "month_number", "month", "year", NULL };
  char day_text[8];
  char month_text[8];
  char year_text[8];
  const char *values[] = { day_text, month_text, NULL, year_text, NULL };

  g_return_val_if_fail (self != NULL, NULL);

  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return NULL;

  g_snprintf (day_text, sizeof day_text, "%u", day);
  g_snprintf (month_text, sizeof month_text, "%u", month);
  g_snprintf (year_text, sizeof year_text, "%u", year);
  if (day == 1 && self->first_day != NULL)
    values[0] = self->first_day;
  values[2] = self->months != NULL ? self->months[month - 1] : month_text;

  return expand (self->date_format != NULL ? self->date_format : "{year}-{month_number}-{day}",
                 names, values);
}

/**
 * rst_writing_format_iso_date:
 * @date: (nullable): a date as the details write it, "2023-11-28"
 *
 * Returns: (transfer full) (nullable): @date as the language writes it,
 *   %NULL when @date is no "YYYY-MM-DD" date
 */
char *
rst_writing_format_iso_date (const RstWriting *self,
                             const char       *date)
{
  g_auto(GStrv) parts = NULL;
  guint64 y, m, d;

  g_return_val_if_fail (self != NULL, NULL);

  if (date == NULL)
    return NULL;

  parts = g_strsplit (date, "-", 3);
  if (g_strv_length (parts) == 3 &&
      g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &y, NULL) &&
      g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) &&
      g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &d, NULL))
    return rst_writing_format_date (self, y, m, d);

  return NULL;
}

/* Whether the language runs right to left (Arabic). */
gboolean
rst_writing_is_rtl (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->rtl;
}

RstScriptClass
rst_writing_get_script_class (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, RST_SCRIPT_CLASS_WESTERN);

  return self->script_class;
}

/**
 * rst_writing_get_fonts:
 * @serif: the serif families, else the sans ones
 *
 * Returns: (transfer none) (array zero-terminated=1): the families to
 *   set the language in, best first; may be empty
 */
const char * const *
rst_writing_get_fonts (const RstWriting *self,
                       gboolean          serif)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) (serif ? self->serif : self->sans);
}

/* The Pango language that shapes and breaks the text: "ar", "zh-cn". */
const char *
rst_writing_get_pango_language (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->pango;
}

/* The language with its region, as office documents tag text: "ar-SA",
 * "zh-CN", "en-GB".
 */
const char *
rst_writing_get_locale (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->locale;
}

/* Returns: (nullable): the enchant tag, "fr_FR"; %NULL where there is
 *   no dictionary (Chinese)
 */
/* The language's name in itself ("العربية", "Français"), for the lists
 * where a drafter picks the language a statement is written in.
 */
const char *
rst_writing_get_autonym (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->autonym;
}

const char *
rst_writing_get_dictionary (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dictionary;
}

/* Returns: (nullable): the language's opening quotation mark, "«" */
const char *
rst_writing_get_quote_open (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->quote_open;
}

/* Returns: (nullable): the language's closing quotation mark, "»" */
const char *
rst_writing_get_quote_close (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->quote_close;
}

/* Whether the language's type has italics: Arabic and Chinese have
 * none, and a slanted Naskh or Song face is no italic.
 */
gboolean
rst_writing_has_italic (const RstWriting *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->italic;
}

/* Blanks a no-break space replaces; not a line break, which a heading
 * keeps.
 */
static gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE || c == 0x2009;
}

static gboolean
takes_space_before (const RstWriting *self,
                    gunichar          c)
{
  for (guint i = 0; i < self->space_before->len; i++)
    {
      if (g_array_index (self->space_before, gunichar, i) == c)
        return TRUE;
    }

  return FALSE;
}

static gunichar
last_char (const GString *out)
{
  const char *prev;

  if (out->len == 0)
    return 0;

  prev = g_utf8_find_prev_char (out->str, out->str + out->len);
  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

/* Whether the character after a "?" or ":" ends the word it closes, as
 * in prose; inside a token ("10:30", "https://", "a?b") no space goes.
 */
static gboolean
ends_token (const RstWriting *self,
            gunichar          next)
{
  GUnicodeType type;

  if (next == 0 || is_blank (next) || next == '\n' || next == '"' ||
      next == self->quote_close_char || takes_space_before (self, next))
    return TRUE;

  type = g_unichar_type (next);
  return type == G_UNICODE_CLOSE_PUNCTUATION || type == G_UNICODE_FINAL_PUNCTUATION ||
         next == '.' || next == ',' || next == 0x2026;
}

/* Whether a straight '"' after @before opens a quotation: after a
 * blank or an opening bracket, or when none is open (Chinese has no
 * blank before one: 他说"好"。).
 */
static gboolean
opens_quotation (gunichar before,
                 gboolean open)
{
  GUnicodeType type;

  if (!open || before == 0 || is_blank (before) || before == '\n')
    return TRUE;

  type = g_unichar_type (before);
  return type == G_UNICODE_OPEN_PUNCTUATION || type == G_UNICODE_INITIAL_PUNCTUATION ||
         type == G_UNICODE_DASH_PUNCTUATION || before == '/';
}

/* Drops the blanks that end @out; returns the no-break one a drafter put
 * there, if any, to keep it: a narrow one is a choice.
 */
static gunichar
strip_blanks (GString *out,
              GArray  *map,
              gsize    upto)
{
  gunichar kept = 0;

  while (out->len > 0 && is_blank (last_char (out)))
    {
      gunichar c = last_char (out);

      if (c == NO_BREAK_SPACE || c == NARROW_NO_BREAK_SPACE)
        kept = c;
      g_string_truncate (out, g_utf8_find_prev_char (out->str, out->str + out->len) - out->str);
    }

  /* What pointed into the dropped blanks points to where they were. */
  for (gsize j = upto; j > 0 && g_array_index (map, guint, j - 1) > out->len; j--)
    g_array_index (map, guint, j - 1) = out->len;

  return kept;
}

/**
 * rst_writing_apply_typography_mapped:
 * @text: UTF-8 text
 * @len: its length in bytes, or -1 when nul-terminated
 * @offsets: (out) (optional) (element-type guint): for each byte offset
 *   of @text, 0 to @len, the offset it has in the result
 *
 * The language's typography on prose: the straight quotation marks '"'
 * become the language's own, and where the language says so (French) a
 * no-break space goes before ; : ! ? and inside « », replacing the
 * blanks the drafter typed and never doubling one. Applying it twice
 * gives the same text.
 *
 * Returns: (transfer full): the text
 */
char *
rst_writing_apply_typography_mapped (const RstWriting  *self,
                                     const char        *text,
                                     gssize             len,
                                     GArray           **offsets)
{
  g_autoptr(GArray) map = NULL;
  GString *out;
  const char *end;
  gboolean after_open = FALSE;
  gboolean in_quotation = FALSE;
  gboolean quotes;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (text);
  end = text + len;
  quotes = self->quote_open != NULL && self->quote_close != NULL;

  out = g_string_sized_new (len + 16);
  map = g_array_sized_new (FALSE, FALSE, sizeof (guint), len + 1);
  g_array_set_size (map, len + 1);

  for (const char *p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;
      gsize i = p - text;
      const char *emit = p;
      gsize emit_len;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not ours to mend: the byte is copied as it is. */
          c = 0xFFFD;
          next = p + 1;
        }
      else
        {
          next = g_utf8_next_char (p);
        }
      emit_len = next - p;

      if (after_open)
        {
          if (is_blank (c))
            {
              for (gsize j = i; j < (gsize) (next - text); j++)
                g_array_index (map, guint, j) = out->len;
              p = next;
              continue;
            }

          after_open = FALSE;
          if (c != self->quote_close_char && c != '\n')
            g_string_append_unichar (out, NO_BREAK_SPACE);
        }

      if (c == '"' && quotes)
        {
          in_quotation = opens_quotation (last_char (out), in_quotation);
          emit = in_quotation ? self->quote_open : self->quote_close;
          emit_len = strlen (emit);
          c = g_utf8_get_char (emit);
        }

      if (takes_space_before (self, c) &&
          ends_token (self, next < end ? g_utf8_get_char_validated (next, end - next) : 0))
        {
          gunichar kept = strip_blanks (out, map, i);
          gunichar before = last_char (out);

          /* Nothing before it, or "?!", or "(?)": no space. */
          if (before != 0 && before != '\n' && before != self->quote_open_char &&
              !takes_space_before (self, before) &&
              g_unichar_type (before) != G_UNICODE_OPEN_PUNCTUATION)
            g_string_append_unichar (out, kept != 0 ? kept : NO_BREAK_SPACE);
        }
      else if (self->space_inside_quotes && c == self->quote_close_char)
        {
          gunichar kept = strip_blanks (out, map, i);
          gunichar before = last_char (out);

          /* "« Pourquoi ? »", but no space in "«»". */
          if (before != 0 && before != '\n' && before != self->quote_open_char)
            g_string_append_unichar (out, kept != 0 ? kept : NO_BREAK_SPACE);
        }

      for (gsize j = i; j < (gsize) (next - text); j++)
        g_array_index (map, guint, j) = out->len;
      g_string_append_len (out, emit, emit_len);

      if (self->space_inside_quotes && c == self->quote_open_char)
        after_open = TRUE;

      p = next;
    }

  g_array_index (map, guint, len) = out->len;

  if (offsets != NULL)
    *offsets = g_steal_pointer (&map);

  return g_string_free (out, FALSE);
}

/**
 * rst_writing_apply_typography:
 * @text: UTF-8 text
 * @len: its length in bytes, or -1 when nul-terminated
 *
 * See rst_writing_apply_typography_mapped().
 *
 * Returns: (transfer full): the text in the language's typography
 */
char *
rst_writing_apply_typography (const RstWriting *self,
                              const char       *text,
                              gssize            len)
{
  return rst_writing_apply_typography_mapped (self, text, len, NULL);
}
