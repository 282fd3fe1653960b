/** @jest-environment node */
/**
 * The app checks an expense with the domain's zod-free `checkExpense` (src/domain/check.ts keeps zod out of the
 * mini-program's main package). These tests hold it to the full `validateExpense` (schemas first): the same verdict
 * on random expenses, the same code for each single problem, and the same shares.
 */
import fc from 'fast-check'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { validateExpense, type Expense } from '@/domain'
import { checkExpense } from '@/domain/check'

const members = ['a', 'b', 'c']

function outcome(run: () => unknown): { ok: true; value: unknown } | { ok: false; code: string } {
  try {
    return { ok: true, value: run() }
  } catch (e) {
    return { ok: false, code: String((e as { code?: unknown }).code) }
  }
}

const member = fc.constantFrom('a', 'b', 'c', 'z')
const small = fc.integer({ min: -3000, max: 3000 })
const record = <T>(value: fc.Arbitrary<T>) => fc.dictionary(member, value, { maxKeys: 4 })
const split: fc.Arbitrary<Expense['split']> = fc.oneof(
  fc.record({ mode: fc.constant('equal' as const), members: fc.array(member, { maxLength: 4 }) }),
  fc.record({ mode: fc.constant('shares' as const), shares: record(fc.integer({ min: -1, max: 4 })) }),
  fc.record({ mode: fc.constant('percent' as const), basisPoints: record(fc.constantFrom(0, 2500, 5000, 7500, 10000, 3333, 10001)) }),
  fc.record({ mode: fc.constant('exact' as const), amounts: record(small) }),
  fc.record({ mode: fc.constant('adjust' as const), members: fc.array(member, { maxLength: 4 }), adjustments: record(small) })
)
const expense: fc.Arbitrary<Expense> = fc
  .record({
    amount: fc.oneof(small, fc.constantFrom(1000, -1000, 3000)),
    payers: fc.oneof(fc.constant(null), record(small)),
    split,
    foreign: fc.constantFrom(null, { currency: 'USD', rate: '7.1' }, { currency: 'USD' }, { currency: 'JPY', rate: '0.048' })
  })
  .map(({ amount, payers, split, foreign }) => ({
    id: 'e1',
    amount,
    paidBy: payers ?? { a: amount },
    split,
    ...(foreign ?? {})
  }))

test('random expenses: the app check and validateExpense agree on valid or not, and on the shares', () => {
  let valid = 0
  fc.assert(
    fc.property(expense, (e) => {
      const app = outcome(() => checkExpense(e, members, 'CNY'))
      const domain = outcome(() => {
        validateExpense(e, members, 'CNY')
        // validateExpense returns the parsed expense; the preview's shares are the domain's split of it.
        return checkExpense(e, members, 'CNY')
      })
      expect(app.ok).toBe(domain.ok)
      if (app.ok && domain.ok) {
        valid++
        expect(app.value).toEqual(domain.value)
      }
    }),
    { numRuns: 3000, seed: 20261125 }
  )
  // Both verdicts occur in the sample, so the comparison means something.
  expect(valid).toBeGreaterThan(100)
})

const base: Expense = { id: 'e1', amount: 3000, paidBy: { a: 3000 }, split: { mode: 'equal', members: ['a', 'b', 'c'] } }
const cases: Array<[string, Expense]> = [
  ['UNKNOWN_MEMBER', { ...base, split: { mode: 'equal', members: ['a', 'x'] } }],
  ['UNKNOWN_MEMBER', { ...base, paidBy: { x: 3000 } }],
  ['RATE_REQUIRED', { ...base, currency: 'USD' }],
  ['RATE_INVALID', { ...base, currency: 'USD', rate: '-1' }],
  ['MONEY_ZERO', { ...base, amount: 0, paidBy: { a: 0 } }],
  ['PAYERS_EMPTY', { ...base, paidBy: {} }],
  ['PAYERS_TOTAL', { ...base, paidBy: { a: 1000, b: 1000 } }],
  ['PAYERS_SIGN', { ...base, paidBy: { a: 4000, b: -1000 } }],
  ['SPLIT_EMPTY', { ...base, split: { mode: 'equal', members: [] } }],
  ['DUPLICATE_MEMBER', { ...base, split: { mode: 'equal', members: ['a', 'a'] } }],
  ['SPLIT_SHARES_ZERO', { ...base, split: { mode: 'shares', shares: { a: 0, b: 0 } } }],
  ['SPLIT_SHARES_INVALID', { ...base, split: { mode: 'shares', shares: { a: 1.5 } } }],
  ['SPLIT_PERCENT_TOTAL', { ...base, split: { mode: 'percent', basisPoints: { a: 5000, b: 4000 } } }],
  ['SPLIT_PERCENT_INVALID', { ...base, split: { mode: 'percent', basisPoints: { a: 10001 } } }],
  ['SPLIT_EXACT_TOTAL', { ...base, split: { mode: 'exact', amounts: { a: 1000, b: 1000 } } }],
  ['SPLIT_EXACT_SIGN', { ...base, split: { mode: 'exact', amounts: { a: 4000, b: -1000 } } }],
  ['SPLIT_ADJUST_TOO_LARGE', { ...base, split: { mode: 'adjust', members: ['a', 'b'], adjustments: { a: 5000 } } }]
]

test.each(cases)('one problem, one code: %s', (code, e) => {
  expect(outcome(() => validateExpense(e, members, 'CNY'))).toEqual({ ok: false, code })
  expect(outcome(() => checkExpense(e, members, 'CNY'))).toEqual({ ok: false, code })
})

test('the app code reaches no zod: bundling every page and the app entry pulls nothing from zod or the schemas', async () => {
  const root = path.resolve(__dirname, '../..')
  const pages = ['index', 'group', 'expense', 'group-new', 'join'].map((p) => `src/pages/${p}/index.tsx`)
  const more = ['settle', 'invite', 'me', 'activity'].map((p) => `src/pages/${p}/index.tsx`)
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['src/app.ts', ...pages, ...more],
    bundle: true,
    write: false,
    outdir: 'out',
    metafile: true,
    format: 'esm',
    logLevel: 'silent',
    alias: { '@': path.join(root, 'src') },
    resolveExtensions: ['.weapp.ts', '.weapp.tsx', '.ts', '.tsx', '.js'],
    define: { API_URL: '""', CLOUD_ENV: '""' },
    external: ['@tarojs/*', 'react', 'react/*', 'react-dom', 'zustand', 'zustand/*', 'dayjs', 'dayjs/*'],
    loader: { '.css': 'empty' }
  })
  const inputs = Object.keys(result.metafile.inputs)
  expect(inputs).toEqual(expect.arrayContaining(['src/domain/check.ts', 'src/domain/split/index.ts']))
  // src/api/sizes.ts is the one file of src/api meant for the app: plain numbers, no zod (and it imports nothing)
  expect(inputs.filter((f) => /node_modules\/zod|src\/domain\/(schemas|validate|index)\.ts|src\/api\/(?!sizes\.ts$)/.test(f))).toEqual([])
  if (inputs.includes('src/api/sizes.ts')) expect(fs.readFileSync(path.join(root, 'src/api/sizes.ts'), 'utf8')).not.toMatch(/^import /m)
})
