/* clr-highlight.h — matched tokens shown in bold on a name, as Pango markup
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @word folded for comparison: compatibility-decomposed, marks dropped,
 * case-folded ("Huáwei" → "huawei"). */
char   *clr_highlight_fold   (const char         *word);

/* @text as Pango markup (escaped), every word of which whose folded form is
 * in @tokens (folded tokens, NULL-terminated; NULL = none) is wrapped in
 * <b><u>…</u></b>. Words are runs of letters and digits. */
char   *clr_highlight_markup (const char         *text,
                              const char * const *tokens);

/* Whether @text contains a word in @tokens. */
gboolean clr_highlight_contains (const char         *text,
                                 const char * const *tokens);

G_END_DECLS
