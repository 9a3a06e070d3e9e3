-- Row versions: every update of a member or a program moves its `version`, whoever makes it
-- (orders, refunds, jobs, edits), so a write computed from what a row held can check that it
-- still holds it. A trigger, so that no writer can forget to.
ALTER TABLE members ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE programs ADD COLUMN version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION lb_next_version() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;
CREATE TRIGGER members_version BEFORE UPDATE ON members
  FOR EACH ROW EXECUTE FUNCTION lb_next_version();
CREATE TRIGGER programs_version BEFORE UPDATE ON programs
  FOR EACH ROW EXECUTE FUNCTION lb_next_version();

-- The write step of an order, in one call: everything the order does was computed beforehand
-- (packages/core/src/orders/order-plan.ts) from a snapshot read in one query; this function
-- applies that plan in the caller's transaction, or — called alone — as one atomic statement.
--
-- It refuses a stale plan rather than apply it, by raising:
--   LBKEY  the API key the request came with was revoked since it was read;
--   LBPRG  the program (its policy, ladder or rules) changed since it was read;
--   LBMEM  the member's row changed since the plan read it (another order, a refund, a job,
--          on this server or another), or a rule's usage or budget would pass its cap;
--   LBDUP  the order id exists (a replay, or a concurrent request with the same id).
-- The caller reads afresh and computes again; nothing of a refused plan is written. Returns the
-- member's new row version.
CREATE FUNCTION lb_apply_order(plan jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  p text := plan->>'program';
  m jsonb := plan->'member';
  mid text := plan->'member'->>'id';
  u record;
  next_version bigint;
BEGIN
  IF plan->>'key' IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM api_keys WHERE program_id = p AND id = plan->>'key' AND revoked_at IS NULL
  ) THEN
    RAISE EXCEPTION 'the API key was revoked' USING ERRCODE = 'LBKEY';
  END IF;
  PERFORM 1 FROM programs WHERE id = p AND version = (plan->>'program_version')::bigint;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the program changed' USING ERRCODE = 'LBPRG';
  END IF;

  UPDATE members SET
    lifetime_spend = lifetime_spend + (m->>'spend')::bigint,
    orders_count = orders_count + (m->>'orders')::int,
    growth = growth + (m->>'growth')::bigint,
    points_available = points_available + (m->>'available')::bigint,
    points_pending = points_pending + (m->>'pending')::bigint,
    points_earned = points_earned + (m->>'earned')::bigint,
    tier_key = coalesce(m->>'tier', tier_key),
    tier_since = coalesce((m->>'tier_since')::timestamptz, tier_since),
    tier_overridden = CASE WHEN m->>'tier' IS NULL THEN tier_overridden ELSE false END,
    tier_override_until = CASE WHEN m->>'tier' IS NULL THEN tier_override_until END,
    updated_at = (m->>'at')::timestamptz
  WHERE program_id = p AND id = mid AND version = (m->>'version')::bigint
  RETURNING version INTO next_version;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the member changed' USING ERRCODE = 'LBMEM';
  END IF;

  INSERT INTO orders (program_id, id, member_id, amount, shipping_fee, channel, items,
    occurred_at, points_earned, growth_earned, fingerprint, response_body, created_at)
  SELECT p, o.id, mid, o.amount, o.shipping_fee, o.channel, o.items, o.occurred_at,
    o.points_earned, o.growth_earned, o.fingerprint, o.response_body, o.created_at
  FROM jsonb_to_record(plan->'order') AS o(id text, amount bigint, shipping_fee bigint,
    channel text, items jsonb, occurred_at timestamptz, points_earned bigint,
    growth_earned bigint, fingerprint text, response_body text, created_at timestamptz)
  ON CONFLICT (program_id, id) DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the order id exists' USING ERRCODE = 'LBDUP';
  END IF;

  -- Caps are checked again in the write: the plan was computed from what the snapshot saw.
  FOR u IN SELECT * FROM jsonb_to_recordset(coalesce(plan->'usage', '[]'))
      AS x(rule_id text, period text, add bigint, cap bigint) LOOP
    INSERT INTO earning_rule_usage AS e (program_id, rule_id, member_id, period, points)
    SELECT p, u.rule_id, mid, u.period, u.add WHERE u.cap IS NULL OR u.add <= u.cap
    ON CONFLICT (program_id, rule_id, member_id, period)
      DO UPDATE SET points = e.points + excluded.points
      WHERE u.cap IS NULL OR e.points + excluded.points <= u.cap;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'a rule limit was reached' USING ERRCODE = 'LBMEM';
    END IF;
  END LOOP;
  FOR u IN SELECT * FROM jsonb_to_recordset(coalesce(plan->'budgets', '[]'))
      AS x(rule_id text, add bigint, cap bigint) LOOP
    UPDATE earning_rules SET budget_used = budget_used + u.add
    WHERE program_id = p AND id = u.rule_id AND budget_used + u.add <= u.cap;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'a rule budget was reached' USING ERRCODE = 'LBMEM';
    END IF;
  END LOOP;

  INSERT INTO point_lots (program_id, member_id, id, status, earned, remaining, earned_at,
    available_at, expires_at, source_kind, source_id, rule_id, created_at)
  SELECT p, mid, l.id, l.status, l.earned, l.remaining, l.earned_at, l.available_at,
    l.expires_at, l.source_kind, l.source_id, l.rule_id, l.created_at
  FROM jsonb_to_recordset(coalesce(plan->'lots', '[]')) AS l(id text, status text,
    earned bigint, remaining bigint, earned_at timestamptz, available_at timestamptz,
    expires_at timestamptz, source_kind text, source_id text, rule_id text,
    created_at timestamptz);

  INSERT INTO point_transactions (program_id, member_id, id, type, points, available_delta,
    pending_delta, balance_after, pending_after, source_kind, source_id, rule_id, lot_id,
    expires_at, note, actor, created_at)
  SELECT p, mid, t.id, t.type, t.points, t.available_delta, t.pending_delta, t.balance_after,
    t.pending_after, t.source_kind, t.source_id, t.rule_id, t.lot_id, t.expires_at, t.note,
    t.actor, t.created_at
  FROM jsonb_to_recordset(coalesce(plan->'entries', '[]')) AS t(id text, type text,
    points bigint, available_delta bigint, pending_delta bigint, balance_after bigint,
    pending_after bigint, source_kind text, source_id text, rule_id text, lot_id text,
    expires_at timestamptz, note text, actor text, created_at timestamptz);

  INSERT INTO point_lot_consumptions (program_id, member_id, transaction_id, lot_id, points)
  SELECT p, mid, c.transaction_id, c.lot_id, c.points
  FROM jsonb_to_recordset(coalesce(plan->'consumptions', '[]'))
    AS c(transaction_id text, lot_id text, points bigint);

  INSERT INTO tier_changes (program_id, member_id, id, from_tier, to_tier, reason, actor, note, at)
  SELECT p, mid, h.id, h.from_tier, h.to_tier, h.reason, h.actor, h.note, h.at
  FROM jsonb_to_recordset(coalesce(plan->'tier_changes', '[]')) AS h(id text, from_tier text,
    to_tier text, reason text, actor text, note text, at timestamptz);

  INSERT INTO outbox_events (program_id, id, type, member_id, data, created_at)
  SELECT p, e.id, e.type, e.member_id, e.data, e.created_at
  FROM jsonb_to_recordset(coalesce(plan->'outbox', '[]')) AS e(id text, type text,
    member_id text, data jsonb, created_at timestamptz);
  RETURN next_version;
END
$$;
