/* stormcut-grammar.c: which links the event-storming grammar allows (DOMAIN.md §2)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "stormcut-grammar.h"
#include "stormcut-model.h"

typedef struct {
  StormcutKind from;
  StormcutKind to;
  gboolean     async;
  const char  *meaning;
} GrammarRule;

/* The table of DOMAIN.md §2; hotspots may annotate anything and are handled apart. */
static const GrammarRule rules[] = {
  { STORMCUT_KIND_ACTOR,           STORMCUT_KIND_COMMAND,         FALSE, N_("the actor decides to run the command") },
  { STORMCUT_KIND_READ_MODEL,      STORMCUT_KIND_ACTOR,           FALSE, N_("the actor looks at the read model") },
  { STORMCUT_KIND_COMMAND,         STORMCUT_KIND_AGGREGATE,       FALSE, N_("the command is handled by the aggregate") },
  { STORMCUT_KIND_COMMAND,         STORMCUT_KIND_EXTERNAL_SYSTEM, FALSE, N_("the command is handled by an outside system") },
  { STORMCUT_KIND_AGGREGATE,       STORMCUT_KIND_EVENT,           FALSE, N_("the aggregate produces the event") },
  { STORMCUT_KIND_EXTERNAL_SYSTEM, STORMCUT_KIND_EVENT,           FALSE, N_("the outside system produces the event") },
  { STORMCUT_KIND_COMMAND,         STORMCUT_KIND_EVENT,           FALSE, N_("the command produces the event (no aggregate drawn yet)") },
  { STORMCUT_KIND_EVENT,           STORMCUT_KIND_POLICY,          TRUE,  N_("the event activates the policy") },
  { STORMCUT_KIND_POLICY,          STORMCUT_KIND_COMMAND,         FALSE, N_("the policy issues the command") },
  { STORMCUT_KIND_EVENT,           STORMCUT_KIND_READ_MODEL,      TRUE,  N_("the event updates the read model") },
  { STORMCUT_KIND_EVENT,           STORMCUT_KIND_EXTERNAL_SYSTEM, TRUE,  N_("the event is sent to an outside system") },
  { STORMCUT_KIND_READ_MODEL,      STORMCUT_KIND_AGGREGATE,       FALSE, N_("the read model reads the aggregate's data directly") },
};

static const GrammarRule *
find_rule (StormcutKind from,
           StormcutKind to)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].from == from && rules[i].to == to)
        return &rules[i];
    }
  return NULL;
}

gboolean
stormcut_grammar_allows (StormcutKind from,
                         StormcutKind to)
{
  if (from >= STORMCUT_N_KINDS || to >= STORMCUT_N_KINDS)
    return FALSE;
  if (from == STORMCUT_KIND_HOTSPOT)
    return TRUE;
  return find_rule (from, to) != NULL;
}

gboolean
stormcut_grammar_is_async (StormcutKind from,
                           StormcutKind to)
{
  const GrammarRule *rule = find_rule (from, to);

  return rule != NULL && rule->async;
}

const char *
stormcut_grammar_describe (StormcutKind from,
                           StormcutKind to)
{
  const GrammarRule *rule;

  if (from == STORMCUT_KIND_HOTSPOT && to < STORMCUT_N_KINDS)
    return _("the hotspot annotates it");
  rule = find_rule (from, to);
  return rule ? _(rule->meaning) : NULL;
}

gboolean
stormcut_grammar_check (StormcutKind   from,
                        StormcutKind   to,
                        GError       **error)
{
  g_autoptr(GString) allowed = NULL;

  if (from >= STORMCUT_N_KINDS || to >= STORMCUT_N_KINDS)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("Unknown sticky kind."));
      return FALSE;
    }
  if (stormcut_grammar_allows (from, to))
    return TRUE;

  allowed = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (rules[i].from != from)
        continue;
      if (allowed->len > 0)
        /* Translators: separator in a list of sticky kinds */
        g_string_append (allowed, _(", "));
      g_string_append (allowed, stormcut_kind_get_label (rules[i].to));
    }

  /* Every kind but the hotspot (which may link to anything) starts at least one rule. */
  /* Translators: the first two placeholders are sticky kinds, the third a list of kinds */
  g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_GRAMMAR,
               _("A link from “%s” to “%s” is not allowed. From “%s”, link to: %s."),
               stormcut_kind_get_label (from), stormcut_kind_get_label (to),
               stormcut_kind_get_label (from), allowed->str);
  return FALSE;
}
