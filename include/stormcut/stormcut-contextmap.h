/* stormcut-contextmap.h: context-map relationships derived from the links (DOMAIN.md §3)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Derivation rules, applied to every link whose two ends lie in two different bounded
 * contexts A (source) and B (target):
 *   event(A) -> policy(B)          B downstream of A, asynchronous (pub/sub)
 *   event(A) -> read_model(B)      B downstream of A, asynchronous (pub/sub)
 *   policy(A) -> command(B)        A calls B's API: B upstream, A downstream, synchronous
 *   command(A) -> aggregate(B)     the command of A is handled in B: B upstream, A downstream,
 *                                  synchronous (the grammar has no command -> command link, so
 *                                  this is how "a command in A issues a command handled in B"
 *                                  is drawn)
 *   read_model(A) -> aggregate(B)  A reads B's data directly: B upstream, A downstream, shared data
 * Other cross-context links (actors, hotspots, external systems) derive nothing.
 *
 * One derived relationship is made per (upstream, downstream, mode); it lists the ids of the
 * links that justify it in document order.
 *
 * Comparison with the relationships the user confirmed (the model's StormcutRelationship
 * records), one entry per derived relationship and one per unmatched confirmed relationship:
 *   CONFIRMED        a confirmed relationship on the same pair agrees: upstream/downstream or
 *                    customer/supplier in the same direction with the same mode (or mode
 *                    unspecified), or partnership / shared kernel (symmetric, any direction);
 *   NOT_CONFIRMED    nothing on the pair agrees and nothing contradicts;
 *   CONTRADICTS      nothing agrees, and the pair is confirmed as separate ways although links
 *                    exist, or a relationship on the pair points the other way while none points
 *                    this way (one this way with another mode only leaves it NOT_CONFIRMED);
 *   NO_EVIDENCE      a confirmed relationship (other than separate ways) that no derived
 *                    relationship agrees with or points against, e.g. one confirmed as
 *                    synchronous where only events link the pair (entry->derived is NULL).
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"

G_BEGIN_DECLS

typedef enum {
  STORMCUT_CONTEXT_MAP_CONFIRMED,
  STORMCUT_CONTEXT_MAP_NOT_CONFIRMED,
  STORMCUT_CONTEXT_MAP_CONTRADICTS,
  STORMCUT_CONTEXT_MAP_NO_EVIDENCE,
  STORMCUT_CONTEXT_MAP_N_STATUSES
} StormcutContextMapStatus;

typedef struct {
  char        *upstream_id;    /* context id */
  char        *downstream_id;  /* context id */
  StormcutMode mode;           /* SYNC, ASYNC or SHARED_DATA */
  GPtrArray   *link_ids;       /* of char*, the justifying links in document order */
} StormcutDerivedRelationship;

typedef struct {
  StormcutContextMapStatus           status;
  const StormcutDerivedRelationship *derived;          /* borrowed from the map, NULL for NO_EVIDENCE */
  char                              *relationship_id;  /* the confirmed relationship that agrees or
                                                        * contradicts, or NULL for NOT_CONFIRMED */
} StormcutContextMapEntry;

typedef struct {
  GPtrArray *derived;  /* of StormcutDerivedRelationship*, ordered by upstream, downstream
                        * (context document order), then mode */
  GPtrArray *entries;  /* of StormcutContextMapEntry*: the derived ones in the order above,
                        * then the NO_EVIDENCE ones in relationship document order */
} StormcutContextMap;

StormcutDerivedRelationship *stormcut_derived_relationship_copy (const StormcutDerivedRelationship *derived);
void                stormcut_derived_relationship_free (StormcutDerivedRelationship *derived);
void                stormcut_context_map_free          (StormcutContextMap *map);

/* Derives the relationships of @model and compares them with the confirmed ones.  Never NULL. */
StormcutContextMap *stormcut_context_map_derive        (StormcutModel *model);

/* The derived relationship from @upstream_id to @downstream_id with @mode, or NULL. */
const StormcutDerivedRelationship *stormcut_context_map_find (const StormcutContextMap *map,
                                                              const char *upstream_id,
                                                              const char *downstream_id,
                                                              StormcutMode mode);

/* Stores @derived as a confirmed upstream/downstream relationship with its mode and no roles
 * (one undo step).  Returns the new relationship (owned by the model) or NULL with a
 * STORMCUT_MODEL_ERROR. */
const StormcutRelationship *stormcut_context_map_confirm (StormcutModel *model,
                                                          const StormcutDerivedRelationship *derived,
                                                          GError **error);

/* "confirmed", "not-confirmed", "contradicts", "no-evidence". */
const char         *stormcut_context_map_status_to_string (StormcutContextMapStatus status);
/* Translated label. */
const char         *stormcut_context_map_status_get_label (StormcutContextMapStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutDerivedRelationship, stormcut_derived_relationship_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutContextMap, stormcut_context_map_free)

G_END_DECLS
