/* test-odt-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ODT is unpacked with libarchive and every part read with libxml2;
 * the package head is checked byte by byte, as ODF packaging demands.
 */

#include "config.h"

#include "rst-test-export.h"

#define MIME_TYPE "application/vnd.oasis.opendocument.text"

#define NS_OFFICE   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_STYLE    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_TEXT     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_FO       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
#define NS_META     "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
#define NS_DC       "http://purl.org/dc/elements/1.1/"
#define NS_MANIFEST "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"

#define NAMESPACES \
  "office", NS_OFFICE, "style", NS_STYLE, "text", NS_TEXT, "fo", NS_FO, \
  "meta", NS_META, "dc", NS_DC, "manifest", NS_MANIFEST, NULL

typedef struct
{
  char     *style;
  char     *text;
  gboolean  heading;
} Paragraph;

static void
paragraph_clear (gpointer data)
{
  Paragraph *p = data;

  g_free (p->style);
  g_free (p->text);
}

static char *
xpath_string (RstTestZip *zip,
              const char *part,
              const char *expression)
{
  xmlDocPtr doc = rst_test_parse_part (zip, part);
  xmlXPathObjectPtr result = rst_test_xpath (doc, NULL, expression, NAMESPACES);
  xmlChar *string = xmlXPathCastToString (result);
  char *value = g_strdup ((const char *) string);

  xmlFree (string);
  xmlXPathFreeObject (result);
  xmlFreeDoc (doc);

  return value;
}

/* style:name → style:display-name of the paragraph and text styles. */
static GHashTable *
read_style_names (RstTestZip *zip)
{
  xmlDocPtr doc = rst_test_parse_part (zip, "styles.xml");
  xmlXPathObjectPtr styles = rst_test_xpath (doc, NULL, "/office:document-styles/office:styles/style:style",
                                             NAMESPACES);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int i = 0; styles->nodesetval && i < styles->nodesetval->nodeNr; i++)
    {
      xmlNodePtr style = styles->nodesetval->nodeTab[i];
      char *name = rst_test_xml_prop (style, "name", NS_STYLE);
      char *display = rst_test_xml_prop (style, "display-name", NS_STYLE);

      g_hash_table_insert (names, name, display != NULL ? display : g_strdup (name));
    }

  xmlXPathFreeObject (styles);
  xmlFreeDoc (doc);

  return names;
}

/* The text Writer shows; a line break counts as one. */
static void
collect_text (xmlNodePtr  node,
              GString    *text)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        g_string_append (text, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, "line-break"))
        g_string_append_c (text, '\n');
      else if (child->type == XML_ELEMENT_NODE)
        collect_text (child, text);
    }
}

static GArray *
read_paragraphs (RstTestZip *zip,
                 GHashTable *style_names)
{
  xmlDocPtr doc = rst_test_parse_part (zip, "content.xml");
  xmlXPathObjectPtr paragraphs = rst_test_xpath (doc, NULL,
                                                 "/office:document-content/office:body/office:text/*",
                                                 NAMESPACES);
  GArray *result = g_array_new (FALSE, TRUE, sizeof (Paragraph));

  g_array_set_clear_func (result, paragraph_clear);

  for (int i = 0; paragraphs->nodesetval && i < paragraphs->nodesetval->nodeNr; i++)
    {
      xmlNodePtr p = paragraphs->nodesetval->nodeTab[i];
      g_autofree char *name = rst_test_xml_prop (p, "style-name", NS_TEXT);
      GString *text = g_string_new (NULL);
      Paragraph paragraph;

      g_assert_true (g_str_equal ((const char *) p->name, "p") || g_str_equal ((const char *) p->name, "h"));
      /* A real, named style of styles.xml. */
      g_assert_nonnull (name);
      g_assert_true (g_hash_table_contains (style_names, name));
      collect_text (p, text);

      paragraph.style = g_strdup (g_hash_table_lookup (style_names, name));
      paragraph.text = g_string_free (text, FALSE);
      paragraph.heading = g_str_equal ((const char *) p->name, "h");
      g_array_append_val (result, paragraph);
    }

  xmlXPathFreeObject (paragraphs);
  xmlFreeDoc (doc);

  return result;
}

/* ODF packaging: "mimetype" is the first entry, stored, and its bytes
 * say what the package is.
 */
/* Zip header fields are little-endian and unaligned. */
static guint32
read_le (const char *data,
         gsize       size)
{
  guint32 value = 0;

  for (gsize i = size; i > 0; i--)
    value = (value << 8) | (guint8)data[i - 1];

  return value;
}

static void
assert_package_head (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  guint16 method, name_length, extra_length;
  guint32 stored_size;

  g_file_load_contents (file, NULL, &data, &size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (size, >, 30 + 8 + strlen (MIME_TYPE));

  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  method = read_le (data + 8, 2);
  stored_size = read_le (data + 18, 4);
  name_length = read_le (data + 26, 2);
  extra_length = read_le (data + 28, 2);

  g_assert_cmpuint (method, ==, 0);
  g_assert_cmpuint (stored_size, ==, strlen (MIME_TYPE));
  g_assert_cmpmem (data + 30, name_length, "mimetype", 8);
  g_assert_cmpmem (data + 30 + name_length + extra_length, strlen (MIME_TYPE), MIME_TYPE, strlen (MIME_TYPE));
}

static void
assert_package (GFile      *file,
                RstTestZip *zip)
{
  static const char * const parts[] = { "content.xml", "styles.xml", "meta.xml" };
  GBytes *mimetype;

  assert_package_head (file);

  g_assert_cmpstr (g_ptr_array_index (zip->order, 0), ==, "mimetype");
  mimetype = g_hash_table_lookup (zip->parts, "mimetype");
  g_assert_cmpmem (g_bytes_get_data (mimetype, NULL), g_bytes_get_size (mimetype),
                   MIME_TYPE, strlen (MIME_TYPE));

  /* Every other entry is XML that parses; the manifest lists the parts. */
  for (guint i = 1; i < zip->order->len; i++)
    xmlFreeDoc (rst_test_parse_part (zip, g_ptr_array_index (zip->order, i)));

  {
    g_autofree char *root = xpath_string (zip, "META-INF/manifest.xml",
                                          "string(//manifest:file-entry[@manifest:full-path='/']/@manifest:media-type)");
    g_assert_cmpstr (root, ==, MIME_TYPE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *expression = g_strdup_printf ("count(//manifest:file-entry[@manifest:full-path='%s'])",
                                                     parts[i]);
      g_autofree char *count = xpath_string (zip, "META-INF/manifest.xml", expression);

      g_assert_true (g_hash_table_contains (zip->parts, parts[i]));
      g_assert_cmpstr (count, ==, "1");
    }
}

static void
test_odt_fixture (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GFile) file = rst_test_export (analysis, RST_EXPORT_ODT, "statement.odt");
  g_autoptr(RstTestZip) zip = rst_test_unzip (file);
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *language = NULL;
  g_autofree char *page_width = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *heading_span = NULL;
  guint n = 0;
  const guint first = 2;

  assert_package (file, zip);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Delivery Mark");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "Check against delivery");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).style, ==, "Rostrum Session Line");
  g_assert_nonnull (strstr (g_array_index (paragraphs, Paragraph, 1).text, "28 November 2023"));

  rst_test_get_paragraphs (analysis, &n);
  g_assert_cmpuint (paragraphs->len, ==, first + n);
  for (guint i = 0; i < n; i++)
    {
      const Paragraph *p = &g_array_index (paragraphs, Paragraph, first + i);
      g_autofree char *expected = rst_test_paragraph_text (analysis, i);
      g_autofree char *got = g_strdelimit (g_strdup (p->text), "\n", ' ');

      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpstr (p->style, ==, rst_test_fixture_style (analysis, i));
      /* The heading is an outline heading, the rest paragraphs. */
      g_assert_cmpint (p->heading, ==, i == 0);
    }

  heading_span = xpath_string (zip, "content.xml", "string(//text:h/text:span/@text:style-name)");
  g_assert_cmpstr (g_hash_table_lookup (style_names, heading_span), ==, "Rostrum Bold");

  title = xpath_string (zip, "meta.xml", "string(//office:meta/dc:title)");
  creator = xpath_string (zip, "meta.xml", "string(//office:meta/dc:creator)");
  language = xpath_string (zip, "meta.xml", "string(//office:meta/dc:language)");
  g_assert_cmpstr (title, ==, "Statement by H.E. Ambassador Chen Xu");
  g_assert_cmpstr (creator, ==, "China");
  g_assert_cmpstr (language, ==, "en");

  /* The A4 page of the council the details name (IOM), and a footer
   * with the delegation and page.
   */
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  g_assert_cmpstr (rst_council_get_paper (rst_analysis_get_council (analysis)), ==, "a4");
  page_width = xpath_string (zip, "styles.xml", "string(//style:page-layout-properties/@fo:page-width)");
  g_assert_true (g_str_has_prefix (page_width, "595."));
  footer = xpath_string (zip, "styles.xml", "string(//style:master-page/style:footer)");
  g_assert_true (g_str_has_prefix (footer, "China"));
  {
    g_autofree char *numbers = xpath_string (zip, "styles.xml", "count(//style:footer//text:page-number)");
    g_assert_cmpstr (numbers, ==, "1");
  }
}

static void
test_odt_markup_and_placeholders (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *description = NULL;
  g_autofree char *type = NULL;
  g_autofree char *italic = NULL;
  g_autofree char *bold = NULL;

  analysis = rst_test_analyse ("---\ndelivery-mark: \"\"\n---\n"
                              "Madam President,\n\n"
                              "We welcome {{Name of the minister}} & <the> *new* **team**.\n\n"
                              "Thank you.\n");
  file = rst_test_export (analysis, RST_EXPORT_ODT, "slots.odt");
  zip = rst_test_unzip (file);
  assert_package (file, zip);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  g_assert_cmpuint (paragraphs->len, ==, 3);
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Salutation");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).style, ==, "Rostrum Body");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 2).style, ==, "Rostrum Closing");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).text, ==,
                   "We welcome <Name of the minister> & <the> new team.");

  description = xpath_string (zip, "content.xml", "string(//text:placeholder/@text:description)");
  type = xpath_string (zip, "content.xml", "string(//text:placeholder/@text:placeholder-type)");
  g_assert_cmpstr (description, ==, "Name of the minister");
  g_assert_cmpstr (type, ==, "text");

  italic = xpath_string (zip, "content.xml", "string(//text:span[.='new']/@text:style-name)");
  bold = xpath_string (zip, "content.xml", "string(//text:span[.='team']/@text:style-name)");
  g_assert_cmpstr (g_hash_table_lookup (style_names, italic), ==, "Rostrum Italic");
  g_assert_cmpstr (g_hash_table_lookup (style_names, bold), ==, "Rostrum Bold");
}

/* If LibreOffice is at hand, it must read the same body. */
static void
assert_xpath (RstTestZip *zip,
              const char *part,
              const char *expression,
              const char *expected)
{
  g_autofree char *value = xpath_string (zip, part, expression);

  g_assert_cmpstr (value, ==, expected);
}

/* An Arabic statement: every paragraph style runs right to left, the
 * complex-script face and language are Arabic, and so are its words.
 */
static void
test_odt_arabic (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *rtl_styles = NULL;
  g_autofree char *footer = NULL;
  const char *face = rst_writing_get_fonts (rst_writing_get ("ar"), TRUE)[0];
  g_autofree char *face_decl = g_strdup_printf ("count(//office:font-face-decls/style:font-face[@style:name='%s'])", face);

  file = rst_test_export (analysis, RST_EXPORT_ODT, "ar.odt");
  zip = rst_test_unzip (file);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  styles = xpath_string (zip, "styles.xml", "count(//office:styles/style:style[@style:family='paragraph'])");
  rtl_styles = xpath_string (zip, "styles.xml",
                             "count(//office:styles/style:style[@style:family='paragraph']"
                             "/style:paragraph-properties[@style:writing-mode='rl-tb'])");
  g_assert_cmpint (atoi (styles), >=, 6);
  g_assert_cmpstr (rtl_styles, ==, styles);
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:paragraph-properties/@style:writing-mode)", "rl-tb");
  assert_xpath (zip, "styles.xml", "string(//style:page-layout-properties/@style:writing-mode)", "rl-tb");

  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@fo:language)", "ar");
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:language-complex)", "ar");
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:country-complex)", "SA");
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:font-name-complex)", face);
  assert_xpath (zip, "styles.xml", face_decl, "1");
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:font-name)",
                rst_council_get_font (rst_analysis_get_council (analysis)));

  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Delivery Mark");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "العبرة بالإلقاء");
  g_assert_true (g_str_has_prefix (g_array_index (paragraphs, Paragraph, 1).text, "مجلس المنظمة الدولية للهجرة، الدورة "));
  for (guint i = 0; i < paragraphs->len; i++)
    g_assert_false (rst_test_has_latin (g_array_index (paragraphs, Paragraph, i).text));

  /* The footer: "الصفحة N من M", the numbers as fields. */
  footer = xpath_string (zip, "styles.xml", "string(//style:master-page/style:footer)");
  g_assert_cmpstr (footer, ==, "\u0627\u0644\u0635\u0641\u062d\u0629 1 \u0645\u0646 1");
  assert_xpath (zip, "styles.xml", "count(//style:footer//text:page-number)", "1");
  assert_xpath (zip, "styles.xml", "count(//style:footer//text:page-count)", "1");
}

/* A Chinese statement: the Asian face and language, zh-CN. */
static void
test_odt_chinese (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_corpus ("zh-iom-114-china.txt", "");
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;

  file = rst_test_export (analysis, RST_EXPORT_ODT, "zh.odt");
  zip = rst_test_unzip (file);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:language-asian)", "zh");
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:country-asian)", "CN");
  assert_xpath (zip, "styles.xml", "string(//style:default-style/style:text-properties/@style:font-name-asian)",
                "Noto Serif CJK SC");
  assert_xpath (zip, "styles.xml", "count(//office:font-face-decls/style:font-face[@style:name='Noto Serif CJK SC'])", "1");
  assert_xpath (zip, "styles.xml", "count(//style:paragraph-properties[@style:writing-mode='rl-tb'])", "0");
  /* A bold heading is bold in Chinese too. */
  assert_xpath (zip, "styles.xml",
                "string(//style:style[@style:name='Rostrum_20_Heading']/style:text-properties/@style:font-weight-asian)",
                "bold");

  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "国际移民组织理事会 · 第114届会议");
  assert_xpath (zip, "styles.xml", "string(//style:master-page/style:footer)", "第1页，共1页");
  for (guint i = 0; i < paragraphs->len; i++)
    g_assert_false (rst_test_has_latin (g_array_index (paragraphs, Paragraph, i).text));
}

/* If LibreOffice is at hand, it reads the Chinese body. */
static void
test_odt_libreoffice_chinese (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_corpus ("zh-iom-114-china.txt", "");
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *expected = rst_test_expected_body (analysis);

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed");
      return;
    }

  file = rst_test_export (analysis, RST_EXPORT_ODT, "zh.odt");
  text = rst_test_soffice_text (file);
  squeezed = rst_test_squeeze_visible (text, "\xef\xbb\xbf");
  g_assert_true (g_str_has_suffix (squeezed, expected));
}

static void
test_odt_libreoffice (void)
{
  rst_test_assert_soffice_reads_body (RST_EXPORT_ODT, "statement.odt");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/odt-export/fixture", test_odt_fixture);
  g_test_add_func ("/odt-export/markup-and-placeholders", test_odt_markup_and_placeholders);

  g_test_add_func ("/odt-export/libreoffice", test_odt_libreoffice);
  g_test_add_func ("/odt-export/arabic", test_odt_arabic);
  g_test_add_func ("/odt-export/chinese", test_odt_chinese);
  g_test_add_func ("/odt-export/libreoffice-chinese", test_odt_libreoffice_chinese);

  return g_test_run ();
}
