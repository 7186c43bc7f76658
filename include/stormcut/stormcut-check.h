/* stormcut-check.h: grammar warnings of a model (DOMAIN.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"

G_BEGIN_DECLS

typedef enum {
  STORMCUT_PROBLEM_EVENT_NOT_PRODUCED,     /* an event nothing produces */
  STORMCUT_PROBLEM_COMMAND_NO_EVENT,       /* a command that produces no event */
  STORMCUT_PROBLEM_POLICY_NO_TRIGGER,      /* a policy no event activates */
  STORMCUT_PROBLEM_POLICY_NO_COMMAND,      /* a policy that issues no command */
  STORMCUT_PROBLEM_AGGREGATE_NO_COMMAND,   /* an aggregate no command reaches */
  STORMCUT_PROBLEM_OUTSIDE_CONTEXT,        /* an element outside every bounded context */
  STORMCUT_N_PROBLEMS
} StormcutProblemKind;

typedef struct {
  StormcutProblemKind kind;
  char               *element_id;
  char               *message;     /* translated, names the element */
} StormcutProblem;

void        stormcut_problem_free        (StormcutProblem *problem);
/* Stable name ("event-not-produced"), for scripts. */
const char *stormcut_problem_kind_to_string (StormcutProblemKind kind);

/* Warnings of the model in document order of the elements (array of StormcutProblem*, owned). */
GPtrArray  *stormcut_model_check         (StormcutModel *model);
/* Warnings of one element (owned array). */
GPtrArray  *stormcut_model_check_element (StormcutModel *model, const char *element_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutProblem, stormcut_problem_free)

G_END_DECLS
