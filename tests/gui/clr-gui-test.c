/* clr-gui-test.c — shared helpers for the in-process GUI tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "clr-gui-test.h"
#include "clr-match-hit.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"

#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/lsan_interface.h>

/* What shared libraries allocate while they initialise, before main(), is
 * theirs to keep, not a leak of ours. It matters for one block: GLib 2.74's
 * constructor allocates the first quark array (2,048 quarks, 16 KiB) and
 * gquark.c leaks it on purpose when a process registers more quarks ("This
 * leaks the old quarks array … lockless lookup"); a window with every page
 * registers about that many, so LeakSanitizer would report it on some runs.
 * The executable's pre-initialisers run before any library's constructor,
 * its own constructors after all of them: leak tracking is off in between,
 * on this (the only) thread. */
static void
lsan_off_for_library_init (void)
{
  __lsan_disable ();
}

__attribute__ ((section (".preinit_array"), used))
static void (*const clr_gui_test_preinit) (void) = lsan_off_for_library_init;

__attribute__ ((constructor))
static void
lsan_on_after_library_init (void)
{
  __lsan_enable ();
}
#endif

static char *tmpdir;

void
clr_gui_test_init (int    *argc,
                   char ***argv)
{
  gboolean tap = FALSE;

  for (int i = 1; i < *argc; i++)
    if (g_strcmp0 ((*argv)[i], "--tap") == 0)
      tap = TRUE;

  /* gtk_test_init () aborts without a display; do its steps by hand. */
  g_test_init (argc, argv, NULL);
  gtk_disable_setlocale ();
  setlocale (LC_ALL, "C.UTF-8");

  if (!gtk_init_check ())
    {
      if (tap)
        {
          g_print ("1..0 # SKIP no display (run under xvfb-run)\n");
          exit (0);
        }
      g_printerr ("no display: skipping\n");
      exit (77);
    }

  adw_init ();
  /* Deterministic state: no transitions half-way when a test looks. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

const char *
clr_gui_test_get_tmpdir (void)
{
  return tmpdir;
}

ClrApplication *
clr_gui_test_app_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  ClrApplication *app;

  g_assert_null (tmpdir);
  tmpdir = g_dir_make_tmp ("clearance-gui-test-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "clearance.db", NULL);
  g_setenv ("CLEARANCE_DB", db, TRUE);

  app = clr_application_new ();
  /* No bus name: tolerates a missing or shared session bus. */
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  CLR_GUI_TEST_WAIT_UNTIL (clr_application_get_store (app) != NULL, 20);
  g_assert_nonnull (clr_application_get_store (app));
  g_assert_cmpstr (clr_store_get_path (clr_application_get_store (app)), ==, db);

  return app;
}

int
clr_gui_test_run (ClrApplication *app)
{
  int rc = g_test_run ();
  GList *windows;

  if (app != NULL)
    {
      while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
        gtk_window_destroy (GTK_WINDOW (windows->data));
      clr_gui_test_iterate ();
      g_object_unref (app);
    }

  if (tmpdir != NULL)
    clr_test_rmtree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);

  return rc;
}

int
clr_gui_test_main (int                *argc,
                   char             ***argv,
                   ClrApplication    **app,
                   const ClrTestTable *table)
{
  clr_gui_test_init (argc, argv);
  if (app != NULL)
    *app = clr_gui_test_app_new ();
  clr_test_add_cases (table);
  return clr_gui_test_run (app != NULL ? *app : NULL);
}

ClrStore *
clr_gui_test_store_new (const char  *prefix,
                        char       **path)
{
  static guint counter;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%u.db", prefix, ++counter);
  g_autofree char *file = g_build_filename (clr_gui_test_get_tmpdir (), name, NULL);
  ClrStore *store = clr_store_new (file);

  g_assert_true (clr_store_open (store, &error));
  g_assert_no_error (error);
  if (path != NULL)
    *path = g_steal_pointer (&file);
  return store;
}

void
clr_gui_test_count (guint *counter)
{
  (*counter)++;
}

void
clr_gui_test_wait_count (const guint *counter,
                         guint        before,
                         guint        seconds)
{
  CLR_GUI_TEST_WAIT_UNTIL (*counter > before, seconds);
  g_assert_cmpuint (*counter, >, before);
}

void
clr_gui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
only_reference (gpointer object)
{
  return g_atomic_int_get (&G_OBJECT (object)->ref_count) == 1;
}

void
clr_gui_test_finalize_object (gpointer object)
{
  CLR_GUI_TEST_WAIT_UNTIL (only_reference (object), 20);
  g_assert_finalize_object (object);
}

void
clr_gui_test_wait_mapped (GtkWidget *widget)
{
  CLR_GUI_TEST_WAIT_UNTIL (gtk_widget_get_mapped (widget), 5);
  g_assert_true (gtk_widget_get_mapped (widget));
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *done)
{
  *done = TRUE;
}

void
clr_gui_test_wait_drawn (GtkWidget *widget)
{
  gboolean done = FALSE;
  GdkFrameClock *clock;
  gulong id;

  clr_gui_test_wait_mapped (widget);
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &done);
  gtk_widget_queue_draw (widget);
  CLR_GUI_TEST_WAIT_UNTIL (done, 5);
  g_signal_handler_disconnect (clock, id);
  g_assert_true (done);
}

GtkWindow *
clr_gui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

gboolean
clr_gui_test_save_png (GtkWidget   *widget,
                       const char  *path,
                       GError     **error)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: nothing was drawn", path);
      return FALSE;
    }

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: cannot save the PNG", path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
title_is (const char *text,
          const char *title)
{
  g_autoptr(GString) plain = NULL;
  g_autoptr(GString) wanted = NULL;

  if (text == NULL)
    return FALSE;
  plain = g_string_new (text);
  wanted = g_string_new (title);
  g_string_replace (plain, "_", "", 0);
  g_string_replace (wanted, "_", "", 0);
  return g_str_equal (plain->str, wanted->str);
}

typedef struct
{
  GType       type;
  const char *title;
} TypeAndTitle;

static gboolean
has_type_and_title (GtkWidget     *widget,
                    gconstpointer  data)
{
  const TypeAndTitle *want = data;

  if (!G_TYPE_CHECK_INSTANCE_TYPE (widget, want->type))
    return FALSE;
  if (want->title == NULL)
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (widget)
      && title_is (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), want->title))
    return TRUE;
  return GTK_IS_BUTTON (widget) && title_is (gtk_button_get_label (GTK_BUTTON (widget)), want->title);
}

GtkWidget *
clr_gui_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *title)
{
  TypeAndTitle want = { type, title };

  return clr_gui_test_find_match (root, has_type_and_title, &want);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

GtkWidget *
clr_gui_test_find_action_button (GtkWidget  *root,
                                 const char *action)
{
  return clr_gui_test_find_match (root, has_action, action);
}

typedef struct
{
  GType       selection_type;
  GListModel *model;
} SelectionOver;

static gboolean
is_list_view_over (GtkWidget     *widget,
                   gconstpointer  data)
{
  const SelectionOver *want = data;
  GtkSelectionModel *selection;
  g_autoptr(GListModel) model = NULL;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  if (!G_TYPE_CHECK_INSTANCE_TYPE (selection, want->selection_type))
    return FALSE;
  g_object_get (selection, "model", &model, NULL);
  return model == want->model;
}

GtkListView *
clr_gui_test_find_list_view (GtkWidget  *root,
                             GType       selection_type,
                             GListModel *model)
{
  SelectionOver want = { selection_type, model };

  return GTK_LIST_VIEW (clr_gui_test_find_match (root, is_list_view_over, &want));
}

GtkWidget *
clr_gui_test_find_match (GtkWidget       *root,
                         ClrGuiTestMatch  match,
                         gconstpointer    data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (match (child, data))
        return child;
      if ((found = clr_gui_test_find_match (child, match, data)) != NULL)
        return found;
    }
  return NULL;
}

GtkWindow *
clr_gui_test_present (GtkWidget *child,
                      int        width,
                      int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  clr_gui_test_wait_mapped (child);
  return window;
}

ClrShipmentPage *
clr_gui_test_present_shipment_page (ClrStore   *store,
                                    int         width,
                                    int         height,
                                    GtkWindow **window)
{
  ClrSettings *settings = clr_application_get_settings (CLR_APPLICATION (g_application_get_default ()));
  ClrShipmentPage *page = CLR_SHIPMENT_PAGE (clr_shipment_page_new (store, settings));

  *window = clr_gui_test_present (GTK_WIDGET (page), width, height);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_page_get_ready (page), 20);
  g_assert_true (clr_shipment_page_get_ready (page));
  return page;
}

ClrReviewPage *
clr_gui_test_present_review_page (ClrStore   *store,
                                  int         width,
                                  int         height,
                                  GtkWindow **window,
                                  guint      *loaded)
{
  ClrSettings *settings = clr_application_get_settings (CLR_APPLICATION (g_application_get_default ()));
  ClrReviewPage *page = CLR_REVIEW_PAGE (clr_review_page_new (store, settings));

  if (loaded != NULL)
    g_signal_connect_swapped (page, "loaded", G_CALLBACK (clr_gui_test_count), loaded);
  *window = clr_gui_test_present (GTK_WIDGET (page), width, height);
  return page;
}

void
clr_gui_test_reload_review_page (ClrReviewPage *page,
                                 guint         *loaded)
{
  guint before = *loaded;

  clr_review_page_reload (page);
  clr_gui_test_wait_count (loaded, before, 10);
}

int
clr_gui_test_min_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

void
clr_gui_test_save_artifact (GtkWidget  *widget,
                            const char *name)
{
  const char *artifacts = g_getenv ("CLEARANCE_GUI_ARTIFACTS");
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;

  if (artifacts == NULL)
    return;
  g_mkdir_with_parents (artifacts, 0755);
  png = g_build_filename (artifacts, name, NULL);
  clr_gui_test_wait_drawn (widget);
  /* A screenshot is an artifact to look at, not an assertion. */
  if (!clr_gui_test_save_png (widget, png, &error))
    g_test_message ("no screenshot: %s", error->message);
}

guint
clr_gui_test_screen_party (ClrStore   *store,
                           const char *name,
                           const char *country,
                           const char *address,
                           gint64      case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrMatcher) matcher = clr_store_load_matcher (store, &error);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(JsonArray) screening = json_array_new ();
  g_autoptr(JsonArray) parties = json_array_new ();
  JsonObject *party = json_object_new ();
  JsonObject *element = json_object_new ();
  JsonArray *hit_array = json_array_new ();

  g_assert_no_error (error);
  hits = clr_matcher_screen (matcher, name, country, clr_matcher_get_default_threshold (), 5);
  for (guint i = 0; i < hits->len; i++)
    json_array_add_element (hit_array, clr_hit_to_json (g_ptr_array_index (hits, i)));

  json_object_set_string_member (party, "name", name);
  json_object_set_string_member (party, "country", country);
  json_object_set_string_member (party, "role", "end_user");
  if (address != NULL)
    json_object_set_string_member (party, "address", address);
  json_array_add_object_element (parties, party);
  json_object_set_int_member (element, "party", 0);
  json_object_set_array_member (element, "hits", hit_array);
  json_array_add_object_element (screening, element);

  g_assert_true (clr_store_review_annotate_screening_full (store, screening, parties, case_id,
                                                           "case", &error));
  g_assert_no_error (error);
  return hits->len;
}
