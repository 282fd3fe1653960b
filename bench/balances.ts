/**
 * One timing of computeBalances over 100,000 expenses and 50 members, in this process: builds the
 * seeded ledger, warms up, times 15 calls and prints {best, median, cpu} in ms as JSON. bench/ledger.ts
 * runs it in several fresh processes and reports the best.
 *
 * The ledger is handed over as JSON text and parsed, as the function gets it from PostgreSQL (jsonb) and the app
 * from the wire: each expense's objects then lie together in memory, as they do in real use, instead of where the
 * generator's many short-lived arrays left them.
 */
import { computeBalances, type Expense } from '../src/domain'
import { seeded } from './seeded'
import { median } from './stats'

/** 100,000 expenses of every kind (equal, shares, percent, exact, adjust, foreign currency, refunds) over 50 members. */
export function bigLedger({ rand, int, pick, sample }: ReturnType<typeof seeded>): { members: string[]; expenses: Expense[] } {
  const members = Array.from({ length: 50 }, (_, i) => `member-${String(i).padStart(2, '0')}`)
  const expenses: Expense[] = []
  for (let i = 0; i < 100_000; i++) {
    const id = `expense-${i}`
    const who = sample(members, rand() < 0.05 ? 50 : int(2, 12))
    const amount = int(1, 500) * (rand() < 0.5 ? 100 : 1) + (rand() < 0.3 ? int(0, 99) : 0)
    const payers = rand() < 0.15 ? sample(who, 2) : [pick(who)]
    const paidBy: Record<string, number> =
      payers.length === 1 ? { [payers[0]!]: amount } : { [payers[0]!]: Math.floor(amount / 2), [payers[1]!]: amount - Math.floor(amount / 2) }
    const kind = rand()
    let expense: Expense
    if (kind < 0.55) expense = { id, amount, paidBy, split: { mode: 'equal', members: who } }
    else if (kind < 0.65) expense = { id, amount, paidBy, split: { mode: 'shares', shares: Object.fromEntries(who.map((m) => [m, int(0, 3) || 1])) } }
    else if (kind < 0.75) {
      const bps = who.map(() => Math.floor(10000 / who.length))
      bps[0]! += 10000 - bps.reduce((a, b) => a + b, 0)
      expense = { id, amount, paidBy, split: { mode: 'percent', basisPoints: Object.fromEntries(who.map((m, k) => [m, bps[k]!])) } }
    } else if (kind < 0.83) {
      const parts = who.map(() => Math.floor(amount / who.length))
      parts[0]! += amount - parts.reduce((a, b) => a + b, 0)
      expense = { id, amount, paidBy, split: { mode: 'exact', amounts: Object.fromEntries(who.map((m, k) => [m, parts[k]!])) } }
    } else if (kind < 0.9) {
      expense = { id, amount, paidBy, split: { mode: 'adjust', members: who, adjustments: { [who[0]!]: Math.floor(amount / (4 * who.length)) } } }
    } else if (kind < 0.95) {
      // JPY in the CNY group
      expense = { id, amount: amount * 10, currency: 'JPY', rate: '0.0485', paidBy: Object.fromEntries(Object.entries(paidBy).map(([m, v]) => [m, v * 10])), split: { mode: 'equal', members: who } }
    } else {
      expense = { id, amount: -amount, paidBy: Object.fromEntries(Object.entries(paidBy).map(([m, v]) => [m, -v])), split: { mode: 'equal', members: who } }
    }
    expenses.push(expense)
  }
  return { members, expenses }
}



if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const ledger = JSON.parse(JSON.stringify({ ...bigLedger(seeded(20261125)), payments: [], currency: 'CNY' })) as Parameters<typeof computeBalances>[0]
  for (let i = 0; i < 3; i++) computeBalances(ledger)
  const wall: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < 15; i++) {
    const used = process.cpuUsage()
    const start = performance.now()
    computeBalances(ledger)
    wall.push(performance.now() - start)
    const spent = process.cpuUsage(used)
    cpu.push((spent.user + spent.system) / 1000)
  }
  console.log(JSON.stringify({ best: Math.min(...wall), median: median(wall), cpu: median(cpu) }))
}
