/* clr-shipment-catalog.c — what the shipment form offers, from the rule pack
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "clr-json.h"
#include "clr-classify.h"
#include "clr-eccn.h"
#include "clr-pick-item.h"
#include "clr-shipment-catalog.h"

struct _ClrShipmentCatalog
{
  GObject      parent_instance;

  ClrRulePack *pack;
  char        *date;
  GListStore  *countries;     /* ClrPickItem, id = ISO-2 */
  GListStore  *eccns;         /* ClrPickItem, id = ECCN */
  GHashTable  *by_name;       /* case-folded localized name → ISO-2 */
  GHashTable  *country_info;  /* ISO-2 → char *: "Name · groups" */
  GHashTable  *eccn_info;     /* ECCN → char *: "title · reasons" */
  GHashTable  *local_names;   /* ISO-2 → char *: ICU's name in the user's language, or "" */
  ClrClassifyHelp *help;     /* classification help, or NULL */
  JsonNode    *end_uses;
  JsonNode    *red_flags;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ClrShipmentCatalog, clr_shipment_catalog, G_TYPE_OBJECT)

static void
clr_shipment_catalog_finalize (GObject *object)
{
  ClrShipmentCatalog *self = CLR_SHIPMENT_CATALOG (object);

  g_clear_object (&self->pack);
  g_clear_object (&self->help);
  g_clear_pointer (&self->date, g_free);
  g_clear_object (&self->countries);
  g_clear_object (&self->eccns);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->country_info, g_hash_table_unref);
  g_clear_pointer (&self->eccn_info, g_hash_table_unref);
  g_clear_pointer (&self->local_names, g_hash_table_unref);
  g_clear_pointer (&self->end_uses, json_node_unref);
  g_clear_pointer (&self->red_flags, json_node_unref);

  G_OBJECT_CLASS (clr_shipment_catalog_parent_class)->finalize (object);
}

static void
clr_shipment_catalog_class_init (ClrShipmentCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_shipment_catalog_finalize;

  /**
   * ClrShipmentCatalog::changed:
   *
   * The countries were rebuilt (their groups as of a new date).
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
clr_shipment_catalog_init (ClrShipmentCatalog *self)
{
  self->countries = g_list_store_new (CLR_TYPE_PICK_ITEM);
  self->eccns = g_list_store_new (CLR_TYPE_PICK_ITEM);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->country_info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->eccn_info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->local_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* The country's name in the user's language (ICU), or NULL. */
static char *
localized_country_name (const char *code)
{
  g_autofree char *locale_id = g_strdup_printf ("und_%s", code);
  UChar buffer[128];
  char utf8[512];
  UErrorCode status = U_ZERO_ERROR;
  int32_t length;

  length = uloc_getDisplayCountry (locale_id, NULL, buffer, G_N_ELEMENTS (buffer), &status);
  if (U_FAILURE (status) || length <= 0 || length >= (int32_t) G_N_ELEMENTS (buffer))
    return NULL;
  u_strToUTF8 (utf8, sizeof utf8, NULL, buffer, length, &status);
  if (U_FAILURE (status))
    return NULL;
  /* ICU answers with the code itself when it has no name. */
  if (g_str_equal (utf8, code))
    return NULL;
  return g_strdup (utf8);
}

static char *
join_strings (JsonArray  *array,
              const char *separator)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        g_strv_builder_add (builder, json_node_get_string (node));
    }
  strv = g_strv_builder_end (builder);
  return g_strjoinv (separator, strv);
}

/* Countries by name as the user's language sorts them (the pack lists them by code). */
static int
compare_countries (gconstpointer a,
                   gconstpointer b)
{
  ClrPickItem *left = *(ClrPickItem **) a;
  ClrPickItem *right = *(ClrPickItem **) b;

  return strcmp (g_object_get_data (G_OBJECT (left), "clr-sort-key"),
                 g_object_get_data (G_OBJECT (right), "clr-sort-key"));
}

static void
rebuild_countries (ClrShipmentCatalog *self)
{
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  g_hash_table_remove_all (self->by_name);
  g_hash_table_remove_all (self->country_info);
  if (self->pack == NULL)
    {
      g_list_store_remove_all (self->countries);
      return;
    }

  list = clr_rule_pack_list_countries (self->pack, self->date);
  array = JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *country = json_array_get_object_element (array, i);
      const char *code = clr_json_get_string (country, "code");
      const char *name = clr_json_get_string (country, "name");
      g_autofree char *local = NULL;
      g_autofree char *groups = NULL;
      g_autofree char *aliases = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *keywords = NULL;
      const char *shown;

      if (code == NULL)
        continue;
      /* Names do not change with the date: ask ICU once per country. */
      {
        const char *cached = g_hash_table_lookup (self->local_names, code);

        if (cached == NULL)
          {
            local = localized_country_name (code);
            g_hash_table_replace (self->local_names, g_strdup (code), g_strdup (local ? local : ""));
          }
        else if (*cached != '\0')
          local = g_strdup (cached);
      }
      shown = local != NULL ? local : (name != NULL ? name : code);
      groups = join_strings (clr_json_get_array (country, "groups"), " ");
      aliases = join_strings (clr_json_get_array (country, "aliases"), " ");
      if (groups != NULL && *groups != '\0')
        /* Translators: a country's ISO code and its EAR country groups, e.g. "CN · D:1 D:3 D:4 D:5" */
        subtitle = g_strdup_printf (_("%s · %s"), code, groups);
      else
        subtitle = g_strdup (code);
      keywords = g_strjoin (" ", name ? name : "", aliases, NULL);
      g_ptr_array_add (items, clr_pick_item_new (code, shown, subtitle, keywords));
      g_object_set_data_full (g_ptr_array_index (items, items->len - 1), "clr-sort-key",
                              g_utf8_collate_key (shown, -1), g_free);

      if (local != NULL)
        g_hash_table_replace (self->by_name, g_utf8_casefold (local, -1), g_strdup (code));
      if (groups != NULL && *groups != '\0')
        g_hash_table_replace (self->country_info, g_strdup (code),
                              g_strdup_printf (_("%s · %s"), shown, groups));
      else
        g_hash_table_replace (self->country_info, g_strdup (code), g_strdup (shown));
    }
  g_ptr_array_sort (items, compare_countries);
  g_list_store_splice (self->countries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->countries)),
                       items->pdata, items->len);
}

/* The paragraphs of @eccn the classification help offers ("3A090.a"), found
 * by their product words ("GPU", "HBM"). */
static void
add_help_paragraphs (ClrShipmentCatalog *self,
                     GPtrArray          *items,
                     const char         *eccn,
                     const char         *title)
{
  const char * const *paragraphs;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char *date = self->date != NULL ? self->date : today;

  if (self->help == NULL)
    return;
  paragraphs = clr_classify_help_get_paragraphs (self->help);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *subtitle = NULL;
      const char *level;

      if (clr_eccn_match (paragraphs[i], eccn) != CLR_TRI_TRUE || g_strcmp0 (paragraphs[i], eccn) == 0 ||
          !clr_rule_pack_has_eccn (self->pack, paragraphs[i]))
        continue;
      /* What tells the paragraphs apart: the level the pack's derivation
       * gives it ("3A090.a level: TPP ≥ 4800, …"), else the entry's heading. */
      level = clr_classify_help_get_paragraph_label (self->help, self->pack, paragraphs[i], date);
      if (level != NULL)
        subtitle = g_strdup (level);
      else
        /* Translators: a paragraph in the ECCN picker: the entry's heading and the words that find it, e.g. "Advanced computing ICs · GPU accelerator" */
        subtitle = g_strdup_printf (_("%s · %s"), title ? title : "",
                                    clr_classify_help_get_words (self->help, paragraphs[i]) ?: "");
      g_ptr_array_add (items, clr_pick_item_new (paragraphs[i], paragraphs[i], subtitle,
                                                 clr_classify_help_get_words (self->help, paragraphs[i])));
    }
}

/* Well-known models: picking one fills the item's model (and its published
 * parameters); the id is "model:" and the model's name. */
static void
add_help_models (ClrShipmentCatalog *self,
                 GPtrArray          *items)
{
  JsonArray *models;

  if (self->help == NULL)
    return;
  models = clr_classify_help_get_models (self->help);
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonObject *m = json_array_get_object_element (models, i);
      const char *model = clr_json_get_string (m, "model");
      const char *vendor = clr_json_get_string (m, "vendor");
      const char *eccn = clr_json_get_string (m, "eccn");
      JsonArray *aliases = clr_json_get_array (m, "aliases");
      g_autofree char *id = g_strconcat ("model:", model, NULL);
      g_autofree char *title = g_strdup_printf ("%s %s", vendor, model);
      g_autofree char *keywords = join_strings (aliases, " ");
      g_autofree char *subtitle = NULL;

      if (json_object_get_member (m, "tpp") != NULL && !JSON_NODE_HOLDS_NULL (json_object_get_member (m, "tpp")))
        /* Translators: a well-known model in the ECCN picker, with its TPP, e.g. "Model · TPP 2368" */
        subtitle = g_strdup_printf (_("Model · TPP %g"), json_object_get_double_member (m, "tpp"));
      else if (eccn != NULL)
        /* Translators: a well-known model in the ECCN picker, with the ECCN it is known under */
        subtitle = g_strdup_printf (_("Model · %s"), eccn);
      else
        subtitle = g_strdup (_("Model · parameters not published"));
      g_ptr_array_add (items, clr_pick_item_new (id, title, subtitle, keywords));
    }
}

static void
build_eccns (ClrShipmentCatalog *self)
{
  g_autoptr(JsonNode) list = clr_rule_pack_list_eccns (self->pack);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;

  /* EAR99 is no CCL entry but the most common classification. */
  g_ptr_array_add (items, clr_pick_item_new ("EAR99", _("EAR99"),
                                             _("Subject to the EAR, not on the Commerce Control List"),
                                             NULL));
  g_hash_table_replace (self->eccn_info, g_strdup ("EAR99"),
                        g_strdup (_("Subject to the EAR, not on the Commerce Control List")));
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);
      const char *eccn = clr_json_get_string (entry, "eccn");
      const char *title = clr_json_get_string (entry, "title");
      g_autofree char *reasons = join_strings (clr_json_get_array (entry, "reasons"), " ");
      g_autofree char *paragraphs = join_strings (clr_json_get_array (entry, "paragraphs"), " ");
      g_autofree char *subtitle = NULL;

      if (eccn == NULL)
        continue;
      /* Translators: an ECCN's heading and its reasons for control, e.g. "Advanced computing ICs · RS AT" */
      subtitle = g_strdup_printf (_("%s · %s"), title ? title : "", reasons);
      g_ptr_array_add (items, clr_pick_item_new (eccn, eccn, subtitle, paragraphs));
      add_help_paragraphs (self, items, eccn, title);
      g_hash_table_replace (self->eccn_info, g_strdup (eccn), g_steal_pointer (&subtitle));
    }
  add_help_models (self, items);
  g_list_store_splice (self->eccns, 0, 0, items->pdata, items->len);
}

ClrShipmentCatalog *
clr_shipment_catalog_new (ClrRulePack *pack)
{
  ClrShipmentCatalog *self = g_object_new (CLR_TYPE_SHIPMENT_CATALOG, NULL);

  g_return_val_if_fail (pack == NULL || CLR_IS_RULE_PACK (pack), NULL);

  if (pack != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->pack = g_object_ref (pack);
      self->help = clr_classify_help_new_bundled (&error);
      if (self->help == NULL)
        g_warning ("%s", error->message);
      build_eccns (self);
      rebuild_countries (self);
      self->end_uses = clr_rule_pack_list_end_use_categories (pack);
      self->red_flags = clr_rule_pack_list_red_flags (pack);
    }
  if (self->end_uses == NULL || !JSON_NODE_HOLDS_ARRAY (self->end_uses))
    {
      g_clear_pointer (&self->end_uses, json_node_unref);
      self->end_uses = json_node_init_array (json_node_alloc (), json_array_new ());
    }
  if (self->red_flags == NULL || !JSON_NODE_HOLDS_ARRAY (self->red_flags))
    {
      g_clear_pointer (&self->red_flags, json_node_unref);
      self->red_flags = json_node_init_array (json_node_alloc (), json_array_new ());
    }
  return self;
}

ClrRulePack *
clr_shipment_catalog_get_pack (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return self->pack;
}

void
clr_shipment_catalog_set_date (ClrShipmentCatalog *self,
                               const char         *date)
{
  g_return_if_fail (CLR_IS_SHIPMENT_CATALOG (self));

  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  rebuild_countries (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
clr_shipment_catalog_get_date (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return self->date;
}

GListModel *
clr_shipment_catalog_get_countries (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return G_LIST_MODEL (self->countries);
}

GListModel *
clr_shipment_catalog_get_eccns (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return G_LIST_MODEL (self->eccns);
}

const char *
clr_shipment_catalog_resolve_country (ClrShipmentCatalog *self,
                                      const char         *text)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *folded = NULL;
  const char *code;

  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);

  if (self->pack == NULL || text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;
  code = clr_rule_pack_lookup_country (self->pack, trimmed);
  if (code != NULL)
    return code;
  folded = g_utf8_casefold (trimmed, -1);
  code = g_hash_table_lookup (self->by_name, folded);
  /* Return the pack's own string, which lives as long as the pack. */
  return code != NULL ? clr_rule_pack_lookup_country (self->pack, code) : NULL;
}

char *
clr_shipment_catalog_describe_country (ClrShipmentCatalog *self,
                                       const char         *code)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);

  if (code == NULL)
    return NULL;
  return g_strdup (g_hash_table_lookup (self->country_info, code));
}

char *
clr_shipment_catalog_resolve_eccn (ClrShipmentCatalog *self,
                                   const char         *text)
{
  g_autofree char *eccn = NULL;
  char *dot;

  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);

  if (self->pack == NULL || text == NULL)
    return NULL;
  eccn = g_strstrip (g_strdup (text));
  if (*eccn == '\0')
    return NULL;
  /* The entry is upper case ("3A090", "EAR99"); its paragraphs lower case (".a.1"). */
  dot = strchr (eccn, '.');
  for (char *p = eccn; *p != '\0'; p++)
    *p = (dot != NULL && p >= dot) ? g_ascii_tolower (*p) : g_ascii_toupper (*p);
  if (!clr_rule_pack_has_eccn (self->pack, eccn))
    return NULL;
  return g_steal_pointer (&eccn);
}

char *
clr_shipment_catalog_describe_eccn (ClrShipmentCatalog *self,
                                    const char         *eccn)
{
  g_autofree char *entry = NULL;
  char *dot;

  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);

  if (eccn == NULL)
    return NULL;
  entry = g_strdup (eccn);
  if ((dot = strchr (entry, '.')) != NULL)
    *dot = '\0';
  return g_strdup (g_hash_table_lookup (self->eccn_info, entry));
}

static gboolean
is_classification_fact (const char *fact)
{
  static const char * const facts[] = { "tpp", "performance_density", "memory_bandwidth_gbps", "datacenter", NULL };

  return g_strv_contains (facts, fact);
}

gboolean
clr_shipment_catalog_eccn_has_parameter (ClrShipmentCatalog *self,
                                         const char         *fact,
                                         const char         *eccn)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), FALSE);
  g_return_val_if_fail (fact != NULL, FALSE);

  if (self->pack == NULL || eccn == NULL)
    return FALSE;
  if (clr_rule_pack_item_has_parameter (self->pack, fact, eccn))
    return TRUE;
  /* The classification's facts stay for every paragraph the help offers
   * (3A991.p after "meets neither"), when the pack asks for them at all. */
  if (self->help != NULL && is_classification_fact (fact))
    {
      const char * const *paragraphs = clr_classify_help_get_paragraphs (self->help);
      gboolean asked = FALSE, offered = FALSE;

      for (guint i = 0; paragraphs[i] != NULL; i++)
        {
          asked = asked || clr_rule_pack_item_has_parameter (self->pack, fact, paragraphs[i]);
          offered = offered || clr_eccn_match (eccn, paragraphs[i]) == CLR_TRI_TRUE;
        }
      return asked && offered;
    }
  return FALSE;
}

ClrClassifyHelp *
clr_shipment_catalog_get_classify_help (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return self->help;
}

JsonArray *
clr_shipment_catalog_get_end_uses (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return json_node_get_array (self->end_uses);
}

JsonArray *
clr_shipment_catalog_get_red_flags (ClrShipmentCatalog *self)
{
  g_return_val_if_fail (CLR_IS_SHIPMENT_CATALOG (self), NULL);
  return json_node_get_array (self->red_flags);
}
