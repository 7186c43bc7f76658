/* stormcut-services.h: microservice candidates (DOMAIN.md §4)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Services.  Each bounded context is one candidate service, except that contexts whose
 * StormcutContext.service holds the same non-NULL name form one service of that name (a
 * merge).  A service is external ("not a service") when every one of its contexts has
 * StormcutContext.external set.  Both fields are stored in the document through
 * stormcut_model_update_context(), so merges and marks are durable and undoable; the helpers
 * below do that.  Service ids: the context id for a context with no service name, and
 * "service:" + name for a named (merged) service.  Elements outside every context belong to
 * no service.
 *
 * For every service:
 *   aggregates    the aggregates of its contexts: the data it alone writes (DB ownership);
 *   provided      its synchronous endpoints: each command of the service invoked from outside it
 *                 (actor -> command; a policy outside the service -> command; a policy of the
 *                 service activated by an event an external system produces), and each read
 *                 model of the service (callers: the actors that look at it);
 *   required_sync policy(this) -> command(other service): a call to the other service's API;
 *   subscriptions event(other) -> policy(this) or event(other) -> read_model(this);
 *   direct_reads  read_model(this) -> aggregate(other): a direct read of another service's data.
 *
 * Findings, each with the services, elements and links that justify it:
 *   OWNERSHIP_VIOLATION  command(S) -> aggregate(T), S != T: a command of S writes data T owns;
 *   CYCLE                a strongly connected component (Tarjan) of two or more services in the
 *                        dependency graph, where S depends on T for every required sync call,
 *                        subscription, direct read or ownership violation from S to T (the
 *                        message says when the cycle is made of event subscriptions only);
 *   SHARED_DATA          per (reader, owner) pair of services: direct reads of the owner's data;
 *   NO_DATA              a service (not external) that owns no aggregate;
 *   CHATTY_PAIR          two services joined by STORMCUT_SERVICES_CHATTY_THRESHOLD or more links
 *                        (any kind but hotspot annotations, either direction, between elements
 *                        of the two services).
 * Findings are ordered by kind, then by the document order of their first service.
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"

G_BEGIN_DECLS

/* Two services with at least this many links between them are a chatty pair. */
#define STORMCUT_SERVICES_CHATTY_THRESHOLD 3

typedef struct {
  char      *element_id;  /* command or read model of the service */
  GPtrArray *caller_ids;  /* of char*: actors, policies, external systems that invoke it */
  GPtrArray *link_ids;    /* of char*: the links that make it an endpoint */
} StormcutServiceApi;

typedef struct {
  StormcutMode mode;              /* SYNC, ASYNC or SHARED_DATA */
  char        *source_element_id; /* in this service: policy, read model */
  char        *target_element_id; /* in the other service: command, event, aggregate */
  char        *target_service_id;
  char        *link_id;
} StormcutServiceDependency;

typedef struct {
  char      *id;
  char      *name;          /* context name, or the service name of a merge */
  char      *code_name;     /* context code name; for a merge the name when it is ASCII, else
                             * the code names of its contexts joined by "" */
  gboolean   external;
  GPtrArray *context_ids;   /* of char*, document order */
  GPtrArray *aggregate_ids; /* of char*, owned data, document order */
  GPtrArray *provided;      /* of StormcutServiceApi*, document order of the element */
  GPtrArray *required_sync; /* of StormcutServiceDependency*, link document order */
  GPtrArray *subscriptions; /* idem */
  GPtrArray *direct_reads;  /* idem */
} StormcutService;

typedef enum {
  STORMCUT_FINDING_OWNERSHIP_VIOLATION,
  STORMCUT_FINDING_CYCLE,
  STORMCUT_FINDING_SHARED_DATA,
  STORMCUT_FINDING_NO_DATA,
  STORMCUT_FINDING_CHATTY_PAIR,
  STORMCUT_N_FINDINGS
} StormcutFindingKind;

typedef struct {
  StormcutFindingKind kind;
  GPtrArray *service_ids;   /* of char* */
  GPtrArray *element_ids;   /* of char* */
  GPtrArray *link_ids;      /* of char* */
  char      *message;       /* translated, names the services */
} StormcutServiceFinding;

typedef struct _StormcutServiceAnalysis StormcutServiceAnalysis;
struct _StormcutServiceAnalysis {
  GPtrArray  *services;     /* of StormcutService*, document order of their first context */
  GPtrArray  *findings;     /* of StormcutServiceFinding* */
  /* private */
  GHashTable *by_id;        /* service id -> StormcutService* */
  GHashTable *by_context;   /* context id -> StormcutService* */
  GArray     *links;        /* the links with their ends, reused by stormcut_fp_count_with_services() */
};

StormcutServiceAnalysis *stormcut_services_analyze (StormcutModel *model);
void                     stormcut_service_analysis_free (StormcutServiceAnalysis *analysis);

const StormcutService   *stormcut_service_analysis_get_service (const StormcutServiceAnalysis *analysis,
                                                                const char *service_id);
/* The service a context belongs to, or NULL. */
const StormcutService   *stormcut_service_analysis_get_service_of_context (const StormcutServiceAnalysis *analysis,
                                                                           const char *context_id);
/* The service an element belongs to (through its context), or NULL. */
const StormcutService   *stormcut_service_analysis_get_service_of_element (const StormcutServiceAnalysis *analysis,
                                                                           const StormcutElement *element);
/* The provided API for @element_id of @service, or NULL. */
const StormcutServiceApi *stormcut_service_find_api (const StormcutService *service, const char *element_id);

/* "ownership-violation", "cycle", "shared-data", "no-data", "chatty-pair". */
const char              *stormcut_finding_kind_to_string (StormcutFindingKind kind);
/* Translated label. */
const char              *stormcut_finding_kind_get_label (StormcutFindingKind kind);

/* Merges the contexts (array of ids) into one service called @name (one undo step). */
gboolean                 stormcut_services_merge (StormcutModel *model, const char * const *context_ids,
                                                  const char *name, GError **error);
/* Makes @context_id its own service again. */
gboolean                 stormcut_services_split (StormcutModel *model, const char *context_id, GError **error);
/* Marks @context_id as external / not a service, or clears the mark. */
gboolean                 stormcut_services_set_external (StormcutModel *model, const char *context_id,
                                                         gboolean external, GError **error);

void stormcut_service_api_free        (StormcutServiceApi *api);
void stormcut_service_dependency_free (StormcutServiceDependency *dependency);
void stormcut_service_free            (StormcutService *service);
void stormcut_service_finding_free    (StormcutServiceFinding *finding);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutServiceAnalysis, stormcut_service_analysis_free)

G_END_DECLS
