/* clr-window.c — the main window: header bar, view switcher, three pages
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "audit/clr-audit-window.h"
#include "pages/clr-lists-page.h"
#include "pages/clr-review-page.h"
#include "pages/clr-shipment-page.h"

#include "clr-window-private.h"

struct _ClrWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewStack         *stack;
  GtkWidget            *shipment_page;
  GtkWidget            *review_page;
  GtkWidget            *lists_page;

  ClrPageContext        context;       /* "store", "settings" */
  GtkWindow            *audit_window;  /* weak: the Audit Log window, while open */

  guint                 reveal_bar_id;
};

G_DEFINE_FINAL_TYPE (ClrWindow, clr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_page_name (const char *page)
{
  return g_strcmp0 (page, "shipment") == 0
         || g_strcmp0 (page, "review") == 0
         || g_strcmp0 (page, "lists") == 0;
}

static void
visible_child_changed_cb (ClrWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* Restores the window's size and page from the settings and keeps them there. */
static void
bind_settings (ClrWindow *self)
{
  ClrSettings *settings = self->context.settings;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               clr_settings_get_window_width (settings),
                               clr_settings_get_window_height (settings));
  if (clr_settings_get_window_maximized (settings))
    gtk_window_maximize (GTK_WINDOW (self));
  if (is_page_name (clr_settings_get_last_page (settings)))
    clr_window_set_page (self, clr_settings_get_last_page (settings));

  g_object_bind_property (self, "default-width", settings, "window-width", G_BINDING_DEFAULT);
  g_object_bind_property (self, "default-height", settings, "window-height", G_BINDING_DEFAULT);
  g_object_bind_property (self, "maximized", settings, "window-maximized", G_BINDING_DEFAULT);
  g_object_bind_property (self, "page", settings, "last-page", G_BINDING_DEFAULT);
}

/* Adds a new page of @page_type on the window's store and settings to the
 * view stack; returns it (borrowed). */
static GtkWidget *
add_page (ClrWindow  *self,
          GType       page_type,
          const char *name,
          const char *title,
          const char *icon_name)
{
  GtkWidget *page = g_object_new (page_type, "store", self->context.store,
                                  "settings", self->context.settings, NULL);

  adw_view_stack_add_titled_with_icon (self->stack, page, name, title, icon_name);
  return page;
}

static gboolean
reveal_switcher_bar_cb (gpointer user_data)
{
  ClrWindow *self = CLR_WINDOW (user_data);

  self->reveal_bar_id = 0;
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  return G_SOURCE_REMOVE;
}

static void
title_visible_changed_cb (ClrWindow *self)
{
  g_assert (CLR_IS_WINDOW (self));

  /* The title squeezes its view switcher away while the header bar is being
   * allocated. Revealing the bottom bar right then (a property binding) hands
   * the bar's revealer a size measured before the reveal, and GTK 4.8 warns
   * about a negative height inside it; reveal it once the allocation is over. */
  if (self->reveal_bar_id == 0)
    self->reveal_bar_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reveal_switcher_bar_cb, self, NULL);
}

static void
clr_window_dispose (GObject *object)
{
  ClrWindow *self = CLR_WINDOW (object);
  GtkWidget *pages[] = { self->shipment_page, self->review_page, self->lists_page };

  g_clear_handle_id (&self->reveal_bar_id, g_source_remove);
  /* The Audit Log goes with its window. Unlinked here, while this window is
   * alive: a reference still held on it (a read in flight) would otherwise
   * have GTK 4.8 disconnect from this window after it is gone. */
  if (self->audit_window != NULL)
    {
      GtkWindow *audit_window = self->audit_window;

      g_clear_weak_pointer (&self->audit_window);
      gtk_window_set_transient_for (audit_window, NULL);
      gtk_window_destroy (audit_window);
    }

  /* Empty the pages (AdwBin) through AdwBin itself first: a page whose dispose
   * calls gtk_widget_dispose_template () would otherwise unparent the bin's
   * child behind AdwBin's back, and AdwBin then unparents a dead widget. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      if (ADW_IS_BIN (pages[i]))
        adw_bin_set_child (ADW_BIN (pages[i]), NULL);
    }
  self->shipment_page = self->review_page = self->lists_page = NULL;

  G_OBJECT_CLASS (clr_window_parent_class)->dispose (object);
}

static void
clr_window_finalize (GObject *object)
{
  ClrWindow *self = CLR_WINDOW (object);

  clr_page_context_clear (&self->context);

  G_OBJECT_CLASS (clr_window_parent_class)->finalize (object);
}

/* The pages, each given the window's store and settings. */
static void
clr_window_constructed (GObject *object)
{
  ClrWindow *self = CLR_WINDOW (object);

  G_OBJECT_CLASS (clr_window_parent_class)->constructed (object);

  self->shipment_page = add_page (self, CLR_TYPE_SHIPMENT_PAGE, "shipment", _("Shipment"), "document-send-symbolic");
  self->review_page = add_page (self, CLR_TYPE_REVIEW_PAGE, "review", _("Review"), "mail-mark-important-symbolic");
  self->lists_page = add_page (self, CLR_TYPE_LISTS_PAGE, "lists", _("Lists"), "view-list-bullet-symbolic");

  if (self->context.settings != NULL)
    bind_settings (self);
}

static void
clr_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ClrWindow *self = CLR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_string (value, clr_window_get_page (self));
      break;
    default:
      if (!clr_page_context_get_property (&self->context, PROP_STORE, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ClrWindow *self = CLR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      clr_window_set_page (self, g_value_get_string (value));
      break;
    default:
      if (!clr_page_context_set_property (&self->context, PROP_STORE, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* win.review-hit((case_id, party_name, list_code, entry_key, review_id)): the
 * Review page, with that screening hit selected (review_id 0 when the caller
 * does not know the queue item). Pages ask for it through this action, so
 * they never hold each other. */
static void
review_hit_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ClrWindow *self = CLR_WINDOW (widget);
  gint64 case_id, review_id;
  const char *party_name, *list_code, *entry_key;

  g_variant_get (parameter, "(x&s&s&sx)", &case_id, &party_name, &list_code, &entry_key, &review_id);
  if (*party_name == '\0')
    return;
  clr_window_set_page (self, "review");
  clr_review_page_show_hit (CLR_REVIEW_PAGE (self->review_page), case_id, party_name,
                            *list_code != '\0' ? list_code : NULL,
                            *entry_key != '\0' ? entry_key : NULL, review_id);
}

/* win.audit-log: the Audit Log window of this window's store (one, raised
 * when already open). */
static void
audit_log_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ClrWindow *self = CLR_WINDOW (widget);

  if (self->audit_window != NULL)
    {
      clr_audit_window_reload (CLR_AUDIT_WINDOW (self->audit_window));
      gtk_window_present (self->audit_window);
      return;
    }
  if (self->context.store == NULL)
    {
      clr_window_show_toast (self, _("The database is not open yet"));
      return;
    }

  g_set_weak_pointer (&self->audit_window, clr_audit_window_new (self->context.store));
  gtk_window_set_transient_for (self->audit_window, GTK_WINDOW (self));
  gtk_window_set_application (self->audit_window, gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (self->audit_window);
}

static void
clr_window_class_init (ClrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clr_window_constructed;
  object_class->dispose = clr_window_dispose;
  object_class->finalize = clr_window_finalize;
  object_class->get_property = clr_window_get_property;
  object_class->set_property = clr_window_set_property;

  /**
   * ClrWindow:page:
   *
   * The visible page: "shipment", "review" or "lists".
   */
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "shipment",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* ClrWindow:store, ClrWindow:settings: what the pages work on (see
   * ClrPageContext; construct-only). */
  clr_page_context_class_init (properties, PROP_STORE);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/clr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ClrWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, ClrWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ClrWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, ClrWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.review-hit", "(xsssx)", review_hit_action);
  gtk_widget_class_install_action (widget_class, "win.audit-log", NULL, audit_log_action);

  /* win.page('lists') etc.: a stateful action mirroring the property. */
  gtk_widget_class_install_property_action (widget_class, "win.page", "page");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.page", "s", "shipment");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.page", "s", "review");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.page", "s", "lists");
}

static void
clr_window_init (ClrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->stack, "notify::visible-child-name",
                           G_CALLBACK (visible_child_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_changed_cb), self,
                           G_CONNECT_SWAPPED);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

ClrWindow *
clr_window_new (ClrApplication *application)
{
  g_return_val_if_fail (CLR_IS_APPLICATION (application), NULL);

  return g_object_new (CLR_TYPE_WINDOW,
                       "application", application,
                       "store", clr_application_get_store (application),
                       "settings", clr_application_get_settings (application),
                       NULL);
}

void
clr_window_set_page (ClrWindow  *self,
                     const char *page)
{
  g_return_if_fail (CLR_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (!is_page_name (page))
    {
      g_critical ("Unknown page “%s”", page);
      return;
    }
  /* notify::visible-child-name notifies "page" when this changes anything. */
  adw_view_stack_set_visible_child_name (self->stack, page);
}

const char *
clr_window_get_page (ClrWindow *self)
{
  g_return_val_if_fail (CLR_IS_WINDOW (self), NULL);

  /* The win.page action state can be read before the template has built
   * the stack (and after dispose has dropped it). */
  if (self->stack == NULL)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
clr_window_get_page_widget (ClrWindow  *self,
                            const char *page)
{
  g_return_val_if_fail (CLR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (page != NULL, NULL);

  return adw_view_stack_get_child_by_name (self->stack, page);
}

void
clr_window_open_file (ClrWindow *self,
                      GFile     *file)
{
  g_return_if_fail (CLR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  clr_window_set_page (self, "shipment");
  /* The page imports the file as a new case; errors name the file. */
  clr_shipment_page_open_file (CLR_SHIPMENT_PAGE (self->shipment_page), file);
}

void
clr_window_show_toast (ClrWindow  *self,
                       const char *title)
{
  g_return_if_fail (CLR_IS_WINDOW (self));
  g_return_if_fail (title != NULL);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}
