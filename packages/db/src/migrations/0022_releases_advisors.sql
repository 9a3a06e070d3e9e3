-- Early access and dedicated advisors (docs/advisors-and-early-access.md).

-- A product release: its SKU goes on sale to everyone at `public_at`, and earlier to the tiers
-- in `early_access`, a JSON array of { tier, hours_before }. One live release per SKU; a deleted
-- one frees its SKU. Every change moves the program's rules_version, so that each process's
-- cached releases (which quotes and orders read) are known stale at once.
CREATE TABLE releases (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  sku text NOT NULL,
  name text NOT NULL,
  public_at timestamptz NOT NULL,
  early_access jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (program_id, id)
);
CREATE UNIQUE INDEX releases_sku ON releases (program_id, sku) WHERE deleted_at IS NULL;
CREATE INDEX releases_public_at ON releases (program_id, public_at) WHERE deleted_at IS NULL;

-- A dedicated advisor (专属客服) and how many members it serves: `load`, moved only by the
-- functions below, under the lock of every advisor of the program.
CREATE TABLE advisors (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  contact text NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 0),
  load integer NOT NULL DEFAULT 0 CHECK (load >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id)
);

-- Which advisor serves a member: at most one. No foreign key to members on purpose: its check
-- would take a share lock on the member's row, so a console change holding the advisors' locks
-- would wait for a member locked by an order, itself waiting at commit for those locks.
CREATE TABLE advisor_assignments (
  program_id text NOT NULL,
  member_id text NOT NULL,
  advisor_id text NOT NULL,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (program_id, member_id),
  FOREIGN KEY (program_id, advisor_id) REFERENCES advisors (program_id, id)
);
CREATE INDEX advisor_assignments_advisor ON advisor_assignments (program_id, advisor_id, member_id);

-- A ULID (time-ordered, Crockford base32) made by the database, for the domain events its
-- triggers record: the same form as the core's ids (shared/ids.ts).
CREATE FUNCTION lb_ulid() RETURNS text LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  ms bigint := floor(extract(epoch FROM clock_timestamp()) * 1000);
  out text := '';
BEGIN
  FOR i IN 1..10 LOOP
    out := substr(alphabet, (ms % 32)::int + 1, 1) || out;
    ms := ms / 32;
  END LOOP;
  FOR i IN 1..16 LOOP
    out := out || substr(alphabet, floor(random() * 32)::int + 1, 1);
  END LOOP;
  RETURN out;
END
$$;

-- The tier keys that carry a live dedicated_service benefit.
CREATE FUNCTION lb_dedicated_tiers(p text) RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT t.key), '{}')
  FROM benefits b, jsonb_array_elements_text(b.tiers) AS t(key)
  WHERE b.program_id = p AND b.type = 'dedicated_service' AND b.active AND b.deleted_at IS NULL
$$;

-- Every advisor of the program, locked in id order: the one lock order of every change of
-- loads and assignments (triggers, the console's changes), so they queue and never deadlock.
CREATE FUNCTION lb_lock_advisors(p text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM advisors WHERE program_id = p ORDER BY id FOR UPDATE;
END
$$;

-- Under lb_lock_advisors: gives the member the least-loaded active advisor with room (ties by
-- id), unless it has one. The advisor's id, or null when none has room (the member waits).
CREATE FUNCTION lb_assign_advisor(p text, mid text, at timestamptz) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  chosen text;
BEGIN
  IF EXISTS (SELECT 1 FROM advisor_assignments WHERE program_id = p AND member_id = mid) THEN
    RETURN NULL;
  END IF;
  SELECT id INTO chosen FROM advisors
  WHERE program_id = p AND active AND load < capacity
  ORDER BY load, id LIMIT 1;
  IF chosen IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO advisor_assignments (program_id, member_id, advisor_id, assigned_at)
  VALUES (p, mid, chosen, at);
  UPDATE advisors SET load = load + 1 WHERE program_id = p AND id = chosen;
  INSERT INTO outbox_events (program_id, id, type, member_id, data, created_at)
  VALUES (p, 'evt_' || lb_ulid(), 'advisor.assigned', mid,
    jsonb_build_object('member', mid, 'advisor', chosen), at);
  RETURN chosen;
END
$$;

-- Under lb_lock_advisors: the member no longer has an advisor. True when it had one.
CREATE FUNCTION lb_release_advisor(p text, mid text, at timestamptz) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  had text;
BEGIN
  DELETE FROM advisor_assignments WHERE program_id = p AND member_id = mid
  RETURNING advisor_id INTO had;
  IF had IS NULL THEN
    RETURN false;
  END IF;
  UPDATE advisors SET load = load - 1 WHERE program_id = p AND id = had;
  INSERT INTO outbox_events (program_id, id, type, member_id, data, created_at)
  VALUES (p, 'evt_' || lb_ulid(), 'advisor.released', mid,
    jsonb_build_object('member', mid, 'advisor', had), at);
  RETURN true;
END
$$;

-- Under lb_lock_advisors: the members of dedicated tiers who wait for an advisor get one, those
-- waiting longest first (by the time they reached their tier), while any advisor has room.
-- The number assigned.
CREATE FUNCTION lb_fill_advisors(p text, at timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  keys text[] := lb_dedicated_tiers(p);
  waiting record;
  n integer := 0;
BEGIN
  IF cardinality(keys) = 0
    OR NOT EXISTS (SELECT 1 FROM advisors WHERE program_id = p AND active AND load < capacity)
  THEN
    RETURN 0;
  END IF;
  FOR waiting IN
    SELECT m.id FROM members m
    WHERE m.program_id = p AND m.tier_key = ANY (keys)
      AND NOT EXISTS (SELECT 1 FROM advisor_assignments a
        WHERE a.program_id = p AND a.member_id = m.id)
    ORDER BY m.tier_since, m.id
  LOOP
    EXIT WHEN lb_assign_advisor(p, waiting.id, at) IS NULL;
    n := n + 1;
  END LOOP;
  RETURN n;
END
$$;

-- Brings the program's assignments in line with its tiers and advisors: releases members whose
-- tier lost its dedicated_service, then assigns the waiting while room lasts. Called when an
-- advisor is added, gets more room or is removed, and when a benefit changes. The number of
-- members assigned.
CREATE FUNCTION lb_assign_advisors(p text, at timestamptz DEFAULT now()) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  keys text[];
  gone record;
BEGIN
  PERFORM lb_lock_advisors(p);
  keys := lb_dedicated_tiers(p);
  FOR gone IN
    SELECT a.member_id FROM advisor_assignments a
    JOIN members m ON m.program_id = a.program_id AND m.id = a.member_id
    WHERE a.program_id = p AND NOT (m.tier_key = ANY (keys))
    ORDER BY a.member_id
  LOOP
    PERFORM lb_release_advisor(p, gone.member_id, at);
  END LOOP;
  RETURN lb_fill_advisors(p, at);
END
$$;

-- Whatever changes a member's tier (an order, an event, a refund, a job, an override, a new
-- ladder) gives or takes its advisor in the same transaction. The triggers are deferred to the
-- commit: by then the transaction holds every member lock it will take, so the advisors' locks
-- are always the last taken and their holder never waits for a member — no deadlock between a
-- batch of orders, a job's batch and a console change. The member is read as it is at commit
-- (its tier may have moved again since the row that queued this). Only a change that alters
-- what the member should have takes the advisors' locks; plain orders never queue the trigger.
CREATE FUNCTION lb_member_tier_advisor() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  m record;
  eligible boolean;
  assigned boolean;
BEGIN
  SELECT tier_key, tier_since INTO m FROM members
  WHERE program_id = NEW.program_id AND id = NEW.id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  eligible := m.tier_key = ANY (lb_dedicated_tiers(NEW.program_id));
  assigned := EXISTS (SELECT 1 FROM advisor_assignments
    WHERE program_id = NEW.program_id AND member_id = NEW.id);
  IF eligible = assigned THEN
    RETURN NULL;
  END IF;
  PERFORM lb_lock_advisors(NEW.program_id);
  IF eligible THEN
    PERFORM lb_assign_advisor(NEW.program_id, NEW.id, m.tier_since);
  ELSIF lb_release_advisor(NEW.program_id, NEW.id, m.tier_since) THEN
    -- The place it leaves goes to whoever waits.
    PERFORM lb_fill_advisors(NEW.program_id, m.tier_since);
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER members_tier_advisor AFTER UPDATE OF tier_key ON members
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.tier_key IS DISTINCT FROM NEW.tier_key)
  EXECUTE FUNCTION lb_member_tier_advisor();
CREATE CONSTRAINT TRIGGER members_new_advisor AFTER INSERT ON members
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION lb_member_tier_advisor();
