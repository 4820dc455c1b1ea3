/* clr-store-private.h — shared by the store's own files, never by its users
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include "clr-db.h"

#include "clr-store.h"

G_BEGIN_DECLS


/* Every record the store returns (ClrCase, ClrAuditEntry, ClrReviewItem,
 * ClrListVersion…) is one kind of boxed type: a struct with a
 * "gint ref_count", made with g_new0() and ref_count 1, shared with
 * type_name_ref() and freed by type_name_unref() when the last reference
 * goes: @clear_func (a static void function of the record) frees its
 * members first. This defines the GType, _ref() and _unref(). */
#define CLR_STORE_DEFINE_RECORD(TypeName, type_name, clear_func) \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_ref, type_name##_unref) \
  \
  TypeName * \
  type_name##_ref (TypeName *self) \
  { \
    g_return_val_if_fail (self != NULL, NULL); \
    g_atomic_int_inc (&self->ref_count); \
    return self; \
  } \
  \
  void \
  type_name##_unref (TypeName *self) \
  { \
    g_return_if_fail (self != NULL); \
    if (!g_atomic_int_dec_and_test (&self->ref_count)) \
      return; \
    clear_func (self); \
    g_free (self); \
  }

/* How a record member is read from a statement column, and freed. */
typedef enum
{
  CLR_STORE_COLUMN_SKIP,          /* read by the record's own code */
  CLR_STORE_COLUMN_TEXT,          /* char *: a copy, or NULL */
  CLR_STORE_COLUMN_NONEMPTY_TEXT, /* the same, NULL for "" too */
  CLR_STORE_COLUMN_STRV,          /* GStrv from a JSON array of strings; never NULL */
  CLR_STORE_COLUMN_INT64,         /* gint64 (or a guint64 count) */
  CLR_STORE_COLUMN_ID,            /* gint64; in JSON null when not positive */
  CLR_STORE_COLUMN_DOUBLE,        /* double */
  CLR_STORE_COLUMN_BOOLEAN,       /* gboolean: the column is not 0 */
  CLR_STORE_COLUMN_JSON,          /* JsonNode *: the text parsed; NULL when NULL or not JSON */
  CLR_STORE_COLUMN_JSON_OR_TEXT,  /* the same, but text that is not JSON is kept as a string */
} ClrStoreColumnKind;

/* The record member that column i of a query fills is @columns[i]; in
 * JSON it is the member @name. */
typedef struct
{
  ClrStoreColumnKind kind;
  gsize              offset;
  const char        *name;
} ClrStoreColumn;

#define CLR_STORE_COLUMN(kind, Type, member) { CLR_STORE_COLUMN_##kind, G_STRUCT_OFFSET (Type, member), #member }
#define CLR_STORE_COLUMN_SKIPPED { CLR_STORE_COLUMN_SKIP, 0, NULL }

/* Fills the members of @record from the current row of @stmt. */
void          _clr_store_read_columns  (gpointer              record,
                                        const ClrStoreColumn *columns,
                                        guint                 n_columns,
                                        ClrDbStmt            *stmt);
/* Copies the members of @source into @dest (text and JSON copied). */
void          _clr_store_copy_columns  (gpointer              dest,
                                        gconstpointer         source,
                                        const ClrStoreColumn *columns,
                                        guint                 n_columns);
/* Adds the members of @record to the object @builder is in, named as
 * their members, in column order. */
void          _clr_store_add_columns_json (JsonBuilder          *builder,
                                           gconstpointer         record,
                                           const ClrStoreColumn *columns,
                                           guint                 n_columns);
/* Frees the text and JSON members of @record (not @record). */
void          _clr_store_clear_columns (gpointer              record,
                                        const ClrStoreColumn *columns,
                                        guint                 n_columns);
/* The same, then @record (a plain g_new0() struct; NULL is ignored). */
void          _clr_store_free_columns  (gpointer              record,
                                        const ClrStoreColumn *columns,
                                        guint                 n_columns);

/* One connection per ClrStore, serialised by a mutex: take the lock around
 * every use of the handle, from whatever thread. */
ClrDb        *_clr_store_get_db     (ClrStore      *self);
void          _clr_store_lock       (ClrStore      *self);
void          _clr_store_unlock     (ClrStore      *self);

/* Records, inside a write transaction, a short description of what it
 * does ("review.decide review 12"): named to the user if the commit turns
 * out to have gone into a WAL file another program deleted. */
void          _clr_store_note_action (ClrStore     *self,
                                      const char   *description);

/* Records, inside a write transaction, that review item @review_id was
 * decided: ClrStore::review-decided is emitted for it once the transaction
 * commits (nothing if it rolls back). */
void          _clr_store_note_review_decided (ClrStore   *self,
                                              gint64      case_id,
                                              gint64      review_id,
                                              const char *decision);

/* The channel a team server's stores announce their changes on. */
#define CLR_STORE_CHANNEL "clearance"

/* Records, inside a write transaction, a change that other programs using
 * the same team database should hear about: @action (an audit action or
 * "case.save"), the case (0 for none), the subject and, for a review
 * decision, the decision. Announced when the transaction commits; nothing
 * on SQLite. */
void          _clr_store_note_change (ClrStore   *self,
                                      const char *action,
                                      gint64      case_id,
                                      const char *subject,
                                      const char *decision);
/* The same for the thing numbered @id (a case, a review item). */
void          _clr_store_note_change_of (ClrStore   *self,
                                         const char *action,
                                         gint64      case_id,
                                         gint64      id,
                                         const char *decision);
/* clr-store-announce.c: an announcement's text (JSON), and this store's
 * name in them, its watch and the context its signals go to. */
char         *_clr_store_change_to_payload (const char *from,
                                            const char *by,
                                            const char *action,
                                            gint64      case_id,
                                            const char *subject,
                                            const char *decision);
const char   *_clr_store_get_instance_id   (ClrStore   *self);
ClrDbWatch  **_clr_store_get_watch_slot    (ClrStore   *self);
GMainContext *_clr_store_get_owner_context (ClrStore   *self);

/* clr-store-lease.c: the leases (case holds, review claims). Runs @sql, a
 * query of the unexpired lease on row ?1 as of ?2 (now): the statement on
 * the lease's row; NULL when there is none, or with *@failed and @error
 * set (prefixed with @what) when reading failed. The lock is held. */
ClrDbStmt    *_clr_store_lease_find (ClrStore    *self,
                                     const char  *sql,
                                     gint64       id,
                                     const char  *what,
                                     gboolean    *failed,
                                     GError     **error);
/* Binds who takes a lease for @seconds from now to parameters @first to
 * @first + 3 of @stmt: the display name (@holder, NULL: the store's
 * reviewer), the user, now and the expiry. */
void          _clr_store_lease_bind (ClrStore    *self,
                                     ClrDbStmt   *stmt,
                                     int          first,
                                     const char  *holder,
                                     int          seconds);

/* The user recorded with decisions, claims and audit entries: the OS user
 * name for a file; the role the session logged in as on a server. */
const char   *_clr_store_get_user   (ClrStore      *self);

/* Sets @error from the connection's last error, prefixed with @what. */
void          _clr_store_set_error  (ClrStore      *self,
                                     GError       **error,
                                     const char    *what);
gboolean      _clr_store_exec       (ClrStore      *self,
                                     const char    *sql,
                                     GError       **error);
ClrDbStmt *_clr_store_prepare    (ClrStore      *self,
                                     const char    *sql,
                                     GError       **error);
/* Runs @stmt (a statement that returns no rows); FALSE with @error set
 * from the connection, prefixed with @what, unless it is done. */
gboolean      _clr_store_step_done  (ClrStore      *self,
                                     ClrDbStmt     *stmt,
                                     const char    *what,
                                     GError       **error);
/* Runs @stmt, an INSERT … RETURNING id, to its end: the new row's id, or
 * 0 with @error set from the connection, prefixed with @what. */
gint64        _clr_store_step_returning_id (ClrStore   *self,
                                            ClrDbStmt  *stmt,
                                            const char *what,
                                            GError    **error);
/* Prepares @sql, binds @id to ?1 and steps it: the statement on its first
 * row; NULL with @error set when reading failed (prefixed with @what) or
 * there is no row (CLR_STORE_ERROR_NOT_FOUND: @not_found and what
 * follows, as printf() would). The caller holds the lock. */
ClrDbStmt    *_clr_store_get_row    (ClrStore      *self,
                                     const char    *sql,
                                     gint64         id,
                                     const char    *what,
                                     GError       **error,
                                     const char    *not_found,
                                     ...) G_GNUC_PRINTF (6, 7);
/* Makes a record of the current row of a statement. */
typedef gpointer (*ClrStoreRowFunc) (ClrDbStmt *stmt);
/* Steps @stmt (a query; NULL when preparing it failed and set @error)
 * to its end: what @row_func makes of each row, in an array that frees
 * them with @free_func; NULL with @error set from the connection,
 * prefixed with @what, when a step fails. The caller holds the lock. */
GPtrArray    *_clr_store_collect_rows (ClrStore       *self,
                                       ClrDbStmt      *stmt,
                                       ClrStoreRowFunc row_func,
                                       GDestroyNotify  free_func,
                                       const char     *what,
                                       GError        **error);
/* The meta table's small named values (the audit head, the re-screening
 * marker); the caller holds the lock. Sets *@value to NULL when @key has
 * none; fails with @error prefixed with @what. */
gboolean      _clr_store_get_meta   (ClrStore      *self,
                                     const char    *key,
                                     char         **value,
                                     const char    *what,
                                     GError       **error);
/* Sets meta value @key to @value; fails with @error prefixed with @what. */
gboolean      _clr_store_set_meta   (ClrStore      *self,
                                     const char    *key,
                                     const char    *value,
                                     const char    *what,
                                     GError       **error);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; rollback never fails loudly. */
gboolean      _clr_store_begin      (ClrStore      *self,
                                     GError       **error);
gboolean      _clr_store_commit     (ClrStore      *self,
                                     GError       **error);
void          _clr_store_rollback   (ClrStore      *self);
/* A write: takes the lock and begins (the lock is released again when that
 * fails); _end() commits when @ok (else, or when the commit fails, rolls
 * back) and releases the lock. @error is only set by a failed commit:
 * when !@ok the work that failed has set it. */
gboolean      _clr_store_write_begin (ClrStore     *self,
                                      GError      **error);
/* The same for a caller that holds the lock already (released when
 * beginning fails). */
gboolean      _clr_store_write_begin_locked (ClrStore  *self,
                                             GError   **error);
gboolean      _clr_store_write_end  (ClrStore      *self,
                                     gboolean       ok,
                                     GError       **error);

/* A LIKE pattern (ESCAPE '\\') that finds @search anywhere. */
char         *_clr_store_like_pattern (const char   *search);

/* The store's enums as the words stored and printed: @names[@value], or
 * NULL when @value is out of range; and the value named @text (looked for
 * from index @first), or -1. */
const char   *_clr_store_enum_name   (const char * const *names,
                                      guint               n_names,
                                      guint               value);
int           _clr_store_enum_find   (const char * const *names,
                                      guint               n_names,
                                      guint               first,
                                      const char         *text);

/* Text column helper: a copy of column @col or NULL. */
char         *_clr_stmt_dup_text    (ClrDbStmt     *stmt,
                                     int            col);

/* The summary of an evaluation result that its case.evaluate audit entry
 * records as "after" (verdict, as of, posture, reference, findings, data). */
JsonNode     *_clr_store_case_result_summary (JsonNode *result);

/* Brings the built-in rows of list_source in line with the list catalogue
 * (clr-store-sources.c); the lock is held. */
gboolean      _clr_store_seed_builtin_sources (ClrStore  *self,
                                               GError   **error);

/* The schema (clr-store-schema.c), used while opening; the lock is held.
 * PRAGMA user_version, or -1 with @error set. */
int           _clr_store_read_user_version (ClrStore  *self,
                                            GError   **error);
/* PRAGMA quick_check: FALSE (CLR_STORE_ERROR_CORRUPT) unless "ok". */
gboolean      _clr_store_check_integrity (ClrStore  *self,
                                          GError   **error);
/* FALSE (CLR_STORE_ERROR_NEWER_SCHEMA) when @version is above @latest. */
gboolean      _clr_store_check_not_newer (ClrStore  *self,
                                          int        version,
                                          int        latest,
                                          GError   **error);
/* Applies the migrations the database lacks, in one transaction, and sets
 * *@schema_version to the version it then has. */
gboolean      _clr_store_migrate    (ClrStore  *self,
                                     int       *schema_version,
                                     GError   **error);

/* Current UTC time as ISO 8601 ("2026-11-28T15:18:44Z"). */
char         *_clr_store_now_iso    (void);

G_END_DECLS
