/* stormcut-canvas.c: the event storming board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas keeps no copy of the model.  It draws from the model's records, hit-tests
 * in board coordinates through a spatial grid index (rebuilt lazily after each change),
 * and turns every gesture into StormcutModel calls, grouped into one undo step each.
 * While a drag is in progress only a preview offset changes; the model is written once,
 * when the button is released.  This file holds the state, editing and input; drawing is
 * in stormcut-canvas-draw.c, the instance struct in stormcut-canvas-private.h.
 */
#include "stormcut-canvas.h"
#include "stormcut-canvas-private.h"
#include "stormcut-board-index.h"
#include "stormcut-board-style.h"
#include "stormcut-viewport.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#define ZOOM_STEP           1.25
#define DRAG_THRESHOLD      3.0
#define MIN_FRAME_SIZE      60.0
#define NUDGE_STEP          10
#define NUDGE_BIG_STEP      50
#define MAX_PASTED_LINES    500
#define SNAP                10.0
/* A click this many pixels from a link's line still hits it. */
#define LINK_HIT_PIXELS     5.0
/* Dragging this close to the board's edge scrolls it, up to this fast at the edge itself. */
#define AUTOSCROLL_EDGE     32.0
#define AUTOSCROLL_SPEED    900.0   /* pixels per second */

/* Sides of a frame being resized. */
enum {
  EDGE_LEFT   = 1 << 0,
  EDGE_RIGHT  = 1 << 1,
  EDGE_TOP    = 1 << 2,
  EDGE_BOTTOM = 1 << 3,
};

G_DEFINE_FINAL_TYPE (StormcutCanvas, stormcut_canvas, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (StormcutCanvasTool, stormcut_canvas_tool,
                    G_DEFINE_ENUM_VALUE (STORMCUT_CANVAS_TOOL_SELECT, "select"),
                    G_DEFINE_ENUM_VALUE (STORMCUT_CANVAS_TOOL_FRAME_CONTEXT, "frame-context"),
                    G_DEFINE_ENUM_VALUE (STORMCUT_CANVAS_TOOL_LINK, "link"))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_ZOOM,
  PROP_TOOL,
  PROP_HIGHLIGHT_UNASSIGNED,
  PROP_SEARCH_TEXT,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  STATUS_MESSAGE,
  ZOOM_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The steps of a flow that may follow (Tab) or precede (Shift+Tab) a sticky of each kind,
 * the usual one first; pressing the key again on an empty name offers the next one.  Each
 * pair is one the grammar allows, so the new sticky is linked to the one it follows. */
#define END_OF_STEPS STORMCUT_N_KINDS
static const StormcutKind next_kinds[STORMCUT_N_KINDS][4] = {
  [STORMCUT_KIND_EVENT] = { STORMCUT_KIND_POLICY, STORMCUT_KIND_READ_MODEL, STORMCUT_KIND_EXTERNAL_SYSTEM, END_OF_STEPS },
  [STORMCUT_KIND_COMMAND] = { STORMCUT_KIND_EVENT, STORMCUT_KIND_AGGREGATE, STORMCUT_KIND_EXTERNAL_SYSTEM, END_OF_STEPS },
  [STORMCUT_KIND_POLICY] = { STORMCUT_KIND_COMMAND, END_OF_STEPS },
  [STORMCUT_KIND_AGGREGATE] = { STORMCUT_KIND_EVENT, END_OF_STEPS },
  [STORMCUT_KIND_READ_MODEL] = { STORMCUT_KIND_ACTOR, STORMCUT_KIND_AGGREGATE, END_OF_STEPS },
  [STORMCUT_KIND_EXTERNAL_SYSTEM] = { STORMCUT_KIND_EVENT, END_OF_STEPS },
  [STORMCUT_KIND_ACTOR] = { STORMCUT_KIND_COMMAND, END_OF_STEPS },
  [STORMCUT_KIND_HOTSPOT] = { STORMCUT_KIND_EVENT, STORMCUT_KIND_COMMAND, END_OF_STEPS },
};

static const StormcutKind previous_kinds[STORMCUT_N_KINDS][4] = {
  [STORMCUT_KIND_EVENT] = { STORMCUT_KIND_COMMAND, STORMCUT_KIND_AGGREGATE, STORMCUT_KIND_EXTERNAL_SYSTEM, END_OF_STEPS },
  [STORMCUT_KIND_COMMAND] = { STORMCUT_KIND_ACTOR, STORMCUT_KIND_POLICY, END_OF_STEPS },
  [STORMCUT_KIND_POLICY] = { STORMCUT_KIND_EVENT, END_OF_STEPS },
  [STORMCUT_KIND_AGGREGATE] = { STORMCUT_KIND_COMMAND, STORMCUT_KIND_READ_MODEL, END_OF_STEPS },
  [STORMCUT_KIND_READ_MODEL] = { STORMCUT_KIND_EVENT, END_OF_STEPS },
  [STORMCUT_KIND_EXTERNAL_SYSTEM] = { STORMCUT_KIND_COMMAND, STORMCUT_KIND_EVENT, END_OF_STEPS },
  [STORMCUT_KIND_ACTOR] = { STORMCUT_KIND_READ_MODEL, END_OF_STEPS },
  [STORMCUT_KIND_HOTSPOT] = { STORMCUT_KIND_EVENT, END_OF_STEPS },
};

static void finish_editing (StormcutCanvas *self, gboolean commit, gboolean restore_focus);
static void begin_quick_add_at (StormcutCanvas *self, StormcutKind kind, const graphene_rect_t *rect,
                                const char *link_from, const char *link_to);

/* --- small helpers ------------------------------------------------------------------ */

static void
layout_entry_free (gpointer data)
{
  LayoutEntry *entry = data;

  g_free (entry->name);
  g_clear_object (&entry->layout);
  g_free (entry);
}

static void
emit_status (StormcutCanvas *self,
             const char     *message)
{
  if (message != NULL && *message != '\0')
    g_signal_emit (self, signals[STATUS_MESSAGE], 0, message);
}

static void
report_error (StormcutCanvas *self,
              GError         *error)
{
  if (error != NULL)
    emit_status (self, error->message);
}

static char *
fold_text (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL)
    return NULL;

  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  if (normalized == NULL)
    return NULL;

  return g_utf8_casefold (normalized, -1);
}

void
stormcut_canvas_element_rect (const StormcutElement *element,
                              graphene_rect_t       *rect)
{
  graphene_rect_init (rect, element->x, element->y, element->width, element->height);
}

static void
element_center (const StormcutElement *element,
                double                *x,
                double                *y)
{
  *x = element->x + element->width / 2;
  *y = element->y + element->height / 2;
}

static void
context_rect (const StormcutContext *context,
              graphene_rect_t       *rect)
{
  graphene_rect_init (rect, context->x, context->y, context->width, context->height);
}

static gboolean
rect_contains (const graphene_rect_t *rect,
               double                 x,
               double                 y)
{
  return x >= rect->origin.x && x <= rect->origin.x + rect->size.width &&
         y >= rect->origin.y && y <= rect->origin.y + rect->size.height;
}

/* TRUE when @outer holds all of @inner (graphene's own check compares a float union for
 * equality, which rounding can defeat). */
gboolean
stormcut_canvas_rect_contains_rect (const graphene_rect_t *outer,
                                    const graphene_rect_t *inner)
{
  return inner->origin.x >= outer->origin.x &&
         inner->origin.y >= outer->origin.y &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height;
}

gboolean
stormcut_canvas_rects_intersect (const graphene_rect_t *a,
                                 const graphene_rect_t *b)
{
  return a->origin.x <= b->origin.x + b->size.width &&
         b->origin.x <= a->origin.x + a->size.width &&
         a->origin.y <= b->origin.y + b->size.height &&
         b->origin.y <= a->origin.y + a->size.height;
}

static void
rect_from_points (graphene_rect_t *rect,
                  double           x0,
                  double           y0,
                  double           x1,
                  double           y1)
{
  graphene_rect_init (rect, MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0));
}

gboolean
stormcut_canvas_is_selected (StormcutCanvas *self,
                             const char     *id)
{
  return id != NULL && g_hash_table_contains (self->selection, id);
}

gboolean
stormcut_canvas_is_link_selected (StormcutCanvas *self,
                                  const char     *id)
{
  return id != NULL && g_hash_table_contains (self->selected_links, id);
}

gboolean
stormcut_canvas_is_moving (StormcutCanvas *self,
                           const char     *id)
{
  return self->drag_elements != NULL && g_hash_table_contains (self->drag_elements, id);
}

/* The rectangle an element is drawn at, with the preview offset of a drag. */
void
stormcut_canvas_element_draw_rect (StormcutCanvas        *self,
                                   const StormcutElement *element,
                                   graphene_rect_t       *rect)
{
  stormcut_canvas_element_rect (element, rect);
  if ((self->drag_mode == DRAG_MOVE || self->drag_mode == DRAG_FRAME_MOVE) &&
      stormcut_canvas_is_moving (self, element->id))
    {
      rect->origin.x += self->drag_dx;
      rect->origin.y += self->drag_dy;
    }
}

void
stormcut_canvas_context_draw_rect (StormcutCanvas        *self,
                                   const StormcutContext *context,
                                   graphene_rect_t       *rect)
{
  context_rect (context, rect);
  if (self->drag_mode == DRAG_FRAME_MOVE && self->drag_contexts != NULL &&
      g_hash_table_contains (self->drag_contexts, context->id))
    {
      rect->origin.x += self->drag_dx;
      rect->origin.y += self->drag_dy;
    }
  else if (self->drag_mode == DRAG_FRAME_RESIZE && g_strcmp0 (self->drag_id, context->id) == 0)
    {
      *rect = self->drag_frame;
    }
}

/* --- spatial index ------------------------------------------------------------------ */

static void
index_clear (StormcutCanvas *self)
{
  g_clear_pointer (&self->element_index, g_hash_table_unref);
  g_clear_pointer (&self->element_slot, g_free);
  g_clear_pointer (&self->grid, stormcut_board_index_free);
  g_clear_pointer (&self->links, g_array_unref);
  g_array_set_size (self->slots, 0);
  self->elements = NULL;
  self->has_bounds = FALSE;
}

static void
bounds_add (StormcutCanvas        *self,
            const graphene_rect_t *rect)
{
  if (!self->has_bounds)
    {
      self->bounds = *rect;
      self->has_bounds = TRUE;
      return;
    }
  graphene_rect_union (&self->bounds, rect, &self->bounds);
}

static guint
color_slot (StormcutCanvas *self,
            GHashTable     *slot_of_color,
            const char     *color)
{
  gpointer value;
  GdkRGBA rgba;

  if (g_hash_table_lookup_extended (slot_of_color, color, NULL, &value))
    return GPOINTER_TO_UINT (value);

  stormcut_board_style_parse_color (color, &rgba);
  g_array_append_val (self->slots, rgba);
  g_hash_table_insert (slot_of_color, (gpointer) color, GUINT_TO_POINTER (self->slots->len - 1));

  return self->slots->len - 1;
}

void
stormcut_canvas_ensure_index (StormcutCanvas *self)
{
  g_autoptr(GHashTable) slot_of_color = NULL;
  GPtrArray *contexts, *model_links;
  guint n;

  if (!self->index_dirty)
    return;

  self->index_dirty = FALSE;
  index_clear (self);
  if (self->model == NULL)
    return;

  self->elements = stormcut_model_get_elements (self->model);
  n = self->elements->len;
  self->element_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->element_slot = g_new0 (guint, MAX (n, 1));
  self->links = g_array_new (FALSE, FALSE, sizeof (LinkGeometry));
  slot_of_color = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const StormcutElement *element = g_ptr_array_index (self->elements, i);
      graphene_rect_t rect;

      g_hash_table_insert (self->element_index, element->id, GUINT_TO_POINTER (i + 1));
      self->element_slot[i] = color_slot (self, slot_of_color, stormcut_element_get_color (element));
      stormcut_canvas_element_rect (element, &rect);
      bounds_add (self, &rect);
    }

  contexts = stormcut_model_get_contexts (self->model);
  for (guint i = 0; i < contexts->len; i++)
    {
      graphene_rect_t rect;

      context_rect (g_ptr_array_index (contexts, i), &rect);
      bounds_add (self, &rect);
    }

  model_links = stormcut_model_get_links (self->model);
  for (guint i = 0; i < model_links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (model_links, i);
      guint source = GPOINTER_TO_UINT (g_hash_table_lookup (self->element_index, link->source_id));
      guint target = GPOINTER_TO_UINT (g_hash_table_lookup (self->element_index, link->target_id));
      LinkGeometry geometry;
      graphene_rect_t a, b;

      if (source == 0 || target == 0)
        continue;

      geometry.id = link->id;
      geometry.source = source - 1;
      geometry.target = target - 1;
      geometry.async = stormcut_grammar_is_async (((StormcutElement *) g_ptr_array_index (self->elements, source - 1))->kind,
                                                  ((StormcutElement *) g_ptr_array_index (self->elements, target - 1))->kind);
      stormcut_canvas_element_rect (g_ptr_array_index (self->elements, source - 1), &a);
      stormcut_canvas_element_rect (g_ptr_array_index (self->elements, target - 1), &b);
      graphene_rect_union (&a, &b, &geometry.box);
      g_array_append_val (self->links, geometry);
    }

  self->grid = stormcut_board_index_new (self->elements);
}

const StormcutElement *
stormcut_canvas_element_by_index (StormcutCanvas *self,
                                  guint           index)
{
  return g_ptr_array_index (self->elements, index);
}

int
stormcut_canvas_element_index_of (StormcutCanvas *self,
                                  const char     *id)
{
  stormcut_canvas_ensure_index (self);
  if (id == NULL || self->element_index == NULL)
    return -1;

  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->element_index, id)) - 1;
}

/* Indices of the elements that intersect @area, in document (drawing) order. */
void
stormcut_canvas_index_query (StormcutCanvas        *self,
                             const graphene_rect_t *area,
                             GArray                *out)
{
  stormcut_canvas_ensure_index (self);
  if (self->grid != NULL)
    stormcut_board_index_query (self->grid, area, out);
}

/* The topmost element under the board point, or -1. */
static int
element_at (StormcutCanvas *self,
            double          bx,
            double          by)
{
  stormcut_canvas_ensure_index (self);

  return self->grid != NULL ? stormcut_board_index_element_at (self->grid, bx, by) : -1;
}

/* Distance from (@px, @py) to the axis-aligned segment (@x0, @y0)–(@x1, @y1). */
static double
segment_distance (double px,
                  double py,
                  double x0,
                  double y0,
                  double x1,
                  double y1)
{
  return hypot (px - CLAMP (px, MIN (x0, x1), MAX (x0, x1)),
                py - CLAMP (py, MIN (y0, y1), MAX (y0, y1)));
}

typedef struct {
  guint  index;
  double distance;
} LinkHit;

/* The links whose drawn route (the elbow connector of the board) passes nearest the widget
 * point, within LINK_HIT_PIXELS (tested in board units): one, or several when their lines
 * lie on each other (links leaving the same side of a sticky share their first piece).
 * Indices into self->links in drawing order, appended to @out.  Not while stickies are
 * being dragged (the boxes do not follow the preview). */
static void
links_at (StormcutCanvas *self,
          double          wx,
          double          wy,
          GArray         *out)
{
  g_autoptr(GArray) hits = NULL;
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  double tolerance = LINK_HIT_PIXELS / zoom;
  double best = G_MAXDOUBLE;
  double bx, by;

  stormcut_canvas_ensure_index (self);
  if (self->links == NULL)
    return;

  hits = g_array_new (FALSE, FALSE, sizeof (LinkHit));
  stormcut_viewport_widget_to_board (self->viewport, wx, wy, &bx, &by);
  for (guint i = 0; i < self->links->len; i++)
    {
      const LinkGeometry *geometry = &g_array_index (self->links, LinkGeometry, i);
      LinkHit hit = { i, G_MAXDOUBLE };
      graphene_rect_t a, b;
      double points[8];
      StormcutHeadDirection direction;
      guint n_points;

      if (bx < geometry->box.origin.x - tolerance || by < geometry->box.origin.y - tolerance ||
          bx > geometry->box.origin.x + geometry->box.size.width + tolerance ||
          by > geometry->box.origin.y + geometry->box.size.height + tolerance)
        continue;

      stormcut_canvas_element_rect (stormcut_canvas_element_by_index (self, geometry->source), &a);
      stormcut_canvas_element_rect (stormcut_canvas_element_by_index (self, geometry->target), &b);
      n_points = stormcut_board_style_route_link (&a, &b, points, &direction);
      for (guint k = 0; k + 1 < n_points; k++)
        hit.distance = MIN (hit.distance, segment_distance (bx, by, points[2 * k], points[2 * k + 1],
                                                            points[2 * k + 2], points[2 * k + 3]));
      if (hit.distance <= tolerance)
        {
          g_array_append_val (hits, hit);
          best = MIN (best, hit.distance);
        }
    }

  /* Lines less than a pixel apart are one line to the eye. */
  for (guint k = 0; k < hits->len; k++)
    if (g_array_index (hits, LinkHit, k).distance <= best + 1.0 / zoom)
      g_array_append_val (out, g_array_index (hits, LinkHit, k).index);
}

/* The link drawn on top nearest the widget point (see links_at()), or -1. */
static int
link_at (StormcutCanvas *self,
         double          wx,
         double          wy)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  links_at (self, wx, wy, found);

  return found->len > 0 ? (int) g_array_index (found, guint, found->len - 1) : -1;
}

/* The link a click at the widget point selects: the one on top; clicking again where
 * several lines lie on each other selects the next one down, and so round. */
static int
link_to_select_at (StormcutCanvas *self,
                   double          wx,
                   double          wy)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n;

  links_at (self, wx, wy, found);
  n = found->len;
  if (n == 0)
    return -1;

  for (guint k = n; k-- > 0;)
    {
      const char *id = g_array_index (self->links, LinkGeometry, g_array_index (found, guint, k)).id;

      if (stormcut_canvas_is_link_selected (self, id))
        return (int) g_array_index (found, guint, (k + n - 1) % n);
    }

  return (int) g_array_index (found, guint, n - 1);
}

static gboolean
area_is_free (StormcutCanvas        *self,
              const graphene_rect_t *area)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
  graphene_rect_t inner;

  graphene_rect_inset_r (area, 2, 2, &inner);
  stormcut_canvas_index_query (self, &inner, hits);

  return hits->len == 0;
}

/* Moves @rect by (@step_x, @step_y) until it covers no sticky (at most 200 steps). */
static void
find_free_spot (StormcutCanvas  *self,
                graphene_rect_t *rect,
                double           step_x,
                double           step_y)
{
  for (int tries = 0; tries < 200 && !area_is_free (self, rect); tries++)
    {
      rect->origin.x += step_x;
      rect->origin.y += step_y;
    }
}

/* --- caches --------------------------------------------------------------------------- */

LayoutEntry *
stormcut_canvas_element_layout (StormcutCanvas        *self,
                                const StormcutElement *element)
{
  LayoutEntry *entry = g_hash_table_lookup (self->layouts, element->id);
  graphene_rect_t rect, area;
  PangoRectangle logical;

  if (entry != NULL &&
      entry->kind == element->kind &&
      entry->width == element->width &&
      entry->height == element->height &&
      g_strcmp0 (entry->name, element->name) == 0)
    return entry;

  stormcut_canvas_element_rect (element, &rect);
  stormcut_board_style_text_area (element->kind, &rect, &area);

  entry = g_new0 (LayoutEntry, 1);
  entry->name = g_strdup (element->name);
  entry->kind = element->kind;
  entry->width = element->width;
  entry->height = element->height;
  entry->layout = stormcut_board_style_create_sticky_layout (self->pango_context, element->kind,
                                                             element->name, &area);
  pango_layout_get_extents (entry->layout, NULL, &logical);
  entry->text_height = (double) logical.height / PANGO_SCALE;
  g_hash_table_replace (self->layouts, g_strdup (element->id), entry);

  return entry;
}

/* Number of grammar warnings of the element, computed once per model revision. */
guint
stormcut_canvas_element_problem_count (StormcutCanvas        *self,
                                       const StormcutElement *element)
{
  guint64 revision = stormcut_model_get_revision (self->model);
  g_autoptr(GPtrArray) problems = NULL;
  gpointer value;

  if (revision != self->problems_revision)
    {
      g_hash_table_remove_all (self->problems);
      self->problems_revision = revision;
    }

  if (g_hash_table_lookup_extended (self->problems, element->id, NULL, &value))
    return GPOINTER_TO_UINT (value);

  problems = stormcut_model_check_element (self->model, element->id);
  g_hash_table_insert (self->problems, g_strdup (element->id),
                       GUINT_TO_POINTER (problems != NULL ? problems->len : 0));

  return problems != NULL ? problems->len : 0;
}

static gboolean
element_matches (const StormcutElement *element,
                 const char            *folded_text)
{
  g_autofree char *name = fold_text (element->name);
  g_autofree char *code_name = fold_text (element->code_name);

  return (name != NULL && strstr (name, folded_text) != NULL) ||
         (code_name != NULL && strstr (code_name, folded_text) != NULL);
}

void
stormcut_canvas_ensure_search (StormcutCanvas *self)
{
  guint64 revision;
  GPtrArray *elements;

  if (self->search_text == NULL || self->model == NULL)
    {
      g_hash_table_remove_all (self->search_hits);
      return;
    }

  revision = stormcut_model_get_revision (self->model);
  if (!self->search_dirty && revision == self->search_revision)
    return;

  self->search_dirty = FALSE;
  self->search_revision = revision;
  g_hash_table_remove_all (self->search_hits);

  elements = stormcut_model_get_elements (self->model);
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);

      if (element_matches (element, self->search_text))
        g_hash_table_add (self->search_hits, g_strdup (element->id));
    }
}

gboolean
stormcut_canvas_is_search_hit (StormcutCanvas *self,
                               const char     *id)
{
  return self->search_text != NULL && g_hash_table_contains (self->search_hits, id);
}

/* --- selection ---------------------------------------------------------------------- */

static void
update_actions (StormcutCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = g_hash_table_size (self->selection);
  gboolean has_model = self->model != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.delete",
                                 n > 0 || g_hash_table_size (self->selected_links) > 0 || self->selected_context != NULL);
  gtk_widget_action_set_enabled (widget, "canvas.cut", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.copy", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.duplicate", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.paste", has_model);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", has_model);
  gtk_widget_action_set_enabled (widget, "canvas.rename", n == 1 || (n == 0 && self->selected_context != NULL));
  gtk_widget_action_set_enabled (widget, "canvas.align-left", n > 1);
  gtk_widget_action_set_enabled (widget, "canvas.align-top", n > 1);
  gtk_widget_action_set_enabled (widget, "canvas.distribute-horizontally", n > 2);
  gtk_widget_action_set_enabled (widget, "canvas.distribute-vertically", n > 2);
  gtk_widget_action_set_enabled (widget, "canvas.frame-selection", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.add-sticky", has_model);
  gtk_widget_action_set_enabled (widget, "canvas.next-step", has_model);
  gtk_widget_action_set_enabled (widget, "canvas.previous-step", has_model);
}

static void
selection_changed (StormcutCanvas *self)
{
  stormcut_canvas_invalidate_layer (self);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static gboolean
clear_selection_quietly (StormcutCanvas *self)
{
  gboolean changed = g_hash_table_size (self->selection) > 0 || g_hash_table_size (self->selected_links) > 0 ||
                     self->selected_context != NULL;

  g_hash_table_remove_all (self->selection);
  g_hash_table_remove_all (self->selected_links);
  g_clear_pointer (&self->selected_context, g_free);

  return changed;
}

static void
set_anchor (StormcutCanvas *self,
            const char     *id)
{
  if (id != self->anchor_id)
    {
      g_free (self->anchor_id);
      self->anchor_id = g_strdup (id);
    }
}

/* Replaces the selection with the ids in @ids (element ids). */
static void
select_ids (StormcutCanvas *self,
            GPtrArray      *ids,
            gboolean        extend)
{
  if (!extend)
    clear_selection_quietly (self);
  else
    g_clear_pointer (&self->selected_context, g_free);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (self->selection, g_strdup (g_ptr_array_index (ids, i)));
  if (ids->len > 0)
    set_anchor (self, g_ptr_array_index (ids, ids->len - 1));

  selection_changed (self);
}

/* The sticky new steps go next to: the anchor when selected, else the last selected. */
static const StormcutElement *
selection_anchor (StormcutCanvas *self)
{
  g_auto(GStrv) ids = NULL;
  guint n;

  if (self->model == NULL || g_hash_table_size (self->selection) == 0)
    return NULL;
  if (stormcut_canvas_is_selected (self, self->anchor_id))
    {
      const StormcutElement *anchor = stormcut_model_get_element (self->model, self->anchor_id);

      if (anchor != NULL)
        return anchor;
    }

  ids = stormcut_canvas_get_selected_elements (self);
  n = g_strv_length (ids);

  return n > 0 ? stormcut_model_get_element (self->model, ids[n - 1]) : NULL;
}

/* Selected element ids as a GPtrArray of owned strings, in document order. */
static GPtrArray *
selected_ids (StormcutCanvas *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *elements;

  if (self->model == NULL || g_hash_table_size (self->selection) == 0)
    return ids;

  elements = stormcut_model_get_elements (self->model);
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);

      if (stormcut_canvas_is_selected (self, element->id))
        g_ptr_array_add (ids, g_strdup (element->id));
    }

  return ids;
}

/* Selected link ids as a GPtrArray of owned strings, in document order. */
static GPtrArray *
selected_link_ids (StormcutCanvas *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *links;

  if (self->model == NULL || g_hash_table_size (self->selected_links) == 0)
    return ids;

  links = stormcut_model_get_links (self->model);
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);

      if (stormcut_canvas_is_link_selected (self, link->id))
        g_ptr_array_add (ids, g_strdup (link->id));
    }

  return ids;
}

/* Forgets selected links the model no longer has.  TRUE when some were dropped. */
static gboolean
drop_missing_links (StormcutCanvas *self)
{
  GHashTableIter iter;
  gpointer key;
  gboolean dropped = FALSE;

  g_hash_table_iter_init (&iter, self->selected_links);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (self->model == NULL || stormcut_model_get_link (self->model, key) == NULL)
      {
        g_hash_table_iter_remove (&iter);
        dropped = TRUE;
      }

  return dropped;
}

/* --- model edits ---------------------------------------------------------------------- */

/* Closes the group opened for an edit: commits it when @ok, else reverts it and shows
 * @error.  Takes @error. */
static gboolean
end_edit (StormcutCanvas *self,
          gboolean        ok,
          GError         *error)
{
  g_autoptr(GError) local_error = error;

  if (!ok)
    {
      stormcut_model_abort_group (self->model);
      report_error (self, local_error);
      return FALSE;
    }

  if (!stormcut_model_end_group (self->model, &local_error))
    {
      report_error (self, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Membership follows the frames: each element of @ids is assigned to the innermost
 * context that contains its centre (or to none). */
static gboolean
reassign_elements (StormcutCanvas  *self,
                   GPtrArray       *ids,
                   GError         **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const StormcutElement *element = stormcut_model_get_element (self->model, id);
      const StormcutContext *context;
      g_autofree char *context_id = NULL;
      double cx, cy;

      if (element == NULL)
        continue;

      element_center (element, &cx, &cy);
      context = stormcut_model_context_at (self->model, cx, cy);
      context_id = context != NULL ? g_strdup (context->id) : NULL;
      if (g_strcmp0 (context_id, element->context_id) != 0 &&
          !stormcut_model_assign_element (self->model, id, context_id, error))
        return FALSE;
    }

  return TRUE;
}

/* Ids (owned) of the elements whose centre lies inside @area. */
static void
add_elements_in_area (StormcutCanvas        *self,
                      const graphene_rect_t *area,
                      GPtrArray             *ids)
{
  GPtrArray *elements = stormcut_model_get_elements (self->model);

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      double cx, cy;

      element_center (element, &cx, &cy);
      if (rect_contains (area, cx, cy))
        g_ptr_array_add (ids, g_strdup (element->id));
    }
}

static gboolean
move_elements (StormcutCanvas  *self,
               GPtrArray       *ids,
               double           dx,
               double           dy,
               GError         **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const StormcutElement *element = stormcut_model_get_element (self->model, id);

      if (element == NULL)
        continue;
      if (!stormcut_model_move_element (self->model, id, round (element->x + dx), round (element->y + dy), error))
        return FALSE;
    }

  return TRUE;
}

static void
commit_move (StormcutCanvas *self,
             GPtrArray      *ids,
             double          dx,
             double          dy)
{
  g_autofree char *label = NULL;
  GError *error = NULL;
  gboolean ok;

  if (ids->len == 0 || (round (dx) == 0 && round (dy) == 0))
    return;

  label = g_strdup_printf (ngettext ("Move %u sticky", "Move %u stickies", ids->len), ids->len);
  stormcut_model_begin_group (self->model, label);
  ok = move_elements (self, ids, dx, dy, &error) &&
       reassign_elements (self, ids, &error);
  end_edit (self, ok, error);
}

/* Moves a frame with everything inside it: its stickies and the frames nested in it. */
static void
commit_frame_move (StormcutCanvas *self,
                   const char     *context_id,
                   GHashTable     *element_ids,
                   GHashTable     *context_ids,
                   double          dx,
                   double          dy)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func (g_free);
  const StormcutContext *context = stormcut_model_get_context (self->model, context_id);
  GHashTableIter iter;
  gpointer key;
  GError *error = NULL;
  gboolean ok = TRUE;

  dx = round (dx);
  dy = round (dy);
  if (context == NULL || (dx == 0 && dy == 0))
    return;

  g_hash_table_iter_init (&iter, element_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (moved, g_strdup (key));
  g_hash_table_iter_init (&iter, context_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (frames, g_strdup (key));

  stormcut_model_begin_group (self->model, _("Move bounded context"));
  for (guint i = 0; ok && i < frames->len; i++)
    {
      const StormcutContext *frame = stormcut_model_get_context (self->model, g_ptr_array_index (frames, i));

      if (frame != NULL)
        ok = stormcut_model_set_context_frame (self->model, frame->id, frame->x + dx, frame->y + dy,
                                               frame->width, frame->height, &error);
    }
  ok = ok && move_elements (self, moved, dx, dy, &error);
  if (ok)
    {
      graphene_rect_t area;

      context = stormcut_model_get_context (self->model, context_id);
      context_rect (context, &area);
      add_elements_in_area (self, &area, moved);
      ok = reassign_elements (self, moved, &error);
    }
  end_edit (self, ok, error);
}

static void
commit_frame_resize (StormcutCanvas        *self,
                     const char            *context_id,
                     const graphene_rect_t *frame)
{
  g_autoptr(GPtrArray) affected = g_ptr_array_new_with_free_func (g_free);
  const StormcutContext *context = stormcut_model_get_context (self->model, context_id);
  graphene_rect_t old_frame;
  GError *error = NULL;
  gboolean ok;

  if (context == NULL)
    return;

  context_rect (context, &old_frame);
  add_elements_in_area (self, &old_frame, affected);
  add_elements_in_area (self, frame, affected);

  stormcut_model_begin_group (self->model, _("Resize bounded context"));
  ok = stormcut_model_set_context_frame (self->model, context_id,
                                         round (frame->origin.x), round (frame->origin.y),
                                         round (frame->size.width), round (frame->size.height), &error) &&
       reassign_elements (self, affected, &error);
  end_edit (self, ok, error);
}

/* Adds a bounded context with @frame, assigns what it contains and opens its name for
 * editing. */
static void
create_context (StormcutCanvas        *self,
                const graphene_rect_t *frame)
{
  g_autoptr(GPtrArray) inside = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  g_autofree char *context_id = NULL;
  const StormcutContext *context;
  GError *error = NULL;
  gboolean ok = FALSE;

  /* TRANSLATORS: name of a new bounded context until the user types one; %u is a number */
  name = g_strdup_printf (_("Context %u"), stormcut_model_get_contexts (self->model)->len + 1);

  stormcut_model_begin_group (self->model, _("Add bounded context"));
  context = stormcut_model_add_context (self->model, name,
                                        round (frame->origin.x), round (frame->origin.y),
                                        round (frame->size.width), round (frame->size.height), &error);
  if (context != NULL)
    {
      context_id = g_strdup (context->id);
      add_elements_in_area (self, frame, inside);
      ok = reassign_elements (self, inside, &error);
    }
  if (!end_edit (self, ok, error))
    return;

  stormcut_canvas_select_context (self, context_id);
  stormcut_canvas_begin_rename (self);
}

/* Deletes the selected stickies and, with @with_links, the selected links too (cut takes
 * only what it copied: the stickies and the links between them). */
static void
delete_selection (StormcutCanvas *self,
                  gboolean        with_links)
{
  g_autoptr(GPtrArray) ids = selected_ids (self);
  g_autoptr(GPtrArray) links = with_links ? selected_link_ids (self) : g_ptr_array_new ();
  GError *error = NULL;
  gboolean ok = TRUE;

  if (ids->len > 0 || links->len > 0)
    {
      g_autofree char *label = NULL;

      if (links->len == 0)
        label = g_strdup_printf (ngettext ("Delete %u sticky", "Delete %u stickies", ids->len), ids->len);
      else if (ids->len == 0)
        label = g_strdup_printf (ngettext ("Delete %u link", "Delete %u links", links->len), links->len);
      else
        label = g_strdup (_("Delete stickies and links"));

      /* One undo step.  Links first: a removed sticky takes its own links with it. */
      stormcut_model_begin_group (self->model, label);
      for (guint i = 0; ok && i < links->len; i++)
        if (stormcut_model_get_link (self->model, g_ptr_array_index (links, i)) != NULL)
          ok = stormcut_model_remove_link (self->model, g_ptr_array_index (links, i), &error);
      for (guint i = 0; ok && i < ids->len; i++)
        ok = stormcut_model_remove_element (self->model, g_ptr_array_index (ids, i), &error);
      end_edit (self, ok, error);
    }
  else if (self->selected_context != NULL)
    {
      g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *context_id = g_strdup (self->selected_context);
      const StormcutContext *context = stormcut_model_get_context (self->model, context_id);
      graphene_rect_t frame;

      if (context == NULL)
        return;

      /* Its stickies fall to the frame around it, if there is one. */
      context_rect (context, &frame);
      add_elements_in_area (self, &frame, members);
      stormcut_model_begin_group (self->model, _("Delete bounded context"));
      ok = stormcut_model_remove_context (self->model, context_id, &error) &&
           reassign_elements (self, members, &error);
      end_edit (self, ok, error);
    }
}

/* --- clipboard ------------------------------------------------------------------------ */

/* The selected stickies and the links between them, as model XML. */
static char *
selection_to_xml (StormcutCanvas  *self,
                  GError         **error)
{
  g_autoptr(StormcutModel) clip = stormcut_model_new ();
  g_autoptr(GPtrArray) ids = selected_ids (self);
  g_autoptr(GBytes) bytes = NULL;
  GPtrArray *links;
  gsize size;
  const char *data;

  for (guint i = 0; i < ids->len; i++)
    {
      const StormcutElement *element = stormcut_model_get_element (self->model, g_ptr_array_index (ids, i));
      g_autoptr(StormcutElement) copy = stormcut_element_copy (element);

      g_clear_pointer (&copy->context_id, g_free);
      if (stormcut_model_insert_element (clip, copy, error) == NULL)
        return NULL;
    }

  links = stormcut_model_get_links (self->model);
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);

      if (stormcut_canvas_is_selected (self, link->source_id) && stormcut_canvas_is_selected (self, link->target_id) &&
          stormcut_model_insert_link (clip, link, error) == NULL)
        return NULL;
    }

  bytes = stormcut_model_to_xml (clip, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static gboolean
copy_selection (StormcutCanvas *self)
{
  g_autoptr(GError) error = NULL;
  char *xml;

  if (self->model == NULL || g_hash_table_size (self->selection) == 0)
    return FALSE;

  xml = selection_to_xml (self, &error);
  if (xml == NULL)
    {
      report_error (self, error);
      return FALSE;
    }

  g_free (self->clip_xml);
  self->clip_xml = xml;
  self->paste_count = 0;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), xml);

  return TRUE;
}

/* Adds the stickies and links of a model XML document, moved by (@dx, @dy), and selects
 * them. */
static void
paste_xml (StormcutCanvas *self,
           const char     *xml,
           double          dx,
           double          dy)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(StormcutModel) clip = stormcut_model_from_xml (xml, strlen (xml), &parse_error);
  g_autoptr(GHashTable) new_ids = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autofree char *label = NULL;
  GPtrArray *elements, *links;
  GError *error = NULL;
  gboolean ok = TRUE;

  if (clip == NULL)
    {
      report_error (self, parse_error);
      return;
    }

  elements = stormcut_model_get_elements (clip);
  if (elements->len == 0)
    {
      emit_status (self, _("The clipboard holds no stickies to paste."));
      return;
    }

  new_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  added = g_ptr_array_new_with_free_func (g_free);
  label = g_strdup_printf (ngettext ("Paste %u sticky", "Paste %u stickies", elements->len), elements->len);

  stormcut_model_begin_group (self->model, label);
  for (guint i = 0; ok && i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      g_autoptr(StormcutElement) copy = stormcut_element_copy (element);
      const StormcutElement *inserted;

      g_clear_pointer (&copy->id, g_free);
      g_clear_pointer (&copy->context_id, g_free);
      copy->x = round (copy->x + dx);
      copy->y = round (copy->y + dy);
      copy->ordinal = 0;
      inserted = stormcut_model_insert_element (self->model, copy, &error);
      ok = inserted != NULL;
      if (ok)
        {
          g_hash_table_insert (new_ids, g_strdup (element->id), g_strdup (inserted->id));
          g_ptr_array_add (added, g_strdup (inserted->id));
        }
    }

  links = stormcut_model_get_links (clip);
  for (guint i = 0; ok && i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);
      const char *source = g_hash_table_lookup (new_ids, link->source_id);
      const char *target = g_hash_table_lookup (new_ids, link->target_id);

      if (source != NULL && target != NULL)
        ok = stormcut_model_add_link (self->model, source, target, &error) != NULL;
    }
  ok = ok && reassign_elements (self, added, &error);
  if (end_edit (self, ok, error))
    select_ids (self, added, FALSE);
}

/* Where a row of new stickies starts: right of the selection, else in the middle of
 * the view. */
static void
placement_for (StormcutCanvas  *self,
               StormcutKind     kind,
               graphene_rect_t *rect)
{
  const StormcutElement *anchor = selection_anchor (self);
  double w, h;

  stormcut_kind_get_default_size (kind, &w, &h);
  if (anchor != NULL)
    {
      graphene_rect_init (rect, anchor->x + anchor->width + STORMCUT_BOARD_GAP, anchor->y, w, h);
      find_free_spot (self, rect, w + STORMCUT_BOARD_GAP, 0);
    }
  else
    {
      graphene_rect_t visible;

      stormcut_viewport_get_visible_area (self->viewport, &visible);
      graphene_rect_init (rect,
                          round ((visible.origin.x + visible.size.width / 2 - w / 2) / 10) * 10,
                          round ((visible.origin.y + visible.size.height / 2 - h / 2) / 10) * 10,
                          w, h);
      find_free_spot (self, rect, w + STORMCUT_BOARD_GAP, 0);
    }
}

/* Plain text pasted on the board: one domain event per line, in a row. */
static void
paste_lines (StormcutCanvas *self,
             const char     *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  graphene_rect_t rect;
  GError *error = NULL;
  gboolean ok = TRUE;
  guint n = 0;

  placement_for (self, STORMCUT_KIND_EVENT, &rect);
  stormcut_model_begin_group (self->model, _("Paste text as events"));
  for (guint i = 0; ok && lines[i] != NULL && n < MAX_PASTED_LINES; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (lines[i]));
      const StormcutElement *element;

      if (*name == '\0' || !g_utf8_validate (name, -1, NULL))
        continue;

      find_free_spot (self, &rect, rect.size.width + STORMCUT_BOARD_GAP, 0);
      element = stormcut_model_add_element (self->model, STORMCUT_KIND_EVENT, name,
                                            rect.origin.x, rect.origin.y, &error);
      ok = element != NULL;
      if (ok)
        {
          g_ptr_array_add (added, g_strdup (element->id));
          rect.origin.x += element->width + STORMCUT_BOARD_GAP;
          n++;
        }
    }
  ok = ok && reassign_elements (self, added, &error);
  if (end_edit (self, ok, error) && added->len > 0)
    select_ids (self, added, FALSE);
}

static void
paste_text (StormcutCanvas *self,
            const char     *text)
{
  double offset;

  if (self->model == NULL)
    return;
  if (text == NULL || *text == '\0')
    {
      emit_status (self, _("There is nothing to paste."));
      return;
    }

  if (strstr (text, STORMCUT_XML_NAMESPACE) != NULL)
    {
      self->paste_count++;
      offset = STORMCUT_BOARD_GAP * self->paste_count;
      paste_xml (self, text, offset, offset);
    }
  else
    {
      paste_lines (self, text);
    }
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(StormcutCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL && self->clip_xml != NULL)
    text = g_strdup (self->clip_xml);

  paste_text (self, text);
}

/* --- inline editor ------------------------------------------------------------------- */

static void
update_editor_style (StormcutCanvas *self)
{
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  double size = self->edit_mode == EDIT_RENAME_CONTEXT
                ? stormcut_canvas_frame_title_pixels (zoom)
                : CLAMP (stormcut_board_style_font_size (self->edit_kind) * zoom, 9.0, 40.0);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (size * PANGO_SCALE)));
  pango_attr_list_insert (attrs, pango_attr_foreground_new (0x1e00, 0x1e00, 0x2000));
  if (self->edit_mode == EDIT_RENAME_CONTEXT)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_text_set_attributes (GTK_TEXT (self->editor), attrs);
  pango_attr_list_unref (attrs);

  gtk_editable_set_alignment (GTK_EDITABLE (self->editor), self->edit_mode == EDIT_RENAME_CONTEXT ? 0.0f : 0.5f);
}

static void
begin_editing (StormcutCanvas        *self,
               EditMode               mode,
               StormcutKind           kind,
               const graphene_rect_t *rect,
               const char            *text,
               const char            *target)
{
  if (self->edit_mode != EDIT_NONE)
    finish_editing (self, TRUE, FALSE);

  stormcut_canvas_invalidate_layer (self);
  self->edit_mode = mode;
  self->edit_kind = kind;
  self->edit_step = 0;
  self->edit_rect = *rect;
  g_free (self->edit_target);
  self->edit_target = g_strdup (target);

  if (stormcut_viewport_get_zoom (self->viewport) < 0.5)
    {
      double width, height;

      /* Too far away to read what is typed: come close to the sticky first. */
      self->fit_pending = FALSE;
      stormcut_viewport_get_view_size (self->viewport, &width, &height);
      stormcut_viewport_zoom_at (self->viewport, 0.8, width / 2, height / 2);
      stormcut_viewport_set_origin (self->viewport,
                                    rect->origin.x + rect->size.width / 2 - width / 2 / 0.8,
                                    rect->origin.y + rect->size.height / 2 - height / 2 / 0.8);
    }
  stormcut_viewport_ensure_visible (self->viewport, rect, 48);
  update_editor_style (self);
  gtk_editable_set_text (GTK_EDITABLE (self->editor), text != NULL ? text : "");
  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_grab_focus (self->editor);
  gtk_editable_select_region (GTK_EDITABLE (self->editor), 0, -1);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
commit_quick_add (StormcutCanvas *self,
                  const char     *name,
                  StormcutKind    kind,
                  double          x,
                  double          y,
                  const char     *link_from,
                  const char     *link_to)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) link_error = NULL;
  const StormcutElement *element;
  GError *error = NULL;
  gboolean ok = FALSE;

  stormcut_model_begin_group (self->model, _("Add sticky"));
  element = stormcut_model_add_element (self->model, kind, name, x, y, &error);
  if (element != NULL)
    {
      const char *id;

      g_ptr_array_add (added, g_strdup (element->id));
      id = g_ptr_array_index (added, 0);
      ok = reassign_elements (self, added, &error);

      /* A link the grammar refuses does not undo the sticky; it is only reported. */
      if (ok && link_from != NULL && stormcut_model_get_element (self->model, link_from) != NULL)
        stormcut_model_add_link (self->model, link_from, id, &link_error);
      else if (ok && link_to != NULL && stormcut_model_get_element (self->model, link_to) != NULL)
        stormcut_model_add_link (self->model, id, link_to, &link_error);
    }
  if (!end_edit (self, ok, error))
    return;

  report_error (self, link_error);
  self->last_kind = kind;
  select_ids (self, added, FALSE);
}

/* Closes the inline editor; with @commit its text is applied to the model. */
static void
finish_editing (StormcutCanvas *self,
                gboolean        commit,
                gboolean        restore_focus)
{
  EditMode mode = self->edit_mode;
  g_autofree char *text = NULL;
  g_autofree char *target = g_steal_pointer (&self->edit_target);
  g_autofree char *link_from = g_steal_pointer (&self->edit_link_from);
  g_autofree char *link_to = g_steal_pointer (&self->edit_link_to);
  g_autoptr(GError) error = NULL;

  if (mode == EDIT_NONE)
    return;

  /* Leave editing first: hiding the editor moves the focus, which calls back here. */
  self->edit_mode = EDIT_NONE;
  stormcut_canvas_invalidate_layer (self);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->editor))));
  if (restore_focus || gtk_widget_has_focus (self->editor))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (!commit || self->model == NULL || *text == '\0')
    return;

  switch (mode)
    {
    case EDIT_QUICK_ADD:
      commit_quick_add (self, text, self->edit_kind,
                        self->edit_rect.origin.x, self->edit_rect.origin.y, link_from, link_to);
      break;

    case EDIT_RENAME_ELEMENT:
      {
        const StormcutElement *element = stormcut_model_get_element (self->model, target);

        if (element != NULL && g_strcmp0 (element->name, text) != 0 &&
            !stormcut_model_rename_element (self->model, target, text, &error))
          report_error (self, error);
      }
      break;

    case EDIT_RENAME_CONTEXT:
      {
        const StormcutContext *context = stormcut_model_get_context (self->model, target);

        if (context != NULL && g_strcmp0 (context->name, text) != 0 &&
            !stormcut_model_rename_context (self->model, target, text, &error))
          report_error (self, error);
      }
      break;

    case EDIT_NONE:
    default:
      break;
    }
}

static void
begin_quick_add_at (StormcutCanvas        *self,
                    StormcutKind           kind,
                    const graphene_rect_t *rect,
                    const char            *link_from,
                    const char            *link_to)
{
  begin_editing (self, EDIT_QUICK_ADD, kind, rect, "", NULL);
  self->edit_link_from = g_strdup (link_from);
  self->edit_link_to = g_strdup (link_to);
}

static void
editor_activate_cb (GtkText        *text,
                    StormcutCanvas *self)
{
  finish_editing (self, TRUE, TRUE);
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       StormcutCanvas          *self)
{
  /* Clicking elsewhere keeps what was typed, like the GNOME apps do. */
  finish_editing (self, TRUE, FALSE);
}

/* Adds the next (or previous) step of the flow next to the anchor sticky, linked to it
 * when the grammar allows, and opens its name for typing. */
/* Where a step of @kind goes next to @anchor: right of it (next) or left of it. */
static void
step_rect (const StormcutElement *anchor,
           StormcutKind           kind,
           gboolean               next,
           graphene_rect_t       *rect)
{
  double w, h;

  stormcut_kind_get_default_size (kind, &w, &h);
  graphene_rect_init (rect,
                      next ? anchor->x + anchor->width + STORMCUT_BOARD_GAP : anchor->x - STORMCUT_BOARD_GAP - w,
                      anchor->y, w, h);
}

/* Tab again on a step not named yet: offer the next kind that may follow (or precede). */
static gboolean
cycle_step_kind (StormcutCanvas *self,
                 gboolean        next)
{
  const StormcutElement *anchor;
  const StormcutKind *kinds;
  graphene_rect_t rect;
  guint n = 0, i;

  if (self->edit_mode != EDIT_QUICK_ADD || self->edit_step != (next ? 1 : -1) ||
      *gtk_editable_get_text (GTK_EDITABLE (self->editor)) != '\0')
    return FALSE;

  anchor = stormcut_model_get_element (self->model, next ? self->edit_link_from : self->edit_link_to);
  if (anchor == NULL)
    return FALSE;

  kinds = next ? next_kinds[anchor->kind] : previous_kinds[anchor->kind];
  while (n < 4 && kinds[n] != END_OF_STEPS)
    n++;
  for (i = 0; i < n && kinds[i] != self->edit_kind; i++)
    ;
  self->edit_kind = kinds[(i + 1) % MAX (n, 1)];

  /* Same place, the new kind's size (a previous step keeps its right edge). */
  step_rect (anchor, self->edit_kind, next, &rect);
  rect.origin.y = self->edit_rect.origin.y;
  self->edit_rect = rect;
  update_editor_style (self);
  stormcut_canvas_invalidate_layer (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return TRUE;
}

/* Adds the next (or previous) step of the flow next to the anchor sticky, linked to it,
 * and opens its name for typing. */
static void
add_step (StormcutCanvas *self,
          gboolean        next)
{
  const StormcutElement *anchor;
  graphene_rect_t rect;
  StormcutKind kind;

  if (self->model == NULL || cycle_step_kind (self, next))
    return;
  if (self->edit_mode != EDIT_NONE)
    finish_editing (self, TRUE, TRUE);

  anchor = selection_anchor (self);
  if (anchor == NULL)
    {
      stormcut_canvas_begin_quick_add (self, STORMCUT_KIND_EVENT);
      return;
    }

  kind = next ? next_kinds[anchor->kind][0] : previous_kinds[anchor->kind][0];
  step_rect (anchor, kind, next, &rect);
  find_free_spot (self, &rect, 0, rect.size.height + STORMCUT_BOARD_GAP / 2);

  if (next)
    begin_quick_add_at (self, kind, &rect,
                        stormcut_grammar_allows (anchor->kind, kind) ? anchor->id : NULL, NULL);
  else
    begin_quick_add_at (self, kind, &rect,
                        NULL, stormcut_grammar_allows (kind, anchor->kind) ? anchor->id : NULL);
  if (self->edit_link_from != NULL || self->edit_link_to != NULL)
    self->edit_step = next ? 1 : -1;
}

/* --- pointer ------------------------------------------------------------------------- */

/* The context whose title band or border is under the widget point (the smallest). */
static const StormcutContext *
frame_grip_at (StormcutCanvas *self,
               double          wx,
               double          wy)
{
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);
  double zoom = stormcut_viewport_get_zoom (self->viewport);
  const StormcutContext *best = NULL;
  double best_area = G_MAXDOUBLE;

  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      graphene_rect_t board, frame, outer, inner;
      gboolean hit;

      context_rect (context, &board);
      stormcut_viewport_board_rect_to_widget (self->viewport, &board, &frame);
      graphene_rect_inset_r (&frame, -5, -5, &outer);
      graphene_rect_inset_r (&frame, 5, 5, &inner);
      if (!rect_contains (&outer, wx, wy))
        continue;

      hit = !rect_contains (&inner, wx, wy) ||
            wy <= frame.origin.y + stormcut_canvas_frame_title_band (zoom);
      if (hit && board.size.width * board.size.height < best_area)
        {
          best = context;
          best_area = board.size.width * board.size.height;
        }
    }

  return best;
}

/* EDGE_* flags of the resize handle of the selected context under the point, or 0. */
static guint
frame_handle_at (StormcutCanvas *self,
                 double          wx,
                 double          wy)
{
  const StormcutContext *context;
  graphene_rect_t board, frame;
  double reach = FRAME_HANDLE_SIZE;

  if (self->selected_context == NULL ||
      (context = stormcut_model_get_context (self->model, self->selected_context)) == NULL)
    return 0;

  context_rect (context, &board);
  stormcut_viewport_board_rect_to_widget (self->viewport, &board, &frame);
  for (int corner = 0; corner < 4; corner++)
    {
      double x = frame.origin.x + ((corner & 1) ? frame.size.width : 0);
      double y = frame.origin.y + ((corner & 2) ? frame.size.height : 0);

      if (fabs (wx - x) <= reach && fabs (wy - y) <= reach)
        return ((corner & 1) ? EDGE_RIGHT : EDGE_LEFT) | ((corner & 2) ? EDGE_BOTTOM : EDGE_TOP);
    }

  return 0;
}

/* The sticky whose link handle (the dot on its right edge) is under the point, or -1. */
static int
link_handle_at (StormcutCanvas *self,
                double          wx,
                double          wy)
{
  const char *candidates[2] = { self->hover_id, NULL };

  if (g_hash_table_size (self->selection) == 1)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->selection);
      if (g_hash_table_iter_next (&iter, &key, NULL))
        candidates[1] = key;
    }

  for (int c = 0; c < 2; c++)
    {
      int i = stormcut_canvas_element_index_of (self, candidates[c]);
      graphene_rect_t board, rect;

      if (i < 0)
        continue;
      stormcut_canvas_element_rect (stormcut_canvas_element_by_index (self, i), &board);
      stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);
      if (rect.size.width >= MIN_DECOR_PIXELS &&
          hypot (wx - (rect.origin.x + rect.size.width), wy - (rect.origin.y + rect.size.height / 2)) <= LINK_HANDLE_RADIUS + 3)
        return i;
    }

  return -1;
}

/* TRUE when the widget point is in the band along the sticky's edge that starts a link. */
static gboolean
in_link_zone (StormcutCanvas        *self,
              const StormcutElement *element,
              double                 wx,
              double                 wy)
{
  graphene_rect_t board, rect, inner;
  double band;

  if (stormcut_board_style_get_shape (element->kind) == STORMCUT_SHAPE_ROTATED)
    return FALSE;

  stormcut_canvas_element_rect (element, &board);
  stormcut_viewport_board_rect_to_widget (self->viewport, &board, &rect);
  band = MIN (8.0, MIN (rect.size.width, rect.size.height) / 5);
  if (band < 3.0)
    return FALSE;

  graphene_rect_inset_r (&rect, band, band, &inner);
  return !rect_contains (&inner, wx, wy);
}

static void
update_cursor (StormcutCanvas *self,
               double          wx,
               double          wy)
{
  const char *name = NULL;
  double bx, by;
  guint edges;
  int i;

  if (self->model == NULL)
    {
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      return;
    }

  stormcut_viewport_widget_to_board (self->viewport, wx, wy, &bx, &by);
  switch (self->drag_mode)
    {
    case DRAG_PAN:
      name = "grabbing";
      break;
    case DRAG_MOVE:
    case DRAG_FRAME_MOVE:
      name = "move";
      break;
    case DRAG_LINK:
    case DRAG_FRAME_NEW:
      name = "crosshair";
      break;
    case DRAG_RUBBER_BAND:
    case DRAG_FRAME_RESIZE:
      break;
    case DRAG_NONE:
    default:
      if (self->space_down)
        name = "grab";
      else if (self->tool == STORMCUT_CANVAS_TOOL_FRAME_CONTEXT)
        name = "crosshair";
      else if ((edges = frame_handle_at (self, wx, wy)) != 0)
        name = (edges == (EDGE_LEFT | EDGE_TOP) || edges == (EDGE_RIGHT | EDGE_BOTTOM)) ? "nwse-resize" : "nesw-resize";
      else if (link_handle_at (self, wx, wy) >= 0)
        name = "crosshair";
      else if ((i = element_at (self, bx, by)) >= 0)
        name = (self->tool == STORMCUT_CANVAS_TOOL_LINK ||
                in_link_zone (self, stormcut_canvas_element_by_index (self, i), wx, wy)) ? "crosshair" : "pointer";
      else if (link_at (self, wx, wy) >= 0)
        name = "pointer";
      else if (frame_grip_at (self, wx, wy) != NULL)
        name = "move";
      break;
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
update_hover (StormcutCanvas *self,
              double          wx,
              double          wy)
{
  double bx, by;
  int i;

  if (self->model == NULL)
    return;

  stormcut_viewport_widget_to_board (self->viewport, wx, wy, &bx, &by);
  i = element_at (self, bx, by);
  if (i < 0 && self->hover_id != NULL && link_handle_at (self, wx, wy) >= 0)
    return; /* keep the handle of the sticky being left towards its dot */

  if (g_strcmp0 (i >= 0 ? stormcut_canvas_element_by_index (self, i)->id : NULL, self->hover_id) != 0)
    {
      g_free (self->hover_id);
      self->hover_id = i >= 0 ? g_strdup (stormcut_canvas_element_by_index (self, i)->id) : NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  update_cursor (self, wx, wy);
}

static void
reset_drag (StormcutCanvas *self)
{
  stormcut_canvas_invalidate_layer (self);
  self->drag_mode = DRAG_NONE;
  self->drag_moved = FALSE;
  self->drag_select_on_release = FALSE;
  self->drag_dx = 0;
  self->drag_dy = 0;
  self->drag_edges = 0;
  g_clear_pointer (&self->drag_id, g_free);
  g_clear_pointer (&self->link_target_id, g_free);
  g_clear_pointer (&self->drag_elements, g_hash_table_unref);
  g_clear_pointer (&self->drag_contexts, g_hash_table_unref);
}

static GHashTable *
new_id_set (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* What moves with a frame: stickies assigned to it or lying in it, and frames inside it. */
static void
collect_frame_contents (StormcutCanvas        *self,
                        const StormcutContext *context)
{
  GPtrArray *elements = stormcut_model_get_elements (self->model);
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);
  graphene_rect_t frame;

  context_rect (context, &frame);
  self->drag_elements = new_id_set ();
  self->drag_contexts = new_id_set ();
  g_hash_table_add (self->drag_contexts, g_strdup (context->id));

  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *other = g_ptr_array_index (contexts, i);
      graphene_rect_t rect;

      context_rect (other, &rect);
      if (other != context && stormcut_canvas_rect_contains_rect (&frame, &rect))
        g_hash_table_add (self->drag_contexts, g_strdup (other->id));
    }

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      double cx, cy;

      element_center (element, &cx, &cy);
      if (g_strcmp0 (element->context_id, context->id) == 0 || rect_contains (&frame, cx, cy))
        g_hash_table_add (self->drag_elements, g_strdup (element->id));
    }
}

static void
start_link_drag (StormcutCanvas        *self,
                 const StormcutElement *element)
{
  self->drag_mode = DRAG_LINK;
  self->drag_id = g_strdup (element->id);
}

void
stormcut_canvas_pointer_press (StormcutCanvas  *self,
                               guint            button,
                               GdkModifierType  state,
                               double           x,
                               double           y)
{
  const StormcutContext *context;
  gboolean extend;
  guint edges;
  int i;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL)
    return;
  if (self->edit_mode != EDIT_NONE)
    finish_editing (self, TRUE, TRUE);

  reset_drag (self);
  self->drag_button = button;
  self->press_wx = self->last_wx = self->pointer_wx = x;
  self->press_wy = self->last_wy = self->pointer_wy = y;
  stormcut_viewport_widget_to_board (self->viewport, x, y, &self->press_bx, &self->press_by);
  extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  self->drag_extend = extend;

  if (button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_down))
    {
      self->drag_mode = DRAG_PAN;
      update_cursor (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (self->tool == STORMCUT_CANVAS_TOOL_FRAME_CONTEXT)
    {
      self->drag_mode = DRAG_FRAME_NEW;
      graphene_rect_init (&self->drag_frame, self->press_bx, self->press_by, 0, 0);
      return;
    }

  if ((edges = frame_handle_at (self, x, y)) != 0)
    {
      const StormcutContext *selected = stormcut_model_get_context (self->model, self->selected_context);

      self->drag_mode = DRAG_FRAME_RESIZE;
      self->drag_id = g_strdup (selected->id);
      self->drag_edges = edges;
      context_rect (selected, &self->drag_frame_start);
      self->drag_frame = self->drag_frame_start;
      return;
    }

  if ((i = link_handle_at (self, x, y)) >= 0)
    {
      start_link_drag (self, stormcut_canvas_element_by_index (self, i));
      return;
    }

  if ((i = element_at (self, self->press_bx, self->press_by)) >= 0)
    {
      const StormcutElement *element = stormcut_canvas_element_by_index (self, i);

      if (self->tool == STORMCUT_CANVAS_TOOL_LINK || (!extend && in_link_zone (self, element, x, y)))
        {
          start_link_drag (self, element);
          return;
        }

      if (extend && stormcut_canvas_is_selected (self, element->id))
        {
          g_hash_table_remove (self->selection, element->id);
          selection_changed (self);
          return;
        }
      if (extend)
        {
          g_clear_pointer (&self->selected_context, g_free);
          g_hash_table_add (self->selection, g_strdup (element->id));
          set_anchor (self, element->id);
          selection_changed (self);
        }
      else if (!stormcut_canvas_is_selected (self, element->id))
        {
          stormcut_canvas_select_element (self, element->id, FALSE);
        }
      else
        {
          set_anchor (self, element->id);
          self->drag_select_on_release = TRUE;
        }

      self->drag_mode = DRAG_MOVE;
      self->drag_id = g_strdup (element->id);
      self->drag_elements = new_id_set ();
      {
        GHashTableIter iter;
        gpointer key;

        g_hash_table_iter_init (&iter, self->selection);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_hash_table_add (self->drag_elements, g_strdup (key));
      }
      return;
    }

  /* Stickies are drawn over links and win above; links are drawn over frames and win here. */
  if ((i = extend ? link_at (self, x, y) : link_to_select_at (self, x, y)) >= 0)
    {
      const char *link_id = g_array_index (self->links, LinkGeometry, i).id;

      if (extend && stormcut_canvas_is_link_selected (self, link_id))
        {
          g_hash_table_remove (self->selected_links, link_id);
          selection_changed (self);
        }
      else
        {
          stormcut_canvas_select_link (self, link_id, extend);
        }
      return;
    }

  if ((context = frame_grip_at (self, x, y)) != NULL)
    {
      stormcut_canvas_select_context (self, context->id);
      self->drag_mode = DRAG_FRAME_MOVE;
      self->drag_id = g_strdup (context->id);
      collect_frame_contents (self, context);
      return;
    }

  if (!extend && clear_selection_quietly (self))
    selection_changed (self);
  self->drag_mode = DRAG_RUBBER_BAND;
  graphene_rect_init (&self->drag_frame, self->press_bx, self->press_by, 0, 0);
}

/* How fast to scroll for a pointer at @position along a side of @length: -1 … 1 of the full
 * speed, positive towards the start (the content moves that way), 0 away from the edges. */
static double
autoscroll_factor (double position,
                   double length)
{
  if (length < 4 * AUTOSCROLL_EDGE)
    return 0;
  if (position < AUTOSCROLL_EDGE)
    return MIN ((AUTOSCROLL_EDGE - position) / AUTOSCROLL_EDGE, 1.0);
  if (position > length - AUTOSCROLL_EDGE)
    return -MIN ((position - (length - AUTOSCROLL_EDGE)) / AUTOSCROLL_EDGE, 1.0);
  return 0;
}

/* Drags that follow the pointer across the board (not panning, which moves the board itself). */
static gboolean
drag_scrolls (StormcutCanvas *self)
{
  return self->drag_moved && self->drag_mode != DRAG_NONE && self->drag_mode != DRAG_PAN;
}

gboolean
stormcut_canvas_autoscroll_step (StormcutCanvas *self,
                                 double          seconds)
{
  double width, height, dx, dy;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), FALSE);

  if (!drag_scrolls (self))
    return FALSE;
  stormcut_viewport_get_view_size (self->viewport, &width, &height);
  dx = autoscroll_factor (self->pointer_wx, width) * AUTOSCROLL_SPEED * seconds;
  dy = autoscroll_factor (self->pointer_wy, height) * AUTOSCROLL_SPEED * seconds;
  if (dx == 0 && dy == 0)
    return FALSE;

  /* The board moves under a pointer that stays put: where the drag started moves with the
   * board, and the drag is worked out again for the board point now under the pointer. */
  stormcut_viewport_pan (self->viewport, dx, dy);
  self->press_wx += dx;
  self->press_wy += dy;
  stormcut_canvas_pointer_motion (self, self->pointer_wx, self->pointer_wy);
  return TRUE;
}

static gboolean
autoscroll_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  /* A late frame does not make the board jump: at most 50 ms of scrolling per step. */
  double seconds = self->autoscroll_time > 0 ? MIN ((now - self->autoscroll_time) / (double) G_USEC_PER_SEC, 0.05) : 0;

  self->autoscroll_time = now;
  if (!drag_scrolls (self) || (seconds > 0 && !stormcut_canvas_autoscroll_step (self, seconds)))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Starts scrolling when a drag comes near the edge; the tick stops itself when the drag ends
 * or the pointer leaves the edge. */
static void
update_autoscroll (StormcutCanvas *self)
{
  double width, height;

  if (self->autoscroll_id != 0 || !drag_scrolls (self))
    return;
  stormcut_viewport_get_view_size (self->viewport, &width, &height);
  if (autoscroll_factor (self->pointer_wx, width) == 0 && autoscroll_factor (self->pointer_wy, height) == 0)
    return;
  self->autoscroll_time = 0;
  self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick_cb, NULL, NULL);
}

void
stormcut_canvas_pointer_motion (StormcutCanvas *self,
                                double          x,
                                double          y)
{
  double zoom, bx, by;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  self->pointer_wx = x;
  self->pointer_wy = y;
  if (self->drag_mode == DRAG_NONE)
    {
      update_hover (self, x, y);
      return;
    }

  if (!self->drag_moved && hypot (x - self->press_wx, y - self->press_wy) < DRAG_THRESHOLD)
    return;
  self->drag_moved = TRUE;

  zoom = stormcut_viewport_get_zoom (self->viewport);
  stormcut_viewport_widget_to_board (self->viewport, x, y, &bx, &by);

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      stormcut_viewport_pan (self->viewport, x - self->last_wx, y - self->last_wy);
      break;

    case DRAG_MOVE:
    case DRAG_FRAME_MOVE:
      {
        const StormcutElement *element = self->drag_mode == DRAG_MOVE
                                         ? stormcut_model_get_element (self->model, self->drag_id) : NULL;
        const StormcutContext *context = self->drag_mode == DRAG_FRAME_MOVE
                                         ? stormcut_model_get_context (self->model, self->drag_id) : NULL;
        double ox = element != NULL ? element->x : context != NULL ? context->x : 0;
        double oy = element != NULL ? element->y : context != NULL ? context->y : 0;

        /* What is grabbed lands on the board's 10-unit snap; the rest moves with it. */
        self->drag_dx = round ((ox + (x - self->press_wx) / zoom) / SNAP) * SNAP - ox;
        self->drag_dy = round ((oy + (y - self->press_wy) / zoom) / SNAP) * SNAP - oy;
      }
      break;

    case DRAG_RUBBER_BAND:
    case DRAG_FRAME_NEW:
      rect_from_points (&self->drag_frame, self->press_bx, self->press_by, bx, by);
      break;

    case DRAG_FRAME_RESIZE:
      {
        const graphene_rect_t *start = &self->drag_frame_start;
        double x0 = start->origin.x, y0 = start->origin.y;
        double x1 = x0 + start->size.width, y1 = y0 + start->size.height;
        double dx = (x - self->press_wx) / zoom, dy = (y - self->press_wy) / zoom;

        if (self->drag_edges & EDGE_LEFT)
          x0 = MIN (x0 + dx, x1 - MIN_FRAME_SIZE);
        if (self->drag_edges & EDGE_RIGHT)
          x1 = MAX (x1 + dx, x0 + MIN_FRAME_SIZE);
        if (self->drag_edges & EDGE_TOP)
          y0 = MIN (y0 + dy, y1 - MIN_FRAME_SIZE);
        if (self->drag_edges & EDGE_BOTTOM)
          y1 = MAX (y1 + dy, y0 + MIN_FRAME_SIZE);
        graphene_rect_init (&self->drag_frame, x0, y0, x1 - x0, y1 - y0);
      }
      break;

    case DRAG_LINK:
      {
        int i = element_at (self, bx, by);
        const char *id = i >= 0 ? stormcut_canvas_element_by_index (self, i)->id : NULL;

        if (g_strcmp0 (id, self->drag_id) == 0)
          id = NULL;
        g_free (self->link_target_id);
        self->link_target_id = g_strdup (id);
      }
      break;

    case DRAG_NONE:
    default:
      break;
    }

  self->last_wx = x;
  self->last_wy = y;
  if (self->drag_mode != DRAG_PAN)
    stormcut_canvas_invalidate_layer (self);
  update_cursor (self, x, y);
  update_autoscroll (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
finish_link_drag (StormcutCanvas *self)
{
  const StormcutElement *source = stormcut_model_get_element (self->model, self->drag_id);
  g_autoptr(GError) error = NULL;

  if (source == NULL || !self->drag_moved)
    return;

  if (self->link_target_id != NULL)
    {
      if (stormcut_model_add_link (self->model, self->drag_id, self->link_target_id, &error) == NULL)
        report_error (self, error);
      return;
    }

  /* Dropped on empty board: the next step of the flow, right there. */
  {
    StormcutKind kind = next_kinds[source->kind][0];
    graphene_rect_t rect;
    double bx, by, w, h;

    stormcut_viewport_widget_to_board (self->viewport, self->pointer_wx, self->pointer_wy, &bx, &by);
    if (element_at (self, bx, by) >= 0)
      return; /* back on the source sticky: nothing to do */
    stormcut_kind_get_default_size (kind, &w, &h);
    graphene_rect_init (&rect, round (bx - w / 2), round (by - h / 2), w, h);
    begin_quick_add_at (self, kind, &rect,
                        stormcut_grammar_allows (source->kind, kind) ? source->id : NULL, NULL);
  }
}

static GPtrArray *
id_set_to_array (GHashTable *set)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  if (set == NULL)
    return ids;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, g_strdup (key));

  return ids;
}

void
stormcut_canvas_pointer_release (StormcutCanvas *self,
                                 double          x,
                                 double          y)
{
  g_autoptr(GHashTable) elements = NULL;
  g_autoptr(GHashTable) contexts = NULL;
  g_autofree char *id = NULL;
  graphene_rect_t frame;
  DragMode mode;
  gboolean moved, extend, select_on_release;
  double dx, dy;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->drag_mode == DRAG_NONE)
    return;

  stormcut_canvas_pointer_motion (self, x, y);

  /* Take what the drag gathered, then end it before the model changes. */
  mode = self->drag_mode;
  moved = self->drag_moved;
  extend = self->drag_extend;
  select_on_release = self->drag_select_on_release;
  dx = self->drag_dx;
  dy = self->drag_dy;
  frame = self->drag_frame;
  elements = g_steal_pointer (&self->drag_elements);
  contexts = g_steal_pointer (&self->drag_contexts);
  id = g_strdup (self->drag_id);

  if (mode == DRAG_LINK)
    finish_link_drag (self);
  reset_drag (self);

  switch (mode)
    {
    case DRAG_MOVE:
      if (moved)
        {
          g_autoptr(GPtrArray) ids = id_set_to_array (elements);

          commit_move (self, ids, dx, dy);
        }
      else if (select_on_release)
        {
          stormcut_canvas_select_element (self, id, FALSE);
        }
      break;

    case DRAG_FRAME_MOVE:
      if (moved)
        commit_frame_move (self, id, elements, contexts, dx, dy);
      break;

    case DRAG_FRAME_RESIZE:
      if (moved)
        commit_frame_resize (self, id, &frame);
      break;

    case DRAG_RUBBER_BAND:
      if (moved)
        {
          g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

          stormcut_canvas_index_query (self, &frame, hits);
          for (guint k = 0; k < hits->len; k++)
            g_ptr_array_add (ids, g_strdup (stormcut_canvas_element_by_index (self, g_array_index (hits, guint, k))->id));
          select_ids (self, ids, extend);
        }
      break;

    case DRAG_FRAME_NEW:
      if (moved && frame.size.width >= MIN_FRAME_SIZE && frame.size.height >= MIN_FRAME_SIZE)
        {
          stormcut_canvas_set_tool (self, STORMCUT_CANVAS_TOOL_SELECT);
          create_context (self, &frame);
        }
      break;

    case DRAG_LINK:
    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }

  update_cursor (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
stormcut_canvas_pointer_double_click (StormcutCanvas *self,
                                      double          x,
                                      double          y)
{
  const StormcutContext *context;
  double bx, by;
  int i;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL)
    return;

  reset_drag (self);
  stormcut_viewport_widget_to_board (self->viewport, x, y, &bx, &by);
  if ((i = element_at (self, bx, by)) >= 0)
    {
      stormcut_canvas_select_element (self, stormcut_canvas_element_by_index (self, i)->id, FALSE);
      stormcut_canvas_begin_rename (self);
    }
  else if ((context = frame_grip_at (self, x, y)) != NULL)
    {
      stormcut_canvas_select_context (self, context->id);
      stormcut_canvas_begin_rename (self);
    }
  else
    {
      graphene_rect_t rect;
      double w, h;

      /* A new sticky of the kind added last, where the board was clicked. */
      stormcut_kind_get_default_size (self->last_kind, &w, &h);
      graphene_rect_init (&rect, round (bx - w / 2), round (by - h / 2), w, h);
      begin_quick_add_at (self, self->last_kind, &rect, NULL, NULL);
    }
}

void
stormcut_canvas_scroll_zoom (StormcutCanvas *self,
                             double          steps,
                             double          x,
                             double          y)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  self->fit_pending = FALSE;
  stormcut_viewport_zoom_at (self->viewport, stormcut_viewport_get_zoom (self->viewport) * pow (1.1, -steps), x, y);
}

/* --- event controllers ---------------------------------------------------------------- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               StormcutCanvas *self)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller);
  guint32 time = gtk_event_controller_get_current_event_time (controller);
  int double_click_time = 400;
  gboolean double_click;
  graphene_rect_t editor_bounds;

  /* Presses in the inline editor are the editor's (placing the cursor, selecting). */
  if (self->edit_mode != EDIT_NONE &&
      gtk_widget_compute_bounds (self->editor, GTK_WIDGET (self), &editor_bounds) &&
      rect_contains (&editor_bounds, x, y))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-double-click-time", &double_click_time, NULL);
  double_click = button == GDK_BUTTON_PRIMARY && self->last_press_time != 0 &&
                 time - self->last_press_time <= (guint32) double_click_time &&
                 hypot (x - self->last_press_x, y - self->last_press_y) <= 6;
  self->last_press_time = double_click ? 0 : time;
  self->last_press_x = x;
  self->last_press_y = y;

  if (double_click)
    stormcut_canvas_pointer_double_click (self, x, y);
  else
    stormcut_canvas_pointer_press (self, button, state, x, y);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                StormcutCanvas *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  stormcut_canvas_pointer_motion (self, x + offset_x, y + offset_y);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             StormcutCanvas *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  stormcut_canvas_pointer_release (self, x + offset_x, y + offset_y);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           StormcutCanvas           *self)
{
  if (self->drag_mode == DRAG_NONE)
    stormcut_canvas_pointer_motion (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          StormcutCanvas           *self)
{
  if (self->hover_id != NULL && self->drag_mode == DRAG_NONE)
    {
      g_clear_pointer (&self->hover_id, g_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           StormcutCanvas           *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      stormcut_canvas_scroll_zoom (self, wheel ? dy : dy / 20, self->pointer_wx, self->pointer_wy);
      return TRUE;
    }

  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  self->fit_pending = FALSE;
  stormcut_viewport_pan (self->viewport, -dx * (wheel ? 60 : 1), -dy * (wheel ? 60 : 1));

  return TRUE;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               StormcutCanvas   *self)
{
  self->zoom_gesture_start = stormcut_viewport_get_zoom (self->viewport);
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       StormcutCanvas *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;

  self->fit_pending = FALSE;
  stormcut_viewport_zoom_at (self->viewport, self->zoom_gesture_start * scale, x, y);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                StormcutCanvas        *self)
{
  if (keyval == GDK_KEY_space && self->edit_mode == EDIT_NONE &&
      (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK)) == 0)
    {
      self->space_down = TRUE;
      update_cursor (self, self->pointer_wx, self->pointer_wy);
      return TRUE;
    }

  return FALSE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 StormcutCanvas        *self)
{
  if (keyval == GDK_KEY_space && self->space_down)
    {
      self->space_down = FALSE;
      update_cursor (self, self->pointer_wx, self->pointer_wy);
    }
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                StormcutCanvas          *self)
{
  /* The space bar may be released elsewhere. */
  if (self->space_down)
    {
      self->space_down = FALSE;
      update_cursor (self, self->pointer_wx, self->pointer_wy);
    }
}

static void
model_changed_cb (StormcutModel  *model,
                  int             type,
                  const char     *id,
                  int             change,
                  StormcutCanvas *self)
{
  gboolean selection_lost = FALSE;

  self->index_dirty = TRUE;
  self->search_dirty = TRUE;
  stormcut_canvas_invalidate_layer (self);

  if (self->drag_mode != DRAG_NONE)
    reset_drag (self);

  if (change == STORMCUT_CHANGE_REMOVED && id != NULL)
    {
      if (type == STORMCUT_OBJECT_ELEMENT)
        {
          g_hash_table_remove (self->layouts, id);
          selection_lost = g_hash_table_remove (self->selection, id);
          if (g_strcmp0 (self->hover_id, id) == 0)
            g_clear_pointer (&self->hover_id, g_free);
        }
      else if (type == STORMCUT_OBJECT_CONTEXT)
        {
          g_hash_table_remove (self->titles, id);
          if (g_strcmp0 (self->selected_context, id) == 0)
            {
              g_clear_pointer (&self->selected_context, g_free);
              selection_lost = TRUE;
            }
        }

      if (self->edit_mode != EDIT_NONE && g_strcmp0 (self->edit_target, id) == 0)
        finish_editing (self, FALSE, TRUE);
    }
  /* A link goes with its own removal, with a sticky at either end, or with an undo. */
  if (g_hash_table_size (self->selected_links) > 0 && drop_missing_links (self))
    selection_lost = TRUE;

  if (selection_lost)
    selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
model_reloaded_cb (StormcutModel  *model,
                   StormcutCanvas *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;
  gboolean selection_lost;

  self->index_dirty = TRUE;
  self->search_dirty = TRUE;
  reset_drag (self);
  finish_editing (self, FALSE, FALSE);
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->problems);
  g_clear_pointer (&self->hover_id, g_free);

  g_hash_table_iter_init (&iter, self->selection);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (stormcut_model_get_element (model, key) == NULL)
      g_ptr_array_add (gone, g_strdup (key));
  for (guint i = 0; i < gone->len; i++)
    g_hash_table_remove (self->selection, g_ptr_array_index (gone, i));
  selection_lost = gone->len > 0;
  if (drop_missing_links (self))
    selection_lost = TRUE;
  if (self->selected_context != NULL && stormcut_model_get_context (model, self->selected_context) == NULL)
    {
      g_clear_pointer (&self->selected_context, g_free);
      selection_lost = TRUE;
    }

  if (selection_lost)
    selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
viewport_changed_cb (StormcutViewport *viewport,
                     StormcutCanvas   *self)
{
  double zoom = stormcut_viewport_get_zoom (viewport);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->edit_mode != EDIT_NONE)
    gtk_widget_queue_allocate (GTK_WIDGET (self));

  if (zoom != self->last_zoom)
    {
      self->last_zoom = zoom;
      if (self->edit_mode != EDIT_NONE)
        update_editor_style (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      g_signal_emit (self, signals[ZOOM_CHANGED], 0);
    }
}

/* --- actions --------------------------------------------------------------------------- */

typedef enum {
  ARRANGE_ALIGN_LEFT,
  ARRANGE_ALIGN_TOP,
  ARRANGE_DISTRIBUTE_HORIZONTALLY,
  ARRANGE_DISTRIBUTE_VERTICALLY,
} Arrangement;

typedef struct {
  char  *id;
  double x, y, width, height;
} Placement;

static gint
compare_placement_x (gconstpointer a,
                     gconstpointer b)
{
  const Placement *pa = a, *pb = b;

  return (pa->x > pb->x) - (pa->x < pb->x);
}

static gint
compare_placement_y (gconstpointer a,
                     gconstpointer b)
{
  const Placement *pa = a, *pb = b;

  return (pa->y > pb->y) - (pa->y < pb->y);
}

static void
arrange_selection (StormcutCanvas *self,
                   Arrangement     arrangement)
{
  g_autoptr(GPtrArray) ids = selected_ids (self);
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Placement));
  gboolean horizontal = arrangement == ARRANGE_ALIGN_LEFT || arrangement == ARRANGE_DISTRIBUTE_HORIZONTALLY;
  double target = G_MAXDOUBLE, next, gap, span, sum = 0;
  GError *error = NULL;
  gboolean ok = TRUE;
  guint n;

  if (self->model == NULL || self->edit_mode != EDIT_NONE)
    return;

  for (guint i = 0; i < ids->len; i++)
    {
      const StormcutElement *element = stormcut_model_get_element (self->model, g_ptr_array_index (ids, i));
      Placement item = { element->id, element->x, element->y, element->width, element->height };

      g_array_append_val (items, item);
      target = MIN (target, horizontal ? item.x : item.y);
      sum += horizontal ? item.width : item.height;
    }
  n = items->len;
  if (n < 2 || (n < 3 && arrangement >= ARRANGE_DISTRIBUTE_HORIZONTALLY))
    return;

  /* Work out every new position first: each move changes the model's records. */
  switch (arrangement)
    {
    case ARRANGE_ALIGN_LEFT:
      for (guint i = 0; i < n; i++)
        g_array_index (items, Placement, i).x = target;
      break;

    case ARRANGE_ALIGN_TOP:
      for (guint i = 0; i < n; i++)
        g_array_index (items, Placement, i).y = target;
      break;

    case ARRANGE_DISTRIBUTE_HORIZONTALLY:
    case ARRANGE_DISTRIBUTE_VERTICALLY:
    default:
      {
        Placement *first, *last;

        g_array_sort (items, horizontal ? compare_placement_x : compare_placement_y);
        first = &g_array_index (items, Placement, 0);
        last = &g_array_index (items, Placement, n - 1);
        span = horizontal ? last->x + last->width - first->x : last->y + last->height - first->y;
        gap = MAX (0.0, (span - sum) / (n - 1));
        next = horizontal ? first->x : first->y;
        for (guint i = 0; i < n; i++)
          {
            Placement *item = &g_array_index (items, Placement, i);

            if (horizontal)
              {
                item->x = round (next);
                next += item->width + gap;
              }
            else
              {
                item->y = round (next);
                next += item->height + gap;
              }
          }
      }
      break;
    }

  for (guint i = 0; i < n; i++)
    g_array_index (items, Placement, i).id = g_strdup (g_array_index (items, Placement, i).id);

  stormcut_model_begin_group (self->model, horizontal ? _("Arrange stickies horizontally")
                                                      : _("Arrange stickies vertically"));
  for (guint i = 0; i < n; i++)
    {
      Placement *item = &g_array_index (items, Placement, i);

      if (ok)
        ok = stormcut_model_move_element (self->model, item->id, item->x, item->y, &error);
      g_ptr_array_add (moved, item->id);
    }
  ok = ok && reassign_elements (self, moved, &error);
  end_edit (self, ok, error);
}

static void
action_delete (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);

  if (self->model != NULL && self->edit_mode == EDIT_NONE)
    delete_selection (self, TRUE);
}

static void
action_copy (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  copy_selection (STORMCUT_CANVAS (widget));
}

static void
action_cut (GtkWidget  *widget,
            const char *name,
            GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);

  if (self->edit_mode == EDIT_NONE && copy_selection (self))
    delete_selection (self, FALSE);
}

static void
action_paste (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);

  if (self->model == NULL || self->edit_mode != EDIT_NONE)
    return;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_read_cb, g_object_ref (self));
}

static void
action_duplicate (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  if (self->model == NULL || self->edit_mode != EDIT_NONE || g_hash_table_size (self->selection) == 0)
    return;

  xml = selection_to_xml (self, &error);
  if (xml == NULL)
    report_error (self, error);
  else
    paste_xml (self, xml, STORMCUT_BOARD_GAP, STORMCUT_BOARD_GAP);
}

static void
action_select_all (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  stormcut_canvas_select_all (STORMCUT_CANVAS (widget));
}

static void
action_select_none (GtkWidget  *widget,
                    const char *name,
                    GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);

  /* Escape backs out of whatever is going on, one thing at a time. */
  if (self->edit_mode != EDIT_NONE)
    finish_editing (self, FALSE, TRUE);
  else if (self->drag_mode != DRAG_NONE)
    {
      reset_drag (self);
      gtk_widget_queue_draw (widget);
    }
  else if (self->tool != STORMCUT_CANVAS_TOOL_SELECT)
    stormcut_canvas_set_tool (self, STORMCUT_CANVAS_TOOL_SELECT);
  else
    stormcut_canvas_clear_selection (self);
}

static void
action_rename (GtkWidget  *widget,
               const char *name,
               GVariant   *parameter)
{
  stormcut_canvas_begin_rename (STORMCUT_CANVAS (widget));
}

static void
action_arrange (GtkWidget  *widget,
                const char *name,
                GVariant   *parameter)
{
  Arrangement arrangement = ARRANGE_DISTRIBUTE_VERTICALLY;

  if (g_str_equal (name, "canvas.align-left"))
    arrangement = ARRANGE_ALIGN_LEFT;
  else if (g_str_equal (name, "canvas.align-top"))
    arrangement = ARRANGE_ALIGN_TOP;
  else if (g_str_equal (name, "canvas.distribute-horizontally"))
    arrangement = ARRANGE_DISTRIBUTE_HORIZONTALLY;

  arrange_selection (STORMCUT_CANVAS (widget), arrangement);
}

static void
action_zoom (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  double zoom = stormcut_viewport_get_zoom (self->viewport);

  if (g_str_equal (name, "canvas.zoom-in"))
    stormcut_canvas_set_zoom (self, zoom * ZOOM_STEP);
  else if (g_str_equal (name, "canvas.zoom-out"))
    stormcut_canvas_set_zoom (self, zoom / ZOOM_STEP);
  else if (g_str_equal (name, "canvas.zoom-reset"))
    stormcut_canvas_set_zoom (self, 1.0);
  else
    stormcut_canvas_zoom_to_fit (self);
}

static void
action_add_sticky (GtkWidget  *widget,
                   const char *name,
                   GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  StormcutKind kind;

  if (!stormcut_kind_from_string (g_variant_get_string (parameter, NULL), &kind))
    return;

  stormcut_canvas_begin_quick_add (self, kind);
}

static void
action_frame_selection (GtkWidget  *widget,
                        const char *name,
                        GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  g_autoptr(GPtrArray) ids = selected_ids (self);
  graphene_rect_t frame, rect;

  if (self->model == NULL || ids->len == 0)
    return;
  if (self->edit_mode != EDIT_NONE)
    finish_editing (self, TRUE, TRUE);

  for (guint i = 0; i < ids->len; i++)
    {
      stormcut_canvas_element_rect (stormcut_model_get_element (self->model, g_ptr_array_index (ids, i)), &rect);
      if (i == 0)
        frame = rect;
      else
        graphene_rect_union (&frame, &rect, &frame);
    }

  graphene_rect_init (&frame,
                      frame.origin.x - STORMCUT_BOARD_FRAME_MARGIN,
                      frame.origin.y - STORMCUT_BOARD_FRAME_MARGIN - STORMCUT_BOARD_FRAME_TITLE,
                      frame.size.width + 2 * STORMCUT_BOARD_FRAME_MARGIN,
                      frame.size.height + 2 * STORMCUT_BOARD_FRAME_MARGIN + STORMCUT_BOARD_FRAME_TITLE);
  create_context (self, &frame);
}

static void
action_step (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  add_step (STORMCUT_CANVAS (widget), g_str_equal (name, "canvas.next-step"));
}

static void
action_set_tool (GtkWidget  *widget,
                 const char *name,
                 GVariant   *parameter)
{
  g_autoptr(GEnumClass) tools = g_type_class_ref (STORMCUT_TYPE_CANVAS_TOOL);
  GEnumValue *value = g_enum_get_value_by_nick (tools, g_variant_get_string (parameter, NULL));

  if (value != NULL)
    stormcut_canvas_set_tool (STORMCUT_CANVAS (widget), value->value);
}

/* The sticky nearest to the anchor in direction (@dx, @dy), favouring the ones straight in
 * line, or NULL. */
static const StormcutElement *
neighbour_of (StormcutCanvas        *self,
              const StormcutElement *from,
              int                    dx,
              int                    dy)
{
  GPtrArray *elements = stormcut_model_get_elements (self->model);
  const StormcutElement *best = NULL;
  double best_score = G_MAXDOUBLE, fx, fy;

  element_center (from, &fx, &fy);
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      double ex, ey, along, across, score;

      if (element == from)
        continue;
      element_center (element, &ex, &ey);
      along = (ex - fx) * dx + (ey - fy) * dy;
      across = fabs ((ex - fx) * dy - (ey - fy) * dx);
      if (along <= 1.0)
        continue;

      /* Leaving the line costs more than going further along it. */
      score = along + 3 * across;
      if (score < best_score)
        {
          best_score = score;
          best = element;
        }
    }

  return best;
}

static void
action_select_neighbour (GtkWidget  *widget,
                         const char *name,
                         GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  const StormcutElement *anchor, *next;
  int dx, dy;

  if (self->model == NULL || self->edit_mode != EDIT_NONE)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  anchor = selection_anchor (self);
  if (anchor == NULL)
    {
      GPtrArray *elements = stormcut_model_get_elements (self->model);

      /* Nothing selected yet: start from the first sticky of the board. */
      if (elements->len > 0)
        stormcut_canvas_reveal_element (self, ((StormcutElement *) g_ptr_array_index (elements, 0))->id);
      return;
    }

  next = neighbour_of (self, anchor, dx, dy);
  if (next != NULL)
    {
      graphene_rect_t rect;

      stormcut_canvas_element_rect (next, &rect);
      stormcut_canvas_select_element (self, next->id, FALSE);
      stormcut_viewport_ensure_visible (self->viewport, &rect, 48);
    }
}

static void
action_nudge (GtkWidget  *widget,
              const char *name,
              GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  g_autoptr(GPtrArray) ids = NULL;
  int dx, dy;

  if (self->model == NULL || self->edit_mode != EDIT_NONE || self->drag_mode != DRAG_NONE)
    return;

  g_variant_get (parameter, "(ii)", &dx, &dy);
  ids = selected_ids (self);
  if (ids->len > 0)
    {
      commit_move (self, ids, dx, dy);
    }
  else if (self->selected_context != NULL)
    {
      const StormcutContext *context = stormcut_model_get_context (self->model, self->selected_context);
      g_autoptr(GHashTable) elements = NULL;
      g_autoptr(GHashTable) contexts = NULL;
      g_autofree char *context_id = NULL;

      if (context == NULL)
        return;
      context_id = g_strdup (context->id);
      collect_frame_contents (self, context);
      elements = g_steal_pointer (&self->drag_elements);
      contexts = g_steal_pointer (&self->drag_contexts);
      commit_frame_move (self, context_id, elements, contexts, dx, dy);
    }
}

/* --- vfuncs ------------------------------------------------------------------------------ */

static void
stormcut_canvas_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
stormcut_canvas_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);

  stormcut_viewport_set_view_size (self->viewport, width, height);
  if (self->fit_pending && self->model != NULL)
    {
      stormcut_canvas_zoom_to_fit (self);
      self->fit_pending = FALSE;
    }

  if (self->edit_mode != EDIT_NONE && gtk_widget_get_visible (self->editor))
    {
      graphene_rect_t rect;
      GtkAllocation allocation;
      int min_width, min_height, nat_height;

      if (self->edit_mode == EDIT_RENAME_CONTEXT)
        {
          double zoom = stormcut_viewport_get_zoom (self->viewport);

          stormcut_viewport_board_rect_to_widget (self->viewport, &self->edit_rect, &rect);
          rect.size.height = stormcut_canvas_frame_title_band (zoom);
          rect.origin.x += 4;
          rect.size.width = MAX (rect.size.width - 8, 80);
        }
      else
        {
          graphene_rect_t area;

          stormcut_board_style_text_area (self->edit_kind, &self->edit_rect, &area);
          stormcut_viewport_board_rect_to_widget (self->viewport, &area, &rect);
        }

      /* Wider than the sticky while the name does not fit, up to three times its width. */
      gtk_widget_measure (self->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      allocation.width = MAX ((int) rect.size.width, MAX (min_width, 60));
      {
        g_autoptr(PangoLayout) layout =
          gtk_widget_create_pango_layout (self->editor, gtk_editable_get_text (GTK_EDITABLE (self->editor)));
        int text_width = 0;

        pango_layout_set_attributes (layout, gtk_text_get_attributes (GTK_TEXT (self->editor)));
        pango_layout_get_pixel_size (layout, &text_width, NULL);
        allocation.width = MAX (allocation.width,
                                MIN (text_width + 16, (int) (3 * MAX (rect.size.width, 60))));
      }
      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, allocation.width, &min_height, &nat_height, NULL, NULL);
      allocation.height = nat_height;
      allocation.x = (int) (rect.origin.x + (rect.size.width - allocation.width) / 2);
      allocation.y = (int) (rect.origin.y + (rect.size.height - allocation.height) / 2);
      gtk_widget_size_allocate (self->editor, &allocation, -1);
    }
}

static void
stormcut_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  stormcut_canvas_draw_board (self, snapshot, width, height);
  if (gtk_widget_get_visible (self->editor))
    {
      graphene_rect_t bounds;

      /* A light field behind the text being typed keeps it readable on any colour. */
      if (gtk_widget_compute_bounds (self->editor, widget, &bounds))
        {
          GdkRGBA field = { 1.0f, 1.0f, 1.0f, 0.85f };

          graphene_rect_inset (&bounds, -3, -2);
          gtk_snapshot_append_color (snapshot, &field, &bounds);
        }
      gtk_widget_snapshot_child (widget, self->editor, snapshot);
    }
  gtk_snapshot_pop (snapshot);
}

/* Tooltip of the link under the widget point: its two ends and what it means. */
static gboolean
link_tooltip (StormcutCanvas *self,
              double          x,
              double          y,
              GtkTooltip     *tooltip)
{
  g_autofree char *text = stormcut_canvas_describe_link_at (self, x, y);

  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
stormcut_canvas_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  const StormcutElement *element;
  g_autoptr(GPtrArray) problems = NULL;
  GString *text;
  double bx, by;
  int i;

  if (self->model == NULL || self->drag_mode != DRAG_NONE || keyboard_mode)
    return FALSE;

  stormcut_viewport_widget_to_board (self->viewport, x, y, &bx, &by);
  i = element_at (self, bx, by);
  if (i < 0)
    return link_tooltip (self, x, y, tooltip);

  element = stormcut_canvas_element_by_index (self, i);
  text = g_string_new (NULL);
  /* TRANSLATORS: tooltip of a sticky: "Domain event: Reservation registered" */
  g_string_append_printf (text, _("%s: %s"), stormcut_kind_get_label (element->kind), element->name);
  problems = stormcut_model_check_element (self->model, element->id);
  for (guint k = 0; problems != NULL && k < problems->len; k++)
    {
      const StormcutProblem *problem = g_ptr_array_index (problems, k);

      g_string_append_printf (text, "\n• %s", problem->message);
    }
  gtk_tooltip_set_text (tooltip, text->str);
  g_string_free (text, TRUE);

  return TRUE;
}

static void
stormcut_canvas_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StormcutCanvas *self = STORMCUT_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, stormcut_viewport_get_zoom (self->viewport));
      break;
    case PROP_TOOL:
      g_value_set_enum (value, self->tool);
      break;
    case PROP_HIGHLIGHT_UNASSIGNED:
      g_value_set_boolean (value, self->highlight_unassigned);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stormcut_canvas_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StormcutCanvas *self = STORMCUT_CANVAS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      stormcut_canvas_set_model (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      stormcut_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_TOOL:
      stormcut_canvas_set_tool (self, g_value_get_enum (value));
      break;
    case PROP_HIGHLIGHT_UNASSIGNED:
      stormcut_canvas_set_highlight_unassigned (self, g_value_get_boolean (value));
      break;
    case PROP_SEARCH_TEXT:
      stormcut_canvas_set_search_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stormcut_canvas_dispose (GObject *object)
{
  StormcutCanvas *self = STORMCUT_CANVAS (object);

  self->edit_mode = EDIT_NONE;
  g_clear_handle_id (&self->layer_settle_id, g_source_remove);
  if (self->autoscroll_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
  self->autoscroll_id = 0;
  stormcut_canvas_set_model (self, NULL);
  g_clear_pointer (&self->editor, gtk_widget_unparent);
  if (self->offscreen_renderer != NULL && gsk_renderer_is_realized (self->offscreen_renderer))
    gsk_renderer_unrealize (self->offscreen_renderer);
  g_clear_object (&self->offscreen_renderer);
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_clear_object (&self->viewport);
  g_clear_object (&self->pango_context);
  stormcut_canvas_clear_pictures (self);

  G_OBJECT_CLASS (stormcut_canvas_parent_class)->dispose (object);
}

static void
stormcut_canvas_finalize (GObject *object)
{
  StormcutCanvas *self = STORMCUT_CANVAS (object);

  reset_drag (self);
  index_clear (self);
  g_array_unref (self->slots);
  g_hash_table_unref (self->layouts);
  g_hash_table_unref (self->titles);
  g_hash_table_unref (self->problems);
  g_hash_table_unref (self->search_hits);
  g_hash_table_unref (self->selection);
  g_hash_table_unref (self->selected_links);
  g_free (self->selected_context);
  g_free (self->anchor_id);
  g_free (self->hover_id);
  g_free (self->search_text);
  g_free (self->edit_target);
  g_free (self->edit_link_from);
  g_free (self->edit_link_to);
  g_free (self->clip_xml);

  G_OBJECT_CLASS (stormcut_canvas_parent_class)->finalize (object);
}

/* Shift+Enter while naming: a new line in the name (sticky notes wrap; names keep the breaks).
 * The editor lets the key through after the input method has seen it, so a syllable still
 * being composed goes in before the line break. */
static void
action_new_line (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StormcutCanvas *self = STORMCUT_CANVAS (widget);
  GtkEditable *editor = GTK_EDITABLE (self->editor);
  int start, end;

  if (!stormcut_canvas_is_editing (self))
    return;
  if (gtk_editable_get_selection_bounds (editor, &start, &end))
    gtk_editable_delete_text (editor, start, end);
  start = gtk_editable_get_position (editor);
  gtk_editable_insert_text (editor, "\n", 1, &start);
  gtk_editable_set_position (editor, start);
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  mods,
             const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, action, NULL);
}

static void
stormcut_canvas_class_init (StormcutCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint digit_keys[][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 }, { GDK_KEY_3, GDK_KEY_KP_3 },
    { GDK_KEY_4, GDK_KEY_KP_4 }, { GDK_KEY_5, GDK_KEY_KP_5 }, { GDK_KEY_6, GDK_KEY_KP_6 },
    { GDK_KEY_7, GDK_KEY_KP_7 }, { GDK_KEY_8, GDK_KEY_KP_8 },
  };
  static const struct {
    guint keyval;
    int   dx, dy;
  } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_Right, 1, 0 }, { GDK_KEY_Up, 0, -1 }, { GDK_KEY_Down, 0, 1 },
  };

  object_class->get_property = stormcut_canvas_get_property;
  object_class->set_property = stormcut_canvas_set_property;
  object_class->dispose = stormcut_canvas_dispose;
  object_class->finalize = stormcut_canvas_finalize;

  widget_class->measure = stormcut_canvas_measure;
  widget_class->size_allocate = stormcut_canvas_size_allocate;
  widget_class->snapshot = stormcut_canvas_snapshot;
  widget_class->query_tooltip = stormcut_canvas_query_tooltip;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, STORMCUT_TYPE_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, STORMCUT_CANVAS_MIN_ZOOM, STORMCUT_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_enum ("tool", NULL, NULL, STORMCUT_TYPE_CANVAS_TOOL, STORMCUT_CANVAS_TOOL_SELECT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGHLIGHT_UNASSIGNED] =
    g_param_spec_boolean ("highlight-unassigned", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STATUS_MESSAGE] =
    g_signal_new ("status-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ZOOM_CHANGED] =
    g_signal_new ("zoom-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, action_delete);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, action_copy);
  gtk_widget_class_install_action (widget_class, "canvas.cut", NULL, action_cut);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, action_paste);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, action_duplicate);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, action_select_all);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, action_select_none);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, action_rename);
  gtk_widget_class_install_action (widget_class, "canvas.new-line", NULL, action_new_line);
  gtk_widget_class_install_action (widget_class, "canvas.align-left", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "canvas.align-top", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "canvas.distribute-horizontally", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "canvas.distribute-vertically", NULL, action_arrange);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "canvas.add-sticky", "s", action_add_sticky);
  gtk_widget_class_install_action (widget_class, "canvas.frame-selection", NULL, action_frame_selection);
  gtk_widget_class_install_action (widget_class, "canvas.next-step", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "canvas.previous-step", NULL, action_step);
  gtk_widget_class_install_action (widget_class, "canvas.set-tool", "s", action_set_tool);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(ii)", action_nudge);
  gtk_widget_class_install_action (widget_class, "canvas.select-neighbour", "(ii)", action_select_neighbour);
  gtk_widget_class_install_property_action (widget_class, "canvas.highlight-unassigned", "highlight-unassigned");

  add_binding (widget_class, GDK_KEY_Delete, 0, "canvas.delete");
  add_binding (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete");
  add_binding (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete");
  add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy");
  add_binding (widget_class, GDK_KEY_x, GDK_CONTROL_MASK, "canvas.cut");
  add_binding (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste");
  add_binding (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate");
  add_binding (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all");
  add_binding (widget_class, GDK_KEY_Escape, 0, "canvas.select-none");
  add_binding (widget_class, GDK_KEY_F2, 0, "canvas.rename");
  add_binding (widget_class, GDK_KEY_Return, 0, "canvas.rename");
  add_binding (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "canvas.new-line");
  add_binding (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "canvas.new-line");
  add_binding (widget_class, GDK_KEY_ISO_Enter, GDK_SHIFT_MASK, "canvas.new-line");
  add_binding (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.align-left");
  add_binding (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.align-top");
  add_binding (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "canvas.distribute-horizontally");
  add_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "canvas.frame-selection");
  add_binding (widget_class, GDK_KEY_Tab, 0, "canvas.next-step");
  add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.previous-step");
  add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.previous-step");
  add_binding (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in");
  add_binding (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out");
  add_binding (widget_class, GDK_KEY_0, 0, "canvas.zoom-reset");
  add_binding (widget_class, GDK_KEY_KP_0, 0, "canvas.zoom-reset");
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-reset");
  add_binding (widget_class, GDK_KEY_9, GDK_CONTROL_MASK, "canvas.zoom-fit");
  add_binding (widget_class, GDK_KEY_Home, 0, "canvas.zoom-fit");

  for (guint k = 0; k < G_N_ELEMENTS (digit_keys); k++)
    for (guint v = 0; v < 2; v++)
      gtk_widget_class_add_binding_action (widget_class, digit_keys[k][v], 0, "canvas.add-sticky",
                                           "s", stormcut_kind_to_string ((StormcutKind) k));

  for (guint k = 0; k < G_N_ELEMENTS (arrows); k++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[k].keyval, 0, "canvas.nudge", "(ii)",
                                           arrows[k].dx * NUDGE_STEP, arrows[k].dy * NUDGE_STEP);
      gtk_widget_class_add_binding_action (widget_class, arrows[k].keyval, GDK_SHIFT_MASK, "canvas.nudge", "(ii)",
                                           arrows[k].dx * NUDGE_BIG_STEP, arrows[k].dy * NUDGE_BIG_STEP);
      gtk_widget_class_add_binding_action (widget_class, arrows[k].keyval, GDK_ALT_MASK, "canvas.select-neighbour",
                                           "(ii)", arrows[k].dx, arrows[k].dy);
    }

  gtk_widget_class_set_css_name (widget_class, "stormcut-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
stormcut_canvas_init (StormcutCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *drag, *zoom;
  GtkEventController *controller;

  self->viewport = stormcut_viewport_new ();
  stormcut_viewport_set_zoom_limits (self->viewport, STORMCUT_CANVAS_MIN_ZOOM, STORMCUT_CANVAS_MAX_ZOOM);
  g_signal_connect (self->viewport, "changed", G_CALLBACK (viewport_changed_cb), self);
  self->last_zoom = stormcut_viewport_get_zoom (self->viewport);

  self->pango_context = stormcut_board_style_create_pango_context ();
  self->slots = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, layout_entry_free);
  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->search_hits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->selection = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->selected_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->index_dirty = TRUE;
  self->last_kind = STORMCUT_KIND_EVENT;
  self->tool = STORMCUT_CANVAS_TOOL_SELECT;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Event storming board"),
                                  -1);

  self->editor = gtk_text_new ();
  gtk_widget_set_parent (self->editor, widget);
  gtk_widget_set_visible (self->editor, FALSE);
  gtk_text_set_max_length (GTK_TEXT (self->editor), 500);
  g_signal_connect (self->editor, "activate", G_CALLBACK (editor_activate_cb), self);
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (gtk_widget_queue_allocate), self);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, controller);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  update_actions (self);
}

/* --- public API ------------------------------------------------------------------------- */

GtkWidget *
stormcut_canvas_new (void)
{
  return g_object_new (STORMCUT_TYPE_CANVAS, NULL);
}

void
stormcut_canvas_set_model (StormcutCanvas *self,
                           StormcutModel  *model)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->model == model)
    return;

  finish_editing (self, FALSE, FALSE);
  reset_drag (self);
  if (self->model != NULL)
    {
      g_clear_signal_handler (&self->model_changed_id, self->model);
      g_clear_signal_handler (&self->model_reloaded_id, self->model);
      g_clear_object (&self->model);
    }

  if (model != NULL)
    {
      self->model = g_object_ref (model);
      self->model_changed_id = g_signal_connect (model, "changed", G_CALLBACK (model_changed_cb), self);
      self->model_reloaded_id = g_signal_connect (model, "reloaded", G_CALLBACK (model_reloaded_cb), self);
    }

  self->index_dirty = TRUE;
  self->search_dirty = TRUE;
  self->paste_count = 0;
  stormcut_canvas_invalidate_layer (self);
  g_clear_pointer (&self->layer, gsk_render_node_unref);
  index_clear (self);
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->titles);
  g_hash_table_remove_all (self->problems);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->anchor_id, g_free);
  clear_selection_quietly (self);

  /* Show the whole board once the view has a size. */
  self->fit_pending = model != NULL;
  if (model != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      stormcut_canvas_zoom_to_fit (self);
      self->fit_pending = FALSE;
    }

  if (gtk_widget_get_realized (GTK_WIDGET (self)) || model == NULL)
    selection_changed (self);
  else
    update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

StormcutModel *
stormcut_canvas_get_model (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  return self->model;
}

char **
stormcut_canvas_get_selected_elements (StormcutCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  ids = selected_ids (self);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (ids, i));
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

const char *
stormcut_canvas_get_selected_context (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  return self->selected_context;
}

void
stormcut_canvas_select_element (StormcutCanvas *self,
                                const char     *id,
                                gboolean        extend)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL || id == NULL || stormcut_model_get_element (self->model, id) == NULL)
    return;

  if (!extend)
    clear_selection_quietly (self);
  g_clear_pointer (&self->selected_context, g_free);
  g_hash_table_add (self->selection, g_strdup (id));
  set_anchor (self, id);
  selection_changed (self);
}

void
stormcut_canvas_select_context (StormcutCanvas *self,
                                const char     *id)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL || id == NULL || stormcut_model_get_context (self->model, id) == NULL)
    return;
  if (g_strcmp0 (self->selected_context, id) == 0 && g_hash_table_size (self->selection) == 0 &&
      g_hash_table_size (self->selected_links) == 0)
    return;

  clear_selection_quietly (self);
  self->selected_context = g_strdup (id);
  selection_changed (self);
}

char **
stormcut_canvas_get_selected_links (StormcutCanvas *self)
{
  g_autoptr(GPtrArray) ids = NULL;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  ids = selected_link_ids (self);
  g_ptr_array_add (ids, NULL);

  return (char **) g_ptr_array_steal (ids, NULL);
}

void
stormcut_canvas_select_link (StormcutCanvas *self,
                             const char     *id,
                             gboolean        extend)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL || id == NULL || stormcut_model_get_link (self->model, id) == NULL)
    return;

  if (!extend)
    clear_selection_quietly (self);
  g_clear_pointer (&self->selected_context, g_free);
  g_hash_table_add (self->selected_links, g_strdup (id));
  selection_changed (self);
}

void
stormcut_canvas_select_all (StormcutCanvas *self)
{
  GPtrArray *elements;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL)
    return;

  clear_selection_quietly (self);
  elements = stormcut_model_get_elements (self->model);
  for (guint i = 0; i < elements->len; i++)
    g_hash_table_add (self->selection, g_strdup (((StormcutElement *) g_ptr_array_index (elements, i))->id));
  selection_changed (self);
}

void
stormcut_canvas_clear_selection (StormcutCanvas *self)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (clear_selection_quietly (self))
    selection_changed (self);
}

static void
reveal_area (StormcutCanvas        *self,
             const graphene_rect_t *area)
{
  double width, height;

  self->fit_pending = FALSE;
  if (stormcut_viewport_get_zoom (self->viewport) < 0.5)
    {
      /* From far away, jump close enough to read it. */
      stormcut_viewport_get_view_size (self->viewport, &width, &height);
      stormcut_viewport_zoom_at (self->viewport, 1.0, width / 2, height / 2);
      stormcut_viewport_set_origin (self->viewport,
                                    area->origin.x + area->size.width / 2 - width / 2,
                                    area->origin.y + area->size.height / 2 - height / 2);
    }
  stormcut_viewport_ensure_visible (self->viewport, area, 48);
}

void
stormcut_canvas_reveal_element (StormcutCanvas *self,
                                const char     *id)
{
  const StormcutElement *element;
  graphene_rect_t rect;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL || (element = stormcut_model_get_element (self->model, id)) == NULL)
    return;

  stormcut_canvas_element_rect (element, &rect);
  stormcut_canvas_select_element (self, id, FALSE);
  reveal_area (self, &rect);
}

void
stormcut_canvas_reveal_context (StormcutCanvas *self,
                                const char     *id)
{
  const StormcutContext *context;
  graphene_rect_t rect;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL || (context = stormcut_model_get_context (self->model, id)) == NULL)
    return;

  context_rect (context, &rect);
  stormcut_canvas_select_context (self, id);
  reveal_area (self, &rect);
}

void
stormcut_canvas_zoom_to_fit (StormcutCanvas *self)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    self->fit_pending = TRUE; /* again once the view has its real size */

  stormcut_canvas_ensure_index (self);
  if (!self->has_bounds)
    {
      stormcut_viewport_zoom_at (self->viewport, 1.0, 0, 0);
      stormcut_viewport_set_origin (self->viewport, -STORMCUT_BOARD_GRID, -STORMCUT_BOARD_GRID);
      return;
    }

  stormcut_viewport_fit (self->viewport, &self->bounds, 32, 1.0);
}

double
stormcut_canvas_get_zoom (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), 1.0);

  return stormcut_viewport_get_zoom (self->viewport);
}

void
stormcut_canvas_set_zoom (StormcutCanvas *self,
                          double          zoom)
{
  double width, height;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  self->fit_pending = FALSE;
  stormcut_viewport_get_view_size (self->viewport, &width, &height);
  stormcut_viewport_zoom_at (self->viewport, zoom, width / 2, height / 2);
}

void
stormcut_canvas_set_highlight_unassigned (StormcutCanvas *self,
                                          gboolean        highlight)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  highlight = !!highlight;
  if (self->highlight_unassigned == highlight)
    return;

  self->highlight_unassigned = highlight;
  stormcut_canvas_invalidate_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_UNASSIGNED]);
}

gboolean
stormcut_canvas_get_highlight_unassigned (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), FALSE);

  return self->highlight_unassigned;
}

void
stormcut_canvas_set_search_text (StormcutCanvas *self,
                                 const char     *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (text != NULL && *text != '\0')
    folded = fold_text (text);
  if (g_strcmp0 (folded, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_steal_pointer (&folded);
  self->search_dirty = TRUE;
  stormcut_canvas_invalidate_layer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

static gint
compare_reading_order (gconstpointer a,
                       gconstpointer b)
{
  const StormcutElement *ea = *(const StormcutElement * const *) a;
  const StormcutElement *eb = *(const StormcutElement * const *) b;

  if (ea->y != eb->y)
    return ea->y < eb->y ? -1 : 1;
  if (ea->x != eb->x)
    return ea->x < eb->x ? -1 : 1;
  return 0;
}

char **
stormcut_canvas_get_search_hits (StormcutCanvas *self)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new ();
  GStrvBuilder *builder;
  GHashTableIter iter;
  gpointer key;
  char **result;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  stormcut_canvas_ensure_search (self);
  g_hash_table_iter_init (&iter, self->search_hits);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const StormcutElement *element = stormcut_model_get_element (self->model, key);

      if (element != NULL)
        g_ptr_array_add (hits, (gpointer) element);
    }
  g_ptr_array_sort (hits, compare_reading_order);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < hits->len; i++)
    g_strv_builder_add (builder, ((const StormcutElement *) g_ptr_array_index (hits, i))->id);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

void
stormcut_canvas_begin_quick_add (StormcutCanvas *self,
                                 StormcutKind    kind)
{
  graphene_rect_t rect;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));
  g_return_if_fail (kind < STORMCUT_N_KINDS);

  if (self->model == NULL)
    return;
  if (self->edit_mode != EDIT_NONE)
    finish_editing (self, TRUE, TRUE);

  placement_for (self, kind, &rect);
  begin_quick_add_at (self, kind, &rect, NULL, NULL);
}

void
stormcut_canvas_begin_rename (StormcutCanvas *self)
{
  g_auto(GStrv) ids = NULL;

  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  if (self->model == NULL)
    return;

  ids = stormcut_canvas_get_selected_elements (self);
  if (g_strv_length (ids) == 1)
    {
      const StormcutElement *element = stormcut_model_get_element (self->model, ids[0]);
      graphene_rect_t rect;

      stormcut_canvas_element_rect (element, &rect);
      begin_editing (self, EDIT_RENAME_ELEMENT, element->kind, &rect, element->name, element->id);
    }
  else if (ids[0] == NULL && self->selected_context != NULL)
    {
      const StormcutContext *context = stormcut_model_get_context (self->model, self->selected_context);
      graphene_rect_t rect;

      if (context == NULL)
        return;
      context_rect (context, &rect);
      begin_editing (self, EDIT_RENAME_CONTEXT, STORMCUT_KIND_EVENT, &rect, context->name, context->id);
    }
}

gboolean
stormcut_canvas_is_editing (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), FALSE);

  return self->edit_mode != EDIT_NONE;
}

void
stormcut_canvas_set_tool (StormcutCanvas     *self,
                          StormcutCanvasTool  tool)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));
  g_return_if_fail (tool <= STORMCUT_CANVAS_TOOL_LINK);

  if (self->tool == tool)
    return;

  self->tool = tool;
  reset_drag (self);
  update_cursor (self, self->pointer_wx, self->pointer_wy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

StormcutCanvasTool
stormcut_canvas_get_tool (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), STORMCUT_CANVAS_TOOL_SELECT);

  return self->tool;
}

GskRenderNode *
stormcut_canvas_build_node (StormcutCanvas *self,
                            int             width,
                            int             height)
{
  GtkSnapshot *snapshot;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      /* Not on screen: the requested size is the view. */
      stormcut_viewport_set_view_size (self->viewport, width, height);
      if (self->fit_pending && self->model != NULL)
        {
          stormcut_canvas_zoom_to_fit (self);
          self->fit_pending = FALSE;
        }
    }

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  stormcut_canvas_draw_board (self, snapshot, width, height);
  gtk_snapshot_pop (snapshot);

  return gtk_snapshot_free_to_node (snapshot);
}

GdkTexture *
stormcut_canvas_render_texture (StormcutCanvas *self,
                                int             width,
                                int             height)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (self->offscreen_renderer == NULL)
    {
      self->offscreen_renderer = gsk_cairo_renderer_new ();
      if (!gsk_renderer_realize (self->offscreen_renderer, NULL, &error))
        {
          g_warning ("Cannot render the board offscreen: %s", error->message);
          g_clear_object (&self->offscreen_renderer);
          return NULL;
        }
    }

  self->exact_frames = TRUE;
  node = stormcut_canvas_build_node (self, width, height);
  self->exact_frames = FALSE;

  return gsk_renderer_render_texture (self->offscreen_renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

StormcutViewport *
stormcut_canvas_get_viewport (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  return self->viewport;
}

GtkEditable *
stormcut_canvas_get_editor (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  return GTK_EDITABLE (self->editor);
}

void
stormcut_canvas_commit_editing (StormcutCanvas *self)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  finish_editing (self, TRUE, TRUE);
}

guint
stormcut_canvas_get_n_drawn (StormcutCanvas *self)
{
  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), 0);

  return self->n_drawn;
}

void
stormcut_canvas_set_exact_frames (StormcutCanvas *self,
                                  gboolean        exact)
{
  g_return_if_fail (STORMCUT_IS_CANVAS (self));

  self->exact_frames = !!exact;
}

char *
stormcut_canvas_describe_link_at (StormcutCanvas *self,
                                  double          x,
                                  double          y)
{
  const LinkGeometry *geometry;
  const StormcutElement *source, *target;
  const char *meaning;
  char *text;
  int i;

  g_return_val_if_fail (STORMCUT_IS_CANVAS (self), NULL);

  if (self->model == NULL || (i = link_at (self, x, y)) < 0)
    return NULL;

  geometry = &g_array_index (self->links, LinkGeometry, i);
  source = stormcut_canvas_element_by_index (self, geometry->source);
  target = stormcut_canvas_element_by_index (self, geometry->target);
  meaning = stormcut_grammar_describe (source->kind, target->kind);
  /* TRANSLATORS: tooltip of a link: "Register reservation → Reservation registered", then
   * on the next line what the link means ("command is handled by the aggregate") */
  text = g_strdup_printf (_("%s → %s\n%s"), source->name, target->name, meaning != NULL ? meaning : "");
  if (geometry->async)
    {
      g_autofree char *plain = text;

      /* TRANSLATORS: added to a link's tooltip for an asynchronous (dashed) link */
      text = g_strdup_printf ("%s\n%s", plain, _("Asynchronous (dashed line)"));
    }

  return g_strchomp (text);
}
