/* test-model.c: rules of the in-memory model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-common.h"

typedef struct {
  guint added, removed, modified;
} Counts;

static void
count_changes_cb (StormcutModel *model,
                  guint          type,
                  const char    *id,
                  guint          change,
                  Counts        *counts)
{
  if (change == STORMCUT_CHANGE_ADDED)
    counts->added++;
  else if (change == STORMCUT_CHANGE_REMOVED)
    counts->removed++;
  else
    counts->modified++;
}

START_TEST (test_add_element_defaults)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const StormcutElement *element;

  element = stormcut_model_add_element (model, STORMCUT_KIND_POLICY, "예약 확정 정책", 10.004, 20.006, NULL);
  ck_assert_ptr_nonnull (element);
  ck_assert_str_ne (element->id, "");
  ck_assert_str_eq (element->name, "예약 확정 정책");
  ck_assert_str_eq (element->code_name, "");
  ck_assert_double_eq (element->x, 10.0);
  ck_assert_double_eq (element->y, 20.01);
  ck_assert_double_eq (element->width, 240);
  ck_assert_ptr_null (element->color);
  ck_assert_ptr_null (element->context_id);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 1);
  ck_assert_ptr_eq (stormcut_model_get_element (model, element->id), element);
}
END_TEST

START_TEST (test_validation)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  const StormcutElement *element = stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "x", 0, 0, NULL);
  g_autofree char *id = g_strdup (element->id);
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);

  ck_assert (!stormcut_model_set_element_code_name (model, id, "Has space", &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!stormcut_model_set_element_code_name (model, id, "예약", &error));
  g_clear_error (&error);
  ck_assert (stormcut_model_set_element_code_name (model, id, "ReservationRegistered", &error));
  ck_assert (!stormcut_model_set_element_color (model, id, "orange", &error));
  g_clear_error (&error);
  ck_assert (stormcut_model_set_element_color (model, id, "#ABCDEF", &error));
  ck_assert_str_eq (stormcut_model_get_element (model, id)->color, "#abcdef");
  ck_assert_str_eq (stormcut_element_get_color (stormcut_model_get_element (model, id)), "#abcdef");
  ck_assert (stormcut_model_set_element_color (model, id, NULL, &error));
  ck_assert_str_eq (stormcut_element_get_color (stormcut_model_get_element (model, id)), "#FD9E4A");
  ck_assert (!stormcut_model_rename_element (model, id, "bell\a", &error));
  g_clear_error (&error);
  ck_assert (!stormcut_model_rename_element (model, id, "\xff\xfe", &error));
  g_clear_error (&error);
  ck_assert (stormcut_model_rename_element (model, id, "line\r\nbreak", &error));
  ck_assert_str_eq (stormcut_model_get_element (model, id)->name, "line\nbreak");
  ck_assert (!stormcut_model_move_element (model, id, 1.0 / 0.0, 0, &error));
  g_clear_error (&error);
  ck_assert (!stormcut_model_assign_element (model, id, "nope", &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOT_FOUND));
  g_clear_error (&error);
  g_ptr_array_add (attributes, stormcut_attribute_new ("id", "string", TRUE));
  ck_assert (!stormcut_model_set_element_attributes (model, id, attributes, &error));
  g_clear_error (&error);
  ck_assert (!stormcut_model_move_element (model, "missing", 0, 0, &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_ids)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  StormcutElement element = { 0 };

  element.kind = STORMCUT_KIND_COMMAND;
  element.name = (char *) "a";
  element.id = (char *) "e1";
  ck_assert_ptr_nonnull (stormcut_model_insert_element (model, &element, &error));
  ck_assert_ptr_null (stormcut_model_insert_element (model, &element, &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE));
  g_clear_error (&error);
  element.id = (char *) "bad id";
  ck_assert_ptr_null (stormcut_model_insert_element (model, &element, &error));
  g_clear_error (&error);
  /* generated ids skip the ones already taken */
  element.id = NULL;
  ck_assert_str_ne (stormcut_model_insert_element (model, &element, &error)->id, "e1");
}
END_TEST

START_TEST (test_document_order)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  GPtrArray *elements = stormcut_model_get_elements (model);
  g_autofree char *first = NULL;

  for (int i = 0; i < 5; i++)
    stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "e", i * 10, 0, NULL);
  first = g_strdup (((StormcutElement *) g_ptr_array_index (elements, 0))->id);
  /* a change keeps the place */
  stormcut_model_move_element (model, first, 500, 500, NULL);
  ck_assert_str_eq (((StormcutElement *) g_ptr_array_index (elements, 0))->id, first);
  for (guint i = 1; i < elements->len; i++)
    ck_assert_int_lt (((StormcutElement *) g_ptr_array_index (elements, i - 1))->ordinal,
                      ((StormcutElement *) g_ptr_array_index (elements, i))->ordinal);
}
END_TEST

START_TEST (test_remove_element_removes_links)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const StormcutElement *command = stormcut_model_add_element (model, STORMCUT_KIND_COMMAND, "등록", 0, 0, NULL);
  g_autofree char *command_id = g_strdup (command->id);
  g_autofree char *aggregate_id = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_AGGREGATE, "예약", 0, 0, NULL)->id);
  g_autofree char *event_id = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "등록됨", 0, 0, NULL)->id);
  g_autoptr(GPtrArray) links = NULL;

  ck_assert_ptr_nonnull (stormcut_model_add_link (model, command_id, aggregate_id, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, aggregate_id, event_id, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, command_id, event_id, NULL));
  links = stormcut_model_get_links_of (model, aggregate_id);
  ck_assert_uint_eq (links->len, 2);
  ck_assert (stormcut_model_remove_element (model, aggregate_id, NULL));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 1);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, command_id, event_id));
  ck_assert_ptr_null (stormcut_model_get_element (model, aggregate_id));
  /* one undo step brings back the element and both links */
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 3);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, aggregate_id, event_id));
}
END_TEST

START_TEST (test_contexts)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *outer = g_strdup (stormcut_model_add_context (model, "바깥", 0, 0, 1000, 1000, NULL)->id);
  g_autofree char *inner = g_strdup (stormcut_model_add_context (model, "안쪽", 100, 100, 200, 200, NULL)->id);
  g_autofree char *element = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "e", 150, 150, NULL)->id);
  g_autoptr(GPtrArray) members = NULL;

  ck_assert_str_eq (stormcut_model_context_at (model, 150, 150)->id, inner);
  ck_assert_str_eq (stormcut_model_context_at (model, 900, 900)->id, outer);
  ck_assert_ptr_null (stormcut_model_context_at (model, -5, 0));
  ck_assert_ptr_null (stormcut_model_add_context (model, "   ", 0, 0, 10, 10, &error));
  g_clear_error (&error);

  ck_assert (stormcut_model_assign_element (model, element, inner, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_relationship (model, STORMCUT_PATTERN_CUSTOMER_SUPPLIER, outer, inner, NULL));
  members = stormcut_model_get_context_elements (model, inner);
  ck_assert_uint_eq (members->len, 1);
  ck_assert_ptr_eq (stormcut_model_lookup_context (model, "안쪽"), stormcut_model_get_context (model, inner));

  ck_assert (stormcut_model_remove_context (model, inner, NULL));
  ck_assert_ptr_null (stormcut_model_get_element (model, element)->context_id);
  ck_assert_uint_eq (stormcut_model_get_relationships (model)->len, 0);
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert_str_eq (stormcut_model_get_element (model, element)->context_id, inner);
  ck_assert_uint_eq (stormcut_model_get_relationships (model)->len, 1);
}
END_TEST

START_TEST (test_relationship_rules)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *a = g_strdup (stormcut_model_add_context (model, "A", 0, 0, 10, 10, NULL)->id);
  g_autofree char *b = g_strdup (stormcut_model_add_context (model, "B", 20, 0, 10, 10, NULL)->id);
  StormcutRelationship rel = { 0 };

  ck_assert_ptr_null (stormcut_model_add_relationship (model, STORMCUT_PATTERN_PARTNERSHIP, a, a, &error));
  g_clear_error (&error);
  ck_assert_ptr_null (stormcut_model_add_relationship (model, STORMCUT_PATTERN_PARTNERSHIP, a, "zz", &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOT_FOUND));
  g_clear_error (&error);
  rel.pattern = STORMCUT_PATTERN_SHARED_KERNEL;
  rel.upstream_id = a;
  rel.downstream_id = b;
  rel.roles = STORMCUT_ROLE_OHS;
  ck_assert_ptr_null (stormcut_model_insert_relationship (model, &rel, &error));
  g_clear_error (&error);
  rel.pattern = STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM;
  rel.roles = STORMCUT_ROLE_CF | STORMCUT_ROLE_ACL;
  ck_assert_ptr_null (stormcut_model_insert_relationship (model, &rel, &error));
  g_clear_error (&error);
  rel.roles = STORMCUT_ROLE_OHS | STORMCUT_ROLE_PL | STORMCUT_ROLE_ACL;
  rel.mode = STORMCUT_MODE_ASYNC;
  rel.note = (char *) "<&> \"quoted\"";
  ck_assert_ptr_nonnull (stormcut_model_insert_relationship (model, &rel, &error));
}
END_TEST

START_TEST (test_settings_and_info)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  ck_assert (stormcut_model_set_name (model, "공공시설 예약", NULL));
  ck_assert_str_eq (stormcut_model_get_name (model), "공공시설 예약");
  ck_assert (stormcut_model_set_setting (model, "cost.edition", "2024", NULL));
  ck_assert (stormcut_model_set_setting (model, "a.first", "x", NULL));
  ck_assert (!stormcut_model_set_setting (model, "bad key", "x", &error));
  keys = stormcut_model_list_settings (model);
  ck_assert_uint_eq (g_strv_length (keys), 2);
  ck_assert_str_eq (keys[0], "a.first");
  ck_assert (stormcut_model_set_setting (model, "a.first", NULL, NULL));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "a.first"));
  ck_assert (stormcut_model_undo (model, NULL));
  ck_assert_str_eq (stormcut_model_get_setting (model, "a.first"), "x");
}
END_TEST

START_TEST (test_signals)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  Counts counts = { 0 };
  g_autofree char *id = NULL;

  g_signal_connect (model, "changed", G_CALLBACK (count_changes_cb), &counts);
  id = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "e", 0, 0, NULL)->id);
  stormcut_model_move_element (model, id, 10, 10, NULL);
  stormcut_model_move_element (model, id, 10, 10, NULL); /* no change, no signal */
  stormcut_model_remove_element (model, id, NULL);
  ck_assert_uint_eq (counts.added, 1);
  ck_assert_uint_eq (counts.modified, 1);
  ck_assert_uint_eq (counts.removed, 1);
  stormcut_model_undo (model, NULL);
  ck_assert_uint_eq (counts.added, 2);
}
END_TEST

START_TEST (test_hostile_names)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *names[] = { "\"quoted\" 'single'", "line\nbreak", "<tag> & </tag>", "🙂 emoji 😀", "예약 등록됨", "back\\slash" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const StormcutElement *element = stormcut_model_add_element (model, STORMCUT_KIND_EVENT, names[i], 0, 0, NULL);
      ck_assert_ptr_nonnull (element);
      ck_assert_str_eq (element->name, names[i]);
      ck_assert_ptr_eq (stormcut_model_lookup_element (model, names[i]), element);
    }
}
END_TEST

START_TEST (test_check_warnings)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *event = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "등록됨", 0, 0, NULL)->id);
  g_autofree char *command = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_COMMAND, "등록", 0, 0, NULL)->id);
  g_autofree char *policy = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_POLICY, "정책", 0, 0, NULL)->id);
  g_autofree char *aggregate = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_AGGREGATE, "예약", 0, 0, NULL)->id);
  guint seen[STORMCUT_N_PROBLEMS] = { 0 };

  problems = stormcut_model_check (model);
  for (guint i = 0; i < problems->len; i++)
    seen[((StormcutProblem *) g_ptr_array_index (problems, i))->kind]++;
  ck_assert_uint_eq (seen[STORMCUT_PROBLEM_EVENT_NOT_PRODUCED], 1);
  ck_assert_uint_eq (seen[STORMCUT_PROBLEM_COMMAND_NO_EVENT], 1);
  ck_assert_uint_eq (seen[STORMCUT_PROBLEM_POLICY_NO_TRIGGER], 1);
  ck_assert_uint_eq (seen[STORMCUT_PROBLEM_POLICY_NO_COMMAND], 1);
  ck_assert_uint_eq (seen[STORMCUT_PROBLEM_AGGREGATE_NO_COMMAND], 1);
  ck_assert_uint_eq (seen[STORMCUT_PROBLEM_OUTSIDE_CONTEXT], 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* complete the flow: command → aggregate → event → policy → command */
  stormcut_model_add_link (model, command, aggregate, NULL);
  stormcut_model_add_link (model, aggregate, event, NULL);
  stormcut_model_add_link (model, event, policy, NULL);
  stormcut_model_add_link (model, policy, command, NULL);
  problems = stormcut_model_check (model);
  ck_assert_uint_eq (problems->len, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* once contexts exist, elements outside them are reported */
  stormcut_model_add_context (model, "예약", 500, 500, 100, 100, NULL);
  problems = stormcut_model_check (model);
  ck_assert_uint_eq (problems->len, 4);
  ck_assert_int_eq (((StormcutProblem *) g_ptr_array_index (problems, 0))->kind, STORMCUT_PROBLEM_OUTSIDE_CONTEXT);
  ck_assert (strstr (((StormcutProblem *) g_ptr_array_index (problems, 0))->message, "등록됨") != NULL);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = stormcut_model_check_element (model, policy);
  ck_assert_uint_eq (problems->len, 1);
}
END_TEST

static Suite *
model_suite (void)
{
  Suite *suite = suite_create ("model");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_add_element_defaults);
  tcase_add_test (tc, test_validation);
  tcase_add_test (tc, test_ids);
  tcase_add_test (tc, test_document_order);
  tcase_add_test (tc, test_remove_element_removes_links);
  tcase_add_test (tc, test_contexts);
  tcase_add_test (tc, test_relationship_rules);
  tcase_add_test (tc, test_settings_and_info);
  tcase_add_test (tc, test_signals);
  tcase_add_test (tc, test_hostile_names);
  tcase_add_test (tc, test_check_warnings);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (model_suite ());
}
