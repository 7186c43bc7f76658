/* test-contextmap.c: derivation of context-map relationships (DOMAIN.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "analysis-builder.h"
#include <stormcut/stormcut-contextmap.h>

static const StormcutContextMapEntry *
entry_for (const StormcutContextMap           *map,
           const StormcutDerivedRelationship *derived)
{
  for (guint i = 0; i < map->entries->len; i++)
    {
      const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);
      if (entry->derived == derived)
        return entry;
    }
  return NULL;
}

START_TEST (test_event_to_policy_is_async)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "예약");
  const char *b = build_context (model, "결제");
  const char *event = build_element (model, STORMCUT_KIND_EVENT, "예약 등록됨", a);
  const char *policy = build_element (model, STORMCUT_KIND_POLICY, "결제 요청 정책", b);
  const char *link = build_link (model, event, policy);
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  const StormcutDerivedRelationship *derived;

  ck_assert_uint_eq (map->derived->len, 1);
  derived = g_ptr_array_index (map->derived, 0);
  ck_assert_str_eq (derived->upstream_id, a);
  ck_assert_str_eq (derived->downstream_id, b);
  ck_assert_int_eq (derived->mode, STORMCUT_MODE_ASYNC);
  ck_assert (strings_are (derived->link_ids, link, NULL));
  ck_assert_uint_eq (map->entries->len, 1);
  ck_assert_int_eq (((StormcutContextMapEntry *) g_ptr_array_index (map->entries, 0))->status,
                    STORMCUT_CONTEXT_MAP_NOT_CONFIRMED);
}
END_TEST

START_TEST (test_event_to_read_model_is_async)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "Claims");
  const char *b = build_context (model, "Self-Service");
  const char *event = build_element (model, STORMCUT_KIND_EVENT, "Claim submitted", a);
  const char *view = build_element (model, STORMCUT_KIND_READ_MODEL, "My claims", b);
  const char *link = build_link (model, event, view);
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  const StormcutDerivedRelationship *derived = stormcut_context_map_find (map, a, b, STORMCUT_MODE_ASYNC);

  ck_assert_uint_eq (map->derived->len, 1);
  ck_assert_ptr_nonnull (derived);
  ck_assert (strings_are (derived->link_ids, link, NULL));
}
END_TEST

START_TEST (test_policy_to_command_is_sync_and_reversed)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "Orders");
  const char *b = build_context (model, "Payments");
  const char *policy = build_element (model, STORMCUT_KIND_POLICY, "Charge on order", a);
  const char *command = build_element (model, STORMCUT_KIND_COMMAND, "Charge card", b);
  const char *link = build_link (model, policy, command);
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  const StormcutDerivedRelationship *derived;

  /* A calls B's API: B is upstream. */
  ck_assert_uint_eq (map->derived->len, 1);
  derived = g_ptr_array_index (map->derived, 0);
  ck_assert_str_eq (derived->upstream_id, b);
  ck_assert_str_eq (derived->downstream_id, a);
  ck_assert_int_eq (derived->mode, STORMCUT_MODE_SYNC);
  ck_assert (strings_are (derived->link_ids, link, NULL));
}
END_TEST

START_TEST (test_command_to_aggregate_is_sync)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *command = build_element (model, STORMCUT_KIND_COMMAND, "Write", a);
  const char *aggregate = build_element (model, STORMCUT_KIND_AGGREGATE, "Data", b);
  const char *link = build_link (model, command, aggregate);
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  const StormcutDerivedRelationship *derived = stormcut_context_map_find (map, b, a, STORMCUT_MODE_SYNC);

  ck_assert_uint_eq (map->derived->len, 1);
  ck_assert_ptr_nonnull (derived);
  ck_assert (strings_are (derived->link_ids, link, NULL));
}
END_TEST

START_TEST (test_read_model_to_aggregate_is_shared_data)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "예약");
  const char *b = build_context (model, "시설");
  const char *view = build_element (model, STORMCUT_KIND_READ_MODEL, "예약 가능 시설 조회", a);
  const char *facility = build_element (model, STORMCUT_KIND_AGGREGATE, "시설", b);
  const char *link = build_link (model, view, facility);
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  const StormcutDerivedRelationship *derived = stormcut_context_map_find (map, b, a, STORMCUT_MODE_SHARED_DATA);

  ck_assert_uint_eq (map->derived->len, 1);
  ck_assert_ptr_nonnull (derived);
  ck_assert (strings_are (derived->link_ids, link, NULL));
}
END_TEST

START_TEST (test_links_that_derive_nothing)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *actor = build_element (model, STORMCUT_KIND_ACTOR, "Clerk", a);
  const char *command = build_element (model, STORMCUT_KIND_COMMAND, "Do", b);
  const char *aggregate = build_element (model, STORMCUT_KIND_AGGREGATE, "Thing", b);
  const char *event = build_element (model, STORMCUT_KIND_EVENT, "Done", b);
  const char *policy = build_element (model, STORMCUT_KIND_POLICY, "Then", b);
  const char *loose_policy = build_element (model, STORMCUT_KIND_POLICY, "Outside", NULL);
  const char *hotspot = build_element (model, STORMCUT_KIND_HOTSPOT, "Why?", a);
  const char *external = build_element (model, STORMCUT_KIND_EXTERNAL_SYSTEM, "Bank", a);
  g_autoptr(StormcutContextMap) map = NULL;

  build_link (model, actor, command);          /* actors are people, not contexts */
  build_link (model, command, aggregate);      /* same context */
  build_link (model, aggregate, event);
  build_link (model, event, policy);           /* same context */
  build_link (model, event, loose_policy);     /* policy outside every context */
  build_link (model, hotspot, command);        /* annotation */
  build_link (model, event, external);         /* event to an external system: not a context rule */
  map = stormcut_context_map_derive (model);
  ck_assert_uint_eq (map->derived->len, 0);
  ck_assert_uint_eq (map->entries->len, 0);
}
END_TEST

START_TEST (test_grouping_and_order)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *e1 = build_element (model, STORMCUT_KIND_EVENT, "E1", a);
  const char *e2 = build_element (model, STORMCUT_KIND_EVENT, "E2", a);
  const char *p1 = build_element (model, STORMCUT_KIND_POLICY, "P1", b);
  const char *p2 = build_element (model, STORMCUT_KIND_POLICY, "P2", b);
  const char *c1 = build_element (model, STORMCUT_KIND_COMMAND, "C1", a);
  const char *l_sync = build_link (model, p1, c1);
  const char *l2 = build_link (model, e2, p2);
  const char *l1 = build_link (model, e1, p1);
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  const StormcutDerivedRelationship *first, *second;

  /* Two async links A→B form one relationship; the sync call B→A's API is another. */
  ck_assert_uint_eq (map->derived->len, 2);
  first = g_ptr_array_index (map->derived, 0);
  second = g_ptr_array_index (map->derived, 1);
  ck_assert_str_eq (first->upstream_id, a);
  ck_assert_str_eq (first->downstream_id, b);
  ck_assert_int_eq (first->mode, STORMCUT_MODE_SYNC);
  ck_assert (strings_are (first->link_ids, l_sync, NULL));
  ck_assert_int_eq (second->mode, STORMCUT_MODE_ASYNC);
  ck_assert (strings_are (second->link_ids, l2, l1, NULL));
}
END_TEST

START_TEST (test_comparison_statuses)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *c = build_context (model, "C");
  const char *d = build_context (model, "D");
  const char *e = build_context (model, "E");
  const char *f = build_context (model, "F");
  const char *ev_a = build_element (model, STORMCUT_KIND_EVENT, "A happened", a);
  const char *ev_c = build_element (model, STORMCUT_KIND_EVENT, "C happened", c);
  const char *ev_e = build_element (model, STORMCUT_KIND_EVENT, "E happened", e);
  const char *pol_b = build_element (model, STORMCUT_KIND_POLICY, "B reacts", b);
  const char *pol_d = build_element (model, STORMCUT_KIND_POLICY, "D reacts", d);
  const char *pol_f = build_element (model, STORMCUT_KIND_POLICY, "F reacts", f);
  const char *rm_b = build_element (model, STORMCUT_KIND_READ_MODEL, "B view", b);
  const char *r_ab, *r_dc, *r_ef, *r_bf, *r_ad;
  g_autoptr(StormcutContextMap) map = NULL;
  const StormcutContextMapEntry *entry;
  guint n_no_evidence = 0;

  build_link (model, ev_a, pol_b);    /* A → B async */
  build_link (model, ev_a, rm_b);     /* A → B async (same relationship) */
  build_link (model, ev_c, pol_d);    /* C → D async */
  build_link (model, ev_e, pol_f);    /* E → F async */

  r_ab = build_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM, a, b, STORMCUT_MODE_UNSPECIFIED);
  r_dc = build_relationship (model, STORMCUT_PATTERN_CUSTOMER_SUPPLIER, d, c, STORMCUT_MODE_UNSPECIFIED);
  r_ef = build_relationship (model, STORMCUT_PATTERN_SEPARATE_WAYS, e, f, STORMCUT_MODE_UNSPECIFIED);
  r_bf = build_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM, b, f, STORMCUT_MODE_SYNC);
  r_ad = build_relationship (model, STORMCUT_PATTERN_SEPARATE_WAYS, a, d, STORMCUT_MODE_UNSPECIFIED);
  map = stormcut_context_map_derive (model);

  ck_assert_uint_eq (map->derived->len, 3);
  entry = entry_for (map, stormcut_context_map_find (map, a, b, STORMCUT_MODE_ASYNC));
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_CONFIRMED);
  ck_assert_str_eq (entry->relationship_id, r_ab);
  /* Derived C→D but confirmed D→C. */
  entry = entry_for (map, stormcut_context_map_find (map, c, d, STORMCUT_MODE_ASYNC));
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_CONTRADICTS);
  ck_assert_str_eq (entry->relationship_id, r_dc);
  /* Separate ways while links exist. */
  entry = entry_for (map, stormcut_context_map_find (map, e, f, STORMCUT_MODE_ASYNC));
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_CONTRADICTS);
  ck_assert_str_eq (entry->relationship_id, r_ef);

  /* B→F has no links: confirmed without evidence; A/D separate ways without links is fine. */
  for (guint i = 0; i < map->entries->len; i++)
    {
      entry = g_ptr_array_index (map->entries, i);
      if (entry->status != STORMCUT_CONTEXT_MAP_NO_EVIDENCE)
        continue;
      n_no_evidence++;
      ck_assert_ptr_null (entry->derived);
      ck_assert_str_eq (entry->relationship_id, r_bf);
    }
  ck_assert_uint_eq (n_no_evidence, 1);
  ck_assert_uint_eq (map->entries->len, 4);
  (void) r_ad;
}
END_TEST

START_TEST (test_symmetric_and_mode)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *c = build_context (model, "C");
  const char *ev_a = build_element (model, STORMCUT_KIND_EVENT, "A happened", a);
  const char *pol_b = build_element (model, STORMCUT_KIND_POLICY, "B reacts", b);
  const char *pol_c = build_element (model, STORMCUT_KIND_POLICY, "C reacts", c);
  const char *r_ba, *r_ac;
  g_autoptr(StormcutContextMap) map = NULL;
  const StormcutContextMapEntry *entry;

  build_link (model, ev_a, pol_b);
  build_link (model, ev_a, pol_c);
  /* A partnership given as B/A agrees with A→B in any direction. */
  r_ba = build_relationship (model, STORMCUT_PATTERN_PARTNERSHIP, b, a, STORMCUT_MODE_UNSPECIFIED);
  /* A→C confirmed as synchronous, but the links are asynchronous. */
  r_ac = build_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM, a, c, STORMCUT_MODE_SYNC);
  map = stormcut_context_map_derive (model);

  entry = entry_for (map, stormcut_context_map_find (map, a, b, STORMCUT_MODE_ASYNC));
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_CONFIRMED);
  ck_assert_str_eq (entry->relationship_id, r_ba);
  entry = entry_for (map, stormcut_context_map_find (map, a, c, STORMCUT_MODE_ASYNC));
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_NOT_CONFIRMED);
  ck_assert_ptr_null (entry->relationship_id);
  entry = g_ptr_array_index (map->entries, map->entries->len - 1);
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_NO_EVIDENCE);
  ck_assert_str_eq (entry->relationship_id, r_ac);
}
END_TEST

START_TEST (test_opposite_with_same_direction)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *ev_a = build_element (model, STORMCUT_KIND_EVENT, "A happened", a);
  const char *pol_b = build_element (model, STORMCUT_KIND_POLICY, "B reacts", b);
  const char *r_ba, *r_ab_sync;
  g_autoptr(StormcutContextMap) map = NULL;
  const StormcutContextMapEntry *entry;

  build_link (model, ev_a, pol_b);
  /* B→A confirmed asynchronous points the other way, but A→B is confirmed too (as a call):
   * the event link is not confirmed, and not a contradiction either. */
  r_ba = build_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM, b, a, STORMCUT_MODE_ASYNC);
  r_ab_sync = build_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM, a, b, STORMCUT_MODE_SYNC);
  map = stormcut_context_map_derive (model);
  ck_assert_uint_eq (map->entries->len, 2);
  entry = g_ptr_array_index (map->entries, 0);
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_NOT_CONFIRMED);
  entry = g_ptr_array_index (map->entries, 1);
  ck_assert_int_eq (entry->status, STORMCUT_CONTEXT_MAP_NO_EVIDENCE);
  ck_assert_str_eq (entry->relationship_id, r_ab_sync);
  (void) r_ba;
}
END_TEST

START_TEST (test_confirm)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *policy = build_element (model, STORMCUT_KIND_POLICY, "Ask B", a);
  const char *command = build_element (model, STORMCUT_KIND_COMMAND, "Serve", b);
  g_autoptr(StormcutContextMap) map = NULL;
  g_autoptr(StormcutContextMap) again = NULL;
  g_autoptr(GError) error = NULL;
  const StormcutRelationship *relationship;
  g_autofree char *relationship_id = NULL;

  build_link (model, policy, command);
  map = stormcut_context_map_derive (model);
  relationship = stormcut_context_map_confirm (model, g_ptr_array_index (map->derived, 0), &error);
  ck_assert_ptr_null (error);
  ck_assert_ptr_nonnull (relationship);
  ck_assert_int_eq (relationship->pattern, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM);
  ck_assert_str_eq (relationship->upstream_id, b);
  ck_assert_str_eq (relationship->downstream_id, a);
  ck_assert_int_eq (relationship->mode, STORMCUT_MODE_SYNC);
  ck_assert_int_eq (relationship->roles, STORMCUT_ROLE_NONE);
  relationship_id = g_strdup (relationship->id);

  again = stormcut_context_map_derive (model);
  ck_assert_uint_eq (again->entries->len, 1);
  ck_assert_int_eq (((StormcutContextMapEntry *) g_ptr_array_index (again->entries, 0))->status,
                    STORMCUT_CONTEXT_MAP_CONFIRMED);

  /* Undoable like any change. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_null (stormcut_model_get_relationship (model, relationship_id));
}
END_TEST

START_TEST (test_confirm_bad_context)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  StormcutDerivedRelationship derived = { (char *) "nope", (char *) "neither", STORMCUT_MODE_SYNC, links };

  ck_assert_ptr_null (stormcut_context_map_confirm (model, &derived, &error));
  ck_assert_ptr_nonnull (error);
  ck_assert (error->domain == STORMCUT_MODEL_ERROR);
}
END_TEST

START_TEST (test_status_names)
{
  ck_assert_str_eq (stormcut_context_map_status_to_string (STORMCUT_CONTEXT_MAP_CONTRADICTS), "contradicts");
  ck_assert_str_eq (stormcut_context_map_status_get_label (STORMCUT_CONTEXT_MAP_NO_EVIDENCE),
                    "Confirmed, no links support it");
}
END_TEST

static Suite *
contextmap_suite (void)
{
  Suite *suite = suite_create ("contextmap");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_event_to_policy_is_async);
  tcase_add_test (tc, test_event_to_read_model_is_async);
  tcase_add_test (tc, test_policy_to_command_is_sync_and_reversed);
  tcase_add_test (tc, test_command_to_aggregate_is_sync);
  tcase_add_test (tc, test_read_model_to_aggregate_is_shared_data);
  tcase_add_test (tc, test_links_that_derive_nothing);
  tcase_add_test (tc, test_grouping_and_order);
  tcase_add_test (tc, test_comparison_statuses);
  tcase_add_test (tc, test_symmetric_and_mode);
  tcase_add_test (tc, test_opposite_with_same_direction);
  tcase_add_test (tc, test_confirm);
  tcase_add_test (tc, test_confirm_bad_context);
  tcase_add_test (tc, test_status_names);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (contextmap_suite ());
}
