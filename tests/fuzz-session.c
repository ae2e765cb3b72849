/* fuzz-session.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over the session file reader, from bytes
 * (rst_draft_store_parse_session(), what rst_draft_store_read_session()
 * does once the file is read; the session restore in src/ui only
 * consumes its tabs). Beyond crashes, sanitizer reports and time (every
 * count read from disk is capped), it aborts when the tabs break what
 * the restore relies on: at most RST_SESSION_MAX_TABS, each with a file
 * or a draft, a draft id that names a file inside the drafts folder, a
 * window number below the cap; and when the tabs written back as a
 * session file do not read as the same tabs.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rst-draft-store.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

#define REQUIRE(cond) G_STMT_START { if (!(cond)) { g_printerr ("invariant failed: %s\n", #cond); abort (); } } G_STMT_END

/* Never written to: the parser reads bytes, and the store only makes
 * paths from the directory.
 */
static RstDraftStore *store;
static char *drafts_dir;

/* The reader warns, once, about a file naming more tabs than it opens:
 * that is expected here. Anything else it logs is a finding.
 */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (strcmp (fields[i].key, "MESSAGE") == 0)
      message = fields[i].value;

  if ((level & G_LOG_LEVEL_WARNING) != 0 && message != NULL &&
      g_str_has_prefix (message, "The session file names "))
    return G_LOG_WRITER_HANDLED;
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING)) != 0)
    {
      g_printerr ("unexpected log message: %s\n", message != NULL ? message : "?");
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
  store = rst_draft_store_new ("/nonexistent/rostrum-fuzz");
  drafts_dir = g_build_filename (rst_draft_store_get_directory (store), "drafts", NULL);
  return 0;
}

static void
check_tabs (GPtrArray *tabs)
{
  REQUIRE (tabs->len <= RST_SESSION_MAX_TABS);

  for (guint i = 0; i < tabs->len; i++)
    {
      RstSessionTab *tab = g_ptr_array_index (tabs, i);

      REQUIRE (tab->uri != NULL || tab->draft_id != NULL);
      REQUIRE (tab->window < RST_SESSION_MAX_TABS);
      REQUIRE (tab->selected == TRUE || tab->selected == FALSE);
      REQUIRE (tab->modified == TRUE || tab->modified == FALSE);
      if (tab->draft_id != NULL)
        {
          g_autofree char *path = rst_draft_store_dup_draft_path (store, tab->draft_id);
          g_autofree char *dir = NULL;

          /* A draft id names a file in the drafts folder, never a path. */
          REQUIRE (path != NULL);
          dir = g_path_get_dirname (path);
          REQUIRE (strcmp (dir, drafts_dir) == 0);
          REQUIRE (strchr (tab->draft_id, '/') == NULL && strcmp (tab->draft_id, "..") != 0);
        }
    }
}

static gboolean
tab_equal (const RstSessionTab *a,
           const RstSessionTab *b)
{
  return g_strcmp0 (a->uri, b->uri) == 0 &&
         g_strcmp0 (a->draft_id, b->draft_id) == 0 &&
         a->window == b->window &&
         a->selected == b->selected &&
         a->modified == b->modified;
}

/* What rst_draft_store_write_session() writes, without its queue. */
static char *
write_tabs (GPtrArray *tabs,
            gboolean   clean_exit,
            gsize     *length)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_integer (key_file, "session", "version", 1);
  g_key_file_set_boolean (key_file, "session", "clean-exit", clean_exit);
  g_key_file_set_integer (key_file, "session", "tabs", tabs->len);
  for (guint i = 0; i < tabs->len; i++)
    {
      const RstSessionTab *tab = g_ptr_array_index (tabs, i);
      g_autofree char *group = g_strdup_printf ("tab %u", i);

      g_key_file_set_integer (key_file, group, "window", tab->window);
      g_key_file_set_boolean (key_file, group, "selected", tab->selected);
      g_key_file_set_boolean (key_file, group, "modified", tab->modified);
      if (tab->uri != NULL)
        g_key_file_set_string (key_file, group, "uri", tab->uri);
      if (tab->draft_id != NULL)
        g_key_file_set_string (key_file, group, "draft", tab->draft_id);
    }

  return g_key_file_to_data (key_file, length, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) tabs = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  gboolean clean = FALSE;
  gboolean clean_again = FALSE;
  gsize length = 0;

  tabs = rst_draft_store_parse_session (store, (const char *) data, size, &clean, &error);
  if (tabs == NULL)
    {
      REQUIRE (error != NULL);
      REQUIRE (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  REQUIRE (error == NULL);
  check_tabs (tabs);

  /* Written again, as the running application would, and read back. */
  written = write_tabs (tabs, clean, &length);
  REQUIRE (written != NULL);
  again = rst_draft_store_parse_session (store, written, length, &clean_again, &error);
  if (again == NULL)
    g_printerr ("the session file written again does not read: %s\n%s\n", error->message, written);
  REQUIRE (again != NULL);
  REQUIRE (clean_again == clean);
  REQUIRE (again->len == tabs->len);
  for (guint i = 0; i < tabs->len; i++)
    REQUIRE (tab_equal (g_ptr_array_index (tabs, i), g_ptr_array_index (again, i)));

  return 0;
}
