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
  AdwBin     parent_instance;

  GtkWidget *box;
  GtkWidget *title;
};

G_DEFINE_FINAL_TYPE (ClrEntryView, clr_entry_view, ADW_TYPE_BIN)

static void
clr_entry_view_class_init (ClrEntryViewClass *klass)
{
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
clr_entry_view_init (ClrEntryView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  adw_bin_set_child (ADW_BIN (self), self->box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Listed entry"),
                                  -1);
}

GtkWidget *
clr_entry_view_new (void)
{
  return g_object_new (CLR_TYPE_ENTRY_VIEW, NULL);
}

static GtkWidget *
add_value_label (ClrEntryView *self,
                 const char   *markup,
                 const char   *description)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_widget_add_css_class (label, "clr-name");  /* Chinese names in the SC face (style.css) */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Wrapped labels ask for their whole text as natural width; cap it so the
   * entry can sit beside the party in the Review page's comparison. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  /* A stable handle for assistive technologies: GTK 4.8 replaces a label's
   * accessible name with its text. */
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  gtk_box_append (GTK_BOX (self->box), label);

  return label;
}

static void
add_caption (ClrEntryView *self,
             const char   *caption)
{
  GtkWidget *label = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (self->box), label);
}

static void
add_field (ClrEntryView *self,
           const char   *caption,
           const char   *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  add_caption (self, caption);
  escaped = g_markup_escape_text (value, -1);
  add_value_label (self, escaped, caption);
}

static void
add_list_field (ClrEntryView       *self,
                const char         *caption,
                GPtrArray          *values,
                const char * const *highlight)
{
  g_autoptr(GString) markup = NULL;

  if (values == NULL || values->len == 0)
    return;

  markup = g_string_new (NULL);
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *line = clr_highlight_markup (g_ptr_array_index (values, i), highlight);

      if (i > 0)
        g_string_append_c (markup, '\n');
      g_string_append_printf (markup, "• %s", line);
    }

  add_caption (self, caption);
  add_value_label (self, markup->str, caption);
}

void
clr_entry_view_set_entry (ClrEntryView       *self,
                          const ClrEntry     *entry,
                          const char * const *highlight)
{
  GtkWidget *child;
  g_autofree char *title = NULL;
  g_autofree char *list = NULL;

  g_return_if_fail (CLR_IS_ENTRY_VIEW (self));

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->title = NULL;

  if (entry == NULL)
    return;

  title = clr_highlight_markup (entry->name != NULL ? entry->name : "", highlight);
  self->title = add_value_label (self, title, _("Listed name"));
  gtk_widget_add_css_class (self->title, "title-3");

  if (entry->list_name != NULL && entry->list_code != NULL)
    /* Translators: a list's full name and its short code, e.g. "Entity List (EL)". */
    list = g_strdup_printf (_("%s (%s)"), entry->list_name, entry->list_code);
  else
    list = g_strdup (entry->list_code != NULL ? entry->list_code : entry->list_name);
  add_field (self, _("List"), list);
  add_field (self, _("Agency"), entry->agency);
  add_field (self, _("Entry ID"), entry->entry_id);
  add_field (self, _("Type"), entry->entity_type);
  add_field (self, _("Title"), entry->title);
  add_list_field (self, _("Other names"), entry->aliases, highlight);

  if (entry->addresses != NULL && entry->addresses->len > 0)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      for (guint i = 0; i < entry->addresses->len; i++)
        {
          ClrAddress *address = g_ptr_array_index (entry->addresses, i);

          if (address->text != NULL)
            g_ptr_array_add (texts, address->text);
        }
      add_list_field (self, _("Addresses"), texts, NULL);
    }

  if (entry->countries != NULL && entry->countries->len > 0)
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < entry->countries->len; i++)
        g_string_append_printf (joined, "%s%s", i > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (entry->countries, i));
      add_field (self, _("Countries"), joined->str);
    }

  add_list_field (self, _("Programs"), entry->programs, NULL);
  add_list_field (self, _("Identifiers"), entry->ids, NULL);
  add_field (self, _("License requirement"), entry->license_requirement);
  add_field (self, _("License review policy"), entry->license_policy);
  add_field (self, _("Federal Register citation"), entry->federal_register);
  add_field (self, _("Listed since"), entry->start_date);
  add_field (self, _("Listed until"), entry->end_date);
  add_field (self, _("Remarks"), entry->remarks);

  if (entry->source_url != NULL && g_str_has_prefix (entry->source_url, "http"))
    {
      GtkWidget *link = gtk_link_button_new_with_label (entry->source_url, _("Open the official source"));

      gtk_widget_set_halign (link, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (link, entry->source_url);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the official source"),
                                      -1);
      gtk_box_append (GTK_BOX (self->box), link);
    }
  else
    {
      add_field (self, _("Source"), entry->source_url);
    }
}

const char *
clr_entry_view_get_title (ClrEntryView *self)
{
  g_return_val_if_fail (CLR_IS_ENTRY_VIEW (self), NULL);

  return self->title != NULL ? gtk_label_get_text (GTK_LABEL (self->title)) : NULL;
}
