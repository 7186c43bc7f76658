/* stormcut-context-list.h: the side bar page listing the bounded contexts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per context: colour, name (edited in place), number of stickies, delete.  A switch
 * highlights the stickies outside every context.
 *
 * Signals:
 *   ::context-activated (const char *context_id)   a row was clicked: select and reveal it;
 *   ::status-message (const char *message)          an edit was refused.
 * Properties: "highlight-unassigned" (gboolean).
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_CONTEXT_LIST (stormcut_context_list_get_type ())
G_DECLARE_FINAL_TYPE (StormcutContextList, stormcut_context_list, STORMCUT, CONTEXT_LIST, GtkWidget)

GtkWidget *stormcut_context_list_new                      (void);
void       stormcut_context_list_set_model                (StormcutContextList *self, StormcutModel *model);
/* Marks the row of @context_id as selected (NULL: none). */
void       stormcut_context_list_select                   (StormcutContextList *self, const char *context_id);
gboolean   stormcut_context_list_get_highlight_unassigned (StormcutContextList *self);
void       stormcut_context_list_set_highlight_unassigned (StormcutContextList *self, gboolean highlight);
/* Number of rows shown (for tests). */
guint      stormcut_context_list_get_n_rows               (StormcutContextList *self);

G_END_DECLS
