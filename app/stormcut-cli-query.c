/* stormcut-cli-query.c: the subcommands that read a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * list (a table of the stickies) and check (the grammar warnings of DOMAIN.md §2).
 */
#include <stdarg.h>

#include <glib/gi18n.h>

#include "stormcut-cli-private.h"

/* A table cell on one line: newlines and tabs of a display name become spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  return g_strdelimit (line, "\r\n\t", ' ');
}

/* --- list ------------------------------------------------------------------------- */

G_GNUC_NULL_TERMINATED static void
add_row (GPtrArray  *rows,
         const char *first,
         ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, one_line (cell));
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_free (cells, FALSE));
}

static void
list_contexts (StormcutModel *model)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *contexts = stormcut_model_get_contexts (model);

  /* Translators: column headings of "stormcut-cli list --contexts" */
  add_row (rows, _("ID"), _("NAME"), _("CODE NAME"), _("DOMAIN TYPE"), _("STICKIES"), _("TEAM"), NULL);
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      g_autoptr(GPtrArray) members = stormcut_model_get_context_elements (model, context->id);
      g_autofree char *count = g_strdup_printf ("%u", members->len);

      add_row (rows, context->id, context->name, context->code_name,
               stormcut_domain_type_get_label (context->domain_type), count, context->team, NULL);
    }
  stormcut_cli_print_table (rows);
}

static int
run_list (const StormcutCliCommand *command,
          int                       argc,
          char                    **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *context_key = NULL;
  gboolean contexts = FALSE;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const StormcutContext *context = NULL;
  GPtrArray *elements;
  StormcutKind kind = STORMCUT_N_KINDS;
  const char *path;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("Only stickies of this kind"), N_("KIND") },
    { "context", 0, 0, G_OPTION_ARG_STRING, &context_key, N_("Only stickies of this bounded context (id, code name or name)"), N_("CONTEXT") },
    { "contexts", 0, 0, G_OPTION_ARG_NONE, &contexts, N_("List the bounded contexts instead of the stickies"), NULL },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  if (contexts && (kind_name != NULL || context_key != NULL))
    return stormcut_cli_usage_error (command, _("--contexts cannot be combined with --kind or --context."));
  if (kind_name != NULL && !stormcut_kind_from_string (kind_name, &kind))
    return stormcut_cli_usage_error (command,
                                     _("Unknown kind “%s”. Use one of event, command, policy, aggregate, "
                                       "read_model, external_system, actor, hotspot."),
                                     kind_name);

  model = stormcut_cli_open_model_for_reading (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  if (contexts)
    {
      list_contexts (model);
      return STORMCUT_CLI_EXIT_OK;
    }
  if (context_key != NULL && (context = stormcut_cli_lookup_context (model, path, context_key)) == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  /* Translators: column headings of "stormcut-cli list" */
  add_row (rows, _("ID"), _("KIND"), _("NAME"), _("CODE NAME"), _("CONTEXT"), NULL);

  elements = stormcut_model_get_elements (model);
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      const StormcutContext *element_context;

      if (kind_name != NULL && element->kind != kind)
        continue;
      if (context != NULL && g_strcmp0 (element->context_id, context->id) != 0)
        continue;

      element_context = element->context_id != NULL ? stormcut_model_get_context (model, element->context_id) : NULL;
      add_row (rows, element->id, stormcut_kind_get_label (element->kind), element->name, element->code_name,
               element_context != NULL ? element_context->name : "", NULL);
    }

  stormcut_cli_print_table (rows);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_list = {
  "list", N_("FILE"), N_("List the stickies of a document"),
  NULL,
  run_list,
};

/* --- check ------------------------------------------------------------------------ */

static int
run_check (const StormcutCliCommand *command,
           int                       argc,
           char                    **argv)
{
  gboolean strict = FALSE;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { "strict", 's', 0, G_OPTION_ARG_NONE, &strict, N_("Exit with status 1 when there are warnings"), NULL },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  model = stormcut_cli_open_model_for_reading (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  problems = stormcut_model_check (model);
  for (guint i = 0; i < problems->len; i++)
    {
      const StormcutProblem *problem = g_ptr_array_index (problems, i);

      g_print ("%s: %s\n", problem->element_id, problem->message);
    }

  if (problems->len == 0)
    g_print ("%s\n", _("No warnings."));
  else
    g_print (ngettext ("%u warning.\n", "%u warnings.\n", problems->len), problems->len);

  return strict && problems->len > 0 ? STORMCUT_CLI_EXIT_FAILURE : STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_check = {
  "check", N_("FILE"), N_("Print the grammar warnings of a document"),
  N_("Each warning line starts with the id of the sticky it is about. The exit status is 0 even "
     "when there are warnings, unless --strict is given."),
  run_check,
};
