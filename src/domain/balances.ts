import { Accumulator } from './accumulate'
import { DomainError } from './errors'
import { payerEntries } from './payers'
import { splitEntries } from './split'
import type { Balances, Ledger, MemberId, Payment } from './types'

/** Throws PAYMENT_SELF / PAYMENT_AMOUNT for a payment that cannot be applied. */
export function assertPaymentShape(payment: Payment): void {
  if (payment.from === payment.to) {
    throw new DomainError('PAYMENT_SELF', 'A payment needs two different people.', { payment: payment.id })
  }
  if (typeof payment.amount !== 'number' || !Number.isSafeInteger(payment.amount) || payment.amount <= 0) {
    throw new DomainError('PAYMENT_AMOUNT', 'A payment amount must be a whole number of minor units above 0.', {
      payment: payment.id
    })
  }
}

/**
 * Balances of every member of the ledger, in the group currency (`ledger.currency`; absent: no
 * conversion): paid - owed + payments sent - payments received. Positive means the member is owed
 * money. Every member appears (0 if untouched) and the balances sum to exactly 0.
 * Throws DomainError for an invalid expense or payment, UNKNOWN_MEMBER for anyone not in `members`,
 * DUPLICATE_MEMBER / DUPLICATE_ID for repeated members or payment ids. Repeated expense ids are not
 * looked for here (that would cost a fifth of the time budget): `LedgerSchema` rejects them.
 */
export function computeBalances(ledger: Ledger): Balances {
  const { members, expenses, payments, currency } = ledger
  const index = new Map<MemberId, number>()
  for (const member of members) {
    if (index.has(member)) throw new DomainError('DUPLICATE_MEMBER', `${member} is listed twice.`, { member })
    index.set(member, index.size)
  }
  const accumulator = new Accumulator(index)
  const totals = accumulator.totals
  const slot = (member: MemberId, where: string): number => {
    const i = index.get(member)
    if (i === undefined) {
      throw new DomainError('UNKNOWN_MEMBER', `${member} (in ${where}) is not a member of the group.`, { member, where })
    }
    return i
  }
  for (const expense of expenses) {
    if (accumulator.add(expense, currency)) continue
    for (const [member, paid] of payerEntries(expense, currency)) totals[slot(member, expense.id)] += paid
    for (const [member, owed] of splitEntries(expense, currency)) totals[slot(member, expense.id)] -= owed
  }
  const ids = new Set<string>()
  for (const payment of payments ?? []) {
    if (ids.has(payment.id)) throw new DomainError('DUPLICATE_ID', `Payment ${payment.id} appears twice.`, { id: payment.id })
    ids.add(payment.id)
    assertPaymentShape(payment)
    totals[slot(payment.from, payment.id)] += payment.amount
    totals[slot(payment.to, payment.id)] -= payment.amount
  }
  const out: Balances = {}
  for (const [member, i] of index) {
    const value = totals[i] as number
    if (!Number.isSafeInteger(value)) throw new DomainError('MONEY_TOO_LARGE', 'A balance is too large.', { member })
    out[member] = value === 0 ? 0 : value
  }
  return out
}
