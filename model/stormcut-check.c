/* stormcut-check.c: grammar warnings of a model (DOMAIN.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model refuses links the grammar does not allow; these are the softer findings it
 * reports without refusing: flows that are not finished yet.
 */
#include <glib/gi18n-lib.h>

#include "stormcut-check.h"

static const char * const problem_names[STORMCUT_N_PROBLEMS] = {
  "event-not-produced",
  "command-no-event",
  "policy-no-trigger",
  "policy-no-command",
  "aggregate-no-command",
  "outside-context",
};

const char *
stormcut_problem_kind_to_string (StormcutProblemKind kind)
{
  g_return_val_if_fail (kind < STORMCUT_N_PROBLEMS, NULL);
  return problem_names[kind];
}

void
stormcut_problem_free (StormcutProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->element_id);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray              *problems,
             StormcutProblemKind     kind,
             const StormcutElement  *element,
             char                   *message)
{
  StormcutProblem *problem = g_new0 (StormcutProblem, 1);

  problem->kind = kind;
  problem->element_id = g_strdup (element->id);
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* A display name for messages, even for a sticky that has none yet. */
static const char *
element_title (const StormcutElement *element)
{
  return element->name[0] != '\0' ? element->name : element->id;
}

static void
check_element (StormcutModel         *model,
               const StormcutElement *element,
               gboolean               have_contexts,
               GPtrArray             *problems)
{
  g_autoptr(GPtrArray) links = stormcut_model_get_links_of (model, element->id);
  guint in[STORMCUT_N_KINDS] = { 0 };
  guint out[STORMCUT_N_KINDS] = { 0 };
  const char *title = element_title (element);

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);
      gboolean outgoing = g_str_equal (link->source_id, element->id);
      const StormcutElement *other = stormcut_model_get_element (model, outgoing ? link->target_id : link->source_id);

      if (other == NULL)
        continue;
      if (outgoing)
        out[other->kind]++;
      else
        in[other->kind]++;
    }

  switch (element->kind)
    {
    case STORMCUT_KIND_EVENT:
      if (in[STORMCUT_KIND_AGGREGATE] + in[STORMCUT_KIND_EXTERNAL_SYSTEM] + in[STORMCUT_KIND_COMMAND] == 0)
        add_problem (problems, STORMCUT_PROBLEM_EVENT_NOT_PRODUCED, element,
                     g_strdup_printf (_("Nothing produces the event “%s”: link an aggregate, a command or an external system to it."),
                                      title));
      break;
    case STORMCUT_KIND_COMMAND:
      {
        guint produced = out[STORMCUT_KIND_EVENT];

        /* A command handled by an aggregate or outside system produces what they produce. */
        for (guint i = 0; produced == 0 && i < links->len; i++)
          {
            const StormcutLink *link = g_ptr_array_index (links, i);
            const StormcutElement *handler = stormcut_model_get_element (model, link->target_id);
            g_autoptr(GPtrArray) handler_links = NULL;

            if (!g_str_equal (link->source_id, element->id) || handler == NULL ||
                (handler->kind != STORMCUT_KIND_AGGREGATE && handler->kind != STORMCUT_KIND_EXTERNAL_SYSTEM))
              continue;
            handler_links = stormcut_model_get_links_of (model, handler->id);
            for (guint j = 0; j < handler_links->len; j++)
              {
                const StormcutLink *handler_link = g_ptr_array_index (handler_links, j);
                const StormcutElement *target = stormcut_model_get_element (model, handler_link->target_id);

                if (g_str_equal (handler_link->source_id, handler->id) && target && target->kind == STORMCUT_KIND_EVENT)
                  produced++;
              }
          }
        if (produced == 0)
          add_problem (problems, STORMCUT_PROBLEM_COMMAND_NO_EVENT, element,
                       g_strdup_printf (_("The command “%s” produces no event: link it (or the aggregate that handles it) to an event."),
                                        title));
      }
      break;
    case STORMCUT_KIND_POLICY:
      if (in[STORMCUT_KIND_EVENT] == 0)
        add_problem (problems, STORMCUT_PROBLEM_POLICY_NO_TRIGGER, element,
                     g_strdup_printf (_("No event activates the policy “%s”."), title));
      if (out[STORMCUT_KIND_COMMAND] == 0)
        add_problem (problems, STORMCUT_PROBLEM_POLICY_NO_COMMAND, element,
                     g_strdup_printf (_("The policy “%s” issues no command."), title));
      break;
    case STORMCUT_KIND_AGGREGATE:
      if (in[STORMCUT_KIND_COMMAND] == 0)
        add_problem (problems, STORMCUT_PROBLEM_AGGREGATE_NO_COMMAND, element,
                     g_strdup_printf (_("No command reaches the aggregate “%s”."), title));
      break;
    case STORMCUT_KIND_READ_MODEL:
    case STORMCUT_KIND_EXTERNAL_SYSTEM:
    case STORMCUT_KIND_ACTOR:
    case STORMCUT_KIND_HOTSPOT:
    case STORMCUT_N_KINDS:
    default:
      break;
    }

  /* Hotspots annotate; actors and outside systems live outside contexts by nature. */
  if (have_contexts && element->context_id == NULL &&
      element->kind != STORMCUT_KIND_HOTSPOT && element->kind != STORMCUT_KIND_ACTOR &&
      element->kind != STORMCUT_KIND_EXTERNAL_SYSTEM)
    add_problem (problems, STORMCUT_PROBLEM_OUTSIDE_CONTEXT, element,
                 g_strdup_printf (_("“%s” is outside every bounded context."), title));
}

GPtrArray *
stormcut_model_check (StormcutModel *model)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_problem_free);
  GPtrArray *elements;
  gboolean have_contexts;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), problems);

  elements = stormcut_model_get_elements (model);
  have_contexts = stormcut_model_get_contexts (model)->len > 0;
  for (guint i = 0; i < elements->len; i++)
    check_element (model, g_ptr_array_index (elements, i), have_contexts, problems);
  return problems;
}

GPtrArray *
stormcut_model_check_element (StormcutModel *model,
                              const char    *element_id)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_problem_free);
  const StormcutElement *element;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), problems);

  element = stormcut_model_get_element (model, element_id);
  if (element != NULL)
    check_element (model, element, stormcut_model_get_contexts (model)->len > 0, problems);
  return problems;
}
