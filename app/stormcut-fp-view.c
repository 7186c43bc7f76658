/* stormcut-fp-view.c: the function-point table and the KOSA cost sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include "stormcut-export-dialog.h"
#include "stormcut-fp-view.h"
#include "stormcut-view-common.h"

/* The rows borrow their FP rows from one table, shared by reference counting. */
typedef struct {
  StormcutFpTable *table;
} SharedTable;

typedef struct {
  SharedTable         *shared;
  const StormcutFpRow *row;
} FpRowRef;

typedef struct {
  GtkDropDown *dropdown;
  GtkLabel    *meaning_label;
  GtkEntry    *reason_entry;
  GtkLabel    *value_label;
} FactorWidgets;

struct _StormcutFpView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkPaned           *paned;
  GtkDropDown        *profile_dropdown;
  GtkDropDown        *method_dropdown;
  GtkLabel           *total_label;
  GtkColumnView      *column_view;
  GtkBox             *override_box;
  GtkLabel           *override_label;
  GtkDropDown        *type_dropdown;
  GtkCheckButton     *excluded_check;
  GtkEntry           *reason_entry;
  GtkGrid            *cost_grid;

  /* widgets made in code (the cost sheet) */
  GtkDropDown        *edition_dropdown;
  GtkLabel           *edition_label;
  GtkLabel           *unit_price_label;
  GtkLabel           *fp_label;
  GtkLabel           *base_cost_label;
  GtkLabel           *scale_factor_label;
  GtkLabel           *after_scale_label;
  FactorWidgets       factors[STORMCUT_COST_N_FACTORS];
  GtkLabel           *development_cost_label;
  GtkSpinButton      *direct_expenses_spin;
  GtkSpinButton      *profit_rate_spin;
  GtkLabel           *profit_label;
  GtkLabel           *sw_cost_label;
  GtkLabel           *vat_label;
  GtkLabel           *total_with_vat_label;
  GtkLabel           *cost_warnings_label;

  /* owned references */
  StormcutViewBinding binding;      /* the model; rebuild() when it changes */
  GListStore         *rows;         /* of StormcutViewRow (FpRowRef) */
  GtkSingleSelection *selection;
  SharedTable        *shared;
  char               *editor_key;   /* row shown in the override bar */

  StormcutCostEstimate estimate;
  gboolean            updating;     /* filling widgets from the model: ignore their signals */
};

G_DEFINE_FINAL_TYPE (StormcutFpView, stormcut_fp_view, GTK_TYPE_WIDGET)

static void
shared_table_clear (SharedTable *shared)
{
  g_clear_pointer (&shared->table, stormcut_fp_table_free);
}

static void
shared_table_unref (SharedTable *shared)
{
  g_rc_box_release_full (shared, (GDestroyNotify) shared_table_clear);
}

static void
fp_row_ref_free (FpRowRef *ref)
{
  shared_table_unref (ref->shared);
  g_free (ref);
}

static char *
format_won (gint64 won)
{
  g_autofree char *number = stormcut_cost_format_won (won);

  /* TRANSLATORS: an amount of money in Korean won */
  return g_strdup_printf (_("%s won"), number);
}

static void
set_won (GtkLabel *label,
         gint64    won)
{
  g_autofree char *text = format_won (won);

  gtk_label_set_text (label, text);
}

/* "0.94" from ten-thousandths. */
static char *
format_factor (int value)
{
  return g_strdup_printf ("%d.%02d", value / 10000, (value % 10000) / 100);
}

/* --- columns ------------------------------------------------------------------------ */

static char *
cell_text (StormcutFpView      *self,
           const StormcutFpRow *row,
           StormcutFpColumn     column)
{
  switch (column)
    {
    case STORMCUT_FP_COLUMN_APPLICATION:
      return g_strdup (row->application);
    case STORMCUT_FP_COLUMN_SERVICE:
      return g_strdup (row->service);
    case STORMCUT_FP_COLUMN_PROCESS:
      return g_strdup (row->process);
    case STORMCUT_FP_COLUMN_DESCRIPTION:
      return g_strdup (row->description);
    case STORMCUT_FP_COLUMN_TYPE:
      if (row->excluded)
        /* TRANSLATORS: FP type of a row the user excluded from the count */
        return g_strdup_printf (_("%s (excluded)"), stormcut_fp_type_to_string (row->type));
      return g_strdup (stormcut_fp_type_to_string (row->type));
    case STORMCUT_FP_COLUMN_RET_FTR:
      return row->ret_ftr >= 0 ? g_strdup_printf ("%d", row->ret_ftr) : NULL;
    case STORMCUT_FP_COLUMN_DET:
      return row->det >= 0 ? g_strdup_printf ("%d", row->det) : NULL;
    case STORMCUT_FP_COLUMN_COMPLEXITY:
      return g_strdup (stormcut_fp_complexity_get_label (row->complexity));
    case STORMCUT_FP_COLUMN_WEIGHT:
      return stormcut_fp_format_tenths (row->weight_tenths);
    case STORMCUT_FP_COLUMN_FP:
      return stormcut_fp_format_tenths (row->fp_tenths);
    case STORMCUT_FP_COLUMN_NOTE:
      return g_strdup (row->note);
    case STORMCUT_FP_COLUMN_ELEMENT:
      return g_strdup (row->element_id);
    case STORMCUT_FP_COLUMN_CONTEXT:
      if (row->context_id != NULL && self->binding.model != NULL)
        return g_strdup (stormcut_view_context_name (self->binding.model, row->context_id));
      return NULL;
    case STORMCUT_FP_N_COLUMNS:
    default:
      return NULL;
    }
}

typedef struct {
  StormcutFpView  *view;
  StormcutFpColumn column;
} ColumnData;

static char *
column_text (gpointer data,
             gpointer user_data)
{
  FpRowRef *ref = data;
  ColumnData *column = user_data;

  return cell_text (column->view, ref->row, column->column);
}

static const struct {
  const char *title;
  gboolean    expand;
  gboolean    numeric;
  int         width;   /* fixed width in pixels */
} columns[STORMCUT_FP_N_COLUMNS] = {
  [STORMCUT_FP_COLUMN_APPLICATION] = { N_("Application"),         FALSE, FALSE, 110 },
  [STORMCUT_FP_COLUMN_SERVICE]     = { N_("Sub-task (service)"),  FALSE, FALSE, 120 },
  [STORMCUT_FP_COLUMN_PROCESS]     = { N_("Unit process"),        TRUE,  FALSE, 170 },
  [STORMCUT_FP_COLUMN_DESCRIPTION] = { N_("Description"),         FALSE, FALSE, 150 },
  [STORMCUT_FP_COLUMN_TYPE]        = { N_("FP type"),             FALSE, FALSE, 75 },
  [STORMCUT_FP_COLUMN_RET_FTR]     = { N_("RET/FTR"),             FALSE, TRUE,  70 },
  [STORMCUT_FP_COLUMN_DET]         = { N_("DET"),                 FALSE, TRUE,  50 },
  [STORMCUT_FP_COLUMN_COMPLEXITY]  = { N_("Complexity"),          FALSE, FALSE, 85 },
  [STORMCUT_FP_COLUMN_WEIGHT]      = { N_("Weight"),              FALSE, TRUE,  65 },
  [STORMCUT_FP_COLUMN_FP]          = { N_("FP"),                  FALSE, TRUE,  55 },
  [STORMCUT_FP_COLUMN_NOTE]        = { N_("Note (rule applied)"), TRUE,  FALSE, 260 },
  [STORMCUT_FP_COLUMN_ELEMENT]     = { N_("Element id"),          FALSE, FALSE, 130 },
  [STORMCUT_FP_COLUMN_CONTEXT]     = { N_("Bounded context"),     FALSE, FALSE, 110 },
};

/* --- the override bar ---------------------------------------------------------------- */

static const StormcutFpRow *
selected_row (StormcutFpView *self)
{
  StormcutViewRow *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? ((FpRowRef *) stormcut_view_row_get_data (item))->row : NULL;
}

static void
fill_override_bar (StormcutFpView *self)
{
  const StormcutFpRow *row = selected_row (self);
  gboolean same;

  self->updating = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), row != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->excluded_check), row != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_entry), row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fp.apply-override", row != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "fp.clear-override", row != NULL && row->overridden);

  if (row == NULL)
    {
      gtk_label_set_text (self->override_label, _("Select a row to change its type or exclude it."));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->override_label), NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), "");
      g_clear_pointer (&self->editor_key, g_free);
      self->updating = FALSE;
      return;
    }

  same = g_strcmp0 (self->editor_key, row->key) == 0;
  gtk_label_set_text (self->override_label, row->process);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->override_label), row->note);
  gtk_drop_down_set_selected (self->type_dropdown, row->type);
  gtk_check_button_set_active (self->excluded_check, row->excluded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), !row->excluded);
  /* Keep what the user is typing while other changes arrive. */
  if (!(same && gtk_widget_has_focus (GTK_WIDGET (self->reason_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->reason_entry),
                           row->override_reason != NULL ? row->override_reason : "");
  g_free (self->editor_key);
  self->editor_key = g_strdup (row->key);
  self->updating = FALSE;
}

/* --- the cost sheet ------------------------------------------------------------------ */

static void
fill_cost (StormcutFpView *self,
           gint64          fp_tenths)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StormcutCostSettings) settings = NULL;
  g_autofree char *fp = NULL;
  g_autofree char *scale = NULL;
  g_autofree char *warning_text = NULL;

  if (self->binding.model != NULL)
    settings = stormcut_cost_settings_load (self->binding.model, warnings);
  else
    settings = stormcut_cost_settings_new ();
  stormcut_cost_compute (settings, fp_tenths, &self->estimate);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->edition_dropdown, settings->edition);
  gtk_label_set_text (self->edition_label, stormcut_cost_edition_get_label (settings->edition));
  set_won (self->unit_price_label, self->estimate.unit_price);
  fp = stormcut_fp_format_tenths (fp_tenths);
  gtk_label_set_text (self->fp_label, fp);
  set_won (self->base_cost_label, self->estimate.base_cost);
  scale = g_strdup_printf ("× %.4f", self->estimate.scale_factor);
  gtk_label_set_text (self->scale_factor_label, scale);
  set_won (self->after_scale_label, self->estimate.after_scale);

  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      FactorWidgets *widgets = &self->factors[i];
      int level = settings->levels[i];

      gtk_drop_down_set_selected (widgets->dropdown, (guint) (level - 1));
      gtk_label_set_text (widgets->meaning_label, stormcut_cost_factor_get_level_label (i, level));
      gtk_widget_set_visible (GTK_WIDGET (widgets->meaning_label),
                              stormcut_cost_factor_get_level_label (i, level)[0] != '\0');
      if (!gtk_widget_has_focus (GTK_WIDGET (widgets->reason_entry)) &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widgets->reason_entry)), settings->reasons[i]) != 0)
        gtk_editable_set_text (GTK_EDITABLE (widgets->reason_entry), settings->reasons[i]);
      set_won (widgets->value_label, self->estimate.after_factor[i]);
    }

  set_won (self->development_cost_label, self->estimate.development_cost);
  gtk_spin_button_set_value (self->direct_expenses_spin, (double) settings->direct_expenses);
  gtk_spin_button_set_value (self->profit_rate_spin, settings->profit_rate_bp / 100.0);
  set_won (self->profit_label, self->estimate.profit);
  set_won (self->sw_cost_label, self->estimate.sw_cost);
  set_won (self->vat_label, self->estimate.vat);
  set_won (self->total_with_vat_label, self->estimate.total_with_vat);

  g_ptr_array_add (warnings, NULL);
  warning_text = g_strjoinv ("\n", (char **) warnings->pdata);
  gtk_label_set_text (self->cost_warnings_label, warning_text);
  gtk_widget_set_visible (GTK_WIDGET (self->cost_warnings_label), warning_text[0] != '\0');
  self->updating = FALSE;
}

typedef void (*CostChange) (StormcutCostSettings *settings, gpointer data);

static void
change_cost (StormcutFpView *self,
             CostChange      change,
             gpointer        data)
{
  g_autoptr(StormcutCostSettings) settings = NULL;
  g_autoptr(StormcutCostSettings) before = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->binding.model == NULL)
    return;

  settings = stormcut_cost_settings_load (self->binding.model, NULL);
  before = stormcut_cost_settings_copy (settings);
  change (settings, data);

  /* Nothing to store when the value did not change. */
  if (settings->edition == before->edition && settings->direct_expenses == before->direct_expenses &&
      settings->profit_rate_bp == before->profit_rate_bp &&
      memcmp (settings->levels, before->levels, sizeof settings->levels) == 0)
    {
      gboolean same_reasons = TRUE;
      for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
        if (g_strcmp0 (settings->reasons[i], before->reasons[i]) != 0)
          same_reasons = FALSE;
      if (same_reasons)
        return;
    }

  if (!stormcut_cost_settings_store (settings, self->binding.model, &error))
    {
      stormcut_view_show_error (GTK_WIDGET (self), _("Could not change the cost settings"), error);
      fill_cost (self, self->shared != NULL && self->shared->table != NULL ? self->shared->table->total.total_tenths : 0);
    }
}

/* --- rebuilding ---------------------------------------------------------------------- */

static void
update_total (StormcutFpView        *self,
              const StormcutFpTable *table)
{
  g_autofree char *total = stormcut_fp_format_tenths (table->total.total_tenths);
  g_autofree char *text = NULL;

  /* TRANSLATORS: the total of the FP table and the number of rows of each type */
  text = g_strdup_printf (_("Total %s FP · ILF %u · EIF %u · EI %u · EO %u · EQ %u"), total,
                          table->total.counts[STORMCUT_FP_ILF], table->total.counts[STORMCUT_FP_EIF],
                          table->total.counts[STORMCUT_FP_EI], table->total.counts[STORMCUT_FP_EO],
                          table->total.counts[STORMCUT_FP_EQ]);
  gtk_label_set_text (self->total_label, text);
}

static void
rebuild (StormcutFpView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected_key = g_strdup (self->editor_key);
  SharedTable *shared;
  guint position;

  shared = g_rc_box_new0 (SharedTable);
  if (self->binding.model != NULL)
    shared->table = stormcut_fp_count (self->binding.model, stormcut_fp_get_profile (self->binding.model),
                                       stormcut_fp_get_method (self->binding.model));
  g_clear_pointer (&self->shared, shared_table_unref);
  self->shared = shared;

  for (guint i = 0; shared->table != NULL && i < shared->table->rows->len; i++)
    {
      FpRowRef *ref = g_new0 (FpRowRef, 1);

      ref->shared = g_rc_box_acquire (shared);
      ref->row = g_ptr_array_index (shared->table->rows, i);
      g_ptr_array_add (items, stormcut_view_row_new (ref->row->key, ref, (GDestroyNotify) fp_row_ref_free));
    }

  self->updating = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  position = stormcut_view_find_key (G_LIST_MODEL (self->rows), selected_key);
  gtk_single_selection_set_selected (self->selection, position);
  if (self->binding.model != NULL)
    {
      gtk_drop_down_set_selected (self->profile_dropdown, stormcut_fp_get_profile (self->binding.model));
      gtk_drop_down_set_selected (self->method_dropdown, stormcut_fp_get_method (self->binding.model));
    }
  self->updating = FALSE;

  if (shared->table != NULL)
    update_total (self, shared->table);
  else
    gtk_label_set_text (self->total_label, "");
  fill_override_bar (self);
  fill_cost (self, shared->table != NULL ? shared->table->total.total_tenths : 0);
}

static gboolean
change_concerns_view (StormcutObjectType  type,
                      const char         *id)
{
  /* The checklist's settings do not touch the count or the cost. */
  return !(type == STORMCUT_OBJECT_MODEL && id != NULL && g_str_has_prefix (id, "diagnosis."));
}

/* --- callbacks ----------------------------------------------------------------------- */

static void
selection_changed_cb (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      StormcutFpView    *self)
{
  if (!self->updating)
    fill_override_bar (self);
}

static void
profile_selected_cb (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     StormcutFpView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->binding.model == NULL || selected >= STORMCUT_FP_N_PROFILES ||
      selected == stormcut_fp_get_profile (self->binding.model))
    return;
  if (!stormcut_fp_set_profile (self->binding.model, selected, &error))
    stormcut_view_show_error (GTK_WIDGET (self), _("Could not change the counting profile"), error);
}

static void
method_selected_cb (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    StormcutFpView *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->binding.model == NULL || selected >= STORMCUT_FP_N_METHODS ||
      selected == stormcut_fp_get_method (self->binding.model))
    return;
  if (!stormcut_fp_set_method (self->binding.model, selected, &error))
    stormcut_view_show_error (GTK_WIDGET (self), _("Could not change the counting method"), error);
}

static void
excluded_toggled_cb (GtkCheckButton *check,
                     StormcutFpView *self)
{
  if (!self->updating)
    gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), !gtk_check_button_get_active (check));
}

static void
reason_activate_cb (GtkEntry       *entry,
                    StormcutFpView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "fp.apply-override", NULL);
}

static void
apply_override_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StormcutFpView *self = STORMCUT_FP_VIEW (widget);
  const StormcutFpRow *row = selected_row (self);
  g_autofree char *key = NULL;
  g_autofree char *reason = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (row == NULL || self->binding.model == NULL)
    return;
  key = g_strdup (row->key);
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  if (gtk_check_button_get_active (self->excluded_check))
    ok = stormcut_fp_exclude (self->binding.model, key, reason, &error);
  else
    ok = stormcut_fp_set_override (self->binding.model, key, gtk_drop_down_get_selected (self->type_dropdown), reason, &error);
  if (!ok)
    {
      stormcut_view_show_error (widget, _("Could not change the function-point row"), error);
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
    }
}

static void
clear_override_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  StormcutFpView *self = STORMCUT_FP_VIEW (widget);
  const StormcutFpRow *row = selected_row (self);
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL || self->binding.model == NULL)
    return;
  key = g_strdup (row->key);
  if (!stormcut_fp_clear_override (self->binding.model, key, &error))
    stormcut_view_show_error (widget, _("Could not change the function-point row"), error);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StormcutFpView *self = STORMCUT_FP_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  StormcutExportDialog *dialog;

  if (self->binding.model == NULL)
    return;
  dialog = stormcut_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->binding.model);
  stormcut_export_dialog_set_what (dialog, STORMCUT_EXPORT_FP);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_edition (StormcutCostSettings *settings,
             gpointer              data)
{
  settings->edition = GPOINTER_TO_UINT (data);
}

static void
edition_selected_cb (GtkDropDown    *dropdown,
                     GParamSpec     *pspec,
                     StormcutFpView *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected < STORMCUT_COST_N_EDITIONS)
    change_cost (self, set_edition, GUINT_TO_POINTER (selected));
}

typedef struct {
  StormcutCostFactor factor;
  int                level;
  const char        *reason;
} FactorChange;

static void
set_factor_level (StormcutCostSettings *settings,
                  gpointer              data)
{
  FactorChange *change = data;

  settings->levels[change->factor] = change->level;
}

static void
set_factor_reason (StormcutCostSettings *settings,
                   gpointer              data)
{
  FactorChange *change = data;

  g_free (settings->reasons[change->factor]);
  settings->reasons[change->factor] = g_strdup (change->reason);
}

static void
factor_selected_cb (GtkDropDown    *dropdown,
                    GParamSpec     *pspec,
                    StormcutFpView *self)
{
  FactorChange change;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return;
  change.factor = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "stormcut-factor"));
  change.level = (int) selected + 1;
  change_cost (self, set_factor_level, &change);
}

static void
apply_factor_reason (StormcutFpView *self,
                     GtkEntry       *entry)
{
  FactorChange change;

  change.factor = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (entry), "stormcut-factor"));
  change.reason = gtk_editable_get_text (GTK_EDITABLE (entry));
  change_cost (self, set_factor_reason, &change);
}

static void
factor_reason_activate_cb (GtkEntry       *entry,
                           StormcutFpView *self)
{
  apply_factor_reason (self, entry);
}

static void
factor_reason_leave_cb (GtkEventControllerFocus *controller,
                        StormcutFpView          *self)
{
  apply_factor_reason (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
set_direct_expenses (StormcutCostSettings *settings,
                     gpointer              data)
{
  settings->direct_expenses = *(gint64 *) data;
}

static void
direct_expenses_changed_cb (GtkSpinButton  *spin,
                            StormcutFpView *self)
{
  gint64 won = (gint64) (gtk_spin_button_get_value (spin) + 0.5);

  change_cost (self, set_direct_expenses, &won);
}

static void
set_profit_rate (StormcutCostSettings *settings,
                 gpointer              data)
{
  settings->profit_rate_bp = GPOINTER_TO_INT (data);
}

static void
profit_rate_changed_cb (GtkSpinButton  *spin,
                        StormcutFpView *self)
{
  int bp = (int) (gtk_spin_button_get_value (spin) * 100.0 + 0.5);

  change_cost (self, set_profit_rate, GINT_TO_POINTER (bp));
}

/* --- building the cost sheet --------------------------------------------------------- */

static GtkLabel *
add_caption (StormcutFpView *self,
             const char     *text,
             int             row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
  gtk_grid_attach (self->cost_grid, label, 0, row, 1, 1);
  return GTK_LABEL (label);
}

static GtkLabel *
add_value (StormcutFpView *self,
           int             row,
           gboolean        strong)
{
  GtkWidget *label = gtk_label_new ("");

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "numeric");
  if (strong)
    gtk_widget_add_css_class (label, "heading");
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_grid_attach (self->cost_grid, label, 2, row, 1, 1);
  return GTK_LABEL (label);
}

static void
build_cost_sheet (StormcutFpView *self)
{
  g_autoptr(GtkStringList) editions = gtk_string_list_new (NULL);
  GtkWidget *heading, *widget;
  int row = 0;

  heading = gtk_label_new (_("Cost estimate (KOSA)"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_widget_add_css_class (heading, "title-4");
  gtk_grid_attach (self->cost_grid, heading, 0, row++, 3, 1);

  add_caption (self, _("Edition"), row);
  for (guint i = 0; i < STORMCUT_COST_N_EDITIONS; i++)
    {
      g_autofree char *price = format_won (stormcut_cost_edition_unit_price (i));
      /* TRANSLATORS: an edition of the KOSA guide and its price per FP, "2024 (605,784 won)" */
      g_autofree char *item = g_strdup_printf (_("%s (%s)"), stormcut_cost_edition_to_string (i), price);
      gtk_string_list_append (editions, item);
    }
  self->edition_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (editions)), NULL));
  gtk_grid_attach (self->cost_grid, GTK_WIDGET (self->edition_dropdown), 1, row++, 2, 1);
  self->edition_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->edition_label, 0.0);
  gtk_label_set_wrap (self->edition_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->edition_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->edition_label), "caption");
  gtk_grid_attach (self->cost_grid, GTK_WIDGET (self->edition_label), 1, row++, 2, 1);
  g_signal_connect (self->edition_dropdown, "notify::selected", G_CALLBACK (edition_selected_cb), self);

  add_caption (self, _("Unit price per FP"), row);
  self->unit_price_label = add_value (self, row++, FALSE);
  add_caption (self, _("Function points"), row);
  self->fp_label = add_value (self, row++, FALSE);
  add_caption (self, _("Cost before correction"), row);
  self->base_cost_label = add_value (self, row++, FALSE);

  gtk_grid_attach (self->cost_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 3, 1);
  add_caption (self, _("Size factor"), row);
  self->scale_factor_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->scale_factor_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->scale_factor_label), "numeric");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->scale_factor_label),
                               _("1.28 below 500 FP, 1.153 above 3,000 FP, else 0.4057 × (ln FP − 7.1978)² + 0.8878"));
  gtk_grid_attach (self->cost_grid, GTK_WIDGET (self->scale_factor_label), 1, row, 1, 1);
  self->after_scale_label = add_value (self, row++, FALSE);

  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      FactorWidgets *widgets = &self->factors[i];
      g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
      GtkEventController *focus;

      add_caption (self, stormcut_cost_factor_get_label (i), row);
      for (int level = 1; level <= 5; level++)
        {
          g_autofree char *factor = format_factor (stormcut_cost_factor_value (i, level));
          /* TRANSLATORS: a level of a correction factor and its value, "3 (1.00)" */
          g_autofree char *item = g_strdup_printf (_("Level %d (%s)"), level, factor);
          gtk_string_list_append (levels, item);
        }
      widgets->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (levels)), NULL));
      g_object_set_data (G_OBJECT (widgets->dropdown), "stormcut-factor", GUINT_TO_POINTER (i));
      g_signal_connect (widgets->dropdown, "notify::selected", G_CALLBACK (factor_selected_cb), self);
      gtk_grid_attach (self->cost_grid, GTK_WIDGET (widgets->dropdown), 1, row, 1, 1);
      widgets->value_label = add_value (self, row++, FALSE);

      widgets->meaning_label = GTK_LABEL (gtk_label_new (""));
      gtk_label_set_xalign (widgets->meaning_label, 0.0);
      gtk_label_set_wrap (widgets->meaning_label, TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (widgets->meaning_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (widgets->meaning_label), "caption");
      gtk_grid_attach (self->cost_grid, GTK_WIDGET (widgets->meaning_label), 1, row++, 2, 1);

      widgets->reason_entry = GTK_ENTRY (gtk_entry_new ());
      gtk_entry_set_placeholder_text (widgets->reason_entry, _("Reason for this level"));
      g_object_set_data (G_OBJECT (widgets->reason_entry), "stormcut-factor", GUINT_TO_POINTER (i));
      g_signal_connect (widgets->reason_entry, "activate", G_CALLBACK (factor_reason_activate_cb), self);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "leave", G_CALLBACK (factor_reason_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (widgets->reason_entry), focus);
      gtk_grid_attach (self->cost_grid, GTK_WIDGET (widgets->reason_entry), 1, row++, 2, 1);
    }

  gtk_grid_attach (self->cost_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 3, 1);
  add_caption (self, _("Development cost"), row);
  self->development_cost_label = add_value (self, row++, TRUE);

  add_caption (self, _("Direct expenses (won)"), row);
  widget = gtk_spin_button_new_with_range (0, 1e13, 100000);
  self->direct_expenses_spin = GTK_SPIN_BUTTON (widget);
  gtk_spin_button_set_digits (self->direct_expenses_spin, 0);
  gtk_spin_button_set_numeric (self->direct_expenses_spin, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  g_signal_connect (widget, "value-changed", G_CALLBACK (direct_expenses_changed_cb), self);
  gtk_grid_attach (self->cost_grid, widget, 1, row++, 2, 1);

  add_caption (self, _("Profit rate (%, at most 25)"), row);
  widget = gtk_spin_button_new_with_range (0, STORMCUT_COST_MAX_PROFIT_RATE_BP / 100.0, 0.5);
  self->profit_rate_spin = GTK_SPIN_BUTTON (widget);
  gtk_spin_button_set_digits (self->profit_rate_spin, 2);
  gtk_spin_button_set_numeric (self->profit_rate_spin, TRUE);
  g_signal_connect (widget, "value-changed", G_CALLBACK (profit_rate_changed_cb), self);
  gtk_grid_attach (self->cost_grid, widget, 1, row, 1, 1);
  self->profit_label = add_value (self, row++, FALSE);

  gtk_grid_attach (self->cost_grid, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++, 3, 1);
  add_caption (self, _("SW development cost"), row);
  self->sw_cost_label = add_value (self, row++, TRUE);
  add_caption (self, _("VAT (10 %)"), row);
  self->vat_label = add_value (self, row++, FALSE);
  add_caption (self, _("Total with VAT"), row);
  self->total_with_vat_label = add_value (self, row++, TRUE);

  self->cost_warnings_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->cost_warnings_label, TRUE);
  gtk_label_set_xalign (self->cost_warnings_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->cost_warnings_label), "warning");
  gtk_grid_attach (self->cost_grid, GTK_WIDGET (self->cost_warnings_label), 0, row++, 3, 1);
}

/* --- vfuncs -------------------------------------------------------------------------- */

static void
stormcut_fp_view_map (GtkWidget *widget)
{
  StormcutFpView *self = STORMCUT_FP_VIEW (widget);

  GTK_WIDGET_CLASS (stormcut_fp_view_parent_class)->map (widget);

  stormcut_view_binding_map (&self->binding);
}

static void
stormcut_fp_view_dispose (GObject *object)
{
  StormcutFpView *self = STORMCUT_FP_VIEW (object);

  stormcut_view_binding_clear (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_FP_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->shared, shared_table_unref);

  G_OBJECT_CLASS (stormcut_fp_view_parent_class)->dispose (object);
}

static void
stormcut_fp_view_finalize (GObject *object)
{
  StormcutFpView *self = STORMCUT_FP_VIEW (object);

  g_free (self->editor_key);

  G_OBJECT_CLASS (stormcut_fp_view_parent_class)->finalize (object);
}

static void
stormcut_fp_view_class_init (StormcutFpViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_fp_view_dispose;
  object_class->finalize = stormcut_fp_view_finalize;
  widget_class->map = stormcut_fp_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-fp-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, paned);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, method_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, total_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, override_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, override_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, excluded_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, StormcutFpView, cost_grid);

  gtk_widget_class_install_action (widget_class, "fp.apply-override", NULL, apply_override_action_cb);
  gtk_widget_class_install_action (widget_class, "fp.clear-override", NULL, clear_override_action_cb);
  gtk_widget_class_install_action (widget_class, "fp.export", NULL, export_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_fp_view_init (StormcutFpView *self)
{
  g_autoptr(GtkStringList) profiles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  stormcut_view_binding_init (&self->binding, GTK_WIDGET (self), (StormcutViewRebuildFunc) rebuild,
                              change_concerns_view);

  for (guint i = 0; i < STORMCUT_FP_N_PROFILES; i++)
    gtk_string_list_append (profiles, stormcut_fp_profile_get_label (i));
  gtk_drop_down_set_model (self->profile_dropdown, G_LIST_MODEL (profiles));
  for (guint i = 0; i < STORMCUT_FP_N_METHODS; i++)
    gtk_string_list_append (methods, stormcut_fp_method_get_label (i));
  gtk_drop_down_set_model (self->method_dropdown, G_LIST_MODEL (methods));
  for (guint i = 0; i < STORMCUT_FP_N_TYPES; i++)
    gtk_string_list_append (types, stormcut_fp_type_get_label (i));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));
  g_signal_connect (self->profile_dropdown, "notify::selected", G_CALLBACK (profile_selected_cb), self);
  g_signal_connect (self->method_dropdown, "notify::selected", G_CALLBACK (method_selected_cb), self);
  g_signal_connect (self->excluded_check, "toggled", G_CALLBACK (excluded_toggled_cb), self);
  g_signal_connect (self->reason_entry, "activate", G_CALLBACK (reason_activate_cb), self);

  self->rows = g_list_store_new (STORMCUT_TYPE_VIEW_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  for (guint i = 0; i < STORMCUT_FP_N_COLUMNS; i++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      GtkColumnViewColumn *column;

      data->view = self;
      data->column = i;
      column = stormcut_view_add_text_column (self->column_view, _(columns[i].title), column_text, data,
                                              columns[i].expand, columns[i].numeric);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      g_object_set_data_full (G_OBJECT (column), "stormcut-column-data", data, g_free);
    }

  build_cost_sheet (self);
  rebuild (self);
}

/* --- public API ---------------------------------------------------------------------- */

GtkWidget *
stormcut_fp_view_new (void)
{
  return g_object_new (STORMCUT_TYPE_FP_VIEW, NULL);
}

void
stormcut_fp_view_set_model (StormcutFpView *self,
                            StormcutModel  *model)
{
  g_return_if_fail (STORMCUT_IS_FP_VIEW (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->binding.model == model)
    return;

  g_clear_pointer (&self->editor_key, g_free);
  stormcut_view_binding_set_model (&self->binding, model);
}

void
stormcut_fp_view_refresh (StormcutFpView *self)
{
  g_return_if_fail (STORMCUT_IS_FP_VIEW (self));

  stormcut_view_binding_flush (&self->binding);
}

guint
stormcut_fp_view_get_n_rows (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static const StormcutFpRow *
get_row (StormcutFpView *self,
         guint           index)
{
  g_autoptr(StormcutViewRow) item = g_list_model_get_item (G_LIST_MODEL (self->rows), index);

  return item != NULL ? ((FpRowRef *) stormcut_view_row_get_data (item))->row : NULL;
}

char *
stormcut_fp_view_get_cell_text (StormcutFpView   *self,
                                guint             index,
                                StormcutFpColumn  column)
{
  const StormcutFpRow *row;

  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);

  row = get_row (self, index);
  return row != NULL ? cell_text (self, row, column) : NULL;
}

const char *
stormcut_fp_view_get_row_key (StormcutFpView *self,
                              guint           index)
{
  const StormcutFpRow *row;

  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);

  row = get_row (self, index);
  return row != NULL ? row->key : NULL;
}

void
stormcut_fp_view_select_row (StormcutFpView *self,
                             guint           index)
{
  g_return_if_fail (STORMCUT_IS_FP_VIEW (self));

  gtk_single_selection_set_selected (self->selection, index);
}

void
stormcut_fp_view_get_estimate (StormcutFpView       *self,
                               StormcutCostEstimate *out_estimate)
{
  g_return_if_fail (STORMCUT_IS_FP_VIEW (self));
  g_return_if_fail (out_estimate != NULL);

  *out_estimate = self->estimate;
}

GtkDropDown *
stormcut_fp_view_get_profile_dropdown (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->profile_dropdown;
}

GtkDropDown *
stormcut_fp_view_get_method_dropdown (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->method_dropdown;
}

GtkDropDown *
stormcut_fp_view_get_type_dropdown (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->type_dropdown;
}

GtkCheckButton *
stormcut_fp_view_get_excluded_check (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->excluded_check;
}

GtkEntry *
stormcut_fp_view_get_reason_entry (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->reason_entry;
}

GtkDropDown *
stormcut_fp_view_get_edition_dropdown (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->edition_dropdown;
}

GtkDropDown *
stormcut_fp_view_get_factor_dropdown (StormcutFpView     *self,
                                      StormcutCostFactor  factor)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, NULL);
  return self->factors[factor].dropdown;
}

GtkEntry *
stormcut_fp_view_get_factor_reason_entry (StormcutFpView     *self,
                                          StormcutCostFactor  factor)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, NULL);
  return self->factors[factor].reason_entry;
}

GtkSpinButton *
stormcut_fp_view_get_direct_expenses_spin (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->direct_expenses_spin;
}

GtkSpinButton *
stormcut_fp_view_get_profit_rate_spin (StormcutFpView *self)
{
  g_return_val_if_fail (STORMCUT_IS_FP_VIEW (self), NULL);
  return self->profit_rate_spin;
}
