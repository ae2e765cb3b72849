/* rst-release-notes.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rst-release-notes.h"

/* libadwaita reads release notes from the metainfo itself only from 1.5;
 * against 1.2 this reader does it, so that the About window and the
 * software centre show the same notes, translated the same way.
 */

typedef struct
{
  const char * const *languages;
  const char         *version;
  GString            *notes;
  guint               in_release : 1;
  guint               in_description : 1;
  /* Inside a <p> or <li> of another language than the one shown. */
  guint               skipping : 1;
  guint               depth;
  /* The best language found among each element's translations. */
  int                 best;
} Reader;

/* The rank of @lang among the user's languages; smaller is better, C
 * (untranslated) last but still taken.
 */
static int
language_rank (const Reader *reader,
               const char   *lang)
{
  for (int i = 0; reader->languages[i] != NULL; i++)
    if (g_strcmp0 (reader->languages[i], lang != NULL ? lang : "C") == 0)
      return i;

  return lang == NULL ? G_MAXINT - 1 : G_MAXINT;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;
  const char *lang = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], "xml:lang"))
      lang = values[i];

  if (g_str_equal (element, "release"))
    {
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "version") && g_str_equal (values[i], reader->version))
          reader->in_release = TRUE;
      return;
    }

  if (!reader->in_release)
    return;

  if (g_str_equal (element, "description"))
    {
      reader->in_description = TRUE;
      return;
    }

  if (!reader->in_description)
    return;

  if (g_str_equal (element, "p") || g_str_equal (element, "li"))
    {
      /* Each paragraph comes once per language: keep the one in the
       * user's language, the untranslated one otherwise.
       */
      reader->skipping = language_rank (reader, lang) != reader->best;
      if (!reader->skipping)
        g_string_append_printf (reader->notes, "<%s>", element);
    }
  else if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
    g_string_append_printf (reader->notes, "<%s>", element);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;

  if (g_str_equal (element, "release"))
    reader->in_release = FALSE;
  else if (!reader->in_release || !reader->in_description)
    return;
  else if (g_str_equal (element, "description"))
    reader->in_description = FALSE;
  else if (g_str_equal (element, "p") || g_str_equal (element, "li"))
    {
      if (!reader->skipping)
        g_string_append_printf (reader->notes, "</%s>", element);
      reader->skipping = FALSE;
    }
  else if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
    g_string_append_printf (reader->notes, "</%s>", element);
}

static void
text (GMarkupParseContext  *context,
      const char           *content,
      gsize                 length,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;
  const char *element = g_markup_parse_context_get_element (context);

  if (reader->in_description && !reader->skipping &&
      (g_str_equal (element, "p") || g_str_equal (element, "li")))
    {
      g_autofree char *escaped = g_markup_escape_text (content, length);

      g_string_append (reader->notes, escaped);
    }
}

/* The best language any paragraph of the release has. */
static void
find_language (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;

  if (g_str_equal (element, "release"))
    {
      reader->in_release = FALSE;
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "version") && g_str_equal (values[i], reader->version))
          reader->in_release = TRUE;
    }
  else if (reader->in_release && (g_str_equal (element, "p") || g_str_equal (element, "li")))
    {
      const char *lang = NULL;

      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_equal (names[i], "xml:lang"))
          lang = values[i];
      reader->best = MIN (reader->best, language_rank (reader, lang));
    }
}

static gboolean
parse (const GMarkupParser *parser,
       Reader              *reader,
       const char          *metainfo,
       gssize               length)
{
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (parser, 0, reader, NULL);

  reader->in_release = reader->in_description = reader->skipping = FALSE;
  return g_markup_parse_context_parse (context, metainfo, length, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

/**
 * rst_release_notes_dup:
 * @metainfo: an AppStream metainfo file, translations merged in
 * @version: the release
 *
 * Returns: (transfer full) (nullable): the release's description as the
 *   markup AdwAboutWindow takes, in the user's language where translated
 */
char *
rst_release_notes_dup (const char *metainfo,
                       gssize      length,
                       const char *version)
{
  static const GMarkupParser languages = { find_language, NULL, NULL, NULL, NULL };
  static const GMarkupParser notes = { start_element, end_element, text, NULL, NULL };
  Reader reader = { 0 };

  g_return_val_if_fail (metainfo != NULL, NULL);
  g_return_val_if_fail (version != NULL, NULL);

  reader.languages = g_get_language_names ();
  reader.version = version;
  reader.best = G_MAXINT;
  reader.notes = g_string_new (NULL);

  if (!parse (&languages, &reader, metainfo, length) || !parse (&notes, &reader, metainfo, length) ||
      reader.notes->len == 0)
    {
      g_string_free (reader.notes, TRUE);
      return NULL;
    }

  return g_string_free (reader.notes, FALSE);
}
