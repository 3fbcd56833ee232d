-- The post-processing a stored AI result was made with: the probability threshold and the
-- smallest lesion kept, and whether a reader changed them from the model package's defaults.
-- NULL for results stored before this was recorded (they used their package's defaults).
ALTER TABLE inference_runs ADD COLUMN gtv_threshold REAL;
ALTER TABLE inference_runs ADD COLUMN min_lesion_volume_mm3 REAL;
ALTER TABLE inference_runs ADD COLUMN post_processing_changed INTEGER NOT NULL DEFAULT 0
    CHECK (post_processing_changed IN (0, 1));
