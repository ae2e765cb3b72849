/* test-layout.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pagination rules, checked on the layout's own line table over a long
 * statement, and drawing onto a plain image surface as a preview does.
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "rst-layout.h"
#include "rst-test-export.h"

static const char * const sentences[] = {
  "We welcome the report of the Director General.",
  "Our delegation attaches great importance to the protection of migrants in vulnerable situations, including women and children, and to the principle of shared responsibility.",
  "Cooperation is essential.",
  "We call on all Member States to step up their support, in particular to the countries that host the largest numbers of displaced people, while respecting national ownership.",
  "Mr. Smith and H.E. Ms. Lee made this point clearly yesterday.",
  "The international community must act now, before the situation deteriorates further and before more lives are lost at sea, in the desert and at borders.",
  "We thank the Secretariat.",
};

/* A long statement whose paragraphs are 1 to 9 sentences long, with
 * salutations in between: enough pages to meet every break rule.
 */
static RstAnalysis *
long_statement (void)
{
  g_autoptr(GString) text = g_string_new ("**Statement by the Delegation of Testland\n"
                                          "at the 114th Session of the Council**\n\n"
                                          "Mr. Chairperson,\n\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (114);

  for (guint i = 0; i < 60; i++)
    {
      guint n = g_rand_int_range (rand, 1, 10);

      if (i % 13 == 12)
        g_string_append (text, "Mr. Chairperson,\n\n");
      for (guint j = 0; j < n; j++)
        {
          if (j > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
        }
      g_string_append (text, "\n\n");
    }
  g_string_append (text, "I thank you.\n");

  return rst_test_analyse (text->str);
}

static gboolean
ends_sentence (const char *text,
               guint       start,
               guint       end)
{
  g_autofree char *line = g_strndup (text + start, end - start);
  g_autoptr(GString) s = g_string_new (line);

  /* Without the pause mark and trailing spaces. */
  g_string_replace (s, "\xe2\x96\xae", "", 0);
  g_string_replace (s, "\xc2\xa0", " ", 0);
  g_strchomp (s->str);
  s->len = strlen (s->str);

  return s->len > 0 && strchr (".!?", s->str[s->len - 1]) != NULL &&
         !g_str_has_suffix (s->str, "Mr.") && !g_str_has_suffix (s->str, "Ms.") &&
         !g_str_has_suffix (s->str, "H.E.");
}

static void
check_pagination (RstLayout *layout)
{
  guint n_pages = rst_layout_get_n_pages (layout);
  guint n_paragraphs = rst_layout_get_n_paragraphs (layout);
  g_autofree guint *next_line = g_new0 (guint, n_paragraphs);
  g_autofree guint *n_lines_of = g_new0 (guint, n_paragraphs);
  g_autofree GString **texts = g_new0 (GString *, n_paragraphs);
  double x, y, width, height;
  guint expected_paragraph = 0;
  guint splits = 0;

  rst_layout_get_text_area (layout, &x, &y, &width, &height);
  for (guint i = 0; i < n_paragraphs; i++)
    texts[i] = g_string_new (NULL);

  g_assert_cmpuint (n_pages, >, 3);

  for (guint page = 0; page < n_pages; page++)
    {
      guint n_lines = 0;
      const RstLayoutLine *lines = rst_layout_get_lines (layout, page, &n_lines);
      const RstLayoutLine *last;
      g_autofree guint *on_page = g_new0 (guint, n_paragraphs);

      g_assert_cmpuint (n_lines, >, 0);

      for (guint i = 0; i < n_lines; i++)
        {
          const RstLayoutLine *line = &lines[i];
          const char *text = rst_layout_get_paragraph_text (layout, line->paragraph);

          /* Every line once, in order, inside the text area. */
          if (line->paragraph != expected_paragraph)
            {
              g_assert_cmpuint (next_line[expected_paragraph], ==, n_lines_of[expected_paragraph]);
              g_assert_cmpuint (line->paragraph, ==, expected_paragraph + 1);
              expected_paragraph = line->paragraph;
            }
          g_assert_cmpuint (line->line, ==, next_line[line->paragraph]);
          n_lines_of[line->paragraph] = line->n_lines;
          next_line[line->paragraph]++;
          on_page[line->paragraph]++;
          g_string_append_len (texts[line->paragraph], text + line->text_start,
                               line->text_end - line->text_start);

          g_assert_cmpfloat (line->y, >=, y - 0.01);
          g_assert_cmpfloat (line->y + line->height, <=, y + height + 0.01);
          g_assert_cmpfloat (line->x, >=, x - 0.01);
          g_assert_cmpfloat (line->x + line->width, <=, x + width + 0.5);
          if (i > 0)
            g_assert_cmpfloat (line->y, >, lines[i - 1].y);
        }

      /* No orphan at the foot, no widow at the head: a paragraph split
       * here leaves at least two lines on each side.
       */
      last = &lines[n_lines - 1];
      if (last->line + 1 < last->n_lines)
        {
          splits++;
          g_assert_cmpuint (on_page[last->paragraph], >=, 2);
          g_assert_cmpuint (last->n_lines - (last->line + 1), >=, 2);
          /* The reading copy turns the page only at a full stop. */
          if (rst_layout_get_kind (layout) == RST_LAYOUT_READING)
            g_assert_true (ends_sentence (rst_layout_get_paragraph_text (layout, last->paragraph),
                                          last->text_start, last->text_end));
        }
      else if (page + 1 < n_pages)
        {
          /* A heading or salutation never ends a page. */
          g_assert_cmpint (last->kind, !=, RST_BLOCK_HEADING);
          g_assert_cmpint (last->kind, !=, RST_BLOCK_SALUTATION);
        }
    }

  /* Nothing lost, nothing repeated. */
  g_assert_cmpuint (expected_paragraph, ==, n_paragraphs - 1);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      g_autoptr(GString) whole = g_string_new (rst_layout_get_paragraph_text (layout, i));

      /* Lines exclude the line separators of a heading. */
      g_string_replace (whole, "\n", "", 0);
      g_assert_cmpstr (texts[i]->str, ==, whole->str);
      g_string_free (texts[i], TRUE);
    }

  /* The statement is long enough that some paragraphs do split. */
  g_assert_cmpuint (splits, >, 0);
}

static void
test_print_pagination (void)
{
  g_autoptr(RstAnalysis) analysis = long_statement ();
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  double width, height;

  rst_layout_get_page_size (layout, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_cmpfloat (rst_layout_get_font_size (layout), ==, 12.0);

  check_pagination (layout);
}

static void
test_reading_pagination (void)
{
  g_autoptr(RstAnalysis) analysis = long_statement ();
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_READING);
  double y, height, page_height;

  rst_layout_get_page_size (layout, NULL, &page_height);
  rst_layout_get_text_area (layout, NULL, &y, NULL, &height);
  g_assert_cmpfloat (rst_layout_get_font_size (layout), >=, 18.0);
  g_assert_cmpfloat (y + height, <=, page_height * 2 / 3 + 0.01);

  check_pagination (layout);

  /* Every spoken paragraph ends with the pause mark. */
  for (guint i = 0; i < rst_layout_get_n_paragraphs (layout); i++)
    {
      const char *text = rst_layout_get_paragraph_text (layout, i);

      if (i == 0)
        g_assert_false (g_str_has_suffix (text, "\xe2\x96\xae"));
      else
        g_assert_true (g_str_has_suffix (text, "\xe2\x96\xae"));
    }
}

/* The council's page: paper and margins from the profile. */
static void
test_council_page (void)
{
  g_autoptr(RstCouncil) unga = rst_test_lookup_council ("unga");
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture_for (TRUE, unga);
  g_autoptr(RstLayout) layout = NULL;
  double width, height, x, y, top, right, bottom, left;

  layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  rst_layout_get_page_size (layout, &width, &height);
  rst_layout_get_text_area (layout, &x, &y, NULL, NULL);
  rst_council_get_margins_mm (unga, &top, &right, &bottom, &left);

  g_assert_cmpfloat_with_epsilon (width, 612, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 792, 0.01);
  g_assert_cmpfloat_with_epsilon (x, left * 72 / 25.4, 0.01);
  g_assert_cmpfloat_with_epsilon (y, top * 72 / 25.4, 0.01);
  g_assert_cmpfloat (rst_layout_get_font_size (layout), ==, rst_council_get_font_size (unga));

  /* The council the front matter names gives its page just the same. */
  {
    g_autoptr(RstAnalysis) named = rst_test_analyse ("---\ncouncil: unga\n---\n"
                                                     "Mr. President,\n\nWe support the reform.\n\nI thank you.\n");
    g_autoptr(RstLayout) named_layout = rst_layout_new (named, RST_LAYOUT_PRINT);
    double named_width, named_height, named_x, named_y;

    g_assert_true (rst_analysis_get_council (named) == unga);
    rst_layout_get_page_size (named_layout, &named_width, &named_height);
    rst_layout_get_text_area (named_layout, &named_x, &named_y, NULL, NULL);
    g_assert_cmpfloat_with_epsilon (named_width, 612, 0.01);
    g_assert_cmpfloat_with_epsilon (named_height, 792, 0.01);
    g_assert_cmpfloat_with_epsilon (named_x, left * 72 / 25.4, 0.01);
    g_assert_cmpfloat_with_epsilon (named_y, top * 72 / 25.4, 0.01);
  }
}

static guint
count_ink (cairo_surface_t *surface,
           int              row_from,
           int              row_to)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  guint ink = 0;

  for (int row = MAX (row_from, 0); row < MIN (row_to, cairo_image_surface_get_height (surface)); row++)
    {
      const guint32 *pixels = (const guint32 *) (gpointer) (data + row * stride);

      for (int col = 0; col < width; col++)
        if ((pixels[col] & 0xffffff) != 0xffffff)
          ink++;
    }

  return ink;
}

/* The preview draws the same page on an image surface at any scale. */
static void
test_render_on_image (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  const double scale = 1.5;

  for (RstLayoutKind kind = RST_LAYOUT_PRINT; kind <= RST_LAYOUT_READING; kind++)
    {
      g_autoptr(RstLayout) layout = rst_layout_new (analysis, kind);
      double width, height, y, area_height;
      cairo_surface_t *surface;
      cairo_t *cr;

      rst_layout_get_page_size (layout, &width, &height);
      rst_layout_get_text_area (layout, NULL, &y, NULL, &area_height);
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      rst_layout_render_page (layout, cr, 0);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* Ink in the text area; for the reading copy none in the lower
       * third of the page.
       */
      g_assert_cmpuint (count_ink (surface, y * scale, (y + area_height) * scale), >, 1000);
      if (kind == RST_LAYOUT_READING)
        g_assert_cmpuint (count_ink (surface, height * 2 / 3 * scale + 1, height * scale), ==, 0);

      cairo_surface_destroy (surface);
    }
}

/* The drafter's "<", "&" and quotes are text, never Pango markup. */
static void
test_markup_is_escaped (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_analyse ("Tom & Jerry <span size=\"99999\">said</span> "
                                                      "**bold** and *italic* and \\*literal\\*.\n");
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);

  g_assert_cmpuint (rst_layout_get_n_paragraphs (layout), ==, 1);
  /* The straight quotes are set as the language's own, “ ”. */
  g_assert_cmpstr (rst_layout_get_paragraph_text (layout, 0), ==,
                   "Tom & Jerry <span size=“99999”>said</span> bold and italic and *literal*.");
  g_assert_cmpuint (rst_layout_get_n_pages (layout), ==, 1);
}

/* A line of Arabic starts at the right edge of the text area, a line
 * of English at the left one.
 */
static void
test_direction (void)
{
  static const struct {
    const char *file;
    gboolean    rtl;
  } cases[] = {
    { "ar-iom-114-egypt.txt", TRUE },
    { "en-iom-114-us-pdf.txt", FALSE },
    { "fr-iom-114-senegal.txt", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RstAnalysis) analysis = rst_test_load_corpus (cases[i].file, "");
      g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
      const RstLayoutLine *lines;
      double x, width;
      guint n_lines = 0;
      guint seen = 0;

      rst_layout_get_text_area (layout, &x, NULL, &width, NULL);
      lines = rst_layout_get_lines (layout, 0, &n_lines);
      for (guint k = 0; k < n_lines; k++)
        {
          /* Salutations and the short last lines of body paragraphs. */
          if (lines[k].kind != RST_BLOCK_SALUTATION &&
              !(lines[k].kind == RST_BLOCK_BODY && lines[k].line + 1 == lines[k].n_lines))
            continue;
          if (lines[k].width > width * 0.8)
            continue;

          if (cases[i].rtl)
            {
              g_assert_cmpfloat_with_epsilon (lines[k].x + lines[k].width, x + width, 0.5);
              g_assert_cmpfloat (lines[k].x, >, x + 1);
            }
          else
            {
              g_assert_cmpfloat_with_epsilon (lines[k].x, x, 0.5);
            }
          seen++;
        }
      g_assert_cmpuint (seen, >, 0);
    }
}

/* An A4 council page whose left margin is @margin_mm, to make lines
 * break in many places.
 */
static RstCouncil *
narrow_council (guint margin_mm)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = g_strdup_printf ("[Council]\nName=Narrow\n[Page]\nPaper=a4\n"
                                           "Margins=10;10;10;%u\nFontSize=12\n", margin_mm);
  RstCouncil *council;

  g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  council = rst_council_new_from_key_file ("narrow", key_file, &error);
  g_assert_no_error (error);

  return council;
}

/* Chinese breaks between any two characters, but never puts "，" "。" or
 * any closing punctuation at the start of a line: Pango's line breaking
 * for zh-cn, in the print and the reading copy, at many widths.
 */
static void
test_chinese_line_starts (void)
{
  static const char forbidden[] = "，。、：；！？）》」』】”’";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "zh-iom-114-china.txt", NULL);
  g_autofree char *text = NULL;
  guint lines_seen = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));

  for (guint margin = 10; margin <= 100; margin += 3)
    {
      g_autoptr(RstCouncil) council = narrow_council (margin);
      g_autoptr(RstAnalysis) analysis = rst_test_analyse_for (text, council);

      g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "zh");

      for (RstLayoutKind kind = RST_LAYOUT_PRINT; kind <= RST_LAYOUT_READING; kind++)
        {
          g_autoptr(RstLayout) layout = rst_layout_new (analysis, kind);

          for (guint page = 0; page < rst_layout_get_n_pages (layout); page++)
            {
              guint n_lines = 0;
              const RstLayoutLine *lines = rst_layout_get_lines (layout, page, &n_lines);

              for (guint k = 0; k < n_lines; k++)
                {
                  const char *para = rst_layout_get_paragraph_text (layout, lines[k].paragraph);
                  gunichar first = g_utf8_get_char (para + lines[k].text_start);

                  if (lines[k].line == 0)
                    continue;
                  lines_seen++;
                  if (g_utf8_strchr (forbidden, -1, first) != NULL)
                    g_error ("margin %u mm, %s copy: a line starts with “%s”", margin,
                             kind == RST_LAYOUT_PRINT ? "council" : "reading", para + lines[k].text_start);
                }
            }
        }
    }

  /* Lines did break, a great many times. */
  g_assert_cmpuint (lines_seen, >, 500);
}

/* The reading copy starts each Chinese sentence on a new line, after
 * 。！？ with nothing to replace, and keeps every character whole.
 */
static void
test_chinese_reading_sentences (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_corpus ("zh-iom-114-china.txt", "");
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_READING);
  guint breaks = 0;

  for (guint i = 0; i < rst_layout_get_n_paragraphs (layout); i++)
    {
      const char *text = rst_layout_get_paragraph_text (layout, i);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      for (const char *p = text; (p = strstr (p, "。")) != NULL; p += strlen ("。"))
        {
          const char *next = p + strlen ("。");

          /* The last sentence ends the paragraph (and its pause mark). */
          if (*next == '\0' || g_str_has_prefix (next, "\xc2\xa0"))
            continue;
          g_assert_cmpint (*next, ==, '\n');
          breaks++;
        }
    }
  g_assert_cmpuint (breaks, >=, 5);
}

/* A heading's line that the measure wraps is cut evenly: no word, and
 * in Chinese no single character ("表"), left alone below it. Every
 * heading line of the six languages' statements, in both layouts, is a
 * whole line of the heading as written or a good part of the measure.
 */
static void
test_balanced_headings (void)
{
  const char *files[] = {
    "ar-iom-114-egypt.txt", "en-iom-114-us-pdf.txt", "es-iom-114-segib.txt",
    "fr-iom-114-senegal.txt", "ru-iom-114-belarus.txt", "zh-iom-114-china.txt",
  };
  guint pieces = 0;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    for (RstLayoutKind kind = RST_LAYOUT_PRINT; kind <= RST_LAYOUT_READING; kind++)
      {
        g_autoptr(RstAnalysis) analysis = rst_test_load_corpus (files[i], "");
        g_autoptr(RstLayout) layout = rst_layout_new (analysis, kind);
        const RstManuscript *manuscript = rst_layout_get_manuscript (layout);
        double area_width;

        rst_layout_get_text_area (layout, NULL, NULL, &area_width, NULL);
        for (guint page = 0; page < rst_layout_get_n_pages (layout); page++)
          {
            guint n_lines;
            const RstLayoutLine *lines = rst_layout_get_lines (layout, page, &n_lines);

            for (guint k = 0; k < n_lines; k++)
              {
                const RstBlock *block = g_ptr_array_index (manuscript->blocks, lines[k].paragraph);
                const char *text = rst_layout_get_paragraph_text (layout, lines[k].paragraph);
                g_autofree char *piece = NULL;
                g_auto(GStrv) written = NULL;

                if (lines[k].kind != RST_BLOCK_HEADING)
                  continue;
                piece = g_strstrip (g_strndup (text + lines[k].text_start,
                                               lines[k].text_end - lines[k].text_start));
                written = g_strsplit (block->text, "\n", -1);
                if (g_strv_contains ((const char * const *) written, piece))
                  continue;

                g_test_message ("%s: “%s” %.0f of %.0f pt", files[i], piece,
                                lines[k].width, area_width);
                g_assert_cmpfloat (lines[k].width, >=, 0.4 * area_width);
                pieces++;
              }
          }
      }

  /* The reading copy's large type wraps some headings. */
  g_assert_cmpuint (pieces, >, 0);
}

/* No character of the six languages' statements is left without a
 * glyph: each is set in a face that has it.
 */
static void
test_no_unknown_glyphs (void)
{
  const char *files[] = {
    "ar-iom-114-egypt.txt", "en-iom-114-us-pdf.txt", "es-iom-114-segib.txt",
    "fr-iom-114-senegal.txt", "ru-iom-114-belarus.txt", "zh-iom-114-china.txt",
  };
  PangoFontMap *map = pango_cairo_font_map_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(RstAnalysis) analysis = rst_test_load_corpus (files[i], "");
      const char *best = rst_writing_get_fonts (rst_writing_get (rst_analysis_get_language (analysis)), TRUE)[0];

      if (pango_font_map_get_family (map, best) == NULL)
        {
          g_test_message ("%s: %s is not installed", files[i], best);
          g_test_incomplete ("a face of the six languages is not installed");
          continue;
        }

      for (RstLayoutKind kind = RST_LAYOUT_PRINT; kind <= RST_LAYOUT_READING; kind++)
        {
          g_autoptr(RstLayout) layout = rst_layout_new (analysis, kind);

          g_assert_cmpuint (rst_layout_count_unknown_glyphs (layout), ==, 0);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/layout/print-pagination", test_print_pagination);
  g_test_add_func ("/layout/reading-pagination", test_reading_pagination);
  g_test_add_func ("/layout/council-page", test_council_page);
  g_test_add_func ("/layout/render-on-image", test_render_on_image);
  g_test_add_func ("/layout/markup-is-escaped", test_markup_is_escaped);
  g_test_add_func ("/layout/direction", test_direction);
  g_test_add_func ("/layout/chinese-line-starts", test_chinese_line_starts);
  g_test_add_func ("/layout/chinese-reading-sentences", test_chinese_reading_sentences);
  g_test_add_func ("/layout/no-unknown-glyphs", test_no_unknown_glyphs);
  g_test_add_func ("/layout/balanced-headings", test_balanced_headings);

  return g_test_run ();
}
