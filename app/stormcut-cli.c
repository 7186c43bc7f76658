/* stormcut-cli.c: the headless command-line tool over the Stormcut model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * main() sets up gettext and hands the command line to one of the subcommands of
 * commands[] below; see stormcut-cli-private.h for how to add one.
 */
#include <locale.h>
#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "stormcut-cli-private.h"

#define CLI_NAME "stormcut-cli"

/* Every subcommand, in the order "stormcut-cli --help" lists them. */
static const StormcutCliCommand *const commands[] = {
  &stormcut_cli_command_new,
  &stormcut_cli_command_import,
  &stormcut_cli_command_export,
  &stormcut_cli_command_add,
  &stormcut_cli_command_link,
  &stormcut_cli_command_assign,
  &stormcut_cli_command_add_context,
  &stormcut_cli_command_list,
  &stormcut_cli_command_check,
  &stormcut_cli_command_services,
  &stormcut_cli_command_fp,
  &stormcut_cli_command_diagnose,
};

static const StormcutCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i]->name, name))
        return commands[i];
    }
  return NULL;
}

static void
print_padded (GString    *out,
              const char *text,
              gsize       width)
{
  gsize text_width = stormcut_cli_display_width (text);

  g_string_append (out, text);
  for (gsize i = text_width; i < width; i++)
    g_string_append_c (out, ' ');
}

static char *
build_help (void)
{
  GString *out = g_string_new (NULL);
  gsize name_width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    name_width = MAX (name_width, strlen (commands[i]->name));

  g_string_append_printf (out, "%s\n  %s %s\n\n", _("Usage:"), CLI_NAME, _("COMMAND [OPTION…] [ARGUMENT…]"));
  g_string_append_printf (out, "%s\n\n", _("Edit, check and convert Stormcut event-storming models."));
  g_string_append_printf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_string_append (out, "  ");
      print_padded (out, commands[i]->name, name_width + 2);
      g_string_append_printf (out, "%s\n", _(commands[i]->summary));
    }
  g_string_append_printf (out, "\n%s\n", _("Options:"));
  g_string_append (out, "  ");
  print_padded (out, "-h, --help", 12);
  g_string_append_printf (out, "%s\n", _("Show this help"));
  g_string_append (out, "  ");
  print_padded (out, "--version", 12);
  g_string_append_printf (out, "%s\n\n", _("Show the version"));
  g_string_append_printf (out, _("Run “%s COMMAND --help” for the options and arguments of a command."), CLI_NAME);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

static int
run_command (const StormcutCliCommand *command,
             int                       argc,
             char                    **argv)
{
  g_autofree char *prgname = g_strdup_printf ("%s %s", CLI_NAME, command->name);

  /* GOptionContext puts the program name into the usage line: "stormcut-cli add [OPTION…] FILE". */
  g_set_prgname (prgname);
  return command->run (command, argc, argv);
}

static void
setup_gettext (void)
{
  const char *localedir = g_getenv ("STORMCUT_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Tests point this at the build tree's compiled catalogue. */
  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* --- helpers for subcommands ------------------------------------------------------ */

static void
print_message (const char *message)
{
  g_printerr ("%s: %s\n", CLI_NAME, message);
}

static void
print_help_hint (const StormcutCliCommand *command)
{
  g_autofree char *call = command != NULL ? g_strdup_printf ("%s %s --help", CLI_NAME, command->name)
                                          : g_strdup_printf ("%s --help", CLI_NAME);
  g_autofree char *hint = g_strdup_printf (_("Run “%s” for help."), call);

  g_printerr ("%s\n", hint);
}

int
stormcut_cli_usage_error (const StormcutCliCommand *command,
                          const char               *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_message (message);
  print_help_hint (command);
  return STORMCUT_CLI_EXIT_USAGE;
}

int
stormcut_cli_fail (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_message (message);
  return STORMCUT_CLI_EXIT_FAILURE;
}

int
stormcut_cli_fail_with_error (const GError *error)
{
  print_message (error != NULL ? error->message : _("Unknown error."));
  return STORMCUT_CLI_EXIT_FAILURE;
}

gboolean
stormcut_cli_parse_options (const StormcutCliCommand *command,
                            const GOptionEntry       *entries,
                            int                      *argc,
                            char                   ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (command->parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  if (command->description != NULL)
    g_option_context_set_description (context, command->description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      stormcut_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
stormcut_cli_expect_arguments (const StormcutCliCommand *command,
                               int                       argc,
                               int                       min,
                               int                       max)
{
  int given = argc - 1;

  if (given < min)
    {
      stormcut_cli_usage_error (command, _("Missing arguments: expected %s."), _(command->parameter_string));
      return FALSE;
    }
  if (given > max)
    {
      stormcut_cli_usage_error (command, _("Too many arguments: expected %s."), _(command->parameter_string));
      return FALSE;
    }
  return TRUE;
}

StormcutModel *
stormcut_cli_open_model (const char *path)
{
  g_autoptr(GError) error = NULL;
  StormcutModel *model = stormcut_model_open (path, &error);

  if (model == NULL)
    stormcut_cli_fail_with_error (error);
  return model;
}

StormcutModel *
stormcut_cli_open_model_for_reading (const char *path)
{
  g_autoptr(GError) error = NULL;
  StormcutModel *model = stormcut_model_open_for_reading (path, &error);

  if (model == NULL)
    stormcut_cli_fail_with_error (error);
  return model;
}

char *
stormcut_cli_argument_to_utf8 (const char *argument)
{
  g_autoptr(GError) error = NULL;
  char *utf8;

  if (g_get_charset (NULL))
    {
      if (g_utf8_validate (argument, -1, NULL))
        return g_strdup (argument);
      stormcut_cli_fail (_("The argument “%s” is not valid UTF-8."), argument);
      return NULL;
    }
  utf8 = g_locale_to_utf8 (argument, -1, NULL, NULL, &error);
  if (utf8 == NULL)
    stormcut_cli_fail (_("The argument “%s” cannot be read in the current locale: %s"), argument, error->message);
  return utf8;
}

const StormcutElement *
stormcut_cli_lookup_element (StormcutModel *model,
                             const char    *path,
                             const char    *key)
{
  const StormcutElement *element = stormcut_model_lookup_element (model, key);

  if (element == NULL)
    stormcut_cli_fail (_("%s has no sticky with the id, code name or name “%s”. "
                         "Run “%s list %s” to see the stickies."),
                       path, key, CLI_NAME, path);
  return element;
}

const StormcutContext *
stormcut_cli_lookup_context (StormcutModel *model,
                             const char    *path,
                             const char    *key)
{
  const StormcutContext *context = stormcut_model_lookup_context (model, key);

  if (context == NULL)
    stormcut_cli_fail (_("%s has no bounded context with the id, code name or name “%s”. "
                         "Run “%s list --contexts %s” to see the contexts."),
                       path, key, CLI_NAME, path);
  return context;
}

gsize
stormcut_cli_display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;
      width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

void
stormcut_cli_print_table (GPtrArray *rows)
{
  g_autoptr(GArray) widths = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      for (guint c = 0; row[c] != NULL; c++)
        {
          gsize width = stormcut_cli_display_width (row[c]);

          if (c >= widths->len)
            g_array_set_size (widths, c + 1);
          g_array_index (widths, gsize, c) = MAX (g_array_index (widths, gsize, c), width);
        }
    }

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv row = g_ptr_array_index (rows, r);

      g_string_truncate (out, 0);
      for (guint c = 0; row[c] != NULL; c++)
        {
          if (c > 0)
            g_string_append (out, "  ");
          if (row[c + 1] != NULL)
            print_padded (out, row[c], g_array_index (widths, gsize, c));
          else
            g_string_append (out, row[c]);
        }
      /* An empty last cell would leave the padding of the one before it. */
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_print ("%s\n", out->str);
    }
}

/* --- main ------------------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  const StormcutCliCommand *command;
  const char *first;

  setup_gettext ();

  if (argc < 2)
    {
      g_set_prgname (CLI_NAME);
      return stormcut_cli_usage_error (NULL, _("No command given."));
    }

  first = argv[1];
  if (g_str_equal (first, "--help") || g_str_equal (first, "-h") || g_str_equal (first, "-?") ||
      (g_str_equal (first, "help") && argc == 2))
    {
      g_autofree char *help = build_help ();

      g_print ("%s", help);
      return STORMCUT_CLI_EXIT_OK;
    }
  if (g_str_equal (first, "--version"))
    {
      g_print ("%s %s\n", CLI_NAME, STORMCUT_VERSION);
      return STORMCUT_CLI_EXIT_OK;
    }
  if (g_str_equal (first, "help"))
    {
      /* "stormcut-cli help add" is "stormcut-cli add --help". */
      char *help_argv[] = { argv[2], (char *) "--help", NULL };

      command = find_command (argv[2]);
      if (command == NULL)
        return stormcut_cli_usage_error (NULL, _("Unknown command “%s”."), argv[2]);
      return run_command (command, 2, help_argv);
    }

  command = find_command (first);
  if (command == NULL)
    {
      if (first[0] == '-')
        return stormcut_cli_usage_error (NULL, _("Unknown option “%s”; give a command first."), first);
      return stormcut_cli_usage_error (NULL, _("Unknown command “%s”."), first);
    }
  return run_command (command, argc - 1, argv + 1);
}
