/* stormcut-problems-list.h: the side bar page listing the grammar warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The warnings of stormcut_model_check(), refreshed (once per burst of changes, from an
 * idle) whenever the model changes.
 *
 * Signals:
 *   ::problem-activated (const char *element_id)   a row was clicked: select and reveal it.
 * Properties: "n-problems" (guint, read-only).
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_PROBLEMS_LIST (stormcut_problems_list_get_type ())
G_DECLARE_FINAL_TYPE (StormcutProblemsList, stormcut_problems_list, STORMCUT, PROBLEMS_LIST, GtkWidget)

/* At most this many rows are shown; the rest is summarised in one line. */
#define STORMCUT_PROBLEMS_LIST_MAX_ROWS 500

GtkWidget *stormcut_problems_list_new            (void);
void       stormcut_problems_list_set_model      (StormcutProblemsList *self, StormcutModel *model);
guint      stormcut_problems_list_get_n_problems (StormcutProblemsList *self);
/* Runs a pending refresh now (for tests). */
void       stormcut_problems_list_refresh        (StormcutProblemsList *self);
/* Element id of the problem in row @index, or NULL (for tests). */
const char *stormcut_problems_list_get_element_id (StormcutProblemsList *self, guint index);

G_END_DECLS
