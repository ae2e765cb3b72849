/* test-placeholder.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-placeholder.h"

static char *
names (const char *text)
{
  g_autoptr(GArray) all = rst_placeholder_find_all (text, 0, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      const RstPlaceholder *p = &g_array_index (all, RstPlaceholder, i);
      g_autofree char *name = rst_placeholder_dup_name (text, p);

      g_string_append_printf (out, "%s[%s]", out->len > 0 ? " " : "", name);
    }

  return g_string_free (out, FALSE);
}

static void
test_scan (void)
{
  static const struct {
    const char *text;
    const char *names;
  } cases[] = {
    { "{{speaker}} and {{ first priority, in a short sentence }}", "[speaker] [first priority, in a short sentence]" },
    { "{{open\nclose}}", "" },
    { "{{{x}}", "[x]" },
    { "{ {x} }", "" },
    { "{{}}", "[]" },
    { "{{a}}{{b}}}", "[a] [b]" },
    { "{{not {{inner}}", "[inner]" },
    { "no braces at all", "" },
    { "{{unclosed", "" },
    { "主席{{称呼}}：", "[称呼]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = names (cases[i].text);

      g_assert_cmpstr (found, ==, cases[i].names);
    }
}

static void
test_ranges (void)
{
  const char *text = "x {{ speaker }} y {{z";
  RstPlaceholder p;
  gsize pos = 0;

  g_assert_true (rst_placeholder_next (text, strlen (text), &pos, &p));
  g_assert_true (p.closed);
  g_assert_cmpuint (p.start, ==, 2);
  g_assert_cmpuint (p.end, ==, 15);
  g_assert_cmpmem (text + p.name_start, p.name_end - p.name_start, "speaker", 7);
  g_assert_cmpuint (pos, ==, 15);

  /* The unclosed one is reported as such, so that templates can say so. */
  g_assert_true (rst_placeholder_next (text, strlen (text), &pos, &p));
  g_assert_false (p.closed);
  g_assert_cmpuint (p.start, ==, 18);
  g_assert_false (rst_placeholder_next (text, strlen (text), &pos, &p));
  g_assert_cmpuint (pos, ==, strlen (text));
}

/* A placeholder has a bounded length, and scanning stays linear. */
static void
test_bounds (void)
{
  g_autoptr(GString) text = g_string_new ("{{");
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GArray) too_long = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) from = NULL;

  for (guint i = 0; i < RST_PLACEHOLDER_MAX_LENGTH; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, "}}");
  too_long = rst_placeholder_find_all (text->str, 0, text->len);
  g_assert_cmpuint (too_long->len, ==, 0);

  for (guint i = 0; i < 40000; i++)
    g_string_append (many, "{{slot}} ");
  all = rst_placeholder_find_all (many->str, 0, many->len);
  g_assert_cmpuint (all->len, ==, 40000);

  /* From an offset: the front matter's are not the body's. */
  from = rst_placeholder_find_all (many->str, 9, many->len);
  g_assert_cmpuint (from->len, ==, 39999);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/placeholder/scan", test_scan);
  g_test_add_func ("/placeholder/ranges", test_ranges);
  g_test_add_func ("/placeholder/bounds", test_bounds);

  return g_test_run ();
}
