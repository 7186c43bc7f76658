/* stormcut-message-dialog.h: the one place that shows a message dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wraps GtkMessageDialog (GTK 4.8); moving to GtkAlertDialog later touches this file only.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows an error, modal to @parent, with a single Close button. */
void stormcut_message_dialog_show_error (GtkWindow  *parent,
                                         const char *primary,
                                         const char *secondary);

/* Called with the response id of the button pressed (GTK_RESPONSE_CANCEL when dismissed). */
typedef void (*StormcutAnswerFunc) (GtkWindow *parent, int response, gpointer user_data);

/* Asks a question, modal to @parent.  The buttons are given as label / response id pairs,
 * NULL-terminated; a button with GTK_RESPONSE_REJECT is styled as destructive and one with
 * GTK_RESPONSE_ACCEPT as the default. */
void stormcut_message_dialog_ask (GtkWindow          *parent,
                                  const char         *primary,
                                  const char         *secondary,
                                  StormcutAnswerFunc  callback,
                                  gpointer            user_data,
                                  const char         *first_button_label,
                                  ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
