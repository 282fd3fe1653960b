/** Sizes the function accepts that the app checks before sending (no zod here: the app imports this file). */

/** An avatar data URL: at most this many characters (~64 KB of image). */
export const AVATAR_MAX_CHARS = 90_000
