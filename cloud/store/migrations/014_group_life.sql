-- The life of a group. A member who left (or was removed) keeps their row, so the expenses and payments that name
-- them still read; they are no longer a member for anything new. An archived group is read-only; a deleted one is
-- gone from every member's list (its rows are kept for the record).
ALTER TABLE members ADD COLUMN left_at timestamptz;
ALTER TABLE groups ADD COLUMN archived_at timestamptz;
ALTER TABLE groups ADD COLUMN deleted_at timestamptz;
