-- The command side's signature of every event it appends (HMAC-SHA256 with a signing key from configuration, which
-- the database never holds; key_id names it): an event without a valid signature was not appended by the ledger,
-- or was changed after. What is signed: see EventSignature in shared-events, and the README (For auditors).
CREATE TABLE IF NOT EXISTS event_signature (
    global_index     BIGINT NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    key_id           VARCHAR(64) NOT NULL,
    signature        CHAR(64) NOT NULL,
    CONSTRAINT pk_event_signature PRIMARY KEY (global_index)
);
