/* clr-importer-private.h — shared internals of the list parsers
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "clr-engine-error.h"
#include "clr-importer.h"
#include "clr-list-catalog.h"

G_BEGIN_DECLS

/* Limits that keep memory bounded whatever the input. */
#define CLR_IMPORT_MAX_NAME    4096               /* bytes in a name or alias */
#define CLR_IMPORT_MAX_FIELD   (1024 * 1024)      /* bytes in one field */
#define CLR_IMPORT_MAX_RECORD  (4 * 1024 * 1024)  /* bytes in one record */
#define CLR_IMPORT_MAX_FIELDS  256                /* fields in one record */
#define CLR_IMPORT_MAX_WARNINGS 1000              /* warnings listed per import */

/* ---------------------------------------------------------------------------
 * ClrImportReader: a buffered byte reader over one input stream that counts
 * lines, hashes every byte (SHA-256), reports progress and checks the
 * cancellable once per buffer.
 * ------------------------------------------------------------------------ */
typedef struct _ClrImportReader ClrImportReader;

ClrImportReader *clr_import_reader_new          (GInputStream          *stream,
                                                 const char            *display_name,
                                                 guint64                total,
                                                 ClrImportProgressFunc  progress,
                                                 gpointer               progress_data,
                                                 GCancellable          *cancellable);
ClrImportReader *clr_import_reader_open         (const char            *path,
                                                 ClrImportProgressFunc  progress,
                                                 gpointer               progress_data,
                                                 GCancellable          *cancellable,
                                                 GError               **error);
void             clr_import_reader_free         (ClrImportReader       *reader);
const char      *clr_import_reader_get_name     (ClrImportReader       *reader);
gint64           clr_import_reader_get_line     (ClrImportReader       *reader);
guint64          clr_import_reader_get_offset   (ClrImportReader       *reader);
/* Hex SHA-256 of every byte read so far (call after reading to the end). */
char            *clr_import_reader_dup_sha256   (ClrImportReader       *reader);
/* Reads the rest of the stream (so the hash covers the whole file). */
gboolean         clr_import_reader_drain        (ClrImportReader       *reader,
                                                 GError               **error);
/* Next byte (0..255), -1 at the end of the stream, -2 on error. Counts '\n'. */
int              clr_import_reader_getc         (ClrImportReader       *reader,
                                                 GError               **error);
/* Peek the next byte without consuming it; same return values. */
int              clr_import_reader_peek         (ClrImportReader       *reader,
                                                 GError               **error);
/* Up to @max bytes of raw input (for feeding GMarkup). 0 at the end, -1 on error. */
gssize           clr_import_reader_read_chunk   (ClrImportReader       *reader,
                                                 const char           **data,
                                                 gsize                  max,
                                                 GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrImportReader, clr_import_reader_free)

/* ---------------------------------------------------------------------------
 * CSV / TSV records (RFC 4180 quoting, quoted newlines, CRLF, a trailing
 * 0x1A byte, invalid UTF-8 decoded as Windows-1252 with a warning).
 * ------------------------------------------------------------------------ */
typedef struct
{
  GPtrArray *fields;       /* char *, UTF-8 */
  gint64     line;         /* line the record starts on */
  gboolean   recoded;      /* some bytes were not UTF-8 and were decoded as Windows-1252 */
} ClrCsvRecord;

void      clr_csv_record_init   (ClrCsvRecord    *record);
void      clr_csv_record_clear  (ClrCsvRecord    *record);
/* FALSE with no error at the end of input. */
gboolean  clr_csv_read_record   (ClrImportReader *reader,
                                 char             delimiter,
                                 ClrCsvRecord    *record,
                                 GError         **error);
/* The header, the first record: at the end of input the error is that
 * @file is empty. */
gboolean  clr_csv_read_header   (ClrImportReader *reader,
                                 char             delimiter,
                                 ClrCsvRecord    *record,
                                 const char      *file,
                                 GError         **error);
const char *clr_csv_field       (ClrCsvRecord    *record,
                                 guint            index);

/* ---------------------------------------------------------------------------
 * Helpers shared by the format parsers.
 * ------------------------------------------------------------------------ */
void      clr_import_set_error        (GError         **error,
                                       gint             code,
                                       const char      *file,
                                       gint64           line,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (5, 6);
void      clr_import_warn             (ClrImportInfo   *info,
                                       ClrEntry        *entry,
                                       const char      *file,
                                       gint64           line,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (5, 6);
/* Windows-1252 → UTF-8 (every byte maps; undefined ones become U+FFFD). */
char     *clr_import_recode_cp1252    (const char      *data,
                                       gsize            len);
/* TRUE when @text is a plausible YYYY-MM-DD (a real calendar date, year 1776–2199). */
gboolean  clr_import_date_is_valid    (const char      *text);
/* Normalises "MM/DD/YYYY" to YYYY-MM-DD; returns NULL when @text is not in that shape. */
char     *clr_import_date_from_mdy    (const char      *text);
/* Stores @text (stripped; NULL when empty) as a date field, warning when it is
 * not a valid date. */
void      clr_import_set_date         (ClrImportInfo   *info,
                                       ClrEntry        *entry,
                                       char           **field,
                                       const char      *label,
                                       const char      *text,
                                       const char      *file,
                                       gint64           line);
/* g_strstrip'ed copy, NULL when empty or NULL. */
char     *clr_import_dup_field        (const char      *text);
/* Checks names and aliases against CLR_IMPORT_MAX_NAME. */
gboolean  clr_import_check_entry      (ClrEntry        *entry,
                                       const char      *file,
                                       gint64           line,
                                       GError         **error);
/* Parses "FILE:LINE:" alias helpers out of OFAC remarks ("a.k.a. 'X'"). */
void      clr_import_aliases_from_remarks (ClrEntry    *entry,
                                           const char  *remarks);

/* Duplicate-id bookkeeping for one file. */
typedef struct _ClrImportDedup ClrImportDedup;
ClrImportDedup *clr_import_dedup_new  (void);
void            clr_import_dedup_free (ClrImportDedup *dedup);
/* Returns TRUE when @entry is new (deliver it), FALSE when it repeats an
 * earlier one (skip it; a warning was added) — or FALSE with @error set when
 * an entry with the same list and id says something different. */
gboolean        clr_import_dedup_check (ClrImportDedup *dedup,
                                        ClrEntry       *entry,
                                        ClrImportInfo  *info,
                                        const char     *file,
                                        GError        **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrImportDedup, clr_import_dedup_free)

/* ---------------------------------------------------------------------------
 * The list catalogue (clr-list-catalog.c, data/lists/lists.json) and the
 * other data tables (clr-list-table.c)
 * ------------------------------------------------------------------------ */

/* A CSL `source` value ("Entity List (EL) - Bureau of Industry and Security")
 * → the list. Unknown sources get a list built from the text (code in
 * parentheses, agency after " - "), which stays valid until @free is called. */
const ClrListInfo *clr_list_info_for_csl_source (const char   *source,
                                                 ClrListInfo  *scratch,
                                                 GPtrArray    *strings);
const ClrListInfo *clr_list_info_for_code       (const char   *code);
/* OFAC non-SDN entries: the list their programs put them on. */
const ClrListInfo *clr_list_info_for_ofac_programs (GPtrArray *programs,
                                                    gboolean   sdn);
/* OFAC/English country name ("Korea, North", "Burma") → ISO-2, or NULL. */
const char *clr_country_code_for_name (const char *name);
/* Adds the aliases derived from an Entity-List-style name: the party after an
 * "Affiliated Entity:" label, the name without a trailing acronym or city, the
 * acronym itself. */
void        clr_import_derive_aliases (ClrEntry   *entry);

/* ---------------------------------------------------------------------------
 * Format parsers
 * ------------------------------------------------------------------------ */
typedef struct
{
  const char            *path;          /* NULL for stream input */
  const char            *display_name;  /* file name used in messages */
  ClrEntryFunc           func;
  gpointer               user_data;
  ClrImportProgressFunc  progress;
  gpointer               progress_data;
  ClrImportInfo         *info;
  GCancellable          *cancellable;
  guint64                names;         /* primary names + published aliases */
} ClrImportJob;

gboolean  clr_import_deliver     (ClrImportJob     *job,
                                  ClrEntry         *entry,
                                  ClrImportDedup   *dedup,
                                  guint             published_aliases,
                                  GError          **error);

gboolean  clr_import_csl_csv     (ClrImportJob     *job,
                                  ClrImportReader  *reader,
                                  GError          **error);
gboolean  clr_import_csl_json    (ClrImportJob     *job,
                                  ClrImportReader  *reader,
                                  GError          **error);
/* @reader is the main file (sdn.csv / cons_prim.csv); siblings are opened
 * from job->path's folder when job->path is set. */
gboolean  clr_import_ofac_csv    (ClrImportJob     *job,
                                  ClrImportReader  *reader,
                                  GError          **error);
gboolean  clr_import_ofac_xml    (ClrImportJob     *job,
                                  ClrImportReader  *reader,
                                  GError          **error);
gboolean  clr_import_bis_dpl     (ClrImportJob     *job,
                                  ClrImportReader  *reader,
                                  GError          **error);

G_END_DECLS
