/**
 * `npm start` (scripts/start.ts): starts the function on PGlite and the H5 preview from one server, seeds the
 * demo group only on the first run, prints both URLs, and stops cleanly on Ctrl-C (SIGINT).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureH5Build } from '../../scripts/lib/h5-build'
import { root } from './harness'

jest.setTimeout(300_000)

let dataDir: string

beforeAll(async () => {
  await ensureH5Build({ quiet: true }) // start.ts would build it too; building here keeps its timing out of the checks
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-start-'))
}, 300_000)

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function start(extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '', PORT: '0', START_DATA_DIR: dataDir, START_MINI: '0', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => out, exited }
}

async function waitFor(check: () => boolean, ms: number) {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

test('--once: starts, seeds the demo group, answers on both URLs, prints them, and exits 0', async () => {
  const run = start({ START_EXIT_AFTER_READY: '1' })
  const code = await run.exited
  const out = run.output()
  expect({ code, out }).toEqual({ code: 0, out: expect.stringContaining('H5 preview     http://127.0.0.1:') })
  expect(out).toMatch(/Function {7}http:\/\/127\.0\.0\.1:\d+\/api/)
  expect(out).toContain('seeded the demo group')
  expect(out).toMatch(/join: http:\/\/127\.0\.0\.1:\d+\/#\/pages\/join\/index\?token=[\w-]{16,}/)
  expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true)
  expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'demo.json'), 'utf8'))).toMatchObject({ owner: '小明', groupId: expect.any(String) })
})

test('a second run keeps the data and does not seed again; the demo group is there; Ctrl-C stops it cleanly', async () => {
  const run = start({})
  await waitFor(() => /Ctrl-C stops everything/.test(run.output()), 120_000)
  const out = run.output()
  expect(out).not.toContain('seeded the demo group')
  const base = /H5 preview {5}(http:\/\/127\.0\.0\.1:\d+)\//.exec(out)![1]

  // the page is served, and the seeded group is there for its owner
  const page = await fetch(`${base}/`)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<div id="app">')
  const call = async (action: string, input: unknown, token?: string) =>
    (await fetch(`${base}/api`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ action, input }) }).then((r) => r.json())) as { ok: boolean; data: { token: string; items: Array<{ id: string; name: string; expense: { split: { mode: string } } }> } }
  const signIn = await call('signIn', { provider: 'dev', name: '小明' })
  const groups = await call('listGroups', {}, signIn.data.token)
  const demo = groups.data.items.find((g) => g.name === '周末露营')!
  expect(demo).toMatchObject({ memberCount: 4, currency: 'CNY' })
  const expenses = await call('listExpenses', { groupId: demo.id }, signIn.data.token)
  expect(expenses.data.items.map((e) => e.expense.split.mode).sort()).toEqual(['adjust', 'equal', 'equal', 'exact', 'percent', 'shares'])

  run.child.kill('SIGINT')
  const code = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))])
  expect(code).toBe(0)
  await expect(fetch(`${base}/`)).rejects.toThrow()
})
