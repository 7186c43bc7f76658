/* stormcut-diagnosis.c: MSA adoption self-diagnosis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n-lib.h>
#include <string.h>

#include "stormcut/stormcut-diagnosis.h"

G_DEFINE_QUARK (stormcut-diagnosis-error-quark, stormcut_diagnosis_error)

static const char * const group_labels[STORMCUT_DIAGNOSIS_N_GROUPS] = {
  N_("Stable service operation"),
  N_("Responding to business and technology change"),
  N_("Better development quality"),
  N_("Shorter development period"),
};

static const struct {
  StormcutDiagnosisGroup group;
  const char            *text;
} questions[STORMCUT_DIAGNOSIS_N_QUESTIONS] = {
  { STORMCUT_DIAGNOSIS_GROUP_STABLE_OPERATION,
    /* xgettext:no-c-format */
    N_("Does enhancement and maintenance cost 15% or more of the initial development cost every year?") },
  { STORMCUT_DIAGNOSIS_GROUP_STABLE_OPERATION,
    N_("Has the service had to stop to recover from a failure or to scale out or upgrade the system?") },
  { STORMCUT_DIAGNOSIS_GROUP_STABLE_OPERATION,
    N_("Have users complained about slow access when traffic peaks at certain times (of the year, month, week or day)?") },
  { STORMCUT_DIAGNOSIS_GROUP_CHANGE,
    N_("Do frequent changes in policy or business requirements have to be answered quickly?") },
  { STORMCUT_DIAGNOSIS_GROUP_CHANGE,
    N_("Must new technologies (big data, AI, blockchain, IoT) or a range of languages and open-source software be brought in?") },
  { STORMCUT_DIAGNOSIS_GROUP_CHANGE,
    N_("Can functions and databases be split cleanly into small services that run on their own (check shared functions and data, links to other systems, dependencies between services)?") },
  { STORMCUT_DIAGNOSIS_GROUP_QUALITY,
    N_("Does the split between development and operations teams cause communication problems or delays in development and deployment?") },
  { STORMCUT_DIAGNOSIS_GROUP_QUALITY,
    N_("Is the source code so complex that the service is hard to extend and needs splitting and reworking?") },
  { STORMCUT_DIAGNOSIS_GROUP_PERIOD,
    N_("Once code is committed, are build, test and deployment to the development, staging and production servers done without tools, or only partly with tools?") },
  { STORMCUT_DIAGNOSIS_GROUP_PERIOD,
    N_("Do you want to shorten the release cycle of the current system?") },
};

static const struct {
  const char    *title;
  const char    *text;
  StormcutAnswer favourable;
} conditions[STORMCUT_DIAGNOSIS_N_CONDITIONS] = {
  { N_("Frequent deployment"),
    N_("Must the system be changed and deployed quickly and often? MSA pays off mainly through fast response to change; a system that rarely changes may not need it."),
    STORMCUT_ANSWER_YES },
  { N_("Performance sensitivity"),
    N_("Is the service sensitive to response time? Calls between services cross the network and add latency compared with a monolith."),
    STORMCUT_ANSWER_NO },
  { N_("Distributed transactions"),
    N_("Must data of several services change in one transaction? Across services this is hard and needs event-based consistency instead."),
    STORMCUT_ANSWER_NO },
  { N_("Cost versus benefit"),
    N_("Do the benefits outweigh the cost of running and managing more servers and services?"),
    STORMCUT_ANSWER_YES },
  { N_("DevOps culture"),
    N_("Is the organisation ready to build and run software the DevOps way? Changing the architecture alone does not make MSA work."),
    STORMCUT_ANSWER_YES },
};

/* "q1".."q10" -> FALSE, index 0..9; "c1".."c5" -> TRUE, index 0..4. */
static gboolean
parse_item (const char *item,
            gboolean   *out_is_condition,
            guint      *out_index)
{
  guint64 number;
  char *end = NULL;
  guint limit;

  if (item == NULL || (item[0] != 'q' && item[0] != 'c') || !g_ascii_isdigit (item[1]))
    return FALSE;
  number = g_ascii_strtoull (item + 1, &end, 10);
  if (end == NULL || *end != '\0' || item[1] == '0')
    return FALSE;
  limit = item[0] == 'q' ? STORMCUT_DIAGNOSIS_N_QUESTIONS : STORMCUT_DIAGNOSIS_N_CONDITIONS;
  if (number < 1 || number > limit)
    return FALSE;
  *out_is_condition = item[0] == 'c';
  *out_index = (guint) number - 1;
  return TRUE;
}

static StormcutAnswer
answer_from_setting (const char *value)
{
  if (g_strcmp0 (value, "yes") == 0)
    return STORMCUT_ANSWER_YES;
  if (g_strcmp0 (value, "no") == 0)
    return STORMCUT_ANSWER_NO;
  return STORMCUT_ANSWER_NONE;
}

static gboolean
check_item (const char *item,
            GError    **error)
{
  gboolean is_condition;
  guint index;

  if (parse_item (item, &is_condition, &index))
    return TRUE;
  g_set_error (error, STORMCUT_DIAGNOSIS_ERROR, STORMCUT_DIAGNOSIS_ERROR_INVALID,
               /* Translators: %s is what the user typed. */
               _("“%s” is not a checklist item. Use q1 to q10 for the questions and c1 to c5 for the adoption conditions."),
               item != NULL ? item : "");
  return FALSE;
}

/* --- public API -------------------------------------------------------------------- */

StormcutVerdict
stormcut_diagnosis_verdict_for (guint n_yes)
{
  if (n_yes >= STORMCUT_DIAGNOSIS_REVIEW_MIN)
    return STORMCUT_VERDICT_REVIEW;
  if (n_yes <= STORMCUT_DIAGNOSIS_KEEP_MAX)
    return STORMCUT_VERDICT_KEEP;
  return STORMCUT_VERDICT_BORDERLINE;
}

StormcutDiagnosis *
stormcut_diagnosis_load (StormcutModel *model)
{
  StormcutDiagnosis *diagnosis;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);

  diagnosis = g_new0 (StormcutDiagnosis, 1);
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_QUESTIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("diagnosis.q%u", i + 1);
      g_autofree char *note_key = g_strdup_printf ("diagnosis.q%u.note", i + 1);
      const char *note = stormcut_model_get_setting (model, note_key);

      diagnosis->answers[i] = answer_from_setting (stormcut_model_get_setting (model, key));
      diagnosis->notes[i] = g_strdup (note != NULL ? note : "");
      if (diagnosis->answers[i] != STORMCUT_ANSWER_NONE)
        diagnosis->n_answered++;
      if (diagnosis->answers[i] == STORMCUT_ANSWER_YES)
        diagnosis->n_yes++;
    }
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_CONDITIONS; i++)
    {
      g_autofree char *key = g_strdup_printf ("diagnosis.c%u", i + 1);
      g_autofree char *note_key = g_strdup_printf ("diagnosis.c%u.note", i + 1);
      const char *note = stormcut_model_get_setting (model, note_key);

      diagnosis->conditions[i] = answer_from_setting (stormcut_model_get_setting (model, key));
      diagnosis->condition_notes[i] = g_strdup (note != NULL ? note : "");
    }
  diagnosis->verdict = stormcut_diagnosis_verdict_for (diagnosis->n_yes);
  return diagnosis;
}

void
stormcut_diagnosis_free (StormcutDiagnosis *diagnosis)
{
  if (diagnosis == NULL)
    return;
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_QUESTIONS; i++)
    g_free (diagnosis->notes[i]);
  for (guint i = 0; i < STORMCUT_DIAGNOSIS_N_CONDITIONS; i++)
    g_free (diagnosis->condition_notes[i]);
  g_free (diagnosis);
}

gboolean
stormcut_diagnosis_set_answer (StormcutModel  *model,
                               const char     *item,
                               StormcutAnswer  answer,
                               GError        **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);

  if (!check_item (item, error))
    return FALSE;
  key = g_strconcat ("diagnosis.", item, NULL);
  return stormcut_model_set_setting (model, key,
                                     answer == STORMCUT_ANSWER_NONE ? NULL : stormcut_answer_to_string (answer),
                                     error);
}

gboolean
stormcut_diagnosis_set_note (StormcutModel *model,
                             const char    *item,
                             const char    *note,
                             GError       **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);

  if (!check_item (item, error))
    return FALSE;
  key = g_strconcat ("diagnosis.", item, ".note", NULL);
  return stormcut_model_set_setting (model, key, note != NULL && note[0] != '\0' ? note : NULL, error);
}

gboolean
stormcut_diagnosis_parse_assignment (const char     *text,
                                     char          **out_item,
                                     StormcutAnswer *out_answer,
                                     GError        **error)
{
  g_auto (GStrv) parts = NULL;
  g_autofree char *item = NULL;
  g_autofree char *value = NULL;
  StormcutAnswer answer;

  g_return_val_if_fail (text != NULL, FALSE);

  parts = g_strsplit (text, "=", 2);
  if (parts[0] == NULL || parts[1] == NULL)
    {
      g_set_error (error, STORMCUT_DIAGNOSIS_ERROR, STORMCUT_DIAGNOSIS_ERROR_INVALID,
                   /* Translators: %s is what the user typed; keep q3=yes untranslated. */
                   _("“%s” is not an answer. Write it as item=answer, for example q3=yes."), text);
      return FALSE;
    }
  item = g_ascii_strdown (g_strstrip (parts[0]), -1);
  value = g_ascii_strdown (g_strstrip (parts[1]), -1);
  if (!check_item (item, error))
    return FALSE;
  if (g_str_equal (value, "yes") || g_str_equal (value, "y"))
    answer = STORMCUT_ANSWER_YES;
  else if (g_str_equal (value, "no") || g_str_equal (value, "n"))
    answer = STORMCUT_ANSWER_NO;
  else if (g_str_equal (value, "none") || value[0] == '\0')
    answer = STORMCUT_ANSWER_NONE;
  else
    {
      g_set_error (error, STORMCUT_DIAGNOSIS_ERROR, STORMCUT_DIAGNOSIS_ERROR_INVALID,
                   /* Translators: %s is what the user typed; keep yes, no and none untranslated. */
                   _("“%s” is not an answer. Use yes, no or none."), parts[1]);
      return FALSE;
    }
  if (out_item != NULL)
    *out_item = g_steal_pointer (&item);
  if (out_answer != NULL)
    *out_answer = answer;
  return TRUE;
}

StormcutDiagnosisGroup
stormcut_diagnosis_question_get_group (guint index)
{
  g_return_val_if_fail (index < STORMCUT_DIAGNOSIS_N_QUESTIONS, 0);
  return questions[index].group;
}

const char *
stormcut_diagnosis_question_get_text (guint index)
{
  g_return_val_if_fail (index < STORMCUT_DIAGNOSIS_N_QUESTIONS, NULL);
  return _(questions[index].text);
}

const char *
stormcut_diagnosis_group_get_label (StormcutDiagnosisGroup group)
{
  g_return_val_if_fail (group < STORMCUT_DIAGNOSIS_N_GROUPS, NULL);
  return _(group_labels[group]);
}

const char *
stormcut_diagnosis_condition_get_title (guint index)
{
  g_return_val_if_fail (index < STORMCUT_DIAGNOSIS_N_CONDITIONS, NULL);
  return _(conditions[index].title);
}

const char *
stormcut_diagnosis_condition_get_text (guint index)
{
  g_return_val_if_fail (index < STORMCUT_DIAGNOSIS_N_CONDITIONS, NULL);
  return _(conditions[index].text);
}

StormcutAnswer
stormcut_diagnosis_condition_favourable_answer (guint index)
{
  g_return_val_if_fail (index < STORMCUT_DIAGNOSIS_N_CONDITIONS, STORMCUT_ANSWER_NONE);
  return conditions[index].favourable;
}

const char *
stormcut_verdict_to_string (StormcutVerdict verdict)
{
  switch (verdict)
    {
    case STORMCUT_VERDICT_KEEP:
      return "keep";
    case STORMCUT_VERDICT_BORDERLINE:
      return "borderline";
    case STORMCUT_VERDICT_REVIEW:
      return "review";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_verdict_get_label (StormcutVerdict verdict)
{
  switch (verdict)
    {
    case STORMCUT_VERDICT_KEEP:
      return _("Keep the current architecture (3 or fewer “yes”)");
    case STORMCUT_VERDICT_BORDERLINE:
      return _("Borderline (4 or 5 “yes”): weigh the adoption conditions");
    case STORMCUT_VERDICT_REVIEW:
      return _("Adopting cloud native / MSA is worth reviewing (6 or more “yes”)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_answer_to_string (StormcutAnswer answer)
{
  switch (answer)
    {
    case STORMCUT_ANSWER_NONE:
      return "";
    case STORMCUT_ANSWER_YES:
      return "yes";
    case STORMCUT_ANSWER_NO:
      return "no";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
stormcut_answer_get_label (StormcutAnswer answer)
{
  switch (answer)
    {
    case STORMCUT_ANSWER_NONE:
      return _("Not answered");
    case STORMCUT_ANSWER_YES:
      return _("Yes");
    case STORMCUT_ANSWER_NO:
      return _("No");
    default:
      g_return_val_if_reached (NULL);
    }
}
