/* test-undo.c: undo and redo of every kind of edit, in memory and in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-common.h"

static StormcutModel *
snapshot (StormcutModel *model)
{
  /* A copy of the content through a file: the cheapest deep copy we have. */
  g_autofree char *path = stormcut_test_tmp_path ("snapshot.stormcut");
  g_autoptr(StormcutModel) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (stormcut_model_get_path (model) != NULL)
    {
      copy = stormcut_model_open (stormcut_model_get_path (model), &error);
      ck_assert_msg (copy != NULL, "%s", error ? error->message : "");
      return g_steal_pointer (&copy);
    }
  ck_abort_msg ("snapshot needs a file-backed model");
  return NULL;
}

START_TEST (test_sequence_undo_redo)
{
  g_autofree char *path = stormcut_test_tmp_path ("undo.stormcut");
  g_autoptr(StormcutModel) model = stormcut_model_create (path, NULL);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *ctx = NULL, *command = NULL, *aggregate = NULL, *event = NULL, *link = NULL;

  g_ptr_array_add (states, snapshot (model));
  ctx = g_strdup (stormcut_model_add_context (model, "예약", 0, 0, 500, 500, NULL)->id);
  g_ptr_array_add (states, snapshot (model));
  command = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_COMMAND, "등록", 10, 10, NULL)->id);
  g_ptr_array_add (states, snapshot (model));
  aggregate = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_AGGREGATE, "예약", 200, 10, NULL)->id);
  g_ptr_array_add (states, snapshot (model));
  link = g_strdup (stormcut_model_add_link (model, command, aggregate, NULL)->id);
  g_ptr_array_add (states, snapshot (model));
  ck_assert (stormcut_model_move_element (model, command, 50, 60, NULL));
  g_ptr_array_add (states, snapshot (model));
  ck_assert (stormcut_model_rename_element (model, command, "예약 등록 <&>", NULL));
  g_ptr_array_add (states, snapshot (model));
  ck_assert (stormcut_model_assign_element (model, command, ctx, NULL));
  g_ptr_array_add (states, snapshot (model));
  event = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "등록됨", 400, 10, NULL)->id);
  g_ptr_array_add (states, snapshot (model));
  ck_assert (stormcut_model_remove_element (model, aggregate, NULL));
  g_ptr_array_add (states, snapshot (model));
  ck_assert (stormcut_model_remove_context (model, ctx, NULL));
  g_ptr_array_add (states, snapshot (model));

  /* walk all the way back, checking memory and the file at every step */
  for (guint i = states->len - 1; i > 0; i--)
    {
      g_autoptr(StormcutModel) on_disk = NULL;

      ck_assert (stormcut_model_can_undo (model));
      ck_assert (stormcut_model_undo (model, NULL));
      stormcut_test_assert_models_equal (model, g_ptr_array_index (states, i - 1));
      on_disk = snapshot (model);
      stormcut_test_assert_models_equal (on_disk, g_ptr_array_index (states, i - 1));
    }
  ck_assert (!stormcut_model_can_undo (model));
  /* and forward again */
  for (guint i = 1; i < states->len; i++)
    {
      ck_assert (stormcut_model_redo (model, NULL));
      stormcut_test_assert_models_equal (model, g_ptr_array_index (states, i));
    }
  ck_assert (!stormcut_model_can_redo (model));
}
END_TEST

START_TEST (test_new_edit_clears_redo)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "a", 0, 0, NULL)->id);

  stormcut_model_rename_element (model, id, "b", NULL);
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert (stormcut_model_can_redo (model));
  stormcut_model_rename_element (model, id, "c", NULL);
  ck_assert (!stormcut_model_can_redo (model));
  ck_assert (!stormcut_model_redo (model, &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOTHING_TO_UNDO));
}
END_TEST

START_TEST (test_group_is_one_step)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autofree char *a = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "a", 0, 0, NULL)->id);
  g_autofree char *b = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "b", 0, 100, NULL)->id);
  guint before = stormcut_model_get_history_length (model);

  stormcut_model_begin_group (model, "Move 2 stickies");
  stormcut_model_move_element (model, a, 10, 0, NULL);
  stormcut_model_begin_group (model, NULL); /* nested */
  stormcut_model_move_element (model, b, 10, 100, NULL);
  ck_assert (stormcut_model_end_group (model, NULL));
  ck_assert (!stormcut_model_can_undo (model)); /* not while a group is open */
  ck_assert (stormcut_model_end_group (model, NULL));
  ck_assert_uint_eq (stormcut_model_get_history_length (model), before + 1);
  ck_assert_str_eq (stormcut_model_get_undo_label (model), "Move 2 stickies");
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 0);
  ck_assert_double_eq (stormcut_model_get_element (model, b)->x, 0);
  ck_assert_str_eq (stormcut_model_get_redo_label (model), "Move 2 stickies");
}
END_TEST

START_TEST (test_abort_group)
{
  g_autofree char *path = stormcut_test_tmp_path ("abort.stormcut");
  g_autoptr(StormcutModel) model = stormcut_model_create (path, NULL);
  g_autoptr(StormcutModel) reopened = NULL;
  g_autofree char *a = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "a", 0, 0, NULL)->id);

  stormcut_model_begin_group (model, NULL);
  stormcut_model_rename_element (model, a, "changed", NULL);
  stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "new", 0, 0, NULL);
  stormcut_model_abort_group (model);
  ck_assert_str_eq (stormcut_model_get_element (model, a)->name, "a");
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 1);
  reopened = stormcut_model_open (path, NULL);
  stormcut_test_assert_models_equal (reopened, model);
}
END_TEST

START_TEST (test_bounded_history)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autofree char *a = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "a", 0, 0, NULL)->id);
  guint undone = 0;

  stormcut_model_set_history_limit (model, 10);
  for (int i = 1; i <= 25; i++)
    stormcut_model_move_element (model, a, i, 0, NULL);
  ck_assert_uint_eq (stormcut_model_get_history_length (model), 10);
  while (stormcut_model_undo (model, NULL))
    undone++;
  ck_assert_uint_eq (undone, 10);
  ck_assert_double_eq (stormcut_model_get_element (model, a)->x, 15);
}
END_TEST

START_TEST (test_undo_settings_and_info)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();

  stormcut_model_set_name (model, "first", NULL);
  stormcut_model_set_name (model, "second", NULL);
  stormcut_model_set_setting (model, "k", "v", NULL);
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "k"));
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert_str_eq (stormcut_model_get_name (model), "first");
  ck_assert (stormcut_model_redo (model, NULL));
  ck_assert_str_eq (stormcut_model_get_name (model), "second");
}
END_TEST

static Suite *
undo_suite (void)
{
  Suite *suite = suite_create ("undo");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_sequence_undo_redo);
  tcase_add_test (tc, test_new_edit_clears_redo);
  tcase_add_test (tc, test_group_is_one_step);
  tcase_add_test (tc, test_abort_group);
  tcase_add_test (tc, test_bounded_history);
  tcase_add_test (tc, test_undo_settings_and_info);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (undo_suite ());
}
