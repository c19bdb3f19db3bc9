-- The delivery row's text columns inline: as CHARACTER LARGE OBJECT, H2 wrote the headers (and the problem and events
-- of most rows) out of line, in its LOB storage, one more write per delivery and one more read per listed row.
-- Headers are bounded by the server's header size (8 KiB), problems by their 100 errors, events by a few per delivery.
ALTER TABLE delivery ALTER COLUMN headers SET DATA TYPE CHARACTER VARYING(65536);
ALTER TABLE delivery ALTER COLUMN problem SET DATA TYPE CHARACTER VARYING(1000000);
ALTER TABLE delivery ALTER COLUMN events SET DATA TYPE CHARACTER VARYING(1000000);
