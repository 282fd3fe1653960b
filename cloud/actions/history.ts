/** History and export: listActivity (who changed what, when; pages through all), exportGroup (CSV, JSON). */
import { coreActions as api } from '../../src/api/actions'
import { decodeCursor, encodeCursor } from '../ledger/cursor'
import { requireMember } from '../ledger/groups'
import { buildExport } from '../ledger/export'
import { activityView, ACTIVITY_COLS } from '../ledger/activity'
import { toInt } from '../store/convert'
import { defineAction } from './types'

export const historyActions = [
  defineAction('listActivity', api.listActivity, {}, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const after = input.cursor ? decodeCursor(input.cursor, ['number']) : null
    const params: unknown[] = [group.id, input.limit + 1]
    let where = 'group_id = $1'
    if (after) {
      params.push(after[0])
      where += ' AND seq < $3'
    }
    const res = await ctx.q.query<Record<string, unknown>>(
      `SELECT ${ACTIVITY_COLS} FROM activity WHERE ${where} ORDER BY seq DESC LIMIT $2`,
      params
    )
    const rows = res.rows.slice(0, input.limit)
    const items = rows.map(activityView)
    const last = rows[rows.length - 1]
    return { items, nextCursor: res.rows.length > input.limit && last ? encodeCursor([toInt(last.seq)]) : null }
  }),

  defineAction('exportGroup', api.exportGroup, {}, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    return buildExport(ctx.q, ctx.cache, group, me.id, input.format, ctx.now)
  })
]
