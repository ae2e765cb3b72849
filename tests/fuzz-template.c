/* fuzz-template.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over templates: loading (rst_template_new(), as the
 * template store does with a user's file) and filling (New from
 * Template, `--new`), and Save as Template back. Beyond crashes and
 * sanitizer reports it aborts when a template that loads gives a
 * statement the editor cannot open: text the reader refuses, or a front
 * matter that does not read, whatever the values filled in; and when
 * Save as Template of that statement, filled again with the same values,
 * does not give the same details and body back. A malformed template
 * must say why in one line.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rst-analysis.h"
#include "rst-front-matter.h"
#include "rst-template.h"
#include "rst-template-values.h"
#include "rst-text-file.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

#define REQUIRE(cond) G_STMT_START { if (!(cond)) { g_printerr ("invariant failed: %s\n", #cond); abort (); } } G_STMT_END

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

/* Values as a drafter types them in the New from Template dialog or
 * `--new --set`: quotes, a colon, a hash, braces, right-to-left text.
 */
static GHashTable *
make_values (void)
{
  GHashTable *values = rst_template_values_new ();

  rst_template_values_set_default (values, "speaker", "H.E. Ms. \"Ana\" O'Neill: #1");
  rst_template_values_set_default (values, "delegation", "السعودية");
  rst_template_values_set_default (values, "council", "Human Rights Council");
  rst_template_values_set_default (values, "council_short", "HRC");
  rst_template_values_set_default (values, "session", "56");
  rst_template_values_set_default (values, "date", "no");
  /* No "{{" in a value: the slot it would leave in the statement is
   * filled when the statement is filled again, as it should be.
   */
  rst_template_values_set_default (values, "agenda_item", "{speaker} – item 4");
  rst_template_values_set_default (values, "chair_title", "President");

  return values;
}

static RstDetails *
read_details (const char *text,
              GError    **error)
{
  RstFrontMatter fm;
  gsize length = strlen (text);

  rst_front_matter_locate (text, length, &fm);
  return rst_front_matter_read (text, length, &fm, NULL, error);
}

static const char *
body_of (const char *text)
{
  RstFrontMatter fm;

  rst_front_matter_locate (text, strlen (text), &fm);
  return text + fm.body;
}

/* A filled template is a statement the editor opens. */
static void
check_statement (const char *filled)
{
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = strlen (filled);

  REQUIRE (rst_text_validate (filled, length, NULL));
  details = read_details (filled, &error);
  if (details == NULL)
    g_printerr ("the filled template's details do not read: %s\n%s\n", error->message, filled);
  REQUIRE (details != NULL);
  analysis = rst_analysis_new (filled, length, NULL);
  REQUIRE (analysis != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(RstTemplate) template = NULL;
  g_autoptr(GHashTable) values = make_values ();
  g_autoptr(GHashTable) none = rst_template_values_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *filled = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *refilled = NULL;
  const GError *template_error;

  template = rst_template_new ("fuzz-template", RST_TEMPLATE_ORIGIN_USER, NULL, (const char *) data, size);
  REQUIRE (template != NULL);
  REQUIRE (g_utf8_validate (rst_template_get_name (template), -1, NULL));
  REQUIRE (g_utf8_validate (rst_template_get_description (template), -1, NULL));
  REQUIRE (rst_template_get_lang (template) == NULL || g_utf8_validate (rst_template_get_lang (template), -1, NULL));

  template_error = rst_template_get_error (template);
  if (rst_template_get_text (template) == NULL)
    {
      REQUIRE (template_error != NULL && template_error->domain == RST_TEMPLATE_ERROR);
      REQUIRE (g_utf8_validate (template_error->message, -1, NULL));
      REQUIRE (strchr (template_error->message, '\n') == NULL);
      REQUIRE (rst_template_fill (template, values, &error) == NULL);
      REQUIRE (error != NULL);
      return 0;
    }
  REQUIRE (template_error == NULL);
  REQUIRE (strlen (rst_template_get_text (template)) == size);

  filled = rst_template_fill (template, values, &error);
  REQUIRE (filled != NULL && error == NULL);
  check_statement (filled);

  /* No values: the slots stay as they are, and it still opens. */
  bare = rst_template_fill (template, none, &error);
  REQUIRE (bare != NULL && error == NULL);
  check_statement (bare);

  /* Save as Template, then New from it with the same values: the same
   * details and the same body.
   */
  saved = rst_template_from_statement (filled, values);
  REQUIRE (saved != NULL && g_utf8_validate (saved, -1, NULL));
  refilled = rst_template_fill_text (saved, values);
  REQUIRE (refilled != NULL);
  check_statement (refilled);
  {
    g_autoptr(RstDetails) a = read_details (filled, NULL);
    g_autoptr(RstDetails) b = read_details (refilled, NULL);

    if (strcmp (body_of (filled), body_of (refilled)) != 0 || !rst_details_equal (a, b))
      g_printerr ("saved as template and filled again, it differs:\n--- filled\n%s\n--- saved\n%s\n--- refilled\n%s\n",
                  filled, saved, refilled);
    REQUIRE (strcmp (body_of (filled), body_of (refilled)) == 0);
    REQUIRE (rst_details_equal (a, b));
  }

  return 0;
}
