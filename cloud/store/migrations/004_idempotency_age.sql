-- Claims of client ids older than the retry window are pruned by age (see cloud/ledger/idempotency.ts).
CREATE INDEX idempotency_created_at ON idempotency (created_at);
