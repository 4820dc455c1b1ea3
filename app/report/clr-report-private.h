/* clr-report-private.h — ClrReport's blocks and struct, shared by its two files
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-report.h"
#include "clr-verdict-style.h"

G_BEGIN_DECLS

/* A4 and US Letter in points, and the page furniture. */
#define A4_WIDTH      595.276
#define A4_HEIGHT     841.890
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0
#define MARGIN        48.0
#define FOOTER        24.0
#define STALE_BAND    22.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_HEADING,
  BLOCK_TEXT,
  BLOCK_SMALL,
  BLOCK_MONO,
  BLOCK_BANNER,
  BLOCK_SIGNATURE,
} BlockKind;

#define SIGNATURE_LINE "________________________________________"

typedef struct
{
  BlockKind  kind;
  char      *markup;
  double     indent;
  ClrVerdict verdict;    /* BLOCK_BANNER only */
  double     height;     /* measured by paginate */
} Block;

struct _ClrReport
{
  GObject     parent_instance;

  JsonNode   *shipment;
  JsonNode   *result;
  char       *author;
  GDateTime  *generated_at;
  char       *shipment_sha256;
  char       *result_sha256;
  ClrReportPaper paper;
  char       *stale;      /* why the result is outdated, or NULL */
  GHashTable *countries;  /* ISO-2 → name, or NULL */

  GArray     *blocks;     /* Block */
  GArray     *pages;      /* guint: index of the first block of each page */
  double      width;
  double      height;
};

/* Fills self->blocks from the documents (clr-report.c). */
void _clr_report_build_blocks (ClrReport *self);

G_END_DECLS
