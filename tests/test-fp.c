/* test-fp.c: function-point rows (DOMAIN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "analysis-builder.h"
#include <string.h>
#include <stormcut/stormcut-cost.h>
#include <stormcut/stormcut-fp.h>
#include <stormcut/stormcut-services.h>

/* @prefix + @id, interned (tests do not free it). */
static const char *
row_key (const char *prefix,
         const char *id)
{
  g_autofree char *key = g_strconcat (prefix, id, NULL);

  return g_intern_string (key);
}

typedef struct {
  const char    *process;
  StormcutFpType type;
  int            weight_tenths;
  StormcutFpRule rule;
  const char    *service;
  const char   **element_id;
} ExpectedRow;

static void
assert_rows (const StormcutFpTable *table,
             const ExpectedRow     *expected,
             guint                  n_expected)
{
  ck_assert_uint_eq (table->rows->len, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const StormcutFpRow *row = g_ptr_array_index (table->rows, i);

      ck_assert_msg (g_str_equal (row->process, expected[i].process), "row %u: %s", i, row->process);
      ck_assert_msg (row->type == expected[i].type, "row %u: type %s", i, stormcut_fp_type_to_string (row->type));
      ck_assert_int_eq (row->suggested_type, expected[i].type);
      ck_assert_int_eq (row->weight_tenths, expected[i].weight_tenths);
      ck_assert_int_eq (row->fp_tenths, expected[i].weight_tenths);
      ck_assert_msg (row->rule == expected[i].rule, "row %u: rule %s", i, stormcut_fp_rule_to_string (row->rule));
      ck_assert_str_eq (row->service, expected[i].service);
      ck_assert_str_eq (row->element_id, *expected[i].element_id);
      ck_assert_str_eq (row->application, table->application);
      ck_assert (!row->overridden);
      ck_assert (!row->excluded);
      /* The note names the rule that produced the row. */
      ck_assert (g_str_has_prefix (row->note, stormcut_fp_rule_get_label (row->rule)));
    }
}

/* The procurement guide's reservation example.  @variant 1: one reservation service serves
 * the search from its own data; 2: the search is its own service with no DB, reading the
 * reservation service's data; 3: the search service keeps its own copy (an aggregate). */
typedef struct {
  StormcutModel *model;
  const char *reservation_ctx, *search_ctx;
  const char *customer, *register_cmd, *reservation, *registered, *search, *search_store;
} Reservation;

static void
build_reservation (Reservation *r,
                   int          variant)
{
  memset (r, 0, sizeof *r);
  r->model = stormcut_model_new ();
  ck_assert (stormcut_model_set_name (r->model, "공공시설 예약", NULL));
  r->reservation_ctx = build_context (r->model, "예약");
  r->search_ctx = variant == 1 ? r->reservation_ctx : build_context (r->model, "예약 조회");
  r->customer = build_element (r->model, STORMCUT_KIND_ACTOR, "고객", NULL);
  r->register_cmd = build_element (r->model, STORMCUT_KIND_COMMAND, "예약 등록", r->reservation_ctx);
  r->reservation = build_element (r->model, STORMCUT_KIND_AGGREGATE, "예약", r->reservation_ctx);
  r->registered = build_element (r->model, STORMCUT_KIND_EVENT, "예약 등록됨", r->reservation_ctx);
  r->search = build_element (r->model, STORMCUT_KIND_READ_MODEL, "예약 검색", r->search_ctx);
  build_link (r->model, r->customer, r->register_cmd);
  build_link (r->model, r->register_cmd, r->reservation);
  build_link (r->model, r->reservation, r->registered);
  build_link (r->model, r->search, r->customer);
  if (variant == 2)
    build_link (r->model, r->search, r->reservation);     /* reads the reservation DB */
  else
    build_link (r->model, r->registered, r->search);       /* projection */
  if (variant == 3)
    r->search_store = build_element (r->model, STORMCUT_KIND_AGGREGATE, "검색용 예약", r->search_ctx);
}

START_TEST (test_reservation_default_profile)
{
  Reservation r;
  g_autoptr(StormcutFpTable) table = NULL;

  build_reservation (&r, 1);
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  {
    const ExpectedRow expected[] = {
      { "예약 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "예약", &r.register_cmd },
      { "예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "예약", &r.reservation },
      { "예약 검색", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "예약", &r.search },
    };
    assert_rows (table, expected, G_N_ELEMENTS (expected));
  }
  ck_assert_str_eq (table->application, "공공시설 예약");
  ck_assert_int_eq (table->total.total_tenths, 154);
  ck_assert_double_eq_tol (stormcut_fp_table_get_total (table), 15.4, 1e-9);
  g_object_unref (r.model);
}
END_TEST

START_TEST (test_reservation_msa_owns_data)
{
  Reservation r;
  g_autoptr(StormcutFpTable) table = NULL;

  build_reservation (&r, 1);
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  {
    /* The guide: 예약 등록 API 연계 (ILF) + 예약 등록 (EI) + 예약 검색 (EQ) + 예약 검색 API
     * 연계 (ILF), with the reservation data still its own ILF. */
    const ExpectedRow expected[] = {
      { "예약 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "예약", &r.register_cmd },
      { "예약 등록 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "예약", &r.register_cmd },
      { "예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "예약", &r.reservation },
      { "예약 검색", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "예약", &r.search },
      { "예약 검색 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "예약", &r.search },
    };
    assert_rows (table, expected, G_N_ELEMENTS (expected));
  }
  ck_assert_str_eq (((StormcutFpRow *) g_ptr_array_index (table->rows, 1))->key,
                    row_key ("api.", r.register_cmd));
  ck_assert_int_eq (table->total.total_tenths, 304);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_ILF], 3);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_EI], 1);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_EQ], 1);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_EIF], 0);
  g_object_unref (r.model);
}
END_TEST

START_TEST (test_reservation_msa_search_without_db)
{
  Reservation r;
  g_autoptr(StormcutFpTable) plain = NULL;
  g_autoptr(StormcutFpTable) table = NULL;

  build_reservation (&r, 2);
  plain = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  {
    const ExpectedRow expected[] = {
      { "예약 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "예약", &r.register_cmd },
      { "예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "예약", &r.reservation },
      { "예약 검색", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "예약 조회", &r.search },
    };
    assert_rows (plain, expected, G_N_ELEMENTS (expected));
  }
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  {
    /* 예약 검색 has no DB of its own and reads 예약's: its API row is an EIF. */
    const ExpectedRow expected[] = {
      { "예약 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "예약", &r.register_cmd },
      { "예약 등록 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "예약", &r.register_cmd },
      { "예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "예약", &r.reservation },
      { "예약 검색", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "예약 조회", &r.search },
      { "예약 검색 API integration", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_API_NO_DATA_EIF, "예약 조회", &r.search },
    };
    assert_rows (table, expected, G_N_ELEMENTS (expected));
  }
  ck_assert_int_eq (table->total.total_tenths, 40 + 75 + 75 + 39 + 54);
  /* Per service. */
  ck_assert_uint_eq (table->by_service->len, 2);
  {
    const StormcutFpTotal *first = g_ptr_array_index (table->by_service, 0);
    const StormcutFpTotal *second = g_ptr_array_index (table->by_service, 1);

    ck_assert_str_eq (first->name, "예약");
    ck_assert_str_eq (first->service_id, r.reservation_ctx);
    ck_assert_int_eq (first->total_tenths, 190);
    ck_assert_uint_eq (first->counts[STORMCUT_FP_ILF], 2);
    ck_assert_str_eq (second->name, "예약 조회");
    ck_assert_int_eq (second->total_tenths, 93);
    ck_assert_int_eq (second->fp_tenths[STORMCUT_FP_EIF], 54);
  }
  g_object_unref (r.model);
}
END_TEST

START_TEST (test_reservation_msa_search_with_own_db)
{
  Reservation r;
  g_autoptr(StormcutFpTable) plain = NULL;
  g_autoptr(StormcutFpTable) table = NULL;

  build_reservation (&r, 3);
  plain = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  {
    const ExpectedRow expected[] = {
      { "예약 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "예약", &r.register_cmd },
      { "예약 등록 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "예약", &r.register_cmd },
      { "예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "예약", &r.reservation },
      { "예약 검색", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "예약 조회", &r.search },
      { "예약 검색 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "예약 조회", &r.search },
      { "검색용 예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "예약 조회", &r.search_store },
    };
    assert_rows (table, expected, G_N_ELEMENTS (expected));
  }
  /* Exactly the two API rows are added by the profile. */
  ck_assert_uint_eq (table->rows->len - plain->rows->len, 2);
  for (guint i = 0, j = 0; i < table->rows->len; i++)
    {
      const StormcutFpRow *row = g_ptr_array_index (table->rows, i);

      if (g_str_has_prefix (row->key, "api."))
        continue;
      ck_assert_str_eq (row->key, ((StormcutFpRow *) g_ptr_array_index (plain->rows, j++))->key);
    }
  g_object_unref (r.model);
}
END_TEST

START_TEST (test_default_rules)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *ctx = build_context (model, "민원");
  const char *outside_ctx = build_context (model, "타기관");
  const char *clerk = build_element (model, STORMCUT_KIND_ACTOR, "담당자", NULL);
  const char *apply = build_element (model, STORMCUT_KIND_COMMAND, "민원 신청", ctx);
  const char *both = build_element (model, STORMCUT_KIND_COMMAND, "보완 요청", ctx);
  const char *auto_cmd = build_element (model, STORMCUT_KIND_COMMAND, "자동 접수", ctx);
  const char *petition = build_element (model, STORMCUT_KIND_AGGREGATE, "민원", ctx);
  const char *loose = build_element (model, STORMCUT_KIND_AGGREGATE, "경계 밖 데이터", NULL);
  const char *applied = build_element (model, STORMCUT_KIND_EVENT, "민원 신청됨", ctx);
  const char *policy = build_element (model, STORMCUT_KIND_POLICY, "자동 접수 정책", ctx);
  const char *list = build_element (model, STORMCUT_KIND_READ_MODEL, "민원 목록", ctx);
  const char *stats = build_element (model, STORMCUT_KIND_READ_MODEL, "처리 통계", ctx);
  const char *gov24 = build_element (model, STORMCUT_KIND_EXTERNAL_SYSTEM, "정부24", NULL);
  const char *sms = build_element (model, STORMCUT_KIND_EXTERNAL_SYSTEM, "문자 발송", NULL);
  const char *unused = build_element (model, STORMCUT_KIND_EXTERNAL_SYSTEM, "미연계 시스템", NULL);
  const char *hotspot = build_element (model, STORMCUT_KIND_HOTSPOT, "연계 방식?", NULL);
  const char *foreign_agg = build_element (model, STORMCUT_KIND_AGGREGATE, "타기관 데이터", outside_ctx);
  const char *foreign_cmd = build_element (model, STORMCUT_KIND_COMMAND, "타기관 처리", outside_ctx);
  g_autoptr(StormcutFpTable) table = NULL;

  ck_assert (stormcut_model_set_element_derived (model, stats, TRUE, NULL));
  ck_assert (stormcut_services_set_external (model, outside_ctx, TRUE, NULL));
  build_link (model, clerk, apply);
  build_link (model, clerk, both);
  build_link (model, apply, petition);
  build_link (model, petition, applied);
  build_link (model, applied, policy);
  build_link (model, policy, auto_cmd);          /* issued only by a policy: no EI */
  build_link (model, policy, both);              /* actor and policy: one EI */
  build_link (model, applied, list);
  build_link (model, applied, gov24);            /* one EO for the event... */
  build_link (model, applied, sms);              /* ...even when sent to two systems */
  build_link (model, hotspot, unused);           /* annotations do not link a system */
  build_link (model, clerk, foreign_cmd);        /* external context: outside the boundary */
  (void) loose;
  (void) foreign_agg;

  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  {
    /* Service order (민원), then no service; element order inside.  The external systems take
     * the service of the first element they are linked with. */
    const ExpectedRow expected[] = {
      { "민원 신청", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "민원", &apply },
      { "보완 요청", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "민원", &both },
      { "민원", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "민원", &petition },
      { "민원 신청됨", STORMCUT_FP_EO, 52, STORMCUT_FP_RULE_EVENT_EXTERNAL_EO, "민원", &applied },
      { "민원 목록", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "민원", &list },
      { "처리 통계", STORMCUT_FP_EO, 52, STORMCUT_FP_RULE_READ_MODEL_EO, "민원", &stats },
      { "정부24", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_EXTERNAL_EIF, "민원", &gov24 },
      { "문자 발송", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_EXTERNAL_EIF, "민원", &sms },
    };
    assert_rows (table, expected, G_N_ELEMENTS (expected));
  }
  ck_assert_int_eq (table->total.total_tenths, 40 + 40 + 75 + 52 + 39 + 52 + 54 + 54);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_EO], 2);
  ck_assert_int_eq (table->total.fp_tenths[STORMCUT_FP_EO], 104);
  ck_assert_uint_eq (table->by_service->len, 1);   /* 민원; the external context has no rows */
  ck_assert_ptr_null (stormcut_fp_table_find_row (table, row_key ("ei.", auto_cmd)));
}
END_TEST

START_TEST (test_no_contexts_counts_whole_board)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *user = build_element (model, STORMCUT_KIND_ACTOR, "User", NULL);
  const char *cmd = build_element (model, STORMCUT_KIND_COMMAND, "Register", NULL);
  const char *agg = build_element (model, STORMCUT_KIND_AGGREGATE, "Account", NULL);
  g_autoptr(StormcutFpTable) table = NULL;
  g_autoptr(StormcutFpTable) msa = NULL;

  build_link (model, user, cmd);
  build_link (model, cmd, agg);
  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  {
    const ExpectedRow expected[] = {
      { "Register", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "", &cmd },
      { "Account", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "", &agg },
    };
    assert_rows (table, expected, G_N_ELEMENTS (expected));
  }
  /* No services, so no API rows either. */
  msa = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_uint_eq (msa->rows->len, 2);
  ck_assert_uint_eq (msa->by_service->len, 1);
  ck_assert_ptr_null (((StormcutFpTotal *) g_ptr_array_index (msa->by_service, 0))->service_id);

  /* Once contexts exist, an aggregate outside every context is not counted. */
  build_context (model, "Somewhere");
  g_clear_pointer (&table, stormcut_fp_table_free);
  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_uint_eq (table->rows->len, 1);
}
END_TEST

START_TEST (test_complexity_matrices)
{
  /* ILF/EIF: RET 1 / 2–5 / 6+ against DET 1–19 / 20–50 / 51+. */
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_ILF, 19, 1), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_ILF, 50, 1), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_ILF, 51, 1), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_ILF, 19, 2), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_ILF, 20, 5), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EIF, 51, 5), STORMCUT_FP_COMPLEXITY_HIGH);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EIF, 1, 6), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EIF, 20, 6), STORMCUT_FP_COMPLEXITY_HIGH);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_ILF, 10, 0), STORMCUT_FP_COMPLEXITY_UNKNOWN);
  /* EI: FTR 0–1 / 2 / 3+ against DET 1–4 / 5–15 / 16+. */
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 4, 0), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 16, 1), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 5, 2), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 4, 2), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 16, 2), STORMCUT_FP_COMPLEXITY_HIGH);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 1, 3), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EI, 5, 3), STORMCUT_FP_COMPLEXITY_HIGH);
  /* EO/EQ: FTR 0–1 / 2–3 / 4+ against DET 1–5 / 6–19 / 20+. */
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EQ, 5, 1), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EQ, 20, 1), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EO, 6, 3), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EO, 5, 3), STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EO, 1, 4), STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EQ, 20, 4), STORMCUT_FP_COMPLEXITY_HIGH);
  ck_assert_int_eq (stormcut_fp_complexity (STORMCUT_FP_EQ, 0, 4), STORMCUT_FP_COMPLEXITY_UNKNOWN);

  ck_assert_int_eq (stormcut_fp_detailed_weight (STORMCUT_FP_ILF, STORMCUT_FP_COMPLEXITY_HIGH), 15);
  ck_assert_int_eq (stormcut_fp_detailed_weight (STORMCUT_FP_EIF, STORMCUT_FP_COMPLEXITY_AVERAGE), 7);
  ck_assert_int_eq (stormcut_fp_detailed_weight (STORMCUT_FP_EI, STORMCUT_FP_COMPLEXITY_LOW), 3);
  ck_assert_int_eq (stormcut_fp_detailed_weight (STORMCUT_FP_EO, STORMCUT_FP_COMPLEXITY_HIGH), 7);
  ck_assert_int_eq (stormcut_fp_detailed_weight (STORMCUT_FP_EQ, STORMCUT_FP_COMPLEXITY_AVERAGE), 4);
  ck_assert_int_eq (stormcut_fp_detailed_weight (STORMCUT_FP_EQ, STORMCUT_FP_COMPLEXITY_UNKNOWN), 0);

  ck_assert_int_eq (stormcut_fp_simple_weight_tenths (STORMCUT_FP_ILF), 75);
  ck_assert_int_eq (stormcut_fp_simple_weight_tenths (STORMCUT_FP_EIF), 54);
  ck_assert_int_eq (stormcut_fp_simple_weight_tenths (STORMCUT_FP_EI), 40);
  ck_assert_int_eq (stormcut_fp_simple_weight_tenths (STORMCUT_FP_EO), 52);
  ck_assert_int_eq (stormcut_fp_simple_weight_tenths (STORMCUT_FP_EQ), 39);
}
END_TEST

START_TEST (test_detailed_method)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *ctx = build_context (model, "시설");
  const char *admin = build_element (model, STORMCUT_KIND_ACTOR, "관리자", NULL);
  const char *cmd = build_element (model, STORMCUT_KIND_COMMAND, "시설 등록", ctx);
  const char *facility = build_element_with (model, STORMCUT_KIND_AGGREGATE, "시설", ctx,
                                             "시설ID", "시설명", "주소", "수용인원", "요금", NULL);
  const char *rule = build_element_with (model, STORMCUT_KIND_AGGREGATE, "이용 규칙", ctx,
                                         "시설ID", "요일", "시작시각", "종료시각", NULL);
  const char *created = build_element (model, STORMCUT_KIND_EVENT, "시설 등록됨", ctx);
  const char *view = build_element_with (model, STORMCUT_KIND_READ_MODEL, "시설 목록", ctx,
                                         "시설명", "주소", "수용인원", "요금", "이용 가능", "사진", NULL);
  const char *bare = build_element (model, STORMCUT_KIND_READ_MODEL, "빈 화면", ctx);
  const char *gis = build_element (model, STORMCUT_KIND_EXTERNAL_SYSTEM, "GIS", NULL);
  g_autoptr(StormcutFpTable) table = NULL;
  const StormcutFpRow *row;

  build_link (model, admin, cmd);
  build_link (model, cmd, facility);
  build_link (model, cmd, rule);
  build_link (model, cmd, gis);
  build_link (model, facility, created);
  build_link (model, created, view);
  build_link (model, view, rule);      /* same context: a plain read, still an FTR */

  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_DETAILED);
  ck_assert_int_eq (table->method, STORMCUT_FP_METHOD_DETAILED);

  /* EI: DET = distinct attribute names of 시설 and 이용 규칙 (5 + 4 − 1 shared) = 8;
   * FTR = the two aggregates + the GIS = 3 → high → 6. */
  row = stormcut_fp_table_find_row (table, row_key ("ei.", cmd));
  ck_assert_int_eq (row->det, 8);
  ck_assert_int_eq (row->ret_ftr, 3);
  ck_assert_int_eq (row->complexity, STORMCUT_FP_COMPLEXITY_HIGH);
  ck_assert_int_eq (row->weight_tenths, 60);

  /* ILF: DET = 5 attributes, RET 1 → low → 7. */
  row = stormcut_fp_table_find_row (table, row_key ("ilf.", facility));
  ck_assert_int_eq (row->det, 5);
  ck_assert_int_eq (row->ret_ftr, 1);
  ck_assert_int_eq (row->complexity, STORMCUT_FP_COMPLEXITY_LOW);
  ck_assert_int_eq (row->weight_tenths, 70);

  /* EQ: DET 6; FTR = 이용 규칙 (read) + 시설 (produces the event that feeds it) = 2 → average → 4. */
  row = stormcut_fp_table_find_row (table, row_key ("rm.", view));
  ck_assert_int_eq (row->det, 6);
  ck_assert_int_eq (row->ret_ftr, 2);
  ck_assert_int_eq (row->complexity, STORMCUT_FP_COMPLEXITY_AVERAGE);
  ck_assert_int_eq (row->weight_tenths, 40);

  /* Without attributes the average weight stays, and the note says why. */
  row = stormcut_fp_table_find_row (table, row_key ("rm.", bare));
  ck_assert_int_eq (row->det, -1);
  ck_assert_int_eq (row->complexity, STORMCUT_FP_COMPLEXITY_UNKNOWN);
  ck_assert_int_eq (row->weight_tenths, 39);
  ck_assert (strstr (row->note, "average weight") != NULL);
  row = stormcut_fp_table_find_row (table, row_key ("eif.", gis));
  ck_assert_int_eq (row->weight_tenths, 54);

  /* The simple method keeps the averages and still reports DET and FTR, but rates no
   * complexity. */
  g_clear_pointer (&table, stormcut_fp_table_free);
  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  row = stormcut_fp_table_find_row (table, row_key ("ei.", cmd));
  ck_assert_int_eq (row->weight_tenths, 40);
  ck_assert_int_eq (row->det, 8);
  ck_assert_int_eq (row->ret_ftr, 3);
  ck_assert_int_eq (row->complexity, STORMCUT_FP_COMPLEXITY_UNKNOWN);
  ck_assert (strstr (row->note, "average weight") == NULL);
}
END_TEST

START_TEST (test_overrides)
{
  Reservation r;
  g_autoptr(GError) error = NULL;
  const char *search_key;
  const char *register_key;
  const char *api_key;
  StormcutFpTable *table;
  const StormcutFpRow *row;

  build_reservation (&r, 1);
  search_key = row_key ("rm.", r.search);
  register_key = row_key ("ei.", r.register_cmd);
  api_key = row_key ("api.", r.search);

  ck_assert (stormcut_fp_set_override (r.model, search_key, STORMCUT_FP_EO, "통계 계산 포함; 월별 집계", &error));
  ck_assert_ptr_null (error);
  ck_assert_str_eq (stormcut_model_get_setting (r.model, row_key ("fp.override.", search_key)),
                    "type=EO;reason=통계 계산 포함; 월별 집계");
  ck_assert (stormcut_fp_exclude (r.model, api_key, "게이트웨이 미경유", &error));

  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  row = stormcut_fp_table_find_row (table, search_key);
  ck_assert (row->overridden);
  ck_assert (!row->excluded);
  ck_assert_int_eq (row->suggested_type, STORMCUT_FP_EQ);
  ck_assert_int_eq (row->type, STORMCUT_FP_EO);
  ck_assert_int_eq (row->rule, STORMCUT_FP_RULE_READ_MODEL_EQ);
  ck_assert_int_eq (row->fp_tenths, 52);
  ck_assert_str_eq (row->override_reason, "통계 계산 포함; 월별 집계");
  ck_assert (strstr (row->note, "changed to EO by the user: 통계 계산 포함; 월별 집계") != NULL);
  row = stormcut_fp_table_find_row (table, api_key);
  ck_assert (row->excluded);
  ck_assert_int_eq (row->fp_tenths, 0);
  ck_assert_int_eq (row->weight_tenths, 75);
  ck_assert (strstr (row->note, "excluded by the user: 게이트웨이 미경유") != NULL);
  /* 40 + 75 + 75 + 52 (EO) + 0 */
  ck_assert_int_eq (table->total.total_tenths, 242);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_EQ], 0);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_EO], 1);
  ck_assert_uint_eq (table->total.counts[STORMCUT_FP_ILF], 2);
  stormcut_fp_table_free (table);

  /* A reason is required; a missing row key is refused. */
  ck_assert (!stormcut_fp_set_override (r.model, register_key, STORMCUT_FP_EO, "  ", &error));
  ck_assert (g_error_matches (error, STORMCUT_FP_ERROR, STORMCUT_FP_ERROR_INVALID));
  g_clear_error (&error);
  ck_assert (!stormcut_fp_exclude (r.model, "", "x", &error));
  g_clear_error (&error);

  /* A hand-edited value that cannot be read is ignored, and said so. */
  ck_assert (stormcut_model_set_setting (r.model, row_key ("fp.override.", register_key), "type=XYZ;reason=?", NULL));
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  row = stormcut_fp_table_find_row (table, register_key);
  ck_assert (!row->overridden);
  ck_assert_int_eq (row->type, STORMCUT_FP_EI);
  ck_assert (strstr (row->note, "unreadable override ignored") != NULL);
  stormcut_fp_table_free (table);

  /* Clearing and undo. */
  ck_assert (stormcut_fp_clear_override (r.model, search_key, &error));
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_int_eq (stormcut_fp_table_find_row (table, search_key)->type, STORMCUT_FP_EQ);
  stormcut_fp_table_free (table);
  ck_assert (stormcut_model_undo (r.model, &error));
  table = stormcut_fp_count (r.model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_int_eq (stormcut_fp_table_find_row (table, search_key)->type, STORMCUT_FP_EO);
  stormcut_fp_table_free (table);
  ck_assert (stormcut_fp_clear_override (r.model, "rm.never-set", &error));
  g_object_unref (r.model);
}
END_TEST

START_TEST (test_profile_and_method_settings)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  StormcutFpProfile profile;
  StormcutFpMethod method;

  ck_assert_int_eq (stormcut_fp_get_profile (model), STORMCUT_FP_PROFILE_DEFAULT);
  ck_assert_int_eq (stormcut_fp_get_method (model), STORMCUT_FP_METHOD_SIMPLE);
  ck_assert (stormcut_fp_set_profile (model, STORMCUT_FP_PROFILE_MSA, NULL));
  ck_assert (stormcut_fp_set_method (model, STORMCUT_FP_METHOD_DETAILED, NULL));
  ck_assert_str_eq (stormcut_model_get_setting (model, "fp.profile"), "msa");
  ck_assert_str_eq (stormcut_model_get_setting (model, "fp.method"), "detailed");
  ck_assert_int_eq (stormcut_fp_get_profile (model), STORMCUT_FP_PROFILE_MSA);
  ck_assert_int_eq (stormcut_fp_get_method (model), STORMCUT_FP_METHOD_DETAILED);
  ck_assert (stormcut_model_set_setting (model, "fp.profile", "bogus", NULL));
  ck_assert_int_eq (stormcut_fp_get_profile (model), STORMCUT_FP_PROFILE_DEFAULT);

  ck_assert (stormcut_fp_profile_from_string ("msa", &profile));
  ck_assert_int_eq (profile, STORMCUT_FP_PROFILE_MSA);
  ck_assert (!stormcut_fp_profile_from_string ("MSA!", &profile));
  ck_assert (stormcut_fp_method_from_string ("simple", &method));
  ck_assert (!stormcut_fp_method_from_string (NULL, &method));
}
END_TEST

START_TEST (test_worked_example_from_model)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *ctx = build_context (model, "업무");
  const char *user = build_element (model, STORMCUT_KIND_ACTOR, "사용자", NULL);
  g_autoptr(StormcutFpTable) table = NULL;
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_new ();
  StormcutCostEstimate estimate;

  /* 6 ILF × 7.5 + 10 EI × 4.0 = 85 FP. */
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("데이터 %d", i + 1);
      build_element (model, STORMCUT_KIND_AGGREGATE, name, ctx);
    }
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("처리 %d", i + 1);
      build_link (model, user, build_element (model, STORMCUT_KIND_COMMAND, name, ctx));
    }
  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_int_eq (table->total.total_tenths, 850);

  settings->edition = STORMCUT_COST_EDITION_2020;
  settings->levels[STORMCUT_COST_FACTOR_INTEGRATION] = 2;
  settings->levels[STORMCUT_COST_FACTOR_COMPATIBILITY] = 1;
  settings->direct_expenses = 2000000;
  stormcut_cost_compute (settings, table->total.total_tenths, &estimate);
  ck_assert_int_eq (estimate.development_cost, 53173990);
  ck_assert_int_eq (estimate.profit, 13293498);
  ck_assert_int_eq (estimate.sw_cost, 68467488);
  settings->edition = STORMCUT_COST_EDITION_2024;
  stormcut_cost_compute (settings, table->total.total_tenths, &estimate);
  ck_assert_int_eq (estimate.development_cost, 58237457);
  ck_assert_int_eq (estimate.profit, 14559364);
  ck_assert_int_eq (estimate.sw_cost, 74796821);
}
END_TEST

START_TEST (test_format_and_names)
{
  g_autofree char *a = stormcut_fp_format_tenths (850);
  g_autofree char *b = stormcut_fp_format_tenths (75);
  g_autofree char *c = stormcut_fp_format_tenths (12345);
  g_autofree char *d = stormcut_fp_format_tenths (0);
  StormcutFpType type;

  ck_assert_str_eq (a, "85");
  ck_assert_str_eq (b, "7.5");
  ck_assert_str_eq (c, "1,234.5");
  ck_assert_str_eq (d, "0");
  ck_assert (stormcut_fp_type_from_string ("eif", &type));
  ck_assert_int_eq (type, STORMCUT_FP_EIF);
  ck_assert (!stormcut_fp_type_from_string ("EX", &type));
  ck_assert_str_eq (stormcut_fp_rule_to_string (STORMCUT_FP_RULE_API_NO_DATA_EIF), "api-no-data-eif");
  ck_assert_str_eq (stormcut_fp_complexity_get_label (STORMCUT_FP_COMPLEXITY_UNKNOWN), "");
}
END_TEST

START_TEST (test_multiline_names_and_description)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const char *ctx = build_context (model, "C");
  const char *agg = build_element (model, STORMCUT_KIND_AGGREGATE, "두 줄\n이름", ctx);
  g_autoptr(StormcutFpTable) table = NULL;
  const StormcutFpRow *row;

  ck_assert (stormcut_model_set_element_description (model, agg, "설명입니다", NULL));
  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  row = g_ptr_array_index (table->rows, 0);
  ck_assert_str_eq (row->process, "두 줄 이름");
  ck_assert_str_eq (row->description, "설명입니다");
  ck_assert_str_eq (row->context_id, ctx);
}
END_TEST

/* The Korean sample (data/samples/public-facility-reservation.xml) under the MSA profile,
 * checked by hand: 5 aggregates (ILF), 4 linked external systems (EIF), 7 commands citizens
 * and officers run (l-1, l-8, l-12, l-13, l-23, l-31, l-46: EI), 5 read models (시설 이용 통계
 * is derived: EO; the others EQ), 3 events sent outside (l-37, l-38, l-65: EO), and one API
 * row for each of the 14 provided APIs, all ILF since every service owns its aggregate. */
static const struct {
  const char    *service;
  const char    *process;
  StormcutFpType type;
  int            weight_tenths;
  StormcutFpRule rule;
  const char    *element_id;
} korean_sample_rows[] = {
    { "회원", "본인인증 요청", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-verify-identity" },
    { "회원", "본인인증 요청 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-verify-identity" },
    { "회원", "본인인증 서비스", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_EXTERNAL_EIF, "ext-identity" },
    { "회원", "회원 등록 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-register-member" },
    { "회원", "회원", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "agg-member" },
    { "회원", "회원 정보 변경", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-change-member" },
    { "회원", "회원 정보 변경 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-change-member" },
    { "시설", "시설 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-register-facility" },
    { "시설", "시설 등록 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-register-facility" },
    { "시설", "시설", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "agg-facility" },
    { "시설", "이용 시간대 개설", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-open-slots" },
    { "시설", "이용 시간대 개설 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-open-slots" },
    { "시설", "시설 이용 통계", STORMCUT_FP_EO, 52, STORMCUT_FP_RULE_READ_MODEL_EO, "rm-usage-statistics" },
    { "시설", "시설 이용 통계 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "rm-usage-statistics" },
    { "예약", "예약 가능 시설 조회", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "rm-available-facilities" },
    { "예약", "예약 가능 시설 조회 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "rm-available-facilities" },
    { "예약", "예약 등록", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-register-reservation" },
    { "예약", "예약 등록 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-register-reservation" },
    { "예약", "예약", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "agg-reservation" },
    { "예약", "예약 확정됨", STORMCUT_FP_EO, 52, STORMCUT_FP_RULE_EVENT_EXTERNAL_EO, "evt-reservation-confirmed" },
    { "예약", "행정안전부 공공서비스 예약 연계", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_EXTERNAL_EIF, "ext-public-reservation" },
    { "예약", "예약 검색", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "rm-reservation-search" },
    { "예약", "예약 검색 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "rm-reservation-search" },
    { "예약", "예약 취소", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-cancel-reservation" },
    { "예약", "예약 취소 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-cancel-reservation" },
    { "예약", "예약 취소됨", STORMCUT_FP_EO, 52, STORMCUT_FP_RULE_EVENT_EXTERNAL_EO, "evt-reservation-cancelled" },
    { "결제", "결제할 예약 내역", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "rm-pending-payments" },
    { "결제", "결제할 예약 내역 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "rm-pending-payments" },
    { "결제", "이용료 결제", STORMCUT_FP_EI, 40, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, "cmd-pay-fee" },
    { "결제", "이용료 결제 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-pay-fee" },
    { "결제", "결제대행(PG)", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_EXTERNAL_EIF, "ext-payment-gateway" },
    { "결제", "결제 완료 처리 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "cmd-complete-payment" },
    { "결제", "결제", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "agg-payment" },
    { "알림", "안내 메시지", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_AGGREGATE_ILF, "agg-notice" },
    { "알림", "안내 발송 요청됨", STORMCUT_FP_EO, 52, STORMCUT_FP_RULE_EVENT_EXTERNAL_EO, "evt-notice-requested" },
    { "알림", "카카오 알림톡/SMS 게이트웨이", STORMCUT_FP_EIF, 54, STORMCUT_FP_RULE_EXTERNAL_EIF, "ext-messaging" },
    { "알림", "안내 발송 이력", STORMCUT_FP_EQ, 39, STORMCUT_FP_RULE_READ_MODEL_EQ, "rm-notice-history" },
    { "알림", "안내 발송 이력 API integration", STORMCUT_FP_ILF, 75, STORMCUT_FP_RULE_API_OWNS_DATA_ILF, "rm-notice-history" },
};

START_TEST (test_korean_sample)
{
  g_autofree char *path = stormcut_test_sample_path ("public-facility-reservation.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);
  g_autoptr(StormcutFpTable) msa = NULL;
  g_autoptr(StormcutFpTable) plain = NULL;
  guint n_api = 0;

  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "");
  msa = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_uint_eq (msa->rows->len, G_N_ELEMENTS (korean_sample_rows));
  for (guint i = 0; i < msa->rows->len; i++)
    {
      const StormcutFpRow *row = g_ptr_array_index (msa->rows, i);

      ck_assert_msg (g_str_equal (row->process, korean_sample_rows[i].process), "row %u: %s", i + 1, row->process);
      ck_assert_str_eq (row->service, korean_sample_rows[i].service);
      ck_assert_int_eq (row->type, korean_sample_rows[i].type);
      ck_assert_int_eq (row->fp_tenths, korean_sample_rows[i].weight_tenths);
      ck_assert_int_eq (row->rule, korean_sample_rows[i].rule);
      ck_assert_str_eq (row->element_id, korean_sample_rows[i].element_id);
      ck_assert_str_eq (row->application, "공공시설 예약");
      if (row->rule == STORMCUT_FP_RULE_API_OWNS_DATA_ILF)
        n_api++;
    }
  ck_assert_uint_eq (n_api, 14);
  /* 19 × 7.5 + 4 × 5.4 + 7 × 4.0 + 4 × 5.2 + 4 × 3.9 */
  ck_assert_int_eq (msa->total.total_tenths, 2285);
  ck_assert_uint_eq (msa->total.counts[STORMCUT_FP_ILF], 19);
  ck_assert_uint_eq (msa->total.counts[STORMCUT_FP_EIF], 4);
  ck_assert_uint_eq (msa->total.counts[STORMCUT_FP_EI], 7);
  ck_assert_uint_eq (msa->total.counts[STORMCUT_FP_EO], 4);
  ck_assert_uint_eq (msa->total.counts[STORMCUT_FP_EQ], 4);
  ck_assert_uint_eq (msa->by_service->len, 5);
  ck_assert_int_eq (((StormcutFpTotal *) g_ptr_array_index (msa->by_service, 2))->total_tenths, 691);

  /* The default profile is the same table without the API rows: 123.5 FP. */
  plain = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  ck_assert_uint_eq (plain->rows->len, msa->rows->len - 14);
  ck_assert_int_eq (plain->total.total_tenths, 1235);
}
END_TEST

START_TEST (test_count_with_services)
{
  g_autofree char *path = stormcut_test_sample_path ("public-facility-reservation.xml");
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, NULL);
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  g_autoptr(StormcutFpTable) alone = NULL;
  g_autoptr(StormcutFpTable) shared = NULL;

  ck_assert_ptr_nonnull (model);
  analysis = stormcut_services_analyze (model);
  alone = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_DETAILED);
  shared = stormcut_fp_count_with_services (model, analysis, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_DETAILED);
  ck_assert_uint_eq (alone->rows->len, shared->rows->len);
  ck_assert_int_eq (alone->total.total_tenths, shared->total.total_tenths);
  for (guint i = 0; i < alone->rows->len; i++)
    {
      const StormcutFpRow *a = g_ptr_array_index (alone->rows, i);
      const StormcutFpRow *b = g_ptr_array_index (shared->rows, i);

      ck_assert_str_eq (a->key, b->key);
      ck_assert_str_eq (a->note, b->note);
      ck_assert_int_eq (a->fp_tenths, b->fp_tenths);
      ck_assert_int_eq (a->det, b->det);
    }
}
END_TEST

static Suite *
fp_suite (void)
{
  Suite *suite = suite_create ("fp");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_reservation_default_profile);
  tcase_add_test (tc, test_reservation_msa_owns_data);
  tcase_add_test (tc, test_reservation_msa_search_without_db);
  tcase_add_test (tc, test_reservation_msa_search_with_own_db);
  tcase_add_test (tc, test_default_rules);
  tcase_add_test (tc, test_no_contexts_counts_whole_board);
  tcase_add_test (tc, test_complexity_matrices);
  tcase_add_test (tc, test_detailed_method);
  tcase_add_test (tc, test_overrides);
  tcase_add_test (tc, test_profile_and_method_settings);
  tcase_add_test (tc, test_worked_example_from_model);
  tcase_add_test (tc, test_format_and_names);
  tcase_add_test (tc, test_multiline_names_and_description);
  tcase_add_test (tc, test_korean_sample);
  tcase_add_test (tc, test_count_with_services);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (fp_suite ());
}
