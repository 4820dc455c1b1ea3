/* main.c — the `clearance` executable
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-locale.h"

#include "clr-application.h"

/* Run from the build tree (make run), the schema is not installed: use the one
 * meson compiled into the build dir. This must happen before anything creates
 * the default GSettings schema source, which is cached. */
static void
use_build_tree_schema (void)
{
#ifdef CLR_BUILD_ROOT
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *prefix = g_strconcat (CLR_BUILD_ROOT, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *schema_dir = g_build_filename (CLR_BUILD_ROOT, "data", NULL);
  g_autofree char *compiled = g_build_filename (schema_dir, "gschemas.compiled", NULL);

  if (exe != NULL && g_str_has_prefix (exe, prefix)
      && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL
      && g_file_test (compiled, G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, TRUE);
#endif
}

static gboolean
schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, BASE_ID, TRUE);
  if (schema != NULL)
    return TRUE;

  /* Translators: %s is a GSettings schema id. */
  g_printerr (_("The settings schema “%s” is not installed. Install Clearance, or run it "
                "from the build directory with “meson devenv”.\n"), BASE_ID);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ClrApplication) app = NULL;

  clr_locale_init ();

  g_set_application_name (_("Clearance"));

  use_build_tree_schema ();
  if (!schema_installed ())
    return 1;

  app = clr_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
