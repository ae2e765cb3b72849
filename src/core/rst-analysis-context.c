/* rst-analysis-context.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rst-analysis-context.h"

struct _RstAnalysisContext
{
  gatomicrefcount  ref_count;
  RstCouncilList  *councils;
  RstCouncil      *council;
  RstDetails      *delegation;
  GStrv            hidden_codes;
  double           words_per_minute;
  double           characters_per_minute;
};

G_DEFINE_BOXED_TYPE (RstAnalysisContext, rst_analysis_context,
                     rst_analysis_context_ref, rst_analysis_context_unref)

/**
 * rst_analysis_context_new:
 *
 * Returns: (transfer full): a context with the process's council
 *   profiles, no forced council, the council's pace and nothing hidden
 */
RstAnalysisContext *
rst_analysis_context_new (void)
{
  RstAnalysisContext *self = g_new0 (RstAnalysisContext, 1);

  g_atomic_ref_count_init (&self->ref_count);
  return self;
}

RstAnalysisContext *
rst_analysis_context_ref (RstAnalysisContext *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rst_analysis_context_unref (RstAnalysisContext *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_object (&self->councils);
  g_clear_object (&self->council);
  g_clear_pointer (&self->delegation, rst_details_unref);
  g_strfreev (self->hidden_codes);
  g_free (self);
}

/* Returns: (transfer full): a copy to change, the original being shared */
RstAnalysisContext *
rst_analysis_context_copy (const RstAnalysisContext *self)
{
  RstAnalysisContext *copy = rst_analysis_context_new ();

  g_return_val_if_fail (self != NULL, copy);

  g_set_object (&copy->councils, self->councils);
  g_set_object (&copy->council, self->council);
  if (self->delegation != NULL)
    copy->delegation = rst_details_ref (self->delegation);
  copy->hidden_codes = g_strdupv (self->hidden_codes);
  copy->words_per_minute = self->words_per_minute;
  copy->characters_per_minute = self->characters_per_minute;

  return copy;
}

/**
 * rst_analysis_context_set_councils:
 * @councils: (nullable): the profiles; %NULL for
 *   rst_council_list_get_default()
 */
void
rst_analysis_context_set_councils (RstAnalysisContext *self,
                                   RstCouncilList     *councils)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (councils == NULL || RST_IS_COUNCIL_LIST (councils));

  g_set_object (&self->councils, councils);
}

/**
 * rst_analysis_context_get_councils:
 *
 * Returns: (transfer full): the profiles to resolve councils with
 */
RstCouncilList *
rst_analysis_context_get_councils (const RstAnalysisContext *self)
{
  if (self == NULL || self->councils == NULL)
    return rst_council_list_get_default ();
  return g_object_ref (self->councils);
}

/**
 * rst_analysis_context_set_council:
 * @council: (nullable): the profile to check against whatever the text
 *   names, as `--council` asks
 */
void
rst_analysis_context_set_council (RstAnalysisContext *self,
                                  RstCouncil         *council)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (council == NULL || RST_IS_COUNCIL (council));

  g_set_object (&self->council, council);
}

/* Returns: (transfer none) (nullable): the forced council */
RstCouncil *
rst_analysis_context_get_council (const RstAnalysisContext *self)
{
  return self != NULL ? self->council : NULL;
}

/* The drafter's own pace from Preferences; 0 keeps the council's. */
void
rst_analysis_context_set_words_per_minute (RstAnalysisContext *self,
                                           double              words_per_minute)
{
  g_return_if_fail (self != NULL);

  self->words_per_minute = words_per_minute > 0.0 ? words_per_minute : 0.0;
}

double
rst_analysis_context_get_words_per_minute (const RstAnalysisContext *self)
{
  return self != NULL ? self->words_per_minute : 0.0;
}

/* The drafter's pace in a language timed in characters (Chinese), where
 * a pace in words means nothing; 0 keeps the council's.
 */
void
rst_analysis_context_set_characters_per_minute (RstAnalysisContext *self,
                                                double              characters_per_minute)
{
  g_return_if_fail (self != NULL);

  self->characters_per_minute = characters_per_minute > 0.0 ? characters_per_minute : 0.0;
}

double
rst_analysis_context_get_characters_per_minute (const RstAnalysisContext *self)
{
  return self != NULL ? self->characters_per_minute : 0.0;
}

/**
 * rst_analysis_context_set_hidden_codes:
 * @codes: (nullable) (array zero-terminated=1): codes of info-level rules
 *   the drafter turned off; warnings and errors are never hidden
 */
void
rst_analysis_context_set_hidden_codes (RstAnalysisContext *self,
                                       const char * const *codes)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->hidden_codes);
  self->hidden_codes = g_strdupv ((char **) codes);
}

gboolean
rst_analysis_context_is_hidden (const RstAnalysisContext *self,
                                const char               *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  return self != NULL && self->hidden_codes != NULL &&
         g_strv_contains ((const char * const *) self->hidden_codes, code);
}

/**
 * rst_analysis_context_set_delegation:
 * @delegation: (nullable): the delegation profile of Preferences, with
 *   the keys of a front matter (delegation, speaker, lang …)
 */
void
rst_analysis_context_set_delegation (RstAnalysisContext *self,
                                     RstDetails         *delegation)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->delegation, rst_details_unref);
  if (delegation != NULL)
    self->delegation = rst_details_ref (delegation);
}

/* Returns: (transfer none) (nullable): the delegation profile */
RstDetails *
rst_analysis_context_get_delegation (const RstAnalysisContext *self)
{
  return self != NULL ? self->delegation : NULL;
}
