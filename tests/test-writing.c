/* test-writing.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How each of the six languages is written on paper: the words an export
 * prints around a statement, dates, typography, direction, faces and
 * dictionaries, all read from data/rules/<lang>.ini.
 */

#include "config.h"

#include <string.h>

#include "rst-language.h"
#include "rst-writing.h"

#define NBSP "\xc2\xa0"
#define NNBSP "\xe2\x80\xaf"

static void
test_lookup (void)
{
  const RstWriting *english = rst_writing_get ("en");

  g_assert_nonnull (english);
  g_assert_cmpstr (rst_writing_get_language (english), ==, "en");
  /* A region or a language without a file: once, as the rules do. */
  g_assert_true (rst_writing_get ("fr-CH") == rst_writing_get ("fr"));
  g_assert_true (rst_writing_get ("zh_CN.UTF-8") == rst_writing_get ("zh"));
  g_assert_true (rst_writing_get (NULL) == english);
  g_assert_true (rst_writing_get ("xx") == english);
  g_assert_true (rst_writing_get ("") == english);

  for (const char * const *lang = rst_language_get_all (); *lang != NULL; lang++)
    g_assert_cmpstr (rst_writing_get_language (rst_writing_get (*lang)), ==, *lang);
}

static void
test_page_number (void)
{
  static const struct {
    const char *lang;
    guint       page;
    guint       pages;
    const char *text;
  } cases[] = {
    { "ar", 1, 1, "الصفحة 1 من 1" },
    { "en", 2, 5, "Page 2 of 5" },
    { "es", 2, 5, "Página 2 de 5" },
    { "fr", 2, 5, "Page 2 sur 5" },
    { "ru", 12, 30, "Страница 12 из 30" },
    { "zh", 2, 5, "第2页，共5页" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = rst_writing_format_page_number (rst_writing_get (cases[i].lang),
                                                              cases[i].page, cases[i].pages);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

}

/* The footer piece by piece, as DOCX and ODT write it with fields. */
static char *
pieces (const char *lang)
{
  const RstWriting *writing = rst_writing_get (lang);
  GString *out = g_string_new (NULL);
  const char *literal;
  gsize literal_len;
  RstPageField field;
  gsize position = 0;
  guint n = 0;

  while (rst_writing_next_page_number_piece (writing, &position, &literal, &literal_len, &field))
    {
      g_assert_cmpuint (++n, <=, 8);
      g_string_append_printf (out, "[%.*s]", (int) literal_len, literal);
      if (field == RST_PAGE_FIELD_PAGE)
        g_string_append (out, "P");
      else if (field == RST_PAGE_FIELD_PAGES)
        g_string_append (out, "N");
    }

  return g_string_free (out, FALSE);
}

static void
test_page_number_pieces (void)
{
  static const struct {
    const char *lang;
    const char *pieces;
  } cases[] = {
    { "en", "[Page ]P[ of ]N" },
    { "fr", "[Page ]P[ sur ]N" },
    { "ar", "[الصفحة ]P[ من ]N" },
    { "zh", "[第]P[页，共]N[页]" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pieces (cases[i].lang);

      g_assert_cmpstr (text, ==, cases[i].pieces);
    }
}

static void
test_session (void)
{
  static const struct {
    const char *lang;
    guint       n;
    const char *text;
  } cases[] = {
    { "ar", 56, "الدورة السادسة والخمسون" },
    { "ar", 1, "الدورة الأولى" },
    { "en", 114, "114th Session" },
    { "en", 1, "1st Session" },
    { "en", 112, "112th Session" },
    { "es", 114, "114.º período de sesiones" },
    { "fr", 114, "114e session" },
    { "fr", 1, "1re session" },
    { "ru", 114, "114-я сессия" },
    { "zh", 114, "第114届会议" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RstWriting *writing = rst_writing_get (cases[i].lang);
      g_autofree char *text = rst_writing_format_session (writing, NULL, cases[i].n);
      g_autofree char *with_rules = rst_writing_format_session (writing, rst_rules_get (cases[i].lang),
                                                                cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (with_rules, ==, cases[i].text);
    }

  g_assert_cmpstr (rst_writing_get_separator (rst_writing_get ("en")), ==, " · ");
  g_assert_cmpstr (rst_writing_get_separator (rst_writing_get ("zh")), ==, " · ");
  g_assert_cmpstr (rst_writing_get_separator (rst_writing_get ("ar")), ==, "، ");
}

/* Every session a council has had, in every language, is one form: a
 * rule file's "|" gives alternatives to read, never to print.
 */
static void
test_session_single_form (void)
{
  for (const char * const *lang = rst_language_get_all (); *lang != NULL; lang++)
    {
      for (guint n = 1; n < 300; n++)
        {
          g_autofree char *text = rst_writing_format_session (rst_writing_get (*lang), NULL, n);

          if (strchr (text, '|') != NULL)
            g_error ("%s %u: %s", *lang, n, text);
        }
    }

  /* What Arabic documents write past the hundred. */
  {
    g_autofree char *hundredth = rst_writing_format_session (rst_writing_get ("ar"), NULL, 100);
    g_autofree char *first = rst_writing_format_session (rst_writing_get ("ar"), NULL, 101);
    g_autofree char *fourteenth = rst_writing_format_session (rst_writing_get ("ar"), NULL, 114);

    g_assert_nonnull (strstr (hundredth, "المائة"));
    g_assert_nonnull (strstr (first, "الحادية بعد المائة"));
    g_assert_nonnull (strstr (fourteenth, "الرابعة عشرة بعد المائة"));
  }
}

static void
test_dates (void)
{
  static const struct {
    const char *lang;
    guint       y, m, d;
    const char *text;
  } cases[] = {
    { "ar", 2023, 11, 28, "28 تشرين الثاني/نوفمبر 2023" },
    { "en", 2023, 11, 28, "28 November 2023" },
    { "en", 2024, 1, 1, "1 January 2024" },
    { "es", 2023, 11, 28, "28 de noviembre de 2023" },
    { "fr", 2023, 11, 28, "28 novembre 2023" },
    { "fr", 2023, 12, 1, "1er décembre 2023" },
    { "ru", 2023, 11, 28, "28 ноября 2023 года" },
    { "zh", 2023, 11, 28, "2023年11月28日" },
    { "zh", 2024, 2, 1, "2024年2月1日" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RstWriting *writing = rst_writing_get (cases[i].lang);
      g_autofree char *text = rst_writing_format_date (writing, cases[i].y, cases[i].m, cases[i].d);
      g_autofree char *iso = g_strdup_printf ("%04u-%02u-%02u", cases[i].y, cases[i].m, cases[i].d);
      g_autofree char *from_iso = rst_writing_format_iso_date (writing, iso);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpstr (from_iso, ==, cases[i].text);
    }

  /* No such day, and what is no ISO date. */
  g_assert_null (rst_writing_format_date (rst_writing_get ("en"), 2023, 2, 30));
  g_assert_null (rst_writing_format_date (rst_writing_get ("en"), 2023, 13, 1));
  g_assert_null (rst_writing_format_date (rst_writing_get ("en"), 0, 1, 1));
  g_assert_null (rst_writing_format_iso_date (rst_writing_get ("en"), "28 November 2023"));
  g_assert_null (rst_writing_format_iso_date (rst_writing_get ("en"), "2023-11"));
  g_assert_null (rst_writing_format_iso_date (rst_writing_get ("en"), NULL));
}

static void
test_script (void)
{
  static const struct {
    const char    *lang;
    gboolean       rtl;
    RstScriptClass class;
    const char    *serif;
    const char    *sans;
    const char    *pango;
    const char    *locale;
    const char    *dictionary;
    gboolean       italic;
  } cases[] = {
    { "ar", TRUE, RST_SCRIPT_CLASS_COMPLEX, "Noto Naskh Arabic", "Noto Sans Arabic", "ar", "ar-SA", "ar", FALSE },
    { "en", FALSE, RST_SCRIPT_CLASS_WESTERN, "Liberation Serif", "Liberation Sans", "en", "en-GB", "en_GB", TRUE },
    { "es", FALSE, RST_SCRIPT_CLASS_WESTERN, "Liberation Serif", "Liberation Sans", "es", "es-ES", "es_ES", TRUE },
    { "fr", FALSE, RST_SCRIPT_CLASS_WESTERN, "Liberation Serif", "Liberation Sans", "fr", "fr-FR", "fr_FR", TRUE },
    { "ru", FALSE, RST_SCRIPT_CLASS_WESTERN, "Liberation Serif", "Liberation Sans", "ru", "ru-RU", "ru_RU", TRUE },
    { "zh", FALSE, RST_SCRIPT_CLASS_ASIAN, "Noto Serif CJK SC", "Noto Sans CJK SC", "zh-cn", "zh-CN", NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RstWriting *writing = rst_writing_get (cases[i].lang);
      const char * const *serif = rst_writing_get_fonts (writing, TRUE);
      const char * const *sans = rst_writing_get_fonts (writing, FALSE);

      g_assert_cmpint (rst_writing_is_rtl (writing), ==, cases[i].rtl);
      g_assert_cmpint (rst_writing_get_script_class (writing), ==, cases[i].class);
      g_assert_nonnull (serif);
      g_assert_nonnull (sans);
      g_assert_cmpstr (serif[0], ==, cases[i].serif);
      g_assert_cmpstr (sans[0], ==, cases[i].sans);
      /* Fallbacks after the best face, and no empty name. */
      g_assert_cmpuint (g_strv_length ((char **) serif), >=, 2);
      for (guint k = 0; serif[k] != NULL; k++)
        g_assert_cmpstr (serif[k], !=, "");
      g_assert_cmpstr (rst_writing_get_pango_language (writing), ==, cases[i].pango);
      g_assert_cmpstr (rst_writing_get_locale (writing), ==, cases[i].locale);
      g_assert_cmpstr (rst_writing_get_dictionary (writing), ==, cases[i].dictionary);
      g_assert_cmpint (rst_writing_has_italic (writing), ==, cases[i].italic);
    }

  /* The Japanese face is not the Chinese one. */
  for (const char * const *f = rst_writing_get_fonts (rst_writing_get ("zh"), TRUE); *f; f++)
    g_assert_null (strstr (*f, "JP"));
}

static void
test_quotes (void)
{
  static const struct {
    const char *lang;
    const char *open;
    const char *close;
  } cases[] = {
    { "ar", "«", "»" },
    { "en", "“", "”" },
    { "es", "“", "”" },
    { "fr", "«", "»" },
    { "ru", "«", "»" },
    { "zh", "“", "”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RstWriting *writing = rst_writing_get (cases[i].lang);

      g_assert_cmpstr (rst_writing_get_quote_open (writing), ==, cases[i].open);
      g_assert_cmpstr (rst_writing_get_quote_close (writing), ==, cases[i].close);
    }
}

static void
assert_typography (const char *lang,
                   const char *text,
                   const char *expected)
{
  const RstWriting *writing = rst_writing_get (lang);
  g_autofree char *once = rst_writing_apply_typography (writing, text, -1);
  g_autofree char *twice = rst_writing_apply_typography (writing, once, -1);
  g_autoptr(GArray) offsets = NULL;
  g_autofree char *mapped = rst_writing_apply_typography_mapped (writing, text, strlen (text), &offsets);
  gsize len = strlen (text);

  g_assert_cmpstr (once, ==, expected);
  /* Idempotent: nothing doubles on a second pass. */
  g_assert_cmpstr (twice, ==, once);
  g_assert_true (g_utf8_validate (once, -1, NULL));

  /* The map runs forward, ends at the end, and lands between characters. */
  g_assert_cmpstr (mapped, ==, once);
  g_assert_cmpuint (offsets->len, ==, len + 1);
  g_assert_cmpuint (g_array_index (offsets, guint, len), ==, strlen (once));
  for (gsize i = 0; i <= len; i++)
    {
      guint o = g_array_index (offsets, guint, i);

      g_assert_cmpuint (o, <=, strlen (once));
      if (i > 0)
        g_assert_cmpuint (o, >=, g_array_index (offsets, guint, i - 1));
      if (i < len && ((guchar) text[i] & 0xC0) != 0x80)
        g_assert_true (((guchar) once[o] & 0xC0) != 0x80);
    }
}

static void
test_typography_french (void)
{
  assert_typography ("fr", "Monsieur le Président :", "Monsieur le Président" NBSP ":");
  assert_typography ("fr", "Monsieur le Président:", "Monsieur le Président" NBSP ":");
  assert_typography ("fr", "Monsieur le Président  :", "Monsieur le Président" NBSP ":");
  assert_typography ("fr", "Pourquoi? Parce que; enfin!", "Pourquoi" NBSP "? Parce que" NBSP "; enfin" NBSP "!");
  assert_typography ("fr", "Vraiment ?!", "Vraiment" NBSP "?!");
  assert_typography ("fr", "«bonjour»", "«" NBSP "bonjour" NBSP "»");
  assert_typography ("fr", "«   bonjour  »", "«" NBSP "bonjour" NBSP "»");
  assert_typography ("fr", "il a dit \"oui\".", "il a dit «" NBSP "oui" NBSP "».");
  assert_typography ("fr", "«Pourquoi?»", "«" NBSP "Pourquoi" NBSP "?" NBSP "»");
  assert_typography ("fr", "(?)", "(?)");
  assert_typography ("fr", "«»", "«»");
  /* Inside a token no space goes: hours, addresses, ratios. */
  assert_typography ("fr", "à 10:30 sur https://www.iom.int/?lang=fr", "à 10:30 sur https://www.iom.int/?lang=fr");
  /* A drafter's narrow no-break space is a choice, kept. */
  assert_typography ("fr", "Quoi" NNBSP "?", "Quoi" NNBSP "?");
  /* Nothing before it, and a heading's line break. */
  assert_typography ("fr", ": suite", ": suite");
  assert_typography ("fr", "Titre\n: suite", "Titre\n: suite");
  assert_typography ("fr", "", "");
}

static void
test_typography_other (void)
{
  /* The quotation marks of the language, no spaces added. */
  assert_typography ("en", "He said \"yes\" and \"no\".", "He said “yes” and “no”.");
  assert_typography ("en", "Why ? Because: 10:30!", "Why ? Because: 10:30!");
  assert_typography ("es", "la \"Agenda 2030\"", "la “Agenda 2030”");
  assert_typography ("ru", "так называемый \"Глобальный договор\"", "так называемый «Глобальный договор»");
  assert_typography ("ar", "ما يسمى \"الميثاق العالمي\" للهجرة", "ما يسمى «الميثاق العالمي» للهجرة");
  /* Chinese has no blank before a quotation: the first mark opens it. */
  assert_typography ("zh", "他说\"好\"。", "他说“好”。");
  assert_typography ("zh", "主席先生：", "主席先生：");
  /* A stray byte is copied, not mended. */
  {
    g_autofree char *out = rst_writing_apply_typography (rst_writing_get ("fr"), "a\xff :", 4);

    g_assert_cmpmem (out, strlen (out), "a\xff" NBSP ":", 5);
  }
}

/* What the editor reads of how each language is written: its name in
 * itself, its direction and its dictionary.
 */
static void
test_editor (void)
{
  static const struct {
    const char *lang;
    const char *autonym;
    gboolean    rtl;
    const char *dictionary;
  } cases[] = {
    { "ar", "العربية", TRUE, "ar" },
    { "en", "English", FALSE, "en_GB" },
    { "es", "Español", FALSE, "es_ES" },
    { "fr", "Français", FALSE, "fr_FR" },
    { "ru", "Русский", FALSE, "ru_RU" },
    { "zh", "中文", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const RstWriting *writing = rst_writing_get (cases[i].lang);

      g_assert_cmpstr (rst_writing_get_autonym (writing), ==, cases[i].autonym);
      g_assert_cmpint (rst_writing_is_rtl (writing), ==, cases[i].rtl);
      g_assert_cmpstr (rst_writing_get_dictionary (writing), ==, cases[i].dictionary);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/writing/lookup", test_lookup);
  g_test_add_func ("/writing/editor", test_editor);
  g_test_add_func ("/writing/page-number", test_page_number);
  g_test_add_func ("/writing/page-number-pieces", test_page_number_pieces);
  g_test_add_func ("/writing/session", test_session);
  g_test_add_func ("/writing/session-single-form", test_session_single_form);
  g_test_add_func ("/writing/dates", test_dates);
  g_test_add_func ("/writing/script", test_script);
  g_test_add_func ("/writing/quotes", test_quotes);
  g_test_add_func ("/writing/typography-french", test_typography_french);
  g_test_add_func ("/writing/typography-other", test_typography_other);

  return g_test_run ();
}
