-- Metis patient database, schema version 1.
-- Paths in the database are relative to the managed storage folder next to the database file.

CREATE TABLE users (
    id           INTEGER PRIMARY KEY,
    username     TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL DEFAULT '',
    role         TEXT NOT NULL CHECK (role IN ('oncologist', 'annotator', 'physicist', 'admin')),
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL
);

CREATE TABLE patients (
    id          INTEGER PRIMARY KEY,
    patient_id  TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL DEFAULT '',
    birth_date  TEXT NOT NULL DEFAULT '',
    sex         TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

CREATE TABLE studies (
    id          INTEGER PRIMARY KEY,
    patient_ref INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    study_uid   TEXT NOT NULL UNIQUE,
    study_date  TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    accession   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX studies_patient ON studies(patient_ref);

CREATE TABLE series (
    id                    INTEGER PRIMARY KEY,
    study_ref             INTEGER NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
    series_uid            TEXT NOT NULL UNIQUE,
    modality              TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    frame_of_reference    TEXT NOT NULL DEFAULT '',
    manufacturer          TEXT NOT NULL DEFAULT '',
    instance_count        INTEGER NOT NULL DEFAULT 0,
    geometry_json         TEXT NOT NULL DEFAULT '{}',
    -- For volumes imported from NIfTI and the like: the stored file (DICOM series have instances).
    volume_path           TEXT,
    imported_at           TEXT NOT NULL
);
CREATE INDEX series_study ON series(study_ref);

CREATE TABLE instances (
    id               INTEGER PRIMARY KEY,
    series_ref       INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    sop_instance_uid TEXT NOT NULL UNIQUE,
    sop_class_uid    TEXT NOT NULL,
    instance_number  INTEGER,
    position         REAL,
    file_path        TEXT NOT NULL,
    sha256           TEXT NOT NULL
);
CREATE INDEX instances_series ON instances(series_ref);

CREATE TABLE structure_sets (
    id               INTEGER PRIMARY KEY,
    series_ref       INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    source           TEXT NOT NULL CHECK (source IN ('manual', 'ai', 'imported')),
    author           TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    parent_ref       INTEGER REFERENCES structure_sets(id),
    review_status    TEXT NOT NULL DEFAULT 'draft'
                     CHECK (review_status IN ('draft', 'corrected', 'approved', 'locked')),
    sop_instance_uid TEXT UNIQUE,
    file_path        TEXT,
    sha256           TEXT,
    -- Label-map files (NIfTI masks, AI results): the file and how its values read
    -- ('brats_mets', 'ucsf_binary', 'metis_instances').
    label_path       TEXT,
    label_convention TEXT
);
CREATE INDEX structure_sets_series ON structure_sets(series_ref);

CREATE TABLE rois (
    id                INTEGER PRIMARY KEY,
    structure_set_ref INTEGER NOT NULL REFERENCES structure_sets(id) ON DELETE CASCADE,
    roi_number        INTEGER NOT NULL,
    name              TEXT NOT NULL,
    interpreted_type  TEXT NOT NULL DEFAULT '',
    colour            TEXT NOT NULL DEFAULT '',
    UNIQUE (structure_set_ref, roi_number)
);

CREATE TABLE lesions (
    id                INTEGER PRIMARY KEY,
    structure_set_ref INTEGER NOT NULL REFERENCES structure_sets(id) ON DELETE CASCADE,
    roi_ref           INTEGER REFERENCES rois(id) ON DELETE SET NULL,
    label_value       INTEGER NOT NULL,
    volume_ml         REAL NOT NULL,
    centre_x          REAL NOT NULL,
    centre_y          REAL NOT NULL,
    centre_z          REAL NOT NULL,
    max_diameter_mm   REAL NOT NULL,
    mean_probability  REAL
);

CREATE TABLE clinical_labels (
    id             INTEGER PRIMARY KEY,
    patient_ref    INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
    egfr_status    TEXT NOT NULL CHECK (egfr_status IN ('mutant', 'wild_type', 'unknown')),
    diagnosis_date TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    UNIQUE (patient_ref, source)
);

CREATE TABLE training_runs (
    id           INTEGER PRIMARY KEY,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    status       TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled')),
    config_json  TEXT NOT NULL DEFAULT '{}',
    cohort_hash  TEXT NOT NULL DEFAULT '',
    log_path     TEXT,
    started_by   TEXT NOT NULL DEFAULT ''
);

CREATE TABLE models (
    id                INTEGER PRIMARY KEY,
    version           TEXT NOT NULL UNIQUE,
    file_path         TEXT NOT NULL,
    sha256            TEXT NOT NULL,
    metrics_json      TEXT NOT NULL DEFAULT '{}',
    training_run_ref  INTEGER REFERENCES training_runs(id),
    active            INTEGER NOT NULL DEFAULT 0,
    registered_at     TEXT NOT NULL
);
-- At most one active model.
CREATE UNIQUE INDEX models_one_active ON models(active) WHERE active = 1;

CREATE TABLE inference_runs (
    id                   INTEGER PRIMARY KEY,
    series_ref           INTEGER NOT NULL REFERENCES series(id) ON DELETE CASCADE,
    model_ref            INTEGER REFERENCES models(id),
    model_version        TEXT NOT NULL,
    created_at           TEXT NOT NULL,
    slice_probabilities  TEXT NOT NULL DEFAULT '[]',
    patient_probability  REAL,
    patient_call         TEXT CHECK (patient_call IN ('mutant', 'wild_type', 'undetermined')),
    lesions_json         TEXT NOT NULL DEFAULT '[]',
    structure_set_ref    INTEGER REFERENCES structure_sets(id)
);
CREATE INDEX inference_runs_series ON inference_runs(series_ref);

-- Append-only: each row's hash covers its content and the previous row's hash.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    username   TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL DEFAULT '',
    entity_id  TEXT NOT NULL DEFAULT '',
    details    TEXT NOT NULL DEFAULT '',
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
