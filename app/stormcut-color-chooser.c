/* stormcut-color-chooser.c: the one place that asks the user for a colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <glib/gi18n.h>

#include "stormcut-color-chooser.h"

typedef struct {
  StormcutColorChosenFunc callback;
  gpointer                user_data;
  GDestroyNotify          destroy;
} ColorRequest;

static void
color_response_cb (GtkDialog *dialog,
                   int        response,
                   gpointer   data)
{
  ColorRequest *request = data;

  if (response == GTK_RESPONSE_OK)
    {
      GdkRGBA rgba;
      g_autofree char *hex = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      hex = stormcut_color_to_hex (&rgba);
      request->callback (hex, request->user_data);
    }

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

char *
stormcut_color_to_hex (const GdkRGBA *rgba)
{
  g_return_val_if_fail (rgba != NULL, NULL);

  return g_strdup_printf ("#%02X%02X%02X",
                          (guint) lround (CLAMP (rgba->red, 0.0, 1.0) * 255.0),
                          (guint) lround (CLAMP (rgba->green, 0.0, 1.0) * 255.0),
                          (guint) lround (CLAMP (rgba->blue, 0.0, 1.0) * 255.0));
}

void
stormcut_color_chooser_run (GtkWindow               *parent,
                            const char              *title,
                            const char              *initial,
                            StormcutColorChosenFunc  callback,
                            gpointer                 user_data,
                            GDestroyNotify           destroy)
{
  GtkWidget *dialog;
  ColorRequest *request;
  GdkRGBA rgba;

  g_return_if_fail (callback != NULL);

  dialog = gtk_color_chooser_dialog_new (title, parent);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (initial != NULL && gdk_rgba_parse (&rgba, initial))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);

  request = g_new0 (ColorRequest, 1);
  request->callback = callback;
  request->user_data = user_data;
  request->destroy = destroy;

  g_signal_connect (dialog, "response", G_CALLBACK (color_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  const GdkRGBA *rgba = g_object_get_data (G_OBJECT (area), "swatch-rgba");
  double radius = MIN (width, height) / 5.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - radius - 0.5, radius + 0.5, radius, -G_PI / 2, 0);
  cairo_arc (cr, width - radius - 0.5, height - radius - 0.5, radius, 0, G_PI / 2);
  cairo_arc (cr, radius + 0.5, height - radius - 0.5, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius + 0.5, radius + 0.5, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);

  if (rgba != NULL)
    {
      gdk_cairo_set_source_rgba (cr, rgba);
      cairo_fill_preserve (cr);
    }
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
}

GtkWidget *
stormcut_color_swatch_new (const char *color,
                           int         size)
{
  GtkWidget *swatch = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), size);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), size);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_cb, NULL, NULL);
  stormcut_color_swatch_set_color (swatch, color);

  return swatch;
}

void
stormcut_color_swatch_set_color (GtkWidget  *swatch,
                                 const char *color)
{
  GdkRGBA rgba;

  g_return_if_fail (GTK_IS_DRAWING_AREA (swatch));

  if (color != NULL && gdk_rgba_parse (&rgba, color))
    g_object_set_data_full (G_OBJECT (swatch), "swatch-rgba", gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
  else
    g_object_set_data (G_OBJECT (swatch), "swatch-rgba", NULL);
  gtk_widget_queue_draw (swatch);
}
