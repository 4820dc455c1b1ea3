/* clr-item-facts.c — the facts a shipment item may state beyond its ECCN
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-item-facts.h"

static const ClrItemFact facts[] = {
  { "tpp", CLR_ITEM_FACT_NUMBER, NULL,
    N_("_Total processing performance (TPP)"), N_("TPP"), TRUE },
  { "performance_density", CLR_ITEM_FACT_NUMBER, NULL,
    N_("Performance _density"), N_("performance density"), TRUE },
  { "memory_bandwidth_gbps", CLR_ITEM_FACT_NUMBER, "GB/s",
    N_("Memory _bandwidth (GB/s)"), N_("memory bandwidth (GB/s)"), TRUE },
  { "datacenter", CLR_ITEM_FACT_FLAG, NULL,
    N_("Designed or marketed for data centers"), N_("designed or marketed for data centers"), TRUE },
  { "manufacturer_headquarters", CLR_ITEM_FACT_COUNTRY, NULL,
    N_("Manufacturer _headquarters (or its ultimate parent's)"), N_("manufacturer headquarters"), TRUE },
  { "food_or_medicine", CLR_ITEM_FACT_FLAG, NULL,
    N_("Food or medicine"), N_("food or medicine"), TRUE },
  { "enc_classification_done", CLR_ITEM_FACT_FLAG, NULL,
    N_("ENC: self-classification report filed (740.17(b)(1)) or BIS classification received"),
    N_("ENC classification"), TRUE },
  { "quantity", CLR_ITEM_FACT_NUMBER, NULL, N_("_Quantity"), N_("quantity"), FALSE },
  { "unit_value", CLR_ITEM_FACT_NUMBER, NULL, N_("Unit _value"), N_("unit value"), FALSE },
};

const ClrItemFact *
clr_item_fact_lookup (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (facts); i++)
    if (g_str_equal (facts[i].key, key))
      return &facts[i];
  return NULL;
}

const ClrItemFact *
clr_item_facts_get (guint *n_facts)
{
  *n_facts = G_N_ELEMENTS (facts);
  return facts;
}

char *
clr_item_facts_dup_parameter_keys (void)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    if (facts[i].parameter)
      g_string_append_printf (keys, "%s%s", keys->len > 0 ? ", " : "", facts[i].key);
  return g_string_free (keys, FALSE);
}
