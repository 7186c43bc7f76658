/* stormcut-diagram-view.c: a Graphviz diagram of the model, shown as a picture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-diagram-view.h"
#include "stormcut-export-dialog.h"
#include "stormcut-view-common.h"

struct _StormcutDiagramView
{
  GtkWidget          parent_instance;

  /* child widgets */
  GtkWidget         *box;
  GtkToggleButton   *fit_button;
  GtkToggleButton   *actual_button;
  GtkLabel          *size_label;
  GtkSpinner        *spinner;
  GtkScrolledWindow *scroller;
  GtkPicture        *picture;
  GtkLabel          *placeholder;

  /* owned references */
  StormcutViewBinding binding;   /* the model; render() when it changes */
  GdkTexture        *texture;

  StormcutExportWhat what;
  gboolean           rendering;     /* a render runs in a worker thread */
  gboolean           render_again;  /* the model changed while it ran */
  gboolean           fit;
  guint              n_renders;
};

G_DEFINE_FINAL_TYPE (StormcutDiagramView, stormcut_diagram_view, GTK_TYPE_WIDGET)

/* The largest picture shown: GL renderers take textures up to 16384 px a side, and
 * 64 million pixels are 256 MB once decoded. */
#define MAX_SIDE   16384
#define MAX_PIXELS (64u * 1024 * 1024)

static const char *
empty_text (StormcutDiagramView *self)
{
  switch (self->what)
    {
    case STORMCUT_EXPORT_CONTEXT_MAP:
      return _("No bounded contexts yet. Draw contexts on the board and link stickies across them to see the context map.");
    case STORMCUT_EXPORT_SERVICES:
      return _("No bounded contexts yet. Each bounded context becomes a candidate service; draw some on the board.");
    case STORMCUT_EXPORT_FLOW:
    case STORMCUT_EXPORT_FP:
    case STORMCUT_N_EXPORTS:
    default:
      return _("The board is empty.");
    }
}

static gboolean
model_is_empty (StormcutDiagramView *self)
{
  if (self->binding.model == NULL)
    return TRUE;
  if (self->what == STORMCUT_EXPORT_FLOW)
    return stormcut_model_get_n_elements (self->binding.model) == 0;
  return stormcut_model_get_contexts (self->binding.model)->len == 0;
}

static void
show_placeholder (StormcutDiagramView *self,
                  const char          *text)
{
  gtk_label_set_text (self->placeholder, text);
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), FALSE);
  gtk_label_set_text (self->size_label, "");
}

typedef struct {
  GBytes            *xml;      /* a snapshot of the model */
  StormcutExportWhat what;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_bytes_unref (job->xml);
  g_free (job);
}

/* Worker thread: lays out and draws a copy of the model, so the window stays responsive
 * while Graphviz works (seconds on a large board). */
static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  g_autoptr(StormcutModel) copy = NULL;
  g_autoptr(GBytes) png = NULL;
  GdkTexture *texture;
  GError *error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (job->xml, &length);

  copy = stormcut_model_from_xml (data, length, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_mutex_lock (stormcut_view_get_graphviz_lock ());
  png = stormcut_export_to_bytes (copy, job->what, STORMCUT_FORMAT_PNG, &error);
  g_mutex_unlock (stormcut_view_get_graphviz_lock ());
  if (png == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A board of thousands of stickies gives a picture of hundreds of megabytes once decoded:
   * say so instead of filling the memory.  The size is in the PNG header. */
  if (g_bytes_get_size (png) >= 24)
    {
      const guchar *header = g_bytes_get_data (png, NULL);
      guint32 width = (guint32) header[16] << 24 | header[17] << 16 | header[18] << 8 | header[19];
      guint32 height = (guint32) header[20] << 24 | header[21] << 16 | header[22] << 8 | header[23];

      if (width > MAX_SIDE || height > MAX_SIDE || (guint64) width * height > MAX_PIXELS)
        {
          g_task_return_new_error (task, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_RENDER,
                                   _("it is too large to show here (%u × %u px). Export it as SVG or PDF to look at it."),
                                   width, height);
          return;
        }
    }

  texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static void
render_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  StormcutDiagramView *self = STORMCUT_DIAGRAM_VIEW (source_object);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  self->rendering = FALSE;
  self->n_renders++;
  if (self->box == NULL)
    return;  /* disposed meanwhile */
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  if (texture == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The diagram could not be drawn: %s"), error->message);
      g_clear_object (&self->texture);
      gtk_picture_set_paintable (self->picture, NULL);
      show_placeholder (self, text);
    }
  else
    {
      g_set_object (&self->texture, texture);
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (self->texture));
      gtk_widget_set_visible (GTK_WIDGET (self->placeholder), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->scroller), TRUE);
      /* TRANSLATORS: the size of the rendered diagram in pixels, width × height */
      size = g_strdup_printf (_("%d × %d px"), gdk_texture_get_width (self->texture),
                              gdk_texture_get_height (self->texture));
      gtk_label_set_text (self->size_label, size);
    }

  /* Changes that arrived while drawing are drawn next. */
  if (self->render_again)
    {
      self->render_again = FALSE;
      stormcut_view_binding_queue (&self->binding);
    }
}

/* Starts drawing the current model in a worker; the picture shown stays until the new one
 * is ready.  One drawing runs at a time: the next one starts when it is done. */
static void
render (StormcutDiagramView *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RenderJob *job;
  GBytes *xml;

  if (self->rendering)
    {
      self->render_again = TRUE;
      return;
    }

  if (model_is_empty (self))
    {
      g_clear_object (&self->texture);
      gtk_picture_set_paintable (self->picture, NULL);
      show_placeholder (self, empty_text (self));
      return;
    }

  xml = stormcut_model_to_xml (self->binding.model, &error);
  if (xml == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The diagram could not be drawn: %s"), error->message);
      show_placeholder (self, text);
      return;
    }

  job = g_new0 (RenderJob, 1);
  job->xml = xml;
  job->what = self->what;
  self->rendering = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, NULL, render_done_cb, NULL);
  g_task_set_source_tag (task, render);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
apply_fit (StormcutDiagramView *self)
{
  /* Fitted: the picture gets the viewport's size and scales down to it.  Actual size: the
   * picture asks for its pixel size and the scrolled window scrolls. */
  gtk_picture_set_can_shrink (self->picture, self->fit);
  gtk_scrolled_window_set_policy (self->scroller,
                                  self->fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  self->fit ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC);
  gtk_widget_set_halign (GTK_WIDGET (self->picture), self->fit ? GTK_ALIGN_FILL : GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->picture), self->fit ? GTK_ALIGN_FILL : GTK_ALIGN_START);
  if (gtk_toggle_button_get_active (self->fit_button) != self->fit)
    gtk_toggle_button_set_active (self->fit_button, self->fit);
  if (gtk_toggle_button_get_active (self->actual_button) == self->fit)
    gtk_toggle_button_set_active (self->actual_button, !self->fit);
}

static void
fit_toggled_cb (GtkToggleButton     *button,
                StormcutDiagramView *self)
{
  if (gtk_toggle_button_get_active (button))
    stormcut_diagram_view_set_fit (self, button == self->fit_button);
}

static void
export_clicked_cb (GtkButton           *button,
                   StormcutDiagramView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  StormcutExportDialog *dialog;

  if (self->binding.model == NULL)
    return;
  dialog = stormcut_export_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->binding.model);
  stormcut_export_dialog_set_what (dialog, self->what);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
stormcut_diagram_view_map (GtkWidget *widget)
{
  StormcutDiagramView *self = STORMCUT_DIAGRAM_VIEW (widget);

  GTK_WIDGET_CLASS (stormcut_diagram_view_parent_class)->map (widget);

  stormcut_view_binding_map (&self->binding);
}

static void
stormcut_diagram_view_dispose (GObject *object)
{
  StormcutDiagramView *self = STORMCUT_DIAGRAM_VIEW (object);

  stormcut_view_binding_clear (&self->binding);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (stormcut_diagram_view_parent_class)->dispose (object);
}

static void
stormcut_diagram_view_finalize (GObject *object)
{
  StormcutDiagramView *self = STORMCUT_DIAGRAM_VIEW (object);

  g_clear_object (&self->texture);

  G_OBJECT_CLASS (stormcut_diagram_view_parent_class)->finalize (object);
}

static void
stormcut_diagram_view_class_init (StormcutDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = stormcut_diagram_view_dispose;
  object_class->finalize = stormcut_diagram_view_finalize;
  widget_class->map = stormcut_diagram_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
stormcut_diagram_view_init (StormcutDiagramView *self)
{
  GtkWidget *toolbar, *zoom_box, *spacer, *export_button;

  self->fit = TRUE;
  self->what = STORMCUT_EXPORT_CONTEXT_MAP;
  stormcut_view_binding_init (&self->binding, GTK_WIDGET (self), (StormcutViewRebuildFunc) render, NULL);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (toolbar, "stormcut-toolbar");
  gtk_box_append (GTK_BOX (self->box), toolbar);

  zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  self->fit_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->fit_button), "zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fit_button), _("Fit the Diagram to the View"));
  self->actual_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new ());
  gtk_button_set_icon_name (GTK_BUTTON (self->actual_button), "zoom-original-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->actual_button), _("Actual Size (100 %)"));
  gtk_toggle_button_set_group (self->actual_button, self->fit_button);
  gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->fit_button));
  gtk_box_append (GTK_BOX (zoom_box), GTK_WIDGET (self->actual_button));
  gtk_box_append (GTK_BOX (toolbar), zoom_box);
  g_signal_connect (self->fit_button, "toggled", G_CALLBACK (fit_toggled_cb), self);
  g_signal_connect (self->actual_button, "toggled", G_CALLBACK (fit_toggled_cb), self);

  spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (toolbar), spacer);

  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Drawing the diagram…"));
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->spinner));

  self->size_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->size_label), "numeric");
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->size_label));

  export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_set_tooltip_text (export_button, _("Export this diagram as DOT, SVG, PNG or PDF"));
  g_signal_connect (export_button, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (toolbar), export_button);

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->scroller), "stormcut-diagram");
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->picture));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->scroller));

  self->placeholder = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_max_width_chars (self->placeholder, 60);
  gtk_label_set_justify (self->placeholder, GTK_JUSTIFY_CENTER);
  gtk_widget_set_vexpand (GTK_WIDGET (self->placeholder), TRUE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 24);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 24);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->placeholder));

  apply_fit (self);
  show_placeholder (self, empty_text (self));
}

GtkWidget *
stormcut_diagram_view_new (StormcutExportWhat what)
{
  StormcutDiagramView *self;

  g_return_val_if_fail (stormcut_export_what_is_diagram (what), NULL);

  self = g_object_new (STORMCUT_TYPE_DIAGRAM_VIEW, NULL);
  self->what = what;
  show_placeholder (self, empty_text (self));
  return GTK_WIDGET (self);
}

void
stormcut_diagram_view_set_model (StormcutDiagramView *self,
                                 StormcutModel       *model)
{
  g_return_if_fail (STORMCUT_IS_DIAGRAM_VIEW (self));
  g_return_if_fail (model == NULL || STORMCUT_IS_MODEL (model));

  if (self->binding.model == model)
    return;

  stormcut_view_binding_set_model (&self->binding, model);
}

void
stormcut_diagram_view_set_fit (StormcutDiagramView *self,
                               gboolean             fit)
{
  g_return_if_fail (STORMCUT_IS_DIAGRAM_VIEW (self));

  self->fit = !!fit;
  apply_fit (self);
}

gboolean
stormcut_diagram_view_get_fit (StormcutDiagramView *self)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGRAM_VIEW (self), FALSE);

  return self->fit;
}

void
stormcut_diagram_view_refresh (StormcutDiagramView *self)
{
  g_return_if_fail (STORMCUT_IS_DIAGRAM_VIEW (self));

  stormcut_view_binding_flush (&self->binding);
  while (self->rendering)
    g_main_context_iteration (NULL, TRUE);
}

GdkTexture *
stormcut_diagram_view_get_texture (StormcutDiagramView *self)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGRAM_VIEW (self), NULL);

  return self->texture;
}

guint
stormcut_diagram_view_get_n_renders (StormcutDiagramView *self)
{
  g_return_val_if_fail (STORMCUT_IS_DIAGRAM_VIEW (self), 0);

  return self->n_renders;
}
