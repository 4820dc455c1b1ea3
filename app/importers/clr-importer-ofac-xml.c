/* clr-importer-ofac-xml.c — OFAC sdn.xml / consolidated.xml (sdnList schema)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GMarkupParseContext is fed the file in chunks; one <sdnEntry> at a time is
 * held in memory.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "clr-importer-private.h"

#define MAX_DEPTH 32

typedef struct
{
  ClrImportJob      *job;
  GMarkupParseContext *context;
  ClrImportDedup    *dedup;
  const ClrListInfo *sdn_list;
  gboolean           sdn;
  const char        *stack[MAX_DEPTH];
  int                depth;
  gboolean           seen_root;
  GString           *text;
  ClrEntry          *entry;
  guint              published_aliases;
  char              *first_name;
  char              *last_name;
  GHashTable        *parts;        /* child element → text, for aka/address/id */
  char              *record_count;
  GError            *callback_error;
} XmlState;

static const char *
parent_of (XmlState *state,
           int       up)
{
  int index = state->depth - 1 - up;

  return index >= 0 ? state->stack[index] : NULL;
}

static gint64
current_line (XmlState *state)
{
  int line = 0, chr = 0;

  g_markup_parse_context_get_position (state->context, &line, &chr);
  /* Callbacks run once the '>' is consumed; with LF line ends that puts the
   * position at the start of the next line. */
  if (chr <= 1 && line > 1)
    line--;
  return line;
}

static void
xml_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **attribute_names,
           const char          **attribute_values,
           gpointer              user_data,
           GError              **error)
{
  XmlState *state = user_data;

  if (!state->seen_root)
    {
      state->seen_root = TRUE;
      if (strcmp (element, "sdnList") != 0)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, state->job->display_name,
                                current_line (state),
                                _("root element <%s> is not an OFAC <sdnList>"), element);
          return;
        }
    }

  if (state->depth >= MAX_DEPTH)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, state->job->display_name,
                            current_line (state), _("elements nested too deeply"));
      return;
    }

  state->stack[state->depth++] = g_markup_parse_context_get_element (context);
  g_string_truncate (state->text, 0);

  if (strcmp (element, "sdnEntry") == 0)
    {
      g_clear_pointer (&state->entry, clr_entry_unref);
      g_clear_pointer (&state->first_name, g_free);
      g_clear_pointer (&state->last_name, g_free);
      state->entry = clr_entry_new ();
      state->entry->source_line = current_line (state);
      state->published_aliases = 0;
    }
  else if (strcmp (element, "aka") == 0 || strcmp (element, "address") == 0 ||
           strcmp (element, "id") == 0)
    g_hash_table_remove_all (state->parts);
}

static char *
join_parts (XmlState          *state,
            const char *const *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (state->parts, names[i]);

      if (value != NULL && *value != '\0')
        g_string_append_printf (out, "%s%s", out->len ? ", " : "", value);
    }
  return g_string_free (out, FALSE);
}

static char *
person_name (const char *last,
             const char *first)
{
  if (last != NULL && first != NULL)
    return g_strdup_printf ("%s, %s", last, first);
  return g_strdup (last != NULL ? last : first);
}

static void
finish_entry (XmlState  *state,
              GError   **error)
{
  ClrEntry *entry = state->entry;
  const ClrListInfo *list;

  entry->name = person_name (state->last_name, state->first_name);
  list = clr_list_info_for_ofac_programs (entry->programs, state->sdn);
  entry->list_code = g_strdup (list->code);
  entry->list_name = g_strdup (list->name);
  entry->agency = g_strdup (list->agency);
  entry->source_url = g_strdup (list->url);
  if (entry->remarks != NULL)
    clr_import_aliases_from_remarks (entry, entry->remarks);

  if (!clr_import_deliver (state->job, entry, state->dedup, state->published_aliases,
                           &state->callback_error))
    {
      /* Keep the callback's own error; stop the parser with a marker. */
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "stopped");
    }
  g_clear_pointer (&state->entry, clr_entry_unref);
}

static void
xml_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  static const char *const address_parts[] = {
    "address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country", NULL
  };
  static const char *const id_parts[] = { "idType", "idNumber", "idCountry", NULL };
  XmlState *state = user_data;
  ClrEntry *entry = state->entry;
  const char *parent = parent_of (state, 1);
  g_autofree char *text = clr_import_dup_field (state->text->str);

  state->depth--;
  g_string_truncate (state->text, 0);

  if (strcmp (element, "Publish_Date") == 0)
    {
      g_free (state->job->info->publication_date);
      state->job->info->publication_date = clr_import_date_from_mdy (text);
      return;
    }
  if (strcmp (element, "Record_Count") == 0)
    {
      g_free (state->record_count);
      state->record_count = g_steal_pointer (&text);
      return;
    }

  if (entry == NULL)
    return;

  if (g_strcmp0 (parent, "sdnEntry") == 0)
    {
      if (strcmp (element, "uid") == 0)
        {
          g_free (entry->entry_id);
          entry->entry_id = g_steal_pointer (&text);
        }
      else if (strcmp (element, "firstName") == 0)
        {
          g_free (state->first_name);
          state->first_name = g_steal_pointer (&text);
        }
      else if (strcmp (element, "lastName") == 0)
        {
          g_free (state->last_name);
          state->last_name = g_steal_pointer (&text);
        }
      else if (strcmp (element, "title") == 0)
        {
          g_free (entry->title);
          entry->title = g_steal_pointer (&text);
        }
      else if (strcmp (element, "sdnType") == 0 && text != NULL)
        {
          g_free (entry->entity_type);
          entry->entity_type = g_ascii_strdown (text, -1);
        }
      else if (strcmp (element, "remarks") == 0)
        {
          g_free (entry->remarks);
          entry->remarks = g_steal_pointer (&text);
        }
      return;
    }

  if (strcmp (element, "sdnEntry") == 0)
    {
      finish_entry (state, error);
      return;
    }

  if (strcmp (element, "program") == 0)
    clr_entry_add_program (entry, text);
  else if (g_strcmp0 (parent, "aka") == 0 || g_strcmp0 (parent, "address") == 0 ||
           g_strcmp0 (parent, "id") == 0)
    {
      if (text != NULL)
        g_hash_table_insert (state->parts, g_strdup (element), g_steal_pointer (&text));
    }
  else if (strcmp (element, "aka") == 0)
    {
      g_autofree char *alias = person_name (g_hash_table_lookup (state->parts, "lastName"),
                                            g_hash_table_lookup (state->parts, "firstName"));
      if (alias != NULL)
        {
          state->published_aliases++;
          clr_entry_add_alias (entry, alias);
        }
    }
  else if (strcmp (element, "address") == 0)
    {
      g_autofree char *joined = join_parts (state, address_parts);

      clr_entry_add_address (entry, joined,
                             clr_country_code_for_name (g_hash_table_lookup (state->parts, "country")));
    }
  else if (strcmp (element, "id") == 0)
    {
      g_autofree char *joined = join_parts (state, id_parts);

      clr_entry_add_id (entry, joined);
    }
  else if (strcmp (element, "country") == 0 &&
           (g_strcmp0 (parent, "nationality") == 0 || g_strcmp0 (parent, "citizenship") == 0))
    clr_entry_add_country (entry, clr_country_code_for_name (text));
  else if (strcmp (element, "callSign") == 0 && text != NULL)
    {
      g_autofree char *id = g_strdup_printf ("Call Sign, %s", text);
      clr_entry_add_id (entry, id);
    }
}

static void
xml_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              user_data,
          GError              **error)
{
  XmlState *state = user_data;

  if (state->text->len + len > CLR_IMPORT_MAX_FIELD)
    {
      clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, state->job->display_name,
                            current_line (state), _("element text longer than %d bytes"),
                            CLR_IMPORT_MAX_FIELD);
      return;
    }
  g_string_append_len (state->text, text, (gssize) len);
}

static const GMarkupParser xml_parser = {
  xml_start, xml_end, xml_text, NULL, NULL,
};

gboolean
clr_import_ofac_xml (ClrImportJob     *job,
                     ClrImportReader  *reader,
                     GError          **error)
{
  const char *file = job->display_name;
  XmlState state = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean ok = FALSE;

  state.job = job;
  state.sdn = g_strcmp0 (job->info->source, "ofac-nonsdn") != 0;
  state.dedup = clr_import_dedup_new ();
  state.text = g_string_new (NULL);
  state.parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state.context = g_markup_parse_context_new (&xml_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                              &state, NULL);

  for (;;)
    {
      const char *data;
      gssize n = clr_import_reader_read_chunk (reader, &data, 64 * 1024, error);

      if (n < 0)
        goto out;
      if (n == 0)
        break;
      if (memchr (data, '\0', (gsize) n) != NULL)
        {
          clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, current_line (&state),
                                _("binary data (a NUL byte) in the XML text"));
          goto out;
        }
      if (!g_markup_parse_context_parse (state.context, data, n, &local_error))
        goto parse_failed;
    }

  if (!g_markup_parse_context_end_parse (state.context, &local_error))
    goto parse_failed;

  if (state.record_count != NULL)
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, job->info->records);

      if (strcmp (count, state.record_count) != 0)
        clr_import_warn (job->info, NULL, file, 0,
                         _("the file states %s records (Record_Count) but holds %s"),
                         state.record_count, count);
    }

  ok = TRUE;
  goto out;

parse_failed:
  if (state.callback_error != NULL)
    g_propagate_error (error, g_steal_pointer (&state.callback_error));
  else if (local_error->domain == CLR_ENGINE_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    clr_import_set_error (error, CLR_ENGINE_ERROR_PARSE, file, current_line (&state),
                          _("invalid XML: %s"), local_error->message);

out:
  g_markup_parse_context_free (state.context);
  g_clear_pointer (&state.entry, clr_entry_unref);
  g_clear_error (&state.callback_error);
  g_free (state.first_name);
  g_free (state.last_name);
  g_free (state.record_count);
  g_hash_table_unref (state.parts);
  g_string_free (state.text, TRUE);
  clr_import_dedup_free (state.dedup);
  return ok;
}
