-- Trail completions: every completion of a trail by a learner, with its course list. Run once per slot.
-- Placeholders: ${slot} (a or b) and ${text} (the dialect's type for long text).
CREATE TABLE trail_completion_${slot} (
    institution_id    BIGINT NOT NULL,
    user_id           BIGINT NOT NULL,
    trail_id          BIGINT NOT NULL,
    completion_number INTEGER NOT NULL,
    user_name         VARCHAR(500),
    user_email        VARCHAR(320),
    trail_name        VARCHAR(1000) NOT NULL,
    finished_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    courses           ${text} NOT NULL,
    CONSTRAINT pk_trail_completion_${slot} PRIMARY KEY (institution_id, user_id, trail_id, completion_number)
);
-- The lists are sorted by (finished_at, institution_id, user_id, trail_id, completion_number).
CREATE INDEX ix_trail_completion_trail_${slot}
    ON trail_completion_${slot} (trail_id, finished_at, institution_id, user_id, completion_number);
CREATE INDEX ix_trail_completion_institution_${slot}
    ON trail_completion_${slot} (institution_id, finished_at, user_id, trail_id, completion_number);
