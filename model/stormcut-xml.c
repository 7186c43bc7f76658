/* stormcut-xml.c: the model's XML form (docs/model-xml.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer walks the model in document order and prints it with xmlTextWriter, so the
 * same model always gives the same bytes.  The reader parses with the network off, no DTD,
 * no entity expansion and no XInclude; a per-context SAX hook stops the parser at the first
 * <!DOCTYPE>, and a per-context structured error handler keeps libxml2 quiet.  It checks the
 * whole document against the format before building a new in-memory model, and returns
 * nothing on any error.
 */

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "stormcut/stormcut-grammar.h"
#include "stormcut/stormcut-xml.h"
#include "stormcut-autocleanups-private.h"

#define XINCLUDE_NAMESPACE_2001 "http://www.w3.org/2001/XInclude"
#define XINCLUDE_NAMESPACE_2003 "http://www.w3.org/2003/XInclude"
#define MAX_ID_LENGTH 64

G_DEFINE_QUARK (stormcut-import-error-quark, stormcut_import_error)

/* --- names used in the file ------------------------------------------------------ */

/* Our own tables rather than the *_to_string() helpers: the file format must not change
 * when a display or command-line name does. */
static const char * const kind_names[] = {
  [STORMCUT_KIND_EVENT] = "event",
  [STORMCUT_KIND_COMMAND] = "command",
  [STORMCUT_KIND_POLICY] = "policy",
  [STORMCUT_KIND_AGGREGATE] = "aggregate",
  [STORMCUT_KIND_READ_MODEL] = "read_model",
  [STORMCUT_KIND_EXTERNAL_SYSTEM] = "external_system",
  [STORMCUT_KIND_ACTOR] = "actor",
  [STORMCUT_KIND_HOTSPOT] = "hotspot",
};
G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == STORMCUT_N_KINDS);

static const char * const domain_type_names[] = {
  [STORMCUT_DOMAIN_CORE] = "core",
  [STORMCUT_DOMAIN_SUPPORTING] = "supporting",
  [STORMCUT_DOMAIN_GENERIC] = "generic",
};
G_STATIC_ASSERT (G_N_ELEMENTS (domain_type_names) == STORMCUT_N_DOMAIN_TYPES);

static const char * const pattern_names[] = {
  [STORMCUT_PATTERN_UPSTREAM_DOWNSTREAM] = "upstream-downstream",
  [STORMCUT_PATTERN_CUSTOMER_SUPPLIER] = "customer-supplier",
  [STORMCUT_PATTERN_PARTNERSHIP] = "partnership",
  [STORMCUT_PATTERN_SHARED_KERNEL] = "shared-kernel",
  [STORMCUT_PATTERN_SEPARATE_WAYS] = "separate-ways",
};
G_STATIC_ASSERT (G_N_ELEMENTS (pattern_names) == STORMCUT_N_PATTERNS);

/* STORMCUT_MODE_UNSPECIFIED is written as no attribute at all. */
static const char * const mode_names[] = {
  [STORMCUT_MODE_UNSPECIFIED] = NULL,
  [STORMCUT_MODE_SYNC] = "sync",
  [STORMCUT_MODE_ASYNC] = "async",
  [STORMCUT_MODE_SHARED_DATA] = "shared-data",
};
G_STATIC_ASSERT (G_N_ELEMENTS (mode_names) == STORMCUT_N_MODES);

/* In the order they are written. */
static const struct {
  StormcutRoles role;
  const char   *name;
} role_names[] = {
  { STORMCUT_ROLE_OHS, "ohs" },
  { STORMCUT_ROLE_PL, "pl" },
  { STORMCUT_ROLE_CF, "cf" },
  { STORMCUT_ROLE_ACL, "acl" },
};

static int
lookup_name (const char * const *names,
             guint               n_names,
             const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (names[i] != NULL && g_strcmp0 (names[i], name) == 0)
      return (int) i;
  return -1;
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* [A-Za-z0-9_.:-]{1,64} */
static gboolean
id_is_valid (const char *id)
{
  gsize length = 0;

  for (const char *p = id; *p != '\0'; p++, length++)
    if (!g_ascii_isalnum (*p) && strchr ("_.:-", *p) == NULL)
      return FALSE;
  return length >= 1 && length <= MAX_ID_LENGTH;
}

/* [A-Za-z_][A-Za-z0-9_]* */
static gboolean
code_name_is_valid (const char *code_name)
{
  if (!g_ascii_isalpha (code_name[0]) && code_name[0] != '_')
    return FALSE;
  for (const char *p = code_name + 1; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

/* #rrggbb, either case */
static gboolean
color_is_valid (const char *color)
{
  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

/* Valid UTF-8 and only characters XML 1.0 can carry. */
static gboolean
text_is_xml_safe (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        return FALSE;
    }
  return TRUE;
}

/* At most two decimals, no trailing zeros, never "-0"; locale-independent.  Counted in
 * hundredths, rounded the way the model quantizes geometry, so what the model keeps is what
 * is printed. */
static void
format_coordinate (double  value,
                   char   *buffer,
                   gsize   size)
{
  gint64 hundredths, whole, fraction;
  char *end;

  if (!isfinite (value) || fabs (value) > 1e13)
    {
      g_ascii_formatd (buffer, size, "%.2f", value);
      return;
    }

  hundredths = (gint64) llround (value * 100.0);
  whole = ABS (hundredths) / 100;
  fraction = ABS (hundredths) % 100;
  if (fraction == 0)
    g_snprintf (buffer, size, "%s%" G_GINT64_FORMAT, hundredths < 0 ? "-" : "", whole);
  else
    {
      g_snprintf (buffer, size, "%s%" G_GINT64_FORMAT ".%02d", hundredths < 0 ? "-" : "", whole, (int) fraction);
      end = buffer + strlen (buffer);
      if (end[-1] == '0')
        end[-1] = '\0';
    }
}

/* --- writer ---------------------------------------------------------------------- */

typedef struct {
  xmlTextWriter *writer;
  gboolean       failed;      /* libxml2 refused a call (out of memory) */
  char          *unsafe_owner; /* id of the first object whose text XML cannot hold */
} Writer;

static void
writer_check (Writer     *w,
              int         result)
{
  if (result < 0)
    w->failed = TRUE;
}

static gboolean
writer_ok (Writer *w)
{
  return !w->failed && w->unsafe_owner == NULL;
}

static gboolean
writer_check_text (Writer     *w,
                   const char *text,
                   const char *owner)
{
  if (text_is_xml_safe (text))
    return TRUE;
  if (w->unsafe_owner == NULL)
    w->unsafe_owner = g_strdup (owner != NULL ? owner : "");
  return FALSE;
}

static void
write_start (Writer     *w,
             const char *name)
{
  if (writer_ok (w))
    writer_check (w, xmlTextWriterStartElement (w->writer, BAD_CAST name));
}

static void
write_end (Writer *w)
{
  if (writer_ok (w))
    writer_check (w, xmlTextWriterEndElement (w->writer));
}

static void
write_attribute (Writer     *w,
                 const char *name,
                 const char *value,
                 const char *owner)
{
  if (writer_ok (w) && writer_check_text (w, value, owner))
    writer_check (w, xmlTextWriterWriteAttribute (w->writer, BAD_CAST name, BAD_CAST value));
}

static void
write_optional_attribute (Writer     *w,
                          const char *name,
                          const char *value,
                          const char *owner)
{
  if (!is_empty (value))
    write_attribute (w, name, value, owner);
}

static void
write_flag (Writer     *w,
            const char *name,
            gboolean    value)
{
  if (value)
    write_attribute (w, name, "true", NULL);
}

static void
write_coordinate (Writer     *w,
                  const char *name,
                  double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  format_coordinate (value, buffer, sizeof buffer);
  write_attribute (w, name, buffer, NULL);
}

static void
write_color (Writer     *w,
             const char *color,
             const char *owner)
{
  g_autofree char *lower = NULL;

  if (is_empty (color))
    return;
  lower = g_ascii_strdown (color, -1);
  write_attribute (w, "color", lower, owner);
}

static void
write_text_element (Writer     *w,
                    const char *name,
                    const char *text,
                    const char *owner)
{
  if (writer_ok (w) && writer_check_text (w, text != NULL ? text : "", owner))
    writer_check (w, xmlTextWriterWriteElement (w->writer, BAD_CAST name,
                                                BAD_CAST (text != NULL ? text : "")));
}

static void
write_optional_text_element (Writer     *w,
                             const char *name,
                             const char *text,
                             const char *owner)
{
  if (!is_empty (text))
    write_text_element (w, name, text, owner);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
write_settings (Writer        *w,
                StormcutModel *model)
{
  g_auto(GStrv) keys = stormcut_model_list_settings (model);
  guint n_keys = keys != NULL ? g_strv_length (keys) : 0;

  if (n_keys == 0)
    return;

  qsort (keys, n_keys, sizeof (char *), compare_strings);
  write_start (w, "settings");
  for (guint i = 0; i < n_keys; i++)
    {
      const char *value = stormcut_model_get_setting (model, keys[i]);

      write_start (w, "setting");
      write_attribute (w, "key", keys[i], keys[i]);
      if (writer_ok (w) && writer_check_text (w, value != NULL ? value : "", keys[i]))
        writer_check (w, xmlTextWriterWriteString (w->writer, BAD_CAST (value != NULL ? value : "")));
      write_end (w);
    }
  write_end (w);
}

static void
write_contexts (Writer        *w,
                StormcutModel *model)
{
  GPtrArray *contexts = stormcut_model_get_contexts (model);

  if (contexts == NULL || contexts->len == 0)
    return;

  write_start (w, "contexts");
  for (guint i = 0; i < contexts->len; i++)
    {
      const StormcutContext *context = g_ptr_array_index (contexts, i);
      const char *id = context->id;

      write_start (w, "context");
      write_attribute (w, "id", id, id);
      write_optional_attribute (w, "code-name", context->code_name, id);
      write_attribute (w, "domain-type", domain_type_names[context->domain_type], id);
      write_coordinate (w, "x", context->x);
      write_coordinate (w, "y", context->y);
      write_coordinate (w, "width", context->width);
      write_coordinate (w, "height", context->height);
      write_color (w, context->color, id);
      write_optional_attribute (w, "service", context->service, id);
      write_flag (w, "external", context->external);
      write_flag (w, "big-ball-of-mud", context->big_ball_of_mud);
      write_text_element (w, "name", context->name, id);
      write_optional_text_element (w, "description", context->description, id);
      write_optional_text_element (w, "team", context->team, id);
      write_end (w);
    }
  write_end (w);
}

static void
write_elements (Writer        *w,
                StormcutModel *model)
{
  GPtrArray *elements = stormcut_model_get_elements (model);

  if (elements == NULL || elements->len == 0)
    return;

  write_start (w, "elements");
  for (guint i = 0; i < elements->len; i++)
    {
      const StormcutElement *element = g_ptr_array_index (elements, i);
      const char *id = element->id;

      write_start (w, "element");
      write_attribute (w, "id", id, id);
      write_attribute (w, "kind", kind_names[element->kind], id);
      write_optional_attribute (w, "code-name", element->code_name, id);
      write_optional_attribute (w, "context", element->context_id, id);
      write_coordinate (w, "x", element->x);
      write_coordinate (w, "y", element->y);
      write_coordinate (w, "width", element->width);
      write_coordinate (w, "height", element->height);
      write_color (w, element->color, id);
      write_flag (w, "derived", element->derived);
      write_text_element (w, "name", element->name, id);
      write_optional_text_element (w, "description", element->description, id);
      for (guint j = 0; element->attributes != NULL && j < element->attributes->len; j++)
        {
          const StormcutAttribute *attribute = g_ptr_array_index (element->attributes, j);

          write_start (w, "attribute");
          write_attribute (w, "name", attribute->name != NULL ? attribute->name : "", id);
          write_optional_attribute (w, "type", attribute->type, id);
          write_flag (w, "key", attribute->is_key);
          write_end (w);
        }
      write_end (w);
    }
  write_end (w);
}

static void
write_links (Writer        *w,
             StormcutModel *model)
{
  GPtrArray *links = stormcut_model_get_links (model);

  if (links == NULL || links->len == 0)
    return;

  write_start (w, "links");
  for (guint i = 0; i < links->len; i++)
    {
      const StormcutLink *link = g_ptr_array_index (links, i);

      write_start (w, "link");
      write_attribute (w, "id", link->id, link->id);
      write_attribute (w, "from", link->source_id, link->id);
      write_attribute (w, "to", link->target_id, link->id);
      write_end (w);
    }
  write_end (w);
}

static void
write_relationships (Writer        *w,
                     StormcutModel *model)
{
  GPtrArray *relationships = stormcut_model_get_relationships (model);

  if (relationships == NULL || relationships->len == 0)
    return;

  write_start (w, "relationships");
  for (guint i = 0; i < relationships->len; i++)
    {
      const StormcutRelationship *relationship = g_ptr_array_index (relationships, i);
      const char *id = relationship->id;
      g_autoptr(GString) roles = g_string_new (NULL);

      for (guint j = 0; j < G_N_ELEMENTS (role_names); j++)
        if (relationship->roles & role_names[j].role)
          {
            if (roles->len > 0)
              g_string_append_c (roles, ' ');
            g_string_append (roles, role_names[j].name);
          }

      write_start (w, "relationship");
      write_attribute (w, "id", id, id);
      write_attribute (w, "pattern", pattern_names[relationship->pattern], id);
      write_attribute (w, "upstream", relationship->upstream_id, id);
      write_attribute (w, "downstream", relationship->downstream_id, id);
      write_optional_attribute (w, "roles", roles->str, id);
      write_optional_attribute (w, "mode", mode_names[relationship->mode], id);
      write_optional_text_element (w, "note", relationship->note, id);
      write_end (w);
    }
  write_end (w);
}

/* --- reader: parsing ------------------------------------------------------------- */

typedef struct {
  gboolean  saw_doctype;
  int       doctype_line;
  char     *parse_message; /* first error libxml2 reported */
  int       parse_line;
} ParseState;

static void
parse_error_cb (void        *user_data,
                xmlError    *error)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  if (error->level < XML_ERR_ERROR || state->parse_message != NULL)
    return;
  /* libxml2 ends its messages with a newline, sometimes puts one in the middle, and may quote
   * the input cut in the middle of a character. */
  state->parse_message = g_strstrip (g_strdelimit (g_utf8_make_valid (error->message != NULL ? error->message : "", -1),
                                                   "\r\n", ' '));
  state->parse_line = error->line;
}

/* Called at "<!DOCTYPE": the format never has one, and refusing it here means no
 * entity, internal subset or external DTD is ever looked at. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->saw_doctype = TRUE;
  state->doctype_line = ctxt->input != NULL ? ctxt->input->line : 1;
  xmlStopParser (ctxt);
}

static void
set_line_error (GError             **error,
                StormcutImportError  code,
                long                 line,
                const char          *detail)
{
  /* Translators: the start of every import error; %s is the sentence that follows */
  g_set_error (error, STORMCUT_IMPORT_ERROR, code, _("On line %ld: %s"), MAX (line, 1), detail);
}

static xmlDoc *
parse_document (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(xmlParserCtxt) ctxt = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  ParseState state = { 0 };
  int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC;

  if (length == 0)
    {
      set_line_error (error, STORMCUT_IMPORT_ERROR_MALFORMED, 1,
                      _("the file is empty. Choose a Stormcut model XML file."));
      return NULL;
    }
  if (length > G_MAXINT)
    {
      set_line_error (error, STORMCUT_IMPORT_ERROR_MALFORMED, 1,
                      _("the file is too large to be a Stormcut model."));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      set_line_error (error, STORMCUT_IMPORT_ERROR_MALFORMED, 1,
                      _("there is not enough memory to read the file."));
      return NULL;
    }
  ctxt->_private = &state;
  ctxt->sax->serror = parse_error_cb;
  ctxt->sax->internalSubset = internal_subset_cb;
  ctxt->sax->externalSubset = NULL;
  ctxt->sax->warning = NULL;

  /* Always UTF-8: the declared encoding is ignored, so a document cannot switch the parser
   * to another converter. */
  doc = xmlCtxtReadMemory (ctxt, data, (int) length, NULL, "UTF-8", options);

  if (state.saw_doctype)
    {
      set_line_error (error, STORMCUT_IMPORT_ERROR_MALFORMED, state.doctype_line,
                      _("the file has a document type declaration (<!DOCTYPE …>). Stormcut models never "
                        "use one and it is refused for safety; remove it and import again."));
      g_free (state.parse_message);
      return NULL;
    }
  if (doc == NULL || !ctxt->wellFormed || state.parse_message != NULL)
    {
      g_autofree char *detail = NULL;

      detail = g_strdup_printf (_("the file is not well-formed XML (%s). Check that the file is complete "
                                  "and saved as UTF-8."),
                                state.parse_message != NULL ? state.parse_message : "?");
      set_line_error (error, STORMCUT_IMPORT_ERROR_MALFORMED,
                      state.parse_message != NULL ? state.parse_line : 1, detail);
      g_free (state.parse_message);
      return NULL;
    }

  return g_steal_pointer (&doc);
}

/* --- reader: checking and building ----------------------------------------------- */

typedef struct {
  StormcutModel *model;
  GError        *error;
  GHashTable    *context_ids;      /* ids seen so far */
  GHashTable    *element_kinds;    /* id -> GINT_TO_POINTER (kind + 1) */
  GHashTable    *link_ids;         /* ids seen so far */
  GHashTable    *relationship_ids; /* ids seen so far */
  GHashTable    *setting_keys;     /* keys seen so far */
} Reader;

/* The line of an element is where its start tag is.  libxml2 gives a text node the line
 * where it ends, so count back to its first non-blank character. */
static long
node_line (const xmlNode *node)
{
  long line = xmlGetLineNo (node);
  const xmlChar *p;

  if ((node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE) || node->content == NULL)
    return line;
  for (p = node->content; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++)
    ;
  for (; *p != '\0'; p++)
    if (*p == '\n')
      line--;
  if (node->parent != NULL && line < xmlGetLineNo (node->parent))
    line = xmlGetLineNo (node->parent);
  return line;
}

static gboolean
reader_fail (Reader              *reader,
             const xmlNode       *node,
             StormcutImportError  code,
             const char          *format,
             ...) G_GNUC_PRINTF (4, 5);

static gboolean
reader_fail (Reader              *reader,
             const xmlNode       *node,
             StormcutImportError  code,
             const char          *format,
             ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  if (reader->error != NULL)
    return FALSE;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);
  set_line_error (&reader->error, code, node != NULL ? node_line (node) : 1, detail);
  return FALSE;
}

/* A model error (refused value) at @node becomes an import error with the line. */
static gboolean
reader_fail_with (Reader        *reader,
                  const xmlNode *node,
                  GError        *cause)
{
  reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID, "%s", cause->message);
  g_error_free (cause);
  return FALSE;
}

static gboolean
is_ours (const xmlNode *node)
{
  return node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *) node->ns->href, STORMCUT_XML_NAMESPACE) == 0;
}

static gboolean
is_xinclude (const xmlNode *node)
{
  return node->ns != NULL && node->ns->href != NULL &&
         (strcmp ((const char *) node->ns->href, XINCLUDE_NAMESPACE_2001) == 0 ||
          strcmp ((const char *) node->ns->href, XINCLUDE_NAMESPACE_2003) == 0);
}

static gboolean
is_element (const xmlNode *node,
            const char    *name)
{
  return node->type == XML_ELEMENT_NODE && is_ours (node) &&
         strcmp ((const char *) node->name, name) == 0;
}

static gboolean
is_blank (const xmlChar *text)
{
  for (const xmlChar *p = text; p != NULL && *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return TRUE;
}

/* Refuses what a container element must not hold; returns the next child element to
 * look at (or NULL at the end, or on error with reader->error set). */
static xmlNode *
next_child_element (Reader  *reader,
                    xmlNode *parent,
                    xmlNode *after)
{
  for (xmlNode *child = after != NULL ? after->next : parent->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_ELEMENT_NODE:
          if (is_xinclude (child))
            {
              reader_fail (reader, child, STORMCUT_IMPORT_ERROR_MALFORMED,
                           _("the file uses XInclude (<%s>), which is refused for safety. Put the "
                             "content itself in the file and import again."),
                           (const char *) child->name);
              return NULL;
            }
          if (!is_ours (child))
            {
              reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                           _("the element <%s> is not part of the Stormcut model format. Remove it."),
                           (const char *) child->name);
              return NULL;
            }
          return child;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (!is_blank (child->content))
            {
              reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                           _("text is not allowed directly inside <%s>. Put it in a <name>, "
                             "<description> or <note> element."),
                           (const char *) parent->name);
              return NULL;
            }
          break;

        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          break;

        case XML_ENTITY_REF_NODE:
        case XML_ENTITY_NODE:
        case XML_ENTITY_DECL:
          reader_fail (reader, child, STORMCUT_IMPORT_ERROR_MALFORMED,
                       _("the file uses an entity reference, which is refused for safety. Write the "
                         "text itself instead."));
          return NULL;

        default:
          reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                       _("unexpected content inside <%s>. Remove it."), (const char *) parent->name);
          return NULL;
        }
    }
  return NULL;
}

static gboolean
check_attributes (Reader            *reader,
                  xmlNode           *node,
                  const char * const *allowed)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      gboolean known = FALSE;

      if (attr->ns == NULL)
        for (guint i = 0; allowed != NULL && allowed[i] != NULL && !known; i++)
          known = strcmp ((const char *) attr->name, allowed[i]) == 0;
      if (!known)
        return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                            _("<%s> has an unknown attribute “%s”. Remove it."),
                            (const char *) node->name, (const char *) attr->name);
    }
  return TRUE;
}

/* The attribute's value (newly allocated), or NULL when missing. */
static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *result = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return result;
}

static char *
get_required_attribute (Reader     *reader,
                        xmlNode    *node,
                        const char *name)
{
  char *value = get_attribute (node, name);

  if (value == NULL)
    reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                 _("<%s> has no “%s” attribute. Add it."), (const char *) node->name, name);
  return value;
}

/* An id attribute (required) or a reference attribute (@required decides). */
static char *
get_id_attribute (Reader     *reader,
                  xmlNode    *node,
                  const char *name,
                  gboolean    required)
{
  g_autofree char *value = required ? get_required_attribute (reader, node, name) : get_attribute (node, name);

  if (value == NULL)
    return NULL;
  if (!id_is_valid (value))
    {
      reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                   _("“%s” is not a valid identifier for the “%s” attribute of <%s>. Use 1 to 64 letters, "
                     "digits and the characters _ . : -"),
                   value, name, (const char *) node->name);
      return NULL;
    }
  return g_steal_pointer (&value);
}

static gboolean
get_flag (Reader     *reader,
          xmlNode    *node,
          const char *name,
          gboolean   *out_value)
{
  g_autofree char *value = get_attribute (node, name);

  *out_value = FALSE;
  if (value == NULL || strcmp (value, "false") == 0)
    return TRUE;
  if (strcmp (value, "true") == 0)
    {
      *out_value = TRUE;
      return TRUE;
    }
  return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                      _("the “%s” attribute of <%s> must be “true” or “false”, not “%s”."),
                      name, (const char *) node->name, value);
}

static gboolean
get_coordinate (Reader     *reader,
                xmlNode    *node,
                const char *name,
                gboolean    required,
                double      fallback,
                double     *out_value)
{
  g_autofree char *value = get_attribute (node, name);
  char *end = NULL;
  double number;

  *out_value = fallback;
  if (value == NULL)
    {
      if (required)
        return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                            _("<%s> has no “%s” attribute. Add it."), (const char *) node->name, name);
      return TRUE;
    }

  errno = 0;
  number = g_ascii_strtod (value, &end);
  if (value[0] == '\0' || g_ascii_isspace (value[0]) || end == NULL || *end != '\0' ||
      errno != 0 || !isfinite (number))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the “%s” attribute of <%s> must be a number, not “%s”."),
                        name, (const char *) node->name, value);
  *out_value = number;
  return TRUE;
}

static gboolean
get_code_name (Reader   *reader,
               xmlNode  *node,
               char    **out_code_name)
{
  g_autofree char *value = get_attribute (node, "code-name");

  if (value != NULL && value[0] != '\0' && !code_name_is_valid (value))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the code name “%s” is not an identifier. Use ASCII letters, digits and _, "
                          "not starting with a digit."),
                        value);
  *out_code_name = value != NULL ? g_steal_pointer (&value) : g_strdup ("");
  return TRUE;
}

static gboolean
get_color (Reader   *reader,
           xmlNode  *node,
           char    **out_color)
{
  g_autofree char *value = get_attribute (node, "color");

  *out_color = NULL;
  if (value == NULL)
    return TRUE;
  if (!color_is_valid (value))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the colour “%s” is not of the form #rrggbb."), value);
  *out_color = g_ascii_strdown (value, -1);
  return TRUE;
}

/* Text content of a leaf element (name, description, team, note, setting). */
static char *
get_text (Reader  *reader,
          xmlNode *node)
{
  GString *buffer;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE ||
          child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE)
        continue;
      if (child->type == XML_ENTITY_REF_NODE)
        reader_fail (reader, child, STORMCUT_IMPORT_ERROR_MALFORMED,
                     _("the file uses an entity reference, which is refused for safety. Write the "
                       "text itself instead."));
      else if (child->type == XML_ELEMENT_NODE && is_xinclude (child))
        reader_fail (reader, child, STORMCUT_IMPORT_ERROR_MALFORMED,
                     _("the file uses XInclude (<%s>), which is refused for safety. Put the "
                       "content itself in the file and import again."),
                     (const char *) child->name);
      else
        reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                     _("<%s> may only contain text."), (const char *) node->name);
      return NULL;
    }

  /* Comments are skipped: only text and CDATA count. */
  buffer = g_string_new (NULL);
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
      g_string_append (buffer, (const char *) child->content);
  return g_string_free (buffer, FALSE);
}

/* A leaf element that may appear once: stores its text in @slot. */
static gboolean
take_text_child (Reader   *reader,
                 xmlNode  *child,
                 char    **slot)
{
  if (!check_attributes (reader, child, NULL))
    return FALSE;
  if (*slot != NULL)
    return reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                        _("<%s> appears twice here. Keep one."), (const char *) child->name);
  *slot = get_text (reader, child);
  return *slot != NULL;
}

static gboolean
fail_unexpected (Reader  *reader,
                 xmlNode *child,
                 xmlNode *parent)
{
  return reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                      _("<%s> is not expected inside <%s>."),
                      (const char *) child->name, (const char *) parent->name);
}

static gboolean
remember_id (Reader     *reader,
             GHashTable *ids,
             xmlNode    *node,
             const char *id,
             gpointer    value)
{
  gpointer previous;

  if (g_hash_table_lookup_extended (ids, id, NULL, &previous))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the id “%s” is already used by another <%s>. Give each one its own id."),
                        id, (const char *) node->name);
  g_hash_table_insert (ids, g_strdup (id), value);
  return TRUE;
}

static gboolean
read_setting (Reader  *reader,
              xmlNode *node)
{
  static const char * const allowed[] = { "key", NULL };
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!check_attributes (reader, node, allowed) ||
      (key = get_required_attribute (reader, node, "key")) == NULL ||
      (value = get_text (reader, node)) == NULL)
    return FALSE;
  if (g_hash_table_contains (reader->setting_keys, key))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the setting “%s” appears twice. Keep one."), key);
  g_hash_table_add (reader->setting_keys, g_strdup (key));

  if (!stormcut_model_set_setting (reader->model, key, value, &local_error))
    return reader_fail_with (reader, node, g_steal_pointer (&local_error));
  return TRUE;
}

static gboolean
read_context (Reader  *reader,
              xmlNode *node)
{
  static const char * const allowed[] = {
    "id", "code-name", "domain-type", "x", "y", "width", "height", "color", "service",
    "external", "big-ball-of-mud", NULL
  };
  g_autofree char *id = NULL;
  g_autofree char *code_name = NULL;
  g_autofree char *domain_type = NULL;
  g_autofree char *color = NULL;
  g_autofree char *service = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autofree char *team = NULL;
  g_autoptr(GError) local_error = NULL;
  StormcutContext context = { 0 };
  int type = STORMCUT_DOMAIN_SUPPORTING;

  if (!check_attributes (reader, node, allowed) ||
      (id = get_id_attribute (reader, node, "id", TRUE)) == NULL ||
      !get_code_name (reader, node, &code_name) ||
      !get_coordinate (reader, node, "x", FALSE, 0, &context.x) ||
      !get_coordinate (reader, node, "y", FALSE, 0, &context.y) ||
      !get_coordinate (reader, node, "width", TRUE, 0, &context.width) ||
      !get_coordinate (reader, node, "height", TRUE, 0, &context.height) ||
      !get_color (reader, node, &color) ||
      !get_flag (reader, node, "external", &context.external) ||
      !get_flag (reader, node, "big-ball-of-mud", &context.big_ball_of_mud))
    return FALSE;

  domain_type = get_attribute (node, "domain-type");
  if (domain_type != NULL &&
      (type = lookup_name (domain_type_names, G_N_ELEMENTS (domain_type_names), domain_type)) < 0)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("“%s” is not a domain type. Use core, supporting or generic."), domain_type);
  service = get_attribute (node, "service");
  if (service != NULL && service[0] == '\0')
    g_clear_pointer (&service, g_free);

  for (xmlNode *child = next_child_element (reader, node, NULL); child != NULL;
       child = next_child_element (reader, node, child))
    {
      gboolean ok;

      if (is_element (child, "name"))
        ok = take_text_child (reader, child, &name);
      else if (is_element (child, "description"))
        ok = take_text_child (reader, child, &description);
      else if (is_element (child, "team"))
        ok = take_text_child (reader, child, &team);
      else
        ok = fail_unexpected (reader, child, node);
      if (!ok)
        return FALSE;
    }
  if (reader->error != NULL)
    return FALSE;
  if (name == NULL)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the context “%s” has no <name>. Add one."), id);
  if (!remember_id (reader, reader->context_ids, node, id, GINT_TO_POINTER (1)))
    return FALSE;

  context.id = id;
  context.name = name;
  context.code_name = code_name;
  context.description = description != NULL ? description : (char *) "";
  context.team = team != NULL ? team : (char *) "";
  context.domain_type = type;
  context.color = color;
  context.service = service;
  context.ordinal = g_hash_table_size (reader->context_ids);

  if (stormcut_model_insert_context (reader->model, &context, &local_error) == NULL)
    return reader_fail_with (reader, node, g_steal_pointer (&local_error));
  return TRUE;
}

static gboolean
read_attribute (Reader    *reader,
                xmlNode   *node,
                GPtrArray *attributes)
{
  static const char * const allowed[] = { "name", "type", "key", NULL };
  g_autofree char *name = NULL;
  g_autofree char *type = NULL;
  gboolean is_key = FALSE;

  if (!check_attributes (reader, node, allowed) ||
      (name = get_required_attribute (reader, node, "name")) == NULL ||
      !get_flag (reader, node, "key", &is_key))
    return FALSE;
  if (name[0] == '\0')
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("an <attribute> has an empty name. Name it."));
  if (next_child_element (reader, node, NULL) != NULL)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("<attribute> must be empty."));
  if (reader->error != NULL)
    return FALSE;
  type = get_attribute (node, "type");
  g_ptr_array_add (attributes, stormcut_attribute_new (name, type != NULL ? type : "", is_key));
  return TRUE;
}

static gboolean
read_element (Reader  *reader,
              xmlNode *node)
{
  static const char * const allowed[] = {
    "id", "kind", "code-name", "context", "x", "y", "width", "height", "color", "derived", NULL
  };
  g_autofree char *id = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *code_name = NULL;
  g_autofree char *context_id = NULL;
  g_autofree char *color = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) attributes = g_ptr_array_new_with_free_func ((GDestroyNotify) stormcut_attribute_free);
  g_autoptr(GError) local_error = NULL;
  StormcutElement element = { 0 };
  double default_width, default_height;
  int kind;

  if (!check_attributes (reader, node, allowed) ||
      (id = get_id_attribute (reader, node, "id", TRUE)) == NULL ||
      (kind_name = get_required_attribute (reader, node, "kind")) == NULL)
    return FALSE;
  kind = lookup_name (kind_names, G_N_ELEMENTS (kind_names), kind_name);
  if (kind < 0)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("“%s” is not a kind of sticky. Use event, command, policy, aggregate, "
                          "read_model, external_system, actor or hotspot."),
                        kind_name);

  stormcut_kind_get_default_size (kind, &default_width, &default_height);
  if (!get_code_name (reader, node, &code_name) ||
      !get_coordinate (reader, node, "x", FALSE, 0, &element.x) ||
      !get_coordinate (reader, node, "y", FALSE, 0, &element.y) ||
      !get_coordinate (reader, node, "width", FALSE, default_width, &element.width) ||
      !get_coordinate (reader, node, "height", FALSE, default_height, &element.height) ||
      !get_color (reader, node, &color) ||
      !get_flag (reader, node, "derived", &element.derived))
    return FALSE;

  context_id = get_id_attribute (reader, node, "context", FALSE);
  if (reader->error != NULL)
    return FALSE;
  if (context_id != NULL && !g_hash_table_contains (reader->context_ids, context_id))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the element “%s” belongs to the context “%s”, which does not exist. Add the "
                          "context or correct the reference."),
                        id, context_id);

  for (xmlNode *child = next_child_element (reader, node, NULL); child != NULL;
       child = next_child_element (reader, node, child))
    {
      gboolean ok;

      if (is_element (child, "name"))
        ok = take_text_child (reader, child, &name);
      else if (is_element (child, "description"))
        ok = take_text_child (reader, child, &description);
      else if (is_element (child, "attribute"))
        {
          if (!stormcut_kind_has_attributes (kind))
            return reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                                _("“%s” (%s) cannot have attributes; only aggregates and read models have "
                                  "them. Remove its <attribute> elements."),
                                id, stormcut_kind_get_label (kind));
          ok = read_attribute (reader, child, attributes);
        }
      else
        ok = fail_unexpected (reader, child, node);
      if (!ok)
        return FALSE;
    }
  if (reader->error != NULL)
    return FALSE;
  if (!remember_id (reader, reader->element_kinds, node, id, GINT_TO_POINTER (kind + 1)))
    return FALSE;

  element.id = id;
  element.kind = kind;
  element.name = name != NULL ? name : (char *) "";
  element.code_name = code_name;
  element.description = description != NULL ? description : (char *) "";
  element.color = color;
  element.context_id = context_id;
  element.attributes = attributes;
  element.ordinal = g_hash_table_size (reader->element_kinds);

  if (stormcut_model_insert_element (reader->model, &element, &local_error) == NULL)
    return reader_fail_with (reader, node, g_steal_pointer (&local_error));
  return TRUE;
}

static gboolean
lookup_element_kind (Reader        *reader,
                     xmlNode       *node,
                     const char    *link_id,
                     const char    *element_id,
                     StormcutKind  *out_kind)
{
  gpointer value = g_hash_table_lookup (reader->element_kinds, element_id);

  if (value == NULL)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the link “%s” refers to the element “%s”, which does not exist. Add the "
                          "element or remove the link."),
                        link_id, element_id);
  *out_kind = GPOINTER_TO_INT (value) - 1;
  return TRUE;
}

static gboolean
read_link (Reader  *reader,
           xmlNode *node)
{
  static const char * const allowed[] = { "id", "from", "to", NULL };
  g_autofree char *id = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(GError) local_error = NULL;
  StormcutKind from_kind = STORMCUT_KIND_HOTSPOT, to_kind = STORMCUT_KIND_HOTSPOT;
  StormcutLink link = { 0 };

  if (!check_attributes (reader, node, allowed) ||
      (id = get_id_attribute (reader, node, "id", TRUE)) == NULL ||
      (from = get_id_attribute (reader, node, "from", TRUE)) == NULL ||
      (to = get_id_attribute (reader, node, "to", TRUE)) == NULL ||
      !lookup_element_kind (reader, node, id, from, &from_kind) ||
      !lookup_element_kind (reader, node, id, to, &to_kind))
    return FALSE;
  if (next_child_element (reader, node, NULL) != NULL)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID, _("<link> must be empty."));
  if (reader->error != NULL)
    return FALSE;

  if (!stormcut_grammar_check (from_kind, to_kind, &local_error))
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the link “%s” is not allowed: %s"), id, local_error->message);
  if (!remember_id (reader, reader->link_ids, node, id, GINT_TO_POINTER (1)))
    return FALSE;

  link.id = id;
  link.source_id = from;
  link.target_id = to;
  link.ordinal = g_hash_table_size (reader->link_ids);
  if (stormcut_model_insert_link (reader->model, &link, &local_error) == NULL)
    return reader_fail_with (reader, node, g_steal_pointer (&local_error));
  return TRUE;
}

static gboolean
parse_roles (const char    *text,
             StormcutRoles *out_roles,
             const char   **out_bad)
{
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n", -1);
  StormcutRoles roles = STORMCUT_ROLE_NONE;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      gboolean found = FALSE;

      if (tokens[i][0] == '\0')
        continue;
      for (guint j = 0; j < G_N_ELEMENTS (role_names) && !found; j++)
        if (strcmp (tokens[i], role_names[j].name) == 0)
          {
            roles |= role_names[j].role;
            found = TRUE;
          }
      if (!found)
        {
          *out_bad = strstr (text, tokens[i]);
          return FALSE;
        }
    }
  *out_roles = roles;
  return TRUE;
}

static gboolean
read_relationship (Reader  *reader,
                   xmlNode *node)
{
  static const char * const allowed[] = { "id", "pattern", "upstream", "downstream", "roles", "mode", NULL };
  g_autofree char *id = NULL;
  g_autofree char *pattern_name = NULL;
  g_autofree char *upstream = NULL;
  g_autofree char *downstream = NULL;
  g_autofree char *roles_text = NULL;
  g_autofree char *mode_name = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GError) local_error = NULL;
  StormcutRelationship relationship = { 0 };
  int pattern;
  int mode = STORMCUT_MODE_UNSPECIFIED;
  StormcutRoles roles = STORMCUT_ROLE_NONE;

  if (!check_attributes (reader, node, allowed) ||
      (id = get_id_attribute (reader, node, "id", TRUE)) == NULL ||
      (pattern_name = get_required_attribute (reader, node, "pattern")) == NULL ||
      (upstream = get_id_attribute (reader, node, "upstream", TRUE)) == NULL ||
      (downstream = get_id_attribute (reader, node, "downstream", TRUE)) == NULL)
    return FALSE;

  pattern = lookup_name (pattern_names, G_N_ELEMENTS (pattern_names), pattern_name);
  if (pattern < 0)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("“%s” is not a context-map pattern. Use upstream-downstream, customer-supplier, "
                          "partnership, shared-kernel or separate-ways."),
                        pattern_name);

  mode_name = get_attribute (node, "mode");
  if (mode_name != NULL &&
      (mode = lookup_name (mode_names, G_N_ELEMENTS (mode_names), mode_name)) < 0)
    return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                        _("“%s” is not a mode. Use sync, async or shared-data, or leave the attribute out."),
                        mode_name);

  roles_text = get_attribute (node, "roles");
  if (roles_text != NULL)
    {
      const char *bad = NULL;

      if (!parse_roles (roles_text, &roles, &bad))
        return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                            _("“%s” is not a role. Use ohs, pl, cf or acl, separated by spaces."), bad);
      if (roles != STORMCUT_ROLE_NONE && stormcut_pattern_is_symmetric (pattern))
        return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                            _("a “%s” relationship has no upstream or downstream, so it cannot have roles. "
                              "Remove the “roles” attribute."),
                            pattern_name);
    }

  for (guint i = 0; i < 2; i++)
    {
      const char *context_id = i == 0 ? upstream : downstream;

      if (!g_hash_table_contains (reader->context_ids, context_id))
        return reader_fail (reader, node, STORMCUT_IMPORT_ERROR_INVALID,
                            _("the relationship “%s” refers to the context “%s”, which does not exist. Add "
                              "the context or correct the reference."),
                            id, context_id);
    }

  for (xmlNode *child = next_child_element (reader, node, NULL); child != NULL;
       child = next_child_element (reader, node, child))
    {
      gboolean ok;

      if (is_element (child, "note"))
        ok = take_text_child (reader, child, &note);
      else
        ok = fail_unexpected (reader, child, node);
      if (!ok)
        return FALSE;
    }
  if (reader->error != NULL)
    return FALSE;
  if (!remember_id (reader, reader->relationship_ids, node, id, GINT_TO_POINTER (1)))
    return FALSE;

  relationship.id = id;
  relationship.pattern = pattern;
  relationship.upstream_id = upstream;
  relationship.downstream_id = downstream;
  relationship.roles = roles;
  relationship.mode = mode;
  relationship.note = note != NULL ? note : (char *) "";
  relationship.ordinal = g_hash_table_size (reader->relationship_ids);
  if (stormcut_model_insert_relationship (reader->model, &relationship, &local_error) == NULL)
    return reader_fail_with (reader, node, g_steal_pointer (&local_error));
  return TRUE;
}

typedef gboolean (*ReadItemFunc) (Reader *reader, xmlNode *node);

/* <contexts>, <elements>, ...: a list of one kind of item. */
static gboolean
read_section (Reader       *reader,
              xmlNode      *section,
              const char   *item_name,
              ReadItemFunc  read_item)
{
  if (!check_attributes (reader, section, NULL))
    return FALSE;
  for (xmlNode *child = next_child_element (reader, section, NULL); child != NULL;
       child = next_child_element (reader, section, child))
    {
      if (!is_element (child, item_name))
        return fail_unexpected (reader, child, section);
      if (!read_item (reader, child))
        return FALSE;
    }
  return reader->error == NULL;
}

static gboolean
read_root (Reader  *reader,
           xmlNode *root)
{
  /* Children of the root, in the order they must appear. */
  static const char * const sections[] = {
    "name", "description", "settings", "contexts", "elements", "links", "relationships",
  };
  static const char * const allowed[] = { "version", NULL };
  g_autofree char *version_text = NULL;
  guint64 version = 0;
  int last_section = -1;
  gboolean has_name = FALSE;

  if (strcmp ((const char *) root->name, "stormcut-model") != 0)
    return reader_fail (reader, root, STORMCUT_IMPORT_ERROR_INVALID,
                        _("this is not a Stormcut model: the root element is <%s>, not <stormcut-model>. "
                          "Choose a model XML file exported by Stormcut."),
                        (const char *) root->name);
  if (!is_ours (root))
    return reader_fail (reader, root, STORMCUT_IMPORT_ERROR_INVALID,
                        _("this is not a Stormcut model: <stormcut-model> must be in the namespace “%s”, "
                          "but it is in “%s”. Add xmlns=\"%s\" to the root element if the file really is "
                          "a Stormcut model."),
                        STORMCUT_XML_NAMESPACE,
                        root->ns != NULL && root->ns->href != NULL ? (const char *) root->ns->href
                                                                   : _("no namespace"),
                        STORMCUT_XML_NAMESPACE);

  version_text = get_required_attribute (reader, root, "version");
  if (version_text == NULL)
    return FALSE;
  if (!g_ascii_string_to_unsigned (version_text, 10, 1, G_MAXINT, &version, NULL))
    return reader_fail (reader, root, STORMCUT_IMPORT_ERROR_INVALID,
                        _("“%s” is not a format version. The version is a whole number such as 1."),
                        version_text);
  if (version > STORMCUT_XML_VERSION)
    return reader_fail (reader, root, STORMCUT_IMPORT_ERROR_TOO_NEW,
                        _("the model was written in format version %u by a newer Stormcut, and this "
                          "version reads up to version %d. Update Stormcut to import it."),
                        (guint) version, STORMCUT_XML_VERSION);
  if (!check_attributes (reader, root, allowed))
    return FALSE;

  for (xmlNode *child = next_child_element (reader, root, NULL); child != NULL;
       child = next_child_element (reader, root, child))
    {
      int section = lookup_name (sections, G_N_ELEMENTS (sections), (const char *) child->name);
      gboolean ok = TRUE;

      if (section < 0)
        return fail_unexpected (reader, child, root);
      if (section <= last_section)
        return reader_fail (reader, child, STORMCUT_IMPORT_ERROR_INVALID,
                            _("<%s> is out of place. The parts of a model come once each, in this order: "
                              "name, description, settings, contexts, elements, links, relationships."),
                            (const char *) child->name);
      last_section = section;

      if (is_element (child, "name"))
        {
          g_autofree char *name = NULL;
          g_autoptr(GError) local_error = NULL;

          has_name = TRUE;
          ok = take_text_child (reader, child, &name);
          if (ok && name[0] != '\0' && !stormcut_model_set_name (reader->model, name, &local_error))
            ok = reader_fail_with (reader, child, g_steal_pointer (&local_error));
        }
      else if (is_element (child, "description"))
        {
          g_autofree char *description = NULL;
          g_autoptr(GError) local_error = NULL;

          ok = take_text_child (reader, child, &description);
          if (ok && !stormcut_model_set_description (reader->model, description, &local_error))
            ok = reader_fail_with (reader, child, g_steal_pointer (&local_error));
        }
      else if (is_element (child, "settings"))
        ok = read_section (reader, child, "setting", read_setting);
      else if (is_element (child, "contexts"))
        ok = read_section (reader, child, "context", read_context);
      else if (is_element (child, "elements"))
        ok = read_section (reader, child, "element", read_element);
      else if (is_element (child, "links"))
        ok = read_section (reader, child, "link", read_link);
      else if (is_element (child, "relationships"))
        ok = read_section (reader, child, "relationship", read_relationship);
      if (!ok)
        return FALSE;
    }
  if (reader->error != NULL)
    return FALSE;
  if (!has_name)
    return reader_fail (reader, root, STORMCUT_IMPORT_ERROR_INVALID,
                        _("the model has no <name>. Add one as the first element inside <stormcut-model>."));
  return TRUE;
}

/* --- public API ------------------------------------------------------------------ */

/**
 * stormcut_model_to_xml:
 *
 * Returns: (transfer full): the model as UTF-8 XML bytes, or NULL with @error set when a
 * text of the model cannot be held by XML.
 */
GBytes *
stormcut_model_to_xml (StormcutModel  *model,
                       GError        **error)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  g_autoptr(xmlTextWriter) writer = NULL;
  g_autofree char *version = g_strdup_printf ("%d", STORMCUT_XML_VERSION);
  Writer w = { 0 };
  const char *description;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = xmlBufferCreate ();
  writer = buffer != NULL ? xmlNewTextWriterMemory (buffer, 0) : NULL;
  if (writer == NULL)
    {
      g_set_error_literal (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_IO,
                           _("There is not enough memory to write the model as XML."));
      return NULL;
    }
  w.writer = writer;

  writer_check (&w, xmlTextWriterSetIndent (writer, 1));
  writer_check (&w, xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  writer_check (&w, xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL));

  write_start (&w, "stormcut-model");
  write_attribute (&w, "xmlns", STORMCUT_XML_NAMESPACE, NULL);
  write_attribute (&w, "version", version, NULL);
  write_text_element (&w, "name", stormcut_model_get_name (model), "");
  description = stormcut_model_get_description (model);
  write_optional_text_element (&w, "description", description, "");
  write_settings (&w, model);
  write_contexts (&w, model);
  write_elements (&w, model);
  write_links (&w, model);
  write_relationships (&w, model);
  write_end (&w);
  if (writer_ok (&w))
    writer_check (&w, xmlTextWriterEndDocument (writer));
  g_clear_pointer (&writer, xmlFreeTextWriter);

  if (w.unsafe_owner != NULL)
    {
      g_autofree char *owner = g_steal_pointer (&w.unsafe_owner);

      if (owner[0] == '\0')
        g_set_error (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_INVALID,
                     _("The model's name or description contains characters that XML cannot hold "
                       "(control characters or invalid UTF-8). Edit it and export again."));
      else
        g_set_error (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_INVALID,
                     _("A text of “%s” contains characters that XML cannot hold (control characters or "
                       "invalid UTF-8). Edit it and export again."),
                     owner);
      return NULL;
    }
  if (w.failed)
    {
      g_set_error_literal (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_IO,
                           _("There is not enough memory to write the model as XML."));
      return NULL;
    }

  return g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
}

gboolean
stormcut_model_write_xml (StormcutModel  *model,
                          const char     *path,
                          GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (STORMCUT_IS_MODEL (model), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = stormcut_model_to_xml (model, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents (path, data, size, &local_error))
    {
      g_set_error (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_IO,
                   _("Could not write the XML file: %s. Check that the folder exists and that you may "
                     "write there."),
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

StormcutModel *
stormcut_model_from_xml (const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(StormcutModel) model = NULL;
  g_autoptr(GError) group_error = NULL;
  Reader reader = { 0 };
  xmlNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = parse_document (data != NULL ? data : "", length, error);
  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      set_line_error (error, STORMCUT_IMPORT_ERROR_MALFORMED, 1,
                      _("the file has no root element. Choose a Stormcut model XML file."));
      return NULL;
    }

  model = stormcut_model_new ();
  reader.model = model;
  reader.context_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.element_kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.link_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.relationship_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.setting_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* One undo step for the whole import (cheaper than one per object); it is dropped below. */
  stormcut_model_begin_group (model, NULL);
  read_root (&reader, root);
  if (!stormcut_model_end_group (model, &group_error) && reader.error == NULL)
    reader.error = g_error_new_literal (STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_INVALID, group_error->message);

  g_hash_table_unref (reader.context_ids);
  g_hash_table_unref (reader.element_kinds);
  g_hash_table_unref (reader.link_ids);
  g_hash_table_unref (reader.relationship_ids);
  g_hash_table_unref (reader.setting_keys);

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  stormcut_model_clear_history (model);
  return g_steal_pointer (&model);
}

StormcutModel *
stormcut_model_read_xml (const char  *path,
                         GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, STORMCUT_IMPORT_ERROR, STORMCUT_IMPORT_ERROR_IO,
                   _("Could not read the XML file: %s. Check the file name and that you may read it."),
                   local_error->message);
      return NULL;
    }
  return stormcut_model_from_xml (data, length, error);
}
