-- People who signed in: one row per (provider, subject), e.g. ('wechat', openid), ('alipay', user id), ('dev', name).
CREATE TABLE users (
  id          text PRIMARY KEY,
  provider    text NOT NULL,
  subject     text NOT NULL,
  name        text NOT NULL,
  wallet      text NOT NULL DEFAULT 'cash' CHECK (wallet IN ('wechat', 'alipay', 'cash')),
  qr_image    text,
  locale      text NOT NULL DEFAULT 'zh-CN',
  created_at  timestamptz NOT NULL,
  UNIQUE (provider, subject)
);

-- A group's ledger. `version` is bumped by every change, under SELECT ... FOR UPDATE of this row.
CREATE TABLE groups (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  currency    text NOT NULL,
  emoji       text NOT NULL,
  version     bigint NOT NULL,
  created_by  text NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL
);

-- Members: people who joined (user_id) or placeholders added by name (user_id NULL) until claimed.
CREATE TABLE members (
  id          text PRIMARY KEY,
  group_id    text NOT NULL REFERENCES groups (id),
  name        text NOT NULL,
  user_id     text REFERENCES users (id),
  position    integer NOT NULL,
  created_at  timestamptz NOT NULL,
  UNIQUE (group_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

-- Expenses: the domain Expense as JSON, plus columns for listing. Soft-deleted with deleted_at.
CREATE TABLE expenses (
  seq         bigint GENERATED ALWAYS AS IDENTITY,
  id          text PRIMARY KEY,
  group_id    text NOT NULL REFERENCES groups (id),
  data        jsonb NOT NULL,
  amount      bigint NOT NULL,
  description text NOT NULL,
  category    text NOT NULL,
  date        text NOT NULL,
  created_by  text NOT NULL REFERENCES members (id),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  deleted_at  timestamptz
);
CREATE INDEX expenses_group_list ON expenses (group_id, date DESC, seq DESC) WHERE deleted_at IS NULL;

-- Payments between members: pending until the receiver confirms; only confirmed ones count in balances.
CREATE TABLE payments (
  seq          bigint GENERATED ALWAYS AS IDENTITY,
  id           text PRIMARY KEY,
  group_id     text NOT NULL REFERENCES groups (id),
  from_member  text NOT NULL REFERENCES members (id),
  to_member    text NOT NULL REFERENCES members (id),
  amount       bigint NOT NULL,
  method       text NOT NULL,
  status       text NOT NULL CHECK (status IN ('pending', 'confirmed')),
  recorded_by  text NOT NULL REFERENCES members (id),
  created_at   timestamptz NOT NULL,
  confirmed_at timestamptz
);
CREATE INDEX payments_group ON payments (group_id, seq);

-- Invites: only the SHA-256 of the token is stored.
CREATE TABLE invites (
  id          text PRIMARY KEY,
  group_id    text NOT NULL REFERENCES groups (id),
  token_hash  text NOT NULL UNIQUE,
  created_by  text NOT NULL REFERENCES members (id),
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);

-- Who changed what, when: one row per group change, carrying the version it produced.
CREATE TABLE activity (
  seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  group_id      text NOT NULL REFERENCES groups (id),
  version       bigint NOT NULL,
  kind          text NOT NULL,
  actor_member  text,
  actor_name    text NOT NULL,
  data          jsonb NOT NULL,
  at            timestamptz NOT NULL,
  UNIQUE (group_id, version)
);

-- The first result of every mutation, by (user, clientId): a retry returns it and writes nothing.
CREATE TABLE idempotency (
  user_id     text NOT NULL,
  client_id   text NOT NULL,
  action      text NOT NULL,
  result      jsonb,
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (user_id, client_id)
);
