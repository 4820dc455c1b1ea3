/* clr-report-layout.c — ClrReport: pagination, drawing and the PDF file
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "clr-json.h"
#include "clr-report-private.h"

/* Layout */

static const char *
font_for (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_TITLE:   return "Sans Bold 16";
    case BLOCK_HEADING: return "Sans Bold 12";
    case BLOCK_SMALL:   return "Sans Italic 8";
    case BLOCK_MONO:    return "Monospace 8";
    case BLOCK_BANNER:  return "Sans 12";
    case BLOCK_TEXT:
    default:            return "Sans 9.5";
    }
}

static double
space_before (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_HEADING: return 14;
    case BLOCK_BANNER:  return 10;
    case BLOCK_SIGNATURE: return 18;
    default:            return 2;
    }
}

#define BANNER_PAD 8.0

/* The face for Chinese names. Han characters are shared by Chinese and
 * Japanese, and fontconfig's fallback for them with no language known is the
 * Japanese face (其, 骨, 直 drawn the Japanese way): runs of Han characters in
 * text that is not Japanese (no kana) or Korean (no hangul) are marked as
 * Simplified Chinese and set in the SC face (fonts-noto-cjk). */
#define CJK_SC_FAMILY "Noto Sans CJK SC"

static void
tag_chinese_runs (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *current = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) attrs = NULL;
  PangoLanguage *zh = pango_language_from_string ("zh-cn");
  const char *run = NULL;
  gboolean found = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA
          || script == G_UNICODE_SCRIPT_HANGUL)
        return;  /* Japanese or Korean: the language's own face */
      if (script == G_UNICODE_SCRIPT_HAN)
        found = TRUE;
    }
  if (!found)
    return;

  attrs = current != NULL ? pango_attr_list_copy (current) : pango_attr_list_new ();
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      GUnicodeScript script = c != 0 ? g_unichar_get_script (c) : G_UNICODE_SCRIPT_INVALID_CODE;
      /* Han, with the CJK punctuation and full-width forms between its characters. */
      gboolean chinese = script == G_UNICODE_SCRIPT_HAN
                         || (run != NULL && (g_unichar_iswide (c) || (c >= 0x3000 && c <= 0x303F)));

      if (chinese && run == NULL)
        run = p;
      else if (!chinese && run != NULL)
        {
          PangoAttribute *language = pango_attr_language_new (zh);
          PangoAttribute *family = pango_attr_family_new (CJK_SC_FAMILY);

          language->start_index = family->start_index = (guint) (run - text);
          language->end_index = family->end_index = (guint) (p - text);
          pango_attr_list_insert (attrs, language);
          pango_attr_list_insert (attrs, family);
          run = NULL;
        }
      if (c == 0)
        break;
    }
  pango_layout_set_attributes (layout, attrs);
}

static PangoLayout *
layout_block (ClrReport   *self,
              cairo_t     *cr,
              const Block *block)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (font_for (block->kind));
  double width = self->width - 2 * MARGIN - block->indent;

  if (block->kind == BLOCK_BANNER)
    width -= 2 * BANNER_PAD;
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, block->markup, -1);
  tag_chinese_runs (layout);
  return layout;
}

/* Where the first block of a page goes: below the STALE band when there is one. */
static double
top_of_page (ClrReport *self)
{
  return self->stale != NULL ? MARGIN + STALE_BAND : MARGIN;
}

/* The STALE band at the top of every page of a report on an outdated result. */
static void
draw_stale_band (ClrReport *self,
                 cairo_t   *cr)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 9");
  g_autofree char *text = NULL;

  /* Translators: the band on every page of a report on an outdated result; %s is why */
  text = g_strdup_printf (_("STALE — %s — evaluate again before relying on this report"), self->stale);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) ((self->width - 2 * MARGIN - 8) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text, -1);
  tag_chinese_runs (layout);
  cairo_set_source_rgb (cr, 0.75, 0.11, 0.16);
  cairo_rectangle (cr, MARGIN, MARGIN - 4, self->width - 2 * MARGIN, STALE_BAND - 6);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, MARGIN + 4, MARGIN - 1);
  pango_cairo_show_layout (cr, layout);
}

guint
clr_report_paginate (ClrReport *self,
                     cairo_t   *cr,
                     double     width,
                     double     height)
{
  double y;
  double bottom;
  guint first = 0;

  g_return_val_if_fail (CLR_IS_REPORT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  self->width = width;
  self->height = height;
  _clr_report_build_blocks (self);
  g_array_set_size (self->pages, 0);
  g_array_append_val (self->pages, first);

  y = top_of_page (self);
  bottom = height - MARGIN - FOOTER;
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(PangoLayout) layout = layout_block (self, cr, block);
      int w, h;

      pango_layout_get_size (layout, &w, &h);
      block->height = (double) h / PANGO_SCALE + space_before (block->kind);
      if (block->kind == BLOCK_BANNER)
        block->height += 2 * BANNER_PAD;

      /* Keep a heading with the block after it. */
      if (y + block->height > bottom
          || (block->kind == BLOCK_HEADING && y + block->height + 40 > bottom))
        {
          if (y > top_of_page (self))
            {
              g_array_append_val (self->pages, i);
              y = top_of_page (self);
            }
        }
      y += block->height;
    }

  return self->pages->len;
}

void
clr_report_draw_page (ClrReport *self,
                      cairo_t   *cr,
                      guint      page)
{
  JsonObject *shipment;
  guint start, end;
  double y = top_of_page (self);

  g_return_if_fail (CLR_IS_REPORT (self));
  g_return_if_fail (page < self->pages->len);

  shipment = json_node_get_object (self->shipment);
  start = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->blocks->len;

  cairo_save (cr);
  if (self->stale != NULL)
    draw_stale_band (self, cr);
  for (guint i = start; i < end; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(PangoLayout) layout = layout_block (self, cr, block);
      double x = MARGIN + block->indent;

      y += space_before (block->kind);
      if (block->kind == BLOCK_BANNER)
        {
          double r, g, b;
          double h = block->height - space_before (block->kind);

          clr_verdict_get_rgb (block->verdict, &r, &g, &b);
          cairo_set_source_rgb (cr, r, g, b);
          cairo_rectangle (cr, MARGIN, y, self->width - 2 * MARGIN, h);
          cairo_fill (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_move_to (cr, x + BANNER_PAD, y + BANNER_PAD);
          pango_cairo_show_layout (cr, layout);
          y += h;
          continue;
        }

      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      if (block->kind == BLOCK_HEADING)
        {
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, MARGIN, y - 3);
          cairo_line_to (cr, self->width - MARGIN, y - 3);
          cairo_stroke (cr);
        }
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      y += block->height - space_before (block->kind);
    }

  /* Footer: which report, which page, so loose pages can be put back together. */
  {
    g_autoptr(PangoLayout) footer = pango_cairo_create_layout (cr);
    PangoFontDescription *font = pango_font_description_from_string ("Sans 7.5");
    g_autofree char *text = NULL;

    /* Translators: page footer: reference, shipment hash prefix, page n of m */
    text = g_strdup_printf (_("Clearance evidence report — %s — shipment %.12s — page %u of %u"),
                            clr_json_get_string (shipment, "reference") ? clr_json_get_string (shipment, "reference") : "",
                            self->shipment_sha256, page + 1, self->pages->len);
    if (self->stale != NULL)
      {
        char *stale = g_strdup_printf ("%s — %s", _("STALE"), text);

        g_free (text);
        text = stale;
      }
    pango_layout_set_font_description (footer, font);
    pango_font_description_free (font);
    pango_layout_set_width (footer, (int) ((self->width - 2 * MARGIN) * PANGO_SCALE));
    pango_layout_set_text (footer, text, -1);
    tag_chinese_runs (footer);
    cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
    cairo_move_to (cr, MARGIN, self->height - MARGIN);
    pango_cairo_show_layout (cr, footer);
  }
  cairo_restore (cr);
}

char *
clr_report_to_text (ClrReport *self)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (CLR_IS_REPORT (self), NULL);

  /* Rebuilding the blocks drops their measurements: paginate again before drawing. */
  _clr_report_build_blocks (self);
  g_array_set_size (self->pages, 0);
  if (self->stale != NULL)
    {
      g_string_append_printf (out, _("STALE — %s — evaluate again before relying on this report"), self->stale);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *text = NULL;

      if (!pango_parse_markup (block->markup, -1, 0, NULL, &text, NULL, NULL))
        text = g_strdup (block->markup);
      for (double indent = 0; indent < block->indent; indent += 16)
        g_string_append (out, "  ");
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
clr_report_write_pdf (ClrReport   *self,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *tmp = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;
  double width, height;

  g_return_val_if_fail (CLR_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  tmp = g_strdup_printf ("%s.tmp-%d", path, (int) getpid ());
  clr_report_paper_get_size (self->paper, &width, &height);
  surface = cairo_pdf_surface_create (tmp, width, height);
  {
    g_autofree char *created = g_date_time_format_iso8601 (self->generated_at);
    JsonObject *shipment = json_node_get_object (self->shipment);
    g_autofree char *title = g_strdup_printf (_("Evidence report %s"),
                                              clr_json_get_string (shipment, "reference") ? clr_json_get_string (shipment, "reference") : "");

    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  }
  cr = cairo_create (surface);
  n_pages = clr_report_paginate (self, cr, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      clr_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp);
      g_set_error (error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, CLR_REPORT_ERROR, CLR_REPORT_ERROR_IO,
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
