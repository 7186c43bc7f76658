/* bench-analysis.c: service and function-point analysis of a generated 10,000-element model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C <build> --benchmark -v bench-analysis`.  Prints the median of
 * several runs of each step (target: services + FP under 20 ms), as wall-clock time and as
 * the CPU time of the thread (which a busy machine disturbs less); it asserts nothing about
 * speed, only that every run gives the same result.
 */
#include <stdlib.h>
#include <time.h>

#include <stormcut/stormcut-contextmap.h>
#include <stormcut/stormcut-fp.h>
#include <stormcut/stormcut-services.h>
#include "test-common.h"

#define N_ELEMENTS 10000
#define N_RUNS     15
#define SEED       20260101

typedef struct {
  gint64 wall_us;
  double cpu_ms;
} Stamp;

static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static Stamp
stamp (void)
{
  Stamp s = { g_get_monotonic_time (), thread_cpu_ms () };
  return s;
}

/* Wall-clock ms since @start; the CPU ms go to @cpu_ms. */
static double
elapsed_ms (Stamp   start,
            double *cpu_ms)
{
  *cpu_ms = thread_cpu_ms () - start.cpu_ms;
  return (g_get_monotonic_time () - start.wall_us) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(StormcutModel) model = stormcut_test_generate_model (N_ELEMENTS, SEED);
  double services_ms[N_RUNS], fp_default_ms[N_RUNS], fp_msa_ms[N_RUNS], combined_ms[N_RUNS], map_ms[N_RUNS];
  double services_cpu[N_RUNS], fp_default_cpu[N_RUNS], fp_msa_cpu[N_RUNS], combined_cpu[N_RUNS], map_cpu[N_RUNS];
  guint n_services = 0, n_findings = 0, n_rows = 0;
  gint64 total_tenths = -1;

  if (model == NULL || stormcut_model_get_n_elements (model) < N_ELEMENTS)
    {
      g_printerr ("bench-analysis: the generator did not give a %d-element model\n", N_ELEMENTS);
      return EXIT_FAILURE;
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      Stamp start;

      start = stamp ();
      {
        g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
        services_ms[run] = elapsed_ms (start, &services_cpu[run]);
        if (run > 0 && (analysis->services->len != n_services || analysis->findings->len != n_findings))
          {
            g_printerr ("bench-analysis: the service analysis changed between runs\n");
            return EXIT_FAILURE;
          }
        n_services = analysis->services->len;
        n_findings = analysis->findings->len;
      }

      start = stamp ();
      {
        g_autoptr(StormcutFpTable) table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
        fp_default_ms[run] = elapsed_ms (start, &fp_default_cpu[run]);
      }

      start = stamp ();
      {
        g_autoptr(StormcutFpTable) table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_DETAILED);
        fp_msa_ms[run] = elapsed_ms (start, &fp_msa_cpu[run]);
        if (run > 0 && (table->rows->len != n_rows || table->total.total_tenths != total_tenths))
          {
            g_printerr ("bench-analysis: the FP table changed between runs\n");
            return EXIT_FAILURE;
          }
        n_rows = table->rows->len;
        total_tenths = table->total.total_tenths;
      }

      /* What a view showing both needs: the service analysis plus one FP table. */
      start = stamp ();
      {
        g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
        g_autoptr(StormcutFpTable) table = stormcut_fp_count_with_services (model, analysis, STORMCUT_FP_PROFILE_MSA,
                                                                            STORMCUT_FP_METHOD_SIMPLE);
        combined_ms[run] = elapsed_ms (start, &combined_cpu[run]);
      }

      start = stamp ();
      {
        g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
        map_ms[run] = elapsed_ms (start, &map_cpu[run]);
      }
    }

  g_print ("bench-analysis: %u elements, %u links, %u contexts -> %u services, %u findings, %u MSA rows, %.1f FP\n",
           stormcut_model_get_n_elements (model), stormcut_model_get_links (model)->len,
           stormcut_model_get_contexts (model)->len, n_services, n_findings, n_rows, total_tenths / 10.0);
  g_print ("median of %d runs          wall ms   thread CPU ms\n", N_RUNS);
  g_print ("services-analysis         %8.2f  %8.2f\n", stormcut_test_median (services_ms, N_RUNS),
           stormcut_test_median (services_cpu, N_RUNS));
  g_print ("fp-default-simple         %8.2f  %8.2f\n", stormcut_test_median (fp_default_ms, N_RUNS),
           stormcut_test_median (fp_default_cpu, N_RUNS));
  g_print ("fp-msa-detailed           %8.2f  %8.2f\n", stormcut_test_median (fp_msa_ms, N_RUNS),
           stormcut_test_median (fp_msa_cpu, N_RUNS));
  g_print ("services-plus-fp (< 20)   %8.2f  %8.2f\n", stormcut_test_median (combined_ms, N_RUNS),
           stormcut_test_median (combined_cpu, N_RUNS));
  g_print ("context-map               %8.2f  %8.2f\n", stormcut_test_median (map_ms, N_RUNS),
           stormcut_test_median (map_cpu, N_RUNS));
  return EXIT_SUCCESS;
}
