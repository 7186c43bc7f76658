/* stormcut-view-common.h: what the analysis views share: the model binding, rows, text columns, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A StormcutViewBinding ties a view to the model it shows and rebuilds the view when the
 * model changes, but only while the view is on screen.  A StormcutViewRow wraps one record
 * of an analysis (a relationship entry, a service, an FP row) so that a GListStore can hold
 * it; the record belongs to the row.  Text columns ask a function for the text of each row
 * when it is bound.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

/* Rebuilds what @view shows from its model. */
typedef void     (*StormcutViewRebuildFunc)  (gpointer view);

/* Whether a ::changed emission of the model about @type and @id concerns the view. */
typedef gboolean (*StormcutViewChangeFilter) (StormcutObjectType type, const char *id);

/* Embedded in a view's instance struct: holds the model, listens to its ::changed (those
 * @filter lets through) and ::reloaded, and rebuilds the view once per burst of changes,
 * from a low-priority idle.  A view that is not mapped only remembers that it is out of
 * date and rebuilds when it is mapped again (unless set to rebuild while hidden).  The view reads @model; it changes the rest
 * through the functions below only. */
typedef struct {
  /* borrowed references */
  GtkWidget                *view;
  StormcutViewRebuildFunc   rebuild;
  StormcutViewChangeFilter  filter;       /* NULL: every change concerns the view */

  /* owned references */
  StormcutModel            *model;        /* or NULL */

  gulong                    changed_id;
  gulong                    reloaded_id;
  guint                     idle_id;
  gboolean                  dirty;        /* the view is older than the model */
  gboolean                  while_hidden; /* rebuild even when not mapped */
} StormcutViewBinding;

/* Starts without a model and out of date.  Call it in the view's init. */
void             stormcut_view_binding_init      (StormcutViewBinding      *self,
                                                  GtkWidget                *view,
                                                  StormcutViewRebuildFunc   rebuild,
                                                  StormcutViewChangeFilter  filter);
/* Rebuilds the view also while it is not on screen (a view whose state is shown elsewhere,
 * such as a count on a tab). */
void             stormcut_view_binding_set_while_hidden (StormcutViewBinding *self,
                                                         gboolean             while_hidden);
/* Shows @model (or none) from now on: the view is rebuilt soon. */
void             stormcut_view_binding_set_model (StormcutViewBinding      *self,
                                                  StormcutModel            *model);
/* Marks the view out of date and rebuilds it from an idle, or once it is mapped. */
void             stormcut_view_binding_queue     (StormcutViewBinding      *self);
/* Call from the view's map vfunc, after chaining up: catches up on what changed meanwhile. */
void             stormcut_view_binding_map       (StormcutViewBinding      *self);
/* Rebuilds now if the view is out of date, mapped or not (for tests and exports). */
void             stormcut_view_binding_flush     (StormcutViewBinding      *self);
/* Call from the view's dispose: drops the idle, the handlers and the model. */
void             stormcut_view_binding_clear     (StormcutViewBinding      *self);

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

/* The name of the bounded context or the sticky @id in @model (which may be NULL), or @id
 * itself when there is none. */
const char      *stormcut_view_context_name (StormcutModel *model, const char *id);
const char      *stormcut_view_element_name (StormcutModel *model, const char *id);

/* Position of the row with @key in @model, or GTK_INVALID_LIST_POSITION. */
guint            stormcut_view_find_key     (GListModel *model, const char *key);

G_END_DECLS
