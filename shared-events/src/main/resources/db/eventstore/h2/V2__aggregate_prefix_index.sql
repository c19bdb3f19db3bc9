-- H2 serves LIKE 'prefix%' from the unique (aggregateIdentifier, sequenceNumber) index already; kept as a version so
-- that both databases share one migration history.
SELECT 1;
