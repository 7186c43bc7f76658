/* stormcut-services.c: microservice candidates, their data, APIs, dependencies and findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "stormcut/stormcut-services.h"
#include "stormcut-analysis-private.h"

/* Private bookkeeping while analysing; the public records are filled from it. */
typedef struct {
  StormcutService *service;
  guint            index;        /* position in analysis->services */
  GHashTable      *api_by_element;  /* StormcutElement* -> StormcutServiceApi* (borrowed) */
  GArray          *api_ordinals;    /* gint64: ordinal of the element of each provided API,
                                     * NULL for bare APIs (see Analyzer.apis_only) */
} ServiceInfo;

typedef struct {
  StormcutModel           *model;
  StormcutServiceAnalysis *analysis;
  GArray                  *links;      /* StormcutResolvedLink, document order */
  GPtrArray               *infos;      /* ServiceInfo*, service order */
  GHashTable              *info_of;    /* StormcutService* -> ServiceInfo* */
  GHashTable              *info_of_context;  /* context id -> ServiceInfo* */
  /* the last context looked up, since neighbouring elements mostly share one */
  const char              *last_context_id;
  ServiceInfo             *last_info;
  /* edges of the dependency graph: "i\nj" -> GPtrArray of link ids (borrowed strings) */
  GHashTable              *edges;
  GHashTable              *hard_edges;  /* keys of the edges with a call, direct read or write (set) */
  /* chatty pairs: "i\nj" (i < j) -> GPtrArray of link ids */
  GHashTable              *pairs;
  /* shared data: "reader\nowner" -> GPtrArray of link ids */
  GHashTable              *shared;
  GPtrArray               *shared_order;  /* keys in first-seen order (borrowed from @shared) */
  GPtrArray               *chatty_order;
  GPtrArray               *violations;    /* StormcutServiceFinding*, link order */
  /* policies activated by an event that an external system produces:
   * policy element -> GPtrArray of (external system id, link id, link id) triples (borrowed) */
  GHashTable              *external_triggers;
  /* only the services and which APIs they provide, for the FP count: the APIs are bare
   * (no callers, no links) and the analysis has no dependencies and no findings */
  gboolean                 apis_only;
} Analyzer;

static GPtrArray *
string_array_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
add_unique (GPtrArray  *array,
            const char *value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_str_equal (g_ptr_array_index (array, i), value))
      return;
  g_ptr_array_add (array, g_strdup (value));
}

static void
info_free (ServiceInfo *info)
{
  g_clear_pointer (&info->api_by_element, g_hash_table_unref);
  g_clear_pointer (&info->api_ordinals, g_array_unref);
  g_free (info);
}

static gboolean
is_ascii_identifier (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static ServiceInfo *
info_of_element (Analyzer              *self,
                 const StormcutElement *element)
{
  if (element == NULL || element->context_id == NULL)
    return NULL;
  if (self->last_context_id == NULL || strcmp (self->last_context_id, element->context_id) != 0)
    {
      self->last_context_id = element->context_id;
      self->last_info = g_hash_table_lookup (self->info_of_context, element->context_id);
    }
  return self->last_info;
}

static StormcutServiceApi *
ensure_api (ServiceInfo           *info,
            const StormcutElement *element)
{
  StormcutServiceApi *api = g_hash_table_lookup (info->api_by_element, element);

  if (api == NULL)
    {
      api = g_new0 (StormcutServiceApi, 1);
      api->element_id = g_strdup (element->id);
      g_ptr_array_add (info->service->provided, api);
      if (info->api_ordinals != NULL)
        {
          api->caller_ids = string_array_new ();
          api->link_ids = string_array_new ();
          g_array_append_val (info->api_ordinals, element->ordinal);
        }
      g_hash_table_insert (info->api_by_element, (gpointer) element, api);
    }
  return api;
}

static StormcutServiceDependency *
dependency_new (StormcutMode        mode,
                const char         *source_id,
                const char         *target_id,
                const char         *target_service_id,
                const char         *link_id)
{
  StormcutServiceDependency *dependency = g_new0 (StormcutServiceDependency, 1);

  dependency->mode = mode;
  dependency->source_element_id = g_strdup (source_id);
  dependency->target_element_id = g_strdup (target_id);
  dependency->target_service_id = g_strdup (target_service_id);
  dependency->link_id = g_strdup (link_id);
  return dependency;
}

static StormcutServiceFinding *
finding_new (StormcutFindingKind kind)
{
  StormcutServiceFinding *finding = g_new0 (StormcutServiceFinding, 1);

  finding->kind = kind;
  finding->service_ids = string_array_new ();
  finding->element_ids = string_array_new ();
  finding->link_ids = string_array_new ();
  return finding;
}

/* Appends @link_id to the list under "a\nb" in @table, creating it (and recording the key in
 * @order when not NULL).  Returns the list. */
static GPtrArray *
add_to_keyed (GHashTable *table,
              GPtrArray  *order,
              guint       a,
              guint       b,
              const char *link_id)
{
  char *key = g_strdup_printf ("%u\n%u", a, b);
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, key, list);
      if (order != NULL)
        g_ptr_array_add (order, key);
    }
  else
    g_free (key);
  g_ptr_array_add (list, (gpointer) link_id);
  return list;
}

/* Service @a depends on service @b through @link_id; @hard for anything but an event. */
static void
add_edge (Analyzer   *self,
          guint       a,
          guint       b,
          const char *link_id,
          gboolean    hard)
{
  add_to_keyed (self->edges, NULL, a, b, link_id);
  if (hard)
    g_hash_table_add (self->hard_edges, g_strdup_printf ("%u\n%u", a, b));
}

static void
parse_pair (const char *key,
            guint      *a,
            guint      *b)
{
  char *end = NULL;

  *a = (guint) g_ascii_strtoull (key, &end, 10);
  *b = (guint) g_ascii_strtoull (end + 1, NULL, 10);
}

/* --- building ---------------------------------------------------------------------- */

static void
build_services (Analyzer *self)
{
  GPtrArray *contexts = stormcut_model_get_contexts (self->model);

  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      g_autofree char *id = NULL;
      StormcutService *service;
      ServiceInfo *info;

      if (context->service != NULL && context->service[0] != '\0')
        id = g_strconcat ("service:", context->service, NULL);
      else
        id = g_strdup (context->id);

      service = g_hash_table_lookup (self->analysis->by_id, id);
      if (service == NULL)
        {
          service = g_new0 (StormcutService, 1);
          service->id = g_steal_pointer (&id);
          if (context->service != NULL && context->service[0] != '\0')
            service->name = g_strdup (context->service);
          else
            service->name = g_strdup (context->name);
          service->external = TRUE;
          service->context_ids = string_array_new ();
          service->aggregate_ids = string_array_new ();
          service->provided = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_api_free);
          service->required_sync = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_dependency_free);
          service->subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_dependency_free);
          service->direct_reads = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_dependency_free);
          g_ptr_array_add (self->analysis->services, service);
          g_hash_table_insert (self->analysis->by_id, service->id, service);

          info = g_new0 (ServiceInfo, 1);
          info->service = service;
          info->index = self->infos->len;
          info->api_by_element = g_hash_table_new (g_direct_hash, g_direct_equal);
          if (!self->apis_only)
            info->api_ordinals = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (self->infos, info);
          g_hash_table_insert (self->info_of, service, info);
        }
      g_ptr_array_add (service->context_ids, g_strdup (context->id));
      service->external = service->external && context->external;
      g_hash_table_insert (self->analysis->by_context, g_strdup (context->id), service);
      g_hash_table_insert (self->info_of_context, context->id, g_hash_table_lookup (self->info_of, service));
    }

  /* Code names. */
  for (guint i = 0; i < self->analysis->services->len; i++)
    {
      StormcutService *service = g_ptr_array_index (self->analysis->services, i);
      gboolean named = g_str_has_prefix (service->id, "service:");

      if (named && is_ascii_identifier (service->name))
        service->code_name = g_strdup (service->name);
      else
        {
          GString *code = g_string_new (NULL);

          for (guint j = 0; j < service->context_ids->len; j++)
            {
              const StormcutContext *context = stormcut_model_get_context (self->model, g_ptr_array_index (service->context_ids, j));
              if (context->code_name != NULL)
                g_string_append (code, context->code_name);
            }
          service->code_name = g_string_free (code, FALSE);
        }
    }
}

static void
scan_elements (Analyzer *self)
{
  GPtrArray *elements = stormcut_model_get_elements (self->model);

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      ServiceInfo *info;

      if (element->kind != STORMCUT_KIND_AGGREGATE && element->kind != STORMCUT_KIND_READ_MODEL)
        continue;
      info = info_of_element (self, element);
      if (info == NULL)
        continue;
      if (element->kind == STORMCUT_KIND_AGGREGATE)
        g_ptr_array_add (info->service->aggregate_ids, g_strdup (element->id));
      else
        ensure_api (info, element);
    }
}

/* Policies activated by events that external systems produce. */
static void
scan_external_triggers (Analyzer *self)
{
  GArray *links = self->links;
  g_autoptr(GHashTable) produced_by = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);

  /* event -> [external system id, link id, ...] */
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutResolvedLink *resolved = &g_array_index (links, StormcutResolvedLink, i);
      const StormcutLink *link = resolved->link;
      const StormcutElement *source = resolved->source;
      const StormcutElement *target = resolved->target;
      GPtrArray *list;

      if (resolved->source_kind != STORMCUT_KIND_EXTERNAL_SYSTEM || resolved->target_kind != STORMCUT_KIND_EVENT)
        continue;
      list = g_hash_table_lookup (produced_by, target);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (produced_by, (gpointer) target, list);
        }
      g_ptr_array_add (list, source->id);
      g_ptr_array_add (list, link->id);
    }
  if (g_hash_table_size (produced_by) == 0)
    return;

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutResolvedLink *resolved = &g_array_index (links, StormcutResolvedLink, i);
      const StormcutLink *link = resolved->link;
      const StormcutElement *target = resolved->target;
      GPtrArray *producers;
      GPtrArray *triggers;

      if (resolved->source_kind != STORMCUT_KIND_EVENT || resolved->target_kind != STORMCUT_KIND_POLICY)
        continue;
      producers = g_hash_table_lookup (produced_by, resolved->source);
      if (producers == NULL)
        continue;
      triggers = g_hash_table_lookup (self->external_triggers, target);
      if (triggers == NULL)
        {
          triggers = g_ptr_array_new ();
          g_hash_table_insert (self->external_triggers, (gpointer) target, triggers);
        }
      for (guint j = 0; j + 1 < producers->len; j += 2)
        {
          g_ptr_array_add (triggers, g_ptr_array_index (producers, j));      /* external system */
          g_ptr_array_add (triggers, g_ptr_array_index (producers, j + 1));  /* external -> event */
          g_ptr_array_add (triggers, link->id);                              /* event -> policy */
        }
    }
}

static void
add_ownership_violation (Analyzer              *self,
                         ServiceInfo           *writer,
                         ServiceInfo           *owner,
                         const StormcutElement *command,
                         const StormcutElement *aggregate,
                         const StormcutLink    *link)
{
  StormcutServiceFinding *finding = finding_new (STORMCUT_FINDING_OWNERSHIP_VIOLATION);

  g_ptr_array_add (finding->service_ids, g_strdup (writer->service->id));
  g_ptr_array_add (finding->service_ids, g_strdup (owner->service->id));
  g_ptr_array_add (finding->element_ids, g_strdup (command->id));
  g_ptr_array_add (finding->element_ids, g_strdup (aggregate->id));
  g_ptr_array_add (finding->link_ids, g_strdup (link->id));
  finding->message = g_strdup_printf (_("The command “%s” of service “%s” writes the aggregate “%s”, whose data service “%s” owns. Move the command into “%s” or call its API instead."),
                                      command->name, writer->service->name, aggregate->name,
                                      owner->service->name, owner->service->name);
  g_ptr_array_add (self->violations, finding);
}

static void
scan_links (Analyzer *self)
{
  GArray *links = self->links;

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutResolvedLink *resolved = &g_array_index (links, StormcutResolvedLink, i);
      const StormcutLink *link = resolved->link;
      const StormcutElement *source = resolved->source;
      const StormcutElement *target = resolved->target;
      ServiceInfo *from, *to;
      gboolean across;

      from = info_of_element (self, source);
      to = info_of_element (self, target);
      across = from != NULL && to != NULL && from != to;

      if (across && resolved->source_kind != STORMCUT_KIND_HOTSPOT && resolved->target_kind != STORMCUT_KIND_HOTSPOT)
        add_to_keyed (self->pairs, self->chatty_order,
                      MIN (from->index, to->index), MAX (from->index, to->index), link->id);

      switch (resolved->source_kind)
        {
        case STORMCUT_KIND_ACTOR:
          if (resolved->target_kind == STORMCUT_KIND_COMMAND && to != NULL)
            {
              StormcutServiceApi *api = ensure_api (to, target);
              add_unique (api->caller_ids, source->id);
              add_unique (api->link_ids, link->id);
            }
          break;

        case STORMCUT_KIND_POLICY:
          if (resolved->target_kind != STORMCUT_KIND_COMMAND || to == NULL)
            break;
          if (from != to)
            {
              StormcutServiceApi *api = ensure_api (to, target);
              add_unique (api->caller_ids, source->id);
              add_unique (api->link_ids, link->id);
              if (from != NULL)
                {
                  g_ptr_array_add (from->service->required_sync,
                                   dependency_new (STORMCUT_MODE_SYNC, source->id, target->id, to->service->id, link->id));
                  add_edge (self, from->index, to->index, link->id, TRUE);
                }
            }
          else
            {
              GPtrArray *triggers = g_hash_table_lookup (self->external_triggers, source);

              if (triggers != NULL)
                {
                  StormcutServiceApi *api = ensure_api (to, target);

                  for (guint j = 0; j + 2 < triggers->len; j += 3)
                    {
                      add_unique (api->caller_ids, g_ptr_array_index (triggers, j));
                      add_unique (api->link_ids, g_ptr_array_index (triggers, j + 1));
                      add_unique (api->link_ids, g_ptr_array_index (triggers, j + 2));
                    }
                  add_unique (api->link_ids, link->id);
                }
            }
          break;

        case STORMCUT_KIND_EVENT:
          if (across && (resolved->target_kind == STORMCUT_KIND_POLICY || resolved->target_kind == STORMCUT_KIND_READ_MODEL))
            {
              g_ptr_array_add (to->service->subscriptions,
                               dependency_new (STORMCUT_MODE_ASYNC, target->id, source->id, from->service->id, link->id));
              add_edge (self, to->index, from->index, link->id, FALSE);
            }
          break;

        case STORMCUT_KIND_READ_MODEL:
          if (resolved->target_kind == STORMCUT_KIND_AGGREGATE && across)
            {
              g_ptr_array_add (from->service->direct_reads,
                               dependency_new (STORMCUT_MODE_SHARED_DATA, source->id, target->id, to->service->id, link->id));
              add_edge (self, from->index, to->index, link->id, TRUE);
              add_to_keyed (self->shared, self->shared_order, from->index, to->index, link->id);
            }
          else if (resolved->target_kind == STORMCUT_KIND_ACTOR && from != NULL)
            {
              StormcutServiceApi *api = ensure_api (from, source);
              add_unique (api->caller_ids, target->id);
              add_unique (api->link_ids, link->id);
            }
          break;

        case STORMCUT_KIND_COMMAND:
          if (resolved->target_kind == STORMCUT_KIND_AGGREGATE && across)
            {
              add_ownership_violation (self, from, to, source, target, link);
              add_edge (self, from->index, to->index, link->id, TRUE);
            }
          break;

        case STORMCUT_KIND_AGGREGATE:
        case STORMCUT_KIND_EXTERNAL_SYSTEM:
        case STORMCUT_KIND_HOTSPOT:
        case STORMCUT_N_KINDS:
        default:
          break;
        }
    }
}

/* What scan_links() does to the provided APIs alone, for the FP count, which needs to know
 * which APIs exist but not who calls them, the dependencies or the findings. */
static void
scan_links_for_apis (Analyzer *self)
{
  GArray *links = self->links;

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutResolvedLink *resolved = &g_array_index (links, StormcutResolvedLink, i);
      ServiceInfo *from, *to;

      switch (resolved->source_kind)
        {
        case STORMCUT_KIND_ACTOR:
          if (resolved->target_kind == STORMCUT_KIND_COMMAND && (to = info_of_element (self, resolved->target)) != NULL)
            ensure_api (to, resolved->target);
          break;

        case STORMCUT_KIND_POLICY:
          if (resolved->target_kind != STORMCUT_KIND_COMMAND || (to = info_of_element (self, resolved->target)) == NULL)
            break;
          from = info_of_element (self, resolved->source);
          if (from != to || g_hash_table_lookup (self->external_triggers, resolved->source) != NULL)
            ensure_api (to, resolved->target);
          break;

        case STORMCUT_KIND_READ_MODEL:
          if (resolved->target_kind == STORMCUT_KIND_ACTOR && (from = info_of_element (self, resolved->source)) != NULL)
            ensure_api (from, resolved->source);
          break;

        case STORMCUT_KIND_EVENT:
        case STORMCUT_KIND_COMMAND:
        case STORMCUT_KIND_AGGREGATE:
        case STORMCUT_KIND_EXTERNAL_SYSTEM:
        case STORMCUT_KIND_HOTSPOT:
        case STORMCUT_N_KINDS:
        default:
          break;
        }
    }
}

typedef struct {
  gint64              ordinal;
  StormcutServiceApi *api;
} OrderedApi;

static gint
compare_ordered_api (gconstpointer a,
                     gconstpointer b)
{
  const OrderedApi *x = a, *y = b;

  return x->ordinal < y->ordinal ? -1 : x->ordinal > y->ordinal ? 1 : 0;
}

/* Puts the provided APIs of the service of @info in document order of their elements. */
static void
sort_apis (ServiceInfo *info)
{
  GPtrArray *provided = info->service->provided;
  g_autofree OrderedApi *order = NULL;

  if (provided->len < 2)
    return;
  order = g_new (OrderedApi, provided->len);
  for (guint i = 0; i < provided->len; i++)
    {
      StormcutServiceApi *api = g_ptr_array_index (provided, i);
      order[i].ordinal = g_array_index (info->api_ordinals, gint64, i);
      order[i].api = api;
    }
  qsort (order, provided->len, sizeof *order, compare_ordered_api);
  for (guint i = 0; i < provided->len; i++)
    provided->pdata[i] = order[i].api;
}

/* Iterative Tarjan over the service dependency graph. */
typedef struct {
  guint n;
  GArray **adjacent;   /* per node: GArray of guint */
  int *index, *lowlink;
  gboolean *on_stack;
  GArray *stack;
  int counter;
  GPtrArray *components;  /* of GArray of guint, components of size >= 2 */
} Tarjan;

static void
tarjan_visit (Tarjan *t,
              guint   root)
{
  g_autoptr(GArray) call_node = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) call_edge = g_array_new (FALSE, FALSE, sizeof (guint));
  guint zero = 0;

  g_array_append_val (call_node, root);
  g_array_append_val (call_edge, zero);
  t->index[root] = t->lowlink[root] = t->counter++;
  g_array_append_val (t->stack, root);
  t->on_stack[root] = TRUE;

  while (call_node->len > 0)
    {
      guint v = g_array_index (call_node, guint, call_node->len - 1);
      guint *edge = &g_array_index (call_edge, guint, call_edge->len - 1);
      GArray *adjacent = t->adjacent[v];

      if (adjacent != NULL && *edge < adjacent->len)
        {
          guint w = g_array_index (adjacent, guint, *edge);

          (*edge)++;
          if (t->index[w] < 0)
            {
              t->index[w] = t->lowlink[w] = t->counter++;
              g_array_append_val (t->stack, w);
              t->on_stack[w] = TRUE;
              g_array_append_val (call_node, w);
              g_array_append_val (call_edge, zero);
            }
          else if (t->on_stack[w])
            t->lowlink[v] = MIN (t->lowlink[v], t->index[w]);
          continue;
        }

      /* v is finished. */
      if (t->lowlink[v] == t->index[v])
        {
          GArray *component = g_array_new (FALSE, FALSE, sizeof (guint));
          guint w;

          do
            {
              w = g_array_index (t->stack, guint, t->stack->len - 1);
              g_array_set_size (t->stack, t->stack->len - 1);
              t->on_stack[w] = FALSE;
              g_array_append_val (component, w);
            }
          while (w != v);
          if (component->len >= 2)
            g_ptr_array_add (t->components, component);
          else
            g_array_unref (component);
        }
      g_array_set_size (call_node, call_node->len - 1);
      g_array_set_size (call_edge, call_edge->len - 1);
      if (call_node->len > 0)
        {
          guint parent = g_array_index (call_node, guint, call_node->len - 1);
          t->lowlink[parent] = MIN (t->lowlink[parent], t->lowlink[v]);
        }
    }
}

static gint
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
add_link_elements (Analyzer               *self,
                   StormcutServiceFinding *finding,
                   const char             *link_id)
{
  const StormcutLink *link = stormcut_model_get_link (self->model, link_id);

  add_unique (finding->link_ids, link_id);
  if (link != NULL)
    {
      add_unique (finding->element_ids, link->source_id);
      add_unique (finding->element_ids, link->target_id);
    }
}

static GPtrArray *
find_cycles (Analyzer *self)
{
  GPtrArray *findings = g_ptr_array_new ();
  guint n = self->infos->len;
  Tarjan t = { 0 };
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (self->edges) == 0)
    return findings;

  t.n = n;
  t.adjacent = g_new0 (GArray *, n);
  t.index = g_new (int, n);
  t.lowlink = g_new (int, n);
  t.on_stack = g_new0 (gboolean, n);
  t.stack = g_array_new (FALSE, FALSE, sizeof (guint));
  t.components = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n; i++)
    t.index[i] = -1;

  g_hash_table_iter_init (&iter, self->edges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint a, b;

      parse_pair (key, &a, &b);
      if (t.adjacent[a] == NULL)
        t.adjacent[a] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (t.adjacent[a], b);
    }
  /* Deterministic traversal. */
  for (guint i = 0; i < n; i++)
    if (t.adjacent[i] != NULL)
      g_array_sort (t.adjacent[i], compare_guint);

  for (guint i = 0; i < n; i++)
    if (t.index[i] < 0)
      tarjan_visit (&t, i);

  for (guint c = 0; c < t.components->len; c++)
    {
      GArray *component = g_ptr_array_index (t.components, c);
      StormcutServiceFinding *finding = finding_new (STORMCUT_FINDING_CYCLE);
      g_autoptr(GHashTable) members = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_autoptr(GString) names = g_string_new (NULL);
      gboolean hard = FALSE;

      g_array_sort (component, compare_guint);
      for (guint k = 0; k < component->len; k++)
        {
          guint member = g_array_index (component, guint, k);
          ServiceInfo *info = g_ptr_array_index (self->infos, member);

          g_hash_table_add (members, GUINT_TO_POINTER (member + 1));
          g_ptr_array_add (finding->service_ids, g_strdup (info->service->id));
          if (k > 0)
            g_string_append (names, ", ");
          g_string_append_printf (names, "“%s”", info->service->name);
        }
      /* Links of the edges inside the component, in the order of their sources and targets. */
      for (guint k = 0; k < component->len; k++)
        for (guint l = 0; l < component->len; l++)
          {
            g_autofree char *edge_key = g_strdup_printf ("%u\n%u", g_array_index (component, guint, k),
                                                         g_array_index (component, guint, l));
            GPtrArray *edge_links = g_hash_table_lookup (self->edges, edge_key);

            if (edge_links != NULL && g_hash_table_contains (self->hard_edges, edge_key))
              hard = TRUE;

            for (guint m = 0; edge_links != NULL && m < edge_links->len; m++)
              add_link_elements (self, finding, g_ptr_array_index (edge_links, m));
          }
      if (hard)
        finding->message = g_strdup_printf (_("These services depend on each other in a cycle: %s. Break the cycle with an event or by moving the shared part into one service."),
                                            names->str);
      else
        finding->message = g_strdup_printf (_("These services depend on each other in a cycle of events: %s. Check that no business transaction needs the whole round trip; otherwise consider one service."),
                                            names->str);
      g_ptr_array_add (findings, finding);
    }

  for (guint i = 0; i < n; i++)
    if (t.adjacent[i] != NULL)
      g_array_unref (t.adjacent[i]);
  g_free (t.adjacent);
  g_free (t.index);
  g_free (t.lowlink);
  g_free (t.on_stack);
  g_array_unref (t.stack);
  g_ptr_array_unref (t.components);
  return findings;
}

static void
collect_findings (Analyzer *self)
{
  GPtrArray *findings = self->analysis->findings;
  g_autoptr(GPtrArray) cycles = NULL;

  /* Ownership violations, in link order. */
  for (guint i = 0; i < self->violations->len; i++)
    g_ptr_array_add (findings, g_ptr_array_index (self->violations, i));
  g_free (g_ptr_array_steal (self->violations, NULL));

  cycles = find_cycles (self);
  for (guint i = 0; i < cycles->len; i++)
    g_ptr_array_add (findings, g_ptr_array_index (cycles, i));

  for (guint i = 0; i < self->shared_order->len; i++)
    {
      const char *key = g_ptr_array_index (self->shared_order, i);
      GPtrArray *links = g_hash_table_lookup (self->shared, key);
      StormcutServiceFinding *finding = finding_new (STORMCUT_FINDING_SHARED_DATA);
      ServiceInfo *reader, *owner;
      guint a, b;

      parse_pair (key, &a, &b);
      reader = g_ptr_array_index (self->infos, a);
      owner = g_ptr_array_index (self->infos, b);
      g_ptr_array_add (finding->service_ids, g_strdup (reader->service->id));
      g_ptr_array_add (finding->service_ids, g_strdup (owner->service->id));
      for (guint j = 0; j < links->len; j++)
        add_link_elements (self, finding, g_ptr_array_index (links, j));
      finding->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Service “%s” reads the data of service “%s” directly (%u link). Serve it through an API or a read model fed by events.",
                                                       "Service “%s” reads the data of service “%s” directly (%u links). Serve it through an API or a read model fed by events.",
                                                       links->len),
                                          reader->service->name, owner->service->name, links->len);
      g_ptr_array_add (findings, finding);
    }

  for (guint i = 0; i < self->infos->len; i++)
    {
      ServiceInfo *info = g_ptr_array_index (self->infos, i);
      StormcutServiceFinding *finding;

      if (info->service->external || info->service->aggregate_ids->len > 0)
        continue;
      finding = finding_new (STORMCUT_FINDING_NO_DATA);
      g_ptr_array_add (finding->service_ids, g_strdup (info->service->id));
      finding->message = g_strdup_printf (_("Service “%s” owns no data (no aggregate). Merge it into the service whose data it uses, or give it its own aggregate."),
                                          info->service->name);
      g_ptr_array_add (findings, finding);
    }

  for (guint i = 0; i < self->chatty_order->len; i++)
    {
      const char *key = g_ptr_array_index (self->chatty_order, i);
      GPtrArray *links = g_hash_table_lookup (self->pairs, key);
      StormcutServiceFinding *finding;
      ServiceInfo *a_info, *b_info;
      guint a, b;

      if (links->len < STORMCUT_SERVICES_CHATTY_THRESHOLD)
        continue;
      parse_pair (key, &a, &b);
      a_info = g_ptr_array_index (self->infos, a);
      b_info = g_ptr_array_index (self->infos, b);
      finding = finding_new (STORMCUT_FINDING_CHATTY_PAIR);
      g_ptr_array_add (finding->service_ids, g_strdup (a_info->service->id));
      g_ptr_array_add (finding->service_ids, g_strdup (b_info->service->id));
      for (guint j = 0; j < links->len; j++)
        add_link_elements (self, finding, g_ptr_array_index (links, j));
      finding->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Services “%s” and “%s” are joined by %u link. Consider merging them or making their interface coarser.",
                                                       "Services “%s” and “%s” are joined by %u links. Consider merging them or making their interface coarser.",
                                                       links->len),
                                          a_info->service->name, b_info->service->name, links->len);
      g_ptr_array_add (findings, finding);
    }
}

static guint
first_service_index (Analyzer                     *self,
                     const StormcutServiceFinding *finding)
{
  StormcutService *service;
  ServiceInfo *info;

  if (finding->service_ids->len == 0)
    return G_MAXUINT;
  service = g_hash_table_lookup (self->analysis->by_id, g_ptr_array_index (finding->service_ids, 0));
  info = service != NULL ? g_hash_table_lookup (self->info_of, service) : NULL;
  return info != NULL ? info->index : G_MAXUINT;
}

static gint
compare_findings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  Analyzer *self = user_data;
  const StormcutServiceFinding *x = *(StormcutServiceFinding * const *) a;
  const StormcutServiceFinding *y = *(StormcutServiceFinding * const *) b;
  guint xi, yi;

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  xi = first_service_index (self, x);
  yi = first_service_index (self, y);
  return xi < yi ? -1 : xi > yi ? 1 : 0;
}

static gboolean
set_context_fields (StormcutModel *model,
                    const char    *context_id,
                    gboolean       set_service,
                    const char    *service,
                    gboolean       set_external,
                    gboolean       external,
                    GError       **error)
{
  const StormcutContext *current = stormcut_model_get_context (model, context_id);
  g_autoptr(StormcutContext) copy = NULL;

  if (current == NULL)
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOT_FOUND,
                   /* Translators: %s is an id. */
                   _("There is no bounded context “%s”. Check the name or id of the context."),
                   context_id != NULL ? context_id : "");
      return FALSE;
    }
  copy = stormcut_context_copy (current);
  if (set_service)
    {
      g_free (copy->service);
      copy->service = g_strdup (service);
    }
  if (set_external)
    copy->external = external;
  if (stormcut_context_equal (copy, current))
    return TRUE;
  return stormcut_model_update_context (model, copy, error);
}

/* --- public API -------------------------------------------------------------------- */

void
stormcut_service_api_free (StormcutServiceApi *api)
{
  if (api == NULL)
    return;
  g_free (api->element_id);
  g_clear_pointer (&api->caller_ids, g_ptr_array_unref);
  g_clear_pointer (&api->link_ids, g_ptr_array_unref);
  g_free (api);
}

void
stormcut_service_dependency_free (StormcutServiceDependency *dependency)
{
  if (dependency == NULL)
    return;
  g_free (dependency->source_element_id);
  g_free (dependency->target_element_id);
  g_free (dependency->target_service_id);
  g_free (dependency->link_id);
  g_free (dependency);
}

void
stormcut_service_free (StormcutService *service)
{
  if (service == NULL)
    return;
  g_free (service->id);
  g_free (service->name);
  g_free (service->code_name);
  g_clear_pointer (&service->context_ids, g_ptr_array_unref);
  g_clear_pointer (&service->aggregate_ids, g_ptr_array_unref);
  g_clear_pointer (&service->provided, g_ptr_array_unref);
  g_clear_pointer (&service->required_sync, g_ptr_array_unref);
  g_clear_pointer (&service->subscriptions, g_ptr_array_unref);
  g_clear_pointer (&service->direct_reads, g_ptr_array_unref);
  g_free (service);
}

void
stormcut_service_finding_free (StormcutServiceFinding *finding)
{
  if (finding == NULL)
    return;
  g_clear_pointer (&finding->service_ids, g_ptr_array_unref);
  g_clear_pointer (&finding->element_ids, g_ptr_array_unref);
  g_clear_pointer (&finding->link_ids, g_ptr_array_unref);
  g_free (finding->message);
  g_free (finding);
}

void
stormcut_service_analysis_free (StormcutServiceAnalysis *analysis)
{
  if (analysis == NULL)
    return;
  g_clear_pointer (&analysis->by_id, g_hash_table_unref);
  g_clear_pointer (&analysis->by_context, g_hash_table_unref);
  g_clear_pointer (&analysis->links, g_array_unref);
  g_clear_pointer (&analysis->findings, g_ptr_array_unref);
  g_clear_pointer (&analysis->services, g_ptr_array_unref);
  g_free (analysis);
}

static gboolean
has_id (const StormcutElement *element,
        const char            *id)
{
  return element != NULL && strcmp (element->id, id) == 0;
}

/* The element @id of @model.  The ends of the link before (either may be NULL) are often
 * the ones asked for, as flows run from one element to the next: comparing ids is cheaper
 * than hashing them. */
static const StormcutElement *
resolve_end (StormcutModel         *model,
             const char            *id,
             const StormcutElement *previous_target,
             const StormcutElement *previous_source)
{
  if (id == NULL)
    return NULL;
  if (has_id (previous_target, id))
    return previous_target;
  if (has_id (previous_source, id))
    return previous_source;
  return stormcut_model_get_element (model, id);
}

GArray *
stormcut_analysis_resolve_links (StormcutModel *model)
{
  GPtrArray *links = stormcut_model_get_links (model);
  GArray *resolved = g_array_sized_new (FALSE, FALSE, sizeof (StormcutResolvedLink), links->len);
  const StormcutElement *previous_source = NULL, *previous_target = NULL;

  for (guint i = 0; i < links->len; i++)
    {
      StormcutResolvedLink entry;

      entry.link = g_ptr_array_index (links, i);
      entry.source = resolve_end (model, entry.link->source_id, previous_target, previous_source);
      entry.target = resolve_end (model, entry.link->target_id, previous_target, previous_source);
      if (entry.source != NULL && entry.target != NULL)
        {
          entry.source_kind = entry.source->kind;
          entry.target_kind = entry.target->kind;
          g_array_append_val (resolved, entry);
        }
      previous_source = entry.source;
      previous_target = entry.target;
    }
  return resolved;
}

StormcutServiceAnalysis *
stormcut_services_analyze (StormcutModel *model)
{
  g_autoptr(GArray) links = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);

  links = stormcut_analysis_resolve_links (model);
  return stormcut_services_analyze_resolved (model, links);
}

static StormcutServiceAnalysis *
analyze (StormcutModel *model,
         GArray        *links,
         gboolean       apis_only)
{
  StormcutServiceAnalysis *analysis;
  Analyzer self = { 0 };

  analysis = g_new0 (StormcutServiceAnalysis, 1);
  analysis->services = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_free);
  analysis->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_finding_free);
  analysis->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  analysis->by_context = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self.model = model;
  self.analysis = analysis;
  self.links = links;
  self.apis_only = apis_only;
  analysis->links = g_array_ref (links);
  self.info_of_context = g_hash_table_new (g_str_hash, g_str_equal);
  self.infos = g_ptr_array_new_with_free_func ((GDestroyNotify) info_free);
  self.info_of = g_hash_table_new (g_direct_hash, g_direct_equal);
  self.edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self.hard_edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self.shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self.shared_order = g_ptr_array_new ();
  self.chatty_order = g_ptr_array_new ();
  self.violations = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_service_finding_free);
  self.external_triggers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  build_services (&self);
  if (analysis->services->len > 0)
    {
      scan_elements (&self);
      scan_external_triggers (&self);
      if (apis_only)
        scan_links_for_apis (&self);
      else
        {
          scan_links (&self);
          for (guint i = 0; i < self.infos->len; i++)
            sort_apis (g_ptr_array_index (self.infos, i));
          collect_findings (&self);
          g_ptr_array_sort_with_data (analysis->findings, compare_findings, &self);
        }
    }

  g_ptr_array_unref (self.infos);
  g_hash_table_unref (self.info_of);
  g_hash_table_unref (self.info_of_context);
  g_hash_table_unref (self.edges);
  g_hash_table_unref (self.hard_edges);
  g_hash_table_unref (self.pairs);
  g_hash_table_unref (self.shared);
  g_ptr_array_unref (self.shared_order);
  g_ptr_array_unref (self.chatty_order);
  g_ptr_array_unref (self.violations);
  g_hash_table_unref (self.external_triggers);
  return analysis;
}

StormcutServiceAnalysis *
stormcut_services_analyze_resolved (StormcutModel *model,
                                    GArray        *links)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  return analyze (model, links, FALSE);
}

StormcutServiceAnalysis *
stormcut_services_analyze_for_fp (StormcutModel *model,
                                  GArray        *links)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  return analyze (model, links, TRUE);
}

const StormcutService *
stormcut_service_analysis_get_service (const StormcutServiceAnalysis *analysis,
                                       const char                    *service_id)
{
  g_return_val_if_fail (analysis != NULL, NULL);
  return service_id != NULL ? g_hash_table_lookup (analysis->by_id, service_id) : NULL;
}

const StormcutService *
stormcut_service_analysis_get_service_of_context (const StormcutServiceAnalysis *analysis,
                                                  const char                    *context_id)
{
  g_return_val_if_fail (analysis != NULL, NULL);
  return context_id != NULL ? g_hash_table_lookup (analysis->by_context, context_id) : NULL;
}

const StormcutService *
stormcut_service_analysis_get_service_of_element (const StormcutServiceAnalysis *analysis,
                                                  const StormcutElement         *element)
{
  g_return_val_if_fail (analysis != NULL, NULL);
  g_return_val_if_fail (element != NULL, NULL);
  return stormcut_service_analysis_get_service_of_context (analysis, element->context_id);
}

const StormcutServiceApi *
stormcut_service_find_api (const StormcutService *service,
                           const char            *element_id)
{
  g_return_val_if_fail (service != NULL, NULL);

  for (guint i = 0; i < service->provided->len; i++)
    {
      const StormcutServiceApi *api = g_ptr_array_index (service->provided, i);
      if (g_strcmp0 (api->element_id, element_id) == 0)
        return api;
    }
  return NULL;
}

const char *
stormcut_finding_kind_to_string (StormcutFindingKind kind)
{
  switch (kind)
    {
    case STORMCUT_FINDING_OWNERSHIP_VIOLATION:
      return "ownership-violation";
    case STORMCUT_FINDING_CYCLE:
      return "cycle";
    case STORMCUT_FINDING_SHARED_DATA:
      return "shared-data";
    case STORMCUT_FINDING_NO_DATA:
      return "no-data";
    case STORMCUT_FINDING_CHATTY_PAIR:
      return "chatty-pair";
    case STORMCUT_N_FINDINGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_finding_kind_get_label (StormcutFindingKind kind)
{
  switch (kind)
    {
    case STORMCUT_FINDING_OWNERSHIP_VIOLATION:
      return _("Data ownership violation");
    case STORMCUT_FINDING_CYCLE:
      return _("Dependency cycle");
    case STORMCUT_FINDING_SHARED_DATA:
      return _("Shared data read");
    case STORMCUT_FINDING_NO_DATA:
      return _("Service without data");
    case STORMCUT_FINDING_CHATTY_PAIR:
      return _("Chatty services");
    case STORMCUT_N_FINDINGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
stormcut_services_merge (StormcutModel      *model,
                         const char * const *context_ids,
                         const char         *name,
                         GError            **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  g_return_val_if_fail (context_ids != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (stripped[0] == '\0')
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                   _("A merged service needs a name. Enter the name of the service."));
      return FALSE;
    }

  stormcut_model_begin_group (model, _("Merge contexts into one service"));
  for (guint i = 0; context_ids[i] != NULL; i++)
    if (!set_context_fields (model, context_ids[i], TRUE, stripped, FALSE, FALSE, error))
      {
        stormcut_model_abort_group (model);
        return FALSE;
      }
  return stormcut_model_end_group (model, error);
}

gboolean
stormcut_services_split (StormcutModel *model,
                         const char    *context_id,
                         GError       **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  return set_context_fields (model, context_id, TRUE, NULL, FALSE, FALSE, error);
}

gboolean
stormcut_services_set_external (StormcutModel *model,
                                const char    *context_id,
                                gboolean       external,
                                GError       **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  return set_context_fields (model, context_id, FALSE, NULL, TRUE, external, error);
}
