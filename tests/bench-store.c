/* bench-store.c: opening a 10,000-element document, committing one edit, against the
 * time the sqlite3 shell takes to read the same rows (the physical floor)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with: meson test -C _build --benchmark --suite model bench-store -v
 */
#include <stdio.h>
#include <stdlib.h>

#include "test-common.h"

#define RUNS 15

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
time_sqlite3_shell (const char *path)
{
  const char *argv[] = {
    "sqlite3", "-readonly", path,
    "SELECT * FROM model_info; SELECT * FROM settings; SELECT * FROM contexts ORDER BY ordinal;"
    "SELECT * FROM elements ORDER BY ordinal; SELECT * FROM attributes ORDER BY element_id, position;"
    "SELECT * FROM links ORDER BY ordinal; SELECT * FROM relationships ORDER BY ordinal;",
    NULL
  };
  g_autoptr(GError) error = NULL;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
    {
      g_printerr ("sqlite3 shell failed: %s\n", error ? error->message : "exit status");
      return -1;
    }
  return now_ms () - start;
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 10000;
  g_autofree char *path = stormcut_test_tmp_path ("bench.stormcut");
  g_autoptr(StormcutModel) generated = stormcut_test_generate_model (n, 42);
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  double open_ms[RUNS], floor_ms[RUNS], edit_ms[RUNS * 20], group_ms[RUNS];
  const StormcutElement *element;
  g_autofree char *id = NULL;

  if (!stormcut_model_save_as (generated, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  g_clear_object (&generated);

  for (guint i = 0; i < RUNS; i++)
    {
      double start = now_ms ();

      model = stormcut_model_open (path, &error);
      if (model == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      open_ms[i] = now_ms () - start;
      if (i + 1 < RUNS)
        g_clear_object (&model);
      floor_ms[i] = time_sqlite3_shell (path);
    }

  element = g_ptr_array_index (stormcut_model_get_elements (model), n / 2);
  id = g_strdup (element->id);
  for (guint i = 0; i < G_N_ELEMENTS (edit_ms); i++)
    {
      double start = now_ms ();

      if (!stormcut_model_move_element (model, id, 100 + i, 200, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      edit_ms[i] = now_ms () - start;
    }
  /* dragging 50 stickies is one grouped edit */
  for (guint i = 0; i < RUNS; i++)
    {
      GPtrArray *elements = stormcut_model_get_elements (model);
      double start = now_ms ();

      stormcut_model_begin_group (model, "move");
      for (guint j = 0; j < 50; j++)
        {
          const StormcutElement *e = g_ptr_array_index (elements, j);
          stormcut_model_move_element (model, e->id, e->x + 1, e->y, NULL);
        }
      stormcut_model_end_group (model, NULL);
      group_ms[i] = now_ms () - start;
    }

  printf ("document: %u elements, %u links, %u contexts\n", stormcut_model_get_n_elements (model),
          stormcut_model_get_links (model)->len, stormcut_model_get_contexts (model)->len);
  printf ("open into memory       median %8.2f ms\n", stormcut_test_median (open_ms, RUNS));
  printf ("sqlite3 shell floor    median %8.2f ms\n", stormcut_test_median (floor_ms, RUNS));
  printf ("one edit (move)        median %8.3f ms\n", stormcut_test_median (edit_ms, G_N_ELEMENTS (edit_ms)));
  printf ("grouped move of 50     median %8.3f ms\n", stormcut_test_median (group_ms, RUNS));
  return EXIT_SUCCESS;
}
