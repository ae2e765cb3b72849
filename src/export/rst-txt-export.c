/* rst-txt-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-txt-export.h"

/**
 * rst_txt_export_write:
 *
 * Writes the body as UTF-8 plain text: no front matter, no markup, one
 * blank line between paragraphs. Unfilled "{{slots}}" stay visible.
 */
gboolean
rst_txt_export_write (const RstManuscript  *manuscript,
                      GOutputStream        *stream,
                      GCancellable         *cancellable,
                      GError              **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (manuscript != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  for (guint i = 0; i < manuscript->blocks->len; i++)
    {
      const RstBlock *block = g_ptr_array_index (manuscript->blocks, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, block->text);
      g_string_append_c (text, '\n');
    }

  return g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);
}
