-- Portal sessions are looked up by their token's hash before the program is known, so they are
-- a global table (like api_keys), not one distributed by program_id. A global table may only
-- reference other global tables once programs are spread over several servers (Citus cannot
-- keep a foreign key from a reference table into a distributed one), so the session's member
-- is checked by the code that creates it (portal-sessions.service.ts) instead.
ALTER TABLE portal_sessions DROP CONSTRAINT portal_sessions_program_id_member_id_fkey;
