-- Unlocks and completions per day (in progress.stats.zone): for everything (scope 'all', scope_id ''), per
-- institution and per program. Run once per slot.
CREATE TABLE daily_activity_${slot} (
    scope       VARCHAR(16) NOT NULL,
    scope_id    VARCHAR(255) NOT NULL,
    activity_day DATE NOT NULL,
    unlocks     BIGINT NOT NULL,
    completions BIGINT NOT NULL,
    CONSTRAINT pk_daily_activity_${slot} PRIMARY KEY (scope, scope_id, activity_day)
);
