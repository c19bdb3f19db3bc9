-- Courses seen in completions, and the completions that include each. Run once per slot.
CREATE TABLE course_${slot} (
    course_id         BIGINT NOT NULL,
    title             VARCHAR(1000) NOT NULL,
    completions       BIGINT NOT NULL,
    last_completed_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_course_${slot} PRIMARY KEY (course_id)
);
CREATE TABLE course_completion_${slot} (
    course_id         BIGINT NOT NULL,
    institution_id    BIGINT NOT NULL,
    user_id           BIGINT NOT NULL,
    trail_id          BIGINT NOT NULL,
    completion_number INTEGER NOT NULL,
    user_name         VARCHAR(500),
    user_email        VARCHAR(320),
    trail_name        VARCHAR(1000) NOT NULL,
    finished_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    courses           ${text} NOT NULL,
    CONSTRAINT pk_course_completion_${slot} PRIMARY KEY (course_id, institution_id, user_id, trail_id, completion_number)
);
CREATE INDEX ix_course_completion_course_${slot}
    ON course_completion_${slot} (course_id, finished_at, institution_id, user_id, trail_id, completion_number);
