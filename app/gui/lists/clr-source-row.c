/* clr-source-row.c — one list source on the Lists page: freshness, version, switch
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "clr-lists-filter.h"

#include "widgets/clr-widget.h"

#include "clr-source-row.h"

struct _ClrSourceRow
{
  AdwExpanderRow  parent_instance;

  GtkSwitch      *enabled_switch;
  GtkButton      *update_button;
  GtkLabel       *badge;
  AdwActionRow   *version_date_row;
  AdwActionRow   *imported_row;
  AdwActionRow   *file_row;
  AdwActionRow   *sha256_row;
  AdwActionRow   *transport_row;
  AdwActionRow   *counts_row;
  AdwActionRow   *warnings_row;
  AdwActionRow   *url_row;
  AdwActionRow   *checked_row;
  AdwActionRow   *error_row;

  char           *source_id;
};

G_DEFINE_FINAL_TYPE (ClrSourceRow, clr_source_row, ADW_TYPE_EXPANDER_ROW)

static const char *
source_label (const ClrListSource *source)
{
  return source->label != NULL ? source->label : source->id;
}

static const char *
freshness_label (ClrSourceFreshness freshness,
                 const char       **css_class)
{
  switch (freshness)
    {
    case CLR_SOURCE_FRESHNESS_CURRENT:
      *css_class = "success";
      return _("Current");
    case CLR_SOURCE_FRESHNESS_STALE:
      *css_class = "warning";
      return _("Stale");
    case CLR_SOURCE_FRESHNESS_NEVER_LOADED:
    default:
      *css_class = "error";
      return _("Never loaded");
    }
}

/* A detail row (its title is in the .ui) shows @value, or is hidden. */
static void
show_detail (AdwActionRow *row,
             const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL);
}

static char *
make_subtitle (GPtrArray             *statuses,
               const ClrSourceStatus *status,
               const char            *fresh)
{
  ClrListSource *source = status->source;
  ClrListVersion *version = status->version;
  GString *subtitle = g_string_new (NULL);

  if (version != NULL)
    {
      g_autofree char *records = clr_lists_format_count (version->records);
      g_autofree char *names = clr_lists_format_count (version->names);

      /* Translators: freshness, version date, number of records, number of names. */
      g_string_printf (subtitle, _("%s · version of %s · %s records · %s names"), fresh,
                       version->publication_date != NULL ? version->publication_date : _("unknown date"),
                       records, names);
      if (version->fetched_without_tls)
        g_string_append_printf (subtitle, " · %s", _("fetched without TLS"));
      if (!source->enabled)
        g_string_append_printf (subtitle, " · %s", _("disabled"));
    }
  else
    {
      const ClrSourceStatus *cover = clr_lists_covered_by (statuses, status);

      if (source->enabled && cover != NULL)
        /* Translators: %s is the source whose lists include this one's, e.g. the
         * Consolidated Screening List. */
        g_string_printf (subtitle, _("Never loaded · its entries are in %s"), source_label (cover->source));
      else
        g_string_assign (subtitle, source->enabled ? _("Never loaded") : _("Never loaded · disabled"));
    }
  return g_string_free (subtitle, FALSE);
}

static void
show_version (ClrSourceRow         *self,
              const ClrListVersion *version)
{
  g_autofree char *imported = NULL;
  g_autofree char *warnings = NULL;
  g_autoptr(GString) counts = g_string_new (NULL);

  if (version == NULL)
    return;

  imported = clr_lists_format_time (version->imported_at);
  show_detail (self->version_date_row, version->publication_date != NULL ? version->publication_date
                                                                         : _("The file states no date"));
  show_detail (self->imported_row, imported);
  show_detail (self->file_row, version->file_name != NULL ? version->file_name : "");
  show_detail (self->sha256_row, version->sha256 != NULL ? version->sha256 : "");
  gtk_widget_set_visible (GTK_WIDGET (self->transport_row), version->fetched_without_tls);
  for (guint i = 0; version->counts != NULL && i < version->counts->len; i++)
    {
      ClrListCount *count = g_ptr_array_index (version->counts, i);
      g_autofree char *records = clr_lists_format_count (count->records);
      g_autofree char *names = clr_lists_format_count (count->names);

      if (counts->len > 0)
        g_string_append_c (counts, '\n');
      /* Translators: list code, records, names. */
      g_string_append_printf (counts, _("%s: %s records, %s names"), count->list_code, records, names);
    }
  show_detail (self->counts_row, counts->len > 0 ? counts->str : NULL);
  if (version->warnings != NULL && version->warnings->len > 0)
    warnings = g_strdup_printf ("%u", version->warnings->len);
  show_detail (self->warnings_row, warnings);
}

static gboolean
state_set_cb (ClrSourceRow *self,
              gboolean      state)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "lists.set-enabled", "(sb)", self->source_id, state);
  return FALSE;
}

static void
clr_source_row_finalize (GObject *object)
{
  g_free (CLR_SOURCE_ROW (object)->source_id);

  G_OBJECT_CLASS (clr_source_row_parent_class)->finalize (object);
}

static void
clr_source_row_class_init (ClrSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = clr_source_row_finalize;

  clr_widget_class_set_template (widget_class, RESOURCE_BASE "/lists/clr-source-row.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, update_button);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, badge);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, version_date_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, imported_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, file_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, sha256_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, transport_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, counts_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, warnings_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, url_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, checked_row);
  gtk_widget_class_bind_template_child (widget_class, ClrSourceRow, error_row);
  gtk_widget_class_bind_template_callback (widget_class, state_set_cb);
}

static void
clr_source_row_init (ClrSourceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
clr_source_row_new (GPtrArray             *statuses,
                    const ClrSourceStatus *status)
{
  ClrListSource *source = status->source;
  ClrSourceRow *self = g_object_new (CLR_TYPE_SOURCE_ROW, NULL);
  const char *css_class;
  const char *fresh = freshness_label (status->freshness, &css_class);
  g_autofree char *subtitle = make_subtitle (statuses, status, fresh);
  g_autofree char *switch_label = NULL;
  g_autofree char *checked = NULL;

  self->source_id = g_strdup (source->id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), source_label (source));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  /* Set before the handler can run: loading the row changes nothing. */
  g_signal_handlers_block_by_func (self->enabled_switch, state_set_cb, self);
  gtk_switch_set_active (self->enabled_switch, source->enabled);
  g_signal_handlers_unblock_by_func (self->enabled_switch, state_set_cb, self);
  /* Translators: %s is a list source's name. */
  switch_label = g_strdup_printf (_("Screen against %s"), source_label (source));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->enabled_switch), switch_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->enabled_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);

  gtk_widget_set_visible (GTK_WIDGET (self->update_button), source->url != NULL);
  if (source->url != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: %s is a list source's name. */
      label = g_strdup_printf (_("Download the latest %s"), source_label (source));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->update_button), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->update_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->update_button), "lists.update");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->update_button), "s", source->id);
    }

  gtk_label_set_text (self->badge, fresh);
  gtk_widget_add_css_class (GTK_WIDGET (self->badge), css_class);

  show_version (self, status->version);
  show_detail (self->url_row, source->url);
  if (source->last_checked != NULL)
    checked = clr_lists_format_time (source->last_checked);
  show_detail (self->checked_row, checked);
  show_detail (self->error_row, source->last_error);

  return GTK_WIDGET (self);
}
