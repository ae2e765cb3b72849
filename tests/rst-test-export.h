/* rst-test-export.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the exporter tests share: the fixture statement, the text each
 * format must carry (computed from the source, not from the exporter),
 * and a scratch folder.
 */

#pragma once

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "rst-export.h"
#include "rst-writing.h"

G_BEGIN_DECLS

/* The details of DESIGN.md's example, put in front of the fixture. */
#define RST_TEST_FRONT_MATTER \
  "---\n" \
  "title: Statement by H.E. Ambassador Chen Xu\n" \
  "council: iom\n" \
  "session: 114\n" \
  "delegation: China\n" \
  "speaker: H.E. Ambassador Chen Xu\n" \
  "chair: Chairperson\n" \
  "chair-form: Mr.\n" \
  "date: 2023-11-28\n" \
  "agenda-item: General debate\n" \
  "delivery-mark: Check against delivery\n" \
  "time-limit: 5:00\n" \
  "lang: en\n" \
  "---\n"

static inline char *
rst_test_read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

/* A council profile of the process-wide list, as `--council` finds it. */
static inline RstCouncil *
rst_test_lookup_council (const char *id)
{
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(GError) error = NULL;
  RstCouncil *council = rst_council_list_lookup (councils, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (council);

  return g_object_ref (council);
}

/* The analysis the exporters take. @council: (nullable): forced, as
 * `--council` does; %NULL for the one the text names (or the generic
 * profile when it names none).
 */
static inline RstAnalysis *
rst_test_analyse_for (const char *text,
                      RstCouncil *council)
{
  g_autoptr(RstAnalysisContext) context = rst_analysis_context_new ();
  RstAnalysis *analysis;
  GPtrArray *diagnostics;

  if (council != NULL)
    rst_analysis_context_set_council (context, council);
  analysis = rst_analysis_new (text, -1, context);
  g_assert_nonnull (analysis);

  /* The test texts are well formed: their details are all read. */
  diagnostics = rst_analysis_get_diagnostics (analysis);
  for (guint i = 0; i < diagnostics->len; i++)
    g_assert_cmpstr (rst_diagnostic_get_code (g_ptr_array_index (diagnostics, i)), !=,
                     RST_CODE_FRONT_MATTER_INVALID);
  g_assert_true (council == NULL || rst_analysis_get_council (analysis) == council);

  return analysis;
}

static inline RstAnalysis *
rst_test_analyse (const char *text)
{
  return rst_test_analyse_for (text, NULL);
}

/* The fixture, bare (no front matter) or with DESIGN.md's details. */
static inline RstAnalysis *
rst_test_load_fixture_for (gboolean    with_details,
                           RstCouncil *council)
{
  g_autofree char *text = rst_test_read_fixture ();
  g_autofree char *full = g_strconcat (with_details ? RST_TEST_FRONT_MATTER : "", text, NULL);

  return rst_test_analyse_for (full, council);
}

static inline RstAnalysis *
rst_test_load_fixture (gboolean with_details)
{
  return rst_test_load_fixture_for (with_details, NULL);
}

/* A statement of tests/corpus/, modelled on a real one, with @front
 * (a front matter, or "") put before it.
 */
static inline RstAnalysis *
rst_test_load_corpus (const char *name,
                      const char *front)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  full = g_strconcat (front, text, NULL);

  return rst_test_analyse (full);
}

/* The body paragraphs of the analysis' statement. */
static inline const RstParagraph *
rst_test_get_paragraphs (RstAnalysis *analysis,
                         guint       *n_paragraphs)
{
  return rst_statement_get_paragraphs (rst_analysis_get_statement (analysis), n_paragraphs);
}

/* Text without white space, and without what `drop` lists (pause marks). */
static inline char *
rst_test_squeeze (const char *text,
                  const char *drop)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        continue;
      if (drop != NULL && g_utf8_strchr (drop, -1, c) != NULL)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* Text without white space, bidi controls (poppler marks right-to-left
 * runs with them) and what @drop lists.
 */
static inline char *
rst_test_squeeze_visible (const char *text,
                          const char *drop)
{
  g_autofree char *all = g_strconcat ("\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                      "\u2066\u2067\u2068\u2069", drop, NULL);

  return rst_test_squeeze (text, all);
}

/* Whether @text has a letter of the Latin alphabet: no English word
 * may reach an Arabic or Chinese page.
 */
static inline gboolean
rst_test_has_latin (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
        return TRUE;
    }

  return FALSE;
}

/* One body paragraph as a reader sees it: "**" and "*" gone, white
 * space collapsed.
 */
static inline char *
rst_test_paragraph_text (RstAnalysis *analysis,
                         guint        index)
{
  const RstParagraph *paragraphs;
  const char *text = rst_analysis_get_text (analysis);
  g_autofree char *raw = NULL;
  g_auto(GStrv) words = NULL;
  guint n = 0;

  paragraphs = rst_test_get_paragraphs (analysis, &n);
  g_assert_cmpuint (index, <, n);

  raw = g_strndup (text + paragraphs[index].start, paragraphs[index].end - paragraphs[index].start);
  g_strdelimit (raw, "*", ' ');
  g_strdelimit (raw, "\n\t\r", ' ');
  words = g_strsplit (g_strstrip (raw), " ", -1);

  {
    GString *out = g_string_new (NULL);

    for (guint i = 0; words[i]; i++)
      {
        if (*words[i] == '\0')
          continue;
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, words[i]);
      }
    return g_string_free (out, FALSE);
  }
}

/* The whole body, squeezed. */
static inline char *
rst_test_expected_body (RstAnalysis *analysis)
{
  g_autoptr(GString) body = g_string_new (NULL);
  guint n = 0;

  rst_test_get_paragraphs (analysis, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *paragraph = rst_test_paragraph_text (analysis, i);
      g_string_append (body, paragraph);
    }

  return rst_test_squeeze (body->str, NULL);
}

/* The fixture's own structure, independent of the exporter's mapping. */
static inline const char *
rst_test_fixture_style (RstAnalysis *analysis,
                        guint        index)
{
  g_autofree char *text = rst_test_paragraph_text (analysis, index);
  guint n = 0;

  rst_test_get_paragraphs (analysis, &n);
  if (index == 0)
    return "Rostrum Heading";
  if (g_str_equal (text, "Mr. Chairperson,"))
    return "Rostrum Salutation";
  if (index == n - 1)
    return "Rostrum Closing";
  return "Rostrum Body";
}

static inline GFile *
rst_test_scratch_dir (void)
{
  /* Inside the isolated XDG folders, which GLib removes after each test. */
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "export-XXXXXX", NULL);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_nonnull (g_mkdtemp_full (path, 0700));

  return g_file_new_for_path (path);
}

static inline guint
rst_test_count_children (GFile *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  guint n = 0;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  for (GFileInfo *info; (info = g_file_enumerator_next_file (children, NULL, &error)) != NULL; n++)
    g_object_unref (info);
  g_assert_no_error (error);

  return n;
}

/* The environment soffice runs in: not the test's, whose HOME=/dev/null
 * and G_DEBUG=fatal-warnings make dconf's first warning kill it, but a
 * home and a LibreOffice profile of its own, made once per test program.
 */
static inline char **
rst_test_soffice_environment (char **profile_uri)
{
  static char *home;
  char **env = g_get_environ ();

  if (home == NULL)
    {
      g_autoptr(GFile) dir = rst_test_scratch_dir ();

      home = g_file_get_path (dir);
    }

  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");
  env = g_environ_unsetenv (env, "GSETTINGS_BACKEND");
  env = g_environ_unsetenv (env, "MALLOC_CHECK_");
  env = g_environ_unsetenv (env, "MALLOC_PERTURB_");
  env = g_environ_unsetenv (env, "LD_PRELOAD");
  env = g_environ_setenv (env, "HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", home, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", home, TRUE);
  env = g_environ_setenv (env, "SAL_USE_VCLPLUGIN", "svp", TRUE);

  *profile_uri = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", home);
  return env;
}

/* What LibreOffice reads in a DOCX or ODT, as UTF-8 text; NULL when
 * soffice is not installed (the test then skips).
 */
static inline char *
rst_test_soffice_text (GFile *file)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GFile) outdir = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = g_file_get_path (file);
  g_autofree char *outpath = NULL;
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *txt = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *errors = NULL;
  g_auto(GStrv) env = NULL;
  char *contents = NULL;
  int status = 0;

  if (soffice == NULL)
    return NULL;

  env = rst_test_soffice_environment (&profile);
  outdir = rst_test_scratch_dir ();
  outpath = g_file_get_path (outdir);
  {
    const char *argv[] = {
      soffice, profile, "--headless", "--norestore", "--convert-to", "txt:Text (encoded):UTF8",
      "--outdir", outpath, input, NULL,
    };

    g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_STDOUT_TO_DEV_NULL,
                  NULL, NULL, NULL, &errors, &status, &error);
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("soffice failed on %s: %s", input, errors);
  }

  *strrchr (base, '.') = '\0';
  txt = g_strconcat (base, ".txt", NULL);
  output = g_file_get_child (outdir, txt);
  g_file_load_contents (output, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Exports into a fresh scratch folder and returns the file. */
static inline GFile *
rst_test_export (RstAnalysis     *analysis,
                 RstExportFormat  format,
                 const char      *name)
{
  g_autoptr(GFile) dir = rst_test_scratch_dir ();
  g_autoptr(GError) error = NULL;
  GFile *file = g_file_get_child (dir, name);

  g_assert_true (rst_export_to_file (analysis, format, file, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_query_exists (file, NULL));
  /* Nothing but the file: the temporary was renamed, not copied. */
  g_assert_cmpuint (rst_test_count_children (dir), ==, 1);

  return file;
}

/* If LibreOffice is at hand, it must read the same body from @format. */
static inline void
rst_test_assert_soffice_reads_body (RstExportFormat  format,
                                    const char      *name)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *expected = rst_test_expected_body (analysis);
  g_autofree char *soffice = g_find_program_in_path ("soffice");

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed");
      return;
    }

  file = rst_test_export (analysis, format, name);
  text = rst_test_soffice_text (file);
  g_assert_nonnull (text);
  squeezed = rst_test_squeeze (text, "\xef\xbb\xbf");
  g_assert_true (g_str_has_suffix (squeezed, expected));
}


/* A DOCX or ODT unpacked with libarchive: entry name → contents, and the
 * names in archive order.
 */
typedef struct
{
  GHashTable *parts;
  GPtrArray  *order;
} RstTestZip;

static inline void
rst_test_zip_free (RstTestZip *zip)
{
  g_hash_table_unref (zip->parts);
  g_ptr_array_unref (zip->order);
  g_free (zip);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstTestZip, rst_test_zip_free)

static inline RstTestZip *
rst_test_unzip (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  RstTestZip *zip = g_new0 (RstTestZip, 1);
  int r;

  zip->parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  zip->order = g_ptr_array_new_with_free_func (g_free);

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 16384), ==, ARCHIVE_OK);
  while ((r = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) data = g_byte_array_new ();
      char buffer[8192];
      la_ssize_t n;

      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (data, (const guint8 *) buffer, n);
      g_assert_cmpint (n, ==, 0);

      g_assert_false (g_hash_table_contains (zip->parts, archive_entry_pathname (entry)));
      g_ptr_array_add (zip->order, g_strdup (archive_entry_pathname (entry)));
      g_hash_table_insert (zip->parts, g_strdup (archive_entry_pathname (entry)),
                           g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  g_assert_cmpint (r, ==, ARCHIVE_EOF);
  archive_read_free (archive);

  return zip;
}

/* Parses one part with libxml2, refusing any error or warning. */
static inline xmlDocPtr
rst_test_parse_part (RstTestZip *zip,
                     const char *name)
{
  GBytes *bytes = g_hash_table_lookup (zip->parts, name);
  gsize size = 0;
  const char *data;
  xmlDocPtr doc;

  if (bytes == NULL)
    g_error ("The package has no “%s”", name);

  data = g_bytes_get_data (bytes, &size);
  doc = xmlReadMemory (data, size, name, "UTF-8",
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    g_error ("“%s” is not well-formed XML", name);
  g_assert_nonnull (xmlDocGetRootElement (doc));

  return doc;
}

/* The nodes an XPath expression selects; prefixes are given as
 * "prefix", "uri" pairs ending with NULL.
 */
static inline xmlXPathObjectPtr
rst_test_xpath (xmlDocPtr   doc,
                xmlNodePtr  node,
                const char *expression,
                const char *prefix,
                ...)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  va_list args;

  va_start (args, prefix);
  for (const char *p = prefix; p != NULL; p = va_arg (args, const char *))
    xmlXPathRegisterNs (context, (const xmlChar *) p, (const xmlChar *) va_arg (args, const char *));
  va_end (args);

  if (node != NULL)
    context->node = node;
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  xmlXPathFreeContext (context);
  g_assert_nonnull (result);

  return result;
}

static inline char *
rst_test_xml_prop (xmlNodePtr  node,
                   const char *name,
                   const char *ns)
{
  xmlChar *value = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);

  return copy;
}

G_END_DECLS
