/* stormcut-diagram-view.h: a Graphviz diagram of the model, shown as a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Renders one of the export diagrams (context map, service map, event flow) to PNG through
 * stormcut_export_to_bytes() and shows it in a scrolled picture, either fitted to the view or
 * at its actual size.  Graphviz takes from half a second (the Korean sample) to minutes (10,000
 * stickies), so the view draws a snapshot of the model (its XML) in a worker thread and keeps
 * showing the previous picture meanwhile.  It draws again, once per burst of changes, when
 * the model changes while the view is mapped; changes made while it is hidden are drawn when
 * it is shown again.  Its toolbar opens the export dialog on the same diagram.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>
#include <stormcut/stormcut-export.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_DIAGRAM_VIEW (stormcut_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (StormcutDiagramView, stormcut_diagram_view, STORMCUT, DIAGRAM_VIEW, GtkWidget)

GtkWidget  *stormcut_diagram_view_new          (StormcutExportWhat what);
void        stormcut_diagram_view_set_model    (StormcutDiagramView *self, StormcutModel *model);
/* TRUE: the whole diagram fits the view; FALSE: actual size, scrolled. */
void        stormcut_diagram_view_set_fit      (StormcutDiagramView *self, gboolean fit);
gboolean    stormcut_diagram_view_get_fit      (StormcutDiagramView *self);
/* Renders now when a render is pending and waits for it (for tests). */
void        stormcut_diagram_view_refresh      (StormcutDiagramView *self);
/* The picture shown, or NULL (nothing rendered yet, or the render failed). */
GdkTexture *stormcut_diagram_view_get_texture  (StormcutDiagramView *self);
/* How many times the diagram was rendered (for tests). */
guint       stormcut_diagram_view_get_n_renders (StormcutDiagramView *self);

G_END_DECLS
