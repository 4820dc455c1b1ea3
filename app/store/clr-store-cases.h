/* clr-store-cases.h — shipment cases: the shipment JSON document, its last result, its status
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "clr-store.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_CASE_STATUS_OPEN,
  CLR_CASE_STATUS_ARCHIVED,
} ClrCaseStatus;

/* For list filters: every status. */
#define CLR_CASE_STATUS_ANY ((ClrCaseStatus) -1)

/* "open", "archived" */
const char *clr_case_status_to_string   (ClrCaseStatus  status);
gboolean    clr_case_status_from_string (const char    *text,
                                         ClrCaseStatus *status);

/* A case as stored: a plain reference-counted record (boxed type). The
 * summary fields (reference, destination, date) are derived from the
 * shipment document each time it is saved. */
typedef struct
{
  /*< private >*/
  gint ref_count;

  /*< public >*/
  gint64         id;             /* > 0, stable */
  char          *reference;      /* shipment "reference", or NULL */
  char          *destination;    /* shipment "destination" (ISO-2), or NULL */
  char          *date;           /* shipment "date" (YYYY-MM-DD as typed), or NULL */
  char          *party_names;    /* every party name, "; "-joined (for display/search), or NULL */
  ClrCaseStatus  status;
  char          *created_at;     /* ISO 8601 UTC */
  char          *updated_at;     /* last save of the shipment */
  gint64         revision;       /* +1 on every save that changed the document */
  JsonNode      *shipment;       /* the shipment document (a JSON object); never NULL */
  JsonNode      *result;         /* the last result document (evaluate --json), or NULL */
  char          *verdict;        /* the last result's "verdict", or NULL if never evaluated */
  char          *evaluated_at;   /* when that result was saved, or NULL */
  gboolean       decisions_changed; /* a review decision on one of the result's hits changed
                                       since (clr_store_review_result_is_current()) */
} ClrCase;

#define CLR_TYPE_CASE (clr_case_get_type ())

GType     clr_case_get_type (void) G_GNUC_CONST;
ClrCase  *clr_case_ref      (ClrCase *self);
void      clr_case_unref    (ClrCase *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrCase, clr_case_unref)

/* Creates a case holding @shipment (a JSON object; NULL = an empty "{}"
 * document for a new form). Returns the new case id, or 0 with @error set.
 * Nothing is validated beyond "it is an object": a half-filled form saves. */
gint64      clr_store_create_case        (ClrStore      *self,
                                          JsonNode      *shipment,
                                          GError       **error);
/* Autosave: replaces the shipment document of case @id. Cheap (one UPDATE,
 * skipped when the document did not change) and safe to call often from a
 * GTask thread. Fails with CLR_STORE_ERROR_NOT_FOUND for an unknown id and
 * CLR_STORE_ERROR_INVALID when @shipment is not a JSON object, and with
 * CLR_STORE_ERROR_CLAIMED (nothing written) while another program holds
 * the case (clr-store-case-hold.h; so does archiving). */
gboolean    clr_store_save_case          (ClrStore      *self,
                                          gint64         id,
                                          JsonNode      *shipment,
                                          GError       **error);
/* Stores @result (the evaluate --json document) as the case's last result,
 * with its verdict and the time, and appends a "case.evaluate" audit entry
 * (before: the previous verdict; after: the new verdict and findings). The
 * review items its hits name ("review_id", added by the review queue when
 * the shipment was screened) are linked to the case. */
gboolean    clr_store_save_case_result   (ClrStore      *self,
                                          gint64         id,
                                          JsonNode      *result,
                                          GError       **error);
/* A new case holding @shipment with @result saved on it, in one
 * transaction (evaluate --save): a failure or a kill leaves no case
 * behind. Returns the new id, or 0 with @error set. */
gint64      clr_store_save_new_case_result (ClrStore    *self,
                                            JsonNode    *shipment,
                                            JsonNode    *result,
                                            GError     **error);
ClrCase    *clr_store_get_case           (ClrStore      *self,
                                          gint64         id,
                                          GError       **error);
/* Recent cases first (by last save). @search (NULL or "" = all) matches,
 * case-insensitively, the reference, destination, date, last verdict or a
 * party name. @status may be CLR_CASE_STATUS_ANY. @limit 0 = no limit.
 * Returns ClrCase * (element-free set). */
GPtrArray  *clr_store_list_cases         (ClrStore      *self,
                                          const char    *search,
                                          ClrCaseStatus  status,
                                          guint          limit,
                                          GError       **error);
/* A new open case with a copy of @id's shipment (reference suffixed
 * " (copy)"), without its result. Returns the new id or 0. */
gint64      clr_store_duplicate_case     (ClrStore      *self,
                                          gint64         id,
                                          GError       **error);
gboolean    clr_store_set_case_archived  (ClrStore      *self,
                                          gint64         id,
                                          gboolean       archived,
                                          GError       **error);
/* Reads a shipment JSON file (the one clearance-cli evaluate reads) into a
 * new case. Errors name the file (and line/column for malformed JSON);
 * nothing is stored then. Returns the new id or 0. */
gint64      clr_store_import_case        (ClrStore      *self,
                                          const char    *path,
                                          GError       **error);
/* Writes case @id's shipment document to @path (pretty JSON, atomically). */
gboolean    clr_store_export_case        (ClrStore      *self,
                                          gint64         id,
                                          const char    *path,
                                          GError       **error);

/* GTask variants for the GUI (run in a worker thread; the store serialises
 * its connection). @shipment / @result are copied before the call returns. */
void        clr_store_create_case_async       (ClrStore            *self,
                                               JsonNode            *shipment,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64      clr_store_create_case_finish      (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_save_case_async         (ClrStore            *self,
                                               gint64               id,
                                               JsonNode            *shipment,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    clr_store_save_case_finish        (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_save_case_result_async  (ClrStore            *self,
                                               gint64               id,
                                               JsonNode            *result_doc,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    clr_store_save_case_result_finish (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_get_case_async          (ClrStore            *self,
                                               gint64               id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
ClrCase    *clr_store_get_case_finish         (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_list_cases_async        (ClrStore            *self,
                                               const char          *search,
                                               ClrCaseStatus        status,
                                               guint                limit,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray  *clr_store_list_cases_finish       (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_duplicate_case_async    (ClrStore            *self,
                                               gint64               id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64      clr_store_duplicate_case_finish   (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_set_case_archived_async (ClrStore            *self,
                                               gint64               id,
                                               gboolean             archived,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    clr_store_set_case_archived_finish (ClrStore           *self,
                                                GAsyncResult       *result,
                                                GError            **error);
void        clr_store_import_case_async       (ClrStore            *self,
                                               const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64      clr_store_import_case_finish      (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void        clr_store_export_case_async       (ClrStore            *self,
                                               gint64               id,
                                               const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean    clr_store_export_case_finish      (ClrStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
