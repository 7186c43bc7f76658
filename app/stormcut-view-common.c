/* stormcut-view-common.c: what the analysis views share: the model binding, rows, text columns, errors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "stormcut-message-dialog.h"
#include "stormcut-view-common.h"

struct _StormcutViewRow
{
  GObject         parent_instance;

  char           *key;
  gpointer        data;
  GDestroyNotify  destroy;
};

G_DEFINE_FINAL_TYPE (StormcutViewRow, stormcut_view_row, G_TYPE_OBJECT)

typedef struct {
  StormcutViewTextFunc func;
  gpointer             user_data;
  gboolean             numeric;
} TextColumn;

static void
text_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               TextColumn               *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->numeric ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column->numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
text_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TextColumn               *column)
{
  StormcutViewRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = column->func (row->data, column->user_data);
  g_autofree char *one_line = g_strdelimit (g_strdup (text != NULL ? text : ""), "\n", ' ');

  gtk_label_set_text (GTK_LABEL (label), one_line);
  /* Long texts are cut in the cell; the tooltip shows them whole. */
  gtk_widget_set_tooltip_text (label, g_utf8_strlen (one_line, -1) > 24 ? text : NULL);
}

static gboolean
binding_idle_cb (gpointer user_data)
{
  StormcutViewBinding *self = user_data;

  self->idle_id = 0;
  if (self->dirty && (self->while_hidden || gtk_widget_get_mapped (self->view)))
    {
      self->dirty = FALSE;
      self->rebuild (self->view);
    }
  return G_SOURCE_REMOVE;
}

static void
binding_changed_cb (StormcutModel      *model,
                    StormcutObjectType  type,
                    const char         *id,
                    StormcutChange      change,
                    gpointer            user_data)
{
  StormcutViewBinding *self = user_data;

  if (self->filter == NULL || self->filter (type, id))
    stormcut_view_binding_queue (self);
}

static void
binding_reloaded_cb (StormcutModel *model,
                     gpointer       user_data)
{
  stormcut_view_binding_queue (user_data);
}

static void
binding_disconnect (StormcutViewBinding *self)
{
  if (self->model == NULL)
    return;
  g_clear_signal_handler (&self->changed_id, self->model);
  g_clear_signal_handler (&self->reloaded_id, self->model);
  g_clear_object (&self->model);
}

static void
stormcut_view_row_finalize (GObject *object)
{
  StormcutViewRow *self = STORMCUT_VIEW_ROW (object);

  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  g_free (self->key);

  G_OBJECT_CLASS (stormcut_view_row_parent_class)->finalize (object);
}

static void
stormcut_view_row_class_init (StormcutViewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = stormcut_view_row_finalize;
}

static void
stormcut_view_row_init (StormcutViewRow *self)
{
}

void
stormcut_view_binding_init (StormcutViewBinding      *self,
                            GtkWidget                *view,
                            StormcutViewRebuildFunc   rebuild,
                            StormcutViewChangeFilter  filter)
{
  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (rebuild != NULL);

  *self = (StormcutViewBinding) { .view = view, .rebuild = rebuild, .filter = filter, .dirty = TRUE };
}

void
stormcut_view_binding_set_while_hidden (StormcutViewBinding *self,
                                        gboolean             while_hidden)
{
  self->while_hidden = while_hidden;
  if (while_hidden && self->dirty)
    stormcut_view_binding_queue (self);
}

void
stormcut_view_binding_set_model (StormcutViewBinding *self,
                                 StormcutModel       *model)
{
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  binding_disconnect (self);
  if (model != NULL)
    {
      self->model = g_object_ref (model);
      self->changed_id = g_signal_connect (model, "changed", G_CALLBACK (binding_changed_cb), self);
      self->reloaded_id = g_signal_connect (model, "reloaded", G_CALLBACK (binding_reloaded_cb), self);
    }
  stormcut_view_binding_queue (self);
}

void
stormcut_view_binding_queue (StormcutViewBinding *self)
{
  self->dirty = TRUE;
  if (self->idle_id == 0 && (self->while_hidden || gtk_widget_get_mapped (self->view)))
    self->idle_id = g_idle_add_full (G_PRIORITY_LOW, binding_idle_cb, self, NULL);
}

void
stormcut_view_binding_map (StormcutViewBinding *self)
{
  if (self->dirty)
    stormcut_view_binding_queue (self);
}

void
stormcut_view_binding_flush (StormcutViewBinding *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->dirty)
    {
      self->dirty = FALSE;
      self->rebuild (self->view);
    }
}

void
stormcut_view_binding_clear (StormcutViewBinding *self)
{
  g_clear_handle_id (&self->idle_id, g_source_remove);
  binding_disconnect (self);
}

StormcutViewRow *
stormcut_view_row_new (const char     *key,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  StormcutViewRow *self = g_object_new (STORMCUT_TYPE_VIEW_ROW, NULL);

  self->key = g_strdup (key);
  self->data = data;
  self->destroy = destroy;
  return self;
}

const char *
stormcut_view_row_get_key (StormcutViewRow *self)
{
  g_return_val_if_fail (STORMCUT_IS_VIEW_ROW (self), NULL);

  return self->key;
}

gpointer
stormcut_view_row_get_data (StormcutViewRow *self)
{
  g_return_val_if_fail (STORMCUT_IS_VIEW_ROW (self), NULL);

  return self->data;
}

GtkColumnViewColumn *
stormcut_view_add_text_column (GtkColumnView        *view,
                               const char           *title,
                               StormcutViewTextFunc  func,
                               gpointer              user_data,
                               gboolean              expand,
                               gboolean              numeric)
{
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  TextColumn *text_column;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  text_column = g_new0 (TextColumn, 1);
  text_column->func = func;
  text_column->user_data = user_data;
  text_column->numeric = numeric;

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (text_setup_cb), text_column);
  g_signal_connect (factory, "bind", G_CALLBACK (text_bind_cb), text_column);
  g_object_set_data_full (G_OBJECT (factory), "stormcut-text-column", text_column, g_free);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

const char *
stormcut_view_context_name (StormcutModel *model,
                            const char    *id)
{
  const StormcutContext *context = model != NULL ? stormcut_model_get_context (model, id) : NULL;

  return context != NULL ? context->name : id;
}

const char *
stormcut_view_element_name (StormcutModel *model,
                            const char    *id)
{
  const StormcutElement *element = model != NULL ? stormcut_model_get_element (model, id) : NULL;

  return element != NULL ? element->name : id;
}

guint
stormcut_view_find_key (GListModel *model,
                        const char *key)
{
  guint n;

  if (key == NULL)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StormcutViewRow) row = g_list_model_get_item (model, i);

      if (g_strcmp0 (row->key, key) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
stormcut_view_show_error (GtkWidget    *widget,
                          const char   *primary,
                          const GError *error)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  root = gtk_widget_get_root (widget);
  stormcut_message_dialog_show_error (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, primary, error->message);
}

GMutex *
stormcut_view_get_graphviz_lock (void)
{
  static GMutex lock;

  return &lock;
}
