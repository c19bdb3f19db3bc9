-- Overview: talents and learners counted once each, so that /api/overview reads two rows instead of counting distinct
-- keys over the talent and completion views (seconds at a million events). Run once per slot.
CREATE TABLE overview_talent_${slot} (
    talent_id VARCHAR(255) NOT NULL,
    CONSTRAINT pk_overview_talent_${slot} PRIMARY KEY (talent_id)
);
CREATE TABLE overview_learner_${slot} (
    institution_id BIGINT NOT NULL,
    user_id        BIGINT NOT NULL,
    CONSTRAINT pk_overview_learner_${slot} PRIMARY KEY (institution_id, user_id)
);
CREATE TABLE overview_total_${slot} (
    total  VARCHAR(32) NOT NULL,
    amount BIGINT NOT NULL,
    CONSTRAINT pk_overview_total_${slot} PRIMARY KEY (total)
);
