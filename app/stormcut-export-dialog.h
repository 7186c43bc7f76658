/* stormcut-export-dialog.h: exports the board's diagrams and function points to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The user picks what to export (event flow, context map, services, function points) and a
 * format among those stormcut_export_supports() allows for it, then a file through
 * stormcut-file-chooser.  The export is written with stormcut_export_to_file(); failures are
 * shown and the dialog stays open.
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
/* Writes the chosen export to @path (the extension is appended when @path has none). */
gboolean            stormcut_export_dialog_export_to_path (StormcutExportDialog *self, const char *path,
                                                           GError **error);

G_END_DECLS
