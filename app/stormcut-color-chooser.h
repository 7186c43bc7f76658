/* stormcut-color-chooser.h: the one place that asks the user for a colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps GtkColorChooserDialog (GTK 4.8); moving to GtkColorDialog later touches this file only.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Called only when the user chose a colour, as "#RRGGBB". */
typedef void (*StormcutColorChosenFunc) (const char *color, gpointer user_data);

/* Shows the colour chooser modal to @parent, starting at @initial ("#RRGGBB", may be NULL).
 * @user_data is freed with @destroy when the dialog closes. */
void stormcut_color_chooser_run (GtkWindow               *parent,
                                 const char              *title,
                                 const char              *initial,
                                 StormcutColorChosenFunc  callback,
                                 gpointer                 user_data,
                                 GDestroyNotify           destroy);

/* "#RRGGBB" of @rgba (alpha ignored); free with g_free(). */
char *stormcut_color_to_hex (const GdkRGBA *rgba);

/* A small rounded square filled with @color ("#RRGGBB", NULL: transparent), for buttons
 * and rows that show a colour. */
GtkWidget *stormcut_color_swatch_new       (const char *color, int size);
void       stormcut_color_swatch_set_color (GtkWidget *swatch, const char *color);

G_END_DECLS
