/* clr-entry-view.c — every published field of one listed entry, read-only
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/clr-highlight.h"

#include "clr-entry-view.h"

struct _ClrEntryView
{
  AdwBin      parent_instance;

  GtkWidget  *box;
  GtkLabel   *name;
  GtkLabel   *list;
  GtkLabel   *aliases;
  GtkLabel   *addresses;
  GtkLabel   *countries;
  GtkLabel   *programs;
  GtkLabel   *ids;
  GtkLabel   *source;
  GtkWidget  *link;
};

G_DEFINE_FINAL_TYPE (ClrEntryView, clr_entry_view, ADW_TYPE_BIN)

/* The fields shown as published: the template's label for each, and where
 * the entry holds it. */
static const struct
{
  const char *label;
  gsize       offset;
} text_fields[] = {
  { "agency", G_STRUCT_OFFSET (ClrEntry, agency) },
  { "entry_id", G_STRUCT_OFFSET (ClrEntry, entry_id) },
  { "entity_type", G_STRUCT_OFFSET (ClrEntry, entity_type) },
  { "title_field", G_STRUCT_OFFSET (ClrEntry, title) },
  { "license_requirement", G_STRUCT_OFFSET (ClrEntry, license_requirement) },
  { "license_policy", G_STRUCT_OFFSET (ClrEntry, license_policy) },
  { "federal_register", G_STRUCT_OFFSET (ClrEntry, federal_register) },
  { "start_date", G_STRUCT_OFFSET (ClrEntry, start_date) },
  { "end_date", G_STRUCT_OFFSET (ClrEntry, end_date) },
  { "remarks", G_STRUCT_OFFSET (ClrEntry, remarks) },
};

static void
clr_entry_view_class_init (ClrEntryViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lists/clr-entry-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, box);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, name);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, list);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, aliases);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, addresses);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, countries);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, programs);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, ids);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, source);
  gtk_widget_class_bind_template_child (widget_class, ClrEntryView, link);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, text_fields[i].label, FALSE, 0);
}

static void
clr_entry_view_init (ClrEntryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
clr_entry_view_new (void)
{
  return g_object_new (CLR_TYPE_ENTRY_VIEW, NULL);
}

/* Shows @markup (NULL or empty: the field and its caption are hidden). */
static void
show_markup (GtkLabel   *label,
             const char *markup)
{
  gtk_label_set_markup (label, markup != NULL ? markup : "");
  gtk_widget_set_visible (GTK_WIDGET (label), markup != NULL && *markup != '\0');
}

static void
show_text (GtkLabel   *label,
           const char *text)
{
  g_autofree char *escaped = text != NULL ? g_markup_escape_text (text, -1) : NULL;

  show_markup (label, escaped);
}

/* One "• value" line per value, words in @highlight in bold. */
static void
show_list (GtkLabel           *label,
           GPtrArray          *values,
           const char * const *highlight)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      g_autofree char *line = clr_highlight_markup (g_ptr_array_index (values, i), highlight);

      if (i > 0)
        g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "• %s", line);
    }
  show_markup (label, markup->str);
}

void
clr_entry_view_set_entry (ClrEntryView       *self,
                          const ClrEntry     *entry,
                          const char * const *highlight)
{
  g_autofree char *name = NULL;
  g_autofree char *list = NULL;
  g_autoptr(GPtrArray) addresses = g_ptr_array_new ();
  g_autoptr(GString) countries = g_string_new (NULL);
  gboolean web;

  g_return_if_fail (CLR_IS_ENTRY_VIEW (self));

  gtk_widget_set_visible (self->box, entry != NULL);
  if (entry == NULL)
    return;

  name = clr_highlight_markup (entry->name != NULL ? entry->name : "", highlight);
  gtk_label_set_markup (self->name, name);
  gtk_widget_set_visible (GTK_WIDGET (self->name), TRUE);

  if (entry->list_name != NULL && entry->list_code != NULL)
    /* Translators: a list's full name and its short code, e.g. "Entity List (EL)". */
    list = g_strdup_printf (_("%s (%s)"), entry->list_name, entry->list_code);
  else
    list = g_strdup (entry->list_code != NULL ? entry->list_code : entry->list_name);
  show_text (self->list, list);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    show_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (self), CLR_TYPE_ENTRY_VIEW,
                                                         text_fields[i].label)),
               G_STRUCT_MEMBER (char *, entry, text_fields[i].offset));
  show_list (self->aliases, entry->aliases, highlight);

  for (guint i = 0; entry->addresses != NULL && i < entry->addresses->len; i++)
    {
      ClrAddress *address = g_ptr_array_index (entry->addresses, i);

      if (address->text != NULL)
        g_ptr_array_add (addresses, address->text);
    }
  show_list (self->addresses, addresses, NULL);

  for (guint i = 0; entry->countries != NULL && i < entry->countries->len; i++)
    g_string_append_printf (countries, "%s%s", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (entry->countries, i));
  show_text (self->countries, countries->str);

  show_list (self->programs, entry->programs, NULL);
  show_list (self->ids, entry->ids, NULL);
  /* A web address opens in the browser; anything else is shown as text. */
  web = entry->source_url != NULL && g_str_has_prefix (entry->source_url, "http");
  gtk_widget_set_visible (self->link, web);
  if (web)
    {
      gtk_link_button_set_uri (GTK_LINK_BUTTON (self->link), entry->source_url);
      gtk_widget_set_tooltip_text (self->link, entry->source_url);
    }
  show_text (self->source, web ? NULL : entry->source_url);
}

const char *
clr_entry_view_get_title (ClrEntryView *self)
{
  g_return_val_if_fail (CLR_IS_ENTRY_VIEW (self), NULL);

  return gtk_widget_get_visible (self->box) ? gtk_label_get_text (self->name) : NULL;
}
