/* test-cli-export.c: "stormcut-cli export" with the diagram and function-point formats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The stormcut-cli to run is the first argument (meson passes the built one).
 */
#include <gio/gio.h>
#include <string.h>
#include <libxml/parser.h>

#include "test-common.h"

static const char *cli_path;

typedef struct {
  int     status;
  GBytes *out;
  char   *err;
} Result;

static void
result_free (Result *result)
{
  g_bytes_unref (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Runs stormcut-cli with the NULL-terminated arguments; stdout is kept as bytes. */
G_GNUC_NULL_TERMINATED static Result *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) err = NULL;
  Result *result = g_new0 (Result, 1);
  va_list ap;

  g_ptr_array_add (args, (char *) cli_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char * const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  ck_assert_msg (process != NULL, "cannot run %s: %s", cli_path, error != NULL ? error->message : "?");
  ck_assert (g_subprocess_communicate (process, NULL, NULL, &result->out, &err, &error));
  ck_assert_msg (g_subprocess_get_if_exited (process), "stormcut-cli did not exit normally");
  result->status = g_subprocess_get_exit_status (process);
  result->err = g_strndup (g_bytes_get_data (err, NULL), g_bytes_get_size (err));
  return result;
}

/* The Korean sample as a .stormcut document in the temporary directory. */
static char *
sample_document (void)
{
  g_autofree char *xml = stormcut_test_sample_path ("public-facility-reservation.xml");
  char *path = stormcut_test_tmp_path ("sample.stormcut");
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  model = stormcut_model_read_xml (xml, &error);
  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "?");
  ck_assert_msg (stormcut_model_save_as (model, path, &error), "%s", error != NULL ? error->message : "?");
  return path;
}

static gboolean
bytes_have_prefix (GBytes     *bytes,
                   const char *prefix)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= strlen (prefix) && memcmp (data, prefix, strlen (prefix)) == 0;
}

START_TEST (test_svg_to_file)
{
  g_autofree char *document = sample_document ();
  g_autofree char *output = stormcut_test_tmp_path ("map.svg");
  g_autoptr(Result) result = run_cli ("export", "--format", "svg", "--what", "context-map", document,
                                      "-o", output, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;

  ck_assert_msg (result->status == 0, "exit %d: %s", result->status, result->err);
  contents = stormcut_test_read_file (output, &length);
  doc = xmlReadMemory (contents, (int) length, "map.svg", NULL, XML_PARSE_NONET);
  ck_assert_ptr_nonnull (doc);
  ck_assert_str_eq ((const char *) xmlDocGetRootElement (doc)->name, "svg");
  ck_assert (strstr (contents, ">예약<") != NULL);
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_defaults_and_stdout)
{
  g_autofree char *document = sample_document ();
  g_autoptr(Result) dot = run_cli ("export", "--format", "dot", document, NULL);
  g_autoptr(Result) csv = run_cli ("export", "--format", "csv", "--what", "fp", document, NULL);
  g_autoptr(Result) xls = run_cli ("export", "--format", "xls", document, NULL);

  /* Without --what a diagram format draws the event flow, a table format the FP. */
  ck_assert_msg (dot->status == 0, "%s", dot->err);
  ck_assert (bytes_have_prefix (dot->out, "digraph flow {"));
  ck_assert_msg (csv->status == 0, "%s", csv->err);
  ck_assert (bytes_have_prefix (csv->out, "\xEF\xBB\xBF"));
  ck_assert_msg (xls->status == 0, "%s", xls->err);
  ck_assert (bytes_have_prefix (xls->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?mso-application"));
}
END_TEST

START_TEST (test_png_pdf_files)
{
  g_autofree char *document = sample_document ();
  g_autofree char *png = stormcut_test_tmp_path ("services.png");
  g_autofree char *pdf = stormcut_test_tmp_path ("flow.pdf");
  g_autoptr(Result) first = run_cli ("export", "--what", "services", "--format", "png", document, "-o", png, NULL);
  g_autoptr(Result) second = run_cli ("export", "--what", "flow", "--format", "pdf", document, "-o", pdf, NULL);
  g_autofree char *data = NULL;
  gsize length;

  ck_assert_msg (first->status == 0, "%s", first->err);
  data = stormcut_test_read_file (png, &length);
  ck_assert (length > 1000 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_free (data);

  ck_assert_msg (second->status == 0, "%s", second->err);
  data = stormcut_test_read_file (pdf, &length);
  ck_assert (length > 1000 && memcmp (data, "%PDF-", 5) == 0);
}
END_TEST

START_TEST (test_usage_errors)
{
  g_autofree char *document = sample_document ();
  g_autoptr(Result) wrong_part = run_cli ("export", "--format", "png", "--what", "fp", document, NULL);
  g_autoptr(Result) unknown_part = run_cli ("export", "--format", "svg", "--what", "everything", document, NULL);
  g_autoptr(Result) missing = run_cli ("export", "--format", "pdf", "--what", "flow", "no-such.stormcut", NULL);

  ck_assert_int_eq (wrong_part->status, 2);
  ck_assert_msg (strstr (wrong_part->err, "flow, context-map, services") != NULL, "%s", wrong_part->err);
  ck_assert_uint_eq (g_bytes_get_size (wrong_part->out), 0);
  ck_assert_int_eq (unknown_part->status, 2);
  ck_assert_int_eq (missing->status, 1);
  ck_assert_uint_eq (g_bytes_get_size (missing->out), 0);
}
END_TEST

static Suite *
cli_export_suite (void)
{
  Suite *suite = suite_create ("cli-export");
  TCase *cases = tcase_create ("export");

  tcase_add_test (cases, test_svg_to_file);
  tcase_add_test (cases, test_defaults_and_stdout);
  tcase_add_test (cases, test_png_pdf_files);
  tcase_add_test (cases, test_usage_errors);
  suite_add_tcase (suite, cases);
  return suite;
}

int
main (int    argc,
      char **argv)
{
  cli_path = argc > 1 ? argv[1] : g_getenv ("STORMCUT_CLI");
  if (cli_path == NULL)
    {
      g_printerr ("usage: test-cli-export PATH-TO-STORMCUT-CLI\n");
      return 2;
    }
  return stormcut_test_run (cli_export_suite ());
}
