/* stormcut-model.h: the in-memory model of one .stormcut document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A StormcutModel holds every element, link, bounded context and context-map
 * relationship of a document.  When it is backed by a file (stormcut_model_open(),
 * stormcut_model_create()) every change is written to the SQLite file in its own
 * transaction before the call returns: a call that returned TRUE is durable.
 *
 * Every change goes through this API, which validates it, stores it, records it for
 * undo and emits ::changed.  Several changes can be grouped into one undo step and one
 * transaction with stormcut_model_begin_group() / stormcut_model_end_group().
 *
 * Signals:
 *   ::changed (StormcutObjectType type, const char *id, StormcutChange change)
 *       after each object changes (also while undoing and redoing);
 *   ::history-changed ()
 *       when what undo/redo can do has changed;
 *   ::reloaded ()
 *       when the whole content was replaced at once (views rebuild everything).
 */
#pragma once

#include <glib-object.h>
#include "stormcut-types.h"

G_BEGIN_DECLS

#define STORMCUT_MODEL_ERROR (stormcut_model_error_quark ())

typedef enum {
  STORMCUT_MODEL_ERROR_INVALID,      /* a value is not acceptable (empty name, bad colour, ...) */
  STORMCUT_MODEL_ERROR_NOT_FOUND,    /* no object with that id */
  STORMCUT_MODEL_ERROR_DUPLICATE,    /* id already used, or link already exists */
  STORMCUT_MODEL_ERROR_GRAMMAR,      /* link refused by the grammar */
  STORMCUT_MODEL_ERROR_NOTHING_TO_UNDO,
  STORMCUT_MODEL_ERROR_STORE,        /* the file could not be written; the change was not made */
} StormcutModelError;

GQuark stormcut_model_error_quark (void);

#define STORMCUT_TYPE_MODEL (stormcut_model_get_type ())
G_DECLARE_FINAL_TYPE (StormcutModel, stormcut_model, STORMCUT, MODEL, GObject)

/* Default number of undo steps kept. */
#define STORMCUT_MODEL_DEFAULT_HISTORY 1000

/* A model that lives in memory only (tests, import before saving). */
StormcutModel          *stormcut_model_new                (void);
/* Opens an existing .stormcut file (STORMCUT_STORE_ERROR on failure; the file is left untouched). */
StormcutModel          *stormcut_model_open               (const char *path, GError **error);
/* Opens a .stormcut file to read it (reports, exports): faster, as the whole file is not
 * checked first (damage in what is read is still reported), and every change is refused
 * with STORMCUT_MODEL_ERROR_STORE.  A file of an older format is brought up to date. */
StormcutModel          *stormcut_model_open_for_reading   (const char *path, GError **error);
/* Creates a new, empty .stormcut file; fails if @path exists. */
StormcutModel          *stormcut_model_create             (const char *path, GError **error);
/* Writes a consistent snapshot of the model to @path (overwriting it) and continues on that
 * file.  Works for in-memory models too (that is how an import becomes a document). */
gboolean                stormcut_model_save_as            (StormcutModel *self, const char *path, GError **error);
/* Path of the backing file, or NULL for an in-memory model. */
const char             *stormcut_model_get_path           (StormcutModel *self);
/* Closes the backing file (the model stays usable in memory, read-only changes are refused). */
void                    stormcut_model_close              (StormcutModel *self);

/* --- the model itself ------------------------------------------------------------ */
const char             *stormcut_model_get_name           (StormcutModel *self);
gboolean                stormcut_model_set_name           (StormcutModel *self, const char *name, GError **error);
const char             *stormcut_model_get_description    (StormcutModel *self);
gboolean                stormcut_model_set_description    (StormcutModel *self, const char *description, GError **error);

/* Named settings stored in the document (analysis options, cost factors, checklist
 * answers...).  Keys are ASCII, e.g. "cost.edition".  A NULL value removes the setting.
 * Changes are undoable and notified as STORMCUT_OBJECT_MODEL with the key as id. */
const char             *stormcut_model_get_setting        (StormcutModel *self, const char *key);
gboolean                stormcut_model_set_setting        (StormcutModel *self, const char *key, const char *value, GError **error);
/* Sorted array of the keys (free with g_strfreev). */
char                  **stormcut_model_list_settings      (StormcutModel *self);

/* --- elements -------------------------------------------------------------------- */
/* Adds a sticky of @kind named @name at (@x, @y) with the kind's default size; returns it. */
const StormcutElement  *stormcut_model_add_element        (StormcutModel *self, StormcutKind kind, const char *name,
                                                           double x, double y, GError **error);
/* Adds a copy of @element as it is (import, paste, undo).  If @element->id is NULL or empty an id
 * is generated; ordinal <= 0 puts it last. */
const StormcutElement  *stormcut_model_insert_element     (StormcutModel *self, const StormcutElement *element, GError **error);
/* Replaces every field of an existing element with those of @element (same id).  The
 * general form of all setters below. */
gboolean                stormcut_model_update_element     (StormcutModel *self, const StormcutElement *element, GError **error);
const StormcutElement  *stormcut_model_get_element        (StormcutModel *self, const char *id);
/* All elements in document order (borrowed; do not modify). */
GPtrArray              *stormcut_model_get_elements       (StormcutModel *self);
guint                   stormcut_model_get_n_elements     (StormcutModel *self);
/* Removes the element and its links. */
gboolean                stormcut_model_remove_element     (StormcutModel *self, const char *id, GError **error);
gboolean                stormcut_model_move_element       (StormcutModel *self, const char *id, double x, double y, GError **error);
gboolean                stormcut_model_resize_element     (StormcutModel *self, const char *id, double width, double height, GError **error);
gboolean                stormcut_model_rename_element     (StormcutModel *self, const char *id, const char *name, GError **error);
gboolean                stormcut_model_set_element_code_name (StormcutModel *self, const char *id, const char *code_name, GError **error);
gboolean                stormcut_model_set_element_description (StormcutModel *self, const char *id, const char *description, GError **error);
/* @color: "#RRGGBB" or NULL for the default. */
gboolean                stormcut_model_set_element_color  (StormcutModel *self, const char *id, const char *color, GError **error);
gboolean                stormcut_model_set_element_derived (StormcutModel *self, const char *id, gboolean derived, GError **error);
/* @context_id NULL unassigns. */
gboolean                stormcut_model_assign_element     (StormcutModel *self, const char *id, const char *context_id, GError **error);
/* Replaces the attributes (array of StormcutAttribute*, may be NULL). */
gboolean                stormcut_model_set_element_attributes (StormcutModel *self, const char *id, GPtrArray *attributes, GError **error);

/* --- links ----------------------------------------------------------------------- */
/* Adds a link after checking the grammar (STORMCUT_MODEL_ERROR_GRAMMAR when refused). */
const StormcutLink     *stormcut_model_add_link           (StormcutModel *self, const char *source_id, const char *target_id, GError **error);
/* Adds a copy of @link (id generated when NULL or empty); grammar checked. */
const StormcutLink     *stormcut_model_insert_link        (StormcutModel *self, const StormcutLink *link, GError **error);
gboolean                stormcut_model_remove_link        (StormcutModel *self, const char *id, GError **error);
const StormcutLink     *stormcut_model_get_link           (StormcutModel *self, const char *id);
const StormcutLink     *stormcut_model_find_link          (StormcutModel *self, const char *source_id, const char *target_id);
GPtrArray              *stormcut_model_get_links          (StormcutModel *self);
/* Links that start or end at @element_id, in document order (new array, borrowed items). */
GPtrArray              *stormcut_model_get_links_of       (StormcutModel *self, const char *element_id);

/* --- bounded contexts ------------------------------------------------------------ */
const StormcutContext  *stormcut_model_add_context        (StormcutModel *self, const char *name,
                                                           double x, double y, double width, double height,
                                                           GError **error);
const StormcutContext  *stormcut_model_insert_context     (StormcutModel *self, const StormcutContext *context, GError **error);
gboolean                stormcut_model_update_context     (StormcutModel *self, const StormcutContext *context, GError **error);
const StormcutContext  *stormcut_model_get_context        (StormcutModel *self, const char *id);
GPtrArray              *stormcut_model_get_contexts       (StormcutModel *self);
/* Removes the context: its elements become unassigned, its relationships are removed. */
gboolean                stormcut_model_remove_context     (StormcutModel *self, const char *id, GError **error);
gboolean                stormcut_model_rename_context     (StormcutModel *self, const char *id, const char *name, GError **error);
gboolean                stormcut_model_set_context_frame  (StormcutModel *self, const char *id,
                                                           double x, double y, double width, double height, GError **error);
/* The innermost (smallest) context whose frame contains the point, or NULL. */
const StormcutContext  *stormcut_model_context_at         (StormcutModel *self, double x, double y);
/* Elements assigned to @context_id (new array, borrowed items). */
GPtrArray              *stormcut_model_get_context_elements (StormcutModel *self, const char *context_id);

/* --- context-map relationships --------------------------------------------------- */
const StormcutRelationship *stormcut_model_add_relationship (StormcutModel *self, StormcutPattern pattern,
                                                             const char *upstream_id, const char *downstream_id,
                                                             GError **error);
const StormcutRelationship *stormcut_model_insert_relationship (StormcutModel *self, const StormcutRelationship *relationship, GError **error);
gboolean                stormcut_model_update_relationship (StormcutModel *self, const StormcutRelationship *relationship, GError **error);
gboolean                stormcut_model_remove_relationship (StormcutModel *self, const char *id, GError **error);
const StormcutRelationship *stormcut_model_get_relationship (StormcutModel *self, const char *id);
GPtrArray              *stormcut_model_get_relationships  (StormcutModel *self);

/* --- lookups by name ------------------------------------------------------------- */
/* Finds an element or context by id, else by code name, else by display name (first in
 * document order).  For the command line and scripting. */
const StormcutElement  *stormcut_model_lookup_element     (StormcutModel *self, const char *key);
const StormcutContext  *stormcut_model_lookup_context     (StormcutModel *self, const char *key);

/* --- undo / redo ----------------------------------------------------------------- */
/* Everything between begin and end is one undo step and one transaction.  Groups nest; the
 * outermost end commits.  @label is shown in the UI ("Move 3 stickies"); may be NULL. */
void                    stormcut_model_begin_group        (StormcutModel *self, const char *label);
gboolean                stormcut_model_end_group          (StormcutModel *self, GError **error);
/* Cancels the current outermost group: every change made in it is reverted. */
void                    stormcut_model_abort_group        (StormcutModel *self);
gboolean                stormcut_model_can_undo           (StormcutModel *self);
gboolean                stormcut_model_can_redo           (StormcutModel *self);
/* Label of the step that undo/redo would apply, or NULL. */
const char             *stormcut_model_get_undo_label     (StormcutModel *self);
const char             *stormcut_model_get_redo_label     (StormcutModel *self);
gboolean                stormcut_model_undo               (StormcutModel *self, GError **error);
gboolean                stormcut_model_redo               (StormcutModel *self, GError **error);
void                    stormcut_model_set_history_limit  (StormcutModel *self, guint limit);
guint                   stormcut_model_get_history_length (StormcutModel *self);
void                    stormcut_model_clear_history      (StormcutModel *self);

/* Bumped on every change; cheap way for views and analyses to know they are stale. */
guint64                 stormcut_model_get_revision       (StormcutModel *self);

G_END_DECLS
