-- Refused payment notifications (forged, replayed, mismatched) are counted per provider, code and day instead of
-- being stored one row each: anyone can post to the notify endpoints, and a flood must not fill the database.
CREATE TABLE pay_notify_refusals (
  provider      text NOT NULL,
  code          text NOT NULL,
  day           date NOT NULL,
  count         bigint NOT NULL,
  last_at       timestamptz NOT NULL,
  last_message  text,
  PRIMARY KEY (provider, code, day)
);
