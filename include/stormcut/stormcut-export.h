/* stormcut-export.h: diagrams and function-point tables for other tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Diagrams are built with Graphviz in-process (cgraph + gvc, no `dot` command): the
 * event flow of the board, the context map and the service map, as DOT, SVG, PNG or
 * PDF.  Function-point rows and the cost sheet are written as CSV (for Excel: UTF-8
 * with a byte order mark) or as an XML Spreadsheet 2003 workbook that Excel and
 * LibreOffice open.
 *
 * Nothing here keeps state between calls and nothing changes the model.
 */
#pragma once

#include <gio/gio.h>
#include "stormcut-model.h"
#include "stormcut-fp.h"

G_BEGIN_DECLS

#define STORMCUT_EXPORT_ERROR (stormcut_export_error_quark ())

typedef enum {
  STORMCUT_EXPORT_ERROR_UNSUPPORTED, /* that format does not exist for that content */
  STORMCUT_EXPORT_ERROR_RENDER,      /* Graphviz could not lay out or render (missing plugin...) */
  STORMCUT_EXPORT_ERROR_ANALYSIS,    /* the analysis behind the export failed */
  STORMCUT_EXPORT_ERROR_IO,          /* the output could not be written */
} StormcutExportError;

GQuark stormcut_export_error_quark (void);

/* What to export.  The first three are diagrams. */
typedef enum {
  STORMCUT_EXPORT_FLOW,        /* the event flow of the board, grouped by bounded context */
  STORMCUT_EXPORT_CONTEXT_MAP, /* bounded contexts and their relationships */
  STORMCUT_EXPORT_SERVICES,    /* candidate services, their data and dependencies */
  STORMCUT_EXPORT_FP,          /* function-point rows, summary and cost sheet */
  STORMCUT_N_EXPORTS
} StormcutExportWhat;

typedef enum {
  STORMCUT_FORMAT_DOT,
  STORMCUT_FORMAT_SVG,
  STORMCUT_FORMAT_PNG,
  STORMCUT_FORMAT_PDF,
  STORMCUT_FORMAT_CSV,
  STORMCUT_FORMAT_XLS, /* XML Spreadsheet 2003 (SpreadsheetML) */
  STORMCUT_N_FORMATS
} StormcutFormat;

/* Stable names used on the command line: "flow", "context-map", "services", "fp". */
const char *stormcut_export_what_to_string   (StormcutExportWhat what);
gboolean    stormcut_export_what_from_string (const char *str, StormcutExportWhat *out_what);
/* Translated, human-readable ("Context map" / "컨텍스트 맵"). */
const char *stormcut_export_what_get_label   (StormcutExportWhat what);
gboolean    stormcut_export_what_is_diagram  (StormcutExportWhat what);

/* "dot", "svg", "png", "pdf", "csv", "xls". */
const char *stormcut_format_to_string        (StormcutFormat format);
gboolean    stormcut_format_from_string      (const char *str, StormcutFormat *out_format);
/* Translated label for a file chooser filter ("PNG image"). */
const char *stormcut_format_get_label        (StormcutFormat format);
/* File name extension without the dot ("svg"; "xml" for the workbook, which Excel opens
 * without a warning only under that name). */
const char *stormcut_format_get_extension    (StormcutFormat format);
const char *stormcut_format_get_mime_type    (StormcutFormat format);
/* TRUE when @format can be written for @what (diagrams: DOT/SVG/PNG/PDF; FP: CSV/XLS). */
gboolean    stormcut_export_supports         (StormcutExportWhat what, StormcutFormat format);

/* The export as bytes, or NULL with STORMCUT_EXPORT_ERROR set. */
GBytes     *stormcut_export_to_bytes         (StormcutModel *model, StormcutExportWhat what,
                                              StormcutFormat format, GError **error);
/* Writes the export to @stream (which is not closed). */
gboolean    stormcut_export_to_stream        (StormcutModel *model, StormcutExportWhat what,
                                              StormcutFormat format, GOutputStream *stream,
                                              GCancellable *cancellable, GError **error);
/* Writes the export to @path, replacing it atomically. */
gboolean    stormcut_export_to_file          (StormcutModel *model, StormcutExportWhat what,
                                              StormcutFormat format, const char *path, GError **error);

/* Function points of an already counted @table (say, under a profile other than the one
 * stored in the document) as CSV or workbook.  The cost sheet uses the cost settings stored
 * in @model.  stormcut_export_to_bytes() with STORMCUT_EXPORT_FP counts with the profile and
 * method stored in the document. */
GBytes     *stormcut_export_fp_table_to_bytes (StormcutModel *model, const StormcutFpTable *table,
                                               StormcutFormat format, GError **error);

/* The font Stormcut names in diagrams; fontconfig falls back when it is missing. */
#define STORMCUT_EXPORT_FONT "Noto Sans CJK KR,Noto Sans KR,NanumGothic,sans-serif"

G_END_DECLS
