/* test-xml.c: the model XML form (docs/model-xml.md): round trips, hostile input, escaping
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <check.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "stormcut/stormcut.h"

/* --- helpers --------------------------------------------------------------------- */

static char *
xml_fixture_path (const char *name)
{
  const char *data_dir = g_getenv ("STORMCUT_TEST_DATA");

  ck_assert_msg (data_dir != NULL, "STORMCUT_TEST_DATA is not set (run through meson test)");
  return g_build_filename (data_dir, "xml", name, NULL);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  ck_assert_msg (g_file_get_contents (path, &data, &length, &error), "%s: %s", path,
                 error != NULL ? error->message : "?");
  return g_bytes_new_take (data, length);
}

static GBytes *
model_to_xml (StormcutModel *model)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = stormcut_model_to_xml (model, &error);

  ck_assert_msg (bytes != NULL, "to_xml failed: %s", error != NULL ? error->message : "?");
  ck_assert_ptr_null (error);
  return bytes;
}

static StormcutModel *
model_from_bytes (GBytes *bytes, const char *what)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  StormcutModel *model = stormcut_model_from_xml (data, length, &error);

  ck_assert_msg (model != NULL, "%s: from_xml failed: %s", what, error != NULL ? error->message : "?");
  ck_assert_ptr_null (error);
  return model;
}

/* Reports the first differing line, so a failure is readable. */
static void
assert_same_bytes (GBytes *expected, GBytes *actual, const char *what)
{
  gsize expected_length, actual_length;
  const char *e = g_bytes_get_data (expected, &expected_length);
  const char *a = g_bytes_get_data (actual, &actual_length);
  gsize i, line = 1, line_start = 0;

  if (expected_length == actual_length && memcmp (e, a, expected_length) == 0)
    return;

  for (i = 0; i < expected_length && i < actual_length && e[i] == a[i]; i++)
    if (e[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }
  ck_abort_msg ("%s: output differs from the input at line %" G_GSIZE_FORMAT
                " (lengths %" G_GSIZE_FORMAT " and %" G_GSIZE_FORMAT "):\nexpected: %.80s\nactual:   %.80s",
                what, line, expected_length, actual_length,
                line_start < expected_length ? e + line_start : "(end)",
                line_start < actual_length ? a + line_start : "(end)");
}

static gboolean
bytes_contain (GBytes *bytes, const char *needle)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *text = g_strndup (data, length);

  return strstr (text, needle) != NULL;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("stormcut-test-xml-XXXXXX", &error);

  ck_assert_msg (dir != NULL, "%s", error != NULL ? error->message : "?");
  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* XML → model → XML must give the same bytes. */
static void
assert_round_trip (const char *path)
{
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(StormcutModel) model = model_from_bytes (original, path);
  g_autoptr(GBytes) written = model_to_xml (model);

  assert_same_bytes (original, written, path);
  ck_assert (!stormcut_model_can_undo (model));
  ck_assert_ptr_null (stormcut_model_get_path (model));
}

/* XML → .stormcut → reopen → XML must give the same bytes. */
static void
assert_round_trip_through_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = read_bytes (path);
  g_autoptr(StormcutModel) model = model_from_bytes (original, path);
  g_autoptr(StormcutModel) reopened = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *store_path = g_build_filename (dir, "model.stormcut", NULL);

  ck_assert_msg (stormcut_model_save_as (model, store_path, &error), "save_as: %s",
                 error != NULL ? error->message : "?");
  g_clear_object (&model);

  reopened = stormcut_model_open (store_path, &error);
  ck_assert_msg (reopened != NULL, "open: %s", error != NULL ? error->message : "?");
  written = model_to_xml (reopened);
  assert_same_bytes (original, written, path);

  stormcut_model_close (reopened);
  remove_temp_dir (dir);
}

static GPtrArray *
list_samples (void)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *samples_dir = g_getenv ("STORMCUT_SAMPLES");
  g_autoptr(GDir) dir = samples_dir != NULL ? g_dir_open (samples_dir, 0, NULL) : NULL;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (paths, g_build_filename (samples_dir, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

/* --- round trips ----------------------------------------------------------------- */

static const char * const canonical_fixtures[] = { "small.xml", "tricky-text.xml" };

START_TEST (test_round_trip_fixture)
{
  g_autofree char *path = xml_fixture_path (canonical_fixtures[_i]);

  assert_round_trip (path);
}
END_TEST

START_TEST (test_round_trip_fixture_through_store)
{
  g_autofree char *path = xml_fixture_path (canonical_fixtures[_i]);

  assert_round_trip_through_store (path);
}
END_TEST

START_TEST (test_round_trip_samples)
{
  g_autoptr(GPtrArray) samples = list_samples ();

  /* The Korean reservation model and the Lakeside claims model, at least. */
  ck_assert_uint_ge (samples->len, 2);

  for (guint i = 0; i < samples->len; i++)
    {
      assert_round_trip (g_ptr_array_index (samples, i));
      assert_round_trip_through_store (g_ptr_array_index (samples, i));
    }
}
END_TEST

/* The example in docs/model-xml.md is in the canonical form and imports. */
START_TEST (test_documented_example)
{
  g_autofree char *doc_path = g_build_filename (g_getenv ("STORMCUT_TEST_DATA"), "..", "..", "docs",
                                                "model-xml.md", NULL);
  g_autoptr(GBytes) doc = read_bytes (doc_path);
  g_autofree char *text = g_strndup (g_bytes_get_data (doc, NULL), g_bytes_get_size (doc));
  const char *start = strstr (text, "```xml\n");
  const char *end;
  g_autoptr(GBytes) example = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GBytes) written = NULL;

  ck_assert_ptr_nonnull (start);
  start += strlen ("```xml\n");
  end = strstr (start, "```");
  ck_assert_ptr_nonnull (end);
  example = g_bytes_new (start, end - start);
  model = model_from_bytes (example, "the example of docs/model-xml.md");
  written = model_to_xml (model);
  assert_same_bytes (example, written, "the example of docs/model-xml.md");
}
END_TEST

START_TEST (test_small_fixture_content)
{
  g_autofree char *path = xml_fixture_path ("small.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);
  const StormcutElement *aggregate, *read_model, *policy;
  const StormcutContext *context;
  const StormcutRelationship *relationship;
  const StormcutAttribute *attribute;
  GPtrArray *elements;

  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "?");
  ck_assert_str_eq (stormcut_model_get_name (model), "공공시설 예약");
  ck_assert_str_eq (stormcut_model_get_description (model), "예약 업무의 이벤트 스토밍 결과\n두 번째 줄");
  ck_assert_str_eq (stormcut_model_get_setting (model, "cost.edition"), "2024");

  /* Document order is kept. */
  elements = stormcut_model_get_elements (model);
  ck_assert_uint_eq (elements->len, 9);
  ck_assert_str_eq (((StormcutElement *) g_ptr_array_index (elements, 0))->id, "actor-citizen");
  ck_assert_str_eq (((StormcutElement *) g_ptr_array_index (elements, 8))->id, "hot-1");
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 9);
  ck_assert_str_eq (((StormcutLink *) g_ptr_array_index (stormcut_model_get_links (model), 3))->id, "l-4");

  aggregate = stormcut_model_get_element (model, "agg-reservation");
  ck_assert_ptr_nonnull (aggregate);
  ck_assert_int_eq (aggregate->kind, STORMCUT_KIND_AGGREGATE);
  ck_assert_str_eq (aggregate->code_name, "Reservation");
  ck_assert_str_eq (aggregate->context_id, "ctx-reservation");
  ck_assert_double_eq (aggregate->width, 240);
  ck_assert_uint_eq (aggregate->attributes->len, 3);
  attribute = g_ptr_array_index (aggregate->attributes, 0);
  ck_assert_str_eq (attribute->name, "reservationId");
  ck_assert_str_eq (attribute->type, "string");
  ck_assert (attribute->is_key);
  attribute = g_ptr_array_index (aggregate->attributes, 2);
  ck_assert_str_eq (attribute->name, "메모");
  ck_assert (!attribute->is_key);

  read_model = stormcut_model_get_element (model, "rm-list");
  ck_assert (read_model->derived);
  policy = stormcut_model_get_element (model, "pol-charge");
  ck_assert_str_eq (policy->color, "#123abc");
  ck_assert_double_eq (stormcut_model_get_element (model, "evt-registered")->y, 60.5);

  context = stormcut_model_get_context (model, "ctx-reservation");
  ck_assert_int_eq (context->domain_type, STORMCUT_DOMAIN_CORE);
  ck_assert_str_eq (context->team, "예약팀");
  ck_assert (context->external);
  ck_assert (context->big_ball_of_mud);
  context = stormcut_model_get_context (model, "ctx-payment");
  ck_assert_str_eq (context->service, "Billing");
  ck_assert_double_eq (context->y, -20.5);

  relationship = stormcut_model_get_relationship (model, "rel-1");
  ck_assert_int_eq (relationship->pattern, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM);
  ck_assert_int_eq (relationship->roles, STORMCUT_ROLE_OHS | STORMCUT_ROLE_PL | STORMCUT_ROLE_ACL);
  ck_assert_int_eq (relationship->mode, STORMCUT_MODE_ASYNC);
  ck_assert_str_eq (relationship->note, "예약 이벤트를 구독");
  relationship = stormcut_model_get_relationship (model, "rel-3");
  ck_assert_int_eq (relationship->mode, STORMCUT_MODE_SHARED_DATA);
  ck_assert_int_eq (relationship->roles, STORMCUT_ROLE_CF);
}
END_TEST

/* Text people type, built through the API, survives XML → model → XML. */
START_TEST (test_tricky_text_survives)
{
  static const char * const names[] = {
    "He said \"hi\" and 'bye'",
    "two\nlines\nand a trailing newline\n",
    "<tag> & </tag> &amp; &lt; ]]> <![CDATA[ x ]]>",
    "emoji 🚀👍🏽🇰🇷 and zwj 👩‍💻",
    "예약 등록됨 — 한국어, 띄어쓰기  두 칸",
    "  leading and trailing spaces  ",
    "tab\there, \"both\" 'quotes' & <all> \n 🎉 한글",
  };
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutModel) copy = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const StormcutContext *context;
  const StormcutElement *aggregate;
  const StormcutRelationship *relationship;
  const StormcutContext *other;
  g_autofree char *relationship_id = NULL;

  ck_assert (stormcut_model_set_name (model, "모델 \"이름\" <&>\n🚀", &error));
  ck_assert (stormcut_model_set_description (model, names[2], &error));
  ck_assert (stormcut_model_set_setting (model, "test.note", names[1], &error));

  context = stormcut_model_add_context (model, names[4], 0, 0, 2000, 1000, &error);
  ck_assert_msg (context != NULL, "%s", error != NULL ? error->message : "?");
  g_ptr_array_add (ids, g_strdup (context->id));
  other = stormcut_model_add_context (model, names[3], 3000, 0, 500, 500, &error);
  ck_assert_msg (other != NULL, "%s", error != NULL ? error->message : "?");
  g_ptr_array_add (ids, g_strdup (other->id));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const StormcutElement *element = stormcut_model_add_element (model, STORMCUT_KIND_AGGREGATE, names[i],
                                                                   100.0 * i, 50, &error);

      ck_assert_msg (element != NULL, "%s: %s", names[i], error != NULL ? error->message : "?");
      g_ptr_array_add (ids, g_strdup (element->id));
      ck_assert (stormcut_model_set_element_description (model, element->id, names[(i + 1) % G_N_ELEMENTS (names)],
                                                         &error));
    }
  aggregate = stormcut_model_get_element (model, g_ptr_array_index (ids, 2));
  g_ptr_array_add (attributes, stormcut_attribute_new (names[0], names[2], TRUE));
  g_ptr_array_add (attributes, stormcut_attribute_new ("예약번호", "문자열", FALSE));
  ck_assert_msg (stormcut_model_set_element_attributes (model, aggregate->id, attributes, &error), "%s",
                 error != NULL ? error->message : "?");
  relationship = stormcut_model_add_relationship (model, STORMCUT_PATTERN_CUSTOMER_SUPPLIER,
                                                  g_ptr_array_index (ids, 0), g_ptr_array_index (ids, 1), &error);
  ck_assert_msg (relationship != NULL, "%s", error != NULL ? error->message : "?");
  relationship_id = g_strdup (relationship->id);
  {
    g_autoptr(StormcutRelationship) changed = stormcut_relationship_copy (relationship);

    g_free (changed->note);
    changed->note = g_strdup (names[1]);
    ck_assert (stormcut_model_update_relationship (model, changed, &error));
  }
  {
    g_autoptr(StormcutContext) changed = stormcut_context_copy (stormcut_model_get_context (model, g_ptr_array_index (ids, 0)));

    g_free (changed->team);
    changed->team = g_strdup (names[0]);
    ck_assert (stormcut_model_update_context (model, changed, &error));
  }

  first = model_to_xml (model);
  copy = model_from_bytes (first, "tricky model");
  second = model_to_xml (copy);
  assert_same_bytes (first, second, "tricky model");

  ck_assert_str_eq (stormcut_model_get_name (copy), "모델 \"이름\" <&>\n🚀");
  ck_assert_str_eq (stormcut_model_get_description (copy), names[2]);
  ck_assert_str_eq (stormcut_model_get_setting (copy, "test.note"), names[1]);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *id = g_ptr_array_index (ids, i + 2);

      ck_assert_msg (stormcut_element_equal (stormcut_model_get_element (model, id),
                                             stormcut_model_get_element (copy, id)),
                     "element %s (%s) changed in the round trip", id, names[i]);
      ck_assert_str_eq (stormcut_model_get_element (copy, id)->name, names[i]);
    }
  for (guint i = 0; i < 2; i++)
    ck_assert (stormcut_context_equal (stormcut_model_get_context (model, g_ptr_array_index (ids, i)),
                                       stormcut_model_get_context (copy, g_ptr_array_index (ids, i))));
  ck_assert (stormcut_relationship_equal (stormcut_model_get_relationship (model, relationship_id),
                                          stormcut_model_get_relationship (copy, relationship_id)));
  ck_assert_str_eq (stormcut_model_get_relationship (copy, relationship_id)->note, names[1]);
  ck_assert_str_eq (stormcut_model_get_context (copy, g_ptr_array_index (ids, 0))->team, names[0]);

  /* What a person would check by eye: escaped, not mangled. */
  ck_assert (bytes_contain (first, "&lt;tag&gt; &amp; &lt;/tag&gt; &amp;amp;"));
  ck_assert (bytes_contain (first, "예약 등록됨"));
  ck_assert (bytes_contain (first, "🚀👍🏽🇰🇷"));
}
END_TEST

START_TEST (test_writer_is_deterministic)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;
  g_autofree char *text = NULL;
  const char *a, *m, *z;

  ck_assert (stormcut_model_set_name (model, "Settings order", &error));
  ck_assert (stormcut_model_set_setting (model, "zeta", "3", &error));
  ck_assert (stormcut_model_set_setting (model, "alpha", "1", &error));
  ck_assert (stormcut_model_set_setting (model, "mu", "2", &error));
  ck_assert_ptr_nonnull (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "B", 10, 0, &error));
  ck_assert_ptr_nonnull (stormcut_model_add_element (model, STORMCUT_KIND_EVENT, "A", 0, 0, &error));

  first = model_to_xml (model);
  second = model_to_xml (model);
  assert_same_bytes (first, second, "two writes");

  data = g_bytes_get_data (first, &length);
  text = g_strndup (data, length);
  ck_assert (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stormcut-model xmlns=\""
                               STORMCUT_XML_NAMESPACE "\" version=\"1\">\n  <name>Settings order</name>\n"));
  ck_assert (g_str_has_suffix (text, "</stormcut-model>\n"));
  a = strstr (text, "key=\"alpha\"");
  m = strstr (text, "key=\"mu\"");
  z = strstr (text, "key=\"zeta\"");
  ck_assert (a != NULL && m != NULL && z != NULL);
  ck_assert (a < m && m < z);
  /* Elements keep document order, not name or position order. */
  ck_assert (strstr (text, "<name>B</name>") < strstr (text, "<name>A</name>"));
  ck_assert_ptr_null (strstr (text, "\t"));
}
END_TEST

static const struct {
  double      value;
  const char *text;
} coordinates[] = {
  { 12, "\"12\"" },
  { 12.5, "\"12.5\"" },
  { 12.25, "\"12.25\"" },
  { 1234.567, "\"1234.57\"" },
  { 0.001, "\"0\"" },
  { -0.001, "\"0\"" },
  { -40.1, "\"-40.1\"" },
  { 100.10, "\"100.1\"" },
};

static void
check_coordinates (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (coordinates); i++)
    {
      g_autoptr(StormcutModel) model = stormcut_model_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("x=%s", coordinates[i].text);

      ck_assert_ptr_nonnull (stormcut_model_add_element (model, STORMCUT_KIND_COMMAND, "c",
                                                         coordinates[i].value, 0, &error));
      bytes = model_to_xml (model);
      ck_assert_msg (bytes_contain (bytes, expected), "%g is not written as %s", coordinates[i].value, expected);
    }
}

START_TEST (test_coordinates_are_short)
{
  check_coordinates ();
}
END_TEST

/* A locale with a decimal comma must not leak into the file. */
START_TEST (test_coordinates_ignore_locale)
{
  static const char * const locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "ko_KR.UTF-8", "ru_RU.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  gboolean tried = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    if (setlocale (LC_NUMERIC, locales[i]) != NULL)
      {
        check_coordinates ();
        tried = TRUE;
      }
  setlocale (LC_NUMERIC, saved);
  if (!tried)
    check_coordinates ();
}
END_TEST

START_TEST (test_write_and_read_file)
{
  g_autofree char *fixture = xml_fixture_path ("small.xml");
  g_autoptr(GBytes) original = read_bytes (fixture);
  g_autoptr(StormcutModel) model = model_from_bytes (original, fixture);
  g_autoptr(StormcutModel) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "out.xml", NULL);

  ck_assert_msg (stormcut_model_write_xml (model, path, &error), "%s", error != NULL ? error->message : "?");
  written = read_bytes (path);
  assert_same_bytes (original, written, path);

  again = stormcut_model_read_xml (path, &error);
  ck_assert_msg (again != NULL, "%s", error != NULL ? error->message : "?");

  ck_assert (!stormcut_model_write_xml (model, missing, &error));
  ck_assert (g_error_matches (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_IO));
  g_clear_error (&error);
  ck_assert_ptr_null (stormcut_model_read_xml (missing, &error));
  ck_assert (g_error_matches (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_IO));

  remove_temp_dir (dir);
}
END_TEST

/* --- hostile and broken input ---------------------------------------------------- */

static const struct {
  const char          *file;
  StormcutImportError  code;
  const char          *where;  /* "line N" the message must name */
} bad_files[] = {
  { "billion-laughs.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 2" },
  { "external-entity.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 2" },
  { "external-dtd.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 2" },
  { "xinclude.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 5" },
  { "undeclared-entity.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 3" },
  { "wrong-root.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "wrong-namespace.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "no-namespace.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "version-99.xml", STORMCUT_IMPORT_ERROR_TOO_NEW, "line 2" },
  { "missing-id.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 8" },
  { "duplicate-id.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 8" },
  { "bad-id.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "dangling-link.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 10" },
  { "dangling-context.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 10" },
  { "dangling-relationship.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 10" },
  { "refused-link.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 13" },
  { "bad-kind.xml", STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "truncated.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line " },
  { "non-utf8.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 3" },
  { "empty.xml", STORMCUT_IMPORT_ERROR_MALFORMED, "line 1" },
};

START_TEST (test_bad_file)
{
  g_autofree char *path = xml_fixture_path (bad_files[_i].file);
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);

  ck_assert_msg (model == NULL, "%s was accepted", bad_files[_i].file);
  ck_assert_ptr_nonnull (error);
  ck_assert_msg (error->domain == STORMCUT_IMPORT_ERROR && (int) error->code == (int) bad_files[_i].code,
                 "%s: expected code %d, got %s %d: %s", bad_files[_i].file, bad_files[_i].code,
                 g_quark_to_string (error->domain), error->code, error->message);
  ck_assert_msg (strstr (error->message, bad_files[_i].where) != NULL,
                 "%s: the message does not say “%s”: %s", bad_files[_i].file, bad_files[_i].where, error->message);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "%s: message is not UTF-8", bad_files[_i].file);
}
END_TEST

/* The grammar's own explanation is part of the message. */
START_TEST (test_refused_link_names_grammar)
{
  g_autofree char *path = xml_fixture_path ("refused-link.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) grammar_error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);

  ck_assert_ptr_null (model);
  ck_assert (!stormcut_grammar_check (STORMCUT_KIND_EVENT, STORMCUT_KIND_COMMAND, &grammar_error));
  ck_assert_ptr_nonnull (grammar_error);
  ck_assert_msg (strstr (error->message, grammar_error->message) != NULL,
                 "“%s” does not include “%s”", error->message, grammar_error->message);
  ck_assert_ptr_nonnull (strstr (error->message, "l1"));
}
END_TEST

/* Nothing of /etc/passwd, the entities or the network ends up anywhere. */
START_TEST (test_external_entity_not_expanded)
{
  g_autofree char *path = xml_fixture_path ("external-entity.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, &error);

  ck_assert_ptr_null (model);
  ck_assert_ptr_null (strstr (error->message, "root:"));
  ck_assert_ptr_nonnull (strstr (error->message, "DOCTYPE"));
}
END_TEST

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\" version=\"1\">\n  <name>x</name>\n"
#define CTX "  <contexts>\n    <context id=\"a\" x=\"0\" y=\"0\" width=\"9\" height=\"9\"><name>A</name></context>\n" \
            "    <context id=\"b\" x=\"0\" y=\"0\" width=\"9\" height=\"9\"><name>B</name></context>\n  </contexts>\n"
#define EVT "  <elements>\n    <element id=\"e\" kind=\"event\"><name>E</name></element>\n  </elements>\n"
#define TAIL "</stormcut-model>\n"

static const struct {
  const char          *what;
  const char          *xml;
  StormcutImportError  code;
  const char          *where;
} bad_documents[] = {
  { "bad pattern", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"friends\" upstream=\"a\" downstream=\"b\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "bad mode", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"partnership\" upstream=\"a\" downstream=\"b\" mode=\"soon\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "bad role", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"upstream-downstream\" upstream=\"a\" downstream=\"b\" roles=\"ohs boss\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "roles on a symmetric pattern", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"shared-kernel\" upstream=\"a\" downstream=\"b\" roles=\"ohs\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "relationship from a missing upstream", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"customer-supplier\" upstream=\"nope\" downstream=\"b\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "relationship without id", HEAD CTX "  <relationships>\n    <relationship pattern=\"partnership\" upstream=\"a\" downstream=\"b\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "bad domain type", HEAD "  <contexts>\n    <context id=\"a\" domain-type=\"main\" width=\"1\" height=\"1\"><name>A</name></context>\n  </contexts>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "context without name", HEAD "  <contexts>\n    <context id=\"a\" width=\"1\" height=\"1\"/>\n  </contexts>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "duplicate context id", HEAD "  <contexts>\n    <context id=\"a\" width=\"1\" height=\"1\"><name>A</name></context>\n"
    "    <context id=\"a\" width=\"1\" height=\"1\"><name>A2</name></context>\n  </contexts>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 6" },
  { "unknown attribute", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\" size=\"big\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "unknown element", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\"><name>E</name>\n      <shape/>\n    </element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 6" },
  { "foreign element", HEAD "  <elements xmlns:o=\"urn:other\">\n    <o:element id=\"e\" kind=\"event\"><name>E</name></o:element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "sections out of order", HEAD EVT CTX TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 7" },
  { "section twice", HEAD EVT EVT TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 7" },
  { "text in a section", HEAD "  <elements>\n\n    stray text\n  </elements>\n" TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 6" },
  { "markup in a name", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\"><name>E <b>bold</b></name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "model without name", "<?xml version=\"1.0\"?>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\" version=\"1\">\n"
    "  <description>no name</description>\n" TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "no version", "<?xml version=\"1.0\"?>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\">\n  <name>x</name>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "version zero", "<?xml version=\"1.0\"?>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\" version=\"0\">\n  <name>x</name>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "version not a number", "<?xml version=\"1.0\"?>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\" version=\"1.5\">\n  <name>x</name>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 2" },
  { "bad colour", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\" color=\"orange\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "bad code name", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\" code-name=\"1st Event\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "coordinate not a number", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\" x=\"12px\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "coordinate not finite", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\" y=\"inf\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "flag not a boolean", HEAD "  <elements>\n    <element id=\"e\" kind=\"read_model\" derived=\"yes\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "attribute on an event", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\"><name>E</name>\n      <attribute name=\"a\"/>\n    </element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 6" },
  { "id too long", HEAD "  <elements>\n    <element id=\"" "0123456789012345678901234567890123456789012345678901234567890123456789"
    "\" kind=\"event\"><name>E</name></element>\n  </elements>\n" TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "width under 1 (refused by the model)", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\" width=\"0.5\"><name>E</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 5" },
  { "reference to a control character", HEAD "  <elements>\n    <element id=\"e\" kind=\"event\"><name>bell &#7;</name></element>\n  </elements>\n" TAIL,
    STORMCUT_IMPORT_ERROR_MALFORMED, "line 5" },
  { "link to itself", HEAD "  <elements>\n    <element id=\"h\" kind=\"hotspot\"><name>H</name></element>\n  </elements>\n"
    "  <links>\n    <link id=\"l\" from=\"h\" to=\"h\"/>\n  </links>\n" TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 8" },
  { "same pair linked twice", HEAD "  <elements>\n    <element id=\"c\" kind=\"command\"><name>C</name></element>\n"
    "    <element id=\"e\" kind=\"event\"><name>E</name></element>\n  </elements>\n"
    "  <links>\n    <link id=\"l1\" from=\"c\" to=\"e\"/>\n    <link id=\"l2\" from=\"c\" to=\"e\"/>\n  </links>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 10" },
  { "relationship of a context with itself", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"partnership\" upstream=\"a\" downstream=\"a\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "conformist with an anticorruption layer", HEAD CTX "  <relationships>\n    <relationship id=\"r\" pattern=\"upstream-downstream\" upstream=\"a\" downstream=\"b\" roles=\"cf acl\"/>\n  </relationships>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 9" },
  { "link without to", HEAD EVT "  <links>\n    <link id=\"l\" from=\"e\"/>\n  </links>\n" TAIL, STORMCUT_IMPORT_ERROR_INVALID, "line 8" },
  { "link from a missing element", HEAD EVT "  <links>\n    <link id=\"l\" from=\"ghost\" to=\"e\"/>\n  </links>\n" TAIL,
    STORMCUT_IMPORT_ERROR_INVALID, "line 8" },
  { "XInclude in a name", HEAD "  <description xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"/etc/passwd\" parse=\"text\"/></description>\n" TAIL,
    STORMCUT_IMPORT_ERROR_MALFORMED, "line 4" },
  { "plain DOCTYPE", "<?xml version=\"1.0\"?>\n<!DOCTYPE stormcut-model>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\" version=\"1\"><name>x</name></stormcut-model>\n",
    STORMCUT_IMPORT_ERROR_MALFORMED, "line 2" },
  { "parameter entity", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [\n<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\">\n%p;\n]>\n<x/>\n",
    STORMCUT_IMPORT_ERROR_MALFORMED, "line 2" },
  { "two roots", HEAD TAIL "<stormcut-model/>\n", STORMCUT_IMPORT_ERROR_MALFORMED, "line 5" },
  { "only whitespace", "   \n\n  ", STORMCUT_IMPORT_ERROR_MALFORMED, "line " },
  { "not XML", "name,kind\nReservation,event\n", STORMCUT_IMPORT_ERROR_MALFORMED, "line 1" },
  { "libxml2 quotes half a character", HEAD "  <!--aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa한글 and no end\n",
    STORMCUT_IMPORT_ERROR_MALFORMED, "line " },
  { "NUL byte", "<?xml version=\"1.0\"?>\n<stormcut-model xmlns=\"" STORMCUT_XML_NAMESPACE "\" version=\"1\"><name>a\0b</name></stormcut-model>\n",
    STORMCUT_IMPORT_ERROR_MALFORMED, "line 2" },
};

START_TEST (test_bad_document)
{
  g_autoptr(GError) error = NULL;
  const char *xml = bad_documents[_i].xml;
  gsize length = strlen (xml);
  g_autoptr(StormcutModel) model = NULL;

  /* The NUL case: include everything up to the real end. */
  if (strstr (bad_documents[_i].what, "NUL") != NULL)
    length += 1 + strlen (xml + length + 1);

  model = stormcut_model_from_xml (xml, length, &error);
  ck_assert_msg (model == NULL, "%s was accepted", bad_documents[_i].what);
  ck_assert_msg (error->domain == STORMCUT_IMPORT_ERROR && (int) error->code == (int) bad_documents[_i].code,
                 "%s: expected code %d, got %s %d: %s", bad_documents[_i].what, bad_documents[_i].code,
                 g_quark_to_string (error->domain), error->code, error->message);
  ck_assert_msg (strstr (error->message, bad_documents[_i].where) != NULL,
                 "%s: the message does not say “%s”: %s", bad_documents[_i].what, bad_documents[_i].where,
                 error->message);
  ck_assert_msg (g_utf8_validate (error->message, -1, NULL), "%s: message is not UTF-8", bad_documents[_i].what);
}
END_TEST

/* What a hand-written file may do that the writer never does. */
START_TEST (test_lenient_input)
{
  static const char xml[] =
    "<?xml version='1.0' encoding='UTF-8'?>\n"
    "<!-- a comment before the root -->\n"
    "<s:stormcut-model xmlns:s='" STORMCUT_XML_NAMESPACE "' version='1'>\n"
    "  <?some-tool processing instruction?>\n"
    "  <s:name><![CDATA[<Raw> & \"cdata\"]]> tail</s:name>\n"
    "  <s:elements>\n"
    "    <!-- defaults: position 0,0, the kind's size -->\n"
    "    <s:element kind='policy' id='p' color='#ABCDEF'><s:name>P<!-- inside --></s:name></s:element>\n"
    "  </s:elements>\n"
    "</s:stormcut-model>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = stormcut_model_from_xml (xml, sizeof xml - 1, &error);
  const StormcutElement *policy;
  double width, height;

  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "?");
  ck_assert_str_eq (stormcut_model_get_name (model), "<Raw> & \"cdata\" tail");
  policy = stormcut_model_get_element (model, "p");
  ck_assert_ptr_nonnull (policy);
  ck_assert_str_eq (policy->name, "P");
  ck_assert_str_eq (policy->color, "#abcdef");
  stormcut_kind_get_default_size (STORMCUT_KIND_POLICY, &width, &height);
  ck_assert_double_eq (policy->width, width);
  ck_assert_double_eq (policy->height, height);
  ck_assert_double_eq (policy->x, 0);
}
END_TEST

/* Line numbers past 65535 are reported exactly (XML_PARSE_BIG_LINES). */
START_TEST (test_big_line_numbers)
{
  g_autoptr(GString) xml = g_string_new (HEAD "  <elements>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autofree char *expected = NULL;
  guint line = 5;

  for (guint i = 0; i < 70000; i++, line++)
    g_string_append_printf (xml, "    <element id=\"e%u\" kind=\"event\"><name>E</name></element>\n", i);
  g_string_append (xml, "    <element id=\"bad\" kind=\"nonsense\"><name>E</name></element>\n  </elements>\n" TAIL);

  model = stormcut_model_from_xml (xml->str, xml->len, &error);
  ck_assert_ptr_null (model);
  expected = g_strdup_printf ("line %u:", line);
  ck_assert_msg (strstr (error->message, expected) != NULL, "expected “%s” in: %s", expected, error->message);
}
END_TEST

/* libxml2 reports through the parser context only: nothing reaches stderr. */
START_TEST (test_libxml2_is_silent)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *log_path = g_build_filename (dir, "stderr.log", NULL);
  g_autofree char *captured = NULL;
  gsize captured_length = 0;
  int saved_stderr, log_fd;

  fflush (stderr);
  saved_stderr = dup (STDERR_FILENO);
  log_fd = g_open (log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ck_assert_int_ge (saved_stderr, 0);
  ck_assert_int_ge (log_fd, 0);
  dup2 (log_fd, STDERR_FILENO);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = xml_fixture_path (bad_files[i].file);
      g_autoptr(StormcutModel) model = stormcut_model_read_xml (path, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autoptr(StormcutModel) model = stormcut_model_from_xml (bad_documents[i].xml, strlen (bad_documents[i].xml), NULL);
    }

  fflush (stderr);
  dup2 (saved_stderr, STDERR_FILENO);
  close (saved_stderr);
  close (log_fd);
  ck_assert (g_file_get_contents (log_path, &captured, &captured_length, NULL));
  ck_assert_msg (captured_length == 0, "libxml2 printed: %s", captured);
  remove_temp_dir (dir);
}
END_TEST

START_TEST (test_error_quark)
{
  ck_assert_str_eq (g_quark_to_string (STORMCUT_IMPORT_ERROR), "stormcut-import-error-quark");
}
END_TEST

static Suite *
xml_suite (void)
{
  Suite *suite = suite_create ("xml");
  TCase *tc;

  tc = tcase_create ("round-trip");
  tcase_add_loop_test (tc, test_round_trip_fixture, 0, G_N_ELEMENTS (canonical_fixtures));
  tcase_add_loop_test (tc, test_round_trip_fixture_through_store, 0, G_N_ELEMENTS (canonical_fixtures));
  tcase_add_test (tc, test_round_trip_samples);
  tcase_add_test (tc, test_documented_example);
  tcase_add_test (tc, test_small_fixture_content);
  tcase_add_test (tc, test_tricky_text_survives);
  tcase_add_test (tc, test_writer_is_deterministic);
  tcase_add_test (tc, test_coordinates_are_short);
  tcase_add_test (tc, test_coordinates_ignore_locale);
  tcase_add_test (tc, test_write_and_read_file);
  suite_add_tcase (suite, tc);

  tc = tcase_create ("hostile");
  tcase_add_loop_test (tc, test_bad_file, 0, G_N_ELEMENTS (bad_files));
  tcase_add_loop_test (tc, test_bad_document, 0, G_N_ELEMENTS (bad_documents));
  tcase_add_test (tc, test_refused_link_names_grammar);
  tcase_add_test (tc, test_external_entity_not_expanded);
  tcase_add_test (tc, test_lenient_input);
  tcase_add_test (tc, test_big_line_numbers);
  tcase_add_test (tc, test_libxml2_is_silent);
  tcase_add_test (tc, test_error_quark);
  suite_add_tcase (suite, tc);

  return suite;
}

int
main (void)
{
  SRunner *runner;
  int failed;

  setlocale (LC_ALL, "");
  runner = srunner_create (xml_suite ());
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);
  return failed == 0 ? 0 : 1;
}
