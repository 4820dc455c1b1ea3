/* clr-case-hold-banner.c — the Shipment page's banner while another program
 * has the open case: who, since when, and Try Again
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-case-hold-banner.h"

struct _ClrCaseHoldBanner
{
  AdwBin       parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (ClrCaseHoldBanner, clr_case_hold_banner, ADW_TYPE_BIN)

enum {
  TRY_AGAIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

char *
clr_case_hold_format_since (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (utc == NULL)
    return g_strdup (iso != NULL ? iso : "");
  local = g_date_time_to_local (utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
clr_case_hold_banner_set_hold (ClrCaseHoldBanner *self,
                               const ClrCaseHold *hold)
{
  g_autofree char *since = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (CLR_IS_CASE_HOLD_BANNER (self));

  if (hold == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }
  since = clr_case_hold_format_since (hold->since);
  /* Translators: a person's name and a time, e.g. "Anna Albers is editing this case (since 14:02)" */
  text = g_strdup_printf (_("%s is editing this case (since %s). It is read-only here until they close it."),
                          hold->held_by, since);
  gtk_label_set_text (self->label, text);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

gboolean
clr_case_hold_banner_get_revealed (ClrCaseHoldBanner *self)
{
  g_return_val_if_fail (CLR_IS_CASE_HOLD_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
clr_case_hold_banner_get_text (ClrCaseHoldBanner *self)
{
  g_return_val_if_fail (CLR_IS_CASE_HOLD_BANNER (self), NULL);
  return gtk_label_get_text (self->label);
}

GtkButton *
clr_case_hold_banner_get_button (ClrCaseHoldBanner *self)
{
  g_return_val_if_fail (CLR_IS_CASE_HOLD_BANNER (self), NULL);
  return self->button;
}

static void
try_again_clicked_cb (ClrCaseHoldBanner *self)
{
  g_signal_emit (self, signals[TRY_AGAIN], 0);
}

static void
clr_case_hold_banner_class_init (ClrCaseHoldBannerClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[TRY_AGAIN] = g_signal_new ("try-again", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_case_hold_banner_init (ClrCaseHoldBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("changes-prevent-symbolic");

  /* The same look as the page's other banners. */
  gtk_widget_add_css_class (box, "clr-lists-banner");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Read-only"), -1);
  gtk_box_append (GTK_BOX (box), icon);

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_label_set_wrap (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  self->button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Try Again")));
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button),
                               _("Edit this case if the other program has closed it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Edit this case if the other program has closed it"), -1);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (try_again_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Case in use by another program"), -1);
}

GtkWidget *
clr_case_hold_banner_new (void)
{
  return g_object_new (CLR_TYPE_CASE_HOLD_BANNER, NULL);
}
