/* stormcut-cli-export.c: the diagram and function-point formats of "stormcut-cli export"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   stormcut-cli export --format dot|svg|png|pdf --what flow|context-map|services FILE -o OUT
 *   stormcut-cli export --format csv|xls --what fp FILE -o OUT
 *
 * Without --what a diagram format draws the event flow and a table format writes the
 * function points.  The writers are those of the export library (stormcut-export.h).
 */
#include <glib/gi18n.h>

#include <stormcut/stormcut-export.h>

#include "stormcut-cli-private.h"

static const char * const diagram_whats[] = { "flow", "context-map", "services", NULL };
static const char * const table_whats[] = { "fp", NULL };

static GBytes *
write_export (StormcutFormat   format,
              StormcutModel   *model,
              const char      *what_name,
              GError         **error)
{
  StormcutExportWhat what;

  if (what_name == NULL)
    what = stormcut_export_supports (STORMCUT_EXPORT_FLOW, format) ? STORMCUT_EXPORT_FLOW : STORMCUT_EXPORT_FP;
  else if (!stormcut_export_what_from_string (what_name, &what))
    {
      /* export --what has been checked against the format's list already. */
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_UNSUPPORTED,
                   _("Unknown export “%s”."), what_name);
      return NULL;
    }

  return stormcut_export_to_bytes (model, what, format, error);
}

static GBytes *
write_dot (StormcutModel *model, const char *what, GError **error)
{
  return write_export (STORMCUT_FORMAT_DOT, model, what, error);
}

static GBytes *
write_svg (StormcutModel *model, const char *what, GError **error)
{
  return write_export (STORMCUT_FORMAT_SVG, model, what, error);
}

static GBytes *
write_png (StormcutModel *model, const char *what, GError **error)
{
  return write_export (STORMCUT_FORMAT_PNG, model, what, error);
}

static GBytes *
write_pdf (StormcutModel *model, const char *what, GError **error)
{
  return write_export (STORMCUT_FORMAT_PDF, model, what, error);
}

static GBytes *
write_csv (StormcutModel *model, const char *what, GError **error)
{
  return write_export (STORMCUT_FORMAT_CSV, model, what, error);
}

static GBytes *
write_xls (StormcutModel *model, const char *what, GError **error)
{
  return write_export (STORMCUT_FORMAT_XLS, model, what, error);
}

const StormcutCliExportFormat stormcut_cli_export_format_dot = {
  "dot", N_("Graphviz DOT source of a diagram (default --what: flow)"), diagram_whats, write_dot,
};

const StormcutCliExportFormat stormcut_cli_export_format_svg = {
  "svg", N_("SVG image of a diagram (default --what: flow)"), diagram_whats, write_svg,
};

const StormcutCliExportFormat stormcut_cli_export_format_png = {
  "png", N_("PNG image of a diagram (default --what: flow)"), diagram_whats, write_png,
};

const StormcutCliExportFormat stormcut_cli_export_format_pdf = {
  "pdf", N_("PDF of a diagram (default --what: flow)"), diagram_whats, write_pdf,
};

const StormcutCliExportFormat stormcut_cli_export_format_csv = {
  "csv", N_("function-point rows as CSV for Excel (UTF-8 with BOM)"), table_whats, write_csv,
};

const StormcutCliExportFormat stormcut_cli_export_format_xls = {
  "xls", N_("function points, summary and cost sheet as an Excel workbook (XML Spreadsheet 2003)"),
  table_whats, write_xls,
};
