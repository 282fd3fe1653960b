/**
 * WeChat's own compilers on a weapp build: `wcc` (WXML and WXS) and `wcsc` (WXSS), the official Linux binaries
 * that the miniprogram-compiler package ships (the same ones WeChat DevTools and miniprogram-simulate use). Each
 * compiles every file of its kind in the build directory and throws with the compiler's own message on an error.
 */
import fs from 'node:fs'
import path from 'node:path'
import wcc from 'miniprogram-compiler/src/wcc'
import wcsc from 'miniprogram-compiler/src/wcsc'

const MAX_BUFFER = 64 * 1024 * 1024

/** Files under `root` ending in `ext`, relative, with forward slashes. */
export function filesOf(root: string, ext: string): string[] {
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

/** wcc over every .wxml (with every .wxs): the generated template code (`$gwx`). */
export function compileWxml(root: string): string {
  const pages = filesOf(root, '.wxml').map((f) => f.slice(0, -'.wxml'.length))
  return wcc(root, pages, filesOf(root, '.wxs'), { maxBuffer: MAX_BUFFER })
}

/** wcsc over every .wxss: the generated style code per file. */
export function compileWxss(root: string): Record<string, string> {
  const files = filesOf(root, '.wxss').map((f) => f.slice(0, -'.wxss'.length))
  const out = wcsc(root, files, { maxBuffer: MAX_BUFFER })
  if (out instanceof Error) throw out
  return out
}
