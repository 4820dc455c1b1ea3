/* clr-date.c — calendar dates as the engine writes them (YYYY-MM-DD)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-date.h"

static int
digits (const char *text,
        int         count)
{
  int v = 0;

  for (int i = 0; i < count; i++)
    v = v * 10 + (text[i] - '0');
  return v;
}

gboolean
clr_date_is_valid_in_years (const char *text,
                            int         first_year,
                            int         last_year)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = digits (text, 4);
  m = digits (text + 5, 2);
  d = digits (text + 8, 2);
  if (y < first_year || y > last_year || m < 1 || m > 12 || d < 1)
    return FALSE;
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
clr_date_is_valid (const char *text)
{
  return clr_date_is_valid_in_years (text, 1900, 9999);
}

gboolean
clr_date_in_range (const char *date,
                   const char *from,
                   const char *until)
{
  if (from != NULL && strcmp (date, from) < 0)
    return FALSE;
  if (until != NULL && strcmp (date, until) > 0)
    return FALSE;
  return TRUE;
}
