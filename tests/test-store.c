/* test-store.c: the .stormcut file: round trips, bad files, migrations, save as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "stormcut-store-private.h"
#include "test-common.h"

/* A small model touching every table. */
static StormcutModel *
build_sample (const char *path)
{
  StormcutModel *model = path ? stormcut_model_create (path, NULL) : stormcut_model_new ();
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  g_autofree char *ctx_a = NULL, *ctx_b = NULL, *actor = NULL, *command = NULL, *aggregate = NULL, *event = NULL;
  StormcutRelationship rel = { 0 };
  StormcutContext context;

  ck_assert_ptr_nonnull (model);
  stormcut_model_set_name (model, "공공시설 예약 \"<&>\"", NULL);
  stormcut_model_set_description (model, "줄\n바꿈 🙂", NULL);
  stormcut_model_set_setting (model, "cost.edition", "2024", NULL);
  ctx_a = g_strdup (stormcut_model_add_context (model, "예약", 0, 0, 800, 400, NULL)->id);
  ctx_b = g_strdup (stormcut_model_add_context (model, "결제", 900, 0, 800, 400, NULL)->id);
  context = *stormcut_model_get_context (model, ctx_b);
  context.team = (char *) "결제팀";
  context.domain_type = STORMCUT_DOMAIN_GENERIC;
  context.service = (char *) "payment-service";
  context.external = TRUE;
  context.color = (char *) "#123456";
  ck_assert (stormcut_model_update_context (model, &context, NULL));
  actor = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_ACTOR, "시민", -100, 10, NULL)->id);
  command = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_COMMAND, "예약 등록", 20, 20, NULL)->id);
  aggregate = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_AGGREGATE, "예약", 160, 20, NULL)->id);
  event = g_strdup (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "예약 등록됨", 420, 20, NULL)->id);
  stormcut_model_set_element_code_name (model, command, "RegisterReservation", NULL);
  stormcut_model_set_element_description (model, command, "quotes ' \" and <xml> & more", NULL);
  stormcut_model_set_element_color (model, event, "#ff8800", NULL);
  g_ptr_array_add (attributes, stormcut_attribute_new ("reservationId", "string", TRUE));
  g_ptr_array_add (attributes, stormcut_attribute_new ("날짜", "date", FALSE));
  ck_assert (stormcut_model_set_element_attributes (model, aggregate, attributes, NULL));
  stormcut_model_assign_element (model, command, ctx_a, NULL);
  stormcut_model_assign_element (model, aggregate, ctx_a, NULL);
  stormcut_model_assign_element (model, event, ctx_a, NULL);
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, actor, command, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, command, aggregate, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, aggregate, event, NULL));
  rel.pattern = STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM;
  rel.upstream_id = ctx_a;
  rel.downstream_id = ctx_b;
  rel.roles = STORMCUT_ROLE_OHS | STORMCUT_ROLE_ACL;
  rel.mode = STORMCUT_MODE_ASYNC;
  rel.note = (char *) "예약 이벤트 구독";
  ck_assert_ptr_nonnull (stormcut_model_insert_relationship (model, &rel, NULL));
  return model;
}

START_TEST (test_reopen_round_trip)
{
  g_autofree char *path = stormcut_test_tmp_path ("round.stormcut");
  g_autoptr(StormcutModel) written = build_sample (path);
  g_autoptr(StormcutModel) reference = build_sample (NULL);
  g_autoptr(StormcutModel) reopened = NULL;
  g_autoptr(GError) error = NULL;

  ck_assert_str_eq (stormcut_model_get_path (written), path);
  g_clear_object (&written);
  reopened = stormcut_model_open (path, &error);
  ck_assert_msg (reopened != NULL, "%s", error ? error->message : "");
  stormcut_test_assert_models_equal (reopened, reference);
  ck_assert (!stormcut_model_can_undo (reopened));
}
END_TEST

/* Without closing: what a killed process leaves behind must already be in the file. */
START_TEST (test_edits_visible_without_close)
{
  g_autofree char *path = stormcut_test_tmp_path ("live.stormcut");
  g_autoptr(StormcutModel) writer = build_sample (path);
  g_autoptr(StormcutModel) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = stormcut_model_open (path, &error);
  ck_assert_msg (reader != NULL, "%s", error ? error->message : "");
  stormcut_test_assert_models_equal (reader, writer);
}
END_TEST

static GBytes *
file_bytes (const char *path)
{
  gsize len;
  char *data = stormcut_test_read_file (path, &len);
  return g_bytes_new_take (data, len);
}

static void
assert_open_fails (const char *path,
                   int         code)
{
  g_autoptr(GBytes) before = file_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_open (path, &error);

  ck_assert_ptr_null (model);
  ck_assert_msg (g_error_matches (error, STORMCUT_STORE_ERROR, code),
                 "expected code %d, got %s", code, error ? error->message : "no error");
  ck_assert_str_ne (error->message, "");
  after = file_bytes (path);
  ck_assert_msg (g_bytes_equal (before, after), "the file was modified");

  /* Opening to read skips the whole-file check; the damage is found while loading. */
  g_clear_error (&error);
  model = stormcut_model_open_for_reading (path, &error);
  ck_assert_ptr_null (model);
  ck_assert_msg (g_error_matches (error, STORMCUT_STORE_ERROR, code),
                 "for reading: expected code %d, got %s", code, error ? error->message : "no error");
  g_clear_pointer (&after, g_bytes_unref);
  after = file_bytes (path);
  ck_assert_msg (g_bytes_equal (before, after), "the file was modified by opening it for reading");
}

/* Reading only: the same content, every change refused, the file untouched and no WAL
 * files left beside it. */
START_TEST (test_open_for_reading)
{
  g_autofree char *path = stormcut_test_tmp_path ("reading.stormcut");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(StormcutModel) written = build_sample (path);
  g_autoptr(StormcutModel) reference = build_sample (NULL);
  g_autoptr(StormcutModel) reading = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const StormcutElement *element;

  g_clear_object (&written);
  before = file_bytes (path);
  reading = stormcut_model_open_for_reading (path, &error);
  ck_assert_msg (reading != NULL, "%s", error ? error->message : "");
  stormcut_test_assert_models_equal (reading, reference);
  ck_assert_str_eq (stormcut_model_get_path (reading), path);

  ck_assert_ptr_null (stormcut_model_add_element (reading, STORMCUT_KIND_EVENT, "추가됨", 0, 0, &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_STORE));
  ck_assert_msg (strstr (error->message, "reading only") != NULL, "%s", error->message);
  g_clear_error (&error);
  element = g_ptr_array_index (stormcut_model_get_elements (reading), 0);
  ck_assert (!stormcut_model_rename_element (reading, element->id, "바뀜", &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_STORE));
  /* nothing changed in memory either */
  stormcut_test_assert_models_equal (reading, reference);
  ck_assert (!stormcut_model_can_undo (reading));

  /* a writer can work on the file while it is open for reading */
  written = stormcut_model_open (path, &error);
  ck_assert_msg (written != NULL, "%s", error ? error->message : "");
  g_clear_object (&written);

  g_clear_object (&reading);
  after = file_bytes (path);
  ck_assert_msg (g_bytes_equal (before, after), "the file was modified");
  ck_assert (!g_file_test (wal, G_FILE_TEST_EXISTS));
  ck_assert (!g_file_test (shm, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_not_found)
{
  g_autoptr(GError) error = NULL;

  ck_assert_ptr_null (stormcut_model_open ("/nonexistent/x.stormcut", &error));
  ck_assert (g_error_matches (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_NOT_FOUND));
}
END_TEST

START_TEST (test_not_stormcut_files)
{
  g_autofree char *empty = stormcut_test_tmp_path ("empty.stormcut");
  g_autofree char *text = stormcut_test_tmp_path ("text.stormcut");
  g_autofree char *xml = stormcut_test_tmp_path ("model.stormcut");
  g_autofree char *foreign = stormcut_test_tmp_path ("foreign.stormcut");
  sqlite3 *db;

  g_file_set_contents (empty, "", 0, NULL);
  g_file_set_contents (text, "hello, I am a text file\n", -1, NULL);
  g_file_set_contents (xml, "<?xml version=\"1.0\"?><stormcut-model/>", -1, NULL);
  ck_assert_int_eq (sqlite3_open (foreign, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails (empty, STORMCUT_STORE_ERROR_NOT_STORMCUT);
  assert_open_fails (text, STORMCUT_STORE_ERROR_NOT_STORMCUT);
  assert_open_fails (xml, STORMCUT_STORE_ERROR_NOT_STORMCUT);
  assert_open_fails (foreign, STORMCUT_STORE_ERROR_NOT_STORMCUT);
}
END_TEST

START_TEST (test_too_new)
{
  g_autofree char *path = stormcut_test_tmp_path ("new.stormcut");
  g_autoptr(StormcutModel) model = build_sample (path);
  sqlite3 *db;

  g_clear_object (&model);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
  assert_open_fails (path, STORMCUT_STORE_ERROR_TOO_NEW);
}
END_TEST

static char *
closed_sample_file (const char *name,
                    gsize      *length)
{
  g_autofree char *path = stormcut_test_tmp_path (name);
  g_autoptr(StormcutModel) model = build_sample (path);

  /* enough pages that damage lands in table data */
  for (int i = 0; i < 300; i++)
    stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "padding 채우기 padding padding", i, i, NULL);
  g_clear_object (&model);
  g_free (stormcut_test_read_file (path, length));
  return g_steal_pointer (&path);
}

START_TEST (test_truncated)
{
  gsize length;
  g_autofree char *path = closed_sample_file ("truncated.stormcut", &length);
  g_autofree char *data = stormcut_test_read_file (path, NULL);

  ck_assert (g_file_set_contents (path, data, (gssize) (length / 2), NULL));
  assert_open_fails (path, STORMCUT_STORE_ERROR_CORRUPT);
}
END_TEST

START_TEST (test_corrupt)
{
  gsize length;
  g_autofree char *path = closed_sample_file ("corrupt.stormcut", &length);
  g_autofree char *data = stormcut_test_read_file (path, NULL);

  /* scribble over every page but the first, keeping the size */
  for (gsize i = 4096; i < length; i += 4096)
    memset (data + i, 0xA5, 512);
  ck_assert (g_file_set_contents (path, data, (gssize) length, NULL));
  assert_open_fails (path, STORMCUT_STORE_ERROR_CORRUPT);
}
END_TEST

START_TEST (test_migration_from_version_1)
{
  g_autofree char *path = stormcut_test_tmp_path ("v1.stormcut");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = NULL;
  StormcutStore *store;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  store = stormcut_store_create_at_version (path, 1, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  stormcut_store_free (store);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  ck_assert_int_eq (sqlite3_exec (db,
                                  "INSERT INTO model_info VALUES ('name', '옛 모델');"
                                  "INSERT INTO contexts (id, ordinal, name, x, y, width, height) VALUES ('c1', 1, '예약', 0, 0, 100, 100);"
                                  "INSERT INTO elements (id, ordinal, kind, name, x, y, width, height, context_id) "
                                  "  VALUES ('e1', 1, 'event', '등록됨', 1, 2, 120, 120, 'c1');",
                                  NULL, NULL, NULL), SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_int_eq (sqlite3_column_int (stmt, 0), 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* opening an old file to read brings it up to date, and it stays read-only */
  model = stormcut_model_open_for_reading (path, &error);
  ck_assert_msg (model != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (stormcut_model_get_name (model), "옛 모델");
  ck_assert (!stormcut_model_set_setting (model, "diagnosis.q1", "yes", NULL));
  g_clear_object (&model);

  model = stormcut_model_open (path, &error);
  ck_assert_msg (model != NULL, "%s", error ? error->message : "");
  ck_assert_str_eq (stormcut_model_get_name (model), "옛 모델");
  ck_assert_str_eq (stormcut_model_get_element (model, "e1")->context_id, "c1");
  ck_assert_ptr_null (stormcut_model_get_context (model, "c1")->service);
  /* the new columns and table work */
  ck_assert (stormcut_model_set_setting (model, "diagnosis.q1", "yes", NULL));
  g_clear_object (&model);

  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_int_eq (sqlite3_column_int (stmt, 0), STORMCUT_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "PRAGMA application_id", -1, &stmt, NULL);
  ck_assert_int_eq (sqlite3_step (stmt), SQLITE_ROW);
  ck_assert_int_eq (sqlite3_column_int (stmt, 0), STORMCUT_APPLICATION_ID);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}
END_TEST

START_TEST (test_schema_constraints)
{
  g_autofree char *path = stormcut_test_tmp_path ("constraints.stormcut");
  g_autoptr(StormcutModel) model = build_sample (path);
  sqlite3 *db;

  g_clear_object (&model);
  ck_assert_int_eq (sqlite3_open (path, &db), SQLITE_OK);
  sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  ck_assert_int_ne (sqlite3_exec (db, "INSERT INTO elements (id, ordinal, kind, name, x, y, width, height) "
                                      "VALUES ('zz', 9, 'banana', 'x', 0, 0, 1, 1)", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_ne (sqlite3_exec (db, "INSERT INTO links (id, ordinal, source_id, target_id) "
                                      "VALUES ('zz', 9, 'nope', 'nada')", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_ne (sqlite3_exec (db, "UPDATE contexts SET domain_type = 'fancy'", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close (db);
}
END_TEST

START_TEST (test_create_refuses_existing)
{
  g_autofree char *path = stormcut_test_tmp_path ("exists.stormcut");
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, "keep me", -1, NULL);
  ck_assert_ptr_null (stormcut_model_create (path, &error));
  ck_assert (g_error_matches (error, STORMCUT_STORE_ERROR, STORMCUT_STORE_ERROR_EXISTS));
}
END_TEST

START_TEST (test_save_as)
{
  g_autofree char *first = stormcut_test_tmp_path ("first.stormcut");
  g_autofree char *copy = stormcut_test_tmp_path ("copy.stormcut");
  g_autofree char *from_memory = stormcut_test_tmp_path ("memory.stormcut");
  g_autoptr(StormcutModel) model = build_sample (first);
  g_autoptr(StormcutModel) memory = build_sample (NULL);
  g_autoptr(StormcutModel) reopened = NULL;
  g_autoptr(StormcutModel) reopened_first = NULL;
  g_autoptr(GError) error = NULL;

  /* file-backed: snapshot, then the model continues on the copy */
  ck_assert_msg (stormcut_model_save_as (model, copy, &error), "%s", error ? error->message : "");
  ck_assert_str_eq (stormcut_model_get_path (model), copy);
  ck_assert (stormcut_model_set_name (model, "only in the copy", NULL));
  reopened_first = stormcut_model_open (first, &error);
  ck_assert_str_eq (stormcut_model_get_name (reopened_first), "공공시설 예약 \"<&>\"");
  reopened = stormcut_model_open (copy, &error);
  ck_assert_str_eq (stormcut_model_get_name (reopened), "only in the copy");
  g_clear_object (&reopened);

  /* in memory → file */
  ck_assert_msg (stormcut_model_save_as (memory, from_memory, &error), "%s", error ? error->message : "");
  ck_assert (stormcut_model_rename_element (memory, ((StormcutElement *) g_ptr_array_index (stormcut_model_get_elements (memory), 0))->id,
                                           "renamed after save", NULL));
  reopened = stormcut_model_open (from_memory, &error);
  ck_assert_msg (reopened != NULL, "%s", error ? error->message : "");
  stormcut_test_assert_models_equal (reopened, memory);

  /* into a folder that does not exist */
  ck_assert (!stormcut_model_save_as (memory, "/nonexistent/dir/x.stormcut", &error));
  ck_assert_ptr_nonnull (error);
}
END_TEST

static Suite *
store_suite (void)
{
  Suite *suite = suite_create ("store");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_reopen_round_trip);
  tcase_add_test (tc, test_edits_visible_without_close);
  tcase_add_test (tc, test_open_for_reading);
  tcase_add_test (tc, test_not_found);
  tcase_add_test (tc, test_not_stormcut_files);
  tcase_add_test (tc, test_too_new);
  tcase_add_test (tc, test_truncated);
  tcase_add_test (tc, test_corrupt);
  tcase_add_test (tc, test_migration_from_version_1);
  tcase_add_test (tc, test_schema_constraints);
  tcase_add_test (tc, test_create_refuses_existing);
  tcase_add_test (tc, test_save_as);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (store_suite ());
}
