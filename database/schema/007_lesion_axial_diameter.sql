-- RANO-BM's longest axial diameter of each lesion beside its 3D extent (max_diameter_mm), which
-- thick slices inflate (22 -> 31 mm on 6 mm slices) and so put lesions in the wrong size bin.
-- NULL for lesions recorded before it was measured.
ALTER TABLE lesions ADD COLUMN axial_diameter_mm REAL;
