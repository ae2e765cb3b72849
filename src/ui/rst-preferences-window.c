/* rst-preferences-window.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-council.h"
#include "rst-writing.h"
#include "rst-council-list.h"
#include "rst-language.h"
#include "rst-rules.h"
#include "rst-preferences-window.h"
#include "rst-template-store.h"
#include "rst-view-settings.h"

/* Every row writes GSettings at once, and the editor views follow GSettings
 * (rst-view-settings.c): there is no Apply button and nothing to sync.
 * Switches are GSettings actions ("prefs.<key>") so that they are
 * keyboard- and test-drivable like any action.
 */
struct _RstPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GPtrArray            *council_ids;  /* "" first, for none */
  GPtrArray            *scheme_ids;

  /* Template widgets */
  AdwEntryRow          *delegation_row;
  AdwEntryRow          *speaker_row;
  AdwEntryRow          *speaker_title_row;
  AdwComboRow          *council_row;
  AdwComboRow          *language_row;
  GtkSpinButton        *pace_spin;
  GtkSpinButton        *character_pace_spin;
  AdwActionRow         *font_row;
  GtkFontButton        *font_button;
  AdwComboRow          *scheme_row;
  GtkSpinButton        *autosave_spin;
  AdwPreferencesGroup  *rules_group;
  AdwActionRow         *shared_folder_row;
  GtkImage             *shared_folder_warning;
  GSimpleAction        *clear_shared_folder;
};

G_DEFINE_FINAL_TYPE (RstPreferencesWindow, rst_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The information-level rules of the checker, which a drafter may find
 * noisy; warnings and errors cannot be hidden.
 */
static const struct {
  const char *code;
  const char *title;
  const char *subtitle;
} info_rules[] = {
  { "long-sentence", N_("Long Sentences"),
    N_("Sentences of more than 40 words, which interpreters struggle with") },
  { "closing-punctuation", N_("Closing Punctuation"),
    N_("A closing formula without its final full stop") },
  { "council-unknown", N_("Unknown Council"),
    N_("A council Rostrum has no profile for") },
};

static const char * const switch_keys[] = {
  "use-system-font",
  "show-line-numbers",
  "wrap-text",
  "highlight-current-line",
  "show-map",
  "restore-session",
  "spell-check",
};

GtkWidget *
rst_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (RST_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", FALSE,
                       NULL);
}

static void
rst_preferences_window_council_selected (RstPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->council_row);

  if (selected < self->council_ids->len)
    {
      const char *id = g_ptr_array_index (self->council_ids, selected);
      g_autofree char *current = g_settings_get_string (self->settings, "default-council");

      if (!g_str_equal (id, current))
        g_settings_set_string (self->settings, "default-council", id);
    }
}

static void
rst_preferences_window_sync_council (RstPreferencesWindow *self)
{
  g_autofree char *id = g_settings_get_string (self->settings, "default-council");
  guint index = 0;

  /* An id no profile has any more shows as none. */
  g_ptr_array_find_with_equal_func (self->council_ids, id, g_str_equal, &index);
  if (adw_combo_row_get_selected (self->council_row) != index)
    adw_combo_row_set_selected (self->council_row, index);
}

static void
rst_preferences_window_load_councils (RstPreferencesWindow *self)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->council_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->council_ids, g_strdup (""));
  gtk_string_list_append (names, C_("council", "None"));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (councils)); i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (G_LIST_MODEL (councils), i);

      g_ptr_array_add (self->council_ids, g_strdup (rst_council_get_id (council)));
      gtk_string_list_append (names, rst_council_get_name (council));
    }

  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (names));
  rst_preferences_window_sync_council (self);
  g_signal_connect_object (self->council_row, "notify::selected",
                           G_CALLBACK (rst_preferences_window_council_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::default-council",
                           G_CALLBACK (rst_preferences_window_sync_council), self, G_CONNECT_SWAPPED);
}

/* The delegation's language, each by its own name; "" first, for none. */
static void
rst_preferences_window_language_selected (RstPreferencesWindow *self)
{
  const char * const *languages = rst_language_get_all ();
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_autofree char *current = g_settings_get_string (self->settings, "default-language");
  const char *lang;

  if (selected == GTK_INVALID_LIST_POSITION || selected > g_strv_length ((char **) languages))
    return;

  lang = selected > 0 ? languages[selected - 1] : "";
  if (!g_str_equal (lang, current))
    g_settings_set_string (self->settings, "default-language", lang);
}

static void
rst_preferences_window_sync_language (RstPreferencesWindow *self)
{
  const char * const *languages = rst_language_get_all ();
  g_autofree char *value = g_settings_get_string (self->settings, "default-language");
  const char *lang = rst_language_normalize (value);
  guint index = 0;

  for (guint i = 0; lang != NULL && languages[i] != NULL; i++)
    if (g_str_equal (languages[i], lang))
      index = i + 1;
  if (adw_combo_row_get_selected (self->language_row) != index)
    adw_combo_row_set_selected (self->language_row, index);
}

static void
rst_preferences_window_load_languages (RstPreferencesWindow *self)
{
  const char * const *languages = rst_language_get_all ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, C_("language", "None"));
  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (names, rst_writing_get_autonym (rst_writing_get (languages[i])));

  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  rst_preferences_window_sync_language (self);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (rst_preferences_window_language_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::default-language",
                           G_CALLBACK (rst_preferences_window_sync_language), self, G_CONNECT_SWAPPED);
}

static int
compare_scheme_names (gconstpointer a,
                      gconstpointer b)
{
  GtkSourceStyleScheme *sa = *(GtkSourceStyleScheme **)a;
  GtkSourceStyleScheme *sb = *(GtkSourceStyleScheme **)b;

  /* Rostrum's own first: it is the one that shows a statement's parts. */
  if (g_str_has_prefix (gtk_source_style_scheme_get_id (sa), "rostrum"))
    return -1;
  if (g_str_has_prefix (gtk_source_style_scheme_get_id (sb), "rostrum"))
    return 1;
  return g_utf8_collate (gtk_source_style_scheme_get_name (sa), gtk_source_style_scheme_get_name (sb));
}

static void
rst_preferences_window_scheme_selected (RstPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->scheme_row);

  if (selected < self->scheme_ids->len)
    g_settings_set_string (self->settings, "style-scheme", g_ptr_array_index (self->scheme_ids, selected));
}

/* Only one of each light and dark pair is offered: the other follows the
 * system's dark mode.
 */
static void
rst_preferences_window_load_schemes (RstPreferencesWindow *self)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  const char * const *ids = gtk_source_style_scheme_manager_get_scheme_ids (manager);
  g_autoptr(GPtrArray) schemes = g_ptr_array_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = g_settings_get_string (self->settings, "style-scheme");
  GtkSourceStyleScheme *current_scheme = rst_view_settings_get_scheme (current, FALSE);
  guint selected = 0;

  self->scheme_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (manager, ids[i]);
      const char *variant = gtk_source_style_scheme_get_metadata (scheme, "variant");

      if (g_strcmp0 (variant, "dark") == 0 || (variant == NULL && g_str_has_suffix (ids[i], "-dark")))
        continue;
      g_ptr_array_add (schemes, scheme);
    }
  g_ptr_array_sort (schemes, compare_scheme_names);

  for (guint i = 0; i < schemes->len; i++)
    {
      GtkSourceStyleScheme *scheme = g_ptr_array_index (schemes, i);

      g_ptr_array_add (self->scheme_ids, g_strdup (gtk_source_style_scheme_get_id (scheme)));
      gtk_string_list_append (names, gtk_source_style_scheme_get_name (scheme));
      if (scheme == current_scheme)
        selected = i;
    }

  adw_combo_row_set_model (self->scheme_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->scheme_row, selected);
  g_signal_connect_object (self->scheme_row, "notify::selected",
                           G_CALLBACK (rst_preferences_window_scheme_selected), self, G_CONNECT_SWAPPED);
}

/* A rule's switch is on while its code is not in hidden-info-rules. */
static void
rst_preferences_window_rule_toggled (GtkSwitch            *widget,
                                     GParamSpec           *pspec,
                                     RstPreferencesWindow *self)
{
  const char *code = g_object_get_data (G_OBJECT (widget), "rule-code");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-info-rules");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  gboolean shown = gtk_switch_get_active (widget);

  if (shown != g_strv_contains ((const char * const *)hidden, code))
    return;

  for (guint i = 0; hidden[i] != NULL; i++)
    if (!g_str_equal (hidden[i], code))
      g_strv_builder_add (builder, hidden[i]);
  if (!shown)
    g_strv_builder_add (builder, code);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hidden-info-rules", (const char * const *)updated);
}

static void
rst_preferences_window_sync_rules (RstPreferencesWindow *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-info-rules");

  for (guint i = 0; i < G_N_ELEMENTS (info_rules); i++)
    {
      g_autofree char *name = g_strdup_printf ("rule-%s", info_rules[i].code);
      GtkSwitch *widget = g_object_get_data (G_OBJECT (self), name);
      gboolean shown = !g_strv_contains ((const char * const *)hidden, info_rules[i].code);

      if (gtk_switch_get_active (widget) != shown)
        gtk_switch_set_active (widget, shown);
    }
}

static void
rst_preferences_window_add_rules (RstPreferencesWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (info_rules); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *widget = gtk_switch_new ();
      g_autofree char *name = g_strdup_printf ("rule-%s", info_rules[i].code);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(info_rules[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info_rules[i].subtitle));
      gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      g_object_set_data (G_OBJECT (widget), "rule-code", (gpointer)info_rules[i].code);
      g_object_set_data (G_OBJECT (self), name, widget);
      adw_preferences_group_add (self->rules_group, row);
    }

  rst_preferences_window_sync_rules (self);
  for (guint i = 0; i < G_N_ELEMENTS (info_rules); i++)
    {
      g_autofree char *name = g_strdup_printf ("rule-%s", info_rules[i].code);

      g_signal_connect_object (g_object_get_data (G_OBJECT (self), name), "notify::active",
                               G_CALLBACK (rst_preferences_window_rule_toggled), self, G_CONNECT_DEFAULT);
    }
  g_signal_connect_object (self->settings, "changed::hidden-info-rules",
                           G_CALLBACK (rst_preferences_window_sync_rules), self, G_CONNECT_SWAPPED);
}

/* The shared templates folder --------------------------------------- */

/* What the folder gives, said in the row: a missing share (not mounted,
 * not synced yet) or a read-only one is told here, never in a dialog at
 * every start.
 */
static void
rst_preferences_window_sync_shared_folder (RstPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "shared-templates-folder");
  g_autofree char *subtitle = NULL;
  gboolean problem = FALSE;

  if (folder[0] == '\0')
    subtitle = g_strdup (_("None: templates the delegation shares, such as a synced folder, are listed beside yours"));
  else
    {
      g_autoptr(GFile) directory = g_file_new_for_commandline_arg (folder);
      g_autofree char *where = g_file_get_parse_name (directory);
      g_autoptr(GError) error = NULL;
      gboolean writable = FALSE;

      if (!rst_template_store_probe_folder (directory, &writable, &error))
        {
          subtitle = g_strdup (error->message);
          problem = TRUE;
        }
      else if (!writable)
        {
          /* Translators: the shared folder's path, then what read-only means */
          subtitle = g_strdup_printf (_("%s — read-only: its templates can be used, not saved to"), where);
          problem = TRUE;
        }
      else
        subtitle = g_steal_pointer (&where);
    }

  adw_action_row_set_subtitle (self->shared_folder_row, subtitle);

  /* Added and removed, not hidden: an empty prefix box still indents. */
  if (problem && gtk_widget_get_parent (GTK_WIDGET (self->shared_folder_warning)) == NULL)
    adw_action_row_add_prefix (self->shared_folder_row, GTK_WIDGET (self->shared_folder_warning));
  else if (!problem && gtk_widget_get_parent (GTK_WIDGET (self->shared_folder_warning)) != NULL)
    adw_action_row_remove (self->shared_folder_row, GTK_WIDGET (self->shared_folder_warning));
  g_simple_action_set_enabled (self->clear_shared_folder, folder[0] != '\0');
}

static void
rst_preferences_window_shared_folder_response (GtkNativeDialog *dialog,
                                               int              response,
                                               gpointer         user_data)
{
  g_autoptr(RstPreferencesWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *value = NULL;

      /* A path where there is one, else the URI of a remote share. */
      if (folder != NULL)
        value = g_file_is_native (folder) ? g_file_get_path (folder) : g_file_get_uri (folder);
      if (value != NULL)
        g_settings_set_string (self->settings, "shared-templates-folder", value);
    }

  g_object_unref (dialog);
}

/* GtkFileDialog is GTK 4.10: a native chooser in folder mode. */
static void
rst_preferences_window_choose_shared_folder (GSimpleAction *action,
                                             GVariant      *parameter,
                                             gpointer       user_data)
{
  RstPreferencesWindow *self = user_data;
  g_autofree char *current = g_settings_get_string (self->settings, "shared-templates-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Shared Templates Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (current[0] != '\0')
    {
      g_autoptr(GFile) folder = g_file_new_for_commandline_arg (current);

      if (g_file_query_exists (folder, NULL))
        gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (rst_preferences_window_shared_folder_response),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rst_preferences_window_clear_shared_folder (GSimpleAction *action,
                                            GVariant      *parameter,
                                            gpointer       user_data)
{
  RstPreferencesWindow *self = user_data;

  g_settings_reset (self->settings, "shared-templates-folder");
}

static void
rst_preferences_window_constructed (GObject *object)
{
  RstPreferencesWindow *self = (RstPreferencesWindow *)object;
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  G_OBJECT_CLASS (rst_preferences_window_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (switch_keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, switch_keys[i]);
      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  {
    static const GActionEntry folder_actions[] = {
      { "choose-shared-folder", rst_preferences_window_choose_shared_folder },
      { "clear-shared-folder", rst_preferences_window_clear_shared_folder },
    };

    g_action_map_add_action_entries (G_ACTION_MAP (group), folder_actions,
                                     G_N_ELEMENTS (folder_actions), self);
    self->clear_shared_folder = G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (group),
                                                                             "clear-shared-folder"));
  }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "prefs", G_ACTION_GROUP (group));

  g_settings_bind (self->settings, "delegation", self->delegation_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "speaker", self->speaker_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "speaker-title", self->speaker_title_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "words-per-minute", self->pace_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "characters-per-minute", self->character_pace_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "custom-font", self->font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "use-system-font", self->font_row, "sensitive",
                   G_SETTINGS_BIND_GET | G_SETTINGS_BIND_INVERT_BOOLEAN);
  g_settings_bind (self->settings, "autosave-delay", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);

  rst_preferences_window_load_councils (self);
  rst_preferences_window_load_languages (self);
  rst_preferences_window_load_schemes (self);
  rst_preferences_window_add_rules (self);

  self->shared_folder_warning = GTK_IMAGE (g_object_ref_sink (gtk_image_new_from_icon_name ("dialog-warning-symbolic")));
  gtk_widget_add_css_class (GTK_WIDGET (self->shared_folder_warning), "warning");
  rst_preferences_window_sync_shared_folder (self);
  g_signal_connect_object (self->settings, "changed::shared-templates-folder",
                           G_CALLBACK (rst_preferences_window_sync_shared_folder), self, G_CONNECT_SWAPPED);
}

static void
rst_preferences_window_dispose (GObject *object)
{
  RstPreferencesWindow *self = (RstPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->shared_folder_warning);
  g_clear_pointer (&self->council_ids, g_ptr_array_unref);
  g_clear_pointer (&self->scheme_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (rst_preferences_window_parent_class)->dispose (object);
}

static void
rst_preferences_window_class_init (RstPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rst_preferences_window_constructed;
  object_class->dispose = rst_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, speaker_title_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, council_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, pace_spin);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, character_pace_spin);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, font_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, font_button);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, RstPreferencesWindow, shared_folder_row);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
rst_preferences_window_init (RstPreferencesWindow *self)
{
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
}
