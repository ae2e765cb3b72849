/* fuzz-council.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over council profiles read from bytes, as
 * rst_council_new_from_file() reads a user's .council file (a key file
 * with its translations, at most as large as that reader takes). Beyond
 * crashes and sanitizer reports it aborts when a profile that loads
 * breaks what the checker, the templates and the exporters rely on:
 * every text UTF-8, a pace, font size and line spacing in range, paper
 * with room for text inside the margins, a file name pattern that names
 * no folder; and a statement checked against the profile, with its
 * session pattern and names, must analyse.
 */

#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rst-analysis.h"
#include "rst-council.h"
#include "rst-template-values.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* As rst_council_new_from_file() (COUNCIL_MAX_SIZE in rst-council.c). */
#define FUZZ_COUNCIL_MAX_SIZE (256 * 1024)

#define REQUIRE(cond) G_STMT_START { if (!(cond)) { g_printerr ("invariant failed: %s\n", #cond); abort (); } } G_STMT_END

static const char * const langs[] = { NULL, "ar", "en", "es", "fr", "ru", "zh", "en-GB", "zh-Hans", "" };

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static gboolean
is_text (const char *s)
{
  return s != NULL && g_utf8_validate (s, -1, NULL);
}

/* A statement that names the council as a drafter would: heading with
 * its name and a session, the chair addressed, the delivery mark.
 */
static char *
statement_for (RstCouncil *council,
               const char *lang)
{
  GString *s = g_string_new ("---\n");
  const char *name = rst_council_get_text_for (council, RST_COUNCIL_TEXT_NAME, lang);
  const char *form = rst_council_get_text_for (council, RST_COUNCIL_TEXT_CHAIR_FORM, lang);
  const char *chair = rst_council_get_text_for (council, RST_COUNCIL_TEXT_CHAIR_TITLE, lang);
  const char *mark = rst_council_get_text_for (council, RST_COUNCIL_TEXT_DELIVERY_MARK, lang);

  g_string_append_printf (s, "council: %s\nsession: 12\n", rst_council_get_id (council));
  if (lang != NULL && lang[0] != '\0')
    g_string_append_printf (s, "lang: %s\n", lang);
  g_string_append (s, "---\n");
  g_string_append_printf (s, "**Statement by the delegation of Peru at the 112th session of the %s**\n\n",
                          name != NULL ? name : "");
  if (mark != NULL)
    g_string_append_printf (s, "%s\n\n", mark);
  g_string_append_printf (s, "%s %s,\n\n", form != NULL ? form : "", chair != NULL ? chair : "");
  g_string_append (s, "We make three points. First, {{speaker}} thanks the Council. "
                      "Second, the 113th session. Third, the end.\n\nI thank you.\n");

  return g_string_free (s, FALSE);
}

static void
check_council (RstCouncil *council)
{
  double width, height, top, right, bottom, left;
  const char * const *recognize;
  const char * const *folded;

  REQUIRE (is_text (rst_council_get_id (council)));
  REQUIRE (is_text (rst_council_get_name (council)) && rst_council_get_name (council)[0] != '\0');
  REQUIRE (is_text (rst_council_get_short_name (council)));
  REQUIRE (is_text (rst_council_get_chair_title (council)));
  REQUIRE (is_text (rst_council_get_chair_form (council)));
  REQUIRE (is_text (rst_council_get_heading_pattern (council)));
  REQUIRE (is_text (rst_council_get_delivery_mark (council)));
  REQUIRE (is_text (rst_council_get_paper (council)));
  REQUIRE (is_text (rst_council_get_font (council)));
  REQUIRE (is_text (rst_council_get_file_name_pattern (council)));
  REQUIRE (strchr (rst_council_get_file_name_pattern (council), '/') == NULL);

  REQUIRE (isfinite (rst_council_get_words_per_minute (council)));
  REQUIRE (rst_council_get_words_per_minute (council) >= 40.0 && rst_council_get_words_per_minute (council) <= 300.0);
  REQUIRE (rst_council_get_font_size (council) >= 6.0 && rst_council_get_font_size (council) <= 72.0);
  REQUIRE (rst_council_get_line_spacing (council) >= 0.8 && rst_council_get_line_spacing (council) <= 4.0);

  rst_council_get_paper_size_mm (council, &width, &height);
  rst_council_get_margins_mm (council, &top, &right, &bottom, &left);
  REQUIRE (isfinite (width) && isfinite (height) && width > 0 && height > 0);
  REQUIRE (isfinite (top) && isfinite (right) && isfinite (bottom) && isfinite (left));
  REQUIRE (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);
  REQUIRE (width - left - right > 0 && height - top - bottom > 0);

  recognize = rst_council_get_recognize (council);
  folded = rst_council_get_recognize_folded (council);
  REQUIRE (recognize != NULL && folded != NULL);
  REQUIRE (g_strv_length ((char **) recognize) == g_strv_length ((char **) folded));
  for (guint i = 0; recognize[i] != NULL; i++)
    REQUIRE (is_text (recognize[i]) && is_text (folded[i]));

  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      double pace = rst_council_get_pace_for (council, langs[l]);

      REQUIRE (isfinite (pace) && (pace == 0.0 || (pace >= 40.0 && pace <= 400.0)));
      for (guint t = 0; t < RST_COUNCIL_N_TEXTS; t++)
        {
          const char *text = rst_council_get_text_for (council, t, langs[l]);

          REQUIRE (text == NULL || is_text (text));
        }
    }

  REQUIRE (rst_council_answers_to (council, rst_council_get_id (council)));
  REQUIRE (rst_council_answers_to (council, rst_council_get_name (council)));
  REQUIRE (rst_council_find_session (council, "the 113th session", strlen ("the 113th session")) <= 9999);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(RstAnalysisContext) context = NULL;
  g_autoptr(GError) error = NULL;

  if (size > FUZZ_COUNCIL_MAX_SIZE)
    return 0;

  if (!g_key_file_load_from_data (key_file, (const char *) data, size, G_KEY_FILE_KEEP_TRANSLATIONS, NULL))
    return 0;

  council = rst_council_new_from_key_file ("fuzz", key_file, &error);
  if (council == NULL)
    {
      REQUIRE (error != NULL && error->domain == RST_COUNCIL_ERROR);
      REQUIRE (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  REQUIRE (error == NULL);

  check_council (council);

  /* The checker, the template fields and the timing with this profile. */
  context = rst_analysis_context_new ();
  rst_analysis_context_set_council (context, council);
  for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
    {
      g_autofree char *statement = statement_for (council, langs[l]);
      g_autoptr(RstAnalysis) analysis = rst_analysis_new (statement, strlen (statement), context);
      g_autoptr(GHashTable) values = rst_template_values_new ();
      g_autofree char *timing = NULL;
      GHashTableIter iter;
      gpointer value;

      REQUIRE (analysis != NULL);
      timing = rst_analysis_dup_timing_text (analysis);
      REQUIRE (is_text (timing));
      REQUIRE (rst_council_find_session (council, statement, strlen (statement)) <= 9999);

      rst_template_values_add_council (values, council, langs[l]);
      rst_template_values_complete (values, langs[l]);
      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        REQUIRE (is_text (value));
    }

  return 0;
}
