/* rst-spell-checker.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#if HAVE_ENCHANT
# include <enchant.h>
#endif

#include "rst-spell-checker.h"
#include "rst-writing.h"
#include "rst-rules.h"
#include "rst-spell-words.h"
#include "rst-document.h"

/* Spelling as gspell and GNOME Text Editor do it, in the statement's own
 * terms: the words come from rst_spell_words_foreach() (no slots, numbers,
 * addresses or acronyms), text the language definition marks
 * "no-spell-check" (front matter, slots, the delivery mark) is skipped,
 * and only lines that changed and are on screen are checked, so a long
 * statement costs what one screen of it costs.
 */

#define MAX_SUGGESTIONS 5
/* A short pause after a keystroke, so that typing is never held up. */
#define UPDATE_DELAY_MS 120
/* Lines above and below the visible ones checked ahead of scrolling. */
#define MARGIN_LINES 10

struct _RstSpellChecker
{
  GObject             parent_instance;

  GtkSourceView      *view;        /* weak */
  GtkTextBuffer      *buffer;
  GtkTextTag         *tag;
  /* Text changed or never shown since the last check. */
  GtkSourceRegion    *unchecked;
  GtkAdjustment      *vadjustment;

  char               *language;          /* asked for, or NULL */
  /* The dictionary the statement's language asks for (its rules'
   * [Spelling] Dictionary); NULL for a language no dictionary spells.
   */
  char               *document_dictionary;
  char               *dictionary;        /* resolved tag */
  char               *missing;           /* asked for, not installed */
#if HAVE_ENCHANT
  EnchantDict        *dict;
#endif

  GMenu              *menu;
  GSimpleActionGroup *actions;
  GtkTextMark        *word_start;
  GtkTextMark        *word_end;

  /* The word being typed is not marked until the cursor leaves it. */
  GtkTextMark        *typing_mark;
  gsize               front_matter_chars;
  guint               update_source;
  guint               enabled : 1;
  guint               typing : 1;
  guint               follows_document : 1;
};

G_DEFINE_FINAL_TYPE (RstSpellChecker, rst_spell_checker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_ENABLED,
  PROP_LANGUAGE,
  PROP_DICTIONARY,
  PROP_MISSING_DICTIONARY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#if HAVE_ENCHANT
/* One broker and one dictionary per language for the whole process:
 * loading a Hunspell dictionary takes tens of milliseconds, and words
 * ignored in one statement are then ignored in all of them.
 */
static EnchantBroker *
get_broker (void)
{
  static EnchantBroker *broker;

  if (broker == NULL)
    broker = enchant_broker_init ();
  return broker;
}

static EnchantDict *
get_dict (const char *tag)
{
  static GHashTable *dicts;
  EnchantDict *dict;

  if (dicts == NULL)
    dicts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  dict = g_hash_table_lookup (dicts, tag);
  if (dict == NULL && get_broker () != NULL)
    {
      dict = enchant_broker_request_dict (get_broker (), tag);
      if (dict != NULL)
        g_hash_table_insert (dicts, g_strdup (tag), dict);
    }
  return dict;
}

static void
collect_dict_tag (const char * const  lang_tag,
                  const char * const  provider_name,
                  const char * const  provider_desc,
                  const char * const  provider_file,
                  void               *user_data)
{
  g_ptr_array_add (user_data, g_strdup (lang_tag));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **)a, *(const char **)b);
}

/* "fr" → "fr" or, without a dictionary of that name, the first regional
 * one ("fr_BE" … "fr_FR") with the language's own country preferred.
 */
static char *
resolve_tag (const char *wanted)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *preferred = NULL;
  char *underscore;

  if (wanted == NULL || get_broker () == NULL)
    return NULL;
  if (enchant_broker_dict_exists (get_broker (), wanted))
    return g_strdup (wanted);

  lang = g_strdup (wanted);
  if ((underscore = strchr (lang, '_')) != NULL)
    *underscore = '\0';
  if (enchant_broker_dict_exists (get_broker (), lang))
    return g_steal_pointer (&lang);

  tags = g_ptr_array_new_with_free_func (g_free);
  enchant_broker_list_dicts (get_broker (), collect_dict_tag, tags);
  g_ptr_array_sort (tags, compare_strings);

  /* en_US, fr_FR, es_ES, ru_RU: the country named like the language. */
  if (g_str_equal (lang, "en"))
    preferred = g_strdup ("en_US");
  else
    {
      g_autofree char *upper = g_ascii_strup (lang, -1);
      preferred = g_strdup_printf ("%s_%s", lang, upper);
    }

  for (guint i = 0; i < tags->len; i++)
    if (g_str_equal (g_ptr_array_index (tags, i), preferred))
      return g_strdup (preferred);

  for (guint i = 0; i < tags->len; i++)
    {
      const char *tag = g_ptr_array_index (tags, i);

      if (g_str_has_prefix (tag, lang) && tag[strlen (lang)] == '_')
        return g_strdup (tag);
    }

  return NULL;
}
#endif

static char *
resolve_system_tag (void)
{
#if HAVE_ENCHANT
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *tag = rst_spell_words_normalize_language (names[i]);
      char *resolved;

      if (tag == NULL || g_str_equal (tag, "c") || g_str_equal (tag, "posix"))
        continue;
      if ((resolved = resolve_tag (tag)) != NULL)
        return resolved;
    }

  /* The C locale of servers and tests: the language of the statements
   * Rostrum ships with.
   */
  return resolve_tag ("en_US");
#else
  return NULL;
#endif
}

/* The whole buffer is to be checked again, as far as it is shown. */
static void
rst_spell_checker_invalidate_all (RstSpellChecker *self);
static void
rst_spell_checker_queue_update (RstSpellChecker *self);

static void
rst_spell_checker_update_dictionary (RstSpellChecker *self)
{
  g_autofree char *tag = NULL;
  const char *wanted = self->language ? self->language : self->document_dictionary;
  const char *missing = NULL;

#if HAVE_ENCHANT
  /* A statement in a language without a dictionary is left alone rather
   * than checked against the system's; one that no dictionary spells
   * (Chinese) is no problem to report.
   */
  if (wanted != NULL)
    tag = resolve_tag (wanted);
  /* A statement waits for its analysis to name its language, rather than
   * loading the system's dictionary first only to drop it a moment later:
   * a hunspell dictionary is megabytes to read at start-up.
   */
  else if (!self->follows_document && !RST_IS_DOCUMENT (self->buffer))
    tag = resolve_system_tag ();
  if (wanted != NULL && tag == NULL)
    missing = wanted;
#else
  (void)wanted;
#endif

  if (g_strcmp0 (missing, self->missing) != 0)
    {
      g_free (self->missing);
      self->missing = g_strdup (missing);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MISSING_DICTIONARY]);
    }

  if (g_strcmp0 (tag, self->dictionary) == 0)
    return;

  g_free (self->dictionary);
  self->dictionary = g_steal_pointer (&tag);
#if HAVE_ENCHANT
  self->dict = self->dictionary ? get_dict (self->dictionary) : NULL;
#endif
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DICTIONARY]);

  rst_spell_checker_invalidate_all (self);
}

/* The statement's language, as the analysis found it (its "lang" detail,
 * or what its words are written in), spelt with the dictionary its rules
 * name, and where its body starts in the buffer: the spell checker reads
 * the statement the way everything else does.
 */
static void
rst_spell_checker_follow_analysis (RstSpellChecker *self)
{
  RstDocumentChecker *checker = RST_IS_DOCUMENT (self->buffer)
    ? rst_document_get_checker (RST_DOCUMENT (self->buffer)) : NULL;
  RstAnalysis *analysis = checker != NULL ? rst_document_checker_get_analysis (checker) : NULL;
  const char *dictionary;
  GtkTextIter body;

  if (analysis == NULL)
    return;

  /* In the buffer, a front matter only when it could not be read. */
  rst_document_checker_get_iter_at_offset (checker, rst_analysis_get_body_offset (analysis), &body);
  self->front_matter_chars = gtk_text_iter_get_offset (&body);

  dictionary = rst_writing_get_dictionary (rst_writing_get (rst_analysis_get_language (analysis)));
  if (!self->follows_document || g_strcmp0 (dictionary, self->document_dictionary) != 0)
    {
      self->follows_document = TRUE;
      g_free (self->document_dictionary);
      self->document_dictionary = g_strdup (dictionary);
      rst_spell_checker_update_dictionary (self);
    }
}

static gboolean
has_no_spell_check (GtkSourceBuffer   *buffer,
                    const GtkTextIter *iter)
{
  return gtk_source_buffer_iter_has_context_class (buffer, iter, "no-spell-check");
}

typedef struct
{
  RstSpellChecker *self;
  const char      *text;
  GtkTextIter      line_start;
  /* Where the last word was, to turn byte offsets into characters
   * without walking the line from its start for every word.
   */
  gsize            last_byte;
  int              last_char;
  int              line_offset;
  int              typing_offset;
} CheckLine;

static gboolean
check_word_cb (const char *text,
               gsize       start,
               gsize       end,
               gpointer    user_data)
{
  CheckLine *c = user_data;
  RstSpellChecker *self = c->self;
  int start_char, end_char;
  GtkTextIter word_start, word_end;

  start_char = c->last_char + g_utf8_strlen (text + c->last_byte, start - c->last_byte);
  end_char = start_char + g_utf8_strlen (text + start, end - start);
  c->last_byte = end;
  c->last_char = end_char;

  /* The word under the cursor while it is being typed. */
  if (c->typing_offset >= c->line_offset + start_char && c->typing_offset <= c->line_offset + end_char)
    return TRUE;

  word_start = c->line_start;
  gtk_text_iter_forward_chars (&word_start, start_char);
  if (has_no_spell_check (GTK_SOURCE_BUFFER (self->buffer), &word_start))
    return TRUE;

  if (!rst_spell_checker_check_word (self, text + start, end - start))
    {
      word_end = c->line_start;
      gtk_text_iter_forward_chars (&word_end, end_char);
      gtk_text_buffer_apply_tag (self->buffer, self->tag, &word_start, &word_end);
    }

  return TRUE;
}

/* Checks whole lines from @start to @end. */
static void
rst_spell_checker_check_lines (RstSpellChecker *self,
                               GtkTextIter     *start,
                               GtkTextIter     *end)
{
  GtkTextIter line = *start;

  gtk_text_iter_set_line_offset (&line, 0);
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);

  gtk_text_buffer_remove_tag (self->buffer, self->tag, &line, end);
  if (!self->enabled || self->dictionary == NULL)
    return;

  /* Context classes exist once the highlighter went over the text. */
  gtk_source_buffer_ensure_highlight (GTK_SOURCE_BUFFER (self->buffer), &line, end);

  while (gtk_text_iter_compare (&line, end) < 0)
    {
      GtkTextIter line_end = line;
      g_autofree char *text = NULL;
      CheckLine c = { 0 };

      if (!gtk_text_iter_ends_line (&line_end))
        gtk_text_iter_forward_to_line_end (&line_end);

      /* Front matter is not read out; skip it without a word split. */
      if ((gsize)gtk_text_iter_get_offset (&line) >= self->front_matter_chars)
        {
          text = gtk_text_buffer_get_slice (self->buffer, &line, &line_end, TRUE);
          c.self = self;
          c.text = text;
          c.line_start = line;
          c.line_offset = gtk_text_iter_get_offset (&line);
          c.typing_offset = -1;
          if (self->typing)
            {
              GtkTextIter typing;

              gtk_text_buffer_get_iter_at_mark (self->buffer, &typing, self->typing_mark);
              c.typing_offset = gtk_text_iter_get_offset (&typing);
            }
          rst_spell_words_foreach (text, -1, RST_SPELL_WORDS_DEFAULT, check_word_cb, &c);
        }

      if (!gtk_text_iter_forward_line (&line))
        break;
    }
}

/* The lines on screen, with a margin so that a small scroll finds them
 * already checked.
 */
static void
rst_spell_checker_get_visible (RstSpellChecker *self,
                               GtkTextIter     *start,
                               GtkTextIter     *end)
{
  GdkRectangle rect;

  gtk_text_view_get_visible_rect (GTK_TEXT_VIEW (self->view), &rect);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), start, rect.y, NULL);
  gtk_text_view_get_line_at_y (GTK_TEXT_VIEW (self->view), end, rect.y + rect.height, NULL);
  gtk_text_iter_backward_lines (start, MARGIN_LINES);
  gtk_text_iter_forward_lines (end, MARGIN_LINES);
  if (!gtk_text_iter_ends_line (end))
    gtk_text_iter_forward_to_line_end (end);
}

static gboolean
rst_spell_checker_update (gpointer user_data)
{
  RstSpellChecker *self = user_data;
  g_autoptr(GtkSourceRegion) todo = NULL;
  GtkSourceRegionIter region_iter;
  GtkTextIter start, end;

  self->update_source = 0;

  if (self->view == NULL)
    return G_SOURCE_REMOVE;

  rst_spell_checker_get_visible (self, &start, &end);
  todo = gtk_source_region_intersect_subregion (self->unchecked, &start, &end);
  gtk_source_region_subtract_subregion (self->unchecked, &start, &end);

  if (todo != NULL)
    {
      gtk_source_region_get_start_region_iter (todo, &region_iter);
      while (!gtk_source_region_iter_is_end (&region_iter))
        {
          GtkTextIter sub_start, sub_end;

          if (gtk_source_region_iter_get_subregion (&region_iter, &sub_start, &sub_end))
            rst_spell_checker_check_lines (self, &sub_start, &sub_end);
          gtk_source_region_iter_next (&region_iter);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return G_SOURCE_REMOVE;
}

static void
rst_spell_checker_queue_update (RstSpellChecker *self)
{
  if (self->update_source != 0)
    return;

  self->update_source = g_timeout_add_full (G_PRIORITY_LOW, UPDATE_DELAY_MS,
                                            rst_spell_checker_update, self, NULL);
  g_source_set_name_by_id (self->update_source, "[rostrum] spell check");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
rst_spell_checker_invalidate_all (RstSpellChecker *self)
{
  GtkTextIter begin, end;

  gtk_text_buffer_get_bounds (self->buffer, &begin, &end);
  if (!self->enabled || self->dictionary == NULL)
    {
      gtk_text_buffer_remove_tag (self->buffer, self->tag, &begin, &end);
      return;
    }

  gtk_source_region_add_subregion (self->unchecked, &begin, &end);
  rst_spell_checker_queue_update (self);
}

static void
rst_spell_checker_invalidate_line (RstSpellChecker   *self,
                                   const GtkTextIter *start,
                                   const GtkTextIter *end)
{
  GtkTextIter a = *start, b = *end;

  gtk_text_iter_set_line_offset (&a, 0);
  if (!gtk_text_iter_ends_line (&b))
    gtk_text_iter_forward_to_line_end (&b);
  gtk_source_region_add_subregion (self->unchecked, &a, &b);
  rst_spell_checker_queue_update (self);
}

static void
rst_spell_checker_insert_text_after (RstSpellChecker *self,
                                     GtkTextIter     *location,
                                     const char      *text,
                                     int              length,
                                     GtkTextBuffer   *buffer)
{
  GtkTextIter start = *location;
  GtkTextIter insert;

  gtk_text_iter_backward_chars (&start, g_utf8_strlen (text, length));

  /* Typing at the cursor: wait for the word to be finished. */
  gtk_text_buffer_get_iter_at_mark (buffer, &insert, gtk_text_buffer_get_insert (buffer));
  self->typing = gtk_text_iter_equal (&insert, location) && g_utf8_strlen (text, length) == 1;
  if (self->typing)
    gtk_text_buffer_move_mark (buffer, self->typing_mark, location);

  rst_spell_checker_invalidate_line (self, &start, location);
}

static void
rst_spell_checker_delete_range_after (RstSpellChecker *self,
                                      GtkTextIter     *start,
                                      GtkTextIter     *end,
                                      GtkTextBuffer   *buffer)
{
  self->typing = FALSE;
  rst_spell_checker_invalidate_line (self, start, end);
}

/* Once the cursor leaves the word being typed, that word is checked. */
static void
rst_spell_checker_cursor_moved (RstSpellChecker *self)
{
  GtkTextIter insert, typing;

  if (!self->typing)
    return;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &insert, gtk_text_buffer_get_insert (self->buffer));
  gtk_text_buffer_get_iter_at_mark (self->buffer, &typing, self->typing_mark);
  if (gtk_text_iter_equal (&insert, &typing))
    return;

  self->typing = FALSE;
  rst_spell_checker_invalidate_line (self, &typing, &typing);
}

static void
rst_spell_checker_update_tag_color (RstSpellChecker *self)
{
  GdkRGBA color;

  /* The GNOME palette's red, lighter on dark backgrounds; the checker's
   * structure underlines take precedence where both meet.
   */
  gdk_rgba_parse (&color, adw_style_manager_get_dark (adw_style_manager_get_default ())
                          ? "#f66151" : "#c01c28");
  g_object_set (self->tag, "underline-rgba", &color, NULL);
}

/* The word at @iter as found by the word splitter, or FALSE. */
static gboolean
rst_spell_checker_find_word (RstSpellChecker   *self,
                             const GtkTextIter *iter,
                             GtkTextIter       *word_start,
                             GtkTextIter       *word_end)
{
  GtkTextIter line = *iter, line_end = *iter;
  g_autofree char *text = NULL;
  g_autoptr(GArray) words = NULL;
  int offset = gtk_text_iter_get_line_offset (iter);

  gtk_text_iter_set_line_offset (&line, 0);
  if (!gtk_text_iter_ends_line (&line_end))
    gtk_text_iter_forward_to_line_end (&line_end);
  text = gtk_text_buffer_get_slice (self->buffer, &line, &line_end, TRUE);
  words = rst_spell_words_split (text, -1, RST_SPELL_WORDS_DEFAULT);

  for (guint i = 0; i < words->len; i++)
    {
      const RstSpellWord *word = &g_array_index (words, RstSpellWord, i);
      int start = g_utf8_pointer_to_offset (text, text + word->start);
      int end = g_utf8_pointer_to_offset (text, text + word->end);

      if (offset >= start && offset <= end)
        {
          *word_start = line;
          gtk_text_iter_set_line_offset (word_start, start);
          *word_end = line;
          gtk_text_iter_set_line_offset (word_end, end);
          return !has_no_spell_check (GTK_SOURCE_BUFFER (self->buffer), word_start);
        }
      if (start > offset)
        break;
    }

  return FALSE;
}

void
rst_spell_checker_update_menu (RstSpellChecker   *self,
                               const GtkTextIter *iter)
{
  GtkTextIter word_start, word_end;
  g_autofree char *word = NULL;
  g_auto(GStrv) suggestions = NULL;
  g_autoptr(GMenu) words = NULL;

  g_return_if_fail (RST_IS_SPELL_CHECKER (self));
  g_return_if_fail (iter != NULL);

  g_menu_remove_all (self->menu);

  if (!self->enabled || self->dictionary == NULL ||
      !rst_spell_checker_find_word (self, iter, &word_start, &word_end))
    return;

  word = gtk_text_iter_get_slice (&word_start, &word_end);
  if (rst_spell_checker_check_word (self, word, -1))
    return;

  gtk_text_buffer_move_mark (self->buffer, self->word_start, &word_start);
  gtk_text_buffer_move_mark (self->buffer, self->word_end, &word_end);

  suggestions = rst_spell_checker_get_suggestions (self, word);
  words = g_menu_new ();
  for (guint i = 0; suggestions[i] != NULL && i < MAX_SUGGESTIONS; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);

      g_menu_item_set_action_and_target (item, "spelling.replace", "s", suggestions[i]);
      g_menu_append_item (words, item);
    }
  if (suggestions[0] == NULL)
    /* No action: shown, but insensitive. */
    g_menu_append (words, _("No Suggestions"), "spelling.none");

  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (words));
  g_menu_append (self->menu, _("_Add to Dictionary"), "spelling.add");
  g_menu_append (self->menu, _("_Ignore"), "spelling.ignore");
}

static char *
rst_spell_checker_dup_menu_word (RstSpellChecker *self,
                                 GtkTextIter     *start,
                                 GtkTextIter     *end)
{
  gtk_text_buffer_get_iter_at_mark (self->buffer, start, self->word_start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, end, self->word_end);
  return gtk_text_iter_get_slice (start, end);
}

static void
rst_spell_checker_replace_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  RstSpellChecker *self = user_data;
  GtkTextIter start, end;
  g_autofree char *word = rst_spell_checker_dup_menu_word (self, &start, &end);
  const char *replacement = g_variant_get_string (parameter, NULL);

  if (gtk_text_iter_equal (&start, &end))
    return;

#if HAVE_ENCHANT
  /* Enchant ranks this correction first the next time. */
  if (self->dict != NULL)
    enchant_dict_store_replacement (self->dict, word, -1, replacement, -1);
#endif

  gtk_text_buffer_begin_user_action (self->buffer);
  gtk_text_buffer_delete (self->buffer, &start, &end);
  gtk_text_buffer_insert (self->buffer, &start, replacement, -1);
  gtk_text_buffer_end_user_action (self->buffer);
  g_menu_remove_all (self->menu);
}

static void
rst_spell_checker_add_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  RstSpellChecker *self = user_data;
  GtkTextIter start, end;
  g_autofree char *word = rst_spell_checker_dup_menu_word (self, &start, &end);

  if (*word != '\0')
    rst_spell_checker_add_word (self, word);
  g_menu_remove_all (self->menu);
}

static void
rst_spell_checker_ignore_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  RstSpellChecker *self = user_data;
  GtkTextIter start, end;
  g_autofree char *word = rst_spell_checker_dup_menu_word (self, &start, &end);

  if (*word != '\0')
    rst_spell_checker_ignore_word (self, word);
  g_menu_remove_all (self->menu);
}

/* A right click fills the menu for the word clicked, before the view
 * opens its context menu.
 */
static void
rst_spell_checker_click_pressed (GtkGestureClick *gesture,
                                 int              n_press,
                                 double           x,
                                 double           y,
                                 RstSpellChecker *self)
{
  GtkTextIter iter;
  int bx, by;

  if (self->view == NULL)
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->view), &iter, bx, by);
  rst_spell_checker_update_menu (self, &iter);
}

/* The keyboard way to the context menu: Menu or Shift+F10. */
static gboolean
rst_spell_checker_key_pressed (GtkEventControllerKey *controller,
                               guint                  keyval,
                               guint                  keycode,
                               GdkModifierType        state,
                               RstSpellChecker       *self)
{
  if (keyval == GDK_KEY_Menu ||
      (keyval == GDK_KEY_F10 && (state & GDK_SHIFT_MASK) != 0))
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
      rst_spell_checker_update_menu (self, &iter);
    }

  return GDK_EVENT_PROPAGATE;
}

static void
rst_spell_checker_scrolled (RstSpellChecker *self)
{
  if (!gtk_source_region_is_empty (self->unchecked))
    rst_spell_checker_queue_update (self);
}

static void
rst_spell_checker_track_vadjustment (RstSpellChecker *self)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view));

  if (vadjustment == self->vadjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    {
      g_signal_connect_object (vadjustment, "value-changed",
                               G_CALLBACK (rst_spell_checker_scrolled), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (vadjustment, "changed",
                               G_CALLBACK (rst_spell_checker_scrolled), self, G_CONNECT_SWAPPED);
    }
}

/* Adds the spelling section to what the view's context menu already has
 * (the checker's fixes, as a section of a GMenu), after it, so that both
 * show in one menu whichever unit set it up.
 */
static void
rst_spell_checker_merge_menu (RstSpellChecker *self)
{
  GMenuModel *extra = gtk_text_view_get_extra_menu (GTK_TEXT_VIEW (self->view));
  g_autoptr(GMenu) combined = NULL;

  if (G_IS_MENU (extra))
    {
      g_menu_append_section (G_MENU (extra), NULL, G_MENU_MODEL (self->menu));
      return;
    }

  combined = g_menu_new ();
  if (extra != NULL)
    g_menu_append_section (combined, NULL, extra);
  g_menu_append_section (combined, NULL, G_MENU_MODEL (self->menu));
  gtk_text_view_set_extra_menu (GTK_TEXT_VIEW (self->view), G_MENU_MODEL (combined));
}

static void
rst_spell_checker_constructed (GObject *object)
{
  RstSpellChecker *self = (RstSpellChecker *)object;
  static const GActionEntry entries[] = {
    { "replace", rst_spell_checker_replace_action, "s" },
    { "add", rst_spell_checker_add_action },
    { "ignore", rst_spell_checker_ignore_action },
  };
  GtkEventController *controller;
  GtkTextIter begin;

  G_OBJECT_CLASS (rst_spell_checker_parent_class)->constructed (object);

  g_assert (GTK_SOURCE_IS_VIEW (self->view));

  self->buffer = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view)));
  self->tag = gtk_text_buffer_create_tag (self->buffer, NULL,
                                          "underline", PANGO_UNDERLINE_ERROR,
                                          NULL);
  /* Lowest: the checker's own underlines win where both apply. */
  gtk_text_tag_set_priority (self->tag, 0);
  rst_spell_checker_update_tag_color (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (rst_spell_checker_update_tag_color), self, G_CONNECT_SWAPPED);

  self->unchecked = gtk_source_region_new (self->buffer);
  gtk_text_buffer_get_start_iter (self->buffer, &begin);
  self->word_start = gtk_text_buffer_create_mark (self->buffer, NULL, &begin, TRUE);
  self->word_end = gtk_text_buffer_create_mark (self->buffer, NULL, &begin, FALSE);
  self->typing_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &begin, FALSE);

  g_signal_connect_object (self->buffer, "insert-text",
                           G_CALLBACK (rst_spell_checker_insert_text_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "delete-range",
                           G_CALLBACK (rst_spell_checker_delete_range_after), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "notify::cursor-position",
                           G_CALLBACK (rst_spell_checker_cursor_moved), self, G_CONNECT_SWAPPED);

  rst_spell_checker_track_vadjustment (self);
  g_signal_connect_object (self->view, "notify::vadjustment",
                           G_CALLBACK (rst_spell_checker_track_vadjustment), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "map",
                           G_CALLBACK (rst_spell_checker_scrolled), self, G_CONNECT_SWAPPED);

  self->menu = g_menu_new ();
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries, G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self->view), "spelling", G_ACTION_GROUP (self->actions));
  rst_spell_checker_merge_menu (self);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed",
                           G_CALLBACK (rst_spell_checker_click_pressed), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (rst_spell_checker_key_pressed), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);

  if (RST_IS_DOCUMENT (self->buffer))
    g_signal_connect_object (rst_document_get_checker (RST_DOCUMENT (self->buffer)), "notify::analysis",
                             G_CALLBACK (rst_spell_checker_follow_analysis), self, G_CONNECT_SWAPPED);
  rst_spell_checker_follow_analysis (self);
  rst_spell_checker_update_dictionary (self);
  rst_spell_checker_invalidate_all (self);
}

static void
rst_spell_checker_dispose (GObject *object)
{
  RstSpellChecker *self = (RstSpellChecker *)object;

  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->vadjustment);
  g_clear_weak_pointer (&self->view);

  G_OBJECT_CLASS (rst_spell_checker_parent_class)->dispose (object);
}

static void
rst_spell_checker_finalize (GObject *object)
{
  RstSpellChecker *self = (RstSpellChecker *)object;

  g_clear_object (&self->unchecked);
  g_clear_object (&self->buffer);
  g_clear_object (&self->menu);
  g_clear_object (&self->actions);
  g_free (self->language);
  g_free (self->document_dictionary);
  g_free (self->missing);
  g_free (self->dictionary);

  G_OBJECT_CLASS (rst_spell_checker_parent_class)->finalize (object);
}

static void
rst_spell_checker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  RstSpellChecker *self = RST_SPELL_CHECKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, self->enabled);
      break;

    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    case PROP_DICTIONARY:
      g_value_set_string (value, self->dictionary);
      break;

    case PROP_MISSING_DICTIONARY:
      g_value_set_string (value, self->missing);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, rst_spell_checker_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_spell_checker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  RstSpellChecker *self = RST_SPELL_CHECKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_set_weak_pointer (&self->view, g_value_get_object (value));
      break;

    case PROP_ENABLED:
      rst_spell_checker_set_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_LANGUAGE:
      rst_spell_checker_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rst_spell_checker_class_init (RstSpellCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = rst_spell_checker_constructed;
  object_class->dispose = rst_spell_checker_dispose;
  object_class->finalize = rst_spell_checker_finalize;
  object_class->get_property = rst_spell_checker_get_property;
  object_class->set_property = rst_spell_checker_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, GTK_SOURCE_TYPE_VIEW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DICTIONARY] =
    g_param_spec_string ("dictionary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * RstSpellChecker:missing-dictionary:
   *
   * The dictionary the statement's language asks for ("ru_RU") when none
   * of that language is installed, for the window to say so once.
   */
  properties[PROP_MISSING_DICTIONARY] =
    g_param_spec_string ("missing-dictionary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rst_spell_checker_init (RstSpellChecker *self)
{
  self->enabled = TRUE;
}

/**
 * rst_spell_checker_attach:
 *
 * Returns: (transfer none): the spell checker of @view
 */
RstSpellChecker *
rst_spell_checker_attach (GtkSourceView *view)
{
  RstSpellChecker *self;

  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);

  if ((self = rst_spell_checker_get_for_view (view)) != NULL)
    return self;

  self = g_object_new (RST_TYPE_SPELL_CHECKER, "view", view, NULL);
  g_object_set_data_full (G_OBJECT (view), "rst-spell-checker", self, g_object_unref);
  return self;
}

/**
 * rst_spell_checker_get_for_view:
 *
 * Returns: (transfer none) (nullable): the spell checker attached to @view
 */
RstSpellChecker *
rst_spell_checker_get_for_view (GtkSourceView *view)
{
  g_return_val_if_fail (GTK_SOURCE_IS_VIEW (view), NULL);

  return g_object_get_data (G_OBJECT (view), "rst-spell-checker");
}

/**
 * rst_spell_checker_get_view:
 *
 * Returns: (transfer none) (nullable): the view
 */
GtkSourceView *
rst_spell_checker_get_view (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);

  return self->view;
}

gboolean
rst_spell_checker_get_enabled (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), FALSE);

  return self->enabled;
}

void
rst_spell_checker_set_enabled (RstSpellChecker *self,
                               gboolean         enabled)
{
  g_return_if_fail (RST_IS_SPELL_CHECKER (self));

  enabled = !!enabled;
  if (self->enabled == (guint)enabled)
    return;

  self->enabled = enabled;
  if (self->buffer != NULL)
    rst_spell_checker_invalidate_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
}

const char *
rst_spell_checker_get_language (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);

  return self->language;
}

void
rst_spell_checker_set_language (RstSpellChecker *self,
                                const char      *language)
{
  g_autofree char *tag = NULL;

  g_return_if_fail (RST_IS_SPELL_CHECKER (self));

  tag = rst_spell_words_normalize_language (language);
  if (g_strcmp0 (tag, self->language) == 0)
    return;

  g_free (self->language);
  self->language = g_steal_pointer (&tag);
  if (self->buffer != NULL)
    rst_spell_checker_update_dictionary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
rst_spell_checker_get_dictionary (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);

  return self->dictionary;
}

/**
 * rst_spell_checker_get_missing_dictionary:
 *
 * Returns: (nullable): the dictionary the statement's language asks for
 *   when none of that language is installed, else %NULL
 */
const char *
rst_spell_checker_get_missing_dictionary (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);

  return self->missing;
}

/**
 * rst_spell_checker_get_tag:
 *
 * Returns: (transfer none): the tag on misspelt words
 */
GtkTextTag *
rst_spell_checker_get_tag (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);

  return self->tag;
}

gboolean
rst_spell_checker_get_busy (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), FALSE);

  return self->update_source != 0;
}

/* TRUE for a correct word, and for any word without a dictionary. */
gboolean
rst_spell_checker_check_word (RstSpellChecker *self,
                              const char      *word,
                              gssize           length)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), TRUE);
  g_return_val_if_fail (word != NULL, TRUE);

#if HAVE_ENCHANT
  if (self->dict != NULL)
    return enchant_dict_check (self->dict, word, length) <= 0;
#endif
  return TRUE;
}

/**
 * rst_spell_checker_get_suggestions:
 *
 * Returns: (transfer full): the corrections the dictionary proposes, best
 *   first; empty without a dictionary
 */
char **
rst_spell_checker_get_suggestions (RstSpellChecker *self,
                                   const char      *word)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);
  g_return_val_if_fail (word != NULL, NULL);

#if HAVE_ENCHANT
  if (self->dict != NULL)
    {
      size_t n = 0;
      char **suggestions = enchant_dict_suggest (self->dict, word, -1, &n);

      for (size_t i = 0; i < n; i++)
        g_strv_builder_add (builder, suggestions[i]);
      if (suggestions != NULL)
        enchant_dict_free_string_list (self->dict, suggestions);
    }
#endif

  return g_strv_builder_end (builder);
}

void
rst_spell_checker_add_word (RstSpellChecker *self,
                            const char      *word)
{
  g_return_if_fail (RST_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

#if HAVE_ENCHANT
  if (self->dict != NULL)
    enchant_dict_add (self->dict, word, -1);
#endif
  rst_spell_checker_invalidate_all (self);
}

void
rst_spell_checker_ignore_word (RstSpellChecker *self,
                               const char      *word)
{
  g_return_if_fail (RST_IS_SPELL_CHECKER (self));
  g_return_if_fail (word != NULL);

#if HAVE_ENCHANT
  if (self->dict != NULL)
    enchant_dict_add_to_session (self->dict, word, -1);
#endif
  rst_spell_checker_invalidate_all (self);
}

/**
 * rst_spell_checker_get_menu_model:
 *
 * Returns: (transfer none): the spelling section of the context menu
 */
GMenuModel *
rst_spell_checker_get_menu_model (RstSpellChecker *self)
{
  g_return_val_if_fail (RST_IS_SPELL_CHECKER (self), NULL);

  return G_MENU_MODEL (self->menu);
}
