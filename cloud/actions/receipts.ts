/**
 * Receipt photos: addReceipt and removeReceipt (any member, like editing an expense; not in an archived group).
 * The database store writes the bytes in the action's transaction, with the row and the activity entry. A bucket is
 * written outside any transaction (a staged action: the checks, then the upload with no lock held, then the row in a
 * short second transaction, which checks again and deletes the uploaded objects if it refuses).
 */
import { receiptActions as api } from '../../src/api/receipts'
import { RECEIPT_MAX_BYTES, RECEIPT_THUMB_MAX_BYTES, RECEIPTS_PER_EXPENSE } from '../../src/api/sizes'
import type { BlobStore } from '../blobs/store'
import { ApiError } from '../errors'
import { findExpense } from '../ledger/expenses'
import { byMember, memberQuery, recordChangeWith, requireMember, type GroupRow, type MemberRow } from '../ledger/groups'
import { newId } from '../ledger/ids'
import { checkImage, findReceipt, RECEIPT_COLS, receiptKeys, receiptRow, receiptView, type CheckedImage } from '../ledger/receipts'
import type { Queryable } from '../store/db'
import { toInt } from '../store/convert'
import { defineAction, staged, type ActionContext } from './types'

const lockGroup = (input: { groupId: string }, userId: string) => memberQuery(input.groupId, userId, { lock: true })

/** Removed receipts whose objects a bucket may still hold, purged along with a removal (a few at a time). */
const PURGE_BATCH = 20

/** The locked group, the caller's member in it, and a live expense with room for one more receipt. */
async function target(q: Queryable, input: { groupId: string; expenseId: string }, userId: string): Promise<{ group: GroupRow; me: MemberRow }> {
  const { group, me } = await requireMember(q, input.groupId, userId, { lock: true })
  const expense = await findExpense(q, group.id, input.expenseId)
  if (!expense) throw new ApiError('NOT_FOUND', 'No such expense in this group')
  if (expense.deleted_at) throw new ApiError('EXPENSE_DELETED', 'This expense was deleted')
  const live = await q.query<{ n: unknown }>('SELECT count(*) AS n FROM receipts WHERE expense_id = $1 AND deleted_at IS NULL', [expense.id])
  if (toInt(live.rows[0]?.n ?? 0) >= RECEIPTS_PER_EXPENSE) {
    throw new ApiError('RECEIPT_LIMIT', `An expense has at most ${RECEIPTS_PER_EXPENSE} receipt photos; remove one first`, { max: RECEIPTS_PER_EXPENSE })
  }
  return { group, me }
}

interface NewReceipt {
  id: string
  expenseId: string
  store: 'db' | 's3'
  keys: { image: string; thumb: string }
  image: CheckedImage
  thumb: CheckedImage
}

/** The receipt's row and its activity entry, in one statement with the version bump; the answer. */
async function insertReceipt(ctx: ActionContext, q: Queryable, group: GroupRow, me: MemberRow, r: NewReceipt) {
  const { version, row } = await recordChangeWith(q, group, byMember(me), 'receipt.add', { expenseId: r.expenseId, receiptId: r.id }, ctx.now, {
    sql: `INSERT INTO receipts (id, group_id, expense_id, store, image_key, content_type, bytes, thumb_key, thumb_type, thumb_bytes, created_by, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${RECEIPT_COLS}`,
    params: [r.id, group.id, r.expenseId, r.store, r.keys.image, r.image.type, r.image.bytes.length, r.keys.thumb, r.thumb.type, r.thumb.bytes.length, me.id, ctx.now.toISOString()]
  })
  if (!row) throw new Error('addReceipt: the receipt row was not written')
  return { receipt: await receiptView(ctx, q, receiptRow(row), ctx.now), version }
}

/** Deletes objects from a bucket; the keys it could not delete are logged and returned. */
async function deleteObjects(store: BlobStore, keys: string[]): Promise<string[]> {
  const failed: string[] = []
  for (const key of keys) {
    try {
      await store.delete(key)
    } catch (err) {
      console.warn(`[splitpay] receipts: could not delete ${key}: ${(err as Error).message}`)
      failed.push(key)
    }
  }
  return failed
}

export const receiptActionList = [
  defineAction('addReceipt', api.addReceipt, { mutation: true, opening: lockGroup }, async (ctx, input) => {
    const { group, me } = await target(ctx.q, input, ctx.user.id)
    const image = checkImage(input.image, 'image', RECEIPT_MAX_BYTES)
    // without a thumbnail of its own, the image is its thumbnail (one blob, under one key)
    const thumb = input.thumb === undefined ? null : checkImage(input.thumb, 'thumb', RECEIPT_THUMB_MAX_BYTES)
    const id = newId('r')
    const keys = receiptKeys(input.groupId, id, image.type, thumb?.type ?? null)
    const r: NewReceipt = { id, expenseId: input.expenseId, store: ctx.blobs.kind, keys, image, thumb: thumb ?? image }
    const blobs = thumb ? [{ key: keys.image, ...image }, { key: keys.thumb, ...thumb }] : [{ key: keys.image, ...image }]
    const store = ctx.blobs.open(ctx.q)!

    if (r.store === 'db') {
      for (const b of blobs) await store.put(b.key, b.bytes, b.type)
      return insertReceipt(ctx, ctx.q, group, me, r)
    }

    const userId = ctx.user.id
    const written = blobs.map((b) => b.key)
    return staged(
      async () => {
        try {
          for (const b of blobs) await store.put(b.key, b.bytes, b.type)
        } catch (err) {
          await deleteObjects(store, written)
          throw err
        }
      },
      async (q, outcome) => {
        if (!outcome.ok) throw outcome.error
        try {
          // checked again: the group, the expense and the limit may have changed while the objects were uploaded
          const { group, me } = await target(q, input, userId)
          return await insertReceipt({ ...ctx, q }, q, group, me, r)
        } catch (err) {
          void deleteObjects(store, written)
          throw err
        }
      }
    )
  }),

  defineAction('removeReceipt', api.removeReceipt, { mutation: true, opening: lockGroup }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const row = await findReceipt(ctx.q, group.id, input.receiptId)
    if (!row) throw new ApiError('NOT_FOUND', 'No such receipt in this group')
    const now = ctx.now.toISOString()
    const inDb = row.store === 'db'
    const { version } = await recordChangeWith(ctx.q, group, byMember(me), 'receipt.remove', { expenseId: row.expense_id, receiptId: row.id }, ctx.now, {
      sql: 'UPDATE receipts SET deleted_at = $2, purged_at = $3 WHERE id = $1 RETURNING id',
      params: [row.id, now, inDb ? now : null]
    })
    const answer = { receiptId: row.id, version }
    if (inDb) {
      const store = ctx.blobs.open(ctx.q, 'db')!
      for (const key of new Set([row.image_key, row.thumb_key])) await store.delete(key)
      return answer
    }
    const bucket = ctx.blobs.open(ctx.q, 's3')
    if (!bucket) return answer // the bucket is no longer configured: the objects stay until it is
    // this receipt's objects, and those of earlier removals in the group whose delete failed
    const unpurged = await ctx.q.query<{ id: string; image_key: string; thumb_key: string }>(
      `SELECT id, image_key, thumb_key FROM receipts WHERE group_id = $1 AND store = 's3' AND deleted_at IS NOT NULL AND purged_at IS NULL ORDER BY (id = $2) DESC, deleted_at LIMIT ${PURGE_BATCH}`,
      [group.id, row.id]
    )
    return staged(
      async () => {
        const purged: string[] = []
        for (const r of unpurged.rows) if ((await deleteObjects(bucket, [...new Set([r.image_key, r.thumb_key])])).length === 0) purged.push(r.id)
        return purged
      },
      async (q, outcome) => {
        const purged = outcome.ok ? (outcome.value as string[]) : []
        if (purged.length > 0) {
          await q.query(`UPDATE receipts SET purged_at = $1 WHERE id IN (${purged.map((_, i) => `$${i + 2}`).join(', ')})`, [now, ...purged])
        }
        return answer
      }
    )
  })
]
