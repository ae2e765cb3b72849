/* rst-context-settings.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-context-settings.h"
#include "rst-delegation.h"

struct _RstContextSettings
{
  GObject             parent_instance;
  GSettings          *settings;
  RstAnalysisContext *context;
};

G_DEFINE_FINAL_TYPE (RstContextSettings, rst_context_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys of the schema an analysis depends on. */
static const char * const watched_keys[] = {
  "words-per-minute",
  "characters-per-minute",
  "hidden-info-rules",
  "delegation",
  "speaker",
  "speaker-title",
  "default-council",
  "default-language",
};

static void
rst_context_settings_update (RstContextSettings *self)
{
  RstAnalysisContext *context = rst_analysis_context_new ();
  g_autoptr(RstDetails) delegation = rst_delegation_load (self->settings);
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-info-rules");

  rst_analysis_context_set_words_per_minute (context, g_settings_get_double (self->settings, "words-per-minute"));
  rst_analysis_context_set_characters_per_minute (context,
                                                  g_settings_get_double (self->settings, "characters-per-minute"));
  rst_analysis_context_set_hidden_codes (context, (const char * const *) hidden);
  rst_analysis_context_set_delegation (context, delegation);

  g_clear_pointer (&self->context, rst_analysis_context_unref);
  self->context = context;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

static void
rst_context_settings_changed (RstContextSettings *self,
                              const char         *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (watched_keys); i++)
    if (g_str_equal (key, watched_keys[i]))
      {
        rst_context_settings_update (self);
        return;
      }
}

static void
rst_context_settings_finalize (GObject *object)
{
  RstContextSettings *self = (RstContextSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->context, rst_analysis_context_unref);

  G_OBJECT_CLASS (rst_context_settings_parent_class)->finalize (object);
}

static void
rst_context_settings_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  RstContextSettings *self = RST_CONTEXT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_boxed (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_context_settings_class_init (RstContextSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rst_context_settings_finalize;
  object_class->get_property = rst_context_settings_get_property;

  properties[PROP_CONTEXT] =
    g_param_spec_boxed ("context", NULL, NULL, RST_TYPE_ANALYSIS_CONTEXT,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rst_context_settings_init (RstContextSettings *self)
{
}

RstContextSettings *
rst_context_settings_new (GSettings *settings)
{
  RstContextSettings *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (RST_TYPE_CONTEXT_SETTINGS, NULL);
  self->settings = g_object_ref (settings);
  rst_context_settings_update (self);
  g_signal_connect_object (settings, "changed",
                           G_CALLBACK (rst_context_settings_changed), self, G_CONNECT_SWAPPED);

  return self;
}

/* Returns: (transfer none): the context as Preferences are now */
RstAnalysisContext *
rst_context_settings_get_context (RstContextSettings *self)
{
  g_return_val_if_fail (RST_IS_CONTEXT_SETTINGS (self), NULL);
  return self->context;
}
