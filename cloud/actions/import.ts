/**
 * Import: importGroup makes a new group from a file (our own JSON export, or Splitwise's CSV export) in one
 * transaction. The file is read into a plan first (cloud/ledger/import), so a bad line refuses it before anything
 * is written; then the group, its members, expenses and payments are inserted, one activity row ('group.import')
 * records it, and the new group's balances are checked against the file's before the transaction commits.
 */
import { importActions as api } from '../../src/api/import'
import { Emoji } from '../../src/api/common'
import { checkGroupBounds, type Expense } from '../../src/domain'
import { ApiError } from '../errors'
import { recordChange, type GroupRow } from '../ledger/groups'
import { newId } from '../ledger/ids'
import { importInvalid, type ImportPlan } from '../ledger/import/plan'
import { parseOwnJson } from '../ledger/import/own-json'
import { rekeyExpense } from '../ledger/import/rekey'
import { parseSplitwiseCsv } from '../ledger/import/splitwise'
import { checkExpenseQuota, checkGroupQuota, checkGroupSize } from '../ledger/quotas'
import { buildGroupView, spentOn } from '../ledger/state'
import type { Queryable } from '../store/db'
import { defineAction } from './types'

/** Inserts `rows` into `table` a few hundred at a time (`cols`: name and optional cast of each column). */
async function insertRows(q: Queryable, table: string, cols: Array<[string, string?]>, rows: unknown[][]): Promise<void> {
  const chunk = Math.max(1, Math.floor(4000 / cols.length))
  for (let i = 0; i < rows.length; i += chunk) {
    const params: unknown[] = []
    const values = rows.slice(i, i + chunk).map((row) => `(${row.map((v, c) => (params.push(v), `$${params.length}${cols[c]![1] ? `::${cols[c]![1]}` : ''}`)).join(', ')})`)
    await q.query(`INSERT INTO ${table} (${cols.map((c) => c[0]).join(', ')}) VALUES ${values.join(', ')}`, params)
  }
}

function readPlan(input: { format: 'json' | 'splitwise'; content: string; currency?: string }, maxMembers: number): ImportPlan {
  if (input.format === 'splitwise') return parseSplitwiseCsv(input.content, { groupCurrency: input.currency, maxMembers })
  const plan = parseOwnJson(input.content, { maxMembers })
  if (input.currency !== undefined && input.currency !== plan.currency) {
    throw importInvalid(`the group in the file is in ${plan.currency}, not ${input.currency}`, { path: 'group.currency' })
  }
  return plan
}

export const importActionList = [
  defineAction('importGroup', api.importGroup, { mutation: true }, async (ctx, input) => {
    const plan = readPlan(input, ctx.config.MAX_MEMBERS_PER_GROUP)
    let meKey: string | null = null
    if (input.me !== undefined) {
      const mine = plan.members.find((m) => m.key === input.me) ?? plan.members.find((m) => m.name === input.me)
      if (!mine) throw importInvalid(`the file has no member "${input.me}" to be you`)
      meKey = mine.key
    }
    await checkGroupQuota(ctx.q, ctx.config, ctx.user.id)
    checkGroupSize(ctx.config, plan.members.length + (meKey === null ? 1 : 0))
    checkExpenseQuota(ctx.config, plan.expenses.length)

    const groupId = newId('g')
    const meId = newId('m')
    const ids = new Map(plan.members.map((m) => [m.key, m.key === meKey ? meId : newId('m')]))
    let kept = 0
    const expenses = plan.expenses.map((e) => {
      const rekeyed = rekeyExpense(e.expense, ids, plan.currency, () => newId('e'))
      if (rekeyed.kept) kept++
      return { ...e, expense: rekeyed.expense }
    })
    const balances: Record<string, number> = { [meId]: 0 }
    for (const [key, v] of Object.entries(plan.balances)) balances[ids.get(key)!] = v
    // the group must stay within the limits every other write keeps (GROUP_BALANCE_LIMIT)
    checkGroupBounds(balances, spentOn(expenses.map((e) => e.expense), plan.currency))

    const now = ctx.now.toISOString()
    const emoji = plan.emoji !== null && Emoji.safeParse(plan.emoji).success ? plan.emoji : '💰'
    const name = input.name ?? plan.name ?? (plan.format === 'splitwise' ? 'Splitwise' : 'Imported')
    const group: GroupRow = { id: groupId, name, currency: plan.currency, emoji, version: 0, created_at: now }
    await ctx.q.query('INSERT INTO groups (id, name, currency, emoji, version, created_by, created_at) VALUES ($1, $2, $3, $4, 0, $5, $6)', [groupId, name, plan.currency, emoji, ctx.user.id, now])
    const memberRows: unknown[][] = [[meId, groupId, ctx.user.name, ctx.user.id, 0, now, 'organizer']]
    for (const m of plan.members) if (m.key !== meKey) memberRows.push([ids.get(m.key), groupId, m.name, null, memberRows.length, now, 'member'])
    await insertRows(ctx.q, 'members', [['id'], ['group_id'], ['name'], ['user_id'], ['position', 'integer'], ['created_at', 'timestamptz'], ['role']], memberRows)
    await insertRows(
      ctx.q,
      'expenses',
      [['id'], ['group_id'], ['data', 'jsonb'], ['amount', 'bigint'], ['description'], ['category'], ['date'], ['created_by'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz']],
      expenses.map((e) => [e.expense.id, groupId, JSON.stringify(e.expense satisfies Expense), e.expense.amount, e.description, e.category, e.date, meId, now, now])
    )
    await insertRows(
      ctx.q,
      'payments',
      [['id'], ['group_id'], ['from_member'], ['to_member'], ['amount', 'bigint'], ['method'], ['status'], ['recorded_by'], ['created_at', 'timestamptz'], ['confirmed_at', 'timestamptz']],
      plan.payments.map((p) => [newId('p'), groupId, ids.get(p.from), ids.get(p.to), p.amount, p.method, 'confirmed', meId, p.createdAt, p.confirmedAt])
    )
    const imported = { expenses: expenses.length, payments: plan.payments.length, members: plan.members.length, skipped: plan.skipped }
    const data = { format: plan.format, name, currency: plan.currency, expenses: imported.expenses, keptSplits: kept, payments: imported.payments, members: plan.members.map((m) => ({ memberId: ids.get(m.key), name: m.name })), skipped: plan.skipped.length }
    const version = await recordChange(ctx.q, group, { memberId: meId, name: ctx.user.name }, 'group.import', data, ctx.now)

    const view = await buildGroupView(ctx.q, ctx.cache, { ...group, version }, meId)
    // the new group must owe exactly what the file says, member by member (otherwise nothing is kept)
    const off = Object.keys({ ...balances, ...view.balances }).find((id) => (view.balances[id] ?? 0) !== (balances[id] ?? 0))
    if (off !== undefined) {
      throw new ApiError('IMPORT_MISMATCH', 'The imported group does not add up to the balances in the file; nothing was imported', {
        member: off,
        expected: balances[off] ?? 0,
        computed: view.balances[off] ?? 0
      })
    }
    return { group: view, imported }
  })
]
