/**
 * The alipay build's app.json and page json keep only the window keys Alipay knows. Taro's Alipay plugin maps the
 * WeChat keys it has an equivalent for (navigationBarTitleText -> defaultTitle, navigationBarBackgroundColor ->
 * titleBarColor, enablePullDownRefresh -> pullRefresh) and passes the others through; Alipay has no
 * navigationBarTextStyle or backgroundTextStyle (it picks the title colour itself). A webpack plugin, so the one
 * app config (src/app.config.ts) stays free of per-target branches; tests/miniapp/alipay-rules.test.ts checks it.
 */
import type { Compiler } from 'webpack'
import theme from '../src/theme.json'

/** Window keys of Alipay's app.json / page json (Alipay's 全局配置 and 页面配置 documentation). */
export const ALIPAY_WINDOW_KEYS = [
  'defaultTitle',
  'pullRefresh',
  'allowsBounceVertical',
  'transparentTitle',
  'titlePenetrate',
  'showTitleLoading',
  'titleImage',
  'titleBarColor',
  'backgroundColor',
  'backgroundImageColor',
  'backgroundImageUrl',
  'gestureBack',
  'enableScrollBar',
  'onReachBottomDistance',
  'responsive'
] as const

const known = new Set<string>(ALIPAY_WINDOW_KEYS)

/** app.json keys of WeChat's that Alipay's app.json does not have (removed from the alipay build). */
export const WECHAT_ONLY_APP_KEYS = ['lazyCodeLoading', 'darkmode', 'themeLocation'] as const

/** WeChat's theme variables ('@navBgColor') in a window, replaced with their light values (Alipay has no theme.json). */
function lightColours(window: Record<string, unknown>): void {
  const light = theme.light as Record<string, string>
  for (const [key, value] of Object.entries(window)) {
    if (typeof value === 'string' && value.startsWith('@')) {
      const resolved = light[value.slice(1)]
      if (resolved === undefined) throw new Error(`window.${key}: ${value} is not in src/theme.json`)
      window[key] = resolved
    }
  }
}

/** The window keys of `config` that Alipay does not know, removed (a page json keeps its other keys). */
export function alipayWindow<T extends Record<string, unknown>>(config: T, isApp: boolean): T {
  const out: Record<string, unknown> = { ...config }
  if (isApp) for (const key of WECHAT_ONLY_APP_KEYS) delete out[key]
  const window = (isApp ? out.window : out) as Record<string, unknown> | undefined
  if (!window) return out as T
  lightColours(window)
  const pageKeys = new Set(['usingComponents', 'component', 'styleIsolation', 'options'])
  for (const key of Object.keys(window)) if (!known.has(key) && !(!isApp && pageKeys.has(key))) delete window[key]
  return out as T
}

export class AlipayWindowPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap('AlipayWindowPlugin', (compilation) => {
      const { Compilation, sources } = compiler.webpack
      compilation.hooks.processAssets.tap({ name: 'AlipayWindowPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        compilation.deleteAsset('theme.json')
        for (const name of Object.keys(compilation.assets)) {
          if (!name.endsWith('.json') || name.endsWith('project.json')) continue
          const isApp = name === 'app.json'
          const raw = JSON.parse(compilation.assets[name]!.source().toString()) as Record<string, unknown>
          if (!isApp && !('defaultTitle' in raw || 'usingComponents' in raw)) continue
          compilation.updateAsset(name, new sources.RawSource(JSON.stringify(alipayWindow(raw, isApp))))
        }
      })
    })
  }
}
