/* stormcut-services-view.c: the candidate microservices: table, findings and service map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-diagram-view.h"
#include "stormcut-services-view.h"
#include "stormcut-view-common.h"

/* The rows borrow their services from one analysis, shared by reference counting. */
typedef struct {
  StormcutServiceAnalysis *analysis;
} SharedAnalysis;

typedef struct {
  SharedAnalysis        *shared;
  const StormcutService *service;
} ServiceRow;

struct _StormcutServicesView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkPaned           *paned;
  GtkLabel           *summary_label;
  GtkMenuButton      *merge_button;
  GtkPopover         *merge_popover;
  GtkEntry           *merge_entry;
  GtkButton          *external_button;
  GtkColumnView      *column_view;
  GtkLabel           *findings_label;
  GtkListBox         *findings_list;
  GtkBox             *diagram_box;

  /* widgets made in code */
  StormcutDiagramView *diagram;

  /* owned references */
  StormcutViewBinding binding;      /* the model; rebuild() when it changes */
  GListStore         *rows;         /* of StormcutViewRow (ServiceRow) */
  GtkMultiSelection  *selection;
  SharedAnalysis     *shared;       /* the analysis shown */

  gboolean            updating;
};

G_DEFINE_FINAL_TYPE (StormcutServicesView, stormcut_services_view, GTK_TYPE_WIDGET)

static void
shared_analysis_clear (SharedAnalysis *shared)
{
  g_clear_pointer (&shared->analysis, stormcut_service_analysis_free);
}

static SharedAnalysis *
shared_analysis_ref (SharedAnalysis *shared)
{
  return g_rc_box_acquire (shared);
}

static void
shared_analysis_unref (SharedAnalysis *shared)
{
  g_rc_box_release_full (shared, (GDestroyNotify) shared_analysis_clear);
}

static void
service_row_free (ServiceRow *row)
{
  shared_analysis_unref (row->shared);
  g_free (row);
}

static const char *
service_name (StormcutServicesView *self,
              ServiceRow           *row,
              const char           *service_id)
{
  const StormcutService *service = stormcut_service_analysis_get_service (row->shared->analysis, service_id);

  return service != NULL ? service->name : service_id;
}

/* "n: a, b, c" for the names of @ids. */
static char *
names_text (StormcutServicesView *self,
            GPtrArray            *ids,
            gboolean              contexts)
{
  GString *text;

  if (ids->len == 0)
    return g_strdup ("—");
  text = g_string_new (NULL);
  g_string_append_printf (text, "%u: ", ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *name = contexts ? stormcut_view_context_name (self->binding.model, id)
                                  : stormcut_view_element_name (self->binding.model, id);

      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", name);
    }
  return g_string_free (text, FALSE);
}

/* "n: service (element), ..." for dependencies. */
static char *
dependencies_text (StormcutServicesView *self,
                   ServiceRow           *row,
                   GPtrArray            *dependencies)
{
  GString *text;

  if (dependencies->len == 0)
    return g_strdup ("—");
  text = g_string_new (NULL);
  g_string_append_printf (text, "%u: ", dependencies->len);
  for (guint i = 0; i < dependencies->len; i++)
    {
      const StormcutServiceDependency *dependency = g_ptr_array_index (dependencies, i);

      g_string_append_printf (text, "%s%s (%s)", i > 0 ? ", " : "",
                              service_name (self, row, dependency->target_service_id),
                              stormcut_view_element_name (self->binding.model, dependency->target_element_id));
    }
  return g_string_free (text, FALSE);
}

/* --- columns ------------------------------------------------------------------------ */

static char *
name_column_text (gpointer data,
                  gpointer user_data)
{
  ServiceRow *row = data;

  if (row->service->external)
    /* TRANSLATORS: a service marked as external / not a service */
    return g_strdup_printf (_("%s (external)"), row->service->name);
  return g_strdup (row->service->name);
}

static char *
code_name_column_text (gpointer data,
                       gpointer user_data)
{
  ServiceRow *row = data;

  return g_strdup (row->service->code_name);
}

static char *
contexts_column_text (gpointer data,
                      gpointer user_data)
{
  ServiceRow *row = data;

  return names_text (user_data, row->service->context_ids, TRUE);
}

static char *
data_column_text (gpointer data,
                  gpointer user_data)
{
  ServiceRow *row = data;

  return names_text (user_data, row->service->aggregate_ids, FALSE);
}

static char *
provided_column_text (gpointer data,
                      gpointer user_data)
{
  ServiceRow *row = data;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < row->service->provided->len; i++)
    {
      const StormcutServiceApi *api = g_ptr_array_index (row->service->provided, i);
      g_ptr_array_add (ids, api->element_id);
    }
  return names_text (user_data, ids, FALSE);
}

static char *
sync_column_text (gpointer data,
                  gpointer user_data)
{
  ServiceRow *row = data;

  return dependencies_text (user_data, row, row->service->required_sync);
}

static char *
subscriptions_column_text (gpointer data,
                           gpointer user_data)
{
  ServiceRow *row = data;

  return dependencies_text (user_data, row, row->service->subscriptions);
}

static char *
reads_column_text (gpointer data,
                   gpointer user_data)
{
  ServiceRow *row = data;

  return dependencies_text (user_data, row, row->service->direct_reads);
}

static const struct {
  const char           *title;
  StormcutViewTextFunc  func;
  gboolean              expand;
} columns[] = {
  { N_("Service"),                  name_column_text,          FALSE },
  { N_("Code name"),                code_name_column_text,     FALSE },
  { N_("Bounded contexts"),         contexts_column_text,      FALSE },
  { N_("Owned data (aggregates)"),  data_column_text,          TRUE },
  { N_("Provided APIs"),            provided_column_text,      TRUE },
  { N_("Sync calls"),               sync_column_text,          TRUE },
  { N_("Event subscriptions"),      subscriptions_column_text, TRUE },
  { N_("Direct data reads"),        reads_column_text,         TRUE },
};

/* --- rebuilding --------------------------------------------------------------------- */

/* The selected services (borrowed from the current analysis). */
static GPtrArray *
selected_services (StormcutServicesView *self)
{
  GPtrArray *services = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), i))
      {
        g_autoptr(StormcutViewRow) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
        ServiceRow *row = stormcut_view_row_get_data (item);
        g_ptr_array_add (services, (gpointer) row->service);
      }
  return services;
}

static void
update_actions (StormcutServicesView *self)
{
  g_autoptr(GPtrArray) services = selected_services (self);
  gboolean can_split = FALSE, all_external = services->len > 0;

  for (guint i = 0; i < services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (services, i);

      if (service->context_ids->len > 1)
        can_split = TRUE;
      for (guint j = 0; j < service->context_ids->len && self->binding.model != NULL; j++)
        {
          const StormcutContext *context = stormcut_model_get_context (self->binding.model, g_ptr_array_index (service->context_ids, j));
          if (context != NULL && context->service != NULL)
            can_split = TRUE;
        }
      if (!service->external)
        all_external = FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), services->len >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.merge", services->len >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.split", can_split);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.toggle-external", services->len > 0);
  gtk_button_set_label (self->external_button, all_external ? _("Make a _Service Again") : _("Mark as _External"));
}

static GtkWidget *
create_finding_row (StormcutServicesView         *self,
                    const StormcutServiceFinding *finding)
{
  GtkWidget *row, *box, *icon, *texts, *label;

  row = gtk_list_box_row_new ();
  g_object_set_data (G_OBJECT (row), "stormcut-finding", (gpointer) finding);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  label = gtk_label_new (stormcut_finding_kind_get_label (finding->kind));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (texts), label);
  label = gtk_label_new (finding->message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (box), texts);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
rebuild (StormcutServicesView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) selected_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBitset) selected = NULL;
  g_autofree char *summary = NULL;
  SharedAnalysis *shared;
  GtkWidget *child;
  guint n_external = 0;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < gtk_bitset_get_size (selected); i++)
    {
      g_autoptr(StormcutViewRow) item = g_list_model_get_item (G_LIST_MODEL (self->rows),
                                                              gtk_bitset_get_nth (selected, i));
      if (item != NULL)
        g_hash_table_add (selected_keys, g_strdup (stormcut_view_row_get_key (item)));
    }

  shared = g_rc_box_new0 (SharedAnalysis);
  if (self->binding.model != NULL)
    shared->analysis = stormcut_services_analyze (self->binding.model);
  g_clear_pointer (&self->shared, shared_analysis_unref);
  self->shared = shared;

  for (guint i = 0; shared->analysis != NULL && i < shared->analysis->services->len; i++)
    {
      ServiceRow *row = g_new0 (ServiceRow, 1);

      row->shared = shared_analysis_ref (shared);
      row->service = g_ptr_array_index (shared->analysis->services, i);
      if (row->service->external)
        n_external++;
      g_ptr_array_add (items, stormcut_view_row_new (row->service->id, row, (GDestroyNotify) service_row_free));
    }

  self->updating = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < items->len; i++)
    if (g_hash_table_contains (selected_keys, stormcut_view_row_get_key (g_ptr_array_index (items, i))))
      gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
  self->updating = FALSE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_list))) != NULL)
    gtk_list_box_remove (self->findings_list, child);
  for (guint i = 0; shared->analysis != NULL && i < shared->analysis->findings->len; i++)
    gtk_list_box_append (self->findings_list, create_finding_row (self, g_ptr_array_index (shared->analysis->findings, i)));

  if (items->len == 0)
    summary = g_strdup (_("No candidate services yet: each bounded context on the board becomes one."));
  else
    summary = g_strdup_printf (_("Candidate services: %u (external: %u). Select services to merge, split or mark them."),
                               items->len - n_external, n_external);
  gtk_label_set_text (self->summary_label, summary);
  {
    guint n_findings = shared->analysis != NULL ? shared->analysis->findings->len : 0;
    g_autofree char *heading = g_strdup_printf (_("Findings (%u)"), n_findings);
    gtk_label_set_text (self->findings_label, heading);
  }

  update_actions (self);
}

static gboolean
change_concerns_view (StormcutObjectType  type,
                      const char         *id)
{
  /* Settings (FP, cost, checklist) do not touch the services. */
  return !(type == STORMCUT_OBJECT_MODEL && id != NULL);
}

/* --- callbacks ---------------------------------------------------------------------- */

static void
selection_changed_cb (GtkSelectionModel    *model,
                      guint                 position,
                      guint                 n_items,
                      StormcutServicesView *self)
{
  if (!self->updating)
    update_actions (self);
}

static void
finding_activated_cb (GtkListBox           *list_box,
                      GtkListBoxRow        *row,
                      StormcutServicesView *self)
{
  const StormcutServiceFinding *finding = g_object_get_data (G_OBJECT (row), "stormcut-finding");
  g_autoptr(GPtrArray) ids = NULL;

  if (finding == NULL)
    return;
  ids = g_ptr_array_new ();
  for (guint i = 0; i < finding->service_ids->len; i++)
    g_ptr_array_add (ids, g_ptr_array_index (finding->service_ids, i));
  g_ptr_array_add (ids, NULL);
  stormcut_services_view_select_services (self, (const char * const *) ids->pdata);
}

static void
merge_popover_show_cb (GtkPopover           *popover,
                       StormcutServicesView *self)
{
  g_autoptr(GPtrArray) services = selected_services (self);
  GString *name = g_string_new (NULL);

  for (guint i = 0; i < services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (services, i);
      g_string_append_printf (name, "%s%s", i > 0 ? "·" : "", service->name);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->merge_entry), name->str);
  gtk_widget_grab_focus (GTK_WIDGET (self->merge_entry));
  g_string_free (name, TRUE);
}

static void
merge_entry_activate_cb (GtkEntry             *entry,
                         StormcutServicesView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "services.merge", NULL);
}

static void
merge_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StormcutServicesView *self = STORMCUT_SERVICES_VIEW (widget);
  g_autoptr(GPtrArray) services = selected_services (self);
  g_autoptr(GPtrArray) context_ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (self->binding.model == NULL || services->len < 2)
    return;
  for (guint i = 0; i < services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (services, i);
      for (guint j = 0; j < service->context_ids->len; j++)
        g_ptr_array_add (context_ids, g_ptr_array_index (service->context_ids, j));
    }
  g_ptr_array_add (context_ids, NULL);

  gtk_popover_popdown (self->merge_popover);
  if (!stormcut_services_merge (self->binding.model, (const char * const *) context_ids->pdata,
                                gtk_editable_get_text (GTK_EDITABLE (self->merge_entry)), &error))
    stormcut_view_show_error (widget, _("Could not merge the services"), error);
}

static void
split_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  StormcutServicesView *self = STORMCUT_SERVICES_VIEW (widget);
  g_autoptr(GPtrArray) services = selected_services (self);
  g_autoptr(GPtrArray) context_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (self->binding.model == NULL || services->len == 0)
    return;
  /* Copy the ids: the analysis is rebuilt as soon as the model changes. */
  for (guint i = 0; i < services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (services, i);
      for (guint j = 0; j < service->context_ids->len; j++)
        g_ptr_array_add (context_ids, g_strdup (g_ptr_array_index (service->context_ids, j)));
    }

  stormcut_model_begin_group (self->binding.model, _("Split services"));
  for (guint i = 0; i < context_ids->len; i++)
    if (!stormcut_services_split (self->binding.model, g_ptr_array_index (context_ids, i), &error))
      {
        stormcut_model_abort_group (self->binding.model);
        stormcut_view_show_error (widget, _("Could not split the service"), error);
        return;
      }
  if (!stormcut_model_end_group (self->binding.model, &error))
    stormcut_view_show_error (widget, _("Could not split the service"), error);
}

static void
toggle_external_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  StormcutServicesView *self = STORMCUT_SERVICES_VIEW (widget);
  g_autoptr(GPtrArray) services = selected_services (self);
  g_autoptr(GPtrArray) context_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean external = FALSE;

  if (self->binding.model == NULL || services->len == 0)
    return;
  for (guint i = 0; i < services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (services, i);

      /* Mark them all external unless they all are already. */
      if (!service->external)
        external = TRUE;
      for (guint j = 0; j < service->context_ids->len; j++)
        g_ptr_array_add (context_ids, g_strdup (g_ptr_array_index (service->context_ids, j)));
    }

  stormcut_model_begin_group (self->binding.model, external ? _("Mark services as external") : _("Make services of this system again"));
  for (guint i = 0; i < context_ids->len; i++)
    if (!stormcut_services_set_external (self->binding.model, g_ptr_array_index (context_ids, i), external, &error))
      {
        stormcut_model_abort_group (self->binding.model);
        stormcut_view_show_error (widget, _("Could not change the service"), error);
        return;
      }
  if (!stormcut_model_end_group (self->binding.model, &error))
    stormcut_view_show_error (widget, _("Could not change the service"), error);
}

/* --- vfuncs ------------------------------------------------------------------------- */

static void
stormcut_services_view_map (GtkWidget *widget)
{
  StormcutServicesView *self = STORMCUT_SERVICES_VIEW (widget);

  GTK_WIDGET_CLASS (stormcut_services_view_parent_class)->map (widget);

  stormcut_view_binding_map (&self->binding);
}

static void
stormcut_services_view_dispose (GObject *object)
{
  StormcutServicesView *self = STORMCUT_SERVICES_VIEW (object);

  stormcut_view_binding_clear (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_SERVICES_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->shared, shared_analysis_unref);

  G_OBJECT_CLASS (stormcut_services_view_parent_class)->dispose (object);
}

static void
stormcut_services_view_class_init (StormcutServicesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_services_view_dispose;
  widget_class->map = stormcut_services_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-services-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, paned);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, merge_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, merge_popover);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, merge_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, external_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, findings_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, StormcutServicesView, diagram_box);
  gtk_widget_class_bind_template_callback (widget_class, finding_activated_cb);

  gtk_widget_class_install_action (widget_class, "services.merge", NULL, merge_action_cb);
  gtk_widget_class_install_action (widget_class, "services.split", NULL, split_action_cb);
  gtk_widget_class_install_action (widget_class, "services.toggle-external", NULL, toggle_external_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_services_view_init (StormcutServicesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stormcut_view_binding_init (&self->binding, GTK_WIDGET (self), (StormcutViewRebuildFunc) rebuild,
                              change_concerns_view);

  self->diagram = STORMCUT_DIAGRAM_VIEW (stormcut_diagram_view_new (STORMCUT_EXPORT_SERVICES));
  gtk_widget_set_vexpand (GTK_WIDGET (self->diagram), TRUE);
  gtk_box_append (self->diagram_box, GTK_WIDGET (self->diagram));

  self->rows = g_list_store_new (STORMCUT_TYPE_VIEW_ROW);
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    stormcut_view_add_text_column (self->column_view, _(columns[i].title), columns[i].func, self,
                                   columns[i].expand, FALSE);

  g_signal_connect (self->merge_popover, "show", G_CALLBACK (merge_popover_show_cb), self);
  g_signal_connect (self->merge_entry, "activate", G_CALLBACK (merge_entry_activate_cb), self);

  rebuild (self);
}

/* --- public API --------------------------------------------------------------------- */

GtkWidget *
stormcut_services_view_new (void)
{
  return g_object_new (STORMCUT_TYPE_SERVICES_VIEW, NULL);
}

void
stormcut_services_view_set_model (StormcutServicesView *self,
                                  StormcutModel        *model)
{
  g_return_if_fail (STORMCUT_IS_SERVICES_VIEW (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->binding.model == model)
    return;

  stormcut_view_binding_set_model (&self->binding, model);
  stormcut_diagram_view_set_model (self->diagram, model);
}

void
stormcut_services_view_refresh (StormcutServicesView *self)
{
  g_return_if_fail (STORMCUT_IS_SERVICES_VIEW (self));

  stormcut_view_binding_flush (&self->binding);
  stormcut_diagram_view_refresh (self->diagram);
}

guint
stormcut_services_view_get_n_rows (StormcutServicesView *self)
{
  g_return_val_if_fail (STORMCUT_IS_SERVICES_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

guint
stormcut_services_view_get_n_findings (StormcutServicesView *self)
{
  g_return_val_if_fail (STORMCUT_IS_SERVICES_VIEW (self), 0);

  return self->shared != NULL && self->shared->analysis != NULL ? self->shared->analysis->findings->len : 0;
}

static ServiceRow *
get_row (StormcutServicesView *self,
         guint                 index)
{
  g_autoptr(StormcutViewRow) item = g_list_model_get_item (G_LIST_MODEL (self->rows), index);

  return item != NULL ? stormcut_view_row_get_data (item) : NULL;
}

const char *
stormcut_services_view_get_row_service_id (StormcutServicesView *self,
                                           guint                 index)
{
  ServiceRow *row;

  g_return_val_if_fail (STORMCUT_IS_SERVICES_VIEW (self), NULL);

  row = get_row (self, index);
  return row != NULL ? row->service->id : NULL;
}

char *
stormcut_services_view_get_cell_text (StormcutServicesView *self,
                                      guint                 index,
                                      guint                 column)
{
  ServiceRow *row;

  g_return_val_if_fail (STORMCUT_IS_SERVICES_VIEW (self), NULL);
  g_return_val_if_fail (column < G_N_ELEMENTS (columns), NULL);

  row = get_row (self, index);
  return row != NULL ? columns[column].func (row, self) : NULL;
}

void
stormcut_services_view_select_services (StormcutServicesView *self,
                                        const char * const   *service_ids)
{
  guint n;

  g_return_if_fail (STORMCUT_IS_SERVICES_VIEW (self));

  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      ServiceRow *row = get_row (self, i);

      if (service_ids != NULL && g_strv_contains (service_ids, row->service->id))
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, FALSE);
    }
  update_actions (self);
}

void
stormcut_services_view_set_merge_name (StormcutServicesView *self,
                                       const char           *name)
{
  g_return_if_fail (STORMCUT_IS_SERVICES_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->merge_entry), name != NULL ? name : "");
}

GtkWidget *
stormcut_services_view_get_diagram (StormcutServicesView *self)
{
  g_return_val_if_fail (STORMCUT_IS_SERVICES_VIEW (self), NULL);

  return GTK_WIDGET (self->diagram);
}
