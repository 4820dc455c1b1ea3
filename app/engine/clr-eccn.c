/* clr-eccn.c — Export Control Classification Numbers: syntax and matching
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-eccn.h"

ClrTri
clr_eccn_match (const char *eccn,
                const char *pattern)
{
  g_auto(GStrv) e = NULL;
  g_auto(GStrv) p = NULL;
  guint i;

  if (eccn == NULL)
    return CLR_TRI_UNKNOWN;
  if (g_ascii_strcasecmp (pattern, "EAR99") == 0 || g_ascii_strcasecmp (eccn, "EAR99") == 0)
    return g_ascii_strcasecmp (pattern, eccn) == 0 ? CLR_TRI_TRUE : CLR_TRI_FALSE;

  e = g_strsplit (eccn, ".", -1);
  p = g_strsplit (pattern, ".", -1);
  for (i = 0; p[i] != NULL; i++)
    {
      if (e[i] == NULL)
        return CLR_TRI_UNKNOWN;  /* the stated ECCN is less specific than the pattern */
      if (strcmp (p[i], "*") != 0 && g_ascii_strcasecmp (p[i], e[i]) != 0)
        return CLR_TRI_FALSE;
    }
  return CLR_TRI_TRUE;
}

gboolean
clr_eccn_match_at_depth (const char *eccn,
                         const char *pattern)
{
  guint dots_e = 0, dots_p = 0;

  for (const char *p = eccn; *p != '\0'; p++)
    dots_e += *p == '.';
  for (const char *p = pattern; *p != '\0'; p++)
    dots_p += *p == '.';
  return dots_e == dots_p && clr_eccn_match (eccn, pattern) == CLR_TRI_TRUE;
}

gboolean
clr_eccn_syntax_ok (const char *text,
                    gboolean    paragraphs,
                    gboolean    wildcards)
{
  const char *p;

  if (text == NULL || !g_ascii_isdigit (text[0]) || text[1] < 'A' || text[1] > 'E' ||
      !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return FALSE;
  p = text + 5;
  if (*p == '\0')
    return TRUE;
  if (!paragraphs)
    return FALSE;
  while (*p == '.')
    {
      p++;
      if (wildcards && *p == '*')
        {
          p++;
          if (*p != '\0' && *p != '.')
            return FALSE;
          continue;
        }
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p)))
        return FALSE;
      while (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}
