/* test-details.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-details.h"

static void
test_order (void)
{
  g_autoptr(RstDetails) details = rst_details_new ();
  g_autoptr(RstDetails) copy = NULL;

  g_assert_true (rst_details_set (details, "title", "Statement"));
  g_assert_true (rst_details_set (details, "council", "iom"));
  g_assert_true (rst_details_set (details, "session", "114"));
  /* A key that is there keeps its place. */
  g_assert_true (rst_details_set (details, "title", "Statement by China"));
  g_assert_false (rst_details_set (details, "title", "Statement by China"));

  g_assert_cmpuint (rst_details_get_size (details), ==, 3);
  g_assert_cmpstr (rst_details_get_key (details, 0), ==, "title");
  g_assert_cmpstr (rst_details_get_value (details, 0), ==, "Statement by China");
  g_assert_cmpstr (rst_details_get_key (details, 2), ==, "session");

  copy = rst_details_copy (details);
  g_assert_true (rst_details_equal (details, copy));
  g_assert_true (rst_details_remove (copy, "council"));
  g_assert_false (rst_details_remove (copy, "council"));
  g_assert_false (rst_details_equal (details, copy));
  g_assert_cmpuint (rst_details_get_size (details), ==, 3);
  g_assert_cmpstr (rst_details_get_key (copy, 1), ==, "session");
}

static void
test_empty_values (void)
{
  g_autoptr(RstDetails) details = rst_details_new ();

  rst_details_set (details, "council", "");
  g_assert_cmpstr (rst_details_lookup (details, "council"), ==, "");
  g_assert_null (rst_details_get (details, "council"));
  g_assert_null (rst_details_get (details, "missing"));
  g_assert_null (rst_details_get (NULL, "council"));
  rst_details_set (details, "council", NULL);
  g_assert_cmpuint (rst_details_get_size (details), ==, 0);
}

/* A hostile front matter cannot grow the details without bound. */
static void
test_bound (void)
{
  g_autoptr(RstDetails) details = rst_details_new ();

  for (guint i = 0; i < RST_DETAILS_MAX_KEYS * 2; i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);

      rst_details_set (details, key, "value");
    }
  g_assert_cmpuint (rst_details_get_size (details), ==, RST_DETAILS_MAX_KEYS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/details/order", test_order);
  g_test_add_func ("/details/empty-values", test_empty_values);
  g_test_add_func ("/details/bound", test_bound);

  return g_test_run ();
}
