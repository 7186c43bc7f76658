/* test-cli.c: stormcut-cli run as a subprocess: exit codes, output, effect on the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The path of the stormcut-cli to test is the first argument (meson passes the built one),
 * or the environment variable STORMCUT_CLI.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include "test-common.h"

static const char *cli_path;

typedef struct {
  int   status;
  char *out;
  char *err;
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

/* Runs stormcut-cli with the NULL-terminated @argv (without the program) and @env_extra
 * ("NAME", "value", ..., NULL; may be NULL) on top of the test's environment. */
static CliResult *
run_cliv (const char * const *env_extra,
          const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                      G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);

  for (guint i = 0; env_extra != NULL && env_extra[i] != NULL; i += 2)
    g_subprocess_launcher_setenv (launcher, env_extra[i], env_extra[i + 1], TRUE);

  g_ptr_array_add (args, (char *) cli_path);
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  ck_assert_msg (process != NULL, "cannot run %s: %s", cli_path, error ? error->message : "?");
  ck_assert_msg (g_subprocess_communicate_utf8 (process, NULL, NULL, &result->out, &result->err, &error),
                 "communicating with stormcut-cli failed: %s", error ? error->message : "?");
  ck_assert_msg (g_subprocess_get_if_exited (process), "stormcut-cli did not exit normally (crash?)");
  result->status = g_subprocess_get_exit_status (process);
  return result;
}

/* run_cli ("list", path, NULL) */
G_GNUC_NULL_TERMINATED static CliResult *
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  return run_cliv (NULL, (const char * const *) argv->pdata);
}

static void
assert_ok (const CliResult *result,
           const char      *what)
{
  ck_assert_msg (result->status == 0, "%s: exit status %d, stderr: %s", what, result->status, result->err);
  ck_assert_msg (result->err[0] == '\0', "%s: unexpected stderr: %s", what, result->err);
}

/* Exit status @status, a "stormcut-cli: " message on stderr, nothing on stdout. */
static void
assert_error (const CliResult *result,
              int              status,
              const char      *what)
{
  ck_assert_msg (result->status == status, "%s: exit status %d, expected %d (stderr: %s)", what,
                 result->status, status, result->err);
  ck_assert_msg (g_str_has_prefix (result->err, "stormcut-cli: "), "%s: stderr is “%s”", what, result->err);
  ck_assert_msg (result->out[0] == '\0', "%s: unexpected stdout: %s", what, result->out);
}

/* The single line the command printed (an id), without its newline. */
static char *
printed_id (const CliResult *result)
{
  ck_assert_msg (g_str_has_suffix (result->out, "\n"), "no id printed: “%s”", result->out);
  ck_assert_int_eq (strchr (result->out, '\n') - result->out + 1, strlen (result->out));
  ck_assert_uint_gt (strlen (result->out), 1);
  return g_strndup (result->out, strlen (result->out) - 1);
}

static char *
new_document (const char *name)
{
  char *path = stormcut_test_tmp_path (name);
  g_autoptr(CliResult) result = run_cli ("new", path, "--name", "Test model", NULL);

  assert_ok (result, "new");
  ck_assert_str_eq (result->out, "");
  return path;
}

static char *
add_sticky (const char *path,
            const char *kind,
            const char *name,
            const char *context)
{
  g_autoptr(CliResult) result = context != NULL ? run_cli ("add", path, "--kind", kind, "--name", name, "--context", context, NULL)
                                                : run_cli ("add", path, "--kind", kind, "--name", name, NULL);

  assert_ok (result, "add");
  return printed_id (result);
}

static StormcutModel *
open_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  StormcutModel *model = stormcut_model_open (path, &error);

  ck_assert_msg (model != NULL, "cannot open %s: %s", path, error ? error->message : "?");
  return model;
}

static gsize
display_width (const char *text,
               gsize       length)
{
  gsize width = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* Display column at which @needle starts in @line. */
static gsize
display_column (const char *line,
                const char *needle)
{
  const char *found = strstr (line, needle);

  ck_assert_msg (found != NULL, "“%s” not in “%s”", needle, line);
  return display_width (line, found - line);
}

/* --- help and usage ---------------------------------------------------------------- */

START_TEST (test_help_and_version)
{
  const char *names[] = { "new", "import", "export", "add", "link", "assign", "add-context", "list", "check" };
  g_autoptr(CliResult) help = run_cli ("--help", NULL);
  g_autoptr(CliResult) version = run_cli ("--version", NULL);

  assert_ok (help, "--help");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", names[i]);
      ck_assert_msg (strstr (help->out, line) != NULL, "--help does not list %s:\n%s", names[i], help->out);
    }

  assert_ok (version, "--version");
  ck_assert_str_eq (version->out, "stormcut-cli " STORMCUT_VERSION "\n");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(CliResult) command_help = run_cli (names[i], "--help", NULL);
      g_autofree char *usage = g_strdup_printf ("stormcut-cli %s [OPTION…]", names[i]);

      assert_ok (command_help, names[i]);
      ck_assert_msg (strstr (command_help->out, usage) != NULL, "%s --help:\n%s", names[i], command_help->out);
    }

  {
    g_autoptr(CliResult) add_help = run_cli ("help", "add", NULL);

    assert_ok (add_help, "help add");
    ck_assert_ptr_nonnull (strstr (add_help->out, "--kind"));
    ck_assert_ptr_nonnull (strstr (add_help->out, "--code-name"));
  }
}
END_TEST

START_TEST (test_usage_errors)
{
  g_autofree char *path = new_document ("usage.stormcut");
  struct {
    const char *what;
    const char *argv[12];
  } cases[] = {
    { "no command", { NULL } },
    { "unknown command", { "frobnicate", NULL } },
    { "unknown top-level option", { "--frobnicate", NULL } },
    { "unknown option", { "list", path, "--frobnicate", NULL } },
    { "missing file", { "list", NULL } },
    { "extra argument", { "check", path, "more", NULL } },
    { "add without kind", { "add", path, "--name", "x", NULL } },
    { "add with bad kind", { "add", path, "--kind", "sticky", "--name", "x", NULL } },
    { "add without name", { "add", path, "--kind", "event", NULL } },
    { "add with x only", { "add", path, "--kind", "event", "--name", "x", "--x", "10", NULL } },
    { "add with bad number", { "add", path, "--kind", "event", "--name", "x", "--x", "ten", "--y", "1", NULL } },
    { "link with one end", { "link", path, "a", NULL } },
    { "assign without context", { "assign", path, "a", NULL } },
    { "assign with both", { "assign", path, "a", "b", "--none", NULL } },
    { "add-context without name", { "add-context", path, NULL } },
    { "add-context bad type", { "add-context", path, "--name", "x", "--domain-type", "central", NULL } },
    { "import without output", { "import", "model.xml", NULL } },
    { "export unknown format", { "export", "--format", "docx", path, NULL } },
    { "export --what of a format without parts", { "export", "--what", "services", path, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CliResult) result = run_cliv (NULL, cases[i].argv);

      assert_error (result, 2, cases[i].what);
      ck_assert_msg (strstr (result->err, "--help") != NULL, "%s: no hint to --help: %s", cases[i].what, result->err);
    }

  /* Nothing of the above changed the document. */
  {
    g_autoptr(StormcutModel) model = open_document (path);
    ck_assert_uint_eq (stormcut_model_get_n_elements (model), 0);
    ck_assert_uint_eq (stormcut_model_get_contexts (model)->len, 0);
  }
}
END_TEST

/* --- editing ------------------------------------------------------------------------ */

START_TEST (test_new_add_link_assign)
{
  g_autofree char *path = new_document ("edit.stormcut");
  g_autofree char *context_id = NULL;
  g_autofree char *actor_id = NULL;
  g_autofree char *command_id = NULL;
  g_autofree char *aggregate_id = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *link_id = NULL;
  g_autoptr(StormcutModel) model = NULL;
  const StormcutElement *element;
  const StormcutContext *context;

  {
    g_autoptr(CliResult) result = run_cli ("add-context", path, "--name", "예약", "--code-name", "Reservation",
                                           "--domain-type", "core", "--team", "예약팀", NULL);
    assert_ok (result, "add-context");
    context_id = printed_id (result);
  }
  actor_id = add_sticky (path, "actor", "시민", "예약");
  {
    g_autoptr(CliResult) result = run_cli ("add", path, "--kind", "command", "--name", "예약 등록",
                                           "--code-name", "RegisterReservation", "--context", "Reservation",
                                           "--description", "시설과 시간대를 골라 신청한다", NULL);
    assert_ok (result, "add command");
    command_id = printed_id (result);
  }
  aggregate_id = add_sticky (path, "aggregate", "예약", NULL);
  event_id = add_sticky (path, "event", "예약 등록됨", context_id);
  ck_assert_str_ne (actor_id, command_id);
  ck_assert_str_ne (command_id, event_id);

  /* Ends named by display name, code name and id. */
  {
    g_autoptr(CliResult) result = run_cli ("link", path, "시민", "RegisterReservation", NULL);
    assert_ok (result, "link by names");
    link_id = printed_id (result);
  }
  {
    g_autoptr(CliResult) result = run_cli ("link", path, command_id, aggregate_id, NULL);
    assert_ok (result, "link by ids");
  }
  {
    g_autoptr(CliResult) result = run_cli ("link", path, aggregate_id, "예약 등록됨", NULL);
    assert_ok (result, "link by id and name");
  }
  {
    g_autoptr(CliResult) result = run_cli ("assign", path, aggregate_id, "예약", NULL);
    assert_ok (result, "assign");
  }

  model = open_document (path);
  ck_assert_str_eq (stormcut_model_get_name (model), "Test model");
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 4);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 3);

  context = stormcut_model_get_context (model, context_id);
  ck_assert_ptr_nonnull (context);
  ck_assert_str_eq (context->name, "예약");
  ck_assert_str_eq (context->code_name, "Reservation");
  ck_assert_str_eq (context->team, "예약팀");
  ck_assert_int_eq (context->domain_type, STORMCUT_DOMAIN_CORE);

  element = stormcut_model_get_element (model, command_id);
  ck_assert_ptr_nonnull (element);
  ck_assert_int_eq (element->kind, STORMCUT_KIND_COMMAND);
  ck_assert_str_eq (element->name, "예약 등록");
  ck_assert_str_eq (element->code_name, "RegisterReservation");
  ck_assert_str_eq (element->description, "시설과 시간대를 골라 신청한다");
  ck_assert_str_eq (element->context_id, context_id);
  /* Placed inside its context's frame. */
  ck_assert (stormcut_context_contains (context, element->x, element->y));

  ck_assert_str_eq (stormcut_model_get_element (model, actor_id)->context_id, context_id);
  ck_assert_str_eq (stormcut_model_get_element (model, aggregate_id)->context_id, context_id);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, actor_id, command_id));
  ck_assert_str_eq (stormcut_model_find_link (model, actor_id, command_id)->id, link_id);
  ck_assert_ptr_nonnull (stormcut_model_find_link (model, aggregate_id, event_id));
  g_clear_object (&model);

  /* Out of the context again. */
  {
    g_autoptr(CliResult) result = run_cli ("assign", path, "예약 등록됨", "--none", NULL);
    assert_ok (result, "assign --none");
  }
  model = open_document (path);
  ck_assert_ptr_null (stormcut_model_get_element (model, event_id)->context_id);
}
END_TEST

START_TEST (test_add_position)
{
  g_autofree char *path = new_document ("position.stormcut");
  g_autofree char *context_id = NULL;
  g_autofree char *inside_id = NULL;
  g_autofree char *outside_id = NULL;
  g_autofree char *loose_id = NULL;
  g_autoptr(StormcutModel) model = NULL;
  const StormcutElement *element;

  {
    g_autoptr(CliResult) result = run_cli ("add-context", path, "--name", "Claims", "--x", "100", "--y", "100",
                                           "--width", "500", "--height", "300", NULL);
    assert_ok (result, "add-context with frame");
    context_id = printed_id (result);
  }
  {
    /* Inside the frame without --context: it joins the context. */
    g_autoptr(CliResult) result = run_cli ("add", path, "--kind", "event", "--name", "Claim submitted",
                                           "--x", "200", "--y", "150", NULL);
    assert_ok (result, "add inside");
    inside_id = printed_id (result);
  }
  {
    g_autoptr(CliResult) result = run_cli ("add", path, "--kind", "event", "--name", "Claim registered",
                                           "--x", "2000", "--y", "150", NULL);
    assert_ok (result, "add outside");
    outside_id = printed_id (result);
  }
  loose_id = add_sticky (path, "hotspot", "Where do claims belong?", NULL);

  model = open_document (path);
  element = stormcut_model_get_element (model, inside_id);
  ck_assert_str_eq (element->context_id, context_id);
  ck_assert_double_eq (element->x, 200);
  ck_assert_double_eq (element->y, 150);
  ck_assert_ptr_null (stormcut_model_get_element (model, outside_id)->context_id);
  /* Placed automatically without a context: to the right of everything, outside the frame. */
  element = stormcut_model_get_element (model, loose_id);
  ck_assert_ptr_null (element->context_id);
  ck_assert (element->x > 2000);
  ck_assert_ptr_null (stormcut_model_context_at (model, element->x + 1, element->y + 1));
}
END_TEST

START_TEST (test_refused_link)
{
  g_autofree char *path = new_document ("refused.stormcut");
  g_autofree char *actor_id = add_sticky (path, "actor", "Customer", NULL);
  g_autofree char *event_id = add_sticky (path, "event", "Claim submitted", NULL);
  g_autoptr(CliResult) result = run_cli ("link", path, actor_id, event_id, NULL);
  g_autoptr(StormcutModel) model = NULL;

  assert_error (result, 1, "refused link");
  ck_assert_msg (strstr (result->err, stormcut_kind_get_label (STORMCUT_KIND_ACTOR)) != NULL, "%s", result->err);
  ck_assert_msg (strstr (result->err, stormcut_kind_get_label (STORMCUT_KIND_EVENT)) != NULL, "%s", result->err);

  model = open_document (path);
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 0);
}
END_TEST

START_TEST (test_unknown_names)
{
  g_autofree char *path = new_document ("unknown.stormcut");
  g_autofree char *actor_id = add_sticky (path, "actor", "Customer", NULL);
  g_autoptr(CliResult) link = run_cli ("link", path, actor_id, "Nobody", NULL);
  g_autoptr(CliResult) assign = run_cli ("assign", path, actor_id, "Nowhere", NULL);
  g_autoptr(CliResult) add = run_cli ("add", path, "--kind", "event", "--name", "x", "--context", "Nowhere", NULL);
  g_autoptr(CliResult) list = run_cli ("list", path, "--context", "Nowhere", NULL);
  g_autoptr(CliResult) code = run_cli ("add", path, "--kind", "event", "--name", "x", "--code-name", "not an identifier", NULL);
  g_autoptr(StormcutModel) model = NULL;

  assert_error (link, 1, "link to an unknown sticky");
  ck_assert_ptr_nonnull (strstr (link->err, "Nobody"));
  assert_error (assign, 1, "assign to an unknown context");
  ck_assert_ptr_nonnull (strstr (assign->err, "Nowhere"));
  assert_error (add, 1, "add to an unknown context");
  assert_error (list, 1, "list of an unknown context");
  assert_error (code, 1, "add with a bad code name");

  model = open_document (path);
  ck_assert_uint_eq (stormcut_model_get_n_elements (model), 1);
}
END_TEST

/* --- reading ------------------------------------------------------------------------ */

START_TEST (test_list)
{
  g_autofree char *path = new_document ("list.stormcut");
  g_autofree char *context_id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_auto(GStrv) lines = NULL;
  gsize code_column, context_column;

  {
    g_autoptr(CliResult) result = run_cli ("add-context", path, "--name", "결제", "--code-name", "Payment", NULL);
    assert_ok (result, "add-context");
    context_id = printed_id (result);
  }
  {
    g_autoptr(CliResult) result = run_cli ("add", path, "--kind", "command", "--name", "이용료 납부",
                                           "--code-name", "PayFee", "--context", "결제", NULL);
    assert_ok (result, "add");
    first = printed_id (result);
  }
  second = add_sticky (path, "event", "Payment\nperformed", "Payment");
  third = add_sticky (path, "hotspot", "?", NULL);

  {
    g_autoptr(CliResult) result = run_cli ("list", path, NULL);

    assert_ok (result, "list");
    lines = g_strsplit (result->out, "\n", -1);
  }
  /* Header, three rows, and the empty string after the last newline. */
  ck_assert_uint_eq (g_strv_length (lines), 5);
  ck_assert_str_eq (lines[4], "");
  ck_assert (g_str_has_prefix (lines[0], "ID"));
  ck_assert (g_str_has_prefix (lines[1], first));
  ck_assert (g_str_has_prefix (lines[2], second));
  ck_assert (g_str_has_prefix (lines[3], third));
  ck_assert_ptr_nonnull (strstr (lines[1], stormcut_kind_get_label (STORMCUT_KIND_COMMAND)));
  ck_assert_ptr_nonnull (strstr (lines[2], stormcut_kind_get_label (STORMCUT_KIND_EVENT)));
  /* A newline in a name does not break the table. */
  ck_assert_ptr_nonnull (strstr (lines[2], "Payment performed"));

  /* Columns line up on screen even though Korean characters take two columns. */
  code_column = display_column (lines[0], "CODE NAME");
  context_column = display_column (lines[0], "CONTEXT");
  ck_assert_uint_eq (display_column (lines[1], "PayFee"), code_column);
  ck_assert_uint_eq (display_column (lines[1], "결제"), context_column);
  ck_assert_uint_eq (display_column (lines[2], "결제"), context_column);
  /* No trailing blanks, even after an empty last cell. */
  for (guint i = 0; i < 4; i++)
    ck_assert_msg (!g_str_has_suffix (lines[i], " "), "trailing blank in “%s”", lines[i]);

  {
    g_autoptr(CliResult) result = run_cli ("list", path, "--kind", "event", NULL);

    assert_ok (result, "list --kind");
    ck_assert_ptr_nonnull (strstr (result->out, second));
    ck_assert_ptr_null (strstr (result->out, first));
    ck_assert_ptr_null (strstr (result->out, third));
  }
  {
    g_autoptr(CliResult) result = run_cli ("list", path, "--context", context_id, NULL);

    assert_ok (result, "list --context");
    ck_assert_ptr_nonnull (strstr (result->out, first));
    ck_assert_ptr_nonnull (strstr (result->out, second));
    ck_assert_ptr_null (strstr (result->out, third));
  }
  {
    g_autoptr(CliResult) result = run_cli ("list", path, "--contexts", NULL);
    g_auto(GStrv) context_lines = NULL;

    assert_ok (result, "list --contexts");
    context_lines = g_strsplit (result->out, "\n", -1);
    ck_assert_uint_eq (g_strv_length (context_lines), 3);
    ck_assert (g_str_has_prefix (context_lines[0], "ID"));
    ck_assert (g_str_has_prefix (context_lines[1], context_id));
    ck_assert_ptr_nonnull (strstr (context_lines[1], "결제"));
    ck_assert_ptr_nonnull (strstr (context_lines[1], "Payment"));
    ck_assert_ptr_nonnull (strstr (context_lines[1], stormcut_domain_type_get_label (STORMCUT_DOMAIN_SUPPORTING)));
    /* Two stickies in the context, under the heading; the empty team column leaves no blanks. */
    ck_assert (g_str_has_suffix (context_lines[1], "  2"));
    ck_assert_uint_eq (display_width (context_lines[1], strlen (context_lines[1])) - 1,
                       display_column (context_lines[0], "STICKIES"));
  }
  {
    g_autoptr(CliResult) result = run_cli ("list", path, "--contexts", "--kind", "event", NULL);
    assert_error (result, 2, "list --contexts --kind");
  }
}
END_TEST

START_TEST (test_check_strict)
{
  g_autofree char *path = new_document ("check.stormcut");
  g_autofree char *command_id = add_sticky (path, "command", "Submit claim", NULL);

  {
    g_autoptr(CliResult) result = run_cli ("check", path, NULL);
    g_autofree char *line = g_strdup_printf ("%s: ", command_id);

    assert_ok (result, "check with a warning");
    ck_assert_msg (g_str_has_prefix (result->out, line), "%s", result->out);
    ck_assert_ptr_nonnull (strstr (result->out, "Submit claim"));
    ck_assert_ptr_nonnull (strstr (result->out, "1 warning."));
  }
  {
    g_autoptr(CliResult) result = run_cli ("check", "--strict", path, NULL);

    ck_assert_int_eq (result->status, 1);
    ck_assert_ptr_nonnull (strstr (result->out, command_id));
  }

  {
    g_autofree char *event_id = add_sticky (path, "event", "Claim submitted", NULL);
    g_autoptr(CliResult) link = run_cli ("link", path, command_id, event_id, NULL);
    g_autoptr(CliResult) result = run_cli ("check", path, "--strict", NULL);

    assert_ok (link, "link");
    assert_ok (result, "check --strict without warnings");
    ck_assert_str_eq (result->out, "No warnings.\n");
  }
}
END_TEST

START_TEST (test_bad_files)
{
  g_autofree char *garbage = stormcut_test_tmp_path ("garbage.stormcut");
  g_autofree char *missing = stormcut_test_tmp_path ("missing.stormcut");
  g_autofree char *existing = new_document ("existing.stormcut");
  const char *commands[] = { "list", "check", "export" };

  ck_assert (g_file_set_contents (garbage, "this is not a database\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(CliResult) bad = run_cli (commands[i], garbage, NULL);
      g_autoptr(CliResult) absent = run_cli (commands[i], missing, NULL);
      g_autofree char *garbage_name = g_path_get_basename (garbage);

      assert_error (bad, 1, commands[i]);
      ck_assert_msg (strstr (bad->err, garbage_name) != NULL, "the message does not name the file: %s", bad->err);
      assert_error (absent, 1, commands[i]);
      ck_assert (!g_file_test (missing, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(CliResult) add = run_cli ("add", garbage, "--kind", "event", "--name", "x", NULL);
    g_autofree char *contents = NULL;

    assert_error (add, 1, "add to a bad file");
    /* The file is left as it was. */
    ck_assert (g_file_get_contents (garbage, &contents, NULL, NULL));
    ck_assert_str_eq (contents, "this is not a database\n");
  }
  {
    g_autoptr(CliResult) result = run_cli ("new", existing, NULL);
    assert_error (result, 1, "new over an existing file");
  }
}
END_TEST

/* --- import and export --------------------------------------------------------------- */

static void
check_sample_round_trip (const char *sample)
{
  g_autofree char *xml_path = stormcut_test_sample_path (sample);
  g_autofree char *document = stormcut_test_tmp_path ("sample.stormcut");
  g_autofree char *exported = stormcut_test_tmp_path ("exported.xml");
  g_autofree char *original = NULL;
  g_autofree char *written = NULL;
  gsize original_length, written_length;

  original = stormcut_test_read_file (xml_path, &original_length);

  {
    g_autoptr(CliResult) result = run_cli ("import", xml_path, "-o", document, NULL);
    assert_ok (result, "import");
    ck_assert_str_eq (result->out, "");
  }
  {
    g_autoptr(CliResult) result = run_cli ("export", "--format", "xml", document, NULL);

    assert_ok (result, "export to stdout");
    ck_assert_uint_eq (strlen (result->out), original_length);
    ck_assert_msg (strcmp (result->out, original) == 0, "export of %s differs from the sample", sample);
  }
  {
    g_autoptr(CliResult) result = run_cli ("export", document, "-o", exported, NULL);

    assert_ok (result, "export to a file");
    ck_assert_str_eq (result->out, "");
    written = stormcut_test_read_file (exported, &written_length);
    ck_assert_uint_eq (written_length, original_length);
    ck_assert (memcmp (written, original, original_length) == 0);
  }
  {
    g_autoptr(CliResult) result = run_cli ("check", "--strict", document, NULL);
    assert_ok (result, "the sample has no warnings");
  }

  /* An existing document is kept unless --force is given. */
  {
    g_autoptr(CliResult) again = run_cli ("import", xml_path, "-o", document, NULL);
    g_autoptr(CliResult) forced = run_cli ("import", xml_path, "-o", document, "--force", NULL);
    g_autoptr(StormcutModel) model = NULL;

    assert_error (again, 1, "import over an existing document");
    ck_assert_ptr_nonnull (strstr (again->err, "--force"));
    assert_ok (forced, "import --force");
    model = open_document (document);
    ck_assert_uint_gt (stormcut_model_get_n_elements (model), 40);
  }
}

START_TEST (test_sample_reservation)
{
  check_sample_round_trip ("public-facility-reservation.xml");
}
END_TEST

START_TEST (test_sample_lakeside)
{
  check_sample_round_trip ("lakeside-claims.xml");
}
END_TEST

START_TEST (test_import_bad_xml)
{
  const char *fixtures[] = { "billion-laughs.xml", "dangling-link.xml", "refused-link.xml", "wrong-root.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *xml_path = g_build_filename (g_getenv ("STORMCUT_TEST_DATA"), "xml", fixtures[i], NULL);
      g_autofree char *dir = stormcut_test_tmp_path ("import-dir");
      g_autofree char *document = g_build_filename (dir, "out.stormcut", NULL);
      g_autoptr(CliResult) result = NULL;
      g_autoptr(GDir) listing = NULL;

      ck_assert_int_eq (g_mkdir (dir, 0700), 0);
      result = run_cli ("import", xml_path, "-o", document, NULL);
      assert_error (result, 1, fixtures[i]);
      /* Nothing written, not even a partial file. */
      listing = g_dir_open (dir, 0, NULL);
      ck_assert_ptr_nonnull (listing);
      ck_assert_msg (g_dir_read_name (listing) == NULL, "%s left a file behind", fixtures[i]);
    }
}
END_TEST

/* --- translation ---------------------------------------------------------------------- */

START_TEST (test_korean)
{
  const char *build_root = g_getenv ("STORMCUT_BUILD_ROOT");
  g_autofree char *localedir = g_build_filename (build_root != NULL ? build_root : ".", "po", NULL);
  g_autofree char *catalogue = g_build_filename (localedir, "ko", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  const char *env[] = { "LANGUAGE", "ko", "STORMCUT_LOCALEDIR", localedir, NULL };
  g_autofree char *path = new_document ("korean.stormcut");
  g_autofree char *command_id = add_sticky (path, "command", "예약 등록", NULL);
  const char *list_argv[] = { "list", path, NULL };
  const char *check_argv[] = { "check", path, NULL };
  const char *usage_argv[] = { "frobnicate", NULL };
  g_autoptr(CliResult) list = run_cliv (env, list_argv);
  g_autoptr(CliResult) check = run_cliv (env, check_argv);
  g_autoptr(CliResult) usage = run_cliv (env, usage_argv);
  const char *korean_label, *korean_heading, *korean_unknown;

  assert_ok (list, "list in Korean");
  ck_assert_int_eq (check->status, 0);
  assert_error (usage, 2, "usage error in Korean");

  if (!g_file_test (catalogue, G_FILE_TEST_EXISTS))
    return; /* built without the catalogue: nothing more to compare */

  /* What the catalogue says, looked up the way the CLI does. */
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_setenv ("LANGUAGE", "ko", TRUE);
  setlocale (LC_ALL, "");
  korean_label = g_dgettext (GETTEXT_PACKAGE, "Command");
  korean_heading = g_dgettext (GETTEXT_PACKAGE, "CODE NAME");
  korean_unknown = g_dgettext (GETTEXT_PACKAGE, "Unknown command “%s”.");

  if (!g_str_equal (korean_label, "Command"))
    ck_assert_msg (strstr (list->out, korean_label) != NULL, "no “%s” in:\n%s", korean_label, list->out);
  if (!g_str_equal (korean_heading, "CODE NAME"))
    ck_assert_msg (strstr (list->out, korean_heading) != NULL, "no “%s” in:\n%s", korean_heading, list->out);
  if (!g_str_equal (korean_unknown, "Unknown command “%s”."))
    ck_assert_msg (strstr (usage->err, "Unknown command") == NULL, "untranslated: %s", usage->err);
}
END_TEST

static Suite *
cli_suite (void)
{
  Suite *suite = suite_create ("cli");
  TCase *usage = tcase_create ("usage");
  TCase *edit = tcase_create ("edit");
  TCase *read = tcase_create ("read");
  TCase *xml = tcase_create ("xml");
  TCase *l10n = tcase_create ("l10n");

  tcase_add_test (usage, test_help_and_version);
  tcase_add_test (usage, test_usage_errors);
  suite_add_tcase (suite, usage);

  tcase_add_test (edit, test_new_add_link_assign);
  tcase_add_test (edit, test_add_position);
  tcase_add_test (edit, test_refused_link);
  tcase_add_test (edit, test_unknown_names);
  suite_add_tcase (suite, edit);

  tcase_add_test (read, test_list);
  tcase_add_test (read, test_check_strict);
  tcase_add_test (read, test_bad_files);
  suite_add_tcase (suite, read);

  tcase_add_test (xml, test_sample_reservation);
  tcase_add_test (xml, test_sample_lakeside);
  tcase_add_test (xml, test_import_bad_xml);
  suite_add_tcase (suite, xml);

  tcase_add_test (l10n, test_korean);
  suite_add_tcase (suite, l10n);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  cli_path = argc > 1 ? argv[1] : g_getenv ("STORMCUT_CLI");
  if (cli_path == NULL || !g_file_test (cli_path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("test-cli: give the path of stormcut-cli as the first argument or in STORMCUT_CLI\n");
      return 1;
    }
  return stormcut_test_run (cli_suite ());
}
