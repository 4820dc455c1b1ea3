/* clr-clock.h — clock readings for benchmarks and debug timings
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <time.h>

G_BEGIN_DECLS

/* @clock (CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID: all threads,
 * CLOCK_THREAD_CPUTIME_ID: the calling thread) in seconds. */
double clr_clock_seconds (clockid_t clock);

G_END_DECLS
