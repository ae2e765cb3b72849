/* rst-view-settings.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "rst-spell-checker.h"
#include "rst-view-settings.h"

/* Every open view follows GSettings directly, as GNOME Text Editor's views
 * do: a change in Preferences shows at once in every tab and window, and
 * no list of open views is kept anywhere.
 */
typedef struct
{
  GtkSourceView  *view; /* weak */
  GSettings      *settings;
  GtkCssProvider *font_css;
} ViewSettings;

static void
view_settings_free (ViewSettings *vs)
{
  /* Bindings may keep the GSettings a moment longer than us. */
  g_signal_handlers_disconnect_by_data (vs->settings, vs);
  g_clear_weak_pointer (&vs->view);
  g_clear_object (&vs->settings);
  g_clear_object (&vs->font_css);
  g_free (vs);
}

GtkSourceStyleScheme *
rst_view_settings_get_scheme (const char *scheme_id,
                              gboolean    dark)
{
  GtkSourceStyleSchemeManager *manager = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme = NULL;

  if (scheme_id != NULL && *scheme_id != '\0')
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, scheme_id);
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, "rostrum-light");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (manager, "Adwaita");
  if (scheme == NULL)
    return NULL;

  {
    const char *variant = gtk_source_style_scheme_get_metadata (scheme, "variant");
    const char *other = gtk_source_style_scheme_get_metadata (scheme, dark ? "dark-variant" : "light-variant");
    const char *id = gtk_source_style_scheme_get_id (scheme);
    g_autofree char *guess = NULL;
    GtkSourceStyleScheme *alt = NULL;

    if (g_strcmp0 (variant, dark ? "dark" : "light") == 0)
      return scheme;
    if (other != NULL)
      alt = gtk_source_style_scheme_manager_get_scheme (manager, other);
    /* Schemes without metadata: "classic" and "classic-dark". */
    if (alt == NULL && dark && !g_str_has_suffix (id, "-dark"))
      {
        guess = g_strconcat (id, "-dark", NULL);
        alt = gtk_source_style_scheme_manager_get_scheme (manager, guess);
      }
    else if (alt == NULL && !dark && g_str_has_suffix (id, "-dark"))
      {
        guess = g_strndup (id, strlen (id) - strlen ("-dark"));
        alt = gtk_source_style_scheme_manager_get_scheme (manager, guess);
      }
    return alt ? alt : scheme;
  }
}

char *
rst_view_settings_font_to_css (const char *font)
{
  return rst_view_settings_zoomed_font_to_css (font, 1.0);
}

/* The zoom scales the size the font names; a font without one (the
 * system's) grows from the size it inherits.
 */
char *
rst_view_settings_zoomed_font_to_css (const char *font,
                                      double      zoom)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font ? font : "");
  GString *css = g_string_new ("textview {");
  PangoFontMask mask = pango_font_description_get_set_fields (desc);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  zoom = CLAMP (zoom, RST_VIEW_SETTINGS_ZOOM_MIN, RST_VIEW_SETTINGS_ZOOM_MAX);

  if (mask & PANGO_FONT_MASK_FAMILY)
    g_string_append_printf (css, " font-family: \"%s\";", pango_font_description_get_family (desc));
  if (mask & PANGO_FONT_MASK_SIZE)
    {
      double size = zoom * pango_font_description_get_size (desc) / PANGO_SCALE;

      g_ascii_formatd (buf, sizeof buf, "%.1f", size);
      g_string_append_printf (css, " font-size: %s%s;", buf,
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }
  else if (zoom != 1.0)
    {
      g_ascii_formatd (buf, sizeof buf, "%.0f", zoom * 100);
      g_string_append_printf (css, " font-size: %s%%;", buf);
    }
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", (int)pango_font_description_get_weight (desc));
  if (mask & PANGO_FONT_MASK_STYLE)
    {
      PangoStyle style = pango_font_description_get_style (desc);
      g_string_append_printf (css, " font-style: %s;",
                              style == PANGO_STYLE_ITALIC ? "italic" :
                              style == PANGO_STYLE_OBLIQUE ? "oblique" : "normal");
    }
  g_string_append (css, " }");

  return g_string_free (css, FALSE);
}

static void
update_scheme (ViewSettings *vs)
{
  g_autofree char *id = NULL;
  GtkSourceStyleScheme *scheme;
  GtkTextBuffer *buffer;

  if (vs->view == NULL)
    return;

  id = g_settings_get_string (vs->settings, "style-scheme");
  scheme = rst_view_settings_get_scheme (id, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (vs->view));
  if (GTK_SOURCE_IS_BUFFER (buffer))
    gtk_source_buffer_set_style_scheme (GTK_SOURCE_BUFFER (buffer), scheme);
}

static void
update_font (ViewSettings *vs)
{
  g_autofree char *font = NULL;
  g_autofree char *css = NULL;
  double zoom;

  if (vs->view == NULL)
    return;

  /* The zoom of every page, as GNOME Text Editor's. */
  zoom = g_settings_get_double (vs->settings, "zoom");

  /* No font names the system's document font: only the zoom, if any. */
  if (!g_settings_get_boolean (vs->settings, "use-system-font"))
    font = g_settings_get_string (vs->settings, "custom-font");
  css = rst_view_settings_zoomed_font_to_css (font, zoom);
  gtk_css_provider_load_from_data (vs->font_css, css, -1);
}

static void
dark_changed (AdwStyleManager *style_manager,
              GParamSpec      *pspec,
              GtkSourceView   *view)
{
  ViewSettings *vs = g_object_get_data (G_OBJECT (view), "rst-view-settings");

  if (vs != NULL)
    update_scheme (vs);
}

static gboolean
map_wrap_mode (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  /* Paragraphs wrap between words; a very long word breaks anywhere. */
  g_value_set_enum (value, g_variant_get_boolean (variant) ? GTK_WRAP_WORD_CHAR : GTK_WRAP_NONE);
  return TRUE;
}

static void
settings_changed (GSettings    *settings,
                  const char   *key,
                  ViewSettings *vs)
{
  if (g_str_equal (key, "style-scheme"))
    update_scheme (vs);
  else if (g_str_equal (key, "use-system-font") || g_str_equal (key, "custom-font") ||
           g_str_equal (key, "zoom"))
    update_font (vs);
}

void
rst_view_settings_attach (GtkSourceView *view)
{
  ViewSettings *vs;
  RstSpellChecker *spell;

  g_return_if_fail (GTK_SOURCE_IS_VIEW (view));

  if (g_object_get_data (G_OBJECT (view), "rst-view-settings") != NULL)
    return;

  vs = g_new0 (ViewSettings, 1);
  g_set_weak_pointer (&vs->view, view);
  vs->settings = g_settings_new (APP_ID);
  vs->font_css = gtk_css_provider_new ();
  /* Deprecated only after GTK 4.8; a widget-scoped font has no other way. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (view)),
                                  GTK_STYLE_PROVIDER (vs->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
  g_object_set_data_full (G_OBJECT (view), "rst-view-settings", vs, (GDestroyNotify)view_settings_free);

  g_settings_bind (vs->settings, "show-line-numbers", view, "show-line-numbers", G_SETTINGS_BIND_GET);
  g_settings_bind (vs->settings, "highlight-current-line", view, "highlight-current-line", G_SETTINGS_BIND_GET);
  g_settings_bind_with_mapping (vs->settings, "wrap-text", view, "wrap-mode", G_SETTINGS_BIND_GET,
                                map_wrap_mode, NULL, NULL, NULL);

  spell = rst_spell_checker_attach (view);
  g_settings_bind (vs->settings, "spell-check", spell, "enabled", G_SETTINGS_BIND_GET);

  /* vs->settings dies with vs, so the handler cannot outlive it. */
  g_signal_connect (vs->settings, "changed", G_CALLBACK (settings_changed), vs);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed), view, G_CONNECT_DEFAULT);
  update_scheme (vs);
  update_font (vs);
}

/* The levels of a browser's zoom: small steps near 100 %, larger ones
 * far from it.
 */
static const double zoom_levels[] = {
  0.3, 0.5, 0.67, 0.8, 0.9, 1.0, 1.1, 1.2, 1.33, 1.5, 1.7, 2.0, 2.4, 3.0, 4.0,
};

double
rst_view_settings_zoom_step (double zoom,
                             int    direction)
{
  if (direction > 0)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_levels); i++)
        if (zoom_levels[i] > zoom + 0.005)
          return zoom_levels[i];
      return RST_VIEW_SETTINGS_ZOOM_MAX;
    }
  if (direction < 0)
    {
      for (guint i = G_N_ELEMENTS (zoom_levels); i > 0; i--)
        if (zoom_levels[i - 1] < zoom - 0.005)
          return zoom_levels[i - 1];
      return RST_VIEW_SETTINGS_ZOOM_MIN;
    }
  return 1.0;
}
