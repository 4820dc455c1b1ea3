/* clr-family.c — list families: a listed entity and its subsidiaries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which words are places, legal forms, generic or stop words is the
 * normaliser's data (the tables in data/matching/); this file only walks brackets.
 */

#include "config.h"

#include <string.h>

#include "clr-family.h"

#define QUALIFIER_CLASSES (CLR_TOKEN_LOCATION | CLR_TOKEN_LEGAL_FORM | CLR_TOKEN_GENERIC | \
                           CLR_TOKEN_STOP | CLR_TOKEN_NUMBER)

/* Whether the bracketed text @inner qualifies the name rather than naming
 * something of its own: one word, or only qualifier words. */
static gboolean
bracket_is_qualifier (ClrNormalizer *norm,
                      const char    *inner)
{
  g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (norm, inner, CLR_NORMALIZE_NONE, NULL, NULL);

  if (tokens->len <= 1)
    return TRUE;
  for (guint i = 0; i < tokens->len; i++)
    {
      ClrNormToken *t = g_ptr_array_index (tokens, i);

      if ((t->klass & QUALIFIER_CLASSES) == 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
is_open (gunichar c)
{
  return c == '(' || c == '[' || c == 0xFF08 /* （ */;
}

static gboolean
is_close (gunichar c)
{
  return c == ')' || c == ']' || c == 0xFF09 /* ） */;
}

/* @name without its qualifier brackets (others keep their words). */
static char *
strip_brackets (ClrNormalizer *norm,
                const char    *name)
{
  GString *out = g_string_new (NULL);
  const char *p = name;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;
      int depth = 1;

      if (!is_open (c))
        {
          g_string_append_unichar (out, c);
          p = g_utf8_next_char (p);
          continue;
        }
      /* find the matching close (brackets may nest) */
      for (q = g_utf8_next_char (p); *q != '\0'; q = g_utf8_next_char (q))
        {
          gunichar d = g_utf8_get_char (q);

          if (is_open (d))
            depth++;
          else if (is_close (d) && --depth == 0)
            break;
        }
      {
        const char *start = g_utf8_next_char (p);
        g_autofree char *inner = g_strndup (start, q - start);

        if (!bracket_is_qualifier (norm, inner))
          {
            g_string_append_c (out, ' ');
            g_string_append (out, inner);
          }
        g_string_append_c (out, ' ');
      }
      p = *q != '\0' ? g_utf8_next_char (q) : q;
    }
  return g_string_free (out, FALSE);
}

char *
clr_family_key (ClrNormalizer *norm,
                const char    *listed_name)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  GString *key = g_string_new (NULL);

  g_return_val_if_fail (CLR_IS_NORMALIZER (norm), NULL);

  if (listed_name == NULL)
    return g_string_free (key, FALSE);

  parts = clr_normalizer_name_parts (norm, listed_name);
  stripped = strip_brackets (norm, parts != NULL && parts[0] != NULL ? parts[0] : listed_name);
  tokens = clr_normalizer_tokenize (norm, stripped, CLR_NORMALIZE_NONE, NULL, NULL);

  for (int pass = 0; pass < 2 && key->len == 0; pass++)
    for (guint i = 0; i < tokens->len; i++)
      {
        ClrNormToken *t = g_ptr_array_index (tokens, i);

        /* legal forms and stop words out; a name of nothing else keeps them */
        if (pass == 0 && (t->klass & (CLR_TOKEN_LEGAL_FORM | CLR_TOKEN_STOP)) != 0)
          continue;
        if (key->len > 0)
          g_string_append_c (key, ' ');
        g_string_append (key, t->text);
      }
  return g_string_free (key, FALSE);
}
