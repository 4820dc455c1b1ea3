/* clr-item-facts.h — the facts a shipment item may state beyond its ECCN
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table, read by the condition compiler (which names a rule may test),
 * the evaluator (how a fact reads in an explanation), the rule pack (which
 * facts "item_parameters" may list) and the shipment form (its labels).
 * Which ECCNs a fact applies to, and how it is computed, is rule-pack data.
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CLR_ITEM_FACT_NUMBER,
  CLR_ITEM_FACT_FLAG,      /* true / false, unstated = not known */
  CLR_ITEM_FACT_COUNTRY,   /* ISO-2 */
} ClrItemFactKind;

typedef struct
{
  const char      *key;        /* the item's JSON member ("tpp") */
  ClrItemFactKind  kind;
  const char      *unit;       /* "GB/s", or NULL */
  const char      *label;      /* N_(): the form's label, with its mnemonic */
  const char      *phrase;     /* N_(): how an explanation names it ("TPP") */
  gboolean         parameter;  /* a pack's "item_parameters" may list it */
} ClrItemFact;

/* The fact stored under @key, or NULL when items have no such fact. */
const ClrItemFact *clr_item_fact_lookup (const char *key);

/* The whole table, in the form's order; @n_facts receives its length. */
const ClrItemFact *clr_item_facts_get   (guint      *n_facts);

/* "tpp, performance_density, …": the keys "item_parameters" may list. */
char              *clr_item_facts_dup_parameter_keys (void);

G_END_DECLS
