/* analysis-builder.h: small models built by hand for the analysis tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every helper fails the current test when the model refuses the change.  Ids come back
 * interned, so they stay valid whatever happens to the model afterwards.
 */
#pragma once

#include "test-common.h"

/* A bounded context framed at its own place on the board. */
G_GNUC_UNUSED static const char *
build_context (StormcutModel *model,
               const char    *name)
{
  g_autoptr(GError) error = NULL;
  guint n = stormcut_model_get_contexts (model)->len;
  const StormcutContext *context = stormcut_model_add_context (model, name, 2000.0 * n, 0, 1800, 1800, &error);

  ck_assert_msg (context != NULL, "%s", error != NULL ? error->message : "");
  return g_intern_string (context->id);
}

/* An element of @kind in @context_id (NULL: outside every context), with attributes given
 * as "name" strings, NULL-terminated, after @context_id. */
G_GNUC_UNUSED static const char *
build_element_with (StormcutModel *model,
                    StormcutKind   kind,
                    const char    *name,
                    const char    *context_id,
                    const char    *first_attribute,
                    ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  StormcutElement element = { 0 };
  const StormcutContext *context = context_id != NULL ? stormcut_model_get_context (model, context_id) : NULL;
  guint n = stormcut_model_get_n_elements (model);
  const StormcutElement *added;
  va_list args;

  va_start (args, first_attribute);
  for (const char *attribute = first_attribute; attribute != NULL; attribute = va_arg (args, const char *))
    g_ptr_array_add (attributes, stormcut_attribute_new (attribute, "string", attributes->len == 0));
  va_end (args);

  element.kind = kind;
  element.name = (char *) name;
  element.code_name = (char *) "";
  element.description = (char *) "";
  stormcut_kind_get_default_size (kind, &element.width, &element.height);
  if (context != NULL)
    {
      element.x = context->x + 20 + 10 * (n % 50);
      element.y = context->y + 20 + 10 * (n % 50);
    }
  else
    {
      element.x = 100.0 * n;
      element.y = -5000;
    }
  element.context_id = (char *) context_id;
  element.attributes = stormcut_kind_has_attributes (kind) ? attributes : NULL;
  added = stormcut_model_insert_element (model, &element, &error);
  ck_assert_msg (added != NULL, "%s", error != NULL ? error->message : "");
  return g_intern_string (added->id);
}

G_GNUC_UNUSED static const char *
build_element (StormcutModel *model,
               StormcutKind   kind,
               const char    *name,
               const char    *context_id)
{
  return build_element_with (model, kind, name, context_id, NULL);
}

G_GNUC_UNUSED static const char *
build_link (StormcutModel *model,
            const char    *source_id,
            const char    *target_id)
{
  g_autoptr(GError) error = NULL;
  const StormcutLink *link = stormcut_model_add_link (model, source_id, target_id, &error);

  ck_assert_msg (link != NULL, "%s", error != NULL ? error->message : "");
  return g_intern_string (link->id);
}

G_GNUC_UNUSED static const char *
build_relationship (StormcutModel   *model,
                    StormcutPattern  pattern,
                    const char      *upstream_id,
                    const char      *downstream_id,
                    StormcutMode     mode)
{
  g_autoptr(GError) error = NULL;
  StormcutRelationship relationship = { 0 };
  const StormcutRelationship *added;

  relationship.pattern = pattern;
  relationship.upstream_id = (char *) upstream_id;
  relationship.downstream_id = (char *) downstream_id;
  relationship.mode = mode;
  added = stormcut_model_insert_relationship (model, &relationship, &error);
  ck_assert_msg (added != NULL, "%s", error != NULL ? error->message : "");
  return g_intern_string (added->id);
}

/* TRUE when @array (of char*) holds exactly the NULL-terminated strings given, in order. */
G_GNUC_UNUSED static gboolean
strings_are (GPtrArray  *array,
             const char *first,
             ...)
{
  va_list args;
  guint i = 0;
  gboolean same = TRUE;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *), i++)
    if (i >= array->len || g_strcmp0 (g_ptr_array_index (array, i), s) != 0)
      same = FALSE;
  va_end (args);
  return same && i == array->len;
}
