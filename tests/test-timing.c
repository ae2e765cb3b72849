/* test-timing.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-timing.h"

static void
test_estimate (void)
{
  /* WHA: three minutes are about 330 words at 110 words a minute. */
  g_assert_cmpuint (rst_timing_estimate_seconds (330, 110.0), ==, 180);
  /* IAEA GC: seven minutes are about 700 words at 100. */
  g_assert_cmpuint (rst_timing_estimate_seconds (700, 100.0), ==, 420);
  /* A word more is a second more: a part second is still over. */
  g_assert_cmpuint (rst_timing_estimate_seconds (331, 110.0), ==, 181);
  g_assert_cmpuint (rst_timing_estimate_seconds (1, 120.0), ==, 1);
  g_assert_cmpuint (rst_timing_estimate_seconds (0, 120.0), ==, 0);
  /* No pace, or a nonsensical one, means the interpreters' default. */
  g_assert_cmpuint (rst_timing_estimate_seconds (240, 0.0), ==,
                    rst_timing_estimate_seconds (240, RST_TIMING_DEFAULT_WORDS_PER_MINUTE));
  g_assert_cmpuint (rst_timing_estimate_seconds (240, -5.0), ==, 120);
  g_assert_cmpuint (rst_timing_estimate_seconds (G_MAXUINT, 40.0), ==, G_MAXUINT);
}

static void
test_format (void)
{
  static const struct {
    guint       seconds;
    const char *text;
  } cases[] = {
    { 0, "0:00" },
    { 9, "0:09" },
    { 182, "3:02" },
    { 300, "5:00" },
    { 900, "15:00" },
    { 3599, "59:59" },
    { 3723, "1:02:03" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rst_timing_format (cases[i].seconds);
      guint back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);
      /* What is printed reads back as the same duration. */
      g_assert_true (rst_timing_parse (text, &back));
      g_assert_cmpuint (back, ==, cases[i].seconds);
    }
}

static void
test_parse (void)
{
  static const struct {
    const char *text;
    guint       seconds;
  } good[] = {
    { "5:00", 300 },
    { "3:00", 180 },
    { "15:00", 900 },
    { "0:45", 45 },
    { "90", 90 },
    { " 7:00 ", 420 },
    { "1:30:00", 5400 },
  };
  static const char *bad[] = {
    "", " ", "abc", "5:7", "5:60", "5:0a", "-1", "5:00:00:00", "1:60:00",
    ":30", "5:", "3 minutes", "5.5", "99999999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      guint seconds = 0;

      g_assert_true (rst_timing_parse (good[i].text, &seconds));
      g_assert_cmpuint (seconds, ==, good[i].seconds);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint seconds = 12345;

      g_assert_false (rst_timing_parse (bad[i], &seconds));
      /* A failed parse leaves the caller's value alone. */
      g_assert_cmpuint (seconds, ==, 12345);
    }

  g_assert_false (rst_timing_parse (NULL, NULL));
  g_assert_true (rst_timing_parse ("2:00", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/timing/estimate", test_estimate);
  g_test_add_func ("/timing/format", test_format);
  g_test_add_func ("/timing/parse", test_parse);

  return g_test_run ();
}
