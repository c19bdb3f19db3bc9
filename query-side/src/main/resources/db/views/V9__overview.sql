-- Overview: talents, learners and courses counted once each, so that /api/overview reads a few rows instead of counting
-- distinct keys over the talent and completion views (seconds at a million events); the programs and institutions seen,
-- read in key order. Run once per slot.
CREATE TABLE overview_talent_${slot} (
    talent_id VARCHAR(255) NOT NULL,
    CONSTRAINT pk_overview_talent_${slot} PRIMARY KEY (talent_id)
);
CREATE TABLE overview_learner_${slot} (
    institution_id BIGINT NOT NULL,
    user_id        BIGINT NOT NULL,
    CONSTRAINT pk_overview_learner_${slot} PRIMARY KEY (institution_id, user_id)
);
CREATE TABLE overview_course_${slot} (
    course_id BIGINT NOT NULL,
    CONSTRAINT pk_overview_course_${slot} PRIMARY KEY (course_id)
);
CREATE TABLE overview_program_${slot} (
    program_id VARCHAR(255) NOT NULL,
    CONSTRAINT pk_overview_program_${slot} PRIMARY KEY (program_id)
);
CREATE TABLE overview_institution_${slot} (
    institution_id BIGINT NOT NULL,
    CONSTRAINT pk_overview_institution_${slot} PRIMARY KEY (institution_id)
);
CREATE TABLE overview_total_${slot} (
    total  VARCHAR(32) NOT NULL,
    amount BIGINT NOT NULL,
    CONSTRAINT pk_overview_total_${slot} PRIMARY KEY (total)
);
