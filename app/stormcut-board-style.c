/* stormcut-board-style.c: how the board looks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "stormcut-board-style.h"

#include <pango/pangocairo.h>

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
