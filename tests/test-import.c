/* test-import.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Importing statements (src/import) and `rostrum --import`: the real
 * LibreOffice files of tests/import-fixtures give their expected
 * Markdown, the formats of one statement give the same body, and bad
 * input is refused with one line and exit status 2, writing nothing.
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "rst-analysis.h"
#include "rst-front-matter.h"
#include "rst-import.h"
#include "rst-test-command.h"
#include "rst-text-file.h"

static const char * const fixtures[] = {
  "en-iom-statement.docx", "en-iom-statement.odt", "en-iom-statement.fodt", "en-iom-statement.pdf",
  "fr-iom-statement.docx", "fr-iom-statement.odt", "fr-iom-statement.fodt", "fr-iom-statement.pdf",
  "ar-iom-statement.docx", "ar-iom-statement.odt", "ar-iom-statement.fodt", "ar-iom-statement.pdf",
  "zh-iom-statement.docx", "zh-iom-statement.odt", "zh-iom-statement.fodt", "zh-iom-statement.pdf",
  "es-iom-statement.docx", "es-iom-statement.fodt", "es-segib-web.html",
  "ru-iom-statement.odt", "ru-iom-statement.fodt", "ru-iom-statement.pdf",
  "en-iom-114-china.txt",
};

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import-fixtures", name, NULL);
}

static char *
import_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  char *markdown = rst_import_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (markdown);
  return markdown;
}

/* The body, and the front matter without its date (a PDF's is the day
 * it was printed).
 */
static char *
without_date (const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "date: "))
      {
        g_string_append (out, lines[i]);
        if (lines[i + 1] != NULL)
          g_string_append_c (out, '\n');
      }

  return g_string_free (out, FALSE);
}

static void
test_fixture (gconstpointer data)
{
  const char *name = data;
  g_autofree char *markdown = import_fixture (name);
  g_autofree char *expected_name = g_strconcat (name, ".md", NULL);
  g_autofree char *expected_path = g_test_build_filename (G_TEST_DIST, "import-fixtures", "expected",
                                                          expected_name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RstAnalysis) analysis = NULL;

  g_file_get_contents (expected_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (markdown, ==, expected);

  /* A statement that reads back: its front matter valid and, but for
   * the text file whose source has them, no paragraph broken
   * mid-sentence (whether the salutation and closing are recognized in
   * each language is the rules' business, tested in test-corpus).
   */
  analysis = rst_analysis_new (markdown, -1, NULL);
  for (guint i = 0; i < rst_analysis_get_diagnostics (analysis)->len; i++)
    {
      RstDiagnostic *d = g_ptr_array_index (rst_analysis_get_diagnostics (analysis), i);

      g_assert_cmpstr (rst_diagnostic_get_code (d), !=, RST_CODE_FRONT_MATTER_INVALID);
      if (!g_str_has_suffix (name, ".txt"))
        g_assert_cmpstr (rst_diagnostic_get_code (d), !=, "split-paragraph");
    }
}

static guint
count_paragraphs (const char *markdown)
{
  RstFrontMatter bounds;
  const char *body;
  guint n = 0;

  rst_front_matter_locate (markdown, strlen (markdown), &bounds);
  body = markdown + bounds.body;
  for (const char *p = body; p != NULL && *p != '\0'; p = strstr (p, "\n\n"))
    {
      while (*p == '\n')
        p++;
      if (*p != '\0')
        n++;
    }

  return n;
}

/* What the speaker reads, and nothing else, whatever the format. */
static void
test_english_content (void)
{
  static const char * const formats[] = { "docx", "odt", "fodt", "pdf" };
  g_autofree char *reference = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("en-iom-statement.%s", formats[i]);
      g_autofree char *markdown = import_fixture (name);
      g_autofree char *compared = without_date (markdown);
      g_autoptr(RstAnalysis) analysis = rst_analysis_new (markdown, -1, NULL);
      RstStatement *statement = rst_analysis_get_statement (analysis);
      const RstElement *elements;
      guint n_elements, priorities = 0, headings = 0, marks = 0;

      /* Heading, delivery mark and metadata in the front matter: the
       * council and session as the heading names them.
       */
      g_assert_true (g_str_has_prefix (markdown, "---\ntitle: Statement by H.E. Ambassador Chen Xu\n"
                                                 "council: iom\nsession: 114\n"));
      g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
      g_assert_nonnull (strstr (markdown, "\nlang: en\nauthor: Drafting Unit\n---\n*Check against delivery*\n\n"
                                          "**Statement by H.E. Ambassador Chen Xu\nat the 114th Session of the Council of IOM**\n\n"));
      g_assert_cmpstr (rst_analysis_get_detail (analysis, RST_DETAIL_SESSION), ==, "114");
      g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "en");

      /* Tracked changes accepted; comments, footnotes, headers and page
       * numbers gone; the field's text kept; the table flattened.
       */
      g_assert_nonnull (strstr (markdown, "the following points:"));
      g_assert_null (strstr (markdown, "three"));
      g_assert_nonnull (strstr (markdown, "a rapid and strategic response"));
      g_assert_null (strstr (markdown, "Check this wording"));
      g_assert_null (strstr (markdown, "See the report"));
      g_assert_nonnull (strstr (markdown, "Council session. China"));
      g_assert_null (strstr (markdown, "Permanent Mission"));
      g_assert_nonnull (strstr (markdown, "**Geneva, 28 November 2023**"));
      g_assert_nonnull (strstr (markdown, "\n\nPriority | Contribution in 2024\n\nRoot causes | USD 2 million\n\n"));
      /* The paragraph that runs over the page break is one. */
      g_assert_nonnull (strstr (markdown, "migration, and will continue to support IOM"));
      g_assert_true (g_str_has_suffix (markdown, "\n\nI thank you.\n"));

      elements = rst_statement_get_elements (statement, &n_elements);
      for (guint k = 0; k < n_elements; k++)
        {
          priorities += elements[k].kind == RST_ELEMENT_PRIORITY;
          headings += elements[k].kind == RST_ELEMENT_HEADING;
          marks += elements[k].kind == RST_ELEMENT_DELIVERY_MARK;
        }
      g_assert_cmpuint (priorities, ==, 4);
      g_assert_cmpuint (headings, >=, 1);
      g_assert_cmpuint (marks, ==, 1);
      g_assert_cmpuint (count_paragraphs (markdown), ==, 15);
      g_assert_nonnull (strstr (markdown, "\n\n1. **Focus on the root causes.** The international"));
      g_assert_nonnull (strstr (markdown, "\n\n4. **Enhance international cooperation on migration.**"));

      if (reference == NULL)
        reference = g_steal_pointer (&compared);
      else
        g_assert_cmpstr (compared, ==, reference);
    }
}

/* The French, Russian, Spanish and Arabic statements read the same from
 * every format they exist in; the Chinese one but for bold the PDF's
 * font cannot show.
 */
static void
test_same_in_every_format (void)
{
  static const char * const sets[][4] = {
    { "fr-iom-statement.fodt", "fr-iom-statement.docx", "fr-iom-statement.odt", "fr-iom-statement.pdf" },
    { "ru-iom-statement.fodt", "ru-iom-statement.odt", "ru-iom-statement.pdf", NULL },
    { "es-iom-statement.fodt", "es-iom-statement.docx", NULL, NULL },
    { "ar-iom-statement.fodt", "ar-iom-statement.docx", "ar-iom-statement.odt", "ar-iom-statement.pdf" },
    { "zh-iom-statement.fodt", "zh-iom-statement.docx", "zh-iom-statement.odt", NULL },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree char *first = import_fixture (sets[s][0]);
      g_autofree char *reference = without_date (first);

      for (guint i = 1; i < 4 && sets[s][i] != NULL; i++)
        {
          g_autofree char *markdown = import_fixture (sets[s][i]);
          g_autofree char *compared = without_date (markdown);

          g_assert_cmpstr (compared, ==, reference);
        }
    }
}

static void
test_html_paste (void)
{
  static const char html[] =
    "<meta charset='utf-8'><b style=\"font-weight:normal\" id=\"docs-internal-guid-1\">"
    "<p dir=\"ltr\"><span style=\"font-weight:700\">First</span><span>, we welcome *the* report.</span></p>"
    "<p>Second line<br><br>after a break &amp; more</p><ul><li>one</li><li><i>two</i></li></ul>"
    "<script>alert(1)</script><p>  </p></b>";
  g_autofree char *body = rst_import_html (html, -1);
  g_autofree char *utf16 = NULL;
  g_autofree char *from_utf16 = NULL;
  gsize written = 0;

  g_assert_cmpstr (body, ==,
                   "**First**, we welcome \\*the\\* report.\n\n"
                   "Second line\nafter a break & more\n\n"
                   "- one\n\n"
                   "- *two*");

  /* Firefox puts text/html on the clipboard as UTF-16. */
  utf16 = g_convert ("\xEF\xBB\xBF<p>Merci.</p>", -1, "UTF-16", "UTF-8", NULL, &written, NULL);
  g_assert_nonnull (utf16);
  from_utf16 = rst_import_html (utf16, written);
  g_assert_cmpstr (from_utf16, ==, "Merci.");

  g_assert_null (rst_import_html ("<p> </p><script>x</script>", -1));

  /* Word keeps an empty paragraph from collapsing with a no-break space
   * (an ideographic one in Chinese): no paragraph of it.
   */
  g_free (body);
  body = rst_import_html ("<p class=MsoNormal>Mr. President,<o:p></o:p></p>"
                          "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                          "<p>\xE3\x80\x80</p><p>Thank you.</p>", -1);
  g_assert_cmpstr (body, ==, "Mr. President,\n\nThank you.");
}

static void
test_text (void)
{
  static const char with_front_matter[] = "---\nlang: fr\n---\nMonsieur le Président,\r\n\r\nJe vous remercie.\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (with_front_matter, sizeof with_front_matter - 1);
  static const char plain_text[] = "\xEF\xBB\xBFMr. President,\r\n\r\nThank you.\r\n";
  g_autoptr(GBytes) plain = g_bytes_new_static (plain_text, sizeof plain_text - 1);
  g_autoptr(GBytes) latin1 = g_bytes_new_static ("Pr\xE9sident", 9);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *made = NULL;
  char *none;

  /* A statement already: kept as written. */
  kept = rst_import_bytes (bytes, RST_IMPORT_FORMAT_TEXT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, with_front_matter);

  made = rst_import_bytes (plain, RST_IMPORT_FORMAT_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (made, ==, "---\nlang: en\n---\nMr. President,\n\nThank you.\n");

  none = rst_import_bytes (latin1, RST_IMPORT_FORMAT_TEXT, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, RST_TEXT_FILE_ERROR, RST_TEXT_FILE_ERROR_INVALID_UTF8);
}

static void
test_formats (void)
{
  g_assert_cmpint (rst_import_format_for_name ("a/Statement.DOCX"), ==, RST_IMPORT_FORMAT_DOCX);
  g_assert_cmpint (rst_import_format_for_name ("s.fodt"), ==, RST_IMPORT_FORMAT_ODT);
  g_assert_cmpint (rst_import_format_for_name ("s.htm"), ==, RST_IMPORT_FORMAT_HTML);
  g_assert_cmpint (rst_import_format_for_name ("s.md"), ==, RST_IMPORT_FORMAT_TEXT);
  g_assert_cmpint (rst_import_format_for_name ("s.bin"), ==, RST_IMPORT_FORMAT_AUTO);
  g_assert_cmpint (rst_import_format_for_content_type ("application/pdf"), ==, RST_IMPORT_FORMAT_PDF);
  g_assert_cmpint (rst_import_format_for_content_type ("application/vnd.oasis.opendocument.text"), ==,
                   RST_IMPORT_FORMAT_ODT);
  g_assert_cmpstr (rst_import_format_to_string (RST_IMPORT_FORMAT_DOCX), ==, "docx");
}

/* Bad input. */

typedef struct
{
  const char *name;
  gsize       size;
  const char *data;     /* NULL: @size zero bytes */
} Entry;

static GBytes *
make_zip (const Entry *entries,
          guint        n)
{
  struct archive *a = archive_write_new ();
  g_autofree char *buffer = NULL;
  gsize capacity = 8 * 1024 * 1024;
  size_t used = 0;

  buffer = g_malloc (capacity);
  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, buffer, capacity, &used), ==, ARCHIVE_OK);

  for (guint i = 0; i < n; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      g_autofree char *zeros = entries[i].data == NULL ? g_malloc0 (1024 * 1024) : NULL;

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_size (entry, entries[i].size);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      if (entries[i].data != NULL)
        archive_write_data (a, entries[i].data, entries[i].size);
      else
        for (gsize left = entries[i].size; left > 0;)
          {
            gsize chunk = MIN (left, 1024 * 1024);

            archive_write_data (a, zeros, chunk);
            left -= chunk;
          }
      archive_entry_free (entry);
    }

  archive_write_close (a);
  archive_write_free (a);

  return g_bytes_new (buffer, used);
}

static void
assert_refused (GBytes          *bytes,
                RstImportFormat  hint,
                GQuark           domain,
                int              code)
{
  g_autoptr(GError) error = NULL;
  char *markdown = rst_import_bytes (bytes, hint, NULL, &error);

  g_assert_null (markdown);
  g_assert_error (error, domain, code);
  g_assert_null (strchr (error->message, '\n'));
}

static const char content_types[] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

static void
test_bad_zips (void)
{
  const Entry no_document[] = { { "hello.txt", 5, "hello" } };
  const Entry bomb[] = {
    { "[Content_Types].xml", sizeof content_types - 1, content_types },
    { "word/document.xml", 100 * 1024 * 1024, NULL },
  };
  static const char manifest[] =
    "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
    "<manifest:encryption-data manifest:checksum=\"x\"/></manifest:file-entry></manifest:manifest>";
  const Entry encrypted_odt[] = {
    { "mimetype", 39, "application/vnd.oasis.opendocument.text" },
    { "META-INF/manifest.xml", sizeof manifest - 1, manifest },
    { "content.xml", 9, "\x01\x02garbage" },
  };
  const Entry spreadsheet[] = {
    { "mimetype", 46, "application/vnd.oasis.opendocument.spreadsheet" },
    { "content.xml", 4, "<a/>" },
  };
  g_autoptr(GBytes) zip1 = make_zip (no_document, G_N_ELEMENTS (no_document));
  g_autoptr(GBytes) zip2 = make_zip (bomb, G_N_ELEMENTS (bomb));
  g_autoptr(GBytes) zip3 = make_zip (encrypted_odt, G_N_ELEMENTS (encrypted_odt));
  g_autoptr(GBytes) zip4 = make_zip (spreadsheet, G_N_ELEMENTS (spreadsheet));
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (zip1, 0, g_bytes_get_size (zip1) / 2);

  /* A zip bomb: 100 MiB of zeros packed in about 100 KiB. */
  g_assert_cmpuint (g_bytes_get_size (zip2), <, 1024 * 1024);

  assert_refused (zip1, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_DOCUMENT);
  assert_refused (zip2, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE);
  assert_refused (zip3, RST_IMPORT_FORMAT_ODT, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED);
  assert_refused (zip4, RST_IMPORT_FORMAT_ODT, RST_IMPORT_ERROR, RST_IMPORT_ERROR_UNSUPPORTED);
  assert_refused (truncated, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED);
}

static GBytes *
make_docx (const char *document)
{
  const Entry entries[] = {
    { "[Content_Types].xml", sizeof content_types - 1, content_types },
    { "word/document.xml", strlen (document), document },
  };

  return make_zip (entries, G_N_ELEMENTS (entries));
}

static void
test_bad_xml (void)
{
  g_autoptr(GString) deep = g_string_new ("<?xml version=\"1.0\"?><w:document xmlns:w=\""
                                          "http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
  static const char bomb[] =
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
    "wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>";
  static const char external[] =
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>";
  static const char empty[] =
    "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p/></w:body></w:document>";
  g_autoptr(GBytes) deep_zip = NULL;
  g_autoptr(GBytes) bomb_zip = make_docx (bomb);
  g_autoptr(GBytes) external_zip = make_docx (external);
  g_autoptr(GBytes) empty_zip = make_docx (empty);

  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, "<w:sdt><w:sdtContent>");
  deep_zip = make_docx (deep->str);

  assert_refused (deep_zip, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_TOO_LARGE);
  assert_refused (bomb_zip, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED);
  assert_refused (external_zip, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED);
  assert_refused (empty_zip, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT);
}

static void
test_bad_other (void)
{
  static const char ole_encrypted[] = "\320\317\021\340\241\261\032\341 ....E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  static const char ole_word[] = "\320\317\021\340\241\261\032\341 ....W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
  g_autoptr(GBytes) encrypted = g_bytes_new_static (ole_encrypted, sizeof ole_encrypted - 1);
  g_autoptr(GBytes) legacy = g_bytes_new_static (ole_word, sizeof ole_word - 1);
  g_autoptr(GBytes) text = g_bytes_new_static ("Mr. President,\n", 15);
  g_autoptr(GBytes) damaged_pdf = g_bytes_new_static ("%PDF-1.4\n1 0 obj garbage", 24);

  assert_refused (encrypted, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_ENCRYPTED);
  assert_refused (legacy, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_UNSUPPORTED);
  assert_refused (text, RST_IMPORT_FORMAT_DOCX, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NOT_A_DOCUMENT);
  assert_refused (text, RST_IMPORT_FORMAT_PDF, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NOT_A_DOCUMENT);
  assert_refused (damaged_pdf, RST_IMPORT_FORMAT_PDF, RST_IMPORT_ERROR, RST_IMPORT_ERROR_DAMAGED);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A scan: pages with pictures, no text layer. */
static GBytes *
make_scanned_pdf (void)
{
  GByteArray *data = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, data, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int page = 0; page < 2; page++)
    {
      cairo_rectangle (cr, 72, 72 + page * 10, 400, 20);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  return g_byte_array_free_to_bytes (data);
}

static void
test_scanned_pdf (void)
{
  g_autoptr(GBytes) scan = make_scanned_pdf ();

  assert_refused (scan, RST_IMPORT_FORMAT_PDF, RST_IMPORT_ERROR, RST_IMPORT_ERROR_NO_TEXT);
}

/* The command line. */

static char *
write_temp (const char *dir,
            const char *name,
            GBytes     *bytes)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static gboolean
folder_holds_only (const char *dir,
                   guint       n)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (d) != NULL)
    count++;
  return count == n;
}

static void
assert_cli_refuses (const char *dir,
                    const char *path,
                    const char *message)
{
  g_auto(RstTestRun) run = { 0 };
  g_autofree char *output = g_build_filename (dir, "out.md", NULL);
  g_autofree char *expected = g_strdup_printf ("rostrum: %s: %s\n", path, message);

  rst_test_run_rostrum (&run, "--import", path, "--output", output);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_command_line (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rostrum-import-XXXXXX", NULL);
  g_autofree char *docx = fixture_path ("en-iom-statement.docx");
  g_autofree char *expected_path = fixture_path ("expected/en-iom-statement.docx.md");
  g_autofree char *expected = NULL;
  g_autofree char *output = g_build_filename (dir, "statement.md", NULL);
  g_autofree char *written = NULL;
  g_auto(RstTestRun) run = { 0 };
  g_auto(RstTestRun) run2 = { 0 };
  g_auto(RstTestRun) run3 = { 0 };

  g_file_get_contents (expected_path, &expected, NULL, NULL);

  /* To stdout, and to --output. */
  rst_test_run_rostrum (&run, "--import", docx);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected);

  rst_test_run_rostrum (&run2, "--import", docx, "--output", output);
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_cmpstr (run2.out, ==, "");
  g_file_get_contents (output, &written, NULL, NULL);
  g_assert_cmpstr (written, ==, expected);

  /* Usage. */
  rst_test_run_rostrum (&run3, "--import", docx, "--check");
  g_assert_cmpint (run3.status, ==, 2);
  g_assert_cmpstr (run3.err, ==, "rostrum: --import cannot be used with --check, --export, --new or the listings\n");

  g_unlink (output);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* The PDF reader is a module loaded on the first PDF: where it is
 * missing, a PDF is refused in one line that says so, and the other
 * formats are read as ever.
 */
static void
test_pdf_reader_missing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rostrum-no-modules-XXXXXX", NULL);
  g_autofree char *pdf = fixture_path ("en-iom-statement.pdf");
  g_autofree char *docx = fixture_path ("en-iom-statement.docx");
  const char * const env[] = { "ROSTRUM_MODULE_DIR", dir, NULL };
  g_auto(RstTestRun) run = { 0 };
  g_auto(RstTestRun) run2 = { 0 };

  rst_test_run_rostrum_env (&run, env, (const char * const[]) { "--import", pdf, NULL });
  g_assert_cmpint (run.status, !=, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "rostrum: "));
  g_assert_nonnull (strstr (run.err, "cannot read PDFs"));
  g_assert_nonnull (strstr (run.err, "librostrum-pdf-reader"));
  /* One line. */
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);

  rst_test_run_rostrum_env (&run2, env, (const char * const[]) { "--import", docx, NULL });
  g_assert_cmpint (run2.status, ==, 0);
  g_assert_true (g_str_has_prefix (run2.out, "---\n"));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_command_line_bad_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rostrum-import-XXXXXX", NULL);
  const Entry no_document[] = { { "hello.txt", 5, "hello" } };
  static const char manifest[] =
    "<?xml version=\"1.0\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
    "<manifest:file-entry manifest:full-path=\"content.xml\"><manifest:encryption-data/></manifest:file-entry>"
    "</manifest:manifest>";
  const Entry encrypted_odt[] = {
    { "mimetype", 39, "application/vnd.oasis.opendocument.text" },
    { "META-INF/manifest.xml", sizeof manifest - 1, manifest },
    { "content.xml", 3, "xyz" },
  };
  static const char ole[] = "\320\317\021\340\241\261\032\341 E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
  g_autoptr(GBytes) text = g_bytes_new_static ("Mr. President,\n", 15);
  g_autoptr(GBytes) zip = make_zip (no_document, 1);
  g_autoptr(GBytes) odt = make_zip (encrypted_odt, G_N_ELEMENTS (encrypted_odt));
  g_autoptr(GBytes) encrypted = g_bytes_new_static (ole, sizeof ole - 1);
  g_autoptr(GBytes) scan = make_scanned_pdf ();
  g_autofree char *not_zip = write_temp (dir, "not-a-zip.docx", text);
  g_autofree char *empty_zip = write_temp (dir, "empty.docx", zip);
  g_autofree char *locked_odt = write_temp (dir, "locked.odt", odt);
  g_autofree char *locked_docx = write_temp (dir, "locked.docx", encrypted);
  g_autofree char *scanned = write_temp (dir, "scan.pdf", scan);
  g_autofree char *huge = g_build_filename (dir, "huge.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.docx", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.docx", NULL);
  int fd;

  /* 200 MB, sparse: nothing is read of it. */
  fd = g_open (huge, O_WRONLY | O_CREAT, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1000 * 1000), ==, 0);
  close (fd);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);

  assert_cli_refuses (dir, not_zip, "it is not a Word document (it is no ZIP archive); save it again as .docx");
  assert_cli_refuses (dir, empty_zip, "it is a ZIP archive without a Word or OpenDocument text in it");
  assert_cli_refuses (dir, locked_odt, "it is protected by a password; remove the password in your word processor and save it again");
  assert_cli_refuses (dir, locked_docx, "it is protected by a password; remove the password in your word processor and save it again");
  assert_cli_refuses (dir, scanned, "it has no text to read, only pictures of pages (a scan?); import the document it was made from, or run text recognition on it first");
  assert_cli_refuses (dir, huge, "it is larger than 67.1\u00a0MB, too large to be a statement");
  assert_cli_refuses (dir, fifo, "it is not a regular file but a device, a pipe or a socket");
  {
    g_auto(RstTestRun) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("rostrum: %s: no such file\n", missing);

    rst_test_run_rostrum (&run, "--import", missing);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, expected);
  }

  /* Nothing else was touched: the inputs only. */
  g_assert_true (folder_holds_only (dir, 7));

  /* Never onto the input, however it is spelt. */
  {
    g_auto(RstTestRun) run = { 0 };
    g_autofree char *source = fixture_path ("en-iom-statement.docx");
    g_autofree char *copy = g_build_filename (dir, "copy.docx", NULL);
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *spelt = g_build_filename (dir, ".", "copy.docx", NULL);
    gsize before_len, after_len;

    g_file_get_contents (source, &before, &before_len, NULL);
    g_file_set_contents (copy, before, before_len, NULL);
    expected = g_strdup_printf ("rostrum: cannot import “%s” onto itself; choose another --output\n", copy);
    rst_test_run_rostrum (&run, "--import", copy, "--output", spelt);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.err, ==, expected);
    g_file_get_contents (copy, &after, &after_len, NULL);
    g_assert_cmpmem (before, before_len, after, after_len);
    g_unlink (copy);
  }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/import/fixture/%s", fixtures[i]);

      g_test_add_data_func (path, fixtures[i], test_fixture);
    }
  g_test_add_func ("/import/english-content", test_english_content);
  g_test_add_func ("/import/same-in-every-format", test_same_in_every_format);
  g_test_add_func ("/import/html-paste", test_html_paste);
  g_test_add_func ("/import/text", test_text);
  g_test_add_func ("/import/formats", test_formats);
  g_test_add_func ("/import/bad/zips", test_bad_zips);
  g_test_add_func ("/import/bad/xml", test_bad_xml);
  g_test_add_func ("/import/bad/other", test_bad_other);
  g_test_add_func ("/import/bad/scanned-pdf", test_scanned_pdf);
  g_test_add_func ("/import/command-line", test_command_line);
  g_test_add_func ("/import/command-line/bad-input", test_command_line_bad_input);
  g_test_add_func ("/import/command-line/pdf-reader-missing", test_pdf_reader_missing);

  return g_test_run ();
}
