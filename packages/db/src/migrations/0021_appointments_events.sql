-- Appointments (预约购物) and exclusive events (特别活动邀请), docs/appointments-and-events.md:
-- scarce places taken by members. Each place is counted on its slot's or event's row and moved
-- by a conditional update that never passes the capacity (the checks below the last word), and
-- a member holds at most one live booking of a slot and one invitation to an event.

-- A time a service can be booked in. `tiers`: a JSON array of tier keys whose members may book
-- it, or null for every tier. `booked`: the live bookings. A deleted slot keeps its row (its
-- bookings, cancelled, still point at it) and disappears from every list.
CREATE TABLE appointment_slots (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  service text NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 1),
  booked integer NOT NULL DEFAULT 0 CHECK (booked >= 0),
  tiers jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  PRIMARY KEY (program_id, id),
  CHECK (ends_at > starts_at),
  CHECK (booked <= capacity)
);
-- The calendar: live slots by start time.
CREATE INDEX appointment_slots_time ON appointment_slots (program_id, starts_at, id)
  WHERE deleted_at IS NULL;

-- A member's booking of a slot: `booked`, or `cancelled` (by the member, by staff, or with its
-- slot). Cancelled bookings keep their rows, so a member may book the slot again.
CREATE TABLE appointments (
  program_id text NOT NULL,
  id text NOT NULL,
  slot_id text NOT NULL,
  member_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'cancelled')),
  booked_by text NOT NULL CHECK (booked_by IN ('member', 'staff')),
  booked_at timestamptz NOT NULL,
  cancelled_by text CHECK (cancelled_by IN ('member', 'staff')),
  cancelled_at timestamptz,
  PRIMARY KEY (program_id, id),
  FOREIGN KEY (program_id, slot_id) REFERENCES appointment_slots (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
  CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL))
);
-- One live booking per member and slot, whatever the requests racing for it.
CREATE UNIQUE INDEX appointments_one_per_member ON appointments (program_id, slot_id, member_id)
  WHERE status = 'booked';
CREATE INDEX appointments_member ON appointments (program_id, member_id, id);
CREATE INDEX appointments_slot ON appointments (program_id, slot_id, id);

-- An event the members of some tiers are invited to. `tiers`: a JSON array of tier keys.
-- `invited`: its invitations; `attending`: those answered yes, never past `capacity`.
CREATE TABLE exclusive_events (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  title text NOT NULL,
  description text,
  location text,
  starts_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity >= 1),
  tiers jsonb NOT NULL,
  invited integer NOT NULL DEFAULT 0 CHECK (invited >= 0),
  attending integer NOT NULL DEFAULT 0 CHECK (attending >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id),
  CHECK (attending <= capacity)
);
CREATE INDEX exclusive_events_time ON exclusive_events (program_id, starts_at, id);

-- A member's invitation: made for every eligible member when the event is created (`via`
-- 'creation'), or when a member who reached an eligible tier later answers ('rsvp').
-- `rsvp` is null until the member answers.
CREATE TABLE event_invitations (
  program_id text NOT NULL,
  event_id text NOT NULL,
  member_id text NOT NULL,
  tier_key text NOT NULL,
  via text NOT NULL CHECK (via IN ('creation', 'rsvp')),
  invited_at timestamptz NOT NULL,
  rsvp text CHECK (rsvp IN ('yes', 'no')),
  responded_at timestamptz,
  PRIMARY KEY (program_id, event_id, member_id),
  FOREIGN KEY (program_id, event_id) REFERENCES exclusive_events (program_id, id),
  FOREIGN KEY (program_id, member_id) REFERENCES members (program_id, id),
  CHECK ((rsvp IS NULL) = (responded_at IS NULL))
);
CREATE INDEX event_invitations_member ON event_invitations (program_id, member_id, event_id);
