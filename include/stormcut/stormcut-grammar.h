/* stormcut-grammar.h: which links the event-storming grammar allows (DOMAIN.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "stormcut-types.h"

G_BEGIN_DECLS

/* TRUE when a link from a sticky of kind @from to one of kind @to is allowed. */
gboolean      stormcut_grammar_allows        (StormcutKind from, StormcutKind to);

/* TRUE for links that are asynchronous (event → policy, read model, external system). */
gboolean      stormcut_grammar_is_async      (StormcutKind from, StormcutKind to);

/* Checks a link; on refusal sets STORMCUT_MODEL_ERROR_GRAMMAR with a translated message that
 * names both kinds and what @from may link to instead. */
gboolean      stormcut_grammar_check         (StormcutKind from, StormcutKind to, GError **error);

/* Translated one-line meaning of an allowed link ("aggregate produces the event"), NULL if refused. */
const char   *stormcut_grammar_describe      (StormcutKind from, StormcutKind to);

G_END_DECLS
