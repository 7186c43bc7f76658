/* stormcut-viewport.c: zoom and offset of the board view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "stormcut-viewport.h"

#include <math.h>

struct _StormcutViewport
{
  GObject parent_instance;

  double zoom;
  double min_zoom;
  double max_zoom;
  double origin_x;
  double origin_y;
  double view_width;
  double view_height;
};

G_DEFINE_FINAL_TYPE (StormcutViewport, stormcut_viewport, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (StormcutViewport *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
stormcut_viewport_class_init (StormcutViewportClass *klass)
{
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
stormcut_viewport_init (StormcutViewport *self)
{
  self->zoom = 1.0;
  self->min_zoom = 0.01;
  self->max_zoom = 4.0;
  self->view_width = 1280.0;
  self->view_height = 800.0;
}

StormcutViewport *
stormcut_viewport_new (void)
{
  return g_object_new (STORMCUT_TYPE_VIEWPORT, NULL);
}

double
stormcut_viewport_get_zoom (StormcutViewport *self)
{
  g_return_val_if_fail (STORMCUT_IS_VIEWPORT (self), 1.0);

  return self->zoom;
}

void
stormcut_viewport_set_zoom_limits (StormcutViewport *self,
                                   double            min_zoom,
                                   double            max_zoom)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));
  g_return_if_fail (min_zoom > 0 && min_zoom <= max_zoom);

  self->min_zoom = min_zoom;
  self->max_zoom = max_zoom;
}

double
stormcut_viewport_clamp_zoom (StormcutViewport *self,
                              double            zoom)
{
  g_return_val_if_fail (STORMCUT_IS_VIEWPORT (self), 1.0);

  if (!isfinite (zoom))
    return self->zoom;

  return CLAMP (zoom, self->min_zoom, self->max_zoom);
}

gboolean
stormcut_viewport_zoom_at (StormcutViewport *self,
                           double            zoom,
                           double            wx,
                           double            wy)
{
  double bx, by;

  g_return_val_if_fail (STORMCUT_IS_VIEWPORT (self), FALSE);

  zoom = stormcut_viewport_clamp_zoom (self, zoom);
  if (zoom == self->zoom)
    return FALSE;

  /* Keep the board point under (wx, wy) where it is. */
  stormcut_viewport_widget_to_board (self, wx, wy, &bx, &by);
  self->zoom = zoom;
  self->origin_x = bx - wx / zoom;
  self->origin_y = by - wy / zoom;
  emit_changed (self);

  return TRUE;
}

void
stormcut_viewport_get_origin (StormcutViewport *self,
                              double           *x,
                              double           *y)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  if (x != NULL)
    *x = self->origin_x;
  if (y != NULL)
    *y = self->origin_y;
}

void
stormcut_viewport_set_origin (StormcutViewport *self,
                              double            x,
                              double            y)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  if (!isfinite (x) || !isfinite (y))
    return;
  if (x == self->origin_x && y == self->origin_y)
    return;

  self->origin_x = x;
  self->origin_y = y;
  emit_changed (self);
}

void
stormcut_viewport_pan (StormcutViewport *self,
                       double            dx,
                       double            dy)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  stormcut_viewport_set_origin (self,
                                self->origin_x - dx / self->zoom,
                                self->origin_y - dy / self->zoom);
}

void
stormcut_viewport_set_view_size (StormcutViewport *self,
                                 double            width,
                                 double            height)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  if (width <= 0 || height <= 0)
    return;
  if (width == self->view_width && height == self->view_height)
    return;

  self->view_width = width;
  self->view_height = height;
  emit_changed (self);
}

void
stormcut_viewport_get_view_size (StormcutViewport *self,
                                 double           *width,
                                 double           *height)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  if (width != NULL)
    *width = self->view_width;
  if (height != NULL)
    *height = self->view_height;
}

void
stormcut_viewport_board_to_widget (StormcutViewport *self,
                                   double            bx,
                                   double            by,
                                   double           *wx,
                                   double           *wy)
{
  *wx = (bx - self->origin_x) * self->zoom;
  *wy = (by - self->origin_y) * self->zoom;
}

void
stormcut_viewport_widget_to_board (StormcutViewport *self,
                                   double            wx,
                                   double            wy,
                                   double           *bx,
                                   double           *by)
{
  *bx = self->origin_x + wx / self->zoom;
  *by = self->origin_y + wy / self->zoom;
}

void
stormcut_viewport_board_rect_to_widget (StormcutViewport      *self,
                                        const graphene_rect_t *board,
                                        graphene_rect_t       *widget)
{
  graphene_rect_init (widget,
                      (board->origin.x - self->origin_x) * self->zoom,
                      (board->origin.y - self->origin_y) * self->zoom,
                      board->size.width * self->zoom,
                      board->size.height * self->zoom);
}

void
stormcut_viewport_get_visible_area (StormcutViewport *self,
                                    graphene_rect_t  *area)
{
  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  graphene_rect_init (area, self->origin_x, self->origin_y,
                      self->view_width / self->zoom,
                      self->view_height / self->zoom);
}

void
stormcut_viewport_fit (StormcutViewport      *self,
                       const graphene_rect_t *area,
                       double                 margin,
                       double                 max_zoom)
{
  double avail_w, avail_h, zoom;
  double cx, cy;

  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  avail_w = MAX (1.0, self->view_width - 2 * margin);
  avail_h = MAX (1.0, self->view_height - 2 * margin);
  zoom = MIN (avail_w / MAX (1.0, area->size.width),
              avail_h / MAX (1.0, area->size.height));
  zoom = stormcut_viewport_clamp_zoom (self, MIN (zoom, max_zoom));

  cx = area->origin.x + area->size.width / 2;
  cy = area->origin.y + area->size.height / 2;
  self->zoom = zoom;
  self->origin_x = cx - self->view_width / (2 * zoom);
  self->origin_y = cy - self->view_height / (2 * zoom);
  emit_changed (self);
}

void
stormcut_viewport_ensure_visible (StormcutViewport      *self,
                                  const graphene_rect_t *area,
                                  double                 margin)
{
  double m, vw, vh, x, y;

  g_return_if_fail (STORMCUT_IS_VIEWPORT (self));

  m = margin / self->zoom;
  vw = self->view_width / self->zoom;
  vh = self->view_height / self->zoom;

  if (area->size.width + 2 * m > vw || area->size.height + 2 * m > vh)
    {
      stormcut_viewport_fit (self, area, margin, self->zoom);
      return;
    }

  x = self->origin_x;
  y = self->origin_y;
  if (area->origin.x - m < x)
    x = area->origin.x - m;
  else if (area->origin.x + area->size.width + m > x + vw)
    x = area->origin.x + area->size.width + m - vw;
  if (area->origin.y - m < y)
    y = area->origin.y - m;
  else if (area->origin.y + area->size.height + m > y + vh)
    y = area->origin.y + area->size.height + m - vh;

  stormcut_viewport_set_origin (self, x, y);
}
