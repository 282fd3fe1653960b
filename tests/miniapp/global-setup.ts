/**
 * Builds both mini-program targets before the miniapp suites run, one after the other (each build takes a
 * core or two): `npx taro build --type weapp`, then `--type alipay`. MINIAPP_SKIP_BUILD=1 reuses dist/ as it is.
 * The builds keep the default API_URL; the harness sends every request to the function it started.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(__dirname, '..', '..')

export function buildTarget(target: 'weapp' | 'alipay'): void {
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

export default async function globalSetup(): Promise<void> {
  if (process.env.MINIAPP_SKIP_BUILD === '1') return
  process.stdout.write('\nminiapp: building the mini-program targets\n')
  buildTarget('weapp')
  buildTarget('alipay')
}
