/* stormcut-cli-private.h: the command table and shared helpers of stormcut-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * stormcut-cli is a dispatcher over a table of subcommands.  Each subcommand is one
 * StormcutCliCommand: a name, the words shown in its usage line, a one-line summary and a
 * run function that parses its own options with a GOptionContext and returns an exit status.
 *
 * Adding a subcommand (for example "services" in app/stormcut-cli-services.c):
 *   1. in the new file, write the run function and define the command:
 *        const StormcutCliCommand stormcut_cli_command_services = {
 *          "services", N_("FILE"), N_("List the candidate microservices"), NULL, run_services,
 *        };
 *   2. declare it below, next to the others:
 *        extern const StormcutCliCommand stormcut_cli_command_services;
 *   3. add &stormcut_cli_command_services to the table in stormcut-cli.c (its position is the
 *      order in "stormcut-cli --help");
 *   4. add the file to cli_sources in app/meson.build and to po/POTFILES.
 * Adding an export format ("stormcut-cli export --format dot [--what context-map]"):
 *   1. define a StormcutCliExportFormat (below) in your own file, e.g. app/stormcut-cli-graph.c;
 *   2. declare it below, next to stormcut_cli_export_format_xml;
 *   3. add its address to export_formats[] in stormcut-cli-xml.c;
 *   4. add the file to cli_sources (and stormcut_export_dep to the executable's dependencies
 *      if it needs the export library) and to po/POTFILES.
 */
#pragma once

#include <stdio.h>

#include <glib.h>
#include <stormcut/stormcut.h>

G_BEGIN_DECLS

/* Exit statuses of every subcommand. */
typedef enum {
  STORMCUT_CLI_EXIT_OK      = 0, /* done */
  STORMCUT_CLI_EXIT_FAILURE = 1, /* the command could not be done, or was refused */
  STORMCUT_CLI_EXIT_USAGE   = 2, /* the command line itself is wrong */
} StormcutCliExit;

typedef struct _StormcutCliCommand StormcutCliCommand;

/* @argv[0] is the subcommand's name; the function owns nothing it is given. */
typedef int (*StormcutCliRunFunc) (const StormcutCliCommand *command,
                                   int                       argc,
                                   char                    **argv);

struct _StormcutCliCommand {
  const char        *name;             /* "add-context": what the user types */
  const char        *parameter_string; /* N_(): positional arguments for the usage line */
  const char        *summary;          /* N_(): one line, shown in "stormcut-cli --help" */
  const char        *description;      /* N_() or NULL: shown after the options in "COMMAND --help" */
  StormcutCliRunFunc run;
};

/* --- the commands (one definition each, in the file named) ----------------------- */
extern const StormcutCliCommand stormcut_cli_command_new;        /* stormcut-cli-edit.c */
extern const StormcutCliCommand stormcut_cli_command_add;        /* stormcut-cli-edit.c */
extern const StormcutCliCommand stormcut_cli_command_link;       /* stormcut-cli-edit.c */
extern const StormcutCliCommand stormcut_cli_command_assign;     /* stormcut-cli-edit.c */
extern const StormcutCliCommand stormcut_cli_command_add_context; /* stormcut-cli-edit.c */
extern const StormcutCliCommand stormcut_cli_command_list;       /* stormcut-cli-query.c */
extern const StormcutCliCommand stormcut_cli_command_check;      /* stormcut-cli-query.c */
extern const StormcutCliCommand stormcut_cli_command_import;     /* stormcut-cli-xml.c */
extern const StormcutCliCommand stormcut_cli_command_export;     /* stormcut-cli-xml.c */
extern const StormcutCliCommand stormcut_cli_command_services;   /* stormcut-cli-analysis.c */
extern const StormcutCliCommand stormcut_cli_command_fp;         /* stormcut-cli-analysis.c */
extern const StormcutCliCommand stormcut_cli_command_diagnose;   /* stormcut-cli-analysis.c */

/* --- export formats ------------------------------------------------------------- */

/* One format of "stormcut-cli export --format NAME".  @whats lists what "--what" may select
 * (NULL-terminated), or is NULL when the format exports the whole model; @write gets the
 * --what value, or NULL when none was given (the format then picks its default). */
typedef struct {
  const char         *name;     /* "xml": what --format takes */
  const char         *summary;  /* N_(): one line in "export --help" */
  const char * const *whats;
  GBytes           *(*write) (StormcutModel  *model,
                              const char     *what,
                              GError        **error);
} StormcutCliExportFormat;

extern const StormcutCliExportFormat stormcut_cli_export_format_xml; /* stormcut-cli-xml.c */
extern const StormcutCliExportFormat stormcut_cli_export_format_dot; /* stormcut-cli-export.c */
extern const StormcutCliExportFormat stormcut_cli_export_format_svg; /* stormcut-cli-export.c */
extern const StormcutCliExportFormat stormcut_cli_export_format_png; /* stormcut-cli-export.c */
extern const StormcutCliExportFormat stormcut_cli_export_format_pdf; /* stormcut-cli-export.c */
extern const StormcutCliExportFormat stormcut_cli_export_format_csv; /* stormcut-cli-export.c */
extern const StormcutCliExportFormat stormcut_cli_export_format_xls; /* stormcut-cli-export.c */

/* --- helpers for subcommands (stormcut-cli.c) -------------------------------------- */

/* Parses the options of @command with @entries (may be NULL) and leaves the positional
 * arguments in @argv[1..].  "--help" prints the help and exits with status 0.  Returns FALSE
 * after printing the problem; the caller then returns STORMCUT_CLI_EXIT_USAGE. */
gboolean        stormcut_cli_parse_options         (const StormcutCliCommand *command,
                                                    const GOptionEntry       *entries,
                                                    int                      *argc,
                                                    char                   ***argv);
/* TRUE when between @min and @max positional arguments are left after parsing; otherwise
 * prints what is wrong and returns FALSE (the caller returns STORMCUT_CLI_EXIT_USAGE). */
gboolean        stormcut_cli_expect_arguments      (const StormcutCliCommand *command,
                                                    int                       argc,
                                                    int                       min,
                                                    int                       max);
/* Prints "stormcut-cli: <message>" and a hint to the command's help on stderr; returns
 * STORMCUT_CLI_EXIT_USAGE. */
int             stormcut_cli_usage_error           (const StormcutCliCommand *command,
                                                    const char               *format,
                                                    ...) G_GNUC_PRINTF (2, 3);
/* Prints "stormcut-cli: <message>" on stderr; returns STORMCUT_CLI_EXIT_FAILURE. */
int             stormcut_cli_fail                  (const char *format,
                                                    ...) G_GNUC_PRINTF (1, 2);
int             stormcut_cli_fail_with_error       (const GError *error);

/* Opens a .stormcut document; prints the error and returns NULL when it cannot. */
StormcutModel  *stormcut_cli_open_model            (const char *path);
/* The same for commands that only read the document. */
StormcutModel  *stormcut_cli_open_model_for_reading (const char *path);
/* A command-line argument as UTF-8 (arguments come in the locale's encoding); prints the
 * error and returns NULL when it cannot be converted. */
char           *stormcut_cli_argument_to_utf8      (const char *argument);

/* The element or context that @key names (id, code name or display name); prints an error
 * that tells the user how to find the right one and returns NULL when there is none. */
const StormcutElement *stormcut_cli_lookup_element (StormcutModel *model,
                                                    const char    *path,
                                                    const char    *key);
const StormcutContext *stormcut_cli_lookup_context (StormcutModel *model,
                                                    const char    *path,
                                                    const char    *key);

/* Columns on a terminal that @text takes (wide East Asian characters count two). */
gsize           stormcut_cli_display_width         (const char *text);
/* Prints @rows (a GPtrArray of GStrv, the first row being the header) as a table whose
 * columns are aligned by display width, separated by two spaces. */
void            stormcut_cli_print_table           (GPtrArray *rows);

G_END_DECLS
