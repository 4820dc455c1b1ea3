/* clr-gui-test.h — shared helpers for the in-process GUI tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage (see test-window.c):
 *
 *   static ClrApplication *app;                // one per process, store open on a temp db
 *   ...
 *   static const ClrTestCase tests[] = {
 *     CLR_TEST_FUNC ("/clearance/gui/...", test_...),
 *   };
 *
 *   // clr_gui_test_init (skips the whole program without a display),
 *   // app = clr_gui_test_app_new (), the tests, clr_gui_test_run (app)
 *   CLR_GUI_TEST_MAIN_FUNCS (&app, tests)
 */

#pragma once

#include <adwaita.h>

#include "clr-application.h"
#include "clr-test.h"
#include "pages/clr-review-page.h"
#include "pages/clr-shipment-page.h"

G_BEGIN_DECLS

/* g_test_init + GTK/Adw init with animations off. Without a display it
 * exits: TAP "1..0 # SKIP" with status 0 under --tap (meson: SKIP), else 77. */
void            clr_gui_test_init        (int          *argc,
                                          char       ***argv);

/* The application, registered (::startup ran), NON_UNIQUE, with its store
 * opened on $CLEARANCE_DB = a fresh file in a temporary folder. Call once. */
ClrApplication *clr_gui_test_app_new     (void);

/* The main () of a GUI program that is a table of tests: clr_gui_test_init,
 * *@app = clr_gui_test_app_new () (no application when @app is NULL), the
 * tests of @table and clr_gui_test_run. */
int             clr_gui_test_main        (int                *argc,
                                          char             ***argv,
                                          ClrApplication    **app,
                                          const ClrTestTable *table);
#define CLR_GUI_TEST_MAIN(app, cases, Fixture, set_up, tear_down)                  \
  CLR_TEST_MAIN_WITH (clr_gui_test_main, app, CLR_TEST_TABLE (cases, Fixture, set_up, tear_down))
#define CLR_GUI_TEST_MAIN_FUNCS(app, cases)                                        \
  CLR_TEST_MAIN_WITH (clr_gui_test_main, app, CLR_TEST_TABLE_FUNCS (cases))

/* A new store opened on a fresh file @prefix-N.db in the temporary folder
 * (N counts the calls); its path in @path unless NULL. */
ClrStore       *clr_gui_test_store_new   (const char  *prefix,
                                          char       **path);

/* A signal handler that counts emissions: connect it with
 * g_signal_connect_swapped (), with a guint counter as the data. */
void            clr_gui_test_count       (guint       *counter);

/* Spins the main loop until *@counter (see clr_gui_test_count) exceeds
 * @before, at most @seconds; asserts that it did. */
void            clr_gui_test_wait_count  (const guint *counter,
                                          guint        before,
                                          guint        seconds);

/* The temporary folder of clr_gui_test_app_new (), removed by clr_gui_test_run. */
const char     *clr_gui_test_get_tmpdir  (void);

/* g_test_run, then destroys remaining windows, drops @app and the temp folder. */
int             clr_gui_test_run         (ClrApplication *app);

/* Main-loop helpers. */
void            clr_gui_test_iterate     (void);
/* Waits until the test holds the last reference to @object (work the
 * destroyed widgets started in worker threads has called back), then
 * asserts it is finalized. */
void            clr_gui_test_finalize_object (gpointer object);
void            clr_gui_test_wait_mapped (GtkWidget  *widget);
void            clr_gui_test_wait_drawn  (GtkWidget  *widget);
/* Spins the main loop until @done (re-evaluated) is true, at most @seconds. */
#define CLR_GUI_TEST_WAIT_UNTIL(done, seconds)                                   \
  G_STMT_START {                                                                 \
    gint64 clr_end_ = g_get_monotonic_time () + (seconds) * G_USEC_PER_SEC;      \
    while (!(done) && g_get_monotonic_time () < clr_end_)                        \
      {                                                                          \
        if (!g_main_context_iteration (NULL, FALSE))                             \
          g_usleep (1000);                                                       \
      }                                                                          \
  } G_STMT_END

/* A new window of @width × @height holding @child, presented and mapped. */
GtkWindow      *clr_gui_test_present     (GtkWidget   *child,
                                          int          width,
                                          int          height);

/* The first toplevel of @type among the application's windows, or NULL. */
GtkWindow      *clr_gui_test_find_window (GType        type);

/* The first descendant of @root (depth first) of @type whose title is
 * @title: an AdwPreferencesRow's title or a button's label, mnemonic
 * underscores ignored; any widget of @type when @title is NULL. */
GtkWidget      *clr_gui_test_find_widget (GtkWidget   *root,
                                          GType        type,
                                          const char  *title);
/* The first descendant of @root (depth first) for which @match (widget,
 * @data) is TRUE, or NULL. */
typedef gboolean (*ClrGuiTestMatch) (GtkWidget     *widget,
                                     gconstpointer  data);
GtkWidget      *clr_gui_test_find_match  (GtkWidget       *root,
                                          ClrGuiTestMatch  match,
                                          gconstpointer    data);
/* The first list view below @root whose selection model is a
 * @selection_type (GTK_TYPE_SINGLE_SELECTION, …) over @model. */
GtkListView    *clr_gui_test_find_list_view (GtkWidget  *root,
                                             GType       selection_type,
                                             GListModel *model);
/* The first button below @root whose action is @action ("shipment.print"). */
GtkWidget      *clr_gui_test_find_action_button (GtkWidget  *root,
                                                 const char *action);

/* A Shipment page on @store with the application's settings, presented in
 * a new window of @width × @height (in *@window) and ready: waits up to
 * 20 s for its rules to load and asserts they did. */
ClrShipmentPage *clr_gui_test_present_shipment_page (ClrStore   *store,
                                                     int         width,
                                                     int         height,
                                                     GtkWindow **window);
/* A Review page on @store with the application's settings, presented in a
 * new window of @width × @height (in *@window); each ::loaded counts in
 * *@loaded (unless NULL). It loads by itself: wait for what it shows. */
ClrReviewPage   *clr_gui_test_present_review_page   (ClrStore   *store,
                                                     int         width,
                                                     int         height,
                                                     GtkWindow **window,
                                                     guint      *loaded);
/* Reloads @page and waits (10 s at most, asserted) until *@loaded, the
 * counter given to clr_gui_test_present_review_page(), grows. */
void             clr_gui_test_reload_review_page    (ClrReviewPage *page,
                                                     guint         *loaded);

/* The minimum width @widget asks for, in pixels. */
int             clr_gui_test_min_width   (GtkWidget   *widget);

/* Saves a screenshot of @widget as @name in $CLEARANCE_GUI_ARTIFACTS (if
 * set): an artifact to look at, not an assertion. */
void            clr_gui_test_save_artifact (GtkWidget  *widget,
                                            const char *name);

/* Screens one party (@address may be NULL) with the store's matcher and
 * records its hits in the review queue, as an evaluation saved on case
 * @case_id does; the number of hits. */
guint           clr_gui_test_screen_party (ClrStore   *store,
                                           const char *name,
                                           const char *country,
                                           const char *address,
                                           gint64      case_id);

/* Renders @widget (after clr_gui_test_wait_drawn) to a PNG file. */
gboolean        clr_gui_test_save_png    (GtkWidget   *widget,
                                          const char  *path,
                                          GError     **error);

G_END_DECLS
