-- Where and in which numeric precision each stored AI result was computed (shown in the report).
-- Results stored before this migration read as unknown ('').
ALTER TABLE inference_runs ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE inference_runs ADD COLUMN precision TEXT NOT NULL DEFAULT '';
