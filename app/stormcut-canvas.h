/* stormcut-canvas.h: the event storming board, one widget that draws the model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * StormcutCanvas draws every sticky, link and bounded-context frame of a StormcutModel in
 * snapshot(), culled to the visible area, and edits the model through its API only (so
 * every edit is durable and undoable; the window binds undo/redo to the model itself).
 *
 * Signals:
 *   ::selection-changed ()
 *       the selected elements, links or the selected context changed;
 *   ::status-message (const char *message)
 *       a short, translated message for an in-window bar (a refused link's grammar
 *       message, "Nothing to paste", ...); never shown as a dialog;
 *   ::zoom-changed ()
 *       the zoom factor changed (read it with stormcut_canvas_get_zoom()).
 *
 * Properties: "model" (StormcutModel), "zoom" (double), "tool" (StormcutCanvasTool),
 * "highlight-unassigned" (gboolean), "search-text" (string).
 *
 * Actions installed on the widget class (prefix "canvas.").  They are reachable from the
 * canvas and its children only (GTK looks actions up towards the root): a menu or button
 * elsewhere in the window forwards with gtk_widget_activate_action (canvas, "canvas.copy", NULL).
 * The canvas binds the keys in brackets itself (active while it or its inline editor has
 * the focus); application accelerators are not needed for them.  Disabled actions (nothing
 * selected, no model) let the key through.
 *   canvas.delete                    delete the selected stickies and links (one undo
 *                                    step), or the selected context            [Delete, BackSpace]
 *   canvas.copy                      copy the selection (model XML as text)    [<Ctrl>c]
 *   canvas.cut                       copy, then delete                         [<Ctrl>x]
 *   canvas.paste                     paste stickies copied from a board, offset from the
 *                                    originals; plain text becomes one event per line [<Ctrl>v]
 *   canvas.duplicate                 copy and paste in one step                [<Ctrl>d]
 *   canvas.select-all                select every sticky                       [<Ctrl>a]
 *   canvas.select-none               Escape: cancel the editor, the drag or the tool, else
 *                                    clear the selection                       [Escape]
 *   canvas.rename                    edit the name of the sticky or context in place [F2, Return]
 *   canvas.align-left                align the selected stickies on the leftmost [<Ctrl><Shift>Left]
 *   canvas.align-top                 align the selected stickies on the topmost  [<Ctrl><Shift>Up]
 *   canvas.distribute-horizontally   equal gaps between the selected stickies  [<Ctrl><Shift>h]
 *   canvas.distribute-vertically     equal vertical gaps
 *   canvas.zoom-in                                                             [plus, <Ctrl>plus]
 *   canvas.zoom-out                                                            [minus, <Ctrl>minus]
 *   canvas.zoom-reset                100 %                                     [0, <Ctrl>0]
 *   canvas.zoom-fit                  show the whole board                      [Home, <Ctrl>9]
 *   canvas.add-sticky ("s")          quick-add a sticky; parameter: the kind's stable name
 *                                    of stormcut_kind_to_string() ("event", "read_model", ...)
 *                                                                  [1..8 in the palette order]
 *   canvas.frame-selection           new bounded context around the selection  [<Ctrl>g]
 *   canvas.next-step                 add the next step of the flow after the selection, linked
 *                                    (event → policy → command → event, actor → command, ...);
 *                                    again on the still empty name: the other kinds that may
 *                                    follow (event → read model, external system, ...) [Tab]
 *   canvas.previous-step             add the previous step before the selection [<Shift>Tab]
 *   canvas.set-tool ("s")            "select", "frame-context" or "link" (state: the "tool" property)
 *   canvas.nudge ("(ii)")            move the selection by (dx, dy) board units [arrows, <Shift>arrows]
 *   canvas.select-neighbour ("(ii)") select the nearest sticky in direction (dx, dy), e.g. (1, 0)
 *                                    for the one to the right                  [<Alt>arrows]
 *   canvas.highlight-unassigned      stateful boolean: mark stickies outside every context
 *
 * Links are drawn as elbow connectors from the side of a sticky facing the other; async
 * links (stormcut_grammar_is_async) dashed.  Zoomed out below 30 % the board is drawn as
 * coloured boxes without names, kept as one picture while the view pans.
 *
 * Pointer: drag a sticky to move it (with the selection); drag from a sticky's edge or its
 * blue dot to another sticky to link them (dropped on empty board: the next step there);
 * click a link's line (a few pixels either side; a sticky under the pointer wins) to select
 * it (again where lines lie on each other: the next one), Shift/Ctrl+click to add it to
 * the selection; hovering a link shows what it means;
 * drag on empty board for a rubber band (Shift/Ctrl add to the selection); drag a frame by
 * its title or border, resize it by its corners when selected; double-click a sticky or a
 * frame title to rename it, the empty board to add a sticky there; middle button or
 * space+drag pans, scroll pans, Ctrl+scroll and pinch zoom around the pointer.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

typedef enum {
  STORMCUT_CANVAS_TOOL_SELECT,         /* select, move, rubber band, link from the edge handle */
  STORMCUT_CANVAS_TOOL_FRAME_CONTEXT,  /* drag a rectangle: a new bounded context */
  STORMCUT_CANVAS_TOOL_LINK,           /* drag from any point of a sticky to another: a link */
} StormcutCanvasTool;

#define STORMCUT_TYPE_CANVAS_TOOL (stormcut_canvas_tool_get_type ())
GType stormcut_canvas_tool_get_type (void);

#define STORMCUT_TYPE_CANVAS (stormcut_canvas_get_type ())
G_DECLARE_FINAL_TYPE (StormcutCanvas, stormcut_canvas, STORMCUT, CANVAS, GtkWidget)

GtkWidget          *stormcut_canvas_new                     (void);

void                stormcut_canvas_set_model               (StormcutCanvas *self, StormcutModel *model);
StormcutModel      *stormcut_canvas_get_model               (StormcutCanvas *self);

/* --- selection: ids of elements, links and contexts ------------------------------- */
/* Selected element ids in document order (free with g_strfreev; never NULL). */
char              **stormcut_canvas_get_selected_elements   (StormcutCanvas *self);
/* The selected context, or NULL.  Selecting a context clears the element selection. */
const char         *stormcut_canvas_get_selected_context    (StormcutCanvas *self);
/* Selects the element; with @extend the current element selection is kept. */
void                stormcut_canvas_select_element          (StormcutCanvas *self, const char *id, gboolean extend);
/* Selected link ids in document order (free with g_strfreev; never NULL).  A link stays
 * selected only while the model has it. */
char              **stormcut_canvas_get_selected_links      (StormcutCanvas *self);
/* Selects the link; with @extend the current element and link selection is kept, without
 * it the link is all that is selected.  Selecting an element without extending clears
 * the selected links. */
void                stormcut_canvas_select_link             (StormcutCanvas *self, const char *id, gboolean extend);
void                stormcut_canvas_select_context          (StormcutCanvas *self, const char *id);
void                stormcut_canvas_select_all              (StormcutCanvas *self);
void                stormcut_canvas_clear_selection         (StormcutCanvas *self);
/* Selects the element and scrolls it into view (zoom kept unless it does not fit). */
void                stormcut_canvas_reveal_element          (StormcutCanvas *self, const char *id);
/* Selects the context and scrolls its frame into view. */
void                stormcut_canvas_reveal_context          (StormcutCanvas *self, const char *id);

/* --- view ------------------------------------------------------------------------- */
void                stormcut_canvas_zoom_to_fit             (StormcutCanvas *self);
double              stormcut_canvas_get_zoom                (StormcutCanvas *self);
/* Zooms around the centre of the widget; clamped to [STORMCUT_CANVAS_MIN_ZOOM, MAX]. */
void                stormcut_canvas_set_zoom                (StormcutCanvas *self, double zoom);
#define STORMCUT_CANVAS_MIN_ZOOM 0.01
#define STORMCUT_CANVAS_MAX_ZOOM 4.0

void                stormcut_canvas_set_highlight_unassigned (StormcutCanvas *self, gboolean highlight);
gboolean            stormcut_canvas_get_highlight_unassigned (StormcutCanvas *self);
/* Highlights the stickies whose display or code name contains @text (case-insensitive);
 * NULL or "" clears. */
void                stormcut_canvas_set_search_text         (StormcutCanvas *self, const char *text);
/* Ids of the current search hits in reading order (top to bottom, left to right); g_strfreev. */
char              **stormcut_canvas_get_search_hits         (StormcutCanvas *self);

/* --- editing ---------------------------------------------------------------------- */
/* Opens the inline editor for a new sticky of @kind to the right of the selection (or at
 * the centre of the view); Enter adds it, Escape cancels. */
void                stormcut_canvas_begin_quick_add         (StormcutCanvas *self, StormcutKind kind);
/* Opens the inline editor on the selected sticky or context name. */
void                stormcut_canvas_begin_rename            (StormcutCanvas *self);
/* TRUE while an inline editor is open. */
gboolean            stormcut_canvas_is_editing              (StormcutCanvas *self);
void                stormcut_canvas_set_tool                (StormcutCanvas *self, StormcutCanvasTool tool);
StormcutCanvasTool  stormcut_canvas_get_tool                (StormcutCanvas *self);

/* Offscreen rendering for tests, benchmarks and exports of the board view: renders the
 * current view (zoom and offset as they are) at @width × @height with the cairo renderer. */
GdkTexture         *stormcut_canvas_render_texture          (StormcutCanvas *self, int width, int height);

G_END_DECLS
