/* rst-template-store.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "rst-template-private.h"
#include "rst-file-writer.h"
#include "rst-template-store.h"
#include "rst-text-file.h"

#define BUILTIN_PATH RESOURCE_PREFIX "/templates/"
#define USER_PREFIX   "user:"
#define SHARED_PREFIX "shared:"

struct _RstTemplateStore
{
  GObject    parent_instance;

  GFile     *user_directory;
  /* The delegation's folder, and why it gives or takes no templates. */
  GFile     *shared_directory;
  GError    *shared_error;
  gboolean   shared_writable;
  GPtrArray *items;       /* RstTemplate, one per id: what is listed */
  GPtrArray *variants;    /* RstTemplate: built-ins in the other languages */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RstTemplateStore, rst_template_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A template is a statement file, so it can be as large as one. */
#define MAX_TEMPLATE_FILE_SIZE (1024 * 1024)

/* Regular files only: a FIFO in the folder must not hang the chooser. */
static char *
read_template_file (GFile   *file,
                    gsize   *size,
                    GError **error)
{
  g_autoptr(GBytes) bytes = rst_text_file_read (file, MAX_TEMPLATE_FILE_SIZE, NULL, error);
  char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_unref_to_data (g_steal_pointer (&bytes), size);
  /* An empty file has no data, but is a (malformed) template all the same. */
  return data != NULL ? data : g_strdup ("");
}

static gboolean
write_text (GFile              *file,
            const char         *text,
            RstFileWriteFlags   flags,
            GError            **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return rst_file_write_bytes (file, bytes, flags, NULL, NULL, error);
}

static GType
rst_template_store_get_item_type (GListModel *model)
{
  return RST_TYPE_TEMPLATE;
}

static guint
rst_template_store_get_n_items (GListModel *model)
{
  return RST_TEMPLATE_STORE (model)->items->len;
}

static gpointer
rst_template_store_get_item (GListModel *model,
                             guint       position)
{
  RstTemplateStore *self = RST_TEMPLATE_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = rst_template_store_get_item_type;
  iface->get_n_items = rst_template_store_get_n_items;
  iface->get_item = rst_template_store_get_item;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
is_template_file_name (const char *name)
{
  return g_str_has_suffix (name, ".md") && name[0] != '.' && strlen (name) > 3;
}

static char *
id_from_file_name (const char *name)
{
  if (!g_str_has_suffix (name, ".md") || name[0] == '.' || strlen (name) <= 3)
    return NULL;

  return g_strndup (name, strlen (name) - 3);
}

static RstTemplate *
load_builtin (const char *id,
              const char *path)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    return _rst_template_new_for_error (id, RST_TEMPLATE_ORIGIN_BUILTIN, NULL, error);

  data = g_bytes_get_data (bytes, &size);
  return rst_template_new (id, RST_TEMPLATE_ORIGIN_BUILTIN, NULL, data, size);
}

/* Built-ins are folders, one file per language: templates/ID/LANG.md.
 * The English version is the one listed, the others are its variants.
 */
static void
load_builtins (GPtrArray *items,
               GPtrArray *variants)
{
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (BUILTIN_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (names == NULL)
    return;

  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *id = NULL;
      g_autofree char *folder = NULL;
      g_auto(GStrv) languages = NULL;
      RstTemplate *listed = NULL;
      guint listed_at = 0;

      if (!g_str_has_suffix (names[i], "/"))
        continue;

      id = g_strndup (names[i], strlen (names[i]) - 1);
      folder = g_strconcat (BUILTIN_PATH, names[i], NULL);
      languages = g_resources_enumerate_children (folder, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (languages == NULL)
        continue;
      qsort (languages, g_strv_length (languages), sizeof (char *), compare_strings);

      for (guint k = 0; languages[k] != NULL; k++)
        {
          g_autofree char *path = NULL;
          RstTemplate *template;

          if (!is_template_file_name (languages[k]))
            continue;

          path = g_strconcat (folder, languages[k], NULL);
          template = load_builtin (id, path);
          g_ptr_array_add (variants, template);

          if (listed == NULL || g_str_equal (languages[k], "en.md"))
            {
              listed = template;
              listed_at = variants->len - 1;
            }
        }

      if (listed != NULL)
        g_ptr_array_add (items, g_ptr_array_steal_index (variants, listed_at));
    }
}

static RstTemplate *
find_in (GPtrArray  *items,
         const char *id)
{
  for (guint i = 0; i < items->len; i++)
    {
      RstTemplate *template = g_ptr_array_index (items, i);

      if (g_str_equal (rst_template_get_id (template), id))
        return template;
    }

  return NULL;
}

static const char *
prefix_for (RstTemplateOrigin origin)
{
  return origin == RST_TEMPLATE_ORIGIN_SHARED ? SHARED_PREFIX : USER_PREFIX;
}

/* The templates of a folder, the user's or the delegation's. */
static void
load_folder_templates (GFile             *directory,
                       RstTemplateOrigin  origin,
                       GPtrArray         *items)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (directory,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      /* No folder simply means no user templates yet; the shared one's
       * state is rst_template_store_get_shared_error()'s to tell.
       */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot list templates: %s", error->message);
      return;
    }

  for (;;)
    {
      GFileInfo *info = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error))
        {
          g_debug ("Cannot list templates: %s", error->message);
          break;
        }
      if (info == NULL)
        break;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
          is_template_file_name (g_file_info_get_name (info)))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *id = id_from_file_name (name);
      g_autoptr(GFile) file = g_file_get_child (directory, name);
      g_autoptr(GError) read_error = NULL;
      g_autofree char *data = NULL;
      RstTemplate *template;
      RstTemplate *other;
      gsize size = 0;

      if ((data = read_template_file (file, &size, &read_error)) != NULL)
        template = rst_template_new (id, origin, file, data, size);
      else
        template = _rst_template_new_for_error (id, origin, file, read_error);

      /* Hiding a built-in (or, for the delegation's, the drafter's own)
       * silently would leave the drafter wondering which one
       * --template general-debate gives: keep both, and say so.
       */
      if ((other = find_in (items, id)) != NULL)
        {
          g_autofree char *new_id = g_strconcat (prefix_for (origin), id, NULL);
          g_autofree char *note = NULL;

          if (rst_template_get_origin (other) == RST_TEMPLATE_ORIGIN_BUILTIN)
            note = g_strdup_printf (_("A built-in template is also called “%s”; this one is listed as “%s”"),
                                    id, new_id);
          else
            note = g_strdup_printf (_("One of your templates is also called “%s”; this one is listed as “%s”"),
                                    id, new_id);
          _rst_template_set_id (template, new_id);
          _rst_template_set_note (template, note);
        }

      g_ptr_array_add (items, template);
    }
}

/**
 * rst_template_store_probe_folder:
 * @directory: a folder of templates, such as the delegation's share
 * @writable: (out) (optional): whether templates can be saved there
 *
 * Says why a folder can give no templates (missing, not a folder, not
 * readable) without reading them.
 *
 * Returns: whether templates can be read from @directory
 */
gboolean
rst_template_store_probe_folder (GFile     *directory,
                                 gboolean  *writable,
                                 GError   **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  if (writable != NULL)
    *writable = FALSE;

  where = g_file_get_parse_name (directory);
  info = g_file_query_info (directory,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_READ ","
                            G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("The folder “%s” is missing or not reachable"), where);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     _("The folder “%s” cannot be read: %s"), where, local_error->message);
      return FALSE;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   _("“%s” is not a folder"), where);
      return FALSE;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
      !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("The folder “%s” cannot be read: permission denied"), where);
      return FALSE;
    }

  if (writable != NULL)
    *writable = !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
                g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);

  return TRUE;
}

void
rst_template_store_reload (RstTemplateStore *self)
{
  g_autoptr(GPtrArray) old = NULL;
  guint removed;

  g_return_if_fail (RST_IS_TEMPLATE_STORE (self));

  old = g_steal_pointer (&self->items);
  removed = old != NULL ? old->len : 0;

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_clear_pointer (&self->variants, g_ptr_array_unref);
  self->variants = g_ptr_array_new_with_free_func (g_object_unref);
  load_builtins (self->items, self->variants);
  load_folder_templates (self->user_directory, RST_TEMPLATE_ORIGIN_USER, self->items);

  g_clear_error (&self->shared_error);
  self->shared_writable = FALSE;
  if (self->shared_directory != NULL &&
      rst_template_store_probe_folder (self->shared_directory, &self->shared_writable, &self->shared_error))
    load_folder_templates (self->shared_directory, RST_TEMPLATE_ORIGIN_SHARED, self->items);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->items->len);
}

RstTemplateStore *
rst_template_store_new_for_directory (GFile *user_directory)
{
  RstTemplateStore *self;

  g_return_val_if_fail (G_IS_FILE (user_directory), NULL);

  self = g_object_new (RST_TYPE_TEMPLATE_STORE, NULL);
  self->user_directory = g_object_ref (user_directory);
  rst_template_store_reload (self);

  return self;
}

RstTemplateStore *
rst_template_store_new (void)
{
  g_autoptr(GFile) dir = g_file_new_build_filename (g_get_user_data_dir (),
                                                    "rostrum", "templates", NULL);

  return rst_template_store_new_for_directory (dir);
}

/**
 * rst_template_store_new_default:
 *
 * The built-in and the user's templates, and those of the delegation's
 * shared folder that Preferences names (the installed schema's
 * shared-templates-folder), for the editor and the command line alike.
 * Without the schema (a run from the build tree) there is no shared
 * folder rather than GSettings' abort.
 *
 * Returns: (transfer full): the store
 */
RstTemplateStore *
rst_template_store_new_default (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  RstTemplateStore *self = rst_template_store_new ();

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema != NULL && g_settings_schema_has_key (schema, "shared-templates-folder"))
    {
      g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
      g_autofree char *folder = g_settings_get_string (settings, "shared-templates-folder");

      if (folder[0] != '\0')
        {
          g_autoptr(GFile) directory = g_file_new_for_commandline_arg (folder);

          rst_template_store_set_shared_directory (self, directory);
        }
    }

  return self;
}

RstTemplate *
rst_template_store_lookup (RstTemplateStore *self,
                           const char       *id)
{
  RstTemplate *template;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  template = find_in (self->items, id);
  if (template != NULL)
    return template;

  for (RstTemplateOrigin origin = RST_TEMPLATE_ORIGIN_USER; origin <= RST_TEMPLATE_ORIGIN_SHARED; origin++)
    {
      const char *file_id;

      if (!g_str_has_prefix (id, prefix_for (origin)))
        continue;

      file_id = id + strlen (prefix_for (origin));
      for (guint i = 0; i < self->items->len; i++)
        {
          template = g_ptr_array_index (self->items, i);

          if (rst_template_get_origin (template) == origin &&
              g_str_equal (rst_template_get_file_id (template), file_id))
            return template;
        }
    }

  return NULL;
}

/* Whether @template is written in @lang; a user or shared template that
 * says no language is the drafter's own, for any.
 */
static gboolean
is_in_language (RstTemplate *template,
                const char  *lang)
{
  const char *written = rst_template_get_lang (template);

  if (written == NULL)
    return rst_template_get_origin (template) != RST_TEMPLATE_ORIGIN_BUILTIN || g_str_equal (lang, "en");
  return g_str_equal (written, lang);
}

/**
 * rst_template_store_lookup_language:
 * @lang: "ar", "en", "es", "fr", "ru" or "zh"
 *
 * Returns: (transfer none) (nullable): the version of template @id in
 *   @lang, %NULL when it has none
 */
RstTemplate *
rst_template_store_lookup_language (RstTemplateStore *self,
                                    const char       *id,
                                    const char       *lang)
{
  RstTemplate *listed;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (lang != NULL, NULL);

  listed = rst_template_store_lookup (self, id);
  if (listed == NULL)
    return NULL;
  if (is_in_language (listed, lang))
    return listed;
  if (rst_template_get_origin (listed) != RST_TEMPLATE_ORIGIN_BUILTIN)
    return NULL;

  for (guint i = 0; i < self->variants->len; i++)
    {
      RstTemplate *variant = g_ptr_array_index (self->variants, i);

      if (g_str_equal (rst_template_get_id (variant), rst_template_get_id (listed)) &&
          is_in_language (variant, lang))
        return variant;
    }

  return NULL;
}

/**
 * rst_template_store_dup_languages:
 *
 * Returns: (transfer full): the languages template @id is written in,
 *   sorted ("ar", "en", …); empty for an unknown id or a user template
 *   that says none
 */
char **
rst_template_store_dup_languages (RstTemplateStore *self,
                                  const char       *id)
{
  g_autoptr(GPtrArray) langs = g_ptr_array_new ();
  RstTemplate *listed;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  listed = rst_template_store_lookup (self, id);
  if (listed != NULL && rst_template_get_lang (listed) != NULL)
    g_ptr_array_add (langs, (gpointer) rst_template_get_lang (listed));

  if (listed != NULL && rst_template_get_origin (listed) == RST_TEMPLATE_ORIGIN_BUILTIN)
    for (guint i = 0; i < self->variants->len; i++)
      {
        RstTemplate *variant = g_ptr_array_index (self->variants, i);
        const char *lang = rst_template_get_lang (variant);

        if (lang != NULL && g_str_equal (rst_template_get_id (variant), rst_template_get_id (listed)) &&
            !g_ptr_array_find_with_equal_func (langs, lang, g_str_equal, NULL))
          g_ptr_array_add (langs, (gpointer) lang);
      }

  g_ptr_array_sort (langs, compare_strings);
  g_ptr_array_add (langs, NULL);
  return g_strdupv ((char **) langs->pdata);
}

static RstTemplate *
lookup_or_error (RstTemplateStore  *self,
                 const char        *id,
                 gboolean           user_only,
                 GError           **error)
{
  RstTemplate *template = rst_template_store_lookup (self, id);

  if (template == NULL)
    {
      g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_NOT_FOUND,
                   _("There is no template “%s”"), id);
      return NULL;
    }

  if (user_only && rst_template_get_origin (template) == RST_TEMPLATE_ORIGIN_BUILTIN)
    {
      g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_READ_ONLY,
                   _("“%s” is a built-in template; duplicate it to change it"),
                   rst_template_get_name (template));
      return NULL;
    }

  return template;
}

static gboolean
check_usable (RstTemplate  *template,
              GError      **error)
{
  const GError *load_error = rst_template_get_error (template);

  if (load_error == NULL)
    return TRUE;

  g_set_error (error, load_error->domain, load_error->code,
               _("Template “%s” cannot be used: %s"),
               rst_template_get_id (template), load_error->message);
  return FALSE;
}

/* A file name anyone can type on the command line: "UNGA – Third
 * Committee" becomes "unga-third-committee".
 */
static char *
slug_from_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p && slug->len < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }

  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  if (slug->len == 0)
    g_string_append (slug, "template");

  return g_string_free (slug, FALSE);
}

static gboolean
is_valid_id (const char *id)
{
  if (id[0] == '\0' || id[0] == '.' || g_str_has_prefix (id, USER_PREFIX) || g_str_has_prefix (id, SHARED_PREFIX))
    return FALSE;

  return strchr (id, '/') == NULL && strchr (id, G_DIR_SEPARATOR) == NULL &&
         g_utf8_validate (id, -1, NULL);
}

static gboolean
ensure_directory (GFile   *directory,
                  GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_make_directory_with_parents (directory, NULL, &local_error) ||
      g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Writes a new template into @directory under @base or @base-2,
 * @base-3…, relying on the no-clobber write rather than on what the
 * store last saw.
 */
static char *
write_new_in (RstTemplateStore  *self,
              GFile             *directory,
              const char        *base,
              const char        *text,
              GError           **error)
{
  if (!ensure_directory (directory, error))
    return NULL;

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      g_autofree char *file_name = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) local_error = NULL;
      RstTemplate *existing = find_in (self->items, id);

      /* Never take a built-in's id: it would only be listed as user:ID. */
      if (existing != NULL && rst_template_get_origin (existing) == RST_TEMPLATE_ORIGIN_BUILTIN)
        continue;

      file_name = g_strconcat (id, ".md", NULL);
      file = g_file_get_child (directory, file_name);

      if (write_text (file, text, RST_FILE_WRITE_NO_CLOBBER, &local_error))
        return g_steal_pointer (&id);

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_EXISTS,
               _("Too many templates are called “%s”"), base);
  return NULL;
}

static char *
write_new (RstTemplateStore  *self,
           const char        *base,
           const char        *text,
           GError           **error)
{
  return write_new_in (self, self->user_directory, base, text, error);
}

static RstTemplate *
reload_and_lookup_in (RstTemplateStore  *self,
                      RstTemplateOrigin  origin,
                      const char        *file_id)
{
  rst_template_store_reload (self);

  for (guint i = 0; i < self->items->len; i++)
    {
      RstTemplate *template = g_ptr_array_index (self->items, i);

      if (rst_template_get_origin (template) == origin &&
          g_str_equal (rst_template_get_file_id (template), file_id))
        return g_object_ref (template);
    }

  g_return_val_if_reached (NULL);
}

static RstTemplate *
reload_and_lookup (RstTemplateStore *self,
                   const char       *file_id)
{
  return reload_and_lookup_in (self, RST_TEMPLATE_ORIGIN_USER, file_id);
}

/* Refuses to write what could not be read back. */
static gboolean
validate_text (const char  *id,
               const char  *text,
               GError     **error)
{
  g_autoptr(RstTemplate) probe = rst_template_new (id, RST_TEMPLATE_ORIGIN_USER, NULL,
                                                   text, strlen (text));

  return check_usable (probe, error);
}

RstTemplate *
rst_template_store_save (RstTemplateStore  *self,
                         const char        *id,
                         const char        *name,
                         const char        *description,
                         const char        *text,
                         GError           **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *new_id = NULL;
  RstTemplate *existing = NULL;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (id != NULL)
    {
      existing = rst_template_store_lookup (self, id);

      if (existing != NULL && rst_template_get_origin (existing) == RST_TEMPLATE_ORIGIN_BUILTIN)
        return lookup_or_error (self, id, TRUE, error);

      if (existing == NULL && !is_valid_id (id))
        {
          g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_INVALID_ID,
                       _("“%s” cannot be used as a template id"), id);
          return NULL;
        }
    }

  contents = _rst_template_set_identity (text, name, description);
  if (!validate_text (id ? id : name, contents, error))
    return NULL;

  if (existing != NULL || id != NULL)
    {
      g_autofree char *file_name = NULL;
      g_autoptr(GFile) file = NULL;
      /* A copy: reloading drops @existing. */
      g_autofree char *file_id = g_strdup (existing ? rst_template_get_file_id (existing) : id);
      /* A template is saved where it lives: the user's or the delegation's. */
      RstTemplateOrigin origin = existing ? rst_template_get_origin (existing) : RST_TEMPLATE_ORIGIN_USER;
      g_autoptr(GFile) directory = existing ? g_file_get_parent (rst_template_get_file (existing))
                                            : g_object_ref (self->user_directory);

      if (!ensure_directory (directory, error))
        return NULL;

      file_name = g_strconcat (file_id, ".md", NULL);
      file = g_file_get_child (directory, file_name);
      if (!write_text (file, contents, RST_FILE_WRITE_REPLACE, error))
        return NULL;

      return reload_and_lookup_in (self, origin, file_id);
    }

  {
    g_autofree char *base = slug_from_name (name);

    new_id = write_new (self, base, contents, error);
    if (new_id == NULL)
      return NULL;
  }

  return reload_and_lookup (self, new_id);
}

RstTemplate *
rst_template_store_save_statement (RstTemplateStore  *self,
                                   const char        *statement,
                                   GHashTable        *known_values,
                                   const char        *name,
                                   const char        *description,
                                   GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (statement != NULL, NULL);

  text = rst_template_from_statement (statement, known_values);

  return rst_template_store_save (self, NULL, name, description, text, error);
}

/**
 * rst_template_store_save_statement_shared:
 *
 * "Save as template" into the delegation's shared folder, for the whole
 * mission; fails when none is set or it cannot be written.
 *
 * Returns: (transfer full) (nullable): the template saved
 */
RstTemplate *
rst_template_store_save_statement_shared (RstTemplateStore  *self,
                                          const char        *statement,
                                          GHashTable        *known_values,
                                          const char        *name,
                                          const char        *description,
                                          GError           **error)
{
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *base = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (statement != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->shared_directory == NULL)
    {
      g_set_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_NOT_FOUND,
                   _("No shared templates folder is set in Preferences"));
      return NULL;
    }
  if (self->shared_error != NULL)
    {
      g_set_error_literal (error, self->shared_error->domain, self->shared_error->code,
                           self->shared_error->message);
      return NULL;
    }

  text = rst_template_from_statement (statement, known_values);
  contents = _rst_template_set_identity (text, name, description);
  if (!validate_text (name, contents, error))
    return NULL;

  base = slug_from_name (name);
  new_id = write_new_in (self, self->shared_directory, base, contents, error);
  if (new_id == NULL)
    return NULL;

  return reload_and_lookup_in (self, RST_TEMPLATE_ORIGIN_SHARED, new_id);
}

/**
 * rst_template_store_set_shared_directory:
 * @directory: (nullable): the delegation's folder of templates, %NULL
 *   for none
 *
 * Lists its templates after the built-in and the user's ones. A folder
 * that is missing or unreadable lists nothing and is no error:
 * rst_template_store_get_shared_error() says why.
 */
void
rst_template_store_set_shared_directory (RstTemplateStore *self,
                                         GFile            *directory)
{
  g_return_if_fail (RST_IS_TEMPLATE_STORE (self));
  g_return_if_fail (directory == NULL || G_IS_FILE (directory));

  if (self->shared_directory == directory ||
      (self->shared_directory != NULL && directory != NULL &&
       g_file_equal (self->shared_directory, directory)))
    return;

  g_set_object (&self->shared_directory, directory);
  rst_template_store_reload (self);
}

/* Returns: (transfer none) (nullable): the delegation's folder */
GFile *
rst_template_store_get_shared_directory (RstTemplateStore *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);

  return self->shared_directory;
}

/* Returns: (nullable): why the shared folder lists nothing, as of the
 * last reload; %NULL when it is usable or none is set
 */
const GError *
rst_template_store_get_shared_error (RstTemplateStore *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);

  return self->shared_error;
}

/* Whether Save as Template can write into the shared folder. */
gboolean
rst_template_store_get_shared_writable (RstTemplateStore *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), FALSE);

  return self->shared_directory != NULL && self->shared_error == NULL && self->shared_writable;
}

RstTemplate *
rst_template_store_rename (RstTemplateStore  *self,
                           const char        *id,
                           const char        *name,
                           GError           **error)
{
  RstTemplate *template;
  g_autofree char *own_id = NULL;
  g_autofree char *description = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  template = lookup_or_error (self, id, TRUE, error);
  if (template == NULL || !check_usable (template, error))
    return NULL;

  /* Copies: saving reloads the store and drops @template. */
  own_id = g_strdup (rst_template_get_id (template));
  description = g_strdup (rst_template_get_description (template));
  text = g_strdup (rst_template_get_text (template));

  return rst_template_store_save (self, own_id, name, description, text, error);
}

RstTemplate *
rst_template_store_duplicate (RstTemplateStore  *self,
                              const char        *id,
                              GError           **error)
{
  RstTemplate *template;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *new_id = NULL;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  template = lookup_or_error (self, id, FALSE, error);
  if (template == NULL || !check_usable (template, error))
    return NULL;

  /* Translators: the name of a copy of a template, "General debate (copy)" */
  name = g_strdup_printf (_("%s (copy)"), rst_template_get_name (template));
  base = g_strconcat (rst_template_get_file_id (template), "-copy", NULL);
  contents = _rst_template_set_identity (rst_template_get_text (template), name,
                                         rst_template_get_description (template));

  new_id = write_new (self, base, contents, error);
  if (new_id == NULL)
    return NULL;

  return reload_and_lookup (self, new_id);
}

gboolean
rst_template_store_delete (RstTemplateStore  *self,
                           const char        *id,
                           GError           **error)
{
  RstTemplate *template;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  template = lookup_or_error (self, id, TRUE, error);
  if (template == NULL)
    return FALSE;

  if (!g_file_delete (rst_template_get_file (template), NULL, error))
    return FALSE;

  rst_template_store_reload (self);

  return TRUE;
}

RstTemplate *
rst_template_store_import (RstTemplateStore  *self,
                           GFile             *file,
                           GError           **error)
{
  g_autofree char *data = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *base = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(RstTemplate) probe = NULL;
  gsize size = 0;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((data = read_template_file (file, &size, error)) == NULL)
    return NULL;

  basename = g_file_get_basename (file);
  stem = g_str_has_suffix (basename, ".md") || g_str_has_suffix (basename, ".txt")
    ? g_strndup (basename, strrchr (basename, '.') - basename)
    : g_strdup (basename);
  base = slug_from_name (stem);

  probe = rst_template_new (base, RST_TEMPLATE_ORIGIN_USER, NULL, data, size);
  if (!check_usable (probe, error))
    return NULL;

  new_id = write_new (self, base, rst_template_get_text (probe), error);
  if (new_id == NULL)
    return NULL;

  return reload_and_lookup (self, new_id);
}

gboolean
rst_template_store_export (RstTemplateStore  *self,
                           const char        *id,
                           GFile             *destination,
                           GError           **error)
{
  RstTemplate *template;
  const char *text;

  g_return_val_if_fail (RST_IS_TEMPLATE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  template = lookup_or_error (self, id, FALSE, error);
  if (template == NULL || !check_usable (template, error))
    return FALSE;

  /* The file chooser has already asked about replacing. */
  text = rst_template_get_text (template);
  return write_text (destination, text, RST_FILE_WRITE_REPLACE, error);
}

static void
rst_template_store_finalize (GObject *object)
{
  RstTemplateStore *self = (RstTemplateStore *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->variants, g_ptr_array_unref);
  g_clear_object (&self->user_directory);
  g_clear_object (&self->shared_directory);
  g_clear_error (&self->shared_error);

  G_OBJECT_CLASS (rst_template_store_parent_class)->finalize (object);
}

static void
rst_template_store_class_init (RstTemplateStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_template_store_finalize;
}

static void
rst_template_store_init (RstTemplateStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
