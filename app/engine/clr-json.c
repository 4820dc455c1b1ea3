/* clr-json.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-json.h"

JsonNode *
clr_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (node == NULL)
    return NULL;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObject *target = json_object_new ();
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;

        json_object_iter_init (&iter, object);
        while (json_object_iter_next (&iter, &name, &member))
          json_object_set_member (target, name, clr_json_node_deep_copy (member));
        copy = json_node_init_object (json_node_alloc (), target);
        json_object_unref (target);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint len = json_array_get_length (array);
        JsonArray *target = json_array_sized_new (len);

        for (guint i = 0; i < len; i++)
          json_array_add_element (target, clr_json_node_deep_copy (json_array_get_element (array, i)));
        copy = json_node_init_array (json_node_alloc (), target);
        json_array_unref (target);
      }
      break;

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      /* Values are copied by value. */
      copy = json_node_copy (node);
      break;
    }

  return copy;
}
