/* stormcut-board-style.c: how the board looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "stormcut-board-style.h"

#include <math.h>
#include <pango/pangocairo.h>

static const GdkRGBA white = { 1.0f, 1.0f, 1.0f, 1.0f };
static const GdkRGBA badge_color = { 0.902f, 0.380f, 0.0f, 1.0f };   /* #E66100 */
static const GdkRGBA sticky_shadow = { 0.0f, 0.0f, 0.0f, 0.16f };

/* Soft frame colours for contexts without their own, in document order. */
static const char * const context_palette[] = {
  "#3584E4", /* blue */
  "#2EC27E", /* green */
  "#E66100", /* orange */
  "#9141AC", /* purple */
  "#C01C28", /* red */
  "#865E3C", /* brown */
  "#1C71D8", /* dark blue */
  "#26A269", /* dark green */
};

StormcutShape
stormcut_board_style_get_shape (StormcutKind kind)
{
  switch (kind)
    {
    case STORMCUT_KIND_POLICY:
    case STORMCUT_KIND_AGGREGATE:
    case STORMCUT_KIND_EXTERNAL_SYSTEM:
      return STORMCUT_SHAPE_WIDE;
    case STORMCUT_KIND_ACTOR:
      return STORMCUT_SHAPE_SMALL;
    case STORMCUT_KIND_HOTSPOT:
      return STORMCUT_SHAPE_ROTATED;
    case STORMCUT_KIND_EVENT:
    case STORMCUT_KIND_COMMAND:
    case STORMCUT_KIND_READ_MODEL:
    case STORMCUT_N_KINDS:
    default:
      return STORMCUT_SHAPE_SQUARE;
    }
}

gboolean
stormcut_board_style_parse_color (const char *color,
                                  GdkRGBA    *rgba)
{
  if (color != NULL && gdk_rgba_parse (rgba, color))
    return TRUE;

  *rgba = (GdkRGBA) { 0.8f, 0.8f, 0.8f, 1.0f };
  return FALSE;
}

void
stormcut_board_style_shade (const GdkRGBA *color,
                            double         factor,
                            GdkRGBA       *out)
{
  out->red = CLAMP (color->red * factor, 0.0, 1.0);
  out->green = CLAMP (color->green * factor, 0.0, 1.0);
  out->blue = CLAMP (color->blue * factor, 0.0, 1.0);
  out->alpha = color->alpha;
}

void
stormcut_board_style_context_color (const StormcutContext *context,
                                    guint                  index,
                                    GdkRGBA               *rgba)
{
  if (context->color != NULL && gdk_rgba_parse (rgba, context->color))
    return;

  gdk_rgba_parse (rgba, context_palette[index % G_N_ELEMENTS (context_palette)]);
}

void
stormcut_board_style_text_area (StormcutKind           kind,
                                const graphene_rect_t *sticky,
                                graphene_rect_t       *area)
{
  double pad = STORMCUT_BOARD_STICKY_PADDING;

  if (stormcut_board_style_get_shape (kind) == STORMCUT_SHAPE_ROTATED)
    {
      /* The largest upright rectangle inside the diamond is half its width and height;
       * a little more is still readable because the corners are mostly empty. */
      double w = sticky->size.width * 0.62;
      double h = sticky->size.height * 0.5;

      graphene_rect_init (area,
                          sticky->origin.x + (sticky->size.width - w) / 2,
                          sticky->origin.y + (sticky->size.height - h) / 2,
                          w, h);
      return;
    }

  if (stormcut_board_style_get_shape (kind) == STORMCUT_SHAPE_SMALL)
    pad = STORMCUT_BOARD_STICKY_PADDING / 2;

  graphene_rect_init (area,
                      sticky->origin.x + pad,
                      sticky->origin.y + pad,
                      MAX (1.0, sticky->size.width - 2 * pad),
                      MAX (1.0, sticky->size.height - 2 * pad));
}

PangoContext *
stormcut_board_style_create_pango_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

double
stormcut_board_style_font_size (StormcutKind kind)
{
  return stormcut_board_style_get_shape (kind) == STORMCUT_SHAPE_SMALL ? 11.0 : 13.0;
}

PangoLayout *
stormcut_board_style_create_sticky_layout (PangoContext          *context,
                                           StormcutKind           kind,
                                           const char            *name,
                                           const graphene_rect_t *area)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, stormcut_board_style_font_size (kind) * PANGO_SCALE);
  if (kind == STORMCUT_KIND_AGGREGATE || kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
    pango_font_description_set_weight (font, PANGO_WEIGHT_SEMIBOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, name != NULL ? name : "", -1);
  pango_layout_set_width (layout, (int) (area->size.width * PANGO_SCALE));
  pango_layout_set_height (layout, (int) (area->size.height * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);

  return layout;
}

/* --- drawing pieces --------------------------------------------------------------- */

void
stormcut_board_style_append_outline (GtkSnapshot           *snapshot,
                                     const graphene_rect_t *rect,
                                     double                 width,
                                     const GdkRGBA         *color)
{
  GskRoundedRect outline;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, rect, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

void
stormcut_board_style_append_circle (GtkSnapshot   *snapshot,
                                    double         cx,
                                    double         cy,
                                    double         radius,
                                    const GdkRGBA *color)
{
  GskRoundedRect circle;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (cx - radius, cy - radius, 2 * radius, 2 * radius);

  gsk_rounded_rect_init_from_rect (&circle, &bounds, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &bounds);
  gtk_snapshot_pop (snapshot);
}

/* The route of a link between two stickies, in board units: an elbow connector of up to
 * three axis-aligned segments from the side of @a facing @b to the facing side of @b (a
 * flow reads left to right).  Axis-aligned lines are also what any renderer draws fastest.
 * Returns the number of points (0 when the stickies overlap). */
guint
stormcut_board_style_route_link (const graphene_rect_t *a,
                                 const graphene_rect_t *b,
                                 double                 points[8],
                                 StormcutHeadDirection *head)
{
  double ax = a->origin.x, ay = a->origin.y, aw = a->size.width, ah = a->size.height;
  double bx = b->origin.x, by = b->origin.y, bw = b->size.width, bh = b->size.height;
  double sx, sy, ex, ey, mid;
  gboolean horizontal;

  if (bx >= ax + aw)
    {
      sx = ax + aw, sy = ay + ah / 2, ex = bx, ey = by + bh / 2;
      horizontal = TRUE;
      *head = STORMCUT_HEAD_RIGHT;
    }
  else if (bx + bw <= ax)
    {
      sx = ax, sy = ay + ah / 2, ex = bx + bw, ey = by + bh / 2;
      horizontal = TRUE;
      *head = STORMCUT_HEAD_LEFT;
    }
  else if (by >= ay + ah)
    {
      sx = ax + aw / 2, sy = ay + ah, ex = bx + bw / 2, ey = by;
      horizontal = FALSE;
      *head = STORMCUT_HEAD_DOWN;
    }
  else if (by + bh <= ay)
    {
      sx = ax + aw / 2, sy = ay, ex = bx + bw / 2, ey = by + bh;
      horizontal = FALSE;
      *head = STORMCUT_HEAD_UP;
    }
  else
    {
      return 0;
    }

  points[0] = sx;
  points[1] = sy;
  if (horizontal ? fabs (sy - ey) < 0.5 : fabs (sx - ex) < 0.5)
    {
      points[2] = ex;
      points[3] = horizontal ? sy : ey;
      if (!horizontal)
        points[2] = sx;
      return 2;
    }

  if (horizontal)
    {
      mid = round ((sx + ex) / 2);
      points[2] = mid, points[3] = sy;
      points[4] = mid, points[5] = ey;
    }
  else
    {
      mid = round ((sy + ey) / 2);
      points[2] = sx, points[3] = mid;
      points[4] = ex, points[5] = mid;
    }
  points[6] = ex;
  points[7] = ey;

  return 4;
}

/* A cairo node that only paints @pixels: drawing it again costs one blit. */
GskRenderNode *
stormcut_board_style_node_from_pixels (cairo_surface_t *pixels,
                                       double           width,
                                       double           height)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);

  cairo_surface_flush (pixels);
  cairo_set_source_surface (cr, pixels, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);

  return node;
}

/* An arrowhead pointing @direction, @size pixels wide, drawn once. */
GskRenderNode *
stormcut_board_style_create_arrowhead (StormcutHeadDirection  direction,
                                       const GdkRGBA         *color,
                                       int                    size)
{
  cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (pixels);
  GskRenderNode *node;
  static const double angles[STORMCUT_N_HEADS] = { 0, G_PI, G_PI / 2, -G_PI / 2 };

  cairo_translate (cr, size / 2.0, size / 2.0);
  cairo_rotate (cr, angles[direction]);
  cairo_move_to (cr, size / 2.0, 0);
  cairo_line_to (cr, -size / 2.0, -size * 0.42);
  cairo_line_to (cr, -size / 2.0, size * 0.42);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
  cairo_destroy (cr);

  node = stormcut_board_style_node_from_pixels (pixels, size, size);
  cairo_surface_destroy (pixels);

  return node;
}

void
stormcut_board_style_append_node_at (GtkSnapshot   *snapshot,
                                     GskRenderNode *node,
                                     double         x,
                                     double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_node (snapshot, node);
  gtk_snapshot_restore (snapshot);
}

void
stormcut_board_style_append_segment (GtkSnapshot   *snapshot,
                                     double         x0,
                                     double         y0,
                                     double         x1,
                                     double         y1,
                                     double         width,
                                     gboolean       dashed,
                                     const GdkRGBA *color)
{
  gboolean horizontal = fabs (y1 - y0) < fabs (x1 - x0);
  graphene_rect_t rect, period, dash;

  if (horizontal)
    graphene_rect_init (&rect, round (MIN (x0, x1)), round (y0 - width / 2), round (fabs (x1 - x0)), width);
  else
    graphene_rect_init (&rect, round (x0 - width / 2), round (MIN (y0, y1)), width, round (fabs (y1 - y0)));
  if (rect.size.width <= 0 || rect.size.height <= 0)
    return;

  if (!dashed)
    {
      gtk_snapshot_append_color (snapshot, color, &rect);
      return;
    }

  /* Dashes: one dash repeated along the segment. */
  if (horizontal)
    {
      graphene_rect_init (&period, rect.origin.x, rect.origin.y, 10, width);
      graphene_rect_init (&dash, rect.origin.x, rect.origin.y, 6, width);
    }
  else
    {
      graphene_rect_init (&period, rect.origin.x, rect.origin.y, width, 10);
      graphene_rect_init (&dash, rect.origin.x, rect.origin.y, width, 6);
    }
  gtk_snapshot_push_repeat (snapshot, &rect, &period);
  gtk_snapshot_append_color (snapshot, color, &dash);
  gtk_snapshot_pop (snapshot);
}

/* The warning badge: an orange dot with the number of warnings, drawn once per number. */
GskRenderNode *
stormcut_board_style_create_badge (guint count)
{
  const double radius = 9.0, ring = 1.5, size = 2 * (radius + ring);
  cairo_surface_t *pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) size, (int) size);
  cairo_t *cr = cairo_create (pixels);
  GskRenderNode *node;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");
  g_autofree char *text = count > 9 ? g_strdup ("9+") : g_strdup_printf ("%u", count);
  PangoRectangle logical;

  cairo_arc (cr, size / 2, size / 2, radius + ring, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &white);
  cairo_fill (cr);
  cairo_arc (cr, size / 2, size / 2, radius, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &badge_color);
  cairo_fill (cr);

  pango_font_description_set_absolute_size (font, (count > 9 ? 9 : 11) * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  cairo_move_to (cr, size / 2 - (double) logical.width / PANGO_SCALE / 2,
                 size / 2 - (double) logical.height / PANGO_SCALE / 2);
  gdk_cairo_set_source_rgba (cr, &white);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);

  node = stormcut_board_style_node_from_pixels (pixels, size, size);
  cairo_surface_destroy (pixels);

  return node;
}

void
stormcut_board_style_append_sticky (GtkSnapshot           *snapshot,
                                    StormcutKind           kind,
                                    const graphene_rect_t *rect,
                                    const GdkRGBA         *fill,
                                    gboolean               shadow)
{
  GdkRGBA edge;

  stormcut_board_style_shade (fill, 0.78, &edge);

  if (stormcut_board_style_get_shape (kind) == STORMCUT_SHAPE_ROTATED)
    {
      double half = M_SQRT1_2;
      graphene_rect_t unit = GRAPHENE_RECT_INIT (-half, -half, 2 * half, 2 * half);

      /* A square turned by 45 degrees, stretched to touch the middle of each side. */
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (rect->origin.x + rect->size.width / 2,
                                                              rect->origin.y + rect->size.height / 2));
      gtk_snapshot_scale (snapshot, MAX (rect->size.width, 1) / 2, MAX (rect->size.height, 1) / 2);
      gtk_snapshot_rotate (snapshot, 45);
      gtk_snapshot_append_color (snapshot, fill, &unit);
      if (rect->size.width > 8)
        stormcut_board_style_append_outline (snapshot, &unit, 2.0 / rect->size.width, &edge);
      gtk_snapshot_restore (snapshot);
      return;
    }

  if (shadow)
    gtk_snapshot_append_color (snapshot, &sticky_shadow,
                               &GRAPHENE_RECT_INIT (rect->origin.x + 2, rect->origin.y + 3,
                                                    rect->size.width, rect->size.height));
  /* The edge as a darker box under a box one pixel smaller: plain fills are what every
   * renderer draws fastest. */
  if (rect->size.width > 8)
    {
      graphene_rect_t inner;

      gtk_snapshot_append_color (snapshot, &edge, rect);
      graphene_rect_inset_r (rect, 1, 1, &inner);
      gtk_snapshot_append_color (snapshot, fill, &inner);
    }
  else
    {
      gtk_snapshot_append_color (snapshot, fill, rect);
    }
}
