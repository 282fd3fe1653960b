/**
 * Crash safety: a child process writing to PGlite on disk is killed with SIGKILL mid-write. After a restart
 * every expense is all-or-nothing (row + activity + idempotency record), versions are consistent, and every
 * acknowledged write is there.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { computeBalances, type Expense } from '../../src/domain'
import { startHarness } from './harness'

jest.setTimeout(180_000)

const root = path.resolve(__dirname, '../..')

function runUntil(dataDir: string, acks: number, extraMs: number): Promise<{ acked: number; groupId: string }> {
  return new Promise((resolve, reject) => {
    // One node process with the tsx loader (the tsx CLI would put the writer in a grandchild the kill misses).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'fixtures/crash-writer.ts'), dataDir], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' }
    })
    let out = ''
    let err = ''
    let killing = false
    child.stdout.on('data', (d) => {
      out += d
      const n = [...out.matchAll(/^ok (\d+)$/gm)].length
      if (!killing && n >= acks) {
        killing = true
        // Let it keep writing a little so the kill lands in the middle of a transaction.
        setTimeout(() => child.kill('SIGKILL'), extraMs)
      }
    })
    child.stderr.on('data', (d) => (err += d))
    // 'close' (not 'exit'): every line the child wrote before dying has been read.
    child.on('close', (code, signal) => {
      const acked = [...out.matchAll(/^ok (\d+)$/gm)].length
      const groupId = /^group (\S+)$/m.exec(out)?.[1]
      if (signal !== 'SIGKILL' || !groupId) reject(new Error(`writer ended with ${code ?? signal}: ${err.slice(0, 2000)}`))
      else resolve({ acked, groupId })
    })
  })
}

test('SIGKILL mid-write leaves no partial expense and keeps every acknowledged one', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-crash-'))
  try {
    const { acked, groupId } = await runUntil(dataDir, 25, 37)
    expect(acked).toBeGreaterThanOrEqual(25)
    const h = await startHarness({ env: { PGLITE_DIR: dataDir } })
    try {
      const q = h.app.db
      const g = await q.query<{ version: unknown; currency: string }>('SELECT version, currency FROM groups WHERE id = $1', [groupId])
      const version = Number(g.rows[0].version)
      const expenses = await q.query<{ id: string; data: Expense; amount: unknown }>('SELECT id, data, amount FROM expenses WHERE group_id = $1', [groupId])
      const acts = await q.query<{ kind: string; version: unknown; data: { expenseId?: string } }>('SELECT kind, version, data FROM activity WHERE group_id = $1 ORDER BY version', [groupId])
      const idem = await q.query<{ client_id: string; result: unknown }>("SELECT client_id, result FROM idempotency WHERE client_id LIKE 'crash_%'")
      // Every acknowledged expense survived; at most the one in flight was added beyond.
      expect(expenses.rows.length).toBeGreaterThanOrEqual(acked)
      expect(expenses.rows.length).toBeLessThanOrEqual(acked + 1)
      // All-or-nothing: each expense has exactly its activity row and its completed idempotency record, and nothing else exists.
      const added = acts.rows.filter((a) => a.kind === 'expense.add').map((a) => a.data.expenseId)
      expect(new Set(added)).toEqual(new Set(expenses.rows.map((e) => e.id)))
      expect(idem.rows).toHaveLength(expenses.rows.length)
      expect(idem.rows.every((r) => r.result !== null)).toBe(true)
      // Versions: 1..version with no gap, one activity row each.
      expect(acts.rows.map((a) => Number(a.version))).toEqual(Array.from({ length: version }, (_, i) => i + 1))
      for (const e of expenses.rows) expect(Number(e.amount)).toBe(e.data.amount)
      const members = await q.query<{ id: string }>('SELECT id FROM members WHERE group_id = $1', [groupId])
      const balances = computeBalances({ members: members.rows.map((m) => m.id), expenses: expenses.rows.map((e) => e.data), payments: [], currency: g.rows[0].currency })
      expect(Object.values(balances).reduce((a, b) => a + b, 0)).toBe(0)
      // And the function keeps working on the recovered data.
      const writer = await h.signIn('Writer')
      const view = await h.api.ok('getGroup', { groupId }, writer.token)
      expect(view.group.version).toBe(version)
      expect(view.group.expenseCount).toBe(expenses.rows.length)
      expect(view.group.balances).toEqual(balances)
      const more = await h.api.call('addExpense', { groupId, clientId: 'after_restart_1', expense: { id: 'e_after_restart', amount: 300, paidBy: { [members.rows[0].id]: 300 }, split: { mode: 'equal', members: members.rows.map((m) => m.id) } }, description: 'After the crash' }, writer.token)
      expect(more.status).toBe(200)
    } finally {
      await h.close()
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}, 120_000)
