/* clr-db-watch.c — hearing a PostgreSQL server's announcements (LISTEN)
 * in a GLib main loop
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "clr-db-private.h"

/* How long a dropped watch waits before it connects again. */
#define RECONNECT_SECONDS 3

struct _ClrDbWatch
{
  char            *location;
  char            *channel;
  GMainContext    *context;
  ClrDbNotifyFunc  func;
  gpointer         user_data;

  PGconn          *conn;
  GSource         *socket_source;
  GSource         *retry_source;
};

static gboolean connect_watch (ClrDbWatch  *watch,
                               GError     **error);

static void
drop_connection (ClrDbWatch *watch)
{
  if (watch->socket_source != NULL)
    {
      g_source_destroy (watch->socket_source);
      g_clear_pointer (&watch->socket_source, g_source_unref);
    }
  g_clear_pointer (&watch->conn, PQfinish);
}

static gboolean
retry_cb (gpointer user_data)
{
  ClrDbWatch *watch = user_data;
  g_autoptr(GError) error = NULL;

  if (connect_watch (watch, &error))
    {
      g_clear_pointer (&watch->retry_source, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  g_debug ("Watching the team database: %s", error->message);
  return G_SOURCE_CONTINUE;
}

static void
schedule_retry (ClrDbWatch *watch)
{
  drop_connection (watch);
  if (watch->retry_source != NULL)
    return;
  watch->retry_source = g_timeout_source_new_seconds (RECONNECT_SECONDS);
  g_source_set_callback (watch->retry_source, retry_cb, watch, NULL);
  g_source_set_static_name (watch->retry_source, "[clearance] team database reconnect");
  g_source_attach (watch->retry_source, watch->context);
}

static gboolean
socket_ready_cb (int          fd,
                 GIOCondition condition,
                 gpointer     user_data)
{
  ClrDbWatch *watch = user_data;
  PGnotify *notify;

  if (!PQconsumeInput (watch->conn) || PQstatus (watch->conn) != CONNECTION_OK)
    {
      g_debug ("Watching the team database: the connection dropped (%s); reconnecting",
               PQerrorMessage (watch->conn));
      /* The source goes with the connection: say so, not destroy it twice. */
      g_clear_pointer (&watch->socket_source, g_source_unref);
      schedule_retry (watch);
      return G_SOURCE_REMOVE;
    }

  while ((notify = PQnotifies (watch->conn)) != NULL)
    {
      watch->func (notify->extra, watch->user_data);
      PQfreemem (notify);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
connect_watch (ClrDbWatch  *watch,
               GError     **error)
{
  g_autofree char *display = clr_db_dup_display_location (watch->location);
  g_autofree char *listen = NULL;
  char *quoted;
  PGresult *result;

  watch->conn = PQconnectdb (watch->location);
  if (PQstatus (watch->conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot reach %s: %s"),
                   display, PQerrorMessage (watch->conn));
      g_clear_pointer (&watch->conn, PQfinish);
      return FALSE;
    }

  quoted = PQescapeIdentifier (watch->conn, watch->channel, strlen (watch->channel));
  listen = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (quoted);
  result = PQexec (watch->conn, listen);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot watch %s: %s"),
                   display, PQerrorMessage (watch->conn));
      PQclear (result);
      g_clear_pointer (&watch->conn, PQfinish);
      return FALSE;
    }
  PQclear (result);

  watch->socket_source = g_unix_fd_source_new (PQsocket (watch->conn), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (watch->socket_source, G_SOURCE_FUNC (socket_ready_cb), watch, NULL);
  g_source_set_static_name (watch->socket_source, "[clearance] team database announcements");
  g_source_attach (watch->socket_source, watch->context);
  return TRUE;
}

ClrDbWatch *
clr_db_watch_new (const char       *location,
                  const char       *channel,
                  GMainContext     *context,
                  ClrDbNotifyFunc   func,
                  gpointer          user_data,
                  GError          **error)
{
  ClrDbWatch *watch;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  if (!clr_db_location_is_server (location))
    return NULL;

  watch = g_new0 (ClrDbWatch, 1);
  watch->location = g_strdup (location);
  watch->channel = g_strdup (channel);
  watch->context = context != NULL ? g_main_context_ref (context) : g_main_context_ref_thread_default ();
  watch->func = func;
  watch->user_data = user_data;
  if (!connect_watch (watch, error))
    {
      clr_db_watch_free (watch);
      return NULL;
    }
  return watch;
}

void
clr_db_watch_free (ClrDbWatch *watch)
{
  if (watch == NULL)
    return;

  drop_connection (watch);
  if (watch->retry_source != NULL)
    {
      g_source_destroy (watch->retry_source);
      g_source_unref (watch->retry_source);
    }
  g_main_context_unref (watch->context);
  g_free (watch->location);
  g_free (watch->channel);
  g_free (watch);
}
