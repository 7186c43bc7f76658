/* stormcut-board-index.c: which stickies lie in an area of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "stormcut-board-index.h"
#include "stormcut-board-style.h"

#include <math.h>
#include <string.h>

/* Cell side in board units (a few stickies); doubled while the grid would be too sparse. */
#define INDEX_CELL 256.0

struct _StormcutBoardIndex
{
  GPtrArray *elements;     /* borrowed */
  double     x;            /* board point of the grid's top-left corner */
  double     y;
  double     cell_size;
  int        n_cols;
  int        n_rows;
  guint     *cell_start;   /* n_cols * n_rows + 1 offsets into cell_items */
  guint     *cell_items;   /* element positions, cell after cell */
  guint     *stamps;       /* per element: the query that last saw it */
  guint      stamp;
};

static void
element_box (const StormcutElement *element,
             graphene_rect_t       *rect)
{
  graphene_rect_init (rect, element->x, element->y, element->width, element->height);
}

static gboolean
boxes_intersect (const graphene_rect_t *a,
                 const graphene_rect_t *b)
{
  return a->origin.x <= b->origin.x + b->size.width &&
         b->origin.x <= a->origin.x + a->size.width &&
         a->origin.y <= b->origin.y + b->size.height &&
         b->origin.y <= a->origin.y + a->size.height;
}

static void
cell_range (StormcutBoardIndex    *index,
            const graphene_rect_t *rect,
            int                   *c0,
            int                   *r0,
            int                   *c1,
            int                   *r1)
{
  double x0 = (rect->origin.x - index->x) / index->cell_size;
  double y0 = (rect->origin.y - index->y) / index->cell_size;
  double x1 = (rect->origin.x + rect->size.width - index->x) / index->cell_size;
  double y1 = (rect->origin.y + rect->size.height - index->y) / index->cell_size;

  *c0 = (int) CLAMP (floor (x0), 0, index->n_cols - 1);
  *r0 = (int) CLAMP (floor (y0), 0, index->n_rows - 1);
  *c1 = (int) CLAMP (floor (x1), 0, index->n_cols - 1);
  *r1 = (int) CLAMP (floor (y1), 0, index->n_rows - 1);
}

static gint
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  return ia < ib ? -1 : ia > ib;
}

static gboolean
element_contains (const StormcutElement *element,
                  double                 x,
                  double                 y)
{
  double cx = element->x + element->width / 2;
  double cy = element->y + element->height / 2;

  if (x < element->x || x > element->x + element->width ||
      y < element->y || y > element->y + element->height)
    return FALSE;

  if (stormcut_board_style_get_shape (element->kind) == STORMCUT_SHAPE_ROTATED)
    return fabs (x - cx) / MAX (1.0, element->width / 2) +
           fabs (y - cy) / MAX (1.0, element->height / 2) <= 1.0;

  return TRUE;
}

StormcutBoardIndex *
stormcut_board_index_new (GPtrArray *elements)
{
  StormcutBoardIndex *index = g_new0 (StormcutBoardIndex, 1);
  graphene_rect_t bounds;
  guint n = elements->len, n_cells, *cursor;

  index->elements = elements;
  index->stamps = g_new0 (guint, MAX (n, 1));
  if (n == 0)
    return index;

  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t rect;

      element_box (g_ptr_array_index (elements, i), &rect);
      if (i == 0)
        bounds = rect;
      else
        graphene_rect_union (&bounds, &rect, &bounds);
    }

  /* Coarse enough to stay small for sparse boards: about four cells per sticky at most. */
  index->x = bounds.origin.x;
  index->y = bounds.origin.y;
  index->cell_size = INDEX_CELL;
  for (;;)
    {
      double cols = floor (bounds.size.width / index->cell_size) + 1;
      double rows = floor (bounds.size.height / index->cell_size) + 1;

      if (cols * rows <= 4.0 * n + 4096)
        {
          index->n_cols = (int) cols;
          index->n_rows = (int) rows;
          break;
        }
      index->cell_size *= 2;
    }

  /* Two passes: count per cell, then fill (compressed rows). */
  n_cells = (guint) (index->n_cols * index->n_rows);
  index->cell_start = g_new0 (guint, n_cells + 1);
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t rect;
      int c0, r0, c1, r1;

      element_box (g_ptr_array_index (elements, i), &rect);
      cell_range (index, &rect, &c0, &r0, &c1, &r1);
      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          index->cell_start[r * index->n_cols + c + 1]++;
    }
  for (guint cell = 0; cell < n_cells; cell++)
    index->cell_start[cell + 1] += index->cell_start[cell];

  index->cell_items = g_new (guint, MAX (index->cell_start[n_cells], 1));
  cursor = g_memdup2 (index->cell_start, sizeof (guint) * n_cells);
  for (guint i = 0; i < n; i++)
    {
      graphene_rect_t rect;
      int c0, r0, c1, r1;

      element_box (g_ptr_array_index (elements, i), &rect);
      cell_range (index, &rect, &c0, &r0, &c1, &r1);
      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          index->cell_items[cursor[r * index->n_cols + c]++] = i;
    }
  g_free (cursor);

  return index;
}

void
stormcut_board_index_free (StormcutBoardIndex *index)
{
  if (index == NULL)
    return;

  g_free (index->cell_start);
  g_free (index->cell_items);
  g_free (index->stamps);
  g_free (index);
}

void
stormcut_board_index_query (StormcutBoardIndex    *index,
                            const graphene_rect_t *area,
                            GArray                *out)
{
  int c0, r0, c1, r1;

  g_return_if_fail (index != NULL);

  if (index->n_cols == 0)
    return;

  /* An element in several cells is reported once: stamp it with this query. */
  if (++index->stamp == 0)
    {
      memset (index->stamps, 0, sizeof (guint) * index->elements->len);
      index->stamp = 1;
    }

  cell_range (index, area, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        guint cell = (guint) (r * index->n_cols + c);

        for (guint k = index->cell_start[cell]; k < index->cell_start[cell + 1]; k++)
          {
            guint i = index->cell_items[k];
            graphene_rect_t rect;

            if (index->stamps[i] == index->stamp)
              continue;
            index->stamps[i] = index->stamp;

            element_box (g_ptr_array_index (index->elements, i), &rect);
            if (boxes_intersect (&rect, area))
              g_array_append_val (out, i);
          }
      }

  g_array_sort (out, compare_positions);
}

int
stormcut_board_index_element_at (StormcutBoardIndex *index,
                                 double              x,
                                 double              y)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  graphene_rect_t probe = GRAPHENE_RECT_INIT (x, y, 0, 0);

  g_return_val_if_fail (index != NULL, -1);

  stormcut_board_index_query (index, &probe, hits);
  for (guint k = hits->len; k > 0; k--)
    {
      guint i = g_array_index (hits, guint, k - 1);

      if (element_contains (g_ptr_array_index (index->elements, i), x, y))
        return (int) i;
    }

  return -1;
}
