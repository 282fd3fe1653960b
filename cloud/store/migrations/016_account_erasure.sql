-- Deleted accounts (deleteAccount). The person's member row in each group stays, because other people's expenses
-- and payments name it, but it becomes an anonymous placeholder ('已注销用户', user_id NULL, left) marked erased:
-- it can never be claimed, renamed or joined again. The user row itself is deleted; what had to point at a user
-- (groups.created_by, pay_transfers.created_by, group_chats.linked_by) points at a tombstone user made for the
-- deletion (provider 'deleted', random id and subject, no profile), so those columns stay NOT NULL.
ALTER TABLE members ADD COLUMN erased_at timestamptz;
