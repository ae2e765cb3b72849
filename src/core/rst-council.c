/* rst-council.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rst-council-private.h"
#include "rst-fold.h"
#include "rst-key-file.h"
#include "rst-text-file.h"
#include "rst-timing.h"

#define GROUP_COUNCIL          "Council"
#define GROUP_PAGE             "Page"
#define COUNCIL_MAX_SIZE       (256 * 1024)

/* A profile is read once and never changes: the UI that edits profiles
 * writes a new file and reloads the list.
 */
struct _RstCouncil
{
  GObject   parent_instance;

  char     *id;
  char     *origin;
  char     *name;
  char     *short_name;
  char     *chair_title;
  char     *chair_form;
  char     *heading_pattern;
  char     *delivery_mark;
  char     *file_name_pattern;
  char     *paper;
  char     *font;
  double    words_per_minute;
  double    margins[4];
  double    font_size;
  double    line_spacing;
  guint     time_limit_seconds;
  guint     builtin : 1;

  /* What the file says in each language it is translated into. */
  GPtrArray *translations;        /* Translation */
  GHashTable *paces;              /* lang → double *, WordsPerMinute[lang] */
  char      **recognize;          /* how headings name the council */
  char      **recognize_folded;   /* the same, folded (rst-fold.h) */
  GRegex     *session_pattern;    /* SessionPattern, or NULL */
  char       *chair_address;      /* ChairAddress, or NULL */
  /* The texts as written, untranslated: a statement's words in English
   * whatever the desktop's language, which the getters above follow.
   */
  char       *plain[RST_COUNCIL_N_TEXTS];
};

typedef struct
{
  char *lang;
  char *texts[RST_COUNCIL_N_TEXTS];   /* NULL where not translated */
} Translation;

/* The keys of RstCouncilText, in its order. */
static const char * const text_keys[RST_COUNCIL_N_TEXTS] = {
  "Name", "ShortName", "ChairTitle", "ChairForm", "ChairAddress", "HeadingPattern", "DeliveryMark",
};

G_DEFINE_FINAL_TYPE (RstCouncil, rst_council, G_TYPE_OBJECT)
G_DEFINE_QUARK (rst-council-error-quark, rst_council_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SHORT_NAME,
  PROP_CHAIR_TITLE,
  PROP_CHAIR_FORM,
  PROP_TIME_LIMIT_SECONDS,
  PROP_WORDS_PER_MINUTE,
  PROP_ORIGIN,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The paper sizes the exporters lay out. */
static const char * const known_papers[] = { "a4", "a5", "a3", "letter", "legal", NULL };

/* Their sizes, in millimetres, in the same order. */
static const double paper_sizes[][2] = {
  { 210.0, 297.0 }, { 148.0, 210.0 }, { 297.0, 420.0 }, { 215.9, 279.4 }, { 215.9, 355.6 },
};

/* Text narrower or shorter than this between the margins is no page. */
#define MIN_TEXT_MM 40.0

static void
rst_council_finalize (GObject *object)
{
  RstCouncil *self = (RstCouncil *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->short_name, g_free);
  g_clear_pointer (&self->chair_title, g_free);
  g_clear_pointer (&self->chair_form, g_free);
  g_clear_pointer (&self->heading_pattern, g_free);
  g_clear_pointer (&self->delivery_mark, g_free);
  g_clear_pointer (&self->file_name_pattern, g_free);
  g_clear_pointer (&self->paper, g_free);
  g_clear_pointer (&self->font, g_free);
  g_clear_pointer (&self->translations, g_ptr_array_unref);
  g_clear_pointer (&self->paces, g_hash_table_unref);
  g_clear_pointer (&self->recognize, g_strfreev);
  g_clear_pointer (&self->recognize_folded, g_strfreev);
  g_clear_pointer (&self->session_pattern, g_regex_unref);
  g_clear_pointer (&self->chair_address, g_free);
  for (guint i = 0; i < RST_COUNCIL_N_TEXTS; i++)
    g_clear_pointer (&self->plain[i], g_free);

  G_OBJECT_CLASS (rst_council_parent_class)->finalize (object);
}

static void
rst_council_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RstCouncil *self = RST_COUNCIL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_SHORT_NAME:
      g_value_set_string (value, self->short_name);
      break;

    case PROP_CHAIR_TITLE:
      g_value_set_string (value, self->chair_title);
      break;

    case PROP_CHAIR_FORM:
      g_value_set_string (value, self->chair_form);
      break;

    case PROP_TIME_LIMIT_SECONDS:
      g_value_set_uint (value, self->time_limit_seconds);
      break;

    case PROP_WORDS_PER_MINUTE:
      g_value_set_double (value, self->words_per_minute);
      break;

    case PROP_ORIGIN:
      g_value_set_string (value, self->origin);
      break;

    case PROP_BUILTIN:
      g_value_set_boolean (value, self->builtin);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_council_class_init (RstCouncilClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_council_finalize;
  object_class->get_property = rst_council_get_property;

  /* Read-only properties so that list widgets can bind to them through
   * GtkPropertyExpression.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHORT_NAME] =
    g_param_spec_string ("short-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHAIR_TITLE] =
    g_param_spec_string ("chair-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHAIR_FORM] =
    g_param_spec_string ("chair-form", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_LIMIT_SECONDS] =
    g_param_spec_uint ("time-limit-seconds", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORDS_PER_MINUTE] =
    g_param_spec_double ("words-per-minute", NULL, NULL, 0.0, G_MAXDOUBLE,
                         RST_TIMING_DEFAULT_WORDS_PER_MINUTE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORIGIN] =
    g_param_spec_string ("origin", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rst_council_init (RstCouncil *self)
{
  self->words_per_minute = RST_TIMING_DEFAULT_WORDS_PER_MINUTE;
}

/* Reading one profile.
 *
 * Every message names the file (or the id when the key file came from
 * elsewhere), the group and the key, because the person who reads it is
 * editing that file by hand.
 */

typedef struct
{
  GKeyFile   *key_file;
  const char *where;
} Reader;

G_GNUC_PRINTF (5, 6)
static void
set_key_error (const Reader *reader,
               const char   *group,
               const char   *key,
               GError      **error,
               const char   *format,
               ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  g_autofree char *valid = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %s is a file name, then a group and a key of
   * that file, then what is wrong with the key's value.
   */
  message = g_strdup_printf (_("%s: key “%s” in group [%s]: %s"),
                             reader->where, key, group, what);
  /* The message quotes the value and the key as the file has them, which
   * need not be UTF-8; a message is shown and printed, so it must be.
   */
  valid = g_utf8_make_valid (message, -1);
  g_set_error_literal (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID, valid);
}

/* The raw value, stripped; NULL without error if the key is absent. */
static char *
read_raw (const Reader *reader,
          const char   *group,
          const char   *key)
{
  char *value = g_key_file_get_value (reader->key_file, group, key, NULL);

  return value != NULL ? g_strstrip (value) : NULL;
}

static gboolean
read_string (const Reader  *reader,
             const char    *group,
             const char    *key,
             gboolean       required,
             const char    *fallback,
             char         **out,
             GError       **error)
{
  g_autofree char *value = NULL;

  /* Every string may be translated: Name[fr]=… */
  value = g_key_file_get_locale_string (reader->key_file, group, key, NULL, NULL);
  if (value != NULL)
    g_strstrip (value);

  if (value == NULL || value[0] == '\0')
    {
      if (required)
        {
          if (value == NULL)
            set_key_error (reader, group, key, error, _("the key is missing"));
          else
            set_key_error (reader, group, key, error, _("the value is empty"));
          return FALSE;
        }

      g_clear_pointer (&value, g_free);
      value = g_strdup (fallback);
    }

  if (!g_utf8_validate (value, -1, NULL))
    {
      set_key_error (reader, group, key, error, _("the value is not valid UTF-8"));
      return FALSE;
    }

  *out = g_steal_pointer (&value);
  return TRUE;
}

static gboolean
parse_double (const char *text,
              double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  /* g_ascii_strtod() so that "1.15" means the same in every locale. */
  value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (value))
    return FALSE;

  *out = value;
  return TRUE;
}

static gboolean
read_number (const Reader  *reader,
             const char    *group,
             const char    *key,
             double         min,
             double         max,
             double         fallback,
             double        *out,
             GError       **error)
{
  g_autofree char *raw = read_raw (reader, group, key);
  double value;

  if (raw == NULL || raw[0] == '\0')
    {
      *out = fallback;
      return TRUE;
    }

  if (!parse_double (raw, &value))
    {
      set_key_error (reader, group, key, error,
                     _("“%s” is not a number"), raw);
      return FALSE;
    }

  if (value < min || value > max)
    {
      set_key_error (reader, group, key, error,
                     _("%s is out of range (%g to %g)"), raw, min, max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
read_time_limit (const Reader  *reader,
                 guint         *out,
                 GError       **error)
{
  g_autofree char *raw = read_raw (reader, GROUP_COUNCIL, "TimeLimit");

  /* No key: the council sets no limit. */
  if (raw == NULL || raw[0] == '\0')
    {
      *out = 0;
      return TRUE;
    }

  if (!rst_timing_parse (raw, out))
    {
      set_key_error (reader, GROUP_COUNCIL, "TimeLimit", error,
                     _("“%s” is not a duration; write minutes and seconds, as in 5:00"),
                     raw);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_margins (const Reader  *reader,
              double         margins[4],
              GError       **error)
{
  g_autofree char *raw = read_raw (reader, GROUP_PAGE, "Margins");
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (raw == NULL || raw[0] == '\0')
    {
      for (guint i = 0; i < 4; i++)
        margins[i] = 25.0;
      return TRUE;
    }

  parts = g_strsplit (raw, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      double value;

      g_strstrip (parts[i]);

      /* GKeyFile lists may end with the separator. */
      if (parts[i][0] == '\0' && parts[i + 1] == NULL)
        break;

      if (n == 4 || !parse_double (parts[i], &value))
        {
          n = 5;
          break;
        }

      if (value < 0.0 || value > 100.0)
        {
          set_key_error (reader, GROUP_PAGE, "Margins", error,
                         _("the margin %s mm is out of range (0 to 100)"),
                         parts[i]);
          return FALSE;
        }

      margins[n++] = value;
    }

  if (n != 4)
    {
      set_key_error (reader, GROUP_PAGE, "Margins", error,
                     _("“%s” is not four margins in millimetres; write top;right;bottom;left, as in 25;25;25;25"),
                     raw);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_paper (const Reader  *reader,
            char         **out,
            GError       **error)
{
  g_autofree char *raw = read_raw (reader, GROUP_PAGE, "Paper");
  g_autofree char *lower = NULL;

  if (raw == NULL || raw[0] == '\0')
    {
      *out = g_strdup ("a4");
      return TRUE;
    }

  lower = g_ascii_strdown (raw, -1);
  if (!g_strv_contains (known_papers, lower))
    {
      g_autofree char *known = g_strjoinv (", ", (char **)known_papers);

      set_key_error (reader, GROUP_PAGE, "Paper", error,
                     _("unknown paper “%s”; use one of %s"), raw, known);
      return FALSE;
    }

  *out = g_steal_pointer (&lower);
  return TRUE;
}

static void
translation_free (gpointer data)
{
  Translation *translation = data;

  g_free (translation->lang);
  for (guint i = 0; i < RST_COUNCIL_N_TEXTS; i++)
    g_free (translation->texts[i]);
  g_free (translation);
}

/* "Name[fr]" → "fr"; NULL for a key without a locale. */
static char *
key_locale (const char *key,
            gsize       base_len)
{
  gsize len = strlen (key);

  if (len <= base_len + 2 || key[base_len] != '[' || key[len - 1] != ']')
    return NULL;
  return g_strndup (key + base_len + 1, len - base_len - 2);
}

static Translation *
translation_for (RstCouncil *self,
                 const char *lang)
{
  Translation *translation;

  for (guint i = 0; i < self->translations->len; i++)
    {
      translation = g_ptr_array_index (self->translations, i);
      if (g_str_equal (translation->lang, lang))
        return translation;
    }

  translation = g_new0 (Translation, 1);
  translation->lang = g_strdup (lang);
  g_ptr_array_add (self->translations, translation);
  return translation;
}

/* Every Key[lang] of the texts, WordsPerMinute[lang], Recognize and
 * SessionPattern: a statement in French is checked and exported with
 * the French words whatever language the interface speaks.
 */
static gboolean
read_languages (RstCouncil    *self,
                const Reader  *reader,
                GError       **error)
{
  g_auto(GStrv) keys = g_key_file_get_keys (reader->key_file, GROUP_COUNCIL, NULL, NULL);
  g_autoptr(GStrvBuilder) recognize = g_strv_builder_new ();
  g_autofree char *pattern = read_raw (reader, GROUP_COUNCIL, "SessionPattern");
  g_auto(GStrv) listed = NULL;

  self->translations = g_ptr_array_new_with_free_func (translation_free);
  self->chair_address = read_raw (reader, GROUP_COUNCIL, "ChairAddress");
  if (self->chair_address != NULL && !g_utf8_validate (self->chair_address, -1, NULL))
    {
      set_key_error (reader, GROUP_COUNCIL, "ChairAddress", error, _("the value is not valid UTF-8"));
      return FALSE;
    }
  for (guint t = 0; t < RST_COUNCIL_N_TEXTS; t++)
    {
      char *value = read_raw (reader, GROUP_COUNCIL, text_keys[t]);

      if (value != NULL && (value[0] == '\0' || !g_utf8_validate (value, -1, NULL)))
        g_clear_pointer (&value, g_free);
      self->plain[t] = value;
    }
  self->paces = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    {
      for (guint t = 0; t < RST_COUNCIL_N_TEXTS; t++)
        {
          g_autofree char *lang = NULL;
          g_autofree char *value = NULL;

          if (!g_str_has_prefix (keys[k], text_keys[t]) ||
              (lang = key_locale (keys[k], strlen (text_keys[t]))) == NULL)
            continue;

          value = g_key_file_get_value (reader->key_file, GROUP_COUNCIL, keys[k], NULL);
          if (value == NULL || !g_utf8_validate (value, -1, NULL))
            {
              set_key_error (reader, GROUP_COUNCIL, keys[k], error, _("the value is not valid UTF-8"));
              return FALSE;
            }
          g_strstrip (value);
          /* A key written twice (or a [Council] group written twice) is
           * listed twice: the value GKeyFile gives wins, once.
           */
          if (value[0] != '\0')
            {
              Translation *translation = translation_for (self, lang);

              g_free (translation->texts[t]);
              translation->texts[t] = g_steal_pointer (&value);
            }
        }

      if (g_str_has_prefix (keys[k], "WordsPerMinute["))
        {
          g_autofree char *lang = key_locale (keys[k], strlen ("WordsPerMinute"));
          double pace;

          if (lang != NULL)
            {
              if (!read_number (reader, GROUP_COUNCIL, keys[k], 40.0, 400.0, 0.0, &pace, error))
                return FALSE;
              if (pace > 0.0)
                g_hash_table_insert (self->paces, g_steal_pointer (&lang), g_memdup2 (&pace, sizeof pace));
            }
        }
    }

  /* Headings name the council by its name in any language, or as the
   * Recognize list has it.
   */
  listed = g_key_file_get_string_list (reader->key_file, GROUP_COUNCIL, "Recognize", NULL, NULL);
  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    {
      g_strstrip (listed[i]);
      if (listed[i][0] != '\0' && g_utf8_validate (listed[i], -1, NULL))
        g_strv_builder_add (recognize, listed[i]);
    }
  g_strv_builder_add (recognize, self->name);
  for (guint i = 0; i < self->translations->len; i++)
    {
      Translation *translation = g_ptr_array_index (self->translations, i);

      if (translation->texts[RST_COUNCIL_TEXT_NAME] != NULL)
        g_strv_builder_add (recognize, translation->texts[RST_COUNCIL_TEXT_NAME]);
    }
  self->recognize = g_strv_builder_end (recognize);
  self->recognize_folded = g_new0 (char *, g_strv_length (self->recognize) + 1);
  for (guint i = 0; self->recognize[i] != NULL; i++)
    self->recognize_folded[i] = rst_fold_string (self->recognize[i], -1, NULL);

  /* GLib 2.74 hands PCRE2 a pattern that is not UTF-8 unchecked, and
   * PCRE2 reads past it.
   */
  if (pattern != NULL && !g_utf8_validate (pattern, -1, NULL))
    {
      set_key_error (reader, GROUP_COUNCIL, "SessionPattern", error, _("the value is not valid UTF-8"));
      return FALSE;
    }
  if (pattern != NULL && pattern[0] != '\0')
    {
      g_autoptr(GError) regex_error = NULL;

      self->session_pattern = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &regex_error);
      if (self->session_pattern == NULL)
        {
          set_key_error (reader, GROUP_COUNCIL, "SessionPattern", error,
                         _("not a regular expression: %s"), regex_error->message);
          return FALSE;
        }
      if (g_regex_get_string_number (self->session_pattern, "n") < 0)
        {
          set_key_error (reader, GROUP_COUNCIL, "SessionPattern", error,
                         _("the pattern needs a group (?<n>…) around the session’s number"));
          return FALSE;
        }
    }

  return TRUE;
}

static RstCouncil *
council_new_from_key_file (const char  *id,
                           GKeyFile    *key_file,
                           const char  *origin,
                           gboolean     builtin,
                           GError     **error)
{
  g_autoptr(RstCouncil) self = NULL;
  g_autofree char *where = NULL;
  Reader reader;

  where = origin != NULL ? g_strdup (origin) : g_strdup_printf (_("council “%s”"), id);
  reader.key_file = key_file;
  reader.where = where;

  if (!g_key_file_has_group (key_file, GROUP_COUNCIL))
    {
      g_set_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID,
                   _("%s: there is no [%s] group"), where, GROUP_COUNCIL);
      return NULL;
    }

  /* Before GKeyFile unescapes any value: see rst-key-file.c. */
  {
    g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

    for (guint i = 0; groups[i] != NULL; i++)
      {
        g_autofree char *key = NULL;

        if (rst_key_file_find_broken_escape (key_file, groups[i], &key))
          {
            set_key_error (&reader, groups[i], key, error,
                           _("the value ends in a backslash that escapes nothing; "
                             "write \\\\ for a backslash"));
            return NULL;
          }
      }
  }

  self = g_object_new (RST_TYPE_COUNCIL, NULL);
  self->id = g_strdup (id);
  self->origin = g_strdup (origin);
  self->builtin = !!builtin;

  if (!read_string (&reader, GROUP_COUNCIL, "Name", TRUE, NULL, &self->name, error) ||
      !read_string (&reader, GROUP_COUNCIL, "ShortName", FALSE, self->name, &self->short_name, error) ||
      !read_string (&reader, GROUP_COUNCIL, "ChairTitle", FALSE, "Chair", &self->chair_title, error) ||
      !read_string (&reader, GROUP_COUNCIL, "ChairForm", FALSE, "", &self->chair_form, error) ||
      !read_time_limit (&reader, &self->time_limit_seconds, error) ||
      /* Below 40 or above 300 words a minute is a typo, not a pace. */
      !read_number (&reader, GROUP_COUNCIL, "WordsPerMinute", 40.0, 300.0,
                    RST_TIMING_DEFAULT_WORDS_PER_MINUTE, &self->words_per_minute, error) ||
      !read_string (&reader, GROUP_COUNCIL, "HeadingPattern", FALSE,
                    "Statement by {speaker}", &self->heading_pattern, error) ||
      !read_string (&reader, GROUP_COUNCIL, "DeliveryMark", FALSE,
                    "Check against delivery", &self->delivery_mark, error) ||
      !read_string (&reader, GROUP_COUNCIL, "FileNamePattern", FALSE,
                    "{council_short}-{session}-{delegation}", &self->file_name_pattern, error) ||
      !read_paper (&reader, &self->paper, error) ||
      !read_margins (&reader, self->margins, error) ||
      !read_string (&reader, GROUP_PAGE, "Font", FALSE, "Liberation Serif", &self->font, error) ||
      !read_number (&reader, GROUP_PAGE, "FontSize", 6.0, 72.0, 12.0, &self->font_size, error) ||
      !read_number (&reader, GROUP_PAGE, "LineSpacing", 0.8, 4.0, 1.15, &self->line_spacing, error) ||
      !read_languages (self, &reader, error))
    return NULL;

  /* Margins that leave no room for text would lay out one word a line
   * over thousands of pages, or none at all.
   */
  {
    double width, height;

    rst_council_get_paper_size_mm (self, &width, &height);
    if (width - self->margins[1] - self->margins[3] < MIN_TEXT_MM ||
        height - self->margins[0] - self->margins[2] < MIN_TEXT_MM)
      {
        set_key_error (&reader, GROUP_PAGE, "Margins", error,
                       _("the margins leave no room for text on %s paper (%g × %g mm): keep at least %g mm between them"),
                       self->paper, width, height, MIN_TEXT_MM);
        return NULL;
      }
  }

  /* The pattern names a file inside the folder the drafter picked. */
  if (strchr (self->file_name_pattern, '/') != NULL ||
      strchr (self->file_name_pattern, '\\') != NULL)
    {
      set_key_error (&reader, GROUP_COUNCIL, "FileNamePattern", error,
                     _("a file name cannot contain “/” or “\\”"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * rst_council_new_from_key_file:
 * @id: the profile's id, as in "iom"
 * @key_file: a loaded profile
 * @error: where to report a malformed profile
 *
 * Strings are read for the current locale (g_get_language_names()).
 *
 * Returns: (transfer full) (nullable): the profile
 */
RstCouncil *
rst_council_new_from_key_file (const char  *id,
                               GKeyFile    *key_file,
                               GError     **error)
{
  g_return_val_if_fail (id != NULL && id[0] != '\0', NULL);
  g_return_val_if_fail (key_file != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return council_new_from_key_file (id, key_file, NULL, FALSE, error);
}

char *
_rst_council_id_from_basename (const char *basename)
{
  if (!g_str_has_suffix (basename, RST_COUNCIL_SUFFIX) ||
      strlen (basename) == strlen (RST_COUNCIL_SUFFIX) ||
      !g_utf8_validate (basename, -1, NULL))
    return NULL;

  return g_strndup (basename, strlen (basename) - strlen (RST_COUNCIL_SUFFIX));
}

/**
 * rst_council_new_from_file:
 * @file: a `.council` file
 * @error: where to report an unreadable or malformed profile
 *
 * Returns: (transfer full) (nullable): the profile
 */
RstCouncil *
rst_council_new_from_file (GFile   *file,
                           GError **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *where = NULL;
  g_autofree char *id = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (file);
  uri = g_file_get_uri (file);
  where = g_file_is_native (file) ? g_file_get_path (file) : g_strdup (uri);
  id = _rst_council_id_from_basename (basename);

  if (id == NULL)
    {
      g_set_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID,
                   _("%s: a council profile is named ID.council"), where);
      return NULL;
    }

  /* A profile is a page of keys; a FIFO or a huge file is not one. */
  bytes = rst_text_file_read (file, COUNCIL_MAX_SIZE, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, RST_COUNCIL_ERROR,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? RST_COUNCIL_ERROR_NOT_FOUND : RST_COUNCIL_ERROR_INVALID,
                   "%s: %s", where, local_error->message);
      return NULL;
    }

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_bytes (key_file, bytes, G_KEY_FILE_KEEP_TRANSLATIONS, &local_error))
    {
      g_set_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID,
                   "%s: %s", where, local_error->message);
      return NULL;
    }

  return council_new_from_key_file (id, key_file, where,
                                    g_str_has_prefix (uri, "resource:"), error);
}

const char *
rst_council_get_id (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->id;
}

/* The council's name in the current language, "IOM Council". */
const char *
rst_council_get_name (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->name;
}

const char *
rst_council_get_short_name (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->short_name;
}

/* How the chair is addressed: "Chairperson", "President". */
const char *
rst_council_get_chair_title (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->chair_title;
}

/* The default form before the title, "Mr."; may be empty. */
const char *
rst_council_get_chair_form (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->chair_form;
}

/* Zero when the council sets no limit. */
guint
rst_council_get_time_limit_seconds (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), 0);
  return self->time_limit_seconds;
}

double
rst_council_get_words_per_minute (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), RST_TIMING_DEFAULT_WORDS_PER_MINUTE);
  return self->words_per_minute;
}

/* With {field} placeholders, as templates use them. */
const char *
rst_council_get_heading_pattern (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->heading_pattern;
}

const char *
rst_council_get_delivery_mark (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->delivery_mark;
}

/* The paper's width and height in millimetres. */
void
rst_council_get_paper_size_mm (RstCouncil *self,
                               double     *width,
                               double     *height)
{
  g_return_if_fail (RST_IS_COUNCIL (self));

  *width = paper_sizes[0][0];
  *height = paper_sizes[0][1];
  for (guint i = 0; known_papers[i] != NULL; i++)
    if (g_str_equal (self->paper, known_papers[i]))
      {
        *width = paper_sizes[i][0];
        *height = paper_sizes[i][1];
      }
}

/* Lower case: "a4", "a5", "a3", "letter" or "legal". */
const char *
rst_council_get_paper (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->paper;
}

void
rst_council_get_margins_mm (RstCouncil *self,
                            double     *top,
                            double     *right,
                            double     *bottom,
                            double     *left)
{
  g_return_if_fail (RST_IS_COUNCIL (self));

  if (top != NULL)
    *top = self->margins[0];
  if (right != NULL)
    *right = self->margins[1];
  if (bottom != NULL)
    *bottom = self->margins[2];
  if (left != NULL)
    *left = self->margins[3];
}

const char *
rst_council_get_font (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->font;
}

/* In points. */
double
rst_council_get_font_size (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), 12.0);
  return self->font_size;
}

/* A multiple of the font's line height. */
double
rst_council_get_line_spacing (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), 1.0);
  return self->line_spacing;
}

const char *
rst_council_get_file_name_pattern (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->file_name_pattern;
}

/**
 * rst_council_get_origin:
 *
 * Returns: (nullable): where the profile was read from: a path for a
 *   user profile, a resource:// URI for a built-in, %NULL for a profile
 *   made with rst_council_new_from_key_file()
 */
const char *
rst_council_get_origin (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return self->origin;
}

/**
 * rst_council_get_text_for:
 * @lang: (nullable): a statement's language, "fr"; %NULL for the
 *   interface's
 *
 * Returns: (nullable): the text as the profile writes it in @lang; in
 *   another language only for the names (an organization keeps its
 *   name), and in the profile's own words for English or %NULL @lang.
 *   %NULL when the profile does not say it in @lang: the caller uses the
 *   language's rules then.
 */
const char *
rst_council_get_text_for (RstCouncil     *self,
                          RstCouncilText  text,
                          const char     *lang)
{
  const char *plain[RST_COUNCIL_N_TEXTS];

  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  g_return_val_if_fail (text < RST_COUNCIL_N_TEXTS, NULL);

  if (lang != NULL)
    {
      for (guint i = 0; i < self->translations->len; i++)
        {
          Translation *translation = g_ptr_array_index (self->translations, i);

          if (g_str_equal (translation->lang, lang) && translation->texts[text] != NULL)
            return translation->texts[text];
        }
    }

  /* The interface's words for the interface (NULL @lang); the file's own,
   * untranslated, for a statement (the defaults where it says none).
   */
  plain[RST_COUNCIL_TEXT_NAME] = self->name;
  plain[RST_COUNCIL_TEXT_SHORT_NAME] = self->short_name;
  plain[RST_COUNCIL_TEXT_CHAIR_TITLE] = self->chair_title;
  plain[RST_COUNCIL_TEXT_CHAIR_FORM] = self->chair_form;
  plain[RST_COUNCIL_TEXT_CHAIR_ADDRESS] = self->chair_address;
  plain[RST_COUNCIL_TEXT_HEADING_PATTERN] = self->heading_pattern;
  plain[RST_COUNCIL_TEXT_DELIVERY_MARK] = self->delivery_mark;
  if (lang != NULL)
    for (guint i = 0; i < RST_COUNCIL_N_TEXTS; i++)
      if (self->plain[i] != NULL)
        plain[i] = self->plain[i];

  if (text == RST_COUNCIL_TEXT_NAME || text == RST_COUNCIL_TEXT_SHORT_NAME ||
      lang == NULL || g_str_equal (lang, "en"))
    return plain[text];

  return NULL;
}

/**
 * rst_council_get_pace_for:
 *
 * Returns: the pace the profile sets for statements in @lang, in the
 *   language's unit (words, characters in Chinese); its WordsPerMinute
 *   for English; 0 where it sets none and the language's rules say
 */
double
rst_council_get_pace_for (RstCouncil *self,
                          const char *lang)
{
  const double *pace;

  g_return_val_if_fail (RST_IS_COUNCIL (self), 0.0);

  if (lang == NULL || g_str_equal (lang, "en"))
    return self->words_per_minute;

  pace = g_hash_table_lookup (self->paces, lang);
  return pace != NULL ? *pace : 0.0;
}

/* Returns: (transfer none): how headings name the council, in any language */
const char * const *
rst_council_get_recognize (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return (const char * const *) self->recognize;
}

/* Returns: (transfer none): rst_council_get_recognize(), folded as
 * rst_fold_string() folds without a language's extras: the phrases are
 * written in the characters the folding produces.
 */
const char * const *
rst_council_get_recognize_folded (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), NULL);
  return (const char * const *) self->recognize_folded;
}

/* The session in @text by the council's own notation ("HRC56",
 * "GC(68)"); 0 when there is none.
 */
guint
rst_council_find_session (RstCouncil *self,
                          const char *text,
                          gsize       len)
{
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *number = NULL;
  guint64 n = 0;

  g_return_val_if_fail (RST_IS_COUNCIL (self), 0);

  if (self->session_pattern == NULL ||
      !g_regex_match_full (self->session_pattern, text, len, 0, 0, &match, NULL))
    return 0;

  number = g_match_info_fetch_named (match, "n");
  if (number == NULL || !g_ascii_string_to_unsigned (number, 10, 1, 9999, &n, NULL))
    return 0;
  return (guint) n;
}

gboolean
rst_council_is_builtin (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), FALSE);
  return self->builtin;
}

char *
rst_council_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "rostrum", "councils", NULL);
}


/**
 * rst_council_answers_to:
 * @named: an id, short name or name, as a front matter may give it
 *
 * Returns: whether @named means this council, ignoring case and the
 *   spaces around it
 */
gboolean
rst_council_answers_to (RstCouncil *self,
                        const char *named)
{
  g_autofree char *wanted = NULL;
  g_autofree char *name = NULL;
  g_autofree char *short_name = NULL;

  g_return_val_if_fail (RST_IS_COUNCIL (self), FALSE);

  if (named == NULL)
    return FALSE;

  wanted = g_utf8_casefold (named, -1);
  g_strstrip (wanted);
  name = g_utf8_casefold (self->name, -1);
  short_name = g_utf8_casefold (self->short_name, -1);

  return g_str_equal (wanted, self->id) ||
         g_str_equal (wanted, name) ||
         g_str_equal (wanted, short_name);
}

/* Whether this is the fallback profile, which names no real council. */
gboolean
rst_council_is_generic (RstCouncil *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL (self), FALSE);
  return g_str_equal (self->id, RST_COUNCIL_GENERIC_ID);
}
