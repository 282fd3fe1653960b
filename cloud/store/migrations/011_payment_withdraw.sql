-- A payment recorded by hand (cash, or paid to a collection QR) can be withdrawn by its payer, or rejected by its
-- receiver with a reason the payer sees, until the receiver confirms it. Neither counts in the balances.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check CHECK (status IN ('pending', 'confirmed', 'withdrawn', 'rejected'));
ALTER TABLE payments ADD COLUMN closed_at timestamptz;
ALTER TABLE payments ADD COLUMN closed_by text REFERENCES members (id);
ALTER TABLE payments ADD COLUMN reason text;
