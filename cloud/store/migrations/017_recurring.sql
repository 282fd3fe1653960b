-- Recurring expenses (rent, subscriptions): a series makes one normal expense per occurrence. `template` is the
-- domain Expense without its id; `rule` is { frequency: 'weekly' } or { frequency: 'monthly', dayOfMonth }.
-- Days are YYYY-MM-DD text, as expenses.date. `next_date` is the next occurrence not yet made (NULL: the series has
-- ended); it moves forward in the transaction that inserts the occurrence, under the group's lock, and each
-- occurrence's expense id is derived from (series, day), so it is made exactly once. "Today" for a series is its
-- creator's day (time_zone, else utc_offset_minutes, else UTC).
CREATE TABLE recurring_series (
  id                  text PRIMARY KEY,
  group_id            text NOT NULL REFERENCES groups (id),
  template            jsonb NOT NULL,
  description         text NOT NULL,
  category            text NOT NULL,
  rule                jsonb NOT NULL,
  start_date          text NOT NULL,
  end_date            text,
  time_zone           text,
  utc_offset_minutes  integer,
  next_date           text,
  last_date           text,
  created_count       integer NOT NULL DEFAULT 0,
  stopped_at          timestamptz,
  stop_reason         text,
  created_by          text NOT NULL REFERENCES members (id),
  created_at          timestamptz NOT NULL,
  updated_at          timestamptz NOT NULL
);
CREATE INDEX recurring_series_due ON recurring_series (next_date) WHERE stopped_at IS NULL AND next_date IS NOT NULL;
CREATE INDEX recurring_series_group ON recurring_series (group_id);
