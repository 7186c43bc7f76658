/* test-diagnosis.c: the adoption self-diagnosis (DOMAIN.md §6)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-common.h"
#include <string.h>
#include <stormcut/stormcut-diagnosis.h>

static void
answer_first (StormcutModel *model,
              guint          n_yes)
{
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_QUESTIONS; i++)
    {
      g_autofree char *item = g_strdup_printf ("q%u", i + 1);
      g_autoptr(GError) error = NULL;

      ck_assert (stormcut_diagnosis_set_answer (model, item,
                                                i < n_yes ? STORMCUT_ANSWER_YES : STORMCUT_ANSWER_NO,
                                                &error));
      ck_assert_ptr_null (error);
    }
}

START_TEST (test_verdict_thresholds)
{
  const StormcutVerdict expected[] = {
    STORMCUT_VERDICT_KEEP, STORMCUT_VERDICT_KEEP, STORMCUT_VERDICT_KEEP, STORMCUT_VERDICT_KEEP,
    STORMCUT_VERDICT_BORDERLINE, STORMCUT_VERDICT_BORDERLINE,
    STORMCUT_VERDICT_REVIEW, STORMCUT_VERDICT_REVIEW, STORMCUT_VERDICT_REVIEW,
    STORMCUT_VERDICT_REVIEW, STORMCUT_VERDICT_REVIEW,
  };

  for (guint n = 0; n <= 10; n++)
    ck_assert_int_eq (stormcut_diagnosis_verdict_for (n), expected[n]);
}
END_TEST

START_TEST (test_verdict_from_model)
{
  guint n = (guint) _i;
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutDiagnosis) diagnosis = NULL;

  answer_first (model, n);
  diagnosis = stormcut_diagnosis_load (model);
  ck_assert_uint_eq (diagnosis->n_yes, n);
  ck_assert_uint_eq (diagnosis->n_answered, 10);
  ck_assert_int_eq (diagnosis->verdict, n >= 6 ? STORMCUT_VERDICT_REVIEW
                                        : n <= 3 ? STORMCUT_VERDICT_KEEP : STORMCUT_VERDICT_BORDERLINE);
}
END_TEST

START_TEST (test_answers_and_notes_stored)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert (stormcut_diagnosis_set_answer (model, "q6", STORMCUT_ANSWER_YES, &error));
  ck_assert (stormcut_diagnosis_set_note (model, "q6", "예약·결제 DB 분리 가능", &error));
  ck_assert (stormcut_diagnosis_set_answer (model, "c3", STORMCUT_ANSWER_NO, &error));
  ck_assert (stormcut_diagnosis_set_note (model, "c3", "결제는 이벤트로 정합성 유지", &error));
  ck_assert_ptr_null (error);
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q6"), "yes");
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q6.note"), "예약·결제 DB 분리 가능");
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.c3"), "no");

  diagnosis = stormcut_diagnosis_load (model);
  ck_assert_int_eq (diagnosis->answers[5], STORMCUT_ANSWER_YES);
  ck_assert_int_eq (diagnosis->answers[0], STORMCUT_ANSWER_NONE);
  ck_assert_str_eq (diagnosis->notes[5], "예약·결제 DB 분리 가능");
  ck_assert_str_eq (diagnosis->notes[0], "");
  ck_assert_int_eq (diagnosis->conditions[2], STORMCUT_ANSWER_NO);
  ck_assert_str_eq (diagnosis->condition_notes[2], "결제는 이벤트로 정합성 유지");
  ck_assert_uint_eq (diagnosis->n_yes, 1);
  ck_assert_uint_eq (diagnosis->n_answered, 1);
  ck_assert_int_eq (diagnosis->verdict, STORMCUT_VERDICT_KEEP);

  /* Clearing removes the settings; undo brings the answer back. */
  ck_assert (stormcut_diagnosis_set_answer (model, "q6", STORMCUT_ANSWER_NONE, &error));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "diagnosis.q6"));
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q6"), "yes");
  ck_assert (stormcut_diagnosis_set_note (model, "q6", "", &error));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "diagnosis.q6.note"));
}
END_TEST

START_TEST (test_bad_items)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *bad[] = { "q0", "q11", "c6", "c0", "x1", "q", "q1x", "q01", "", NULL };

  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (!stormcut_diagnosis_set_answer (model, bad[i], STORMCUT_ANSWER_YES, &error), "%s", bad[i]);
      ck_assert (g_error_matches (error, STORMCUT_DIAGNOSIS_ERROR, STORMCUT_DIAGNOSIS_ERROR_INVALID));
    }
  ck_assert_ptr_null (stormcut_model_get_setting (model, "diagnosis.q0"));

  /* A hand-edited value that is neither yes nor no counts as unanswered. */
  ck_assert (stormcut_model_set_setting (model, "diagnosis.q2", "maybe", NULL));
  {
    g_autoptr(StormcutDiagnosis) diagnosis = stormcut_diagnosis_load (model);
    ck_assert_int_eq (diagnosis->answers[1], STORMCUT_ANSWER_NONE);
    ck_assert_uint_eq (diagnosis->n_answered, 0);
  }
}
END_TEST

START_TEST (test_parse_assignment)
{
  g_autofree char *item = NULL;
  StormcutAnswer answer = STORMCUT_ANSWER_NONE;
  g_autoptr(GError) error = NULL;

  ck_assert (stormcut_diagnosis_parse_assignment ("q3=yes", &item, &answer, &error));
  ck_assert_str_eq (item, "q3");
  ck_assert_int_eq (answer, STORMCUT_ANSWER_YES);
  g_clear_pointer (&item, g_free);
  ck_assert (stormcut_diagnosis_parse_assignment (" C5 = No ", &item, &answer, &error));
  ck_assert_str_eq (item, "c5");
  ck_assert_int_eq (answer, STORMCUT_ANSWER_NO);
  g_clear_pointer (&item, g_free);

  ck_assert (!stormcut_diagnosis_parse_assignment ("q3", &item, &answer, &error));
  ck_assert (g_error_matches (error, STORMCUT_DIAGNOSIS_ERROR, STORMCUT_DIAGNOSIS_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!stormcut_diagnosis_parse_assignment ("q3=perhaps", &item, &answer, &error));
  g_clear_error (&error);
  ck_assert (!stormcut_diagnosis_parse_assignment ("q12=yes", &item, &answer, &error));
  ck_assert_ptr_null (item);
}
END_TEST

START_TEST (test_texts)
{
  guint per_group[STORMCUT_DIAGNOSIS_N_GROUPS] = { 0 };

  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_QUESTIONS; i++)
    {
      ck_assert (strlen (stormcut_diagnosis_question_get_text (i)) > 10);
      per_group[stormcut_diagnosis_question_get_group (i)]++;
    }
  /* Four groups: 3 + 3 + 2 + 2 questions. */
  ck_assert_uint_eq (per_group[STORMCUT_DIAGNOSIS_GROUP_STABLE_OPERATION], 3);
  ck_assert_uint_eq (per_group[STORMCUT_DIAGNOSIS_GROUP_CHANGE], 3);
  ck_assert_uint_eq (per_group[STORMCUT_DIAGNOSIS_GROUP_QUALITY], 2);
  ck_assert_uint_eq (per_group[STORMCUT_DIAGNOSIS_GROUP_PERIOD], 2);
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_CONDITIONS; i++)
    {
      ck_assert (strlen (stormcut_diagnosis_condition_get_title (i)) > 0);
      ck_assert (strlen (stormcut_diagnosis_condition_get_text (i)) > 10);
    }
  ck_assert_int_eq (stormcut_diagnosis_condition_favourable_answer (1), STORMCUT_ANSWER_NO);
  ck_assert_int_eq (stormcut_diagnosis_condition_favourable_answer (4), STORMCUT_ANSWER_YES);
  ck_assert_str_eq (stormcut_verdict_to_string (STORMCUT_VERDICT_REVIEW), "review");
}
END_TEST

static Suite *
diagnosis_suite (void)
{
  Suite *suite = suite_create ("diagnosis");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_verdict_thresholds);
  tcase_add_loop_test (tc, test_verdict_from_model, 0, 11);
  tcase_add_test (tc, test_answers_and_notes_stored);
  tcase_add_test (tc, test_bad_items);
  tcase_add_test (tc, test_parse_assignment);
  tcase_add_test (tc, test_texts);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (diagnosis_suite ());
}
