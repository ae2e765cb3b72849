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
#include "rst-timing.h"

/* Statements are a few pages; anything this big is not one, and reading
 * it whole would only make `--check` slow to say so.
 */
#define MAX_STATEMENT_SIZE (16 * 1024 * 1024)

typedef struct
{
  char            *path;
  RstStatement    *statement;
  RstCouncil      *council;
  GPtrArray       *diagnostics;
  RstCheckOptions  options;
} Entry;

struct _RstCheckReport
{
  GObject     parent_instance;
  RstCouncil *council;
  GArray     *entries;
};

G_DEFINE_FINAL_TYPE (RstCheckReport, rst_check_report, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->path, g_free);
  g_clear_object (&entry->statement);
  g_clear_object (&entry->council);
  g_clear_pointer (&entry->diagnostics, g_ptr_array_unref);
}

static void
rst_check_report_finalize (GObject *object)
{
  RstCheckReport *self = (RstCheckReport *)object;

  g_clear_object (&self->council);
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
 * rst_check_report_set_council:
 * @council: (nullable): the profile every file is checked with
 */
void
rst_check_report_set_council (RstCheckReport *self,
                              RstCouncil     *council)
{
  g_return_if_fail (RST_IS_CHECK_REPORT (self));
  g_return_if_fail (council == NULL || RST_IS_COUNCIL (council));

  g_set_object (&self->council, council);
}

/* Loading */

static gboolean
looks_binary (const char *data,
              gsize       length)
{
  static const struct {
    const char *magic;
    gsize       length;
  } signatures[] = {
    { "%PDF-", 5 },
    { "PK\003\004", 4 },                 /* DOCX, ODT, ZIP */
    { "\320\317\021\340\241\261\032\341", 8 }, /* legacy .doc */
    { "\177ELF", 4 },
    { "\211PNG", 4 },
    { "\377\330\377", 3 },               /* JPEG */
    { "GIF8", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    if (length >= signatures[i].length &&
        memcmp (data, signatures[i].magic, signatures[i].length) == 0)
      return TRUE;

  /* As grep and git decide: text has no NUL byte. */
  return memchr (data, '\0', length) != NULL;
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/**
 * rst_check_report_load_file:
 * @path: the name used in messages
 * @file: the statement file
 * @error: where to report bad input
 *
 * Returns: (transfer full) (nullable): the parsed statement
 */
RstStatement *
rst_check_report_load_file (const char  *path,
                            GFile       *file,
                            GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  RstStatement *statement;
  const char *invalid = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s: no such file"), path);
      else
        g_set_error (error, local_error->domain, local_error->code,
                     "%s: %s", path, local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;

    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s: is a folder, not a statement file"), path);
      return NULL;

    case G_FILE_TYPE_UNKNOWN:
    case G_FILE_TYPE_SYMBOLIC_LINK:
    case G_FILE_TYPE_SPECIAL:
    case G_FILE_TYPE_SHORTCUT:
    case G_FILE_TYPE_MOUNTABLE:
    default:
      /* A FIFO or a device would block or never end. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: is not a regular file"), path);
      return NULL;
    }

  if (g_file_info_get_size (info) > MAX_STATEMENT_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: is too large to be a statement"), path);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  if (looks_binary (contents, length))
    {
      g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_BINARY,
                   _("%s: is a binary file, not a statement; save it as plain text"),
                   path);
      return NULL;
    }

  /* Checked here, before the parser, so that the message names the line
   * whatever the parser says.
   */
  if (!g_utf8_validate (contents, length, &invalid))
    {
      g_set_error (error, RST_STATEMENT_ERROR, RST_STATEMENT_ERROR_INVALID_UTF8,
                   _("%s:%u: line %u is not valid UTF-8; save the file as UTF-8"),
                   path,
                   line_of_offset (contents, invalid - contents),
                   line_of_offset (contents, invalid - contents));
      return NULL;
    }

  statement = rst_statement_parse (contents, length, &local_error);
  if (statement == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", path, local_error->message);
      return NULL;
    }

  return statement;
}

/* Finds the value of a top-level front-matter key, so that a diagnostic
 * about it points at it rather than at the first line.
 */
static gboolean
find_detail_value (RstStatement *statement,
                   const char   *key,
                   gsize        *start,
                   gsize        *end)
{
  const char *text = rst_statement_get_text (statement);
  gsize limit = rst_statement_get_body_offset (statement);
  gsize key_len = strlen (key);
  gsize line = 0;

  while (line < limit)
    {
      const char *nl = memchr (text + line, '\n', limit - line);
      gsize line_end = nl != NULL ? (gsize)(nl - text) : limit;

      if (line_end - line > key_len &&
          strncmp (text + line, key, key_len) == 0 &&
          text[line + key_len] == ':')
        {
          gsize s = line + key_len + 1;
          gsize e = line_end;

          while (s < e && (text[s] == ' ' || text[s] == '\t'))
            s++;
          while (e > s && g_ascii_isspace (text[e - 1]))
            e--;

          *start = s;
          *end = e;
          return TRUE;
        }

      line = line_end + 1;
    }

  return FALSE;
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  RstDiagnostic *da = *(RstDiagnostic * const *)a;
  RstDiagnostic *db = *(RstDiagnostic * const *)b;
  gsize sa = rst_diagnostic_get_start (da);
  gsize sb = rst_diagnostic_get_start (db);

  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/* The council a file is checked with: the forced one, else the one its
 * front matter names, else the generic profile. A name without a profile
 * falls back too, and the report says so.
 */
static RstCouncil *
resolve_council (RstCheckReport  *self,
                 RstStatement    *statement,
                 RstDiagnostic  **unknown)
{
  g_autoptr(GError) error = NULL;
  RstCouncil *council;
  const char *named;

  if (self->council != NULL)
    return g_object_ref (self->council);

  named = rst_statement_get_detail (statement, "council");
  council = rst_council_resolve (named, &error);

  if (error != NULL && unknown != NULL)
    {
      g_autofree char *message = NULL;
      gsize start = 0, end = 0;

      if (error->code == RST_COUNCIL_ERROR_NOT_FOUND)
        message = g_strdup_printf (_("Rostrum has no profile for the council “%s”; the generic profile’s time limit and pace are used"),
                                   named);
      else
        message = g_strdup_printf (_("The profile for the council “%s” cannot be used (%s); the generic profile’s time limit and pace are used"),
                                   named, error->message);

      find_detail_value (statement, "council", &start, &end);
      *unknown = rst_diagnostic_new (RST_CHECK_REPORT_CODE_COUNCIL_UNKNOWN,
                                     RST_SEVERITY_INFO, start, end, message);
    }

  return council;
}

/**
 * rst_check_report_add_statement:
 * @path: how the file is named in the report
 * @statement: a parsed statement
 */
void
rst_check_report_add_statement (RstCheckReport *self,
                                const char     *path,
                                RstStatement   *statement)
{
  RstDiagnostic *unknown = NULL;
  Entry entry = { 0, };

  g_return_if_fail (RST_IS_CHECK_REPORT (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (RST_IS_STATEMENT (statement));

  entry.path = g_strdup (path);
  entry.statement = g_object_ref (statement);
  entry.council = resolve_council (self, statement, &unknown);
  rst_council_resolve_check_options (entry.council, statement, &entry.options);
  entry.diagnostics = rst_check_statement (statement, &entry.options);

  if (unknown != NULL)
    {
      /* The checker's array owns its diagnostics (g_object_unref). */
      g_ptr_array_add (entry.diagnostics, unknown);
      /* g_ptr_array_sort() is stable: the checker's order is kept. */
      g_ptr_array_sort (entry.diagnostics, compare_diagnostics);
    }

  g_array_append_val (self->entries, entry);
}

/**
 * rst_check_report_add_file:
 * @path: how the file is named in the report
 * @file: the statement file
 * @error: where to report bad input
 *
 * Returns: %TRUE if @file was read and checked
 */
gboolean
rst_check_report_add_file (RstCheckReport  *self,
                           const char      *path,
                           GFile           *file,
                           GError         **error)
{
  g_autoptr(RstStatement) statement = NULL;

  g_return_val_if_fail (RST_IS_CHECK_REPORT (self), FALSE);

  statement = rst_check_report_load_file (path, file, error);
  if (statement == NULL)
    return FALSE;

  rst_check_report_add_statement (self, path, statement);
  return TRUE;
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
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      for (guint j = 0; j < entry->diagnostics->len; j++)
        if (rst_diagnostic_get_severity (g_ptr_array_index (entry->diagnostics, j)) == RST_SEVERITY_ERROR)
          return TRUE;
    }

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

      for (guint j = 0; j < entry->diagnostics->len; j++)
        {
          RstDiagnostic *diagnostic = g_ptr_array_index (entry->diagnostics, j);
          guint line = 0, column = 0;

          rst_statement_offset_to_position (entry->statement,
                                            rst_diagnostic_get_start (diagnostic),
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

char *
rst_check_report_element_text (RstStatement     *statement,
                               const RstElement *element)
{
  const char *text;
  const char *p;
  const char *end;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (RST_IS_STATEMENT (statement), NULL);
  g_return_val_if_fail (element != NULL, NULL);
  g_return_val_if_fail (element->start <= element->end, NULL);
  g_return_val_if_fail (element->end <= rst_statement_get_length (statement), NULL);

  text = rst_statement_get_text (statement);
  p = text + element->start;
  end = text + element->end;
  out = g_string_sized_new (element->end - element->start);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '\\' && next < end && *next == '*')
        {
          /* An escaped asterisk is text. */
          c = '*';
          next++;
        }
      else if (c == '*')
        {
          /* **bold** and *italic*, the only inline markup. */
          p = next;
          continue;
        }

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
        }
      else
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }

      p = next;
    }

  return g_string_free (out, FALSE);
}

static void
add_position (JsonBuilder  *builder,
              RstStatement *statement,
              gsize         start,
              gsize         end)
{
  guint line = 0, column = 0;

  rst_statement_offset_to_position (statement, start, &line, &column);
  json_builder_set_member_name (builder, "line");
  json_builder_add_int_value (builder, line);
  json_builder_set_member_name (builder, "column");
  json_builder_add_int_value (builder, column);

  rst_statement_offset_to_position (statement, end, &line, &column);
  json_builder_set_member_name (builder, "end_line");
  json_builder_add_int_value (builder, line);
  json_builder_set_member_name (builder, "end_column");
  json_builder_add_int_value (builder, column);
}

static void
add_entry (JsonBuilder *builder,
           const Entry *entry)
{
  g_autofree char *path = NULL;
  const RstElement *elements;
  guint n_elements = 0;
  guint words;

  words = rst_statement_get_word_count (entry->statement);
  elements = rst_statement_get_elements (entry->statement, &n_elements);
  /* JSON is UTF-8; a file name need not be. */
  path = g_filename_display_name (entry->path);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "words");
  json_builder_add_int_value (builder, words);
  json_builder_set_member_name (builder, "speaking_seconds");
  json_builder_add_int_value (builder,
                              rst_timing_estimate_seconds (words, entry->options.words_per_minute));
  json_builder_set_member_name (builder, "time_limit_seconds");
  if (entry->options.time_limit_seconds > 0)
    json_builder_add_int_value (builder, entry->options.time_limit_seconds);
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "structure");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_elements; i++)
    {
      g_autofree char *text = rst_check_report_element_text (entry->statement, &elements[i]);
      guint line = 0, column = 0;

      rst_statement_offset_to_position (entry->statement, elements[i].start, &line, &column);

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
  for (guint i = 0; i < entry->diagnostics->len; i++)
    {
      RstDiagnostic *diagnostic = g_ptr_array_index (entry->diagnostics, i);
      GPtrArray *fixes = rst_diagnostic_get_fixes (diagnostic);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, rst_diagnostic_get_code (diagnostic));
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder,
                                     rst_severity_to_string (rst_diagnostic_get_severity (diagnostic)));
      add_position (builder, entry->statement,
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
          add_position (builder, entry->statement, fix->start, fix->end);
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
