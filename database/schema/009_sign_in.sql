-- Sign-in: a user proves who they are by the operating-system account the program runs as
-- (os_account: the OS has checked it at login), by a password of their own kept as a salted
-- scrypt hash (password_hash, never the password), or by their OS account's password through
-- PAM. Users of older databases had neither; the first read-write open by this version binds
-- them to the OS account that opened it, and the audit log says so.
ALTER TABLE users ADD COLUMN os_account TEXT;
ALTER TABLE users ADD COLUMN password_hash TEXT;
