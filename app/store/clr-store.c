/* clr-store.c
 *
 * Copyright 2026 The Clearance authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <string.h>

#include <sqlite3.h>

#include "clr-store-audit.h"
#include "clr-store-json-private.h"
#include "clr-store-private.h"
#include "clr-store-task.h"

struct _ClrStore
{
  GObject  parent_instance;

  char    *path;
  char    *display_path;        /* @path as shown: a server address without its password */
  char    *user;                /* on a server, the role the session logged in as */
  ClrDb   *db;
  GMutex   mutex;
  int      schema_version;
  gboolean read_only;           /* the file cannot be written: opened read-only */

  /* The WAL file this connection writes into (device and inode), checked
   * after every commit: see check_wal(). */
  gboolean   wal_known;
  dev_t      wal_dev;
  ino_t      wal_ino;
  gboolean   committed;          /* a commit happened while the lock was held */
  GPtrArray *pending_actions;    /* audit entries written in the open transaction */
  GPtrArray *committed_actions;  /* … and committed since the last WAL check */

  /* ::review-decided goes to the thread (and main context) that made the store. */
  GThread      *owner_thread;
  GMainContext *owner_context;
  GPtrArray    *pending_decisions;    /* Decided, in the open transaction */
  GPtrArray    *committed_decisions;  /* … committed, emitted at unlock */

  /* A team server: what the open transaction announces when it commits
   * (clr-store-announce.c), this store's name in the announcements, and
   * the watch that hears the others'. */
  GPtrArray    *pending_changes;
  char         *instance_id;
  ClrDbWatch   *watch;
};

G_DEFINE_FINAL_TYPE (ClrStore, clr_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (clr-store-error-quark, clr_store_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_DATABASE_REPLACED,
  SIGNAL_REVIEW_DECIDED,
  SIGNAL_EXTERNAL_CHANGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One recorded review decision, waiting for its commit and its emission. */
typedef struct
{
  ClrStore *store;      /* a reference, once on its way to the owner */
  gint64    case_id;
  gint64    review_id;
  char     *decision;
} Decided;

static void
decided_free (Decided *decided)
{
  g_clear_object (&decided->store);
  g_free (decided->decision);
  g_free (decided);
}

static char *
dup_wal_path (ClrStore *self)
{
  return g_strconcat (self->path, "-wal", NULL);
}

/* Is the WAL file on disk still the one this connection opened? */
static gboolean
wal_is_ours (ClrStore *self)
{
  g_autofree char *wal = dup_wal_path (self);
  struct stat st;

  if (!self->wal_known)
    return TRUE;
  if (stat (wal, &st) != 0)
    return FALSE;

  return st.st_dev == self->wal_dev && st.st_ino == self->wal_ino;
}

static void
remember_wal (ClrStore *self)
{
  g_autofree char *wal = dup_wal_path (self);
  struct stat st;

  self->wal_known = stat (wal, &st) == 0;
  if (self->wal_known)
    {
      self->wal_dev = st.st_dev;
      self->wal_ino = st.st_ino;
    }
}

/* Every SQLite connection is opened with SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE:
 * the close never decides on its own that it is the last connection (a
 * belief that POSIX lock semantics make unreliable) and never deletes the
 * WAL. Instead, a TRUNCATE checkpoint, which takes the WAL index's own
 * locks and succeeds only when no reader needs the WAL, copies it into the
 * database and empties it. When another connection is busy it returns
 * SQLITE_BUSY at once and the WAL stays for the next one.
 *
 * A connection whose WAL was deleted under it must not checkpoint that
 * orphaned file: other connections have written the database since, and
 * the checkpoint would overwrite their pages with stale ones. What the
 * orphan holds is lost either way (the user was told when it was found). */
static void
close_connection (ClrDb    *db,
                  gboolean  orphaned)
{
  clr_db_close (db, !orphaned);
}

static void
clr_store_finalize (GObject *object)
{
  ClrStore *self = (ClrStore *) object;

  if (self->db != NULL)
    close_connection (self->db, self->wal_known && !wal_is_ours (self));
  self->db = NULL;
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_path, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->pending_actions, g_ptr_array_unref);
  g_clear_pointer (&self->committed_actions, g_ptr_array_unref);
  g_clear_pointer (&self->watch, clr_db_watch_free);
  g_clear_pointer (&self->pending_changes, g_ptr_array_unref);
  g_clear_pointer (&self->instance_id, g_free);
  g_clear_pointer (&self->pending_decisions, g_ptr_array_unref);
  g_clear_pointer (&self->committed_decisions, g_ptr_array_unref);
  g_clear_pointer (&self->owner_context, g_main_context_unref);
  g_clear_pointer (&self->owner_thread, g_thread_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (clr_store_parent_class)->finalize (object);
}

static void
clr_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ClrStore *self = CLR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  ClrStore *self = CLR_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      self->display_path = clr_db_dup_display_location (self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
clr_store_class_init (ClrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = clr_store_finalize;
  object_class->get_property = clr_store_get_property;
  object_class->set_property = clr_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ClrStore::database-replaced:
   * @message: what happened and which recent actions to check (translated)
   *
   * The database's WAL file was deleted or replaced by another program
   * while this connection had it open (see docs/review.md): the changes
   * committed since the previous check went into a file nobody will read.
   * The store has reopened the database; nothing is re-applied. Emitted in
   * the thread that made the change, after the store lock is released.
   */
  signals[SIGNAL_DATABASE_REPLACED] =
    g_signal_new ("database-replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * ClrStore::review-decided:
   * @case_id: the case the review item was last seen in, or 0
   * @review_id: the review queue item that was decided
   * @decision: the new decision: "match", "no_match" or "escalated"
   *
   * A review decision was recorded and committed, by whatever thread and
   * whichever API call (one emission per decided item). Results evaluated
   * with an earlier decision for that item are out of date. Emitted in the
   * thread that created the store (through its thread-default main context
   * when the decision was made in another thread), after the store lock is
   * released.
   */
  signals[SIGNAL_REVIEW_DECIDED] =
    g_signal_new ("review-decided", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING);

  /**
   * ClrStore::external-change:
   * @action: what was done: an audit action ("review.decide",
   *   "review.reopen", "case.evaluate", "list.import", "rules.import",
   *   "lists.rescreen") or "case.save"
   * @case_id: the case it concerns, or 0
   * @subject: what it was done to (a review item's or case's id, a list source…)
   *
   * Another program changed the team database this store watches (see
   * clr_store_watch()); emitted in the thread that made the store, within a
   * moment of the other program's commit. A review decision is also emitted
   * as ::review-decided.
   */
  signals[SIGNAL_EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING);
}

static void
clr_store_init (ClrStore *self)
{
  g_mutex_init (&self->mutex);
  self->pending_actions = g_ptr_array_new_with_free_func (g_free);
  self->committed_actions = g_ptr_array_new_with_free_func (g_free);
  self->pending_decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decided_free);
  self->committed_decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decided_free);
  self->pending_changes = g_ptr_array_new_with_free_func (g_free);
  self->instance_id = g_uuid_string_random ();
  self->owner_thread = g_thread_ref (g_thread_self ());
  self->owner_context = g_main_context_ref_thread_default ();
}

char *
clr_store_dup_default_path (void)
{
  const char *env = g_getenv ("CLEARANCE_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "clearance", "clearance.db", NULL);
}

ClrStore *
clr_store_new (const char *path)
{
  g_autofree char *default_path = NULL;

  if (path == NULL)
    path = default_path = clr_store_dup_default_path ();

  return g_object_new (CLR_TYPE_STORE, "path", path, NULL);
}

const char *
clr_store_get_path (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  return self->path;
}

const char *
_clr_store_get_user (ClrStore *self)
{
  const char *env = g_getenv ("CLEARANCE_USER");

  if (self->user != NULL)
    return self->user;
  return env != NULL && *env != '\0' ? env : g_get_user_name ();
}

const char *
clr_store_get_user (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  return _clr_store_get_user (self);
}

gboolean
clr_store_set_local_user (ClrStore   *self,
                          const char *user)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  if (clr_store_is_server (self))
    return FALSE;
  g_free (self->user);
  self->user = g_strdup (user);
  return TRUE;
}

/* On a server, the user is who logged in (session_user: a session that
 * acts as a group role with SET ROLE is still its person). */
static gboolean
read_server_user (ClrStore  *self,
                  GError   **error)
{
  g_autoptr(ClrDbStmt) stmt = _clr_store_prepare (self, "SELECT session_user", error);

  if (stmt == NULL)
    return FALSE;
  if (clr_db_stmt_step (stmt) != CLR_DB_STEP_ROW)
    {
      _clr_store_set_error (self, error, _("Opening the database"));
      return FALSE;
    }
  g_free (self->user);
  self->user = g_strdup (clr_db_stmt_column_text (stmt, 0));
  return TRUE;
}

const char *
clr_store_get_display_path (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), NULL);

  return self->display_path;
}

gboolean
clr_store_is_server (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  return clr_db_location_is_server (self->path);
}

gboolean
clr_store_is_read_only (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  return self->read_only;
}

gboolean
clr_store_is_open (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  return self->db != NULL;
}

int
clr_store_get_schema_version (ClrStore *self)
{
  g_return_val_if_fail (CLR_IS_STORE (self), -1);

  return self->schema_version;
}

ClrDb *
_clr_store_get_db (ClrStore *self)
{
  g_assert (CLR_IS_STORE (self));
  g_assert (self->db != NULL);

  return self->db;
}

void
_clr_store_lock (ClrStore *self)
{
  g_mutex_lock (&self->mutex);
}

static gboolean open_unlocked (ClrStore  *self,
                               GError   **error);

/* After a commit: if the WAL is no longer ours, every change committed
 * since the last check is in an orphaned file. Reopen (without the orphan)
 * and return the message for ::database-replaced. */
static char *
check_wal (ClrStore *self)
{
  g_autoptr(GString) actions = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  ClrDb *old = self->db;
  char *message;


  if (old == NULL || wal_is_ours (self))
    {
      g_ptr_array_set_size (self->committed_actions, 0);
      return NULL;
    }

  for (guint i = 0; i < self->committed_actions->len; i++)
    {
      if (i > 0)
        g_string_append (actions, "; ");
      g_string_append (actions, g_ptr_array_index (self->committed_actions, i));
    }
  if (actions->len == 0)
    g_string_append (actions, _("your last change (a case, list or setting)"));
  g_ptr_array_set_size (self->committed_actions, 0);

  /* Close first: a second connection in this process would share the
   * orphaned -shm index with the old one. */
  close_connection (old, TRUE);
  self->db = NULL;
  self->wal_known = FALSE;
  if (open_unlocked (self, &error))
    /* Translators: the first %s is the database path, the second a list of actions. */
    message = g_strdup_printf (_("Another program removed or replaced the database file %s-wal while "
                                 "Clearance was using it. Clearance has reopened the database, but "
                                 "these recent actions may not have been saved; please check them: %s"),
                               self->path, actions->str);
  else
    /* Translators: the first %s is the database path, the second an error, the third a list of actions. */
    message = g_strdup_printf (_("Another program removed or replaced the database file %s-wal while "
                                 "Clearance was using it, and reopening it failed (%s). Quit Clearance "
                                 "and start it again, then check these recent actions: %s"),
                               self->path, error->message, actions->str);
  g_message ("%s", message);

  return message;
}

static gboolean
emit_review_decided (gpointer user_data)
{
  Decided *decided = user_data;

  g_signal_emit (decided->store, signals[SIGNAL_REVIEW_DECIDED], 0,
                 decided->case_id, decided->review_id, decided->decision);
  return G_SOURCE_REMOVE;
}

/* Emits ::review-decided for each committed decision, in the owner's thread. */
static void
dispatch_decisions (ClrStore  *self,
                    GPtrArray *decisions)
{
  gboolean in_owner = g_thread_self () == self->owner_thread;

  /* Nobody listens (the CLI, most tests): nothing to queue. */
  if (!g_signal_has_handler_pending (self, signals[SIGNAL_REVIEW_DECIDED], 0, FALSE))
    return;

  while (decisions->len > 0)
    {
      Decided *decided = g_ptr_array_steal_index (decisions, 0);
      g_autoptr(GSource) source = NULL;

      decided->store = g_object_ref (self);
      if (in_owner)
        {
          emit_review_decided (decided);
          decided_free (decided);
          continue;
        }
      source = g_idle_source_new ();
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, emit_review_decided, decided, (GDestroyNotify) decided_free);
      g_source_set_static_name (source, "[clearance] review-decided");
      g_source_attach (source, self->owner_context);
    }
}

void
_clr_store_unlock (ClrStore *self)
{
  g_autofree char *replaced = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  if (self->committed)
    {
      self->committed = FALSE;
      replaced = check_wal (self);
    }
  g_ptr_array_set_size (self->pending_actions, 0);
  g_ptr_array_set_size (self->pending_decisions, 0);
  g_ptr_array_set_size (self->pending_changes, 0);
  if (self->committed_decisions->len > 0)
    {
      decisions = g_steal_pointer (&self->committed_decisions);
      self->committed_decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decided_free);
    }
  g_mutex_unlock (&self->mutex);

  if (replaced != NULL)
    g_signal_emit (self, signals[SIGNAL_DATABASE_REPLACED], 0, replaced);
  if (decisions != NULL)
    dispatch_decisions (self, decisions);
}

GMainContext *
_clr_store_get_owner_context (ClrStore *self)
{
  return self->owner_context;
}

void
_clr_store_note_review_decided (ClrStore   *self,
                                gint64      case_id,
                                gint64      review_id,
                                const char *decision)
{
  Decided *decided = g_new0 (Decided, 1);

  _clr_store_note_change_of (self, CLR_AUDIT_REVIEW_DECIDE, case_id, review_id, decision);

  decided->case_id = case_id;
  decided->review_id = review_id;
  decided->decision = g_strdup (decision);
  g_ptr_array_add (self->pending_decisions, decided);
}

void
_clr_store_note_change (ClrStore   *self,
                        const char *action,
                        gint64      case_id,
                        const char *subject,
                        const char *decision)
{
  g_autofree char *payload = NULL;
  g_autofree char *by = NULL;

  if (self->db == NULL || clr_db_get_engine (self->db) != CLR_DB_ENGINE_POSTGRESQL)
    return;
  by = clr_store_audit_dup_reviewer (self);
  payload = _clr_store_change_to_payload (self->instance_id, by, action, case_id, subject, decision);
  /* A write of one statement (a case's autosave) has committed already. */
  if (!clr_db_in_transaction (self->db))
    {
      if (!clr_db_notify (self->db, CLR_STORE_CHANNEL, payload))
        g_warning ("Announcing a change to the team failed: %s", clr_db_get_message (self->db));
      return;
    }
  g_ptr_array_add (self->pending_changes, g_steal_pointer (&payload));
}

const char *
_clr_store_get_instance_id (ClrStore *self)
{
  return self->instance_id;
}

ClrDbWatch **
_clr_store_get_watch_slot (ClrStore *self)
{
  return &self->watch;
}

void
_clr_store_note_action (ClrStore   *self,
                        const char *description)
{
  g_ptr_array_add (self->pending_actions, g_strdup (description));
}

/* Called by SQLite after every commit (in WAL mode). Replaces the default
 * hook, so it also runs the automatic checkpoint (every 1,000 pages). */
static int
wal_hook_cb (void       *user_data,
             sqlite3    *handle,
             const char *name,
             int         n_frames)
{
  ClrStore *self = user_data;

  self->committed = TRUE;
  for (guint i = 0; i < self->pending_actions->len; i++)
    g_ptr_array_add (self->committed_actions, g_strdup (g_ptr_array_index (self->pending_actions, i)));
  g_ptr_array_set_size (self->pending_actions, 0);

  if (n_frames >= 1000)
    sqlite3_wal_checkpoint (handle, name);

  return SQLITE_OK;
}

void
_clr_store_set_error (ClrStore    *self,
                      GError     **error,
                      const char  *what)
{
  ClrDbFailure failure = self->db != NULL ? clr_db_get_failure (self->db) : CLR_DB_FAILURE_IO;
  const char *message = self->db != NULL ? clr_db_get_message (self->db) : "no database";

  switch (failure)
    {
    case CLR_DB_FAILURE_BUSY:
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_BUSY,
                   _("%s: another Clearance is writing to this database; try again (%s)"),
                   what, self->display_path);
      break;
    case CLR_DB_FAILURE_READ_ONLY:
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_READ_ONLY,
                   _("%s: the database %s is read-only; nothing was changed"),
                   what, self->display_path);
      break;
    case CLR_DB_FAILURE_CORRUPT:
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_CORRUPT,
                   _("%s: %s is not a Clearance database or is damaged (%s)"),
                   what, self->display_path, message);
      break;
    case CLR_DB_FAILURE_IO:
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("%s: cannot use %s (%s)"), what, self->display_path, message);
      break;
    case CLR_DB_FAILURE_NONE:
    case CLR_DB_FAILURE_SQL:
    case CLR_DB_FAILURE_CONSTRAINT:
    default:
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_SQL,
                   "%s: %s (%s)", what, message, self->display_path);
    }
}

gboolean
_clr_store_exec (ClrStore    *self,
                 const char  *sql,
                 GError     **error)
{
  if (!clr_db_exec (self->db, sql))
    {
      _clr_store_set_error (self, error, "SQL");
      return FALSE;
    }

  return TRUE;
}

ClrDbStmt *
_clr_store_prepare (ClrStore    *self,
                    const char  *sql,
                    GError     **error)
{
  ClrDbStmt *stmt = clr_db_prepare (self->db, sql);

  if (stmt == NULL)
    _clr_store_set_error (self, error, "SQL");

  return stmt;
}

gboolean
_clr_store_begin (ClrStore  *self,
                  GError   **error)
{
  if (self->read_only)
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_READ_ONLY,
                   _("The database %s is read-only; nothing was changed"), self->display_path);
      return FALSE;
    }

  if (!clr_db_begin_write (self->db))
    {
      _clr_store_set_error (self, error, "SQL");
      return FALSE;
    }
  return TRUE;
}

gboolean
_clr_store_commit (ClrStore  *self,
                   GError   **error)
{
  for (guint i = 0; i < self->pending_changes->len; i++)
    if (!clr_db_notify (self->db, CLR_STORE_CHANNEL, g_ptr_array_index (self->pending_changes, i)))
      {
        _clr_store_set_error (self, error, _("Announcing the change to the team"));
        return FALSE;
      }
  g_ptr_array_set_size (self->pending_changes, 0);
  if (!clr_db_commit (self->db))
    {
      _clr_store_set_error (self, error, "SQL");
      return FALSE;
    }
  g_ptr_array_extend_and_steal (self->committed_decisions, g_steal_pointer (&self->pending_decisions));
  self->pending_decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) decided_free);
  return TRUE;
}

void
_clr_store_rollback (ClrStore *self)
{
  g_ptr_array_set_size (self->pending_decisions, 0);
  g_ptr_array_set_size (self->pending_changes, 0);
  clr_db_rollback (self->db);
}

char *
_clr_store_like_pattern (const char *search)
{
  g_autoptr(GString) pattern = g_string_new ("%");

  for (const char *p = search; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

gboolean
_clr_store_write_begin (ClrStore  *self,
                        GError   **error)
{
  _clr_store_lock (self);
  return _clr_store_write_begin_locked (self, error);
}

gboolean
_clr_store_write_begin_locked (ClrStore  *self,
                               GError   **error)
{
  if (_clr_store_begin (self, error))
    return TRUE;
  _clr_store_unlock (self);
  return FALSE;
}

gboolean
_clr_store_write_end (ClrStore  *self,
                      gboolean   ok,
                      GError   **error)
{
  if (ok)
    ok = _clr_store_commit (self, error);
  if (!ok)
    _clr_store_rollback (self);
  _clr_store_unlock (self);
  return ok;
}

char *
_clr_store_now_iso (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* How long a write waits for another connection's write to finish before
 * failing with CLR_STORE_ERROR_BUSY: 10 s, or $CLEARANCE_BUSY_TIMEOUT
 * seconds (0-600; documented in docs/cli.md). */
static int
busy_timeout_ms (void)
{
  const char *env = g_getenv ("CLEARANCE_BUSY_TIMEOUT");
  guint64 seconds;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, 600, &seconds, NULL))
    return (int) seconds * 1000;

  return 10000;
}

static void
close_unopened (ClrDb *db)
{
  clr_db_close (db, FALSE);
}

static gboolean
open_unlocked (ClrStore  *self,
               GError   **error)
{
  gboolean server = clr_db_location_is_server (self->path);
  int version;
  int latest = clr_store_get_latest_schema_version ();

  /* A file we may read but not write (permissions, a read-only medium) is
   * opened read-only: info, lists, screen and evaluate work; writes fail
   * with CLR_STORE_ERROR_READ_ONLY. */
  self->read_only = !server && g_file_test (self->path, G_FILE_TEST_EXISTS) &&
                    g_access (self->path, W_OK) != 0 && g_access (self->path, R_OK) == 0;

  self->db = clr_db_open (self->path, self->read_only, busy_timeout_ms ());
  if (!clr_db_is_connected (self->db))
    {
      _clr_store_set_error (self, error, _("Opening the database"));
      goto fail;
    }

  if (server && !read_server_user (self, error))
    goto fail;

  /* quick_check first: on a file that is not SQLite, even PRAGMA
   * journal_mode fails, and the user must be told what is wrong. */
  if (!_clr_store_check_integrity (self, error))
    goto fail;

  /* The version before anything that writes (journal_mode = WAL rewrites
   * the header of a rollback-journal file): a newer Clearance's database is
   * never modified. */
  version = _clr_store_read_user_version (self, error);
  if (version < 0 || !_clr_store_check_not_newer (self, version, latest, error))
    goto fail;

  if (self->read_only)
    {
      if (version < latest)
        {
          g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_READ_ONLY,
                       _("The database %s is read-only and was written by an older version of "
                         "Clearance (schema %d; this version needs %d): it cannot be upgraded. "
                         "It was not changed."),
                       self->display_path, version, latest);
          goto fail;
        }
      self->schema_version = version;
    }
  else
    {
      if (!server &&
          (!_clr_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
           !_clr_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
           !_clr_store_exec (self, "PRAGMA synchronous = NORMAL", error)))
        goto fail;

      if (!_clr_store_migrate (self, &self->schema_version, error) || !_clr_store_seed_builtin_sources (self, error))
        goto fail;
    }

  if (!server)
    {
      sqlite3_wal_hook (clr_db_get_sqlite (self->db), wal_hook_cb, self);
      remember_wal (self);
    }
  self->committed = FALSE;

  return TRUE;

fail:
  g_clear_pointer (&self->db, close_unopened);
  return FALSE;
}

gboolean
clr_store_open (ClrStore  *self,
                GError   **error)
{
  g_autofree char *dir = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (CLR_IS_STORE (self), FALSE);

  _clr_store_lock (self);

  if (self->db != NULL)
    {
      ok = TRUE;
      goto out;
    }

  if (clr_db_location_is_server (self->path))
    {
      ok = open_unlocked (self, error);
      goto out;
    }

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      goto out;
    }

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("%s is a folder, not a database file"), self->path);
      goto out;
    }

  ok = open_unlocked (self, error);

out:
  _clr_store_unlock (self);
  return ok;
}

CLR_STORE_TASK_FUNC (open_func, void,
                     GINT_TO_POINTER (clr_store_open (self, error)))

void
clr_store_open_async (ClrStore            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_return_if_fail (CLR_IS_STORE (self));

  _clr_store_task_run (self, clr_store_open_async, CLR_STORE_TASK_DEFAULT, open_func, NULL, NULL, NULL,
                       cancellable, callback, user_data);
}

CLR_STORE_TASK_DEFINE_FINISH (gboolean, clr_store_open_finish, ClrStore, boolean)

char *
clr_store_move_aside (const char  *path,
                      GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", path, stamp);
  static const char * const suffixes[] = { "-wal", "-shm" };

  g_return_val_if_fail (path != NULL, NULL);

  if (g_rename (path, target) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CLR_STORE_ERROR, CLR_STORE_ERROR_IO,
                   _("Cannot move %s aside: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  return g_steal_pointer (&target);
}
