/* stormcut-application.c: the Stormcut desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "stormcut-application.h"
#include "stormcut-file-chooser.h"
#include "stormcut-window.h"

struct _StormcutApplication
{
  GtkApplication  parent_instance;

  /* owned references */
  GSettings      *settings;       /* NULL when the schema is not installed */
  GMenu          *recent_menu;

  gint64          start_time;     /* monotonic, when the application object was made */
  gboolean        benchmark_first_frame;
  gboolean        first_frame_reported;
};

G_DEFINE_FINAL_TYPE (StormcutApplication, stormcut_application, GTK_TYPE_APPLICATION)

static const char *authors[] = {
  "The Stormcut developers",
  NULL,
};

/* --- helpers ------------------------------------------------------------------------------ */

static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, STORMCUT_APP_ID, TRUE);

#ifdef STORMCUT_BUILD_SCHEMA_DIR
  /* Not installed: a run from the build tree finds the schema compiled there. */
  if (schema == NULL)
    {
      g_autoptr(GSettingsSchemaSource) build_source =
        g_settings_schema_source_new_from_directory (STORMCUT_BUILD_SCHEMA_DIR, source, FALSE, NULL);

      if (build_source != NULL)
        schema = g_settings_schema_source_lookup (build_source, STORMCUT_APP_ID, FALSE);
    }
#endif

  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: window size and recent files are not kept.",
                 STORMCUT_APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
rebuild_recent_menu (StormcutApplication *self)
{
  g_auto(GStrv) paths = NULL;
  guint n_items = 0;

  g_menu_remove_all (self->recent_menu);
  if (self->settings == NULL)
    return;

  paths = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; paths[i] != NULL && n_items < STORMCUT_MAX_RECENT_FILES; i++)
    {
      g_autofree char *basename = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!g_file_test (paths[i], G_FILE_TEST_IS_REGULAR))
        continue;
      basename = g_path_get_basename (paths[i]);
      item = g_menu_item_new (basename, NULL);
      g_menu_item_set_action_and_target_value (item, "app.open-recent", g_variant_new_string (paths[i]));
      g_menu_append_item (self->recent_menu, item);
      n_items++;
    }

  if (n_items == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Boards"), "app.no-recent");
      g_menu_append_item (self->recent_menu, item);
    }
}

static void
recent_files_changed_cb (GSettings           *settings,
                         const char          *key,
                         StormcutApplication *self)
{
  rebuild_recent_menu (self);
}

static void
after_paint_cb (GdkFrameClock       *clock,
                StormcutApplication *self)
{
  double elapsed_ms;

  if (self->first_frame_reported)
    return;
  self->first_frame_reported = TRUE;

  elapsed_ms = (g_get_monotonic_time () - self->start_time) / 1000.0;
  g_print ("first-frame-ms: %.1f\n", elapsed_ms);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  g_application_quit (G_APPLICATION (self));
}

static void
window_map_cb (GtkWidget           *window,
               StormcutApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock != NULL)
    g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), self);
}

static StormcutWindow *
create_window (StormcutApplication *self)
{
  StormcutWindow *window = stormcut_window_new (self);

  if (self->benchmark_first_frame)
    g_signal_connect_after (window, "map", G_CALLBACK (window_map_cb), self);
  return window;
}

/* The window to show @file in: the one showing it already, else a pristine one, else a new one. */
static StormcutWindow *
find_window_for (StormcutApplication *self,
                 const char          *path,
                 gboolean            *already_open)
{
  *already_open = FALSE;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      StormcutWindow *window;
      const char *window_path;

      if (!STORMCUT_IS_WINDOW (l->data))
        continue;
      window = l->data;
      window_path = stormcut_model_get_path (stormcut_window_get_model (window));
      if (path != NULL && window_path != NULL && g_strcmp0 (window_path, path) == 0)
        {
          *already_open = TRUE;
          return window;
        }
    }

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (STORMCUT_IS_WINDOW (l->data) && stormcut_window_is_pristine (l->data))
      return l->data;

  return create_window (self);
}

/* --- actions ------------------------------------------------------------------------------- */

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  stormcut_application_new_window (user_data);
}

static void
open_chosen_cb (GtkWindow *parent,
                GFile     *file,
                gpointer   user_data)
{
  stormcut_application_open_file (user_data, file);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StormcutApplication *self = user_data;

  stormcut_file_chooser_open (gtk_application_get_active_window (GTK_APPLICATION (self)),
                              _("Open Board"),
                              STORMCUT_FILE_FILTER_BOARD | STORMCUT_FILE_FILTER_XML,
                              open_chosen_cb, self);
}

static void
import_xml_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  StormcutApplication *self = user_data;

  stormcut_file_chooser_open (gtk_application_get_active_window (GTK_APPLICATION (self)),
                              _("Import Model XML"),
                              STORMCUT_FILE_FILTER_XML,
                              open_chosen_cb, self);
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (parameter, NULL));

  stormcut_application_open_file (user_data, file);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  StormcutApplication *self = user_data;

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", "Stormcut",
                         "logo-icon-name", STORMCUT_APP_ID,
                         "version", STORMCUT_VERSION,
                         "comments", _("Event storming board for domain-driven design"),
                         "copyright", "© 2026 The Stormcut developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  StormcutApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved board. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static const GActionEntry app_actions[] = {
  { .name = "new", .activate = new_activated },
  { .name = "open", .activate = open_activated },
  { .name = "import-xml", .activate = import_xml_activated },
  { .name = "open-recent", .activate = open_recent_activated, .parameter_type = "s" },
  { .name = "about", .activate = about_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "no-recent" },
};

static const struct {
  const char *action;
  const char *accels[4];
} app_accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.show-sidebar", { "F9", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "win.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "win.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
  { "win.zoom-fit", { "<Control>9", NULL } },
};

/* --- GApplication ----------------------------------------------------------------------------- */

static int
stormcut_application_handle_local_options (GApplication *application,
                                           GVariantDict *options)
{
  StormcutApplication *self = STORMCUT_APPLICATION (application);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("stormcut %s\n", STORMCUT_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "benchmark-first-frame"))
    {
      /* A benchmark run is its own instance, never handed to a running one. */
      self->benchmark_first_frame = TRUE;
      g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);
    }

  return -1;
}

static void
stormcut_application_startup (GApplication *application)
{
  StormcutApplication *self = STORMCUT_APPLICATION (application);
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  G_APPLICATION_CLASS (stormcut_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  /* The "No Recent Boards" placeholder: a disabled action shows it greyed out, where a
   * missing one would hide it (and with it the whole submenu). */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "no-recent")), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), app_accels[i].action, app_accels[i].accels);

  gtk_css_provider_load_from_resource (provider, "/org/stormcut/Stormcut/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  gtk_window_set_default_icon_name (STORMCUT_APP_ID);

  self->settings = create_settings ();
  if (self->settings != NULL)
    g_signal_connect (self->settings, "changed::recent-files", G_CALLBACK (recent_files_changed_cb), self);
  rebuild_recent_menu (self);
}

static void
stormcut_application_activate (GApplication *application)
{
  StormcutApplication *self = STORMCUT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (create_window (self));
  gtk_window_present (window);
}

static void
stormcut_application_open (GApplication  *application,
                           GFile        **files,
                           int            n_files,
                           const char    *hint)
{
  StormcutApplication *self = STORMCUT_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    stormcut_application_open_file (self, files[i]);
}

static void
stormcut_application_dispose (GObject *object)
{
  StormcutApplication *self = STORMCUT_APPLICATION (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (stormcut_application_parent_class)->dispose (object);
}

static void
stormcut_application_class_init (StormcutApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = stormcut_application_dispose;
  application_class->handle_local_options = stormcut_application_handle_local_options;
  application_class->startup = stormcut_application_startup;
  application_class->activate = stormcut_application_activate;
  application_class->open = stormcut_application_open;
}

static void
stormcut_application_init (StormcutApplication *self)
{
  const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { "benchmark-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      "Print the time from start to the first frame drawn, then quit", NULL },
    { NULL }
  };

  self->start_time = g_get_monotonic_time ();
  self->recent_menu = g_menu_new ();

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Open Stormcut boards (.stormcut) or model XML files."));
}

/* --- public API ------------------------------------------------------------------------------ */

StormcutApplication *
stormcut_application_new (void)
{
  return g_object_new (STORMCUT_TYPE_APPLICATION,
                       "application-id", STORMCUT_APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/stormcut/Stormcut",
                       NULL);
}

GSettings *
stormcut_application_get_settings (StormcutApplication *self)
{
  g_return_val_if_fail (STORMCUT_IS_APPLICATION (self), NULL);

  return self->settings;
}

GtkWindow *
stormcut_application_open_file (StormcutApplication *self,
                                GFile               *file)
{
  g_autofree char *path = NULL;
  StormcutWindow *window;
  gboolean already_open;

  g_return_val_if_fail (STORMCUT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  window = find_window_for (self, path, &already_open);
  if (!already_open)
    stormcut_window_load_file (window, file, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

GtkWindow *
stormcut_application_new_window (StormcutApplication *self)
{
  StormcutWindow *window;

  g_return_val_if_fail (STORMCUT_IS_APPLICATION (self), NULL);

  window = create_window (self);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

void
stormcut_application_add_recent_file (StormcutApplication *self,
                                      const char          *path)
{
  g_auto(GStrv) old_paths = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) new_paths = NULL;
  guint n = 1;

  g_return_if_fail (STORMCUT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (self->settings == NULL)
    return;

  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, path);
  old_paths = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; old_paths[i] != NULL && n < STORMCUT_MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old_paths[i], path) == 0)
        continue;
      g_strv_builder_add (builder, old_paths[i]);
      n++;
    }
  new_paths = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) new_paths);
}

GMenuModel *
stormcut_application_get_recent_menu (StormcutApplication *self)
{
  g_return_val_if_fail (STORMCUT_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}
