-- Stormcut document schema, version 1: the event-storming board.
-- Applied in one transaction by the store; PRAGMA user_version is set by the store.

CREATE TABLE model_info (
  key    TEXT PRIMARY KEY NOT NULL,
  value  TEXT NOT NULL
) STRICT;

CREATE TABLE contexts (
  id           TEXT PRIMARY KEY NOT NULL CHECK (length (id) BETWEEN 1 AND 64),
  ordinal      INTEGER NOT NULL,
  name         TEXT NOT NULL CHECK (length (name) > 0),
  code_name    TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL DEFAULT '',
  team         TEXT NOT NULL DEFAULT '',
  domain_type  TEXT NOT NULL DEFAULT 'supporting' CHECK (domain_type IN ('core', 'supporting', 'generic')),
  x            REAL NOT NULL,
  y            REAL NOT NULL,
  width        REAL NOT NULL CHECK (width >= 0),
  height       REAL NOT NULL CHECK (height >= 0),
  color        TEXT CHECK (color IS NULL OR color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]')
) STRICT;

CREATE TABLE elements (
  id           TEXT PRIMARY KEY NOT NULL CHECK (length (id) BETWEEN 1 AND 64),
  ordinal      INTEGER NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('event', 'command', 'policy', 'aggregate', 'read_model',
                                             'external_system', 'actor', 'hotspot')),
  name         TEXT NOT NULL,
  code_name    TEXT NOT NULL DEFAULT '',
  description  TEXT NOT NULL DEFAULT '',
  x            REAL NOT NULL,
  y            REAL NOT NULL,
  width        REAL NOT NULL CHECK (width > 0),
  height       REAL NOT NULL CHECK (height > 0),
  color        TEXT CHECK (color IS NULL OR color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),
  context_id   TEXT REFERENCES contexts (id) ON DELETE SET NULL,
  derived      INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1))
) STRICT;

CREATE INDEX elements_context ON elements (context_id);

CREATE TABLE attributes (
  element_id   TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  name         TEXT NOT NULL,
  type         TEXT NOT NULL DEFAULT '',
  is_key       INTEGER NOT NULL DEFAULT 0 CHECK (is_key IN (0, 1)),
  PRIMARY KEY (element_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE links (
  id           TEXT PRIMARY KEY NOT NULL CHECK (length (id) BETWEEN 1 AND 64),
  ordinal      INTEGER NOT NULL,
  source_id    TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  target_id    TEXT NOT NULL REFERENCES elements (id) ON DELETE CASCADE,
  UNIQUE (source_id, target_id),
  CHECK (source_id <> target_id)
) STRICT;

CREATE INDEX links_target ON links (target_id);

CREATE TABLE relationships (
  id            TEXT PRIMARY KEY NOT NULL CHECK (length (id) BETWEEN 1 AND 64),
  ordinal       INTEGER NOT NULL,
  pattern       TEXT NOT NULL CHECK (pattern IN ('upstream-downstream', 'customer-supplier', 'partnership',
                                                 'shared-kernel', 'separate-ways')),
  upstream_id   TEXT NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
  downstream_id TEXT NOT NULL REFERENCES contexts (id) ON DELETE CASCADE,
  roles         TEXT NOT NULL DEFAULT '',
  mode          TEXT NOT NULL DEFAULT '' CHECK (mode IN ('', 'sync', 'async', 'shared-data')),
  note          TEXT NOT NULL DEFAULT '',
  CHECK (upstream_id <> downstream_id)
) STRICT;

CREATE INDEX relationships_upstream ON relationships (upstream_id);
CREATE INDEX relationships_downstream ON relationships (downstream_id);
