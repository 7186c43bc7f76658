/* test-services.c: microservice candidates (DOMAIN.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "analysis-builder.h"
#include <string.h>
#include <stormcut/stormcut-services.h>

static const StormcutService *
service_of_context (const StormcutServiceAnalysis *analysis,
                    const char                    *context_id)
{
  const StormcutService *service = stormcut_service_analysis_get_service_of_context (analysis, context_id);

  ck_assert_ptr_nonnull (service);
  return service;
}

static guint
count_findings (const StormcutServiceAnalysis *analysis,
                StormcutFindingKind            kind)
{
  guint n = 0;

  for (guint i = 0; i < analysis->findings->len; i++)
    if (((StormcutServiceFinding *) g_ptr_array_index (analysis->findings, i))->kind == kind)
      n++;
  return n;
}

static const StormcutServiceFinding *
nth_finding (const StormcutServiceAnalysis *analysis,
             StormcutFindingKind            kind,
             guint                          n)
{
  for (guint i = 0; i < analysis->findings->len; i++)
    {
      const StormcutServiceFinding *finding = g_ptr_array_index (analysis->findings, i);
      if (finding->kind == kind && n-- == 0)
        return finding;
    }
  ck_abort_msg ("no finding %s #%u", stormcut_finding_kind_to_string (kind), n);
  return NULL;
}

START_TEST (test_one_service_per_context)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "예약");
  const char *b = build_context (model, "결제");
  const char *reservation = build_element (model, STORMCUT_KIND_AGGREGATE, "예약", a);
  const char *payment = build_element (model, STORMCUT_KIND_AGGREGATE, "결제", b);
  const char *refund = build_element (model, STORMCUT_KIND_AGGREGATE, "환불", b);
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutService *service;
  g_autoptr(StormcutContext) copy = NULL;

  copy = stormcut_context_copy (stormcut_model_get_context (model, a));
  g_free (copy->code_name);
  copy->code_name = g_strdup ("reservation");
  ck_assert (stormcut_model_update_context (model, copy, NULL));

  analysis = stormcut_services_analyze (model);
  ck_assert_uint_eq (analysis->services->len, 2);
  service = g_ptr_array_index (analysis->services, 0);
  ck_assert_str_eq (service->id, a);
  ck_assert_str_eq (service->name, "예약");
  ck_assert_str_eq (service->code_name, "reservation");
  ck_assert (!service->external);
  ck_assert (strings_are (service->context_ids, a, NULL));
  ck_assert (strings_are (service->aggregate_ids, reservation, NULL));
  service = g_ptr_array_index (analysis->services, 1);
  ck_assert (strings_are (service->aggregate_ids, payment, refund, NULL));
  ck_assert_ptr_eq (stormcut_service_analysis_get_service (analysis, b), service);
  ck_assert_ptr_eq (stormcut_service_analysis_get_service_of_element (analysis, stormcut_model_get_element (model, refund)),
                    service);
  ck_assert_uint_eq (analysis->findings->len, 0);
}
END_TEST

START_TEST (test_merge_split_external)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "회원");
  const char *b = build_context (model, "인증");
  const char *c = build_context (model, "통계");
  const char *ids[] = { a, b, NULL };
  g_autoptr(GError) error = NULL;

  build_element (model, STORMCUT_KIND_AGGREGATE, "회원", a);
  build_element (model, STORMCUT_KIND_AGGREGATE, "자격증명", b);

  ck_assert (stormcut_services_merge (model, ids, " Member ", &error));
  ck_assert_ptr_null (error);
  ck_assert_str_eq (stormcut_model_get_context (model, a)->service, "Member");
  {
    g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
    const StormcutService *merged = g_ptr_array_index (analysis->services, 0);

    ck_assert_uint_eq (analysis->services->len, 2);
    ck_assert_str_eq (merged->id, "service:Member");
    ck_assert_str_eq (merged->name, "Member");
    ck_assert_str_eq (merged->code_name, "Member");
    ck_assert (strings_are (merged->context_ids, a, b, NULL));
    ck_assert_uint_eq (merged->aggregate_ids->len, 2);
    ck_assert_ptr_eq (service_of_context (analysis, b), merged);
    /* 통계 owns nothing. */
    ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_NO_DATA), 1);
  }

  /* Marking 통계 external: it is not a service we build, so no "no data" finding. */
  ck_assert (stormcut_services_set_external (model, c, TRUE, &error));
  {
    g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
    ck_assert (service_of_context (analysis, c)->external);
    ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_NO_DATA), 0);
  }

  /* One undo step per change. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert (!stormcut_model_get_context (model, c)->external);
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_null (stormcut_model_get_context (model, a)->service);
  ck_assert_ptr_null (stormcut_model_get_context (model, b)->service);

  ck_assert (stormcut_model_redo (model, &error));
  ck_assert (stormcut_services_split (model, b, &error));
  {
    g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
    ck_assert_uint_eq (analysis->services->len, 3);
    ck_assert_str_eq (service_of_context (analysis, b)->id, b);
    ck_assert_str_eq (service_of_context (analysis, a)->id, "service:Member");
  }

  /* Errors. */
  ck_assert (!stormcut_services_merge (model, ids, "   ", &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID));
  g_clear_error (&error);
  {
    const char *bad[] = { a, "no-such-context", NULL };
    ck_assert (!stormcut_services_merge (model, bad, "X", &error));
    ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOT_FOUND));
    /* Nothing of the failed merge stays. */
    ck_assert_str_eq (stormcut_model_get_context (model, a)->service, "Member");
  }
}
END_TEST

START_TEST (test_merged_code_name)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "회원");
  const char *b = build_context (model, "인증");
  const char *ids[] = { a, b, NULL };
  g_autoptr(StormcutContext) ca = stormcut_context_copy (stormcut_model_get_context (model, a));
  g_autoptr(StormcutContext) cb = stormcut_context_copy (stormcut_model_get_context (model, b));
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;

  g_free (ca->code_name);
  ca->code_name = g_strdup ("Member");
  g_free (cb->code_name);
  cb->code_name = g_strdup ("Auth");
  ck_assert (stormcut_model_update_context (model, ca, NULL));
  ck_assert (stormcut_model_update_context (model, cb, NULL));
  ck_assert (stormcut_services_merge (model, ids, "회원 서비스", NULL));
  analysis = stormcut_services_analyze (model);
  ck_assert_str_eq (((StormcutService *) g_ptr_array_index (analysis->services, 0))->code_name, "MemberAuth");
}
END_TEST

START_TEST (test_provided_apis)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *res = build_context (model, "예약");
  const char *pay = build_context (model, "결제");
  const char *customer = build_element (model, STORMCUT_KIND_ACTOR, "고객", NULL);
  const char *register_cmd = build_element (model, STORMCUT_KIND_COMMAND, "예약 등록", res);
  const char *reservation = build_element (model, STORMCUT_KIND_AGGREGATE, "예약", res);
  const char *registered = build_element (model, STORMCUT_KIND_EVENT, "예약 등록됨", res);
  const char *search = build_element (model, STORMCUT_KIND_READ_MODEL, "예약 검색", res);
  const char *pay_policy = build_element (model, STORMCUT_KIND_POLICY, "결제 요청 정책", pay);
  const char *pay_cmd = build_element (model, STORMCUT_KIND_COMMAND, "결제 요청", pay);
  const char *payment = build_element (model, STORMCUT_KIND_AGGREGATE, "결제", pay);
  const char *pg = build_element (model, STORMCUT_KIND_EXTERNAL_SYSTEM, "결제대행(PG)", NULL);
  const char *approved = build_element (model, STORMCUT_KIND_EVENT, "승인 통보됨", pay);
  const char *approve_policy = build_element (model, STORMCUT_KIND_POLICY, "승인 반영 정책", pay);
  const char *approve_cmd = build_element (model, STORMCUT_KIND_COMMAND, "결제 승인", pay);
  const char *paid = build_element (model, STORMCUT_KIND_EVENT, "결제 완료됨", pay);
  const char *internal_policy = build_element (model, STORMCUT_KIND_POLICY, "영수증 정책", pay);
  const char *receipt_cmd = build_element (model, STORMCUT_KIND_COMMAND, "영수증 발행", pay);
  const char *l_actor, *l_view, *l_event_policy, *l_call, *l_pg_event, *l_event_approve, *l_approve_cmd;
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutService *r, *p;
  const StormcutServiceApi *api;
  const StormcutServiceDependency *dependency;

  l_actor = build_link (model, customer, register_cmd);
  build_link (model, register_cmd, reservation);
  build_link (model, reservation, registered);
  build_link (model, registered, search);
  l_view = build_link (model, search, customer);
  l_event_policy = build_link (model, registered, pay_policy);
  l_call = build_link (model, pay_policy, pay_cmd);
  build_link (model, pay_cmd, payment);
  l_pg_event = build_link (model, pg, approved);
  l_event_approve = build_link (model, approved, approve_policy);
  l_approve_cmd = build_link (model, approve_policy, approve_cmd);
  build_link (model, approve_cmd, payment);
  build_link (model, payment, paid);
  build_link (model, paid, internal_policy);
  build_link (model, internal_policy, receipt_cmd);

  analysis = stormcut_services_analyze (model);
  r = service_of_context (analysis, res);
  p = service_of_context (analysis, pay);

  /* 예약: the actor's command and the read model, in document order. */
  ck_assert_uint_eq (r->provided->len, 2);
  api = g_ptr_array_index (r->provided, 0);
  ck_assert_str_eq (api->element_id, register_cmd);
  ck_assert (strings_are (api->caller_ids, customer, NULL));
  ck_assert (strings_are (api->link_ids, l_actor, NULL));
  api = g_ptr_array_index (r->provided, 1);
  ck_assert_str_eq (api->element_id, search);
  ck_assert (strings_are (api->caller_ids, customer, NULL));
  ck_assert (strings_are (api->link_ids, l_view, NULL));
  ck_assert_uint_eq (r->required_sync->len, 0);
  ck_assert_uint_eq (r->subscriptions->len, 0);

  /* 결제: the command 예약's event leads to is not an API (its own policy calls it, on an
   * event); the command triggered by the PG's event is one; the receipt command is internal. */
  ck_assert_uint_eq (p->provided->len, 1);
  api = g_ptr_array_index (p->provided, 0);
  ck_assert_str_eq (api->element_id, approve_cmd);
  ck_assert (strings_are (api->caller_ids, pg, NULL));
  ck_assert (strings_are (api->link_ids, l_pg_event, l_event_approve, l_approve_cmd, NULL));
  ck_assert_ptr_null (stormcut_service_find_api (p, receipt_cmd));
  ck_assert_ptr_null (stormcut_service_find_api (p, pay_cmd));

  /* 결제 subscribes to 예약's event. */
  ck_assert_uint_eq (p->subscriptions->len, 1);
  dependency = g_ptr_array_index (p->subscriptions, 0);
  ck_assert_int_eq (dependency->mode, STORMCUT_MODE_ASYNC);
  ck_assert_str_eq (dependency->source_element_id, pay_policy);
  ck_assert_str_eq (dependency->target_element_id, registered);
  ck_assert_str_eq (dependency->target_service_id, r->id);
  ck_assert_str_eq (dependency->link_id, l_event_policy);
  ck_assert_uint_eq (p->required_sync->len, 0);
  (void) l_call;
}
END_TEST

START_TEST (test_sync_call_and_direct_read)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "Orders");
  const char *b = build_context (model, "Stock");
  const char *policy = build_element (model, STORMCUT_KIND_POLICY, "Reserve on order", a);
  const char *reserve = build_element (model, STORMCUT_KIND_COMMAND, "Reserve stock", b);
  const char *stock = build_element (model, STORMCUT_KIND_AGGREGATE, "Stock item", b);
  const char *view = build_element (model, STORMCUT_KIND_READ_MODEL, "Availability", a);
  const char *order = build_element (model, STORMCUT_KIND_AGGREGATE, "Order", a);
  const char *l_call, *l_read;
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutService *orders, *stocks;
  const StormcutServiceDependency *dependency;
  const StormcutServiceApi *api;
  const StormcutServiceFinding *finding;

  l_call = build_link (model, policy, reserve);
  build_link (model, reserve, stock);
  l_read = build_link (model, view, stock);
  (void) order;

  analysis = stormcut_services_analyze (model);
  orders = service_of_context (analysis, a);
  stocks = service_of_context (analysis, b);

  ck_assert_uint_eq (orders->required_sync->len, 1);
  dependency = g_ptr_array_index (orders->required_sync, 0);
  ck_assert_int_eq (dependency->mode, STORMCUT_MODE_SYNC);
  ck_assert_str_eq (dependency->source_element_id, policy);
  ck_assert_str_eq (dependency->target_element_id, reserve);
  ck_assert_str_eq (dependency->target_service_id, stocks->id);
  ck_assert_str_eq (dependency->link_id, l_call);

  api = stormcut_service_find_api (stocks, reserve);
  ck_assert_ptr_nonnull (api);
  ck_assert (strings_are (api->caller_ids, policy, NULL));

  ck_assert_uint_eq (orders->direct_reads->len, 1);
  dependency = g_ptr_array_index (orders->direct_reads, 0);
  ck_assert_int_eq (dependency->mode, STORMCUT_MODE_SHARED_DATA);
  ck_assert_str_eq (dependency->source_element_id, view);
  ck_assert_str_eq (dependency->target_element_id, stock);
  ck_assert_str_eq (dependency->link_id, l_read);

  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_SHARED_DATA), 1);
  finding = nth_finding (analysis, STORMCUT_FINDING_SHARED_DATA, 0);
  ck_assert (strings_are (finding->service_ids, orders->id, stocks->id, NULL));
  ck_assert (strings_are (finding->link_ids, l_read, NULL));
  ck_assert (strings_are (finding->element_ids, view, stock, NULL));
  ck_assert (strstr (finding->message, "Orders") != NULL);
  ck_assert (strstr (finding->message, "Stock") != NULL);
  /* Two links between them: not chatty; no cycle (both point from Orders to Stock). */
  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_CHATTY_PAIR), 0);
  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_CYCLE), 0);
}
END_TEST

START_TEST (test_ownership_violation)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *command = build_element (model, STORMCUT_KIND_COMMAND, "Fix B's data", a);
  const char *owned = build_element (model, STORMCUT_KIND_AGGREGATE, "B data", b);
  const char *link;
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutServiceFinding *finding;

  build_element (model, STORMCUT_KIND_AGGREGATE, "A data", a);
  link = build_link (model, command, owned);
  analysis = stormcut_services_analyze (model);
  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_OWNERSHIP_VIOLATION), 1);
  finding = nth_finding (analysis, STORMCUT_FINDING_OWNERSHIP_VIOLATION, 0);
  ck_assert (strings_are (finding->service_ids, a, b, NULL));
  ck_assert (strings_are (finding->element_ids, command, owned, NULL));
  ck_assert (strings_are (finding->link_ids, link, NULL));
  /* The aggregate stays owned by B only. */
  ck_assert (strings_are (service_of_context (analysis, b)->aggregate_ids, owned, NULL));
}
END_TEST

START_TEST (test_cycles)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *c = build_context (model, "C");
  const char *d = build_context (model, "D");
  const char *e = build_context (model, "E");
  const char *ab, *ba;
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutServiceFinding *finding;

  /* A calls B (sync), B subscribes to A? no: A subscribes to B's event: A→B, B→A: one cycle
   * {A, B}.  C→D, D→E, E→C: a cycle of three.  D→A: joins nothing. */
  {
    const char *pol_a = build_element (model, STORMCUT_KIND_POLICY, "pa", a);
    const char *cmd_b = build_element (model, STORMCUT_KIND_COMMAND, "cb", b);
    const char *ev_a = build_element (model, STORMCUT_KIND_EVENT, "ea", a);
    const char *pol_b = build_element (model, STORMCUT_KIND_POLICY, "pb", b);
    const char *rm_c = build_element (model, STORMCUT_KIND_READ_MODEL, "rc", c);
    const char *agg_d = build_element (model, STORMCUT_KIND_AGGREGATE, "ad", d);
    const char *pol_d = build_element (model, STORMCUT_KIND_POLICY, "pd", d);
    const char *cmd_e = build_element (model, STORMCUT_KIND_COMMAND, "ce", e);
    const char *ev_c = build_element (model, STORMCUT_KIND_EVENT, "ec", c);
    const char *pol_e = build_element (model, STORMCUT_KIND_POLICY, "pe", e);
    const char *cmd_a = build_element (model, STORMCUT_KIND_COMMAND, "ca", a);

    ab = build_link (model, pol_a, cmd_b);     /* A depends on B (sync) */
    ba = build_link (model, ev_a, pol_b);      /* B depends on A (async) */
    build_link (model, rm_c, agg_d);           /* C depends on D (shared data) */
    build_link (model, pol_d, cmd_e);          /* D depends on E (sync) */
    build_link (model, ev_c, pol_e);           /* E depends on C (async) */
    build_link (model, pol_d, cmd_a);          /* D depends on A: no cycle back */
  }

  analysis = stormcut_services_analyze (model);
  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_CYCLE), 2);
  finding = nth_finding (analysis, STORMCUT_FINDING_CYCLE, 0);
  ck_assert (strings_are (finding->service_ids, a, b, NULL));
  ck_assert (strings_are (finding->link_ids, ab, ba, NULL));
  finding = nth_finding (analysis, STORMCUT_FINDING_CYCLE, 1);
  ck_assert (strings_are (finding->service_ids, c, d, e, NULL));
  ck_assert_uint_eq (finding->link_ids->len, 3);
  ck_assert_uint_eq (finding->element_ids->len, 6);

  /* Merging A and B removes their cycle. */
  {
    const char *ids[] = { a, b, NULL };
    g_autoptr(StormcutServiceAnalysis) merged = NULL;

    ck_assert (stormcut_services_merge (model, ids, "AB", NULL));
    merged = stormcut_services_analyze (model);
    ck_assert_uint_eq (count_findings (merged, STORMCUT_FINDING_CYCLE), 1);
    ck_assert_uint_eq (service_of_context (merged, a)->required_sync->len, 0);
    ck_assert_uint_eq (service_of_context (merged, a)->subscriptions->len, 0);
  }
}
END_TEST

START_TEST (test_event_cycle_message)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutServiceFinding *finding;

  build_link (model, build_element (model, STORMCUT_KIND_EVENT, "ea", a), build_element (model, STORMCUT_KIND_POLICY, "pb", b));
  build_link (model, build_element (model, STORMCUT_KIND_EVENT, "eb", b), build_element (model, STORMCUT_KIND_READ_MODEL, "ra", a));
  analysis = stormcut_services_analyze (model);
  finding = nth_finding (analysis, STORMCUT_FINDING_CYCLE, 0);
  ck_assert (strings_are (finding->service_ids, a, b, NULL));
  ck_assert (strstr (finding->message, "cycle of events") != NULL);

  /* One call in the loop makes it a hard cycle. */
  build_link (model, build_element (model, STORMCUT_KIND_POLICY, "pa", a), build_element (model, STORMCUT_KIND_COMMAND, "cb", b));
  g_clear_pointer (&analysis, stormcut_service_analysis_free);
  analysis = stormcut_services_analyze (model);
  finding = nth_finding (analysis, STORMCUT_FINDING_CYCLE, 0);
  ck_assert (strstr (finding->message, "cycle of events") == NULL);
  ck_assert_uint_eq (finding->link_ids->len, 3);
}
END_TEST

/* The Korean sample (data/samples/public-facility-reservation.xml), checked by hand against
 * its links: see the comments for where each number comes from. */
START_TEST (test_korean_sample)
{
  g_autofree char *path = stormcut_test_sample_path ("public-facility-reservation.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  const StormcutService *member, *facility, *reservation, *payment, *notification;
  const StormcutServiceApi *api;
  const StormcutServiceFinding *finding;

  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "");
  analysis = stormcut_services_analyze (model);
  ck_assert_uint_eq (analysis->services->len, 5);
  member = service_of_context (analysis, "ctx-member");
  facility = service_of_context (analysis, "ctx-facility");
  reservation = service_of_context (analysis, "ctx-reservation");
  payment = service_of_context (analysis, "ctx-payment");
  notification = service_of_context (analysis, "ctx-notification");
  ck_assert_str_eq (reservation->name, "예약");
  ck_assert_str_eq (reservation->code_name, "Reservation");

  /* One aggregate each. */
  ck_assert (strings_are (member->aggregate_ids, "agg-member", NULL));
  ck_assert (strings_are (facility->aggregate_ids, "agg-facility", NULL));
  ck_assert (strings_are (reservation->aggregate_ids, "agg-reservation", NULL));
  ck_assert (strings_are (payment->aggregate_ids, "agg-payment", NULL));
  ck_assert (strings_are (notification->aggregate_ids, "agg-notice", NULL));

  /* 회원: l-1 and l-8 (citizen → command), and 회원 등록, which the policy runs on the
   * identity service's event (l-3, l-4, l-5). */
  ck_assert_uint_eq (member->provided->len, 3);
  api = stormcut_service_find_api (member, "cmd-register-member");
  ck_assert (strings_are (api->caller_ids, "ext-identity", NULL));
  ck_assert (strings_are (api->link_ids, "l-3", "l-4", "l-5", NULL));
  ck_assert_ptr_nonnull (stormcut_service_find_api (member, "cmd-verify-identity"));
  ck_assert_ptr_nonnull (stormcut_service_find_api (member, "cmd-change-member"));
  /* 예약: its two read models and the two commands citizens run (l-23, l-31); 예약 확정
   * runs on 결제's event and is no API. */
  ck_assert_uint_eq (reservation->provided->len, 4);
  ck_assert_ptr_null (stormcut_service_find_api (reservation, "cmd-confirm-reservation"));
  /* 결제: the pending-payment read model, 이용료 결제 (l-46) and the PG's completion (l-48..50). */
  ck_assert_uint_eq (payment->provided->len, 3);
  api = stormcut_service_find_api (payment, "cmd-complete-payment");
  ck_assert (strings_are (api->caller_ids, "ext-payment-gateway", NULL));
  ck_assert_ptr_null (stormcut_service_find_api (payment, "cmd-request-payment"));
  ck_assert_ptr_null (stormcut_service_find_api (payment, "cmd-refund-payment"));
  ck_assert_uint_eq (facility->provided->len, 3);
  ck_assert_uint_eq (notification->provided->len, 1);

  /* No calls between services: everything goes through events, plus one direct read (l-21). */
  for (guint i = 0; i < analysis->services->len; i++)
    ck_assert_uint_eq (((StormcutService *) g_ptr_array_index (analysis->services, i))->required_sync->len, 0);
  ck_assert_uint_eq (reservation->direct_reads->len, 1);
  ck_assert_str_eq (((StormcutServiceDependency *) g_ptr_array_index (reservation->direct_reads, 0))->link_id, "l-21");
  /* Subscriptions: 예약 to 시설 (l-20) and 결제 (l-53); 결제 to 예약 (l-40, l-54);
   * 알림 to 예약 (l-59, l-60); 시설 to 예약 (l-39). */
  ck_assert_uint_eq (reservation->subscriptions->len, 2);
  ck_assert_uint_eq (payment->subscriptions->len, 2);
  ck_assert_uint_eq (notification->subscriptions->len, 2);
  ck_assert_uint_eq (facility->subscriptions->len, 1);
  ck_assert_str_eq (((StormcutServiceDependency *) g_ptr_array_index (facility->subscriptions, 0))->link_id, "l-39");

  /* Findings: one cycle 시설 ⇄ 예약 ⇄ 결제 (with the direct read, so a hard one), the
   * shared read, and two chatty pairs of exactly three links. */
  ck_assert_uint_eq (analysis->findings->len, 4);
  finding = nth_finding (analysis, STORMCUT_FINDING_CYCLE, 0);
  ck_assert (strings_are (finding->service_ids, "ctx-facility", "ctx-reservation", "ctx-payment", NULL));
  finding = nth_finding (analysis, STORMCUT_FINDING_SHARED_DATA, 0);
  ck_assert (strings_are (finding->service_ids, "ctx-reservation", "ctx-facility", NULL));
  ck_assert (strings_are (finding->link_ids, "l-21", NULL));
  finding = nth_finding (analysis, STORMCUT_FINDING_CHATTY_PAIR, 0);
  ck_assert (strings_are (finding->service_ids, "ctx-facility", "ctx-reservation", NULL));
  ck_assert (strings_are (finding->link_ids, "l-20", "l-21", "l-39", NULL));
  finding = nth_finding (analysis, STORMCUT_FINDING_CHATTY_PAIR, 1);
  ck_assert (strings_are (finding->service_ids, "ctx-reservation", "ctx-payment", NULL));
  ck_assert (strings_are (finding->link_ids, "l-40", "l-53", "l-54", NULL));
  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_NO_DATA), 0);
  ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_OWNERSHIP_VIOLATION), 0);
}
END_TEST

START_TEST (test_chatty_pair_threshold)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *ev1 = build_element (model, STORMCUT_KIND_EVENT, "e1", a);
  const char *ev2 = build_element (model, STORMCUT_KIND_EVENT, "e2", a);
  const char *pol = build_element (model, STORMCUT_KIND_POLICY, "p", b);
  const char *rm = build_element (model, STORMCUT_KIND_READ_MODEL, "r", b);
  const char *hotspot = build_element (model, STORMCUT_KIND_HOTSPOT, "?", a);
  const char *l1, *l2, *l3;

  build_element (model, STORMCUT_KIND_AGGREGATE, "da", a);
  build_element (model, STORMCUT_KIND_AGGREGATE, "db", b);
  l1 = build_link (model, ev1, pol);
  l2 = build_link (model, ev2, pol);
  build_link (model, hotspot, rm);   /* annotations do not count */
  {
    g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
    ck_assert_uint_eq (STORMCUT_SERVICES_CHATTY_THRESHOLD - 1, 2);
    ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_CHATTY_PAIR), 0);
  }
  l3 = build_link (model, ev1, rm);
  {
    g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
    const StormcutServiceFinding *finding;

    ck_assert_uint_eq (count_findings (analysis, STORMCUT_FINDING_CHATTY_PAIR), 1);
    finding = nth_finding (analysis, STORMCUT_FINDING_CHATTY_PAIR, 0);
    ck_assert (strings_are (finding->service_ids, a, b, NULL));
    ck_assert (strings_are (finding->link_ids, l1, l2, l3, NULL));
    ck_assert (strstr (finding->message, "3 links") != NULL);
  }
}
END_TEST

START_TEST (test_findings_order)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *a = build_context (model, "A");
  const char *b = build_context (model, "B");
  const char *c = build_context (model, "C");
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  StormcutFindingKind previous = 0;

  build_link (model, build_element (model, STORMCUT_KIND_READ_MODEL, "rc", c),
              build_element (model, STORMCUT_KIND_AGGREGATE, "ab", b));
  build_link (model, build_element (model, STORMCUT_KIND_COMMAND, "cc", c),
              build_element (model, STORMCUT_KIND_AGGREGATE, "ab2", b));
  (void) a;
  analysis = stormcut_services_analyze (model);
  /* violation, shared data, two services without data (A then C) */
  ck_assert_uint_eq (analysis->findings->len, 4);
  for (guint i = 0; i < analysis->findings->len; i++)
    {
      const StormcutServiceFinding *finding = g_ptr_array_index (analysis->findings, i);
      ck_assert_int_ge (finding->kind, previous);
      previous = finding->kind;
    }
  ck_assert (strings_are (nth_finding (analysis, STORMCUT_FINDING_NO_DATA, 0)->service_ids, a, NULL));
  ck_assert (strings_are (nth_finding (analysis, STORMCUT_FINDING_NO_DATA, 1)->service_ids, c, NULL));
  ck_assert_str_eq (stormcut_finding_kind_to_string (STORMCUT_FINDING_NO_DATA), "no-data");
}
END_TEST

START_TEST (test_no_contexts)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;

  build_link (model, build_element (model, STORMCUT_KIND_ACTOR, "u", NULL),
              build_element (model, STORMCUT_KIND_COMMAND, "c", NULL));
  analysis = stormcut_services_analyze (model);
  ck_assert_uint_eq (analysis->services->len, 0);
  ck_assert_uint_eq (analysis->findings->len, 0);
}
END_TEST

START_TEST (test_generated_model)
{
  g_autoptr(StormcutModel) model = stormcut_test_generate_model (2000, 7);
  g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
  guint n_contexts = stormcut_model_get_contexts (model)->len;
  guint owned = 0, aggregates = 0;
  GPtrArray *elements = stormcut_model_get_elements (model);

  ck_assert_uint_eq (analysis->services->len, n_contexts);
  for (guint i = 0; i < analysis->services->len; i++)
    owned += ((StormcutService *) g_ptr_array_index (analysis->services, i))->aggregate_ids->len;
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      if (element->kind == STORMCUT_KIND_AGGREGATE && element->context_id != NULL)
        aggregates++;
    }
  /* Every aggregate in a context is owned by exactly one service. */
  ck_assert_uint_eq (owned, aggregates);
}
END_TEST

static Suite *
services_suite (void)
{
  Suite *suite = suite_create ("services");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_one_service_per_context);
  tcase_add_test (tc, test_merge_split_external);
  tcase_add_test (tc, test_merged_code_name);
  tcase_add_test (tc, test_provided_apis);
  tcase_add_test (tc, test_sync_call_and_direct_read);
  tcase_add_test (tc, test_ownership_violation);
  tcase_add_test (tc, test_cycles);
  tcase_add_test (tc, test_event_cycle_message);
  tcase_add_test (tc, test_korean_sample);
  tcase_add_test (tc, test_chatty_pair_threshold);
  tcase_add_test (tc, test_findings_order);
  tcase_add_test (tc, test_no_contexts);
  tcase_add_test (tc, test_generated_model);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (services_suite ());
}
