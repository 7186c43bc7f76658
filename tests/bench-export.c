/* bench-export.c: each diagram of a generated 10,000-element model, Stormcut against `dot`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run with `meson test -C <build> --benchmark -v bench-export`.  For every diagram it writes
 * the DOT file Stormcut makes, then alternately times Stormcut's in-process export (build
 * the graph from the model, lay it out, render) and the `dot` command on that DOT file
 * (start, parse, lay out, render), in the same run and the same output format, and prints
 * the medians and the median of the per-pair ratios (target: Stormcut within 1.1× of dot).
 * The pair ratio is the one to read: this runs on shared virtual machines whose speed drifts
 * (dot alone on one file: 1.5 s, then 3.5 s half an hour later), which a ratio of two
 * medians taken minutes apart does not survive.  For the same reason the benchmark keeps
 * itself and its children on the processor it started on: a process that the scheduler
 * moves between the two processors of such a machine took anywhere from 0.55 to 1.0 s for
 * the same layout, pinned 0.58 to 0.63 s.
 *
 * Each of Stormcut's exports runs in a child forked for it, which holds the loaded model and
 * has drawn only the same diagram of a 20-sticky model, untimed: Graphviz has loaded its
 * plugins and the fonts, as in the application after its first picture, but has not laid
 * out a large graph before.  Graphviz 2.42 (Debian 12) leaks part of every layout (HTML
 * labels, the markup of styled text, virtual edges of clusters), and the leaks scatter the
 * heap: the same layout repeated in one process costs the same instructions (callgrind) but
 * takes longer each time, 3.8, 4.6 and 6.5 s for the 10,000-sticky event flow.  Timing
 * repeated exports in the benchmark process would measure that, not the export.  It asserts
 * nothing about speed, only that every run gives the same bytes and that `dot` succeeds.
 * Besides wall-clock time it prints the CPU time (user + system) of both.
 *
 * Then, at process level, it saves the model as a document and alternately times
 * `stormcut-cli export --what W --format F DOC -o OUT` (start, open the document, write DOT,
 * lay out, render, write the file) and `dot -TF DOT -o OUT` on the DOT file that
 * `stormcut-cli export --format dot` wrote for the same document: svg for every diagram and
 * png for the context map.  This adds what the export itself does not do: opening and
 * reading the document, which `dot` has no equivalent of.  The path of stormcut-cli is the
 * first argument (tests/meson.build passes it); without it the process-level part is skipped.
 *
 * Environment: STORMCUT_BENCH_ELEMENTS (default 10000), STORMCUT_BENCH_FORMAT (svg, png or
 * pdf; default svg), STORMCUT_BENCH_RUNS (default 5; the event flow, which takes dot tens
 * of seconds at 10,000 stickies, runs at most 5 times), STORMCUT_BENCH_SMALL (elements of
 * a second, smaller model compared at process level only; default 3000, 0 skips it).
 */
#define _GNU_SOURCE /* sched_getcpu, sched_setaffinity */
#include <errno.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stormcut/stormcut-export.h>
#include "test-common.h"

#define SEED 20260101

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time (user + system) used so far by this process (RUSAGE_SELF) or by its waited-for
 * children (RUSAGE_CHILDREN), in ms. */
static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* The median of ours[i] / theirs[i]: each pair ran back to back, so a machine whose speed
 * drifts during the run (a shared virtual machine does, by up to 2x within minutes) moves
 * both sides of a pair alike.  This is the ratio compared with the target. */
static double
paired_ratio (const double *ours,
              const double *theirs,
              guint         n)
{
  g_autofree double *ratios = g_new0 (double, n);

  for (guint i = 0; i < n; i++)
    ratios[i] = ours[i] / theirs[i];
  return stormcut_test_median (ratios, n);
}

/* What a child reports of its export. */
typedef struct {
  double ms;
  double cpu_ms;
  int    ok;
} ChildTimes;

/* Exports @what of @model in a child forked for it, after the same diagram of @warm_up
 * (untimed), and writes the result to @out_path; returns the child's time in ms (< 0 on
 * failure, reported) and its CPU time in @out_cpu. */
static double
export_in_child (StormcutModel      *warm_up,
                 StormcutModel      *model,
                 StormcutExportWhat  what,
                 StormcutFormat      format,
                 const char         *out_path,
                 double             *out_cpu)
{
  ChildTimes times = { 0, 0, 0 };
  int fds[2];
  int status = 0;
  pid_t pid;

  if (pipe (fds) != 0)
    {
      g_printerr ("bench-export: pipe: %s\n", g_strerror (errno));
      return -1;
    }
  pid = fork ();
  if (pid < 0)
    {
      g_printerr ("bench-export: fork: %s\n", g_strerror (errno));
      return -1;
    }
  if (pid == 0)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      double cpu_start;
      gint64 start;

      close (fds[0]);
      bytes = stormcut_export_to_bytes (warm_up, what, format, NULL);
      g_clear_pointer (&bytes, g_bytes_unref);
      cpu_start = cpu_ms (RUSAGE_SELF);
      start = g_get_monotonic_time ();
      bytes = stormcut_export_to_bytes (model, what, format, &error);
      times.ms = elapsed_ms (start);
      times.cpu_ms = cpu_ms (RUSAGE_SELF) - cpu_start;
      if (bytes == NULL)
        g_printerr ("bench-export: %s: %s\n", stormcut_export_what_to_string (what), error->message);
      else if (!g_file_set_contents (out_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
        g_printerr ("bench-export: %s: %s\n", out_path, error->message);
      else
        times.ok = 1;
      if (write (fds[1], &times, sizeof times) != sizeof times)
        _exit (2);
      _exit (times.ok ? 0 : 1);
    }

  close (fds[1]);
  if (read (fds[0], &times, sizeof times) != sizeof times)
    times.ok = 0;
  close (fds[0]);
  waitpid (pid, &status, 0);
  if (!times.ok || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return -1;
  *out_cpu = times.cpu_ms;
  return times.ms;
}

/* Keeps this process and its children on the processor it runs on now. */
static void
pin_to_current_processor (void)
{
  int cpu = sched_getcpu ();
  cpu_set_t set;

  if (cpu < 0)
    return;
  CPU_ZERO (&set);
  CPU_SET (cpu, &set);
  if (sched_setaffinity (0, sizeof set, &set) == 0)
    g_print ("# pinned to processor %d, with every command it runs\n", cpu);
}

static guint
env_uint (const char *name,
          guint       fallback)
{
  const char *value = g_getenv (name);
  guint64 parsed;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, G_MAXUINT, &parsed, NULL))
    return fallback;
  return (guint) parsed;
}

/* Runs @argv (stdout discarded); returns the time in ms, or < 0 on failure (reported), and
 * its CPU time in @out_cpu. */
static double
run_command (const char *const *argv,
             double            *out_cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  double cpu_start = cpu_ms (RUSAGE_CHILDREN);
  gint64 start = g_get_monotonic_time ();
  double ms;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error))
    {
      g_printerr ("bench-export: cannot run %s: %s\n", argv[0], error->message);
      return -1;
    }
  ms = elapsed_ms (start);
  *out_cpu = cpu_ms (RUSAGE_CHILDREN) - cpu_start;

  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-export: %s failed: %s\n%s\n", argv[0], error->message, err != NULL ? err : "");
      return -1;
    }
  return ms;
}

/* Runs `dot -T<format> <dot_path> -o <out_path>`; returns the time in ms, or < 0 on failure,
 * and its CPU time in @out_cpu.  PNG gets -Gdpi=150, as Stormcut renders it (the DOT file
 * does not carry the resolution), so that both draw the same pixels. */
static double
run_dot (const char *dot,
         const char *format,
         const char *dot_path,
         const char *out_path,
         double     *out_cpu)
{
  g_autofree char *type = g_strconcat ("-T", format, NULL);
  const char *argv[] = { dot, type, dot_path, "-o", out_path, NULL };
  const char *png_argv[] = { dot, type, "-Gdpi=150", dot_path, "-o", out_path, NULL };

  return run_command (strcmp (format, "png") == 0 ? png_argv : argv, out_cpu);
}

/* Runs `stormcut-cli export --what <what> --format <format> <doc_path> -o <out_path>`. */
static double
run_cli (const char *cli,
         const char *what,
         const char *format,
         const char *doc_path,
         const char *out_path,
         double     *out_cpu)
{
  const char *argv[] = { cli, "export", "--what", what, "--format", format, doc_path, "-o", out_path, NULL };

  return run_command (argv, out_cpu);
}

/* Saves @model as a document and times, per diagram and format, stormcut-cli against dot on
 * the DOT file stormcut-cli writes, alternating the two; prints medians and ratios.  Returns
 * FALSE if a command failed. */
static gboolean
compare_processes (StormcutModel *model,
                   const char    *cli,
                   const char    *dot,
                   guint          n_runs)
{
  static const struct {
    StormcutExportWhat what;
    StormcutFormat     format;
  } cases[] = {
    { STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_FORMAT_SVG },
    { STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_FORMAT_PNG },
    { STORMCUT_EXPORT_SERVICES, STORMCUT_FORMAT_SVG },
    { STORMCUT_EXPORT_FLOW, STORMCUT_FORMAT_SVG },
  };
  guint n_elements = stormcut_model_get_n_elements (model);
  g_autofree char *doc_name = g_strdup_printf ("bench-%u.stormcut", n_elements);
  g_autofree char *doc_path = stormcut_test_tmp_path (doc_name);
  g_autoptr(GError) error = NULL;

  if (!stormcut_model_save_as (model, doc_path, &error))
    {
      g_printerr ("bench-export: saving %s: %s\n", doc_path, error->message);
      return FALSE;
    }

  g_print ("# process level (what a user waits for), %u elements: `stormcut-cli export` against "
           "`dot` on the DOT file stormcut-cli wrote, alternating\n", n_elements);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *what = stormcut_export_what_to_string (cases[c].what);
      const char *format = stormcut_format_to_string (cases[c].format);
      guint runs = cases[c].what == STORMCUT_EXPORT_FLOW ? MIN (n_runs, 5) : n_runs;
      g_autofree char *base = g_strdup_printf ("proc-%u-%s", n_elements, what);
      g_autofree char *dot_name = g_strconcat (base, ".dot", NULL);
      g_autofree char *ours_name = g_strconcat (base, "-stormcut.", format, NULL);
      g_autofree char *theirs_name = g_strconcat (base, "-dot.", format, NULL);
      g_autofree char *dot_path = stormcut_test_tmp_path (dot_name);
      g_autofree char *ours_path = stormcut_test_tmp_path (ours_name);
      g_autofree char *theirs_path = stormcut_test_tmp_path (theirs_name);
      g_autofree double *ours = g_new0 (double, runs);
      g_autofree double *theirs = g_new0 (double, runs);
      g_autofree double *our_cpu = g_new0 (double, runs);
      g_autofree double *their_cpu = g_new0 (double, runs);
      g_autofree char *our_bytes = NULL;
      g_autofree char *their_bytes = NULL;
      gsize our_length = 0, their_length = 0;
      double write_dot_cpu;
      double write_dot_ms = run_cli (cli, what, "dot", doc_path, dot_path, &write_dot_cpu);
      double our_median, dot_median;

      if (write_dot_ms < 0)
        return FALSE;

      for (guint run = 0; run < runs; run++)
        {
          /* A B A B …, and who goes first alternates from one pair to the next. */
          if (run % 2 == 1)
            theirs[run] = run_dot (dot, format, dot_path, theirs_path, &their_cpu[run]);
          ours[run] = run_cli (cli, what, format, doc_path, ours_path, &our_cpu[run]);
          if (run % 2 == 0)
            theirs[run] = run_dot (dot, format, dot_path, theirs_path, &their_cpu[run]);
          if (ours[run] < 0 || theirs[run] < 0)
            return FALSE;
        }

      our_bytes = stormcut_test_read_file (ours_path, &our_length);
      their_bytes = stormcut_test_read_file (theirs_path, &their_length);
      if (our_bytes == NULL || their_bytes == NULL || our_length == 0 || their_length == 0)
        {
          g_printerr ("bench-export: %s %s: an output file is missing or empty\n", what, format);
          return FALSE;
        }

      our_median = stormcut_test_median (ours, runs);
      dot_median = stormcut_test_median (theirs, runs);
      g_print ("process level (what a user waits for)  %-11s %-3s  stormcut-cli %9.1f ms   dot %9.1f ms   "
               "paired ratio %.2f (ratio of medians %.2f)   cpu: stormcut-cli %9.1f ms   dot %9.1f ms   "
               "DOT written by stormcut-cli in %.1f ms   outputs %s   [%u runs each]\n",
               what, format, our_median, dot_median, paired_ratio (ours, theirs, runs), our_median / dot_median,
               stormcut_test_median (our_cpu, runs), stormcut_test_median (their_cpu, runs),
               write_dot_ms,
               our_length == their_length && memcmp (our_bytes, their_bytes, our_length) == 0
                 ? "identical" : "differ",
               runs);
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  static const StormcutExportWhat diagrams[] = {
    STORMCUT_EXPORT_CONTEXT_MAP, STORMCUT_EXPORT_SERVICES, STORMCUT_EXPORT_FLOW,
  };
  guint n_elements = env_uint ("STORMCUT_BENCH_ELEMENTS", 10000);
  guint n_runs = MIN (env_uint ("STORMCUT_BENCH_RUNS", 5), 50);
  guint n_small = g_getenv ("STORMCUT_BENCH_SMALL") != NULL && strcmp (g_getenv ("STORMCUT_BENCH_SMALL"), "0") == 0
                  ? 0 : env_uint ("STORMCUT_BENCH_SMALL", 3000);
  const char *cli = argc > 1 ? argv[1] : NULL;
  const char *format_name = g_getenv ("STORMCUT_BENCH_FORMAT");
  g_autofree char *dot = g_find_program_in_path ("dot");
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(StormcutModel) warm_up = NULL;
  StormcutFormat format = STORMCUT_FORMAT_SVG;
  gboolean ok = TRUE;

  if (format_name != NULL
      && (!stormcut_format_from_string (format_name, &format) || !stormcut_export_supports (STORMCUT_EXPORT_FLOW, format)
          || format == STORMCUT_FORMAT_DOT))
    {
      g_printerr ("bench-export: STORMCUT_BENCH_FORMAT must be svg, png or pdf\n");
      return EXIT_FAILURE;
    }

  pin_to_current_processor ();
  warm_up = stormcut_test_generate_model (20, SEED);
  model = stormcut_test_generate_model (n_elements, SEED);
  if (model == NULL || stormcut_model_get_n_elements (model) < n_elements)
    {
      g_printerr ("bench-export: the generator did not give a %u-element model\n", n_elements);
      return EXIT_FAILURE;
    }

  g_print ("# %u elements, %u contexts, %u links; format %s; dot: %s\n",
           stormcut_model_get_n_elements (model), stormcut_model_get_contexts (model)->len,
           stormcut_model_get_links (model)->len, stormcut_format_to_string (format),
           dot != NULL ? dot : "not found");

  for (guint d = 0; d < G_N_ELEMENTS (diagrams); d++)
    {
      StormcutExportWhat what = diagrams[d];
      const char *name = stormcut_export_what_to_string (what);
      guint runs = what == STORMCUT_EXPORT_FLOW ? MIN (n_runs, 5) : n_runs;
      g_autofree char *file = g_strconcat (name, ".dot", NULL);
      g_autofree char *dot_path = stormcut_test_tmp_path (file);
      g_autofree char *out_name = g_strconcat (name, "-stormcut.", stormcut_format_to_string (format), NULL);
      g_autofree char *out_path = stormcut_test_tmp_path (out_name);
      g_autofree double *ours = g_new0 (double, runs);
      g_autofree double *theirs = g_new0 (double, runs);
      g_autofree double *our_cpu = g_new0 (double, runs);
      g_autofree double *their_cpu = g_new0 (double, runs);
      g_autoptr(GBytes) first = NULL;
      g_autoptr(GError) error = NULL;
      double write_dot_ms;
      gint64 start;

      start = g_get_monotonic_time ();
      if (!stormcut_export_to_file (model, what, STORMCUT_FORMAT_DOT, dot_path, &error))
        {
          g_printerr ("bench-export: %s as DOT: %s\n", name, error->message);
          return EXIT_FAILURE;
        }
      write_dot_ms = elapsed_ms (start);

      for (guint run = 0; run < runs; run++)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *contents = NULL;
          gsize length = 0;

          /* Alternate who goes first, so that neither always finds the caches warm. */
          if (dot != NULL && run % 2 == 1)
            theirs[run] = run_dot (dot, stormcut_format_to_string (format), dot_path, "/dev/null", &their_cpu[run]);

          ours[run] = export_in_child (warm_up, model, what, format, out_path, &our_cpu[run]);
          if (ours[run] < 0 || (contents = stormcut_test_read_file (out_path, &length)) == NULL || length == 0)
            {
              g_printerr ("bench-export: %s: the export failed\n", name);
              return EXIT_FAILURE;
            }
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          if (first == NULL)
            first = g_bytes_ref (bytes);
          else if (format == STORMCUT_FORMAT_SVG && !g_bytes_equal (first, bytes))
            {
              /* PNG and PDF embed nothing variable either, but only SVG is compared: cairo's
               * PDF carries a creation date. */
              g_printerr ("bench-export: %s: two runs gave different output\n", name);
              ok = FALSE;
            }

          if (dot != NULL && run % 2 == 0)
            theirs[run] = run_dot (dot, stormcut_format_to_string (format), dot_path, "/dev/null", &their_cpu[run]);
          if (dot != NULL && theirs[run] < 0)
            return EXIT_FAILURE;
        }

      {
        double our_median = stormcut_test_median (ours, runs);
        double our_cpu_median = stormcut_test_median (our_cpu, runs);

        if (dot != NULL)
          {
            double dot_median = stormcut_test_median (theirs, runs);
            double dot_cpu_median = stormcut_test_median (their_cpu, runs);

            g_print ("%-12s wall: stormcut %9.1f ms   dot %9.1f ms   paired ratio %.2f (target <= 1.10; ratio of medians %.2f)   "
                     "cpu: stormcut %9.1f ms   dot %9.1f ms   paired ratio %.2f   "
                     "DOT written in %.1f ms, %zu bytes of %s   [%u runs]\n",
                     name, our_median, dot_median, paired_ratio (ours, theirs, runs), our_median / dot_median,
                     our_cpu_median, dot_cpu_median, paired_ratio (our_cpu, their_cpu, runs),
                     write_dot_ms, g_bytes_get_size (first), stormcut_format_to_string (format), runs);
          }
        else
          g_print ("%-12s stormcut %9.1f ms   (no dot command to compare with)   [%u runs]\n",
                   name, our_median, runs);
      }
    }

  if (cli == NULL || dot == NULL)
    {
      g_print ("# process level skipped: %s\n", cli == NULL ? "no stormcut-cli path given" : "no dot command");
      return ok ? EXIT_SUCCESS : EXIT_FAILURE;
    }
  if (!compare_processes (model, cli, dot, n_runs))
    return EXIT_FAILURE;
  if (n_small > 0 && n_small != n_elements)
    {
      g_autoptr(StormcutModel) small = stormcut_test_generate_model (n_small, SEED);

      if (small == NULL || !compare_processes (small, cli, dot, n_runs))
        return EXIT_FAILURE;
    }

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
