import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { AlipayWindowPlugin } from './alipay-window'

// One config for the three targets: weapp, alipay and h5 (the browser preview).
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'splitpay',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-platform-alipay'],
    defineConstants: {
      // The cloud function URL the app talks to (HTTP transport). `npm start` sets it to the local function.
      API_URL: JSON.stringify(process.env.TARO_APP_API_URL ?? 'http://127.0.0.1:8787/api'),
      // WeChat CloudBase environment id; when set, weapp calls the function through Taro.cloud.callFunction.
      CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? '')
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src')
    },
    copy: { patterns: [], options: {} },
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
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
