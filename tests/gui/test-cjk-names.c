/* test-cjk-names.c — Chinese names on screen are drawn in a Chinese (SC)
 * face, not the Japanese forms of the same characters
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>

#include "clr-gui-test.h"
#include "shipment/clr-field-row.h"

static ClrApplication *app;

#define NAME "北京示例人工智能科技有限公司"

/* The family Pango picks for @text with @widget's font (its CSS). */
static char *
family_for (GtkWidget  *widget,
            const char *text)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  GList *items = pango_itemize (context, text, 0, (int) strlen (text), NULL, NULL);
  char *family = NULL;

  g_assert_nonnull (items);
  {
    PangoItem *item = items->data;
    PangoFontDescription *description = pango_font_describe (item->analysis.font);

    family = g_strdup (pango_font_description_get_family (description));
    pango_font_description_free (description);
  }
  g_list_free_full (items, (GDestroyNotify) pango_item_free);
  return family;
}

#define find_child(root, type) clr_gui_test_find_widget ((root), (type), NULL)

static void
test_names_in_sc_face (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = clr_field_row_new (CLR_FIELD_TEXT, "Name", TRUE);
  GtkWidget *label = gtk_label_new (NAME);
  GtkWidget *text;
  GtkWindow *window;
  g_autofree char *row_family = NULL;
  g_autofree char *entry_family = NULL;
  g_autofree char *label_family = NULL;
  g_autofree char *plain_family = NULL;
  GtkWidget *plain = gtk_label_new (NAME);

  /* Only meaningful where the SC face is installed (fonts-noto-cjk). */
  {
    PangoFontMap *map = pango_cairo_font_map_get_default ();
    PangoFontFamily **families = NULL;
    int n = 0;
    gboolean found = FALSE;

    pango_font_map_list_families (map, &families, &n);
    for (int i = 0; i < n; i++)
      found |= g_str_equal (pango_font_family_get_name (families[i]), "Noto Sans CJK SC");
    g_free (families);
    if (!found)
      {
        gtk_window_destroy (clr_gui_test_present (gtk_label_new (""), 10, 10));
        g_test_skip ("Noto Sans CJK SC (fonts-noto-cjk) is not installed");
        return;
      }
  }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), NAME);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (label, "clr-name");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), plain);
  window = clr_gui_test_present (box, 500, 300);
  clr_field_row_set_text (CLR_FIELD_ROW (entry), NAME);
  clr_gui_test_wait_drawn (GTK_WIDGET (window));

  text = find_child (entry, GTK_TYPE_TEXT);
  g_assert_nonnull (text);
  row_family = family_for (find_child (row, GTK_TYPE_LABEL), NAME);
  entry_family = family_for (text, NAME);
  label_family = family_for (label, NAME);
  plain_family = family_for (plain, NAME);
  g_test_message ("row title: %s, entry: %s, name label: %s, other label: %s",
                  row_family, entry_family, label_family, plain_family);
  /* A row's title (party rows, queue rows), a typed name and a name label. */
  g_assert_cmpstr (row_family, ==, "Noto Sans CJK SC");
  g_assert_cmpstr (entry_family, ==, "Noto Sans CJK SC");
  g_assert_cmpstr (label_family, ==, "Noto Sans CJK SC");

  gtk_window_destroy (window);
  clr_gui_test_iterate ();
}

static const ClrTestCase tests[] = {
  CLR_TEST_FUNC ("/clearance/gui/cjk/names-in-sc-face", test_names_in_sc_face),
};

CLR_GUI_TEST_MAIN_FUNCS (&app, tests)
