-- How far a running job is (items examined so far), apart from what it changed (processed).
ALTER TABLE job_runs ADD COLUMN progress bigint;
