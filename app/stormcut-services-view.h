/* stormcut-services-view.h: the candidate microservices: table, findings and service map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per candidate service (stormcut_services_analyze()): its contexts, the data it
 * owns, the APIs it provides, the sync calls, event subscriptions and direct data reads it
 * needs.  Below, the findings and the rendered service map.  The user merges the selected
 * services, splits them again, or marks them external; those choices are stored in the
 * document and can be undone.
 *
 * Actions (on the widget): services.merge (name from the merge popover), services.split,
 * services.toggle-external, all about the selected services.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>
#include <stormcut/stormcut-services.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_SERVICES_VIEW (stormcut_services_view_get_type ())
G_DECLARE_FINAL_TYPE (StormcutServicesView, stormcut_services_view, STORMCUT, SERVICES_VIEW, GtkWidget)

GtkWidget *stormcut_services_view_new       (void);
void       stormcut_services_view_set_model (StormcutServicesView *self, StormcutModel *model);

/* For tests: runs pending refreshes now. */
void       stormcut_services_view_refresh   (StormcutServicesView *self);
guint      stormcut_services_view_get_n_rows (StormcutServicesView *self);
guint      stormcut_services_view_get_n_findings (StormcutServicesView *self);
/* The service id of row @index, or NULL. */
const char *stormcut_services_view_get_row_service_id (StormcutServicesView *self, guint index);
/* The text shown in column @column (0-based) of row @index (new string). */
char      *stormcut_services_view_get_cell_text (StormcutServicesView *self, guint index, guint column);
/* Selects exactly the rows of the services in @service_ids (NULL-terminated). */
void       stormcut_services_view_select_services (StormcutServicesView *self, const char * const *service_ids);
/* The name the merge action gives the merged service. */
void       stormcut_services_view_set_merge_name (StormcutServicesView *self, const char *name);
GtkWidget *stormcut_services_view_get_diagram (StormcutServicesView *self);

G_END_DECLS
