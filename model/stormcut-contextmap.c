/* stormcut-contextmap.c: context-map relationships derived from the links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "stormcut/stormcut-contextmap.h"

/* How a cross-context link from @source to @target relates their contexts; FALSE when it
 * derives nothing.  @out_source_is_upstream tells which end is upstream. */
static gboolean
classify_link (StormcutKind  source,
               StormcutKind  target,
               gboolean     *out_source_is_upstream,
               StormcutMode *out_mode)
{
  if (source == STORMCUT_KIND_EVENT &&
      (target == STORMCUT_KIND_POLICY || target == STORMCUT_KIND_READ_MODEL))
    {
      *out_source_is_upstream = TRUE;
      *out_mode = STORMCUT_MODE_ASYNC;
      return TRUE;
    }
  if ((source == STORMCUT_KIND_POLICY || source == STORMCUT_KIND_COMMAND) && target == STORMCUT_KIND_COMMAND)
    {
      *out_source_is_upstream = FALSE;
      *out_mode = STORMCUT_MODE_SYNC;
      return TRUE;
    }
  if (source == STORMCUT_KIND_COMMAND && target == STORMCUT_KIND_AGGREGATE)
    {
      *out_source_is_upstream = FALSE;
      *out_mode = STORMCUT_MODE_SYNC;
      return TRUE;
    }
  if (source == STORMCUT_KIND_READ_MODEL && target == STORMCUT_KIND_AGGREGATE)
    {
      *out_source_is_upstream = FALSE;
      *out_mode = STORMCUT_MODE_SHARED_DATA;
      return TRUE;
    }
  return FALSE;
}

static void
entry_free (StormcutContextMapEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->relationship_id);
  g_free (entry);
}

static StormcutContextMapEntry *
entry_new (StormcutContextMapStatus           status,
           const StormcutDerivedRelationship *derived,
           const StormcutRelationship        *relationship)
{
  StormcutContextMapEntry *entry = g_new0 (StormcutContextMapEntry, 1);

  entry->status = status;
  entry->derived = derived;
  entry->relationship_id = relationship != NULL ? g_strdup (relationship->id) : NULL;
  return entry;
}

static char *
pair_key (const char *a,
          const char *b)
{
  /* Unordered pair of context ids. */
  return strcmp (a, b) <= 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
}

typedef struct {
  GHashTable *order;  /* context id -> position + 1 */
} SortData;

static guint
context_position (GHashTable *order,
                  const char *id)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (order, id));
}

static gint
compare_derived (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const StormcutDerivedRelationship *x = *(StormcutDerivedRelationship * const *) a;
  const StormcutDerivedRelationship *y = *(StormcutDerivedRelationship * const *) b;
  SortData *data = user_data;
  guint xu = context_position (data->order, x->upstream_id);
  guint yu = context_position (data->order, y->upstream_id);
  guint xd, yd;

  if (xu != yu)
    return xu < yu ? -1 : 1;
  xd = context_position (data->order, x->downstream_id);
  yd = context_position (data->order, y->downstream_id);
  if (xd != yd)
    return xd < yd ? -1 : 1;
  return (int) x->mode - (int) y->mode;
}

typedef enum {
  JUDGE_AGREES,          /* symmetric, or same direction and mode */
  JUDGE_SAME_DIRECTION,  /* same direction, another mode: neither agrees nor contradicts */
  JUDGE_OPPOSITE,        /* points the other way */
  JUDGE_SEPARATE,        /* separate ways */
} Judgement;

/* What confirmed @relationship says about @derived; both are on the same pair of contexts. */
static Judgement
judge (const StormcutRelationship        *relationship,
       const StormcutDerivedRelationship *derived)
{
  switch (relationship->pattern)
    {
    case STORMCUT_PATTERN_PARTNERSHIP:
    case STORMCUT_PATTERN_SHARED_KERNEL:
      return JUDGE_AGREES;
    case STORMCUT_PATTERN_SEPARATE_WAYS:
      return JUDGE_SEPARATE;
    case STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM:
    case STORMCUT_PATTERN_CUSTOMER_SUPPLIER:
    default:
      if (g_strcmp0 (relationship->upstream_id, derived->upstream_id) != 0)
        return JUDGE_OPPOSITE;
      if (relationship->mode == STORMCUT_MODE_UNSPECIFIED || relationship->mode == derived->mode)
        return JUDGE_AGREES;
      return JUDGE_SAME_DIRECTION;
    }
}

/* --- public API -------------------------------------------------------------------- */

StormcutDerivedRelationship *
stormcut_derived_relationship_copy (const StormcutDerivedRelationship *derived)
{
  StormcutDerivedRelationship *copy;

  g_return_val_if_fail (derived != NULL, NULL);

  copy = g_new0 (StormcutDerivedRelationship, 1);
  copy->upstream_id = g_strdup (derived->upstream_id);
  copy->downstream_id = g_strdup (derived->downstream_id);
  copy->mode = derived->mode;
  copy->link_ids = g_ptr_array_new_full (derived->link_ids->len, g_free);
  for (guint i = 0; i < derived->link_ids->len; i++)
    g_ptr_array_add (copy->link_ids, g_strdup (g_ptr_array_index (derived->link_ids, i)));
  return copy;
}

void
stormcut_derived_relationship_free (StormcutDerivedRelationship *derived)
{
  if (derived == NULL)
    return;
  g_free (derived->upstream_id);
  g_free (derived->downstream_id);
  g_clear_pointer (&derived->link_ids, g_ptr_array_unref);
  g_free (derived);
}

void
stormcut_context_map_free (StormcutContextMap *map)
{
  if (map == NULL)
    return;
  /* Entries borrow the derived relationships: drop them first. */
  g_clear_pointer (&map->entries, g_ptr_array_unref);
  g_clear_pointer (&map->derived, g_ptr_array_unref);
  g_free (map);
}

StormcutContextMap *
stormcut_context_map_derive (StormcutModel *model)
{
  g_autoptr(GHashTable) order = NULL;
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GHashTable) by_pair = NULL;    /* pair key -> GPtrArray of relationships */
  g_autoptr(GHashTable) judged = NULL;     /* relationships that agree with or contradict something */
  StormcutContextMap *map;
  GPtrArray *contexts, *links, *relationships;
  SortData sort_data;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);

  map = g_new0 (StormcutContextMap, 1);
  map->derived = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_derived_relationship_free);
  map->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  order = g_hash_table_new (g_str_hash, g_str_equal);
  contexts = stormcut_model_get_contexts (model);
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      g_hash_table_insert (order, context->id, GUINT_TO_POINTER (i + 1));
    }

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  links = stormcut_model_get_links (model);
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);
      const StormcutElement *source = stormcut_model_get_element (model, link->source_id);
      const StormcutElement *target = stormcut_model_get_element (model, link->target_id);
      StormcutDerivedRelationship *derived;
      const char *upstream, *downstream;
      gboolean source_is_upstream;
      StormcutMode mode;
      g_autofree char *key = NULL;

      if (source == NULL || target == NULL || source->context_id == NULL || target->context_id == NULL)
        continue;
      if (g_str_equal (source->context_id, target->context_id))
        continue;
      if (!g_hash_table_contains (order, source->context_id) || !g_hash_table_contains (order, target->context_id))
        continue;
      if (!classify_link (source->kind, target->kind, &source_is_upstream, &mode))
        continue;

      upstream = source_is_upstream ? source->context_id : target->context_id;
      downstream = source_is_upstream ? target->context_id : source->context_id;
      key = g_strdup_printf ("%s\n%s\n%d", upstream, downstream, (int) mode);
      derived = g_hash_table_lookup (by_key, key);
      if (derived == NULL)
        {
          derived = g_new0 (StormcutDerivedRelationship, 1);
          derived->upstream_id = g_strdup (upstream);
          derived->downstream_id = g_strdup (downstream);
          derived->mode = mode;
          derived->link_ids = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (map->derived, derived);
          g_hash_table_insert (by_key, g_steal_pointer (&key), derived);
        }
      g_ptr_array_add (derived->link_ids, g_strdup (link->id));
    }

  sort_data.order = order;
  g_ptr_array_sort_with_data (map->derived, compare_derived, &sort_data);

  /* Compare with the confirmed relationships. */
  by_pair = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  relationships = stormcut_model_get_relationships (model);
  for (guint i = 0; i < relationships->len; i++)
    {
      const StormcutRelationship *relationship = g_ptr_array_index (relationships, i);
      char *key = pair_key (relationship->upstream_id, relationship->downstream_id);
      GPtrArray *list = g_hash_table_lookup (by_pair, key);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_pair, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, (gpointer) relationship);
    }

  judged = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < map->derived->len; i++)
    {
      const StormcutDerivedRelationship *derived = g_ptr_array_index (map->derived, i);
      g_autofree char *key = pair_key (derived->upstream_id, derived->downstream_id);
      GPtrArray *list = g_hash_table_lookup (by_pair, key);
      const StormcutRelationship *contradicts;
      const StormcutRelationship *agrees = NULL, *separate = NULL, *opposite = NULL;
      gboolean same_direction = FALSE;

      for (guint j = 0; list != NULL && j < list->len; j++)
        {
          const StormcutRelationship *relationship = g_ptr_array_index (list, j);

          switch (judge (relationship, derived))
            {
            case JUDGE_AGREES:
              if (agrees == NULL)
                agrees = relationship;
              g_hash_table_add (judged, (gpointer) relationship);
              break;
            case JUDGE_SAME_DIRECTION:
              same_direction = TRUE;
              break;
            case JUDGE_OPPOSITE:
              if (opposite == NULL)
                opposite = relationship;
              g_hash_table_add (judged, (gpointer) relationship);
              break;
            case JUDGE_SEPARATE:
            default:
              if (separate == NULL)
                separate = relationship;
              break;
            }
        }

      /* A relationship confirmed the other way contradicts only when nothing confirmed on
       * the pair points this way. */
      contradicts = separate != NULL ? separate : !same_direction ? opposite : NULL;
      if (agrees != NULL)
        g_ptr_array_add (map->entries, entry_new (STORMCUT_CONTEXT_MAP_CONFIRMED, derived, agrees));
      else if (contradicts != NULL)
        g_ptr_array_add (map->entries, entry_new (STORMCUT_CONTEXT_MAP_CONTRADICTS, derived, contradicts));
      else
        g_ptr_array_add (map->entries, entry_new (STORMCUT_CONTEXT_MAP_NOT_CONFIRMED, derived, NULL));
    }

  for (guint i = 0; i < relationships->len; i++)
    {
      const StormcutRelationship *relationship = g_ptr_array_index (relationships, i);

      if (relationship->pattern == STORMCUT_PATTERN_SEPARATE_WAYS)
        continue;
      if (!g_hash_table_contains (judged, relationship))
        g_ptr_array_add (map->entries, entry_new (STORMCUT_CONTEXT_MAP_NO_EVIDENCE, NULL, relationship));
    }

  return map;
}

const StormcutDerivedRelationship *
stormcut_context_map_find (const StormcutContextMap *map,
                           const char               *upstream_id,
                           const char               *downstream_id,
                           StormcutMode              mode)
{
  g_return_val_if_fail (map != NULL, NULL);

  for (guint i = 0; i < map->derived->len; i++)
    {
      const StormcutDerivedRelationship *derived = g_ptr_array_index (map->derived, i);

      if (derived->mode == mode &&
          g_strcmp0 (derived->upstream_id, upstream_id) == 0 &&
          g_strcmp0 (derived->downstream_id, downstream_id) == 0)
        return derived;
    }
  return NULL;
}

const StormcutRelationship *
stormcut_context_map_confirm (StormcutModel                     *model,
                              const StormcutDerivedRelationship *derived,
                              GError                           **error)
{
  StormcutRelationship relationship = { 0 };

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (derived != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  relationship.pattern = STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM;
  relationship.upstream_id = derived->upstream_id;
  relationship.downstream_id = derived->downstream_id;
  relationship.roles = STORMCUT_ROLE_NONE;
  relationship.mode = derived->mode;
  return stormcut_model_insert_relationship (model, &relationship, error);
}

const char *
stormcut_context_map_status_to_string (StormcutContextMapStatus status)
{
  switch (status)
    {
    case STORMCUT_CONTEXT_MAP_CONFIRMED:
      return "confirmed";
    case STORMCUT_CONTEXT_MAP_NOT_CONFIRMED:
      return "not-confirmed";
    case STORMCUT_CONTEXT_MAP_CONTRADICTS:
      return "contradicts";
    case STORMCUT_CONTEXT_MAP_NO_EVIDENCE:
      return "no-evidence";
    case STORMCUT_CONTEXT_MAP_N_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_context_map_status_get_label (StormcutContextMapStatus status)
{
  switch (status)
    {
    case STORMCUT_CONTEXT_MAP_CONFIRMED:
      return _("Confirmed");
    case STORMCUT_CONTEXT_MAP_NOT_CONFIRMED:
      return _("Derived, not confirmed");
    case STORMCUT_CONTEXT_MAP_CONTRADICTS:
      return _("Contradicts a confirmed relationship");
    case STORMCUT_CONTEXT_MAP_NO_EVIDENCE:
      return _("Confirmed, no links support it");
    case STORMCUT_CONTEXT_MAP_N_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}
