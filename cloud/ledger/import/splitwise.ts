/**
 * Splitwise's CSV export as an import plan. Its layout: a header `Date,Description,Category,Cost,Currency,<person>,...`,
 * then one row per expense or payment in which each person's column is their NET for the row (what they paid minus
 * their share: positive, they are owed; negative, they owe), so a row's person columns add up to 0; blank lines
 * between blocks; and a footer row whose Description is "Total balance" holding each person's balance.
 *
 * Splitwise does not export who paid and who owed, only the net. An expense is rebuilt so that every person's
 * net is kept exactly (and so every balance), with the row's cost as its amount:
 *   P = the sum of the positive nets, S = cost - P (what the payers consumed themselves; P > cost is refused);
 *   each person with a negative net paid 0 and owes -net; S is shared among the people with a positive net in
 *   proportion to their nets (largest remainder), and each of them paid net + their part of S and owes that part.
 * So one payer who paid the whole cost (the usual row) is rebuilt exactly: paid = cost, owed = their share. The
 * expense is an `exact` split in the group currency. A "Payment" row (Category Payment: one person +a, another -a)
 * is a confirmed cash payment from the positive to the negative person. A row whose person columns are all 0 moves
 * no balance (someone paid for themselves only): it is skipped and reported.
 *
 * Amounts are decimal strings read exactly to minor units (no floating point); one currency per file (a row in
 * another currency is refused: its rate is not in the file). Any problem refuses the file, naming the line.
 */
import Papa from 'papaparse'
import { allocate, checkExpense, domainErrorFromZod, ExpenseSchema, isCurrency, MAX_MAJOR_UNITS, minorDigits, validatePayment, type Balances, type Expense, type Minor } from '../../../src/domain'
import { checkGroupSize } from '../quotas'
import { atLine, cleanText, dayOf, importInvalid, type ImportExpense, type ImportPayment, type ImportPlan } from './plan'

export interface SplitwiseOptions {
  /** The group currency; default: the Currency of the first row. Every row must be in it. */
  groupCurrency?: string
  /** The most members a group may have: more person columns are refused before the rows are read (QUOTA_MEMBERS). */
  maxMembers?: number
}

const HEADER = ['Date', 'Description', 'Category', 'Cost', 'Currency']

interface Row {
  line: number
  cells: string[]
}

/** The CSV's rows with the line each starts on (quoted cells may span lines). Blank rows are left out. */
function csvRows(text: string): Row[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const rows: Row[] = []
  let start = 0
  let line = 1
  let bad: { line: number; message: string } | null = null
  Papa.parse<string[]>(normalized, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    step(result, parser) {
      const end = result.meta.cursor
      if (result.errors.length > 0 && !bad) {
        bad = { line, message: result.errors[0]!.message }
        parser.abort()
        return
      }
      const cells = result.data
      if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells })
      for (let i = start; i < end && i < normalized.length; i++) if (normalized.charCodeAt(i) === 10) line++
      start = end
    }
  })
  if (bad) {
    const { line: at, message } = bad as { line: number; message: string }
    throw importInvalid(`not readable as CSV (${message})`, { line: at })
  }
  return rows
}

/**
 * A decimal amount ("12.5", "-3.33", "+7") as exact minor units of a currency with `digits` decimals; more decimals
 * are accepted only when they are zeros ("900.00" yen). Empty is 0 when `emptyIsZero`. Null when it is not one.
 */
export function decimalToMinor(raw: string, digits: number, emptyIsZero = false): Minor | null {
  const s = raw.trim()
  if (s === '') return emptyIsZero ? 0 : null
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(s)
  if (!m || `${m[2] ?? ''}${m[3] ?? ''}` === '') return null
  const frac = m[3] ?? ''
  if (/[1-9]/.test(frac.slice(digits))) return null
  const units = BigInt(`${m[2] || '0'}${frac.slice(0, digits).padEnd(digits, '0')}`)
  if (units > BigInt(MAX_MAJOR_UNITS) * 10n ** BigInt(digits)) return null
  const n = Number(units)
  return m[1] === '-' && n !== 0 ? -n : n
}

/**
 * Who paid and who owed, rebuilt from the nets of one row (see the file's comment): for every person
 * paid - owed = net, both with the sign of `cost`, each side totalling `cost`. Null when every net is 0 (the row
 * moves no balance). Throws a message when the nets cannot come from an expense of that cost.
 */
export function rebuildFromNets(cost: Minor, nets: ReadonlyArray<readonly [string, Minor]>, seed: string): { paidBy: Record<string, Minor>; owed: Record<string, Minor> } | null {
  if (nets.every(([, n]) => n === 0)) return null
  if (cost === 0) throw new Error('the cost is 0 but the row moves balances')
  const sign = cost < 0 ? -1 : 1
  const abs = Math.abs(cost)
  const positive = nets.filter(([, n]) => n * sign > 0).map(([k, n]) => [k, n * sign] as [string, number])
  const owedByPayers = abs - positive.reduce((a, [, n]) => a + n, 0)
  if (owedByPayers < 0) throw new Error('what the people are owed is more than the cost')
  const extra = new Map(owedByPayers > 0 ? allocate(owedByPayers, positive, seed) : [])
  const paidBy: Record<string, Minor> = {}
  const owed: Record<string, Minor> = {}
  for (const [key, n] of nets) {
    const net = n * sign
    if (net > 0) {
      const part = extra.get(key) ?? 0
      paidBy[key] = (net + part) * sign
      if (part > 0) owed[key] = part * sign
    } else if (net < 0) owed[key] = -net * sign
  }
  return { paidBy, owed }
}

/** Our category for one of Splitwise's (its own names, in English), 'other' when none fits. */
export function splitwiseCategory(raw: string): string {
  const c = raw.toLowerCase()
  if (/grocer/.test(c)) return 'groceries'
  if (/dining|restaurant|food|drink|liquor|coffee/.test(c)) return 'food'
  if (/taxi|transport|bus|train|car\b|gas|fuel|parking|plane|flight|bicycle/.test(c)) return 'transport'
  if (/hotel|lodging|rent|mortgage/.test(c)) return 'lodging'
  if (/ticket/.test(c)) return 'tickets'
  if (/entertain|game|movie|music|sport|fun/.test(c)) return 'fun'
  if (/shop|clothing|gift|electronic|furniture|household/.test(c)) return 'shopping'
  return 'other'
}

export function parseSplitwiseCsv(text: string, opts: SplitwiseOptions = {}): ImportPlan {
  const rows = csvRows(text)
  const head = rows[0]
  if (!head) throw importInvalid('the file is empty', { line: 1 })
  const fixed = head.cells.slice(0, HEADER.length).map((c) => c.trim().toLowerCase())
  if (head.cells.length <= HEADER.length || HEADER.some((h, i) => h.toLowerCase() !== fixed[i])) {
    throw importInvalid(`expected the header ${HEADER.join(',')} followed by one column per person, found "${cleanText(head.cells.join(','), 120)}"`, { line: head.line })
  }
  const members = head.cells.slice(HEADER.length).map((raw, i) => {
    const name = cleanText(raw, 40)
    if (name === '') throw importInvalid(`person column ${i + 1} has no name`, { line: head.line })
    return { key: `p${i}`, name }
  })
  if (opts.maxMembers !== undefined) checkGroupSize(opts.maxMembers, members.length)
  const seen = new Set<string>()
  for (const m of members) {
    if (seen.has(m.name)) throw importInvalid(`two people are named "${m.name}"`, { line: head.line, column: m.name })
    seen.add(m.name)
  }
  const keys = members.map((m) => m.key)
  let currency = opts.groupCurrency ?? null
  const balances: Balances = Object.fromEntries(keys.map((k) => [k, 0]))
  const expenses: ImportExpense[] = []
  const payments: ImportPayment[] = []
  const skipped: ImportPlan['skipped'] = []

  for (const row of rows.slice(1)) {
    const { line, cells } = row
    if (cells.length !== head.cells.length) throw importInvalid(`${cells.length} fields, but the header has ${head.cells.length}`, { line })
    const [rawDate, rawDescription, rawCategory, rawCost, rawCurrency] = cells as [string, string, string, string, string]
    const rowCurrency = rawCurrency.trim().toUpperCase()
    const footer = rawDescription.trim().toLowerCase() === 'total balance'
    if (footer) {
      // the footer holds each person's balance (one footer per currency): it must be what the rows above add up to
      const footerCurrency = rowCurrency || currency
      if (footerCurrency === null || footerCurrency !== (currency ?? footerCurrency) || !isCurrency(footerCurrency)) continue
      for (const [i, m] of members.entries()) {
        const v = decimalToMinor(cells[HEADER.length + i]!, minorDigits(footerCurrency), true)
        if (v !== balances[m.key]) {
          throw importInvalid(`the total balance of ${m.name} is not what the rows above add up to`, { line, column: m.name }, { expected: balances[m.key], found: v })
        }
      }
      continue
    }
    if (!isCurrency(rowCurrency)) throw importInvalid(`unknown currency "${cleanText(rawCurrency, 12)}"`, { line, column: 'Currency' })
    if (currency === null) currency = rowCurrency
    if (rowCurrency !== currency) {
      throw importInvalid(`this row is in ${rowCurrency} but the group is in ${currency}; one currency per import (Splitwise exports no exchange rate)`, { line, column: 'Currency' }, { currency: rowCurrency, groupCurrency: currency })
    }
    const digits = minorDigits(currency)
    const nets = members.map((m, i): [string, Minor] => {
      const v = decimalToMinor(cells[HEADER.length + i]!, digits, true)
      if (v === null) throw importInvalid(`"${cleanText(cells[HEADER.length + i]!, 24)}" is not an amount of ${currency} (at most ${digits} decimals)`, { line, column: m.name })
      return [m.key, v]
    })
    const date = dayOf(rawDate)
    if (!date) throw importInvalid(`"${cleanText(rawDate, 24)}" is not a date (YYYY-MM-DD)`, { line, column: 'Date' })
    const cost = decimalToMinor(rawCost, digits)
    if (cost === null) throw importInvalid(`"${cleanText(rawCost, 24)}" is not an amount of ${currency} (at most ${digits} decimals)`, { line, column: 'Cost' })
    const total = nets.reduce((a, [, n]) => a + n, 0)
    if (total !== 0) throw importInvalid(`the people's columns add up to ${total} minor units, not 0`, { line }, { total })
    const description = cleanText(rawDescription, 200) || cleanText(rawCategory, 200) || 'Splitwise'

    if (rawCategory.trim().toLowerCase() === 'payment') {
      const moved = nets.filter(([, n]) => n !== 0)
      const from = moved.find(([, n]) => n > 0)
      const to = moved.find(([, n]) => n < 0)
      if (moved.length !== 2 || !from || !to) throw importInvalid('a payment row moves money between exactly two people', { line })
      if (Math.abs(cost) !== from[1]) throw importInvalid('the payment moves another amount than its cost', { line, column: 'Cost' })
      atLine({ line }, () => validatePayment({ id: `sw${line}`, from: from[0], to: to[0], amount: from[1] }, keys, currency!))
      const at = `${date}T00:00:00.000Z`
      payments.push({ line, from: from[0], to: to[0], amount: from[1], method: 'cash', createdAt: at, confirmedAt: at })
    } else {
      let rebuilt: ReturnType<typeof rebuildFromNets>
      try {
        rebuilt = rebuildFromNets(cost, nets, `sw${line}`)
      } catch (err) {
        throw importInvalid((err as Error).message, { line })
      }
      if (!rebuilt) {
        skipped.push({ line, reason: 'moves nobody\'s balance (paid by a person for themselves only)' })
        continue
      }
      const expense: Expense = { id: `sw${line}`, amount: cost, paidBy: rebuilt.paidBy, split: { mode: 'exact', amounts: rebuilt.owed } }
      atLine({ line }, () => {
        const parsed = ExpenseSchema.safeParse(expense)
        if (!parsed.success) throw domainErrorFromZod(parsed.error)
        checkExpense(expense, keys, currency!)
      })
      expenses.push({ line, description, category: splitwiseCategory(rawCategory), date, expense })
    }
    for (const [key, n] of nets) balances[key] = balances[key]! + n
  }
  if (currency === null) throw importInvalid('the file has no expense or payment rows', { line: head.line })
  return { format: 'splitwise', name: null, emoji: null, currency, members, expenses, payments, balances, skipped }
}
