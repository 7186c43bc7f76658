/* bench-canvas.c: frame time of the board (snapshot + cairo render)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For generated models of 2,000 and 10,000 stickies, at fit-to-window and at 100 % zoom,
 * times building the render node (what snapshot() does) and rendering it with the cairo
 * renderer into a 1920 × 1080 texture (a projector), and prints the medians of wall-clock
 * and thread CPU time.  Cases: fit-to-window, 100 %, 50 % and 29 % while panning; at fit
 * while pinching (the cached far-away picture is scaled) and the full redraw that follows
 * a zoom step.  Also the time from reading the Korean sample to its first rendered frame.
 * Target: frame < 16 ms.
 *
 *   meson test -C build --benchmark --suite gui bench-canvas -v
 */
#include <gtk/gtk.h>
#include <time.h>

#include "test-common.h"
#include "stormcut-canvas.h"
#include "stormcut-canvas-private.h"
#include "stormcut-viewport.h"

#define VIEW_W   1920
#define VIEW_H   1080
#define N_FRAMES 31

typedef struct {
  double snapshot_ms;
  double render_ms;
  double frame_ms;
  double cpu_ms;
} FrameTimes;

/* CPU time of this thread: on a busy machine it says what a frame costs better than the
 * wall clock, which also counts the time other processes had the CPU. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Each frame follows a small pan (as when the board is dragged) or, with @zooming, a small
 * zoom step (as in a pinch, where nothing drawn before can be reused). */
static void
time_frames (StormcutCanvas *canvas,
             GskRenderer    *renderer,
             gboolean        zooming,
             FrameTimes     *result)
{
  double snapshot_ms[N_FRAMES], render_ms[N_FRAMES], frame_ms[N_FRAMES], cpu_ms[N_FRAMES];

  /* One frame first: layouts and the spatial index are built once, not per frame. */
  {
    GskRenderNode *node = stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H);
    GdkTexture *texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, VIEW_W, VIEW_H));

    g_object_unref (texture);
    gsk_render_node_unref (node);
  }

  for (guint i = 0; i < N_FRAMES; i++)
    {
      gint64 t0, t1, t2;
      double c0;
      GskRenderNode *node;
      GdkTexture *texture;

      if (zooming)
        stormcut_canvas_set_zoom (canvas, stormcut_canvas_get_zoom (canvas) * ((i % 2) ? 1.02 : 1 / 1.02));
      else
        stormcut_viewport_pan (stormcut_canvas_get_viewport (canvas), (i % 2) ? 3 : -3, 0);

      c0 = thread_cpu_ms ();
      t0 = g_get_monotonic_time ();
      node = stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H);
      t1 = g_get_monotonic_time ();
      texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, VIEW_W, VIEW_H));
      t2 = g_get_monotonic_time ();

      snapshot_ms[i] = (t1 - t0) / 1000.0;
      render_ms[i] = (t2 - t1) / 1000.0;
      frame_ms[i] = (t2 - t0) / 1000.0;
      cpu_ms[i] = thread_cpu_ms () - c0;
      g_object_unref (texture);
      gsk_render_node_unref (node);
    }

  result->snapshot_ms = stormcut_test_median (snapshot_ms, N_FRAMES);
  result->render_ms = stormcut_test_median (render_ms, N_FRAMES);
  result->frame_ms = stormcut_test_median (frame_ms, N_FRAMES);
  result->cpu_ms = stormcut_test_median (cpu_ms, N_FRAMES);
}

static void
report (const char       *model,
        const char       *view,
        StormcutCanvas   *canvas,
        const FrameTimes *times)
{
  g_print ("canvas %-8s %-9s zoom=%.3f drawn=%-6u snapshot=%6.2f  render=%6.2f  frame=%6.2f ms (cpu %6.2f ms)  %s\n",
           model, view, stormcut_canvas_get_zoom (canvas), stormcut_canvas_get_n_drawn (canvas),
           times->snapshot_ms, times->render_ms, times->frame_ms, times->cpu_ms,
           times->frame_ms < 16.0 ? "< 16 ms" : times->cpu_ms < 16.0 ? "cpu < 16 ms" : "OVER 16 ms");
}

static void
bench_generated (GskRenderer *renderer,
                 guint        n)
{
  g_autoptr(StormcutModel) model = stormcut_test_generate_model (n, 42);
  g_autoptr(StormcutCanvas) canvas = STORMCUT_CANVAS (g_object_ref_sink (stormcut_canvas_new ()));
  g_autofree char *name = g_strdup_printf ("n=%u", stormcut_model_get_n_elements (model));
  StormcutViewport *viewport = stormcut_canvas_get_viewport (canvas);
  FrameTimes times;
  double width, height;
  graphene_rect_t visible;

  stormcut_canvas_set_model (canvas, model);
  gsk_render_node_unref (stormcut_canvas_build_node (canvas, VIEW_W, VIEW_H));

  stormcut_canvas_zoom_to_fit (canvas);
  time_frames (canvas, renderer, FALSE, &times);
  report (name, "fit", canvas, &times);
  /* Pinching far away: the last picture is scaled, drawn sharp once the zoom rests... */
  time_frames (canvas, renderer, TRUE, &times);
  report (name, "fit+pinch", canvas, &times);
  /* ...which costs this, once. */
  stormcut_canvas_set_exact_frames (canvas, TRUE);
  time_frames (canvas, renderer, TRUE, &times);
  report (name, "fit+zoom", canvas, &times);
  stormcut_canvas_set_exact_frames (canvas, FALSE);
  stormcut_canvas_zoom_to_fit (canvas);

  /* 100 %, in the middle of the board. */
  stormcut_viewport_get_visible_area (viewport, &visible);
  stormcut_viewport_get_view_size (viewport, &width, &height);
  stormcut_canvas_set_zoom (canvas, 1.0);
  stormcut_viewport_set_origin (viewport,
                                visible.origin.x + visible.size.width / 2 - width / 2,
                                visible.origin.y + visible.size.height / 2 - height / 2);
  time_frames (canvas, renderer, FALSE, &times);
  report (name, "100%", canvas, &times);

  /* 50 %: names still drawn, many stickies on screen (the heaviest detailed view). */
  stormcut_canvas_set_zoom (canvas, 0.5);
  time_frames (canvas, renderer, FALSE, &times);
  report (name, "50%", canvas, &times);

  /* 30 %: the nearest view drawn as one picture, the most stickies in it. */
  stormcut_canvas_set_zoom (canvas, 0.29);
  time_frames (canvas, renderer, FALSE, &times);
  report (name, "29%", canvas, &times);
}

static void
bench_sample_first_frame (void)
{
  g_autofree char *path = stormcut_test_sample_path ("public-facility-reservation.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(StormcutCanvas) canvas = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 t0, t1, t2;

  t0 = g_get_monotonic_time ();
  model = stormcut_model_read_xml (path, &error);
  if (model == NULL)
    {
      g_printerr ("bench-canvas: %s\n", error->message);
      return;
    }
  t1 = g_get_monotonic_time ();
  canvas = STORMCUT_CANVAS (g_object_ref_sink (stormcut_canvas_new ()));
  stormcut_canvas_set_model (canvas, model);
  texture = stormcut_canvas_render_texture (canvas, VIEW_W, VIEW_H);
  t2 = g_get_monotonic_time ();

  g_print ("canvas sample          read=%.2f ms  first frame (fit, cold caches)=%.2f ms  total=%.2f ms\n",
           (t1 - t0) / 1000.0, (t2 - t1) / 1000.0, (t2 - t0) / 1000.0);
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GskRenderer) renderer = NULL;

  gtk_init ();

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    {
      g_printerr ("bench-canvas: cannot realize the cairo renderer: %s\n", error->message);
      return 1;
    }

  g_print ("bench-canvas: %d × %d, median of %d frames, cairo renderer\n", VIEW_W, VIEW_H, N_FRAMES);
  bench_sample_first_frame ();
  bench_generated (renderer, 2000);
  bench_generated (renderer, 10000);

  gsk_renderer_unrealize (renderer);
  return 0;
}
