/* test-spell-words.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which words of a statement the spell checker sees, without a display.
 */

#include "config.h"

#include "rst-front-matter.h"
#include "rst-spell-words.h"

/* The words of @text joined by "|", so that a failure shows them all. */
static char *
split_joined (const char         *text,
              RstSpellWordsFlags  flags)
{
  g_autoptr(GArray) words = rst_spell_words_split (text, -1, flags);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const RstSpellWord *word = &g_array_index (words, RstSpellWord, i);

      g_assert_cmpuint (word->start, <, word->end);
      g_assert_cmpuint (word->end, <=, strlen (text));
      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append_len (joined, text + word->start, word->end - word->start);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
assert_words (const char         *text,
              RstSpellWordsFlags  flags,
              const char         *expected)
{
  g_autofree char *words = split_joined (text, flags);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_spell_words_plain (void)
{
  assert_words ("Mr. Chairperson, we thank the goverment.", 0,
                "Mr|Chairperson|we|thank|the|goverment");
  assert_words ("  \n\n", 0, "");
  assert_words ("", 0, "");
}

static void
test_spell_words_markup (void)
{
  assert_words ("**Statement by H.E. Ambassador**", 0, "Statement|by|Ambassador");
  assert_words ("*First*, _root_ causes<br/> and <span lang=\"fr\">texte</span>.", 0,
                "First|root|causes|and|texte");
  assert_words ("# Heading\n1. Numbered", 0, "Heading|Numbered");
}

static void
test_spell_words_placeholders (void)
{
  assert_words ("On behalf of {{delegation}}, I congratulate {{Name of the Chair}}.", 0,
                "On|behalf|of|I|congratulate");
  /* A slot still being typed hides the rest of its line only. */
  assert_words ("Thanks {{Nmae of\nthe Chair", 0, "Thanks|the|Chair");
}

/* Where the words start: the one front-matter reader says, for the spell
 * checker as for the statement.
 */
static gsize
body_of (const char *text,
         gboolean   *present)
{
  RstFrontMatter fm;

  rst_front_matter_locate (text, strlen (text), &fm);
  *present = fm.present;
  return fm.body;
}

static void
test_spell_words_front_matter (void)
{
  const char *text = "---\ntitle: Statment by China\nlang: en\n---\nMr. President,\n";
  gboolean present = FALSE;
  gsize fm = body_of (text, &present);

  g_assert_true (present);
  g_assert_cmpuint (fm, ==, strlen ("---\ntitle: Statment by China\nlang: en\n---\n"));
  assert_words (text, RST_SPELL_WORDS_FRONT_MATTER, "Mr|President");
  /* Without the flag the text is taken as a part of the body. */
  assert_words ("---\nlang: en\n---\nWord", 0, "lang|en|Word");
  /* Unclosed, or not on the first line: no front matter. */
  g_assert_cmpuint (body_of ("---\ntitle: x\n", &present), ==, 0);
  g_assert_false (present);
  g_assert_cmpuint (body_of ("\n---\na: b\n---\n", &present), ==, 0);
  g_assert_false (present);
  g_assert_cmpuint (body_of ("---\r\na: b\r\n...\r\nX", &present), ==,
                    strlen ("---\r\na: b\r\n...\r\n"));
  g_assert_true (present);
  /* And the words follow: an unclosed block is words, a closed one not. */
  assert_words ("---\ntitle: Statment\n", RST_SPELL_WORDS_FRONT_MATTER, "title|Statment");
  assert_words ("---\r\na: b\r\n...\r\nX", RST_SPELL_WORDS_FRONT_MATTER, "X");
}

static void
test_spell_words_numbers_and_addresses (void)
{
  assert_words ("At the 114th session on 28 November 2023 at 10:30,", 0, "At|the|session|on|November|at");
  assert_words ("See https://www.iom.int/council and www.unhcr.org or write to mission@un.int now",
                0, "See|and|or|write|to|now");
  assert_words ("Document A/HRC/55/L.1 e.g. adopted", 0, "Document|adopted");
  /* Arabic-Indic digits are numbers too. */
  assert_words ("الدورة ١١٤ للمجلس", 0, "الدورة|للمجلس");
}

static void
test_spell_words_acronyms (void)
{
  assert_words ("IOM and UNHCR’s ExCom, the WHO", 0, "and|ExCom|the");
  assert_words ("IOM and UNHCR’s ExCom", RST_SPELL_WORDS_KEEP_UPPERCASE, "IOM|and|UNHCR’s|ExCom");
  /* One capital is a word: "I", "A". */
  assert_words ("I thank you. A", 0, "I|thank|you|A");
}

static void
test_spell_words_apostrophes_hyphens (void)
{
  assert_words ("Member States’ don't Director-General l’Organisation", 0,
                "Member|States|don't|Director|General|l’Organisation");
  assert_words ("'quoted' ‘single’", 0, "quoted|single");
}

static void
test_spell_words_scripts (void)
{
  assert_words ("Señor Presidente: «Господин Председатель», السيد الرئيس", 0,
                "Señor|Presidente|Господин|Председатель|السيد|الرئيس");
  /* Arabic with its vowel signs stays one word. */
  assert_words ("شُكْرًا", 0, "شُكْرًا");
  /* Chinese has no spaces between words: left alone. */
  assert_words ("主席先生，谢谢 Chair", 0, "Chair");
}

/* Offsets are into the text given, so a caller checking one line of a
 * buffer can add the line's offset.
 */
static void
test_spell_words_offsets (void)
{
  const char *text = "« Señor »";
  g_autoptr(GArray) words = rst_spell_words_split (text, -1, 0);
  const RstSpellWord *word;

  g_assert_cmpuint (words->len, ==, 1);
  word = &g_array_index (words, RstSpellWord, 0);
  g_assert_cmpuint (word->start, ==, strlen ("« "));
  g_assert_cmpuint (word->end, ==, strlen ("« Señor"));

  /* A length shorter than the string stops there. */
  g_clear_pointer (&words, g_array_unref);
  words = rst_spell_words_split ("one two three", 7, 0);
  g_assert_cmpuint (words->len, ==, 2);
}

static gboolean
stop_after_two (const char *text,
                gsize       start,
                gsize       end,
                gpointer    user_data)
{
  guint *count = user_data;

  return ++*count < 2;
}

static void
test_spell_words_stop (void)
{
  guint count = 0;

  rst_spell_words_foreach ("one two three four", -1, 0, stop_after_two, &count);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_spell_words_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "iom-114-china.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = NULL;
  gsize length;
  gboolean found_chairperson = FALSE;

  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);

  words = rst_spell_words_split (text, length, RST_SPELL_WORDS_FRONT_MATTER);
  g_assert_cmpuint (words->len, >, 300);
  for (guint i = 0; i < words->len; i++)
    {
      const RstSpellWord *word = &g_array_index (words, RstSpellWord, i);
      g_autofree char *w = g_strndup (text + word->start, word->end - word->start);

      g_assert_true (g_utf8_validate (w, -1, NULL));
      g_assert_null (strpbrk (w, "0123456789*{} \n"));
      if (g_str_equal (w, "Chairperson"))
        found_chairperson = TRUE;
      /* The acronym is never shown to the dictionary. */
      g_assert_cmpstr (w, !=, "IOM");
    }
  g_assert_true (found_chairperson);
}

static void
test_spell_words_language (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { "en", "en" },
    { "fr-CA", "fr_CA" },
    { "pt_br", "pt_BR" },
    { " en_US.UTF-8", "en_US" },
    { "de_DE@euro", "de_DE" },
    { "", NULL },
    { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tag = rst_spell_words_normalize_language (cases[i].in);
      g_assert_cmpstr (tag, ==, cases[i].out);
    }
}

static void
test_spell_words_guess_language (void)
{
  struct { const char *text; const char *system; const char *out; } cases[] = {
    /* Latin text on a Latin-script desktop: the system's language. */
    { "Mr. Chairperson, I thank you.", "en_GB.UTF-8", "en_GB" },
    { "Monsieur le Président, je vous remercie.", "fr_FR", "fr_FR" },
    /* An English statement drafted on an Arabic or Russian desktop. */
    { "Mr. Chairperson, I thank you.", "ar_EG.UTF-8", "en" },
    { "Mr. Chairperson, I thank you.", "ru_RU", "en" },
    { "السيد الرئيس، شكرًا لكم.", "en_US", "ar" },
    { "السيد الرئيس، شكرًا لكم.", "ar_SA", "ar_SA" },
    { "Господин Председатель, благодарю вас.", "fr_FR", "ru" },
    { "主席先生，谢谢。", "en_US", "zh" },
    /* Front matter is not the statement. */
    { "---\ntitle: Statement by China\n---\nГосподин Председатель!\n", NULL, "ru" },
    { "1. 2. 3.", "en_US", NULL },
    { "", "en_US", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *guess = rst_spell_words_guess_language (cases[i].text, -1, cases[i].system);
      g_assert_cmpstr (guess, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/spell-words/plain", test_spell_words_plain);
  g_test_add_func ("/spell-words/markup", test_spell_words_markup);
  g_test_add_func ("/spell-words/placeholders", test_spell_words_placeholders);
  g_test_add_func ("/spell-words/front-matter", test_spell_words_front_matter);
  g_test_add_func ("/spell-words/numbers-and-addresses", test_spell_words_numbers_and_addresses);
  g_test_add_func ("/spell-words/acronyms", test_spell_words_acronyms);
  g_test_add_func ("/spell-words/apostrophes-hyphens", test_spell_words_apostrophes_hyphens);
  g_test_add_func ("/spell-words/scripts", test_spell_words_scripts);
  g_test_add_func ("/spell-words/offsets", test_spell_words_offsets);
  g_test_add_func ("/spell-words/stop", test_spell_words_stop);
  g_test_add_func ("/spell-words/fixture", test_spell_words_fixture);
  g_test_add_func ("/spell-words/language", test_spell_words_language);
  g_test_add_func ("/spell-words/guess-language", test_spell_words_guess_language);

  return g_test_run ();
}
