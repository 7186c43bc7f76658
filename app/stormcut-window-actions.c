/* stormcut-window-actions.c: the window's actions (their accelerators are set by the application)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The actions are installed on the widget class (prefix "win.").  Those that belong to the
 * board forward to the canvas's own "canvas." actions, so menus, the palette and toolbar
 * buttons (which live outside the canvas) reach them too.
 */
#include <glib/gi18n.h>

#include "stormcut-export-dialog.h"
#include "stormcut-file-chooser.h"
#include "stormcut-message-dialog.h"
#include "stormcut-window-private.h"

typedef struct {
  gboolean then_close;
} SaveRequest;

static char *
suggest_file_name (StormcutWindow *self,
                   const char     *suffix)
{
  const char *name = stormcut_model_get_name (self->model);
  g_autofree char *base = NULL;

  if (name == NULL || *name == '\0')
    name = _("Untitled Board");
  /* Keep the name readable (Korean included) but drop what file systems refuse. */
  base = g_strdup (name);
  g_strdelimit (base, "/\\:*?\"<>|\n\r\t", '_');
  return g_strconcat (base, suffix, NULL);
}

static void
save_as_chosen_cb (GtkWindow *parent,
                   GFile     *file,
                   gpointer   user_data)
{
  StormcutWindow *self = STORMCUT_WINDOW (parent);
  SaveRequest *request = user_data;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      stormcut_message_dialog_show_error (parent, _("Could not save the board"),
                                          _("Choose a folder on this computer."));
      return;
    }

  if (!stormcut_window_save_as (self, path, &error))
    {
      stormcut_message_dialog_show_error (parent, _("Could not save the board"), error->message);
      return;
    }

  if (request->then_close)
    gtk_window_close (parent);
}

void
stormcut_window_ask_save_as (StormcutWindow *self,
                             gboolean        then_close)
{
  g_autofree char *suggested = suggest_file_name (self, ".stormcut");
  /* The request lives as long as the window: one per window is enough. */
  SaveRequest *request = g_object_get_data (G_OBJECT (self), "stormcut-save-request");

  if (request == NULL)
    {
      request = g_new0 (SaveRequest, 1);
      g_object_set_data_full (G_OBJECT (self), "stormcut-save-request", request, g_free);
    }
  request->then_close = then_close;

  stormcut_file_chooser_save (GTK_WINDOW (self), _("Save Board As"), suggested,
                              STORMCUT_FILE_FILTER_BOARD, save_as_chosen_cb, request);
}

static void
export_chosen_cb (GtkWindow *parent,
                  GFile     *file,
                  gpointer   user_data)
{
  StormcutWindow *self = STORMCUT_WINDOW (parent);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  if (path == NULL)
    {
      stormcut_message_dialog_show_error (parent, _("Could not export the model"),
                                          _("Choose a folder on this computer."));
      return;
    }

  stormcut_properties_panel_commit (self->properties_panel);
  if (!stormcut_model_write_xml (self->model, path, &error))
    stormcut_message_dialog_show_error (parent, _("Could not export the model"), error->message);
  else
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), basename);

      stormcut_window_show_status (self, message);
    }
}

void
stormcut_window_run_canvas_action (StormcutWindow *self,
                                   const char     *action,
                                   GVariant       *parameter)
{
  g_autoptr(GVariant) owned = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;

  if (!gtk_widget_activate_action_variant (GTK_WIDGET (self->canvas), action, owned))
    g_debug ("The board has no action %s", action);
}

/* --- action callbacks ------------------------------------------------------------------- */

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  stormcut_window_ask_save_as (STORMCUT_WINDOW (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);

  /* A document is written as it is edited: only a board that has no file yet needs asking. */
  stormcut_properties_panel_commit (self->properties_panel);
  if (stormcut_model_get_path (self->model) == NULL)
    stormcut_window_ask_save_as (self, FALSE);
  else
    stormcut_window_show_status (self, _("Saved. Every change is written to the file as you make it."));
}

static void
export_xml_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);
  g_autofree char *suggested = suggest_file_name (self, ".xml");

  stormcut_file_chooser_save (GTK_WINDOW (self), _("Export Model XML"), suggested,
                              STORMCUT_FILE_FILTER_XML, export_chosen_cb, NULL);
}

/* Diagrams and function points: the export dialog chooses what, the format and the file. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);

  stormcut_properties_panel_commit (self->properties_panel);
  gtk_window_present (GTK_WINDOW (stormcut_export_dialog_new (GTK_WINDOW (self), self->model)));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  stormcut_properties_panel_commit (self->properties_panel);
  if (stormcut_model_can_undo (self->model) && !stormcut_model_undo (self->model, &error))
    stormcut_window_show_status (self, error->message);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (stormcut_model_can_redo (self->model) && !stormcut_model_redo (self->model, &error))
    stormcut_window_show_status (self, error->message);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
add_sticky_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  stormcut_window_run_canvas_action (self, "canvas.add-sticky", parameter);
}

static void
forward_to_canvas_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StormcutWindow *self = STORMCUT_WINDOW (widget);
  g_autofree char *canvas_action = NULL;

  /* "win.zoom-in" → "canvas.zoom-in" */
  g_return_if_fail (g_str_has_prefix (action_name, "win."));

  if (g_str_equal (action_name, "win.frame-selection"))
    {
      g_auto(GStrv) selected = stormcut_canvas_get_selected_elements (self->canvas);

      if (selected[0] == NULL)
        {
          stormcut_window_show_status (self, _("Select the stickies that belong together first, then frame them."));
          return;
        }
    }

  canvas_action = g_strconcat ("canvas.", action_name + strlen ("win."), NULL);
  stormcut_window_run_canvas_action (self, canvas_action, parameter);
}

void
stormcut_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export-xml", NULL, export_xml_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.add-sticky", "s", add_sticky_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, forward_to_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, forward_to_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, forward_to_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, forward_to_canvas_action);
  gtk_widget_class_install_action (widget_class, "win.frame-selection", NULL, forward_to_canvas_action);
  gtk_widget_class_install_property_action (widget_class, "win.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "sidebar-visible");
}

void
stormcut_window_update_actions (StormcutWindow *self)
{
  const char *label;
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;
  gboolean can_undo = self->model != NULL && stormcut_model_can_undo (self->model);
  gboolean can_redo = self->model != NULL && stormcut_model_can_redo (self->model);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  label = can_undo ? stormcut_model_get_undo_label (self->model) : NULL;
  /* Translators: tooltip of the undo button; %s says what is undone ("Move 3 stickies") */
  undo_tooltip = label != NULL ? g_strdup_printf (_("Undo: %s (Ctrl+Z)"), label) : g_strdup (_("Undo (Ctrl+Z)"));
  label = can_redo ? stormcut_model_get_redo_label (self->model) : NULL;
  /* Translators: tooltip of the redo button; %s says what is redone */
  redo_tooltip = label != NULL ? g_strdup_printf (_("Redo: %s (Ctrl+Shift+Z)"), label) : g_strdup (_("Redo (Ctrl+Shift+Z)"));

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tooltip);
}
