-- The rewards catalog (积分商城, docs/rewards.md): rewards members buy with points (and maybe
-- cash), and every redemption, from the member's points to the operator's fulfilment.

-- One reward. `stock` is what the operator set (null: unlimited); `redeemed` counts the
-- quantities of redemptions not cancelled, and `stock_remaining` is stock - redeemed, never
-- below 0 (null when unlimited). Both move in one conditional update per redemption, the
-- last statement of its transaction (rewards.repository.ts, `takeStock`): the row is the hot
-- one of a popular reward, so its lock is held for the commit only. `tiers` is a JSON array
-- of tier keys; empty: every tier.
CREATE TABLE rewards (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  description text,
  image_url text,
  type text NOT NULL CHECK (type IN ('product', 'coupon', 'service')),
  points_cost bigint NOT NULL CHECK (points_cost > 0),
  cash_cost bigint NOT NULL DEFAULT 0 CHECK (cash_cost >= 0),
  stock bigint CHECK (stock >= 0),
  stock_remaining bigint CHECK (stock_remaining >= 0),
  redeemed bigint NOT NULL DEFAULT 0 CHECK (redeemed >= 0),
  tiers jsonb NOT NULL DEFAULT '[]',
  per_member_limit bigint CHECK (per_member_limit > 0),
  coupon_template_id text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, coupon_template_id) REFERENCES coupon_templates (program_id, id),
  CHECK ((stock IS NULL) = (stock_remaining IS NULL)),
  CHECK (stock_remaining IS NULL OR stock_remaining <= stock),
  CHECK ((type = 'coupon') = (coupon_template_id IS NOT NULL))
);

-- One redemption: `pending` until the operator fulfils it (a product, a service), or
-- `fulfilled` at once (a coupon reward: its coupons are issued in the same transaction);
-- a pending one may be `cancelled`, which gives back the points (a ledger entry) and the stock.
-- `transaction_id` is the `redeem` ledger entry whose source is this redemption.
CREATE TABLE reward_redemptions (
  program_id text NOT NULL,
  id text NOT NULL,
  reward_id text NOT NULL,
  member_id text NOT NULL,
  quantity integer NOT NULL CHECK (quantity > 0),
  status text NOT NULL CHECK (status IN ('pending', 'fulfilled', 'cancelled')),
  points_spent bigint NOT NULL CHECK (points_spent > 0),
  cash_cost bigint NOT NULL DEFAULT 0 CHECK (cash_cost >= 0),
  transaction_id text NOT NULL,
  -- The coupons a coupon reward issued: [{ id, code }].
  coupons jsonb NOT NULL DEFAULT '[]',
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  fulfilled_at timestamptz,
  cancelled_at timestamptz,
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, reward_id) REFERENCES rewards (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id),
  CHECK (status <> 'fulfilled' OR fulfilled_at IS NOT NULL),
  CHECK (status <> 'cancelled' OR cancelled_at IS NOT NULL)
);
-- A member's redemptions, newest first; and what the member took of one reward (the limit).
CREATE INDEX reward_redemptions_member ON reward_redemptions (program_id, member_id, id);
CREATE INDEX reward_redemptions_member_reward ON reward_redemptions (program_id, member_id, reward_id)
  WHERE status <> 'cancelled';
-- The fulfilment queue: redemptions of one status, oldest first.
CREATE INDEX reward_redemptions_status ON reward_redemptions (program_id, status, id);
