/* stormcut-diagnosis.h: MSA adoption self-diagnosis (DOMAIN.md §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ten yes/no questions in four groups (stable operation: q1–q3; responding to business and
 * technology change: q4–q6; development quality: q7–q8; development period: q9–q10) and five
 * adoption conditions (c1 frequent deployment, c2 performance sensitivity, c3 distributed
 * transactions, c4 cost versus benefit, c5 DevOps culture).  Verdict from the questions only:
 * 6 or more "yes" -> adopting cloud native / MSA is worth reviewing; 3 or fewer -> keep the
 * current architecture; 4 or 5 -> borderline.  Unanswered questions count as not "yes".
 *
 * Settings stored in the document:
 *   "diagnosis.<item>"       "yes" | "no"   (absent = unanswered), <item> = q1..q10, c1..c5
 *   "diagnosis.<item>.note"  free text
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"

G_BEGIN_DECLS

#define STORMCUT_DIAGNOSIS_ERROR (stormcut_diagnosis_error_quark ())

typedef enum {
  STORMCUT_DIAGNOSIS_ERROR_INVALID,   /* unknown item or answer */
} StormcutDiagnosisError;

GQuark stormcut_diagnosis_error_quark (void);

#define STORMCUT_DIAGNOSIS_N_QUESTIONS  10
#define STORMCUT_DIAGNOSIS_N_CONDITIONS 5
#define STORMCUT_DIAGNOSIS_REVIEW_MIN   6   /* this many "yes" or more: worth reviewing MSA */
#define STORMCUT_DIAGNOSIS_KEEP_MAX     3   /* this many "yes" or fewer: keep the architecture */

typedef enum {
  STORMCUT_DIAGNOSIS_GROUP_STABLE_OPERATION,
  STORMCUT_DIAGNOSIS_GROUP_CHANGE,
  STORMCUT_DIAGNOSIS_GROUP_QUALITY,
  STORMCUT_DIAGNOSIS_GROUP_PERIOD,
  STORMCUT_DIAGNOSIS_N_GROUPS
} StormcutDiagnosisGroup;

typedef enum {
  STORMCUT_ANSWER_NONE,
  STORMCUT_ANSWER_YES,
  STORMCUT_ANSWER_NO,
} StormcutAnswer;

typedef enum {
  STORMCUT_VERDICT_KEEP,        /* ≤ 3 yes */
  STORMCUT_VERDICT_BORDERLINE,  /* 4–5 yes */
  STORMCUT_VERDICT_REVIEW,      /* ≥ 6 yes */
} StormcutVerdict;

typedef struct {
  StormcutAnswer  answers[STORMCUT_DIAGNOSIS_N_QUESTIONS];
  char           *notes[STORMCUT_DIAGNOSIS_N_QUESTIONS];             /* never NULL */
  StormcutAnswer  conditions[STORMCUT_DIAGNOSIS_N_CONDITIONS];
  char           *condition_notes[STORMCUT_DIAGNOSIS_N_CONDITIONS];  /* never NULL */
  guint           n_yes;
  guint           n_answered;
  StormcutVerdict verdict;
} StormcutDiagnosis;

/* Reads the answers stored in @model (unreadable answers count as unanswered). */
StormcutDiagnosis *stormcut_diagnosis_load   (StormcutModel *model);
void               stormcut_diagnosis_free   (StormcutDiagnosis *diagnosis);

/* @item: "q1".."q10" or "c1".."c5".  STORMCUT_ANSWER_NONE removes the answer. */
gboolean           stormcut_diagnosis_set_answer (StormcutModel *model, const char *item,
                                                  StormcutAnswer answer, GError **error);
/* @note NULL or "" removes the note. */
gboolean           stormcut_diagnosis_set_note   (StormcutModel *model, const char *item,
                                                  const char *note, GError **error);
/* Parses "q3=yes" (also "c2=no", "q1=none"), for the command line. */
gboolean           stormcut_diagnosis_parse_assignment (const char *text, char **out_item,
                                                        StormcutAnswer *out_answer, GError **error);

StormcutVerdict    stormcut_diagnosis_verdict_for (guint n_yes);

/* Texts: @index is 0-based.  All translated. */
StormcutDiagnosisGroup stormcut_diagnosis_question_get_group (guint index);
const char        *stormcut_diagnosis_question_get_text   (guint index);
const char        *stormcut_diagnosis_group_get_label     (StormcutDiagnosisGroup group);
const char        *stormcut_diagnosis_condition_get_title (guint index);
const char        *stormcut_diagnosis_condition_get_text  (guint index);
/* The answer to condition @index that speaks for MSA (c2 and c3: NO; the others: YES). */
StormcutAnswer     stormcut_diagnosis_condition_favourable_answer (guint index);
const char        *stormcut_verdict_to_string (StormcutVerdict verdict);  /* "keep", "borderline", "review" */
const char        *stormcut_verdict_get_label (StormcutVerdict verdict);
const char        *stormcut_answer_to_string  (StormcutAnswer answer);    /* "", "yes", "no" */
const char        *stormcut_answer_get_label  (StormcutAnswer answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutDiagnosis, stormcut_diagnosis_free)

G_END_DECLS
