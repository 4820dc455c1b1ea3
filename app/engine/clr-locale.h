/* clr-locale.h — where the message catalogues are
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder to bind the gettext domain to: the build tree's compiled
 * catalogues (BUILD_LOCALEDIR, po/LANG/LC_MESSAGES/clearance.mo) when the
 * running program is a build-tree binary (make run, meson devenv, tests),
 * else the installed LOCALEDIR. CLEARANCE_LOCALEDIR overrides both. */
const char *clr_locale_dir        (void);
/* setlocale (LC_ALL, "") and the gettext domain bound to clr_locale_dir(). */
void        clr_locale_init       (void);

G_END_DECLS
