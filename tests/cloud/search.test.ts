/**
 * listExpenses' filters (text, category, member, date range) against an oracle computed here from the rows created,
 * and paging through a search while another client adds, edits and deletes expenses between the pages.
 */
import type { ActionOutput, ExpenseFilters } from '../../src/api'
import type { Expense } from '../../src/domain'
import { cid, startHarness, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

interface Made {
  id: string
  description: string
  category: string
  date: string
  expense: Expense
  /** Order of creation: the tie-break among expenses of one day (newest first). */
  n: number
}

type Page = ActionOutput<'listExpenses'>

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Involved, by the documented rule: paid a non-zero amount, listed in an equal / adjust split, or a non-zero split entry. */
function involves(e: Expense, member: string): boolean {
  if ((e.paidBy[member] ?? 0) !== 0) return true
  const s = e.split
  switch (s.mode) {
    case 'equal':
      return s.members.includes(member)
    case 'shares':
      return (s.shares[member] ?? 0) !== 0
    case 'percent':
      return (s.basisPoints[member] ?? 0) !== 0
    case 'exact':
      return (s.amounts[member] ?? 0) !== 0
    case 'adjust':
      return s.members.includes(member) || (s.adjustments[member] ?? 0) !== 0
  }
}

function matches(m: Made, f: ExpenseFilters): boolean {
  if (f.text !== undefined && !m.description.toLowerCase().includes(f.text.toLowerCase())) return false
  if (f.category !== undefined && m.category !== f.category) return false
  if (f.memberId !== undefined && !involves(m.expense, f.memberId)) return false
  if (f.from !== undefined && m.date < f.from) return false
  if (f.to !== undefined && m.date > f.to) return false
  return true
}

/** What listExpenses must answer: the matching rows, newest date first, then the last added first. */
function oracle(rows: Made[], f: ExpenseFilters): string[] {
  return rows
    .filter((m) => matches(m, f))
    .sort((a, b) => (a.date === b.date ? b.n - a.n : a.date < b.date ? 1 : -1))
    .map((m) => m.id)
}

async function listAll(groupId: string, token: string, f: ExpenseFilters, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const page: Page = await h.api.ok('listExpenses', { groupId, limit, ...f, ...(cursor ? { cursor } : {}) }, token)
    expect(page.items.length).toBeLessThanOrEqual(limit)
    ids.push(...page.items.map((e) => e.id))
    cursor = page.nextCursor
    pages++
    if (pages > 500) throw new Error('paging does not end')
  } while (cursor)
  return { ids, pages }
}

const DESCRIPTIONS = [
  'Coffee at the station',
  'COFFEE beans',
  'Dinner with friends',
  '星巴克咖啡',
  '咖啡豆',
  '火锅晚餐',
  '100% juice',
  '100 juice boxes',
  'a_b test',
  'axb test',
  'back\\slash',
  'backslash',
  'Taxi to airport',
  '出租车',
  'Groceries'
]
const CATEGORIES = ['food', 'transport', 'other', 'fun']

describe('listExpenses filters', () => {
  let ann: { token: string }
  let bob: { token: string }
  let outsider: { token: string }
  let groupId: string
  let annM: string
  let bobM: string
  let catM: string
  let danM: string
  const made: Made[] = []
  let n = 0

  /** Expenses in every split mode, with zero weights and zero payers, over three months. */
  function randomExpense(rand: () => number): Omit<Made, 'n' | 'date' | 'description' | 'category'> {
    const members = [annM, bobM, catM, danM]
    const pick = () => members[Math.floor(rand() * members.length)]
    const id = `e_${cid()}`
    const amount = 1200
    const payer = pick()
    const other = members.find((m) => m !== payer)!
    const paidBy = rand() < 0.3 ? { [payer]: amount, [other]: 0 } : rand() < 0.5 ? { [payer]: 700, [other]: 500 } : { [payer]: amount }
    const [a, b, c] = [pick(), pick(), pick()]
    const mode = Math.floor(rand() * 5)
    const split: Expense['split'] =
      mode === 0
        ? { mode: 'equal', members: [...new Set([a, b])] }
        : mode === 1
          ? { mode: 'shares', shares: { [a]: 2, [b === a ? c : b]: 0, ...(c !== a && c !== b ? { [c]: 1 } : {}) } }
          : mode === 2
            ? a === b
              ? { mode: 'percent', basisPoints: { [a]: 10000 } }
              : { mode: 'percent', basisPoints: { [a]: 10000, [b]: 0 } }
            : mode === 3
              ? a === b
                ? { mode: 'exact', amounts: { [a]: amount } }
                : { mode: 'exact', amounts: { [a]: amount, [b]: 0 } }
              : { mode: 'adjust', members: [a], adjustments: { [b]: 100 } }
    // `shares` needs a positive total: make sure the weight 2 was not overwritten by the 0 of the same member
    if (split.mode === 'shares' && Object.values(split.shares).every((w) => w === 0)) split.shares[a] = 1
    return { id, expense: { id, amount, paidBy, split } }
  }

  async function add(token: string, groupIdOf: string, description: string, category: string, date: string, e: Expense): Promise<Made> {
    await h.api.ok('addExpense', { groupId: groupIdOf, clientId: cid(), expense: e, description, category, date }, token)
    const row = { id: e.id, description, category, date, expense: e, n: n++ }
    return row
  }

  test('a group of 70 expenses in every split mode', async () => {
    ann = await h.signIn('Ann')
    bob = await h.signIn('Bob')
    outsider = await h.signIn('Olga')
    const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Search', placeholders: ['Cat', 'Dan'] }, ann.token)
    groupId = g.group.id
    annM = g.group.me
    catM = g.group.members.find((m) => m.name === 'Cat')!.id
    danM = g.group.members.find((m) => m.name === 'Dan')!.id
    const inv = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
    bobM = (await h.api.ok('joinGroup', { clientId: cid(), token: inv.token }, bob.token)).group.me

    const rand = rng(20261201)
    for (let i = 0; i < 70; i++) {
      const { expense } = randomExpense(rand)
      const day = 1 + Math.floor(rand() * 28)
      const month = 9 + Math.floor(rand() * 3)
      const date = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      const description = `${DESCRIPTIONS[i % DESCRIPTIONS.length]}${i % 4 === 0 ? ' (shared)' : ''}`
      made.push(await add(i % 2 ? bob.token : ann.token, groupId, description, CATEGORIES[Math.floor(rand() * CATEGORIES.length)], date, expense))
    }
    // one deleted expense that would match everything it names: never listed
    const gone = made[5]
    await h.api.ok('deleteExpense', { groupId, clientId: cid(), expenseId: gone.id }, ann.token)
    made.splice(5, 1)
    expect((await listAll(groupId, ann.token, {}, 100)).ids).toEqual(oracle(made, {}))
  })

  test('each filter alone, paged by 3 and in one page, is exactly what the oracle says', async () => {
    const filters: ExpenseFilters[] = [
      { text: 'coffee' },
      { text: 'CoFfEe' },
      { text: 'juice' },
      { text: 'test' },
      { category: 'food' },
      { category: 'transport' },
      { category: 'Food' },
      { memberId: annM },
      { memberId: bobM },
      { memberId: catM },
      { memberId: danM },
      { from: '2026-10-01' },
      { to: '2026-10-15' },
      { from: '2026-10-05', to: '2026-11-20' },
      { from: made[0].date, to: made[0].date }
    ]
    for (const f of filters) {
      const want = oracle(made, f)
      const paged = await listAll(groupId, ann.token, f, 3)
      expect({ f, ids: paged.ids }).toEqual({ f, ids: want })
      expect(paged.pages).toBe(Math.max(1, Math.ceil(want.length / 3)))
      expect((await listAll(groupId, bob.token, f, 100)).ids).toEqual(want)
    }
    // the filters do filter: each keeps some and leaves out some
    for (const f of [{ text: 'coffee' }, { category: 'food' }, { memberId: catM }, { from: '2026-10-05', to: '2026-11-20' }]) {
      const kept = oracle(made, f).length
      expect(kept).toBeGreaterThan(0)
      expect(kept).toBeLessThan(made.length)
    }
    expect(oracle(made, { text: 'CoFfEe' }).length).toBe(oracle(made, { text: 'coffee' }).length)
    expect(oracle(made, { category: 'Food' })).toEqual([])
  })

  test('a zero weight, percentage, exact amount or payment is no involvement', async () => {
    const e: Expense = { id: `e_${cid()}`, amount: 900, paidBy: { [annM]: 900, [danM]: 0 }, split: { mode: 'shares', shares: { [annM]: 1, [bobM]: 2, [danM]: 0 } } }
    made.push(await add(ann.token, groupId, 'Zero weights', 'other', '2026-12-01', e))
    const forDan = await h.api.ok('listExpenses', { groupId, memberId: danM, from: '2026-12-01' }, ann.token)
    expect(forDan.items.map((x) => x.id)).not.toContain(e.id)
    const forBob = await h.api.ok('listExpenses', { groupId, memberId: bobM, from: '2026-12-01' }, ann.token)
    expect(forBob.items.map((x) => x.id)).toContain(e.id)
    expect(oracle(made, { memberId: danM, from: '2026-12-01' })).toEqual([])
  })

  test('filters combined', async () => {
    const rand = rng(7)
    const texts = [undefined, 'coffee', '咖啡', 'test', 'e', '(shared)']
    const members = [undefined, annM, bobM, catM, danM]
    const cats = [undefined, ...CATEGORIES]
    const days = [undefined, '2026-09-10', '2026-10-01', '2026-10-20', '2026-11-15']
    let nonEmpty = 0
    for (let i = 0; i < 40; i++) {
      const pickOf = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]
      const [d1, d2] = [pickOf(days), pickOf(days)]
      const f: ExpenseFilters = {
        ...(i % 2 ? { text: pickOf(texts) } : {}),
        category: pickOf(cats),
        memberId: pickOf(members),
        ...(d1 && d2 ? (d1 <= d2 ? { from: d1, to: d2 } : { from: d2, to: d1 }) : d1 ? { from: d1 } : d2 ? { to: d2 } : {})
      }
      for (const k of Object.keys(f) as (keyof ExpenseFilters)[]) if (f[k] === undefined) delete f[k]
      const want = oracle(made, f)
      if (want.length) nonEmpty++
      expect({ f, ids: (await listAll(groupId, ann.token, f, 3)).ids }).toEqual({ f, ids: want })
    }
    expect(nonEmpty).toBeGreaterThan(10)
    const all = { text: 'coffee', category: made.find((m) => m.description.startsWith('Coffee'))!.category }
    expect((await listAll(groupId, ann.token, all, 2)).ids).toEqual(oracle(made, all))
  })

  test('LIKE wildcards and the escape character in the text are literal', async () => {
    for (const text of ['%', '_', '\\', '100%', 'a_b', '% juice', 'back\\s']) {
      const want = oracle(made, { text })
      expect(want.length).toBeGreaterThan(0)
      expect(want.length).toBeLessThan(made.length)
      expect({ text, ids: (await listAll(groupId, ann.token, { text }, 3)).ids }).toEqual({ text, ids: want })
    }
    // as wildcards they would have matched "100 juice boxes", "axb test", "backslash"
    const ids = (t: string) => new Set(made.filter((m) => m.description.startsWith(t)).map((m) => m.id))
    const found = async (text: string) => new Set((await listAll(groupId, ann.token, { text }, 100)).ids)
    for (const id of ids('100 juice')) expect((await found('100%')).has(id)).toBe(false)
    for (const id of ids('axb')) expect((await found('a_b')).has(id)).toBe(false)
    for (const id of ids('backslash')) expect((await found('back\\s')).has(id)).toBe(false)
    expect((await listAll(groupId, ann.token, { text: '%%' }, 100)).ids).toEqual([])
  })

  test('Chinese substrings', async () => {
    for (const text of ['咖啡', '啡', '星巴克', '火锅晚餐', '出租']) {
      const want = oracle(made, { text })
      expect(want.length).toBeGreaterThan(0)
      expect({ text, ids: (await listAll(groupId, ann.token, { text }, 3)).ids }).toEqual({ text, ids: want })
    }
    expect((await h.api.ok('listExpenses', { groupId, text: '咖喱' }, ann.token)).items).toEqual([])
    // the same text typed in another Unicode form finds the same (the input is normalized like descriptions)
    const e: Expense = { id: `e_${cid()}`, amount: 300, paidBy: { [annM]: 300 }, split: { mode: 'equal', members: [annM, bobM] } }
    made.push(await add(ann.token, groupId, 'Caf\u00e9 crème', 'food', '2026-09-02', e))
    const decomposed = await h.api.ok('listExpenses', { groupId, text: 'Cafe\u0301' }, ann.token)
    expect(decomposed.items.map((x) => x.id)).toEqual([e.id])
  })

  test('bad filters get stable 400 codes, never a 5xx; an unknown member finds nothing; non-members are refused', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ from: '2026-10-02', to: '2026-10-01' }, 'to'],
      [{ from: '2026-02-30' }, 'from'],
      [{ to: '2026/10/01' }, 'to'],
      [{ from: 20261001 }, 'from'],
      [{ text: 'x'.repeat(101) }, 'text'],
      [{ text: '' }, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'a\u0000b' }, 'text'],
      [{ text: '\ud800' }, 'text'],
      [{ category: 'c'.repeat(33) }, 'category'],
      [{ memberId: 'no spaces allowed' }, 'memberId'],
      [{ memberId: '' }, 'memberId']
    ]
    for (const [f, path] of bad) {
      const r = await h.api.call('listExpenses', { groupId, ...f }, ann.token)
      expect({ f, status: r.status }).toEqual({ f, status: 400 })
      expect(r.body.ok === false && r.body.error.code).toBe('INVALID_INPUT')
      const issues = (r.body.ok === false && (r.body.error.details as { issues: { path: string[] }[] }).issues) || []
      expect(issues.map((i) => i.path[0])).toContain(path)
    }
    const longest = await h.api.call('listExpenses', { groupId, text: 'x'.repeat(100) }, ann.token)
    expect(longest.status).toBe(200)
    for (const text of ["'; DROP TABLE expenses; --", '\\\\%_\\', '$1', '::text', '"']) {
      const r = await h.api.call('listExpenses', { groupId, text }, ann.token)
      expect({ text, status: r.status }).toEqual({ text, status: 200 })
      expect(r.body.ok && r.body.data.items.map((x) => x.id)).toEqual(oracle(made, { text: text.trim() }))
    }
    const unknown = await h.api.call('listExpenses', { groupId, memberId: 'm_nobody_here' }, ann.token)
    expect(unknown.status).toBe(200)
    expect(unknown.body.ok && unknown.body.data).toEqual({ items: [], nextCursor: null })

    const stranger = await h.api.call('listExpenses', { groupId, text: 'coffee', memberId: annM }, outsider.token)
    expect(stranger.status).toBe(403)
    expect(stranger.body.ok === false && stranger.body.error.code).toBe('NOT_MEMBER')
  })

  test('a cursor belongs to the filters it was made with', async () => {
    const f = { category: 'food' }
    const first = await h.api.ok('listExpenses', { groupId, limit: 2, ...f }, ann.token)
    expect(first.nextCursor).toEqual(expect.any(String))
    const again = await h.api.ok('listExpenses', { groupId, limit: 2, ...f, cursor: first.nextCursor }, ann.token)
    expect(again.items.map((x) => x.id)).toEqual(oracle(made, f).slice(2, 4))
    for (const other of [{ category: 'fun' }, {}, { category: 'food', text: 'e' }, { category: 'food', to: '2026-12-31' }]) {
      const r = await h.api.call('listExpenses', { groupId, limit: 2, ...other, cursor: first.nextCursor }, ann.token)
      expect({ other, status: r.status }).toEqual({ other, status: 400 })
      expect(r.body.ok === false && r.body.error.code).toBe('INVALID_INPUT')
    }
    // the whole list's cursor is refused with a filter, and still works without one
    const plain = await h.api.ok('listExpenses', { groupId, limit: 2 }, ann.token)
    const withFilter = await h.api.call('listExpenses', { groupId, limit: 2, ...f, cursor: plain.nextCursor }, ann.token)
    expect(withFilter.status).toBe(400)
    const next = await h.api.ok('listExpenses', { groupId, limit: 2, cursor: plain.nextCursor }, ann.token)
    expect(next.items.map((x) => x.id)).toEqual(oracle(made, {}).slice(2, 4))
  })
})

describe('paging a search while another client writes', () => {
  test('every matching expense that exists before the first page and is not touched is returned exactly once', async () => {
    const ann = await h.signIn('Ann P')
    const bob = await h.signIn('Bob P')
    const g = await h.api.ok('createGroup', { clientId: cid(), name: 'Busy', placeholders: ['Cat'] }, ann.token)
    const groupId = g.group.id
    const annM = g.group.me
    const catM = g.group.members.find((m) => m.name === 'Cat')!.id
    const inv = await h.api.ok('createInvite', { groupId, clientId: cid() }, ann.token)
    const bobM = (await h.api.ok('joinGroup', { clientId: cid(), token: inv.token }, bob.token)).group.me
    const rand = rng(42)
    const day = () => `2026-10-${String(1 + Math.floor(rand() * 20)).padStart(2, '0')}`
    const f: ExpenseFilters = { text: '旅行', category: 'trip', memberId: catM, from: '2026-10-01', to: '2026-10-20' }
    const expense = (withCat: boolean, amount = 600): Expense => {
      const id = `e_${cid()}`
      return { id, amount, paidBy: { [annM]: amount }, split: { mode: 'equal', members: withCat ? [annM, catM] : [annM, bobM] } }
    }
    const put = (e: Expense, description: string, category: string, date: string) =>
      h.api.ok('addExpense', { groupId, clientId: cid(), expense: e, description, category, date }, ann.token)

    // 42 that match (several on each day, so the tie-break by seq matters), and 30 that miss one filter each
    const before: { id: string; date: string; e: Expense }[] = []
    for (let i = 0; i < 42; i++) {
      const e = expense(true)
      const date = day()
      await put(e, `秋天旅行 ${i}`, 'trip', date)
      before.push({ id: e.id, date, e })
    }
    for (let i = 0; i < 30; i++) {
      const miss = i % 5
      await put(expense(miss !== 0), miss === 1 ? `秋天 ${i}` : `旅行 ${i}`, miss === 2 ? 'food' : 'trip', miss === 3 ? '2026-10-21' : miss === 4 ? '2026-09-30' : day())
    }
    const initial = (await listAll(groupId, ann.token, f, 100)).ids
    expect(new Set(initial)).toEqual(new Set(before.map((b) => b.id)))

    const touched = new Set<string>()
    const dateMoved = new Set<string>()
    let version = 0
    const pending = [...before]
    /** Another client's write: add (matching or not), edit (keeping or losing the match, or moving the date), delete. */
    async function write(step: number) {
      const kind = step % 6
      if (kind === 0 || kind === 3) {
        const e = expense(kind === 0)
        await h.api.ok('addExpense', { groupId, clientId: cid(), expense: e, description: `新的旅行 ${step}`, category: 'trip', date: day() }, bob.token)
        version++
        return
      }
      const target = pending.splice(Math.floor(rand() * pending.length), 1)[0]
      if (!target) return
      touched.add(target.id)
      if (kind === 1) {
        await h.api.ok('deleteExpense', { groupId, clientId: cid(), expenseId: target.id }, bob.token)
      } else if (kind === 2) {
        // a new amount and description, still matching; or the member taken out of it
        const e = { ...target.e, amount: 800, paidBy: { [annM]: 800 }, ...(step % 4 === 2 ? { split: { mode: 'equal' as const, members: [annM, bobM] } } : {}) }
        await h.api.ok('editExpense', { groupId, clientId: cid(), expense: e, description: `旅行 edited ${step}` }, bob.token)
      } else if (kind === 4) {
        dateMoved.add(target.id)
        await h.api.ok('editExpense', { groupId, clientId: cid(), expense: target.e, date: day() }, bob.token)
      } else {
        await h.api.ok('editExpense', { groupId, clientId: cid(), expense: target.e, category: 'food' }, bob.token)
      }
      version++
    }

    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    let step = 0
    do {
      const at: string | null = cursor
      // the other client writes between the pages, and once more at the same time as the page is read
      await write(step++)
      const [page]: [Page, void] = await Promise.all([h.api.ok('listExpenses', { groupId, limit: 3, ...f, ...(at ? { cursor: at } : {}) }, ann.token), write(step++)])
      expect(page.items.length).toBeLessThanOrEqual(3)
      seen.push(...page.items.map((x) => x.id))
      cursor = page.nextCursor
      pages++
    } while (cursor && pages < 200)
    expect(cursor).toBeNull()
    expect(version).toBeGreaterThan(15)
    expect(pages).toBeGreaterThan(8)

    const count = new Map<string, number>()
    for (const id of seen) count.set(id, (count.get(id) ?? 0) + 1)
    const untouched = before.filter((b) => !touched.has(b.id))
    expect(untouched.length).toBeGreaterThan(15)
    for (const b of untouched) expect({ id: b.id, times: count.get(b.id) ?? 0 }).toEqual({ id: b.id, times: 1 })
    // no id twice; only an expense whose date was edited may come again (it moved behind the cursor)
    const repeated = [...count].filter(([, times]) => times > 1).map(([id]) => id)
    for (const id of repeated) expect(dateMoved.has(id)).toBe(true)
    expect(seen.filter((id) => !dateMoved.has(id)).length).toBe(new Set(seen.filter((id) => !dateMoved.has(id))).size)
    // what came back is in the order of the list: date, then seq, newest first, page after page (the untouched among them)
    const dateOf = new Map(before.map((b) => [b.id, b.date]))
    const untouchedSeen = seen.filter((id) => untouched.some((b) => b.id === id))
    const idx = new Map(initial.map((id, i) => [id, i]))
    for (let i = 1; i < untouchedSeen.length; i++) {
      expect(idx.get(untouchedSeen[i])!).toBeGreaterThan(idx.get(untouchedSeen[i - 1])!)
      expect(dateOf.get(untouchedSeen[i])! <= dateOf.get(untouchedSeen[i - 1])!).toBe(true)
    }
  })
})
