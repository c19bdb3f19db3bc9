-- A rebuild fills the next generation (in the other slot) while dashboards read the active one.
ALTER TABLE projection_state ADD COLUMN IF NOT EXISTS building_generation INTEGER;
-- False while the new slot is being emptied; no node starts the new generation before it is true.
ALTER TABLE projection_state ADD COLUMN IF NOT EXISTS building_ready BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE projection_state ADD COLUMN IF NOT EXISTS build_requested_by VARCHAR(255);
ALTER TABLE projection_state ADD COLUMN IF NOT EXISTS build_requested_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE projection_state ADD COLUMN IF NOT EXISTS switched_at TIMESTAMP(6) WITH TIME ZONE;

-- Every administrative action on the query side (rebuilds, dead-letter retries): who, when, what.
CREATE TABLE IF NOT EXISTS admin_action (
    id           BIGSERIAL NOT NULL,
    action       VARCHAR(64) NOT NULL,
    target       VARCHAR(255) NOT NULL,
    requested_by VARCHAR(255) NOT NULL,
    requested_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    detail       VARCHAR(2000),
    CONSTRAINT pk_admin_action PRIMARY KEY (id)
);
