/* test-store-rescreen.c — re-screening saved parties against list updates
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"


#include "clr-rescreen.h"
#include "clr-store-audit.h"
#include "clr-store-cases.h"
#include "clr-store-review.h"
#include "clr-store-test.h"

typedef ClrStoreTest Fixture;

static const TestEntry version1[] = {
  { "EL", "el-huawei", "Huawei Technologies Co., Ltd.", "CN", "Bantian, Longgang District, Shenzhen, CN", NULL },
  { "SDN", "36", "ACME TRADING LLC", "IR", "Tehran, IR", NULL },
  { "EL", "el-sugon", "Sugon Information Industry Co., Ltd.", "CN", "Beijing, CN", NULL },
};

/* Huawei changed, ACME removed, Orange Bakery added. */
static const TestEntry version2[] = {
  { "EL", "el-huawei", "Huawei Technologies Co., Ltd.", "CN", "Bantian, Longgang District, Shenzhen, Guangdong, CN", "Huawei" },
  { "EL", "el-sugon", "Sugon Information Industry Co., Ltd.", "CN", "Beijing, CN", NULL },
  { "SDN", "4711", "ORANGE BAKERY COMPANY", "SY", "Damascus, SY", NULL },
};

static gint64
save_case (Fixture    *f,
           const char *shipment_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = clr_test_parse (shipment_json);
  gint64 id = clr_store_create_case (f->store, shipment, &error);

  g_assert_no_error (error);
  return id;
}

/* What `evaluate --save` does for the screening side. */
static void
screen_case (Fixture *f,
             gint64   case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrCase) c = clr_store_get_case (f->store, case_id, &error);
  JsonArray *parties = json_object_get_array_member (json_node_get_object (c->shipment), "parties");
  g_autoptr(JsonArray) screening = clr_store_test_screen_parties (f->store, parties);

  g_assert_true (clr_store_review_annotate_screening_full (f->store, screening, parties, case_id, "case", &error));
  g_assert_no_error (error);
}

static ClrReviewItem *
find_item (ClrStore   *store,
           const char *party_search,
           const char *list_code)
{
  g_autoptr(GPtrArray) items = clr_store_test_review_list (store, CLR_REVIEW_STATUS_ANY, party_search, list_code);

  if (items->len == 0)
    return NULL;
  g_assert_cmpuint (items->len, ==, 1);
  return clr_review_item_ref (g_ptr_array_index (items, 0));
}

static void
decide (ClrStore        *store,
        ClrReviewItem   *item,
        ClrReviewStatus  status)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (item);
  g_assert_true (clr_store_review_decide (store, item->id, status, CLR_REVIEW_REASON_OTHER, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_summary_text (void)
{
  g_autoptr(ClrRescreenSummary) summary = g_new0 (ClrRescreenSummary, 1);
  g_autofree char *nothing = NULL;
  g_autofree char *text = NULL;
  g_autofree char *singular = NULL;

  summary->sources = g_ptr_array_new_with_free_func (g_free);
  nothing = clr_rescreen_summary_to_string (summary);
  g_assert_cmpstr (nothing, ==, "No list has changed since the last re-screening");

  g_ptr_array_add (summary->sources, g_strdup ("csl"));
  summary->new_hits = 2;
  summary->reopened = 1;
  summary->removed_matched = 3;
  text = clr_rescreen_summary_to_string (summary);
  g_assert_cmpstr (text, ==, "2 new hits, 1 decision reopened, 3 entries you had matched were removed");

  summary->new_hits = 1;
  summary->reopened = 0;
  summary->removed_matched = 1;
  singular = clr_rescreen_summary_to_string (summary);
  g_assert_cmpstr (singular, ==, "1 new hit, 0 decisions reopened, 1 entry you had matched was removed");
}

static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRescreenSummary) first = NULL;
  g_autoptr(ClrRescreenSummary) summary = NULL;
  g_autoptr(ClrRescreenSummary) again = NULL;
  g_autoptr(ClrReviewItem) huawei = NULL;
  g_autoptr(ClrReviewItem) acme = NULL;
  g_autoptr(ClrReviewItem) bakery = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *text = NULL;
  gint64 open_case, archived_case;

  clr_store_test_write_version (f->store, "v1", version1, G_N_ELEMENTS (version1));

  open_case = save_case (f, "{\"reference\": \"PO-1\", \"date\": \"2026-01-10\", \"destination\": \"AE\", "
                            "\"parties\": [{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co. Ltd\", \"country\": \"CN\"},"
                            " {\"role\": \"purchaser\", \"name\": \"Acme Trading LLC\", \"country\": \"IR\"},"
                            " {\"role\": \"forwarder\", \"name\": \"Orange Bakery Co.\", \"country\": \"SY\","
                            "  \"ultimate_parent\": {\"name\": \"Sugon Information Industry\", \"headquarters_country\": \"CN\"}}]}");
  archived_case = save_case (f, "{\"reference\": \"PO-0\", \"parties\": [{\"role\": \"end_user\", "
                                "\"name\": \"Orange Bakery Company\", \"country\": \"LB\"}]}");
  screen_case (f, open_case);
  screen_case (f, archived_case);
  g_assert_true (clr_store_set_case_archived (f->store, archived_case, TRUE, &error));

  /* First run: records what the lists were; the parties are already
   * screened against version 1, so nothing is new. */
  first = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->sources->len, ==, 1);
  g_assert_cmpuint (first->new_hits, ==, 0);

  huawei = find_item (f->store, "huawei", "EL");
  acme = find_item (f->store, "acme", "SDN");
  g_assert_null (find_item (f->store, "orange", NULL));
  decide (f->store, huawei, CLR_REVIEW_STATUS_NO_MATCH);
  decide (f->store, acme, CLR_REVIEW_STATUS_MATCH);

  /* The update: Huawei changed, ACME removed, Orange Bakery listed. */
  clr_store_test_write_version (f->store, "v2", version2, G_N_ELEMENTS (version2));
  summary = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (summary->entries_added, ==, 1);
  g_assert_cmpuint (summary->entries_changed, ==, 1);
  g_assert_cmpuint (summary->entries_removed, ==, 1);
  g_assert_cmpuint (summary->new_hits, ==, 1);
  g_assert_cmpuint (summary->reopened, ==, 1);
  g_assert_cmpuint (summary->removed_matched, ==, 1);
  text = clr_rescreen_summary_to_string (summary);
  g_assert_cmpstr (text, ==, "1 new hit, 1 decision reopened, 1 entry you had matched was removed");

  /* The new hit is in the queue for the open case only (not the archived one). */
  bakery = find_item (f->store, "orange bakery co", "SDN");
  g_assert_nonnull (bakery);
  g_assert_cmpint (bakery->case_id, ==, open_case);
  g_assert_cmpstr (bakery->origin, ==, "rescreen");
  g_assert_cmpint (bakery->status, ==, CLR_REVIEW_STATUS_OPEN);
  {
    g_autoptr(GPtrArray) in_archived = NULL;
    ClrReviewFilter filter;

    clr_review_filter_init (&filter);
    filter.case_id = archived_case;
    in_archived = clr_store_review_list (f->store, &filter, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (in_archived->len, ==, 0);
  }

  /* The changed entry's decision is reopened, with the diff. */
  g_clear_pointer (&huawei, clr_review_item_unref);
  huawei = find_item (f->store, "huawei", "EL");
  g_assert_true (huawei->reopened);
  g_assert_cmpint (huawei->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpint (huawei->previous_status, ==, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_true (g_strv_contains ((const char * const *) huawei->changed_fields, "addresses"));

  /* The removed entry you had matched is flagged. */
  g_clear_pointer (&acme, clr_review_item_unref);
  acme = find_item (f->store, "acme", "SDN");
  g_assert_true (acme->entry_removed);
  g_assert_cmpint (acme->status, ==, CLR_REVIEW_STATUS_MATCH);

  audit = clr_store_audit_list (f->store, &error);
  g_assert_cmpstr (((ClrAuditEntry *) g_ptr_array_index (audit, audit->len - 1))->action, ==, "rescreen");
  clr_store_test_verify_audit (f->store);

  /* Nothing changed since: nothing to do. */
  again = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->sources->len, ==, 0);
  g_assert_cmpuint (again->new_hits, ==, 0);
  g_assert_cmpuint (again->reopened, ==, 0);
}

/* A run that stops after reopening decisions (killed, or failing at its
 * last step: here a trigger refuses its run record) is finished by the next
 * run, which reports what the interrupted one did: it used to say "0
 * decisions reopened". */
static void
test_resume_interrupted (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRescreenSummary) first = NULL;
  g_autoptr(ClrRescreenSummary) failed = NULL;
  g_autoptr(ClrRescreenSummary) resumed = NULL;
  g_autoptr(ClrRescreenSummary) again = NULL;
  g_autoptr(ClrReviewItem) huawei = NULL;
  g_autoptr(ClrReviewItem) acme = NULL;
  g_autoptr(JsonNode) json = NULL;
  gint64 open_case;
  const char *path = clr_store_get_path (f->store);

  clr_store_test_write_version (f->store, "v1", version1, G_N_ELEMENTS (version1));
  open_case = save_case (f, "{\"reference\": \"PO-1\", \"date\": \"2026-01-10\", \"destination\": \"AE\", "
                            "\"parties\": [{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co. Ltd\", \"country\": \"CN\"},"
                            " {\"role\": \"purchaser\", \"name\": \"Acme Trading LLC\", \"country\": \"IR\"},"
                            " {\"role\": \"forwarder\", \"name\": \"Orange Bakery Co.\", \"country\": \"SY\"}]}");
  screen_case (f, open_case);
  first = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  huawei = find_item (f->store, "huawei", "EL");
  acme = find_item (f->store, "acme", "SDN");
  decide (f->store, huawei, CLR_REVIEW_STATUS_NO_MATCH);
  decide (f->store, acme, CLR_REVIEW_STATUS_MATCH);
  clr_store_test_write_version (f->store, "v2", version2, G_N_ELEMENTS (version2));

  /* The run fails at its very end, as if the program had stopped there. */
  if (clr_test_engine_is_sqlite ())
    clr_test_sql_exec (path, "CREATE TRIGGER interrupt BEFORE INSERT ON rescreen_runs "
                             "BEGIN SELECT RAISE (ABORT, 'interrupted'); END");
  else
    clr_test_sql_exec (path, "CREATE FUNCTION interrupt () RETURNS trigger LANGUAGE plpgsql AS "
                             "$$ BEGIN RAISE EXCEPTION 'interrupted'; END $$; "
                             "CREATE TRIGGER interrupt BEFORE INSERT ON rescreen_runs "
                             "FOR EACH ROW EXECUTE FUNCTION interrupt ()");
  failed = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_null (failed);
  g_assert_nonnull (error);
  g_clear_error (&error);
  clr_test_sql_exec (path, clr_test_engine_is_sqlite () ? "DROP TRIGGER interrupt"
                                                         : "DROP TRIGGER interrupt ON rescreen_runs");

  resumed = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resumed->reopened, ==, 1);
  g_assert_cmpuint (resumed->new_hits, ==, 1);
  g_assert_cmpuint (resumed->removed_matched, ==, 1);
  g_assert_nonnull (resumed->resumed_from);
  json = clr_rescreen_summary_to_json (resumed);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "resumed_from"), ==,
                   resumed->resumed_from);

  /* Finished: the next run starts afresh and has nothing to do. */
  again = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->sources->len, ==, 0);
  g_assert_null (again->resumed_from);
}

static void
test_first_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRescreenSummary) summary = NULL;
  g_autoptr(ClrReviewItem) parent = NULL;

  /* Cases saved before any list was loaded are screened against the whole
   * first list, parties and ultimate parents alike. */
  save_case (f, "{\"parties\": [{\"role\": \"end_user\", \"name\": \"Shenzhen Retail Ltd\", \"country\": \"CN\","
                " \"ultimate_parent\": {\"name\": \"Huawei Technologies Co Ltd\", \"headquarters_country\": \"CN\"}}]}");
  clr_store_test_write_version (f->store, "v1", version1, G_N_ELEMENTS (version1));

  summary = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->entries_added, ==, 3);
  g_assert_cmpuint (summary->parties_screened, ==, 2);
  g_assert_cmpuint (summary->new_hits, ==, 1);

  parent = find_item (f->store, "huawei", "EL");
  g_assert_nonnull (parent);
  g_assert_cmpstr (parent->party_role, ==, "ultimate_parent");
  g_assert_cmpstr (parent->party_country, ==, "CN");
}

typedef struct
{
  ClrTestAsync  async;
  guint         reports;
  guint         last_done;
  guint         last_total;
} AsyncWait;

static void
on_progress (guint       done,
             guint       total,
             const char *what,
             gpointer    user_data)
{
  AsyncWait *wait = user_data;

  g_assert_nonnull (what);
  g_assert_cmpuint (done, <=, total);
  wait->reports++;
  wait->last_done = done;
  wait->last_total = total;
}

static void
test_async_cancel (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(ClrRescreenSummary) summary = NULL;
  AsyncWait wait = { { loop, NULL }, 0, 0, 0 };

  save_case (f, "{\"parties\": [{\"name\": \"ACME Trading\", \"country\": \"IR\"}]}");
  clr_store_test_write_version (f->store, "v1", version1, G_N_ELEMENTS (version1));

  /* Cancelled: an error, and the next run still finds everything. */
  g_cancellable_cancel (cancellable);
  clr_rescreen_run_async (f->store, on_progress, &wait, NULL, cancellable, clr_test_async_ready, &wait.async);
  g_main_loop_run (loop);
  g_assert_null (clr_rescreen_run_finish (f->store, wait.async.result, &error));
  g_clear_object (&wait.async.result);
  clr_test_assert_error (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, NULL);

  wait.reports = 0;
  clr_rescreen_run_async (f->store, on_progress, &wait, NULL, NULL, clr_test_async_ready, &wait.async);
  g_main_loop_run (loop);
  summary = clr_rescreen_run_finish (f->store, wait.async.result, &error);
  g_clear_object (&wait.async.result);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->new_hits, ==, 1);

  /* Progress arrives in this thread's main context, ending at done. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (wait.reports, >=, 2);
  g_assert_cmpuint (wait.last_done, ==, wait.last_total);
}

/* ---- the real 2022 → 2026 CSL update ---- */

static void
import_file (ClrStore   *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  ClrListImportResult result;

  clr_list_import_result_init (&result);
  clr_store_import_list_file (store, path, CLR_LIST_FORMAT_AUTO, "csl", TRUE, NULL, NULL, &result, NULL, &error);
  g_assert_no_error (error);
  clr_list_import_result_clear (&result);
}

static void
test_real_csl_update (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csl2022 = NULL;
  g_autofree char *csl2026 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrRescreenSummary) first = NULL;
  g_autoptr(ClrRescreenSummary) update = NULL;
  g_autoptr(GPtrArray) huawei_items = NULL;
  g_autoptr(GPtrArray) reopened = NULL;
  g_autoptr(GPtrArray) zhipu = NULL;
  ClrReviewItem *huawei = NULL;
  ClrReviewFilter filter;

  csl2022 = clr_test_shared_file ("csl/2022-05-16/consolidated.csv.gz", f->dir, "consolidated-2022.csv");
  csl2026 = csl2022 ? clr_test_shared_file ("csl/2026-07-31_compact/consolidated-rebuilt.csv.xz", f->dir,
                                            "consolidated-2026.csv") : NULL;
  if (csl2022 == NULL || csl2026 == NULL)
    return;  /* skipped: no shared data or no xz */

  /* A case with the Huawei parent company as end user and Zhipu AI (listed
   * only in 2024) as consignee, screened against the 2022 list. */
  import_file (f->store, csl2022);
  save_case (f, "{\"reference\": \"PO-2022\", \"date\": \"2022-06-01\", \"destination\": \"CN\", "
                "\"parties\": [{\"role\": \"end_user\", \"name\": \"Huawei Technologies Co., Ltd.\", \"country\": \"CN\"},"
                " {\"role\": \"ultimate_consignee\", \"name\": \"Zhipu AI\", \"country\": \"CN\"}]}");
  first = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->new_hits, >=, 1);

  huawei_items = clr_store_test_review_list (f->store, CLR_REVIEW_STATUS_ANY, "Huawei Technologies Co., Ltd.", "EL");
  g_assert_cmpuint (huawei_items->len, >=, 1);
  for (guint i = 0; i < huawei_items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (huawei_items, i);

      /* Huawei's affiliate in Ningbo (× 0.97 of the parent's score): its
       * 2022 name reads "(Huawei).  Affiliated Entity" with two spaces, the
       * 2026 one with one; it is the same entry, changed, not a new one. */
      if (g_strcmp0 (item->party_name, "Huawei Technologies Co., Ltd.") == 0 &&
          g_str_has_prefix (item->entry_name, "Huawei Technologies Co., Ltd. (Huawei).") &&
          strstr (item->entry_name, "Affiliated Entity: Ningbo Huawei Computer & Net Co., Ltd.") != NULL)
        huawei = item;
    }
  g_assert_nonnull (huawei);
  g_assert_true (clr_store_review_decide (f->store, huawei->id, CLR_REVIEW_STATUS_MATCH,
                                          CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, NULL, NULL, &error));
  zhipu = clr_store_test_review_list (f->store, CLR_REVIEW_STATUS_ANY, "zhipu", NULL);
  g_assert_cmpuint (zhipu->len, ==, 0);
  g_clear_pointer (&zhipu, g_ptr_array_unref);

  /* Four years later: the compact 2026 list (no street addresses). */
  import_file (f->store, csl2026);
  update = clr_rescreen_run (f->store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (update->entries_added, >, 1000);
  g_assert_cmpuint (update->entries_changed, >, 1000);
  g_assert_cmpuint (update->reopened, >=, 1);
  g_assert_cmpuint (update->new_hits, >=, 1);

  /* Huawei's affiliate's EL entry changed: the match is reopened with its diff. */
  clr_review_filter_init (&filter);
  filter.reopened_only = TRUE;
  reopened = clr_store_review_list (f->store, &filter, &error);
  g_assert_cmpuint (reopened->len, >=, 1);
  {
    g_autoptr(ClrReviewItem) item = clr_store_review_get (f->store, huawei->id, &error);

    g_assert_no_error (error);
    g_assert_true (item->reopened);
    g_assert_cmpint (item->previous_status, ==, CLR_REVIEW_STATUS_MATCH);
    g_assert_cmpuint (g_strv_length (item->changed_fields), >=, 1);
    g_assert_true (g_strv_contains ((const char * const *) item->changed_fields, "name"));
    g_assert_cmpstr (item->entry_name, ==, "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: "
                                           "Ningbo Huawei Computer & Net Co., Ltd.");
  }

  /* Zhipu AI, added to the Entity List in 2024, is a new hit. */
  zhipu = clr_store_test_review_list (f->store, CLR_REVIEW_STATUS_ANY, "zhipu", NULL);
  g_assert_cmpuint (zhipu->len, >=, 1);
  g_assert_cmpstr (((ClrReviewItem *) g_ptr_array_index (zhipu, 0))->origin, ==, "rescreen");
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/store/rescreen/summary-text", test_summary_text),
  CLR_TEST ("/store/rescreen/update", test_update),
  CLR_TEST ("/store/rescreen/first-list", test_first_list),
  CLR_TEST ("/store/rescreen/resume-interrupted", test_resume_interrupted),
  CLR_TEST ("/store/rescreen/async-cancel", test_async_cancel),
  CLR_TEST ("/store/rescreen/real-csl-2022-to-2026", test_real_csl_update),
};

CLR_TEST_MAIN ("Test Reviewer", tests, Fixture, clr_store_test_set_up, clr_store_test_tear_down)
