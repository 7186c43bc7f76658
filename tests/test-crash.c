/* test-crash.c: a process killed with SIGKILL in the middle of editing loses nothing it
 * acknowledged, and leaves a file that opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-common.h"

#define ROUNDS 40

/* The child: edits as fast as it can and writes the number of each edit to @fd once the
 * call that made it has returned. */
static void G_GNUC_NORETURN
edit_forever (const char *path,
              int         fd)
{
  g_autoptr(StormcutModel) model = stormcut_model_open (path, NULL);
  guint32 i = 0;
  const guint32 ready = G_MAXUINT32;

  if (model == NULL)
    _exit (3);
  /* tell the parent that editing starts now, so the kill lands in it whatever the load */
  if (write (fd, &ready, sizeof ready) != sizeof ready)
    _exit (7);
  for (;; i++)
    {
      g_autofree char *id = g_strdup_printf ("k%u", i);
      g_autofree char *name = g_strdup_printf ("edit %u <&> \"편집\"", i);
      StormcutElement element = { 0 };
      g_autoptr(GPtrArray) attributes = g_ptr_array_new ();

      element.id = id;
      element.kind = (i % 2) ? STORMCUT_KIND_AGGREGATE : STORMCUT_KIND_COMMAND;
      element.name = name;
      element.x = i;
      element.y = i % 17;
      element.attributes = attributes;
      /* a grouped edit: add the sticky and link it to the previous one */
      stormcut_model_begin_group (model, NULL);
      if (stormcut_model_insert_element (model, &element, NULL) == NULL)
        _exit (4);
      if (i > 0 && (i % 2) == 1)
        {
          g_autofree char *previous = g_strdup_printf ("k%u", i - 1);
          if (stormcut_model_add_link (model, previous, id, NULL) == NULL)
            _exit (5);
        }
      if (!stormcut_model_end_group (model, NULL))
        _exit (6);
      if (write (fd, &i, sizeof i) != sizeof i)
        _exit (7);
    }
}

START_TEST (test_kill_at_random_points)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  gint64 total_acknowledged = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autofree char *path = stormcut_test_tmp_path ("crash.stormcut");
      g_autoptr(StormcutModel) model = stormcut_model_create (path, NULL);
      g_autoptr(StormcutModel) reopened = NULL;
      g_autoptr(GError) error = NULL;
      gint64 acknowledged = -1;
      int fds[2];
      pid_t pid;
      guint32 value;
      int status;
      ssize_t n;

      ck_assert_ptr_nonnull (model);
      g_clear_object (&model);
      ck_assert_int_eq (pipe (fds), 0);
      pid = fork ();
      ck_assert_int_ge (pid, 0);
      if (pid == 0)
        {
          close (fds[0]);
          edit_forever (path, fds[1]);
        }
      close (fds[1]);

      /* wait until editing has begun (the ready mark and the first edit), however loaded the
       * machine is, then kill at a random point of the stream of edits */
      ck_assert_int_eq (read (fds[0], &value, sizeof value), sizeof value);
      ck_assert_uint_eq (value, G_MAXUINT32);
      ck_assert_int_eq (read (fds[0], &value, sizeof value), sizeof value);
      ck_assert_uint_eq (value, 0);
      acknowledged = 0;
      g_usleep (g_rand_int_range (rand, 0, 40000));
      kill (pid, SIGKILL);
      while ((n = read (fds[0], &value, sizeof value)) == sizeof value || (n < 0 && errno == EINTR))
        if (n > 0)
          acknowledged = value;
      close (fds[0]);
      ck_assert_int_eq (waitpid (pid, &status, 0), pid);
      ck_assert_msg (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL,
                     "the editor stopped by itself (status %d)", status);

      reopened = stormcut_model_open (path, &error);
      ck_assert_msg (reopened != NULL, "round %u: %s", round, error ? error->message : "");
      for (gint64 i = 0; i <= acknowledged; i++)
        {
          g_autofree char *id = g_strdup_printf ("k%" G_GINT64_FORMAT, i);
          const StormcutElement *element = stormcut_model_get_element (reopened, id);

          ck_assert_msg (element != NULL, "round %u: acknowledged edit %s is missing", round, id);
          if (i % 2 == 1)
            {
              g_autofree char *previous = g_strdup_printf ("k%" G_GINT64_FORMAT, i - 1);
              ck_assert_ptr_nonnull (stormcut_model_find_link (reopened, previous, id));
            }
        }
      total_acknowledged += acknowledged + 1;
      /* at most the one edit in flight beyond what was acknowledged, and never half of it */
      ck_assert_uint_le (stormcut_model_get_n_elements (reopened), (guint) (acknowledged + 2));
      for (guint i = 0; i < stormcut_model_get_n_elements (reopened); i++)
        {
          const StormcutElement *element = g_ptr_array_index (stormcut_model_get_elements (reopened), i);
          guint number = (guint) g_ascii_strtoull (element->id + 1, NULL, 10);

          if (number % 2 == 1)
            {
              g_autofree char *previous = g_strdup_printf ("k%u", number - 1);
              ck_assert_msg (stormcut_model_find_link (reopened, previous, element->id) != NULL,
                             "round %u: %s was stored without its link", round, element->id);
            }
        }
    }
  /* the kills landed in streams of edits, not just after the first one */
  ck_assert_int_gt (total_acknowledged, 2 * ROUNDS);
}
END_TEST

static Suite *
crash_suite (void)
{
  Suite *suite = suite_create ("crash");
  TCase *tc = tcase_create ("kill");

  tcase_set_timeout (tc, 300);
  tcase_add_test (tc, test_kill_at_random_points);
  suite_add_tcase (suite, tc);
  return suite;
}

int
main (void)
{
  return stormcut_test_run (crash_suite ());
}
