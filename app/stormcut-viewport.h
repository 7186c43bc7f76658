/* stormcut-viewport.h: zoom and offset of the board view, and coordinate conversion
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Board coordinates are the model's units (a sticky is about 100 units wide).  Widget
 * coordinates are pixels of the canvas.  widget = (board - origin) * zoom, where origin
 * is the board point shown at the widget's top-left corner.
 *
 * Signals:
 *   ::changed ()  zoom, origin or view size changed.
 */
#pragma once

#include <glib-object.h>
#include <graphene.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_VIEWPORT (stormcut_viewport_get_type ())
G_DECLARE_FINAL_TYPE (StormcutViewport, stormcut_viewport, STORMCUT, VIEWPORT, GObject)

StormcutViewport *stormcut_viewport_new              (void);

double            stormcut_viewport_get_zoom         (StormcutViewport *self);
/* Sets the zoom keeping the board point under the widget point (@wx, @wy) in place;
 * clamped to the viewport's limits.  Returns TRUE when the zoom changed. */
gboolean          stormcut_viewport_zoom_at          (StormcutViewport *self, double zoom, double wx, double wy);
void              stormcut_viewport_set_zoom_limits  (StormcutViewport *self, double min_zoom, double max_zoom);
double            stormcut_viewport_clamp_zoom       (StormcutViewport *self, double zoom);

/* The board point shown at the widget's top-left corner. */
void              stormcut_viewport_get_origin       (StormcutViewport *self, double *x, double *y);
void              stormcut_viewport_set_origin       (StormcutViewport *self, double x, double y);
/* Moves the view by (@dx, @dy) widget pixels (content follows the pointer). */
void              stormcut_viewport_pan              (StormcutViewport *self, double dx, double dy);

/* Size of the widget in pixels. */
void              stormcut_viewport_set_view_size    (StormcutViewport *self, double width, double height);
void              stormcut_viewport_get_view_size    (StormcutViewport *self, double *width, double *height);

void              stormcut_viewport_board_to_widget  (StormcutViewport *self, double bx, double by, double *wx, double *wy);
void              stormcut_viewport_widget_to_board  (StormcutViewport *self, double wx, double wy, double *bx, double *by);
void              stormcut_viewport_board_rect_to_widget (StormcutViewport *self, const graphene_rect_t *board,
                                                          graphene_rect_t *widget);
/* The board area visible in the view. */
void              stormcut_viewport_get_visible_area (StormcutViewport *self, graphene_rect_t *area);

/* Zoom and origin that show @area whole, centred, with @margin pixels around it; the zoom
 * is at most @max_zoom. */
void              stormcut_viewport_fit              (StormcutViewport *self, const graphene_rect_t *area,
                                                      double margin, double max_zoom);
/* Scrolls the least needed so that @area is visible (with @margin pixels); if it cannot
 * fit at the current zoom, fits it. */
void              stormcut_viewport_ensure_visible   (StormcutViewport *self, const graphene_rect_t *area, double margin);

G_END_DECLS
