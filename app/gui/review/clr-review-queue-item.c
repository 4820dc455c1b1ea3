/* clr-review-queue-item.c — one row of the review queue: a ClrReviewItem and
 * the words its row shows, as properties a list item template binds
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "clr-words.h"

#include "clr-store-review-approval.h"
#include "clr-review-queue-item.h"
#include "widgets/clr-field-props.h"

struct _ClrReviewQueueItem
{
  GObject          parent_instance;

  ClrReviewItem   *item;
  char            *title;
  char            *badge;
  char            *subtitle;
  char            *case_label;
  char            *header;
  GStrv            badge_classes;
  int              indent;   /* a family's later member is indented */
  gboolean         header_visible;
};

G_DEFINE_FINAL_TYPE (ClrReviewQueueItem, clr_review_queue_item, G_TYPE_OBJECT)

/* The properties that show a field, in property-id order (1 ..)… */
static const ClrFieldProp field_props[] = {
  CLR_FIELD_BOXED ("item", ClrReviewQueueItem, item, clr_review_item_get_type, 0),
  CLR_FIELD_STRING ("title", ClrReviewQueueItem, title),
  CLR_FIELD_STRING ("badge", ClrReviewQueueItem, badge),
  CLR_FIELD_STRING ("subtitle", ClrReviewQueueItem, subtitle),
  CLR_FIELD ("header", G_TYPE_STRING, ClrReviewQueueItem, header, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY),
  CLR_FIELD ("header-visible", G_TYPE_BOOLEAN, ClrReviewQueueItem, header_visible,
             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY),
  CLR_FIELD_BOXED ("badge-classes", ClrReviewQueueItem, badge_classes, g_strv_get_type, 0),
  CLR_FIELD ("indent", G_TYPE_INT, ClrReviewQueueItem, indent, 0),
  CLR_FIELD_STRING ("case-label", ClrReviewQueueItem, case_label),
};

/* The two the item notifies. */
enum {
  PROP_HEADER = 5,
  PROP_HEADER_VISIBLE,
};

static GParamSpec *properties[G_N_ELEMENTS (field_props) + 1];

/* The badge's colour by ClrReviewStatus: open, match, no match, escalated. */
static const char * const status_classes[][3] = {
  { "caption", "accent", NULL },
  { "caption", "error", NULL },
  { "caption", "success", NULL },
  { "caption", "warning", NULL },
};

static void
clr_review_queue_item_class_init (ClrReviewQueueItemClass *klass)
{
  clr_field_props_install (G_OBJECT_CLASS (klass), field_props, G_N_ELEMENTS (field_props), properties);
}

static void
clr_review_queue_item_init (ClrReviewQueueItem *self)
{
}

const char *
clr_review_role_get_label (const char *role)
{
  if (role == NULL || role[0] == '\0')
    return NULL;
  /* a party's ultimate parent is screened too; it is no role of the form */
  if (g_str_equal (role, "ultimate_parent"))
    return _("Ultimate parent");
  return clr_words_party_role_label (role);
}

/* "Huawei Technologies Co Ltd (CN) · End user · Case 3 · PO-2291" */
static void
update_header (ClrReviewQueueItem *self)
{
  const ClrReviewItem *item = self->item;
  const char *role = clr_review_role_get_label (item->party_role);
  g_autoptr(GString) header = g_string_new (item->party_name);

  if (item->party_country != NULL && item->party_country[0] != '\0')
    g_string_append_printf (header, " (%s)", item->party_country);
  if (role != NULL)
    g_string_append_printf (header, " · %s", role);
  if (self->case_label != NULL)
    g_string_append_printf (header, " · %s", self->case_label);
  else if (item->case_id > 0)
    {
      /* Translators: a case number */
      g_string_append (header, " · ");
      g_string_append_printf (header, _("Case %" PRId64), item->case_id);
    }

  if (g_strcmp0 (self->header, header->str) == 0)
    return;
  g_free (self->header);
  self->header = g_string_free (g_steal_pointer (&header), FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER]);
}

ClrReviewQueueItem *
clr_review_queue_item_new (ClrReviewItem   *item,
                           ClrReviewFamily *family)
{
  ClrReviewQueueItem *self;
  const char *list_code, *entry_name;
  gboolean member;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (CLR_TYPE_REVIEW_QUEUE_ITEM, NULL);
  self->item = clr_review_item_ref (item);
  member = family != NULL && family->head != item;
  self->indent = member ? 12 : 0;
  self->badge_classes = g_strdupv ((GStrv) ((guint) item->status < G_N_ELEMENTS (status_classes)
                                            ? status_classes[item->status] : status_classes[0]));
  list_code = item->list_code != NULL ? item->list_code : "";
  entry_name = item->entry_name != NULL ? item->entry_name : "";

  if (member)
    /* Translators: a list family's later member, under its first one */
    self->title = g_strdup_printf (_("↳ %s"), item->party_name);
  else
    self->title = g_strdup (item->party_name);
  self->badge = g_strdup_printf ("%s%s · %.0f %%", item->reopened ? "↻ " : "",
                                 clr_review_item_is_awaiting_approval (item) ? _("Awaiting approval")
                                 : clr_review_status_get_label (item->status), item->score * 100);
  if (family != NULL && !member)
    /* Translators: list code, listed name and the size of its list family */
    self->subtitle = g_strdup_printf (ngettext ("%s · %s · family of %u", "%s · %s · family of %u",
                                                family->members->len),
                                      list_code, entry_name, family->members->len);
  else
    /* Translators: list code and listed name, e.g. "EL · Huawei Technologies Co., Ltd.". */
    self->subtitle = g_strdup_printf (_("%s · %s"), list_code, entry_name);
  update_header (self);

  return self;
}

/* clr_review_queue_item_get_FIELD (): the field's value */
#define ITEM_GETTER(RetType, field, fallback) \
  CLR_DEFINE_FIELD_GETTER (RetType, clr_review_queue_item_get_##field, ClrReviewQueueItem, \
                           CLR_IS_REVIEW_QUEUE_ITEM, field, fallback)

ITEM_GETTER (ClrReviewItem *, item, NULL)
ITEM_GETTER (const char *, header, NULL)
ITEM_GETTER (gboolean, header_visible, FALSE)

void
clr_review_queue_item_set_case_label (ClrReviewQueueItem *self,
                                      const char         *case_label)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE_ITEM (self));

  g_free (self->case_label);
  self->case_label = g_strdup (case_label);
  update_header (self);
}

void
clr_review_queue_item_set_header_visible (ClrReviewQueueItem *self,
                                          gboolean            visible)
{
  g_return_if_fail (CLR_IS_REVIEW_QUEUE_ITEM (self));

  visible = !!visible;
  if (self->header_visible == visible)
    return;
  self->header_visible = visible;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADER_VISIBLE]);
}
