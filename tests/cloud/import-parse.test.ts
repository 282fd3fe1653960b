/** The import parsers and the re-keying of expenses, without a database (cloud/ledger/import). */
import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { computeBalances, splitExpense, type Expense } from '../../src/domain'
import { ApiError } from '../../cloud/errors'
import { jsonErrorOffset, parseOwnJson } from '../../cloud/ledger/import/own-json'
import { netsOf, rekeyExpense } from '../../cloud/ledger/import/rekey'
import { decimalToMinor, parseSplitwiseCsv, rebuildFromNets, splitwiseCategory } from '../../cloud/ledger/import/splitwise'

const FIXTURE = fs.readFileSync(path.join(__dirname, 'fixtures/splitwise-export.csv'), 'utf8')

/** The ApiError `fn` throws (fails the test when it throws nothing or something else). */
function refusal(fn: () => unknown): ApiError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected a refusal')
}

const lineOf = (err: ApiError) => (err.details as { line: number | null }).line

describe('decimalToMinor', () => {
  test('reads decimals exactly, per currency digits', () => {
    expect(decimalToMinor('12.5', 2)).toBe(1250)
    expect(decimalToMinor('-0.05', 2)).toBe(-5)
    expect(decimalToMinor('+7', 2)).toBe(700)
    expect(decimalToMinor('.5', 2)).toBe(50)
    expect(decimalToMinor('0.1', 2)! + decimalToMinor('0.2', 2)!).toBe(30)
    expect(decimalToMinor('900.00', 0)).toBe(900)
    expect(decimalToMinor('100000000.00', 2)).toBe(10_000_000_000)
  })
  test('refuses what is not an exact amount', () => {
    for (const bad of ['abc', '1e3', '1,000.00', '12.345', '900.5', '.', '-', '100000000.01', 'NaN', '1 2']) {
      expect([bad, decimalToMinor(bad, bad === '900.5' ? 0 : 2)]).toEqual([bad, null])
    }
    expect(decimalToMinor('', 2)).toBeNull()
    expect(decimalToMinor('', 2, true)).toBe(0)
  })
})

describe('rebuildFromNets', () => {
  test('one payer of the whole cost: paid = cost, owed = their share', () => {
    const r = rebuildFromNets(30000, [['a', 20000], ['b', -10000], ['c', -10000]], 's')
    expect(r).toEqual({ paidBy: { a: 30000 }, owed: { a: 10000, b: 10000, c: 10000 } })
  })
  test('a payer who owes nothing, a refund, and a row that moves nobody', () => {
    expect(rebuildFromNets(5000, [['a', 5000], ['b', -5000]], 's')).toEqual({ paidBy: { a: 5000 }, owed: { b: 5000 } })
    expect(rebuildFromNets(-3000, [['a', -2000], ['b', 1000], ['c', 1000]], 's')).toEqual({ paidBy: { a: -3000 }, owed: { a: -1000, b: -1000, c: -1000 } })
    expect(rebuildFromNets(2500, [['a', 0], ['b', 0]], 's')).toBeNull()
  })
  test('refuses nets that no expense of that cost makes', () => {
    expect(() => rebuildFromNets(1000, [['a', 2000], ['b', -2000]], 's')).toThrow(/more than the cost/)
    expect(() => rebuildFromNets(0, [['a', 5], ['b', -5]], 's')).toThrow(/cost is 0/)
  })
  test('property: any expense rebuilt from its nets keeps every net and totals its cost both ways', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100_000), fc.nat(100_000)), { minLength: 1, maxLength: 8 }), fc.boolean(), (people, refund) => {
        const paid = people.map(([p]) => p)
        const owed = people.map(([, o]) => o)
        const diff = paid.reduce((a, b) => a + b, 0) - owed.reduce((a, b) => a + b, 0)
        // make both sides total the same cost: the difference goes to the first person's share or payment
        if (diff > 0) owed[0]! += diff
        else paid[0]! -= diff
        const cost = paid.reduce((a, b) => a + b, 0)
        fc.pre(cost > 0)
        const s = refund ? -1 : 1
        const nets = people.map((_, i) => [`m${i}`, s * (paid[i]! - owed[i]!)] as [string, number])
        const r = rebuildFromNets(s * cost, nets, 'seed')
        if (nets.every(([, n]) => n === 0)) return expect(r).toBeNull()
        expect(r).not.toBeNull()
        const sum = (rec: Record<string, number>) => Object.values(rec).reduce((a, b) => a + b, 0)
        // + 0: a refund of nothing is -0, which equals 0 as money
        expect(sum(r!.paidBy) + 0).toBe(s * cost + 0)
        expect(sum(r!.owed) + 0).toBe(s * cost + 0)
        for (const [k, n] of nets) expect((r!.paidBy[k] ?? 0) - (r!.owed[k] ?? 0) + 0).toBe(n + 0)
        for (const v of [...Object.values(r!.paidBy), ...Object.values(r!.owed)]) expect(v * s).toBeGreaterThanOrEqual(0)
      })
    )
  })
})

describe('parseSplitwiseCsv', () => {
  test('the fixture: BOM, CRLF, quoted commas and quotes, Chinese names, a payment, a self-paid row, the footer', () => {
    const plan = parseSplitwiseCsv(FIXTURE)
    expect(plan.currency).toBe('CNY')
    expect(plan.members.map((m) => m.name)).toEqual(['张伟', '李娜', 'Bob'])
    const byName = (name: string) => plan.members.find((m) => m.name === name)!.key
    expect(plan.balances).toEqual({ [byName('张伟')]: 16483, [byName('李娜')]: -9967, [byName('Bob')]: -6516 })
    expect(plan.expenses.map((e) => [e.line, e.description, e.category, e.date])).toEqual([
      [3, 'Dinner, hotpot', 'food', '2024-03-01'],
      [4, 'Taxi to the airport', 'transport', '2024-03-02'],
      [5, 'Groceries "bulk", shared', 'groceries', '2024-03-03'],
      [6, 'Hotel (two payers)', 'lodging', '2024-03-04']
    ])
    expect(plan.payments).toEqual([expect.objectContaining({ line: 7, from: byName('Bob'), to: byName('张伟'), amount: 10000, method: 'cash' })])
    expect(plan.skipped).toEqual([{ line: 8, reason: expect.stringMatching(/nobody/) }])
    // every rebuilt expense splits exactly, and the plan's rows add up to its balances
    const taxi = plan.expenses[1]!.expense
    expect(taxi.paidBy).toEqual({ [byName('李娜')]: 4550 })
    expect(splitExpense(taxi, 'CNY')).toEqual({ [byName('张伟')]: 1517, [byName('李娜')]: 1517, [byName('Bob')]: 1516 })
    const computed = computeBalances({
      members: plan.members.map((m) => m.key),
      expenses: plan.expenses.map((e) => e.expense),
      payments: plan.payments.map((p, i) => ({ id: `p${i}`, from: p.from, to: p.to, amount: p.amount })),
      currency: 'CNY'
    })
    expect(computed).toEqual(plan.balances)
  })

  const header = 'Date,Description,Category,Cost,Currency,Ann,Bob'
  const file = (...rows: string[]) => [header, ...rows].join('\n')

  test('bad files name their line', () => {
    const cases: Array<[string, string, number, RegExp]> = [
      ['wrong header', 'Date,Desc,Category,Cost,Currency,Ann\n2024-01-01,x,General,1.00,CNY,1.00', 1, /header/],
      ['bad number', file('2024-01-01,a,General,10.00,CNY,5.00,-5.00', '2024-01-02,b,General,10.00,CNY,5.00,-5.00', '2024-01-03,c,General,10.00,CNY,abc,-5.00'), 4, /"abc" is not an amount/],
      ['not summing to zero', file('2024-01-01,a,General,10.00,CNY,5.00,-4.99'), 2, /add up to 1 minor units, not 0/],
      ['unknown currency', file('2024-01-01,a,General,10.00,CNY,5.00,-5.00', '2024-01-02,b,General,10.00,XYZ,5.00,-5.00'), 3, /unknown currency "XYZ"/],
      ['another currency', file('2024-01-01,a,General,10.00,CNY,5.00,-5.00', '2024-01-02,b,General,10.00,USD,5.00,-5.00'), 3, /in USD but the group is in CNY/],
      ['bad date', file('01/02/2024,a,General,10.00,CNY,5.00,-5.00'), 2, /not a date/],
      ['missing field', file('2024-01-01,a,General,10.00,CNY,5.00'), 2, /6 fields, but the header has 7/],
      ['too many decimals', file('2024-01-01,a,General,10.001,CNY,5.00,-5.00'), 2, /"10.001" is not an amount/],
      ['nets over the cost', file('2024-01-01,a,General,1.00,CNY,5.00,-5.00'), 2, /more than the cost/],
      ['a payment of three', 'Date,Description,Category,Cost,Currency,Ann,Bob,Cy\n2024-01-01,p,Payment,5.00,CNY,5.00,-3.00,-2.00', 2, /exactly two people/],
      ['a wrong footer', file('2024-01-01,a,General,10.00,CNY,5.00,-5.00', '', '2024-01-02,Total balance, , ,CNY,5.00,-4.00'), 4, /total balance of Bob/],
      ['unterminated quote', file('2024-01-01,"a,General,10.00,CNY,5.00,-5.00'), 2, /CSV/],
      ['two people of one name', 'Date,Description,Category,Cost,Currency,Ann,Ann\n2024-01-01,a,General,1.00,CNY,1.00,-1.00', 1, /two people are named "Ann"/]
    ]
    for (const [what, text, line, message] of cases) {
      const err = refusal(() => parseSplitwiseCsv(text))
      expect([what, err.code, lineOf(err)]).toEqual([what, 'IMPORT_INVALID', line])
      expect(err.message).toMatch(message)
      expect(err.message).toMatch(new RegExp(`^Line ${line}\\b`))
    }
  })

  test('a description over several lines does not shift the lines after it', () => {
    const err = refusal(() => parseSplitwiseCsv(file('2024-01-01,"one\r\ntwo\r\nthree",General,10.00,CNY,5.00,-5.00', '2024-01-02,b,General,10.00,CNY,5.00,-5.01')))
    expect(lineOf(err)).toBe(5)
  })

  test('the group currency may be given; JPY has no decimals', () => {
    const plan = parseSplitwiseCsv(file('2024-01-01,Ramen,Dining out,1800,JPY,900,-900'), { groupCurrency: 'JPY' })
    expect(plan.currency).toBe('JPY')
    expect(plan.expenses[0]!.expense.amount).toBe(1800)
    expect(refusal(() => parseSplitwiseCsv(file('2024-01-01,Ramen,Dining out,1800,JPY,900,-900'), { groupCurrency: 'CNY' })).code).toBe('IMPORT_INVALID')
  })

  test('categories map onto ours', () => {
    expect(['Dining out', 'Groceries', 'Taxi', 'Hotel', 'Movies', 'General'].map(splitwiseCategory)).toEqual(['food', 'groceries', 'transport', 'lodging', 'fun', 'other'])
  })
})

describe('parseOwnJson', () => {
  const good = {
    group: { id: 'g_1', name: 'Trip', currency: 'CNY', emoji: '🏔️' },
    members: [
      { id: 'm_a', name: 'Ann' },
      { id: 'm_b', name: 'Bob' }
    ],
    expenses: [
      { id: 'e_1', expense: { id: 'e_1', amount: 1001, paidBy: { m_a: 1001 }, split: { mode: 'equal', members: ['m_a', 'm_b'] } }, description: 'Lunch', category: 'food', date: '2024-01-01', deletedAt: null },
      { id: 'e_2', expense: { id: 'e_2', amount: 500, paidBy: { m_b: 500 }, split: { mode: 'equal', members: ['m_a', 'm_b'] } }, description: 'Gone', category: 'food', date: '2024-01-02', deletedAt: '2024-01-03T00:00:00.000Z' }
    ],
    payments: [
      { id: 'p_1', from: 'm_b', to: 'm_a', amount: 100, method: 'cash', status: 'confirmed', createdAt: '2024-01-04T00:00:00.000Z', confirmedAt: '2024-01-04T00:00:00.000Z' },
      { id: 'p_2', from: 'm_b', to: 'm_a', amount: 999, method: 'cash', status: 'pending', createdAt: '2024-01-04T00:00:00.000Z', confirmedAt: null }
    ],
    balances: {} as Record<string, number>
  }
  const shares = splitExpense(good.expenses[0]!.expense as unknown as Expense, 'CNY')
  good.balances = { m_a: 1001 - shares.m_a! - 100, m_b: -shares.m_b! + 100 }

  test('live expenses, confirmed payments, balances checked', () => {
    const plan = parseOwnJson(JSON.stringify(good, null, 2))
    expect(plan).toMatchObject({ format: 'json', name: 'Trip', emoji: '🏔️', currency: 'CNY', members: [{ key: 'm_a', name: 'Ann' }, { key: 'm_b', name: 'Bob' }] })
    expect(plan.expenses.map((e) => e.expense.id)).toEqual(['e_1'])
    expect(plan.payments).toEqual([expect.objectContaining({ from: 'm_b', to: 'm_a', amount: 100 })])
    expect(plan.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/deleted/), expect.stringMatching(/pending/)])
    expect(plan.balances).toEqual(good.balances)
  })

  test('a syntax error names its line', () => {
    const text = JSON.stringify(good, null, 2).replace('"Lunch",', '"Lunch"')
    const expected = text.slice(0, text.indexOf('"Lunch"')).split('\n').length + 1
    const err = refusal(() => parseOwnJson(text))
    expect([err.code, lineOf(err)]).toEqual(['IMPORT_INVALID', expected])
    expect(jsonErrorOffset('{"a": tru}')).toBe(6)
    expect(jsonErrorOffset('[1, 2,]')).toBe(6)
  })

  test('a wrong expense names its line and the money rule', () => {
    const bad = structuredClone(good)
    bad.expenses[0]!.expense.paidBy = { m_a: 1000 }
    const text = JSON.stringify(bad, null, 2)
    const err = refusal(() => parseOwnJson(text))
    expect(err.code).toBe('IMPORT_INVALID')
    expect(err.details).toMatchObject({ path: 'expenses[0]', code: 'PAYERS_TOTAL', line: text.slice(0, text.indexOf('"id": "e_1"')).split('\n').length })
  })

  test('balances that its rows do not add up to: IMPORT_MISMATCH', () => {
    const err = refusal(() => parseOwnJson(JSON.stringify({ ...good, balances: { m_a: good.balances.m_a! + 1, m_b: good.balances.m_b! - 1 } })))
    expect(err.code).toBe('IMPORT_MISMATCH')
    expect(err.details).toMatchObject({ member: 'm_a', expected: good.balances.m_a! + 1, computed: good.balances.m_a })
  })

  test('not an export at all', () => {
    expect(refusal(() => parseOwnJson('{"hello": 1}')).code).toBe('IMPORT_INVALID')
    expect(refusal(() => parseOwnJson(JSON.stringify({ ...good, group: { ...good.group, currency: 'XYZ' } }))).message).toMatch(/unknown currency/)
  })
})

describe('rekeyExpense', () => {
  const map = new Map([
    ['a', 'zz_a'],
    ['b', 'aa_b'],
    ['c', 'mm_c']
  ])
  const mapped = (nets: Map<string, number>) => new Map([...nets].map(([k, v]) => [map.get(k)!, v]))
  let n = 0
  const fresh = () => `e_new${n++}`

  const cases: Expense[] = [
    { id: 'x1', amount: 1000, paidBy: { a: 1000 }, split: { mode: 'equal', members: ['a', 'b', 'c'] } },
    { id: 'x2', amount: 777, paidBy: { b: 700, c: 77 }, split: { mode: 'shares', shares: { a: 1, b: 2, c: 4 } } },
    { id: 'x3', amount: -1001, paidBy: { a: -1001 }, split: { mode: 'adjust', members: ['a', 'b', 'c'], adjustments: { b: -1 } } },
    { id: 'x4', amount: 1201, currency: 'JPY', rate: '0.0485', paidBy: { c: 1201 }, split: { mode: 'equal', members: ['a', 'b', 'c'] } },
    { id: 'x5', amount: 3333, paidBy: { a: 3333 }, split: { mode: 'percent', basisPoints: { a: 3333, b: 3333, c: 3334 } } }
  ]

  test('keeps every member\'s paid - owed, with its own split or as an exact one', () => {
    for (const e of cases) {
      for (const tries of [16, 0]) {
        const { expense, kept } = rekeyExpense(e, map, 'CNY', fresh, tries)
        expect(netsOf(expense, 'CNY')).toEqual(mapped(netsOf(e, 'CNY')))
        expect(expense.id).not.toBe(e.id)
        if (tries === 0) expect([kept, expense.split.mode]).toEqual([false, 'exact'])
        if (kept) expect(expense.split.mode).toBe(e.split.mode)
      }
    }
  })

  test('a foreign-currency expense that must become exact is one in the group currency', () => {
    const { expense } = rekeyExpense(cases[3]!, map, 'CNY', fresh, 0)
    expect(expense.currency).toBeUndefined()
    expect(expense.amount).toBe(5825) // 1201 yen at 0.0485, rounded once
  })
})

describe('any file at all', () => {
  const outcome = (fn: () => unknown): string => {
    try {
      fn()
      return 'ok'
    } catch (err) {
      if (err instanceof ApiError) return err.code
      throw err
    }
  }
  const known = ['ok', 'IMPORT_INVALID', 'IMPORT_MISMATCH', 'QUOTA_MEMBERS']

  test('is read or refused with a stable code, never a fault (random text and edits of the fixture)', () => {
    const edits = fc.tuple(fc.nat(FIXTURE.length), fc.nat(40), fc.string({ unit: 'grapheme', maxLength: 12 }))
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), edits.map(([at, cut, put]) => FIXTURE.slice(0, at) + put + FIXTURE.slice(at + cut))), (text) => {
        expect(known).toContain(outcome(() => parseSplitwiseCsv(text, { maxMembers: 200 })))
        expect(known).toContain(outcome(() => parseOwnJson(text, { maxMembers: 200 })))
      }),
      { numRuns: 400, seed: 4242 }
    )
  })

  test('a JSON file nested deeper than any export is refused without a line', () => {
    const deep = '['.repeat(200_000)
    const err = refusal(() => parseOwnJson(deep))
    expect(err.code).toBe('IMPORT_INVALID')
  })

  test('half a character in a name is stored as a replacement character', () => {
    const plan = parseSplitwiseCsv('Date,Description,Category,Cost,Currency,A\uD800,B\n2024-01-01,x\uDC00y,General,1.00,CNY,1.00,-1.00')
    expect(plan.members[0]!.name).toBe('A\uFFFD')
    expect(plan.expenses[0]!.description).toBe('x\uFFFDy')
  })

  test('more people than a group may have: QUOTA_MEMBERS before the rows are read', () => {
    expect(refusal(() => parseSplitwiseCsv(FIXTURE, { maxMembers: 2 })).code).toBe('QUOTA_MEMBERS')
  })
})
