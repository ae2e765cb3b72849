/* test-pdf-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PDFs are read back with poppler-glib, as a council's document
 * system or a screen reader would.
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <poppler.h>

#include "rst-layout.h"
#include "rst-test-export.h"

#define PAUSE_MARK "\xe2\x96\xae"

/* Older poppler-glib has no autoptr support; private names cannot clash
 * with a newer one's.
 */
typedef PopplerDocument TestPdf;
typedef PopplerPage TestPdfPage;
typedef PopplerFontInfo TestPdfFonts;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdf, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestPdfFonts, g_object_unref)

static PopplerDocument *
open_pdf (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* The text inside the layout's text area, page after page, squeezed. */
static char *
text_area_text (PopplerDocument *document,
                RstLayout       *layout,
                const char      *drop)
{
  g_autoptr(GString) all = g_string_new (NULL);
  double x, y, width, height;

  rst_layout_get_text_area (layout, &x, &y, &width, &height);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      guint j = 0;

      /* poppler_page_get_text_for_area() selects like a mouse drag, in
       * reading order; a rectangle test needs each glyph's box.
       */
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (const char *p = text; *p && j < n_rects; p = g_utf8_next_char (p), j++)
        {
          double cx = (rects[j].x1 + rects[j].x2) / 2;
          double cy = (rects[j].y1 + rects[j].y2) / 2;

          if (cx >= x && cx <= x + width && cy >= y && cy <= y + height)
            g_string_append_len (all, p, g_utf8_next_char (p) - p);
        }
      g_assert_cmpuint (j, ==, n_rects);
    }

  return rst_test_squeeze (all->str, drop);
}

static void
assert_fonts_embedded (PopplerDocument *document)
{
  g_autoptr(TestPdfFonts) info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  guint n_fonts = 0;

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter));
  g_assert_nonnull (iter);
  do
    {
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_assert_true (poppler_fonts_iter_is_subset (iter));
      n_fonts++;
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);

  g_assert_cmpuint (n_fonts, >, 0);
}

static void
test_pdf_bare_fixture (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (FALSE);
  g_autoptr(GFile) file = rst_test_export (analysis, RST_EXPORT_PDF, "statement.pdf");
  g_autoptr(TestPdf) document = open_pdf (file);
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  g_autoptr(TestPdfPage) first = NULL;
  g_autofree char *expected = rst_test_expected_body (analysis);
  g_autofree char *text = text_area_text (document, layout, NULL);
  g_autofree char *first_text = NULL;
  double width, height;

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, rst_layout_get_n_pages (layout));
  g_assert_cmpstr (text, ==, expected);

  /* No title in the details: the heading is the title. */
  {
    g_autofree char *title = poppler_document_get_title (document);
    g_assert_cmpstr (title, ==, "Statement by H.E. Ambassador Chen Xu at the 114th Session of the Council of IOM");
  }

  /* No details: the council the heading names, the IOM Council, on A4. */
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  g_assert_true (rst_analysis_is_from_heading (analysis, RST_DETAIL_COUNCIL));
  g_assert_cmpstr (rst_council_get_paper (rst_analysis_get_council (analysis)), ==, "a4");
  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 210 / 25.4 * 72, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 297 / 25.4 * 72, 0.5);

  /* The delivery mark of the generic profile heads page one. */
  first_text = poppler_page_get_text (first);
  g_assert_nonnull (strstr (first_text, "Check against delivery"));

  assert_fonts_embedded (document);
}

static void
test_pdf_details_and_council (void)
{
  g_autoptr(RstCouncil) council = rst_test_lookup_council ("iom");
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture_for (TRUE, council);
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(RstLayout) layout = NULL;
  g_autoptr(TestPdfPage) first = NULL;
  g_autoptr(TestPdfPage) last = NULL;
  g_autofree char *expected = rst_test_expected_body (analysis);
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *page_label = NULL;
  int n_pages;

  file = rst_test_export (analysis, RST_EXPORT_PDF, "statement.pdf");
  document = open_pdf (file);
  layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  text = text_area_text (document, layout, NULL);

  g_assert_cmpstr (text, ==, expected);

  title = poppler_document_get_title (document);
  author = poppler_document_get_author (document);
  subject = poppler_document_get_subject (document);
  g_assert_cmpstr (title, ==, "Statement by H.E. Ambassador Chen Xu");
  g_assert_cmpstr (author, ==, "China");
  g_assert_nonnull (strstr (subject, rst_council_get_name (council)));
  g_assert_nonnull (strstr (subject, "114th Session"));

  /* Page one: the delivery mark and the session line above the text;
   * every page: the delegation and the page number below it.
   */
  n_pages = poppler_document_get_n_pages (document);
  first = poppler_document_get_page (document, 0);
  last = poppler_document_get_page (document, n_pages - 1);
  first_text = poppler_page_get_text (first);
  last_text = poppler_page_get_text (last);
  g_assert_nonnull (strstr (first_text, rst_council_get_delivery_mark (council)));
  g_assert_nonnull (strstr (first_text, "114th Session"));
  g_assert_nonnull (strstr (first_text, "General debate"));
  g_assert_nonnull (strstr (first_text, "28 November 2023"));
  g_assert_nonnull (strstr (last_text, "China"));
  page_label = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
  g_assert_nonnull (strstr (last_text, page_label));

  assert_fonts_embedded (document);
}

/* Text set in a PDF comes back as the same characters: markup, escapes
 * and characters Pango markup would choke on.
 */
static void
test_pdf_markup_escaped (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(TestPdfPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  GList *attributes;
  gboolean seen_bold = FALSE;
  gboolean seen_italic = FALSE;

  analysis = rst_test_analyse ("Mr. President,\n\n"
                              "Tom & Jerry <b>said</b> \"5 < 6\" and **we agree** with *all* of it.\n\n"
                              "I thank you.\n");
  file = rst_test_export (analysis, RST_EXPORT_PDF, "markup.pdf");
  document = open_pdf (file);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  squeezed = rst_test_squeeze (text, NULL);

  /* The straight quotes are set as English ones. */
  g_assert_nonnull (strstr (squeezed, "Tom&Jerry<b>said</b>“5<6”andweagreewithallofit."));
  g_assert_null (strchr (squeezed, '*'));

  attributes = poppler_page_get_text_attributes (page);
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      g_autofree char *run = g_utf8_substring (text, a->start_index, a->end_index + 1);

      if (strstr (run, "agree") != NULL && strstr (a->font_name, "Bold") != NULL)
        seen_bold = TRUE;
      if (g_str_equal (g_strstrip (run), "all") && strstr (a->font_name, "Italic") != NULL)
        seen_italic = TRUE;
    }
  poppler_page_free_text_attributes (attributes);

  g_assert_true (seen_bold);
  g_assert_true (seen_italic);
}

static void
test_reading_copy (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GFile) file = rst_test_export (analysis, RST_EXPORT_READING_PDF, "reading.pdf");
  g_autoptr(TestPdf) document = open_pdf (file);
  g_autoptr(RstLayout) layout = rst_layout_new (analysis, RST_LAYOUT_READING);
  g_autoptr(RstLayout) print = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  g_autofree char *expected = rst_test_expected_body (analysis);
  g_autofree char *text = text_area_text (document, layout, PAUSE_MARK);
  int n_pages = poppler_document_get_n_pages (document);
  guint pause_marks = 0;
  gboolean bold_first = FALSE;
  gboolean bold_salutation = FALSE;

  /* The council the details name gives the page. */
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  g_assert_cmpstr (text, ==, expected);
  /* Large type takes more pages than the council copy. */
  g_assert_cmpint (n_pages, >, rst_layout_get_n_pages (print));
  assert_fonts_embedded (document);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      g_autofree char *number = g_strdup_printf ("%d/%d", i + 1, n_pages);
      g_autofree char *squeezed = NULL;
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      double width, height;
      GList *attributes;

      poppler_page_get_size (page, &width, &height);

      /* Only the top two thirds carry text. */
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      for (guint j = 0; j < n_rects; j++)
        g_assert_cmpfloat (rects[j].y2, <=, height * 2 / 3 + 1);
      g_free (rects);

      squeezed = rst_test_squeeze (page_text, NULL);
      g_assert_true (g_str_has_prefix (squeezed, number));
      for (const char *p = page_text; (p = strstr (p, PAUSE_MARK)) != NULL; p++)
        pause_marks++;

      /* Nothing under 18 pt; bold salutations and ordinals. */
      attributes = poppler_page_get_text_attributes (page);
      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;
          g_autofree char *run = g_utf8_substring (page_text, a->start_index, a->end_index + 1);

          g_assert_cmpfloat (a->font_size, >=, 18.0);
          if (strstr (a->font_name, "Bold") == NULL)
            continue;
          if (g_str_has_prefix (run, "First"))
            bold_first = TRUE;
          if (strstr (run, "Mr. Chairperson,") != NULL)
            bold_salutation = TRUE;
        }
      poppler_page_free_text_attributes (attributes);
    }

  g_assert_true (bold_first);
  g_assert_true (bold_salutation);
  /* One pause at the end of every spoken paragraph: all but the heading. */
  {
    guint n_paragraphs = 0;

    rst_test_get_paragraphs (analysis, &n_paragraphs);
    g_assert_cmpuint (pause_marks, ==, n_paragraphs - 1);
  }
}

/* Whether fontconfig has @family itself, not a face standing in for it. */
static gboolean
font_installed (const char *family)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();

  return pango_font_map_get_family (map, family) != NULL;
}

/* Skips the test when the language's best face is missing: its glyphs
 * would come from whatever face fontconfig has, and the test would say
 * nothing about Rostrum.
 */
static gboolean
require_faces (const char *lang)
{
  const char *best = rst_writing_get_fonts (rst_writing_get (lang), TRUE)[0];

  if (font_installed (best))
    return TRUE;

  g_test_skip_printf ("%s is not installed (build-aux/debian-packages.txt has it)", best);
  return FALSE;
}

/* A PDF font's name without its subset tag and spaces, in lower case:
 * "ABCDEF+NotoSerifCJKsc-Regular" → "notoserifcjksc-regular".
 */
static char *
font_key (const char *name)
{
  const char *plus = name != NULL ? strchr (name, '+') : NULL;
  g_autofree char *bare = g_strdup (plus != NULL ? plus + 1 : name != NULL ? name : "");
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = bare; *p; p++)
    {
      if (*p != ' ')
        g_string_append_c (out, g_ascii_tolower (*p));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The names of the fonts a PDF embeds, as font_key() gives them. */
static GPtrArray *
pdf_font_keys (PopplerDocument *document)
{
  g_autoptr(TestPdfFonts) info = poppler_font_info_new (document);
  PopplerFontsIter *iter = NULL;
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (poppler_font_info_scan (info, poppler_document_get_n_pages (document), &iter));
  g_assert_nonnull (iter);
  do
    {
      g_assert_true (poppler_fonts_iter_is_embedded (iter));
      g_ptr_array_add (keys, font_key (poppler_fonts_iter_get_name (iter)));
    }
  while (poppler_fonts_iter_next (iter));
  poppler_fonts_iter_free (iter);

  return keys;
}

static gboolean
has_font (GPtrArray  *keys,
          const char *part)
{
  g_autofree char *key = font_key (part);

  for (guint i = 0; i < keys->len; i++)
    {
      if (strstr (g_ptr_array_index (keys, i), key) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* A page's text selected line by line, as a reader's mouse would:
 * poppler_page_get_text() selects glyph by glyph, and in poppler 22.12
 * that drops whole right-to-left lines (an Arabic footer) and letters
 * after a lam-alef ligature.
 */
static char *
page_text (PopplerPage *page)
{
  PopplerRectangle whole = { 0, 0, 0, 0 };

  poppler_page_get_size (page, &whole.x2, &whole.y2);

  return poppler_page_get_selected_text (page, POPPLER_SELECTION_LINE, &whole);
}

/* Every page's text, squeezed, bidi controls aside. */
static char *
pdf_text (PopplerDocument *document)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = page_text (page);

      g_string_append (all, text);
    }

  return rst_test_squeeze_visible (all->str, NULL);
}

/* An Arabic statement exported on an English desktop is all Arabic: page
 * footer, session line, delivery mark, in an Arabic face, right to left.
 */
static void
test_pdf_arabic (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(RstLayout) layout = NULL;
  g_autoptr(TestPdfPage) first = NULL;
  g_autoptr(GPtrArray) fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  int n_pages;

  if (!require_faces ("ar"))
    return;

  analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "ar");
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");

  file = rst_test_export (analysis, RST_EXPORT_PDF, "ar.pdf");
  document = open_pdf (file);
  layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  n_pages = poppler_document_get_n_pages (document);
  text = pdf_text (document);

  /* The words around the statement in its language; not one in English
   * ("Check against delivery", "IOM Council", "Page 1 of 1", "Session").
   */
  g_assert_nonnull (strstr (text, "مجلسالمنظمةالدوليةللهجرة،الدورة"));
  g_assert_false (rst_test_has_latin (text));
  {
    g_autofree char *glyphs = NULL;

    first = poppler_document_get_page (document, 0);
    glyphs = poppler_page_get_text (first);
    g_assert_false (rst_test_has_latin (glyphs));
  }

  /* The footer of every page, read from below the text area. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      PopplerRectangle below = { 0, 0, 0, 0 };
      g_autofree char *footer_text = NULL;
      g_autofree char *squeezed = NULL;
      double x, y, width, height;

      rst_layout_get_text_area (layout, &x, &y, &width, &height);
      poppler_page_get_size (page, &below.x2, &below.y2);
      below.y1 = y + height;
      footer_text = poppler_page_get_text_for_area (page, &below);
      squeezed = rst_test_squeeze_visible (footer_text, NULL);
      footer = g_strdup_printf ("الصفحة%dمن%d", i + 1, n_pages);
      g_assert_cmpstr (squeezed, ==, footer);
      g_clear_pointer (&footer, g_free);
    }

  /* The council's own mark in Arabic heads page one, above the text:
   * poppler finds its words one by one (it shifts the blanks of an Arabic
   * line by a glyph, and no phrase matches).
   */
  {
    GList *found = poppler_page_find_text (first, "العبرة");
    PopplerRectangle *rect;
    double page_width, page_height, x, y;

    g_assert_nonnull (found);
    rect = found->data;
    poppler_page_get_size (first, &page_width, &page_height);
    rst_layout_get_text_area (layout, &x, &y, NULL, NULL);
    /* find_text() counts y from the foot of the page. */
    g_assert_cmpfloat (page_height - rect->y1, <, y);
    g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  }

  /* Words of the body are on the page, in Arabic letters: poppler finds
   * them (whole phrases it does not, see above).
   */
  {
    const char *words[] = { "السيد", "مصر", "المنظمة", "التنمية", "الحدود", "المجتمع", NULL };

    for (guint i = 0; words[i] != NULL; i++)
      {
        gboolean found = FALSE;

        for (int k = 0; k < n_pages && !found; k++)
          {
            g_autoptr(TestPdfPage) page = poppler_document_get_page (document, k);
            GList *rects = poppler_page_find_text (page, words[i]);

            found = rects != NULL;
            g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
          }
        g_assert_true (found);
      }
  }

  /* An Arabic face set it, not DejaVu standing in for a Latin one. */
  fonts = pdf_font_keys (document);
  g_assert_true (has_font (fonts, rst_writing_get_fonts (rst_writing_get ("ar"), TRUE)[0]));
  g_assert_false (has_font (fonts, "DejaVu"));
}

/* The text of the first line of @page whose characters all lie in
 * [@y0, @y1], with the x of each end: which side a line starts on.
 */
static void
line_extent (PopplerPage *page,
             double       y0,
             double       y1,
             double      *left,
             double      *right)
{
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;

  *left = G_MAXDOUBLE;
  *right = -G_MAXDOUBLE;
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  for (guint i = 0; i < n_rects; i++)
    {
      if (rects[i].y1 >= y0 - 1 && rects[i].y2 <= y1 + 1 && rects[i].x2 > rects[i].x1)
        {
          *left = MIN (*left, rects[i].x1);
          *right = MAX (*right, rects[i].x2);
        }
    }
}

/* The salutation of an Arabic statement starts at the right margin, a
 * short last line of a paragraph too; the page number sits at the left.
 */
static void
test_pdf_arabic_direction (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(RstLayout) layout = NULL;
  g_autoptr(TestPdfPage) page = NULL;
  const RstLayoutLine *lines;
  double x, y, width, height;
  guint n_lines = 0;
  gboolean seen = FALSE;

  if (!require_faces ("ar"))
    return;

  analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  file = rst_test_export (analysis, RST_EXPORT_PDF, "ar.pdf");
  document = open_pdf (file);
  layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  page = poppler_document_get_page (document, 0);
  rst_layout_get_text_area (layout, &x, &y, &width, &height);

  lines = rst_layout_get_lines (layout, 0, &n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      double left, right;

      if (lines[i].kind != RST_BLOCK_SALUTATION)
        continue;

      line_extent (page, lines[i].y, lines[i].y + lines[i].height, &left, &right);
      g_assert_cmpfloat (right, >, x + width - 2);
      g_assert_cmpfloat (left, >, x + width / 2);
      seen = TRUE;
      break;
    }
  g_assert_true (seen);

  /* The footer: the page number at the end of the line, the left; the
   * glyph boxes poppler gives lack that line, its search has it.
   */
  {
    GList *found = poppler_page_find_text (page, "الصفحة");
    PopplerRectangle *rect;

    g_assert_nonnull (found);
    rect = found->data;
    g_assert_cmpfloat (rect->x1, >, x - 2);
    g_assert_cmpfloat (rect->x2, <, x + width / 2);
    g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  }
}

/* A Chinese statement: the Simplified Chinese face, not the Japanese one,
 * body text not bold, the words around it in Chinese.
 */
static void
test_pdf_chinese (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autoptr(RstLayout) layout = NULL;
  g_autoptr(GPtrArray) fonts = NULL;
  g_autofree char *text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *footer = NULL;
  gboolean seen_regular_body = FALSE;
  int n_pages;

  if (!require_faces ("zh"))
    return;

  analysis = rst_test_load_corpus ("zh-iom-114-china.txt", "");
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "zh");

  file = rst_test_export (analysis, RST_EXPORT_PDF, "zh.pdf");
  document = open_pdf (file);
  layout = rst_layout_new (analysis, RST_LAYOUT_PRINT);
  n_pages = poppler_document_get_n_pages (document);
  text = pdf_text (document);

  footer = g_strdup_printf ("第%d页，共%d页", n_pages, n_pages);
  g_assert_nonnull (strstr (text, footer));
  g_assert_nonnull (strstr (text, "国际移民组织理事会·第114届会议"));
  g_assert_false (rst_test_has_latin (text));

  /* Chinese comes back in order, character for character. */
  body = text_area_text (document, layout, NULL);
  expected = rst_test_expected_body (analysis);
  g_assert_cmpstr (body, ==, expected);

  fonts = pdf_font_keys (document);
  g_assert_true (has_font (fonts, "CJKsc-Regular"));
  g_assert_false (has_font (fonts, "CJKjp"));
  g_assert_false (has_font (fonts, "CJKtc"));
  g_assert_false (has_font (fonts, "CJKkr"));

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);
      GList *attributes = poppler_page_get_text_attributes (page);

      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *a = l->data;
          g_autofree char *run = g_utf8_substring (page_text, a->start_index, a->end_index + 1);

          /* The body is regular; only the heading is bold. */
          if (strstr (run, "中方祝贺你当选本届理事会主席") != NULL)
            {
              g_assert_null (strstr (a->font_name, "Bold"));
              seen_regular_body = TRUE;
            }
        }
      poppler_page_free_text_attributes (attributes);
    }
  g_assert_true (seen_regular_body);
}

/* The reading copy of an Arabic statement: figures for page numbers,
 * nothing in English, the sentences cut.
 */
static void
test_reading_copy_arabic (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autofree char *text = NULL;
  int n_pages;

  if (!require_faces ("ar"))
    return;

  analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  file = rst_test_export (analysis, RST_EXPORT_READING_PDF, "ar-reading.pdf");
  document = open_pdf (file);
  n_pages = poppler_document_get_n_pages (document);
  text = pdf_text (document);

  g_assert_cmpint (n_pages, >, 1);
  g_assert_false (rst_test_has_latin (text));
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(TestPdfPage) page = poppler_document_get_page (document, i);
      g_autofree char *text_of_page = page_text (page);
      g_autofree char *squeezed = rst_test_squeeze_visible (text_of_page, NULL);
      g_autofree char *number = g_strdup_printf ("%d/%d", i + 1, n_pages);
      g_autofree char *reversed = g_strdup_printf ("%d/%d", n_pages, i + 1);

      /* Right to left, poppler may give the figures either way round. */
      g_assert_true (strstr (squeezed, number) != NULL || strstr (squeezed, reversed) != NULL);
    }
}

/* French typography and words: "Page 1 sur 2", « 114e session », a
 * no-break space before the colon.
 */
static void
test_pdf_french (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TestPdf) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *footer = NULL;
  int n_pages;

  analysis = rst_test_load_corpus ("fr-iom-114-senegal.txt",
                                   "---\nlang: fr\ndate: 2023-12-01\nagenda-item: Débat général\n---\n");
  file = rst_test_export (analysis, RST_EXPORT_PDF, "fr.pdf");
  document = open_pdf (file);
  n_pages = poppler_document_get_n_pages (document);
  text = pdf_text (document);

  footer = g_strdup_printf ("Page%dsur%d", n_pages, n_pages);
  g_assert_nonnull (strstr (text, footer));
  g_assert_nonnull (strstr (text, "Conseildel'OIM·114esession·Débatgénéral·1erdécembre2023"));
  g_assert_null (strstr (text, "Session"));
  g_assert_null (strstr (text, "IOMCouncil"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pdf-export/bare-fixture", test_pdf_bare_fixture);
  g_test_add_func ("/pdf-export/details-and-council", test_pdf_details_and_council);
  g_test_add_func ("/pdf-export/markup-escaped", test_pdf_markup_escaped);
  g_test_add_func ("/pdf-export/reading-copy", test_reading_copy);
  g_test_add_func ("/pdf-export/arabic", test_pdf_arabic);
  g_test_add_func ("/pdf-export/arabic-direction", test_pdf_arabic_direction);
  g_test_add_func ("/pdf-export/chinese", test_pdf_chinese);
  g_test_add_func ("/pdf-export/french", test_pdf_french);
  g_test_add_func ("/pdf-export/reading-copy-arabic", test_reading_copy_arabic);

  return g_test_run ();
}
