-- Orders, refunds and events, each idempotent by the merchant's own id: the row is the claim,
-- and the first response is kept on it, so a replay of the same id returns the same bytes.

CREATE TABLE orders (
  program_id text NOT NULL,
  id text NOT NULL,
  member_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount >= 0),
  shipping_fee bigint NOT NULL DEFAULT 0,
  channel text,
  items jsonb NOT NULL DEFAULT '[]',
  occurred_at timestamptz NOT NULL,
  points_earned bigint NOT NULL DEFAULT 0,
  growth_earned bigint NOT NULL DEFAULT 0,
  refunded_amount bigint NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount),
  points_reversed bigint NOT NULL DEFAULT 0,
  growth_reversed bigint NOT NULL DEFAULT 0,
  fingerprint text NOT NULL,
  response_body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
CREATE INDEX orders_member ON orders (program_id, member_id, occurred_at);
CREATE INDEX orders_occurred ON orders (program_id, occurred_at);

CREATE TABLE refunds (
  program_id text NOT NULL,
  id text NOT NULL,
  order_id text NOT NULL,
  member_id text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  items jsonb,
  points_reversed bigint NOT NULL DEFAULT 0,
  growth_reversed bigint NOT NULL DEFAULT 0,
  fingerprint text NOT NULL,
  response_body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, order_id) REFERENCES orders (program_id, id)
);
CREATE INDEX refunds_order ON refunds (program_id, order_id);

CREATE TABLE events (
  program_id text NOT NULL,
  id text NOT NULL,
  type text NOT NULL,
  member_id text NOT NULL,
  occurred_at timestamptz NOT NULL,
  properties jsonb NOT NULL DEFAULT '{}',
  points_earned bigint NOT NULL DEFAULT 0,
  growth_earned bigint NOT NULL DEFAULT 0,
  fingerprint text NOT NULL,
  response_body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
CREATE INDEX events_member ON events (program_id, member_id, occurred_at);
