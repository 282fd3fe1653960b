-- The settlement plan each group was last shown, with the balances it settles and the version it was made at.
-- While the suggested transfers are being paid the plan is kept (the rest of it, exactly); any other change of
-- the balances makes a new one. Shared by every instance of the function.
CREATE TABLE group_plans (
  group_id    text PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE,
  version     bigint NOT NULL,
  balances    jsonb NOT NULL,
  transfers   jsonb NOT NULL
);
