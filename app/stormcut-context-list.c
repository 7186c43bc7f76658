/* stormcut-context-list.c: the side bar page listing the bounded contexts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-board-style.h"
#include "stormcut-color-chooser.h"
#include "stormcut-context-list.h"

struct _StormcutContextList
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkCheckButton *highlight_check;
  GtkListBox     *list_box;

  /* owned references */
  StormcutModel  *model;
  char           *selected_id;
  char           *shown;          /* describe_rows() of the rows on screen */

  gulong          changed_id;
  gulong          reloaded_id;
  guint           rebuild_id;
  guint           n_rows;
  gboolean        selecting;
};

G_DEFINE_FINAL_TYPE (StormcutContextList, stormcut_context_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHT_UNASSIGNED,
  N_PROPS
};

enum {
  CONTEXT_ACTIVATED,
  STATUS_MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void queue_rebuild (StormcutContextList *self);

/* Removes the rows, not the placeholder (which is a child of the list box too). */
static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* A context id carried by a row's buttons, with a weak pointer back to the list. */
typedef struct {
  StormcutContextList *list;
  char                *context_id;
} RowData;

static void
row_data_free (RowData *data)
{
  g_clear_weak_pointer (&data->list);
  g_free (data->context_id);
  g_free (data);
}

static RowData *
row_data_new (StormcutContextList *self,
              const char          *context_id)
{
  RowData *data = g_new0 (RowData, 1);

  g_set_weak_pointer (&data->list, self);
  data->context_id = g_strdup (context_id);
  return data;
}

static void
report_error (StormcutContextList *self,
              const GError        *error)
{
  g_signal_emit (self, signals[STATUS_MESSAGE], 0, error->message);
}

static gboolean
any_row_editing (StormcutContextList *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    {
      GtkPopover *popover = g_object_get_data (G_OBJECT (row), "rename-popover");

      if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
        return TRUE;
    }
  return FALSE;
}

static void
color_chosen_cb (const char *color,
                 gpointer    user_data)
{
  RowData *data = user_data;
  const StormcutContext *context;
  g_autoptr(StormcutContext) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (data->list == NULL || data->list->model == NULL)
    return;
  context = stormcut_model_get_context (data->list->model, data->context_id);
  if (context == NULL)
    return;

  copy = stormcut_context_copy (context);
  g_free (copy->color);
  copy->color = g_strdup (color);
  if (!stormcut_model_update_context (data->list->model, copy, &error))
    report_error (data->list, error);
}

static void
color_clicked_cb (GtkButton *button,
                  RowData   *data)
{
  const StormcutContext *context;

  if (data->list == NULL || data->list->model == NULL)
    return;
  context = stormcut_model_get_context (data->list->model, data->context_id);
  if (context == NULL)
    return;

  stormcut_color_chooser_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                              _("Context Colour"),
                              g_object_get_data (G_OBJECT (button), "frame-color"),
                              color_chosen_cb,
                              row_data_new (data->list, data->context_id),
                              (GDestroyNotify) row_data_free);
}

static void
delete_clicked_cb (GtkButton *button,
                   RowData   *data)
{
  g_autoptr(GError) error = NULL;

  if (data->list == NULL || data->list->model == NULL)
    return;
  if (!stormcut_model_remove_context (data->list->model, data->context_id, &error))
    report_error (data->list, error);
}

static void
rename_activate_cb (GtkEntry *entry,
                    RowData  *data)
{
  const StormcutContext *context;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  g_autoptr(GError) error = NULL;

  if (data->list == NULL || data->list->model == NULL)
    return;

  context = stormcut_model_get_context (data->list->model, data->context_id);
  if (context != NULL && g_strcmp0 (context->name, text) != 0 &&
      !stormcut_model_rename_context (data->list->model, data->context_id, text, &error))
    {
      report_error (data->list, error);
      return;
    }

  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
  /* Changes that arrived while the popover was open were held back. */
  queue_rebuild (data->list);
}

static void
rename_popover_show_cb (GtkPopover *popover,
                        RowData    *data)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (popover), "name-entry");
  const StormcutContext *context;

  if (data->list == NULL || data->list->model == NULL)
    return;
  context = stormcut_model_get_context (data->list->model, data->context_id);
  gtk_editable_set_text (entry, context != NULL ? context->name : "");
  gtk_editable_select_region (entry, 0, -1);
}

/* The colour the board draws the frame in ("#RRGGBB"). */
static char *
frame_color (const StormcutContext *context,
             guint                  index)
{
  GdkRGBA rgba;

  stormcut_board_style_context_color (context, index, &rgba);
  return stormcut_color_to_hex (&rgba);
}

static GtkWidget *
create_row (StormcutContextList   *self,
            const StormcutContext *context,
            guint                  index,
            guint                  n_members)
{
  g_autofree char *color = frame_color (context, index);
  g_autofree char *count = NULL;
  GtkWidget *row, *box, *button, *label, *entry, *popover;

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "context-id", g_strdup (context->id), g_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Change the context's colour"));
  gtk_button_set_child (GTK_BUTTON (button), stormcut_color_swatch_new (color, 16));
  g_object_set_data (G_OBJECT (row), "color-button", button);
  g_object_set_data_full (G_OBJECT (button), "frame-color", g_strdup (color), g_free);
  g_signal_connect_data (button, "clicked", G_CALLBACK (color_clicked_cb),
                         row_data_new (self, context->id), (GClosureNotify) (void (*) (void)) row_data_free, 0);
  gtk_box_append (GTK_BOX (box), button);

  label = gtk_label_new (context->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  g_object_set_data (G_OBJECT (row), "name-label", label);
  gtk_box_append (GTK_BOX (box), label);

  /* Rename in a popover (GtkEditableLabel of GTK 4.8 keeps a timeout on a controller that
   * can be gone when the list is rebuilt right after an edit). */
  entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Context name"), -1);
  g_signal_connect_data (entry, "activate", G_CALLBACK (rename_activate_cb),
                         row_data_new (self, context->id), (GClosureNotify) (void (*) (void)) row_data_free, 0);
  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), entry);
  g_object_set_data (G_OBJECT (popover), "name-entry", entry);
  g_signal_connect_data (popover, "show", G_CALLBACK (rename_popover_show_cb),
                         row_data_new (self, context->id), (GClosureNotify) (void (*) (void)) row_data_free, 0);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-edit-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Rename the context"));
  g_object_set_data (G_OBJECT (row), "rename-popover", popover);
  g_object_set_data (G_OBJECT (row), "name-entry", entry);

  count = g_strdup_printf ("%u", n_members);
  label = gtk_label_new (count);
  g_object_set_data (G_OBJECT (row), "count-label", label);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_tooltip_text (label, _("Stickies in this context"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Delete the context (its stickies stay on the board)"));
  g_signal_connect_data (button, "clicked", G_CALLBACK (delete_clicked_cb),
                         row_data_new (self, context->id), (GClosureNotify) (void (*) (void)) row_data_free, 0);
  gtk_box_append (GTK_BOX (box), button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
select_row_of (StormcutContextList *self)
{
  GtkListBoxRow *match = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL && self->selected_id != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (row), "context-id"), self->selected_id) == 0)
        {
          match = GTK_LIST_BOX_ROW (row);
          break;
        }
    }

  self->selecting = TRUE;
  if (match != NULL)
    gtk_list_box_select_row (self->list_box, match);
  else
    gtk_list_box_unselect_all (self->list_box);
  self->selecting = FALSE;
}

/* What the rows show, as one string: rows are rebuilt only when it changes. */
static char *
describe_rows (StormcutContextList *self,
               GHashTable          *counts)
{
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);

      g_string_append_printf (text, "%s\x1f%s\x1f%s\x1f%u\x1e", context->id, context->name,
                              context->color != NULL ? context->color : "",
                              GPOINTER_TO_UINT (g_hash_table_lookup (counts, context->id)));
    }
  return g_string_free (text, FALSE);
}

static gboolean
update_rows (StormcutContextList *self,
             GHashTable          *counts)
{
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);
  GtkListBoxRow *row;
  guint i;

  if (self->n_rows != contexts->len)
    return FALSE;
  for (i = 0; i < contexts->len && (row = gtk_list_box_get_row_at_index (self->list_box, (int) i)) != NULL; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "context-id"), context->id) != 0)
        return FALSE;
    }
  if (i != contexts->len)
    return FALSE;

  for (i = 0; i < contexts->len && (row = gtk_list_box_get_row_at_index (self->list_box, (int) i)) != NULL; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      GtkLabel *name = g_object_get_data (G_OBJECT (row), "name-label");
      GtkWidget *button = g_object_get_data (G_OBJECT (row), "color-button");
      GtkLabel *count = g_object_get_data (G_OBJECT (row), "count-label");
      g_autofree char *color = frame_color (context, i);
      g_autofree char *text = g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (counts, context->id)));

      gtk_label_set_text (name, context->name);
      stormcut_color_swatch_set_color (gtk_button_get_child (GTK_BUTTON (button)), color);
      g_object_set_data_full (G_OBJECT (button), "frame-color", g_steal_pointer (&color), g_free);
      gtk_label_set_text (count, text);
    }
  return TRUE;
}

static void
rebuild (StormcutContextList *self)
{
  g_autoptr(GHashTable) counts = NULL;
  g_autofree char *description = NULL;
  GPtrArray *contexts, *elements;

  if (self->model == NULL)
    {
      remove_rows (self->list_box);
      self->n_rows = 0;
      g_clear_pointer (&self->shown, g_free);
      return;
    }

  /* Stickies per context in one pass over the elements. */
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  elements = stormcut_model_get_elements (self->model);
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);

      if (element->context_id != NULL)
        g_hash_table_insert (counts, element->context_id,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, element->context_id)) + 1));
    }

  description = describe_rows (self, counts);
  if (g_strcmp0 (description, self->shown) == 0)
    return;
  g_free (self->shown);
  self->shown = g_steal_pointer (&description);

  /* The same contexts in the same order: update the rows in place (cheaper, and the
   * rename popover of a row stays where it is). */
  if (update_rows (self, counts))
    return;

  remove_rows (self->list_box);
  self->n_rows = 0;

  contexts = stormcut_model_get_contexts (self->model);
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);

      gtk_list_box_append (self->list_box,
                           create_row (self, context, i, GPOINTER_TO_UINT (g_hash_table_lookup (counts, context->id))));
      self->n_rows++;
    }
  select_row_of (self);
}

static gboolean
rebuild_idle_cb (gpointer user_data)
{
  StormcutContextList *self = user_data;

  self->rebuild_id = 0;
  if (!any_row_editing (self))
    rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (StormcutContextList *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle_cb, self);
}

static void
model_changed_cb (StormcutModel      *model,
                  StormcutObjectType  type,
                  const char         *id,
                  StormcutChange      change,
                  gpointer            user_data)
{
  StormcutContextList *self = user_data;

  /* Element changes matter for the counts: only additions, removals and assignments change
   * them, but telling an assignment from a rename would cost more than the rebuild. */
  if (type == STORMCUT_OBJECT_CONTEXT || type == STORMCUT_OBJECT_ELEMENT)
    queue_rebuild (self);
}

static void
model_reloaded_cb (StormcutModel *model,
                   gpointer       user_data)
{
  queue_rebuild (user_data);
}

static void
row_activated_cb (GtkListBox          *list_box,
                  GtkListBoxRow       *row,
                  StormcutContextList *self)
{
  const char *context_id = g_object_get_data (G_OBJECT (row), "context-id");

  if (context_id == NULL || self->selecting)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (context_id);
  g_signal_emit (self, signals[CONTEXT_ACTIVATED], 0, context_id);
}

static void
highlight_toggled_cb (GtkCheckButton      *check,
                      StormcutContextList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT_UNASSIGNED]);
}

static void
disconnect_model (StormcutContextList *self)
{
  if (self->model == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_signal_handler (&self->reloaded_id, self->model);
  g_clear_object (&self->model);
}

static void
stormcut_context_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StormcutContextList *self = STORMCUT_CONTEXT_LIST (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_UNASSIGNED:
      g_value_set_boolean (value, stormcut_context_list_get_highlight_unassigned (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stormcut_context_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  StormcutContextList *self = STORMCUT_CONTEXT_LIST (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_UNASSIGNED:
      stormcut_context_list_set_highlight_unassigned (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stormcut_context_list_dispose (GObject *object)
{
  StormcutContextList *self = STORMCUT_CONTEXT_LIST (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  disconnect_model (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_CONTEXT_LIST);
  /* The template's root box is not bound to a field: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stormcut_context_list_parent_class)->dispose (object);
}

static void
stormcut_context_list_finalize (GObject *object)
{
  StormcutContextList *self = STORMCUT_CONTEXT_LIST (object);

  g_free (self->selected_id);
  g_free (self->shown);

  G_OBJECT_CLASS (stormcut_context_list_parent_class)->finalize (object);
}

static void
stormcut_context_list_class_init (StormcutContextListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = stormcut_context_list_get_property;
  object_class->set_property = stormcut_context_list_set_property;
  object_class->dispose = stormcut_context_list_dispose;
  object_class->finalize = stormcut_context_list_finalize;

  properties[PROP_HIGHLIGHT_UNASSIGNED] =
    g_param_spec_boolean ("highlight-unassigned", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CONTEXT_ACTIVATED] =
    g_signal_new ("context-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[STATUS_MESSAGE] =
    g_signal_new ("status-message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-context-list.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutContextList, highlight_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_context_list_init (StormcutContextList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self->highlight_check, "toggled", G_CALLBACK (highlight_toggled_cb), self);
}

GtkWidget *
stormcut_context_list_new (void)
{
  return g_object_new (STORMCUT_TYPE_CONTEXT_LIST, NULL);
}

void
stormcut_context_list_set_model (StormcutContextList *self,
                                 StormcutModel       *model)
{
  g_return_if_fail (STORMCUT_IS_CONTEXT_LIST (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->model == model)
    return;

  disconnect_model (self);
  g_clear_pointer (&self->selected_id, g_free);
  if (model != NULL)
    {
      self->model = g_object_ref (model);
      self->changed_id = g_signal_connect (model, "changed", G_CALLBACK (model_changed_cb), self);
      self->reloaded_id = g_signal_connect (model, "reloaded", G_CALLBACK (model_reloaded_cb), self);
    }
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->shown, g_free);
  rebuild (self);
}

void
stormcut_context_list_select (StormcutContextList *self,
                              const char          *context_id)
{
  g_return_if_fail (STORMCUT_IS_CONTEXT_LIST (self));

  if (g_strcmp0 (self->selected_id, context_id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (context_id);
  select_row_of (self);
}

gboolean
stormcut_context_list_get_highlight_unassigned (StormcutContextList *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXT_LIST (self), FALSE);

  return gtk_check_button_get_active (self->highlight_check);
}

void
stormcut_context_list_set_highlight_unassigned (StormcutContextList *self,
                                                gboolean             highlight)
{
  g_return_if_fail (STORMCUT_IS_CONTEXT_LIST (self));

  /* "toggled" notifies the property when the state really changes. */
  gtk_check_button_set_active (self->highlight_check, !!highlight);
}

guint
stormcut_context_list_get_n_rows (StormcutContextList *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXT_LIST (self), 0);

  return self->n_rows;
}
