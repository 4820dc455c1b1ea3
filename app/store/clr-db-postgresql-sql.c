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

/* After an "IS" that ends at @p: the parameter of "IS ?N" or "IS NOT ?N"
 * (with *@negated set), or NULL when it compares with something else. */
static const char *
null_safe_operand (const char *p,
                   gboolean   *negated)
{
  while (g_ascii_isspace (*p))
    p++;
  *negated = g_ascii_strncasecmp (p, "not", 3) == 0 && !is_word_char (p[3]);
  if (*negated)
    for (p += 3; g_ascii_isspace (*p); p++)
      ;
  return *p == '?' ? p : NULL;
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
          ClrDbPgParamRef ref = { out->len, 0 };
          gint64 number = largest + 1;

          p++;
          if (g_ascii_isdigit (*p))
            {
              number = 0;
              for (; g_ascii_isdigit (*p); p++)
                number = MIN (number * 10 + (*p - '0'), G_MAXINT);
            }
          if (number < 1 || number > CLR_DB_PG_MAX_PARAMS)
            {
              *problem = g_strdup_printf ("variable number must be between ?1 and ?%d", CLR_DB_PG_MAX_PARAMS);
              return NULL;
            }
          ref.index = (int) number;
          largest = MAX (largest, ref.index);
          g_array_append_val (refs, ref);
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
