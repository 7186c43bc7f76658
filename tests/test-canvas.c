/* test-canvas.c: the board widget, driven through its actions and pointer code (suite gui)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every test edits a real StormcutModel through the canvas, then checks the model: what the
 * canvas shows is only ever what the model holds.  The canvas is not put in a window: the
 * view is set to 1280 × 800 at zoom 1 with the board origin at the top-left corner, so
 * widget and board coordinates are the same.
 */
#include <gtk/gtk.h>
#include <math.h>
#include <string.h>

#include "test-common.h"
#include "stormcut-canvas.h"
#include "stormcut-canvas-private.h"
#include "stormcut-board-index.h"
#include "stormcut-board-style.h"
#include "stormcut-viewport.h"

#define VIEW_W 1280
#define VIEW_H 800

static void
setup_gtk (void)
{
  gtk_init ();
}

/* A canvas on @model seen at zoom 1 from the board origin. */
static StormcutCanvas *
canvas_new_for (StormcutModel *model)
{
  StormcutCanvas *canvas = STORMCUT_CANVAS (g_object_ref_sink (stormcut_canvas_new ()));
  StormcutViewport *viewport = stormcut_canvas_get_viewport (canvas);
  GskRenderNode *node;

  stormcut_canvas_set_model (canvas, model);
  node = stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H);
  gsk_render_node_unref (node);
  stormcut_viewport_zoom_at (viewport, 1.0, 0, 0);
  stormcut_viewport_set_origin (viewport, 0, 0);

  return canvas;
}

static const StormcutElement *
add (StormcutModel *model,
     StormcutKind   kind,
     const char    *name,
     double         x,
     double         y)
{
  g_autoptr(GError) error = NULL;
  const StormcutElement *element = stormcut_model_add_element (model, kind, name, x, y, &error);

  ck_assert_msg (element != NULL, "add %s: %s", name, error ? error->message : "?");
  return element;
}

static void
activate (StormcutCanvas *canvas,
          const char     *action,
          GVariant       *parameter)
{
  ck_assert_msg (gtk_widget_activate_action_variant (GTK_WIDGET (canvas), action, parameter),
                 "action %s is not enabled", action);
}

static void
type_and_commit (StormcutCanvas *canvas,
                 const char     *text)
{
  ck_assert (stormcut_canvas_is_editing (canvas));
  gtk_editable_set_text (stormcut_canvas_get_editor (canvas), text);
  stormcut_canvas_commit_editing (canvas);
  ck_assert (!stormcut_canvas_is_editing (canvas));
}

static void
drag (StormcutCanvas  *canvas,
      GdkModifierType  state,
      double           x0,
      double           y0,
      double           x1,
      double           y1)
{
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, state, x0, y0);
  for (int step = 1; step <= 4; step++)
    stormcut_canvas_pointer_motion (canvas, x0 + (x1 - x0) * step / 4, y0 + (y1 - y0) * step / 4);
  stormcut_canvas_pointer_release (canvas, x1, y1);
}

static const StormcutElement *
element_named (StormcutModel *model,
               const char    *name)
{
  GPtrArray *elements = stormcut_model_get_elements (model);

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);

      if (g_strcmp0 (element->name, name) == 0)
        return element;
    }
  return NULL;
}

static guint
n_selected (StormcutCanvas *canvas)
{
  g_auto(GStrv) ids = stormcut_canvas_get_selected_elements (canvas);

  return g_strv_length (ids);
}

static void
status_cb (StormcutCanvas *canvas,
           const char     *message,
           char          **last)
{
  g_free (*last);
  *last = g_strdup (message);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

/* --- viewport ---------------------------------------------------------------------------- */

START_TEST (test_viewport_conversion)
{
  g_autoptr(StormcutViewport) viewport = stormcut_viewport_new ();
  graphene_rect_t area = GRAPHENE_RECT_INIT (1000, 2000, 4000, 1000), visible;
  double bx, by, wx, wy, bx2, by2;

  stormcut_viewport_set_view_size (viewport, 800, 600);
  stormcut_viewport_set_origin (viewport, 100, 50);

  /* Zooming keeps the board point under the pointer where it is. */
  stormcut_viewport_widget_to_board (viewport, 300, 200, &bx, &by);
  ck_assert (stormcut_viewport_zoom_at (viewport, 2.5, 300, 200));
  stormcut_viewport_board_to_widget (viewport, bx, by, &wx, &wy);
  ck_assert_double_eq_tol (wx, 300, 1e-9);
  ck_assert_double_eq_tol (wy, 200, 1e-9);
  stormcut_viewport_widget_to_board (viewport, wx, wy, &bx2, &by2);
  ck_assert_double_eq_tol (bx2, bx, 1e-9);
  ck_assert_double_eq_tol (by2, by, 1e-9);

  /* Zoom is clamped; NaN is ignored. */
  stormcut_viewport_set_zoom_limits (viewport, 0.01, 4.0);
  stormcut_viewport_zoom_at (viewport, 1000, 0, 0);
  ck_assert_double_eq (stormcut_viewport_get_zoom (viewport), 4.0);
  ck_assert (!stormcut_viewport_zoom_at (viewport, NAN, 0, 0));

  /* Fit shows all of the area, centred. */
  stormcut_viewport_fit (viewport, &area, 20, 1.0);
  stormcut_viewport_get_visible_area (viewport, &visible);
  ck_assert_msg (visible.origin.x <= 1000 && visible.origin.y <= 2000 &&
                 visible.origin.x + visible.size.width >= 5000 &&
                 visible.origin.y + visible.size.height >= 3000,
                 "visible %g %g %g %g", visible.origin.x, visible.origin.y, visible.size.width, visible.size.height);
  ck_assert_double_eq_tol (visible.origin.x + visible.size.width / 2, 3000, 1e-6);
  ck_assert_double_eq_tol (stormcut_viewport_get_zoom (viewport), 760.0 / 4000, 1e-9);

  /* Panning moves the content with the pointer. */
  stormcut_viewport_board_to_widget (viewport, 3000, 2500, &wx, &wy);
  stormcut_viewport_pan (viewport, 40, -10);
  stormcut_viewport_board_to_widget (viewport, 3000, 2500, &bx, &by);
  ck_assert_double_eq_tol (bx - wx, 40, 1e-9);
  ck_assert_double_eq_tol (by - wy, -10, 1e-9);
}
END_TEST

/* The spatial index finds exactly what a scan of every sticky finds, in document order. */
START_TEST (test_board_index)
{
  g_autoptr(StormcutModel) model = stormcut_test_generate_model (2000, 3);
  GPtrArray *elements = stormcut_model_get_elements (model);
  g_autoptr(StormcutBoardIndex) index = stormcut_board_index_new (elements);
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (int round = 0; round < 200; round++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (guint));
      graphene_rect_t area = GRAPHENE_RECT_INIT (g_rand_double_range (rand, -2000, 25000),
                                                 g_rand_double_range (rand, -2000, 8000),
                                                 g_rand_double_range (rand, 0, 6000),
                                                 g_rand_double_range (rand, 0, 3000));

      for (guint i = 0; i < elements->len; i++)
        {
          const StormcutElement *e = g_ptr_array_index (elements, i);

          if (e->x <= area.origin.x + area.size.width && area.origin.x <= e->x + e->width &&
              e->y <= area.origin.y + area.size.height && area.origin.y <= e->y + e->height)
            g_array_append_val (expected, i);
        }
      stormcut_board_index_query (index, &area, found);
      ck_assert_uint_eq (found->len, expected->len);
      for (guint k = 0; k < found->len; k++)
        ck_assert_uint_eq (g_array_index (found, guint, k), g_array_index (expected, guint, k));
    }

  /* Hit-testing: the sticky's centre finds it; a hotspot's corner is outside its diamond. */
  for (guint i = 0; i < elements->len; i += 97)
    {
      const StormcutElement *e = g_ptr_array_index (elements, i);
      int hit = stormcut_board_index_element_at (index, e->x + e->width / 2, e->y + e->height / 2);

      ck_assert_int_ge (hit, 0);
      ck_assert_double_le (((StormcutElement *) g_ptr_array_index (elements, hit))->x, e->x + e->width / 2);
      if (e->kind == STORMCUT_KIND_HOTSPOT)
        ck_assert_int_ne (stormcut_board_index_element_at (index, e->x + 2, e->y + 2), (int) i);
    }
  ck_assert_int_eq (stormcut_board_index_element_at (index, -1e6, -1e6), -1);
}
END_TEST

/* --- fast capture -------------------------------------------------------------------------- */

START_TEST (test_quick_add_and_steps)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  const StormcutElement *event, *policy, *command, *read_model;

  /* Key 1: a domain event, named by typing, placed in the view. */
  activate (canvas, "canvas.add-sticky", g_variant_new_string ("event"));
  type_and_commit (canvas, "예약 등록됨");
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 1);
  event = element_named (model, "예약 등록됨");
  ck_assert_ptr_nonnull (event);
  ck_assert_int_eq (event->kind, STORMCUT_KIND_EVENT);
  ck_assert_uint_eq (n_selected (canvas), 1);

  /* Tab: the next step after an event is a policy, linked asynchronously. */
  activate (canvas, "canvas.next-step", NULL);
  gtk_editable_set_text (stormcut_canvas_get_editor (canvas), "알림 정책");
  /* Tab again while typing commits the policy and goes on to its command. */
  activate (canvas, "canvas.next-step", NULL);
  type_and_commit (canvas, "알림 발송");

  event = element_named (model, "예약 등록됨");
  policy = element_named (model, "알림 정책");
  command = element_named (model, "알림 발송");
  ck_assert_ptr_nonnull (policy);
  ck_assert_ptr_nonnull (command);
  ck_assert_int_eq (policy->kind, STORMCUT_KIND_POLICY);
  ck_assert_int_eq (command->kind, STORMCUT_KIND_COMMAND);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, event->id, policy->id));
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, policy->id, command->id));
  /* On the timeline: each step to the right of the one before. */
  ck_assert (policy->x >= event->x + event->width);
  ck_assert (command->x >= policy->x + policy->width);
  ck_assert_double_eq (policy->y, event->y);

  /* Shift+Tab before the event: the command that produced it. */
  stormcut_canvas_select_element (canvas, event->id, FALSE);
  activate (canvas, "canvas.previous-step", NULL);
  type_and_commit (canvas, "예약 등록");
  event = element_named (model, "예약 등록됨");
  command = element_named (model, "예약 등록");
  ck_assert_ptr_nonnull (command);
  ck_assert (command->x + command->width <= event->x);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, command->id, event->id));

  /* Tab on a step not named yet offers the next kind that may follow: an event may also
   * update a read model. */
  stormcut_canvas_select_element (canvas, element_named (model, "예약 등록됨")->id, FALSE);
  activate (canvas, "canvas.next-step", NULL);
  activate (canvas, "canvas.next-step", NULL);
  type_and_commit (canvas, "예약 목록");
  ck_assert_int_eq (element_named (model, "예약 목록")->kind, STORMCUT_KIND_READ_MODEL);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, element_named (model, "예약 등록됨")->id,
                                                   element_named (model, "예약 목록")->id));
  /* It found room below the policy already there. */
  ck_assert (element_named (model, "예약 목록")->y > element_named (model, "알림 정책")->y);
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_null (element_named (model, "예약 목록"));

  /* Quick-add lands right of the selection, on a free spot. */
  stormcut_canvas_select_element (canvas, event->id, FALSE);
  stormcut_canvas_begin_quick_add (canvas, STORMCUT_KIND_READ_MODEL);
  type_and_commit (canvas, "예약 현황");
  event = element_named (model, "예약 등록됨");
  policy = element_named (model, "알림 정책");
  read_model = element_named (model, "예약 현황");
  ck_assert (read_model->x >= event->x + event->width);
  ck_assert (read_model->x >= policy->x + policy->width || read_model->y != policy->y);

  /* Escape cancels, an empty name adds nothing. */
  activate (canvas, "canvas.add-sticky", g_variant_new_string ("hotspot"));
  gtk_editable_set_text (stormcut_canvas_get_editor (canvas), "버려질 이름");
  activate (canvas, "canvas.select-none", NULL);
  ck_assert (!stormcut_canvas_is_editing (canvas));
  activate (canvas, "canvas.add-sticky", g_variant_new_string ("actor"));
  type_and_commit (canvas, "   ");
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 5);

  /* Each capture is one undo step: the sticky and its link go together. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_null (element_named (model, "예약 현황"));
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_null (element_named (model, "예약 등록"));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 2);
}
END_TEST

START_TEST (test_rename_in_place)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (add (model, STORMCUT_KIND_COMMAND, "Register", 200, 200)->id);

  /* Double-click on the sticky edits its name. */
  stormcut_canvas_pointer_double_click (canvas, 260, 260);
  ck_assert (stormcut_canvas_is_editing (canvas));
  ck_assert_str_eq (gtk_editable_get_text (stormcut_canvas_get_editor (canvas)), "Register");
  type_and_commit (canvas, "Register reservation");
  ck_assert_str_eq (stormcut_model_get_element (model, id)->name, "Register reservation");

  /* F2 does the same through the action. */
  activate (canvas, "canvas.rename", NULL);
  type_and_commit (canvas, "예약 등록");
  ck_assert_str_eq (stormcut_model_get_element (model, id)->name, "예약 등록");

  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_str_eq (stormcut_model_get_element (model, id)->name, "Register reservation");

  /* Shift+Enter starts a new line (over the selection). */
  activate (canvas, "canvas.rename", NULL);
  {
    GtkEditable *editor = stormcut_canvas_get_editor (canvas);
    int position;

    gtk_editable_select_region (editor, 8, -1);
    activate (canvas, "canvas.new-line", NULL);
    position = gtk_editable_get_position (editor);
    gtk_editable_insert_text (editor, "reservation", -1, &position);
    ck_assert_str_eq (gtk_editable_get_text (editor), "Register\nreservation");
    stormcut_canvas_commit_editing (canvas);
  }
  ck_assert_str_eq (stormcut_model_get_element (model, id)->name, "Register\nreservation");
  activate (canvas, "canvas.new-line", NULL);   /* not naming: nothing happens */
  ck_assert (!stormcut_canvas_is_editing (canvas));

  /* Double-click on empty board adds a sticky of the last kind there. */
  stormcut_canvas_pointer_double_click (canvas, 700, 500);
  type_and_commit (canvas, "New one");
  ck_assert_ptr_nonnull (element_named (model, "New one"));
  ck_assert (fabs (element_named (model, "New one")->x + 60 - 700) < 1);
}
END_TEST

/* --- selection, moving, deleting ----------------------------------------------------------- */

START_TEST (test_move_by_drag_and_keys)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup (add (model, STORMCUT_KIND_EVENT, "A", 100, 100)->id);
  g_autofree char *b = g_strdup (add (model, STORMCUT_KIND_EVENT, "B", 400, 100)->id);
  g_autofree char *c = g_strdup (add (model, STORMCUT_KIND_EVENT, "C", 700, 100)->id);
  guint history;

  /* Shift-click adds to the selection; dragging one moves both. */
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, 0, 160, 160);
  stormcut_canvas_pointer_release (canvas, 160, 160);
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, GDK_SHIFT_MASK, 460, 160);
  stormcut_canvas_pointer_release (canvas, 460, 160);
  ck_assert_uint_eq (n_selected (canvas), 2);

  history = stormcut_model_get_history_length (model);
  drag (canvas, 0, 460, 160, 560, 200);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 200);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->y, 140);
  ck_assert_double_eq (stormcut_model_get_element (model, b)->x, 500);
  ck_assert_double_eq (stormcut_model_get_element (model, c)->x, 700);
  ck_assert_uint_eq (stormcut_model_get_history_length (model), history + 1);

  /* One undo step puts both back. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 100);
  ck_assert_double_eq (stormcut_model_get_element (model, b)->x, 400);

  /* Arrow keys: 10 units, Shift 50. */
  activate (canvas, "canvas.nudge", g_variant_new ("(ii)", 10, 0));
  activate (canvas, "canvas.nudge", g_variant_new ("(ii)", 0, -50));
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 110);
  ck_assert_double_eq (stormcut_model_get_element (model, b)->y, 50);

  /* A drag lands the grabbed sticky on the 10-unit snap. */
  stormcut_canvas_select_element (canvas, c, FALSE);
  drag (canvas, 0, 760, 160, 797, 172);
  ck_assert_double_eq (stormcut_model_get_element (model, c)->x, 740);
  ck_assert_double_eq (stormcut_model_get_element (model, c)->y, 110);
  ck_assert (stormcut_model_undo (model, &error));

  /* Alt+arrows walk the selection from sticky to sticky. */
  stormcut_canvas_select_element (canvas, a, FALSE);
  activate (canvas, "canvas.select-neighbour", g_variant_new ("(ii)", 1, 0));
  {
    g_auto(GStrv) ids = stormcut_canvas_get_selected_elements (canvas);

    ck_assert_str_eq (ids[0], b);
  }
  activate (canvas, "canvas.select-neighbour", g_variant_new ("(ii)", 1, 0));
  activate (canvas, "canvas.select-neighbour", g_variant_new ("(ii)", 1, 0));
  {
    g_auto(GStrv) ids = stormcut_canvas_get_selected_elements (canvas);

    ck_assert_str_eq (ids[0], c);   /* nothing further right: it stays on C */
  }

  /* A click without a drag moves nothing. */
  history = stormcut_model_get_history_length (model);
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, 0, 760, 160);
  stormcut_canvas_pointer_motion (canvas, 761, 161);
  stormcut_canvas_pointer_release (canvas, 761, 161);
  ck_assert_uint_eq (stormcut_model_get_history_length (model), history);
  ck_assert_uint_eq (n_selected (canvas), 1);
}
END_TEST

/* A drag held near the board's edge scrolls the board, and what is dragged goes along. */
START_TEST (test_drag_near_the_edge_scrolls)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  StormcutViewport *viewport = stormcut_canvas_get_viewport (canvas);
  g_autofree char *a = g_strdup (add (model, STORMCUT_KIND_EVENT, "A", 100, 100)->id);
  g_autofree char *far = g_strdup (add (model, STORMCUT_KIND_EVENT, "Far", 100, 1500)->id);
  double ox, oy, before_x, before_y;

  /* No drag, or a drag away from the edges: nothing scrolls. */
  ck_assert (!stormcut_canvas_autoscroll_step (canvas, 0.1));
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, 0, 160, 160);
  stormcut_canvas_pointer_motion (canvas, 600, 400);
  ck_assert (!stormcut_canvas_autoscroll_step (canvas, 0.1));

  /* 16 px from the right edge: half speed, 450 px/s, so 45 px in 0.1 s; the board moves
   * left and the sticky stays under the pointer. */
  stormcut_canvas_pointer_motion (canvas, VIEW_W - 16, 400);
  stormcut_viewport_get_origin (viewport, &before_x, &before_y);
  ck_assert (stormcut_canvas_autoscroll_step (canvas, 0.1));
  ck_assert (stormcut_canvas_autoscroll_step (canvas, 0.1));
  stormcut_viewport_get_origin (viewport, &ox, &oy);
  ck_assert_double_eq_tol (fabs (ox - before_x), 90, 0.01);
  ck_assert_double_eq_tol (oy, before_y, 0.01);
  stormcut_canvas_pointer_release (canvas, VIEW_W - 16, 400);
  /* 1,104 px of pointer travel plus 90 px of scrolling, on the 10-unit snap. */
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 1290);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->y, 340);
  ck_assert (!stormcut_canvas_autoscroll_step (canvas, 0.1));   /* the drag is over */

  /* A rubber band dragged to the bottom edge reaches stickies below the view. */
  stormcut_viewport_set_origin (viewport, 0, 0);
  stormcut_canvas_clear_selection (canvas);
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, 0, 20, 20);
  stormcut_canvas_pointer_motion (canvas, 400, VIEW_H - 1);
  for (int i = 0; i < 20; i++)
    ck_assert (stormcut_canvas_autoscroll_step (canvas, 0.05));
  stormcut_canvas_pointer_release (canvas, 400, VIEW_H - 1);
  {
    g_auto(GStrv) ids = stormcut_canvas_get_selected_elements (canvas);

    ck_assert_uint_eq (g_strv_length (ids), 1);
    ck_assert_str_eq (ids[0], far);
  }
}
END_TEST

START_TEST (test_rubber_band_and_select_all)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_auto(GStrv) ids = NULL;

  add (model, STORMCUT_KIND_EVENT, "A", 100, 100);
  add (model, STORMCUT_KIND_EVENT, "B", 300, 100);
  add (model, STORMCUT_KIND_EVENT, "C", 100, 500);

  drag (canvas, 0, 50, 50, 450, 300);
  ids = stormcut_canvas_get_selected_elements (canvas);
  ck_assert_uint_eq (g_strv_length (ids), 2);
  ck_assert_str_eq (stormcut_model_get_element (model, ids[0])->name, "A");
  ck_assert_str_eq (stormcut_model_get_element (model, ids[1])->name, "B");

  /* Shift adds a second band to the first. */
  drag (canvas, GDK_SHIFT_MASK, 50, 450, 300, 700);
  ck_assert_uint_eq (n_selected (canvas), 3);

  /* A click on empty board clears; select-all takes everything. */
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, 0, 900, 700);
  stormcut_canvas_pointer_release (canvas, 900, 700);
  ck_assert_uint_eq (n_selected (canvas), 0);
  activate (canvas, "canvas.select-all", NULL);
  ck_assert_uint_eq (n_selected (canvas), 3);
}
END_TEST

START_TEST (test_delete_undo_redo)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = g_strdup (add (model, STORMCUT_KIND_ACTOR, "시민", 0, 100)->id);
  g_autofree char *command = g_strdup (add (model, STORMCUT_KIND_COMMAND, "예약 등록", 200, 100)->id);
  g_autofree char *event = g_strdup (add (model, STORMCUT_KIND_EVENT, "예약 등록됨", 400, 100)->id);

  ck_assert_ptr_nonnull (stormcut_model_add_link (model, actor, command, &error));
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, command, event, &error));

  /* Nothing selected: delete does nothing. */
  gtk_widget_activate_action_variant (GTK_WIDGET (canvas), "canvas.delete", NULL);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 3);

  stormcut_canvas_select_element (canvas, command, FALSE);
  stormcut_canvas_select_element (canvas, event, TRUE);
  activate (canvas, "canvas.delete", NULL);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 1);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 0);
  ck_assert_uint_eq (n_selected (canvas), 0);

  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 3);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 2);

  ck_assert (stormcut_model_redo (model, &error));
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 1);

  /* A wholesale reload keeps what still exists selected and draws the new content. */
  stormcut_canvas_select_element (canvas, actor, FALSE);
  g_signal_emit_by_name (model, "reloaded");
  ck_assert_uint_eq (n_selected (canvas), 1);
  gsk_render_node_unref (stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H));
  ck_assert_uint_eq (stormcut_canvas_get_n_drawn (canvas), 1);
}
END_TEST

/* --- links --------------------------------------------------------------------------------- */

START_TEST (test_link_by_drag)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) expected = NULL;
  g_autofree char *message = NULL;
  g_autofree char *command = g_strdup (add (model, STORMCUT_KIND_COMMAND, "Register", 100, 100)->id);
  g_autofree char *event = g_strdup (add (model, STORMCUT_KIND_EVENT, "Registered", 400, 100)->id);
  g_autofree char *actor = g_strdup (add (model, STORMCUT_KIND_ACTOR, "Citizen", 700, 120)->id);

  g_signal_connect (canvas, "status-message", G_CALLBACK (status_cb), &message);

  /* From the command's right edge to the event: command → event. */
  drag (canvas, 0, 218, 160, 460, 160);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, command, event));
  ck_assert_ptr_null (message);

  /* Event → actor is refused: the grammar's message shows, nothing is added. */
  ck_assert (!stormcut_grammar_check (STORMCUT_KIND_EVENT, STORMCUT_KIND_ACTOR, &expected));
  drag (canvas, 0, 518, 160, 740, 160);
  ck_assert_ptr_null (stormcut_model_find_link (model, event, actor));
  ck_assert_ptr_nonnull (message);
  ck_assert_str_eq (message, expected->message);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 1);

  /* With the link tool any point of a sticky starts a link. */
  stormcut_canvas_set_tool (canvas, STORMCUT_CANVAS_TOOL_LINK);
  drag (canvas, 0, 740, 160, 160, 160);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, actor, command));
  stormcut_canvas_set_tool (canvas, STORMCUT_CANVAS_TOOL_SELECT);

  /* Dropped on empty board: the next step, linked, named by typing. */
  drag (canvas, 0, 518, 160, 560, 500);
  type_and_commit (canvas, "Notify");
  ck_assert_int_eq (element_named (model, "Notify")->kind, STORMCUT_KIND_POLICY);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, event, element_named (model, "Notify")->id));
}
END_TEST


/* --- selecting and deleting links ---------------------------------------------------------- */

static void
click (StormcutCanvas  *canvas,
       GdkModifierType  state,
       double           x,
       double           y)
{
  stormcut_canvas_pointer_press (canvas, GDK_BUTTON_PRIMARY, state, x, y);
  stormcut_canvas_pointer_release (canvas, x, y);
}

static guint
n_selected_links (StormcutCanvas *canvas)
{
  g_auto(GStrv) ids = stormcut_canvas_get_selected_links (canvas);

  return g_strv_length (ids);
}

static gboolean
link_selected (StormcutCanvas *canvas,
               const char     *link_id)
{
  g_auto(GStrv) ids = stormcut_canvas_get_selected_links (canvas);

  return g_strv_contains ((const char * const *) ids, link_id);
}

/* The route the board draws for the link from @source to @target (board units). */
static guint
link_route (StormcutModel *model,
            const char    *source,
            const char    *target,
            double         points[8])
{
  const StormcutElement *a = stormcut_model_get_element (model, source);
  const StormcutElement *b = stormcut_model_get_element (model, target);
  graphene_rect_t ra = GRAPHENE_RECT_INIT (a->x, a->y, a->width, a->height);
  graphene_rect_t rb = GRAPHENE_RECT_INIT (b->x, b->y, b->width, b->height);
  StormcutHeadDirection head;

  return stormcut_board_style_route_link (&ra, &rb, points, &head);
}

/* The colour of one pixel of a texture, as 0xRRGGBB. */
static guint32
pixel_at (GdkTexture *texture,
          int         x,
          int         y)
{
  int width = gdk_texture_get_width (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * 4 * gdk_texture_get_height (texture));
  const guchar *p;

  gdk_texture_download (texture, pixels, (gsize) width * 4);
  p = pixels + (gsize) y * width * 4 + (gsize) x * 4;
  return ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];
}

START_TEST (test_select_link_by_click)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autofree char *png = NULL;
  const char *build_root = g_getenv ("STORMCUT_BUILD_ROOT");
  g_autofree char *command = g_strdup (add (model, STORMCUT_KIND_COMMAND, "예약 등록", 100, 100)->id);
  g_autofree char *event = g_strdup (add (model, STORMCUT_KIND_EVENT, "예약 등록됨", 600, 100)->id);
  /* Below the command and offset: a link that bends twice, its middle piece horizontal. */
  g_autofree char *aggregate = g_strdup (add (model, STORMCUT_KIND_AGGREGATE, "예약", 150, 400)->id);
  /* A sticky lying on the straight link, linked to nothing. */
  g_autofree char *note = g_strdup (add (model, STORMCUT_KIND_READ_MODEL, "시설 현황", 360, 100)->id);
  g_autofree char *straight = NULL;
  g_autofree char *elbow = NULL;
  g_autofree char *tooltip = NULL;
  const StormcutElement *over = stormcut_model_get_element (model, note);
  double route[8], bend[8];
  double x, y, over_x, over_y;
  guint signals = 0;

  straight = g_strdup (stormcut_model_add_link (model, command, event, &error)->id);
  elbow = g_strdup (stormcut_model_add_link (model, command, aggregate, &error)->id);
  ck_assert_uint_eq (link_route (model, command, event, route), 2);
  ck_assert_uint_eq (link_route (model, command, aggregate, bend), 4);
  g_signal_connect (canvas, "selection-changed", G_CALLBACK (count_cb), &signals);

  /* A point of the straight link between the command and the sticky lying on it. */
  x = (route[0] + over->x) / 2;
  y = route[1];
  ck_assert_double_lt (x, over->x);

  before = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  click (canvas, 0, x, y);
  ck_assert_uint_eq (n_selected_links (canvas), 1);
  ck_assert (link_selected (canvas, straight));
  ck_assert_uint_eq (n_selected (canvas), 0);
  ck_assert_uint_ge (signals, 1);

  /* Drawn highlighted: the selection colour on the line, thicker than before. */
  after = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  png = g_build_filename (build_root != NULL ? build_root : stormcut_test_tmpdir (), "canvas-link-selected.png", NULL);
  ck_assert (gdk_texture_save_to_png (after, png));
  ck_assert_uint_eq (pixel_at (after, (int) x, (int) y), 0x3584E4);
  ck_assert_uint_eq (pixel_at (after, (int) x, (int) y - 2), 0x3584E4);
  ck_assert_uint_eq (pixel_at (after, (int) x, (int) y + 4), 0xCCDEF4);   /* the halo */
  ck_assert_uint_ne (pixel_at (before, (int) x, (int) y - 2), 0x3584E4);

  /* Far away (one flat picture) the selected link is drawn in the selection colour too. */
  stormcut_viewport_zoom_at (stormcut_canvas_get_viewport (canvas), 0.2, 0, 0);
  g_clear_object (&after);
  after = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  ck_assert_uint_eq (pixel_at (after, (int) (x * 0.2), (int) (y * 0.2)), 0x3584E4);
  g_clear_object (&before);
  stormcut_canvas_clear_selection (canvas);
  before = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  ck_assert_uint_ne (pixel_at (before, (int) (x * 0.2), (int) (y * 0.2)), 0x3584E4);
  stormcut_viewport_zoom_at (stormcut_canvas_get_viewport (canvas), 1.0, 0, 0);
  stormcut_canvas_select_link (canvas, straight, FALSE);

  /* Hovering the link tells its two ends and what the grammar says it means. */
  tooltip = stormcut_canvas_describe_link_at (canvas, x, y);
  ck_assert_ptr_nonnull (tooltip);
  ck_assert_ptr_nonnull (strstr (tooltip, "예약 등록"));
  ck_assert_ptr_nonnull (strstr (tooltip, "예약 등록됨"));
  ck_assert_ptr_nonnull (strstr (tooltip, stormcut_grammar_describe (STORMCUT_KIND_COMMAND, STORMCUT_KIND_EVENT)));
  ck_assert_ptr_null (stormcut_canvas_describe_link_at (canvas, x, y + 15));

  /* Escape clears it; a few pixels off the line still hits; further off is empty board. */
  activate (canvas, "canvas.select-none", NULL);
  ck_assert_uint_eq (n_selected_links (canvas), 0);
  click (canvas, 0, x, y + 4);
  ck_assert (link_selected (canvas, straight));
  click (canvas, 0, x, y + 15);
  ck_assert_uint_eq (n_selected_links (canvas), 0);

  /* The tolerance is in pixels: zoomed in twice, four pixels are two board units. */
  stormcut_viewport_zoom_at (stormcut_canvas_get_viewport (canvas), 2.0, 0, 0);
  click (canvas, 0, 2 * x, 2 * y + 4);
  ck_assert (link_selected (canvas, straight));
  click (canvas, 0, 2 * x, 2 * y + 8);
  ck_assert_uint_eq (n_selected_links (canvas), 0);
  stormcut_viewport_zoom_at (stormcut_canvas_get_viewport (canvas), 1.0, 0, 0);

  /* The middle piece of an elbow connector. */
  ck_assert_double_eq (bend[3], bend[5]);
  ck_assert_double_gt (fabs (bend[4] - bend[2]), 60);
  click (canvas, 0, (bend[2] + bend[4]) / 2, bend[3] + 2);
  ck_assert (link_selected (canvas, elbow));
  ck_assert_uint_eq (n_selected_links (canvas), 1);

  /* A sticky over a link wins: clicking it selects the sticky and drops the link. */
  over_x = over->x + over->width / 2;
  over_y = route[1];
  ck_assert_double_gt (over_y, over->y + 10);
  ck_assert_double_lt (over_y, over->y + over->height - 10);
  click (canvas, 0, over_x, over_y);
  ck_assert_uint_eq (n_selected (canvas), 1);
  ck_assert_uint_eq (n_selected_links (canvas), 0);

  /* Shift keeps the other kind; without it, a link and a sticky replace each other. */
  click (canvas, GDK_SHIFT_MASK, x, y);
  ck_assert_uint_eq (n_selected (canvas), 1);
  ck_assert (link_selected (canvas, straight));
  click (canvas, GDK_SHIFT_MASK, (bend[2] + bend[4]) / 2, bend[3] - 3);
  ck_assert_uint_eq (n_selected_links (canvas), 2);
  click (canvas, GDK_SHIFT_MASK, x, y);       /* Shift-click again takes it out */
  ck_assert (!link_selected (canvas, straight));
  ck_assert_uint_eq (n_selected_links (canvas), 1);
  click (canvas, 0, x, y);
  ck_assert_uint_eq (n_selected (canvas), 0);
  ck_assert_uint_eq (n_selected_links (canvas), 1);
  stormcut_canvas_select_element (canvas, command, FALSE);
  ck_assert_uint_eq (n_selected_links (canvas), 0);
  stormcut_canvas_select_link (canvas, elbow, TRUE);
  ck_assert_uint_eq (n_selected (canvas), 1);
  ck_assert_uint_eq (n_selected_links (canvas), 1);

  /* An unknown link changes nothing; clearing the selection drops the links too. */
  stormcut_canvas_select_link (canvas, "no-such-link", FALSE);
  ck_assert_uint_eq (n_selected_links (canvas), 1);
  stormcut_canvas_clear_selection (canvas);
  ck_assert_uint_eq (n_selected_links (canvas), 0);

  /* Two links leaving the same side share their first piece: a click there takes the one
   * drawn on top, clicking again the one under it, and so round. */
  {
    g_autofree char *second = g_strdup (add (model, STORMCUT_KIND_EVENT, "예약 거절됨", 600, 300)->id);
    g_autofree char *shared = g_strdup (stormcut_model_add_link (model, command, second, &error)->id);
    double piece[8];

    ck_assert_uint_eq (link_route (model, command, second, piece), 4);
    ck_assert_double_eq (piece[1], y);
    ck_assert_double_gt (piece[2], x);
    click (canvas, 0, x, y);
    ck_assert (link_selected (canvas, shared));
    click (canvas, 0, x, y);
    ck_assert (link_selected (canvas, straight));
    ck_assert_uint_eq (n_selected_links (canvas), 1);
    click (canvas, 0, x, y);
    ck_assert (link_selected (canvas, shared));
    ck_assert_uint_eq (n_selected_links (canvas), 1);
  }
}
END_TEST

START_TEST (test_delete_link_undo)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *actor = g_strdup (add (model, STORMCUT_KIND_ACTOR, "시민", 0, 100)->id);
  g_autofree char *command = g_strdup (add (model, STORMCUT_KIND_COMMAND, "예약 등록", 300, 100)->id);
  g_autofree char *event = g_strdup (add (model, STORMCUT_KIND_EVENT, "예약 등록됨", 600, 100)->id);
  g_autofree char *policy = g_strdup (add (model, STORMCUT_KIND_POLICY, "알림 정책", 900, 100)->id);
  g_autofree char *wrong = NULL;
  g_autofree char *other = NULL;
  double route[8];
  guint signals = 0;

  ck_assert_ptr_nonnull (stormcut_model_add_link (model, actor, command, &error));
  wrong = g_strdup (stormcut_model_add_link (model, command, event, &error)->id);
  other = g_strdup (stormcut_model_add_link (model, event, policy, &error)->id);
  ck_assert_uint_eq (link_route (model, command, event, route), 2);

  /* Click the wrong link, press Delete: only that link goes, in one undo step. */
  click (canvas, 0, (route[0] + route[2]) / 2, route[1]);
  ck_assert (link_selected (canvas, wrong));
  activate (canvas, "canvas.delete", NULL);
  ck_assert_ptr_null (stormcut_model_get_link (model, wrong));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 2);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 4);
  ck_assert_uint_eq (n_selected_links (canvas), 0);

  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, wrong));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 3);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 4);

  /* A link and a sticky selected together go in one step, and come back in one. */
  stormcut_canvas_select_element (canvas, actor, FALSE);
  stormcut_canvas_select_link (canvas, other, TRUE);
  activate (canvas, "canvas.delete", NULL);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 3);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 1);
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 4);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 3);
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, other));

  /* Cut takes what it copied: the sticky; a link selected with it stays. */
  stormcut_canvas_select_element (canvas, actor, FALSE);
  stormcut_canvas_select_link (canvas, other, TRUE);
  activate (canvas, "canvas.cut", NULL);
  ck_assert_ptr_null (stormcut_model_get_element (model, actor));
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, other));
  ck_assert (link_selected (canvas, other));
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 3);

  /* A link removed behind the canvas's back drops out of the selection, with a signal. */
  stormcut_canvas_select_link (canvas, wrong, FALSE);
  stormcut_canvas_select_link (canvas, other, TRUE);
  g_signal_connect (canvas, "selection-changed", G_CALLBACK (count_cb), &signals);
  ck_assert (stormcut_model_remove_link (model, wrong, &error));
  ck_assert_uint_eq (signals, 1);
  ck_assert (!link_selected (canvas, wrong));
  ck_assert (link_selected (canvas, other));
  /* ... and so does one whose sticky is removed. */
  ck_assert (stormcut_model_remove_element (model, policy, &error));
  ck_assert_uint_eq (n_selected_links (canvas), 0);
  ck_assert_uint_eq (signals, 2);
  /* Undo brings the link back, but not into the selection; other changes keep it. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, other));
  stormcut_canvas_select_link (canvas, other, FALSE);
  ck_assert (stormcut_model_move_element (model, actor, 0, 300, &error));
  ck_assert (link_selected (canvas, other));
  g_signal_emit_by_name (model, "reloaded");
  ck_assert (link_selected (canvas, other));
}
END_TEST

/* --- bounded contexts ---------------------------------------------------------------------- */

START_TEST (test_contexts_follow_frames)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup (add (model, STORMCUT_KIND_EVENT, "A", 100, 100)->id);
  g_autofree char *b = g_strdup (add (model, STORMCUT_KIND_EVENT, "B", 500, 100)->id);
  const StormcutContext *context;
  g_autofree char *context_id = NULL;

  /* The frame tool: drag a rectangle around A, then name it in place. */
  activate (canvas, "canvas.set-tool", g_variant_new_string ("frame-context"));
  ck_assert_int_eq (stormcut_canvas_get_tool (canvas), STORMCUT_CANVAS_TOOL_FRAME_CONTEXT);
  drag (canvas, 0, 50, 40, 300, 300);
  ck_assert_int_eq (stormcut_canvas_get_tool (canvas), STORMCUT_CANVAS_TOOL_SELECT);
  ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, 1);
  context = g_ptr_array_index (stormcut_model_get_contexts (model), 0);
  context_id = g_strdup (context->id);
  ck_assert_str_eq (stormcut_canvas_get_selected_context (canvas), context_id);
  type_and_commit (canvas, "예약");
  ck_assert_str_eq (stormcut_model_get_context (model, context_id)->name, "예약");
  ck_assert_str_eq (stormcut_model_get_element (model, a)->context_id, context_id);
  ck_assert_ptr_null (stormcut_model_get_element (model, b)->context_id);

  /* Drag the frame by its title: A comes along, B stays; one undo step. */
  drag (canvas, 0, 120, 50, 420, 70);
  context = stormcut_model_get_context (model, context_id);
  ck_assert_double_eq (context->x, 350);
  ck_assert_double_eq (context->y, 60);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 400);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->y, 120);
  ck_assert_double_eq (stormcut_model_get_element (model, b)->x, 500);
  /* The frame now covers B's centre too: B joins it. */
  ck_assert_str_eq (stormcut_model_get_element (model, b)->context_id, context_id);
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_double_eq (stormcut_model_get_context (model, context_id)->x, 50);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 100);
  ck_assert_ptr_null (stormcut_model_get_element (model, b)->context_id);

  /* Resize by the bottom-right corner of the selected frame to take B in. */
  stormcut_canvas_select_context (canvas, context_id);
  drag (canvas, 0, 300, 300, 700, 320);
  context = stormcut_model_get_context (model, context_id);
  ck_assert_double_eq (context->width, 650);
  ck_assert_str_eq (stormcut_model_get_element (model, b)->context_id, context_id);

  /* Moving a sticky out of the frame takes it out of the context. */
  stormcut_canvas_select_element (canvas, b, FALSE);
  drag (canvas, 0, 560, 160, 560, 560);
  ck_assert_ptr_null (stormcut_model_get_element (model, b)->context_id);

  /* Deleting the frame leaves its stickies unassigned. */
  stormcut_canvas_select_context (canvas, context_id);
  activate (canvas, "canvas.delete", NULL);
  ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, 0);
  ck_assert_ptr_null (stormcut_model_get_element (model, a)->context_id);
}
END_TEST

START_TEST (test_frame_selection)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autofree char *a = g_strdup (add (model, STORMCUT_KIND_EVENT, "A", 100, 100)->id);
  g_autofree char *b = g_strdup (add (model, STORMCUT_KIND_COMMAND, "B", 400, 300)->id);
  g_autofree char *c = g_strdup (add (model, STORMCUT_KIND_COMMAND, "C", 900, 300)->id);
  const StormcutContext *context;

  stormcut_canvas_select_element (canvas, a, FALSE);
  stormcut_canvas_select_element (canvas, b, TRUE);
  activate (canvas, "canvas.frame-selection", NULL);
  ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, 1);
  context = g_ptr_array_index (stormcut_model_get_contexts (model), 0);
  ck_assert (context->x < 100 && context->y < 100);
  ck_assert (context->x + context->width > 520 && context->y + context->height > 420);
  ck_assert_str_eq (stormcut_model_get_element (model, a)->context_id, context->id);
  ck_assert_str_eq (stormcut_model_get_element (model, b)->context_id, context->id);
  ck_assert_ptr_null (stormcut_model_get_element (model, c)->context_id);
  /* Its name is open for typing. */
  ck_assert (stormcut_canvas_is_editing (canvas));
  type_and_commit (canvas, "Reservation");
  context = g_ptr_array_index (stormcut_model_get_contexts (model), 0);
  ck_assert_str_eq (context->name, "Reservation");

  /* Unassigned stickies can be highlighted; the flag is an action state too. */
  activate (canvas, "canvas.highlight-unassigned", NULL);
  ck_assert (stormcut_canvas_get_highlight_unassigned (canvas));
}
END_TEST

/* --- clipboard and arranging --------------------------------------------------------------- */

START_TEST (test_duplicate_copy_paste)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup (add (model, STORMCUT_KIND_COMMAND, "예약 \"등록\" <&>", 100, 100)->id);
  g_autofree char *event = g_strdup (add (model, STORMCUT_KIND_EVENT, "예약 등록됨", 300, 100)->id);
  g_auto(GStrv) copies = NULL;
  gint64 deadline;

  ck_assert_ptr_nonnull (stormcut_model_add_link (model, command, event, &error));
  stormcut_canvas_select_element (canvas, command, FALSE);
  stormcut_canvas_select_element (canvas, event, TRUE);

  activate (canvas, "canvas.duplicate", NULL);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 4);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 2);
  copies = stormcut_canvas_get_selected_elements (canvas);
  ck_assert_uint_eq (g_strv_length (copies), 2);
  ck_assert_str_ne (copies[0], command);
  ck_assert_str_eq (stormcut_model_get_element (model, copies[0])->name, "예약 \"등록\" <&>");
  ck_assert_double_eq (stormcut_model_get_element (model, copies[0])->x, 130);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, copies[0], copies[1]));

  /* One undo removes both copies and their link. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 2);

  /* Copy, then paste through the clipboard (asynchronous). */
  stormcut_canvas_select_element (canvas, command, FALSE);
  stormcut_canvas_select_element (canvas, event, TRUE);
  activate (canvas, "canvas.copy", NULL);
  activate (canvas, "canvas.paste", NULL);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (stormcut_model_get_n_elements (model) < 4 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 4);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 2);
}
END_TEST

START_TEST (test_paste_plain_text)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  gint64 deadline;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (canvas)), "예약 신청됨\n\n  예약 확정됨  \n예약 취소됨\n");
  activate (canvas, "canvas.paste", NULL);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (stormcut_model_get_n_elements (model) < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);

  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 3);
  ck_assert_int_eq (element_named (model, "예약 확정됨")->kind, STORMCUT_KIND_EVENT);
  ck_assert (element_named (model, "예약 확정됨")->x > element_named (model, "예약 신청됨")->x);
  ck_assert_uint_eq (n_selected (canvas), 3);
}
END_TEST

START_TEST (test_align_and_distribute)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  g_autofree char *a = g_strdup (add (model, STORMCUT_KIND_EVENT, "A", 100, 130)->id);
  g_autofree char *b = g_strdup (add (model, STORMCUT_KIND_EVENT, "B", 250, 90)->id);
  g_autofree char *c = g_strdup (add (model, STORMCUT_KIND_EVENT, "C", 700, 200)->id);
  double gap1, gap2;

  activate (canvas, "canvas.select-all", NULL);
  activate (canvas, "canvas.align-top", NULL);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->y, 90);
  ck_assert_double_eq (stormcut_model_get_element (model, c)->y, 90);

  activate (canvas, "canvas.distribute-horizontally", NULL);
  gap1 = stormcut_model_get_element (model, b)->x - (stormcut_model_get_element (model, a)->x + 120);
  gap2 = stormcut_model_get_element (model, c)->x - (stormcut_model_get_element (model, b)->x + 120);
  ck_assert_double_eq_tol (gap1, gap2, 1.0);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 100);
  ck_assert_double_eq (stormcut_model_get_element (model, c)->x, 700);

  activate (canvas, "canvas.align-left", NULL);
  ck_assert_double_eq (stormcut_model_get_element (model, c)->x, 100);
}
END_TEST

/* --- view ---------------------------------------------------------------------------------- */

START_TEST (test_zoom_and_search)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  StormcutViewport *viewport = stormcut_canvas_get_viewport (canvas);
  g_auto(GStrv) hits = NULL;
  guint zoom_signals = 0;
  double bx, by, wx, wy;

  add (model, STORMCUT_KIND_EVENT, "Reservation registered", 3000, 2000);
  add (model, STORMCUT_KIND_COMMAND, "예약 등록", 200, 200);
  add (model, STORMCUT_KIND_EVENT, "예약 등록됨", 2000, 200);
  add (model, STORMCUT_KIND_POLICY, "Notify", 100, 900);

  g_signal_connect (canvas, "zoom-changed", G_CALLBACK (count_cb), &zoom_signals);

  activate (canvas, "canvas.zoom-in", NULL);
  ck_assert_double_eq_tol (stormcut_canvas_get_zoom (canvas), 1.25, 1e-9);
  ck_assert_uint_eq (zoom_signals, 1);
  activate (canvas, "canvas.zoom-reset", NULL);
  ck_assert_double_eq_tol (stormcut_canvas_get_zoom (canvas), 1.0, 1e-9);

  /* Ctrl+scroll zooms around the pointer. */
  stormcut_viewport_widget_to_board (viewport, 400, 300, &bx, &by);
  stormcut_canvas_scroll_zoom (canvas, -3, 400, 300);
  ck_assert (stormcut_canvas_get_zoom (canvas) > 1.3);
  stormcut_viewport_board_to_widget (viewport, bx, by, &wx, &wy);
  ck_assert_double_eq_tol (wx, 400, 1e-6);
  ck_assert_double_eq_tol (wy, 300, 1e-6);

  /* Fit shows every sticky. */
  activate (canvas, "canvas.zoom-fit", NULL);
  gsk_render_node_unref (stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H));
  ck_assert_uint_eq (stormcut_canvas_get_n_drawn (canvas), 4);

  /* Search: case-insensitive, Korean and English, in reading order. */
  stormcut_canvas_set_search_text (canvas, "예약");
  hits = stormcut_canvas_get_search_hits (canvas);
  ck_assert_uint_eq (g_strv_length (hits), 2);
  ck_assert_str_eq (stormcut_model_get_element (model, hits[0])->name, "예약 등록");
  g_clear_pointer (&hits, g_strfreev);
  stormcut_canvas_set_search_text (canvas, "RESERV");
  hits = stormcut_canvas_get_search_hits (canvas);
  ck_assert_uint_eq (g_strv_length (hits), 1);

  /* Revealing a hit selects it and brings it into view at a readable zoom. */
  stormcut_canvas_set_zoom (canvas, 0.1);
  stormcut_canvas_reveal_element (canvas, hits[0]);
  ck_assert_double_eq_tol (stormcut_canvas_get_zoom (canvas), 1.0, 1e-9);
  gsk_render_node_unref (stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H));
  ck_assert_uint_ge (stormcut_canvas_get_n_drawn (canvas), 1);
  ck_assert_uint_eq (n_selected (canvas), 1);

  stormcut_canvas_set_search_text (canvas, NULL);
  g_clear_pointer (&hits, g_strfreev);
  hits = stormcut_canvas_get_search_hits (canvas);
  ck_assert_uint_eq (g_strv_length (hits), 0);
}
END_TEST

START_TEST (test_culling)
{
  g_autoptr(StormcutModel) model = stormcut_test_generate_model (2000, 7);
  g_autoptr(StormcutCanvas) canvas = canvas_new_for (model);
  guint n = stormcut_model_get_n_elements (model);

  /* At 100 % only the stickies in the view are drawn. */
  gsk_render_node_unref (stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H));
  ck_assert_uint_gt (stormcut_canvas_get_n_drawn (canvas), 0);
  ck_assert_uint_lt (stormcut_canvas_get_n_drawn (canvas), n / 10);

  /* Fitted, all of them. */
  stormcut_canvas_zoom_to_fit (canvas);
  gsk_render_node_unref (stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H));
  ck_assert_uint_eq (stormcut_canvas_get_n_drawn (canvas), n);
}
END_TEST

/* --- rendering ----------------------------------------------------------------------------- */

static gboolean
has_pixel (const guchar *pixels,
           gsize         stride,
           int           width,
           int           height,
           guint32       rgb)
{
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        /* GDK_MEMORY_DEFAULT is B8G8R8A8 premultiplied on little endian. */
        guint32 value = ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];

        if (value == rgb && p[3] == 0xff)
          return TRUE;
      }
  return FALSE;
}

static guint
count_colors (const guchar *pixels,
              gsize         stride,
              int           width,
              int           height,
              guint        *n_dark)
{
  g_autoptr(GHashTable) colors = g_hash_table_new (NULL, NULL);

  *n_dark = 0;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = pixels + y * stride + x * 4;
        guint32 value = ((guint32) p[2] << 16) | ((guint32) p[1] << 8) | p[0];

        g_hash_table_add (colors, GUINT_TO_POINTER (value + 1));
        if (p[0] < 110 && p[1] < 110 && p[2] < 110)
          (*n_dark)++;
      }
  return g_hash_table_size (colors);
}

START_TEST (test_render_korean_sample)
{
  g_autofree char *path = stormcut_test_sample_path ("public-facility-reservation.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);
  g_autoptr(StormcutCanvas) canvas = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  g_autofree char *png = NULL;
  const char *build_root = g_getenv ("STORMCUT_BUILD_ROOT");
  gsize stride = VIEW_W * 4;
  guint n_colors, n_dark;

  ck_assert_msg (model != NULL, "%s", error ? error->message : "");
  canvas = STORMCUT_CANVAS (g_object_ref_sink (stormcut_canvas_new ()));
  stormcut_canvas_set_model (canvas, model);

  /* The whole board, fitted (what a new window shows first). */
  texture = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  ck_assert_ptr_nonnull (texture);
  ck_assert_int_eq (gdk_texture_get_width (texture), VIEW_W);
  ck_assert_uint_eq (stormcut_canvas_get_n_drawn (canvas), stormcut_model_get_n_elements (model));
  png = g_build_filename (build_root != NULL ? build_root : stormcut_test_tmpdir (), "canvas-sample-fit.png", NULL);
  ck_assert (gdk_texture_save_to_png (texture, png));

  pixels = g_malloc (stride * VIEW_H);
  gdk_texture_download (texture, pixels, stride);
  n_colors = count_colors (pixels, stride, VIEW_W, VIEW_H, &n_dark);
  ck_assert_uint_gt (n_colors, 200);            /* text, links, frames, not a flat fill */
  ck_assert_uint_gt (n_dark, 300);              /* names are drawn */
  ck_assert (has_pixel (pixels, stride, VIEW_W, VIEW_H, 0xFD9E4A));  /* event orange */
  ck_assert (has_pixel (pixels, stride, VIEW_W, VIEW_H, 0x27BFE7));  /* command blue */
  ck_assert (has_pixel (pixels, stride, VIEW_W, VIEW_H, 0xFDF8B6));  /* aggregate yellow */
  ck_assert (has_pixel (pixels, stride, VIEW_W, VIEW_H, 0xB285BA));  /* policy lilac */

  /* At 100 % with the unassigned highlighted and a search: still sound. */
  g_clear_object (&texture);
  g_clear_pointer (&png, g_free);
  stormcut_canvas_set_zoom (canvas, 1.0);
  stormcut_canvas_set_search_text (canvas, "예약");
  texture = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  png = g_build_filename (build_root != NULL ? build_root : stormcut_test_tmpdir (), "canvas-sample-100.png", NULL);
  ck_assert (gdk_texture_save_to_png (texture, png));
  gdk_texture_download (texture, pixels, stride);
  n_colors = count_colors (pixels, stride, VIEW_W, VIEW_H, &n_dark);
  ck_assert_uint_gt (n_colors, 200);
  ck_assert_uint_gt (n_dark, 2000);
}
END_TEST

/* Far away the board is kept as one picture: it must follow every change all the same. */
START_TEST (test_far_view_follows_model)
{
  g_autoptr(StormcutModel) model = stormcut_test_generate_model (2000, 11);
  g_autoptr(StormcutCanvas) canvas = STORMCUT_CANVAS (g_object_ref_sink (stormcut_canvas_new ()));
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guchar *pixels = g_malloc ((gsize) VIEW_W * 4 * VIEW_H);
  const StormcutElement *element;
  g_autofree char *id = NULL;

  stormcut_canvas_set_model (canvas, model);
  before = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  ck_assert_double_lt (stormcut_canvas_get_zoom (canvas), 0.3);
  gdk_texture_download (before, pixels, VIEW_W * 4);
  ck_assert (!has_pixel (pixels, VIEW_W * 4, VIEW_W, VIEW_H, 0x123456));

  /* A big sticky of a colour of its own, in the middle of the board. */
  element = g_ptr_array_index (stormcut_model_get_elements (model), 1000);
  id = g_strdup (element->id);
  ck_assert (stormcut_model_resize_element (model, id, 600, 600, &error));
  ck_assert (stormcut_model_set_element_color (model, id, "#123456", &error));
  after = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  gdk_texture_download (after, pixels, VIEW_W * 4);
  ck_assert (has_pixel (pixels, VIEW_W * 4, VIEW_W, VIEW_H, 0x123456));

  /* Undone, it is gone again. */
  g_clear_object (&after);
  ck_assert (stormcut_model_undo (model, &error));
  after = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  gdk_texture_download (after, pixels, VIEW_W * 4);
  ck_assert (!has_pixel (pixels, VIEW_W * 4, VIEW_W, VIEW_H, 0x123456));
}
END_TEST

START_TEST (test_file_backed_edits_survive_reopen)
{
  g_autofree char *path = stormcut_test_tmp_path ("canvas-reopen.stormcut");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_create (path, &error);
  g_autoptr(StormcutModel) reopened = NULL;
  g_autoptr(StormcutCanvas) canvas = NULL;

  ck_assert_msg (model != NULL, "%s", error ? error->message : "");
  canvas = canvas_new_for (model);
  activate (canvas, "canvas.add-sticky", g_variant_new_string ("actor"));
  type_and_commit (canvas, "시민");
  activate (canvas, "canvas.next-step", NULL);
  type_and_commit (canvas, "예약 신청");
  activate (canvas, "canvas.select-all", NULL);
  activate (canvas, "canvas.frame-selection", NULL);
  type_and_commit (canvas, "예약");
  stormcut_canvas_set_model (canvas, NULL);
  stormcut_model_close (model);

  reopened = stormcut_model_open (path, &error);
  ck_assert_msg (reopened != NULL, "%s", error ? error->message : "");
  ck_assert_uint_eq (stormcut_model_get_n_elements (reopened), 2);
  ck_assert_uint_eq (stormcut_model_get_links (reopened)->len, 1);
  ck_assert_uint_eq (stormcut_model_get_contexts (reopened)->len, 1);
  ck_assert_str_eq (((StormcutContext *) g_ptr_array_index (stormcut_model_get_contexts (reopened), 0))->name, "예약");
  ck_assert_ptr_nonnull (element_named (reopened, "예약 신청")->context_id);
}
END_TEST

START_TEST (test_without_model)
{
  g_autoptr(StormcutCanvas) canvas = STORMCUT_CANVAS (g_object_ref_sink (stormcut_canvas_new ()));
  g_autoptr(GdkTexture) texture = NULL;
  g_auto(GStrv) ids = NULL;

  /* Nothing to edit: actions are disabled, calls are harmless. */
  gtk_widget_activate_action_variant (GTK_WIDGET (canvas), "canvas.add-sticky", g_variant_new_string ("event"));
  ck_assert (!stormcut_canvas_is_editing (canvas));
  stormcut_canvas_begin_quick_add (canvas, STORMCUT_KIND_EVENT);
  ck_assert (!stormcut_canvas_is_editing (canvas));
  stormcut_canvas_select_element (canvas, "nope", FALSE);
  stormcut_canvas_reveal_element (canvas, "nope");
  ids = stormcut_canvas_get_selected_elements (canvas);
  ck_assert_uint_eq (g_strv_length (ids), 0);
  texture = stormcut_canvas_render_texture (canvas, 64, 48);
  ck_assert_ptr_nonnull (texture);
}
END_TEST

static Suite *
canvas_suite (void)
{
  Suite *suite = suite_create ("canvas");
  TCase *tc = tcase_create ("canvas");

  tcase_add_checked_fixture (tc, setup_gtk, NULL);
  tcase_add_test (tc, test_viewport_conversion);
  tcase_add_test (tc, test_board_index);
  tcase_add_test (tc, test_quick_add_and_steps);
  tcase_add_test (tc, test_rename_in_place);
  tcase_add_test (tc, test_move_by_drag_and_keys);
  tcase_add_test (tc, test_drag_near_the_edge_scrolls);
  tcase_add_test (tc, test_rubber_band_and_select_all);
  tcase_add_test (tc, test_delete_undo_redo);
  tcase_add_test (tc, test_link_by_drag);
  tcase_add_test (tc, test_select_link_by_click);
  tcase_add_test (tc, test_delete_link_undo);
  tcase_add_test (tc, test_contexts_follow_frames);
  tcase_add_test (tc, test_frame_selection);
  tcase_add_test (tc, test_duplicate_copy_paste);
  tcase_add_test (tc, test_paste_plain_text);
  tcase_add_test (tc, test_align_and_distribute);
  tcase_add_test (tc, test_zoom_and_search);
  tcase_add_test (tc, test_culling);
  tcase_add_test (tc, test_render_korean_sample);
  tcase_add_test (tc, test_far_view_follows_model);
  tcase_add_test (tc, test_file_backed_edits_survive_reopen);
  tcase_add_test (tc, test_without_model);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  return stormcut_test_run (canvas_suite ());
}
