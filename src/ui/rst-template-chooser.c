/* rst-template-chooser.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "rst-front-matter.h"
#include "rst-language.h"
#include "rst-rules.h"
#include "rst-template-chooser-private.h"
#include "rst-template-name-dialog.h"
#include "rst-template-values.h"
#include "rst-text-file.h"
#include "rst-writing.h"

G_DEFINE_FINAL_TYPE (RstTemplateChooser, rst_template_chooser, ADW_TYPE_WINDOW)

static void rst_template_chooser_update_preview (RstTemplateChooser *self);
static GtkWidget *rst_template_chooser_create_row (gpointer item,
                                                   gpointer user_data);
static void rst_template_chooser_search_changed (RstTemplateChooser *self);

/**
 * rst_template_chooser_get_store:
 *
 * Returns: (transfer none): the templates the chooser lists
 */
RstTemplateStore *
rst_template_chooser_get_store (RstTemplateChooser *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);

  return self->store;
}

/* Template @id as the chooser lists it: in its language, or itself (a
 * user template written in none, one that cannot be read).
 */
static RstTemplate *
rst_template_chooser_get_version (RstTemplateChooser *self,
                                  const char         *id)
{
  RstTemplate *version = rst_template_store_lookup_language (self->store, id, self->lang);

  return version != NULL ? version : rst_template_store_lookup (self->store, id);
}

/**
 * rst_template_chooser_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected template
 */
RstTemplate *
rst_template_chooser_get_selected (RstTemplateChooser *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);

  if (gtk_list_box_get_selected_row (self->list_box) == NULL || self->selected_id == NULL)
    return NULL;

  /* The store holds its templates for as long as the chooser lives. */
  return rst_template_chooser_get_version (self, self->selected_id);
}

gboolean
rst_template_chooser_select_template (RstTemplateChooser *self,
                                      const char         *template_id)
{
  guint n;

  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), FALSE);
  g_return_val_if_fail (template_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_str_equal (rst_template_get_id (template), template_id) &&
          rst_template_get_error (template) == NULL)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

          gtk_list_box_select_row (self->list_box, row);
          return TRUE;
        }
    }

  return FALSE;
}

static void
rst_template_chooser_select_first (RstTemplateChooser *self)
{
  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (row == NULL)
        break;
      if (gtk_list_box_row_get_selectable (row))
        {
          gtk_list_box_select_row (self->list_box, row);
          return;
        }
    }

  rst_template_chooser_update_preview (self);
}

/* After a search or a change of the store, the same template if it is
 * still there, else the first usable one.
 */
static void
rst_template_chooser_reselect (RstTemplateChooser *self)
{
  g_autofree char *id = g_strdup (self->selected_id);

  if (id == NULL || !rst_template_chooser_select_template (self, id))
    rst_template_chooser_select_first (self);
}

gboolean
rst_template_chooser_set_council (RstTemplateChooser *self,
                                  const char         *council_id)
{
  guint position;

  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), FALSE);

  position = rst_council_list_find (self->councils, council_id);
  if (position == G_MAXUINT)
    return FALSE;

  adw_combo_row_set_selected (self->council_row, position);
  return TRUE;
}

void
rst_template_chooser_set_session (RstTemplateChooser *self,
                                  guint               session)
{
  g_return_if_fail (RST_IS_TEMPLATE_CHOOSER (self));

  gtk_spin_button_set_value (self->session_spin, session);
}

guint
rst_template_chooser_get_session (RstTemplateChooser *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), 0);

  return (guint) gtk_spin_button_get_value_as_int (self->session_spin);
}

void
rst_template_chooser_set_date (RstTemplateChooser *self,
                               const char         *date)
{
  g_return_if_fail (RST_IS_TEMPLATE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
}

void
rst_template_chooser_set_agenda_item (RstTemplateChooser *self,
                                      const char         *agenda_item)
{
  g_return_if_fail (RST_IS_TEMPLATE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->agenda_row), agenda_item ? agenda_item : "");
}

void
rst_template_chooser_set_search (RstTemplateChooser *self,
                                 const char         *search)
{
  g_return_if_fail (RST_IS_TEMPLATE_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search ? search : "");
  /* Now, not after the entry's typing delay. */
  rst_template_chooser_search_changed (self);
}

/**
 * rst_template_chooser_get_language:
 *
 * Returns: the language the templates are listed and written in
 */
const char *
rst_template_chooser_get_language (RstTemplateChooser *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);

  return self->lang;
}

/**
 * rst_template_chooser_set_language:
 * @lang: one of the six ("fr", "fr-CA" …)
 *
 * Lists the templates written in @lang, and fills them in it.
 *
 * Returns: %FALSE for a language Rostrum does not write in
 */
gboolean
rst_template_chooser_set_language (RstTemplateChooser *self,
                                   const char         *lang)
{
  const char * const *languages = rst_language_get_all ();

  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), FALSE);

  lang = rst_language_normalize (lang);
  for (guint i = 0; lang != NULL && languages[i] != NULL; i++)
    if (g_str_equal (languages[i], lang))
      {
        gtk_drop_down_set_selected (self->language_dropdown, i);
        return TRUE;
      }

  return FALSE;
}

static void
rst_template_chooser_language_changed (RstTemplateChooser *self)
{
  const char * const *languages = rst_language_get_all ();
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected >= g_strv_length ((char **) languages) || self->lang == languages[selected])
    return;

  self->lang = languages[selected];
  /* Every row again: names and languages are the new version's. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered),
                           rst_template_chooser_create_row, self, NULL);
  rst_template_chooser_reselect (self);
}

/**
 * rst_template_chooser_get_preview:
 *
 * Returns: (transfer none): the view that shows the new statement
 */
GtkTextView *
rst_template_chooser_get_preview (RstTemplateChooser *self)
{
  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);

  return GTK_TEXT_VIEW (self->preview_view);
}

/* Save as Template and a previous statement keep the statement's
 * language: one the analysis recognized is written into the details.
 */
static char *
dup_text_with_language (RstAnalysis *analysis)
{
  const char *text = rst_analysis_get_text (analysis);
  RstDetails *written = rst_analysis_get_front_matter (analysis);
  g_autoptr(RstDetails) details = NULL;
  char *with_lang;

  if (rst_details_get (written, RST_DETAIL_LANG) != NULL)
    return g_strdup (text);

  details = rst_details_copy (written);
  rst_details_set (details, RST_DETAIL_LANG, rst_analysis_get_language (analysis));
  with_lang = rst_front_matter_replace (text, rst_analysis_get_length (analysis), details, NULL);

  return with_lang != NULL ? with_lang : g_strdup (text);
}

/* Explicit details first, then the delegation profile, then the council:
 * rst_template_values_set_default() keeps the first value given.
 */
static GHashTable *
rst_template_chooser_values (RstTemplateChooser *self)
{
  GHashTable *values = rst_template_values_new ();
  guint session = rst_template_chooser_get_session (self);

  if (session > 0)
    {
      g_autofree char *number = g_strdup_printf ("%u", session);

      rst_template_values_set_default (values, "session", number);
    }
  {
    g_autofree char *date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
    g_autofree char *item = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->agenda_row))));

    rst_template_values_set_default (values, "date", date);
    rst_template_values_set_default (values, "agenda_item", item);
  }

  rst_template_values_add_delegation (values, rst_analysis_context_get_delegation (self->context));
  {
    RstTemplate *template = rst_template_chooser_get_selected (self);

    rst_template_values_add_council (values, adw_combo_row_get_selected_item (self->council_row),
                                     template != NULL && rst_template_get_lang (template) != NULL
                                     ? rst_template_get_lang (template) : self->lang);
  }

  return values;
}

char *
rst_template_chooser_dup_text (RstTemplateChooser *self)
{
  g_autoptr(GHashTable) values = NULL;
  RstTemplate *template;

  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);

  template = rst_template_chooser_get_selected (self);
  if (template == NULL || rst_template_get_error (template) != NULL)
    return NULL;

  values = rst_template_chooser_values (self);
  return rst_template_fill (template, values, NULL);
}

/* The statement as the editor will show it: its body, in its direction;
 * the details go to the Details panel.
 */
static void
rst_template_chooser_update_preview (RstTemplateChooser *self)
{
  g_autofree char *text = rst_template_chooser_dup_text (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview_view));
  RstTemplate *template = rst_template_chooser_get_selected (self);
  const char *lang = template != NULL && rst_template_get_lang (template) != NULL
                     ? rst_template_get_lang (template) : self->lang;
  g_autoptr(RstDetails) details = NULL;
  gsize body = 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.create", text != NULL);

  if (text == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_stack_set_visible_child_name (self->preview_stack, "empty");
      return;
    }

  /* As the editor will show it: the body, the details apart. */
  details = rst_front_matter_split (text, strlen (text), NULL, &body);
  gtk_text_buffer_set_text (buffer, text + body, -1);
  gtk_widget_set_direction (GTK_WIDGET (self->preview_view),
                            rst_writing_is_rtl (rst_writing_get (lang)) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR);
  gtk_stack_set_visible_child_name (self->preview_stack, "text");
}

/* The preview looks like the editor, in light and dark alike. */
static void
rst_template_chooser_update_style_scheme (RstTemplateChooser *self)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GtkSourceStyleScheme *scheme;

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "rostrum-dark" : "rostrum-light");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");

  gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview_view))),
                                      scheme);
}

static void
rst_template_chooser_update_session (RstTemplateChooser *self)
{
  guint session = rst_template_chooser_get_session (self);
  RstTemplate *template = rst_template_chooser_get_selected (self);

  if (session > 0)
    {
      const char *lang = template != NULL ? rst_template_get_lang (template) : NULL;
      g_autofree char *ordinal = rst_rules_format_session_ordinal (rst_rules_get (lang), session);
      /* Translators: "115th session", how the number reads in the statement */
      g_autofree char *subtitle = g_strdup_printf (_("%s session"), ordinal);

      adw_action_row_set_subtitle (self->session_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->session_row, _("None: left for you to fill in"));

  rst_template_chooser_update_preview (self);
}

static void
rst_template_chooser_row_selected (RstTemplateChooser *self,
                                   GtkListBoxRow      *row)
{
  if (row != NULL)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (G_LIST_MODEL (self->filtered),
                                                               gtk_list_box_row_get_index (row));

      if (template != NULL)
        {
          g_free (self->selected_id);
          self->selected_id = g_strdup (rst_template_get_id (template));
        }
    }

  rst_template_chooser_update_session (self);
}

static GMenuModel *
rst_template_chooser_row_menu (RstTemplateChooser *self,
                               RstTemplate        *template)
{
  GMenu *menu = g_menu_new ();
  GVariant *target = g_variant_new_string (rst_template_get_id (template));
  /* The delegation's can be changed where the share can be written. */
  gboolean user = rst_template_get_origin (template) == RST_TEMPLATE_ORIGIN_USER ||
                  (rst_template_get_origin (template) == RST_TEMPLATE_ORIGIN_SHARED &&
                   rst_template_store_get_shared_writable (self->store));
  gboolean broken = rst_template_get_error (template) != NULL;
  struct {
    const char *label;
    const char *action;
    gboolean    shown;
  } items[] = {
    { N_("_Rename…"), "chooser.rename", user && !broken },
    { N_("D_uplicate"), "chooser.duplicate", !broken },
    { N_("_Export…"), "chooser.export", !broken },
    { N_("_Delete"), "chooser.delete", user },
  };

  g_variant_ref_sink (target);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!items[i].shown)
        continue;
      item = g_menu_item_new (_(items[i].label), NULL);
      g_menu_item_set_action_and_target_value (item, items[i].action, target);
      g_menu_append_item (menu, item);
    }
  g_variant_unref (target);

  return G_MENU_MODEL (menu);
}

static GtkWidget *
rst_template_chooser_create_row (gpointer item,
                                 gpointer user_data)
{
  RstTemplateChooser *self = user_data;
  RstTemplate *template = rst_template_chooser_get_version (self, rst_template_get_id (item));
  const GError *error = rst_template_get_error (template);
  const char *note = rst_template_get_note (template);
  const char *description = rst_template_get_description (template);
  g_autoptr(GMenuModel) menu = rst_template_chooser_row_menu (self, template);
  const char *lang = rst_template_get_lang (template);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rst_template_get_name (template));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (error != NULL)
    {
      /* Listed, so that its author learns what is wrong, but not usable. */
      GtkWidget *icon = gtk_image_new_from_icon_name (rst_severity_get_icon_name (RST_SEVERITY_ERROR));

      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_set_tooltip_text (row, error->message);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  else if (note != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (rst_severity_get_icon_name (RST_SEVERITY_WARNING));

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, note);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
    }
  else if (description != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
    }

  /* The language it is written in, by its own name. */
  if (lang != NULL)
    {
      GtkWidget *label = gtk_label_new (rst_writing_get_autonym (rst_writing_get (lang)));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  if (rst_template_get_origin (template) == RST_TEMPLATE_ORIGIN_USER)
    {
      GtkWidget *label = gtk_label_new (_("Yours"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else if (rst_template_get_origin (template) == RST_TEMPLATE_ORIGIN_SHARED)
    {
      /* Translators: marks a template of the delegation's shared folder */
      GtkWidget *label = gtk_label_new (_("Delegation’s"));
      g_autofree char *folder = g_file_get_parse_name (rst_template_store_get_shared_directory (self->store));
      /* Translators: a tooltip, with the shared folder's path */
      g_autofree char *tooltip = g_strdup_printf (_("Shared by the delegation in %s"), folder);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (label, tooltip);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("More"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Template actions"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static gboolean
rst_template_chooser_filter (gpointer item,
                             gpointer user_data)
{
  RstTemplateChooser *self = user_data;
  RstTemplate *template = item;
  const char *fields[3];

  /* Written in the language chosen; one that cannot be read is listed
   * for its author to see why.
   */
  if (rst_template_get_error (template) == NULL &&
      rst_template_store_lookup_language (self->store, rst_template_get_id (template), self->lang) == NULL)
    return FALSE;
  template = rst_template_chooser_get_version (self, rst_template_get_id (template));

  if (self->search == NULL || self->search[0] == '\0')
    return TRUE;

  fields[0] = rst_template_get_name (template);
  fields[1] = rst_template_get_description (template);
  fields[2] = rst_template_get_id (template);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *folded = fields[i] != NULL ? g_utf8_casefold (fields[i], -1) : NULL;

      if (folded != NULL && strstr (folded, self->search) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
rst_template_chooser_search_changed (RstTemplateChooser *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_free (self->search);
  self->search = g_utf8_casefold (text, -1);
  g_strstrip (self->search);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * rst_template_chooser_import_statement:
 * @statement_file: a statement of an earlier session
 *
 * "From a previous statement": keeps @statement_file as a user template
 * and proposes the session after its own, for the same council.
 *
 * Returns: (transfer full) (nullable): the template
 */
RstTemplate *
rst_template_chooser_import_statement (RstTemplateChooser  *self,
                                       GFile               *statement_file,
                                       GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  RstTemplate *template;
  char *dot;

  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (statement_file), NULL);

  bytes = rst_text_file_load (statement_file, NULL, error);
  if (bytes == NULL)
    return NULL;

  contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  analysis = rst_analysis_new (contents, -1, self->context);
  values = rst_template_values_new_for_analysis (analysis);
  text = dup_text_with_language (analysis);

  basename = g_file_get_basename (statement_file);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  /* Translators: the description of a template made from a statement file */
  description = g_strdup_printf (_("Made from the statement “%s”"), basename);

  template = rst_template_store_save_statement (self->store, text, values, basename, description, error);
  if (template == NULL)
    return NULL;

  /* The next statement is for the next session of the same council. */
  if (rst_analysis_get_session (analysis) > 0)
    rst_template_chooser_set_session (self, rst_analysis_get_session (analysis) + 1);
  if (rst_analysis_get_council_id (analysis) != NULL)
    rst_template_chooser_set_council (self, rst_analysis_get_council_id (analysis));
  rst_template_chooser_set_language (self, rst_analysis_get_language (analysis));

  rst_template_chooser_select_template (self, rst_template_get_id (template));

  return template;
}

/* Creating the statement. */

/**
 * rst_template_chooser_create:
 *
 * Takes the statement the preview shows: rst_template_chooser_run_finish()
 * gives it, and the chooser closes.
 *
 * Returns: (transfer full) (nullable): its text, %NULL without a usable
 *   template
 */
char *
rst_template_chooser_create (RstTemplateChooser *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (RST_IS_TEMPLATE_CHOOSER (self), NULL);

  text = rst_template_chooser_dup_text (self);
  if (text == NULL)
    return NULL;

  if (self->run != NULL)
    {
      g_autoptr(GTask) run = g_steal_pointer (&self->run);

      g_task_return_pointer (run, g_strdup (text), g_free);
    }
  gtk_window_destroy (GTK_WINDOW (self));

  return g_steal_pointer (&text);
}

static void
rst_template_chooser_create_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  g_free (rst_template_chooser_create (RST_TEMPLATE_CHOOSER (widget)));
}

static void
rst_template_chooser_search_activated (RstTemplateChooser *self)
{
  g_free (rst_template_chooser_create (self));
}

static void
rst_template_chooser_row_activated (RstTemplateChooser *self,
                                    GtkListBoxRow      *row)
{
  if (gtk_list_box_row_get_selectable (row))
    g_free (rst_template_chooser_create (self));
}

static int
rst_template_chooser_session_output (GtkSpinButton *spin)
{
  /* No session yet reads as an empty field, not "0". */
  if (gtk_spin_button_get_value_as_int (spin) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), "");
      return TRUE;
    }

  return FALSE;
}

static char *
council_name (RstCouncil *council)
{
  return g_strdup (council != NULL ? rst_council_get_name (council) : "");
}

/* The details the drafter is working with: the council and session of
 * the statement in the current tab (the next session), else the usual
 * council of the delegation profile.
 */
static void
rst_template_chooser_propose_details (RstTemplateChooser *self)
{
  RstDetails *delegation = rst_analysis_context_get_delegation (self->context);

  /* The next session of the statement at hand is in its language; any
   * other statement in the delegation's, else in the one at hand's.
   */
  if (self->current != NULL && rst_analysis_get_session (self->current) > 0)
    rst_template_chooser_set_language (self, rst_analysis_get_language (self->current));
  else if (!rst_template_chooser_set_language (self, rst_details_get (delegation, RST_DETAIL_LANG)) &&
           (self->current == NULL || rst_analysis_get_units (self->current) == 0 ||
            !rst_template_chooser_set_language (self, rst_analysis_get_language (self->current))))
    rst_template_chooser_set_language (self, "en");

  if (self->current != NULL && rst_analysis_get_session (self->current) > 0)
    rst_template_chooser_set_session (self, rst_analysis_get_session (self->current) + 1);

  if (self->current != NULL &&
      rst_template_chooser_set_council (self, rst_analysis_get_council_id (self->current)))
    return;
  if (rst_template_chooser_set_council (self, rst_details_get (delegation, RST_DETAIL_COUNCIL)))
    return;

  rst_template_chooser_set_council (self, rst_council_get_id (rst_council_list_get_generic (self->councils)));
}

/**
 * rst_template_chooser_new:
 * @parent: the window it is modal for
 * @current: (nullable): the statement the drafter is working on
 * @context: the delegation profile and council profiles to fill with
 *
 * Returns: (transfer none): the chooser, owned by GTK's list of toplevels
 */
RstTemplateChooser *
rst_template_chooser_new (GtkWindow          *parent,
                          RstAnalysis        *current,
                          RstAnalysisContext *context)
{
  RstTemplateChooser *self;
  GtkExpression *name;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (current == NULL || RST_IS_ANALYSIS (current), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  self = g_object_new (RST_TYPE_TEMPLATE_CHOOSER,
                       "transient-for", parent,
                       NULL);
  g_set_object (&self->current, current);
  self->context = rst_analysis_context_ref (context);

  self->councils = rst_analysis_context_get_councils (context);
  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (council_name), NULL, NULL);
  adw_combo_row_set_expression (self->council_row, name);
  gtk_expression_unref (name);
  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (self->councils));

  rst_template_chooser_propose_details (self);
  rst_template_chooser_select_first (self);
  rst_template_chooser_update_session (self);

  /* Typing searches; Enter creates. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

/**
 * rst_template_chooser_run_async:
 *
 * Shows a new chooser; @callback runs once the drafter created a
 * statement or closed the chooser.
 */
void
rst_template_chooser_run_async (GtkWindow           *parent,
                                RstAnalysis         *current,
                                RstAnalysisContext  *context,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  RstTemplateChooser *self = rst_template_chooser_new (parent, current, context);

  self->run = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (self->run, rst_template_chooser_run_async);
  gtk_window_present (GTK_WINDOW (self));
}

/**
 * rst_template_chooser_run_finish:
 *
 * Returns: (transfer full): the new statement's text, or %NULL with
 *   %G_IO_ERROR_CANCELLED when the chooser was closed
 */
char *
rst_template_chooser_run_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Save as Template. */

static void
save_with_name (gpointer    owner,
                const char *name,
                gpointer    data)
{
  GTask *task = owner;
  RstAnalysis *analysis = g_task_get_task_data (task);
  g_autoptr(RstTemplateStore) store = rst_template_store_new_default ();
  g_autoptr(GHashTable) values = rst_template_values_new_for_analysis (analysis);
  g_autofree char *text = dup_text_with_language (analysis);
  GError *error = NULL;
  RstTemplate *template;

  /* "Save for the Delegation" puts it in the shared folder. */
  if (data != NULL && g_str_equal (data, RST_TEMPLATE_NAME_SHARED))
    template = rst_template_store_save_statement_shared (store, text, values, name, NULL, &error);
  else
    template = rst_template_store_save_statement (store, text, values, name, NULL, &error);
  if (template == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, template, g_object_unref);
}

static void
save_cancelled (gpointer    owner,
                const char *name,
                gpointer    data)
{
  g_task_return_new_error (G_TASK (owner), G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The template was not saved"));
}

/**
 * rst_template_chooser_save_as_template_async:
 * @parent: the window it is modal for
 * @analysis: the statement to save
 *
 * "Save as Template…": asks for a name, then saves the statement in the
 * user's templates (or, if the drafter chooses, the delegation's shared
 * folder) with its known values made fields again.
 */
void
rst_template_chooser_save_as_template_async (GtkWindow           *parent,
                                             RstAnalysis         *analysis,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(RstTemplateStore) store = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RST_IS_ANALYSIS (analysis));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rst_template_chooser_save_as_template_async);
  g_task_set_task_data (task, g_object_ref (analysis), g_object_unref);

  /* The delegation's folder is offered only where it can be written:
   * Preferences says why it cannot.
   */
  store = rst_template_store_new_default ();
  rst_template_name_dialog_ask (parent, G_OBJECT (task), _("Save as Template"),
                                _("Your delegation, speaker, council, session and date become fields "
                                  "that are filled in again for the next statement."),
                                rst_analysis_get_detail (analysis, RST_DETAIL_AGENDA_ITEM), _("_Save"),
                                rst_template_store_get_shared_writable (store) ? _("Save for the _Delegation") : NULL,
                                save_with_name, save_cancelled, NULL);
}

/**
 * rst_template_chooser_save_as_template_finish:
 *
 * Returns: (transfer full): the template saved, or %NULL with the error
 *   (%G_IO_ERROR_CANCELLED when the drafter cancelled)
 */
RstTemplate *
rst_template_chooser_save_as_template_finish (GAsyncResult  *result,
                                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
rst_template_chooser_dispose (GObject *object)
{
  RstTemplateChooser *self = (RstTemplateChooser *)object;

  /* Rows and selection go away with the list box: nothing to update. */
  if (self->filtered != NULL)
    g_signal_handlers_disconnect_by_data (self->filtered, self);
  if (self->list_box != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->list_box, self);
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_TEMPLATE_CHOOSER);

  if (self->run != NULL)
    {
      g_autoptr(GTask) run = g_steal_pointer (&self->run);

      g_task_return_new_error (run, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("No statement was created"));
    }
  g_clear_object (&self->current);
  g_clear_pointer (&self->context, rst_analysis_context_unref);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_object (&self->councils);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (rst_template_chooser_parent_class)->dispose (object);
}

static void
rst_template_chooser_class_init (RstTemplateChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_template_chooser_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-template-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, list_box);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, council_row);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, session_row);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, session_spin);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, date_row);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, agenda_row);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, preview_view);
  gtk_widget_class_bind_template_child (widget_class, RstTemplateChooser, empty_page);

  gtk_widget_class_install_action (widget_class, "chooser.create", NULL, rst_template_chooser_create_action);
  _rst_template_chooser_class_actions_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rst_template_chooser_init (RstTemplateChooser *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  const char * const *langs = rst_language_get_all ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkSourceLanguage *language;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Each language by its own name, whatever the desktop's. */
  for (guint i = 0; langs[i] != NULL; i++)
    gtk_string_list_append (names, rst_writing_get_autonym (rst_writing_get (langs[i])));
  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));
  self->lang = langs[0];
  gtk_drop_down_set_selected (self->language_dropdown, 0);

  /* Read from disk each time, so that templates saved from another
   * window or by hand are there; with the delegation's shared folder.
   */
  self->store = rst_template_store_new_default ();
  self->filter = gtk_custom_filter_new (rst_template_chooser_filter, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              GTK_FILTER (self->filter));
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered),
                           rst_template_chooser_create_row, self, NULL);
  /* After the list box has rebuilt its rows. */
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (rst_template_chooser_reselect), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);


  language = gtk_source_language_manager_get_language (languages, "rostrum-statement");
  if (language != NULL)
    gtk_source_buffer_set_language (GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview_view))),
                                    language);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (rst_template_chooser_update_style_scheme), self, G_CONNECT_SWAPPED);
  rst_template_chooser_update_style_scheme (self);

  g_signal_connect_object (self->list_box, "row-selected",
                           G_CALLBACK (rst_template_chooser_row_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-activated",
                           G_CALLBACK (rst_template_chooser_row_activated), self, G_CONNECT_SWAPPED);
  /* Enter in the search field takes the template found. */
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (rst_template_chooser_search_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (rst_template_chooser_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->council_row, "notify::selected",
                           G_CALLBACK (rst_template_chooser_update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_dropdown, "notify::selected",
                           G_CALLBACK (rst_template_chooser_language_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_spin, "value-changed",
                           G_CALLBACK (rst_template_chooser_update_session), self, G_CONNECT_SWAPPED);
  g_signal_connect (self->session_spin, "output",
                    G_CALLBACK (rst_template_chooser_session_output), NULL);
  g_signal_connect_object (self->date_row, "changed",
                           G_CALLBACK (rst_template_chooser_update_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->agenda_row, "changed",
                           G_CALLBACK (rst_template_chooser_update_preview), self, G_CONNECT_SWAPPED);
}
