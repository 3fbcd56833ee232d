-- Model package signatures: the public keys this site trusts to sign model packages (a site
-- physicist's key) and which key signed each registered model. Once a key is trusted, only
-- packages signed by a trusted key are registered, so weights edited together with their
-- checksum in the metadata are caught.
CREATE TABLE signing_keys (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    fingerprint TEXT NOT NULL UNIQUE,
    public_key  TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    added_at    TEXT NOT NULL
);
ALTER TABLE models ADD COLUMN signed_by TEXT;
