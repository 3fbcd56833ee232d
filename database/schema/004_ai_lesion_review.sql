-- Triage of the lesions of a stored AI result: a reader confirms or rejects each one. The newest
-- decision per lesion is kept here; every decision, with the one it replaced, is in the audit log.
CREATE TABLE ai_lesion_reviews (
    id                INTEGER PRIMARY KEY,
    inference_run_ref INTEGER NOT NULL REFERENCES inference_runs(id) ON DELETE CASCADE,
    lesion_number     INTEGER NOT NULL,
    decision          TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected')),
    username          TEXT NOT NULL,
    decided_at        TEXT NOT NULL,
    UNIQUE (inference_run_ref, lesion_number)
);
