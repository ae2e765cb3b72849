/* rst-print-operation.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rst-print-operation.h"

/* Printing is the PDF exporter's pages sent to a printer: the one
 * RstLayout of src/export lays the statement out and draws each page,
 * here onto the print context's cairo instead of a PDF surface, so a
 * printed statement and an exported one never differ.
 */

struct _RstPrintOperation
{
  GtkPrintOperation  parent_instance;

  RstAnalysis       *analysis;
  RstLayout         *layout;
  RstLayoutKind      kind;

  /* The print dialog's "Layout" tab, while it is shown. */
  GtkCheckButton    *reading_button;
};

G_DEFINE_FINAL_TYPE (RstPrintOperation, rst_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The settings of the last print (printer, copies, paper the drafter
 * picked), for the next one in this run, as GNOME Text Editor keeps them.
 */
static GtkPrintSettings *last_settings;

static RstLayout *
rst_print_operation_ensure_layout (RstPrintOperation *self)
{
  if (self->layout == NULL || rst_layout_get_kind (self->layout) != self->kind)
    {
      g_clear_object (&self->layout);
      self->layout = rst_layout_new (self->analysis, self->kind);
    }

  return self->layout;
}

/* The paper GTK knows by name when the profile's page is one (so the
 * printer picks the right tray), else a custom one of the same size.
 */
static GtkPaperSize *
paper_size_for (double width,
                double height)
{
  GList *sizes = gtk_paper_size_get_paper_sizes (FALSE);
  GtkPaperSize *found = NULL;

  for (GList *l = sizes; l != NULL; l = l->next)
    {
      GtkPaperSize *size = l->data;

      if (found == NULL &&
          ABS (gtk_paper_size_get_width (size, GTK_UNIT_POINTS) - width) < 1.0 &&
          ABS (gtk_paper_size_get_height (size, GTK_UNIT_POINTS) - height) < 1.0)
        found = gtk_paper_size_copy (size);
    }
  g_list_free_full (sizes, (GDestroyNotify) gtk_paper_size_free);

  if (found == NULL)
    found = gtk_paper_size_new_custom ("rostrum-council", _("Council Page"),
                                       width, height, GTK_UNIT_POINTS);

  return found;
}

/* The council profile's paper, portrait or landscape as the layout's
 * page is.
 */
static void
rst_print_operation_apply_page_setup (RstPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *paper;
  double width, height;

  rst_layout_get_page_size (rst_print_operation_ensure_layout (self), &width, &height);
  if (width > height)
    {
      paper = paper_size_for (height, width);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
    }
  else
    paper = paper_size_for (width, height);

  /* The layout has its own margins: the page setup's are the paper's. */
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_paper_size_free (paper);

  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

static void
rst_print_operation_begin_print (GtkPrintOperation *operation,
                                 GtkPrintContext   *context)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (operation);

  gtk_print_operation_set_n_pages (operation,
                                   rst_layout_get_n_pages (rst_print_operation_ensure_layout (self)));
}

/* The layout's page, scaled to the paper the printer has (the same
 * paper unless the drafter chose another one) and centred on it.
 */
static void
rst_print_operation_draw_page (GtkPrintOperation *operation,
                               GtkPrintContext   *context,
                               int                page_nr)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (operation);
  RstLayout *layout = rst_print_operation_ensure_layout (self);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double page_width, page_height;
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double scale;

  if (page_nr < 0 || (guint) page_nr >= rst_layout_get_n_pages (layout))
    return;

  rst_layout_get_page_size (layout, &page_width, &page_height);
  scale = MIN (width / page_width, height / page_height);

  cairo_save (cr);
  cairo_translate (cr, (width - page_width * scale) / 2, (height - page_height * scale) / 2);
  cairo_scale (cr, scale, scale);
  rst_layout_render_page (layout, cr, page_nr);
  cairo_restore (cr);
}

static void
rst_print_operation_end_print (GtkPrintOperation *operation,
                               GtkPrintContext   *context)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  /* A copy: the next operation's dialog changes its own. */
  g_clear_object (&last_settings);
  if (settings != NULL)
    last_settings = gtk_print_settings_copy (settings);
}

static GtkWidget *
rst_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (operation);
  GtkWidget *box;
  GtkWidget *council;
  GtkWidget *reading;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  council = gtk_check_button_new_with_mnemonic (_("_Council copy: the council’s page, type and spacing"));
  reading = gtk_check_button_new_with_mnemonic (_("_Reading copy: large type for the speaker at the rostrum"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (reading), GTK_CHECK_BUTTON (council));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind == RST_LAYOUT_READING ? reading : council), TRUE);
  gtk_box_append (GTK_BOX (box), council);
  gtk_box_append (GTK_BOX (box), reading);

  self->reading_button = GTK_CHECK_BUTTON (reading);
  g_object_add_weak_pointer (G_OBJECT (reading), (gpointer *) &self->reading_button);

  return box;
}

static void
rst_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                         GtkWidget         *widget)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (operation);

  if (self->reading_button != NULL)
    rst_print_operation_set_kind (self, gtk_check_button_get_active (self->reading_button)
                                        ? RST_LAYOUT_READING : RST_LAYOUT_PRINT);
}

/* The preview ------------------------------------------------------- */

/* The preview shows the layout's own pages, drawn as the printer gets
 * them, in a window of Rostrum's: GTK's default would need a PDF
 * viewer installed.
 */
static void
draw_preview_page (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  RstLayout *layout = user_data;
  guint page = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (area), "rst-page"));
  double page_width, page_height;

  rst_layout_get_page_size (layout, &page_width, &page_height);

  /* Paper is white in the dark style too. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / page_width, height / page_height);
  rst_layout_render_page (layout, cr, page);
}

static void
end_preview (gpointer data)
{
  GtkPrintOperationPreview *preview = data;

  gtk_print_operation_preview_end_preview (preview);
  g_object_unref (preview);
}

static gboolean
rst_print_operation_preview (GtkPrintOperation        *operation,
                             GtkPrintOperationPreview *preview,
                             GtkPrintContext          *context,
                             GtkWindow                *parent)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (operation);
  RstLayout *layout = rst_print_operation_ensure_layout (self);
  guint n_pages = rst_layout_get_n_pages (layout);
  g_autofree char *subtitle = NULL;
  GtkEventController *shortcuts;
  GtkWidget *window;
  GtkWidget *content;
  GtkWidget *scrolled;
  GtkWidget *pages;
  double page_width, page_height;

  rst_layout_get_page_size (layout, &page_width, &page_height);

  /* GTK asks for a context to paginate on; the pages are drawn below,
   * not through it.
   */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (surface);

    gtk_print_context_set_cairo_context (context, cr, 72, 72);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (window), 680, 860);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), parent);
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    }
  gtk_widget_add_css_class (window, "rst-print-preview");

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
  {
    GtkWidget *header = adw_header_bar_new ();

    adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                     adw_window_title_new (_("Print Preview"), subtitle));
    gtk_box_append (GTK_BOX (content), header);
  }

  pages = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_halign (pages, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (pages, 24);
  gtk_widget_set_margin_bottom (pages, 24);
  gtk_widget_set_margin_start (pages, 24);
  gtk_widget_set_margin_end (pages, 24);
  for (guint i = 0; i < n_pages; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      /* Translators: the accessible name of a page in the print preview */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), i + 1, n_pages);

      /* Four fifths of the page's size in points: a page fits a
       * laptop's screen and the type is still legible.
       */
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), (int) (page_width * 0.8));
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), (int) (page_height * 0.8));
      g_object_set_data (G_OBJECT (area), "rst-page", GUINT_TO_POINTER (i));
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_preview_page,
                                      g_object_ref (layout), g_object_unref);
      gtk_widget_add_css_class (area, "card");
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_box_append (GTK_BOX (pages), area);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), pages);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (window), content);

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  /* Closing the preview ends the operation (::done follows). */
  g_object_set_data_full (G_OBJECT (window), "rst-preview", g_object_ref (preview), end_preview);

  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

static void
rst_print_operation_dispose (GObject *object)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (object);

  if (self->reading_button != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->reading_button), (gpointer *) &self->reading_button);
  self->reading_button = NULL;

  G_OBJECT_CLASS (rst_print_operation_parent_class)->dispose (object);
}

static void
rst_print_operation_finalize (GObject *object)
{
  RstPrintOperation *self = RST_PRINT_OPERATION (object);

  g_clear_object (&self->layout);
  g_clear_object (&self->analysis);

  G_OBJECT_CLASS (rst_print_operation_parent_class)->finalize (object);
}

static void
rst_print_operation_class_init (RstPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = rst_print_operation_dispose;
  object_class->finalize = rst_print_operation_finalize;

  operation_class->begin_print = rst_print_operation_begin_print;
  operation_class->draw_page = rst_print_operation_draw_page;
  operation_class->end_print = rst_print_operation_end_print;
  operation_class->create_custom_widget = rst_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = rst_print_operation_custom_widget_apply;
  operation_class->preview = rst_print_operation_preview;
}

static void
rst_print_operation_init (RstPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  /* The layout places everything in points from the paper's corner,
   * margins included.
   */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* Translators: the print dialog’s tab that picks the council copy or the reading copy */
  gtk_print_operation_set_custom_tab_label (operation, _("Layout"));
}

/**
 * rst_print_operation_new:
 * @analysis: the statement as it is now
 * @kind: the council copy or the reading copy, as first chosen
 *
 * Returns: (transfer full): a print operation whose page setup is the
 * council profile's paper.
 */
RstPrintOperation *
rst_print_operation_new (RstAnalysis   *analysis,
                         RstLayoutKind  kind)
{
  RstPrintOperation *self;
  const RstManuscript *ms;

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (RST_TYPE_PRINT_OPERATION, NULL);
  self->analysis = g_object_ref (analysis);
  self->kind = kind;

  rst_print_operation_apply_page_setup (self);

  /* What the print queue shows: the statement's title. */
  ms = rst_layout_get_manuscript (self->layout);
  if (ms->title != NULL && *ms->title != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), ms->title);

  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), last_settings);

  return self;
}

RstAnalysis *
rst_print_operation_get_analysis (RstPrintOperation *self)
{
  g_return_val_if_fail (RST_IS_PRINT_OPERATION (self), NULL);

  return self->analysis;
}

RstLayoutKind
rst_print_operation_get_kind (RstPrintOperation *self)
{
  g_return_val_if_fail (RST_IS_PRINT_OPERATION (self), RST_LAYOUT_PRINT);

  return self->kind;
}

void
rst_print_operation_set_kind (RstPrintOperation *self,
                              RstLayoutKind      kind)
{
  g_return_if_fail (RST_IS_PRINT_OPERATION (self));

  self->kind = kind;
}

/**
 * rst_print_operation_get_layout:
 *
 * Returns: (transfer none): the pages printed, of the kind chosen now.
 */
RstLayout *
rst_print_operation_get_layout (RstPrintOperation *self)
{
  g_return_val_if_fail (RST_IS_PRINT_OPERATION (self), NULL);

  return rst_print_operation_ensure_layout (self);
}

GtkPrintOperationResult
rst_print_operation_run_dialog (RstPrintOperation  *self,
                                GtkWindow          *parent,
                                GError            **error)
{
  g_return_val_if_fail (RST_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), GTK_PRINT_OPERATION_RESULT_ERROR);

  return gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                  GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error);
}
