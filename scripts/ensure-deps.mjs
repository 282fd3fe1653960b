#!/usr/bin/env node
/**
 * Makes a fresh clone ready, so the README's two commands need nothing before them.
 *   node scripts/ensure-deps.mjs            npm ci when node_modules is missing or older than package-lock.json
 *   node scripts/ensure-deps.mjs --system   also Debian's postgresql and chromium (apt-get, as root), for test:all
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })

const stamp = path.join(root, 'node_modules', '.package-lock.json')
const lock = path.join(root, 'package-lock.json')
if (!fs.existsSync(stamp) || fs.statSync(stamp).mtimeMs < fs.statSync(lock).mtimeMs) {
  console.log('[setup] installing npm dependencies (npm ci)')
  try {
    execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] })
  } catch {
    // @tarojs/binding lists optional per-OS packages that are not all published; npm ci then reports them
    // "missing from lock file". npm install resolves the same locked versions and skips them.
    console.log('[setup] npm ci refused the lock file; installing the locked versions with npm install')
    run('npm install --no-audit --no-fund')
  }
}

if (process.argv.includes('--system')) {
  const pgInstalled = fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`))
  const missing = [
    !pgInstalled && 'postgresql',
    !fs.existsSync('/usr/bin/chromium') && 'chromium',
    !fs.existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') && 'fonts-noto-cjk',
    // group emoji in the screenshots Chromium takes
    !fs.existsSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf') && 'fonts-noto-color-emoji'
  ].filter(Boolean)
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) {
      console.error(`[setup] please install: sudo apt-get install -y ${missing.join(' ')}`)
      process.exit(1)
    }
    console.log(`[setup] installing ${missing.join(', ')} (apt-get)`)
    run('apt-get update -qq')
    run(`apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`)
  }
}
