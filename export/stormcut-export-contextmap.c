/* stormcut-export-contextmap.c: the context map as a Graphviz graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawn the way DDD practitioners draw context maps (Context Mapper's illustrations):
 * bounded contexts as ellipses, relationships as lines without arrowheads, "U" and "D"
 * at the upstream and downstream ends with the roles (OHS, PL / ACL, CF) boxed next to
 * them; Customer/Supplier, Partnership, Shared Kernel and Separate Ways named on the line.
 * Upstream contexts are ranked above their downstreams.
 *
 * Relationships confirmed by the user are drawn black.  Those derived from the links but
 * not yet confirmed are dashed grey and say "derived"; a derived relationship that
 * contradicts a confirmed one is dashed red.  A confirmed relationship that no link
 * supports says so on its line.
 */
#include <glib/gi18n-lib.h>

#include "stormcut-export-private.h"
#include "stormcut-contextmap.h"

#define COLOR_DERIVED     "#8C8C8C"
#define COLOR_CONTRADICTS "#C62828"

/* Appends the end label of a U/D relationship: "U" or "D", then the roles that belong to
 * that end, boxed ("U [OHS, PL]"). */
static void
append_end_label (GString       *label,
                  gboolean       upstream,
                  StormcutRoles  roles,
                  const char    *color)
{
  const char *letter = upstream ? "U" : "D";
  g_autoptr(GString) names = g_string_new (NULL);

  if (upstream)
    {
      if (roles & STORMCUT_ROLE_OHS)
        g_string_append (names, "OHS");
      if (roles & STORMCUT_ROLE_PL)
        g_string_append_printf (names, "%sPL", names->len > 0 ? ", " : "");
    }
  else
    {
      if (roles & STORMCUT_ROLE_ACL)
        g_string_append (names, "ACL");
      if (roles & STORMCUT_ROLE_CF)
        g_string_append_printf (names, "%sCF", names->len > 0 ? ", " : "");
    }

  g_string_append_printf (label,
                          "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">"
                          "<TR><TD><FONT COLOR=\"%s\">%s</FONT></TD>",
                          color, letter);
  if (names->len > 0)
    g_string_append_printf (label,
                            "<TD BORDER=\"1\" COLOR=\"%s\"><FONT COLOR=\"%s\">%s</FONT></TD>",
                            color, color, names->str);
  g_string_append (label, "</TR></TABLE>");
}

static void
set_end_labels (Agedge_t      *edge,
                StormcutRoles  roles,
                const char    *color)
{
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autoptr(GString) head = g_string_new (NULL);

  append_end_label (tail, TRUE, roles, color);
  append_end_label (head, FALSE, roles, color);
  stormcut_export_set_html (edge, "taillabel", tail->str);
  stormcut_export_set_html (edge, "headlabel", head->str);
}

/* The middle label: pattern name (for the named patterns), mode, and @extra (may be NULL). */
static void
set_middle_label (Agedge_t        *edge,
                  const char      *pattern_name,
                  StormcutMode     mode,
                  const char      *extra,
                  const char      *color)
{
  g_autoptr(GString) label = g_string_new (NULL);

  if (pattern_name != NULL)
    {
      g_string_append_printf (label, "<FONT COLOR=\"%s\"><B>", color);
      stormcut_export_append_html (label, pattern_name);
      g_string_append (label, "</B></FONT>");
    }

  if (mode != STORMCUT_MODE_UNSPECIFIED)
    {
      if (label->len > 0)
        g_string_append (label, "<BR/>");
      g_string_append_printf (label, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\"><I>", color);
      stormcut_export_append_html (label, stormcut_mode_get_label (mode));
      g_string_append (label, "</I></FONT>");
    }

  if (extra != NULL)
    {
      if (label->len > 0)
        g_string_append (label, "<BR/>");
      g_string_append_printf (label, "<FONT POINT-SIZE=\"9\" COLOR=\"%s\">", color);
      stormcut_export_append_html (label, extra);
      g_string_append (label, "</FONT>");
    }

  if (label->len > 0)
    stormcut_export_set_html (edge, "label", label->str);
}

static void
add_context_node (Agraph_t              *graph,
                  const StormcutContext *context)
{
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autoptr(GString) label = g_string_new (NULL);
  Agnode_t *node = agnode (graph, context->id, TRUE);

  stormcut_export_append_wrapped (wrapped, context->name, 24);
  g_string_append (label, "<B>");
  stormcut_export_append_html (label, wrapped->str);
  g_string_append (label, "</B><BR/><FONT POINT-SIZE=\"10\">«");
  stormcut_export_append_html (label, stormcut_domain_type_get_label (context->domain_type));
  g_string_append (label, "»</FONT>");

  if (context->team != NULL && context->team[0] != '\0')
    {
      g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#555555\">");
      stormcut_export_append_html (label, context->team);
      g_string_append (label, "</FONT>");
    }

  if (context->big_ball_of_mud)
    {
      g_string_append (label, "<BR/><FONT POINT-SIZE=\"10\" COLOR=\"#5D3A1A\"><B>");
      stormcut_export_append_html (label, _("Big Ball of Mud"));
      g_string_append (label, "</B></FONT>");
    }

  stormcut_export_set_html (node, "label", label->str);

  switch (context->domain_type)
    {
    case STORMCUT_DOMAIN_CORE:
      stormcut_export_set (node, "fillcolor", "#FFE9B3");
      stormcut_export_set (node, "penwidth", "2.5");
      break;
    case STORMCUT_DOMAIN_GENERIC:
      stormcut_export_set (node, "fillcolor", "#EFEFEF");
      break;
    case STORMCUT_DOMAIN_SUPPORTING:
    case STORMCUT_N_DOMAIN_TYPES:
    default:
      break;
    }

  if (context->big_ball_of_mud)
    {
      /* Mud: brown, with a double outline so that it shows in black and white too. */
      stormcut_export_set (node, "fillcolor", "#D9BC94");
      stormcut_export_set (node, "peripheries", "2");
    }

  if (context->external)
    stormcut_export_set (node, "style", "filled,dashed");
}

static void
add_confirmed (Agraph_t                   *graph,
               const StormcutRelationship *relationship,
               gboolean                    without_evidence)
{
  Agnode_t *first = agnode (graph, relationship->upstream_id, FALSE);
  Agnode_t *second = agnode (graph, relationship->downstream_id, FALSE);
  const char *extra = without_evidence ? _("no link supports it") : NULL;
  Agedge_t *edge;

  if (first == NULL || second == NULL)
    return;

  edge = agedge (graph, first, second, NULL, TRUE);

  switch (relationship->pattern)
    {
    case STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM:
      set_end_labels (edge, relationship->roles, "black");
      set_middle_label (edge, NULL, relationship->mode, extra, "black");
      break;
    case STORMCUT_PATTERN_CUSTOMER_SUPPLIER:
      set_end_labels (edge, relationship->roles, "black");
      set_middle_label (edge, stormcut_pattern_get_label (relationship->pattern),
                        relationship->mode, extra, "black");
      break;
    case STORMCUT_PATTERN_PARTNERSHIP:
    case STORMCUT_PATTERN_SHARED_KERNEL:
      stormcut_export_set (edge, "penwidth", "2.2");
      set_middle_label (edge, stormcut_pattern_get_label (relationship->pattern),
                        relationship->mode, extra, "black");
      break;
    case STORMCUT_PATTERN_SEPARATE_WAYS:
      /* No integration: a light dotted line that does not pull the two together. */
      stormcut_export_set (edge, "style", "dotted");
      stormcut_export_set (edge, "color", COLOR_DERIVED);
      stormcut_export_set (edge, "constraint", "false");
      set_middle_label (edge, stormcut_pattern_get_label (relationship->pattern),
                        STORMCUT_MODE_UNSPECIFIED, NULL, "#555555");
      break;
    case STORMCUT_N_PATTERNS:
    default:
      break;
    }
}

static void
add_derived (Agraph_t                          *graph,
             const StormcutDerivedRelationship *derived,
             gboolean                           contradicts)
{
  Agnode_t *upstream = agnode (graph, derived->upstream_id, FALSE);
  Agnode_t *downstream = agnode (graph, derived->downstream_id, FALSE);
  const char *color = contradicts ? COLOR_CONTRADICTS : COLOR_DERIVED;
  g_autofree char *extra = NULL;
  guint n_links = derived->link_ids->len;
  Agedge_t *edge;

  if (upstream == NULL || downstream == NULL)
    return;

  edge = agedge (graph, upstream, downstream, NULL, TRUE);
  stormcut_export_set (edge, "style", "dashed");
  stormcut_export_set (edge, "color", color);
  set_end_labels (edge, STORMCUT_ROLE_NONE, color);

  if (contradicts)
    extra = g_strdup_printf (ngettext ("derived from %u link, contradicts the confirmed map",
                                       "derived from %u links, contradicts the confirmed map",
                                       n_links), n_links);
  else
    extra = g_strdup_printf (ngettext ("derived from %u link, not confirmed",
                                       "derived from %u links, not confirmed",
                                       n_links), n_links);

  set_middle_label (edge, NULL, derived->mode, extra, color);
}

static void
add_legend (Agraph_t *graph,
            gboolean  any_derived,
            gboolean  any_contradiction)
{
  const char *samples[4] = { NULL, };
  const char *meanings[4] = { NULL, };
  guint n = 0;

  samples[n] = "U <FONT POINT-SIZE=\"9\">[OHS, PL]</FONT> ━━ D <FONT POINT-SIZE=\"9\">[ACL]</FONT>";
  meanings[n++] = _("U, D: the upstream and downstream ends; boxed: the role of that end (OHS, PL, ACL, CF)");
  if (any_derived)
    {
      samples[n] = "<FONT COLOR=\"" COLOR_DERIVED "\">━ ━ ━</FONT>";
      meanings[n++] = _("derived from the links between the contexts, not yet confirmed");
    }
  if (any_contradiction)
    {
      samples[n] = "<FONT COLOR=\"" COLOR_CONTRADICTS "\">━ ━ ━</FONT>";
      meanings[n++] = _("derived from the links, but contradicts a confirmed relationship");
    }

  stormcut_export_add_legend (graph, samples, meanings);
}

Agraph_t *
stormcut_export_build_context_map (StormcutModel  *model,
                                   GError        **error)
{
  g_autoptr(Agraph_t) graph = NULL;
  g_autoptr(StormcutContextMap) map = NULL;
  g_autoptr(GHashTable) unsupported = NULL;
  g_autofree char *title = NULL;
  GPtrArray *contexts = stormcut_model_get_contexts (model);
  GPtrArray *relationships = stormcut_model_get_relationships (model);
  gboolean any_derived = FALSE, any_contradiction = FALSE;

  /* Translators: title of the context map diagram; %s is the model name. */
  title = g_strdup_printf (_("%s: context map"), stormcut_model_get_name (model));
  graph = stormcut_export_graph_new ("context_map", title);

  agattr (graph, AGRAPH, "rankdir", "TB");
  agattr (graph, AGRAPH, "nodesep", "0.8");
  agattr (graph, AGRAPH, "ranksep", "1.0");

  agattr (graph, AGNODE, "shape", "ellipse");
  agattr (graph, AGNODE, "style", "filled");
  agattr (graph, AGNODE, "fillcolor", "white");
  agattr (graph, AGNODE, "penwidth", "1.4");
  agattr (graph, AGNODE, "fontsize", "13");
  agattr (graph, AGNODE, "margin", "0.25,0.12");

  agattr (graph, AGEDGE, "dir", "none");
  agattr (graph, AGEDGE, "penwidth", "1.4");
  agattr (graph, AGEDGE, "fontsize", "10");
  agattr (graph, AGEDGE, "labelfontsize", "10");
  agattr (graph, AGEDGE, "labeldistance", "2");
  agattr (graph, AGEDGE, "labelangle", "25");

  for (guint i = 0; i < contexts->len; i++)
    add_context_node (graph, g_ptr_array_index (contexts, i));

  map = stormcut_context_map_derive (model);

  unsupported = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < map->entries->len; i++)
    {
      const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);

      if (entry->status == STORMCUT_CONTEXT_MAP_NO_EVIDENCE && entry->relationship_id != NULL)
        g_hash_table_add (unsupported, entry->relationship_id);
    }

  for (guint i = 0; i < relationships->len; i++)
    {
      const StormcutRelationship *relationship = g_ptr_array_index (relationships, i);

      add_confirmed (graph, relationship, g_hash_table_contains (unsupported, relationship->id));
    }

  for (guint i = 0; i < map->entries->len; i++)
    {
      const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);

      if (entry->derived == NULL)
        continue;
      if (entry->status == STORMCUT_CONTEXT_MAP_NOT_CONFIRMED)
        {
          add_derived (graph, entry->derived, FALSE);
          any_derived = TRUE;
        }
      else if (entry->status == STORMCUT_CONTEXT_MAP_CONTRADICTS)
        {
          add_derived (graph, entry->derived, TRUE);
          any_contradiction = TRUE;
        }
    }

  if (relationships->len > 0 || any_derived || any_contradiction)
    add_legend (graph, any_derived, any_contradiction);

  return g_steal_pointer (&graph);
}
