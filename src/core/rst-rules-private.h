/* rst-rules-private.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rst-fold.h"
#include "rst-rules.h"

G_BEGIN_DECLS

/* The rules of one language as rst-rules.c loads them, and the matching
 * primitives the matchers of rst-rules-*.c share: each file holds the
 * matchers of one part of a statement, this header what they all need.
 */

/* How many ordinal series a rule file may give (Series1 … Series8). */
#define MAX_SERIES 8


/* A phrase of a rule file, folded, with what it stands for. */
typedef struct
{
  char *text;
  guint len;
  guint value;
  guint series;
  /* Only for markers: may be followed by the text without a comma. */
  guint loose : 1;
  guint finally : 1;
} Phrase;

struct _RstRules
{
  char        *lang;
  GHashTable  *folds;             /* gunichar → gunichar */
  gboolean     spaces;

  /* Priority markers: every series and Finally, longest first. */
  GArray      *markers;           /* Phrase */
  char       **series[MAX_SERIES]; /* as listed: value - 1 → "First" */
  guint        n_series;
  GArray      *not_followed_by;   /* gunichar: 第一次 is no "First" */
  GHashTable  *determiners;
  GHashTable  *phrase_last;
  GHashTable  *phrase_nouns;

  GArray      *numbers;           /* Phrase, value = the number */
  char       **number_words;      /* as listed: value - 1 → "three" */
  GArray      *count_nouns;       /* Phrase */
  GArray      *count_adjectives;  /* Phrase */
  GArray      *following;         /* Phrase */
  GHashTable  *following_articles;
  gboolean     noun_first;

  GArray      *forms;             /* Phrase, longest first */
  GArray      *forms_after;
  GArray      *qualifiers;
  GArray      *roles;             /* Phrase, value 1 for the chair's */
  GHashTable  *generic;
  GArray      *joiners;
  GArray      *thanks;
  char        *ends;              /* folded characters that end a salutation */
  char        *address_pattern;

  GArray      *closings;          /* Phrase */
  char        *default_closing;

  GHashTable  *delivery_marks;
  char        *default_delivery_mark;
  GArray      *opening_phrases;   /* Phrase */
  GArray      *heading_prefixes;
  GArray      *heading_suffixes;
  GArray      *months;
  GHashTable  *basmala;
  GHashTable  *abbreviations;     /* as listed, case-sensitive */
  guint        long_sentence;
  char       **suffix_by_digit;   /* 10 entries */
  char        *suffix_teens;

  RstTimingUnit timing_unit;
  double        per_minute;

  GHashTable  *recognition_words; /* folded */
  GPtrArray   *session_patterns;  /* GRegex, with a group "n" or "w" */
  GHashTable  *ordinal_words;     /* folded ordinal in words → value */
  char       **hundreds;          /* what follows 1–99 for 101–199, 201–299 */
  char       **ordinal_list;      /* as listed: value - 1 → the words */
  char        *hundred;           /* 100 in words */
  char        *hundreds_one;      /* 1 before the hundreds: الحادية */
  char        *ordinal_format;    /* "{n}e" */
  char        *ordinal_first;     /* "{n}re" */
  gboolean     ordinal_in_words;  /* exports write the session in words */

  /* First folded words (first characters, without spaces) of every
   * salutation, closing and delivery mark: a paragraph that starts
   * otherwise is prose, and the costlier matchers need not look at it.
   */
  GHashTable  *line_starters;
};

/* A short line folded, for the matchers: free with rst_folded_free(). */
RstFolded     *_rst_rules_fold_line      (const RstRules *rules,
                                          const char     *line,
                                          gsize           len);
gunichar       _rst_rules_char_at        (const char     *text,
                                          gsize           i,
                                          gsize           end);
gunichar       _rst_rules_char_before    (const char     *text,
                                          gsize           i);
gboolean       _rst_rules_is_letter      (gunichar        c);
gboolean       _rst_rules_ends_word      (const char     *text,
                                          gsize           i,
                                          gsize           end);
gboolean       _rst_rules_prefix_at      (const char     *text,
                                          gsize           s,
                                          gsize           e,
                                          const Phrase   *phrase,
                                          gsize          *after);
const Phrase  *_rst_rules_longest_prefix (GArray         *phrases,
                                          const char     *text,
                                          gsize           s,
                                          gsize           e,
                                          gsize          *after);
gsize          _rst_rules_skip_spaces    (const char     *text,
                                          gsize           s,
                                          gsize           e);
void           _rst_rules_trim           (const char     *text,
                                          gsize          *s,
                                          gsize          *e);
gboolean       _rst_rules_set_has        (GHashTable     *set,
                                          const char     *text,
                                          gsize           s,
                                          gsize           e);
char          *_rst_rules_first_word     (const RstRules *rules,
                                          const char     *text,
                                          gsize           len);
char          *_rst_rules_first_form     (const char     *entry);

G_END_DECLS
