/* stormcut-window-private.h: what stormcut-window.c and stormcut-window-actions.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stormcut-context-list.h"
#include "stormcut-problems-list.h"
#include "stormcut-properties-panel.h"
#include "stormcut-window.h"

G_BEGIN_DECLS

struct _StormcutWindow
{
  GtkApplicationWindow     parent_instance;

  /* template widgets */
  GMenu                   *file_section;
  GtkLabel                *title_label;
  GtkLabel                *subtitle_label;
  GtkButton               *undo_button;
  GtkButton               *redo_button;
  GtkToggleButton         *search_button;
  GtkInfoBar              *error_bar;
  GtkLabel                *error_title_label;
  GtkLabel                *error_label;
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkLabel                *search_status_label;
  GtkPaned                *paned;
  GtkBox                  *palette_box;
  GtkLabel                *zoom_label;
  GtkOverlay              *board_overlay;
  GtkRevealer             *status_revealer;
  GtkLabel                *status_label;
  GtkWidget               *sidebar;
  GtkStack                *sidebar_stack;
  GtkStackPage            *problems_page;
  StormcutPropertiesPanel *properties_panel;
  StormcutContextList     *context_list;
  StormcutProblemsList    *problems_list;
  GtkWidget               *contextmap_view;
  GtkWidget               *services_view;
  GtkWidget               *fp_view;
  GtkWidget               *diagnosis_view;

  /* widgets made in code */
  StormcutCanvas          *canvas;

  /* owned references */
  GSettings               *settings;        /* NULL without the schema */
  StormcutModel           *model;
  char                    *imported_from;   /* basename of the XML an in-memory model came from */
  char                   **search_hits;

  guint64                  saved_revision;  /* revision when the model was opened or saved */
  int                      search_index;
  gulong                   history_changed_id;
  gulong                   model_changed_id;
  gulong                   model_reloaded_id;
  guint                    status_timeout_id;
  guint                    zoom_label_id;
  gboolean                 close_confirmed;
  gboolean                 application_ready; /* settings and recent menu taken from it */
  int                      paned_auto_position; /* last side bar position we set, 0: none */
  gboolean                 paned_moved_by_user;
};

/* stormcut-window-actions.c */
void stormcut_window_class_install_actions (GtkWidgetClass *widget_class);
void stormcut_window_update_actions        (StormcutWindow *self);
/* Asks where to save, then saves; @then_close closes the window after a successful save. */
void stormcut_window_ask_save_as           (StormcutWindow *self, gboolean then_close);
/* Makes the canvas run one of its actions ("canvas.zoom-in", ...). */
void stormcut_window_run_canvas_action     (StormcutWindow *self, const char *action, GVariant *parameter);

G_END_DECLS
