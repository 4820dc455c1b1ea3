/* clr-store-audit.h — the append-only, hash-chained audit trail
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-store.h"

G_BEGIN_DECLS

/* Actions written by Clearance itself (others may be added): */
#define CLR_AUDIT_REVIEW_DECIDE   "review.decide"
#define CLR_AUDIT_REVIEW_REOPEN   "review.reopen"
#define CLR_AUDIT_REVIEW_APPROVE  "review.approve"
#define CLR_AUDIT_LIST_IMPORT     "list.import"
#define CLR_AUDIT_RULES_IMPORT    "rules.import"
#define CLR_AUDIT_CASE_EVALUATE   "case.evaluate"
#define CLR_AUDIT_RESCREEN        "rescreen"

/* One row of the trail. Its hash is SHA-256 over the previous row's hash and
 * this row's canonical content; the first row's previous hash is 64 zeros. */
typedef struct
{
  /*< private >*/
  gint ref_count;

  /*< public >*/
  gint64    id;            /* 1, 2, 3 … without gaps */
  char     *at;            /* ISO 8601 UTC */
  char     *user;          /* OS user name (g_get_user_name()) */
  char     *display_name;  /* reviewer's display name */
  char     *action;        /* CLR_AUDIT_* */
  char     *subject_type;  /* "review", "case", "list", "rule_pack" … */
  char     *subject_id;    /* the item/case id, list source, pack id … */
  gint64    case_id;       /* the case concerned, 0 if none */
  JsonNode *before;        /* or NULL */
  JsonNode *after;         /* or NULL */
  char     *prev_hash;     /* hex */
  char     *hash;          /* hex */
} ClrAuditEntry;

#define CLR_TYPE_AUDIT_ENTRY (clr_audit_entry_get_type ())

GType          clr_audit_entry_get_type (void) G_GNUC_CONST;
ClrAuditEntry *clr_audit_entry_ref      (ClrAuditEntry *self);
void           clr_audit_entry_unref    (ClrAuditEntry *self);
JsonNode      *clr_audit_entry_to_json  (const ClrAuditEntry *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrAuditEntry, clr_audit_entry_unref)

/* The display name recorded with every entry written through @self: set by
 * the GUI from its preferences. NULL restores the default: $CLEARANCE_REVIEWER,
 * else the user's real name, else the OS user name. */
void           clr_store_audit_set_reviewer (ClrStore   *self,
                                             const char *display_name);
char          *clr_store_audit_dup_reviewer (ClrStore   *self);

/* Appends one entry in its own transaction. @before / @after are not taken
 * (NULL allowed). Returns the new entry's id, or 0 with @error set. */
gint64         clr_store_audit_append      (ClrStore    *self,
                                            const char  *action,
                                            const char  *subject_type,
                                            const char  *subject_id,
                                            gint64       case_id,
                                            JsonNode    *before,
                                            JsonNode    *after,
                                            GError     **error);
/* For store code that already holds the store lock inside its own
 * transaction (e.g. a list import at its commit point): appends without
 * locking or beginning/committing, so the entry commits or rolls back with
 * the caller's change. @display_name NULL = the store's reviewer. */
gint64         clr_store_audit_append_unlocked (ClrStore    *self,
                                                const char  *display_name,
                                                const char  *action,
                                                const char  *subject_type,
                                                const char  *subject_id,
                                                gint64       case_id,
                                                JsonNode    *before,
                                                JsonNode    *after,
                                                GError     **error);

/* Oldest first. ClrAuditEntry *. */
GPtrArray     *clr_store_audit_list        (ClrStore    *self,
                                            GError     **error);
/* A case's own history (entries with that case id), oldest first. */
GPtrArray     *clr_store_audit_list_for_case (ClrStore  *self,
                                              gint64     case_id,
                                              GError   **error);

/* Recomputes the chain. TRUE when intact (*n_checked = entries checked).
 * Otherwise FALSE, *bad_id = the first entry that does not verify (a gap
 * names the missing id), and @error (CLR_STORE_ERROR_CORRUPT) says why.
 * Beyond the chain: the newest entry must be the head the
 * database recorded with it (meta "audit_head"), every decided review item
 * must say what the trail's last entry for it says, and every saved case
 * result must be the one its last case.evaluate entry recorded; @bad_id is
 * then 0. See docs/review.md for what is and is not detected. */
gboolean       clr_store_audit_verify      (ClrStore    *self,
                                            gint64      *n_checked,
                                            gint64      *bad_id,
                                            GError     **error);

/* The trail's newest entry (its sequence number and hash): 0 and NULL when
 * the trail is empty. */
gboolean       clr_store_audit_get_head    (ClrStore    *self,
                                            gint64      *seq,
                                            char       **hash,
                                            GError     **error);
/* TRUE when @anchor ("HASH" or "SEQ:HASH", as audit anchor prints it) is
 * the hash of an entry of the trail (*found_seq = its number); else
 * CLR_STORE_ERROR_CORRUPT, or CLR_STORE_ERROR_INVALID for a malformed
 * anchor. Run clr_store_audit_verify() first: this only finds the hash. */
gboolean       clr_store_audit_check_anchor (ClrStore   *self,
                                             const char *anchor,
                                             gint64     *found_seq,
                                             GError    **error);

typedef enum
{
  CLR_AUDIT_FORMAT_CSV,
  CLR_AUDIT_FORMAT_JSON,
} ClrAuditFormat;

/* Writes the whole trail to @stream: CSV (RFC 4180, header row) or a JSON
 * array of clr_audit_entry_to_json() objects. */
gboolean       clr_store_audit_export      (ClrStore       *self,
                                            ClrAuditFormat  format,
                                            GOutputStream  *stream,
                                            GError        **error);

G_END_DECLS
