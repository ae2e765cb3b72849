/* test-language.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The statement language definition and the two style schemes, loaded the
 * way the editor loads them (the language from the application's GResource,
 * the schemes too where GtkSourceView can), then applied to real statements
 * in a GtkSourceBuffer. GtkSourceView highlights without a display, so
 * nothing here skips.
 */

#include "config.h"

#include <gtksourceview/gtksource.h>

#define LANGUAGE_ID     "rostrum-statement"
#define LANGUAGE_PATH   "resource://" RESOURCE_PREFIX "/language-specs/"
#define STYLES_PATH     "resource://" RESOURCE_PREFIX "/styles/"

/* Every style the language declares, without its "rostrum-statement:"
 * prefix; the schemes must give each one a look of their own. */
static const char * const language_styles[] = {
  "front-matter", "front-matter-key", "heading", "delivery-mark",
  "salutation", "ordinal", "closing", "placeholder", "bold", "italic",
  NULL
};

static const char * const diagnostic_styles[] = {
  "rostrum:diagnostic-error",
  "rostrum:diagnostic-warning",
  "rostrum:diagnostic-info",
  NULL
};

static const char * const scheme_ids[] = { "rostrum-light", "rostrum-dark", NULL };

/* The system's GtkSourceView data folders, taken before g_test_init()
 * points XDG_DATA_DIRS at an empty temporary folder: the language maps its
 * styles onto def.lang, and the schemes derive from Adwaita. */
static GStrv system_language_dirs;
static GStrv system_style_dirs;

static void
find_system_dirs (void)
{
  const char *env = g_getenv ("XDG_DATA_DIRS");
  g_autoptr(GStrvBuilder) languages = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) styles = g_strv_builder_new ();
  g_auto(GStrv) dirs = NULL;

  if (env == NULL || env[0] == '\0')
    env = "/usr/local/share:/usr/share";
  dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *language_dir = g_build_filename (dirs[i], "gtksourceview-5", "language-specs", NULL);
      g_autofree char *style_dir = g_build_filename (dirs[i], "gtksourceview-5", "styles", NULL);

      g_strv_builder_add (languages, language_dir);
      g_strv_builder_add (styles, style_dir);
    }

  system_language_dirs = g_strv_builder_end (languages);
  system_style_dirs = g_strv_builder_end (styles);
}

/* A private manager that looks where the system looks, plus the
 * application's resources: the same set the editor ends up with. */
static GtkSourceLanguageManager *
create_language_manager (void)
{
  GtkSourceLanguageManager *lm;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) path = NULL;

  g_strv_builder_addv (builder, (const char **) system_language_dirs);
  g_strv_builder_add (builder, LANGUAGE_PATH);
  path = g_strv_builder_end (builder);

  lm = gtk_source_language_manager_new ();
  gtk_source_language_manager_set_search_path (lm, (const char * const *) path);

  return lm;
}

/* GtkSourceView reads style schemes from resources only since 5.8 (5.6
 * opens every scheme path as a plain file), so the schemes are also
 * installed in PKGDATADIR/styles. The tests read them where they are: the
 * source tree always, the resource when the library can. */
static gboolean
can_load_schemes_from_resources (void)
{
  return gtk_source_check_version (5, 8, 0);
}

static GtkSourceStyleSchemeManager *
create_scheme_manager (void)
{
  GtkSourceStyleSchemeManager *sm = gtk_source_style_scheme_manager_new ();
  g_autofree char *source_styles = g_test_build_filename (G_TEST_DIST, "..", "data", "styles", NULL);

  gtk_source_style_scheme_manager_set_search_path (sm, (const char * const *) system_style_dirs);
  if (can_load_schemes_from_resources ())
    gtk_source_style_scheme_manager_append_search_path (sm, STYLES_PATH);
  else
    gtk_source_style_scheme_manager_append_search_path (sm, source_styles);

  return sm;
}

static void
test_resources_present (void)
{
  static const char * const files[] = {
    RESOURCE_PREFIX "/language-specs/rostrum-statement.lang",
    RESOURCE_PREFIX "/styles/rostrum-light.xml",
    RESOURCE_PREFIX "/styles/rostrum-dark.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (files[i], G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);
    }

  if (!can_load_schemes_from_resources ())
    g_test_message ("GtkSourceView %u.%u reads schemes from files only; "
                    "the schemes are tested from the source tree",
                    gtk_source_get_major_version (), gtk_source_get_minor_version ());
}

static void
test_language_loads (void)
{
  g_autoptr(GtkSourceLanguageManager) lm = create_language_manager ();
  g_auto(GStrv) style_ids = NULL;
  g_auto(GStrv) globs = NULL;
  GtkSourceLanguage *language;

  language = gtk_source_language_manager_get_language (lm, LANGUAGE_ID);
  g_assert_nonnull (language);
  g_assert_cmpstr (gtk_source_language_get_id (language), ==, LANGUAGE_ID);
  g_assert_cmpstr (gtk_source_language_get_name (language), ==, "Statement");
  g_assert_false (gtk_source_language_get_hidden (language));

  globs = gtk_source_language_get_globs (language);
  g_assert_nonnull (globs);
  g_assert_true (g_strv_contains ((const char * const *) globs, "*.md"));

  /* The set declared is exactly the set the schemes are written for. */
  style_ids = gtk_source_language_get_style_ids (language);
  g_assert_nonnull (style_ids);
  g_assert_cmpuint (g_strv_length (style_ids), ==, g_strv_length ((GStrv) language_styles));
  for (guint i = 0; language_styles[i] != NULL; i++)
    {
      g_autofree char *id = g_strconcat (LANGUAGE_ID ":", language_styles[i], NULL);

      g_assert_true (g_strv_contains ((const char * const *) style_ids, id));
      g_assert_nonnull (gtk_source_language_get_style_name (language, id));
    }
}

static gboolean
style_get_boolean (GtkSourceStyle *style,
                   const char     *property)
{
  gboolean value = FALSE;

  g_object_get (style, property, &value, NULL);

  return value;
}

static void
test_schemes_define_styles (void)
{
  g_autoptr(GtkSourceLanguageManager) lm = create_language_manager ();
  g_autoptr(GtkSourceStyleSchemeManager) sm = create_scheme_manager ();
  GtkSourceLanguage *language;
  g_auto(GStrv) style_ids = NULL;

  language = gtk_source_language_manager_get_language (lm, LANGUAGE_ID);
  g_assert_nonnull (language);
  style_ids = gtk_source_language_get_style_ids (language);

  for (guint s = 0; scheme_ids[s] != NULL; s++)
    {
      GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (sm, scheme_ids[s]);
      gboolean dark = g_str_has_suffix (scheme_ids[s], "-dark");

      g_assert_nonnull (scheme);
      g_assert_cmpstr (gtk_source_style_scheme_get_id (scheme), ==, scheme_ids[s]);
      g_assert_cmpstr (gtk_source_style_scheme_get_metadata (scheme, "variant"), ==,
                       dark ? "dark" : "light");
      g_assert_cmpstr (gtk_source_style_scheme_get_metadata (scheme, dark ? "light-variant" : "dark-variant"),
                       ==, dark ? "rostrum-light" : "rostrum-dark");

      /* Styles come through the parent: Adwaita's text colours and the
       * def: styles every other language uses. */
      g_assert_nonnull (gtk_source_style_scheme_get_style (scheme, "text"));
      g_assert_nonnull (gtk_source_style_scheme_get_style (scheme, "def:comment"));

      for (guint i = 0; style_ids[i] != NULL; i++)
        {
          GtkSourceStyle *style = gtk_source_style_scheme_get_style (scheme, style_ids[i]);

          if (style == NULL)
            g_error ("%s does not define %s", scheme_ids[s], style_ids[i]);
        }

      /* Read at a glance: headings and priorities bold, slots on a tint. */
      g_assert_true (style_get_boolean (gtk_source_style_scheme_get_style (scheme, LANGUAGE_ID ":heading"), "bold"));
      g_assert_true (style_get_boolean (gtk_source_style_scheme_get_style (scheme, LANGUAGE_ID ":ordinal"), "bold"));
      g_assert_true (style_get_boolean (gtk_source_style_scheme_get_style (scheme, LANGUAGE_ID ":placeholder"),
                                        "background-set"));

      for (guint i = 0; diagnostic_styles[i] != NULL; i++)
        {
          GtkSourceStyle *style = gtk_source_style_scheme_get_style (scheme, diagnostic_styles[i]);
          PangoUnderline underline = PANGO_UNDERLINE_NONE;

          if (style == NULL)
            g_error ("%s does not define %s", scheme_ids[s], diagnostic_styles[i]);
          g_object_get (style, "pango-underline", &underline, NULL);
          g_assert_cmpint (underline, ==, PANGO_UNDERLINE_ERROR);
          g_assert_true (style_get_boolean (style, "underline-color-set"));
        }
    }
}

static GtkSourceBuffer *
create_highlighted_buffer (const char *fixture,
                           const char *scheme_id)
{
  g_autoptr(GtkSourceLanguageManager) lm = create_language_manager ();
  g_autoptr(GtkSourceStyleSchemeManager) sm = create_scheme_manager ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GtkSourceBuffer *buffer;
  GtkTextIter start, end;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  buffer = gtk_source_buffer_new_with_language (gtk_source_language_manager_get_language (lm, LANGUAGE_ID));
  gtk_source_buffer_set_style_scheme (buffer, gtk_source_style_scheme_manager_get_scheme (sm, scheme_id));
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), contents, length);

  gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (buffer), &start, &end);
  gtk_source_buffer_ensure_highlight (buffer, &start, &end);

  return buffer;
}

typedef enum {
  NONE,  /* no character of the text has the class */
  ALL,   /* every character has it */
} Coverage;

/* Finds the first NEEDLE in the buffer and checks the class over all of
 * it. Line ends are left out: a context that ends with its line may or may
 * not cover the newline, and no drafter sees the difference. A needle may
 * hold one to tell one occurrence from another. */
static void
assert_class (GtkSourceBuffer *buffer,
              const char      *needle,
              const char      *context_class,
              Coverage         coverage)
{
  GtkTextIter iter, match_start, match_end;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &iter);
  if (!gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_TEXT_ONLY,
                                     &match_start, &match_end, NULL))
    g_error ("'%s' is not in the fixture", needle);

  for (iter = match_start; gtk_text_iter_compare (&iter, &match_end) < 0; gtk_text_iter_forward_char (&iter))
    {
      gboolean has;

      if (gtk_text_iter_ends_line (&iter))
        continue;

      has = gtk_source_buffer_iter_has_context_class (buffer, &iter, context_class);

      if (has != (coverage == ALL))
        g_error ("'%s': character %d ('%C') %s class %s",
                 needle,
                 gtk_text_iter_get_offset (&iter) - gtk_text_iter_get_offset (&match_start),
                 gtk_text_iter_get_char (&iter),
                 has ? "has" : "lacks",
                 context_class);
    }
}

/* The tag the highlighter put on the first character of NEEDLE sets
 * PROPERTY: what the scheme says is what the drafter sees. */
static gboolean
text_has_tag_with (GtkSourceBuffer *buffer,
                   const char      *needle,
                   const char      *property)
{
  GtkTextIter iter, match_start, match_end;
  g_autoptr(GSList) tags = NULL;

  gtk_text_buffer_get_start_iter (GTK_TEXT_BUFFER (buffer), &iter);
  g_assert_true (gtk_text_iter_forward_search (&iter, needle, GTK_TEXT_SEARCH_TEXT_ONLY,
                                               &match_start, &match_end, NULL));

  tags = gtk_text_iter_get_tags (&match_start);
  for (const GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set = FALSE;

      g_object_get (l->data, property, &set, NULL);
      if (set)
        return TRUE;
    }

  return FALSE;
}

/* The markup of the fixture in both schemes: the two-line bold heading
 * bold over both its lines, the body not. Which paragraph is a heading,
 * a salutation or a priority is the analysis's to say, in any language
 * (test-live-check's /live-check/structure-six-languages); the language
 * definition knows no words.
 */
static void
test_highlight_real_statement (void)
{
  for (guint s = 0; scheme_ids[s] != NULL; s++)
    {
      g_autoptr(GtkSourceBuffer) buffer = create_highlighted_buffer ("iom-114-china.txt", scheme_ids[s]);

      g_assert_true (text_has_tag_with (buffer, "Statement by H.E.", "weight-set"));
      g_assert_true (text_has_tag_with (buffer, "at the 114th Session", "weight-set"));
      g_assert_false (text_has_tag_with (buffer, "Mr. Chairperson,", "weight-set"));
      g_assert_false (text_has_tag_with (buffer, "China has always", "foreground-set"));
      assert_class (buffer, "First", "ordinal", NONE);
      assert_class (buffer, "Mr. Chairperson,", "salutation", NONE);
    }
}

static void
test_highlight_every_element (void)
{
  g_autoptr(GtkSourceBuffer) buffer = create_highlighted_buffer ("language-sample.md", "rostrum-light");

  /* The front matter, its keys, and the slot inside a value. */
  assert_class (buffer, "---\ntitle: Statement by", "front-matter", ALL);
  assert_class (buffer, "delivery-mark: Check against delivery\n---", "front-matter", ALL);
  assert_class (buffer, "{{speaker}}", "placeholder", ALL);
  assert_class (buffer, "title: Statement by", "no-spell-check", ALL);
  g_assert_true (text_has_tag_with (buffer, "council:", "weight-set"));
  assert_class (buffer, "– CHECK AGAINST DELIVERY –", "front-matter", NONE);

  /* Bold over the two lines of a paragraph, with slots in it; not past
   * an empty line.
   */
  g_assert_true (text_has_tag_with (buffer, "Statement by {{speaker}}, Permanent", "weight-set"));
  g_assert_true (text_has_tag_with (buffer, "to the United Nations Office", "weight-set"));
  assert_class (buffer, "{{delegation}}", "placeholder", ALL);
  g_assert_false (text_has_tag_with (buffer, "(As delivered)", "weight-set"));

  assert_class (buffer, "{{Free text}}", "placeholder", ALL);
  assert_class (buffer, "{{Free text}}", "no-spell-check", ALL);
  assert_class (buffer, "flexible", "no-spell-check", NONE);

  g_assert_true (text_has_tag_with (buffer, "**humanitarian**", "weight-set"));
  g_assert_true (text_has_tag_with (buffer, "*three*", "style-set"));
  g_assert_false (text_has_tag_with (buffer, "the **humanitarian**", "weight-set"));

  /* A bold left open ends with its paragraph. */
  {
    g_autoptr(GtkSourceBuffer) open = create_highlighted_buffer ("language-sample.md", "rostrum-light");
    GtkTextIter start, end;

    gtk_text_buffer_set_text (GTK_TEXT_BUFFER (open), "**Open bold\ngoes on\n\nNot here.\n", -1);
    gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (open), &start, &end);
    gtk_source_buffer_ensure_highlight (open, &start, &end);
    g_assert_true (text_has_tag_with (open, "goes on", "weight-set"));
    g_assert_false (text_has_tag_with (open, "Not here.", "weight-set"));
  }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  find_system_dirs ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_source_init ();

  g_test_add_func ("/language/resources-present", test_resources_present);
  g_test_add_func ("/language/loads", test_language_loads);
  g_test_add_func ("/language/schemes-define-styles", test_schemes_define_styles);
  g_test_add_func ("/language/highlight/real-statement", test_highlight_real_statement);
  g_test_add_func ("/language/highlight/every-element", test_highlight_every_element);

  ret = g_test_run ();

  g_strfreev (system_language_dirs);
  g_strfreev (system_style_dirs);

  return ret;
}
