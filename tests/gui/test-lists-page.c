/* test-lists-page.c — the Lists page: empty start, import, freshness, what changed, search, update
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libsoup/soup.h>

#include "clr-gui-test.h"
#include "clr-match-hit.h"
#include "clr-store-lists.h"
#include "clr-store-sources.h"
#include "lists/clr-lists-item.h"
#include "clr-lists-tasks.h"
#include "pages/clr-lists-page-private.h"

static ClrApplication *app;

typedef struct
{
  ClrStore     *store;
  GtkWindow    *window;
  ClrListsPage *page;
  guint         sources_loaded;
  guint         finished;
  gboolean      last_ok;
  char         *last_message;
  guint         changes_loaded;
  guint         searched;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "gui", "data", name, NULL);
}

static void
finished_cb (ClrListsPage *page,
             gboolean      ok,
             const char   *message,
             Fixture      *f)
{
  f->finished++;
  f->last_ok = ok;
  g_free (f->last_message);
  f->last_message = g_strdup (message);
}

static void
wait_sources (Fixture *f)
{
  guint before = f->sources_loaded;

  clr_lists_page_reload (f->page);
  clr_gui_test_wait_count (&f->sources_loaded, before, 10);
}

/* Imports through the page (as the file chooser or a drop does) and waits
 * for the import and its re-screen to end. */
static void
import_through_page (Fixture    *f,
                     const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = f->finished;

  clr_lists_page_import_file (f->page, file);
  g_assert_true (clr_lists_page_get_busy (f->page));
  clr_gui_test_wait_count (&f->finished, before, 20);
  g_assert_false (clr_lists_page_get_busy (f->page));
  /* The page re-reads its sources after every operation. */
  wait_sources (f);
}

static ClrSourceStatus *
find_status (Fixture    *f,
             const char *id)
{
  GPtrArray *sources = f->page->sources;

  g_assert_nonnull (sources);
  for (guint i = 0; i < sources->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (sources, i);

      if (g_strcmp0 (status->source->id, id) == 0)
        return status;
    }
  return NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = clr_gui_test_store_new ("lists", NULL);

  f->page = g_object_new (CLR_TYPE_LISTS_PAGE,
                          "store", f->store,
                          "settings", clr_application_get_settings (app),
                          NULL);
  g_signal_connect_swapped (f->page, "sources-loaded", G_CALLBACK (clr_gui_test_count), &f->sources_loaded);
  g_signal_connect (f->page, "operation-finished", G_CALLBACK (finished_cb), f);
  g_signal_connect_swapped (f->page, "changes-loaded", G_CALLBACK (clr_gui_test_count), &f->changes_loaded);
  g_signal_connect_swapped (f->page, "search-finished", G_CALLBACK (clr_gui_test_count), &f->searched);

  f->window = clr_gui_test_present (GTK_WIDGET (f->page), 900, 700);
  wait_sources (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
  g_free (f->last_message);
  clr_gui_test_finalize_object (f->store);
}

static void
test_empty_start (Fixture       *f,
                  gconstpointer  data)
{
  ClrSourceStatus *csl;

  /* Nothing loaded: every built-in source is "never loaded" and the page
   * warns, naming them. */
  csl = find_status (f, "csl");
  g_assert_nonnull (csl);
  g_assert_cmpint (csl->freshness, ==, CLR_SOURCE_FRESHNESS_NEVER_LOADED);
  g_assert_null (csl->version);
  g_assert_true (clr_lists_page_get_needs_attention (f->page));
  g_assert_nonnull (strstr (clr_lists_page_get_attention_text (f->page), "Never loaded:"));
  g_assert_nonnull (strstr (clr_lists_page_get_attention_text (f->page), csl->source->label));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "lists-page-empty.png");
}

static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path ("csl-v1.csv");
  ClrSourceStatus *csl;

  import_through_page (f, path);
  g_assert_true (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "Imported “csl-v1.csv” as csl: 8 records"));
  g_assert_nonnull (strstr (gtk_label_get_text (f->page->status_label), "8 records"));

  csl = find_status (f, "csl");
  g_assert_nonnull (csl->version);
  g_assert_cmpint (csl->freshness, ==, CLR_SOURCE_FRESHNESS_CURRENT);
  g_assert_cmpuint (csl->version->records, ==, 8);
  g_assert_cmpstr (csl->version->file_name, ==, "csl-v1.csv");
  g_assert_nonnull (strstr (clr_lists_sources_view_get_summary (f->page->sources_view), "8 records screened against"));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "lists-page-sources.png");

  /* The same file again changes nothing, and says so. */
  import_through_page (f, path);
  g_assert_true (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "already the current version"));
}

static void
test_import_bad_file (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *good = fixture_path ("csl-v1.csv");
  g_autofree char *bad = g_build_filename (clr_gui_test_get_tmpdir (), "broken.csv", NULL);
  g_autoptr(GError) error = NULL;
  ClrSourceStatus *csl;

  import_through_page (f, good);
  g_assert_true (g_file_set_contents (bad, "\"_id\",\"source\",\"name\"\n\"1\",\"Entity List (EL)\",\"unterminated\n", -1,
                                      &error));
  g_assert_no_error (error);

  import_through_page (f, bad);
  g_assert_false (f->last_ok);
  /* The message names the file, and the previous version stays current. */
  g_assert_nonnull (strstr (f->last_message, "“broken.csv” was not imported, the lists are as they were"));
  csl = find_status (f, "csl");
  g_assert_cmpstr (csl->version->file_name, ==, "csl-v1.csv");
  g_assert_cmpuint (csl->version->records, ==, 8);
}

static void
test_freshness (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = fixture_path ("csl-v1.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) now = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) in_8_days = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_later = NULL;
  const char *others[] = { "ofac-sdn", "ofac-nonsdn", "bis-dpl" };

  import_through_page (f, path);

  /* The other built-ins are not used here: disabled, they stop counting. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_true (clr_store_set_source_enabled (f->store, others[i], FALSE, &error));
      g_assert_no_error (error);
    }

  now = clr_lists_load_sources (f->store, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (clr_lists_needs_attention (now, 7, &text));
  g_assert_null (text);

  in_8_days = g_date_time_add_days (today, 8);
  later = clr_lists_load_sources (f->store, 7, in_8_days, &error);
  g_assert_no_error (error);
  g_assert_true (clr_lists_needs_attention (later, 7, &text_later));
  g_assert_nonnull (strstr (text_later, "Older than 7 days:"));
  for (guint i = 0; i < later->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (later, i);

      if (g_strcmp0 (status->source->id, "csl") == 0)
        g_assert_cmpint (status->freshness, ==, CLR_SOURCE_FRESHNESS_STALE);
    }

  /* The page follows: no warning once every enabled source is current. */
  wait_sources (f);
  /* (A load the import started may report first: wait for the newest.) */
  CLR_GUI_TEST_WAIT_UNTIL (!clr_lists_page_get_needs_attention (f->page), 10);
  g_assert_false (clr_lists_page_get_needs_attention (f->page));
}

/* First run with the consolidated list only: it carries the SDN and DPL
 * entries, so "Never loaded" names neither OFAC SDN nor the BIS DPL (but still
 * the OFAC non-SDN list, which this small CSL does not carry). */
static void
test_csl_covers_sdn_and_dpl (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *path = fixture_path ("csl-v1.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *text = NULL;
  const char *text_page;

  import_through_page (f, path);

  statuses = clr_lists_load_sources (f->store, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (clr_lists_needs_attention (statuses, 7, &text));
  g_assert_nonnull (strstr (text, "Never loaded:"));
  g_assert_nonnull (strstr (text, "OFAC Consolidated Sanctions List (non-SDN)"));
  g_assert_null (strstr (text, "OFAC Specially Designated Nationals (SDN) List"));
  g_assert_null (strstr (text, "BIS Denied Persons List"));
  for (guint i = 0; i < statuses->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (statuses, i);
      const ClrSourceStatus *cover = clr_lists_covered_by (statuses, status);

      if (g_strcmp0 (status->source->id, "ofac-sdn") == 0 || g_strcmp0 (status->source->id, "bis-dpl") == 0)
        {
          g_assert_nonnull (cover);
          g_assert_cmpstr (cover->source->id, ==, "csl");
        }
      else
        g_assert_null (cover);
    }

  /* The page's banner says the same. */
  text_page = clr_lists_page_get_attention_text (f->page);
  g_assert_nonnull (text_page);
  g_assert_null (strstr (text_page, "OFAC Specially Designated Nationals (SDN) List"));
  g_assert_null (strstr (text_page, "BIS Denied Persons List"));

  /* Disabled, the consolidated list covers nothing. */
  g_assert_true (clr_store_set_source_enabled (f->store, "csl", FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&statuses, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  statuses = clr_lists_load_sources (f->store, 7, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (clr_lists_needs_attention (statuses, 7, &text));
  g_assert_nonnull (strstr (text, "OFAC Specially Designated Nationals (SDN) List"));
  g_assert_nonnull (strstr (text, "BIS Denied Persons List"));
}

static GtkStack *
find_stack_with (GtkWidget  *root,
                 const char *child_name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found;

      if (GTK_IS_STACK (child) && gtk_stack_get_child_by_name (GTK_STACK (child), child_name) != NULL)
        return GTK_STACK (child);
      if ((found = find_stack_with (child, child_name)) != NULL)
        return found;
    }
  return NULL;
}

static gboolean
focus_in (Fixture   *f,
          GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Opening the Search tab (as its switcher button does) puts the cursor in
 * the search field. */
static void
test_search_tab_focuses_field (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *path = fixture_path ("csl-v1.csv");
  GtkStack *views;
  GtkWidget *entry;

  import_through_page (f, path);
  views = find_stack_with (GTK_WIDGET (f->page), "search");
  g_assert_nonnull (views);
  entry = clr_gui_test_find_widget (gtk_stack_get_child_by_name (views, "search"),
                                    GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);

  gtk_stack_set_visible_child_name (views, "sources");
  clr_gui_test_iterate ();
  g_assert_false (focus_in (f, entry));

  gtk_stack_set_visible_child_name (views, "search");
  CLR_GUI_TEST_WAIT_UNTIL (focus_in (f, entry), 5);
  g_assert_true (focus_in (f, entry));
}

static void
test_changes_and_search (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *v1 = fixture_path ("csl-v1.csv");
  g_autofree char *v2 = fixture_path ("csl-v2.csv");
  GListModel *changes;
  GListModel *results;
  gboolean found_changed = FALSE;
  guint before;

  import_through_page (f, v1);
  import_through_page (f, v2);
  g_assert_true (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "1 added, 0 removed, 1 changed"));
  g_assert_nonnull (strstr (f->last_message, "For your parties:"));

  before = f->changes_loaded;
  clr_lists_page_show_changes (f->page, "csl");
  CLR_GUI_TEST_WAIT_UNTIL (f->changes_loaded > before, 10);
  changes = clr_lists_changes_view_get_model (f->page->changes_view);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  g_assert_cmpstr (clr_lists_changes_view_get_summary (f->page->changes_view), ==,
                   "1 added · 0 removed · 1 changed (2 of 2 changes shown)");
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(ClrListsItem) item = g_list_model_get_item (changes, i);
      const ClrListChange *change = clr_lists_item_get_change (item);

      if (change->kind == CLR_LIST_CHANGE_CHANGED)
        {
          found_changed = TRUE;
          g_assert_nonnull (strstr (change->name, "Huawei"));
          g_assert_true (g_strv_contains ((const char * const *) change->fields, "addresses"));
        }
    }
  g_assert_true (found_changed);

  /* Only the additions, on the Entity List, in China. */
  clr_lists_changes_view_filter (f->page->changes_view, CLR_LIST_CHANGE_ADDED, "EL", "CN");
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 1);
  {
    g_autoptr(ClrListsItem) item = g_list_model_get_item (changes, 0);
    const ClrListChange *change = clr_lists_item_get_change (item);

    g_assert_cmpstr (change->name, ==, "Beijing Zhipu Huazhang Technology Co., Ltd.");
  }
  clr_lists_changes_view_filter (f->page->changes_view, CLR_LIST_CHANGE_REMOVED, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 0);
  clr_lists_changes_view_filter (f->page->changes_view, -1, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "lists-page-changes.png");

  /* The added entry is found by the same matcher as screening, alias too. */
  before = f->searched;
  clr_lists_page_search (f->page, "Zhipu AI");
  CLR_GUI_TEST_WAIT_UNTIL (f->searched > before, 10);
  results = clr_lists_search_view_get_model (f->page->search_view);
  g_assert_cmpuint (g_list_model_get_n_items (results), >=, 1);
  {
    g_autoptr(ClrListsItem) item = g_list_model_get_item (results, 0);
    ClrHit *hit = clr_lists_item_get_hit (item);

    g_assert_cmpstr (hit->entry->name, ==, "Beijing Zhipu Huazhang Technology Co., Ltd.");
    g_assert_cmpstr (hit->entry->list_code, ==, "EL");
    g_assert_nonnull (hit->explanation);
  }
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "lists-page-search.png");

  /* Every view of the page fits a 360 px phone screen. */
  {
    const char *views[] = { "sources", "changes", "search" };
    GtkStack *sub = NULL;

    for (GtkWidget *w = GTK_WIDGET (f->page); w != NULL && sub == NULL; )
      {
        GtkWidget *next = gtk_widget_get_first_child (w);

        /* The view stack is the GtkStack that has a "changes" page. */
        for (GtkWidget *c = next; c != NULL; c = gtk_widget_get_next_sibling (c))
          if (GTK_IS_STACK (c) && gtk_stack_get_child_by_name (GTK_STACK (c), "changes") != NULL)
            sub = GTK_STACK (c);
        if (sub == NULL)
          {
            GtkWidget *stack = NULL;

            for (GtkWidget *c = next; c != NULL; c = gtk_widget_get_next_sibling (c))
              if (GTK_IS_STACK (c) || GTK_IS_BOX (c))
                stack = c;
            w = GTK_IS_STACK (stack) ? gtk_stack_get_visible_child (GTK_STACK (stack)) : stack;
          }
      }
    g_assert_nonnull (sub);
    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        int min = 0;

        gtk_stack_set_visible_child_name (sub, views[i]);
        gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
        g_assert_cmpint (min, <=, 360);
      }
  }
}

/* A list server on 127.0.0.1 serving one file whose content the test swaps. */
static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  GBytes *body = *(GBytes **) user_data;

  if (g_strcmp0 (path, "/list.csv") != 0 || body == NULL)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
update_source (Fixture    *f,
               const char *id)
{
  guint before = f->finished;

  clr_lists_page_update (f->page, id);
  clr_gui_test_wait_count (&f->finished, before, 30);
  wait_sources (f);
}

static void
test_update_from_server (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autofree char *url = NULL;
  g_autofree char *base = NULL;
  ClrSourceStatus *status;

  soup_server_add_handler (server, NULL, serve_cb, &body, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  url = g_strdup_printf ("%slist.csv", base);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  g_assert_true (clr_store_add_custom_source (f->store, "mirror", "Company mirror", url, &error));
  g_assert_no_error (error);
  wait_sources (f);
  status = find_status (f, "mirror");
  g_assert_nonnull (status);
  g_assert_cmpint (status->freshness, ==, CLR_SOURCE_FRESHNESS_NEVER_LOADED);

  /* Plain http is refused unless the app was started with CLEARANCE_ALLOW_HTTP=1. */
  g_unsetenv ("CLEARANCE_ALLOW_HTTP");
  update_source (f, "mirror");
  g_assert_false (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "plain http"));
  g_setenv ("CLEARANCE_ALLOW_HTTP", "1", TRUE);

  /* A failing server: the error says why and nothing is loaded. */
  update_source (f, "mirror");
  g_assert_false (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "mirror: not updated, the current version stays"));
  g_assert_null (find_status (f, "mirror")->version);

  body = read_fixture ("csl-v1.csv");
  update_source (f, "mirror");
  g_assert_true (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "mirror: updated to 8 records"));
  g_assert_cmpuint (find_status (f, "mirror")->version->records, ==, 8);

  g_bytes_unref (body);
  body = read_fixture ("csl-v2.csv");
  update_source (f, "mirror");
  g_assert_true (f->last_ok);
  g_assert_nonnull (strstr (f->last_message, "mirror: updated to 9 records"));
  g_assert_nonnull (strstr (f->last_message, "1 added, 0 removed, 1 changed"));
  g_assert_cmpuint (find_status (f, "mirror")->version->records, ==, 9);

  g_clear_pointer (&body, g_bytes_unref);
  soup_server_disconnect (server);
}

static const ClrTestCase tests[] = {
  CLR_TEST ("/clearance/gui/lists/empty-start", test_empty_start),
  CLR_TEST ("/clearance/gui/lists/import", test_import),
  CLR_TEST ("/clearance/gui/lists/import-bad-file", test_import_bad_file),
  CLR_TEST ("/clearance/gui/lists/freshness", test_freshness),
  CLR_TEST ("/clearance/gui/lists/search-tab-focuses-field", test_search_tab_focuses_field),
  CLR_TEST ("/clearance/gui/lists/csl-covers-sdn-and-dpl", test_csl_covers_sdn_and_dpl),
  CLR_TEST ("/clearance/gui/lists/changes-and-search", test_changes_and_search),
  CLR_TEST ("/clearance/gui/lists/update-from-server", test_update_from_server),
};

CLR_GUI_TEST_MAIN (&app, tests, Fixture, fixture_setup, fixture_teardown)
