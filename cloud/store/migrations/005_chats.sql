-- WeChat group chats a ledger was shared to. The session_key of the latest WeChat sign-in stays on the server
-- (it decrypts the share-ticket data the app sends); it is never part of a reply.
ALTER TABLE users ADD COLUMN wechat_session_key text;

CREATE TABLE group_chats (
  group_id    text NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  open_gid    text NOT NULL,
  linked_by   text NOT NULL REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (group_id, open_gid)
);
CREATE INDEX group_chats_open_gid ON group_chats (open_gid);
