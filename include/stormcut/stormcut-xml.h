/* stormcut-xml.h: the model's XML form (docs/model-xml.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"

G_BEGIN_DECLS

#define STORMCUT_IMPORT_ERROR (stormcut_import_error_quark ())

typedef enum {
  STORMCUT_IMPORT_ERROR_MALFORMED,  /* not well-formed XML, DTD/entities refused */
  STORMCUT_IMPORT_ERROR_INVALID,    /* well-formed but not a valid Stormcut model */
  STORMCUT_IMPORT_ERROR_TOO_NEW,    /* a newer format version */
  STORMCUT_IMPORT_ERROR_IO,
} StormcutImportError;

GQuark stormcut_import_error_quark (void);

/* Namespace and version of the format written by this build. */
#define STORMCUT_XML_NAMESPACE "https://stormcut.org/ns/model"
#define STORMCUT_XML_VERSION   1

/* Serialises the whole model deterministically (UTF-8, 2-space indent, trailing newline). */
GBytes        *stormcut_model_to_xml        (StormcutModel *model, GError **error);
gboolean       stormcut_model_write_xml     (StormcutModel *model, const char *path, GError **error);

/* Reads a model from XML into a new in-memory model.  Nothing partial is ever returned: on any
 * error (with the line number where known) the result is NULL. */
StormcutModel *stormcut_model_from_xml      (const char *data, gsize length, GError **error);
StormcutModel *stormcut_model_read_xml      (const char *path, GError **error);

G_END_DECLS
