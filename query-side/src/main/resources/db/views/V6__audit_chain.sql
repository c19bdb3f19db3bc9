-- The tamper-evidence chain: one link per event, in the order the chain processor saw them (global order, except
-- that a transaction committed late is linked when it becomes visible). Run once per slot.
CREATE TABLE audit_chain_${slot} (
    chain_index      BIGINT NOT NULL,
    global_position  BIGINT NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    link             CHAR(64) NOT NULL,
    CONSTRAINT pk_audit_chain_${slot} PRIMARY KEY (chain_index),
    CONSTRAINT uq_audit_chain_position_${slot} UNIQUE (global_position)
);
