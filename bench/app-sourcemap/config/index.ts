/**
 * The project's own build (config/index.ts, src/) with full source maps, into dist/bench-sourcemap/<target>: what
 * bench/deps.ts reads to tell which dependency each byte of the main package comes from. Only the output folder and
 * the source maps differ from `npx taro build --type <target>` (terser's output is the same, plus a
 * sourceMappingURL comment). Built from this folder (cwd).
 */
import path from 'node:path'
import { defineConfig, type ConfigEnv } from '@tarojs/cli'
import { createSwcRegister } from '@tarojs/helper'
import type { IProjectConfig } from '@tarojs/taro/types/compile'

const root = path.resolve(__dirname, '..', '..', '..')
/** The project's config folder: Taro compiles only this folder's TypeScript on the fly, so register that one too. */
const projectConfig = path.join(root, 'config')

export default defineConfig<'webpack5'>(async (merge, env: ConfigEnv) => {
  createSwcRegister({ only: [(file: string) => file.startsWith(projectConfig + path.sep)] })
  const { default: project } = await import('../../../config')
  const base = (await (typeof project === 'function' ? project(merge, env) : project)) as IProjectConfig<'webpack5'>
  const projectChain = base.mini?.webpackChain
  const sourceMaps: IProjectConfig<'webpack5'> = {
    sourceRoot: '../../src',
    outputRoot: `../../dist/bench-sourcemap/${process.env.TARO_ENV}`,
    mini: {
      enableSourceMap: true,
      sourceMapType: 'source-map',
      webpackChain(chain, webpack, placeholder) {
        projectChain?.(chain, webpack, placeholder)
        // webpack's context is the repository, as in the project's build: the same module ids, so the same bytes
        chain.context(root)
        // sources named by their absolute paths (node_modules/<package>/...; see babel.config.js here)
        chain.output.devtoolModuleFilenameTemplate('[absolute-resource-path]')
      }
    }
  }
  return merge({}, base, sourceMaps)
})
