/* stormcut-export-fp.c: function-point rows and the cost sheet for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two forms:
 *   CSV       one header row and one line per FP row (RFC 4180: CRLF, fields quoted when
 *             they hold a comma, quote or line break), UTF-8 with a byte order mark so that
 *             Excel reads Hangul correctly.  A field that a spreadsheet would run as a formula
 *             (starting with = + - @, their full-width forms, tab or CR) gets a leading
 *             apostrophe.
 *   workbook  XML Spreadsheet 2003 (SpreadsheetML), which Excel and LibreOffice open, with
 *             three sheets: the FP table, the summary per type and per service, and the cost
 *             sheet.  Cells are typed (numbers are numbers); text cells are never formulas in
 *             this format, so they are written as they are.
 *
 * Column headers are translated: the Korean texts are the KOSA template's wording, so a
 * Korean RFP author gets the template's headers and an English reader English ones.
 */
#include <glib/gi18n-lib.h>

#include "stormcut-export-private.h"
#include "stormcut-cost.h"
#include "stormcut-fp.h"

#define COLUMN_CONTEXT "FP table column"

enum {
  COL_APPLICATION,
  COL_SERVICE,
  COL_PROCESS,
  COL_DESCRIPTION,
  COL_TYPE,
  COL_RET_FTR,
  COL_DET,
  COL_COMPLEXITY,
  COL_WEIGHT,
  COL_FP,
  COL_NOTE,
  COL_ELEMENT,
  COL_CONTEXT,
  N_COLUMNS
};

/* The KOSA template's columns, then the traceability columns (DOMAIN.md §5). */
static const char * const column_titles[N_COLUMNS] = {
  [COL_APPLICATION] = NC_("FP table column", "Application"),
  [COL_SERVICE] = NC_("FP table column", "Business function (service)"),
  [COL_PROCESS] = NC_("FP table column", "Unit process"),
  [COL_DESCRIPTION] = NC_("FP table column", "Description"),
  [COL_TYPE] = NC_("FP table column", "FP type"),
  [COL_RET_FTR] = NC_("FP table column", "RET/FTR"),
  [COL_DET] = NC_("FP table column", "DET"),
  [COL_COMPLEXITY] = NC_("FP table column", "Complexity"),
  [COL_WEIGHT] = NC_("FP table column", "Weight"),
  [COL_FP] = NC_("FP table column", "FP"),
  [COL_NOTE] = NC_("FP table column", "Note (rule applied)"),
  [COL_ELEMENT] = NC_("FP table column", "Element ID"),
  [COL_CONTEXT] = NC_("FP table column", "Bounded context"),
};

/* Column widths of the workbook, in points. */
static const int column_widths[N_COLUMNS] = {
  100, 150, 160, 220, 50, 55, 40, 60, 50, 45, 250, 130, 120,
};

static const char *
column_title (guint column)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, COLUMN_CONTEXT, column_titles[column]);
}

/* "85", "7.5": locale-independent, no thousands separators (for cells and CSV). */
static char *
tenths_to_number (gint64 tenths)
{
  gint64 whole = tenths / 10;
  gint64 fraction = ABS (tenths % 10);

  if (fraction == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, whole);
  if (tenths < 0 && whole == 0)
    return g_strdup_printf ("-0.%" G_GINT64_FORMAT, fraction);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, whole, fraction);
}

static char *
int_or_empty (int value)
{
  return value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

static const char *
context_name (StormcutModel *model,
              const char    *context_id)
{
  const StormcutContext *context;

  if (context_id == NULL)
    return "";

  context = stormcut_model_get_context (model, context_id);
  return context != NULL ? context->name : "";
}

/* The cells of one FP row as text, in column order (free with g_strfreev). */
static char **
row_cells (StormcutModel       *model,
           const StormcutFpRow *row)
{
  char **cells = g_new0 (char *, N_COLUMNS + 1);

  cells[COL_APPLICATION] = g_strdup (row->application);
  cells[COL_SERVICE] = g_strdup (row->service);
  cells[COL_PROCESS] = g_strdup (row->process);
  cells[COL_DESCRIPTION] = g_strdup (row->description != NULL ? row->description : "");
  cells[COL_TYPE] = g_strdup (stormcut_fp_type_to_string (row->type));
  cells[COL_RET_FTR] = int_or_empty (row->ret_ftr);
  cells[COL_DET] = int_or_empty (row->det);
  cells[COL_COMPLEXITY] = g_strdup (stormcut_fp_complexity_get_label (row->complexity));
  cells[COL_WEIGHT] = tenths_to_number (row->weight_tenths);
  cells[COL_FP] = tenths_to_number (row->fp_tenths);
  cells[COL_NOTE] = g_strdup (row->note != NULL ? row->note : "");
  cells[COL_ELEMENT] = g_strdup (row->element_id);
  cells[COL_CONTEXT] = g_strdup (context_name (model, row->context_id));

  return cells;
}

static gboolean
column_is_number (guint column)
{
  return column == COL_RET_FTR || column == COL_DET || column == COL_WEIGHT || column == COL_FP;
}

/* --- CSV ----------------------------------------------------------------------------- */

/* TRUE when a spreadsheet would take @text as a formula. */
static gboolean
looks_like_formula (const char *text)
{
  static const gunichar triggers[] = {
    '=', '+', '-', '@', '\t', '\r',
    0xFF1D, 0xFF0B, 0xFF0D, 0xFF20, /* full-width = + - @, which some spreadsheets convert */
  };
  gunichar first;

  if (text[0] == '\0')
    return FALSE;

  first = g_utf8_get_char_validated (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (triggers); i++)
    if (first == triggers[i])
      return TRUE;

  return FALSE;
}

static void
csv_append_field (GString    *out,
                  const char *text)
{
  g_autoptr(GString) field = g_string_new (NULL);

  if (looks_like_formula (text))
    g_string_append_c (field, '\'');
  g_string_append (field, text);

  if (strpbrk (field->str, ",\"\r\n") == NULL)
    {
      g_string_append_len (out, field->str, field->len);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
csv_append_line (GString     *out,
                 const char **fields,
                 guint        n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      csv_append_field (out, fields[i] != NULL ? fields[i] : "");
    }
  g_string_append (out, "\r\n");
}

static GBytes *
write_csv (StormcutModel         *model,
           const StormcutFpTable *table)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  const char *header[N_COLUMNS + 2];
  const char *profile = stormcut_fp_profile_get_label (table->profile);
  const char *method = stormcut_fp_method_get_label (table->method);

  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = column_title (i);
  /* The profile and method name every row, so that the table stays one plain table. */
  header[N_COLUMNS] = C_("FP table column", "Counting profile");
  header[N_COLUMNS + 1] = C_("FP table column", "Counting method");
  csv_append_line (out, header, G_N_ELEMENTS (header));

  for (guint i = 0; i < table->rows->len; i++)
    {
      g_auto(GStrv) cells = row_cells (model, g_ptr_array_index (table->rows, i));
      const char *line[N_COLUMNS + 2];

      for (guint j = 0; j < N_COLUMNS; j++)
        line[j] = cells[j];
      line[N_COLUMNS] = profile;
      line[N_COLUMNS + 1] = method;
      csv_append_line (out, line, G_N_ELEMENTS (line));
    }

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/* --- workbook ------------------------------------------------------------------------ */

typedef struct {
  xmlTextWriter *writer;
  int            status;  /* < 0 once a write failed */
} Book;

static void
check (Book *book,
       int   rc)
{
  if (rc < 0)
    book->status = rc;
}

static void
book_start (Book       *book,
            const char *element)
{
  if (book->status >= 0)
    check (book, xmlTextWriterStartElement (book->writer, BAD_CAST element));
}

static void
book_end (Book *book)
{
  if (book->status >= 0)
    check (book, xmlTextWriterEndElement (book->writer));
}

static void
book_attribute (Book       *book,
                const char *name,
                const char *value)
{
  if (book->status >= 0)
    check (book, xmlTextWriterWriteAttribute (book->writer, BAD_CAST name, BAD_CAST value));
}

static void
book_element (Book       *book,
              const char *element,
              const char *text)
{
  if (book->status >= 0)
    check (book, xmlTextWriterWriteElement (book->writer, BAD_CAST element, BAD_CAST text));
}

/* Text for XML: drops the control characters XML 1.0 does not allow (the model never has
 * them, but the writer must not produce a file Excel refuses). */
static char *
xml_text (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* A cell: @type "String" or "Number" (NULL for an empty cell), @style may be NULL. */
static void
book_cell (Book       *book,
           const char *style,
           const char *type,
           const char *value,
           int         merge_across)
{
  book_start (book, "Cell");
  if (style != NULL)
    book_attribute (book, "ss:StyleID", style);
  if (merge_across > 0)
    {
      g_autofree char *merge = g_strdup_printf ("%d", merge_across);
      book_attribute (book, "ss:MergeAcross", merge);
    }
  if (type != NULL && value != NULL && value[0] != '\0')
    {
      g_autofree char *clean = xml_text (value);

      book_start (book, "Data");
      book_attribute (book, "ss:Type", type);
      if (book->status >= 0)
        check (book, xmlTextWriterWriteString (book->writer, BAD_CAST clean));
      book_end (book);
    }
  book_end (book);
}

static void
book_text (Book       *book,
           const char *style,
           const char *text)
{
  book_cell (book, style, "String", text, 0);
}

static void
book_number (Book       *book,
             const char *style,
             const char *number)
{
  book_cell (book, style, "Number", number, 0);
}

static void
book_won (Book       *book,
          const char *style,
          gint64      won)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, won);

  book_number (book, style, number);
}

static void
book_style (Book       *book,
            const char *id,
            gboolean    bold,
            const char *fill,
            const char *number_format,
            gboolean    wrap,
            gboolean    borders)
{
  book_start (book, "Style");
  book_attribute (book, "ss:ID", id);

  book_start (book, "Alignment");
  book_attribute (book, "ss:Vertical", "Top");
  if (wrap)
    book_attribute (book, "ss:WrapText", "1");
  book_end (book);

  if (borders)
    {
      static const char * const positions[] = { "Bottom", "Left", "Right", "Top" };

      book_start (book, "Borders");
      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          book_start (book, "Border");
          book_attribute (book, "ss:Position", positions[i]);
          book_attribute (book, "ss:LineStyle", "Continuous");
          book_attribute (book, "ss:Weight", "1");
          book_end (book);
        }
      book_end (book);
    }

  if (bold)
    {
      book_start (book, "Font");
      book_attribute (book, "ss:Bold", "1");
      book_end (book);
    }

  if (fill != NULL)
    {
      book_start (book, "Interior");
      book_attribute (book, "ss:Color", fill);
      book_attribute (book, "ss:Pattern", "Solid");
      book_end (book);
    }

  if (number_format != NULL)
    {
      book_start (book, "NumberFormat");
      book_attribute (book, "ss:Format", number_format);
      book_end (book);
    }

  book_end (book);
}

static void
book_styles (Book *book)
{
  book_start (book, "Styles");

  book_start (book, "Style");
  book_attribute (book, "ss:ID", "Default");
  book_attribute (book, "ss:Name", "Normal");
  book_start (book, "Alignment");
  book_attribute (book, "ss:Vertical", "Top");
  book_end (book);
  book_end (book);

  book_start (book, "Style");
  book_attribute (book, "ss:ID", "title");
  book_start (book, "Font");
  book_attribute (book, "ss:Bold", "1");
  book_attribute (book, "ss:Size", "14");
  book_end (book);
  book_end (book);

  book_style (book, "label", TRUE, NULL, NULL, FALSE, FALSE);
  book_style (book, "header", TRUE, "#D9E1F2", NULL, TRUE, TRUE);
  book_style (book, "text", FALSE, NULL, NULL, TRUE, TRUE);
  book_style (book, "int", FALSE, NULL, "#,##0", FALSE, TRUE);
  book_style (book, "fp", FALSE, NULL, "#,##0.0", FALSE, TRUE);
  book_style (book, "won", FALSE, NULL, "#,##0", FALSE, TRUE);
  book_style (book, "factor", FALSE, NULL, "0.0000", FALSE, TRUE);
  book_style (book, "percent", FALSE, NULL, "0.00%", FALSE, TRUE);
  book_style (book, "total", TRUE, "#F2F2F2", NULL, FALSE, TRUE);
  book_style (book, "total-fp", TRUE, "#F2F2F2", "#,##0.0", FALSE, TRUE);
  book_style (book, "total-int", TRUE, "#F2F2F2", "#,##0", FALSE, TRUE);
  book_style (book, "total-won", TRUE, "#F2F2F2", "#,##0", FALSE, TRUE);

  book_end (book);
}

/* @title_row (1-based, 0 for none) is printed at the top of every page. */
static void
book_start_sheet (Book       *book,
                  const char *name,
                  const int  *widths,
                  guint       n_widths,
                  int         title_row)
{
  book_start (book, "Worksheet");
  book_attribute (book, "ss:Name", name);

  if (title_row > 0)
    {
      g_autoptr(GString) quoted = g_string_new (name);
      g_autofree char *refers_to = NULL;

      g_string_replace (quoted, "'", "''", 0);
      refers_to = g_strdup_printf ("='%s'!R%d", quoted->str, title_row);
      book_start (book, "Names");
      book_start (book, "NamedRange");
      book_attribute (book, "ss:Name", "Print_Titles");
      book_attribute (book, "ss:RefersTo", refers_to);
      book_end (book);
      book_end (book);
    }

  book_start (book, "Table");
  for (guint i = 0; i < n_widths; i++)
    {
      g_autofree char *width = g_strdup_printf ("%d", widths[i]);

      book_start (book, "Column");
      /* LibreOffice's default SpreadsheetML import (orcus) carries the column position
       * over from the previous sheet unless the first column says where it is. */
      if (i == 0)
        book_attribute (book, "ss:Index", "1");
      book_attribute (book, "ss:Width", width);
      book_end (book);
    }
}

/* Ends the table and the sheet; @frozen_rows rows stay at the top when scrolling, and the
 * sheet prints landscape on A4, one page wide. */
static void
book_end_sheet (Book *book,
                int   frozen_rows)
{
  book_end (book); /* Table */

  book_start (book, "WorksheetOptions");
  book_attribute (book, "xmlns", "urn:schemas-microsoft-com:office:excel");
  book_start (book, "PageSetup");
  book_start (book, "Layout");
  book_attribute (book, "x:Orientation", "Landscape");
  book_end (book);
  book_end (book);
  book_start (book, "FitToPage");
  book_end (book);
  book_start (book, "Print");
  book_element (book, "FitHeight", "0");
  book_element (book, "PaperSizeIndex", "9");
  book_end (book);
  if (frozen_rows > 0)
    {
      g_autofree char *rows = g_strdup_printf ("%d", frozen_rows);

      book_start (book, "FreezePanes");
      book_end (book);
      book_start (book, "FrozenNoSplit");
      book_end (book);
      book_element (book, "SplitHorizontal", rows);
      book_element (book, "TopRowBottomPane", rows);
      book_element (book, "ActivePane", "2");
    }
  book_end (book); /* WorksheetOptions */

  book_end (book); /* Worksheet */
}

/* A row with a bold label and a value (sheet headers: application, profile, method). */
static void
book_label_row (Book       *book,
                const char *label,
                const char *value,
                int         merge_across)
{
  book_start (book, "Row");
  book_text (book, "label", label);
  book_cell (book, NULL, "String", value, merge_across);
  book_end (book);
}

static void
book_title_row (Book       *book,
                const char *title)
{
  book_start (book, "Row");
  book_attribute (book, "ss:Height", "22");
  book_text (book, "title", title);
  book_end (book);
}

/* A row of column titles, tall enough for two lines (not every reader fits rows to wrapped
 * text). */
static void
book_header_row_start (Book *book)
{
  book_start (book, "Row");
  book_attribute (book, "ss:Height", "30");
}

static void
book_empty_row (Book *book)
{
  book_start (book, "Row");
  book_end (book);
}

static void
write_fp_sheet (Book                  *book,
                StormcutModel         *model,
                const StormcutFpTable *table)
{
  g_autofree char *total = tenths_to_number (table->total.total_tenths);

  /* Row 6 holds the column titles. */
  book_start_sheet (book, C_("workbook sheet", "FP table"), column_widths, N_COLUMNS, 6);

  book_title_row (book, _("Function point count"));
  book_label_row (book, column_title (COL_APPLICATION), table->application, 3);
  book_label_row (book, _("Counting profile"), stormcut_fp_profile_get_label (table->profile), 3);
  book_label_row (book, _("Counting method"), stormcut_fp_method_get_label (table->method), 3);
  book_empty_row (book);

  book_header_row_start (book);
  for (guint i = 0; i < N_COLUMNS; i++)
    book_text (book, "header", column_title (i));
  book_end (book);

  for (guint i = 0; i < table->rows->len; i++)
    {
      g_auto(GStrv) cells = row_cells (model, g_ptr_array_index (table->rows, i));

      book_start (book, "Row");
      for (guint j = 0; j < N_COLUMNS; j++)
        {
          if (column_is_number (j))
            book_number (book, j == COL_WEIGHT || j == COL_FP ? "fp" : "int", cells[j]);
          else
            book_text (book, "text", cells[j]);
        }
      book_end (book);
    }

  book_start (book, "Row");
  book_cell (book, "total", "String", _("Total"), COL_FP - 1);
  book_number (book, "total-fp", total);
  for (guint j = COL_FP + 1; j < N_COLUMNS; j++)
    book_text (book, "total", "");
  book_end (book);

  /* Title, three header rows, an empty row and the column header stay visible. */
  book_end_sheet (book, 6);
}

static void
write_summary_sheet (Book                  *book,
                     const StormcutFpTable *table)
{
  /* Narrow enough for a portrait A4 page: LibreOffice's import ignores the page setup. */
  static const int widths[] = { 150, 50, 50, 50, 50, 50, 60 };

  book_start_sheet (book, C_("workbook sheet", "Summary"), widths, G_N_ELEMENTS (widths), 0);

  book_title_row (book, _("Function point summary"));
  book_label_row (book, column_title (COL_APPLICATION), table->application, 3);
  book_label_row (book, _("Counting profile"), stormcut_fp_profile_get_label (table->profile), 3);
  book_label_row (book, _("Counting method"), stormcut_fp_method_get_label (table->method), 3);
  book_empty_row (book);

  /* Per function type. */
  book_header_row_start (book);
  book_text (book, "header", column_title (COL_TYPE));
  book_text (book, "header", _("Rows"));
  book_text (book, "header", column_title (COL_FP));
  book_end (book);

  for (guint type = 0; type < STORMCUT_FP_N_TYPES; type++)
    {
      g_autofree char *count = g_strdup_printf ("%u", table->total.counts[type]);
      g_autofree char *fp = tenths_to_number (table->total.fp_tenths[type]);

      book_start (book, "Row");
      book_text (book, "text", stormcut_fp_type_get_label (type));
      book_number (book, "int", count);
      book_number (book, "fp", fp);
      book_end (book);
    }

  {
    g_autofree char *fp = tenths_to_number (table->total.total_tenths);
    g_autofree char *count = NULL;
    guint rows = 0;

    for (guint type = 0; type < STORMCUT_FP_N_TYPES; type++)
      rows += table->total.counts[type];
    count = g_strdup_printf ("%u", rows);

    book_start (book, "Row");
    book_text (book, "total", _("Total"));
    book_number (book, "total-int", count);
    book_number (book, "total-fp", fp);
    book_end (book);
  }

  book_empty_row (book);

  /* Per service: rows counted by type, then FP. */
  book_header_row_start (book);
  book_text (book, "header", column_title (COL_SERVICE));
  for (guint type = 0; type < STORMCUT_FP_N_TYPES; type++)
    book_text (book, "header", stormcut_fp_type_to_string (type));
  book_text (book, "header", column_title (COL_FP));
  book_end (book);

  for (guint i = 0; i < table->by_service->len; i++)
    {
      const StormcutFpTotal *total = g_ptr_array_index (table->by_service, i);
      g_autofree char *fp = tenths_to_number (total->total_tenths);

      book_start (book, "Row");
      book_text (book, "text", total->service_id != NULL ? total->name : _("(outside every service)"));
      for (guint type = 0; type < STORMCUT_FP_N_TYPES; type++)
        {
          g_autofree char *count = g_strdup_printf ("%u", total->counts[type]);

          book_number (book, "int", count);
        }
      book_number (book, "fp", fp);
      book_end (book);
    }

  book_end_sheet (book, 0);
}

static char *
factor_to_number (int ten_thousandths)
{
  return g_strdup_printf ("%d.%04d", ten_thousandths / 10000, ten_thousandths % 10000);
}

/* One line of the cost sheet: item, level, factor, amount, basis. */
static void
cost_row (Book       *book,
          const char *item,
          const char *level,
          const char *factor,
          const char *factor_style,
          gint64      amount,
          gboolean    total,
          const char *basis)
{
  book_start (book, "Row");
  book_text (book, total ? "total" : "text", item);
  book_text (book, total ? "total" : "text", level != NULL ? level : "");
  if (factor != NULL)
    book_number (book, factor_style, factor);
  else
    book_text (book, total ? "total" : "text", "");
  book_won (book, total ? "total-won" : "won", amount);
  book_text (book, total ? "total" : "text", basis != NULL ? basis : "");
  book_end (book);
}

static void
write_cost_sheet (Book                  *book,
                  StormcutModel         *model,
                  const StormcutFpTable *table)
{
  /* Item, level, factor and amount fit a portrait A4 page (LibreOffice's import ignores the
   * page setup): a printout keeps every number on its first page, the reasons on the next. */
  static const int widths[] = { 150, 150, 55, 90, 240 };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(StormcutCostSettings) settings = stormcut_cost_settings_load (model, warnings);
  g_autofree char *fp = tenths_to_number (table->total.total_tenths);
  char scale[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *scale_basis = NULL;
  g_autofree char *profit_rate = NULL;
  StormcutCostEstimate estimate;

  stormcut_cost_compute (settings, table->total.total_tenths, &estimate);

  book_start_sheet (book, C_("workbook sheet", "Cost"), widths, G_N_ELEMENTS (widths), 0);

  book_title_row (book, _("SW development cost estimate (KOSA)"));
  book_label_row (book, column_title (COL_APPLICATION), table->application, 3);
  book_label_row (book, _("Price edition"), stormcut_cost_edition_get_label (estimate.edition), 3);
  book_empty_row (book);

  book_header_row_start (book);
  book_text (book, "header", _("Item"));
  book_text (book, "header", _("Level"));
  book_text (book, "header", _("Factor"));
  book_text (book, "header", _("Amount (won)"));
  book_text (book, "header", _("Basis"));
  book_end (book);

  /* Unit price and FP: the amount column holds the price; FP goes in the factor column. */
  book_start (book, "Row");
  book_text (book, "text", _("Unit price per function point"));
  book_text (book, "text", stormcut_cost_edition_to_string (estimate.edition));
  book_text (book, "text", "");
  book_won (book, "won", estimate.unit_price);
  book_text (book, "text", stormcut_cost_edition_get_label (estimate.edition));
  book_end (book);

  book_start (book, "Row");
  book_text (book, "text", _("Function points"));
  book_text (book, "text", stormcut_fp_profile_get_label (table->profile));
  book_number (book, "fp", fp);
  book_text (book, "text", "");
  book_text (book, "text", stormcut_fp_method_get_label (table->method));
  book_end (book);

  cost_row (book, _("Development cost before adjustment"), NULL, NULL, NULL, estimate.base_cost, FALSE,
            _("FP × unit price"));

  if (table->total.total_tenths < 5000)
    scale_basis = g_strdup (_("under 500 FP: 1.28"));
  else if (table->total.total_tenths > 30000)
    scale_basis = g_strdup (_("over 3,000 FP: 1.153"));
  else
    scale_basis = g_strdup (_("500 to 3,000 FP: 0.4057 × (ln FP − 7.1978)² + 0.8878"));
  /* g_strdup_printf() follows the locale; spreadsheets need a decimal point. */
  g_ascii_formatd (scale, sizeof scale, "%.10g", estimate.scale_factor);
  cost_row (book, _("Scale factor"), NULL, scale, "factor", estimate.after_scale, FALSE, scale_basis);

  for (guint i = 0; i < STORMCUT_COST_N_FACTORS; i++)
    {
      g_autofree char *value = factor_to_number (estimate.factor_values[i]);
      const char *meaning = stormcut_cost_factor_get_level_label (i, estimate.factor_levels[i]);
      g_autofree char *level = meaning != NULL && meaning[0] != '\0'
                               ? g_strdup_printf ("%d: %s", estimate.factor_levels[i], meaning)
                               : g_strdup_printf ("%d", estimate.factor_levels[i]);

      cost_row (book, stormcut_cost_factor_get_label (i), level, value, "factor",
                estimate.after_factor[i], FALSE, settings->reasons[i]);
    }

  cost_row (book, _("Development cost"), NULL, NULL, NULL, estimate.development_cost, TRUE,
            _("each factor applied in turn, rounded to the won (half to even) after each step"));
  cost_row (book, _("Direct expenses"), NULL, NULL, NULL, estimate.direct_expenses, FALSE, NULL);

  profit_rate = g_strdup_printf ("%d.%04d", estimate.profit_rate_bp / 10000, estimate.profit_rate_bp % 10000);
  cost_row (book, _("Profit"), NULL, profit_rate, "percent", estimate.profit, FALSE,
            /* xgettext:no-c-format */
            _("at most 25 % of the development cost (not of direct expenses)"));
  cost_row (book, _("SW development cost (VAT excluded)"), NULL, NULL, NULL, estimate.sw_cost, TRUE,
            _("development cost + direct expenses + profit"));
  cost_row (book, _("VAT (10 %)"), NULL, NULL, NULL, estimate.vat, FALSE, NULL);
  cost_row (book, _("Total including VAT"), NULL, NULL, NULL, estimate.total_with_vat, TRUE, NULL);

  if (warnings->len > 0)
    {
      book_empty_row (book);
      for (guint i = 0; i < warnings->len; i++)
        book_label_row (book, _("Warning"), g_ptr_array_index (warnings, i), 3);
    }

  book_end_sheet (book, 0);
}

static GBytes *
write_workbook (StormcutModel          *model,
                const StormcutFpTable  *table,
                GError                **error)
{
  g_autoptr(xmlBuffer) buffer = xmlBufferCreate ();
  g_autoptr(xmlTextWriter) writer = NULL;
  g_autofree char *title = NULL;
  Book book = { NULL, 0 };

  if (buffer == NULL || (writer = xmlNewTextWriterMemory (buffer, 0)) == NULL)
    {
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_IO,
                   _("Not enough memory to write the workbook."));
      return NULL;
    }
  book.writer = writer;

  check (&book, xmlTextWriterSetIndent (writer, 1));
  check (&book, xmlTextWriterSetIndentString (writer, BAD_CAST " "));
  check (&book, xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));
  /* Lets Windows open the file with Excel although it is XML. */
  if (book.status >= 0)
    check (&book, xmlTextWriterWritePI (writer, BAD_CAST "mso-application", BAD_CAST "progid=\"Excel.Sheet\""));

  book_start (&book, "Workbook");
  book_attribute (&book, "xmlns", "urn:schemas-microsoft-com:office:spreadsheet");
  book_attribute (&book, "xmlns:o", "urn:schemas-microsoft-com:office:office");
  book_attribute (&book, "xmlns:x", "urn:schemas-microsoft-com:office:excel");
  book_attribute (&book, "xmlns:ss", "urn:schemas-microsoft-com:office:spreadsheet");

  /* Translators: document title of the FP workbook; %s is the model name. */
  title = g_strdup_printf (_("%s: function points and cost"), table->application);
  book_start (&book, "DocumentProperties");
  book_attribute (&book, "xmlns", "urn:schemas-microsoft-com:office:office");
  {
    g_autofree char *clean = xml_text (title);
    book_element (&book, "Title", clean);
  }
  book_element (&book, "Author", "Stormcut " STORMCUT_VERSION);
  book_end (&book);

  book_styles (&book);
  write_fp_sheet (&book, model, table);
  write_summary_sheet (&book, table);
  write_cost_sheet (&book, model, table);

  book_end (&book); /* Workbook */
  if (book.status >= 0)
    check (&book, xmlTextWriterEndDocument (writer));

  if (book.status < 0)
    {
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_IO,
                   _("Could not write the workbook."));
      return NULL;
    }

  g_clear_pointer (&writer, xmlFreeTextWriter); /* flushes into the buffer */

  return g_bytes_new (xmlBufferContent (buffer), (gsize) xmlBufferLength (buffer));
}

/* --- entry points ---------------------------------------------------------------------- */

GBytes *
stormcut_export_fp_table_to_bytes (StormcutModel          *model,
                                   const StormcutFpTable  *table,
                                   StormcutFormat          format,
                                   GError                **error)
{
  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case STORMCUT_FORMAT_CSV:
      return write_csv (model, table);
    case STORMCUT_FORMAT_XLS:
      return write_workbook (model, table, error);
    case STORMCUT_FORMAT_DOT:
    case STORMCUT_FORMAT_SVG:
    case STORMCUT_FORMAT_PNG:
    case STORMCUT_FORMAT_PDF:
    case STORMCUT_N_FORMATS:
    default:
      g_set_error (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_UNSUPPORTED,
                   _("Function points can be exported as CSV or as an Excel workbook only."));
      return NULL;
    }
}

static GBytes *
export_counted (StormcutModel   *model,
                StormcutFormat   format,
                GError         **error)
{
  g_autoptr(StormcutFpTable) table = stormcut_fp_count (model, stormcut_fp_get_profile (model),
                                                        stormcut_fp_get_method (model));

  return stormcut_export_fp_table_to_bytes (model, table, format, error);
}

GBytes *
stormcut_export_fp_csv (StormcutModel  *model,
                        GError        **error)
{
  return export_counted (model, STORMCUT_FORMAT_CSV, error);
}

GBytes *
stormcut_export_fp_workbook (StormcutModel  *model,
                             GError        **error)
{
  return export_counted (model, STORMCUT_FORMAT_XLS, error);
}
