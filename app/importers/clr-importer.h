/* clr-importer.h — streaming parsers for the list files agencies publish
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clr-entry.h"

G_BEGIN_DECLS

typedef enum
{
  CLR_LIST_FORMAT_AUTO = 0,   /* detect from content (and, as a hint only, the file name) */
  CLR_LIST_FORMAT_CSL_CSV,    /* trade.gov consolidated.csv, 29 or 28 columns */
  CLR_LIST_FORMAT_CSL_JSON,   /* trade.gov consolidated.json {"results": [...]} */
  CLR_LIST_FORMAT_OFAC_CSV,   /* sdn.csv (+ add.csv, alt.csv, sdn_comments.csv) or cons_prim.csv set */
  CLR_LIST_FORMAT_OFAC_XML,   /* sdn.xml / consolidated.xml (sdnList schema) */
  CLR_LIST_FORMAT_BIS_DPL,    /* BIS Denied Persons List dpl.txt */
} ClrListFormat;

/* "csl-csv", "csl-json", "ofac-csv", "ofac-xml", "dpl"; NULL for AUTO. */
const char    *clr_list_format_to_string   (ClrListFormat  format);
/* Also accepts "auto"; returns FALSE for an unknown name. */
gboolean       clr_list_format_from_string (const char    *name,
                                            ClrListFormat *format);

/* Called once per record, in file order. Return FALSE (and set @error) to stop. */
typedef gboolean (*ClrEntryFunc) (ClrEntry  *entry,
                                  gpointer   user_data,
                                  GError   **error);

/* Progress: bytes consumed so far and the total (0 when unknown). May be called
 * from the importing thread; keep it cheap. */
typedef void (*ClrImportProgressFunc) (guint64  done,
                                       guint64  total,
                                       gpointer user_data);

typedef struct
{
  ClrListFormat  format;            /* the format used (detected or forced) */
  char          *source;            /* "csl", "ofac-sdn", "ofac-nonsdn", "bis-dpl" */
  char          *publication_date;  /* YYYY-MM-DD when the file states one, else NULL */
  GPtrArray     *files;             /* char *: every file read (sdn.csv and its siblings) */
  char          *sha256;            /* hex; of the one file, or of the files' hashes in order */
  guint64        records;           /* records delivered to the callback */
  GPtrArray     *warnings;          /* char *: "FILE:LINE: message", data problems kept as text */
  guint64        names;             /* primary names + aliases as published (before the
                                     * aliases the importer derives from Entity List names) */
} ClrImportInfo;

ClrImportInfo *clr_import_info_new   (void);
void           clr_import_info_free  (ClrImportInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrImportInfo, clr_import_info_free)

/* Detect the format of @path from its first bytes. Errors name the file. */
/* The list codes a built-in source ("ofac-nonsdn") publishes on its own;
 * an empty vector for a source whose lists the importers do not catalogue. */
char         **clr_list_codes_for_source (const char *source_id);

gboolean       clr_importer_detect   (const char    *path,
                                      ClrListFormat *format,
                                      GError       **error);

/* Stream @path (and, for OFAC CSV, its sibling files in the same folder)
 * through @func. Memory does not grow with the file. On a parse error the
 * error names the file, the line (or record) and the reason, and the caller
 * must discard what it received (the store does so by rolling back). */
gboolean       clr_importer_run      (const char            *path,
                                      ClrListFormat          format,
                                      ClrEntryFunc           func,
                                      gpointer               user_data,
                                      ClrImportProgressFunc  progress,
                                      gpointer               progress_data,
                                      ClrImportInfo         *info,
                                      GCancellable          *cancellable,
                                      GError               **error);

/* Detect the format of a file from its first bytes (@data, @len); @name is
 * used in messages only. */
gboolean       clr_importer_detect_data (const guint8  *data,
                                         gsize          len,
                                         const char    *name,
                                         ClrListFormat *format,
                                         GError       **error);

/* Like clr_importer_run() on an open stream (fuzzing, downloads). @name is
 * the file name used in messages and, for OFAC files, to tell the SDN set
 * from the non-SDN set ("cons_prim.csv", "consolidated.xml"). OFAC CSV
 * siblings are not read. @format AUTO detects from the first bytes. */
gboolean       clr_importer_run_stream  (GInputStream          *stream,
                                         const char            *name,
                                         ClrListFormat          format,
                                         ClrEntryFunc           func,
                                         gpointer               user_data,
                                         ClrImportInfo         *info,
                                         GCancellable          *cancellable,
                                         GError               **error);

G_END_DECLS
