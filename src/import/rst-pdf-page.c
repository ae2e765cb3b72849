/* rst-pdf-page.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rst-pdf-page.h"

/* The lines of a PDF page, from poppler's text and character boxes,
 * with what poppler gets wrong put right: its text is a selection, which
 * can leave out the first lines of a right-to-left page and words
 * without width; it cuts ligatures into letters in page order; it leaves
 * out spaces between Arabic words or puts them one letter off; and it
 * cuts lines into pieces out of order. Which of its boxes can be trusted
 * depends on who made the PDF (cairo, LibreOffice), and is read from
 * the boxes themselves.
 */

void
rst_pdf_line_free (RstPdfLine *line)
{
  g_string_free (line->text, TRUE);
  g_array_unref (line->styles);
  g_free (line);
}

static RstImportStyle
style_of_font (const char *font)
{
  g_autofree char *lower = NULL;
  RstImportStyle style = 0;

  if (font == NULL)
    return 0;

  /* PostScript names: "ABCDEF+LiberationSerif-BoldItalic". */
  lower = g_ascii_strdown (font, -1);
  if (strstr (lower, "bold") != NULL || strstr (lower, "black") != NULL || strstr (lower, "heavy") != NULL ||
      strstr (lower, "semibold") != NULL || strstr (lower, "demi") != NULL)
    style |= RST_IMPORT_STYLE_BOLD;
  if (strstr (lower, "italic") != NULL || strstr (lower, "oblique") != NULL)
    style |= RST_IMPORT_STYLE_ITALIC;

  return style;
}

static gboolean
is_rtl_char (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_ARABIC || script == G_UNICODE_SCRIPT_HEBREW ||
         script == G_UNICODE_SCRIPT_SYRIAC || script == G_UNICODE_SCRIPT_THAANA;
}

gboolean
rst_pdf_is_wide (gunichar c)
{
  return g_unichar_iswide (c) || (g_unichar_iswide_cjk (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN);
}

/* Bidi controls poppler wraps Arabic in; they are not the text. */
static gboolean
is_bidi_control (gunichar c)
{
  return c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* Ligatures and Arabic presentation forms: the letters they stand for. */
static gboolean
is_presentation_form (gunichar c)
{
  return (c >= 0xFB00 && c <= 0xFB06) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC);
}

static void
append_char (RstPdfLine     *line,
             gunichar        c,
             RstImportStyle  style)
{
  gunichar decomposed[8];
  gsize n = 1;

  decomposed[0] = c;
  if (is_presentation_form (c))
    n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));

  for (gsize k = 0; k < n; k++)
    {
      char buffer[8];
      int len = g_unichar_to_utf8 (decomposed[k], buffer);

      g_string_append_len (line->text, buffer, len);
      for (int b = 0; b < len; b++)
        g_array_append_val (line->styles, style);
    }
}

static void
trim_trailing_space (RstPdfLine *line)
{
  if (line->text->len > 0 && line->text->str[line->text->len - 1] == ' ')
    {
      g_string_truncate (line->text, line->text->len - 1);
      g_array_set_size (line->styles, line->text->len);
    }
}

gunichar
rst_pdf_last_char (const GString *text)
{
  const char *prev = g_utf8_find_prev_char (text->str, text->str + text->len);

  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

/* A loose mark at the end of the run that took it. */
static void
append_mark (RstPdfLine     *line,
             gunichar       *mark,
             RstImportStyle  style)
{
  if (*mark != 0 && !g_unichar_ismark (rst_pdf_last_char (line->text)))
    append_char (line, *mark, style);
  *mark = 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

double
rst_pdf_median (GArray *values,
        double  fallback)
{
  if (values->len == 0)
    return fallback;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Where a space stands in a right-to-left line: poppler puts the spaces
 * of Arabic text one letter off ("بسما للها" for "بسم الله"), but the
 * letters' boxes are right, and joined letters touch. A space is wherever
 * two neighbours in the text are apart on the page, whichever way the
 * text runs there (numbers and Latin names run left to right inside it).
 */
static gboolean
boxes_apart (const PopplerRectangle *a,
             const PopplerRectangle *b,
             double                  size)
{
  double a1 = MIN (a->x1, a->x2), a2 = MAX (a->x1, a->x2);
  double b1 = MIN (b->x1, b->x2), b2 = MAX (b->x1, b->x2);
  double gap = MAX (a1 - b2, b1 - a2);

  return gap > size * 0.15;
}

/* Takes @box into the line's extent (and its first word's width). */
static void
extend_line (RstPdfLine             *line,
             const PopplerRectangle *box,
             gboolean               *have_box,
             gboolean                in_first_word)
{
  if (!*have_box)
    {
      line->x1 = box->x1;
      line->x2 = box->x2;
      line->y1 = box->y1;
      line->y2 = box->y2;
      *have_box = TRUE;
    }
  line->x1 = MIN (line->x1, MIN (box->x1, box->x2));
  line->x2 = MAX (line->x2, MAX (box->x1, box->x2));
  line->y1 = MIN (line->y1, box->y1);
  line->y2 = MAX (line->y2, box->y2);
  if (in_first_word)
    line->first_word += fabs (box->x2 - box->x1);
}

/* Whether most letters of @text (of its first line only, if @one_line)
 * are written right to left.
 */
static gboolean
is_mostly_rtl (const char *text,
               gboolean    one_line)
{
  guint rtl = 0, ltr = 0;

  for (const char *p = text; *p != '\0' && !(one_line && *p == '\n'); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_rtl_char (c))
        rtl++;
      else if (g_unichar_isalpha (c))
        ltr++;
    }

  return rtl > ltr;
}

/* poppler's text is what a selection from one corner of the page to the
 * opposite one copies, and a selection starts where reading starts: from
 * the top left corner, it leaves out the first lines of a right-to-left
 * page (an Arabic statement's heading). A page mostly right to left is
 * selected from its top right corner too, and the longer text is kept:
 * a selection can only leave text out. The boxes and attributes are
 * those of the same selection.
 */
static gboolean
read_page_text (PopplerPage       *page,
                char             **text,
                PopplerRectangle **rects,
                guint             *n_rects,
                GList            **attributes,
                gboolean          *rtl)
{
  PopplerRectangle area = { 0, 0, 0, 0 };

  poppler_page_get_size (page, &area.x2, &area.y2);
  *text = poppler_page_get_text_for_area (page, &area);
  if (*text == NULL)
    return FALSE;

  *rtl = is_mostly_rtl (*text, FALSE);
  if (*rtl)
    {
      PopplerRectangle from_right = { area.x2, 0, 0, area.y2 };
      char *other = poppler_page_get_text_for_area (page, &from_right);

      if (other != NULL && strlen (other) > strlen (*text))
        {
          g_free (*text);
          *text = other;
          area = from_right;
        }
      else
        g_free (other);
    }

  if (!poppler_page_get_text_layout_for_area (page, &area, rects, n_rects))
    {
      g_clear_pointer (text, g_free);
      return FALSE;
    }
  *attributes = poppler_page_get_text_attributes_for_area (page, &area);

  return TRUE;
}

/* A mark set over a letter (the tanween of شكراً) that the selection
 * left out: LibreOffice places it as a word of its own with no width, at
 * the end of its word, and a selection takes no word without width.
 */
typedef struct
{
  double   x;                   /* first: sorted by compare_doubles() */
  double   y2;
  gunichar c;
  gboolean used;
} LooseMark;

/* At most this many marks or letters of one place are looked at:
 * hostile files.
 */
#define MAX_AT_ONE_PLACE 8

/* The marks of the Arabic script, found by poppler's search, which takes
 * every word; sorted by place, in the boxes' coordinates.
 */
static GArray *
find_loose_marks (PopplerPage *page)
{
  static const gunichar marks[] = { 0x064B, 0x064C, 0x064D, 0x064E, 0x064F, 0x0650, 0x0651, 0x0652, 0x0670 };
  GArray *found = g_array_new (FALSE, FALSE, sizeof (LooseMark));
  double width, height;

  poppler_page_get_size (page, &width, &height);
  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    {
      char needle[8] = { 0 };
      GList *rects;

      g_unichar_to_utf8 (marks[m], needle);
      rects = poppler_page_find_text_with_options (page, needle, POPPLER_FIND_DEFAULT);
      for (GList *l = rects; l != NULL; l = l->next)
        {
          PopplerRectangle *r = l->data;
          /* Search boxes have their origin at the foot of the page. */
          LooseMark mark = { MIN (r->x1, r->x2), height - MIN (r->y1, r->y2), marks[m], FALSE };

          if (fabs (r->x2 - r->x1) < 0.05)
            g_array_append_val (found, mark);
        }
      g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
    }
  /* By their place, their first member. */
  g_array_sort (found, compare_doubles);

  return found;
}

/* The loose mark that ends a word whose left end is @x1 (right to left,
 * where it ends) on the line whose letters stand on @y2, or 0.
 */
static gunichar
take_loose_mark (GArray *marks,
                 double  x1,
                 double  y2,
                 double  size)
{
  guint lo = 0, hi;

  if (marks == NULL || marks->len == 0)
    return 0;

  /* The first mark at or right of x1 - tolerance. */
  hi = marks->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (marks, LooseMark, mid).x < x1 - size * 0.15)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo, n = 0; i < marks->len && n < MAX_AT_ONE_PLACE; i++, n++)
    {
      LooseMark *mark = &g_array_index (marks, LooseMark, i);

      if (mark->x > x1 + size * 0.15)
        break;
      if (!mark->used && fabs (mark->y2 - y2) < size * 0.6)
        {
          mark->used = TRUE;
          return mark->c;
        }
    }

  return 0;
}

#define ARABIC_LAM 0x0644

/* The most letters one glyph stands for (the ligature of الله has three). */
#define MAX_GLYPH_LETTERS 4

/* The alefs a lam joins into one glyph with: ا أ إ آ. */
static gboolean
is_alef (gunichar c)
{
  return c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622;
}

/* A letter's box of no width: cairo's for the second letter of a glyph. */
static gboolean
has_no_width (const PopplerRectangle *box)
{
  return fabs (box->x2 - box->x1) < 0.05;
}

typedef struct
{
  double x1;                    /* first: sorted by compare_doubles() */
  double y2;
  glong  box;
} LamPlace;

/* cairo gives a lam-alef's glyph (لا) to its lam, and its alef no width
 * at the glyph's left end, after the marks over it (مؤجلاً), where poppler
 * may put them in another piece of the line. Returns what goes after
 * each such lam (its alef and their marks), by the lam's box; @joined
 * marks the boxes of what goes there.
 */
static GHashTable *
find_lam_alefs (const char             *text,
                const glong            *boxes,
                const PopplerRectangle *rects,
                guint                   n_rects,
                gboolean               *joined)
{
  g_autoptr(GArray) lams = g_array_new (FALSE, FALSE, sizeof (LamPlace));
  GHashTable *after_lam = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  glong i = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      glong k = boxes[i];

      if (k >= 0 && k < (glong) n_rects && g_utf8_get_char (p) == ARABIC_LAM && !has_no_width (&rects[k]))
        {
          LamPlace lam = { MIN (rects[k].x1, rects[k].x2), rects[k].y2, k };

          g_array_append_val (lams, lam);
        }
    }
  if (lams->len == 0)
    return after_lam;
  /* By their place, their first member. */
  g_array_sort (lams, compare_doubles);

  i = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), i++)
    {
      glong k = boxes[i];
      gunichar c = g_utf8_get_char (p);
      guint lo = 0, hi = lams->len;

      if (k < 0 || k >= (glong) n_rects || !is_alef (c) || !has_no_width (&rects[k]))
        continue;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (lams, LamPlace, mid).x1 < rects[k].x1 - 0.5)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint m = lo, n = 0; m < lams->len && n < MAX_AT_ONE_PLACE; m++, n++)
        {
          const LamPlace *lam = &g_array_index (lams, LamPlace, m);

          if (lam->x1 > rects[k].x1 + 0.5)
            break;
          if (!g_hash_table_contains (after_lam, GINT_TO_POINTER (lam->box)) &&
              fabs (lam->y2 - rects[k].y2) < 1.0)
            {
              GString *after = g_string_new (NULL);
              const char *q = p;
              glong j = i;
              gsize alef_len;

              g_string_append_unichar (after, c);
              alef_len = after->len;
              joined[k] = TRUE;
              /* The marks right before it, back to its last letter. */
              while (q > text && after->len < 32)
                {
                  gunichar before;

                  q = g_utf8_find_prev_char (text, q);
                  j--;
                  before = g_utf8_get_char (q);
                  if (is_bidi_control (before))
                    continue;
                  if (!g_unichar_ismark (before) || boxes[j] < 0 || boxes[j] >= (glong) n_rects)
                    break;
                  g_string_insert_unichar (after, alef_len, before);
                  joined[boxes[j]] = TRUE;
                }
              g_hash_table_insert (after_lam, GINT_TO_POINTER (lam->box), g_string_free (after, FALSE));
              break;
            }
        }
    }

  return after_lam;
}

/* Whether the letters' boxes can be trusted: in a PDF made by cairo each
 * Arabic letter has its own, right to left; in one made by LibreOffice
 * poppler cuts a word's box into equal parts left to right, and only its
 * own spaces are to be had. Counts the steps from letter to letter that
 * go each way, in @text (its first line, if @one_line) whose characters
 * have the @boxes.
 */
static void
count_letter_steps (const char             *text,
                    gboolean                one_line,
                    const glong            *boxes,
                    const PopplerRectangle *rects,
                    guint                   n_rects,
                    guint                  *forward,
                    guint                  *backward)
{
  const PopplerRectangle *before = NULL;
  glong i = 0;

  for (const char *p = text; *p != '\0' && !(one_line && *p == '\n'); p = g_utf8_next_char (p), i++)
    {
      glong k = boxes[i];
      gunichar c = g_utf8_get_char (p);

      if (is_bidi_control (c))
        continue;
      if (k < 0 || k >= (glong) n_rects || !is_rtl_char (c) || !g_unichar_isalpha (c))
        {
          before = NULL;
          continue;
        }
      if (before != NULL)
        {
          if (rects[k].x2 <= before->x1 + 0.5)
            (*backward)++;
          else if (rects[k].x1 >= before->x2 - 0.5)
            (*forward)++;
        }
      before = &rects[k];
    }
}

/* The alef (and marks) that go after the lam of box @k, if any. */
static void
append_after_lam (RstPdfLine     *line,
                  GHashTable     *after_lam,
                  glong           k,
                  RstImportStyle  style)
{
  const char *after = after_lam != NULL ? g_hash_table_lookup (after_lam, GINT_TO_POINTER (k)) : NULL;

  for (const char *p = after; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    append_char (line, g_utf8_get_char (p), style);
}

/* Takes @box into @extent, which is the first if !@found. */
static void
take_into_extent (PopplerRectangle       *extent,
                  gboolean               *found,
                  const PopplerRectangle *box)
{
  if (!*found)
    {
      extent->x1 = MIN (box->x1, box->x2);
      extent->x2 = MAX (box->x1, box->x2);
      extent->y1 = box->y1;
      extent->y2 = box->y2;
      *found = TRUE;
    }
  extent->x1 = MIN (extent->x1, MIN (box->x1, box->x2));
  extent->x2 = MAX (extent->x2, MAX (box->x1, box->x2));
  extent->y1 = MIN (extent->y1, box->y1);
  extent->y2 = MAX (extent->y2, box->y2);
}

/* The extent on the page of what @p (character @i) starts: up to the
 * bidi control that closes it, if @embedding, else (a run of letters)
 * up to a bidi control, a space or the line's end.
 */
static gboolean
extent_from (const char             *p,
             glong                   i,
             gboolean                embedding,
             const glong            *boxes,
             const PopplerRectangle *rects,
             guint                   n_rects,
             PopplerRectangle       *extent)
{
  gboolean found = FALSE;
  guint depth = 1;

  for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      glong k = boxes[i];

      if (embedding)
        {
          if (c == 0x202C && --depth == 0)
            break;
          if (c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E)
            depth++;
        }
      else if (is_bidi_control (c) || g_unichar_isspace (c))
        break;
      if (k >= 0 && k < (glong) n_rects)
        take_into_extent (extent, &found, &rects[k]);
    }

  return found;
}

/* One page's text as poppler gives it, and what goes with each of its
 * characters.
 */
typedef struct
{
  guint             index;
  char             *text;
  PopplerRectangle *rects;
  guint             n_rects;
  /* Per character of @text: its box in @rects, or -1 (bidi controls). */
  glong            *boxes;
  /* Per box: the font's size and style. */
  double           *sizes;
  RstImportStyle   *styles;
  gboolean          rtl;
  /* Whether its letters' boxes can be trusted, for lines too short to
   * tell.
   */
  gboolean          geometry;
  GArray           *marks;
  GHashTable       *after_lam;
  gboolean         *joined;
} PageText;

static void
page_text_clear (PageText *page)
{
  g_clear_pointer (&page->text, g_free);
  g_clear_pointer (&page->rects, g_free);
  g_clear_pointer (&page->boxes, g_free);
  g_clear_pointer (&page->sizes, g_free);
  g_clear_pointer (&page->styles, g_free);
  g_clear_pointer (&page->marks, g_array_unref);
  g_clear_pointer (&page->after_lam, g_hash_table_unref);
  g_clear_pointer (&page->joined, g_free);
}

static gboolean
page_text_init (PageText    *page,
                PopplerPage *poppler_page,
                guint        index)
{
  GList *attributes = NULL;
  glong n_chars;
  glong n_boxed = 0;
  glong i = 0;

  memset (page, 0, sizeof *page);
  page->index = index;
  if (!read_page_text (poppler_page, &page->text, &page->rects, &page->n_rects, &attributes, &page->rtl))
    return FALSE;

  /* The boxes and the attributes are one per character of the text
   * without the bidi controls poppler wraps right-to-left words in.
   */
  n_chars = g_utf8_strlen (page->text, -1);
  page->boxes = g_new (glong, n_chars + 1);
  for (const char *q = page->text; *q != '\0'; q = g_utf8_next_char (q), i++)
    page->boxes[i] = is_bidi_control (g_utf8_get_char (q)) ? -1 : n_boxed++;
  page->sizes = g_new0 (double, n_boxed + 1);
  page->styles = g_new0 (RstImportStyle, n_boxed + 1);

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      RstImportStyle style = style_of_font (a->font_name);

      for (int k = MAX (a->start_index, 0); k <= a->end_index && k < n_boxed; k++)
        {
          page->sizes[k] = a->font_size;
          page->styles[k] = style;
        }
    }
  poppler_page_free_text_attributes (attributes);

  if (page->rtl)
    {
      guint forward = 0, backward = 0;

      count_letter_steps (page->text, FALSE, page->boxes, page->rects, page->n_rects, &forward, &backward);
      page->geometry = backward > 3 * forward;
      page->marks = find_loose_marks (poppler_page);
      page->joined = g_new0 (gboolean, page->n_rects + 1);
      page->after_lam = find_lam_alefs (page->text, page->boxes, page->rects, page->n_rects, page->joined);
    }

  return TRUE;
}

/* The box of the character at @i, or NULL. */
static const PopplerRectangle *
page_text_box (const PageText *page,
               glong           i)
{
  glong k = page->boxes[i];

  return k >= 0 && k < (glong) page->n_rects ? &page->rects[k] : NULL;
}

/* The line being read, and what reading it has seen so far. */
typedef struct
{
  const PageText         *page;
  RstPdfLine             *line;
  gboolean                geometry;
  double                  baseline;
  const PopplerRectangle *last_box;
  PopplerRectangle        pair;
  double                  last_x2;
  gboolean                have_box;
  gboolean                in_first_word;
  gboolean                seen_word;
  gboolean                seen_rtl;

  /* Without letter boxes to trust: poppler's runs of letters. */
  gboolean                runs;
  gboolean                have_run;
  gboolean                run_boundary;
  double                  run_x1, run_x2;
  gunichar                run_mark;
  RstImportStyle          run_style;

  /* A number or Latin name inside right-to-left text, whose letters
   * run left to right: spaced as a whole.
   */
  int                     depth;
  int                     ltr_depth;
  PopplerRectangle        ltr_run;
  PopplerRectangle        ltr_closed;
  gboolean                ltr_have;
  gboolean                ltr_first;
} LineReader;

/* @p, past the bidi controls from it; @i follows. */
static const char *
skip_bidi_controls (const char *p,
                    glong      *i)
{
  while (*p != '\0' && *p != '\n' && is_bidi_control (g_utf8_get_char (p)))
    {
      p = g_utf8_next_char (p);
      (*i)++;
    }
  return p;
}

static void
line_reader_add_space (LineReader     *r,
                       RstImportStyle  style)
{
  if (r->seen_word)
    r->in_first_word = FALSE;
  g_string_append_c (r->line->text, ' ');
  g_array_append_val (r->line->styles, style);
}

/* The line's size, direction and baseline, and whether its boxes can be
 * trusted.
 */
static void
line_reader_init (LineReader     *r,
                  const PageText *page,
                  const char     *p,
                  glong           start)
{
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  RstPdfLine *line = g_new0 (RstPdfLine, 1);
  glong j = start;

  memset (r, 0, sizeof *r);
  r->page = page;
  r->line = line;
  r->in_first_word = TRUE;
  r->ltr_depth = -1;

  line->page = page->index;
  line->text = g_string_new (NULL);
  line->styles = g_array_new (FALSE, FALSE, sizeof (RstImportStyle));

  /* Its size: its largest characters'. */
  for (const char *q = p; *q != '\0' && *q != '\n'; q = g_utf8_next_char (q), j++)
    if (page->boxes[j] >= 0 && !g_unichar_isspace (g_utf8_get_char (q)))
      line->size = MAX (line->size, page->sizes[page->boxes[j]]);
  line->rtl = is_mostly_rtl (p, TRUE);

  /* Whether the letters' boxes can be trusted: the line's letters say,
   * or the page's when it has too few (a word alone).
   */
  if (line->rtl)
    {
      guint forward = 0, backward = 0;

      count_letter_steps (p, TRUE, page->boxes + start, page->rects, page->n_rects, &forward, &backward);
      r->geometry = forward + backward >= 3 ? backward > 3 * forward : page->geometry;
    }
  r->runs = line->rtl && !r->geometry;

  j = start;
  for (const char *q = p; *q != '\0' && *q != '\n'; q = g_utf8_next_char (q), j++)
    {
      const PopplerRectangle *box = page_text_box (page, j);

      if (box != NULL && page->sizes[page->boxes[j]] >= line->size * 0.8 && !g_unichar_isspace (g_utf8_get_char (q)))
        g_array_append_val (bottoms, box->y2);
    }
  r->baseline = rst_pdf_median (bottoms, 0);
}

/* A call number raised above the line in a smaller size: a footnote's,
 * which the speaker does not read; it goes with the space poppler put
 * before it, and counts as part of its word.
 */
static gboolean
line_reader_skip_footnote_call (LineReader             *r,
                                gunichar                c,
                                const PopplerRectangle *box,
                                double                  size)
{
  RstPdfLine *line = r->line;

  if (box == NULL || size <= 0 || size >= line->size * 0.8 || box->y2 >= r->baseline - line->size * 0.15 ||
      !(g_unichar_isdigit (c) || c == '*' || c == 0x2020 || c == 0x2021))
    return FALSE;

  trim_trailing_space (line);
  if (r->have_run)
    {
      r->run_x1 = MIN (r->run_x1, MIN (box->x1, box->x2));
      r->run_x2 = MAX (r->run_x2, MAX (box->x1, box->x2));
    }
  return TRUE;
}

/* Embeddings open and close: a left-to-right one is measured whole. */
static void
line_reader_read_bidi_control (LineReader *r,
                               const char *p,
                               glong       i,
                               gunichar    c)
{
  r->run_boundary = TRUE;
  if (c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E)
    {
      r->depth = MIN (r->depth + 1, G_MAXINT - 1);
      if (r->geometry && c == 0x202A && r->ltr_depth < 0)
        {
          r->ltr_depth = r->depth;
          r->ltr_have = extent_from (g_utf8_next_char (p), i + 1, TRUE, r->page->boxes,
                                     r->page->rects, r->page->n_rects, &r->ltr_run);
          r->ltr_first = r->ltr_have;
        }
    }
  else if (c == 0x202C && r->depth > 0)
    {
      if (r->depth == r->ltr_depth)
        {
          if (r->ltr_have)
            {
              r->ltr_closed = r->ltr_run;
              r->last_box = &r->ltr_closed;
            }
          r->ltr_depth = -1;
          r->ltr_have = r->ltr_first = FALSE;
        }
      r->depth--;
    }
}

static void
line_reader_read_space (LineReader     *r,
                        RstImportStyle  style)
{
  RstPdfLine *line = r->line;

  append_mark (line, &r->run_mark, r->run_style);
  r->have_run = FALSE;
  if (r->seen_word)
    r->in_first_word = FALSE;
  /* Right to left, the letters' boxes say where spaces go. */
  if (r->geometry)
    return;
  /* Chinese has no spaces; poppler adds them where the font changes
   * (第 114 届).
   */
  if (line->text->len > 0 && line->text->str[line->text->len - 1] != ' ' &&
      !rst_pdf_is_wide (rst_pdf_last_char (line->text)))
    {
      g_string_append_c (line->text, ' ');
      g_array_append_val (line->styles, style);
    }
}

/* poppler leaves out some spaces between Arabic words, and puts each
 * word in a run of its own: a space goes where a run stands apart from
 * the one before. A run also takes the loose mark that ends it.
 */
static void
line_reader_start_run (LineReader     *r,
                       const char     *p,
                       glong           i,
                       RstImportStyle  style)
{
  RstPdfLine *line = r->line;
  PopplerRectangle run;

  r->run_boundary = FALSE;
  if (!extent_from (p, i, FALSE, r->page->boxes, r->page->rects, r->page->n_rects, &run))
    return;

  append_mark (line, &r->run_mark, r->run_style);
  if (r->have_run && MAX (r->run_x1 - run.x2, run.x1 - r->run_x2) > line->size * 0.15 &&
      line->text->len > 0 && line->text->str[line->text->len - 1] != ' ')
    line_reader_add_space (r, style);
  r->run_x1 = run.x1;
  r->run_x2 = run.x2;
  r->have_run = TRUE;
  r->run_mark = take_loose_mark (r->page->marks, run.x1, run.y2, line->size);
}

/* poppler cuts a ligature (لا, لأ, لله) into its letters in page order,
 * left to right: the reverse of their reading order. Arabic letters run
 * right to left, so letters that run left to right are one glyph; they
 * are put back in order and spaced as the one glyph they are. Moves @p
 * and @i to the glyph's last letter.
 */
static gboolean
line_reader_read_ligature (LineReader             *r,
                           const char            **p,
                           glong                  *i,
                           const PopplerRectangle *box,
                           RstImportStyle          style)
{
  const PageText *page = r->page;
  RstPdfLine *line = r->line;
  const char *letters[MAX_GLYPH_LETTERS] = { *p };
  glong at[MAX_GLYPH_LETTERS] = { *i };
  const PopplerRectangle *left = box;
  const char *q = *p;
  glong j = *i;
  guint n = 1;

  while (n < MAX_GLYPH_LETTERS)
    {
      const PopplerRectangle *right;
      gunichar after;

      j++;
      q = skip_bidi_controls (g_utf8_next_char (q), &j);
      right = *q != '\0' && *q != '\n' ? page_text_box (page, j) : NULL;
      if (right == NULL)
        break;
      after = g_utf8_get_char (q);
      if (!is_rtl_char (after) || !g_unichar_isalpha (after) || has_no_width (right) ||
          right->x1 < left->x2 - 0.5 || right->x1 - left->x2 >= line->size * 0.15)
        break;
      letters[n] = q;
      at[n] = j;
      n++;
      left = right;
    }
  if (n < 2)
    return FALSE;

  if (r->last_box != NULL && boxes_apart (r->last_box, left, line->size))
    line_reader_add_space (r, style);
  for (guint m = n; m-- > 0;)
    {
      glong k = page->boxes[at[m]];

      append_char (line, g_utf8_get_char (letters[m]), page->styles[k]);
      append_after_lam (line, page->after_lam, k, page->styles[k]);
      extend_line (line, &page->rects[k], &r->have_box, r->in_first_word);
    }
  /* The glyph's left end is where the next letter joins. */
  r->pair = *left;
  r->pair.x1 = MIN (box->x1, box->x2);
  r->last_box = &r->pair;
  r->last_x2 = r->pair.x2;
  r->seen_word = TRUE;
  r->seen_rtl = TRUE;
  *p = letters[n - 1];
  *i = at[n - 1];

  return TRUE;
}

/* A vowel mark (the tanween of أولاً) sits over its letter. cairo can
 * give the letter no width and put it after the mark (رئيساً): it goes
 * first, and @p and @i move to it.
 */
static void
line_reader_read_mark (LineReader             *r,
                       const char            **p,
                       glong                  *i,
                       gunichar                c,
                       const PopplerRectangle *box,
                       RstImportStyle          style)
{
  const PageText *page = r->page;
  glong j = *i + 1;
  const char *q = skip_bidi_controls (g_utf8_next_char (*p), &j);
  const PopplerRectangle *base = *q != '\0' && *q != '\n' ? page_text_box (page, j) : NULL;

  if (base != NULL && g_unichar_isalpha (g_utf8_get_char (q)) && has_no_width (base) &&
      !(page->joined != NULL && page->joined[page->boxes[j]]))
    {
      append_char (r->line, g_utf8_get_char (q), page->styles[page->boxes[j]]);
      /* The two end where the mark begins. */
      if (box != NULL && r->last_box != NULL)
        {
          r->pair = *r->last_box;
          r->pair.x1 = MIN (MIN (box->x1, box->x2), MIN (r->last_box->x1, r->last_box->x2));
          r->last_box = &r->pair;
        }
      *p = q;
      *i = j;
    }
  append_char (r->line, c, style);
}

/* A letter, digit or sign, with the space or the table cell before it
 * that its place on the page says.
 */
static void
line_reader_read_char (LineReader             *r,
                       gunichar                c,
                       glong                   k,
                       const PopplerRectangle *box,
                       RstImportStyle          style)
{
  RstPdfLine *line = r->line;

  if (r->geometry && box != NULL && r->last_box != NULL &&
      boxes_apart (r->last_box, r->ltr_first ? &r->ltr_run : box, line->size))
    line_reader_add_space (r, style);
  if (box != NULL)
    r->ltr_first = FALSE;

  /* A wide gap without a space: the next cell of a table row. Not in
   * right-to-left text, whose boxes poppler gives in the order of the
   * letters, not of the page.
   */
  if (box != NULL && r->have_box && r->seen_word && !line->rtl && !r->seen_rtl && !is_rtl_char (c) &&
      box->x1 - r->last_x2 > 1.5 * line->size)
    {
      RstImportStyle none = 0;

      trim_trailing_space (line);
      g_string_append (line->text, " | ");
      for (int b = 0; b < 3; b++)
        g_array_append_val (line->styles, none);
      line->row = TRUE;
    }

  if (box != NULL)
    {
      r->last_x2 = box->x2;
      r->last_box = box;
      extend_line (line, box, &r->have_box, r->in_first_word);
    }
  r->seen_word = TRUE;
  r->seen_rtl = r->seen_rtl || is_rtl_char (c);

  append_char (line, c, style);
  if (r->geometry)
    append_after_lam (line, r->page->after_lam, k, style);
}

/* The line at @p (character @i), which both move past; NULL when it
 * has nothing to show.
 */
static RstPdfLine *
read_line (const PageText  *page,
           const char     **text,
           glong           *index)
{
  LineReader r;
  const char *p = *text;
  glong i = *index;

  line_reader_init (&r, page, p, i);

  for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      glong k = page->boxes[i];
      const PopplerRectangle *box = page_text_box (page, i);
      RstImportStyle style = k >= 0 ? page->styles[k] : 0;

      if (line_reader_skip_footnote_call (&r, c, box, k >= 0 ? page->sizes[k] : 0))
        continue;
      if (is_bidi_control (c))
        {
          line_reader_read_bidi_control (&r, p, i, c);
          continue;
        }
      /* It comes after its lam. */
      if (r.geometry && page->joined != NULL && box != NULL && page->joined[k])
        continue;
      if (g_unichar_isspace (c))
        {
          line_reader_read_space (&r, style);
          continue;
        }
      if (rst_pdf_is_wide (c))
        trim_trailing_space (r.line);

      if (r.runs && box != NULL && (r.run_boundary || !r.have_run))
        line_reader_start_run (&r, p, i, style);
      r.run_style = style;

      if (r.geometry && box != NULL && is_rtl_char (c) && g_unichar_isalpha (c) &&
          line_reader_read_ligature (&r, &p, &i, box, style))
        continue;
      if (r.geometry && g_unichar_ismark (c))
        {
          line_reader_read_mark (&r, &p, &i, c, box, style);
          continue;
        }
      line_reader_read_char (&r, c, k, box, style);
    }
  append_mark (r.line, &r.run_mark, r.run_style);
  trim_trailing_space (r.line);
  if (*p == '\n')
    {
      p++;
      i++;
    }
  *text = p;
  *index = i;

  if (!r.have_box || r.line->size <= 0)
    {
      rst_pdf_line_free (r.line);
      return NULL;
    }
  return r.line;
}

/* The lines of one page, from poppler's text and character boxes. */
static void
read_page_lines (PopplerPage *poppler_page,
                 guint        index,
                 GPtrArray   *lines)
{
  PageText page;
  const char *p;
  glong i = 0;

  if (!page_text_init (&page, poppler_page, index))
    {
      page_text_clear (&page);
      return;
    }

  p = page.text;
  while (*p != '\0')
    {
      RstPdfLine *line = read_line (&page, &p, &i);

      if (line != NULL)
        g_ptr_array_add (lines, line);
    }
  page_text_clear (&page);
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const RstPdfLine *x = *(const RstPdfLine * const *) a;
  const RstPdfLine *y = *(const RstPdfLine * const *) b;
  double tolerance = MIN (x->size, y->size) * 0.3;

  if (fabs (x->y2 - y->y2) > tolerance)
    return x->y2 < y->y2 ? -1 : 1;
  /* Pieces of one line: in reading order. */
  if (x->rtl)
    return (x->x2 < y->x2) - (x->x2 > y->x2);
  return (x->x1 > y->x1) - (x->x1 < y->x1);
}

/* poppler can cut a lam-alef (لا) between two pieces of a line: its alef
 * ends the first piece and its lam starts the next, each a word of one
 * letter, which Arabic has not. They are one glyph: put back together,
 * lam first, in @line, and @piece keeps what follows the lam.
 */
static gboolean
rejoin_lam_alef (RstPdfLine *line,
                 RstPdfLine *piece)
{
  const char *alef_at = g_utf8_find_prev_char (line->text->str, line->text->str + line->text->len);
  const char *after_lam = g_utf8_next_char (piece->text->str);
  RstImportStyle alef_style;
  gunichar alef;
  gsize lam_len;

  if (!line->rtl || !piece->rtl || alef_at == NULL || piece->text->len == 0)
    return FALSE;
  alef = g_utf8_get_char (alef_at);
  if (!is_alef (alef) || (alef_at > line->text->str && alef_at[-1] != ' ') ||
      g_utf8_get_char (piece->text->str) != ARABIC_LAM || (*after_lam != '\0' && *after_lam != ' '))
    return FALSE;

  lam_len = after_lam - piece->text->str;
  alef_style = g_array_index (line->styles, RstImportStyle, alef_at - line->text->str);
  g_string_truncate (line->text, alef_at - line->text->str);
  g_array_set_size (line->styles, line->text->len);
  append_char (line, ARABIC_LAM, g_array_index (piece->styles, RstImportStyle, 0));
  append_char (line, alef, alef_style);
  g_string_erase (piece->text, 0, lam_len);
  g_array_remove_range (piece->styles, 0, lam_len);

  return TRUE;
}

/* @line's pieces after it on its baseline go into it: table cells with
 * " | " between them (as the DOCX and ODT readers flatten rows), other
 * pieces (poppler cuts Arabic lines into several) with a space.
 */
static void
merge_piece (RstPdfLine *line,
             RstPdfLine *piece)
{
  double gap = line->rtl ? line->x1 - piece->x2 : piece->x1 - line->x2;
  double size = MAX (line->size, piece->size);
  /* Pieces that touch are one word cut in two (at a ligature). */
  const char *separator = gap > 1.5 * size ? " | " : gap > 0.15 * size ? " " : "";
  RstImportStyle none = 0;

  if (rejoin_lam_alef (line, piece))
    separator = "";
  else if (gap > 1.5 * size)
    line->row = TRUE;
  if (*separator != '\0')
    trim_trailing_space (line);
  for (const char *p = separator; *p; p++)
    g_array_append_val (line->styles, none);
  g_string_append (line->text, separator);
  g_string_append_len (line->text, piece->text->str, piece->text->len);
  g_array_append_vals (line->styles, piece->styles->data, piece->styles->len);
  line->x1 = MIN (line->x1, piece->x1);
  line->x2 = MAX (line->x2, piece->x2);
  line->y1 = MIN (line->y1, piece->y1);
  line->y2 = MAX (line->y2, piece->y2);
  line->size = MAX (line->size, piece->size);
}

/* poppler's reading order is not always the page's (it puts an Arabic
 * heading after the text): lines go top to bottom, and the pieces of one
 * line are joined.
 */
void
rst_pdf_page_read_lines (PopplerPage *page,
                         guint        index,
                         GPtrArray   *lines)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  read_page_lines (page, index, found);
  g_ptr_array_sort (found, compare_lines);

  for (guint i = 0; i < found->len; i++)
    {
      RstPdfLine *line = g_ptr_array_index (found, i);

      while (i + 1 < found->len)
        {
          RstPdfLine *next = g_ptr_array_index (found, i + 1);

          if (fabs (next->y2 - line->y2) > MIN (line->size, next->size) * 0.3)
            break;
          merge_piece (line, next);
          rst_pdf_line_free (next);
          i++;
        }
      g_ptr_array_add (lines, line);
    }
}
