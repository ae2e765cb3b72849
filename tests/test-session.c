/* test-session.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drafts, the session file and restoring them, through the real windows:
 * an autosave writes the draft, a process killed with SIGKILL gets its
 * unsaved text back at the next start, a normal quit brings the tabs back,
 * and quitting lists every modified statement.
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rst-test-ui.h"
#include "rst-session.h"
#include "rst-window.h"

static RstApplication *app;

/* Each "run" of Rostrum in this process is its own application, under its
 * own id so that each can export itself on the bus.
 */
static RstApplication *
create_another_application (void)
{
  static guint counter;
  g_autofree char *id = g_strdup_printf ("%s.Run%u", APP_ID, ++counter);
  RstApplication *application = rst_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_application_id (G_APPLICATION (application), id);
  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  return application;
}

static void
spin (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
wait_until_idle (RstDocument *document)
{
  while (rst_document_get_busy (document))
    g_main_context_iteration (NULL, TRUE);
  spin ();
}

static char *
write_statement (const char *name,
                 const char *contents)
{
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

/* As a drafter types: at the cursor, through the interactive path. */
static void
type_text (RstDocument *document,
           const char  *text)
{
  gtk_text_buffer_insert_interactive_at_cursor (GTK_TEXT_BUFFER (document), text, -1, TRUE);
}

/* The whole statement, its details (which the buffer does not hold)
 * included: what drafts keep and restore.
 */
static char *
dup_text (RstDocument *document)
{
  return rst_document_dup_text (document);
}

static void
draft_written_cb (RstDraftStore  *store,
                  const char     *draft_id,
                  char          **written)
{
  g_free (*written);
  *written = g_strdup (draft_id);
}

static GPtrArray *
read_session (gboolean *clean_exit)
{
  g_autoptr(RstDraftStore) store = rst_draft_store_new (NULL);
  g_autoptr(GError) error = NULL;
  GPtrArray *tabs;

  tabs = rst_draft_store_read_session (store, clean_exit, &error);
  g_assert_no_error (error);
  return tabs;
}

static void
destroy_all_windows (RstApplication *application)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  spin ();
}

static void
test_session_autosave (void)
{
  RstSession *session;
  RstDraftStore *store;
  RstWindow *window;
  RstDocument *document;
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) draft = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *draft_id;
  gulong handler;

  RST_TEST_REQUIRE_DISPLAY ();

  session = rst_application_get_session (app);
  store = rst_session_get_draft_store (session);
  g_settings_set_uint (rst_application_get_settings (app), "autosave-delay", 1);
  handler = g_signal_connect (store, "draft-written", G_CALLBACK (draft_written_cb), &written);

  window = rst_window_new (app);
  document = rst_window_get_document (window);
  gtk_window_present (GTK_WINDOW (window));

  type_text (document, "Mr. Chairperson,\n\nFirst, ");
  type_text (document, "root causes.\n");
  draft_id = rst_session_get_draft_id (session, rst_window_get_current_page (window));
  g_assert_nonnull (draft_id);

  /* Nothing is written on the keystroke itself: only once the delay ran. */
  g_assert_null (written);
  while (written == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (written, ==, draft_id);

  draft = rst_draft_store_read_draft (store, draft_id, &error);
  g_assert_no_error (error);
  text = dup_text (document);
  g_assert_cmpmem (g_bytes_get_data (draft, NULL), g_bytes_get_size (draft), text, strlen (text));

  /* Once saved, the draft has served. */
  draft_path = rst_draft_store_dup_draft_path (store, draft_id);
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));
  path = g_build_filename (g_get_user_data_dir (), "autosaved.md", NULL);
  file = g_file_new_for_path (path);
  rst_document_save_async (document, file, NULL, NULL, NULL, NULL);
  wait_until_idle (document);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  rst_draft_store_flush (store);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  g_signal_handler_disconnect (store, handler);
  g_settings_reset (rst_application_get_settings (app), "autosave-delay");
  destroy_all_windows (app);
}

/* A discarded tab takes its draft with it. */
static void
test_session_discard_removes_draft (void)
{
  RstSession *session;
  RstDraftStore *store;
  RstWindow *window;
  RstPage *page;
  g_autofree char *draft_path = NULL;
  GtkWidget *dialog = NULL;
  GListModel *toplevels;

  RST_TEST_REQUIRE_DISPLAY ();

  session = rst_application_get_session (app);
  store = rst_session_get_draft_store (session);

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  page = rst_window_get_current_page (window);
  type_text (rst_page_get_document (page), "Thank you.\n");
  draft_path = rst_draft_store_dup_draft_path (store, rst_session_get_draft_id (session, page));
  rst_session_flush (session);
  g_assert_true (g_file_test (draft_path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-page", NULL));
  spin ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  spin ();

  /* The window stays, on its start screen. */
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  rst_draft_store_flush (store);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));

  destroy_all_windows (app);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

/* One dialog for all windows, naming every modified statement. */
static void
test_session_quit_lists_every_document (void)
{
  g_autofree char *path = write_statement ("quit-listed.md", "Madam President,\n\nI thank you.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstApplication) quitting = create_another_application ();
  RstWindow *first, *second;
  RstPage *unchanged;
  AdwMessageDialog *dialog;
  const char *body;

  RST_TEST_REQUIRE_DISPLAY ();

  first = rst_window_new (quitting);
  gtk_window_present (GTK_WINDOW (first));
  rst_window_open_file (first, file);
  wait_until_idle (rst_window_get_document (first));
  type_text (rst_window_get_document (first), "Allow me to begin. ");
  unchanged = rst_window_add_page (first);

  second = rst_window_new (quitting);
  gtk_window_present (GTK_WINDOW (second));
  type_text (rst_window_get_document (second), "An unsaved statement.\n");

  g_action_group_activate_action (G_ACTION_GROUP (quitting), "quit", NULL);
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);

  body = adw_message_dialog_get_body (dialog);
  g_test_message ("Quit dialog: %s", body);
  g_assert_nonnull (strstr (body, "quit-listed.md"));
  g_assert_nonnull (strstr (body, "New Statement"));
  /* Only modified ones: two names, not three. */
  g_assert_nonnull (strstr (body, "These statements have unsaved changes"));
  {
    guint bullets = 0;
    for (const char *p = body; (p = strstr (p, "•")) != NULL; p++)
      bullets++;
    g_assert_cmpuint (bullets, ==, 2);
  }
  g_assert_false (rst_page_get_modified (unchanged));

  /* Cancel keeps everything open. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (quitting))), ==, 2);

  /* Discard All closes every window, without a dialog per window. */
  g_action_group_activate_action (G_ACTION_GROUP (quitting), "quit", NULL);
  spin ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (quitting)));
  g_assert_null (find_dialog ());

  rst_session_shutdown (rst_application_get_session (quitting));
}

/* After a normal quit the tabs come back with restore-session on, and
 * not with it off.
 */
static void
test_session_quit_and_restore (void)
{
  g_autofree char *path = write_statement ("restored.md", "Mr. President,\n\nThank you.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) tabs = NULL;
  gboolean clean_exit = FALSE;
  RstWindow *window;

  RST_TEST_REQUIRE_DISPLAY ();

  {
    g_autoptr(RstApplication) first = create_another_application ();

    window = rst_window_new (first);
    gtk_window_present (GTK_WINDOW (window));
    rst_window_open_file (window, file);
    wait_until_idle (rst_window_get_document (window));

    g_action_group_activate_action (G_ACTION_GROUP (first), "quit", NULL);
    spin ();
    g_assert_null (gtk_application_get_windows (GTK_APPLICATION (first)));
    rst_session_shutdown (rst_application_get_session (first));
  }

  tabs = read_session (&clean_exit);
  g_assert_true (clean_exit);
  g_assert_cmpuint (tabs->len, ==, 1);
  g_assert_null (((RstSessionTab *)g_ptr_array_index (tabs, 0))->draft_id);

  {
    g_autoptr(RstApplication) second = create_another_application ();
    g_autofree char *text = NULL;
    RstDocument *document;

    g_assert_cmpuint (rst_session_restore (rst_application_get_session (second)), ==, 1);
    window = RST_WINDOW (gtk_application_get_windows (GTK_APPLICATION (second))->data);
    g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (window)), ==, 1);
    document = rst_window_get_document (window);
    wait_until_idle (document);
    g_assert_true (g_file_equal (rst_document_get_file (document), file));
    g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
    text = dup_text (document);
    /* GtkSourceView keeps the last line break implicit. */
    g_assert_cmpstr (text, ==, "Mr. President,\n\nThank you.");

    g_action_group_activate_action (G_ACTION_GROUP (second), "quit", NULL);
    spin ();
    rst_session_shutdown (rst_application_get_session (second));
  }

  {
    g_autoptr(RstApplication) third = create_another_application ();
    GSettings *settings = rst_application_get_settings (third);

    g_settings_set_boolean (settings, "restore-session", FALSE);
    g_assert_cmpuint (rst_session_restore (rst_application_get_session (third)), ==, 0);
    g_assert_null (gtk_application_get_windows (GTK_APPLICATION (third)));
    g_settings_reset (settings, "restore-session");
    rst_session_shutdown (rst_application_get_session (third));
  }
}

/* The real executable, typed into with XTEST, killed with SIGKILL, and
 * the session restored in this process from the same XDG folders.
 */
static gboolean
run_quietly (const char *command_line)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command_line, NULL, NULL, &status, &error))
    return FALSE;

  return g_spawn_check_wait_status (status, NULL);
}

static void
test_session_restore_after_sigkill (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *path = write_statement ("killed.md", "---\ncouncil: iom\n---\nMr. Chairperson,\n\nI thank you.\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *rostrum = g_getenv ("ROSTRUM_BIN");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tabs = NULL;
  g_autoptr(RstApplication) restarted = NULL;
  gboolean clean_exit = TRUE;
  gboolean focused = FALSE;
  const char *argv[] = { rostrum, path, NULL };
  GPid pid;
  guint with_draft = 0;
  RstWindow *window;
  RstDocument *document;
  g_autofree char *text = NULL;

  RST_TEST_REQUIRE_DISPLAY ();

  if (xdotool == NULL || rostrum == NULL)
    {
      g_test_skip ("xdotool or ROSTRUM_BIN missing: cannot type into the real executable");
      return;
    }

  /* Another instance in the test's own folders, without D-Bus uniqueness
   * getting in the way: the test's application is NON_UNIQUE, this one
   * owns the name.
   */
  g_spawn_async (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  /* Only a mapped window takes the focus: the title is there before the
   * window is on screen, and a busy machine (CI) shows the difference.
   */
  for (guint attempt = 0; attempt < 10 && !focused; attempt++)
    {
      if (attempt > 0)
        g_usleep (G_USEC_PER_SEC / 5);
      focused = run_quietly ("xdotool search --sync --onlyvisible --name \"killed.md\" windowactivate --sync") ||
                run_quietly ("xdotool search --sync --onlyvisible --name \"killed.md\" windowfocus --sync");
    }
  if (!focused)
    {
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
      g_test_skip ("Could not focus the window of the real executable");
      return;
    }

  /* The view takes keys once the file is loaded, and a loaded file goes
   * into the recent statements: wait for that.
   */
  {
    g_autofree char *recent = g_build_filename (g_get_user_data_dir (), "recently-used.xbel", NULL);
    g_autofree char *contents = NULL;

    while (contents == NULL || strstr (contents, "killed.md") == NULL)
      {
        g_clear_pointer (&contents, g_free);
        g_usleep (G_USEC_PER_SEC / 20);
        g_file_get_contents (recent, &contents, NULL, NULL);
      }
  }
  /* The last line break is GtkSourceView's implicit one: Return first. */
  g_assert_true (run_quietly ("xdotool key --clearmodifiers ctrl+End Return"));
  g_assert_true (run_quietly ("xdotool type --delay 5 \"Typed before the crash.\""));

  /* The draft lands within the delay, and the session names it. */
  while (with_draft == 0)
    {
      g_clear_pointer (&tabs, g_ptr_array_unref);
      g_usleep (G_USEC_PER_SEC / 10);
      tabs = read_session (&clean_exit);
      for (guint i = 0; i < tabs->len; i++)
        {
          RstSessionTab *tab = g_ptr_array_index (tabs, i);
          g_autoptr(RstDraftStore) store = rst_draft_store_new (NULL);
          g_autoptr(GBytes) draft = tab->draft_id ? rst_draft_store_read_draft (store, tab->draft_id, NULL) : NULL;

          if (draft != NULL && g_strstr_len (g_bytes_get_data (draft, NULL), g_bytes_get_size (draft),
                                             "Typed before the crash.") != NULL)
            with_draft++;
        }
    }
  g_assert_false (clean_exit);

  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);

  restarted = create_another_application ();
  g_assert_cmpuint (rst_session_restore (rst_application_get_session (restarted)), ==, 1);
  window = RST_WINDOW (gtk_application_get_windows (GTK_APPLICATION (restarted))->data);
  document = rst_window_get_document (window);
  wait_until_idle (document);
  spin ();

  text = dup_text (document);
  g_test_message ("Restored: %s", text);
  g_assert_true (g_file_equal (rst_document_get_file (document), file));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  g_assert_cmpstr (text, ==, "---\ncouncil: iom\n---\nMr. Chairperson,\n\nI thank you.\nTyped before the crash.");

  /* Undo goes back to the text on disk. */
  gtk_text_buffer_undo (GTK_TEXT_BUFFER (document));
  g_clear_pointer (&text, g_free);
  text = dup_text (document);
  g_assert_cmpstr (text, ==, "---\ncouncil: iom\n---\nMr. Chairperson,\n\nI thank you.");

  destroy_all_windows (restarted);
  rst_session_shutdown (rst_application_get_session (restarted));
}

/* What a crash leaves: a draft, and a session file naming it with its
 * file, written by a run that never quit normally.
 */
static void
leave_crashed_session (const char *draft_id,
                       GBytes     *draft,
                       const char *uri)
{
  g_autoptr(RstDraftStore) store = rst_draft_store_new (NULL);
  g_autoptr(GPtrArray) tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);

  g_ptr_array_add (tabs, rst_session_tab_new (draft_id, uri, 0, TRUE, TRUE));
  rst_draft_store_write_draft (store, draft_id, draft);
  rst_draft_store_write_session (store, tabs, FALSE);
  rst_draft_store_flush (store);
  spin ();
}

/* What a second crash right now would leave for the next start: the
 * draft holds @expected and the session file names it. Queued writes and
 * removals are let through first, as if the crash came just after them.
 */
static void
assert_draft_survives (RstDraftStore *store,
                       const char    *draft_id,
                       GBytes        *expected)
{
  g_autoptr(GPtrArray) tabs = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  gboolean named = FALSE;

  rst_draft_store_flush (store);
  on_disk = rst_draft_store_read_draft (store, draft_id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (on_disk, expected));

  tabs = read_session (NULL);
  for (guint i = 0; i < tabs->len; i++)
    named |= g_strcmp0 (((RstSessionTab *)g_ptr_array_index (tabs, i))->draft_id, draft_id) == 0;
  g_assert_true (named);
}

/* Restoring after a crash loads the file under the recovered text, which
 * clears the modified flag for a moment, and the draft is written again
 * only after the autosave delay: through all of it, and until the text
 * is saved, a second crash must still find the draft.
 */
static void
test_session_recovered_draft_survives_second_crash (void)
{
  static const char file_text[] = "Mr. Chairperson,\n\nI thank you.\n";
  static const char draft_text[] = "Mr. Chairperson,\n\nFirst, recovered after a crash.\n\nI thank you.";
  g_autofree char *path = write_statement ("second-crash.md", file_text);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *draft_id = rst_draft_store_new_draft_id ();
  g_autoptr(GBytes) draft = g_bytes_new_static (draft_text, strlen (draft_text));
  g_autoptr(RstApplication) restarted = NULL;
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_autofree char *draft_path = NULL;
  RstSession *session;
  RstDraftStore *store;
  RstWindow *window;
  RstDocument *document;
  gulong handler;

  RST_TEST_REQUIRE_DISPLAY ();

  leave_crashed_session (draft_id, draft, uri);

  restarted = create_another_application ();
  session = rst_application_get_session (restarted);
  store = rst_session_get_draft_store (session);
  g_settings_set_uint (rst_application_get_settings (restarted), "autosave-delay", 1);
  handler = g_signal_connect (store, "draft-written", G_CALLBACK (draft_written_cb), &written);

  g_assert_cmpuint (rst_session_restore (session), ==, 1);
  assert_draft_survives (store, draft_id, draft);

  window = RST_WINDOW (gtk_application_get_windows (GTK_APPLICATION (restarted))->data);
  document = rst_window_get_document (window);
  g_assert_cmpstr (rst_session_get_draft_id (session, rst_window_get_current_page (window)), ==, draft_id);

  /* Through the load, the recovered text going in, and the autosave
   * that writes the draft again.
   */
  while (rst_document_get_busy (document))
    {
      g_main_context_iteration (NULL, TRUE);
      assert_draft_survives (store, draft_id, draft);
    }
  while (g_strcmp0 (written, draft_id) != 0)
    {
      g_main_context_iteration (NULL, TRUE);
      assert_draft_survives (store, draft_id, draft);
    }
  spin ();
  assert_draft_survives (store, draft_id, draft);

  text = dup_text (document);
  g_assert_cmpstr (text, ==, draft_text);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  /* Saved: now, and only now, the draft has served. */
  rst_document_save_async (document, NULL, NULL, NULL, NULL, NULL);
  wait_until_idle (document);
  g_assert_false (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  rst_session_flush (session);
  draft_path = rst_draft_store_dup_draft_path (store, draft_id);
  g_assert_false (g_file_test (draft_path, G_FILE_TEST_EXISTS));
  {
    g_autoptr(GPtrArray) tabs = read_session (NULL);

    g_assert_cmpuint (tabs->len, ==, 1);
    g_assert_null (((RstSessionTab *)g_ptr_array_index (tabs, 0))->draft_id);
  }

  g_signal_handler_disconnect (store, handler);
  g_settings_reset (rst_application_get_settings (restarted), "autosave-delay");
  destroy_all_windows (restarted);
  rst_session_shutdown (session);
}

/* A statement imported from a Word file and never saved comes back after
 * a crash under its name, and its first save still proposes the folder
 * and name of the document it came from.
 */
static void
test_session_imported_survives_crash (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "import-fixtures", "en-iom-statement.docx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "Statement 2025.docx", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autofree char *source_uri = g_file_get_uri (source);
  g_autoptr(RstApplication) restarted = NULL;
  g_autoptr(GPtrArray) tabs = NULL;
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_autofree char *restored_text = NULL;
  g_autofree char *title = NULL;
  RstSession *session;
  RstDraftStore *store;
  RstSessionTab *tab;
  RstWindow *window;
  RstDocument *document;
  RstDocument *first;
  gsize length;
  gulong handler;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_true (g_file_get_contents (fixture, &contents, &length, NULL));
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  session = rst_application_get_session (app);
  store = rst_session_get_draft_store (session);
  g_settings_set_uint (rst_application_get_settings (app), "autosave-delay", 1);
  handler = g_signal_connect (store, "draft-written", G_CALLBACK (draft_written_cb), &written);

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, source);
  while (rst_document_get_import_source (rst_window_get_document (window)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = rst_window_get_document (window);
  text = dup_text (document);

  /* What a crash now would leave: the draft, named with its document. */
  while (written == NULL)
    g_main_context_iteration (NULL, TRUE);
  rst_session_flush (session);
  tabs = read_session (NULL);
  g_assert_cmpuint (tabs->len, ==, 1);
  tab = g_ptr_array_index (tabs, 0);
  g_assert_null (tab->uri);
  g_assert_nonnull (tab->draft_id);
  g_assert_cmpstr (tab->imported_from, ==, source_uri);

  g_signal_handler_disconnect (store, handler);
  g_settings_reset (rst_application_get_settings (app), "autosave-delay");

  /* The next run, as if this one had crashed just now. */
  first = document;
  restarted = create_another_application ();
  g_assert_cmpuint (rst_session_restore (rst_application_get_session (restarted)), ==, 1);
  window = RST_WINDOW (gtk_application_get_windows (GTK_APPLICATION (restarted))->data);
  document = rst_window_get_document (window);
  wait_until_idle (document);

  title = rst_document_dup_title (document);
  g_assert_cmpstr (title, ==, "Statement 2025.md");
  g_assert_null (rst_document_get_file (document));
  g_assert_true (g_file_equal (rst_document_get_import_source (document), source));
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));
  restored_text = dup_text (document);
  g_assert_cmpstr (restored_text, ==, text);

  destroy_all_windows (restarted);
  rst_session_shutdown (rst_application_get_session (restarted));
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (first), FALSE);
  destroy_all_windows (app);
  g_unlink (path);
}

static gboolean
label_says (GtkWidget     *widget,
            gconstpointer  words)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), words) != NULL;
}

/* Whether a label under @widget, a toast's among them, says @words. */
static gboolean
find_label (GtkWidget  *widget,
            const char *words)
{
  return rst_test_ui_find_widget (widget, label_says, words) != NULL;
}

/* A draft that is not valid UTF-8 used to open as an empty tab said to be
 * recovered, and the autosave then wrote that emptiness over it. It comes
 * back with U+FFFD, the toast says so, the bytes are kept beside it, and
 * what the autosave writes is the recovered text.
 */
static void
test_session_recover_invalid_utf8_draft (void)
{
  static const char latin1[] = "Mr. Chairperson,\n\nLe caf\xe9 est pr\xeat.";
  static const char repaired[] = "Mr. Chairperson,\n\nLe caf\xef\xbf\xbd est pr\xef\xbf\xbdt.";
  g_autofree char *draft_id = rst_draft_store_new_draft_id ();
  g_autoptr(GBytes) draft = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr(GBytes) repaired_bytes = g_bytes_new_static (repaired, sizeof repaired - 1);
  g_autoptr(RstApplication) restarted = NULL;
  g_autofree char *draft_path = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  gsize backup_length = 0;
  RstSession *session;
  RstDraftStore *store;
  RstWindow *window;
  RstDocument *document;
  gulong handler;

  RST_TEST_REQUIRE_DISPLAY ();

  leave_crashed_session (draft_id, draft, NULL);

  restarted = create_another_application ();
  session = rst_application_get_session (restarted);
  store = rst_session_get_draft_store (session);
  g_settings_set_uint (rst_application_get_settings (restarted), "autosave-delay", 1);
  handler = g_signal_connect (store, "draft-written", G_CALLBACK (draft_written_cb), &written);

  g_assert_cmpuint (rst_session_restore (session), ==, 1);
  window = RST_WINDOW (gtk_application_get_windows (GTK_APPLICATION (restarted))->data);
  document = rst_window_get_document (window);
  wait_until_idle (document);

  text = dup_text (document);
  g_assert_cmpstr (text, ==, repaired);
  g_assert_true (gtk_text_buffer_get_modified (GTK_TEXT_BUFFER (document)));

  /* The bytes as they were, beside the draft. */
  draft_path = rst_draft_store_dup_draft_path (store, draft_id);
  backup_path = g_strconcat (draft_path, ".unreadable", NULL);
  g_assert_true (g_file_get_contents (backup_path, &backup, &backup_length, NULL));
  g_assert_cmpmem (backup, backup_length, latin1, sizeof latin1 - 1);

  /* The drafter is told, and where the bytes are. */
  while (!find_label (GTK_WIDGET (window), "could not be read"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (find_label (GTK_WIDGET (window), ".unreadable"));

  /* The autosave writes the recovered text, not an empty tab. */
  while (g_strcmp0 (written, draft_id) != 0)
    g_main_context_iteration (NULL, TRUE);
  assert_draft_survives (store, draft_id, repaired_bytes);
  g_clear_pointer (&backup, g_free);
  g_assert_true (g_file_get_contents (backup_path, &backup, &backup_length, NULL));
  g_assert_cmpmem (backup, backup_length, latin1, sizeof latin1 - 1);

  g_signal_handler_disconnect (store, handler);
  g_settings_reset (rst_application_get_settings (restarted), "autosave-delay");
  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (document), FALSE);
  destroy_all_windows (restarted);
  rst_session_shutdown (session);
}

/* A session naming /dev/zero, a FIFO and a 50 MB file beside a statement:
 * none of the three is read (the FIFO would block the start, /dev/zero
 * never end), their tabs go, and one message says which and why.
 */
static void
test_session_restore_refuses_special_files (void)
{
  g_autofree char *good = write_statement ("good.md", "Mr. Chairperson,\n");
  g_autofree char *fifo = g_build_filename (g_get_user_data_dir (), "pipe.md", NULL);
  g_autofree char *large = g_build_filename (g_get_user_data_dir (), "large.md", NULL);
  const char *paths[] = { "/dev/zero", fifo, large, good };
  g_autoptr(RstDraftStore) store = rst_draft_store_new (NULL);
  g_autoptr(GPtrArray) tabs = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_session_tab_free);
  g_autoptr(RstApplication) restarted = NULL;
  g_autoptr(GFile) good_file = g_file_new_for_path (good);
  AdwMessageDialog *dialog;
  RstWindow *window;
  AdwTabView *view;
  const char *body;
  int fd;

  RST_TEST_REQUIRE_DISPLAY ();

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fd = g_open (large, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autofree char *uri = g_file_get_uri (file);

      g_ptr_array_add (tabs, rst_session_tab_new (NULL, uri, 0, i == 0, FALSE));
    }
  rst_draft_store_write_session (store, tabs, TRUE);
  rst_draft_store_flush (store);

  restarted = create_another_application ();
  rst_session_restore (rst_application_get_session (restarted));
  window = RST_WINDOW (gtk_application_get_windows (GTK_APPLICATION (restarted))->data);
  view = rst_window_get_tab_view (window);

  while ((dialog = find_dialog ()) == NULL)
    g_main_context_iteration (NULL, TRUE);
  spin ();

  g_test_message ("%s\n%s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "3 Statements Were Not Opened Again");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "“zero”: it is not a regular file"));
  g_assert_nonnull (strstr (body, "“pipe.md”: it is not a regular file"));
  g_assert_nonnull (strstr (body, "“large.md”: it is larger than"));

  /* Only the statement is left, as it is on disk. */
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 1);
  g_assert_true (g_file_equal (rst_document_get_file (rst_window_get_document (window)), good_file));
  g_assert_false (rst_page_get_modified (rst_window_get_current_page (window)));

  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_all_windows (restarted);
  rst_session_shutdown (rst_application_get_session (restarted));
  g_unlink (fifo);
  g_unlink (large);
}

/* Another program deletes the file, writes it again, changes it: the tab
 * says the file is gone, and Reload takes the new text.
 */
static void
test_session_outside_changes (void)
{
  g_autofree char *path = write_statement ("outside.md", "Mr. Chairperson,\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  RstWindow *window;
  RstDocument *document;
  AdwTabPage *tab;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  rst_window_open_file (window, file);
  document = rst_window_get_document (window);
  wait_until_idle (document);
  tab = adw_tab_view_get_selected_page (rst_window_get_tab_view (window));
  g_assert_null (adw_tab_page_get_indicator_icon (tab));

  g_assert_cmpint (g_unlink (path), ==, 0);
  while (adw_tab_page_get_indicator_icon (tab) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("Deleted: %s", adw_tab_page_get_indicator_tooltip (tab));
  g_assert_nonnull (strstr (adw_tab_page_get_indicator_tooltip (tab), "deleted or moved"));

  g_file_set_contents (path, "Madam President,\n", -1, &error);
  g_assert_no_error (error);
  while (adw_tab_page_get_indicator_icon (tab) != NULL)
    g_main_context_iteration (NULL, TRUE);

  /* The drafter's text stays until they reload. */
  text = dup_text (document);
  g_assert_cmpstr (text, ==, "Mr. Chairperson,");
  g_action_group_activate_action (G_ACTION_GROUP (app), "reload-file", g_variant_new_string (uri));
  wait_until_idle (document);
  g_clear_pointer (&text, g_free);
  text = dup_text (document);
  g_assert_cmpstr (text, ==, "Madam President,");

  destroy_all_windows (app);
}

/* Tabs move between windows with their text and draft; closed ones
 * come back.
 */
static void
test_session_tabs (void)
{
  g_autofree char *path = write_statement ("tabs.md", "Mr. Chairperson,\n");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RstApplication) tabbed = create_another_application ();
  RstSession *session = rst_application_get_session (tabbed);
  g_autofree char *draft_id = NULL;
  RstWindow *window, *other;
  RstPage *moved;
  RstDocument *document;
  AdwTabView *view;
  GList *windows;

  RST_TEST_REQUIRE_DISPLAY ();

  window = rst_window_new (tabbed);
  gtk_window_present (GTK_WINDOW (window));
  view = rst_window_get_tab_view (window);
  rst_window_open_file (window, file);
  wait_until_idle (rst_window_get_document (window));

  moved = rst_window_add_page (window);
  type_text (rst_page_get_document (moved), "Moving text.");
  draft_id = g_strdup (rst_session_get_draft_id (session, moved));
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 2);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "tab.move-to-new-window", NULL));
  spin ();
  windows = gtk_application_get_windows (GTK_APPLICATION (tabbed));
  g_assert_cmpuint (g_list_length (windows), ==, 2);
  other = RST_WINDOW (windows->data == window ? windows->next->data : windows->data);
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 1);
  g_assert_cmpint (adw_tab_view_get_n_pages (rst_window_get_tab_view (other)), ==, 1);
  g_assert_true (rst_window_get_current_page (other) == moved);
  g_assert_true (rst_page_get_modified (moved));
  g_assert_cmpstr (rst_session_get_draft_id (session, moved), ==, draft_id);

  /* Closing the saved tab, then bringing it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-page", NULL));
  spin ();
  g_assert_cmpint (adw_tab_view_get_n_pages (view), ==, 0);
  /* It comes back in the active window, whichever that is here. */
  rst_session_reopen_closed (session);
  spin ();
  {
    RstWindow *active = RST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (tabbed)));

    g_assert_cmpint (adw_tab_view_get_n_pages (view) + adw_tab_view_get_n_pages (rst_window_get_tab_view (other)), ==, 2);
    document = rst_window_get_document (active);
    wait_until_idle (document);
    g_assert_true (g_file_equal (rst_document_get_file (document), file));
  }

  gtk_text_buffer_set_modified (GTK_TEXT_BUFFER (rst_page_get_document (moved)), FALSE);
  destroy_all_windows (tabbed);
  rst_session_shutdown (session);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add_func ("/session/restore-after-sigkill", test_session_restore_after_sigkill);
  g_test_add_func ("/session/autosave", test_session_autosave);
  g_test_add_func ("/session/discard-removes-draft", test_session_discard_removes_draft);
  g_test_add_func ("/session/quit-lists-every-document", test_session_quit_lists_every_document);
  g_test_add_func ("/session/quit-and-restore", test_session_quit_and_restore);
  g_test_add_func ("/session/recovered-draft-survives-second-crash",
                   test_session_recovered_draft_survives_second_crash);
  g_test_add_func ("/session/recover-invalid-utf8-draft", test_session_recover_invalid_utf8_draft);
  g_test_add_func ("/session/restore-refuses-special-files", test_session_restore_refuses_special_files);
  g_test_add_func ("/session/outside-changes", test_session_outside_changes);
  g_test_add_func ("/session/tabs", test_session_tabs);
  g_test_add_func ("/session/imported-survives-crash", test_session_imported_survives_crash);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
