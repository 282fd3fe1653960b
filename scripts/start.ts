/**
 * npm start: the cloud function on embedded PGlite (.data/, dev mode, dev sign-in) and the H5 preview from one
 * local server (dist/h5 + /api + payment notify + sandbox wallet), a demo group on first run, and the two
 * mini-program builds (dist/weapp, dist/alipay) kept up to date for the IDEs.
 *
 *   npm start                      everything, until Ctrl-C
 *   npm start -- --once            start, seed, check it answers, print the URLs, stop (START_EXIT_AFTER_READY=1 too)
 *   npm start -- --no-mini         skip the weapp/alipay watchers (START_MINI=0 too)
 *   PORT=8787 HOST=127.0.0.1       where to listen (the mini-programs' API_URL follows; PORT=0 picks a free port)
 *   START_DATA_DIR=.data           where PGlite and the demo marker live
 */
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { createApp } from '../cloud/app'
import { ConfigError } from '../cloud/config'
import { ensureH5Build, taroBuild } from './lib/h5-build'
import { seedDemo, type DemoInfo } from './lib/seed'
import { staticFiles } from './lib/static'

const root = path.resolve(__dirname, '..')
const args = new Set(process.argv.slice(2))
const once = args.has('--once') || process.env.START_EXIT_AFTER_READY === '1'
const withMini = !args.has('--no-mini') && process.env.START_MINI !== '0' && !once
const host = process.env.HOST ?? '127.0.0.1'
const dataDir = path.resolve(root, process.env.START_DATA_DIR ?? '.data')
const demoFile = path.join(dataDir, 'demo.json')

const children: ChildProcess[] = []

function log(line: string) {
  console.log(`[start] ${line}`)
}

async function main() {
  const started = Date.now()
  fs.mkdirSync(dataDir, { recursive: true })
  const env = { SPLITPAY_MODE: 'dev', ...process.env, PGLITE_DIR: process.env.PGLITE_DIR ?? path.join(dataDir, 'pglite') }

  log('building the H5 preview if needed ...')
  const built = await ensureH5Build()
  log(built ? 'H5 preview built (dist/h5)' : 'H5 preview is up to date (dist/h5)')

  const app = await createApp({ env }, { fallback: staticFiles(path.join(root, 'dist', 'h5')) })
  const { url } = await app.listen(process.env.PORT === '0' ? 0 : app.config.PORT, host)
  const apiUrl = `${url}/api`

  let demo: DemoInfo | null = fs.existsSync(demoFile) ? (JSON.parse(fs.readFileSync(demoFile, 'utf8')) as DemoInfo) : null
  if (!demo) {
    demo = await seedDemo(apiUrl)
    fs.writeFileSync(demoFile, JSON.stringify(demo, null, 2))
    log(`seeded the demo group "周末露营" (${demo.groupId})`)
  }

  // Ready check: the page and the function both answer.
  const page = await fetch(`${url}/`)
  const health = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'listGroups', input: {} }) })
  if (!page.ok || health.status !== 401) throw new Error(`not ready: page ${page.status}, api ${health.status}`)

  console.log('')
  console.log(`  H5 preview     ${url}/`)
  console.log(`  Function       ${apiUrl}   (dev mode, PGlite in ${path.relative(root, env.PGLITE_DIR)})`)
  console.log(`  Demo group     sign in as "${demo.owner}", or join: ${url}/#/pages/join/index?token=${demo.inviteToken}`)
  console.log(`  Mini-programs  dist/weapp (WeChat DevTools), dist/alipay (Alipay IDE); API_URL=${apiUrl}`)
  console.log(`  ready in ${((Date.now() - started) / 1000).toFixed(1)} s${once ? '' : '; Ctrl-C stops everything'}`)
  console.log('')

  let stopping = false
  const stop = async (code = 0) => {
    if (stopping) return
    stopping = true
    for (const c of children) {
      if (c.pid && c.exitCode === null) {
        try {
          process.kill(-c.pid, 'SIGTERM')
        } catch {
          // already gone
        }
      }
    }
    await app.close().catch(() => {})
    process.exit(code)
  }

  if (once) return stop(0)

  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))

  if (withMini) {
    const miniEnv = { TARO_APP_API_URL: apiUrl, NODE_ENV: 'development' }
    for (const target of ['weapp', 'alipay'] as const) {
      const { child, done } = taroBuild(target, miniEnv, { watch: true, quiet: true })
      children.push(child)
      log(`watching ${target} -> dist/${target}`)
      done.catch((e) => !stopping && console.error(`[start] ${target} watcher stopped: ${(e as Error).message}`))
    }
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err)
  for (const c of children) if (c.pid) try { process.kill(-c.pid, 'SIGTERM') } catch { /* gone */ }
  process.exit(1)
})
