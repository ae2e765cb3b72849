/* fuzz-front-matter.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libFuzzer target over the one front-matter reader and writer. Bytes
 * that the text file reader refuses never reach it; for the rest, beyond
 * crashes and sanitizer reports, it aborts when what the details panel,
 * Save and the templates rely on breaks: the block lies inside the text,
 * keys and values are bounded by the block they come from, what was read
 * and written back reads again as the same details and writes again as
 * the same bytes, and a statement whose details are rewritten in place
 * reads back as the new details with its body untouched.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rst-front-matter.h"
#include "rst-text-file.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

#define REQUIRE(cond) G_STMT_START { if (!(cond)) { g_printerr ("invariant failed: %s\n", #cond); abort (); } } G_STMT_END

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

static RstDetails *
read_all (const char *text,
          gsize       length,
          GError    **error)
{
  RstFrontMatter fm;

  rst_front_matter_locate (text, length, &fm);
  return rst_front_matter_read (text, length, &fm, NULL, error);
}

/* The details of @text written as a block, read again: the same details,
 * and writing them again gives the same bytes.
 */
static void
check_round_trip (const RstDetails *details)
{
  g_autofree char *block = rst_front_matter_write (details);
  g_autofree char *block_again = NULL;
  g_autoptr(RstDetails) again = NULL;
  g_autoptr(GError) error = NULL;
  gsize block_length = strlen (block);

  REQUIRE (g_utf8_validate (block, -1, NULL));
  REQUIRE (rst_text_validate (block, block_length, NULL));
  again = read_all (block, block_length, &error);
  if (again == NULL)
    g_printerr ("written front matter does not read back: %s\n%s", error->message, block);
  REQUIRE (again != NULL);
  if (!rst_details_equal (details, again))
    g_printerr ("written front matter reads back as other details:\n%s", block);
  REQUIRE (rst_details_equal (details, again));

  block_again = rst_front_matter_write (again);
  REQUIRE (strcmp (block, block_again) == 0);
}

/* YAML that writes keys in a form other than a "key: value" line with
 * a plain or simply quoted key: explicit keys, anchors, aliases, tags,
 * flow collections, escapes, block scalars, directives; or lines that
 * YAML breaks where the line rewriter does not (a CR alone, NEL, U+2028,
 * U+2029).
 */
static gboolean
has_exotic_keys (const char *yaml,
                 gsize       length)
{
  /* A line at the margin that is not a "key: value" line or an item: a
   * quoted value going on over lines, say.
   */
  for (gsize pos = 0, next; pos < length; pos = next)
    {
      const char *eol = memchr (yaml + pos, '\n', length - pos);
      gsize end = eol != NULL ? (gsize) (eol - yaml) : length;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      gsize value_end;

      next = end + 1;
      /* An indented mapping is rewritten at its indent, if its first
       * line says it; the fuzzer's are rarely that tidy.
       */
      if (pos == 0 && end > 0 && yaml[0] == ' ')
        return TRUE;
      if (end == pos || yaml[pos] == ' ' || yaml[pos] == '#' || yaml[pos] == '\r' ||
          (yaml[pos] == '-' && (end == pos + 1 || yaml[pos + 1] == ' ')))
        continue;
      if (!rst_front_matter_split_line (yaml + pos, end - pos, &key, &value, &value_end))
        return TRUE;
      /* A quote opened and not closed on its line. */
      if ((yaml[pos + value_end - 1] != '"' && yaml[pos + value_end - 1] != '\'') &&
          memchr (yaml + pos, '"', end - pos) != NULL)
        return TRUE;
      if (memchr (yaml + pos, '\'', end - pos) != NULL)
        return TRUE;
    }

  for (gsize i = 0; i < length; i++)
    {
      /* Quoted scalars may go on over lines. */
      if (strchr ("?&*!{}[]\\|>%\"'", yaml[i]) != NULL)
        return TRUE;
      if (yaml[i] == '\r' && (i + 1 == length || yaml[i + 1] != '\n'))
        return TRUE;
      if (i + 2 < length && memcmp (yaml + i, "\xEF\xBB\xBF", 3) == 0)
        return TRUE;
      if (i + 1 < length && memcmp (yaml + i, "\xC2\x85", 2) == 0)
        return TRUE;
      if (i + 2 < length && (memcmp (yaml + i, "\xE2\x80\xA8", 3) == 0 ||
                             memcmp (yaml + i, "\xE2\x80\xA9", 3) == 0))
        return TRUE;
    }
  return FALSE;
}

static gboolean
same_details (const RstDetails *a,
              const RstDetails *b)
{
  if (rst_details_get_size (a) != rst_details_get_size (b))
    return FALSE;
  for (guint i = 0; i < rst_details_get_size (a); i++)
    if (g_strcmp0 (rst_details_lookup (b, rst_details_get_key (a, i)), rst_details_get_value (a, i)) != 0)
      return FALSE;
  return TRUE;
}

/* The fuzzer's bytes are not NUL-terminated. */
static gboolean
same_body (const char           *a,
           const RstFrontMatter *fm_a,
           const char           *b,
           gsize                 b_length,
           const RstFrontMatter *fm_b)
{
  gsize a_length = strlen (a);

  return a_length - fm_a->body == b_length - fm_b->body &&
         memcmp (a + fm_a->body, b + fm_b->body, b_length - fm_b->body) == 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr(RstDetails) details = NULL;
  g_autoptr(RstDetails) changed = NULL;
  g_autoptr(RstDetails) reread = NULL;
  g_autoptr(GPtrArray) nested = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *replaced = NULL;
  RstFrontMatter fm, fm_replaced;
  gsize yaml_length;

  if (!rst_text_validate (text, size, NULL))
    return 0;

  rst_front_matter_locate (text, size, &fm);
  REQUIRE (fm.start <= 3 && fm.start <= fm.body && fm.body <= size);
  REQUIRE (!(fm.present && fm.unclosed));
  if (fm.present)
    REQUIRE (fm.start < fm.yaml_start && fm.yaml_start <= fm.yaml_end && fm.yaml_end < fm.body);
  else
    REQUIRE (fm.body == fm.start);
  yaml_length = fm.present ? fm.yaml_end - fm.yaml_start : 0;

  details = rst_front_matter_read (text, size, &fm, nested, &error);
  if (details == NULL)
    {
      REQUIRE (error != NULL && error->domain == RST_FRONT_MATTER_ERROR);
      REQUIRE (g_utf8_validate (error->message, -1, NULL));
      REQUIRE (strchr (error->message, '\n') == NULL);
      /* What cannot be read is not rewritten either: Save keeps it. */
      {
        g_autoptr(RstDetails) empty = rst_details_new ();
        g_autofree char *refused = rst_front_matter_replace (text, size, empty, NULL);

        REQUIRE (refused == NULL);
      }
      return 0;
    }
  REQUIRE (error == NULL);
  REQUIRE (fm.present || rst_details_get_size (details) == 0);
  REQUIRE (rst_details_get_size (details) <= RST_DETAILS_MAX_KEYS);

  for (guint i = 0; i < rst_details_get_size (details); i++)
    {
      const char *key = rst_details_get_key (details, i);
      const char *value = rst_details_get_value (details, i);
      gsize value_start, value_end;

      /* A scalar's text grows from the YAML it comes from only by
       * escapes, at most half again: "\P" is U+2029, three bytes.
       */
      REQUIRE (key[0] != '\0' && strlen (key) <= yaml_length * 3 / 2);
      REQUIRE (strlen (value) <= yaml_length * 3 / 2);
      REQUIRE (g_utf8_validate (key, -1, NULL) && g_utf8_validate (value, -1, NULL));
      REQUIRE (rst_details_lookup (details, key) == value);

      if (rst_front_matter_find_value (text, &fm, key, &value_start, &value_end))
        REQUIRE (fm.yaml_start <= value_start && value_start <= value_end && value_end <= fm.yaml_end);
    }
  for (guint i = 0; i < nested->len; i++)
    REQUIRE (strlen (g_ptr_array_index (nested, i)) <= yaml_length * 3 / 2);

  check_round_trip (details);

  /* Rewriting with the same details changes no detail and no body. */
  replaced = rst_front_matter_replace (text, size, details, &error);
  REQUIRE (replaced != NULL);
  rst_front_matter_locate (replaced, strlen (replaced), &fm_replaced);
  REQUIRE (same_body (replaced, &fm_replaced, text, size, &fm));
  reread = read_all (replaced, strlen (replaced), &error);
  REQUIRE (reread != NULL);
  REQUIRE (rst_details_equal (details, reread));
  g_clear_pointer (&replaced, g_free);
  g_clear_pointer (&reread, rst_details_unref);

  /* A changed, a new and a removed detail: the panel's edits. The new
   * values carry what needs quoting.
   */
  changed = rst_details_copy (details);
  if (rst_details_get_size (changed) > 0)
    {
      g_autofree char *key = g_strdup (rst_details_get_key (changed, 0));

      rst_details_set (changed, key, "\"a\\b\" #c: d\t'e'");
    }
  if (rst_details_get_size (changed) > 1)
    {
      g_autofree char *key = g_strdup (rst_details_get_key (changed, rst_details_get_size (changed) - 1));

      rst_details_remove (changed, key);
    }
  rst_details_set (changed, "speaker", "no");
  rst_details_set (changed, "title", "{{title}}: — « x »");

  replaced = rst_front_matter_replace (text, size, changed, &error);
  if (replaced == NULL)
    {
      /* Only keys in the forms the line rewriter does not follow. */
      REQUIRE (g_error_matches (error, RST_FRONT_MATTER_ERROR, RST_FRONT_MATTER_ERROR_UNSUPPORTED));
      if (!has_exotic_keys (text + fm.yaml_start, yaml_length))
        g_printerr ("refused to rewrite:\n%.*s", (int) yaml_length, text + fm.yaml_start);
      REQUIRE (has_exotic_keys (text + fm.yaml_start, yaml_length));
      return 0;
    }
  REQUIRE (g_utf8_validate (replaced, -1, NULL));
  rst_front_matter_locate (replaced, strlen (replaced), &fm_replaced);
  REQUIRE (same_body (replaced, &fm_replaced, text, size, &fm));
  reread = read_all (replaced, strlen (replaced), &error);
  if (reread == NULL)
    g_printerr ("rewritten front matter does not read back: %s\n%s", error->message, replaced);
  REQUIRE (reread != NULL);
  /* In the file's order: a detail removed and set again keeps its line. */
  if (!same_details (changed, reread))
    g_printerr ("rewritten front matter reads back as other details:\n%s", replaced);
  REQUIRE (same_details (changed, reread));

  return 0;
}
