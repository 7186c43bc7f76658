/* stormcut-store.c: the .stormcut document, a SQLite file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is the only place that talks to SQLite.  It checks a file before SQLite
 * writes anything to it (header, application id, schema version, integrity), migrates
 * older schemas, caches its prepared statements and turns every SQLite failure into a
 * STORMCUT_STORE_ERROR.  The file runs in WAL mode with synchronous=FULL, so a
 * committed transaction survives a crash of the process or of the machine.
 */
#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "stormcut-autocleanups-private.h"
#include "stormcut-store-private.h"

#define SQLITE_HEADER_MAGIC "SQLite format 3"
#define SQLITE_HEADER_SIZE  100

typedef enum {
  STMT_PUT_INFO,
  STMT_PUT_SETTING,
  STMT_DELETE_SETTING,
  STMT_PUT_ELEMENT,
  STMT_DELETE_ELEMENT,
  STMT_DELETE_ATTRIBUTES,
  STMT_PUT_ATTRIBUTE,
  STMT_PUT_LINK,
  STMT_DELETE_LINK,
  STMT_PUT_CONTEXT,
  STMT_DELETE_CONTEXT,
  STMT_PUT_RELATIONSHIP,
  STMT_DELETE_RELATIONSHIP,
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  N_STMTS
} StmtId;

static const char * const stmt_sql[N_STMTS] = {
  [STMT_PUT_INFO] =
    "INSERT INTO model_info (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [STMT_PUT_SETTING] =
    "INSERT INTO settings (key, value) VALUES (?1, ?2) "
    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  [STMT_DELETE_SETTING] = "DELETE FROM settings WHERE key = ?1",
  [STMT_PUT_ELEMENT] =
    "INSERT INTO elements (id, ordinal, kind, name, code_name, description, x, y, width, height, "
    "                      color, context_id, derived) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
    "ON CONFLICT (id) DO UPDATE SET ordinal = excluded.ordinal, kind = excluded.kind, "
    "  name = excluded.name, code_name = excluded.code_name, description = excluded.description, "
    "  x = excluded.x, y = excluded.y, width = excluded.width, height = excluded.height, "
    "  color = excluded.color, context_id = excluded.context_id, derived = excluded.derived",
  [STMT_DELETE_ELEMENT] = "DELETE FROM elements WHERE id = ?1",
  [STMT_DELETE_ATTRIBUTES] = "DELETE FROM attributes WHERE element_id = ?1",
  [STMT_PUT_ATTRIBUTE] =
    "INSERT INTO attributes (element_id, position, name, type, is_key) VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_PUT_LINK] =
    "INSERT INTO links (id, ordinal, source_id, target_id) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (id) DO UPDATE SET ordinal = excluded.ordinal, source_id = excluded.source_id, "
    "  target_id = excluded.target_id",
  [STMT_DELETE_LINK] = "DELETE FROM links WHERE id = ?1",
  [STMT_PUT_CONTEXT] =
    "INSERT INTO contexts (id, ordinal, name, code_name, description, team, domain_type, x, y, width, height, "
    "                      color, service, external, big_ball_of_mud) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
    "ON CONFLICT (id) DO UPDATE SET ordinal = excluded.ordinal, name = excluded.name, "
    "  code_name = excluded.code_name, description = excluded.description, team = excluded.team, "
    "  domain_type = excluded.domain_type, x = excluded.x, y = excluded.y, width = excluded.width, "
    "  height = excluded.height, color = excluded.color, service = excluded.service, "
    "  external = excluded.external, big_ball_of_mud = excluded.big_ball_of_mud",
  [STMT_DELETE_CONTEXT] = "DELETE FROM contexts WHERE id = ?1",
  [STMT_PUT_RELATIONSHIP] =
    "INSERT INTO relationships (id, ordinal, pattern, upstream_id, downstream_id, roles, mode, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET ordinal = excluded.ordinal, pattern = excluded.pattern, "
    "  upstream_id = excluded.upstream_id, downstream_id = excluded.downstream_id, "
    "  roles = excluded.roles, mode = excluded.mode, note = excluded.note",
  [STMT_DELETE_RELATIONSHIP] = "DELETE FROM relationships WHERE id = ?1",
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
};

/* Schema migrations, applied in order: migration N takes a file from version N-1 to N. */
static const char * const migrations[] = {
  "/org/stormcut/Stormcut/schema/001-initial.sql",
  "/org/stormcut/Stormcut/schema/002-services.sql",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == STORMCUT_SCHEMA_VERSION);

struct _StormcutStore {
  sqlite3      *db;
  char         *path;
  sqlite3_stmt *stmts[N_STMTS];
};

G_DEFINE_QUARK (stormcut-store-error-quark, stormcut_store_error)

/* The one place where SQLite result codes become GErrors. */
static void
set_sqlite_error (GError    **error,
                  sqlite3    *db,
                  int         rc,
                  const char *path)
{
  g_autofree char *display = g_filename_display_name (path ? path : "");
  const char *detail = db ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s). Open a backup copy, or import the model from its XML form."),
                   display, detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be opened for writing (%s). Check that the file and its folder are writable, or save a copy elsewhere."),
                   display, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_IO,
                   _("The disk holding “%s” is full. Free some space; the last change was not saved."),
                   display);
      break;
    default:
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_IO,
                   _("Could not read or write “%s”: %s."), display, detail);
      break;
    }
}

static void
store_set_error (StormcutStore  *self,
                 GError        **error,
                 int             rc)
{
  set_sqlite_error (error, self->db, rc, self->path);
}

static gboolean
store_exec (StormcutStore  *self,
            const char     *sql,
            GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
store_statement (StormcutStore  *self,
                 StmtId          id,
                 GError        **error)
{
  if (self->stmts[id] == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
                                   &self->stmts[id], NULL);
      if (rc != SQLITE_OK)
        {
          store_set_error (self, error, rc);
          return NULL;
        }
    }
  return self->stmts[id];
}

/* Runs a statement whose parameters are bound, then resets it. */
static gboolean
store_step_done (StormcutStore  *self,
                 sqlite3_stmt   *stmt,
                 GError        **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           index)
{
  const char *text = (const char *) sqlite3_column_text (stmt, index);

  return text ? text : "";
}

static char *
column_dup_or_null (sqlite3_stmt *stmt,
                    int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the file's header before SQLite touches it, so that nothing is ever written
 * to a file that is not ours, is truncated, or is too new. */
static gboolean
check_header (const char  *path,
              int         *out_version,
              GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  guint8 header[SQLITE_HEADER_SIZE];
  guint32 page_size, page_count, app_id, version;
  GStatBuf st;
  FILE *file;
  size_t n;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not exist."), display);
      else
        g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_READ_ONLY,
                     _("“%s” cannot be read: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  if (g_stat (path, &st) != 0)
    st.st_size = 0;
  fclose (file);

  if (n < sizeof header || memcmp (header, SQLITE_HEADER_MAGIC, sizeof SQLITE_HEADER_MAGIC) != 0)
    {
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_NOT_STORMCUT,
                   _("“%s” is not a Stormcut document. To bring in a model written as XML, use Import."),
                   display);
      return FALSE;
    }

  app_id = read_be32 (header + 68);
  version = read_be32 (header + 60);
  if (app_id != STORMCUT_APPLICATION_ID)
    {
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_NOT_STORMCUT,
                   _("“%s” is a database of another program, not a Stormcut document."), display);
      return FALSE;
    }
  if (version > STORMCUT_SCHEMA_VERSION)
    {
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Stormcut (format %u; this version reads up to %d). "
                     "Update Stormcut to open it."),
                   display, version, STORMCUT_SCHEMA_VERSION);
      return FALSE;
    }

  /* The header's page count is valid when its change counter matches (SQLite ≥ 3.7). */
  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  page_count = read_be32 (header + 28);
  if (read_be32 (header + 92) == read_be32 (header + 24) &&
      (guint64) st.st_size < (guint64) page_size * page_count)
    {
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_CORRUPT,
                   _("“%s” is truncated: it should hold %" G_GUINT64_FORMAT " bytes but has %" G_GUINT64_FORMAT ". "
                     "Open a backup copy, or import the model from its XML form."),
                   display, (guint64) page_size * page_count, (guint64) st.st_size);
      return FALSE;
    }

  *out_version = (int) version;
  return TRUE;
}

static gboolean
store_configure (StormcutStore  *self,
                 GError        **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, 1);
  return store_exec (self,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;",
                     error);
}

static gboolean
store_migrate (StormcutStore  *self,
               int             from_version,
               int             to_version,
               GError        **error)
{
  if (from_version >= to_version)
    return TRUE;

  if (!store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  for (int v = from_version; v < to_version; v++)
    {
      g_autoptr(GBytes) sql = NULL;
      g_autofree char *text = NULL;
      gsize len;

      sql = g_resources_lookup_data (migrations[v], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (sql != NULL); /* compiled into the library */
      text = g_strndup (g_bytes_get_data (sql, &len), g_bytes_get_size (sql));
      if (!store_exec (self, text, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                                STORMCUT_APPLICATION_ID, to_version);
    if (!store_exec (self, pragmas, error) || !store_exec (self, "COMMIT", error))
      {
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
        return FALSE;
      }
  }
  return TRUE;
}

static StormcutStore *
store_new_connection (const char  *path,
                      int          flags,
                      GError     **error)
{
  g_autoptr(StormcutStore) self = g_new0 (StormcutStore, 1);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&self);
}

StormcutStore *
stormcut_store_open (const char  *path,
                     GError     **error)
{
  g_autoptr(StormcutStore) self = NULL;
  g_autoptr(sqlite3_stmt) check = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, &version, error))
    return NULL;

  self = store_new_connection (path, SQLITE_OPEN_READWRITE, error);
  if (self == NULL)
    return NULL;

  /* Read-only checks first: a damaged file is reported before anything is written to it. */
  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &check, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (check);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") != 0)
        rc = SQLITE_CORRUPT;
      else if (rc == SQLITE_ROW || rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  if (rc != SQLITE_OK)
    {
      store_set_error (self, error, rc);
      return NULL;
    }
  g_clear_pointer (&check, sqlite3_finalize);

  if (!store_configure (self, error))
    return NULL;
  if (!store_migrate (self, version, STORMCUT_SCHEMA_VERSION, error))
    return NULL;
  return g_steal_pointer (&self);
}

StormcutStore *
stormcut_store_create_at_version (const char  *path,
                                  int          version,
                                  GError     **error)
{
  g_autoptr(StormcutStore) self = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 1 && version <= STORMCUT_SCHEMA_VERSION, NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      display = g_filename_display_name (path);
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_EXISTS,
                   _("“%s” already exists. Choose another name or remove it first."), display);
      return NULL;
    }

  self = store_new_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (self == NULL)
    return NULL;
  if (!store_configure (self, error) || !store_migrate (self, 0, version, error))
    {
      g_clear_pointer (&self, stormcut_store_free);
      g_unlink (path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

StormcutStore *
stormcut_store_create (const char  *path,
                       GError     **error)
{
  return stormcut_store_create_at_version (path, STORMCUT_SCHEMA_VERSION, error);
}

void
stormcut_store_free (StormcutStore *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  if (self->db != NULL)
    {
      /* Fold the WAL back into the file so the .stormcut file alone is complete. */
      sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close (self->db);
    }
  g_free (self->path);
  g_free (self);
}

const char *
stormcut_store_get_path (StormcutStore *self)
{
  return self->path;
}

void
stormcut_store_content_free (StormcutStoreContent *content)
{
  if (content == NULL)
    return;
  g_clear_pointer (&content->info, g_hash_table_unref);
  g_clear_pointer (&content->settings, g_hash_table_unref);
  g_clear_pointer (&content->contexts, g_ptr_array_unref);
  g_clear_pointer (&content->elements, g_ptr_array_unref);
  g_clear_pointer (&content->links, g_ptr_array_unref);
  g_clear_pointer (&content->relationships, g_ptr_array_unref);
  g_free (content);
}

typedef gboolean (*RowFunc) (sqlite3_stmt *stmt, StormcutStoreContent *content);

static gboolean
store_query (StormcutStore         *self,
             const char            *sql,
             RowFunc                func,
             StormcutStoreContent  *content,
             GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (!func (stmt, content))
        rc = SQLITE_CORRUPT;
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
row_info (sqlite3_stmt         *stmt,
          StormcutStoreContent *content)
{
  g_hash_table_insert (content->info, g_strdup (column_text (stmt, 0)), g_strdup (column_text (stmt, 1)));
  return TRUE;
}

static gboolean
row_setting (sqlite3_stmt         *stmt,
             StormcutStoreContent *content)
{
  g_hash_table_insert (content->settings, g_strdup (column_text (stmt, 0)), g_strdup (column_text (stmt, 1)));
  return TRUE;
}

static gboolean
row_context (sqlite3_stmt         *stmt,
             StormcutStoreContent *content)
{
  StormcutContext *context = g_new0 (StormcutContext, 1);

  g_ptr_array_add (content->contexts, context);
  context->id = g_strdup (column_text (stmt, 0));
  context->ordinal = sqlite3_column_int64 (stmt, 1);
  context->name = g_strdup (column_text (stmt, 2));
  context->code_name = g_strdup (column_text (stmt, 3));
  context->description = g_strdup (column_text (stmt, 4));
  context->team = g_strdup (column_text (stmt, 5));
  context->x = sqlite3_column_double (stmt, 7);
  context->y = sqlite3_column_double (stmt, 8);
  context->width = sqlite3_column_double (stmt, 9);
  context->height = sqlite3_column_double (stmt, 10);
  context->color = column_dup_or_null (stmt, 11);
  context->service = column_dup_or_null (stmt, 12);
  context->external = sqlite3_column_int (stmt, 13) != 0;
  context->big_ball_of_mud = sqlite3_column_int (stmt, 14) != 0;
  return stormcut_domain_type_from_string (column_text (stmt, 6), &context->domain_type);
}

static gboolean
row_element (sqlite3_stmt         *stmt,
             StormcutStoreContent *content)
{
  StormcutElement *element = g_new0 (StormcutElement, 1);

  g_ptr_array_add (content->elements, element);
  element->id = g_strdup (column_text (stmt, 0));
  element->ordinal = sqlite3_column_int64 (stmt, 1);
  element->name = g_strdup (column_text (stmt, 3));
  element->code_name = g_strdup (column_text (stmt, 4));
  element->description = g_strdup (column_text (stmt, 5));
  element->x = sqlite3_column_double (stmt, 6);
  element->y = sqlite3_column_double (stmt, 7);
  element->width = sqlite3_column_double (stmt, 8);
  element->height = sqlite3_column_double (stmt, 9);
  element->color = column_dup_or_null (stmt, 10);
  element->context_id = column_dup_or_null (stmt, 11);
  element->derived = sqlite3_column_int (stmt, 12) != 0;
  element->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  return stormcut_kind_from_string (column_text (stmt, 2), &element->kind);
}

/* Attributes come sorted by element id; elements are matched through a temporary index. */
typedef struct {
  StormcutStoreContent *content;
  GHashTable           *by_id;
} AttributeLoad;

static gboolean
row_link (sqlite3_stmt         *stmt,
          StormcutStoreContent *content)
{
  StormcutLink *link = g_new0 (StormcutLink, 1);

  link->id = g_strdup (column_text (stmt, 0));
  link->ordinal = sqlite3_column_int64 (stmt, 1);
  link->source_id = g_strdup (column_text (stmt, 2));
  link->target_id = g_strdup (column_text (stmt, 3));
  g_ptr_array_add (content->links, link);
  return TRUE;
}

static gboolean
row_relationship (sqlite3_stmt         *stmt,
                  StormcutStoreContent *content)
{
  StormcutRelationship *relationship = g_new0 (StormcutRelationship, 1);

  g_ptr_array_add (content->relationships, relationship);
  relationship->id = g_strdup (column_text (stmt, 0));
  relationship->ordinal = sqlite3_column_int64 (stmt, 1);
  relationship->upstream_id = g_strdup (column_text (stmt, 3));
  relationship->downstream_id = g_strdup (column_text (stmt, 4));
  relationship->note = g_strdup (column_text (stmt, 7));
  return stormcut_pattern_from_string (column_text (stmt, 2), &relationship->pattern) &&
         stormcut_roles_from_string (column_text (stmt, 5), &relationship->roles) &&
         stormcut_mode_from_string (column_text (stmt, 6), &relationship->mode);
}

static gboolean
store_load_attributes (StormcutStore         *self,
                       StormcutStoreContent  *content,
                       GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  int rc;

  if (content->elements->len == 0)
    return TRUE;

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < content->elements->len; i++)
    {
      StormcutElement *element = g_ptr_array_index (content->elements, i);
      g_hash_table_insert (by_id, element->id, element);
    }

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT element_id, name, type, is_key FROM attributes ORDER BY element_id, position",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StormcutElement *element = g_hash_table_lookup (by_id, column_text (stmt, 0));

      if (element == NULL)
        {
          rc = SQLITE_CORRUPT;
          break;
        }
      g_ptr_array_add (element->attributes,
                       stormcut_attribute_new (column_text (stmt, 1), column_text (stmt, 2),
                                               sqlite3_column_int (stmt, 3) != 0));
    }
  if (rc != SQLITE_DONE)
    {
      store_set_error (self, error, rc == SQLITE_ROW ? SQLITE_CORRUPT : rc);
      return FALSE;
    }
  return TRUE;
}

StormcutStoreContent *
stormcut_store_load (StormcutStore  *self,
                     GError        **error)
{
  g_autoptr(StormcutStoreContent) content = g_new0 (StormcutStoreContent, 1);
  gboolean ok;

  content->info = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  content->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  content->contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_context_free);
  content->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_element_free);
  content->links = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_link_free);
  content->relationships = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_relationship_free);

  if (!store_exec (self, "BEGIN", error))
    return NULL;
  ok = store_query (self, "SELECT key, value FROM model_info", row_info, content, error) &&
       store_query (self, "SELECT key, value FROM settings", row_setting, content, error) &&
       store_query (self,
                    "SELECT id, ordinal, name, code_name, description, team, domain_type, x, y, width, height, "
                    "color, service, external, big_ball_of_mud FROM contexts ORDER BY ordinal, id",
                    row_context, content, error) &&
       store_query (self,
                    "SELECT id, ordinal, kind, name, code_name, description, x, y, width, height, color, "
                    "context_id, derived FROM elements ORDER BY ordinal, id",
                    row_element, content, error) &&
       store_load_attributes (self, content, error) &&
       store_query (self, "SELECT id, ordinal, source_id, target_id FROM links ORDER BY ordinal, id",
                    row_link, content, error) &&
       store_query (self,
                    "SELECT id, ordinal, pattern, upstream_id, downstream_id, roles, mode, note "
                    "FROM relationships ORDER BY ordinal, id",
                    row_relationship, content, error);
  sqlite3_exec (self->db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&content);
}

static gboolean
store_run (StormcutStore  *self,
           StmtId          id,
           GError        **error)
{
  sqlite3_stmt *stmt = store_statement (self, id, error);

  return stmt != NULL && store_step_done (self, stmt, error);
}

gboolean
stormcut_store_begin (StormcutStore  *self,
                      GError        **error)
{
  return store_run (self, STMT_BEGIN, error);
}

gboolean
stormcut_store_commit (StormcutStore  *self,
                       GError        **error)
{
  return store_run (self, STMT_COMMIT, error);
}

void
stormcut_store_rollback (StormcutStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    store_run (self, STMT_ROLLBACK, NULL);
}

static gboolean
store_put_key_value (StormcutStore  *self,
                     StmtId          put,
                     StmtId          delete,
                     const char     *key,
                     const char     *value,
                     GError        **error)
{
  sqlite3_stmt *stmt = store_statement (self, value ? put : delete, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  if (value)
    bind_text (stmt, 2, value);
  return store_step_done (self, stmt, error);
}

gboolean
stormcut_store_put_info (StormcutStore  *self,
                         const char     *key,
                         const char     *value,
                         GError        **error)
{
  return store_put_key_value (self, STMT_PUT_INFO, STMT_PUT_INFO, key, value ? value : "", error);
}

gboolean
stormcut_store_put_setting (StormcutStore  *self,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  return store_put_key_value (self, STMT_PUT_SETTING, STMT_DELETE_SETTING, key, value, error);
}

static gboolean
store_delete_by_id (StormcutStore  *self,
                    StmtId          id,
                    const char     *key,
                    GError        **error)
{
  sqlite3_stmt *stmt = store_statement (self, id, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  return store_step_done (self, stmt, error);
}

gboolean
stormcut_store_put_element (StormcutStore          *self,
                            const StormcutElement  *element,
                            GError                **error)
{
  sqlite3_stmt *stmt = store_statement (self, STMT_PUT_ELEMENT, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, element->id);
  sqlite3_bind_int64 (stmt, 2, element->ordinal);
  bind_text (stmt, 3, stormcut_kind_to_string (element->kind));
  bind_text (stmt, 4, element->name);
  bind_text (stmt, 5, element->code_name);
  bind_text (stmt, 6, element->description);
  sqlite3_bind_double (stmt, 7, element->x);
  sqlite3_bind_double (stmt, 8, element->y);
  sqlite3_bind_double (stmt, 9, element->width);
  sqlite3_bind_double (stmt, 10, element->height);
  bind_text (stmt, 11, element->color);
  bind_text (stmt, 12, element->context_id);
  sqlite3_bind_int (stmt, 13, element->derived ? 1 : 0);
  if (!store_step_done (self, stmt, error))
    return FALSE;

  if (!store_delete_by_id (self, STMT_DELETE_ATTRIBUTES, element->id, error))
    return FALSE;
  for (guint i = 0; element->attributes && i < element->attributes->len; i++)
    {
      const StormcutAttribute *attribute = g_ptr_array_index (element->attributes, i);

      stmt = store_statement (self, STMT_PUT_ATTRIBUTE, error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, element->id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, attribute->name);
      bind_text (stmt, 4, attribute->type);
      sqlite3_bind_int (stmt, 5, attribute->is_key ? 1 : 0);
      if (!store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
stormcut_store_delete_element (StormcutStore  *self,
                               const char     *id,
                               GError        **error)
{
  return store_delete_by_id (self, STMT_DELETE_ELEMENT, id, error);
}

gboolean
stormcut_store_put_link (StormcutStore       *self,
                         const StormcutLink  *link,
                         GError             **error)
{
  sqlite3_stmt *stmt = store_statement (self, STMT_PUT_LINK, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, link->id);
  sqlite3_bind_int64 (stmt, 2, link->ordinal);
  bind_text (stmt, 3, link->source_id);
  bind_text (stmt, 4, link->target_id);
  return store_step_done (self, stmt, error);
}

gboolean
stormcut_store_delete_link (StormcutStore  *self,
                            const char     *id,
                            GError        **error)
{
  return store_delete_by_id (self, STMT_DELETE_LINK, id, error);
}

gboolean
stormcut_store_put_context (StormcutStore          *self,
                            const StormcutContext  *context,
                            GError                **error)
{
  sqlite3_stmt *stmt = store_statement (self, STMT_PUT_CONTEXT, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, context->id);
  sqlite3_bind_int64 (stmt, 2, context->ordinal);
  bind_text (stmt, 3, context->name);
  bind_text (stmt, 4, context->code_name);
  bind_text (stmt, 5, context->description);
  bind_text (stmt, 6, context->team);
  bind_text (stmt, 7, stormcut_domain_type_to_string (context->domain_type));
  sqlite3_bind_double (stmt, 8, context->x);
  sqlite3_bind_double (stmt, 9, context->y);
  sqlite3_bind_double (stmt, 10, context->width);
  sqlite3_bind_double (stmt, 11, context->height);
  bind_text (stmt, 12, context->color);
  bind_text (stmt, 13, context->service);
  sqlite3_bind_int (stmt, 14, context->external ? 1 : 0);
  sqlite3_bind_int (stmt, 15, context->big_ball_of_mud ? 1 : 0);
  return store_step_done (self, stmt, error);
}

gboolean
stormcut_store_delete_context (StormcutStore  *self,
                               const char     *id,
                               GError        **error)
{
  return store_delete_by_id (self, STMT_DELETE_CONTEXT, id, error);
}

gboolean
stormcut_store_put_relationship (StormcutStore               *self,
                                 const StormcutRelationship  *relationship,
                                 GError                     **error)
{
  sqlite3_stmt *stmt = store_statement (self, STMT_PUT_RELATIONSHIP, error);
  g_autofree char *roles = NULL;

  if (stmt == NULL)
    return FALSE;
  roles = stormcut_roles_to_string (relationship->roles);
  bind_text (stmt, 1, relationship->id);
  sqlite3_bind_int64 (stmt, 2, relationship->ordinal);
  bind_text (stmt, 3, stormcut_pattern_to_string (relationship->pattern));
  bind_text (stmt, 4, relationship->upstream_id);
  bind_text (stmt, 5, relationship->downstream_id);
  bind_text (stmt, 6, roles);
  bind_text (stmt, 7, stormcut_mode_to_string (relationship->mode));
  bind_text (stmt, 8, relationship->note);
  return store_step_done (self, stmt, error);
}

gboolean
stormcut_store_delete_relationship (StormcutStore  *self,
                                    const char     *id,
                                    GError        **error)
{
  return store_delete_by_id (self, STMT_DELETE_RELATIONSHIP, id, error);
}

gboolean
stormcut_store_backup (StormcutStore  *self,
                       const char     *path,
                       GError        **error)
{
  g_autoptr(StormcutStore) target = NULL;
  g_autofree char *tmp_path = NULL;
  sqlite3_backup *backup;
  int rc;

  /* Copy into a sibling temporary file, then rename it over @path: the destination is
   * either the old file or the complete snapshot, never half of it. */
  tmp_path = g_strdup_printf ("%s.%08x.tmp", path, g_random_int ());
  target = store_new_connection (tmp_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
  if (target == NULL)
    return FALSE;

  backup = sqlite3_backup_init (target->db, "main", self->db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, target->db, sqlite3_errcode (target->db), path);
      g_clear_pointer (&target, stormcut_store_free);
      g_unlink (tmp_path);
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE ||
      !store_exec (target, "PRAGMA journal_mode = DELETE", error))
    {
      if (rc != SQLITE_DONE)
        set_sqlite_error (error, target->db, rc, path);
      g_clear_pointer (&target, stormcut_store_free);
      g_unlink (tmp_path);
      return FALSE;
    }
  g_clear_pointer (&target, stormcut_store_free);

  /* A journal left beside an older file of that name must not be replayed into the snapshot. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  if (g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (tmp_path);
      g_set_error (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_IO,
                   _("Could not write “%s”: %s."), display, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
