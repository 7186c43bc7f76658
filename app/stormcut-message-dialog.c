/* stormcut-message-dialog.c: the one place that shows a message dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-message-dialog.h"

typedef struct {
  GtkWindow          *parent;   /* owned reference */
  StormcutAnswerFunc  callback;
  gpointer            user_data;
} AnswerRequest;

static void
error_response_cb (GtkDialog *dialog,
                   int        response,
                   gpointer   user_data)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
ask_response_cb (GtkDialog *dialog,
                 int        response,
                 gpointer   user_data)
{
  AnswerRequest *request = user_data;

  if (response == GTK_RESPONSE_DELETE_EVENT || response == GTK_RESPONSE_NONE)
    response = GTK_RESPONSE_CANCEL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  if (request->callback != NULL)
    request->callback (request->parent, response, request->user_data);

  g_clear_object (&request->parent);
  g_free (request);
}

static GtkWidget *
create_dialog (GtkWindow      *parent,
               GtkMessageType  type,
               GtkButtonsType  buttons,
               const char     *primary,
               const char     *secondary)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   type, buttons, "%s", primary);
  if (secondary != NULL && *secondary != '\0')
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", secondary);

  return dialog;
}

void
stormcut_message_dialog_show_error (GtkWindow  *parent,
                                    const char *primary,
                                    const char *secondary)
{
  GtkWidget *dialog;

  g_return_if_fail (primary != NULL);

  dialog = create_dialog (parent, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, primary, secondary);
  g_signal_connect (dialog, "response", G_CALLBACK (error_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
stormcut_message_dialog_ask (GtkWindow          *parent,
                             const char         *primary,
                             const char         *secondary,
                             StormcutAnswerFunc  callback,
                             gpointer            user_data,
                             const char         *first_button_label,
                             ...)
{
  GtkWidget *dialog;
  AnswerRequest *request;
  const char *label;
  va_list args;

  g_return_if_fail (primary != NULL);

  dialog = create_dialog (parent, GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, primary, secondary);

  va_start (args, first_button_label);
  for (label = first_button_label; label != NULL; label = va_arg (args, const char *))
    {
      int response = va_arg (args, int);
      GtkWidget *button = gtk_dialog_add_button (GTK_DIALOG (dialog), label, response);

      if (response == GTK_RESPONSE_REJECT)
        gtk_widget_add_css_class (button, "destructive-action");
      else if (response == GTK_RESPONSE_ACCEPT)
        {
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_dialog_set_default_response (GTK_DIALOG (dialog), response);
        }
    }
  va_end (args);

  request = g_new0 (AnswerRequest, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->callback = callback;
  request->user_data = user_data;

  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), request);
  gtk_window_present (GTK_WINDOW (dialog));
}
