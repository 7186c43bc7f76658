/* stormcut-model.c: the in-memory model of one .stormcut document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is a pair of records (before, after) of one object: NULL before means the
 * object is added, NULL after that it is removed.  apply_change() writes the after-record
 * to the file, puts it in memory and emits ::changed; the pair is kept in the current undo
 * step.  Undo applies the steps' pairs backwards, redo forwards, through the same function,
 * so whatever can be done can be undone, and every undo is as durable as the edit was.
 */
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "stormcut-grammar.h"
#include "stormcut-model.h"
#include "stormcut-store-private.h"

/* Internal object types: name/description and settings are both STORMCUT_OBJECT_MODEL
 * to the outside. */
typedef enum {
  OBJECT_INFO = 100,
  OBJECT_SETTING,
} InternalObjectType;

typedef struct {
  int       type;     /* StormcutObjectType or InternalObjectType */
  char     *id;       /* object id, info key or setting key */
  gpointer  before;   /* record, or char* value for info/settings; NULL = absent */
  gpointer  after;
} Change;

typedef struct {
  char      *label;
  GPtrArray *changes;  /* of Change* */
} Step;

struct _StormcutModel {
  GObject        parent_instance;

  /* owned references */
  StormcutStore *store;

  char          *name;
  char          *description;
  GHashTable    *settings;          /* key → value */

  GPtrArray     *elements;          /* StormcutElement*, document order, owned */
  GHashTable    *element_index;     /* id → StormcutElement* */
  GPtrArray     *links;
  GHashTable    *link_index;
  GHashTable    *links_by_element;  /* element id → GPtrArray of StormcutLink* (borrowed) */
  GPtrArray     *contexts;
  GHashTable    *context_index;
  GPtrArray     *relationships;
  GHashTable    *relationship_index;

  guint64        next_serial;
  guint64        revision;

  /* undo */
  GQueue         undo_steps;        /* Step*, newest at head */
  GQueue         redo_steps;
  guint          history_limit;
  Step          *group;             /* open group, or NULL */
  guint          group_depth;
  gboolean       group_failed;
  GError        *group_error;
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_HISTORY_CHANGED,
  SIGNAL_RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (StormcutModel, stormcut_model, G_TYPE_OBJECT)
G_DEFINE_QUARK (stormcut-model-error-quark, stormcut_model_error)

#define ID_MAX_LENGTH        64
#define CODE_NAME_MAX_LENGTH 128
#define SETTING_KEY_MAX      200
#define GEOMETRY_LIMIT       1e7

/* --- records of changes ----------------------------------------------------------- */

static void
free_record (int      type,
             gpointer record)
{
  if (record == NULL)
    return;
  switch (type)
    {
    case STORMCUT_OBJECT_ELEMENT:
      stormcut_element_free (record);
      break;
    case STORMCUT_OBJECT_LINK:
      stormcut_link_free (record);
      break;
    case STORMCUT_OBJECT_CONTEXT:
      stormcut_context_free (record);
      break;
    case STORMCUT_OBJECT_RELATIONSHIP:
      stormcut_relationship_free (record);
      break;
    default:
      g_free (record);
      break;
    }
}

static gpointer
copy_record (int           type,
             gconstpointer record)
{
  if (record == NULL)
    return NULL;
  switch (type)
    {
    case STORMCUT_OBJECT_ELEMENT:
      return stormcut_element_copy (record);
    case STORMCUT_OBJECT_LINK:
      return stormcut_link_copy (record);
    case STORMCUT_OBJECT_CONTEXT:
      return stormcut_context_copy (record);
    case STORMCUT_OBJECT_RELATIONSHIP:
      return stormcut_relationship_copy (record);
    default:
      return g_strdup (record);
    }
}

static void
change_free (Change *change)
{
  free_record (change->type, change->before);
  free_record (change->type, change->after);
  g_free (change->id);
  g_free (change);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) change_free);
  return step;
}

static void
step_free (Step *step)
{
  g_ptr_array_unref (step->changes);
  g_free (step->label);
  g_free (step);
}

/* --- validation ------------------------------------------------------------------- */

static gboolean
valid_id (const char *id)
{
  gsize len = 0;

  if (id == NULL)
    return FALSE;
  for (const char *p = id; *p; p++, len++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != ':' && *p != '-')
        return FALSE;
    }
  return len >= 1 && len <= ID_MAX_LENGTH;
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (!valid_id (id))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                   _("“%s” is not a valid id: use 1 to 64 letters, digits, “_”, “.”, “:” or “-”."),
                   id ? id : "");
      return FALSE;
    }
  return TRUE;
}

/* Text people write: valid UTF-8, no control characters but tab and newline.  Carriage
 * returns are folded into newlines so that the text survives XML and the clipboard. */
static char *
normalize_text (const char  *text,
                const char  *what,
                GError     **error)
{
  GString *out;

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                   _("The %s is not valid UTF-8 text."), what);
      return NULL;
    }
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
          continue;
        }
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        {
          g_string_free (out, TRUE);
          g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                       _("The %s contains a control character; remove it and try again."), what);
          return NULL;
        }
      g_string_append_c (out, (char) c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
normalize_field (char       **field,
                 const char  *what,
                 GError     **error)
{
  char *normalized = normalize_text (*field, what, error);

  if (normalized == NULL)
    return FALSE;
  g_free (*field);
  *field = normalized;
  return TRUE;
}

static gboolean
check_code_name (const char  *code_name,
                 GError     **error)
{
  gsize len = strlen (code_name);

  if (len == 0)
    return TRUE;
  if (len > CODE_NAME_MAX_LENGTH || !(g_ascii_isalpha (code_name[0]) || code_name[0] == '_'))
    goto invalid;
  for (const char *p = code_name; *p; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '_')
        goto invalid;
    }
  return TRUE;

invalid:
  g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
               _("“%s” is not a valid code name: start with a letter and use only ASCII letters, digits and “_” "
                 "(for example ReservationRegistered)."),
               code_name);
  return FALSE;
}

/* "#RRGGBB" in any case becomes "#rrggbb"; NULL or "" stays NULL. */
static gboolean
normalize_color (char   **color,
                 GError **error)
{
  char *c = *color;

  if (c == NULL)
    return TRUE;
  if (c[0] == '\0')
    {
      g_clear_pointer (color, g_free);
      return TRUE;
    }
  if (strlen (c) != 7 || c[0] != '#')
    goto invalid;
  for (int i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (c[i]))
        goto invalid;
      c[i] = g_ascii_tolower (c[i]);
    }
  return TRUE;

invalid:
  g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
               _("“%s” is not a colour: write it as #RRGGBB, for example #FD9E4A."), c);
  return FALSE;
}

/* Positions are kept to the hundredth of a board unit, so that they print exactly. */
static double
quantize (double value)
{
  return round (value * 100.0) / 100.0 + 0.0;
}

static gboolean
normalize_geometry (double   *x,
                    double   *y,
                    double   *width,
                    double   *height,
                    GError  **error)
{
  double *values[] = { x, y, width, height };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (!isfinite (*values[i]) || fabs (*values[i]) > GEOMETRY_LIMIT)
        {
          g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                               _("A position or size is out of range."));
          return FALSE;
        }
      *values[i] = quantize (*values[i]);
    }
  if (*width < 1 || *height < 1)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("A width or height must be at least 1."));
      return FALSE;
    }
  return TRUE;
}

static void
set_not_found (GError     **error,
               const char  *what,
               const char  *id)
{
  /* Translators: the first placeholder is "element", "link", "bounded context"...; the second an id */
  g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOT_FOUND,
               _("There is no %s with id “%s”."), what, id ? id : "");
}

/* --- ordered arrays --------------------------------------------------------------- */

/* Each record type starts with `char *id` and ends its document order in `ordinal`;
 * these helpers work on all of them through the offset of the ordinal field. */
static gint64
record_ordinal (gconstpointer record,
                gsize         ordinal_offset)
{
  return *(const gint64 *) ((const char *) record + ordinal_offset);
}

static guint
ordered_position (GPtrArray *array,
                  gint64     ordinal,
                  gsize      ordinal_offset)
{
  guint lo = 0, hi = array->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (record_ordinal (g_ptr_array_index (array, mid), ordinal_offset) <= ordinal)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
ordered_insert (GPtrArray *array,
                gpointer   record,
                gsize      ordinal_offset)
{
  gint64 ordinal = record_ordinal (record, ordinal_offset);

  if (array->len == 0 || record_ordinal (g_ptr_array_index (array, array->len - 1), ordinal_offset) <= ordinal)
    g_ptr_array_add (array, record);
  else
    g_ptr_array_insert (array, (gint) ordered_position (array, ordinal, ordinal_offset), record);
}

static guint
ordered_find (GPtrArray     *array,
              gconstpointer  record,
              gsize          ordinal_offset)
{
  guint pos = ordered_position (array, record_ordinal (record, ordinal_offset), ordinal_offset);

  /* pos is past the last record with that ordinal; search back over equal ordinals. */
  while (pos > 0)
    {
      pos--;
      if (g_ptr_array_index (array, pos) == record)
        return pos;
    }
  for (guint i = 0; i < array->len; i++)
    {
      if (g_ptr_array_index (array, i) == record)
        return i;
    }
  g_return_val_if_reached (G_MAXUINT);
}

static gint64
next_ordinal (GPtrArray *array,
              gsize      ordinal_offset)
{
  if (array->len == 0)
    return 1;
  return record_ordinal (g_ptr_array_index (array, array->len - 1), ordinal_offset) + 1;
}

typedef struct {
  GPtrArray  *array;
  GHashTable *index;
  gsize       ordinal_offset;
  const char *prefix;
} Collection;

static Collection
collection_of (StormcutModel *self,
               int            type)
{
  switch (type)
    {
    case STORMCUT_OBJECT_ELEMENT:
      return (Collection) { self->elements, self->element_index, G_STRUCT_OFFSET (StormcutElement, ordinal), "e" };
    case STORMCUT_OBJECT_LINK:
      return (Collection) { self->links, self->link_index, G_STRUCT_OFFSET (StormcutLink, ordinal), "l" };
    case STORMCUT_OBJECT_CONTEXT:
      return (Collection) { self->contexts, self->context_index, G_STRUCT_OFFSET (StormcutContext, ordinal), "c" };
    case STORMCUT_OBJECT_RELATIONSHIP:
      return (Collection) { self->relationships, self->relationship_index,
                            G_STRUCT_OFFSET (StormcutRelationship, ordinal), "r" };
    default:
      g_assert_not_reached ();
    }
}

static char *
generate_id (StormcutModel *self,
             int            type)
{
  Collection c = collection_of (self, type);

  for (;;)
    {
      char *id = g_strdup_printf ("%s%" G_GUINT64_FORMAT, c.prefix, ++self->next_serial);

      if (!g_hash_table_contains (c.index, id))
        return id;
      g_free (id);
    }
}

static void
index_link (StormcutModel *self,
            StormcutLink  *link)
{
  const char *ends[] = { link->source_id, link->target_id };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      GPtrArray *list = g_hash_table_lookup (self->links_by_element, ends[i]);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->links_by_element, g_strdup (ends[i]), list);
        }
      g_ptr_array_add (list, link);
    }
}

static void
unindex_link (StormcutModel *self,
              StormcutLink  *link)
{
  const char *ends[] = { link->source_id, link->target_id };

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      GPtrArray *list = g_hash_table_lookup (self->links_by_element, ends[i]);

      if (list != NULL)
        {
          g_ptr_array_remove (list, link);
          if (list->len == 0)
            g_hash_table_remove (self->links_by_element, ends[i]);
        }
    }
}

/* --- applying changes --------------------------------------------------------------- */

static gboolean
store_write (StormcutModel  *self,
             int             type,
             const char     *id,
             gconstpointer   after,
             GError        **error)
{
  StormcutStore *store = self->store;

  if (store == NULL)
    return TRUE;
  switch (type)
    {
    case OBJECT_INFO:
      return stormcut_store_put_info (store, id, after, error);
    case OBJECT_SETTING:
      return stormcut_store_put_setting (store, id, after, error);
    case STORMCUT_OBJECT_ELEMENT:
      return after ? stormcut_store_put_element (store, after, error)
                   : stormcut_store_delete_element (store, id, error);
    case STORMCUT_OBJECT_LINK:
      return after ? stormcut_store_put_link (store, after, error)
                   : stormcut_store_delete_link (store, id, error);
    case STORMCUT_OBJECT_CONTEXT:
      return after ? stormcut_store_put_context (store, after, error)
                   : stormcut_store_delete_context (store, id, error);
    case STORMCUT_OBJECT_RELATIONSHIP:
      return after ? stormcut_store_put_relationship (store, after, error)
                   : stormcut_store_delete_relationship (store, id, error);
    default:
      g_assert_not_reached ();
    }
}

/* Puts a copy of @after (or nothing) in memory in place of the object @id. */
static void
memory_write (StormcutModel *self,
              int            type,
              const char    *id,
              gconstpointer  after)
{
  Collection c;
  gpointer old;

  if (type == OBJECT_INFO)
    {
      char **field = g_str_equal (id, "name") ? &self->name : &self->description;

      g_free (*field);
      *field = g_strdup (after ? after : "");
      return;
    }
  if (type == OBJECT_SETTING)
    {
      if (after)
        g_hash_table_insert (self->settings, g_strdup (id), g_strdup (after));
      else
        g_hash_table_remove (self->settings, id);
      return;
    }

  c = collection_of (self, type);
  old = g_hash_table_lookup (c.index, id);
  if (old != NULL)
    {
      if (type == STORMCUT_OBJECT_LINK)
        unindex_link (self, old);
      g_hash_table_remove (c.index, id);
      g_ptr_array_remove_index (c.array, ordered_find (c.array, old, c.ordinal_offset));
    }
  if (after != NULL)
    {
      gpointer record = copy_record (type, after);

      ordered_insert (c.array, record, c.ordinal_offset);
      g_hash_table_insert (c.index, *(char **) record, record);
      if (type == STORMCUT_OBJECT_LINK)
        index_link (self, record);
    }
}

static void
emit_changed (StormcutModel *self,
              int            type,
              const char    *id,
              gboolean       had_before,
              gboolean       has_after)
{
  StormcutChange change = !had_before ? STORMCUT_CHANGE_ADDED
                        : !has_after ? STORMCUT_CHANGE_REMOVED
                        : STORMCUT_CHANGE_MODIFIED;

  self->revision++;
  if (type == OBJECT_INFO)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, STORMCUT_OBJECT_MODEL, NULL, STORMCUT_CHANGE_MODIFIED);
  else if (type == OBJECT_SETTING)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, STORMCUT_OBJECT_MODEL, id, change);
  else
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0, type, id, change);
}

static void
trim_history (StormcutModel *self)
{
  while (self->undo_steps.length > self->history_limit)
    step_free (g_queue_pop_tail (&self->undo_steps));
}

static void
clear_queue (GQueue *queue)
{
  Step *step;

  while ((step = g_queue_pop_head (queue)) != NULL)
    step_free (step);
}

static void begin_group_internal (StormcutModel *self, const char *label);

/* The single path of every change.  @before is the current record (borrowed) or NULL;
 * @after the new one (taken) or NULL.  Inside a group the change joins the group. */
static gboolean
apply_change (StormcutModel  *self,
              int             type,
              const char     *id,
              gconstpointer   before,
              gpointer        after,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean implicit = self->group == NULL;
  Change *change;

  if (self->group_failed)
    {
      free_record (type, after);
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_STORE,
                           self->group_error ? self->group_error->message : _("An earlier change failed."));
      return FALSE;
    }

  if (implicit)
    begin_group_internal (self, NULL);

  if (!store_write (self, type, id, after, &local_error))
    {
      free_record (type, after);
      self->group_failed = TRUE;
      if (self->group_error == NULL)
        self->group_error = g_error_copy (local_error);
      if (implicit)
        stormcut_model_abort_group (self);
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_STORE,
                   _("The change could not be saved: %s"), local_error->message);
      return FALSE;
    }

  change = g_new0 (Change, 1);
  change->type = type;
  change->id = g_strdup (id);
  change->before = copy_record (type, before);
  change->after = after;
  g_ptr_array_add (self->group->changes, change);

  /* @id may point into the record being replaced: use the change's own copy from here on. */
  memory_write (self, type, change->id, after);
  emit_changed (self, type, change->id, change->before != NULL, after != NULL);

  if (implicit)
    return stormcut_model_end_group (self, error);
  return TRUE;
}

/* Replays a recorded change in one direction, without recording it. */
static gboolean
replay_change (StormcutModel  *self,
               const Change   *change,
               gboolean        forward,
               gboolean        write_store,
               GError        **error)
{
  gconstpointer from = forward ? change->before : change->after;
  gconstpointer to = forward ? change->after : change->before;

  if (write_store && !store_write (self, change->type, change->id, to, error))
    return FALSE;
  memory_write (self, change->type, change->id, to);
  emit_changed (self, change->type, change->id, from != NULL, to != NULL);
  return TRUE;
}

static void
begin_group_internal (StormcutModel *self,
                      const char    *label)
{
  if (self->group_depth++ > 0)
    return;

  self->group = step_new (label);
  self->group_failed = FALSE;
  g_clear_error (&self->group_error);
  if (self->store != NULL && !stormcut_store_begin (self->store, &self->group_error))
    self->group_failed = TRUE;
}

/* --- GObject ------------------------------------------------------------------------ */

static void
stormcut_model_finalize (GObject *object)
{
  StormcutModel *self = STORMCUT_MODEL (object);

  if (self->group != NULL)
    {
      if (self->store != NULL)
        stormcut_store_rollback (self->store);
      step_free (self->group);
    }
  g_clear_error (&self->group_error);
  clear_queue (&self->undo_steps);
  clear_queue (&self->redo_steps);
  g_clear_pointer (&self->store, stormcut_store_free);
  g_free (self->name);
  g_free (self->description);
  g_hash_table_unref (self->settings);
  g_hash_table_unref (self->links_by_element);
  g_hash_table_unref (self->element_index);
  g_hash_table_unref (self->link_index);
  g_hash_table_unref (self->context_index);
  g_hash_table_unref (self->relationship_index);
  g_ptr_array_unref (self->relationships);
  g_ptr_array_unref (self->links);
  g_ptr_array_unref (self->elements);
  g_ptr_array_unref (self->contexts);

  G_OBJECT_CLASS (stormcut_model_parent_class)->finalize (object);
}

static void
stormcut_model_class_init (StormcutModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = stormcut_model_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_UINT);
  signals[SIGNAL_HISTORY_CHANGED] =
    g_signal_new ("history-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[SIGNAL_RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
stormcut_model_init (StormcutModel *self)
{
  self->name = g_strdup ("");
  self->description = g_strdup ("");
  self->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->elements = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_element_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_link_free);
  self->contexts = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_context_free);
  self->relationships = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_relationship_free);
  self->element_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->link_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->context_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->relationship_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->links_by_element = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                  (GDestroyNotify) g_ptr_array_unref);
  self->history_limit = STORMCUT_MODEL_DEFAULT_HISTORY;
  g_queue_init (&self->undo_steps);
  g_queue_init (&self->redo_steps);
}

/* --- documents ---------------------------------------------------------------------- */

StormcutModel *
stormcut_model_new (void)
{
  return g_object_new (STORMCUT_TYPE_MODEL, NULL);
}

static void
take_array (GPtrArray  *into,
            GHashTable *index,
            GPtrArray  *from)
{
  for (guint i = 0; i < from->len; i++)
    {
      gpointer record = g_ptr_array_index (from, i);

      g_ptr_array_add (into, record);
      g_hash_table_insert (index, *(char **) record, record);
    }
  g_ptr_array_set_free_func (from, NULL);
}

static void
model_take_content (StormcutModel        *self,
                    StormcutStoreContent *content)
{
  const char *value;

  if ((value = g_hash_table_lookup (content->info, "name")) != NULL)
    {
      g_free (self->name);
      self->name = g_strdup (value);
    }
  if ((value = g_hash_table_lookup (content->info, "description")) != NULL)
    {
      g_free (self->description);
      self->description = g_strdup (value);
    }
  g_hash_table_unref (self->settings);
  self->settings = g_hash_table_ref (content->settings);

  take_array (self->contexts, self->context_index, content->contexts);
  take_array (self->elements, self->element_index, content->elements);
  take_array (self->links, self->link_index, content->links);
  take_array (self->relationships, self->relationship_index, content->relationships);
  for (guint i = 0; i < self->links->len; i++)
    index_link (self, g_ptr_array_index (self->links, i));
  self->next_serial = self->elements->len + self->links->len + self->contexts->len + self->relationships->len;
}

static StormcutModel *
model_open (const char  *path,
            gboolean     for_reading,
            GError     **error)
{
  g_autoptr(StormcutModel) self = NULL;
  g_autoptr(StormcutStore) store = NULL;
  g_autoptr(StormcutStoreContent) content = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  store = for_reading ? stormcut_store_open_for_reading (path, error) : stormcut_store_open (path, error);
  if (store == NULL)
    return NULL;
  content = stormcut_store_load (store, error);
  if (content == NULL)
    return NULL;

  self = stormcut_model_new ();
  self->store = g_steal_pointer (&store);
  model_take_content (self, content);
  return g_steal_pointer (&self);
}

StormcutModel *
stormcut_model_open (const char  *path,
                     GError     **error)
{
  return model_open (path, FALSE, error);
}

StormcutModel *
stormcut_model_open_for_reading (const char  *path,
                                 GError     **error)
{
  return model_open (path, TRUE, error);
}

StormcutModel *
stormcut_model_create (const char  *path,
                       GError     **error)
{
  g_autoptr(StormcutModel) self = NULL;
  StormcutStore *store;

  g_return_val_if_fail (path != NULL, NULL);

  store = stormcut_store_create (path, error);
  if (store == NULL)
    return NULL;
  self = stormcut_model_new ();
  self->store = store;
  return g_steal_pointer (&self);
}

/* Writes everything the model holds into a new, empty store in one transaction. */
static gboolean
model_write_all (StormcutModel  *self,
                 StormcutStore  *store,
                 GError        **error)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  if (!stormcut_store_begin (store, error))
    return FALSE;
  ok = stormcut_store_put_info (store, "name", self->name, error) &&
       stormcut_store_put_info (store, "description", self->description, error);
  g_hash_table_iter_init (&iter, self->settings);
  while (ok && g_hash_table_iter_next (&iter, &key, &value))
    ok = stormcut_store_put_setting (store, key, value, error);
  for (guint i = 0; ok && i < self->contexts->len; i++)
    ok = stormcut_store_put_context (store, g_ptr_array_index (self->contexts, i), error);
  for (guint i = 0; ok && i < self->elements->len; i++)
    ok = stormcut_store_put_element (store, g_ptr_array_index (self->elements, i), error);
  for (guint i = 0; ok && i < self->links->len; i++)
    ok = stormcut_store_put_link (store, g_ptr_array_index (self->links, i), error);
  for (guint i = 0; ok && i < self->relationships->len; i++)
    ok = stormcut_store_put_relationship (store, g_ptr_array_index (self->relationships, i), error);
  if (ok)
    return stormcut_store_commit (store, error);
  stormcut_store_rollback (store);
  return FALSE;
}

gboolean
stormcut_model_save_as (StormcutModel  *self,
                        const char     *path,
                        GError        **error)
{
  g_autoptr(StormcutStore) store = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->store != NULL && g_strcmp0 (stormcut_store_get_path (self->store), path) == 0)
    return TRUE;

  if (self->store != NULL)
    {
      if (!stormcut_store_backup (self->store, path, error))
        return FALSE;
    }
  else
    {
      g_autofree char *tmp_path = g_strdup_printf ("%s.%08x.new", path, g_random_int ());
      g_autoptr(StormcutStore) fresh = stormcut_store_create (tmp_path, error);

      if (fresh == NULL)
        return FALSE;
      if (!model_write_all (self, fresh, error))
        {
          g_clear_pointer (&fresh, stormcut_store_free);
          g_unlink (tmp_path);
          return FALSE;
        }
      /* Close the fresh file (checkpointing it) and copy it into place atomically. */
      if (!stormcut_store_backup (fresh, path, error))
        {
          g_clear_pointer (&fresh, stormcut_store_free);
          g_unlink (tmp_path);
          return FALSE;
        }
      g_clear_pointer (&fresh, stormcut_store_free);
      g_unlink (tmp_path);
    }

  store = stormcut_store_open (path, error);
  if (store == NULL)
    return FALSE;
  g_clear_pointer (&self->store, stormcut_store_free);
  self->store = g_steal_pointer (&store);
  return TRUE;
}

const char *
stormcut_model_get_path (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->store ? stormcut_store_get_path (self->store) : NULL;
}

void
stormcut_model_close (StormcutModel *self)
{
  g_return_if_fail (STORMCUT_IS_MODEL (self));
  g_return_if_fail (self->group == NULL);
  g_clear_pointer (&self->store, stormcut_store_free);
}

/* --- the model itself --------------------------------------------------------------- */

const char *
stormcut_model_get_name (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->name;
}

static gboolean
set_info (StormcutModel  *self,
          const char     *key,
          const char     *current,
          const char     *value,
          const char     *what,
          GError        **error)
{
  char *normalized = normalize_text (value, what, error);

  if (normalized == NULL)
    return FALSE;
  if (g_strcmp0 (normalized, current) == 0)
    {
      g_free (normalized);
      return TRUE;
    }
  return apply_change (self, OBJECT_INFO, key, current, normalized, error);
}

gboolean
stormcut_model_set_name (StormcutModel  *self,
                         const char     *name,
                         GError        **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  return set_info (self, "name", self->name, name, _("model name"), error);
}

const char *
stormcut_model_get_description (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->description;
}

gboolean
stormcut_model_set_description (StormcutModel  *self,
                                const char     *description,
                                GError        **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  return set_info (self, "description", self->description, description, _("model description"), error);
}

const char *
stormcut_model_get_setting (StormcutModel *self,
                            const char    *key)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return key ? g_hash_table_lookup (self->settings, key) : NULL;
}

gboolean
stormcut_model_set_setting (StormcutModel  *self,
                            const char     *key,
                            const char     *value,
                            GError        **error)
{
  char *normalized = NULL;
  const char *current;
  gsize len;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  len = key ? strlen (key) : 0;
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (key[i]) && strchr ("_.:-", key[i]) == NULL)
        len = 0;
    }
  if (len == 0 || len > SETTING_KEY_MAX)
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                   _("“%s” is not a valid setting name."), key ? key : "");
      return FALSE;
    }
  if (value != NULL && (normalized = normalize_text (value, _("setting"), error)) == NULL)
    return FALSE;

  current = g_hash_table_lookup (self->settings, key);
  if (g_strcmp0 (current, normalized) == 0)
    {
      g_free (normalized);
      return TRUE;
    }
  return apply_change (self, OBJECT_SETTING, key, current, normalized, error);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char **
stormcut_model_list_settings (StormcutModel *self)
{
  g_autofree gpointer *keys = NULL;
  guint n;
  char **result;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);

  keys = g_hash_table_get_keys_as_array (self->settings, &n);
  qsort (keys, n, sizeof (gpointer), compare_strings);
  result = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    result[i] = g_strdup (keys[i]);
  return result;
}

/* --- elements ----------------------------------------------------------------------- */

/* Validates and normalizes @element in place (everything but the id and ordinal). */
static gboolean
normalize_element (StormcutModel    *self,
                   StormcutElement  *element,
                   GError          **error)
{
  if (element->kind >= STORMCUT_N_KINDS)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("Unknown sticky kind."));
      return FALSE;
    }
  if (!normalize_field (&element->name, _("name"), error) ||
      !normalize_field (&element->code_name, _("code name"), error) ||
      !normalize_field (&element->description, _("description"), error) ||
      !check_code_name (element->code_name, error) ||
      !normalize_color (&element->color, error) ||
      !normalize_geometry (&element->x, &element->y, &element->width, &element->height, error))
    return FALSE;
  if (element->context_id != NULL && element->context_id[0] == '\0')
    g_clear_pointer (&element->context_id, g_free);
  if (element->context_id != NULL && !g_hash_table_contains (self->context_index, element->context_id))
    {
      set_not_found (error, _("bounded context"), element->context_id);
      return FALSE;
    }
  if (element->kind != STORMCUT_KIND_READ_MODEL)
    element->derived = FALSE;
  if (element->attributes->len > 0 && !stormcut_kind_has_attributes (element->kind))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                   _("A %s has no attributes; only aggregates and read models do."),
                   stormcut_kind_get_label (element->kind));
      return FALSE;
    }
  for (guint i = 0; i < element->attributes->len; i++)
    {
      StormcutAttribute *attribute = g_ptr_array_index (element->attributes, i);

      if (!normalize_field (&attribute->name, _("attribute name"), error) ||
          !normalize_field (&attribute->type, _("attribute type"), error))
        return FALSE;
      if (attribute->name[0] == '\0')
        {
          g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                               _("Every attribute needs a name."));
          return FALSE;
        }
    }
  return TRUE;
}

const StormcutElement *
stormcut_model_insert_element (StormcutModel          *self,
                               const StormcutElement  *element,
                               GError                **error)
{
  g_autoptr(StormcutElement) copy = NULL;
  char *id;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  g_return_val_if_fail (element != NULL, NULL);

  copy = stormcut_element_copy (element);
  if (copy->id == NULL || copy->id[0] == '\0')
    {
      g_free (copy->id);
      copy->id = generate_id (self, STORMCUT_OBJECT_ELEMENT);
    }
  else if (!check_id (copy->id, error))
    return NULL;
  if (g_hash_table_contains (self->element_index, copy->id))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE,
                   _("The id “%s” is already used by another element."), copy->id);
      return NULL;
    }
  if (copy->width <= 0 || copy->height <= 0)
    stormcut_kind_get_default_size (copy->kind, &copy->width, &copy->height);
  if (!normalize_element (self, copy, error))
    return NULL;
  if (copy->ordinal <= 0)
    copy->ordinal = next_ordinal (self->elements, G_STRUCT_OFFSET (StormcutElement, ordinal));

  id = g_strdup (copy->id);
  if (!apply_change (self, STORMCUT_OBJECT_ELEMENT, id, NULL, g_steal_pointer (&copy), error))
    {
      g_free (id);
      return NULL;
    }
  {
    const StormcutElement *result = g_hash_table_lookup (self->element_index, id);
    g_free (id);
    return result;
  }
}

const StormcutElement *
stormcut_model_add_element (StormcutModel  *self,
                            StormcutKind    kind,
                            const char     *name,
                            double          x,
                            double          y,
                            GError        **error)
{
  StormcutElement element = { 0 };
  g_autoptr(GPtrArray) attributes = g_ptr_array_new ();

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);

  element.kind = kind;
  element.name = (char *) name;
  element.x = x;
  element.y = y;
  element.attributes = attributes;
  if (kind < STORMCUT_N_KINDS)
    stormcut_kind_get_default_size (kind, &element.width, &element.height);
  return stormcut_model_insert_element (self, &element, error);
}

gboolean
stormcut_model_update_element (StormcutModel          *self,
                               const StormcutElement  *element,
                               GError                **error)
{
  const StormcutElement *current;
  g_autoptr(StormcutElement) copy = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  g_return_val_if_fail (element != NULL, FALSE);

  current = g_hash_table_lookup (self->element_index, element->id ? element->id : "");
  if (current == NULL)
    {
      set_not_found (error, _("element"), element->id);
      return FALSE;
    }
  copy = stormcut_element_copy (element);
  if (copy->ordinal <= 0)
    copy->ordinal = current->ordinal;
  if (!normalize_element (self, copy, error))
    return FALSE;

  /* A new kind must keep every existing link grammatical. */
  if (copy->kind != current->kind)
    {
      GPtrArray *links = g_hash_table_lookup (self->links_by_element, current->id);

      for (guint i = 0; links && i < links->len; i++)
        {
          const StormcutLink *link = g_ptr_array_index (links, i);
          const StormcutElement *source = g_hash_table_lookup (self->element_index, link->source_id);
          const StormcutElement *target = g_hash_table_lookup (self->element_index, link->target_id);
          StormcutKind from = source == current ? copy->kind : source->kind;
          StormcutKind to = target == current ? copy->kind : target->kind;

          if (!stormcut_grammar_check (from, to, error))
            return FALSE;
        }
    }

  if (stormcut_element_equal (copy, current))
    return TRUE;
  return apply_change (self, STORMCUT_OBJECT_ELEMENT, current->id, current, g_steal_pointer (&copy), error);
}

const StormcutElement *
stormcut_model_get_element (StormcutModel *self,
                            const char    *id)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->element_index, id) : NULL;
}

GPtrArray *
stormcut_model_get_elements (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->elements;
}

guint
stormcut_model_get_n_elements (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), 0);
  return self->elements->len;
}

gboolean
stormcut_model_remove_element (StormcutModel  *self,
                               const char     *id,
                               GError        **error)
{
  const StormcutElement *current;
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  current = stormcut_model_get_element (self, id);
  if (current == NULL)
    {
      set_not_found (error, _("element"), id);
      return FALSE;
    }

  stormcut_model_begin_group (self, NULL);
  links = stormcut_model_get_links_of (self, id);
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);

      if (!apply_change (self, STORMCUT_OBJECT_LINK, link->id, link, NULL, NULL))
        break;
    }
  current = stormcut_model_get_element (self, id);
  if (current != NULL)
    apply_change (self, STORMCUT_OBJECT_ELEMENT, current->id, current, NULL, NULL);
  return stormcut_model_end_group (self, error);
}

/* Copies the element @id for a setter; NULL (with error) if there is none. */
static StormcutElement *
element_for_update (StormcutModel  *self,
                    const char     *id,
                    GError        **error)
{
  const StormcutElement *current = stormcut_model_get_element (self, id);

  if (current == NULL)
    {
      set_not_found (error, _("element"), id);
      return NULL;
    }
  return stormcut_element_copy (current);
}

#define UPDATE_ELEMENT(self, id, error, statement)                               \
  G_STMT_START {                                                                 \
    g_autoptr(StormcutElement) element = element_for_update (self, id, error);   \
    if (element == NULL)                                                         \
      return FALSE;                                                              \
    statement;                                                                   \
    return stormcut_model_update_element (self, element, error);                 \
  } G_STMT_END

gboolean
stormcut_model_move_element (StormcutModel  *self,
                             const char     *id,
                             double          x,
                             double          y,
                             GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (element->x = x, element->y = y));
}

gboolean
stormcut_model_resize_element (StormcutModel  *self,
                               const char     *id,
                               double          width,
                               double          height,
                               GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (element->width = width, element->height = height));
}

gboolean
stormcut_model_rename_element (StormcutModel  *self,
                               const char     *id,
                               const char     *name,
                               GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (g_free (element->name), element->name = g_strdup (name)));
}

gboolean
stormcut_model_set_element_code_name (StormcutModel  *self,
                                      const char     *id,
                                      const char     *code_name,
                                      GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (g_free (element->code_name), element->code_name = g_strdup (code_name)));
}

gboolean
stormcut_model_set_element_description (StormcutModel  *self,
                                        const char     *id,
                                        const char     *description,
                                        GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (g_free (element->description), element->description = g_strdup (description)));
}

gboolean
stormcut_model_set_element_color (StormcutModel  *self,
                                  const char     *id,
                                  const char     *color,
                                  GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (g_free (element->color), element->color = g_strdup (color)));
}

gboolean
stormcut_model_set_element_derived (StormcutModel  *self,
                                    const char     *id,
                                    gboolean        derived,
                                    GError        **error)
{
  UPDATE_ELEMENT (self, id, error, element->derived = derived);
}

gboolean
stormcut_model_assign_element (StormcutModel  *self,
                               const char     *id,
                               const char     *context_id,
                               GError        **error)
{
  UPDATE_ELEMENT (self, id, error, (g_free (element->context_id), element->context_id = g_strdup (context_id)));
}

gboolean
stormcut_model_set_element_attributes (StormcutModel  *self,
                                       const char     *id,
                                       GPtrArray      *attributes,
                                       GError        **error)
{
  UPDATE_ELEMENT (self, id, error, {
    g_ptr_array_set_size (element->attributes, 0);
    for (guint i = 0; attributes && i < attributes->len; i++)
      g_ptr_array_add (element->attributes, stormcut_attribute_copy (g_ptr_array_index (attributes, i)));
  });
}

/* --- links -------------------------------------------------------------------------- */

const StormcutLink *
stormcut_model_insert_link (StormcutModel       *self,
                            const StormcutLink  *link,
                            GError             **error)
{
  g_autoptr(StormcutLink) copy = NULL;
  const StormcutElement *source, *target;
  const StormcutLink *existing;
  char *id;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  g_return_val_if_fail (link != NULL, NULL);

  source = stormcut_model_get_element (self, link->source_id);
  target = stormcut_model_get_element (self, link->target_id);
  if (source == NULL || target == NULL)
    {
      set_not_found (error, _("element"), source == NULL ? link->source_id : link->target_id);
      return NULL;
    }
  if (source == target)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("A sticky cannot be linked to itself."));
      return NULL;
    }
  if (!stormcut_grammar_check (source->kind, target->kind, error))
    return NULL;
  existing = stormcut_model_find_link (self, source->id, target->id);
  if (existing != NULL)
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE,
                   _("“%s” is already linked to “%s”."), source->name, target->name);
      return NULL;
    }

  copy = stormcut_link_copy (link);
  if (copy->id == NULL || copy->id[0] == '\0')
    {
      g_free (copy->id);
      copy->id = generate_id (self, STORMCUT_OBJECT_LINK);
    }
  else if (!check_id (copy->id, error))
    return NULL;
  if (g_hash_table_contains (self->link_index, copy->id))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE,
                   _("The id “%s” is already used by another link."), copy->id);
      return NULL;
    }
  if (copy->ordinal <= 0)
    copy->ordinal = next_ordinal (self->links, G_STRUCT_OFFSET (StormcutLink, ordinal));

  id = g_strdup (copy->id);
  if (!apply_change (self, STORMCUT_OBJECT_LINK, id, NULL, g_steal_pointer (&copy), error))
    {
      g_free (id);
      return NULL;
    }
  {
    const StormcutLink *result = g_hash_table_lookup (self->link_index, id);
    g_free (id);
    return result;
  }
}

const StormcutLink *
stormcut_model_add_link (StormcutModel  *self,
                         const char     *source_id,
                         const char     *target_id,
                         GError        **error)
{
  StormcutLink link = { 0 };

  link.source_id = (char *) source_id;
  link.target_id = (char *) target_id;
  return stormcut_model_insert_link (self, &link, error);
}

gboolean
stormcut_model_remove_link (StormcutModel  *self,
                            const char     *id,
                            GError        **error)
{
  const StormcutLink *link;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  link = stormcut_model_get_link (self, id);
  if (link == NULL)
    {
      set_not_found (error, _("link"), id);
      return FALSE;
    }
  return apply_change (self, STORMCUT_OBJECT_LINK, link->id, link, NULL, error);
}

const StormcutLink *
stormcut_model_get_link (StormcutModel *self,
                         const char    *id)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->link_index, id) : NULL;
}

const StormcutLink *
stormcut_model_find_link (StormcutModel *self,
                          const char    *source_id,
                          const char    *target_id)
{
  GPtrArray *links;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);

  links = source_id ? g_hash_table_lookup (self->links_by_element, source_id) : NULL;
  for (guint i = 0; links && i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);

      if (g_str_equal (link->source_id, source_id) && g_strcmp0 (link->target_id, target_id) == 0)
        return link;
    }
  return NULL;
}

GPtrArray *
stormcut_model_get_links (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->links;
}

static gint
compare_link_ordinals (gconstpointer a,
                       gconstpointer b)
{
  const StormcutLink *x = *(const StormcutLink * const *) a;
  const StormcutLink *y = *(const StormcutLink * const *) b;

  return (x->ordinal > y->ordinal) - (x->ordinal < y->ordinal);
}

GPtrArray *
stormcut_model_get_links_of (StormcutModel *self,
                             const char    *element_id)
{
  GPtrArray *result = g_ptr_array_new ();
  GPtrArray *links;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), result);

  links = element_id ? g_hash_table_lookup (self->links_by_element, element_id) : NULL;
  for (guint i = 0; links && i < links->len; i++)
    g_ptr_array_add (result, g_ptr_array_index (links, i));
  g_ptr_array_sort (result, compare_link_ordinals);
  return result;
}

/* --- bounded contexts --------------------------------------------------------------- */

static gboolean
normalize_context (StormcutContext  *context,
                   GError          **error)
{
  if (!normalize_field (&context->name, _("name"), error) ||
      !normalize_field (&context->code_name, _("code name"), error) ||
      !normalize_field (&context->description, _("description"), error) ||
      !normalize_field (&context->team, _("team"), error) ||
      !check_code_name (context->code_name, error) ||
      !normalize_color (&context->color, error) ||
      !normalize_geometry (&context->x, &context->y, &context->width, &context->height, error))
    return FALSE;
  if (g_strstrip (context->name)[0] == '\0')
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("A bounded context needs a name."));
      return FALSE;
    }
  if (context->domain_type >= STORMCUT_N_DOMAIN_TYPES)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("Unknown domain type."));
      return FALSE;
    }
  if (context->service != NULL)
    {
      if (!normalize_field (&context->service, _("service name"), error))
        return FALSE;
      if (g_strstrip (context->service)[0] == '\0')
        g_clear_pointer (&context->service, g_free);
    }
  return TRUE;
}

const StormcutContext *
stormcut_model_insert_context (StormcutModel          *self,
                               const StormcutContext  *context,
                               GError                **error)
{
  g_autoptr(StormcutContext) copy = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  copy = stormcut_context_copy (context);
  if (copy->id == NULL || copy->id[0] == '\0')
    {
      g_free (copy->id);
      copy->id = generate_id (self, STORMCUT_OBJECT_CONTEXT);
    }
  else if (!check_id (copy->id, error))
    return NULL;
  if (g_hash_table_contains (self->context_index, copy->id))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE,
                   _("The id “%s” is already used by another bounded context."), copy->id);
      return NULL;
    }
  if (!normalize_context (copy, error))
    return NULL;
  if (copy->ordinal <= 0)
    copy->ordinal = next_ordinal (self->contexts, G_STRUCT_OFFSET (StormcutContext, ordinal));

  id = g_strdup (copy->id);
  if (!apply_change (self, STORMCUT_OBJECT_CONTEXT, id, NULL, g_steal_pointer (&copy), error))
    return NULL;
  return g_hash_table_lookup (self->context_index, id);
}

const StormcutContext *
stormcut_model_add_context (StormcutModel  *self,
                            const char     *name,
                            double          x,
                            double          y,
                            double          width,
                            double          height,
                            GError        **error)
{
  StormcutContext context = { 0 };

  context.name = (char *) name;
  context.domain_type = STORMCUT_DOMAIN_SUPPORTING;
  context.x = x;
  context.y = y;
  context.width = width;
  context.height = height;
  return stormcut_model_insert_context (self, &context, error);
}

gboolean
stormcut_model_update_context (StormcutModel          *self,
                               const StormcutContext  *context,
                               GError                **error)
{
  const StormcutContext *current;
  g_autoptr(StormcutContext) copy = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  g_return_val_if_fail (context != NULL, FALSE);

  current = stormcut_model_get_context (self, context->id);
  if (current == NULL)
    {
      set_not_found (error, _("bounded context"), context->id);
      return FALSE;
    }
  copy = stormcut_context_copy (context);
  if (copy->ordinal <= 0)
    copy->ordinal = current->ordinal;
  if (!normalize_context (copy, error))
    return FALSE;
  if (stormcut_context_equal (copy, current))
    return TRUE;
  return apply_change (self, STORMCUT_OBJECT_CONTEXT, current->id, current, g_steal_pointer (&copy), error);
}

const StormcutContext *
stormcut_model_get_context (StormcutModel *self,
                            const char    *id)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->context_index, id) : NULL;
}

GPtrArray *
stormcut_model_get_contexts (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->contexts;
}

gboolean
stormcut_model_remove_context (StormcutModel  *self,
                               const char     *id,
                               GError        **error)
{
  const StormcutContext *current;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) relationship_ids = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  current = stormcut_model_get_context (self, id);
  if (current == NULL)
    {
      set_not_found (error, _("bounded context"), id);
      return FALSE;
    }

  stormcut_model_begin_group (self, NULL);

  members = stormcut_model_get_context_elements (self, id);
  for (guint i = 0; i < members->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (members, i);
      StormcutElement *copy = stormcut_element_copy (element);

      g_clear_pointer (&copy->context_id, g_free);
      if (!apply_change (self, STORMCUT_OBJECT_ELEMENT, element->id, element, copy, NULL))
        break;
    }

  relationship_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->relationships->len; i++)
    {
      const StormcutRelationship *relationship = g_ptr_array_index (self->relationships, i);

      if (g_str_equal (relationship->upstream_id, id) || g_str_equal (relationship->downstream_id, id))
        g_ptr_array_add (relationship_ids, g_strdup (relationship->id));
    }
  for (guint i = 0; i < relationship_ids->len; i++)
    {
      const StormcutRelationship *relationship = stormcut_model_get_relationship (self, g_ptr_array_index (relationship_ids, i));

      if (!apply_change (self, STORMCUT_OBJECT_RELATIONSHIP, relationship->id, relationship, NULL, NULL))
        break;
    }

  current = stormcut_model_get_context (self, id);
  if (current != NULL)
    apply_change (self, STORMCUT_OBJECT_CONTEXT, current->id, current, NULL, NULL);
  return stormcut_model_end_group (self, error);
}

gboolean
stormcut_model_rename_context (StormcutModel  *self,
                               const char     *id,
                               const char     *name,
                               GError        **error)
{
  const StormcutContext *current;
  g_autoptr(StormcutContext) copy = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  current = stormcut_model_get_context (self, id);
  if (current == NULL)
    {
      set_not_found (error, _("bounded context"), id);
      return FALSE;
    }
  copy = stormcut_context_copy (current);
  g_free (copy->name);
  copy->name = g_strdup (name);
  return stormcut_model_update_context (self, copy, error);
}

gboolean
stormcut_model_set_context_frame (StormcutModel  *self,
                                  const char     *id,
                                  double          x,
                                  double          y,
                                  double          width,
                                  double          height,
                                  GError        **error)
{
  const StormcutContext *current;
  g_autoptr(StormcutContext) copy = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  current = stormcut_model_get_context (self, id);
  if (current == NULL)
    {
      set_not_found (error, _("bounded context"), id);
      return FALSE;
    }
  copy = stormcut_context_copy (current);
  copy->x = x;
  copy->y = y;
  copy->width = width;
  copy->height = height;
  return stormcut_model_update_context (self, copy, error);
}

const StormcutContext *
stormcut_model_context_at (StormcutModel *self,
                           double         x,
                           double         y)
{
  const StormcutContext *best = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);

  for (guint i = 0; i < self->contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (self->contexts, i);

      if (stormcut_context_contains (context, x, y) &&
          (best == NULL || context->width * context->height < best->width * best->height))
        best = context;
    }
  return best;
}

GPtrArray *
stormcut_model_get_context_elements (StormcutModel *self,
                                     const char    *context_id)
{
  GPtrArray *result = g_ptr_array_new ();

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), result);

  for (guint i = 0; i < self->elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (self->elements, i);

      if (g_strcmp0 (element->context_id, context_id) == 0)
        g_ptr_array_add (result, (gpointer) element);
    }
  return result;
}

/* --- relationships ------------------------------------------------------------------ */

static gboolean
normalize_relationship (StormcutModel         *self,
                        StormcutRelationship  *relationship,
                        GError               **error)
{
  if (relationship->pattern >= STORMCUT_N_PATTERNS || relationship->mode >= STORMCUT_N_MODES)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("Unknown relationship pattern or mode."));
      return FALSE;
    }
  if (stormcut_model_get_context (self, relationship->upstream_id) == NULL)
    {
      set_not_found (error, _("bounded context"), relationship->upstream_id);
      return FALSE;
    }
  if (stormcut_model_get_context (self, relationship->downstream_id) == NULL)
    {
      set_not_found (error, _("bounded context"), relationship->downstream_id);
      return FALSE;
    }
  if (g_str_equal (relationship->upstream_id, relationship->downstream_id))
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("A relationship joins two different bounded contexts."));
      return FALSE;
    }
  if ((relationship->roles & ~STORMCUT_ROLES_ALL) != 0 ||
      (stormcut_pattern_is_symmetric (relationship->pattern) && relationship->roles != STORMCUT_ROLE_NONE))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                   _("A %s relationship has no upstream or downstream roles (OHS, PL, CF, ACL)."),
                   stormcut_pattern_get_label (relationship->pattern));
      return FALSE;
    }
  if ((relationship->roles & STORMCUT_ROLE_CF) && (relationship->roles & STORMCUT_ROLE_ACL))
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("A downstream context is either a Conformist or has an Anticorruption Layer, not both."));
      return FALSE;
    }
  return normalize_field (&relationship->note, _("note"), error);
}

const StormcutRelationship *
stormcut_model_insert_relationship (StormcutModel               *self,
                                    const StormcutRelationship  *relationship,
                                    GError                     **error)
{
  g_autoptr(StormcutRelationship) copy = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  g_return_val_if_fail (relationship != NULL, NULL);

  copy = stormcut_relationship_copy (relationship);
  if (copy->id == NULL || copy->id[0] == '\0')
    {
      g_free (copy->id);
      copy->id = generate_id (self, STORMCUT_OBJECT_RELATIONSHIP);
    }
  else if (!check_id (copy->id, error))
    return NULL;
  if (g_hash_table_contains (self->relationship_index, copy->id))
    {
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE,
                   _("The id “%s” is already used by another relationship."), copy->id);
      return NULL;
    }
  if (!normalize_relationship (self, copy, error))
    return NULL;
  if (copy->ordinal <= 0)
    copy->ordinal = next_ordinal (self->relationships, G_STRUCT_OFFSET (StormcutRelationship, ordinal));

  id = g_strdup (copy->id);
  if (!apply_change (self, STORMCUT_OBJECT_RELATIONSHIP, id, NULL, g_steal_pointer (&copy), error))
    return NULL;
  return g_hash_table_lookup (self->relationship_index, id);
}

const StormcutRelationship *
stormcut_model_add_relationship (StormcutModel    *self,
                                 StormcutPattern   pattern,
                                 const char       *upstream_id,
                                 const char       *downstream_id,
                                 GError          **error)
{
  StormcutRelationship relationship = { 0 };

  relationship.pattern = pattern;
  relationship.upstream_id = (char *) upstream_id;
  relationship.downstream_id = (char *) downstream_id;
  return stormcut_model_insert_relationship (self, &relationship, error);
}

gboolean
stormcut_model_update_relationship (StormcutModel               *self,
                                    const StormcutRelationship  *relationship,
                                    GError                     **error)
{
  const StormcutRelationship *current;
  g_autoptr(StormcutRelationship) copy = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  g_return_val_if_fail (relationship != NULL, FALSE);

  current = stormcut_model_get_relationship (self, relationship->id);
  if (current == NULL)
    {
      set_not_found (error, _("relationship"), relationship->id);
      return FALSE;
    }
  copy = stormcut_relationship_copy (relationship);
  if (copy->ordinal <= 0)
    copy->ordinal = current->ordinal;
  if (!normalize_relationship (self, copy, error))
    return FALSE;
  if (stormcut_relationship_equal (copy, current))
    return TRUE;
  return apply_change (self, STORMCUT_OBJECT_RELATIONSHIP, current->id, current, g_steal_pointer (&copy), error);
}

gboolean
stormcut_model_remove_relationship (StormcutModel  *self,
                                    const char     *id,
                                    GError        **error)
{
  const StormcutRelationship *current;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);

  current = stormcut_model_get_relationship (self, id);
  if (current == NULL)
    {
      set_not_found (error, _("relationship"), id);
      return FALSE;
    }
  return apply_change (self, STORMCUT_OBJECT_RELATIONSHIP, current->id, current, NULL, error);
}

const StormcutRelationship *
stormcut_model_get_relationship (StormcutModel *self,
                                 const char    *id)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return id ? g_hash_table_lookup (self->relationship_index, id) : NULL;
}

GPtrArray *
stormcut_model_get_relationships (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  return self->relationships;
}

/* --- lookups ------------------------------------------------------------------------ */

const StormcutElement *
stormcut_model_lookup_element (StormcutModel *self,
                               const char    *key)
{
  const StormcutElement *element;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  if (key == NULL)
    return NULL;
  if ((element = stormcut_model_get_element (self, key)) != NULL)
    return element;
  for (guint i = 0; i < self->elements->len; i++)
    {
      element = g_ptr_array_index (self->elements, i);
      if (element->code_name[0] != '\0' && g_str_equal (element->code_name, key))
        return element;
    }
  for (guint i = 0; i < self->elements->len; i++)
    {
      element = g_ptr_array_index (self->elements, i);
      if (g_str_equal (element->name, key))
        return element;
    }
  return NULL;
}

const StormcutContext *
stormcut_model_lookup_context (StormcutModel *self,
                               const char    *key)
{
  const StormcutContext *context;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  if (key == NULL)
    return NULL;
  if ((context = stormcut_model_get_context (self, key)) != NULL)
    return context;
  for (guint i = 0; i < self->contexts->len; i++)
    {
      context = g_ptr_array_index (self->contexts, i);
      if (context->code_name[0] != '\0' && g_str_equal (context->code_name, key))
        return context;
    }
  for (guint i = 0; i < self->contexts->len; i++)
    {
      context = g_ptr_array_index (self->contexts, i);
      if (g_str_equal (context->name, key))
        return context;
    }
  return NULL;
}

/* --- undo / redo -------------------------------------------------------------------- */

void
stormcut_model_begin_group (StormcutModel *self,
                            const char    *label)
{
  g_return_if_fail (STORMCUT_IS_MODEL (self));
  begin_group_internal (self, label);
}

gboolean
stormcut_model_end_group (StormcutModel  *self,
                          GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  Step *step;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return TRUE;

  if (!self->group_failed && self->store != NULL && !stormcut_store_commit (self->store, &local_error))
    {
      self->group_failed = TRUE;
      self->group_error = g_steal_pointer (&local_error);
    }
  if (self->group_failed)
    {
      /* Put the group back so that abort can undo it, then report. */
      g_autoptr(GError) cause = g_steal_pointer (&self->group_error);

      self->group_depth = 1;
      stormcut_model_abort_group (self);
      g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_STORE,
                   _("The change could not be saved: %s"), cause ? cause->message : "");
      return FALSE;
    }

  step = g_steal_pointer (&self->group);
  if (step->changes->len == 0)
    {
      step_free (step);
      return TRUE;
    }
  g_queue_push_head (&self->undo_steps, step);
  clear_queue (&self->redo_steps);
  trim_history (self);
  g_signal_emit (self, signals[SIGNAL_HISTORY_CHANGED], 0);
  return TRUE;
}

void
stormcut_model_abort_group (StormcutModel *self)
{
  Step *step;

  g_return_if_fail (STORMCUT_IS_MODEL (self));
  g_return_if_fail (self->group_depth > 0);

  step = g_steal_pointer (&self->group);
  self->group_depth = 0;
  self->group_failed = FALSE;
  g_clear_error (&self->group_error);
  if (self->store != NULL)
    stormcut_store_rollback (self->store);
  /* The file is back as it was; bring memory back too. */
  for (guint i = step->changes->len; i > 0; i--)
    replay_change (self, g_ptr_array_index (step->changes, i - 1), FALSE, FALSE, NULL);
  step_free (step);
}

gboolean
stormcut_model_can_undo (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  return self->undo_steps.length > 0 && self->group == NULL;
}

gboolean
stormcut_model_can_redo (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  return self->redo_steps.length > 0 && self->group == NULL;
}

const char *
stormcut_model_get_undo_label (StormcutModel *self)
{
  Step *step;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  step = g_queue_peek_head (&self->undo_steps);
  return step ? step->label : NULL;
}

const char *
stormcut_model_get_redo_label (StormcutModel *self)
{
  Step *step;

  g_return_val_if_fail (STORMCUT_IS_MODEL (self), NULL);
  step = g_queue_peek_head (&self->redo_steps);
  return step ? step->label : NULL;
}

/* Replays @step in one direction in its own transaction; on failure memory and file are
 * left as they were. */
static gboolean
replay_step (StormcutModel  *self,
             Step           *step,
             gboolean        forward,
             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  guint n = step->changes->len;
  guint done = 0;

  if (self->store != NULL && !stormcut_store_begin (self->store, &local_error))
    goto failed;
  for (; done < n; done++)
    {
      const Change *change = g_ptr_array_index (step->changes, forward ? done : n - 1 - done);

      if (!replay_change (self, change, forward, TRUE, &local_error))
        goto failed;
    }
  if (self->store != NULL && !stormcut_store_commit (self->store, &local_error))
    goto failed;
  return TRUE;

failed:
  if (self->store != NULL)
    stormcut_store_rollback (self->store);
  while (done > 0)
    {
      done--;
      replay_change (self, g_ptr_array_index (step->changes, forward ? done : n - 1 - done), !forward, FALSE, NULL);
    }
  g_set_error (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_STORE,
               _("The change could not be saved: %s"), local_error ? local_error->message : "");
  return FALSE;
}

static gboolean
move_step (StormcutModel  *self,
           GQueue         *from,
           GQueue         *to,
           gboolean        forward,
           GError        **error)
{
  Step *step;

  if (self->group != NULL || from->length == 0)
    {
      g_set_error_literal (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_NOTHING_TO_UNDO,
                           forward ? _("There is nothing to redo.") : _("There is nothing to undo."));
      return FALSE;
    }
  step = g_queue_peek_head (from);
  if (!replay_step (self, step, forward, error))
    return FALSE;
  g_queue_pop_head (from);
  g_queue_push_head (to, step);
  g_signal_emit (self, signals[SIGNAL_HISTORY_CHANGED], 0);
  return TRUE;
}

gboolean
stormcut_model_undo (StormcutModel  *self,
                     GError        **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  return move_step (self, &self->undo_steps, &self->redo_steps, FALSE, error);
}

gboolean
stormcut_model_redo (StormcutModel  *self,
                     GError        **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), FALSE);
  return move_step (self, &self->redo_steps, &self->undo_steps, TRUE, error);
}

void
stormcut_model_set_history_limit (StormcutModel *self,
                                  guint          limit)
{
  g_return_if_fail (STORMCUT_IS_MODEL (self));
  self->history_limit = limit;
  trim_history (self);
  g_signal_emit (self, signals[SIGNAL_HISTORY_CHANGED], 0);
}

guint
stormcut_model_get_history_length (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), 0);
  return self->undo_steps.length;
}

void
stormcut_model_clear_history (StormcutModel *self)
{
  g_return_if_fail (STORMCUT_IS_MODEL (self));
  clear_queue (&self->undo_steps);
  clear_queue (&self->redo_steps);
  g_signal_emit (self, signals[SIGNAL_HISTORY_CHANGED], 0);
}

guint64
stormcut_model_get_revision (StormcutModel *self)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (self), 0);
  return self->revision;
}
