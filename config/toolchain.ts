/**
 * How the mini-programs are built, whatever the app: the design width, the Alipay platform plugin and its window
 * keys, React on webpack 5, px to rpx. config/index.ts builds the app with it; bench/hello-world builds the
 * framework's floor with the same (bench/launch.ts compares the two).
 */
import path from 'node:path'
import type { UserConfigExport } from '@tarojs/cli'
import { AlipayWindowPlugin } from './alipay-window'

export const toolchain: UserConfigExport<'webpack5'> = {
  date: '2026-11-25',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  // aria-plugin: aria-label / aria-role in the mini-program templates, for WeChat's and Alipay's screen readers
  plugins: ['@tarojs/plugin-platform-alipay', path.join(__dirname, 'aria-plugin.ts')],
  framework: 'react',
  compiler: { type: 'webpack5', prebundle: { enable: false } },
  cache: { enable: false },
  mini: {
    // Alipay: only the window keys it knows (config/alipay-window.ts)
    webpackChain(chain) {
      if (process.env.TARO_ENV === 'alipay') chain.plugin('alipay-window').use(AlipayWindowPlugin)
    },
    postcss: {
      pxtransform: { enable: true, config: {} },
      cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
    }
  }
}
