/* bench-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The median time to export the fixture, in process, through the public
 * API: rst_export_to_file() into a scratch folder, so the figure includes
 * layout, writing and the atomic rename a drafter waits for.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rst-test-export.h"

#define ROUNDS 25

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench_format (RstAnalysis     *analysis,
              RstExportFormat  format,
              GFile           *dir)
{
  g_autofree char *name = g_strdup_printf ("bench.%s", rst_export_format_get_extension (format));
  g_autoptr(GFile) file = g_file_get_child (dir, name);
  double times[ROUNDS];

  for (guint i = 0; i < ROUNDS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!rst_export_to_file (analysis, format, file, NULL, NULL, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times, ROUNDS, sizeof times[0], compare_doubles);
  printf ("%-12s median %7.2f ms   min %7.2f ms   max %7.2f ms   (%d runs)\n",
          rst_export_format_to_string (format), times[ROUNDS / 2], times[0], times[ROUNDS - 1], ROUNDS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(RstCouncil) council = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_test_init (&argc, &argv, NULL);

  council = rst_test_lookup_council ("iom");
  analysis = rst_test_load_fixture_for (TRUE, council);
  path = g_dir_make_tmp ("rostrum-bench-XXXXXX", &error);
  if (path == NULL)
    g_error ("%s", error->message);
  dir = g_file_new_for_path (path);

  /* The first export pays for fontconfig and the font files. */
  {
    g_autoptr(GFile) warm = g_file_get_child (dir, "warm.pdf");
    gint64 start = g_get_monotonic_time ();

    if (!rst_export_to_file (analysis, RST_EXPORT_PDF, warm, NULL, NULL, &error))
      g_error ("%s", error->message);
    printf ("first PDF export (cold fonts) %.2f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  }

  for (RstExportFormat format = RST_EXPORT_PDF; format <= RST_EXPORT_TXT; format++)
    bench_format (analysis, format, dir);

  /* Leave nothing behind. */
  {
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFile *child;

    while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
      g_file_delete (child, NULL, NULL);
    g_file_delete (dir, NULL, NULL);
  }

  return 0;
}
