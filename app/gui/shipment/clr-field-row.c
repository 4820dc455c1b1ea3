/* clr-field-row.c — an entry row of the shipment form that validates as you type
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "clr-field-row.h"
#include "clr-picker-popover.h"
#include "clr-shipment.h"

struct _ClrFieldRow
{
  AdwEntryRow         parent_instance;

  ClrFieldKind        kind;
  gboolean            required;
  gboolean            show_missing;
  ClrShipmentCatalog *catalog;
  gulong              catalog_changed_id;

  GtkLabel           *message;     /* the resolved name, or what is wrong */
  GtkWidget          *picker;      /* ClrPickerPopover, country and ECCN */
  GtkCalendar        *calendar;    /* date */
  GtkWidget          *popover;

  char               *value;       /* normalised value, NULL when empty or invalid */
  double              number;
  char               *error;       /* NULL when valid */
};

G_DEFINE_FINAL_TYPE (ClrFieldRow, clr_field_row, ADW_TYPE_ENTRY_ROW)

static gboolean
parse_number (const char *text,
              gboolean    integer,
              double     *out)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;
  double value;

  /* Accept a decimal comma, and thousands separators typed as spaces or apostrophes. */
  g_strdelimit (copy, ",", '.');
  {
    char *w = copy;

    for (char *r = copy; *r != '\0'; r++)
      if (*r != ' ' && *r != '\'' && *r != '_')
        *w++ = *r;
    *w = '\0';
  }
  value = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (value))
    return FALSE;
  if (integer && value != (double) (gint64) value)
    return FALSE;
  *out = value;
  return TRUE;
}

static void
update_display (ClrFieldRow *self,
                const char  *info)
{
  const char *shown = self->error;
  gboolean missing = self->value == NULL && self->error != NULL
                     && *gtk_editable_get_text (GTK_EDITABLE (self)) == '\0';

  if (missing && !self->show_missing)
    shown = NULL;

  if (shown != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_label_set_text (self->message, shown);
      gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
      gtk_widget_set_visible (GTK_WIDGET (self->message), TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->message), shown);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, shown, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message), "error");
      gtk_label_set_text (self->message, info ? info : "");
      gtk_widget_set_visible (GTK_WIDGET (self->message), info != NULL && *info != '\0');
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->message), info);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, info ? info : "", -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
}

static void
validate (ClrFieldRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_autofree char *info = NULL;

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->error, g_free);
  self->number = 0;

  if (*text == '\0')
    {
      if (self->required)
        self->error = g_strdup (_("Required"));
      update_display (self, NULL);
      return;
    }

  switch (self->kind)
    {
    case CLR_FIELD_TEXT:
      self->value = g_strdup (text);
      break;

    case CLR_FIELD_INTEGER:
    case CLR_FIELD_NUMBER:
    case CLR_FIELD_PERCENT:
      {
        double number;

        if (!parse_number (text, self->kind == CLR_FIELD_INTEGER, &number))
          self->error = g_strdup (self->kind == CLR_FIELD_INTEGER ? _("Enter a whole number")
                                                                   : _("Enter a number"));
        else if (number < 0)
          self->error = g_strdup (_("Must not be negative"));
        else if (self->kind == CLR_FIELD_PERCENT && number > 100)
          self->error = g_strdup (_("Enter a percentage from 0 to 100"));
        else
          {
            self->number = number;
            self->value = g_strdup (text);
          }
      }
      break;

    case CLR_FIELD_DATE:
      if (clr_date_is_valid (text))
        self->value = g_strdup (text);
      else
        self->error = g_strdup (_("Enter a real date as YYYY-MM-DD"));
      break;

    case CLR_FIELD_COUNTRY:
      {
        const char *code = self->catalog ? clr_shipment_catalog_resolve_country (self->catalog, text)
                                         : NULL;

        if (code == NULL && !(self->catalog && clr_shipment_catalog_get_pack (self->catalog)))
          /* Still starting: checked again once the rule pack is in (not an error). */
          info = g_strdup (_("Loading rules…"));
        else if (code == NULL)
          self->error = g_strdup (_("Unknown country: type a name, ISO code or alias"));
        else
          {
            self->value = g_strdup (code);
            info = clr_shipment_catalog_describe_country (self->catalog, code);
          }
      }
      break;

    case CLR_FIELD_ECCN:
      self->value = self->catalog ? clr_shipment_catalog_resolve_eccn (self->catalog, text) : NULL;
      if (self->value == NULL && !(self->catalog && clr_shipment_catalog_get_pack (self->catalog)))
        info = g_strdup (_("Loading rules…"));
      else if (self->value == NULL)
        self->error = g_strdup (_("Not on the Commerce Control List: pick an ECCN or EAR99"));
      else
        info = clr_shipment_catalog_describe_eccn (self->catalog, self->value);
      break;

    default:
      g_assert_not_reached ();
    }

  update_display (self, info);
}

static void
changed_cb (ClrFieldRow *self)
{
  validate (self);
}

static void
picked_cb (ClrFieldRow *self,
           const char  *id)
{
  gtk_editable_set_text (GTK_EDITABLE (self), id);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
}

static void
day_selected_cb (ClrFieldRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
calendar_show_cb (ClrFieldRow *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->value != NULL)
    {
      g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", self->value);

      date = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (date == NULL)
    date = g_date_time_new_now_local ();
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, date);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}

static void
catalog_changed_cb (ClrFieldRow *self)
{
  validate (self);
}

static void
clr_field_row_dispose (GObject *object)
{
  ClrFieldRow *self = CLR_FIELD_ROW (object);

  if (self->catalog != NULL)
    g_clear_signal_handler (&self->catalog_changed_id, self->catalog);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (clr_field_row_parent_class)->dispose (object);
}

static void
clr_field_row_finalize (GObject *object)
{
  ClrFieldRow *self = CLR_FIELD_ROW (object);

  g_free (self->value);
  g_free (self->error);

  G_OBJECT_CLASS (clr_field_row_parent_class)->finalize (object);
}

static void
clr_field_row_class_init (ClrFieldRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = clr_field_row_dispose;
  G_OBJECT_CLASS (klass)->finalize = clr_field_row_finalize;
}

static void
clr_field_row_init (ClrFieldRow *self)
{
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_wrap_mode (self->message, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (self->message, 16);
  gtk_label_set_justify (self->message, GTK_JUSTIFY_RIGHT);
  gtk_label_set_xalign (self->message, 1);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->message));
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
}

GtkWidget *
clr_field_row_new (ClrFieldKind  kind,
                   const char   *title,
                   gboolean      required)
{
  ClrFieldRow *self = g_object_new (CLR_TYPE_FIELD_ROW, "title", title, "use-underline", TRUE, NULL);
  GtkWidget *button = NULL;

  self->kind = kind;
  self->required = required;

  switch (kind)
    {
    case CLR_FIELD_INTEGER:
    case CLR_FIELD_NUMBER:
    case CLR_FIELD_PERCENT:
      gtk_editable_set_alignment (GTK_EDITABLE (self), 0);
      g_object_set (self, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
      break;

    case CLR_FIELD_DATE:
      self->calendar = GTK_CALENDAR (gtk_calendar_new ());
      self->popover = gtk_popover_new ();
      gtk_popover_set_child (GTK_POPOVER (self->popover), GTK_WIDGET (self->calendar));
      g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
      g_signal_connect_swapped (self->popover, "show", G_CALLBACK (calendar_show_cb), self);
      button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), self->popover);
      gtk_widget_set_tooltip_text (button, _("Choose a date"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Choose a date"), -1);
      break;

    case CLR_FIELD_COUNTRY:
    case CLR_FIELD_ECCN:
      self->popover = clr_picker_popover_new (NULL, kind == CLR_FIELD_COUNTRY ? _("Countries")
                                                                              : _("Export Control Classification Numbers"));
      g_signal_connect_swapped (self->popover, "picked", G_CALLBACK (picked_cb), self);
      button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "edit-find-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), self->popover);
      {
        /* Translators: tooltip of the search button of a country or ECCN field, e.g. "Search Destination" */
        g_autofree char *label = g_strdup_printf (_("Search %s"), title);
        char *u;

        /* Drop the mnemonic underscore from the title. */
        while ((u = strchr (label, '_')) != NULL)
          memmove (u, u + 1, strlen (u));
        gtk_widget_set_tooltip_text (button, label);
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        label, -1);
      }
      break;

    case CLR_FIELD_TEXT:
    default:
      break;
    }

  if (button != NULL)
    {
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
      self->picker = button;
    }
  validate (self);
  return GTK_WIDGET (self);
}

ClrFieldKind
clr_field_row_get_kind (ClrFieldRow *self)
{
  g_return_val_if_fail (CLR_IS_FIELD_ROW (self), CLR_FIELD_TEXT);
  return self->kind;
}

void
clr_field_row_set_catalog (ClrFieldRow        *self,
                           ClrShipmentCatalog *catalog)
{
  g_return_if_fail (CLR_IS_FIELD_ROW (self));

  if (self->catalog == catalog)
    return;
  if (self->catalog != NULL)
    g_clear_signal_handler (&self->catalog_changed_id, self->catalog);
  g_set_object (&self->catalog, catalog);
  if (catalog != NULL && self->kind == CLR_FIELD_COUNTRY)
    self->catalog_changed_id = g_signal_connect_swapped (catalog, "changed",
                                                         G_CALLBACK (catalog_changed_cb), self);
  if (self->popover != NULL && CLR_IS_PICKER_POPOVER (self->popover))
    clr_picker_popover_set_items (CLR_PICKER_POPOVER (self->popover),
                                  catalog == NULL ? NULL
                                  : self->kind == CLR_FIELD_COUNTRY
                                    ? clr_shipment_catalog_get_countries (catalog)
                                    : clr_shipment_catalog_get_eccns (catalog));
  validate (self);
}

void
clr_field_row_set_show_missing (ClrFieldRow *self,
                                gboolean     show_missing)
{
  g_return_if_fail (CLR_IS_FIELD_ROW (self));

  if (self->show_missing == !!show_missing)
    return;
  self->show_missing = !!show_missing;
  validate (self);
}

const char *
clr_field_row_get_value (ClrFieldRow *self)
{
  g_return_val_if_fail (CLR_IS_FIELD_ROW (self), NULL);
  return self->value;
}

gboolean
clr_field_row_get_number (ClrFieldRow *self,
                          double      *number)
{
  g_return_val_if_fail (CLR_IS_FIELD_ROW (self), FALSE);

  if (self->value == NULL || (self->kind != CLR_FIELD_INTEGER && self->kind != CLR_FIELD_NUMBER
                              && self->kind != CLR_FIELD_PERCENT))
    return FALSE;
  *number = self->number;
  return TRUE;
}

void
clr_field_row_set_text (ClrFieldRow *self,
                        const char  *text)
{
  g_return_if_fail (CLR_IS_FIELD_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
  /* set_text does not emit ::changed when the text is the same. */
  validate (self);
}

const char *
clr_field_row_get_error (ClrFieldRow *self)
{
  g_return_val_if_fail (CLR_IS_FIELD_ROW (self), NULL);
  return self->error;
}

void
clr_field_row_revalidate (ClrFieldRow *self)
{
  g_return_if_fail (CLR_IS_FIELD_ROW (self));
  validate (self);
}
