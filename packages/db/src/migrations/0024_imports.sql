-- Imports started from the console (docs/import-export.md): a CSV file uploaded, imported in the
-- background through the API's use cases, its progress and rejected records kept here.

CREATE TABLE imports (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('members', 'orders')),
  file_name text,
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  bytes_total bigint NOT NULL,
  bytes_read bigint NOT NULL DEFAULT 0,
  -- Lines read, records imported, already there (unchanged), rejected.
  records integer NOT NULL DEFAULT 0,
  imported integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  rejected integer NOT NULL DEFAULT 0,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Moved with every progress report: a running import without news for long was interrupted.
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE import_rejects (
  program_id text NOT NULL,
  import_id text NOT NULL,
  n integer NOT NULL,
  line integer NOT NULL,
  error text NOT NULL,
  -- The record as CSV text.
  record text NOT NULL,
  PRIMARY KEY (program_id, import_id, n),
  FOREIGN KEY (program_id, import_id) REFERENCES imports (program_id, id) ON DELETE CASCADE
);
