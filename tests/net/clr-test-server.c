/* clr-test-server.c — a tiny HTTP/1.1 server on 127.0.0.1 for download tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Raw sockets rather than SoupServer so the tests can misbehave on purpose:
 * lie about Content-Length, drop the connection, or never answer.
 */

#include "config.h"

#include <string.h>

#include "clr-test-server.h"

#define LAST_MODIFIED "Sat, 28 Nov 2026 12:00:00 GMT"

typedef struct
{
  ClrTestRouteKind kind;
  guint            status;
  GBytes          *body;
  char            *etag;
  guint            hits;
  guint            conditional_hits;
  guint            not_modified;
} Route;

struct _ClrTestServer
{
  GMutex        mutex;
  GCond         cond;
  GHashTable   *routes;        /* path → Route */
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GSocketService *service;
  GCancellable *cancellable;
  guint16       port;
  gboolean      ready;
  guint         serving;       /* connections being answered (service threads) */
};

static void
route_free (gpointer data)
{
  Route *route = data;

  g_clear_pointer (&route->body, g_bytes_unref);
  g_free (route->etag);
  g_free (route);
}

static void
write_text (GOutputStream *out,
            const char    *text)
{
  g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL);
}

static void
write_bytes (GOutputStream *out,
             GBytes        *bytes)
{
  gsize size = 0;
  const guint8 *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  if (size > 0)
    g_output_stream_write_all (out, data, size, NULL, NULL, NULL);
}

static void
serve (ClrTestServer     *server,
       GSocketConnection *connection)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (in);
  g_autofree char *request = NULL;
  g_autofree char *path = NULL;
  g_autofree char *if_none_match = NULL;
  g_autofree char *if_modified_since = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(GBytes) body = NULL;
  g_auto(GStrv) parts = NULL;
  ClrTestRouteKind kind = CLR_TEST_ROUTE_STATUS;
  guint status = 404;
  guint hit = 0;
  Route *route;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  request = g_data_input_stream_read_line (data, NULL, server->cancellable, NULL);
  if (request == NULL)
    return;
  parts = g_strsplit (request, " ", 3);
  if (g_strv_length (parts) < 2)
    return;
  path = g_strdup (parts[1]);

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (data, NULL, server->cancellable, NULL);

      if (line == NULL || *line == '\0')
        break;
      if (g_ascii_strncasecmp (line, "If-None-Match:", 14) == 0)
        if_none_match = g_strstrip (g_strdup (line + 14));
      else if (g_ascii_strncasecmp (line, "If-Modified-Since:", 18) == 0)
        if_modified_since = g_strstrip (g_strdup (line + 18));
    }

  g_mutex_lock (&server->mutex);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL)
    {
      hit = ++route->hits;
      kind = route->kind;
      status = route->status;
      body = route->body ? g_bytes_ref (route->body) : NULL;
      etag = g_strdup (route->etag);
      if (if_none_match != NULL || if_modified_since != NULL)
        route->conditional_hits++;
      if ((kind == CLR_TEST_ROUTE_FILE || kind == CLR_TEST_ROUTE_FLAKY) &&
          if_none_match != NULL && g_strcmp0 (if_none_match, etag) == 0)
        route->not_modified++;
    }
  g_mutex_unlock (&server->mutex);

  if (kind == CLR_TEST_ROUTE_FLAKY && hit == 1)
    return;   /* drop the connection without a word */

  switch (kind)
    {
    case CLR_TEST_ROUTE_FILE:
    case CLR_TEST_ROUTE_FLAKY:
      if (if_none_match != NULL && g_strcmp0 (if_none_match, etag) == 0)
        {
          g_autofree char *head = g_strdup_printf ("HTTP/1.1 304 Not Modified\r\nETag: %s\r\n"
                                                   "Last-Modified: " LAST_MODIFIED "\r\n"
                                                   "Connection: close\r\n\r\n", etag);
          write_text (out, head);
        }
      else
        {
          g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                                                   "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                                   "ETag: %s\r\nLast-Modified: " LAST_MODIFIED "\r\n"
                                                   "Connection: close\r\n\r\n",
                                                   body ? g_bytes_get_size (body) : 0, etag);
          write_text (out, head);
          write_bytes (out, body);
        }
      break;

    case CLR_TEST_ROUTE_TRUNCATED:
      {
        g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                                                 "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                                 "Connection: close\r\n\r\n",
                                                 (body ? g_bytes_get_size (body) : 0) + 1000);
        write_text (out, head);
        write_bytes (out, body);
      }
      break;

    case CLR_TEST_ROUTE_DRIP:
      {
        gsize size = 0;
        const char *bytes = body ? g_bytes_get_data (body, &size) : NULL;
        g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\n"
                                                 "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                                 "Connection: close\r\n\r\n", size);

        write_text (out, head);
        for (gsize i = 0; i < size && !g_cancellable_is_cancelled (server->cancellable); i++)
          {
            if (!g_output_stream_write_all (out, bytes + i, 1, NULL, server->cancellable, NULL) ||
                !g_output_stream_flush (out, server->cancellable, NULL))
              break;
            g_usleep (200 * 1000);
          }
      }
      break;

    case CLR_TEST_ROUTE_HTML:
      {
        g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                                                 "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                                 "Connection: close\r\n\r\n",
                                                 body ? g_bytes_get_size (body) : 0);
        write_text (out, head);
        write_bytes (out, body);
      }
      break;

    case CLR_TEST_ROUTE_STALL:
      {
        char byte;

        /* Wait for the client to give up (or the server to stop). */
        g_input_stream_read (in, &byte, 1, server->cancellable, NULL);
      }
      break;

    case CLR_TEST_ROUTE_STATUS:
    default:
      {
        g_autofree char *head = g_strdup_printf ("HTTP/1.1 %u %s\r\nContent-Type: text/plain\r\n"
                                                 "Content-Length: 9\r\nConnection: close\r\n\r\nnot here\n",
                                                 status, status == 404 ? "Not Found" : "Failure");
        write_text (out, head);
      }
      break;
    }

  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

/* Runs in a thread of the service's pool, which outlives the server's own
 * thread: clr_test_server_free() waits for every connection to be done
 * before it frees what they use. */
static gboolean
handle_connection (GThreadedSocketService *service,
                   GSocketConnection      *connection,
                   GObject                *source_object,
                   gpointer                user_data)
{
  ClrTestServer *server = user_data;

  g_mutex_lock (&server->mutex);
  server->serving++;
  g_mutex_unlock (&server->mutex);

  serve (server, connection);

  g_mutex_lock (&server->mutex);
  server->serving--;
  g_cond_broadcast (&server->cond);
  g_mutex_unlock (&server->mutex);
  return TRUE;
}

static gpointer
server_thread (gpointer user_data)
{
  ClrTestServer *server = user_data;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (server->context);

  server->service = g_threaded_socket_service_new (16);
  g_signal_connect (server->service, "run", G_CALLBACK (handle_connection), server);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (server->service), address,
                                      G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                      NULL, &effective, &error))
    g_error ("test server: %s", error->message);
  g_socket_service_start (server->service);

  g_mutex_lock (&server->mutex);
  server->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  server->ready = TRUE;
  g_cond_signal (&server->cond);
  g_mutex_unlock (&server->mutex);

  g_main_loop_run (server->loop);

  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);

  g_main_context_pop_thread_default (server->context);
  return NULL;
}

ClrTestServer *
clr_test_server_new (void)
{
  ClrTestServer *server = g_new0 (ClrTestServer, 1);

  g_mutex_init (&server->mutex);
  g_cond_init (&server->cond);
  server->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, route_free);
  server->context = g_main_context_new ();
  server->loop = g_main_loop_new (server->context, FALSE);
  server->cancellable = g_cancellable_new ();
  server->thread = g_thread_new ("test-http-server", server_thread, server);

  g_mutex_lock (&server->mutex);
  while (!server->ready)
    g_cond_wait (&server->cond, &server->mutex);
  g_mutex_unlock (&server->mutex);

  return server;
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
clr_test_server_free (ClrTestServer *server)
{
  if (server == NULL)
    return;

  g_cancellable_cancel (server->cancellable);
  g_main_context_invoke (server->context, quit_loop, server->loop);
  g_thread_join (server->thread);
  /* The service is stopped: no connection starts now; the cancel ends the
   * ones that wait or drip. */
  g_mutex_lock (&server->mutex);
  while (server->serving > 0)
    g_cond_wait (&server->cond, &server->mutex);
  g_mutex_unlock (&server->mutex);

  g_main_loop_unref (server->loop);
  g_main_context_unref (server->context);
  g_object_unref (server->cancellable);
  g_hash_table_unref (server->routes);
  g_mutex_clear (&server->mutex);
  g_cond_clear (&server->cond);
  g_free (server);
}

char *
clr_test_server_url (ClrTestServer *server,
                     const char    *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s%s", server->port, *path == '/' ? "" : "/", path);
}

void
clr_test_server_set_route (ClrTestServer    *server,
                           const char       *path,
                           ClrTestRouteKind  kind,
                           guint             status,
                           GBytes           *body)
{
  Route *route = g_new0 (Route, 1);

  route->kind = kind;
  route->status = status;
  route->body = body ? g_bytes_ref (body) : NULL;
  if (body != NULL)
    {
      g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
      route->etag = g_strdup_printf ("\"%.16s\"", sum);
    }
  else
    route->etag = g_strdup ("\"empty\"");

  g_mutex_lock (&server->mutex);
  g_hash_table_replace (server->routes, g_strdup (path), route);
  g_mutex_unlock (&server->mutex);
}

void
clr_test_server_set_file (ClrTestServer *server,
                          const char    *path,
                          const char    *filename)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (filename, &contents, &length, &error))
    g_error ("test server: %s", error->message);
  bytes = g_bytes_new_take (contents, length);
  clr_test_server_set_route (server, path, CLR_TEST_ROUTE_FILE, 200, bytes);
}

static guint
route_counter (ClrTestServer *server,
               const char    *path,
               gsize          offset)
{
  Route *route;
  guint value = 0;

  g_mutex_lock (&server->mutex);
  route = g_hash_table_lookup (server->routes, path);
  if (route != NULL)
    value = G_STRUCT_MEMBER (guint, route, offset);
  g_mutex_unlock (&server->mutex);

  return value;
}

guint
clr_test_server_get_hits (ClrTestServer *server,
                          const char    *path)
{
  return route_counter (server, path, G_STRUCT_OFFSET (Route, hits));
}

guint
clr_test_server_get_conditional_hits (ClrTestServer *server,
                                      const char    *path)
{
  return route_counter (server, path, G_STRUCT_OFFSET (Route, conditional_hits));
}

guint
clr_test_server_get_not_modified (ClrTestServer *server,
                                  const char    *path)
{
  return route_counter (server, path, G_STRUCT_OFFSET (Route, not_modified));
}
