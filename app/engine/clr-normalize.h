/* clr-normalize.h — names to comparable tokens: folding, transliteration, legal forms
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What a token is, which decides how much it weighs in a match. */
typedef enum
{
  CLR_TOKEN_NORMAL     = 0,
  CLR_TOKEN_LEGAL_FORM = 1 << 0,   /* co, ltd, llc, jsc … (legal-forms.json) */
  CLR_TOKEN_STOP       = 1 << 1,   /* of, the, de, al … (stopwords.json) */
  CLR_TOKEN_GENERIC    = 1 << 2,   /* trdg, tech, grp … (generic-words.json) */
  CLR_TOKEN_NUMBER     = 1 << 3,   /* digits only: kept, never stripped */
  CLR_TOKEN_LOCATION   = 1 << 4,   /* beijing, zhejiang, hong kong … (places.json) */
} ClrTokenClass;

typedef enum
{
  CLR_NORMALIZE_NONE       = 0,
  CLR_NORMALIZE_INDIVIDUAL = 1 << 0,  /* "SURNAME, Given" → "Given SURNAME" */
} ClrNormalizeFlags;

typedef struct
{
  char          *text;    /* canonical, lower-case ASCII (or the letters ICU could not romanise) */
  ClrTokenClass  klass;
  float          similarity;  /* 1, or less when a query word one edit from a table word was read as it */
  char          *typed;       /* that word as typed, else NULL */
} ClrNormToken;

void clr_norm_token_free (ClrNormToken *token);

/* Lets the tokenizer join romanised Chinese syllables into words the lists
 * know ("hua wei" → "huawei" when "huawei" is listed). */
typedef gboolean (*ClrVocabLookupFunc) (const char *word,
                                        gpointer    user_data);

#define CLR_TYPE_NORMALIZER (clr_normalizer_get_type ())

G_DECLARE_FINAL_TYPE (ClrNormalizer, clr_normalizer, CLR, NORMALIZER, GObject)

/* The normalizer with the tables bundled in the engine (the JSON files in data/matching).
 * Thread-safe: any number of threads may use it at once. Transfer none. */
ClrNormalizer *clr_normalizer_get_default (void);

/* Loads the tables from a directory holding legal-forms.json,
 * abbreviations.json, stopwords.json, places.json, generic-words.json and
 * name-parts.json. Errors name
 * the file and the field. */
ClrNormalizer *clr_normalizer_new_from_dir (const char    *dir,
                                            GError       **error);

/* NFKD, case folding, marks removed, other scripts romanised with ICU
 * (Cyrillic by BGN/PCGN, Han to pinyin): lower-case ASCII text. */
char          *clr_normalizer_fold        (ClrNormalizer *self,
                                           const char    *text);

/* The tokens of @text, after folding, legal forms, abbreviations and
 * syllable joining: a GPtrArray of ClrNormToken *, never NULL. */
GPtrArray     *clr_normalizer_tokenize    (ClrNormalizer      *self,
                                           const char         *text,
                                           ClrNormalizeFlags   flags,
                                           ClrVocabLookupFunc  vocab,
                                           gpointer            vocab_data);

/* The tokens joined by spaces: "華為技術有限公司" → "huawei tech co ltd". */
char          *clr_normalizer_normalize   (ClrNormalizer      *self,
                                           const char         *text,
                                           ClrNormalizeFlags   flags);

/* The class of a canonical token ("ltd" → LEGAL_FORM). */
ClrTokenClass  clr_normalizer_classify    (ClrNormalizer      *self,
                                           const char         *token);

/* The forms of a listed name worth matching on their own: the name without
 * its parenthesised parts, each parenthesised part, and the name as written
 * ("Semiconductor Manufacturing International Corporation (SMIC)" → the long
 * form, "SMIC", and the whole). Always at least the name itself. Transfer full. */
GStrv          clr_normalizer_name_variants (const char *name);

/* The parties joined in one published name field, split at the separators
 * of name-parts.json ("… (Huawei). Affiliated Entity: Nanchang Huawei …" →
 * "… (Huawei).", "Nanchang Huawei …"). Empty when there is nothing to split.
 * Transfer full. */
GStrv          clr_normalizer_name_parts  (ClrNormalizer      *self,
                                           const char         *name);

/* The parent a compound name field names before a family separator of
 * name-parts.json ("Huawei Technologies Co., Ltd. (Huawei). Affiliated
 * Entity: Huawei Marine" → "Huawei Technologies Co., Ltd. (Huawei)."; the
 * same text as the first of clr_normalizer_name_parts()), or NULL.
 * Transfer full. */
char          *clr_normalizer_name_family_parent (ClrNormalizer *self,
                                                  const char    *name);

G_END_DECLS
