/* stormcut-diagnosis-view.h: the MSA adoption self-diagnosis checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ten questions in their four groups and the five adoption conditions, each with yes/no
 * buttons (press the pressed one again to clear the answer) and a note, and the verdict,
 * updated as the answers change.  Answers and notes are stored in the document through
 * stormcut_diagnosis_set_answer() / _set_note(), so they are durable and can be undone.
 */
#pragma once

#include <gtk/gtk.h>
#include <stormcut/stormcut.h>
#include <stormcut/stormcut-diagnosis.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_DIAGNOSIS_VIEW (stormcut_diagnosis_view_get_type ())
G_DECLARE_FINAL_TYPE (StormcutDiagnosisView, stormcut_diagnosis_view, STORMCUT, DIAGNOSIS_VIEW, GtkWidget)

/* Items are numbered 0..9 for the questions q1..q10, then 10..14 for the conditions c1..c5. */
#define STORMCUT_DIAGNOSIS_VIEW_N_ITEMS (STORMCUT_DIAGNOSIS_N_QUESTIONS + STORMCUT_DIAGNOSIS_N_CONDITIONS)

GtkWidget *stormcut_diagnosis_view_new       (void);
void       stormcut_diagnosis_view_set_model (StormcutDiagnosisView *self, StormcutModel *model);

/* For tests: runs a pending refresh now. */
void             stormcut_diagnosis_view_refresh          (StormcutDiagnosisView *self);
GtkToggleButton *stormcut_diagnosis_view_get_yes_button   (StormcutDiagnosisView *self, guint item);
GtkToggleButton *stormcut_diagnosis_view_get_no_button    (StormcutDiagnosisView *self, guint item);
GtkEntry        *stormcut_diagnosis_view_get_note_entry   (StormcutDiagnosisView *self, guint item);
const char      *stormcut_diagnosis_view_get_verdict_text (StormcutDiagnosisView *self);

G_END_DECLS
