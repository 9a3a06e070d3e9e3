-- Foundation: programs, keys, members, idempotency, portal sessions, job runs, audit.
-- Every hot table is keyed by program_id first: it is the future distribution key.

CREATE TABLE platform_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programs (
  id text PRIMARY KEY,
  name text NOT NULL,
  currency text NOT NULL,
  timezone text NOT NULL,
  locale text NOT NULL,
  points_policy jsonb NOT NULL,
  tier_ladder jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'server', 'readonly')),
  prefix text NOT NULL,
  key_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (program_id, id)
);

CREATE TABLE members (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  external_id text NOT NULL,
  name text,
  phone text,
  email text,
  birthday text,
  status text NOT NULL DEFAULT 'active',
  joined_at timestamptz NOT NULL,
  attributes jsonb NOT NULL DEFAULT '{}',
  referral_code text NOT NULL,
  referred_by text,
  tier_key text NOT NULL,
  tier_since timestamptz NOT NULL,
  points_available bigint NOT NULL DEFAULT 0,
  points_pending bigint NOT NULL DEFAULT 0,
  growth bigint NOT NULL DEFAULT 0,
  lifetime_spend bigint NOT NULL DEFAULT 0,
  orders_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  UNIQUE (program_id, external_id),
  UNIQUE (program_id, referral_code)
);
CREATE INDEX members_tier ON members (program_id, tier_key, id);
CREATE INDEX members_phone ON members (program_id, phone);
CREATE INDEX members_email ON members (program_id, lower(email));

-- A stored response per (program, scope, key); the row is written in the same transaction
-- as the effect, so a concurrent duplicate waits on the unique key and then replays it.
CREATE TABLE idempotency_keys (
  program_id text NOT NULL,
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status_code integer NOT NULL,
  response_body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE portal_sessions (
  token_hash text PRIMARY KEY,
  program_id text NOT NULL,
  member_id text NOT NULL,
  locale text,
  return_url text,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
CREATE INDEX portal_sessions_expires ON portal_sessions (expires_at);

-- One row per job run. A scheduled run claims its slot with the unique key, so with several
-- server processes on one database each slot runs in exactly one of them.
CREATE TABLE job_runs (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  slot timestamptz,
  as_of timestamptz NOT NULL,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  processed bigint,
  error text,
  PRIMARY KEY (program_id, id),
  UNIQUE (program_id, name, slot)
);
CREATE INDEX job_runs_recent ON job_runs (program_id, name, started_at DESC);

CREATE TABLE audit_log (
  program_id text NOT NULL,
  id text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  subject_kind text NOT NULL,
  subject_id text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id)
);
CREATE INDEX audit_log_subject ON audit_log (program_id, subject_kind, subject_id);
