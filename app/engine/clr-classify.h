/* clr-classify.h — classification help: which 3A090 paragraph an item's
 * parameters meet, product words and well-known models
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table (data/rules/classification.json) names the ECCN paragraphs the
 * form offers, the product words that find them and well-known accelerators
 * with their published parameters and sources. The thresholds are not in it
 * and not in C: an item's paragraph comes from the rule pack's paragraph
 * derivation the table names. GTK-free, so the CLI can use it.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-rule-pack.h"

G_BEGIN_DECLS

#define CLR_TYPE_CLASSIFY_HELP (clr_classify_help_get_type ())

G_DECLARE_FINAL_TYPE (ClrClassifyHelp, clr_classify_help, CLR, CLASSIFY_HELP, GObject)

/* Validates a table; errors (CLR_ENGINE_ERROR_INVALID_INPUT) name @origin
 * and the field at fault ("models[3].sources"). */
ClrClassifyHelp *clr_classify_help_new_from_data (const char   *data,
                                                  gssize        length,
                                                  const char   *origin,
                                                  GError      **error);
/* The table compiled into the engine. */
ClrClassifyHelp *clr_classify_help_new_bundled   (GError      **error);

/* The paragraphs the ECCN picker offers ("3A090.a", …); NULL-terminated, owned. */
const char * const *clr_classify_help_get_paragraphs (ClrClassifyHelp *self);
/* The product words that find @eccn, space-separated ("GPU accelerator …"),
 * or NULL (owned by the table). */
const char  *clr_classify_help_get_words    (ClrClassifyHelp *self,
                                             const char      *eccn);
/* What the pack's paragraph derivation in force on @date says of
 * @paragraph's level ("3A090.a level: TPP ≥ 4800, …"), or NULL when the
 * derivation has no outcome for it (owned by @pack). */
const char  *clr_classify_help_get_paragraph_label (ClrClassifyHelp *self,
                                                    ClrRulePack     *pack,
                                                    const char      *paragraph,
                                                    const char      *date);
/* The models: [{"model", "vendor", "aliases", "tpp", "performance_density",
 * "memory_bandwidth_gbps", "eccn", "basis", "sources"}], a value the vendor
 * does not publish being null (borrowed). */
JsonArray   *clr_classify_help_get_models   (ClrClassifyHelp *self);
/* The model @text names ("h20", "NVIDIA H100 SXM", "Ascend 910B"), matched
 * case-insensitively on the model, an alias, or vendor and model; NULL when
 * none (borrowed). */
JsonObject  *clr_classify_help_find_model   (ClrClassifyHelp *self,
                                             const char      *text);

typedef enum
{
  CLR_CLASSIFICATION_UNDECIDED,  /* the facts given do not decide it */
  CLR_CLASSIFICATION_MEETS,      /* meets a paragraph */
  CLR_CLASSIFICATION_NEITHER,    /* meets none of the paragraphs */
} ClrClassificationKind;

/* Which paragraph @item's facts ("tpp", "performance_density",
 * "datacenter", …) meet on @date (YYYY-MM-DD), by the pack's derivation the
 * table names. Returns the kind and sets @text (nullable) to what the form
 * shows ("meets 3A090.a", "meets 3A090.b (data-center)", "meets neither —
 * 3A991 / 4A994 / 5A992 may apply"; NULL when undecided) and @paragraph
 * (nullable) to the paragraph met. */
ClrClassificationKind clr_classify_help_classify (ClrClassifyHelp *self,
                                                  ClrRulePack     *pack,
                                                  JsonObject      *item,
                                                  const char      *date,
                                                  char           **text,
                                                  char           **paragraph);

G_END_DECLS
