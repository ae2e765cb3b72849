/* rst-layout.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "rst-layout.h"
#include "rst-word.h"

#define MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

/* Shown at the end of each paragraph of the reading copy: the speaker
 * pauses there. A no-break space keeps it on the paragraph's last line.
 */
#define PAUSE_MARK "\xc2\xa0\xe2\x96\xae"

#define READING_MIN_FONT_SIZE 18.0
#define READING_PAGE_NUMBER_SIZE 28.0

/* One paragraph shaped by Pango, with the geometry of its lines in
 * points relative to the top of the PangoLayout.
 */
typedef struct
{
  PangoLayout      *layout;
  const RstBlock   *block;
  PangoLayoutLine **lines;
  double           *top;
  double           *bottom;
  double           *baseline;
  double           *x;
  double           *width;
  guint             n_lines;
  /* Headings, delivery marks and salutations never end a page. */
  gboolean          keep_with_next;
  double            space_before;
} Para;

typedef struct
{
  guint  para;
  guint  first;
  guint  count;
  /* Where the top of line `first` sits on the page. */
  double y;
} Placement;

typedef struct
{
  GArray *placements;
  GArray *lines;
} Page;

struct _RstLayout
{
  GObject        parent_instance;

  RstManuscript *manuscript;
  RstLayoutKind  kind;
  PangoContext  *context;
  GPtrArray     *paras;
  GPtrArray     *pages;

  double         width;
  double         height;
  double         area_x;
  double         area_y;
  double         area_width;
  double         area_height;
  double         font_size;
  double         line_spacing;

  /* Page one's band above the text: delivery mark and session line. */
  PangoLayout   *band_mark;
  PangoLayout   *band_session;
  double         band_y;
  double         first_page_y;
};

G_DEFINE_FINAL_TYPE (RstLayout, rst_layout, G_TYPE_OBJECT)

static void
para_free (Para *para)
{
  g_clear_object (&para->layout);
  g_free (para->lines);
  g_free (para->top);
  g_free (para->bottom);
  g_free (para->baseline);
  g_free (para->x);
  g_free (para->width);
  g_free (para);
}

static void
page_free (Page *page)
{
  g_array_unref (page->placements);
  g_array_unref (page->lines);
  g_free (page);
}

static void
rst_layout_finalize (GObject *object)
{
  RstLayout *self = (RstLayout *) object;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->paras, g_ptr_array_unref);
  g_clear_object (&self->band_mark);
  g_clear_object (&self->band_session);
  g_clear_object (&self->context);
  g_clear_pointer (&self->manuscript, rst_manuscript_free);

  G_OBJECT_CLASS (rst_layout_parent_class)->finalize (object);
}

static void
rst_layout_class_init (RstLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_layout_finalize;
}

static void
rst_layout_init (RstLayout *self)
{
}

/* Where a line starts and ends in the statement's direction: Pango's
 * left and right are the page's for a paragraph of the context's
 * direction, and every paragraph here has it.
 */
static PangoAlignment
align_start (RstLayout *self)
{
  return rst_writing_is_rtl (self->manuscript->writing) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

static PangoAlignment
align_end (RstLayout *self)
{
  return rst_writing_is_rtl (self->manuscript->writing) ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
}

/* The delivery mark's slant, where the language's type has italics. */
static PangoStyle
mark_style (RstLayout *self)
{
  return rst_writing_has_italic (self->manuscript->writing) ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL;
}

/* What every layout's text carries beneath the markup: its language,
 * for the face fontconfig picks (Noto Sans CJK SC for zh-cn, not JP),
 * shaping and line breaking (no "，" or "。" at a line's start); and no
 * hyphen: a statement is read aloud, and a hyphen Pango adds would be
 * read as one.
 */
static void
insert_base_attributes (RstLayout     *self,
                        PangoAttrList *attrs)
{
  const char *lang = rst_writing_get_pango_language (self->manuscript->writing);

  pango_attr_list_insert_before (attrs, pango_attr_language_new (pango_language_from_string (lang)));
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
}

static PangoLayout *
new_pango_layout (RstLayout  *self,
                  double      size,
                  PangoWeight weight,
                  PangoStyle  style)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *families = g_strjoinv (",", self->manuscript->page.families);

  /* A family list: Pango takes each character from the first face of
   * it that has one.
   */
  pango_font_description_set_family (desc, families);
  /* Absolute sizes are device units, which on a PDF surface are points
   * whatever resolution a preview's context uses.
   */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_font_description_set_style (desc, style);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* Every paragraph runs in the statement's direction, as DOCX's
   * <w:bidi/> and ODT's writing mode make them: a line of Latin names
   * in an Arabic statement still starts at the right.
   */
  pango_layout_set_auto_dir (layout, FALSE);

  insert_base_attributes (self, attrs);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* pango_layout_set_markup() replaces the layout's attributes: put the
 * language and the no-hyphen rule back beneath the markup's.
 */
static void
set_markup (RstLayout   *self,
            PangoLayout *layout,
            const char  *markup)
{
  PangoAttrList *attrs;

  pango_layout_set_markup (layout, markup, -1);
  attrs = pango_layout_get_attributes (layout);
  attrs = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  insert_base_attributes (self, attrs);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
}

/* Where the reading copy starts a new line in a block: after each
 * sentence but the last, as the checker and the rehearsal view cut
 * sentences (rst_rules_sentence_stop(): "Mr." and "e.g. the" go on,
 * 。！？ and what closes after them end one). A blank there is
 * replaced by the line break; Chinese has none to replace.
 */
static GArray *
sentence_breaks (RstLayout      *self,
                 const RstBlock *block)
{
  const RstRules *rules = self->manuscript->rules;
  const char *text = block->text;
  gsize len = strlen (text);
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize pos = 0, ws, we;

  while (rst_next_word (text, &pos, len, &ws, &we))
    {
      gsize stop = rst_rules_sentence_stop (rules, text, ws, we, len);
      gsize next = stop;

      if (stop == 0 || stop >= len)
        continue;
      pos = MAX (pos, stop);

      /* A sentence starts with a capital, a figure or a quotation, in
       * the scripts that have capitals.
       */
      while (next < len && text[next] == ' ')
        next++;
      if (next >= len || g_unichar_islower (g_utf8_get_char (text + next)))
        continue;
      if (text[stop] != ' ' && rst_rules_get_spaces (rules))
        continue;

      g_array_append_val (breaks, stop);
    }

  return breaks;
}

/* Characters in a row without a place Pango may break a line at, after
 * which one is given: a 60 KB token once took Pango seconds to lay out,
 * trying every split of it.
 */
#define UNBROKEN_MAX 64

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      len)
{
  const char *end = text + (len < 0 ? (gssize) strlen (text) : len);
  const char *from = text;
  guint unbroken = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Spaces, and Han characters in Chinese, are break opportunities. */
      if (g_unichar_isspace (c) || rst_word_is_ideograph (c) || c == 0x200B)
        unbroken = 0;
      else if (++unbroken > UNBROKEN_MAX)
        {
          g_autofree char *escaped = g_markup_escape_text (from, p - from);

          g_string_append (markup, escaped);
          /* U+200B ZERO WIDTH SPACE: a break opportunity that prints nothing. */
          g_string_append (markup, "\xe2\x80\x8b");
          from = p;
          unbroken = 1;
        }
    }

  {
    g_autofree char *escaped = g_markup_escape_text (from, end - from);

    g_string_append (markup, escaped);
  }
}

/* Whether the line `index` of a paragraph ends a sentence, so that the
 * reading copy may turn the page after it.
 */
static gboolean
line_ends_sentence (RstLayout  *self,
                    const Para *para,
                    guint       index)
{
  const char *text = pango_layout_get_text (para->layout);
  const PangoLayoutLine *line = para->lines[index];

  if (index + 1 >= para->n_lines)
    return TRUE;

  return rst_rules_ends_sentence (self->manuscript->rules, text, line->start_index,
                                  line->start_index + line->length);
}

/* Sets @layout to the narrowest measure that keeps the number of lines
 * it has at @width: lines of even length. A few layouts of a short text,
 * by bisection to a point.
 */
static void
balance_lines (PangoLayout *layout,
               double       width)
{
  int lines = pango_layout_get_line_count (layout);
  int narrow = (int) (width * PANGO_SCALE / 2);
  int wide = (int) (width * PANGO_SCALE);

  while (wide - narrow > PANGO_SCALE)
    {
      int middle = narrow + (wide - narrow) / 2;

      pango_layout_set_width (layout, middle);
      if (pango_layout_get_line_count (layout) == lines)
        wide = middle;
      else
        narrow = middle;
    }
  pango_layout_set_width (layout, wide);
}

/* A title wraps into this many lines at most; longer headings are set
 * as they come, and hostile ones cost no more than a title.
 */
#define BALANCED_LINES_MAX 4

/* Where a heading starts new lines of its own: each of its lines that
 * the measure wraps is cut evenly, as a typesetter sets a title, rather
 * than leaving a word, or in Chinese a single character, alone below it
 * ("…和瑞士其他国际组织代" over "表"). Offsets into the block's text, as
 * sentence_breaks() gives them; a blank there is replaced by the break.
 */
static GArray *
balanced_breaks (RstLayout      *self,
                 const RstBlock *block)
{
  g_autoptr(PangoLayout) layout = new_pango_layout (self, self->font_size, PANGO_WEIGHT_BOLD,
                                                    PANGO_STYLE_NORMAL);
  GArray *breaks = g_array_new (FALSE, FALSE, sizeof (gsize));
  const char *text = block->text;
  gsize start = 0;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  for (;;)
    {
      const char *newline = strchr (text + start, '\n');
      gsize end = newline != NULL ? (gsize) (newline - text) : strlen (text);
      int lines;

      pango_layout_set_width (layout, (int) (self->area_width * PANGO_SCALE));
      pango_layout_set_text (layout, text + start, end - start);
      lines = pango_layout_get_line_count (layout);

      if (lines > 1 && lines <= BALANCED_LINES_MAX)
        {
          balance_lines (layout, self->area_width);
          for (GSList *l = pango_layout_get_lines_readonly (layout)->next; l != NULL; l = l->next)
            {
              gsize at = start + ((PangoLayoutLine *) l->data)->start_index;

              if (at > start && text[at - 1] == ' ')
                at--;
              g_array_append_val (breaks, at);
            }
        }

      if (newline == NULL)
        break;
      start = end + 1;
    }

  return breaks;
}

/* Pango markup for a block; every piece of the drafter's text goes
 * through g_markup_escape_text(), so "<", "&" and quotes stay text.
 */
static char *
block_markup (RstLayout      *self,
              const RstBlock *block)
{
  GString *markup = g_string_new (NULL);
  gboolean reading = self->kind == RST_LAYOUT_READING;
  g_autoptr(GArray) breaks = NULL;
  guint next_break = 0;

  if (block->kind == RST_BLOCK_HEADING)
    breaks = balanced_breaks (self, block);
  else if (reading)
    breaks = sentence_breaks (self, block);

  for (guint i = 0; i < block->n_runs; i++)
    {
      const RstRun *run = &block->runs[i];
      gboolean bold = (run->flags & RST_RUN_BOLD) != 0;

      if (reading && ((run->flags & RST_RUN_ORDINAL) != 0 || block->kind == RST_BLOCK_SALUTATION))
        bold = TRUE;

      if (run->flags & RST_RUN_PLACEHOLDER)
        g_string_append (markup, "<span background=\"#fff1a8\">");
      if (bold)
        g_string_append (markup, "<b>");
      if (run->flags & RST_RUN_ITALIC)
        g_string_append (markup, "<i>");
      if (breaks != NULL)
        {
          /* The reading copy starts each sentence on a new line: the
           * speaker finds it at the margin, and a page can always turn
           * between two sentences. A heading's lines are cut evenly.
           */
          guint from = run->start;

          for (; next_break < breaks->len && g_array_index (breaks, gsize, next_break) < run->end; next_break++)
            {
              gsize at = g_array_index (breaks, gsize, next_break);

              if (at < from)
                continue;
              append_escaped (markup, block->text + from, at - from);
              g_string_append_c (markup, '\n');
              from = block->text[at] == ' ' ? at + 1 : at;
            }
          append_escaped (markup, block->text + from, run->end - from);
        }
      else
        {
          append_escaped (markup, block->text + run->start, run->end - run->start);
        }
      if (run->flags & RST_RUN_ITALIC)
        g_string_append (markup, "</i>");
      if (bold)
        g_string_append (markup, "</b>");
      if (run->flags & RST_RUN_PLACEHOLDER)
        g_string_append (markup, "</span>");
    }

  if (reading && block->kind != RST_BLOCK_HEADING && block->kind != RST_BLOCK_DELIVERY_MARK)
    g_string_append (markup, "<span foreground=\"#808080\">" PAUSE_MARK "</span>");

  return g_string_free (markup, FALSE);
}

static Para *
para_new (RstLayout      *self,
          const RstBlock *block)
{
  Para *para = g_new0 (Para, 1);
  g_autofree char *markup = block_markup (self, block);
  PangoWeight weight = PANGO_WEIGHT_NORMAL;
  PangoStyle style = PANGO_STYLE_NORMAL;
  PangoAlignment alignment = align_start (self);
  gboolean justify = FALSE;
  PangoLayoutIter *iter;
  guint i = 0;

  switch (block->kind)
    {
    case RST_BLOCK_HEADING:
      weight = PANGO_WEIGHT_BOLD;
      alignment = PANGO_ALIGN_CENTER;
      para->keep_with_next = TRUE;
      break;
    case RST_BLOCK_DELIVERY_MARK:
      style = mark_style (self);
      alignment = align_end (self);
      para->keep_with_next = TRUE;
      break;
    case RST_BLOCK_SALUTATION:
      para->keep_with_next = TRUE;
      break;
    case RST_BLOCK_BODY:
      /* Ragged lines are easier to read aloud; the council copy is set
       * justified as printed statements are.
       */
      justify = self->kind == RST_LAYOUT_PRINT;
      break;
    case RST_BLOCK_CLOSING:
    default:
      break;
    }

  para->block = block;
  para->layout = new_pango_layout (self, self->font_size, weight, style);
  pango_layout_set_width (para->layout, (int) (self->area_width * PANGO_SCALE));
  pango_layout_set_wrap (para->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (para->layout, alignment);
  pango_layout_set_justify (para->layout, justify);
  pango_layout_set_line_spacing (para->layout, self->line_spacing);
  set_markup (self, para->layout, markup);

  para->n_lines = pango_layout_get_line_count (para->layout);
  para->lines = g_new0 (PangoLayoutLine *, para->n_lines);
  para->top = g_new0 (double, para->n_lines);
  para->bottom = g_new0 (double, para->n_lines);
  para->baseline = g_new0 (double, para->n_lines);
  para->x = g_new0 (double, para->n_lines);
  para->width = g_new0 (double, para->n_lines);

  iter = pango_layout_get_iter (para->layout);
  do
    {
      PangoRectangle logical;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      para->lines[i] = pango_layout_iter_get_line_readonly (iter);
      para->top[i] = (double) y0 / PANGO_SCALE;
      para->bottom[i] = (double) y1 / PANGO_SCALE;
      para->baseline[i] = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      para->x[i] = (double) logical.x / PANGO_SCALE;
      para->width[i] = (double) logical.width / PANGO_SCALE;
      i++;
    }
  while (i < para->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  para->n_lines = i;

  return para;
}

static double
para_height (const Para *para,
             guint       first,
             guint       count)
{
  if (count == 0)
    return 0;

  return para->bottom[first + count - 1] - para->top[first];
}

/* Whether a page may end after `count` lines from `first`: at least two
 * lines at the foot of the page, at least two carried over, and for the
 * reading copy only after a full stop.
 */
static gboolean
break_allowed (RstLayout  *self,
               const Para *para,
               guint       first,
               guint       count)
{
  guint remaining = para->n_lines - first;

  if (count == 0 || count >= remaining)
    return FALSE;
  if (first == 0 && count < 2)
    return FALSE;
  if (remaining - count < 2)
    return FALSE;
  if (self->kind == RST_LAYOUT_READING && !line_ends_sentence (self, para, first + count - 1))
    return FALSE;

  return TRUE;
}

/* How many of the lines from `first` end this page when `fit` of them
 * would fit; zero moves the paragraph to the next page whole.
 */
static guint
lines_for_break (RstLayout  *self,
                 const Para *para,
                 guint       first,
                 guint       fit)
{
  for (guint k = fit; k > 0; k--)
    {
      if (break_allowed (self, para, first, k))
        return k;
    }

  return 0;
}

/* The fewest lines a paragraph can start a page's foot with. */
static guint
first_chunk (RstLayout  *self,
             const Para *para)
{
  for (guint k = 1; k < para->n_lines; k++)
    {
      if (break_allowed (self, para, 0, k))
        return k;
    }

  return para->n_lines;
}

static Page *
page_new (void)
{
  Page *page = g_new0 (Page, 1);

  page->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  page->lines = g_array_new (FALSE, FALSE, sizeof (RstLayoutLine));

  return page;
}

/* How tall a block that keeps with the next one needs the page to be:
 * itself, the blocks it keeps with, and the first lines the next
 * paragraph may be broken after.
 */
static double
keep_height (RstLayout *self,
             guint      index)
{
  const Para *para = g_ptr_array_index (self->paras, index);
  double need = para_height (para, 0, para->n_lines);

  while (para->keep_with_next && index + 1 < self->paras->len)
    {
      const Para *next = g_ptr_array_index (self->paras, ++index);

      if (next->keep_with_next)
        need += next->space_before + para_height (next, 0, next->n_lines);
      else
        need += next->space_before + para_height (next, 0, first_chunk (self, next));
      para = next;
    }

  return need;
}

static void
paginate (RstLayout *self)
{
  double area_top = self->area_y;
  double area_bottom = self->area_y + self->area_height;
  Page *page = page_new ();
  double y = self->first_page_y;
  gboolean at_top = TRUE;

  g_ptr_array_add (self->pages, page);

  for (guint i = 0; i < self->paras->len; i++)
    {
      const Para *para = g_ptr_array_index (self->paras, i);
      guint first = 0;

      while (first < para->n_lines)
        {
          guint remaining = para->n_lines - first;
          double gap = at_top ? 0 : para->space_before;
          double avail = area_bottom - y - gap;
          guint fit = 0;
          guint count;

          while (fit < remaining && para_height (para, first, fit + 1) <= avail + 0.01)
            fit++;

          if (fit == remaining)
            {
              count = remaining;
              /* A heading or salutation alone at the foot of a page. */
              if (!at_top && first == 0 && para->keep_with_next && i + 1 < self->paras->len &&
                  keep_height (self, i) > avail &&
                  keep_height (self, i) <= self->area_height)
                count = 0;
            }
          else
            {
              count = lines_for_break (self, para, first, fit);
              /* At the top of a page nothing is gained by waiting: split
               * where the rules allow or, for a paragraph taller than a
               * page, where the page ends.
               */
              if (count == 0 && at_top)
                count = MAX (fit, 1);
            }

          if (count == 0)
            {
              page = page_new ();
              g_ptr_array_add (self->pages, page);
              y = area_top;
              at_top = TRUE;
              continue;
            }

          {
            Placement placement = { i, first, count, y + gap };
            g_array_append_val (page->placements, placement);
          }

          y += gap + para_height (para, first, count);
          at_top = FALSE;
          first += count;

          if (first < para->n_lines)
            {
              page = page_new ();
              g_ptr_array_add (self->pages, page);
              y = area_top;
              at_top = TRUE;
            }
        }
    }

  /* The line table the tests and a preview read. */
  for (guint p = 0; p < self->pages->len; p++)
    {
      page = g_ptr_array_index (self->pages, p);

      for (guint j = 0; j < page->placements->len; j++)
        {
          const Placement *placement = &g_array_index (page->placements, Placement, j);
          const Para *para = g_ptr_array_index (self->paras, placement->para);

          for (guint k = placement->first; k < placement->first + placement->count; k++)
            {
              RstLayoutLine line;

              line.paragraph = placement->para;
              line.line = k;
              line.n_lines = para->n_lines;
              line.kind = para->block->kind;
              line.x = self->area_x + para->x[k];
              line.y = placement->y + para->top[k] - para->top[placement->first];
              line.width = para->width[k];
              line.height = para->bottom[k] - para->top[k];
              line.text_start = para->lines[k]->start_index;
              line.text_end = para->lines[k]->start_index + para->lines[k]->length;
              g_array_append_val (page->lines, line);
            }
        }
    }
}

static PangoLayout *
new_band_layout (RstLayout   *self,
                 const char  *text,
                 double       size,
                 PangoWeight  weight,
                 PangoStyle   style,
                 PangoAlignment alignment)
{
  PangoLayout *layout = new_pango_layout (self, size, weight, style);

  pango_layout_set_width (layout, (int) (self->area_width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  if (layout == NULL)
    return 0;

  pango_layout_get_size (layout, NULL, &height);

  return (double) height / PANGO_SCALE;
}

static void
setup_geometry (RstLayout *self)
{
  const RstPageSetup *page = &self->manuscript->page;

  self->width = page->width;
  self->height = page->height;

  if (self->kind == RST_LAYOUT_READING)
    {
      /* Room for the large page number above the text. */
      double top = MAX (page->margin_top, MM_TO_PT (22));

      self->font_size = MAX (READING_MIN_FONT_SIZE, page->font_size * 1.5);
      self->line_spacing = CLAMP (page->line_spacing * 1.5, 1.5, 2.0);
      self->area_x = page->margin_left;
      self->area_y = top;
      self->area_width = page->width - page->margin_left - page->margin_right;
      /* The speaker keeps the eyes up: only the top two thirds. */
      self->area_height = page->height * 2.0 / 3.0 - top;
    }
  else
    {
      self->font_size = page->font_size;
      self->line_spacing = page->line_spacing;
      self->area_x = page->margin_left;
      self->area_y = page->margin_top;
      self->area_width = page->width - page->margin_left - page->margin_right;
      self->area_height = page->height - page->margin_top - page->margin_bottom;
    }

  self->first_page_y = self->area_y;
}

static void
setup_band (RstLayout *self)
{
  const RstManuscript *ms = self->manuscript;
  double small = MAX (8.0, self->font_size - 2);
  double band_height;

  if (self->kind != RST_LAYOUT_PRINT)
    return;

  if (ms->delivery_mark != NULL)
    self->band_mark = new_band_layout (self, ms->delivery_mark, MAX (8.0, self->font_size - 1),
                                       PANGO_WEIGHT_BOLD, mark_style (self), align_end (self));
  if (ms->session_line != NULL)
    self->band_session = new_band_layout (self, ms->session_line, small,
                                          PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, align_start (self));

  band_height = layout_height (self->band_mark) + layout_height (self->band_session);
  if (band_height == 0)
    return;

  /* The band sits in the top margin, above the text, as a letterhead
   * does; a margin too narrow for it pushes the text down instead.
   */
  if (self->area_y - band_height - small >= MM_TO_PT (8))
    {
      self->band_y = self->area_y - band_height - small / 2;
    }
  else
    {
      self->band_y = self->area_y;
      self->first_page_y = self->area_y + band_height + small;
    }
}

/**
 * rst_layout_new:
 * @analysis: the statement's analysis, its council profile giving the page
 * @kind: the council copy or the speaker's reading copy
 *
 * Lays the statement out in pages. The layout does not depend on the
 * device it is drawn on: metrics are unhinted and glyph positions are
 * not rounded, so a preview at any zoom breaks lines as the PDF does.
 */
RstLayout *
rst_layout_new (RstAnalysis   *analysis,
                RstLayoutKind  kind)
{
  RstLayout *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), NULL);

  self = g_object_new (RST_TYPE_LAYOUT, NULL);
  self->kind = kind;
  self->manuscript = rst_manuscript_new (analysis);
  self->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);

  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (self->context, 72.0);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  pango_context_set_language (self->context,
                              pango_language_from_string (rst_writing_get_pango_language (self->manuscript->writing)));
  pango_context_set_base_dir (self->context,
                              rst_writing_is_rtl (self->manuscript->writing) ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);

  setup_geometry (self);
  setup_band (self);

  for (guint i = 0; i < self->manuscript->blocks->len; i++)
    {
      const RstBlock *block = g_ptr_array_index (self->manuscript->blocks, i);
      Para *para = para_new (self, block);
      /* The reading copy's lines are already far apart: a paragraph
       * needs a full blank line to stand out.
       */
      double gap = self->font_size * self->line_spacing * (self->kind == RST_LAYOUT_READING ? 1.0 : 0.6);

      if (i > 0)
        {
          const Para *previous = g_ptr_array_index (self->paras, i - 1);

          para->space_before = previous->block->kind == RST_BLOCK_HEADING ? gap * 2 : gap;
        }
      g_ptr_array_add (self->paras, para);
    }

  paginate (self);

  return self;
}

RstLayoutKind
rst_layout_get_kind (RstLayout *self)
{
  g_return_val_if_fail (RST_IS_LAYOUT (self), RST_LAYOUT_PRINT);

  return self->kind;
}

const RstManuscript *
rst_layout_get_manuscript (RstLayout *self)
{
  g_return_val_if_fail (RST_IS_LAYOUT (self), NULL);

  return self->manuscript;
}

guint
rst_layout_get_n_pages (RstLayout *self)
{
  g_return_val_if_fail (RST_IS_LAYOUT (self), 0);

  return self->pages->len;
}

/* In points. */
void
rst_layout_get_page_size (RstLayout *self,
                          double    *width,
                          double    *height)
{
  g_return_if_fail (RST_IS_LAYOUT (self));

  if (width != NULL)
    *width = self->width;
  if (height != NULL)
    *height = self->height;
}

/* Where the statement's own text goes, in points; the delivery mark and
 * session line of page one, page numbers and footer lie outside it.
 */
void
rst_layout_get_text_area (RstLayout *self,
                          double    *x,
                          double    *y,
                          double    *width,
                          double    *height)
{
  g_return_if_fail (RST_IS_LAYOUT (self));

  if (x != NULL)
    *x = self->area_x;
  if (y != NULL)
    *y = self->area_y;
  if (width != NULL)
    *width = self->area_width;
  if (height != NULL)
    *height = self->area_height;
}

/* The body type size in points. */
double
rst_layout_get_font_size (RstLayout *self)
{
  g_return_val_if_fail (RST_IS_LAYOUT (self), 0);

  return self->font_size;
}

guint
rst_layout_get_n_paragraphs (RstLayout *self)
{
  g_return_val_if_fail (RST_IS_LAYOUT (self), 0);

  return self->paras->len;
}

/* The paragraph as set, with the reading copy's pause mark if any. */
const char *
rst_layout_get_paragraph_text (RstLayout *self,
                               guint      paragraph)
{
  const Para *para;

  g_return_val_if_fail (RST_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (paragraph < self->paras->len, NULL);

  para = g_ptr_array_index (self->paras, paragraph);

  return pango_layout_get_text (para->layout);
}

const RstLayoutLine *
rst_layout_get_lines (RstLayout *self,
                      guint      page,
                      guint     *n_lines)
{
  const Page *p;

  g_return_val_if_fail (RST_IS_LAYOUT (self), NULL);
  g_return_val_if_fail (page < self->pages->len, NULL);

  p = g_ptr_array_index (self->pages, page);
  if (n_lines != NULL)
    *n_lines = p->lines->len;

  return (const RstLayoutLine *) (gpointer) p->lines->data;
}

/**
 * rst_layout_count_unknown_glyphs:
 *
 * Returns: how many characters of the statement and its band no face
 *   on the system could set; a preview warns with it, a test wants 0
 */
guint
rst_layout_count_unknown_glyphs (RstLayout *self)
{
  guint n = 0;

  g_return_val_if_fail (RST_IS_LAYOUT (self), 0);

  for (guint i = 0; i < self->paras->len; i++)
    {
      const Para *para = g_ptr_array_index (self->paras, i);

      n += pango_layout_get_unknown_glyphs_count (para->layout);
    }
  if (self->band_mark != NULL)
    n += pango_layout_get_unknown_glyphs_count (self->band_mark);
  if (self->band_session != NULL)
    n += pango_layout_get_unknown_glyphs_count (self->band_session);

  return n;
}

static void
show_layout_at (cairo_t     *cr,
                PangoLayout *layout,
                double       x,
                double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
render_furniture (RstLayout *self,
                  cairo_t   *cr,
                  guint      page)
{
  const RstPageSetup *setup = &self->manuscript->page;
  g_autofree char *label = NULL;
  g_autoptr(PangoLayout) number = NULL;

  if (self->kind == RST_LAYOUT_READING)
    {
      /* Figures only, the same in every language; in an Arabic copy the
       * bidi algorithm orders them for a reader from the right.
       */
      label = g_strdup_printf ("%u / %u", page + 1, self->pages->len);
      number = new_band_layout (self, label, READING_PAGE_NUMBER_SIZE,
                                PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, align_end (self));
      show_layout_at (cr, number, self->area_x,
                      (self->area_y - layout_height (number)) / 2);
      return;
    }

  {
    double size = MAX (8.0, self->font_size - 2);
    double y;

    /* In the statement's language: "Page 2 of 5", "الصفحة 2 من 5". */
    label = rst_writing_format_page_number (self->manuscript->writing, page + 1, self->pages->len);
    number = new_band_layout (self, label, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL,
                              align_end (self));
    y = self->height - setup->margin_bottom / 2 - layout_height (number) / 2;
    y = MAX (y, self->area_y + self->area_height);
    show_layout_at (cr, number, self->area_x, y);

    if (self->manuscript->delegation != NULL)
      {
        g_autoptr(PangoLayout) footer = NULL;

        footer = new_band_layout (self, self->manuscript->delegation, size, PANGO_WEIGHT_NORMAL,
                                  PANGO_STYLE_NORMAL, align_start (self));
        /* Leave the page number its room at the end of the line: the
         * right, or the left in a right-to-left statement.
         */
        pango_layout_set_width (footer, (int) (self->area_width * 0.7 * PANGO_SCALE));
        pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_END);
        show_layout_at (cr, footer,
                        self->area_x + (rst_writing_is_rtl (self->manuscript->writing) ? self->area_width * 0.3 : 0),
                        y);
      }
  }
}

/**
 * rst_layout_render_page:
 * @self: a layout
 * @cr: any cairo context, user space in points
 * @page: the page index
 *
 * Draws one page in black ink, statement text first so that a PDF's
 * text reads in order. The caller paints the paper, and scales @cr for
 * a preview.
 */
void
rst_layout_render_page (RstLayout *self,
                        cairo_t   *cr,
                        guint      page)
{
  const Page *p;

  g_return_if_fail (RST_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  /* The band above the text comes first on page one, where it reads. */
  if (page == 0 && self->kind == RST_LAYOUT_PRINT)
    {
      double y = self->band_y;

      if (self->band_mark != NULL)
        {
          show_layout_at (cr, self->band_mark, self->area_x, y);
          y += layout_height (self->band_mark);
        }
      if (self->band_session != NULL)
        show_layout_at (cr, self->band_session, self->area_x, y);
    }

  for (guint i = 0; i < p->placements->len; i++)
    {
      const Placement *placement = &g_array_index (p->placements, Placement, i);
      const Para *para = g_ptr_array_index (self->paras, placement->para);
      double origin = placement->y - para->top[placement->first];

      for (guint k = placement->first; k < placement->first + placement->count; k++)
        {
          cairo_move_to (cr, self->area_x + para->x[k], origin + para->baseline[k]);
          pango_cairo_show_layout_line (cr, para->lines[k]);
        }
    }

  render_furniture (self, cr, page);

  cairo_restore (cr);
}
