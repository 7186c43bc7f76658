/* stormcut-properties-panel.h: the side bar page that edits the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows and edits one sticky (names, description, colour, attributes, context, links), one
 * bounded context (names, description, team, domain type, colour), selected links (what one
 * link joins and means; delete them) or, with nothing selected, the board itself (name and
 * description).  Every edit goes through the StormcutModel API when the field is confirmed
 * (Enter or leaving it), so it is durable and undoable at once.  Names may span lines:
 * Enter applies them, Shift+Enter starts a new line, Escape goes back to the saved name.
 *
 * Signals:
 *   ::status-message (const char *message)   an edit was refused; the translated reason;
 *   ::element-activated (const char *id)      a linked sticky was clicked: show it.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_PROPERTIES_PANEL (stormcut_properties_panel_get_type ())
G_DECLARE_FINAL_TYPE (StormcutPropertiesPanel, stormcut_properties_panel, STORMCUT, PROPERTIES_PANEL, GtkWidget)

GtkWidget  *stormcut_properties_panel_new            (void);
void        stormcut_properties_panel_set_model      (StormcutPropertiesPanel *self, StormcutModel *model);

/* Shows the selection: one element, several elements, links (when @element_ids is empty;
 * @link_ids may be NULL), a context (when both are empty) or the board (nothing selected).
 * Pending edits of the previous selection are committed. */
void        stormcut_properties_panel_show_selection (StormcutPropertiesPanel *self,
                                                      const char * const      *element_ids,
                                                      const char * const      *link_ids,
                                                      const char              *context_id);
/* Commits the field being edited, if any. */
void        stormcut_properties_panel_commit         (StormcutPropertiesPanel *self);

/* Name of the visible page: "board", "element", "context", "several" or "link" (for tests). */
const char *stormcut_properties_panel_get_page       (StormcutPropertiesPanel *self);

/* A code name suggested for @display_name: CamelCase of its words when it is plain ASCII
 * ("Reservation registered" → "ReservationRegistered"), NULL otherwise. */
char       *stormcut_suggest_code_name               (const char *display_name);

G_END_DECLS
