/* stormcut-board-style.h: how the board looks (colours, sticky shapes, text layout)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is in board units unless it says pixels; the canvas scales it.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

typedef enum {
  STORMCUT_SHAPE_SQUARE,   /* event, command, read model */
  STORMCUT_SHAPE_WIDE,     /* policy, aggregate, external system */
  STORMCUT_SHAPE_SMALL,    /* actor */
  STORMCUT_SHAPE_ROTATED,  /* hotspot: a square turned by 45 degrees */
} StormcutShape;

/* Spacing of the minor grid lines; every fifth line is a major one. */
#define STORMCUT_BOARD_GRID           40.0
/* Padding between a sticky's edge and its text. */
#define STORMCUT_BOARD_STICKY_PADDING 8.0
/* Gap left between stickies placed next to each other. */
#define STORMCUT_BOARD_GAP            30.0
/* Height of the band at the top of a context frame that holds its name. */
#define STORMCUT_BOARD_FRAME_TITLE    34.0
/* Margin a new frame keeps around the stickies it is drawn around. */
#define STORMCUT_BOARD_FRAME_MARGIN   30.0

StormcutShape  stormcut_board_style_get_shape        (StormcutKind kind);

/* Parses "#RRGGBB"; on bad input gives a neutral grey and returns FALSE. */
gboolean       stormcut_board_style_parse_color      (const char *color, GdkRGBA *rgba);
/* A darker shade of @color for edges (factor < 1 darkens). */
void           stormcut_board_style_shade            (const GdkRGBA *color, double factor, GdkRGBA *out);
/* Colour of a context frame: its override, or a soft colour chosen from its position
 * in the document (@index). */
void           stormcut_board_style_context_color    (const StormcutContext *context, guint index, GdkRGBA *rgba);

/* The area of a sticky in which its name is laid out. */
void           stormcut_board_style_text_area        (StormcutKind kind, const graphene_rect_t *sticky,
                                                      graphene_rect_t *area);
/* A Pango context whose metrics do not depend on the zoom (no hinting): text laid out
 * once keeps its line breaks at every zoom. */
PangoContext  *stormcut_board_style_create_pango_context (void);
/* Font size of sticky names, in board units. */
double         stormcut_board_style_font_size        (StormcutKind kind);
/* Lays out @name to fit @area: wrapped at word or character boundaries (Korean included),
 * centred, ellipsized at the end when it is too long. */
PangoLayout   *stormcut_board_style_create_sticky_layout (PangoContext *context, StormcutKind kind,
                                                          const char *name, const graphene_rect_t *area);

/* --- drawing pieces (widget pixels) --------------------------------------------------- */

/* A sticky of @kind filling @rect: its shape, a darker edge and, with @shadow, a shadow. */
void           stormcut_board_style_append_sticky    (GtkSnapshot *snapshot, StormcutKind kind,
                                                      const graphene_rect_t *rect, const GdkRGBA *fill,
                                                      gboolean shadow);
/* A @width pixels wide outline just inside @rect. */
void           stormcut_board_style_append_outline   (GtkSnapshot *snapshot, const graphene_rect_t *rect,
                                                      double width, const GdkRGBA *color);
void           stormcut_board_style_append_circle    (GtkSnapshot *snapshot, double cx, double cy,
                                                      double radius, const GdkRGBA *color);

typedef enum {
  STORMCUT_HEAD_RIGHT,
  STORMCUT_HEAD_LEFT,
  STORMCUT_HEAD_DOWN,
  STORMCUT_HEAD_UP,
  STORMCUT_N_HEADS
} StormcutHeadDirection;

/* The route of a link from box @a to box @b: an elbow connector of up to three axis-aligned
 * segments from the side of @a facing @b to the facing side of @b (a flow reads left to
 * right).  Fills @points with x, y pairs; returns their number (0 when the boxes overlap)
 * and where the last segment points. */
guint          stormcut_board_style_route_link       (const graphene_rect_t *a, const graphene_rect_t *b,
                                                      double points[8], StormcutHeadDirection *head);
/* One axis-aligned segment of a link, @width pixels wide, dashed when @dashed. */
void           stormcut_board_style_append_segment   (GtkSnapshot *snapshot, double x0, double y0,
                                                      double x1, double y1, double width,
                                                      gboolean dashed, const GdkRGBA *color);

/* Pictures drawn once and placed many times: cairo nodes that only paint pixels, which
 * every renderer reuses as they are.  Place them with stormcut_board_style_append_node_at(). */
GskRenderNode *stormcut_board_style_node_from_pixels (cairo_surface_t *pixels, double width, double height);
GskRenderNode *stormcut_board_style_create_arrowhead (StormcutHeadDirection direction, const GdkRGBA *color,
                                                      int size);
/* The warning badge (21 pixels): an orange dot with the number of warnings ("9+" above 9). */
GskRenderNode *stormcut_board_style_create_badge     (guint count);
void           stormcut_board_style_append_node_at   (GtkSnapshot *snapshot, GskRenderNode *node,
                                                      double x, double y);

G_END_DECLS
