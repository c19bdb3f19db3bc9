-- Names and emails are stored sealed (sealed:v1:<key id>:<ciphertext>), longer than the plain values: room for the
-- longest the senders' schemas allow (500 characters of name, 320 of email, up to 4 bytes each). Run once per slot.
ALTER TABLE trail_completion_${slot} ALTER COLUMN user_name SET DATA TYPE VARCHAR(4000);
ALTER TABLE trail_completion_${slot} ALTER COLUMN user_email SET DATA TYPE VARCHAR(4000);
ALTER TABLE course_completion_${slot} ALTER COLUMN user_name SET DATA TYPE VARCHAR(4000);
ALTER TABLE course_completion_${slot} ALTER COLUMN user_email SET DATA TYPE VARCHAR(4000);
