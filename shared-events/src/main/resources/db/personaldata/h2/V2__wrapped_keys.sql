-- Data keys are stored wrapped (AES-256-GCM) with a key-encryption key from configuration that the database never
-- holds; kek_id names it. Rows stored before wrapping existed have kek_id NULL and their key in clear until they are
-- rewrapped (when next used by the command side, or all at once by POST /api/admin/personal-data/rewrap).
ALTER TABLE personal_data_key ADD COLUMN IF NOT EXISTS kek_id VARCHAR(64);
ALTER TABLE personal_data_key ALTER COLUMN key_material SET DATA TYPE VARBINARY(256);
