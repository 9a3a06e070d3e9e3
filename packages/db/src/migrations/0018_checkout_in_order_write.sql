-- Coupons and points as cash in the order's own read and write (orders.repository.ts): an order
-- that redeems a coupon or pays with points is computed from one snapshot and written by one
-- statement, batched with the other orders in flight, as every other order is; a checkout quote
-- reads everything it prices with in that same snapshot statement.

-- What a checkout prices with, for one member: the member's row version (what the rest was read
-- at), the coupons the codes name (any status: the caller tells usable from used), the member's
-- active coupons (`a_held`, oldest issue first, up to 100), and the member's spendable lots in
-- the order a debit takes them, as many as cover `a_points` (all of them when they do not: the
-- debit is then refused), so that a member with years of lots is not read whole for each order.
CREATE FUNCTION lb_checkout_reads(
  a_program text, a_member text, a_codes text[], a_held boolean, a_points bigint,
  a_at timestamptz) RETURNS jsonb
-- PL/pgSQL, not SQL: its statement's plan is kept per connection instead of made per call.
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN jsonb_build_object(
    'version', (SELECT version FROM members WHERE program_id = a_program AND id = a_member),
    'coupons', CASE WHEN cardinality(a_codes) > 0 THEN (
      SELECT coalesce(jsonb_agg(jsonb_build_object(
          'id', c.id, 'code', c.code, 'status', c.status, 'member_id', c.member_id,
          'template_id', c.template_id, 'discount', t.discount, 'min_spend', t.min_spend,
          'applies_to', t.applies_to, 'stackable', t.stackable, 'starts_at', c.starts_at,
          'expires_at', c.expires_at, 'template_starts_at', t.starts_at,
          'template_ends_at', t.ends_at)), '[]')
      -- Each code by its (program, code) key and its template by its key: one row each, the
      -- same plan whatever the planner's statistics say of the tables' sizes (OFFSET 0 keeps
      -- each lookup a subquery of its own, which the planner would otherwise turn into a join
      -- that, on a young table's statistics, starts from the template's every code).
      FROM unnest(a_codes) AS k(code)
      JOIN LATERAL (SELECT * FROM coupons
        WHERE program_id = a_program AND code = k.code OFFSET 0) c ON true
      JOIN LATERAL (SELECT * FROM coupon_templates
        WHERE program_id = a_program AND id = c.template_id OFFSET 0) t ON true) ELSE '[]' END,
    'held', CASE WHEN a_held THEN (
      SELECT coalesce(jsonb_agg(h.coupon ORDER BY h.issued_at, h.id), '[]') FROM (
        SELECT c.issued_at, c.id, jsonb_build_object(
            'id', c.id, 'code', c.code, 'status', c.status, 'member_id', c.member_id,
            'template_id', c.template_id, 'discount', t.discount, 'min_spend', t.min_spend,
            'applies_to', t.applies_to, 'stackable', t.stackable, 'starts_at', c.starts_at,
            'expires_at', c.expires_at, 'template_starts_at', t.starts_at,
            'template_ends_at', t.ends_at) AS coupon
        FROM coupons c
        JOIN LATERAL (SELECT * FROM coupon_templates
          WHERE program_id = a_program AND id = c.template_id OFFSET 0) t ON true
        WHERE c.program_id = a_program AND c.member_id = a_member AND c.status = 'active'
          AND (c.expires_at IS NULL OR c.expires_at > a_at)
        ORDER BY c.issued_at, c.id LIMIT 100) h) ELSE '[]' END,
    'lots', CASE WHEN a_points > 0 THEN (
      SELECT coalesce(jsonb_agg(jsonb_build_array(x.id, x.remaining, x.earned_at)
          ORDER BY x.earned_at, x.id), '[]')
      FROM (
        SELECT l.id, l.remaining, l.earned_at,
          sum(l.remaining) OVER (ORDER BY l.earned_at, l.id) - l.remaining AS before
        -- The member's open lots by the member's index (not the program's lots to expire).
        FROM (SELECT * FROM point_lots WHERE program_id = a_program AND member_id = a_member
            AND remaining > 0 OFFSET 0) l
        WHERE l.status = 'available' AND (l.expires_at IS NULL OR l.expires_at > a_at)) x
      -- The order's own new lots may come earlier in that order (a backdated order): then fewer
      -- of these are taken, never more.
      WHERE x.before < a_points) ELSE '[]' END);
END
$$;

-- Whether a request answered from a remembered key (a quote) may be answered: null when it has
-- no `context` {key, program_version}, or the key is live and the program at that version; else
-- 'key' or 'program' (what changed).
CREATE FUNCTION lb_context_stale(r jsonb) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN NOT r ? 'context' THEN NULL
    WHEN r->'context'->>'key' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM api_keys
      WHERE program_id = r->>'program' AND id = r->'context'->>'key' AND revoked_at IS NULL)
      THEN 'key'
    WHEN NOT EXISTS (SELECT 1 FROM programs WHERE id = r->>'program'
      AND version = (r->'context'->>'program_version')::bigint) THEN 'program'
  END
$$;

-- `lb_checkout_reads` of many orders (or quotes) in one call, for those computed from a snapshot
-- their process kept (orders.service.ts, checkout.service.ts): each answer's `version` tells
-- whether the kept snapshot is still the member as it stands, and `existing` is the order already
-- stored under the id (a replay is answered as stored, before its coupons and points are priced
-- again). A request with a `context` is answered {"stale": …} as in `lb_order_snapshots`.
CREATE FUNCTION lb_checkout_reads_many(requests jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE AS $$
DECLARE
  r jsonb;
  stale text;
  results jsonb := '[]';
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(requests) LOOP
    stale := lb_context_stale(r);
    IF stale IS NOT NULL THEN
      results := results || jsonb_build_array(jsonb_build_object('stale', stale));
      CONTINUE;
    END IF;
    results := results || jsonb_build_array(lb_checkout_reads(
      r->>'program', r->>'member', ARRAY(SELECT jsonb_array_elements_text(r->'codes')),
      (r->>'held')::boolean, (r->>'points')::bigint, (r->>'at')::timestamptz)
      || jsonb_build_object('existing', (SELECT jsonb_build_object('fingerprint', o.fingerprint,
          'response_body', o.response_body)
        FROM orders o WHERE o.program_id = r->>'program' AND o.id = r->>'order')));
  END LOOP;
  RETURN results;
END
$$;

-- Many snapshots in one call, as before (0008_order_write.sql), and now, per request:
--   checkout  {codes, held, points, at}: the member's `lb_checkout_reads`, as `checkout`;
--   context   {key, program_version}: a request answered from a remembered key (a quote) first
--             checks that the key is live and the program unchanged, and is answered
--             {"stale": "key"} or {"stale": "program"} when not.
CREATE OR REPLACE FUNCTION lb_order_snapshots(requests jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  r jsonb;
  s jsonb;
  stale text;
  results jsonb := '[]';
BEGIN
  FOR r IN SELECT value FROM jsonb_array_elements(requests) LOOP
    stale := lb_context_stale(r);
    IF stale IS NOT NULL THEN
      results := results || jsonb_build_array(jsonb_build_object('stale', stale));
      CONTINUE;
    END IF;
    s := lb_order_snapshot(
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
      false);
    IF s IS NOT NULL AND r ? 'checkout' THEN
      s := s || jsonb_build_object('checkout', lb_checkout_reads(
        r->>'program', s->'member'->>'id',
        ARRAY(SELECT jsonb_array_elements_text(r->'checkout'->'codes')),
        (r->'checkout'->>'held')::boolean, (r->'checkout'->>'points')::bigint,
        (r->'checkout'->>'at')::timestamptz));
    END IF;
    results := results || jsonb_build_array(s);
  END LOOP;
  RETURN results;
END
$$;

-- An order's writes (0008_order_write.sql), and now its checkout:
--   member.redeemed     points the order pays with, added to the member's lifetime redeemed;
--   order.discounts, order.points_redeemed, order.points_value   stored on the order;
--   coupons             ids the order redeems: each must still be the member's active coupon
--                       or an unassigned code (which becomes the member's), else LBCPN;
--   spends              [{lot_id, points}] taken from the member's lots by the `redeem` entry
--                       (in `entries`, its takes in `consumptions`); a lot without enough left
--                       refuses the plan (LBMEM: the member's points changed under it).
CREATE OR REPLACE FUNCTION lb_write_order(plan jsonb) RETURNS bigint
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
    points_redeemed = points_redeemed + coalesce((m->>'redeemed')::bigint, 0),
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
    occurred_at, points_earned, growth_earned, fingerprint, response_body, created_at,
    discounts, points_redeemed, points_value)
  SELECT p, o.id, mid, o.amount, o.shipping_fee, o.channel, o.items, o.occurred_at,
    o.points_earned, o.growth_earned, o.fingerprint, o.response_body, o.created_at,
    coalesce(o.discounts, '[]'), coalesce(o.points_redeemed, 0), coalesce(o.points_value, 0)
  FROM jsonb_to_record(plan->'order') AS o(id text, amount bigint, shipping_fee bigint,
    channel text, items jsonb, occurred_at timestamptz, points_earned bigint,
    growth_earned bigint, fingerprint text, response_body text, created_at timestamptz,
    discounts jsonb, points_redeemed bigint, points_value bigint)
  ON CONFLICT (program_id, id) DO NOTHING;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'the order id exists' USING ERRCODE = 'LBDUP';
  END IF;

  -- One coupon at a time, each by its key (whatever the planner knows of the table's size).
  FOR u IN SELECT value AS id FROM jsonb_array_elements_text(coalesce(plan->'coupons', '[]')) LOOP
    UPDATE coupons SET status = 'redeemed', member_id = mid,
      issued_at = coalesce(issued_at, (m->>'at')::timestamptz),
      redeemed_at = (m->>'at')::timestamptz, order_id = plan->'order'->>'id'
    WHERE program_id = p AND id = u.id
      AND ((status = 'active' AND member_id = mid) OR status = 'unassigned');
    IF NOT FOUND THEN
      RAISE EXCEPTION 'a coupon of the order was used' USING ERRCODE = 'LBCPN';
    END IF;
  END LOOP;

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

  -- After the order's own lots: a debit may take from a lot the order just earned.
  -- One lot at a time, each by its key.
  FOR u IN SELECT * FROM jsonb_to_recordset(coalesce(plan->'spends', '[]'))
      AS s(lot_id text, points bigint) LOOP
    UPDATE point_lots SET remaining = remaining - u.points
    WHERE program_id = p AND member_id = mid AND id = u.lot_id
      AND status = 'available' AND remaining >= u.points;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'the member''s points changed' USING ERRCODE = 'LBMEM';
    END IF;
  END LOOP;

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

-- Two of the order's functions run the same statements with different values thousands of
-- times a second: planned once per connection (a generic plan), not for each call's values.
-- Left to choose, PostgreSQL planned `lb_checkout_reads` anew for every call (its generic
-- estimates look dearer than they are), which cost more than running it. (`lb_order_snapshot`
-- is left to choose: its tier-window sums planned generically were slower on PGlite.)
ALTER FUNCTION lb_checkout_reads(text, text, text[], boolean, bigint, timestamptz)
  SET plan_cache_mode = force_generic_plan;
ALTER FUNCTION lb_write_order(jsonb) SET plan_cache_mode = force_generic_plan;
