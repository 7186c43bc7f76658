/* test-cost.c: the KOSA cost chain (DOMAIN.md §5 worked example)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-common.h"
#include <math.h>
#include <stormcut/stormcut-cost.h>

/* The worked example: 85 FP, 규모 1.28, 연계 0.94 (level 2), 성능 1.00 (level 3),
 * 운영환경 0.94 (level 1), 보안 1.00 (level 2), 직접경비 2,000,000, 이윤 25 %. */
static StormcutCostSettings *
worked_example_settings (StormcutCostEdition edition)
{
  StormcutCostSettings *settings = stormcut_cost_settings_new ();

  settings->edition = edition;
  settings->levels[STORMCUT_COST_FACTOR_INTEGRATION] = 2;
  settings->levels[STORMCUT_COST_FACTOR_PERFORMANCE] = 3;
  settings->levels[STORMCUT_COST_FACTOR_COMPATIBILITY] = 1;
  settings->levels[STORMCUT_COST_FACTOR_SECURITY] = 2;
  settings->direct_expenses = 2000000;
  settings->profit_rate_bp = 2500;
  return settings;
}

START_TEST (test_worked_example_2020)
{
  g_autoptr(StormcutCostSettings) settings = worked_example_settings (STORMCUT_COST_EDITION_2020);
  StormcutCostEstimate e;

  stormcut_cost_compute (settings, 850, &e);
  ck_assert_int_eq (e.unit_price, 553114);
  ck_assert_int_eq (e.base_cost, 47014690);         /* 85 × 553,114 */
  ck_assert_int_eq (e.after_scale, 60178803);       /* × 1.28 = 60,178,803.2 */
  ck_assert_int_eq (e.factor_values[STORMCUT_COST_FACTOR_INTEGRATION], 9400);
  ck_assert_int_eq (e.after_factor[STORMCUT_COST_FACTOR_INTEGRATION], 56568075);   /* 56,568,074.82 */
  ck_assert_int_eq (e.after_factor[STORMCUT_COST_FACTOR_PERFORMANCE], 56568075);
  /* 56,568,075 × 0.94 = 53,173,990.5 exactly: half-even keeps the even won. */
  ck_assert_int_eq (e.after_factor[STORMCUT_COST_FACTOR_COMPATIBILITY], 53173990);
  ck_assert_int_eq (e.development_cost, 53173990);
  ck_assert_int_eq (e.profit, 13293498);            /* 13,293,497.5 -> even */
  ck_assert_int_eq (e.sw_cost, 68467488);
  ck_assert_int_eq (e.vat, 6846749);                /* 6,846,748.8 */
  ck_assert_int_eq (e.total_with_vat, 75314237);
  ck_assert_double_eq_tol (e.scale_factor, 1.28, 1e-12);
}
END_TEST

START_TEST (test_worked_example_2024)
{
  g_autoptr(StormcutCostSettings) settings = worked_example_settings (STORMCUT_COST_EDITION_2024);
  StormcutCostEstimate e;

  stormcut_cost_compute (settings, 850, &e);
  ck_assert_int_eq (e.unit_price, 605784);
  ck_assert_int_eq (e.base_cost, 51491640);
  ck_assert_int_eq (e.after_scale, 65909299);       /* 65,909,299.2 */
  ck_assert_int_eq (e.after_factor[STORMCUT_COST_FACTOR_INTEGRATION], 61954741);   /* 61,954,741.06 */
  ck_assert_int_eq (e.development_cost, 58237457);  /* 58,237,456.54 */
  ck_assert_int_eq (e.profit, 14559364);            /* 14,559,364.25 */
  ck_assert_int_eq (e.sw_cost, 74796821);
}
END_TEST

START_TEST (test_edition_2014)
{
  g_autoptr(StormcutCostSettings) settings = worked_example_settings (STORMCUT_COST_EDITION_2014);
  StormcutCostEstimate e;

  stormcut_cost_compute (settings, 10, &e);
  ck_assert_int_eq (e.unit_price, 519203);
  ck_assert_int_eq (e.base_cost, 519203);
  /* 519,203 × 1.28 = 664,579.84 */
  ck_assert_int_eq (e.after_scale, 664580);
}
END_TEST

START_TEST (test_fractional_fp)
{
  g_autoptr(StormcutCostSettings) settings = worked_example_settings (STORMCUT_COST_EDITION_2020);
  StormcutCostEstimate e;

  /* 85.3 FP × 553,114 = 47,180,624.2 */
  stormcut_cost_compute (settings, 853, &e);
  ck_assert_int_eq (e.base_cost, 47180624);
  /* × 1.28 = 60,391,198.72 → 60,391,199; × 0.94 = 56,767,727.06 → 56,767,727;
   * × 0.94 = 53,361,663.38 → 53,361,663 */
  ck_assert_int_eq (e.after_scale, 60391199);
  ck_assert_int_eq (e.after_factor[STORMCUT_COST_FACTOR_INTEGRATION], 56767727);
  ck_assert_int_eq (e.development_cost, 53361663);
  /* 25 % = 13,340,415.75 → 13,340,416 */
  ck_assert_int_eq (e.profit, 13340416);
  ck_assert_int_eq (e.sw_cost, 53361663 + 2000000 + 13340416);
}
END_TEST

START_TEST (test_large_and_zero)
{
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_new ();
  StormcutCostEstimate e;

  /* Over 3,000 FP the size factor is 1.153: 4,000 × 605,784 = 2,423,136,000 × 1.153. */
  stormcut_cost_compute (settings, 40000, &e);
  ck_assert_int_eq (e.base_cost, 2423136000);
  ck_assert_int_eq (e.after_scale, 2793875808);   /* 2,793,875,808.0 */
  stormcut_cost_compute (settings, 0, &e);
  ck_assert_int_eq (e.sw_cost, 0);
  ck_assert_int_eq (e.total_with_vat, 0);
}
END_TEST

START_TEST (test_half_even)
{
  ck_assert_int_eq (stormcut_cost_div_half_even (5, 2), 2);
  ck_assert_int_eq (stormcut_cost_div_half_even (7, 2), 4);
  ck_assert_int_eq (stormcut_cost_div_half_even (26, 10), 3);
  ck_assert_int_eq (stormcut_cost_div_half_even (24, 10), 2);
  ck_assert_int_eq (stormcut_cost_div_half_even (-5, 2), -2);
  ck_assert_int_eq (stormcut_cost_div_half_even (-7, 2), -4);
  ck_assert_int_eq (stormcut_cost_div_half_even (0, 3), 0);
}
END_TEST

START_TEST (test_scale_factor)
{
  /* Below 500 FP and above 3,000 FP the factor is constant. */
  ck_assert_double_eq_tol (stormcut_cost_scale_factor (4999), 1.28, 1e-12);
  ck_assert_double_eq_tol (stormcut_cost_scale_factor (30001), 1.153, 1e-12);
  /* 0.4057 × (ln 1000 − 7.1978)² + 0.8878 */
  ck_assert_double_eq_tol (stormcut_cost_scale_factor (10000),
                           0.4057 * pow (log (1000.0) - 7.1978, 2) + 0.8878, 1e-12);
  /* The formula meets the constants at both ends (to three decimals). */
  ck_assert_double_eq_tol (stormcut_cost_scale_factor (5000), 1.28, 5e-4);
  ck_assert_double_eq_tol (stormcut_cost_scale_factor (30000), 1.153, 5e-4);
}
END_TEST

START_TEST (test_scale_by_formula)
{
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_new ();
  StormcutCostEstimate e;
  long double expected;

  settings->edition = STORMCUT_COST_EDITION_2024;
  settings->profit_rate_bp = 0;
  stormcut_cost_compute (settings, 10000, &e);
  ck_assert_int_eq (e.base_cost, 605784000);
  expected = 605784000.0L * (0.4057L * powl (logl (1000.0L) - 7.1978L, 2) + 0.8878L);
  ck_assert_int_eq (e.after_scale, (gint64) nearbyintl (expected));
  /* Neutral default levels: the remaining factors are all 1.00. */
  ck_assert_int_eq (e.development_cost, e.after_scale);
  ck_assert_int_eq (e.profit, 0);
  ck_assert_int_eq (e.sw_cost, e.development_cost);
}
END_TEST

START_TEST (test_factor_tables)
{
  const int integration[] = { 8800, 9400, 10000, 10600, 11200 };
  const int performance[] = { 9100, 9500, 10000, 10500, 10900 };
  const int compatibility[] = { 9400, 10000, 10600, 11300, 11900 };
  const int security[] = { 9700, 10000, 10300, 10600, 10800 };

  for (int level = 1; level <= 5; level++)
    {
      ck_assert_int_eq (stormcut_cost_factor_value (STORMCUT_COST_FACTOR_INTEGRATION, level), integration[level - 1]);
      ck_assert_int_eq (stormcut_cost_factor_value (STORMCUT_COST_FACTOR_PERFORMANCE, level), performance[level - 1]);
      ck_assert_int_eq (stormcut_cost_factor_value (STORMCUT_COST_FACTOR_COMPATIBILITY, level), compatibility[level - 1]);
      ck_assert_int_eq (stormcut_cost_factor_value (STORMCUT_COST_FACTOR_SECURITY, level), security[level - 1]);
    }
  ck_assert_int_eq (stormcut_cost_factor_value (STORMCUT_COST_FACTOR_SECURITY, 0), 0);
  ck_assert_int_eq (stormcut_cost_factor_value (STORMCUT_COST_FACTOR_SECURITY, 6), 0);
  for (guint f = 0; f < STORMCUT_COST_N_FACTORS; f++)
    ck_assert_int_eq (stormcut_cost_factor_value (f, stormcut_cost_factor_default_level (f)), 10000);
}
END_TEST

START_TEST (test_settings_roundtrip)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCostSettings) settings = worked_example_settings (STORMCUT_COST_EDITION_2020);
  g_autoptr(StormcutCostSettings) loaded = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_free (settings->reasons[STORMCUT_COST_FACTOR_INTEGRATION]);
  settings->reasons[STORMCUT_COST_FACTOR_INTEGRATION] = g_strdup ("행정안전부 예약 연계 1건; 본인인증 1건");
  settings->profit_rate_bp = 1250;
  ck_assert (stormcut_cost_settings_store (settings, model, &error));
  ck_assert_ptr_null (error);

  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.edition"), "2020");
  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.factor.integration"), "2");
  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.factor.compatibility"), "1");
  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.factor.integration.reason"),
                    "행정안전부 예약 연계 1건; 본인인증 1건");
  ck_assert_ptr_null (stormcut_model_get_setting (model, "cost.factor.security.reason"));
  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.direct_expenses"), "2000000");
  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.profit_rate"), "12.5");

  loaded = stormcut_cost_settings_load (model, warnings);
  ck_assert_uint_eq (warnings->len, 0);
  ck_assert_int_eq (loaded->edition, STORMCUT_COST_EDITION_2020);
  ck_assert_int_eq (loaded->levels[STORMCUT_COST_FACTOR_INTEGRATION], 2);
  ck_assert_int_eq (loaded->levels[STORMCUT_COST_FACTOR_COMPATIBILITY], 1);
  ck_assert_str_eq (loaded->reasons[STORMCUT_COST_FACTOR_INTEGRATION], "행정안전부 예약 연계 1건; 본인인증 1건");
  ck_assert_str_eq (loaded->reasons[STORMCUT_COST_FACTOR_SECURITY], "");
  ck_assert_int_eq (loaded->direct_expenses, 2000000);
  ck_assert_int_eq (loaded->profit_rate_bp, 1250);

  /* One undo step takes every value back. */
  ck_assert (stormcut_model_undo (model, &error));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "cost.edition"));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "cost.profit_rate"));
}
END_TEST

START_TEST (test_settings_defaults_and_bad_values)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCostSettings) loaded = NULL;
  g_autoptr(StormcutCostSettings) defaults = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);

  defaults = stormcut_cost_settings_load (model, warnings);
  ck_assert_uint_eq (warnings->len, 0);
  ck_assert_int_eq (defaults->edition, STORMCUT_COST_EDITION_2024);
  ck_assert_int_eq (defaults->levels[STORMCUT_COST_FACTOR_INTEGRATION], 3);
  ck_assert_int_eq (defaults->levels[STORMCUT_COST_FACTOR_PERFORMANCE], 3);
  ck_assert_int_eq (defaults->levels[STORMCUT_COST_FACTOR_COMPATIBILITY], 2);
  ck_assert_int_eq (defaults->levels[STORMCUT_COST_FACTOR_SECURITY], 2);
  ck_assert_int_eq (defaults->profit_rate_bp, 2500);
  ck_assert_int_eq (defaults->direct_expenses, 0);

  ck_assert (stormcut_model_set_setting (model, "cost.edition", "2019", NULL));
  ck_assert (stormcut_model_set_setting (model, "cost.factor.security", "7", NULL));
  ck_assert (stormcut_model_set_setting (model, "cost.profit_rate", "30", NULL));
  ck_assert (stormcut_model_set_setting (model, "cost.direct_expenses", "2,500,000", NULL));
  loaded = stormcut_cost_settings_load (model, warnings);
  ck_assert_uint_eq (warnings->len, 3);
  ck_assert_int_eq (loaded->edition, STORMCUT_COST_EDITION_2024);
  ck_assert_int_eq (loaded->levels[STORMCUT_COST_FACTOR_SECURITY], 2);
  ck_assert_int_eq (loaded->profit_rate_bp, 2500);
  ck_assert_int_eq (loaded->direct_expenses, 2500000);
}
END_TEST

START_TEST (test_validate)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_new ();
  g_autoptr(GError) error = NULL;

  settings->profit_rate_bp = 2501;
  ck_assert (!stormcut_cost_settings_store (settings, model, &error));
  ck_assert (g_error_matches (error, STORMCUT_COST_ERROR, STORMCUT_COST_ERROR_INVALID));
  ck_assert_ptr_null (stormcut_model_get_setting (model, "cost.profit_rate"));
  g_clear_error (&error);

  settings->profit_rate_bp = 2500;
  settings->levels[STORMCUT_COST_FACTOR_PERFORMANCE] = 0;
  ck_assert (!stormcut_cost_settings_validate (settings, &error));
  ck_assert (g_error_matches (error, STORMCUT_COST_ERROR, STORMCUT_COST_ERROR_INVALID));
  g_clear_error (&error);

  settings->levels[STORMCUT_COST_FACTOR_PERFORMANCE] = 5;
  settings->direct_expenses = -1;
  ck_assert (!stormcut_cost_settings_validate (settings, &error));
  g_clear_error (&error);
  settings->direct_expenses = 0;
  ck_assert (stormcut_cost_settings_validate (settings, &error));
}
END_TEST

START_TEST (test_profit_capped)
{
  g_autoptr(StormcutCostSettings) settings = worked_example_settings (STORMCUT_COST_EDITION_2020);
  StormcutCostEstimate e;

  /* A rate above 25 % never reaches the estimate; profit never applies to 직접경비. */
  settings->profit_rate_bp = 4000;
  stormcut_cost_compute (settings, 850, &e);
  ck_assert_int_eq (e.profit_rate_bp, 2500);
  ck_assert_int_eq (e.profit, 13293498);
}
END_TEST

START_TEST (test_format)
{
  g_autofree char *a = stormcut_cost_format_won (68467488);
  g_autofree char *b = stormcut_cost_format_won (0);
  g_autofree char *c = stormcut_cost_format_won (999);
  g_autofree char *d = stormcut_cost_format_won (1000);

  ck_assert_str_eq (a, "68,467,488");
  ck_assert_str_eq (b, "0");
  ck_assert_str_eq (c, "999");
  ck_assert_str_eq (d, "1,000");
  ck_assert_str_eq (stormcut_cost_edition_to_string (STORMCUT_COST_EDITION_2014), "2014");
}
END_TEST

static Suite *
cost_suite (void)
{
  Suite *suite = suite_create ("cost");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_worked_example_2020);
  tcase_add_test (tc, test_worked_example_2024);
  tcase_add_test (tc, test_edition_2014);
  tcase_add_test (tc, test_fractional_fp);
  tcase_add_test (tc, test_large_and_zero);
  tcase_add_test (tc, test_half_even);
  tcase_add_test (tc, test_scale_factor);
  tcase_add_test (tc, test_scale_by_formula);
  tcase_add_test (tc, test_factor_tables);
  tcase_add_test (tc, test_settings_roundtrip);
  tcase_add_test (tc, test_settings_defaults_and_bad_values);
  tcase_add_test (tc, test_validate);
  tcase_add_test (tc, test_profit_capped);
  tcase_add_test (tc, test_format);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (cost_suite ());
}
