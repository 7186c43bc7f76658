/* stormcut-window.h: one board window, showing one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the StormcutModel it shows.  A model read from a .stormcut file is durable
 * on every edit; a new board or an imported model XML lives in memory until "Save As"
 * gives it a file, and from then on every edit is durable too.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

#include "stormcut-application.h"
#include "stormcut-canvas.h"

G_BEGIN_DECLS

#define STORMCUT_TYPE_WINDOW (stormcut_window_get_type ())
G_DECLARE_FINAL_TYPE (StormcutWindow, stormcut_window, STORMCUT, WINDOW, GtkApplicationWindow)

StormcutWindow *stormcut_window_new            (StormcutApplication *application);

StormcutModel  *stormcut_window_get_model      (StormcutWindow *self);
/* Shows @model.  @imported_from names the XML file an in-memory model was read from (or NULL). */
void            stormcut_window_set_model      (StormcutWindow *self,
                                                StormcutModel  *model,
                                                const char     *imported_from);
StormcutCanvas *stormcut_window_get_canvas     (StormcutWindow *self);

/* Opens a .stormcut document, or imports model XML (by the .xml suffix or an XML
 * declaration at the start) into a new in-memory model.  On failure the window keeps its
 * board, shows the error in its error bar and returns FALSE with @error set. */
gboolean        stormcut_window_load_file      (StormcutWindow *self, GFile *file, GError **error);
/* Saves a snapshot to @path and continues on that file (".stormcut" is appended when
 * @path has no suffix).  On failure nothing changes and @error is set. */
gboolean        stormcut_window_save_as        (StormcutWindow *self, const char *path, GError **error);

/* TRUE for a window that shows a new, empty, never saved board and no error: opening a file
 * from it replaces its board instead of opening another window. */
gboolean        stormcut_window_is_pristine    (StormcutWindow *self);
/* TRUE when closing would lose work: an in-memory model with content. */
gboolean        stormcut_window_has_unsaved_work (StormcutWindow *self);

/* Shows a short message at the bottom of the board for a few seconds. */
void            stormcut_window_show_status    (StormcutWindow *self, const char *message);
/* Shows an error in the window's error bar (not a dialog). */
void            stormcut_window_show_error     (StormcutWindow *self, const char *title, const char *message);
/* The text of the error bar, or NULL while it is hidden (for tests). */
const char     *stormcut_window_get_error_text (StormcutWindow *self);

G_END_DECLS
