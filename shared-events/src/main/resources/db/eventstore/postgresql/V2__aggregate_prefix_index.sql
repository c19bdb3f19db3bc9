-- A learner's trails are found by aggregate identifier prefix (institution:user:); PostgreSQL uses a b-tree index for
-- LIKE 'prefix%' only with pattern operators when the database's collation is not C.
CREATE INDEX IF NOT EXISTS ix_domain_event_aggregate_prefix ON DomainEventEntry (aggregateIdentifier varchar_pattern_ops);
