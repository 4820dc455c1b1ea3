/* clr-rule-pack.c — loading and validating an EAR rule pack
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"
#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-json-reader.h"
#include "clr-rule-pack-private.h"
#include "clr-rules-resources.h"

#define BUNDLED_PACK_PATH "/dev/clearance/Clearance/rules/ear-pack.json"
#define PACK_FORMAT "clearance-rule-pack"

typedef struct
{
  char      *date;          /* NULL when the date is not known */
  char      *citation;
  char      *country;       /* chart changes: the row */
  GPtrArray *add;     /* char *: countries (groups) or columns (chart) */
  GPtrArray *remove;  /* char * */
} GroupChange;

typedef struct
{
  GHashTable *members;   /* ISO-2 set, as of the pack's snapshot date */
  GPtrArray  *changes;   /* GroupChange *, by date */
} Group;

struct _ClrRulePack
{
  GObject     parent_instance;

  JsonNode *root_node;   /* the parsed pack, immutable */
  JsonObject *root;
  char       *origin;
  char       *sha256;
  const char *id;
  const char *version;
  const char *title;
  const char *published;
  const char *snapshot_date;

  GHashTable *countries;        /* ISO-2 → JsonObject */
  GHashTable *country_names;    /* lower-case name/alias → ISO-2 */
  GHashTable *groups;           /* name → Group */
  GHashTable *ccl;              /* base ECCN → JsonObject */
  GHashTable *chart_rows;       /* ISO-2 → GHashTable set of columns */
  GPtrArray  *chart_changes;    /* GroupChange * (with country), by date */
  GHashTable *eccn_sets;        /* name → GPtrArray of patterns */
  JsonArray  *item_parameters;  /* [{"fact", "label", "eccn_set"}], validated; or NULL */
  GHashTable *end_uses;         /* id → JsonObject */
  GHashTable *red_flags;        /* id → JsonObject */
  GPtrArray  *rules;            /* ClrRule * */
  GPtrArray  *exceptions;       /* ClrLicenseException * */
  GPtrArray  *overrides;        /* ClrPolicyOverride * */
  GPtrArray  *derivations;      /* ClrDerivation * */
  GHashTable *list_scopes;      /* list code → ClrExpr (list_consequences.*.item_scope) */
};

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

static void
group_change_free (GroupChange *change)
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

static void
derivation_target_free (ClrDerivationTarget *t)
{
  g_free (t->eccn);
  g_hash_table_unref (t->suffixes);
  g_free (t);
}

static void
derivation_outcome_free (ClrDerivationOutcome *o)
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
  self->chart_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) group_change_free);
  self->eccn_sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->end_uses = g_hash_table_new (g_str_hash, g_str_equal);
  self->red_flags = g_hash_table_new (g_str_hash, g_str_equal);
  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  self->exceptions = g_ptr_array_new_with_free_func ((GDestroyNotify) exception_free);
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) override_free);
  self->derivations = g_ptr_array_new_with_free_func ((GDestroyNotify) derivation_free);
  self->list_scopes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) clr_expr_free);
}

/* ---- validation helpers ------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_PACK, message);
  return FALSE;
}

static gboolean
check_fields (JsonObject         *object,
              const char * const *allowed,
              const char         *where,
              GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return invalid (error, _("%s: unknown field “%s”"), where, (const char *) l->data);
  return TRUE;
}

static gboolean
require_string (JsonObject  *object,
                const char  *name,
                const char  *where,
                const char **out,
                GError     **error)
{
  *out = clr_json_get_string (object, name);
  if (*out == NULL || **out == '\0')
    return invalid (error, _("%s: “%s” is missing or not a string"), where, name);
  return TRUE;
}

static GStrv
string_array (JsonArray  *array,
              const char *where,
              const char *name,
              GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          invalid (error, _("%s: “%s” must list strings"), where, name);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }
  return g_strv_builder_end (builder);
}

static gboolean
is_version (const char *text)
{
  const char *p = text;

  while (TRUE)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
      if (*p == '\0')
        return TRUE;
      if (*p != '.')
        return FALSE;
      p++;
    }
}

static gboolean
read_effective_full (JsonObject  *object,
                     const char  *where,
                     char       **from,
                     char       **until,
                     char       **compliance,
                     GError     **error)
{
  static const char * const fields[] = { "from", "until", NULL };
  static const char * const rule_fields[] = { "from", "until", "compliance", NULL };
  JsonObject *effective = clr_json_get_object (object, "effective");
  const char *f, *u, *c;

  if (effective == NULL)
    return invalid (error, _("%s: “effective” ({\"from\": \"YYYY-MM-DD\"}) is missing"), where);
  if (!check_fields (effective, compliance != NULL ? rule_fields : fields, where, error))
    return FALSE;
  f = clr_json_get_string (effective, "from");
  u = clr_json_get_string (effective, "until");
  c = clr_json_get_string (effective, "compliance");
  if (f == NULL || !clr_date_is_valid (f))
    return invalid (error, _("%s: effective.from: bad date “%s” (expected YYYY-MM-DD)"), where, f ? f : "");
  if (json_object_has_member (effective, "until") && (u == NULL || !clr_date_is_valid (u)))
    return invalid (error, _("%s: effective.until: bad date “%s” (expected YYYY-MM-DD)"), where, u ? u : "");
  if (u != NULL && strcmp (u, f) < 0)
    return invalid (error, _("%s: can never fire: effective.until %s is before effective.from %s"), where, u, f);
  if (json_object_has_member (effective, "compliance") && (c == NULL || !clr_date_is_valid (c)))
    return invalid (error, _("%s: effective.compliance: bad date “%s” (expected YYYY-MM-DD)"), where, c ? c : "");
  if (c != NULL && strcmp (c, f) < 0)
    return invalid (error, _("%s: effective.compliance %s is before effective.from %s"), where, c, f);
  if (c != NULL && u != NULL && strcmp (u, c) < 0)
    return invalid (error, _("%s: can never fire: effective.until %s is before effective.compliance %s"), where, u, c);
  *from = g_strdup (f);
  *until = g_strdup (u);
  if (compliance != NULL)
    *compliance = g_strdup (c);
  return TRUE;
}

static gboolean
read_effective (JsonObject  *object,
                const char  *where,
                char       **from,
                char       **until,
                GError     **error)
{
  return read_effective_full (object, where, from, until, NULL, error);
}

static void
add_name (ClrRulePack *self,
          const char  *name,
          const char  *code)
{
  char *key = g_utf8_casefold (name, -1);

  if (!g_hash_table_contains (self->country_names, key))
    g_hash_table_insert (self->country_names, key, (gpointer) code);
  else
    g_free (key);
}

/* ---- loading the tables ------------------------------------------------ */

static gboolean
load_countries (ClrRulePack *self,
                GError     **error)
{
  JsonObject *countries = clr_json_get_object (self->root, "countries");
  g_autoptr(GList) codes = NULL;

  if (countries == NULL)
    return invalid (error, _("pack: “countries” is missing"));
  codes = json_object_get_members (countries);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      const char *code = l->data;
      JsonObject *c = clr_json_get_object (countries, code);
      g_autofree char *where = g_strdup_printf ("countries.%s", code);

      if (!(strlen (code) == 2 && g_ascii_isupper (code[0]) && g_ascii_isupper (code[1])))
        return invalid (error, _("%s: not an ISO 3166-1 alpha-2 code"), where);
      if (c == NULL || clr_json_get_string (c, "name") == NULL)
        return invalid (error, _("%s: “name” is missing"), where);
      g_hash_table_insert (self->countries, (gpointer) code, c);
    }
  /* codes first, then names, then aliases: an alias never shadows a name */
  for (GList *l = codes; l != NULL; l = l->next)
    add_name (self, l->data, l->data);
  for (GList *l = codes; l != NULL; l = l->next)
    add_name (self, clr_json_get_string (clr_json_get_object (countries, l->data), "name"), l->data);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *c = clr_json_get_object (countries, l->data);
      JsonArray *aliases = clr_json_get_array (c, "aliases");
      const char *treated = clr_json_get_string (c, "treated_as");

      if (treated != NULL && !g_hash_table_contains (self->countries, treated))
        return invalid (error, _("countries.%s: treated_as: unknown country code “%s”"), (const char *) l->data, treated);
      for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
        add_name (self, clr_json_array_get_string (aliases, i), l->data);
    }
  return TRUE;
}

static gboolean
read_codes (ClrRulePack *self,
            JsonArray   *array,
            const char  *where,
            GPtrArray   *out,
            GError     **error)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *code = clr_json_array_get_string (array, i);

      if (code == NULL || !g_hash_table_contains (self->countries, code))
        return invalid (error, _("%s: unknown country code “%s”"), where, code ? code : "");
      if (out != NULL)
        g_ptr_array_add (out, g_strdup (code));
    }
  return TRUE;
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const GroupChange *ca = *(GroupChange **) a;
  const GroupChange *cb = *(GroupChange **) b;

  return g_strcmp0 (ca->date, cb->date);
}

/* The date of a dated change: "date", or "date_unknown": true (the change is
 * in the snapshot; the pack does not know when it was made). */
static GroupChange *
read_change_date (JsonObject  *c,
                  const char  *where,
                  GError     **error)
{
  const char *date = clr_json_get_string (c, "date");
  gboolean unknown = json_object_has_member (c, "date_unknown") &&
                     JSON_NODE_HOLDS_VALUE (json_object_get_member (c, "date_unknown")) &&
                     json_object_get_boolean_member (c, "date_unknown");
  GroupChange *change;

  if (unknown && json_object_has_member (c, "date"))
    {
      invalid (error, _("%s: give either “date” or “date_unknown”, not both"), where);
      return NULL;
    }
  if (!unknown && (date == NULL || !clr_date_is_valid (date)))
    {
      invalid (error, _("%s: date: bad date “%s” (expected YYYY-MM-DD, or \"date_unknown\": true)"), where,
               date ? date : "");
      return NULL;
    }
  if (clr_json_get_string (c, "citation") == NULL)
    {
      invalid (error, _("%s: citation: every dated change needs its citation"), where);
      return NULL;
    }
  change = g_new0 (GroupChange, 1);
  change->date = g_strdup (unknown ? NULL : date);
  change->citation = g_strdup (clr_json_get_string (c, "citation"));
  change->add = g_ptr_array_new_with_free_func (g_free);
  change->remove = g_ptr_array_new_with_free_func (g_free);
  return change;
}

static gboolean
load_groups (ClrRulePack *self,
             GError     **error)
{
  static const char * const group_fields[] = { "title", "members", "changes", "citation", NULL };
  static const char * const change_fields[] = { "date", "date_unknown", "add", "remove", "citation", NULL };
  JsonObject *groups = clr_json_get_object (self->root, "country_groups");
  g_autoptr(GList) names = NULL;

  if (groups == NULL)
    return invalid (error, _("pack: “country_groups” is missing"));
  names = json_object_get_members (groups);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *g = clr_json_get_object (groups, l->data);
      g_autofree char *where = g_strdup_printf ("country_groups.%s", (const char *) l->data);
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
      JsonArray *changes;
      Group *group;

      if (g == NULL || !check_fields (g, group_fields, where, error))
        return g == NULL ? invalid (error, _("%s: must be an object"), where) : FALSE;
      if (!read_codes (self, clr_json_get_array (g, "members"), where, members, error))
        return FALSE;
      group = g_new0 (Group, 1);
      group->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      group->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) group_change_free);
      for (guint i = 0; i < members->len; i++)
        g_hash_table_add (group->members, g_strdup (g_ptr_array_index (members, i)));
      g_hash_table_insert (self->groups, l->data, group);

      changes = clr_json_get_array (g, "changes");
      for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
        {
          JsonObject *c = clr_json_array_get_object (changes, i);
          g_autofree char *cwhere = g_strdup_printf ("%s.changes[%u]", where, i);
          GroupChange *change;

          if (c == NULL || !check_fields (c, change_fields, cwhere, error))
            return c == NULL ? invalid (error, _("%s: must be an object"), cwhere) : FALSE;
          change = read_change_date (c, cwhere, error);
          if (change == NULL)
            return FALSE;
          g_ptr_array_add (group->changes, change);
          if (!read_codes (self, clr_json_get_array (c, "add"), cwhere, change->add, error) ||
              !read_codes (self, clr_json_get_array (c, "remove"), cwhere, change->remove, error))
            return FALSE;
        }
      g_ptr_array_sort (group->changes, compare_changes);
    }
  return TRUE;
}

/* country_chart.changes: [{"date" | "date_unknown", "country", "add": [columns],
 * "remove": [columns], "citation"}] — the rows are as of the snapshot date;
 * changes before it are undone for earlier dates, later ones applied from
 * their date (as for country groups). */
static gboolean
load_chart_changes (ClrRulePack *self,
                    JsonObject  *chart,
                    GError     **error)
{
  static const char * const fields[] = { "date", "date_unknown", "country", "add", "remove", "citation", NULL };
  JsonArray *changes = clr_json_get_array (chart, "changes");
  JsonArray *columns = clr_json_get_array (chart, "columns");
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; columns != NULL && i < json_array_get_length (columns); i++)
    if (clr_json_array_get_string (columns, i) != NULL)
      g_hash_table_add (known, (gpointer) clr_json_array_get_string (columns, i));
  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonObject *c = clr_json_array_get_object (changes, i);
      g_autofree char *where = g_strdup_printf ("country_chart.changes[%u]", i);
      const char *country;
      GroupChange *change;

      if (c == NULL)
        return invalid (error, _("%s: must be an object"), where);
      if (!check_fields (c, fields, where, error))
        return FALSE;
      country = clr_json_get_string (c, "country");
      if (country == NULL || !g_hash_table_contains (self->chart_rows, country))
        return invalid (error, _("%s: country: “%s” has no Country Chart row"), where, country ? country : "");
      change = read_change_date (c, where, error);
      if (change == NULL)
        return FALSE;
      change->country = g_strdup (country);
      g_ptr_array_add (self->chart_changes, change);
      for (int pass = 0; pass < 2; pass++)
        {
          JsonArray *cols = clr_json_get_array (c, pass == 0 ? "add" : "remove");

          for (guint k = 0; cols != NULL && k < json_array_get_length (cols); k++)
            {
              const char *col = clr_json_array_get_string (cols, k);

              if (col == NULL || !g_hash_table_contains (known, col))
                return invalid (error, _("%s: unknown Country Chart column “%s”"), where, col ? col : "");
              g_ptr_array_add (pass == 0 ? change->add : change->remove, g_strdup (col));
            }
        }
    }
  g_ptr_array_sort (self->chart_changes, compare_changes);
  return TRUE;
}

static gboolean
load_ccl_and_chart (ClrRulePack *self,
                    GError     **error)
{
  JsonObject *ccl = clr_json_get_object (self->root, "ccl");
  JsonObject *chart = clr_json_get_object (self->root, "country_chart");
  JsonObject *rows;
  JsonObject *embargoed;
  g_autoptr(GList) eccns = NULL;
  g_autoptr(GList) codes = NULL;

  if (ccl == NULL)
    return invalid (error, _("pack: “ccl” is missing"));
  eccns = json_object_get_members (ccl);
  for (GList *l = eccns; l != NULL; l = l->next)
    {
      JsonObject *entry = clr_json_get_object (ccl, l->data);

      if (!clr_eccn_syntax_ok (l->data, FALSE, FALSE) || entry == NULL)
        return invalid (error, _("ccl.%s: not an ECCN entry"), (const char *) l->data);
      g_hash_table_insert (self->ccl, l->data, entry);
    }

  if (chart == NULL || (rows = clr_json_get_object (chart, "rows")) == NULL)
    return invalid (error, _("pack: “country_chart.rows” is missing"));
  codes = json_object_get_members (rows);
  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *row = clr_json_get_object (rows, l->data);
      JsonArray *x = row != NULL ? clr_json_get_array (row, "x") : NULL;
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      g_hash_table_insert (self->chart_rows, l->data, set);
      if (!g_hash_table_contains (self->countries, l->data))
        return invalid (error, _("country_chart.rows: unknown country code “%s”"), (const char *) l->data);
      for (guint i = 0; x != NULL && i < json_array_get_length (x); i++)
        g_hash_table_add (set, (gpointer) clr_json_array_get_string (x, i));
    }
  if (!load_chart_changes (self, chart, error))
    return FALSE;
  embargoed = clr_json_get_object (chart, "embargoed");
  if (embargoed != NULL)
    {
      g_autoptr(GList) e = json_object_get_members (embargoed);

      for (GList *l = e; l != NULL; l = l->next)
        if (!g_hash_table_contains (self->countries, l->data))
          return invalid (error, _("country_chart.embargoed: unknown country code “%s”"), (const char *) l->data);
    }
  return TRUE;
}

static gboolean
expand_set (ClrRulePack *self,
            JsonObject  *sets,
            const char  *name,
            GPtrArray   *out,
            int          depth,
            GError     **error)
{
  JsonArray *patterns = clr_json_get_array (sets, name);

  if (patterns == NULL)
    return invalid (error, _("eccn_sets: unknown set “@%s”"), name);
  if (depth > 8)
    return invalid (error, _("eccn_sets.%s: sets refer to each other in a loop"), name);
  for (guint i = 0; i < json_array_get_length (patterns); i++)
    {
      const char *p = clr_json_array_get_string (patterns, i);
      g_auto(GStrv) parts = NULL;

      if (p == NULL)
        return invalid (error, _("eccn_sets.%s: must list strings"), name);
      if (p[0] == '@')
        {
          if (!expand_set (self, sets, p + 1, out, depth + 1, error))
            return FALSE;
          continue;
        }
      parts = g_strsplit (p, ".", 2);
      if (g_strcmp0 (p, "EAR99") != 0 &&
          (!clr_eccn_syntax_ok (p, TRUE, TRUE) ||
           !g_hash_table_contains (self->ccl, parts[0])))
        return invalid (error, _("eccn_sets.%s: unknown ECCN pattern “%s”"), name, p);
      g_ptr_array_add (out, g_strdup (p));
    }
  return TRUE;
}

/* The item facts the shipment form may ask for (the evaluator's numeric
 * parameters and flags the form shows per item). */
static const char * const item_parameter_facts[] = {
  "tpp", "performance_density", "memory_bandwidth_gbps", "datacenter", "manufacturer_headquarters",
  "food_or_medicine", "enc_classification_done", NULL
};

/* "item_parameters": which item facts apply to which ECCNs, so the form asks
 * for TPP & co. only where a rule can use them. Needs the ECCN sets loaded. */
static gboolean
load_item_parameters (ClrRulePack *self,
                      GError     **error)
{
  static const char * const fields[] = { "fact", "label", "eccn_set", NULL };
  JsonNode *node = json_object_get_member (self->root, "item_parameters");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, _("pack: “item_parameters” must be an array"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *p = clr_json_array_get_object (array, i);
      g_autofree char *where = g_strdup_printf ("item_parameters[%u]", i);
      const char *fact, *label, *set;

      if (p == NULL)
        return invalid (error, _("%s: must be an object"), where);
      if (!check_fields (p, fields, where, error) ||
          !require_string (p, "fact", where, &fact, error) ||
          !require_string (p, "label", where, &label, error) ||
          !require_string (p, "eccn_set", where, &set, error))
        return FALSE;
      if (!g_strv_contains (item_parameter_facts, fact))
        return invalid (error, _("%s.fact: unknown item fact “%s” (known: tpp, performance_density, "
                                 "memory_bandwidth_gbps, datacenter, manufacturer_headquarters, food_or_medicine, "
                                 "enc_classification_done)"), where, fact);
      if (!g_hash_table_add (seen, (gpointer) fact))
        return invalid (error, _("%s.fact: “%s” is listed twice"), where, fact);
      if (!g_hash_table_contains (self->eccn_sets, set[0] == '@' ? set + 1 : set))
        return invalid (error, _("%s.eccn_set: unknown ECCN set “%s”"), where, set);
    }
  self->item_parameters = array;
  return TRUE;
}

static gboolean
load_catalogues (ClrRulePack *self,
                 GError     **error)
{
  JsonObject *sets = clr_json_get_object (self->root, "eccn_sets");
  JsonArray *end_uses = clr_json_get_array (self->root, "end_use_categories");
  JsonArray *flags = clr_json_get_array (self->root, "red_flags");
  JsonObject *item_lists = clr_json_get_object (self->root, "item_lists");
  JsonObject *consequences = clr_json_get_object (self->root, "list_consequences");

  if (sets != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (sets);

      for (GList *l = names; l != NULL; l = l->next)
        {
          GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

          g_hash_table_insert (self->eccn_sets, l->data, out);
          if (!expand_set (self, sets, l->data, out, 0, error))
            return FALSE;
        }
    }
  if (!load_item_parameters (self, error))
    return FALSE;
  if (end_uses == NULL)
    return invalid (error, _("pack: “end_use_categories” is missing"));
  for (guint i = 0; i < json_array_get_length (end_uses); i++)
    {
      JsonObject *e = clr_json_array_get_object (end_uses, i);

      if (e == NULL || clr_json_get_string (e, "id") == NULL || clr_json_get_string (e, "label") == NULL)
        return invalid (error, _("end_use_categories[%u]: needs “id” and “label”"), i);
      g_hash_table_insert (self->end_uses, (gpointer) clr_json_get_string (e, "id"), e);
    }
  if (flags == NULL)
    return invalid (error, _("pack: “red_flags” is missing"));
  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      static const char * const fields[] = { "id", "question", "citation", NULL };
      JsonObject *f = clr_json_array_get_object (flags, i);
      g_autofree char *where = g_strdup_printf ("red_flags[%u]", i);

      if (f == NULL || !check_fields (f, fields, where, error))
        return f == NULL ? invalid (error, _("%s: must be an object"), where) : FALSE;
      if (clr_json_get_string (f, "id") == NULL || clr_json_get_string (f, "question") == NULL || clr_json_get_string (f, "citation") == NULL)
        return invalid (error, _("%s: needs “id”, “question” and “citation”"), where);
      g_hash_table_insert (self->red_flags, (gpointer) clr_json_get_string (f, "id"), f);
    }
  if (item_lists != NULL)
    {
      g_autoptr(GList) names = json_object_get_members (item_lists);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonObject *list = clr_json_get_object (item_lists, l->data);

          if (list == NULL || clr_json_get_array (list, "match") == NULL)
            return invalid (error, _("item_lists.%s: needs a “match” array"), (const char *) l->data);
        }
    }
  if (consequences == NULL || clr_json_get_object (consequences, "*") == NULL)
    return invalid (error, _("pack: “list_consequences” is missing or has no “*” fallback"));
  else
    {
      static const char * const fields[] = { "title", "outcome", "citation", "license_policy", "use_entry_policy",
                                             "blocks_exceptions", "explanation", "footnotes", "aliases",
                                             "potential_match", "item_scope", "out_of_scope", NULL };
      static const char * const potential_fields[] = { "title", "outcome", "explanation", "blocks_exceptions", NULL };
      g_autoptr(GList) codes = json_object_get_members (consequences);

      for (GList *l = codes; l != NULL; l = l->next)
        {
          JsonObject *c = clr_json_get_object (consequences, l->data);
          g_autofree char *where = g_strdup_printf ("list_consequences.%s", (const char *) l->data);
          const char *outcome;

          if (c == NULL || !check_fields (c, fields, where, error))
            return c == NULL ? invalid (error, _("%s: must be an object"), where) : FALSE;
          outcome = clr_json_get_string (c, "outcome");
          if (g_strcmp0 (outcome, "prohibited") != 0 && g_strcmp0 (outcome, "license_required") != 0 &&
              g_strcmp0 (outcome, "review") != 0)
            return invalid (error, _("%s: outcome must be prohibited, license_required or review"), where);
          if (clr_json_get_string (c, "citation") == NULL || clr_json_get_string (c, "explanation") == NULL)
            return invalid (error, _("%s: needs “citation” and “explanation”"), where);
          if (json_object_has_member (c, "potential_match"))
            {
              JsonObject *pm = clr_json_get_object (c, "potential_match");
              g_autofree char *pm_where = g_strdup_printf ("%s.potential_match", where);

              if (pm == NULL || !check_fields (pm, potential_fields, pm_where, error))
                return pm == NULL ? invalid (error, _("%s: must be an object"), pm_where) : FALSE;
              outcome = clr_json_get_string (pm, "outcome");
              if (g_strcmp0 (outcome, "prohibited") != 0 && g_strcmp0 (outcome, "license_required") != 0 &&
                  g_strcmp0 (outcome, "review") != 0)
                return invalid (error, _("%s: outcome must be prohibited, license_required or review"), pm_where);
              if (clr_json_get_string (pm, "explanation") == NULL)
                return invalid (error, _("%s: needs an “explanation”"), pm_where);
            }
        }
    }
  return TRUE;
}

static guint
read_postures (JsonObject  *object,
               const char  *where,
               GError     **error,
               gboolean    *ok)
{
  JsonArray *postures = clr_json_get_array (object, "postures");
  guint mask = 0;

  *ok = TRUE;
  if (!json_object_has_member (object, "postures"))
    return (1 << CLR_POSTURE_ENFORCEMENT) | (1 << CLR_POSTURE_CFR_TEXT);
  for (guint i = 0; postures != NULL && i < json_array_get_length (postures); i++)
    {
      ClrPosture p;

      if (!clr_posture_from_string (clr_json_array_get_string (postures, i), &p, NULL))
        {
          *ok = invalid (error, _("%s: postures: unknown posture “%s”"), where,
                         clr_json_array_get_string (postures, i) ?: "");
          return 0;
        }
      mask |= 1 << p;
    }
  if (mask == 0)
    *ok = invalid (error, _("%s: can never fire: “postures” is empty"), where);
  return mask;
}

static gboolean
load_exceptions (ClrRulePack *self,
                 GError     **error)
{
  static const char * const fields[] = { "id", "code", "title", "citation", "effective", "description",
                                         "condition", "conditions", NULL };
  JsonArray *exceptions = clr_json_get_array (self->root, "license_exceptions");

  if (exceptions == NULL)
    return invalid (error, _("pack: “license_exceptions” is missing"));
  for (guint i = 0; i < json_array_get_length (exceptions); i++)
    {
      JsonObject *o = clr_json_array_get_object (exceptions, i);
      g_autofree char *where = NULL;
      ClrLicenseException *e;
      const char *s;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("license_exceptions[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("license exception “%s”"), clr_json_get_string (o, "id"));
      if (!check_fields (o, fields, where, error))
        return FALSE;
      e = g_new0 (ClrLicenseException, 1);
      g_ptr_array_add (self->exceptions, e);
      e->id = g_strdup (clr_json_get_string (o, "id"));
      if (!require_string (o, "code", where, &s, error))
        return FALSE;
      e->code = g_strdup (s);
      if (!require_string (o, "title", where, &s, error))
        return FALSE;
      e->title = g_strdup (s);
      if (!require_string (o, "citation", where, &s, error))
        return FALSE;
      e->citation = g_strdup (s);
      e->description = g_strdup (clr_json_get_string (o, "description"));
      if (!read_effective (o, where, &e->from, &e->until, error))
        return FALSE;
      if (!json_object_has_member (o, "condition"))
        return invalid (error, _("%s: “condition” is missing"), where);
      e->condition = clr_expr_compile (json_object_get_member (o, "condition"), self, where, error);
      if (e->condition == NULL)
        return FALSE;
      e->conditions = string_array (clr_json_get_array (o, "conditions"), where, "conditions", error);
      if (e->conditions == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_exception_code (ClrRulePack *self,
                    const char  *code)
{
  for (guint i = 0; i < self->exceptions->len; i++)
    if (g_strcmp0 (((ClrLicenseException *) g_ptr_array_index (self->exceptions, i))->code, code) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
load_rules (ClrRulePack *self,
            GError     **error)
{
  static const char * const fields[] = { "id", "kind", "title", "citation", "effective", "postures", "condition",
                                         "outcome", "license_policy", "explanation", "ask", "exceptions",
                                         "blocks_exceptions", "notes", "classification_check", NULL };
  JsonArray *rules = clr_json_get_array (self->root, "rules");
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (rules == NULL || json_array_get_length (rules) == 0)
    return invalid (error, _("pack: “rules” is missing or empty"));
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *o = clr_json_array_get_object (rules, i);
      g_autofree char *where = NULL;
      ClrRule *rule;
      const char *s;
      const char *kind;
      gboolean ok;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("rules[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("rule “%s”"), clr_json_get_string (o, "id"));
      if (g_hash_table_contains (ids, clr_json_get_string (o, "id")))
        return invalid (error, _("%s: the id is used twice"), where);
      g_hash_table_add (ids, (gpointer) clr_json_get_string (o, "id"));
      if (!check_fields (o, fields, where, error))
        return FALSE;

      rule = g_new0 (ClrRule, 1);
      g_ptr_array_add (self->rules, rule);
      rule->id = g_strdup (clr_json_get_string (o, "id"));
      if (!require_string (o, "title", where, &s, error))
        return FALSE;
      rule->title = g_strdup (s);
      if (!require_string (o, "citation", where, &s, error))
        return FALSE;
      rule->citation = g_strdup (s);
      if (!require_string (o, "explanation", where, &s, error))
        return FALSE;
      rule->explanation = g_strdup (s);
      rule->license_policy = g_strdup (clr_json_get_string (o, "license_policy") ?: "");
      rule->ask = g_strdup (clr_json_get_string (o, "ask"));
      if (!read_effective_full (o, where, &rule->from, &rule->until, &rule->compliance, error))
        return FALSE;
      rule->postures = read_postures (o, where, error, &ok);
      if (!ok)
        return FALSE;
      if (!require_string (o, "outcome", where, &s, error))
        return FALSE;
      if (strcmp (s, "prohibited") != 0 && strcmp (s, "license_required") != 0 && strcmp (s, "review") != 0)
        return invalid (error, _("%s: outcome “%s” (use prohibited, license_required or review)"), where, s);
      rule->outcome = g_strdup (s);
      rule->blocks_exceptions = json_object_get_boolean_member_with_default (o, "blocks_exceptions", FALSE);
      rule->classification_check = json_object_get_boolean_member_with_default (o, "classification_check", FALSE);
      rule->exceptions = string_array (clr_json_get_array (o, "exceptions"), where, "exceptions", error);
      if (rule->exceptions == NULL)
        return FALSE;
      for (guint e = 0; rule->exceptions[e] != NULL; e++)
        if (!has_exception_code (self, rule->exceptions[e]))
          return invalid (error, _("%s: unknown license exception “%s”"), where, rule->exceptions[e]);

      kind = clr_json_get_string (o, "kind");
      if (kind == NULL || strcmp (kind, "condition") == 0)
        {
          rule->kind = CLR_RULE_KIND_CONDITION;
          if (!json_object_has_member (o, "condition"))
            return invalid (error, _("%s: “condition” is missing"), where);
          rule->condition = clr_expr_compile (json_object_get_member (o, "condition"), self, where, error);
          if (rule->condition == NULL)
            return FALSE;
          if (clr_expr_never_true (rule->condition))
            return invalid (error, _("%s: can never fire: its condition is always false"), where);
        }
      else if (strcmp (kind, "country_chart") == 0)
        rule->kind = CLR_RULE_KIND_COUNTRY_CHART;
      else if (strcmp (kind, "list_screening") == 0)
        rule->kind = CLR_RULE_KIND_LIST_SCREENING;
      else
        return invalid (error, _("%s: unknown kind “%s”"), where, kind);
      if (rule->kind != CLR_RULE_KIND_CONDITION && json_object_has_member (o, "condition"))
        return invalid (error, _("%s: a “%s” rule takes no condition"), where, kind);
    }
  return TRUE;
}

static gboolean
load_overrides (ClrRulePack *self,
                GError     **error)
{
  static const char * const fields[] = { "id", "title", "citation", "effective", "applies_to", "condition",
                                         "license_policy", "unknown_policy", NULL };
  JsonArray *overrides = clr_json_get_array (self->root, "policy_overrides");

  for (guint i = 0; overrides != NULL && i < json_array_get_length (overrides); i++)
    {
      JsonObject *o = clr_json_array_get_object (overrides, i);
      g_autofree char *where = NULL;
      ClrPolicyOverride *po;
      const char *s;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("policy_overrides[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("policy override “%s”"), clr_json_get_string (o, "id"));
      if (!check_fields (o, fields, where, error))
        return FALSE;
      po = g_new0 (ClrPolicyOverride, 1);
      g_ptr_array_add (self->overrides, po);
      po->id = g_strdup (clr_json_get_string (o, "id"));
      po->title = g_strdup (clr_json_get_string (o, "title") ?: po->id);
      if (!require_string (o, "citation", where, &s, error))
        return FALSE;
      po->citation = g_strdup (s);
      if (!require_string (o, "license_policy", where, &s, error))
        return FALSE;
      po->license_policy = g_strdup (s);
      po->unknown_policy = g_strdup (clr_json_get_string (o, "unknown_policy"));
      if (!read_effective (o, where, &po->from, &po->until, error))
        return FALSE;
      po->applies_to = string_array (clr_json_get_array (o, "applies_to"), where, "applies_to", error);
      if (po->applies_to == NULL)
        return FALSE;
      for (guint r = 0; po->applies_to[r] != NULL; r++)
        {
          gboolean found = FALSE;

          for (guint k = 0; k < self->rules->len; k++)
            if (g_strcmp0 (((ClrRule *) g_ptr_array_index (self->rules, k))->id, po->applies_to[r]) == 0)
              found = TRUE;
          if (!found)
            return invalid (error, _("%s: applies_to: unknown rule “%s”"), where, po->applies_to[r]);
        }
      if (!json_object_has_member (o, "condition"))
        return invalid (error, _("%s: “condition” is missing"), where);
      po->condition = clr_expr_compile (json_object_get_member (o, "condition"), self, where, error);
      if (po->condition == NULL)
        return FALSE;
    }
  return TRUE;
}


/* "paragraph_derivations": the paragraph of a stated ECCN derived from the
 * item's facts (3A090 → 3A090.a from TPP and performance density). */
static gboolean
load_derivations (ClrRulePack *self,
                  GError     **error)
{
  static const char * const fields[] = { "id", "title", "citation", "effective", "facts", "targets", "outcomes",
                                         "notes", NULL };
  static const char * const target_fields[] = { "eccn", "suffixes", NULL };
  static const char * const outcome_fields[] = { "id", "label", "condition", "outcome", "explanation", NULL };
  JsonArray *derivations = clr_json_get_array (self->root, "paragraph_derivations");

  for (guint i = 0; derivations != NULL && i < json_array_get_length (derivations); i++)
    {
      JsonObject *o = clr_json_array_get_object (derivations, i);
      JsonArray *targets, *outcomes;
      g_autofree char *where = NULL;
      ClrDerivation *d;
      const char *s;

      if (o == NULL || clr_json_get_string (o, "id") == NULL)
        return invalid (error, _("paragraph_derivations[%u]: needs an “id”"), i);
      where = g_strdup_printf (_("paragraph derivation “%s”"), clr_json_get_string (o, "id"));
      if (!check_fields (o, fields, where, error))
        return FALSE;
      d = g_new0 (ClrDerivation, 1);
      g_ptr_array_add (self->derivations, d);
      d->id = g_strdup (clr_json_get_string (o, "id"));
      d->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) derivation_target_free);
      d->outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) derivation_outcome_free);
      if (!require_string (o, "title", where, &s, error))
        return FALSE;
      d->title = g_strdup (s);
      if (!require_string (o, "citation", where, &s, error))
        return FALSE;
      d->citation = g_strdup (s);
      if (!read_effective (o, where, &d->from, &d->until, error))
        return FALSE;
      d->facts = string_array (clr_json_get_array (o, "facts"), where, "facts", error);
      if (d->facts == NULL)
        return FALSE;

      outcomes = clr_json_get_array (o, "outcomes");
      if (outcomes == NULL || json_array_get_length (outcomes) == 0)
        return invalid (error, _("%s: “outcomes” is missing or empty"), where);
      for (guint k = 0; k < json_array_get_length (outcomes); k++)
        {
          JsonObject *oo = clr_json_array_get_object (outcomes, k);
          g_autofree char *w = g_strdup_printf ("%s: outcomes[%u]", where, k);
          ClrDerivationOutcome *out;

          if (oo == NULL || !check_fields (oo, outcome_fields, w, error))
            return oo == NULL ? invalid (error, _("%s: must be an object"), w) : FALSE;
          out = g_new0 (ClrDerivationOutcome, 1);
          g_ptr_array_add (d->outcomes, out);
          if (!require_string (oo, "id", w, &s, error))
            return FALSE;
          out->id = g_strdup (s);
          if (!require_string (oo, "label", w, &s, error))
            return FALSE;
          out->label = g_strdup (s);
          out->outcome = g_strdup (clr_json_get_string (oo, "outcome"));
          if (out->outcome != NULL && strcmp (out->outcome, "review") != 0 &&
              strcmp (out->outcome, "license_required") != 0)
            return invalid (error, _("%s: outcome “%s” (use review or license_required)"), w, out->outcome);
          out->explanation = g_strdup (clr_json_get_string (oo, "explanation"));
          if (out->outcome != NULL && out->explanation == NULL)
            return invalid (error, _("%s: an outcome needs an “explanation”"), w);
          if (!json_object_has_member (oo, "condition"))
            return invalid (error, _("%s: “condition” is missing"), w);
          out->condition = clr_expr_compile (json_object_get_member (oo, "condition"), self, w, error);
          if (out->condition == NULL)
            return FALSE;
        }

      targets = clr_json_get_array (o, "targets");
      if (targets == NULL || json_array_get_length (targets) == 0)
        return invalid (error, _("%s: “targets” is missing or empty"), where);
      for (guint k = 0; k < json_array_get_length (targets); k++)
        {
          JsonObject *to = clr_json_array_get_object (targets, k);
          JsonObject *suffixes = to != NULL ? clr_json_get_object (to, "suffixes") : NULL;
          g_autofree char *w = g_strdup_printf ("%s: targets[%u]", where, k);
          g_autoptr(GList) ids = NULL;
          ClrDerivationTarget *t;
          g_auto(GStrv) parts = NULL;

          if (to == NULL || !check_fields (to, target_fields, w, error))
            return to == NULL ? invalid (error, _("%s: must be an object"), w) : FALSE;
          if (!require_string (to, "eccn", w, &s, error))
            return FALSE;
          parts = g_strsplit (s, ".", 2);
          if (!clr_eccn_syntax_ok (s, TRUE, TRUE) || _clr_rule_pack_get_ccl_entry (self, parts[0]) == NULL)
            return invalid (error, _("%s: eccn: unknown ECCN pattern “%s”"), w, s);
          if (suffixes == NULL)
            return invalid (error, _("%s: “suffixes” is missing"), w);
          t = g_new0 (ClrDerivationTarget, 1);
          g_ptr_array_add (d->targets, t);
          t->eccn = g_strdup (s);
          t->suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          ids = json_object_get_members (suffixes);
          for (GList *l = ids; l != NULL; l = l->next)
            {
              const char *suffix = clr_json_get_string (suffixes, l->data);
              gboolean known = FALSE;

              for (guint m = 0; m < d->outcomes->len; m++)
                if (g_strcmp0 (((ClrDerivationOutcome *) g_ptr_array_index (d->outcomes, m))->id, l->data) == 0)
                  known = TRUE;
              if (!known)
                return invalid (error, _("%s: suffixes: unknown outcome “%s”"), w, (const char *) l->data);
              if (suffix == NULL || suffix[0] != '.')
                return invalid (error, _("%s: suffixes.%s: must be a paragraph like “.a”"), w, (const char *) l->data);
              g_hash_table_insert (t->suffixes, g_strdup (l->data), g_strdup (suffix));
            }
        }
    }
  return TRUE;
}

/* "item_scope" of list consequences: the items a listing reaches (the MEU
 * List reaches Supp. No. 2 to part 744 items, or any item for Russia and
 * Belarus entries). */
static gboolean
load_list_scopes (ClrRulePack *self,
                  GError     **error)
{
  JsonObject *consequences = clr_json_get_object (self->root, "list_consequences");
  g_autoptr(GList) codes = consequences != NULL ? json_object_get_members (consequences) : NULL;

  for (GList *l = codes; l != NULL; l = l->next)
    {
      JsonObject *c = clr_json_get_object (consequences, l->data);
      JsonObject *oos = c != NULL ? clr_json_get_object (c, "out_of_scope") : NULL;
      g_autofree char *where = g_strdup_printf ("list_consequences.%s.item_scope", (const char *) l->data);
      ClrExpr *expr;

      if (c == NULL || !json_object_has_member (c, "item_scope"))
        continue;
      if (oos == NULL || clr_json_get_string (oos, "explanation") == NULL ||
          (g_strcmp0 (clr_json_get_string (oos, "outcome"), "clear") != 0 && g_strcmp0 (clr_json_get_string (oos, "outcome"), "review") != 0))
        return invalid (error, _("list_consequences.%s: “item_scope” needs “out_of_scope” with an outcome (clear or review) and an explanation"),
                        (const char *) l->data);
      expr = clr_expr_compile (json_object_get_member (c, "item_scope"), self, where, error);
      if (expr == NULL)
        return FALSE;
      g_hash_table_insert (self->list_scopes, g_strdup (l->data), expr);
    }
  return TRUE;
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
  if (!check_fields (self->root, fields, "pack", error))
    return FALSE;
  if (!require_string (self->root, "id", "pack", &self->id, error) ||
      !require_string (self->root, "version", "pack", &self->version, error) ||
      !require_string (self->root, "title", "pack", &self->title, error) ||
      !require_string (self->root, "published", "pack", &self->published, error))
    return FALSE;
  if (!clr_date_is_valid (self->published))
    return invalid (error, _("pack: published: bad date “%s” (expected YYYY-MM-DD)"), self->published);
  if (!is_version (self->version))
    return invalid (error, _("pack: version “%s” must be numbers separated by dots"), self->version);
  self->snapshot_date = clr_json_get_string (self->root, "snapshot_date");
  if (self->snapshot_date == NULL || !clr_date_is_valid (self->snapshot_date))
    return invalid (error, _("pack: snapshot_date: bad date (the date the group tables describe)"));

  return load_countries (self, error) &&
         load_groups (self, error) &&
         load_ccl_and_chart (self, error) &&
         load_catalogues (self, error) &&
         load_exceptions (self, error) &&
         load_rules (self, error) &&
         load_overrides (self, error) &&
         load_derivations (self, error) &&
         load_list_scopes (self, error);
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

/* ---- lookups ----------------------------------------------------------- */

const char *
clr_rule_pack_lookup_country (ClrRulePack *self,
                              const char  *code_or_name)
{
  g_autofree char *key = NULL;

  if (code_or_name == NULL)
    return NULL;
  key = g_utf8_casefold (code_or_name, -1);
  g_strstrip (key);
  return g_hash_table_lookup (self->country_names, key);
}

const char *
_clr_rule_pack_effective_country (ClrRulePack *self,
                                  const char  *code)
{
  JsonObject *c = g_hash_table_lookup (self->countries, code);
  const char *treated = c != NULL ? clr_json_get_string (c, "treated_as") : NULL;

  return treated != NULL ? treated : code;
}

const char *
_clr_rule_pack_country_name (ClrRulePack *self,
                             const char  *code)
{
  JsonObject *c = g_hash_table_lookup (self->countries, code);

  return c != NULL ? clr_json_get_string (c, "name") : NULL;
}

gboolean
_clr_rule_pack_has_group (ClrRulePack *self,
                          const char  *group)
{
  return g_hash_table_contains (self->groups, group);
}

static gboolean
strv_has (GPtrArray  *array,
          const char *value)
{
  for (guint k = 0; array != NULL && k < array->len; k++)
    if (strcmp (g_ptr_array_index (array, k), value) == 0)
      return TRUE;
  return FALSE;
}

/* Membership of @value in a set known as of the snapshot (@member), moved to
 * @date through @changes (GroupChange *, by date; only those of @country when
 * it is set). Each change that made a difference, and each change of unknown
 * date that concerns @value, is described in @notes (nullable) by @describe. */
static gboolean
dated_membership (ClrRulePack *self,
                  GPtrArray   *changes,
                  const char  *country,
                  const char  *value,
                  gboolean     member,
                  const char  *date,
                  GPtrArray   *touched)
{
  if (date == NULL)
    return member;
  if (strcmp (date, self->snapshot_date) < 0)
    {
      /* undo, latest first, the changes after @date up to the snapshot */
      for (guint i = changes->len; i > 0; i--)
        {
          GroupChange *c = g_ptr_array_index (changes, i - 1);
          gboolean in_add, in_remove;

          if (country != NULL && g_strcmp0 (c->country, country) != 0)
            continue;
          in_add = strv_has (c->add, value);
          in_remove = strv_has (c->remove, value);
          if (!in_add && !in_remove)
            continue;
          if (c->date == NULL)
            {
              /* not known when: the snapshot stands, and says so */
              if (touched != NULL)
                g_ptr_array_add (touched, c);
              continue;
            }
          if (strcmp (c->date, date) <= 0 || strcmp (c->date, self->snapshot_date) > 0)
            continue;
          if (in_add)
            member = FALSE;
          if (in_remove)
            member = TRUE;
          if (touched != NULL)
            g_ptr_array_add (touched, c);
        }
    }
  else
    {
      /* apply, in order, announced changes after the snapshot up to @date */
      for (guint i = 0; i < changes->len; i++)
        {
          GroupChange *c = g_ptr_array_index (changes, i);

          if (c->date == NULL || (country != NULL && g_strcmp0 (c->country, country) != 0))
            continue;
          if (strcmp (c->date, self->snapshot_date) <= 0 || strcmp (c->date, date) > 0)
            continue;
          if (strv_has (c->add, value))
            member = TRUE;
          if (strv_has (c->remove, value))
            member = FALSE;
          if (touched != NULL && (strv_has (c->add, value) || strv_has (c->remove, value)))
            g_ptr_array_add (touched, c);
        }
    }
  return member;
}

static void
add_note_unique (GPtrArray *notes,
                 char      *note)
{
  for (guint i = 0; i < notes->len; i++)
    if (strcmp (g_ptr_array_index (notes, i), note) == 0)
      {
        g_free (note);
        return;
      }
  g_ptr_array_add (notes, note);
}

gboolean
clr_rule_pack_country_in_group (ClrRulePack *self,
                                const char  *country,
                                const char  *group,
                                const char  *date)
{
  return _clr_rule_pack_country_in_group_noted (self, country, group, date, NULL);
}

gboolean
_clr_rule_pack_country_in_group_noted (ClrRulePack *self,
                                       const char  *country,
                                       const char  *group,
                                       const char  *date,
                                       GPtrArray   *notes)
{
  Group *g = g_hash_table_lookup (self->groups, group);
  g_autoptr(GPtrArray) touched = NULL;
  gboolean member;

  if (g == NULL || country == NULL)
    return FALSE;
  touched = notes != NULL ? g_ptr_array_new () : NULL;
  member = dated_membership (self, g->changes, NULL, country, g_hash_table_contains (g->members, country),
                             date, touched);
  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GroupChange *c = g_ptr_array_index (touched, i);
      const char *name = _clr_rule_pack_country_name (self, country) ?: country;

      if (c->date == NULL)
        add_note_unique (notes, g_strdup_printf (_("Country Group %s, %s: the date of the change (%s) is not known; "
                                                   "the group table of %s was used for %s."),
                                                 group, name, c->citation, self->snapshot_date, date));
      else
        add_note_unique (notes, g_strdup_printf (_("Country Group %s on %s: %s %s, as the change of %s (%s) %s."),
                                                 group, date, name, member ? _("is a member") : _("is not a member"),
                                                 c->date, c->citation,
                                                 strcmp (c->date, date) <= 0 ? _("applies") : _("is not yet in force")));
    }
  return member;
}

gboolean
_clr_rule_pack_chart_marked (ClrRulePack *self,
                             const char  *country,
                             const char  *column,
                             const char  *date,
                             GPtrArray   *notes)
{
  GHashTable *row = g_hash_table_lookup (self->chart_rows, country);
  g_autoptr(GPtrArray) touched = notes != NULL ? g_ptr_array_new () : NULL;
  gboolean marked;

  if (row == NULL)
    return FALSE;
  marked = dated_membership (self, self->chart_changes, country, column, g_hash_table_contains (row, column),
                             date, touched);
  for (guint i = 0; touched != NULL && i < touched->len; i++)
    {
      GroupChange *c = g_ptr_array_index (touched, i);
      const char *name = _clr_rule_pack_country_name (self, country) ?: country;

      if (c->date == NULL)
        add_note_unique (notes, g_strdup_printf (_("Country Chart, %s %s: the date of the change (%s) is not known; "
                                                   "the chart of %s was used for %s."),
                                                 name, column, c->citation, self->snapshot_date, date));
      else
        add_note_unique (notes, g_strdup_printf (_("Country Chart on %s: %s %s %s, as the change of %s (%s) %s."),
                                                 date, name, column, marked ? _("has an X") : _("has no X"),
                                                 c->date, c->citation,
                                                 strcmp (c->date, date) <= 0 ? _("applies") : _("is not yet in force")));
    }
  return marked;
}

GPtrArray *
_clr_rule_pack_get_eccn_set (ClrRulePack *self,
                             const char  *name)
{
  return g_hash_table_lookup (self->eccn_sets, name);
}

JsonObject *
_clr_rule_pack_get_item_list (ClrRulePack *self,
                              const char  *name)
{
  JsonObject *lists = clr_json_get_object (self->root, "item_lists");

  return lists != NULL ? clr_json_get_object (lists, name) : NULL;
}

gboolean
_clr_rule_pack_has_end_use (ClrRulePack *self,
                            const char  *id)
{
  return g_hash_table_contains (self->end_uses, id);
}

JsonObject *
_clr_rule_pack_get_red_flag (ClrRulePack *self,
                             const char  *id)
{
  return g_hash_table_lookup (self->red_flags, id);
}

JsonObject *
_clr_rule_pack_get_ccl_entry (ClrRulePack *self,
                              const char  *eccn)
{
  char base[6];

  if (eccn == NULL || strlen (eccn) < 5)
    return NULL;
  memcpy (base, eccn, 5);
  base[5] = '\0';
  base[1] = g_ascii_toupper (base[1]);
  return g_hash_table_lookup (self->ccl, base);
}

gboolean
clr_rule_pack_has_eccn (ClrRulePack *self,
                        const char  *eccn)
{
  if (g_strcmp0 (eccn, "EAR99") == 0)
    return TRUE;
  if (eccn == NULL || !clr_eccn_syntax_ok (eccn, TRUE, FALSE))
    return FALSE;
  return _clr_rule_pack_get_ccl_entry (self, eccn) != NULL;
}

gboolean
clr_rule_pack_eccn_in_set (ClrRulePack *self,
                           const char  *set,
                           const char  *eccn)
{
  GPtrArray *patterns;

  g_return_val_if_fail (CLR_IS_RULE_PACK (self), FALSE);
  g_return_val_if_fail (set != NULL, FALSE);

  if (eccn == NULL || *eccn == '\0')
    return FALSE;
  patterns = _clr_rule_pack_get_eccn_set (self, set[0] == '@' ? set + 1 : set);
  if (patterns == NULL)
    return FALSE;
  /* The evaluator's own matching: "is the pattern or below it", "*" = any one
   * paragraph. A less specific ECCN ("3A001" for "3A001.z") may or may not be
   * in the set; that is not "in". */
  for (guint i = 0; i < patterns->len; i++)
    if (clr_eccn_match (eccn, g_ptr_array_index (patterns, i)) == CLR_TRI_TRUE)
      return TRUE;
  return FALSE;
}

JsonNode *
clr_rule_pack_list_item_parameters (ClrRulePack *self)
{
  JsonArray *copy = json_array_new ();

  g_return_val_if_fail (CLR_IS_RULE_PACK (self), NULL);

  for (guint i = 0; self->item_parameters != NULL && i < json_array_get_length (self->item_parameters); i++)
    json_array_add_element (copy, json_node_copy (json_array_get_element (self->item_parameters, i)));
  return json_node_init_array (json_node_alloc (), copy);
}

gboolean
clr_rule_pack_item_has_parameter (ClrRulePack *self,
                                  const char  *fact,
                                  const char  *eccn)
{
  g_return_val_if_fail (CLR_IS_RULE_PACK (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  for (guint i = 0; self->item_parameters != NULL && i < json_array_get_length (self->item_parameters); i++)
    {
      JsonObject *p = clr_json_array_get_object (self->item_parameters, i);

      if (g_strcmp0 (clr_json_get_string (p, "fact"), fact) == 0 &&
          clr_rule_pack_eccn_in_set (self, clr_json_get_string (p, "eccn_set"), eccn))
        return TRUE;
    }
  return FALSE;
}

GHashTable *
_clr_rule_pack_get_chart_row (ClrRulePack *self,
                              const char  *code)
{
  return g_hash_table_lookup (self->chart_rows, code);
}

gboolean
_clr_rule_pack_is_chart_embargoed (ClrRulePack *self,
                                   const char  *code)
{
  JsonObject *embargoed = clr_json_get_object (clr_json_get_object (self->root, "country_chart"), "embargoed");

  return embargoed != NULL && json_object_has_member (embargoed, code);
}

JsonObject *
_clr_rule_pack_get_list_consequence (ClrRulePack *self,
                                     const char  *list_code,
                                     const char **canonical_code)
{
  JsonObject *consequences = clr_json_get_object (self->root, "list_consequences");
  g_autoptr(GList) codes = json_object_get_members (consequences);

  for (GList *l = codes; list_code != NULL && l != NULL; l = l->next)
    {
      JsonObject *c = clr_json_get_object (consequences, l->data);
      JsonArray *aliases = clr_json_get_array (c, "aliases");

      if (g_ascii_strcasecmp (l->data, list_code) == 0)
        goto found;
      for (guint i = 0; aliases != NULL && i < json_array_get_length (aliases); i++)
        if (g_ascii_strcasecmp (clr_json_array_get_string (aliases, i), list_code) == 0)
          goto found;
      continue;
    found:
      if (canonical_code != NULL)
        *canonical_code = l->data;
      return c;
    }
  if (canonical_code != NULL)
    *canonical_code = list_code;
  return clr_json_get_object (consequences, "*");
}

GPtrArray *
_clr_rule_pack_get_rules (ClrRulePack *self)
{
  return self->rules;
}

GPtrArray *
_clr_rule_pack_get_derivations (ClrRulePack *self)
{
  return self->derivations;
}

ClrExpr *
_clr_rule_pack_get_list_item_scope (ClrRulePack *self,
                                    const char  *canonical_code)
{
  return canonical_code != NULL ? g_hash_table_lookup (self->list_scopes, canonical_code) : NULL;
}

GPtrArray *
_clr_rule_pack_get_exceptions (ClrRulePack *self)
{
  return self->exceptions;
}

GPtrArray *
_clr_rule_pack_get_overrides (ClrRulePack *self)
{
  return self->overrides;
}

/* ---- catalogues -------------------------------------------------------- */

static GPtrArray *
keys_of (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  return keys;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

JsonNode *
clr_rule_pack_list_eccns (ClrRulePack *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) keys = keys_of (self->ccl);

  g_ptr_array_sort (keys, compare_strings);
  json_builder_begin_array (b);
  for (guint i = 0; i < keys->len; i++)
    {
      JsonObject *e = g_hash_table_lookup (self->ccl, g_ptr_array_index (keys, i));
      JsonArray *reasons = clr_json_get_array (e, "reasons");
      JsonArray *paragraphs = clr_json_get_array (e, "paragraphs");

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "eccn");
      json_builder_add_string_value (b, g_ptr_array_index (keys, i));
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, clr_json_get_string (e, "title") ?: "");
      json_builder_set_member_name (b, "reasons");
      json_builder_begin_array (b);
      for (guint r = 0; reasons != NULL && r < json_array_get_length (reasons); r++)
        json_builder_add_string_value (b, clr_json_array_get_string (reasons, r));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "paragraphs");
      json_builder_begin_array (b);
      for (guint r = 0; paragraphs != NULL && r < json_array_get_length (paragraphs); r++)
        json_builder_add_string_value (b, clr_json_array_get_string (paragraphs, r));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

JsonNode *
clr_rule_pack_list_countries (ClrRulePack *self,
                              const char  *as_of)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) codes = keys_of (self->countries);
  g_autoptr(GPtrArray) groups = keys_of (self->groups);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *date = as_of != NULL ? as_of : today;

  g_ptr_array_sort (codes, compare_strings);
  g_ptr_array_sort (groups, compare_strings);
  json_builder_begin_array (b);
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      JsonObject *c = g_hash_table_lookup (self->countries, code);
      JsonArray *aliases = clr_json_get_array (c, "aliases");
      const char *effective = _clr_rule_pack_effective_country (self, code);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, code);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, clr_json_get_string (c, "name"));
      json_builder_set_member_name (b, "aliases");
      json_builder_begin_array (b);
      for (guint a = 0; aliases != NULL && a < json_array_get_length (aliases); a++)
        json_builder_add_string_value (b, clr_json_array_get_string (aliases, a));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "groups");
      json_builder_begin_array (b);
      for (guint g = 0; g < groups->len; g++)
        if (clr_rule_pack_country_in_group (self, effective, g_ptr_array_index (groups, g), date))
          json_builder_add_string_value (b, g_ptr_array_index (groups, g));
      json_builder_end_array (b);
      if (g_strcmp0 (effective, code) != 0)
        {
          json_builder_set_member_name (b, "treated_as");
          json_builder_add_string_value (b, effective);
        }
      json_builder_set_member_name (b, "embargoed");
      json_builder_add_boolean_value (b, _clr_rule_pack_is_chart_embargoed (self, effective));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

static JsonNode *
copy_array (JsonObject *root,
            const char *name)
{
  JsonArray *array = clr_json_get_array (root, name);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *copy = json_array_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    json_array_add_element (copy, json_node_copy (json_array_get_element (array, i)));
  json_node_take_array (node, copy);
  return node;
}

JsonNode *
clr_rule_pack_list_end_use_categories (ClrRulePack *self)
{
  return copy_array (self->root, "end_use_categories");
}

JsonNode *
clr_rule_pack_list_red_flags (ClrRulePack *self)
{
  return copy_array (self->root, "red_flags");
}

JsonNode *
clr_rule_pack_list_license_exceptions (ClrRulePack *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < self->exceptions->len; i++)
    {
      ClrLicenseException *e = g_ptr_array_index (self->exceptions, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, e->id);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, e->code);
      json_builder_set_member_name (b, "title");
      json_builder_add_string_value (b, e->title);
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, e->citation);
      json_builder_set_member_name (b, "description");
      json_builder_add_string_value (b, e->description ?: "");
      json_builder_set_member_name (b, "effective_from");
      json_builder_add_string_value (b, e->from);
      json_builder_set_member_name (b, "effective_until");
      if (e->until != NULL)
        json_builder_add_string_value (b, e->until);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}
