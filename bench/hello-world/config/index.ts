/**
 * The hello-world fixture of bench/launch.ts: the framework's floor, built with the project's own toolchain (the
 * installed @tarojs packages, babel.config.js, the Alipay platform plugin and the Alipay window-key plugin), with
 * the project's compiler and cache settings. Built from this folder (cwd) into dist/bench-hello/<target>.
 */
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import { createSwcRegister } from '@tarojs/helper'

/** The project's config folder: Taro compiles only this folder's TypeScript on the fly, so register that one too. */
const projectConfig = path.resolve(__dirname, '..', '..', '..', 'config')

export default defineConfig<'webpack5'>(async (merge) => {
  createSwcRegister({ only: [(file: string) => file.startsWith(projectConfig + path.sep)] })
  const { AlipayWindowPlugin } = await import('../../../config/alipay-window')
  const config: UserConfigExport<'webpack5'> = {
    projectName: 'bench-hello',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `../../dist/bench-hello/${process.env.TARO_ENV}`,
    plugins: ['@tarojs/plugin-platform-alipay'],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      webpackChain(chain) {
        if (process.env.TARO_ENV === 'alipay') chain.plugin('alipay-window').use(AlipayWindowPlugin)
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  return merge({}, config)
})
