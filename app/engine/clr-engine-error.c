/* clr-engine-error.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-engine-error.h"

G_DEFINE_QUARK (clr-engine-error-quark, clr_engine_error)

gboolean
clr_engine_fail_at (GError        **error,
                    ClrEngineError  code,
                    const char     *where,
                    const char     *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (where != NULL)
    g_set_error (error, CLR_ENGINE_ERROR, code, "%s: %s", where, message);
  else
    g_set_error_literal (error, CLR_ENGINE_ERROR, code, message);
  return FALSE;
}
