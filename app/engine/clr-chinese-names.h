/* clr-chinese-names.h — the Chinese-script names of listed entities (chinese-names.json)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clr-normalize.h"

G_BEGIN_DECLS

typedef struct
{
  guint  index;     /* 1-based row number in the file */
  char  *zh;        /* the Chinese name as written */
  char  *en;        /* the list entry's name or alias as published */
  char  *en_key;    /* @en normalised (clr_normalizer_normalize) */
  char  *list;      /* "EL", "MEU", "CMIC" … */
  char  *source;
  char  *source_url;
} ClrChineseRow;

typedef struct
{
  guint    row;     /* index into the table's rows */
  gboolean exact;   /* equal, else one character off */
  char    *key;     /* the table spelling it matched, legal forms removed */
} ClrChineseMatch;

typedef struct _ClrChineseNames ClrChineseNames;

/* The table compiled into the engine. Transfer none; thread-safe. */
ClrChineseNames     *clr_chinese_names_get_default (void);
/* Parses a chinese-names.json; errors name the file and the field. */
ClrChineseNames     *clr_chinese_names_new         (GBytes             *bytes,
                                                    ClrNormalizer      *norm,
                                                    GError            **error);
void                 clr_chinese_names_free        (ClrChineseNames    *self);
guint                clr_chinese_names_get_n_rows  (ClrChineseNames    *self);
const ClrChineseRow *clr_chinese_names_get_row     (ClrChineseNames    *self,
                                                    guint               row);
/* Whether @text has Han characters (a query worth looking up). */
gboolean             clr_chinese_names_applies     (const char         *text);
/* The rows @query names: equal to a row's name or alias once legal forms,
 * punctuation and spaces are removed, or one character off for names of 6
 * characters or more. Appends ClrChineseMatch (free their keys) to @out,
 * each row once, exact matches preferred. */
void                 clr_chinese_names_lookup      (ClrChineseNames    *self,
                                                    const char         *query,
                                                    GArray             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrChineseNames, clr_chinese_names_free)

G_END_DECLS
