-- Earning rules: what members earn for orders and events, and how much of each rule's limits
-- they have used. Rules are soft-deleted so that ledger rows can still name the rule that paid.

CREATE TABLE earning_rules (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  trigger text NOT NULL,
  condition jsonb,
  reward jsonb NOT NULL,
  growth jsonb,
  tier_multipliers jsonb NOT NULL DEFAULT '{}',
  limits jsonb NOT NULL DEFAULT '{}',
  starts_at timestamptz,
  ends_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  -- Points paid so far, against limits.total_budget; moved under the rule's row lock.
  budget_used bigint NOT NULL DEFAULT 0 CHECK (budget_used >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (program_id, id)
);
-- The rules an order or event looks up: live ones for its trigger.
CREATE INDEX earning_rules_live ON earning_rules (program_id, trigger, id)
  WHERE deleted_at IS NULL AND active;

-- Points a rule has paid a member per period: 'day:2026-05-01', 'month:2026-05' or 'total',
-- days and months in the program's time zone. One row per limited period.
CREATE TABLE earning_rule_usage (
  program_id text NOT NULL,
  rule_id text NOT NULL,
  member_id text NOT NULL,
  period text NOT NULL,
  points bigint NOT NULL DEFAULT 0 CHECK (points >= 0),
  PRIMARY KEY (program_id, rule_id, member_id, period),
  FOREIGN KEY (program_id, rule_id) REFERENCES earning_rules (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
