/* rst-details-panel.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "rst-council-list.h"
#include "rst-writing.h"
#include "rst-details-panel.h"
#include "rst-document.h"
#include "rst-language.h"
#include "rst-rules.h"
#include "rst-timing.h"

/* The details of a statement (its front matter), edited as fields:
 * drafters never edit YAML. The panel shows what the document holds
 * (rst_document_get_details()) and writes each change back through
 * rst_document_set_detail(), which makes it one undo step and checks the
 * text again. What the heading says where the details are silent (the
 * council, the session) comes from the analysis, as a suggestion the
 * drafter takes with one click. Text fields write when the drafter
 * presses Enter or leaves them, so that typing a name is one change.
 */
struct _RstDetailsPanel
{
  AdwBin              parent_instance;

  GtkSourceView      *view;
  RstDocument        *document;
  RstDocumentChecker *checker;
  gulong              details_handler;
  gulong              analysis_handler;

  RstCouncilList     *councils;
  GtkStringList      *council_names;
  /* What each council item writes: "" for none, the profile ids, and a
   * council named without a profile, kept as it is written.
   */
  GPtrArray          *council_values;
  GtkStringList      *language_names;

  guint               syncing : 1;

  /* Template widgets */
  GtkLabel           *unreadable_label;
  GtkWidget          *groups;
  AdwPreferencesGroup *problems_group;
  GtkListBox         *problems_list;
  AdwComboRow        *council_row;
  GtkWidget          *council_use;
  AdwActionRow       *session_row;
  GtkWidget          *session_use;
  GtkSpinButton      *session_spin;
  AdwActionRow       *date_row;
  GtkMenuButton      *date_button;
  GtkPopover         *date_popover;
  GtkCalendar        *date_calendar;
  GtkWidget          *date_clear;
  AdwEntryRow        *agenda_item_row;
  AdwEntryRow        *time_limit_row;
  AdwEntryRow        *delegation_row;
  AdwEntryRow        *speaker_row;
  AdwEntryRow        *title_row;
  AdwEntryRow        *chair_row;
  AdwEntryRow        *chair_form_row;
  AdwEntryRow        *delivery_mark_row;
  AdwComboRow        *language_row;
};

G_DEFINE_FINAL_TYPE (RstDetailsPanel, rst_details_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The details written as text, and the rows that write them. */
static const struct {
  const char *key;
  gsize       row;
} text_details[] = {
  { RST_DETAIL_AGENDA_ITEM, G_STRUCT_OFFSET (RstDetailsPanel, agenda_item_row) },
  { RST_DETAIL_TIME_LIMIT, G_STRUCT_OFFSET (RstDetailsPanel, time_limit_row) },
  { RST_DETAIL_DELEGATION, G_STRUCT_OFFSET (RstDetailsPanel, delegation_row) },
  { RST_DETAIL_SPEAKER, G_STRUCT_OFFSET (RstDetailsPanel, speaker_row) },
  { RST_DETAIL_TITLE, G_STRUCT_OFFSET (RstDetailsPanel, title_row) },
  { RST_DETAIL_CHAIR, G_STRUCT_OFFSET (RstDetailsPanel, chair_row) },
  { RST_DETAIL_CHAIR_FORM, G_STRUCT_OFFSET (RstDetailsPanel, chair_form_row) },
  { RST_DETAIL_DELIVERY_MARK, G_STRUCT_OFFSET (RstDetailsPanel, delivery_mark_row) },
};

#define TEXT_ROW(self, i) (*(AdwEntryRow **) G_STRUCT_MEMBER_P ((self), text_details[i].row))

static RstAnalysis *
rst_details_panel_get_analysis (RstDetailsPanel *self)
{
  return self->checker != NULL ? rst_document_checker_get_analysis (self->checker) : NULL;
}

static const char *
current_detail (RstDetailsPanel *self,
                const char      *key)
{
  RstDetails *details = self->document != NULL ? rst_document_get_details (self->document) : NULL;

  return details != NULL ? rst_details_get (details, key) : NULL;
}

static void
rst_details_panel_write (RstDetailsPanel *self,
                         const char      *key,
                         const char      *value)
{
  if (self->syncing || self->document == NULL || rst_document_get_details (self->document) == NULL)
    return;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (value, current_detail (self, key)) == 0)
    return;

  rst_document_set_detail (self->document, key, value);
}

/* Text fields ------------------------------------------------------------ */

static guint
text_detail_index (RstDetailsPanel *self,
                   AdwEntryRow     *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_details); i++)
    if (TEXT_ROW (self, i) == row)
      return i;

  g_return_val_if_reached (0);
}

/* A time limit is written only once it reads as one ("5:00"): the
 * checker's rules decide what does.
 */
static gboolean
rst_details_panel_check_time_limit (RstDetailsPanel *self,
                                    const char      *value)
{
  guint seconds;
  gboolean valid = value[0] == '\0' || rst_timing_parse (value, &seconds);

  if (valid)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->time_limit_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_limit_row), NULL);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->time_limit_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->time_limit_row),
                                   _("Write minutes and seconds, as in 5:00"));
    }

  return valid;
}

static void
rst_details_panel_commit_row (RstDetailsPanel *self,
                              AdwEntryRow     *row)
{
  guint i = text_detail_index (self, row);
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->syncing)
    return;
  if (row == self->time_limit_row && !rst_details_panel_check_time_limit (self, value))
    return;

  rst_details_panel_write (self, text_details[i].key, value);
}

static void
entry_activated_cb (AdwEntryRow     *row,
                    RstDetailsPanel *self)
{
  rst_details_panel_commit_row (self, row);
}

static void
entry_focus_left_cb (GtkEventControllerFocus *controller,
                     RstDetailsPanel         *self)
{
  rst_details_panel_commit_row (self, ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* Council ---------------------------------------------------------------- */

static void
rst_details_panel_fill_councils (RstDetailsPanel *self,
                                 const char      *unknown)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->councils));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->council_values, 0);
  g_ptr_array_add (self->council_values, g_strdup (""));
  gtk_string_list_append (names, C_("council", "None"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstCouncil) council = g_list_model_get_item (G_LIST_MODEL (self->councils), i);

      g_ptr_array_add (self->council_values, g_strdup (rst_council_get_id (council)));
      gtk_string_list_append (names, rst_council_get_name (council));
    }

  if (unknown != NULL)
    {
      /* Translators: a council named in the details that Rostrum has no profile for */
      g_autofree char *label = g_strdup_printf (_("%s (no profile)"), unknown);

      g_ptr_array_add (self->council_values, g_strdup (unknown));
      gtk_string_list_append (names, label);
    }

  g_set_object (&self->council_names, names);
  adw_combo_row_set_model (self->council_row, G_LIST_MODEL (names));
}

static void
rst_details_panel_sync_council (RstDetailsPanel *self)
{
  const char *named = current_detail (self, RST_DETAIL_COUNCIL);
  RstCouncil *council = named != NULL ? rst_council_list_resolve (self->councils, named) : NULL;
  const char *unknown = named != NULL && council == NULL ? named : NULL;
  guint position = 0;
  guint n = self->council_values->len;
  gboolean had_unknown = n > 0 && n > g_list_model_get_n_items (G_LIST_MODEL (self->councils)) + 1;

  if (unknown != NULL || had_unknown)
    rst_details_panel_fill_councils (self, unknown);

  if (council != NULL)
    g_ptr_array_find_with_equal_func (self->council_values, rst_council_get_id (council),
                                      g_str_equal, &position);
  else if (unknown != NULL)
    position = self->council_values->len - 1;

  if (adw_combo_row_get_selected (self->council_row) != position)
    adw_combo_row_set_selected (self->council_row, position);
}

static void
council_selected_cb (RstDetailsPanel *self)
{
  guint position = adw_combo_row_get_selected (self->council_row);
  const char *named = current_detail (self, RST_DETAIL_COUNCIL);
  RstCouncil *council;

  if (self->syncing || position >= self->council_values->len)
    return;

  /* The same profile under another name ("IOM", "iom") stays as written. */
  council = named != NULL ? rst_council_list_resolve (self->councils, named) : NULL;
  if (council != NULL && g_str_equal (rst_council_get_id (council), g_ptr_array_index (self->council_values, position)))
    return;

  rst_details_panel_write (self, RST_DETAIL_COUNCIL, g_ptr_array_index (self->council_values, position));
}

/* Session ---------------------------------------------------------------- */

static int
session_output_cb (GtkSpinButton *spin)
{
  /* No session yet reads as an empty field, not "0". */
  if (gtk_spin_button_get_value_as_int (spin) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (spin), "");
      return TRUE;
    }

  return FALSE;
}

static gboolean
parse_session (const char *value,
               guint64    *session)
{
  return value != NULL && g_ascii_string_to_unsigned (value, 10, 1, 9999, session, NULL);
}

static void
session_changed_cb (RstDetailsPanel *self)
{
  int session = gtk_spin_button_get_value_as_int (self->session_spin);
  const char *current = current_detail (self, RST_DETAIL_SESSION);
  g_autofree char *value = session > 0 ? g_strdup_printf ("%d", session) : NULL;
  guint64 number;

  if (self->syncing)
    return;

  /* A session the spin button cannot show ("114th") is not erased by
   * its blank.
   */
  if (session == 0 && current != NULL && !parse_session (current, &number))
    return;

  rst_details_panel_write (self, RST_DETAIL_SESSION, value);
}

static void
rst_details_panel_sync_session (RstDetailsPanel *self)
{
  const char *value = current_detail (self, RST_DETAIL_SESSION);
  guint64 session = 0;

  if (!parse_session (value, &session))
    session = 0;
  if (gtk_spin_button_get_value_as_int (self->session_spin) != (int) session)
    gtk_spin_button_set_value (self->session_spin, session);
  /* The output handler only runs on changes: 0 stays blank. */
  if (session == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->session_spin), "");
}

/* Date ------------------------------------------------------------------- */

/* The ISO 8601 date the front matter holds ("2023-11-28"). */
static GDateTime *
parse_iso_date (const char *value)
{
  unsigned year, month, day;
  char end;

  if (value == NULL || sscanf (value, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;

  return g_date_time_new_local (year, month, day, 0, 0, 0);
}

static void
rst_details_panel_sync_date (RstDetailsPanel *self)
{
  const char *value = current_detail (self, RST_DETAIL_DATE);
  g_autoptr(GDateTime) date = parse_iso_date (value);
  g_autofree char *label = NULL;

  if (date != NULL)
    {
      /* In words, the drafter's way; the file keeps ISO 8601. */
      /* Translators: a date as the Details panel shows it ("28 November 2024"), see g_date_time_format() */
      label = g_date_time_format (date, C_("date format", "%-d %B %Y"));
      gtk_calendar_select_day (self->date_calendar, date);
    }
  else if (value != NULL)
    label = g_strdup (value);
  else
    label = g_strdup (C_("date", "None"));

  gtk_menu_button_set_label (self->date_button, label);
  gtk_widget_set_sensitive (self->date_clear, value != NULL);
}

static void
date_selected_cb (RstDetailsPanel *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *value = NULL;

  if (self->syncing)
    return;

  date = gtk_calendar_get_date (self->date_calendar);
  value = g_date_time_format (date, "%Y-%m-%d");
  rst_details_panel_write (self, RST_DETAIL_DATE, value);
  gtk_popover_popdown (self->date_popover);
}

static void
date_clear_cb (RstDetailsPanel *self)
{
  rst_details_panel_write (self, RST_DETAIL_DATE, NULL);
  gtk_popover_popdown (self->date_popover);
}

/* Language --------------------------------------------------------------- */

static void
rst_details_panel_sync_language (RstDetailsPanel *self)
{
  const char * const *languages = rst_language_get_all ();
  RstAnalysis *analysis = rst_details_panel_get_analysis (self);
  const char *lang = rst_language_normalize (current_detail (self, RST_DETAIL_LANG));
  g_autofree char *recognized = NULL;
  const char *first;
  guint position = 0;

  /* "From the Text (Français)": what the analysis recognized. */
  if (analysis != NULL && lang == NULL)
    /* Translators: the language of a statement without a "lang" detail, as recognized */
    recognized = g_strdup_printf (_("From the Text (%s)"),
                                  rst_writing_get_autonym (rst_writing_get (rst_analysis_get_language (analysis))));
  else
    recognized = g_strdup (_("From the Text"));

  first = gtk_string_list_get_string (self->language_names, 0);
  if (g_strcmp0 (first, recognized) != 0)
    {
      const char * const replacement[] = { recognized, NULL };
      guint selected = adw_combo_row_get_selected (self->language_row);

      gtk_string_list_splice (self->language_names, 0, 1, replacement);
      adw_combo_row_set_selected (self->language_row, selected);
    }

  for (guint i = 0; lang != NULL && languages[i] != NULL; i++)
    if (g_str_equal (languages[i], lang))
      position = i + 1;

  if (adw_combo_row_get_selected (self->language_row) != position)
    adw_combo_row_set_selected (self->language_row, position);
}

static void
language_selected_cb (RstDetailsPanel *self)
{
  guint position = adw_combo_row_get_selected (self->language_row);
  const char * const *languages = rst_language_get_all ();

  if (self->syncing || position == GTK_INVALID_LIST_POSITION || position > g_strv_length ((char **) languages))
    return;

  /* "fr-CA" is French already. */
  if (position > 0 &&
      g_strcmp0 (rst_language_normalize (current_detail (self, RST_DETAIL_LANG)), languages[position - 1]) == 0)
    return;

  rst_details_panel_write (self, RST_DETAIL_LANG, position > 0 ? languages[position - 1] : NULL);
}

/* Suggestions and problems from the analysis ----------------------------- */

static void
rst_details_panel_sync_suggestions (RstDetailsPanel *self)
{
  RstAnalysis *analysis = rst_details_panel_get_analysis (self);
  gboolean council = analysis != NULL && current_detail (self, RST_DETAIL_COUNCIL) == NULL &&
                     rst_analysis_is_from_heading (analysis, RST_DETAIL_COUNCIL);
  gboolean session = analysis != NULL && current_detail (self, RST_DETAIL_SESSION) == NULL &&
                     rst_analysis_is_from_heading (analysis, RST_DETAIL_SESSION);

  if (council)
    {
      /* Translators: a detail read from the statement's heading, offered to the drafter */
      g_autofree char *text = g_strdup_printf (_("In the heading: %s"),
                                               rst_council_get_name (rst_analysis_get_council (analysis)));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->council_row), text);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->council_row), "");
  gtk_widget_set_visible (self->council_use, council);

  if (session)
    {
      g_autofree char *text = g_strdup_printf (_("In the heading: %u"), rst_analysis_get_session (analysis));

      adw_action_row_set_subtitle (self->session_row, text);
    }
  else
    adw_action_row_set_subtitle (self->session_row, "");
  gtk_widget_set_visible (self->session_use, session);
}

static void
use_suggestion_cb (GtkButton       *button,
                   RstDetailsPanel *self)
{
  RstAnalysis *analysis = rst_details_panel_get_analysis (self);
  const char *key = GTK_WIDGET (button) == self->council_use ? RST_DETAIL_COUNCIL : RST_DETAIL_SESSION;

  if (analysis != NULL && rst_analysis_is_from_heading (analysis, key))
    rst_details_panel_write (self, key, rst_analysis_get_detail (analysis, key));
}

/* What the analysis says about the details themselves: they are not in
 * the text, so it is here that the drafter sees it.
 */
static void
rst_details_panel_sync_problems (RstDetailsPanel *self)
{
  RstAnalysis *analysis = rst_details_panel_get_analysis (self);
  GPtrArray *diagnostics = analysis != NULL ? rst_analysis_get_diagnostics (analysis) : NULL;
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      RstSeverity severity = rst_diagnostic_get_severity (diagnostic);
      GtkWidget *row, *icon;

      /* The front matter's own problem is the page's banner. */
      if (rst_diagnostic_get_start (diagnostic) >= rst_analysis_get_body_offset (analysis) ||
          g_str_equal (rst_diagnostic_get_code (diagnostic), RST_CODE_FRONT_MATTER_INVALID))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rst_diagnostic_get_message (diagnostic));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      icon = gtk_image_new_from_icon_name (rst_severity_get_icon_name (severity));
      gtk_widget_add_css_class (icon, severity == RST_SEVERITY_ERROR ? "error"
                                      : severity == RST_SEVERITY_WARNING ? "warning" : "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      rst_severity_get_label (severity), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->problems_list, row);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
}

/* Following the document ------------------------------------------------- */

static void
rst_details_panel_sync (RstDetailsPanel *self)
{
  RstDetails *details = self->document != NULL ? rst_document_get_details (self->document) : NULL;
  gboolean editable = details != NULL;

  self->syncing = TRUE;

  gtk_widget_set_sensitive (self->groups, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->unreadable_label), self->document != NULL && !editable);

  for (guint i = 0; i < G_N_ELEMENTS (text_details); i++)
    set_entry_text (TEXT_ROW (self, i), current_detail (self, text_details[i].key));
  rst_details_panel_check_time_limit (self, gtk_editable_get_text (GTK_EDITABLE (self->time_limit_row)));

  rst_details_panel_sync_council (self);
  rst_details_panel_sync_session (self);
  rst_details_panel_sync_date (self);
  rst_details_panel_sync_language (self);
  rst_details_panel_sync_suggestions (self);

  self->syncing = FALSE;
}

static void
rst_details_panel_analysis_changed (RstDetailsPanel *self)
{
  self->syncing = TRUE;
  rst_details_panel_sync_language (self);
  rst_details_panel_sync_suggestions (self);
  rst_details_panel_sync_problems (self);
  self->syncing = FALSE;
}

static void
rst_details_panel_set_document (RstDetailsPanel *self,
                                RstDocument     *document)
{
  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->details_handler, self->document);
  if (self->checker != NULL)
    g_clear_signal_handler (&self->analysis_handler, self->checker);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_set_object (&self->checker, rst_document_get_checker (document));
  else
    g_clear_object (&self->checker);

  if (document != NULL)
    {
      self->details_handler =
        g_signal_connect_object (document, "notify::details",
                                 G_CALLBACK (rst_details_panel_sync), self, G_CONNECT_SWAPPED);
      self->analysis_handler =
        g_signal_connect_object (self->checker, "notify::analysis",
                                 G_CALLBACK (rst_details_panel_analysis_changed), self, G_CONNECT_SWAPPED);
    }

  rst_details_panel_sync (self);
  rst_details_panel_analysis_changed (self);
}

static void
rst_details_panel_buffer_changed (RstDetailsPanel *self)
{
  GtkTextBuffer *buffer = self->view != NULL ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)) : NULL;

  rst_details_panel_set_document (self, RST_IS_DOCUMENT (buffer) ? RST_DOCUMENT (buffer) : NULL);
}

/**
 * rst_details_panel_get_view:
 *
 * Returns: (transfer none) (nullable): the view whose document is edited
 */
GtkSourceView *
rst_details_panel_get_view (RstDetailsPanel *self)
{
  g_return_val_if_fail (RST_IS_DETAILS_PANEL (self), NULL);

  return self->view;
}

void
rst_details_panel_set_view (RstDetailsPanel *self,
                            GtkSourceView   *view)
{
  g_return_if_fail (RST_IS_DETAILS_PANEL (self));
  g_return_if_fail (!view || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (self->view, rst_details_panel_buffer_changed, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_swapped (view, "notify::buffer", G_CALLBACK (rst_details_panel_buffer_changed), self);

  rst_details_panel_buffer_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

gboolean
rst_details_panel_get_editable (RstDetailsPanel *self)
{
  g_return_val_if_fail (RST_IS_DETAILS_PANEL (self), FALSE);

  return self->document != NULL && rst_document_get_details (self->document) != NULL;
}

/**
 * rst_details_panel_get_row:
 *
 * Returns: (transfer none) (nullable): the row that edits @key
 */
GtkWidget *
rst_details_panel_get_row (RstDetailsPanel *self,
                           const char      *key)
{
  g_return_val_if_fail (RST_IS_DETAILS_PANEL (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (text_details); i++)
    if (g_str_equal (text_details[i].key, key))
      return GTK_WIDGET (TEXT_ROW (self, i));

  if (g_str_equal (key, RST_DETAIL_COUNCIL))
    return GTK_WIDGET (self->council_row);
  if (g_str_equal (key, RST_DETAIL_SESSION))
    return GTK_WIDGET (self->session_row);
  if (g_str_equal (key, RST_DETAIL_DATE))
    return GTK_WIDGET (self->date_row);
  if (g_str_equal (key, RST_DETAIL_LANG))
    return GTK_WIDGET (self->language_row);

  return NULL;
}

/**
 * rst_details_panel_get_session_spin:
 *
 * Returns: (transfer none): the session's spin button
 */
GtkSpinButton *
rst_details_panel_get_session_spin (RstDetailsPanel *self)
{
  g_return_val_if_fail (RST_IS_DETAILS_PANEL (self), NULL);

  return self->session_spin;
}

/**
 * rst_details_panel_get_calendar:
 *
 * Returns: (transfer none): the calendar of the date's popover
 */
GtkCalendar *
rst_details_panel_get_calendar (RstDetailsPanel *self)
{
  g_return_val_if_fail (RST_IS_DETAILS_PANEL (self), NULL);

  return self->date_calendar;
}

/**
 * rst_details_panel_get_use_button:
 *
 * Returns: (transfer none) (nullable): the button that takes the
 *   heading's suggestion for @key
 */
GtkWidget *
rst_details_panel_get_use_button (RstDetailsPanel *self,
                                  const char      *key)
{
  g_return_val_if_fail (RST_IS_DETAILS_PANEL (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (g_str_equal (key, RST_DETAIL_COUNCIL))
    return self->council_use;
  if (g_str_equal (key, RST_DETAIL_SESSION))
    return self->session_use;

  return NULL;
}

static void
rst_details_panel_dispose (GObject *object)
{
  RstDetailsPanel *self = (RstDetailsPanel *)object;

  rst_details_panel_set_view (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_DETAILS_PANEL);
  g_clear_object (&self->councils);
  g_clear_object (&self->council_names);
  g_clear_object (&self->language_names);
  g_clear_pointer (&self->council_values, g_ptr_array_unref);

  G_OBJECT_CLASS (rst_details_panel_parent_class)->dispose (object);
}

static void
rst_details_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RstDetailsPanel *self = RST_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_details_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RstDetailsPanel *self = RST_DETAILS_PANEL (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      rst_details_panel_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_details_panel_class_init (RstDetailsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_details_panel_dispose;
  object_class->get_property = rst_details_panel_get_property;
  object_class->set_property = rst_details_panel_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-details-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, unreadable_label);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, groups);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, problems_group);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, problems_list);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, council_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, council_use);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, session_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, session_use);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, session_spin);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, date_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, date_button);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, date_popover);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, date_clear);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, agenda_item_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, time_limit_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, delegation_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, speaker_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, title_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, chair_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, chair_form_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, delivery_mark_row);
  gtk_widget_class_bind_template_child (widget_class, RstDetailsPanel, language_row);

  gtk_widget_class_set_css_name (widget_class, "rstdetailspanel");
}

static void
rst_details_panel_init (RstDetailsPanel *self)
{
  const char * const *languages = rst_language_get_all ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->council_values = g_ptr_array_new_with_free_func (g_free);
  self->councils = rst_council_list_get_default ();
  rst_details_panel_fill_councils (self, NULL);

  /* Each language by its own name, whatever the desktop's. */
  self->language_names = gtk_string_list_new (NULL);
  gtk_string_list_append (self->language_names, _("From the Text"));
  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (self->language_names, rst_writing_get_autonym (rst_writing_get (languages[i])));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (self->language_names));

  for (guint i = 0; i < G_N_ELEMENTS (text_details); i++)
    {
      AdwEntryRow *row = TEXT_ROW (self, i);
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (row, "entry-activated", G_CALLBACK (entry_activated_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_left_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (row), focus);
    }

  g_signal_connect_swapped (self->council_row, "notify::selected", G_CALLBACK (council_selected_cb), self);
  g_signal_connect_swapped (self->language_row, "notify::selected", G_CALLBACK (language_selected_cb), self);
  g_signal_connect_swapped (self->session_spin, "value-changed", G_CALLBACK (session_changed_cb), self);
  g_signal_connect (self->session_spin, "output", G_CALLBACK (session_output_cb), NULL);
  g_signal_connect_swapped (self->date_calendar, "day-selected", G_CALLBACK (date_selected_cb), self);
  g_signal_connect_swapped (self->date_clear, "clicked", G_CALLBACK (date_clear_cb), self);
  g_signal_connect (self->council_use, "clicked", G_CALLBACK (use_suggestion_cb), self);
  g_signal_connect (self->session_use, "clicked", G_CALLBACK (use_suggestion_cb), self);

  rst_details_panel_sync (self);
}
