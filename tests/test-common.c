/* test-common.c: helpers shared by the Check suites and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>

#include "test-common.h"

static char *tmpdir;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
remove_tmpdir (void)
{
  if (tmpdir != NULL && g_getenv ("STORMCUT_TEST_KEEP") == NULL)
    remove_tree (tmpdir);
}

const char *
stormcut_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("stormcut-test-XXXXXX", &error);
      if (tmpdir == NULL)
        {
          g_printerr ("cannot create a temporary directory: %s\n", error->message);
          exit (EXIT_FAILURE);
        }
      atexit (remove_tmpdir);
    }
  return tmpdir;
}

char *
stormcut_test_tmp_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%u-%u-%s", (guint) getpid (), ++counter, name);

  return g_build_filename (stormcut_test_tmpdir (), unique, NULL);
}

static char *
source_path (const char *variable,
             const char *fallback,
             const char *name)
{
  const char *dir = g_getenv (variable);

  return g_build_filename (dir ? dir : fallback, name, NULL);
}

char *
stormcut_test_data_path (const char *name)
{
  return source_path ("STORMCUT_TEST_DATA", "tests/data", name);
}

char *
stormcut_test_sample_path (const char *name)
{
  return source_path ("STORMCUT_SAMPLES", "data/samples", name);
}

/* One flow of a workshop: actor → command → aggregate → event → policy → command → … with a
 * read model the event updates and the actor looks at. */
static const StormcutKind flow_kinds[] = {
  STORMCUT_KIND_ACTOR, STORMCUT_KIND_COMMAND, STORMCUT_KIND_AGGREGATE, STORMCUT_KIND_EVENT,
  STORMCUT_KIND_READ_MODEL, STORMCUT_KIND_POLICY, STORMCUT_KIND_COMMAND, STORMCUT_KIND_EXTERNAL_SYSTEM,
  STORMCUT_KIND_EVENT, STORMCUT_KIND_HOTSPOT,
};

StormcutModel *
stormcut_test_generate_model (guint n_elements,
                              guint seed)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const guint per_context = 50;
  const guint contexts_per_row = 10;
  const double context_w = 2000, context_h = 1200;
  guint n_contexts = (n_elements + per_context - 1) / per_context;
  g_autoptr(GError) error = NULL;

  stormcut_model_set_history_limit (model, 0);
  stormcut_model_set_name (model, "Generated model", NULL);
  for (guint c = 0; c < n_contexts; c++)
    {
      StormcutContext context = { 0 };
      g_autofree char *id = g_strdup_printf ("ctx%u", c);
      g_autofree char *name = g_strdup_printf ("Context %u 컨텍스트", c);
      g_autofree char *code = g_strdup_printf ("Context%u", c);

      context.id = id;
      context.name = name;
      context.code_name = code;
      context.domain_type = (StormcutDomainType) (c % STORMCUT_N_DOMAIN_TYPES);
      context.x = (c % contexts_per_row) * (context_w + 200);
      context.y = (c / contexts_per_row) * (context_h + 200);
      context.width = context_w;
      context.height = context_h;
      if (stormcut_model_insert_context (model, &context, &error) == NULL)
        g_error ("generator: %s", error->message);
    }

  for (guint i = 0; i < n_elements; i++)
    {
      StormcutElement element = { 0 };
      g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
      guint c = i / per_context, k = i % per_context;
      const StormcutContext *context = g_ptr_array_index (stormcut_model_get_contexts (model), c);
      g_autofree char *id = g_strdup_printf ("el%u", i);
      g_autofree char *name = NULL;
      g_autofree char *code = g_strdup_printf ("Element%u", i);
      const StormcutElement *added;

      element.id = id;
      element.kind = flow_kinds[k % G_N_ELEMENTS (flow_kinds)];
      name = g_strdup_printf ("%s %u 항목 %u", stormcut_kind_to_string (element.kind), i, g_rand_int_range (rand, 0, 1000));
      element.name = name;
      element.code_name = code;
      element.description = (char *) "";
      element.x = context->x + 40 + (k % 10) * 190;
      element.y = context->y + 80 + (k / 10) * 220;
      stormcut_kind_get_default_size (element.kind, &element.width, &element.height);
      if (element.width > 160)
        element.width = 160;
      element.context_id = (element.kind == STORMCUT_KIND_ACTOR || element.kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
                           ? NULL : context->id;
      if (stormcut_kind_has_attributes (element.kind))
        {
          g_ptr_array_add (attributes, stormcut_attribute_new ("id", "string", TRUE));
          g_ptr_array_add (attributes, stormcut_attribute_new ("name", "string", FALSE));
          g_ptr_array_add (attributes, stormcut_attribute_new ("amount", "money", FALSE));
        }
      element.attributes = attributes;
      added = stormcut_model_insert_element (model, &element, &error);
      if (added == NULL)
        g_error ("generator: %s", error->message);
      g_ptr_array_add (ids, g_strdup (added->id));
    }

  /* Links along each flow where the grammar allows, plus cross-context policies. */
  for (guint i = 1; i < n_elements; i++)
    {
      const StormcutElement *a = stormcut_model_get_element (model, g_ptr_array_index (ids, i - 1));
      const StormcutElement *b = stormcut_model_get_element (model, g_ptr_array_index (ids, i));

      if (stormcut_grammar_allows (a->kind, b->kind) && a->kind != STORMCUT_KIND_HOTSPOT)
        stormcut_model_add_link (model, a->id, b->id, NULL);
      if (a->kind == STORMCUT_KIND_EVENT && b->kind == STORMCUT_KIND_READ_MODEL && i + 2 < n_elements)
        {
          const StormcutElement *policy = stormcut_model_get_element (model, g_ptr_array_index (ids, i + 1));
          if (policy->kind == STORMCUT_KIND_POLICY)
            stormcut_model_add_link (model, a->id, policy->id, NULL);
        }
    }
  for (guint i = 0; i + per_context < n_elements; i += per_context)
    {
      /* event of context c → policy of a random later context */
      guint target_context = (i / per_context) + 1 + g_rand_int_range (rand, 0, 3);
      guint event_index = i + 3, policy_index = target_context * per_context + 5;

      if (policy_index < n_elements)
        stormcut_model_add_link (model, g_ptr_array_index (ids, event_index), g_ptr_array_index (ids, policy_index), NULL);
      if (i / per_context + 1 < n_contexts && g_rand_boolean (rand))
        {
          GPtrArray *contexts = stormcut_model_get_contexts (model);
          const StormcutContext *upstream = g_ptr_array_index (contexts, i / per_context);
          const StormcutContext *downstream = g_ptr_array_index (contexts, i / per_context + 1);

          stormcut_model_add_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM,
                                           upstream->id, downstream->id, NULL);
        }
    }
  stormcut_model_set_history_limit (model, STORMCUT_MODEL_DEFAULT_HISTORY);
  return g_steal_pointer (&model);
}

int
stormcut_test_run (Suite *suite)
{
  SRunner *runner = srunner_create (suite);
  int failed;

  setlocale (LC_ALL, "");
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
stormcut_test_median (double *values,
                      guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

char *
stormcut_test_read_file (const char *path,
                         gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, length, &error))
    ck_abort_msg ("cannot read %s: %s", path, error->message);
  return contents;
}

void
stormcut_test_assert_models_equal (StormcutModel *a,
                                   StormcutModel *b)
{
  g_auto(GStrv) keys_a = stormcut_model_list_settings (a);
  g_auto(GStrv) keys_b = stormcut_model_list_settings (b);
  GPtrArray *xa, *xb;

  ck_assert_str_eq (stormcut_model_get_name (a), stormcut_model_get_name (b));
  ck_assert_str_eq (stormcut_model_get_description (a), stormcut_model_get_description (b));
  ck_assert_uint_eq (g_strv_length (keys_a), g_strv_length (keys_b));
  for (guint i = 0; keys_a[i]; i++)
    {
      ck_assert_str_eq (keys_a[i], keys_b[i]);
      ck_assert_str_eq (stormcut_model_get_setting (a, keys_a[i]), stormcut_model_get_setting (b, keys_b[i]));
    }

  xa = stormcut_model_get_elements (a);
  xb = stormcut_model_get_elements (b);
  ck_assert_uint_eq (xa->len, xb->len);
  for (guint i = 0; i < xa->len; i++)
    ck_assert_msg (stormcut_element_equal (g_ptr_array_index (xa, i), g_ptr_array_index (xb, i)),
                   "element %u differs", i);

  xa = stormcut_model_get_links (a);
  xb = stormcut_model_get_links (b);
  ck_assert_uint_eq (xa->len, xb->len);
  for (guint i = 0; i < xa->len; i++)
    {
      const StormcutLink *la = g_ptr_array_index (xa, i), *lb = g_ptr_array_index (xb, i);
      ck_assert_str_eq (la->id, lb->id);
      ck_assert_str_eq (la->source_id, lb->source_id);
      ck_assert_str_eq (la->target_id, lb->target_id);
      ck_assert_int_eq (la->ordinal, lb->ordinal);
    }

  xa = stormcut_model_get_contexts (a);
  xb = stormcut_model_get_contexts (b);
  ck_assert_uint_eq (xa->len, xb->len);
  for (guint i = 0; i < xa->len; i++)
    ck_assert_msg (stormcut_context_equal (g_ptr_array_index (xa, i), g_ptr_array_index (xb, i)),
                   "context %u differs", i);

  xa = stormcut_model_get_relationships (a);
  xb = stormcut_model_get_relationships (b);
  ck_assert_uint_eq (xa->len, xb->len);
  for (guint i = 0; i < xa->len; i++)
    ck_assert_msg (stormcut_relationship_equal (g_ptr_array_index (xa, i), g_ptr_array_index (xb, i)),
                   "relationship %u differs", i);
}
