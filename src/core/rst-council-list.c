/* rst-council-list.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-council-list.h"
#include "rst-council-private.h"

#define COUNCILS_RESOURCE_PATH RESOURCE_PREFIX "/councils/"

/* A user folder with more profiles than this is not one a person keeps. */
#define MAX_USER_PROFILES 1000

struct _RstCouncilList
{
  GObject     parent_instance;

  GPtrArray  *councils;      /* RstCouncil, sorted */
  GHashTable *by_id;         /* id → RstCouncil (owned by @councils) */
  /* The profiles that were skipped, and the id each would have had. */
  GPtrArray  *problems;      /* GError */
  GPtrArray  *problem_ids;   /* char*, or NULL */
  RstCouncil *generic;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RstCouncilList, rst_council_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_LOCK_DEFINE_STATIC (default_list);
static RstCouncilList *default_list;

static GType
get_item_type (GListModel *model)
{
  return RST_TYPE_COUNCIL;
}

static guint
get_n_items (GListModel *model)
{
  return RST_COUNCIL_LIST (model)->councils->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RstCouncilList *self = RST_COUNCIL_LIST (model);

  if (position >= self->councils->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->councils, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rst_council_list_finalize (GObject *object)
{
  RstCouncilList *self = (RstCouncilList *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->councils, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_ids, g_ptr_array_unref);
  g_clear_object (&self->generic);

  G_OBJECT_CLASS (rst_council_list_parent_class)->finalize (object);
}

static void
rst_council_list_class_init (RstCouncilListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_council_list_finalize;
}

static void
rst_council_list_init (RstCouncilList *self)
{
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->problem_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
add_loaded (RstCouncilList *self,
            GFile          *file,
            RstCouncil     *council,
            GError         *error)
{
  if (council != NULL)
    {
      g_hash_table_replace (self->by_id, (gpointer) rst_council_get_id (council), council);
      return;
    }

  {
    g_autofree char *basename = g_file_get_basename (file);

    g_ptr_array_add (self->problems, error);
    g_ptr_array_add (self->problem_ids, _rst_council_id_from_basename (basename));
  }
}

static void
add_builtins (RstCouncilList *self)
{
  g_auto(GStrv) children = NULL;

  /* Missing only if the resource is not compiled in, which the tests see. */
  children = g_resources_enumerate_children (COUNCILS_RESOURCE_PATH,
                                             G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (children == NULL)
    return;

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *uri = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      RstCouncil *council;

      if (!g_str_has_suffix (children[i], RST_COUNCIL_SUFFIX))
        continue;

      uri = g_strconcat ("resource://", COUNCILS_RESOURCE_PATH, children[i], NULL);
      file = g_file_new_for_uri (uri);
      council = rst_council_new_from_file (file, &error);
      add_loaded (self, file, council, g_steal_pointer (&error));
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_user_profiles (RstCouncilList *self,
                   const char     *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    {
      /* No folder is the usual case: the user made no profile. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_ptr_array_add (self->problems,
                           g_error_new (RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_INVALID,
                                        "%s", error->message));
          g_ptr_array_add (self->problem_ids, NULL);
        }
      return;
    }

  /* Sorted so that problems come in a stable order. */
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL && names->len < MAX_USER_PROFILES)
    if (g_str_has_suffix (name, RST_COUNCIL_SUFFIX) && name[0] != '.')
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file_path = g_build_filename (path, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GError) load_error = NULL;
      RstCouncil *council;

      if (g_file_test (file_path, G_FILE_TEST_IS_DIR))
        continue;

      council = rst_council_new_from_file (file, &load_error);
      add_loaded (self, file, council, g_steal_pointer (&load_error));
    }
}

static int
compare_councils (gconstpointer a,
                  gconstpointer b)
{
  RstCouncil *ca = *(RstCouncil * const *) a;
  RstCouncil *cb = *(RstCouncil * const *) b;
  gboolean a_generic = g_str_equal (rst_council_get_id (ca), RST_COUNCIL_GENERIC_ID);
  gboolean b_generic = g_str_equal (rst_council_get_id (cb), RST_COUNCIL_GENERIC_ID);

  /* The fallback goes last so that pickers list real councils first. */
  if (a_generic != b_generic)
    return a_generic ? 1 : -1;

  return strcmp (rst_council_get_id (ca), rst_council_get_id (cb));
}

/* When even the built-in generic profile is missing (a test without the
 * resources), the checker still needs one: the defaults of every key.
 */
static RstCouncil *
new_fallback_generic (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_string (key_file, "Council", "Name", "Generic council");
  g_key_file_set_string (key_file, "Council", "ShortName", "Council");
  return rst_council_new_from_key_file (RST_COUNCIL_GENERIC_ID, key_file, NULL);
}

/**
 * rst_council_list_new:
 * @user_dir: (nullable): the folder of the user's profiles, %NULL for
 *   rst_council_dup_user_dir()
 *
 * Reads every profile. Broken user profiles are skipped, never hiding
 * the built-in of the same id; rst_council_list_get_problems() says why.
 *
 * Returns: (transfer full): the list
 */
RstCouncilList *
rst_council_list_new (const char *user_dir)
{
  RstCouncilList *self = g_object_new (RST_TYPE_COUNCIL_LIST, NULL);
  g_autofree char *default_dir = NULL;
  GHashTableIter iter;
  gpointer value;

  if (user_dir == NULL)
    user_dir = default_dir = rst_council_dup_user_dir ();

  add_builtins (self);
  /* Afterwards, so that a user profile replaces the built-in of its id. */
  add_user_profiles (self, user_dir);

  if (!g_hash_table_contains (self->by_id, RST_COUNCIL_GENERIC_ID))
    {
      RstCouncil *fallback = new_fallback_generic ();

      g_hash_table_replace (self->by_id, (gpointer) rst_council_get_id (fallback), fallback);
    }

  self->councils = g_ptr_array_new_full (g_hash_table_size (self->by_id), g_object_unref);
  g_hash_table_iter_init (&iter, self->by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->councils, g_object_ref (value));
  g_ptr_array_sort (self->councils, compare_councils);

  self->generic = g_object_ref (g_hash_table_lookup (self->by_id, RST_COUNCIL_GENERIC_ID));

  return self;
}

/**
 * rst_council_list_get_default:
 *
 * The profiles of this process, read once: the command line, the editor
 * and every check share them, so an unknown council never makes a check
 * read every profile file again.
 *
 * Returns: (transfer full): the list
 */
RstCouncilList *
rst_council_list_get_default (void)
{
  RstCouncilList *list;

  G_LOCK (default_list);
  if (default_list == NULL)
    default_list = rst_council_list_new (NULL);
  list = g_object_ref (default_list);
  G_UNLOCK (default_list);

  return list;
}

/**
 * rst_council_list_reload_default:
 *
 * Reads the profiles again, for when the user's folder changed. Holders
 * of the old list keep it; the next rst_council_list_get_default() gives
 * the new one.
 */
void
rst_council_list_reload_default (void)
{
  RstCouncilList *list = rst_council_list_new (NULL);
  RstCouncilList *old;

  G_LOCK (default_list);
  old = default_list;
  default_list = list;
  G_UNLOCK (default_list);

  g_clear_object (&old);
}

/**
 * rst_council_list_get_problems:
 *
 * Returns: (transfer none) (element-type GError): the profiles that were
 *   skipped, each error naming the file and key
 */
GPtrArray *
rst_council_list_get_problems (RstCouncilList *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL_LIST (self), NULL);
  return self->problems;
}

/**
 * rst_council_list_lookup:
 * @id: a profile id, as in "iom"
 * @error: why there is none: %RST_COUNCIL_ERROR_NOT_FOUND, or the problem
 *   of the user's broken profile of that id
 *
 * Returns: (transfer none) (nullable): the profile
 */
RstCouncil *
rst_council_list_lookup (RstCouncilList  *self,
                         const char      *id,
                         GError         **error)
{
  RstCouncil *council;

  g_return_val_if_fail (RST_IS_COUNCIL_LIST (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  council = g_hash_table_lookup (self->by_id, id);
  if (council != NULL)
    return council;

  /* A profile the user wrote but broke: say what is wrong with it rather
   * than that it does not exist.
   */
  for (guint i = 0; i < self->problems->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->problem_ids, i), id) == 0)
      {
        g_propagate_error (error, g_error_copy (g_ptr_array_index (self->problems, i)));
        return NULL;
      }

  g_set_error (error, RST_COUNCIL_ERROR, RST_COUNCIL_ERROR_NOT_FOUND,
               _("There is no council profile “%s”"), id);
  return NULL;
}

/**
 * rst_council_list_find:
 * @named: (nullable): an id, short name or name, in any case
 *
 * Returns: the position of the council @named means, or %G_MAXUINT
 */
guint
rst_council_list_find (RstCouncilList *self,
                       const char     *named)
{
  g_autofree char *id = NULL;
  RstCouncil *council;

  g_return_val_if_fail (RST_IS_COUNCIL_LIST (self), G_MAXUINT);

  if (named == NULL || named[0] == '\0')
    return G_MAXUINT;

  /* Ids first, since they are what files write: "IOM" means "iom". */
  id = g_strstrip (g_ascii_strdown (named, -1));
  council = g_hash_table_lookup (self->by_id, id);
  if (council != NULL)
    {
      guint position;

      if (g_ptr_array_find (self->councils, council, &position))
        return position;
    }

  for (guint i = 0; i < self->councils->len; i++)
    if (rst_council_answers_to (g_ptr_array_index (self->councils, i), named))
      return i;

  return G_MAXUINT;
}

/**
 * rst_council_list_resolve:
 * @named: (nullable): what a front matter's `council` or `--council` says:
 *   "iom", "IOM", "Human Rights Council"
 *
 * The editor, the command line, the exporters and Save as Template all
 * resolve names here, so that they always mean the same profile.
 *
 * Returns: (transfer none) (nullable): the council meant, or %NULL when
 *   @named means none
 */
RstCouncil *
rst_council_list_resolve (RstCouncilList *self,
                          const char     *named)
{
  guint position = rst_council_list_find (self, named);

  if (position == G_MAXUINT)
    return NULL;
  return g_ptr_array_index (self->councils, position);
}

/**
 * rst_council_list_get_generic:
 *
 * Returns: (transfer none): the profile for a statement that names no
 *   council Rostrum knows; never %NULL
 */
RstCouncil *
rst_council_list_get_generic (RstCouncilList *self)
{
  g_return_val_if_fail (RST_IS_COUNCIL_LIST (self), NULL);
  return self->generic;
}
