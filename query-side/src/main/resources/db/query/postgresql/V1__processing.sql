-- Axon's tracking tokens (TokenSchema defaults): a view row and its processor's token commit in one transaction.
CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT pk_token_entry PRIMARY KEY (processorName, segment)
);

-- Which generation of each projection dashboards read; a rebuild fills the other slot, then switches.
CREATE TABLE IF NOT EXISTS projection_state (
    projection          VARCHAR(64) NOT NULL,
    active_generation   INTEGER NOT NULL,
    CONSTRAINT pk_projection_state PRIMARY KEY (projection)
);
