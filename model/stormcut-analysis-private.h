/* stormcut-analysis-private.h: shared internals of the analysis modules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "stormcut/stormcut-services.h"

G_BEGIN_DECLS

/* A link with both ends looked up once, so that every pass of an analysis works on
 * pointers instead of hashing ids again. */
typedef struct {
  const StormcutLink    *link;
  const StormcutElement *source;
  const StormcutElement *target;
  /* the kinds of both ends, copied so that passes over the links that only test kinds
   * need not read every element */
  StormcutKind           source_kind;
  StormcutKind           target_kind;
} StormcutResolvedLink;

/* The links of @model in document order with their ends (links whose ends are missing are
 * left out).  Valid until the model changes. */
GArray                  *stormcut_analysis_resolve_links    (StormcutModel *model);

/* stormcut_services_analyze() on links already resolved. */
StormcutServiceAnalysis *stormcut_services_analyze_resolved (StormcutModel *model,
                                                            GArray        *links);

/* The part of the analysis that the FP count reads: the services with their contexts and
 * aggregates, and which APIs each provides (in no particular order, without callers or
 * links); no dependencies and no findings. */
StormcutServiceAnalysis *stormcut_services_analyze_for_fp   (StormcutModel *model,
                                                            GArray        *links);

G_END_DECLS
