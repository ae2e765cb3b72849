/* rst-template-values.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-placeholder.h"
#include "rst-rules.h"
#include "rst-template-private.h"
#include "rst-template-values.h"
#include "rst-timing.h"

static const char * const known_fields[] = {
  "speaker",
  "speaker_title",
  "delegation",
  "council",
  "council_short",
  "council_id",
  "session",
  "session_ordinal",
  "chair_title",
  "chair_form",
  "chair_address",
  "date",
  "agenda_item",
  "year",
  "delivery_mark",
  "time_limit",
  NULL
};

/* The front-matter keys of DESIGN.md that hold a known field on their own;
 * "Save as template" turns such a value back into its placeholder only
 * under its own key, so "Mr." or "114" elsewhere are left alone.
 */
static const struct {
  const char *key;
  const char *field;
} detail_fields[] = {
  { "council", "council_id" },
  { "session", "session" },
  { "delegation", "delegation" },
  { "speaker", "speaker" },
  { "chair", "chair_title" },
  { "chair-form", "chair_form" },
  { "date", "date" },
  { "agenda-item", "agenda_item" },
  { "delivery-mark", "delivery_mark" },
  { "time-limit", "time_limit" },
};

/* Fields whose values are distinctive enough to be recognized anywhere in
 * a statement. The bare session number, the year and the chair's form of
 * address are not: "114 countries", "the 2024–2028 plan" and "Mr. Smith"
 * must survive "Save as template".
 */
const char * const _rst_template_text_fields[] = {
  "speaker",
  "speaker_title",
  "delegation",
  "council",
  "council_short",
  "session_ordinal",
  "chair_address",
  "chair_title",
  "date",
  "agenda_item",
  NULL
};

/* Known fields and values -------------------------------------------- */

const char * const *
rst_template_get_known_fields (void)
{
  return known_fields;
}

gboolean
rst_template_is_known_field (const char *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return g_strv_contains (known_fields, field);
}

GHashTable *
rst_template_values_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

const char *
_rst_template_values_lookup (GHashTable *values,
              const char *field)
{
  const char *value;

  if (values == NULL)
    return NULL;

  value = g_hash_table_lookup (values, field);

  return value != NULL && value[0] != '\0' ? value : NULL;
}

void
rst_template_values_set_default (GHashTable *values,
                                 const char *field,
                                 const char *value)
{
  g_return_if_fail (values != NULL);
  g_return_if_fail (field != NULL);

  if (value == NULL || value[0] == '\0' || _rst_template_values_lookup (values, field) != NULL)
    return;

  g_hash_table_replace (values, g_strdup (field), g_strdup (value));
}

/**
 * rst_template_values_add_council:
 * @council: (nullable): the council profile
 *
 * Adds council, council_short, council_id, chair_title, chair_form,
 * delivery_mark and time_limit where they have no value. The generic
 * profile names no real council ("the Generic council" in a statement
 * would be wrong), so it gives the chair's address only.
 */
void
rst_template_values_add_council (GHashTable *values,
                                 RstCouncil *council,
                                 const char *lang)
{
  const RstRules *rules = rst_rules_get (lang);
  const char *delivery_mark;
  guint limit;

  g_return_if_fail (values != NULL);
  g_return_if_fail (council == NULL || RST_IS_COUNCIL (council));

  if (council == NULL)
    return;

  lang = rst_rules_get_language (rules);

  /* In the template's language: a French template says « Monsieur le
   * Président », whatever the interface speaks.
   */
  /* The profile's whole address unless the details name the chair
   * otherwise ("chair-form: Madam"): then the language builds it.
   */
  if (_rst_template_values_lookup (values, "chair_form") == NULL &&
      _rst_template_values_lookup (values, "chair_title") == NULL)
    rst_template_values_set_default (values, "chair_address",
                                     rst_council_get_text_for (council, RST_COUNCIL_TEXT_CHAIR_ADDRESS, lang));
  rst_template_values_set_default (values, "chair_title",
                                   rst_council_get_text_for (council, RST_COUNCIL_TEXT_CHAIR_TITLE, lang));
  rst_template_values_set_default (values, "chair_form",
                                   rst_council_get_text_for (council, RST_COUNCIL_TEXT_CHAIR_FORM, lang));
  if (rst_council_is_generic (council))
    return;

  rst_template_values_set_default (values, "council_id", rst_council_get_id (council));
  rst_template_values_set_default (values, "council",
                                   rst_council_get_text_for (council, RST_COUNCIL_TEXT_NAME, lang));
  rst_template_values_set_default (values, "council_short",
                                   rst_council_get_text_for (council, RST_COUNCIL_TEXT_SHORT_NAME, lang));

  delivery_mark = rst_council_get_text_for (council, RST_COUNCIL_TEXT_DELIVERY_MARK, lang);
  if (delivery_mark == NULL)
    delivery_mark = rst_rules_get_default_delivery_mark (rules);
  rst_template_values_set_default (values, "delivery_mark", delivery_mark);

  limit = rst_council_get_time_limit_seconds (council);
  if (limit > 0)
    {
      g_autofree char *str = rst_timing_format (limit);

      rst_template_values_set_default (values, "time_limit", str);
    }
}

/**
 * rst_template_values_complete:
 * @lang: (nullable): the statement's language, for the session's ordinal
 *
 * Adds session_ordinal, chair_address and year where they can be derived.
 */
void
rst_template_values_complete (GHashTable *values,
                              const char *lang)
{
  const char *session;
  const char *date;
  const char *title;

  g_return_if_fail (values != NULL);

  session = _rst_template_values_lookup (values, "session");
  if (session != NULL && _rst_template_values_lookup (values, "session_ordinal") == NULL)
    {
      guint64 number;

      if (g_ascii_string_to_unsigned (session, 10, 1, G_MAXUINT, &number, NULL))
        g_hash_table_replace (values, g_strdup ("session_ordinal"),
                              rst_rules_format_session_ordinal (rst_rules_get (lang), (guint) number));
    }

  title = _rst_template_values_lookup (values, "chair_title");
  if (title != NULL && _rst_template_values_lookup (values, "chair_address") == NULL)
    {
      const char *form = _rst_template_values_lookup (values, "chair_form");

      /* "Mr. President", "主席先生": the language puts them together. */
      g_hash_table_replace (values, g_strdup ("chair_address"),
                            rst_rules_dup_address (rst_rules_get (lang), form, title));
    }

  /* Dates are ISO 8601 in the front matter (DESIGN.md). */
  date = _rst_template_values_lookup (values, "date");
  if (date != NULL && _rst_template_values_lookup (values, "year") == NULL &&
      strlen (date) >= 4 &&
      g_ascii_isdigit (date[0]) && g_ascii_isdigit (date[1]) &&
      g_ascii_isdigit (date[2]) && g_ascii_isdigit (date[3]) &&
      (date[4] == '\0' || date[4] == '-'))
    g_hash_table_replace (values, g_strdup ("year"), g_strndup (date, 4));
}

/* A copy of @values, cleaned (known fields are one-line values) and
 * completed, for filling or unfilling a template in @lang.
 */
GHashTable *
_rst_template_values_copy_and_complete (GHashTable *values,
                                        const char *lang)
{
  GHashTable *copy = rst_template_values_new ();

  if (values != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, values);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          /* Known fields are one-line values: a newline from a settings
           * key or the command line must not split a paragraph.
           */
          g_autofree char *clean = g_strdup (value ? value : "");

          g_strdelimit (clean, "\r\n\t", ' ');
          g_strstrip (clean);
          g_hash_table_replace (copy, g_strdup (key), g_steal_pointer (&clean));
        }
    }

  rst_template_values_complete (copy, lang);

  return copy;
}


/**
 * rst_template_field_for_detail:
 * @key: a front-matter key of DESIGN.md ("council", "agenda-item")
 *
 * Returns: (nullable): the known field that holds its value on its own
 *   ("council_id", "agenda_item"), or %NULL
 */
const char *
rst_template_field_for_detail (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (detail_fields); i++)
    if (g_str_equal (detail_fields[i].key, key))
      return detail_fields[i].field;

  return NULL;
}

/**
 * rst_template_values_add_details:
 * @details: (nullable): a statement's details
 *
 * Adds the known fields its front-matter keys hold ("agenda-item" →
 * agenda_item, "council" → council_id, "chair" → chair_title).
 */
void
rst_template_values_add_details (GHashTable *values,
                                 RstDetails *details)
{
  g_return_if_fail (values != NULL);

  if (details == NULL)
    return;

  for (guint i = 0; i < rst_details_get_size (details); i++)
    {
      const char *key = rst_details_get_key (details, i);
      const char *field = rst_template_field_for_detail (key);
      g_autofree char *name = g_strdelimit (g_strdup (key), "-", '_');

      if (field == NULL && rst_template_is_known_field (name))
        field = name;
      /* "{{delegation}}" is not a delegation: the file name and a new
       * statement leave the field out, or take it from elsewhere.
       */
      if (field != NULL && !rst_placeholder_in (rst_details_get_value (details, i)))
        rst_template_values_set_default (values, field, rst_details_get_value (details, i));
    }
}

/**
 * rst_template_values_add_delegation:
 * @delegation: (nullable): the delegation profile (rst_delegation_load())
 *
 * Adds delegation, speaker and speaker_title where they have no value.
 */
void
rst_template_values_add_delegation (GHashTable *values,
                                    RstDetails *delegation)
{
  static const struct {
    const char *key;
    const char *field;
  } keys[] = {
    { RST_DETAIL_DELEGATION, "delegation" },
    { RST_DETAIL_SPEAKER, "speaker" },
    { "speaker-title", "speaker_title" },
  };

  g_return_if_fail (values != NULL);

  for (guint i = 0; delegation != NULL && i < G_N_ELEMENTS (keys); i++)
    rst_template_values_set_default (values, keys[i].field, rst_details_get (delegation, keys[i].key));
}

/**
 * rst_template_values_new_for_analysis:
 *
 * The values a statement gives a template: its details (front matter,
 * then what the heading tells), the delegation profile of its context,
 * its council profile, then what derives from them.
 *
 * Returns: (transfer full): the values
 */
GHashTable *
rst_template_values_new_for_analysis (RstAnalysis *analysis)
{
  GHashTable *values = rst_template_values_new ();

  g_return_val_if_fail (RST_IS_ANALYSIS (analysis), values);

  rst_template_values_add_details (values, rst_analysis_get_details (analysis));
  rst_template_values_add_delegation (values,
                                      rst_analysis_context_get_delegation (rst_analysis_get_context (analysis)));
  if (rst_analysis_get_council_id (analysis) != NULL)
    {
      /* The id the statement is for, as the profile spells it. */
      g_hash_table_replace (values, g_strdup ("council_id"), g_strdup (rst_analysis_get_council_id (analysis)));
      rst_template_values_add_council (values, rst_analysis_get_council (analysis),
                                       rst_analysis_get_language (analysis));
    }
  else if (rst_analysis_get_detail (analysis, RST_DETAIL_COUNCIL) != NULL &&
           !rst_placeholder_in (rst_analysis_get_detail (analysis, RST_DETAIL_COUNCIL)))
    {
      /* A council Rostrum has no profile for keeps its name: "xyz" is an
       * acronym, as the exports print it.
       */
      const char *named = rst_analysis_get_detail (analysis, RST_DETAIL_COUNCIL);
      g_autofree char *short_name = strlen (named) <= 6 ? g_ascii_strup (named, -1) : g_strdup (named);

      rst_template_values_set_default (values, "council", named);
      rst_template_values_set_default (values, "council_short", short_name);
    }
  rst_template_values_complete (values, rst_analysis_get_language (analysis));

  return values;
}
