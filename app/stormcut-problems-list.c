/* stormcut-problems-list.c: the side bar page listing the grammar warnings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-problems-list.h"
#include "stormcut-view-common.h"

struct _StormcutProblemsList
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkLabel      *summary_label;
  GtkListBox    *list_box;

  /* owned references */
  StormcutViewBinding binding;   /* the model; rebuild() when it changes */
  GPtrArray     *problems;       /* of StormcutProblem* */
};

G_DEFINE_FINAL_TYPE (StormcutProblemsList, stormcut_problems_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_PROBLEMS,
  N_PROPS
};

enum {
  PROBLEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Removes the rows, not the placeholder (which is a child of the list box too). */
static void
remove_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
create_row (StormcutProblemsList  *self,
            const StormcutProblem *problem)
{
  const StormcutElement *element;
  GtkWidget *row, *box, *icon, *texts, *label;

  row = gtk_list_box_row_new ();
  g_object_set_data_full (G_OBJECT (row), "element-id", g_strdup (problem->element_id), g_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (box), icon);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  label = gtk_label_new (problem->message);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_box_append (GTK_BOX (texts), label);

  element = problem->element_id != NULL ? stormcut_model_get_element (self->binding.model, problem->element_id) : NULL;
  if (element != NULL)
    {
      label = gtk_label_new (stormcut_kind_get_label (element->kind));
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_box_append (GTK_BOX (box), texts);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static gboolean
same_problems (GPtrArray *a,
               GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      const StormcutProblem *x = g_ptr_array_index (a, i);
      const StormcutProblem *y = g_ptr_array_index (b, i);

      if (x->kind != y->kind || g_strcmp0 (x->element_id, y->element_id) != 0 ||
          g_strcmp0 (x->message, y->message) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
rebuild (StormcutProblemsList *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  guint n_rows;

  if (self->binding.model != NULL)
    problems = stormcut_model_check (self->binding.model);
  else
    problems = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_problem_free);

  /* Most edits (moving stickies, say) change no warning: keep the rows then. */
  if (same_problems (problems, self->problems))
    return;

  remove_rows (self->list_box);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = g_steal_pointer (&problems);

  n_rows = MIN (self->problems->len, STORMCUT_PROBLEMS_LIST_MAX_ROWS);
  for (guint i = 0; i < n_rows; i++)
    gtk_list_box_append (self->list_box, create_row (self, g_ptr_array_index (self->problems, i)));

  if (self->problems->len == 0)
    gtk_label_set_text (self->summary_label, _("No warnings."));
  else if (self->problems->len > n_rows)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u warning; the first %u are listed.",
                                                         "%u warnings; the first %u are listed.",
                                                         self->problems->len),
                                               self->problems->len, n_rows);
      gtk_label_set_text (self->summary_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u warning. Click one to show its sticky.",
                                                         "%u warnings. Click one to show its sticky.",
                                                         self->problems->len),
                                               self->problems->len);
      gtk_label_set_text (self->summary_label, text);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
}

static gboolean
change_concerns_list (StormcutObjectType  type,
                      const char         *id)
{
  /* Settings and the context map's relationships do not change the grammar warnings. */
  return type != STORMCUT_OBJECT_MODEL && type != STORMCUT_OBJECT_RELATIONSHIP;
}

static void
row_activated_cb (GtkListBox           *list_box,
                  GtkListBoxRow        *row,
                  StormcutProblemsList *self)
{
  const char *element_id = g_object_get_data (G_OBJECT (row), "element-id");

  if (element_id != NULL)
    g_signal_emit (self, signals[PROBLEM_ACTIVATED], 0, element_id);
}

static void
stormcut_problems_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StormcutProblemsList *self = STORMCUT_PROBLEMS_LIST (object);

  switch (prop_id)
    {
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, stormcut_problems_list_get_n_problems (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
stormcut_problems_list_dispose (GObject *object)
{
  StormcutProblemsList *self = STORMCUT_PROBLEMS_LIST (object);

  stormcut_view_binding_clear (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_PROBLEMS_LIST);
  /* The template's root box is not bound to a field: unparent it here. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (stormcut_problems_list_parent_class)->dispose (object);
}

static void
stormcut_problems_list_finalize (GObject *object)
{
  StormcutProblemsList *self = STORMCUT_PROBLEMS_LIST (object);

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (stormcut_problems_list_parent_class)->finalize (object);
}

static void
stormcut_problems_list_class_init (StormcutProblemsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = stormcut_problems_list_get_property;
  object_class->dispose = stormcut_problems_list_dispose;
  object_class->finalize = stormcut_problems_list_finalize;

  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PROBLEM_ACTIVATED] =
    g_signal_new ("problem-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-problems-list.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutProblemsList, summary_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutProblemsList, list_box);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_problems_list_init (StormcutProblemsList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stormcut_view_binding_init (&self->binding, GTK_WIDGET (self), (StormcutViewRebuildFunc) rebuild,
                              change_concerns_list);
  /* The number of warnings is shown on the side bar's tab, also while the list is hidden. */
  stormcut_view_binding_set_while_hidden (&self->binding, TRUE);
  stormcut_view_binding_flush (&self->binding);
}

GtkWidget *
stormcut_problems_list_new (void)
{
  return g_object_new (STORMCUT_TYPE_PROBLEMS_LIST, NULL);
}

void
stormcut_problems_list_set_model (StormcutProblemsList *self,
                                  StormcutModel        *model)
{
  g_return_if_fail (STORMCUT_IS_PROBLEMS_LIST (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->binding.model == model)
    return;

  stormcut_view_binding_set_model (&self->binding, model);
}

guint
stormcut_problems_list_get_n_problems (StormcutProblemsList *self)
{
  g_return_val_if_fail (STORMCUT_IS_PROBLEMS_LIST (self), 0);

  return self->problems != NULL ? self->problems->len : 0;
}

void
stormcut_problems_list_refresh (StormcutProblemsList *self)
{
  g_return_if_fail (STORMCUT_IS_PROBLEMS_LIST (self));

  stormcut_view_binding_queue (&self->binding);
  stormcut_view_binding_flush (&self->binding);
}

const char *
stormcut_problems_list_get_element_id (StormcutProblemsList *self,
                                       guint                 index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (STORMCUT_IS_PROBLEMS_LIST (self), NULL);

  row = gtk_list_box_get_row_at_index (self->list_box, (int) index);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "element-id") : NULL;
}
