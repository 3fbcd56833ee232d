-- DICOM networking: the nodes this workstation talks to (the PACS, a planning system), which are
-- also the only callers its storage listener accepts, and its own AE title, port and the number
-- of associations it serves at once (one row).
CREATE TABLE dicom_nodes (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    ae_title   TEXT NOT NULL,
    host       TEXT NOT NULL,
    port       INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    created_at TEXT NOT NULL
);

CREATE TABLE local_dicom_node (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    ae_title         TEXT NOT NULL,
    port             INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
    max_associations INTEGER NOT NULL CHECK (max_associations BETWEEN 1 AND 256)
);
INSERT INTO local_dicom_node(id, ae_title, port, max_associations) VALUES (1, 'METIS', 11112, 8);
