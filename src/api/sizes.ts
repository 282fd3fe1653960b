/** Sizes the function accepts that the app checks before sending (no zod here: the app imports this file). */

/** An avatar data URL: at most this many characters (~64 KB of image). */
export const AVATAR_MAX_CHARS = 90_000

/** A receipt photo (addReceipt `image`), decoded: at most this many bytes. The app compresses to ~1280 px first. */
export const RECEIPT_MAX_BYTES = 1_048_576

/** A receipt's thumbnail (addReceipt `thumb`, ~240 px), decoded: at most this many bytes. */
export const RECEIPT_THUMB_MAX_BYTES = 65_536

/** Live receipt photos one expense may have. */
export const RECEIPTS_PER_EXPENSE = 3
