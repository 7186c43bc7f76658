/* stormcut-fp-view.h: the function-point table and the KOSA cost sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The FP rows of stormcut_fp_count() in the KOSA column order with the rule and the element
 * each row comes from, under the profile (default / MSA) and method (간이법 / 정통법) stored
 * in the document.  The user changes a row's type or excludes it, always with a reason.
 * Beside the table, the cost sheet: edition (단가), the size factor and the four correction
 * factors with their levels and reasons, 직접경비, 이윤율 and every total.  Everything is
 * stored in the document through the analysis API, so it is durable and can be undone.
 *
 * Actions (on the widget): fp.apply-override and fp.clear-override, for the selected row;
 * fp.export opens the export dialog on the function points.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>
#include <stormcut/stormcut-cost.h>
#include <stormcut/stormcut-fp.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_FP_VIEW (stormcut_fp_view_get_type ())
G_DECLARE_FINAL_TYPE (StormcutFpView, stormcut_fp_view, STORMCUT, FP_VIEW, GtkWidget)

/* The table's columns, in the KOSA order, then traceability. */
typedef enum {
  STORMCUT_FP_COLUMN_APPLICATION,
  STORMCUT_FP_COLUMN_SERVICE,
  STORMCUT_FP_COLUMN_PROCESS,
  STORMCUT_FP_COLUMN_DESCRIPTION,
  STORMCUT_FP_COLUMN_TYPE,
  STORMCUT_FP_COLUMN_RET_FTR,
  STORMCUT_FP_COLUMN_DET,
  STORMCUT_FP_COLUMN_COMPLEXITY,
  STORMCUT_FP_COLUMN_WEIGHT,
  STORMCUT_FP_COLUMN_FP,
  STORMCUT_FP_COLUMN_NOTE,
  STORMCUT_FP_COLUMN_ELEMENT,
  STORMCUT_FP_COLUMN_CONTEXT,
  STORMCUT_FP_N_COLUMNS
} StormcutFpColumn;

GtkWidget *stormcut_fp_view_new       (void);
void       stormcut_fp_view_set_model (StormcutFpView *self, StormcutModel *model);

/* For tests: runs a pending refresh now. */
void       stormcut_fp_view_refresh   (StormcutFpView *self);
guint      stormcut_fp_view_get_n_rows (StormcutFpView *self);
/* The text shown in @column of row @index (new string), and the row's key. */
char      *stormcut_fp_view_get_cell_text (StormcutFpView *self, guint index, StormcutFpColumn column);
const char *stormcut_fp_view_get_row_key  (StormcutFpView *self, guint index);
void       stormcut_fp_view_select_row    (StormcutFpView *self, guint index);
/* The cost estimate shown. */
void       stormcut_fp_view_get_estimate  (StormcutFpView *self, StormcutCostEstimate *out_estimate);
/* The editing widgets. */
GtkDropDown    *stormcut_fp_view_get_profile_dropdown (StormcutFpView *self);
GtkDropDown    *stormcut_fp_view_get_method_dropdown  (StormcutFpView *self);
GtkDropDown    *stormcut_fp_view_get_type_dropdown    (StormcutFpView *self);
GtkCheckButton *stormcut_fp_view_get_excluded_check   (StormcutFpView *self);
GtkEntry       *stormcut_fp_view_get_reason_entry     (StormcutFpView *self);
GtkDropDown    *stormcut_fp_view_get_edition_dropdown (StormcutFpView *self);
GtkDropDown    *stormcut_fp_view_get_factor_dropdown  (StormcutFpView *self, StormcutCostFactor factor);
GtkEntry       *stormcut_fp_view_get_factor_reason_entry (StormcutFpView *self, StormcutCostFactor factor);
GtkSpinButton  *stormcut_fp_view_get_direct_expenses_spin (StormcutFpView *self);
GtkSpinButton  *stormcut_fp_view_get_profit_rate_spin (StormcutFpView *self);

G_END_DECLS
