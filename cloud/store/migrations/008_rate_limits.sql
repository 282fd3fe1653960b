-- Request counts per caller (user or address) per fixed window, shared by every instance of the function.
CREATE TABLE rate_limits (
  key           text NOT NULL,
  window_start  bigint NOT NULL,
  hits          integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
