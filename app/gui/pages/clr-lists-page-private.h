/* clr-lists-page-private.h — what the Lists page shows, for its tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "clr-downloader.h"
#include "lists/clr-lists-changes-view.h"
#include "lists/clr-lists-search-view.h"
#include "lists/clr-lists-sources-view.h"

#include "clr-lists-page.h"

G_BEGIN_DECLS

/* The page is split over clr-lists-page.c (the page, its sources and
 * actions) and clr-lists-page-operations.c (imports, downloads and the
 * re-screen after them), as text-editor splits its window. The tests read
 * what the page shows through this struct and the views' own getters. */
struct _ClrListsPage
{
  ClrPage              parent_instance;

  /* template */
  GtkRevealer         *warning_revealer;
  GtkLabel            *warning_label;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkLabel            *status_label;
  GtkStack            *main_stack;
  GtkStack            *sub_stack;
  ClrListsSourcesView *sources_view;
  ClrListsChangesView *changes_view;
  ClrListsSearchView  *search_view;

  ClrDownloader       *downloader;
  GPtrArray           *sources;         /* ClrSourceStatus * */
  char                *attention_text;

  GCancellable        *cancellable;     /* page lifetime: loads */
  GCancellable        *op_cancellable;  /* the running import/update */
  GQueue               update_queue;    /* char * source ids still to update */
  char                *updating;        /* the source being downloaded */
  GString             *op_report;       /* what the running operation did */
  guint                op_updated;      /* versions that changed in this operation */
  gboolean             op_failed;
};

/* clr-lists-page.c */
void _clr_lists_page_show_message   (ClrListsPage *self,
                                     const char   *text,
                                     gboolean      is_error);
/* The actions and ::busy follow op_cancellable. */
void _clr_lists_page_busy_changed   (ClrListsPage *self);
/* An import or update ended (the page re-reads its sources). */
void _clr_lists_page_finished       (ClrListsPage *self,
                                     gboolean      ok,
                                     const char   *message);

/* clr-lists-page-operations.c: installs lists.import, lists.update-all,
 * lists.update and lists.cancel, and handles a dropped file. */
void _clr_lists_page_class_add_operations (GtkWidgetClass *widget_class);
void _clr_lists_page_add_drop_target      (ClrListsPage   *self);

G_END_DECLS
