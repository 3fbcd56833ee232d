-- The patient list and the training cohort look up each patient's newest clinical label; without
-- an index SQLite built a transient one on every query of the 10,000-patient browser.
CREATE INDEX clinical_labels_patient ON clinical_labels(patient_ref, recorded_at);
