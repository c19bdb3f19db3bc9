-- Axon's JDBC event store schema (EventSchema defaults). Written by the command side, read by the query side and by
-- auditors; both applications run this migration (history table flyway_eventstore_history), whichever starts first.
-- Payloads are bytea, never large objects (oid): readable with convert_from(payload, 'UTF8') and never leaked.
-- Unquoted identifiers fold to lower case, exactly as Axon's unquoted statements do.
CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex         BIGSERIAL NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT pk_domain_event PRIMARY KEY (globalIndex),
    CONSTRAINT uq_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uq_event_identifier UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT pk_snapshot_event PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uq_snapshot_event_identifier UNIQUE (eventIdentifier)
);
