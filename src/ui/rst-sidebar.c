/* rst-sidebar.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-details-panel.h"
#include "rst-document.h"
#include "rst-sidebar.h"
#include "rst-timing.h"

/* The structure of the statement beside its text: the speaking time
 * against the limit, the outline with a status per part, and the issues
 * with their fixes. Everything comes from the document's checker; the
 * sidebar only shows it and moves the view.
 */
struct _RstSidebar
{
  AdwBin              parent_instance;

  GtkSourceView      *view;
  RstDocumentChecker *checker;
  gulong              checked_handler;
  gulong              issues_handler;
  /* What the last rehearsal of this text learned, until the text changes. */
  RstRehearsal       *rehearsal;

  /* Template widgets */
  GtkLabel           *timing_label;
  GtkLevelBar        *timing_bar;
  GtkStack           *stack;
  GtkStack           *issues_stack;
  GtkListView        *outline_view;
  GtkLabel           *over_label;
  GtkListView        *issues_view;
  AdwBin             *details_bin;
};

G_DEFINE_FINAL_TYPE (RstSidebar, rst_sidebar, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Moving the view */

static void
rst_sidebar_reveal (RstSidebar        *self,
                    const GtkTextIter *begin,
                    const GtkTextIter *end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));

  gtk_text_buffer_select_range (buffer, end, begin);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (buffer),
                                0.1, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
rst_sidebar_activate_outline (RstSidebar *self,
                              guint       position)
{
  g_autoptr(RstOutlineItem) item = NULL;
  GtkTextIter begin, end;

  g_return_if_fail (RST_IS_SIDEBAR (self));

  if (self->checker == NULL)
    return;

  item = g_list_model_get_item (rst_document_checker_get_outline (self->checker), position);
  if (item != NULL && rst_document_checker_get_bounds (self->checker, item, &begin, &end))
    rst_sidebar_reveal (self, &begin, &begin);
}

void
rst_sidebar_activate_issue (RstSidebar *self,
                            guint       position)
{
  g_autoptr(RstDiagnostic) diagnostic = NULL;
  GtkTextIter begin, end;

  g_return_if_fail (RST_IS_SIDEBAR (self));

  if (self->checker == NULL)
    return;

  diagnostic = g_list_model_get_item (rst_document_checker_get_diagnostics (self->checker), position);
  if (diagnostic != NULL && rst_document_checker_get_bounds (self->checker, diagnostic, &begin, &end))
    rst_sidebar_reveal (self, &begin, &end);
}

static void
outline_activate_cb (GtkListView *view,
                     guint        position,
                     RstSidebar  *self)
{
  rst_sidebar_activate_outline (self, position);
}

static void
issues_activate_cb (GtkListView *view,
                    guint        position,
                    RstSidebar  *self)
{
  rst_sidebar_activate_issue (self, position);
}

/* The line where an entry is now, not where the check found it. */
static guint
rst_sidebar_get_line (RstSidebar *self,
                      gpointer    item)
{
  GtkTextIter begin, end;

  if (self->checker == NULL || !rst_document_checker_get_bounds (self->checker, item, &begin, &end))
    return 0;

  return gtk_text_iter_get_line (&begin) + 1;
}

/* Outline rows */

/* "0:42", and "0:42 · rehearsed 0:50" after a rehearsal of this text
 * that reached the part.
 */
static char *
rst_sidebar_dup_part_time (RstSidebar     *self,
                           RstOutlineItem *item,
                           guint           position)
{
  g_autofree char *estimate = rst_timing_format (rst_outline_item_get_speaking_seconds (item));
  g_autofree char *rehearsed = NULL;
  double seconds;

  /* A part the rehearsal did not reach has nothing to say. */
  if (self->rehearsal == NULL ||
      (seconds = rst_rehearsal_get_part_time (self->rehearsal, position)) <= 0.0)
    return g_steal_pointer (&estimate);

  rehearsed = rst_timing_format ((guint) (seconds + 0.5));
  /* Translators: an outline part's estimated speaking time and the time
   * it took in the last rehearsal, "0:42 · rehearsed 0:50"
   */
  return g_strdup_printf (_("%s · rehearsed %s"), estimate, rehearsed);
}

/* The outline's rows again, for times that changed without the outline. */
static void
rst_sidebar_rebind_outline (RstSidebar *self)
{
  GtkNoSelection *selection;

  selection = gtk_no_selection_new (self->checker ? g_object_ref (rst_document_checker_get_outline (self->checker)) : NULL);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* A rehearsal tells of the text it was made from: once the text is
 * another, its times are forgotten. A new pace or council gives a new
 * analysis of the same text, which keeps them.
 */
static void
rst_sidebar_check_rehearsal (RstSidebar *self)
{
  RstAnalysis *analysis = self->checker ? rst_document_checker_get_analysis (self->checker) : NULL;
  RstAnalysis *rehearsed;

  if (self->rehearsal == NULL)
    return;

  rehearsed = rst_rehearsal_get_analysis (self->rehearsal);
  if (analysis == rehearsed)
    return;
  if (analysis != NULL &&
      rst_analysis_get_length (analysis) == rst_analysis_get_length (rehearsed) &&
      memcmp (rst_analysis_get_text (analysis), rst_analysis_get_text (rehearsed),
              rst_analysis_get_length (analysis)) == 0)
    return;

  g_clear_object (&self->rehearsal);
}

/**
 * rst_sidebar_set_rehearsal:
 * @rehearsal: (nullable): what a rehearsal of the shown text learned
 *
 * Shows the time each part took beside its estimate until the text
 * changes.
 */
void
rst_sidebar_set_rehearsal (RstSidebar   *self,
                           RstRehearsal *rehearsal)
{
  g_return_if_fail (RST_IS_SIDEBAR (self));
  g_return_if_fail (!rehearsal || RST_IS_REHEARSAL (rehearsal));

  g_set_object (&self->rehearsal, rehearsal);
  rst_sidebar_check_rehearsal (self);
  rst_sidebar_rebind_outline (self);
}

/* A row's tooltip is asked for when shown rather than set at each bind:
 * in GTK 4.8 setting one on a visible widget asks the display server
 * where the pointer is, a round trip per row each time the outline
 * changes.
 */
#define OUTLINE_TOOLTIP_KEY "rst-outline-tooltip"

static gboolean
outline_query_tooltip_cb (GtkWidget  *box,
                          int         x,
                          int         y,
                          gboolean    keyboard_mode,
                          GtkTooltip *tooltip,
                          gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (box), OUTLINE_TOOLTIP_KEY);

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
outline_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  RstSidebar               *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *line = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (time, "numeric");
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "numeric");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_has_tooltip (box, TRUE);
  g_signal_connect (box, "query-tooltip", G_CALLBACK (outline_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, box);
}

static void
outline_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RstSidebar               *self)
{
  RstOutlineItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkWidget *time = gtk_widget_get_next_sibling (label);
  GtkWidget *line = gtk_widget_get_next_sibling (time);
  RstOutlineStatus status = rst_outline_item_get_status (item);
  g_autofree char *name = rst_outline_item_dup_accessible_name (item);
  g_autofree char *time_text = rst_sidebar_dup_part_time (self, item, gtk_list_item_get_position (list_item));
  /* Translators: an outline row's tooltip, its status and its time, "First: fine, 0:42" */
  char *tooltip = g_strdup_printf (_("%s, %s"), name, time_text);
  g_autofree char *line_text = g_strdup_printf ("%u", rst_sidebar_get_line (self, item));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), rst_outline_status_get_icon_name (status));
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "dim-label");
  if (status == RST_OUTLINE_STATUS_ERROR)
    gtk_widget_add_css_class (icon, "error");
  else if (status == RST_OUTLINE_STATUS_WARNING)
    gtk_widget_add_css_class (icon, "warning");
  else
    gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_set_name (icon, rst_outline_status_to_string (status));

  gtk_label_set_text (GTK_LABEL (label), rst_outline_item_get_label (item));
  gtk_label_set_text (GTK_LABEL (time), time_text);
  gtk_label_set_text (GTK_LABEL (line), line_text);
  /* The name says the part and its status, as it did; the time is its
   * description.
   */
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, time_text,
                                  -1);
  g_object_set_data_full (G_OBJECT (box), OUTLINE_TOOLTIP_KEY, tooltip, g_free);
}

/* Issue rows */

static void
fix_clicked_cb (GtkButton  *button,
                RstSidebar *self)
{
  RstDiagnostic *diagnostic = g_object_get_data (G_OBJECT (button), "rst-diagnostic");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rst-fix-index"));

  if (self->checker != NULL && diagnostic != NULL)
    rst_document_checker_apply_fix (self->checker, diagnostic, index);
}

static void
issues_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 RstSidebar               *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 9);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *message = gtk_label_new (NULL);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *line = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (message), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_box_append (GTK_BOX (top), icon);
  gtk_box_append (GTK_BOX (top), message);

  gtk_label_set_xalign (GTK_LABEL (line), 0.0f);
  gtk_widget_set_hexpand (line, TRUE);
  gtk_widget_add_css_class (line, "dim-label");
  gtk_widget_add_css_class (line, "caption");
  gtk_widget_set_margin_start (bottom, 25);
  gtk_box_append (GTK_BOX (bottom), line);

  gtk_box_append (GTK_BOX (row), top);
  gtk_box_append (GTK_BOX (row), bottom);
  gtk_list_item_set_child (list_item, row);
}

static void
issues_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                RstSidebar               *self)
{
  RstDiagnostic *diagnostic = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *top = gtk_widget_get_first_child (row);
  GtkWidget *bottom = gtk_widget_get_next_sibling (top);
  GtkWidget *icon = gtk_widget_get_first_child (top);
  GtkWidget *message = gtk_widget_get_next_sibling (icon);
  GtkWidget *line = gtk_widget_get_first_child (bottom);
  GtkWidget *child;
  RstSeverity severity = rst_diagnostic_get_severity (diagnostic);
  GPtrArray *fixes = rst_diagnostic_get_fixes (diagnostic);
  g_autofree char *line_text = NULL;
  g_autofree char *name = NULL;

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), rst_severity_get_icon_name (severity));
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "warning");
  gtk_widget_remove_css_class (icon, "accent");
  gtk_widget_add_css_class (icon, severity == RST_SEVERITY_ERROR ? "error"
                                  : severity == RST_SEVERITY_WARNING ? "warning" : "accent");
  gtk_label_set_text (GTK_LABEL (message), rst_diagnostic_get_message (diagnostic));

  /* Translators: where an issue is in the statement */
  line_text = g_strdup_printf (_("Line %u"), rst_sidebar_get_line (self, diagnostic));
  gtk_label_set_text (GTK_LABEL (line), line_text);

  /* Buttons from a previous binding go; one per fix of this one. */
  while ((child = gtk_widget_get_next_sibling (line)) != NULL)
    gtk_box_remove (GTK_BOX (bottom), child);

  for (guint i = 0; fixes != NULL && i < fixes->len; i++)
    {
      RstFix *fix = g_ptr_array_index (fixes, i);
      GtkWidget *button = gtk_button_new_with_label (fix->label ? fix->label : _("Fix"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, fix->label);
      g_object_set_data_full (G_OBJECT (button), "rst-diagnostic", g_object_ref (diagnostic), g_object_unref);
      g_object_set_data (G_OBJECT (button), "rst-fix-index", GUINT_TO_POINTER (i));
      g_signal_connect (button, "clicked", G_CALLBACK (fix_clicked_cb), self);
      gtk_box_append (GTK_BOX (bottom), button);
    }

  /* Translators: an issue for screen readers, "Error, line 18: Fifth comes after Third" */
  name = g_strdup_printf (_("%s, line %u: %s"), rst_severity_get_label (severity),
                          rst_sidebar_get_line (self, diagnostic), rst_diagnostic_get_message (diagnostic));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The gauge */

static void
rst_sidebar_update_gauge (RstSidebar *self)
{
  RstAnalysis *analysis = self->checker != NULL ? rst_document_checker_get_analysis (self->checker) : NULL;
  g_autofree char *text = NULL;
  g_autofree char *over_text = NULL;
  g_autofree char *value_text = NULL;
  guint limit, seconds;
  gboolean over;

  if (analysis == NULL)
    {
      gtk_label_set_text (self->timing_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->over_label), FALSE);
      gtk_level_bar_set_value (self->timing_bar, 0.0);
      return;
    }

  text = rst_analysis_dup_timing_text (analysis);
  over_text = rst_analysis_dup_over_text (analysis);
  limit = rst_analysis_get_time_limit (analysis);
  seconds = rst_analysis_get_speaking_seconds (analysis);
  over = limit > 0 && seconds > limit;

  gtk_label_set_text (self->timing_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->timing_bar), limit > 0);
  gtk_level_bar_set_value (self->timing_bar, limit > 0 ? MIN ((double)seconds / limit, 1.0) : 0.0);

  if (over)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->timing_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->timing_bar), "over");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->timing_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->timing_bar), "over");
    }

  /* What must go to fit, in the statement's unit: words, or characters
   * in Chinese.
   */
  gtk_label_set_text (self->over_label, over_text != NULL ? over_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->over_label), over_text != NULL);

  /* Translators: the gauge for screen readers, "3:40 of 3:00 · 480 words; 38 words over 3:00" */
  value_text = over_text != NULL ? g_strdup_printf (_("%s; %s"), text, over_text) : g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timing_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, value_text,
                                  -1);
}

static void
rst_sidebar_update_issues_page (RstSidebar *self)
{
  GListModel *diagnostics = self->checker ? rst_document_checker_get_diagnostics (self->checker) : NULL;
  guint n = diagnostics ? g_list_model_get_n_items (diagnostics) : 0;
  g_autofree char *title = NULL;

  gtk_stack_set_visible_child_name (self->issues_stack, n > 0 ? "list" : "none");

  /* Translators: the Issues tab with how many there are */
  title = n > 0 ? g_strdup_printf (_("Issues (%u)"), n) : g_strdup (_("Issues"));
  gtk_stack_page_set_title (gtk_stack_get_page (self->stack, gtk_stack_get_child_by_name (self->stack, "issues")),
                            title);
}

static void
rst_sidebar_checked (RstSidebar *self)
{
  gboolean rehearsed = self->rehearsal != NULL;

  rst_sidebar_update_gauge (self);
  rst_sidebar_check_rehearsal (self);
  if (rehearsed && self->rehearsal == NULL)
    rst_sidebar_rebind_outline (self);
}

static void
rst_sidebar_set_checker (RstSidebar         *self,
                         RstDocumentChecker *checker)
{
  GtkNoSelection *selection;

  if (self->checker == checker)
    return;

  if (self->checker != NULL)
    {
      g_clear_signal_handler (&self->checked_handler, self->checker);
      g_clear_signal_handler (&self->issues_handler, rst_document_checker_get_diagnostics (self->checker));
    }
  g_set_object (&self->checker, checker);
  g_clear_object (&self->rehearsal);

  if (checker != NULL)
    {
      self->checked_handler =
        g_signal_connect_object (checker, "checked", G_CALLBACK (rst_sidebar_checked),
                                 self, G_CONNECT_SWAPPED);
      self->issues_handler =
        g_signal_connect_object (rst_document_checker_get_diagnostics (checker), "items-changed",
                                 G_CALLBACK (rst_sidebar_update_issues_page), self, G_CONNECT_SWAPPED);
    }

  selection = gtk_no_selection_new (checker ? g_object_ref (rst_document_checker_get_outline (checker)) : NULL);
  gtk_list_view_set_model (self->outline_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  selection = gtk_no_selection_new (checker ? g_object_ref (rst_document_checker_get_diagnostics (checker)) : NULL);
  gtk_list_view_set_model (self->issues_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  rst_sidebar_update_gauge (self);
  rst_sidebar_update_issues_page (self);
}

static void
rst_sidebar_buffer_changed (RstSidebar *self)
{
  GtkTextBuffer *buffer = self->view ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)) : NULL;

  rst_sidebar_set_checker (self, RST_IS_DOCUMENT (buffer) ? rst_document_get_checker (RST_DOCUMENT (buffer)) : NULL);
}

/**
 * rst_sidebar_get_view:
 *
 * Returns: (transfer none) (nullable): the view the sidebar follows
 */
GtkSourceView *
rst_sidebar_get_view (RstSidebar *self)
{
  g_return_val_if_fail (RST_IS_SIDEBAR (self), NULL);
  return self->view;
}

void
rst_sidebar_set_view (RstSidebar    *self,
                      GtkSourceView *view)
{
  g_return_if_fail (RST_IS_SIDEBAR (self));
  g_return_if_fail (!view || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  if (self->view != NULL)
    g_signal_handlers_disconnect_by_func (self->view, rst_sidebar_buffer_changed, self);
  g_set_object (&self->view, view);
  if (view != NULL)
    g_signal_connect_swapped (view, "notify::buffer", G_CALLBACK (rst_sidebar_buffer_changed), self);

  rst_sidebar_buffer_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/* The Details page is made the first time it is shown, not at start-up:
 * its some sixty widgets, the council list and the template they come
 * from cost the first frame of every window about a tenth of its time
 * and a megabyte and a half of memory, for a page most statements never
 * open.
 */
static void
rst_sidebar_visible_page_changed (RstSidebar *self)
{
  GtkWidget *panel;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0 ||
      adw_bin_get_child (self->details_bin) != NULL)
    return;

  panel = g_object_new (RST_TYPE_DETAILS_PANEL, NULL);
  g_object_bind_property (self, "view", panel, "view", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->details_bin, panel);
}

void
rst_sidebar_show_page (RstSidebar *self,
                       const char *name)
{
  g_return_if_fail (RST_IS_SIDEBAR (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * rst_sidebar_get_timing_label:
 *
 * Returns: (transfer none): the gauge's text
 */
GtkLabel *
rst_sidebar_get_timing_label (RstSidebar *self)
{
  g_return_val_if_fail (RST_IS_SIDEBAR (self), NULL);
  return self->timing_label;
}

/**
 * rst_sidebar_get_over_label:
 *
 * Returns: (transfer none): what the gauge says must go to fit, shown
 *   only when the statement runs over its limit
 */
GtkLabel *
rst_sidebar_get_over_label (RstSidebar *self)
{
  g_return_val_if_fail (RST_IS_SIDEBAR (self), NULL);
  return self->over_label;
}

/**
 * rst_sidebar_get_outline_view:
 *
 * Returns: (transfer none): the outline list
 */
GtkListView *
rst_sidebar_get_outline_view (RstSidebar *self)
{
  g_return_val_if_fail (RST_IS_SIDEBAR (self), NULL);
  return self->outline_view;
}

/**
 * rst_sidebar_get_issues_view:
 *
 * Returns: (transfer none): the issues list
 */
GtkListView *
rst_sidebar_get_issues_view (RstSidebar *self)
{
  g_return_val_if_fail (RST_IS_SIDEBAR (self), NULL);
  return self->issues_view;
}

static void
rst_sidebar_dispose (GObject *object)
{
  RstSidebar *self = (RstSidebar *)object;

  rst_sidebar_set_view (self, NULL);
  g_clear_object (&self->rehearsal);
  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_SIDEBAR);

  G_OBJECT_CLASS (rst_sidebar_parent_class)->dispose (object);
}

static void
rst_sidebar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  RstSidebar *self = RST_SIDEBAR (object);

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
rst_sidebar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  RstSidebar *self = RST_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      rst_sidebar_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_sidebar_class_init (RstSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_sidebar_dispose;
  object_class->get_property = rst_sidebar_get_property;
  object_class->set_property = rst_sidebar_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, timing_label);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, timing_bar);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, issues_stack);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, outline_view);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, over_label);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, issues_view);
  gtk_widget_class_bind_template_child (widget_class, RstSidebar, details_bin);

  gtk_widget_class_set_css_name (widget_class, "rstsidebar");
}

static void
rst_sidebar_init (RstSidebar *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Within the limit the bar has the accent colour, not Adwaita's steps. */
  gtk_level_bar_remove_offset_value (self->timing_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->timing_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->timing_bar, GTK_LEVEL_BAR_OFFSET_FULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (outline_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (outline_bind_cb), self);
  gtk_list_view_set_factory (self->outline_view, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (issues_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (issues_bind_cb), self);
  gtk_list_view_set_factory (self->issues_view, factory);
  g_object_unref (factory);

  g_signal_connect (self->outline_view, "activate", G_CALLBACK (outline_activate_cb), self);
  g_signal_connect (self->issues_view, "activate", G_CALLBACK (issues_activate_cb), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (rst_sidebar_visible_page_changed), self);

  rst_sidebar_update_gauge (self);
  rst_sidebar_update_issues_page (self);
}
