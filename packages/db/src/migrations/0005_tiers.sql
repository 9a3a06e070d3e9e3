-- Tiers: manual overrides and the last review on members, the history of every change, and an
-- outbox of internal events (tier.changed for webhooks, tier_upgraded for campaigns) written in
-- the same transaction as the change they report.

ALTER TABLE members
  ADD COLUMN tier_overridden boolean NOT NULL DEFAULT false,
  ADD COLUMN tier_override_until timestamptz,
  ADD COLUMN tier_reviewed text;

CREATE TABLE tier_changes (
  program_id text NOT NULL,
  member_id text NOT NULL,
  id text NOT NULL,
  from_tier text NOT NULL,
  to_tier text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('upgrade', 'downgrade', 'override', 'override_expired', 'ladder_change')),
  actor text,
  note text,
  at timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);

CREATE TABLE outbox_events (
  program_id text NOT NULL,
  id text NOT NULL,
  type text NOT NULL,
  member_id text,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id)
);
CREATE INDEX outbox_events_type ON outbox_events (program_id, type, id);
