-- Receipt photos (addReceipt / removeReceipt; docs/cloud.md "Receipts").
-- Blobs kept in the database (the default store): the bytes of one image under a key. In S3 mode the bytes are
-- objects in the bucket under the same keys, and this table stays empty.
CREATE TABLE IF NOT EXISTS blobs (
  key           text PRIMARY KEY,
  content_type  text NOT NULL,
  bytes         bytea NOT NULL,
  created_at    timestamptz NOT NULL
);

-- One row per photo of an expense: its image and its thumbnail, by key, in the store that holds them (`store`).
-- Removed photos keep their row (deleted_at: the history names them) and lose their bytes: in the database at once,
-- in a bucket once the objects are deleted (purged_at; a removal whose delete failed is purged by a later one).
CREATE TABLE IF NOT EXISTS receipts (
  id            text PRIMARY KEY,
  group_id      text NOT NULL REFERENCES groups (id),
  expense_id    text NOT NULL REFERENCES expenses (id),
  store         text NOT NULL CHECK (store IN ('db', 's3')),
  image_key     text NOT NULL,
  content_type  text NOT NULL,
  bytes         integer NOT NULL,
  thumb_key     text NOT NULL,
  thumb_type    text NOT NULL,
  thumb_bytes   integer NOT NULL,
  created_by    text NOT NULL REFERENCES members (id),
  created_at    timestamptz NOT NULL,
  deleted_at    timestamptz,
  purged_at     timestamptz
);
CREATE INDEX IF NOT EXISTS receipts_expense ON receipts (expense_id, created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX IF NOT EXISTS receipts_unpurged ON receipts (group_id) WHERE deleted_at IS NOT NULL AND purged_at IS NULL;

-- An expense's history (getExpense) now lists its receipt entries too: one index for both kinds, in place of
-- migration 019's, so an expense's activity row still updates one index.
CREATE INDEX IF NOT EXISTS activity_expense_history ON activity (group_id, (data->>'expenseId'), seq) WHERE kind LIKE 'expense.%' OR kind LIKE 'receipt.%';
DROP INDEX IF EXISTS activity_expense;
