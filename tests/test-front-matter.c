/* test-front-matter.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-front-matter.h"

static RstDetails *
read_text (const char      *text,
           RstFrontMatter  *bounds,
           GPtrArray       *nested,
           GError         **error)
{
  rst_front_matter_locate (text, strlen (text), bounds);
  return rst_front_matter_read (text, strlen (text), bounds, nested, error);
}

static void
test_locate (void)
{
  static const struct {
    const char *text;
    gboolean    present;
    gboolean    unclosed;
    const char *body;
  } cases[] = {
    { "---\na: b\n---\nBody", TRUE, FALSE, "Body" },
    { "---\r\na: b\r\n...\r\nBody", TRUE, FALSE, "Body" },
    { "---  \na: b\n---\t\nBody", TRUE, FALSE, "Body" },
    { "\xEF\xBB\xBF---\na: b\n---\nBody", TRUE, FALSE, "Body" },
    { "Body\n---\na: b\n---\n", FALSE, FALSE, "Body" },
    { "\n---\na: b\n---\nBody", FALSE, FALSE, "\n---" },
    { "---\na: b\n", FALSE, TRUE, "---" },
    { "---", FALSE, FALSE, "---" },
    { "----\na: b\n----\nBody", FALSE, FALSE, "----" },
    { "---\na: b\n---", TRUE, FALSE, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      RstFrontMatter fm;
      gsize length = strlen (cases[i].text);

      rst_front_matter_locate (cases[i].text, length, &fm);
      g_assert_cmpint (fm.present, ==, cases[i].present);
      g_assert_cmpint (fm.unclosed, ==, cases[i].unclosed);
      g_assert_true (g_str_has_prefix (cases[i].text + fm.body, cases[i].body));
    }
}

static void
test_read (void)
{
  const char *text =
    "---\n"
    "title: Statement by H.E. Ambassador Chen Xu\n"
    "session: 114\n"
    "chair-form: \"Mr.\"\n"
    "date: 2023-11-28\n"
    "lang: 'no'\n"
    "empty:\n"
    "authors:\n"
    "  - one\n"
    "  - two\n"
    "session: 115\n"
    "---\n"
    "Body\n";
  g_autoptr(GPtrArray) nested = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  RstFrontMatter fm;

  details = read_text (text, &fm, nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (details);

  g_assert_cmpstr (rst_details_get (details, "title"), ==, "Statement by H.E. Ambassador Chen Xu");
  /* A repeated key keeps its place and takes the last value. */
  g_assert_cmpstr (rst_details_get (details, "session"), ==, "115");
  g_assert_cmpstr (rst_details_get_key (details, 1), ==, "session");
  g_assert_cmpstr (rst_details_get (details, "chair-form"), ==, "Mr.");
  g_assert_cmpstr (rst_details_get (details, "lang"), ==, "no");
  g_assert_cmpstr (rst_details_lookup (details, "empty"), ==, "");
  g_assert_null (rst_details_get (details, "empty"));
  /* A list is no detail, and the reader says so. */
  g_assert_null (rst_details_lookup (details, "authors"));
  g_assert_cmpuint (nested->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (nested, 0), ==, "authors");
}

static void
test_errors (void)
{
  static const struct {
    const char *text;
    int         code;
    const char *line;
  } cases[] = {
    { "---\ntitle: [unclosed\n---\n", RST_FRONT_MATTER_ERROR_SYNTAX, "Line 2" },
    { "---\n- a\n- b\n---\n", RST_FRONT_MATTER_ERROR_NOT_A_MAPPING, "Line 2" },
    { "---\njust text\n---\n", RST_FRONT_MATTER_ERROR_NOT_A_MAPPING, "Line 2" },
    { "Statement\n\n---\n", -1, NULL },
    { "\n\n---\nx: y\n", -1, NULL },
    { "---\nx: y\n", RST_FRONT_MATTER_ERROR_UNCLOSED, "Line 1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(RstDetails) details = NULL;
      g_autoptr(GError) error = NULL;
      RstFrontMatter fm;

      details = read_text (cases[i].text, &fm, NULL, &error);
      if (cases[i].code < 0)
        {
          g_assert_no_error (error);
          g_assert_nonnull (details);
          continue;
        }

      g_assert_null (details);
      g_assert_error (error, RST_FRONT_MATTER_ERROR, cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].line))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].line);
    }
}

/* Hostile input is refused before libyaml spends seconds on it. */
static void
test_bounds (void)
{
  g_autoptr(GString) deep = g_string_new ("---\nkey: ");
  g_autoptr(GString) large = g_string_new ("---\n");
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(GError) error = NULL;
  RstFrontMatter fm;

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (deep, '[');
  g_string_append (deep, "\n---\nBody\n");
  details = read_text (deep->str, &fm, NULL, &error);
  g_assert_null (details);
  g_assert_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_TOO_LARGE);
  g_clear_error (&error);

  for (guint i = 0; large->len < RST_FRONT_MATTER_MAX_SIZE + 10; i++)
    g_string_append_printf (large, "key%u: value\n", i);
  g_string_append (large, "---\nBody\n");
  details = read_text (large->str, &fm, NULL, &error);
  g_assert_null (details);
  g_assert_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_TOO_LARGE);
}

static void
test_find_value (void)
{
  const char *text = "---\ncouncil:   UNESCO-EB  \ntime-limit: 3:00\n---\ncouncil: body\n";
  RstFrontMatter fm;
  gsize start = 0, end = 0;

  rst_front_matter_locate (text, strlen (text), &fm);
  g_assert_true (rst_front_matter_find_value (text, &fm, "council", &start, &end));
  g_assert_cmpmem (text + start, end - start, "UNESCO-EB", 9);
  g_assert_true (rst_front_matter_find_value (text, &fm, "time-limit", &start, &end));
  g_assert_cmpmem (text + start, end - start, "3:00", 4);
  g_assert_false (rst_front_matter_find_value (text, &fm, "session", &start, &end));
}

static void
test_split_line (void)
{
  static const struct {
    const char *line;
    const char *key;
    const char *value;
  } cases[] = {
    { "title: Plain value", "title", "Plain value" },
    { "title: \"Quoted \\\"inner\\\" value\" # a comment", "title", "Quoted \"inner\" value" },
    { "title: 'It''s'", "title", "It's" },
    { "agenda-item: Item 4 # noted", "agenda-item", "Item 4" },
    { "no colon here", NULL, NULL },
    { ": no key", NULL, NULL },
    /* Found by fuzz-front-matter: the keys and escapes libyaml reads. */
    { "\"quoted key\": v", "quoted key", "v" },
    { "'it''s': v", "it's", "v" },
    { "título: Declaración", "título", "Declaración" },
    { "key : spaced", "key", "spaced" },
    { "-0a: dash", "-0a", "dash" },
    { "a,b: c", "a,b", "c" },
    { "- item", NULL, NULL },
    { "? complex", NULL, NULL },
    { "t: \"esc\\x1b \\u00e9 \\U0001F600 \\e \\N\"", "t", "esc\x1b é 😀 \x1b \xC2\x85" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize value_end;
      gboolean ok;

      ok = rst_front_matter_split_line (cases[i].line, strlen (cases[i].line), &key, &value, &value_end);
      g_assert_cmpint (ok, ==, cases[i].key != NULL);
      if (!ok)
        continue;
      g_assert_cmpstr (key, ==, cases[i].key);
      g_assert_cmpstr (value, ==, cases[i].value);
    }
}

/* What is written reads back as it was, with every YAML reader's rules:
 * reserved words, quotes, colons, control characters, placeholders.
 */
static void
test_write_round_trip (void)
{
  static const char * const values[] = {
    "Plain", "no", "yes", "null", "~", "114", "Mr.", "Chair: Mr. X", "# not a comment",
    "\"quoted\"", "back\\slash", "tab\there", "line\nbreak", "{{speaker}}", "- dash",
    "Déclaration de la France", "国际移民组织理事会", "السيد الرئيس", "bell\x07", "trailing ",
    /* Found by fuzz-front-matter: what YAML reads as line breaks or does
     * not allow as it is.
     */
    "line\xE2\x80\xA8separator", "next\xC2\x85line", "bom\xEF\xBB\xBFinside", "c1\xC2\x80", "\xEF\xBF\xBE",
  };
  g_autoptr(RstDetails) details = rst_details_new ();
  g_autoptr(RstDetails) none = rst_details_new ();
  g_autoptr(RstDetails) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  RstFrontMatter fm;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *key = g_strdup_printf ("key-%u", i);

      rst_details_set (details, key, values[i]);
    }

  /* Keys that need quoting, too. */
  rst_details_set (details, "quoted key: yes", "v");
  rst_details_set (details, "no", "v");
  /* Found by fuzz-front-matter (regress-document-marker.md): a key that
   * starts with "..." ended the YAML where it was written.
   */
  rst_details_set (details, "... r", "v");
  rst_details_set (details, "---x", "v");

  text = rst_front_matter_write (details);
  again = read_text (text, &fm, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rst_details_equal (details, again));

  /* And each value as the panel would rewrite it in place. */
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(RstDetails) one = rst_details_new ();
      g_autoptr(RstDetails) one_again = NULL;
      g_autofree char *rewritten = NULL;

      rst_details_set (one, "title", values[i]);
      rewritten = rst_front_matter_replace ("---\ntitle: old\n---\nBody\n", strlen ("---\ntitle: old\n---\nBody\n"), one, &error);
      g_assert_no_error (error);
      one_again = read_text (rewritten, &fm, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (rst_details_equal (one, one_again));
    }

  empty = rst_front_matter_write (none);
  g_assert_cmpstr (empty, ==, "");
}

static char *
replace (const char *text,
         RstDetails *details)
{
  g_autoptr(GError) error = NULL;
  char *result = rst_front_matter_replace (text, strlen (text), details, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static const char *
replace_keep (char       **out,
              const char  *text,
              RstDetails  *details)
{
  g_free (*out);
  *out = replace (text, details);
  return *out;
}

/* The details panel writes its details back through this: only what
 * changed changes, and what is not a detail stays as it was written.
 */
static void
test_replace (void)
{
  const char *text =
    "---\n"
    "# Written by hand\n"
    "title: Statement by the Delegation\n"
    "council: iom # the IOM Council\n"
    "session: 114\n"
    "authors:\n"
    "- One\n"
    "- Two\n"
    "\n"
    "abstract: |\n"
    "  First line\n"
    "\n"
    "  Second line\n"
    "lang: en\n"
    "---\n"
    "Mr. Chairperson,\n";
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(RstDetails) again = NULL;
  g_autoptr(RstDetails) none = rst_details_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *same = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *added = NULL;
  g_autofree char *emptied = NULL;
  g_autofree char *fresh = NULL;
  g_autofree char *crlf = NULL;
  g_autofree char *bom = NULL;
  g_autofree char *broken = NULL;
  RstFrontMatter fm;

  details = read_text (text, &fm, NULL, &error);
  g_assert_no_error (error);

  /* Nothing changed: not a byte. */
  same = replace (text, details);
  g_assert_cmpstr (same, ==, text);

  /* A changed value on its own line, the comment after it kept; a
   * removed one goes; lists, block scalars and comments stay.
   */
  rst_details_set (details, "council", "unhcr");
  rst_details_set (details, "session", "115");
  rst_details_remove (details, "title");
  changed = replace (text, details);
  g_assert_cmpstr (changed, ==,
                   "---\n"
                   "# Written by hand\n"
                   "council: unhcr # the IOM Council\n"
                   "session: 115\n"
                   "authors:\n"
                   "- One\n"
                   "- Two\n"
                   "\n"
                   "abstract: |\n"
                   "  First line\n"
                   "\n"
                   "  Second line\n"
                   "lang: en\n"
                   "---\n"
                   "Mr. Chairperson,\n");
  again = read_text (changed, &fm, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rst_details_equal (again, details));

  /* A new detail before the closing line, quoted where YAML needs it. */
  rst_details_set (details, "agenda-item", "Item 4: migration");
  added = replace (text, details);
  g_assert_true (g_str_has_suffix (added, "lang: en\nagenda-item: \"Item 4: migration\"\n---\nMr. Chairperson,\n"));
  g_clear_pointer (&again, rst_details_unref);
  again = read_text (added, &fm, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rst_details_equal (again, details));

  /* No details left and nothing else: no front matter. */
  emptied = replace ("---\nsession: 114\n\n---\nBody\n", none);
  g_assert_cmpstr (emptied, ==, "Body\n");

  /* A statement without a front matter gets one. */
  fresh = replace ("Mr. President,\n", details);
  g_assert_true (g_str_has_prefix (fresh, "---\ncouncil: unhcr\n"));
  g_assert_true (g_str_has_suffix (fresh, "---\nMr. President,\n"));
  g_assert_cmpstr (replace_keep (&bom, "\xEF\xBB\xBF" "Body", none), ==, "\xEF\xBB\xBF" "Body");

  /* The file's own line ends. */
  g_clear_pointer (&details, rst_details_unref);
  details = rst_details_new ();
  rst_details_set (details, "session", "115");
  rst_details_set (details, "lang", "fr");
  crlf = replace ("---\r\nsession: 114\r\n---\r\nBody\r\n", details);
  g_assert_cmpstr (crlf, ==, "---\r\nsession: 115\r\nlang: fr\r\n---\r\nBody\r\n");

  /* A repeated key reads as its last value; once changed, it is one. */
  g_clear_pointer (&crlf, g_free);
  crlf = replace ("---\nsession: 114\nsession: 115\n---\n", details);
  g_assert_cmpstr (crlf, ==, "---\nsession: 114\nsession: 115\nlang: fr\n---\n");
  rst_details_set (details, "session", "116");
  g_clear_pointer (&crlf, g_free);
  crlf = replace ("---\nsession: 114\nsession: 115\n---\n", details);
  g_assert_cmpstr (crlf, ==, "---\nsession: 116\nlang: fr\n---\n");

  /* What cannot be read cannot be rewritten. */
  broken = rst_front_matter_replace ("---\ntitle: [unclosed\n---\n", 25, details, &error);
  g_assert_null (broken);
  g_assert_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_SYNTAX);
}

/* The editor keeps the details apart and shows the body as text. */
static void
test_split (void)
{
  static const struct {
    const char *text;
    gboolean    readable;
    const char *front_matter;
    const char *body;
  } cases[] = {
    { "---\ncouncil: iom\n---\nMr. Chairperson,\n", TRUE, "---\ncouncil: iom\n---\n", "Mr. Chairperson,\n" },
    { "---\r\ncouncil: iom\r\n---\r\nMr. Chairperson,\r\n", TRUE, "---\r\ncouncil: iom\r\n---\r\n", "Mr. Chairperson,\r\n" },
    /* All front matter: the block still ends its line. */
    { "---\ncouncil: iom\n---", TRUE, "---\ncouncil: iom\n---\n", "" },
    { "---\r\ncouncil: iom\r\n---", TRUE, "---\r\ncouncil: iom\r\n---\r\n", "" },
    { "Mr. Chairperson,\n", TRUE, "", "Mr. Chairperson,\n" },
    { "", TRUE, "", "" },
    /* Unreadable: no details, and all of it is body, shown as text. */
    { "---\ncouncil: [iom\n---\nMr. Chairperson,\n", FALSE, "", "---\ncouncil: [iom\n---\nMr. Chairperson,\n" },
    { "---\n- a list\n---\nText\n", FALSE, "", "---\n- a list\n---\nText\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *front_matter = NULL;
      g_autoptr(RstDetails) details = NULL;
      gsize body = 99;

      details = rst_front_matter_split (cases[i].text, strlen (cases[i].text), &front_matter, &body);
      g_assert_cmpint (details != NULL, ==, cases[i].readable);
      g_assert_cmpstr (front_matter, ==, cases[i].front_matter);
      g_assert_cmpstr (cases[i].text + body, ==, cases[i].body);
    }

  /* The out arguments are optional. */
  {
    g_autoptr(RstDetails) details = rst_front_matter_split ("---\nlang: fr\n---\n", 17, NULL, NULL);

    g_assert_nonnull (details);
    g_assert_cmpstr (rst_details_get (details, "lang"), ==, "fr");
  }
}

/* Found by fuzz-front-matter (tests/fuzz-corpus/front-matter/regress-*):
 * front matters whose rewrite wrote other details than the ones asked
 * for, or YAML that no longer read.
 */
static void
test_replace_hostile (void)
{
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(RstDetails) again = NULL;
  g_autoptr(RstDetails) none = rst_details_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *result = NULL;
  RstFrontMatter fm;

  /* An indented mapping: new and changed keys at its indent. */
  details = read_text ("---\n  title: A\n  lang: en\n---\nBody\n", &fm, NULL, &error);
  g_assert_no_error (error);
  rst_details_set (details, "title", "B");
  rst_details_set (details, "speaker", "Ana");
  result = replace ("---\n  title: A\n  lang: en\n---\nBody\n", details);
  g_assert_cmpstr (result, ==, "---\n  title: B\n  lang: en\n  speaker: Ana\n---\nBody\n");
  g_clear_pointer (&result, g_free);
  g_clear_pointer (&details, rst_details_unref);

  /* Lines inside a quoted value that look like keys, repeated: kept. */
  {
    const char *text = "---\ntitle: \"A\nnested:\nnested:\nend\"\nlang: en\n---\nBody\n";

    details = read_text (text, &fm, NULL, &error);
    g_assert_no_error (error);
    rst_details_set (details, "lang", "fr");
    result = replace (text, details);
    again = read_text (result, &fm, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rst_details_equal (details, again));
    g_clear_pointer (&result, g_free);
    g_clear_pointer (&details, rst_details_unref);
    g_clear_pointer (&again, rst_details_unref);
  }

  /* A quoted key is found, so that it can be removed. */
  details = read_text ("---\n\"quoted key\": v\nlang: en\n---\nBody\n", &fm, NULL, &error);
  g_assert_no_error (error);
  rst_details_remove (details, "quoted key");
  result = replace ("---\n\"quoted key\": v\nlang: en\n---\nBody\n", details);
  g_assert_cmpstr (result, ==, "---\nlang: en\n---\nBody\n");
  g_clear_pointer (&result, g_free);
  g_clear_pointer (&details, rst_details_unref);

  /* An explicit key cannot be removed line by line: refused, not kept. */
  details = read_text ("---\n? complex\n: value\nlang: en\n---\nBody\n", &fm, NULL, &error);
  g_assert_no_error (error);
  rst_details_remove (details, "complex");
  result = rst_front_matter_replace ("---\n? complex\n: value\nlang: en\n---\nBody\n",
                                     strlen ("---\n? complex\n: value\nlang: en\n---\nBody\n"), details, &error);
  g_assert_error (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_UNSUPPORTED);
  g_assert_null (result);
  g_clear_error (&error);
  g_clear_pointer (&details, rst_details_unref);

  /* Nothing changed: the text as it is, whatever its form. */
  details = read_text ("---\n? complex\n: value\n---\nBody\n", &fm, NULL, &error);
  g_assert_no_error (error);
  result = replace ("---\n? complex\n: value\n---\nBody\n", details);
  g_assert_cmpstr (result, ==, "---\n? complex\n: value\n---\nBody\n");
  g_clear_pointer (&result, g_free);
  g_clear_pointer (&details, rst_details_unref);

  /* Every detail removed from a statement whose body starts with a
   * "---" line: the empty block stays, or the body's lines would be read
   * as details.
   */
  result = replace ("---\nlang: en\n---\n---\nnot: details\n---\n", none);
  g_assert_cmpstr (result, ==, "---\n---\n---\nnot: details\n---\n");
  again = read_text (result, &fm, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rst_details_get_size (again), ==, 0);
  g_clear_pointer (&again, rst_details_unref);
  g_clear_pointer (&result, g_free);

  /* Found by fuzz-front-matter (fuzz-corpus/front-matter/regress-list-after-comment):
   * a key repeated with a list for its value, a comment before the
   * list's item; a detail changed, the repetition and its list go
   * together, not the key alone.
   */
  {
    const char *text = "---\ntit: \n#s--\ntit: \n#s\n-\n---\nBody\n";

    details = read_text (text, &fm, NULL, &error);
    g_assert_no_error (error);
    rst_details_set (details, "speaker", "no");
    result = rst_front_matter_replace (text, strlen (text), details, &error);
    g_assert_no_error (error);
    again = read_text (result, &fm, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (rst_details_equal (details, again));
    g_clear_pointer (&result, g_free);
    g_clear_pointer (&details, rst_details_unref);
    g_clear_pointer (&again, rst_details_unref);
  }

  /* A key longer than any detail's is not one. */
  {
    g_autofree char *long_key = g_strnfill (RST_FRONT_MATTER_MAX_KEY_LENGTH + 1, 'k');
    g_autofree char *text = g_strdup_printf ("---\n%s: v\nlang: en\n---\n", long_key);

    again = read_text (text, &fm, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rst_details_get_size (again), ==, 1);
    g_assert_cmpstr (rst_details_get (again, "lang"), ==, "en");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/front-matter/locate", test_locate);
  g_test_add_func ("/front-matter/read", test_read);
  g_test_add_func ("/front-matter/errors", test_errors);
  g_test_add_func ("/front-matter/bounds", test_bounds);
  g_test_add_func ("/front-matter/find-value", test_find_value);
  g_test_add_func ("/front-matter/split-line", test_split_line);
  g_test_add_func ("/front-matter/write-round-trip", test_write_round_trip);
  g_test_add_func ("/front-matter/replace", test_replace);
  g_test_add_func ("/front-matter/split", test_split);
  g_test_add_func ("/front-matter/replace-hostile", test_replace_hostile);

  return g_test_run ();
}
