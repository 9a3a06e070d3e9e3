-- Webhooks (docs/webhooks.md): subscriptions per program, and one delivery per subscription and
-- domain event, made by the database in the transaction that records the event. An event's
-- deliveries therefore exist if and only if the change that recorded it committed, whichever
-- use case, SQL function or trigger wrote to the outbox; the sender (core/webhooks) only reads
-- committed deliveries and never has to find its place in a stream of events.

-- Link-local and cloud-metadata targets are refused unless the program allows them.
ALTER TABLE programs ADD COLUMN webhook_private_targets boolean NOT NULL DEFAULT false;

CREATE TABLE webhooks (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  url text NOT NULL,
  -- Domain event types, or '*' for every type.
  events text[] NOT NULL,
  description text,
  -- The HMAC key of the signatures; kept as is, since the sender needs it to sign.
  secret text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id)
);

CREATE TABLE webhook_deliveries (
  program_id text NOT NULL,
  id text NOT NULL,
  webhook_id text NOT NULL,
  event_id text NOT NULL,
  event_type text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  -- Attempts made (a claim counts one: a sender that dies mid-send spent it).
  attempts integer NOT NULL DEFAULT 0,
  -- After this many failed attempts the delivery is `failed`; a redelivery allows one more.
  max_attempts integer NOT NULL DEFAULT 15,
  -- When the sender may take it next: due, or leased to a sender until then. Null unless pending.
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  response_code integer,
  error text,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  UNIQUE (program_id, webhook_id, event_id),
  FOREIGN KEY (program_id, webhook_id) REFERENCES webhooks (program_id, id) ON DELETE CASCADE
);
-- The sender's queue: only pending deliveries, by when they are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
  WHERE status = 'pending';
-- The delivery log of one webhook, newest first.
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (program_id, webhook_id, id);

CREATE TABLE webhook_attempts (
  program_id text NOT NULL,
  delivery_id text NOT NULL,
  attempt integer NOT NULL,
  started_at timestamptz NOT NULL,
  duration_ms integer NOT NULL,
  response_code integer,
  -- The first kilobyte of what the receiver answered, or why nothing was answered.
  response_body text,
  error text,
  PRIMARY KEY (program_id, delivery_id, attempt),
  FOREIGN KEY (program_id, delivery_id) REFERENCES webhook_deliveries (program_id, id)
    ON DELETE CASCADE
);

-- One statement-level trigger: whatever inserts into the outbox (a use case, lb_write_order, the
-- advisors' triggers) makes the deliveries in the same statement. With no webhook in the
-- program it is one index probe per statement.
CREATE FUNCTION lb_outbox_webhook_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO webhook_deliveries (program_id, id, webhook_id, event_id, event_type,
    next_attempt_at, created_at)
  SELECT e.program_id, 'dlv_' || lb_ulid(), w.id, e.id, e.type, now(), now()
  FROM new_events e
  JOIN webhooks w ON w.program_id = e.program_id AND w.active
    AND (e.type = ANY (w.events) OR '*' = ANY (w.events));
  RETURN NULL;
END
$$;

CREATE TRIGGER outbox_events_webhooks AFTER INSERT ON outbox_events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION lb_outbox_webhook_deliveries();
