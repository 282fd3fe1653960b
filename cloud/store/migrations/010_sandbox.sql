-- The local sandbox wallet (dev mode) keeps its keys, orders and transfers here, so that a restart loses no payment
-- in progress and every instance of the function on this database plays the same wallet with the same keys.
CREATE TABLE sandbox_keys (
  id    smallint PRIMARY KEY CHECK (id = 1),
  keys  jsonb NOT NULL
);

CREATE TABLE sandbox_orders (
  out_trade_no  text PRIMARY KEY,
  provider_id   text NOT NULL UNIQUE,
  state         text NOT NULL,
  data          jsonb NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sandbox_transfers (
  out_bill_no  text PRIMARY KEY,
  state        text NOT NULL,
  data         jsonb NOT NULL,
  -- how many transfer requests named this out_bill_no (the provider creates one transfer; the rest are repeats)
  requests     integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now()
);
