/* test-spell-checker.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spelling in a real window: which words get the underline, the document's
 * language, suggestions, the context menu's actions and the preference
 * that turns it off. Needs the en_US dictionary (hunspell-en-us); the
 * French one (hunspell-fr) for the language test.
 */

#include "config.h"

#include "rst-spell-checker.h"
#include "rst-test-ui.h"
#include "rst-window.h"

static RstApplication *app;

typedef struct
{
  RstWindow       *window;
  GtkTextBuffer   *buffer;
  GtkSourceView   *view;
  RstSpellChecker *spell;
} Fixture;

static void
wait_for_check (Fixture *f)
{
  RstDocumentChecker *checker = rst_document_get_checker (RST_DOCUMENT (f->buffer));

  /* The view must be laid out before it knows what is visible. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->view)) ||
         gtk_widget_get_height (GTK_WIDGET (f->view)) == 0)
    g_main_context_iteration (NULL, TRUE);
  /* The language comes from the live checker's analysis, which is made
   * once the text has rested.
   */
  while (!rst_document_checker_get_up_to_date (checker))
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  while (rst_spell_checker_get_busy (f->spell))
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  if (app == NULL)
    return;

  f->window = rst_window_new (app);
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = GTK_SOURCE_VIEW (rst_window_get_view (f->window));
  f->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (f->view));
  f->spell = rst_spell_checker_get_for_view (f->view);
  g_assert_nonnull (f->spell);
  /* The page attached the one checker; attaching again finds it. */
  g_assert_true (rst_spell_checker_attach (f->view) == f->spell);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
has_tag_on (Fixture    *f,
            const char *word)
{
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (f->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, word, 0, &match_start, &match_end, NULL));
  return gtk_text_iter_has_tag (&match_start, rst_spell_checker_get_tag (f->spell));
}

static gboolean
dictionary_exists (RstSpellChecker *spell,
                   const char      *language)
{
  g_autofree char *saved = g_strdup (rst_spell_checker_get_language (spell));
  gboolean found;

  rst_spell_checker_set_language (spell, language);
  found = rst_spell_checker_get_dictionary (spell) != NULL;
  rst_spell_checker_set_language (spell, saved);
  return found;
}

#define REQUIRE_DICTIONARY(f, lang)                                          \
  G_STMT_START {                                                             \
    if (!dictionary_exists ((f)->spell, lang))                               \
      {                                                                      \
        g_test_skip ("No " lang " dictionary: install hunspell-" lang);      \
        return;                                                              \
      }                                                                      \
  } G_STMT_END

static const char statement[] =
  "---\n"
  "title: Statment by the Delegaton\n"
  "lang: en\n"
  "---\n"
  "**Statement by {{Speeker}}**\n"
  "\n"
  "Mr. President,\n"
  "\n"
  "The goverment of {{Contry}} thanks IOM.\n"
  "\n"
  "I thank you.\n";

static void
test_spell_checker_tags (Fixture       *f,
                         gconstpointer  data)
{
  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en");

  gtk_text_buffer_set_text (f->buffer, statement, -1);
  wait_for_check (f);

  g_assert_nonnull (rst_spell_checker_get_dictionary (f->spell));
  g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (f->spell), "en"));
  g_assert_true (has_tag_on (f, "goverment"));
  /* Slots, front matter, acronyms and correct words are left alone. */
  g_assert_false (has_tag_on (f, "Contry"));
  g_assert_false (has_tag_on (f, "Speeker"));
  g_assert_false (has_tag_on (f, "Statment"));
  g_assert_false (has_tag_on (f, "Delegaton"));
  g_assert_false (has_tag_on (f, "IOM"));
  g_assert_false (has_tag_on (f, "President"));
  g_assert_false (has_tag_on (f, "thanks"));

  /* Tags made later (the checker's structure underlines) win over it. */
  {
    GtkTextTag *later = gtk_text_buffer_create_tag (f->buffer, NULL, "underline", PANGO_UNDERLINE_SINGLE, NULL);
    g_assert_cmpint (gtk_text_tag_get_priority (rst_spell_checker_get_tag (f->spell)), <,
                     gtk_text_tag_get_priority (later));
  }
}

static void
test_spell_checker_suggestions (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(GStrv) suggestions = NULL;

  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en_US");

  rst_spell_checker_set_language (f->spell, "en_US");
  g_assert_cmpstr (rst_spell_checker_get_dictionary (f->spell), ==, "en_US");
  g_assert_false (rst_spell_checker_check_word (f->spell, "goverment", -1));
  g_assert_true (rst_spell_checker_check_word (f->spell, "government", -1));

  suggestions = rst_spell_checker_get_suggestions (f->spell, "goverment");
  g_assert_true (g_strv_contains ((const char * const *)suggestions, "government"));
}

/* The context menu's spelling section, and its Replace action. */
static void
test_spell_checker_menu_replace (Fixture       *f,
                                 gconstpointer  data)
{
  GMenuModel *menu;
  GtkTextIter start, match_start, match_end, begin, end;
  g_autofree char *text = NULL;
  gboolean found = FALSE;

  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en");

  gtk_text_buffer_set_text (f->buffer, statement, -1);
  wait_for_check (f);

  menu = rst_spell_checker_get_menu_model (f->spell);
  gtk_text_buffer_get_start_iter (f->buffer, &start);
  /* On a correct word, nothing to offer. */
  g_assert_true (gtk_text_iter_forward_search (&start, "President", 0, &match_start, &match_end, NULL));
  rst_spell_checker_update_menu (f->spell, &match_start);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 0);

  g_assert_true (gtk_text_iter_forward_search (&start, "goverment", 0, &match_start, &match_end, NULL));
  gtk_text_iter_forward_chars (&match_start, 3);
  rst_spell_checker_update_menu (f->spell, &match_start);
  /* The suggestions, Add to Dictionary and Ignore. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 3);
  {
    g_autoptr(GMenuModel) words = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_assert_nonnull (words);
    for (int i = 0; i < g_menu_model_get_n_items (words); i++)
      {
        g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (words, i, G_MENU_ATTRIBUTE_TARGET,
                                                                             G_VARIANT_TYPE_STRING);
        if (target != NULL && g_str_equal (g_variant_get_string (target, NULL), "government"))
          found = TRUE;
      }
  }
  g_assert_true (found);

  /* The spelling section is part of the view's context menu, beside the
   * checker's fixes.
   */
  {
    GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (f->view));
    gboolean linked = FALSE;

    g_assert_nonnull (extra);
    for (int i = 0; i < g_menu_model_get_n_items (extra); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (extra, i, G_MENU_LINK_SECTION);
        if (section == menu)
          linked = TRUE;
      }
    g_assert_true (linked);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "spelling.replace", "s", "government"));
  gtk_text_buffer_get_bounds (f->buffer, &begin, &end);
  text = gtk_text_buffer_get_text (f->buffer, &begin, &end, FALSE);
  g_assert_nonnull (strstr (text, "The government of {{Contry}}"));

  wait_for_check (f);
  g_assert_false (has_tag_on (f, "government"));
}

static void
test_spell_checker_add_word (Fixture       *f,
                             gconstpointer  data)
{
  GtkTextIter start, match_start, match_end;

  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en");

  gtk_text_buffer_set_text (f->buffer, "Mr. President, the Rostrumish delegation.\n", -1);
  wait_for_check (f);
  g_assert_true (has_tag_on (f, "Rostrumish"));

  gtk_text_buffer_get_start_iter (f->buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, "Rostrumish", 0, &match_start, &match_end, NULL));
  rst_spell_checker_update_menu (f->spell, &match_start);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "spelling.add", NULL));

  wait_for_check (f);
  g_assert_false (has_tag_on (f, "Rostrumish"));
  g_assert_true (rst_spell_checker_check_word (f->spell, "Rostrumish", -1));
}

/* The word being typed is marked only once the cursor leaves it. */
static void
test_spell_checker_typing (Fixture       *f,
                           gconstpointer  data)
{
  const char *typed = "Mr. President, the goverment";
  GtkTextIter end;

  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en");

  for (const char *p = typed; *p != '\0'; p++)
    gtk_text_buffer_insert_at_cursor (f->buffer, p, 1);
  wait_for_check (f);
  g_assert_false (has_tag_on (f, "goverment"));

  gtk_text_buffer_insert_at_cursor (f->buffer, " ", 1);
  wait_for_check (f);
  g_assert_true (has_tag_on (f, "goverment"));

  /* A new line after it leaves the mark where it is. */
  gtk_text_buffer_get_end_iter (f->buffer, &end);
  gtk_text_buffer_insert (f->buffer, &end, "\n", -1);
  wait_for_check (f);
  g_assert_true (has_tag_on (f, "goverment"));
}

/* The document's "lang" detail picks the dictionary; a language without
 * one (Chinese) turns the underlines off rather than checking in English.
 */
static void
test_spell_checker_document_language (Fixture       *f,
                                      gconstpointer  data)
{
  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "fr");

  gtk_text_buffer_set_text (f->buffer,
                            "---\nlang: fr\n---\nMonsieur le Président,\n\nLe gouvernment remercie l’Organisation.\n",
                            -1);
  wait_for_check (f);
  g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (f->spell), "fr"));
  g_assert_false (has_tag_on (f, "Monsieur"));
  g_assert_false (has_tag_on (f, "Président"));
  g_assert_false (has_tag_on (f, "remercie"));
  g_assert_true (has_tag_on (f, "gouvernment"));

  /* Editing the detail switches at once. */
  {
    GtkTextIter start, match_start, match_end;

    gtk_text_buffer_get_start_iter (f->buffer, &start);
    g_assert_true (gtk_text_iter_forward_search (&start, "fr\n", 0, &match_start, &match_end, NULL));
    gtk_text_iter_forward_chars (&match_end, -1);
    gtk_text_buffer_delete (f->buffer, &match_start, &match_end);
    gtk_text_buffer_insert (f->buffer, &match_start, "zh", -1);
  }
  wait_for_check (f);
  g_assert_null (rst_spell_checker_get_dictionary (f->spell));
  g_assert_false (has_tag_on (f, "gouvernment"));
}

/* Without a "lang" detail, the official language whose dictionary knows
 * the statement's words: French here, whatever the desktop's language.
 */
static void
test_spell_checker_guessed_language (Fixture       *f,
                                     gconstpointer  data)
{
  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "fr");

  gtk_text_buffer_set_text (f->buffer,
                            "Monsieur le Président,\n\n"
                            "Ma délégation remercie le Secrétariat pour son rapport et soutient "
                            "les efforts de l’Organisation en faveur des migrants.\n\n"
                            "Je vous remercie.\n", -1);
  wait_for_check (f);
  g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (f->spell), "fr"));
  g_assert_false (has_tag_on (f, "délégation"));

  gtk_text_buffer_set_text (f->buffer,
                            "Mr. President,\n\n"
                            "My delegation thanks the Secretariat for its report and supports "
                            "the efforts of the Organization for migrants.\n\n"
                            "I thank you.\n", -1);
  wait_for_check (f);
  g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (f->spell), "en"));
  g_assert_false (has_tag_on (f, "delegation"));

  /* Typed into a new statement, word by word: the guess follows. */
  gtk_text_buffer_set_text (f->buffer, "", -1);
  for (const char *p = "Señor Presidente: mi delegación agradece al Secretario General su informe. "; *p != '\0'; p = g_utf8_next_char (p))
    gtk_text_buffer_insert_at_cursor (f->buffer, p, g_utf8_next_char (p) - p);
  wait_for_check (f);
  if (dictionary_exists (f->spell, "es"))
    g_assert_true (g_str_has_prefix (rst_spell_checker_get_dictionary (f->spell), "es"));
}

/* Preferences: turning spelling off shows in the open view at once. */
static void
test_spell_checker_setting (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en");

  gtk_text_buffer_set_text (f->buffer, "The goverment thanks you.\n", -1);
  wait_for_check (f);
  g_assert_true (has_tag_on (f, "goverment"));

  g_settings_set_boolean (settings, "spell-check", FALSE);
  g_assert_false (rst_spell_checker_get_enabled (f->spell));
  wait_for_check (f);
  g_assert_false (has_tag_on (f, "goverment"));

  g_settings_set_boolean (settings, "spell-check", TRUE);
  wait_for_check (f);
  g_assert_true (has_tag_on (f, "goverment"));
}

/* Only what is on screen is checked: the end of a long statement waits
 * until it is scrolled to.
 */
static void
test_spell_checker_visible_only (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkTextIter end;

  RST_TEST_REQUIRE_DISPLAY ();
  REQUIRE_DICTIONARY (f, "en");

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "The delegation thanks the Chair for the floor.\n\n");
  g_string_append (text, "The last goverment.\n");
  gtk_text_buffer_set_text (f->buffer, text->str, -1);
  wait_for_check (f);
  g_assert_false (has_tag_on (f, "goverment"));

  gtk_text_buffer_get_end_iter (f->buffer, &end);
  gtk_text_buffer_place_cursor (f->buffer, &end);
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (f->view), &end, 0, FALSE, 0, 0);
  /* The view scrolls once it has validated the lines it passes. */
  while (!rst_spell_checker_get_busy (f->spell) && !has_tag_on (f, "goverment"))
    g_main_context_iteration (NULL, TRUE);
  wait_for_check (f);
  g_assert_true (has_tag_on (f, "goverment"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  rst_test_ui_init (&argc, &argv);

  g_test_add ("/spell-checker/tags", Fixture, NULL, fixture_set_up, test_spell_checker_tags, fixture_tear_down);
  g_test_add ("/spell-checker/suggestions", Fixture, NULL, fixture_set_up, test_spell_checker_suggestions, fixture_tear_down);
  g_test_add ("/spell-checker/menu-replace", Fixture, NULL, fixture_set_up, test_spell_checker_menu_replace, fixture_tear_down);
  g_test_add ("/spell-checker/add-word", Fixture, NULL, fixture_set_up, test_spell_checker_add_word, fixture_tear_down);
  g_test_add ("/spell-checker/typing", Fixture, NULL, fixture_set_up, test_spell_checker_typing, fixture_tear_down);
  g_test_add ("/spell-checker/document-language", Fixture, NULL, fixture_set_up, test_spell_checker_document_language, fixture_tear_down);
  g_test_add ("/spell-checker/setting", Fixture, NULL, fixture_set_up, test_spell_checker_setting, fixture_tear_down);
  g_test_add ("/spell-checker/visible-only", Fixture, NULL, fixture_set_up, test_spell_checker_visible_only, fixture_tear_down);
  g_test_add ("/spell-checker/guessed-language", Fixture, NULL, fixture_set_up, test_spell_checker_guessed_language, fixture_tear_down);

  app = rst_test_ui_create_application ();
  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
