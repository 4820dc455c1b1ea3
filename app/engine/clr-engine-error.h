/* clr-engine-error.h
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CLR_ENGINE_ERROR (clr_engine_error_quark ())

typedef enum
{
  CLR_ENGINE_ERROR_INVALID_INPUT,   /* a document or field the user supplied is wrong */
  CLR_ENGINE_ERROR_UNKNOWN_ECCN,
  CLR_ENGINE_ERROR_UNKNOWN_COUNTRY,
  CLR_ENGINE_ERROR_BAD_DATE,
  CLR_ENGINE_ERROR_INVALID_PACK,    /* a rule pack fails validation */
  CLR_ENGINE_ERROR_PARSE,           /* a list file cannot be parsed */
  CLR_ENGINE_ERROR_UNSUPPORTED,     /* a format or schema version this build does not know */
} ClrEngineError;

GQuark   clr_engine_error_quark (void);

/* Sets @error to @code with the formatted message; returns FALSE, so that
 * a check can end with `return clr_engine_fail (error, …);`. */
gboolean clr_engine_fail        (GError        **error,
                                 ClrEngineError  code,
                                 const char     *format,
                                 ...) G_GNUC_PRINTF (3, 4);
/* The same, the message prefixed with “@where: ” (a rule, a field). */
gboolean clr_engine_fail_at     (GError        **error,
                                 ClrEngineError  code,
                                 const char     *where,
                                 const char     *format,
                                 ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
