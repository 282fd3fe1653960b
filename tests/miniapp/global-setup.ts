/**
 * Builds both mini-program targets before the miniapp suites run, one after the other (each build takes a
 * core or two): `npx taro build --type weapp`, then `--type alipay`. MINIAPP_SKIP_BUILD=1 reuses dist/ as it is.
 * The builds keep the default API_URL; the harness sends every request to the function it started.
 *
 * dist/ is shared by everything on the machine (watch builds, other test runs), so right after building, the two
 * targets are copied to a private snapshot and the suites read that (MINIAPP_DIST): a build started later cannot
 * change the bundle under a running suite.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { withBuildLock } from '../../scripts/lib/build-lock'

type Target = 'weapp' | 'alipay'

const root = path.resolve(__dirname, '..', '..')
const lockDir = path.join(root, 'dist', '.miniapp-build.lock')
const snapshots = path.join(os.tmpdir(), 'splitpay-miniapp-dist')

export function buildTarget(target: Target): void {
  const started = Date.now()
  const run = spawnSync('npx', ['taro', 'build', '--type', target], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  })
  if (run.status !== 0) {
    const output = `${run.stdout ?? ''}\n${run.stderr ?? ''}`.trim().split('\n').slice(-60).join('\n')
    throw new Error(`npx taro build --type ${target} failed (exit ${run.status ?? run.signal}):\n${output}`)
  }
  process.stdout.write(`  built dist/${target} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}

/** Copies dist/<target> into `into` and checks the copy is a whole bundle: app.js and every page of app.json. */
function snapshot(target: Target, into: string): void {
  const from = path.join(root, 'dist', target)
  const to = path.join(into, target)
  if (!fs.existsSync(path.join(from, 'app.json'))) throw new Error(`dist/${target} is missing: build it with npx taro build --type ${target}`)
  fs.cpSync(from, to, { recursive: true })
  const app = JSON.parse(fs.readFileSync(path.join(to, 'app.json'), 'utf8')) as { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  const pages = [...app.pages, ...(app.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  const missing = ['app', ...pages].filter((p) => !fs.existsSync(path.join(to, `${p}.js`)))
  if (missing.length) throw new Error(`dist/${target} is incomplete (another build running?): no ${missing.join(', ')}`)
}

function cleanOldSnapshots(): void {
  if (!fs.existsSync(snapshots)) return
  for (const entry of fs.readdirSync(snapshots)) {
    const dir = path.join(snapshots, entry)
    if (Date.now() - fs.statSync(dir).mtimeMs > 3_600_000) fs.rmSync(dir, { recursive: true, force: true })
  }
}

export default async function globalSetup(): Promise<void> {
  cleanOldSnapshots()
  const into = path.join(snapshots, `${Date.now()}-${process.pid}`)
  if (process.env.MINIAPP_SKIP_BUILD === '1') {
    snapshot('weapp', into)
    snapshot('alipay', into)
  } else {
    process.stdout.write('\nminiapp: building the mini-program targets\n')
    await withBuildLock(lockDir, () => {
      for (const target of ['weapp', 'alipay'] as const) {
        // a build someone else runs at the same moment can clean dist/<target> under ours: build again once
        for (let attempt = 1; ; attempt++) {
          buildTarget(target)
          try {
            snapshot(target, into)
            break
          } catch (err) {
            if (attempt >= 2) throw err
            process.stdout.write(`  ${(err as Error).message}; building again\n`)
          }
        }
      }
    })
  }
  // read by tests/miniapp/harness/bundle.ts in every test worker
  process.env.MINIAPP_DIST = into
}
