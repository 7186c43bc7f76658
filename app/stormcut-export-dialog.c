/* stormcut-export-dialog.c: exports the board's diagrams and function points to a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <string.h>

#include <stormcut/stormcut-fp.h>

#include "stormcut-export-dialog.h"
#include "stormcut-file-chooser.h"
#include "stormcut-message-dialog.h"
#include "stormcut-view-common.h"
#include "stormcut-window.h"

struct _StormcutExportDialog
{
  GtkWindow          parent_instance;

  /* template widgets */
  GtkWidget         *content_box;
  GtkSpinner        *spinner;
  GtkBox            *what_box;
  GtkDropDown       *format_dropdown;
  GtkLabel          *hint_label;

  /* widgets made in code */
  GtkCheckButton    *what_checks[STORMCUT_N_EXPORTS];

  /* borrowed references */
  GtkWindow         *transient_parent;

  /* owned references */
  StormcutModel     *model;
  GArray            *formats;     /* of StormcutFormat, the items of the format dropdown */

  StormcutExportWhat what;
  gboolean           updating;
  gboolean           exporting;   /* an export runs in a worker thread */
};

G_DEFINE_FINAL_TYPE (StormcutExportDialog, stormcut_export_dialog, GTK_TYPE_WINDOW)

static const char *
what_hint (StormcutExportDialog *self)
{
  switch (self->what)
    {
    case STORMCUT_EXPORT_FLOW:
      return _("The event flow of the board, grouped by bounded context. SVG and PDF scale without loss; DOT opens in Graphviz tools.");
    case STORMCUT_EXPORT_CONTEXT_MAP:
      return _("The bounded contexts and their confirmed and derived relationships, drawn with U/D and OHS/PL/ACL/CF labels.");
    case STORMCUT_EXPORT_SERVICES:
      return _("The candidate services with the data they own, sync calls (solid), event subscriptions (dashed) and shared-data reads.");
    case STORMCUT_EXPORT_FP:
      return NULL;
    case STORMCUT_N_EXPORTS:
    default:
      return "";
    }
}

static void
update_hint (StormcutExportDialog *self)
{
  if (self->what == STORMCUT_EXPORT_FP)
    {
      g_autofree char *text = NULL;
      StormcutFpProfile profile = self->model != NULL ? stormcut_fp_get_profile (self->model) : STORMCUT_FP_PROFILE_DEFAULT;
      StormcutFpMethod method = self->model != NULL ? stormcut_fp_get_method (self->model) : STORMCUT_FP_METHOD_SIMPLE;

      text = g_strdup_printf (_("The function-point table in the KOSA column order, the summary and the cost sheet, counted with: %s, %s. Change them in the Function Points view."),
                              stormcut_fp_profile_get_label (profile), stormcut_fp_method_get_label (method));
      gtk_label_set_text (self->hint_label, text);
    }
  else
    gtk_label_set_text (self->hint_label, what_hint (self));
}

/* Fills the format list with what the current choice supports, keeping the format chosen
 * when it is still offered. */
static void
fill_formats (StormcutExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  StormcutFormat previous = STORMCUT_N_FORMATS;
  guint selected = 0;
  guint position;

  position = gtk_drop_down_get_selected (self->format_dropdown);
  if (position != GTK_INVALID_LIST_POSITION && position < self->formats->len)
    previous = g_array_index (self->formats, StormcutFormat, position);

  g_array_set_size (self->formats, 0);
  for (StormcutFormat format = 0; format < STORMCUT_N_FORMATS; format++)
    if (stormcut_export_supports (self->what, format))
      {
        g_autofree char *label = g_strdup_printf ("%s (.%s)", stormcut_format_get_label (format),
                                                  stormcut_format_get_extension (format));
        if (format == previous)
          selected = self->formats->len;
        g_array_append_val (self->formats, format);
        gtk_string_list_append (labels, label);
      }

  /* A diagram is most often wanted as PNG when nothing was chosen before. */
  if (previous == STORMCUT_N_FORMATS || !stormcut_export_supports (self->what, previous))
    for (guint i = 0; i < self->formats->len; i++)
      if (g_array_index (self->formats, StormcutFormat, i) == STORMCUT_FORMAT_PNG ||
          g_array_index (self->formats, StormcutFormat, i) == STORMCUT_FORMAT_XLS)
        selected = i;

  self->updating = TRUE;
  gtk_drop_down_set_model (self->format_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->format_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", self->formats->len > 0 && self->model != NULL);
}

static char *
safe_file_stem (const char *name)
{
  g_autofree char *stem = g_strdup (name != NULL && name[0] != '\0' ? name : _("board"));

  /* Characters file systems refuse or shells trip over. */
  g_strdelimit (stem, "/\\:*?\"<>|\n\r\t", '_');
  return g_strstrip (g_steal_pointer (&stem));
}

/* --- callbacks ---------------------------------------------------------------------- */

static void
what_toggled_cb (GtkCheckButton       *check,
                 StormcutExportDialog *self)
{
  if (!gtk_check_button_get_active (check))
    return;
  self->what = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "stormcut-what"));
  fill_formats (self);
  update_hint (self);
}

/* The file name to write: @path, with the format's extension when it has none. */
static char *
full_export_path (const char     *path,
                  StormcutFormat  format)
{
  g_autofree char *basename = g_path_get_basename (path);

  if (strchr (basename, '.') == NULL)
    return g_strdup_printf ("%s.%s", path, stormcut_format_get_extension (format));
  return g_strdup (path);
}

typedef struct {
  GBytes            *xml;     /* a snapshot of the model */
  StormcutExportWhat what;
  StormcutFormat     format;
  char              *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_bytes_unref (job->xml);
  g_free (job->path);
  g_free (job);
}

/* Worker thread: a large board takes Graphviz minutes; the window stays responsive. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(StormcutModel) copy = NULL;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->xml, &length);
  gboolean ok;

  copy = stormcut_model_from_xml (data, length, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_mutex_lock (stormcut_view_get_graphviz_lock ());
  ok = stormcut_export_to_file (copy, job->what, job->format, job->path, &error);
  g_mutex_unlock (stormcut_view_get_graphviz_lock ());
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
set_exporting (StormcutExportDialog *self,
               gboolean              exporting)
{
  self->exporting = exporting;
  gtk_widget_set_sensitive (self->content_box, !exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", !exporting && self->formats->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), exporting);
  if (exporting)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

static void
export_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StormcutExportDialog *self = STORMCUT_EXPORT_DIALOG (source_object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->content_box == NULL)
    return;  /* the dialog was closed meanwhile; the file is written (or not) all the same */
  set_exporting (self, FALSE);
  if (!ok)
    {
      stormcut_message_dialog_show_error (GTK_WINDOW (self), _("Could not export"), error->message);
      return;
    }

  if (STORMCUT_IS_WINDOW (self->transient_parent))
    {
      g_autofree char *basename = g_path_get_basename (job->path);
      /* TRANSLATORS: shown after an export; %s is the file name */
      g_autofree char *message = g_strdup_printf (_("Exported “%s”."), basename);
      stormcut_window_show_status (STORMCUT_WINDOW (self->transient_parent), message);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
file_chosen_cb (GtkWindow *parent,
                GFile     *file,
                gpointer   user_data)
{
  StormcutExportDialog *self = STORMCUT_EXPORT_DIALOG (parent);
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    {
      stormcut_message_dialog_show_error (GTK_WINDOW (self), _("Could not export"),
                                          _("Choose a file on a local disk."));
      return;
    }
  stormcut_export_dialog_start_export (self, path);
}

void
stormcut_export_dialog_start_export (StormcutExportDialog *self,
                                     const char           *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  StormcutFormat format;
  ExportJob *job;
  GBytes *xml;

  g_return_if_fail (STORMCUT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);

  format = stormcut_export_dialog_get_format (self);
  if (self->model == NULL || format >= STORMCUT_N_FORMATS || self->exporting)
    return;

  xml = stormcut_model_to_xml (self->model, &error);
  if (xml == NULL)
    {
      stormcut_message_dialog_show_error (GTK_WINDOW (self), _("Could not export"), error->message);
      return;
    }

  job = g_new0 (ExportJob, 1);
  job->xml = xml;
  job->what = self->what;
  job->format = format;
  job->path = full_export_path (path, format);
  set_exporting (self, TRUE);

  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_source_tag (task, stormcut_export_dialog_start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
choose_file_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  StormcutExportDialog *self = STORMCUT_EXPORT_DIALOG (widget);
  g_autofree char *name = stormcut_export_dialog_get_suggested_name (self);

  stormcut_file_chooser_save (GTK_WINDOW (self), _("Export"), name, 0, file_chosen_cb, NULL);
}

/* --- vfuncs ------------------------------------------------------------------------- */

static void
stormcut_export_dialog_dispose (GObject *object)
{
  StormcutExportDialog *self = STORMCUT_EXPORT_DIALOG (object);

  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), STORMCUT_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (stormcut_export_dialog_parent_class)->dispose (object);
}

static void
stormcut_export_dialog_finalize (GObject *object)
{
  StormcutExportDialog *self = STORMCUT_EXPORT_DIALOG (object);

  g_clear_pointer (&self->formats, g_array_unref);

  G_OBJECT_CLASS (stormcut_export_dialog_parent_class)->finalize (object);
}

static void
stormcut_export_dialog_class_init (StormcutExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_export_dialog_dispose;
  object_class->finalize = stormcut_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/stormcut/Stormcut/stormcut-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StormcutExportDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StormcutExportDialog, what_box);
  gtk_widget_class_bind_template_child (widget_class, StormcutExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StormcutExportDialog, hint_label);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
stormcut_export_dialog_init (StormcutExportDialog *self)
{
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->formats = g_array_new (FALSE, FALSE, sizeof (StormcutFormat));
  self->what = STORMCUT_EXPORT_CONTEXT_MAP;

  for (StormcutExportWhat what = 0; what < STORMCUT_N_EXPORTS; what++)
    {
      GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (stormcut_export_what_get_label (what)));

      if (group != NULL)
        gtk_check_button_set_group (check, group);
      else
        group = check;
      g_object_set_data (G_OBJECT (check), "stormcut-what", GUINT_TO_POINTER (what));
      gtk_check_button_set_active (check, what == self->what);
      g_signal_connect (check, "toggled", G_CALLBACK (what_toggled_cb), self);
      gtk_box_append (self->what_box, GTK_WIDGET (check));
      self->what_checks[what] = check;
    }

  fill_formats (self);
  update_hint (self);
}

/* --- public API --------------------------------------------------------------------- */

StormcutExportDialog *
stormcut_export_dialog_new (GtkWindow     *parent,
                            StormcutModel *model)
{
  StormcutExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);

  self = g_object_new (STORMCUT_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->transient_parent = parent;
  self->model = g_object_ref (model);
  fill_formats (self);
  update_hint (self);
  return self;
}

void
stormcut_export_dialog_set_what (StormcutExportDialog *self,
                                 StormcutExportWhat    what)
{
  g_return_if_fail (STORMCUT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (what < STORMCUT_N_EXPORTS);

  gtk_check_button_set_active (self->what_checks[what], TRUE);
}

StormcutExportWhat
stormcut_export_dialog_get_what (StormcutExportDialog *self)
{
  g_return_val_if_fail (STORMCUT_IS_EXPORT_DIALOG (self), STORMCUT_EXPORT_CONTEXT_MAP);

  return self->what;
}

gboolean
stormcut_export_dialog_set_format (StormcutExportDialog *self,
                                   StormcutFormat        format)
{
  g_return_val_if_fail (STORMCUT_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->formats->len; i++)
    if (g_array_index (self->formats, StormcutFormat, i) == format)
      {
        gtk_drop_down_set_selected (self->format_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

StormcutFormat
stormcut_export_dialog_get_format (StormcutExportDialog *self)
{
  guint position;

  g_return_val_if_fail (STORMCUT_IS_EXPORT_DIALOG (self), STORMCUT_N_FORMATS);

  position = gtk_drop_down_get_selected (self->format_dropdown);
  if (position == GTK_INVALID_LIST_POSITION || position >= self->formats->len)
    return STORMCUT_N_FORMATS;
  return g_array_index (self->formats, StormcutFormat, position);
}

gboolean
stormcut_export_dialog_offers_format (StormcutExportDialog *self,
                                      StormcutFormat        format)
{
  g_return_val_if_fail (STORMCUT_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->formats->len; i++)
    if (g_array_index (self->formats, StormcutFormat, i) == format)
      return TRUE;
  return FALSE;
}

char *
stormcut_export_dialog_get_suggested_name (StormcutExportDialog *self)
{
  g_autofree char *stem = NULL;
  StormcutFormat format;

  g_return_val_if_fail (STORMCUT_IS_EXPORT_DIALOG (self), NULL);

  stem = safe_file_stem (self->model != NULL ? stormcut_model_get_name (self->model) : NULL);
  format = stormcut_export_dialog_get_format (self);
  if (format >= STORMCUT_N_FORMATS)
    return g_strdup (stem);
  return g_strdup_printf ("%s-%s.%s", stem, stormcut_export_what_to_string (self->what),
                          stormcut_format_get_extension (format));
}

gboolean
stormcut_export_dialog_export_to_path (StormcutExportDialog *self,
                                       const char           *path,
                                       GError              **error)
{
  g_autofree char *full_path = NULL;
  StormcutFormat format;
  gboolean ok;

  g_return_val_if_fail (STORMCUT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = stormcut_export_dialog_get_format (self);
  if (format >= STORMCUT_N_FORMATS || self->model == NULL)
    {
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_UNSUPPORTED,
                   _("Choose a format for the export."));
      return FALSE;
    }

  full_path = full_export_path (path, format);
  g_mutex_lock (stormcut_view_get_graphviz_lock ());
  ok = stormcut_export_to_file (self->model, self->what, format, full_path, error);
  g_mutex_unlock (stormcut_view_get_graphviz_lock ());
  return ok;
}
