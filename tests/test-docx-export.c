/* test-docx-export.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The DOCX is unpacked with libarchive and every part read with libxml2.
 */

#include "config.h"

#include "rst-test-export.h"

#define NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define NS_CT  "http://schemas.openxmlformats.org/package/2006/content-types"
#define NS_CP  "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#define NS_DC  "http://purl.org/dc/elements/1.1/"

typedef struct
{
  char *style;
  char *text;
} Paragraph;

static void
paragraph_clear (gpointer data)
{
  Paragraph *p = data;

  g_free (p->style);
  g_free (p->text);
}

/* Style id → style name, from word/styles.xml. */
static GHashTable *
read_style_names (RstTestZip *zip)
{
  xmlDocPtr doc = rst_test_parse_part (zip, "word/styles.xml");
  xmlXPathObjectPtr styles = rst_test_xpath (doc, NULL, "/w:styles/w:style", "w", NS_W, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (int i = 0; styles->nodesetval && i < styles->nodesetval->nodeNr; i++)
    {
      xmlNodePtr style = styles->nodesetval->nodeTab[i];
      xmlXPathObjectPtr name = rst_test_xpath (doc, style, "w:name", "w", NS_W, NULL);

      g_assert_cmpint (name->nodesetval->nodeNr, ==, 1);
      g_hash_table_insert (names, rst_test_xml_prop (style, "styleId", NS_W),
                           rst_test_xml_prop (name->nodesetval->nodeTab[0], "val", NS_W));
      xmlXPathFreeObject (name);
    }

  xmlXPathFreeObject (styles);
  xmlFreeDoc (doc);

  return names;
}

/* The text Word shows: w:t, w:br as a line break, in document order. */
static void
collect_text (xmlNodePtr  node,
              GString    *text)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (g_str_equal ((const char *) child->name, "t"))
        {
          xmlChar *content = xmlNodeGetContent (child);
          g_string_append (text, (const char *) content);
          xmlFree (content);
        }
      else if (g_str_equal ((const char *) child->name, "br"))
        g_string_append_c (text, '\n');
      else if (!g_str_equal ((const char *) child->name, "pPr"))
        collect_text (child, text);
    }
}

static GArray *
read_paragraphs (RstTestZip *zip,
                 GHashTable *style_names)
{
  xmlDocPtr doc = rst_test_parse_part (zip, "word/document.xml");
  xmlXPathObjectPtr paragraphs = rst_test_xpath (doc, NULL, "/w:document/w:body/w:p", "w", NS_W, NULL);
  GArray *result = g_array_new (FALSE, TRUE, sizeof (Paragraph));

  g_array_set_clear_func (result, paragraph_clear);

  for (int i = 0; paragraphs->nodesetval && i < paragraphs->nodesetval->nodeNr; i++)
    {
      xmlNodePtr p = paragraphs->nodesetval->nodeTab[i];
      xmlXPathObjectPtr style = rst_test_xpath (doc, p, "w:pPr/w:pStyle", "w", NS_W, NULL);
      g_autofree char *id = NULL;
      GString *text = g_string_new (NULL);
      Paragraph paragraph;

      g_assert_cmpint (style->nodesetval->nodeNr, ==, 1);
      id = rst_test_xml_prop (style->nodesetval->nodeTab[0], "val", NS_W);
      /* A real, named style of the package. */
      g_assert_true (g_hash_table_contains (style_names, id));
      collect_text (p, text);

      paragraph.style = g_strdup (g_hash_table_lookup (style_names, id));
      paragraph.text = g_string_free (text, FALSE);
      g_array_append_val (result, paragraph);
      xmlXPathFreeObject (style);
    }

  xmlXPathFreeObject (paragraphs);
  xmlFreeDoc (doc);

  return result;
}

static char *
xpath_string (RstTestZip *zip,
              const char *part,
              const char *expression)
{
  xmlDocPtr doc = rst_test_parse_part (zip, part);
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;
  xmlChar *string;
  char *value;

  xmlXPathRegisterNs (context, (const xmlChar *) "w", (const xmlChar *) NS_W);
  xmlXPathRegisterNs (context, (const xmlChar *) "cp", (const xmlChar *) NS_CP);
  xmlXPathRegisterNs (context, (const xmlChar *) "dc", (const xmlChar *) NS_DC);
  xmlXPathRegisterNs (context, (const xmlChar *) "ct", (const xmlChar *) NS_CT);
  xmlXPathRegisterNs (context, (const xmlChar *) "rel", (const xmlChar *) NS_REL);
  result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  g_assert_nonnull (result);
  string = xmlXPathCastToString (result);
  value = g_strdup ((const char *) string);
  xmlFree (string);
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  xmlFreeDoc (doc);

  return value;
}

static void
assert_package (RstTestZip *zip)
{
  static const char * const required[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
    "word/_rels/document.xml.rels", "docProps/core.xml",
  };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_true (g_hash_table_contains (zip->parts, required[i]));

  /* Every part is XML that parses, and has a content type. */
  for (guint i = 0; i < zip->order->len; i++)
    {
      const char *name = g_ptr_array_index (zip->order, i);
      xmlDocPtr doc = rst_test_parse_part (zip, name);
      g_autofree char *expression = NULL;
      g_autofree char *type = NULL;

      xmlFreeDoc (doc);
      if (g_str_has_suffix (name, ".rels") || g_str_equal (name, "[Content_Types].xml"))
        continue;
      expression = g_strdup_printf ("string(/ct:Types/ct:Override[@PartName='/%s']/@ContentType)", name);
      type = xpath_string (zip, "[Content_Types].xml", expression);
      g_assert_cmpstr (type, !=, "");
    }

  /* Every relationship points at a part that is there. */
  {
    g_autofree char *main_part = xpath_string (zip, "_rels/.rels",
                                               "string(/rel:Relationships/rel:Relationship[contains(@Type,'officeDocument')]/@Target)");
    g_autofree char *core = xpath_string (zip, "_rels/.rels",
                                          "string(/rel:Relationships/rel:Relationship[contains(@Type,'core-properties')]/@Target)");
    g_autofree char *styles = xpath_string (zip, "word/_rels/document.xml.rels",
                                            "string(/rel:Relationships/rel:Relationship[contains(@Type,'/styles')]/@Target)");
    g_autofree char *styles_part = g_strconcat ("word/", styles, NULL);

    g_assert_true (g_hash_table_contains (zip->parts, main_part));
    g_assert_true (g_hash_table_contains (zip->parts, core));
    g_assert_true (g_hash_table_contains (zip->parts, styles_part));
  }
}

static void
test_docx_fixture (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture (TRUE);
  g_autoptr(GFile) file = rst_test_export (analysis, RST_EXPORT_DOCX, "statement.docx");
  g_autoptr(RstTestZip) zip = rst_test_unzip (file);
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *title = NULL;
  g_autofree char *creator = NULL;
  g_autofree char *language = NULL;
  g_autofree char *page_width = NULL;
  g_autofree char *heading_run_style = NULL;
  guint n = 0;
  guint first;

  assert_package (zip);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  /* The delivery mark and the session line come first, then every
   * paragraph of the body in order, each with its style.
   */
  g_assert_cmpuint (paragraphs->len, >=, 2);
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Delivery Mark");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "Check against delivery");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).style, ==, "Rostrum Session Line");
  g_assert_nonnull (strstr (g_array_index (paragraphs, Paragraph, 1).text, "114th Session"));
  first = 2;

  rst_test_get_paragraphs (analysis, &n);
  g_assert_cmpuint (paragraphs->len, ==, first + n);
  for (guint i = 0; i < n; i++)
    {
      const Paragraph *p = &g_array_index (paragraphs, Paragraph, first + i);
      g_autofree char *expected = rst_test_paragraph_text (analysis, i);
      g_autofree char *got = g_strdelimit (g_strdup (p->text), "\n", ' ');

      g_assert_cmpstr (got, ==, expected);
      g_assert_cmpstr (p->style, ==, rst_test_fixture_style (analysis, i));
    }

  /* The heading keeps its two lines; its "**" is a named bold style. */
  g_assert_nonnull (strchr (g_array_index (paragraphs, Paragraph, first).text, '\n'));
  heading_run_style = xpath_string (zip, "word/document.xml",
                                    "string(/w:document/w:body/w:p[3]/w:r[1]/w:rPr/w:rStyle/@w:val)");
  g_assert_cmpstr (g_hash_table_lookup (style_names, heading_run_style), ==, "Rostrum Bold");

  title = xpath_string (zip, "docProps/core.xml", "string(/cp:coreProperties/dc:title)");
  creator = xpath_string (zip, "docProps/core.xml", "string(/cp:coreProperties/dc:creator)");
  language = xpath_string (zip, "docProps/core.xml", "string(/cp:coreProperties/dc:language)");
  g_assert_cmpstr (title, ==, "Statement by H.E. Ambassador Chen Xu");
  g_assert_cmpstr (creator, ==, "China");
  g_assert_cmpstr (language, ==, "en");

  /* The page of the council the details name (IOM): A4 in twentieths
   * of a point.
   */
  g_assert_cmpstr (rst_analysis_get_council_id (analysis), ==, "iom");
  g_assert_cmpstr (rst_council_get_paper (rst_analysis_get_council (analysis)), ==, "a4");
  page_width = xpath_string (zip, "word/document.xml", "string(//w:sectPr/w:pgSz/@w:w)");
  g_assert_cmpstr (page_width, ==, "11906");
}

static void
test_docx_markup_and_placeholders (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *italic = NULL;
  g_autofree char *bold = NULL;
  g_autofree char *showing = NULL;
  g_autofree char *prompt = NULL;
  g_autofree char *prompt_style = NULL;
  g_autofree char *escaped = NULL;

  analysis = rst_test_analyse ("---\ndelivery-mark: \"\"\n---\n"
                              "Madam President,\n\n"
                              "We welcome {{Name of the minister}} & <the> *new* **team**.\n\n"
                              "Thank you.\n");
  file = rst_test_export (analysis, RST_EXPORT_DOCX, "slots.docx");
  zip = rst_test_unzip (file);
  assert_package (zip);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  /* An empty delivery mark in the details: none at all. */
  g_assert_cmpuint (paragraphs->len, ==, 3);
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Salutation");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).style, ==, "Rostrum Body");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 2).style, ==, "Rostrum Closing");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).text, ==,
                   "We welcome Name of the minister & <the> new team.");

  /* The slot is a placeholder content control showing its prompt. */
  showing = xpath_string (zip, "word/document.xml", "string(count(//w:sdt/w:sdtPr/w:showingPlcHdr))");
  g_assert_cmpstr (showing, ==, "1");
  prompt = xpath_string (zip, "word/document.xml", "string(//w:sdt/w:sdtContent//w:t)");
  g_assert_cmpstr (prompt, ==, "Name of the minister");
  prompt_style = xpath_string (zip, "word/document.xml", "string(//w:sdt/w:sdtContent/w:r/w:rPr/w:rStyle/@w:val)");
  g_assert_cmpstr (g_hash_table_lookup (style_names, prompt_style), ==, "Placeholder Text");

  italic = xpath_string (zip, "word/document.xml", "string(//w:r[w:t='new']/w:rPr/w:rStyle/@w:val)");
  bold = xpath_string (zip, "word/document.xml", "string(//w:r[w:t='team']/w:rPr/w:rStyle/@w:val)");
  g_assert_cmpstr (g_hash_table_lookup (style_names, italic), ==, "Rostrum Italic");
  g_assert_cmpstr (g_hash_table_lookup (style_names, bold), ==, "Rostrum Bold");

  /* "&" and "<" reach the file escaped, never as markup. */
  {
    GBytes *bytes = g_hash_table_lookup (zip->parts, "word/document.xml");
    gsize size;
    const char *data = g_bytes_get_data (bytes, &size);

    escaped = g_strndup (data, size);
    g_assert_nonnull (strstr (escaped, "&amp; &lt;the&gt;"));
  }
}

/* The council's page: letter paper and its margins reach sectPr. */
static void
test_docx_council_page (void)
{
  g_autoptr(RstCouncil) unga = rst_test_lookup_council ("unga");
  g_autoptr(RstAnalysis) analysis = rst_test_load_fixture_for (TRUE, unga);
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autofree char *width = NULL;
  g_autofree char *top = NULL;
  g_autofree char *font = NULL;
  g_autofree char *expected_width = NULL;
  g_autofree char *expected_top = NULL;
  double margin_top, right, bottom, left;

  file = rst_test_export (analysis, RST_EXPORT_DOCX, "unga.docx");
  zip = rst_test_unzip (file);

  width = xpath_string (zip, "word/document.xml", "string(//w:sectPr/w:pgSz/@w:w)");
  top = xpath_string (zip, "word/document.xml", "string(//w:sectPr/w:pgMar/@w:top)");
  font = xpath_string (zip, "word/styles.xml", "string(//w:docDefaults//w:rFonts/@w:ascii)");

  rst_council_get_margins_mm (unga, &margin_top, &right, &bottom, &left);
  g_assert_cmpstr (rst_council_get_paper (unga), ==, "letter");
  expected_width = g_strdup_printf ("%d", 12240);
  expected_top = g_strdup_printf ("%d", (int) (margin_top * 72.0 / 25.4 * 20 + 0.5));
  g_assert_cmpstr (width, ==, expected_width);
  g_assert_cmpstr (top, ==, expected_top);
  g_assert_cmpstr (font, ==, rst_council_get_font (unga));
}

/* A delivery mark the drafter wrote is kept where it is, styled, and
 * the profile's is not added a second time.
 */
static void
test_docx_delivery_mark_in_body (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  guint marks = 0;

  analysis = rst_test_analyse ("Check against delivery\n\n"
                              "**Statement by the Delegation of Testland**\n\n"
                              "Mr. Chairperson,\n\n"
                              "We support the draft resolution.\n\n"
                              "I thank you.\n");
  file = rst_test_export (analysis, RST_EXPORT_DOCX, "mark.docx");
  zip = rst_test_unzip (file);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  g_assert_cmpuint (paragraphs->len, ==, 5);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      if (g_str_equal (g_array_index (paragraphs, Paragraph, i).style, "Rostrum Delivery Mark"))
        marks++;
    }
  g_assert_cmpuint (marks, ==, 1);
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Delivery Mark");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "Check against delivery");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).style, ==, "Rostrum Heading");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 2).style, ==, "Rostrum Salutation");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 3).style, ==, "Rostrum Body");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 4).style, ==, "Rostrum Closing");
}

/* How many nodes @expression selects in @part. */
static int
xpath_count (RstTestZip *zip,
             const char *part,
             const char *expression)
{
  g_autofree char *count = NULL;
  g_autofree char *wrapped = g_strdup_printf ("count(%s)", expression);

  count = xpath_string (zip, part, wrapped);
  return atoi (count);
}

/* The footer as Word shows it, its fields by their names. */
static char *
footer_text (RstTestZip *zip)
{
  xmlDocPtr doc = rst_test_parse_part (zip, "word/footer1.xml");
  GString *text = g_string_new (NULL);
  xmlXPathObjectPtr nodes = rst_test_xpath (doc, NULL, "//w:t | //w:fldSimple | //w:tab", "w", NS_W, NULL);

  for (int i = 0; nodes->nodesetval && i < nodes->nodesetval->nodeNr; i++)
    {
      xmlNodePtr node = nodes->nodesetval->nodeTab[i];

      if (g_str_equal ((const char *) node->name, "fldSimple"))
        {
          g_autofree char *instr = rst_test_xml_prop (node, "instr", NS_W);

          g_string_append_printf (text, "{%s}", g_strstrip (instr));
        }
      else if (g_str_equal ((const char *) node->name, "tab"))
        {
          g_string_append_c (text, '\t');
        }
      else if (node->parent == NULL || node->parent->parent == NULL ||
               !g_str_equal ((const char *) node->parent->parent->name, "fldSimple"))
        {
          xmlChar *content = xmlNodeGetContent (node);

          g_string_append (text, (const char *) content);
          xmlFree (content);
        }
    }

  xmlXPathFreeObject (nodes);
  xmlFreeDoc (doc);

  return g_string_free (text, FALSE);
}

/* An Arabic statement: paragraphs right to left (<w:bidi/>), Arabic runs
 * marked <w:rtl/> and Latin ones not, the Arabic face in the complex
 * script slot, the language for it, and all its words in Arabic.
 */
static void
test_docx_arabic (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *cs = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *bidi = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *latin_rtl = NULL;
  g_autofree char *arabic_rtl = NULL;
  int styles, bidi_styles;

  /* A Latin name in an Arabic statement, as drafters write them. */
  analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
  {
    g_autofree char *text = g_strconcat (rst_analysis_get_text (analysis),
                                         "\nونشكر المنظمة الدولية للهجرة (IOM) على دعمها.\n", NULL);

    g_clear_object (&analysis);
    analysis = rst_test_analyse (text);
  }
  g_assert_cmpstr (rst_analysis_get_language (analysis), ==, "ar");

  file = rst_test_export (analysis, RST_EXPORT_DOCX, "ar.docx");
  zip = rst_test_unzip (file);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  /* Every paragraph runs right to left, by default and in every style. */
  g_assert_cmpint (xpath_count (zip, "word/styles.xml", "//w:docDefaults/w:pPrDefault/w:pPr/w:bidi"), ==, 1);
  styles = xpath_count (zip, "word/styles.xml", "/w:styles/w:style[@w:type='paragraph' and @w:customStyle='1']");
  bidi_styles = xpath_count (zip, "word/styles.xml",
                             "/w:styles/w:style[@w:type='paragraph' and @w:customStyle='1']/w:pPr/w:bidi");
  g_assert_cmpint (styles, >=, 6);
  g_assert_cmpint (bidi_styles, ==, styles);

  /* The Arabic face for complex script, the council's for Latin. */
  cs = xpath_string (zip, "word/styles.xml", "string(//w:docDefaults//w:rFonts/@w:cs)");
  ascii = xpath_string (zip, "word/styles.xml", "string(//w:docDefaults//w:rFonts/@w:ascii)");
  bidi = xpath_string (zip, "word/styles.xml", "string(//w:docDefaults//w:lang/@w:bidi)");
  g_assert_cmpstr (cs, ==, rst_writing_get_fonts (rst_writing_get ("ar"), TRUE)[0]);
  g_assert_cmpstr (ascii, ==, rst_council_get_font (rst_analysis_get_council (analysis)));
  g_assert_cmpstr (bidi, ==, "ar-SA");

  /* <w:rtl/> on Arabic runs, not on the Latin name. */
  latin_rtl = xpath_string (zip, "word/document.xml", "count(//w:r[w:t[contains(., 'IOM')]]/w:rPr/w:rtl)");
  arabic_rtl = xpath_string (zip, "word/document.xml", "count(//w:r[w:t[contains(., 'ونشكر')]]/w:rPr/w:rtl)");
  g_assert_cmpstr (latin_rtl, ==, "0");
  g_assert_cmpstr (arabic_rtl, ==, "1");
  g_assert_cmpint (xpath_count (zip, "word/document.xml", "//w:t[contains(., 'IOM')]"), ==, 1);

  /* The words around the statement: Arabic. */
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Delivery Mark");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "العبرة بالإلقاء");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 1).style, ==, "Rostrum Session Line");
  g_assert_true (g_str_has_prefix (g_array_index (paragraphs, Paragraph, 1).text, "مجلس المنظمة الدولية للهجرة، الدورة "));
  footer = footer_text (zip);
  g_assert_cmpstr (footer, ==, "\tالصفحة {PAGE} من {NUMPAGES}");
  for (guint i = 0; i < 2; i++)
    g_assert_false (rst_test_has_latin (g_array_index (paragraphs, Paragraph, i).text));

  /* Arabic has no italics: the delivery mark stands upright. */
  g_assert_cmpint (xpath_count (zip, "word/styles.xml", "//w:style[@w:styleId='RostrumDeliveryMark']//w:i"), ==, 0);
  g_assert_cmpint (xpath_count (zip, "word/styles.xml", "//w:style[@w:styleId='RostrumDeliveryMark']//w:b"), ==, 1);
}

/* A Chinese statement: the East Asian face and language, kinsoku line
 * breaking, left to right, all its words in Chinese.
 */
static void
test_docx_chinese (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_corpus ("zh-iom-114-china.txt", "");
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *east_asia = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *footer = NULL;

  file = rst_test_export (analysis, RST_EXPORT_DOCX, "zh.docx");
  zip = rst_test_unzip (file);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  east_asia = xpath_string (zip, "word/styles.xml", "string(//w:docDefaults//w:rFonts/@w:eastAsia)");
  lang = xpath_string (zip, "word/styles.xml", "string(//w:docDefaults//w:lang/@w:eastAsia)");
  g_assert_cmpstr (east_asia, ==, "Noto Serif CJK SC");
  g_assert_cmpstr (lang, ==, "zh-CN");
  g_assert_cmpint (xpath_count (zip, "word/styles.xml", "//w:docDefaults//w:kinsoku"), ==, 1);
  g_assert_cmpint (xpath_count (zip, "word/styles.xml", "//w:bidi"), ==, 0);
  g_assert_cmpint (xpath_count (zip, "word/document.xml", "//w:rtl"), ==, 0);

  /* The body has the mark; the session line is Chinese. */
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Session Line");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "国际移民组织理事会 · 第114届会议");
  footer = footer_text (zip);
  g_assert_cmpstr (footer, ==, "\t第{PAGE}页，共{NUMPAGES}页");
  for (guint i = 0; i < paragraphs->len; i++)
    g_assert_false (rst_test_has_latin (g_array_index (paragraphs, Paragraph, i).text));
}

/* French: the typography of the language in the text Word gets, and no
 * council line for a statement that names none.
 */
static void
test_docx_french_generic (void)
{
  g_autoptr(RstAnalysis) analysis = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(RstTestZip) zip = NULL;
  g_autoptr(GHashTable) style_names = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autofree char *footer = NULL;

  analysis = rst_test_analyse ("---\nlang: fr\n---\n"
                               "Monsieur le Président,\n\n"
                               "Nous disons \"oui\" : la coopération est essentielle !\n\n"
                               "Je vous remercie.\n");
  g_assert_true (rst_council_is_generic (rst_analysis_get_council (analysis)));

  file = rst_test_export (analysis, RST_EXPORT_DOCX, "fr.docx");
  zip = rst_test_unzip (file);
  style_names = read_style_names (zip);
  paragraphs = read_paragraphs (zip, style_names);

  /* The generic profile's mark in French, and no session line at all:
   * no "Organe générique", no "Generic council".
   */
  g_assert_cmpuint (paragraphs->len, ==, 4);
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).style, ==, "Rostrum Delivery Mark");
  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 0).text, ==, "Seul le texte prononcé fait foi");
  for (guint i = 0; i < paragraphs->len; i++)
    g_assert_cmpstr (g_array_index (paragraphs, Paragraph, i).style, !=, "Rostrum Session Line");

  g_assert_cmpstr (g_array_index (paragraphs, Paragraph, 2).text, ==,
                   "Nous disons «\u00a0oui\u00a0»\u00a0: la coopération est essentielle\u00a0!");
  footer = footer_text (zip);
  g_assert_cmpstr (footer, ==, "\tPage {PAGE} sur {NUMPAGES}");
}

/* If LibreOffice is at hand, it reads the Arabic body. */
static void
test_docx_libreoffice_arabic (void)
{
  g_autoptr(RstAnalysis) analysis = rst_test_load_corpus ("ar-iom-114-egypt.txt", "");
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

  file = rst_test_export (analysis, RST_EXPORT_DOCX, "ar.docx");
  text = rst_test_soffice_text (file);
  squeezed = rst_test_squeeze_visible (text, "\xef\xbb\xbf");
  g_assert_true (g_str_has_suffix (squeezed, expected));
  g_assert_false (rst_test_has_latin (squeezed));
}

/* If LibreOffice is at hand, it must read the same body. */
static void
test_docx_libreoffice (void)
{
  rst_test_assert_soffice_reads_body (RST_EXPORT_DOCX, "statement.docx");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/docx-export/fixture", test_docx_fixture);
  g_test_add_func ("/docx-export/markup-and-placeholders", test_docx_markup_and_placeholders);
  g_test_add_func ("/docx-export/council-page", test_docx_council_page);

  g_test_add_func ("/docx-export/delivery-mark-in-body", test_docx_delivery_mark_in_body);
  g_test_add_func ("/docx-export/libreoffice", test_docx_libreoffice);
  g_test_add_func ("/docx-export/arabic", test_docx_arabic);
  g_test_add_func ("/docx-export/chinese", test_docx_chinese);
  g_test_add_func ("/docx-export/french-generic", test_docx_french_generic);
  g_test_add_func ("/docx-export/libreoffice-arabic", test_docx_libreoffice_arabic);

  return g_test_run ();
}
