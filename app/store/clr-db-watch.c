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

/* How long a dropped watch waits before it connects again, and how long
 * one attempt may take (libpq's own default is to wait for ever). */
#define RECONNECT_SECONDS 3
#define CONNECT_TIMEOUT "10"

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
  GCancellable    *reconnecting;  /* a reconnection under way in a worker thread */
};

static void schedule_retry (ClrDbWatch *watch);
static void attach_socket  (ClrDbWatch *watch,
                            PGconn     *conn);

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

static PGconn *open_listening (const char  *location,
                               const char  *channel,
                               GError     **error);

static void
reconnect_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  char **where = task_data;  /* copies of the location and channel: the watch may go meanwhile */
  GError *error = NULL;
  PGconn *conn;

  conn = open_listening (where[0], where[1], &error);
  if (conn != NULL)
    g_task_return_pointer (task, conn, (GDestroyNotify) PQfinish);
  else
    g_task_return_error (task, error);
}

static void
reconnected_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ClrDbWatch *watch = user_data;
  g_autoptr(GError) error = NULL;
  PGconn *conn;

  /* The watch was freed meanwhile: it is not touched. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&watch->reconnecting);
  conn = g_task_propagate_pointer (G_TASK (result), &error);
  if (conn == NULL)
    {
      g_debug ("Watching the team database: %s", error->message);
      schedule_retry (watch);
      return;
    }
  attach_socket (watch, conn);
}

/* Connects again in a worker thread: an unreachable server must not stall
 * the main loop for the connection timeout every few seconds. */
static gboolean
retry_cb (gpointer user_data)
{
  ClrDbWatch *watch = user_data;
  g_autoptr(GTask) task = NULL;

  g_clear_pointer (&watch->retry_source, g_source_unref);
  watch->reconnecting = g_cancellable_new ();
  g_main_context_push_thread_default (watch->context);
  task = g_task_new (NULL, watch->reconnecting, reconnected_cb, watch);
  g_main_context_pop_thread_default (watch->context);
  g_task_set_source_tag (task, retry_cb);
  g_task_set_task_data (task, g_strdupv ((char *[]) { watch->location, watch->channel, NULL }),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, reconnect_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (ClrDbWatch *watch)
{
  drop_connection (watch);
  if (watch->retry_source != NULL || watch->reconnecting != NULL)
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

/* A connection to @location that LISTENs on @channel; thread-safe (it
 * touches no watch). */
static PGconn *
open_listening (const char  *location,
                const char  *channel,
                GError     **error)
{
  g_autofree char *display = clr_db_dup_display_location (location);
  g_autofree char *listen = NULL;
  const char *const keys[] = { "dbname", "connect_timeout", "application_name", NULL };
  const char *const values[] = { location, CONNECT_TIMEOUT, "clearance", NULL };
  PGconn *conn;
  char *quoted;
  PGresult *result;

  conn = PQconnectdbParams (keys, values, 1);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot reach %s: %s"),
                   display, PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }

  quoted = PQescapeIdentifier (conn, channel, strlen (channel));
  listen = g_strdup_printf ("LISTEN %s", quoted);
  PQfreemem (quoted);
  result = PQexec (conn, listen);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot watch %s: %s"),
                   display, PQerrorMessage (conn));
      PQclear (result);
      PQfinish (conn);
      return NULL;
    }
  PQclear (result);
  return conn;
}

/* Hears @conn's announcements in the watch's main context. */
static void
attach_socket (ClrDbWatch *watch,
               PGconn     *conn)
{
  watch->conn = conn;
  watch->socket_source = g_unix_fd_source_new (PQsocket (conn), G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (watch->socket_source, G_SOURCE_FUNC (socket_ready_cb), watch, NULL);
  g_source_set_static_name (watch->socket_source, "[clearance] team database announcements");
  g_source_attach (watch->socket_source, watch->context);
}

ClrDbWatch *
clr_db_watch_new (const char       *location,
                  const char       *channel,
                  GMainContext     *context,
                  ClrDbNotifyFunc   func,
                  gpointer          user_data)
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
  /* The first connection is made as every later one: in a worker thread,
   * so that a slow or unreachable server never stalls the caller. */
  retry_cb (watch);
  return watch;
}

gboolean
clr_db_watch_is_listening (ClrDbWatch *watch)
{
  g_return_val_if_fail (watch != NULL, FALSE);

  return watch->conn != NULL;
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
  /* A reconnection in flight finishes on its own and frees its connection. */
  if (watch->reconnecting != NULL)
    {
      g_cancellable_cancel (watch->reconnecting);
      g_clear_object (&watch->reconnecting);
    }
  g_main_context_unref (watch->context);
  g_free (watch->location);
  g_free (watch->channel);
  g_free (watch);
}
