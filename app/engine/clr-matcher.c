/* clr-matcher.c — fast, explainable fuzzy screening of names against list entries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How it works
 *
 * Every listed name and alias (and the parts of a name in parentheses) is
 * normalised into canonical tokens (clr-normalize.c). Each distinct token
 * gets a weight: its inverse document frequency over the loaded names,
 * times a class factor (legal forms, stop words and generic business words
 * weigh little; data/matching/scoring.json). Adjacent listed tokens are also
 * indexed glued together ("hik vision" → "hikvision").
 *
 * A query is normalised the same way. Each query token finds its similar
 * listed tokens through a trigram index over the token vocabulary, verified
 * by optimal-string-alignment edit distance (similarity = 1 − d / length).
 * The postings of the most distinctive query tokens give candidate names;
 * only candidates whose upper bound can reach the threshold are scored.
 *
 * Scoring a name: query and listed tokens (or glued pairs of them) are paired
 * greedily by similarity, each token used once. The name score is
 * query_share × (weighted share of the query matched) + (1 − query_share) ×
 * (weighted share of the listed name matched). The entry's score is its best
 * name's, adjusted by the party's country. The pairs, their similarity and
 * weight form the explanation.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clr-chinese-names.h"
#include "clr-engine-error.h"
#include "clr-matcher.h"
#include "clr-matcher-private.h"
#include "clr-matching-private.h"
#include "clr-normalize.h"

#define NO_ID G_MAXUINT32
#define MAX_QUERY_TOKENS 24
#define MAX_NAME_TOKENS 48
#define MIN_FUZZY_LENGTH 3   /* words of 1–2 letters match exactly only */
#define MAX_SHORT_LENGTH 5   /* up to here one edit earns short_word credit */
#define TRI_BASE 38
#define TRI_BUCKETS (TRI_BASE * TRI_BASE * TRI_BASE)
#define CHAR_CODES TRI_BASE

/* ---- tuning (data/matching/scoring.json) -------------------------------- */

typedef struct
{
  double default_threshold;
  double query_share;
  double min_similarity;
  double class_weight[6];   /* normal, number, generic, legal_form, stop, location */
  double country_match;
  double country_mismatch;
  guint  max_candidates;
  double short_similarity[3];   /* one edit in a word of 3, 4, 5 letters */
  double short_rare_idf;        /* fraction of the rarest IDF at which that credit is whole */
  double chinese_exact;         /* a Chinese-name table row, equal */
  double chinese_near;          /* … one character off */
  double family_factor;         /* a match on the parent named in an affiliate's name field */
  double type_mismatch;         /* an organisation's name against a person or vessel */
  double query_word_missing;    /* matched on part of the party's name; the rest is not in the listed name */
  double band_strong;           /* review queue filter: strong at or above */
  double band_medium;           /* … medium at or above */
} Params;

static gboolean
param_double (JsonObject  *obj,
              const char  *path,
              const char  *member,
              double       min,
              double       max,
              double      *out,
              GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s%s” is missing or not a number"), "scoring.json", path, member);
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (*out < min || *out > max)
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s%s” is %g, outside %g–%g"), "scoring.json", path, member, *out, min, max);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
param_object (JsonObject  *obj,
              const char  *member,
              GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CLR_ENGINE_ERROR, CLR_ENGINE_ERROR_INVALID_INPUT,
                   _("%s: “%s” is missing or not an object"), "scoring.json", member);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Every key is required: a missing one is an error, never a fallback to
 * some other value. */
static gboolean
parse_params (GBytes   *bytes,
              Params   *params,
              GError  **error)
{
  g_autoptr(JsonNode) table = _clr_matching_parse_table ("scoring.json", bytes, error);
  JsonObject *root, *cw, *sw, *rb;
  double max_candidates;

  if (table == NULL)
    return FALSE;
  root = json_node_get_object (table);
  if (!param_double (root, "", "default_threshold", 0, 1, &params->default_threshold, error) ||
      !param_double (root, "", "query_share", 0, 1, &params->query_share, error) ||
      !param_double (root, "", "min_similarity", 0.5, 1, &params->min_similarity, error) ||
      !param_double (root, "", "country_match", 0, 1, &params->country_match, error) ||
      !param_double (root, "", "country_mismatch", -1, 0, &params->country_mismatch, error) ||
      !param_double (root, "", "max_candidates_scored", 1, 1e6, &max_candidates, error) ||
      !param_double (root, "", "chinese_name_exact", 0, 1, &params->chinese_exact, error) ||
      !param_double (root, "", "chinese_name_near", 0, 1, &params->chinese_near, error) ||
      !param_double (root, "", "family_member_factor", 0, 1, &params->family_factor, error) ||
      !param_double (root, "", "type_mismatch", -1, 0, &params->type_mismatch, error) ||
      !param_double (root, "", "query_word_missing", -1, 0, &params->query_word_missing, error))
    return FALSE;
  params->max_candidates = (guint) max_candidates;
  if ((cw = param_object (root, "class_weight", error)) == NULL ||
      !param_double (cw, "class_weight.", "normal", 0, 10, &params->class_weight[0], error) ||
      !param_double (cw, "class_weight.", "number", 0, 10, &params->class_weight[1], error) ||
      !param_double (cw, "class_weight.", "generic", 0, 10, &params->class_weight[2], error) ||
      !param_double (cw, "class_weight.", "legal_form", 0, 10, &params->class_weight[3], error) ||
      !param_double (cw, "class_weight.", "stop", 0, 10, &params->class_weight[4], error) ||
      !param_double (cw, "class_weight.", "location", 0, 10, &params->class_weight[5], error))
    return FALSE;
  if ((sw = param_object (root, "short_word", error)) == NULL ||
      !param_double (sw, "short_word.", "similarity_3", 0, 1, &params->short_similarity[0], error) ||
      !param_double (sw, "short_word.", "similarity_4", 0, 1, &params->short_similarity[1], error) ||
      !param_double (sw, "short_word.", "similarity_5", 0, 1, &params->short_similarity[2], error) ||
      !param_double (sw, "short_word.", "rare_idf_fraction", 0.01, 1, &params->short_rare_idf, error))
    return FALSE;
  if ((rb = param_object (root, "review_bands", error)) == NULL ||
      !param_double (rb, "review_bands.", "strong", 0, 1, &params->band_strong, error) ||
      !param_double (rb, "review_bands.", "medium", 0, params->band_strong, &params->band_medium, error))
    return FALSE;
  return TRUE;
}

gboolean
_clr_matcher_check_scoring (GBytes  *bytes,
                            GError **error)
{
  Params params;

  return parse_params (bytes, &params, error);
}

static const Params *
get_params (void)
{
  static Params params;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = _clr_matching_load_resource ("scoring.json", &error);

      /* Compiled in: a broken file is a build defect (test-matcher checks it). */
      if (bytes == NULL || !parse_params (bytes, &params, &error))
        g_error ("Bundled scoring.json is broken: %s", error->message);
      g_once_init_leave (&initialized, 1);
    }
  return &params;
}

static double
class_factor (ClrTokenClass klass)
{
  const Params *p = get_params ();

  if (klass & CLR_TOKEN_LEGAL_FORM)
    return p->class_weight[3];
  if (klass & CLR_TOKEN_STOP)
    return p->class_weight[4];
  if (klass & CLR_TOKEN_GENERIC)
    return p->class_weight[2];
  if (klass & CLR_TOKEN_LOCATION)
    return p->class_weight[5];
  if (klass & CLR_TOKEN_NUMBER)
    return p->class_weight[1];
  return p->class_weight[0];
}

double
clr_matcher_get_default_threshold (void)
{
  return get_params ()->default_threshold;
}

void
clr_matcher_get_review_bands (double *strong_min,
                              double *medium_min)
{
  *strong_min = get_params ()->band_strong;
  *medium_min = get_params ()->band_medium;
}

/* ---- data --------------------------------------------------------------- */

typedef struct
{
  gint64    id;
  ClrEntry *entry;
} EntryRec;

typedef struct
{
  guint32     entry;        /* index into entries */
  guint32     tok_off;      /* into name_tokens / name_compounds */
  guint16     n_tok;
  const char *display;      /* the published name or alias (owned by the entry) */
  float       total_weight;
  gboolean    distinct;     /* has a distinctive token (not a qualifier) */
  gboolean    family;       /* the parent named in an affiliate's name field */
} NameRec;

typedef struct
{
  float         *acc;       /* per name: upper bound of matched query weight */
  float         *best;      /* per name: best similarity for the current token */
  guint32       *stamp;     /* per name: which token last touched it */
  guint32        epoch;
  GArray        *touched;   /* guint32 names */
  guint8        *vcount;    /* per vocab token: trigrams shared */
  GArray        *vtouched;  /* guint32 vocab ids */
  guint32       *vq_stamp;  /* per vocab token: map_epoch when vq_head is valid */
  guint32       *vq_head;   /* per vocab token: first of its QMatch items */
  GArray        *vq_items;  /* QMatch: which query tokens the listed token matches */
  guint32        map_epoch;
} Scratch;

/* One query token (or two glued query tokens) that a listed token matches,
 * and how well: the query seen from the listed side, so that scoring a name
 * reads each of its tokens once instead of searching every query token. */
typedef struct
{
  guint32 next;             /* next item of the same listed token, or NO_ID */
  float   sim;
  guint8  q;                /* query token */
  guint8  glued;            /* q glued to q + 1 */
} QMatch;

typedef struct
{
  guint32 id;
  float   sim;
} Neigh;

/* What the fuzzy filters read of a vocabulary token, in one place: one
 * cache line or two per candidate instead of four scattered reads. */
typedef struct
{
  guint64 mask;                   /* char_mask () */
  guint8  counts[CHAR_CODES];     /* char_counts () */
} Sig;

struct _ClrMatcher
{
  GObject        parent_instance;

  ClrNormalizer *norm;
  GArray        *entries;         /* EntryRec */
  gboolean       built;
  double         build_seconds;

  GArray        *names;           /* NameRec */
  GArray        *name_tokens;     /* guint32 vocab ids */
  GArray        *name_compounds;  /* guint32 vocab ids of token j glued to j+1, or NO_ID */

  GHashTable    *vocab_ids;       /* char * → GUINT_TO_POINTER (id + 1) */
  GPtrArray     *vocab;           /* char * */
  GArray        *vocab_df;        /* guint32 names containing it (0 for glued forms) */
  GArray        *vocab_class;     /* guint8 ClrTokenClass */
  GArray        *vocab_parts;     /* guint64: glued forms' two part ids, else NO_ID */
  float         *vocab_weight;
  float         *vocab_rarity;    /* IDF / (short_word.rare_idf_fraction × unknown IDF), at most 1 */
  guint32       *short_ids[2];    /* vocab ids of fuzzy tokens of 3 and 4 letters, by first letter: */
  guint32        short_off[2][CHAR_CODES + 1];  /* one edit away, two may share no trigram ("rani" / "rnai") */
  guint8        *vocab_len;
  Sig           *vocab_sig;       /* per token: character mask and counts */
  double         unknown_idf;

  guint32       *post_off;        /* vocab id → range in post_names */
  guint32       *post_names;
  guint32       *nb_off;          /* vocab id → range in nb: its fuzzy neighbours */
  Neigh         *nb;              /* sorted by id within each range */
  double         nb_seconds;
  gboolean       no_nb_table;     /* clr_matcher_set_neighbour_table (FALSE) */
  guint32       *tri_off;         /* trigram bucket → range in tri_vocab */
  guint32       *tri_vocab;       /* vocab ids, by length within a bucket */
  guint8        *tri_len;         /* their lengths, read without touching the vocabulary */

  GAsyncQueue   *scratch_pool;

  ClrChineseNames *zh;            /* chinese-names.json (transfer none) */
  GHashTable    *zh_by_en;        /* normalised English name → GPtrArray of row + 1 */
  GArray        *zh_links;        /* ZhLink, by row then entry */
};

/* A Chinese-name table row and a listed entry it names. */
typedef struct
{
  guint32     row;
  guint32     entry;
  const char *display;   /* the entry's name or alias equal to the row's English name */
} ZhLink;

G_DEFINE_FINAL_TYPE (ClrMatcher, clr_matcher, G_TYPE_OBJECT)

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  g_free (s->acc);
  g_free (s->best);
  g_free (s->stamp);
  g_array_unref (s->touched);
  g_free (s->vcount);
  g_array_unref (s->vtouched);
  g_free (s->vq_stamp);
  g_free (s->vq_head);
  g_array_unref (s->vq_items);
  g_free (s);
}

static void
entry_rec_clear (gpointer data)
{
  EntryRec *rec = data;
  g_clear_pointer (&rec->entry, clr_entry_unref);
}

static void
clr_matcher_finalize (GObject *object)
{
  ClrMatcher *self = CLR_MATCHER (object);
  gpointer item;

  while ((item = g_async_queue_try_pop (self->scratch_pool)) != NULL)
    scratch_free (item);
  g_async_queue_unref (self->scratch_pool);

  g_array_unref (self->entries);
  g_array_unref (self->names);
  g_array_unref (self->name_tokens);
  g_array_unref (self->name_compounds);
  g_hash_table_unref (self->vocab_ids);
  g_ptr_array_unref (self->vocab);
  g_array_unref (self->vocab_df);
  g_array_unref (self->vocab_class);
  g_array_unref (self->vocab_parts);
  g_free (self->vocab_weight);
  g_free (self->vocab_rarity);
  g_free (self->short_ids[0]);
  g_free (self->short_ids[1]);
  g_free (self->vocab_len);
  g_free (self->vocab_sig);
  g_free (self->post_off);
  g_free (self->post_names);
  g_free (self->tri_off);
  g_free (self->tri_vocab);
  g_free (self->tri_len);
  g_free (self->nb_off);
  g_free (self->nb);
  g_clear_object (&self->norm);
  g_clear_pointer (&self->zh_by_en, g_hash_table_unref);
  g_clear_pointer (&self->zh_links, g_array_unref);

  G_OBJECT_CLASS (clr_matcher_parent_class)->finalize (object);
}

static void
clr_matcher_class_init (ClrMatcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = clr_matcher_finalize;
}

static void
clr_matcher_init (ClrMatcher *self)
{
  self->norm = g_object_ref (clr_normalizer_get_default ());
  self->entries = g_array_new (FALSE, TRUE, sizeof (EntryRec));
  g_array_set_clear_func (self->entries, entry_rec_clear);
  self->names = g_array_new (FALSE, TRUE, sizeof (NameRec));
  self->name_tokens = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->name_compounds = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->vocab_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->vocab = g_ptr_array_new_with_free_func (g_free);
  self->vocab_df = g_array_new (FALSE, TRUE, sizeof (guint32));
  self->vocab_class = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->vocab_parts = g_array_new (FALSE, TRUE, sizeof (guint64));
  self->scratch_pool = g_async_queue_new ();
  self->zh = clr_chinese_names_get_default ();
  self->zh_links = g_array_new (FALSE, FALSE, sizeof (ZhLink));
}

ClrMatcher *
clr_matcher_new (void)
{
  return g_object_new (CLR_TYPE_MATCHER, NULL);
}

void
clr_matcher_add_entry (ClrMatcher *self,
                       gint64      entry_id,
                       ClrEntry   *entry)
{
  EntryRec rec;

  g_return_if_fail (CLR_IS_MATCHER (self));
  g_return_if_fail (entry != NULL);
  g_return_if_fail (!self->built);

  rec.id = entry_id;
  rec.entry = clr_entry_ref (entry);
  g_array_append_val (self->entries, rec);
}

guint
clr_matcher_get_n_entries (ClrMatcher *self)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), 0);
  return self->entries->len;
}

guint
clr_matcher_get_n_names (ClrMatcher *self)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), 0);
  return self->names->len;
}

double
clr_matcher_get_build_seconds (ClrMatcher *self)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), 0);
  return self->build_seconds;
}

void
clr_matcher_set_neighbour_table (ClrMatcher *self,
                                 gboolean    enabled)
{
  g_return_if_fail (CLR_IS_MATCHER (self));
  g_return_if_fail (!self->built);

  self->no_nb_table = !enabled;
}

double
clr_matcher_get_neighbour_seconds (ClrMatcher *self)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), 0);
  return self->nb_seconds;
}

gboolean
clr_matcher_is_built (ClrMatcher *self)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), FALSE);
  return self->built;
}

/* ---- string similarity -------------------------------------------------- */

/* Letters that transliterations use for the same sound compare equal in
 * fuzzy matching: c/k/q (Nicolas, Nikolas), i/y (Yuriy, Yurii), v/w. */
static inline guchar
fold_char (guchar c)
{
  switch (c)
    {
    case 'c': case 'q':
      return 'k';
    case 'y':
      return 'i';
    case 'w':
      return 'v';
    default:
      return c;
    }
}

/* Optimal string alignment distance (Damerau–Levenshtein without repeated
 * edits of a substring), stopping early past @bound. Bytes, not characters:
 * folded tokens are ASCII. */
static guint
osa_distance (const char *a,
              guint       la,
              const char *b,
              guint       lb,
              guint       bound)
{
  guint rows[3][258];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  guint big = bound + 1;

  if ((la > lb ? la - lb : lb - la) > bound)
    return big;
  if (lb > 256 || la > 256)
    return big;

  /* Banded: only cells within @bound of the diagonal can stay within it. */
  for (guint j = 0; j <= lb; j++)
    prev[j] = j <= bound ? j : big;
  for (guint i = 1; i <= la; i++)
    {
      guint jlo = i > bound ? i - bound : 1;
      guint jhi = MIN (lb, i + bound);
      guint row_min = big;
      guint *tmp;

      cur[jlo - 1] = jlo == 1 ? MIN (i, big) : big;
      for (guint j = jlo; j <= jhi; j++)
        {
          guint v = prev[j - 1] + (fold_char (a[i - 1]) == fold_char (b[j - 1]) ? 0 : 1);

          if (prev[j] + 1 < v)
            v = prev[j] + 1;
          if (cur[j - 1] + 1 < v)
            v = cur[j - 1] + 1;
          if (i > 1 && j > 1 && fold_char (a[i - 1]) == fold_char (b[j - 2]) &&
              fold_char (a[i - 2]) == fold_char (b[j - 1]) && prev2[j - 2] + 1 < v)
            v = prev2[j - 2] + 1;
          cur[j] = MIN (v, big);
          row_min = MIN (row_min, cur[j]);
        }
      if (jhi + 1 <= lb)
        cur[jhi + 1] = big;
      if (row_min > bound)
        return big;
      tmp = prev2;
      prev2 = prev;
      prev = cur;
      cur = tmp;
    }
  return MIN (prev[lb], big);
}


/* Set bits: inline, as a baseline x86-64 build would call libgcc for
 * __builtin_popcountll on every candidate. */
static inline guint
popcount64 (guint64 v)
{
  v = v - ((v >> 1) & G_GUINT64_CONSTANT (0x5555555555555555));
  v = (v & G_GUINT64_CONSTANT (0x3333333333333333)) + ((v >> 2) & G_GUINT64_CONSTANT (0x3333333333333333));
  v = (v + (v >> 4)) & G_GUINT64_CONSTANT (0x0f0f0f0f0f0f0f0f);
  return (guint) ((v * G_GUINT64_CONSTANT (0x0101010101010101)) >> 56);
}

static guint
max_distance (guint longest)
{
  /* A short word allows one edit, which earns the short_word credit. */
  if (longest <= MAX_SHORT_LENGTH)
    return 1;
  return (guint) floor ((1.0 - get_params ()->min_similarity) * longest + 1e-9);
}

/* Similarity of a query token @a to a different listed token @b (vocabulary
 * id @b_id): 0 unless fuzzy matching applies and reaches min_similarity.
 * Symmetric in the strings; only a short word's credit depends on the
 * listed token (its rarity). */
static float
fuzzy_pair (ClrMatcher *self,
            const char *a,
            guint       la,
            const char *b,
            guint       lb,
            guint32     a_id,
            guint32     b_id,
            float      *sim_ba)
{
  const Params *params = get_params ();
  guint longest = MAX (la, lb);
  guint bound, d;
  double sim;

  if (sim_ba != NULL)
    *sim_ba = 0;
  if (la < MIN_FUZZY_LENGTH || lb < MIN_FUZZY_LENGTH)
    return 0;
  bound = max_distance (longest);
  if (bound == 0)
    return 0;
  d = osa_distance (a, la, b, lb, bound);
  if (d > bound)
    return 0;
  /* Equal but for transliteration letters: close to, never, identical
   * (in three letters, as good as an edit: "byd" is not "bid"). */
  if (d == 0 && longest > MIN_FUZZY_LENGTH)
    {
      if (sim_ba != NULL)
        *sim_ba = 0.95f;
      return 0.95f;
    }
  if (longest > MAX_SHORT_LENGTH)
    {
      sim = 1.0 - (double) d / longest;
      if (sim < params->min_similarity - 1e-9)
        return 0;
      if (sim_ba != NULL)
        *sim_ba = (float) sim;
      return (float) sim;
    }
  /* In a short word the first letter must agree (or be swapped with the
   * second): "Feng" / "Deng", "Lei" / "Wei" are other names, not slips. */
  if (fold_char (a[0]) != fold_char (b[0]) &&
      !(fold_char (a[0]) == fold_char (b[1]) && fold_char (a[1]) == fold_char (b[0])))
    return 0;
  /* One edit in a short word (Jamil / Jamli, Qaeda / Qaida) is the most
   * common slip, but a common short word is as often another word: the
   * credit grows with the listed word's rarity. */
  sim = params->short_similarity[longest - MIN_FUZZY_LENGTH];
  if (sim_ba != NULL && a_id != NO_ID && sim * self->vocab_rarity[a_id] >= params->min_similarity - 1e-9)
    *sim_ba = (float) (sim * self->vocab_rarity[a_id]);
  sim *= self->vocab_rarity[b_id];
  return sim >= params->min_similarity - 1e-9 ? (float) sim : 0;
}

static float
fuzzy_similarity (ClrMatcher *self,
                  const char *a,
                  guint       la,
                  const char *b,
                  guint       lb,
                  guint32     b_id)
{
  return fuzzy_pair (self, a, la, b, lb, NO_ID, b_id, NULL);
}

/* Places, legal forms, generic business words and stop words qualify a
 * name: they can confirm a match but never make one. */
static gboolean
distinctive_class (ClrTokenClass klass)
{
  return (klass & (CLR_TOKEN_LEGAL_FORM | CLR_TOKEN_STOP | CLR_TOKEN_GENERIC | CLR_TOKEN_LOCATION)) == 0;
}

static gboolean
fuzzy_class (ClrTokenClass klass)
{
  return (klass & (CLR_TOKEN_LEGAL_FORM | CLR_TOKEN_STOP | CLR_TOKEN_NUMBER)) == 0;
}

/* Whether two adjacent tokens are also compared glued: words (not legal
 * forms or numbers), and a short particle before a word ("el awar" =
 * "elawar", "al qaida" = "alqaida"). */
static gboolean
gluable (ClrTokenClass  a,
         const char    *a_text,
         ClrTokenClass  b)
{
  if (!fuzzy_class (b))
    return FALSE;
  if (fuzzy_class (a))
    return TRUE;
  return (a & CLR_TOKEN_STOP) && strlen (a_text) <= 3;
}

/* ---- building ----------------------------------------------------------- */

static guint32
intern (ClrMatcher    *self,
        const char    *text,
        ClrTokenClass  klass,
        guint64        parts)
{
  gpointer value = g_hash_table_lookup (self->vocab_ids, text);
  char *copy;
  guint32 id, zero = 0;
  guint8 k = (guint8) klass;

  if (value != NULL)
    {
      id = GPOINTER_TO_UINT (value) - 1;
      /* A listed word spelled like the glued form of two others ("jinping"
       * beside "jin ping") is a word: fuzzy matching and its own weight
       * apply, whichever name came first. */
      if (parts == G_MAXUINT64 && g_array_index (self->vocab_parts, guint64, id) != G_MAXUINT64)
        {
          g_array_index (self->vocab_parts, guint64, id) = G_MAXUINT64;
          g_array_index (self->vocab_class, guint8, id) = k;
        }
      return id;
    }

  id = self->vocab->len;
  copy = g_strdup (text);
  g_ptr_array_add (self->vocab, copy);
  g_hash_table_insert (self->vocab_ids, copy, GUINT_TO_POINTER (id + 1));
  g_array_append_val (self->vocab_df, zero);
  g_array_append_val (self->vocab_class, k);
  g_array_append_val (self->vocab_parts, parts);
  return id;
}

static guint32
lookup_id (ClrMatcher *self,
           const char *text)
{
  gpointer value = g_hash_table_lookup (self->vocab_ids, text);
  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : NO_ID;
}

static inline guint
tri_code (guchar c)
{
  c = fold_char (c);
  if (c >= 'a' && c <= 'z')
    return 1 + (c - 'a');
  if (c >= '0' && c <= '9')
    return 27 + (c - '0');
  if (c == '$')
    return 0;
  return 37;
}

/* How often each folded character (trigram code) occurs in @text. */
static void
char_counts (const char *text,
             guint       len,
             guint8     *counts)
{
  memset (counts, 0, CHAR_CODES);
  for (guint i = 0; i < len; i++)
    {
      guint c = tri_code ((guchar) text[i]);
      if (counts[c] < 255)
        counts[c]++;
    }
}

/* A summary of char_counts() in one word: bit c when character code c
 * occurs (codes 0–37), bit 38 + k when letter k occurs twice or more. The
 * bits that differ between two tokens never exceed the L1 distance of
 * their counts, which bag_distance() turns into an edit-distance bound:
 * a cheap first filter that reads no string. */
static guint64
char_mask (const guint8 *counts)
{
  guint64 mask = 0;

  for (guint c = 0; c < CHAR_CODES; c++)
    if (counts[c] > 0)
      mask |= G_GUINT64_CONSTANT (1) << c;
  for (guint k = 0; k < 26; k++)
    if (counts[1 + k] > 1)
      mask |= G_GUINT64_CONSTANT (1) << (CHAR_CODES + k);
  return mask;
}

/* Distinct trigram buckets of "$token$"; returns how many. */
static guint
trigrams (const char *token,
          guint       len,
          guint32    *out,
          guint       max_out)
{
  guint n = 0;

  for (guint i = 0; i < len && n < max_out; i++)
    {
      guchar c0 = i == 0 ? '$' : (guchar) token[i - 1];
      guchar c1 = (guchar) token[i];
      guchar c2 = i + 1 < len ? (guchar) token[i + 1] : '$';
      guint32 code = (tri_code (c0) * TRI_BASE + tri_code (c1)) * TRI_BASE + tri_code (c2);
      gboolean seen = FALSE;

      for (guint k = 0; k < n; k++)
        if (out[k] == code)
          seen = TRUE;
      if (!seen)
        out[n++] = code;
    }
  return n;
}

static gboolean
same_tokens (GArray  *tokens,
             guint    off_a,
             guint    n_a,
             guint32 *b,
             guint    n_b)
{
  if (n_a != n_b)
    return FALSE;
  return memcmp (&g_array_index (tokens, guint32, off_a), b, n_a * sizeof (guint32)) == 0;
}

static gboolean
same_list (const char *row_list,
           const char *entry_list)
{
  gsize lr, le;

  if (row_list == NULL || entry_list == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (row_list, entry_list) == 0)
    return TRUE;
  /* "CMIC" names the list the CSL codes "NS-CMIC". */
  lr = strlen (row_list);
  le = strlen (entry_list);
  return le > lr + 1 && entry_list[le - lr - 1] == '-' &&
         g_ascii_strcasecmp (entry_list + le - lr, row_list) == 0;
}

/* Links the Chinese-name table's rows whose English name is this form of
 * the entry's name to the entry. */
static void
link_chinese_names (ClrMatcher *self,
                    guint32     entry_idx,
                    const char *display,
                    GPtrArray  *tokens)
{
  g_autoptr(GString) key = g_string_new (NULL);
  GPtrArray *rows;
  ClrEntry *entry = g_array_index (self->entries, EntryRec, entry_idx).entry;

  for (guint i = 0; i < tokens->len; i++)
    {
      if (i > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, ((ClrNormToken *) g_ptr_array_index (tokens, i))->text);
    }
  rows = g_hash_table_lookup (self->zh_by_en, key->str);
  for (guint k = 0; rows != NULL && k < rows->len; k++)
    {
      guint32 row = GPOINTER_TO_UINT (g_ptr_array_index (rows, k)) - 1;
      ZhLink link = { row, entry_idx, display };
      gboolean known = FALSE;

      if (!same_list (clr_chinese_names_get_row (self->zh, row)->list, entry->list_code))
        continue;
      for (guint x = 0; x < self->zh_links->len && !known; x++)
        {
          ZhLink *other = &g_array_index (self->zh_links, ZhLink, x);
          known = other->row == row && other->entry == entry_idx;
        }
      if (!known)
        g_array_append_val (self->zh_links, link);
    }
}

static gboolean
tokens_distinctive (GPtrArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    if (distinctive_class (((ClrNormToken *) g_ptr_array_index (tokens, i))->klass))
      return TRUE;
  return FALSE;
}

/* Whether @text is made only of qualifiers: "(Hong Kong)", "(Shenzhen)",
 * "(PRC Branch)". */
static gboolean
qualifier_only (ClrMatcher *self,
                const char *text)
{
  g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (self->norm, text, CLR_NORMALIZE_NONE, NULL, NULL);

  return tokens->len > 0 && !tokens_distinctive (tokens);
}

static void
add_name (ClrMatcher *self,
          guint32     entry_idx,
          guint       first_name_of_entry,
          const char *display,
          const char *text,
          gboolean    individual,
          gboolean    whole,
          gboolean    family)
{
  g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (self->norm, text,
                                                         individual ? CLR_NORMALIZE_INDIVIDUAL : CLR_NORMALIZE_NONE,
                                                         NULL, NULL);
  guint32 ids[MAX_NAME_TOKENS];
  guint n = MIN (tokens->len, MAX_NAME_TOKENS);
  NameRec rec = { 0, };

  if (n == 0)
    return;
  /* A part of a name ("(PRC entity)", "(UK)") made only of places, legal
   * forms and generic words would match too much on its own. */
  if (!whole && !tokens_distinctive (tokens))
    return;
  for (guint i = 0; i < n; i++)
    {
      ClrNormToken *t = g_ptr_array_index (tokens, i);
      ids[i] = intern (self, t->text, t->klass, G_MAXUINT64);
    }
  if (self->zh_by_en != NULL)
    link_chinese_names (self, entry_idx, display, tokens);

  /* The same tokens under another spelling of this entry add nothing. */
  for (guint k = first_name_of_entry; k < self->names->len; k++)
    {
      NameRec *other = &g_array_index (self->names, NameRec, k);
      if (same_tokens (self->name_tokens, other->tok_off, other->n_tok, ids, n))
        return;
    }

  rec.entry = entry_idx;
  rec.tok_off = self->name_tokens->len;
  rec.n_tok = n;
  rec.display = display;
  rec.family = family;
  for (guint i = 0; i < n; i++)
    if (distinctive_class (((ClrNormToken *) g_ptr_array_index (tokens, i))->klass))
      rec.distinct = TRUE;
  g_array_append_vals (self->name_tokens, ids, n);
  for (guint i = 0; i < n; i++)
    {
      guint32 compound = NO_ID;

      if (i + 1 < n)
        {
          ClrNormToken *a = g_ptr_array_index (tokens, i);
          ClrNormToken *b = g_ptr_array_index (tokens, i + 1);

          if (gluable (a->klass, a->text, b->klass))
            {
              g_autofree char *glued = g_strconcat (a->text, b->text, NULL);
              guint64 parts = ((guint64) ids[i] << 32) | ids[i + 1];

              compound = lookup_id (self, glued);
              if (compound == NO_ID)
                compound = intern (self, glued, clr_normalizer_classify (self->norm, glued), parts);
            }
        }
      g_array_append_val (self->name_compounds, compound);
    }
  g_array_append_val (self->names, rec);
}

static void
add_entry_names (ClrMatcher *self,
                 guint32     entry_idx)
{
  EntryRec *rec = &g_array_index (self->entries, EntryRec, entry_idx);
  ClrEntry *entry = rec->entry;
  gboolean individual = g_strcmp0 (entry->entity_type, "individual") == 0;
  guint first = self->names->len;
  guint n_names = 1 + entry->aliases->len;

  for (guint i = 0; i < n_names; i++)
    {
      const char *display = i == 0 ? entry->name : g_ptr_array_index (entry->aliases, i - 1);
      g_auto(GStrv) parts = NULL;
      g_autoptr(GPtrArray) forms = g_ptr_array_new ();
      g_autofree char *parent = NULL;

      if (display == NULL || *display == '\0')
        continue;

      /* The name, and each party a compound name field joins. */
      parts = clr_normalizer_name_parts (self->norm, display);
      if (parts[0] != NULL)
        parent = clr_normalizer_name_family_parent (self->norm, display);
      g_ptr_array_add (forms, (gpointer) display);
      for (char **p = parts; *p; p++)
        g_ptr_array_add (forms, *p);

      for (guint f = 0; f < forms->len; f++)
        {
          g_auto(GStrv) variants = clr_normalizer_name_variants (g_ptr_array_index (forms, f));
          guint n_variants = g_strv_length (variants);
          gboolean qualified = FALSE;

          /* "Huawei Technologies (Yangon) Co., Ltd." is not "Huawei
           * Technologies Co., Ltd.": a name whose parenthesised part is a
           * place or another qualifier is matched whole only, so the entity
           * itself ranks before its family. */
          for (guint v = 1; v + 1 < n_variants; v++)
            if (qualifier_only (self, variants[v]))
              qualified = TRUE;
          for (guint v = 0; v < n_variants; v++)
            {
              if (qualified && v == 0 && n_variants > 1)
                continue;
              add_name (self, entry_idx, first, display, variants[v], individual,
                        f == 0 && g_strcmp0 (variants[v], display) == 0,
                        f > 0 && g_strcmp0 (g_ptr_array_index (forms, f), parent) == 0);
            }
        }
    }
}

static int
zh_link_cmp (gconstpointer a,
             gconstpointer b)
{
  const ZhLink *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static int
entry_rec_cmp (gconstpointer a,
               gconstpointer b)
{
  const EntryRec *x = a, *y = b;
  int c;

  if ((c = g_strcmp0 (x->entry->list_code, y->entry->list_code)) != 0 ||
      (c = g_strcmp0 (x->entry->entry_id, y->entry->entry_id)) != 0 ||
      (c = g_strcmp0 (x->entry->name, y->entry->name)) != 0)
    return c;
  {
    g_autofree char *hx = clr_entry_content_hash (x->entry);
    g_autofree char *hy = clr_entry_content_hash (y->entry);

    if ((c = g_strcmp0 (hx, hy)) != 0)
      return c;
  }
  /* The same content twice: only the caller's key tells them apart. */
  return x->id < y->id ? -1 : x->id > y->id;
}

static guint64
get_parts (ClrMatcher *self,
           guint32     id)
{
  return g_array_index (self->vocab_parts, guint64, id);
}

static int       neigh_cmp     (gconstpointer a,
                                gconstpointer b);
static Scratch  *scratch_take  (ClrMatcher *self);
static void      scratch_give  (ClrMatcher *self,
                                Scratch    *s);
static gboolean  is_glued_form (ClrMatcher *self,
                                guint32     id);
static void      build_neighbours (ClrMatcher *self);
static void      fuzzy_search  (ClrMatcher *self,
                                Scratch    *s,
                                const char *text,
                                guint       len,
                                guint32     exclude,
                                guint32     min_id,
                                GArray     *reverse,
                                GArray     *out);

/* The indexes are built in two passes: the first counts each bucket's
 * members into @off[0..n-1], this turns the counts into where each bucket
 * starts (its members are then filled in from there) and returns how many
 * there are in all. */
static guint64
counts_to_offsets (guint32 *off,
                   gsize    n)
{
  guint64 total = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint32 count = off[i];

      off[i] = (guint32) total;
      total += count;
    }
  return total;
}

void
clr_matcher_build (ClrMatcher *self)
{
  gint64 start = g_get_monotonic_time ();
  guint n_vocab, n_names;
  guint32 *fill = NULL;
  guint64 total;

  g_return_if_fail (CLR_IS_MATCHER (self));
  g_return_if_fail (!self->built);

  /* Scores and the order of equal hits are a function of the lists'
   * content, never of the order the entries were added in. */
  g_array_sort (self->entries, entry_rec_cmp);
  self->zh_by_en = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint row = 0; row < clr_chinese_names_get_n_rows (self->zh); row++)
    {
      const ClrChineseRow *r = clr_chinese_names_get_row (self->zh, row);
      GPtrArray *rows = g_hash_table_lookup (self->zh_by_en, r->en_key);

      if (rows == NULL)
        {
          rows = g_ptr_array_new ();
          g_hash_table_insert (self->zh_by_en, r->en_key, rows);
        }
      g_ptr_array_add (rows, GUINT_TO_POINTER (row + 1));
    }
  for (guint32 e = 0; e < self->entries->len; e++)
    add_entry_names (self, e);
  g_array_sort (self->zh_links, zh_link_cmp);

  n_vocab = self->vocab->len;
  n_names = self->names->len;

  /* Document frequency of real tokens (glued forms are not counted). */
  for (guint32 p = 0; p < n_names; p++)
    {
      NameRec *rec = &g_array_index (self->names, NameRec, p);
      for (guint j = 0; j < rec->n_tok; j++)
        {
          guint32 id = g_array_index (self->name_tokens, guint32, rec->tok_off + j);
          gboolean repeated = FALSE;

          for (guint k = 0; k < j; k++)
            if (g_array_index (self->name_tokens, guint32, rec->tok_off + k) == id)
              repeated = TRUE;
          if (!repeated)
            g_array_index (self->vocab_df, guint32, id)++;
        }
    }

  /* Weights: IDF × class factor; a glued form weighs its two parts. */
  self->unknown_idf = log ((n_names + 1.0) / 0.5);
  self->vocab_weight = g_new0 (float, MAX (n_vocab, 1));
  self->vocab_len = g_new0 (guint8, MAX (n_vocab, 1));
  self->vocab_sig = g_new0 (Sig, MAX (n_vocab, 1));
  self->vocab_rarity = g_new0 (float, MAX (n_vocab, 1));
  for (guint32 id = 0; id < n_vocab; id++)
    {
      guint32 df = g_array_index (self->vocab_df, guint32, id);
      ClrTokenClass klass = g_array_index (self->vocab_class, guint8, id);

      self->vocab_len[id] = (guint8) MIN (strlen (g_ptr_array_index (self->vocab, id)), 255);
      char_counts (g_ptr_array_index (self->vocab, id), self->vocab_len[id], self->vocab_sig[id].counts);
      self->vocab_sig[id].mask = char_mask (self->vocab_sig[id].counts);
      self->vocab_rarity[id] = (float) MIN (1.0, log ((n_names + 1.0) / (df + 0.5)) /
                                                 (get_params ()->short_rare_idf * self->unknown_idf));
      if (get_parts (self, id) == G_MAXUINT64)
        self->vocab_weight[id] = (float) (log ((n_names + 1.0) / (df + 0.5)) * class_factor (klass));
    }
  for (guint32 id = 0; id < n_vocab; id++)
    {
      guint64 parts = get_parts (self, id);
      if (parts != G_MAXUINT64)
        self->vocab_weight[id] = self->vocab_weight[parts >> 32] + self->vocab_weight[parts & 0xffffffffu];
    }
  for (guint32 p = 0; p < n_names; p++)
    {
      NameRec *rec = &g_array_index (self->names, NameRec, p);
      float sum = 0;

      for (guint j = 0; j < rec->n_tok; j++)
        sum += self->vocab_weight[g_array_index (self->name_tokens, guint32, rec->tok_off + j)];
      rec->total_weight = sum;
    }

  /* Postings: token (or glued form) → names, each name once. */
  self->post_off = g_new0 (guint32, n_vocab + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          total = counts_to_offsets (self->post_off, n_vocab + 1);
          self->post_names = g_new (guint32, MAX (total, 1));
          fill = g_memdup2 (self->post_off, sizeof (guint32) * (n_vocab + 1));
        }
      for (guint32 p = 0; p < n_names; p++)
        {
          NameRec *rec = &g_array_index (self->names, NameRec, p);
          for (guint j = 0; j < 2 * rec->n_tok; j++)
            {
              guint32 id = j < rec->n_tok
                ? g_array_index (self->name_tokens, guint32, rec->tok_off + j)
                : g_array_index (self->name_compounds, guint32, rec->tok_off + j - rec->n_tok);
              gboolean repeated = FALSE;

              if (id == NO_ID)
                continue;
              for (guint k = 0; k < j; k++)
                {
                  guint32 other = k < rec->n_tok
                    ? g_array_index (self->name_tokens, guint32, rec->tok_off + k)
                    : g_array_index (self->name_compounds, guint32, rec->tok_off + k - rec->n_tok);
                  if (other == id)
                    repeated = TRUE;
                }
              if (repeated)
                continue;
              if (pass == 0)
                self->post_off[id]++;
              else
                self->post_names[fill[id]++] = p;
            }
        }
    }
  g_free (fill);

  /* Trigram index over the vocabulary tokens fuzzy matching applies to
   * (not glued forms), each bucket sorted by token length. */
  self->tri_off = g_new0 (guint32, TRI_BUCKETS + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          total = counts_to_offsets (self->tri_off, TRI_BUCKETS + 1);
          self->tri_vocab = g_new (guint32, MAX (total, 1));
          self->tri_len = g_new (guint8, MAX (total, 1));
          fill = g_memdup2 (self->tri_off, sizeof (guint32) * (TRI_BUCKETS + 1));
        }
      for (guint len = MIN_FUZZY_LENGTH; len <= 255; len++)
        for (guint32 id = 0; id < n_vocab; id++)
          {
            guint32 codes[256];
            guint n;

            if (self->vocab_len[id] != len || is_glued_form (self, id) ||
                !fuzzy_class (g_array_index (self->vocab_class, guint8, id)))
              continue;
            n = trigrams (g_ptr_array_index (self->vocab, id), len, codes, G_N_ELEMENTS (codes));
            for (guint k = 0; k < n; k++)
              {
                if (pass == 0)
                  self->tri_off[codes[k]]++;
                else
                  {
                    self->tri_len[fill[codes[k]]] = (guint8) len;
                    self->tri_vocab[fill[codes[k]]++] = id;
                  }
              }
          }
    }
  g_free (fill);

  /* Tokens of three or four letters one edit apart may share no trigram
   * ("abc" / "axc", "rani" / "rnai"): they are compared directly with the
   * tokens of their own length (other lengths always share one). */
  for (int pass = 0; pass < 2; pass++)
    {
      guint32 short_fill[2][CHAR_CODES + 1];

      if (pass == 1)
        for (guint k = 0; k < 2; k++)
          {
            guint64 sum = counts_to_offsets (self->short_off[k], CHAR_CODES + 1);

            memcpy (short_fill[k], self->short_off[k], sizeof short_fill[k]);
            self->short_ids[k] = g_new (guint32, MAX (sum, 1));
          }
      else
        memset (self->short_off, 0, sizeof (self->short_off));
      for (guint32 id = 0; id < n_vocab; id++)
        if (self->vocab_len[id] >= MIN_FUZZY_LENGTH && self->vocab_len[id] <= MIN_FUZZY_LENGTH + 1 &&
            !is_glued_form (self, id) && fuzzy_class (g_array_index (self->vocab_class, guint8, id)))
          {
            guint k = self->vocab_len[id] - MIN_FUZZY_LENGTH;
            guint c = tri_code ((guchar) ((const char *) g_ptr_array_index (self->vocab, id))[0]);

            if (pass == 0)
              self->short_off[k][c]++;
            else
              self->short_ids[k][short_fill[k][c]++] = id;
          }
    }

  if (!self->no_nb_table)
    build_neighbours (self);

  self->built = TRUE;
  self->build_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_debug ("Matcher built: %u entries, %u names, %u tokens in %.3f s",
           self->entries->len, n_names, n_vocab, self->build_seconds);
}

/* ---- the neighbour table ------------------------------------------------ */

/* Every pair of listed tokens within the fuzzy bound, found once at build
 * time by a self-join: each token searches the trigram index for tokens
 * with a larger id only (the similarity and every filter are symmetric),
 * and the pair is filed under both. Queries made of listed words then read
 * their neighbours instead of searching, from the very first query. */

#define NB_CHUNK 64

typedef struct
{
  guint32 a, b;
  float   sim_ab;   /* a as the query, b listed */
  float   sim_ba;
} NbPair;

typedef struct
{
  ClrMatcher *self;
  gint        next;
} NbJob;

static gboolean
neighbour_source (ClrMatcher *self,
                  guint32     id)
{
  return self->vocab_len[id] >= MIN_FUZZY_LENGTH && !is_glued_form (self, id) &&
         fuzzy_class (g_array_index (self->vocab_class, guint8, id));
}

static gpointer
neighbour_worker (gpointer user_data)
{
  NbJob *job = user_data;
  ClrMatcher *self = job->self;
  Scratch *s = scratch_take (self);
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (NbPair));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Neigh));
  g_autoptr(GArray) back = g_array_new (FALSE, FALSE, sizeof (float));
  gint first;

  while ((first = g_atomic_int_add (&job->next, NB_CHUNK)) < (gint) self->vocab->len)
    {
      guint32 last = MIN ((guint32) first + NB_CHUNK, self->vocab->len);

      for (guint32 id = (guint32) first; id < last; id++)
        {
          if (!neighbour_source (self, id))
            continue;
          g_array_set_size (found, 0);
          g_array_set_size (back, 0);
          fuzzy_search (self, s, g_ptr_array_index (self->vocab, id), self->vocab_len[id], id, id + 1, back, found);
          for (guint k = 0; k < found->len; k++)
            {
              const Neigh *n = &g_array_index (found, Neigh, k);
              NbPair pair = { id, n->id, n->sim, g_array_index (back, float, k) };

              g_array_append_val (pairs, pair);
            }
        }
    }
  scratch_give (self, s);
  return pairs;
}

static void
build_neighbours (ClrMatcher *self)
{
  gint64 start = g_get_monotonic_time ();
  guint n_vocab = self->vocab->len;
  NbJob job = { self, 0 };
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  guint32 *fill;
  guint64 total;

  /* Small vocabularies (tests, a single list) are not worth a thread. */
  if (n_vocab < 4096)
    n_threads = 1;
  if (n_threads == 1)
    g_ptr_array_add (results, neighbour_worker (&job));
  else
    {
      g_autoptr(GPtrArray) threads = g_ptr_array_new ();

      for (guint t = 0; t < n_threads; t++)
        g_ptr_array_add (threads, g_thread_new ("matcher-neighbours", neighbour_worker, &job));
      for (guint t = 0; t < n_threads; t++)
        g_ptr_array_add (results, g_thread_join (g_ptr_array_index (threads, t)));
    }

  self->nb_off = g_new0 (guint32, n_vocab + 1);
  for (guint r = 0; r < results->len; r++)
    {
      GArray *pairs = g_ptr_array_index (results, r);
      for (guint k = 0; k < pairs->len; k++)
        {
          const NbPair *p = &g_array_index (pairs, NbPair, k);
          if (p->sim_ab > 0)
            self->nb_off[p->a]++;
          if (p->sim_ba > 0)
            self->nb_off[p->b]++;
        }
    }
  total = counts_to_offsets (self->nb_off, n_vocab + 1);
  self->nb = g_new (Neigh, MAX (total, 1));
  fill = g_memdup2 (self->nb_off, sizeof (guint32) * (n_vocab + 1));
  for (guint r = 0; r < results->len; r++)
    {
      GArray *pairs = g_ptr_array_index (results, r);
      for (guint k = 0; k < pairs->len; k++)
        {
          const NbPair *p = &g_array_index (pairs, NbPair, k);
          Neigh to_b = { p->b, p->sim_ab }, to_a = { p->a, p->sim_ba };

          if (p->sim_ab > 0)
            self->nb[fill[p->a]++] = to_b;
          if (p->sim_ba > 0)
            self->nb[fill[p->b]++] = to_a;
        }
    }
  g_free (fill);
  for (guint32 id = 0; id < n_vocab; id++)
    if (self->nb_off[id + 1] - self->nb_off[id] > 1)
      qsort (&self->nb[self->nb_off[id]], self->nb_off[id + 1] - self->nb_off[id], sizeof (Neigh), neigh_cmp);

  self->nb_seconds = (g_get_monotonic_time () - start) / 1e6;
  g_debug ("Matcher neighbour table: %" G_GUINT64_FORMAT " entries, %u threads, %.3f s",
           total, n_threads, self->nb_seconds);
}

/* ---- querying ----------------------------------------------------------- */

typedef struct
{
  char          *text;
  guint          len;
  ClrTokenClass  klass;
  guint32        exact;     /* vocab id or NO_ID */
  float          weight;
  GArray        *neigh;     /* Neigh sorted by id (index mode) */
  gboolean       glued;     /* two query tokens glued: exact matches only */
  float          cap;       /* at most this similar: a typo of a table word read as it */
  char          *typed;     /* that word as typed, for the explanation */
} QTok;

typedef struct
{
  ClrMatcher *self;
  gboolean    naive;
  QTok        tok[MAX_QUERY_TOKENS];
  QTok        glued[MAX_QUERY_TOKENS];   /* tok[i] glued to tok[i+1] */
  guint       n;
  float       total_weight;
  guint64     must_cover;   /* query tokens a match of qualifiers alone must pair */
  gboolean    distinct;     /* has a distinctive token */
} Query;

static void
qtok_clear (QTok *t)
{
  g_clear_pointer (&t->text, g_free);
  g_clear_pointer (&t->typed, g_free);
  g_clear_pointer (&t->neigh, g_array_unref);
}

static void
query_clear (Query *q)
{
  for (guint i = 0; i < q->n; i++)
    {
      qtok_clear (&q->tok[i]);
      qtok_clear (&q->glued[i]);
    }
}

static Scratch *
scratch_take (ClrMatcher *self)
{
  Scratch *s = g_async_queue_try_pop (self->scratch_pool);
  guint n_names = MAX (self->names->len, 1);
  guint n_vocab = MAX (self->vocab->len, 1);

  if (s != NULL)
    return s;
  s = g_new0 (Scratch, 1);
  s->acc = g_new0 (float, n_names);
  s->best = g_new0 (float, n_names);
  s->stamp = g_new0 (guint32, n_names);
  s->touched = g_array_new (FALSE, FALSE, sizeof (guint32));
  s->vcount = g_new0 (guint8, n_vocab);
  s->vtouched = g_array_new (FALSE, FALSE, sizeof (guint32));
  s->vq_stamp = g_new0 (guint32, n_vocab);
  s->vq_head = g_new0 (guint32, n_vocab);
  s->vq_items = g_array_new (FALSE, FALSE, sizeof (QMatch));
  return s;
}

static void
scratch_give (ClrMatcher *self,
              Scratch    *s)
{
  g_async_queue_push (self->scratch_pool, s);
}

static guint32
scratch_next_epoch (ClrMatcher *self,
                    Scratch    *s)
{
  if (++s->epoch == 0)
    {
      memset (s->stamp, 0, sizeof (guint32) * MAX (self->names->len, 1));
      s->epoch = 1;
    }
  return s->epoch;
}

static int
neigh_cmp (gconstpointer a,
           gconstpointer b)
{
  const Neigh *x = a, *y = b;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Characters of @b missing from @a's multiset, or the reverse, whichever is
 * more: no edit sequence shorter than that turns one into the other. From
 * the character counts alone: the two missing counts sum to the counts' L1
 * distance and differ by the difference in length. */
static guint
bag_distance (const guint8 *a_counts,
              guint         la,
              const guint8 *b_counts,
              guint         lb)
{
  guint l1 = 0;

  for (guint c = 0; c < CHAR_CODES; c++)
    l1 += a_counts[c] > b_counts[c] ? a_counts[c] - b_counts[c] : b_counts[c] - a_counts[c];
  return (l1 + (la > lb ? la - lb : lb - la)) / 2;
}

static guint
lower_bound_len (ClrMatcher *self,
                 guint32     lo,
                 guint32     hi,
                 guint       len)
{
  /* First position in tri_vocab[lo, hi) whose token is at least @len long
   * (each bucket is sorted by token length). */
  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      if (self->tri_len[mid] < len)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Vocabulary tokens (not glued forms) within the edit-distance bound of
 * @text, @exclude and ids below @min_id aside, appended to @out. */
/* @reverse (the neighbour table, @text the listed token @exclude): also
 * the tokens that match @text only as the query, and in @reverse (floats,
 * parallel to @out) each one's similarity as the query to @text. */
static void
fuzzy_search (ClrMatcher *self,
              Scratch    *s,
              const char *text,
              guint       len,
              guint32     exclude,
              guint32     min_id,
              GArray     *reverse,
              GArray     *out)
{
  guint32 codes[256];
  guint n_codes;
  guint min_len, max_len;
  guint64 mask;
  guint8 counts[CHAR_CODES];

  if (len < MIN_FUZZY_LENGTH || len > 255)
    return;
  /* Character counts of @text (folded), for the bag-distance filter. */
  char_counts (text, len, counts);
  mask = char_mask (counts);
  n_codes = trigrams (text, len, codes, G_N_ELEMENTS (codes));
  min_len = MAX (len - max_distance (len), MIN_FUZZY_LENGTH);
  max_len = len;
  while (max_len < 255 && max_distance (max_len + 1) >= max_len + 1 - len)
    max_len++;

  g_array_set_size (s->vtouched, 0);
  for (guint k = 0; k < n_codes; k++)
    {
      guint32 lo = self->tri_off[codes[k]], hi = self->tri_off[codes[k] + 1];
      guint32 from = lower_bound_len (self, lo, hi, min_len);

      for (guint32 x = from; x < hi; x++)
        {
          guint32 id;

          if (self->tri_len[x] > max_len)
            break;
          id = self->tri_vocab[x];
          if (id < min_id)
            continue;
          if (s->vcount[id] == 0)
            g_array_append_val (s->vtouched, id);
          if (s->vcount[id] < 255)
            s->vcount[id]++;
        }
    }
  for (guint k = 0; k < s->vtouched->len; k++)
    {
      guint32 id = g_array_index (s->vtouched, guint32, k);
      guint lv = self->vocab_len[id];
      guint longest = MAX (lv, len);
      guint bound = max_distance (longest);
      int need = (int) longest - 4 * (int) bound;

      guint dlen = lv > len ? lv - len : len - lv;

      if (id != exclude && bound > 0 && dlen <= bound &&
          (int) s->vcount[id] >= MAX (need, 1) &&
          popcount64 (mask ^ self->vocab_sig[id].mask) + dlen <= 2 * bound &&
          bag_distance (counts, len, self->vocab_sig[id].counts, lv) <= bound)
        {
          float back = 0;
          float sim = fuzzy_pair (self, text, len, g_ptr_array_index (self->vocab, id), lv,
                                  reverse != NULL ? exclude : NO_ID, id, reverse != NULL ? &back : NULL);
          if (sim > 0 || back > 0)
            {
              Neigh n = { id, sim };
              g_array_append_val (out, n);
              if (reverse != NULL)
                g_array_append_val (reverse, back);
            }
        }
    }
  /* Three or four letters against as many: compared directly (no shared
   * trigram needed); those the trigrams found were compared above. Only
   * pairs with the same first letter (or, in three letters, the first two
   * swapped) can earn credit and share no trigram: "axc" / "abc", "acb" /
   * "abc", "bac" / "abc", "rnai" / "rani". */
  for (guint b = 0; len <= MIN_FUZZY_LENGTH + 1 && b < (len == MIN_FUZZY_LENGTH ? 2u : 1u); b++)
    {
      guint k = len - MIN_FUZZY_LENGTH;
      guint c = tri_code ((guchar) text[b]);

      if (b == 1 && c == tri_code ((guchar) text[0]))
        break;
      for (guint32 x = self->short_off[k][c]; x < self->short_off[k][c + 1]; x++)
      {
        guint32 id = self->short_ids[k][x];
        float sim, back = 0;

        if (id < min_id || id == exclude || s->vcount[id] != 0 ||
            popcount64 (mask ^ self->vocab_sig[id].mask) > 2)
          continue;

        sim = fuzzy_pair (self, text, len, g_ptr_array_index (self->vocab, id), len,
                          reverse != NULL ? exclude : NO_ID, id, reverse != NULL ? &back : NULL);
        if (sim > 0 || back > 0)
          {
            Neigh n = { id, sim };
            g_array_append_val (out, n);
            if (reverse != NULL)
              g_array_append_val (reverse, back);
          }
      }
    }
  for (guint k = 0; k < s->vtouched->len; k++)
    s->vcount[g_array_index (s->vtouched, guint32, k)] = 0;
}

static gboolean
is_glued_form (ClrMatcher *self,
               guint32     id)
{
  return g_array_index (self->vocab_parts, guint64, id) != G_MAXUINT64;
}

/* Listed tokens similar to @t: the exact one, and fuzzy ones (from the
 * neighbour table for listed tokens, else found through the trigram index).
 * Glued forms match exactly only. */
static void
find_neighbours (ClrMatcher *self,
                 Scratch    *s,
                 QTok       *t)
{
  t->neigh = g_array_new (FALSE, FALSE, sizeof (Neigh));
  if (t->exact != NO_ID)
    {
      Neigh n = { t->exact, 1.0f };
      g_array_append_val (t->neigh, n);
    }
  if (t->glued || t->len < MIN_FUZZY_LENGTH || !fuzzy_class (t->klass))
    return;

  if (t->exact != NO_ID && self->nb_off != NULL)
    {
      if (!is_glued_form (self, t->exact))
        g_array_append_vals (t->neigh, &self->nb[self->nb_off[t->exact]],
                             self->nb_off[t->exact + 1] - self->nb_off[t->exact]);
    }
  else if (t->exact == NO_ID || !is_glued_form (self, t->exact))
    fuzzy_search (self, s, t->text, t->len, t->exact, 0, NULL, t->neigh);
  g_array_sort (t->neigh, neigh_cmp);
}

/* The full-scan twin of find_neighbours(): every vocabulary token compared,
 * no index (only the query token's weight depends on it). */
static void
scan_neighbours (ClrMatcher *self,
                 QTok       *t)
{
  t->neigh = g_array_new (FALSE, FALSE, sizeof (Neigh));
  if (t->exact != NO_ID)
    {
      Neigh n = { t->exact, 1.0f };
      g_array_append_val (t->neigh, n);
    }
  if (t->glued || t->len < MIN_FUZZY_LENGTH || !fuzzy_class (t->klass))
    return;
  for (guint32 id = 0; id < self->vocab->len; id++)
    {
      float sim;

      if (id == t->exact || is_glued_form (self, id) ||
          !fuzzy_class (g_array_index (self->vocab_class, guint8, id)))
        continue;
      sim = fuzzy_similarity (self, t->text, t->len, g_ptr_array_index (self->vocab, id), self->vocab_len[id], id);
      if (sim > 0)
        {
          Neigh n = { id, sim };
          g_array_append_val (t->neigh, n);
        }
    }
}

static float
qtok_sim (const Query *q,
          const QTok  *t,
          guint32      id)
{
  if (id == NO_ID)
    return 0;
  if (id == t->exact)
    return 1.0f;
  if (q->naive)
    {
      ClrMatcher *self = q->self;
      if (t->glued || is_glued_form (self, id) ||
          !fuzzy_class (t->klass) || !fuzzy_class (g_array_index (self->vocab_class, guint8, id)))
        return 0;
      return fuzzy_similarity (self, t->text, t->len, g_ptr_array_index (self->vocab, id), self->vocab_len[id], id);
    }
  if (t->neigh == NULL)
    return 0;
  {
    guint lo = 0, hi = t->neigh->len;
    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;
        guint32 mid_id = g_array_index (t->neigh, Neigh, mid).id;
        if (mid_id == id)
          return g_array_index (t->neigh, Neigh, mid).sim;
        if (mid_id < id)
          lo = mid + 1;
        else
          hi = mid;
      }
  }
  return 0;
}

static void
qtok_init (ClrMatcher    *self,
           QTok          *t,
           const char    *text,
           ClrTokenClass  klass)
{
  t->text = g_strdup (text);
  t->len = strlen (text);
  t->klass = klass;
  t->exact = lookup_id (self, text);
  t->neigh = NULL;
  t->weight = 0;
  t->cap = 1.0f;
  t->typed = NULL;
}

/* The query token's weight: that of the listed token it is (or is most
 * like), else that of a token no list contains. */
static float
qtok_weight (ClrMatcher *self,
             const QTok *t)
{
  if (t->exact != NO_ID)
    return self->vocab_weight[t->exact];
  if (t->neigh != NULL && t->neigh->len > 0)
    {
      float best_sim = -1, weight = 0;
      for (guint k = 0; k < t->neigh->len; k++)
        {
          const Neigh *n = &g_array_index (t->neigh, Neigh, k);
          if (n->sim > best_sim || (n->sim == best_sim && self->vocab_weight[n->id] > weight))
            {
              best_sim = n->sim;
              weight = self->vocab_weight[n->id];
            }
        }
      return weight;
    }
  return (float) (self->unknown_idf * class_factor (t->klass));
}

static gboolean
vocab_has (const char *word,
           gpointer    user_data)
{
  ClrMatcher *self = user_data;
  return g_hash_table_contains (self->vocab_ids, word);
}

static void
query_init (ClrMatcher *self,
            Query      *q,
            Scratch    *s,
            const char *text,
            gboolean    naive)
{
  g_autoptr(GPtrArray) tokens = clr_normalizer_tokenize (self->norm, text, CLR_NORMALIZE_NONE,
                                                         vocab_has, self);

  memset (q, 0, sizeof (*q));
  q->self = self;
  q->naive = naive;
  q->n = MIN (tokens->len, MAX_QUERY_TOKENS);
  for (guint i = 0; i < q->n; i++)
    {
      ClrNormToken *t = g_ptr_array_index (tokens, i);
      qtok_init (self, &q->tok[i], t->text, t->klass);
      q->tok[i].cap = t->similarity;
      q->tok[i].typed = g_strdup (t->typed);
      if (!naive)
        find_neighbours (self, s, &q->tok[i]);
      else
        scan_neighbours (self, &q->tok[i]);
    }
  for (guint i = 0; i + 1 < q->n; i++)
    {
      QTok *a = &q->tok[i], *b = &q->tok[i + 1];
      g_autofree char *glued = NULL;

      if (!gluable (a->klass, a->text, b->klass))
        continue;
      glued = g_strconcat (a->text, b->text, NULL);
      qtok_init (self, &q->glued[i], glued, clr_normalizer_classify (self->norm, glued));
      q->glued[i].glued = TRUE;
      if (!naive)
        find_neighbours (self, s, &q->glued[i]);
    }
  q->total_weight = 0;
  for (guint i = 0; i < q->n; i++)
    {
      q->tok[i].weight = qtok_weight (self, &q->tok[i]);
      q->total_weight += q->tok[i].weight;
      if ((q->tok[i].klass & (CLR_TOKEN_LEGAL_FORM | CLR_TOKEN_STOP)) == 0)
        q->must_cover |= G_GUINT64_CONSTANT (1) << i;
      if (distinctive_class (q->tok[i].klass))
        q->distinct = TRUE;
    }
}

/* ---- scoring one name --------------------------------------------------- */

typedef struct
{
  float  sim;
  guint8 q0, q1;   /* query tokens consumed (q1 == q0 unless glued) */
  guint8 n0, n1;   /* listed tokens consumed */
} Pair;

typedef struct
{
  Pair   pairs[MAX_QUERY_TOKENS];
  guint  n_pairs;
  double query_cover;
  double name_cover;
} Detail;

static int
pair_cmp (gconstpointer a,
          gconstpointer b)
{
  const Pair *x = a, *y = b;

  if (x->sim != y->sim)
    return x->sim > y->sim ? -1 : 1;
  /* Prefer single-token pairs, then query order: stable and readable. */
  if ((x->q1 - x->q0 + x->n1 - x->n0) != (y->q1 - y->q0 + y->n1 - y->n0))
    return (x->q1 - x->q0 + x->n1 - x->n0) < (y->q1 - y->q0 + y->n1 - y->n0) ? -1 : 1;
  if (x->q0 != y->q0)
    return x->q0 < y->q0 ? -1 : 1;
  if (x->n0 != y->n0)
    return x->n0 < y->n0 ? -1 : 1;
  /* A total order: the pairs' order, hence the score, never depends on the
   * order they were found in (the index and the full scan find them in
   * different orders). */
  if (x->q1 != y->q1)
    return x->q1 < y->q1 ? -1 : 1;
  return x->n1 < y->n1 ? -1 : x->n1 > y->n1;
}

#define MAX_PAIRS (MAX_QUERY_TOKENS * MAX_NAME_TOKENS * 3)

/* The name's score from its candidate token pairs: the best pairs taken
 * greedily, each query and listed token used once. */
static double
score_pairs (const Query   *q,
             const NameRec *rec,
             const guint32 *ntok,
             Pair          *pairs,
             guint          n_pairs,
             Detail        *detail)
{
  ClrMatcher *self = q->self;
  guint64 qused = 0, nused = 0;
  double qsum = 0, nsum = 0, alpha = get_params ()->query_share;
  gboolean distinct = FALSE;

  /* A query word read as a table word it is one edit from matches at most
   * as well as a fuzzy match. */
  for (guint k = 0; k < n_pairs; k++)
    for (guint i = pairs[k].q0; i <= pairs[k].q1; i++)
      if (q->tok[i].cap < pairs[k].sim)
        pairs[k].sim = q->tok[i].cap;
  qsort (pairs, n_pairs, sizeof (Pair), pair_cmp);
  if (detail != NULL)
    detail->n_pairs = 0;
  for (guint k = 0; k < n_pairs; k++)
    {
      Pair *p = &pairs[k];
      guint64 qmask = ((G_GUINT64_CONSTANT (2) << p->q1) - 1) & ~((G_GUINT64_CONSTANT (1) << p->q0) - 1);
      guint64 nmask = ((G_GUINT64_CONSTANT (2) << p->n1) - 1) & ~((G_GUINT64_CONSTANT (1) << p->n0) - 1);

      if ((qused & qmask) || (nused & nmask))
        continue;
      qused |= qmask;
      nused |= nmask;
      for (guint i = p->q0; i <= p->q1; i++)
        qsum += p->sim * q->tok[i].weight;
      for (guint j = p->n0; j <= p->n1; j++)
        {
          nsum += p->sim * self->vocab_weight[ntok[j]];
          if (distinctive_class (g_array_index (self->vocab_class, guint8, ntok[j])))
            distinct = TRUE;
        }
      if (detail != NULL && detail->n_pairs < G_N_ELEMENTS (detail->pairs))
        detail->pairs[detail->n_pairs++] = *p;
    }

  /* Qualifiers confirm a match but never make one: without a distinctive
   * word in common, only a listed name made of qualifiers alone can match,
   * and only when every word of both names is paired ("Dubai Trading
   * Company" is that entry; "Falcon Trading (Dubai)" is not). */
  if (!distinct &&
      (rec->distinct ||
       nused != (G_GUINT64_CONSTANT (2) << (rec->n_tok - 1)) - 1 ||
       (qused & q->must_cover) != q->must_cover))
    {
      if (detail != NULL)
        detail->query_cover = detail->name_cover = 0;
      return 0;
    }

  {
    double qcover = q->total_weight > 0 ? qsum / q->total_weight : 0;
    double ncover = rec->total_weight > 0 ? nsum / rec->total_weight : 0;
    double score;

    qcover = CLAMP (qcover, 0, 1);
    ncover = CLAMP (ncover, 0, 1);
    score = alpha * qcover + (1 - alpha) * ncover;
    if (detail != NULL)
      {
        detail->query_cover = qcover;
        detail->name_cover = ncover;
      }
    /* Rounding must not keep an identical name from scoring exactly 1. */
    if (score > 0.99999)
      score = 1.0;
    /* The parent named in an affiliate's entry: the family is found, the
     * parent's own entry ranks first. */
    if (rec->family)
      score *= get_params ()->family_factor;
    return score;
  }
}

#define PUSH(s, a, b, c, d) G_STMT_START { \
    if ((s) >= floor_sim) \
      { Pair p_ = { (s), (a), (b), (c), (d) }; pairs[n_pairs++] = p_; } \
  } G_STMT_END

/* Scores a name by comparing every query token with every listed token:
 * the reference (full scan, explanations). */
static double
score_name (const Query *q,
            guint32      name_idx,
            Detail      *detail)
{
  ClrMatcher *self = q->self;
  const NameRec *rec = &g_array_index (self->names, NameRec, name_idx);
  const guint32 *ntok = &g_array_index (self->name_tokens, guint32, rec->tok_off);
  const guint32 *ncomp = &g_array_index (self->name_compounds, guint32, rec->tok_off);
  Pair pairs[MAX_PAIRS];
  guint n_pairs = 0;
  float floor_sim = (float) get_params ()->min_similarity;

  if (q->n == 0 || rec->n_tok == 0)
    return 0;

  for (guint i = 0; i < q->n; i++)
    {
      const QTok *t = &q->tok[i];

      for (guint j = 0; j < rec->n_tok; j++)
        {
          PUSH (qtok_sim (q, t, ntok[j]), i, i, j, j);
          if (j + 1 < rec->n_tok && fuzzy_class (t->klass))
            PUSH (qtok_sim (q, t, ncomp[j]), i, i, j, j + 1);
          if (i + 1 < q->n && q->glued[i].text != NULL)
            PUSH (qtok_sim (q, &q->glued[i], ntok[j]), i, i + 1, j, j);
        }
    }
  return score_pairs (q, rec, ntok, pairs, n_pairs, detail);
}

/* Files every query token's neighbours under the listed tokens they are,
 * for score_name_mapped(). */
static void
map_query (ClrMatcher  *self,
           Scratch     *s,
           const Query *q)
{
  if (++s->map_epoch == 0)
    {
      memset (s->vq_stamp, 0, sizeof (guint32) * MAX (self->vocab->len, 1));
      s->map_epoch = 1;
    }
  g_array_set_size (s->vq_items, 0);
  for (guint g = 0; g < 2; g++)
    for (guint i = 0; i < q->n; i++)
      {
        const QTok *t = g == 0 ? &q->tok[i] : &q->glued[i];

        if (t->text == NULL || t->neigh == NULL)
          continue;
        for (guint k = 0; k < t->neigh->len; k++)
          {
            const Neigh *n = &g_array_index (t->neigh, Neigh, k);
            QMatch m = { NO_ID, n->sim, (guint8) i, (guint8) g };

            if (s->vq_stamp[n->id] == s->map_epoch)
              m.next = s->vq_head[n->id];
            s->vq_stamp[n->id] = s->map_epoch;
            s->vq_head[n->id] = s->vq_items->len;
            g_array_append_val (s->vq_items, m);
          }
      }
}

/* score_name() through the map of map_query(): the same pairs, found by
 * reading each listed token once. */
static double
score_name_mapped (const Query *q,
                   Scratch     *s,
                   guint32      name_idx)
{
  ClrMatcher *self = q->self;
  const NameRec *rec = &g_array_index (self->names, NameRec, name_idx);
  const guint32 *ntok = &g_array_index (self->name_tokens, guint32, rec->tok_off);
  const guint32 *ncomp = &g_array_index (self->name_compounds, guint32, rec->tok_off);
  const QMatch *items = (const QMatch *) s->vq_items->data;
  Pair pairs[MAX_PAIRS];
  guint n_pairs = 0;
  float floor_sim = (float) get_params ()->min_similarity;

  if (q->n == 0 || rec->n_tok == 0)
    return 0;

  for (guint j = 0; j < rec->n_tok; j++)
    {
      guint32 id = ntok[j];

      if (s->vq_stamp[id] == s->map_epoch)
        for (guint32 x = s->vq_head[id]; x != NO_ID; x = items[x].next)
          {
            if (!items[x].glued)
              PUSH (items[x].sim, items[x].q, items[x].q, j, j);
            else
              PUSH (items[x].sim, items[x].q, items[x].q + 1, j, j);
          }
      id = j + 1 < rec->n_tok ? ncomp[j] : NO_ID;
      if (id != NO_ID && s->vq_stamp[id] == s->map_epoch)
        for (guint32 x = s->vq_head[id]; x != NO_ID; x = items[x].next)
          if (!items[x].glued && fuzzy_class (q->tok[items[x].q].klass))
            PUSH (items[x].sim, items[x].q, items[x].q, j, j + 1);
    }
  return score_pairs (q, rec, ntok, pairs, n_pairs, NULL);
}

#undef PUSH

/* ---- hits --------------------------------------------------------------- */

typedef struct
{
  guint32 entry;
  guint32 name;         /* NO_ID: a Chinese-name table hit */
  double  name_score;
  double  score;
  double  adjust;       /* country */
  double  type_adjust;  /* an organisation's name against a person or vessel */
  double  part_adjust;  /* matched on part of the party's name, the rest not listed */
  guint32 zh;           /* index into the query's Chinese-name matches, or NO_ID */
  const char *display;  /* a Chinese-name table hit's matched name */
} Cand;

static int
cand_by_entry (gconstpointer a,
               gconstpointer b)
{
  const Cand *x = a, *y = b;

  if (x->entry != y->entry)
    return x->entry < y->entry ? -1 : 1;
  if (x->name_score != y->name_score)
    return x->name_score > y->name_score ? -1 : 1;
  return x->name < y->name ? -1 : x->name > y->name;
}

static int
cand_by_score (gconstpointer a,
               gconstpointer b)
{
  const Cand *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->name_score != y->name_score)
    return x->name_score > y->name_score ? -1 : 1;
  return x->entry < y->entry ? -1 : x->entry > y->entry;
}

static gboolean
entry_has_country (ClrEntry   *entry,
                   const char *country)
{
  for (guint i = 0; i < entry->countries->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (entry->countries, i), country) == 0)
      return TRUE;
  return FALSE;
}

static double
country_adjustment (ClrEntry   *entry,
                    const char *country,
                    double      name_score)
{
  if (country == NULL || *country == '\0' || entry->countries->len == 0)
    return 0;
  if (entry_has_country (entry, country))
    return get_params ()->country_match;
  /* A different country never hides an exact name hit. */
  if (name_score >= 1.0)
    return 0;
  return get_params ()->country_mismatch;
}

static gboolean
not_organisation (ClrEntry *entry)
{
  return g_strcmp0 (entry->entity_type, "individual") == 0 ||
         g_strcmp0 (entry->entity_type, "vessel") == 0 ||
         g_strcmp0 (entry->entity_type, "aircraft") == 0;
}

static void
append_type_adjustment (GString    *text,
                        ClrEntry   *entry,
                        double      adjust)
{
  if (adjust == 0)
    return;
  if (g_strcmp0 (entry->entity_type, "individual") == 0)
    g_string_append_printf (text, _("; the party’s name has a legal form, the entry is a person: %+.2f"), adjust);
  else
    g_string_append_printf (text, _("; the party’s name has a legal form, the entry is a vessel or aircraft: %+.2f"), adjust);
}

static void
append_token_text (GString     *out,
                   const Query *q,
                   const Pair  *p,
                   const guint32 *ntok,
                   gboolean     query_side)
{
  ClrMatcher *self = q->self;
  guint a = query_side ? p->q0 : p->n0;
  guint b = query_side ? p->q1 : p->n1;

  for (guint k = a; k <= b; k++)
    {
      if (k > a)
        g_string_append_c (out, '+');
      g_string_append (out, query_side ? (q->tok[k].typed != NULL ? q->tok[k].typed : q->tok[k].text)
                                       : (const char *) g_ptr_array_index (self->vocab, ntok[k]));
    }
}

static void
zh_match_clear (gpointer data)
{
  g_free (((ClrChineseMatch *) data)->key);
}

/* Entries the Chinese-name table says @name names. */
static void
chinese_candidates (ClrMatcher *self,
                    const char *name,
                    GArray     *matches,
                    GArray     *cands)
{
  const Params *params = get_params ();

  clr_chinese_names_lookup (self->zh, name, matches);
  for (guint k = 0; k < matches->len; k++)
    {
      const ClrChineseMatch *m = &g_array_index (matches, ClrChineseMatch, k);
      guint lo = 0, hi = self->zh_links->len;

      /* First link of the row. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          if (g_array_index (self->zh_links, ZhLink, mid).row < m->row)
            lo = mid + 1;
          else
            hi = mid;
        }
      for (guint x = lo; x < self->zh_links->len && g_array_index (self->zh_links, ZhLink, x).row == m->row; x++)
        {
          const ZhLink *link = &g_array_index (self->zh_links, ZhLink, x);
          Cand c = { 0, };

          c.entry = link->entry;
          c.name = NO_ID;
          c.name_score = m->exact ? params->chinese_exact : params->chinese_near;
          c.zh = k;
          c.display = link->display;
          g_array_append_val (cands, c);
        }
    }
}

static ClrHit *
make_zh_hit (ClrMatcher   *self,
             const Cand   *c,
             GArray       *matches,
             const char   *name,
             const char   *country)
{
  EntryRec *rec = &g_array_index (self->entries, EntryRec, c->entry);
  const ClrChineseMatch *m = &g_array_index (matches, ClrChineseMatch, c->zh);
  const ClrChineseRow *row = clr_chinese_names_get_row (self->zh, m->row);
  ClrHit *hit = clr_hit_new (rec->id, rec->entry);
  GString *text = g_string_new (NULL);

  hit->score = c->score;
  hit->name_score = c->name_score;
  hit->country_adjust = c->adjust;
  hit->matched_name = g_strdup (c->display);
  clr_hit_add_token_match (hit, m->key, row->en_key, c->name_score, 1.0);
  if (m->exact)
    /* TRANSLATORS: a Chinese query found through the Chinese-name table:
     * the Chinese name, the table's row, the list entry's English name, the
     * list, and where the Chinese name comes from */
    g_string_append_printf (text, _("Chinese name %s = %s (chinese-names.json row %u: “%s” on %s; source: %s%s%s)"),
                            m->key, row->zh, row->index, row->en, row->list, row->source,
                            row->source_url ? ", " : "", row->source_url ? row->source_url : "");
  else
    g_string_append_printf (text, _("Chinese name %s ≈ %s, one character off (chinese-names.json row %u: “%s” on %s; source: %s%s%s)"),
                            name, row->zh, row->index, row->en, row->list, row->source,
                            row->source_url ? ", " : "", row->source_url ? row->source_url : "");
  if (c->adjust > 0)
    g_string_append_printf (text, _("; country %s is the entry’s: %+.2f"), country, c->adjust);
  else if (c->adjust < 0)
    g_string_append_printf (text, _("; country %s is not the entry’s: %+.2f"), country, c->adjust);
  append_type_adjustment (text, rec->entry, c->type_adjust);
  hit->explanation = g_string_free (text, FALSE);
  return hit;
}

static ClrHit *
make_hit (const Query *q,
          const Cand  *c,
          const char  *country)
{
  ClrMatcher *self = q->self;
  EntryRec *rec = &g_array_index (self->entries, EntryRec, c->entry);
  const NameRec *name = &g_array_index (self->names, NameRec, c->name);
  const guint32 *ntok = &g_array_index (self->name_tokens, guint32, name->tok_off);
  ClrHit *hit = clr_hit_new (rec->id, rec->entry);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  Detail detail;
  guint64 qused = 0, nused = 0;

  score_name (q, c->name, &detail);
  hit->score = c->score;
  hit->name_score = c->name_score;
  hit->country_adjust = c->adjust;
  hit->matched_name = g_strdup (name->display);

  /* Pairs in query order. */
  for (guint i = 0; i < q->n; i++)
    for (guint k = 0; k < detail.n_pairs; k++)
      {
        const Pair *p = &detail.pairs[k];
        g_autoptr(GString) qt = g_string_new (NULL);
        g_autoptr(GString) nt = g_string_new (NULL);
        double weight = 0;

        if (p->q0 != i)
          continue;
        append_token_text (qt, q, p, ntok, TRUE);
        append_token_text (nt, q, p, ntok, FALSE);
        for (guint x = p->q0; x <= p->q1; x++)
          {
            weight += q->total_weight > 0 ? q->tok[x].weight / q->total_weight : 0;
            qused |= G_GUINT64_CONSTANT (1) << x;
          }
        for (guint x = p->n0; x <= p->n1; x++)
          nused |= G_GUINT64_CONSTANT (1) << x;
        clr_hit_add_token_match (hit, qt->str, nt->str, p->sim, weight);
        if (text->len > 0)
          g_string_append (text, ", ");
        /* TRANSLATORS: one matched token: query word, = or ≈, listed word,
         * similarity, and the word's share of the query's weight */
        g_string_append_printf (text, _("%s%s%s %.2f×%.0f%%"), qt->str,
                                p->sim >= 1.0f ? "=" : "≈", nt->str, p->sim, weight * 100);
      }
  for (guint i = 0; i < q->n; i++)
    if (!(qused & (G_GUINT64_CONSTANT (1) << i)))
      {
        double weight = q->total_weight > 0 ? q->tok[i].weight / q->total_weight : 0;

        clr_hit_add_token_match (hit, q->tok[i].text, NULL, 0, weight);
        if (missing->len > 0)
          g_string_append (missing, ", ");
        g_string_append_printf (missing, "%s (%.0f%%)", q->tok[i].text, weight * 100);
      }
  if (text->len == 0)
    g_string_append (text, _("no word matched"));
  if (missing->len > 0)
    g_string_append_printf (text, _("; not in the listed name: %s"), missing->str);

  {
    g_autoptr(GString) extra = g_string_new (NULL);
    for (guint j = 0; j < name->n_tok; j++)
      if (!(nused & (G_GUINT64_CONSTANT (1) << j)))
        {
          double w = name->total_weight > 0 ? self->vocab_weight[ntok[j]] / name->total_weight : 0;
          if (extra->len > 0)
            g_string_append (extra, ", ");
          g_string_append_printf (extra, "%s (%.0f%%)", (const char *) g_ptr_array_index (self->vocab, ntok[j]), w * 100);
        }
    if (extra->len > 0)
      g_string_append_printf (text, _("; listed words not in the query: %s"), extra->str);
  }
  g_string_append_printf (text, _("; query covered %.0f%%, listed name covered %.0f%%"),
                          detail.query_cover * 100, detail.name_cover * 100);
  if (name->family)
    g_string_append_printf (text, _("; matched the parent this entry names, not the entry itself: ×%.2f"),
                            get_params ()->family_factor);
  if (c->adjust > 0)
    g_string_append_printf (text, _("; country %s is the entry’s: %+.2f"), country, c->adjust);
  else if (c->adjust < 0)
    g_string_append_printf (text, _("; country %s is not the entry’s: %+.2f"), country, c->adjust);
  else if (country != NULL && *country != '\0' && rec->entry->countries->len > 0 &&
           !entry_has_country (rec->entry, country))
    g_string_append_printf (text, _("; country %s is not the entry’s, ignored for an exact name"), country);
  append_type_adjustment (text, rec->entry, c->type_adjust);

  hit->explanation = g_string_free (g_steal_pointer (&text), FALSE);
  return hit;
}

/* Scores @names (or all names when NULL) and appends the candidates. */
static void
score_names (const Query *q,
             const guint32 *names,
             guint          n_names,
             GArray        *cands)
{
  ClrMatcher *self = q->self;

  for (guint k = 0; k < n_names; k++)
    {
      guint32 p = names != NULL ? names[k] : k;
      Cand c = { 0, };

      c.name = p;
      c.entry = g_array_index (self->names, NameRec, p).entry;
      c.name_score = score_name (q, p, NULL);
      if (c.name_score > 0)
        g_array_append_val (cands, c);
    }
}

typedef struct
{
  guint32 name;
  float   bound;
  float   weight;     /* the name's total weight */
} Bound;

/* Best bound first; equally good for the query: the name with less left
 * over first; then by name. A total order. */
static inline gboolean
bound_before (const Bound *x,
              const Bound *y)
{
  if (x->bound != y->bound)
    return x->bound > y->bound;
  if (x->weight != y->weight)
    return x->weight < y->weight;
  return x->name < y->name;
}

/* Moves the @k best of @b[0, n) (by bound_before) to the front, in no
 * particular order: the set is exactly that of a full sort's first @k. */
static void
select_best (Bound *b,
             guint  n,
             guint  k)
{
  guint lo = 0, hi = n;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2, store = lo;
      Bound pivot, tmp;

      /* Median of three as the pivot, parked at hi - 1. */
      if (bound_before (&b[hi - 1], &b[lo]))
        { tmp = b[lo]; b[lo] = b[hi - 1]; b[hi - 1] = tmp; }
      if (bound_before (&b[mid], &b[lo]))
        { tmp = b[lo]; b[lo] = b[mid]; b[mid] = tmp; }
      if (bound_before (&b[hi - 1], &b[mid]))
        { tmp = b[mid]; b[mid] = b[hi - 1]; b[hi - 1] = tmp; }
      tmp = b[mid]; b[mid] = b[hi - 1]; b[hi - 1] = tmp;
      pivot = b[hi - 1];
      for (guint x = lo; x + 1 < hi; x++)
        if (bound_before (&b[x], &pivot))
          {
            tmp = b[x]; b[x] = b[store]; b[store] = tmp;
            store++;
          }
      tmp = b[store]; b[store] = b[hi - 1]; b[hi - 1] = tmp;
      /* b[lo, store) come before the pivot, b[store + 1, hi) after it. */
      if (store == k || store + 1 == k)
        return;
      if (k < store)
        hi = store;
      else
        lo = store + 1;
    }
}

static void
accumulate (ClrMatcher  *self,
            Scratch     *s,
            const QTok  *t,
            float        weight)
{
  guint32 epoch = scratch_next_epoch (self, s);

  for (guint k = 0; t->neigh != NULL && k < t->neigh->len; k++)
    {
      const Neigh *n = &g_array_index (t->neigh, Neigh, k);

      for (guint32 x = self->post_off[n->id]; x < self->post_off[n->id + 1]; x++)
        {
          guint32 p = self->post_names[x];

          if (s->stamp[p] != epoch)
            {
              if (s->acc[p] == 0)
                g_array_append_val (s->touched, p);
              s->stamp[p] = epoch;
              s->best[p] = n->sim;
              s->acc[p] += weight * n->sim;
            }
          else if (n->sim > s->best[p])
            {
              s->acc[p] += weight * (n->sim - s->best[p]);
              s->best[p] = n->sim;
            }
        }
    }
}

static int
qtok_order_cmp (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  const Query *q = data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (q->tok[x].weight != q->tok[y].weight)
    return q->tok[x].weight > q->tok[y].weight ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Candidate names from the index, scored. */
static void
index_candidates (ClrMatcher *self,
                  Scratch    *s,
                  const Query *q,
                  double      threshold,
                  GArray     *cands)
{
  const Params *params = get_params ();
  double alpha = params->query_share;
  double need = (threshold - (1 - alpha)) / alpha * q->total_weight;
  double remaining = q->total_weight;
  guint order[MAX_QUERY_TOKENS];
  gboolean included[MAX_QUERY_TOKENS] = { FALSE, };
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (Bound));

  for (guint i = 0; i < q->n; i++)
    order[i] = i;
  g_qsort_with_data (order, q->n, sizeof (guint), qtok_order_cmp, (gpointer) q);

  g_array_set_size (s->touched, 0);
  /* A name that matches none of the included tokens can cover at most the
   * remaining weight: stop once that cannot reach the threshold. */
  for (guint k = 0; k < q->n; k++)
    {
      guint i = order[k];

      if (remaining < need - 1e-6)
        break;
      included[i] = TRUE;
      remaining -= q->tok[i].weight;
      accumulate (self, s, &q->tok[i], q->tok[i].weight);
    }
  for (guint i = 0; i + 1 < q->n; i++)
    if (q->glued[i].text != NULL && (included[i] || included[i + 1]))
      accumulate (self, s, &q->glued[i], q->tok[i].weight + q->tok[i + 1].weight);

  for (guint k = 0; k < s->touched->len; k++)
    {
      guint32 p = g_array_index (s->touched, guint32, k);
      double ub = q->total_weight > 0 ? (s->acc[p] + MAX (remaining, 0)) / q->total_weight : 0;
      /* Ranked by the uncapped bound: capping at 1 would tie every strong
       * candidate and let the cap below drop the best one. */
      Bound b = { p, (float) ub, g_array_index (self->names, NameRec, p).total_weight };

      if (alpha * MIN (ub, 1.0) + (1 - alpha) >= threshold - 1e-6)
        g_array_append_val (bounds, b);
      s->acc[p] = 0;
    }
  g_array_set_size (s->touched, 0);

  if (bounds->len > params->max_candidates)
    {
      select_best ((Bound *) bounds->data, bounds->len, params->max_candidates);
      g_array_set_size (bounds, params->max_candidates);
    }
  map_query (self, s, q);
  for (guint k = 0; k < bounds->len; k++)
    {
      Cand c = { 0, };

      c.name = g_array_index (bounds, Bound, k).name;
      c.entry = g_array_index (self->names, NameRec, c.name).entry;
      c.name_score = score_name_mapped (q, s, c.name);
      if (c.name_score > 0)
        g_array_append_val (cands, c);
    }
}

/* Whether the listed name @p lacks a word of the party's name as typed
 * (@whole) that its part @part leaves out: "Huawei Technologies (UK) Co.,
 * Ltd." read as "Huawei Technologies Co., Ltd." against a listed name
 * without "UK", or "(CSSC) 710th Research Institute" read as "CSSC". The
 * place or the rest the party states is evidence the listed name lacks. */
static gboolean
lacks_dropped_word (const Query *part,
                    const Query *whole,
                    guint32      p)
{
  ClrMatcher *self = whole->self;
  const NameRec *rec = &g_array_index (self->names, NameRec, p);
  const guint32 *ntok = &g_array_index (self->name_tokens, guint32, rec->tok_off);

  for (guint i = 0; i < whole->n; i++)
    {
      const QTok *t = &whole->tok[i];
      gboolean kept = FALSE, listed = FALSE;

      for (guint j = 0; j < part->n && !kept; j++)
        kept = g_strcmp0 (part->tok[j].text, t->text) == 0;
      if (kept)
        continue;
      for (guint j = 0; j < rec->n_tok && !listed; j++)
        listed = t->exact != NO_ID && ntok[j] == t->exact;
      if (!listed)
        return TRUE;
    }
  return FALSE;
}

static GPtrArray *
screen (ClrMatcher *self,
        const char *name,
        const char *country,
        double      threshold,
        guint       limit,
        gboolean    naive)
{
  GPtrArray *hits = g_ptr_array_new_with_free_func ((GDestroyNotify) clr_hit_unref);
  g_autoptr(GArray) cands = g_array_new (FALSE, FALSE, sizeof (Cand));
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (Cand));
  g_auto(GStrv) variants = NULL;
  g_autofree gboolean *skipped = NULL;
  g_autofree guint *starts = NULL;
  g_autofree guint *ends = NULL;
  g_autoptr(GArray) zh_matches = g_array_new (FALSE, FALSE, sizeof (ClrChineseMatch));
  gboolean organisation = FALSE;
  Query *queries;
  guint n_variants;
  Scratch *s;

  if (name == NULL || self->names->len == 0)
    return hits;

  /* The name without its parentheses, each parenthesised part, and the
   * whole name as typed. */
  variants = clr_normalizer_name_variants (name);
  n_variants = g_strv_length (variants);
  queries = g_new0 (Query, n_variants);
  s = scratch_take (self);
  skipped = g_new0 (gboolean, n_variants);
  starts = g_new0 (guint, n_variants);
  ends = g_new0 (guint, n_variants);
  for (guint v = 0; v < n_variants; v++)
    {
      query_init (self, &queries[v], s, variants[v], naive);
      /* A part of the party's name made only of qualifiers ("(Hong Kong)")
       * is not a name of its own; the name as typed always is. */
      if (v + 1 < n_variants && !queries[v].distinct)
        {
          skipped[v] = TRUE;
          continue;
        }
      starts[v] = cands->len;
      if (naive)
        score_names (&queries[v], NULL, self->names->len, cands);
      else
        index_candidates (self, s, &queries[v], threshold - MAX (get_params ()->country_match, 0), cands);
      ends[v] = cands->len;
    }
  scratch_give (self, s);
  /* A match on a part of the party's name (without its bracketed place,
   * or a bracketed part alone) costs a little when the listed name lacks
   * the rest: the listed name that has it ranks first. */
  for (guint v = 0; v + 1 < n_variants; v++)
    for (guint k = starts[v]; k < ends[v]; k++)
      {
        Cand *c = &g_array_index (cands, Cand, k);

        if (lacks_dropped_word (&queries[v], &queries[n_variants - 1], c->name))
          {
            c->part_adjust = get_params ()->query_word_missing;
            c->name_score = MAX (c->name_score + c->part_adjust, 0.0);
          }
      }
  /* A legal form in the name as typed: the party is an organisation. */
  for (guint i = 0; i < queries[n_variants - 1].n; i++)
    if (queries[n_variants - 1].tok[i].klass & CLR_TOKEN_LEGAL_FORM)
      organisation = TRUE;
  g_array_set_clear_func (zh_matches, zh_match_clear);
  chinese_candidates (self, name, zh_matches, cands);

  /* Best name per entry (across variants), then the country. */
  g_array_sort (cands, cand_by_entry);
  for (guint k = 0; k < cands->len; k++)
    {
      Cand c = g_array_index (cands, Cand, k);
      EntryRec *rec;

      if (k > 0 && g_array_index (cands, Cand, k - 1).entry == c.entry)
        continue;
      rec = &g_array_index (self->entries, EntryRec, c.entry);
      c.adjust = country_adjustment (rec->entry, country, c.name_score);
      c.type_adjust = organisation && c.name_score < 1.0 && not_organisation (rec->entry)
        ? get_params ()->type_mismatch : 0;
      c.score = CLAMP (c.name_score + c.adjust + c.type_adjust, 0.0, 1.0);
      if (c.score < threshold - 1e-9)
        continue;
      g_array_append_val (best, c);
    }
  g_array_sort (best, cand_by_score);
  if (limit > 0 && best->len > limit)
    g_array_set_size (best, limit);

  for (guint k = 0; k < best->len; k++)
    {
      const Cand *c = &g_array_index (best, Cand, k);
      ClrHit *hit;
      guint v = 0;

      if (c->name == NO_ID)
        {
          g_ptr_array_add (hits, make_zh_hit (self, c, zh_matches, name, country));
          continue;
        }

      /* Explain with the variant that scored this name best. */
      if (n_variants > 1)
        {
          double top = -1;
          for (guint x = 0; x < n_variants; x++)
            {
              double sc = skipped[x] ? -1 : score_name (&queries[x], c->name, NULL);
              if (sc > top)
                {
                  top = sc;
                  v = x;
                }
            }
        }
      hit = make_hit (&queries[v], c, country);
      if (c->part_adjust != 0)
        {
          char *text = g_strdup_printf (_("%s; matched on part of the party’s name, the rest is not in the listed name: %+.2f"),
                                        hit->explanation, c->part_adjust);
          g_free (hit->explanation);
          hit->explanation = text;
        }
      g_ptr_array_add (hits, hit);
    }

  for (guint v = 0; v < n_variants; v++)
    query_clear (&queries[v]);
  g_free (queries);
  return hits;
}

GPtrArray *
clr_matcher_screen (ClrMatcher *self,
                    const char *name,
                    const char *country,
                    double      threshold,
                    guint       limit)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), NULL);
  g_return_val_if_fail (self->built, NULL);

  return screen (self, name, country, threshold, limit, FALSE);
}

GPtrArray *
clr_matcher_screen_full_scan (ClrMatcher *self,
                              const char *name,
                              const char *country,
                              double      threshold,
                              guint       limit)
{
  g_return_val_if_fail (CLR_IS_MATCHER (self), NULL);
  g_return_val_if_fail (self->built, NULL);

  return screen (self, name, country, threshold, limit, TRUE);
}

