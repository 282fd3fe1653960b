/**
 * Our own JSON export (exportGroup, format 'json') as an import plan: the group's name, emoji and currency, its
 * members (by their exported ids, which become the plan's keys), its live expenses exactly as stored (deleted ones
 * are skipped), its confirmed payments (pending, withdrawn and rejected ones never counted: skipped), and its
 * `balances`, which must be what those expenses and payments add up to (IMPORT_MISMATCH otherwise: the file was
 * edited or cut). Problems name the line of the file where they are.
 */
import { z } from 'zod'
import { checkExpense, computeBalances, domainErrorFromZod, ExpenseSchema, isCurrency, validatePayment, type Expense } from '../../../src/domain'
import { ApiError } from '../../errors'
import { checkGroupSize } from '../quotas'
import { atLine, cleanText, dayOf, importInvalid, type ImportExpense, type ImportPayment, type ImportPlan } from './plan'

const FileSchema = z.object({
  group: z.object({ name: z.string(), currency: z.string(), emoji: z.string().optional() }),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  expenses: z.array(
    z.object({
      id: z.string(),
      expense: z.unknown(),
      description: z.string(),
      category: z.string(),
      date: z.string(),
      deletedAt: z.string().nullable().optional()
    })
  ),
  payments: z
    .array(
      z.object({
        id: z.string(),
        from: z.string(),
        to: z.string(),
        amount: z.number(),
        method: z.enum(['cash', 'wechat', 'alipay', 'direct']),
        status: z.enum(['pending', 'confirmed', 'withdrawn', 'rejected']),
        createdAt: z.string(),
        confirmedAt: z.string().nullable().optional()
      })
    )
    .default([]),
  balances: z.record(z.string(), z.number())
})

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * Where JSON.parse stopped: the offset of the first character that is not valid JSON (a small scanner, run only
 * on a file that failed to parse, since the engine's message does not always say).
 */
class Stop {
  constructor(readonly at: number) {}
}

export function jsonErrorOffset(text: string): number | null {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const fail = (): never => {
    throw new Stop(i)
  }
  const value = (): void => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      ws()
      if (text[i] === '}') return void i++
      for (;;) {
        ws()
        if (text[i] !== '"') fail()
        str()
        ws()
        if (text[i] !== ':') fail()
        i++
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else fail()
      }
    }
    if (c === '[') {
      i++
      ws()
      if (text[i] === ']') return void i++
      for (;;) {
        value()
        ws()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else fail()
      }
    }
    if (c === '"') return str()
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400))
    if (!m) fail()
    i += m![0].length
  }
  const str = () => {
    i++
    while (i < text.length) {
      const c = text.charCodeAt(i)
      if (c === 34) return void i++
      if (c < 32) fail()
      if (c === 92) {
        const e = text[i + 1] ?? ''
        if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e) || e === '') fail()
        i += e === 'u' ? 6 : 2
      } else i++
    }
    fail()
  }
  try {
    value()
    ws()
    return i < text.length ? i : text.length
  } catch (err) {
    // a file nested deeper than the scanner's stack: no line to name
    return err instanceof Stop ? err.at : null
  }
}

/**
 * The line where each item of the array `key` starts (its `"id": "..."`, the first one after the key), by id: one
 * pass over the file, however many items it has.
 */
function itemLines(text: string, key: string): Map<string, number> {
  const lines = new Map<string, number>()
  const from = text.search(new RegExp(`"${key}"\\s*:`))
  if (from < 0) return lines
  const re = /"id"\s*:\s*("(?:[^"\\\n]|\\.)*")/g
  re.lastIndex = from
  let line = lineAt(text, from)
  let at = from
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (; at < m.index; at++) if (text.charCodeAt(at) === 10) line++
    let id: unknown
    try {
      id = JSON.parse(m[1]!)
    } catch {
      continue
    }
    if (typeof id === 'string' && !lines.has(id)) lines.set(id, line)
  }
  return lines
}

function issuePath(path: PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

export interface OwnJsonOptions {
  /** The most members a group may have: a file with more is refused before its expenses are read (QUOTA_MEMBERS). */
  maxMembers?: number
}

export function parseOwnJson(text: string, opts: OwnJsonOptions = {}): ImportPlan {
  const body = text.replace(/^\uFEFF/, '')
  let raw: unknown
  try {
    raw = JSON.parse(body)
  } catch {
    const at = jsonErrorOffset(body)
    throw importInvalid('not valid JSON', { line: at === null ? null : lineAt(body, at) })
  }
  const parsed = FileSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const [top, index] = issue.path
    const item = typeof index === 'number' && (top === 'expenses' || top === 'payments') ? (raw as Record<string, Array<{ id?: unknown }>>)[top]?.[index] : undefined
    const line = item && typeof item.id === 'string' ? (itemLines(body, top as string).get(item.id) ?? null) : null
    throw importInvalid(`not a group export: ${issue.message}`, { line, path: issuePath(issue.path) })
  }
  const file = parsed.data
  const currency = file.group.currency
  if (!isCurrency(currency)) throw importInvalid(`unknown currency "${cleanText(currency, 12)}"`, { path: 'group.currency' })
  const name = cleanText(file.group.name, 40) || null
  if (opts.maxMembers !== undefined) checkGroupSize(opts.maxMembers, file.members.length)

  const keys: string[] = []
  const known = new Set<string>()
  const members = file.members.map((m, i) => {
    const memberName = cleanText(m.name, 40)
    if (memberName === '') throw importInvalid('a member has no name', { path: `members[${i}].name` })
    if (known.has(m.id)) throw importInvalid(`member ${cleanText(m.id, 64)} is listed twice`, { path: `members[${i}].id` })
    known.add(m.id)
    keys.push(m.id)
    return { key: m.id, name: memberName }
  })

  const expenseLines = itemLines(body, 'expenses')
  const expenses: ImportExpense[] = []
  const skipped: ImportPlan['skipped'] = []
  const ids = new Set<string>()
  for (const [i, e] of file.expenses.entries()) {
    const line = expenseLines.get(e.id) ?? null
    const where = { line, path: `expenses[${i}]` }
    if (e.deletedAt) {
      skipped.push({ line, reason: `expense ${cleanText(e.id, 64)} was deleted` })
      continue
    }
    const expense = atLine(where, () => {
      const checked = ExpenseSchema.safeParse(e.expense)
      if (!checked.success) throw domainErrorFromZod(checked.error)
      checkExpense(checked.data, keys, currency)
      return checked.data as Expense
    })
    if (ids.has(expense.id)) throw importInvalid(`expense ${expense.id} appears twice`, where)
    ids.add(expense.id)
    const date = dayOf(e.date)
    if (!date || date !== e.date) throw importInvalid(`"${cleanText(e.date, 24)}" is not a date (YYYY-MM-DD)`, { ...where, path: `${where.path}.date` })
    const description = cleanText(e.description, 200)
    if (description === '') throw importInvalid('an expense has no description', { ...where, path: `${where.path}.description` })
    expenses.push({ line, description, category: cleanText(e.category, 32) || 'other', date, expense })
  }

  const paymentLines = itemLines(body, 'payments')
  const payments: ImportPayment[] = []
  for (const [i, p] of file.payments.entries()) {
    const line = paymentLines.get(p.id) ?? null
    if (p.status !== 'confirmed') {
      skipped.push({ line, reason: `payment ${cleanText(p.id, 64)} is ${p.status}: it never counted` })
      continue
    }
    const where = { line, path: `payments[${i}]` }
    atLine(where, () => validatePayment({ id: `p${i}`, from: p.from, to: p.to, amount: p.amount }, keys, currency))
    const createdAt = new Date(p.createdAt)
    if (Number.isNaN(createdAt.getTime())) throw importInvalid(`"${cleanText(p.createdAt, 32)}" is not a time`, { ...where, path: `${where.path}.createdAt` })
    const confirmed = p.confirmedAt ? new Date(p.confirmedAt) : createdAt
    if (Number.isNaN(confirmed.getTime())) throw importInvalid('confirmedAt is not a time', { ...where, path: `${where.path}.confirmedAt` })
    payments.push({ line, from: p.from, to: p.to, amount: p.amount, method: p.method, createdAt: createdAt.toISOString(), confirmedAt: confirmed.toISOString() })
  }

  // the file's balances must be what its own expenses and payments add up to
  const computed = atLine({}, () =>
    computeBalances({ members: keys, expenses: expenses.map((e) => e.expense), payments: payments.map((p, i) => ({ id: `p${i}`, from: p.from, to: p.to, amount: p.amount })), currency })
  )
  for (const key of Object.keys(file.balances)) {
    if (!known.has(key)) throw importInvalid(`balances name ${cleanText(key, 64)}, who is not a member`, { path: `balances.${cleanText(key, 64)}` })
  }
  for (const m of members) {
    const stated = file.balances[m.key] ?? 0
    if (stated !== computed[m.key]) {
      throw new ApiError('IMPORT_MISMATCH', `The file says ${m.name}'s balance is ${stated}, but its expenses and payments add up to ${computed[m.key]}`, {
        member: m.key,
        name: m.name,
        expected: stated,
        computed: computed[m.key]
      })
    }
  }
  return { format: 'json', name, emoji: file.group.emoji ?? null, currency, members, expenses, payments, balances: computed, skipped }
}
