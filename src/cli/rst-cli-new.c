/* rst-cli-new.c
 *
 * Copyright 2026 The Rostrum developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rst-cli-private.h"
#include "rst-delegation.h"
#include "rst-file-writer.h"
#include "rst-language.h"
#include "rst-template-store.h"
#include "rst-template-values.h"

/* rostrum --list-templates: ID<TAB>NAME<TAB>SOURCE<TAB>LANGS */
int
rst_cli_list_templates (void)
{
  g_autoptr(RstTemplateStore) store = rst_template_store_new_default ();
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RstTemplate) template = g_list_model_get_item (G_LIST_MODEL (store), i);
      const GError *error = rst_template_get_error (template);
      const char *note = rst_template_get_note (template);
      g_auto(GStrv) langs = rst_template_store_dup_languages (store, rst_template_get_id (template));
      g_autofree char *joined = g_strjoinv (",", langs);
      g_autofree char *id = rst_cli_sanitize_field (rst_template_get_id (template));
      g_autofree char *name = rst_cli_sanitize_field (rst_template_get_name (template));

      g_string_append_printf (out, "%s\t%s\t%s\t%s", id, name,
                              rst_template_origin_to_string (rst_template_get_origin (template)),
                              joined);
      /* A broken file stays listed, so that its author learns why. */
      if (error != NULL)
        {
          g_autofree char *message = rst_cli_sanitize_field (error->message);

          g_string_append_printf (out, "\t%s %s", _("error:"), message);
        }
      g_string_append_c (out, '\n');

      if (note != NULL)
        {
          g_autofree char *clean = rst_cli_sanitize_field (note);

          g_printerr (_("rostrum: warning: %s\n"), clean);
        }
    }

  rst_cli_write_stdout (out->str);
  return EXIT_SUCCESS;
}

static gboolean
has_control_characters (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Reads the --set assignments into @values; @council and @lang receive
 * the two that are not fields of the template but choices of it.
 */
static int
read_assignments (const char * const  *assignments,
                  GHashTable          *values,
                  char               **council,
                  char               **lang)
{
  for (guint i = 0; assignments != NULL && assignments[i] != NULL; i++)
    {
      const char *eq = strchr (assignments[i], '=');
      g_autofree char *key = NULL;
      const char *value;

      if (eq == NULL || eq == assignments[i])
        return rst_cli_bad_input (_("malformed --set “%s”: expected KEY=VALUE"), assignments[i]);

      value = eq + 1;
      if (has_control_characters (value))
        return rst_cli_bad_input (_("malformed --set “%.*s”: the value holds a control character (a tab, a line break or an escape)"),
                                  (int) (eq - assignments[i]), assignments[i]);

      /* Front-matter spelling (agenda-item) is accepted as well. */
      key = g_strdelimit (g_strndup (assignments[i], eq - assignments[i]), "-", '_');

      /* DESIGN.md: --set council=ID is --council ID; --set lang=xx picks
       * the template's version in that language.
       */
      if (g_str_equal (key, "council") || g_str_equal (key, "council_id"))
        {
          g_free (*council);
          *council = g_strdup (value);
          continue;
        }
      if (g_str_equal (key, "lang"))
        {
          if (rst_language_normalize (value) == NULL)
            return rst_cli_bad_input (_("malformed --set “%s”: the language is one of ar, en, es, fr, ru or zh"),
                                      assignments[i]);
          g_free (*lang);
          *lang = g_strdup (rst_language_normalize (value));
          continue;
        }

      if (!rst_template_is_known_field (key))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) rst_template_get_known_fields ());

          return rst_cli_bad_input (_("unknown field “%s” in --set; the fields are %s, council and lang"),
                                    key, known);
        }

      if (g_str_equal (key, "session") &&
          !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT - 1, NULL, NULL))
        return rst_cli_bad_input (_("malformed --set “%s”: the session is a number, as in session=115"),
                                  assignments[i]);

      g_hash_table_replace (values, g_steal_pointer (&key), g_strdup (value));
    }

  return EXIT_SUCCESS;
}

/* rostrum --new --template ID [--council ID] [--set KEY=VALUE…] --output PATH */
int
rst_cli_new (const char         *template_id,
             const char * const *assignments,
             const char         *council_named,
             const char         *output)
{
  g_autoptr(GHashTable) values = rst_template_values_new ();
  g_autoptr(RstCouncilList) councils = rst_council_list_get_default ();
  g_autoptr(RstDetails) delegation = rst_delegation_load_default ();
  g_autoptr(RstTemplateStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *set_council = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *text = NULL;
  RstTemplate *template;
  gsize length;
  int status;

  if (template_id == NULL)
    return rst_cli_bad_input (_("--new needs --template ID; rostrum --list-templates shows them"));
  if (output == NULL)
    return rst_cli_bad_input (_("--new needs --output PATH"));

  /* Explicit values first: the profiles below only fill what is unset. */
  status = read_assignments (assignments, values, &set_council, &lang);
  if (status != EXIT_SUCCESS)
    return status;

  rst_template_values_add_delegation (values, delegation);

  /* The language asked for, else the delegation's usual one. */
  if (lang == NULL)
    lang = g_strdup (rst_language_normalize (rst_details_get (delegation, RST_DETAIL_LANG)));

  store = rst_template_store_new_default ();
  if (rst_template_store_lookup (store, template_id) == NULL)
    return rst_cli_bad_input (_("unknown template “%s”; rostrum --list-templates shows them"), template_id);

  template = rst_template_store_lookup_language (store, template_id, lang != NULL ? lang : "en");
  if (template == NULL && lang == NULL)
    template = rst_template_store_lookup (store, template_id);
  if (template == NULL)
    {
      g_auto(GStrv) langs = rst_template_store_dup_languages (store, template_id);
      g_autofree char *joined = g_strjoinv (", ", langs);

      return rst_cli_bad_input (_("the template “%s” has no version in “%s” (it has: %s)"),
                                template_id, lang, joined[0] != '\0' ? joined : _("none"));
    }

  if (council_named == NULL)
    council_named = set_council;
  if (council_named == NULL)
    council_named = rst_details_get (delegation, RST_DETAIL_COUNCIL);
  if (council_named != NULL)
    {
      RstCouncil *council = rst_cli_lookup_council (councils, council_named, &status);

      if (council == NULL)
        return status;
      rst_template_values_add_council (values, council, rst_template_get_lang (template));
    }

  text = rst_template_fill (template, values, &error);
  if (text == NULL)
    return rst_cli_bad_input ("%s", error->message);

  /* Never clobber: a statement someone worked on may have that name. */
  file = g_file_new_for_commandline_arg (output);
  length = strlen (text);
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  if (!rst_file_write_bytes (file, bytes, RST_FILE_WRITE_NO_CLOBBER, NULL, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return rst_cli_bad_input (_("“%s” already exists; choose another --output"), output);
      return rst_cli_bad_input ("%s", error->message);
    }

  return EXIT_SUCCESS;
}
