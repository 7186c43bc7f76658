/* stormcut-diagnosis-view.c: the MSA adoption self-diagnosis checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-diagnosis-view.h"
#include "stormcut-view-common.h"

typedef struct {
  char            *id;          /* "q1".."q10", "c1".."c5" */
  GtkToggleButton *yes_button;
  GtkToggleButton *no_button;
  GtkEntry        *note_entry;
  GtkLabel        *hint_label;  /* conditions: the answer favourable to MSA */
} Item;

struct _StormcutDiagnosisView
{
  GtkWidget      parent_instance;

  /* template widgets */
  GtkScrolledWindow *scroller;
  GtkBox        *verdict_box;
  GtkLabel      *verdict_label;
  GtkLabel      *count_label;
  GtkBox        *questions_box;
  GtkLabel      *conditions_label;
  GtkBox        *conditions_box;

  /* widgets made in code */
  Item           items[STORMCUT_DIAGNOSIS_VIEW_N_ITEMS];

  /* owned references */
  StormcutViewBinding binding;  /* the model; rebuild() when its checklist changes */

  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (StormcutDiagnosisView, stormcut_diagnosis_view, GTK_TYPE_WIDGET)

static const char *verdict_classes[] = { "stormcut-verdict-keep", "stormcut-verdict-borderline", "stormcut-verdict-review" };

static StormcutAnswer
stored_answer (const StormcutDiagnosis *diagnosis,
               guint                    index)
{
  if (index < STORMCUT_DIAGNOSIS_N_QUESTIONS)
    return diagnosis->answers[index];
  return diagnosis->conditions[index - STORMCUT_DIAGNOSIS_N_QUESTIONS];
}

static const char *
stored_note (const StormcutDiagnosis *diagnosis,
             guint                    index)
{
  if (index < STORMCUT_DIAGNOSIS_N_QUESTIONS)
    return diagnosis->notes[index];
  return diagnosis->condition_notes[index - STORMCUT_DIAGNOSIS_N_QUESTIONS];
}

static void
rebuild (StormcutDiagnosisView *self)
{
  g_autoptr(StormcutDiagnosis) diagnosis = NULL;
  g_autofree char *count = NULL;
  g_autofree char *conditions = NULL;
  guint n_favourable = 0, n_conditions_answered = 0;

  if (self->binding.model == NULL)
    return;

  diagnosis = stormcut_diagnosis_load (self->binding.model);

  self->updating = TRUE;
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_VIEW_N_ITEMS; i++)
    {
      Item *item = &self->items[i];
      StormcutAnswer answer = stored_answer (diagnosis, i);
      const char *note = stored_note (diagnosis, i);

      gtk_toggle_button_set_active (item->yes_button, answer == STORMCUT_ANSWER_YES);
      gtk_toggle_button_set_active (item->no_button, answer == STORMCUT_ANSWER_NO);
      /* Keep what the user is typing. */
      if (!gtk_widget_has_focus (GTK_WIDGET (item->note_entry)) &&
          g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (item->note_entry)), note) != 0)
        gtk_editable_set_text (GTK_EDITABLE (item->note_entry), note);

      if (i >= STORMCUT_DIAGNOSIS_N_QUESTIONS)
        {
          guint condition = i - STORMCUT_DIAGNOSIS_N_QUESTIONS;
          StormcutAnswer favourable = stormcut_diagnosis_condition_favourable_answer (condition);

          if (answer != STORMCUT_ANSWER_NONE)
            n_conditions_answered++;
          if (answer == favourable)
            n_favourable++;
          gtk_widget_remove_css_class (GTK_WIDGET (item->hint_label), "success");
          gtk_widget_remove_css_class (GTK_WIDGET (item->hint_label), "warning");
          if (answer != STORMCUT_ANSWER_NONE)
            gtk_widget_add_css_class (GTK_WIDGET (item->hint_label), answer == favourable ? "success" : "warning");
        }
    }
  self->updating = FALSE;

  gtk_label_set_text (self->verdict_label, stormcut_verdict_get_label (diagnosis->verdict));
  for (guint i = 0; i < G_N_ELEMENTS (verdict_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), verdict_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_box), verdict_classes[diagnosis->verdict]);

  count = g_strdup_printf (_("“Yes” answers: %u of %u questions (%u answered)."),
                           diagnosis->n_yes, STORMCUT_DIAGNOSIS_N_QUESTIONS, diagnosis->n_answered);
  gtk_label_set_text (self->count_label, count);

  conditions = g_strdup_printf (_("Each condition shows the answer that speaks for MSA. Favourable so far: %u of %u (answered: %u)."),
                                n_favourable, STORMCUT_DIAGNOSIS_N_CONDITIONS, n_conditions_answered);
  gtk_label_set_text (self->conditions_label, conditions);
}

static gboolean
change_concerns_view (StormcutObjectType  type,
                      const char         *id)
{
  /* The checklist lives in the model's settings. */
  return type == STORMCUT_OBJECT_MODEL && (id == NULL || g_str_has_prefix (id, "diagnosis."));
}

/* --- callbacks ---------------------------------------------------------------------- */

static void
answer_toggled_cb (GtkToggleButton       *button,
                   StormcutDiagnosisView *self)
{
  Item *item = g_object_get_data (G_OBJECT (button), "stormcut-item");
  gboolean is_yes = button == item->yes_button;
  StormcutAnswer answer;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->binding.model == NULL)
    return;

  /* Pressing one answer releases the other; releasing the pressed one clears the answer. */
  if (gtk_toggle_button_get_active (button))
    answer = is_yes ? STORMCUT_ANSWER_YES : STORMCUT_ANSWER_NO;
  else
    answer = STORMCUT_ANSWER_NONE;

  if (!stormcut_diagnosis_set_answer (self->binding.model, item->id, answer, &error))
    {
      stormcut_view_show_error (GTK_WIDGET (self), _("Could not store the answer"), error);
      stormcut_view_binding_queue (&self->binding);
      return;
    }
  /* Show the other button released at once; the refresh confirms it. */
  self->updating = TRUE;
  gtk_toggle_button_set_active (is_yes ? item->no_button : item->yes_button, FALSE);
  self->updating = FALSE;
}

static void
apply_note (StormcutDiagnosisView *self,
            Item                  *item)
{
  g_autoptr(StormcutDiagnosis) diagnosis = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (item->note_entry));
  guint index = item - self->items;

  if (self->updating || self->binding.model == NULL)
    return;
  diagnosis = stormcut_diagnosis_load (self->binding.model);
  if (g_strcmp0 (stored_note (diagnosis, index), text) == 0)
    return;
  if (!stormcut_diagnosis_set_note (self->binding.model, item->id, text, &error))
    stormcut_view_show_error (GTK_WIDGET (self), _("Could not store the note"), error);
}

static void
note_activate_cb (GtkEntry              *entry,
                  StormcutDiagnosisView *self)
{
  apply_note (self, g_object_get_data (G_OBJECT (entry), "stormcut-item"));
}

static void
note_leave_cb (GtkEventControllerFocus *controller,
               StormcutDiagnosisView   *self)
{
  GtkWidget *entry = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  apply_note (self, g_object_get_data (G_OBJECT (entry), "stormcut-item"));
}

/* --- building ----------------------------------------------------------------------- */

static GtkWidget *
create_item_row (StormcutDiagnosisView *self,
                 guint                  index,
                 const char            *number,
                 const char            *title,
                 const char            *text)
{
  Item *item = &self->items[index];
  GtkWidget *grid, *label, *answers, *texts;
  GtkEventController *focus;
  int row = 0;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);

  label = gtk_label_new (number);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);

  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  if (title != NULL)
    {
      label = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (texts), label);
    }
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 72);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), label);
  gtk_grid_attach (GTK_GRID (grid), texts, 1, row, 1, 1);

  answers = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (answers, "linked");
  gtk_widget_set_valign (answers, GTK_ALIGN_START);
  item->yes_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (stormcut_answer_get_label (STORMCUT_ANSWER_YES)));
  item->no_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (stormcut_answer_get_label (STORMCUT_ANSWER_NO)));
  gtk_widget_set_size_request (GTK_WIDGET (item->yes_button), 64, -1);
  gtk_widget_set_size_request (GTK_WIDGET (item->no_button), 64, -1);
  gtk_box_append (GTK_BOX (answers), GTK_WIDGET (item->yes_button));
  gtk_box_append (GTK_BOX (answers), GTK_WIDGET (item->no_button));
  g_object_set_data (G_OBJECT (item->yes_button), "stormcut-item", item);
  g_object_set_data (G_OBJECT (item->no_button), "stormcut-item", item);
  g_signal_connect (item->yes_button, "toggled", G_CALLBACK (answer_toggled_cb), self);
  g_signal_connect (item->no_button, "toggled", G_CALLBACK (answer_toggled_cb), self);
  gtk_grid_attach (GTK_GRID (grid), answers, 2, row++, 1, 1);

  if (index >= STORMCUT_DIAGNOSIS_N_QUESTIONS)
    {
      StormcutAnswer favourable =
        stormcut_diagnosis_condition_favourable_answer (index - STORMCUT_DIAGNOSIS_N_QUESTIONS);
      g_autofree char *hint = g_strdup_printf (_("Speaks for MSA: %s"), stormcut_answer_get_label (favourable));

      item->hint_label = GTK_LABEL (gtk_label_new (hint));
      gtk_label_set_xalign (item->hint_label, 0.0);
      gtk_widget_add_css_class (GTK_WIDGET (item->hint_label), "caption");
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (item->hint_label), 1, row++, 2, 1);
    }

  item->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (item->note_entry, _("Note: the evidence for this answer"));
  g_object_set_data (G_OBJECT (item->note_entry), "stormcut-item", item);
  g_signal_connect (item->note_entry, "activate", G_CALLBACK (note_activate_cb), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (note_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (item->note_entry), focus);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (item->note_entry), 1, row++, 2, 1);

  return grid;
}

static GtkWidget *
create_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "frame");
  gtk_widget_add_css_class (list, "stormcut-checklist");
  return list;
}

static void
build (StormcutDiagnosisView *self)
{
  GtkWidget *lists[STORMCUT_DIAGNOSIS_N_GROUPS];
  GtkWidget *conditions;

  for (guint group = 0; group < STORMCUT_DIAGNOSIS_N_GROUPS; group++)
    {
      GtkWidget *heading = gtk_label_new (stormcut_diagnosis_group_get_label (group));

      gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_set_margin_top (heading, 6);
      gtk_box_append (self->questions_box, heading);
      lists[group] = create_list ();
      gtk_box_append (self->questions_box, lists[group]);
    }

  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_QUESTIONS; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);
      guint group = stormcut_diagnosis_question_get_group (i);

      self->items[i].id = g_strdup_printf ("q%u", i + 1);
      gtk_list_box_append (GTK_LIST_BOX (lists[MIN (group, STORMCUT_DIAGNOSIS_N_GROUPS - 1)]),
                           create_item_row (self, i, number, NULL, stormcut_diagnosis_question_get_text (i)));
    }

  conditions = create_list ();
  gtk_box_append (self->conditions_box, conditions);
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_CONDITIONS; i++)
    {
      guint index = STORMCUT_DIAGNOSIS_N_QUESTIONS + i;
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      self->items[index].id = g_strdup_printf ("c%u", i + 1);
      gtk_list_box_append (GTK_LIST_BOX (conditions),
                           create_item_row (self, index, number, stormcut_diagnosis_condition_get_title (i),
                                            stormcut_diagnosis_condition_get_text (i)));
    }
}

/* --- vfuncs ------------------------------------------------------------------------- */

static void
stormcut_diagnosis_view_map (GtkWidget *widget)
{
  StormcutDiagnosisView *self = STORMCUT_DIAGNOSIS_VIEW (widget);

  GTK_WIDGET_CLASS (stormcut_diagnosis_view_parent_class)->map (widget);

  stormcut_view_binding_map (&self->binding);
}

static void
stormcut_diagnosis_view_unmap (GtkWidget *widget)
{
  StormcutDiagnosisView *self = STORMCUT_DIAGNOSIS_VIEW (widget);

  /* A note typed but not yet applied is kept. */
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_VIEW_N_ITEMS; i++)
    if (gtk_widget_has_focus (GTK_WIDGET (self->items[i].note_entry)))
      apply_note (self, &self->items[i]);

  GTK_WIDGET_CLASS (stormcut_diagnosis_view_parent_class)->unmap (widget);
}

static void
stormcut_diagnosis_view_dispose (GObject *object)
{
  StormcutDiagnosisView *self = STORMCUT_DIAGNOSIS_VIEW (object);

  stormcut_view_binding_clear (&self->binding);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_DIAGNOSIS_VIEW);

  G_OBJECT_CLASS (stormcut_diagnosis_view_parent_class)->dispose (object);
}

static void
stormcut_diagnosis_view_finalize (GObject *object)
{
  StormcutDiagnosisView *self = STORMCUT_DIAGNOSIS_VIEW (object);

  for (guint i = 0; i < STORMCUT_DIAGNOSIS_VIEW_N_ITEMS; i++)
    g_free (self->items[i].id);

  G_OBJECT_CLASS (stormcut_diagnosis_view_parent_class)->finalize (object);
}

static void
stormcut_diagnosis_view_class_init (StormcutDiagnosisViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_diagnosis_view_dispose;
  object_class->finalize = stormcut_diagnosis_view_finalize;
  widget_class->map = stormcut_diagnosis_view_map;
  widget_class->unmap = stormcut_diagnosis_view_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-diagnosis-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, count_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, questions_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, conditions_label);
  gtk_widget_class_bind_template_child (widget_class, StormcutDiagnosisView, conditions_box);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_diagnosis_view_init (StormcutDiagnosisView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  stormcut_view_binding_init (&self->binding, GTK_WIDGET (self), (StormcutViewRebuildFunc) rebuild,
                              change_concerns_view);
  build (self);
}

/* --- public API --------------------------------------------------------------------- */

GtkWidget *
stormcut_diagnosis_view_new (void)
{
  return g_object_new (STORMCUT_TYPE_DIAGNOSIS_VIEW, NULL);
}

void
stormcut_diagnosis_view_set_model (StormcutDiagnosisView *self,
                                   StormcutModel         *model)
{
  g_return_if_fail (STORMCUT_IS_DIAGNOSIS_VIEW (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->binding.model == model)
    return;

  stormcut_view_binding_set_model (&self->binding, model);
}

void
stormcut_diagnosis_view_refresh (StormcutDiagnosisView *self)
{
  g_return_if_fail (STORMCUT_IS_DIAGNOSIS_VIEW (self));

  stormcut_view_binding_flush (&self->binding);
}

GtkToggleButton *
stormcut_diagnosis_view_get_yes_button (StormcutDiagnosisView *self,
                                        guint                  item)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGNOSIS_VIEW (self), NULL);
  g_return_val_if_fail (item < STORMCUT_DIAGNOSIS_VIEW_N_ITEMS, NULL);
  return self->items[item].yes_button;
}

GtkToggleButton *
stormcut_diagnosis_view_get_no_button (StormcutDiagnosisView *self,
                                       guint                  item)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGNOSIS_VIEW (self), NULL);
  g_return_val_if_fail (item < STORMCUT_DIAGNOSIS_VIEW_N_ITEMS, NULL);
  return self->items[item].no_button;
}

GtkEntry *
stormcut_diagnosis_view_get_note_entry (StormcutDiagnosisView *self,
                                        guint                  item)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGNOSIS_VIEW (self), NULL);
  g_return_val_if_fail (item < STORMCUT_DIAGNOSIS_VIEW_N_ITEMS, NULL);
  return self->items[item].note_entry;
}

const char *
stormcut_diagnosis_view_get_verdict_text (StormcutDiagnosisView *self)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGNOSIS_VIEW (self), NULL);
  return gtk_label_get_text (self->verdict_label);
}
