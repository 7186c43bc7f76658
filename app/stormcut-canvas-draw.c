/* stormcut-canvas-draw.c: how the canvas draws the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Near, every visible sticky is its own few render nodes (shape, name, marks, badge) and
 * links are axis-aligned elbow connectors; far away (below 30 %), the grid, frames, links
 * and stickies are flattened into one picture that is only moved while the view pans,
 * scaled while it zooms, and drawn again sharp once the zoom rests.
 */
#include "stormcut-canvas-private.h"
#include "stormcut-board-style.h"

#include <math.h>

/* Below this zoom stickies are drawn as plain coloured boxes in one batch. */
#define LOD_BATCH_ZOOM      0.3
/* Names are drawn only when their letters are at least this many pixels high. */
#define MIN_TEXT_PIXELS     6.0
#define ROUND_UP_PIXELS(n)  ((((n) + 255) / 256) * 256)

static const GdkRGBA board_background = { 0.980f, 0.980f, 0.972f, 1.0f };
static const GdkRGBA grid_minor = { 0.0f, 0.0f, 0.0f, 0.045f };
static const GdkRGBA grid_major = { 0.0f, 0.0f, 0.0f, 0.09f };
static const GdkRGBA accent = { 0.208f, 0.518f, 0.894f, 1.0f };          /* #3584E4 */
static const GdkRGBA accent_fill = { 0.208f, 0.518f, 0.894f, 0.12f };
static const GdkRGBA text_color = { 0.12f, 0.12f, 0.13f, 1.0f };
static const GdkRGBA link_color = { 0.24f, 0.22f, 0.27f, 0.85f };
static const GdkRGBA search_color = { 0.898f, 0.647f, 0.039f, 1.0f };    /* #E5A50A */
static const GdkRGBA unassigned_color = { 0.878f, 0.106f, 0.141f, 0.9f }; /* #E01B24 */
static const GdkRGBA allowed_color = { 0.18f, 0.76f, 0.49f, 1.0f };       /* #2EC27E */
static const GdkRGBA white = { 1.0f, 1.0f, 1.0f, 1.0f };
/* Behind a selected link: the accent at a quarter over the board, opaque so that the
 * corners where two pieces overlap are not darker. */
static const GdkRGBA link_halo = { 0.797f, 0.869f, 0.957f, 1.0f };

/* Pixels of a selected link's line and of the halo around it. */
#define SELECTED_LINK_WIDTH 4.0
#define LINK_HALO_RADIUS    6.0

static void
draw_grid (StormcutCanvas *self,
           GtkSnapshot    *snapshot,
           double          width,
           double          height)
{
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  double spacing = STORMCUT_BOARD_GRID;
  double ox, oy;
  gint64 k0, k1;

  while (spacing * zoom < 24)
    spacing *= 5;
  stormcut_viewport_get_origin (self->viewport, &ox, &oy);

  k0 = (gint64) ceil (ox / spacing);
  k1 = (gint64) floor ((ox + width / zoom) / spacing);
  for (gint64 k = k0; k <= k1; k++)
    {
      double x = (k * spacing - ox) * zoom;

      gtk_snapshot_append_color (snapshot, k % 5 == 0 ? &grid_major : &grid_minor,
                                 &GRAPHENE_RECT_INIT (floor (x), 0, 1, height));
    }

  k0 = (gint64) ceil (oy / spacing);
  k1 = (gint64) floor ((oy + height / zoom) / spacing);
  for (gint64 k = k0; k <= k1; k++)
    {
      double y = (k * spacing - oy) * zoom;

      gtk_snapshot_append_color (snapshot, k % 5 == 0 ? &grid_major : &grid_minor,
                                 &GRAPHENE_RECT_INIT (0, floor (y), width, 1));
    }
}

double
stormcut_canvas_frame_title_pixels (double zoom)
{
  return CLAMP (16.0 * zoom, 11.0, 32.0);
}

/* Height in pixels of the band at the top of a frame that grabs it. */
double
stormcut_canvas_frame_title_band (double zoom)
{
  return MAX (STORMCUT_BOARD_FRAME_TITLE * zoom, stormcut_canvas_frame_title_pixels (zoom) + 10);
}

static void
draw_frame_title (StormcutCanvas        *self,
                  GtkSnapshot           *snapshot,
                  const StormcutContext *context,
                  const graphene_rect_t *frame,
                  const GdkRGBA         *color)
{
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  double size = stormcut_canvas_frame_title_pixels (zoom);
  g_autofree char *markup = NULL;
  PangoLayout *layout;
  GdkRGBA title_color;

  if (self->edit_mode == EDIT_RENAME_CONTEXT && g_strcmp0 (self->edit_target, context->id) == 0)
    return;
  if (frame->size.width < 60 || frame->size.height < 3 * size)
    return; /* too small to carry its name without hiding what it holds */

  /* Titles are laid out again only when their text or size changes; the frame clips them. */
  markup = g_markup_printf_escaped ("%s  <span weight=\"normal\" size=\"80%%\">%s</span>",
                                    context->name,
                                    stormcut_domain_type_get_label (context->domain_type));
  layout = g_hash_table_lookup (self->titles, context->id);
  if (layout == NULL ||
      g_strcmp0 (g_object_get_data (G_OBJECT (layout), "markup"), markup) != 0 ||
      pango_font_description_get_size (pango_layout_get_font_description (layout)) != (int) (size * PANGO_SCALE))
    {
      PangoFontDescription *font = pango_font_description_from_string ("Sans Bold");

      layout = pango_layout_new (self->pango_context);
      pango_font_description_set_absolute_size (font, (int) (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_markup (layout, markup, -1);
      pango_layout_set_single_paragraph_mode (layout, TRUE);
      g_object_set_data_full (G_OBJECT (layout), "markup", g_strdup (markup), g_free);
      g_hash_table_replace (self->titles, g_strdup (context->id), layout);
    }

  stormcut_board_style_shade (color, 0.6, &title_color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (frame->origin.x + 8,
                                                          frame->origin.y + (stormcut_canvas_frame_title_band (zoom) - size * 1.25) / 2));
  if (stormcut_canvas_frame_title_band (zoom) > STORMCUT_BOARD_FRAME_TITLE * zoom + 1)
    {
      /* Far away the title is larger than its band: a plate keeps it readable over stickies. */
      PangoRectangle logical;
      GdkRGBA plate = board_background;

      plate.alpha = 0.9f;
      pango_layout_get_pixel_extents (layout, NULL, &logical);
      gtk_snapshot_append_color (snapshot, &plate,
                                 &GRAPHENE_RECT_INIT (-3, -1, logical.width + 6, logical.height + 2));
    }
  gtk_snapshot_append_layout (snapshot, layout, &title_color);
  gtk_snapshot_restore (snapshot);
}

/* Frames in two passes: opaque fills under the grid, then borders and titles over it
 * (an opaque fill costs the software renderer much less than a translucent one). */
static void
draw_frames (StormcutCanvas        *self,
             GtkSnapshot           *snapshot,
             const graphene_rect_t *visible,
             gboolean               fills)
{
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);

  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      gboolean selected = g_strcmp0 (self->selected_context, context->id) == 0;
      graphene_rect_t board, frame;
      GdkRGBA color, fill, border;

      stormcut_canvas_context_draw_rect (self, context, &board);
      if (!stormcut_canvas_rects_intersect (&board, visible))
        continue;

      stormcut_viewport_board_rect_to_widget (self->viewport, &board, &frame);
      stormcut_board_style_context_color (context, i, &color);
      if (fills)
        {
          fill.red = board_background.red * 0.93f + color.red * 0.07f;
          fill.green = board_background.green * 0.93f + color.green * 0.07f;
          fill.blue = board_background.blue * 0.93f + color.blue * 0.07f;
          fill.alpha = 1.0f;
          gtk_snapshot_append_color (snapshot, &fill, &frame);
          continue;
        }

      border = color;
      border.alpha = 0.75f;
      stormcut_board_style_append_outline (snapshot, &frame, selected ? 3 : 2, selected ? &accent : &border);

      gtk_snapshot_push_clip (snapshot, &frame);
      draw_frame_title (self, snapshot, context, &frame, &color);
      gtk_snapshot_pop (snapshot);

      if (selected)
        {
          double hs = FRAME_HANDLE_SIZE;

          for (int corner = 0; corner < 4; corner++)
            {
              double x = frame.origin.x + ((corner & 1) ? frame.size.width : 0);
              double y = frame.origin.y + ((corner & 2) ? frame.size.height : 0);
              graphene_rect_t handle = GRAPHENE_RECT_INIT (x - hs / 2, y - hs / 2, hs, hs);

              gtk_snapshot_append_color (snapshot, &white, &handle);
              stormcut_board_style_append_outline (snapshot, &handle, 1.5, &accent);
            }
        }
    }
}

void
stormcut_canvas_clear_pictures (StormcutCanvas *self)
{
  for (guint i = 0; i < 2; i++)
    for (guint k = 0; k < STORMCUT_N_HEADS; k++)
      g_clear_pointer (&self->heads[i][k], gsk_render_node_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->badges); i++)
    g_clear_pointer (&self->badges[i], gsk_render_node_unref);
  g_clear_pointer (&self->layer, gsk_render_node_unref);
  g_clear_pointer (&self->layer_pixels, cairo_surface_destroy);
}

/* The halo of a selected link: each piece of its route widened by @radius on every side. */
static void
draw_link_halo (GtkSnapshot  *snapshot,
                const double *points,
                guint         n_points,
                double        radius)
{
  for (guint k = 0; k + 1 < n_points; k++)
    {
      double x0 = MIN (points[2 * k], points[2 * k + 2]);
      double y0 = MIN (points[2 * k + 1], points[2 * k + 3]);
      double x1 = MAX (points[2 * k], points[2 * k + 2]);
      double y1 = MAX (points[2 * k + 1], points[2 * k + 3]);

      gtk_snapshot_append_color (snapshot, &link_halo,
                                 &GRAPHENE_RECT_INIT (round (x0 - radius), round (y0 - radius),
                                                      round (x1 - x0 + 2 * radius), round (y1 - y0 + 2 * radius)));
    }
}

static void
draw_links (StormcutCanvas        *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *visible)
{
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  double width = zoom >= 0.75 ? 2.0 : 1.0;
  double head = round (CLAMP (12.0 * zoom, 6.0, 13.0));

  if (self->links == NULL || self->links->len == 0)
    return;

  if ((int) head != self->heads_pixels)
    {
      for (guint i = 0; i < 2; i++)
        for (guint k = 0; k < STORMCUT_N_HEADS; k++)
          g_clear_pointer (&self->heads[i][k], gsk_render_node_unref);
      self->heads_pixels = (int) head;
    }

  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkGeometry *geometry = &g_array_index (self->links, LinkGeometry, i);
      const StormcutElement *source = stormcut_canvas_element_by_index (self, geometry->source);
      const StormcutElement *target = stormcut_canvas_element_by_index (self, geometry->target);
      gboolean selected = stormcut_canvas_is_link_selected (self, geometry->id);
      gboolean highlight = selected || stormcut_canvas_is_selected (self, source->id) ||
                           stormcut_canvas_is_selected (self, target->id);
      const GdkRGBA *color = highlight ? &accent : &link_color;
      graphene_rect_t a, b, box;
      double points[8];
      StormcutHeadDirection direction;
      guint n_points;
      double hx, hy;

      stormcut_canvas_element_draw_rect (self, source, &a);
      stormcut_canvas_element_draw_rect (self, target, &b);
      graphene_rect_union (&a, &b, &box);
      if (!stormcut_canvas_rects_intersect (&box, visible))
        continue;

      n_points = stormcut_board_style_route_link (&a, &b, points, &direction);
      if (n_points == 0)
        continue;

      for (guint k = 0; k < n_points; k++)
        stormcut_viewport_board_to_widget (self->viewport, points[2 * k], points[2 * k + 1],
                                           &points[2 * k], &points[2 * k + 1]);
      if (selected)
        draw_link_halo (snapshot, points, n_points, LINK_HALO_RADIUS);
      for (guint k = 0; k + 1 < n_points; k++)
        stormcut_board_style_append_segment (snapshot,
                                             points[2 * k], points[2 * k + 1], points[2 * k + 2], points[2 * k + 3],
                                             selected ? SELECTED_LINK_WIDTH : width, geometry->async, color);

      if (self->heads[highlight][direction] == NULL)
        self->heads[highlight][direction] = stormcut_board_style_create_arrowhead (direction, color, self->heads_pixels);
      hx = points[2 * n_points - 2];
      hy = points[2 * n_points - 1];
      switch (direction)
        {
        case STORMCUT_HEAD_RIGHT:
          hx -= head;
          hy -= head / 2;
          break;
        case STORMCUT_HEAD_LEFT:
          hy -= head / 2;
          break;
        case STORMCUT_HEAD_DOWN:
          hx -= head / 2;
          hy -= head;
          break;
        case STORMCUT_HEAD_UP:
        case STORMCUT_N_HEADS:
        default:
          hx -= head / 2;
          break;
        }
      stormcut_board_style_append_node_at (snapshot, self->heads[highlight][direction], round (hx), round (hy));

    }
}

/* Far away: the links as thin boxes, in the batch's cairo context. */
static void
draw_links_batch (StormcutCanvas        *self,
                  cairo_t               *cr,
                  const graphene_rect_t *visible)
{
  gboolean any_selected = g_hash_table_size (self->selected_links) > 0;

  /* Plain links, dashed (async) links paler, then the selected links over them. */
  for (int pass = 0; pass < 3; pass++)
    {
      double line = pass == 2 ? 3.0 : 1.0;
      double end = pass == 2 ? line / 2 : 0.0;   /* thick lines meet at the corners */
      gboolean any = FALSE;

      if (pass == 2 && !any_selected)
        break;

      for (guint i = 0; self->links != NULL && i < self->links->len; i++)
        {
          const LinkGeometry *geometry = &g_array_index (self->links, LinkGeometry, i);
          graphene_rect_t a, b, box;
          double points[8];
          StormcutHeadDirection direction;
          guint n_points;

          if (pass == 2 ? !stormcut_canvas_is_link_selected (self, geometry->id) : geometry->async != (pass == 1))
            continue;

          stormcut_canvas_element_draw_rect (self, stormcut_canvas_element_by_index (self, geometry->source), &a);
          stormcut_canvas_element_draw_rect (self, stormcut_canvas_element_by_index (self, geometry->target), &b);
          graphene_rect_union (&a, &b, &box);
          if (!stormcut_canvas_rects_intersect (&box, visible))
            continue;

          n_points = stormcut_board_style_route_link (&a, &b, points, &direction);
          for (guint k = 0; k < n_points; k++)
            stormcut_viewport_board_to_widget (self->viewport, points[2 * k], points[2 * k + 1],
                                               &points[2 * k], &points[2 * k + 1]);
          for (guint k = 0; k + 1 < n_points; k++)
            {
              double x0 = points[2 * k], y0 = points[2 * k + 1], x1 = points[2 * k + 2], y1 = points[2 * k + 3];

              /* Boxes only: cairo fills a path of rectangles much faster than strokes. */
              if (fabs (y1 - y0) < fabs (x1 - x0))
                cairo_rectangle (cr, MIN (x0, x1) - end, y0 - line / 2, fabs (x1 - x0) + 2 * end, line);
              else
                cairo_rectangle (cr, x0 - line / 2, MIN (y0, y1) - end, line, fabs (y1 - y0) + 2 * end);
              any = TRUE;
            }
        }

      if (any)
        {
          GdkRGBA color = pass == 2 ? accent : link_color;

          if (pass < 2)
            color.alpha = pass == 1 ? 0.35f : 0.6f;
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill (cr);
        }
    }
}

/* Far away: every sticky a plain box, one fill per colour, in one cairo node. */
static void
draw_stickies_batch (StormcutCanvas        *self,
                     cairo_t               *cr,
                     GArray                *visible,
                     const graphene_rect_t *area)
{
  const GdkRGBA *marks[3] = { &unassigned_color, &search_color, &accent };
  gboolean has_contexts = stormcut_model_get_contexts (self->model)->len > 0;

  draw_links_batch (self, cr, area);

  /* Group the stickies by colour (a counting sort), then one fill per colour. */
  {
    guint n_slots = self->slots->len;
    g_autofree guint *start = g_new0 (guint, n_slots + 1);
    g_autofree guint *order = g_new (guint, MAX (visible->len, 1));

    for (guint k = 0; k < visible->len; k++)
      start[self->element_slot[g_array_index (visible, guint, k)] + 1]++;
    for (guint slot = 0; slot < n_slots; slot++)
      start[slot + 1] += start[slot];
    for (guint k = 0; k < visible->len; k++)
      {
        guint i = g_array_index (visible, guint, k);

        order[start[self->element_slot[i]]++] = i;
      }

    for (guint k = 0; k < visible->len; k++)
      {
        guint i = order[k];
        graphene_rect_t board, rect;

        stormcut_canvas_element_draw_rect (self, stormcut_canvas_element_by_index (self, i), &board);
        stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);
        cairo_rectangle (cr, rect.origin.x, rect.origin.y, MAX (rect.size.width, 1.0), MAX (rect.size.height, 1.0));
        if (k + 1 == visible->len || self->element_slot[order[k + 1]] != self->element_slot[i])
          {
            gdk_cairo_set_source_rgba (cr, &g_array_index (self->slots, GdkRGBA, self->element_slot[i]));
            cairo_fill (cr);
          }
      }
  }

  /* Marks stay visible however small the stickies are. */
  cairo_set_line_width (cr, 2.0);
  for (int mark = 0; mark < 3; mark++)
    {
      gboolean any = FALSE;

      if (mark == 0 && !(self->highlight_unassigned && has_contexts))
        continue;
      if (mark == 1 && self->search_text == NULL)
        continue;

      for (guint k = 0; k < visible->len; k++)
        {
          const StormcutElement *element = stormcut_canvas_element_by_index (self, g_array_index (visible, guint, k));
          graphene_rect_t board, rect;
          gboolean marked;

          if (mark == 0)
            marked = element->context_id == NULL;
          else if (mark == 1)
            marked = stormcut_canvas_is_search_hit (self, element->id);
          else
            marked = stormcut_canvas_is_selected (self, element->id);
          if (!marked)
            continue;

          stormcut_canvas_element_draw_rect (self, element, &board);
          stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);
          cairo_rectangle (cr, rect.origin.x - 2, rect.origin.y - 2, rect.size.width + 4, rect.size.height + 4);
          any = TRUE;
        }
      if (any)
        {
          gdk_cairo_set_source_rgba (cr, marks[mark]);
          cairo_stroke (cr);
        }
    }

}

static void
draw_badge (StormcutCanvas        *self,
            GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            guint                  count)
{
  guint slot = MIN (count, 10) - 1;

  if (self->badges[slot] == NULL)
    self->badges[slot] = stormcut_board_style_create_badge (count);

  stormcut_board_style_append_node_at (snapshot, self->badges[slot],
                                       round (rect->origin.x + rect->size.width - 3 - 10.5),
                                       round (rect->origin.y + 3 - 10.5));
}

static void
draw_sticky_text (StormcutCanvas        *self,
                  GtkSnapshot           *snapshot,
                  const StormcutElement *element,
                  const graphene_rect_t *board)
{
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  LayoutEntry *entry = stormcut_canvas_element_layout (self, element);
  graphene_rect_t area;
  double wx, wy;

  stormcut_board_style_text_area (element->kind, board, &area);
  stormcut_viewport_board_to_widget (self->viewport,
                                     area.origin.x,
                                     area.origin.y + MAX (0.0, (area.size.height - entry->text_height) / 2),
                                     &wx, &wy);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (wx, wy));
  gtk_snapshot_scale (snapshot, zoom, zoom);
  gtk_snapshot_append_layout (snapshot, entry->layout, &text_color);
  gtk_snapshot_restore (snapshot);
}

/* Near: each sticky with its shape, shadow, name, marks and warning badge. */
static void
draw_sticky (StormcutCanvas        *self,
             GtkSnapshot           *snapshot,
             guint                  index,
             gboolean               with_text,
             gboolean               with_badges,
             gboolean               has_contexts)
{
  const StormcutElement *element = stormcut_canvas_element_by_index (self, index);
  const GdkRGBA *fill = &g_array_index (self->slots, GdkRGBA, self->element_slot[index]);
  graphene_rect_t board, rect;
  guint problems;

  stormcut_canvas_element_draw_rect (self, element, &board);
  stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);

  stormcut_board_style_append_sticky (snapshot, element->kind, &rect, fill, stormcut_viewport_get_zoom (self->viewport) >= 0.5);

  if (with_text &&
      !(self->edit_mode == EDIT_RENAME_ELEMENT && g_strcmp0 (self->edit_target, element->id) == 0))
    draw_sticky_text (self, snapshot, element, &board);

  if (self->highlight_unassigned && has_contexts && element->context_id == NULL)
    {
      graphene_rect_t mark;

      graphene_rect_inset_r (&rect, -4, -4, &mark);
      stormcut_board_style_append_outline (snapshot, &mark, 3, &unassigned_color);
    }

  if (stormcut_canvas_is_search_hit (self, element->id))
    {
      graphene_rect_t mark;

      graphene_rect_inset_r (&rect, -7, -7, &mark);
      stormcut_board_style_append_outline (snapshot, &mark, 3, &search_color);
    }

  if (with_badges && (problems = stormcut_canvas_element_problem_count (self, element)) > 0)
    draw_badge (self, snapshot, &rect, problems);
}

static void
draw_link_handle (StormcutCanvas        *self,
                  GtkSnapshot           *snapshot,
                  const graphene_rect_t *rect)
{
  double cx = rect->origin.x + rect->size.width;
  double cy = rect->origin.y + rect->size.height / 2;

  stormcut_board_style_append_circle (snapshot, cx, cy, LINK_HANDLE_RADIUS + 1.5, &white);
  stormcut_board_style_append_circle (snapshot, cx, cy, LINK_HANDLE_RADIUS, &accent);
}

static void
draw_selection (StormcutCanvas *self,
                GtkSnapshot    *snapshot,
                GArray         *visible,
                double          zoom)
{
  for (guint k = 0; k < visible->len; k++)
    {
      const StormcutElement *element = stormcut_canvas_element_by_index (self, g_array_index (visible, guint, k));
      gboolean selected = stormcut_canvas_is_selected (self, element->id);
      gboolean hovered = g_strcmp0 (self->hover_id, element->id) == 0 && self->drag_mode == DRAG_NONE;
      graphene_rect_t board, rect;

      if (!selected && !hovered)
        continue;

      stormcut_canvas_element_draw_rect (self, element, &board);
      stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);
      if (selected)
        {
          graphene_rect_t mark;

          graphene_rect_inset_r (&rect, -3, -3, &mark);
          stormcut_board_style_append_outline (snapshot, &mark, 2, &accent);
        }
      if (rect.size.width >= MIN_DECOR_PIXELS &&
          self->drag_mode == DRAG_NONE &&
          (hovered || g_hash_table_size (self->selection) == 1))
        draw_link_handle (self, snapshot, &rect);
    }
}

static void
draw_interaction (StormcutCanvas *self,
                  GtkSnapshot    *snapshot)
{
  graphene_rect_t rect;

  switch (self->drag_mode)
    {
    case DRAG_RUBBER_BAND:
    case DRAG_FRAME_NEW:
      if (!self->drag_moved)
        break;
      stormcut_viewport_board_rect_to_widget (self->viewport, &self->drag_frame, &rect);
      gtk_snapshot_append_color (snapshot, &accent_fill, &rect);
      stormcut_board_style_append_outline (snapshot, &rect, self->drag_mode == DRAG_FRAME_NEW ? 2 : 1, &accent);
      break;

    case DRAG_LINK:
      {
        int source = stormcut_canvas_element_index_of (self, self->drag_id);
        int target = stormcut_canvas_element_index_of (self, self->link_target_id);
        graphene_rect_t board;
        double sx, sy;
        cairo_t *cr;

        if (source < 0 || !self->drag_moved)
          break;

        stormcut_canvas_element_rect (stormcut_canvas_element_by_index (self, source), &board);
        stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);
        sx = rect.origin.x + rect.size.width / 2;
        sy = rect.origin.y + rect.size.height / 2;

        if (target >= 0)
          {
            const StormcutElement *from = stormcut_canvas_element_by_index (self, source);
            const StormcutElement *to = stormcut_canvas_element_by_index (self, target);
            graphene_rect_t target_rect, mark;

            stormcut_canvas_element_rect (to, &board);
            stormcut_viewport_board_rect_to_widget (self->viewport, &board, &target_rect);
            graphene_rect_inset_r (&target_rect, -4, -4, &mark);
            stormcut_board_style_append_outline (snapshot, &mark, 3,
                                                 stormcut_grammar_allows (from->kind, to->kind)
                                                 ? &allowed_color : &unassigned_color);
          }

        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (MIN (sx, self->pointer_wx) - 4,
                                                                       MIN (sy, self->pointer_wy) - 4,
                                                                       fabs (sx - self->pointer_wx) + 8,
                                                                       fabs (sy - self->pointer_wy) + 8));
        gdk_cairo_set_source_rgba (cr, &accent);
        cairo_set_line_width (cr, 2);
        cairo_move_to (cr, sx, sy);
        cairo_line_to (cr, self->pointer_wx, self->pointer_wy);
        cairo_stroke (cr);
        cairo_destroy (cr);
      }
      break;

    case DRAG_NONE:
    case DRAG_PAN:
    case DRAG_MOVE:
    case DRAG_FRAME_MOVE:
    case DRAG_FRAME_RESIZE:
    default:
      break;
    }

  if (self->edit_mode == EDIT_QUICK_ADD)
    {
      graphene_rect_t sticky;
      GdkRGBA fill;

      stormcut_board_style_parse_color (stormcut_kind_get_default_color (self->edit_kind), &fill);
      stormcut_viewport_board_rect_to_widget (self->viewport, &self->edit_rect, &sticky);
      stormcut_board_style_append_sticky (snapshot, self->edit_kind, &sticky, &fill, TRUE);
      graphene_rect_inset_r (&sticky, -3, -3, &rect);
      stormcut_board_style_append_outline (snapshot, &rect, 2, &accent);
    }
}

/* The stickies that intersect @area in drawing order, then those being dragged, on top. */
static GArray *
collect_visible (StormcutCanvas        *self,
                 const graphene_rect_t *area)
{
  GArray *visible = g_array_new (FALSE, FALSE, sizeof (guint));

  stormcut_canvas_index_query (self, area, visible);
  if (self->drag_elements != NULL && (self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_FRAME_MOVE))
    {
      GHashTableIter iter;
      gpointer key;
      guint kept = 0;

      for (guint k = 0; k < visible->len; k++)
        {
          guint i = g_array_index (visible, guint, k);

          if (!stormcut_canvas_is_moving (self, stormcut_canvas_element_by_index (self, i)->id))
            g_array_index (visible, guint, kept++) = i;
        }
      g_array_set_size (visible, kept);

      g_hash_table_iter_init (&iter, self->drag_elements);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          int i = stormcut_canvas_element_index_of (self, key);
          graphene_rect_t rect;

          if (i < 0)
            continue;
          stormcut_canvas_element_draw_rect (self, stormcut_canvas_element_by_index (self, i), &rect);
          if (stormcut_canvas_rects_intersect (&rect, area))
            g_array_append_val (visible, i);
        }
    }

  return visible;
}

/* Something the far-away layer shows has changed. */
void
stormcut_canvas_invalidate_layer (StormcutCanvas *self)
{
  self->stamp_counter++;
}

static gboolean
layer_settle_cb (gpointer user_data)
{
  StormcutCanvas *self = user_data;

  self->layer_settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  stormcut_canvas_invalidate_layer (self);

  return G_SOURCE_REMOVE;
}

/* Far away: the grid, frames, links and stickies are drawn once into a picture covering the
 * board (or a generous part of it) and only moved while the view pans. */
static void
draw_far_layer (StormcutCanvas        *self,
                GtkSnapshot           *snapshot,
                const graphene_rect_t *visible_area,
                double                 width,
                double                 height)
{
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  guint64 revision = stormcut_model_get_revision (self->model);
  double wx, wy;

  /* While zooming, the last picture is scaled (as map views do) and drawn again sharp once
   * the zoom has rested for a moment. */
  if (!self->exact_frames && self->layer != NULL && self->layer_zoom != zoom &&
      self->layer_revision == revision && self->layer_stamp == self->stamp_counter &&
      zoom / self->layer_zoom > 0.5 && zoom / self->layer_zoom < 2.0 &&
      stormcut_canvas_rect_contains_rect (&self->layer_area, visible_area))
    {
      g_clear_handle_id (&self->layer_settle_id, g_source_remove);
      self->layer_settle_id = g_timeout_add (150, layer_settle_cb, self);

      self->n_drawn = self->layer_n_drawn;
      stormcut_viewport_board_to_widget (self->viewport, self->layer_area.origin.x, self->layer_area.origin.y,
                                         &wx, &wy);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (wx, wy));
      gtk_snapshot_scale (snapshot, zoom / self->layer_zoom, zoom / self->layer_zoom);
      gtk_snapshot_append_node (snapshot, self->layer);
      gtk_snapshot_restore (snapshot);
      return;
    }

  if (self->layer == NULL || self->layer_zoom != zoom || self->layer_revision != revision ||
      self->layer_stamp != self->stamp_counter ||
      !stormcut_canvas_rect_contains_rect (&self->layer_area, visible_area))
    {
      g_autoptr(GArray) visible = NULL;
      g_autoptr(GskRenderNode) content = NULL;
      StormcutViewport *view = self->viewport;
      StormcutViewport *layer_view = stormcut_viewport_new ();
      GtkSnapshot *layer_snapshot;
      graphene_rect_t area, board;
      double max_side = 3072.0 / (gtk_widget_get_width (GTK_WIDGET (self)) > 0
                                  ? gtk_widget_get_scale_factor (GTK_WIDGET (self)) : 1);
      cairo_surface_t *pixels;
      cairo_t *cr;
      int scale = gtk_widget_get_width (GTK_WIDGET (self)) > 0 ? gtk_widget_get_scale_factor (GTK_WIDGET (self)) : 1;
      int w, h;

      /* The whole board when it is small enough at this zoom, else a generous part of it
       * around the view, so that panning can go on with the same picture. */
      graphene_rect_inset_r (&self->bounds, -STORMCUT_BOARD_GRID, -STORMCUT_BOARD_GRID, &board);
      graphene_rect_inset_r (visible_area, -visible_area->size.width / 10, -visible_area->size.height / 10, &area);
      graphene_rect_union (&board, &area, &area);
      if (area.size.width * zoom > max_side || area.size.height * zoom > max_side)
        graphene_rect_inset_r (visible_area,
                               -MAX (0.0, MIN (visible_area->size.width / 2,
                                               (max_side / zoom - visible_area->size.width) / 2)),
                               -MAX (0.0, MIN (visible_area->size.height / 2,
                                               (max_side / zoom - visible_area->size.height) / 2)),
                               &area);
      w = (int) ceil (area.size.width * zoom);
      h = (int) ceil (area.size.height * zoom);

      stormcut_viewport_set_zoom_limits (layer_view, zoom, zoom);
      stormcut_viewport_zoom_at (layer_view, zoom, 0, 0);
      stormcut_viewport_set_origin (layer_view, area.origin.x, area.origin.y);
      stormcut_viewport_set_view_size (layer_view, w, h);

      /* Draw with the layer's own viewport, then put the view's back. */
      self->viewport = layer_view;
      visible = collect_visible (self, &area);
      /* Into pixels once (at the screen's scale), the stickies straight with cairo, the
       * frame titles over them; the node only paints the pixels.  The pixel buffer is kept
       * for the next picture of the same size (the old node goes first: cairo copies a
       * buffer that changes under a node still using it). */
      g_clear_pointer (&self->layer, gsk_render_node_unref);
      pixels = self->layer_pixels;
      if (pixels == NULL ||
          cairo_image_surface_get_width (pixels) != ROUND_UP_PIXELS (MAX (w, 1) * scale) ||
          cairo_image_surface_get_height (pixels) != ROUND_UP_PIXELS (MAX (h, 1) * scale))
        {
          /* Sizes rounded up, so that a zoom step mostly finds the buffer it needs. */
          g_clear_pointer (&self->layer_pixels, cairo_surface_destroy);
          /* Opaque (the board's background is in it): painting it is a plain copy. */
          pixels = self->layer_pixels = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                                    ROUND_UP_PIXELS (MAX (w, 1) * scale),
                                                                    ROUND_UP_PIXELS (MAX (h, 1) * scale));
          cairo_surface_set_device_scale (pixels, scale, scale);
        }
      cr = cairo_create (pixels);
      gdk_cairo_set_source_rgba (cr, &board_background);
      cairo_paint (cr);
      layer_snapshot = gtk_snapshot_new ();
      draw_frames (self, layer_snapshot, &area, TRUE);
      draw_grid (self, layer_snapshot, w, h);
      content = gtk_snapshot_free_to_node (layer_snapshot);
      if (content != NULL)
        gsk_render_node_draw (content, cr);
      g_clear_pointer (&content, gsk_render_node_unref);
      draw_stickies_batch (self, cr, visible, &area);
      layer_snapshot = gtk_snapshot_new ();
      draw_frames (self, layer_snapshot, &area, FALSE);
      content = gtk_snapshot_free_to_node (layer_snapshot);
      if (content != NULL)
        gsk_render_node_draw (content, cr);
      cairo_destroy (cr);
      self->viewport = view;
      g_object_unref (layer_view);

      self->layer = stormcut_board_style_node_from_pixels (pixels, w, h);

      self->layer_n_drawn = visible->len;
      self->layer_area = area;
      self->layer_zoom = zoom;
      self->layer_revision = revision;
      self->layer_stamp = self->stamp_counter;
    }

  self->n_drawn = self->layer_n_drawn;
  stormcut_viewport_board_to_widget (self->viewport, self->layer_area.origin.x, self->layer_area.origin.y, &wx, &wy);
  stormcut_board_style_append_node_at (snapshot, self->layer, round (wx), round (wy));
}

/* Draws the board as seen through the viewport at @width × @height pixels. */
void
stormcut_canvas_draw_board (StormcutCanvas *self,
                            GtkSnapshot    *snapshot,
                            double          width,
                            double          height)
{
  g_autoptr(GArray) visible = NULL;
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  gboolean with_text = zoom * 13.0 >= MIN_TEXT_PIXELS;
  gboolean with_badges = zoom * 100.0 >= MIN_DECOR_PIXELS;
  graphene_rect_t area;
  double ox, oy;
  gboolean has_contexts;

  gtk_snapshot_append_color (snapshot, &board_background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->model == NULL)
    {
      self->n_drawn = 0;
      draw_grid (self, snapshot, width, height);
      return;
    }

  stormcut_canvas_ensure_index (self);
  stormcut_canvas_ensure_search (self);
  stormcut_viewport_get_origin (self->viewport, &ox, &oy);
  graphene_rect_init (&area, ox, oy, width / zoom, height / zoom);

  if (zoom < LOD_BATCH_ZOOM)
    {
      /* The far-away picture holds the grid and covers the view. */
      draw_far_layer (self, snapshot, &area, width, height);
      draw_interaction (self, snapshot);
      return;
    }

  /* Near: the far-away picture is not needed any more (it can be large). */
  if (self->layer != NULL && self->drag_mode == DRAG_NONE)
    {
      g_clear_pointer (&self->layer, gsk_render_node_unref);
      g_clear_pointer (&self->layer_pixels, cairo_surface_destroy);
    }

  draw_frames (self, snapshot, &area, TRUE);
  draw_grid (self, snapshot, width, height);
  draw_frames (self, snapshot, &area, FALSE);
  draw_links (self, snapshot, &area);

  visible = collect_visible (self, &area);
  self->n_drawn = visible->len;
  has_contexts = stormcut_model_get_contexts (self->model)->len > 0;
  for (guint k = 0; k < visible->len; k++)
    draw_sticky (self, snapshot, g_array_index (visible, guint, k), with_text, with_badges, has_contexts);
  draw_selection (self, snapshot, visible, zoom);

  draw_interaction (self, snapshot);
}

