-- Tokens issued by admins (POST /api/admin/tokens): only the SHA-256 of each secret is kept, looked up on every
-- request by that hash (so a revocation or an expiry holds at once on every node).
CREATE TABLE IF NOT EXISTS api_token (
    id                  VARCHAR(36) NOT NULL,
    name                VARCHAR(200) NOT NULL,
    secret_sha256       CHAR(64) NOT NULL,
    created_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP(6) WITH TIME ZONE,
    revoked_at          TIMESTAMP(6) WITH TIME ZONE,
    last_used_at        TIMESTAMP(6) WITH TIME ZONE,
    reads               BIGINT DEFAULT 0 NOT NULL,
    personal_data_reads BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT pk_api_token PRIMARY KEY (id),
    CONSTRAINT uq_api_token_secret UNIQUE (secret_sha256)
);

-- A token's scope: one row per institution or program it may read; none at all means every institution and program.
CREATE TABLE IF NOT EXISTS api_token_scope (
    id             BIGSERIAL NOT NULL,
    token_id       VARCHAR(36) NOT NULL,
    institution_id BIGINT,
    program_id     VARCHAR(255),
    CONSTRAINT pk_api_token_scope PRIMARY KEY (id),
    CONSTRAINT fk_api_token_scope_token FOREIGN KEY (token_id) REFERENCES api_token (id),
    CONSTRAINT ck_api_token_scope_one CHECK ((institution_id IS NULL) <> (program_id IS NULL))
);
CREATE INDEX IF NOT EXISTS ix_api_token_scope_token ON api_token_scope (token_id);
