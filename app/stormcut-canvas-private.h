/* stormcut-canvas-private.h: internals of the canvas that tests and benchmarks drive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stormcut-canvas.h"
#include "stormcut-board-index.h"
#include "stormcut-viewport.h"

G_BEGIN_DECLS

StormcutViewport *stormcut_canvas_get_viewport        (StormcutCanvas *self);

/* Pointer input in widget coordinates, through the same code as the gestures. */
void              stormcut_canvas_pointer_press       (StormcutCanvas *self, guint button, GdkModifierType state,
                                                       double x, double y);
void              stormcut_canvas_pointer_motion      (StormcutCanvas *self, double x, double y);
void              stormcut_canvas_pointer_release     (StormcutCanvas *self, double x, double y);
/* A drag held within 32 pixels of the board's edge scrolls the board that way, faster nearer
 * the edge; the frame clock calls this every frame with the time since the last (tests call
 * it directly).  FALSE when there is nothing to scroll. */
gboolean          stormcut_canvas_autoscroll_step     (StormcutCanvas *self, double seconds);
void              stormcut_canvas_pointer_double_click (StormcutCanvas *self, double x, double y);
/* The tooltip of the link under the widget point (its ends and what it means), or NULL. */
char             *stormcut_canvas_describe_link_at    (StormcutCanvas *self, double x, double y);
/* Ctrl+scroll: zooms by one wheel step (@steps < 0 zooms in) around (@x, @y). */
void              stormcut_canvas_scroll_zoom         (StormcutCanvas *self, double steps, double x, double y);

/* The inline editor (a GtkText) and its commit, as Enter would do it. */
GtkEditable      *stormcut_canvas_get_editor          (StormcutCanvas *self);
void              stormcut_canvas_commit_editing      (StormcutCanvas *self);

/* Number of stickies drawn by the last frame (what culling let through). */
guint             stormcut_canvas_get_n_drawn         (StormcutCanvas *self);
/* With @exact, every frame is drawn sharp at its zoom; without (the default on screen), a
 * zoomed-out board being zoomed shows its last picture scaled until the zoom rests. */
void              stormcut_canvas_set_exact_frames    (StormcutCanvas *self, gboolean exact);
/* Builds the render node of the board at @width × @height (what snapshot() appends). */
GskRenderNode    *stormcut_canvas_build_node          (StormcutCanvas *self, int width, int height);

/* --- internals shared by the canvas's files (stormcut-canvas.c: state, editing and
 * input; stormcut-canvas-draw.c: drawing) ------------------------------------------- */

/* Badges and link handles need a sticky at least this many pixels wide. */
#define MIN_DECOR_PIXELS    36.0
#define LINK_HANDLE_RADIUS  6.0
#define FRAME_HANDLE_SIZE   10.0

typedef enum {
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RUBBER_BAND,
  DRAG_LINK,
  DRAG_FRAME_NEW,
  DRAG_FRAME_MOVE,
  DRAG_FRAME_RESIZE,
} DragMode;

typedef enum {
  EDIT_NONE,
  EDIT_QUICK_ADD,
  EDIT_RENAME_ELEMENT,
  EDIT_RENAME_CONTEXT,
} EditMode;

typedef struct {
  char         *name;
  StormcutKind  kind;
  double        width;
  double        height;
  PangoLayout  *layout;
  double        text_height;   /* board units */
} LayoutEntry;

typedef struct {
  const char *id;       /* borrowed from the model until its next change */
  guint       source;   /* index into the element array */
  guint       target;
  gboolean    async;
  graphene_rect_t box;  /* board area of both stickies (hit-tests are quick to skip it) */
} LinkGeometry;

struct _StormcutCanvas
{
  GtkWidget parent_instance;

  /* owned references */
  StormcutModel      *model;
  StormcutViewport   *viewport;
  PangoContext       *pango_context;
  GskRenderer        *offscreen_renderer;
  GtkWidget          *editor;
  char               *clip_xml;

  gulong              model_changed_id;
  gulong              model_reloaded_id;

  /* spatial index, rebuilt lazily after the model changed */
  gboolean            index_dirty;
  GPtrArray          *elements;        /* borrowed from the model until its next change */
  GHashTable         *element_index;   /* id (borrowed) → index + 1 */
  guint              *element_slot;    /* colour slot of each element */
  GArray             *slots;           /* GdkRGBA per distinct colour */
  StormcutBoardIndex *grid;            /* where each sticky is */
  GArray             *links;           /* LinkGeometry */
  graphene_rect_t     bounds;
  gboolean            has_bounds;
  /* small pictures drawn once and placed many times (cairo nodes: every renderer reuses
   * their pixels as they are) */
  GskRenderNode      *heads[2][4];     /* arrowheads: [highlighted][direction] */
  int                 heads_pixels;
  GskRenderNode      *badges[10];      /* warning badges "1".."9", "9+" */

  /* far away, frames, links and stickies are kept as one picture while only the view moves */
  GskRenderNode      *layer;
  cairo_surface_t    *layer_pixels;
  graphene_rect_t     layer_area;      /* board area it shows */
  double              layer_zoom;
  guint64             layer_revision;
  guint               layer_stamp;
  guint               stamp_counter;   /* bumped by every change of what the layer shows */
  guint               layer_n_drawn;
  guint               layer_settle_id; /* full redraw once a zoom has settled */
  gboolean            exact_frames;    /* never show a scaled layer (offscreen rendering) */

  /* caches */
  GHashTable         *layouts;         /* id → LayoutEntry */
  GHashTable         *titles;          /* context id → PangoLayout of its title */
  GHashTable         *problems;        /* id → number of grammar warnings */
  guint64             problems_revision;
  GHashTable         *search_hits;     /* id set */
  guint64             search_revision;
  gboolean            search_dirty;

  /* view state */
  GHashTable         *selection;       /* element ids (owned) */
  GHashTable         *selected_links;  /* link ids (owned) */
  char               *selected_context;
  char               *anchor_id;       /* the sticky new steps are placed next to */
  char               *hover_id;
  StormcutCanvasTool  tool;
  gboolean            highlight_unassigned;
  char               *search_text;     /* normalised and case-folded, or NULL */
  gboolean            fit_pending;
  double              last_zoom;
  guint               n_drawn;

  /* pointer interaction */
  DragMode            drag_mode;
  guint               drag_button;
  gboolean            drag_extend;
  gboolean            drag_moved;
  gboolean            drag_select_on_release;
  double              press_wx;
  double              press_wy;
  double              press_bx;
  double              press_by;
  double              last_wx;
  double              last_wy;
  double              pointer_wx;
  double              pointer_wy;
  double              drag_dx;         /* board offset of what moves */
  double              drag_dy;
  char               *drag_id;         /* element or context pressed */
  char               *link_target_id;
  GHashTable         *drag_elements;   /* ids moving with the drag */
  GHashTable         *drag_contexts;
  guint               drag_edges;
  graphene_rect_t     drag_frame;      /* board rectangle drawn, resized or banded */
  graphene_rect_t     drag_frame_start;
  gboolean            space_down;
  double              zoom_gesture_start;
  guint               autoscroll_id;   /* tick callback while a drag is near the edge */
  gint64              autoscroll_time; /* frame time of its last step, 0 before the first */
  guint32             last_press_time; /* double-click detection */
  double              last_press_x;
  double              last_press_y;

  /* inline editor */
  EditMode            edit_mode;
  StormcutKind        edit_kind;
  graphene_rect_t     edit_rect;       /* board rectangle of the sticky or title edited */
  char               *edit_target;
  char               *edit_link_from;
  char               *edit_link_to;
  int                 edit_step;       /* +1: a next step being named, -1: a previous step */
  StormcutKind        last_kind;
  guint               paste_count;
};

/* stormcut-canvas-draw.c */
void                   stormcut_canvas_draw_board            (StormcutCanvas *self, GtkSnapshot *snapshot,
                                                              double width, double height);
/* Something the far-away picture shows has changed. */
void                   stormcut_canvas_invalidate_layer      (StormcutCanvas *self);
void                   stormcut_canvas_clear_pictures        (StormcutCanvas *self);
/* Size of frame titles and of the band that grabs a frame, in pixels, at @zoom. */
double                 stormcut_canvas_frame_title_pixels    (double zoom);
double                 stormcut_canvas_frame_title_band      (double zoom);

/* stormcut-canvas.c */
void                   stormcut_canvas_ensure_index          (StormcutCanvas *self);
void                   stormcut_canvas_ensure_search         (StormcutCanvas *self);
void                   stormcut_canvas_index_query           (StormcutCanvas *self, const graphene_rect_t *area,
                                                              GArray *out);
const StormcutElement *stormcut_canvas_element_by_index      (StormcutCanvas *self, guint index);
int                    stormcut_canvas_element_index_of      (StormcutCanvas *self, const char *id);
/* Where an element or frame is drawn: with the preview offset of a drag. */
void                   stormcut_canvas_element_draw_rect     (StormcutCanvas *self, const StormcutElement *element,
                                                              graphene_rect_t *rect);
void                   stormcut_canvas_context_draw_rect     (StormcutCanvas *self, const StormcutContext *context,
                                                              graphene_rect_t *rect);
LayoutEntry           *stormcut_canvas_element_layout        (StormcutCanvas *self, const StormcutElement *element);
guint                  stormcut_canvas_element_problem_count (StormcutCanvas *self, const StormcutElement *element);
gboolean               stormcut_canvas_is_selected           (StormcutCanvas *self, const char *id);
gboolean               stormcut_canvas_is_link_selected      (StormcutCanvas *self, const char *id);
gboolean               stormcut_canvas_is_moving             (StormcutCanvas *self, const char *id);
gboolean               stormcut_canvas_is_search_hit         (StormcutCanvas *self, const char *id);
void                   stormcut_canvas_element_rect          (const StormcutElement *element, graphene_rect_t *rect);
gboolean               stormcut_canvas_rects_intersect       (const graphene_rect_t *a, const graphene_rect_t *b);
gboolean               stormcut_canvas_rect_contains_rect    (const graphene_rect_t *outer,
                                                              const graphene_rect_t *inner);

G_END_DECLS
