-- Segments (docs/segments.md): a named JsonLogic condition over member fields. The condition is
-- checked by the core (segments.ts) and translated to SQL each time the segment is counted or
-- listed, so a segment is always "the members matching now", never a stored list.
--
-- No column is added to members for `days_since_last_order`: the translation reads the newest
-- order through the existing orders_member index (program_id, member_id, occurred_at), one probe
-- a member, and only when the condition names that field — so the order write path
-- (lb_apply_order) stays as it is.

CREATE TABLE segments (
  program_id text NOT NULL REFERENCES programs (id),
  id text NOT NULL,
  name text NOT NULL,
  condition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, id)
);
