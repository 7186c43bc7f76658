/* stormcut-store.h: errors of the .stormcut document (a SQLite file)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define STORMCUT_STORE_ERROR (stormcut_store_error_quark ())

typedef enum {
  STORMCUT_STORE_ERROR_NOT_FOUND,      /* no such file */
  STORMCUT_STORE_ERROR_EXISTS,         /* creating over an existing file */
  STORMCUT_STORE_ERROR_NOT_STORMCUT,   /* not a SQLite file, or a SQLite file of another program */
  STORMCUT_STORE_ERROR_CORRUPT,        /* damaged or truncated */
  STORMCUT_STORE_ERROR_TOO_NEW,        /* written by a newer Stormcut */
  STORMCUT_STORE_ERROR_READ_ONLY,      /* cannot be opened for writing */
  STORMCUT_STORE_ERROR_IO,             /* any other failure to read or write */
} StormcutStoreError;

GQuark stormcut_store_error_quark (void);

/* PRAGMA application_id of every .stormcut file: "SCUT". */
#define STORMCUT_APPLICATION_ID 0x53435554
/* PRAGMA user_version this build writes. */
#define STORMCUT_SCHEMA_VERSION 2

G_END_DECLS
