/* clr-engine-error.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-engine-error.h"

G_DEFINE_QUARK (clr-engine-error-quark, clr_engine_error)

static gboolean
fail_valist (GError        **error,
             ClrEngineError  code,
             const char     *where,
             const char     *format,
             va_list         args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (where != NULL)
    g_set_error (error, CLR_ENGINE_ERROR, code, "%s: %s", where, message);
  else
    g_set_error_literal (error, CLR_ENGINE_ERROR, code, message);
  return FALSE;
}

gboolean
clr_engine_fail (GError        **error,
                 ClrEngineError  code,
                 const char     *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (error, code, NULL, format, args);
  va_end (args);
  return FALSE;
}

gboolean
clr_engine_fail_at (GError        **error,
                    ClrEngineError  code,
                    const char     *where,
                    const char     *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  fail_valist (error, code, where, format, args);
  va_end (args);
  return FALSE;
}
