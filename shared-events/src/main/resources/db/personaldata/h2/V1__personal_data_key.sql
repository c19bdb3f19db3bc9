-- Each data subject's key (crypto-shredding: deleting it erases every value it sealed): in the database of the
-- command side, next to the event store when the events are there, never in the events. Both applications run this
-- migration (history table flyway_personal_data_history), whichever starts first, whatever the event store.
CREATE TABLE IF NOT EXISTS personal_data_key (
    key_id       VARCHAR(36) NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    key_material VARBINARY(32) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_personal_data_key PRIMARY KEY (key_id),
    CONSTRAINT uq_personal_data_key_subject UNIQUE (subject)
);
