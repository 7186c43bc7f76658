-- Stormcut document schema, version 2: microservice candidates and analysis settings.

-- A context may be merged into a named service, marked external (not a service) or
-- as a Big Ball of Mud.
ALTER TABLE contexts ADD COLUMN service TEXT;
ALTER TABLE contexts ADD COLUMN external INTEGER NOT NULL DEFAULT 0 CHECK (external IN (0, 1));
ALTER TABLE contexts ADD COLUMN big_ball_of_mud INTEGER NOT NULL DEFAULT 0 CHECK (big_ball_of_mud IN (0, 1));

-- Named settings of the analyses: FP overrides, cost factors, checklist answers.
CREATE TABLE settings (
  key    TEXT PRIMARY KEY NOT NULL CHECK (length (key) BETWEEN 1 AND 200),
  value  TEXT NOT NULL
) STRICT;
