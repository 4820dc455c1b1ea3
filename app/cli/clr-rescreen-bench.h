/* clr-rescreen-bench.h — the re-screening benchmark (clearance-cli rescreen --bench)
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-rescreen.h"

G_BEGIN_DECLS

/* The re-screening benchmark: a scratch database at @db_path (created;
 * must not exist) gets @old_list imported, @n_parties parties saved as open
 * cases (five per case: listed names, perturbed, and clean company names),
 * an initial full screening, some decisions, then @new_list imported and
 * re-screened. Times are wall-clock seconds. */
typedef struct
{
  guint               parties;
  guint               cases;
  double              import_old_seconds;
  double              initial_screen_seconds;   /* the first re-screen: every party against the whole list */
  double              import_new_seconds;
  double              rescreen_seconds;         /* the figure: re-screening against the update */
  double              rescreen_cpu_seconds;     /* its CPU time, all threads (load-independent) */
  guint               decisions;
  ClrRescreenSummary *summary;                  /* of the measured re-screen */
} ClrRescreenBenchResult;

void      clr_rescreen_bench_result_clear (ClrRescreenBenchResult *result);
gboolean  clr_rescreen_bench              (const char             *old_list,
                                           const char             *new_list,
                                           guint                   n_parties,
                                           const char             *db_path,
                                           ClrRescreenBenchResult *result,
                                           GError                **error);

G_END_DECLS
