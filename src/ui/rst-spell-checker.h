/* rst-spell-checker.h
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define RST_TYPE_SPELL_CHECKER (rst_spell_checker_get_type ())

G_DECLARE_FINAL_TYPE (RstSpellChecker, rst_spell_checker, RST, SPELL_CHECKER, GObject)

/* Underlines misspelt words in @view's buffer as they scroll into view or
 * change, and adds suggestions to @view's context menu. @view owns the
 * checker (transfer none); attaching twice returns the same checker.
 */
RstSpellChecker *rst_spell_checker_attach             (GtkSourceView    *view);
RstSpellChecker *rst_spell_checker_get_for_view       (GtkSourceView    *view);
GtkSourceView   *rst_spell_checker_get_view           (RstSpellChecker  *self);
gboolean         rst_spell_checker_get_enabled        (RstSpellChecker  *self);
void             rst_spell_checker_set_enabled        (RstSpellChecker  *self,
                                                       gboolean          enabled);
/* The language asked for ("fr", "es_AR"), or %NULL to follow the
 * statement's language (the dictionary its rules name), and the system
 * language until the statement has been read.
 */
const char      *rst_spell_checker_get_language       (RstSpellChecker  *self);
void             rst_spell_checker_set_language       (RstSpellChecker  *self,
                                                       const char       *language);
/* The dictionary in use ("en_US"), or %NULL when there is none for the
 * language (Chinese has none: nothing is underlined then).
 */
const char      *rst_spell_checker_get_dictionary     (RstSpellChecker  *self);
const char      *rst_spell_checker_get_missing_dictionary (RstSpellChecker *self);
GtkTextTag      *rst_spell_checker_get_tag            (RstSpellChecker  *self);
/* TRUE while a check of changed or newly shown text is queued. */
gboolean         rst_spell_checker_get_busy           (RstSpellChecker  *self);
gboolean         rst_spell_checker_check_word         (RstSpellChecker  *self,
                                                       const char       *word,
                                                       gssize            length);
char           **rst_spell_checker_get_suggestions    (RstSpellChecker  *self,
                                                       const char       *word);
/* Adds @word to the personal dictionary of the current language. */
void             rst_spell_checker_add_word           (RstSpellChecker  *self,
                                                       const char       *word);
void             rst_spell_checker_ignore_word        (RstSpellChecker  *self,
                                                       const char       *word);
/* The spelling section of the context menu, filled for the word at
 * @iter by rst_spell_checker_update_menu() (the view does so itself on a
 * right click or the Menu key).
 */
GMenuModel      *rst_spell_checker_get_menu_model     (RstSpellChecker  *self);
void             rst_spell_checker_update_menu        (RstSpellChecker  *self,
                                                       const GtkTextIter *iter);

G_END_DECLS
