/** Builds the H5 preview (dist/h5) when it is missing or older than the sources. */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { withBuildLock } from './build-lock'

const root = path.resolve(__dirname, '..', '..')

function newestMtime(dir: string): number {
  let newest = 0
  if (!fs.existsSync(dir)) return 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs)
  }
  return newest
}

export function h5IsStale(): boolean {
  const index = path.join(root, 'dist', 'h5', 'index.html')
  if (!fs.existsSync(index)) return true
  const built = fs.statSync(index).mtimeMs
  return Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'config'))) > built
}

/** Runs `taro build --type <target>`; resolves when it exits 0. */
export function taroBuild(target: 'h5' | 'weapp' | 'alipay', env: Record<string, string> = {}, opts: { watch?: boolean; quiet?: boolean } = {}) {
  const args = ['taro', 'build', '--type', target, ...(opts.watch ? ['--watch'] : [])]
  const child = spawn('npx', args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
    detached: true
  })
  let output = ''
  child.stdout?.on("data", (d) => (output = (output + d).slice(-8000)))
  child.stderr?.on("data", (d) => (output = (output + d).slice(-8000)))
  const done = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`taro build --type ${target} exited with ${code}\n${output.slice(-4000)}`))))
    child.on('error', reject)
  })
  return { child, done }
}

const lockDir = path.join(root, 'dist', '.h5-build.lock')

export async function ensureH5Build(opts: { quiet?: boolean; force?: boolean } = {}): Promise<boolean> {
  if (!opts.force && !h5IsStale()) return false
  return withBuildLock(lockDir, async () => {
    if (!opts.force && !h5IsStale()) return false // built while we waited
    await taroBuild('h5', {}, { quiet: opts.quiet }).done
    return true
  })
}

/**
 * Builds dist/h5 if needed and copies it to a private folder, so a build started later (another suite, a watch
 * build) cannot change the files under a running server. Returns the folder.
 */
export async function snapshotH5(opts: { quiet?: boolean } = {}): Promise<string> {
  const target = fs.mkdtempSync(path.join(os.tmpdir(), 'splitpay-h5-'))
  await withBuildLock(lockDir, async () => {
    if (h5IsStale()) await taroBuild('h5', {}, { quiet: opts.quiet }).done
    fs.cpSync(path.join(root, 'dist', 'h5'), target, { recursive: true })
  })
  return target
}
