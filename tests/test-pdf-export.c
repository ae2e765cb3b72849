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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pdf-export/bare-fixture", test_pdf_bare_fixture);
  g_test_add_func ("/pdf-export/details-and-council", test_pdf_details_and_council);
  g_test_add_func ("/pdf-export/markup-escaped", test_pdf_markup_escaped);
  g_test_add_func ("/pdf-export/reading-copy", test_reading_copy);

  return g_test_run ();
}
