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

/* What a field of a shipment object must be. */
typedef enum
{
  FIELD_OTHER,            /* known; checked on its own */
  FIELD_TEXT,             /* a string, or absent */
  FIELD_REQUIRED,         /* a non-empty string */
  FIELD_DATE,             /* a required YYYY-MM-DD date */
  FIELD_COUNTRY,          /* a country of the rule pack, or absent */
  FIELD_REQUIRED_COUNTRY,
  FIELD_AMOUNT,           /* a number ≥ 0, or absent */
  FIELD_PERCENT,          /* a number from 0 to 100, or absent */
  FIELD_BOOLEAN,          /* true or false, or absent */
  FIELD_ECCN,             /* a required ECCN of the pack's Commerce Control List */
  FIELD_ROLE,             /* a required party role */
  FIELD_PARENT,           /* an ultimate parent object, or absent */
} FieldKind;

typedef struct
{
  const char *name;
  FieldKind   kind;
} Field;

/* In the order they are checked; a name may stand twice (checked twice). */
static const Field item_fields[] = {
  { "eccn", FIELD_ECCN },
  { "quantity", FIELD_AMOUNT },
  { "unit_value", FIELD_AMOUNT },
  { "tpp", FIELD_AMOUNT },
  { "performance_density", FIELD_AMOUNT },
  { "memory_bandwidth_gbps", FIELD_AMOUNT },
  { "description", FIELD_TEXT },
  { "currency", FIELD_TEXT },
  { "manufacturer", FIELD_TEXT },
  { "model", FIELD_TEXT },
  { "notes", FIELD_TEXT },
  { "manufacturer_headquarters", FIELD_COUNTRY },
  { "datacenter", FIELD_BOOLEAN },
  { "food_or_medicine", FIELD_BOOLEAN },
  { "enc_classification_done", FIELD_BOOLEAN },
  { NULL, FIELD_OTHER }
};

static const Field party_fields[] = {
  { "role", FIELD_REQUIRED },
  { "name", FIELD_REQUIRED },
  { "address", FIELD_TEXT },
  { "notes", FIELD_TEXT },
  { "role", FIELD_ROLE },
  { "country", FIELD_COUNTRY },
  { "headquarters_country", FIELD_COUNTRY },
  { "ultimate_parent", FIELD_PARENT },
  { NULL, FIELD_OTHER }
};

static const Field parent_fields[] = {
  { "name", FIELD_REQUIRED },
  { "headquarters_country", FIELD_COUNTRY },
  { "country", FIELD_COUNTRY },
  { "ownership_percent", FIELD_PERCENT },
  { NULL, FIELD_OTHER }
};

static const Field shipment_fields[] = {
  { "schema_version", FIELD_OTHER },
  { "reference", FIELD_TEXT },
  { "notes", FIELD_TEXT },
  { "date", FIELD_DATE },
  { "destination", FIELD_REQUIRED_COUNTRY },
  { "exported_from", FIELD_COUNTRY },
  { "items", FIELD_OTHER },
  { "parties", FIELD_OTHER },
  { "end_use", FIELD_OTHER },
  { "red_flags", FIELD_OTHER },
  { NULL, FIELD_OTHER }
};

static const Field end_use_fields[] = {
  { "description", FIELD_TEXT },
  { "categories", FIELD_OTHER },
  { "answers", FIELD_OTHER },
  { NULL, FIELD_OTHER }
};

static gboolean
is_known_field (const Field *fields,
                const char  *name)
{
  for (const Field *f = fields; f->name != NULL; f++)
    if (strcmp (f->name, name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_known_fields (JsonObject   *object,
                    const Field  *fields,
                    const char   *where,
                    GError      **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!is_known_field (fields, l->data))
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

static gboolean validate_fields (ClrRulePack  *pack,
                                 JsonObject   *object,
                                 const Field  *fields,
                                 const char   *where,
                                 GError      **error);

static gboolean
check_boolean (JsonObject  *object,
               const char  *name,
               const char  *where,
               GError     **error)
{
  JsonNode *b = json_object_get_member (object, name);

  if (b != NULL && !JSON_NODE_HOLDS_NULL (b) &&
      (!JSON_NODE_HOLDS_VALUE (b) || json_node_get_value_type (b) != G_TYPE_BOOLEAN))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%s%s: must be true or false"), where, name);
  return TRUE;
}

static gboolean
check_parent (ClrRulePack  *pack,
              JsonObject   *party,
              const char   *where,
              GError      **error)
{
  JsonNode *parent = json_object_get_member (party, "ultimate_parent");
  g_autofree char *pwhere = NULL;

  if (parent == NULL || JSON_NODE_HOLDS_NULL (parent))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (parent))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("%sultimate_parent: must be an object"), where);
  pwhere = g_strconcat (where, "ultimate_parent.", NULL);
  return validate_fields (pack, json_node_get_object (parent), parent_fields, pwhere, error);
}

/* The known fields of @object, each checked as @fields says. */
static gboolean
validate_fields (ClrRulePack  *pack,
                 JsonObject   *object,
                 const Field  *fields,
                 const char   *where,
                 GError      **error)
{
  if (!check_known_fields (object, fields, where, error))
    return FALSE;

  for (const Field *f = fields; f->name != NULL; f++)
    {
      const char *s = NULL;
      gboolean ok = TRUE;

      switch (f->kind)
        {
        case FIELD_OTHER:
          break;
        case FIELD_TEXT:
        case FIELD_REQUIRED:
          ok = check_string (object, f->name, where, f->kind == FIELD_REQUIRED, &s, error);
          break;
        case FIELD_COUNTRY:
        case FIELD_REQUIRED_COUNTRY:
          ok = check_country (pack, object, f->name, where, f->kind == FIELD_REQUIRED_COUNTRY, error);
          break;
        case FIELD_AMOUNT:
        case FIELD_PERCENT:
          ok = check_number (object, f->name, where, 0, f->kind == FIELD_PERCENT ? 100 : G_MAXDOUBLE, error);
          break;
        case FIELD_BOOLEAN:
          ok = check_boolean (object, f->name, where, error);
          break;
        case FIELD_PARENT:
          ok = check_parent (pack, object, where, error);
          break;
        case FIELD_DATE:
        case FIELD_ECCN:
        case FIELD_ROLE:
          ok = check_string (object, f->name, where, TRUE, &s, error);
          break;
        }
      if (!ok)
        return FALSE;

      /* The shipment's "date" is its one date field. */
      if (f->kind == FIELD_DATE && !clr_date_is_valid (s))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_BAD_DATE, _("date: “%s” is not a valid date (expected YYYY-MM-DD)"), s);
      if (f->kind == FIELD_ECCN && !clr_rule_pack_has_eccn (pack, s))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_UNKNOWN_ECCN,
                                _("%seccn: unknown ECCN “%s” (not on the Commerce Control List of rule pack %s %s; use EAR99 for items on no ECCN)"),
                                where, s, clr_rule_pack_get_id (pack), clr_rule_pack_get_version (pack));
      if (f->kind == FIELD_ROLE && !g_strv_contains (clr_shipment_party_roles, s))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT,
                                _("%srole: unknown role “%s” (end_user, ultimate_consignee, intermediate_consignee, purchaser, forwarder)"),
                                where, s);
    }
  return TRUE;
}

/* Each object of the array @member of @root, of which there must be one. */
static gboolean
validate_each (ClrRulePack    *pack,
               JsonObject     *root,
               const char     *member,
               const char     *required,
               const Field    *fields,
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
      if (!validate_fields (pack, json_node_get_object (element), fields, where, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
clr_shipment_validate (ClrRulePack  *pack,
                       JsonNode     *shipment,
                       GError      **error)
{
  JsonObject *root;
  JsonNode *node;

  if (shipment == NULL || !JSON_NODE_HOLDS_OBJECT (shipment))
    return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("a shipment must be a JSON object"));
  root = json_node_get_object (shipment);
  if (!clr_shipment_check_document (shipment, NULL, NULL, error))
    return FALSE;
  if (!validate_fields (pack, root, shipment_fields, "", error))
    return FALSE;

  if (!validate_each (pack, root, "items", _("items: at least one item (with its eccn) is required"),
                      item_fields, error) ||
      !validate_each (pack, root, "parties", _("parties: at least one party is required"),
                      party_fields, error))
    return FALSE;

  node = json_object_get_member (root, "end_use");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonObject *eu;
      JsonNode *cats;
      JsonNode *answers;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return clr_engine_fail (error, CLR_ENGINE_ERROR_INVALID_INPUT, _("end_use: must be an object"));
      eu = json_node_get_object (node);
      if (!validate_fields (pack, eu, end_use_fields, "end_use.", error))
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
