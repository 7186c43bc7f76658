/* stormcut-fp.c: function-point rows for KOSA estimates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "stormcut/stormcut-fp.h"
#include "stormcut/stormcut-services.h"
#include "stormcut-analysis-private.h"

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

/* A translated message with "%s" (or "%1$s", "%2$s") placeholders split into its literal
 * parts, so that rows can be filled without printf.  A translation with other directives
 * falls back to the English message. */
typedef struct {
  GPtrArray *parts;   /* of char*: literal, argument, literal, argument, ..., literal */
  GArray    *args;    /* of guint: which argument goes between parts i and i + 1 */
} Template;

static gboolean
template_parse (Template   *template,
                const char *format,
                guint       n_args)
{
  const char *literal = format;
  const char *p = format;
  guint next = 0;

  template->parts = g_ptr_array_new_with_free_func (g_free);
  template->args = g_array_new (FALSE, FALSE, sizeof (guint));
  while ((p = strchr (p, '%')) != NULL)
    {
      guint arg;
      const char *end;

      if (p[1] == 's')
        {
          arg = next++;
          end = p + 2;
        }
      else if (p[1] >= '1' && p[1] <= '9' && p[2] == '$' && p[3] == 's')
        {
          arg = (guint) (p[1] - '1');
          end = p + 4;
        }
      else
        return FALSE;
      if (arg >= n_args)
        return FALSE;
      g_ptr_array_add (template->parts, g_strndup (literal, (gsize) (p - literal)));
      g_array_append_val (template->args, arg);
      literal = p = end;
    }
  g_ptr_array_add (template->parts, g_strdup (literal));
  return template->args->len == n_args;
}

static void
template_clear (Template *template)
{
  g_clear_pointer (&template->parts, g_ptr_array_unref);
  g_clear_pointer (&template->args, g_array_unref);
}

static void
template_init (Template   *template,
               const char *english,
               guint       n_args)
{
  if (template_parse (template, g_dgettext (GETTEXT_PACKAGE, english), n_args))
    return;
  template_clear (template);
  template_parse (template, english, n_args);
}

/* Fills @template with @first and @second (NULL for a one-argument template) into @out. */
static void
template_fill (const Template *template,
               GString        *out,
               const char     *first,
               const char     *second)
{
  g_string_assign (out, g_ptr_array_index (template->parts, 0));
  for (guint i = 0; i < template->args->len; i++)
    {
      const char *value = g_array_index (template->args, guint, i) == 0 ? first : second;

      g_string_append (out, value != NULL ? value : "");
      g_string_append (out, g_ptr_array_index (template->parts, i + 1));
    }
}

/* What the links say about each element, gathered in one pass into one record per
 * element that takes part in a link.  The lists of elements are chains in one array, so
 * that gathering allocates little.  Elements are pointers (valid while the model does not
 * change). */
enum {
  FACT_ACTOR_INVOKED   = 1 << 0,  /* a command an actor invokes */
  FACT_LINKED_EXTERNAL = 1 << 1,  /* an external system with a link other than an annotation */
  FACT_SENT_EXTERNAL   = 1 << 2,  /* an event sent to an external system */
};

typedef enum {
  LIST_HANDLED_BY,        /* command -> aggregates */
  LIST_REACHES_EXTERNAL,  /* command -> external systems */
  LIST_READS,             /* read model -> aggregates (direct reads) */
  LIST_FED_BY,            /* read model -> events */
  LIST_PRODUCED_BY,       /* event -> aggregates */
  N_LISTS
} ListKind;

typedef struct {
  const StormcutElement *element;
  guint                  next;    /* position + 1 of the next item in the chain, 0 at the end */
} ListItem;

typedef struct {
  guint head, tail;   /* positions + 1 in LinkFacts.items, 0 when empty */
  guint len;
} List;

typedef struct {
  guint                  flags;
  const StormcutElement *first_neighbour;  /* of an external system: first linked element in a context */
  List                   lists[N_LISTS];
} ElementFacts;

typedef struct {
  GHashTable *index;   /* StormcutElement* -> position + 1 in @facts */
  GArray     *facts;   /* of ElementFacts */
  GArray     *items;   /* of ListItem */
} LinkFacts;

typedef struct {
  StormcutModel                 *model;
  StormcutFpTable               *table;
  const StormcutServiceAnalysis *services;
  GArray                        *links;       /* StormcutResolvedLink */
  LinkFacts                      facts;
  const char                    *rule_labels[STORMCUT_FP_N_RULES];  /* translated once */
  const char                    *average_note;
  Template                       api_process;
  Template                       api_description;
  GString                       *scratch;
  char                         **service_names;  /* per bucket, kept in the table */
  char                         **service_ids;
  const char                    *unreadable_note;
  gboolean                       has_contexts;
  gboolean                       has_overrides;
  gboolean                       any_external;   /* some context is marked external */
  GPtrArray                     *buckets;    /* per service index (+1 for none): GPtrArray of rows */
  GHashTable                    *service_index;
  GPtrArray                     *names;   /* scratch lists for measure() */
  GPtrArray                     *files;
  /* the context of the last element counted, as neighbouring elements mostly share one */
  const char                    *last_context_id;
  const StormcutService         *last_service;
  char                          *last_kept_context_id;
} Counter;

/* The record of @element, or NULL when no link concerns it.  Valid until a record is added. */
static ElementFacts *
facts_of (LinkFacts             *f,
          const StormcutElement *element)
{
  guint position = GPOINTER_TO_UINT (g_hash_table_lookup (f->index, element));

  return position != 0 ? &g_array_index (f->facts, ElementFacts, position - 1) : NULL;
}

/* The record of @element, added when missing.  Valid until a record is added. */
static ElementFacts *
ensure_facts (LinkFacts             *f,
              const StormcutElement *element)
{
  ElementFacts *facts = facts_of (f, element);

  if (facts == NULL)
    {
      g_array_set_size (f->facts, f->facts->len + 1);  /* cleared: the array zeroes new records */
      g_hash_table_insert (f->index, (gpointer) element, GUINT_TO_POINTER (f->facts->len));
      facts = &g_array_index (f->facts, ElementFacts, f->facts->len - 1);
    }
  return facts;
}

static const ListItem *
list_item (const LinkFacts *f,
           guint            position)
{
  return position != 0 ? &g_array_index (f->items, ListItem, position - 1) : NULL;
}

/* Appends @value to the list @kind of @key unless it is there already. */
static void
add_to_list (LinkFacts             *f,
             ListKind               kind,
             const StormcutElement *key,
             const StormcutElement *value)
{
  List *list = &ensure_facts (f, key)->lists[kind];
  ListItem item = { value, 0 };

  for (const ListItem *i = list_item (f, list->head); i != NULL; i = list_item (f, i->next))
    if (i->element == value)
      return;
  g_array_append_val (f->items, item);
  if (list->tail != 0)
    g_array_index (f->items, ListItem, list->tail - 1).next = f->items->len;
  else
    list->head = f->items->len;
  list->tail = f->items->len;
  list->len++;
}

static void
gather_facts (Counter *self)
{
  LinkFacts *f = &self->facts;
  GArray *links = self->links;

  f->index = g_hash_table_new (g_direct_hash, g_direct_equal);
  f->facts = g_array_new (FALSE, TRUE, sizeof (ElementFacts));
  f->items = g_array_new (FALSE, FALSE, sizeof (ListItem));

  for (guint i = 0; i < links->len; i++)
    {
      const StormcutResolvedLink *resolved = &g_array_index (links, StormcutResolvedLink, i);
      const StormcutElement *source = resolved->source;
      const StormcutElement *target = resolved->target;

      if (resolved->source_kind == STORMCUT_KIND_HOTSPOT || resolved->target_kind == STORMCUT_KIND_HOTSPOT)
        continue;

      if (resolved->source_kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
        {
          ElementFacts *facts = ensure_facts (f, source);

          facts->flags |= FACT_LINKED_EXTERNAL;
          if (target->context_id != NULL && facts->first_neighbour == NULL)
            facts->first_neighbour = target;
        }
      if (resolved->target_kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
        {
          ElementFacts *facts = ensure_facts (f, target);

          facts->flags |= FACT_LINKED_EXTERNAL;
          if (source->context_id != NULL && facts->first_neighbour == NULL)
            facts->first_neighbour = source;
        }

      switch (resolved->source_kind)
        {
        case STORMCUT_KIND_ACTOR:
          if (resolved->target_kind == STORMCUT_KIND_COMMAND)
            ensure_facts (f, target)->flags |= FACT_ACTOR_INVOKED;
          break;
        case STORMCUT_KIND_COMMAND:
          if (resolved->target_kind == STORMCUT_KIND_AGGREGATE)
            add_to_list (f, LIST_HANDLED_BY, source, target);
          else if (resolved->target_kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
            add_to_list (f, LIST_REACHES_EXTERNAL, source, target);
          break;
        case STORMCUT_KIND_READ_MODEL:
          if (resolved->target_kind == STORMCUT_KIND_AGGREGATE)
            add_to_list (f, LIST_READS, source, target);
          break;
        case STORMCUT_KIND_EVENT:
          if (resolved->target_kind == STORMCUT_KIND_READ_MODEL)
            add_to_list (f, LIST_FED_BY, target, source);
          else if (resolved->target_kind == STORMCUT_KIND_EXTERNAL_SYSTEM)
            ensure_facts (f, source)->flags |= FACT_SENT_EXTERNAL;
          break;
        case STORMCUT_KIND_AGGREGATE:
          if (resolved->target_kind == STORMCUT_KIND_EVENT)
            add_to_list (f, LIST_PRODUCED_BY, target, source);
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
  g_clear_pointer (&f->index, g_hash_table_unref);
  g_clear_pointer (&f->facts, g_array_unref);
  g_clear_pointer (&f->items, g_array_unref);
}

/* The list @kind of the element whose record is @facts (may be NULL). */
static const List *
get_list (const ElementFacts *facts,
          ListKind            kind)
{
  static const List empty = { 0, 0, 0 };

  return facts != NULL ? &facts->lists[kind] : &empty;
}

static guint
n_attributes (const StormcutElement *element)
{
  return element->attributes != NULL ? element->attributes->len : 0;
}

/* Number of distinct attribute names of the elements of @list, and how many of them have
 * attributes at all. */
static guint
count_distinct_attributes (const LinkFacts *f,
                           const List      *list,
                           GPtrArray       *names,
                           guint           *out_with_attributes)
{
  guint with_attributes = 0;

  g_ptr_array_set_size (names, 0);
  for (const ListItem *item = list_item (f, list->head); item != NULL; item = list_item (f, item->next))
    {
      const StormcutElement *element = item->element;

      if (n_attributes (element) == 0)
        continue;
      with_attributes++;
      for (guint j = 0; j < element->attributes->len; j++)
        {
          const char *name = ((StormcutAttribute *) g_ptr_array_index (element->attributes, j))->name;
          gboolean seen = FALSE;

          /* Few names per function: a linear scan beats hashing. */
          for (guint k = 0; k < names->len && !seen; k++)
            seen = g_str_equal (g_ptr_array_index (names, k), name);
          if (!seen)
            g_ptr_array_add (names, (gpointer) name);
        }
    }
  if (out_with_attributes != NULL)
    *out_with_attributes = with_attributes;
  return names->len;
}

/* DET and RET/FTR of a row (see the header); -1 when unknown.  @facts is the record of
 * @element (may be NULL). */
static void
measure (Counter               *self,
         const StormcutElement *element,
         const ElementFacts    *facts,
         StormcutFpRule         rule,
         int                   *out_det,
         int                   *out_ret_ftr)
{
  LinkFacts *f = &self->facts;
  const List *aggregates;
  guint det, with_attributes;

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
      aggregates = get_list (facts, LIST_HANDLED_BY);
      det = count_distinct_attributes (f, aggregates, self->names, NULL);
      if (det > 0)
        {
          *out_det = (int) det;
          *out_ret_ftr = (int) (aggregates->len + get_list (facts, LIST_REACHES_EXTERNAL)->len);
        }
      break;

    case STORMCUT_FP_RULE_READ_MODEL_EQ:
    case STORMCUT_FP_RULE_READ_MODEL_EO:
      if (n_attributes (element) > 0)
        {
          GPtrArray *files = self->files;
          const List *reads = get_list (facts, LIST_READS);
          const List *events = get_list (facts, LIST_FED_BY);

          g_ptr_array_set_size (files, 0);
          for (const ListItem *i = list_item (f, reads->head); i != NULL; i = list_item (f, i->next))
            g_ptr_array_add (files, (gpointer) i->element);
          for (const ListItem *i = list_item (f, events->head); i != NULL; i = list_item (f, i->next))
            {
              const List *producers = get_list (facts_of (f, i->element), LIST_PRODUCED_BY);

              for (const ListItem *j = list_item (f, producers->head); j != NULL; j = list_item (f, j->next))
                if (!g_ptr_array_find (files, j->element, NULL))
                  g_ptr_array_add (files, (gpointer) j->element);
            }
          *out_det = (int) n_attributes (element);
          *out_ret_ftr = MAX (1, (int) files->len);
        }
      break;

    case STORMCUT_FP_RULE_EVENT_EXTERNAL_EO:
      aggregates = get_list (facts, LIST_PRODUCED_BY);
      det = count_distinct_attributes (f, aggregates, self->names, NULL);
      if (det > 0)
        {
          *out_det = (int) det;
          *out_ret_ftr = (int) aggregates->len;
        }
      break;

    case STORMCUT_FP_RULE_API_OWNS_DATA_ILF:
    case STORMCUT_FP_RULE_API_NO_DATA_EIF:
      if (element->kind == STORMCUT_KIND_COMMAND)
        {
          det = count_distinct_attributes (f, get_list (facts, LIST_HANDLED_BY), self->names, &with_attributes);
          if (det > 0)
            {
              *out_det = (int) det;
              *out_ret_ftr = (int) with_attributes;
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

/* A copy of @text in the table's string chunk ("" for NULL). */
static char *
keep (Counter    *self,
      const char *text)
{
  if (text == NULL || text[0] == '\0')
    return (char *) "";
  return g_string_chunk_insert (self->table->strings, text);
}

/* @name with newlines and tabs as spaces, kept in the table. */
static char *
keep_single_line (Counter    *self,
                  const char *name)
{
  GString *scratch = self->scratch;

  if (name == NULL || strpbrk (name, "\n\r\t") == NULL)
    return keep (self, name);
  g_string_assign (scratch, name);
  for (gsize i = 0; i < scratch->len; i++)
    if (scratch->str[i] == '\n' || scratch->str[i] == '\r' || scratch->str[i] == '\t')
      scratch->str[i] = ' ';
  return g_string_chunk_insert_len (self->table->strings, scratch->str, (gssize) scratch->len);
}

static void
add_row (Counter               *self,
         const StormcutElement *element,
         const ElementFacts    *facts,
         StormcutFpRule         rule,
         const StormcutService *service)
{
  StormcutFpRow *row = g_new0 (StormcutFpRow, 1);
  g_autofree char *setting_key = NULL;
  Override override;
  gboolean detailed_weight = FALSE;
  guint bucket;

  bucket = service != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->service_index, service)) - 1
                           : self->buckets->len - 1;

  g_string_assign (self->scratch, rules[rule].key_prefix);
  g_string_append (self->scratch, element->id);
  row->key = g_string_chunk_insert_len (self->table->strings, self->scratch->str, (gssize) self->scratch->len);
  row->application = self->table->application;
  row->service = self->service_names[bucket];
  row->service_id = self->service_ids[bucket];
  row->rule = rule;
  row->suggested_type = rules[rule].type;
  row->type = row->suggested_type;
  row->element_id = row->key + strlen (rules[rule].key_prefix);  /* the key ends with the id */
  if (element->context_id == NULL)
    row->context_id = NULL;
  else
    {
      if (self->last_kept_context_id == NULL || strcmp (self->last_kept_context_id, element->context_id) != 0)
        self->last_kept_context_id = g_string_chunk_insert_const (self->table->strings, element->context_id);
      row->context_id = self->last_kept_context_id;
    }

  if (rule == STORMCUT_FP_RULE_API_OWNS_DATA_ILF || rule == STORMCUT_FP_RULE_API_NO_DATA_EIF)
    {
      const char *name = keep_single_line (self, element->name);

      template_fill (&self->api_process, self->scratch, name, NULL);
      row->process = g_string_chunk_insert_len (self->table->strings, self->scratch->str, (gssize) self->scratch->len);
      template_fill (&self->api_description, self->scratch, service != NULL ? service->name : "", name);
      row->description = g_string_chunk_insert_len (self->table->strings, self->scratch->str, (gssize) self->scratch->len);
    }
  else
    {
      row->process = keep_single_line (self, element->name);
      row->description = keep (self, element->description);
    }

  measure (self, element, facts, rule, &row->det, &row->ret_ftr);

  if (self->has_overrides)
    {
      setting_key = g_strconcat ("fp.override.", row->key, NULL);
      parse_override (stormcut_model_get_setting (self->model, setting_key), &override);
    }
  else
    memset (&override, 0, sizeof override);
  if (override.readable)
    {
      row->overridden = TRUE;
      row->excluded = override.excluded;
      if (!override.excluded)
        row->type = override.type;
      row->override_reason = keep (self, override.reason);
    }

  /* 간이법's averages stand for every complexity: only 정통법 rates it. */
  if (self->table->method == STORMCUT_FP_METHOD_DETAILED)
    row->complexity = stormcut_fp_complexity (row->type, row->det, row->ret_ftr);
  if (row->complexity != STORMCUT_FP_COMPLEXITY_UNKNOWN)
    {
      row->weight_tenths = 10 * stormcut_fp_detailed_weight (row->type, row->complexity);
      detailed_weight = TRUE;
    }
  else
    row->weight_tenths = types[row->type].simple_tenths;
  row->fp_tenths = row->excluded ? 0 : row->weight_tenths;

  if (!override.present && !(self->table->method == STORMCUT_FP_METHOD_DETAILED && !detailed_weight))
    row->note = (char *) self->rule_labels[rule];  /* the common case: a translated constant */
  else
    {
      GString *note = g_string_new (self->rule_labels[rule]);

      if (self->table->method == STORMCUT_FP_METHOD_DETAILED && !detailed_weight)
        {
          g_string_append (note, "; ");
          g_string_append (note, self->average_note);
        }
      if (override.present && !override.readable)
        {
          g_string_append (note, "; ");
          g_string_append (note, self->unreadable_note);
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
      row->note = g_string_chunk_insert_len (self->table->strings, note->str, (gssize) note->len);
      g_string_free (note, TRUE);
    }
  g_free (override.reason);
  g_ptr_array_add (g_ptr_array_index (self->buckets, bucket), row);
}

static const StormcutService *
service_of (Counter               *self,
            const StormcutElement *element,
            const ElementFacts    *facts)
{
  if (element->kind == STORMCUT_KIND_EXTERNAL_SYSTEM && element->context_id == NULL)
    {
      const StormcutElement *neighbour = facts != NULL ? facts->first_neighbour : NULL;

      return neighbour != NULL ? stormcut_service_analysis_get_service_of_element (self->services, neighbour) : NULL;
    }
  if (element->context_id == NULL)
    return NULL;
  if (self->last_context_id == NULL || strcmp (self->last_context_id, element->context_id) != 0)
    {
      self->last_context_id = element->context_id;
      self->last_service = stormcut_service_analysis_get_service_of_context (self->services, element->context_id);
    }
  return self->last_service;
}

static void
count_element (Counter               *self,
               const StormcutElement *element)
{
  const ElementFacts *facts = facts_of (&self->facts, element);
  const StormcutService *service = service_of (self, element, facts);
  guint flags = facts != NULL ? facts->flags : 0;

  if (self->any_external && element->context_id != NULL)
    {
      const StormcutContext *context = stormcut_model_get_context (self->model, element->context_id);
      if (context != NULL && context->external)
        return;
    }

  switch (element->kind)
    {
    case STORMCUT_KIND_AGGREGATE:
      if (element->context_id != NULL || !self->has_contexts)
        add_row (self, element, facts, STORMCUT_FP_RULE_AGGREGATE_ILF, service);
      break;
    case STORMCUT_KIND_EXTERNAL_SYSTEM:
      if (flags & FACT_LINKED_EXTERNAL)
        add_row (self, element, facts, STORMCUT_FP_RULE_EXTERNAL_EIF, service);
      break;
    case STORMCUT_KIND_COMMAND:
      if (flags & FACT_ACTOR_INVOKED)
        add_row (self, element, facts, STORMCUT_FP_RULE_ACTOR_COMMAND_EI, service);
      break;
    case STORMCUT_KIND_READ_MODEL:
      add_row (self, element, facts, element->derived ? STORMCUT_FP_RULE_READ_MODEL_EO : STORMCUT_FP_RULE_READ_MODEL_EQ, service);
      break;
    case STORMCUT_KIND_EVENT:
      if (flags & FACT_SENT_EXTERNAL)
        add_row (self, element, facts, STORMCUT_FP_RULE_EVENT_EXTERNAL_EO, service);
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
    add_row (self, element, facts,
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

static gboolean
model_has_overrides (StormcutModel *model)
{
  g_auto (GStrv) keys = stormcut_model_list_settings (model);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (g_str_has_prefix (keys[i], "fp.override."))
      return TRUE;
  return FALSE;
}

static StormcutFpTable *
count (StormcutModel                 *model,
       const StormcutServiceAnalysis *services,
       GArray                        *links,
       StormcutFpProfile              profile,
       StormcutFpMethod               method)
{
  StormcutFpTable *table;
  Counter self = { 0 };
  GPtrArray *elements;
  guint n_services;

  table = g_new0 (StormcutFpTable, 1);
  table->profile = profile;
  table->method = method;
  table->application = g_strdup (stormcut_model_get_name (model) != NULL ? stormcut_model_get_name (model) : "");
  table->strings = g_string_chunk_new (4096);
  table->rows = g_ptr_array_new_with_free_func (g_free);
  table->by_service = g_ptr_array_new_with_free_func ((GDestroyNotify) total_free);
  table->total.name = g_strdup ("");

  self.model = model;
  self.table = table;
  self.services = services;
  self.links = links;
  self.has_overrides = model_has_overrides (model);
  for (guint i = 0; i < stormcut_model_get_contexts (model)->len; i++)
    if (((StormcutContext *) g_ptr_array_index (stormcut_model_get_contexts (model), i))->external)
      self.any_external = TRUE;
  for (guint i = 0; i < STORMCUT_FP_N_RULES; i++)
    self.rule_labels[i] = _(rules[i].label);
  self.average_note = _("average weight (DET or RET/FTR unknown)");
  /* Translators: the unit-process name of an MSA API row, as in the procurement guide
   * ("예약 등록 API 연계"); %s is the element's name. */
  template_init (&self.api_process, N_("%s API integration"), 1);
  /* Translators: description of an MSA API row; %s are a service and an element name. */
  template_init (&self.api_description, N_("API of service “%s” for “%s”, exposed through the gateway"), 2);
  self.unreadable_note = _("unreadable override ignored");
  self.has_contexts = stormcut_model_get_contexts (model)->len > 0;
  gather_facts (&self);
  self.names = g_ptr_array_new ();
  self.files = g_ptr_array_new ();

  n_services = self.services->services->len;
  self.scratch = g_string_sized_new (128);
  self.service_names = g_new0 (char *, n_services + 1);
  self.service_ids = g_new0 (char *, n_services + 1);
  for (guint i = 0; i < n_services; i++)
    {
      const StormcutService *service = g_ptr_array_index (self.services->services, i);

      self.service_names[i] = g_string_chunk_insert (table->strings, service->name);
      self.service_ids[i] = g_string_chunk_insert (table->strings, service->id);
    }
  self.service_names[n_services] = (char *) "";
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
  g_ptr_array_unref (self.names);
  g_ptr_array_unref (self.files);
  g_string_free (self.scratch, TRUE);
  template_clear (&self.api_process);
  template_clear (&self.api_description);
  g_free (self.service_names);
  g_free (self.service_ids);
  return table;
}

StormcutFpTable *
stormcut_fp_count (StormcutModel     *model,
                   StormcutFpProfile  profile,
                   StormcutFpMethod   method)
{
  g_autoptr(GArray) links = NULL;
  g_autoptr(StormcutServiceAnalysis) services = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (profile < STORMCUT_FP_N_PROFILES, NULL);
  g_return_val_if_fail (method < STORMCUT_FP_N_METHODS, NULL);

  links = stormcut_analysis_resolve_links (model);
  services = stormcut_services_analyze_for_fp (model, links);
  return count (model, services, links, profile, method);
}

StormcutFpTable *
stormcut_fp_count_with_services (StormcutModel                 *model,
                                 const StormcutServiceAnalysis *services,
                                 StormcutFpProfile              profile,
                                 StormcutFpMethod               method)
{
  g_autoptr(GArray) links = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (services != NULL, NULL);
  g_return_val_if_fail (profile < STORMCUT_FP_N_PROFILES, NULL);
  g_return_val_if_fail (method < STORMCUT_FP_N_METHODS, NULL);

  if (services->links != NULL)
    return count (model, services, services->links, profile, method);
  links = stormcut_analysis_resolve_links (model);
  return count (model, services, links, profile, method);
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
  g_clear_pointer (&table->strings, g_string_chunk_free);
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
