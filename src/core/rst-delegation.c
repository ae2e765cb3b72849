/* rst-delegation.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-delegation.h"

static const struct {
  const char *setting;
  const char *key;
} keys[] = {
  { "delegation", RST_DETAIL_DELEGATION },
  { "speaker", RST_DETAIL_SPEAKER },
  { "speaker-title", "speaker-title" },
  { "default-council", RST_DETAIL_COUNCIL },
  { "default-language", RST_DETAIL_LANG },
};

/**
 * rst_delegation_load:
 * @settings: the application's settings
 *
 * Returns: (transfer full): the profile; keys left empty in Preferences
 *   are absent
 */
RstDetails *
rst_delegation_load (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  RstDetails *profile = rst_details_new ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), profile);

  g_object_get (settings, "settings-schema", &schema, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = NULL;

      if (!g_settings_schema_has_key (schema, keys[i].setting))
        continue;

      value = g_settings_get_string (settings, keys[i].setting);
      g_strstrip (value);
      if (value[0] != '\0')
        rst_details_set (profile, keys[i].key, value);
    }

  return profile;
}

/**
 * rst_delegation_load_default:
 *
 * The profile of the installed schema, for the command line: a run from
 * the build tree without the schema gets an empty profile rather than
 * GSettings' abort.
 *
 * Returns: (transfer full): the profile
 */
RstDetails *
rst_delegation_load_default (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source == NULL)
    return rst_details_new ();

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return rst_details_new ();

  settings = g_settings_new_full (schema, NULL, NULL);
  return rst_delegation_load (settings);
}
