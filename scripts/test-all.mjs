#!/usr/bin/env node
/**
 * The whole test suite, in phases, so the heavy suites (the compiled bundles, Chromium) never compete with each other
 * for the machine's cores:
 *   1. typecheck (tsc --noEmit)
 *   2. jest projects domain, app, cloud (PGlite), cloud-postgres (a real PostgreSQL started by its global setup)
 *   3. jest project miniapp (builds dist/weapp and dist/alipay, boots them in Node)
 *   4. jest project e2e (the H5 build in Chromium)
 * Prints every phase's jest summary and a closing line `N passed, N failed`; exits non-zero on any failure.
 * Arguments after `--` go to every jest run. TEST_ALL_SUMMARY=<file> also writes the totals as JSON.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const extra = process.argv.slice(2)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-test-'))
const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() }
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')

const phases = [
  { name: 'typecheck', cmd: [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit'] },
  { name: 'domain, app, cloud, cloud-postgres', projects: ['domain', 'app', 'cloud', 'cloud-postgres'] },
  { name: 'miniapp (compiled weapp and alipay bundles)', projects: ['miniapp'] },
  { name: 'e2e (H5 in Chromium)', projects: ['e2e'] }
]

let passed = 0
let failed = 0
const lines = []
for (const [i, phase] of phases.entries()) {
  console.log(`\n=== ${i + 1}/${phases.length} ${phase.name} ===`)
  const started = Date.now()
  const out = path.join(tmp, `phase-${i}.json`)
  const args = phase.cmd ?? [jest, '--selectProjects', ...phase.projects, '--json', `--outputFile=${out}`, ...extra]
  const run = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  if (phase.cmd) {
    if (run.status !== 0) failed += 1 // a check, not a test: it counts only when it fails
    lines.push(`${phase.name}: ${run.status === 0 ? 'ok' : 'FAILED'} (${seconds} s)`)
    continue
  }
  let result = null
  try {
    result = JSON.parse(fs.readFileSync(out, 'utf8'))
  } catch {
    // jest did not get as far as writing results (a broken config or a crash in global setup)
  }
  const p = result?.numPassedTests ?? 0
  const f = (result?.numFailedTests ?? 0) + (result?.numRuntimeErrorTestSuites ?? 0) + (run.status !== 0 && !(result?.numFailedTests > 0) ? 1 : 0)
  passed += p
  failed += f
  lines.push(`${phase.name}: ${p} passed, ${f} failed (${seconds} s)`)
}

console.log('\n=== summary ===')
for (const line of lines) console.log(line)
if (process.env.TEST_ALL_SUMMARY) fs.writeFileSync(process.env.TEST_ALL_SUMMARY, JSON.stringify({ passed, failed }))
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed > 0 ? 1 : 0)
