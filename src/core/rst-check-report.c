/* rst-check-report.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rst-check-report.h"

typedef struct
{
  char        *path;
  RstAnalysis *analysis;
} Entry;

struct _RstCheckReport
{
  GObject     parent_instance;
  GArray     *entries;
};

G_DEFINE_FINAL_TYPE (RstCheckReport, rst_check_report, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->path, g_free);
  g_clear_object (&entry->analysis);
}

static void
rst_check_report_finalize (GObject *object)
{
  RstCheckReport *self = (RstCheckReport *)object;

  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (rst_check_report_parent_class)->finalize (object);
}

static void
rst_check_report_class_init (RstCheckReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_check_report_finalize;
}

static void
rst_check_report_init (RstCheckReport *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}

RstCheckReport *
rst_check_report_new (void)
{
  return g_object_new (RST_TYPE_CHECK_REPORT, NULL);
}

/**
 * rst_check_report_add:
 * @path: how the file is named in the report (as given on the command
 *   line)
 * @analysis: its analysis
 */
void
rst_check_report_add (RstCheckReport *self,
                      const char     *path,
                      RstAnalysis    *analysis)
{
  Entry entry;

  g_return_if_fail (RST_IS_CHECK_REPORT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (RST_IS_ANALYSIS (analysis));

  entry.path = g_strdup (path);
  entry.analysis = g_object_ref (analysis);
  g_array_append_val (self->entries, entry);
}

guint
rst_check_report_get_n_files (RstCheckReport *self)
{
  g_return_val_if_fail (RST_IS_CHECK_REPORT (self), 0);
  return self->entries->len;
}

gboolean
rst_check_report_has_errors (RstCheckReport *self)
{
  g_return_val_if_fail (RST_IS_CHECK_REPORT (self), FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    if (rst_analysis_has_errors (g_array_index (self->entries, Entry, i).analysis))
      return TRUE;

  return FALSE;
}

/* Output */

char *
rst_check_report_to_text (RstCheckReport *self)
{
  GString *out;

  g_return_val_if_fail (RST_IS_CHECK_REPORT (self), NULL);

  out = g_string_new (NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      GPtrArray *diagnostics = rst_analysis_get_diagnostics (entry->analysis);

      for (guint j = 0; j < diagnostics->len; j++)
        {
          RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, j);
          guint line = 0, column = 0;

          rst_analysis_locate (entry->analysis, rst_diagnostic_get_start (diagnostic),
                               &line, &column);
          /* The format compilers use, so that editors and CI annotate it. */
          g_string_append_printf (out, "%s:%u:%u: %s: %s [%s]\n",
                                  entry->path, line, column,
                                  rst_severity_to_string (rst_diagnostic_get_severity (diagnostic)),
                                  rst_diagnostic_get_message (diagnostic),
                                  rst_diagnostic_get_code (diagnostic));
        }
    }

  return g_string_free (out, FALSE);
}

static void
add_position (JsonBuilder *builder,
              RstAnalysis *analysis,
              gsize        start,
              gsize        end)
{
  guint line = 0, column = 0;

  rst_analysis_locate (analysis, start, &line, &column);
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, line);
  json_builder_set_member_name (builder, "column");
  json_builder_add_int_value (builder, column);

  rst_analysis_locate (analysis, end, &line, &column);
  json_builder_set_member_name (builder, "end_line");
  json_builder_add_int_value (builder, line);
  json_builder_set_member_name (builder, "end_column");
  json_builder_add_int_value (builder, column);
}

static void
add_entry (JsonBuilder *builder,
           const Entry *entry)
{
  RstAnalysis *analysis = entry->analysis;
  GPtrArray *diagnostics = rst_analysis_get_diagnostics (analysis);
  g_autofree char *path = NULL;
  const RstElement *elements;
  const char *council_id;
  guint n_elements = 0;
  guint session;

  elements = rst_statement_get_elements (rst_analysis_get_statement (analysis), &n_elements);
  council_id = rst_analysis_get_council_id (analysis);
  session = rst_analysis_get_session (analysis);
  /* JSON is UTF-8; a file name need not be. */
  path = g_filename_display_name (entry->path);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "lang");
  json_builder_add_string_value (builder, rst_analysis_get_language (analysis));
  json_builder_set_member_name (builder, "council");
  if (council_id != NULL)
    json_builder_add_string_value (builder, council_id);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "session");
  if (session > 0)
    json_builder_add_int_value (builder, session);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "words");
  json_builder_add_int_value (builder, rst_statement_get_word_count (rst_analysis_get_statement (analysis)));
  json_builder_set_member_name (builder, "speaking_seconds");
  json_builder_add_int_value (builder, rst_analysis_get_speaking_seconds (analysis));
  json_builder_set_member_name (builder, "time_limit_seconds");
  if (rst_analysis_get_time_limit (analysis) > 0)
    json_builder_add_int_value (builder, rst_analysis_get_time_limit (analysis));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "structure");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_elements; i++)
    {
      g_autofree char *text = rst_analysis_dup_element_text (analysis, &elements[i]);
      guint line = 0;

      rst_analysis_locate (analysis, elements[i].start, &line, NULL);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, rst_element_kind_to_string (elements[i].kind));
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, line);
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "diagnostics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      GPtrArray *fixes = rst_diagnostic_get_fixes (diagnostic);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, rst_diagnostic_get_code (diagnostic));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     rst_severity_to_string (rst_diagnostic_get_severity (diagnostic)));
      add_position (builder, analysis,
                    rst_diagnostic_get_start (diagnostic),
                    rst_diagnostic_get_end (diagnostic));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, rst_diagnostic_get_message (diagnostic));

      json_builder_set_member_name (builder, "fixes");
      json_builder_begin_array (builder);
      for (guint j = 0; j < fixes->len; j++)
        {
          const RstFix *fix = g_ptr_array_index (fixes, j);

          json_builder_begin_object (builder);
          add_position (builder, analysis, fix->start, fix->end);
          json_builder_set_member_name (builder, "replacement");
          json_builder_add_string_value (builder, fix->replacement);
          json_builder_set_member_name (builder, "label");
          if (fix->label != NULL)
            json_builder_add_string_value (builder, fix->label);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/**
 * rst_check_report_to_json:
 *
 * Returns: (transfer full): the report as DESIGN.md describes it
 */
JsonNode *
rst_check_report_to_json (RstCheckReport *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (RST_IS_CHECK_REPORT (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->entries->len; i++)
    add_entry (builder, &g_array_index (self->entries, Entry, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
rst_check_report_to_json_string (RstCheckReport *self)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (RST_IS_CHECK_REPORT (self), NULL);

  root = rst_check_report_to_json (self);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, NULL);
}
