-- A call refused before authentication keeps metadata only: no body (body_removed = 'unauthenticated'), but the
-- SHA-256 of the body as it arrived (hex), which every delivery now records and keeps when its body goes.
ALTER TABLE delivery ADD COLUMN body_sha256 CHAR(64);
