/* clr-review-page.c — the Review page: possible list matches waiting for a reviewer's decision
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-review-page.h"

struct _ClrReviewPage
{
  AdwBin          parent_instance;

  AdwStatusPage  *status_page;
};

G_DEFINE_FINAL_TYPE (ClrReviewPage, clr_review_page, ADW_TYPE_BIN)

static void
clr_review_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_REVIEW_PAGE);

  G_OBJECT_CLASS (clr_review_page_parent_class)->dispose (object);
}

static void
clr_review_page_class_init (ClrReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = clr_review_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrReviewPage, status_page);
  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_review_page_init (ClrReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
clr_review_page_new (void)
{
  return g_object_new (CLR_TYPE_REVIEW_PAGE, NULL);
}
