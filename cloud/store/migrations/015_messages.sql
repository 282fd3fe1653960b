-- Reminders of a suggested transfer: who reminded whom, of how much, when (one per transfer per 12 hours).
CREATE TABLE reminders (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_id     text NOT NULL REFERENCES groups (id),
  from_member  text NOT NULL REFERENCES members (id),
  to_member    text NOT NULL REFERENCES members (id),
  amount       bigint NOT NULL,
  by_member    text NOT NULL REFERENCES members (id),
  at           timestamptz NOT NULL
);
CREATE INDEX reminders_pair ON reminders (group_id, from_member, to_member, at DESC);

-- The platforms' access tokens (WeChat's stable_token), kept here with their expiry so every instance shares one
-- and only one instance refreshes it (under the row's lock).
CREATE TABLE platform_tokens (
  name          text PRIMARY KEY,
  token         text NOT NULL,
  expires_at    timestamptz NOT NULL,
  refreshed_at  timestamptz NOT NULL
);

-- What each person agreed to receive, per kind of message. A one-time subscription gives one message (credits); a
-- refusal, a ban or a used-up quota is remembered, so the app asks again at a natural moment, not at every launch.
CREATE TABLE message_consents (
  user_id     text NOT NULL REFERENCES users (id),
  kind        text NOT NULL,
  state       text NOT NULL CHECK (state IN ('accept', 'reject', 'ban', 'used')),
  credits     integer NOT NULL DEFAULT 0,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, kind)
);
-- Which kinds of message a person wants (kind -> boolean; a kind not named is wanted).
ALTER TABLE users ADD COLUMN notify_prefs jsonb NOT NULL DEFAULT '{}';

-- Platform messages to send once the change that caused them commits, with what the platform answered.
CREATE TABLE message_outbox (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     text NOT NULL REFERENCES users (id),
  kind        text NOT NULL,
  payload     jsonb NOT NULL,
  state       text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  result      text,
  created_at  timestamptz NOT NULL,
  claimed_at  timestamptz,
  sent_at     timestamptz
);
CREATE INDEX message_outbox_queued ON message_outbox (id) WHERE state = 'queued';

-- The group version each person last saw (unread marks on the home page, "new" on the activity page).
CREATE TABLE group_reads (
  user_id   text NOT NULL REFERENCES users (id),
  group_id  text NOT NULL REFERENCES groups (id),
  version   bigint NOT NULL,
  PRIMARY KEY (user_id, group_id)
);
