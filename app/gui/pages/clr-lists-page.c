/* clr-lists-page.c — the Lists page: the screening lists loaded, their sources and freshness
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/clr-widget.h"
#include "lists/clr-add-source-dialog.h"
#include "clr-lists-tasks.h"
#include "clr-store-audit.h"

#include "clr-lists-page-private.h"

G_DEFINE_FINAL_TYPE (ClrListsPage, clr_lists_page, CLR_TYPE_PAGE)

enum {
  PROP_0,
  PROP_NEEDS_ATTENTION,
  PROP_ATTENTION_TEXT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SOURCES_LOADED,
  SIGNAL_OPERATION_FINISHED,
  SIGNAL_CHANGES_LOADED,
  SIGNAL_SEARCH_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
stale_days (ClrListsPage *self)
{
  ClrSettings *settings = clr_page_get_settings (CLR_PAGE (self));

  return settings != NULL ? clr_settings_get_list_staleness_days (settings)
                          : CLR_SOURCE_DEFAULT_STALE_DAYS;
}

void
_clr_lists_page_show_message (ClrListsPage *self,
                              const char   *text,
                              gboolean      is_error)
{
  clr_widget_show_message (self->status_label, text, is_error);

  if (text != NULL && text[0] != '\0')
    clr_widget_add_toast (GTK_WIDGET (self),
                          adw_toast_new (is_error ? _("The lists were not updated — see the Lists page")
                                                  : _("Lists updated")));
}

void
_clr_lists_page_busy_changed (ClrListsPage *self)
{
  gboolean busy = self->op_cancellable != NULL;
  gboolean ready = clr_page_get_store (CLR_PAGE (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.import", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.update-all", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.update", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.add-source", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lists.cancel", busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_clr_lists_page_finished (ClrListsPage *self,
                          gboolean      ok,
                          const char   *message)
{
  g_signal_emit (self, signals[SIGNAL_OPERATION_FINISHED], 0, ok, message);
}

/* ---- sources --------------------------------------------------------------- */

static void
set_attention (ClrListsPage *self,
               gboolean      attention,
               const char   *text)
{
  GtkWidget *parent;

  if (g_strcmp0 (self->attention_text, text) != 0)
    {
      g_free (self->attention_text);
      self->attention_text = g_strdup (text);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEEDS_ATTENTION]);
    }

  gtk_label_set_text (self->warning_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->warning_revealer, attention);

  /* The view switcher in the header bar shows a dot on the Lists tab. */
  parent = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  if (parent != NULL)
    {
      AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (parent), GTK_WIDGET (self));

      if (page != NULL)
        adw_view_stack_page_set_needs_attention (page, attention);
    }
}

static void
sources_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClrListsPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) with_diff = NULL;
  g_autofree char *attention = NULL;
  gboolean needs;

  statuses = clr_lists_load_sources_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (statuses == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The list sources could not be read: %s"), error->message);
      _clr_lists_page_show_message (self, message, TRUE);
      return;
    }

  g_clear_pointer (&self->sources, g_ptr_array_unref);
  self->sources = g_ptr_array_ref (statuses);
  clr_lists_sources_view_set_sources (self->sources_view, statuses);

  /* What changed: the sources that have a version. */
  with_diff = g_ptr_array_new ();
  for (guint i = 0; i < statuses->len; i++)
    {
      ClrSourceStatus *status = g_ptr_array_index (statuses, i);

      if (status->version != NULL)
        g_ptr_array_add (with_diff, status->source->id);
    }

  gtk_stack_set_visible_child_name (self->main_stack, with_diff->len > 0 ? "lists" : "empty");
  needs = clr_lists_needs_attention (statuses, stale_days (self), &attention);
  set_attention (self, needs, attention);
  clr_lists_changes_view_set_sources (self->changes_view, with_diff);

  g_signal_emit (self, signals[SIGNAL_SOURCES_LOADED], 0);
}

void
clr_lists_page_reload (ClrListsPage *self)
{
  ClrStore *store;

  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  store = clr_page_get_store (CLR_PAGE (self));
  if (store == NULL)
    return;

  clr_lists_load_sources_async (store, stale_days (self), self->cancellable,
                                sources_loaded_cb, self);
}

static void
enabled_written_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ClrListsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!clr_lists_write_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the reason. */
      message = g_strdup_printf (_("The source was not changed: %s"), error->message);
      _clr_lists_page_show_message (self, message, TRUE);
    }

  /* A disabled source is not screened: rebuild the search index. */
  clr_lists_search_view_reset_matcher (self->search_view);
  clr_lists_page_reload (self);
}

/* lists.set-enabled((sb)): a source row's switch. */
static void
set_enabled_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ClrListsPage *self = CLR_LISTS_PAGE (widget);
  ClrStore *store = clr_page_get_store (CLR_PAGE (self));
  const char *id;
  gboolean enabled;

  g_variant_get (parameter, "(&sb)", &id, &enabled);
  if (store != NULL)
    clr_lists_set_enabled_async (store, id, enabled, enabled_written_cb, g_object_ref (self));
}

/* ---- adding a custom source ------------------------------------------------ */

static void
source_added_cb (ClrListsPage *self,
                 gboolean      ok,
                 const char   *message)
{
  _clr_lists_page_show_message (self, message, !ok);
  if (ok)
    clr_lists_page_reload (self);
}

static void
add_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWidget *dialog = clr_add_source_dialog_new (widget, clr_page_get_store (CLR_PAGE (widget)));

  g_signal_connect_object (dialog, "source-added", G_CALLBACK (source_added_cb), widget, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- what changed and search ---------------------------------------------- */

void
clr_lists_page_show_changes (ClrListsPage *self,
                             const char   *source)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->main_stack, "lists");
  gtk_stack_set_visible_child_name (self->sub_stack, "changes");
  clr_lists_changes_view_load (self->changes_view, source);
}

static void
changes_loaded_cb (ClrListsPage *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGES_LOADED], 0);
}

static void
changes_error_cb (ClrListsPage *self,
                  const char   *message)
{
  _clr_lists_page_show_message (self, message, TRUE);
}

void
clr_lists_page_search (ClrListsPage *self,
                       const char   *text)
{
  g_return_if_fail (CLR_IS_LISTS_PAGE (self));

  gtk_stack_set_visible_child_name (self->sub_stack, "search");
  clr_lists_search_view_search (self->search_view, text);
}

static void
search_finished_cb (ClrListsPage *self)
{
  g_signal_emit (self, signals[SIGNAL_SEARCH_FINISHED], 0);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ClrListsPage *self = CLR_LISTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->main_stack, "lists");
  gtk_stack_set_visible_child_name (self->sub_stack, "search");
  clr_lists_search_view_focus (self->search_view);
}

/* The Search tab opens with its field focused: type a name at once. (The
 * field is mapped only after the stack switched, so a moment later.) */
static gboolean
focus_search_cb (gpointer user_data)
{
  ClrListsPage *self = user_data;

  if (gtk_widget_get_mapped (GTK_WIDGET (self->search_view)))
    clr_lists_search_view_focus (self->search_view);
  return G_SOURCE_REMOVE;
}

static void
sub_stack_changed_cb (ClrListsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->sub_stack), "search") == 0
      && gtk_widget_get_mapped (GTK_WIDGET (self)))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_search_cb, g_object_ref (self), g_object_unref);
}

/* ---- GObject -------------------------------------------------------------------- */

static void
page_mapped_cb (ClrListsPage *self)
{
  /* Freshness moves with the clock, and the CLI may have imported meanwhile. */
  clr_lists_page_reload (self);
}

/* Another program on the team database imported a list (or re-screened
 * after one): the sources, their versions and what changed are read again,
 * and Search builds its matcher from the new version, as after an import
 * here. */
static void
external_change_cb (ClrListsPage *self,
                    const char   *action,
                    gint64        case_id,
                    const char   *subject)
{
  if (!g_str_equal (action, CLR_AUDIT_LIST_IMPORT) && !g_str_equal (action, CLR_AUDIT_RESCREEN))
    return;
  if (g_str_equal (action, CLR_AUDIT_LIST_IMPORT))
    clr_lists_search_view_reset_matcher (self->search_view);
  clr_lists_page_reload (self);
}

static void
clr_lists_page_constructed (GObject *object)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);
  ClrStore *store = clr_page_get_store (CLR_PAGE (object));
  ClrSettings *settings = clr_page_get_settings (CLR_PAGE (object));

  G_OBJECT_CLASS (clr_lists_page_parent_class)->constructed (object);

  clr_lists_changes_view_set_store (self->changes_view, store);
  clr_lists_search_view_set_store (self->search_view, store, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "notify::list-staleness-days",
                             G_CALLBACK (clr_lists_page_reload), self, G_CONNECT_SWAPPED);
  if (store != NULL)
    g_signal_connect_object (store, "external-change", G_CALLBACK (external_change_cb), self,
                             G_CONNECT_SWAPPED);
  _clr_lists_page_busy_changed (self);
  clr_lists_page_reload (self);
}

static void
clr_lists_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_NEEDS_ATTENTION:
      g_value_set_boolean (value, clr_lists_page_get_needs_attention (self));
      break;
    case PROP_ATTENTION_TEXT:
      g_value_set_string (value, self->attention_text);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, clr_lists_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_lists_page_dispose (GObject *object)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->op_cancellable != NULL)
    g_cancellable_cancel (self->op_cancellable);
  g_queue_clear_full (&self->update_queue, g_free);
  if (clr_page_get_store (CLR_PAGE (self)) != NULL)
    g_signal_handlers_disconnect_by_func (clr_page_get_store (CLR_PAGE (self)), external_change_cb, self);

  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), CLR_TYPE_LISTS_PAGE);

  g_clear_object (&self->downloader);
  g_clear_pointer (&self->sources, g_ptr_array_unref);

  G_OBJECT_CLASS (clr_lists_page_parent_class)->dispose (object);
}

static void
clr_lists_page_finalize (GObject *object)
{
  ClrListsPage *self = CLR_LISTS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->op_cancellable);
  g_free (self->attention_text);
  g_free (self->updating);
  g_string_free (self->op_report, TRUE);

  G_OBJECT_CLASS (clr_lists_page_parent_class)->finalize (object);
}

static void
clr_lists_page_class_init (ClrListsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = clr_lists_page_constructed;
  object_class->get_property = clr_lists_page_get_property;
  object_class->dispose = clr_lists_page_dispose;
  object_class->finalize = clr_lists_page_finalize;

  properties[PROP_NEEDS_ATTENTION] =
    g_param_spec_boolean ("needs-attention", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ATTENTION_TEXT] =
    g_param_spec_string ("attention-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SOURCES_LOADED] =
    g_signal_new ("sources-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_OPERATION_FINISHED] =
    g_signal_new ("operation-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
  signals[SIGNAL_CHANGES_LOADED] =
    g_signal_new ("changes-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SEARCH_FINISHED] =
    g_signal_new ("search-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CLR_TYPE_LISTS_SOURCES_VIEW);
  g_type_ensure (CLR_TYPE_LISTS_CHANGES_VIEW);
  g_type_ensure (CLR_TYPE_LISTS_SEARCH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/pages/clr-lists-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, warning_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, sub_stack);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, sources_view);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, changes_view);
  gtk_widget_class_bind_template_child (widget_class, ClrListsPage, search_view);
  gtk_widget_class_bind_template_callback (widget_class, sub_stack_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, changes_loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, changes_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_finished_cb);

  _clr_lists_page_class_add_operations (widget_class);
  gtk_widget_class_install_action (widget_class, "lists.set-enabled", "(sb)", set_enabled_action);
  gtk_widget_class_install_action (widget_class, "lists.add-source", NULL, add_source_action);
  gtk_widget_class_install_action (widget_class, "lists.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "lists.search", NULL);

  /* A named group, so assistive technologies (and the AT-SPI tests) find the page. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/lists/clr-lists.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
clr_lists_page_init (ClrListsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  load_css ();

  self->cancellable = g_cancellable_new ();
  self->op_report = g_string_new (NULL);
  g_queue_init (&self->update_queue);

  _clr_lists_page_add_drop_target (self);
  g_signal_connect_object (self, "map", G_CALLBACK (page_mapped_cb), self, G_CONNECT_SWAPPED);
}

gboolean
clr_lists_page_get_busy (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), FALSE);

  return self->op_cancellable != NULL;
}

gboolean
clr_lists_page_get_needs_attention (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), FALSE);

  return self->attention_text != NULL;
}

const char *
clr_lists_page_get_attention_text (ClrListsPage *self)
{
  g_return_val_if_fail (CLR_IS_LISTS_PAGE (self), NULL);

  return self->attention_text;
}
