/* test-progress-relay.c — progress from a worker thread, delivered in the caller's context
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-progress-relay.h"
#include "clr-test.h"

typedef struct
{
  GThread *main_thread;
  guint    calls;
  guint64  last_done;
  guint64  last_total;
  gboolean wrong_thread;
  guint    destroyed;
} Seen;

static void
seen_progress (guint64  done,
               guint64  total,
               gpointer data)
{
  Seen *seen = data;

  seen->calls++;
  seen->last_done = done;
  seen->last_total = total;
  if (g_thread_self () != seen->main_thread)
    seen->wrong_thread = TRUE;
}

static void
seen_destroy (gpointer data)
{
  Seen *seen = data;

  seen->destroyed++;
}

static gpointer
report_thread (gpointer relay)
{
  for (guint64 done = 0; done <= 1000; done++)
    clr_progress_relay_report_cb (done, 1000, relay);
  clr_progress_relay_unref (relay);
  return NULL;
}

/* A caller that wants no progress passes no callback: its data is freed at
 * once and there is no relay to report to. */
static void
test_no_callback (void)
{
  Seen seen = { 0 };

  g_assert_null (clr_progress_relay_new (NULL, &seen, seen_destroy));
  g_assert_cmpuint (seen.destroyed, ==, 1);
  g_assert_null (clr_progress_relay_new (NULL, NULL, NULL));
}

/* Reports made in a worker thread reach the callback in the caller's main
 * context, throttled, with the final one always delivered; the data is freed
 * with the last reference. */
static void
test_delivers_in_caller_context (void)
{
  Seen seen = { g_thread_self (), 0 };
  ClrProgressRelay *relay = clr_progress_relay_new (seen_progress, &seen, seen_destroy);
  GThread *thread;

  g_assert_nonnull (relay);
  thread = g_thread_new ("relay-test", report_thread, clr_progress_relay_ref (relay));
  g_thread_join (thread);
  g_assert_cmpuint (seen.calls, ==, 0);   /* queued, never run in the worker */
  clr_progress_relay_unref (relay);
  g_assert_cmpuint (seen.destroyed, ==, 0);   /* the queued reports hold it */

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (seen.calls, >=, 2);
  g_assert_cmpuint (seen.calls, <, 1001);
  g_assert_cmpuint (seen.last_done, ==, 1000);
  g_assert_cmpuint (seen.last_total, ==, 1000);
  g_assert_false (seen.wrong_thread);
  g_assert_cmpuint (seen.destroyed, ==, 1);
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/progress-relay/no-callback", test_no_callback),
  CLR_TEST_FUNC ("/progress-relay/delivers-in-caller-context", test_delivers_in_caller_context),
};

CLR_TEST_MAIN_FUNCS (tests)
