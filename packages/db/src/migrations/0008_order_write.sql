-- Row versions: every update of a member or a program moves its `version`, whoever makes it
-- (orders, refunds, jobs, edits), so a write computed from what a row held can check that it
-- still holds it. A trigger, so that no writer can forget to.
ALTER TABLE members ADD COLUMN version bigint NOT NULL DEFAULT 0;
-- Room on each page for a member's next version: an order rewrites the member's row (balance,
-- counters), and with free space on the page the new version is a heap-only tuple that none of
-- the member's six indexes has to follow.
ALTER TABLE members SET (fillfactor = 70);
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
CREATE FUNCTION lb_check_order_context(plan jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF plan->>'key' IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM api_keys
    WHERE program_id = plan->>'program' AND id = plan->>'key' AND revoked_at IS NULL
  ) THEN
    RAISE EXCEPTION 'the API key was revoked' USING ERRCODE = 'LBKEY';
  END IF;
  PERFORM 1 FROM programs
  WHERE id = plan->>'program' AND version = (plan->>'program_version')::bigint;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the program changed' USING ERRCODE = 'LBPRG';
  END IF;
END
$$;

CREATE FUNCTION lb_apply_order(plan jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lb_check_order_context(plan);
  RETURN lb_write_order(plan);
END
$$;

-- The writes of `lb_apply_order`, once the key and the program are known to be current.
CREATE FUNCTION lb_write_order(plan jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  p text := plan->>'program';
  m jsonb := plan->'member';
  mid text := plan->'member'->>'id';
  u record;
  next_version bigint;
BEGIN
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
  -- (Lists a plan leaves empty are skipped: most orders have no usage, budget or tier rows.)
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

  IF jsonb_array_length(coalesce(plan->'consumptions', '[]')) > 0 THEN
    INSERT INTO point_lot_consumptions (program_id, member_id, transaction_id, lot_id, points)
    SELECT p, mid, c.transaction_id, c.lot_id, c.points
    FROM jsonb_to_recordset(plan->'consumptions')
      AS c(transaction_id text, lot_id text, points bigint);
  END IF;

  IF jsonb_array_length(coalesce(plan->'tier_changes', '[]')) > 0 THEN
    INSERT INTO tier_changes (program_id, member_id, id, from_tier, to_tier, reason, actor, note, at)
    SELECT p, mid, h.id, h.from_tier, h.to_tier, h.reason, h.actor, h.note, h.at
    FROM jsonb_to_recordset(plan->'tier_changes') AS h(id text, from_tier text,
      to_tier text, reason text, actor text, note text, at timestamptz);
  END IF;

  -- The domain events the order records (core/src/domain-events).
  IF jsonb_array_length(coalesce(plan->'outbox', '[]')) > 0 THEN
    INSERT INTO outbox_events (program_id, id, type, member_id, data, created_at)
    SELECT p, e.id, e.type, e.member_id, e.data, e.created_at
    FROM jsonb_to_recordset(plan->'outbox') AS e(id text, type text,
      member_id text, data jsonb, created_at timestamptz);
  END IF;
  RETURN next_version;
END
$$;

-- Many orders' plans in one statement and one commit: concurrent orders are sent together
-- (orders/order-write.batcher.ts), so the round trip, the statement's overhead and the commit
-- are shared. Each plan runs in a subtransaction of its own: a refused or failing plan writes
-- nothing and does not hold the others back. Returns, for each plan in order, the member's new
-- version or the SQLSTATE (and message) that refused it.
CREATE FUNCTION lb_apply_orders(plans jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
  results jsonb := '[]';
  -- The key and program last found current: plans of one batch mostly share them.
  checked text;
  context text;
BEGIN
  FOR plan IN SELECT value FROM jsonb_array_elements(plans) LOOP
    BEGIN
      context := concat_ws(' ', plan->>'program', plan->>'program_version', plan->>'key');
      IF checked IS DISTINCT FROM context THEN
        PERFORM lb_check_order_context(plan);
        checked := context;
      END IF;
      results := results || jsonb_build_array(jsonb_build_object('version', lb_write_order(plan)));
    EXCEPTION WHEN OTHERS THEN
      results := results || jsonb_build_array(
        jsonb_build_object('error', SQLSTATE, 'message', SQLERRM));
    END;
  END LOOP;
  RETURN results;
END
$$;

-- What an order is computed from, in one call (orders.repository.ts, readOrderSnapshot): the
-- member by id or external id (its row locked with `a_lock`), the order already stored under
-- the id, the member's usage of the limited live rules, the budgets used, and the tier window's
-- sums when this order could reach the next tier. A function, so that its statements are
-- planned once per connection, on PGlite as on PostgreSQL.
CREATE FUNCTION lb_order_snapshot(
  a_program text, a_ref text, a_order text,
  a_limited_rules text[], a_periods text[], a_budgeted_rules text[],
  a_windowed boolean, a_tier_keys text[], a_thresholds bigint[], a_metric text, a_amount bigint,
  a_from1 timestamptz, a_to1 timestamptz, a_from2 timestamptz, a_to2 timestamptz,
  a_lock boolean) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  m members;
  pos int;
  need boolean;
  since timestamptz := least(a_from1, coalesce(a_from2, a_from1));
BEGIN
  IF a_lock THEN
    SELECT * INTO m FROM members
    WHERE program_id = a_program AND (id = a_ref OR external_id = a_ref)
    ORDER BY id = a_ref DESC LIMIT 1 FOR UPDATE;
  ELSE
    SELECT * INTO m FROM members
    WHERE program_id = a_program AND (id = a_ref OR external_id = a_ref)
    ORDER BY id = a_ref DESC LIMIT 1;
  END IF;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  pos := array_position(a_tier_keys, m.tier_key);
  need := CASE
    WHEN NOT a_windowed THEN false
    WHEN pos IS NULL THEN true
    WHEN pos >= cardinality(a_tier_keys) THEN false
    WHEN a_metric = 'spend' THEN m.lifetime_spend + a_amount >= a_thresholds[pos + 1]
    WHEN a_metric = 'orders' THEN m.orders_count + 1 >= a_thresholds[pos + 1]
    ELSE true END;
  RETURN jsonb_build_object(
    'member', to_jsonb(m),
    'existing', (SELECT jsonb_build_object('fingerprint', o.fingerprint,
        'response_body', o.response_body)
      FROM orders o WHERE o.program_id = a_program AND o.id = a_order),
    'usage', (SELECT coalesce(jsonb_agg(jsonb_build_array(u.rule_id, u.period, u.points)), '[]')
      FROM earning_rule_usage u
      WHERE u.program_id = a_program AND u.member_id = m.id
        AND u.rule_id = ANY(a_limited_rules) AND u.period = ANY(a_periods)),
    'budgets', (SELECT coalesce(jsonb_agg(jsonb_build_array(r.id, r.budget_used)), '[]')
      FROM earning_rules r WHERE r.program_id = a_program AND r.id = ANY(a_budgeted_rules)),
    'window', CASE WHEN need THEN (
      SELECT jsonb_build_array(
        coalesce(sum(x.v) FILTER (WHERE x.at > a_from1 AND (a_to1 IS NULL OR x.at <= a_to1)), 0),
        coalesce(sum(x.v) FILTER (WHERE a_from2 IS NOT NULL AND x.at > a_from2
          AND x.at <= a_to2), 0),
        min(x.at) FILTER (WHERE x.at > a_from1 AND (a_to1 IS NULL OR x.at <= a_to1)))
      FROM (
        SELECT o.occurred_at AS at, CASE a_metric
            WHEN 'spend' THEN o.amount - o.refunded_amount
            WHEN 'orders' THEN
              CASE WHEN o.amount > 0 AND o.refunded_amount >= o.amount THEN 0 ELSE 1 END
            WHEN 'growth' THEN o.growth_earned - o.growth_reversed
            ELSE o.points_earned - o.points_reversed END AS v
        FROM orders o
        WHERE o.program_id = a_program AND o.member_id = m.id AND o.occurred_at > since
        UNION ALL
        SELECT e.occurred_at,
          CASE a_metric WHEN 'growth' THEN e.growth_earned ELSE e.points_earned END
        FROM events e
        WHERE a_metric IN ('growth', 'points_earned') AND e.program_id = a_program
          AND e.member_id = m.id AND e.occurred_at > since
      ) x) END);
END
$$;

-- Many orders' snapshots in one call, as `lb_apply_orders` writes many plans: the snapshot of
-- each request in order (null where no member answers to the reference).
CREATE FUNCTION lb_order_snapshots(requests jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  results jsonb := '[]';
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(requests) LOOP
    results := results || jsonb_build_array(lb_order_snapshot(
      r->>'program', r->>'member', r->>'order',
      ARRAY(SELECT jsonb_array_elements_text(r->'limited_rules')),
      ARRAY(SELECT jsonb_array_elements_text(r->'periods')),
      ARRAY(SELECT jsonb_array_elements_text(r->'budgeted_rules')),
      (r->>'windowed')::boolean,
      ARRAY(SELECT jsonb_array_elements_text(r->'tier_keys')),
      ARRAY(SELECT jsonb_array_elements_text(r->'thresholds')::bigint),
      r->>'metric', (r->>'amount')::bigint,
      coalesce((r->>'from1')::timestamptz, '-infinity'), (r->>'to1')::timestamptz,
      (r->>'from2')::timestamptz, (r->>'to2')::timestamptz,
      false));
  END LOOP;
  RETURN results;
END
$$;
