-- Stored events rewritten in place, and why. Today one reason only: erasing a learner redacts the personal values
-- that events stored before sealing existed hold in plain text. The tamper-evidence chain reads a rewritten event by
-- its original payload's hash; the erasure event lists the same rewrites, so this table cannot be changed unnoticed.
CREATE TABLE IF NOT EXISTS event_rewrite (
    global_index             BIGINT NOT NULL,
    event_identifier         VARCHAR(255) NOT NULL,
    original_payload_sha256  CHAR(64) NOT NULL,
    rewritten_payload_sha256 CHAR(64) NOT NULL,
    reason                   VARCHAR(64) NOT NULL,
    rewritten_at             TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_event_rewrite PRIMARY KEY (global_index)
);
