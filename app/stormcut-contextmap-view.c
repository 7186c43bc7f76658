/* stormcut-contextmap-view.c: the context map: its diagram and its relationships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-contextmap-view.h"
#include "stormcut-diagram-view.h"
#include "stormcut-view-common.h"

/* One row of the list: a derived relationship (with the confirmed one that agrees with or
 * contradicts it), or a confirmed relationship no link supports. */
typedef struct {
  StormcutContextMapStatus     status;
  StormcutDerivedRelationship *derived;          /* owned copy, or NULL */
  char                        *relationship_id;  /* or NULL */
} MapRow;

struct _StormcutContextmapView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkPaned           *paned;
  GtkBox             *diagram_box;
  GtkLabel           *summary_label;
  GtkMenuButton      *add_button;
  GtkPopover         *add_popover;
  GtkDropDown        *add_pattern_dropdown;
  GtkLabel           *add_first_caption;
  GtkLabel           *add_second_caption;
  GtkDropDown        *add_first_dropdown;
  GtkDropDown        *add_second_dropdown;
  GtkColumnView      *column_view;
  GtkBox             *editor_box;
  GtkLabel           *title_label;
  GtkLabel           *status_label;
  GtkLabel           *links_label;
  GtkButton          *confirm_button;
  GtkGrid            *confirmed_grid;
  GtkDropDown        *pattern_dropdown;
  GtkLabel           *direction_label;
  GtkWidget          *upstream_roles_caption;
  GtkWidget          *upstream_roles_box;
  GtkWidget          *downstream_roles_caption;
  GtkWidget          *downstream_roles_box;
  GtkCheckButton     *ohs_check;
  GtkCheckButton     *pl_check;
  GtkCheckButton     *cf_check;
  GtkCheckButton     *acl_check;
  GtkDropDown        *mode_dropdown;
  GtkEntry           *note_entry;

  /* widgets made in code */
  StormcutDiagramView *diagram;

  /* owned references */
  StormcutViewBinding binding;      /* the model; rebuild() when it changes */
  GListStore         *rows;         /* of StormcutViewRow (MapRow) */
  GtkSingleSelection *selection;
  char               *editor_relationship_id;
  char               *added_relationship_id;  /* select its row at the next rebuild */
  GPtrArray          *add_context_ids;        /* context id of each item of the add dropdowns */

  gboolean            updating;     /* filling widgets from the model: ignore their signals */
  gboolean            first_rebuild; /* the model was just set */
};

G_DEFINE_FINAL_TYPE (StormcutContextmapView, stormcut_contextmap_view, GTK_TYPE_WIDGET)

static void
map_row_free (MapRow *row)
{
  g_clear_pointer (&row->derived, stormcut_derived_relationship_free);
  g_free (row->relationship_id);
  g_free (row);
}

static const StormcutRelationship *
row_relationship (StormcutContextmapView *self,
                  const MapRow           *row)
{
  if (row->relationship_id == NULL || self->binding.model == NULL)
    return NULL;
  return stormcut_model_get_relationship (self->binding.model, row->relationship_id);
}

static const char *
context_name (StormcutContextmapView *self,
              const char             *id)
{
  return stormcut_view_context_name (self->binding.model, id);
}

/* The two contexts of the row: upstream and downstream (or first and second). */
static void
row_contexts (StormcutContextmapView *self,
              const MapRow           *row,
              const char            **out_first,
              const char            **out_second)
{
  const StormcutRelationship *relationship = row_relationship (self, row);

  *out_first = *out_second = NULL;
  if (row->derived != NULL)
    {
      *out_first = row->derived->upstream_id;
      *out_second = row->derived->downstream_id;
    }
  else if (relationship != NULL)
    {
      *out_first = relationship->upstream_id;
      *out_second = relationship->downstream_id;
    }
}

static char *
roles_text (StormcutRoles roles)
{
  GString *text = g_string_new (NULL);
  const struct { StormcutRoles role; const char *abbreviation; } names[] = {
    { STORMCUT_ROLE_OHS, "OHS" }, { STORMCUT_ROLE_PL, "PL" },
    { STORMCUT_ROLE_CF, "CF" }, { STORMCUT_ROLE_ACL, "ACL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (roles & names[i].role)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", names[i].abbreviation);
  return g_string_free (text, FALSE);
}

static char *
relationship_text (const StormcutRelationship *relationship)
{
  g_autofree char *roles = roles_text (relationship->roles);
  GString *text = g_string_new (stormcut_pattern_get_label (relationship->pattern));

  if (roles[0] != '\0')
    g_string_append_printf (text, " · %s", roles);
  if (relationship->note != NULL && relationship->note[0] != '\0')
    g_string_append_printf (text, " · %s", relationship->note);
  return g_string_free (text, FALSE);
}

static char *
link_text (StormcutContextmapView *self,
           const char             *link_id)
{
  const StormcutLink *link = stormcut_model_get_link (self->binding.model, link_id);

  if (link == NULL)
    return g_strdup (link_id);
  return g_strdup_printf ("%s → %s", stormcut_view_element_name (self->binding.model, link->source_id),
                          stormcut_view_element_name (self->binding.model, link->target_id));
}

/* --- columns ------------------------------------------------------------------------ */

static char *
status_column_text (gpointer data,
                    gpointer user_data)
{
  MapRow *row = data;

  return g_strdup (stormcut_context_map_status_get_label (row->status));
}

static char *
upstream_column_text (gpointer data,
                      gpointer user_data)
{
  const char *first, *second;

  row_contexts (user_data, data, &first, &second);
  return first != NULL ? g_strdup (context_name (user_data, first)) : NULL;
}

static char *
downstream_column_text (gpointer data,
                        gpointer user_data)
{
  const char *first, *second;

  row_contexts (user_data, data, &first, &second);
  return second != NULL ? g_strdup (context_name (user_data, second)) : NULL;
}

static char *
mode_column_text (gpointer data,
                  gpointer user_data)
{
  MapRow *row = data;
  const StormcutRelationship *relationship = row_relationship (user_data, row);

  if (row->derived != NULL)
    return g_strdup (stormcut_mode_get_label (row->derived->mode));
  if (relationship != NULL)
    return g_strdup (stormcut_mode_get_label (relationship->mode));
  return NULL;
}

static char *
confirmed_column_text (gpointer data,
                       gpointer user_data)
{
  const StormcutRelationship *relationship = row_relationship (user_data, data);

  return relationship != NULL ? relationship_text (relationship) : NULL;
}

static char *
links_column_text (gpointer data,
                   gpointer user_data)
{
  MapRow *row = data;
  GString *text;

  if (row->derived == NULL)
    return NULL;
  text = g_string_new (NULL);
  g_string_append_printf (text, "%u: ", row->derived->link_ids->len);
  for (guint i = 0; i < row->derived->link_ids->len; i++)
    {
      g_autofree char *one = link_text (user_data, g_ptr_array_index (row->derived->link_ids, i));
      g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", one);
    }
  return g_string_free (text, FALSE);
}

static const struct {
  const char           *title;
  StormcutViewTextFunc  func;
  gboolean              expand;
  int                   width;   /* fixed width in pixels, or -1 */
} columns[] = {
  { N_("Status"),                 status_column_text,     FALSE, 230 },
  { N_("Upstream"),               upstream_column_text,   FALSE, 110 },
  { N_("Downstream"),             downstream_column_text, FALSE, 110 },
  { N_("Mode"),                   mode_column_text,       FALSE, 150 },
  { N_("Confirmed relationship"), confirmed_column_text,  FALSE, 220 },
  { N_("Justifying links"),       links_column_text,      TRUE,  -1 },
};

/* --- the list ----------------------------------------------------------------------- */

static MapRow *
selected_row (StormcutContextmapView *self)
{
  StormcutViewRow *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? stormcut_view_row_get_data (item) : NULL;
}

static char *
row_key (const MapRow *row)
{
  if (row->derived != NULL)
    return g_strdup_printf ("derived:%s:%s:%d", row->derived->upstream_id, row->derived->downstream_id,
                            (int) row->derived->mode);
  return g_strdup_printf ("relationship:%s", row->relationship_id);
}

static void
add_row (GPtrArray                         *items,
         StormcutContextMapStatus           status,
         const StormcutDerivedRelationship *derived,
         const char                        *relationship_id)
{
  MapRow *row = g_new0 (MapRow, 1);
  g_autofree char *key = NULL;

  row->status = status;
  row->derived = derived != NULL ? stormcut_derived_relationship_copy (derived) : NULL;
  row->relationship_id = g_strdup (relationship_id);
  key = row_key (row);
  g_ptr_array_add (items, stormcut_view_row_new (key, row, (GDestroyNotify) map_row_free));
}

static void
update_summary (StormcutContextmapView *self,
                const StormcutContextMap *map)
{
  guint counts[STORMCUT_CONTEXT_MAP_N_STATUSES] = { 0 };
  g_autofree char *text = NULL;

  if (self->binding.model == NULL || stormcut_model_get_contexts (self->binding.model)->len == 0)
    {
      gtk_label_set_text (self->summary_label,
                          _("No bounded contexts yet. Draw contexts on the board and link stickies across them; the relationships appear here."));
      return;
    }

  for (guint i = 0; map != NULL && i < map->entries->len; i++)
    {
      const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);
      counts[entry->status]++;
    }
  text = g_strdup_printf (_("Derived from the links: %u. Not yet confirmed: %u. Contradicting a confirmed one: %u. Confirmed without supporting links: %u."),
                          map != NULL ? map->derived->len : 0,
                          counts[STORMCUT_CONTEXT_MAP_NOT_CONFIRMED],
                          counts[STORMCUT_CONTEXT_MAP_CONTRADICTS],
                          counts[STORMCUT_CONTEXT_MAP_NO_EVIDENCE]);
  gtk_label_set_text (self->summary_label, text);
}

static void fill_editor (StormcutContextmapView *self);

static void
rebuild (StormcutContextmapView *self)
{
  g_autoptr(StormcutContextMap) map = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *selected_key = NULL;
  StormcutViewRow *selected;
  guint position;

  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    selected_key = g_strdup (stormcut_view_row_get_key (selected));

  if (self->binding.model != NULL)
    {
      g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
      GPtrArray *relationships;

      map = stormcut_context_map_derive (self->binding.model);
      for (guint i = 0; i < map->entries->len; i++)
        {
          const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);

          add_row (items, entry->status, entry->derived, entry->relationship_id);
          if (entry->relationship_id != NULL)
            g_hash_table_add (listed, entry->relationship_id);
        }
      /* Confirmed relationships the comparison does not list (separate ways between
       * contexts that have no links): confirmed, and editable here too. */
      relationships = stormcut_model_get_relationships (self->binding.model);
      for (guint i = 0; i < relationships->len; i++)
        {
          const StormcutRelationship *relationship = g_ptr_array_index (relationships, i);

          if (!g_hash_table_contains (listed, relationship->id))
            add_row (items, STORMCUT_CONTEXT_MAP_CONFIRMED, NULL, relationship->id);
        }
    }

  self->updating = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  position = stormcut_view_find_key (G_LIST_MODEL (self->rows), selected_key);
  if (self->added_relationship_id != NULL)
    {
      for (guint i = 0; i < items->len; i++)
        {
          MapRow *row = stormcut_view_row_get_data (g_ptr_array_index (items, i));

          if (g_strcmp0 (row->relationship_id, self->added_relationship_id) == 0)
            {
              position = i;
              break;
            }
        }
      g_clear_pointer (&self->added_relationship_id, g_free);
    }
  /* On a model shown for the first time, select the first relationship that needs a
   * decision, so the editor says what to do. */
  if (position == GTK_INVALID_LIST_POSITION && self->first_rebuild)
    for (guint i = 0; i < items->len; i++)
      {
        MapRow *row = stormcut_view_row_get_data (g_ptr_array_index (items, i));

        if (row->status != STORMCUT_CONTEXT_MAP_CONFIRMED)
          {
            position = i;
            break;
          }
      }
  self->first_rebuild = FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;

  update_summary (self, map);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button),
                            self->binding.model != NULL && stormcut_model_get_contexts (self->binding.model)->len >= 2);
  fill_editor (self);
}

static gboolean
change_concerns_view (StormcutObjectType  type,
                      const char         *id)
{
  /* Settings (FP, cost, checklist) do not touch the context map. */
  return !(type == STORMCUT_OBJECT_MODEL && id != NULL);
}

/* --- the editor --------------------------------------------------------------------- */

static const char *
status_explanation (StormcutContextMapStatus status)
{
  switch (status)
    {
    case STORMCUT_CONTEXT_MAP_CONFIRMED:
      return _("A confirmed relationship agrees with the links.");
    case STORMCUT_CONTEXT_MAP_NOT_CONFIRMED:
      return _("Derived from the links; nobody has confirmed it yet.");
    case STORMCUT_CONTEXT_MAP_CONTRADICTS:
      return _("The confirmed relationship between these contexts points the other way, or says they go separate ways, although links join them.");
    case STORMCUT_CONTEXT_MAP_NO_EVIDENCE:
      return _("No link between the two contexts supports this confirmed relationship.");
    case STORMCUT_CONTEXT_MAP_N_STATUSES:
    default:
      return "";
    }
}

static void
fill_links_label (StormcutContextmapView *self,
                  const MapRow           *row)
{
  GString *text;

  if (row->derived == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->links_label), FALSE);
      return;
    }

  text = g_string_new (NULL);
  g_string_append_printf (text, ngettext ("Justified by %u link:", "Justified by %u links:",
                                          row->derived->link_ids->len),
                          row->derived->link_ids->len);
  for (guint i = 0; i < row->derived->link_ids->len; i++)
    {
      g_autofree char *one = link_text (self, g_ptr_array_index (row->derived->link_ids, i));
      g_string_append_printf (text, "\n• %s", one);
    }
  gtk_label_set_text (self->links_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->links_label), TRUE);
  g_string_free (text, TRUE);
}

static void
fill_confirmed (StormcutContextmapView     *self,
                const StormcutRelationship *relationship)
{
  gboolean symmetric = stormcut_pattern_is_symmetric (relationship->pattern);
  g_autofree char *direction = NULL;
  const char *note = relationship->note != NULL ? relationship->note : "";
  gboolean same = g_strcmp0 (self->editor_relationship_id, relationship->id) == 0;

  gtk_drop_down_set_selected (self->pattern_dropdown, relationship->pattern);
  if (symmetric)
    direction = g_strdup_printf ("%s ↔ %s", context_name (self, relationship->upstream_id),
                                 context_name (self, relationship->downstream_id));
  else
    /* TRANSLATORS: upstream context → downstream context */
    direction = g_strdup_printf (_("%s (upstream) → %s (downstream)"), context_name (self, relationship->upstream_id),
                                 context_name (self, relationship->downstream_id));
  gtk_label_set_text (self->direction_label, direction);

  gtk_check_button_set_active (self->ohs_check, (relationship->roles & STORMCUT_ROLE_OHS) != 0);
  gtk_check_button_set_active (self->pl_check, (relationship->roles & STORMCUT_ROLE_PL) != 0);
  gtk_check_button_set_active (self->cf_check, (relationship->roles & STORMCUT_ROLE_CF) != 0);
  gtk_check_button_set_active (self->acl_check, (relationship->roles & STORMCUT_ROLE_ACL) != 0);
  gtk_widget_set_sensitive (self->upstream_roles_box, !symmetric);
  gtk_widget_set_sensitive (self->downstream_roles_box, !symmetric);
  gtk_widget_set_sensitive (self->upstream_roles_caption, !symmetric);
  gtk_widget_set_sensitive (self->downstream_roles_caption, !symmetric);

  gtk_drop_down_set_selected (self->mode_dropdown, relationship->mode);
  /* Keep what the user is typing in the note while other changes arrive. */
  if (!(same && gtk_widget_has_focus (GTK_WIDGET (self->note_entry))) &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)), note) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note);

  g_free (self->editor_relationship_id);
  self->editor_relationship_id = g_strdup (relationship->id);
}

static void
fill_editor (StormcutContextmapView *self)
{
  MapRow *row = selected_row (self);
  const StormcutRelationship *relationship = row != NULL ? row_relationship (self, row) : NULL;
  const char *first, *second;
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  gboolean can_confirm;

  self->updating = TRUE;

  if (row == NULL)
    {
      gtk_label_set_text (self->title_label, _("Select a relationship to confirm or edit it."));
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->links_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->confirmed_grid), FALSE);
      g_clear_pointer (&self->editor_relationship_id, g_free);
    }
  else
    {
      row_contexts (self, row, &first, &second);
      if (relationship != NULL && row->derived == NULL && stormcut_pattern_is_symmetric (relationship->pattern))
        title = g_strdup_printf ("%s ↔ %s", context_name (self, first), context_name (self, second));
      else
        title = g_strdup_printf ("%s → %s", first != NULL ? context_name (self, first) : "",
                                 second != NULL ? context_name (self, second) : "");
      gtk_label_set_text (self->title_label, title);

      status = g_markup_printf_escaped ("<b>%s</b>\n%s", stormcut_context_map_status_get_label (row->status),
                                        status_explanation (row->status));
      gtk_label_set_markup (self->status_label, status);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      fill_links_label (self, row);

      can_confirm = row->derived != NULL && row->status != STORMCUT_CONTEXT_MAP_CONFIRMED;
      gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), can_confirm);
      gtk_widget_set_visible (GTK_WIDGET (self->confirmed_grid), relationship != NULL);
      if (relationship != NULL)
        fill_confirmed (self, relationship);
      else
        g_clear_pointer (&self->editor_relationship_id, g_free);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contextmap.confirm",
                                 row != NULL && row->derived != NULL && row->status != STORMCUT_CONTEXT_MAP_CONFIRMED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contextmap.swap",
                                 relationship != NULL && !stormcut_pattern_is_symmetric (relationship->pattern));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contextmap.delete", relationship != NULL);

  self->updating = FALSE;
}

/* A copy of the confirmed relationship shown in the editor, or NULL. */
static StormcutRelationship *
edited_relationship (StormcutContextmapView *self)
{
  const StormcutRelationship *relationship;

  if (self->updating || self->binding.model == NULL || self->editor_relationship_id == NULL)
    return NULL;
  relationship = stormcut_model_get_relationship (self->binding.model, self->editor_relationship_id);
  return relationship != NULL ? stormcut_relationship_copy (relationship) : NULL;
}

static void
store_relationship (StormcutContextmapView *self,
                    StormcutRelationship   *relationship)
{
  g_autoptr(GError) error = NULL;

  if (!stormcut_model_update_relationship (self->binding.model, relationship, &error))
    {
      stormcut_view_show_error (GTK_WIDGET (self), _("Could not change the relationship"), error);
      fill_editor (self);
    }
}

/* --- callbacks ---------------------------------------------------------------------- */

static void
selection_changed_cb (GtkSelectionModel      *model,
                      guint                   position,
                      guint                   n_items,
                      StormcutContextmapView *self)
{
  if (!self->updating)
    fill_editor (self);
}

static void
pattern_selected_cb (GtkDropDown            *dropdown,
                     GParamSpec             *pspec,
                     StormcutContextmapView *self)
{
  g_autoptr(StormcutRelationship) relationship = edited_relationship (self);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (relationship == NULL || selected >= STORMCUT_N_PATTERNS || relationship->pattern == selected)
    return;
  relationship->pattern = selected;
  if (stormcut_pattern_is_symmetric (relationship->pattern))
    relationship->roles = STORMCUT_ROLE_NONE;
  store_relationship (self, relationship);
}

static void
mode_selected_cb (GtkDropDown            *dropdown,
                  GParamSpec             *pspec,
                  StormcutContextmapView *self)
{
  g_autoptr(StormcutRelationship) relationship = edited_relationship (self);
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (relationship == NULL || selected >= STORMCUT_N_MODES || relationship->mode == selected)
    return;
  relationship->mode = selected;
  store_relationship (self, relationship);
}

static void
role_toggled_cb (GtkCheckButton         *check,
                 StormcutContextmapView *self)
{
  g_autoptr(StormcutRelationship) relationship = edited_relationship (self);
  StormcutRoles role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "stormcut-role"));
  StormcutRoles roles;

  if (relationship == NULL)
    return;
  roles = gtk_check_button_get_active (check) ? (relationship->roles | role) : (relationship->roles & ~role);
  if (roles == relationship->roles)
    return;
  relationship->roles = roles;
  store_relationship (self, relationship);
}

static void
apply_note (StormcutContextmapView *self)
{
  g_autoptr(StormcutRelationship) relationship = edited_relationship (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  if (relationship == NULL || g_strcmp0 (relationship->note != NULL ? relationship->note : "", text) == 0)
    return;
  g_free (relationship->note);
  relationship->note = text[0] != '\0' ? g_strdup (text) : NULL;
  store_relationship (self, relationship);
}

static void
note_activate_cb (GtkEntry               *entry,
                  StormcutContextmapView *self)
{
  apply_note (self);
}

static void
note_focus_leave_cb (GtkEventControllerFocus *controller,
                     StormcutContextmapView  *self)
{
  apply_note (self);
}

static void
update_add_captions (StormcutContextmapView *self)
{
  gboolean symmetric = stormcut_pattern_is_symmetric (gtk_drop_down_get_selected (self->add_pattern_dropdown));

  gtk_label_set_text (self->add_first_caption, symmetric ? _("First context") : _("Upstream"));
  gtk_label_set_text (self->add_second_caption, symmetric ? _("Second context") : _("Downstream"));
}

static void
add_pattern_selected_cb (GtkDropDown            *dropdown,
                         GParamSpec             *pspec,
                         StormcutContextmapView *self)
{
  update_add_captions (self);
}

/* Fills the context choosers when the popover opens. */
static void
add_popover_show_cb (GtkPopover             *popover,
                     StormcutContextmapView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *contexts = self->binding.model != NULL ? stormcut_model_get_contexts (self->binding.model) : NULL;

  g_ptr_array_set_size (self->add_context_ids, 0);
  for (guint i = 0; contexts != NULL && i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);

      gtk_string_list_append (names, context->name);
      g_ptr_array_add (self->add_context_ids, g_strdup (context->id));
    }
  gtk_drop_down_set_model (self->add_first_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->add_second_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->add_first_dropdown, 0);
  gtk_drop_down_set_selected (self->add_second_dropdown, self->add_context_ids->len > 1 ? 1 : 0);
  update_add_captions (self);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (widget);
  guint first = gtk_drop_down_get_selected (self->add_first_dropdown);
  guint second = gtk_drop_down_get_selected (self->add_second_dropdown);
  guint pattern = gtk_drop_down_get_selected (self->add_pattern_dropdown);
  const StormcutRelationship *relationship;
  g_autoptr(GError) error = NULL;

  if (self->binding.model == NULL || first >= self->add_context_ids->len || second >= self->add_context_ids->len ||
      pattern >= STORMCUT_N_PATTERNS)
    return;
  if (first == second)
    {
      g_set_error_literal (&error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_INVALID,
                           _("A relationship joins two different contexts. Choose another context for one of its ends."));
      stormcut_view_show_error (widget, _("Could not add the relationship"), error);
      return;
    }

  relationship = stormcut_model_add_relationship (self->binding.model, pattern,
                                                  g_ptr_array_index (self->add_context_ids, first),
                                                  g_ptr_array_index (self->add_context_ids, second), &error);
  if (relationship == NULL)
    {
      stormcut_view_show_error (widget, _("Could not add the relationship"), error);
      return;
    }
  g_free (self->added_relationship_id);
  self->added_relationship_id = g_strdup (relationship->id);
  gtk_popover_popdown (self->add_popover);
}

static void
confirm_action_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (widget);
  MapRow *row = selected_row (self);
  g_autoptr(GError) error = NULL;

  if (row == NULL || row->derived == NULL || self->binding.model == NULL)
    return;
  if (stormcut_context_map_confirm (self->binding.model, row->derived, &error) == NULL)
    stormcut_view_show_error (widget, _("Could not confirm the relationship"), error);
}

static void
swap_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (widget);
  g_autoptr(StormcutRelationship) relationship = edited_relationship (self);
  char *upstream_id;

  if (relationship == NULL)
    return;
  upstream_id = relationship->upstream_id;
  relationship->upstream_id = relationship->downstream_id;
  relationship->downstream_id = upstream_id;
  store_relationship (self, relationship);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->binding.model == NULL || self->editor_relationship_id == NULL)
    return;
  if (!stormcut_model_remove_relationship (self->binding.model, self->editor_relationship_id, &error))
    stormcut_view_show_error (widget, _("Could not delete the relationship"), error);
}

/* --- vfuncs ------------------------------------------------------------------------- */

static void
stormcut_contextmap_view_map (GtkWidget *widget)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (widget);

  GTK_WIDGET_CLASS (stormcut_contextmap_view_parent_class)->map (widget);

  stormcut_view_binding_map (&self->binding);
}

static void
stormcut_contextmap_view_unmap (GtkWidget *widget)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (widget);

  /* A note typed but not yet applied is kept. */
  apply_note (self);

  GTK_WIDGET_CLASS (stormcut_contextmap_view_parent_class)->unmap (widget);
}

static void
stormcut_contextmap_view_dispose (GObject *object)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (object);

  stormcut_view_binding_clear (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_CONTEXTMAP_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (stormcut_contextmap_view_parent_class)->dispose (object);
}

static void
stormcut_contextmap_view_finalize (GObject *object)
{
  StormcutContextmapView *self = STORMCUT_CONTEXTMAP_VIEW (object);

  g_free (self->editor_relationship_id);
  g_free (self->added_relationship_id);
  g_clear_pointer (&self->add_context_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (stormcut_contextmap_view_parent_class)->finalize (object);
}

static void
stormcut_contextmap_view_class_init (StormcutContextmapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_contextmap_view_dispose;
  object_class->finalize = stormcut_contextmap_view_finalize;
  widget_class->map = stormcut_contextmap_view_map;
  widget_class->unmap = stormcut_contextmap_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-contextmap-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, paned);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, diagram_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_popover);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_pattern_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_first_caption);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_second_caption);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_first_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, add_second_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, column_view);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, editor_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, title_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, status_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, links_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, confirmed_grid);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, pattern_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, direction_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, upstream_roles_caption);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, upstream_roles_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, downstream_roles_caption);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, downstream_roles_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, ohs_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, pl_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, cf_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, acl_check);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutContextmapView, note_entry);

  gtk_widget_class_install_action (widget_class, "contextmap.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "contextmap.confirm", NULL, confirm_action_cb);
  gtk_widget_class_install_action (widget_class, "contextmap.swap", NULL, swap_action_cb);
  gtk_widget_class_install_action (widget_class, "contextmap.delete", NULL, delete_action_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_contextmap_view_init (StormcutContextmapView *self)
{
  g_autoptr(GtkStringList) patterns = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) modes = gtk_string_list_new (NULL);
  GtkEventController *focus;
  const struct { GtkCheckButton **check; StormcutRoles role; } roles[] = {
    { &self->ohs_check, STORMCUT_ROLE_OHS }, { &self->pl_check, STORMCUT_ROLE_PL },
    { &self->cf_check, STORMCUT_ROLE_CF }, { &self->acl_check, STORMCUT_ROLE_ACL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  stormcut_view_binding_init (&self->binding, GTK_WIDGET (self), (StormcutViewRebuildFunc) rebuild,
                              change_concerns_view);

  self->diagram = STORMCUT_DIAGRAM_VIEW (stormcut_diagram_view_new (STORMCUT_EXPORT_CONTEXT_MAP));
  gtk_widget_set_vexpand (GTK_WIDGET (self->diagram), TRUE);
  gtk_box_append (self->diagram_box, GTK_WIDGET (self->diagram));

  self->rows = g_list_store_new (STORMCUT_TYPE_VIEW_ROW);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (selection_changed_cb), self);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkColumnViewColumn *column = stormcut_view_add_text_column (self->column_view, _(columns[i].title),
                                                                   columns[i].func, self, columns[i].expand, FALSE);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
    }

  for (guint i = 0; i < STORMCUT_N_PATTERNS; i++)
    gtk_string_list_append (patterns, stormcut_pattern_get_label (i));
  gtk_drop_down_set_model (self->pattern_dropdown, G_LIST_MODEL (patterns));
  gtk_drop_down_set_model (self->add_pattern_dropdown, G_LIST_MODEL (patterns));
  self->add_context_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (self->add_pattern_dropdown, "notify::selected", G_CALLBACK (add_pattern_selected_cb), self);
  g_signal_connect (self->add_popover, "show", G_CALLBACK (add_popover_show_cb), self);
  for (guint i = 0; i < STORMCUT_N_MODES; i++)
    gtk_string_list_append (modes, stormcut_mode_get_label (i));
  gtk_drop_down_set_model (self->mode_dropdown, G_LIST_MODEL (modes));
  g_signal_connect (self->pattern_dropdown, "notify::selected", G_CALLBACK (pattern_selected_cb), self);
  g_signal_connect (self->mode_dropdown, "notify::selected", G_CALLBACK (mode_selected_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_object_set_data (G_OBJECT (*roles[i].check), "stormcut-role", GUINT_TO_POINTER (roles[i].role));
      g_signal_connect (*roles[i].check, "toggled", G_CALLBACK (role_toggled_cb), self);
    }

  g_signal_connect (self->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (note_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), focus);

  update_summary (self, NULL);
  fill_editor (self);
}

/* --- public API --------------------------------------------------------------------- */

GtkWidget *
stormcut_contextmap_view_new (void)
{
  return g_object_new (STORMCUT_TYPE_CONTEXTMAP_VIEW, NULL);
}

void
stormcut_contextmap_view_set_model (StormcutContextmapView *self,
                                    StormcutModel          *model)
{
  g_return_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->binding.model == model)
    return;

  g_clear_pointer (&self->editor_relationship_id, g_free);
  self->first_rebuild = TRUE;
  stormcut_view_binding_set_model (&self->binding, model);
  stormcut_diagram_view_set_model (self->diagram, model);
}

void
stormcut_contextmap_view_refresh (StormcutContextmapView *self)
{
  g_return_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self));

  stormcut_view_binding_flush (&self->binding);
  stormcut_diagram_view_refresh (self->diagram);
}

guint
stormcut_contextmap_view_get_n_rows (StormcutContextmapView *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

static MapRow *
get_row (StormcutContextmapView *self,
         guint                   index)
{
  g_autoptr(StormcutViewRow) item = g_list_model_get_item (G_LIST_MODEL (self->rows), index);

  /* The store keeps its own reference. */
  return item != NULL ? stormcut_view_row_get_data (item) : NULL;
}

StormcutContextMapStatus
stormcut_contextmap_view_get_row_status (StormcutContextmapView *self,
                                         guint                   index)
{
  MapRow *row;

  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), STORMCUT_CONTEXT_MAP_N_STATUSES);

  row = get_row (self, index);
  return row != NULL ? row->status : STORMCUT_CONTEXT_MAP_N_STATUSES;
}

const char *
stormcut_contextmap_view_get_row_relationship_id (StormcutContextmapView *self,
                                                  guint                   index)
{
  MapRow *row;

  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);

  row = get_row (self, index);
  return row != NULL ? row->relationship_id : NULL;
}

char *
stormcut_contextmap_view_get_cell_text (StormcutContextmapView *self,
                                        guint                   index,
                                        guint                   column)
{
  MapRow *row;

  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);
  g_return_val_if_fail (column < G_N_ELEMENTS (columns), NULL);

  row = get_row (self, index);
  return row != NULL ? columns[column].func (row, self) : NULL;
}

void
stormcut_contextmap_view_select_row (StormcutContextmapView *self,
                                     guint                   index)
{
  g_return_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self));

  gtk_single_selection_set_selected (self->selection, index);
}

GtkDropDown *
stormcut_contextmap_view_get_pattern_dropdown (StormcutContextmapView *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);
  return self->pattern_dropdown;
}

GtkDropDown *
stormcut_contextmap_view_get_mode_dropdown (StormcutContextmapView *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);
  return self->mode_dropdown;
}

GtkCheckButton *
stormcut_contextmap_view_get_role_check (StormcutContextmapView *self,
                                         StormcutRoles           role)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);

  switch (role)
    {
    case STORMCUT_ROLE_OHS:
      return self->ohs_check;
    case STORMCUT_ROLE_PL:
      return self->pl_check;
    case STORMCUT_ROLE_CF:
      return self->cf_check;
    case STORMCUT_ROLE_ACL:
      return self->acl_check;
    case STORMCUT_ROLE_NONE:
    default:
      return NULL;
    }
}

GtkEntry *
stormcut_contextmap_view_get_note_entry (StormcutContextmapView *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);
  return self->note_entry;
}

GtkWidget *
stormcut_contextmap_view_get_diagram (StormcutContextmapView *self)
{
  g_return_val_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self), NULL);
  return GTK_WIDGET (self->diagram);
}

/* Chooses the pattern and the two contexts (by id) of the add popover, as the user would. */
void
stormcut_contextmap_view_set_new_relationship (StormcutContextmapView *self,
                                               StormcutPattern         pattern,
                                               const char             *first_id,
                                               const char             *second_id)
{
  g_return_if_fail (STORMCUT_IS_CONTEXTMAP_VIEW (self));

  add_popover_show_cb (self->add_popover, self);
  gtk_drop_down_set_selected (self->add_pattern_dropdown, pattern);
  for (guint i = 0; i < self->add_context_ids->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->add_context_ids, i), first_id) == 0)
        gtk_drop_down_set_selected (self->add_first_dropdown, i);
      if (g_strcmp0 (g_ptr_array_index (self->add_context_ids, i), second_id) == 0)
        gtk_drop_down_set_selected (self->add_second_dropdown, i);
    }
}
