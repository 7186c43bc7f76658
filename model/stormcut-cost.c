/* stormcut-cost.c: the KOSA SW development cost chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "stormcut/stormcut-cost.h"

G_DEFINE_QUARK (stormcut-cost-error-quark, stormcut_cost_error)

#define FACTOR_SCALE 10000 /* level factors are kept in ten-thousandths */
#define N_LEVELS 5

static const struct {
  const char *name;
  gint64      unit_price;
  const char *label;
} editions[STORMCUT_COST_N_EDITIONS] = {
  { "2014", 519203, N_("2014 edition (519,203 won per FP, 2014–2020)") },
  { "2020", 553114, N_("2020 edition (553,114 won per FP, June 2020 – May 2024)") },
  { "2024", 605784, N_("2024 edition (605,784 won per FP, from 13 May 2024)") },
};

static const struct {
  const char *name;
  const char *label;
  int         values[N_LEVELS];
  int         default_level;
  const char *level_labels[N_LEVELS];
} factors[STORMCUT_COST_N_FACTORS] = {
  { "integration", N_("Integration complexity"), { 8800, 9400, 10000, 10600, 11200 }, 3,
    { N_("No links to other agencies' systems"),
      N_("1–2 links to other agencies' systems"),
      N_("3–5 links to other agencies' systems"),
      N_("6–10 links to other agencies' systems"),
      N_("More than 10 links to other agencies' systems") } },
  { "performance", N_("Performance"), { 9100, 9500, 10000, 10500, 10900 }, 3,
    { NULL, NULL, NULL, NULL, NULL } },
  { "compatibility", N_("Operating environment compatibility"), { 9400, 10000, 10600, 11300, 11900 }, 2,
    { NULL, NULL, NULL, NULL, NULL } },
  { "security", N_("Security"), { 9700, 10000, 10300, 10600, 10800 }, 2,
    { N_("1 security requirement"),
      N_("2 security requirements"),
      N_("3 security requirements"),
      N_("4 security requirements"),
      N_("5 or more security requirements") } },
};

/* --- parsing ----------------------------------------------------------------------- */

/* Whole won, optionally with thousands separators ("2,000,000"). */
static gboolean
parse_won (const char *text,
           gint64     *out_won)
{
  gint64 value = 0;
  gboolean any = FALSE;

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ' ')
        continue;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      if (value > (G_MAXINT64 - 9) / 10)
        return FALSE;
      value = value * 10 + (*p - '0');
      any = TRUE;
    }
  if (!any)
    return FALSE;
  *out_won = value;
  return TRUE;
}

/* A percentage with at most two decimals ("25", "12.5", "12.25%") in hundredths. */
static gboolean
parse_percent_bp (const char *text,
                  int        *out_bp)
{
  gint64 whole = 0;
  int decimals = 0, fraction = 0;
  gboolean any = FALSE, in_fraction = FALSE;
  const char *p;

  if (text == NULL)
    return FALSE;
  for (p = text; *p == ' '; p++)
    ;
  for (; *p != '\0' && *p != '%' && *p != ' '; p++)
    {
      if (*p == '.' && !in_fraction)
        {
          in_fraction = TRUE;
          continue;
        }
      if (!g_ascii_isdigit (*p))
        return FALSE;
      any = TRUE;
      if (in_fraction)
        {
          if (decimals == 2)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
          decimals++;
        }
      else
        {
          whole = whole * 10 + (*p - '0');
          if (whole > 100)
            return FALSE;
        }
    }
  if (*p == '%')
    p++;
  for (; *p == ' '; p++)
    ;
  if (!any || *p != '\0')
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  *out_bp = (int) (whole * 100 + fraction);
  return TRUE;
}

static char *
format_percent_bp (int bp)
{
  if (bp % 100 == 0)
    return g_strdup_printf ("%d", bp / 100);
  if (bp % 10 == 0)
    return g_strdup_printf ("%d.%d", bp / 100, (bp % 100) / 10);
  return g_strdup_printf ("%d.%02d", bp / 100, bp % 100);
}

static void
add_warning (GPtrArray  *warnings,
             const char *key,
             const char *value)
{
  if (warnings == NULL)
    return;
  /* Translators: %s are a setting key such as cost.edition and its stored value. */
  g_ptr_array_add (warnings, g_strdup_printf (_("The stored value “%s” of %s cannot be read; the default is used instead. Set it again in the cost settings."),
                                              value, key));
}

/* --- public API -------------------------------------------------------------------- */

gint64
stormcut_cost_div_half_even (gint64 numerator,
                             gint64 denominator)
{
  gint64 quotient, remainder;
  gboolean negative = FALSE;

  g_return_val_if_fail (denominator > 0, 0);

  if (numerator < 0)
    {
      negative = TRUE;
      numerator = -numerator;
    }
  quotient = numerator / denominator;
  remainder = numerator % denominator;
  if (remainder * 2 > denominator || (remainder * 2 == denominator && (quotient & 1) != 0))
    quotient++;
  return negative ? -quotient : quotient;
}

gint64
stormcut_cost_edition_unit_price (StormcutCostEdition edition)
{
  g_return_val_if_fail (edition < STORMCUT_COST_N_EDITIONS, 0);
  return editions[edition].unit_price;
}

const char *
stormcut_cost_edition_to_string (StormcutCostEdition edition)
{
  g_return_val_if_fail (edition < STORMCUT_COST_N_EDITIONS, NULL);
  return editions[edition].name;
}

gboolean
stormcut_cost_edition_from_string (const char          *str,
                                   StormcutCostEdition *out_edition)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < STORMCUT_COST_N_EDITIONS; i++)
    if (g_strcmp0 (str, editions[i].name) == 0)
      {
        if (out_edition != NULL)
          *out_edition = i;
        return TRUE;
      }
  return FALSE;
}

const char *
stormcut_cost_edition_get_label (StormcutCostEdition edition)
{
  g_return_val_if_fail (edition < STORMCUT_COST_N_EDITIONS, NULL);
  return _(editions[edition].label);
}

const char *
stormcut_cost_factor_to_string (StormcutCostFactor factor)
{
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, NULL);
  return factors[factor].name;
}

gboolean
stormcut_cost_factor_from_string (const char         *str,
                                  StormcutCostFactor *out_factor)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    if (g_strcmp0 (str, factors[i].name) == 0)
      {
        if (out_factor != NULL)
          *out_factor = i;
        return TRUE;
      }
  return FALSE;
}

const char *
stormcut_cost_factor_get_label (StormcutCostFactor factor)
{
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, NULL);
  return _(factors[factor].label);
}

const char *
stormcut_cost_factor_get_level_label (StormcutCostFactor factor,
                                      int                level)
{
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, NULL);
  g_return_val_if_fail (level >= 1 && level <= N_LEVELS, NULL);

  if (factors[factor].level_labels[level - 1] != NULL)
    return _(factors[factor].level_labels[level - 1]);
  return "";
}

int
stormcut_cost_factor_value (StormcutCostFactor factor,
                            int                level)
{
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, 0);
  if (level < 1 || level > N_LEVELS)
    return 0;
  return factors[factor].values[level - 1];
}

int
stormcut_cost_factor_default_level (StormcutCostFactor factor)
{
  g_return_val_if_fail (factor < STORMCUT_COST_N_FACTORS, 0);
  return factors[factor].default_level;
}

/* The size factor as an exact fraction of FACTOR_SCALE when it is one of the two
 * constants, else 0 with the unrounded value in @out_value. */
static int
scale_factor_exact (gint64       fp_tenths,
                    long double *out_value)
{
  long double ln_diff;

  if (fp_tenths < 5000)
    {
      *out_value = 1.28L;
      return 12800;
    }
  if (fp_tenths > 30000)
    {
      *out_value = 1.153L;
      return 11530;
    }
  ln_diff = logl ((long double) fp_tenths / 10.0L) - 7.1978L;
  *out_value = 0.4057L * ln_diff * ln_diff + 0.8878L;
  return 0;
}

double
stormcut_cost_scale_factor (gint64 fp_tenths)
{
  long double value;

  scale_factor_exact (fp_tenths, &value);
  return (double) value;
}

void
stormcut_cost_compute (const StormcutCostSettings *settings,
                       gint64                      fp_tenths,
                       StormcutCostEstimate       *out_estimate)
{
  StormcutCostEstimate *e = out_estimate;
  long double scale;
  int exact_scale;
  gint64 amount;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (out_estimate != NULL);
  g_return_if_fail (settings->edition < STORMCUT_COST_N_EDITIONS);

  memset (e, 0, sizeof *e);
  if (fp_tenths < 0)
    fp_tenths = 0;

  e->edition = settings->edition;
  e->unit_price = editions[settings->edition].unit_price;
  e->fp_tenths = fp_tenths;
  e->base_cost = stormcut_cost_div_half_even (fp_tenths * e->unit_price, 10);

  exact_scale = scale_factor_exact (fp_tenths, &scale);
  e->scale_factor = (double) scale;
  if (exact_scale != 0)
    e->after_scale = stormcut_cost_div_half_even (e->base_cost * exact_scale, FACTOR_SCALE);
  else
    e->after_scale = (gint64) nearbyintl ((long double) e->base_cost * scale);

  amount = e->after_scale;
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      int level = settings->levels[i];

      if (level < 1 || level > N_LEVELS)
        level = factors[i].default_level;
      e->factor_levels[i] = level;
      e->factor_values[i] = factors[i].values[level - 1];
      amount = stormcut_cost_div_half_even (amount * e->factor_values[i], FACTOR_SCALE);
      e->after_factor[i] = amount;
    }
  e->development_cost = amount;

  e->direct_expenses = MAX (settings->direct_expenses, 0);
  e->profit_rate_bp = CLAMP (settings->profit_rate_bp, 0, STORMCUT_COST_MAX_PROFIT_RATE_BP);
  e->profit = stormcut_cost_div_half_even (e->development_cost * e->profit_rate_bp, 10000);
  e->sw_cost = e->development_cost + e->direct_expenses + e->profit;
  e->vat = stormcut_cost_div_half_even (e->sw_cost * 10, 100);
  e->total_with_vat = e->sw_cost + e->vat;
}

StormcutCostSettings *
stormcut_cost_settings_new (void)
{
  StormcutCostSettings *settings = g_new0 (StormcutCostSettings, 1);

  settings->edition = STORMCUT_COST_EDITION_2024;
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      settings->levels[i] = factors[i].default_level;
      settings->reasons[i] = g_strdup ("");
    }
  settings->direct_expenses = 0;
  settings->profit_rate_bp = STORMCUT_COST_MAX_PROFIT_RATE_BP;
  return settings;
}

StormcutCostSettings *
stormcut_cost_settings_copy (const StormcutCostSettings *settings)
{
  StormcutCostSettings *copy;

  g_return_val_if_fail (settings != NULL, NULL);

  copy = g_memdup2 (settings, sizeof *settings);
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    copy->reasons[i] = g_strdup (settings->reasons[i] != NULL ? settings->reasons[i] : "");
  return copy;
}

void
stormcut_cost_settings_free (StormcutCostSettings *settings)
{
  if (settings == NULL)
    return;
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    g_free (settings->reasons[i]);
  g_free (settings);
}

StormcutCostSettings *
stormcut_cost_settings_load (StormcutModel *model,
                             GPtrArray     *warnings)
{
  StormcutCostSettings *settings;
  const char *value;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);

  settings = stormcut_cost_settings_new ();

  value = stormcut_model_get_setting (model, "cost.edition");
  if (value != NULL && !stormcut_cost_edition_from_string (value, &settings->edition))
    add_warning (warnings, "cost.edition", value);

  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      g_autofree char *key = g_strdup_printf ("cost.factor.%s", factors[i].name);
      g_autofree char *reason_key = g_strdup_printf ("cost.factor.%s.reason", factors[i].name);

      value = stormcut_model_get_setting (model, key);
      if (value != NULL)
        {
          if (strlen (value) == 1 && value[0] >= '1' && value[0] <= '5')
            settings->levels[i] = value[0] - '0';
          else
            add_warning (warnings, key, value);
        }
      value = stormcut_model_get_setting (model, reason_key);
      if (value != NULL)
        {
          g_free (settings->reasons[i]);
          settings->reasons[i] = g_strdup (value);
        }
    }

  value = stormcut_model_get_setting (model, "cost.direct_expenses");
  if (value != NULL && !parse_won (value, &settings->direct_expenses))
    add_warning (warnings, "cost.direct_expenses", value);

  value = stormcut_model_get_setting (model, "cost.profit_rate");
  if (value != NULL)
    {
      int bp;

      if (parse_percent_bp (value, &bp) && bp <= STORMCUT_COST_MAX_PROFIT_RATE_BP)
        settings->profit_rate_bp = bp;
      else
        add_warning (warnings, "cost.profit_rate", value);
    }

  return settings;
}

gboolean
stormcut_cost_settings_validate (const StormcutCostSettings *settings,
                                 GError                    **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->edition >= STORMCUT_COST_N_EDITIONS)
    {
      g_set_error (error, STORMCUT_COST_ERROR, STORMCUT_COST_ERROR_INVALID,
                   _("Unknown price edition. Choose 2014, 2020 or 2024."));
      return FALSE;
    }
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    if (settings->levels[i] < 1 || settings->levels[i] > N_LEVELS)
      {
        g_set_error (error, STORMCUT_COST_ERROR, STORMCUT_COST_ERROR_INVALID,
                     /* Translators: %s is a factor name, %d the level given. */
                     _("The level of “%s” must be between 1 and 5, not %d."),
                     _(factors[i].label), settings->levels[i]);
        return FALSE;
      }
  if (settings->direct_expenses < 0)
    {
      g_set_error (error, STORMCUT_COST_ERROR, STORMCUT_COST_ERROR_INVALID,
                   _("Direct expenses cannot be negative. Enter 0 or an amount in won."));
      return FALSE;
    }
  if (settings->profit_rate_bp < 0 || settings->profit_rate_bp > STORMCUT_COST_MAX_PROFIT_RATE_BP)
    {
      g_set_error_literal (error, STORMCUT_COST_ERROR, STORMCUT_COST_ERROR_INVALID,
                           _("The profit rate must be between 0 and 25 percent of the development cost."));
      return FALSE;
    }
  return TRUE;
}

gboolean
stormcut_cost_settings_store (const StormcutCostSettings *settings,
                              StormcutModel              *model,
                              GError                    **error)
{
  g_autofree char *direct = NULL;
  g_autofree char *rate = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!stormcut_cost_settings_validate (settings, error))
    return FALSE;

  direct = g_strdup_printf ("%" G_GINT64_FORMAT, settings->direct_expenses);
  rate = format_percent_bp (settings->profit_rate_bp);

  stormcut_model_begin_group (model, _("Change cost settings"));
  if (!stormcut_model_set_setting (model, "cost.edition", editions[settings->edition].name, error))
    goto fail;
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      g_autofree char *key = g_strdup_printf ("cost.factor.%s", factors[i].name);
      g_autofree char *reason_key = g_strdup_printf ("cost.factor.%s.reason", factors[i].name);
      char level[2] = { (char) ('0' + settings->levels[i]), '\0' };
      const char *reason = settings->reasons[i];

      if (!stormcut_model_set_setting (model, key, level, error))
        goto fail;
      if (!stormcut_model_set_setting (model, reason_key,
                                       reason != NULL && reason[0] != '\0' ? reason : NULL, error))
        goto fail;
    }
  if (!stormcut_model_set_setting (model, "cost.direct_expenses", direct, error) ||
      !stormcut_model_set_setting (model, "cost.profit_rate", rate, error))
    goto fail;
  return stormcut_model_end_group (model, error);

fail:
  stormcut_model_abort_group (model);
  return FALSE;
}

char *
stormcut_cost_format_won (gint64 won)
{
  GString *digits = g_string_new (NULL);
  g_autofree char *plain = g_strdup_printf ("%" G_GINT64_FORMAT, won < 0 ? -won : won);
  gsize len = strlen (plain);

  if (won < 0)
    g_string_append_c (digits, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, plain[i]);
    }
  return g_string_free (digits, FALSE);
}
