-- Names and emails are typed values in rows written from now on (personal_data_typed = TRUE): the JSON of the
-- published language's PersonalValue ({"sealed": {...}}, {"erased": true}, or a JSON string for plain text). Rows
-- written before hold the older strings (a sealed one prefixed sealed:v1:), read as the event upcaster reads them.
-- The form is told by this column, never by the value's text. Run once per slot.
ALTER TABLE trail_completion_${slot} ADD COLUMN personal_data_typed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE course_completion_${slot} ADD COLUMN personal_data_typed BOOLEAN DEFAULT FALSE NOT NULL;
