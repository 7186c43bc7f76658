/* main.c: starts the Stormcut application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <glib/gi18n.h>

#include "stormcut-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(StormcutApplication) application = NULL;
  /* A run from the build tree points this at <build>/po (build-aux/run.sh does). */
  const char *localedir = g_getenv ("STORMCUT_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = stormcut_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
