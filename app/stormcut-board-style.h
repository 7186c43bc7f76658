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

G_END_DECLS
