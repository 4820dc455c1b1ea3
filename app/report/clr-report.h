/* clr-report.h — the evidence report of one determination: PDF (cairo) and JSON pack
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CLR_REPORT_ERROR (clr_report_error_quark ())

typedef enum
{
  CLR_REPORT_ERROR_INVALID,   /* the shipment or result document is not usable */
  CLR_REPORT_ERROR_IO,        /* the file cannot be written */
} ClrReportError;

GQuark clr_report_error_quark (void);

#define CLR_TYPE_REPORT (clr_report_get_type ())

G_DECLARE_FINAL_TYPE (ClrReport, clr_report, CLR, REPORT, GObject)

/* A report over the shipment document (as `clearance-cli evaluate` reads it) and the
 * result document (as `evaluate --json` prints it). Both are copied. @author names who
 * produced the report (NULL: the login name); @generated_at NULL means now. Fails with
 * CLR_REPORT_ERROR_INVALID naming the field when a document lacks what an auditor needs
 * (a shipment object, a result with a verdict). */
ClrReport    *clr_report_new                  (JsonNode     *shipment,
                                               JsonNode     *result,
                                               const char   *author,
                                               GDateTime    *generated_at,
                                               GError      **error);

/* The paper the PDF is written on. */
typedef enum
{
  CLR_REPORT_PAPER_A4,
  CLR_REPORT_PAPER_LETTER,
} ClrReportPaper;

/* The paper of a locale name ("en_US.UTF-8", "de_DE"): US Letter for the United
 * States and Canada, A4 otherwise; NULL means the current LC_PAPER locale. */
ClrReportPaper clr_report_paper_for_locale    (const char   *locale);
/* "a4" or "letter" (any case); FALSE for anything else. */
gboolean      clr_report_paper_from_name      (const char   *name,
                                               ClrReportPaper *paper);
/* Width and height of @paper in points. */
void          clr_report_paper_get_size       (ClrReportPaper paper,
                                               double       *width,
                                               double       *height);
/* The paper clr_report_write_pdf() uses; A4 unless set. */
void          clr_report_set_paper            (ClrReport    *self,
                                               ClrReportPaper paper);
ClrReportPaper clr_report_get_paper           (ClrReport    *self);
/* Marks the report as resting on an outdated result: every page says STALE
 * with @reason ("The shipment was edited"); NULL: not stale. */
void          clr_report_set_stale            (ClrReport    *self,
                                               const char   *reason);
const char   *clr_report_get_stale            (ClrReport    *self);
/* Country names beside codes: @countries is clr_rule_pack_list_countries()'s
 * array ([{"code", "name"}, …]); NULL prints codes only. */
void          clr_report_set_countries        (ClrReport    *self,
                                               JsonNode     *countries);
/* SHA-256 (hex) of the compact JSON serialisation of the shipment. */
const char   *clr_report_get_shipment_sha256  (ClrReport    *self);

/* The JSON evidence pack: format tag, generation time and author, the shipment and the
 * result documents with their hashes. (transfer full) */
JsonNode     *clr_report_build_evidence_pack  (ClrReport    *self);
gboolean      clr_report_write_evidence_pack  (ClrReport    *self,
                                               const char   *path,
                                               GError      **error);

/* Lays the report out for pages of @width × @height points (as a print context gives
 * them), measuring text with @cr; returns the number of pages. */
guint         clr_report_paginate             (ClrReport    *self,
                                               cairo_t      *cr,
                                               double        width,
                                               double        height);
/* Draws page @page (0-based) of the last pagination onto @cr. */
void          clr_report_draw_page            (ClrReport    *self,
                                               cairo_t      *cr,
                                               guint         page);
/* The report's text, one block per line, as the PDF prints it (without the
 * page furniture). (transfer full) */
char         *clr_report_to_text              (ClrReport    *self);
/* Writes a PDF on the report's paper. Atomic: an existing file is replaced only when the new one is
 * complete. */
gboolean      clr_report_write_pdf            (ClrReport    *self,
                                               const char   *path,
                                               GError      **error);

G_END_DECLS
