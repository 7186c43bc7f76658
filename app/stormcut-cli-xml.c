/* stormcut-cli-xml.c: import and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * import turns a model XML file (docs/model-xml.md) into a new .stormcut document; export
 * writes a document in one of the formats of export_formats[] (see stormcut-cli-private.h
 * for adding one).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "stormcut-cli-private.h"

/* --- import ----------------------------------------------------------------------- */

/* A name next to @path that nothing uses yet, for writing before renaming into place. */
static char *
partial_path_for (const char *path)
{
  for (;;)
    {
      char *partial = g_strdup_printf ("%s.%08x.partial", path, g_random_int ());

      if (!g_file_test (partial, G_FILE_TEST_EXISTS))
        return partial;
      g_free (partial);
    }
}

static int
run_import (const StormcutCliCommand *command,
            int                       argc,
            char                    **argv)
{
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partial = NULL;
  const char *input;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The .stormcut document to write (required)"), N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace the output file if it exists"), NULL },
    { NULL }
  };

  if (!stormcut_cli_parse_options (command, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  input = argv[1];
  if (output == NULL)
    return stormcut_cli_usage_error (command, _("Give the document to write with -o FILE."));

  if (!force && g_file_test (output, G_FILE_TEST_EXISTS))
    return stormcut_cli_fail (_("%s already exists. Use --force to replace it."), output);
  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    return stormcut_cli_fail (_("%s is a directory. Give the path of a .stormcut file with -o."), output);

  model = stormcut_model_read_xml (input, &error);
  if (model == NULL)
    return stormcut_cli_fail_with_error (error);

  /* Write next to the target and rename, so that a failure never leaves half a document
   * and --force never loses the old one before the new one is complete. */
  partial = partial_path_for (output);
  if (!stormcut_model_save_as (model, partial, &error))
    {
      g_unlink (partial);
      return stormcut_cli_fail_with_error (error);
    }
  stormcut_model_close (model);
  if (g_rename (partial, output) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      return stormcut_cli_fail (_("Could not write %s: %s"), output, g_strerror (saved_errno));
    }
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_import = {
  "import", N_("MODEL.xml"), N_("Make a .stormcut document from a model XML file"),
  N_("The XML format is described in docs/model-xml.md. Nothing is written when the file has an error."),
  run_import,
};

/* --- export ----------------------------------------------------------------------- */

static GBytes *
write_xml (StormcutModel  *model,
           const char     *what,
           GError        **error)
{
  return stormcut_model_to_xml (model, error);
}

const StormcutCliExportFormat stormcut_cli_export_format_xml = {
  "xml", N_("the whole model as XML (docs/model-xml.md)"), NULL, write_xml,
};

/* Every format of "export --format", in the order "export --help" lists them; the first
 * is the default. */
static const StormcutCliExportFormat *const export_formats[] = {
  &stormcut_cli_export_format_xml,
  &stormcut_cli_export_format_dot,
  &stormcut_cli_export_format_svg,
  &stormcut_cli_export_format_png,
  &stormcut_cli_export_format_pdf,
  &stormcut_cli_export_format_csv,
  &stormcut_cli_export_format_xls,
};

static const StormcutCliExportFormat *
find_export_format (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      if (g_str_equal (export_formats[i]->name, name))
        return export_formats[i];
    }
  return NULL;
}

static char *
export_format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, export_formats[i]->name);
    }
  return g_string_free (names, FALSE);
}

static char *
joined_whats (const StormcutCliExportFormat *format)
{
  return g_strjoinv (", ", (char **) format->whats);
}

/* The text after the options in "export --help": the formats and what --what selects. */
static char *
export_help (void)
{
  GString *help = g_string_new (_("Formats:"));
  gsize width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    width = MAX (width, strlen (export_formats[i]->name));
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      const StormcutCliExportFormat *format = export_formats[i];

      g_string_append_printf (help, "\n  %-*s  %s", (int) width, format->name, _(format->summary));
      if (format->whats != NULL)
        {
          g_autofree char *whats = joined_whats (format);
          g_string_append_printf (help, "\n  %-*s  ", (int) width, "");
          g_string_append_printf (help, _("--what: %s"), whats);
        }
    }
  return g_string_free (help, FALSE);
}

static gboolean
write_to_stdout (GBytes  *bytes,
                 GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if ((size > 0 && fwrite (data, 1, size, stdout) != size) || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write to the standard output: %s"), g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static int
run_export (const StormcutCliCommand *command,
            int                       argc,
            char                    **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *output = NULL;
  g_autofree char *help = export_help ();
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const StormcutCliExportFormat *format = export_formats[0];
  StormcutCliCommand with_help = *command;
  const char *path;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Output format (default: xml)"), N_("FORMAT") },
    { "what", 0, 0, G_OPTION_ARG_STRING, &what, N_("Part of the model to export, for formats that have parts"), N_("WHAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file instead of the standard output"), N_("FILE") },
    { NULL }
  };

  /* The list of formats is built from export_formats[]. */
  with_help.description = help;
  if (!stormcut_cli_parse_options (&with_help, entries, &argc, &argv) ||
      !stormcut_cli_expect_arguments (command, argc, 1, 1))
    return STORMCUT_CLI_EXIT_USAGE;
  path = argv[1];

  if (format_name != NULL && (format = find_export_format (format_name)) == NULL)
    {
      g_autofree char *names = export_format_names ();
      return stormcut_cli_usage_error (command, _("Unknown format “%s”. Use one of %s."), format_name, names);
    }
  if (what != NULL && format->whats == NULL)
    return stormcut_cli_usage_error (command, _("The format “%s” has no parts to choose with --what."), format->name);
  if (what != NULL && !g_strv_contains (format->whats, what))
    {
      g_autofree char *whats = joined_whats (format);
      return stormcut_cli_usage_error (command, _("The format “%s” cannot export “%s”. Use --what with one of %s."),
                                       format->name, what, whats);
    }

  model = stormcut_cli_open_model_for_reading (path);
  if (model == NULL)
    return STORMCUT_CLI_EXIT_FAILURE;

  bytes = format->write (model, what, &error);
  if (bytes == NULL)
    return stormcut_cli_fail_with_error (error);

  if (output == NULL || g_str_equal (output, "-"))
    {
      if (!write_to_stdout (bytes, &error))
        return stormcut_cli_fail_with_error (error);
    }
  else
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      if (!g_file_set_contents (output, data, size, &error))
        return stormcut_cli_fail_with_error (error);
    }
  return STORMCUT_CLI_EXIT_OK;
}

const StormcutCliCommand stormcut_cli_command_export = {
  "export", N_("FILE"), N_("Write a document in another format"),
  NULL, /* built by export_help() */
  run_export,
};
