/* clr-locale.c — where the message catalogues are
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "clr-locale.h"

static gboolean
running_from_build_tree (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *prefix = g_strconcat (BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);

  return exe != NULL && g_str_has_prefix (exe, prefix)
         && g_file_test (BUILD_LOCALEDIR, G_FILE_TEST_IS_DIR);
}

const char *
clr_locale_dir (void)
{
  static gsize dir;

  if (g_once_init_enter (&dir))
    {
      const char *chosen = g_getenv ("CLEARANCE_LOCALEDIR");

      if (chosen == NULL || *chosen == '\0')
        chosen = running_from_build_tree () ? BUILD_LOCALEDIR : LOCALEDIR;
      g_once_init_leave (&dir, (gsize) g_intern_string (chosen));
    }
  return (const char *) dir;
}

void
clr_locale_init (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, clr_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
