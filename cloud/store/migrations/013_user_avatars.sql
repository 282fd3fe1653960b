-- A person's avatar: the image as a data URL (at most ~64 KB), and the random key it is served under
-- (GET /avatars/<key>). A new image gets a new key, so the URL can be cached for good.
ALTER TABLE users ADD COLUMN avatar text;
ALTER TABLE users ADD COLUMN avatar_key text;
CREATE UNIQUE INDEX users_avatar_key ON users (avatar_key);
