/* test-review-page.c — the Review page: queue filters, side-by-side, decisions through the store
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "clr-gui-test.h"
#include "clr-store-test.h"
#include "clr-match-hit.h"
#include "clr-store-audit.h"
#include "clr-store-cases.h"
#include "clr-store-lists.h"
#include "clr-store-review.h"
#include "clr-store-screening.h"
#include "audit/clr-audit-event.h"
#include "pages/clr-review-page-private.h"
#include "widgets/clr-highlight.h"
#include "review/clr-review-queue.h"

static ClrApplication *app;

typedef struct
{
  ClrStore      *store;
  GtkWindow     *window;
  ClrReviewPage *page;
  guint          loaded;
  guint          decided;
} Fixture;

/* Reloads the page and waits for it to say it has loaded. */
static void
wait_loaded (Fixture *f)
{
  clr_gui_test_reload_review_page (f->page, &f->loaded);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->store = clr_gui_test_store_new ("review", NULL);

  /* @data: the window width, for the narrow test; else a desktop width. */
  f->page = clr_gui_test_present_review_page (f->store, data != NULL ? GPOINTER_TO_INT (data) : 1100, 720,
                                              &f->window, &f->loaded);
  g_signal_connect_swapped (f->page, "decided", G_CALLBACK (clr_gui_test_count), &f->decided);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
  clr_gui_test_finalize_object (f->store);
}

static void
test_highlight (void)
{
  /* Tokens as the matcher explains them: normalised, abbreviated. */
  const char *tokens[] = { "huawei", "tech", NULL };
  g_autofree char *markup = clr_highlight_markup ("Huáwei <Technologies> & Co", tokens);
  g_autofree char *none = clr_highlight_markup ("Sugon", tokens);
  g_autofree char *folded = clr_highlight_fold ("ḦUÁWEI");
  g_autofree char *abbreviated = clr_highlight_fold ("Technologies");

  g_assert_cmpstr (markup, ==, "<b><u>Huáwei</u></b> &lt;<b><u>Technologies</u></b>&gt; &amp; Co");
  g_assert_cmpstr (none, ==, "Sugon");
  g_assert_cmpstr (folded, ==, "huawei");
  g_assert_cmpstr (abbreviated, ==, "tech");
  g_assert_true (clr_highlight_contains ("HUAWEI TECH", tokens));
  g_assert_false (clr_highlight_contains ("Hua Wei", tokens));
}

static void
test_empty_queue (Fixture       *f,
                  gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);

  wait_loaded (f);
  g_assert_cmpuint (clr_review_queue_get_n_total (queue), ==, 0);
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==, 0);
  /* Deciding with nothing selected says so and stores nothing. */
  g_assert_false (clr_review_page_decide (f->page, CLR_REVIEW_STATUS_NO_MATCH));
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, "Select an item in the queue first.");
}

/* Alt+Down / Alt+Up (review.next-hit / review.previous-hit) step through
 * the queue, and stop at its ends. */
static void
test_next_and_previous_hit (Fixture       *f,
                            gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  GListModel *model = clr_review_queue_get_model (queue);
  guint n;
  g_autoptr(ClrReviewQueueItem) first = NULL;
  g_autoptr(ClrReviewQueueItem) second = NULL;
  g_autoptr(ClrReviewQueueItem) last = NULL;

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", "Bantian, Longgang District, Shenzhen", 0), >, 0);
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Rosoboronexport", "RU", "Bantian, Longgang District, Shenzhen", 0), >, 0);
  wait_loaded (f);
  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 2);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  last = g_list_model_get_item (model, n - 1);

  g_assert_true (clr_review_page_select_item (f->page, clr_review_queue_item_get_item (first)->id));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.next-hit", NULL));
  clr_gui_test_iterate ();
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==,
                   clr_review_queue_item_get_item (second)->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.previous-hit", NULL));
  clr_gui_test_iterate ();
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==,
                   clr_review_queue_item_get_item (first)->id);
  /* At the start, previous stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.previous-hit", NULL));
  clr_gui_test_iterate ();
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==,
                   clr_review_queue_item_get_item (first)->id);
  for (guint i = 0; i < n + 1; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.next-hit", NULL));
  clr_gui_test_iterate ();
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==,
                   clr_review_queue_item_get_item (last)->id);
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  g_auto(GStrv) lists = NULL;
  g_auto(GStrv) countries = NULL;

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", "Bantian, Longgang District, Shenzhen", 0), >, 0);
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Rosoboronexport", "RU", "Bantian, Longgang District, Shenzhen", 0), >, 0);
  wait_loaded (f);

  g_assert_cmpuint (clr_review_queue_get_n_total (queue), >=, 2);
  /* The default view is the open items, all of them here. */
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, clr_review_queue_get_n_total (queue));
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), !=, 0);

  lists = clr_review_queue_dup_list_codes (queue);
  g_assert_true (g_strv_contains ((const char * const *) lists, "EL"));
  g_assert_true (g_strv_contains ((const char * const *) lists, "SDN"));
  countries = clr_review_queue_dup_countries (queue);
  g_assert_true (g_strv_contains ((const char * const *) countries, "CN"));
  g_assert_true (g_strv_contains ((const char * const *) countries, "RU"));

  clr_review_queue_set_list_code (queue, "SDN");
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), >=, 1);
  for (guint i = 0; i < clr_review_queue_get_n_items (queue); i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (clr_review_queue_get_model (queue), i);
      ClrReviewItem *item = clr_review_queue_item_get_item (object);

      g_assert_cmpstr (item->list_code, ==, "SDN");
      g_assert_cmpstr (item->party_country, ==, "RU");
    }
  clr_review_queue_set_list_code (queue, NULL);

  clr_review_queue_set_country (queue, "CN");
  clr_review_queue_set_search (queue, "huawei");
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), >=, 1);
  clr_review_queue_set_search (queue, "rosoboron");
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, 0);
  clr_review_queue_set_country (queue, NULL);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), >=, 1);
  clr_review_queue_set_search (queue, NULL);

  /* Nothing is decided yet. */
  clr_review_queue_set_status (queue, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, 0);
  clr_review_queue_set_status (queue, -1);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, clr_review_queue_get_n_total (queue));

  /* Bands partition the queue. */
  {
    guint sum = 0;

    for (ClrScoreBand band = CLR_SCORE_BAND_STRONG; band <= CLR_SCORE_BAND_WEAK; band++)
      {
        clr_review_queue_set_band (queue, band);
        sum += clr_review_queue_get_n_items (queue);
      }
    clr_review_queue_set_band (queue, CLR_SCORE_BAND_ANY);
    g_assert_cmpuint (sum, ==, clr_review_queue_get_n_total (queue));
  }
  g_assert_cmpint (clr_score_band_for_score (0.97), ==, CLR_SCORE_BAND_STRONG);
  g_assert_cmpint (clr_score_band_for_score (0.90), ==, CLR_SCORE_BAND_MEDIUM);
  g_assert_cmpint (clr_score_band_for_score (0.80), ==, CLR_SCORE_BAND_WEAK);
}

static ClrReviewItem *
find_item (ClrStore   *store,
           const char *list_code)
{
  g_autoptr(GPtrArray) items = clr_store_test_review_list (store, CLR_REVIEW_STATUS_ANY, NULL, list_code);

  g_assert_cmpuint (items->len, >=, 1);
  return clr_review_item_ref (g_ptr_array_index (items, 0));
}

/* The first label under @root whose text starts with @prefix. */
static gboolean
is_label_with_prefix (GtkWidget     *widget,
                      gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

#define find_label_with_prefix(root, prefix) \
  ((GtkLabel *) clr_gui_test_find_match ((root), is_label_with_prefix, (prefix)))

static GtkLabel *
reopened_label (Fixture *f)
{
  GtkLabel *label = find_label_with_prefix (GTK_WIDGET (f->page), "The earlier decision was");

  g_assert_nonnull (label);
  return label;
}

static void
test_decide_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(ClrReviewItem) reopened = NULL;
  g_autoptr(GError) error = NULL;
  guint open_before;

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", "Bantian, Longgang District, Shenzhen", 0);
  wait_loaded (f);
  item = find_item (f->store, "EL");
  g_assert_true (clr_review_page_select_item (f->page, item->id));
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==, item->id);
  open_before = clr_review_queue_get_n_items (queue);

  /* No reason: refused, with a message, and nothing stored. */
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_NONE, NULL);
  g_assert_false (clr_review_page_decide (f->page, CLR_REVIEW_STATUS_NO_MATCH));
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, "Choose a reason for the decision first.");
  stored = clr_store_review_get (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_clear_pointer (&stored, clr_review_item_unref);

  /* The keyboard shortcut's action decides with the chosen reason and note. */
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_DIFFERENT_ENTITY, "Customer is a Shenzhen reseller");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.not-a-match", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1 && f->loaded >= 2, 10);
  g_assert_cmpuint (f->decided, ==, 1);

  stored = clr_store_review_get (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_cmpint (stored->reason, ==, CLR_REVIEW_REASON_DIFFERENT_ENTITY);
  g_assert_cmpstr (stored->note, ==, "Customer is a Shenzhen reseller");
  g_assert_nonnull (stored->decided_by);
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, "Decision saved: Not a match");

  /* It left the open view. */
  CLR_GUI_TEST_WAIT_UNTIL (clr_review_queue_get_n_items (queue) == open_before - 1, 5);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, open_before - 1);

  /* The listed entry changes in a list update: the decision is reopened. */
  clr_store_test_import_from (f->store, "gui", "csl-v2.csv");
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", "Bantian, Longgang District, Shenzhen", 0);
  wait_loaded (f);
  reopened = clr_store_review_get (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reopened->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_true (reopened->reopened);
  g_assert_true (g_strv_contains ((const char * const *) reopened->changed_fields, "addresses"));
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), ==, open_before);

  g_assert_true (clr_review_page_select_item (f->page, item->id));
  /* The reopened decision shows the entry's diff: each changed field, before → after. */
  CLR_GUI_TEST_WAIT_UNTIL (strstr (gtk_label_get_text (reopened_label (f)), "addresses: ") != NULL, 10);
  g_assert_nonnull (strstr (gtk_label_get_text (reopened_label (f)),
                            "addresses: Bantian Huawei Base, Longgang District, Shenzhen, CN → "
                            "Bantian Huawei Base, Longgang District, Shenzhen, CN; Huawei Industrial Base, "
                            "Bantian, Shenzhen, 518129, CN"));
  g_assert_nonnull (strstr (gtk_label_get_text (reopened_label (f)), "The earlier decision was “Not a match” (Different entity)."));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "review-page-reopened.png");
}

#define find_widget_of_type(root, type) clr_gui_test_find_widget ((root), (type), NULL)

/* A party's hits on one list family sit together in the queue, the member
 * in the party's country first; the family switch decides every open
 * member at once, one stored (audited) decision each. */
static void
test_family (Fixture       *f,
             gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  GListModel *model = clr_review_queue_get_model (queue);
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReviewFamily) family = NULL;
  GtkSwitch *family_switch;
  GtkLabel *subtitle;
  /* the Yangon subsidiary, the parent, the parent's affiliate (× 0.97); the
   * sibling subsidiary in Bolivia is a different entity and no hit */
  const char *expected[] = { "Huawei Technologies (Yangon) Co., Ltd.", "Huawei Technologies Co., Ltd. (Huawei)",
                             "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: "
                             "Huawei Technologies Co., Ltd., Beijing Research Institute" };

  clr_store_test_import_from (f->store, "cli", "csl-families.csv");
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Huawei Technologies (Yangon) Company Limited", "MM", "Bantian, Longgang District, Shenzhen", 0), ==, 3);
  wait_loaded (f);

  /* one family, the Yangon subsidiary first, its members right after it */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (model, i);
      ClrReviewItem *item = clr_review_queue_item_get_item (object);

      g_assert_cmpstr (item->entry_name, ==, expected[i]);
    }
  {
    g_autoptr(ClrReviewQueueItem) first = g_list_model_get_item (model, 0);
    ClrReviewItem *head = clr_review_queue_item_get_item (first);

    family = clr_review_queue_get_family (queue, head->id);
    g_assert_nonnull (family);
    clr_review_family_ref (family);   /* the queue drops it when it reloads */
    g_assert_true (family->head == head);
    g_assert_cmpuint (family->members->len, ==, 3);
    g_assert_true (clr_review_page_select_item (f->page, head->id));
  }

  /* the comparison names the family and offers to decide it */
  family_switch = GTK_SWITCH (find_widget_of_type (GTK_WIDGET (f->page), GTK_TYPE_SWITCH));
  g_assert_nonnull (family_switch);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (family_switch)));
  subtitle = find_label_with_prefix (GTK_WIDGET (f->page), "3 listed entries with the same base name");
  g_assert_nonnull (subtitle);
  g_assert_nonnull (strstr (gtk_label_get_text (subtitle), "▸ Huawei Technologies (Yangon) Co., Ltd. · 100 %"));

  gtk_switch_set_active (family_switch, TRUE);
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_DIFFERENT_ENTITY, "A Yangon reseller, not Huawei");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.not-a-match", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1 && clr_review_queue_get_n_items (queue) == 0, 10);

  for (guint i = 0; i < family->members->len; i++)
    {
      g_autoptr(ClrReviewItem) stored = clr_store_review_get (f->store, ((ClrReviewItem *) g_ptr_array_index (family->members, i))->id,
                                                              &error);

      g_assert_no_error (error);
      g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_NO_MATCH);
      g_assert_cmpstr (stored->note, ==, "A Yangon reseller, not Huawei");
    }
  g_assert_cmpuint (clr_store_test_audit_count (f->store, CLR_AUDIT_REVIEW_DECIDE), ==, 3);
}

/* The text of every visible label under @root, one a line. */
static void
collect_visible_text (GtkWidget *root,
                      GString   *text)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_get_mapped (c))
        continue;
      if (GTK_IS_LABEL (c))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (c)));
      if (GTK_IS_EXPANDER (c) && !gtk_expander_get_expanded (GTK_EXPANDER (c)))
        {
          /* a collapsed expander shows its title only */
          g_string_append_printf (text, "%s\n", gtk_expander_get_label (GTK_EXPANDER (c)));
          continue;
        }
      collect_visible_text (c, text);
    }
}

/* The queue is grouped by party, each group headed by the party, its role
 * in words and the case reference; the comparison names the role in words
 * and keeps entry keys and the matcher's own lines under Technical details. */
static void
test_groups_and_plain_words (Fixture       *f,
                             gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  GListModel *model = clr_review_queue_get_model (queue);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) shipment = json_from_string ("{\"reference\": \"PO-2291\"}", NULL);
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autoptr(GHashTable) headers = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 case_id = clr_store_create_case (f->store, shipment, &error);
  const char *previous_party = NULL;
  guint n, groups = 0;
  GtkExpander *technical;

  g_assert_no_error (error);
  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", NULL, case_id), >, 0);
  g_assert_cmpuint (clr_gui_test_screen_party (f->store, "Rosoboronexport", "RU", NULL, case_id), >, 0);
  wait_loaded (f);

  n = g_list_model_get_n_items (model);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (model, i);
      ClrReviewItem *item = clr_review_queue_item_get_item (object);
      gboolean first = g_strcmp0 (item->party_key, previous_party) != 0;

      /* a party's rows follow each other, the first one with the header */
      g_assert_true (clr_review_queue_item_get_header_visible (object) == first);
      if (first)
        {
          const char *header = clr_review_queue_item_get_header (object);

          g_assert_false (g_hash_table_contains (headers, item->party_key));
          g_hash_table_add (headers, item->party_key);
          groups++;
          g_assert_true (g_str_has_prefix (header, item->party_name));
          g_assert_nonnull (strstr (header, " · End user · "));
          g_assert_true (g_str_has_suffix (header, "Case 1 · PO-2291"));
        }
      previous_party = item->party_key;
    }
  g_assert_cmpuint (groups, ==, 2);

  /* The comparison: "End user", no entry key, no matcher line. */
  {
    g_autoptr(ClrReviewQueueItem) first = g_list_model_get_item (model, 0);

    g_assert_true (clr_review_page_select_item (f->page, clr_review_queue_item_get_item (first)->id));
  }
  clr_gui_test_wait_drawn (GTK_WIDGET (f->page));
  collect_visible_text (GTK_WIDGET (f->page), shown);
  g_assert_nonnull (strstr (shown->str, "Role\nEnd user"));
  g_assert_null (strstr (shown->str, "end_user"));
  g_assert_null (strstr (shown->str, "EL:"));
  g_assert_null (strstr (shown->str, "Matcher:"));
  g_assert_nonnull (strstr (shown->str, "Technical details"));

  /* …which are there when asked for */
  technical = GTK_EXPANDER (clr_gui_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_EXPANDER, NULL));
  g_assert_nonnull (technical);
  gtk_expander_set_expanded (technical, TRUE);
  g_string_truncate (shown, 0);
  clr_gui_test_iterate ();
  collect_visible_text (GTK_WIDGET (f->page), shown);
  g_assert_nonnull (strstr (shown->str, "Entry key: "));
  g_assert_nonnull (strstr (shown->str, "Matcher: "));
}

/* The number of audited review.decide entries for item @id, and the last one's "after". */
static guint
count_decides (ClrStore    *store,
               gint64       id,
               JsonObject **last_after)
{
  g_autoptr(GPtrArray) decides = clr_store_test_audit_entries (store, CLR_AUDIT_REVIEW_DECIDE);
  g_autofree char *subject = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  guint n = 0;

  for (guint i = 0; i < decides->len; i++)
    {
      ClrAuditEntry *entry = g_ptr_array_index (decides, i);

      if (g_strcmp0 (entry->subject_id, subject) != 0)
        continue;
      n++;
      if (last_after != NULL)
        {
          g_clear_pointer (last_after, json_object_unref);
          *last_after = json_object_ref (json_node_get_object (entry->after));
        }
    }
  return n;
}

/* Undo of a decision is a second audited decision putting the item back;
 * the "Decision saved" line goes when another item is shown. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  ClrReviewQueue *queue = clr_review_page_get_queue (f->page);
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", NULL, 0);
  clr_gui_test_screen_party (f->store, "Rosoboronexport", "RU", NULL, 0);
  wait_loaded (f);
  g_assert_cmpuint (clr_review_queue_get_n_items (queue), >=, 2);
  id = clr_review_page_get_shown_id (f->page);
  g_assert_cmpint (id, !=, 0);
  g_assert_false (clr_review_page_undo (f->page));   /* nothing decided yet */

  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_NAME_COINCIDENCE, "Looked at it");
  g_assert_true (clr_review_page_decide (f->page, CLR_REVIEW_STATUS_NO_MATCH));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1 && clr_review_page_get_shown_id (f->page) != id, 10);
  /* the page moved on to the next open item: the line about the last one is gone */
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), !=, id);
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, "");

  g_assert_true (clr_review_page_undo (f->page));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 2 && clr_review_page_get_shown_id (f->page) == id, 10);
  g_assert_cmpuint (f->decided, ==, 2);
  stored = clr_store_review_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_OPEN);
  g_assert_cmpint (stored->reason, ==, CLR_REVIEW_REASON_NONE);
  g_assert_null (stored->note);
  /* shown again, open */
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==, id);
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, "Decision undone");

  /* both decisions are in the trail, the second one an undo back to open */
  g_assert_cmpuint (count_decides (f->store, id, &after), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "open");
  g_assert_true (json_object_get_boolean_member (after, "undo"));
  clr_store_test_verify_audit (f->store);
  /* one undo per decision */
  g_assert_false (clr_review_page_undo (f->page));
}

/* The Huawei party screened against the first list: the page shows its hit
 * (an open item), whose id is returned. */
static gint64
show_huawei_hit (Fixture *f)
{
  gint64 id;

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", NULL, 0);
  wait_loaded (f);
  id = clr_review_page_get_shown_id (f->page);
  g_assert_cmpint (id, !=, 0);
  return id;
}

/* Escalate names who should decide; the store keeps it with the decision. */
static void
test_escalate_recipient (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *recipient;
  gint64 id;

  id = show_huawei_hit (f);

  recipient = ADW_ENTRY_ROW (clr_gui_test_find_widget (GTK_WIDGET (f->page), ADW_TYPE_ENTRY_ROW,
                                                      "Escalate to (name or team)"));
  g_assert_nonnull (recipient);
  gtk_editable_set_text (GTK_EDITABLE (recipient), "Export Control Officer");
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_OTHER, "Address unclear");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.escalate", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1, 10);

  stored = clr_store_review_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_ESCALATED);
  g_assert_cmpstr (stored->note, ==, "→ Export Control Officer\nAddress unclear");
  g_assert_cmpuint (count_decides (f->store, id, &after), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (after, "recipient"), ==, "Export Control Officer");

  /* shown again: the recipient and the note each in their field */
  CLR_GUI_TEST_WAIT_UNTIL (f->loaded >= 2, 5);
  clr_review_queue_set_status (clr_review_page_get_queue (f->page), CLR_REVIEW_STATUS_ESCALATED);
  g_assert_true (clr_review_page_select_item (f->page, id));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (recipient)), ==, "Export Control Officer");
  g_assert_nonnull (find_label_with_prefix (GTK_WIDGET (f->page), "Escalated (Other) — decided by "));
  g_assert_nonnull (strstr (gtk_label_get_text (find_label_with_prefix (GTK_WIDGET (f->page), "Escalated (Other)")),
                            "Escalated to Export Control Officer. Note: Address unclear"));
}

/* Whether the button activating @action is shown (on a mapped page). */
static gboolean
button_shown (Fixture    *f,
              const char *action)
{
  GtkWidget *button = clr_gui_test_find_action_button (GTK_WIDGET (f->page), action);

  g_assert_nonnull (button);
  return gtk_widget_is_visible (button);
}

/* A decided item offers Change Decision instead of the decision buttons;
 * pressing it brings them back, and the next decision is an audited change. */
static void
test_change_decision (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(ClrReviewItem) item = NULL;
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *change;
  const char *label;

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", NULL, 0);
  item = find_item (f->store, "EL");
  g_assert_true (clr_store_review_decide (f->store, item->id, CLR_REVIEW_STATUS_NO_MATCH,
                                          CLR_REVIEW_REASON_DIFFERENT_ENTITY, "Reseller", NULL, &error));
  wait_loaded (f);
  clr_review_queue_set_status (clr_review_page_get_queue (f->page), CLR_REVIEW_STATUS_NO_MATCH);
  g_assert_true (clr_review_page_select_item (f->page, item->id));

  /* decided: Change Decision, not Match / Not a Match / Escalate */
  g_assert_true (button_shown (f, "review.change-decision"));
  g_assert_false (button_shown (f, "review.match"));
  g_assert_false (button_shown (f, "review.not-a-match"));
  g_assert_false (button_shown (f, "review.escalate"));
  /* Alt+M's action does nothing on a decided item */
  g_assert_false (gtk_widget_get_sensitive (clr_gui_test_find_action_button (GTK_WIDGET (f->page), "review.match")));
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_OTHER, NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "review.match", NULL);
  clr_gui_test_iterate ();
  g_assert_cmpuint (f->decided, ==, 0);
  g_assert_cmpuint (count_decides (f->store, item->id, NULL), ==, 1);
  change = clr_gui_test_find_widget (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, "Change Decision");
  g_assert_nonnull (change);
  g_assert_true (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (change)) == GTK_ACCESSIBLE_ROLE_BUTTON);
  label = gtk_button_get_label (GTK_BUTTON (change));
  g_assert_cmpstr (label, ==, "_Change Decision");
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "review-page-change-decision.png");

  /* pressed: the decision buttons are back and the next decision is a change */
  g_signal_emit_by_name (change, "clicked");
  g_assert_false (button_shown (f, "review.change-decision"));
  g_assert_true (button_shown (f, "review.match"));
  g_assert_true (button_shown (f, "review.not-a-match"));
  g_assert_true (button_shown (f, "review.escalate"));
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS, "Documents arrived");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.match", NULL));
  CLR_GUI_TEST_WAIT_UNTIL (f->decided == 1, 10);

  stored = clr_store_review_get (f->store, item->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_MATCH);
  g_assert_cmpstr (stored->note, ==, "Documents arrived");
  g_assert_cmpuint (count_decides (f->store, item->id, &after), ==, 2);
  g_assert_true (json_object_get_boolean_member (after, "change"));
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, "Decision saved: Match");
  clr_store_test_verify_audit (f->store);
}

/* Another reviewer (another ClrStore on the database) decides the shown
 * open item behind the page's back: the page's decision is refused, says
 * who decided, and the item is shown as it is now. */
static void
test_refused_when_decided_elsewhere (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(ClrStore) other = clr_store_new (clr_store_get_path (f->store));
  g_autoptr(ClrReviewItem) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *expected = NULL;
  guint loaded;
  gint64 id;

  id = show_huawei_hit (f);
  g_assert_true (button_shown (f, "review.not-a-match"));
  g_assert_false (button_shown (f, "review.change-decision"));

  g_assert_true (clr_store_open (other, &error));
  g_assert_no_error (error);
  g_assert_true (clr_store_set_local_user (other, "ben"));
  g_assert_true (clr_store_review_decide (other, id, CLR_REVIEW_STATUS_MATCH, CLR_REVIEW_REASON_CONFIRMED_BY_DOCUMENTS,
                                          NULL, "Other Reviewer", &error));
  g_assert_no_error (error);

  loaded = f->loaded;
  clr_review_page_set_reason (f->page, CLR_REVIEW_REASON_DIFFERENT_ENTITY, "Mine");
  g_assert_true (clr_review_page_decide (f->page, CLR_REVIEW_STATUS_NO_MATCH));
  CLR_GUI_TEST_WAIT_UNTIL (f->loaded > loaded && clr_review_page_get_feedback (f->page)[0] != '\0', 10);

  stored = clr_store_review_get (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->status, ==, CLR_REVIEW_STATUS_MATCH);
  g_assert_cmpstr (stored->decided_by, ==, "Other Reviewer");
  g_assert_cmpuint (count_decides (f->store, id, NULL), ==, 1);
  g_assert_cmpuint (f->decided, ==, 0);

  when = clr_audit_format_time (stored->decided_at);
  expected = g_strdup_printf ("Item %" G_GINT64_FORMAT " was already decided by Other Reviewer (ben) at %s: Match. "
                              "Nothing was changed.", id, when);
  g_assert_cmpstr (clr_review_page_get_feedback (f->page), ==, expected);
  /* the item as it is now: who decided it, and Change Decision */
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), ==, id);
  g_assert_nonnull (find_label_with_prefix (GTK_WIDGET (f->page), "Match (Confirmed by documents) — decided by Other Reviewer"));
  g_assert_true (button_shown (f, "review.change-decision"));
  g_assert_false (button_shown (f, "review.not-a-match"));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "review-page-refused.png");
}

/* The list view showing @queue (the dropdowns have list views too). */
#define find_queue_view(root, queue) \
  clr_gui_test_find_list_view ((root), GTK_TYPE_SINGLE_SELECTION, clr_review_queue_get_model (queue))

static void
test_narrow_and_dark (Fixture       *f,
                      gconstpointer  data)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (adw_bin_get_child (ADW_BIN (f->page)));
  AdwStyleManager *style = adw_style_manager_get_default ();

  clr_store_test_import_from (f->store, "gui", "csl-v1.csv");
  clr_gui_test_screen_party (f->store, "Huawei Technologies Co Ltd", "CN", "Bantian, Longgang District, Shenzhen", 0);
  wait_loaded (f);

  /* At phone width the leaflet folds: the queue first, the comparison after
   * activating an item, and back. */
  CLR_GUI_TEST_WAIT_UNTIL (adw_leaflet_get_folded (leaflet), 5);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  {
    int min = 0;

    gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
    g_assert_cmpint (min, <=, 360);
  }
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "queue");
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "review-page-narrow-queue.png");

  /* a single tap opens a row */
  g_assert_true (gtk_list_view_get_single_click_activate (find_queue_view (GTK_WIDGET (f->page),
                                                                          clr_review_page_get_queue (f->page))));

  adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "detail");
  g_assert_cmpint (clr_review_page_get_shown_id (f->page), !=, 0);
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "review-page-narrow-detail.png");

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  clr_gui_test_save_artifact (GTK_WIDGET (f->window), "review-page-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* The Back button's action returns to the queue. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "review.back", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "queue");
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/gui/review/highlight", test_highlight),
  CLR_TEST ("/clearance/gui/review/empty", test_empty_queue),
  CLR_TEST ("/clearance/gui/review/filters", test_filters),
  CLR_TEST ("/clearance/gui/review/next-and-previous-hit", test_next_and_previous_hit),
  CLR_TEST ("/clearance/gui/review/decide-and-reopen", test_decide_and_reopen),
  CLR_TEST ("/clearance/gui/review/family", test_family),
  CLR_TEST ("/clearance/gui/review/groups-and-plain-words", test_groups_and_plain_words),
  CLR_TEST ("/clearance/gui/review/undo", test_undo),
  CLR_TEST ("/clearance/gui/review/escalate-recipient", test_escalate_recipient),
  CLR_TEST ("/clearance/gui/review/change-decision", test_change_decision),
  CLR_TEST ("/clearance/gui/review/refused-when-decided-elsewhere", test_refused_when_decided_elsewhere),
  CLR_TEST_DATA ("/clearance/gui/review/narrow-and-dark", test_narrow_and_dark, GINT_TO_POINTER (360)),
};

CLR_GUI_TEST_MAIN (&app, tests, Fixture, fixture_setup, fixture_teardown)
