-- Axon's dead-letter queue (DeadLetterSchema defaults): events a projection could not apply, parked in order per
-- aggregate, visible on /api/projections and re-processable.
CREATE TABLE IF NOT EXISTS DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT pk_dead_letter PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT uq_dead_letter_sequence UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX IF NOT EXISTS ix_dead_letter_group ON DeadLetterEntry (processingGroup);
CREATE INDEX IF NOT EXISTS ix_dead_letter_sequence ON DeadLetterEntry (processingGroup, sequenceIdentifier);
