/* rst-fold.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text brought to the one form the rule files are matched in, in all six
 * languages: lower case, markup (* and _) dropped, white space one space,
 * the typographic apostrophe made ', full-width and Arabic punctuation
 * made ASCII (，→, ：→: 。→. ،→, ؟→?), Arabic tatweel and diacritics
 * dropped and hamzated alifs made bare, and a language's own character
 * folds (traditional to simplified Chinese). The rule files' phrases are
 * folded the same way, so that each side may be written as drafters
 * write it. Every byte of the result knows the source range it came
 * from, so that a match maps back to the text.
 */
typedef struct
{
  GString *text;
  GArray  *from;   /* guint32: source offset of each folded byte */
  GArray  *to;     /* guint32: source end of each folded byte */
  /* The text last folded, while its caller holds it: a match's end
   * takes in the marks folding dropped after it.
   */
  const char *source;
  gsize       source_length;
} RstFolded;

RstFolded *rst_folded_new    (void);
void       rst_folded_free   (RstFolded        *self);
void       rst_fold          (RstFolded        *out,
                              const char       *text,
                              gsize             length,
                              GHashTable       *extra);
char      *rst_fold_string   (const char       *text,
                              gssize            length,
                              GHashTable       *extra);
gsize      rst_folded_source_start (const RstFolded *self,
                                    gsize            at);
gsize      rst_folded_source_end   (const RstFolded *self,
                                    gsize            end);

gboolean   rst_fold_find_word (const char       *folded,
                               gsize             len,
                               const char       *phrase,
                               gsize            *start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RstFolded, rst_folded_free)

G_END_DECLS
