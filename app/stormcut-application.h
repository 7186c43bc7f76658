/* stormcut-application.h: the Stormcut desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per document.  Opening a file that is already open presents its window; an
 * empty, untouched "New" window is reused for the next file opened from it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STORMCUT_TYPE_APPLICATION (stormcut_application_get_type ())
G_DECLARE_FINAL_TYPE (StormcutApplication, stormcut_application, STORMCUT, APPLICATION, GtkApplication)

/* Number of paths kept in the recent-files list. */
#define STORMCUT_MAX_RECENT_FILES 10

StormcutApplication *stormcut_application_new              (void);

/* The application's settings, or NULL when the GSettings schema is not installed. */
GSettings           *stormcut_application_get_settings     (StormcutApplication *self);

/* Opens @file (a .stormcut document or model XML) in its own window, or presents the window
 * that already shows it.  Errors are shown in the window.  Returns the window. */
GtkWindow           *stormcut_application_open_file        (StormcutApplication *self, GFile *file);
/* A new window with a new, in-memory board. */
GtkWindow           *stormcut_application_new_window       (StormcutApplication *self);

/* Puts @path first in the recent-files list. */
void                 stormcut_application_add_recent_file  (StormcutApplication *self, const char *path);
/* The "Open Recent" menu, kept up to date from the settings (borrowed). */
GMenuModel          *stormcut_application_get_recent_menu  (StormcutApplication *self);

G_END_DECLS
