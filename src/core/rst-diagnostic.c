/* rst-diagnostic.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-diagnostic.h"

/* A diagnostic is immutable once the checker has added its fixes; the UI
 * keeps the objects in list models, so it is a GObject rather than a
 * boxed struct.
 */
struct _RstDiagnostic
{
  GObject      parent_instance;
  const char  *code;
  char        *message;
  GPtrArray   *fixes;
  gsize        start;
  gsize        end;
  RstSeverity  severity;
};

G_DEFINE_FINAL_TYPE (RstDiagnostic, rst_diagnostic, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (RstFix, rst_fix, rst_fix_copy, rst_fix_free)

/* A fix copies words from the statement (a salutation built from the
 * return salutation, say), and what it inserts must be text again: a
 * control character copied along could make the file look binary at its
 * start ("\x7fELF"), so only line breaks and tabs are kept.
 */
static char *
dup_without_controls (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
        continue;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

RstFix *
rst_fix_new (gsize       start,
             gsize       end,
             const char *replacement,
             const char *label)
{
  RstFix *fix;

  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (replacement != NULL, NULL);

  fix = g_new0 (RstFix, 1);
  fix->start = start;
  fix->end = end;
  fix->replacement = dup_without_controls (replacement);
  fix->label = g_strdup (label);

  return fix;
}

RstFix *
rst_fix_copy (const RstFix *fix)
{
  return rst_fix_new (fix->start, fix->end, fix->replacement, fix->label);
}

void
rst_fix_free (RstFix *fix)
{
  if (fix == NULL)
    return;

  g_free (fix->replacement);
  g_free (fix->label);
  g_free (fix);
}

static void
rst_diagnostic_finalize (GObject *object)
{
  RstDiagnostic *self = (RstDiagnostic *)object;

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->fixes, g_ptr_array_unref);

  G_OBJECT_CLASS (rst_diagnostic_parent_class)->finalize (object);
}

static void
rst_diagnostic_class_init (RstDiagnosticClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_diagnostic_finalize;
}

static void
rst_diagnostic_init (RstDiagnostic *self)
{
  self->fixes = g_ptr_array_new_with_free_func ((GDestroyNotify)rst_fix_free);
}

/**
 * rst_diagnostic_new:
 * @code: a stable code from DESIGN.md; interned, so it may be a literal
 * @severity: how serious the finding is
 * @start: byte offset where the range starts
 * @end: byte offset where the range ends (exclusive)
 * @message: the text shown to the drafter
 */
RstDiagnostic *
rst_diagnostic_new (const char  *code,
                    RstSeverity  severity,
                    gsize        start,
                    gsize        end,
                    const char  *message)
{
  RstDiagnostic *self;

  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  self = g_object_new (RST_TYPE_DIAGNOSTIC, NULL);
  self->code = g_intern_string (code);
  self->severity = severity;
  self->start = start;
  self->end = end;
  self->message = g_strdup (message);

  return self;
}

/**
 * rst_diagnostic_add_fix:
 * @fix: (transfer full): the fix
 */
void
rst_diagnostic_add_fix (RstDiagnostic *self,
                        RstFix        *fix)
{
  g_return_if_fail (RST_IS_DIAGNOSTIC (self));
  g_return_if_fail (fix != NULL);

  g_ptr_array_add (self->fixes, fix);
}

const char *
rst_diagnostic_get_code (RstDiagnostic *self)
{
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (self), NULL);
  return self->code;
}

RstSeverity
rst_diagnostic_get_severity (RstDiagnostic *self)
{
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (self), RST_SEVERITY_INFO);
  return self->severity;
}

gsize
rst_diagnostic_get_start (RstDiagnostic *self)
{
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (self), 0);
  return self->start;
}

gsize
rst_diagnostic_get_end (RstDiagnostic *self)
{
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (self), 0);
  return self->end;
}

const char *
rst_diagnostic_get_message (RstDiagnostic *self)
{
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (self), NULL);
  return self->message;
}

GPtrArray *
rst_diagnostic_get_fixes (RstDiagnostic *self)
{
  g_return_val_if_fail (RST_IS_DIAGNOSTIC (self), NULL);
  return self->fixes;
}

const char *
rst_severity_to_string (RstSeverity severity)
{
  switch (severity)
    {
    case RST_SEVERITY_ERROR:
      return "error";
    case RST_SEVERITY_WARNING:
      return "warning";
    case RST_SEVERITY_INFO:
    default:
      return "info";
    }
}

/* The symbolic icon of @severity, as the gutter, hover, sidebar, outline
 * and export dialog show it.
 */
const char *
rst_severity_get_icon_name (RstSeverity severity)
{
  switch (severity)
    {
    case RST_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case RST_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case RST_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

/* @severity in words, translated: "Error", "Warning", "Suggestion". */
const char *
rst_severity_get_label (RstSeverity severity)
{
  switch (severity)
    {
    case RST_SEVERITY_ERROR:
      return _("Error");
    case RST_SEVERITY_WARNING:
      return _("Warning");
    case RST_SEVERITY_INFO:
    default:
      return _("Suggestion");
    }
}

/**
 * rst_diagnostic_compare:
 * @a: a pointer to an #RstDiagnostic pointer
 * @b: another
 *
 * The order diagnostics are listed in, for g_ptr_array_sort(): by start,
 * then end, then code.
 */
int
rst_diagnostic_compare (gconstpointer a,
                        gconstpointer b)
{
  RstDiagnostic *da = *(RstDiagnostic * const *) a;
  RstDiagnostic *db = *(RstDiagnostic * const *) b;
  gsize sa = rst_diagnostic_get_start (da);
  gsize sb = rst_diagnostic_get_start (db);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  if (rst_diagnostic_get_end (da) != rst_diagnostic_get_end (db))
    return rst_diagnostic_get_end (da) < rst_diagnostic_get_end (db) ? -1 : 1;
  return strcmp (rst_diagnostic_get_code (da), rst_diagnostic_get_code (db));
}
