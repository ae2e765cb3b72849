/* rst-timing.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rst-timing.h"

/**
 * rst_timing_estimate_seconds:
 * @words: the number of words read out
 * @words_per_minute: the speaker's pace; zero or less means the default
 *
 * Estimates how long reading @words takes. The result is rounded up: a
 * statement that runs 3:00.4 at the rostrum is over a 3:00 limit.
 *
 * Returns: the speaking time in whole seconds
 */
guint
rst_timing_estimate_seconds (guint  words,
                             double words_per_minute)
{
  double seconds;
  guint whole;

  if (!(words_per_minute > 0.0) || !isfinite (words_per_minute))
    words_per_minute = RST_TIMING_DEFAULT_WORDS_PER_MINUTE;

  seconds = words * 60.0 / words_per_minute;
  if (seconds >= (double)G_MAXUINT)
    return G_MAXUINT;

  /* Rounded up by hand rather than with ceil(), which would pull in libm;
   * the epsilon keeps 330 words at 110 wpm at exactly 180 seconds.
   */
  whole = (guint)seconds;
  if (seconds - whole > 1e-6)
    whole++;

  return whole;
}

/**
 * rst_timing_units_allowed:
 * @limit_seconds: a speaking time limit
 * @units_per_minute: the pace
 *
 * Returns: how many words (or characters) fit in @limit_seconds at the
 *   pace: one more and rst_timing_estimate_seconds() is over the limit
 */
guint
rst_timing_units_allowed (guint  limit_seconds,
                          double units_per_minute)
{
  double allowed;

  if (!(units_per_minute > 0.0) || !isfinite (units_per_minute))
    units_per_minute = RST_TIMING_DEFAULT_WORDS_PER_MINUTE;

  /* The same epsilon as the estimate: 330 words fit 3:00 at 110. */
  allowed = limit_seconds * units_per_minute / 60.0 + 1e-6 * units_per_minute / 60.0;
  return allowed >= (double) G_MAXUINT ? G_MAXUINT : (guint) allowed;
}

/**
 * rst_timing_format:
 * @seconds: a duration
 *
 * Formats @seconds the way chairs announce limits: "3:02", "15:00", and
 * "1:02:03" past the hour.
 *
 * Returns: (transfer full): the text
 */
char *
rst_timing_format (guint seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u",
                            seconds / 3600, (seconds / 60) % 60, seconds % 60);

  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

static gboolean
parse_number (const char  *text,
              gsize        len,
              guint64      max,
              guint       *value)
{
  guint64 v = 0;

  if (len == 0 || len > 6)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint64)(text[i] - '0');
    }

  if (v > max)
    return FALSE;

  *value = (guint)v;
  return TRUE;
}

/**
 * rst_timing_parse:
 * @text: "M:SS", "H:MM:SS" or a number of seconds ("180")
 * @seconds: (out) (optional): where to store the duration
 *
 * Reads a speaking-time limit as documents and profiles write it.
 * Surrounding white space is allowed; anything else is not, so that a
 * typo never silently becomes a limit.
 *
 * Returns: %TRUE if @text is a duration
 */
gboolean
rst_timing_parse (const char *text,
                  guint      *seconds)
{
  g_autofree char *copy = NULL;
  g_auto(GStrv) parts = NULL;
  guint n_parts;
  guint h = 0, m = 0, s = 0;

  if (text == NULL)
    return FALSE;

  copy = g_strstrip (g_strdup (text));
  parts = g_strsplit (copy, ":", -1);
  n_parts = g_strv_length (parts);

  switch (n_parts)
    {
    case 1:
      if (!parse_number (parts[0], strlen (parts[0]), 24 * 3600, &s))
        return FALSE;
      break;

    case 2:
      if (!parse_number (parts[0], strlen (parts[0]), 24 * 60, &m) ||
          strlen (parts[1]) != 2 ||
          !parse_number (parts[1], 2, 59, &s))
        return FALSE;
      break;

    case 3:
      if (!parse_number (parts[0], strlen (parts[0]), 24, &h) ||
          strlen (parts[1]) != 2 ||
          !parse_number (parts[1], 2, 59, &m) ||
          strlen (parts[2]) != 2 ||
          !parse_number (parts[2], 2, 59, &s))
        return FALSE;
      break;

    default:
      return FALSE;
    }

  if (seconds != NULL)
    *seconds = h * 3600 + m * 60 + s;

  return TRUE;
}
