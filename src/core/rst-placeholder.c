/* rst-placeholder.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-placeholder.h"

/**
 * rst_placeholder_next:
 * @pos: (inout): where to look from; moved past what is returned
 * @out: (out caller-allocates): the next "{{", closed or not
 *
 * Returns: %FALSE when there is no "{{" left in [@pos, @length)
 */
gboolean
rst_placeholder_next (const char     *text,
                      gsize           length,
                      gsize          *pos,
                      RstPlaceholder *out)
{
  gsize i;

  g_return_val_if_fail (text != NULL || length == 0, FALSE);
  g_return_val_if_fail (pos != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  for (i = *pos; i + 1 < length;)
    {
      const char *open = memchr (text + i, '{', length - i - 1);
      gsize limit;
      gsize j;

      if (open == NULL)
        break;
      i = open - text;
      if (text[i + 1] != '{')
        {
          i++;
          continue;
        }

      out->start = i;
      out->closed = FALSE;
      limit = MIN (length, i + RST_PLACEHOLDER_MAX_LENGTH);

      for (j = i + 2; j + 1 < limit; j++)
        {
          if (text[j] == '\n' || text[j] == '\r' || text[j] == '{')
            break;
          if (text[j] == '}' && text[j + 1] == '}')
            {
              out->closed = TRUE;
              break;
            }
        }

      if (out->closed)
        {
          out->end = j + 2;
          out->name_start = i + 2;
          out->name_end = j;
          while (out->name_start < out->name_end && g_ascii_isspace (text[out->name_start]))
            out->name_start++;
          while (out->name_end > out->name_start && g_ascii_isspace (text[out->name_end - 1]))
            out->name_end--;
        }
      else
        {
          /* "{{{x}}": the scan goes on at the second brace. */
          out->end = i + 2;
          out->name_start = out->name_end = i + 2;
          if (j < length && text[j] == '{')
            out->end = i + 1;
        }

      *pos = out->end;
      return TRUE;
    }

  *pos = length;
  return FALSE;
}

/* Returns: (transfer full): the trimmed name of a closed placeholder */
char *
rst_placeholder_dup_name (const char           *text,
                          const RstPlaceholder *placeholder)
{
  g_return_val_if_fail (placeholder != NULL, NULL);

  return g_strndup (text + placeholder->name_start,
                    placeholder->name_end - placeholder->name_start);
}

/**
 * rst_placeholder_find_all:
 * @from: where to start, e.g. the body's first byte
 *
 * Returns: (transfer full) (element-type RstPlaceholder): the closed
 *   placeholders in [@from, @length), in order
 */
GArray *
rst_placeholder_find_all (const char *text,
                          gsize       from,
                          gsize       length)
{
  GArray *all = g_array_new (FALSE, FALSE, sizeof (RstPlaceholder));
  RstPlaceholder placeholder;
  gsize pos = from;

  while (rst_placeholder_next (text, length, &pos, &placeholder))
    if (placeholder.closed)
      g_array_append_val (all, placeholder);

  return all;
}

/**
 * rst_placeholder_in:
 * @text: (nullable): a value, such as a detail of the front matter
 *
 * Returns: whether @text still holds a template's placeholder: a
 *   detail such as `council: "{{council_id}}"` is not filled in yet.
 */
gboolean
rst_placeholder_in (const char *text)
{
  RstPlaceholder placeholder;
  gsize pos = 0;

  if (text == NULL)
    return FALSE;

  while (rst_placeholder_next (text, strlen (text), &pos, &placeholder))
    if (placeholder.closed)
      return TRUE;

  return FALSE;
}
