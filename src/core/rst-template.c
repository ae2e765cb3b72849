/* rst-template.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-front-matter.h"
#include "rst-language.h"
#include "rst-line-index.h"
#include "rst-placeholder.h"
#include "rst-template-private.h"
#include "rst-text-file.h"

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
  char              *lang;
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

/* Whether the value of a "key: value" line, if it is quoted, ends on
 * the line.
 */
static gboolean
quote_closed (const char *line,
              gsize       len)
{
  const char *colon = memchr (line, ':', len);
  gsize p;
  char quote;

  /* A quoted key: its colon is after the closing quote. */
  if (len > 0 && (line[0] == '"' || line[0] == '\''))
    {
      const char *close = memchr (line + 1, line[0], len - 1);

      colon = close != NULL ? memchr (close, ':', len - (close - line)) : NULL;
    }
  if (colon == NULL)
    return TRUE;

  for (p = colon - line + 1; p < len && (line[p] == ' ' || line[p] == '\t'); p++)
    ;
  if (p >= len || (line[p] != '"' && line[p] != '\''))
    return TRUE;

  quote = line[p];
  for (p++; p < len; p++)
    {
      if (quote == '"' && line[p] == '\\')
        p++;
      else if (quote == '\'' && line[p] == '\'' && p + 1 < len && line[p + 1] == '\'')
        p++;
      else if (line[p] == quote)
        return TRUE;
    }

  return FALSE;
}

/* Why a template cannot be used, or NULL: the same front matter and
 * placeholders as a statement's, but stricter, since a template is
 * written once, by hand, and read by every new statement.
 */
static GError *
validate (const char *data,
          gsize       length,
          RstDetails **details)
{
  g_autoptr(GPtrArray) nested = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  RstFrontMatter fm;
  RstPlaceholder placeholder;
  gsize pos;

  if (length > MAX_TEMPLATE_SIZE)
    return g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_INVALID_UTF8,
                        _("The file is too large to be a template"));

  if (!rst_text_validate (data, length, &error))
    return g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_INVALID_UTF8,
                        /* Translators: what follows is why, "line 3 is not valid UTF-8" */
                        _("This is not a template: %s"), error->message);

  rst_front_matter_locate (data, length, &fm);
  *details = rst_front_matter_read (data, length, &fm, nested, &error);
  if (*details == NULL)
    return g_error_new_literal (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER, error->message);

  /* Filling and Save as Template rewrite the details line by line: a
   * quoted value that goes on over lines would be cut.
   */
  if (fm.present)
    {
      for (gsize line = fm.yaml_start, next; line < fm.yaml_end; line = next)
        {
          gsize eol = rst_line_end (data, fm.yaml_end, line, &next);
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;
          gsize value_end;

          if (rst_front_matter_split_line (data + line, eol - line, &key, &value, &value_end) &&
              !quote_closed (data + line, eol - line))
            return g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                                _("Line %u: the quoted value of “%s” must end on the same line"),
                                rst_text_count_lines (data, line), key);
        }
    }

  /* {{speaker}} without quotes reads as a YAML mapping: say how to
   * write it rather than that the value is not text.
   */
  if (nested->len > 0)
    {
      const char *key = g_ptr_array_index (nested, 0);
      gsize start = 0, end = 0;

      rst_front_matter_find_value (data, &fm, key, &start, &end);
      return g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER,
                          _("Line %u: the value of “%s” is not text; write placeholders in quotes, as in %s: \"{{%s}}\""),
                          rst_text_count_lines (data, start), key, key, key);
    }

  pos = 0;
  while (rst_placeholder_next (data, length, &pos, &placeholder))
    {
      if (!placeholder.closed)
        return g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_PLACEHOLDER,
                            _("Line %u: “{{” is not closed with “}}” on the same line"),
                            rst_text_count_lines (data, placeholder.start));
      if (placeholder.name_start == placeholder.name_end)
        return g_error_new (RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_PLACEHOLDER,
                            _("Line %u: “{{}}” names no field and describes no text"),
                            rst_text_count_lines (data, placeholder.start));
    }

  return NULL;
}

static void
rst_template_load (RstTemplate *self,
                   const char  *data,
                   gsize        length)
{
  g_autoptr(RstDetails) details = NULL;
  const char *name;
  const char *description;

  self->error = validate (data, length, &details);
  if (self->error != NULL)
    return;

  self->text = g_strndup (data, length);

  name = rst_details_get (details, RST_TEMPLATE_KEY_NAME);
  description = rst_details_lookup (details, RST_TEMPLATE_KEY_DESCRIPTION);
  if (name != NULL)
    set_str (&self->name, name);
  if (description != NULL)
    set_str (&self->description, description);
  set_str (&self->lang, rst_language_normalize (rst_details_get (details, RST_DETAIL_LANG)));
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
    case RST_TEMPLATE_ORIGIN_SHARED: return "shared";
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

/* Returns: (nullable): the language it is written in, from its `lang` */
const char *
rst_template_get_lang (RstTemplate *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE (self), NULL);
  return self->lang;
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
  g_clear_pointer (&self->lang, g_free);
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
                      RST_TEMPLATE_ORIGIN_BUILTIN, RST_TEMPLATE_ORIGIN_SHARED,
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

