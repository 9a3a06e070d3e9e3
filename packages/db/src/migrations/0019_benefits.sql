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

-- A member's uses of a quota'd benefit in one period, named as the earning rules' usage periods
-- are ('week:2026-12-07' for the week starting Monday 7 December, 'month:2026-12', 'year:2026',
-- in the program's time zone). Moved by a conditional update that never passes the quota (an
-- order's write, `lb_write_order`, and a use by hand), the check below the last word.
CREATE TABLE benefit_usage (
  program_id text NOT NULL,
  benefit_id text NOT NULL,
  member_id text NOT NULL,
  period text NOT NULL,
  used integer NOT NULL DEFAULT 0 CHECK (used >= 0),
  PRIMARY KEY (program_id, member_id, benefit_id, period),
  -- No foreign key to `benefits`: a benefit is never removed (deleting one marks it), and the
  -- check would take a share lock on the benefit's one row for every order that uses it.
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
  -- The quota period the use counted in (null for a benefit without quota).
  period text,
  reference_kind text NOT NULL,
  reference_id text,
  amount bigint NOT NULL DEFAULT 0 CHECK (amount >= 0),
  used_at timestamptz NOT NULL,
  returned_at timestamptz,
  -- By member: a member's uses (newest first by their ULIDs), and the uses of an order or a
  -- booking, whose member is known, are found among the member's. One B-tree in all, since an
  -- order writes a row per benefit it uses; no foreign key to `benefits` (see benefit_usage).
  PRIMARY KEY (program_id, member_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
-- The delivery audit: the uses of a period. Rows arrive in time order, so a block-range index
-- on `used_at` finds a period's pages for next to nothing on the order's write (a B-tree on
-- (program_id, benefit_id, used_at) cost every order one more index entry per use).
CREATE INDEX benefit_uses_used_at ON benefit_uses USING brin (used_at);

-- An order's snapshot (0008_order_write.sql) reads the member's usage of quota'd benefits beside
-- the limited rules' usage: the caller names the benefits among `a_limited_rules` and their
-- periods among `a_periods` (benefit ids and rule ids never meet: `ben_…`, `rule_…`).
CREATE OR REPLACE FUNCTION lb_order_snapshot(
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
    'usage', (SELECT coalesce(jsonb_agg(jsonb_build_array(u.id, u.period, u.used)), '[]') FROM (
        SELECT u.rule_id AS id, u.period, u.points AS used FROM earning_rule_usage u
        WHERE u.program_id = a_program AND u.member_id = m.id
          AND u.rule_id = ANY(a_limited_rules) AND u.period = ANY(a_periods)
        UNION ALL
        SELECT b.benefit_id, b.period, b.used FROM benefit_usage b
        WHERE b.program_id = a_program AND b.member_id = m.id
          AND b.benefit_id = ANY(a_limited_rules) AND b.period = ANY(a_periods)) u),
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

-- An order's write (0018_checkout_in_order_write.sql), now with the benefits it uses:
--   benefit_usage  [{benefit_id, period, cap}]: one use more of a quota'd benefit this period,
--                  refused (LBMEM) past the quota: another order or a use by hand took the last;
--   benefit_uses   [{id, benefit_id, tier_key, period, amount, used_at}]: the uses' records.
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

  -- The benefits the order uses (free shipping, a tier discount), each recorded with the order;
  -- a quota'd one moves the member's usage of its period, never past the quota.
  FOR u IN SELECT * FROM jsonb_to_recordset(coalesce(plan->'benefit_usage', '[]'))
      AS x(benefit_id text, period text, cap int) LOOP
    INSERT INTO benefit_usage AS e (program_id, benefit_id, member_id, period, used)
    SELECT p, u.benefit_id, mid, u.period, 1 WHERE u.cap >= 1
    ON CONFLICT (program_id, member_id, benefit_id, period)
      DO UPDATE SET used = e.used + 1 WHERE e.used + 1 <= u.cap;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'a benefit quota was used up' USING ERRCODE = 'LBMEM';
    END IF;
  END LOOP;
  IF jsonb_array_length(coalesce(plan->'benefit_uses', '[]')) > 0 THEN
    INSERT INTO benefit_uses (program_id, id, benefit_id, member_id, tier_key, period,
      reference_kind, reference_id, amount, used_at)
    SELECT p, b.id, b.benefit_id, mid, b.tier_key, b.period, 'order', plan->'order'->>'id',
      b.amount, b.used_at
    FROM jsonb_to_recordset(plan->'benefit_uses') AS b(id text, benefit_id text, tier_key text,
      period text, amount bigint, used_at timestamptz);
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
ALTER FUNCTION lb_write_order(jsonb) SET plan_cache_mode = force_generic_plan;
