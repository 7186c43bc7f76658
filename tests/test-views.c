/* test-views.c: the architect's views and the export dialog (suite 'gui')
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each view is shown in a window on a model, driven through its widgets and actions the
 * way a user drives it, and checked against the analysis API and the document's settings.
 */
#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <string.h>

#include "test-common.h"
#include <stormcut/stormcut-contextmap.h>
#include <stormcut/stormcut-cost.h>
#include <stormcut/stormcut-diagnosis.h>
#include <stormcut/stormcut-fp.h>
#include <stormcut/stormcut-services.h>
#include <stormcut/stormcut-xml.h>

#include "stormcut-contextmap-view.h"
#include "stormcut-diagnosis-view.h"
#include "stormcut-diagram-view.h"
#include "stormcut-export-dialog.h"
#include "stormcut-fp-view.h"
#include "stormcut-services-view.h"

#define SAMPLE "public-facility-reservation.xml"

/* --- helpers --------------------------------------------------------------------------- */

static void
setup_gtk (void)
{
  gtk_init ();
}

static void
flush_events (void)
{
  for (guint round = 0; round < 3; round++)
    {
      for (guint i = 0; i < 1000 && g_main_context_iteration (NULL, FALSE); i++)
        ;
      g_usleep (10000);
    }
}

/* Runs the main loop until @diagram has drawn @n times (it draws in a worker thread). */
static void
wait_for_renders (StormcutDiagramView *diagram,
                  guint                n)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (stormcut_diagram_view_get_n_renders (diagram) < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  flush_events ();
}

static StormcutModel *
load_sample (void)
{
  g_autofree char *path = stormcut_test_sample_path (SAMPLE);
  g_autoptr(GError) error = NULL;
  StormcutModel *model = stormcut_model_read_xml (path, &error);

  ck_assert_msg (model != NULL, "read %s: %s", path, error != NULL ? error->message : "");
  return model;
}

/* Shows @child in a new window; returns the window (destroy it at the end). */
static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1400, 850);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  flush_events ();
  return window;
}

static const StormcutElement *
add_element (StormcutModel *model,
             StormcutKind   kind,
             const char    *name,
             const char    *context_id)
{
  g_autoptr(GError) error = NULL;
  const StormcutElement *element = stormcut_model_add_element (model, kind, name, 0, 0, &error);

  ck_assert_msg (element != NULL, "add %s: %s", name, error != NULL ? error->message : "");
  if (context_id != NULL)
    ck_assert (stormcut_model_assign_element (model, element->id, context_id, NULL));
  return stormcut_model_get_element (model, element->id);
}

/* Two contexts: an event of 주문 activates a policy of 배송 (배송 downstream, async). */
static StormcutModel *
two_context_model (char **out_order_id,
                   char **out_shipping_id)
{
  StormcutModel *model = stormcut_model_new ();
  const StormcutContext *order, *shipping;
  g_autofree char *event_id = NULL;
  const StormcutElement *policy;

  order = stormcut_model_add_context (model, "주문", 0, 0, 400, 300, NULL);
  ck_assert_ptr_nonnull (order);
  *out_order_id = g_strdup (order->id);
  shipping = stormcut_model_add_context (model, "배송", 500, 0, 400, 300, NULL);
  ck_assert_ptr_nonnull (shipping);
  *out_shipping_id = g_strdup (shipping->id);

  event_id = g_strdup (add_element (model, STORMCUT_KIND_EVENT, "주문 접수됨", *out_order_id)->id);
  policy = add_element (model, STORMCUT_KIND_POLICY, "배송 준비 정책", *out_shipping_id);
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, event_id, policy->id, NULL));
  return model;
}

static const StormcutRelationship *
only_relationship (StormcutModel *model)
{
  GPtrArray *relationships = stormcut_model_get_relationships (model);

  ck_assert_uint_eq (relationships->len, 1);
  return g_ptr_array_index (relationships, 0);
}

/* TRUE when the texture has at least two different pixels (not blank). */
static gboolean
texture_has_content (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *pixels = g_malloc (stride * height);
  guint32 first;

  gdk_texture_download (texture, pixels, stride);
  memcpy (&first, pixels, 4);
  for (gsize i = 0; i < stride * height; i += 4)
    if (memcmp (pixels + i, &first, 4) != 0)
      return TRUE;
  return FALSE;
}

/* --- context map ----------------------------------------------------------------------- */

START_TEST (test_contextmap_sample_rows)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutContextMap) map = stormcut_context_map_derive (model);
  StormcutContextmapView *view = STORMCUT_CONTEXTMAP_VIEW (stormcut_contextmap_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  StormcutDiagramView *diagram;
  GdkTexture *texture;

  stormcut_contextmap_view_set_model (view, model);
  stormcut_contextmap_view_refresh (view);

  /* Every entry of the comparison is a row, in its order, with its status. */
  ck_assert_uint_ge (stormcut_contextmap_view_get_n_rows (view), map->entries->len);
  ck_assert_uint_gt (map->entries->len, 0);
  for (guint i = 0; i < map->entries->len; i++)
    {
      const StormcutContextMapEntry *entry = g_ptr_array_index (map->entries, i);
      g_autofree char *status = stormcut_contextmap_view_get_cell_text (view, i, 0);
      g_autofree char *upstream = stormcut_contextmap_view_get_cell_text (view, i, 1);
      const char *upstream_id = entry->derived != NULL ? entry->derived->upstream_id
        : stormcut_model_get_relationship (model, entry->relationship_id)->upstream_id;

      ck_assert_int_eq (stormcut_contextmap_view_get_row_status (view, i), entry->status);
      ck_assert_str_eq (status, stormcut_context_map_status_get_label (entry->status));
      ck_assert_str_eq (upstream, stormcut_model_get_context (model, upstream_id)->name);
      ck_assert_str_eq (stormcut_contextmap_view_get_row_relationship_id (view, i) != NULL
                        ? stormcut_contextmap_view_get_row_relationship_id (view, i) : "",
                        entry->relationship_id != NULL ? entry->relationship_id : "");
      if (entry->derived != NULL)
        {
          g_autofree char *links = stormcut_contextmap_view_get_cell_text (view, i, 5);
          g_autofree char *prefix = g_strdup_printf ("%u: ", entry->derived->link_ids->len);
          ck_assert_msg (g_str_has_prefix (links, prefix), "links cell “%s”", links);
        }
    }

  /* The diagram is drawn, with something on it. */
  diagram = STORMCUT_DIAGRAM_VIEW (stormcut_contextmap_view_get_diagram (view));
  texture = stormcut_diagram_view_get_texture (diagram);
  ck_assert_ptr_nonnull (texture);
  ck_assert_int_gt (gdk_texture_get_width (texture), 200);
  ck_assert (texture_has_content (texture));

  gtk_window_destroy (window);
}
END_TEST

START_TEST (test_contextmap_confirm_edit_delete)
{
  g_autofree char *order_id = NULL;
  g_autofree char *shipping_id = NULL;
  g_autoptr(StormcutModel) model = two_context_model (&order_id, &shipping_id);
  StormcutContextmapView *view = STORMCUT_CONTEXTMAP_VIEW (stormcut_contextmap_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  const StormcutRelationship *relationship;
  GtkEntry *note;
  g_autofree char *mode = NULL;

  stormcut_contextmap_view_set_model (view, model);
  stormcut_contextmap_view_refresh (view);
  ck_assert_uint_eq (stormcut_contextmap_view_get_n_rows (view), 1);
  ck_assert_int_eq (stormcut_contextmap_view_get_row_status (view, 0), STORMCUT_CONTEXT_MAP_NOT_CONFIRMED);
  mode = stormcut_contextmap_view_get_cell_text (view, 0, 3);
  ck_assert_str_eq (mode, stormcut_mode_get_label (STORMCUT_MODE_ASYNC));

  /* Confirm the derived relationship. */
  stormcut_contextmap_view_select_row (view, 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "contextmap.confirm", NULL));
  relationship = only_relationship (model);
  ck_assert_str_eq (relationship->upstream_id, order_id);
  ck_assert_str_eq (relationship->downstream_id, shipping_id);
  ck_assert_int_eq (relationship->mode, STORMCUT_MODE_ASYNC);
  flush_events ();
  stormcut_contextmap_view_refresh (view);
  ck_assert_int_eq (stormcut_contextmap_view_get_row_status (view, 0), STORMCUT_CONTEXT_MAP_CONFIRMED);
  ck_assert_str_eq (stormcut_contextmap_view_get_row_relationship_id (view, 0), relationship->id);

  /* Edit it through the editor: pattern, roles, mode, note. */
  gtk_drop_down_set_selected (stormcut_contextmap_view_get_pattern_dropdown (view), STORMCUT_PATTERN_CUSTOMER_SUPPLIER);
  ck_assert_int_eq (only_relationship (model)->pattern, STORMCUT_PATTERN_CUSTOMER_SUPPLIER);
  stormcut_contextmap_view_refresh (view);
  gtk_check_button_set_active (stormcut_contextmap_view_get_role_check (view, STORMCUT_ROLE_OHS), TRUE);
  stormcut_contextmap_view_refresh (view);
  gtk_check_button_set_active (stormcut_contextmap_view_get_role_check (view, STORMCUT_ROLE_ACL), TRUE);
  ck_assert_int_eq (only_relationship (model)->roles, STORMCUT_ROLE_OHS | STORMCUT_ROLE_ACL);
  stormcut_contextmap_view_refresh (view);
  gtk_drop_down_set_selected (stormcut_contextmap_view_get_mode_dropdown (view), STORMCUT_MODE_UNSPECIFIED);
  ck_assert_int_eq (only_relationship (model)->mode, STORMCUT_MODE_UNSPECIFIED);
  stormcut_contextmap_view_refresh (view);
  note = stormcut_contextmap_view_get_note_entry (view);
  gtk_editable_set_text (GTK_EDITABLE (note), "배송팀이 주문 이벤트를 구독한다");
  g_signal_emit_by_name (note, "activate");
  ck_assert_str_eq (only_relationship (model)->note, "배송팀이 주문 이벤트를 구독한다");
  stormcut_contextmap_view_refresh (view);
  {
    g_autofree char *confirmed = stormcut_contextmap_view_get_cell_text (view, 0, 4);
    ck_assert_msg (strstr (confirmed, "OHS") != NULL && strstr (confirmed, "ACL") != NULL, "“%s”", confirmed);
  }

  /* Undo takes the note back, and the editor shows it. */
  ck_assert (stormcut_model_undo (model, NULL));
  relationship = only_relationship (model);
  ck_assert_str_eq (relationship->note != NULL ? relationship->note : "", "");
  stormcut_contextmap_view_refresh (view);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (note)), "");

  /* Swapping the direction makes the confirmed relationship contradict the links. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "contextmap.swap", NULL));
  ck_assert_str_eq (only_relationship (model)->upstream_id, shipping_id);
  stormcut_contextmap_view_refresh (view);
  ck_assert_int_eq (stormcut_contextmap_view_get_row_status (view, 0), STORMCUT_CONTEXT_MAP_CONTRADICTS);

  /* Deleting it leaves the derived relationship unconfirmed again. */
  stormcut_contextmap_view_select_row (view, 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "contextmap.delete", NULL));
  ck_assert_uint_eq (stormcut_model_get_relationships (model)->len, 0);
  stormcut_contextmap_view_refresh (view);
  ck_assert_uint_eq (stormcut_contextmap_view_get_n_rows (view), 1);
  ck_assert_int_eq (stormcut_contextmap_view_get_row_status (view, 0), STORMCUT_CONTEXT_MAP_NOT_CONFIRMED);

  gtk_window_destroy (window);
}
END_TEST

START_TEST (test_contextmap_separate_ways_listed)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  const StormcutContext *a = stormcut_model_add_context (model, "A", 0, 0, 100, 100, NULL);
  g_autofree char *a_id = g_strdup (a->id);
  const StormcutContext *b = stormcut_model_add_context (model, "B", 200, 0, 100, 100, NULL);
  g_autofree char *b_id = g_strdup (b->id);
  StormcutContextmapView *view = STORMCUT_CONTEXTMAP_VIEW (stormcut_contextmap_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));

  /* Recorded through the view's add popover: separate ways between contexts no link joins. */
  stormcut_contextmap_view_set_model (view, model);
  stormcut_contextmap_view_refresh (view);
  ck_assert_uint_eq (stormcut_contextmap_view_get_n_rows (view), 0);
  stormcut_contextmap_view_set_new_relationship (view, STORMCUT_PATTERN_SEPARATE_WAYS, a_id, a_id);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "contextmap.add", NULL));
  ck_assert_uint_eq (stormcut_model_get_relationships (model)->len, 0);  /* one context twice: refused */
  stormcut_contextmap_view_set_new_relationship (view, STORMCUT_PATTERN_SEPARATE_WAYS, a_id, b_id);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "contextmap.add", NULL));
  ck_assert_uint_eq (stormcut_model_get_relationships (model)->len, 1);
  ck_assert_int_eq (only_relationship (model)->pattern, STORMCUT_PATTERN_SEPARATE_WAYS);
  ck_assert_str_eq (only_relationship (model)->upstream_id, a_id);
  ck_assert_str_eq (only_relationship (model)->downstream_id, b_id);

  /* A confirmed relationship the comparison leaves out is still listed, to edit or delete. */
  flush_events ();
  stormcut_contextmap_view_refresh (view);
  ck_assert_uint_eq (stormcut_contextmap_view_get_n_rows (view), 1);
  ck_assert_ptr_nonnull (stormcut_contextmap_view_get_row_relationship_id (view, 0));
  stormcut_contextmap_view_select_row (view, 0);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "contextmap.delete", NULL));
  ck_assert_uint_eq (stormcut_model_get_relationships (model)->len, 0);

  gtk_window_destroy (window);
}
END_TEST

/* --- diagrams -------------------------------------------------------------------------- */

START_TEST (test_diagram_renders_only_when_shown)
{
  g_autoptr(StormcutModel) model = load_sample ();
  GtkWidget *stack = gtk_stack_new ();
  StormcutDiagramView *diagram = STORMCUT_DIAGRAM_VIEW (stormcut_diagram_view_new (STORMCUT_EXPORT_SERVICES));
  GtkWindow *window;
  guint renders;

  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("board"), "board");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (diagram), "diagram");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "board");
  window = show_in_window (stack);

  /* Hidden: nothing is drawn, however often the model changes. */
  stormcut_diagram_view_set_model (diagram, model);
  flush_events ();
  ck_assert_uint_eq (stormcut_diagram_view_get_n_renders (diagram), 0);
  ck_assert (stormcut_model_set_name (model, "다른 이름", NULL));
  flush_events ();
  ck_assert_uint_eq (stormcut_diagram_view_get_n_renders (diagram), 0);

  /* Shown: drawn once. */
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "diagram");
  wait_for_renders (diagram, 1);
  ck_assert_uint_eq (stormcut_diagram_view_get_n_renders (diagram), 1);
  ck_assert_ptr_nonnull (stormcut_diagram_view_get_texture (diagram));
  ck_assert (texture_has_content (stormcut_diagram_view_get_texture (diagram)));

  /* A burst of changes while shown is drawn once. */
  renders = stormcut_diagram_view_get_n_renders (diagram);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("이름 %u", i);
      ck_assert (stormcut_model_set_name (model, name, NULL));
    }
  wait_for_renders (diagram, renders + 1);
  g_usleep (200000);
  flush_events ();
  ck_assert_uint_eq (stormcut_diagram_view_get_n_renders (diagram), renders + 1);

  /* Fit and actual size. */
  ck_assert (stormcut_diagram_view_get_fit (diagram));
  stormcut_diagram_view_set_fit (diagram, FALSE);
  ck_assert (!stormcut_diagram_view_get_fit (diagram));

  gtk_window_destroy (window);
}
END_TEST

START_TEST (test_diagram_without_contexts)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  StormcutDiagramView *diagram = STORMCUT_DIAGRAM_VIEW (stormcut_diagram_view_new (STORMCUT_EXPORT_CONTEXT_MAP));
  GtkWindow *window = show_in_window (GTK_WIDGET (diagram));

  /* An empty board shows a hint, not an error. */
  stormcut_diagram_view_set_model (diagram, model);
  stormcut_diagram_view_refresh (diagram);
  ck_assert_ptr_null (stormcut_diagram_view_get_texture (diagram));
  ck_assert_uint_eq (stormcut_diagram_view_get_n_renders (diagram), 0);

  gtk_window_destroy (window);
}
END_TEST

/* --- services -------------------------------------------------------------------------- */

START_TEST (test_services_table_and_actions)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutServiceAnalysis) analysis = stormcut_services_analyze (model);
  StormcutServicesView *view = STORMCUT_SERVICES_VIEW (stormcut_services_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  const StormcutService *first, *second;
  const char *ids[3] = { NULL };
  g_autoptr(StormcutServiceAnalysis) merged = NULL;
  g_autoptr(StormcutServiceAnalysis) external = NULL;
  g_autofree char *first_name = NULL;

  stormcut_services_view_set_model (view, model);
  stormcut_services_view_refresh (view);

  /* One row per service with its data and APIs; every finding listed. */
  ck_assert_uint_eq (stormcut_services_view_get_n_rows (view), analysis->services->len);
  ck_assert_uint_eq (stormcut_services_view_get_n_findings (view), analysis->findings->len);
  for (guint i = 0; i < analysis->services->len; i++)
    {
      const StormcutService *service = g_ptr_array_index (analysis->services, i);
      g_autofree char *name = stormcut_services_view_get_cell_text (view, i, 0);
      g_autofree char *data = stormcut_services_view_get_cell_text (view, i, 3);
      g_autofree char *apis = stormcut_services_view_get_cell_text (view, i, 4);

      ck_assert_str_eq (stormcut_services_view_get_row_service_id (view, i), service->id);
      ck_assert_str_eq (name, service->name);
      for (guint j = 0; j < service->aggregate_ids->len; j++)
        {
          const StormcutElement *aggregate = stormcut_model_get_element (model, g_ptr_array_index (service->aggregate_ids, j));
          ck_assert_msg (strstr (data, aggregate->name) != NULL, "“%s” lacks “%s”", data, aggregate->name);
        }
      ck_assert_msg (g_str_has_prefix (apis, service->provided->len > 0 ? "" : "—"), "“%s”", apis);
    }

  /* Merge the first two services under a name. */
  ck_assert_uint_ge (analysis->services->len, 2);
  first = g_ptr_array_index (analysis->services, 0);
  second = g_ptr_array_index (analysis->services, 1);
  first_name = g_strdup (first->name);
  ids[0] = first->id;
  ids[1] = second->id;
  stormcut_services_view_select_services (view, ids);
  stormcut_services_view_set_merge_name (view, "통합 서비스");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "services.merge", NULL));
  merged = stormcut_services_analyze (model);
  ck_assert_uint_eq (merged->services->len, analysis->services->len - 1);
  ck_assert_str_eq (((StormcutService *) g_ptr_array_index (merged->services, 0))->name, "통합 서비스");
  flush_events ();
  stormcut_services_view_refresh (view);
  ck_assert_uint_eq (stormcut_services_view_get_n_rows (view), analysis->services->len - 1);

  /* Split it again: back to one service per context. */
  ids[0] = "service:통합 서비스";
  ids[1] = NULL;
  stormcut_services_view_select_services (view, ids);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "services.split", NULL));
  stormcut_services_view_refresh (view);
  ck_assert_uint_eq (stormcut_services_view_get_n_rows (view), analysis->services->len);

  /* Mark the first external, then undo. */
  ids[0] = stormcut_services_view_get_row_service_id (view, 0);
  stormcut_services_view_select_services (view, ids);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "services.toggle-external", NULL));
  external = stormcut_services_analyze (model);
  ck_assert (((StormcutService *) g_ptr_array_index (external->services, 0))->external);
  stormcut_services_view_refresh (view);
  {
    g_autofree char *name = stormcut_services_view_get_cell_text (view, 0, 0);
    ck_assert_msg (strstr (name, first_name) != NULL && strcmp (name, first_name) != 0, "“%s”", name);
  }
  ck_assert (stormcut_model_undo (model, NULL));
  stormcut_services_view_refresh (view);
  {
    g_autofree char *name = stormcut_services_view_get_cell_text (view, 0, 0);
    ck_assert_str_eq (name, first_name);
  }

  gtk_window_destroy (window);
}
END_TEST

/* --- function points and cost ---------------------------------------------------------- */

START_TEST (test_fp_table_profile_and_override)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutFpTable) table = NULL;
  g_autoptr(StormcutFpTable) msa = NULL;
  g_autoptr(StormcutFpTable) after = NULL;
  StormcutFpView *view = STORMCUT_FP_VIEW (stormcut_fp_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  const StormcutFpRow *row;
  g_autofree char *key = NULL;

  stormcut_fp_view_set_model (view, model);
  stormcut_fp_view_refresh (view);

  /* The rows of the count, in its order, in the KOSA columns. */
  table = stormcut_fp_count (model, stormcut_fp_get_profile (model), stormcut_fp_get_method (model));
  ck_assert_uint_gt (table->rows->len, 0);
  ck_assert_uint_eq (stormcut_fp_view_get_n_rows (view), table->rows->len);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const StormcutFpRow *expected = g_ptr_array_index (table->rows, i);
      g_autofree char *process = stormcut_fp_view_get_cell_text (view, i, STORMCUT_FP_COLUMN_PROCESS);
      g_autofree char *type = stormcut_fp_view_get_cell_text (view, i, STORMCUT_FP_COLUMN_TYPE);
      g_autofree char *fp = stormcut_fp_view_get_cell_text (view, i, STORMCUT_FP_COLUMN_FP);
      g_autofree char *expected_fp = stormcut_fp_format_tenths (expected->fp_tenths);
      g_autofree char *element = stormcut_fp_view_get_cell_text (view, i, STORMCUT_FP_COLUMN_ELEMENT);
      g_autofree char *note = stormcut_fp_view_get_cell_text (view, i, STORMCUT_FP_COLUMN_NOTE);

      ck_assert_str_eq (stormcut_fp_view_get_row_key (view, i), expected->key);
      ck_assert_str_eq (process, expected->process);
      ck_assert_str_eq (type, stormcut_fp_type_to_string (expected->type));
      ck_assert_str_eq (fp, expected_fp);
      ck_assert_str_eq (element, expected->element_id);
      ck_assert_str_eq (note, expected->note);
    }

  /* The MSA profile, chosen in the view, is stored and adds the API rows. */
  gtk_drop_down_set_selected (stormcut_fp_view_get_profile_dropdown (view), STORMCUT_FP_PROFILE_MSA);
  ck_assert_int_eq (stormcut_fp_get_profile (model), STORMCUT_FP_PROFILE_MSA);
  stormcut_fp_view_refresh (view);
  msa = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, stormcut_fp_get_method (model));
  ck_assert_uint_gt (msa->rows->len, table->rows->len);
  ck_assert_uint_eq (stormcut_fp_view_get_n_rows (view), msa->rows->len);

  /* 정통법. */
  gtk_drop_down_set_selected (stormcut_fp_view_get_method_dropdown (view), STORMCUT_FP_METHOD_DETAILED);
  ck_assert_int_eq (stormcut_fp_get_method (model), STORMCUT_FP_METHOD_DETAILED);
  stormcut_fp_view_refresh (view);

  /* Change the first row's type, with a reason. */
  stormcut_fp_view_select_row (view, 0);
  key = g_strdup (stormcut_fp_view_get_row_key (view, 0));
  row = stormcut_fp_table_find_row (msa, key);
  gtk_drop_down_set_selected (stormcut_fp_view_get_type_dropdown (view),
                              row->type == STORMCUT_FP_EQ ? STORMCUT_FP_EO : STORMCUT_FP_EQ);
  gtk_editable_set_text (GTK_EDITABLE (stormcut_fp_view_get_reason_entry (view)), "화면 설계서 기준");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "fp.apply-override", NULL));
  after = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_DETAILED);
  row = stormcut_fp_table_find_row (after, key);
  ck_assert (row->overridden);
  ck_assert_int_eq (row->type, row->suggested_type == STORMCUT_FP_EQ ? STORMCUT_FP_EO : STORMCUT_FP_EQ);
  ck_assert_str_eq (row->override_reason, "화면 설계서 기준");

  /* Exclude it. */
  stormcut_fp_view_refresh (view);
  gtk_check_button_set_active (stormcut_fp_view_get_excluded_check (view), TRUE);
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "fp.apply-override", NULL));
  g_clear_pointer (&after, stormcut_fp_table_free);
  after = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_DETAILED);
  row = stormcut_fp_table_find_row (after, key);
  ck_assert (row->excluded);
  ck_assert_int_eq (row->fp_tenths, 0);
  stormcut_fp_view_refresh (view);
  {
    g_autofree char *fp = stormcut_fp_view_get_cell_text (view, 0, STORMCUT_FP_COLUMN_FP);
    ck_assert_str_eq (fp, "0");
  }

  /* The view's Export button opens the dialog on the function points. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "fp.export", NULL));
  {
    GList *toplevels = gtk_window_list_toplevels ();
    StormcutExportDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (STORMCUT_IS_EXPORT_DIALOG (l->data))
        dialog = l->data;
    g_list_free (toplevels);
    ck_assert_ptr_nonnull (dialog);
    ck_assert_int_eq (stormcut_export_dialog_get_what (dialog), STORMCUT_EXPORT_FP);
    ck_assert (stormcut_export_dialog_offers_format (dialog, STORMCUT_FORMAT_XLS));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Back to the suggestion. */
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "fp.clear-override", NULL));
  g_clear_pointer (&after, stormcut_fp_table_free);
  after = stormcut_fp_count (model, STORMCUT_FP_PROFILE_MSA, STORMCUT_FP_METHOD_DETAILED);
  ck_assert (!stormcut_fp_table_find_row (after, key)->overridden);

  gtk_window_destroy (window);
}
END_TEST

START_TEST (test_fp_override_needs_reason)
{
  g_autoptr(StormcutModel) model = load_sample ();
  StormcutFpView *view = STORMCUT_FP_VIEW (stormcut_fp_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) settings = NULL;

  stormcut_fp_view_set_model (view, model);
  stormcut_fp_view_refresh (view);
  before = stormcut_model_list_settings (model);

  /* Without a reason nothing is stored (the user is told why in a dialog). */
  stormcut_fp_view_select_row (view, 0);
  gtk_check_button_set_active (stormcut_fp_view_get_excluded_check (view), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (stormcut_fp_view_get_reason_entry (view)), "  ");
  ck_assert (gtk_widget_activate_action (GTK_WIDGET (view), "fp.apply-override", NULL));
  settings = stormcut_model_list_settings (model);
  ck_assert_uint_eq (g_strv_length (settings), g_strv_length (before));

  gtk_window_destroy (window);
}
END_TEST

START_TEST (test_cost_sheet)
{
  g_autoptr(StormcutModel) model = load_sample ();
  g_autoptr(StormcutFpTable) table = NULL;
  g_autoptr(StormcutCostSettings) settings = NULL;
  StormcutFpView *view = STORMCUT_FP_VIEW (stormcut_fp_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  StormcutCostEstimate shown, expected;
  GtkEntry *reason;

  stormcut_fp_view_set_model (view, model);
  stormcut_fp_view_refresh (view);
  table = stormcut_fp_count (model, stormcut_fp_get_profile (model), stormcut_fp_get_method (model));

  /* Edition, levels, 직접경비 and 이윤율, each stored in the document. */
  gtk_drop_down_set_selected (stormcut_fp_view_get_edition_dropdown (view), STORMCUT_COST_EDITION_2020);
  stormcut_fp_view_refresh (view);
  gtk_drop_down_set_selected (stormcut_fp_view_get_factor_dropdown (view, STORMCUT_COST_FACTOR_INTEGRATION), 1);
  stormcut_fp_view_refresh (view);
  gtk_drop_down_set_selected (stormcut_fp_view_get_factor_dropdown (view, STORMCUT_COST_FACTOR_COMPATIBILITY), 0);
  stormcut_fp_view_refresh (view);
  gtk_spin_button_set_value (stormcut_fp_view_get_direct_expenses_spin (view), 2000000);
  stormcut_fp_view_refresh (view);
  gtk_spin_button_set_value (stormcut_fp_view_get_profit_rate_spin (view), 10.5);
  stormcut_fp_view_refresh (view);
  reason = stormcut_fp_view_get_factor_reason_entry (view, STORMCUT_COST_FACTOR_INTEGRATION);
  gtk_editable_set_text (GTK_EDITABLE (reason), "행정안전부 공공서비스 예약 연계 1건");
  g_signal_emit_by_name (reason, "activate");
  stormcut_fp_view_refresh (view);

  settings = stormcut_cost_settings_load (model, NULL);
  ck_assert_int_eq (settings->edition, STORMCUT_COST_EDITION_2020);
  ck_assert_int_eq (settings->levels[STORMCUT_COST_FACTOR_INTEGRATION], 2);
  ck_assert_int_eq (settings->levels[STORMCUT_COST_FACTOR_COMPATIBILITY], 1);
  ck_assert_int_eq (settings->direct_expenses, 2000000);
  ck_assert_int_eq (settings->profit_rate_bp, 1050);
  ck_assert_str_eq (settings->reasons[STORMCUT_COST_FACTOR_INTEGRATION], "행정안전부 공공서비스 예약 연계 1건");

  /* The sheet shows the chain for the table's total. */
  stormcut_fp_view_get_estimate (view, &shown);
  stormcut_cost_compute (settings, table->total.total_tenths, &expected);
  ck_assert_int_eq (shown.unit_price, 553114);
  ck_assert_int_eq (shown.fp_tenths, table->total.total_tenths);
  ck_assert_int_eq (shown.development_cost, expected.development_cost);
  ck_assert_int_eq (shown.profit, expected.profit);
  ck_assert_int_eq (shown.sw_cost, expected.sw_cost);
  ck_assert_int_eq (shown.total_with_vat, expected.total_with_vat);

  /* Each change is one undo step: undoing the reason keeps the level. */
  ck_assert (stormcut_model_undo (model, NULL));
  g_clear_pointer (&settings, stormcut_cost_settings_free);
  settings = stormcut_cost_settings_load (model, NULL);
  ck_assert_str_eq (settings->reasons[STORMCUT_COST_FACTOR_INTEGRATION], "");
  ck_assert_int_eq (settings->levels[STORMCUT_COST_FACTOR_INTEGRATION], 2);
  stormcut_fp_view_refresh (view);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (reason)), "");

  gtk_window_destroy (window);
}
END_TEST

/* --- self-diagnosis -------------------------------------------------------------------- */

START_TEST (test_diagnosis_answers_and_verdict)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(StormcutDiagnosis) diagnosis = NULL;
  StormcutDiagnosisView *view = STORMCUT_DIAGNOSIS_VIEW (stormcut_diagnosis_view_new ());
  GtkWindow *window = show_in_window (GTK_WIDGET (view));
  GtkEntry *note;

  stormcut_diagnosis_view_set_model (view, model);
  stormcut_diagnosis_view_refresh (view);
  ck_assert_str_eq (stormcut_diagnosis_view_get_verdict_text (view), stormcut_verdict_get_label (STORMCUT_VERDICT_KEEP));

  /* Six "yes": worth reviewing. */
  for (guint i = 0; i < 6; i++)
    {
      gtk_toggle_button_set_active (stormcut_diagnosis_view_get_yes_button (view, i), TRUE);
      stormcut_diagnosis_view_refresh (view);
    }
  ck_assert_str_eq (stormcut_diagnosis_view_get_verdict_text (view), stormcut_verdict_get_label (STORMCUT_VERDICT_REVIEW));

  /* "No" on q1 releases its "yes": five yes, borderline. */
  gtk_toggle_button_set_active (stormcut_diagnosis_view_get_no_button (view, 0), TRUE);
  stormcut_diagnosis_view_refresh (view);
  ck_assert (!gtk_toggle_button_get_active (stormcut_diagnosis_view_get_yes_button (view, 0)));
  ck_assert_str_eq (stormcut_model_get_setting (model, "diagnosis.q1"), "no");
  ck_assert_str_eq (stormcut_diagnosis_view_get_verdict_text (view), stormcut_verdict_get_label (STORMCUT_VERDICT_BORDERLINE));

  /* Releasing the pressed answer clears it. */
  gtk_toggle_button_set_active (stormcut_diagnosis_view_get_no_button (view, 0), FALSE);
  stormcut_diagnosis_view_refresh (view);
  ck_assert_ptr_null (stormcut_model_get_setting (model, "diagnosis.q1"));

  /* A condition and its note. */
  gtk_toggle_button_set_active (stormcut_diagnosis_view_get_no_button (view, STORMCUT_DIAGNOSIS_N_QUESTIONS + 2), TRUE);
  note = stormcut_diagnosis_view_get_note_entry (view, STORMCUT_DIAGNOSIS_N_QUESTIONS + 2);
  gtk_editable_set_text (GTK_EDITABLE (note), "결제와 예약은 이벤트로 맞춘다");
  g_signal_emit_by_name (note, "activate");
  diagnosis = stormcut_diagnosis_load (model);
  ck_assert_int_eq (diagnosis->conditions[2], STORMCUT_ANSWER_NO);
  ck_assert_str_eq (diagnosis->condition_notes[2], "결제와 예약은 이벤트로 맞춘다");
  ck_assert_uint_eq (diagnosis->n_yes, 5);

  /* Undo shows in the view. */
  ck_assert (stormcut_model_undo (model, NULL));
  stormcut_diagnosis_view_refresh (view);
  ck_assert_str_eq (gtk_editable_get_text (GTK_EDITABLE (note)), "");

  gtk_window_destroy (window);
}
END_TEST

/* --- export dialog --------------------------------------------------------------------- */

START_TEST (test_export_dialog_formats_and_files)
{
  g_autoptr(StormcutModel) model = load_sample ();
  StormcutExportDialog *dialog = stormcut_export_dialog_new (NULL, model);
  g_autoptr(GError) error = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  flush_events ();

  /* Only the formats each content supports are offered. */
  for (StormcutExportWhat what = 0; what < STORMCUT_N_EXPORTS; what++)
    {
      stormcut_export_dialog_set_what (dialog, what);
      ck_assert_int_eq (stormcut_export_dialog_get_what (dialog), what);
      for (StormcutFormat format = 0; format < STORMCUT_N_FORMATS; format++)
        ck_assert_int_eq (stormcut_export_dialog_offers_format (dialog, format),
                          stormcut_export_supports (what, format));
      ck_assert (stormcut_export_supports (what, stormcut_export_dialog_get_format (dialog)));
    }

  /* Every supported pair is written to a file. */
  for (StormcutExportWhat what = 0; what < STORMCUT_N_EXPORTS; what++)
    for (StormcutFormat format = 0; format < STORMCUT_N_FORMATS; format++)
      {
        g_autofree char *name = NULL;
        g_autofree char *path = NULL;
        g_autofree char *suggested = NULL;
        g_autofree char *data = NULL;
        gsize length;

        stormcut_export_dialog_set_what (dialog, what);
        ck_assert_int_eq (stormcut_export_dialog_set_format (dialog, format), stormcut_export_supports (what, format));
        if (!stormcut_export_supports (what, format))
          continue;

        suggested = stormcut_export_dialog_get_suggested_name (dialog);
        ck_assert_msg (g_str_has_suffix (suggested, stormcut_format_get_extension (format)), "“%s”", suggested);
        ck_assert_ptr_null (strchr (suggested, '/'));

        name = g_strdup_printf ("export-%s-%s", stormcut_export_what_to_string (what), stormcut_format_to_string (format));
        path = stormcut_test_tmp_path (name);
        ck_assert_msg (stormcut_export_dialog_export_to_path (dialog, path, &error), "%s", error != NULL ? error->message : "");
        /* The extension is added to a name without one. */
        data = g_strdup_printf ("%s.%s", path, stormcut_format_get_extension (format));
        g_free (path);
        path = g_steal_pointer (&data);
        data = stormcut_test_read_file (path, &length);
        ck_assert_uint_gt (length, 16);
        if (format == STORMCUT_FORMAT_PNG)
          ck_assert (memcmp (data, "\x89PNG", 4) == 0);
        if (format == STORMCUT_FORMAT_PDF)
          ck_assert (memcmp (data, "%PDF", 4) == 0);
      }

  /* A directory that does not exist is an error, not a crash. */
  stormcut_export_dialog_set_what (dialog, STORMCUT_EXPORT_FP);
  ck_assert (!stormcut_export_dialog_export_to_path (dialog, "/nonexistent/dir/fp.csv", &error));
  ck_assert_ptr_nonnull (error);

  gtk_window_destroy (GTK_WINDOW (dialog));
}
END_TEST

static void
destroyed_cb (GtkWidget *widget,
              gboolean  *destroyed)
{
  *destroyed = TRUE;
}

START_TEST (test_export_dialog_in_background)
{
  g_autoptr(StormcutModel) model = load_sample ();
  StormcutExportDialog *dialog = stormcut_export_dialog_new (NULL, model);
  g_autofree char *path = stormcut_test_tmp_path ("background");
  g_autofree char *written = g_strdup_printf ("%s.svg", path);
  g_autofree char *data = NULL;
  gboolean destroyed = FALSE;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gsize length;

  g_signal_connect (dialog, "destroy", G_CALLBACK (destroyed_cb), &destroyed);
  gtk_window_present (GTK_WINDOW (dialog));
  stormcut_export_dialog_set_what (dialog, STORMCUT_EXPORT_SERVICES);
  ck_assert (stormcut_export_dialog_set_format (dialog, STORMCUT_FORMAT_SVG));

  /* The export runs in a worker; the dialog closes itself once the file is written. */
  stormcut_export_dialog_start_export (dialog, path);
  ck_assert (!g_file_test (written, G_FILE_TEST_EXISTS) || !destroyed);
  while (!destroyed && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (5000), TRUE);
  ck_assert (destroyed);
  data = stormcut_test_read_file (written, &length);
  ck_assert_msg (strstr (data, "<svg") != NULL, "not SVG");
}
END_TEST

static Suite *
views_suite (void)
{
  Suite *suite = suite_create ("views");
  TCase *tc = tcase_create ("views");

  tcase_set_timeout (tc, 120);
  tcase_add_checked_fixture (tc, setup_gtk, NULL);
  tcase_add_test (tc, test_contextmap_sample_rows);
  tcase_add_test (tc, test_contextmap_confirm_edit_delete);
  tcase_add_test (tc, test_contextmap_separate_ways_listed);
  tcase_add_test (tc, test_diagram_renders_only_when_shown);
  tcase_add_test (tc, test_diagram_without_contexts);
  tcase_add_test (tc, test_services_table_and_actions);
  tcase_add_test (tc, test_fp_table_profile_and_override);
  tcase_add_test (tc, test_fp_override_needs_reason);
  tcase_add_test (tc, test_cost_sheet);
  tcase_add_test (tc, test_diagnosis_answers_and_verdict);
  tcase_add_test (tc, test_export_dialog_formats_and_files);
  tcase_add_test (tc, test_export_dialog_in_background);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (views_suite ());
}
