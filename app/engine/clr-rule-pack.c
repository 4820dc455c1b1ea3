/* clr-rule-pack.c — an EAR rule pack: the object, loading it whole, its identity
 *
 * Its tables are read and validated in -load.c, its rules in -rules.c and
 * asked in -query.c; clr-rule-pack-data.h holds what they share.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "clr-json-reader.h"
#include "clr-json.h"
#include "clr-rule-pack-data.h"
#include "clr-rules-resources.h"

#define BUNDLED_PACK_PATH "/dev/clearance/Clearance/rules/ear-pack.json"

G_DEFINE_FINAL_TYPE (ClrRulePack, clr_rule_pack, G_TYPE_OBJECT)

gboolean
clr_posture_from_string (const char  *text,
                         ClrPosture  *posture,
                         GError     **error)
{
  if (g_strcmp0 (text, "enforcement") == 0)
    *posture = CLR_POSTURE_ENFORCEMENT;
  else if (g_strcmp0 (text, "cfr-text") == 0)
    *posture = CLR_POSTURE_CFR_TEXT;
  else
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("Unknown posture “%s” (use “enforcement” or “cfr-text”)"), text ? text : "");
      return FALSE;
    }
  return TRUE;
}

const char *
clr_posture_to_string (ClrPosture posture)
{
  return posture == CLR_POSTURE_CFR_TEXT ? "cfr-text" : "enforcement";
}

void
_clr_pack_group_change_free (GroupChange *change)
{
  g_free (change->date);
  g_free (change->citation);
  g_free (change->country);
  g_clear_pointer (&change->add, g_ptr_array_unref);
  g_clear_pointer (&change->remove, g_ptr_array_unref);
  g_free (change);
}

static void
group_free (Group *group)
{
  g_hash_table_unref (group->members);
  g_ptr_array_unref (group->changes);
  g_free (group);
}

static void
rule_free (ClrRule *rule)
{
  g_free (rule->id);
  g_free (rule->title);
  g_free (rule->citation);
  g_free (rule->from);
  g_free (rule->until);
  g_free (rule->compliance);
  clr_expr_free (rule->condition);
  g_free (rule->outcome);
  g_free (rule->license_policy);
  g_free (rule->explanation);
  g_free (rule->ask);
  g_strfreev (rule->exceptions);
  g_free (rule);
}

static void
exception_free (ClrLicenseException *e)
{
  g_free (e->id);
  g_free (e->code);
  g_free (e->title);
  g_free (e->citation);
  g_free (e->description);
  g_free (e->from);
  g_free (e->until);
  clr_expr_free (e->condition);
  g_strfreev (e->conditions);
  g_free (e);
}

static void
override_free (ClrPolicyOverride *o)
{
  g_free (o->id);
  g_free (o->title);
  g_free (o->citation);
  g_free (o->from);
  g_free (o->until);
  g_strfreev (o->applies_to);
  clr_expr_free (o->condition);
  g_free (o->license_policy);
  g_free (o->unknown_policy);
  g_free (o);
}

static void
derivation_free (ClrDerivation *d)
{
  g_free (d->id);
  g_free (d->title);
  g_free (d->citation);
  g_free (d->from);
  g_free (d->until);
  g_strfreev (d->facts);
  g_ptr_array_unref (d->targets);
  g_ptr_array_unref (d->outcomes);
  g_free (d);
}

void
_clr_pack_derivation_target_free (ClrDerivationTarget *t)
{
  g_free (t->eccn);
  g_hash_table_unref (t->suffixes);
  g_free (t);
}

void
_clr_pack_derivation_outcome_free (ClrDerivationOutcome *o)
{
  g_free (o->id);
  g_free (o->label);
  clr_expr_free (o->condition);
  g_free (o->outcome);
  g_free (o->explanation);
  g_free (o);
}

static void
clr_rule_pack_finalize (GObject *object)
{
  ClrRulePack *self = CLR_RULE_PACK (object);

  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->exceptions, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_ptr_array_unref);
  g_clear_pointer (&self->derivations, g_ptr_array_unref);
  g_clear_pointer (&self->list_scopes, g_hash_table_unref);
  g_clear_pointer (&self->countries, g_hash_table_unref);
  g_clear_pointer (&self->country_names, g_hash_table_unref);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->ccl, g_hash_table_unref);
  g_clear_pointer (&self->chart_rows, g_hash_table_unref);
  g_clear_pointer (&self->chart_changes, g_ptr_array_unref);
  g_clear_pointer (&self->eccn_sets, g_hash_table_unref);
  g_clear_pointer (&self->end_uses, g_hash_table_unref);
  g_clear_pointer (&self->red_flags, g_hash_table_unref);
  g_clear_pointer (&self->root_node, json_node_unref);
  g_free (self->origin);
  g_free (self->sha256);

  G_OBJECT_CLASS (clr_rule_pack_parent_class)->finalize (object);
}

static void
clr_rule_pack_class_init (ClrRulePackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_rule_pack_finalize;
}

static void
clr_rule_pack_init (ClrRulePack *self)
{
  self->countries = g_hash_table_new (g_str_hash, g_str_equal);
  self->country_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) group_free);
  self->ccl = g_hash_table_new (g_str_hash, g_str_equal);
  self->chart_rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  self->chart_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) _clr_pack_group_change_free);
  self->eccn_sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->end_uses = g_hash_table_new (g_str_hash, g_str_equal);
  self->red_flags = g_hash_table_new (g_str_hash, g_str_equal);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) exception_free);
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) override_free);
  self->derivations = g_ptr_array_new_with_free_func ((GDestroyNotify) derivation_free);
  self->list_scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) clr_expr_free);
}

static gboolean
load (ClrRulePack *self,
      GError     **error)
{
  static const char * const fields[] = {
    "format", "format_version", "id", "version", "published", "title", "description", "snapshot_date",
    "tables_source", "countries", "country_groups", "country_chart", "ccl", "end_use_categories",
    "red_flags", "list_consequences", "license_exceptions", "eccn_sets", "item_parameters", "item_lists",
    "rules", "policy_overrides", "paragraph_derivations", NULL
  };
  gint64 format_version;

  if (g_strcmp0 (clr_json_get_string (self->root, "format"), PACK_FORMAT) != 0)
    return invalid (error, _("not a Clearance rule pack (“format” is not “%s”)"), PACK_FORMAT);
  format_version = json_object_get_int_member_with_default (self->root, "format_version", 0);
  if (format_version != 1)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_UNSUPPORTED,
                   _("pack: format_version %" PRId64 " is not supported by this version of Clearance (it reads 1)"),
                   format_version);
      return FALSE;
    }
  if (!_clr_pack_check_fields (self->root, fields, "pack", error))
    return FALSE;
  if (!_clr_pack_require_string (self->root, "id", "pack", &self->id, error) ||
      !_clr_pack_require_string (self->root, "version", "pack", &self->version, error) ||
      !_clr_pack_require_string (self->root, "title", "pack", &self->title, error) ||
      !_clr_pack_require_string (self->root, "published", "pack", &self->published, error))
    return FALSE;
  if (!clr_date_is_valid (self->published))
    return invalid (error, _("pack: published: bad date “%s” (expected YYYY-MM-DD)"), self->published);
  if (!_clr_pack_is_version (self->version))
    return invalid (error, _("pack: version “%s” must be numbers separated by dots"), self->version);
  self->snapshot_date = clr_json_get_string (self->root, "snapshot_date");
  if (self->snapshot_date == NULL || !clr_date_is_valid (self->snapshot_date))
    return invalid (error, _("pack: snapshot_date: bad date (the date the group tables describe)"));

  return _clr_pack_load_countries (self, error) &&
         _clr_pack_load_groups (self, error) &&
         _clr_pack_load_ccl_and_chart (self, error) &&
         _clr_pack_load_catalogues (self, error) &&
         _clr_pack_load_exceptions (self, error) &&
         _clr_pack_load_rules (self, error) &&
         _clr_pack_load_overrides (self, error) &&
         _clr_pack_load_derivations (self, error) &&
         _clr_pack_load_list_scopes (self, error);
}

ClrRulePack *
clr_rule_pack_new_from_data (const char  *data,
                             gssize       length,
                             const char  *origin,
                             GError     **error)
{
  g_autoptr(ClrRulePack) self = g_object_new (CLR_TYPE_RULE_PACK, NULL);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (length < 0)
    length = strlen (data);
  self->origin = g_strdup (origin ? origin : _("rule pack"));
  /* The guarded reader: depth, one document, NUL, numbers (clr-json-reader.h). */
  self->root_node = clr_json_read_data (data, length, self->origin, 1, CLR_JSON_READ_IMMUTABLE, NULL, &local_error);
  if (self->root_node == NULL)
    {
      g_set_error_literal (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK, local_error->message);
      return NULL;
    }
  root = self->root_node;
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK,
                   _("%s: not a Clearance rule pack (not a JSON object)"), self->origin);
      return NULL;
    }
  self->root = json_node_get_object (root);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  if (!load (self, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", self->origin, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

ClrRulePack *
clr_rule_pack_new_from_file (const char  *path,
                             GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return clr_rule_pack_new_from_data (data, length, path, error);
}

GBytes *
clr_rule_pack_get_bundled_data (void)
{
  return g_resource_lookup_data (clr_rules_get_resource (), BUNDLED_PACK_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

ClrRulePack *
clr_rule_pack_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = clr_rule_pack_get_bundled_data ();
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK, _("The bundled rule pack is missing"));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  return clr_rule_pack_new_from_data (data, length, _("bundled rule pack"), error);
}

gboolean
clr_rule_pack_data_is_pack (const char *data,
                            gsize       length)
{
  /* the generator writes "format" first; look in the first few KiB */
  g_autofree char *head = g_strndup (data, MIN (length, 4096));

  return strstr (head, "\"" PACK_FORMAT "\"") != NULL && strstr (head, "\"format\"") != NULL;
}

gboolean
clr_rule_pack_file_is_pack (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char buffer[4096];
  gssize n;

  if (stream == NULL)
    return FALSE;
  n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, NULL);
  if (n <= 0)
    return FALSE;
  return clr_rule_pack_data_is_pack (buffer, n);
}

const char *
clr_rule_pack_get_id (ClrRulePack *self)
{
  return self->id;
}

const char *
clr_rule_pack_get_version (ClrRulePack *self)
{
  return self->version;
}

const char *
clr_rule_pack_get_title (ClrRulePack *self)
{
  return self->title;
}

const char *
clr_rule_pack_get_published (ClrRulePack *self)
{
  return self->published;
}

const char *
clr_rule_pack_get_sha256 (ClrRulePack *self)
{
  return self->sha256;
}

guint
clr_rule_pack_get_n_rules (ClrRulePack *self)
{
  return self->rules->len;
}

JsonObject *
clr_rule_pack_get_root (ClrRulePack *self)
{
  return self->root;
}

void
clr_rule_pack_add_identity (ClrRulePack *self,
                            JsonBuilder *builder)
{
  g_return_if_fail (CLR_IS_RULE_PACK (self));

  clr_json_add_string (builder, "version", self->version);
  clr_json_add_string (builder, "published", self->published);
  clr_json_add_string (builder, "sha256", self->sha256);
}

int
clr_rule_pack_compare_versions (const char *a,
                                const char *b)
{
  g_auto(GStrv) pa = g_strsplit (a, ".", -1);
  g_auto(GStrv) pb = g_strsplit (b, ".", -1);

  for (guint i = 0; pa[i] != NULL || pb[i] != NULL; i++)
    {
      gint64 va = pa[i] != NULL ? g_ascii_strtoll (pa[i], NULL, 10) : 0;
      gint64 vb = pb[i] != NULL ? g_ascii_strtoll (pb[i], NULL, 10) : 0;

      if (va != vb)
        return va < vb ? -1 : 1;
      if (pa[i] == NULL || pb[i] == NULL)
        break;
    }
  return 0;
}
