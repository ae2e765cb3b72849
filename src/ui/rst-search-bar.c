/* rst-search-bar.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-search-bar.h"

/* Find and replace over the text of one page, as GNOME Text Editor's
 * search bar: a GtkSourceSearchContext highlights every match in the
 * style scheme's search-match style and counts them ("3 of 12"); Enter
 * and Shift+Enter move between them, Escape gives the text its focus
 * back. The front matter is not in the buffer (the Details panel holds
 * it), so only the body is searched.
 *
 * The context lives only while the bar is shown: a hidden bar costs the
 * drafter nothing while typing.
 */
struct _RstSearchBar
{
  GtkWidget                parent_instance;

  GtkSourceView           *view; /* weak */
  GtkSourceSearchSettings *settings;
  GtkSourceSearchContext  *context;
  GtkTextBuffer           *buffer; /* the context's, weak */
  /* The match last selected. The selection alone does not keep it: the
   * search entry taking the primary selection clears the text's.
   */
  GtkTextMark             *match_start;
  GtkTextMark             *match_end;
  /* Marks that match among the others while the entry has the focus
   * and the text's selection is drawn unfocused.
   */
  GtkTextTag              *current_tag;

  /* Where typing in the entry searches from: the selection when the bar
   * opened, so that each letter refines the same match.
   */
  int                      start_offset;

  /* The position may be unknown a moment after the count is known. */
  guint                    update_idle_id;
  guint                    update_retries;

  /* Template widgets */
  GtkRevealer             *revealer;
  GtkSearchEntry          *search_entry;
  GtkLabel                *position_label;
  GtkCheckButton          *case_button;
  GtkCheckButton          *word_button;
  GtkToggleButton         *replace_toggle;
  GtkEntry                *replace_entry;
};

G_DEFINE_FINAL_TYPE (RstSearchBar, rst_search_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A selection worth searching for: one line, not a whole paragraph. */
#define RST_SEARCH_MAX_SELECTION_CHARS 200

GtkWidget *
rst_search_bar_new (void)
{
  return g_object_new (RST_TYPE_SEARCH_BAR, NULL);
}

/* The match at hand: the selection, or the match last selected if the
 * cursor is still at its start with nothing selected.
 */
static void
rst_search_bar_get_current (RstSearchBar *self,
                            GtkTextIter  *begin,
                            GtkTextIter  *end)
{
  GtkTextIter match_begin;

  if (gtk_text_buffer_get_selection_bounds (self->buffer, begin, end) || self->match_start == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &match_begin, self->match_start);
  if (gtk_text_iter_equal (begin, &match_begin))
    gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->match_end);
}

/* Above the search context's own tag, which it adds late and raises
 * as it highlights, and the highlighting's.
 */
static void
rst_search_bar_raise_current (RstSearchBar *self)
{
  int top = gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (self->buffer)) - 1;

  if (self->current_tag != NULL && gtk_text_tag_get_priority (self->current_tag) != top)
    gtk_text_tag_set_priority (self->current_tag, top);
}

static void
rst_search_bar_tag_added (RstSearchBar    *self,
                          GtkTextTag      *tag,
                          GtkTextTagTable *table)
{
  if (tag != self->current_tag)
    rst_search_bar_raise_current (self);
}

static void rst_search_bar_update_position (RstSearchBar *self);

static gboolean
rst_search_bar_update_idle (gpointer data)
{
  RstSearchBar *self = data;

  self->update_idle_id = 0;
  rst_search_bar_update_position (self);
  return G_SOURCE_REMOVE;
}

static void
rst_search_bar_update_position (RstSearchBar *self)
{
  const char *text = gtk_source_search_settings_get_search_text (self->settings);
  g_autofree char *label = NULL;
  GtkTextIter begin, end;
  int count = -1;
  int position = 0;

  if (self->context != NULL && text != NULL)
    {
      rst_search_bar_raise_current (self);
      count = gtk_source_search_context_get_occurrences_count (self->context);
      rst_search_bar_get_current (self, &begin, &end);
      position = gtk_source_search_context_get_occurrence_position (self->context, &begin, &end);
    }

  /* The context scans its last chunk after it announces the count. */
  if (count >= 0 && position < 0)
    {
      /* A few times, not for ever. */
      if (self->update_idle_id == 0 && self->update_retries++ < 10)
        self->update_idle_id = g_idle_add_full (G_PRIORITY_LOW, rst_search_bar_update_idle, self, NULL);
    }
  else
    self->update_retries = 0;

  /* Unknown while the context still counts: no number rather than a wrong one. */
  if (count >= 0)
    /* Translators: the selected match of a search, of all matches: "3 of 12" */
    label = g_strdup_printf (_("%d of %d"), MAX (position, 0), count);
  gtk_label_set_text (self->position_label, label ? label : "");

  if (count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.next", count != 0 && text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.previous", count != 0 && text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace", count != 0 && text != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "search.replace-all", count != 0 && text != NULL);
}

static void
rst_search_bar_mark_set (RstSearchBar *self,
                         GtkTextIter  *location,
                         GtkTextMark  *mark,
                         GtkTextBuffer *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    rst_search_bar_update_position (self);
}

static void
rst_search_bar_unmark_current (RstSearchBar *self)
{
  GtkTextIter begin, end;

  if (self->match_start == NULL || self->current_tag == NULL)
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &begin, self->match_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->match_end);
  gtk_text_buffer_remove_tag (self->buffer, self->current_tag, &begin, &end);
}

/* The scheme's "rostrum:search-current" style, above the highlighting. */
static void
rst_search_bar_update_current_style (RstSearchBar *self)
{
  GtkSourceStyleScheme *scheme = gtk_source_buffer_get_style_scheme (GTK_SOURCE_BUFFER (self->buffer));
  GtkSourceStyle *style = scheme ? gtk_source_style_scheme_get_style (scheme, "rostrum:search-current") : NULL;

  if (style != NULL)
    gtk_source_style_apply (style, self->current_tag);
  else
    {
      GdkRGBA amber = { 0.96, 0.76, 0.07, 0.6 };

      g_object_set (self->current_tag, "background-rgba", &amber, NULL);
    }
  rst_search_bar_raise_current (self);
}

static void
rst_search_bar_clear_context (RstSearchBar *self)
{
  if (self->buffer != NULL)
    {
      rst_search_bar_unmark_current (self);
      g_signal_handlers_disconnect_by_data (self->buffer, self);
      g_signal_handlers_disconnect_by_data (gtk_text_buffer_get_tag_table (self->buffer), self);
      if (self->match_start != NULL)
        gtk_text_buffer_delete_mark (self->buffer, self->match_start);
      if (self->match_end != NULL)
        gtk_text_buffer_delete_mark (self->buffer, self->match_end);
    }
  self->match_start = self->match_end = NULL;
  g_clear_object (&self->current_tag);
  g_clear_weak_pointer (&self->buffer);
  /* Its highlight goes with it. */
  g_clear_object (&self->context);
}

static gboolean
rst_search_bar_ensure_context (RstSearchBar *self)
{
  GtkTextBuffer *buffer;

  if (self->view == NULL)
    return FALSE;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  if (self->context != NULL && self->buffer == buffer)
    return TRUE;

  rst_search_bar_clear_context (self);
  if (!GTK_SOURCE_IS_BUFFER (buffer))
    return FALSE;

  self->context = gtk_source_search_context_new (GTK_SOURCE_BUFFER (buffer), self->settings);
  gtk_source_search_context_set_highlight (self->context, TRUE);
  g_set_weak_pointer (&self->buffer, buffer);
  g_signal_connect_object (self->context, "notify::occurrences-count",
                           G_CALLBACK (rst_search_bar_update_position), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (buffer, "mark-set", G_CALLBACK (rst_search_bar_mark_set), self);

  self->current_tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "rst-search-current");
  if (self->current_tag == NULL)
    self->current_tag = gtk_text_buffer_create_tag (buffer, "rst-search-current", NULL);
  g_object_ref (self->current_tag);
  rst_search_bar_update_current_style (self);
  g_signal_connect_swapped (buffer, "notify::style-scheme", G_CALLBACK (rst_search_bar_update_current_style), self);
  g_signal_connect_swapped (gtk_text_buffer_get_tag_table (buffer), "tag-added",
                            G_CALLBACK (rst_search_bar_tag_added), self);
  /* The buffer raises the context's tag as it highlights. */
  g_signal_connect_swapped (buffer, "highlight-updated", G_CALLBACK (rst_search_bar_raise_current), self);

  return TRUE;
}

static void
rst_search_bar_select (RstSearchBar      *self,
                       const GtkTextIter *begin,
                       const GtkTextIter *end)
{
  rst_search_bar_unmark_current (self);
  if (self->match_start == NULL)
    {
      self->match_start = gtk_text_buffer_create_mark (self->buffer, NULL, begin, TRUE);
      self->match_end = gtk_text_buffer_create_mark (self->buffer, NULL, end, FALSE);
    }
  gtk_text_buffer_move_mark (self->buffer, self->match_start, begin);
  gtk_text_buffer_move_mark (self->buffer, self->match_end, end);
  rst_search_bar_raise_current (self);
  gtk_text_buffer_apply_tag (self->buffer, self->current_tag, begin, end);
  /* The cursor at its start, not a selection: GTK draws the selection
   * over every tag, in grey while the entry has the focus, and the
   * current match would not stand out. Closing the bar selects it.
   */
  gtk_text_buffer_select_range (self->buffer, begin, begin);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->view), gtk_text_buffer_get_insert (self->buffer),
                                0.25, FALSE, 0.0, 0.0);
}

/**
 * rst_search_bar_move_next:
 *
 * Moves to the next match after the one at hand (or the selection, or
 * the cursor), from the top again past the last one.
 *
 * Returns: whether there was one
 */
gboolean
rst_search_bar_move_next (RstSearchBar *self)
{
  GtkTextIter begin, end, match_begin, match_end;
  gboolean wrapped;

  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), FALSE);

  if (gtk_source_search_settings_get_search_text (self->settings) == NULL || !rst_search_bar_ensure_context (self))
    return FALSE;

  rst_search_bar_get_current (self, &begin, &end);
  if (!gtk_source_search_context_forward (self->context, &end, &match_begin, &match_end, &wrapped))
    return FALSE;

  rst_search_bar_select (self, &match_begin, &match_end);
  self->start_offset = gtk_text_iter_get_offset (&match_begin);
  rst_search_bar_update_position (self);
  return TRUE;
}

/**
 * rst_search_bar_move_previous:
 *
 * Moves to the match before the one at hand (or the selection, or the
 * cursor), from the end again past the first one.
 *
 * Returns: whether there was one
 */
gboolean
rst_search_bar_move_previous (RstSearchBar *self)
{
  GtkTextIter begin, end, match_begin, match_end;
  gboolean wrapped;

  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), FALSE);

  if (gtk_source_search_settings_get_search_text (self->settings) == NULL || !rst_search_bar_ensure_context (self))
    return FALSE;

  rst_search_bar_get_current (self, &begin, &end);
  if (!gtk_source_search_context_backward (self->context, &begin, &match_begin, &match_end, &wrapped))
    return FALSE;

  rst_search_bar_select (self, &match_begin, &match_end);
  self->start_offset = gtk_text_iter_get_offset (&match_begin);
  rst_search_bar_update_position (self);
  return TRUE;
}

/* As the drafter types: the first match from where the search began. */
static void
rst_search_bar_search_changed (RstSearchBar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  GtkTextIter from, match_begin, match_end;
  gboolean wrapped;

  /* NULL, not "": an empty search matches nothing rather than everything. */
  gtk_source_search_settings_set_search_text (self->settings, *text ? text : NULL);

  if (*text != '\0' && rst_search_bar_ensure_context (self))
    {
      gtk_text_buffer_get_iter_at_offset (self->buffer, &from, self->start_offset);
      if (gtk_source_search_context_forward (self->context, &from, &match_begin, &match_end, &wrapped))
        rst_search_bar_select (self, &match_begin, &match_end);
    }
  rst_search_bar_update_position (self);
}

/**
 * rst_search_bar_replace:
 *
 * Replaces the selected match, if the selection is one, and selects the
 * next match.
 *
 * Returns: whether a match was replaced
 */
gboolean
rst_search_bar_replace (RstSearchBar *self)
{
  const char *replacement;
  g_autoptr(GError) error = NULL;
  GtkTextIter begin, end;
  gboolean replaced = FALSE;

  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), FALSE);

  if (gtk_source_search_settings_get_search_text (self->settings) == NULL || !rst_search_bar_ensure_context (self))
    return FALSE;

  replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  rst_search_bar_get_current (self, &begin, &end);
  if (gtk_source_search_context_get_occurrence_position (self->context, &begin, &end) > 0)
    {
      gtk_text_buffer_begin_user_action (self->buffer);
      replaced = gtk_source_search_context_replace (self->context, &begin, &end, replacement, -1, &error);
      gtk_text_buffer_end_user_action (self->buffer);
      if (error != NULL)
        g_debug ("Not replaced: %s", error->message);
      /* Past the replacement, so that a replacement holding the search
       * text is not found again.
       */
      if (replaced)
        gtk_text_buffer_select_range (self->buffer, &end, &end);
    }
  rst_search_bar_move_next (self);

  return replaced;
}

/**
 * rst_search_bar_replace_all:
 *
 * Replaces every match, as one step for undo.
 *
 * Returns: how many matches were replaced
 */
guint
rst_search_bar_replace_all (RstSearchBar *self)
{
  g_autoptr(GError) error = NULL;
  guint n;

  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), 0);

  if (gtk_source_search_settings_get_search_text (self->settings) == NULL || !rst_search_bar_ensure_context (self))
    return 0;

  gtk_text_buffer_begin_user_action (self->buffer);
  n = gtk_source_search_context_replace_all (self->context,
                                             gtk_editable_get_text (GTK_EDITABLE (self->replace_entry)),
                                             -1, &error);
  gtk_text_buffer_end_user_action (self->buffer);
  if (error != NULL)
    g_debug ("Not replaced: %s", error->message);
  rst_search_bar_update_position (self);

  return n;
}

/**
 * rst_search_bar_begin:
 * @replace: whether to show the replace row too
 *
 * Shows the bar with the selection, if it is a short one, as the search
 * text, and puts the focus in the search entry.
 */
void
rst_search_bar_begin (RstSearchBar *self,
                      gboolean      replace)
{
  GtkTextIter begin, end;

  g_return_if_fail (RST_IS_SEARCH_BAR (self));

  if (!rst_search_bar_ensure_context (self))
    return;

  gtk_text_buffer_get_selection_bounds (self->buffer, &begin, &end);
  self->start_offset = gtk_text_iter_get_offset (&begin);
  if (!gtk_text_iter_equal (&begin, &end) &&
      gtk_text_iter_get_line (&begin) == gtk_text_iter_get_line (&end) &&
      gtk_text_iter_get_offset (&end) - gtk_text_iter_get_offset (&begin) <= RST_SEARCH_MAX_SELECTION_CHARS)
    {
      g_autofree char *selected = gtk_text_iter_get_slice (&begin, &end);

      /* The same text emits no "changed": search it again all the same. */
      if (g_str_equal (selected, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))))
        rst_search_bar_search_changed (self);
      else
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selected);
    }
  else
    /* The last search again, counted in this text. */
    rst_search_bar_search_changed (self);

  gtk_toggle_button_set_active (self->replace_toggle, replace);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  /* Selected before it has the focus: GtkText warns of a selection made
   * while its cursor blinks.
   */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
    gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry));

    if (!had_focus)
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    if (had_focus)
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
  }
  rst_search_bar_update_position (self);
}

/**
 * rst_search_bar_close:
 *
 * Hides the bar and its highlight, and gives the text its focus back.
 */
void
rst_search_bar_close (RstSearchBar *self)
{
  g_return_if_fail (RST_IS_SEARCH_BAR (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  /* Back in the text with the match at hand selected, as GNOME Text
   * Editor leaves it.
   */
  if (self->context != NULL && self->match_start != NULL)
    {
      GtkTextIter begin, end;

      rst_search_bar_get_current (self, &begin, &end);
      if (gtk_source_search_context_get_occurrence_position (self->context, &begin, &end) > 0)
        gtk_text_buffer_select_range (self->buffer, &begin, &end);
    }
  rst_search_bar_clear_context (self);
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

gboolean
rst_search_bar_get_revealed (RstSearchBar *self)
{
  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * rst_search_bar_get_view:
 *
 * Returns: (transfer none) (nullable): the view searched
 */
GtkSourceView *
rst_search_bar_get_view (RstSearchBar *self)
{
  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), NULL);

  return self->view;
}

void
rst_search_bar_set_view (RstSearchBar  *self,
                         GtkSourceView *view)
{
  g_return_if_fail (RST_IS_SEARCH_BAR (self));
  g_return_if_fail (view == NULL || GTK_SOURCE_IS_VIEW (view));

  if (self->view == view)
    return;

  rst_search_bar_clear_context (self);
  g_set_weak_pointer (&self->view, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

/**
 * rst_search_bar_get_settings:
 *
 * Returns: (transfer none): what is searched for, and how
 */
GtkSourceSearchSettings *
rst_search_bar_get_settings (RstSearchBar *self)
{
  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), NULL);

  return self->settings;
}

/**
 * rst_search_bar_get_context:
 *
 * Returns: (transfer none) (nullable): the search while the bar is shown
 */
GtkSourceSearchContext *
rst_search_bar_get_context (RstSearchBar *self)
{
  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), NULL);

  return self->context;
}

/* "3 of 12", or empty while nothing is searched or still counted. */
const char *
rst_search_bar_get_position_text (RstSearchBar *self)
{
  g_return_val_if_fail (RST_IS_SEARCH_BAR (self), NULL);

  return gtk_label_get_text (self->position_label);
}

static void
rst_search_bar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  RstSearchBar *self = RST_SEARCH_BAR (widget);

  if (g_str_equal (action_name, "search.next"))
    rst_search_bar_move_next (self);
  else if (g_str_equal (action_name, "search.previous"))
    rst_search_bar_move_previous (self);
  else if (g_str_equal (action_name, "search.replace"))
    rst_search_bar_replace (self);
  else if (g_str_equal (action_name, "search.replace-all"))
    rst_search_bar_replace_all (self);
  else if (g_str_equal (action_name, "search.close"))
    rst_search_bar_close (self);
}

/* The options change what matches: count and search again. */
static void
rst_search_bar_options_changed (RstSearchBar *self)
{
  if (self->context != NULL)
    rst_search_bar_search_changed (self);
}

/* Tab goes between the two entries, as in GNOME Text Editor, rather
 * than through every button of the row; elsewhere it moves as usual.
 */
static gboolean
rst_search_bar_tab (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  RstSearchBar *self = RST_SEARCH_BAR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean backward = g_variant_get_boolean (args);

  if (focus == NULL || !gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (self->replace_entry))))
    return FALSE;

  if (!backward && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
  if (backward && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->replace_entry)))
    return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return FALSE;
}

/* The entries' signals return nothing; these say so. */
static void
rst_search_bar_next_cb (RstSearchBar *self)
{
  rst_search_bar_move_next (self);
}

static void
rst_search_bar_previous_cb (RstSearchBar *self)
{
  rst_search_bar_move_previous (self);
}

static void
rst_search_bar_replace_cb (RstSearchBar *self)
{
  rst_search_bar_replace (self);
}

static void
rst_search_bar_dispose (GObject *object)
{
  RstSearchBar *self = (RstSearchBar *)object;

  rst_search_bar_clear_context (self);
  g_clear_handle_id (&self->update_idle_id, g_source_remove);
  g_clear_weak_pointer (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (self), RST_TYPE_SEARCH_BAR);

  G_OBJECT_CLASS (rst_search_bar_parent_class)->dispose (object);
}

static void
rst_search_bar_finalize (GObject *object)
{
  RstSearchBar *self = (RstSearchBar *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rst_search_bar_parent_class)->finalize (object);
}

static void
rst_search_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RstSearchBar *self = RST_SEARCH_BAR (object);

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
rst_search_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RstSearchBar *self = RST_SEARCH_BAR (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      rst_search_bar_set_view (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_search_bar_class_init (RstSearchBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rst_search_bar_dispose;
  object_class->finalize = rst_search_bar_finalize;
  object_class->get_property = rst_search_bar_get_property;
  object_class->set_property = rst_search_bar_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/rst-search-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, position_label);
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, case_button);
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, word_button);
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, RstSearchBar, replace_entry);
  /* Not kept, but reachable with gtk_widget_get_template_child (). */
  gtk_widget_class_bind_template_child_full (widget_class, "replace_row", FALSE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rstsearchbar");

  gtk_widget_class_install_action (widget_class, "search.next", NULL, rst_search_bar_action);
  gtk_widget_class_install_action (widget_class, "search.previous", NULL, rst_search_bar_action);
  gtk_widget_class_install_action (widget_class, "search.replace", NULL, rst_search_bar_action);
  gtk_widget_class_install_action (widget_class, "search.replace-all", NULL, rst_search_bar_action);
  gtk_widget_class_install_action (widget_class, "search.close", NULL, rst_search_bar_action);

  /* Enter in the search entry is its "activate"; Shift+Enter goes back. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "search.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "search.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, GDK_SHIFT_MASK, "search.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "search.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, rst_search_bar_tab, "b", FALSE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, rst_search_bar_tab, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, rst_search_bar_tab, "b", TRUE);
}

static void
rst_search_bar_init (RstSearchBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = gtk_source_search_settings_new ();
  gtk_source_search_settings_set_wrap_around (self->settings, TRUE);
  g_object_bind_property (self->case_button, "active", self->settings, "case-sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->word_button, "active", self->settings, "at-word-boundaries",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->settings, "notify::case-sensitive",
                           G_CALLBACK (rst_search_bar_options_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::at-word-boundaries",
                           G_CALLBACK (rst_search_bar_options_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->search_entry, "changed",
                           G_CALLBACK (rst_search_bar_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (rst_search_bar_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (rst_search_bar_next_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (rst_search_bar_previous_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (rst_search_bar_close), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replace_entry, "activate",
                           G_CALLBACK (rst_search_bar_replace_cb), self, G_CONNECT_SWAPPED);

  rst_search_bar_update_position (self);
}
