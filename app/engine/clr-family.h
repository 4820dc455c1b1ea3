/* clr-family.h — list families: a listed entity and its subsidiaries
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-normalize.h"

G_BEGIN_DECLS

/* The family key of a listed name: the base name its subsidiaries and
 * branches share, so a reviewer can decide "Huawei Technologies Co., Ltd."
 * and "Huawei Technologies (Yangon) Co., Ltd." together. It is the first
 * party of the name field (clr_normalizer_name_parts()), without its
 * bracketed qualifiers — a bracket of one word ("(Yangon)", "(Huawei)",
 * "(SMIC)") or of places, legal forms, generic and stop words only ("(Hong
 * Kong)", "(Private)") — and without legal forms and stop words, normalised
 * by @norm's tables (places.json, legal-forms.json, …): "huawei tech" for
 * both names above. Brackets of several distinctive words stay. Never NULL;
 * "" for a name with no words. Transfer full. */
char *clr_family_key (ClrNormalizer *norm,
                      const char    *listed_name);

G_END_DECLS
