/* clr-importer.c — format names, import info, detection and dispatch
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-importer.h"

static const struct {
  ClrListFormat format;
  const char   *name;
} format_names[] = {
  { CLR_LIST_FORMAT_CSL_CSV, "csl-csv" },
  { CLR_LIST_FORMAT_CSL_JSON, "csl-json" },
  { CLR_LIST_FORMAT_OFAC_CSV, "ofac-csv" },
  { CLR_LIST_FORMAT_OFAC_XML, "ofac-xml" },
  { CLR_LIST_FORMAT_BIS_DPL, "dpl" },
};

const char *
clr_list_format_to_string (ClrListFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (format_names[i].format == format)
      return format_names[i].name;
  return NULL;
}

gboolean
clr_list_format_from_string (const char    *name,
                             ClrListFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (name, "auto") == 0)
    {
      *format = CLR_LIST_FORMAT_AUTO;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_strcmp0 (format_names[i].name, name) == 0)
      {
        *format = format_names[i].format;
        return TRUE;
      }

  return FALSE;
}

ClrImportInfo *
clr_import_info_new (void)
{
  ClrImportInfo *info = g_new0 (ClrImportInfo, 1);

  info->files = g_ptr_array_new_with_free_func (g_free);
  info->warnings = g_ptr_array_new_with_free_func (g_free);

  return info;
}

void
clr_import_info_free (ClrImportInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->source);
  g_free (info->publication_date);
  g_free (info->sha256);
  g_ptr_array_unref (info->files);
  g_ptr_array_unref (info->warnings);
  g_free (info);
}
