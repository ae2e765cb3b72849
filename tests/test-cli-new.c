/* test-cli-new.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `rostrum --new` and `--list-templates` (src/cli/rst-cli-new.c) through
 * the built program: a fresh statement from a template, what it refuses,
 * and the listing scripts read.
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "rst-analysis.h"
#include "rst-council-list.h"
#include "rst-template.h"
#include "rst-template-store.h"
#include "rst-template-values.h"
#include "rst-test-command.h"

static const char *builtin_ids[] = {
  "closing-session",
  "general-debate",
  "group-statement",
  "interactive-dialogue",
  "national-aligned",
  "procedural",
  "right-of-reply",
};

/* Exit 2, nothing on stdout, one line on stderr that says @words. */
static void
assert_bad_input (RstTestRun *run,
                  const char *words)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  /* One line, saying what is wrong. */
  g_assert_true (g_str_has_prefix (run->err, "rostrum: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  g_assert_nonnull (strstr (run->err, words));
}

/* A built-in profile, from the process' list. */
static RstCouncil *
lookup_council (const char *id)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(GError) error = NULL;
  RstCouncil *council = rst_council_list_lookup (councils, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (council);
  return council;
}

static void
write_user_template (const char *name,
                     const char *data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "rostrum", "templates", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
}

static void
test_cli_list_templates (void)
{
  g_auto(RstTestRun) run = { 0 };
  g_auto(RstTestRun) again = { 0 };
  g_auto(GStrv) lines = NULL;

  rst_test_run_rostrum (&run, "--list-templates");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (builtin_ids) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[0], ==, builtin_ids[i]);
      g_assert_true (fields[1][0] != '\0');
      g_assert_cmpstr (fields[2], ==, "builtin");
      /* Every built-in is written in the six languages. */
      g_assert_cmpstr (fields[3], ==, "ar,en,es,fr,ru,zh");
    }
  g_assert_cmpstr (lines[G_N_ELEMENTS (builtin_ids)], ==, "");

  /* User templates, a broken one and one named like a built-in. */
  write_user_template ("general-debate.md", "---\ntemplate-name: Ours\n---\n{{chair_address}},\n");
  write_user_template ("broken.md", "First, {{point.\n");
  write_user_template ("mine.md", "---\ntemplate-name: Mine\nlang: fr-CA\n---\n{{chair_address}},\n");

  rst_test_run_rostrum (&again, "--list-templates");
  g_assert_cmpint (again.status, ==, 0);
  g_assert_nonnull (strstr (again.out, "\ngeneral-debate\tGeneral debate\tbuiltin\tar,en,es,fr,ru,zh\n"));
  /* A user template without a lang says none. */
  g_assert_nonnull (strstr (again.out, "\nuser:general-debate\tOurs\tuser\t\n"));
  g_assert_nonnull (strstr (again.out, "\nmine\tMine\tuser\tfr\n"));
  g_assert_nonnull (strstr (again.out, "\nbroken\tBroken\tuser\t\terror: Line 1: “{{” is not closed"));
  g_assert_nonnull (strstr (again.err, "user:general-debate"));
}

static void
test_cli_new (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "statements", NULL);
  g_autofree char *path = g_build_filename (dir, "iom-115.md", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "x.md", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(RstTemplateStore) store = rst_template_store_new ();
  RstCouncil *council = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RstTestRun) run = { 0 };
  g_auto(RstTestRun) again = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  rst_test_run_rostrum (&run, "--new", "--template", "general-debate", "--council", "iom",
               "--set", "session=115", "--set", "speaker=H.E. Ambassador Chen Xu",
               "--set", "delegation=China", "--set", "agenda-item=General debate",
               "--output", path);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "at the 115th Session of the "));
  g_assert_nonnull (strstr (contents, "\nsession: 115\n"));
  g_assert_nonnull (strstr (contents, "\ncouncil: iom\n"));
  /* Slots and unset fields stay for the drafter. */
  g_assert_nonnull (strstr (contents, "First, {{first priority"));
  g_assert_nonnull (strstr (contents, "{{speaker_title}}"));
  g_assert_null (strstr (contents, "template-name"));

  analysis = rst_analysis_new (contents, -1, NULL);
  /* The slots left are errors until the drafter fills them. */
  g_assert_cmpuint (rst_analysis_count_severity (analysis, RST_SEVERITY_ERROR), >, 0);
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "session"), ==, "115");
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "agenda-item"), ==, "General debate");
  g_assert_cmpstr (rst_analysis_get_detail (analysis, "speaker"), ==, "H.E. Ambassador Chen Xu");
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 115);

  /* The same as filling through the library. */
  council = lookup_council ("iom");
  g_hash_table_insert (values, g_strdup ("session"), g_strdup ("115"));
  g_hash_table_insert (values, g_strdup ("speaker"), g_strdup ("H.E. Ambassador Chen Xu"));
  g_hash_table_insert (values, g_strdup ("delegation"), g_strdup ("China"));
  g_hash_table_insert (values, g_strdup ("agenda_item"), g_strdup ("General debate"));
  rst_template_values_add_council (values, council, "en");
  expected = rst_template_fill (rst_template_store_lookup (store, "general-debate"), values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);

  /* Never overwrite. */
  rst_test_run_rostrum (&again, "--new", "--template", "right-of-reply", "--output", path);
  assert_bad_input (&again, "already exists");
  {
    g_autofree char *after = NULL;

    g_file_get_contents (path, &after, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (after, ==, contents);
  }

  {
    g_auto(RstTestRun) bad = { 0 };

    rst_test_run_rostrum (&bad, "--new", "--template", "no-such-template", "--output", missing);
    assert_bad_input (&bad, "no-such-template");
  }
  {
    g_auto(RstTestRun) bad = { 0 };
    g_autofree char *other = g_build_filename (dir, "other.md", NULL);

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--set", "session", "--output", other);
    assert_bad_input (&bad, "KEY=VALUE");
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(RstTestRun) bad = { 0 };
    g_autofree char *other = g_build_filename (dir, "other.md", NULL);

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--set", "=115", "--output", other);
    assert_bad_input (&bad, "KEY=VALUE");
  }
  {
    g_auto(RstTestRun) bad = { 0 };
    g_autofree char *other = g_build_filename (dir, "other.md", NULL);

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--set", "sesion=115", "--output", other);
    assert_bad_input (&bad, "sesion");
  }
  {
    g_auto(RstTestRun) bad = { 0 };

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--output", missing);
    assert_bad_input (&bad, "does not exist");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(RstTestRun) bad = { 0 };
    g_autofree char *other = g_build_filename (dir, "other.md", NULL);

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--council", "nowhere", "--output", other);
    assert_bad_input (&bad, "nowhere");
  }
  {
    g_auto(RstTestRun) bad = { 0 };

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate");
    assert_bad_input (&bad, "--output");
  }

  /* Only what was written: no temporary files. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, &error);
    guint n = 0;

    g_assert_no_error (error);
    while (g_dir_read_name (listing) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 1);
  }
}

static void
test_cli_new_from_profile (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "reply.md", NULL);
  g_autofree char *keyfile_dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RstTestRun) run = { 0 };
  const char * const env[] = { "GSETTINGS_BACKEND", "keyfile", NULL };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);

  /* The delegation profile as the preferences store it. */
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  g_file_set_contents (keyfile,
                       "[io/github/rostrum/Rostrum]\n"
                       "delegation='Peru'\n"
                       "speaker='Ms. Ana Ruiz'\n"
                       "speaker-title='Deputy Permanent Representative'\n"
                       "default-council='hrc'\n",
                       -1, &error);
  g_assert_no_error (error);

  write_user_template ("reply.md",
                       "---\nsession: \"{{session}}\"\ncouncil: \"{{council_id}}\"\n---\n"
                       "{{chair_address}},\n\n{{delegation}}, by {{speaker}}, {{speaker_title}}, "
                       "at the {{session_ordinal}} session. {{Reply}}\n\nI thank you.\n");

  /* An explicit value beats the profile. */
  rst_test_run_rostrum_env (&run, env, (const char * const[]) {
                     "--new", "--template", "reply", "--set", "speaker=Mr. Luis Vega",
                     "--set", "session=58", "--output", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\ncouncil: hrc\n"));
  g_assert_nonnull (strstr (contents, "Peru, by Mr. Luis Vega, Deputy Permanent Representative, "
                                      "at the 58th session. {{Reply}}"));
  /* The council of the profile gives the chair's address. */
  {
    RstCouncil *council = lookup_council ("hrc");
    g_autofree char *address = NULL;

    address = g_strdup_printf ("---\n%s %s,\n", rst_council_get_chair_form (council),
                               rst_council_get_chair_title (council));
    g_assert_nonnull (strstr (contents, address));
  }
}

/* --set lang=xx writes the template's version in that language, with the
 * council's words in it too.
 */
static void
test_cli_new_language (void)
{
  static const struct
  {
    const char *lang;
    const char *heading;
    const char *address;
  } cases[] = {
    { "fr", "115e session", "Monsieur le Président," },
    { "es", "115.º período de sesiones", "Señor Presidente:" },
    { "ru", "115-я сессия", "Господин Председатель" },
    { "zh", "第115届", "主席先生：" },
    { "ar", "الدورة الخامسة عشرة بعد المائة", "السيد الرئيس،" },
  };
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "languages", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("iom-115-%s.md", cases[i].lang);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *lang = g_strdup_printf ("lang=%s", cases[i].lang);
      g_autofree char *contents = NULL;
      g_autoptr(RstAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;
      g_auto(RstTestRun) run = { 0 };

      g_test_message ("--set %s", lang);
      rst_test_run_rostrum (&run, "--new", "--template", "general-debate", "--set", "council=iom",
                            "--set", "session=115", "--set", lang, "--output", path);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_cmpint (run.status, ==, 0);

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (contents, cases[i].heading));
      g_assert_nonnull (strstr (contents, cases[i].address));
      g_assert_null (strstr (contents, "{{chair_address}}"));
      g_assert_null (strstr (contents, "Session of the"));

      analysis = rst_analysis_new (contents, -1, NULL);
      g_assert_cmpstr (rst_analysis_get_language (analysis), ==, cases[i].lang);
      g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
      g_assert_cmpuint (rst_analysis_get_session (analysis), ==, 115);
    }

  /* A language Rostrum has no rules for is a usage error. */
  {
    g_autofree char *path = g_build_filename (dir, "de.md", NULL);
    g_auto(RstTestRun) bad = { 0 };

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--set", "lang=de",
                          "--output", path);
    assert_bad_input (&bad, "lang=de");
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* `--set council=…` is `--council …`: the id, in any case, or the
 * profile's name, resolved through the council list, so that the
 * profile's name and the chair's address fill the template, never
 * "of the iom" and a "{{chair_address}}" left behind.
 */
static void
test_cli_new_set_council (void)
{
  static const char * const spellings[] = {
    "council=iom", "council=IOM", "council_id=iom", "council=IOM Council",
  };
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "set-council", NULL);
  g_autofree char *reference_path = g_build_filename (dir, "council.md", NULL);
  g_autofree char *reference = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RstTestRun) run = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  rst_test_run_rostrum (&run, "--new", "--template", "general-debate", "--council", "iom",
                        "--set", "session=115", "--output", reference_path);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (reference_path, &reference, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (reference, "at the 115th Session of the IOM Council"));
  g_assert_nonnull (strstr (reference, "\n\nMr. Chairperson,\n"));

  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *name = g_strdup_printf ("set-%u.md", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(RstAnalysis) analysis = NULL;
      g_auto(RstTestRun) set = { 0 };

      g_test_message ("--set %s", spellings[i]);
      rst_test_run_rostrum (&set, "--new", "--template", "general-debate", "--set", spellings[i],
                            "--set", "session=115", "--output", path);
      g_assert_cmpstr (set.err, ==, "");
      g_assert_cmpint (set.status, ==, 0);

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, reference);
      g_assert_null (strstr (contents, "of the iom"));
      g_assert_null (strstr (contents, "{{chair_address}}"));
      g_assert_null (strstr (contents, "{{council}}"));

      analysis = rst_analysis_new (contents, -1, NULL);
      g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
    }

  /* A council no profile answers to is a usage error, as --council's. */
  {
    g_autofree char *path = g_build_filename (dir, "nowhere.md", NULL);
    g_auto(RstTestRun) bad = { 0 };

    rst_test_run_rostrum (&bad, "--new", "--template", "general-debate", "--set", "council=nowhere",
                          "--output", path);
    assert_bad_input (&bad, "nowhere");
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

/* The delegation's shared folder of Preferences: --list-templates lists
 * its templates as "shared", --new fills them; a folder that is not
 * there lists nothing and is no error.
 */
static void
test_cli_shared_templates (void)
{
  g_autofree char *share = g_build_filename (g_get_user_cache_dir (), "mission-share", NULL);
  g_autofree char *template_path = g_build_filename (share, "mission-debate.md", NULL);
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "mission.md", NULL);
  g_autofree char *keyfile_dir = g_build_filename (g_get_user_config_dir (), "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  g_autofree char *settings = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(RstTestRun) list = { 0 };
  g_auto(RstTestRun) run = { 0 };
  g_auto(RstTestRun) missing = { 0 };
  const char * const env[] = { "GSETTINGS_BACKEND", "keyfile", NULL };

  g_assert_cmpint (g_mkdir_with_parents (share, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  g_file_set_contents (template_path,
                       "---\ntemplate-name: Mission general debate\nlang: en\n---\n"
                       "{{chair_address}},\n\n{{delegation}} thanks you.\n\nI thank you.\n",
                       -1, &error);
  g_assert_no_error (error);
  settings = g_strdup_printf ("[io/github/rostrum/Rostrum]\n"
                              "shared-templates-folder='%s'\n"
                              "delegation='Peru'\n", share);
  g_file_set_contents (keyfile, settings, -1, &error);
  g_assert_no_error (error);

  rst_test_run_rostrum_env (&list, env, (const char * const[]) { "--list-templates", NULL });
  g_assert_cmpint (list.status, ==, 0);
  g_assert_nonnull (strstr (list.out, "\nmission-debate\tMission general debate\tshared\ten\n"));
  g_assert_nonnull (strstr (list.out, "general-debate\tGeneral debate\tbuiltin\t"));

  rst_test_run_rostrum_env (&run, env, (const char * const[]) {
                              "--new", "--template", "mission-debate", "--council", "iom",
                              "--output", path, NULL });
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "---\nlang: en\n---\nMr. Chairperson,\n\nPeru thanks you.\n\nI thank you.\n");

  /* Not mounted: the rest as ever, and nothing on stderr. */
  g_clear_pointer (&settings, g_free);
  settings = g_strdup_printf ("[io/github/rostrum/Rostrum]\n"
                              "shared-templates-folder='%s/not-there'\n", share);
  g_file_set_contents (keyfile, settings, -1, &error);
  g_assert_no_error (error);
  rst_test_run_rostrum_env (&missing, env, (const char * const[]) { "--list-templates", NULL });
  g_assert_cmpint (missing.status, ==, 0);
  g_assert_cmpstr (missing.err, ==, "");
  g_assert_null (strstr (missing.out, "mission-debate"));
  g_assert_nonnull (strstr (missing.out, "general-debate\tGeneral debate\tbuiltin\t"));

  g_assert_cmpint (g_unlink (keyfile), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli-new/list-templates", test_cli_list_templates);
  g_test_add_func ("/cli-new/new", test_cli_new);
  g_test_add_func ("/cli-new/new-from-profile", test_cli_new_from_profile);
  g_test_add_func ("/cli-new/new-language", test_cli_new_language);
  g_test_add_func ("/cli-new/set-council", test_cli_new_set_council);
  g_test_add_func ("/cli-new/shared-templates", test_cli_shared_templates);

  return g_test_run ();
}
