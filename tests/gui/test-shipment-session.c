/* test-shipment-session.c — ClrShipmentSession without its page: a new case, autosave,
 * evaluation and where the result goes
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-store-cases.h"
#include "shipment/clr-shipment-session.h"

static ClrApplication *app;

typedef struct
{
  ClrShipmentSession *session;
  JsonNode           *result;
  gboolean            stale;
  guint               evaluated;
} Fixture;

static void
evaluated_cb (ClrShipmentSession *session,
              JsonNode           *result,
              JsonNode           *shipment,
              gboolean            stale,
              Fixture            *f)
{
  g_clear_pointer (&f->result, json_node_unref);
  f->result = json_node_ref (result);
  f->stale = stale;
  f->evaluated++;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->session = clr_shipment_session_new (clr_application_get_store (app), clr_application_get_settings (app));
  g_signal_connect (f->session, "evaluated", G_CALLBACK (evaluated_cb), f);
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_session_get_ready (f->session)
                           && !clr_shipment_session_get_lists_loading (f->session), 20);
  g_assert_true (clr_shipment_session_get_ready (f->session));
  g_assert_nonnull (clr_shipment_session_get_catalog (f->session));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  ClrShipmentSession *session = f->session;

  /* Nothing keeps the session once what it started has finished. */
  clr_shipment_session_close (f->session);
  g_clear_pointer (&f->result, json_node_unref);
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *) &session);
  g_clear_object (&f->session);
  CLR_GUI_TEST_WAIT_UNTIL (session == NULL, 10);
  g_assert_null (session);
}

/* H100s (3A090.a) to a Chinese supercomputer centre: License required. */
static JsonNode *
load_shipment (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "engine", "data", "shipments",
                                                 "h100-to-listed-supercomputer-center.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static ClrCase *
stored_case (gint64 id)
{
  g_autoptr(GError) error = NULL;
  ClrCase *item = clr_store_get_case (clr_application_get_store (app), id, &error);

  g_assert_no_error (error);
  return item;
}

static gboolean
has_stored_result (gint64 id)
{
  g_autoptr(ClrCase) item = stored_case (id);

  return item->result != NULL;
}

static void
test_new_case_and_autosave (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) document = clr_shipment_session_new_case (f->session);
  g_autoptr(JsonNode) edited = load_shipment ();
  g_autoptr(ClrCase) item = NULL;
  JsonObject *object;
  gint64 id;

  /* A new case: today's date, one empty item, an end user; not in the store yet. */
  g_assert_nonnull (document);
  object = json_node_get_object (document);
  g_assert_true (json_object_has_member (object, "date"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "items")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (object, "parties"), 0), "role"), ==, "end_user");
  g_assert_cmpint (clr_shipment_session_get_case_id (f->session), ==, 0);
  g_assert_false (clr_shipment_session_get_has_case (f->session));

  /* An edit is saved after a pause, off the main thread, creating the case. */
  clr_shipment_session_edit (f->session, edited);
  g_assert_true (clr_shipment_session_get_has_case (f->session));
  CLR_GUI_TEST_WAIT_UNTIL (clr_shipment_session_get_case_id (f->session) != 0, 10);
  id = clr_shipment_session_get_case_id (f->session);
  g_assert_cmpint (id, >, 0);
  item = stored_case (id);
  g_assert_cmpstr (item->reference, ==, "PO-EL-4");
  g_assert_null (item->result);
}

/* A new case holding the H100 shipment, saved: its id. */
static gint64
start_case (Fixture  *f,
            JsonNode *shipment)
{
  g_autoptr(JsonNode) document = clr_shipment_session_new_case (f->session);
  gint64 id;

  g_assert_nonnull (document);
  clr_shipment_session_edit (f->session, shipment);
  g_assert_true (clr_shipment_session_flush (f->session, NULL));
  id = clr_shipment_session_get_case_id (f->session);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_evaluate_stores_result (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(JsonNode) shipment = load_shipment ();
  g_autoptr(ClrCase) item = NULL;
  gint64 id = start_case (f, shipment);

  clr_shipment_session_evaluate (f->session, shipment, "2025-06-01", "enforcement");
  g_assert_true (clr_shipment_session_get_evaluating (f->session));
  CLR_GUI_TEST_WAIT_UNTIL (f->evaluated == 1, 30);
  g_assert_false (clr_shipment_session_get_evaluating (f->session));
  g_assert_false (f->stale);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (f->result), "verdict"),
                   ==, "license_required");

  /* The result is stored with the case. */
  CLR_GUI_TEST_WAIT_UNTIL (has_stored_result (id), 10);
  item = stored_case (id);
  g_assert_nonnull (item->result);
  g_assert_cmpstr (item->verdict, ==, "license_required");
}

static void
test_edit_while_evaluating (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(JsonNode) shipment = load_shipment ();
  g_autoptr(ClrCase) item = NULL;
  gint64 id = start_case (f, shipment);

  /* An edit before the result arrives: the result is shown stale and not stored. */
  clr_shipment_session_evaluate (f->session, shipment, "2025-06-01", "enforcement");
  clr_shipment_session_edit (f->session, shipment);
  CLR_GUI_TEST_WAIT_UNTIL (f->evaluated == 1, 30);
  g_assert_cmpuint (f->evaluated, ==, 1);
  g_assert_true (f->stale);
  g_assert_true (clr_shipment_session_flush (f->session, NULL));
  item = stored_case (id);
  g_assert_null (item->result);
}

int
main (int    argc,
      char **argv)
{
  clr_gui_test_init (&argc, &argv);
  app = clr_gui_test_app_new ();

  g_test_add ("/shipment/session/new-case-autosave", Fixture, NULL, fixture_setup,
              test_new_case_and_autosave, fixture_teardown);
  g_test_add ("/shipment/session/evaluate", Fixture, NULL, fixture_setup,
              test_evaluate_stores_result, fixture_teardown);
  g_test_add ("/shipment/session/edit-while-evaluating", Fixture, NULL, fixture_setup,
              test_edit_while_evaluating, fixture_teardown);

  return clr_gui_test_run (app);
}
