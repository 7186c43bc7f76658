/* stormcut-cost.h: the KOSA SW development cost chain (DOMAIN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   보정전 개발원가 = FP × 기능점수당 단가 (519,203 / 553,114 / 605,784 원 by edition)
 *   개발원가       = 보정전 × 규모 × 연계복잡성 × 성능 × 운영환경 호환성 × 보안성,
 *                    one factor at a time, rounding to the won half-even after each step
 *   이윤           = 개발원가 × 이윤율 (이윤율 ≤ 25 %), rounded half-even
 *   SW개발비       = 개발원가 + 직접경비 + 이윤;  VAT (10 %) is shown separately.
 * Every product is computed exactly in integers (FP in tenths, level factors in ten-thousandths,
 * 이윤율 in hundredths of a percent).  The 규모 보정계수 is 1.28 below 500 FP, 1.153 above
 * 3,000 FP, else 0.4057 × (ln FP − 7.1978)² + 0.8878, used unrounded (long double) in the
 * product; it is shown with four decimals.
 *
 * Settings stored in the document (strings, through stormcut_model_set_setting()):
 *   "cost.edition"                   "2014" | "2020" | "2024"          (default "2024")
 *   "cost.factor.<name>"             level "1".."5" for <name> = integration, performance,
 *                                    compatibility, security  (defaults: the level whose factor
 *                                    is 1.00: integration 3, performance 3, compatibility 2,
 *                                    security 2)
 *   "cost.factor.<name>.reason"      free text
 *   "cost.direct_expenses"           직접경비, whole won, "0".. (default "0")
 *   "cost.profit_rate"               이윤율 in percent, "0".."25", up to two decimals (default "25")
 * A stored value that cannot be read falls back to the default; stormcut_cost_settings_load()
 * reports it in @warnings.
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"

G_BEGIN_DECLS

#define STORMCUT_COST_ERROR (stormcut_cost_error_quark ())

typedef enum {
  STORMCUT_COST_ERROR_INVALID,   /* a value out of range or not a number */
} StormcutCostError;

GQuark stormcut_cost_error_quark (void);

typedef enum {
  STORMCUT_COST_EDITION_2014,   /* 519,203 원, 2014–2020 */
  STORMCUT_COST_EDITION_2020,   /* 553,114 원, June 2020 – May 2024 */
  STORMCUT_COST_EDITION_2024,   /* 605,784 원, from 13 May 2024 (unchanged in 2025) */
  STORMCUT_COST_N_EDITIONS
} StormcutCostEdition;

/* The four correction factors chosen by level (규모 is computed from the FP). */
typedef enum {
  STORMCUT_COST_FACTOR_INTEGRATION,    /* 연계복잡성 */
  STORMCUT_COST_FACTOR_PERFORMANCE,    /* 성능 */
  STORMCUT_COST_FACTOR_COMPATIBILITY,  /* 운영환경 호환성 */
  STORMCUT_COST_FACTOR_SECURITY,       /* 보안성 */
  STORMCUT_COST_N_FACTORS
} StormcutCostFactor;

#define STORMCUT_COST_MAX_PROFIT_RATE_BP 2500  /* 25 % in hundredths of a percent */

typedef struct {
  StormcutCostEdition edition;
  int                 levels[STORMCUT_COST_N_FACTORS];   /* 1..5 */
  char               *reasons[STORMCUT_COST_N_FACTORS];  /* never NULL, may be "" */
  gint64              direct_expenses;                   /* 직접경비, won */
  int                 profit_rate_bp;                    /* 이윤율, hundredths of a percent */
} StormcutCostSettings;

typedef struct {
  StormcutCostEdition edition;
  gint64  unit_price;                                /* 기능점수당 단가 */
  gint64  fp_tenths;
  double  scale_factor;                              /* 규모 보정계수 (display) */
  int     factor_levels[STORMCUT_COST_N_FACTORS];
  int     factor_values[STORMCUT_COST_N_FACTORS];    /* ten-thousandths: 9400 = 0.94 */
  gint64  base_cost;                                 /* 보정전 개발원가 */
  gint64  after_scale;                               /* × 규모 */
  gint64  after_factor[STORMCUT_COST_N_FACTORS];     /* after each level factor in order */
  gint64  development_cost;                          /* 개발원가 (= after_factor[last]) */
  gint64  direct_expenses;                           /* 직접경비 */
  int     profit_rate_bp;
  gint64  profit;                                    /* 이윤 */
  gint64  sw_cost;                                   /* SW개발비 (VAT excluded) */
  gint64  vat;                                       /* 부가가치세 10 % */
  gint64  total_with_vat;
} StormcutCostEstimate;

/* The defaults listed above. */
StormcutCostSettings *stormcut_cost_settings_new     (void);
StormcutCostSettings *stormcut_cost_settings_copy    (const StormcutCostSettings *settings);
void                  stormcut_cost_settings_free    (StormcutCostSettings *settings);
/* Reads the settings of @model; unreadable values fall back to their default and, when
 * @warnings is not NULL, a translated message per value is appended to it (of char*). */
StormcutCostSettings *stormcut_cost_settings_load    (StormcutModel *model, GPtrArray *warnings);
/* Validates and writes every value to @model in one undo step. */
gboolean              stormcut_cost_settings_store   (const StormcutCostSettings *settings,
                                                      StormcutModel *model, GError **error);
/* Checks ranges (levels 1–5, 직접경비 ≥ 0, 이윤율 0–25 %). */
gboolean              stormcut_cost_settings_validate (const StormcutCostSettings *settings, GError **error);

/* The whole chain for @fp_tenths function points (× 10). */
void                  stormcut_cost_compute          (const StormcutCostSettings *settings, gint64 fp_tenths,
                                                      StormcutCostEstimate *out_estimate);

gint64                stormcut_cost_edition_unit_price (StormcutCostEdition edition);
/* "2014" / "2020" / "2024" and a translated label ("2024 (605,784원/FP, from 13 May 2024)"). */
const char           *stormcut_cost_edition_to_string  (StormcutCostEdition edition);
gboolean              stormcut_cost_edition_from_string (const char *str, StormcutCostEdition *out_edition);
const char           *stormcut_cost_edition_get_label  (StormcutCostEdition edition);
/* "integration", "performance", "compatibility", "security" and translated labels. */
const char           *stormcut_cost_factor_to_string   (StormcutCostFactor factor);
gboolean              stormcut_cost_factor_from_string (const char *str, StormcutCostFactor *out_factor);
const char           *stormcut_cost_factor_get_label   (StormcutCostFactor factor);
/* Translated meaning of a level ("3–5 other-agency links"), for choosers. */
const char           *stormcut_cost_factor_get_level_label (StormcutCostFactor factor, int level);
/* Factor value in ten-thousandths (9400 = 0.94), 0 for a level outside 1..5. */
int                   stormcut_cost_factor_value       (StormcutCostFactor factor, int level);
/* The level whose factor is 1.00. */
int                   stormcut_cost_factor_default_level (StormcutCostFactor factor);
/* 규모 보정계수 for @fp_tenths FP × 10. */
double                stormcut_cost_scale_factor       (gint64 fp_tenths);
/* Rounds @numerator / @denominator (denominator > 0) to the nearest integer, ties to even. */
gint64                stormcut_cost_div_half_even      (gint64 numerator, gint64 denominator);
/* Formats won with thousands separators: "68,467,488". */
char                 *stormcut_cost_format_won         (gint64 won);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutCostSettings, stormcut_cost_settings_free)

G_END_DECLS
