/* clr-classify.c — classification help: paragraphs, product words, models,
 * and which paragraph an item's parameters meet
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-classify.h"
#include "clr-date.h"
#include "clr-eccn.h"
#include "clr-engine-error.h"
#include "clr-expr.h"
#include "clr-json.h"
#include "clr-rule-pack-private.h"

#define HELP_FORMAT "clearance-classification-help"
#define HELP_RESOURCE "/dev/clearance/Clearance/rules/classification.json"

struct _ClrClassifyHelp
{
  GObject     parent_instance;

  JsonNode   *root_node;
  JsonObject *root;
  GStrv       paragraphs;
  GHashTable *words;        /* ECCN → char *: space-separated product words */
  JsonArray  *models;
  JsonObject *outcomes;     /* derivation outcome id → {"paragraph", "datacenter"?, "may_apply"?} */
  const char *derivation;
};

G_DEFINE_FINAL_TYPE (ClrClassifyHelp, clr_classify_help, G_TYPE_OBJECT)

static void
clr_classify_help_finalize (GObject *object)
{
  ClrClassifyHelp *self = CLR_CLASSIFY_HELP (object);

  g_strfreev (self->paragraphs);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->root_node, json_node_unref);
  G_OBJECT_CLASS (clr_classify_help_parent_class)->finalize (object);
}

static void
clr_classify_help_class_init (ClrClassifyHelpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_classify_help_finalize;
}

static void
clr_classify_help_init (ClrClassifyHelp *self)
{
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

#define bad(where, ...) clr_engine_fail_at (error, CLR_ENGINE_ERROR_INVALID_INPUT, (where), __VA_ARGS__)

static gboolean
is_number_or_null (JsonObject *o,
                   const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  return JSON_NODE_HOLDS_VALUE (n) && (json_node_get_value_type (n) == G_TYPE_DOUBLE ||
                                       json_node_get_value_type (n) == G_TYPE_INT64) &&
         json_node_get_double (n) > 0;
}

static gboolean
load_models (ClrClassifyHelp *self,
             const char      *origin,
             GError         **error)
{
  static const char * const numbers[] = { "tpp", "performance_density", "memory_bandwidth_gbps" };

  self->models = clr_json_get_array (self->root, "models");
  if (self->models == NULL)
    return bad (origin, _("“models” must be an array"));
  for (guint i = 0; i < json_array_get_length (self->models); i++)
    {
      JsonObject *m = clr_json_array_get_object (self->models, i);
      g_autofree char *where = g_strdup_printf ("%s: models[%u]", origin, i);
      JsonArray *sources;
      const char *eccn;

      if (m == NULL || clr_json_get_string (m, "model") == NULL || clr_json_get_string (m, "vendor") == NULL)
        return bad (where, _("a model needs “model” and “vendor”"));
      for (guint k = 0; k < G_N_ELEMENTS (numbers); k++)
        if (!is_number_or_null (m, numbers[k]))
          return bad (where, _("“%s” must be a positive number, or null when the vendor does not publish it"), numbers[k]);
      eccn = clr_json_get_string (m, "eccn");
      if (eccn != NULL && !clr_eccn_syntax_ok (eccn, TRUE, FALSE))
        return bad (where, _("“eccn” is not an ECCN: %s"), eccn);
      sources = clr_json_get_array (m, "sources");
      if (sources == NULL || json_array_get_length (sources) == 0)
        return bad (where, _("every model needs “sources”: the addresses its numbers come from"));
      for (guint k = 0; k < json_array_get_length (sources); k++)
        {
          const char *url = clr_json_array_get_string (sources, k);

          if (url == NULL || !g_str_has_prefix (url, "https://"))
            return bad (where, _("a source must be an https:// address"));
        }
    }
  return TRUE;
}

static gboolean
load_keywords (ClrClassifyHelp *self,
               const char      *origin,
               GError         **error)
{
  JsonArray *keywords = clr_json_get_array (self->root, "keywords");

  if (keywords == NULL)
    return bad (origin, _("“keywords” must be an array"));
  for (guint i = 0; i < json_array_get_length (keywords); i++)
    {
      JsonObject *k = clr_json_array_get_object (keywords, i);
      JsonArray *words = clr_json_get_array (k, "words");
      JsonArray *eccns = clr_json_get_array (k, "eccns");
      g_autofree char *where = g_strdup_printf ("%s: keywords[%u]", origin, i);
      g_autoptr(GString) joined = g_string_new (NULL);

      if (words == NULL || eccns == NULL)
        return bad (where, _("an entry needs “words” and “eccns”"));
      for (guint w = 0; w < json_array_get_length (words); w++)
        {
          const char *word = clr_json_array_get_string (words, w);

          if (word == NULL || *word == '\0')
            return bad (where, _("a word must be a non-empty string"));
          g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", word);
        }
      for (guint e = 0; e < json_array_get_length (eccns); e++)
        {
          const char *eccn = clr_json_array_get_string (eccns, e);
          const char *before;

          if (eccn == NULL || !clr_eccn_syntax_ok (eccn, TRUE, FALSE))
            return bad (where, _("“eccns” must list ECCNs"));
          before = g_hash_table_lookup (self->words, eccn);
          g_hash_table_replace (self->words, g_strdup (eccn),
                                before != NULL ? g_strconcat (before, " ", joined->str, NULL)
                                               : g_strdup (joined->str));
        }
    }
  return TRUE;
}

ClrClassifyHelp *
clr_classify_help_new_from_data (const char *data,
                                 gssize      length,
                                 const char *origin,
                                 GError    **error)
{
  g_autoptr(ClrClassifyHelp) self = g_object_new (CLR_TYPE_CLASSIFY_HELP, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *paragraphs;

  if (origin == NULL)
    origin = "classification.json";
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  self->root_node = json_node_ref (json_parser_get_root (parser));
  if (!JSON_NODE_HOLDS_OBJECT (self->root_node) ||
      g_strcmp0 (clr_json_get_string (json_node_get_object (self->root_node), "format"), HELP_FORMAT) != 0)
    {
      bad (origin, _("not a classification table (“format” must be “%s”)"), HELP_FORMAT);
      return NULL;
    }
  self->root = json_node_get_object (self->root_node);
  self->derivation = clr_json_get_string (self->root, "derivation");
  self->outcomes = clr_json_get_object (self->root, "outcomes");
  if (self->derivation == NULL || self->outcomes == NULL)
    {
      bad (origin, _("“derivation” and “outcomes” are required"));
      return NULL;
    }
  paragraphs = clr_json_get_array (self->root, "paragraphs");
  if (paragraphs == NULL)
    {
      bad (origin, _("“paragraphs” must be an array"));
      return NULL;
    }
  self->paragraphs = g_new0 (char *, json_array_get_length (paragraphs) + 1);
  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      const char *p = clr_json_array_get_string (paragraphs, i);

      if (p == NULL || !clr_eccn_syntax_ok (p, TRUE, FALSE))
        {
          g_autofree char *where = g_strdup_printf ("%s: paragraphs[%u]", origin, i);

          bad (where, _("not an ECCN paragraph"));
          return NULL;
        }
      self->paragraphs[i] = g_strdup (p);
    }
  if (!load_keywords (self, origin, error) || !load_models (self, origin, error))
    return NULL;
  return g_steal_pointer (&self);
}

ClrClassifyHelp *
clr_classify_help_new_bundled (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (HELP_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return clr_classify_help_new_from_data (data, length, _("bundled classification table"), error);
}

const char * const *
clr_classify_help_get_paragraphs (ClrClassifyHelp *self)
{
  g_return_val_if_fail (CLR_IS_CLASSIFY_HELP (self), NULL);
  return (const char * const *) self->paragraphs;
}

const char *
clr_classify_help_get_words (ClrClassifyHelp *self,
                             const char      *eccn)
{
  g_return_val_if_fail (CLR_IS_CLASSIFY_HELP (self), NULL);
  return eccn != NULL ? g_hash_table_lookup (self->words, eccn) : NULL;
}

JsonArray *
clr_classify_help_get_models (ClrClassifyHelp *self)
{
  g_return_val_if_fail (CLR_IS_CLASSIFY_HELP (self), NULL);
  return self->models;
}

/* Case- and space-insensitive equality ("h100sxm" = "H100 SXM"). */
static gboolean
same_name (const char *a,
           const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      while (*a == ' ' || *a == '-')
        a++;
      while (*b == ' ' || *b == '-')
        b++;
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return FALSE;
      if (*a == '\0')
        return TRUE;
      a++;
      b++;
    }
  return TRUE;
}

JsonObject *
clr_classify_help_find_model (ClrClassifyHelp *self,
                              const char      *text)
{
  g_return_val_if_fail (CLR_IS_CLASSIFY_HELP (self), NULL);

  if (text == NULL || *text == '\0')
    return NULL;
  for (guint i = 0; i < json_array_get_length (self->models); i++)
    {
      JsonObject *m = clr_json_array_get_object (self->models, i);
      const char *model = clr_json_get_string (m, "model");
      const char *vendor = clr_json_get_string (m, "vendor");
      JsonArray *aliases = clr_json_get_array (m, "aliases");
      g_autofree char *full = g_strconcat (vendor, " ", model, NULL);

      if (same_name (text, model) || same_name (text, full))
        return m;
      for (guint k = 0; aliases != NULL && k < json_array_get_length (aliases); k++)
        {
          const char *alias = clr_json_array_get_string (aliases, k);
          g_autofree char *full_alias = alias != NULL ? g_strconcat (vendor, " ", alias, NULL) : NULL;

          if (alias != NULL && (same_name (text, alias) || same_name (text, full_alias)))
            return m;
        }
    }
  return NULL;
}

static ClrDerivation *
find_derivation (ClrRulePack *pack,
                 const char  *id,
                 const char  *date)
{
  GPtrArray *derivations = _clr_rule_pack_get_derivations (pack);

  for (guint i = 0; i < derivations->len; i++)
    {
      ClrDerivation *d = g_ptr_array_index (derivations, i);

      if (g_strcmp0 (d->id, id) == 0 && clr_date_in_range (date, d->from, d->until))
        return d;
    }
  return NULL;
}

const char *
clr_classify_help_get_paragraph_label (ClrClassifyHelp *self,
                                       ClrRulePack     *pack,
                                       const char      *paragraph,
                                       const char      *date)
{
  ClrDerivation *d;

  g_return_val_if_fail (CLR_IS_CLASSIFY_HELP (self), NULL);
  g_return_val_if_fail (CLR_IS_RULE_PACK (pack), NULL);

  d = find_derivation (pack, self->derivation, date);
  for (guint o = 0; d != NULL && o < d->outcomes->len; o++)
    {
      ClrDerivationOutcome *oc = g_ptr_array_index (d->outcomes, o);
      JsonObject *shown = clr_json_get_object (self->outcomes, oc->id);

      if (shown != NULL && g_strcmp0 (clr_json_get_string (shown, "paragraph"), paragraph) == 0)
        return oc->label;
    }
  return NULL;
}

static char *
join_array (JsonArray  *array,
            const char *separator)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (clr_json_array_get_string (array, i) != NULL)
      g_ptr_array_add (parts, (gpointer) clr_json_array_get_string (array, i));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (separator, (char **) parts->pdata);
}

ClrClassificationKind
clr_classify_help_classify (ClrClassifyHelp *self,
                            ClrRulePack     *pack,
                            JsonObject      *item,
                            const char      *date,
                            char           **text,
                            char           **paragraph)
{
  ClrDerivation *d;
  ClrExprEnv env = { 0 };

  g_return_val_if_fail (CLR_IS_CLASSIFY_HELP (self), CLR_CLASSIFICATION_UNDECIDED);
  g_return_val_if_fail (CLR_IS_RULE_PACK (pack), CLR_CLASSIFICATION_UNDECIDED);
  g_return_val_if_fail (item != NULL, CLR_CLASSIFICATION_UNDECIDED);

  if (text != NULL)
    *text = NULL;
  if (paragraph != NULL)
    *paragraph = NULL;
  d = find_derivation (pack, self->derivation, date);
  if (d == NULL)
    return CLR_CLASSIFICATION_UNDECIDED;
  env.pack = pack;
  env.date = date;
  env.item = item;
  env.item_index = 0;
  env.party_index = -1;
  for (guint o = 0; o < d->outcomes->len; o++)
    {
      ClrDerivationOutcome *oc = g_ptr_array_index (d->outcomes, o);
      JsonObject *shown = clr_json_get_object (self->outcomes, oc->id);
      const char *met;

      if (shown == NULL || clr_expr_eval (oc->condition, &env, NULL, NULL) != CLR_TRI_TRUE)
        continue;
      met = clr_json_get_string (shown, "paragraph");
      if (met == NULL)
        {
          if (text != NULL)
            {
              g_autofree char *may = join_array (clr_json_get_array (shown, "may_apply"), " / ");

              /* Translators: the item's parameters meet no 3A090 paragraph; %s lists other entries, "3A991 / 4A994 / 5A992" */
              *text = g_strdup_printf (_("meets neither — %s may apply"), may);
            }
          return CLR_CLASSIFICATION_NEITHER;
        }
      if (text != NULL)
        *text = json_object_get_boolean_member_with_default (shown, "datacenter", FALSE)
                /* Translators: the item's parameters meet a paragraph for data-center items, e.g. "meets 3A090.b (data-center)" */
                ? g_strdup_printf (_("meets %s (data-center)"), met)
                /* Translators: the item's parameters meet an ECCN paragraph, e.g. "meets 3A090.a" */
                : g_strdup_printf (_("meets %s"), met);
      if (paragraph != NULL)
        *paragraph = g_strdup (met);
      return CLR_CLASSIFICATION_MEETS;
    }
  return CLR_CLASSIFICATION_UNDECIDED;
}
