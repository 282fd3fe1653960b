import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { toolchain } from './toolchain'

// One config for the three targets: weapp, alipay and h5 (the browser preview).
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'splitpay',
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
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
  if (process.env.NODE_ENV === 'development') return merge({}, toolchain, baseConfig, devConfig)
  return merge({}, toolchain, baseConfig, prodConfig)
})
