/* stormcut-file-chooser.h: the one place that asks the user for a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps GtkFileChooserNative (GTK 4.8); moving to GtkFileDialog later touches this file only.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  STORMCUT_FILE_FILTER_BOARD = 1 << 0, /* .stormcut documents */
  STORMCUT_FILE_FILTER_XML   = 1 << 1, /* model XML */
} StormcutFileFilters;

/* Called only when the user chose a file; @parent is the window the chooser was shown for. */
typedef void (*StormcutFileChosenFunc) (GtkWindow *parent, GFile *file, gpointer user_data);

/* Asks for an existing file.  The first filter in @filters is selected first. */
void stormcut_file_chooser_open (GtkWindow              *parent,
                                 const char             *title,
                                 StormcutFileFilters     filters,
                                 StormcutFileChosenFunc  callback,
                                 gpointer                user_data);

/* Asks where to save; @suggested_name may be NULL. */
void stormcut_file_chooser_save (GtkWindow              *parent,
                                 const char             *title,
                                 const char             *suggested_name,
                                 StormcutFileFilters     filters,
                                 StormcutFileChosenFunc  callback,
                                 gpointer                user_data);

G_END_DECLS
