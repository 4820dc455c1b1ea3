/* clr-words.c — display words for the fixed vocabulary of the shipment document
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-words.h"

typedef struct
{
  const char *id;
  const char *label;
} Word;

static const Word roles[] = {
  { "end_user", N_("End user") },
  { "ultimate_consignee", N_("Ultimate consignee") },
  { "intermediate_consignee", N_("Intermediate consignee") },
  { "purchaser", N_("Purchaser") },
  { "forwarder", N_("Forwarder") },
};

static const Word end_uses[] = {
  { "civil", N_("Civil") },
  { "datacenter", N_("Data center") },
  { "ai_model_training", N_("AI model training") },
  { "supercomputer", N_("Supercomputer") },
  { "advanced_node_ic_production", N_("Advanced-node IC production") },
  { "military", N_("Military") },
  { "military_intelligence", N_("Military intelligence") },
  { "wmd", N_("Weapons of mass destruction") },
};

static const Word postures[] = {
  { "enforcement", N_("enforcement posture") },
  { "cfr-text", N_("CFR-text posture") },
};

static const char *
lookup (const Word *words,
        gsize       n,
        const char *id)
{
  if (id == NULL)
    return "";
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (words[i].id, id))
      return _(words[i].label);
  return id;
}

const char *
clr_words_party_role_label (const char *role)
{
  return lookup (roles, G_N_ELEMENTS (roles), role);
}

const char *
clr_words_end_use_label (const char *category)
{
  return lookup (end_uses, G_N_ELEMENTS (end_uses), category);
}

const char *
clr_words_posture_label (const char *posture)
{
  return lookup (postures, G_N_ELEMENTS (postures), posture);
}
