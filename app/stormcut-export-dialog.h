/* stormcut-export-dialog.h: exports the board's diagrams and function points to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user picks what to export (event flow, context map, services, function points) and a
 * format among those stormcut_export_supports() allows for it, then a file through
 * stormcut-file-chooser.  The export is written with stormcut_export_to_file() from a snapshot
 * of the model in a worker thread (Graphviz takes minutes on a large board); a failure is
 * shown and the dialog stays open, a success closes it and says so in the window.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>
#include <stormcut/stormcut-export.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_EXPORT_DIALOG (stormcut_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (StormcutExportDialog, stormcut_export_dialog, STORMCUT, EXPORT_DIALOG, GtkWindow)

StormcutExportDialog *stormcut_export_dialog_new        (GtkWindow *parent, StormcutModel *model);

void                stormcut_export_dialog_set_what      (StormcutExportDialog *self, StormcutExportWhat what);
StormcutExportWhat  stormcut_export_dialog_get_what      (StormcutExportDialog *self);
/* Returns FALSE (and changes nothing) when the format is not offered for the current choice. */
gboolean            stormcut_export_dialog_set_format    (StormcutExportDialog *self, StormcutFormat format);
StormcutFormat      stormcut_export_dialog_get_format    (StormcutExportDialog *self);
/* TRUE when the format list offers @format for the current choice. */
gboolean            stormcut_export_dialog_offers_format (StormcutExportDialog *self, StormcutFormat format);
/* The file name proposed to the user ("<board>-<what>.<extension>"). */
char               *stormcut_export_dialog_get_suggested_name (StormcutExportDialog *self);
/* Exports to @path in a worker thread, as after the user chose that file (the extension is
 * appended when @path has none); the dialog closes when the file is written. */
void                stormcut_export_dialog_start_export  (StormcutExportDialog *self, const char *path);
/* Writes the chosen export to @path now (the extension is appended when @path has none). */
gboolean            stormcut_export_dialog_export_to_path (StormcutExportDialog *self, const char *path,
                                                           GError **error);

G_END_DECLS
