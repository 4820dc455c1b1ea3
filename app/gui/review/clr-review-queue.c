/* clr-review-queue.c — the review queue as a filtered, sorted list model
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "review/clr-review-queue-item.h"
#include "widgets/clr-field-props.h"
#include "widgets/clr-highlight.h"

#include "clr-matcher.h"

#include "clr-store-review-approval.h"
#include "clr-review-queue.h"

struct _ClrReviewQueue
{
  GObject             parent_instance;

  GListStore         *items;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;

  /* the filters */
  int                 status;
  char               *list_code;
  char               *country;
  int                 band;       /* ClrScoreBand */
  char               *search;     /* folded */

  GHashTable         *family_of;  /* ClrReviewItem * → ClrReviewFamily * (a reference) */
  GHashTable         *group_of;   /* ClrReviewItem * → the first ClrReviewItem * of its party */
};

G_DEFINE_FINAL_TYPE (ClrReviewQueue, clr_review_queue, G_TYPE_OBJECT)

/* The filters, in property-id order (1 ..); their pspecs are made in
 * class_init with their ranges. */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_RW ("status", G_TYPE_INT, ClrReviewQueue, status),
  CLR_FIELD_RW ("list-code", G_TYPE_STRING, ClrReviewQueue, list_code),
  CLR_FIELD_RW ("country", G_TYPE_STRING, ClrReviewQueue, country),
  CLR_FIELD_RW ("band", G_TYPE_INT, ClrReviewQueue, band),
  CLR_FIELD_RW ("search", G_TYPE_STRING, ClrReviewQueue, search),
};

enum {
  PROP_STATUS = 1,
  PROP_LIST_CODE,
  PROP_COUNTRY,
  PROP_BAND,
  PROP_SEARCH,
  PROP_N_ITEMS,
  PROP_N_TOTAL,
  N_PROPS
};

G_STATIC_ASSERT (PROP_SEARCH == G_N_ELEMENTS (field_props));

static GParamSpec *properties[N_PROPS];

ClrScoreBand
clr_score_band_for_score (double score)
{
  double strong_min, medium_min;

  /* UI groupings of the matcher's score (data/matching/scoring.json). */
  clr_matcher_get_review_bands (&strong_min, &medium_min);
  if (score >= strong_min)
    return CLR_SCORE_BAND_STRONG;
  if (score >= medium_min)
    return CLR_SCORE_BAND_MEDIUM;
  return CLR_SCORE_BAND_WEAK;
}

const char *
clr_score_band_get_label (ClrScoreBand band)
{
  switch (band)
    {
    case CLR_SCORE_BAND_STRONG:
      return _("Strong ≥ 95 %");
    case CLR_SCORE_BAND_MEDIUM:
      return _("Medium 85–95 %");
    case CLR_SCORE_BAND_WEAK:
      return _("Weak < 85 %");
    case CLR_SCORE_BAND_ANY:
    default:
      return _("Any score");
    }
}

static gboolean
folded_contains (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = clr_highlight_fold (haystack);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
item_passes (ClrReviewQueue      *self,
             const ClrReviewItem *item)
{
  if (self->status == CLR_REVIEW_QUEUE_AWAITING_APPROVAL)
    {
      if (!clr_review_item_is_awaiting_approval (item))
        return FALSE;
    }
  else if (self->status >= 0 && (int) item->status != self->status)
    return FALSE;
  if (self->list_code != NULL && g_strcmp0 (item->list_code, self->list_code) != 0)
    return FALSE;
  if (self->country != NULL && g_strcmp0 (item->party_country, self->country) != 0)
    return FALSE;
  if (self->band != CLR_SCORE_BAND_ANY && (int) clr_score_band_for_score (item->score) != self->band)
    return FALSE;
  if (self->search != NULL
      && !folded_contains (item->party_name, self->search)
      && !folded_contains (item->entry_name, self->search)
      && !folded_contains (item->matched_name, self->search))
    return FALSE;

  return TRUE;
}

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  return item_passes (user_data, clr_review_queue_item_get_item (object));
}

static guint
family_rank (ClrReviewFamily     *family,
             const ClrReviewItem *item)
{
  guint index = 0;

  if (family != NULL && g_ptr_array_find (family->members, item, &index))
    return index;
  return 0;
}

/* Newest (ISO 8601 sorts as text) first, then strongest, then id. */
static int
compare_items (const ClrReviewItem *ia,
               const ClrReviewItem *ib)
{
  int cmp = g_strcmp0 (ib->last_seen_at, ia->last_seen_at);

  if (cmp != 0)
    return cmp;
  if (ia->score != ib->score)
    return ia->score > ib->score ? -1 : 1;
  return ia->id < ib->id ? -1 : ia->id > ib->id;
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  ClrReviewQueue *self = user_data;
  const ClrReviewItem *ia = clr_review_queue_item_get_item ((gpointer) a);
  const ClrReviewItem *ib = clr_review_queue_item_get_item ((gpointer) b);
  const ClrReviewItem *ga = g_hash_table_lookup (self->group_of, ia);
  const ClrReviewItem *gb = g_hash_table_lookup (self->group_of, ib);
  ClrReviewFamily *fa = g_hash_table_lookup (self->family_of, ia);
  ClrReviewFamily *fb = g_hash_table_lookup (self->family_of, ib);

  /* A party's items stay together, and the party sorts where its first
   * item does. */
  if (ga != gb && ga != NULL && gb != NULL)
    return compare_items (ga, gb);

  /* Within it, a list family stays together, ordered as the family is (the
   * entity first), and sorts where its first member does. */
  if (fa != NULL && fa == fb)
    {
      guint ra = family_rank (fa, ia), rb = family_rank (fb, ib);

      return ra < rb ? -1 : ra > rb;
    }
  if (fa != NULL)
    ia = fa->head;
  if (fb != NULL)
    ib = fb->head;
  return compare_items (ia, ib);
}

/* The first row of each party's group shows the group's header. */
static void
update_headers (ClrReviewQueue *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);
  const ClrReviewItem *previous = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (model, i);
      const ClrReviewItem *group = g_hash_table_lookup (self->group_of, clr_review_queue_item_get_item (object));

      clr_review_queue_item_set_header_visible (object, i == 0 || group != previous);
      previous = group;
    }
}

static void
sorted_items_changed_cb (ClrReviewQueue *self)
{
  update_headers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
clr_review_queue_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ClrReviewQueue *self = CLR_REVIEW_QUEUE (object);

  if (prop_id == PROP_N_ITEMS)
    g_value_set_uint (value, clr_review_queue_get_n_items (self));
  else if (prop_id == PROP_N_TOTAL)
    g_value_set_uint (value, clr_review_queue_get_n_total (self));
  else if (!clr_field_props_get_value (object, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* The string filters keep NULL for "any" (never ""), the search its
 * trimmed, case-folded form. */
static void
clr_review_queue_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  g_auto(GValue) normal = G_VALUE_INIT;
  g_autofree char *text = NULL;

  if (G_VALUE_HOLDS_STRING (value))
    {
      text = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      if (prop_id == PROP_SEARCH)
        g_strstrip (text);
      if (text[0] == '\0')
        g_clear_pointer (&text, g_free);
      else if (prop_id == PROP_SEARCH)
        {
          char *folded = clr_highlight_fold (text);

          g_free (text);
          text = folded;
        }
      g_value_init (&normal, G_TYPE_STRING);
      g_value_take_string (&normal, g_steal_pointer (&text));
      value = &normal;
    }
  if (!clr_field_props_set_value (object, pspec, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* A filter changed (its property notifies only when it did): filter again. */
static void
clr_review_queue_notify (GObject    *object,
                         GParamSpec *pspec)
{
  ClrReviewQueue *self = CLR_REVIEW_QUEUE (object);

  if (pspec->owner_type == CLR_TYPE_REVIEW_QUEUE && (pspec->flags & G_PARAM_WRITABLE) != 0)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
clr_review_queue_dispose (GObject *object)
{
  ClrReviewQueue *self = CLR_REVIEW_QUEUE (object);

  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_pointer (&self->family_of, g_hash_table_unref);
  g_clear_pointer (&self->group_of, g_hash_table_unref);

  G_OBJECT_CLASS (clr_review_queue_parent_class)->dispose (object);
}

static void
clr_review_queue_finalize (GObject *object)
{
  clr_field_props_clear (object, field_props, G_N_ELEMENTS (field_props));

  G_OBJECT_CLASS (clr_review_queue_parent_class)->finalize (object);
}

static void
clr_review_queue_class_init (ClrReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = clr_review_queue_get_property;
  object_class->set_property = clr_review_queue_set_property;
  object_class->dispose = clr_review_queue_dispose;
  object_class->finalize = clr_review_queue_finalize;
  object_class->notify = clr_review_queue_notify;

  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, -1, CLR_REVIEW_QUEUE_AWAITING_APPROVAL,
                                              CLR_REVIEW_STATUS_OPEN, rw);
  properties[PROP_LIST_CODE] = g_param_spec_string ("list-code", NULL, NULL, NULL, rw);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, rw);
  properties[PROP_BAND] = g_param_spec_int ("band", NULL, NULL, CLR_SCORE_BAND_ANY,
                                            CLR_SCORE_BAND_WEAK, CLR_SCORE_BAND_ANY, rw);
  properties[PROP_SEARCH] = g_param_spec_string ("search", NULL, NULL, NULL, rw);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_TOTAL] = g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0, ro);
  clr_field_props_init (field_props, G_N_ELEMENTS (field_props), properties);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
clr_review_queue_init (ClrReviewQueue *self)
{
  self->status = CLR_REVIEW_STATUS_OPEN;
  self->band = CLR_SCORE_BAND_ANY;
  self->items = g_list_store_new (CLR_TYPE_REVIEW_QUEUE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->family_of = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) clr_review_family_unref);
  self->group_of = g_hash_table_new (NULL, NULL);
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (sorted_items_changed_cb), self, G_CONNECT_SWAPPED);
}

ClrReviewQueue *
clr_review_queue_new (void)
{
  return g_object_new (CLR_TYPE_REVIEW_QUEUE, NULL);
}

void
clr_review_queue_set_items (ClrReviewQueue *self,
                            GPtrArray      *items)
{
  g_autoptr(GPtrArray) objects = NULL;

  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));

  /* List families of several members: a party's hits on one base name */
  g_hash_table_remove_all (self->family_of);
  if (items != NULL)
    {
      g_autoptr(GPtrArray) families = clr_review_group_families (items);

      for (guint f = 0; f < families->len; f++)
        {
          ClrReviewFamily *family = g_ptr_array_index (families, f);

          if (family->members->len < 2)
            continue;
          for (guint m = 0; m < family->members->len; m++)
            g_hash_table_insert (self->family_of, g_ptr_array_index (family->members, m),
                                 clr_review_family_ref (family));
        }
    }

  /* Party groups: the party identity (normalised name and country); the
   * group's first item is its newest, strongest one. */
  g_hash_table_remove_all (self->group_of);
  {
    g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; items != NULL && i < items->len; i++)
      {
        ClrReviewItem *item = g_ptr_array_index (items, i);
        g_autofree char *key = g_strconcat (item->party_key != NULL ? item->party_key : item->party_name,
                                            "\x1f", item->party_country, NULL);
        ClrReviewItem *head = g_hash_table_lookup (first, key);

        if (head == NULL || compare_items (item, head) < 0)
          g_hash_table_replace (first, g_steal_pointer (&key), item);
      }
    for (guint i = 0; items != NULL && i < items->len; i++)
      {
        ClrReviewItem *item = g_ptr_array_index (items, i);
        g_autofree char *key = g_strconcat (item->party_key != NULL ? item->party_key : item->party_name,
                                            "\x1f", item->party_country, NULL);

        g_hash_table_insert (self->group_of, item, g_hash_table_lookup (first, key));
      }
  }

  objects = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      ClrReviewItem *item = g_ptr_array_index (items, i);

      g_ptr_array_add (objects, clr_review_queue_item_new (item, g_hash_table_lookup (self->family_of, item)));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       objects->pdata, objects->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

ClrReviewFamily *
clr_review_queue_get_family (ClrReviewQueue *self,
                             gint64          id)
{
  ClrReviewItem *item;

  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), NULL);

  item = clr_review_queue_lookup (self, id);
  return item != NULL ? g_hash_table_lookup (self->family_of, item) : NULL;
}

GListModel *
clr_review_queue_get_model (ClrReviewQueue *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

ClrReviewItem *
clr_review_queue_lookup (ClrReviewQueue *self,
                         gint64          id)
{
  guint n;

  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      ClrReviewItem *item = clr_review_queue_item_get_item (object);

      if (item->id == id)
        return item;
    }

  return NULL;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
dup_distinct (ClrReviewQueue *self,
              gboolean        countries)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      ClrReviewItem *item = clr_review_queue_item_get_item (object);
      const char *value = countries ? item->party_country : item->list_code;

      if (value != NULL && value[0] != '\0' && g_hash_table_add (seen, (gpointer) value))
        g_ptr_array_add (values, (gpointer) value);
    }

  g_ptr_array_sort (values, compare_strings);
  for (guint i = 0; i < values->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (values, i));

  return g_strv_builder_end (builder);
}

GStrv
clr_review_queue_dup_list_codes (ClrReviewQueue *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), NULL);

  return dup_distinct (self, FALSE);
}

GStrv
clr_review_queue_dup_countries (ClrReviewQueue *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), NULL);

  return dup_distinct (self, TRUE);
}

void
clr_review_queue_set_status (ClrReviewQueue *self,
                             int             status)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));
  g_return_if_fail (status >= -1 && status <= CLR_REVIEW_QUEUE_AWAITING_APPROVAL);

  g_object_set (self, "status", status, NULL);
}

void
clr_review_queue_set_list_code (ClrReviewQueue *self,
                                const char     *list_code)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));

  g_object_set (self, "list-code", list_code, NULL);
}

void
clr_review_queue_set_country (ClrReviewQueue *self,
                              const char     *country)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));

  g_object_set (self, "country", country, NULL);
}

void
clr_review_queue_set_band (ClrReviewQueue *self,
                           ClrScoreBand    band)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));
  g_return_if_fail (band <= CLR_SCORE_BAND_WEAK);

  g_object_set (self, "band", (int) band, NULL);
}

void
clr_review_queue_set_search (ClrReviewQueue *self,
                             const char     *search)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));

  g_object_set (self, "search", search, NULL);
}

guint
clr_review_queue_get_n_items (ClrReviewQueue *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

guint
clr_review_queue_get_n_total (ClrReviewQueue *self)
{
  g_return_val_if_fail (CLR_IS_REVIEW_QUEUE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

void
clr_review_queue_set_case_labels (ClrReviewQueue *self,
                                  GHashTable     *labels)
{
  GListModel *model;
  guint n;

  g_return_if_fail (CLR_IS_REVIEW_QUEUE (self));

  model = G_LIST_MODEL (self->items);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ClrReviewQueueItem) object = g_list_model_get_item (model, i);
      gint64 case_id = clr_review_queue_item_get_item (object)->case_id;

      if (case_id > 0 && labels != NULL)
        clr_review_queue_item_set_case_label (object, g_hash_table_lookup (labels, &case_id));
    }
}
