/* clr-test-server.h — a tiny HTTP/1.1 server on 127.0.0.1 for download tests
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How a path answers. */
typedef enum
{
  CLR_TEST_ROUTE_FILE,       /* 200 with the body, ETag + Last-Modified; 304 when they match */
  CLR_TEST_ROUTE_STATUS,     /* the given status, a short text body */
  CLR_TEST_ROUTE_TRUNCATED,  /* announces more bytes than it sends, then closes */
  CLR_TEST_ROUTE_STALL,      /* reads the request and never answers */
  CLR_TEST_ROUTE_FLAKY,      /* first request: closes without answering; later: like FILE */
  CLR_TEST_ROUTE_DRIP,       /* 200, then the body one byte every 200 ms (a slow-loris server) */
  CLR_TEST_ROUTE_HTML,       /* 200 with the body as text/html (a portal or error page) */
} ClrTestRouteKind;

typedef struct _ClrTestServer ClrTestServer;

/* Starts listening on 127.0.0.1 on a free port, in its own thread. */
ClrTestServer *clr_test_server_new        (void);
void           clr_test_server_free       (ClrTestServer   *server);
/* "http://127.0.0.1:PORT/PATH" */
char          *clr_test_server_url        (ClrTestServer   *server,
                                           const char      *path);
/* Sets (or replaces) what @path serves. @body is copied; its ETag is derived
 * from its content, so a changed body gets a new ETag. */
void           clr_test_server_set_route  (ClrTestServer   *server,
                                           const char      *path,
                                           ClrTestRouteKind kind,
                                           guint            status,
                                           GBytes          *body);
/* Like set_route with FILE kind, from a file on disk. */
void           clr_test_server_set_file   (ClrTestServer   *server,
                                           const char      *path,
                                           const char      *filename);
/* Requests received for @path so far, and how many of them were conditional
 * (If-None-Match or If-Modified-Since) and answered 304. */
guint          clr_test_server_get_hits   (ClrTestServer   *server,
                                           const char      *path);
guint          clr_test_server_get_conditional_hits (ClrTestServer *server,
                                                     const char    *path);
guint          clr_test_server_get_not_modified     (ClrTestServer *server,
                                                     const char    *path);

G_END_DECLS
