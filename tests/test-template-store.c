/* test-template-store.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rst-analysis.h"
#include "rst-file-writer.h"
#include "rst-placeholder.h"
#include "rst-template-store.h"
#include "rst-template-values.h"

static const char *builtin_ids[] = {
  "closing-session",
  "general-debate",
  "group-statement",
  "interactive-dialogue",
  "national-aligned",
  "procedural",
  "right-of-reply",
};

static GFile *
user_dir (void)
{
  return g_file_new_build_filename (g_get_user_data_dir (), "rostrum", "templates", NULL);
}

static void
write_user_file (const char *name,
                 const char *data,
                 gssize      length)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rostrum", "templates", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

static char *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
count_files (GFile *dir)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      GFileInfo *info = NULL;

      g_assert_true (g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &error));
      if (info == NULL)
        break;
      n++;
    }

  return n;
}

static void
test_builtins (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  GListModel *model = G_LIST_MODEL (store);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (builtin_ids));
  g_assert_true (g_list_model_get_item_type (model) == RST_TYPE_TEMPLATE);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (model, i);
      g_autoptr(GArray) slots = NULL;

      g_assert_cmpstr (rst_template_get_id (template), ==, builtin_ids[i]);
      g_assert_null (rst_template_get_error (template));
      g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_BUILTIN);
      g_assert_null (rst_template_get_file (template));
      g_assert_null (rst_template_get_note (template));
      g_assert_true (rst_template_get_name (template)[0] != '\0');
      g_assert_true (strlen (rst_template_get_description (template)) > 20);
      g_assert_true (rst_template_store_lookup (store, builtin_ids[i]) == template);

      /* Every built-in has slots for the drafter and uses known fields. */
      slots = rst_placeholder_find_all (rst_template_get_text (template), 0,
                                        strlen (rst_template_get_text (template)));
      g_assert_cmpuint (slots->len, >, 3);
      {
        guint known = 0;

        for (guint j = 0; j < slots->len; j++)
          {
            g_autofree char *name = rst_placeholder_dup_name (rst_template_get_text (template),
                                                              &g_array_index (slots, RstPlaceholder, j));

            known += rst_template_is_known_field (name);
          }
        g_assert_cmpuint (known, >, 0);
        g_assert_cmpuint (known, <, slots->len);
      }
      /* The built-ins are English. */
      g_assert_cmpstr (rst_template_get_lang (template), ==, "en");
    }

  g_assert_null (rst_template_store_lookup (store, "no-such-template"));
}

static void
test_persist_across_reload (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(RstTemplateStore) later = NULL;
  g_autoptr(RstTemplate) saved = NULL;
  g_autoptr(RstTemplate) renamed = NULL;
  g_autoptr(RstTemplate) copy = NULL;
  g_autoptr(GFile) dir = user_dir ();
  g_autoptr(GError) error = NULL;
  RstTemplate *found;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  static const char *text =
    "---\n"
    "session: \"{{session}}\"\n"
    "---\n"
    "{{chair_address}},\n\n{{Our point}}\n\nI thank you.\n";

  saved = rst_template_store_save (store, NULL, "UNHCR – Standing Committee",
                                   "Our usual statement", text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_template_get_id (saved), ==, "unhcr-standing-committee");
  g_assert_cmpint (rst_template_get_origin (saved), ==, RST_TEMPLATE_ORIGIN_USER);
  g_assert_cmpstr (rst_template_get_name (saved), ==, "UNHCR – Standing Committee");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_items + 1);

  /* Another store in the same XDG dirs: the next run of the app. */
  later = rst_template_store_new ();
  found = rst_template_store_lookup (later, "unhcr-standing-committee");
  g_assert_nonnull (found);
  g_assert_null (rst_template_get_error (found));
  g_assert_cmpstr (rst_template_get_name (found), ==, "UNHCR – Standing Committee");
  g_assert_cmpstr (rst_template_get_description (found), ==, "Our usual statement");
  g_assert_nonnull (strstr (rst_template_get_text (found), text + 4));

  /* A second template with the same name gets its own file. */
  {
    g_autoptr(RstTemplate) twin = rst_template_store_save (later, NULL, "UNHCR – Standing Committee",
                                                           NULL, text, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rst_template_get_id (twin), ==, "unhcr-standing-committee-2");
  }

  renamed = rst_template_store_rename (later, "unhcr-standing-committee", "StCom", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_template_get_id (renamed), ==, "unhcr-standing-committee");
  g_assert_cmpstr (rst_template_get_name (renamed), ==, "StCom");
  g_assert_cmpstr (rst_template_get_description (renamed), ==, "Our usual statement");

  copy = rst_template_store_duplicate (later, "general-debate", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_template_get_id (copy), ==, "general-debate-copy");
  g_assert_cmpstr (rst_template_get_name (copy), ==, "General debate (copy)");
  g_assert_cmpint (rst_template_get_origin (copy), ==, RST_TEMPLATE_ORIGIN_USER);

  g_assert_true (rst_template_store_delete (later, "unhcr-standing-committee-2", &error));
  g_assert_no_error (error);

  /* Built-ins can be copied but not changed. */
  g_assert_false (rst_template_store_delete (later, "general-debate", &error));
  g_assert_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (rst_template_store_save (later, "general-debate", "Mine", NULL, text, &error));
  g_assert_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_null (rst_template_store_rename (later, "nothing", "x", &error));
  g_assert_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A malformed text is never written. */
  g_assert_null (rst_template_store_save (later, NULL, "Broken", NULL, "{{unclosed\n", &error));
  g_assert_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_PLACEHOLDER);
  g_clear_error (&error);

  /* What a third run sees: the two survivors, under their names; no
   * temporary files were left behind.
   */
  rst_template_store_reload (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_items + 2);
  g_assert_cmpstr (rst_template_get_name (rst_template_store_lookup (store, "unhcr-standing-committee")), ==, "StCom");
  g_assert_nonnull (rst_template_store_lookup (store, "general-debate-copy"));
  g_assert_null (rst_template_store_lookup (store, "unhcr-standing-committee-2"));
  g_assert_cmpuint (count_files (dir), ==, 2);
}

static void
test_save_statement (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(RstTemplateStore) later = NULL;
  g_autoptr(RstTemplate) saved = NULL;
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(GHashTable) next = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = NULL;
  static const char *statement =
    "---\n"
    "session: 114\n"
    "speaker: H.E. Ms. Ana Ruiz\n"
    "---\n"
    "**Statement by H.E. Ms. Ana Ruiz at the 114th Session**\n\n"
    "Madam President,\n\nPeru thanks you.\n\nI thank you.\n";

  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("114"));
  g_hash_table_insert (values, g_strdup ("speaker"), g_strdup ("H.E. Ms. Ana Ruiz"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("Peru"));
  g_hash_table_insert (values, g_strdup ("chair_form"), g_strdup ("Madam"));
  g_hash_table_insert (values, g_strdup ("chair_title"), g_strdup ("President"));

  saved = rst_template_store_save_statement (store, statement, values, "Peru at the Council", NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(RstAnalysis) analysis = rst_analysis_new (statement, -1, NULL);

    /* Next Session proposes the one after the statement's, 115. */
    g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 114);
  }

  later = rst_template_store_new ();
  /* Next session, new speaker. */
  g_hash_table_insert (next, g_strdup ("session"), g_strdup ("115"));
  g_hash_table_insert (next, g_strdup ("speaker"), g_strdup ("Mr. Luis Vega"));
  g_hash_table_insert (next, g_strdup ("delegation"), g_strdup ("Peru"));
  g_hash_table_insert (next, g_strdup ("chair_form"), g_strdup ("Mr."));
  g_hash_table_insert (next, g_strdup ("chair_title"), g_strdup ("President"));
  filled = rst_template_fill (rst_template_store_lookup (later, rst_template_get_id (saved)), next, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (filled, ==,
                   "---\n"
                   "session: 115\n"
                   "speaker: Mr. Luis Vega\n"
                   "---\n"
                   "**Statement by Mr. Luis Vega at the 115th Session**\n\n"
                   "Mr. President,\n\nPeru thanks you.\n\nI thank you.\n");
}

static void
test_import_export (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autofree char *outside = g_build_filename (g_get_user_cache_dir (), "Third Committee.md", NULL);
  g_autofree char *broken = g_build_filename (g_get_user_cache_dir (), "broken.md", NULL);
  g_autofree char *exported_path = g_build_filename (g_get_user_cache_dir (), "exported.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (outside);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  g_autoptr(GFile) exported = g_file_new_for_path (exported_path);
  g_autoptr(RstTemplate) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  static const char *text = "---\ntemplate-name: Third Committee\n---\n{{chair_address}},\n";

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_file_set_contents (outside, text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (broken, "---\nspeaker: {{speaker}}\n---\n", -1, &error);
  g_assert_no_error (error);

  imported = rst_template_store_import (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_template_get_id (imported), ==, "third-committee");
  g_assert_cmpstr (rst_template_get_name (imported), ==, "Third Committee");

  g_assert_null (rst_template_store_import (store, broken_file, &error));
  g_assert_error (error, RST_TEMPLATE_ERROR, RST_TEMPLATE_ERROR_FRONT_MATTER);
  g_clear_error (&error);

  g_assert_true (rst_template_store_export (store, "third-committee", exported, &error));
  g_assert_no_error (error);
  contents = read_file (exported);
  g_assert_cmpstr (contents, ==, text);

  /* Export replaces (the file chooser asked already). */
  g_assert_true (rst_template_store_export (store, "right-of-reply", exported, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = read_file (exported);
  g_assert_cmpstr (contents, ==, rst_template_get_text (rst_template_store_lookup (store, "right-of-reply")));
}

static void
test_malformed_user_files (void)
{
  g_autoptr(RstTemplateStore) store = NULL;
  static const struct {
    const char *name;
    const char *data;
    gssize length;
    int code;
  } cases[] = {
    { "bad-utf8.md", "Mr. Chairperson,\n\n\xc3\x28 broken\n", -1, RST_TEMPLATE_ERROR_INVALID_UTF8 },
    { "bad-yaml.md", "---\ntitle: [unclosed\n---\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER },
    { "open-front-matter.md", "---\ntitle: x\nBody\n", -1, RST_TEMPLATE_ERROR_FRONT_MATTER },
    { "unclosed-slot.md", "Mr. Chairperson,\n\nFirst, {{point.\n", -1, RST_TEMPLATE_ERROR_PLACEHOLDER },
    { "empty.md", "", 0, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    write_user_file (cases[i].name, cases[i].data, cases[i].length);
  /* Not templates: other extensions and our own temporary files. */
  write_user_file ("notes.txt", "x", -1);
  write_user_file (".general-debate.md.ABC123", "x", -1);

  store = rst_template_store_new ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==,
                    G_N_ELEMENTS (builtin_ids) + G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = g_strndup (cases[i].name, strlen (cases[i].name) - 3);
      RstTemplate *template = rst_template_store_lookup (store, id);
      g_autoptr(GError) error = NULL;
      g_autofree char *filled = NULL;

      g_assert_nonnull (template);
      g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_USER);
      if (cases[i].code < 0)
        {
          /* An empty file is an empty template, not an error. */
          g_assert_null (rst_template_get_error (template));
          continue;
        }

      g_assert_error (rst_template_get_error (template), RST_TEMPLATE_ERROR, cases[i].code);
      filled = rst_template_fill (template, NULL, &error);
      g_assert_null (filled);
      g_assert_error (error, RST_TEMPLATE_ERROR, cases[i].code);
      g_clear_error (&error);

      g_assert_null (rst_template_store_duplicate (store, id, &error));
      g_assert_error (error, RST_TEMPLATE_ERROR, cases[i].code);
      g_clear_error (&error);

      /* A broken file can still be deleted from the chooser. */
      g_assert_true (rst_template_store_delete (store, id, &error));
      g_assert_no_error (error);
    }
}

static void
test_builtin_id_conflict (void)
{
  g_autoptr(RstTemplateStore) store = NULL;
  g_autoptr(RstTemplate) renamed = NULL;
  g_autoptr(GError) error = NULL;
  RstTemplate *builtin;
  RstTemplate *user;
  static const char *text = "---\ntemplate-name: Our general debate\n---\n{{chair_address}},\n";

  write_user_file ("general-debate.md", text, -1);
  store = rst_template_store_new ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, G_N_ELEMENTS (builtin_ids) + 1);

  builtin = rst_template_store_lookup (store, "general-debate");
  g_assert_nonnull (builtin);
  g_assert_cmpint (rst_template_get_origin (builtin), ==, RST_TEMPLATE_ORIGIN_BUILTIN);
  g_assert_cmpstr (rst_template_get_name (builtin), ==, "General debate");

  user = rst_template_store_lookup (store, "user:general-debate");
  g_assert_nonnull (user);
  g_assert_cmpint (rst_template_get_origin (user), ==, RST_TEMPLATE_ORIGIN_USER);
  g_assert_cmpstr (rst_template_get_file_id (user), ==, "general-debate");
  g_assert_cmpstr (rst_template_get_name (user), ==, "Our general debate");
  g_assert_nonnull (rst_template_get_note (user));
  g_assert_nonnull (strstr (rst_template_get_note (user), "user:general-debate"));

  /* It stays editable under its listed id. */
  renamed = rst_template_store_rename (store, "user:general-debate", "Ours", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rst_template_get_id (renamed), ==, "user:general-debate");
  g_assert_cmpstr (rst_template_get_name (renamed), ==, "Ours");
  g_assert_cmpstr (rst_template_get_name (rst_template_store_lookup (store, "general-debate")), ==, "General debate");

  /* A user template without conflict answers to user:ID as well. */
  write_user_file ("mine.md", text, -1);
  rst_template_store_reload (store);
  g_assert_true (rst_template_store_lookup (store, "user:mine") == rst_template_store_lookup (store, "mine"));
  g_assert_null (rst_template_get_note (rst_template_store_lookup (store, "mine")));
}

/* Writing a new statement from a template: never over a file, unless
 * asked to (the file chooser has asked the drafter).
 */
static void
test_write_file (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "write", NULL);
  g_autofree char *path = g_build_filename (dir, "statement.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_build_filename (dir, "no-folder", "x.md", NULL);
  g_autoptr(GBytes) first = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) second = g_bytes_new_static ("second", 6);
  g_autoptr(GBytes) third = g_bytes_new_static ("third", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  g_assert_true (rst_file_write_bytes (file, first, RST_FILE_WRITE_NO_CLOBBER, NULL, NULL, &error));
  g_assert_no_error (error);

  /* No clobbering, and the file is untouched. */
  g_assert_false (rst_file_write_bytes (file, second, RST_FILE_WRITE_NO_CLOBBER, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "first");

  g_assert_true (rst_file_write_bytes (file, third, RST_FILE_WRITE_REPLACE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = read_file (file);
  g_assert_cmpstr (contents, ==, "third");

  g_assert_false (rst_file_write_bytes (missing, first, RST_FILE_WRITE_NO_CLOBBER, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Only the file itself: no temporary left behind. */
  g_assert_cmpuint (count_files (folder), ==, 1);
}

/* The delegation's shared folder: its templates are listed beside the
 * built-in and personal ones, marked as the delegation's; Save as
 * Template can write there; a missing folder, or a file in its place,
 * lists nothing and says why, without failing.
 */
static GFile *
shared_dir (void)
{
  return g_file_new_build_filename (g_get_user_cache_dir (), "mission-share", "templates", NULL);
}

static void
write_shared_file (GFile      *dir,
                   const char *name,
                   const char *data)
{
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  g_autoptr(GError) error = NULL;

  g_file_replace_contents (file, data, strlen (data), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_shared_folder (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(GFile) dir = shared_dir ();
  g_autoptr(GFile) users = user_dir ();
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(RstTemplate) saved = NULL;
  g_autoptr(RstTemplate) renamed = NULL;
  g_autofree char *where = g_file_get_parse_name (dir);
  g_autofree char *saved_path = NULL;
  g_autofree char *contents = NULL;
  RstTemplate *template;
  guint n_builtin = g_list_model_get_n_items (G_LIST_MODEL (store));
  static const char *statement =
    "---\n"
    "session: 114\n"
    "delegation: Peru\n"
    "---\n"
    "**Statement by Peru at the 114th Session**\n\n"
    "Madam President,\n\nPeru thanks you.\n\nI thank you.\n";

  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("114"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("Peru"));

  /* Missing: nothing listed, and the reason, naming the folder. */
  rst_template_store_set_shared_directory (store, dir);
  g_assert_true (g_file_equal (rst_template_store_get_shared_directory (store), dir));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_builtin);
  g_assert_nonnull (rst_template_store_get_shared_error (store));
  g_assert_true (g_error_matches (rst_template_store_get_shared_error (store), G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  g_assert_nonnull (strstr (rst_template_store_get_shared_error (store)->message, where));
  g_assert_false (rst_template_store_get_shared_writable (store));
  /* Saving there fails and makes no folder: it may be a share that is
   * not mounted yet.
   */
  g_assert_null (rst_template_store_save_statement_shared (store, statement, values, "Peru", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (g_file_query_exists (dir, NULL));

  /* The share once mounted: a template of its own, one named like a
   * built-in and one named like the drafter's.
   */
  g_assert_true (g_file_make_directory_with_parents (dir, NULL, &error));
  g_assert_no_error (error);
  write_shared_file (dir, "mission-debate.md",
                     "---\ntemplate-name: Mission general debate\nlang: en\n---\n{{chair_address}},\n\n{{delegation}} thanks you.\n");
  write_shared_file (dir, "general-debate.md", "---\ntemplate-name: Ours\n---\n{{chair_address}},\n");
  write_shared_file (dir, "mine.md", "---\ntemplate-name: The mission's\n---\n{{chair_address}},\n");
  write_shared_file (dir, "notes.txt", "not a template");
  write_user_file ("mine.md", "---\ntemplate-name: Mine\n---\n{{chair_address}},\n", -1);

  rst_template_store_reload (store);
  g_assert_null (rst_template_store_get_shared_error (store));
  g_assert_true (rst_template_store_get_shared_writable (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_builtin + 4);

  template = rst_template_store_lookup (store, "mission-debate");
  g_assert_nonnull (template);
  g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_SHARED);
  g_assert_cmpstr (rst_template_origin_to_string (RST_TEMPLATE_ORIGIN_SHARED), ==, "shared");
  g_assert_cmpstr (rst_template_get_name (template), ==, "Mission general debate");
  g_assert_true (rst_template_store_lookup_language (store, "mission-debate", "en") == template);
  g_assert_null (rst_template_store_lookup_language (store, "mission-debate", "fr"));

  /* Nothing hides anything: each is listed, with a note. */
  g_assert_cmpint (rst_template_get_origin (rst_template_store_lookup (store, "general-debate")), ==,
                   RST_TEMPLATE_ORIGIN_BUILTIN);
  template = rst_template_store_lookup (store, "shared:general-debate");
  g_assert_nonnull (template);
  g_assert_cmpint (rst_template_get_origin (template), ==, RST_TEMPLATE_ORIGIN_SHARED);
  g_assert_nonnull (strstr (rst_template_get_note (template), "built-in"));
  g_assert_cmpint (rst_template_get_origin (rst_template_store_lookup (store, "mine")), ==,
                   RST_TEMPLATE_ORIGIN_USER);
  template = rst_template_store_lookup (store, "shared:mine");
  g_assert_nonnull (template);
  g_assert_cmpstr (rst_template_get_name (template), ==, "The mission's");
  g_assert_nonnull (strstr (rst_template_get_note (template), "your templates"));
  /* A template with no language is for any, as the drafter's own. */
  g_assert_true (rst_template_store_lookup_language (store, "shared:mine", "ar") == template);

  /* Save as Template into the share: the file is there, not among the
   * drafter's own.
   */
  g_assert_cmpuint (count_files (users), ==, 1);
  saved = rst_template_store_save_statement_shared (store, statement, values, "Peru at the Council", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  g_assert_cmpint (rst_template_get_origin (saved), ==, RST_TEMPLATE_ORIGIN_SHARED);
  g_assert_cmpstr (rst_template_get_id (saved), ==, "peru-at-the-council");
  g_assert_cmpuint (count_files (dir), ==, 5);
  g_assert_cmpuint (count_files (users), ==, 1);
  saved_path = g_file_get_path (rst_template_get_file (saved));
  g_assert_true (g_str_has_prefix (saved_path, where));
  contents = read_file (rst_template_get_file (saved));
  g_assert_nonnull (strstr (contents, "{{delegation}} thanks you."));
  g_assert_nonnull (strstr (contents, "template-name: Peru at the Council"));

  /* Renamed where it lives. */
  renamed = rst_template_store_rename (store, "peru-at-the-council", "Peru, Council", &error);
  g_assert_no_error (error);
  g_assert_cmpint (rst_template_get_origin (renamed), ==, RST_TEMPLATE_ORIGIN_SHARED);
  g_assert_cmpstr (rst_template_get_name (renamed), ==, "Peru, Council");
  g_assert_cmpuint (count_files (dir), ==, 5);
  g_assert_cmpuint (count_files (users), ==, 1);

  g_assert_true (rst_template_store_delete (store, "peru-at-the-council", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir), ==, 4);
  g_assert_null (rst_template_store_lookup (store, "peru-at-the-council"));

  /* No folder set: the delegation's templates go. */
  rst_template_store_set_shared_directory (store, NULL);
  g_assert_null (rst_template_store_lookup (store, "mission-debate"));
  g_assert_null (rst_template_store_get_shared_error (store));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_builtin + 1);

  /* A file where the folder should be. */
  {
    g_autoptr(GFile) file = g_file_get_child (dir, "mission-debate.md");
    g_autofree char *file_where = g_file_get_parse_name (file);

    rst_template_store_set_shared_directory (store, file);
    g_assert_true (g_error_matches (rst_template_store_get_shared_error (store), G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY));
    g_assert_nonnull (strstr (rst_template_store_get_shared_error (store)->message, file_where));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, n_builtin + 1);
  }
}

/* A share mounted read-only: its templates are used, Save as Template
 * cannot write there and the store says so beforehand.
 */
static void
test_shared_folder_read_only (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  g_autoptr(GFile) dir = shared_dir ();
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (dir);
  gboolean writable = TRUE;

  g_assert_true (g_file_make_directory_with_parents (dir, NULL, &error));
  g_assert_no_error (error);
  write_shared_file (dir, "mission-debate.md", "---\ntemplate-name: Mission general debate\n---\nThank you.\n");
  g_assert_cmpint (g_chmod (path, 0555), ==, 0);

  g_assert_true (rst_template_store_probe_folder (dir, &writable, &error));
  g_assert_no_error (error);
  if (writable)
    {
      /* root writes anywhere: access(2) says so too. */
      g_chmod (path, 0755);
      g_test_skip ("A read-only folder is writable for this user (root)");
      return;
    }

  rst_template_store_set_shared_directory (store, dir);
  g_assert_null (rst_template_store_get_shared_error (store));
  g_assert_false (rst_template_store_get_shared_writable (store));
  g_assert_nonnull (rst_template_store_lookup (store, "mission-debate"));
  g_assert_null (rst_template_store_save_statement_shared (store, "Thank you.\n", values, "Peru", NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (count_files (dir), ==, 1);

  g_chmod (path, 0755);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/template-store/builtins", test_builtins);
  g_test_add_func ("/template-store/persist-across-reload", test_persist_across_reload);
  g_test_add_func ("/template-store/save-statement", test_save_statement);
  g_test_add_func ("/template-store/import-export", test_import_export);
  g_test_add_func ("/template-store/malformed-user-files", test_malformed_user_files);
  g_test_add_func ("/template-store/builtin-id-conflict", test_builtin_id_conflict);
  g_test_add_func ("/template-store/write-file", test_write_file);
  g_test_add_func ("/template-store/shared-folder", test_shared_folder);
  g_test_add_func ("/template-store/shared-folder-read-only", test_shared_folder_read_only);

  return g_test_run ();
}
