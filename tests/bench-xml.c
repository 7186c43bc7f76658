/* bench-xml.c: export a generated 10,000-element model to XML and read it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C <build> --benchmark -v bench-xml`.  Prints the median of several
 * runs of each step; it asserts nothing about speed, only that the round trip is exact.
 */

#include <stdlib.h>

#include "stormcut/stormcut.h"
#include "test-common.h"

#define N_ELEMENTS 10000
#define N_RUNS     9
#define SEED       20260101

int
main (int    argc,
      char **argv)
{
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GBytes) reference = NULL;
  double export_ms[N_RUNS], import_ms[N_RUNS];
  gsize size = 0;

  model = stormcut_test_generate_model (N_ELEMENTS, SEED);
  if (model == NULL)
    {
      g_printerr ("bench-xml: the generator returned no model\n");
      return EXIT_FAILURE;
    }

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) again = NULL;
      g_autoptr(StormcutModel) copy = NULL;
      const char *data;
      gint64 start, middle, end;

      start = g_get_monotonic_time ();
      bytes = stormcut_model_to_xml (model, &error);
      middle = g_get_monotonic_time ();
      if (bytes == NULL)
        {
          g_printerr ("bench-xml: export failed: %s\n", error->message);
          return EXIT_FAILURE;
        }
      data = g_bytes_get_data (bytes, &size);
      copy = stormcut_model_from_xml (data, size, &error);
      end = g_get_monotonic_time ();
      if (copy == NULL)
        {
          g_printerr ("bench-xml: import failed: %s\n", error->message);
          return EXIT_FAILURE;
        }

      export_ms[run] = (middle - start) / 1000.0;
      import_ms[run] = (end - middle) / 1000.0;

      /* Not timed: the copy must write the same bytes. */
      again = stormcut_model_to_xml (copy, &error);
      if (again == NULL || !g_bytes_equal (bytes, again))
        {
          g_printerr ("bench-xml: the round trip changed the XML\n");
          return EXIT_FAILURE;
        }
      if (reference == NULL)
        reference = g_bytes_ref (bytes);
      else if (!g_bytes_equal (reference, bytes))
        {
          g_printerr ("bench-xml: two exports of the same model differ\n");
          return EXIT_FAILURE;
        }
    }

  g_print ("model: %u elements, %u links, %u contexts, %u relationships; XML %.1f MiB\n",
           stormcut_model_get_n_elements (model), stormcut_model_get_links (model)->len,
           stormcut_model_get_contexts (model)->len, stormcut_model_get_relationships (model)->len,
           size / (1024.0 * 1024.0));
  g_print ("export to XML:   median %8.1f ms over %d runs\n", stormcut_test_median (export_ms, N_RUNS), N_RUNS);
  g_print ("import from XML: median %8.1f ms over %d runs\n", stormcut_test_median (import_ms, N_RUNS), N_RUNS);
  return EXIT_SUCCESS;
}
