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
  gboolean            constructed;

  GtkLabel           *message;     /* the resolved name, or what is wrong */
  GtkWidget          *picker;      /* ClrPickerPopover, country and ECCN */
  GtkCalendar        *calendar;    /* date */
  GtkWidget          *popover;

  char               *value;       /* normalised value, NULL when empty or invalid */
  double              number;
  char               *error;       /* NULL when valid */
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_REQUIRED,
  PROP_CATALOG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MODEL_PICKED,
  N_FIELD_SIGNALS
};

static guint field_signals[N_FIELD_SIGNALS];

G_DEFINE_ENUM_TYPE (ClrFieldKind, clr_field_kind,
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_TEXT, "text"),
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_INTEGER, "integer"),
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_PERCENT, "percent"),
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_DATE, "date"),
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_COUNTRY, "country"),
                    G_DEFINE_ENUM_VALUE (CLR_FIELD_ECCN, "eccn"))

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
      gtk_widget_remove_css_class (GTK_WIDGET (self->message), "dim-label");
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
      gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
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
  /* A well-known model from the classification help: the item row fills it in. */
  if (g_str_has_prefix (id, "model:"))
    {
      g_signal_emit (self, field_signals[MODEL_PICKED], 0, id + strlen ("model:"));
      return;
    }
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

/* The search button is named after the field: "Search Destination". */
static void
title_changed_cb (ClrFieldRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  g_autofree char *label = NULL;
  char *u;

  if (self->picker == NULL || (self->kind != CLR_FIELD_COUNTRY && self->kind != CLR_FIELD_ECCN))
    return;
  /* Translators: tooltip of the search button of a country or ECCN field, e.g. "Search Destination" */
  label = g_strdup_printf (_("Search %s"), title ? title : "");
  /* Drop the mnemonic underscore from the title. */
  while ((u = strchr (label, '_')) != NULL)
    memmove (u, u + 1, strlen (u));
  gtk_widget_set_tooltip_text (self->picker, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

/* The suffix a kind needs (calendar, searchable picker), once "kind" is known. */
static void
clr_field_row_constructed (GObject *object)
{
  ClrFieldRow *self = CLR_FIELD_ROW (object);
  GtkWidget *button = NULL;

  G_OBJECT_CLASS (clr_field_row_parent_class)->constructed (object);

  switch (self->kind)
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
      self->popover = clr_picker_popover_new (NULL, self->kind == CLR_FIELD_COUNTRY
                                                    ? _("Countries")
                                                    : _("Export Control Classification Numbers"));
      g_signal_connect_swapped (self->popover, "picked", G_CALLBACK (picked_cb), self);
      clr_picker_popover_set_none_text (CLR_PICKER_POPOVER (self->popover), self->kind == CLR_FIELD_COUNTRY
                                        /* Translators: an empty country search; %s is what was typed */
                                        ? _("No country matches “%s”")
                                        /* Translators: an empty ECCN search; %s is what was typed, e.g. "GPU" */
                                        : _("No ECCN matches “%s”"));
      button = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "edit-find-symbolic");
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), self->popover);
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
  self->constructed = TRUE;
  title_changed_cb (self);
  g_signal_connect (self, "notify::title", G_CALLBACK (title_changed_cb), NULL);
  /* A catalog set at construction came before the picker existed. */
  if (self->catalog != NULL)
    {
      g_autoptr(ClrShipmentCatalog) catalog = g_steal_pointer (&self->catalog);

      clr_field_row_set_catalog (self, catalog);
    }
  validate (self);
}

static void
clr_field_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  ClrFieldRow *self = CLR_FIELD_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_REQUIRED:
      self->required = g_value_get_boolean (value);
      break;
    case PROP_CATALOG:
      if (!self->constructed)
        /* Applied in constructed(), once the picker exists. */
        g_set_object (&self->catalog, g_value_get_object (value));
      else
        clr_field_row_set_catalog (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_field_row_class_init (ClrFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = clr_field_row_constructed;
  object_class->set_property = clr_field_row_set_property;
  object_class->dispose = clr_field_row_dispose;
  object_class->finalize = clr_field_row_finalize;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CLR_TYPE_FIELD_KIND, CLR_FIELD_TEXT,
                       G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, CLR_TYPE_SHIPMENT_CATALOG,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ClrFieldRow::model-picked:
   * @model: the name of a well-known model picked in the ECCN picker
   */
  field_signals[MODEL_PICKED] = g_signal_new ("model-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
clr_field_row_init (ClrFieldRow *self)
{
  GtkWidget *header = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* The message goes under the value, the row's whole width: AdwEntryRow (1.2)
   * has no subtitle, so its header box is put in a column with the message
   * below it (clr-shipment.css gives the header back its spacing). */
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_wrap_mode (self->message, PANGO_WRAP_WORD);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "clr-field-subtitle");
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_widget_add_css_class (box, "clr-field-box");
  g_object_ref (header);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
  gtk_box_append (GTK_BOX (box), header);
  g_object_unref (header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self), TRUE);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
}

GtkWidget *
clr_field_row_new (ClrFieldKind  kind,
                   const char   *title,
                   gboolean      required)
{
  return g_object_new (CLR_TYPE_FIELD_ROW, "kind", kind, "title", title, "required", required, NULL);
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
clr_field_row_load_json (ClrFieldRow *self,
                         JsonObject  *object,
                         const char  *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;
  GType type = node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                            : G_TYPE_INVALID;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *text = NULL;

  g_return_if_fail (CLR_IS_FIELD_ROW (self));

  if (type == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else if (type == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else if (type == G_TYPE_DOUBLE)
    text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", json_node_get_double (node)));
  clr_field_row_set_text (self, text);
}

void
clr_field_row_save_json (ClrFieldRow *self,
                         JsonObject  *object,
                         const char  *member)
{
  g_autofree char *trimmed = NULL;
  double number;

  g_return_if_fail (CLR_IS_FIELD_ROW (self));

  trimmed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (clr_field_row_get_number (self, &number))
    {
      if (self->kind == CLR_FIELD_INTEGER || (number == floor (number) && fabs (number) < 1e15))
        json_object_set_int_member (object, member, (gint64) number);
      else
        json_object_set_double_member (object, member, number);
    }
  else if (self->value != NULL)
    json_object_set_string_member (object, member, self->value);
  else if (*trimmed != '\0')
    json_object_set_string_member (object, member, trimmed);
  else if (json_object_has_member (object, member))
    json_object_remove_member (object, member);
}

/* The picker popover of a country or ECCN field, or NULL (for tests). */
GtkWidget *
clr_field_row_get_picker (ClrFieldRow *self)
{
  g_return_val_if_fail (CLR_IS_FIELD_ROW (self), NULL);
  return self->popover != NULL && CLR_IS_PICKER_POPOVER (self->popover) ? self->popover : NULL;
}
