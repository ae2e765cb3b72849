/* test-line-index.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-line-index.h"

static void
test_line_breaks (void)
{
  const char *text = "one\ntwo\r\nthree\rfour\n\nsix";
  g_autoptr(RstLineIndex) index = rst_line_index_new (text, strlen (text));
  static const struct {
    const char *at;
    guint       line;
    guint       column;
  } cases[] = {
    { "one", 1, 1 }, { "two", 2, 1 }, { "wo", 2, 2 }, { "three", 3, 1 },
    { "four", 4, 1 }, { "\nsix", 5, 1 }, { "six", 6, 1 },
  };

  g_assert_cmpuint (rst_line_index_get_n_lines (index), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize offset = strstr (text, cases[i].at) - text;
      guint line, column;

      rst_line_index_locate (index, offset, &line, &column);
      g_assert_cmpuint (line, ==, cases[i].line);
      g_assert_cmpuint (column, ==, cases[i].column);
      g_assert_cmpuint (rst_line_index_get_offset (index, line, column), ==, offset);
    }
}

/* Columns count characters, whatever the script. */
static void
test_columns (void)
{
  const char *text = "Président « Señor » 主席先生：السيد";
  g_autoptr(RstLineIndex) index = rst_line_index_new (text, strlen (text));
  guint column;

  rst_line_index_locate (index, strstr (text, "Señor") - text, NULL, &column);
  g_assert_cmpuint (column, ==, 13);
  rst_line_index_locate (index, strstr (text, "主席") - text, NULL, &column);
  g_assert_cmpuint (column, ==, 21);
  rst_line_index_locate (index, strstr (text, "السيد") - text, NULL, &column);
  g_assert_cmpuint (column, ==, 26);
  g_assert_cmpuint (rst_line_index_get_offset (index, 1, 26), ==, strstr (text, "السيد") - text);
  /* A column past the line's end stays on the line. */
  g_assert_cmpuint (rst_line_index_get_offset (index, 1, 1000), ==, strlen (text));
}

/* A long line of multibyte text, located everywhere: the answers agree
 * with counting from the line's start.
 */
static void
test_long_line (void)
{
  g_autoptr(GString) text = g_string_new ("title\n");
  g_autoptr(RstLineIndex) index = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (text, i % 3 == 0 ? "é{{x}} " : i % 3 == 1 ? "主席 " : "ab ");
  index = rst_line_index_new (text->str, text->len);

  for (gsize offset = 6; offset < text->len; offset += 97)
    {
      guint line, column;

      while (((guchar) text->str[offset] & 0xC0) == 0x80)
        offset++;
      rst_line_index_locate (index, offset, &line, &column);
      g_assert_cmpuint (line, ==, 2);
      g_assert_cmpuint (column, ==, g_utf8_strlen (text->str + 6, offset - 6) + 1);
    }
}

static void
test_line_end (void)
{
  const char *text = "a\r\nb\rc\nd";
  gsize length = strlen (text);
  gsize next;

  g_assert_cmpuint (rst_line_end (text, length, 0, &next), ==, 1);
  g_assert_cmpuint (next, ==, 3);
  g_assert_cmpuint (rst_line_end (text, length, 3, &next), ==, 4);
  g_assert_cmpuint (next, ==, 5);
  g_assert_cmpuint (rst_line_end (text, length, 5, &next), ==, 6);
  g_assert_cmpuint (next, ==, 7);
  g_assert_cmpuint (rst_line_end (text, length, 7, &next), ==, 8);
  g_assert_cmpuint (next, ==, 8);
}

static void
test_empty (void)
{
  g_autoptr(RstLineIndex) index = rst_line_index_new ("", 0);
  guint line, column;

  rst_line_index_locate (index, 0, &line, &column);
  g_assert_cmpuint (line, ==, 1);
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpuint (rst_line_index_get_n_lines (index), ==, 1);
}

/* Against the definition, byte by byte, on texts of every mix of line
 * breaks and multi-byte characters, across block boundaries.
 */
static void
test_against_definition (void)
{
  static const char * const pieces[] = { "\n", "\r", "\r\n", "a", " ", "é", "中", "ك", "\r\r" };
  GRand *rand = g_rand_new_with_seed (114);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, round < 100 ? 20 : 400);
      RstLineIndex *index;
      guint line = 1, column = 1;

      for (guint k = 0; k < n; k++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      index = rst_line_index_new (text->str, text->len);
      for (gsize i = 0; i <= text->len; i++)
        {
          guchar c = i < text->len ? (guchar) text->str[i] : 0;
          guint l, col;

          if (i == text->len || (c & 0xC0) != 0x80)
            {
              rst_line_index_locate (index, i, &l, &col);
              g_assert_cmpuint (l, ==, line);
              g_assert_cmpuint (col, ==, column);
            }
          if (i == text->len)
            break;

          if (c == '\n' || (c == '\r' && (i + 1 >= text->len || text->str[i + 1] != '\n')))
            {
              line++;
              column = 1;
            }
          else if ((c & 0xC0) != 0x80)
            column++;
        }
      g_assert_cmpuint (rst_line_index_get_n_lines (index), ==, line);
      rst_line_index_free (index);
    }

  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/line-index/line-breaks", test_line_breaks);
  g_test_add_func ("/line-index/columns", test_columns);
  g_test_add_func ("/line-index/long-line", test_long_line);
  g_test_add_func ("/line-index/line-end", test_line_end);
  g_test_add_func ("/line-index/empty", test_empty);
  g_test_add_func ("/line-index/against-definition", test_against_definition);

  return g_test_run ();
}
