import fs from 'node:fs'
import path from 'node:path'

/** Files under `root` whose name ends in `ext` (every file for ''), relative with forward slashes, sorted. */
export function filesOf(root: string, ext = ''): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name)
      if (e.isDirectory()) walk(full)
      else if (e.name.endsWith(ext)) out.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}
