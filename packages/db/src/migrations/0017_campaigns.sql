-- Campaigns (docs/campaigns.md): a trigger, a reward, a budget and a holdout group. The
-- `campaigns` job finds each trigger's occasions (from the domain events for member_joined and
-- tier_upgraded, from the members for birthday, inactive and scheduled), records one row per
-- member and occasion in campaign_members — the holdout decided there, deterministically — and
-- gives the treated ones their reward, each counted against the budget on the campaign's row by
-- a conditional update, so the budget is never exceeded whatever runs at once.

CREATE TABLE campaigns (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  trigger jsonb NOT NULL,
  reward jsonb NOT NULL,
  max_rewards bigint CHECK (max_rewards > 0),
  max_cost bigint CHECK (max_cost > 0),
  -- Percent of the audience held out, 0-90, up to two decimals.
  holdout_percent numeric(5, 2) NOT NULL DEFAULT 0 CHECK (holdout_percent >= 0 AND holdout_percent <= 90),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  active boolean NOT NULL DEFAULT true,
  -- The budget used: rewards given and what they cost (minor units), moved only by
  -- `UPDATE … WHERE rewards_issued + 1 <= max_rewards AND cost + $c <= max_cost`.
  rewards_issued bigint NOT NULL DEFAULT 0,
  cost bigint NOT NULL DEFAULT 0,
  -- Date-based triggers (birthday, inactive) look for their members at the first run of each
  -- local day; a scheduled one takes its segment's members once.
  swept_on text,
  audience_taken_at timestamptz,
  -- Event triggers (member_joined, tier_upgraded) read the events after this, less a margin for
  -- transactions that commit late.
  events_read_to timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  CHECK (max_rewards IS NULL OR rewards_issued <= max_rewards),
  CHECK (max_cost IS NULL OR cost <= max_cost)
);

CREATE TABLE campaign_members (
  program_id text NOT NULL,
  campaign_id text NOT NULL,
  member_id text NOT NULL,
  -- What this row answers, once per member: `joined`, `birthday:2027`, `inactive:2026-09-01`,
  -- `scheduled`, or the id of the tier.upgraded event.
  occasion text NOT NULL,
  grp text NOT NULL CHECK (grp IN ('treated', 'holdout')),
  -- pending (treated, not yet rewarded), rewarded, holdout, over_budget, refused (the reward
  -- could not be given: a coupon template's limit, an ended template).
  status text NOT NULL CHECK (status IN ('pending', 'rewarded', 'holdout', 'over_budget', 'refused')),
  reward_ref text,
  cost bigint NOT NULL DEFAULT 0,
  note text,
  assigned_at timestamptz NOT NULL,
  rewarded_at timestamptz,
  PRIMARY KEY (program_id, campaign_id, member_id, occasion),
  FOREIGN KEY (program_id, campaign_id) REFERENCES campaigns (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id)
);
CREATE INDEX campaign_members_pending ON campaign_members (program_id, campaign_id, member_id)
  WHERE status = 'pending';

-- Birthday campaigns find the day's members by month and day (`YYYY-MM-DD` and `--MM-DD` both
-- end in MM-DD).
CREATE INDEX members_birthday_day ON members (program_id, right(birthday, 5))
  WHERE birthday IS NOT NULL;

-- Event triggers read their domain events by type and time; only those types are indexed, so
-- the order path's own events (points.earned on every order) pay nothing for it.
CREATE INDEX outbox_events_campaign_triggers ON outbox_events (program_id, type, created_at)
  WHERE type IN ('member.created', 'tier.upgraded');
