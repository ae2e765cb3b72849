/* rst-outline.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rst-outline.h"
#include "rst-timing.h"
#include "rst-word.h"

/* The outline lives in core so that what the sidebar lists, and which
 * entry a problem is charged to, is tested without a display.
 */
struct _RstOutlineItem
{
  GObject           parent_instance;
  char             *label;
  gsize             start;
  gsize             end;
  gsize             section_end;
  guint             line;
  guint             n_diagnostics;
  guint             units;
  guint             seconds;
  RstElementKind    kind;
  RstOutlineStatus  status;
};

G_DEFINE_FINAL_TYPE (RstOutlineItem, rst_outline_item, G_TYPE_OBJECT)

static void
rst_outline_item_finalize (GObject *object)
{
  RstOutlineItem *self = (RstOutlineItem *)object;

  g_free (self->label);

  G_OBJECT_CLASS (rst_outline_item_parent_class)->finalize (object);
}

static void
rst_outline_item_class_init (RstOutlineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rst_outline_item_finalize;
}

static void
rst_outline_item_init (RstOutlineItem *self)
{
}

RstElementKind
rst_outline_item_get_kind (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), RST_ELEMENT_PARAGRAPH);
  return self->kind;
}

const char *
rst_outline_item_get_label (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), NULL);
  return self->label;
}

RstOutlineStatus
rst_outline_item_get_status (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), RST_OUTLINE_STATUS_FINE);
  return self->status;
}

guint
rst_outline_item_get_n_diagnostics (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->n_diagnostics;
}

gsize
rst_outline_item_get_start (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->start;
}

gsize
rst_outline_item_get_end (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->end;
}

gsize
rst_outline_item_get_section_end (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->section_end;
}

/* 1-based, in the whole file. */
guint
rst_outline_item_get_line (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->line;
}

/**
 * rst_outline_item_dup_accessible_name:
 *
 * Returns: (transfer full): the label with the status in words
 */
char *
rst_outline_item_dup_accessible_name (RstOutlineItem *self)
{
  const char *status = NULL;

  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), NULL);

  switch (self->status)
    {
    case RST_OUTLINE_STATUS_FINE:
    case RST_OUTLINE_STATUS_INFO:
      /* Translators: the status of a part of the statement in the outline */
      status = _("fine");
      break;

    case RST_OUTLINE_STATUS_WARNING:
      status = _("warning");
      break;

    case RST_OUTLINE_STATUS_ERROR:
      status = _("error");
      break;

    default:
      g_assert_not_reached ();
    }

  /* Translators: an outline entry for screen readers, "First: error" */
  return g_strdup_printf (_("%s: %s"), self->label, status);
}

/* Words (characters in Chinese) from this entry to the next. */
guint
rst_outline_item_get_units (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->units;
}

/* Its share of the speaking time, in seconds: the shares of all entries
 * add up to the statement's speaking time.
 */
guint
rst_outline_item_get_speaking_seconds (RstOutlineItem *self)
{
  g_return_val_if_fail (RST_IS_OUTLINE_ITEM (self), 0);
  return self->seconds;
}

const char *
rst_outline_status_to_string (RstOutlineStatus status)
{
  switch (status)
    {
    case RST_OUTLINE_STATUS_FINE:    return "fine";
    case RST_OUTLINE_STATUS_INFO:    return "info";
    case RST_OUTLINE_STATUS_WARNING: return "warning";
    case RST_OUTLINE_STATUS_ERROR:   return "error";
    default:                         g_return_val_if_reached (NULL);
    }
}

const char *
rst_outline_status_get_icon_name (RstOutlineStatus status)
{
  switch (status)
    {
    case RST_OUTLINE_STATUS_FINE:    return "emblem-ok-symbolic";
    case RST_OUTLINE_STATUS_INFO:    return rst_severity_get_icon_name (RST_SEVERITY_INFO);
    case RST_OUTLINE_STATUS_WARNING: return rst_severity_get_icon_name (RST_SEVERITY_WARNING);
    case RST_OUTLINE_STATUS_ERROR:   return rst_severity_get_icon_name (RST_SEVERITY_ERROR);
    default:                         g_return_val_if_reached (NULL);
    }
}

/* The marker as written ("Second", "3.", "Finally"), with a capital so
 * that "our first priority" lists as "First".
 */
static char *
priority_label (RstStatement     *statement,
                const RstElement *element)
{
  const char *text = rst_statement_get_text (statement);
  g_autofree char *marker = NULL;
  gunichar first;
  char buf[8];
  int len;

  if (element->marker_end <= element->marker_start)
    return element->value > 0 ? g_strdup_printf ("%u.", element->value) : g_strdup (_("Priority"));

  marker = g_strndup (text + element->marker_start, element->marker_end - element->marker_start);
  g_strstrip (marker);
  if (marker[0] == '\0')
    return g_strdup (_("Priority"));

  first = g_utf8_get_char (marker);
  if (!g_unichar_islower (first))
    return g_steal_pointer (&marker);

  len = g_unichar_to_utf8 (g_unichar_totitle (first), buf);
  return g_strdup_printf ("%.*s%s", len, buf, g_utf8_next_char (marker));
}

static char *
element_label (RstStatement     *statement,
               const RstElement *element)
{
  switch (element->kind)
    {
    case RST_ELEMENT_HEADING:           return g_strdup (_("Heading"));
    case RST_ELEMENT_DELIVERY_MARK:     return g_strdup (_("Delivery mark"));
    case RST_ELEMENT_SALUTATION:        return g_strdup (_("Salutation"));
    case RST_ELEMENT_OPENING:           return g_strdup (_("Opening"));
    case RST_ELEMENT_PRIORITY:          return priority_label (statement, element);
    case RST_ELEMENT_RETURN_SALUTATION: return g_strdup (_("Return salutation"));
    case RST_ELEMENT_CLOSING:           return g_strdup (_("Closing"));
    case RST_ELEMENT_ANNOUNCED_COUNT:
    case RST_ELEMENT_PARAGRAPH:
    default:
      return NULL;
    }
}

static RstOutlineStatus
status_for_severity (RstSeverity severity)
{
  switch (severity)
    {
    case RST_SEVERITY_ERROR:   return RST_OUTLINE_STATUS_ERROR;
    case RST_SEVERITY_WARNING: return RST_OUTLINE_STATUS_WARNING;
    case RST_SEVERITY_INFO:
    default:                   return RST_OUTLINE_STATUS_INFO;
    }
}

/**
 * rst_outline_build:
 * @statement: a statement
 * @diagnostics: (nullable) (element-type RstDiagnostic): its diagnostics
 * @lines: the line index of the statement's text
 *
 * Only the analysis builds outlines; everyone else reads
 * rst_analysis_get_outline().
 *
 * Returns: (transfer full) (element-type RstOutlineItem): the outline
 */
/* The words (characters in Chinese) of each section, and its speaking
 * time: the time to the end of the section less the time to its start,
 * each rounded as the whole statement's is, so that the parts add up to
 * exactly the time the gauge shows. Words before the first entry count
 * with it.
 */
static void
count_section_times (RstStatement *statement,
                     GPtrArray    *items,
                     double        units_per_minute)
{
  guint total = 0;
  guint before = 0;
  guint words_before = 0;

  for (guint i = 0; i < items->len; i++)
    {
      RstOutlineItem *item = g_ptr_array_index (items, i);
      guint words_until;
      guint until;

      words_until = i + 1 < items->len
                    ? rst_statement_count_words_before (statement,
                                                        ((RstOutlineItem *) g_ptr_array_index (items, i + 1))->start)
                    : rst_statement_get_word_count (statement);
      item->units = words_until - words_before;
      words_before = words_until;

      total += item->units;
      until = rst_timing_estimate_seconds (total, units_per_minute);
      item->seconds = until - before;
      before = until;
    }
}

GPtrArray *
rst_outline_build (RstStatement       *statement,
                   GPtrArray          *diagnostics,
                   const RstLineIndex *lines,
                   double              units_per_minute)
{
  GPtrArray *items;
  const RstElement *elements;
  guint n_elements;

  g_return_val_if_fail (RST_IS_STATEMENT (statement), NULL);

  items = g_ptr_array_new_with_free_func (g_object_unref);
  elements = rst_statement_get_elements (statement, &n_elements);

  for (guint i = 0; i < n_elements; i++)
    {
      char *label = element_label (statement, &elements[i]);
      RstOutlineItem *item;

      if (label == NULL)
        continue;

      item = g_object_new (RST_TYPE_OUTLINE_ITEM, NULL);
      item->label = label;
      item->kind = elements[i].kind;
      item->start = elements[i].start;
      item->end = elements[i].end;
      rst_line_index_locate (lines, item->start, &item->line, NULL);

      if (items->len > 0)
        {
          RstOutlineItem *previous = g_ptr_array_index (items, items->len - 1);
          previous->section_end = item->start;
        }
      g_ptr_array_add (items, item);
    }

  if (items->len > 0)
    {
      RstOutlineItem *last = g_ptr_array_index (items, items->len - 1);
      last->section_end = MAX (last->end, rst_statement_get_length (statement));
    }

  /* Each diagnostic is charged to the entry whose section holds its start;
   * the entries are sorted, so a binary search finds it.
   */
  for (guint d = 0; diagnostics != NULL && d < diagnostics->len; d++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, d);
      gsize start = rst_diagnostic_get_start (diagnostic);
      RstOutlineItem *item;
      RstOutlineStatus status;
      guint lo = 0, hi = items->len;

      if (items->len == 0)
        break;

      while (hi - lo > 1)
        {
          guint mid = lo + (hi - lo) / 2;

          if (((RstOutlineItem *)g_ptr_array_index (items, mid))->start <= start)
            lo = mid;
          else
            hi = mid;
        }

      item = g_ptr_array_index (items, lo);
      if (start < item->start || start >= item->section_end)
        continue;

      item->n_diagnostics++;
      status = status_for_severity (rst_diagnostic_get_severity (diagnostic));
      item->status = MAX (item->status, status);
    }

  count_section_times (statement, items, units_per_minute);

  return items;
}
