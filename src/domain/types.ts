/**
 * The shapes shared by the domain, the cloud function and the app.
 * Money is always a safe integer in the minor unit of its currency (fen for CNY, yen for JPY).
 */

/** A member of a group (a placeholder or a signed-in user), identified by an opaque string. */
export type MemberId = string

/** An amount as a safe integer in the currency's minor unit. Never a float, never a decimal string. */
export type Minor = number

/** An ISO 4217 code from {@link currencies}, e.g. `"CNY"`. */
export type CurrencyCode = string

/** The locales money is formatted for. */
export type MoneyLocale = 'zh-CN' | 'en'

/**
 * How an expense is shared. Keys of the records are member ids; key order never changes a result.
 * - `equal`: the amount is split equally over `members`.
 * - `shares`: by non-negative integer weights (total > 0); a member with 0 shares owes nothing.
 * - `percent`: by basis points (0..10000 each), totalling exactly 10000.
 * - `exact`: the amount owed by each member, in the expense currency, totalling exactly the amount.
 * - `adjust`: each member's adjustment (+ owes more, - owes less, in the expense currency) is taken
 *   first; the rest is split equally over `members`. An adjusted member need not be in `members`.
 */
export type Split =
  | { mode: 'equal'; members: MemberId[] }
  | { mode: 'shares'; shares: Record<MemberId, number> }
  | { mode: 'percent'; basisPoints: Record<MemberId, number> }
  | { mode: 'exact'; amounts: Record<MemberId, Minor> }
  | { mode: 'adjust'; members: MemberId[]; adjustments: Record<MemberId, Minor> }

/** The split modes, in the order the app offers them. */
export type SplitMode = Split['mode']

/**
 * One expense (or, with a negative amount, a refund or income shared the same way, mirrored).
 */
export interface Expense {
  /** Unique within the group; also seeds the rotation of the leftover minor units. */
  id: string
  /** In `currency` minor units; negative for a refund or income; never 0. */
  amount: Minor
  /** ISO 4217; absent means the group currency. */
  currency?: CurrencyCode
  /**
   * Decimal string: group-currency major units per one expense-currency major unit (e.g. `"0.0485"`
   * for JPY in a CNY group). Required when `currency` differs from the group currency.
   */
  rate?: string
  /** Who paid how much, in `currency` minor units; one or more payers; totals `amount`. */
  paidBy: Record<MemberId, Minor>
  split: Split
}

/** Money that moved between two members outside an expense: `from` paid `amount` to `to` (group currency). */
export interface Payment {
  id: string
  from: MemberId
  to: MemberId
  amount: Minor
}

/** A suggested payment in a settlement plan: `from` should pay `amount` (> 0) to `to`. */
export interface Transfer {
  from: MemberId
  to: MemberId
  amount: Minor
}

/** Everything needed to compute balances. `currency` is the group currency (absent: no conversion). */
export interface Ledger {
  members: MemberId[]
  expenses: Expense[]
  payments: Payment[]
  currency?: CurrencyCode
}

/** Per member: paid - owed + sent - received, in the group currency. Positive: is owed money. Sums to 0. */
export type Balances = Record<MemberId, Minor>

/** What each member owes for one expense, in the group currency; totals the (converted) amount. */
export type Shares = Record<MemberId, Minor>
