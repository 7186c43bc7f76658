/* test-types.c: enumerations and records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "test-common.h"

START_TEST (test_kind_names_round_trip)
{
  for (StormcutKind kind = 0; kind < STORMCUT_N_KINDS; kind++)
    {
      StormcutKind parsed = STORMCUT_N_KINDS;
      double w = 0, h = 0;

      ck_assert (stormcut_kind_from_string (stormcut_kind_to_string (kind), &parsed));
      ck_assert_int_eq (parsed, kind);
      ck_assert_str_ne (stormcut_kind_get_label (kind), "");
      ck_assert_int_eq (strlen (stormcut_kind_get_default_color (kind)), 7);
      stormcut_kind_get_default_size (kind, &w, &h);
      ck_assert (w > 0 && h > 0);
    }
  ck_assert (!stormcut_kind_from_string ("Event", NULL));
  ck_assert (!stormcut_kind_from_string ("", NULL));
  ck_assert (!stormcut_kind_from_string (NULL, NULL));
}
END_TEST

START_TEST (test_domain_colours)
{
  /* DOMAIN.md §1 */
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_EVENT), "#FD9E4A");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_COMMAND), "#27BFE7");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_POLICY), "#B285BA");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_AGGREGATE), "#FDF8B6");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_READ_MODEL), "#D6F693");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_EXTERNAL_SYSTEM), "#EA97BC");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_ACTOR), "#FEF445");
  ck_assert_str_eq (stormcut_kind_get_default_color (STORMCUT_KIND_HOTSPOT), "#F06E80");
}
END_TEST

START_TEST (test_enum_names)
{
  StormcutPattern pattern;
  StormcutDomainType domain;
  StormcutMode mode;

  for (StormcutPattern p = 0; p < STORMCUT_N_PATTERNS; p++)
    {
      ck_assert (stormcut_pattern_from_string (stormcut_pattern_to_string (p), &pattern));
      ck_assert_int_eq (pattern, p);
    }
  for (StormcutDomainType d = 0; d < STORMCUT_N_DOMAIN_TYPES; d++)
    {
      ck_assert (stormcut_domain_type_from_string (stormcut_domain_type_to_string (d), &domain));
      ck_assert_int_eq (domain, d);
    }
  for (StormcutMode m = 0; m < STORMCUT_N_MODES; m++)
    {
      ck_assert (stormcut_mode_from_string (stormcut_mode_to_string (m), &mode));
      ck_assert_int_eq (mode, m);
    }
  ck_assert (stormcut_pattern_is_symmetric (STORMCUT_PATTERN_SHARED_KERNEL));
  ck_assert (stormcut_pattern_is_symmetric (STORMCUT_PATTERN_PARTNERSHIP));
  ck_assert (stormcut_pattern_is_symmetric (STORMCUT_PATTERN_SEPARATE_WAYS));
  ck_assert (!stormcut_pattern_is_symmetric (STORMCUT_PATTERN_CUSTOMER_SUPPLIER));
  ck_assert (!stormcut_pattern_from_string ("big-ball-of-mud", NULL));
  ck_assert (!stormcut_mode_from_string ("rpc", NULL));
}
END_TEST

START_TEST (test_roles)
{
  StormcutRoles roles = 0;
  g_autofree char *text = NULL;

  ck_assert (stormcut_roles_from_string ("OHS  pl,acl", &roles));
  ck_assert_int_eq (roles, STORMCUT_ROLE_OHS | STORMCUT_ROLE_PL | STORMCUT_ROLE_ACL);
  text = stormcut_roles_to_string (roles);
  ck_assert_str_eq (text, "ohs pl acl");
  ck_assert (stormcut_roles_from_string ("", &roles));
  ck_assert_int_eq (roles, STORMCUT_ROLE_NONE);
  ck_assert (!stormcut_roles_from_string ("ohs xyz", &roles));
}
END_TEST

START_TEST (test_element_copy_equal)
{
  StormcutElement element = { 0 };
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  g_autoptr(StormcutElement) copy = NULL;

  g_ptr_array_add (attributes, stormcut_attribute_new ("id", "string", TRUE));
  element.id = (char *) "e1";
  element.kind = STORMCUT_KIND_AGGREGATE;
  element.name = (char *) "예약";
  element.attributes = attributes;
  element.width = 240;
  element.height = 120;
  copy = stormcut_element_copy (&element);
  ck_assert (stormcut_element_equal (copy, &element));
  ck_assert_str_eq (stormcut_element_get_color (copy), "#FDF8B6");
  ((StormcutAttribute *) g_ptr_array_index (copy->attributes, 0))->is_key = FALSE;
  ck_assert (!stormcut_element_equal (copy, &element));
}
END_TEST

static Suite *
types_suite (void)
{
  Suite *suite = suite_create ("types");
  TCase *tc = tcase_create ("core");

  tcase_add_test (tc, test_kind_names_round_trip);
  tcase_add_test (tc, test_domain_colours);
  tcase_add_test (tc, test_enum_names);
  tcase_add_test (tc, test_roles);
  tcase_add_test (tc, test_element_copy_equal);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (types_suite ());
}
