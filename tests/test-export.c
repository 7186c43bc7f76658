/* test-export.c: diagrams and function-point exports, parsed back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOT is re-read with cgraph, SVG and the workbook are parsed with libxml2, CSV with the
 * small RFC 4180 reader below; PNG and PDF are checked for their signature, size and font.
 */
#include "test-common.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <graphviz/cgraph.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stormcut/stormcut-export.h>
#include <stormcut/stormcut-fp.h>
#include <stormcut/stormcut-cost.h>

/* Names that break naive writers: quotes, backslashes (Graphviz escapes), newlines, markup,
 * spreadsheet formulas, Hangul and emoji. */
static const char * const hostile_names[] = {
  "say \"hi\"",
  "back\\slash",
  "trailing\\",
  "two\nlines",
  "<&>",
  "\\N\\G\\E\\l",
  "]]>--",
  "'single'",
  "예약 등록됨",
  "emoji 🎉",
  "=HYPERLINK(\"x\")",
  "a,b;c",
};

static StormcutModel *
load_sample (void)
{
  g_autofree char *path = stormcut_test_sample_path ("public-facility-reservation.xml");
  g_autoptr(GError) error = NULL;
  StormcutModel *model = stormcut_model_read_xml (path, &error);

  ck_assert_msg (model != NULL, "sample: %s", error != NULL ? error->message : "?");
  return model;
}

static const StormcutElement *
add_element (StormcutModel *model,
             StormcutKind   kind,
             const char    *name,
             const char    *context_id)
{
  g_autoptr(GError) error = NULL;
  const StormcutElement *element = stormcut_model_add_element (model, kind, name, 0, 0, &error);
  g_autofree char *id = NULL;

  ck_assert_msg (element != NULL, "add %s: %s", name, error != NULL ? error->message : "?");
  /* The record may be replaced by the next change: keep its id. */
  id = g_strdup (element->id);
  if (context_id != NULL)
    ck_assert (stormcut_model_assign_element (model, id, context_id, NULL));
  return stormcut_model_get_element (model, id);
}

static void
add_link (StormcutModel         *model,
          const StormcutElement *source,
          const StormcutElement *target)
{
  g_autoptr(GError) error = NULL;

  ck_assert_msg (stormcut_model_add_link (model, source->id, target->id, &error) != NULL,
                 "link: %s", error != NULL ? error->message : "?");
}

static const char *
add_context (StormcutModel *model,
             const char    *name)
{
  g_autoptr(GError) error = NULL;
  const StormcutContext *context = stormcut_model_add_context (model, name, 0, 0, 100, 100, &error);

  ck_assert_msg (context != NULL, "context: %s", error != NULL ? error->message : "?");
  return context->id;
}

/* A model whose every name is hostile: two contexts, actor -> command -> aggregate -> event
 * chains, a cross-context policy and a read model reading the other context's data. */
static StormcutModel *
hostile_model (guint *out_n_links)
{
  StormcutModel *model = stormcut_model_new ();
  g_autofree char *ctx_a = g_strdup (add_context (model, "ctx \"A\" \\ <B>&"));
  g_autofree char *ctx_b = g_strdup (add_context (model, "=컨텍스트\nB"));
  const StormcutElement *actor, *aggregate, *event, *policy, *command, *read_model, *aggregate_b;
  guint n_links = 0;

  ck_assert (stormcut_model_set_name (model, "모델 \"<&>\" \\", NULL));

  actor = add_element (model, STORMCUT_KIND_ACTOR, "\\N", ctx_a);
  aggregate = add_element (model, STORMCUT_KIND_AGGREGATE, "]]>--", ctx_a);
  aggregate_b = add_element (model, STORMCUT_KIND_AGGREGATE, "emoji 🎉", ctx_b);
  for (guint i = 0; i < G_N_ELEMENTS (hostile_names); i++)
    {
      command = add_element (model, STORMCUT_KIND_COMMAND, hostile_names[i], ctx_a);
      add_link (model, actor, command);
      add_link (model, command, aggregate);
      n_links += 2;
    }
  event = add_element (model, STORMCUT_KIND_EVENT, "trailing\\", ctx_a);
  add_link (model, aggregate, event);
  policy = add_element (model, STORMCUT_KIND_POLICY, "two\nlines", ctx_b);
  add_link (model, event, policy);
  command = add_element (model, STORMCUT_KIND_COMMAND, "<&>", ctx_b);
  add_link (model, policy, command);
  add_link (model, command, aggregate_b);
  read_model = add_element (model, STORMCUT_KIND_READ_MODEL, "say \"hi\"", ctx_b);
  add_link (model, read_model, aggregate);
  n_links += 5;

  if (out_n_links != NULL)
    *out_n_links = n_links;
  return model;
}

static GBytes *
export_ok (StormcutModel      *model,
           StormcutExportWhat  what,
           StormcutFormat      format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = stormcut_export_to_bytes (model, what, format, &error);

  ck_assert_msg (bytes != NULL, "export %s as %s: %s", stormcut_export_what_to_string (what),
                 stormcut_format_to_string (format), error != NULL ? error->message : "?");
  ck_assert_uint_gt (g_bytes_get_size (bytes), 0);
  return bytes;
}

static Agraph_t *
read_dot (GBytes *bytes)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  Agraph_t *graph = agmemread (text);

  ck_assert_msg (graph != NULL, "cgraph could not read the DOT:\n%s", text);
  return graph;
}

/* Decodes the text of an HTML-like label the way Graphviz does: entities resolved, <BR/> as
 * newline, other tags dropped, a doubled backslash read as one (a single backslash before a
 * letter would be a Graphviz escape such as \N: the writer must never leave one). */
static char *
html_label_text (const char *html)
{
  GString *out = g_string_new (NULL);

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          ck_assert_ptr_nonnull (end);
          if (g_ascii_strncasecmp (p, "<BR", 3) == 0)
            g_string_append_c (out, '\n');
          p = end;
        }
      else if (*p == '&')
        {
          const char *end = strchr (p, ';');
          g_autofree char *entity = NULL;

          ck_assert_ptr_nonnull (end);
          entity = g_strndup (p + 1, end - p - 1);
          if (g_str_equal (entity, "amp"))
            g_string_append_c (out, '&');
          else if (g_str_equal (entity, "lt"))
            g_string_append_c (out, '<');
          else if (g_str_equal (entity, "gt"))
            g_string_append_c (out, '>');
          else if (g_str_equal (entity, "quot"))
            g_string_append_c (out, '"');
          else if (g_str_equal (entity, "#39"))
            g_string_append_c (out, '\'');

          else
            ck_abort_msg ("unexpected entity &%s;", entity);
          p = end;
        }
      else if (*p == '\\')
        {
          ck_assert_msg (p[1] == '\\', "a lone backslash in label %s", html);
          g_string_append_c (out, '\\');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static int
count_nodes (Agraph_t *graph)
{
  return agnnodes (graph);
}

/* --- formats and names ------------------------------------------------------------------ */

START_TEST (test_names)
{
  StormcutExportWhat what;
  StormcutFormat format;

  for (guint i = 0; i < STORMCUT_N_EXPORTS; i++)
    {
      ck_assert (stormcut_export_what_from_string (stormcut_export_what_to_string (i), &what));
      ck_assert_int_eq (what, i);
      ck_assert_ptr_nonnull (stormcut_export_what_get_label (i));
    }
  for (guint i = 0; i < STORMCUT_N_FORMATS; i++)
    {
      ck_assert (stormcut_format_from_string (stormcut_format_to_string (i), &format));
      ck_assert_int_eq (format, i);
      ck_assert_ptr_nonnull (stormcut_format_get_extension (i));
      ck_assert_ptr_nonnull (stormcut_format_get_mime_type (i));
    }
  ck_assert (stormcut_export_what_from_string ("context-map", &what));
  ck_assert_int_eq (what, STORMCUT_EXPORT_CONTEXT_MAP);
  ck_assert (!stormcut_export_what_from_string ("context_map", NULL));
  ck_assert (!stormcut_format_from_string ("jpeg", NULL));
  ck_assert_str_eq (stormcut_format_get_extension (STORMCUT_FORMAT_XLS), "xml");

  ck_assert (stormcut_export_supports (STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_PDF));
  ck_assert (!stormcut_export_supports (STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_CSV));
  ck_assert (stormcut_export_supports (STORMCUT_EXPORT_FP, STORMCUT_FORMAT_XLS));
  ck_assert (!stormcut_export_supports (STORMCUT_EXPORT_FP, STORMCUT_FORMAT_SVG));
}
END_TEST

START_TEST (test_unsupported_and_io_errors)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;

  bytes = stormcut_export_to_bytes (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_PNG, &error);
  ck_assert_ptr_null (bytes);
  ck_assert (g_error_matches (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_UNSUPPORTED));
  g_clear_error (&error);

  bytes = stormcut_export_to_bytes (model, STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_FORMAT_CSV, &error);
  ck_assert_ptr_null (bytes);
  ck_assert (g_error_matches (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_UNSUPPORTED));
  g_clear_error (&error);

  path = g_build_filename (stormcut_test_tmpdir (), "no-such-folder", "map.svg", NULL);
  ck_assert (!stormcut_export_to_file (model, STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_FORMAT_SVG, path, &error));
  ck_assert (g_error_matches (error, STORMCUT_EXPORT_ERROR, STORMCUT_EXPORT_ERROR_IO));
  ck_assert (!g_file_test (path, G_FILE_TEST_EXISTS));
}
END_TEST

START_TEST (test_to_file_and_stream)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = stormcut_test_tmp_path ("flow.dot");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_DOT);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  gsize length = 0;

  ck_assert_msg (stormcut_export_to_file (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_DOT, path, &error),
                 "%s", error != NULL ? error->message : "?");
  contents = stormcut_test_read_file (path, &length);
  ck_assert_uint_eq (length, g_bytes_get_size (bytes));
  ck_assert (memcmp (contents, g_bytes_get_data (bytes, NULL), length) == 0);

  ck_assert (stormcut_export_to_stream (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_DOT, stream, NULL, &error));
  ck_assert (g_output_stream_close (stream, NULL, NULL));
  ck_assert_uint_eq (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), length);
}
END_TEST

/* --- DOT, re-read by cgraph ------------------------------------------------------------- */

START_TEST (test_flow_dot_hostile_names)
{
  guint n_links = 0;
  g_autoptr(StormcutModel) model = hostile_model (&n_links);
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_DOT);
  Agraph_t *graph = read_dot (bytes);
  GPtrArray *elements = stormcut_model_get_elements (model);
  GPtrArray *contexts = stormcut_model_get_contexts (model);
  guint n_clusters = 0;

  /* One node per element, and the legend. */
  ck_assert_int_eq (count_nodes (graph), (int) elements->len + 1);
  ck_assert_ptr_nonnull (agnode (graph, (char *) "legend/", FALSE));
  ck_assert_int_eq (agnedges (graph), (int) n_links);
  ck_assert_str_eq (agget (graph, "rankdir"), "LR");

  for (Agraph_t *sub = agfstsubg (graph); sub != NULL; sub = agnxtsubg (sub))
    {
      char *label = agget (sub, "label");
      g_autofree char *text = NULL;

      if (g_str_equal (agnameof (sub), "legend"))
        continue;
      ck_assert (g_str_has_prefix (agnameof (sub), "cluster_"));
      ck_assert (aghtmlstr (label));
      text = html_label_text (label);
      ck_assert_msg (strstr (text, "ctx \"A\" \\ <B>&") != NULL || strstr (text, "=컨텍스트\nB") != NULL,
                     "cluster label %s", text);
      n_clusters++;
    }
  ck_assert_uint_eq (n_clusters, contexts->len);

  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      Agnode_t *node = agnode (graph, element->id, FALSE);
      g_autofree char *text = NULL;
      g_autofree char *expected = NULL;
      char *label;

      ck_assert_msg (node != NULL, "node %s missing", element->id);
      label = agget (node, "label");
      ck_assert (aghtmlstr (label));
      text = html_label_text (label);
      expected = g_strconcat (element->name, "\n", stormcut_kind_get_label (element->kind), NULL);
      ck_assert_str_eq (text, expected);
      ck_assert_str_eq (agget (node, "fillcolor"), stormcut_element_get_color (element));
    }

  /* The asynchronous event -> policy link is dashed, the others solid. */
  {
    guint dashed = 0;

    for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
      for (Agedge_t *edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
        if (g_str_equal (agget (edge, "style"), "dashed"))
          dashed++;
    ck_assert_uint_eq (dashed, 1);
  }

  agclose (graph);
}
END_TEST

/* Model ids may hold ':' and '.', which DOT reads as a port or a number unless quoted. */
START_TEST (test_dot_punctuated_ids)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  StormcutElement element = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) svg = NULL;
  Agraph_t *graph;

  element.id = (char *) "cmd:1.x-y_z";
  element.kind = STORMCUT_KIND_COMMAND;
  element.name = (char *) "등록";
  element.code_name = (char *) "";
  element.description = (char *) "";
  element.width = element.height = 120;
  ck_assert_msg (stormcut_model_insert_element (model, &element, &error) != NULL, "%s", error != NULL ? error->message : "?");
  element.id = (char *) "1.5";
  element.kind = STORMCUT_KIND_EVENT;
  element.name = (char *) "등록됨";
  ck_assert_msg (stormcut_model_insert_element (model, &element, &error) != NULL, "%s", error != NULL ? error->message : "?");
  ck_assert (stormcut_model_add_link (model, "cmd:1.x-y_z", "1.5", NULL) != NULL);

  bytes = export_ok (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_DOT);
  graph = read_dot (bytes);
  ck_assert_ptr_nonnull (agnode (graph, (char *) "cmd:1.x-y_z", FALSE));
  ck_assert_ptr_nonnull (agnode (graph, (char *) "1.5", FALSE));
  ck_assert_int_eq (agnedges (graph), 1);
  agclose (graph);

  /* And the picture is drawn from that text. */
  svg = export_ok (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_SVG);
  ck_assert (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<title>cmd:1.x&#45;y_z</title>") != NULL);
}
END_TEST

START_TEST (test_context_map_dot)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autofree char *a = g_strdup (add_context (model, "고객 \"코어\""));
  g_autofree char *b = g_strdup (add_context (model, "청구"));
  g_autofree char *c = g_strdup (add_context (model, "정책\\관리"));
  g_autofree char *d = g_strdup (add_context (model, "레거시"));
  const StormcutRelationship *relationship;
  StormcutRelationship *copy;
  const StormcutElement *event, *policy;
  g_autoptr(GBytes) bytes = NULL;
  Agraph_t *graph;
  Agnode_t *node_a, *node_b, *node_c;
  Agedge_t *edge;
  guint n_edges = 0, n_derived = 0;

  /* a is upstream of b with OHS, PL / ACL, synchronous. */
  relationship = stormcut_model_add_relationship (model, STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM, a, b, NULL);
  ck_assert_ptr_nonnull (relationship);
  copy = stormcut_relationship_copy (relationship);
  copy->roles = STORMCUT_ROLE_OHS | STORMCUT_ROLE_PL | STORMCUT_ROLE_ACL;
  copy->mode = STORMCUT_MODE_SYNC;
  ck_assert (stormcut_model_update_relationship (model, copy, NULL));
  stormcut_relationship_free (copy);
  ck_assert_ptr_nonnull (stormcut_model_add_relationship (model, STORMCUT_PATTERN_SHARED_KERNEL, b, c, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_relationship (model, STORMCUT_PATTERN_PARTNERSHIP, a, c, NULL));
  ck_assert_ptr_nonnull (stormcut_model_add_relationship (model, STORMCUT_PATTERN_CUSTOMER_SUPPLIER, c, d, NULL));

  /* Derived but not confirmed: an event of d activates a policy in a (a downstream of d). */
  event = add_element (model, STORMCUT_KIND_EVENT, "E", d);
  policy = add_element (model, STORMCUT_KIND_POLICY, "P", a);
  add_link (model, event, policy);

  {
    const StormcutContext *context = stormcut_model_get_context (model, d);
    g_autoptr(StormcutContext) mud = stormcut_context_copy (context);

    mud->big_ball_of_mud = TRUE;
    ck_assert (stormcut_model_update_context (model, mud, NULL));
  }

  bytes = export_ok (model, STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_FORMAT_DOT);
  graph = read_dot (bytes);

  /* The four contexts and the legend. */
  ck_assert_int_eq (count_nodes (graph), 5);
  ck_assert_ptr_nonnull (agnode (graph, (char *) "legend/", FALSE));
  node_a = agnode (graph, a, FALSE);
  node_b = agnode (graph, b, FALSE);
  node_c = agnode (graph, c, FALSE);
  ck_assert_ptr_nonnull (node_a);
  ck_assert_ptr_nonnull (node_b);
  ck_assert_ptr_nonnull (node_c);

  {
    g_autofree char *text = html_label_text (agget (node_a, "label"));
    ck_assert_msg (g_str_has_prefix (text, "고객 \"코어\"\n"), "%s", text);
  }
  {
    g_autofree char *text = html_label_text (agget (agnode (graph, d, FALSE), "label"));
    ck_assert_msg (strstr (text, "Big Ball of Mud") != NULL, "%s", text);
  }

  /* Upstream/downstream: U with OHS, PL at a; D with ACL at b. */
  edge = agedge (graph, node_a, node_b, NULL, FALSE);
  ck_assert_ptr_nonnull (edge);
  {
    g_autofree char *tail = html_label_text (agget (edge, "taillabel"));
    g_autofree char *head = html_label_text (agget (edge, "headlabel"));

    ck_assert_str_eq (tail, "UOHS, PL");
    ck_assert_str_eq (head, "DACL");
    ck_assert_str_eq (agget (graph, "rankdir"), "TB");
  }

  /* Shared kernel: named, no U/D. */
  edge = agedge (graph, node_b, node_c, NULL, FALSE);
  ck_assert_ptr_nonnull (edge);
  {
    g_autofree char *label = html_label_text (agget (edge, "label"));
    g_autofree char *expected = g_strconcat (stormcut_pattern_get_label (STORMCUT_PATTERN_SHARED_KERNEL),
                                             "\nno link supports it", NULL);

    /* Confirmed by the user, but no link between the two contexts justifies it. */
    ck_assert_str_eq (label, expected);
    ck_assert (agget (edge, "taillabel") == NULL || agget (edge, "taillabel")[0] == '\0');
  }

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    for (edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
      {
        n_edges++;
        if (g_str_equal (agget (edge, "style"), "dashed"))
          {
            g_autofree char *label = html_label_text (agget (edge, "label"));

            n_derived++;
            ck_assert_msg (strstr (label, "not confirmed") != NULL, "%s", label);
            ck_assert_str_eq (agnameof (agtail (edge)), d);
            ck_assert_str_eq (agnameof (aghead (edge)), a);
          }
      }
  ck_assert_uint_eq (n_edges, 5);
  ck_assert_uint_eq (n_derived, 1);

  agclose (graph);
}
END_TEST

START_TEST (test_service_map_dot)
{
  guint n_links = 0;
  g_autoptr(StormcutModel) model = hostile_model (&n_links);
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_SERVICES, STORMCUT_FORMAT_DOT);
  Agraph_t *graph = read_dot (bytes);
  guint n_services = 0, n_data = 0, n_shared = 0;

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    {
      const char *name = agnameof (node);

      if (g_str_equal (name, "legend/"))
        {
          g_autofree char *text = html_label_text (agget (node, "label"));

          /* The legend explains the lines that were drawn, the shared DB read among them. */
          ck_assert_msg (strstr (text, "shared DB: reads another service's data directly") != NULL, "%s", text);
          continue;
        }
      if (g_str_has_prefix (name, "service/"))
        n_services++;
      else if (g_str_has_prefix (name, "data/"))
        {
          ck_assert_str_eq (agget (node, "shape"), "cylinder");
          n_data++;
        }
      else
        ck_abort_msg ("unexpected node %s", name);

      for (Agedge_t *edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
        {
          char *label = agget (edge, "label");
          g_autofree char *text = label != NULL && label[0] != '\0' ? html_label_text (label) : g_strdup ("");

          if (strstr (text, "shared DB") != NULL)
            {
              n_shared++;
              ck_assert_str_eq (agget (edge, "color"), "#C62828");
              /* From the reader's service to the owner's data. */
              ck_assert (g_str_has_prefix (agnameof (aghead (edge)), "data/"));
              ck_assert_msg (strstr (text, "say \"hi\"") != NULL, "%s", text);
            }
        }
    }

  ck_assert_uint_eq (n_services, 2);
  ck_assert_uint_eq (n_data, 2);
  ck_assert_uint_eq (n_shared, 1);

  agclose (graph);
}
END_TEST

/* --- SVG, parsed as XML ----------------------------------------------------------------- */

static xmlDoc *
parse_xml (GBytes *bytes)
{
  xmlDoc *doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                               "export.xml", "UTF-8", XML_PARSE_NONET);

  ck_assert_msg (doc != NULL, "the export is not well-formed XML");
  return doc;
}

static xmlXPathObject *
xpath (xmlDoc     *doc,
       const char *expression)
{
  xmlXPathContext *context = xmlXPathNewContext (doc);
  xmlXPathObject *result;

  xmlXPathRegisterNs (context, BAD_CAST "svg", BAD_CAST "http://www.w3.org/2000/svg");
  xmlXPathRegisterNs (context, BAD_CAST "ss", BAD_CAST "urn:schemas-microsoft-com:office:spreadsheet");
  result = xmlXPathEvalExpression (BAD_CAST expression, context);
  xmlXPathFreeContext (context);
  ck_assert_ptr_nonnull (result);
  return result;
}

static int
xpath_count (xmlDoc     *doc,
             const char *expression)
{
  xmlXPathObject *result = xpath (doc, expression);
  int n = result->nodesetval != NULL ? result->nodesetval->nodeNr : 0;

  xmlXPathFreeObject (result);
  return n;
}

/* TRUE when some SVG <text> holds exactly @line. */
static gboolean
svg_has_text (xmlDoc     *doc,
              const char *line)
{
  xmlXPathObject *result = xpath (doc, "//svg:text");
  gboolean found = FALSE;

  for (int i = 0; result->nodesetval != NULL && i < result->nodesetval->nodeNr && !found; i++)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[i]);

      found = g_str_equal ((const char *) content, line);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return found;
}

START_TEST (test_svg_hostile_names)
{
  g_autoptr(StormcutModel) model = hostile_model (NULL);
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_SVG);
  xmlDoc *doc = parse_xml (bytes);
  GPtrArray *elements = stormcut_model_get_elements (model);

  ck_assert_int_eq (xpath_count (doc, "/svg:svg"), 1);
  /* One node per element, and the legend. */
  ck_assert_int_eq (xpath_count (doc, "//svg:g[@class='node']"), (int) elements->len + 1);
  ck_assert_int_eq (xpath_count (doc, "//svg:g[@class='cluster']"), 2);

  /* Every line of every name is drawn as it is: no Graphviz escape was interpreted. */
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      g_auto(GStrv) lines = g_strsplit (element->name, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        ck_assert_msg (svg_has_text (doc, lines[j]), "“%s” is not drawn", lines[j]);
    }
  ck_assert (svg_has_text (doc, "모델 \"<&>\" \\"));
  ck_assert (svg_has_text (doc, "ctx \"A\" \\ <B>&"));

  /* Fonts: the Korean font is named. */
  ck_assert_int_gt (xpath_count (doc, "//svg:text[contains(@font-family, 'Noto Sans CJK KR')]"), 0);

  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_svg_sample_diagrams)
{
  g_autoptr(StormcutModel) model = load_sample ();

  for (StormcutExportWhat what = STORMCUT_EXPORT_FLOW; what <= STORMCUT_EXPORT_SERVICES; what++)
    {
      g_autoptr(GBytes) bytes = export_ok (model, what, STORMCUT_FORMAT_SVG);
      xmlDoc *doc = parse_xml (bytes);

      ck_assert_int_gt (xpath_count (doc, "//svg:g[@class='node']"), 3);
      /* The context names are drawn in Hangul. */
      ck_assert_msg (svg_has_text (doc, "예약") || svg_has_text (doc, "예약 서비스"),
                     "%s has no 예약", stormcut_export_what_to_string (what));
      xmlFreeDoc (doc);
    }
}
END_TEST

/* --- PNG and PDF ------------------------------------------------------------------------ */

static gboolean
contains_bytes (const guint8 *data,
                gsize         size,
                const char   *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= size; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

START_TEST (test_png_pdf_sample)
{
  static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutModel) empty = stormcut_model_new ();
  g_autoptr(GBytes) blank = NULL;

  ck_assert (stormcut_model_set_name (empty, "x", NULL));
  blank = export_ok (empty, STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_FORMAT_PNG);

  for (StormcutExportWhat what = STORMCUT_EXPORT_FLOW; what <= STORMCUT_EXPORT_SERVICES; what++)
    {
      g_autoptr(GBytes) png = export_ok (model, what, STORMCUT_FORMAT_PNG);
      g_autoptr(GBytes) pdf = export_ok (model, what, STORMCUT_FORMAT_PDF);
      const guint8 *data;
      gsize size;

      data = g_bytes_get_data (png, &size);
      ck_assert_uint_gt (size, 33);
      ck_assert (memcmp (data, png_signature, 8) == 0);
      ck_assert (memcmp (data + 12, "IHDR", 4) == 0);
      ck_assert_uint_gt (read_be32 (data + 16), 300);  /* width */
      ck_assert_uint_gt (read_be32 (data + 20), 100);  /* height */
      /* Far more drawn than on a blank picture of the same renderer. */
      ck_assert_uint_gt (size, 10 * g_bytes_get_size (blank));

      data = g_bytes_get_data (pdf, &size);
      ck_assert (size > 1000 && memcmp (data, "%PDF-", 5) == 0);
      /* The Korean font is embedded: Hangul is drawn with it, not as boxes. */
      ck_assert_msg (contains_bytes (data, size, "NotoSansCJK"),
                     "%s: the PDF does not embed Noto Sans CJK", stormcut_export_what_to_string (what));
    }
}
END_TEST

/* --- CSV ------------------------------------------------------------------------------ */

/* A small RFC 4180 reader: records of fields; quoted fields may hold commas, CRLF and "". */
static GPtrArray *
read_csv (const char *text,
          gsize       length)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gsize i = 0;

  while (i < length)
    {
      if (text[i] == '"' && field->len == 0)
        {
          for (i++; ; i++)
            {
              ck_assert_msg (i < length, "unterminated quoted field");
              if (text[i] == '"')
                {
                  if (i + 1 < length && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                    }
                  else
                    break;
                }
              else
                g_string_append_c (field, text[i]);
            }
          i++;
          ck_assert_msg (i >= length || text[i] == ',' || text[i] == '\r',
                         "garbage after a quoted field");
          continue;
        }

      if (text[i] == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          i++;
        }
      else if (text[i] == '\r')
        {
          ck_assert_msg (i + 1 < length && text[i + 1] == '\n', "CR without LF");
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
          i += 2;
        }
      else
        {
          ck_assert_msg (text[i] != '\n' && text[i] != '"', "bare LF or quote outside quotes");
          g_string_append_c (field, text[i]);
          i++;
        }
    }

  ck_assert_msg (record->len == 0 && field->len == 0, "the last record has no CRLF");
  g_ptr_array_unref (record);
  g_string_free (field, TRUE);
  return records;
}

static const char *
csv_cell (GPtrArray *records,
          guint      row,
          guint      column)
{
  GPtrArray *record = g_ptr_array_index (records, row);

  ck_assert_uint_lt (column, record->len);
  return g_ptr_array_index (record, column);
}

START_TEST (test_csv_hostile_names)
{
  g_autoptr(StormcutModel) model = hostile_model (NULL);
  g_autoptr(StormcutFpTable) table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_DEFAULT, STORMCUT_FP_METHOD_SIMPLE);
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_CSV);
  g_autoptr(GPtrArray) records = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  guint found = 0;

  ck_assert (size > 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0);
  records = read_csv (data + 3, size - 3);
  ck_assert_uint_eq (records->len, table->rows->len + 1);

  /* Header: the KOSA columns in order, then traceability, profile and method. */
  ck_assert_uint_eq (((GPtrArray *) g_ptr_array_index (records, 0))->len, 15);
  ck_assert_str_eq (csv_cell (records, 0, 0), "Application");
  ck_assert_str_eq (csv_cell (records, 0, 2), "Unit process");
  ck_assert_str_eq (csv_cell (records, 0, 4), "FP type");
  ck_assert_str_eq (csv_cell (records, 0, 9), "FP");
  ck_assert_str_eq (csv_cell (records, 0, 11), "Element ID");
  ck_assert_str_eq (csv_cell (records, 0, 12), "Bounded context");

  for (guint i = 0; i < table->rows->len; i++)
    {
      const StormcutFpRow *row = g_ptr_array_index (table->rows, i);
      const char *process = csv_cell (records, i + 1, 2);

      ck_assert_str_eq (csv_cell (records, i + 1, 11), row->element_id);
      ck_assert_str_eq (csv_cell (records, i + 1, 4), stormcut_fp_type_to_string (row->type));
      ck_assert_str_eq (csv_cell (records, i + 1, 13), stormcut_fp_profile_get_label (table->profile));

      if (row->process[0] == '=' || row->process[0] == '+' || row->process[0] == '-' || row->process[0] == '@')
        {
          /* Neutralised: a leading apostrophe, then the name as it is. */
          ck_assert (process[0] == '\'');
          ck_assert_str_eq (process + 1, row->process);
          found++;
        }
      else
        ck_assert_str_eq (process, row->process);
    }
  ck_assert_uint_ge (found, 1);

  /* The model name starts with no formula character but holds quotes, <&> and a backslash. */
  ck_assert_str_eq (csv_cell (records, 1, 0), "모델 \"<&>\" \\");
  /* The context named "=컨텍스트\nB" is neutralised and keeps its newline. */
  {
    gboolean seen = FALSE;

    for (guint i = 1; i < records->len; i++)
      if (g_str_equal (csv_cell (records, i, 12), "'=컨텍스트\nB"))
        seen = TRUE;
    ck_assert (seen);
  }
}
END_TEST

START_TEST (test_csv_sample)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutFpTable) table = stormcut_fp_count (model, stormcut_fp_get_profile (model), stormcut_fp_get_method (model));
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_CSV);
  g_autoptr(GPtrArray) records = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gint64 sum = 0;

  records = read_csv (data + 3, size - 3);
  ck_assert_uint_eq (records->len, table->rows->len + 1);
  ck_assert_uint_gt (table->rows->len, 10);

  for (guint i = 1; i < records->len; i++)
    {
      g_autofree char *fp = g_strdup (csv_cell (records, i, 9));
      sum += (gint64) (g_ascii_strtod (fp, NULL) * 10.0 + 0.5);
      ck_assert_str_eq (csv_cell (records, i, 0), "공공시설 예약");
    }
  ck_assert_int_eq (sum, table->total.total_tenths);
}
END_TEST

START_TEST (test_csv_shows_overrides)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutFpTable) before = stormcut_fp_count (model, stormcut_fp_get_profile (model), stormcut_fp_get_method (model));
  const StormcutFpRow *row = g_ptr_array_index (before->rows, 0);
  g_autofree char *key = g_strdup (row->key);
  g_autofree char *element_id = g_strdup (row->element_id);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean seen = FALSE;
  gsize size;
  const char *data;

  /* The user's decision is stored in the document and shows in the export. */
  ck_assert_msg (stormcut_fp_exclude (model, key, "=중복 기능, \"이미 산정\"", &error), "%s",
                 error != NULL ? error->message : "?");
  bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_CSV);
  data = g_bytes_get_data (bytes, &size);
  records = read_csv (data + 3, size - 3);

  for (guint i = 1; i < records->len; i++)
    {
      if (!g_str_equal (csv_cell (records, i, 11), element_id))
        continue;
      seen = TRUE;
      ck_assert_str_eq (csv_cell (records, i, 9), "0");
      ck_assert_msg (strstr (csv_cell (records, i, 10), "=중복 기능, \"이미 산정\"") != NULL,
                     "note: %s", csv_cell (records, i, 10));
    }
  ck_assert (seen);
}
END_TEST

/* --- workbook --------------------------------------------------------------------------- */

static char *
xpath_string (xmlDoc     *doc,
              const char *expression)
{
  xmlXPathObject *result = xpath (doc, expression);
  char *value = NULL;

  if (result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      value = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  return value;
}

START_TEST (test_workbook_sample)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutFpTable) table = NULL;
  g_autoptr(StormcutCostSettings) settings = NULL;
  g_autoptr(GBytes) bytes = NULL;
  StormcutCostEstimate estimate;
  const StormcutFpRow *row;
  xmlDoc *doc;
  g_autofree char *value = NULL;
  g_autofree char *expression = NULL;
  g_autofree char *expected = NULL;

  /* The MSA profile and a cost setting, both stored in the document. */
  ck_assert (stormcut_fp_set_profile (model, STORMCUT_FP_PROFILE_MSA, NULL));
  ck_assert (stormcut_model_set_setting (model, "cost.direct_expenses", "2000000", NULL));
  table = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_SIMPLE);
  settings = stormcut_cost_settings_load (model, NULL);
  stormcut_cost_compute (settings, table->total.total_tenths, &estimate);

  bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_XLS);
  ck_assert (g_strstr_len (g_bytes_get_data (bytes, NULL), 200, "<?mso-application progid=\"Excel.Sheet\"?>") != NULL);
  doc = parse_xml (bytes);

  ck_assert_int_eq (xpath_count (doc, "/ss:Workbook/ss:Worksheet"), 3);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/@ss:Name");
  ck_assert_str_eq (value, "FP table");
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[2]/@ss:Name");
  ck_assert_str_eq (value, "Summary");
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[3]/@ss:Name");
  ck_assert_str_eq (value, "Cost");
  g_free (value);

  /* The profile is named; row 6 is the header; then one row per FP row and a total. */
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[3]/ss:Cell[2]/ss:Data");
  ck_assert_str_eq (value, stormcut_fp_profile_get_label (STORMCUT_FP_PROFILE_MSA));
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[6]/ss:Cell[3]/ss:Data");
  ck_assert_str_eq (value, "Unit process");
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[6]/ss:Cell[13]/ss:Data");
  ck_assert_str_eq (value, "Bounded context");
  ck_assert_int_eq (xpath_count (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row"), 6 + (int) table->rows->len + 1);

  /* A row's values: the first one, typed. */
  row = g_ptr_array_index (table->rows, 0);
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[7]/ss:Cell[3]/ss:Data");
  ck_assert_str_eq (value, row->process);
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[7]/ss:Cell[5]/ss:Data");
  ck_assert_str_eq (value, stormcut_fp_type_to_string (row->type));
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[7]/ss:Cell[10]/ss:Data/@ss:Type");
  ck_assert_str_eq (value, "Number");
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[7]/ss:Cell[12]/ss:Data");
  ck_assert_str_eq (value, row->element_id);

  /* The API rows of the MSA profile (API 연계) are there, each under its process name. */
  {
    guint n_api = 0;

    for (guint i = 0; i < table->rows->len; i++)
      {
        const StormcutFpRow *api = g_ptr_array_index (table->rows, i);
        g_autofree char *query = NULL;

        if (api->rule != STORMCUT_FP_RULE_API_OWNS_DATA_ILF && api->rule != STORMCUT_FP_RULE_API_NO_DATA_EIF)
          continue;
        ck_assert (strchr (api->process, '\'') == NULL);
        query = g_strdup_printf ("/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row/ss:Cell[3]/ss:Data[. = '%s']", api->process);
        ck_assert_int_eq (xpath_count (doc, query), 1);
        n_api++;
      }
    ck_assert_uint_gt (n_api, 0);
  }

  /* The cost sheet: 직접경비 and SW개발비 as computed by the cost chain. */
  g_free (value);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, estimate.sw_cost);
  expression = g_strdup ("/ss:Workbook/ss:Worksheet[3]/ss:Table/ss:Row[ss:Cell[1]/ss:Data = 'SW development cost (VAT excluded)']/ss:Cell[4]/ss:Data");
  value = xpath_string (doc, expression);
  ck_assert_ptr_nonnull (value);
  ck_assert_str_eq (value, expected);
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[3]/ss:Table/ss:Row[ss:Cell[1]/ss:Data = 'Direct expenses']/ss:Cell[4]/ss:Data");
  ck_assert_str_eq (value, "2000000");
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[3]/ss:Table/ss:Row[ss:Cell[1]/ss:Data = 'Unit price per function point']/ss:Cell[4]/ss:Data");
  ck_assert_str_eq (value, "605784");

  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_workbook_hostile_names)
{
  g_autoptr(StormcutModel) model = hostile_model (NULL);
  g_autoptr(GBytes) bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_XLS);
  xmlDoc *doc = parse_xml (bytes);
  g_autofree char *value = NULL;

  /* Text cells are never formulas in SpreadsheetML: names are kept as they are. */
  ck_assert_int_eq (xpath_count (doc, "//ss:Cell[@ss:Formula]"), 0);
  ck_assert_int_ge (xpath_count (doc, "//ss:Data[. = '=HYPERLINK(\"x\")']"), 1);
  ck_assert_int_ge (xpath_count (doc, "//ss:Data[. = ']]>--']"), 1);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/ss:Table/ss:Row[2]/ss:Cell[2]/ss:Data");
  ck_assert_str_eq (value, "모델 \"<&>\" \\");

  xmlFreeDoc (doc);
}
END_TEST

/* The Korean catalogue of this module (po/parts/export.po compiled by Meson), or NULL. */
static const char *export_mo_path;

START_TEST (test_korean_headers)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *localedir = g_build_filename (stormcut_test_tmpdir (), "locale", NULL);
  g_autofree char *messages = g_build_filename (localedir, "ko", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *contents = NULL;
  xmlDoc *doc;
  g_autofree char *value = NULL;
  gsize size;
  const char *data;

  ck_assert_msg (export_mo_path != NULL, "pass the compiled export catalogue as the first argument");
  contents = stormcut_test_read_file (export_mo_path, &size);
  ck_assert (g_mkdir_with_parents (messages, 0700) == 0);
  ck_assert (g_file_set_contents (mo, contents, (gssize) size, NULL));

  /* This test runs in its own process: switching the language here leaves the others alone. */
  g_setenv ("LANGUAGE", "ko", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  /* The column titles are the KOSA template's. */
  bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_CSV);
  data = g_bytes_get_data (bytes, &size);
  records = read_csv (data + 3, size - 3);
  ck_assert_str_eq (csv_cell (records, 0, 0), "어플리케이션명");
  ck_assert_str_eq (csv_cell (records, 0, 1), "세부업무명(서비스)");
  ck_assert_str_eq (csv_cell (records, 0, 2), "단위프로세스명");
  ck_assert_str_eq (csv_cell (records, 0, 4), "FP유형");
  ck_assert_str_eq (csv_cell (records, 0, 10), "비고(적용 규칙)");
  ck_assert_str_eq (csv_cell (records, 0, 12), "바운디드 컨텍스트");

  g_bytes_unref (g_steal_pointer (&bytes));
  bytes = export_ok (model, STORMCUT_EXPORT_FP, STORMCUT_FORMAT_XLS);
  doc = parse_xml (bytes);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[1]/@ss:Name");
  ck_assert_str_eq (value, "기능점수 산정표");
  g_free (value);
  value = xpath_string (doc, "/ss:Workbook/ss:Worksheet[3]/ss:Table/ss:Row[ss:Cell[1]/ss:Data = 'SW개발비 (부가가치세 별도)']/ss:Cell[4]/ss:Data");
  ck_assert_ptr_nonnull (value);
  xmlFreeDoc (doc);
}
END_TEST

static Suite *
export_suite (void)
{
  Suite *suite = suite_create ("export");
  TCase *names = tcase_create ("names");
  TCase *dot = tcase_create ("dot");
  TCase *svg = tcase_create ("svg");
  TCase *raster = tcase_create ("png-pdf");
  TCase *fp = tcase_create ("fp");

  tcase_add_test (names, test_names);
  tcase_add_test (names, test_unsupported_and_io_errors);
  tcase_add_test (names, test_to_file_and_stream);
  suite_add_tcase (suite, names);

  tcase_add_test (dot, test_flow_dot_hostile_names);
  tcase_add_test (dot, test_dot_punctuated_ids);
  tcase_add_test (dot, test_context_map_dot);
  tcase_add_test (dot, test_service_map_dot);
  suite_add_tcase (suite, dot);

  tcase_add_test (svg, test_svg_hostile_names);
  tcase_add_test (svg, test_svg_sample_diagrams);
  suite_add_tcase (suite, svg);

  tcase_add_test (raster, test_png_pdf_sample);
  suite_add_tcase (suite, raster);

  tcase_add_test (fp, test_csv_hostile_names);
  tcase_add_test (fp, test_csv_sample);
  tcase_add_test (fp, test_csv_shows_overrides);
  tcase_add_test (fp, test_workbook_sample);
  tcase_add_test (fp, test_workbook_hostile_names);
  tcase_add_test (fp, test_korean_headers);
  suite_add_tcase (suite, fp);

  return suite;
}

int
main (int    argc,
      char **argv)
{
  if (argc > 1)
    export_mo_path = argv[1];

  return stormcut_test_run (export_suite ());
}
