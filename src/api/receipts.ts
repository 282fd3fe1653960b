/**
 * Receipt photos: addReceipt, removeReceipt, and the receipts getExpense lists. Up to RECEIPTS_PER_EXPENSE images an
 * expense, each a JPEG, PNG or WebP data URL the phone compressed (the image ~1280 px and at most
 * RECEIPT_MAX_BYTES, its thumbnail ~240 px and at most RECEIPT_THUMB_MAX_BYTES), checked by their bytes.
 * Maintained with cloud/actions/receipts.ts and cloud/ledger/receipts.ts; merged into `actions` by ./index.ts.
 * See docs/cloud.md "Receipts".
 */
import { z } from 'zod'
import { ClientId, Id, Timestamp } from './common'
import type { ActionSchemas } from './envelope'

/** The image types a receipt may be, by the bytes' magic numbers too. */
export const ReceiptContentType = z.enum(['image/jpeg', 'image/png', 'image/webp'])
export type ReceiptContentType = z.infer<typeof ReceiptContentType>

/**
 * The most characters an image field may have before the function looks at it (the bytes' own limits, checked by
 * the action, are far lower: RECEIPT_TOO_LARGE); over HTTP the request's body limit comes first (413).
 */
export const RECEIPT_FIELD_MAX_CHARS = 3_000_000

/**
 * A base64 data URL (`data:image/jpeg;base64,...`). Any declared type passes here; the action refuses anything but a
 * JPEG, PNG or WebP whose bytes are one (RECEIPT_TYPE) and anything too large (RECEIPT_TOO_LARGE).
 */
const ImageDataUrl = z
  .string()
  .max(RECEIPT_FIELD_MAX_CHARS, { message: 'image too large' })
  .regex(/^data:[A-Za-z0-9.+-]+\/[A-Za-z0-9.+-]+;base64,[A-Za-z0-9+/]*={0,2}$/, { message: 'must be a base64 data URL (data:image/jpeg;base64,...)' })

/**
 * One receipt photo. `url` and `thumbUrl` go straight into an <Image src>: they work without a session for a short
 * while (RECEIPT_URL_TTL_SECONDS) and are made anew by every answer that lists the receipt (getExpense).
 */
export const ReceiptView = z.object({
  id: Id,
  expenseId: Id,
  /** The image's type (the thumbnail's may differ). */
  contentType: ReceiptContentType,
  /** The image's size in bytes. */
  bytes: z.number().int().nonnegative(),
  createdAt: Timestamp,
  /** Member id who added it. */
  createdBy: Id,
  url: z.string(),
  thumbUrl: z.string()
})
export type ReceiptView = z.infer<typeof ReceiptView>

/** How long a receipt's URLs work, in seconds. */
export const RECEIPT_URL_TTL_SECONDS = 600

/** `thumb` may be left out (a phone that cannot make one): the image then serves as its own thumbnail. */
const addReceiptInput = z.object({ clientId: ClientId, groupId: Id, expenseId: Id, image: ImageDataUrl, thumb: ImageDataUrl.optional() })
const removeReceiptInput = z.object({ clientId: ClientId, groupId: Id, receiptId: Id })

export const receiptActions = {
  /** Any member adds a photo to a live expense of the group (not in an archived group). `version`: the group's after it. */
  addReceipt: { input: addReceiptInput, output: z.object({ receipt: ReceiptView, version: z.number().int() }) },
  /** Any member removes one; its images are deleted. */
  removeReceipt: { input: removeReceiptInput, output: z.object({ receiptId: Id, version: z.number().int() }) }
} satisfies Record<string, ActionSchemas>
