-- Program funnel: per program, phase and block order, how many talents' blocks are in each status. Run once per slot.
CREATE TABLE program_funnel_${slot} (
    program_id      VARCHAR(255) NOT NULL,
    talent_phase_id VARCHAR(255) NOT NULL,
    block_order     INTEGER NOT NULL,
    status          VARCHAR(16) NOT NULL,
    blocks          BIGINT NOT NULL,
    CONSTRAINT pk_program_funnel_${slot} PRIMARY KEY (program_id, talent_phase_id, block_order, status)
);
