/* stormcut-export.c: what can be exported in which format, and where it goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>

#include "stormcut-export-private.h"

G_DEFINE_QUARK (stormcut-export-error-quark, stormcut_export_error)

static const char * const what_names[STORMCUT_N_EXPORTS] = {
  [STORMCUT_EXPORT_FLOW] = "flow",
  [STORMCUT_EXPORT_CONTEXT_MAP] = "context-map",
  [STORMCUT_EXPORT_SERVICES] = "services",
  [STORMCUT_EXPORT_FP] = "fp",
};

static const char * const what_labels[STORMCUT_N_EXPORTS] = {
  [STORMCUT_EXPORT_FLOW] = N_("Event flow"),
  [STORMCUT_EXPORT_CONTEXT_MAP] = N_("Context map"),
  [STORMCUT_EXPORT_SERVICES] = N_("Service map"),
  [STORMCUT_EXPORT_FP] = N_("Function points"),
};

typedef struct {
  const char *name;
  const char *label;
  const char *extension;
  const char *mime_type;
} FormatInfo;

static const FormatInfo formats[STORMCUT_N_FORMATS] = {
  [STORMCUT_FORMAT_DOT] = { "dot", N_("Graphviz DOT source"), "dot", "text/vnd.graphviz" },
  [STORMCUT_FORMAT_SVG] = { "svg", N_("SVG image"), "svg", "image/svg+xml" },
  [STORMCUT_FORMAT_PNG] = { "png", N_("PNG image"), "png", "image/png" },
  [STORMCUT_FORMAT_PDF] = { "pdf", N_("PDF document"), "pdf", "application/pdf" },
  [STORMCUT_FORMAT_CSV] = { "csv", N_("CSV table (Excel, UTF-8)"), "csv", "text/csv" },
  [STORMCUT_FORMAT_XLS] = { "xls", N_("Excel workbook (XML Spreadsheet 2003)"), "xml", "application/vnd.ms-excel" },
};

const char *
stormcut_export_what_to_string (StormcutExportWhat what)
{
  g_return_val_if_fail (what < STORMCUT_N_EXPORTS, NULL);

  return what_names[what];
}

gboolean
stormcut_export_what_from_string (const char        *str,
                                  StormcutExportWhat *out_what)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < STORMCUT_N_EXPORTS; i++)
    {
      if (g_str_equal (str, what_names[i]))
        {
          if (out_what != NULL)
            *out_what = (StormcutExportWhat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
stormcut_export_what_get_label (StormcutExportWhat what)
{
  g_return_val_if_fail (what < STORMCUT_N_EXPORTS, NULL);

  return _(what_labels[what]);
}

gboolean
stormcut_export_what_is_diagram (StormcutExportWhat what)
{
  return what == STORMCUT_EXPORT_FLOW
         || what == STORMCUT_EXPORT_CONTEXT_MAP
         || what == STORMCUT_EXPORT_SERVICES;
}

const char *
stormcut_format_to_string (StormcutFormat format)
{
  g_return_val_if_fail (format < STORMCUT_N_FORMATS, NULL);

  return formats[format].name;
}

gboolean
stormcut_format_from_string (const char     *str,
                             StormcutFormat *out_format)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < STORMCUT_N_FORMATS; i++)
    {
      if (g_ascii_strcasecmp (str, formats[i].name) == 0)
        {
          if (out_format != NULL)
            *out_format = (StormcutFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
stormcut_format_get_label (StormcutFormat format)
{
  g_return_val_if_fail (format < STORMCUT_N_FORMATS, NULL);

  return _(formats[format].label);
}

const char *
stormcut_format_get_extension (StormcutFormat format)
{
  g_return_val_if_fail (format < STORMCUT_N_FORMATS, NULL);

  return formats[format].extension;
}

const char *
stormcut_format_get_mime_type (StormcutFormat format)
{
  g_return_val_if_fail (format < STORMCUT_N_FORMATS, NULL);

  return formats[format].mime_type;
}

gboolean
stormcut_export_supports (StormcutExportWhat what,
                          StormcutFormat     format)
{
  if (what >= STORMCUT_N_EXPORTS || format >= STORMCUT_N_FORMATS)
    return FALSE;

  if (stormcut_export_what_is_diagram (what))
    return format == STORMCUT_FORMAT_DOT
           || format == STORMCUT_FORMAT_SVG
           || format == STORMCUT_FORMAT_PNG
           || format == STORMCUT_FORMAT_PDF;

  return format == STORMCUT_FORMAT_CSV || format == STORMCUT_FORMAT_XLS;
}

void
stormcut_export_append_html (GString    *out,
                             const char *text)
{
  if (text == NULL)
    return;

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        case '\\':
          /* Graphviz expands \N, \G, \E... in the text of HTML-like labels too (after
           * resolving entities), and reads a doubled backslash as one. */
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "<BR/>");
          break;
        case '\r':
          break;
        case '\t':
          g_string_append_c (out, ' ');
          break;
        default:
          /* Other control characters are not allowed in XML, hence not in an HTML label. */
          if ((guchar) *p >= 0x20 && *p != 0x7f)
            g_string_append_c (out, *p);
          break;
        }
    }
}

/* --- public API -------------------------------------------------------------------- */

GBytes *
stormcut_export_to_bytes (StormcutModel      *model,
                          StormcutExportWhat  what,
                          StormcutFormat      format,
                          GError            **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!stormcut_export_supports (what, format))
    {
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_UNSUPPORTED,
                   /* Translators: e.g. "Function points cannot be exported as PNG image: choose one of CSV, XLS." */
                   _("%s cannot be exported as %s: choose one of %s."),
                   what < STORMCUT_N_EXPORTS ? stormcut_export_what_get_label (what) : "?",
                   format < STORMCUT_N_FORMATS ? stormcut_format_get_label (format) : "?",
                   stormcut_export_what_is_diagram (what) ? "DOT, SVG, PNG, PDF" : "CSV, XLS");
      return NULL;
    }

  if (what == STORMCUT_EXPORT_FP)
    {
      if (format == STORMCUT_FORMAT_CSV)
        return stormcut_export_fp_csv (model, error);
      return stormcut_export_fp_workbook (model, error);
    }

  return stormcut_export_diagram (model, what, format, error);
}

gboolean
stormcut_export_to_stream (StormcutModel      *model,
                           StormcutExportWhat  what,
                           StormcutFormat      format,
                           GOutputStream      *stream,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  const guint8 *data;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  bytes = stormcut_export_to_bytes (model, what, format, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!g_output_stream_write_all (stream, data, size, NULL, cancellable, &local_error))
    {
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_IO,
                   _("Could not write the export: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
stormcut_export_to_file (StormcutModel      *model,
                         StormcutExportWhat  what,
                         StormcutFormat      format,
                         const char         *path,
                         GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = stormcut_export_to_bytes (model, what, format, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, (gssize) size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local_error))
    {
      display = g_filename_display_name (path);
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_IO,
                   _("Could not write “%s”: %s. Check that the folder exists and that you may write to it."),
                   display, local_error->message);
      return FALSE;
    }

  return TRUE;
}
