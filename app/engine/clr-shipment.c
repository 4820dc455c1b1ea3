/* clr-shipment.c — the shipment document: parse and validate
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
#include "clr-shipment.h"

const char * const clr_shipment_party_roles[] = {
  "end_user", "ultimate_consignee", "intermediate_consignee", "purchaser", "forwarder", NULL
};

JsonNode *
clr_shipment_load_file (const char  *path,
                        GError     **error)
{
  g_autoptr(ClrJsonLines) lines = NULL;
  g_autoptr(JsonNode) root = clr_json_read_file (path, CLR_JSON_READ_NONE, &lines, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: a shipment must be a JSON object"), path);
      return NULL;
    }
  if (!clr_shipment_check_document (root, path, lines, error))
    return NULL;
  return g_steal_pointer (&root);
}

static gboolean
check_known_fields (JsonObject         *object,
                    const char * const *known,
                    const char         *where,
                    GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return clr_engine_fail (error, CLR_ENGINE_ERROR_UNSUPPORTED,
                              _("%s%s: unknown field (this version of Clearance does not know it; "
                                "was the shipment written by a newer version?)"),
                              where, (const char *) l->data);
  return TRUE;
}

static gboolean
check_string (JsonObject  *object,
              const char  *name,
              const char  *where,
              gboolean     required,
              const char **out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: required"), where, name);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: must be a string"), where, name);
  *out = json_node_get_string (node);
  if (required && **out == '\0')
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: required"), where, name);
  return TRUE;
}

static gboolean
check_country (ClrRulePack *pack,
               JsonObject  *object,
               const char  *name,
               const char  *where,
               gboolean     required,
               GError     **error)
{
  const char *value;

  if (!check_string (object, name, where, required, &value, error))
    return FALSE;
  if (value != NULL && *value != '\0' && clr_rule_pack_lookup_country (pack, value) == NULL)
    return clr_engine_fail (error, CLR_ENGINE_ERROR_UNKNOWN_COUNTRY,
                            _("%s%s: unknown country “%s” (use an ISO 3166-1 alpha-2 code such as CN)"),
                            where, name, value);
  return TRUE;
}

static gboolean
check_number (JsonObject *object,
              const char *name,
              const char *where,
              double      min,
              double      max,
              GError    **error)
{
  JsonNode *node = json_object_get_member (object, name);
  double v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 && json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: must be a number"), where, name);
  v = json_node_get_double (node);
  if (v < min || v > max)
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: %g is out of range (%g to %g)"),
                            where, name, v, min, max);
  return TRUE;
}

static gboolean
validate_item (ClrRulePack *pack,
               JsonObject  *item,
               const char  *where,
               GError     **error)
{
  static const char * const known[] = {
    "description", "eccn", "quantity", "unit_value", "currency", "manufacturer", "model", "tpp",
    "performance_density", "memory_bandwidth_gbps", "datacenter", "notes", "manufacturer_headquarters",
    "food_or_medicine", "enc_classification_done", NULL
  };
  static const char * const booleans[] = { "datacenter", "food_or_medicine", "enc_classification_done", NULL };
  const char *eccn;
  const char *s;

  if (!check_known_fields (item, known, where, error) ||
      !check_string (item, "eccn", where, TRUE, &eccn, error))
    return FALSE;
  if (!clr_rule_pack_has_eccn (pack, eccn))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_UNKNOWN_ECCN,
                            _("%seccn: unknown ECCN “%s” (not on the Commerce Control List of rule pack %s %s; use EAR99 for items on no ECCN)"),
                            where, eccn, clr_rule_pack_get_id (pack), clr_rule_pack_get_version (pack));
  if (!check_number (item, "quantity", where, 0, G_MAXDOUBLE, error) ||
      !check_number (item, "unit_value", where, 0, G_MAXDOUBLE, error) ||
      !check_number (item, "tpp", where, 0, G_MAXDOUBLE, error) ||
      !check_number (item, "performance_density", where, 0, G_MAXDOUBLE, error) ||
      !check_number (item, "memory_bandwidth_gbps", where, 0, G_MAXDOUBLE, error))
    return FALSE;
  if (!check_string (item, "description", where, FALSE, &s, error) ||
      !check_string (item, "currency", where, FALSE, &s, error) ||
      !check_string (item, "manufacturer", where, FALSE, &s, error) ||
      !check_string (item, "model", where, FALSE, &s, error) ||
      !check_string (item, "notes", where, FALSE, &s, error) ||
      !check_country (pack, item, "manufacturer_headquarters", where, FALSE, error))
    return FALSE;
  for (guint i = 0; booleans[i] != NULL; i++)
    {
      JsonNode *b = json_object_get_member (item, booleans[i]);

      if (b != NULL && !JSON_NODE_HOLDS_NULL (b) &&
          (!JSON_NODE_HOLDS_VALUE (b) || json_node_get_value_type (b) != G_TYPE_BOOLEAN))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: must be true or false"), where, booleans[i]);
    }
  return TRUE;
}

static gboolean
validate_party (ClrRulePack *pack,
                JsonObject  *party,
                const char  *where,
                GError     **error)
{
  static const char * const known[] = {
    "role", "name", "address", "country", "headquarters_country", "ultimate_parent", "notes", NULL
  };
  static const char * const parent_known[] = { "name", "headquarters_country", "ownership_percent", "country", NULL };
  const char *role, *s;
  JsonNode *parent;

  if (!check_known_fields (party, known, where, error) ||
      !check_string (party, "role", where, TRUE, &role, error) ||
      !check_string (party, "name", where, TRUE, &s, error) ||
      !check_string (party, "address", where, FALSE, &s, error) ||
      !check_string (party, "notes", where, FALSE, &s, error))
    return FALSE;
  if (!g_strv_contains (clr_shipment_party_roles, role))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                            _("%srole: unknown role “%s” (end_user, ultimate_consignee, intermediate_consignee, purchaser, forwarder)"),
                            where, role);
  if (!check_country (pack, party, "country", where, FALSE, error) ||
      !check_country (pack, party, "headquarters_country", where, FALSE, error))
    return FALSE;
  parent = json_object_get_member (party, "ultimate_parent");
  if (parent != NULL && !JSON_NODE_HOLDS_NULL (parent))
    {
      g_autofree char *pwhere = g_strconcat (where, "ultimate_parent.", NULL);
      JsonObject *p;

      if (!JSON_NODE_HOLDS_OBJECT (parent))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%sultimate_parent: must be an object"), where);
      p = json_node_get_object (parent);
      if (!check_known_fields (p, parent_known, pwhere, error) ||
          !check_string (p, "name", pwhere, TRUE, &s, error) ||
          !check_country (pack, p, "headquarters_country", pwhere, FALSE, error) ||
          !check_country (pack, p, "country", pwhere, FALSE, error) ||
          !check_number (p, "ownership_percent", pwhere, 0, 100, error))
        return FALSE;
    }
  return TRUE;
}

typedef gboolean (*ValidateObject) (ClrRulePack *pack,
                                    JsonObject  *object,
                                    const char  *where,
                                    GError     **error);

/* Each object of the array @member of @root, of which there must be one. */
static gboolean
validate_each (ClrRulePack    *pack,
               JsonObject     *root,
               const char     *member,
               const char     *required,
               ValidateObject  validate,
               GError        **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, "%s", required);
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u].", member, i);
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s[%u]: must be an object"), member, i);
      if (!validate (pack, json_node_get_object (element), where, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
clr_shipment_validate (ClrRulePack  *pack,
                       JsonNode     *shipment,
                       GError      **error)
{
  static const char * const known[] = {
    "schema_version", "reference", "date", "destination", "exported_from", "items", "parties", "end_use",
    "red_flags", "notes", NULL
  };
  JsonObject *root;
  const char *s;
  JsonNode *node;

  if (shipment == NULL || !JSON_NODE_HOLDS_OBJECT (shipment))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("a shipment must be a JSON object"));
  root = json_node_get_object (shipment);
  if (!clr_shipment_check_document (shipment, NULL, NULL, error))
    return FALSE;
  if (!check_known_fields (root, known, "", error) ||
      !check_string (root, "reference", "", FALSE, &s, error) ||
      !check_string (root, "notes", "", FALSE, &s, error) ||
      !check_string (root, "date", "", TRUE, &s, error))
    return FALSE;
  if (!clr_date_is_valid (s))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_BAD_DATE, _("date: “%s” is not a valid date (expected YYYY-MM-DD)"), s);
  if (!check_country (pack, root, "destination", "", TRUE, error) ||
      !check_country (pack, root, "exported_from", "", FALSE, error))
    return FALSE;

  if (!validate_each (pack, root, "items", _("items: at least one item (with its eccn) is required"),
                      validate_item, error) ||
      !validate_each (pack, root, "parties", _("parties: at least one party is required"),
                      validate_party, error))
    return FALSE;

  node = json_object_get_member (root, "end_use");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      static const char * const eu_known[] = { "description", "categories", "answers", NULL };
      JsonObject *eu;
      JsonNode *cats;
      JsonNode *answers;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("end_use: must be an object"));
      eu = json_node_get_object (node);
      if (!check_known_fields (eu, eu_known, "end_use.", error) ||
          !check_string (eu, "description", "end_use.", FALSE, &s, error))
        return FALSE;
      cats = json_object_get_member (eu, "categories");
      if (cats != NULL && !JSON_NODE_HOLDS_ARRAY (cats))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("end_use.categories: must be an array"));
      for (guint i = 0; cats != NULL && i < json_array_get_length (json_node_get_array (cats)); i++)
        {
          const char *c = clr_json_array_get_string (json_node_get_array (cats), i);

          if (c == NULL || !_clr_rule_pack_has_end_use (pack, c))
            return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                                    _("end_use.categories[%u]: unknown category “%s”"), i, c ? c : "");
        }
      answers = json_object_get_member (eu, "answers");
      if (answers != NULL && !JSON_NODE_HOLDS_OBJECT (answers))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                                _("end_use.answers: must be an object (question → true, false or “unknown”)"));
      if (answers != NULL)
        {
          g_autoptr(GList) ids = json_object_get_members (json_node_get_object (answers));

          for (GList *l = ids; l != NULL; l = l->next)
            {
              JsonObject *category = _clr_rule_pack_get_end_use (pack, l->data);
              JsonNode *a = json_object_get_member (json_node_get_object (answers), l->data);
              gboolean is_bool = JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) == G_TYPE_BOOLEAN;
              gboolean is_unknown = JSON_NODE_HOLDS_VALUE (a) && json_node_get_value_type (a) == G_TYPE_STRING &&
                                    g_strcmp0 (json_node_get_string (a), "unknown") == 0;

              if (category == NULL || !json_object_has_member (category, "question"))
                return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                                        _("end_use.answers.%s: not an end-use question of the rule pack"),
                                        (const char *) l->data);
              if (!is_bool && !is_unknown && !JSON_NODE_HOLDS_NULL (a))
                return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                                        _("end_use.answers.%s: must be true, false or “unknown”"),
                                        (const char *) l->data);
            }
        }
    }

  node = json_object_get_member (root, "red_flags");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("red_flags: must be an array of red-flag ids"));
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        {
          const char *id = clr_json_array_get_string (json_node_get_array (node), i);

          if (id == NULL || _clr_rule_pack_get_red_flag (pack, id) == NULL)
            return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                                    _("red_flags[%u]: unknown red flag “%s”"), i, id ? id : "");
        }
    }
  return TRUE;
}

/* ---- checks that need no rule pack ---- */

static gboolean
document_error (GError        **error,
                ClrEngineError  code,
                const char     *file,
                ClrJsonLines   *lines,
                const char     *path,
                const char     *format,
                ...) G_GNUC_PRINTF (6, 7);

static gboolean
document_error (GError        **error,
                ClrEngineError  code,
                const char     *file,
                ClrJsonLines   *lines,
                const char     *path,
                const char     *format,
                ...)
{
  g_autofree char *message = NULL;
  gint64 line = clr_json_lines_lookup (lines, path);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (file != NULL && line > 0)
    g_set_error (error, CLR_ENGINE_ERROR, code, "%s:%" G_GINT64_FORMAT ": %s: %s", file, line, path, message);
  else if (file != NULL)
    g_set_error (error, CLR_ENGINE_ERROR, code, "%s: %s: %s", file, path, message);
  else
    g_set_error (error, CLR_ENGINE_ERROR, code, "%s: %s", path, message);
  return FALSE;
}

/* A string member, if it is one: its length and, for names, its content. */
static gboolean
check_text (JsonObject   *object,
            const char   *member,
            const char   *prefix,
            gboolean      is_name,
            const char   *file,
            ClrJsonLines *lines,
            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *path = NULL;
  const char *text;
  gsize len;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;  /* absent, or the wrong type: clr_shipment_validate() says so */
  text = json_node_get_string (node);
  len = strlen (text);
  path = g_strconcat (prefix, member, NULL);
  if (len > CLR_SHIPMENT_MAX_TEXT)
    return document_error (error, CLR_ENGINE_ERROR_INVALID_INPUT, file, lines, path,
                           _("%zu bytes, longer than the limit of %d bytes"),
                           len, CLR_SHIPMENT_MAX_TEXT);
  if (is_name)
    {
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        if (g_unichar_isalnum (g_utf8_get_char (p)))
          return TRUE;
      return document_error (error, CLR_ENGINE_ERROR_INVALID_INPUT, file, lines, path, "%s",
                             len == 0 ? _("blank: a party must be named")
                                      : _("blank or only punctuation: a party must be named with letters or digits"));
    }
  return TRUE;
}

gboolean
clr_shipment_check_document (JsonNode     *shipment,
                             const char   *file,
                             ClrJsonLines *lines,
                             GError      **error)
{
  JsonObject *root;
  JsonNode *node;

  if (shipment == NULL || !JSON_NODE_HOLDS_OBJECT (shipment))
    return TRUE;
  root = json_node_get_object (shipment);

  node = json_object_get_member (root, "schema_version");
  if (node != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return document_error (error, CLR_ENGINE_ERROR_INVALID_INPUT, file, lines, "schema_version",
                               _("must be the number 1 (written without quotes)"));
      if (json_node_get_int (node) != 1)
        return document_error (error, CLR_ENGINE_ERROR_UNSUPPORTED, file, lines, "schema_version",
                               _("%" PRId64 " is not supported (this version of Clearance reads 1)"),
                               json_node_get_int (node));
    }

  node = json_object_get_member (root, "items");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (node), i);
        g_autofree char *prefix = g_strdup_printf ("items[%u].", i);

        if (JSON_NODE_HOLDS_OBJECT (item) &&
            !check_text (json_node_get_object (item), "description", prefix, FALSE, file, lines, error))
          return FALSE;
      }

  node = json_object_get_member (root, "parties");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *party = json_array_get_element (json_node_get_array (node), i);
        g_autofree char *prefix = g_strdup_printf ("parties[%u].", i);
        g_autofree char *parent_prefix = g_strdup_printf ("parties[%u].ultimate_parent.", i);
        JsonNode *parent;

        if (!JSON_NODE_HOLDS_OBJECT (party))
          continue;
        if (!check_text (json_node_get_object (party), "name", prefix, TRUE, file, lines, error))
          return FALSE;
        parent = json_object_get_member (json_node_get_object (party), "ultimate_parent");
        if (parent != NULL && JSON_NODE_HOLDS_OBJECT (parent) &&
            !check_text (json_node_get_object (parent), "name", parent_prefix, TRUE, file, lines, error))
          return FALSE;
      }

  node = json_object_get_member (root, "end_use");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node) &&
      !check_text (json_node_get_object (node), "description", "end_use.", FALSE, file, lines, error))
    return FALSE;
  return TRUE;
}
