/* stormcut-store-private.h: the .stormcut SQLite file, used by StormcutModel only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stormcut/stormcut-types.h>
#include <stormcut/stormcut-store.h>

G_BEGIN_DECLS

typedef struct _StormcutStore StormcutStore;

/* Everything a document holds, as loaded in one read transaction. */
typedef struct {
  GHashTable *info;           /* key → value (name, description) */
  GHashTable *settings;       /* key → value */
  GPtrArray  *contexts;       /* StormcutContext*, document order */
  GPtrArray  *elements;       /* StormcutElement*, document order */
  GPtrArray  *links;          /* StormcutLink*, document order */
  GPtrArray  *relationships;  /* StormcutRelationship*, document order */
} StormcutStoreContent;

void                  stormcut_store_content_free  (StormcutStoreContent *content);

StormcutStore        *stormcut_store_open          (const char *path, GError **error);
/* Opens for reading only (exports, reports): no whole-file check, every change refused.
 * A file of an older format is checked and brought up to date first, as by _open(). */
StormcutStore        *stormcut_store_open_for_reading (const char *path, GError **error);
StormcutStore        *stormcut_store_create        (const char *path, GError **error);
/* Creates a file at an older schema version (tests of the migrations). */
StormcutStore        *stormcut_store_create_at_version (const char *path, int version, GError **error);
void                  stormcut_store_free          (StormcutStore *store);
const char           *stormcut_store_get_path      (StormcutStore *store);

StormcutStoreContent *stormcut_store_load          (StormcutStore *store, GError **error);

gboolean              stormcut_store_begin         (StormcutStore *store, GError **error);
gboolean              stormcut_store_commit        (StormcutStore *store, GError **error);
void                  stormcut_store_rollback      (StormcutStore *store);

gboolean              stormcut_store_put_info      (StormcutStore *store, const char *key, const char *value, GError **error);
gboolean              stormcut_store_put_setting   (StormcutStore *store, const char *key, const char *value, GError **error);
gboolean              stormcut_store_put_element   (StormcutStore *store, const StormcutElement *element, GError **error);
gboolean              stormcut_store_delete_element (StormcutStore *store, const char *id, GError **error);
gboolean              stormcut_store_put_link      (StormcutStore *store, const StormcutLink *link, GError **error);
gboolean              stormcut_store_delete_link   (StormcutStore *store, const char *id, GError **error);
gboolean              stormcut_store_put_context   (StormcutStore *store, const StormcutContext *context, GError **error);
gboolean              stormcut_store_delete_context (StormcutStore *store, const char *id, GError **error);
gboolean              stormcut_store_put_relationship (StormcutStore *store, const StormcutRelationship *relationship, GError **error);
gboolean              stormcut_store_delete_relationship (StormcutStore *store, const char *id, GError **error);

/* Copies a consistent snapshot of the file to @path (SQLite backup API), replacing it atomically. */
gboolean              stormcut_store_backup        (StormcutStore *store, const char *path, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutStore, stormcut_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutStoreContent, stormcut_store_content_free)

G_END_DECLS
