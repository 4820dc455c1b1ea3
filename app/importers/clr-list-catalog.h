/* clr-list-catalog.h — the list catalogue (data/lists/lists.json, compiled
 * in; format in docs/list-formats.md): every list the importers know, the
 * built-in sources that publish them, and the OFAC programme → list map
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *code;          /* "EL" */
  const char *name;          /* "Entity List" */
  const char *agency;        /* "BIS" */
  const char *url;           /* the list's official page */
  gboolean    derive_aliases;/* names carry affiliates/acronyms/cities (BIS lists) */
  const char *source;        /* the built-in source that publishes it on its own
                              * ("ofac-sdn"), NULL when only the CSL carries it */
} ClrListInfo;

/* A built-in list source: the row the store keeps for it in list_source. */
typedef struct
{
  const char *id;            /* "bis-dpl" */
  const char *label;
  const char *url;           /* download address */
  const char *info_url;      /* the agency's page about the list */
  const char *format;        /* importer format name ("dpl") */
  int         position;      /* sort order among the built-in sources */
} ClrBuiltinSource;

typedef struct _ClrListCatalog ClrListCatalog;

/* The bundled catalogue, loaded and checked on first use; owned by the
 * library, never freed. */
ClrListCatalog         *clr_list_catalog_get_default    (void);
/* Parses and checks a catalogue; errors (CLR_ENGINE_ERROR_INVALID_INPUT)
 * name @name and the missing or wrong key ("lists[3]: key “url” is missing"). */
ClrListCatalog         *clr_list_catalog_new_from_bytes (GBytes          *bytes,
                                                         const char      *name,
                                                         GError         **error);
void                    clr_list_catalog_free           (ClrListCatalog  *catalog);

/* ClrListInfo*, in file order; owned by @catalog. */
GPtrArray              *clr_list_catalog_get_lists      (ClrListCatalog  *catalog);
/* ClrBuiltinSource*, in file order; owned by @catalog. */
GPtrArray              *clr_list_catalog_get_sources    (ClrListCatalog  *catalog);
const ClrListInfo      *clr_list_catalog_find_list      (ClrListCatalog  *catalog,
                                                         const char      *code);
const ClrBuiltinSource *clr_list_catalog_find_source    (ClrListCatalog  *catalog,
                                                         const char      *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ClrListCatalog, clr_list_catalog_free)

G_END_DECLS
