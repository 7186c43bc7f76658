/* stormcut-cli-analysis.c: "services", "fp" and "diagnose" subcommands of stormcut-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include <stormcut/stormcut-contextmap.h>
#include <stormcut/stormcut-cost.h>
#include <stormcut/stormcut-diagnosis.h>
#include <stormcut/stormcut-fp.h>
#include <stormcut/stormcut-services.h>

#include "stormcut-cli-private.h"

/* --- tables ---------------------------------------------------------------------- */

/* A table printed with columns aligned by display width; columns flagged in @right_aligned
 * (a string of 'l' and 'r', one per column) are aligned to the right. */
typedef struct {
  GPtrArray  *rows;           /* of GStrv */
  const char *alignment;
} Table;

static void
table_init (Table      *table,
            const char *alignment)
{
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->alignment = alignment;
}

/* Adds a row of @n cells (copied; NULL cells become ""). */
static void
table_add (Table      *table,
           guint       n,
           ...)
{
  GStrv row = g_new0 (char *, n + 1);
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      const char *cell = va_arg (args, const char *);
      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

static void
append_padding (GString *out,
                gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* Prints the table (the first row is the header, underlined) and frees it. */
static void
table_print (Table *table)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr(GString) out = g_string_new (NULL);
  gsize total = 0;

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          /* Cells are single lines. */
          for (char *p = row[c]; *p != '\0'; p++)
            if (*p == '\n' || *p == '\t' || *p == '\r')
              *p = ' ';
          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, gsize, c) = MAX (g_array_index (widths, gsize, c),
                                                  stormcut_cli_display_width (row[c]));
        }
    }
  for (guint c = 0; c < widths->len; c++)
    total += g_array_index (widths, gsize, c) + (c > 0 ? 2 : 0);

  for (guint r = 0; r < table->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (table->rows, r);

      g_string_truncate (out, 0);
      for (guint c = 0; row[c] != NULL; c++)
        {
          gsize width = g_array_index (widths, gsize, c);
          gsize text_width = stormcut_cli_display_width (row[c]);
          gboolean right = table->alignment != NULL && c < strlen (table->alignment) && table->alignment[c] == 'r';

          if (c > 0)
            g_string_append (out, "  ");
          if (right && r > 0)
            {
              append_padding (out, width - text_width);
              g_string_append (out, row[c]);
            }
          else
            {
              g_string_append (out, row[c]);
              if (row[c + 1] != NULL)
                append_padding (out, width - text_width);
            }
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_print ("%s\n", out->str);
      if (r == 0)
        {
          g_string_truncate (out, 0);
          for (gsize i = 0; i < total; i++)
            g_string_append (out, "─");
          g_print ("%s\n", out->str);
        }
    }
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

static void
print_heading (const char *text)
{
  gsize width = stormcut_cli_display_width (text);
  g_autoptr(GString) line = g_string_new (NULL);

  for (gsize i = 0; i < width; i++)
    g_string_append (line, "═");
  g_print ("\n%s\n%s\n", text, line->str);
}

/* --- opening --------------------------------------------------------------------- */

/* Opens a .stormcut document, or reads a model XML file (ending in .xml) into memory; a
 * document is opened for reading only unless @to_change. */
static StormcutModel *
open_model (const char *path,
            gboolean    to_change)
{
  if (g_str_has_suffix (path, ".xml") || g_str_has_suffix (path, ".XML"))
    {
      g_autoptr(GError) error = NULL;
      StormcutModel *model = stormcut_model_read_xml (path, &error);

      if (model == NULL)
        stormcut_cli_fail_with_error (error);
      return model;
    }
  return to_change ? stormcut_cli_open_model (path) : stormcut_cli_open_model_for_reading (path);
}

static const char *
element_name (StormcutModel *model,
              const char    *id)
{
  const StormcutElement *element = stormcut_model_get_element (model, id);

  return element != NULL ? element->name : id;
}

static const char *
service_name (const StormcutServiceAnalysis *analysis,
              const char                    *id)
{
  const StormcutService *service = stormcut_service_analysis_get_service (analysis, id);

  return service != NULL ? service->name : id;
}

/* Names of the elements with @ids, joined by ", ". */
static char *
join_element_names (StormcutModel *model,
                    GPtrArray     *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, element_name (model, g_ptr_array_index (ids, i)));
    }
  return g_string_free (out, FALSE);
}

static char *
join_context_names (StormcutModel *model,
                    GPtrArray     *ids)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      const StormcutContext *context = stormcut_model_get_context (model, g_ptr_array_index (ids, i));

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, context != NULL ? context->name : (const char *) g_ptr_array_index (ids, i));
    }
  return g_string_free (out, FALSE);
}

static const char *
mode_word (StormcutMode mode)
{
  return stormcut_mode_get_label (mode);
}

/* --- services ---------------------------------------------------------------------- */

static void
print_dependencies (StormcutModel                 *model,
                    const StormcutServiceAnalysis *analysis)
{
  Table table;
  guint n = 0;

  table_init (&table, "lllll");
  table_add (&table, 5, _("Service"), _("Depends on"), _("Mode"), _("From"), _("To"));
  for (guint i = 0; i < analysis->services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (analysis->services, i);
      GPtrArray *lists[] = { service->required_sync, service->subscriptions, service->direct_reads };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint d = 0; d < lists[l]->len; d++)
          {
            const StormcutServiceDependency *dependency = g_ptr_array_index (lists[l], d);

            table_add (&table, 5, service->name, service_name (analysis, dependency->target_service_id),
                       mode_word (dependency->mode),
                       element_name (model, dependency->source_element_id),
                       element_name (model, dependency->target_element_id));
            n++;
          }
    }
  if (n == 0)
    {
      g_print ("%s\n", _("No service depends on another."));
      g_ptr_array_unref (table.rows);
      return;
    }
  table_print (&table);
}

static int
run_services (const StormcutCliCommand *command,
              int                       argc,
              char                    **argv)
{
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  g_autoptr(StormcutContextMap) map = NULL;
  g_autofree char *title = NULL;
  Table table;

  if (!stormcut_cli_parse_options (command, NULL, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;

  model = open_model (argv[1], FALSE);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  analysis = stormcut_services_analyze (model);
  map = stormcut_context_map_derive (model);

  /* Translators: %s is the model name, %u the number of services. */
  title = g_strdup_printf (ngettext ("Candidate services of “%s”: %u service",
                                     "Candidate services of “%s”: %u services", analysis->services->len),
                           stormcut_model_get_name (model), analysis->services->len);
  g_print ("%s\n", title);
  if (analysis->services->len == 0)
    {
      g_print ("%s\n", _("The model has no bounded contexts yet. Draw contexts around the stickies first."));
      return STORMCUT_CLI_EXIT_OK;
    }

  print_heading (_("Services and their data"));
  table_init (&table, "lllllrrrr");
  table_add (&table, 9, _("Service"), _("Code name"), _("Contexts"), _("Kind"), _("Owned data (aggregates)"),
             _("APIs"), _("Calls"), _("Subscriptions"), _("Direct reads"));
  for (guint i = 0; i < analysis->services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (analysis->services, i);
      g_autofree char *contexts = join_context_names (model, service->context_ids);
      g_autofree char *data = join_element_names (model, service->aggregate_ids);
      g_autofree char *apis = g_strdup_printf ("%u", service->provided->len);
      g_autofree char *calls = g_strdup_printf ("%u", service->required_sync->len);
      g_autofree char *subscriptions = g_strdup_printf ("%u", service->subscriptions->len);
      g_autofree char *reads = g_strdup_printf ("%u", service->direct_reads->len);

      table_add (&table, 9, service->name, service->code_name, contexts,
                 service->external ? _("external") : _("service"),
                 data[0] != '\0' ? data : _("(none)"), apis, calls, subscriptions, reads);
    }
  table_print (&table);

  print_heading (_("Provided APIs"));
  table_init (&table, "llll");
  table_add (&table, 4, _("Service"), _("API"), _("Kind"), _("Called by"));
  for (guint i = 0; i < analysis->services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (analysis->services, i);

      for (guint a = 0; a < service->provided->len; a++)
        {
          const StormcutServiceApi *api = g_ptr_array_index (service->provided, a);
          const StormcutElement *element = stormcut_model_get_element (model, api->element_id);
          g_autofree char *callers = join_element_names (model, api->caller_ids);

          table_add (&table, 4, service->name, element->name, stormcut_kind_get_label (element->kind),
                     callers[0] != '\0' ? callers : "—");
        }
    }
  table_print (&table);

  print_heading (_("Dependencies between services"));
  print_dependencies (model, analysis);

  print_heading (_("Context map (derived from the links)"));
  if (map->entries->len == 0)
    g_print ("%s\n", _("No relationship between contexts."));
  else
    {
      table_init (&table, "llllrl");
      table_add (&table, 6, _("Upstream"), _("Downstream"), _("Mode"), _("Status"), _("Links"), _("Confirmed as"));
      for (guint i = 0; i < map->entries->len; i++)
        {
          const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);
          const StormcutRelationship *relationship = entry->relationship_id != NULL
                                                     ? stormcut_model_get_relationship (model, entry->relationship_id)
                                                     : NULL;
          const char *upstream = entry->derived != NULL ? entry->derived->upstream_id : relationship->upstream_id;
          const char *downstream = entry->derived != NULL ? entry->derived->downstream_id : relationship->downstream_id;
          StormcutMode mode = entry->derived != NULL ? entry->derived->mode : relationship->mode;
          g_autofree char *n_links = g_strdup_printf ("%u", entry->derived != NULL ? entry->derived->link_ids->len : 0);
          const StormcutContext *up = stormcut_model_get_context (model, upstream);
          const StormcutContext *down = stormcut_model_get_context (model, downstream);

          g_autofree char *confirmed = NULL;

          if (relationship != NULL)
            {
              g_autofree char *role_names = stormcut_roles_to_string (relationship->roles);
              g_autofree char *roles = g_ascii_strup (role_names, -1);

              confirmed = roles[0] != '\0'
                          ? g_strdup_printf ("%s (%s)", stormcut_pattern_get_label (relationship->pattern), roles)
                          : g_strdup (stormcut_pattern_get_label (relationship->pattern));
            }
          table_add (&table, 6, up != NULL ? up->name : upstream, down != NULL ? down->name : downstream,
                     mode_word (mode), stormcut_context_map_status_get_label (entry->status), n_links,
                     confirmed != NULL ? confirmed : "");
        }
      table_print (&table);
    }

  print_heading (_("Findings"));
  if (analysis->findings->len == 0)
    g_print ("%s\n", _("No findings."));
  for (guint i = 0; i < analysis->findings->len; i++)
    {
      const StormcutServiceFinding *finding = g_ptr_array_index (analysis->findings, i);

      g_print ("• [%s] %s\n", stormcut_finding_kind_get_label (finding->kind), finding->message);
    }
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_services = {
  "services", N_("FILE"), N_("List the candidate microservices, their data, APIs and findings"),
  N_("FILE is a .stormcut document or a model XML file. Each bounded context is one candidate "
     "service unless contexts were merged into one."),
  run_services,
};

/* --- fp ---------------------------------------------------------------------------- */

static char *
format_int (int value)
{
  return value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

static void
print_cost (StormcutModel  *model,
            gint64          fp_tenths,
            const char     *edition_option)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_load (model, warnings);
  StormcutCostEstimate e;
  Table table;
  g_autofree char *fp = stormcut_fp_format_tenths (fp_tenths);
  g_autofree char *base = NULL, *scaled = NULL, *dev = NULL, *direct = NULL, *profit = NULL;
  g_autofree char *sw = NULL, *vat = NULL, *total = NULL, *price = NULL, *scale = NULL, *rate = NULL;

  if (edition_option != NULL)
    stormcut_cost_edition_from_string (edition_option, &settings->edition);
  for (guint i = 0; i < warnings->len; i++)
    g_printerr ("stormcut-cli: %s\n", (const char *) g_ptr_array_index (warnings, i));

  stormcut_cost_compute (settings, fp_tenths, &e);
  price = stormcut_cost_format_won (e.unit_price);
  base = stormcut_cost_format_won (e.base_cost);
  scaled = stormcut_cost_format_won (e.after_scale);
  dev = stormcut_cost_format_won (e.development_cost);
  direct = stormcut_cost_format_won (e.direct_expenses);
  profit = stormcut_cost_format_won (e.profit);
  sw = stormcut_cost_format_won (e.sw_cost);
  vat = stormcut_cost_format_won (e.vat);
  total = stormcut_cost_format_won (e.total_with_vat);
  scale = g_strdup_printf ("%.4f", e.scale_factor);
  rate = g_strdup_printf ("%d.%02d %%", e.profit_rate_bp / 100, e.profit_rate_bp % 100);

  print_heading (_("Cost estimate (KOSA)"));
  g_print ("%s: %s\n", _("Price edition"), stormcut_cost_edition_get_label (e.edition));
  table_init (&table, "lrrrl");
  table_add (&table, 5, _("Item"), _("Level"), _("Factor"), _("Amount (won)"), _("Reason"));
  table_add (&table, 5, _("Function points"), "", "", fp, "");
  table_add (&table, 5, _("Price per FP"), "", "", price, "");
  table_add (&table, 5, _("Cost before correction"), "", "", base, "");
  table_add (&table, 5, _("× Size correction"), "", scale, scaled,
             fp_tenths < 5000 ? _("under 500 FP") : fp_tenths > 30000 ? _("over 3,000 FP")
                                                                       : _("0.4057 × (ln FP − 7.1978)² + 0.8878"));
  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      g_autofree char *label = g_strdup_printf ("× %s", stormcut_cost_factor_get_label (i));
      g_autofree char *level = g_strdup_printf ("%d", e.factor_levels[i]);
      g_autofree char *value = g_strdup_printf ("%d.%02d", e.factor_values[i] / 10000, (e.factor_values[i] % 10000) / 100);
      g_autofree char *amount = stormcut_cost_format_won (e.after_factor[i]);
      const char *reason = settings->reasons[i][0] != '\0' ? settings->reasons[i]
                                                           : stormcut_cost_factor_get_level_label (i, e.factor_levels[i]);

      table_add (&table, 5, label, level, value, amount, reason);
    }
  table_add (&table, 5, _("Development cost"), "", "", dev, "");
  table_add (&table, 5, _("Direct expenses"), "", "", direct, "");
  table_add (&table, 5, _("Profit"), "", rate, profit,
             /* xgettext:no-c-format */
             _("at most 25% of the development cost"));
  table_add (&table, 5, _("SW development cost (VAT excluded)"), "", "", sw, "");
  table_add (&table, 5, _("VAT (10%)"), "", "", vat, "");
  table_add (&table, 5, _("Total with VAT"), "", "", total, "");
  table_print (&table);
}

static int
run_fp (const StormcutCliCommand *command,
        int                       argc,
        char                    **argv)
{
  g_autofree char *profile_option = NULL;
  g_autofree char *method_option = NULL;
  g_autofree char *edition_option = NULL;
  gboolean trace = FALSE;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(StormcutFpTable) table = NULL;
  StormcutFpProfile profile;
  StormcutFpMethod method;
  Table rows;
  const GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_option,
      N_("Counting profile: default (system boundary) or msa (adds the API rows of the procurement guide)"), "PROFILE" },
    { "method", 'm', 0, G_OPTION_ARG_STRING, &method_option,
      N_("simple (average weights) or detailed (complexity from DET and RET/FTR)"), "METHOD" },
    { "edition", 'e', 0, G_OPTION_ARG_STRING, &edition_option,
      N_("Price edition of the cost estimate: 2014, 2020 or 2024"), "YEAR" },
    { "trace", 't', 0, G_OPTION_ARG_NONE, &trace, N_("Add the element id and bounded context of each row"), NULL },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  if (profile_option != NULL && !stormcut_fp_profile_from_string (profile_option, NULL))
    return stormcut_cli_usage_error (command, _("Unknown profile “%s”. Use default or msa."), profile_option);
  if (method_option != NULL && !stormcut_fp_method_from_string (method_option, NULL))
    return stormcut_cli_usage_error (command, _("Unknown method “%s”. Use simple or detailed."), method_option);
  if (edition_option != NULL && !stormcut_cost_edition_from_string (edition_option, NULL))
    return stormcut_cli_usage_error (command, _("Unknown price edition “%s”. Use 2014, 2020 or 2024."), edition_option);

  model = open_model (argv[1], FALSE);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  profile = stormcut_fp_get_profile (model);
  method = stormcut_fp_get_method (model);
  if (profile_option != NULL)
    stormcut_fp_profile_from_string (profile_option, &profile);
  if (method_option != NULL)
    stormcut_fp_method_from_string (method_option, &method);
  table = stormcut_fp_count (model, profile, method);

  g_print ("%s: %s\n", _("Application"), table->application);
  g_print ("%s: %s\n", _("Profile"), stormcut_fp_profile_get_label (profile));
  g_print ("%s: %s\n", _("Method"), stormcut_fp_method_get_label (method));

  print_heading (_("Function points"));
  table_init (&rows, trace ? "llllrrlrrlll" : "llllrrlrrl");
  if (trace)
    table_add (&rows, 12, "#", _("Service"), _("Unit process"), _("Type"), _("RET/FTR"), _("DET"), _("Complexity"),
               _("Weight"), _("FP"), _("Rule (note)"), _("Element id"), _("Bounded context"));
  else
    table_add (&rows, 10, "#", _("Service"), _("Unit process"), _("Type"), _("RET/FTR"), _("DET"), _("Complexity"),
               _("Weight"), _("FP"), _("Rule (note)"));
  for (guint i = 0; i < table->rows->len; i++)
    {
      const StormcutFpRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *ret_ftr = format_int (row->ret_ftr);
      g_autofree char *det = format_int (row->det);
      g_autofree char *weight = stormcut_fp_format_tenths (row->weight_tenths);
      g_autofree char *fp = row->excluded ? g_strdup ("—") : stormcut_fp_format_tenths (row->fp_tenths);
      const char *type = stormcut_fp_type_to_string (row->type);

      if (trace)
        {
          const StormcutContext *context = row->context_id != NULL ? stormcut_model_get_context (model, row->context_id) : NULL;

          table_add (&rows, 12, number, row->service, row->process, type, ret_ftr, det,
                     stormcut_fp_complexity_get_label (row->complexity), weight, fp, row->note,
                     row->element_id, context != NULL ? context->name : "");
        }
      else
        table_add (&rows, 10, number, row->service, row->process, type, ret_ftr, det,
                   stormcut_fp_complexity_get_label (row->complexity), weight, fp, row->note);
    }
  table_print (&rows);

  print_heading (_("Totals"));
  table_init (&rows, "lrrrrrr");
  table_add (&rows, 7, _("Service"), "ILF", "EIF", "EI", "EO", "EQ", _("FP"));
  for (guint i = 0; i <= table->by_service->len; i++)
    {
      const StormcutFpTotal *total = i < table->by_service->len ? g_ptr_array_index (table->by_service, i) : &table->total;
      char *cells[STORMCUT_FP_N_TYPES] = { NULL };
      g_autofree char *sum = stormcut_fp_format_tenths (total->total_tenths);
      const char *name = i == table->by_service->len ? _("Total")
                         : total->service_id == NULL ? _("(no service)") : total->name;

      for (guint t = 0; t < STORMCUT_FP_N_TYPES; t++)
        {
          g_autofree char *points = stormcut_fp_format_tenths (total->fp_tenths[t]);
          cells[t] = g_strdup_printf ("%u (%s)", total->counts[t], points);
        }
      table_add (&rows, 7, name, cells[0], cells[1], cells[2], cells[3], cells[4], sum);
      for (guint t = 0; t < STORMCUT_FP_N_TYPES; t++)
        g_clear_pointer (&cells[t], g_free);
    }
  table_print (&rows);

  print_cost (model, table->total.total_tenths, edition_option);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_fp = {
  "fp", N_("FILE"), N_("Print the function-point table and the cost estimate"),
  N_("FILE is a .stormcut document or a model XML file. Without options the profile, method and "
     "cost settings stored in the document are used. Each row names the rule that produced it; "
     "the cost follows the KOSA chain, rounding to the won after each factor."),
  run_fp,
};

/* --- diagnose ---------------------------------------------------------------------- */

static int
run_diagnose (const StormcutCliCommand *command,
              int                       argc,
              char                    **argv)
{
  g_auto (GStrv) answers = NULL;
  g_auto (GStrv) notes = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(StormcutDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  StormcutDiagnosisGroup group = STORMCUT_DIAGNOSIS_N_GROUPS;
  Table table;
  const GOptionEntry entries[] = {
    { "answer", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &answers,
      N_("Record an answer in the document, e.g. q3=yes or c2=no (repeatable)"), "ITEM=ANSWER" },
    { "note", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &notes,
      N_("Record a note in the document, e.g. q3=\"peaks every March\" (repeatable)"), "ITEM=TEXT" },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;

  /* Check every assignment before changing anything. */
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    if (!stormcut_diagnosis_parse_assignment (answers[i], NULL, NULL, &error))
      return stormcut_cli_usage_error (command, "%s", error->message);
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    if (strchr (notes[i], '=') == NULL)
      return stormcut_cli_usage_error (command, _("“%s” is not a note. Write it as item=text, for example q3=\"peaks every March\"."),
                                       notes[i]);

  model = open_model (argv[1], answers != NULL || notes != NULL);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  if ((answers != NULL || notes != NULL) && stormcut_model_get_path (model) == NULL)
    return stormcut_cli_fail (_("Answers are stored in a .stormcut document. Import the XML file first with “stormcut-cli import”."));

  if (answers != NULL || notes != NULL)
    stormcut_model_begin_group (model, _("Answer the self-diagnosis"));
  for (guint i = 0; answers != NULL && answers[i] != NULL; i++)
    {
      g_autofree char *item = NULL;
      StormcutAnswer answer;

      if (!stormcut_diagnosis_parse_assignment (answers[i], &item, &answer, &error) ||
          !stormcut_diagnosis_set_answer (model, item, answer, &error))
        {
          stormcut_model_abort_group (model);
          return stormcut_cli_fail_with_error (error);
        }
    }
  for (guint i = 0; notes != NULL && notes[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (notes[i], "=", 2);
      g_autofree char *item = g_ascii_strdown (g_strstrip (parts[0]), -1);
      g_autofree char *text = stormcut_cli_argument_to_utf8 (parts[1]);

      if (text == NULL || !stormcut_diagnosis_set_note (model, item, text, &error))
        {
          stormcut_model_abort_group (model);
          return error != NULL ? stormcut_cli_fail_with_error (error) : STORMCUT_CLI_EXIT_FAILURE;
        }
    }
  if ((answers != NULL || notes != NULL) && !stormcut_model_end_group (model, &error))
    return stormcut_cli_fail_with_error (error);

  diagnosis = stormcut_diagnosis_load (model);
  print_heading (_("MSA adoption self-diagnosis"));
  table_init (&table, "lll");
  table_add (&table, 3, "#", _("Answer"), _("Question"));
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_QUESTIONS; i++)
    {
      g_autofree char *number = g_strdup_printf ("q%u", i + 1);
      g_autofree char *question = NULL;

      if (stormcut_diagnosis_question_get_group (i) != group)
        {
          group = stormcut_diagnosis_question_get_group (i);
          table_add (&table, 3, "", "", stormcut_diagnosis_group_get_label (group));
        }
      if (diagnosis->notes[i][0] != '\0')
        /* Translators: a checklist question followed by the user's note. */
        question = g_strdup_printf (_("%s (note: %s)"), stormcut_diagnosis_question_get_text (i), diagnosis->notes[i]);
      else
        question = g_strdup (stormcut_diagnosis_question_get_text (i));
      table_add (&table, 3, number, stormcut_answer_get_label (diagnosis->answers[i]), question);
    }
  table_print (&table);
  g_print ("\n");
  /* Translators: %u are the number of "yes" answers and of questions answered. */
  g_print (_("“Yes” answers: %u (questions answered: %u of 10).\n"), diagnosis->n_yes, diagnosis->n_answered);
  g_print ("%s: %s\n", _("Verdict"), stormcut_verdict_get_label (diagnosis->verdict));

  print_heading (_("Adoption conditions"));
  table_init (&table, "lllll");
  table_add (&table, 5, "#", _("Answer"), _("Speaks for MSA"), _("Condition"), _("Question"));
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_CONDITIONS; i++)
    {
      g_autofree char *number = g_strdup_printf ("c%u", i + 1);
      g_autofree char *text = NULL;
      StormcutAnswer answer = diagnosis->conditions[i];
      const char *favour = answer == STORMCUT_ANSWER_NONE ? ""
                           : answer == stormcut_diagnosis_condition_favourable_answer (i) ? _("yes") : _("no");

      if (diagnosis->condition_notes[i][0] != '\0')
        text = g_strdup_printf (_("%s (note: %s)"), stormcut_diagnosis_condition_get_text (i), diagnosis->condition_notes[i]);
      else
        text = g_strdup (stormcut_diagnosis_condition_get_text (i));
      table_add (&table, 5, number, stormcut_answer_get_label (answer), favour,
                 stormcut_diagnosis_condition_get_title (i), text);
    }
  table_print (&table);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_diagnose = {
  "diagnose", N_("FILE"), N_("Answer and print the MSA adoption self-diagnosis"),
  N_("Questions are q1 to q10, adoption conditions c1 to c5. Answers and notes given with --answer "
     "and --note are stored in the document (one undo step). Six or more “yes” make MSA worth "
     "reviewing; three or fewer recommend keeping the current architecture."),
  run_diagnose,
};
