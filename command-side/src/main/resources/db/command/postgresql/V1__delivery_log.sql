-- Every webhook call, whatever its outcome, recorded before it is answered.
CREATE TABLE IF NOT EXISTS delivery (
    seq              BIGSERIAL NOT NULL,
    id               VARCHAR(36) NOT NULL,
    source           VARCHAR(32) NOT NULL,
    received_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    client_address   VARCHAR(64),
    headers          TEXT,
    body             BYTEA,
    body_size        INTEGER NOT NULL,
    event_type       VARCHAR(255),
    sender_event_id  VARCHAR(512),
    idempotency_key  VARCHAR(512),
    outcome          VARCHAR(16) NOT NULL,
    status_code      INTEGER NOT NULL,
    problem          TEXT,
    events           TEXT,
    duration_micros  BIGINT NOT NULL,
    authenticated    BOOLEAN NOT NULL,
    retry_of         VARCHAR(36),
    requested_by     VARCHAR(255),
    CONSTRAINT pk_delivery PRIMARY KEY (seq),
    CONSTRAINT uq_delivery_id UNIQUE (id)
);
CREATE INDEX IF NOT EXISTS ix_delivery_source_seq ON delivery (source, seq);
CREATE INDEX IF NOT EXISTS ix_delivery_outcome_seq ON delivery (outcome, seq);
CREATE INDEX IF NOT EXISTS ix_delivery_received_at ON delivery (received_at);

-- The first accepted delivery of each idempotency key; a repeat finds its original here.
CREATE TABLE IF NOT EXISTS delivery_idempotency (
    source          VARCHAR(32) NOT NULL,
    idempotency_key VARCHAR(512) NOT NULL,
    delivery_id     VARCHAR(36) NOT NULL,
    CONSTRAINT pk_delivery_idempotency PRIMARY KEY (source, idempotency_key)
);
