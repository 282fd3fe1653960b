/**
 * The ledger engine: exact money, splits, balances and settlement. Framework-free (no Taro, React,
 * SQL or HTTP); shared by the app (instant preview) and the cloud function (the authority).
 *
 * - Money is a safe integer in minor units ({@link Minor}); user input goes through {@link parseMoney}.
 * - {@link splitExpense} always totals the (converted) amount; {@link computeBalances} always sums to 0.
 * - {@link planSettlement} uses the minimum number of transfers (up to 20 non-zero balances) and is stable.
 * - Invalid input throws {@link DomainError} with a stable `code`; the zod schemas report the same codes.
 */
export type {
  Balances,
  CurrencyCode,
  Expense,
  Ledger,
  MemberId,
  Minor,
  MoneyLocale,
  Payment,
  Shares,
  Split,
  SplitMode,
  Transfer
} from './types'
export {
  DomainError,
  domainErrorCodes,
  domainErrorMessages,
  isDomainError,
  isDomainErrorCode,
  type DomainErrorCode
} from './errors'
export { currencies, currencyCodes, DEFAULT_CURRENCY, isCurrency, minorDigits } from './money/currencies'
export { parseMoney, MAX_MAJOR_UNITS, type ParseMoneyOptions } from './money/parse'
export { formatMoney, toDecimalString } from './money/format'
export { convertAmount, expenseTotal } from './money/convert'
export { isRate, parseRate } from './money/rational'
export { allocate } from './allocate'
export { stableHash } from './hash'
export {
  splitExpense,
  splitEntries,
  splitEqual,
  splitShares,
  splitPercent,
  splitExact,
  splitAdjust,
  FULL_BASIS_POINTS
} from './split'
export { paidAmounts, payerEntries } from './payers'
export { computeBalances } from './balances'
export { checkGroupBounds, MAX_GROUP_DEBT, MAX_GROUP_SPENT } from './limits'
export { planSettlement, planSettlementWithKind, continuePlan, EXACT_LIMIT, type KeptPlan, type PlanKind, type SettlementPlan } from './settlement'
export {
  CurrencySchema,
  ExpenseSchema,
  IdSchema,
  ID_PATTERN,
  LedgerSchema,
  MemberIdSchema,
  MinorSchema,
  PaymentSchema,
  RateSchema,
  SplitSchema,
  addCodedIssue
} from './schemas'
export { domainErrorFromZod, issueCode, validateExpense, validatePayment, type DomainIssue } from './validate'
export { checkExpense } from './check'
export { groupStatistics, StatsAccumulator, type CategoryTotal, type GroupStatistics, type MemberTotal, type MonthTotal, type StatsItem } from './stats'
