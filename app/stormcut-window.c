/* stormcut-window.c: one board window, showing one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-application.h"
#include "stormcut-color-chooser.h"
#include "stormcut-contextmap-view.h"
#include "stormcut-diagnosis-view.h"
#include "stormcut-fp-view.h"
#include "stormcut-message-dialog.h"
#include "stormcut-services-view.h"
#include "stormcut-window-private.h"

/* How long a status message stays at the bottom of the board. */
#define STATUS_TIMEOUT_SECONDS 4

G_DEFINE_FINAL_TYPE (StormcutWindow, stormcut_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_TOOL,
  PROP_SIDEBAR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct {
  StormcutCanvasTool tool;
  const char        *name;
} tool_names[] = {
  { STORMCUT_CANVAS_TOOL_SELECT, "select" },
  { STORMCUT_CANVAS_TOOL_FRAME_CONTEXT, "frame-context" },
  { STORMCUT_CANVAS_TOOL_LINK, "link" },
};

/* --- helpers ----------------------------------------------------------------------------- */

static const char *
get_tool_name (StormcutWindow *self)
{
  StormcutCanvasTool tool = stormcut_canvas_get_tool (self->canvas);

  for (guint i = 0; i < G_N_ELEMENTS (tool_names); i++)
    if (tool_names[i].tool == tool)
      return tool_names[i].name;
  return "select";
}

static void
set_tool_name (StormcutWindow *self,
               const char     *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tool_names); i++)
    if (g_strcmp0 (tool_names[i].name, name) == 0)
      {
        stormcut_canvas_set_tool (self->canvas, tool_names[i].tool);
        return;
      }
}

static void
update_title (StormcutWindow *self)
{
  const char *name = self->model != NULL ? stormcut_model_get_name (self->model) : NULL;
  const char *path = self->model != NULL ? stormcut_model_get_path (self->model) : NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;

  if (name == NULL || *name == '\0')
    name = _("Untitled Board");

  if (path != NULL)
    subtitle = g_path_get_basename (path);
  else if (self->imported_from != NULL)
    subtitle = g_strdup (_("Imported, not saved yet"));
  else
    subtitle = g_strdup (_("Not saved yet"));

  gtk_label_set_text (self->title_label, name);
  gtk_label_set_text (self->subtitle_label, subtitle);
  if (path != NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), path);
  else if (self->imported_from != NULL)
    {
      /* Translators: tooltip of a board read from model XML; %s is the file name */
      g_autofree char *tooltip = g_strdup_printf (_("Imported from %s. Save it to keep your changes."), self->imported_from);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->subtitle_label), NULL);

  /* Translators: the window title: the board's name, then the application's */
  window_title = g_strdup_printf (_("%s — Stormcut"), name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
update_zoom_label (StormcutWindow *self)
{
  g_autofree char *text = NULL;

  /* Translators: the zoom factor in per cent */
  text = g_strdup_printf (_("%.0f %%"), stormcut_canvas_get_zoom (self->canvas) * 100.0);
  gtk_label_set_text (self->zoom_label, text);
}

static void
update_problems_title (StormcutWindow *self)
{
  guint n = stormcut_problems_list_get_n_problems (self->problems_list);
  g_autofree char *title = NULL;

  if (n > 0)
    /* Translators: title of the side bar page with the grammar warnings, with their number */
    title = g_strdup_printf (_("Problems (%u)"), n);
  else
    title = g_strdup (_("Problems"));
  gtk_stack_page_set_title (self->problems_page, title);
}

static void
save_window_state (StormcutWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
add_recent (StormcutWindow *self,
            const char     *path)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (STORMCUT_IS_APPLICATION (application))
    stormcut_application_add_recent_file (STORMCUT_APPLICATION (application), path);
}

static gboolean
looks_like_xml (GFile      *file,
                const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GFileInputStream) stream = NULL;
  char head[6] = { 0 };
  gsize n_read = 0;

  if (g_str_has_suffix (lower, ".xml"))
    return TRUE;
  if (g_str_has_suffix (lower, ".stormcut"))
    return FALSE;

  stream = g_file_read (file, NULL, NULL);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &n_read, NULL, NULL))
    return FALSE;
  return g_str_has_prefix (head, "<?xml");
}

/* --- search ------------------------------------------------------------------------------ */

static void
update_search_status (StormcutWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n = self->search_hits != NULL ? g_strv_length (self->search_hits) : 0;
  g_autofree char *status = NULL;

  if (*text == '\0')
    status = g_strdup ("");
  else if (n == 0)
    status = g_strdup (_("No matches"));
  else if (self->search_index >= 0)
    /* Translators: position of the current search hit, "2 of 5" */
    status = g_strdup_printf (_("%d of %u"), self->search_index + 1, n);
  else
    status = g_strdup_printf (ngettext ("%u match", "%u matches", n), n);

  gtk_label_set_text (self->search_status_label, status);
}

static void
jump_to_hit (StormcutWindow *self,
             int             step)
{
  g_autofree char *current = NULL;
  guint n;

  /* The hits follow the model: take them fresh, and keep the place of the current hit. */
  if (self->search_hits != NULL && self->search_index >= 0 &&
      (guint) self->search_index < g_strv_length (self->search_hits))
    current = g_strdup (self->search_hits[self->search_index]);
  g_strfreev (self->search_hits);
  self->search_hits = stormcut_canvas_get_search_hits (self->canvas);
  n = g_strv_length (self->search_hits);

  if (n == 0)
    self->search_index = -1;
  else
    {
      int position = -1;

      for (guint i = 0; current != NULL && i < n; i++)
        if (g_strcmp0 (self->search_hits[i], current) == 0)
          position = (int) i;

      if (position < 0)
        self->search_index = step >= 0 ? 0 : (int) n - 1;
      else
        self->search_index = (int) ((position + step + (int) n) % (int) n);
      stormcut_canvas_reveal_element (self->canvas, self->search_hits[self->search_index]);
    }
  update_search_status (self);
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   StormcutWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  stormcut_canvas_set_search_text (self->canvas, text);
  g_clear_pointer (&self->search_hits, g_strfreev);
  self->search_index = -1;
  if (*text != '\0')
    jump_to_hit (self, 0);
  else
    update_search_status (self);
}

static void
search_activate_cb (GtkSearchEntry *entry,
                    StormcutWindow *self)
{
  jump_to_hit (self, 1);
}

static void
search_next_cb (GtkWidget      *widget,
                StormcutWindow *self)
{
  jump_to_hit (self, 1);
}

static void
search_previous_cb (GtkWidget      *widget,
                    StormcutWindow *self)
{
  jump_to_hit (self, -1);
}

static void
search_stop_cb (GtkSearchEntry *entry,
                StormcutWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       StormcutWindow        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) != 0)
    {
      jump_to_hit (self, -1);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
search_mode_cb (GtkSearchBar   *search_bar,
                GParamSpec     *pspec,
                StormcutWindow *self)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      return;
    }

  stormcut_canvas_set_search_text (self->canvas, NULL);
  g_clear_pointer (&self->search_hits, g_strfreev);
  self->search_index = -1;
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* --- model and canvas callbacks ------------------------------------------------------------- */

static void
history_changed_cb (StormcutModel  *model,
                    StormcutWindow *self)
{
  stormcut_window_update_actions (self);
}

static void
model_changed_cb (StormcutModel      *model,
                  StormcutObjectType  type,
                  const char         *id,
                  StormcutChange      change,
                  StormcutWindow     *self)
{
  if (type == STORMCUT_OBJECT_MODEL && id == NULL)
    update_title (self);
}

static void
model_reloaded_cb (StormcutModel  *model,
                   StormcutWindow *self)
{
  update_title (self);
  stormcut_window_update_actions (self);
}

static void
selection_changed_cb (StormcutCanvas *canvas,
                      StormcutWindow *self)
{
  g_auto(GStrv) elements = stormcut_canvas_get_selected_elements (canvas);
  g_auto(GStrv) links = stormcut_canvas_get_selected_links (canvas);
  const char *context_id = stormcut_canvas_get_selected_context (canvas);

  stormcut_properties_panel_show_selection (self->properties_panel, (const char * const *) elements,
                                            (const char * const *) links, context_id);
  stormcut_context_list_select (self->context_list, g_strv_length (elements) == 0 ? context_id : NULL);
}

static void
status_message_cb (GtkWidget      *source,
                   const char     *message,
                   StormcutWindow *self)
{
  stormcut_window_show_status (self, message);
}

static gboolean
zoom_label_idle_cb (gpointer user_data)
{
  StormcutWindow *self = user_data;

  self->zoom_label_id = 0;
  update_zoom_label (self);
  return G_SOURCE_REMOVE;
}

static void
zoom_changed_cb (StormcutCanvas *canvas,
                 StormcutWindow *self)
{
  /* The board may change its zoom while it is being laid out (zoom to fit on the first
   * allocation): resizing the label then would invalidate the toolbar in the middle of a
   * frame, so the label follows from an idle. */
  if (self->zoom_label_id == 0)
    self->zoom_label_id = g_idle_add (zoom_label_idle_cb, self);
}

static void
tool_changed_cb (StormcutCanvas *canvas,
                 GParamSpec     *pspec,
                 StormcutWindow *self)
{
  /* A hint for the tools that need a drag, so nobody wonders what to do next. */
  switch (stormcut_canvas_get_tool (canvas))
    {
    case STORMCUT_CANVAS_TOOL_FRAME_CONTEXT:
      stormcut_window_show_status (self, _("Drag on the board to frame a bounded context. Escape cancels."));
      break;
    case STORMCUT_CANVAS_TOOL_LINK:
      stormcut_window_show_status (self, _("Drag from one sticky to another to link them. Escape cancels."));
      break;
    case STORMCUT_CANVAS_TOOL_SELECT:
    default:
      break;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

static void
context_activated_cb (StormcutContextList *list,
                      const char          *context_id,
                      StormcutWindow      *self)
{
  stormcut_canvas_reveal_context (self->canvas, context_id);
}

/* A problem or a linked sticky in the side bar was clicked. */
static void
reveal_element_cb (GtkWidget      *source,
                   const char     *element_id,
                   StormcutWindow *self)
{
  stormcut_canvas_reveal_element (self->canvas, element_id);
}

static void
n_problems_cb (StormcutProblemsList *list,
               GParamSpec           *pspec,
               StormcutWindow       *self)
{
  update_problems_title (self);
}

static gboolean
status_timeout_cb (gpointer user_data)
{
  StormcutWindow *self = user_data;

  self->status_timeout_id = 0;
  gtk_revealer_set_reveal_child (self->status_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
error_bar_response_cb (GtkInfoBar     *info_bar,
                       int             response,
                       StormcutWindow *self)
{
  gtk_info_bar_set_revealed (info_bar, FALSE);
}

/* --- drag and drop ---------------------------------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         StormcutWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = gdk_file_list_get_files (g_value_get_boxed (value));
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = g_slist_prepend (NULL, g_value_get_object (value));

  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (STORMCUT_IS_APPLICATION (application))
        stormcut_application_open_file (STORMCUT_APPLICATION (application), l->data);
      else
        stormcut_window_load_file (self, l->data, NULL);
    }
  g_slist_free (files);
  return TRUE;
}

/* --- closing ----------------------------------------------------------------------------- */

static void
close_answer_cb (GtkWindow *parent,
                 int        response,
                 gpointer   user_data)
{
  StormcutWindow *self = STORMCUT_WINDOW (parent);

  if (response == GTK_RESPONSE_REJECT)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (response == GTK_RESPONSE_ACCEPT)
    stormcut_window_ask_save_as (self, TRUE);
}

static gboolean
stormcut_window_close_request (GtkWindow *window)
{
  StormcutWindow *self = STORMCUT_WINDOW (window);

  stormcut_properties_panel_commit (self->properties_panel);

  if (!self->close_confirmed && stormcut_window_has_unsaved_work (self))
    {
      stormcut_message_dialog_ask (window,
                                   _("Save the board before closing?"),
                                   _("This board has never been saved. If you close the window without saving, its stickies are lost."),
                                   close_answer_cb, NULL,
                                   _("_Cancel"), GTK_RESPONSE_CANCEL,
                                   _("_Close Without Saving"), GTK_RESPONSE_REJECT,
                                   _("_Save As…"), GTK_RESPONSE_ACCEPT,
                                   NULL);
      return TRUE;
    }

  save_window_state (self);
  return GTK_WINDOW_CLASS (stormcut_window_parent_class)->close_request (window);
}

/* --- GObject --------------------------------------------------------------------------------- */

static void
create_palette (StormcutWindow *self)
{
  for (StormcutKind kind = 0; kind < STORMCUT_N_KINDS; kind++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *label = gtk_label_new (stormcut_kind_get_label (kind));
      GtkWidget *key = NULL;
      g_autofree char *key_text = g_strdup_printf ("%u", kind + 1);
      g_autofree char *tooltip = NULL;

      gtk_box_append (GTK_BOX (box), stormcut_color_swatch_new (stormcut_kind_get_default_color (kind), 16));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
      /* The key that adds this kind while the board has the focus. */
      key = gtk_label_new (key_text);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_widget_add_css_class (key, "stormcut-key");
      gtk_box_append (GTK_BOX (box), key);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "stormcut-palette-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.add-sticky");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", stormcut_kind_to_string (kind));
      /* Translators: tooltip of a palette button; %s is the kind ("Domain event"), %u its key */
      tooltip = g_strdup_printf (_("Add a sticky: %s (key %u on the board)"), stormcut_kind_get_label (kind), kind + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_box_append (self->palette_box, button);
    }
}

/* "application" is set after construction: the settings and the recent menu come with it. */
static void
application_set_cb (StormcutWindow *self,
                    GParamSpec     *pspec,
                    gpointer        user_data)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (!STORMCUT_IS_APPLICATION (application) || self->application_ready)
    return;
  self->application_ready = TRUE;

  g_menu_insert_submenu (self->file_section, 2, _("Open _Recent"),
                         stormcut_application_get_recent_menu (STORMCUT_APPLICATION (application)));

  settings = stormcut_application_get_settings (STORMCUT_APPLICATION (application));
  if (settings == NULL)
    return;

  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (settings, "highlight-unassigned", self->context_list, "highlight-unassigned",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "sidebar-visible", self->sidebar, "visible", G_SETTINGS_BIND_DEFAULT);
}

static void
stormcut_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StormcutWindow *self = STORMCUT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      /* Asked for while the template is built, before the board exists. */
      g_value_set_string (value, self->canvas != NULL ? get_tool_name (self) : "select");
      break;
    case PROP_SIDEBAR_VISIBLE:
      g_value_set_boolean (value, self->sidebar == NULL || gtk_widget_get_visible (self->sidebar));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stormcut_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  StormcutWindow *self = STORMCUT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      if (self->canvas != NULL)
        set_tool_name (self, g_value_get_string (value));
      break;
    case PROP_SIDEBAR_VISIBLE:
      if (self->sidebar != NULL)
        gtk_widget_set_visible (self->sidebar, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The side bar keeps its narrowest width as the window grows, until the user drags the
 * handle: from then on the position is theirs. */
static void
paned_max_position_cb (GtkPaned       *paned,
                       GParamSpec     *pspec,
                       StormcutWindow *self)
{
  int max_position;

  if (self->paned_moved_by_user)
    return;
  g_object_get (paned, "max-position", &max_position, NULL);
  if (max_position <= 0 || max_position == gtk_paned_get_position (paned))
    return;
  self->paned_auto_position = max_position;
  gtk_paned_set_position (paned, max_position);
}

static void
paned_position_cb (GtkPaned       *paned,
                   GParamSpec     *pspec,
                   StormcutWindow *self)
{
  if (self->paned_auto_position > 0 && gtk_paned_get_position (paned) != self->paned_auto_position)
    self->paned_moved_by_user = TRUE;
}

static void
sidebar_visible_cb (GtkWidget      *sidebar,
                    GParamSpec     *pspec,
                    StormcutWindow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR_VISIBLE]);
}

static void
disconnect_model (StormcutWindow *self)
{
  if (self->model == NULL)
    return;
  g_clear_signal_handler (&self->history_changed_id, self->model);
  g_clear_signal_handler (&self->model_changed_id, self->model);
  g_clear_signal_handler (&self->model_reloaded_id, self->model);
  g_clear_object (&self->model);
}

static void
stormcut_window_dispose (GObject *object)
{
  StormcutWindow *self = STORMCUT_WINDOW (object);

  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  g_clear_handle_id (&self->zoom_label_id, g_source_remove);
  if (self->canvas != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->canvas, self);
      stormcut_canvas_set_model (self->canvas, NULL);
    }
  if (self->properties_panel != NULL)
    stormcut_properties_panel_set_model (self->properties_panel, NULL);
  if (self->context_list != NULL)
    stormcut_context_list_set_model (self->context_list, NULL);
  if (self->problems_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->problems_list, self);
      stormcut_problems_list_set_model (self->problems_list, NULL);
    }
  disconnect_model (self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_WINDOW);
  self->canvas = NULL;

  G_OBJECT_CLASS (stormcut_window_parent_class)->dispose (object);
}

static void
stormcut_window_finalize (GObject *object)
{
  StormcutWindow *self = STORMCUT_WINDOW (object);

  g_free (self->imported_from);
  g_strfreev (self->search_hits);

  G_OBJECT_CLASS (stormcut_window_parent_class)->finalize (object);
}

static void
stormcut_window_class_init (StormcutWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = stormcut_window_get_property;
  object_class->set_property = stormcut_window_set_property;
  object_class->dispose = stormcut_window_dispose;
  object_class->finalize = stormcut_window_finalize;
  window_class->close_request = stormcut_window_close_request;

  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "select",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SIDEBAR_VISIBLE] =
    g_param_spec_boolean ("sidebar-visible", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STORMCUT_TYPE_PROPERTIES_PANEL);
  g_type_ensure (STORMCUT_TYPE_CONTEXT_LIST);
  g_type_ensure (STORMCUT_TYPE_PROBLEMS_LIST);
  g_type_ensure (STORMCUT_TYPE_CONTEXTMAP_VIEW);
  g_type_ensure (STORMCUT_TYPE_SERVICES_VIEW);
  g_type_ensure (STORMCUT_TYPE_FP_VIEW);
  g_type_ensure (STORMCUT_TYPE_DIAGNOSIS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, error_title_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, search_status_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, palette_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, board_overlay);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, problems_page);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, properties_panel);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, context_list);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, problems_list);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, contextmap_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, services_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, fp_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutWindow, diagnosis_view);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);

  stormcut_window_class_install_actions (widget_class);
}

static void
stormcut_window_init (StormcutWindow *self)
{
  GtkEventController *controller;
  GtkDropTarget *drop;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->search_index = -1;

  self->canvas = STORMCUT_CANVAS (stormcut_canvas_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->canvas), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->canvas), TRUE);
  gtk_overlay_set_child (self->board_overlay, GTK_WIDGET (self->canvas));
  g_signal_connect (self->canvas, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect (self->canvas, "status-message", G_CALLBACK (status_message_cb), self);
  g_signal_connect (self->canvas, "zoom-changed", G_CALLBACK (zoom_changed_cb), self);
  g_signal_connect (self->canvas, "notify::tool", G_CALLBACK (tool_changed_cb), self);
  g_object_bind_property (self->context_list, "highlight-unassigned",
                          self->canvas, "highlight-unassigned", G_BINDING_SYNC_CREATE);

  g_signal_connect (self->properties_panel, "status-message", G_CALLBACK (status_message_cb), self);
  g_signal_connect (self->properties_panel, "element-activated", G_CALLBACK (reveal_element_cb), self);
  g_signal_connect (self->context_list, "status-message", G_CALLBACK (status_message_cb), self);
  g_signal_connect (self->context_list, "context-activated", G_CALLBACK (context_activated_cb), self);
  g_signal_connect (self->problems_list, "problem-activated", G_CALLBACK (reveal_element_cb), self);
  g_signal_connect (self->problems_list, "notify::n-problems", G_CALLBACK (n_problems_cb), self);
  g_signal_connect (self->sidebar, "notify::visible", G_CALLBACK (sidebar_visible_cb), self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  g_signal_connect (self->paned, "notify::max-position", G_CALLBACK (paned_max_position_cb), self);
  g_signal_connect (self->paned, "notify::position", G_CALLBACK (paned_position_cb), self);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_cb), self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  create_palette (self);

  {
    g_autoptr(StormcutModel) model = stormcut_model_new ();
    stormcut_window_set_model (self, model, NULL);
  }
  update_zoom_label (self);
  update_problems_title (self);

  /* Keyboard first: the digits add stickies as soon as the window is there. */
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* --- public API --------------------------------------------------------------------------- */

StormcutWindow *
stormcut_window_new (StormcutApplication *application)
{
  return g_object_new (STORMCUT_TYPE_WINDOW, "application", application, NULL);
}

StormcutModel *
stormcut_window_get_model (StormcutWindow *self)
{
  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), NULL);

  return self->model;
}

StormcutCanvas *
stormcut_window_get_canvas (StormcutWindow *self)
{
  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), NULL);

  return self->canvas;
}

/* The architect's views (context map, services, FP, self-diagnosis) show the same model. */
static void
set_view_models (StormcutWindow *self,
                 StormcutModel  *model)
{
  stormcut_contextmap_view_set_model (STORMCUT_CONTEXTMAP_VIEW (self->contextmap_view), model);
  stormcut_services_view_set_model (STORMCUT_SERVICES_VIEW (self->services_view), model);
  stormcut_fp_view_set_model (STORMCUT_FP_VIEW (self->fp_view), model);
  stormcut_diagnosis_view_set_model (STORMCUT_DIAGNOSIS_VIEW (self->diagnosis_view), model);
}

void
stormcut_window_set_model (StormcutWindow *self,
                           StormcutModel  *model,
                           const char     *imported_from)
{
  g_return_if_fail (STORMCUT_IS_WINDOW (self));
  g_return_if_fail (STORMCUT_IS_MODEL (model));

  if (self->model != model)
    {
      disconnect_model (self);
      self->model = g_object_ref (model);
      self->history_changed_id = g_signal_connect (model, "history-changed", G_CALLBACK (history_changed_cb), self);
      self->model_changed_id = g_signal_connect (model, "changed", G_CALLBACK (model_changed_cb), self);
      self->model_reloaded_id = g_signal_connect (model, "reloaded", G_CALLBACK (model_reloaded_cb), self);
    }

  g_free (self->imported_from);
  self->imported_from = g_strdup (imported_from);
  self->saved_revision = stormcut_model_get_revision (model);
  self->close_confirmed = FALSE;

  stormcut_canvas_set_model (self->canvas, model);
  stormcut_properties_panel_set_model (self->properties_panel, model);
  stormcut_context_list_set_model (self->context_list, model);
  stormcut_problems_list_set_model (self->problems_list, model);
  set_view_models (self, model);

  update_title (self);
  stormcut_window_update_actions (self);
}

gboolean
stormcut_window_load_file (StormcutWindow  *self,
                           GFile           *file,
                           GError         **error)
{
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean is_xml;

  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  basename = g_file_get_basename (file);
  if (path == NULL)
    {
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only files on this computer can be opened. Copy the file to a local folder first."));
      is_xml = FALSE;
    }
  else
    {
      is_xml = looks_like_xml (file, path);
      if (is_xml)
        model = stormcut_model_read_xml (path, &local_error);
      else
        model = stormcut_model_open (path, &local_error);
    }

  if (model == NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a file name */
      title = g_strdup_printf (_("Could not open “%s”"), basename != NULL ? basename : "");
      stormcut_window_show_error (self, title, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gtk_info_bar_set_revealed (self->error_bar, FALSE);
  stormcut_window_set_model (self, model, is_xml ? basename : NULL);
  if (!is_xml)
    add_recent (self, path);
  return TRUE;
}

gboolean
stormcut_window_save_as (StormcutWindow  *self,
                         const char      *path,
                         GError         **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *full_path = NULL;

  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  stormcut_properties_panel_commit (self->properties_panel);

  basename = g_path_get_basename (path);
  full_path = strchr (basename, '.') == NULL ? g_strconcat (path, ".stormcut", NULL) : g_strdup (path);

  if (!stormcut_model_save_as (self->model, full_path, error))
    return FALSE;

  g_clear_pointer (&self->imported_from, g_free);
  self->saved_revision = stormcut_model_get_revision (self->model);
  add_recent (self, full_path);
  update_title (self);
  return TRUE;
}

gboolean
stormcut_window_is_pristine (StormcutWindow *self)
{
  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), FALSE);

  return stormcut_model_get_path (self->model) == NULL &&
         self->imported_from == NULL &&
         stormcut_model_get_revision (self->model) == self->saved_revision;
}

gboolean
stormcut_window_has_unsaved_work (StormcutWindow *self)
{
  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), FALSE);

  return stormcut_model_get_path (self->model) == NULL &&
         stormcut_model_get_revision (self->model) != self->saved_revision;
}

void
stormcut_window_show_status (StormcutWindow *self,
                             const char     *message)
{
  g_return_if_fail (STORMCUT_IS_WINDOW (self));

  if (message == NULL || *message == '\0')
    return;

  gtk_label_set_text (self->status_label, message);
  gtk_revealer_set_reveal_child (self->status_revealer, TRUE);
  g_clear_handle_id (&self->status_timeout_id, g_source_remove);
  self->status_timeout_id = g_timeout_add_seconds (STATUS_TIMEOUT_SECONDS, status_timeout_cb, self);
}

void
stormcut_window_show_error (StormcutWindow *self,
                            const char     *title,
                            const char     *message)
{
  g_return_if_fail (STORMCUT_IS_WINDOW (self));

  gtk_label_set_text (self->error_title_label, title != NULL ? title : "");
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_info_bar_set_revealed (self->error_bar, TRUE);
}

const char *
stormcut_window_get_error_text (StormcutWindow *self)
{
  g_return_val_if_fail (STORMCUT_IS_WINDOW (self), NULL);

  if (!gtk_info_bar_get_revealed (self->error_bar))
    return NULL;
  return gtk_label_get_text (self->error_label);
}
