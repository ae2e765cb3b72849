/* rst-import-list.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-import-list.h"

typedef struct
{
  RstImportListFormat format[RST_IMPORT_LIST_LEVELS];
  char               *template[RST_IMPORT_LIST_LEVELS];
  int                 start[RST_IMPORT_LIST_LEVELS];
  gboolean            has_start[RST_IMPORT_LIST_LEVELS];
} Definition;

typedef struct
{
  int      value[RST_IMPORT_LIST_LEVELS];
  gboolean started[RST_IMPORT_LIST_LEVELS];
} Counter;

struct _RstImportLists
{
  GHashTable *definitions;  /* id → Definition */
  GHashTable *links;        /* instance → definition id */
  GHashTable *counters;     /* instance → Counter */
};

/* Lists are a few; a file that defines thousands is not a statement. */
#define MAX_LISTS 4096

static void
definition_free (Definition *definition)
{
  for (guint i = 0; i < RST_IMPORT_LIST_LEVELS; i++)
    g_free (definition->template[i]);
  g_free (definition);
}

RstImportLists *
rst_import_lists_new (void)
{
  RstImportLists *self = g_new0 (RstImportLists, 1);

  self->definitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) definition_free);
  self->links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return self;
}

void
rst_import_lists_free (RstImportLists *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->definitions);
  g_hash_table_unref (self->links);
  g_hash_table_unref (self->counters);
  g_free (self);
}

static Definition *
ensure_definition (RstImportLists *self,
                   const char     *id)
{
  Definition *definition = g_hash_table_lookup (self->definitions, id);

  if (definition == NULL && g_hash_table_size (self->definitions) < MAX_LISTS)
    {
      definition = g_new0 (Definition, 1);
      for (guint i = 0; i < RST_IMPORT_LIST_LEVELS; i++)
        definition->start[i] = 1;
      g_hash_table_insert (self->definitions, g_strdup (id), definition);
    }

  return definition;
}

void
rst_import_lists_link (RstImportLists *self,
                       const char     *instance,
                       const char     *definition)
{
  if (g_hash_table_size (self->links) < MAX_LISTS)
    g_hash_table_insert (self->links, g_strdup (instance), g_strdup (definition));
}

void
rst_import_lists_set_start (RstImportLists *self,
                            const char     *id,
                            guint           level,
                            int             start)
{
  Definition *definition = ensure_definition (self, id);

  if (definition == NULL || level >= RST_IMPORT_LIST_LEVELS)
    return;

  /* Numbers a drafter would type; nothing else is a priority's number. */
  definition->start[level] = CLAMP (start, 0, 100000);
  definition->has_start[level] = TRUE;
}

void
rst_import_lists_set_format (RstImportLists      *self,
                             const char          *id,
                             guint                level,
                             RstImportListFormat  format)
{
  Definition *definition = ensure_definition (self, id);

  if (definition != NULL && level < RST_IMPORT_LIST_LEVELS)
    definition->format[level] = format;
}

/* @template: "%1." with %N for the number of level N (1-based) */
void
rst_import_lists_set_template (RstImportLists *self,
                               const char     *id,
                               guint           level,
                               const char     *template)
{
  Definition *definition = ensure_definition (self, id);

  if (definition == NULL || level >= RST_IMPORT_LIST_LEVELS)
    return;

  g_free (definition->template[level]);
  definition->template[level] = template != NULL ? g_utf8_make_valid (template, MIN (strlen (template), 64)) : NULL;
}

gboolean
rst_import_lists_has (RstImportLists *self,
                      const char     *id)
{
  return g_hash_table_contains (self->definitions, id) || g_hash_table_contains (self->links, id);
}

/* A new list of the same style counts from its start again. */
void
rst_import_lists_restart (RstImportLists *self,
                          const char     *instance)
{
  g_hash_table_remove (self->counters, instance);
}

static Counter *
ensure_counter (RstImportLists *self,
                const char     *instance)
{
  Counter *counter = g_hash_table_lookup (self->counters, instance);

  if (counter == NULL && g_hash_table_size (self->counters) < MAX_LISTS)
    {
      counter = g_new0 (Counter, 1);
      g_hash_table_insert (self->counters, g_strdup (instance), counter);
    }

  return counter;
}

/* The next item at @level is numbered @value ("Restart numbering"). */
void
rst_import_lists_restart_at (RstImportLists *self,
                             const char     *instance,
                             guint           level,
                             int             value)
{
  Counter *counter = ensure_counter (self, instance);

  if (counter == NULL || level >= RST_IMPORT_LIST_LEVELS)
    return;

  counter->value[level] = CLAMP (value, 0, 100000) - 1;
  counter->started[level] = TRUE;
}

static void
append_roman (GString *out,
              int      n,
              gboolean upper)
{
  static const struct { int value; const char *digits; } numerals[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numerals) && n > 0; i++)
    while (n >= numerals[i].value)
      {
        for (const char *d = numerals[i].digits; *d; d++)
          g_string_append_c (out, upper ? g_ascii_toupper (*d) : *d);
        n -= numerals[i].value;
      }
}

/* 一 … 九十九, the numbers of Chinese lists; larger ones are written in
 * figures, as drafters do.
 */
static void
append_chinese (GString *out,
                int      n)
{
  static const char * const digits[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (n <= 0 || n >= 100)
    {
      g_string_append_printf (out, "%d", n);
      return;
    }
  if (n >= 20)
    g_string_append (out, digits[n / 10]);
  if (n >= 10)
    g_string_append (out, "十");
  g_string_append (out, digits[n % 10]);
}

/**
 * rst_import_list_format_number:
 *
 * Returns: (transfer full): @n written in @format ("3", "c", "iii")
 */
char *
rst_import_list_format_number (RstImportListFormat format,
                               int                 n)
{
  GString *out = g_string_new (NULL);

  switch (format)
    {
    case RST_IMPORT_LIST_LOWER_LETTER:
    case RST_IMPORT_LIST_UPPER_LETTER:
      /* a … z, aa … zz, as word processors go on. */
      if (n > 0)
        {
          char letter = (char) ('a' + (n - 1) % 26);

          if (format == RST_IMPORT_LIST_UPPER_LETTER)
            letter = g_ascii_toupper (letter);
          for (int k = 0; k <= (n - 1) / 26 && k < 8; k++)
            g_string_append_c (out, letter);
        }
      break;

    case RST_IMPORT_LIST_LOWER_ROMAN:
    case RST_IMPORT_LIST_UPPER_ROMAN:
      if (n > 0 && n < 4000)
        append_roman (out, n, format == RST_IMPORT_LIST_UPPER_ROMAN);
      else
        g_string_append_printf (out, "%d", n);
      break;

    case RST_IMPORT_LIST_CHINESE:
      append_chinese (out, n);
      break;

    case RST_IMPORT_LIST_BULLET:
    case RST_IMPORT_LIST_NONE:
      break;

    case RST_IMPORT_LIST_DECIMAL:
    default:
      g_string_append_printf (out, "%d", n);
      break;
    }

  return g_string_free (out, FALSE);
}

/**
 * rst_import_lists_next_label:
 * @instance: the list (a DOCX numId, an ODT list style)
 * @level: 0-based
 *
 * Counts one more item at @level and writes its label.
 *
 * Returns: (transfer full) (nullable): "2.", "b)", "-"; %NULL for a list
 *   without numbers or an unknown one
 */
char *
rst_import_lists_next_label (RstImportLists *self,
                             const char     *instance,
                             guint           level)
{
  const char *definition_id = g_hash_table_lookup (self->links, instance);
  Definition *definition = g_hash_table_lookup (self->definitions,
                                                definition_id != NULL ? definition_id : instance);
  Definition *overrides = definition_id != NULL ? g_hash_table_lookup (self->definitions, instance) : NULL;
  Counter *counter;
  const char *template;
  GString *out;

  if (definition == NULL || level >= RST_IMPORT_LIST_LEVELS)
    return NULL;

  counter = ensure_counter (self, instance);
  if (counter == NULL)
    return NULL;

  for (guint l = 0; l < RST_IMPORT_LIST_LEVELS; l++)
    if (!counter->started[l])
      counter->value[l] = overrides != NULL && overrides->has_start[l] ? overrides->start[l] : definition->start[l];

  if (counter->started[level])
    counter->value[level]++;
  counter->started[level] = TRUE;
  for (guint l = level + 1; l < RST_IMPORT_LIST_LEVELS; l++)
    counter->started[l] = FALSE;

  if (definition->format[level] == RST_IMPORT_LIST_BULLET)
    return g_strdup ("-");
  if (definition->format[level] == RST_IMPORT_LIST_NONE)
    return NULL;

  template = definition->template[level];
  if (template == NULL)
    template = "%1.";

  out = g_string_new (NULL);
  for (const char *p = template; *p; p++)
    {
      if (*p == '%' && p[1] >= '1' && p[1] <= '9')
        {
          guint l = (guint) (p[1] - '1');
          g_autofree char *number = NULL;

          /* A template that names its own level with another number is
           * what Word calls "%1" on level 2: the level's own counter.
           */
          if (l > level)
            l = level;
          number = rst_import_list_format_number (definition->format[l], counter->value[l]);
          g_string_append (out, number);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

RstImportListFormat
rst_import_list_format_from_ooxml (const char *value)
{
  if (value == NULL)
    return RST_IMPORT_LIST_DECIMAL;
  if (g_str_equal (value, "lowerLetter"))
    return RST_IMPORT_LIST_LOWER_LETTER;
  if (g_str_equal (value, "upperLetter"))
    return RST_IMPORT_LIST_UPPER_LETTER;
  if (g_str_equal (value, "lowerRoman"))
    return RST_IMPORT_LIST_LOWER_ROMAN;
  if (g_str_equal (value, "upperRoman"))
    return RST_IMPORT_LIST_UPPER_ROMAN;
  if (g_str_equal (value, "chineseCounting") || g_str_equal (value, "chineseCountingThousand") ||
      g_str_equal (value, "ideographTraditional") || g_str_equal (value, "taiwaneseCounting"))
    return RST_IMPORT_LIST_CHINESE;
  if (g_str_equal (value, "bullet"))
    return RST_IMPORT_LIST_BULLET;
  if (g_str_equal (value, "none"))
    return RST_IMPORT_LIST_NONE;
  /* decimal, decimalZero, and number systems written in figures here. */
  return RST_IMPORT_LIST_DECIMAL;
}

RstImportListFormat
rst_import_list_format_from_odf (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return RST_IMPORT_LIST_NONE;
  if (g_str_equal (value, "a"))
    return RST_IMPORT_LIST_LOWER_LETTER;
  if (g_str_equal (value, "A"))
    return RST_IMPORT_LIST_UPPER_LETTER;
  if (g_str_equal (value, "i"))
    return RST_IMPORT_LIST_LOWER_ROMAN;
  if (g_str_equal (value, "I"))
    return RST_IMPORT_LIST_UPPER_ROMAN;
  if (g_str_has_prefix (value, "一"))
    return RST_IMPORT_LIST_CHINESE;
  return RST_IMPORT_LIST_DECIMAL;
}
