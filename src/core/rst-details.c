/* rst-details.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-details.h"

typedef struct
{
  char *key;
  char *value;
} Pair;

struct _RstDetails
{
  gatomicrefcount  ref_count;
  /* A front matter has a dozen keys: a linear search beats a hash. */
  GArray          *pairs;
};

G_DEFINE_BOXED_TYPE (RstDetails, rst_details, rst_details_ref, rst_details_unref)

static void
pair_clear (gpointer data)
{
  Pair *pair = data;

  g_free (pair->key);
  g_free (pair->value);
}

RstDetails *
rst_details_new (void)
{
  RstDetails *self = g_new0 (RstDetails, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_array_set_clear_func (self->pairs, pair_clear);

  return self;
}

RstDetails *
rst_details_ref (RstDetails *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rst_details_unref (RstDetails *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->pairs);
      g_free (self);
    }
}

RstDetails *
rst_details_copy (const RstDetails *self)
{
  RstDetails *copy = rst_details_new ();

  g_return_val_if_fail (self != NULL, copy);

  for (guint i = 0; i < self->pairs->len; i++)
    {
      const Pair *pair = &g_array_index (self->pairs, Pair, i);

      rst_details_set (copy, pair->key, pair->value);
    }

  return copy;
}

guint
rst_details_get_size (const RstDetails *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pairs->len;
}

const char *
rst_details_get_key (const RstDetails *self,
                     guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pairs->len, NULL);

  return g_array_index (self->pairs, Pair, index).key;
}

const char *
rst_details_get_value (const RstDetails *self,
                       guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pairs->len, NULL);

  return g_array_index (self->pairs, Pair, index).value;
}

static Pair *
find (const RstDetails *self,
      const char       *key)
{
  for (guint i = 0; i < self->pairs->len; i++)
    {
      Pair *pair = &g_array_index (self->pairs, Pair, i);

      if (strcmp (pair->key, key) == 0)
        return pair;
    }

  return NULL;
}

/**
 * rst_details_lookup:
 *
 * Returns: (nullable): the value of @key as written, empty included
 */
const char *
rst_details_lookup (const RstDetails *self,
                    const char       *key)
{
  Pair *pair;

  g_return_val_if_fail (key != NULL, NULL);

  if (self == NULL)
    return NULL;

  pair = find (self, key);
  return pair != NULL ? pair->value : NULL;
}

/**
 * rst_details_get:
 *
 * Returns: (nullable): the value of @key, or %NULL when it is missing or
 *   empty: "council:" with nothing after it names no council
 */
const char *
rst_details_get (const RstDetails *self,
                 const char       *key)
{
  const char *value = rst_details_lookup (self, key);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

/**
 * rst_details_set:
 * @value: (nullable): %NULL removes @key
 *
 * A key that is there keeps its place and takes the new value; a new one
 * goes last. Refused past %RST_DETAILS_MAX_KEYS keys.
 *
 * Returns: whether anything changed
 */
gboolean
rst_details_set (RstDetails *self,
                 const char *key,
                 const char *value)
{
  Pair *pair;
  Pair added;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value == NULL)
    return rst_details_remove (self, key);

  pair = find (self, key);
  if (pair != NULL)
    {
      if (strcmp (pair->value, value) == 0)
        return FALSE;
      g_free (pair->value);
      pair->value = g_strdup (value);
      return TRUE;
    }

  if (self->pairs->len >= RST_DETAILS_MAX_KEYS)
    return FALSE;

  added.key = g_strdup (key);
  added.value = g_strdup (value);
  g_array_append_val (self->pairs, added);
  return TRUE;
}

gboolean
rst_details_remove (RstDetails *self,
                    const char *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->pairs->len; i++)
    if (strcmp (g_array_index (self->pairs, Pair, i).key, key) == 0)
      {
        g_array_remove_index (self->pairs, i);
        return TRUE;
      }

  return FALSE;
}

/* Same keys in the same order with the same values. */
gboolean
rst_details_equal (const RstDetails *a,
                   const RstDetails *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->pairs->len != b->pairs->len)
    return FALSE;

  for (guint i = 0; i < a->pairs->len; i++)
    {
      const Pair *pa = &g_array_index (a->pairs, Pair, i);
      const Pair *pb = &g_array_index (b->pairs, Pair, i);

      if (strcmp (pa->key, pb->key) != 0 || strcmp (pa->value, pb->value) != 0)
        return FALSE;
    }

  return TRUE;
}
