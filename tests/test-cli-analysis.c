/* test-cli-analysis.c: "stormcut-cli services | fp | diagnose", run as a subprocess
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Arguments: the built stormcut-cli, then the Korean catalogue of the analysis
 * (po/parts/analysis.po compiled) for the Korean output checks.
 */
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stormcut/stormcut-cost.h>
#include <stormcut/stormcut-diagnosis.h>
#include "test-common.h"

static const char *cli_path;
static const char *ko_mo_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_free (Result *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

/* Runs stormcut-cli with the NULL-terminated arguments; @locale_dir non-NULL runs it in
 * Korean with that catalogue directory. */
static Result *
run_in (const char *locale_dir,
        const char *first,
        ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Result *result = g_new0 (Result, 1);
  va_list ap;

  if (locale_dir != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "STORMCUT_LOCALEDIR", locale_dir, TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "ko", TRUE);
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
    }
  g_ptr_array_add (args, (char *) cli_path);
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  ck_assert_msg (process != NULL, "cannot run %s: %s", cli_path, error != NULL ? error->message : "");
  ck_assert (g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error));
  ck_assert_msg (g_subprocess_get_if_exited (process), "stormcut-cli did not exit normally");
  result->status = g_subprocess_get_exit_status (process);
  return result;
}

#define run(...) run_in (NULL, __VA_ARGS__)

static char *
sample_path (void)
{
  return stormcut_test_sample_path ("public-facility-reservation.xml");
}

/* Terminal columns of @text (wide East Asian characters count two). */
static gsize
columns (const char *text,
         const char *end)
{
  gsize width = 0;

  for (const char *p = text; p < end && *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

/* The line of @out that starts with @prefix (after leading spaces), or NULL. */
static char *
find_line (const char *out,
           const char *prefix)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), prefix))
      return g_strdup (lines[i]);
  return NULL;
}

/* Column (display width) at which @needle starts in the line of @out beginning with @prefix. */
static gsize
column_of (const char *out,
           const char *prefix,
           const char *needle)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        const char *at = strstr (lines[i], needle);

        ck_assert_msg (at != NULL, "“%s” not in “%s”", needle, lines[i]);
        return columns (lines[i], at);
      }
  ck_abort_msg ("no line starting with “%s”", prefix);
  return 0;
}

/* A document with 6 aggregates and 10 commands an actor runs (85 FP), and the worked
 * example's cost settings stored in it. */
static char *
create_worked_example (void)
{
  g_autofree char *path = stormcut_test_tmp_path ("worked-example.stormcut");
  g_autoptr(GError) error = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_new ();
  const StormcutContext *context;
  const StormcutElement *user;
  g_autofree char *context_id = NULL;
  g_autofree char *user_id = NULL;

  g_remove (path);
  model = stormcut_model_create (path, &error);
  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "");
  ck_assert (stormcut_model_set_name (model, "예제 업무", NULL));
  context = stormcut_model_add_context (model, "업무", 0, 0, 3000, 3000, &error);
  context_id = g_strdup (context->id);
  user = stormcut_model_add_element (model, STORMCUT_KIND_ACTOR, "사용자", -500, 0, &error);
  user_id = g_strdup (user->id);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("데이터 %d", i + 1);
      const StormcutElement *aggregate = stormcut_model_add_element (model, STORMCUT_KIND_AGGREGATE, name, 100 + 200 * i, 100, &error);

      ck_assert (stormcut_model_assign_element (model, aggregate->id, context_id, &error));
    }
  for (int i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("처리 %d", i + 1);
      const StormcutElement *command = stormcut_model_add_element (model, STORMCUT_KIND_COMMAND, name, 100 + 200 * i, 500, &error);
      g_autofree char *command_id = g_strdup (command->id);

      ck_assert (stormcut_model_assign_element (model, command_id, context_id, &error));
      ck_assert (stormcut_model_add_link (model, user_id, command_id, &error) != NULL);
    }

  settings->edition = STORMCUT_COST_EDITION_2020;
  settings->levels[STORMCUT_COST_FACTOR_INTEGRATION] = 2;
  settings->levels[STORMCUT_COST_FACTOR_COMPATIBILITY] = 1;
  g_free (settings->reasons[STORMCUT_COST_FACTOR_INTEGRATION]);
  settings->reasons[STORMCUT_COST_FACTOR_INTEGRATION] = g_strdup ("주민등록 연계 1건");
  settings->direct_expenses = 2000000;
  ck_assert_msg (stormcut_cost_settings_store (settings, model, &error), "%s", error != NULL ? error->message : "");
  stormcut_model_close (model);
  return g_steal_pointer (&path);
}

START_TEST (test_services_sample)
{
  g_autofree char *path = sample_path ();
  g_autoptr(Result) result = run ("services", path, NULL);

  ck_assert_msg (result->status == 0, "%s", result->err);
  ck_assert (strstr (result->out, "Candidate services of “공공시설 예약”: 5 services") != NULL);
  ck_assert (strstr (result->out, "[Dependency cycle]") != NULL);
  ck_assert (strstr (result->out, "[Shared data read] Service “예약” reads the data of service “시설” directly (1 link).") != NULL);
  ck_assert (strstr (result->out, "결제 완료 처리") != NULL);
  /* Columns line up by display width, Hangul counting two. */
  ck_assert_uint_eq (column_of (result->out, "Service  ", "Code name"), column_of (result->out, "회원 ", "Member"));
  ck_assert_uint_eq (column_of (result->out, "회원 ", "Member"), column_of (result->out, "알림 ", "Notification"));
}
END_TEST

START_TEST (test_fp_sample)
{
  g_autofree char *path = sample_path ();
  g_autoptr(Result) msa = run ("fp", path, "--profile", "msa", "--edition", "2020", NULL);
  g_autoptr(Result) plain = run ("fp", path, NULL);
  g_autofree char *total = NULL;

  ck_assert_msg (msa->status == 0, "%s", msa->err);
  ck_assert (strstr (msa->out, "MSA profile") != NULL);
  ck_assert (strstr (msa->out, "예약 등록 API integration") != NULL);
  total = find_line (msa->out, "Total  ");
  ck_assert_ptr_nonnull (total);
  ck_assert (g_str_has_suffix (total, "228.5"));
  /* 228.5 × 553,114 = 126,386,549 before correction; × 1.28 = 161,774,782.7 */
  ck_assert (strstr (msa->out, "126,386,549") != NULL);
  ck_assert (strstr (msa->out, "161,774,783") != NULL);
  /* Type column aligned across rows. */
  ck_assert_uint_eq (column_of (msa->out, "1   ", "EI"), column_of (msa->out, "21  ", "EIF"));

  ck_assert_msg (plain->status == 0, "%s", plain->err);
  g_clear_pointer (&total, g_free);
  total = find_line (plain->out, "Total  ");
  ck_assert (g_str_has_suffix (total, "123.5"));
  ck_assert (strstr (plain->out, "API integration") == NULL);
}
END_TEST

START_TEST (test_fp_worked_example)
{
  g_autofree char *path = create_worked_example ();
  g_autoptr(Result) r2020 = run ("fp", path, NULL);
  g_autoptr(Result) r2024 = run ("fp", path, "--edition", "2024", NULL);

  ck_assert_msg (r2020->status == 0, "%s", r2020->err);
  ck_assert (strstr (r2020->out, "2020 edition") != NULL);
  ck_assert (strstr (r2020->out, "47,014,690") != NULL);
  ck_assert (strstr (r2020->out, "53,173,990") != NULL);
  ck_assert (strstr (r2020->out, "13,293,498") != NULL);
  ck_assert (strstr (r2020->out, "68,467,488") != NULL);
  ck_assert (strstr (r2020->out, "주민등록 연계 1건") != NULL);
  ck_assert_msg (r2024->status == 0, "%s", r2024->err);
  ck_assert (strstr (r2024->out, "58,237,457") != NULL);
  ck_assert (strstr (r2024->out, "14,559,364") != NULL);
  ck_assert (strstr (r2024->out, "74,796,821") != NULL);
}
END_TEST

START_TEST (test_fp_bad_options)
{
  g_autofree char *path = sample_path ();
  g_autoptr(Result) profile = run ("fp", path, "--profile", "soa", NULL);
  g_autoptr(Result) edition = run ("fp", path, "--edition", "2019", NULL);
  g_autoptr(Result) missing = run ("fp", "/nonexistent/file.stormcut", NULL);

  ck_assert_int_eq (profile->status, 2);
  ck_assert (strstr (profile->err, "soa") != NULL);
  ck_assert_int_eq (edition->status, 2);
  ck_assert_int_eq (missing->status, 1);
}
END_TEST

START_TEST (test_diagnose)
{
  g_autofree char *path = create_worked_example ();
  g_autoptr(Result) answered = run ("diagnose", path, "-a", "q1=yes", "-a", "q2=yes", "-a", "q4=yes", "-a", "q6=yes",
                                    "-a", "q9=yes", "-a", "q10=yes", "-a", "q3=no", "-a", "c3=yes",
                                    "--note", "q6=예약과 결제 DB 분리 가능", NULL);
  g_autoptr(Result) bad = run ("diagnose", path, "-a", "q11=yes", NULL);
  g_autoptr(Result) keep = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = sample_path ();
  g_autoptr(Result) xml = run ("diagnose", sample, "-a", "q1=yes", NULL);

  ck_assert_msg (answered->status == 0, "%s", answered->err);
  ck_assert (strstr (answered->out, "“Yes” answers: 6 (questions answered: 7 of 10)") != NULL);
  ck_assert (strstr (answered->out, "worth reviewing") != NULL);
  ck_assert (strstr (answered->out, "(note: 예약과 결제 DB 분리 가능)") != NULL);

  /* Stored in the document. */
  model = stormcut_model_open (path, &error);
  ck_assert_msg (model != NULL, "%s", error != NULL ? error->message : "");
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q6"), "yes");
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q3"), "no");
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.c3"), "yes");
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q6.note"), "예약과 결제 DB 분리 가능");
  stormcut_model_close (model);

  /* A wrong item changes nothing. */
  ck_assert_int_eq (bad->status, 2);
  ck_assert (strstr (bad->err, "q11") != NULL);

  keep = run ("diagnose", path, "-a", "q1=no", "-a", "q2=no", "-a", "q4=no", NULL);
  ck_assert (strstr (keep->out, "Keep the current architecture") != NULL);

  /* A model XML file cannot keep answers. */
  ck_assert_int_eq (xml->status, 1);
  ck_assert (strstr (xml->err, "import") != NULL);
}
END_TEST

START_TEST (test_korean_output)
{
  g_autofree char *locale_dir = stormcut_test_tmp_path ("locale");
  g_autofree char *messages = g_build_filename (locale_dir, "ko", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, "stormcut.mo", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *path = sample_path ();
  g_autoptr(Result) fp = NULL;
  g_autoptr(Result) services = NULL;

  if (ko_mo_path == NULL)
    return;
  ck_assert (g_mkdir_with_parents (messages, 0700) == 0);
  ck_assert (g_file_get_contents (ko_mo_path, &contents, &length, NULL));
  ck_assert (g_file_set_contents (mo, contents, (gssize) length, NULL));

  fp = run_in (locale_dir, "fp", path, "--profile", "msa", "--edition", "2024", NULL);
  ck_assert_msg (fp->status == 0, "%s", fp->err);
  ck_assert (strstr (fp->out, "예약 등록 API 연계") != NULL);
  ck_assert (strstr (fp->out, "MSA: 자체 데이터를 소유한 서비스의 API → ILF") != NULL);
  ck_assert (strstr (fp->out, "보정전 개발원가") != NULL);
  ck_assert (strstr (fp->out, "SW개발비 (부가가치세 별도)") != NULL);
  /* Korean headers and rows still line up. */
  ck_assert_uint_eq (column_of (fp->out, "#   서비스", "FP유형"), column_of (fp->out, "1   ", "EI"));

  services = run_in (locale_dir, "services", path, NULL);
  ck_assert_msg (services->status == 0, "%s", services->err);
  ck_assert (strstr (services->out, "“공공시설 예약”의 서비스 후보: 5개") != NULL);
  ck_assert (strstr (services->out, "[공유 데이터 직접 조회]") != NULL);
}
END_TEST

static Suite *
cli_analysis_suite (void)
{
  Suite *suite = suite_create ("cli-analysis");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_services_sample);
  tcase_add_test (tc, test_fp_sample);
  tcase_add_test (tc, test_fp_worked_example);
  tcase_add_test (tc, test_fp_bad_options);
  tcase_add_test (tc, test_diagnose);
  tcase_add_test (tc, test_korean_output);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (int    argc,
      char **argv)
{
  cli_path = argc > 1 ? argv[1] : g_getenv ("STORMCUT_CLI");
  ko_mo_path = argc > 2 ? argv[2] : NULL;
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("test-cli-analysis: give the stormcut-cli executable as the first argument\n");
      return 1;
    }
  return stormcut_test_run (cli_analysis_suite ());
}
