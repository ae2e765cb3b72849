/* test-diagnostic.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-diagnostic.h"

static void
test_diagnostic_fields (void)
{
  g_autoptr(RstDiagnostic) diagnostic = NULL;
  GPtrArray *fixes;
  RstFix *fix;

  diagnostic = rst_diagnostic_new ("session-ordinal", RST_SEVERITY_ERROR, 40, 45,
                                   "“114rd” should be “114th”");
  rst_diagnostic_add_fix (diagnostic, rst_fix_new (40, 45, "114th", "Write “114th”"));

  g_assert_cmpstr (rst_diagnostic_get_code (diagnostic), ==, "session-ordinal");
  /* Codes are interned so that the checker and the UI compare pointers. */
  g_assert_true (rst_diagnostic_get_code (diagnostic) == g_intern_static_string ("session-ordinal"));
  g_assert_cmpint (rst_diagnostic_get_severity (diagnostic), ==, RST_SEVERITY_ERROR);
  g_assert_cmpuint (rst_diagnostic_get_start (diagnostic), ==, 40);
  g_assert_cmpuint (rst_diagnostic_get_end (diagnostic), ==, 45);
  g_assert_cmpstr (rst_diagnostic_get_message (diagnostic), ==, "“114rd” should be “114th”");

  fixes = rst_diagnostic_get_fixes (diagnostic);
  g_assert_cmpuint (fixes->len, ==, 1);
  fix = g_ptr_array_index (fixes, 0);
  g_assert_cmpstr (fix->replacement, ==, "114th");
  g_assert_cmpuint (fix->start, ==, 40);
  g_assert_cmpuint (fix->end, ==, 45);
}

static void
test_fix_copy (void)
{
  g_autoptr(RstFix) fix = rst_fix_new (3, 3, ".", NULL);
  g_autoptr(RstFix) copy = rst_fix_copy (fix);

  g_assert_true (copy != fix);
  g_assert_cmpstr (copy->replacement, ==, ".");
  g_assert_null (copy->label);
  g_assert_cmpuint (copy->start, ==, 3);
  g_assert_cmpuint (copy->end, ==, 3);
}

static void
test_severity_names (void)
{
  g_assert_cmpstr (rst_severity_to_string (RST_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (rst_severity_to_string (RST_SEVERITY_WARNING), ==, "warning");
  g_assert_cmpstr (rst_severity_to_string (RST_SEVERITY_INFO), ==, "info");

  /* One icon and one word for each, wherever a severity is shown. */
  g_assert_cmpstr (rst_severity_get_icon_name (RST_SEVERITY_ERROR), ==, "dialog-error-symbolic");
  g_assert_cmpstr (rst_severity_get_icon_name (RST_SEVERITY_WARNING), ==, "dialog-warning-symbolic");
  g_assert_cmpstr (rst_severity_get_icon_name (RST_SEVERITY_INFO), ==, "dialog-information-symbolic");
  /* Untranslated under LC_ALL=C.UTF-8. */
  g_assert_cmpstr (rst_severity_get_label (RST_SEVERITY_ERROR), ==, "Error");
  g_assert_cmpstr (rst_severity_get_label (RST_SEVERITY_WARNING), ==, "Warning");
  g_assert_cmpstr (rst_severity_get_label (RST_SEVERITY_INFO), ==, "Suggestion");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/diagnostic/fields", test_diagnostic_fields);
  g_test_add_func ("/diagnostic/fix-copy", test_fix_copy);
  g_test_add_func ("/diagnostic/severity-names", test_severity_names);

  return g_test_run ();
}
