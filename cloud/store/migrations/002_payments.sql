-- In-app payments: one row per suggested transfer paid through a wallet (out_trade_no = id).
-- State machine: pending -> paying -> paid -> payout_pending -> settled, or failed / cancelled.
CREATE TABLE pay_transfers (
  id                text PRIMARY KEY,
  group_id          text NOT NULL REFERENCES groups (id),
  from_member       text NOT NULL REFERENCES members (id),
  to_member         text NOT NULL REFERENCES members (id),
  amount            bigint NOT NULL CHECK (amount > 0),
  currency          text NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('wechat', 'alipay', 'sandbox')),
  wire              text NOT NULL CHECK (wire IN ('wechat', 'alipay')),
  payout_wallet     text NOT NULL CHECK (payout_wallet IN ('wechat', 'alipay')),
  state             text NOT NULL CHECK (state IN ('pending', 'paying', 'paid', 'payout_pending', 'settled', 'failed', 'cancelled')),
  pay_params        jsonb,
  provider_trade_no text,
  payment_id        text REFERENCES payments (id),
  created_by        text NOT NULL REFERENCES users (id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX pay_transfers_group ON pay_transfers (group_id, created_at);
-- At most one open order per pair: a new order replaces (cancels) the old one.
CREATE UNIQUE INDEX pay_transfers_one_open ON pay_transfers (group_id, from_member, to_member) WHERE state IN ('pending', 'paying');

-- Every state change of a transfer, in order.
CREATE TABLE pay_transitions (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transfer_id  text NOT NULL REFERENCES pay_transfers (id),
  from_state   text,
  to_state     text NOT NULL,
  reason       text NOT NULL,
  at           timestamptz NOT NULL
);
CREATE INDEX pay_transitions_transfer ON pay_transitions (transfer_id, seq);

-- The payout outbox: written in the same transaction as the paid state; id is out_bill_no / out_biz_no,
-- so a retry after a crash can never pay twice.
CREATE TABLE pay_payouts (
  id               text PRIMARY KEY,
  transfer_id      text NOT NULL UNIQUE REFERENCES pay_transfers (id),
  wallet           text NOT NULL CHECK (wallet IN ('wechat', 'alipay')),
  amount           bigint NOT NULL CHECK (amount > 0),
  state            text NOT NULL CHECK (state IN ('queued', 'sending', 'processing', 'wait_user_confirm', 'succeeded', 'failed')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  provider_ref     text,
  confirm          jsonb,
  last_error       text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX pay_payouts_due ON pay_payouts (next_attempt_at) WHERE state IN ('queued', 'sending', 'processing', 'wait_user_confirm');

-- Every notification received, accepted or not (refusals are logged with their code).
CREATE TABLE pay_notifications (
  seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  provider     text NOT NULL,
  notify_id    text,
  transfer_id  text,
  outcome      text NOT NULL CHECK (outcome IN ('accepted', 'duplicate', 'refused')),
  code         text,
  message      text,
  received_at  timestamptz NOT NULL
);
CREATE INDEX pay_notifications_transfer ON pay_notifications (transfer_id, seq);
