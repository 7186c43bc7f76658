/* stormcut-contextmap-view.h: the context map: its diagram and its relationships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the rendered context map above the list of relationships: every relationship
 * derived from the links (stormcut_context_map_derive()) with its status, direction, mode
 * and the links that justify it, and every confirmed relationship.  The user confirms a
 * derived relationship, and edits (pattern, roles, mode, note, direction) or deletes a
 * confirmed one; every change goes through the model and can be undone.
 *
 * The user can also record a relationship no link shows (separate ways, a shared kernel...).
 *
 * Actions (on the widget): contextmap.confirm, contextmap.swap, contextmap.delete, all about
 * the selected row; contextmap.add, with the pattern and contexts chosen in its popover.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>
#include <stormcut/stormcut-contextmap.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_CONTEXTMAP_VIEW (stormcut_contextmap_view_get_type ())
G_DECLARE_FINAL_TYPE (StormcutContextmapView, stormcut_contextmap_view, STORMCUT, CONTEXTMAP_VIEW, GtkWidget)

GtkWidget *stormcut_contextmap_view_new       (void);
void       stormcut_contextmap_view_set_model (StormcutContextmapView *self, StormcutModel *model);

/* For tests: runs pending refreshes of the list and the diagram now. */
void       stormcut_contextmap_view_refresh   (StormcutContextmapView *self);
guint      stormcut_contextmap_view_get_n_rows (StormcutContextmapView *self);
StormcutContextMapStatus stormcut_contextmap_view_get_row_status (StormcutContextmapView *self, guint index);
/* The confirmed relationship of row @index, or NULL. */
const char *stormcut_contextmap_view_get_row_relationship_id (StormcutContextmapView *self, guint index);
/* The text shown in column @column (0-based) of row @index (new string). */
char      *stormcut_contextmap_view_get_cell_text (StormcutContextmapView *self, guint index, guint column);
void       stormcut_contextmap_view_select_row (StormcutContextmapView *self, guint index);
/* The editor's widgets. */
GtkDropDown *stormcut_contextmap_view_get_pattern_dropdown (StormcutContextmapView *self);
GtkDropDown *stormcut_contextmap_view_get_mode_dropdown    (StormcutContextmapView *self);
GtkCheckButton *stormcut_contextmap_view_get_role_check    (StormcutContextmapView *self, StormcutRoles role);
GtkEntry  *stormcut_contextmap_view_get_note_entry         (StormcutContextmapView *self);
GtkWidget *stormcut_contextmap_view_get_diagram            (StormcutContextmapView *self);
/* Chooses the pattern and contexts for contextmap.add. */
void       stormcut_contextmap_view_set_new_relationship   (StormcutContextmapView *self, StormcutPattern pattern,
                                                            const char *first_id, const char *second_id);

G_END_DECLS
