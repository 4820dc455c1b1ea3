/* clr-normalize.c — names to comparable tokens: folding, transliteration, legal forms
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "clr-engine-error.h"
#include "clr-matching-private.h"
#include "clr-matching-resources.h"
#include "clr-normalize.h"

#define MATCHING_RESOURCE_PATH "/dev/clearance/Clearance/matching/"
#define MAX_PHRASE_TOKENS 8
#define MAX_SYLLABLE_JOIN 4
#define MIN_FUZZY_SPELLING 6   /* table spellings this long also match one edit off */

/* Markers around romanised Han text inside the folded string: its syllables
 * are joined into words later. Never present in folded text otherwise. */
#define HAN_BEGIN '\x01'
#define HAN_END   '\x02'

typedef struct
{
  char          **canonical;   /* canonical tokens (NULL-terminated) */
  ClrTokenClass   klass;
} Phrase;

struct _ClrNormalizer
{
  GObject     parent_instance;

  GHashTable *phrases;        /* joined spelling ("coltd") → Phrase * */
  GHashTable *fuzzy_keys;     /* a one-word spelling and its one-letter deletions → FuzzyKey * */
  GHashTable *classes;        /* canonical token → GINT_TO_POINTER (ClrTokenClass + 1) */
  GPtrArray  *separators;     /* char *, lower case, longest first */
  GPtrArray  *family_separators;  /* those of them that name a family member after a parent */
  guint       max_tokens;     /* longest spelling, in tokens */

  /* ICU transliterators are not thread-safe: a pool, one in use per thread. */
  GAsyncQueue *other_pool;    /* "Russian-Latin/BGN; Any-Latin; Latin-ASCII" */
  GAsyncQueue *han_pool;      /* "Han-Latin; Latin-ASCII" */
};

G_DEFINE_FINAL_TYPE (ClrNormalizer, clr_normalizer, G_TYPE_OBJECT)

void
clr_norm_token_free (ClrNormToken *token)
{
  if (token == NULL)
    return;
  g_free (token->text);
  g_free (token->typed);
  g_free (token);
}

/* A one-word table spelling, reached through one of its deletions. */
typedef struct
{
  char   *spelling;
  Phrase *phrase;      /* owned by phrases */
  gboolean ambiguous;  /* two spellings of different meaning share the key */
} FuzzyKey;

static void
fuzzy_key_free (gpointer data)
{
  FuzzyKey *key = data;

  g_free (key->spelling);
  g_free (key);
}

static Phrase *fuzzy_phrase (ClrNormalizer *self,
                             const char    *word);

static void
phrase_free (gpointer data)
{
  Phrase *phrase = data;

  g_strfreev (phrase->canonical);
  g_free (phrase);
}

static void
close_pool (GAsyncQueue *pool)
{
  gpointer item;

  if (pool == NULL)
    return;
  while ((item = g_async_queue_try_pop (pool)) != NULL)
    utrans_close (item);
  g_async_queue_unref (pool);
}

static void
clr_normalizer_finalize (GObject *object)
{
  ClrNormalizer *self = CLR_NORMALIZER (object);

  g_clear_pointer (&self->fuzzy_keys, g_hash_table_unref);
  g_clear_pointer (&self->phrases, g_hash_table_unref);
  g_clear_pointer (&self->classes, g_hash_table_unref);
  g_clear_pointer (&self->separators, g_ptr_array_unref);
  g_clear_pointer (&self->family_separators, g_ptr_array_unref);
  close_pool (self->other_pool);
  close_pool (self->han_pool);

  G_OBJECT_CLASS (clr_normalizer_parent_class)->finalize (object);
}

static void
clr_normalizer_class_init (ClrNormalizerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_normalizer_finalize;
}

static void
clr_normalizer_init (ClrNormalizer *self)
{
  self->phrases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, phrase_free);
  self->fuzzy_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, fuzzy_key_free);
  self->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->separators = g_ptr_array_new_with_free_func (g_free);
  self->family_separators = g_ptr_array_new_with_free_func (g_free);
  self->max_tokens = 1;
  self->other_pool = g_async_queue_new ();
  self->han_pool = g_async_queue_new ();
}

/* ---- folding ------------------------------------------------------------ */

static UTransliterator *
pool_take (GAsyncQueue *pool,
           const char  *id)
{
  UTransliterator *trans = g_async_queue_try_pop (pool);
  UErrorCode status = U_ZERO_ERROR;
  UChar uid[128];

  if (trans != NULL)
    return trans;

  u_uastrncpy (uid, id, G_N_ELEMENTS (uid) - 1);
  uid[G_N_ELEMENTS (uid) - 1] = 0;
  trans = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    {
      g_warning ("Cannot open the ICU transliterator “%s”: %s", id, u_errorName (status));
      return NULL;
    }
  return trans;
}

/* Romanises @text (UTF-8) with a pooled transliterator; appends to @out.
 * Falls back to the text itself when ICU fails. */
static void
transliterate_append (GAsyncQueue *pool,
                      const char  *id,
                      const char  *text,
                      gssize       len,
                      GString     *out)
{
  UTransliterator *trans = pool_take (pool, id);
  UErrorCode status = U_ZERO_ERROR;
  g_autofree UChar *buf = NULL;
  int32_t ulen = 0, capacity, limit;
  char *utf8;
  int32_t utf8_len = 0;

  if (trans == NULL)
    {
      g_string_append_len (out, text, len);
      return;
    }

  u_strFromUTF8 (NULL, 0, &ulen, text, (int32_t) len, &status);
  status = U_ZERO_ERROR;
  capacity = ulen * 4 + 16;  /* Han → pinyin grows the text */
  buf = g_new0 (UChar, capacity);
  u_strFromUTF8 (buf, capacity, &ulen, text, (int32_t) len, &status);
  limit = ulen;
  if (U_SUCCESS (status))
    utrans_transUChars (trans, buf, &ulen, capacity, 0, &limit, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR)
    {
      /* Retry with the size ICU asked for. */
      g_free (buf);
      capacity = ulen + 16;
      buf = g_new0 (UChar, capacity);
      status = U_ZERO_ERROR;
      u_strFromUTF8 (buf, capacity, &ulen, text, (int32_t) len, &status);
      limit = ulen;
      if (U_SUCCESS (status))
        utrans_transUChars (trans, buf, &ulen, capacity, 0, &limit, &status);
    }
  g_async_queue_push (pool, trans);

  if (U_FAILURE (status))
    {
      g_string_append_len (out, text, len);
      return;
    }

  status = U_ZERO_ERROR;
  u_strToUTF8 (NULL, 0, &utf8_len, buf, ulen, &status);
  status = U_ZERO_ERROR;
  utf8 = g_malloc (utf8_len + 1);
  u_strToUTF8 (utf8, utf8_len + 1, NULL, buf, ulen, &status);
  if (U_SUCCESS (status))
    g_string_append_len (out, utf8, utf8_len);
  else
    g_string_append_len (out, text, len);
  g_free (utf8);
}

static gboolean
is_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p; p++)
    if (*p >= 0x80)
      return FALSE;
  return TRUE;
}

typedef enum { RUN_ASCII, RUN_HAN, RUN_OTHER } RunKind;

static RunKind
run_kind (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x80)
    return RUN_ASCII;
  script = g_unichar_get_script (c);
  if (script == G_UNICODE_SCRIPT_HAN)
    return RUN_HAN;
  /* Punctuation and spaces (common script) join the run they sit in. */
  return RUN_OTHER;
}

char *
clr_normalizer_fold (ClrNormalizer *self,
                     const char    *text)
{
  g_autofree char *nfkd = NULL;
  g_autofree char *folded = NULL;
  g_autoptr(GString) stripped = NULL;
  GString *out;
  const char *p, *run_start;
  RunKind kind;

  g_return_val_if_fail (CLR_IS_NORMALIZER (self), NULL);

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    {
      /* Keep the valid bytes; a screening must never fail on bad input. */
      g_autofree char *valid = g_utf8_make_valid (text, -1);
      return clr_normalizer_fold (self, valid);
    }

  if (is_ascii (text))
    return g_ascii_strdown (text, -1);

  nfkd = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  folded = g_utf8_casefold (nfkd != NULL ? nfkd : text, -1);

  /* Drop combining marks (diacritics). */
  stripped = g_string_sized_new (strlen (folded));
  for (p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK ||
          type == G_UNICODE_SPACING_MARK)
        continue;
      g_string_append_unichar (stripped, c);
    }

  /* Romanise runs of other scripts; Han separately so its syllables can be
   * joined into words afterwards. */
  out = g_string_sized_new (stripped->len * 2);
  p = run_start = stripped->str;
  kind = RUN_ASCII;
  while (TRUE)
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      RunKind k = *p ? run_kind (c) : RUN_ASCII;

      /* ASCII punctuation and spaces inside a non-Latin run stay in it. */
      if (*p && k == RUN_ASCII && kind == RUN_OTHER && !g_ascii_isalnum (*p))
        k = RUN_OTHER;

      if (*p == '\0' || k != kind)
        {
          gssize len = p - run_start;

          if (len > 0)
            {
              switch (kind)
                {
                case RUN_ASCII:
                  g_string_append_len (out, run_start, len);
                  break;
                case RUN_HAN:
                  g_string_append_c (out, ' ');
                  g_string_append_c (out, HAN_BEGIN);
                  transliterate_append (self->han_pool, "Han-Latin; Latin-ASCII", run_start, len, out);
                  g_string_append_c (out, HAN_END);
                  g_string_append_c (out, ' ');
                  break;
                case RUN_OTHER:
                  transliterate_append (self->other_pool,
                                        "Russian-Latin/BGN; Any-Latin; Latin-ASCII",
                                        run_start, len, out);
                  break;
                }
            }
          if (*p == '\0')
            break;
          run_start = p;
          kind = k;
        }
      p = g_utf8_next_char (p);
    }

  /* Transliteration may produce capitals again. */
  for (gsize i = 0; i < out->len; i++)
    out->str[i] = g_ascii_tolower (out->str[i]);

  return g_string_free (out, FALSE);
}

/* ---- tokenizing --------------------------------------------------------- */

typedef struct
{
  char     *text;
  gboolean  syllable;     /* romanised Han */
  gboolean  glued_next;   /* followed by '.' or '-' with no space: "S.A.", "A-B-C" */
} RawToken;

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x02BB ||
         c == 0x02BC || c == 0x02BE || c == 0x02BF || c == 0x00B4;
}

static void
raw_tokens (const char *folded,
            GArray     *tokens)
{
  g_autoptr(GString) cur = g_string_new (NULL);
  gboolean in_han = FALSE;
  const char *p = folded;

#define FLUSH(glue) G_STMT_START {                                   \
    if (cur->len > 0)                                                \
      {                                                              \
        RawToken flushed_ = { g_strndup (cur->str, cur->len), in_han, (glue) }; \
        g_array_append_val (tokens, flushed_);                              \
        g_string_truncate (cur, 0);                                  \
      }                                                              \
  } G_STMT_END

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == (gunichar) HAN_BEGIN || c == (gunichar) HAN_END)
        {
          FLUSH (FALSE);
          in_han = (c == (gunichar) HAN_BEGIN);
        }
      else if (c < 0x80 && g_ascii_isalnum (c))
        g_string_append_c (cur, (char) c);
      else if (c >= 0x80 && g_unichar_isalnum (c) && !is_apostrophe (c))
        g_string_append_unichar (cur, g_unichar_tolower (c));
      else if (is_apostrophe (c))
        ; /* O'Brien = OBrien; PAEKSO'L = PAEKSOL */
      else if (c == '&')
        {
          RawToken t = { g_strdup ("and"), in_han, FALSE };

          FLUSH (FALSE);
          g_array_append_val (tokens, t);
        }
      else if ((c == '.' || c == '-') && cur->len > 0)
        {
          gunichar n = g_utf8_get_char (next);
          FLUSH (n < 0x80 && g_ascii_isalnum (n) ? TRUE : (c == '.'));
        }
      else
        FLUSH (FALSE);
      p = next;
    }
  FLUSH (FALSE);
#undef FLUSH
}

static void
raw_token_clear (gpointer data)
{
  RawToken *t = data;
  g_free (t->text);
}

static gboolean
is_single_letter (const RawToken *t)
{
  return t->text[0] != '\0' && t->text[1] == '\0' && g_ascii_isalpha (t->text[0]);
}

/* "s.a. de c.v." → "sa de cv"; "a-b-c" → "abc". */
static void
join_dotted_letters (GArray *tokens)
{
  guint i = 0;

  while (i < tokens->len)
    {
      RawToken *t = &g_array_index (tokens, RawToken, i);
      guint j = i;
      GString *joined;

      if (!is_single_letter (t) || !t->glued_next)
        {
          i++;
          continue;
        }
      joined = g_string_new (t->text);
      while (j + 1 < tokens->len &&
             g_array_index (tokens, RawToken, j).glued_next &&
             is_single_letter (&g_array_index (tokens, RawToken, j + 1)))
        {
          j++;
          g_string_append (joined, g_array_index (tokens, RawToken, j).text);
        }
      if (j > i)
        {
          g_free (t->text);
          t->text = g_string_free (joined, FALSE);
          t->glued_next = g_array_index (tokens, RawToken, j).glued_next;
          g_array_remove_range (tokens, i + 1, j - i);
        }
      else
        g_string_free (joined, TRUE);
      i++;
    }
}

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

ClrTokenClass
clr_normalizer_classify (ClrNormalizer *self,
                         const char    *token)
{
  gpointer value;

  g_return_val_if_fail (CLR_IS_NORMALIZER (self), CLR_TOKEN_NORMAL);

  if (all_digits (token))
    return CLR_TOKEN_NUMBER;
  value = g_hash_table_lookup (self->classes, token);
  if (value != NULL)
    return (ClrTokenClass) (GPOINTER_TO_INT (value) - 1);
  return CLR_TOKEN_NORMAL;
}

static void
emit (GPtrArray     *out,
      const char    *text,
      ClrTokenClass  klass)
{
  ClrNormToken *token = g_new0 (ClrNormToken, 1);

  token->text = g_strdup (text);
  token->klass = klass;
  token->similarity = 1.0f;
  g_ptr_array_add (out, token);
}

/* English plural of an unknown word, folded on both sides of a comparison. */
static char *
stem (const char *word)
{
  gsize len = strlen (word);

  /* Ordinals: "29th" = "29", "3rd" = "3". */
  if (len >= 3 && g_ascii_isdigit (word[0]) && g_ascii_isdigit (word[len - 3]) &&
      (g_str_has_suffix (word, "st") || g_str_has_suffix (word, "nd") ||
       g_str_has_suffix (word, "rd") || g_str_has_suffix (word, "th")))
    {
      gboolean digits = TRUE;
      for (gsize i = 0; i + 2 < len; i++)
        digits = digits && g_ascii_isdigit (word[i]);
      if (digits)
        return g_strndup (word, len - 2);
    }

  if (len >= 5 && word[len - 1] == 's' && word[len - 2] != 's' &&
      word[len - 2] != 'u' && word[len - 2] != 'i' && !all_digits (word))
    return g_strndup (word, len - 1);
  return g_strdup (word);
}

/* "SURNAME, Given Names" → "Given Names SURNAME" (one comma only). */
static char *
reorder_individual (const char *text)
{
  const char *comma = strchr (text, ',');

  if (comma == NULL || strchr (comma + 1, ',') != NULL)
    return g_strdup (text);
  return g_strdup_printf ("%s %.*s", comma + 1, (int) (comma - text), text);
}

GPtrArray *
clr_normalizer_tokenize (ClrNormalizer      *self,
                         const char         *text,
                         ClrNormalizeFlags   flags,
                         ClrVocabLookupFunc  vocab,
                         gpointer            vocab_data)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, TRUE, sizeof (RawToken));
  g_autofree char *ordered = NULL;
  g_autofree char *folded = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_norm_token_free);
  g_autoptr(GArray) leftover_syllable = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GString *key = g_string_new (NULL);
  guint i;

  g_return_val_if_fail (CLR_IS_NORMALIZER (self), out);

  g_array_set_clear_func (raw, raw_token_clear);
  if (text == NULL)
    text = "";
  if (flags & CLR_NORMALIZE_INDIVIDUAL)
    ordered = reorder_individual (text);
  folded = clr_normalizer_fold (self, ordered != NULL ? ordered : text);
  raw_tokens (folded, raw);
  join_dotted_letters (raw);

  i = 0;
  while (i < raw->len)
    {
      RawToken *t = &g_array_index (raw, RawToken, i);
      guint max_k = MIN (self->max_tokens, raw->len - i);
      gboolean matched = FALSE;

      /* Longest spelling from the tables first, spaces ignored; a span
       * never mixes romanised Han with other text, and a single Han
       * syllable is never read as a Latin word ("sa" is not S.A.). */
      for (guint k = max_k; k >= 1 && !matched; k--)
        {
          Phrase *phrase;

          if (t->syllable && k == 1)
            break;
          g_string_truncate (key, 0);
          for (guint j = 0; j < k; j++)
            {
              RawToken *u = &g_array_index (raw, RawToken, i + j);
              if (u->syllable != t->syllable)
                break;
              g_string_append (key, u->text);
              if (j + 1 == k)
                {
                  phrase = g_hash_table_lookup (self->phrases, key->str);
                  if (phrase != NULL)
                    {
                      for (char **c = phrase->canonical; *c; c++)
                        {
                          gboolean no = FALSE;
                          emit (out, *c, clr_normalizer_classify (self, *c));
                          g_array_append_val (leftover_syllable, no);
                        }
                      i += k;
                      matched = TRUE;
                    }
                }
            }
        }
      if (matched)
        continue;

      if (t->syllable)
        {
          /* Join syllables into a word the lists know. */
          guint run = 0;

          while (i + run < raw->len && g_array_index (raw, RawToken, i + run).syllable)
            run++;
          for (guint k = MIN (run, MAX_SYLLABLE_JOIN); k >= 2 && vocab != NULL && !matched; k--)
            {
              g_string_truncate (key, 0);
              for (guint j = 0; j < k; j++)
                g_string_append (key, g_array_index (raw, RawToken, i + j).text);
              if (vocab (key->str, vocab_data))
                {
                  gboolean no = FALSE;
                  emit (out, key->str, clr_normalizer_classify (self, key->str));
                  g_array_append_val (leftover_syllable, no);
                  i += k;
                  matched = TRUE;
                }
            }
          if (!matched)
            {
              gboolean yes = TRUE;
              emit (out, t->text, CLR_TOKEN_NORMAL);
              g_array_append_val (leftover_syllable, yes);
              i++;
            }
          continue;
        }

      {
        g_autofree char *stemmed = stem (t->text);
        Phrase *phrase = NULL;
        gboolean no = FALSE;
        gboolean fuzzy = FALSE;

        if (strcmp (stemmed, t->text) != 0)
          phrase = g_hash_table_lookup (self->phrases, stemmed);
        /* A word no list contains, one edit from a word the tables rewrite
         * ("Ntaional", "Expornters"): that word. Only for a query (@vocab),
         * so listed words are never rewritten. */
        if (phrase == NULL && vocab != NULL && !all_digits (stemmed) &&
            !vocab (stemmed, vocab_data) && !vocab (t->text, vocab_data))
          {
            phrase = fuzzy_phrase (self, t->text);
            if (phrase == NULL && strcmp (stemmed, t->text) != 0)
              phrase = fuzzy_phrase (self, stemmed);
            fuzzy = phrase != NULL;
          }
        if (phrase != NULL)
          {
            for (char **c = phrase->canonical; *c; c++)
              {
                emit (out, *c, clr_normalizer_classify (self, *c));
                if (fuzzy)
                  {
                    ClrNormToken *last = g_ptr_array_index (out, out->len - 1);

                    /* One edit: as similar as a fuzzy match of the word. */
                    last->similarity = (float) MAX (0.7, 1.0 - 1.0 / strlen (t->text));
                    last->typed = g_strdup (t->text);
                  }
                g_array_append_val (leftover_syllable, no);
              }
          }
        else
          {
            emit (out, stemmed, clr_normalizer_classify (self, stemmed));
            g_array_append_val (leftover_syllable, no);
          }
        i++;
      }
    }
  g_string_free (key, TRUE);

  /* Syllables no word took are one word together: "zhong xing" → "zhongxing". */
  for (i = 0; i + 1 < out->len; )
    {
      if (g_array_index (leftover_syllable, gboolean, i) &&
          g_array_index (leftover_syllable, gboolean, i + 1))
        {
          ClrNormToken *a = g_ptr_array_index (out, i);
          ClrNormToken *b = g_ptr_array_index (out, i + 1);
          char *joined = g_strconcat (a->text, b->text, NULL);

          g_free (a->text);
          a->text = joined;
          a->klass = clr_normalizer_classify (self, joined);
          g_ptr_array_remove_index (out, i + 1);
          g_array_remove_index (leftover_syllable, i + 1);
        }
      else
        i++;
    }

  return out;
}

char *
clr_normalizer_normalize (ClrNormalizer     *self,
                          const char        *text,
                          ClrNormalizeFlags  flags)
{
  g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (self, text, flags, NULL, NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      ClrNormToken *t = g_ptr_array_index (tokens, i);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, t->text);
    }
  return g_string_free (out, FALSE);
}

GStrv
clr_normalizer_name_variants (const char *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) outer = g_string_new (NULL);
  g_autoptr(GString) inner = g_string_new (NULL);
  int depth = 0;
  gboolean had_parens = FALSE;

  if (name == NULL)
    name = "";

  for (const char *p = name; *p; p++)
    {
      if (*p == '(' || *p == '[')
        {
          if (depth == 0)
            g_string_truncate (inner, 0);
          else
            g_string_append_c (inner, *p);
          depth++;
          had_parens = TRUE;
          g_string_append_c (outer, ' ');
        }
      else if ((*p == ')' || *p == ']') && depth > 0)
        {
          depth--;
          if (depth == 0)
            {
              g_strstrip (inner->str);
              inner->len = strlen (inner->str);
              if (inner->len > 0)
                g_strv_builder_add (builder, inner->str);
            }
          else
            g_string_append_c (inner, *p);
        }
      else if (depth > 0)
        g_string_append_c (inner, *p);
      else
        g_string_append_c (outer, *p);
    }
  /* An unclosed parenthesis: its content still counts. */
  if (depth > 0 && inner->len > 0)
    g_strv_builder_add (builder, inner->str);

  if (had_parens)
    {
      g_auto(GStrv) parts = g_strv_builder_end (builder);
      g_autoptr(GStrvBuilder) result = g_strv_builder_new ();

      g_strstrip (outer->str);
      if (outer->str[0] != '\0')
        g_strv_builder_add (result, outer->str);
      for (char **q = parts; *q; q++)
        if (g_strcmp0 (*q, outer->str) != 0)
          g_strv_builder_add (result, *q);
      /* The name as written, parentheses included, is a form too. */
      g_strv_builder_add (result, name);
      return g_strv_builder_end (result);
    }

  g_strv_builder_add (builder, name);
  return g_strv_builder_end (builder);
}

static gboolean
only_punctuation (const char *s)
{
  for (; *s; s++)
    if (g_ascii_isalnum (*s) || (guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

GStrv
clr_normalizer_name_parts (ClrNormalizer *self,
                           const char    *name)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *lower = NULL;
  const char *p, *start;
  gboolean split = FALSE;

  g_return_val_if_fail (CLR_IS_NORMALIZER (self), NULL);

  if (name == NULL)
    return g_strv_builder_end (builder);

  /* ASCII lower case keeps byte offsets identical to @name. */
  lower = g_ascii_strdown (name, -1);
  p = start = lower;
  while (*p)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->separators->len && !found; i++)
        {
          const char *sep = g_ptr_array_index (self->separators, i);
          gsize len = strlen (sep);

          if (strncmp (p, sep, len) == 0)
            {
              g_autofree char *part = g_strndup (name + (start - lower), p - start);

              g_strstrip (part);
              if (!only_punctuation (part))
                g_strv_builder_add (builder, part);
              p += len;
              start = p;
              found = split = TRUE;
            }
        }
      if (!found)
        p++;
    }
  if (split)
    {
      g_autofree char *part = g_strdup (name + (start - lower));

      g_strstrip (part);
      if (!only_punctuation (part))
        g_strv_builder_add (builder, part);
    }
  return g_strv_builder_end (builder);
}

char *
clr_normalizer_name_family_parent (ClrNormalizer *self,
                                   const char    *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (CLR_IS_NORMALIZER (self), NULL);

  if (name == NULL)
    return NULL;
  lower = g_ascii_strdown (name, -1);
  /* The first separator of any kind decides, as in clr_normalizer_name_parts(). */
  for (const char *p = lower; *p; p++)
    for (guint i = 0; i < self->separators->len; i++)
      {
        const char *sep = g_ptr_array_index (self->separators, i);

        if (strncmp (p, sep, strlen (sep)) == 0)
          {
            g_autofree char *parent = NULL;

            for (guint k = 0; k < self->family_separators->len; k++)
              if (strcmp (sep, g_ptr_array_index (self->family_separators, k)) == 0)
                {
                  parent = g_strndup (name, p - lower);
                  g_strstrip (parent);
                  if (only_punctuation (parent))
                    return NULL;
                  return g_steal_pointer (&parent);
                }
            return NULL;
          }
      }
  return NULL;
}

/* ---- loading the tables ------------------------------------------------- */

/* Normalise a spelling from a table the way names are: its joined key. */
static char *
spelling_key (ClrNormalizer *self,
              const char    *spelling,
              guint         *n_tokens)
{
  g_autoptr(GArray) raw = g_array_new (FALSE, TRUE, sizeof (RawToken));
  g_autofree char *folded = clr_normalizer_fold (self, spelling);
  GString *key = g_string_new (NULL);

  g_array_set_clear_func (raw, raw_token_clear);
  raw_tokens (folded, raw);
  for (guint i = 0; i < raw->len; i++)
    g_string_append (key, g_array_index (raw, RawToken, i).text);
  *n_tokens = MAX (raw->len, 1);
  return g_string_free (key, FALSE);
}

static void
set_class (ClrNormalizer *self,
           const char    *token,
           ClrTokenClass  klass)
{
  gpointer old = g_hash_table_lookup (self->classes, token);

  /* The first table to claim a token wins: legal forms, then stop words,
   * then generic words. */
  if (old == NULL)
    g_hash_table_insert (self->classes, g_strdup (token), GINT_TO_POINTER (klass + 1));
}

static gboolean
same_canonical (const Phrase *a,
                const Phrase *b)
{
  return g_strv_equal ((const char * const *) a->canonical, (const char * const *) b->canonical);
}

static void
add_fuzzy_key (ClrNormalizer *self,
               const char    *key,
               const char    *spelling,
               Phrase        *phrase)
{
  FuzzyKey *old = g_hash_table_lookup (self->fuzzy_keys, key);
  FuzzyKey *entry;

  if (old != NULL)
    {
      if (!same_canonical (old->phrase, phrase))
        old->ambiguous = TRUE;
      return;
    }
  entry = g_new0 (FuzzyKey, 1);
  entry->spelling = g_strdup (spelling);
  entry->phrase = phrase;
  g_hash_table_insert (self->fuzzy_keys, g_strdup (key), entry);
}

/* Symmetric deletion: two words one edit apart (a transposition included)
 * share a one-letter deletion, or one is the other's. */
static void
add_fuzzy_keys (ClrNormalizer *self,
                const char    *spelling,
                Phrase        *phrase)
{
  gsize len = strlen (spelling);
  g_autofree char *del = g_malloc (len + 1);

  add_fuzzy_key (self, spelling, spelling, phrase);
  for (gsize i = 0; i < len; i++)
    {
      memcpy (del, spelling, i);
      memcpy (del + i, spelling + i + 1, len - i);
      add_fuzzy_key (self, del, spelling, phrase);
    }
}

/* Optimal string alignment distance of two short ASCII words. */
static guint
osa (const char *a,
     const char *b)
{
  guint la = strlen (a), lb = strlen (b);
  guint d[34][34];

  if (la > 32 || lb > 32)
    return G_MAXUINT;
  for (guint i = 0; i <= la; i++)
    d[i][0] = i;
  for (guint j = 0; j <= lb; j++)
    d[0][j] = j;
  for (guint i = 1; i <= la; i++)
    for (guint j = 1; j <= lb; j++)
      {
        guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
        guint v = MIN (MIN (d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);

        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          v = MIN (v, d[i - 2][j - 2] + 1);
        d[i][j] = v;
      }
  return d[la][lb];
}

/* The table phrase one edit from @word ("ntaional" → national → natl),
 * if exactly one meaning is that close. */
static Phrase *
fuzzy_phrase (ClrNormalizer *self,
              const char    *word)
{
  gsize len = strlen (word);
  g_autofree char *del = NULL;
  Phrase *found = NULL;

  if (len < MIN_FUZZY_SPELLING || len > 32)
    return NULL;
  del = g_malloc (len + 1);
  for (gsize i = 0; i <= len; i++)
    {
      FuzzyKey *key;

      if (i == len)
        strcpy (del, word);
      else
        {
          memcpy (del, word, i);
          memcpy (del + i, word + i + 1, len - i);
        }
      key = g_hash_table_lookup (self->fuzzy_keys, del);
      if (key == NULL || osa (word, key->spelling) > 1)
        continue;
      if (key->ambiguous || (found != NULL && !same_canonical (found, key->phrase)))
        return NULL;
      found = key->phrase;
    }
  return found;
}

static void
add_spelling (ClrNormalizer *self,
              const char    *spelling,
              const char    *canonical,
              ClrTokenClass  klass)
{
  guint n_tokens = 1;
  g_autofree char *key = spelling_key (self, spelling, &n_tokens);
  Phrase *phrase;

  if (*key == '\0' || g_hash_table_contains (self->phrases, key))
    return;   /* first table wins, as for classes */

  phrase = g_new0 (Phrase, 1);
  phrase->canonical = g_strsplit (canonical, " ", -1);
  phrase->klass = klass;
  if (n_tokens == 1 && strlen (key) >= MIN_FUZZY_SPELLING)
    add_fuzzy_keys (self, key, phrase);
  g_hash_table_insert (self->phrases, g_steal_pointer (&key), phrase);
  self->max_tokens = MIN (MAX (self->max_tokens, n_tokens), MAX_PHRASE_TOKENS);
  if (klass != CLR_TOKEN_NORMAL)
    for (char **c = phrase->canonical; *c; c++)
      set_class (self, *c, klass);
}

/* Shared with the matcher and the Chinese names. */
JsonNode *
_clr_matching_parse_table (const char  *name,
                           GBytes      *bytes,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: %s"), name, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: the top level is not an object"), name);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static gboolean
string_array (const char  *file,
              const char  *field,
              JsonNode    *node,
              JsonArray  **array,
              GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s” must be an array of strings"), file, field);
      return FALSE;
    }
  *array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (*array); i++)
    {
      JsonNode *item = json_array_get_element (*array, i);
      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        {
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s: “%s” item %u is not a string"), file, field, i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

typedef GBytes *(*LoadFunc) (const char *name, gpointer data, GError **error);

static gboolean
load_synonyms (ClrNormalizer  *self,
               const char     *file,
               const char     *member,
               JsonNode       *table,
               GError        **error)
{
  JsonNode *node = json_object_get_member (json_node_get_object (table), member);
  JsonObject *words;
  g_autoptr(GList) members = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s” must be an object"), file, member);
      return FALSE;
    }
  words = json_node_get_object (node);
  members = json_object_get_members (words);
  for (GList *l = members; l; l = l->next)
    {
      const char *canonical = l->data;
      JsonArray *spellings;
      g_autofree char *field = g_strdup_printf ("%s.%s", member, canonical);

      if (!string_array (file, field, json_object_get_member (words, canonical), &spellings, error))
        return FALSE;
      add_spelling (self, canonical, canonical, CLR_TOKEN_NORMAL);
      for (guint j = 0; j < json_array_get_length (spellings); j++)
        add_spelling (self, json_array_get_string_element (spellings, j), canonical, CLR_TOKEN_NORMAL);
    }
  return TRUE;
}

/* The table @name, read by @load and parsed. */
static JsonNode *
load_table (const char  *name,
            LoadFunc     load,
            gpointer     data,
            GError     **error)
{
  g_autoptr(GBytes) bytes = load (name, data, error);

  return bytes != NULL ? _clr_matching_parse_table (name, bytes, error) : NULL;
}

static gboolean
load_tables (ClrNormalizer  *self,
             LoadFunc        load,
             gpointer        data,
             GError        **error)
{
  g_autoptr(JsonNode) legal = NULL, abbr = NULL, stop = NULL, generic = NULL, places = NULL, parts_table = NULL;
  g_autoptr(JsonNode) given = NULL;
  JsonArray *forms, *words;
  JsonNode *node;

  if ((legal = load_table ("legal-forms.json", load, data, error)) == NULL ||
      (abbr = load_table ("abbreviations.json", load, data, error)) == NULL ||
      (stop = load_table ("stopwords.json", load, data, error)) == NULL ||
      (generic = load_table ("generic-words.json", load, data, error)) == NULL ||
      (places = load_table ("places.json", load, data, error)) == NULL ||
      (parts_table = load_table ("name-parts.json", load, data, error)) == NULL ||
      (given = load_table ("given-names.json", load, data, error)) == NULL)
    return FALSE;

  if (!string_array ("name-parts.json", "separators",
                     json_object_get_member (json_node_get_object (parts_table), "separators"), &words, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (words); i++)
    g_ptr_array_add (self->separators, g_ascii_strdown (json_array_get_string_element (words, i), -1));
  if (!string_array ("name-parts.json", "family_separators",
                     json_object_get_member (json_node_get_object (parts_table), "family_separators"), &words, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (words); i++)
    g_ptr_array_add (self->family_separators, g_ascii_strdown (json_array_get_string_element (words, i), -1));

  /* Legal forms. */
  node = json_object_get_member (json_node_get_object (legal), "forms");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s” must be an array"), "legal-forms.json", "forms");
      return FALSE;
    }
  forms = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (forms); i++)
    {
      JsonNode *form = json_array_get_element (forms, i);
      JsonObject *obj;
      const char *canonical;
      JsonArray *spellings;
      g_autofree char *field = g_strdup_printf ("forms[%u].spellings", i);

      if (!JSON_NODE_HOLDS_OBJECT (form) ||
          (canonical = json_object_get_string_member_with_default (json_node_get_object (form), "canonical", NULL)) == NULL)
        {
          g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                       _("%s: forms[%u] needs a “canonical” string"), "legal-forms.json", i);
          return FALSE;
        }
      obj = json_node_get_object (form);
      if (!string_array ("legal-forms.json", field, json_object_get_member (obj, "spellings"), &spellings, error))
        return FALSE;
      {
        g_auto(GStrv) parts = g_strsplit (canonical, " ", -1);
        for (char **c = parts; *c; c++)
          set_class (self, *c, CLR_TOKEN_LEGAL_FORM);
      }
      add_spelling (self, canonical, canonical, CLR_TOKEN_LEGAL_FORM);
      for (guint j = 0; j < json_array_get_length (spellings); j++)
        add_spelling (self, json_array_get_string_element (spellings, j), canonical, CLR_TOKEN_LEGAL_FORM);
    }

  /* Stop words: each spelling is its own canonical form. */
  if (!string_array ("stopwords.json", "words",
                     json_object_get_member (json_node_get_object (stop), "words"), &words, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      guint n = 1;
      const char *word = json_array_get_string_element (words, i);
      g_autofree char *key = spelling_key (self, word, &n);

      set_class (self, key, CLR_TOKEN_STOP);
      if (n > 1)
        add_spelling (self, word, key, CLR_TOKEN_STOP);
    }

  /* Places: each spelling is its own canonical form. */
  if (!string_array ("places.json", "words",
                     json_object_get_member (json_node_get_object (places), "words"), &words, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      guint n = 1;
      const char *word = json_array_get_string_element (words, i);
      g_autofree char *key = spelling_key (self, word, &n);

      set_class (self, key, CLR_TOKEN_LOCATION);
      if (n > 1)
        add_spelling (self, word, key, CLR_TOKEN_LOCATION);
      else
        {
          /* Names are read with English plurals folded: "Philippines" is
           * the token "philippine". */
          g_autofree char *stemmed = stem (key);
          set_class (self, stemmed, CLR_TOKEN_LOCATION);
        }
    }

  /* Generic words (canonical tokens). */
  if (!string_array ("generic-words.json", "words",
                     json_object_get_member (json_node_get_object (generic), "words"), &words, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (words); i++)
    {
      g_autofree char *stemmed = stem (json_array_get_string_element (words, i));

      set_class (self, json_array_get_string_element (words, i), CLR_TOKEN_GENERIC);
      set_class (self, stemmed, CLR_TOKEN_GENERIC);
    }

  /* Abbreviations and given-name spellings: canonical → spellings. */
  return load_synonyms (self, "abbreviations.json", "words", abbr, error) &&
         load_synonyms (self, "given-names.json", "names", given, error);
}

GBytes *_clr_matching_load_resource (const char *name, GError **error);

/* Shared with the matcher (scoring.json). */
GBytes *
_clr_matching_load_resource (const char  *name,
                             GError     **error)
{
  g_autofree char *path = g_strconcat (MATCHING_RESOURCE_PATH, name, NULL);

  return g_resource_lookup_data (clr_matching_get_resource (), path,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static GBytes *
load_from_resource (const char  *name,
                    gpointer     data,
                    GError     **error)
{
  return _clr_matching_load_resource (name, error);
}

static GBytes *
load_from_dir (const char  *name,
               gpointer     data,
               GError     **error)
{
  g_autofree char *path = g_build_filename (data, name, NULL);
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return g_bytes_new_take (contents, len);
}

ClrNormalizer *
clr_normalizer_new_from_dir (const char  *dir,
                             GError     **error)
{
  g_autoptr(ClrNormalizer) self = g_object_new (CLR_TYPE_NORMALIZER, NULL);

  g_return_val_if_fail (dir != NULL, NULL);

  if (!load_tables (self, load_from_dir, (gpointer) dir, error))
    return NULL;
  return g_steal_pointer (&self);
}

ClrNormalizer *
clr_normalizer_get_default (void)
{
  static ClrNormalizer *instance = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      ClrNormalizer *self = g_object_new (CLR_TYPE_NORMALIZER, NULL);

      /* The tables are compiled into the engine: failing to read them is a
       * build defect, not a user error. */
      if (!load_tables (self, load_from_resource, NULL, &error))
        g_error ("Bundled matching tables are broken: %s", error->message);
      instance = self;
      g_once_init_leave (&initialized, 1);
    }
  return instance;
}
