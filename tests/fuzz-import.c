/* fuzz-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over the importers: the first byte picks the reader
 * (DOCX, ODT, PDF, HTML, text or the contents' own), the rest is the
 * file. Beyond crashes and sanitizer reports it aborts when the result
 * breaks what the editor relies on: a statement is UTF-8 without NUL
 * bytes, within the size limit, with a front matter that reads back;
 * a failure has one error of a known domain with a one-line message.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rst-analysis.h"
#include "rst-import.h"
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
  /* Criticals are bugs wherever they come from; warnings are fatal for
   * Rostrum's code (compiled here without a log domain) and GLib's.
   * poppler reports damaged files at INFO level, but poppler-glib warns
   * about some itself ("unexpected tz val" for a damaged CreationDate):
   * that is a damaged file, not a bug, so Poppler's warnings are not.
   */
  static const char * const fatal_domains[] = { NULL, "GLib", "GLib-GObject", "GLib-GIO" };

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  for (guint i = 0; i < G_N_ELEMENTS (fatal_domains); i++)
    g_log_set_fatal_mask (fatal_domains[i], G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const RstImportFormat formats[] = {
    RST_IMPORT_FORMAT_AUTO, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_FORMAT_ODT,
    RST_IMPORT_FORMAT_PDF, RST_IMPORT_FORMAT_HTML, RST_IMPORT_FORMAT_TEXT,
  };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *pasted = NULL;

  if (size < 1)
    return 0;

  bytes = g_bytes_new (data + 1, size - 1);
  markdown = rst_import_bytes (bytes, formats[data[0] % G_N_ELEMENTS (formats)], NULL, &error);

  if (markdown == NULL)
    {
      REQUIRE (error != NULL);
      REQUIRE (error->domain == RST_IMPORT_ERROR || error->domain == RST_TEXT_FILE_ERROR);
      REQUIRE (g_utf8_validate (error->message, -1, NULL));
    }
  else
    {
      gsize length = strlen (markdown);
      g_autoptr(RstAnalysis) analysis = NULL;

      REQUIRE (error == NULL);
      REQUIRE (length <= RST_IMPORT_MAX_OUTPUT);
      REQUIRE (rst_text_validate (markdown, length, NULL));
      analysis = rst_analysis_new (markdown, length, NULL);
      REQUIRE (analysis != NULL);
    }

  /* The same bytes as a paste: a body, or nothing. */
  if (size - 1 < 256 * 1024)
    {
      pasted = rst_import_html ((const char *) data + 1, size - 1);
      REQUIRE (pasted == NULL || (pasted[0] != '\0' && g_utf8_validate (pasted, -1, NULL)));
    }

  return 0;
}
