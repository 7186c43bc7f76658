/* test-app.c: the application shell: windows, actions, side bar, files (suite 'gui')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the window through the same actions the UI uses (gtk_widget_activate_action on the
 * window and the board) and checks the model and the document on disk.
 */
#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "test-common.h"
#include "stormcut-application.h"
#include "stormcut-context-list.h"
#include "stormcut-problems-list.h"
#include "stormcut-properties-panel.h"
#include "stormcut-window.h"

#define SAMPLE "public-facility-reservation.xml"

static StormcutApplication *application;

/* --- helpers --------------------------------------------------------------------------- */

static void
flush_events (void)
{
  /* Twice: idles scheduled by the first round (panel refreshes) run in the second. */
  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
        ;
      g_usleep (10000);
    }
}

static void
setup_application (void)
{
  g_autoptr(GError) error = NULL;

  application = stormcut_application_new ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  ck_assert_msg (g_application_register (G_APPLICATION (application), NULL, &error),
                 "register: %s", error != NULL ? error->message : "");
  ck_assert_ptr_nonnull (stormcut_application_get_settings (application));
}

static void
teardown_application (void)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (application)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  flush_events ();
  g_clear_object (&application);
}

static StormcutWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StormcutWindow *window = stormcut_window_new (application);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (window));
  ck_assert_msg (stormcut_window_load_file (window, file, &error), "load %s: %s", path,
                 error != NULL ? error->message : "");
  ck_assert_ptr_null (stormcut_window_get_error_text (window));
  flush_events ();
  return window;
}

/* The sample imported by the window itself, then saved as a document: the way a user gets it. */
static StormcutWindow *
open_sample_as_document (char **out_path)
{
  g_autofree char *sample = stormcut_test_sample_path (SAMPLE);
  g_autofree char *path = stormcut_test_tmp_path ("reservation.stormcut");
  StormcutWindow *window = open_window (sample);
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (stormcut_model_get_path (stormcut_window_get_model (window)));
  g_unlink (path);
  ck_assert_msg (stormcut_window_save_as (window, path, &error), "save as: %s", error != NULL ? error->message : "");
  ck_assert_str_eq (stormcut_model_get_path (stormcut_window_get_model (window)), path);
  ck_assert (!stormcut_window_has_unsaved_work (window));

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return window;
}

static GtkWidget *
find_editor (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TEXT (child) && gtk_widget_get_visible (child))
        return child;
      if ((found = find_editor (child)) != NULL)
        return found;
    }
  return NULL;
}

/* Types @name into the board's inline editor and presses Enter; returns the new sticky. */
static const StormcutElement *
type_new_sticky (StormcutWindow *window,
                 const char     *name)
{
  StormcutCanvas *canvas = stormcut_window_get_canvas (window);
  StormcutModel *model = stormcut_window_get_model (window);
  guint n_before = stormcut_model_get_n_elements (model);
  GPtrArray *elements;
  GtkWidget *editor;

  flush_events ();
  ck_assert (stormcut_canvas_is_editing (canvas));
  editor = find_editor (GTK_WIDGET (canvas));
  ck_assert_ptr_nonnull (editor);
  gtk_editable_set_text (GTK_EDITABLE (editor), name);
  g_signal_emit_by_name (editor, "activate");
  flush_events ();

  ck_assert_uint_eq (stormcut_model_get_n_elements (model), n_before + 1);
  elements = stormcut_model_get_elements (model);
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);

      if (g_strcmp0 (element->name, name) == 0)
        return element;
    }
  ck_abort_msg ("the new sticky %s is not in the model", name);
  return NULL;
}

/* Quick-adds a sticky through the palette's action. */
static const StormcutElement *
add_sticky (StormcutWindow *window,
            StormcutKind    kind,
            const char     *name)
{
  const StormcutElement *element;

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-sticky", "s", stormcut_kind_to_string (kind)));
  element = type_new_sticky (window, name);
  ck_assert_int_eq (element->kind, kind);
  return element;
}

static const StormcutElement *
first_of_kind (StormcutModel *model,
               StormcutKind   kind)
{
  GPtrArray *elements = stormcut_model_get_elements (model);

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      if (element->kind == kind)
        return element;
    }
  return NULL;
}

static GtkWidget *
panel_child (GtkWidget  *panel,
             const char *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, name));

  ck_assert_msg (child != NULL, "the panel has no %s", name);
  return child;
}

static char *
view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Presses a key in a name field of the panel: its handler sees it before the text view
 * (GTK has no public way to synthesize the event itself); TRUE when the field took it. */
static gboolean
press_key (GtkWidget       *view,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  gboolean handled = FALSE, found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          found = TRUE;
        }
    }
  ck_assert_msg (found, "the field has no key handler");
  return handled;
}

static char *
model_xml (StormcutModel *model)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = stormcut_model_to_xml (model, &error);
  gsize size;
  const char *data;

  ck_assert_msg (bytes != NULL, "to xml: %s", error != NULL ? error->message : "");
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

/* --- tests ---------------------------------------------------------------------------------- */

START_TEST (test_suggest_code_name)
{
  char *s;

  s = stormcut_suggest_code_name ("Reservation registered");
  ck_assert_str_eq (s, "ReservationRegistered");
  g_free (s);
  s = stormcut_suggest_code_name ("  register  a facility-booking ");
  ck_assert_str_eq (s, "RegisterAFacilityBooking");
  g_free (s);
  s = stormcut_suggest_code_name ("3rd party payment");
  ck_assert_str_eq (s, "_3rdPartyPayment");
  g_free (s);
  ck_assert_ptr_null (stormcut_suggest_code_name ("예약 등록됨"));
  ck_assert_ptr_null (stormcut_suggest_code_name ("예약 v2"));
  ck_assert_ptr_null (stormcut_suggest_code_name (" -- "));
  ck_assert_ptr_null (stormcut_suggest_code_name (NULL));
}
END_TEST

START_TEST (test_session_edit_close_reopen)
{
  g_autofree char *path = NULL;
  g_autofree char *before_close = NULL;
  g_autofree char *after_reopen = NULL;
  g_autofree char *command_id = NULL;
  g_autofree char *event_id = NULL;
  g_autoptr(GFile) file = NULL;
  StormcutWindow *window;
  StormcutModel *model;
  StormcutCanvas *canvas;
  const StormcutElement *command, *event;
  guint n_start, n_contexts;
  double x, y;

  setup_application ();
  window = open_sample_as_document (&path);
  model = stormcut_window_get_model (window);
  canvas = stormcut_window_get_canvas (window);
  n_start = stormcut_model_get_n_elements (model);
  n_contexts = stormcut_model_get_contexts (model)->len;
  ck_assert_uint_ge (n_start, 40);
  ck_assert (!stormcut_model_can_redo (model));

  /* Add a command, then the next step of the flow (Tab): it is linked from the command. */
  stormcut_canvas_clear_selection (canvas);
  command = add_sticky (window, STORMCUT_KIND_COMMAND, "시설 점검 요청");
  command_id = g_strdup (command->id);
  stormcut_canvas_select_element (canvas, command_id, FALSE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.next-step", NULL));
  event = type_new_sticky (window, "시설 점검 요청됨");
  event_id = g_strdup (event->id);
  ck_assert (stormcut_grammar_allows (STORMCUT_KIND_COMMAND, event->kind));
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, command_id, event_id));
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), n_start + 2);

  /* Move the event with the board's arrow-key action. */
  stormcut_canvas_select_element (canvas, event_id, FALSE);
  x = stormcut_model_get_element (model, event_id)->x;
  y = stormcut_model_get_element (model, event_id)->y;
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(ii)", 40, 20));
  flush_events ();
  ck_assert_double_eq_tol (stormcut_model_get_element (model, event_id)->x, x + 40, 0.01);
  ck_assert_double_eq_tol (stormcut_model_get_element (model, event_id)->y, y + 20, 0.01);

  /* A bounded context around the two new stickies. */
  stormcut_canvas_select_element (canvas, command_id, FALSE);
  stormcut_canvas_select_element (canvas, event_id, TRUE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.frame-selection", NULL));
  flush_events ();
  ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, n_contexts + 1);
  ck_assert_ptr_nonnull (stormcut_model_get_element (model, event_id)->context_id);
  /* The new frame's name is edited in place at once. */
  if (stormcut_canvas_is_editing (canvas))
    {
      GtkWidget *editor = find_editor (GTK_WIDGET (canvas));

      gtk_editable_set_text (GTK_EDITABLE (editor), "시설 점검");
      g_signal_emit_by_name (editor, "activate");
      flush_events ();
    }
  ck_assert_str_eq (stormcut_model_get_context (model, stormcut_model_get_element (model, event_id)->context_id)->name,
                    "시설 점검");

  /* Delete the event: its link goes with it.  Undo brings both back, redo removes them again. */
  stormcut_canvas_select_element (canvas, event_id, FALSE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  flush_events ();
  ck_assert_ptr_null (stormcut_model_get_element (model, event_id));
  ck_assert_ptr_null (stormcut_model_find_link (model, command_id, event_id));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  ck_assert_ptr_nonnull (stormcut_model_get_element (model, event_id));
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, command_id, event_id));
  ck_assert (stormcut_model_can_redo (model));

  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  flush_events ();
  ck_assert_ptr_null (stormcut_model_get_element (model, event_id));
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  flush_events ();
  ck_assert_ptr_nonnull (stormcut_model_get_element (model, event_id));

  /* Close the window; everything was written as it happened.  Reopen and compare. */
  before_close = model_xml (model);
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  ck_assert_ptr_null (gtk_application_get_windows (GTK_APPLICATION (application)));

  file = g_file_new_for_path (path);
  window = STORMCUT_WINDOW (stormcut_application_open_file (application, file));
  flush_events ();
  ck_assert_ptr_null (stormcut_window_get_error_text (window));
  model = stormcut_window_get_model (window);
  ck_assert_str_eq (stormcut_model_get_path (model), path);
  after_reopen = model_xml (model);
  ck_assert_str_eq (after_reopen, before_close);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), n_start + 2);

  /* Opening the same file again presents the same window. */
  ck_assert_ptr_eq (stormcut_application_open_file (application, file), window);

  teardown_application ();
}
END_TEST

START_TEST (test_properties_panel_edits_reach_the_model)
{
  StormcutWindow *window;
  StormcutModel *model;
  StormcutCanvas *canvas;
  GtkWidget *panel;
  const StormcutElement *aggregate;
  const StormcutContext *context;
  g_autofree char *aggregate_id = NULL;
  g_autofree char *context_id = NULL;
  GtkEditable *entry;
  GtkDropDown *dropdown;

  setup_application ();
  window = open_sample_as_document (NULL);
  model = stormcut_window_get_model (window);
  canvas = stormcut_window_get_canvas (window);
  panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "properties_panel"));
  ck_assert_ptr_nonnull (panel);

  /* Nothing selected: the board. */
  stormcut_canvas_clear_selection (canvas);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "board");
  entry = GTK_EDITABLE (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "board_name_entry"));
  ck_assert_str_eq (gtk_editable_get_text (entry), stormcut_model_get_name (model));
  gtk_editable_set_text (entry, "공공시설 예약 워크숍");
  g_signal_emit_by_name (entry, "activate");
  ck_assert_str_eq (stormcut_model_get_name (model), "공공시설 예약 워크숍");

  /* One aggregate: names, code name suggestion, attributes, context. */
  aggregate = first_of_kind (model, STORMCUT_KIND_AGGREGATE);
  ck_assert_ptr_nonnull (aggregate);
  aggregate_id = g_strdup (aggregate->id);
  stormcut_canvas_select_element (canvas, aggregate_id, FALSE);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "element");

  {
    GtkWidget *name_view = panel_child (panel, "element_name_view");

    set_view_text (name_view, "Facility booking");
    ck_assert (press_key (name_view, GDK_KEY_Return, 0));
    ck_assert_str_eq (stormcut_model_get_element (model, aggregate_id)->name, "Facility booking");
  }

  g_signal_emit_by_name (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "element_suggest_button"), "clicked");
  ck_assert_str_eq (stormcut_model_get_element (model, aggregate_id)->code_name, "FacilityBooking");

  /* A refused code name is reported, and the model keeps the old one. */
  entry = GTK_EDITABLE (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "element_code_entry"));
  gtk_editable_set_text (entry, "has space");
  g_signal_emit_by_name (entry, "activate");
  ck_assert_str_eq (stormcut_model_get_element (model, aggregate_id)->code_name, "FacilityBooking");

  {
    guint n_attributes = stormcut_model_get_element (model, aggregate_id)->attributes != NULL ?
                         stormcut_model_get_element (model, aggregate_id)->attributes->len : 0;

    g_signal_emit_by_name (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "element_add_attribute_button"), "clicked");
    ck_assert_uint_eq (stormcut_model_get_element (model, aggregate_id)->attributes->len, n_attributes + 1);
  }

  dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "element_context_dropdown"));
  gtk_drop_down_set_selected (dropdown, 0);
  ck_assert_ptr_null (stormcut_model_get_element (model, aggregate_id)->context_id);
  gtk_drop_down_set_selected (dropdown, 1);
  context = g_ptr_array_index (stormcut_model_get_contexts (model), 0);
  ck_assert_str_eq (stormcut_model_get_element (model, aggregate_id)->context_id, context->id);

  /* Undo walks the panel's edits back one by one. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_ptr_null (stormcut_model_get_element (model, aggregate_id)->context_id);

  /* A context: domain type and team. */
  context_id = g_strdup (context->id);
  stormcut_canvas_select_context (canvas, context_id);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "context");
  entry = GTK_EDITABLE (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "context_team_entry"));
  gtk_editable_set_text (entry, "시설관리팀");
  g_signal_emit_by_name (entry, "activate");
  ck_assert_str_eq (stormcut_model_get_context (model, context_id)->team, "시설관리팀");
  dropdown = GTK_DROP_DOWN (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "context_domain_dropdown"));
  gtk_drop_down_set_selected (dropdown, STORMCUT_DOMAIN_GENERIC);
  ck_assert_int_eq (stormcut_model_get_context (model, context_id)->domain_type, STORMCUT_DOMAIN_GENERIC);

  /* A read model can be marked as showing derived data (function points count it as EO). */
  {
    const StormcutElement *read_model = first_of_kind (model, STORMCUT_KIND_READ_MODEL);
    g_autofree char *read_model_id = g_strdup (read_model->id);
    GtkCheckButton *derived = GTK_CHECK_BUTTON (gtk_widget_get_template_child (panel, STORMCUT_TYPE_PROPERTIES_PANEL, "element_derived_check"));
    gboolean before = read_model->derived;

    stormcut_canvas_select_element (canvas, read_model_id, FALSE);
    flush_events ();
    ck_assert (gtk_widget_get_visible (GTK_WIDGET (derived)));
    gtk_check_button_set_active (derived, !before);
    ck_assert_int_eq (!!stormcut_model_get_element (model, read_model_id)->derived, !before);
  }

  /* Several stickies. */
  stormcut_canvas_select_all (canvas);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "several");

  teardown_application ();
}
END_TEST

/* Sticky names may span lines: the panel shows the line breaks, keeps them while other fields
 * are edited, and edits them with the keys of the board's editor. */
START_TEST (test_properties_panel_multiline_names)
{
  StormcutWindow *window;
  StormcutModel *model;
  StormcutCanvas *canvas;
  GtkWidget *panel, *name_view, *code_entry, *description_view, *suggest;
  g_autofree char *shown = NULL;
  const char *event_id = "evt-reservation-registered";
  guint history;

  setup_application ();
  window = open_sample_as_document (NULL);
  model = stormcut_window_get_model (window);
  canvas = stormcut_window_get_canvas (window);
  panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "properties_panel"));
  name_view = panel_child (panel, "element_name_view");
  code_entry = panel_child (panel, "element_code_entry");
  description_view = panel_child (panel, "element_description_view");
  suggest = panel_child (panel, "element_suggest_button");

  ck_assert (stormcut_model_rename_element (model, event_id, "예약\n등록됨", NULL));
  stormcut_canvas_select_element (canvas, event_id, FALSE);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "element");
  shown = view_text (name_view);
  ck_assert_str_eq (shown, "예약\n등록됨");

  /* Editing other fields leaves the line break alone, whether they are applied with Enter
   * or by leaving them. */
  gtk_editable_set_text (GTK_EDITABLE (code_entry), "ReservationRegisteredEvent");
  g_signal_emit_by_name (code_entry, "activate");
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->code_name, "ReservationRegisteredEvent");
  gtk_widget_grab_focus (name_view);
  gtk_widget_grab_focus (description_view);
  set_view_text (description_view, "접수되어 결제를 기다리는 예약");
  gtk_widget_grab_focus (code_entry);
  flush_events ();
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->description, "접수되어 결제를 기다리는 예약");
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->name, "예약\n등록됨");
  g_clear_pointer (&shown, g_free);
  shown = view_text (name_view);
  ck_assert_str_eq (shown, "예약\n등록됨");

  /* Enter applies the name, line breaks and all, as one undo step; blanks around it go. */
  history = stormcut_model_get_history_length (model);
  gtk_widget_grab_focus (name_view);
  set_view_text (name_view, "예약\n접수됨\n");
  ck_assert (!press_key (name_view, GDK_KEY_Return, GDK_SHIFT_MASK));   /* a new line: the text view's */
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->name, "예약\n등록됨");
  ck_assert (press_key (name_view, GDK_KEY_Return, 0));
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->name, "예약\n접수됨");
  ck_assert_uint_eq (stormcut_model_get_history_length (model), history + 1);
  flush_events ();
  g_clear_pointer (&shown, g_free);
  shown = view_text (name_view);
  ck_assert_str_eq (shown, "예약\n접수됨");

  /* Unchanged text changes nothing, with Enter or on leaving the field. */
  ck_assert (press_key (name_view, GDK_KEY_KP_Enter, 0));
  gtk_widget_grab_focus (code_entry);
  flush_events ();
  ck_assert_uint_eq (stormcut_model_get_history_length (model), history + 1);

  /* Escape goes back to the saved name; the model is not touched. */
  gtk_widget_grab_focus (name_view);
  set_view_text (name_view, "다른 이름");
  ck_assert (press_key (name_view, GDK_KEY_Escape, 0));
  g_clear_pointer (&shown, g_free);
  shown = view_text (name_view);
  ck_assert_str_eq (shown, "예약\n접수됨");
  ck_assert (!press_key (name_view, GDK_KEY_Escape, 0));   /* nothing to take back: the window's */
  ck_assert_uint_eq (stormcut_model_get_history_length (model), history + 1);

  /* The code name is suggested from every line; leaving the field applies the name. */
  set_view_text (name_view, "Reservation\nreceived");
  ck_assert_str_eq (gtk_entry_get_placeholder_text (GTK_ENTRY (code_entry)), "ReservationReceived");
  ck_assert (gtk_widget_get_sensitive (suggest));
  gtk_widget_grab_focus (code_entry);
  flush_events ();
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->name, "Reservation\nreceived");
  ck_assert_uint_eq (stormcut_model_get_history_length (model), history + 2);

  /* Undo takes the panel's renames back one at a time. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_str_eq (stormcut_model_get_element (model, event_id)->name, "예약\n접수됨");
  flush_events ();
  g_clear_pointer (&shown, g_free);
  shown = view_text (name_view);
  ck_assert_str_eq (shown, "예약\n접수됨");

  /* Context names take line breaks too (the model allows them); an empty one is refused. */
  {
    const char *context_id = "ctx-reservation";
    GtkWidget *context_view = panel_child (panel, "context_name_view");

    stormcut_canvas_select_context (canvas, context_id);
    flush_events ();
    ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "context");
    gtk_widget_grab_focus (context_view);
    set_view_text (context_view, "예약\n(시설 대관)");
    ck_assert (press_key (context_view, GDK_KEY_Return, 0));
    ck_assert_str_eq (stormcut_model_get_context (model, context_id)->name, "예약\n(시설 대관)");
    set_view_text (context_view, " \n ");
    ck_assert (press_key (context_view, GDK_KEY_Return, 0));
    ck_assert_str_eq (stormcut_model_get_context (model, context_id)->name, "예약\n(시설 대관)");
    g_clear_pointer (&shown, g_free);
    shown = view_text (context_view);
    ck_assert_str_eq (shown, "예약\n(시설 대관)");
  }

  teardown_application ();
}
END_TEST

/* Links alone in the selection: what they join and mean, and a Delete that undo reverts. */
START_TEST (test_properties_panel_links)
{
  StormcutWindow *window;
  StormcutModel *model;
  StormcutCanvas *canvas;
  GtkWidget *panel, *delete_button;
  GtkLabel *heading, *ends, *meaning, *mode;
  guint n_links;

  setup_application ();
  window = open_sample_as_document (NULL);
  model = stormcut_window_get_model (window);
  canvas = stormcut_window_get_canvas (window);
  panel = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "properties_panel"));
  heading = GTK_LABEL (panel_child (panel, "link_heading_label"));
  ends = GTK_LABEL (panel_child (panel, "link_ends_label"));
  meaning = GTK_LABEL (panel_child (panel, "link_meaning_label"));
  mode = GTK_LABEL (panel_child (panel, "link_mode_label"));
  delete_button = panel_child (panel, "link_delete_button");
  n_links = stormcut_model_get_links (model)->len;

  /* A command handled by an aggregate: a synchronous call. */
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, "l-24"));
  stormcut_canvas_select_link (canvas, "l-24", FALSE);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "link");
  ck_assert_str_eq (gtk_label_get_text (heading), "Link");
  ck_assert_str_eq (gtk_label_get_text (ends), "예약 등록 (Command) → 예약 (Aggregate)");
  ck_assert_str_eq (gtk_label_get_text (meaning), "the command is handled by the aggregate");
  ck_assert (gtk_widget_get_visible (panel_child (panel, "link_mode_box")));
  ck_assert_str_eq (gtk_label_get_text (mode), "Synchronous (request/response)");
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (delete_button)), "_Delete Link");

  /* An event that activates a policy: asynchronous; a read model reading an aggregate: shared
   * data; a hotspot only annotates (no mode).  Names keep to one line here. */
  stormcut_canvas_select_link (canvas, "l-40", FALSE);
  flush_events ();
  ck_assert_str_eq (gtk_label_get_text (meaning), "the event activates the policy");
  ck_assert_str_eq (gtk_label_get_text (mode), "Asynchronous (publish/subscribe)");
  stormcut_canvas_select_link (canvas, "l-21", FALSE);
  flush_events ();
  ck_assert_str_eq (gtk_label_get_text (mode), "Shared data");
  ck_assert (stormcut_model_rename_element (model, "hot-closure", "휴관일\n처리?", NULL));
  stormcut_canvas_select_link (canvas, "l-18", FALSE);
  flush_events ();
  ck_assert_str_eq (gtk_label_get_text (ends), "휴관일 처리? (Hotspot) → 시설 (Aggregate)");
  ck_assert_str_eq (gtk_label_get_text (meaning), "the hotspot annotates it");
  ck_assert (!gtk_widget_get_visible (panel_child (panel, "link_mode_box")));

  /* Delete removes the link as one undo step; the board drops it from the selection. */
  stormcut_canvas_select_link (canvas, "l-24", FALSE);
  flush_events ();
  g_signal_emit_by_name (delete_button, "clicked");
  flush_events ();
  ck_assert_ptr_null (stormcut_model_get_link (model, "l-24"));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, n_links - 1);
  ck_assert_str_eq (stormcut_model_get_undo_label (model), "Delete 1 link");
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "board");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, "l-24"));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, n_links);

  /* Several links: how many, and Delete takes them all in one step. */
  stormcut_canvas_select_link (canvas, "l-24", FALSE);
  stormcut_canvas_select_link (canvas, "l-25", TRUE);
  stormcut_canvas_select_link (canvas, "l-40", TRUE);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "link");
  ck_assert_str_eq (gtk_label_get_text (heading), "3 links selected");
  ck_assert (!gtk_widget_get_visible (panel_child (panel, "link_details_box")));
  ck_assert_str_eq (gtk_button_get_label (GTK_BUTTON (delete_button)), "_Delete Links");
  g_signal_emit_by_name (delete_button, "clicked");
  flush_events ();
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, n_links - 3);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, n_links);
  ck_assert_ptr_nonnull (stormcut_model_get_link (model, "l-25"));

  /* A sticky with the links is the sticky's page, as before. */
  stormcut_canvas_select_link (canvas, "l-24", FALSE);
  stormcut_canvas_select_element (canvas, "agg-reservation", TRUE);
  flush_events ();
  ck_assert_str_eq (stormcut_properties_panel_get_page (STORMCUT_PROPERTIES_PANEL (panel)), "element");

  teardown_application ();
}
END_TEST

START_TEST (test_side_bar_lists_and_search)
{
  StormcutWindow *window;
  StormcutModel *model;
  StormcutCanvas *canvas;
  StormcutContextList *contexts;
  StormcutProblemsList *problems;
  GtkEditable *search_entry;
  g_auto(GStrv) selected = NULL;
  g_autofree char *first_hit = NULL;
  const StormcutElement *orphan;
  g_autofree char *orphan_id = NULL;
  const char *problem_element;

  setup_application ();
  window = open_sample_as_document (NULL);
  model = stormcut_window_get_model (window);
  canvas = stormcut_window_get_canvas (window);
  contexts = STORMCUT_CONTEXT_LIST (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "context_list"));
  problems = STORMCUT_PROBLEMS_LIST (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "problems_list"));

  flush_events ();
  ck_assert_uint_eq (stormcut_context_list_get_n_rows (contexts), stormcut_model_get_contexts (model)->len);
  ck_assert_uint_ge (stormcut_context_list_get_n_rows (contexts), 4);

  /* Rename the first context in place, then delete the last one with its row's button. */
  {
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (contexts), STORMCUT_TYPE_CONTEXT_LIST, "list_box"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    GtkWidget *entry = g_object_get_data (G_OBJECT (row), "name-entry");
    GtkWidget *box;
    const StormcutContext *first = g_ptr_array_index (stormcut_model_get_contexts (model), 0);
    g_autofree char *first_id = g_strdup (first->id);
    guint n = stormcut_model_get_contexts (model)->len;
    GtkWidget *delete_button;

    ck_assert (GTK_IS_ENTRY (entry));
    gtk_editable_set_text (GTK_EDITABLE (entry), "시설 예약");
    g_signal_emit_by_name (entry, "activate");
    ck_assert_str_eq (stormcut_model_get_context (model, first_id)->name, "시설 예약");
    flush_events ();
    ck_assert_str_eq (gtk_label_get_text (g_object_get_data (G_OBJECT (row), "name-label")), "시설 예약");

    box = gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, (int) n - 1));
    delete_button = gtk_widget_get_last_child (box);
    g_signal_emit_by_name (delete_button, "clicked");
    ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, n - 1);
    flush_events ();
    ck_assert_uint_eq (stormcut_context_list_get_n_rows (contexts), n - 1);
  }

  /* The highlight switch reaches the board and the settings, and the settings reach it. */
  stormcut_context_list_set_highlight_unassigned (contexts, TRUE);
  ck_assert (stormcut_canvas_get_highlight_unassigned (canvas));
  ck_assert (g_settings_get_boolean (stormcut_application_get_settings (application), "highlight-unassigned"));
  g_settings_set_boolean (stormcut_application_get_settings (application), "highlight-unassigned", FALSE);
  ck_assert (!stormcut_context_list_get_highlight_unassigned (contexts));
  ck_assert (!stormcut_canvas_get_highlight_unassigned (canvas));

  /* The primary menu has the Open Recent submenu of the application. */
  {
    GMenuModel *section = G_MENU_MODEL (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "file_section"));
    g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (section, 2, G_MENU_LINK_SUBMENU);

    ck_assert_ptr_eq (submenu, stormcut_application_get_recent_menu (application));
  }

  /* A new event nothing produces, outside every context: a problem that selects it.  The
   * count follows while the list is not on screen (it is the tab's badge). */
  {
    guint before = stormcut_problems_list_get_n_problems (problems);

    ck_assert (!gtk_widget_get_mapped (GTK_WIDGET (problems)));
    orphan = stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "고아 이벤트", -2000, -2000, NULL);
    ck_assert_ptr_nonnull (orphan);
    orphan_id = g_strdup (orphan->id);
    flush_events ();
    ck_assert_uint_gt (stormcut_problems_list_get_n_problems (problems), before);
  }
  stormcut_problems_list_refresh (problems);
  ck_assert_uint_ge (stormcut_problems_list_get_n_problems (problems), 1);
  problem_element = NULL;
  for (guint i = 0; (problem_element = stormcut_problems_list_get_element_id (problems, i)) != NULL; i++)
    if (g_strcmp0 (problem_element, orphan_id) == 0)
      {
        GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (problems), STORMCUT_TYPE_PROBLEMS_LIST, "list_box"));
        g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, (int) i));
        break;
      }
  ck_assert_ptr_nonnull (problem_element);
  selected = stormcut_canvas_get_selected_elements (canvas);
  ck_assert_uint_eq (g_strv_length (selected), 1);
  ck_assert_str_eq (selected[0], orphan_id);
  g_clear_pointer (&selected, g_strfreev);

  /* Ctrl+F: the first hit is selected at once; Enter goes to the next one. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  search_entry = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "search_entry"));
  gtk_editable_set_text (search_entry, "예약");
  g_signal_emit_by_name (search_entry, "search-changed");
  flush_events ();
  {
    g_auto(GStrv) hits = stormcut_canvas_get_search_hits (canvas);
    ck_assert_uint_ge (g_strv_length (hits), 2);
    selected = stormcut_canvas_get_selected_elements (canvas);
    ck_assert_uint_eq (g_strv_length (selected), 1);
    ck_assert_str_eq (selected[0], hits[0]);
    first_hit = g_strdup (hits[0]);
    g_clear_pointer (&selected, g_strfreev);

    g_signal_emit_by_name (search_entry, "activate");
    selected = stormcut_canvas_get_selected_elements (canvas);
    ck_assert_str_eq (selected[0], hits[1]);
    g_clear_pointer (&selected, g_strfreev);
  }

  teardown_application ();
}
END_TEST

START_TEST (test_new_board_then_save_as)
{
  g_autofree char *path = stormcut_test_tmp_path ("new-board.stormcut");
  g_autoptr(StormcutModel) reread = NULL;
  g_autoptr(GError) error = NULL;
  StormcutWindow *window;
  StormcutModel *model;

  setup_application ();
  g_unlink (path);
  window = STORMCUT_WINDOW (stormcut_application_new_window (application));
  flush_events ();
  model = stormcut_window_get_model (window);
  ck_assert (stormcut_window_is_pristine (window));
  ck_assert (!stormcut_window_has_unsaved_work (window));

  /* Framing nothing explains itself in the status bar instead of doing nothing. */
  {
    GtkRevealer *status = GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "status_revealer"));

    ck_assert (!gtk_revealer_get_reveal_child (status));
    ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.frame-selection", NULL));
    ck_assert (gtk_revealer_get_reveal_child (status));
    ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, 0);
  }

  add_sticky (window, STORMCUT_KIND_ACTOR, "민원인");
  ck_assert (!stormcut_window_is_pristine (window));
  ck_assert (stormcut_window_has_unsaved_work (window));

  /* Closing now would lose the sticky: the window asks instead of closing. */
  gtk_window_close (GTK_WINDOW (window));
  flush_events ();
  ck_assert_ptr_nonnull (g_list_find (gtk_application_get_windows (GTK_APPLICATION (application)), window));

  /* A folder that does not exist: an error, and the board stays as it was. */
  {
    g_autofree char *nowhere = stormcut_test_tmp_path ("no-such-folder/board.stormcut");
    g_autoptr(GError) save_error = NULL;

    ck_assert (!stormcut_window_save_as (window, nowhere, &save_error));
    ck_assert_ptr_nonnull (save_error);
    ck_assert_ptr_null (stormcut_model_get_path (model));
    ck_assert (stormcut_window_has_unsaved_work (window));
  }

  ck_assert_msg (stormcut_window_save_as (window, path, &error), "%s", error != NULL ? error->message : "");
  ck_assert (!stormcut_window_has_unsaved_work (window));

  /* Ctrl+S on a document only says that it is saved. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  ck_assert (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "status_revealer"))));

  /* From now on every edit is durable. */
  add_sticky (window, STORMCUT_KIND_COMMAND, "예약 신청");
  reread = stormcut_model_open (path, &error);
  ck_assert_msg (reread != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_uint_eq (stormcut_model_get_n_elements (reread), 2);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 2);

  /* The saved file is first in the recent files, and in the Open Recent menu. */
  {
    g_auto(GStrv) recent = g_settings_get_strv (stormcut_application_get_settings (application), "recent-files");
    GMenuModel *menu = stormcut_application_get_recent_menu (application);
    g_autoptr(GVariant) target = NULL;

    ck_assert_ptr_nonnull (recent[0]);
    ck_assert_str_eq (recent[0], path);
    ck_assert_int_ge (g_menu_model_get_n_items (menu), 1);
    target = g_menu_model_get_item_attribute_value (menu, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    ck_assert_ptr_nonnull (target);
    ck_assert_str_eq (g_variant_get_string (target, NULL), path);
  }

  teardown_application ();
}
END_TEST

START_TEST (test_bad_files_show_an_error)
{
  const char *bad_names[] = { "garbage.stormcut", "missing.stormcut", "truncated.xml" };
  StormcutWindow *window;
  StormcutModel *model;

  setup_application ();
  window = STORMCUT_WINDOW (stormcut_application_new_window (application));
  model = stormcut_window_get_model (window);

  {
    g_autofree char *garbage = stormcut_test_tmp_path ("garbage.stormcut");
    ck_assert (g_file_set_contents (garbage, "this is not a board\n", -1, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autofree char *path = i < 2 ? stormcut_test_tmp_path (bad_names[i])
                                    : stormcut_test_data_path ("xml/truncated.xml");
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      ck_assert (!stormcut_window_load_file (window, file, &error));
      ck_assert_ptr_nonnull (error);
      ck_assert_ptr_nonnull (stormcut_window_get_error_text (window));
      ck_assert_str_eq (stormcut_window_get_error_text (window), error->message);
      /* The window keeps its board. */
      ck_assert_ptr_eq (stormcut_window_get_model (window), model);
    }

  /* Through the application: the pristine window shows the error, no new window. */
  {
    g_autofree char *path = stormcut_test_tmp_path ("garbage.stormcut");
    g_autoptr(GFile) file = g_file_new_for_path (path);

    ck_assert_ptr_eq (stormcut_application_open_file (application, file), window);
    ck_assert_uint_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))), 1);
    ck_assert_ptr_nonnull (stormcut_window_get_error_text (window));
  }

  teardown_application ();
}
END_TEST

/* Dropping a model XML file on a new window imports it there. */
START_TEST (test_drop_file_opens_it)
{
  g_autofree char *sample = stormcut_test_sample_path (SAMPLE);
  g_autoptr(GFile) file = g_file_new_for_path (sample);
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  StormcutWindow *window;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  GSList *files;

  setup_application ();
  window = STORMCUT_WINDOW (stormcut_application_new_window (application));
  flush_events ();

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  ck_assert_ptr_nonnull (target);

  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  flush_events ();

  ck_assert (accepted);
  ck_assert_uint_eq (g_list_length (gtk_application_get_windows (GTK_APPLICATION (application))), 1);
  ck_assert_uint_ge (stormcut_model_get_n_elements (stormcut_window_get_model (window)), 40);
  ck_assert_ptr_null (stormcut_model_get_path (stormcut_window_get_model (window)));

  teardown_application ();
}
END_TEST

/* The window in Korean, with the translations this build made from po/ko.po. */
START_TEST (test_korean_window)
{
  const char *build_root = g_getenv ("STORMCUT_BUILD_ROOT");
  g_autofree char *localedir = NULL;
  g_autofree char *mo = NULL;
  StormcutWindow *window;
  GtkWidget *palette, *button, *label;
  GtkLabel *title;

  ck_assert_ptr_nonnull (build_root);
  localedir = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (localedir, "ko", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  ck_assert_msg (g_file_test (mo, G_FILE_TEST_EXISTS), "%s is missing", mo);

  g_setenv ("LANGUAGE", "ko", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  setup_application ();
  window = STORMCUT_WINDOW (stormcut_application_new_window (application));
  flush_events ();

  /* The palette: the heading, then one button per kind, its label after the colour. */
  palette = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "palette_box"));
  button = gtk_widget_get_next_sibling (gtk_widget_get_first_child (palette));
  ck_assert (GTK_IS_BUTTON (button));
  label = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button))));
  ck_assert_str_eq (gtk_label_get_text (GTK_LABEL (label)), "도메인 이벤트");

  title = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (window), STORMCUT_TYPE_WINDOW, "title_label"));
  ck_assert_str_eq (gtk_label_get_text (title), "제목 없는 보드");
  ck_assert_str_eq (gtk_window_get_title (GTK_WINDOW (window)), "제목 없는 보드 — Stormcut");

  /* The Korean sample opens, and its names are on the board. */
  {
    g_autofree char *sample = stormcut_test_sample_path (SAMPLE);
    g_autoptr(GFile) file = g_file_new_for_path (sample);
    StormcutModel *model;

    ck_assert (stormcut_window_load_file (window, file, NULL));
    model = stormcut_window_get_model (window);
    ck_assert_str_eq (gtk_label_get_text (title), stormcut_model_get_name (model));
    ck_assert (!g_str_is_ascii (stormcut_model_get_name (model)));
  }

  teardown_application ();
}
END_TEST

static Suite *
app_suite (void)
{
  Suite *suite = suite_create ("app");
  TCase *tcase = tcase_create ("shell");

  tcase_set_timeout (tcase, 120);
  tcase_add_test (tcase, test_suggest_code_name);
  tcase_add_test (tcase, test_session_edit_close_reopen);
  tcase_add_test (tcase, test_properties_panel_edits_reach_the_model);
  tcase_add_test (tcase, test_properties_panel_multiline_names);
  tcase_add_test (tcase, test_properties_panel_links);
  tcase_add_test (tcase, test_side_bar_lists_and_search);
  tcase_add_test (tcase, test_new_board_then_save_as);
  tcase_add_test (tcase, test_bad_files_show_an_error);
  tcase_add_test (tcase, test_drop_file_opens_it);
  tcase_add_test (tcase, test_korean_window);
  suite_add_tcase (suite, tcase);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (app_suite ());
}
