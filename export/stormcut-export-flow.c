/* stormcut-export-flow.c: the event flow of the board as a Graphviz graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every element is a sticky-coloured box (node id = element id), grouped in one cluster
 * per bounded context, time running left to right.  Asynchronous links are dashed;
 * hotspot annotations are dotted and have no arrow.
 */
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "stormcut-export-private.h"
#include "stormcut-grammar.h"

/* Board units per Graphviz inch: a default event sticky becomes about one inch square. */
#define BOARD_UNITS_PER_INCH 120.0

/* TRUE when black text would be hard to read on @color ("#RRGGBB"). */
static gboolean
color_is_dark (const char *color)
{
  guint r, g, b;

  if (color == NULL || strlen (color) != 7 || sscanf (color, "#%02x%02x%02x", &r, &g, &b) != 3)
    return FALSE;

  /* Relative luminance, roughly (ITU-R BT.601 weights). */
  return 0.299 * r + 0.587 * g + 0.114 * b < 110.0;
}

static void
set_inches (void       *object,
            const char *name,
            double      board_units)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", board_units / BOARD_UNITS_PER_INCH);
  stormcut_export_set (object, name, buffer);
}

static void
add_element_node (Agraph_t              *parent,
                  const StormcutElement *element)
{
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autoptr(GString) label = g_string_new (NULL);
  const char *color = stormcut_element_get_color (element);
  double width, height;
  Agnode_t *node;

  node = agnode (parent, element->id, TRUE);

  stormcut_kind_get_default_size (element->kind, &width, &height);
  set_inches (node, "width", width);
  set_inches (node, "height", height);

  if (element->kind == STORMCUT_KIND_HOTSPOT)
    stormcut_export_set (node, "shape", "diamond");
  if (element->kind == STORMCUT_KIND_ACTOR)
    stormcut_export_set (node, "fontsize", "11");

  stormcut_export_set (node, "fillcolor", color);
  if (color_is_dark (color))
    stormcut_export_set (node, "fontcolor", "white");

  stormcut_export_append_wrapped (wrapped, element->name,
                                  element->kind == STORMCUT_KIND_ACTOR ? 12 : 16);
  stormcut_export_append_html (label, wrapped->str);
  g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\"><I>");
  stormcut_export_append_html (label, stormcut_kind_get_label (element->kind));
  g_string_append (label, "</I></FONT>");
  stormcut_export_set_html (node, "label", label->str);
}

static Agraph_t *
add_context_cluster (Agraph_t              *graph,
                     const StormcutContext *context)
{
  g_autofree char *name = g_strconcat ("cluster_", context->id, NULL);
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autoptr(GString) label = g_string_new (NULL);
  Agraph_t *cluster;

  cluster = agsubg (graph, name, TRUE);

  /* Context frames: rounded, light, the name at the top left.  Set on each cluster, not
   * as defaults: a default would also style the whole drawing. */
  stormcut_export_set (cluster, "style", "rounded,filled");
  stormcut_export_set (cluster, "fillcolor", "#F6F7F9");
  stormcut_export_set (cluster, "pencolor", context->color != NULL ? context->color : "#8A96A3");
  stormcut_export_set (cluster, "penwidth", context->domain_type == STORMCUT_DOMAIN_CORE ? "2.5" : "1.2");
  stormcut_export_set (cluster, "labeljust", "l");
  stormcut_export_set (cluster, "margin", "16");
  stormcut_export_set (cluster, "fontsize", "13");

  stormcut_export_append_wrapped (wrapped, context->name, 40);
  g_string_append (label, "<B>");
  stormcut_export_append_html (label, wrapped->str);
  g_string_append (label, "</B><BR/><FONT POINT-SIZE=\"10\">");
  stormcut_export_append_html (label, stormcut_domain_type_get_label (context->domain_type));
  if (context->big_ball_of_mud)
    {
      g_string_append (label, " · ");
      stormcut_export_append_html (label, _("Big Ball of Mud"));
    }
  if (context->team != NULL && context->team[0] != '\0')
    {
      g_string_append (label, " · ");
      stormcut_export_append_html (label, context->team);
    }
  g_string_append (label, "</FONT><BR/>");
  /* Every line flush left, like the name on a frame of the board. */
  g_string_replace (label, "<BR/>", "<BR ALIGN=\"LEFT\"/>", 0);
  stormcut_export_set_html (cluster, "label", label->str);

  return cluster;
}

static void
add_legend (Agraph_t *graph,
            gboolean  any_sync,
            gboolean  any_async,
            gboolean  any_annotation)
{
  const char *samples[4] = { NULL, };
  const char *meanings[4] = { NULL, };
  guint n = 0;

  if (any_sync)
    {
      samples[n] = "━━━▶";
      meanings[n++] = _("synchronous: decides, is handled by, produces, issues");
    }
  if (any_async)
    {
      samples[n] = "━ ━ ━▶";
      meanings[n++] = _("asynchronous: an event activates a policy, updates a read model or reaches an external system");
    }
  if (any_annotation)
    {
      samples[n] = "┈┈┈┈";
      meanings[n++] = _("hotspot annotation");
    }

  if (n > 0)
    stormcut_export_add_legend (graph, samples, meanings);
}

Agraph_t *
stormcut_export_build_flow (StormcutModel  *model,
                            GError        **error)
{
  g_autoptr(Agraph_t) graph = NULL;
  g_autoptr(GHashTable) clusters = NULL;
  GPtrArray *contexts = stormcut_model_get_contexts (model);
  GPtrArray *elements = stormcut_model_get_elements (model);
  GPtrArray *links = stormcut_model_get_links (model);
  gboolean any_sync = FALSE, any_async = FALSE, any_annotation = FALSE;

  graph = stormcut_export_graph_new ("flow", stormcut_model_get_name (model));

  agattr (graph, AGRAPH, "rankdir", "LR");
  agattr (graph, AGRAPH, "newrank", "true");
  agattr (graph, AGRAPH, "nodesep", "0.3");
  agattr (graph, AGRAPH, "ranksep", "0.5");

  /* Stickies: flat coloured squares and rectangles. */
  agattr (graph, AGNODE, "shape", "box");
  agattr (graph, AGNODE, "style", "filled");
  agattr (graph, AGNODE, "color", "#00000040");
  agattr (graph, AGNODE, "penwidth", "0.8");
  agattr (graph, AGNODE, "fontsize", "12");
  agattr (graph, AGNODE, "margin", "0.12,0.08");

  agattr (graph, AGEDGE, "color", "#4A4F55");
  agattr (graph, AGEDGE, "arrowsize", "0.7");
  agattr (graph, AGEDGE, "style", "solid");

  clusters = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      Agraph_t *cluster = add_context_cluster (graph, context);

      g_hash_table_insert (clusters, context->id, cluster);
    }

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      Agraph_t *parent = NULL;

      if (element->context_id != NULL)
        parent = g_hash_table_lookup (clusters, element->context_id);

      add_element_node (parent != NULL ? parent : graph, element);
    }

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);
      const StormcutElement *source = stormcut_model_get_element (model, link->source_id);
      const StormcutElement *target = stormcut_model_get_element (model, link->target_id);
      Agnode_t *tail, *head;
      Agedge_t *edge;

      if (source == NULL || target == NULL)
        continue;

      tail = agnode (graph, source->id, FALSE);
      head = agnode (graph, target->id, FALSE);
      if (tail == NULL || head == NULL)
        continue;

      edge = agedge (graph, tail, head, NULL, TRUE);
      if (source->kind == STORMCUT_KIND_HOTSPOT)
        {
          stormcut_export_set (edge, "style", "dotted");
          stormcut_export_set (edge, "arrowhead", "none");
          any_annotation = TRUE;
        }
      else if (stormcut_grammar_is_async (source->kind, target->kind))
        {
          stormcut_export_set (edge, "style", "dashed");
          any_async = TRUE;
        }
      else
        any_sync = TRUE;
    }

  add_legend (graph, any_sync, any_async, any_annotation);

  return g_steal_pointer (&graph);
}
