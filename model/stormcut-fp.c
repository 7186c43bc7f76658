/* stormcut-fp.c: function-point rows for KOSA estimates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "stormcut/stormcut-fp.h"
#include "stormcut/stormcut-services.h"

G_DEFINE_QUARK (stormcut-fp-error-quark, stormcut_fp_error)

static const struct {
  const char *name;
  const char *label;
  int         simple_tenths;      /* 간이법 average × 10 */
  int         detailed[3];        /* low / average / high */
} types[STORMCUT_FP_N_TYPES] = {
  { "ILF", N_("ILF (internal logical file)"), 75, { 7, 10, 15 } },
  { "EIF", N_("EIF (external interface file)"), 54, { 5, 7, 10 } },
  { "EI", N_("EI (external input)"), 40, { 3, 4, 6 } },
  { "EO", N_("EO (external output)"), 52, { 4, 5, 7 } },
  { "EQ", N_("EQ (external inquiry)"), 39, { 3, 4, 6 } },
};

static const struct {
  const char    *name;
  const char    *key_prefix;
  StormcutFpType type;
  const char    *label;
} rules[STORMCUT_FP_N_RULES] = {
  { "aggregate-ilf", "ilf.", STORMCUT_FP_ILF, N_("Aggregate in a bounded context → ILF") },
  { "external-eif", "eif.", STORMCUT_FP_EIF, N_("External system linked to the model → EIF") },
  { "actor-command-ei", "ei.", STORMCUT_FP_EI, N_("Command an actor invokes → EI") },
  { "read-model-eq", "rm.", STORMCUT_FP_EQ, N_("Read model → EQ") },
  { "read-model-eo", "rm.", STORMCUT_FP_EO, N_("Read model with derived or calculated data → EO") },
  { "event-external-eo", "eo.", STORMCUT_FP_EO, N_("Event sent to an external system → EO") },
  { "api-owns-data-ilf", "api.", STORMCUT_FP_ILF, N_("MSA: API of a service that owns its data → ILF") },
  { "api-no-data-eif", "api.", STORMCUT_FP_EIF, N_("MSA: API of a service without data of its own, reading another service's data → EIF") },
};

/* Rows of the complexity matrices: the RET (data) or FTR (transaction) band; columns: the
 * DET band. */
static const StormcutFpComplexity matrix[3][3] = {
  { STORMCUT_FP_COMPLEXITY_LOW, STORMCUT_FP_COMPLEXITY_LOW, STORMCUT_FP_COMPLEXITY_AVERAGE },
  { STORMCUT_FP_COMPLEXITY_LOW, STORMCUT_FP_COMPLEXITY_AVERAGE, STORMCUT_FP_COMPLEXITY_HIGH },
  { STORMCUT_FP_COMPLEXITY_AVERAGE, STORMCUT_FP_COMPLEXITY_HIGH, STORMCUT_FP_COMPLEXITY_HIGH },
};

/* What the links say about each element, gathered in one pass. */
typedef struct {
  GHashTable *actor_invoked;       /* command id set */
  GHashTable *linked;              /* element ids with a link other than a hotspot annotation */
  GHashTable *handled_by;          /* command id -> GPtrArray of aggregate ids */
  GHashTable *reaches_external;    /* command id -> GPtrArray of external system ids */
  GHashTable *reads;               /* read model id -> GPtrArray of aggregate ids (direct reads) */
  GHashTable *fed_by;              /* read model id -> GPtrArray of event ids */
  GHashTable *produced_by;         /* event id -> GPtrArray of aggregate ids */
  GHashTable *sent_external;       /* event id set */
  GHashTable *first_neighbour;     /* external system id -> first linked element id (link order) */
} LinkFacts;

typedef struct {
  StormcutModel                 *model;
  StormcutFpTable               *table;
  StormcutServiceAnalysis       *services;
  LinkFacts                      facts;
  gboolean                       has_contexts;
  GPtrArray                     *buckets;    /* per service index (+1 for none): GPtrArray of rows */
  GHashTable                    *service_index;
} Counter;

static void
add_to_list (GHashTable *table,
             const char *key,
             const char *value)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (table, (gpointer) key, list);
    }
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (g_ptr_array_index (list, i), value))
      return;
  g_ptr_array_add (list, (gpointer) value);
}

static GHashTable *
list_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
}

static void
gather_facts (Counter *self)
{
  LinkFacts *f = &self->facts;
  GPtrArray *links = stormcut_model_get_links (self->model);

  f->actor_invoked = g_hash_table_new (g_str_hash, g_str_equal);
  f->linked = g_hash_table_new (g_str_hash, g_str_equal);
  f->handled_by = list_table_new ();
  f->reaches_external = list_table_new ();
  f->reads = list_table_new ();
  f->fed_by = list_table_new ();
  f->produced_by = list_table_new ();
  f->sent_external = g_hash_table_new (g_str_hash, g_str_equal);
  f->first_neighbour = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);
      const StormcutElement *source = stormcut_model_get_element (self->model, link->source_id);
      const StormcutElement *target = stormcut_model_get_element (self->model, link->target_id);

      if (source == NULL || target == NULL)
        continue;
      if (source->kind == STORMCUT_KIND_HOTSPOT || target->kind == STORMCUT_KIND_HOTSPOT)
        continue;

      g_hash_table_add (f->linked, source->id);
      g_hash_table_add (f->linked, target->id);
      if (source->kind == STORMCUT_KIND_EXTERNAL_SYSTEM && target->context_id != NULL &&
          !g_hash_table_contains (f->first_neighbour, source->id))
        g_hash_table_insert (f->first_neighbour, source->id, target->id);
      if (target->kind == STORMCUT_KIND_EXTERNAL_SYSTEM && source->context_id != NULL &&
          !g_hash_table_contains (f->first_neighbour, target->id))
        g_hash_table_insert (f->first_neighbour, target->id, source->id);

      switch (source->kind)
        {
        case STORMCUT_KIND_ACTOR:
          if (target->kind == STORMCUT_KIND_COMMAND)
            g_hash_table_add (f->actor_invoked, target->id);
          break;
        case STORMCUT_KIND_COMMAND:
          if (target->kind == STORMCUT_KIND_AGGREGATE)
            add_to_list (f->handled_by, source->id, target->id);
          else if (target->kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
            add_to_list (f->reaches_external, source->id, target->id);
          break;
        case STORMCUT_KIND_READ_MODEL:
          if (target->kind == STORMCUT_KIND_AGGREGATE)
            add_to_list (f->reads, source->id, target->id);
          break;
        case STORMCUT_KIND_EVENT:
          if (target->kind == STORMCUT_KIND_READ_MODEL)
            add_to_list (f->fed_by, target->id, source->id);
          else if (target->kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
            g_hash_table_add (f->sent_external, source->id);
          break;
        case STORMCUT_KIND_AGGREGATE:
          if (target->kind == STORMCUT_KIND_EVENT)
            add_to_list (f->produced_by, target->id, source->id);
          break;
        case STORMCUT_KIND_POLICY:
        case STORMCUT_KIND_EXTERNAL_SYSTEM:
        case STORMCUT_KIND_HOTSPOT:
        case STORMCUT_N_KINDS:
        default:
          break;
        }
    }
}

static void
clear_facts (LinkFacts *f)
{
  g_clear_pointer (&f->actor_invoked, g_hash_table_unref);
  g_clear_pointer (&f->linked, g_hash_table_unref);
  g_clear_pointer (&f->handled_by, g_hash_table_unref);
  g_clear_pointer (&f->reaches_external, g_hash_table_unref);
  g_clear_pointer (&f->reads, g_hash_table_unref);
  g_clear_pointer (&f->fed_by, g_hash_table_unref);
  g_clear_pointer (&f->produced_by, g_hash_table_unref);
  g_clear_pointer (&f->sent_external, g_hash_table_unref);
  g_clear_pointer (&f->first_neighbour, g_hash_table_unref);
}

static guint
list_length (GHashTable *table,
             const char *key)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  return list != NULL ? list->len : 0;
}

/* Distinct attribute names of the elements in @ids (of char*, may be NULL), added to @names. */
static void
collect_attributes (StormcutModel *model,
                    GPtrArray     *ids,
                    GHashTable    *names)
{
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const StormcutElement *element = stormcut_model_get_element (model, g_ptr_array_index (ids, i));

      for (guint j = 0; element != NULL && element->attributes != NULL && j < element->attributes->len; j++)
        {
          const StormcutAttribute *attribute = g_ptr_array_index (element->attributes, j);
          g_hash_table_add (names, attribute->name);
        }
    }
}

static guint
count_with_attributes (StormcutModel *model,
                       GPtrArray     *ids)
{
  guint n = 0;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const StormcutElement *element = stormcut_model_get_element (model, g_ptr_array_index (ids, i));
      if (element != NULL && element->attributes != NULL && element->attributes->len > 0)
        n++;
    }
  return n;
}

static guint
n_attributes (const StormcutElement *element)
{
  return element->attributes != NULL ? element->attributes->len : 0;
}

/* DET and RET/FTR of a row (see the header); -1 when unknown. */
static void
measure (Counter               *self,
         const StormcutElement *element,
         StormcutFpRule         rule,
         int                   *out_det,
         int                   *out_ret_ftr)
{
  LinkFacts *f = &self->facts;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *aggregates;

  *out_det = -1;
  *out_ret_ftr = -1;

  switch (rule)
    {
    case STORMCUT_FP_RULE_AGGREGATE_ILF:
      if (n_attributes (element) > 0)
        {
          *out_det = (int) n_attributes (element);
          *out_ret_ftr = 1;
        }
      break;

    case STORMCUT_FP_RULE_ACTOR_COMMAND_EI:
      aggregates = g_hash_table_lookup (f->handled_by, element->id);
      collect_attributes (self->model, aggregates, names);
      if (g_hash_table_size (names) > 0)
        {
          *out_det = (int) g_hash_table_size (names);
          *out_ret_ftr = (int) (list_length (f->handled_by, element->id) +
                                list_length (f->reaches_external, element->id));
        }
      break;

    case STORMCUT_FP_RULE_READ_MODEL_EQ:
    case STORMCUT_FP_RULE_READ_MODEL_EO:
      if (n_attributes (element) > 0)
        {
          g_autoptr(GHashTable) files = g_hash_table_new (g_str_hash, g_str_equal);
          GPtrArray *reads = g_hash_table_lookup (f->reads, element->id);
          GPtrArray *events = g_hash_table_lookup (f->fed_by, element->id);

          for (guint i = 0; reads != NULL && i < reads->len; i++)
            g_hash_table_add (files, g_ptr_array_index (reads, i));
          for (guint i = 0; events != NULL && i < events->len; i++)
            {
              GPtrArray *producers = g_hash_table_lookup (f->produced_by, g_ptr_array_index (events, i));
              for (guint j = 0; producers != NULL && j < producers->len; j++)
                g_hash_table_add (files, g_ptr_array_index (producers, j));
            }
          *out_det = (int) n_attributes (element);
          *out_ret_ftr = MAX (1, (int) g_hash_table_size (files));
        }
      break;

    case STORMCUT_FP_RULE_EVENT_EXTERNAL_EO:
      aggregates = g_hash_table_lookup (f->produced_by, element->id);
      collect_attributes (self->model, aggregates, names);
      if (g_hash_table_size (names) > 0)
        {
          *out_det = (int) g_hash_table_size (names);
          *out_ret_ftr = (int) aggregates->len;
        }
      break;

    case STORMCUT_FP_RULE_API_OWNS_DATA_ILF:
    case STORMCUT_FP_RULE_API_NO_DATA_EIF:
      if (element->kind == STORMCUT_KIND_COMMAND)
        {
          aggregates = g_hash_table_lookup (f->handled_by, element->id);
          collect_attributes (self->model, aggregates, names);
          if (g_hash_table_size (names) > 0)
            {
              *out_det = (int) g_hash_table_size (names);
              *out_ret_ftr = (int) count_with_attributes (self->model, aggregates);
            }
        }
      else if (n_attributes (element) > 0)
        {
          *out_det = (int) n_attributes (element);
          *out_ret_ftr = 1;
        }
      break;

    case STORMCUT_FP_RULE_EXTERNAL_EIF:
    case STORMCUT_FP_N_RULES:
    default:
      break;
    }
}

static char *
single_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  for (char *p = copy; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
  return copy;
}

typedef struct {
  gboolean       present;
  gboolean       readable;
  gboolean       excluded;
  StormcutFpType type;
  char          *reason;
} Override;

static void
parse_override (const char *value,
                Override   *out)
{
  const char *rest, *reason;

  memset (out, 0, sizeof *out);
  if (value == NULL)
    return;
  out->present = TRUE;

  if (g_str_has_prefix (value, "excluded"))
    {
      out->excluded = TRUE;
      rest = value + strlen ("excluded");
    }
  else if (g_str_has_prefix (value, "type="))
    {
      const char *end = strchr (value, ';');
      g_autofree char *type = g_strndup (value + 5, end != NULL ? (gsize) (end - value - 5) : strlen (value + 5));

      if (!stormcut_fp_type_from_string (type, &out->type))
        return;
      rest = end != NULL ? end : value + strlen (value);
    }
  else
    return;

  if (*rest == '\0')
    reason = "";
  else if (g_str_has_prefix (rest, ";reason="))
    reason = rest + strlen (";reason=");
  else
    return;
  out->reason = g_strdup (reason);
  out->readable = TRUE;
}

static void
add_row (Counter               *self,
         const StormcutElement *element,
         StormcutFpRule         rule,
         const StormcutService *service)
{
  StormcutFpRow *row = g_new0 (StormcutFpRow, 1);
  g_autofree char *setting_key = NULL;
  g_autofree char *name = single_line (element->name);
  GString *note;
  Override override;
  gboolean detailed_weight = FALSE;
  guint bucket;

  row->key = g_strconcat (rules[rule].key_prefix, element->id, NULL);
  row->application = g_strdup (self->table->application);
  row->service = g_strdup (service != NULL ? service->name : "");
  row->service_id = g_strdup (service != NULL ? service->id : NULL);
  row->rule = rule;
  row->suggested_type = rules[rule].type;
  row->type = row->suggested_type;
  row->element_id = g_strdup (element->id);
  row->context_id = g_strdup (element->context_id);

  if (rule == STORMCUT_FP_RULE_API_OWNS_DATA_ILF || rule == STORMCUT_FP_RULE_API_NO_DATA_EIF)
    {
      /* Translators: the unit-process name of an MSA API row, as in the procurement guide
       * ("예약 등록 API 연계"); %s is the element's name. */
      row->process = g_strdup_printf (_("%s API integration"), name);
      row->description = g_strdup_printf (_("API of service “%s” for “%s”, exposed through the gateway"),
                                          service != NULL ? service->name : "", name);
    }
  else
    {
      row->process = g_steal_pointer (&name);
      row->description = g_strdup (element->description != NULL ? element->description : "");
    }

  measure (self, element, rule, &row->det, &row->ret_ftr);

  setting_key = g_strconcat ("fp.override.", row->key, NULL);
  parse_override (stormcut_model_get_setting (self->model, setting_key), &override);
  if (override.readable)
    {
      row->overridden = TRUE;
      row->excluded = override.excluded;
      if (!override.excluded)
        row->type = override.type;
      row->override_reason = g_steal_pointer (&override.reason);
    }

  row->complexity = stormcut_fp_complexity (row->type, row->det, row->ret_ftr);
  if (self->table->method == STORMCUT_FP_METHOD_DETAILED && row->complexity != STORMCUT_FP_COMPLEXITY_UNKNOWN)
    {
      row->weight_tenths = 10 * stormcut_fp_detailed_weight (row->type, row->complexity);
      detailed_weight = TRUE;
    }
  else
    row->weight_tenths = types[row->type].simple_tenths;
  row->fp_tenths = row->excluded ? 0 : row->weight_tenths;

  note = g_string_new (_(rules[rule].label));
  if (self->table->method == STORMCUT_FP_METHOD_DETAILED && !detailed_weight)
    {
      g_string_append (note, "; ");
      g_string_append (note, _("average weight (DET or RET/FTR unknown)"));
    }
  if (override.present && !override.readable)
    {
      g_string_append (note, "; ");
      g_string_append (note, _("unreadable override ignored"));
    }
  if (row->overridden && row->excluded)
    {
      g_string_append (note, "; ");
      /* Translators: %s is the reason the user gave. */
      g_string_append_printf (note, _("excluded by the user: %s"), row->override_reason);
    }
  else if (row->overridden)
    {
      g_string_append (note, "; ");
      /* Translators: %s are the type (EIF) and the reason the user gave. */
      g_string_append_printf (note, _("changed to %s by the user: %s"), types[row->type].name, row->override_reason);
    }
  row->note = g_string_free (note, FALSE);
  g_free (override.reason);

  bucket = service != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->service_index, service)) - 1
                           : self->buckets->len - 1;
  g_ptr_array_add (g_ptr_array_index (self->buckets, bucket), row);
}

static const StormcutService *
service_of (Counter               *self,
            const StormcutElement *element)
{
  if (element->kind == STORMCUT_KIND_EXTERNAL_SYSTEM && element->context_id == NULL)
    {
      const char *neighbour_id = g_hash_table_lookup (self->facts.first_neighbour, element->id);
      const StormcutElement *neighbour = stormcut_model_get_element (self->model, neighbour_id);

      return neighbour != NULL ? stormcut_service_analysis_get_service_of_element (self->services, neighbour) : NULL;
    }
  return stormcut_service_analysis_get_service_of_element (self->services, element);
}

static void
count_element (Counter               *self,
               const StormcutElement *element)
{
  const StormcutService *service = service_of (self, element);
  LinkFacts *f = &self->facts;

  if (element->context_id != NULL)
    {
      const StormcutContext *context = stormcut_model_get_context (self->model, element->context_id);
      if (context != NULL && context->external)
        return;
    }

  switch (element->kind)
    {
    case STORMCUT_KIND_AGGREGATE:
      if (element->context_id != NULL || !self->has_contexts)
        add_row (self, element, STORMCUT_FP_RULE_AGGREGATE_ILF, service);
      break;
    case STORMCUT_KIND_EXTERNAL_SYSTEM:
      if (g_hash_table_contains (f->linked, element->id))
        add_row (self, element, STORMCUT_FP_RULE_EXTERNAL_EIF, service);
      break;
    case STORMCUT_KIND_COMMAND:
      if (g_hash_table_contains (f->actor_invoked, element->id))
        add_row (self, element, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, service);
      break;
    case STORMCUT_KIND_READ_MODEL:
      add_row (self, element, element->derived ? STORMCUT_FP_RULE_READ_MODEL_EO : STORMCUT_FP_RULE_READ_MODEL_EQ, service);
      break;
    case STORMCUT_KIND_EVENT:
      if (g_hash_table_contains (f->sent_external, element->id))
        add_row (self, element, STORMCUT_FP_RULE_EVENT_EXTERNAL_EO, service);
      break;
    case STORMCUT_KIND_POLICY:
    case STORMCUT_KIND_ACTOR:
    case STORMCUT_KIND_HOTSPOT:
    case STORMCUT_N_KINDS:
    default:
      break;
    }

  if (self->table->profile == STORMCUT_FP_PROFILE_MSA && service != NULL &&
      (element->kind == STORMCUT_KIND_COMMAND || element->kind == STORMCUT_KIND_READ_MODEL) &&
      stormcut_service_find_api (service, element->id) != NULL)
    add_row (self, element,
             service->aggregate_ids->len > 0 ? STORMCUT_FP_RULE_API_OWNS_DATA_ILF : STORMCUT_FP_RULE_API_NO_DATA_EIF,
             service);
}

static StormcutFpTotal *
total_new (const char *service_id,
           const char *name)
{
  StormcutFpTotal *total = g_new0 (StormcutFpTotal, 1);

  total->service_id = g_strdup (service_id);
  total->name = g_strdup (name != NULL ? name : "");
  return total;
}

static void
total_free (StormcutFpTotal *total)
{
  if (total == NULL)
    return;
  g_free (total->service_id);
  g_free (total->name);
  g_free (total);
}

static void
total_add (StormcutFpTotal     *total,
           const StormcutFpRow *row)
{
  if (row->excluded)
    return;
  total->counts[row->type]++;
  total->fp_tenths[row->type] += row->fp_tenths;
  total->total_tenths += row->fp_tenths;
}

static gboolean
check_row_key (const char *row_key,
               GError    **error)
{
  if (row_key != NULL && row_key[0] != '\0')
    return TRUE;
  g_set_error (error, STORMCUT_FP_ERROR, STORMCUT_FP_ERROR_INVALID,
               _("No function-point row was given. Choose a row of the table."));
  return FALSE;
}

static gboolean
store_override (StormcutModel *model,
                const char    *row_key,
                const char    *head,
                const char    *reason,
                GError       **error)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autofree char *stripped = NULL;

  if (!check_row_key (row_key, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (stripped[0] == '\0')
    {
      g_set_error (error, STORMCUT_FP_ERROR, STORMCUT_FP_ERROR_INVALID,
                   _("Give a reason for changing the suggested function type; it is shown in the export."));
      return FALSE;
    }
  key = g_strconcat ("fp.override.", row_key, NULL);
  value = g_strconcat (head, ";reason=", stripped, NULL);
  return stormcut_model_set_setting (model, key, value, error);
}

/* --- public API -------------------------------------------------------------------- */

StormcutFpTable *
stormcut_fp_count (StormcutModel     *model,
                   StormcutFpProfile  profile,
                   StormcutFpMethod   method)
{
  StormcutFpTable *table;
  Counter self = { 0 };
  GPtrArray *elements;
  guint n_services;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (profile < STORMCUT_FP_N_PROFILES, NULL);
  g_return_val_if_fail (method < STORMCUT_FP_N_METHODS, NULL);

  table = g_new0 (StormcutFpTable, 1);
  table->profile = profile;
  table->method = method;
  table->application = g_strdup (stormcut_model_get_name (model) != NULL ? stormcut_model_get_name (model) : "");
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_fp_row_free);
  table->by_service = g_ptr_array_new_with_free_func ((GDestroyNotify) total_free);
  table->total.name = g_strdup ("");

  self.model = model;
  self.table = table;
  self.services = stormcut_services_analyze (model);
  self.has_contexts = stormcut_model_get_contexts (model)->len > 0;
  gather_facts (&self);

  n_services = self.services->services->len;
  self.service_index = g_hash_table_new (g_direct_hash, g_direct_equal);
  self.buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i <= n_services; i++)
    {
      g_ptr_array_add (self.buckets, g_ptr_array_new ());
      if (i < n_services)
        g_hash_table_insert (self.service_index, g_ptr_array_index (self.services->services, i), GUINT_TO_POINTER (i + 1));
    }

  elements = stormcut_model_get_elements (model);
  for (guint i = 0; i < elements->len; i++)
    count_element (&self, g_ptr_array_index (elements, i));

  for (guint i = 0; i <= n_services; i++)
    {
      GPtrArray *bucket = g_ptr_array_index (self.buckets, i);
      StormcutFpTotal *total;

      if (bucket->len == 0 && i == n_services)
        continue;
      if (i < n_services)
        {
          const StormcutService *service = g_ptr_array_index (self.services->services, i);

          if (bucket->len == 0 && service->external)
            continue;
          total = total_new (service->id, service->name);
        }
      else
        total = total_new (NULL, "");
      for (guint j = 0; j < bucket->len; j++)
        {
          StormcutFpRow *row = g_ptr_array_index (bucket, j);

          total_add (total, row);
          total_add (&table->total, row);
          g_ptr_array_add (table->rows, row);
        }
      g_ptr_array_add (table->by_service, total);
    }

  g_ptr_array_unref (self.buckets);
  g_hash_table_unref (self.service_index);
  clear_facts (&self.facts);
  stormcut_service_analysis_free (self.services);
  return table;
}

void
stormcut_fp_row_free (StormcutFpRow *row)
{
  if (row == NULL)
    return;
  g_free (row->key);
  g_free (row->application);
  g_free (row->service);
  g_free (row->service_id);
  g_free (row->process);
  g_free (row->description);
  g_free (row->override_reason);
  g_free (row->note);
  g_free (row->element_id);
  g_free (row->context_id);
  g_free (row);
}

void
stormcut_fp_table_free (StormcutFpTable *table)
{
  if (table == NULL)
    return;
  g_free (table->application);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->by_service, g_ptr_array_unref);
  g_free (table->total.service_id);
  g_free (table->total.name);
  g_free (table);
}

const StormcutFpRow *
stormcut_fp_table_find_row (const StormcutFpTable *table,
                            const char            *key)
{
  g_return_val_if_fail (table != NULL, NULL);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const StormcutFpRow *row = g_ptr_array_index (table->rows, i);
      if (g_strcmp0 (row->key, key) == 0)
        return row;
    }
  return NULL;
}

double
stormcut_fp_table_get_total (const StormcutFpTable *table)
{
  g_return_val_if_fail (table != NULL, 0.0);
  return (double) table->total.total_tenths / 10.0;
}

gboolean
stormcut_fp_set_override (StormcutModel  *model,
                          const char     *row_key,
                          StormcutFpType  type,
                          const char     *reason,
                          GError        **error)
{
  g_autofree char *head = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);

  if (type >= STORMCUT_FP_N_TYPES)
    {
      g_set_error (error, STORMCUT_FP_ERROR, STORMCUT_FP_ERROR_INVALID,
                   _("Unknown function type. Choose ILF, EIF, EI, EO or EQ."));
      return FALSE;
    }
  head = g_strconcat ("type=", types[type].name, NULL);
  return store_override (model, row_key, head, reason, error);
}

gboolean
stormcut_fp_exclude (StormcutModel *model,
                     const char    *row_key,
                     const char    *reason,
                     GError       **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  return store_override (model, row_key, "excluded", reason, error);
}

gboolean
stormcut_fp_clear_override (StormcutModel *model,
                            const char    *row_key,
                            GError       **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);

  if (!check_row_key (row_key, error))
    return FALSE;
  key = g_strconcat ("fp.override.", row_key, NULL);
  if (stormcut_model_get_setting (model, key) == NULL)
    return TRUE;
  return stormcut_model_set_setting (model, key, NULL, error);
}

StormcutFpProfile
stormcut_fp_get_profile (StormcutModel *model)
{
  StormcutFpProfile profile = STORMCUT_FP_PROFILE_DEFAULT;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), profile);
  stormcut_fp_profile_from_string (stormcut_model_get_setting (model, "fp.profile"), &profile);
  return profile;
}

StormcutFpMethod
stormcut_fp_get_method (StormcutModel *model)
{
  StormcutFpMethod method = STORMCUT_FP_METHOD_SIMPLE;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), method);
  stormcut_fp_method_from_string (stormcut_model_get_setting (model, "fp.method"), &method);
  return method;
}

gboolean
stormcut_fp_set_profile (StormcutModel     *model,
                         StormcutFpProfile  profile,
                         GError           **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  if (profile >= STORMCUT_FP_N_PROFILES)
    {
      g_set_error (error, STORMCUT_FP_ERROR, STORMCUT_FP_ERROR_INVALID,
                   _("Unknown counting profile. Choose default or msa."));
      return FALSE;
    }
  return stormcut_model_set_setting (model, "fp.profile", stormcut_fp_profile_to_string (profile), error);
}

gboolean
stormcut_fp_set_method (StormcutModel    *model,
                        StormcutFpMethod  method,
                        GError          **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  if (method >= STORMCUT_FP_N_METHODS)
    {
      g_set_error (error, STORMCUT_FP_ERROR, STORMCUT_FP_ERROR_INVALID,
                   _("Unknown counting method. Choose simple or detailed."));
      return FALSE;
    }
  return stormcut_model_set_setting (model, "fp.method", stormcut_fp_method_to_string (method), error);
}

const char *
stormcut_fp_type_to_string (StormcutFpType type)
{
  g_return_val_if_fail (type < STORMCUT_FP_N_TYPES, NULL);
  return types[type].name;
}

gboolean
stormcut_fp_type_from_string (const char     *str,
                              StormcutFpType *out_type)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < STORMCUT_FP_N_TYPES; i++)
    if (g_ascii_strcasecmp (str, types[i].name) == 0)
      {
        if (out_type != NULL)
          *out_type = i;
        return TRUE;
      }
  return FALSE;
}

const char *
stormcut_fp_type_get_label (StormcutFpType type)
{
  g_return_val_if_fail (type < STORMCUT_FP_N_TYPES, NULL);
  return _(types[type].label);
}

const char *
stormcut_fp_profile_to_string (StormcutFpProfile profile)
{
  switch (profile)
    {
    case STORMCUT_FP_PROFILE_DEFAULT:
      return "default";
    case STORMCUT_FP_PROFILE_MSA:
      return "msa";
    case STORMCUT_FP_N_PROFILES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
stormcut_fp_profile_from_string (const char        *str,
                                 StormcutFpProfile *out_profile)
{
  StormcutFpProfile profile;

  if (g_strcmp0 (str, "default") == 0)
    profile = STORMCUT_FP_PROFILE_DEFAULT;
  else if (g_strcmp0 (str, "msa") == 0)
    profile = STORMCUT_FP_PROFILE_MSA;
  else
    return FALSE;
  if (out_profile != NULL)
    *out_profile = profile;
  return TRUE;
}

const char *
stormcut_fp_profile_get_label (StormcutFpProfile profile)
{
  switch (profile)
    {
    case STORMCUT_FP_PROFILE_DEFAULT:
      return _("Default profile (system boundary)");
    case STORMCUT_FP_PROFILE_MSA:
      return _("MSA profile (API rows of the procurement guide)");
    case STORMCUT_FP_N_PROFILES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_fp_method_to_string (StormcutFpMethod method)
{
  switch (method)
    {
    case STORMCUT_FP_METHOD_SIMPLE:
      return "simple";
    case STORMCUT_FP_METHOD_DETAILED:
      return "detailed";
    case STORMCUT_FP_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
stormcut_fp_method_from_string (const char       *str,
                                StormcutFpMethod *out_method)
{
  StormcutFpMethod method;

  if (g_strcmp0 (str, "simple") == 0)
    method = STORMCUT_FP_METHOD_SIMPLE;
  else if (g_strcmp0 (str, "detailed") == 0)
    method = STORMCUT_FP_METHOD_DETAILED;
  else
    return FALSE;
  if (out_method != NULL)
    *out_method = method;
  return TRUE;
}

const char *
stormcut_fp_method_get_label (StormcutFpMethod method)
{
  switch (method)
    {
    case STORMCUT_FP_METHOD_SIMPLE:
      return _("Simplified method (average weights)");
    case STORMCUT_FP_METHOD_DETAILED:
      return _("Detailed method (complexity matrices)");
    case STORMCUT_FP_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_fp_complexity_get_label (StormcutFpComplexity complexity)
{
  switch (complexity)
    {
    case STORMCUT_FP_COMPLEXITY_LOW:
      return _("low");
    case STORMCUT_FP_COMPLEXITY_AVERAGE:
      return _("average");
    case STORMCUT_FP_COMPLEXITY_HIGH:
      return _("high");
    case STORMCUT_FP_COMPLEXITY_UNKNOWN:
    default:
      return "";
    }
}

const char *
stormcut_fp_rule_to_string (StormcutFpRule rule)
{
  g_return_val_if_fail (rule < STORMCUT_FP_N_RULES, NULL);
  return rules[rule].name;
}

const char *
stormcut_fp_rule_get_label (StormcutFpRule rule)
{
  g_return_val_if_fail (rule < STORMCUT_FP_N_RULES, NULL);
  return _(rules[rule].label);
}

int
stormcut_fp_simple_weight_tenths (StormcutFpType type)
{
  g_return_val_if_fail (type < STORMCUT_FP_N_TYPES, 0);
  return types[type].simple_tenths;
}

StormcutFpComplexity
stormcut_fp_complexity (StormcutFpType type,
                        int            det,
                        int            ret_ftr)
{
  int row, column;

  g_return_val_if_fail (type < STORMCUT_FP_N_TYPES, STORMCUT_FP_COMPLEXITY_UNKNOWN);

  if (det < 1)
    return STORMCUT_FP_COMPLEXITY_UNKNOWN;

  switch (type)
    {
    case STORMCUT_FP_ILF:
    case STORMCUT_FP_EIF:
      if (ret_ftr < 1)
        return STORMCUT_FP_COMPLEXITY_UNKNOWN;
      row = ret_ftr == 1 ? 0 : ret_ftr <= 5 ? 1 : 2;
      column = det <= 19 ? 0 : det <= 50 ? 1 : 2;
      break;
    case STORMCUT_FP_EI:
      if (ret_ftr < 0)
        return STORMCUT_FP_COMPLEXITY_UNKNOWN;
      row = ret_ftr <= 1 ? 0 : ret_ftr == 2 ? 1 : 2;
      column = det <= 4 ? 0 : det <= 15 ? 1 : 2;
      break;
    case STORMCUT_FP_EO:
    case STORMCUT_FP_EQ:
      if (ret_ftr < 0)
        return STORMCUT_FP_COMPLEXITY_UNKNOWN;
      row = ret_ftr <= 1 ? 0 : ret_ftr <= 3 ? 1 : 2;
      column = det <= 5 ? 0 : det <= 19 ? 1 : 2;
      break;
    case STORMCUT_FP_N_TYPES:
    default:
      return STORMCUT_FP_COMPLEXITY_UNKNOWN;
    }
  return matrix[row][column];
}

int
stormcut_fp_detailed_weight (StormcutFpType       type,
                             StormcutFpComplexity complexity)
{
  g_return_val_if_fail (type < STORMCUT_FP_N_TYPES, 0);

  if (complexity < STORMCUT_FP_COMPLEXITY_LOW || complexity > STORMCUT_FP_COMPLEXITY_HIGH)
    return 0;
  return types[type].detailed[complexity - STORMCUT_FP_COMPLEXITY_LOW];
}

char *
stormcut_fp_format_tenths (gint64 tenths)
{
  GString *text = g_string_new (NULL);
  gint64 magnitude = tenths < 0 ? -tenths : tenths;
  g_autofree char *whole = g_strdup_printf ("%" G_GINT64_FORMAT, magnitude / 10);
  gsize len = strlen (whole);

  if (tenths < 0)
    g_string_append_c (text, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, whole[i]);
    }
  if (magnitude % 10 != 0)
    g_string_append_printf (text, ".%d", (int) (magnitude % 10));
  return g_string_free (text, FALSE);
}
