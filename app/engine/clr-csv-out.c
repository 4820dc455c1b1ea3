/* clr-csv-out.c — one cell of CSV output, safe to open in a spreadsheet
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-csv-out.h"

gboolean
clr_csv_needs_neutralising (const char *value)
{
  return value != NULL && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

static void
append_cell (GString    *out,
             const char *value,
             gboolean    neutralise)
{
  if (value == NULL)
    value = "";
  if (!neutralise && strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
clr_csv_append_text (GString    *out,
                     const char *value)
{
  g_return_if_fail (out != NULL);

  append_cell (out, value, clr_csv_needs_neutralising (value));
}

void
clr_csv_append_number (GString    *out,
                       const char *value)
{
  g_return_if_fail (out != NULL);

  append_cell (out, value, FALSE);
}
