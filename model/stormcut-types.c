/* stormcut-types.c: enumerations and plain records of the Stormcut domain model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "stormcut-types.h"

typedef struct {
  const char *name;
  const char *label;
  const char *color;
  double      width;
  double      height;
} KindInfo;

/* Colours and shapes of DOMAIN.md §1: squares, wide, small. */
static const KindInfo kind_info[STORMCUT_N_KINDS] = {
  [STORMCUT_KIND_EVENT]           = { "event",           N_("Domain event"),    "#FD9E4A", 120, 120 },
  [STORMCUT_KIND_COMMAND]         = { "command",         N_("Command"),         "#27BFE7", 120, 120 },
  [STORMCUT_KIND_POLICY]          = { "policy",          N_("Policy"),          "#B285BA", 240, 120 },
  [STORMCUT_KIND_AGGREGATE]       = { "aggregate",       N_("Aggregate"),       "#FDF8B6", 240, 120 },
  [STORMCUT_KIND_READ_MODEL]      = { "read_model",      N_("Read model"),      "#D6F693", 120, 120 },
  [STORMCUT_KIND_EXTERNAL_SYSTEM] = { "external_system", N_("External system"), "#EA97BC", 240, 120 },
  [STORMCUT_KIND_ACTOR]           = { "actor",           N_("Actor"),           "#FEF445",  80,  80 },
  [STORMCUT_KIND_HOTSPOT]         = { "hotspot",         N_("Hotspot"),         "#F06E80", 120, 120 },
};

static const char * const domain_names[STORMCUT_N_DOMAIN_TYPES] = { "core", "supporting", "generic" };
static const char * const domain_labels[STORMCUT_N_DOMAIN_TYPES] = {
  N_("Core domain"), N_("Supporting subdomain"), N_("Generic subdomain"),
};

static const char * const pattern_names[STORMCUT_N_PATTERNS] = {
  "upstream-downstream", "customer-supplier", "partnership", "shared-kernel", "separate-ways",
};
static const char * const pattern_labels[STORMCUT_N_PATTERNS] = {
  N_("Upstream/Downstream"), N_("Customer/Supplier"), N_("Partnership"), N_("Shared Kernel"), N_("Separate Ways"),
};

static const char * const mode_names[STORMCUT_N_MODES] = { "", "sync", "async", "shared-data" };
static const char * const mode_labels[STORMCUT_N_MODES] = {
  N_("Unspecified"), N_("Synchronous (request/response)"), N_("Asynchronous (publish/subscribe)"), N_("Shared data"),
};

static const struct {
  StormcutRoles role;
  const char   *name;
} role_names[] = {
  { STORMCUT_ROLE_OHS, "ohs" },
  { STORMCUT_ROLE_PL,  "pl"  },
  { STORMCUT_ROLE_CF,  "cf"  },
  { STORMCUT_ROLE_ACL, "acl" },
};

static gboolean
lookup_name (const char * const *names, guint n, const char *str, guint *out)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (names[i], str) == 0)
        {
          *out = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
stormcut_kind_to_string (StormcutKind kind)
{
  g_return_val_if_fail (kind < STORMCUT_N_KINDS, NULL);
  return kind_info[kind].name;
}

gboolean
stormcut_kind_from_string (const char   *str,
                           StormcutKind *out_kind)
{
  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < STORMCUT_N_KINDS; i++)
    {
      if (strcmp (kind_info[i].name, str) == 0)
        {
          if (out_kind)
            *out_kind = (StormcutKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
stormcut_kind_get_label (StormcutKind kind)
{
  g_return_val_if_fail (kind < STORMCUT_N_KINDS, NULL);
  return _(kind_info[kind].label);
}

const char *
stormcut_kind_get_default_color (StormcutKind kind)
{
  g_return_val_if_fail (kind < STORMCUT_N_KINDS, NULL);
  return kind_info[kind].color;
}

void
stormcut_kind_get_default_size (StormcutKind  kind,
                                double       *width,
                                double       *height)
{
  g_return_if_fail (kind < STORMCUT_N_KINDS);
  if (width)
    *width = kind_info[kind].width;
  if (height)
    *height = kind_info[kind].height;
}

gboolean
stormcut_kind_has_attributes (StormcutKind kind)
{
  return kind == STORMCUT_KIND_AGGREGATE || kind == STORMCUT_KIND_READ_MODEL;
}

const char *
stormcut_domain_type_to_string (StormcutDomainType type)
{
  g_return_val_if_fail (type < STORMCUT_N_DOMAIN_TYPES, NULL);
  return domain_names[type];
}

gboolean
stormcut_domain_type_from_string (const char         *str,
                                  StormcutDomainType *out_type)
{
  guint i;

  if (!lookup_name (domain_names, STORMCUT_N_DOMAIN_TYPES, str, &i))
    return FALSE;
  if (out_type)
    *out_type = (StormcutDomainType) i;
  return TRUE;
}

const char *
stormcut_domain_type_get_label (StormcutDomainType type)
{
  g_return_val_if_fail (type < STORMCUT_N_DOMAIN_TYPES, NULL);
  return _(domain_labels[type]);
}

const char *
stormcut_pattern_to_string (StormcutPattern pattern)
{
  g_return_val_if_fail (pattern < STORMCUT_N_PATTERNS, NULL);
  return pattern_names[pattern];
}

gboolean
stormcut_pattern_from_string (const char      *str,
                              StormcutPattern *out_pattern)
{
  guint i;

  if (!lookup_name (pattern_names, STORMCUT_N_PATTERNS, str, &i))
    return FALSE;
  if (out_pattern)
    *out_pattern = (StormcutPattern) i;
  return TRUE;
}

const char *
stormcut_pattern_get_label (StormcutPattern pattern)
{
  g_return_val_if_fail (pattern < STORMCUT_N_PATTERNS, NULL);
  return _(pattern_labels[pattern]);
}

gboolean
stormcut_pattern_is_symmetric (StormcutPattern pattern)
{
  return pattern == STORMCUT_PATTERN_PARTNERSHIP ||
         pattern == STORMCUT_PATTERN_SHARED_KERNEL ||
         pattern == STORMCUT_PATTERN_SEPARATE_WAYS;
}

const char *
stormcut_mode_to_string (StormcutMode mode)
{
  g_return_val_if_fail (mode < STORMCUT_N_MODES, NULL);
  return mode_names[mode];
}

gboolean
stormcut_mode_from_string (const char   *str,
                           StormcutMode *out_mode)
{
  guint i;

  if (str == NULL || *str == '\0')
    {
      if (out_mode)
        *out_mode = STORMCUT_MODE_UNSPECIFIED;
      return TRUE;
    }
  if (!lookup_name (mode_names, STORMCUT_N_MODES, str, &i))
    return FALSE;
  if (out_mode)
    *out_mode = (StormcutMode) i;
  return TRUE;
}

const char *
stormcut_mode_get_label (StormcutMode mode)
{
  g_return_val_if_fail (mode < STORMCUT_N_MODES, NULL);
  return _(mode_labels[mode]);
}

char *
stormcut_roles_to_string (StormcutRoles roles)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (roles & role_names[i].role)
        {
          if (str->len > 0)
            g_string_append_c (str, ' ');
          g_string_append (str, role_names[i].name);
        }
    }
  return g_string_free (str, FALSE);
}

gboolean
stormcut_roles_from_string (const char    *str,
                            StormcutRoles *out_roles)
{
  g_auto(GStrv) words = NULL;
  StormcutRoles roles = STORMCUT_ROLE_NONE;

  if (str == NULL)
    str = "";
  words = g_strsplit_set (str, " \t\n,", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (words[i][0] == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (role_names); j++)
        {
          if (g_ascii_strcasecmp (words[i], role_names[j].name) == 0)
            {
              roles |= role_names[j].role;
              found = TRUE;
            }
        }
      if (!found)
        return FALSE;
    }
  if (out_roles)
    *out_roles = roles;
  return TRUE;
}

/* --- records ------------------------------------------------------------------ */

StormcutAttribute *
stormcut_attribute_new (const char *name,
                        const char *type,
                        gboolean    is_key)
{
  StormcutAttribute *attribute = g_new0 (StormcutAttribute, 1);

  attribute->name = g_strdup (name ? name : "");
  attribute->type = g_strdup (type ? type : "");
  attribute->is_key = is_key;
  return attribute;
}

StormcutAttribute *
stormcut_attribute_copy (const StormcutAttribute *attribute)
{
  return stormcut_attribute_new (attribute->name, attribute->type, attribute->is_key);
}

void
stormcut_attribute_free (StormcutAttribute *attribute)
{
  if (attribute == NULL)
    return;
  g_free (attribute->name);
  g_free (attribute->type);
  g_free (attribute);
}

StormcutElement *
stormcut_element_copy (const StormcutElement *element)
{
  StormcutElement *copy = g_new0 (StormcutElement, 1);

  copy->id = g_strdup (element->id);
  copy->kind = element->kind;
  copy->name = g_strdup (element->name ? element->name : "");
  copy->code_name = g_strdup (element->code_name ? element->code_name : "");
  copy->description = g_strdup (element->description ? element->description : "");
  copy->x = element->x;
  copy->y = element->y;
  copy->width = element->width;
  copy->height = element->height;
  copy->color = g_strdup (element->color);
  copy->context_id = g_strdup (element->context_id);
  copy->derived = element->derived;
  copy->attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  if (element->attributes)
    {
      for (guint i = 0; i < element->attributes->len; i++)
        g_ptr_array_add (copy->attributes, stormcut_attribute_copy (g_ptr_array_index (element->attributes, i)));
    }
  copy->ordinal = element->ordinal;
  return copy;
}

void
stormcut_element_free (StormcutElement *element)
{
  if (element == NULL)
    return;
  g_free (element->id);
  g_free (element->name);
  g_free (element->code_name);
  g_free (element->description);
  g_free (element->color);
  g_free (element->context_id);
  g_clear_pointer (&element->attributes, g_ptr_array_unref);
  g_free (element);
}

/* Free text compares NULL equal to "": the copies make one into the other. */
static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

static gboolean
attributes_equal (GPtrArray *a,
                  GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const StormcutAttribute *x = g_ptr_array_index (a, i);
      const StormcutAttribute *y = g_ptr_array_index (b, i);

      if (!text_equal (x->name, y->name) || !text_equal (x->type, y->type) ||
          !x->is_key != !y->is_key)
        return FALSE;
    }
  return TRUE;
}

gboolean
stormcut_element_equal (const StormcutElement *a,
                        const StormcutElement *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         a->kind == b->kind &&
         text_equal (a->name, b->name) &&
         text_equal (a->code_name, b->code_name) &&
         text_equal (a->description, b->description) &&
         a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height &&
         g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->context_id, b->context_id) == 0 &&
         !a->derived == !b->derived &&
         attributes_equal (a->attributes, b->attributes) &&
         a->ordinal == b->ordinal;
}

const char *
stormcut_element_get_color (const StormcutElement *element)
{
  if (element->color != NULL && element->color[0] != '\0')
    return element->color;
  return stormcut_kind_get_default_color (element->kind);
}

StormcutLink *
stormcut_link_copy (const StormcutLink *link)
{
  StormcutLink *copy = g_new0 (StormcutLink, 1);

  copy->id = g_strdup (link->id);
  copy->source_id = g_strdup (link->source_id);
  copy->target_id = g_strdup (link->target_id);
  copy->ordinal = link->ordinal;
  return copy;
}

void
stormcut_link_free (StormcutLink *link)
{
  if (link == NULL)
    return;
  g_free (link->id);
  g_free (link->source_id);
  g_free (link->target_id);
  g_free (link);
}

StormcutContext *
stormcut_context_copy (const StormcutContext *context)
{
  StormcutContext *copy = g_new0 (StormcutContext, 1);

  copy->id = g_strdup (context->id);
  copy->name = g_strdup (context->name ? context->name : "");
  copy->code_name = g_strdup (context->code_name ? context->code_name : "");
  copy->description = g_strdup (context->description ? context->description : "");
  copy->team = g_strdup (context->team ? context->team : "");
  copy->domain_type = context->domain_type;
  copy->x = context->x;
  copy->y = context->y;
  copy->width = context->width;
  copy->height = context->height;
  copy->color = g_strdup (context->color);
  copy->service = g_strdup (context->service);
  copy->external = context->external;
  copy->big_ball_of_mud = context->big_ball_of_mud;
  copy->ordinal = context->ordinal;
  return copy;
}

void
stormcut_context_free (StormcutContext *context)
{
  if (context == NULL)
    return;
  g_free (context->id);
  g_free (context->name);
  g_free (context->code_name);
  g_free (context->description);
  g_free (context->team);
  g_free (context->color);
  g_free (context->service);
  g_free (context);
}

gboolean
stormcut_context_equal (const StormcutContext *a,
                        const StormcutContext *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         text_equal (a->name, b->name) &&
         text_equal (a->code_name, b->code_name) &&
         text_equal (a->description, b->description) &&
         text_equal (a->team, b->team) &&
         a->domain_type == b->domain_type &&
         a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height &&
         g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->service, b->service) == 0 &&
         !a->external == !b->external &&
         !a->big_ball_of_mud == !b->big_ball_of_mud &&
         a->ordinal == b->ordinal;
}

gboolean
stormcut_context_contains (const StormcutContext *context,
                           double                 x,
                           double                 y)
{
  return x >= context->x && x <= context->x + context->width &&
         y >= context->y && y <= context->y + context->height;
}

StormcutRelationship *
stormcut_relationship_copy (const StormcutRelationship *relationship)
{
  StormcutRelationship *copy = g_new0 (StormcutRelationship, 1);

  copy->id = g_strdup (relationship->id);
  copy->pattern = relationship->pattern;
  copy->upstream_id = g_strdup (relationship->upstream_id);
  copy->downstream_id = g_strdup (relationship->downstream_id);
  copy->roles = relationship->roles;
  copy->mode = relationship->mode;
  copy->note = g_strdup (relationship->note ? relationship->note : "");
  copy->ordinal = relationship->ordinal;
  return copy;
}

void
stormcut_relationship_free (StormcutRelationship *relationship)
{
  if (relationship == NULL)
    return;
  g_free (relationship->id);
  g_free (relationship->upstream_id);
  g_free (relationship->downstream_id);
  g_free (relationship->note);
  g_free (relationship);
}

gboolean
stormcut_relationship_equal (const StormcutRelationship *a,
                             const StormcutRelationship *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         a->pattern == b->pattern &&
         g_strcmp0 (a->upstream_id, b->upstream_id) == 0 &&
         g_strcmp0 (a->downstream_id, b->downstream_id) == 0 &&
         a->roles == b->roles &&
         a->mode == b->mode &&
         text_equal (a->note, b->note) &&
         a->ordinal == b->ordinal;
}
