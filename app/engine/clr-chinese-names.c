/* clr-chinese-names.c — the Chinese-script names of listed entities (chinese-names.json)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * 中芯国际 romanises to "zhong xin guo ji", nothing like SMIC: for listed
 * Chinese entities whose characters do not sound like their English name,
 * the table gives the Chinese name and the list entry it names, with where
 * the Chinese name comes from. The matcher links each row to the entries of
 * its list whose name or alias is the row's English name, and a Chinese
 * query equal (or one character off) to a row's name hits those entries.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "clr-chinese-names.h"
#include "clr-engine-error.h"
#include "clr-matching-private.h"

#define FILE_NAME "chinese-names.json"
#define NEAR_MIN_CHARS 6

typedef struct
{
  gunichar *chars;   /* the key, as characters */
  glong     len;
  guint     row;
  char     *utf8;
} Key;

struct _ClrChineseNames
{
  GPtrArray  *rows;        /* ClrChineseRow * */
  GArray     *keys;        /* Key */
  GHashTable *exact;       /* utf8 key → GUINT_TO_POINTER (first key index + 1) */
  GPtrArray  *legal_forms; /* char *, longest first */
};

static void
row_free (gpointer data)
{
  ClrChineseRow *row = data;

  g_free (row->zh);
  g_free (row->en);
  g_free (row->en_key);
  g_free (row->list);
  g_free (row->source);
  g_free (row->source_url);
  g_free (row);
}

static void
key_clear (gpointer data)
{
  Key *key = data;

  g_free (key->chars);
  g_free (key->utf8);
}

void
clr_chinese_names_free (ClrChineseNames *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->rows);
  g_array_unref (self->keys);
  g_hash_table_unref (self->exact);
  g_ptr_array_unref (self->legal_forms);
  g_free (self);
}

gboolean
clr_chinese_names_applies (const char *text)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if ((guchar) *p >= 0x80 && g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* Letters and digits only (full-width forms folded), legal forms removed. */
static char *
make_key (ClrChineseNames *self,
          const char      *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = nfkc ? nfkc : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }
  for (guint i = 0; i < self->legal_forms->len; i++)
    {
      const char *form = g_ptr_array_index (self->legal_forms, i);
      gsize len = strlen (form);
      char *at;

      if (len == 0)
        continue;
      while ((at = strstr (out->str, form)) != NULL && out->len > len)
        g_string_erase (out, at - out->str, len);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static int
longest_first (gconstpointer a,
               gconstpointer b)
{
  gsize la = strlen (*(const char **) a), lb = strlen (*(const char **) b);
  return la > lb ? -1 : la < lb;
}

static const char *
member_string (JsonObject  *obj,
               const char  *member,
               guint        index,
               gboolean     required,
               GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
      *json_node_get_string (node) != '\0')
    return json_node_get_string (node);
  if (node == NULL && !required)
    return NULL;
  g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
               _("%s: names[%u].%s must be a non-empty string"), FILE_NAME, index, member);
  return NULL;
}

static void
add_key (ClrChineseNames *self,
         const char      *spelling,
         guint            row)
{
  Key key = { 0, };

  key.utf8 = make_key (self, spelling);
  if (*key.utf8 == '\0')
    {
      g_free (key.utf8);
      return;
    }
  key.chars = g_utf8_to_ucs4_fast (key.utf8, -1, &key.len);
  key.row = row;
  g_array_append_val (self->keys, key);
}

ClrChineseNames *
clr_chinese_names_new (GBytes         *bytes,
                       ClrNormalizer  *norm,
                       GError        **error)
{
  g_autoptr(JsonNode) table = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(ClrChineseNames) self = g_new0 (ClrChineseNames, 1);
  JsonObject *root;
  JsonNode *node;
  JsonArray *forms, *names;

  self->rows = g_ptr_array_new_with_free_func (row_free);
  self->keys = g_array_new (FALSE, TRUE, sizeof (Key));
  g_array_set_clear_func (self->keys, key_clear);
  self->exact = g_hash_table_new (g_str_hash, g_str_equal);
  self->legal_forms = g_ptr_array_new_with_free_func (g_free);

  if ((table = _clr_matching_parse_table (FILE_NAME, bytes, error)) == NULL)
    return NULL;
  root = json_node_get_object (table);
  if (g_strcmp0 (json_object_get_string_member_with_default (root, "format", NULL), "clearance-chinese-names") != 0 ||
      json_object_get_int_member_with_default (root, "version", 0) != 1)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “format” must be “clearance-chinese-names” and “version” 1"), FILE_NAME);
      return NULL;
    }

  node = json_object_get_member (root, "legal_forms");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s” must be an array of strings"), FILE_NAME, "legal_forms");
      return NULL;
    }
  forms = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (forms); i++)
    {
      JsonNode *item = json_array_get_element (forms, i);
      g_autofree char *nfkc = NULL;

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s: legal_forms[%u] is not a string"), FILE_NAME, i);
          return NULL;
        }
      nfkc = g_utf8_normalize (json_node_get_string (item), -1, G_NORMALIZE_NFKC);
      g_ptr_array_add (self->legal_forms, g_steal_pointer (&nfkc));
    }
  g_ptr_array_sort (self->legal_forms, longest_first);

  node = json_object_get_member (root, "names");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s” must be an array of objects"), FILE_NAME, "names");
      return NULL;
    }
  names = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      JsonNode *item = json_array_get_element (names, i);
      JsonObject *obj;
      ClrChineseRow *row;
      const char *zh, *en, *list, *source, *url;
      JsonNode *aliases;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s: names[%u] is not an object"), FILE_NAME, i);
          return NULL;
        }
      obj = json_node_get_object (item);
      if ((zh = member_string (obj, "zh", i, TRUE, error)) == NULL ||
          (en = member_string (obj, "en", i, TRUE, error)) == NULL ||
          (list = member_string (obj, "list", i, TRUE, error)) == NULL ||
          (source = member_string (obj, "source", i, TRUE, error)) == NULL)
        return NULL;
      url = member_string (obj, "source_url", i, FALSE, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (!clr_chinese_names_applies (zh))
        {
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s: names[%u].zh has no Chinese characters"), FILE_NAME, i);
          return NULL;
        }

      row = g_new0 (ClrChineseRow, 1);
      row->index = i + 1;
      row->zh = g_strdup (zh);
      row->en = g_strdup (en);
      row->en_key = clr_normalizer_normalize (norm, en, CLR_NORMALIZE_NONE);
      row->list = g_strdup (list);
      row->source = g_strdup (source);
      row->source_url = g_strdup (url);
      g_ptr_array_add (self->rows, row);
      add_key (self, zh, self->rows->len - 1);

      aliases = json_object_get_member (obj, "zh_aliases");
      if (aliases != NULL)
        {
          JsonArray *array;

          if (!JSON_NODE_HOLDS_ARRAY (aliases))
            {
              g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                           _("%s: names[%u].zh_aliases must be an array of strings"), FILE_NAME, i);
              return NULL;
            }
          array = json_node_get_array (aliases);
          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              JsonNode *a = json_array_get_element (array, k);

              if (!JSON_NODE_HOLDS_VALUE (a) || json_node_get_value_type (a) != G_TYPE_STRING)
                {
                  g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                               _("%s: names[%u].zh_aliases[%u] is not a string"), FILE_NAME, i, k);
                  return NULL;
                }
              add_key (self, json_node_get_string (a), self->rows->len - 1);
            }
        }
    }
  for (guint k = 0; k < self->keys->len; k++)
    {
      Key *key = &g_array_index (self->keys, Key, k);

      if (!g_hash_table_contains (self->exact, key->utf8))
        g_hash_table_insert (self->exact, key->utf8, GUINT_TO_POINTER (k + 1));
    }
  return g_steal_pointer (&self);
}

ClrChineseNames *
clr_chinese_names_get_default (void)
{
  static ClrChineseNames *instance = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = _clr_matching_load_resource (FILE_NAME, &error);

      /* Compiled in: a broken table is a build defect (test-matcher checks it). */
      if (bytes == NULL ||
          (instance = clr_chinese_names_new (bytes, clr_normalizer_get_default (), &error)) == NULL)
        g_error ("Bundled %s is broken: %s", FILE_NAME, error->message);
      g_once_init_leave (&initialized, 1);
    }
  return instance;
}

guint
clr_chinese_names_get_n_rows (ClrChineseNames *self)
{
  return self->rows->len;
}

const ClrChineseRow *
clr_chinese_names_get_row (ClrChineseNames *self,
                           guint            row)
{
  g_return_val_if_fail (row < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, row);
}

/* Whether @a and @b (characters) are one substitution, insertion or
 * deletion apart. */
static gboolean
one_edit (const gunichar *a,
          glong           la,
          const gunichar *b,
          glong           lb)
{
  glong i = 0, j = 0;
  gboolean edited = FALSE;

  if (la - lb > 1 || lb - la > 1)
    return FALSE;
  while (i < la && j < lb)
    {
      if (a[i] == b[j])
        {
          i++;
          j++;
          continue;
        }
      if (edited)
        return FALSE;
      edited = TRUE;
      if (la > lb)
        i++;
      else if (lb > la)
        j++;
      else
        {
          i++;
          j++;
        }
    }
  return edited ? (i == la && j == lb) : (la - i) + (lb - j) <= 1;
}

static void
add_match (GArray     *out,
           guint       row,
           gboolean    exact,
           const char *key)
{
  for (guint k = 0; k < out->len; k++)
    {
      ClrChineseMatch *m = &g_array_index (out, ClrChineseMatch, k);
      if (m->row == row)
        {
          if (exact && !m->exact)
            {
              m->exact = TRUE;
              g_free (m->key);
              m->key = g_strdup (key);
            }
          return;
        }
    }
  {
    ClrChineseMatch m = { row, exact, g_strdup (key) };
    g_array_append_val (out, m);
  }
}

void
clr_chinese_names_lookup (ClrChineseNames *self,
                          const char      *query,
                          GArray          *out)
{
  g_autofree char *key = NULL;
  g_autofree gunichar *chars = NULL;
  glong len = 0;
  gpointer value;

  if (!clr_chinese_names_applies (query))
    return;
  key = make_key (self, query);
  if (*key == '\0')
    return;
  value = g_hash_table_lookup (self->exact, key);
  if (value != NULL)
    for (guint k = GPOINTER_TO_UINT (value) - 1; k < self->keys->len; k++)
      {
        Key *e = &g_array_index (self->keys, Key, k);
        if (strcmp (e->utf8, key) == 0)
          add_match (out, e->row, TRUE, e->utf8);
      }
  chars = g_utf8_to_ucs4_fast (key, -1, &len);
  for (guint k = 0; k < self->keys->len; k++)
    {
      Key *e = &g_array_index (self->keys, Key, k);

      if (MIN (e->len, len) >= NEAR_MIN_CHARS && strcmp (e->utf8, key) != 0 &&
          one_edit (chars, len, e->chars, e->len))
        add_match (out, e->row, FALSE, e->utf8);
    }
}
