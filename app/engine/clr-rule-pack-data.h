/* clr-rule-pack-data.h — the tables of a loaded rule pack, shared by the files that load, validate and query it
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only clr-rule-pack*.c include this; everyone else uses clr-rule-pack.h or,
 * inside the engine, clr-rule-pack-private.h.
 */

#pragma once

#include "clr-engine-error.h"
#include "clr-rule-pack-private.h"

G_BEGIN_DECLS

/* Rule-pack validation errors. */
#define invalid(error, ...) clr_engine_fail ((error), CLR_ENGINE_ERROR_INVALID_PACK, __VA_ARGS__)

#define PACK_FORMAT "clearance-rule-pack"

typedef struct
{
  char      *date;          /* NULL when the date is not known */
  char      *citation;
  char      *country;       /* chart changes: the row */
  GPtrArray *add;     /* char *: countries (groups) or columns (chart) */
  GPtrArray *remove;  /* char * */
} GroupChange;

typedef struct
{
  GHashTable *members;   /* ISO-2 set, as of the pack's snapshot date */
  GPtrArray  *changes;   /* GroupChange *, by date */
} Group;

struct _ClrRulePack
{
  GObject     parent_instance;

  JsonNode *root_node;   /* the parsed pack, immutable */
  JsonObject *root;
  char       *origin;
  char       *sha256;
  const char *id;
  const char *version;
  const char *title;
  const char *published;
  const char *snapshot_date;

  GHashTable *countries;        /* ISO-2 → JsonObject */
  GHashTable *country_names;    /* lower-case name/alias → ISO-2 */
  GHashTable *groups;           /* name → Group */
  GHashTable *ccl;              /* base ECCN → JsonObject */
  GHashTable *chart_rows;       /* ISO-2 → GHashTable set of columns */
  GPtrArray  *chart_changes;    /* GroupChange * (with country), by date */
  GHashTable *eccn_sets;        /* name → GPtrArray of patterns */
  JsonArray  *item_parameters;  /* [{"fact", "label", "eccn_set"}], validated; or NULL */
  GHashTable *end_uses;         /* id → JsonObject */
  GHashTable *red_flags;        /* id → JsonObject */
  GPtrArray  *rules;            /* ClrRule * */
  GPtrArray  *exceptions;       /* ClrLicenseException * */
  GPtrArray  *overrides;        /* ClrPolicyOverride * */
  GPtrArray  *derivations;      /* ClrDerivation * */
  GHashTable *list_scopes;      /* list code → ClrExpr (list_consequences.*.item_scope) */
};

void
_clr_pack_group_change_free (GroupChange *change);

void
_clr_pack_derivation_target_free (ClrDerivationTarget *t);

void
_clr_pack_derivation_outcome_free (ClrDerivationOutcome *o);

gboolean
_clr_pack_check_fields (JsonObject         *object,
                        const char * const *allowed,
                        const char         *where,
                        GError            **error);

gboolean
_clr_pack_require_string (JsonObject  *object,
                          const char  *name,
                          const char  *where,
                          const char **out,
                          GError     **error);

/* The same, into *@out as a copy. */
gboolean
_clr_pack_dup_string     (JsonObject  *object,
                          const char  *name,
                          const char  *where,
                          char       **out,
                          GError     **error);

GStrv
_clr_pack_string_array (JsonArray  *array,
                        const char *where,
                        const char *name,
                        GError    **error);

gboolean
_clr_pack_is_version (const char *text);

gboolean
_clr_pack_read_effective_full (JsonObject  *object,
                               const char  *where,
                               char       **from,
                               char       **until,
                               char       **compliance,
                               GError     **error);

gboolean
_clr_pack_read_effective (JsonObject  *object,
                          const char  *where,
                          char       **from,
                          char       **until,
                          GError     **error);

gboolean
_clr_pack_load_countries (ClrRulePack *self,
                          GError     **error);

gboolean
_clr_pack_load_groups (ClrRulePack *self,
                       GError     **error);

gboolean
_clr_pack_load_ccl_and_chart (ClrRulePack *self,
                              GError     **error);

gboolean
_clr_pack_load_catalogues (ClrRulePack *self,
                           GError     **error);

gboolean
_clr_pack_load_exceptions (ClrRulePack *self,
                           GError     **error);

gboolean
_clr_pack_load_rules (ClrRulePack *self,
                      GError     **error);

gboolean
_clr_pack_load_overrides (ClrRulePack *self,
                          GError     **error);

gboolean
_clr_pack_load_derivations (ClrRulePack *self,
                            GError     **error);

gboolean
_clr_pack_load_list_scopes (ClrRulePack *self,
                            GError     **error);

G_END_DECLS
