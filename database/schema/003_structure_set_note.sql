-- Why a structure set version was saved (the contour editor asks for a note on saving).
ALTER TABLE structure_sets ADD COLUMN note TEXT NOT NULL DEFAULT '';
