/* stormcut-cli-edit.c: the subcommands that create and change documents
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * new, add, link, assign, add-context.  Each change goes through StormcutModel, which
 * validates it and writes it to the file before the command returns.
 */
#include <math.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "stormcut-cli-private.h"

/* Frame of a context added without a position. */
#define NEW_CONTEXT_WIDTH  900.0
#define NEW_CONTEXT_HEIGHT 400.0
/* Room between things placed automatically, in board units. */
#define PLACEMENT_GAP      40.0
/* Inset of the first sticky from a frame's top-left corner (below the frame's title). */
#define FRAME_INSET_X      40.0
#define FRAME_INSET_Y      60.0

static char *
kind_names (void)
{
  GString *names = g_string_new (NULL);

  for (StormcutKind kind = 0; kind < STORMCUT_N_KINDS; kind++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, stormcut_kind_to_string (kind));
    }
  return g_string_free (names, FALSE);
}

/* Right edge of everything on the board, or 0 for an empty board. */
static double
board_right_edge (StormcutModel *model)
{
  GPtrArray *elements = stormcut_model_get_elements (model);
  GPtrArray *contexts = stormcut_model_get_contexts (model);
  double right = 0;

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      right = MAX (right, element->x + element->width);
    }
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      right = MAX (right, context->x + context->width);
    }
  return right;
}

/* Where a new sticky goes when the command line gives no position: on the first row of
 * its context's frame, to the right of the stickies already there; without a context, to
 * the right of everything on the board, so that it lands outside every frame. */
static void
place_new_element (StormcutModel         *model,
                   const StormcutContext *context,
                   double                *x,
                   double                *y)
{
  if (context == NULL)
    {
      double right = board_right_edge (model);

      *x = right > 0 ? right + PLACEMENT_GAP : 0;
      *y = 0;
      return;
    }

  {
    g_autoptr(GPtrArray) members = stormcut_model_get_context_elements (model, context->id);
    double right = context->x + FRAME_INSET_X - PLACEMENT_GAP / 2;

    for (guint i = 0; i < members->len; i++)
      {
        const StormcutElement *element = g_ptr_array_index (members, i);
        right = MAX (right, element->x + element->width);
      }
    *x = right + PLACEMENT_GAP / 2;
    *y = context->y + FRAME_INSET_Y;
  }
}

/* --- new -------------------------------------------------------------------------- */

static int
run_new (const StormcutCliCommand *command,
         int                       argc,
         char                    **argv)
{
  g_autofree char *name = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("Name of the model (default: the file name)"), N_("NAME") },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  if (name == NULL)
    {
      g_autofree char *basename = g_filename_display_basename (path);
      char *dot = strrchr (basename, '.');

      if (dot != NULL && dot != basename)
        *dot = '\0';
      name = g_steal_pointer (&basename);
    }
  if (g_strstrip (name)[0] == '\0')
    return stormcut_cli_usage_error (command, _("The name of the model cannot be empty."));

  model = stormcut_model_create (path, &error);
  if (model == NULL)
    return stormcut_cli_fail_with_error (error);
  if (!stormcut_model_set_name (model, name, &error))
    {
      /* Do not leave a half-made document behind. */
      stormcut_model_close (model);
      g_unlink (path);
      return stormcut_cli_fail_with_error (error);
    }
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_new = {
  "new", N_("FILE"), N_("Create an empty .stormcut document"),
  NULL,
  run_new,
};

/* --- add -------------------------------------------------------------------------- */

static int
run_add (const StormcutCliCommand *command,
         int                       argc,
         char                    **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code_name = NULL;
  g_autofree char *context_key = NULL;
  g_autofree char *description = NULL;
  double x = NAN, y = NAN;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new ();
  const StormcutContext *context = NULL;
  const StormcutElement *added;
  StormcutElement element = { 0 };
  StormcutKind kind;
  const char *path;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("Kind of sticky (required)"), N_("KIND") },
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("Display name (required)"), N_("NAME") },
    { "code-name", 'c', 0, G_OPTION_ARG_STRING, &code_name, N_("ASCII identifier for exports"), N_("CODE") },
    { "context", 0, 0, G_OPTION_ARG_STRING, &context_key, N_("Bounded context (id, code name or name)"), N_("CONTEXT") },
    { "x", 'x', 0, G_OPTION_ARG_DOUBLE, &x, N_("Left edge on the board"), N_("X") },
    { "y", 'y', 0, G_OPTION_ARG_DOUBLE, &y, N_("Top edge on the board"), N_("Y") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description, N_("Free description"), N_("TEXT") },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  if (kind_name == NULL)
    {
      g_autofree char *kinds = kind_names ();
      return stormcut_cli_usage_error (command, _("Give the kind of sticky with --kind: one of %s."), kinds);
    }
  if (!stormcut_kind_from_string (kind_name, &kind))
    {
      g_autofree char *kinds = kind_names ();
      return stormcut_cli_usage_error (command, _("Unknown kind “%s”. Use one of %s."), kind_name, kinds);
    }
  if (name == NULL)
    return stormcut_cli_usage_error (command, _("Give the sticky a name with --name."));
  if (isnan (x) != isnan (y))
    return stormcut_cli_usage_error (command, _("Give both --x and --y, or neither."));
  if (!isnan (x) && (!isfinite (x) || !isfinite (y)))
    return stormcut_cli_usage_error (command, _("The position must be a finite number."));

  model = stormcut_cli_open_model (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  if (context_key != NULL)
    {
      context = stormcut_cli_lookup_context (model, path, context_key);
      if (context == NULL)
        return STORMCUT_CLI_EXIT_FAILURE;
    }

  element.kind = kind;
  element.name = name;
  element.code_name = code_name;
  element.description = description;
  element.attributes = attributes;
  stormcut_kind_get_default_size (kind, &element.width, &element.height);
  if (isnan (x))
    place_new_element (model, context, &element.x, &element.y);
  else
    {
      element.x = x;
      element.y = y;
      /* Without --context, a sticky placed inside a frame belongs to that context. */
      if (context == NULL)
        context = stormcut_model_context_at (model, x + element.width / 2, y + element.height / 2);
    }
  element.context_id = context != NULL ? context->id : NULL;

  added = stormcut_model_insert_element (model, &element, &error);
  if (added == NULL)
    return stormcut_cli_fail_with_error (error);

  g_print ("%s\n", added->id);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_add = {
  "add", N_("FILE"), N_("Add a sticky and print its id"),
  N_("Kinds: event, command, policy, aggregate, read_model, external_system, actor, hotspot.\n"
     "Without --x and --y the sticky goes to the right of the others in its context."),
  run_add,
};

/* --- link ------------------------------------------------------------------------- */

static int
run_link (const StormcutCliCommand *command,
          int                       argc,
          char                    **argv)
{
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_key = NULL;
  g_autofree char *to_key = NULL;
  g_autofree char *from_id = NULL;
  const StormcutElement *from, *to;
  const StormcutLink *link;
  const char *path;

  if (!stormcut_cli_parse_options (command, NULL, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 3, 3))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  from_key = stormcut_cli_argument_to_utf8 (argv[2]);
  to_key = stormcut_cli_argument_to_utf8 (argv[3]);
  if (from_key == NULL || to_key == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  model = stormcut_cli_open_model (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  from = stormcut_cli_lookup_element (model, path, from_key);
  if (from == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  from_id = g_strdup (from->id);
  to = stormcut_cli_lookup_element (model, path, to_key);
  if (to == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  link = stormcut_model_add_link (model, from_id, to->id, &error);
  if (link == NULL)
    return stormcut_cli_fail_with_error (error);

  g_print ("%s\n", link->id);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_link = {
  "link", N_("FILE FROM TO"), N_("Link two stickies and print the link's id"),
  N_("FROM and TO are ids, code names or display names. The link must be allowed by the "
     "event-storming grammar (for example actor → command → aggregate → event → policy)."),
  run_link,
};

/* --- assign ----------------------------------------------------------------------- */

static int
run_assign (const StormcutCliCommand *command,
            int                       argc,
            char                    **argv)
{
  gboolean none = FALSE;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *element_key = NULL;
  g_autofree char *context_key = NULL;
  g_autofree char *element_id = NULL;
  const StormcutElement *element;
  const StormcutContext *context = NULL;
  const char *path;
  const GOptionEntry entries[] = {
    { "none", 0, 0, G_OPTION_ARG_NONE, &none, N_("Take the sticky out of its context"), NULL },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 2, 3))
    return STORMCUT_CLI_EXIT_USAGE;
  if (none && argc == 4)
    return stormcut_cli_usage_error (command, _("Give either a context or --none, not both."));
  if (!none && argc == 3)
    return stormcut_cli_usage_error (command, _("Give the context to assign the sticky to, or --none."));
  path = argv[1];

  element_key = stormcut_cli_argument_to_utf8 (argv[2]);
  if (element_key == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  if (!none && (context_key = stormcut_cli_argument_to_utf8 (argv[3])) == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  model = stormcut_cli_open_model (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  element = stormcut_cli_lookup_element (model, path, element_key);
  if (element == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;
  element_id = g_strdup (element->id);
  if (context_key != NULL && (context = stormcut_cli_lookup_context (model, path, context_key)) == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  if (!stormcut_model_assign_element (model, element_id, context != NULL ? context->id : NULL, &error))
    return stormcut_cli_fail_with_error (error);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_assign = {
  "assign", N_("FILE STICKY [CONTEXT]"), N_("Put a sticky into a bounded context, or take it out"),
  N_("STICKY and CONTEXT are ids, code names or display names."),
  run_assign,
};

/* --- add-context ------------------------------------------------------------------ */

static int
run_add_context (const StormcutCliCommand *command,
                 int                       argc,
                 char                    **argv)
{
  g_autofree char *name = NULL;
  g_autofree char *code_name = NULL;
  g_autofree char *domain_type_name = NULL;
  g_autofree char *team = NULL;
  g_autofree char *description = NULL;
  double x = NAN, y = NAN;
  double width = NEW_CONTEXT_WIDTH, height = NEW_CONTEXT_HEIGHT;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  StormcutContext context = { 0 };
  const StormcutContext *added;
  StormcutDomainType domain_type = STORMCUT_DOMAIN_SUPPORTING;
  const char *path;
  const GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING, &name, N_("Display name (required)"), N_("NAME") },
    { "code-name", 'c', 0, G_OPTION_ARG_STRING, &code_name, N_("ASCII identifier for exports and service names"), N_("CODE") },
    { "domain-type", 't', 0, G_OPTION_ARG_STRING, &domain_type_name, N_("core, supporting (default) or generic"), N_("TYPE") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("Owning team"), N_("TEAM") },
    { "description", 'd', 0, G_OPTION_ARG_STRING, &description, N_("Free description"), N_("TEXT") },
    { "x", 'x', 0, G_OPTION_ARG_DOUBLE, &x, N_("Left edge of the frame"), N_("X") },
    { "y", 'y', 0, G_OPTION_ARG_DOUBLE, &y, N_("Top edge of the frame"), N_("Y") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width, N_("Width of the frame (default 900)"), N_("WIDTH") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height, N_("Height of the frame (default 400)"), N_("HEIGHT") },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  if (name == NULL)
    return stormcut_cli_usage_error (command, _("Give the context a name with --name."));
  if (domain_type_name != NULL && !stormcut_domain_type_from_string (domain_type_name, &domain_type))
    return stormcut_cli_usage_error (command, _("Unknown domain type “%s”. Use core, supporting or generic."),
                                     domain_type_name);
  if (isnan (x) != isnan (y))
    return stormcut_cli_usage_error (command, _("Give both --x and --y, or neither."));
  if (!isnan (x) && (!isfinite (x) || !isfinite (y)))
    return stormcut_cli_usage_error (command, _("The position must be a finite number."));
  if (!isfinite (width) || !isfinite (height) || width <= 0 || height <= 0)
    return stormcut_cli_usage_error (command, _("The width and height of the frame must be greater than zero."));

  model = stormcut_cli_open_model (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  if (isnan (x))
    {
      double right = board_right_edge (model);

      /* To the right of everything, so that no sticky falls into the new frame by accident. */
      x = right > 0 ? right + 2 * PLACEMENT_GAP : 0;
      y = 0;
    }

  context.name = name;
  context.code_name = code_name;
  context.description = description;
  context.team = team;
  context.domain_type = domain_type;
  context.x = x;
  context.y = y;
  context.width = width;
  context.height = height;

  added = stormcut_model_insert_context (model, &context, &error);
  if (added == NULL)
    return stormcut_cli_fail_with_error (error);

  g_print ("%s\n", added->id);
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_add_context = {
  "add-context", N_("FILE"), N_("Add a bounded context and print its id"),
  N_("Without --x and --y the frame goes to the right of everything on the board."),
  run_add_context,
};
