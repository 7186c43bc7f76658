/* stormcut-canvas-private.h: internals of the canvas that tests and benchmarks drive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stormcut-canvas.h"
#include "stormcut-viewport.h"

G_BEGIN_DECLS

StormcutViewport *stormcut_canvas_get_viewport        (StormcutCanvas *self);

/* Pointer input in widget coordinates, through the same code as the gestures. */
void              stormcut_canvas_pointer_press       (StormcutCanvas *self, guint button, GdkModifierType state,
                                                       double x, double y);
void              stormcut_canvas_pointer_motion      (StormcutCanvas *self, double x, double y);
void              stormcut_canvas_pointer_release     (StormcutCanvas *self, double x, double y);
void              stormcut_canvas_pointer_double_click (StormcutCanvas *self, double x, double y);
/* Ctrl+scroll: zooms by one wheel step (@steps < 0 zooms in) around (@x, @y). */
void              stormcut_canvas_scroll_zoom         (StormcutCanvas *self, double steps, double x, double y);

/* The inline editor (a GtkText) and its commit, as Enter would do it. */
GtkEditable      *stormcut_canvas_get_editor          (StormcutCanvas *self);
void              stormcut_canvas_commit_editing      (StormcutCanvas *self);

/* Number of stickies drawn by the last frame (what culling let through). */
guint             stormcut_canvas_get_n_drawn         (StormcutCanvas *self);
/* With @exact, every frame is drawn sharp at its zoom; without (the default on screen), a
 * zoomed-out board being zoomed shows its last picture scaled until the zoom rests. */
void              stormcut_canvas_set_exact_frames    (StormcutCanvas *self, gboolean exact);
/* Builds the render node of the board at @width × @height (what snapshot() appends). */
GskRenderNode    *stormcut_canvas_build_node          (StormcutCanvas *self, int width, int height);

G_END_DECLS
