-- A counter that every earning-rule change moves, in the change's own transaction. Requests
-- read it with their key (one query they make anyway), so a process's cached rules are known
-- stale the moment a change commits, on every process that shares the database.
ALTER TABLE programs ADD COLUMN rules_version bigint NOT NULL DEFAULT 0;
