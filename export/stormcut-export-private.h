/* stormcut-export-private.h: shared helpers of the export writers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cleanup functions for the foreign types the writers hold (Graphviz and libxml2),
 * defined once here, and the internal entry points of each writer.
 */
#pragma once

#include <glib.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <libxml/xmlwriter.h>
#include <libxml/tree.h>

#include "stormcut-export.h"

G_BEGIN_DECLS

static inline void
stormcut_gvc_free (GVC_t *gvc)
{
  if (gvc != NULL)
    gvFreeContext (gvc);
}

static inline void
stormcut_graph_free (Agraph_t *graph)
{
  if (graph != NULL)
    agclose (graph);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVC_t, stormcut_gvc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Agraph_t, stormcut_graph_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* --- stormcut-export-graph.c: building and rendering Graphviz graphs ------------ */

/* A diagram, built, laid out and rendered under the Graphviz lock. */
GBytes   *stormcut_export_diagram       (StormcutModel *model, StormcutExportWhat what,
                                         StormcutFormat format, GError **error);
/* Builds the (not yet laid out) graph of a diagram.  Call with the Graphviz lock held. */
Agraph_t *stormcut_export_build_graph   (StormcutModel *model, StormcutExportWhat what, GError **error);
/* Lays out @graph with dot and renders it in @format (DOT is the graph as built, without
 * layout).  Takes @graph and closes it.  Call with the Graphviz lock held. */
GBytes   *stormcut_export_render_graph  (Agraph_t *graph, StormcutFormat format, GError **error);

/* A directed graph with Stormcut's fonts set on the graph, its nodes and edges, and
 * @title (plain text, may be NULL) as its label. */
Agraph_t *stormcut_export_graph_new     (const char *name, const char *title);
/* Sets an attribute to a plain string (declared on the fly with an empty default). */
void      stormcut_export_set           (void *object, const char *name, const char *value);
/* Sets an attribute to an HTML-like label (@html without the outer angle brackets). */
void      stormcut_export_set_html      (void *object, const char *name, const char *html);
/* Appends @text with line breaks added between words so that lines stay within about
 * @columns (wide characters count two); the text's own newlines are kept. */
void      stormcut_export_append_wrapped (GString *out, const char *text, guint columns);

/* Adds a legend below the diagram: one row per sample (HTML-like markup, e.g. a coloured
 * line drawn with characters) and its meaning (plain text); both arrays NULL-terminated. */
void      stormcut_export_add_legend    (Agraph_t *graph, const char *const *samples,
                                         const char *const *meanings);

/* The builders, one per diagram. */
Agraph_t *stormcut_export_build_flow        (StormcutModel *model, GError **error);
Agraph_t *stormcut_export_build_context_map (StormcutModel *model, GError **error);
Agraph_t *stormcut_export_build_service_map (StormcutModel *model, GError **error);

/* --- stormcut-export-fp.c ------------------------------------------------------- */
GBytes   *stormcut_export_fp_csv        (StormcutModel *model, GError **error);
GBytes   *stormcut_export_fp_workbook   (StormcutModel *model, GError **error);

/* --- helpers shared by the writers (stormcut-export.c) -------------------------- */

/* Appends @text to @out escaped for a Graphviz HTML-like label: XML entities for
 * & < > " ', the backslash doubled (Graphviz expands \N, \G... in label text), newlines as <BR/>, other control characters dropped. */
void      stormcut_export_append_html   (GString *out, const char *text);

G_END_DECLS
