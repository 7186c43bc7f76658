/* stormcut-properties-panel.c: the side bar page that edits the selection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-board-style.h"
#include "stormcut-color-chooser.h"
#include "stormcut-properties-panel.h"

/* The text fields; each editable widget carries its field as object data. */
typedef enum {
  FIELD_NONE,
  FIELD_BOARD_NAME,
  FIELD_BOARD_DESCRIPTION,
  FIELD_ELEMENT_NAME,
  FIELD_ELEMENT_CODE_NAME,
  FIELD_ELEMENT_DESCRIPTION,
  FIELD_CONTEXT_NAME,
  FIELD_CONTEXT_CODE_NAME,
  FIELD_CONTEXT_DESCRIPTION,
  FIELD_CONTEXT_TEAM,
  N_FIELDS
} Field;

struct _StormcutPropertiesPanel
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkStack      *stack;
  GtkEntry      *board_name_entry;
  GtkTextView   *board_description_view;
  GtkLabel      *board_summary_label;
  GtkBox        *element_kind_box;
  GtkLabel      *element_kind_label;
  GtkTextView   *element_name_view;
  GtkEntry      *element_code_entry;
  GtkButton     *element_suggest_button;
  GtkTextView   *element_description_view;
  GtkButton     *element_color_button;
  GtkButton     *element_color_reset_button;
  GtkDropDown   *element_context_dropdown;
  GtkCheckButton *element_derived_check;
  GtkBox        *element_attributes_box;
  GtkListBox    *element_attributes_list;
  GtkButton     *element_add_attribute_button;
  GtkListBox    *element_links_list;
  GtkTextView   *context_name_view;
  GtkEntry      *context_code_entry;
  GtkButton     *context_suggest_button;
  GtkTextView   *context_description_view;
  GtkEntry      *context_team_entry;
  GtkDropDown   *context_domain_dropdown;
  GtkButton     *context_color_button;
  GtkButton     *context_color_reset_button;
  GtkLabel      *context_summary_label;
  GtkLabel      *several_label;
  GtkLabel      *link_heading_label;
  GtkBox        *link_details_box;
  GtkLabel      *link_ends_label;
  GtkLabel      *link_meaning_label;
  GtkBox        *link_mode_box;
  GtkLabel      *link_mode_label;
  GtkLabel      *link_several_label;
  GtkButton     *link_delete_button;

  /* widgets made in code */
  GtkWidget     *element_kind_swatch;
  GtkWidget     *element_color_swatch;
  GtkWidget     *context_color_swatch;
  GtkWidget     *field_widgets[N_FIELDS];

  /* owned references */
  StormcutModel *model;
  char          *element_id;     /* shown element, or NULL */
  char          *context_id;     /* shown context, or NULL */
  char         **link_ids;       /* selected links (shown when no sticky is selected) */
  GPtrArray     *context_ids;    /* context id of dropdown item i + 1 */

  gulong         changed_id;
  gulong         reloaded_id;
  guint          refresh_id;
  guint          n_selected;
  gboolean       updating;       /* filling widgets from the model: ignore their signals */
};

G_DEFINE_FINAL_TYPE (StormcutPropertiesPanel, stormcut_properties_panel, GTK_TYPE_WIDGET)

enum {
  STATUS_MESSAGE,
  ELEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (StormcutPropertiesPanel *self, gboolean force);

/* --- helpers --------------------------------------------------------------------------- */

static gboolean
has_focus_within (GtkWidget *widget)
{
  return (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static char *
get_field_text (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

/* Fills a text field, leaving alone the one being edited unless @force. */
static void
set_field_text (GtkWidget  *widget,
                const char *text,
                gboolean    force)
{
  g_autofree char *current = NULL;

  if (!force && has_focus_within (widget))
    return;

  current = get_field_text (widget);
  if (g_strcmp0 (current, text != NULL ? text : "") == 0)
    return;

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

static void
report_error (StormcutPropertiesPanel *self,
              const GError            *error)
{
  g_signal_emit (self, signals[STATUS_MESSAGE], 0, error->message);
}

static const StormcutElement *
get_element (StormcutPropertiesPanel *self)
{
  if (self->model == NULL || self->element_id == NULL)
    return NULL;
  return stormcut_model_get_element (self->model, self->element_id);
}

static const StormcutContext *
get_context (StormcutPropertiesPanel *self)
{
  if (self->model == NULL || self->context_id == NULL)
    return NULL;
  return stormcut_model_get_context (self->model, self->context_id);
}

static gboolean
is_plain_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* --- committing fields ---------------------------------------------------------------------- */

static gboolean
update_context_field (StormcutPropertiesPanel  *self,
                      const StormcutContext    *context,
                      Field                     field,
                      const char               *text,
                      GError                  **error)
{
  g_autoptr(StormcutContext) copy = stormcut_context_copy (context);
  char **slot;

  switch (field)
    {
    case FIELD_CONTEXT_CODE_NAME:
      slot = &copy->code_name;
      break;
    case FIELD_CONTEXT_DESCRIPTION:
      slot = &copy->description;
      break;
    case FIELD_CONTEXT_TEAM:
      slot = &copy->team;
      break;
    default:
      g_return_val_if_reached (TRUE);
    }

  if (g_strcmp0 (*slot != NULL ? *slot : "", text) == 0)
    return TRUE;
  g_free (*slot);
  *slot = g_strdup (text);
  return stormcut_model_update_context (self->model, copy, error);
}

/* What the name field of @field shows when nothing is typed in it: the model's name. */
static const char *
get_saved_name (StormcutPropertiesPanel *self,
                Field                    field)
{
  const StormcutElement *element = get_element (self);
  const StormcutContext *context = get_context (self);

  if (field == FIELD_ELEMENT_NAME)
    return element != NULL ? element->name : NULL;
  return context != NULL ? context->name : NULL;
}

static void
commit_field (StormcutPropertiesPanel *self,
              Field                    field)
{
  const StormcutElement *element = get_element (self);
  const StormcutContext *context = get_context (self);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gboolean show_saved_name = FALSE;
  gboolean ok = TRUE;

  if (self->model == NULL || self->updating || field == FIELD_NONE)
    return;

  text = get_field_text (self->field_widgets[field]);

  switch (field)
    {
    case FIELD_BOARD_NAME:
      if (g_strcmp0 (stormcut_model_get_name (self->model), text) != 0)
        ok = stormcut_model_set_name (self->model, text, &error);
      break;
    case FIELD_BOARD_DESCRIPTION:
      if (g_strcmp0 (stormcut_model_get_description (self->model), text) != 0)
        ok = stormcut_model_set_description (self->model, text, &error);
      break;
    case FIELD_ELEMENT_NAME:
      if (element != NULL && g_strcmp0 (element->name, text) != 0)
        {
          /* Like the board's editor: line breaks inside the name stay, blanks around it go. */
          g_strstrip (text);
          if (g_strcmp0 (element->name, text) != 0)
            ok = stormcut_model_rename_element (self->model, element->id, text, &error);
          show_saved_name = ok;
        }
      break;
    case FIELD_ELEMENT_CODE_NAME:
      if (element != NULL && g_strcmp0 (element->code_name != NULL ? element->code_name : "", text) != 0)
        ok = stormcut_model_set_element_code_name (self->model, element->id, text, &error);
      break;
    case FIELD_ELEMENT_DESCRIPTION:
      if (element != NULL && g_strcmp0 (element->description != NULL ? element->description : "", text) != 0)
        ok = stormcut_model_set_element_description (self->model, element->id, text, &error);
      break;
    case FIELD_CONTEXT_NAME:
      if (context != NULL && g_strcmp0 (context->name, text) != 0)
        {
          g_strstrip (text);
          if (g_strcmp0 (context->name, text) != 0)
            ok = stormcut_model_rename_context (self->model, context->id, text, &error);
          show_saved_name = ok;
        }
      break;
    case FIELD_CONTEXT_CODE_NAME:
    case FIELD_CONTEXT_DESCRIPTION:
    case FIELD_CONTEXT_TEAM:
      if (context != NULL)
        ok = update_context_field (self, context, field, text, &error);
      break;
    case FIELD_NONE:
    case N_FIELDS:
    default:
      break;
    }

  if (!ok)
    {
      report_error (self, error);
      /* Show what the model kept. */
      refresh (self, TRUE);
    }
  else if (show_saved_name && get_saved_name (self, field) != NULL)
    {
      /* The field being edited is not refreshed from the model: show the name as kept. */
      set_field_text (self->field_widgets[field], get_saved_name (self, field), TRUE);
    }
}

static void
field_activate_cb (GtkWidget               *widget,
                   StormcutPropertiesPanel *self)
{
  commit_field (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "field")));
}

static void
field_focus_leave_cb (GtkEventControllerFocus *controller,
                      StormcutPropertiesPanel *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  commit_field (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), "field")));
}

static void
watch_field (StormcutPropertiesPanel *self,
             GtkWidget               *widget,
             Field                    field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->field_widgets[field] = widget;
  g_object_set_data (G_OBJECT (widget), "field", GINT_TO_POINTER (field));
  if (GTK_IS_ENTRY (widget))
    g_signal_connect (widget, "activate", G_CALLBACK (field_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (field_focus_leave_cb), self);
  gtk_widget_add_controller (widget, focus);
}

static void
commit_all (StormcutPropertiesPanel *self)
{
  for (Field field = FIELD_BOARD_NAME; field < N_FIELDS; field++)
    {
      GtkWidget *widget = self->field_widgets[field];

      /* Only a field being edited can hold text the model has not seen. */
      if (widget != NULL && has_focus_within (widget))
        commit_field (self, field);
    }
}

/* --- names ------------------------------------------------------------------------------ */

/* Names may hold line breaks (sticky notes wrap), so they are edited in a text view that
 * takes the keys of the board's editor: Enter applies, Escape goes back to the saved name.
 * Shift+Enter starts a new line, as on the board. */
static gboolean
name_key_pressed_cb (GtkEventControllerKey   *controller,
                     guint                    keyval,
                     guint                    keycode,
                     GdkModifierType          state,
                     StormcutPropertiesPanel *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  Field field = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (view), "field"));

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_KP_Enter:
      if (state & GDK_SHIFT_MASK)
        return FALSE;
      /* Text still being composed (Hangul) goes in first, as GtkTextView does for a newline. */
      gtk_text_view_reset_im_context (GTK_TEXT_VIEW (view));
      commit_field (self, field);
      return TRUE;

    case GDK_KEY_Escape:
      {
        g_autofree char *text = get_field_text (view);
        const char *saved = get_saved_name (self, field);

        if (saved == NULL || g_strcmp0 (text, saved) == 0)
          return FALSE;
        gtk_text_view_reset_im_context (GTK_TEXT_VIEW (view));
        set_field_text (view, saved, TRUE);
        return TRUE;
      }

    default:
      return FALSE;
    }
}

static void
watch_name_field (StormcutPropertiesPanel *self,
                  GtkTextView             *view,
                  Field                    field)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  watch_field (self, GTK_WIDGET (view), field);
  /* Before the text view, which would insert a line break for every Enter. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (name_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
}

/* --- code name suggestions ------------------------------------------------------------------- */

static void
update_suggestion (StormcutPropertiesPanel *self,
                   gboolean                 for_element)
{
  GtkWidget *name_field = self->field_widgets[for_element ? FIELD_ELEMENT_NAME : FIELD_CONTEXT_NAME];
  GtkEntry *code_entry = for_element ? self->element_code_entry : self->context_code_entry;
  GtkButton *button = for_element ? self->element_suggest_button : self->context_suggest_button;
  g_autofree char *name = get_field_text (name_field);
  g_autofree char *suggestion = stormcut_suggest_code_name (name);
  const char *code_name = gtk_editable_get_text (GTK_EDITABLE (code_entry));

  gtk_entry_set_placeholder_text (code_entry, suggestion != NULL ? suggestion : _("ASCII identifier, e.g. ReservationRegistered"));
  gtk_widget_set_sensitive (GTK_WIDGET (button), suggestion != NULL && g_strcmp0 (suggestion, code_name) != 0);
  if (suggestion != NULL)
    {
      g_autofree char *tooltip = g_strdup_printf (_("Use “%s” as the code name"), suggestion);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("A code name is suggested when the display name is written in English letters"));
}

static void
element_names_changed_cb (StormcutPropertiesPanel *self)
{
  update_suggestion (self, TRUE);
}

static void
context_names_changed_cb (StormcutPropertiesPanel *self)
{
  update_suggestion (self, FALSE);
}

static void
suggest_clicked_cb (GtkButton               *button,
                    StormcutPropertiesPanel *self)
{
  gboolean for_element = button == self->element_suggest_button;
  GtkEntry *code_entry = for_element ? self->element_code_entry : self->context_code_entry;
  g_autofree char *name = get_field_text (self->field_widgets[for_element ? FIELD_ELEMENT_NAME : FIELD_CONTEXT_NAME]);
  g_autofree char *suggestion = stormcut_suggest_code_name (name);

  if (suggestion == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (code_entry), suggestion);
  commit_field (self, for_element ? FIELD_ELEMENT_CODE_NAME : FIELD_CONTEXT_CODE_NAME);
}

/* --- colours ------------------------------------------------------------------------------ */

typedef struct {
  StormcutPropertiesPanel *panel;     /* weak */
  gboolean                 for_element;
  char                    *id;
} ColorTarget;

static void
color_target_free (ColorTarget *target)
{
  g_clear_weak_pointer (&target->panel);
  g_free (target->id);
  g_free (target);
}

static void
apply_color (StormcutPropertiesPanel *self,
             gboolean                 for_element,
             const char              *id,
             const char              *color)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->model == NULL || id == NULL)
    return;

  if (for_element)
    ok = stormcut_model_set_element_color (self->model, id, color, &error);
  else
    {
      const StormcutContext *context = stormcut_model_get_context (self->model, id);
      g_autoptr(StormcutContext) copy = NULL;

      if (context == NULL)
        return;
      copy = stormcut_context_copy (context);
      g_free (copy->color);
      copy->color = g_strdup (color);
      ok = stormcut_model_update_context (self->model, copy, &error);
    }

  if (!ok)
    report_error (self, error);
}

static void
color_chosen_cb (const char *color,
                 gpointer    user_data)
{
  ColorTarget *target = user_data;

  if (target->panel != NULL)
    apply_color (target->panel, target->for_element, target->id, color);
}

static void
color_clicked_cb (GtkButton               *button,
                  StormcutPropertiesPanel *self)
{
  gboolean for_element = button == self->element_color_button;
  const char *initial = NULL;
  ColorTarget *target;

  if (for_element)
    {
      const StormcutElement *element = get_element (self);
      if (element == NULL)
        return;
      initial = stormcut_element_get_color (element);
    }
  else
    {
      const StormcutContext *context = get_context (self);
      if (context == NULL)
        return;
      initial = context->color;
    }

  target = g_new0 (ColorTarget, 1);
  g_set_weak_pointer (&target->panel, self);
  target->for_element = for_element;
  target->id = g_strdup (for_element ? self->element_id : self->context_id);

  stormcut_color_chooser_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                              for_element ? _("Sticky Colour") : _("Context Colour"),
                              initial, color_chosen_cb, target, (GDestroyNotify) color_target_free);
}

static void
color_reset_clicked_cb (GtkButton               *button,
                        StormcutPropertiesPanel *self)
{
  if (button == self->element_color_reset_button)
    apply_color (self, TRUE, self->element_id, NULL);
  else
    apply_color (self, FALSE, self->context_id, NULL);
}

/* --- drop-downs ---------------------------------------------------------------------------- */

static void
element_context_selected_cb (GtkDropDown             *dropdown,
                             GParamSpec              *pspec,
                             StormcutPropertiesPanel *self)
{
  const StormcutElement *element = get_element (self);
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *context_id = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || element == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected > 0 && selected <= self->context_ids->len)
    context_id = g_ptr_array_index (self->context_ids, selected - 1);
  if (g_strcmp0 (element->context_id, context_id) == 0)
    return;

  if (!stormcut_model_assign_element (self->model, element->id, context_id, &error))
    {
      report_error (self, error);
      refresh (self, TRUE);
    }
}

static void
context_domain_selected_cb (GtkDropDown             *dropdown,
                            GParamSpec              *pspec,
                            StormcutPropertiesPanel *self)
{
  const StormcutContext *context = get_context (self);
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(StormcutContext) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || context == NULL || selected >= STORMCUT_N_DOMAIN_TYPES ||
      (guint) context->domain_type == selected)
    return;

  copy = stormcut_context_copy (context);
  copy->domain_type = (StormcutDomainType) selected;
  if (!stormcut_model_update_context (self->model, copy, &error))
    {
      report_error (self, error);
      refresh (self, TRUE);
    }
}

static void
element_derived_toggled_cb (GtkCheckButton          *check,
                            StormcutPropertiesPanel *self)
{
  const StormcutElement *element = get_element (self);
  gboolean derived = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (self->updating || element == NULL || !element->derived == !derived)
    return;
  if (!stormcut_model_set_element_derived (self->model, element->id, derived, &error))
    {
      report_error (self, error);
      refresh (self, TRUE);
    }
}

/* --- attributes ---------------------------------------------------------------------------- */

static GPtrArray *
collect_attributes (StormcutPropertiesPanel *self)
{
  GPtrArray *attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);

  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->element_attributes_list, i)) != NULL; i++)
    {
      GtkEditable *name = g_object_get_data (G_OBJECT (row), "name-entry");
      GtkEditable *type = g_object_get_data (G_OBJECT (row), "type-entry");
      GtkCheckButton *key = g_object_get_data (G_OBJECT (row), "key-check");

      if (name == NULL || g_object_get_data (G_OBJECT (row), "removed") != NULL)
        continue;
      g_ptr_array_add (attributes, stormcut_attribute_new (gtk_editable_get_text (name),
                                                           gtk_editable_get_text (type),
                                                           gtk_check_button_get_active (key)));
    }
  return attributes;
}

static gboolean
attributes_equal (GPtrArray *a,
                  GPtrArray *b)
{
  guint n_a = a != NULL ? a->len : 0;
  guint n_b = b != NULL ? b->len : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    {
      const StormcutAttribute *x = g_ptr_array_index (a, i);
      const StormcutAttribute *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->name, y->name) != 0 || g_strcmp0 (x->type, y->type) != 0 || !x->is_key != !y->is_key)
        return FALSE;
    }
  return TRUE;
}

static void
commit_attributes (StormcutPropertiesPanel *self)
{
  const StormcutElement *element = get_element (self);
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || element == NULL || !stormcut_kind_has_attributes (element->kind))
    return;

  attributes = collect_attributes (self);
  if (attributes_equal (attributes, element->attributes))
    return;
  if (!stormcut_model_set_element_attributes (self->model, element->id, attributes, &error))
    {
      report_error (self, error);
      refresh (self, TRUE);
    }
}

static void
attribute_changed_cb (GtkWidget               *widget,
                      StormcutPropertiesPanel *self)
{
  commit_attributes (self);
}

static void
attribute_focus_leave_cb (GtkEventControllerFocus *controller,
                          StormcutPropertiesPanel *self)
{
  commit_attributes (self);
}

static void
attribute_remove_clicked_cb (GtkButton               *button,
                             StormcutPropertiesPanel *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), GTK_TYPE_LIST_BOX_ROW);

  if (row == NULL)
    return;
  g_object_set_data (G_OBJECT (row), "removed", GINT_TO_POINTER (TRUE));
  commit_attributes (self);
}

static void
add_attribute_clicked_cb (GtkButton               *button,
                          StormcutPropertiesPanel *self)
{
  const StormcutElement *element = get_element (self);
  g_autoptr(GPtrArray) attributes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkListBoxRow *row;

  if (element == NULL)
    return;

  attributes = collect_attributes (self);
  /* Translators: the name given to a new attribute; the user renames it right away */
  name = g_strdup_printf (_("attribute%u"), attributes->len + 1);
  g_ptr_array_add (attributes, stormcut_attribute_new (name, "string", FALSE));
  if (!stormcut_model_set_element_attributes (self->model, element->id, attributes, &error))
    {
      report_error (self, error);
      return;
    }

  refresh (self, TRUE);
  row = gtk_list_box_get_row_at_index (self->element_attributes_list, (int) attributes->len - 1);
  if (row != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name-entry"));
}

static GtkWidget *
create_attribute_row (StormcutPropertiesPanel *self,
                      const StormcutAttribute *attribute)
{
  GtkWidget *row, *box, *name, *type, *key, *remove;
  GtkEventController *focus;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  name = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (name), attribute->name);
  gtk_editable_set_width_chars (GTK_EDITABLE (name), 8);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_set_tooltip_text (name, _("Attribute name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attribute name"), -1);
  g_signal_connect (name, "activate", G_CALLBACK (attribute_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (attribute_focus_leave_cb), self);
  gtk_widget_add_controller (name, focus);

  type = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (type), attribute->type != NULL ? attribute->type : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (type), 6);
  gtk_widget_set_tooltip_text (type, _("Type, e.g. string, date, money"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (type), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attribute type"), -1);
  g_signal_connect (type, "activate", G_CALLBACK (attribute_changed_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (attribute_focus_leave_cb), self);
  gtk_widget_add_controller (type, focus);

  /* Translators: check box of an attribute that is (part of) the key */
  key = gtk_check_button_new_with_label (_("Key"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (key), attribute->is_key);
  gtk_widget_set_tooltip_text (key, _("Part of the identifier"));
  g_signal_connect (key, "toggled", G_CALLBACK (attribute_changed_cb), self);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the attribute"));
  g_signal_connect (remove, "clicked", G_CALLBACK (attribute_remove_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), type);
  gtk_box_append (GTK_BOX (box), key);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  g_object_set_data (G_OBJECT (row), "name-entry", name);
  g_object_set_data (G_OBJECT (row), "type-entry", type);
  g_object_set_data (G_OBJECT (row), "key-check", key);
  return row;
}

/* --- links ----------------------------------------------------------------------------------- */

static void
link_remove_clicked_cb (GtkButton               *button,
                        StormcutPropertiesPanel *self)
{
  const char *link_id = g_object_get_data (G_OBJECT (button), "link-id");
  g_autoptr(GError) error = NULL;

  if (self->model != NULL && link_id != NULL &&
      !stormcut_model_remove_link (self->model, link_id, &error))
    report_error (self, error);
}

static GtkWidget *
create_link_row (StormcutPropertiesPanel *self,
                 const StormcutElement   *element,
                 const StormcutLink      *link)
{
  gboolean outgoing = g_strcmp0 (link->source_id, element->id) == 0;
  const StormcutElement *other = stormcut_model_get_element (self->model, outgoing ? link->target_id : link->source_id);
  const StormcutElement *source = outgoing ? element : other;
  const StormcutElement *target = outgoing ? other : element;
  const char *meaning = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row, *box, *texts, *label, *remove;

  if (other == NULL)
    return NULL;

  meaning = stormcut_grammar_describe (source->kind, target->kind);
  /* Translators: a link in the properties panel: arrow, then the other sticky's name */
  text = g_strdup_printf (outgoing ? _("→ %s") : _("← %s"), other->name);

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "element-id", g_strdup (other->id), g_free);
  gtk_widget_set_tooltip_text (row, _("Click to show this sticky"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (texts, TRUE);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_box_append (GTK_BOX (texts), label);

  label = gtk_label_new (meaning != NULL ? meaning : stormcut_kind_get_label (other->kind));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (box), texts);

  remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove the link"));
  g_object_set_data_full (G_OBJECT (remove), "link-id", g_strdup (link->id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (link_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), remove);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
link_row_activated_cb (GtkListBox              *list,
                       GtkListBoxRow           *row,
                       StormcutPropertiesPanel *self)
{
  const char *element_id = g_object_get_data (G_OBJECT (row), "element-id");

  if (element_id != NULL)
    g_signal_emit (self, signals[ELEMENT_ACTIVATED], 0, element_id);
}

/* The selected links the model still has (a deleted link may still be in the selection). */
static GPtrArray *
get_selected_links (StormcutPropertiesPanel *self)
{
  GPtrArray *links = g_ptr_array_new ();

  for (guint i = 0; self->model != NULL && self->link_ids != NULL && self->link_ids[i] != NULL; i++)
    {
      const StormcutLink *link = stormcut_model_get_link (self->model, self->link_ids[i]);

      if (link != NULL)
        g_ptr_array_add (links, (gpointer) link);
    }
  return links;
}

static void
link_delete_clicked_cb (GtkButton               *button,
                        StormcutPropertiesPanel *self)
{
  g_autoptr(GPtrArray) links = get_selected_links (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (links->len == 0)
    return;

  /* Ids first: removing a link frees the record. */
  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (ids, g_strdup (((const StormcutLink *) g_ptr_array_index (links, i))->id));

  /* One undo step, named as the board names it. */
  label = g_strdup_printf (ngettext ("Delete %u link", "Delete %u links", ids->len), ids->len);
  stormcut_model_begin_group (self->model, label);
  for (guint i = 0; ok && i < ids->len; i++)
    ok = stormcut_model_remove_link (self->model, g_ptr_array_index (ids, i), &error);
  if (!ok)
    {
      stormcut_model_abort_group (self->model);
      report_error (self, error);
      return;
    }
  if (!stormcut_model_end_group (self->model, &error))
    report_error (self, error);
}

/* --- filling the pages ------------------------------------------------------------------ */

/* A name on one line, for a label that names both ends of a link. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  return line;
}

static void
fill_one_link (StormcutPropertiesPanel *self,
               const StormcutLink      *link)
{
  const StormcutElement *source = stormcut_model_get_element (self->model, link->source_id);
  const StormcutElement *target = stormcut_model_get_element (self->model, link->target_id);
  g_autofree char *source_name = NULL;
  g_autofree char *target_name = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(GError) refusal = NULL;
  const char *meaning;
  StormcutMode mode;

  /* The model keeps no link without both of its stickies. */
  g_return_if_fail (source != NULL && target != NULL);

  source_name = one_line (source->name);
  target_name = one_line (target->name);
  /* Translators: the two ends of a link, each a sticky's name and its kind:
   * "Register reservation (Command) → Reservation registered (Domain event)" */
  ends = g_strdup_printf (_("%s (%s) → %s (%s)"),
                          source_name, stormcut_kind_get_label (source->kind),
                          target_name, stormcut_kind_get_label (target->kind));
  gtk_label_set_text (self->link_ends_label, ends);

  /* What the grammar calls the link; a link it does not allow (from an older file) says why. */
  meaning = stormcut_grammar_describe (source->kind, target->kind);
  if (meaning == NULL && !stormcut_grammar_check (source->kind, target->kind, &refusal))
    meaning = refusal->message;
  gtk_label_set_text (self->link_meaning_label, meaning != NULL ? meaning : "");

  /* How the two sides talk (DOMAIN.md §2): a hotspot only annotates, a read model that reads an
   * aggregate shares its data, the grammar's asynchronous links publish events. */
  if (source->kind == STORMCUT_KIND_HOTSPOT || !stormcut_grammar_allows (source->kind, target->kind))
    mode = STORMCUT_MODE_UNSPECIFIED;
  else if (source->kind == STORMCUT_KIND_READ_MODEL && target->kind == STORMCUT_KIND_AGGREGATE)
    mode = STORMCUT_MODE_SHARED_DATA;
  else if (stormcut_grammar_is_async (source->kind, target->kind))
    mode = STORMCUT_MODE_ASYNC;
  else
    mode = STORMCUT_MODE_SYNC;
  gtk_widget_set_visible (GTK_WIDGET (self->link_mode_box), mode != STORMCUT_MODE_UNSPECIFIED);
  gtk_label_set_text (self->link_mode_label, stormcut_mode_get_label (mode));
}

static void
fill_links (StormcutPropertiesPanel *self,
            GPtrArray               *links)
{
  gboolean one = links->len == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->link_details_box), one);
  gtk_widget_set_visible (GTK_WIDGET (self->link_several_label), !one);
  gtk_button_set_label (self->link_delete_button, ngettext ("_Delete Link", "_Delete Links", links->len));
  if (one)
    {
      gtk_label_set_text (self->link_heading_label, _("Link"));
      fill_one_link (self, g_ptr_array_index (links, 0));
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (ngettext ("%u link selected", "%u links selected", links->len),
                                                  links->len);
      gtk_label_set_text (self->link_heading_label, heading);
    }
}

/* Removes the rows, not the placeholder (which is a child of the list box too). */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
fill_board (StormcutPropertiesPanel *self,
            gboolean                 force)
{
  g_autofree char *stickies = NULL;
  g_autofree char *links = NULL;
  g_autofree char *contexts = NULL;
  g_autofree char *summary = NULL;
  guint n_elements = stormcut_model_get_n_elements (self->model);
  guint n_contexts = stormcut_model_get_contexts (self->model)->len;
  guint n_links = stormcut_model_get_links (self->model)->len;

  set_field_text (GTK_WIDGET (self->board_name_entry), stormcut_model_get_name (self->model), force);
  set_field_text (GTK_WIDGET (self->board_description_view), stormcut_model_get_description (self->model), force);

  stickies = g_strdup_printf (ngettext ("%u sticky", "%u stickies", n_elements), n_elements);
  links = g_strdup_printf (ngettext ("%u link", "%u links", n_links), n_links);
  contexts = g_strdup_printf (ngettext ("%u bounded context", "%u bounded contexts", n_contexts), n_contexts);
  /* Translators: joins "12 stickies", "30 links" and "3 bounded contexts" */
  summary = g_strdup_printf (_("%s, %s, %s"), stickies, links, contexts);
  gtk_label_set_text (self->board_summary_label, summary);
}

static void
fill_context_dropdown (StormcutPropertiesPanel *self,
                       const StormcutElement   *element)
{
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->context_ids, 0);
  /* Translators: the bounded context of a sticky that belongs to none */
  gtk_string_list_append (names, _("None"));
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);

      gtk_string_list_append (names, context->name);
      g_ptr_array_add (self->context_ids, g_strdup (context->id));
      if (g_strcmp0 (context->id, element->context_id) == 0)
        selected = i + 1;
    }

  gtk_drop_down_set_model (self->element_context_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->element_context_dropdown, selected);
}

static void
fill_element (StormcutPropertiesPanel *self,
              const StormcutElement   *element,
              gboolean                 force)
{
  g_autoptr(GPtrArray) links = NULL;
  gboolean has_attributes = stormcut_kind_has_attributes (element->kind);

  stormcut_color_swatch_set_color (self->element_kind_swatch, stormcut_element_get_color (element));
  gtk_label_set_text (self->element_kind_label, stormcut_kind_get_label (element->kind));
  set_field_text (GTK_WIDGET (self->element_name_view), element->name, force);
  set_field_text (GTK_WIDGET (self->element_code_entry), element->code_name, force);
  set_field_text (GTK_WIDGET (self->element_description_view), element->description, force);
  update_suggestion (self, TRUE);

  stormcut_color_swatch_set_color (self->element_color_swatch, stormcut_element_get_color (element));
  gtk_widget_set_sensitive (GTK_WIDGET (self->element_color_reset_button), element->color != NULL);

  fill_context_dropdown (self, element);

  gtk_widget_set_visible (GTK_WIDGET (self->element_derived_check), element->kind == STORMCUT_KIND_READ_MODEL);
  gtk_check_button_set_active (self->element_derived_check, element->derived);

  gtk_widget_set_visible (GTK_WIDGET (self->element_attributes_box), has_attributes);
  if (has_attributes && (force || !has_focus_within (GTK_WIDGET (self->element_attributes_list))))
    {
      clear_list (self->element_attributes_list);
      for (guint i = 0; element->attributes != NULL && i < element->attributes->len; i++)
        gtk_list_box_append (self->element_attributes_list,
                             create_attribute_row (self, g_ptr_array_index (element->attributes, i)));
    }

  clear_list (self->element_links_list);
  links = stormcut_model_get_links_of (self->model, element->id);
  for (guint i = 0; i < links->len; i++)
    {
      GtkWidget *row = create_link_row (self, element, g_ptr_array_index (links, i));

      if (row != NULL)
        gtk_list_box_append (self->element_links_list, row);
    }
}

static void
fill_context (StormcutPropertiesPanel *self,
              const StormcutContext   *context,
              gboolean                 force)
{
  g_autoptr(GPtrArray) members = stormcut_model_get_context_elements (self->model, context->id);
  g_autofree char *summary = NULL;

  set_field_text (GTK_WIDGET (self->context_name_view), context->name, force);
  set_field_text (GTK_WIDGET (self->context_code_entry), context->code_name, force);
  set_field_text (GTK_WIDGET (self->context_description_view), context->description, force);
  set_field_text (GTK_WIDGET (self->context_team_entry), context->team, force);
  update_suggestion (self, FALSE);
  gtk_drop_down_set_selected (self->context_domain_dropdown, context->domain_type);

  {
    GPtrArray *contexts = stormcut_model_get_contexts (self->model);
    g_autofree char *color = NULL;
    guint index = 0;
    GdkRGBA rgba;

    /* The colour the board draws the frame in, its own or the one it gets from its place. */
    while (index < contexts->len && g_ptr_array_index (contexts, index) != context)
      index++;
    stormcut_board_style_context_color (context, index, &rgba);
    color = stormcut_color_to_hex (&rgba);
    stormcut_color_swatch_set_color (self->context_color_swatch, color);
  }
  gtk_widget_set_sensitive (GTK_WIDGET (self->context_color_reset_button), context->color != NULL);

  summary = g_strdup_printf (ngettext ("%u sticky in this context", "%u stickies in this context", members->len),
                             members->len);
  gtk_label_set_text (self->context_summary_label, summary);
}

static void
refresh (StormcutPropertiesPanel *self,
         gboolean                 force)
{
  const StormcutElement *element = get_element (self);
  const StormcutContext *context = get_context (self);
  g_autoptr(GPtrArray) links = get_selected_links (self);
  const char *page;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->updating = TRUE;

  if (self->model == NULL)
    page = "board";
  else if (self->n_selected > 1)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u sticky selected", "%u stickies selected", self->n_selected),
                                               self->n_selected);
      gtk_label_set_text (self->several_label, text);
      page = "several";
    }
  else if (element != NULL)
    {
      fill_element (self, element, force);
      page = "element";
    }
  else if (self->n_selected == 0 && links->len > 0)
    {
      fill_links (self, links);
      page = "link";
    }
  else if (context != NULL)
    {
      fill_context (self, context, force);
      page = "context";
    }
  else
    {
      fill_board (self, force);
      page = "board";
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  self->updating = FALSE;
}

static gboolean
refresh_idle_cb (gpointer user_data)
{
  StormcutPropertiesPanel *self = user_data;

  self->refresh_id = 0;
  refresh (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
model_changed_cb (StormcutModel      *model,
                  StormcutObjectType  type,
                  const char         *id,
                  StormcutChange      change,
                  gpointer            user_data)
{
  StormcutPropertiesPanel *self = user_data;

  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle_cb, self);
}

static void
model_reloaded_cb (StormcutModel *model,
                   gpointer       user_data)
{
  StormcutPropertiesPanel *self = user_data;

  refresh (self, TRUE);
}

static void
disconnect_model (StormcutPropertiesPanel *self)
{
  if (self->model == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_signal_handler (&self->reloaded_id, self->model);
  g_clear_object (&self->model);
}

/* --- GObject ----------------------------------------------------------------------------- */

static void
stormcut_properties_panel_dispose (GObject *object)
{
  StormcutPropertiesPanel *self = STORMCUT_PROPERTIES_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  disconnect_model (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_PROPERTIES_PANEL);
  /* The template's root box is not bound to a field: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stormcut_properties_panel_parent_class)->dispose (object);
}

static void
stormcut_properties_panel_finalize (GObject *object)
{
  StormcutPropertiesPanel *self = STORMCUT_PROPERTIES_PANEL (object);

  g_free (self->element_id);
  g_free (self->context_id);
  g_strfreev (self->link_ids);
  g_clear_pointer (&self->context_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (stormcut_properties_panel_parent_class)->finalize (object);
}

static void
stormcut_properties_panel_class_init (StormcutPropertiesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_properties_panel_dispose;
  object_class->finalize = stormcut_properties_panel_finalize;

  signals[STATUS_MESSAGE] =
    g_signal_new ("status-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[ELEMENT_ACTIVATED] =
    g_signal_new ("element-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-properties-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, board_name_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, board_description_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, board_summary_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_kind_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_kind_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_name_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_code_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_suggest_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_description_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_color_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_color_reset_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_context_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_derived_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_attributes_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_attributes_list);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_add_attribute_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, element_links_list);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_name_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_code_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_suggest_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_description_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_team_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_domain_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_color_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_color_reset_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, context_summary_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, several_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_heading_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_details_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_ends_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_meaning_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_mode_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_mode_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_several_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutPropertiesPanel, link_delete_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_properties_panel_init (StormcutPropertiesPanel *self)
{
  g_autoptr(GtkStringList) domain_types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->context_ids = g_ptr_array_new_with_free_func (g_free);

  self->element_kind_swatch = stormcut_color_swatch_new (NULL, 18);
  gtk_box_prepend (self->element_kind_box, self->element_kind_swatch);
  self->element_color_swatch = stormcut_color_swatch_new (NULL, 20);
  gtk_button_set_child (self->element_color_button, self->element_color_swatch);
  self->context_color_swatch = stormcut_color_swatch_new (NULL, 20);
  gtk_button_set_child (self->context_color_button, self->context_color_swatch);

  for (guint i = 0; i < STORMCUT_N_DOMAIN_TYPES; i++)
    gtk_string_list_append (domain_types, stormcut_domain_type_get_label ((StormcutDomainType) i));
  gtk_drop_down_set_model (self->context_domain_dropdown, G_LIST_MODEL (domain_types));

  watch_field (self, GTK_WIDGET (self->board_name_entry), FIELD_BOARD_NAME);
  watch_field (self, GTK_WIDGET (self->board_description_view), FIELD_BOARD_DESCRIPTION);
  watch_name_field (self, self->element_name_view, FIELD_ELEMENT_NAME);
  watch_field (self, GTK_WIDGET (self->element_code_entry), FIELD_ELEMENT_CODE_NAME);
  watch_field (self, GTK_WIDGET (self->element_description_view), FIELD_ELEMENT_DESCRIPTION);
  watch_name_field (self, self->context_name_view, FIELD_CONTEXT_NAME);
  watch_field (self, GTK_WIDGET (self->context_code_entry), FIELD_CONTEXT_CODE_NAME);
  watch_field (self, GTK_WIDGET (self->context_description_view), FIELD_CONTEXT_DESCRIPTION);
  watch_field (self, GTK_WIDGET (self->context_team_entry), FIELD_CONTEXT_TEAM);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->element_name_view), "changed",
                            G_CALLBACK (element_names_changed_cb), self);
  g_signal_connect_swapped (self->element_code_entry, "changed", G_CALLBACK (element_names_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->context_name_view), "changed",
                            G_CALLBACK (context_names_changed_cb), self);
  g_signal_connect_swapped (self->context_code_entry, "changed", G_CALLBACK (context_names_changed_cb), self);
  g_signal_connect (self->link_delete_button, "clicked", G_CALLBACK (link_delete_clicked_cb), self);
  g_signal_connect (self->element_suggest_button, "clicked", G_CALLBACK (suggest_clicked_cb), self);
  g_signal_connect (self->context_suggest_button, "clicked", G_CALLBACK (suggest_clicked_cb), self);
  g_signal_connect (self->element_color_button, "clicked", G_CALLBACK (color_clicked_cb), self);
  g_signal_connect (self->context_color_button, "clicked", G_CALLBACK (color_clicked_cb), self);
  g_signal_connect (self->element_color_reset_button, "clicked", G_CALLBACK (color_reset_clicked_cb), self);
  g_signal_connect (self->context_color_reset_button, "clicked", G_CALLBACK (color_reset_clicked_cb), self);
  g_signal_connect (self->element_context_dropdown, "notify::selected", G_CALLBACK (element_context_selected_cb), self);
  g_signal_connect (self->context_domain_dropdown, "notify::selected", G_CALLBACK (context_domain_selected_cb), self);
  g_signal_connect (self->element_add_attribute_button, "clicked", G_CALLBACK (add_attribute_clicked_cb), self);
  g_signal_connect (self->element_derived_check, "toggled", G_CALLBACK (element_derived_toggled_cb), self);
  g_signal_connect (self->element_links_list, "row-activated", G_CALLBACK (link_row_activated_cb), self);
}

/* --- public API ------------------------------------------------------------------------- */

GtkWidget *
stormcut_properties_panel_new (void)
{
  return g_object_new (STORMCUT_TYPE_PROPERTIES_PANEL, NULL);
}

void
stormcut_properties_panel_set_model (StormcutPropertiesPanel *self,
                                     StormcutModel           *model)
{
  g_return_if_fail (STORMCUT_IS_PROPERTIES_PANEL (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->model == model)
    return;

  disconnect_model (self);
  g_clear_pointer (&self->element_id, g_free);
  g_clear_pointer (&self->context_id, g_free);
  g_clear_pointer (&self->link_ids, g_strfreev);
  self->n_selected = 0;
  if (model != NULL)
    {
      self->model = g_object_ref (model);
      self->changed_id = g_signal_connect (model, "changed", G_CALLBACK (model_changed_cb), self);
      self->reloaded_id = g_signal_connect (model, "reloaded", G_CALLBACK (model_reloaded_cb), self);
    }
  refresh (self, TRUE);
}

void
stormcut_properties_panel_show_selection (StormcutPropertiesPanel *self,
                                          const char * const      *element_ids,
                                          const char * const      *link_ids,
                                          const char              *context_id)
{
  static const char * const none[] = { NULL };
  guint n = element_ids != NULL ? g_strv_length ((char **) element_ids) : 0;
  const char *element_id = n == 1 ? element_ids[0] : NULL;

  g_return_if_fail (STORMCUT_IS_PROPERTIES_PANEL (self));

  if (link_ids == NULL)
    link_ids = none;
  if (n == self->n_selected && g_strcmp0 (element_id, self->element_id) == 0 &&
      g_strcmp0 (n == 0 ? context_id : NULL, self->context_id) == 0 &&
      g_strv_equal ((const char * const *) (self->link_ids != NULL ? self->link_ids : (char **) none), link_ids))
    return;

  commit_all (self);

  g_free (self->element_id);
  self->element_id = g_strdup (element_id);
  g_free (self->context_id);
  self->context_id = n == 0 ? g_strdup (context_id) : NULL;
  g_strfreev (self->link_ids);
  self->link_ids = g_strdupv ((char **) link_ids);
  self->n_selected = n;

  refresh (self, TRUE);
}

void
stormcut_properties_panel_commit (StormcutPropertiesPanel *self)
{
  g_return_if_fail (STORMCUT_IS_PROPERTIES_PANEL (self));

  commit_all (self);
}

const char *
stormcut_properties_panel_get_page (StormcutPropertiesPanel *self)
{
  g_return_val_if_fail (STORMCUT_IS_PROPERTIES_PANEL (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

char *
stormcut_suggest_code_name (const char *display_name)
{
  GString *code;
  gboolean word_start = TRUE;

  if (display_name == NULL || !is_plain_ascii (display_name))
    return NULL;

  code = g_string_new (NULL);
  for (const char *p = display_name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          word_start = TRUE;
          continue;
        }
      /* An identifier cannot start with a digit. */
      if (code->len == 0 && g_ascii_isdigit (*p))
        g_string_append_c (code, '_');
      g_string_append_c (code, word_start ? g_ascii_toupper (*p) : *p);
      word_start = FALSE;
    }

  if (code->len == 0)
    {
      g_string_free (code, TRUE);
      return NULL;
    }
  return g_string_free (code, FALSE);
}
