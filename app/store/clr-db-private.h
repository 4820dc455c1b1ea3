/* clr-db-private.h — what each engine of clr-db.h implements
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-db.h"

G_BEGIN_DECLS

/* An engine: one table of functions, the only place the engines differ. */
typedef struct
{
  ClrDbEngine  engine;
  const char  *migrations_dialect;   /* sql/<this>/ overrides, or NULL */

  void         (*close)              (ClrDb *db, gboolean checkpoint);
  gboolean     (*exec)               (ClrDb *db, const char *sql);
  ClrDbStmt   *(*prepare)            (ClrDb *db, const char *sql);
  gboolean     (*in_transaction)     (ClrDb *db);
  gboolean     (*begin_write)        (ClrDb *db);
  int          (*get_schema_version) (ClrDb *db);
  gboolean     (*set_schema_version) (ClrDb *db, int version);
  gboolean     (*check_integrity)    (ClrDb *db, char **problem);
  gboolean     (*sync_id_sequence)   (ClrDb *db, const char *table);
  gboolean     (*notify)             (ClrDb *db, const char *channel, const char *payload);

  void         (*bind_text)          (ClrDbStmt *stmt, int index, const char *value);
  void         (*bind_int64)         (ClrDbStmt *stmt, int index, gint64 value);
  void         (*bind_double)        (ClrDbStmt *stmt, int index, double value);
  void         (*bind_null)          (ClrDbStmt *stmt, int index);
  ClrDbStep    (*step)               (ClrDbStmt *stmt);
  const char  *(*column_text)        (ClrDbStmt *stmt, int column);
  gint64       (*column_int64)       (ClrDbStmt *stmt, int column);
  double       (*column_double)      (ClrDbStmt *stmt, int column);
  gboolean     (*column_is_null)     (ClrDbStmt *stmt, int column);
  int          (*column_count)       (ClrDbStmt *stmt);
  const char  *(*column_name)        (ClrDbStmt *stmt, int column);
  ClrDbColumnKind (*column_kind)     (ClrDbStmt *stmt, int column);
  void         (*reset)              (ClrDbStmt *stmt);
  void         (*clear_bindings)     (ClrDbStmt *stmt);
  void         (*stmt_free)          (ClrDbStmt *stmt);
} ClrDbEngineFuncs;

/* The start of every engine's connection struct. */
struct _ClrDb
{
  const ClrDbEngineFuncs *funcs;
  gboolean                connected;
  ClrDbFailure            failure;
  char                   *message;
  gint64                  changes;
  int                     busy_timeout_ms;
};

/* The start of every engine's statement struct. */
struct _ClrDbStmt
{
  ClrDb *db;
};

/* Keeps @failure and a copy of @message as the connection's last failure. */
void    _clr_db_set_failure (ClrDb        *db,
                             ClrDbFailure  failure,
                             const char   *message);
void    _clr_db_clear_failure (ClrDb      *db);

/* Each engine's opening: fills the ClrDb it allocates (never NULL). */
ClrDb  *_clr_db_sqlite_open     (const char *path,
                                 gboolean    read_only,
                                 int         busy_timeout_ms);
ClrDb  *_clr_db_postgresql_open (const char *conninfo,
                                 int         busy_timeout_ms);

G_END_DECLS
