/* clr-highlight.c — matched tokens shown in bold on a name, as Pango markup
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-normalize.h"

#include "clr-highlight.h"

static char *
simple_fold (const char *word)
{
  g_autofree char *decomposed = g_utf8_normalize (word, -1, G_NORMALIZE_ALL);
  g_autoptr(GString) stripped = NULL;

  if (decomposed == NULL)
    return g_strdup ("");

  stripped = g_string_new (NULL);
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (stripped, c);
    }

  return g_utf8_casefold (stripped->str, -1);
}

char *
clr_highlight_fold (const char *word)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (word != NULL, NULL);

  /* The matcher's own normaliser, so a word folds to the token the matcher
   * explains ("Technologies" → "tech", "華為" → "huawei"). */
  normalized = clr_normalizer_normalize (clr_normalizer_get_default (), word, CLR_NORMALIZE_NONE);
  if (normalized != NULL && normalized[0] != '\0')
    return g_steal_pointer (&normalized);

  return simple_fold (word);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
token_in (const char         *folded,
          const char * const *tokens)
{
  if (tokens == NULL || folded[0] == '\0')
    return FALSE;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (strcmp (tokens[i], folded) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Calls @func for each word/non-word run of @text. */
typedef void (*RunFunc) (const char *start,
                         gsize       len,
                         gboolean    is_word,
                         gpointer    data);

static void
split_runs (const char *text,
            RunFunc     func,
            gpointer    data)
{
  const char *p = text;

  while (*p != '\0')
    {
      const char *start = p;
      gboolean word = is_word_char (g_utf8_get_char (p));

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)) == word)
        p = g_utf8_next_char (p);

      func (start, p - start, word, data);
    }
}

typedef struct
{
  GString            *out;
  const char * const *tokens;
  gboolean            found;
} RunData;

static void
markup_run (const char *start,
            gsize       len,
            gboolean    is_word,
            gpointer    data)
{
  RunData *run = data;
  g_autofree char *piece = g_strndup (start, len);
  g_autofree char *escaped = g_markup_escape_text (piece, -1);

  if (is_word)
    {
      g_autofree char *folded = clr_highlight_fold (piece);

      if (token_in (folded, run->tokens))
        {
          run->found = TRUE;
          g_string_append_printf (run->out, "<b><u>%s</u></b>", escaped);
          return;
        }
    }

  g_string_append (run->out, escaped);
}

char *
clr_highlight_markup (const char         *text,
                      const char * const *tokens)
{
  RunData run = { NULL, tokens, FALSE };

  if (text == NULL)
    return g_strdup ("");

  run.out = g_string_new (NULL);
  split_runs (text, markup_run, &run);

  return g_string_free (run.out, FALSE);
}

gboolean
clr_highlight_contains (const char         *text,
                        const char * const *tokens)
{
  g_autofree char *markup = NULL;
  RunData run = { NULL, tokens, FALSE };

  if (text == NULL)
    return FALSE;

  run.out = g_string_new (NULL);
  split_runs (text, markup_run, &run);
  markup = g_string_free (run.out, FALSE);

  return run.found;
}
