-- How many transactions a purge took (each deletes at most progress.delivery-log.batch-size bodies).
ALTER TABLE delivery_purge ADD COLUMN batches INTEGER DEFAULT 0 NOT NULL;
