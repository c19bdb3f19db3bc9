-- Personal data in the delivery log: raw bodies apart from the delivery's metadata (so that retention and erasure
-- delete them for real and the metadata stays), sealed with their subject's key (personal_data_key, next to the
-- event store), and the record of retention purges.
-- key_id: the subject's key that sealed the body; null when the body is kept as it arrived (no subject in it).
CREATE TABLE delivery_body (
    delivery_id VARCHAR(36) NOT NULL,
    key_id      VARCHAR(36),
    body        VARBINARY(1048576) NOT NULL,
    CONSTRAINT pk_delivery_body PRIMARY KEY (delivery_id)
);
INSERT INTO delivery_body (delivery_id, body) SELECT id, body FROM delivery WHERE body IS NOT NULL;
ALTER TABLE delivery DROP COLUMN body;
ALTER TABLE delivery ADD COLUMN data_subject VARCHAR(255);
-- Why the body is gone (retention, erasure) and since when; null while it is kept.
ALTER TABLE delivery ADD COLUMN body_removed VARCHAR(16);
ALTER TABLE delivery ADD COLUMN body_removed_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX ix_delivery_data_subject ON delivery (data_subject);

CREATE TABLE delivery_purge (
    id             VARCHAR(36) NOT NULL,
    purged_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    cutoff         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    bodies_deleted INTEGER NOT NULL,
    requested_by   VARCHAR(255) NOT NULL,
    CONSTRAINT pk_delivery_purge PRIMARY KEY (id)
);
