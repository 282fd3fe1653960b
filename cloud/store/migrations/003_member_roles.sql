-- A role per member: the person who created a group is its organizer; everyone else is a member.
-- The organizer may confirm a payment on behalf of its receiver (e.g. cash handed over in person).
ALTER TABLE members ADD COLUMN role text NOT NULL DEFAULT 'member';
ALTER TABLE members ADD CONSTRAINT members_role_check CHECK (role IN ('organizer', 'member'));
UPDATE members m SET role = 'organizer' FROM groups g WHERE m.group_id = g.id AND m.user_id = g.created_by;

-- Who confirmed a payment (the receiver, or the organizer on their behalf); NULL when confirmed on recording
-- or by a verified wallet notification.
ALTER TABLE payments ADD COLUMN confirmed_by text;
