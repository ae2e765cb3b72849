/* rst-application.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <libxml/parser.h>
#if HAVE_MALLOC_TRIM
# include <malloc.h>
#endif

#include "rst-application.h"
#include "rst-context-settings.h"
#include "rst-release-notes.h"
#include "rst-preferences-window.h"
#include "rst-session.h"
#include "rst-window.h"

struct _RstApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  RstContextSettings *context_settings;
  /* Not one of the application's windows, which hold statements. */
  GtkWidget      *preferences;
  RstSession     *session;
};

G_DEFINE_FINAL_TYPE (RstApplication, rst_application, ADW_TYPE_APPLICATION)

RstApplication *
rst_application_new (void)
{
  return g_object_new (RST_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * rst_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
rst_application_get_settings (RstApplication *self)
{
  g_return_val_if_fail (RST_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  return self->settings;
}

/**
 * rst_application_get_analysis_context:
 *
 * Returns: (transfer none): the analysis context of Preferences, for
 *   what has no statement at hand (the template chooser from an empty
 *   window)
 */
RstAnalysisContext *
rst_application_get_analysis_context (RstApplication *self)
{
  g_return_val_if_fail (RST_IS_APPLICATION (self), NULL);

  if (self->context_settings == NULL)
    self->context_settings = rst_context_settings_new (rst_application_get_settings (self));

  return rst_context_settings_get_context (self->context_settings);
}

/**
 * rst_application_get_session:
 *
 * Returns: (transfer none) (nullable): the session, once started up
 */
RstSession *
rst_application_get_session (RstApplication *self)
{
  g_return_val_if_fail (RST_IS_APPLICATION (self), NULL);

  return self->session;
}

/* The first window of a run brings back the last session's tabs. */
static RstWindow *
rst_application_ensure_window (RstApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RST_IS_WINDOW (window))
    return RST_WINDOW (window);

  if (self->session != NULL && rst_session_restore (self->session) > 0)
    {
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
      if (RST_IS_WINDOW (window))
        return RST_WINDOW (window);
    }

  return rst_window_new (self);
}

static void
rst_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (rst_application_ensure_window (RST_APPLICATION (app))));
}

static void
rst_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  RstWindow *window = rst_application_ensure_window (RST_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    rst_window_open_file (window, files[i]);

  gtk_window_present (GTK_WINDOW (window));
}

/* GtkSourceView reads style schemes from resources only since 5.8, so
 * on older versions they come from the installed data folder, or from
 * the source tree when running uninstalled.
 */
static void
rst_application_add_style_search_paths (void)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();

  if (gtk_source_check_version (5, 8, 0))
    gtk_source_style_scheme_manager_append_search_path (schemes,
                                                        "resource://" RESOURCE_PREFIX "/styles/");
  gtk_source_style_scheme_manager_append_search_path (schemes, PKGDATADIR "/styles");
  if (g_file_test (SOURCE_DATADIR "/styles", G_FILE_TEST_IS_DIR))
    gtk_source_style_scheme_manager_append_search_path (schemes, SOURCE_DATADIR "/styles");
}

/* What GtkSourceView reads before a statement can be shown needs neither
 * GTK nor a display, so a thread reads it while GTK opens the display,
 * and nothing on the main thread touches GtkSourceView until
 * rst_application_startup() has joined it (10 ms off the first frame):
 *
 * - the language definition, which ships in GResource: finding it means
 *   reading the header of every definition installed (some 160 files);
 * - every style scheme, read on the first lookup of one;
 * - our definition's rules, compiled when a buffer first takes it.
 *   GtkSourceView keeps them only while some buffer uses the language,
 *   so the thread returns the buffer it made, which start-up holds until
 *   the first window's documents have the language too.
 */
static gpointer
rst_application_prepare_source (gpointer user_data)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceLanguage *statement;

  rst_application_add_style_search_paths ();

  gtk_source_language_manager_append_search_path (languages,
                                                  "resource://" RESOURCE_PREFIX "/language-specs/");
  statement = gtk_source_language_manager_get_language (languages, "rostrum-statement");
  if (statement == NULL)
    {
      g_warning ("The statement language definition is missing from the resources");
      return NULL;
    }

  return gtk_source_buffer_new_with_language (statement);
}

/* Whatever the source it was attached to, only to let go of @data then. */
static gboolean
rst_application_release_cb (gpointer user_data)
{
  return G_SOURCE_REMOVE;
}

/* The start screen shows the application icon, also when running
 * uninstalled.
 */
static void
rst_application_add_icon_search_path (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL && g_file_test (SOURCE_DATADIR "/icons", G_FILE_TEST_IS_DIR))
    gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (display), SOURCE_DATADIR "/icons");
}

/* Start-up frees much of what it allocates (the theme's style sheets,
 * the interface definitions, the rules, icon and font lookups), and
 * glibc keeps the freed memory in its heap for later. Once the window
 * is up, its statements loaded, checked and spell-checked, there is no
 * such later: give it back to the system (3.4 MiB of resident memory
 * with the fixture).
 */
#define TRIM_DELAY_MS 500

#if HAVE_MALLOC_TRIM
static gboolean
rst_application_trim_heap (gpointer user_data)
{
  malloc_trim (0);
  return G_SOURCE_REMOVE;
}
#endif

static void
rst_application_startup (GApplication *app)
{
  /* The accelerators GNOME users expect; the Keyboard Shortcuts window
   * (data/ui/rst-shortcuts-window.ui) lists the same ones.
   */
  static const struct {
    const char *action;
    const char *accels[4];
  } shortcuts[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.new-window", { "<Control><Alt>n", NULL } },
    { "app.reopen-closed-tab", { "<Control><Shift>t", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.new-from-template", { "<Control><Shift>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.close-page", { "<Control>w", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.find-replace", { "<Control>h", NULL } },
    { "win.find-next", { "<Control>g", NULL } },
    { "win.find-previous", { "<Control><Shift>g", NULL } },
    { "win.go-to-line", { "<Control>i", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.zoom-one", { "<Control>0", NULL } },
  };
  RstApplication *self = RST_APPLICATION (app);
  g_autoptr(RstDraftStore) store = NULL;
  GThread *source_thread;
  GtkSourceBuffer *prepared;

  /* libxml2 is initialised once, here, before two threads can use it. */
  xmlInitParser ();
  source_thread = g_thread_new ("rostrum-source", rst_application_prepare_source, NULL);

  G_APPLICATION_CLASS (rst_application_parent_class)->startup (app);

  /* Joined before gtk_source_init(), which registers the same types. */
  prepared = g_thread_join (source_thread);
  /* Low priority: once the first window and its documents are drawn. */
  if (prepared != NULL)
    g_idle_add_full (G_PRIORITY_LOW, rst_application_release_cb, prepared, g_object_unref);

  /* Its style sheets need the display. */
  gtk_source_init ();
  rst_application_add_icon_search_path ();

  store = rst_draft_store_new (NULL);
  self->session = rst_session_new (GTK_APPLICATION (app), store,
                                   rst_application_get_settings (self));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           shortcuts[i].action, shortcuts[i].accels);

#if HAVE_MALLOC_TRIM
  /* Low priority: after drawing, loading and checking, whatever they take. */
  g_timeout_add_full (G_PRIORITY_LOW, TRIM_DELAY_MS, rst_application_trim_heap, NULL, NULL);
#endif
}

static void
rst_application_new_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  RstWindow *window;

  /* A new statement opens in a tab of the current window. */
  if (RST_IS_WINDOW (active))
    {
      window = RST_WINDOW (active);
      rst_window_add_page (window);
    }
  else
    window = rst_window_new (RST_APPLICATION (user_data));

  gtk_window_present (GTK_WINDOW (window));
}

/* Quitting asks once about the unsaved changes of every window. */
static void
rst_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  RstApplication *self = RST_APPLICATION (user_data);

  if (self->session != NULL)
    rst_session_request_quit (self->session);
}

static void
rst_application_new_window_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (rst_window_new (RST_APPLICATION (user_data))));
}

static void
rst_application_shutdown (GApplication *app)
{
  RstApplication *self = RST_APPLICATION (app);

  if (self->session != NULL)
    rst_session_shutdown (self->session);

  G_APPLICATION_CLASS (rst_application_parent_class)->shutdown (app);
}

static void
rst_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  static const char *developers[] = { "The Rostrum developers https://github.com/rostrum/rostrum", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  g_autoptr(GBytes) metainfo = NULL;
  g_autofree char *notes = NULL;
  GtkWidget *about;

  /* The release notes of this version are the metainfo's, translated as
   * the software centre shows them.
   */
  metainfo = g_resources_lookup_data (RESOURCE_PREFIX "/metainfo.xml", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (metainfo != NULL)
    notes = rst_release_notes_dup (g_bytes_get_data (metainfo, NULL), g_bytes_get_size (metainfo),
                                   PACKAGE_VERSION);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "application-name", _("Rostrum"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Rostrum developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Write and check the statements delegations deliver at the councils of international organizations."),
                        "support-url", "https://github.com/rostrum/rostrum/discussions",
                        "release-notes-version", PACKAGE_VERSION,
                        "release-notes", notes,
                        "website", "https://github.com/rostrum/rostrum",
                        "issue-url", "https://github.com/rostrum/rostrum/issues",
                        "copyright", "© 2026 The Rostrum developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* One Preferences window at a time, raised again when asked twice. */
static void
rst_application_preferences_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  RstApplication *self = RST_APPLICATION (user_data);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->preferences == NULL)
    {
      GtkWidget *preferences = rst_preferences_window_new (RST_IS_WINDOW (active) ? active : NULL);

      g_set_weak_pointer (&self->preferences, preferences);
    }
  gtk_window_present (GTK_WINDOW (self->preferences));
}

static void
rst_application_dispose (GObject *object)
{
  RstApplication *self = (RstApplication *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->context_settings);
  g_clear_object (&self->settings);
  if (self->preferences != NULL)
    gtk_window_destroy (GTK_WINDOW (self->preferences));
  g_clear_weak_pointer (&self->preferences);

  G_OBJECT_CLASS (rst_application_parent_class)->dispose (object);
}

static void
rst_application_class_init (RstApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rst_application_dispose;

  app_class->activate = rst_application_activate;
  app_class->open = rst_application_open;
  app_class->startup = rst_application_startup;
  app_class->shutdown = rst_application_shutdown;
}

static void
rst_application_init (RstApplication *self)
{
  static const GActionEntry app_actions[] = {
    { "new", rst_application_new_action },
    { "quit", rst_application_quit_action },
    { "new-window", rst_application_new_window_action },
    { "about", rst_application_about_action },
    { "preferences", rst_application_preferences_action },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
}
