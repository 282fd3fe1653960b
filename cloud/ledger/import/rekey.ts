/**
 * An imported expense under new ids (a new expense id, the new group's member ids), with every member's balance
 * kept to the minor unit. The split rules round by the expense id and the order of the member ids (the leftover
 * units of an equal split rotate with them), so the same split under new ids may hand a leftover unit to someone
 * else. The expense keeps its own split when a new id gives every member the same paid - owed (up to `tries` new
 * ids); otherwise it becomes an `exact` split of the same shares: in its own currency when it is the group's, and
 * for a foreign-currency expense (whose conversion rounds by id too) an expense in the group currency of its
 * converted amount, with what each paid and owes after conversion.
 */
import { expenseTotal, paidAmounts, payerEntries, splitEntries, splitExpense, type Expense, type MemberId, type Minor, type Split } from '../../../src/domain'

/** Each member's paid - owed for one expense, in the group currency (members at 0 left out). */
export function netsOf(expense: Expense, currency: string): Map<MemberId, Minor> {
  const nets = new Map<MemberId, Minor>()
  for (const [m, paid] of payerEntries(expense, currency)) nets.set(m, (nets.get(m) ?? 0) + paid)
  for (const [m, owed] of splitEntries(expense, currency)) nets.set(m, (nets.get(m) ?? 0) - owed)
  for (const [m, v] of nets) if (v === 0) nets.delete(m)
  return nets
}

function mapRecord<T>(record: Record<string, T>, map: ReadonlyMap<string, string>): Record<string, T> {
  const out: Record<string, T> = {}
  for (const [k, v] of Object.entries(record)) out[map.get(k)!] = v
  return out
}

function mapSplit(split: Split, map: ReadonlyMap<string, string>): Split {
  switch (split.mode) {
    case 'equal':
      return { mode: 'equal', members: split.members.map((m) => map.get(m)!) }
    case 'shares':
      return { mode: 'shares', shares: mapRecord(split.shares, map) }
    case 'percent':
      return { mode: 'percent', basisPoints: mapRecord(split.basisPoints, map) }
    case 'exact':
      return { mode: 'exact', amounts: mapRecord(split.amounts, map) }
    case 'adjust':
      return { mode: 'adjust', members: split.members.map((m) => map.get(m)!), adjustments: mapRecord(split.adjustments, map) }
  }
}

function sameNets(a: Map<MemberId, Minor>, b: Map<MemberId, Minor>): boolean {
  if (a.size !== b.size) return false
  for (const [k, v] of a) if (b.get(k) !== v) return false
  return true
}

function nonZero(record: Record<string, Minor>): Record<string, Minor> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== 0))
}

/**
 * `expense` (its member ids the file's keys) under the member ids of `map` and a new id from `newExpenseId`, with
 * every member's paid - owed unchanged. `kept`: its own split mode survived; false: it is an exact split now.
 */
export function rekeyExpense(
  expense: Expense,
  map: ReadonlyMap<string, string>,
  currency: string,
  newExpenseId: () => string,
  tries = 16
): { expense: Expense; kept: boolean } {
  const want = new Map([...netsOf(expense, currency)].map(([k, v]) => [map.get(k)!, v]))
  const base: Expense = { ...expense, paidBy: mapRecord(expense.paidBy, map), split: mapSplit(expense.split, map) }
  for (let i = 0; i < tries; i++) {
    const candidate = { ...base, id: newExpenseId() }
    if (sameNets(netsOf(candidate, currency), want)) return { expense: candidate, kept: true }
  }
  const shares = mapRecord(splitExpense(expense, currency), map)
  const { total, converted } = expenseTotal(expense, currency)
  const exact: Expense = converted
    ? { id: newExpenseId(), amount: total, paidBy: nonZero(mapRecord(paidAmounts(expense, currency), map)), split: { mode: 'exact', amounts: nonZero(shares) } }
    : { ...base, id: newExpenseId(), split: { mode: 'exact', amounts: nonZero(shares) } }
  if (!sameNets(netsOf(exact, currency), want)) throw new Error(`rekeyExpense: the exact form of ${expense.id} moves other balances`)
  return { expense: exact, kept: false }
}
