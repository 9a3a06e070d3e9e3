-- Coupons (docs/coupons.md): templates that say what a coupon gives and how many may exist,
-- the coupons themselves (issued to a member, or bulk codes waiting to be claimed), and the
-- bulk-code requests that a job run works through. Redemption by orders comes later, on these
-- tables.

CREATE TABLE coupon_templates (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  -- { type: 'percent', percent_off, max_amount? } | { type: 'amount', amount_off }
  -- | { type: 'free_shipping' }, checked by the core (coupons.ts).
  discount jsonb NOT NULL,
  min_spend bigint CHECK (min_spend >= 0),
  -- { categories?, skus? }; null: every item.
  applies_to jsonb,
  -- Validity: either a number of days from issue (or from the claim of a bulk code), or a
  -- fixed window [starts_at, ends_at).
  validity_days integer CHECK (validity_days BETWEEN 1 AND 3650),
  starts_at timestamptz,
  ends_at timestamptz,
  per_member_limit bigint CHECK (per_member_limit > 0),
  total_limit bigint CHECK (total_limit > 0),
  stackable boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  -- Coupons issued plus bulk codes requested: moved by a conditional update that never passes
  -- total_limit (coupons.repository.ts), the check below being the database's last word.
  issued bigint NOT NULL DEFAULT 0 CHECK (issued >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  CHECK (total_limit IS NULL OR issued <= total_limit),
  CHECK (
    (validity_days IS NOT NULL AND starts_at IS NULL AND ends_at IS NULL)
    OR (validity_days IS NULL AND starts_at IS NOT NULL AND ends_at > starts_at)
  )
);

-- A request for bulk codes, worked through in batches by the job run whose id it carries
-- (`coupon-codes`); `generated` moves with each batch, under the row's lock, so that two runs
-- finishing one request never make more than `count` codes.
CREATE TABLE coupon_code_batches (
  program_id text NOT NULL,
  run_id text NOT NULL,
  template_id text NOT NULL,
  count integer NOT NULL CHECK (count BETWEEN 1 AND 100000),
  generated integer NOT NULL DEFAULT 0 CHECK (generated >= 0 AND generated <= count),
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (program_id, run_id),
  FOREIGN KEY (program_id, template_id) REFERENCES coupon_templates (program_id, id)
);
CREATE INDEX coupon_code_batches_unfinished ON coupon_code_batches (program_id, run_id)
  WHERE finished_at IS NULL;

-- One coupon: `unassigned` (a bulk code nobody has claimed), `active` (a member's, until it is
-- redeemed or expires: expiry is read from expires_at, never stored as a status) or `redeemed`.
CREATE TABLE coupons (
  program_id text NOT NULL,
  id text NOT NULL,
  template_id text NOT NULL,
  -- 16 characters of Crockford base32, upper case, without dashes (shown as XXXX-XXXX-…).
  code text NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{16}$'),
  status text NOT NULL CHECK (status IN ('unassigned', 'active', 'redeemed')),
  member_id text,
  -- The bulk-code request that made it; null for a coupon issued to a member from its template.
  run_id text,
  issued_at timestamptz,
  starts_at timestamptz,
  expires_at timestamptz,
  redeemed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  UNIQUE (program_id, code),
  FOREIGN KEY (program_id, template_id) REFERENCES coupon_templates (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id),
  FOREIGN KEY (program_id, run_id) REFERENCES coupon_code_batches (program_id, run_id),
  CHECK (status <> 'unassigned' OR (member_id IS NULL AND issued_at IS NULL)),
  CHECK (status <> 'active' OR (member_id IS NOT NULL AND issued_at IS NOT NULL))
);
-- A member's coupons, newest issue first; and how many of a template a member has had.
CREATE INDEX coupons_member ON coupons (program_id, member_id, issued_at, id)
  WHERE member_id IS NOT NULL;
-- A template's codes in the order they were made (lists and the CSV export).
CREATE INDEX coupons_template ON coupons (program_id, template_id, id);
