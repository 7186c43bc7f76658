/* stormcut-types.h: enumerations and plain records of the Stormcut domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The eight sticky kinds of DOMAIN.md §1.  The order is the palette order. */
typedef enum {
  STORMCUT_KIND_EVENT,
  STORMCUT_KIND_COMMAND,
  STORMCUT_KIND_POLICY,
  STORMCUT_KIND_AGGREGATE,
  STORMCUT_KIND_READ_MODEL,
  STORMCUT_KIND_EXTERNAL_SYSTEM,
  STORMCUT_KIND_ACTOR,
  STORMCUT_KIND_HOTSPOT,
  STORMCUT_N_KINDS
} StormcutKind;

typedef enum {
  STORMCUT_DOMAIN_CORE,
  STORMCUT_DOMAIN_SUPPORTING,
  STORMCUT_DOMAIN_GENERIC,
  STORMCUT_N_DOMAIN_TYPES
} StormcutDomainType;

/* Context-map relationship patterns (DOMAIN.md §3).  Symmetric patterns have no
 * upstream/downstream: for them the two contexts are stored in upstream_id and
 * downstream_id in the order the user gave. */
typedef enum {
  STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM,
  STORMCUT_PATTERN_CUSTOMER_SUPPLIER,
  STORMCUT_PATTERN_PARTNERSHIP,
  STORMCUT_PATTERN_SHARED_KERNEL,
  STORMCUT_PATTERN_SEPARATE_WAYS,
  STORMCUT_N_PATTERNS
} StormcutPattern;

/* Roles of an upstream/downstream relationship, a bit set. */
typedef enum {
  STORMCUT_ROLE_NONE = 0,
  STORMCUT_ROLE_OHS  = 1 << 0, /* upstream: Open Host Service */
  STORMCUT_ROLE_PL   = 1 << 1, /* upstream: Published Language */
  STORMCUT_ROLE_CF   = 1 << 2, /* downstream: Conformist */
  STORMCUT_ROLE_ACL  = 1 << 3, /* downstream: Anticorruption Layer */
} StormcutRoles;

#define STORMCUT_ROLES_UPSTREAM   (STORMCUT_ROLE_OHS | STORMCUT_ROLE_PL)
#define STORMCUT_ROLES_DOWNSTREAM (STORMCUT_ROLE_CF | STORMCUT_ROLE_ACL)
#define STORMCUT_ROLES_ALL        (STORMCUT_ROLES_UPSTREAM | STORMCUT_ROLES_DOWNSTREAM)

typedef enum {
  STORMCUT_MODE_UNSPECIFIED,
  STORMCUT_MODE_SYNC,  /* request/response API call */
  STORMCUT_MODE_ASYNC, /* publish/subscribe */
  STORMCUT_MODE_SHARED_DATA, /* direct read of another context's data */
  STORMCUT_N_MODES
} StormcutMode;

/* Which kind of object a change notification is about. */
typedef enum {
  STORMCUT_OBJECT_MODEL,        /* name, description or a setting; id is the setting key or NULL */
  STORMCUT_OBJECT_ELEMENT,
  STORMCUT_OBJECT_LINK,
  STORMCUT_OBJECT_CONTEXT,
  STORMCUT_OBJECT_RELATIONSHIP,
} StormcutObjectType;

typedef enum {
  STORMCUT_CHANGE_ADDED,
  STORMCUT_CHANGE_REMOVED,
  STORMCUT_CHANGE_MODIFIED,
} StormcutChange;

/* Stable names used in files and on the command line ("event", "read_model", ...). */
const char   *stormcut_kind_to_string          (StormcutKind kind);
gboolean      stormcut_kind_from_string        (const char *str, StormcutKind *out_kind);
/* Translated, human-readable ("Domain event" / "도메인 이벤트"). */
const char   *stormcut_kind_get_label          (StormcutKind kind);
/* Default fill colour of DOMAIN.md §1 as "#RRGGBB". */
const char   *stormcut_kind_get_default_color  (StormcutKind kind);
/* Default sticky size on the board, in board units. */
void          stormcut_kind_get_default_size   (StormcutKind kind, double *width, double *height);

const char   *stormcut_domain_type_to_string   (StormcutDomainType type);
gboolean      stormcut_domain_type_from_string (const char *str, StormcutDomainType *out_type);
const char   *stormcut_domain_type_get_label   (StormcutDomainType type);

const char   *stormcut_pattern_to_string       (StormcutPattern pattern);
gboolean      stormcut_pattern_from_string     (const char *str, StormcutPattern *out_pattern);
const char   *stormcut_pattern_get_label       (StormcutPattern pattern);
gboolean      stormcut_pattern_is_symmetric    (StormcutPattern pattern);

const char   *stormcut_mode_to_string          (StormcutMode mode);
gboolean      stormcut_mode_from_string        (const char *str, StormcutMode *out_mode);
const char   *stormcut_mode_get_label          (StormcutMode mode);

/* "ohs pl acl" <-> bit set; an empty string is STORMCUT_ROLE_NONE. */
char         *stormcut_roles_to_string         (StormcutRoles roles);
gboolean      stormcut_roles_from_string       (const char *str, StormcutRoles *out_roles);

/* Records.  They are owned by the model and read-only for everyone else: change them
 * through the StormcutModel API, which validates, stores, records undo and notifies.
 * A pointer obtained from the model stays valid until the next change to that object. */

typedef struct {
  char     *name;
  char     *type;      /* free text, e.g. "string", "date", "money" */
  gboolean  is_key;
} StormcutAttribute;

typedef struct {
  char        *id;
  StormcutKind kind;
  char        *name;         /* display name, any language, may contain newlines */
  char        *code_name;    /* ASCII identifier or "" */
  char        *description;
  double       x, y;         /* top-left corner on the board */
  double       width, height;
  char        *color;        /* "#RRGGBB" override, or NULL for the kind's default */
  char        *context_id;   /* bounded context, or NULL */
  gboolean     derived;      /* read models: shows derived/calculated data (EO, not EQ) */
  GPtrArray   *attributes;   /* of StormcutAttribute*, aggregates and read models only */
  gint64       ordinal;      /* document order */
} StormcutElement;

typedef struct {
  char   *id;
  char   *source_id;
  char   *target_id;
  gint64  ordinal;
} StormcutLink;

typedef struct {
  char              *id;
  char              *name;
  char              *code_name;
  char              *description;
  char              *team;
  StormcutDomainType domain_type;
  double             x, y, width, height; /* the frame on the board */
  char              *color;               /* "#RRGGBB" or NULL */
  char              *service;             /* candidate service this context is merged into; NULL = its own */
  gboolean           external;            /* external / not a service */
  gboolean           big_ball_of_mud;
  gint64             ordinal;
} StormcutContext;

typedef struct {
  char            *id;
  StormcutPattern  pattern;
  char            *upstream_id;    /* context id (first context for symmetric patterns) */
  char            *downstream_id;  /* context id (second context for symmetric patterns) */
  StormcutRoles    roles;
  StormcutMode     mode;
  char            *note;
  gint64           ordinal;
} StormcutRelationship;

StormcutAttribute    *stormcut_attribute_new       (const char *name, const char *type, gboolean is_key);
StormcutAttribute    *stormcut_attribute_copy      (const StormcutAttribute *attribute);
void                  stormcut_attribute_free      (StormcutAttribute *attribute);

StormcutElement      *stormcut_element_copy        (const StormcutElement *element);
void                  stormcut_element_free        (StormcutElement *element);
gboolean              stormcut_element_equal       (const StormcutElement *a, const StormcutElement *b);
/* Effective fill colour: the override or the kind's default. */
const char           *stormcut_element_get_color   (const StormcutElement *element);
/* TRUE for kinds that carry attributes (aggregate, read model). */
gboolean              stormcut_kind_has_attributes (StormcutKind kind);

StormcutLink         *stormcut_link_copy           (const StormcutLink *link);
void                  stormcut_link_free           (StormcutLink *link);

StormcutContext      *stormcut_context_copy        (const StormcutContext *context);
void                  stormcut_context_free        (StormcutContext *context);
gboolean              stormcut_context_equal       (const StormcutContext *a, const StormcutContext *b);
gboolean              stormcut_context_contains    (const StormcutContext *context, double x, double y);

StormcutRelationship *stormcut_relationship_copy   (const StormcutRelationship *relationship);
void                  stormcut_relationship_free   (StormcutRelationship *relationship);
gboolean              stormcut_relationship_equal  (const StormcutRelationship *a, const StormcutRelationship *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutAttribute, stormcut_attribute_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutElement, stormcut_element_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutLink, stormcut_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutContext, stormcut_context_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StormcutRelationship, stormcut_relationship_free)

G_END_DECLS
