/* stormcut-export-services.c: the candidate services as a Graphviz graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each service is a box with the data it owns (its aggregates) drawn as database cylinders
 * hanging below it.  Between services:
 *   synchronous calls      solid arrow from the caller to the service it calls, naming the
 *                          commands called;
 *   event subscriptions    dashed arrow from the publisher to the subscriber, naming the events;
 *   direct reads of data   red arrow from the reader to the other service's database,
 *                          "shared DB";
 *   ownership violations   red dashed arrow from the service whose command writes another
 *                          service's data to that database.
 * External contexts ("not a service") are grey and dashed.
 *
 * Node ids: "service/<first context id>" and "data/<aggregate id>"; '/' never occurs in a
 * model id, so they cannot collide.
 */
#include <glib/gi18n-lib.h>

#include "stormcut-export-private.h"
#include "stormcut-services.h"

#define COLOR_SHARED "#C62828"
#define MAX_NAMES_IN_LABEL 4

/* One edge between two nodes of the map, with the distinct element names it carries. */
typedef struct {
  Agnode_t  *tail;
  Agnode_t  *head;
  int        kind;          /* EDGE_* below */
  GPtrArray *names;         /* of const char*, borrowed from the model */
} PendingEdge;

enum {
  EDGE_SYNC,
  EDGE_ASYNC,
  EDGE_SHARED_READ,
  EDGE_OWNERSHIP,
  N_EDGE_KINDS
};

static void
pending_edge_free (PendingEdge *pending)
{
  g_ptr_array_unref (pending->names);
  g_free (pending);
}

static char *
service_node_id (const StormcutService *service)
{
  const char *first = service->context_ids->len > 0 ? g_ptr_array_index (service->context_ids, 0) : service->id;

  return g_strconcat ("service/", first, NULL);
}

/* Appends "a, b, c, … (+2)" of the names in @names. */
static void
append_names (GString   *label,
              GPtrArray *names)
{
  for (guint i = 0; i < names->len && i < MAX_NAMES_IN_LABEL; i++)
    {
      g_autoptr(GString) flat = g_string_new (g_ptr_array_index (names, i));

      g_strdelimit (flat->str, "\n\r\t", ' ');
      if (i > 0)
        g_string_append (label, ",<BR/>");
      stormcut_export_append_html (label, flat->str);
    }

  if (names->len > MAX_NAMES_IN_LABEL)
    g_string_append_printf (label, ",<BR/>… (+%u)", names->len - MAX_NAMES_IN_LABEL);
}

static void
add_unique_name (GPtrArray  *names,
                 const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return;

  g_ptr_array_add (names, (gpointer) name);
}

static Agnode_t *
add_service (Agraph_t              *graph,
             StormcutModel         *model,
             const StormcutService *service)
{
  g_autofree char *node_id = service_node_id (service);
  g_autoptr(GString) label = g_string_new (NULL);
  g_autoptr(GString) wrapped = g_string_new (NULL);
  g_autoptr(GPtrArray) api_names = g_ptr_array_new ();
  Agnode_t *node;

  /* No frame around a service and its data: dot ranks clusters as blocks, which puts two
   * services that depend on each other side by side with their labels on top of each other. */
  node = agnode (graph, node_id, TRUE);

  stormcut_export_append_wrapped (wrapped, service->name, 24);
  g_string_append (label, "<B>");
  stormcut_export_append_html (label, wrapped->str);
  g_string_append (label, "</B>");

  if (service->code_name != NULL && service->code_name[0] != '\0')
    {
      g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#455A64\">");
      stormcut_export_append_html (label, service->code_name);
      g_string_append (label, "</FONT>");
    }

  if (service->context_ids->len > 1)
    {
      g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\">");
      for (guint i = 0; i < service->context_ids->len; i++)
        {
          const StormcutContext *context = stormcut_model_get_context (model, g_ptr_array_index (service->context_ids, i));

          if (context == NULL)
            continue;
          if (i > 0)
            g_string_append (label, " + ");
          stormcut_export_append_html (label, context->name);
        }
      g_string_append (label, "</FONT>");
    }

  if (service->external)
    {
      g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\"><I>");
      stormcut_export_append_html (label, _("external, not a service"));
      g_string_append (label, "</I></FONT>");
      stormcut_export_set (node, "style", "rounded,filled,dashed");
      stormcut_export_set (node, "fillcolor", "#EEEEEE");
      stormcut_export_set (node, "fontcolor", "#555555");
      stormcut_export_set (node, "color", "#888888");
    }
  else
    {
      for (guint i = 0; i < service->provided->len; i++)
        {
          const StormcutServiceApi *api = g_ptr_array_index (service->provided, i);
          const StormcutElement *element = stormcut_model_get_element (model, api->element_id);

          if (element != NULL)
            add_unique_name (api_names, element->name);
        }

      if (api_names->len > 0)
        {
          g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\">API: ");
          append_names (label, api_names);
          g_string_append (label, "</FONT>");
        }

      if (service->aggregate_ids->len == 0)
        {
          g_string_append (label, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"" COLOR_SHARED "\"><I>");
          stormcut_export_append_html (label, _("owns no data"));
          g_string_append (label, "</I></FONT>");
        }
    }

  stormcut_export_set_html (node, "label", label->str);

  for (guint i = 0; i < service->aggregate_ids->len; i++)
    {
      const char *aggregate_id = g_ptr_array_index (service->aggregate_ids, i);
      const StormcutElement *aggregate = stormcut_model_get_element (model, aggregate_id);
      g_autofree char *data_id = g_strconcat ("data/", aggregate_id, NULL);
      g_autoptr(GString) data_label = g_string_new (NULL);
      g_autoptr(GString) data_wrapped = g_string_new (NULL);
      Agnode_t *data;
      Agedge_t *edge;

      if (aggregate == NULL)
        continue;

      data = agnode (graph, data_id, TRUE);
      stormcut_export_set (data, "shape", "cylinder");
      stormcut_export_set (data, "fillcolor", stormcut_element_get_color (aggregate));
      stormcut_export_set (data, "fontsize", "10");
      stormcut_export_append_wrapped (data_wrapped, aggregate->name, 16);
      stormcut_export_append_html (data_label, data_wrapped->str);
      stormcut_export_set_html (data, "label", data_label->str);

      edge = agedge (graph, node, data, NULL, TRUE);
      stormcut_export_set (edge, "arrowhead", "none");
      stormcut_export_set (edge, "color", "#78909C");
      stormcut_export_set (edge, "weight", "8");
    }

  return node;
}

/* Finds or adds the pending edge from @tail to @head of @kind and records @name on it. */
static void
note_edge (GPtrArray  *pending,
           GHashTable *index,
           Agnode_t   *tail,
           Agnode_t   *head,
           int         kind,
           const char *name)
{
  g_autofree char *key = g_strdup_printf ("%p>%p>%d", (void *) tail, (void *) head, kind);
  PendingEdge *edge = g_hash_table_lookup (index, key);

  if (edge == NULL)
    {
      edge = g_new0 (PendingEdge, 1);
      edge->tail = tail;
      edge->head = head;
      edge->kind = kind;
      edge->names = g_ptr_array_new ();
      g_ptr_array_add (pending, edge);
      g_hash_table_insert (index, g_steal_pointer (&key), edge);
    }

  if (name != NULL)
    add_unique_name (edge->names, name);
}

static void
draw_edge (Agraph_t    *graph,
           PendingEdge *pending)
{
  g_autoptr(GString) label = g_string_new (NULL);
  Agedge_t *edge = agedge (graph, pending->tail, pending->head, NULL, TRUE);
  const char *color = "black";

  switch (pending->kind)
    {
    case EDGE_ASYNC:
      stormcut_export_set (edge, "style", "dashed");
      g_string_append (label, "<I>");
      stormcut_export_append_html (label, _("events"));
      g_string_append (label, ":</I> ");
      break;
    case EDGE_SHARED_READ:
      color = COLOR_SHARED;
      stormcut_export_set (edge, "penwidth", "2");
      g_string_append (label, "<B>");
      stormcut_export_append_html (label, _("shared DB"));
      g_string_append (label, "</B>: ");
      break;
    case EDGE_OWNERSHIP:
      color = COLOR_SHARED;
      stormcut_export_set (edge, "style", "dashed");
      stormcut_export_set (edge, "penwidth", "2");
      g_string_append (label, "<B>");
      stormcut_export_append_html (label, _("writes data it does not own"));
      g_string_append (label, "</B>: ");
      break;
    case EDGE_SYNC:
    default:
      g_string_append (label, "<I>");
      stormcut_export_set (edge, "style", "solid");
      stormcut_export_append_html (label, _("calls"));
      g_string_append (label, ":</I> ");
      break;
    }

  append_names (label, pending->names);

  stormcut_export_set (edge, "color", color);
  stormcut_export_set (edge, "fontcolor", color);
  stormcut_export_set_html (edge, "label", label->str);
}

/* The legend: the kinds of line that were drawn, and the database cylinder. */
static void
add_legend (Agraph_t       *graph,
            const gboolean *drawn,
            gboolean        has_services)
{
  const char *samples[N_EDGE_KINDS + 2] = { NULL, };
  const char *meanings[N_EDGE_KINDS + 2] = { NULL, };
  guint n = 0;

  if (!has_services)
    return;

  samples[n] = "<FONT COLOR=\"#78909C\">━━</FONT> <B>DB</B>";
  meanings[n++] = _("data only this service writes (its aggregates)");
  if (drawn[EDGE_SYNC])
    {
      samples[n] = "━━━▶";
      meanings[n++] = _("calls: synchronous request/response");
    }
  if (drawn[EDGE_ASYNC])
    {
      samples[n] = "━ ━ ━▶";
      meanings[n++] = _("events: asynchronous publish/subscribe, from publisher to subscriber");
    }
  if (drawn[EDGE_SHARED_READ])
    {
      samples[n] = "<FONT COLOR=\"" COLOR_SHARED "\">━━━▶</FONT>";
      meanings[n++] = _("shared DB: reads another service's data directly");
    }
  if (drawn[EDGE_OWNERSHIP])
    {
      samples[n] = "<FONT COLOR=\"" COLOR_SHARED "\">━ ━ ━▶</FONT>";
      meanings[n++] = _("writes data that another service owns");
    }

  stormcut_export_add_legend (graph, samples, meanings);
}

Agraph_t *
stormcut_export_build_service_map (StormcutModel  *model,
                                   GError        **error)
{
  g_autoptr(Agraph_t) graph = NULL;
  g_autoptr(StormcutServiceAnalysis) analysis = NULL;
  g_autoptr(GHashTable) nodes = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) pending_index = NULL;
  g_autofree char *title = NULL;
  GPtrArray *links = stormcut_model_get_links (model);
  gboolean drawn[N_EDGE_KINDS] = { FALSE, };

  /* Translators: title of the service map diagram; %s is the model name. */
  title = g_strdup_printf (_("%s: candidate microservices"), stormcut_model_get_name (model));
  graph = stormcut_export_graph_new ("services", title);

  agattr (graph, AGRAPH, "rankdir", "TB");
  agattr (graph, AGRAPH, "nodesep", "0.5");
  agattr (graph, AGRAPH, "ranksep", "0.9");

  agattr (graph, AGNODE, "shape", "box");
  agattr (graph, AGNODE, "style", "rounded,filled");
  agattr (graph, AGNODE, "fillcolor", "#DCEAF7");
  agattr (graph, AGNODE, "color", "#37474F");
  agattr (graph, AGNODE, "penwidth", "1.4");
  agattr (graph, AGNODE, "fontsize", "12");
  agattr (graph, AGNODE, "margin", "0.2,0.1");

  agattr (graph, AGEDGE, "fontsize", "9");
  agattr (graph, AGEDGE, "arrowsize", "0.8");

  analysis = stormcut_services_analyze (model);

  nodes = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < analysis->services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (analysis->services, i);

      g_hash_table_insert (nodes, (gpointer) service, add_service (graph, model, service));
    }

  pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_edge_free);
  pending_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < analysis->services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (analysis->services, i);
      Agnode_t *node = g_hash_table_lookup (nodes, service);

      for (guint j = 0; j < service->required_sync->len; j++)
        {
          const StormcutServiceDependency *dep = g_ptr_array_index (service->required_sync, j);
          const StormcutService *target = stormcut_service_analysis_get_service (analysis, dep->target_service_id);
          const StormcutElement *element = stormcut_model_get_element (model, dep->target_element_id);

          if (target != NULL && target != service)
            note_edge (pending, pending_index, node, g_hash_table_lookup (nodes, target), EDGE_SYNC,
                       element != NULL ? element->name : NULL);
        }

      for (guint j = 0; j < service->subscriptions->len; j++)
        {
          const StormcutServiceDependency *dep = g_ptr_array_index (service->subscriptions, j);
          const StormcutService *publisher = stormcut_service_analysis_get_service (analysis, dep->target_service_id);
          const StormcutElement *element = stormcut_model_get_element (model, dep->target_element_id);

          if (publisher != NULL && publisher != service)
            note_edge (pending, pending_index, g_hash_table_lookup (nodes, publisher), node, EDGE_ASYNC,
                       element != NULL ? element->name : NULL);
        }

      for (guint j = 0; j < service->direct_reads->len; j++)
        {
          const StormcutServiceDependency *dep = g_ptr_array_index (service->direct_reads, j);
          const StormcutService *owner = stormcut_service_analysis_get_service (analysis, dep->target_service_id);
          const StormcutElement *reader = stormcut_model_get_element (model, dep->source_element_id);
          g_autofree char *data_id = g_strconcat ("data/", dep->target_element_id, NULL);
          Agnode_t *data = agnode (graph, data_id, FALSE);

          if (data == NULL && owner != NULL)
            data = g_hash_table_lookup (nodes, owner);
          if (data != NULL && owner != service)
            note_edge (pending, pending_index, node, data, EDGE_SHARED_READ,
                       reader != NULL ? reader->name : NULL);
        }
    }

  /* Ownership violations: a command of one service handled by another service's aggregate. */
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);
      const StormcutElement *source = stormcut_model_get_element (model, link->source_id);
      const StormcutElement *target = stormcut_model_get_element (model, link->target_id);
      const StormcutService *writer, *owner;
      g_autofree char *data_id = NULL;
      Agnode_t *data;

      if (source == NULL || target == NULL
          || source->kind != STORMCUT_KIND_COMMAND || target->kind != STORMCUT_KIND_AGGREGATE)
        continue;

      writer = stormcut_service_analysis_get_service_of_element (analysis, source);
      owner = stormcut_service_analysis_get_service_of_element (analysis, target);
      if (writer == NULL || owner == NULL || writer == owner)
        continue;

      data_id = g_strconcat ("data/", target->id, NULL);
      data = agnode (graph, data_id, FALSE);
      note_edge (pending, pending_index, g_hash_table_lookup (nodes, writer),
                 data != NULL ? data : g_hash_table_lookup (nodes, owner),
                 EDGE_OWNERSHIP, source->name);
    }

  for (guint i = 0; i < pending->len; i++)
    {
      PendingEdge *edge = g_ptr_array_index (pending, i);

      if (edge->tail != NULL && edge->head != NULL)
        {
          draw_edge (graph, edge);
          drawn[edge->kind] = TRUE;
        }
    }

  add_legend (graph, drawn, analysis->services->len > 0);

  return g_steal_pointer (&graph);
}
