-- Member benefits (docs/benefits.md): what each tier is promised, how much of it is left this
-- period, and every use with what it was for — the record that proves a benefit was delivered.

-- A benefit a program promises to the members of some tiers. `tiers` is a JSON array of tier
-- keys; `quota_count` uses per `quota_period` (week, month or year in the program's time zone),
-- or no quota at all. `config` by type: discount { percent_off, max_amount? },
-- points_multiplier { multiplier }, the others free-form.
CREATE TABLE benefits (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  key text NOT NULL,
  name text NOT NULL,
  type text NOT NULL CHECK (type IN ('free_shipping', 'discount', 'points_multiplier',
    'early_access', 'event_invitation', 'dedicated_service', 'appointment', 'custom')),
  tiers jsonb NOT NULL DEFAULT '[]',
  quota_count integer CHECK (quota_count > 0),
  quota_period text CHECK (quota_period IN ('week', 'month', 'year')),
  config jsonb NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (program_id, id),
  CHECK ((quota_count IS NULL) = (quota_period IS NULL))
);
-- A key names one live benefit; a deleted one frees its key.
CREATE UNIQUE INDEX benefits_key ON benefits (program_id, key) WHERE deleted_at IS NULL;

-- A member's uses of a quota'd benefit in one period (`period_start`, the period's first instant
-- in the program's time zone). Moved by a conditional update that never passes the quota
-- (an order's write, `lb_write_order`, and a use by hand), the check below the last word.
CREATE TABLE benefit_usage (
  program_id text NOT NULL,
  benefit_id text NOT NULL,
  member_id text NOT NULL,
  period_start timestamptz NOT NULL,
  used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (program_id, member_id, benefit_id, period_start),
  FOREIGN KEY (program_id, benefit_id) REFERENCES benefits (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);

-- Every use of a benefit: by an order (reference_kind 'order', its id), a booking, an RSVP or
-- by hand ('manual', with the caller's reference). A use given back (the order fully refunded,
-- the booking cancelled) keeps its row with `returned_at`: the audit counts both.
CREATE TABLE benefit_uses (
  program_id text NOT NULL,
  id text NOT NULL,
  benefit_id text NOT NULL,
  member_id text NOT NULL,
  tier_key text NOT NULL,
  period_start timestamptz,
  reference_kind text NOT NULL,
  reference_id text,
  amount bigint NOT NULL DEFAULT 0 CHECK (amount >= 0),
  used_at timestamptz NOT NULL,
  returned_at timestamptz,
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, benefit_id) REFERENCES benefits (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
CREATE INDEX benefit_uses_member ON benefit_uses (program_id, member_id, benefit_id, used_at);
CREATE INDEX benefit_uses_reference ON benefit_uses (program_id, reference_kind, reference_id)
  WHERE reference_id IS NOT NULL;
CREATE INDEX benefit_uses_audit ON benefit_uses (program_id, benefit_id, used_at);
