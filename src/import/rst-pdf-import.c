/* rst-pdf-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "rst-import.h"
#include "rst-pdf-import.h"
#include "rst-pdf-reader.h"

/* PDFs are read with poppler, which with what it links (NSS, lcms2,
 * OpenJPEG, libstdc++) costs every process 2.4 MiB of resident memory
 * and some milliseconds of linking at start-up, although few statements
 * come in as PDFs and most sessions import nothing. So the reader
 * (rst-pdf-reader.c) is a module, loaded on the first PDF and kept: from
 * ROSTRUM_MODULE_DIR when set (the tests, `meson devenv`, dev.sh run
 * from the build folder), else from where it is installed. It calls
 * back into the program (the import document, the rules), which
 * exports its symbols for that.
 *
 * The fuzz targets link the reader in (RST_PDF_READER_BUILTIN), so that
 * libFuzzer sees into it.
 */

typedef gboolean (*RstPdfReadFunc) (GBytes             *bytes,
                                    RstImportDocument  *document,
                                    GCancellable       *cancellable,
                                    GError            **error);

#define READER_NAME "librostrum-pdf-reader." G_MODULE_SUFFIX

#ifndef RST_PDF_READER_BUILTIN
static RstPdfReadFunc reader;
static char *load_failure;

static void
load_reader (void)
{
  const char *dir = g_getenv ("ROSTRUM_MODULE_DIR");
  g_autofree char *path = g_build_filename (dir != NULL && *dir != '\0' ? dir : PKGLIBDIR,
                                            READER_NAME, NULL);
  g_autoptr(GError) error = NULL;
  GModule *module;
  gpointer symbol = NULL;

  module = g_module_open_full (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL, &error);
  if (module == NULL)
    {
      load_failure = g_strdup (error->message);
      return;
    }
  if (!g_module_symbol (module, "rst_pdf_reader_read", &symbol))
    {
      load_failure = g_strdup (g_module_error ());
      g_module_close (module);
      return;
    }

  g_module_make_resident (module);
  reader = (RstPdfReadFunc) symbol;
}
#endif

/**
 * rst_pdf_import_read:
 * @bytes: the whole file
 * @document: where its paragraphs go
 * @cancellable: (nullable): to stop between pages
 * @error: where a damaged, encrypted or textless PDF is reported
 *
 * Reads a PDF's paragraphs into @document; thread-safe.
 *
 * Returns: whether it could be read; when the PDF reader of this
 *   installation is missing, %FALSE with %RST_IMPORT_ERROR_UNSUPPORTED
 */
gboolean
rst_pdf_import_read (GBytes             *bytes,
                     RstImportDocument  *document,
                     GCancellable       *cancellable,
                     GError            **error)
{
#ifdef RST_PDF_READER_BUILTIN
  return rst_pdf_reader_read (bytes, document, cancellable, error);
#else
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      load_reader ();
      g_once_init_leave (&loaded, 1);
    }

  if (reader == NULL)
    {
      g_set_error (error, RST_IMPORT_ERROR, RST_IMPORT_ERROR_UNSUPPORTED,
                   _("this installation cannot read PDFs (%s)"), load_failure);
      return FALSE;
    }

  return reader (bytes, document, cancellable, error);
#endif
}
