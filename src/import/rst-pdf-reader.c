/* rst-pdf-reader.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <poppler.h>

#include "rst-import.h"
#include "rst-language.h"
#include "rst-pdf-reader.h"
#include "rst-rules.h"

/* A PDF has no paragraphs, only lines placed on pages. poppler gives
 * the lines in reading order with a box and a font for each character;
 * from those the paragraphs the drafter wrote are found again:
 *
 *  - running headers and footers (a line that comes back at the top or
 *    the foot of several pages, page numbers) and footnotes (smaller
 *    lines at the foot of a page, and their raised call numbers) go;
 *  - a line starts a new paragraph after a wider gap than the text's
 *    usual line spacing, a change of size or of centring, an outdent
 *    (the next item of a numbered list), or when the line before stopped
 *    short of the margin at the end of a sentence — else the two are one
 *    paragraph, across pages too, with a hyphen at a line end joined;
 *  - a line that stopped short inside a sentence is a line break.
 *
 * A paragraph is never split where the source did not split it: when in
 * doubt, lines are joined.
 */

typedef struct
{
  guint          page;
  double         x1, y1, x2, y2;
  double         size;
  double         first_word;    /* width of its first word */
  gboolean       rtl;
  gboolean       row;           /* cells of a table row */
  GString       *text;
  GArray        *styles;        /* RstImportStyle per byte of text */
  gboolean       dropped;
} Line;

typedef struct
{
  double width;
  double height;
  double left;                  /* the text column, from body lines */
  double right;
  gboolean rtl_flush_left;      /* sets right-to-left lines flush left */
  guint  first;                 /* its lines in the array */
  guint  n_lines;
} Page;

static void
line_free (Line *line)
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

static gboolean
is_wide (gunichar c)
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
append_char (Line           *line,
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
trim_trailing_space (Line *line)
{
  if (line->text->len > 0 && line->text->str[line->text->len - 1] == ' ')
    {
      g_string_truncate (line->text, line->text->len - 1);
      g_array_set_size (line->styles, line->text->len);
    }
}

static gunichar
last_char (const GString *text)
{
  const char *prev = g_utf8_find_prev_char (text->str, text->str + text->len);

  return prev != NULL ? g_utf8_get_char (prev) : 0;
}

/* A loose mark at the end of the run that took it. */
static void
append_mark (Line           *line,
             gunichar       *mark,
             RstImportStyle  style)
{
  if (*mark != 0 && !g_unichar_ismark (last_char (line->text)))
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

static double
median (GArray *values,
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
extend_line (Line                   *line,
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
  double   x;
  double   y2;
  gunichar c;
  gboolean used;
} LooseMark;

/* At most this many marks or letters of one place are looked at:
 * hostile files.
 */
#define MAX_AT_ONE_PLACE 8

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  double x = ((const LooseMark *) a)->x, y = ((const LooseMark *) b)->x;

  return (x > y) - (x < y);
}

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
  g_array_sort (found, compare_marks);

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
  double x1;
  double y2;
  glong  box;
} LamPlace;

static int
compare_lam_places (gconstpointer a,
                    gconstpointer b)
{
  double x = ((const LamPlace *) a)->x1, y = ((const LamPlace *) b)->x1;

  return (x > y) - (x < y);
}

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
  g_array_sort (lams, compare_lam_places);

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
append_after_lam (Line           *line,
                  GHashTable     *after_lam,
                  glong           k,
                  RstImportStyle  style)
{
  const char *after = after_lam != NULL ? g_hash_table_lookup (after_lam, GINT_TO_POINTER (k)) : NULL;

  for (const char *p = after; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    append_char (line, g_utf8_get_char (p), style);
}

/* The extent of the embedding that @p (character @i) starts, up to the
 * bidi control that closes it.
 */
static gboolean
embedding_extent (const char             *p,
                  glong                   i,
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

      if (c == 0x202C && --depth == 0)
        break;
      if (c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E)
        depth++;
      if (k < 0 || k >= (glong) n_rects)
        continue;
      if (!found)
        {
          extent->x1 = MIN (rects[k].x1, rects[k].x2);
          extent->x2 = MAX (rects[k].x1, rects[k].x2);
          extent->y1 = rects[k].y1;
          extent->y2 = rects[k].y2;
          found = TRUE;
        }
      extent->x1 = MIN (extent->x1, MIN (rects[k].x1, rects[k].x2));
      extent->x2 = MAX (extent->x2, MAX (rects[k].x1, rects[k].x2));
      extent->y1 = MIN (extent->y1, rects[k].y1);
      extent->y2 = MAX (extent->y2, rects[k].y2);
    }

  return found;
}

/* Where a run of @text from @p (character @i) ends: at a bidi control,
 * a space or the line's end. Its extent on the page and its letters'
 * foot.
 */
static gboolean
run_extent (const char             *p,
            glong                   i,
            const glong            *boxes,
            const PopplerRectangle *rects,
            guint                   n_rects,
            double                 *x1,
            double                 *x2,
            double                 *y2)
{
  gboolean found = FALSE;

  for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      glong k = boxes[i];

      if (is_bidi_control (c) || g_unichar_isspace (c))
        break;
      if (k < 0 || k >= (glong) n_rects)
        continue;
      if (!found)
        {
          *x1 = MIN (rects[k].x1, rects[k].x2);
          *x2 = MAX (rects[k].x1, rects[k].x2);
          *y2 = rects[k].y2;
          found = TRUE;
        }
      *x1 = MIN (*x1, MIN (rects[k].x1, rects[k].x2));
      *x2 = MAX (*x2, MAX (rects[k].x1, rects[k].x2));
      *y2 = MAX (*y2, rects[k].y2);
    }

  return found;
}

/* The lines of one page, from poppler's text and character boxes. */
static void
read_page_lines (PopplerPage *page,
                 guint        index,
                 GPtrArray   *lines)
{
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree double *sizes = NULL;
  g_autofree RstImportStyle *styles = NULL;
  g_autofree glong *boxes = NULL;
  g_autoptr(GHashTable) after_lam = NULL;
  g_autofree gboolean *alef_joined = NULL;
  g_autoptr(GArray) marks = NULL;
  GList *attributes = NULL;
  guint n_rects = 0;
  gboolean page_rtl = FALSE;
  gboolean page_geometry = FALSE;
  glong n_chars;
  glong n_boxed = 0;
  const char *p;
  glong i = 0;

  if (!read_page_text (page, &text, &rects, &n_rects, &attributes, &page_rtl))
    return;
  if (page_rtl)
    marks = find_loose_marks (page);

  /* The boxes and the attributes are one per character of the text
   * without the bidi controls poppler wraps right-to-left words in:
   * @boxes maps each character of @text to its box, or -1.
   */
  n_chars = g_utf8_strlen (text, -1);
  boxes = g_new (glong, n_chars + 1);
  for (const char *q = text; *q != '\0'; q = g_utf8_next_char (q), i++)
    boxes[i] = is_bidi_control (g_utf8_get_char (q)) ? -1 : n_boxed++;
  i = 0;
  sizes = g_new0 (double, n_boxed + 1);
  styles = g_new0 (RstImportStyle, n_boxed + 1);
  if (page_rtl)
    {
      guint forward = 0, backward = 0;

      count_letter_steps (text, FALSE, boxes, rects, n_rects, &forward, &backward);
      page_geometry = backward > 3 * forward;
      alef_joined = g_new0 (gboolean, n_rects + 1);
      after_lam = find_lam_alefs (text, boxes, rects, n_rects, alef_joined);
    }

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      RstImportStyle style = style_of_font (a->font_name);

      for (int k = MAX (a->start_index, 0); k <= a->end_index && k < n_boxed; k++)
        {
          sizes[k] = a->font_size;
          styles[k] = style;
        }
    }
  poppler_page_free_text_attributes (attributes);

  p = text;
  while (*p != '\0')
    {
      Line *line = g_new0 (Line, 1);
      g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
      glong start = i;
      const char *scan = p;
      const PopplerRectangle *last_box = NULL;
      PopplerRectangle pair;
      gboolean have_box = FALSE;
      gboolean in_first_word = TRUE;
      gboolean seen_word = FALSE;
      gboolean seen_rtl = FALSE;
      gboolean rtl;
      gboolean geometry = FALSE;
      double baseline;
      double last_x2 = 0;
      /* Without letter boxes to trust: poppler's runs of letters. */
      gboolean runs;
      gboolean have_run = FALSE;
      gboolean run_boundary = FALSE;
      double run_x1 = 0, run_x2 = 0;
      gunichar run_mark = 0;
      RstImportStyle run_style = 0;
      /* A number or Latin name inside right-to-left text, whose letters
       * run left to right: spaced as a whole.
       */
      int depth = 0, ltr_depth = -1;
      PopplerRectangle ltr_run, ltr_closed;
      gboolean ltr_have = FALSE, ltr_first = FALSE;

      line->page = index;
      line->text = g_string_new (NULL);
      line->styles = g_array_new (FALSE, FALSE, sizeof (RstImportStyle));

      /* The line's size and direction: its largest characters', its
       * letters'.
       */
      for (glong j = start; *scan != '\0' && *scan != '\n'; scan = g_utf8_next_char (scan), j++)
        {
          glong k = boxes[j];
          gunichar c = g_utf8_get_char (scan);

          if (k >= 0 && !g_unichar_isspace (c))
            line->size = MAX (line->size, sizes[k]);
        }
      rtl = is_mostly_rtl (p, TRUE);

      /* Whether the letters' boxes can be trusted, from the line's
       * letters, or the page's when it has too few (a word alone).
       */
      if (rtl)
        {
          guint forward = 0, backward = 0;

          count_letter_steps (p, TRUE, boxes + start, rects, n_rects, &forward, &backward);
          geometry = forward + backward >= 3 ? backward > 3 * forward : page_geometry;
        }
      runs = rtl && !geometry;

      scan = p;
      for (glong j = start; *scan != '\0' && *scan != '\n'; scan = g_utf8_next_char (scan), j++)
        {
          glong k = boxes[j];

          if (k >= 0 && k < (glong) n_rects && sizes[k] >= line->size * 0.8 &&
              !g_unichar_isspace (g_utf8_get_char (scan)))
            g_array_append_val (bottoms, rects[k].y2);
        }
      baseline = median (bottoms, 0);

      for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p), i++)
        {
          gunichar c = g_utf8_get_char (p);
          glong k = boxes[i];
          const PopplerRectangle *box = k >= 0 && k < (glong) n_rects ? &rects[k] : NULL;
          RstImportStyle style = k >= 0 ? styles[k] : 0;
          double size = k >= 0 ? sizes[k] : 0;

          /* A call number raised above the line in a smaller size: a
           * footnote's, which the speaker does not read.
           */
          if (box != NULL && size > 0 && size < line->size * 0.8 &&
              box->y2 < baseline - line->size * 0.15 &&
              (g_unichar_isdigit (c) || c == '*' || c == 0x2020 || c == 0x2021))
            {
              /* With the space poppler put before it. */
              trim_trailing_space (line);
              if (have_run)
                {
                  run_x1 = MIN (run_x1, MIN (box->x1, box->x2));
                  run_x2 = MAX (run_x2, MAX (box->x1, box->x2));
                }
              continue;
            }

          if (is_bidi_control (c))
            {
              run_boundary = TRUE;
              if (c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E)
                {
                  depth = MIN (depth + 1, G_MAXINT - 1);
                  if (geometry && c == 0x202A && ltr_depth < 0)
                    {
                      ltr_depth = depth;
                      ltr_have = embedding_extent (g_utf8_next_char (p), i + 1, boxes, rects, n_rects, &ltr_run);
                      ltr_first = ltr_have;
                    }
                }
              else if (c == 0x202C && depth > 0)
                {
                  if (depth == ltr_depth)
                    {
                      if (ltr_have)
                        {
                          ltr_closed = ltr_run;
                          last_box = &ltr_closed;
                        }
                      ltr_depth = -1;
                      ltr_have = ltr_first = FALSE;
                    }
                  depth--;
                }
              continue;
            }

          /* It comes after its lam. */
          if (geometry && alef_joined != NULL && box != NULL && alef_joined[k])
            continue;

          if (g_unichar_isspace (c))
            {
              append_mark (line, &run_mark, run_style);
              have_run = FALSE;
              if (seen_word)
                in_first_word = FALSE;
              /* Right to left, the letters' boxes say where spaces go. */
              if (geometry)
                continue;
              /* Chinese has no spaces; poppler adds them where the font
               * changes (第 114 届).
               */
              if (line->text->len > 0 && line->text->str[line->text->len - 1] != ' ' &&
                  !is_wide (last_char (line->text)))
                {
                  g_string_append_c (line->text, ' ');
                  g_array_append_val (line->styles, style);
                }
              continue;
            }
          if (is_wide (c))
            trim_trailing_space (line);

          /* poppler leaves out some spaces between Arabic words, and
           * puts each word in a run of its own: a space goes where a run
           * stands apart from the one before.
           */
          if (runs && box != NULL && (run_boundary || !have_run))
            {
              double x1, x2, y2;

              if (run_extent (p, i, boxes, rects, n_rects, &x1, &x2, &y2))
                {
                  append_mark (line, &run_mark, run_style);
                  if (have_run && MAX (run_x1 - x2, x1 - run_x2) > line->size * 0.15 &&
                      line->text->len > 0 && line->text->str[line->text->len - 1] != ' ')
                    {
                      if (seen_word)
                        in_first_word = FALSE;
                      g_string_append_c (line->text, ' ');
                      g_array_append_val (line->styles, style);
                    }
                  run_x1 = x1;
                  run_x2 = x2;
                  have_run = TRUE;
                  run_mark = take_loose_mark (marks, x1, y2, line->size);
                }
              run_boundary = FALSE;
            }
          run_style = style;

          /* poppler cuts a ligature (لا, لأ, لله) into its letters in
           * page order, left to right: the reverse of their reading order.
           * Arabic letters run right to left, so letters that run left to
           * right are one glyph; they are put back in order and spaced as
           * the one glyph they are.
           */
          if (geometry && box != NULL && is_rtl_char (c) && g_unichar_isalpha (c))
            {
              const char *letters[MAX_GLYPH_LETTERS] = { p };
              glong at[MAX_GLYPH_LETTERS] = { i };
              const PopplerRectangle *left = box;
              const char *q = p;
              glong j = i;
              guint n = 1;

              while (n < MAX_GLYPH_LETTERS)
                {
                  const PopplerRectangle *right;
                  gunichar after;

                  q = g_utf8_next_char (q);
                  j++;
                  while (*q != '\0' && *q != '\n' && is_bidi_control (g_utf8_get_char (q)))
                    {
                      q = g_utf8_next_char (q);
                      j++;
                    }
                  if (*q == '\0' || *q == '\n' || boxes[j] < 0 || boxes[j] >= (glong) n_rects)
                    break;
                  after = g_utf8_get_char (q);
                  right = &rects[boxes[j]];
                  if (!is_rtl_char (after) || !g_unichar_isalpha (after) || has_no_width (right) ||
                      right->x1 < left->x2 - 0.5 || right->x1 - left->x2 >= line->size * 0.15)
                    break;
                  letters[n] = q;
                  at[n] = j;
                  n++;
                  left = right;
                }

              if (n >= 2)
                {
                  if (last_box != NULL && boxes_apart (last_box, left, line->size))
                    {
                      if (seen_word)
                        in_first_word = FALSE;
                      g_string_append_c (line->text, ' ');
                      g_array_append_val (line->styles, style);
                    }
                  for (guint m = n; m-- > 0;)
                    {
                      glong letter_box = boxes[at[m]];

                      append_char (line, g_utf8_get_char (letters[m]), styles[letter_box]);
                      append_after_lam (line, after_lam, letter_box, styles[letter_box]);
                      extend_line (line, &rects[letter_box], &have_box, in_first_word);
                    }
                  /* The glyph's left end is where the next letter joins. */
                  pair = *left;
                  pair.x1 = MIN (box->x1, box->x2);
                  last_box = &pair;
                  last_x2 = pair.x2;
                  seen_word = TRUE;
                  seen_rtl = TRUE;
                  p = letters[n - 1];
                  i = at[n - 1];
                  continue;
                }
            }

          /* A vowel mark (the tanween of أولاً) sits over its letter.
           * cairo can give the letter no width and put it after the mark
           * (رئيساً): it goes first.
           */
          if (geometry && g_unichar_ismark (c))
            {
              const char *q = g_utf8_next_char (p);
              glong j = i + 1;

              while (*q != '\0' && *q != '\n' && is_bidi_control (g_utf8_get_char (q)))
                {
                  q = g_utf8_next_char (q);
                  j++;
                }
              if (*q != '\0' && *q != '\n' && boxes[j] >= 0 && boxes[j] < (glong) n_rects &&
                  g_unichar_isalpha (g_utf8_get_char (q)) && has_no_width (&rects[boxes[j]]) &&
                  !(alef_joined != NULL && alef_joined[boxes[j]]))
                {
                  append_char (line, g_utf8_get_char (q), styles[boxes[j]]);
                  /* The two end where the mark begins. */
                  if (box != NULL && last_box != NULL)
                    {
                      pair = *last_box;
                      pair.x1 = MIN (MIN (box->x1, box->x2), MIN (last_box->x1, last_box->x2));
                      last_box = &pair;
                    }
                  p = q;
                  i = j;
                }
              append_char (line, c, style);
              continue;
            }

          if (geometry && box != NULL && last_box != NULL &&
              boxes_apart (last_box, ltr_first ? &ltr_run : box, line->size))
            {
              if (seen_word)
                in_first_word = FALSE;
              g_string_append_c (line->text, ' ');
              g_array_append_val (line->styles, style);
            }
          if (box != NULL)
            ltr_first = FALSE;

          /* A wide gap without a space: the next cell of a table row.
           * Not in right-to-left text, whose boxes poppler gives in the
           * order of the letters, not of the page.
           */
          if (box != NULL && have_box && seen_word && !rtl && !seen_rtl && !is_rtl_char (c))
            {
              double gap = box->x1 - last_x2;

              if (gap > 1.5 * line->size)
                {
                  RstImportStyle none = 0;

                  trim_trailing_space (line);
                  g_string_append (line->text, " | ");
                  for (int b = 0; b < 3; b++)
                    g_array_append_val (line->styles, none);
                  line->row = TRUE;
                }
            }

          if (box != NULL)
            {
              last_x2 = box->x2;
              last_box = box;
              extend_line (line, box, &have_box, in_first_word);
            }
          seen_word = TRUE;
          seen_rtl = seen_rtl || is_rtl_char (c);

          append_char (line, c, style);
          if (geometry)
            append_after_lam (line, after_lam, k, style);
        }
      append_mark (line, &run_mark, run_style);
      trim_trailing_space (line);
      if (*p == '\n')
        {
          p++;
          i++;
        }

      line->rtl = rtl;
      if (!have_box || line->size <= 0)
        {
          line_free (line);
          continue;
        }
      g_ptr_array_add (lines, line);
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const Line *x = *(const Line * const *) a;
  const Line *y = *(const Line * const *) b;
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
rejoin_lam_alef (Line *line,
                 Line *piece)
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
merge_piece (Line *line,
             Line *piece)
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
static void
read_page (PopplerPage *page,
           guint        index,
           GPtrArray   *lines)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  read_page_lines (page, index, found);
  g_ptr_array_sort (found, compare_lines);

  for (guint i = 0; i < found->len; i++)
    {
      Line *line = g_ptr_array_index (found, i);

      while (i + 1 < found->len)
        {
          Line *next = g_ptr_array_index (found, i + 1);

          if (fabs (next->y2 - line->y2) > MIN (line->size, next->size) * 0.3)
            break;
          merge_piece (line, next);
          line_free (next);
          i++;
        }
      g_ptr_array_add (lines, line);
    }
}

/* "Page 3 of 5", "- 3 -": digits as one sign, spaces and case aside. */
static char *
line_key (const Line *line)
{
  GString *key = g_string_new (NULL);
  gboolean digits = FALSE;

  for (const char *p = line->text->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!digits)
            g_string_append_c (key, '#');
          digits = TRUE;
          continue;
        }
      digits = FALSE;
      if (g_unichar_isspace (c))
        continue;
      g_string_append_unichar (key, g_unichar_tolower (c));
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_page_number (const char *key)
{
  gboolean digit = FALSE;

  for (const char *p = key; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '#')
        digit = TRUE;
      else if (!g_unichar_ispunct (c))
        return FALSE;
    }

  return digit;
}

/* Running headers and footers: lines in the top or bottom band of a
 * page that come back on other pages (digits aside), and lone page
 * numbers there.
 */
static void
drop_running_lines (GPtrArray *lines,
                    GArray    *pages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      const Page *page = &g_array_index (pages, Page, line->page);
      gboolean in_band = line->y2 < page->height * 0.15 || line->y1 > page->height * 0.85;
      char *key = in_band ? line_key (line) : NULL;

      g_ptr_array_add (keys, key);
      if (key != NULL)
        {
          /* Count each page once: key → bit set of the first pages. */
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
          guint last_page = count >> 16;

          if ((count & 0xFFFF) == 0 || last_page != line->page)
            count = (MIN ((count & 0xFFFF) + 1, 0xFFFF)) | (line->page << 16);
          g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (count));
        }
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      const char *key = g_ptr_array_index (keys, i);

      if (key == NULL)
        continue;
      if (is_page_number (key) || (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) & 0xFFFF) >= 2)
        line->dropped = TRUE;
    }
}

/* A one-page statement's header or footer does not come back: it is
 * the small print alone in the page's top or bottom tenth.
 */
static void
drop_small_margins (GPtrArray *lines,
                    GArray    *pages,
                    double     body_size)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      const Page *page = &g_array_index (pages, Page, line->page);

      if (line->size < body_size * 0.85 &&
          (line->y2 < page->height * 0.1 || line->y1 > page->height * 0.9))
        line->dropped = TRUE;
    }
}

/* Footnotes: the smaller lines at the foot of a page, below its text. */
static void
drop_footnotes (GPtrArray *lines,
                GArray    *pages,
                double     body_size)
{
  for (guint p = 0; p < pages->len; p++)
    {
      const Page *page = &g_array_index (pages, Page, p);

      for (guint k = page->n_lines; k > 0; k--)
        {
          Line *line = g_ptr_array_index (lines, page->first + k - 1);

          if (line->dropped)
            continue;
          if (line->size >= body_size * 0.88 || line->y1 < page->height * 0.5)
            break;
          line->dropped = TRUE;
        }
    }
}

static gboolean
is_centred (const Line *line,
            const Page *page)
{
  double width = page->right - page->left;
  double middle = (line->x1 + line->x2) / 2;

  return width > 0 && fabs (middle - (page->left + page->right) / 2) < width * 0.04 &&
         line->x1 > page->left + 2 * line->size && line->x2 < page->right - 2 * line->size;
}

/* Whether @line is set against the right margin, where it starts: right
 * to left, unless its page sets such lines flush left (as LibreOffice
 * does with a paragraph aligned to its "start").
 */
static gboolean
is_set_right (const Line *line,
              const Page *page)
{
  return line->rtl && !page->rtl_flush_left;
}

/* Set against the far margin: a delivery mark, a date line. */
static gboolean
is_far_aligned (const Line *line,
                const Page *page)
{
  if (is_set_right (line, page))
    return line->x1 < page->left + line->size * 0.5 && line->x2 < page->right - 4 * line->size;
  return line->x2 > page->right - line->size * 0.5 && line->x1 > page->left + 4 * line->size;
}

/* Ends with a sentence, or with the colon that announces a list. */
static gboolean
ends_sentence (const RstRules *rules,
               const Line     *line)
{
  gunichar c = last_char (line->text);

  return c == ':' || c == 0xFF1A || c == ';' ||
         rst_rules_ends_sentence (rules, line->text->str, 0, line->text->len);
}

/* Would the next line's first word have fitted at the end of this one?
 * Then this line was ended on purpose.
 */
static gboolean
stops_short (const Line *line,
             const Line *next,
             const Page *page)
{
  double room = is_set_right (line, page) ? line->x1 - page->left : page->right - line->x2;

  return room > next->first_word + next->size * 0.5;
}


typedef enum
{
  JOIN_SPACE,
  JOIN_BREAK,
  JOIN_PARAGRAPH,
} Join;

static Join
decide (const RstRules *rules,
        const Line     *prev,
        const Line     *line,
        const Page     *prev_page,
        const Page     *page,
        double          pitch,
        double          paragraph_pitch,
        guint           lines_in_paragraph)
{
  gboolean prev_centred = is_centred (prev, prev_page);
  gboolean centred = is_centred (line, page);
  double size = MAX (prev->size, line->size);
  gboolean sentence = ends_sentence (rules, prev);
  gboolean short_line = stops_short (prev, line, prev_page);
  double indent = is_set_right (line, page) ? page->right - line->x2 : line->x1 - page->left;
  double prev_indent = is_set_right (prev, prev_page) ? prev_page->right - prev->x2 : prev->x1 - prev_page->left;

  if (fabs (prev->size - line->size) > size * 0.12 || prev_centred != centred || prev->rtl != line->rtl ||
      prev->row || line->row || (!centred && is_far_aligned (prev, prev_page) != is_far_aligned (line, page)))
    return JOIN_PARAGRAPH;

  if (prev->page == line->page)
    {
      double step = (line->y2 - prev->y2) / size;

      /* A paragraph's own line spacing, once it has one: documents mix
       * them (lists at 1.15, body text at 1.5), and a gap only a little
       * wider than the lines above it is the space between paragraphs.
       */
      double usual = paragraph_pitch > 0 ? MAX (paragraph_pitch, pitch * 0.85) : pitch;

      /* Lines side by side or going up: another column or a box. */
      if (step <= 0.3 || step > usual * 1.12 + 0.05)
        return JOIN_PARAGRAPH;
      if (centred)
        return JOIN_BREAK;
      /* The next item of a list with a hanging indent. */
      if (indent < prev_indent - size * 0.6 && (lines_in_paragraph >= 2 || (short_line && sentence)))
        return JOIN_PARAGRAPH;
    }
  else if (centred)
    return JOIN_PARAGRAPH;

  if (short_line)
    return sentence ? JOIN_PARAGRAPH : (prev->page == line->page ? JOIN_BREAK : JOIN_SPACE);

  /* A first-line indent after a full line that ended a sentence. */
  if (sentence && indent > size * 0.6 && indent > prev_indent + size * 0.6)
    return JOIN_PARAGRAPH;

  return JOIN_SPACE;
}

static gboolean
add_line (RstImportDocument  *document,
          const Line         *line,
          GError            **error)
{
  gsize start = 0;

  /* One call per run of one style. */
  while (start < line->text->len)
    {
      RstImportStyle style = g_array_index (line->styles, RstImportStyle, start);
      gsize end = start;

      while (end < line->text->len && g_array_index (line->styles, RstImportStyle, end) == style)
        end++;
      if (!rst_import_document_add_text (document, line->text->str + start, end - start, style, error))
        return FALSE;
      start = end;
    }

  return TRUE;
}

/* The hyphen at the end of @prev goes when a word continues after it in
 * lower case ("govern-" "ance"); "Asia-" "Pacific" keeps it.
 */
static gboolean
joins_hyphen (Line       *prev,
              const Line *line,
              gboolean   *keep)
{
  gunichar c = last_char (prev->text);
  gunichar next = g_utf8_get_char (line->text->str);
  const char *before;

  *keep = FALSE;
  if (c != '-' && c != 0x2010 && c != 0xAD)
    return FALSE;

  before = g_utf8_find_prev_char (prev->text->str, prev->text->str + prev->text->len);
  before = before != NULL ? g_utf8_find_prev_char (prev->text->str, before) : NULL;
  if (before == NULL || !g_unichar_isalpha (g_utf8_get_char (before)) || !g_unichar_isalpha (next))
    return FALSE;

  *keep = !g_unichar_islower (next) && c != 0xAD;
  if (!*keep)
    {
      const char *hyphen = g_utf8_find_prev_char (prev->text->str, prev->text->str + prev->text->len);

      g_array_set_size (prev->styles, hyphen - prev->text->str);
      g_string_truncate (prev->text, hyphen - prev->text->str);
    }

  return TRUE;
}

static void
read_metadata (PopplerDocument   *pdf,
               RstImportDocument *document)
{
  g_autofree char *title = poppler_document_get_title (pdf);
  g_autofree char *author = poppler_document_get_author (pdf);
  g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (pdf);

  rst_import_document_set_meta (document, RST_DETAIL_TITLE, title);
  rst_import_document_set_meta (document, RST_IMPORT_META_AUTHOR, author);
  if (created != NULL)
    {
      g_autofree char *date = g_date_time_format (created, "%Y-%m-%d");

      rst_import_document_set_meta (document, RST_DETAIL_DATE, date);
    }
}

static gboolean read_pages (PopplerDocument    *pdf,
                            RstImportDocument  *document,
                            GCancellable       *cancellable,
                            GError            **error);

/* The module's one entry point, found by name (rst-pdf-import.c). */
G_MODULE_EXPORT gboolean
rst_pdf_reader_read (GBytes             *bytes,
                     RstImportDocument  *document,
                     GCancellable       *cancellable,
                     GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *pdf;
  gboolean ok;

  pdf = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (pdf == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED,
                             _("it is protected by a password; remove the password and save it again"));
      else
        g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED,
                     _("it is a damaged PDF (%s)"), local_error != NULL ? local_error->message : "?");
      return FALSE;
    }

  /* poppler-glib 22 has no autoptr for its types yet. */
  ok = read_pages (pdf, document, cancellable, error);
  g_object_unref (pdf);

  return ok;
}

static gboolean
read_pages (PopplerDocument    *pdf,
            RstImportDocument  *document,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  g_autoptr(GArray) pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) plain = g_string_new (NULL);
  const RstRules *rules;
  const char *lang;
  double body_size, pitch;
  Line *prev = NULL;
  guint lines_in_paragraph = 0;
  double paragraph_pitch = 0;
  int n_pages;

  n_pages = poppler_document_get_n_pages (pdf);
  if (n_pages > RST_IMPORT_MAX_PAGES)
    {
      g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE,
                   _("it has %d pages, too many to be a statement"), n_pages);
      return FALSE;
    }

  read_metadata (pdf, document);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      Page info = { 0 };

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      info.first = lines->len;
      page = poppler_document_get_page (pdf, i);
      if (page != NULL)
        {
          poppler_page_get_size (page, &info.width, &info.height);
          read_page (page, (guint) i, lines);
          g_object_unref (page);
        }
      info.n_lines = lines->len - info.first;
      g_array_append_val (pages, info);
    }

  if (lines->len == 0)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT,
                           _("it has no text to read, only pictures of pages (a scan?); import the document it was made from, or run text recognition on it first"));
      return FALSE;
    }

  /* The body's size: the one most characters are written in. */
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);

      for (gsize k = 0; k < line->text->len; k += 16)
        g_array_append_val (sizes, line->size);
    }
  body_size = median (sizes, 12);

  drop_running_lines (lines, pages);
  drop_small_margins (lines, pages, body_size);
  drop_footnotes (lines, pages, body_size);

  /* Each page's text column, from its lines in the body's size. */
  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);
      gboolean any = FALSE;

      for (int pass = 0; pass < 2 && !any; pass++)
        for (guint k = 0; k < page->n_lines; k++)
          {
            const Line *line = g_ptr_array_index (lines, page->first + k);

            if (line->dropped || (pass == 0 && fabs (line->size - body_size) > body_size * 0.1))
              continue;
            page->left = any ? MIN (page->left, line->x1) : line->x1;
            page->right = any ? MAX (page->right, line->x2) : line->x2;
            any = TRUE;
          }
    }

  /* The margin right-to-left lines keep to, from the lines that reach
   * only one: a paragraph's last line, a salutation.
   */
  for (guint p = 0; p < pages->len; p++)
    {
      Page *page = &g_array_index (pages, Page, p);
      guint left_only = 0, right_only = 0;

      for (guint k = 0; k < page->n_lines; k++)
        {
          const Line *line = g_ptr_array_index (lines, page->first + k);
          gboolean at_left, at_right;

          if (line->dropped || !line->rtl || is_centred (line, page))
            continue;
          at_left = line->x1 < page->left + line->size * 0.5;
          at_right = line->x2 > page->right - line->size * 0.5;
          if (at_left && !at_right)
            left_only++;
          else if (at_right && !at_left)
            right_only++;
        }
      page->rtl_flush_left = left_only > right_only;
    }

  /* The usual distance between lines of a paragraph, in font sizes,
   * from the lines that run to the margin: those go on in the next line,
   * so their steps are inside paragraphs. A median over all steps would
   * be the step between paragraphs in a statement of short ones (a
   * salutation, three priorities of two lines), and join them all.
   */
  for (int pass = 0; pass < 2 && steps->len == 0; pass++)
    for (guint i = 1; i < lines->len; i++)
      {
        const Line *a = g_ptr_array_index (lines, i - 1);
        const Line *b = g_ptr_array_index (lines, i);
        const Page *page = &g_array_index (pages, Page, a->page);
        double step;

        if (a->dropped || b->dropped || a->page != b->page || fabs (a->size - b->size) > a->size * 0.1)
          continue;
        if (pass == 0 && (is_centred (a, page) ||
                          (is_set_right (a, page) ? a->x1 > page->left + a->size * 0.5
                                                  : a->x2 < page->right - a->size * 0.5)))
          continue;
        step = (b->y2 - a->y2) / MAX (a->size, b->size);
        if (step > 0.8 && step < 3)
          g_array_append_val (steps, step);
      }
  pitch = median (steps, 1.2);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = g_ptr_array_index (lines, i);

      if (!line->dropped)
        {
          g_string_append_len (plain, line->text->str, line->text->len);
          g_string_append_c (plain, '\n');
        }
    }
  if (plain->len == 0)
    {
      g_set_error_literal (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT,
                           _("it holds no text to import"));
      return FALSE;
    }
  lang = rst_language_recognize (plain->str, 0, plain->len);
  rules = rst_rules_get (lang != NULL ? lang : "en");

  /* Each line goes to the builder once the next one has said how the
   * two join: a hyphen at its end may have to go first.
   */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = g_ptr_array_index (lines, i);
      const Page *page = &g_array_index (pages, Page, line->page);
      RstImportAlign align = is_centred (line, page) ? RST_IMPORT_ALIGN_CENTER : RST_IMPORT_ALIGN_START;
      Join join;
      gboolean hyphen = FALSE;
      gboolean keep = FALSE;

      if (line->dropped)
        continue;

      if (prev == NULL)
        {
          rst_import_document_begin_block (document, align, FALSE);
          prev = line;
          lines_in_paragraph = 1;
          continue;
        }

      join = decide (rules, prev, line, &g_array_index (pages, Page, prev->page), page, pitch,
                     paragraph_pitch, lines_in_paragraph);
      if (join == JOIN_PARAGRAPH || prev->page != line->page)
        paragraph_pitch = 0;
      else
        paragraph_pitch = (line->y2 - prev->y2) / MAX (prev->size, line->size);
      if (join == JOIN_SPACE)
        hyphen = joins_hyphen (prev, line, &keep);
      if (!add_line (document, prev, error))
        return FALSE;

      switch (join)
        {
        case JOIN_PARAGRAPH:
          rst_import_document_begin_block (document, align, FALSE);
          lines_in_paragraph = 0;
          break;

        case JOIN_BREAK:
          rst_import_document_add_break (document);
          break;

        case JOIN_SPACE:
        default:
          /* Chinese lines join without a space; a word cut by a hyphen
           * joins without one too.
           */
          if (!hyphen && !is_wide (last_char (prev->text)) && !is_wide (g_utf8_get_char (line->text->str)) &&
              !rst_import_document_add_text (document, " ", 1, 0, error))
            return FALSE;
          break;
        }

      prev = line;
      lines_in_paragraph++;
    }

  if (prev != NULL && !add_line (document, prev, error))
    return FALSE;

  rst_import_document_end_block (document);
  return TRUE;
}
