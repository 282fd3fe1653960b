-- Whether the person chose their display name: a WeChat or Alipay sign-in without one gets the platform's default
-- ("微信用户" / "支付宝用户"), and the app asks for a real name until one is set. Existing users with a default name
-- are asked too.
ALTER TABLE users ADD COLUMN name_chosen boolean NOT NULL DEFAULT true;
UPDATE users SET name_chosen = false WHERE name IN ('微信用户', '支付宝用户');
