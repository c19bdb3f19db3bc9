-- H2 moves the delivery row's text columns inline in V5; on PostgreSQL they are TEXT, kept in the row (TOASTed only
-- when large): nothing to change, the version is kept in step with H2's.
COMMENT ON COLUMN delivery.headers IS 'request headers as JSON, credentials redacted';
