-- Talent progress: the unlocked blocks of each talent. Run once per slot (${slot} = a, b).
-- Placeholders: ${slot} (a or b) and ${text} (the dialect's type for long text).
CREATE TABLE talent_block_${slot} (
    talent_id           VARCHAR(255) NOT NULL,
    talent_block_id     VARCHAR(255) NOT NULL,
    user_id             VARCHAR(255) NOT NULL,
    block_id            VARCHAR(255) NOT NULL,
    block_order         INTEGER NOT NULL,
    status              VARCHAR(16) NOT NULL,
    program_id          VARCHAR(255) NOT NULL,
    talent_phase_id     VARCHAR(255) NOT NULL,
    talent_activity_ids ${text} NOT NULL,
    unlocked_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    status_updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_talent_block_${slot} PRIMARY KEY (talent_id, talent_block_id)
);
CREATE INDEX ix_talent_block_order_${slot} ON talent_block_${slot} (talent_id, block_order, talent_block_id);
