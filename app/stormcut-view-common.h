/* stormcut-view-common.h: what the analysis views share: rows, text columns, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A StormcutViewRow wraps one record of an analysis (a relationship entry, a service, an FP
 * row) so that a GListStore can hold it; the record belongs to the row.  Text columns ask a
 * function for the text of each row when it is bound.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_VIEW_ROW (stormcut_view_row_get_type ())
G_DECLARE_FINAL_TYPE (StormcutViewRow, stormcut_view_row, STORMCUT, VIEW_ROW, GObject)

/* @key identifies the row across rebuilds (to keep the selection); @data is freed with
 * @destroy when the row is finalized. */
StormcutViewRow *stormcut_view_row_new      (const char *key, gpointer data, GDestroyNotify destroy);
const char      *stormcut_view_row_get_key  (StormcutViewRow *self);
gpointer         stormcut_view_row_get_data (StormcutViewRow *self);

/* Returns the text for @data (newly allocated, may be NULL for none). */
typedef char *(*StormcutViewTextFunc) (gpointer data, gpointer user_data);

/* Appends a column of labels to @view.  @expand: the column takes spare width;
 * @numeric: right-aligned tabular figures.  Returns the column (owned by @view). */
GtkColumnViewColumn *stormcut_view_add_text_column (GtkColumnView        *view,
                                                    const char           *title,
                                                    StormcutViewTextFunc  func,
                                                    gpointer              user_data,
                                                    gboolean              expand,
                                                    gboolean              numeric);

/* Shows @error in a dialog over the window of @widget, under @primary. */
void             stormcut_view_show_error   (GtkWidget *widget, const char *primary, const GError *error);

/* Graphviz keeps global state: whoever runs it in the application (the diagram views'
 * worker threads, the export dialog) holds this lock meanwhile. */
GMutex          *stormcut_view_get_graphviz_lock (void);

/* Position of the row with @key in @model, or GTK_INVALID_LIST_POSITION. */
guint            stormcut_view_find_key     (GListModel *model, const char *key);

G_END_DECLS
