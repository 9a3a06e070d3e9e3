-- Points ledger: lots, append-only transactions, and which lots each spend consumed.
-- Balances on members are a cache of the ledger: available = sum(available_delta),
-- pending = sum(pending_delta); a lot's remaining = earned - sum(its consumptions).

ALTER TABLE members
  ADD COLUMN points_earned bigint NOT NULL DEFAULT 0,
  ADD COLUMN points_redeemed bigint NOT NULL DEFAULT 0,
  ADD COLUMN points_expired bigint NOT NULL DEFAULT 0,
  ADD COLUMN points_reversed bigint NOT NULL DEFAULT 0,
  ADD COLUMN points_adjusted bigint NOT NULL DEFAULT 0;

CREATE TABLE point_lots (
  program_id text NOT NULL,
  member_id text NOT NULL,
  id text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'available')),
  earned bigint NOT NULL CHECK (earned > 0),
  remaining bigint NOT NULL CHECK (remaining >= 0 AND remaining <= earned),
  earned_at timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  expires_at timestamptz,
  source_kind text NOT NULL,
  source_id text NOT NULL,
  rule_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, member_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
-- Spending takes the oldest open lots first.
CREATE INDEX point_lots_open ON point_lots (program_id, member_id, earned_at, id) WHERE remaining > 0;
CREATE INDEX point_lots_to_release ON point_lots (program_id, available_at) WHERE status = 'pending' AND remaining > 0;
CREATE INDEX point_lots_to_expire ON point_lots (program_id, expires_at) WHERE status = 'available' AND remaining > 0;
CREATE INDEX point_lots_source ON point_lots (program_id, source_kind, source_id);

CREATE TABLE point_transactions (
  program_id text NOT NULL,
  member_id text NOT NULL,
  id text NOT NULL,
  type text NOT NULL CHECK (type IN ('earn', 'release', 'redeem', 'expire', 'reverse', 'adjust')),
  points bigint NOT NULL,
  available_delta bigint NOT NULL,
  pending_delta bigint NOT NULL,
  balance_after bigint NOT NULL,
  pending_after bigint NOT NULL,
  source_kind text NOT NULL,
  source_id text NOT NULL,
  rule_id text,
  lot_id text,
  expires_at timestamptz,
  note text,
  actor text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, member_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
CREATE INDEX point_transactions_source ON point_transactions (program_id, source_kind, source_id);

CREATE TABLE point_lot_consumptions (
  program_id text NOT NULL,
  member_id text NOT NULL,
  transaction_id text NOT NULL,
  lot_id text NOT NULL,
  points bigint NOT NULL CHECK (points > 0),
  PRIMARY KEY (program_id, member_id, transaction_id, lot_id),
  FOREIGN KEY (program_id, member_id, lot_id) REFERENCES point_lots (program_id, member_id, id)
);
CREATE INDEX point_lot_consumptions_lot ON point_lot_consumptions (program_id, member_id, lot_id);
