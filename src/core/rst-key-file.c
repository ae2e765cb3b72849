/* rst-key-file.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-key-file.h"

/* Key files Rostrum did not write (a council profile from a colleague, a
 * damaged session file) are read through GKeyFile, whose GLib 2.74
 * unescaping sets its GError twice, and warns "GError set over the top of
 * a previous GError", when a value holds an escape that is not one and
 * ends in a backslash ("a\q\"). Such a value is never handed to
 * g_key_file_get_string() and its kin: it is no value, or its file is
 * refused with a message.
 */

/**
 * rst_key_file_value_ends_in_escape:
 * @raw: a value as g_key_file_get_value() gives it
 *
 * Returns: whether @raw ends in a backslash that escapes nothing
 */
gboolean
rst_key_file_value_ends_in_escape (const char *raw)
{
  gsize len = strlen (raw);
  gsize trailing = 0;

  while (trailing < len && raw[len - trailing - 1] == '\\')
    trailing++;

  return trailing % 2 == 1;
}

/**
 * rst_key_file_find_broken_escape:
 * @group: the group to look through
 * @key: (out) (transfer full) (optional): the first key whose value, or
 *   one of whose translations, ends in an escape
 *
 * Returns: whether a key of @group has such a value
 */
gboolean
rst_key_file_find_broken_escape (GKeyFile    *key_file,
                                 const char  *group,
                                 char       **key)
{
  g_auto(GStrv) keys = g_key_file_get_keys (key_file, group, NULL, NULL);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *raw = g_key_file_get_value (key_file, group, keys[i], NULL);

      if (raw != NULL && rst_key_file_value_ends_in_escape (raw))
        {
          if (key != NULL)
            *key = g_strdup (keys[i]);
          return TRUE;
        }
    }

  return FALSE;
}

/* Returns: (transfer full) (nullable): g_key_file_get_string(), or %NULL
 *   for a value that ends in an escape
 */
char *
rst_key_file_get_string (GKeyFile   *key_file,
                         const char *group,
                         const char *key)
{
  g_autofree char *raw = g_key_file_get_value (key_file, group, key, NULL);

  if (raw == NULL || rst_key_file_value_ends_in_escape (raw))
    return NULL;

  return g_key_file_get_string (key_file, group, key, NULL);
}
