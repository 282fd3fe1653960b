/**
 * WeChat's own compilers on a weapp build: `wcc` (WXML and WXS) and `wcsc` (WXSS), the official Linux binaries
 * that the miniprogram-compiler package ships (the same ones WeChat DevTools and miniprogram-simulate use). Each
 * compiles every file of its kind in the build directory and throws with the compiler's own message on an error.
 */
import wcc from 'miniprogram-compiler/src/wcc'
import wcsc from 'miniprogram-compiler/src/wcsc'
import { filesOf } from '../../../scripts/lib/files'

const MAX_BUFFER = 64 * 1024 * 1024

export { filesOf }

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
