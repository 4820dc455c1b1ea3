/* clr-report.c — the evidence report of one determination: PDF (cairo) and JSON pack
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "clr-json.h"
#include "clr-report-private.h"
#include "clr-verdict-style.h"
#include "clr-words.h"

G_DEFINE_QUARK (clr-report-error-quark, clr_report_error)

G_DEFINE_FINAL_TYPE (ClrReport, clr_report, G_TYPE_OBJECT)

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->markup);
}

static void
clr_report_finalize (GObject *object)
{
  ClrReport *self = CLR_REPORT (object);

  g_clear_pointer (&self->shipment, json_node_unref);
  g_clear_pointer (&self->result, json_node_unref);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->generated_at, g_date_time_unref);
  g_clear_pointer (&self->shipment_sha256, g_free);
  g_clear_pointer (&self->result_sha256, g_free);
  g_clear_pointer (&self->stale, g_free);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (clr_report_parent_class)->finalize (object);
}

static void
clr_report_class_init (ClrReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_report_finalize;
}

static void
clr_report_init (ClrReport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
}

ClrReportPaper
clr_report_paper_for_locale (const char *locale)
{
  /* The territories whose paper is US Letter among those the app ships for. */
  static const char * const letter[] = { "US", "CA" };
  const char *territory;
  gsize length;

  if (locale == NULL)
    locale = setlocale (LC_PAPER, NULL);
  if (locale == NULL || (territory = strchr (locale, '_')) == NULL)
    return CLR_REPORT_PAPER_A4;
  territory++;
  length = strcspn (territory, ".@");
  for (guint i = 0; i < G_N_ELEMENTS (letter); i++)
    if (length == strlen (letter[i]) && g_ascii_strncasecmp (territory, letter[i], length) == 0)
      return CLR_REPORT_PAPER_LETTER;
  return CLR_REPORT_PAPER_A4;
}

gboolean
clr_report_paper_from_name (const char     *name,
                            ClrReportPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_ascii_strcasecmp (name ? name : "", "a4") == 0)
    *paper = CLR_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (name ? name : "", "letter") == 0)
    *paper = CLR_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
clr_report_paper_get_size (ClrReportPaper  paper,
                           double         *width,
                           double         *height)
{
  *width = paper == CLR_REPORT_PAPER_LETTER ? LETTER_WIDTH : A4_WIDTH;
  *height = paper == CLR_REPORT_PAPER_LETTER ? LETTER_HEIGHT : A4_HEIGHT;
}

void
clr_report_set_paper (ClrReport      *self,
                      ClrReportPaper  paper)
{
  g_return_if_fail (CLR_IS_REPORT (self));
  self->paper = paper;
}

ClrReportPaper
clr_report_get_paper (ClrReport *self)
{
  g_return_val_if_fail (CLR_IS_REPORT (self), CLR_REPORT_PAPER_A4);
  return self->paper;
}

void
clr_report_set_stale (ClrReport  *self,
                      const char *reason)
{
  g_return_if_fail (CLR_IS_REPORT (self));
  g_free (self->stale);
  self->stale = g_strdup (reason);
}

const char *
clr_report_get_stale (ClrReport *self)
{
  g_return_val_if_fail (CLR_IS_REPORT (self), NULL);
  return self->stale;
}

void
clr_report_set_countries (ClrReport *self,
                          JsonNode  *countries)
{
  JsonArray *array;

  g_return_if_fail (CLR_IS_REPORT (self));

  g_clear_pointer (&self->countries, g_hash_table_unref);
  if (countries == NULL || !JSON_NODE_HOLDS_ARRAY (countries))
    return;
  array = json_node_get_array (countries);
  self->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *country = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *code = clr_json_get_string (country, "code");
      const char *name = clr_json_get_string (country, "name");

      if (code != NULL && name != NULL)
        g_hash_table_replace (self->countries, g_strdup (code), g_strdup (name));
    }
}

/* Document access helpers: every field is optional except what _new checks. */

/* A number or a string member as display text; NULL when absent. */
static char *
obj_scalar (JsonObject *object,
            const char *member)
{
  JsonNode *node;
  GType type;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;
  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", json_node_get_double (node)));
    }
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
  return NULL;
}

static char *
sha256_of_node (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

ClrReport *
clr_report_new (JsonNode    *shipment,
                JsonNode    *result,
                const char  *author,
                GDateTime   *generated_at,
                GError     **error)
{
  g_autoptr(ClrReport) self = NULL;

  g_return_val_if_fail (shipment != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (shipment))
    {
      g_set_error (error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_INVALID,
                   _("The shipment document is not a JSON object"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (result))
    {
      g_set_error (error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_INVALID,
                   _("The result document is not a JSON object"));
      return NULL;
    }
  if (clr_verdict_from_string (clr_json_get_string (json_node_get_object (result), "verdict"))
      == CLR_VERDICT_UNKNOWN)
    {
      g_set_error (error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_INVALID,
                   _("The result document has no valid “verdict” field"));
      return NULL;
    }

  self = g_object_new (CLR_TYPE_REPORT, NULL);
  self->shipment = json_node_copy (shipment);
  self->result = json_node_copy (result);
  self->author = g_strdup (author != NULL && *author != '\0' ? author : g_get_real_name ());
  if (g_strcmp0 (self->author, "Unknown") == 0 || *self->author == '\0')
    {
      g_free (self->author);
      self->author = g_strdup (g_get_user_name ());
    }
  self->generated_at = generated_at != NULL ? g_date_time_ref (generated_at)
                                            : g_date_time_new_now_utc ();
  self->shipment_sha256 = sha256_of_node (self->shipment);
  self->result_sha256 = sha256_of_node (self->result);

  return g_steal_pointer (&self);
}

const char *
clr_report_get_shipment_sha256 (ClrReport *self)
{
  g_return_val_if_fail (CLR_IS_REPORT (self), NULL);
  return self->shipment_sha256;
}

JsonNode *
clr_report_build_evidence_pack (ClrReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *when = NULL;

  g_return_val_if_fail (CLR_IS_REPORT (self), NULL);

  when = g_date_time_format_iso8601 (self->generated_at);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "clearance-evidence");
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "generated_at");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "generated_by");
  json_builder_add_string_value (builder, self->author);
  json_builder_set_member_name (builder, "application");
  json_builder_add_string_value (builder, PACKAGE_NAME " " PACKAGE_VERSION);
  json_builder_set_member_name (builder, "shipment_sha256");
  json_builder_add_string_value (builder, self->shipment_sha256);
  json_builder_set_member_name (builder, "result_sha256");
  json_builder_add_string_value (builder, self->result_sha256);
  json_builder_set_member_name (builder, "on_hold");
  json_builder_add_boolean_value (builder, clr_verdict_open_matches (json_node_get_object (self->result)) > 0);
  json_builder_set_member_name (builder, "open_matches");
  json_builder_add_int_value (builder, clr_verdict_open_matches (json_node_get_object (self->result)));
  json_builder_set_member_name (builder, "shipment");
  json_builder_add_value (builder, json_node_copy (self->shipment));
  json_builder_set_member_name (builder, "result");
  json_builder_add_value (builder, json_node_copy (self->result));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Writes @contents to @path atomically, mapping failures to CLR_REPORT_ERROR_IO. */
static gboolean
write_file_atomic (const char  *path,
                   const char  *contents,
                   gsize        length,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!g_file_set_contents (path, contents, length, &local_error))
    {
      g_set_error (error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
clr_report_write_evidence_pack (ClrReport   *self,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(JsonNode) pack = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (CLR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pack = clr_report_build_evidence_pack (self);
  text = clr_json_to_string (pack, TRUE);
  return write_file_atomic (path, text, strlen (text), error);
}

/* Building the blocks */

/* Appends a block of @kind at @indent that shows @markup (transfer full). */
static void
append_block (ClrReport  *self,
              BlockKind   kind,
              double      indent,
              char       *markup)
{
  Block block = { kind, markup, indent, CLR_VERDICT_UNKNOWN, 0 };

  g_array_append_val (self->blocks, block);
}

G_GNUC_PRINTF (3, 4) static void
add_block (ClrReport  *self,
           BlockKind   kind,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  append_block (self, kind, 0, g_markup_vprintf_escaped (format, args));
  va_end (args);
}

/* "Label: value" with the label in bold, skipped when the value is empty. */
static void
add_field (ClrReport  *self,
           double      indent,
           const char *label,
           const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  append_block (self, BLOCK_TEXT, indent, g_markup_printf_escaped ("<b>%s:</b> %s", label, value));
}

/* A country code with its name beside it: "China (CN)". */
static void
add_country (ClrReport  *self,
             double      indent,
             const char *label,
             const char *code)
{
  const char *name = code != NULL && self->countries != NULL
                     ? g_hash_table_lookup (self->countries, code) : NULL;
  g_autofree char *text = NULL;

  if (name != NULL)
    /* Translators: a country name with its ISO code, "China (CN)" */
    text = g_strdup_printf (_("%s (%s)"), name, code);
  add_field (self, indent, label, text != NULL ? text : code);
}

static void
add_indented (ClrReport  *self,
              BlockKind   kind,
              double      indent,
              const char *text)
{
  append_block (self, kind, indent, g_markup_escape_text (text, -1));
}

static char *
join_string_array (JsonArray  *array,
                   const char *(*label) (const char *))
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *s = json_array_get_string_element (array, i);

      if (s == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, label != NULL ? label (s) : s);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
join_index_array (JsonArray *array,
                  JsonArray *targets,
                  gboolean   items)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      gint64 index = json_array_get_int_element (array, i);
      JsonObject *target = NULL;
      const char *name = NULL;

      if (targets != NULL && index >= 0 && index < json_array_get_length (targets))
        target = json_array_get_object_element (targets, (guint) index);
      name = clr_json_get_string (target, items ? "description" : "name");
      if (out->len > 0)
        g_string_append (out, "; ");
      /* Translators: an item or party of the shipment, numbered from 1, and its name */
      g_string_append_printf (out, _("#%d %s"), (int) index + 1, name != NULL ? name : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  JsonObject *fa = json_node_get_object (*(JsonNode **) a);
  JsonObject *fb = json_node_get_object (*(JsonNode **) b);

  return clr_verdict_rank (clr_json_get_string (fb, "outcome")) - clr_verdict_rank (clr_json_get_string (fa, "outcome"));
}

void
_clr_report_build_blocks (ClrReport *self)
{
  JsonObject *shipment = json_node_get_object (self->shipment);
  JsonObject *result = json_node_get_object (self->result);
  JsonArray *items = clr_json_get_array (shipment, "items");
  JsonArray *parties = clr_json_get_array (shipment, "parties");
  JsonArray *findings = clr_json_get_array (result, "findings");
  JsonArray *exceptions = clr_json_get_array (result, "license_exceptions");
  JsonArray *screening = clr_json_get_array (result, "screening");
  JsonObject *end_use = clr_json_get_object (shipment, "end_use");
  JsonObject *data = clr_json_get_object (result, "data");
  ClrVerdict verdict = clr_verdict_from_string (clr_json_get_string (result, "verdict"));
  g_autofree char *when = g_date_time_format (self->generated_at, "%Y-%m-%d %H:%M:%S UTC");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  Block banner = { BLOCK_BANNER, NULL, 0, verdict, 0 };
  g_autofree char *verdict_words = NULL;
  guint open_matches;

  g_array_set_size (self->blocks, 0);

  add_block (self, BLOCK_TITLE, "%s", _("Export determination — evidence report"));
  add_field (self, 0, _("Reference"), clr_json_get_string (shipment, "reference"));
  add_field (self, 0, _("Generated"), when);
  add_field (self, 0, _("Generated by"), self->author);
  add_field (self, 0, _("Application"), PACKAGE_NAME " " PACKAGE_VERSION);

  open_matches = clr_verdict_open_matches (result);
  verdict_words = clr_verdict_dup_banner_label (verdict, open_matches);
  /* Translators: verdict banner: "License required — as of 2025-06-01, enforcement posture" */
  banner.markup = g_markup_printf_escaped (_("<b>%s</b> — as of %s, %s\n%s"),
                                           verdict_words,
                                           clr_json_get_string (result, "as_of") ? clr_json_get_string (result, "as_of") : "?",
                                           clr_words_posture_label (clr_json_get_string (result, "posture")),
                                           clr_verdict_get_meaning (verdict));
  g_array_append_val (self->blocks, banner);

  add_block (self, BLOCK_HEADING, "%s", _("Shipment"));
  add_field (self, 0, _("Export date"), clr_json_get_string (shipment, "date"));
  add_country (self, 0, _("Destination"), clr_json_get_string (shipment, "destination"));
  add_country (self, 0, _("Exported from"), clr_json_get_string (shipment, "exported_from"));
  if (end_use != NULL)
    {
      g_autofree char *categories = join_string_array (clr_json_get_array (end_use, "categories"),
                                                       clr_words_end_use_label);

      add_field (self, 0, _("End-use categories"), categories);
      add_field (self, 0, _("End use"), clr_json_get_string (end_use, "description"));
    }
  {
    g_autofree char *flags = join_string_array (clr_json_get_array (shipment, "red_flags"), NULL);

    add_field (self, 0, _("Red flags answered yes"), flags);
  }

  add_block (self, BLOCK_HEADING, "%s", _("Items"));
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      static const struct { const char *member; const char *label; } fields[] = {
        { "eccn", N_("ECCN") },
        { "quantity", N_("Quantity") },
        { "unit_value", N_("Unit value") },
        { "currency", N_("Currency") },
        { "manufacturer", N_("Manufacturer") },
        { "manufacturer_headquarters", N_("Manufacturer headquarters") },
        { "model", N_("Model") },
        { "tpp", N_("Total processing performance (TPP)") },
        { "performance_density", N_("Performance density") },
        { "memory_bandwidth_gbps", N_("Memory bandwidth (GB/s)") },
        { "datacenter", N_("Designed or marketed for data centers") },
        { "food_or_medicine", N_("Food or medicine (EAR99)") },
        { "enc_classification_done", N_("ENC self-classification report filed or BIS classification received") },
      };

      add_block (self, BLOCK_TEXT, "<b>%d. %s</b>", i + 1,
                 clr_json_get_string (item, "description") ? clr_json_get_string (item, "description") : "");
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_autofree char *value = obj_scalar (item, fields[f].member);

          if (g_str_equal (fields[f].member, "manufacturer_headquarters"))
            add_country (self, 16, _(fields[f].label), value);
          else
            add_field (self, 16, _(fields[f].label), value);
        }
    }

  add_block (self, BLOCK_HEADING, "%s", _("Parties"));
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);
      JsonObject *parent = clr_json_get_object (party, "ultimate_parent");

      add_block (self, BLOCK_TEXT, "<b>%d. %s</b> (%s)", i + 1,
                 clr_json_get_string (party, "name") ? clr_json_get_string (party, "name") : "",
                 clr_words_party_role_label (clr_json_get_string (party, "role")));
      add_field (self, 16, _("Address"), clr_json_get_string (party, "address"));
      add_country (self, 16, _("Country"), clr_json_get_string (party, "country"));
      add_country (self, 16, _("Headquarters country"), clr_json_get_string (party, "headquarters_country"));
      if (parent != NULL)
        {
          g_autofree char *ownership = obj_scalar (parent, "ownership_percent");
          g_autofree char *percent = ownership ? g_strdup_printf ("%s %%", ownership) : NULL;

          add_field (self, 16, _("Ultimate parent"), clr_json_get_string (parent, "name"));
          add_country (self, 32, _("Headquarters country"), clr_json_get_string (parent, "headquarters_country"));
          add_field (self, 32, _("Ownership"), percent);
        }
    }

  /* How the engine read the facts: derived paragraphs, a destination treated as another */
  if (clr_json_get_array (result, "notes") != NULL && json_array_get_length (clr_json_get_array (result, "notes")) > 0)
    {
      JsonArray *notes = clr_json_get_array (result, "notes");

      add_block (self, BLOCK_HEADING, "%s", _("Notes"));
      for (guint i = 0; i < json_array_get_length (notes); i++)
        if (JSON_NODE_HOLDS_VALUE (json_array_get_element (notes, i)))
          add_block (self, BLOCK_TEXT, "%s", json_array_get_string_element (notes, i));
    }

  add_block (self, BLOCK_HEADING, "%s", _("Findings"));
  for (guint i = 0; findings != NULL && i < json_array_get_length (findings); i++)
    if (JSON_NODE_HOLDS_OBJECT (json_array_get_element (findings, i)))
      g_ptr_array_add (sorted, json_array_get_element (findings, i));
  g_ptr_array_sort (sorted, compare_findings);
  if (sorted->len == 0)
    add_block (self, BLOCK_TEXT, "%s", _("No rule applies to this shipment as described."));
  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject *finding = json_node_get_object (g_ptr_array_index (sorted, i));
      ClrVerdict outcome = clr_verdict_from_string (clr_json_get_string (finding, "outcome"));
      g_autofree char *concerns_items = join_index_array (clr_json_get_array (finding, "items"), items, TRUE);
      g_autofree char *concerns_parties = join_index_array (clr_json_get_array (finding, "parties"), parties, FALSE);
      JsonNode *hold = json_object_get_member (finding, "on_hold");
      gboolean on_hold = hold != NULL && JSON_NODE_HOLDS_VALUE (hold) &&
                         json_node_get_value_type (hold) == G_TYPE_BOOLEAN && json_node_get_boolean (hold);

      add_block (self, BLOCK_TEXT, "<b>%s</b> — %s",
                 clr_json_get_string (finding, "title") ? clr_json_get_string (finding, "title") : clr_json_get_string (finding, "rule"),
                 /* Translators: a finding's outcome while its list match waits for a reviewer */
                 on_hold ? _("Needs review, on hold until a reviewer decides the match") : clr_verdict_get_label (outcome));
      add_field (self, 16, _("Citation"), clr_json_get_string (finding, "citation"));
      add_field (self, 16, _("Rule"), clr_json_get_string (finding, "rule"));
      add_field (self, 16, _("License review policy"), clr_json_get_string (finding, "license_policy"));
      if (clr_json_get_string (finding, "explanation") != NULL)
        add_indented (self, BLOCK_TEXT, 16, clr_json_get_string (finding, "explanation"));
      add_field (self, 16, _("Items"), concerns_items);
      add_field (self, 16, _("Parties"), concerns_parties);
    }

  if (exceptions != NULL && json_array_get_length (exceptions) > 0)
    {
      add_block (self, BLOCK_HEADING, "%s", _("License exceptions"));
      for (guint i = 0; i < json_array_get_length (exceptions); i++)
        {
          JsonObject *exception = json_array_get_object_element (exceptions, i);
          JsonArray *conditions = clr_json_get_array (exception, "conditions");

          add_block (self, BLOCK_TEXT, "<b>%s</b> — %s",
                     clr_json_get_string (exception, "code") ? clr_json_get_string (exception, "code") : "",
                     clr_json_get_string (exception, "citation") ? clr_json_get_string (exception, "citation") : "");
          for (guint c = 0; conditions != NULL && c < json_array_get_length (conditions); c++)
            {
              /* A checklist for the person who files the report. */
              g_autofree char *line = g_strdup_printf ("☐ %s",
                                                       json_array_get_string_element (conditions, c));

              add_indented (self, BLOCK_TEXT, 16, line);
            }
        }
    }

  add_block (self, BLOCK_HEADING, "%s", _("Screening"));
  if (screening == NULL || json_array_get_length (screening) == 0)
    add_block (self, BLOCK_TEXT, "%s", _("No party was screened."));
  for (guint i = 0; screening != NULL && i < json_array_get_length (screening); i++)
    {
      JsonObject *entry = json_array_get_object_element (screening, i);
      JsonArray *hits = clr_json_get_array (entry, "hits");
      gint64 index = entry && json_object_has_member (entry, "party")
                     ? json_object_get_int_member (entry, "party") : -1;
      JsonObject *party = NULL;

      if (parties != NULL && index >= 0 && index < json_array_get_length (parties))
        party = json_array_get_object_element (parties, (guint) index);
      add_block (self, BLOCK_TEXT, "<b>%s</b>",
                 clr_json_get_string (party, "name") ? clr_json_get_string (party, "name") : _("Unnamed party"));
      if (hits == NULL || json_array_get_length (hits) == 0)
        add_indented (self, BLOCK_TEXT, 16, _("No potential match on the loaded lists."));
      for (guint h = 0; hits != NULL && h < json_array_get_length (hits); h++)
        {
          JsonObject *hit = json_array_get_object_element (hits, h);
          JsonObject *hit_entry = clr_json_get_object (hit, "entry");
          JsonNode *score = hit != NULL ? json_object_get_member (hit, "score") : NULL;
          g_autofree char *percent = NULL;
          g_autofree char *internal = NULL;
          const char *list = clr_json_get_string (hit, "list_code");
          const char *name = clr_json_get_string (hit, "name");
          const char *id = clr_json_get_string (hit, "entry_id");
          g_autofree char *line = NULL;

          if (list == NULL)
            list = clr_json_get_string (hit, "list");
          if (list == NULL)
            list = clr_json_get_string (hit_entry, "list_code");
          if (name == NULL)
            name = clr_json_get_string (hit_entry, "name");
          if (id == NULL)
            id = clr_json_get_string (hit_entry, "entry_id");
          /* The score as the app shows it; the list's own entry number, never
           * the store's internal key ("EL:name:…") for entries without one. */
          if (score != NULL && JSON_NODE_HOLDS_VALUE (score) && json_node_get_value_type (score) != G_TYPE_STRING)
            /* Translators: a match score in percent, as the app shows it */
            percent = g_strdup_printf (_("%.0f %%"), json_node_get_double (score) * 100);
          internal = g_strconcat (list ? list : "", ":", NULL);
          if (id != NULL && (*id == '\0' || g_str_has_prefix (id, internal)))
            id = NULL;
          if (id != NULL)
            /* Translators: a screening hit: score in percent, list code, entry name, the list's entry number */
            line = g_strdup_printf (_("Score %s — %s — %s (entry %s)"),
                                    percent ? percent : "?", list ? list : "?", name ? name : "?", id);
          else
            /* Translators: a screening hit: score in percent, list code, entry name */
            line = g_strdup_printf (_("Score %s — %s — %s"),
                                    percent ? percent : "?", list ? list : "?", name ? name : "?");
          add_indented (self, BLOCK_TEXT, 16, line);
        }
    }

  add_block (self, BLOCK_HEADING, "%s", _("Data used"));
  {
    JsonObject *pack = clr_json_get_object (data, "rule_pack");
    JsonArray *lists = clr_json_get_array (data, "lists");

    if (pack != NULL)
      {
        g_autofree char *line = g_strdup_printf (_("Rule pack %s, version %s"),
                                                 clr_json_get_string (pack, "id") ? clr_json_get_string (pack, "id") : "?",
                                                 clr_json_get_string (pack, "version") ? clr_json_get_string (pack, "version") : "?");

        add_indented (self, BLOCK_TEXT, 0, line);
        if (clr_json_get_string (pack, "sha256") != NULL)
          add_indented (self, BLOCK_MONO, 16, clr_json_get_string (pack, "sha256"));
      }
    for (guint i = 0; lists != NULL && i < json_array_get_length (lists); i++)
      {
        JsonObject *list = json_array_get_object_element (lists, i);
        g_autofree char *line = NULL;

        if (json_object_get_boolean_member_with_default (list, "fetched_without_tls", FALSE))
          /* Translators: a list downloaded over plain http (no TLS): its integrity in transit was not protected */
          line = g_strdup_printf (_("List %s, version %s — fetched without TLS"),
                                  clr_json_get_string (list, "source") ? clr_json_get_string (list, "source") : "?",
                                  clr_json_get_string (list, "version") ? clr_json_get_string (list, "version") : "?");
        else
          line = g_strdup_printf (_("List %s, version %s"),
                                  clr_json_get_string (list, "source") ? clr_json_get_string (list, "source") : "?",
                                  clr_json_get_string (list, "version") ? clr_json_get_string (list, "version") : "?");

        add_indented (self, BLOCK_TEXT, 0, line);
        if (clr_json_get_string (list, "sha256") != NULL)
          add_indented (self, BLOCK_MONO, 16, clr_json_get_string (list, "sha256"));
      }
    if (pack == NULL && (lists == NULL || json_array_get_length (lists) == 0))
      add_block (self, BLOCK_TEXT, "%s", _("The result names no data versions."));
  }

  add_block (self, BLOCK_HEADING, "%s", _("Integrity"));
  add_block (self, BLOCK_SMALL, "%s",
             _("SHA-256 of the compact JSON of each document, as filed in the evidence pack."));
  add_indented (self, BLOCK_TEXT, 0, _("Shipment document"));
  add_indented (self, BLOCK_MONO, 16, self->shipment_sha256);
  add_indented (self, BLOCK_TEXT, 0, _("Result document"));
  add_indented (self, BLOCK_MONO, 16, self->result_sha256);

  /* Sign-off, kept together on the last page. */
  add_block (self, BLOCK_HEADING, "%s", _("Sign-off"));
  add_block (self, BLOCK_SIGNATURE, "%s: %s\n\n%s: %s\n\n%s: %s",
             _("Prepared by"), SIGNATURE_LINE, _("Reviewed by"), SIGNATURE_LINE,
             _("Date"), SIGNATURE_LINE);
}
