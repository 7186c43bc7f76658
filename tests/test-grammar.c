/* test-grammar.c: the link grammar of DOMAIN.md §2, pair by pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-common.h"

#define E STORMCUT_KIND_EVENT
#define C STORMCUT_KIND_COMMAND
#define P STORMCUT_KIND_POLICY
#define A STORMCUT_KIND_AGGREGATE
#define R STORMCUT_KIND_READ_MODEL
#define X STORMCUT_KIND_EXTERNAL_SYSTEM
#define U STORMCUT_KIND_ACTOR
#define H STORMCUT_KIND_HOTSPOT

static const struct { StormcutKind from, to; gboolean async; } allowed[] = {
  { U, C, FALSE }, { R, U, FALSE }, { C, A, FALSE }, { C, X, FALSE }, { A, E, FALSE },
  { X, E, FALSE }, { C, E, FALSE }, { E, P, TRUE }, { P, C, FALSE }, { E, R, TRUE },
  { E, X, TRUE }, { R, A, FALSE },
};

static gboolean
in_table (StormcutKind from,
          StormcutKind to)
{
  if (from == H)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (allowed[i].from == from && allowed[i].to == to)
      return TRUE;
  return FALSE;
}

START_TEST (test_every_allowed_pair)
{
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autoptr(GError) error = NULL;

      ck_assert_msg (stormcut_grammar_allows (allowed[i].from, allowed[i].to), "pair %u refused", i);
      ck_assert (stormcut_grammar_check (allowed[i].from, allowed[i].to, &error));
      ck_assert_ptr_null (error);
      ck_assert_int_eq (stormcut_grammar_is_async (allowed[i].from, allowed[i].to), allowed[i].async);
      ck_assert_ptr_nonnull (stormcut_grammar_describe (allowed[i].from, allowed[i].to));
    }
  for (StormcutKind to = 0; to < STORMCUT_N_KINDS; to++)
    ck_assert (stormcut_grammar_allows (H, to));
}
END_TEST

/* Every other pair of the 8 × 8 table is refused with a message naming both kinds. */
START_TEST (test_every_other_pair_refused)
{
  guint refused = 0;

  for (StormcutKind from = 0; from < STORMCUT_N_KINDS; from++)
    for (StormcutKind to = 0; to < STORMCUT_N_KINDS; to++)
      {
        g_autoptr(GError) error = NULL;

        if (in_table (from, to))
          continue;
        refused++;
        ck_assert (!stormcut_grammar_allows (from, to));
        ck_assert (!stormcut_grammar_check (from, to, &error));
        ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_GRAMMAR));
        ck_assert_msg (strstr (error->message, stormcut_kind_get_label (from)) != NULL, "%s", error->message);
        ck_assert_msg (strstr (error->message, stormcut_kind_get_label (to)) != NULL, "%s", error->message);
        ck_assert_ptr_null (stormcut_grammar_describe (from, to));
      }
  ck_assert_uint_eq (refused, 7 * 8 - G_N_ELEMENTS (allowed));
}
END_TEST

START_TEST (test_refusal_says_what_is_allowed)
{
  g_autoptr(GError) error = NULL;

  /* actor → event: an actor may only run commands */
  ck_assert (!stormcut_grammar_check (U, E, &error));
  ck_assert_str_eq (error->message,
                    "A link from “Actor” to “Domain event” is not allowed. From “Actor”, link to: Command.");
  g_clear_error (&error);
  /* event → aggregate */
  ck_assert (!stormcut_grammar_check (E, A, &error));
  ck_assert (strstr (error->message, "Policy, Read model, External system") != NULL);
}
END_TEST

START_TEST (test_model_refuses_links)
{
  g_autoptr(StormcutModel) model = stormcut_model_new ();
  g_autoptr(GError) error = NULL;
  const StormcutElement *actor = stormcut_model_add_element (model, U, "시민", 0, 0, NULL);
  const StormcutElement *event = stormcut_model_add_element (model, E, "예약 등록됨", 100, 0, NULL);
  const StormcutElement *command = stormcut_model_add_element (model, C, "예약 등록", 200, 0, NULL);
  g_autofree char *actor_id = g_strdup (actor->id);

  ck_assert_ptr_null (stormcut_model_add_link (model, actor_id, event->id, &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_GRAMMAR));
  ck_assert_uint_eq (stormcut_model_get_links (model)->len, 0);
  g_clear_error (&error);
  ck_assert_ptr_nonnull (stormcut_model_add_link (model, actor_id, command->id, &error));
  /* the same link twice */
  ck_assert_ptr_null (stormcut_model_add_link (model, actor_id, command->id, &error));
  ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_DUPLICATE));
  g_clear_error (&error);
  /* a kind change that would break the link is refused */
  {
    g_autoptr(StormcutElement) changed = stormcut_element_copy (stormcut_model_get_element (model, actor_id));
    changed->kind = STORMCUT_KIND_EVENT;
    ck_assert (!stormcut_model_update_element (model, changed, &error));
    ck_assert (g_error_matches (error, STORMCUT_MODEL_ERROR, STORMCUT_MODEL_ERROR_GRAMMAR));
  }
}
END_TEST

static Suite *
grammar_suite (void)
{
  Suite *suite = suite_create ("grammar");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_every_allowed_pair);
  tcase_add_test (tc, test_every_other_pair_refused);
  tcase_add_test (tc, test_refusal_says_what_is_allowed);
  tcase_add_test (tc, test_model_refuses_links);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (grammar_suite ());
}
