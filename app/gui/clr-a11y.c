/* clr-a11y.c — accessible names GTK 4.8 gets wrong
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "clr-a11y.h"

char *
clr_a11y_strip_mnemonic (const char *label)
{
  GString *out;

  if (label == NULL)
    return NULL;

  out = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (out, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
rename_control (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;
  g_autofree char *name = NULL;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }
  if (label == NULL || !underline)
    return;

  name = clr_a11y_strip_mnemonic (label);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
on_label_changed (GtkWidget  *widget,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  rename_control (widget);
}

/* Emission hook on GtkWidget::map: the first time a button or check button
 * (or the window holding it) is shown, name it and follow its label from then
 * on. (GLib does not emit
 * ::notify for an object nobody listens to, so a hook on ::notify would miss
 * the labels set while a template is built.) */
static void
follow (GObject *object)
{
  static GQuark followed;

  if (followed == 0)
    followed = g_quark_from_static_string ("clr-a11y-followed");
  if (g_object_get_qdata (object, followed) == NULL)
    {
      g_object_set_qdata (object, followed, GINT_TO_POINTER (1));
      g_signal_connect (object, "notify::label", G_CALLBACK (on_label_changed), NULL);
      g_signal_connect (object, "notify::use-underline", G_CALLBACK (on_label_changed), NULL);
    }
  rename_control (GTK_WIDGET (object));
}

/* Screen readers see every widget of a window, shown or not (the pages of a
 * view stack, a collapsed expander): when a window maps, the whole tree. */
static void
follow_tree (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget))
    follow (G_OBJECT (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    follow_tree (child);
}

static gboolean
on_map (GSignalInvocationHint *hint,
        guint                  n_params,
        const GValue          *params,
        gpointer               user_data)
{
  GObject *object = g_value_get_object (&params[0]);

  if (GTK_IS_WINDOW (object))
    follow_tree (GTK_WIDGET (object));
  else if (GTK_IS_BUTTON (object) || GTK_IS_CHECK_BUTTON (object))
    follow (object);
  return TRUE;  /* stay installed */
}

void
clr_a11y_install_mnemonic_names (void)
{
  static gsize installed;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class is initialised. */
      gpointer widget_class = g_type_class_ref (GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0,
                                  on_map, NULL, NULL);
      g_type_class_unref (widget_class);
      g_once_init_leave (&installed, 1);
    }
}

void
clr_a11y_close_on_escape (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}
