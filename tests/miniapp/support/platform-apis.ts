/**
 * The platform APIs each target has stopped maintaining, and a scan of the app's own code for them. Sources: the
 * WeChat mini-program API reference (each marked 停止维护 / no longer returning data, with its replacement) and
 * Alipay's open documentation (superseded APIs). Extend the lists when a platform deprecates another API the app uses.
 */
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { filesOf } from './wechat-compilers'

export const DEPRECATED: Record<'weapp' | 'alipay', Record<string, string>> = {
  weapp: {
    chooseImage: 'chooseMedia (chooseImage is not maintained since base library 2.21.0)',
    chooseVideo: 'chooseMedia',
    getSystemInfoSync: 'getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting (since 2.20.1)',
    getSystemInfo: 'getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting (since 2.20.1)',
    getSystemInfoAsync: 'getWindowInfo, getDeviceInfo, getAppBaseInfo, getSystemSetting, getAppAuthorizeSetting (since 2.20.1)',
    getUserInfo: 'the chooseAvatar button and a nickname input (no real data since 2022-10-25)',
    getUserProfile: 'the chooseAvatar button and a nickname input (no real data since 2022-10-25)'
  },
  alipay: {
    getAuthUserInfo: 'getOpenUserInfo',
    httpRequest: 'request'
  }
}

export interface ApiUse {
  file: string
  line: number
  api: string
  target: 'weapp' | 'alipay'
  instead: string
}

/** Which targets a source file is built into: `x.weapp.ts` only WeChat, `x.alipay.ts` only Alipay, `x.h5.ts` none. */
function targetsOf(file: string): ('weapp' | 'alipay')[] {
  if (/\.weapp\.tsx?$/.test(file)) return ['weapp']
  if (/\.alipay\.tsx?$/.test(file)) return ['alipay']
  if (/\.h5\.tsx?$/.test(file)) return []
  return ['weapp', 'alipay']
}

/**
 * Every use of a deprecated API (`Taro.x`, `wx.x`, `my.x` in the code, not in comments or strings) under `srcDir` in
 * the files a target builds; `wx.` only counts for WeChat, `my.` for Alipay.
 */
export function deprecatedApiUses(srcDir: string): ApiUse[] {
  const uses: ApiUse[] = []
  for (const rel of [...filesOf(srcDir, '.ts'), ...filesOf(srcDir, '.tsx')]) {
    const file = path.join(srcDir, rel)
    const targets = targetsOf(file)
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ['Taro', 'wx', 'my'].includes(node.expression.text)) {
        const ns = node.expression.text
        const api = node.name.text
        for (const target of targets) {
          if ((ns === 'wx' && target !== 'weapp') || (ns === 'my' && target !== 'alipay')) continue
          const instead = DEPRECATED[target][api]
          const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
          if (instead) uses.push({ file: path.relative(srcDir, file), line, api, target, instead })
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return uses
}

/**
 * The rules of a compiled style sheet that pin something to the bottom of the screen (`position: fixed; bottom: 0`,
 * not a full-screen mask) without leaving room for the home indicator (`env(safe-area-inset-bottom)`).
 */
export function bottomBarsWithoutSafeArea(css: string): string[] {
  const rules = [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)]
  return rules
    .filter(([, , body]) => {
      const decl = body!.replace(/\s+/g, '')
      return /position:fixed/.test(decl) && /(^|;)bottom:0(px|rpx)?(;|$)/.test(decl) && !/(^|;)top:0(px|rpx)?(;|$)/.test(decl) && !decl.includes('safe-area-inset-bottom')
    })
    .map(([, selector]) => selector!.trim())
}
