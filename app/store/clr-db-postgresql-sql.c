/* clr-db-postgresql-sql.c — the PostgreSQL engine's text work: the store's
 * portable SQL rewritten for the server, and libpq's messages without the
 * password
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libpq-fe.h>
#include <string.h>

#include "clr-db-postgresql-private.h"

/* SQL rewriting ----------------------------------------------------------- */

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || (guchar) c >= 0x80;
}

/* The end of the quoted text that starts at @p (a ' or "), with the doubled
 * quote as an escape, and backslashes too in an E'…' string. */
static const char *
skip_quoted (const char *p,
             gboolean    backslashes)
{
  char quote = *p++;

  while (*p != '\0')
    {
      if (backslashes && *p == '\\' && p[1] != '\0')
        p += 2;
      else if (*p == quote && p[1] == quote)
        p += 2;
      else if (*p == quote)
        return p + 1;
      else
        p++;
    }
  return p;
}

/* The end of the (nestable) block comment that starts at @p. */
static const char *
skip_block_comment (const char *p)
{
  int depth = 0;

  while (*p != '\0')
    {
      if (p[0] == '/' && p[1] == '*')
        depth++, p += 2;
      else if (p[0] == '*' && p[1] == '/')
        {
          p += 2;
          if (--depth == 0)
            return p;
        }
      else
        p++;
    }
  return p;
}

/* The end of the dollar-quoted string ($tag$…$tag$) at @p, or NULL when
 * @p does not start one (a "$1" is a parameter, not a tag). */
static const char *
skip_dollar_quoted (const char *p)
{
  const char *tag_end = p + 1;
  g_autofree char *tag = NULL;
  const char *close;

  if (g_ascii_isdigit (*tag_end))
    return NULL;
  while (is_word_char (*tag_end) && *tag_end != '$')
    tag_end++;
  if (*tag_end != '$')
    return NULL;
  tag = g_strndup (p, tag_end - p + 1);
  close = strstr (tag_end + 1, tag);
  return close != NULL ? close + strlen (tag) : p + strlen (p);
}

/* The parameter after @p and white space, or NULL. */
static const char *
param_after (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return *p == '?' ? p : NULL;
}

/* After an "IS" that ends at @p: the parameter of "IS ?N" or "IS NOT ?N"
 * (with *@negated set), or NULL when it compares with something else. */
static const char *
null_safe_operand (const char *p,
                   gboolean   *negated)
{
  while (g_ascii_isspace (*p))
    p++;
  *negated = g_ascii_strncasecmp (p, "not", 3) == 0 && !is_word_char (p[3]);
  return param_after (*negated ? p + 3 : p);
}

/* TRUE when an operand that starts where @out ends is a whole operand of
 * "IS [NOT] NULL" (comparisons and arithmetic bind tighter than IS). */
static gboolean
null_test_may_start (GString *out)
{
  static const char * const keywords[] = { "and", "or", "not", "when", "where", "then", "else", "on", "select" };
  const char *end = out->str + out->len;
  const char *word;

  while (end > out->str && g_ascii_isspace (end[-1]))
    end--;
  if (end == out->str || end[-1] == '(' || end[-1] == ',')
    return TRUE;
  for (word = end; word > out->str && is_word_char (word[-1]); word--)
    ;
  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if ((gsize) (end - word) == strlen (keywords[i]) && g_ascii_strncasecmp (word, keywords[i], end - word) == 0)
      return TRUE;
  return FALSE;
}

/* TRUE when the word @word starts at @p (and ends there); then *@end is
 * past the white space after it. */
static gboolean
word_at (const char  *p,
         const char  *word,
         const char **end)
{
  gsize length = strlen (word);

  if (g_ascii_strncasecmp (p, word, length) != 0 || is_word_char (p[length]))
    return FALSE;
  for (p += length; g_ascii_isspace (*p); p++)
    ;
  *end = p;
  return TRUE;
}

/* The kind of a parameter followed at *@p by "IS NULL" or "IS NOT NULL"
 * (then *@p is moved past them), else CLR_DB_PG_REF_VALUE. */
static ClrDbPgRefKind
null_test_after (const char **p)
{
  const char *q = *p;
  gboolean negated;

  while (g_ascii_isspace (*q))
    q++;
  if (!word_at (q, "is", &q))
    return CLR_DB_PG_REF_VALUE;
  negated = word_at (q, "not", &q);
  if (g_ascii_strncasecmp (q, "null", 4) != 0 || is_word_char (q[4]))
    return CLR_DB_PG_REF_VALUE;
  *p = q + 4;
  return negated ? CLR_DB_PG_REF_IS_NOT_NULL : CLR_DB_PG_REF_IS_NULL;
}

/* Records the parameter "?N" or "?" at *@p where @out ends, and moves *@p
 * past it; FALSE with *@problem set for a number out of range. */
static gboolean
add_param (GString     *out,
           GArray      *refs,
           const char **p,
           int         *largest,
           char       **problem)
{
  ClrDbPgParamRef ref = { out->len, 0, CLR_DB_PG_REF_VALUE };
  gint64 number = *largest + 1;
  const char *q = *p + 1;

  if (g_ascii_isdigit (*q))
    {
      number = 0;
      for (; g_ascii_isdigit (*q); q++)
        number = MIN (number * 10 + (*q - '0'), G_MAXINT);
    }
  if (number < 1 || number > CLR_DB_PG_MAX_PARAMS)
    {
      *problem = g_strdup_printf ("variable number must be between ?1 and ?%d", CLR_DB_PG_MAX_PARAMS);
      return FALSE;
    }
  ref.index = (int) number;
  *largest = MAX (*largest, ref.index);
  if (null_test_may_start (out))
    ref.kind = null_test_after (&q);
  g_array_append_val (refs, ref);
  *p = q;
  return TRUE;
}

/* The last parameter once more, where @out ends. */
static void
add_param_again (GString *out,
                 GArray  *refs)
{
  ClrDbPgParamRef ref = g_array_index (refs, ClrDbPgParamRef, refs->len - 1);

  ref.offset = out->len;
  g_array_append_val (refs, ref);
}

/* See clr-db-postgresql-private.h. */
char *
_clr_db_pg_rewrite_sql (const char  *sql,
                        GArray      *refs,
                        int         *n_params,
                        char       **problem)
{
  g_autoptr(GString) out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int largest = 0;

  while (*p != '\0')
    {
      const char *end;
      const char *operand;
      gboolean negated;

      if (*p == '\'' || *p == '"')
        {
          gboolean escape = *p == '\'' && p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                            (p - 1 == sql || !is_word_char (p[-2]));

          end = skip_quoted (p, escape);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          end = p + strcspn (p, "\n");
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          end = skip_block_comment (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '$' && (p == sql || !is_word_char (p[-1])) &&
               (end = skip_dollar_quoted (p)) != NULL)
        {
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?' && refs != NULL)
        {
          if (!add_param (out, refs, &p, &largest, problem))
            return NULL;
        }
      else if (is_word_char (*p))
        {
          for (end = p; is_word_char (*end); end++)
            ;
          if (end - p == 4 && g_ascii_strncasecmp (p, "like", 4) == 0)
            g_string_append_c (out, 'I');
          else if (end - p == 2 && g_ascii_strncasecmp (p, "is", 2) == 0 && refs != NULL &&
                   (operand = null_safe_operand (end, &negated)) != NULL)
            {
              /* SQLite's "x IS ?N" compares NULLs as equal. */
              g_string_append (out, negated ? "IS DISTINCT FROM " : "IS NOT DISTINCT FROM ");
              p = operand;
              continue;
            }
          else if (end - p == 5 && g_ascii_strncasecmp (p, "limit", 5) == 0 && refs != NULL &&
                   (operand = param_after (end)) != NULL)
            {
              /* SQLite's negative LIMIT is none; PostgreSQL's is NULL. */
              p = operand;
              g_string_append (out, "LIMIT CASE WHEN ");
              if (!add_param (out, refs, &p, &largest, problem))
                return NULL;
              g_string_append (out, " < 0 THEN NULL ELSE ");
              add_param_again (out, refs);
              g_string_append (out, " END");
              continue;
            }
          else if (end - p == 6 && g_ascii_strncasecmp (p, "offset", 6) == 0 && refs != NULL &&
                   (operand = param_after (end)) != NULL)
            {
              /* SQLite's negative OFFSET is 0; PostgreSQL refuses it. */
              p = operand;
              g_string_append (out, "OFFSET GREATEST (");
              if (!add_param (out, refs, &p, &largest, problem))
                return NULL;
              g_string_append (out, ", 0)");
              continue;
            }
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }

  if (n_params != NULL)
    *n_params = largest;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Messages ---------------------------------------------------------------- */

/* @message with every occurrence of @secret replaced. */
static void
hide_secret (GString    *message,
             const char *secret)
{
  if (secret != NULL && *secret != '\0')
    g_string_replace (message, secret, "********", 0);
}

/* libpq's words about @conninfo, without its password: libpq does not
 * quote passwords, but a malformed address is quoted in its messages. */
char *
_clr_db_pg_scrub_password (const char *message,
                           const char *conninfo)
{
  g_autoptr(GString) scrubbed = g_string_new (message);
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *scheme_end = strstr (conninfo, "://");
  const char *keyword;

  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password"))
      hide_secret (scrubbed, o->val);
  PQconninfoFree (options);

  /* An address libpq could not parse: the user information of a URI… */
  if (scheme_end != NULL)
    {
      const char *authority = scheme_end + 3;
      const char *at = strchr (authority, '@');
      const char *slash = strchr (authority, '/');
      const char *colon = strchr (authority, ':');

      if (at != NULL && (slash == NULL || at < slash) && colon != NULL && colon < at)
        {
          g_autofree char *raw = g_strndup (colon + 1, at - colon - 1);
          g_autofree char *decoded = g_uri_unescape_string (raw, NULL);

          hide_secret (scrubbed, raw);
          hide_secret (scrubbed, decoded);
        }
    }
  /* …and a "password=" setting, quoted or not. */
  for (keyword = strstr (conninfo, "password"); keyword != NULL; keyword = strstr (keyword + 1, "password"))
    {
      const char *value = keyword + strlen ("password");
      gsize length;

      while (g_ascii_isspace (*value))
        value++;
      if (*value++ != '=')
        continue;
      while (g_ascii_isspace (*value))
        value++;
      if (*value == '\'')
        value++;
      length = strcspn (value, *value == '\'' ? "'" : "' \t\n&");
      if (length > 0)
        {
          g_autofree char *secret = g_strndup (value, length);

          hide_secret (scrubbed, secret);
        }
    }

  g_strchomp (scrubbed->str);
  scrubbed->len = strlen (scrubbed->str);
  return g_string_free (g_steal_pointer (&scrubbed), FALSE);
}
