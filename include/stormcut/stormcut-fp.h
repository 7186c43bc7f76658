/* stormcut-fp.h: function-point rows for KOSA estimates (DOMAIN.md §5)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counting boundary.  Elements of a context marked external are outside the system and give
 * no row.  An aggregate counts when it is in a bounded context (or when the model has no
 * context at all: then the whole board is the system).  A row's service (세부업무명) is the
 * service of the element's context; an external system outside every context takes the
 * service of the first element in a context it is linked with (link document order).
 * Links to or from hotspots are annotations and count for nothing.
 *
 * Rules of the default profile ("system boundary"), one row each:
 *   AGGREGATE_ILF       each aggregate                                   -> ILF
 *   EXTERNAL_EIF        each external system with at least one link      -> EIF
 *   ACTOR_COMMAND_EI    each command an actor invokes (actor -> command) -> EI
 *                       (commands issued only by policies give no row)
 *   READ_MODEL_EQ       each read model                                  -> EQ
 *   READ_MODEL_EO       each read model marked derived/calculated        -> EO
 *   EVENT_EXTERNAL_EO   each event sent to an external system (event -> external_system),
 *                       once per event                                   -> EO
 * The MSA profile (the procurement guide's table) adds, for every provided API of every
 * service of the service analysis (stormcut-services.h), one row named "<name> API 연계"
 * (English: "<name> API integration"):
 *   API_OWNS_DATA_ILF   the serving service owns data (at least one aggregate) -> ILF
 *   API_NO_DATA_EIF     the serving service owns no data (it reads another's) -> EIF
 *
 * Weights.  간이법 (STORMCUT_FP_METHOD_SIMPLE, the default): the KOSA averages ILF 7.5, EIF 5.4,
 * EI 4.0, EO 5.2, EQ 3.9.  정통법 (STORMCUT_FP_METHOD_DETAILED): the IFPUG low/average/high
 * matrices (ILF 7/10/15, EIF 5/7/10, EI 3/4/6, EO 4/5/7, EQ 3/4/6) when DET and RET/FTR are
 * known; a row without them keeps the 간이법 weight and says so in its note.
 * Weights and FP are kept in tenths so that sums are exact.
 *
 * DET and RET/FTR derivation (-1 when unknown, i.e. no attribute gives them):
 *   aggregate ILF       DET = its attributes; RET = 1
 *   external EIF        unknown (external systems carry no attributes)
 *   command EI          DET = distinct attribute names of the aggregates the command is
 *                       handled by (command -> aggregate); FTR = those aggregates plus the
 *                       external systems it reaches (command -> external_system)
 *   read model EQ/EO    DET = its attributes; FTR = the aggregates it reads directly plus the
 *                       aggregates producing the events that update it (at least 1)
 *   event EO            DET = distinct attribute names of the aggregates producing the event;
 *                       FTR = those aggregates
 *   API row, command    DET and RET as for the command's aggregates (RET = their number)
 *   API row, read model DET = its attributes; RET = 1
 *
 * Overrides.  Every row has a stable key ("<rule-prefix>.<element-id>": "ilf.", "eif.", "ei.",
 * "rm." for read models, "eo.", "api.").  The user's decision is the document setting
 * "fp.override.<row-key>" = "type=<ILF|EIF|EI|EO|EQ>;reason=<text>" or "excluded;reason=<text>"
 * (the reason runs to the end of the value and may contain ';').  The row keeps its suggested
 * type and rule and shows the override in its note.  Other settings of this module:
 *   "fp.profile" = "default" | "msa"      (the profile the app and exports use)
 *   "fp.method"  = "simple" | "detailed"  (간이법 | 정통법)
 */
#pragma once

#include <glib.h>
#include "stormcut-model.h"
#include "stormcut-services.h"

G_BEGIN_DECLS

#define STORMCUT_FP_ERROR (stormcut_fp_error_quark ())

typedef enum {
  STORMCUT_FP_ERROR_INVALID,   /* a bad type, profile, method or override value */
} StormcutFpError;

GQuark stormcut_fp_error_quark (void);

typedef enum {
  STORMCUT_FP_ILF,
  STORMCUT_FP_EIF,
  STORMCUT_FP_EI,
  STORMCUT_FP_EO,
  STORMCUT_FP_EQ,
  STORMCUT_FP_N_TYPES
} StormcutFpType;

typedef enum {
  STORMCUT_FP_PROFILE_DEFAULT,
  STORMCUT_FP_PROFILE_MSA,
  STORMCUT_FP_N_PROFILES
} StormcutFpProfile;

typedef enum {
  STORMCUT_FP_METHOD_SIMPLE,    /* 간이법 */
  STORMCUT_FP_METHOD_DETAILED,  /* 정통법 */
  STORMCUT_FP_N_METHODS
} StormcutFpMethod;

typedef enum {
  STORMCUT_FP_COMPLEXITY_UNKNOWN,
  STORMCUT_FP_COMPLEXITY_LOW,
  STORMCUT_FP_COMPLEXITY_AVERAGE,
  STORMCUT_FP_COMPLEXITY_HIGH,
} StormcutFpComplexity;

typedef enum {
  STORMCUT_FP_RULE_AGGREGATE_ILF,
  STORMCUT_FP_RULE_EXTERNAL_EIF,
  STORMCUT_FP_RULE_ACTOR_COMMAND_EI,
  STORMCUT_FP_RULE_READ_MODEL_EQ,
  STORMCUT_FP_RULE_READ_MODEL_EO,
  STORMCUT_FP_RULE_EVENT_EXTERNAL_EO,
  STORMCUT_FP_RULE_API_OWNS_DATA_ILF,
  STORMCUT_FP_RULE_API_NO_DATA_EIF,
  STORMCUT_FP_N_RULES
} StormcutFpRule;

/* A row of the table.  The row and its strings belong to the table. */
typedef struct {
  char                *key;             /* stable row key for overrides */
  char                *application;     /* 어플리케이션명: the model name */
  char                *service;         /* 세부업무명: the service name, "" outside every service */
  char                *service_id;      /* or NULL */
  char                *process;         /* 단위프로세스명: display name (newlines as spaces), or
                                         * "<name> API 연계" for API rows */
  char                *description;     /* the element's description */
  StormcutFpRule       rule;
  StormcutFpType       suggested_type;  /* what the rule gives */
  StormcutFpType       type;            /* after the override */
  gboolean             overridden;      /* an override setting applies */
  gboolean             excluded;        /* excluded by the user: counts 0 */
  char                *override_reason; /* or NULL */
  int                  ret_ftr;         /* RET (data) or FTR (transaction), -1 unknown */
  int                  det;             /* -1 unknown */
  StormcutFpComplexity complexity;      /* 정통법: from DET and RET/FTR under the type's matrix;
                                         * UNKNOWN under 간이법, whose averages stand for all */
  int                  weight_tenths;   /* 가중치 × 10 used for this row */
  int                  fp_tenths;       /* FP × 10 (0 when excluded) */
  char                *note;            /* 비고: the rule that produced the row, the override */
  char                *element_id;
  char                *context_id;      /* or NULL */
} StormcutFpRow;

typedef struct {
  char   *service_id;                   /* NULL for the rows outside every service */
  char   *name;                         /* "" for those */
  guint   counts[STORMCUT_FP_N_TYPES];  /* rows counted (not excluded) by type */
  gint64  fp_tenths[STORMCUT_FP_N_TYPES];
  gint64  total_tenths;
} StormcutFpTotal;

typedef struct {
  StormcutFpProfile profile;
  StormcutFpMethod  method;
  char             *application;
  GPtrArray        *rows;        /* of StormcutFpRow*: ordered by service (service order, no
                                  * service last), then element document order, the API row
                                  * right after its element's row (or where it would be) */
  StormcutFpTotal   total;       /* the whole table (service_id NULL, name "") */
  GPtrArray        *by_service;  /* of StormcutFpTotal*, service order (every service but the
                                  * external ones without rows), "no service" last if it has rows */
  /* private */
  GStringChunk     *strings;     /* the rows' strings */
} StormcutFpTable;

/* Counts the function points of @model.  Never NULL. */
StormcutFpTable *stormcut_fp_count (StormcutModel *model, StormcutFpProfile profile, StormcutFpMethod method);
/* The same with a service analysis of the current state of @model that the caller already
 * has (a view showing both saves the second analysis). */
StormcutFpTable *stormcut_fp_count_with_services (StormcutModel *model, const StormcutServiceAnalysis *services,
                                                  StormcutFpProfile profile, StormcutFpMethod method);
void             stormcut_fp_table_free (StormcutFpTable *table);

/* The row with @key, or NULL. */
const StormcutFpRow *stormcut_fp_table_find_row (const StormcutFpTable *table, const char *key);
/* Total FP as a double (tenths / 10.0), for display. */
double           stormcut_fp_table_get_total (const StormcutFpTable *table);

/* Overrides (stored as settings, undoable).  @reason must not be empty. */
gboolean         stormcut_fp_set_override   (StormcutModel *model, const char *row_key, StormcutFpType type,
                                             const char *reason, GError **error);
gboolean         stormcut_fp_exclude        (StormcutModel *model, const char *row_key,
                                             const char *reason, GError **error);
gboolean         stormcut_fp_clear_override (StormcutModel *model, const char *row_key, GError **error);

/* The profile and method stored in the document (defaults: default profile, 간이법). */
StormcutFpProfile stormcut_fp_get_profile  (StormcutModel *model);
StormcutFpMethod  stormcut_fp_get_method   (StormcutModel *model);
gboolean          stormcut_fp_set_profile  (StormcutModel *model, StormcutFpProfile profile, GError **error);
gboolean          stormcut_fp_set_method   (StormcutModel *model, StormcutFpMethod method, GError **error);

/* "ILF", "EIF", "EI", "EO", "EQ" (the same in every language). */
const char      *stormcut_fp_type_to_string        (StormcutFpType type);
gboolean         stormcut_fp_type_from_string      (const char *str, StormcutFpType *out_type);
/* Translated: "ILF (internal logical file)" / "ILF (내부논리파일)". */
const char      *stormcut_fp_type_get_label        (StormcutFpType type);
/* "default" / "msa", and translated labels. */
const char      *stormcut_fp_profile_to_string     (StormcutFpProfile profile);
gboolean         stormcut_fp_profile_from_string   (const char *str, StormcutFpProfile *out_profile);
const char      *stormcut_fp_profile_get_label     (StormcutFpProfile profile);
/* "simple" / "detailed", and translated labels (간이법 / 정통법). */
const char      *stormcut_fp_method_to_string      (StormcutFpMethod method);
gboolean         stormcut_fp_method_from_string    (const char *str, StormcutFpMethod *out_method);
const char      *stormcut_fp_method_get_label      (StormcutFpMethod method);
/* Translated: "low" / "average" / "high" ("" when unknown). */
const char      *stormcut_fp_complexity_get_label  (StormcutFpComplexity complexity);
/* Stable rule name ("aggregate-ilf", ...) and translated description. */
const char      *stormcut_fp_rule_to_string        (StormcutFpRule rule);
const char      *stormcut_fp_rule_get_label        (StormcutFpRule rule);

/* 간이법 average weight × 10 (75, 54, 40, 52, 39). */
int              stormcut_fp_simple_weight_tenths  (StormcutFpType type);
/* IFPUG complexity of a function of @type with @det and @ret_ftr: UNKNOWN if DET < 1, or
 * RET < 1 for ILF/EIF, or FTR < 0 for EI/EO/EQ. */
StormcutFpComplexity stormcut_fp_complexity        (StormcutFpType type, int det, int ret_ftr);
/* IFPUG weight (whole FP) of @type at @complexity, 0 when unknown. */
int              stormcut_fp_detailed_weight       (StormcutFpType type, StormcutFpComplexity complexity);
/* Formats tenths as "85", "7.5", "1,234.5". */
char            *stormcut_fp_format_tenths         (gint64 tenths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutFpTable, stormcut_fp_table_free)

G_END_DECLS
