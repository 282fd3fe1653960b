/** History and export: listActivity (who changed what, when; pages through all), exportGroup (CSV, JSON). */
import { coreActions as api } from '../../src/api/actions'
import type { ActivityView } from '../../src/api'
import { decodeCursor, encodeCursor } from '../ledger/cursor'
import { requireMember } from '../ledger/groups'
import { buildExport } from '../ledger/export'
import { fromJson, toInt, toIso } from '../store/convert'
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
      `SELECT seq, version, kind, actor_member, actor_name, data, at FROM activity WHERE ${where} ORDER BY seq DESC LIMIT $2`,
      params
    )
    const rows = res.rows.slice(0, input.limit)
    const items: ActivityView[] = rows.map((r) => ({
      id: String(toInt(r.seq)),
      at: toIso(r.at),
      kind: r.kind as ActivityView['kind'],
      actor: { memberId: (r.actor_member as string | null) ?? null, name: r.actor_name as string },
      version: toInt(r.version),
      data: fromJson<Record<string, unknown>>(r.data)
    }))
    const last = rows[rows.length - 1]
    return { items, nextCursor: res.rows.length > input.limit && last ? encodeCursor([toInt(last.seq)]) : null }
  }),

  defineAction('exportGroup', api.exportGroup, {}, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    return buildExport(ctx.q, ctx.cache, group, me.id, input.format, ctx.now)
  })
]
