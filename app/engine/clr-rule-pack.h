/* clr-rule-pack.h — a validated EAR rule pack (data/rules/ear-pack.json): country
 * groups with dated membership, the Commerce Country Chart, the CCL, list
 * consequences, license exceptions, red flags and the rules themselves.
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Which reading of the regulations a determination uses. */
typedef enum
{
  CLR_POSTURE_ENFORCEMENT,  /* what BIS enforces (default): AI Diffusion Rule not enforced since 2025-05-13 */
  CLR_POSTURE_CFR_TEXT,     /* the CFR text as written */
} ClrPosture;

/* "enforcement" / "cfr-text"; FALSE (and CLR_ENGINE_ERROR_INVALID_INPUT) otherwise. */
gboolean     clr_posture_from_string  (const char  *text,
                                       ClrPosture  *posture,
                                       GError     **error);
const char  *clr_posture_to_string    (ClrPosture   posture);

#define CLR_TYPE_RULE_PACK (clr_rule_pack_get_type ())

G_DECLARE_FINAL_TYPE (ClrRulePack, clr_rule_pack, CLR, RULE_PACK, GObject)

/* Parses and validates a pack. Errors (CLR_ENGINE_ERROR_INVALID_PACK, or a
 * JSON parser error) name the rule / table and field at fault. @origin names
 * the file in messages (may be NULL). */
ClrRulePack *clr_rule_pack_new_from_data    (const char   *data,
                                             gssize        length,
                                             const char   *origin,
                                             GError      **error);
ClrRulePack *clr_rule_pack_new_from_file    (const char   *path,
                                             GError      **error);
/* The pack compiled into the engine (data/rules/ear-pack.json). */
ClrRulePack *clr_rule_pack_new_bundled      (GError      **error);
/* The bundled pack's raw bytes (for the store to install it). */
GBytes      *clr_rule_pack_get_bundled_data (void);

/* Cheap sniff: is this file a Clearance rule pack (JSON object with
 * "format": "clearance-rule-pack")? Never validates the whole pack. */
gboolean     clr_rule_pack_file_is_pack     (const char   *path);
gboolean     clr_rule_pack_data_is_pack     (const char   *data,
                                             gsize         length);

const char  *clr_rule_pack_get_id           (ClrRulePack  *self);
const char  *clr_rule_pack_get_version      (ClrRulePack  *self);
const char  *clr_rule_pack_get_title        (ClrRulePack  *self);
const char  *clr_rule_pack_get_published    (ClrRulePack  *self);  /* YYYY-MM-DD */
const char  *clr_rule_pack_get_sha256       (ClrRulePack  *self);  /* of the pack's bytes */
guint        clr_rule_pack_get_n_rules      (ClrRulePack  *self);
/* The whole pack document (owned by the pack; do not modify). */
JsonObject  *clr_rule_pack_get_root         (ClrRulePack  *self);
/* Adds the members "version", "published" and "sha256" that say which pack
 * it is to the object @builder is building (a result, an audit entry). */
void         clr_rule_pack_add_identity     (ClrRulePack  *self,
                                             JsonBuilder  *builder);

/* Compares pack versions ("2026.11.28" style, numeric segments): <0, 0, >0. */
int          clr_rule_pack_compare_versions (const char   *a,
                                             const char   *b);

/* ---- Catalogues for forms (each returns a new JSON array node) ---------- */

/* [{"eccn": "3A090", "title": "…", "reasons": ["RS", "AT"],
 *   "paragraphs": ["3A090.a", "3A090.b", "3A090.c"]}] — every CCL entry, sorted. */
JsonNode    *clr_rule_pack_list_eccns       (ClrRulePack  *self);
/* [{"code": "CN", "name": "China", "aliases": ["PRC", …], "groups": ["D:1", …],
 *   "treated_as": "CN" (only for e.g. HK), "embargoed": false}] — every
 * destination, groups as of @as_of (YYYY-MM-DD; NULL = today). */
JsonNode    *clr_rule_pack_list_countries   (ClrRulePack  *self,
                                             const char   *as_of);
/* [{"id": "datacenter", "label": "…"}] */
JsonNode    *clr_rule_pack_list_end_use_categories (ClrRulePack *self);
/* [{"id": "rf-…", "question": "…", "citation": "15 CFR …"}] */
JsonNode    *clr_rule_pack_list_red_flags   (ClrRulePack  *self);
/* [{"code": "NAC", "title": "…", "citation": "15 CFR 740.8", "description": "…"}] */
JsonNode    *clr_rule_pack_list_license_exceptions (ClrRulePack *self);

/* Resolves an ISO-2 code, a name or an alias ("Hong Kong", "PRC", "uae") to the
 * pack's ISO-2 code; NULL when unknown. */
const char  *clr_rule_pack_lookup_country   (ClrRulePack  *self,
                                             const char   *code_or_name);
/* TRUE if the ECCN (with or without paragraphs, e.g. "3A090.a.1", or
 * "EAR99") is on the pack's CCL. */
gboolean     clr_rule_pack_has_eccn         (ClrRulePack  *self,
                                             const char   *eccn);
/* TRUE if @eccn ("3A090.a", "3A001.z.1.a", "EAR99") is in the pack's ECCN set
 * @set ("ac_family" or "@ac_family"), matched as rule conditions match it:
 * the pattern or below it, "*" for any one paragraph, "@set" references
 * expanded. FALSE for an unknown set, a NULL/empty ECCN, and an ECCN less
 * specific than every pattern that could hold it ("3A001" vs "3A001.z"). */
gboolean     clr_rule_pack_eccn_in_set      (ClrRulePack  *self,
                                             const char   *set,
                                             const char   *eccn);
/* [{"fact": "tpp", "label": "…", "eccn_set": "ac_family"}] — the item facts a
 * shipment form asks for, and for which ECCNs (the pack's "item_parameters";
 * empty when the pack has none). */
JsonNode    *clr_rule_pack_list_item_parameters (ClrRulePack *self);
/* Computes item fact @fact from its pack formula ("item_parameters"[].
 * "formula": the TPP of 3A090 is 2 × MacTOPS × bit length): the formula's
 * factor times @inputs, given in the order of its "inputs". FALSE when the
 * pack gives @fact no formula or it takes other than @n_inputs numbers. */
gboolean     clr_rule_pack_compute_item_fact (ClrRulePack  *self,
                                              const char   *fact,
                                              const double *inputs,
                                              guint         n_inputs,
                                              double       *value);
/* Does item fact @fact ("tpp", "performance_density", "memory_bandwidth_gbps",
 * "datacenter") apply to an item classified @eccn, per "item_parameters"? */
gboolean     clr_rule_pack_item_has_parameter (ClrRulePack *self,
                                               const char  *fact,
                                               const char  *eccn);
/* Is @country (ISO-2) in @group ("D:5") on @date (YYYY-MM-DD)? Applies the
 * pack's dated membership changes. */
gboolean     clr_rule_pack_country_in_group (ClrRulePack  *self,
                                             const char   *country,
                                             const char   *group,
                                             const char   *date);

G_END_DECLS
