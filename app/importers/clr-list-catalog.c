/* clr-list-catalog.c — the list catalogue (data/lists/lists.json): every list
 * the importers know, the built-in sources that publish them, and which OFAC
 * programme puts an entry on which list
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "clr-engine-error.h"
#include "clr-importer-private.h"
#include "clr-list-catalog.h"
#include "clr-json-reader.h"
#include "clr-lists-resources.h"

#define CATALOG_RESOURCE "/dev/clearance/Clearance/lists/lists.json"

/* A row of csl_codes, agencies or ofac.nonsdn_programs. */
typedef struct
{
  const char *from;
  const char *to;
} Pair;

struct _ClrListCatalog
{
  GStringChunk *strings;
  GPtrArray    *sources;    /* ClrBuiltinSource* */
  GPtrArray    *lists;      /* ClrListInfo* */
  GPtrArray    *csl_codes;  /* Pair*: CSL code → our code */
  GPtrArray    *agencies;   /* Pair*: CSL agency text → agency */
  GPtrArray    *programs;   /* Pair*: OFAC non-SDN program → list code */
  const char   *sdn_list;
  const char   *nonsdn_default_list;
};

void
clr_list_catalog_free (ClrListCatalog *catalog)
{
  if (catalog == NULL)
    return;
  g_clear_pointer (&catalog->sources, g_ptr_array_unref);
  g_clear_pointer (&catalog->lists, g_ptr_array_unref);
  g_clear_pointer (&catalog->csl_codes, g_ptr_array_unref);
  g_clear_pointer (&catalog->agencies, g_ptr_array_unref);
  g_clear_pointer (&catalog->programs, g_ptr_array_unref);
  g_clear_pointer (&catalog->strings, g_string_chunk_free);
  g_free (catalog);
}

/* ClrBuiltinSource, ClrListInfo and Pair all start with their key. */
static gconstpointer
find_by_key (GPtrArray  *items,
             const char *key)
{
  for (guint i = 0; i < items->len; i++)
    if (g_strcmp0 (*(const char *const *) g_ptr_array_index (items, i), key) == 0)
      return g_ptr_array_index (items, i);
  return NULL;
}

/* ---------------------------------------------------------------------------
 * Loading: every record is read through a table of its fields
 * ------------------------------------------------------------------------ */

typedef enum
{
  FIELD_TEXT,
  FIELD_SOURCE_OR_NULL,   /* null, or the id of a source of "sources" */
  FIELD_LIST,             /* the code of a list of "lists" */
  FIELD_BOOLEAN,
  FIELD_INT,              /* ≥ 0 */
} FieldKind;

typedef struct
{
  const char *key;
  FieldKind   kind;
  gsize       offset;     /* in the record */
} Field;

typedef struct
{
  const char  *parent;    /* path of the object that holds the array */
  const char  *key;
  const Field *fields;    /* the first is the record's key */
  guint        n_fields;
  gsize        size;      /* of a record */
  gsize        into;      /* of its GPtrArray in ClrListCatalog */
} Table;

#define FIELD(type, key, kind) { #key, kind, G_STRUCT_OFFSET (type, key) }
#define TABLE(parent, key, fields, type, into) \
  { parent, key, fields, G_N_ELEMENTS (fields), sizeof (type), G_STRUCT_OFFSET (ClrListCatalog, into) }

static const Field source_fields[] = {
  FIELD (ClrBuiltinSource, id, FIELD_TEXT),
  FIELD (ClrBuiltinSource, label, FIELD_TEXT),
  FIELD (ClrBuiltinSource, url, FIELD_TEXT),
  FIELD (ClrBuiltinSource, info_url, FIELD_TEXT),
  FIELD (ClrBuiltinSource, format, FIELD_TEXT),
  FIELD (ClrBuiltinSource, position, FIELD_INT),
};
static const Field list_fields[] = {
  FIELD (ClrListInfo, code, FIELD_TEXT),
  FIELD (ClrListInfo, name, FIELD_TEXT),
  FIELD (ClrListInfo, agency, FIELD_TEXT),
  FIELD (ClrListInfo, url, FIELD_TEXT),
  FIELD (ClrListInfo, derive_aliases, FIELD_BOOLEAN),
  FIELD (ClrListInfo, source, FIELD_SOURCE_OR_NULL),
};
static const Field csl_code_fields[] = {
  { "csl", FIELD_TEXT, G_STRUCT_OFFSET (Pair, from) },
  { "code", FIELD_LIST, G_STRUCT_OFFSET (Pair, to) },
};
static const Field agency_fields[] = {
  { "text", FIELD_TEXT, G_STRUCT_OFFSET (Pair, from) },
  { "agency", FIELD_TEXT, G_STRUCT_OFFSET (Pair, to) },
};
static const Field program_fields[] = {
  { "program", FIELD_TEXT, G_STRUCT_OFFSET (Pair, from) },
  { "list", FIELD_LIST, G_STRUCT_OFFSET (Pair, to) },
};
static const Field ofac_fields[] = {
  { "sdn_list", FIELD_LIST, G_STRUCT_OFFSET (ClrListCatalog, sdn_list) },
  { "nonsdn_default_list", FIELD_LIST, G_STRUCT_OFFSET (ClrListCatalog, nonsdn_default_list) },
};

/* In load order: a reference needs what it names loaded first. */
static const Table tables[] = {
  TABLE (NULL, "sources", source_fields, ClrBuiltinSource, sources),
  TABLE (NULL, "lists", list_fields, ClrListInfo, lists),
  TABLE (NULL, "csl_codes", csl_code_fields, Pair, csl_codes),
  TABLE (NULL, "agencies", agency_fields, Pair, agencies),
  TABLE ("ofac", "nonsdn_programs", program_fields, Pair, programs),
};

typedef struct
{
  ClrListCatalog *catalog;
  const char     *name;   /* the file, for messages */
  GError        **error;
} Loader;

static gboolean
fail (Loader     *loader,
      const char *path,
      const char *key,
      const char *problem)
{
  if (key != NULL)
    g_set_error (loader->error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                 _("%s: %s: key “%s” %s"), loader->name, path, key, problem);
  else
    g_set_error (loader->error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                 _("%s: %s %s"), loader->name, path, problem);
  return FALSE;
}

/* Member @key of @object, which must hold @node_type (and, for a value,
 * @value_type), or NULL with the error set; @problem says what it must be. */
static JsonNode *
member (Loader       *loader,
        JsonObject   *object,
        const char   *path,
        const char   *key,
        JsonNodeType  node_type,
        GType         value_type,
        const char   *problem)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    fail (loader, path, key, _("is missing"));
  else if (JSON_NODE_TYPE (node) != node_type ||
           (node_type == JSON_NODE_VALUE && json_node_get_value_type (node) != value_type))
    fail (loader, path, key, problem);
  else
    return node;
  return NULL;
}

/* A required non-empty string (the copy lives as long as the catalogue). */
static gboolean
load_text (Loader      *loader,
           JsonObject  *object,
           const char  *path,
           const char  *key,
           const char **out)
{
  const char *problem = _("must be a non-empty text");
  JsonNode *node = member (loader, object, path, key, JSON_NODE_VALUE, G_TYPE_STRING, problem);

  if (node == NULL)
    return FALSE;
  if (*json_node_get_string (node) == '\0')
    return fail (loader, path, key, problem);
  *out = g_string_chunk_insert_const (loader->catalog->strings, json_node_get_string (node));
  return TRUE;
}

static gboolean
load_field (Loader      *loader,
            JsonObject  *object,
            const char  *path,
            const Field *field,
            gpointer     at)
{
  const char *int_problem = _("must be a whole number ≥ 0");
  JsonNode *node;

  switch (field->kind)
    {
    case FIELD_BOOLEAN:
      node = member (loader, object, path, field->key, JSON_NODE_VALUE, G_TYPE_BOOLEAN,
                     _("must be true or false"));
      if (node != NULL)
        *(gboolean *) at = json_node_get_boolean (node);
      return node != NULL;

    case FIELD_INT:
      node = member (loader, object, path, field->key, JSON_NODE_VALUE, G_TYPE_INT64, int_problem);
      if (node == NULL)
        return FALSE;
      if (json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXINT)
        return fail (loader, path, field->key, int_problem);
      *(int *) at = (int) json_node_get_int (node);
      return TRUE;

    case FIELD_SOURCE_OR_NULL:
      node = json_object_get_member (object, field->key);
      if (node != NULL && JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (!load_text (loader, object, path, field->key, at))
        return FALSE;
      if (find_by_key (loader->catalog->sources, *(const char **) at) == NULL)
        return fail (loader, path, field->key, _("names no source of “sources”"));
      return TRUE;

    case FIELD_LIST:
      if (!load_text (loader, object, path, field->key, at))
        return FALSE;
      if (find_by_key (loader->catalog->lists, *(const char **) at) == NULL)
        return fail (loader, path, field->key, _("names no list of “lists”"));
      return TRUE;

    case FIELD_TEXT:
    default:
      return load_text (loader, object, path, field->key, at);
    }
}

static gboolean
load_fields (Loader      *loader,
             JsonObject  *object,
             const char  *path,
             const Field *fields,
             guint        n_fields,
             gpointer     record)
{
  for (guint i = 0; i < n_fields; i++)
    if (!load_field (loader, object, path, &fields[i], (char *) record + fields[i].offset))
      return FALSE;
  return TRUE;
}

/* An object member of @root: @path itself, or NULL for @root. */
static JsonObject *
parent_object (Loader     *loader,
               JsonObject *root,
               const char *path)
{
  JsonNode *node;

  if (path == NULL)
    return root;
  node = member (loader, root, "(top level)", path, JSON_NODE_OBJECT, G_TYPE_INVALID,
                 _("must be an object"));
  return node != NULL ? json_node_get_object (node) : NULL;
}

static gboolean
load_table (Loader      *loader,
            JsonObject  *root,
            const Table *table)
{
  GPtrArray *into = G_STRUCT_MEMBER (GPtrArray *, loader->catalog, table->into);
  JsonObject *parent = parent_object (loader, root, table->parent);
  g_autofree char *path = NULL;
  JsonNode *node;
  JsonArray *array;

  if (parent == NULL)
    return FALSE;
  path = table->parent ? g_strconcat (table->parent, ".", table->key, NULL) : g_strdup (table->key);
  node = member (loader, parent, table->parent ? table->parent : "(top level)", table->key,
                 JSON_NODE_ARRAY, G_TYPE_INVALID, _("must be an array"));
  if (node == NULL)
    return FALSE;
  array = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      JsonNode *item = json_array_get_element (array, i);
      g_autofree char *record = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail (loader, item_path, NULL, _("must be an object"));
      record = g_malloc0 (table->size);
      if (!load_fields (loader, json_node_get_object (item), item_path,
                        table->fields, table->n_fields, record))
        return FALSE;
      if (find_by_key (into, *(const char **) record) != NULL)
        return fail (loader, item_path, table->fields[0].key, _("repeats an earlier one"));
      g_ptr_array_add (into, g_steal_pointer (&record));
    }
  return TRUE;
}

static gboolean
load_catalog (Loader     *loader,
              JsonObject *root)
{
  JsonObject *ofac;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (!load_table (loader, root, &tables[i]))
      return FALSE;

  ofac = parent_object (loader, root, "ofac");
  return ofac != NULL &&
         load_fields (loader, ofac, "ofac", ofac_fields, G_N_ELEMENTS (ofac_fields), loader->catalog);
}

ClrListCatalog *
clr_list_catalog_new_from_bytes (GBytes      *bytes,
                                 const char  *name,
                                 GError     **error)
{
  g_autoptr(ClrListCatalog) catalog = NULL;
  g_autoptr(JsonNode) root = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  Loader loader;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  root = clr_json_read_data (data, (gssize) size, name, 1, CLR_JSON_READ_NONE, NULL, error);
  if (root == NULL)
    return NULL;

  catalog = g_new0 (ClrListCatalog, 1);
  catalog->strings = g_string_chunk_new (1024);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    G_STRUCT_MEMBER (GPtrArray *, catalog, tables[i].into) = g_ptr_array_new_with_free_func (g_free);

  loader = (Loader) { catalog, name, error };
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      fail (&loader, "(top level)", NULL, _("must be an object"));
      return NULL;
    }
  if (!load_catalog (&loader, json_node_get_object (root)))
    return NULL;

  return g_steal_pointer (&catalog);
}

static gpointer
load_default (gpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (clr_lists_get_resource (), CATALOG_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  ClrListCatalog *catalog = NULL;

  if (bytes != NULL)
    catalog = clr_list_catalog_new_from_bytes (bytes, "lists.json", &error);
  /* Compiled in: a broken file is a build defect (test-list-catalog checks it). */
  if (catalog == NULL)
    g_error ("Bundled lists.json is broken: %s", error->message);
  return catalog;
}

ClrListCatalog *
clr_list_catalog_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_default, NULL);
}

/* ------------------------------------------------------------------------- */

const ClrListInfo *
clr_list_catalog_find_list (ClrListCatalog *catalog,
                            const char     *code)
{
  return find_by_key (catalog->lists, code);
}

const ClrBuiltinSource *
clr_list_catalog_find_source (ClrListCatalog *catalog,
                              const char     *id)
{
  return find_by_key (catalog->sources, id);
}

GPtrArray *
clr_list_catalog_get_sources (ClrListCatalog *catalog)
{
  return catalog->sources;
}

GPtrArray *
clr_list_catalog_get_lists (ClrListCatalog *catalog)
{
  return catalog->lists;
}

char **
clr_list_codes_for_source (const char *source_id)
{
  ClrListCatalog *catalog = clr_list_catalog_get_default ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (source_id != NULL, NULL);

  for (guint i = 0; i < catalog->lists->len; i++)
    {
      const ClrListInfo *list = g_ptr_array_index (catalog->lists, i);

      if (g_strcmp0 (list->source, source_id) == 0)
        g_strv_builder_add (builder, list->code);
    }

  return g_strv_builder_end (builder);
}

const ClrListInfo *
clr_list_info_for_code (const char *code)
{
  return clr_list_catalog_find_list (clr_list_catalog_get_default (), code);
}

static const char *
pair_lookup (GPtrArray  *pairs,
             const char *from)
{
  const Pair *pair = find_by_key (pairs, from);

  return pair != NULL ? pair->to : NULL;
}

const ClrListInfo *
clr_list_info_for_csl_source (const char  *source,
                              ClrListInfo *scratch,
                              GPtrArray   *strings)
{
  ClrListCatalog *catalog = clr_list_catalog_get_default ();
  const char *open, *close, *dash, *mapped;
  g_autofree char *code = NULL;
  const ClrListInfo *known;
  char *name, *agency = NULL;

  if (source == NULL || *source == '\0')
    return NULL;

  open = strrchr (source, '(');
  close = open ? strchr (open, ')') : NULL;
  if (open == NULL || close == NULL)
    return NULL;

  code = g_strstrip (g_strndup (open + 1, (gsize) (close - open - 1)));
  mapped = pair_lookup (catalog->csl_codes, code);
  if (mapped != NULL)
    {
      g_free (code);
      code = g_strdup (mapped);
    }

  known = clr_list_catalog_find_list (catalog, code);
  if (known != NULL)
    return known;

  /* A list the catalogue does not know yet: keep what the source says. */
  name = g_strstrip (g_strndup (source, (gsize) (open - source)));
  dash = strstr (close, " - ");
  if (dash != NULL)
    {
      agency = g_strstrip (g_strdup (dash + 3));
      mapped = pair_lookup (catalog->agencies, agency);
      if (mapped != NULL)
        {
          g_free (agency);
          agency = g_strdup (mapped);
        }
      g_ptr_array_add (strings, agency);
    }
  g_ptr_array_add (strings, name);
  g_ptr_array_add (strings, g_strdup (code));

  memset (scratch, 0, sizeof *scratch);
  scratch->code = g_ptr_array_index (strings, strings->len - 1);
  scratch->name = name;
  scratch->agency = agency;
  return scratch;
}

const ClrListInfo *
clr_list_info_for_ofac_programs (GPtrArray *programs,
                                 gboolean   sdn)
{
  ClrListCatalog *catalog = clr_list_catalog_get_default ();

  if (sdn)
    return clr_list_catalog_find_list (catalog, catalog->sdn_list);

  /* The first row whose program the entry carries wins; a trailing '*'
   * matches a prefix. */
  for (guint r = 0; r < catalog->programs->len; r++)
    {
      const Pair *row = g_ptr_array_index (catalog->programs, r);
      gsize wlen = strlen (row->from);
      gboolean prefix = wlen > 0 && row->from[wlen - 1] == '*';

      for (guint i = 0; i < programs->len; i++)
        {
          const char *p = g_ptr_array_index (programs, i);

          if (prefix ? strncmp (p, row->from, wlen - 1) == 0 : strcmp (p, row->from) == 0)
            return clr_list_catalog_find_list (catalog, row->to);
        }
    }

  return clr_list_catalog_find_list (catalog, catalog->nonsdn_default_list);
}
