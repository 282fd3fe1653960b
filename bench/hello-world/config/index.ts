/**
 * The hello-world fixture of bench/launch.ts: the framework's floor, built with the project's own toolchain
 * (config/toolchain.ts: the installed @tarojs packages, the Alipay platform plugin and window keys, the compiler,
 * cache and postcss settings; babel.config.js here mirrors the project's). Built from this folder (cwd) into
 * dist/bench-hello/<target>.
 */
import path from 'node:path'
import { defineConfig } from '@tarojs/cli'
import { createSwcRegister } from '@tarojs/helper'

/** The project's config folder: Taro compiles only this folder's TypeScript on the fly, so register that one too. */
const projectConfig = path.resolve(__dirname, '..', '..', '..', 'config')

export default defineConfig<'webpack5'>(async (merge) => {
  createSwcRegister({ only: [(file: string) => file.startsWith(projectConfig + path.sep)] })
  const { toolchain } = await import('../../../config/toolchain')
  return merge({}, toolchain, {
    projectName: 'bench-hello',
    sourceRoot: 'src',
    outputRoot: `../../dist/bench-hello/${process.env.TARO_ENV}`,
    defineConstants: {},
    copy: { patterns: [], options: {} }
  })
})
