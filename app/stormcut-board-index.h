/* stormcut-board-index.h: which stickies lie in an area of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A uniform grid over the bounds of the elements: each cell lists the elements that
 * overlap it.  The canvas asks it for what is visible (culling) and what is under the
 * pointer (hit-testing).  It borrows the model's element array, so it is rebuilt after
 * every change of the model (cheap: a few milliseconds for 10,000 stickies).
 */
#pragma once

#include <graphene.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

typedef struct _StormcutBoardIndex StormcutBoardIndex;

/* @elements: StormcutElement*, borrowed until the index is freed. */
StormcutBoardIndex *stormcut_board_index_new        (GPtrArray *elements);
void                stormcut_board_index_free       (StormcutBoardIndex *index);

/* Appends to @out (guint) the positions in the element array of the elements that
 * intersect @area, in document order (the drawing order). */
void                stormcut_board_index_query      (StormcutBoardIndex *index, const graphene_rect_t *area,
                                                     GArray *out);
/* The topmost element whose shape contains the point (a hotspot's diamond, not its box),
 * or -1. */
int                 stormcut_board_index_element_at (StormcutBoardIndex *index, double x, double y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutBoardIndex, stormcut_board_index_free)

G_END_DECLS
