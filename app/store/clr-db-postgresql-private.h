/* clr-db-postgresql-private.h — the PostgreSQL engine's text work
 * (clr-db-postgresql-sql.c), for clr-db-postgresql.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* SQLite's largest parameter number. */
#define CLR_DB_PG_MAX_PARAMS 32766

/* How a parameter is used where it was. */
typedef enum
{
  CLR_DB_PG_REF_VALUE,        /* as a value: "$N" (or NULL) */
  CLR_DB_PG_REF_IS_NULL,      /* "?N IS NULL": TRUE or FALSE, as bound */
  CLR_DB_PG_REF_IS_NOT_NULL,  /* "?N IS NOT NULL" */
} ClrDbPgRefKind;

/* Where a parameter was in the rewritten SQL text. */
typedef struct
{
  gsize          offset;  /* in the text _clr_db_pg_rewrite_sql () returns */
  int            index;   /* 1-based */
  ClrDbPgRefKind kind;
} ClrDbPgParamRef;

/* @sql for PostgreSQL: LIKE as ILIKE and, when @refs is not NULL, each
 * "?N" or "?" cut out of the text and recorded in @refs (ClrDbPgParamRef;
 * a bare "?" takes the number after the largest so far, as in SQLite), the
 * largest in *@n_params, "IS [NOT] ?N" as "IS [NOT] DISTINCT FROM" and a
 * negative "LIMIT ?N" (none in SQLite) or "OFFSET ?N" (0) made so. A
 * "?N IS [NOT] NULL" test (after "(", ",", AND, OR, NOT, WHEN, WHERE…) is
 * cut out whole, to be answered from the binding: the server cannot type
 * a parameter used both there and as a value.
 * String literals, quoted names, comments and dollar-quoted bodies stay as
 * they are. NULL with *@problem set for a parameter number out of range. */
char   *_clr_db_pg_rewrite_sql    (const char  *sql,
                                   GArray      *refs,
                                   int         *n_params,
                                   char       **problem);
/* @message (libpq's, about @conninfo) without @conninfo's password,
 * whether libpq could read the address or not. */
char   *_clr_db_pg_scrub_password (const char  *message,
                                   const char  *conninfo);

G_END_DECLS
