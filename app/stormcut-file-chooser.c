/* stormcut-file-chooser.c: the one place that asks the user for a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-file-chooser.h"

typedef struct {
  GtkWindow              *parent;   /* owned reference */
  StormcutFileChosenFunc  callback;
  gpointer                user_data;
} ChooserRequest;

static void
chooser_request_free (ChooserRequest *request)
{
  g_clear_object (&request->parent);
  g_free (request);
}

static void
add_filters (GtkFileChooser *chooser, StormcutFileFilters filters)
{
  if (filters & STORMCUT_FILE_FILTER_BOARD)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Stormcut boards"));
      gtk_file_filter_add_mime_type (filter, "application/x-stormcut");
      gtk_file_filter_add_suffix (filter, "stormcut");
      gtk_file_chooser_add_filter (chooser, filter);
    }
  if (filters & STORMCUT_FILE_FILTER_XML)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Model XML"));
      gtk_file_filter_add_suffix (filter, "xml");
      gtk_file_chooser_add_filter (chooser, filter);
    }
  if ((filters & STORMCUT_FILE_FILTER_BOARD) && (filters & STORMCUT_FILE_FILTER_XML))
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Boards and model XML"));
      gtk_file_filter_add_mime_type (filter, "application/x-stormcut");
      gtk_file_filter_add_suffix (filter, "stormcut");
      gtk_file_filter_add_suffix (filter, "xml");
      gtk_file_chooser_add_filter (chooser, filter);
      gtk_file_chooser_set_filter (chooser, filter);
    }
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  ChooserRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        request->callback (request->parent, file, request->user_data);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  chooser_request_free (request);
}

static void
run_chooser (GtkWindow              *parent,
             const char             *title,
             GtkFileChooserAction    action,
             const char             *accept_label,
             const char             *suggested_name,
             StormcutFileFilters     filters,
             StormcutFileChosenFunc  callback,
             gpointer                user_data)
{
  GtkFileChooserNative *native;
  ChooserRequest *request;

  native = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_filters (GTK_FILE_CHOOSER (native), filters);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);

  request = g_new0 (ChooserRequest, 1);
  request->parent = parent != NULL ? g_object_ref (parent) : NULL;
  request->callback = callback;
  request->user_data = user_data;

  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
stormcut_file_chooser_open (GtkWindow              *parent,
                            const char             *title,
                            StormcutFileFilters     filters,
                            StormcutFileChosenFunc  callback,
                            gpointer                user_data)
{
  g_return_if_fail (callback != NULL);

  run_chooser (parent, title, GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL,
               filters, callback, user_data);
}

void
stormcut_file_chooser_save (GtkWindow              *parent,
                            const char             *title,
                            const char             *suggested_name,
                            StormcutFileFilters     filters,
                            StormcutFileChosenFunc  callback,
                            gpointer                user_data)
{
  g_return_if_fail (callback != NULL);

  run_chooser (parent, title, GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), suggested_name,
               filters, callback, user_data);
}
