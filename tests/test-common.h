/* test-common.h: helpers shared by the Check suites and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <check.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

/* A fresh temporary directory for this process (removed at exit); paths inside it. */
const char    *stormcut_test_tmpdir        (void);
char          *stormcut_test_tmp_path      (const char *name);

/* tests/data/<name> and data/samples/<name> in the source tree. */
char          *stormcut_test_data_path     (const char *name);
char          *stormcut_test_sample_path   (const char *name);

/* A large, realistic model: @n_elements stickies in flows (actor → command → aggregate →
 * event → policy → command …, read models, external systems), grouped into contexts of about
 * 50 stickies laid out on a grid, with cross-context links and relationships.  The same
 * @seed gives the same model.  In memory. */
StormcutModel *stormcut_test_generate_model (guint n_elements, guint seed);

/* Runs @suite with TAP output when CK_TAP_LOG_FILE_NAME is set; returns the exit status. */
int            stormcut_test_run           (Suite *suite);

/* Median of @n doubles (sorts them). */
double         stormcut_test_median        (double *values, guint n);

/* Reads a whole file into a string; fails the current test if it cannot. */
char          *stormcut_test_read_file     (const char *path, gsize *length);

G_END_DECLS

G_BEGIN_DECLS
/* Fails the current test unless both models hold the same content (ids, order, every field). */
void           stormcut_test_assert_models_equal (StormcutModel *a, StormcutModel *b);
G_END_DECLS
