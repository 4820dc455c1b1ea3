/* test-shipment-print.c — Print on the Shipment page: the page's own print
 * operation (its ::begin-print and ::draw-page) exported to a PDF file, the Print
 * action's enablement, and a second Print refused while one runs
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "clr-gui-test.h"
#include "clr-report.h"
#include "pages/clr-shipment-page-private.h"
#include "shipment/clr-result-pane.h"
#include "shipment/clr-shipment-form.h"

static ClrApplication *app;

/* H100-class GPUs for a Shanghai cloud company: License required under 15 CFR 742.6.
 * The items are repeated (ITEM_COPIES) so the report runs over several pages. */
#define ITEM_COPIES 24

static const char *shipment_head =
  "{\"reference\": \"PO-PRINT-1\", \"date\": \"2025-06-01\", \"destination\": \"CN\","
  " \"exported_from\": \"US\", \"items\": [";
static const char *shipment_item =
  "{\"description\": \"NVIDIA H100 SXM5 80GB\", \"eccn\": \"3A090.a\", \"quantity\": 8,"
  " \"unit_value\": 30000, \"currency\": \"USD\", \"tpp\": 15832, \"datacenter\": true}";
static const char *shipment_tail =
  "], \"parties\": [{\"role\": \"end_user\", \"name\": \"Shanghai Cloud Compute Co., Ltd.\","
  "   \"country\": \"CN\", \"headquarters_country\": \"CN\"}],"
  " \"end_use\": {\"categories\": [\"datacenter\"]}}";

typedef struct
{
  GtkWindow       *window;
  ClrShipmentPage *page;
  ClrShipmentForm *form;
  ClrResultPane   *pane;
  char            *pdf;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->page = clr_gui_test_present_shipment_page (clr_application_get_store (app), 1400, 900, &f->window);
  clr_shipment_page_new_case (f->page);
  f->form = CLR_SHIPMENT_FORM (clr_shipment_page_get_form (f->page));
  f->pane = CLR_RESULT_PANE (clr_shipment_page_get_result_pane (f->page));
  f->pdf = g_build_filename (clr_gui_test_get_tmpdir (), "printed.pdf", NULL);
  g_remove (f->pdf);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  clr_gui_test_iterate ();
  g_remove (f->pdf);
  g_free (f->pdf);
}

/* A print dialog among the toplevels (the Print action's PRINT_DIALOG run). */
static gboolean
print_dialog_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* (transfer none) */
  GType dialog = g_type_from_name ("GtkPrintUnixDialog");

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (dialog != 0 && g_type_is_a (G_OBJECT_TYPE (window), dialog))
        return TRUE;
    }
  return FALSE;
}

static gboolean
not_evaluating (ClrShipmentPage *page)
{
  return !clr_shipment_page_get_evaluating (page);
}

static void
evaluate_long_shipment (Fixture *f)
{
  g_autoptr(GString) text = g_string_new (shipment_head);
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < ITEM_COPIES; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", shipment_item);
  g_string_append (text, shipment_tail);
  document = json_from_string (text->str, &error);
  g_assert_no_error (error);
  clr_shipment_form_set_document (f->form, document);
  clr_shipment_page_evaluate (f->page);
  CLR_GUI_TEST_WAIT_UNTIL (not_evaluating (f->page), 30);
  g_assert_false (clr_shipment_page_get_evaluating (f->page));
  g_assert_null (clr_result_pane_get_error (f->pane));
  g_assert_cmpstr (clr_result_pane_get_verdict_text (f->pane), ==, "License required");
  clr_gui_test_iterate ();
}

/* ---- A small reader for the PDFs cairo writes --------------------------- */

static GBytes *
inflate (const guint8 *data,
         gsize         length)
{
  g_autoptr(GConverter) zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gsize offset = 0;
  guint8 buffer[16384];

  for (;;)
    {
      gsize read = 0, written = 0;
      g_autoptr(GError) error = NULL;
      GConverterResult r = g_converter_convert (zlib, data + offset, length - offset, buffer,
                                                sizeof buffer, G_CONVERTER_INPUT_AT_END,
                                                &read, &written, &error);

      if (r == G_CONVERTER_ERROR)
        return NULL;
      offset += read;
      g_byte_array_append (out, buffer, (guint) written);
      if (r == G_CONVERTER_FINISHED || (read == 0 && written == 0))
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static guint
hex_value (const char *hex,
           gsize       length)
{
  guint value = 0;

  for (gsize i = 0; i < length; i++)
    value = value * 16 + (guint) g_ascii_xdigit_value (hex[i]);
  return value;
}

/* A ToUnicode CMap: source code -> UTF-8, and the width of a code in hex digits. */
typedef struct
{
  GHashTable *map;
  gsize       digits;
} CMap;

static void
cmap_free (gpointer data)
{
  CMap *cmap = data;

  g_hash_table_unref (cmap->map);
  g_free (cmap);
}

static char *
utf16be_hex_to_utf8 (const char *hex,
                     gsize       length,
                     guint       add)
{
  g_autofree gunichar2 *units = g_new0 (gunichar2, length / 4 + 1);
  glong n = 0;

  for (gsize i = 0; i + 4 <= length; i += 4)
    units[n++] = (gunichar2) hex_value (hex + i, 4);
  if (n > 0)
    units[n - 1] = (gunichar2) (units[n - 1] + add);
  return g_utf16_to_utf8 (units, n, NULL, NULL, NULL);
}

static CMap *
parse_cmap (const char *text)
{
  CMap *cmap = g_new0 (CMap, 1);
  g_autoptr(GRegex) pair = g_regex_new ("<([0-9A-Fa-f]+)>\\s*<([0-9A-Fa-f]+)>(\\s*<([0-9A-Fa-f]+)>)?",
                                        0, 0, NULL);
  g_autoptr(GRegex) section = g_regex_new ("begin(bfchar|bfrange)(.*?)end\\1", G_REGEX_DOTALL, 0, NULL);
  g_autoptr(GMatchInfo) sections = NULL;

  cmap->map = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_regex_match (section, text, 0, &sections);
  while (g_match_info_matches (sections))
    {
      g_autofree char *kind = g_match_info_fetch (sections, 1);
      g_autofree char *body = g_match_info_fetch (sections, 2);
      gboolean range = g_str_equal (kind, "bfrange");
      g_autoptr(GMatchInfo) pairs = NULL;

      g_regex_match (pair, body, 0, &pairs);
      while (g_match_info_matches (pairs))
        {
          g_autofree char *a = g_match_info_fetch (pairs, 1);
          g_autofree char *b = g_match_info_fetch (pairs, 2);
          g_autofree char *c = g_match_info_fetch (pairs, 4);

          cmap->digits = strlen (a);
          if (!range)
            g_hash_table_insert (cmap->map, GUINT_TO_POINTER (hex_value (a, strlen (a))),
                                 utf16be_hex_to_utf8 (b, strlen (b), 0));
          else if (c != NULL && *c != '\0')
            for (guint code = hex_value (a, strlen (a)); code <= hex_value (b, strlen (b)); code++)
              g_hash_table_insert (cmap->map, GUINT_TO_POINTER (code),
                                   utf16be_hex_to_utf8 (c, strlen (c), code - hex_value (a, strlen (a))));
          g_match_info_next (pairs, NULL);
        }
      g_match_info_next (sections, NULL);
    }
  return cmap;
}

/* The bytes of a string operand as text: through the font's ToUnicode CMap when
 * it has one, else as WinAnsiEncoding (cairo's simple TrueType subsets). */
static void
decode_codes (GString      *out,
              CMap         *cmap,
              const guint8 *codes,
              gsize         length)
{
  gsize step = cmap != NULL && cmap->digits >= 4 ? cmap->digits / 2 : 1;

  if (length == 0)
    return;
  if (cmap == NULL)
    {
      g_autofree char *utf8 = g_convert ((const char *) codes, (gssize) length, "UTF-8", "WINDOWS-1252",
                                         NULL, NULL, NULL);

      g_string_append (out, utf8 != NULL ? utf8 : "\xef\xbf\xbd");
      return;
    }
  for (gsize i = 0; i + step <= length; i += step)
    {
      guint code = step == 2 ? (guint) codes[i] << 8 | codes[i + 1] : codes[i];
      const char *s = g_hash_table_lookup (cmap->map, GUINT_TO_POINTER (code));

      g_string_append (out, s != NULL ? s : "\xef\xbf\xbd");
    }
}

static void
decode_hex_string (GString    *out,
                   CMap       *cmap,
                   const char *hex)
{
  g_autoptr(GByteArray) codes = g_byte_array_new ();

  for (gsize i = 0; hex[i] != '\0' && hex[i + 1] != '\0'; i += 2)
    {
      guint8 byte = (guint8) hex_value (hex + i, 2);

      g_byte_array_append (codes, &byte, 1);
    }
  decode_codes (out, cmap, codes->data, codes->len);
}

/* A literal string's bytes: \n \r \t \b \f \( \) \\ and \ddd (octal) escapes. */
static void
decode_literal_string (GString    *out,
                       CMap       *cmap,
                       const char *literal)
{
  g_autoptr(GByteArray) codes = g_byte_array_new ();

  for (const char *p = literal; *p != '\0'; p++)
    {
      guint8 byte = (guint8) *p;

      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          if (*p >= '0' && *p <= '7')
            {
              guint value = 0;

              for (int n = 0; n < 3 && *p >= '0' && *p <= '7'; n++, p++)
                value = value * 8 + (guint) (*p - '0');
              p--;
              byte = (guint8) value;
            }
          else
            byte = (guint8) (*p == 'n' ? '\n' : *p == 'r' ? '\r' : *p == 't' ? '\t'
                             : *p == 'b' ? '\b' : *p == 'f' ? '\f' : *p);
        }
      g_byte_array_append (codes, &byte, 1);
    }
  decode_codes (out, cmap, codes->data, codes->len);
}

/* memmem: compressed streams hold NUL bytes, which stop g_strstr_len (). */
static const char *
find_bytes (const char *haystack,
            gsize       length,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (haystack + i, needle, n) == 0)
      return haystack + i;
  return NULL;
}

typedef struct
{
  guint  pages;
  char  *text;    /* every page's text, decoded as the fonts encode it */
} PdfInfo;

/* Counts the page objects of @path and extracts its text: inflates the streams,
 * maps each font resource to its ToUnicode CMap (if any) and decodes the string
 * operands of the content streams with the font selected by Tf. */
static PdfInfo
read_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) streams = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_bytes_unref);
  g_autoptr(GHashTable) to_unicode = g_hash_table_new (NULL, NULL);     /* font obj -> cmap obj */
  g_autoptr(GHashTable) cmaps = g_hash_table_new_full (NULL, NULL, NULL, cmap_free);
  g_autoptr(GHashTable) font_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* An object's dictionary (nested ones and hex strings inside), then its stream. */
  g_autoptr(GRegex) object = g_regex_new ("(\\d+) 0 obj\\s*(<<(?:[^<>]|<[0-9A-Fa-f]*>|(?2))*>>)\\s*(stream\\r?\\n)?",
                                          G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) tounicode = g_regex_new ("/ToUnicode (\\d+) 0 R", G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) font_ref = g_regex_new ("/(f-\\d+-\\d+) (\\d+) 0 R", G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) ops = g_regex_new ("/(f-\\d+-\\d+)\\s+[-\\d.]+\\s+Tf|<([0-9A-Fa-f]*)>"
                                       "|\\(((?:[^()\\\\]|\\\\[\\s\\S])*)\\)"
                                       "|(-?\\d+(\\.\\d+)?)|(T[dDm*]|ET)",
                                       G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  PdfInfo info = { 0, NULL };

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 5 && memcmp (data, "%PDF-", 5) == 0);

  /* Page objects, not the /Pages tree node. */
  for (gsize i = 0; i + 12 < length; i++)
    if (memcmp (data + i, "/Type /Page", 11) == 0 && data[i + 11] != 's')
      info.pages++;

  g_regex_match_full (object, data, (gssize) length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *dict = g_match_info_fetch (match, 2);
      g_autofree char *stream = g_match_info_fetch (match, 3);
      guint id = (guint) g_ascii_strtoull (number, NULL, 10);
      g_autoptr(GMatchInfo) sub = NULL;

      if (g_regex_match (tounicode, dict, 0, &sub))
        {
          g_autofree char *cmap = g_match_info_fetch (sub, 1);

          g_hash_table_insert (to_unicode, GUINT_TO_POINTER (id),
                               GUINT_TO_POINTER ((guint) g_ascii_strtoull (cmap, NULL, 10)));
        }
      g_clear_pointer (&sub, g_match_info_free);
      g_regex_match (font_ref, dict, 0, &sub);
      while (g_match_info_matches (sub))
        {
          g_autofree char *name = g_match_info_fetch (sub, 1);
          g_autofree char *ref = g_match_info_fetch (sub, 2);

          g_hash_table_replace (font_names, g_steal_pointer (&name),
                                GUINT_TO_POINTER ((guint) g_ascii_strtoull (ref, NULL, 10)));
          g_match_info_next (sub, NULL);
        }
      if (stream != NULL && *stream != '\0')
        {
          int end = 0;
          const char *start, *stop;

          g_match_info_fetch_pos (match, 0, NULL, &end);
          start = data + end;
          stop = find_bytes (start, length - (gsize) end, "endstream");
          if (stop != NULL)
            {
              GBytes *bytes = strstr (dict, "/FlateDecode") != NULL
                              ? inflate ((const guint8 *) start, (gsize) (stop - start))
                              : g_bytes_new (start, (gsize) (stop - start));

              if (bytes != NULL)
                g_hash_table_insert (streams, GUINT_TO_POINTER (id), bytes);
            }
        }
      g_match_info_next (match, NULL);
    }
  g_clear_pointer (&match, g_match_info_free);

  g_hash_table_iter_init (&iter, to_unicode);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GBytes *bytes = g_hash_table_lookup (streams, value);

      if (bytes != NULL)
        {
          g_autofree char *cmap = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

          g_hash_table_insert (cmaps, key, parse_cmap (cmap));
        }
    }

  /* Content streams: the ones that select fonts and show text. */
  g_hash_table_iter_init (&iter, streams);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize size = 0;
      const char *content = g_bytes_get_data (value, &size);
      CMap *cmap = NULL;

      if (g_strstr_len (content, (gssize) size, " Tf") == NULL
          || g_strstr_len (content, (gssize) size, "begincmap") != NULL)
        continue;
      g_regex_match_full (ops, content, (gssize) size, 0, 0, &match, NULL);
      while (g_match_info_matches (match))
        {
          g_autofree char *font = g_match_info_fetch (match, 1);
          g_autofree char *hex = g_match_info_fetch (match, 2);
          g_autofree char *literal = g_match_info_fetch (match, 3);
          g_autofree char *number = g_match_info_fetch (match, 4);
          g_autofree char *op = g_match_info_fetch (match, 6);
          int hex_start = -1, literal_start = -1;

          g_match_info_fetch_pos (match, 2, &hex_start, NULL);
          g_match_info_fetch_pos (match, 3, &literal_start, NULL);
          if (font != NULL && *font != '\0')
            cmap = g_hash_table_lookup (cmaps, g_hash_table_lookup (to_unicode,
                                        g_hash_table_lookup (font_names, font)));
          else if (hex_start >= 0)
            decode_hex_string (text, cmap, hex);
          else if (literal_start >= 0)
            decode_literal_string (text, cmap, literal);
          else if (number != NULL && *number != '\0' && g_ascii_strtod (number, NULL) < -200)
            g_string_append_c (text, ' ');   /* a TJ gap wide enough to be a space */
          else if (op != NULL && *op != '\0')
            g_string_append_c (text, '\n');  /* a new line or text object */
          g_match_info_next (match, NULL);
        }
      g_clear_pointer (&match, g_match_info_free);
      g_string_append_c (text, '\n');
    }
  info.text = g_string_free (g_steal_pointer (&text), FALSE);
  return info;
}

/* @haystack contains @needle, whitespace ignored on both sides (how a PDF
 * spaces its words is the layout's business). */
static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  g_autoptr(GString) h = g_string_new (NULL);
  g_autoptr(GString) n = g_string_new (NULL);

  for (const char *p = haystack; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (h, *p);
  for (const char *p = needle; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (n, *p);
  return strstr (h->str, n->str) != NULL;
}

/* ---- Tests --------------------------------------------------------------- */

static void
test_disabled_without_result (Fixture       *f,
                              gconstpointer  data)
{
  GtkWidget *print = clr_gui_test_find_action_button (GTK_WIDGET (f->pane), "shipment.print");
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_assert_nonnull (print);
  clr_gui_test_iterate ();
  g_assert_null (clr_result_pane_get_result (f->pane));
  g_assert_false (gtk_widget_get_sensitive (print));

  /* Neither the action nor the page prints anything. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.print", NULL);
  clr_gui_test_iterate ();
  g_assert_false (print_dialog_shown ());
  g_assert_false (clr_shipment_page_get_printing (f->page));
  operation = clr_shipment_page_create_print_operation (f->page, &error);
  g_assert_null (operation);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_assert_false (clr_shipment_page_get_printing (f->page));

  /* A result enables it. */
  evaluate_long_shipment (f);
  g_assert_true (gtk_widget_get_sensitive (print));
}

typedef struct
{
  Fixture *f;
  int      n_pages;       /* as ::begin-print left it */
  double   width;
  double   height;
  guint    pages_drawn;
  gboolean busy_checked;
} PrintRun;

/* Connected after the page's own handlers, so these see what they did. */
static void
after_begin_print_cb (GtkPrintOperation *operation,
                      GtkPrintContext   *context,
                      PrintRun          *run)
{
  g_object_get (operation, "n-pages", &run->n_pages, NULL);
  run->width = gtk_print_context_get_width (context);
  run->height = gtk_print_context_get_height (context);
}

static void
after_draw_page_cb (GtkPrintOperation *operation,
                    GtkPrintContext   *context,
                    int                page,
                    PrintRun          *run)
{
  Fixture *f = run->f;

  run->pages_drawn++;
  if (run->busy_checked)
    return;
  run->busy_checked = TRUE;

  /* While it prints: Print is disabled, a second Print shows no dialog and the
   * page builds no second operation. */
  {
    GtkWidget *print = clr_gui_test_find_action_button (GTK_WIDGET (f->pane), "shipment.print");
    g_autoptr(GError) error = NULL;
    g_autoptr(GtkPrintOperation) second = NULL;

    g_assert_true (clr_shipment_page_get_printing (f->page));
    g_assert_false (gtk_widget_get_sensitive (print));
    gtk_widget_activate_action (GTK_WIDGET (f->page), "shipment.print", NULL);
    g_assert_false (print_dialog_shown ());
    second = clr_shipment_page_create_print_operation (f->page, &error);
    g_assert_null (second);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  }
}

/* The pages the report takes at @width × @height, laid out as a PDF surface measures. */
static guint
expected_pages (Fixture *f,
                double   width,
                double   height)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ClrReport) report = clr_report_new (clr_result_pane_get_shipment (f->pane),
                                                clr_result_pane_get_result (f->pane),
                                                "Test", NULL, &error);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (NULL, NULL, 595, 842);
  cairo_t *cr = cairo_create (surface);
  guint pages;

  g_assert_no_error (error);
  pages = clr_report_paginate (report, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pages;
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) a4 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkWidget *print = clr_gui_test_find_action_button (GTK_WIDGET (f->pane), "shipment.print");
  PrintRun run = { f, 0, 0, 0, 0, FALSE };
  GtkPrintOperationResult result;
  PdfInfo info;

  evaluate_long_shipment (f);
  g_assert_true (gtk_widget_get_sensitive (print));

  operation = clr_shipment_page_create_print_operation (f->page, &error);
  g_assert_no_error (error);
  g_assert_nonnull (operation);
  g_assert_true (clr_shipment_page_get_printing (f->page));
  clr_gui_test_iterate ();
  g_assert_false (gtk_widget_get_sensitive (print));

  gtk_page_setup_set_paper_size_and_default_margins (a4, paper);
  gtk_print_operation_set_default_page_setup (operation, a4);
  gtk_print_operation_set_export_filename (operation, f->pdf);
  g_signal_connect (operation, "begin-print", G_CALLBACK (after_begin_print_cb), &run);
  g_signal_connect (operation, "draw-page", G_CALLBACK (after_draw_page_cb), &run);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, f->window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  clr_gui_test_iterate ();

  /* Done: Print is available again. */
  g_assert_true (run.busy_checked);
  g_assert_false (clr_shipment_page_get_printing (f->page));
  g_assert_true (gtk_widget_get_sensitive (print));

  /* The report paginated to several pages, every one of them drawn and in the file. */
  g_assert_cmpint (run.n_pages, >, 1);
  g_assert_cmpuint (run.pages_drawn, ==, (guint) run.n_pages);
  g_assert_cmpuint ((guint) run.n_pages, ==, expected_pages (f, run.width, run.height));
  g_assert_true (g_file_test (f->pdf, G_FILE_TEST_IS_REGULAR));
  info = read_pdf (f->pdf);
  g_test_message ("%u pages; text starts: %.200s", info.pages, info.text);
  g_assert_cmpuint (info.pages, ==, (guint) run.n_pages);

  /* What the reader relies on: the case, the verdict, the regulation cited. */
  g_assert_true (contains_words (info.text, "PO-PRINT-1"));
  g_assert_true (contains_words (info.text, "License required"));
  g_assert_true (contains_words (info.text, "742.6"));
  g_assert_true (contains_words (info.text, "Shanghai Cloud Compute Co., Ltd."));
  g_assert_false (contains_words (info.text, "Not evaluated yet"));
  /* Every page drawn is the page asked for: each footer once, and the last
   * section of the report, on the last page, is there. */
  for (int i = 1; i <= run.n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("page %d of %d", i, run.n_pages);

      g_assert_true (contains_words (info.text, footer));
    }
  g_assert_true (contains_words (info.text, "Integrity"));
  g_free (info.text);
}

static void
test_export_unwritable (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  evaluate_long_shipment (f);
  operation = clr_shipment_page_create_print_operation (f->page, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, "/nonexistent-dir/x/printed.pdf");
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, f->window, &error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_ERROR);
  g_assert_false (g_file_test ("/nonexistent-dir/x/printed.pdf", G_FILE_TEST_EXISTS));
  clr_gui_test_iterate ();
  /* A failed print does not leave Print disabled. */
  g_assert_false (clr_shipment_page_get_printing (f->page));
  g_assert_true (gtk_widget_get_sensitive (clr_gui_test_find_action_button (GTK_WIDGET (f->pane), "shipment.print")));
}

int
main (int    argc,
      char **argv)
{
  clr_gui_test_init (&argc, &argv);
  app = clr_gui_test_app_new ();

  g_test_add ("/shipment/print/disabled-without-result", Fixture, NULL, fixture_setup,
              test_disabled_without_result, fixture_teardown);
  g_test_add ("/shipment/print/export-pdf", Fixture, NULL, fixture_setup, test_export_pdf, fixture_teardown);
  g_test_add ("/shipment/print/export-unwritable", Fixture, NULL, fixture_setup,
              test_export_unwritable, fixture_teardown);

  return clr_gui_test_run (app);
}
