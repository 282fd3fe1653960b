-- The request a client id was first used for (a hash of the action and its canonical input): the same id with
-- another request is refused (CLIENT_ID_REUSED) instead of silently answering with the first result.
ALTER TABLE idempotency ADD COLUMN request_hash text;
