/**
 * A Taro plugin: the mini-program templates and runtime learn the aria attributes of config/aria.js, so an
 * `aria-label` set in the app reaches WeChat's and Alipay's screen readers.
 */
import path from 'node:path'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'
import { ARIA_COMPONENTS } from './aria'

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform: TaroPlatformBase) {
      // H5 has no templates: its components render aria attributes as HTML does
      if (!platform.template) return
      platform.template.mergeComponents(ctx, ARIA_COMPONENTS)
      const runtime = path.join(__dirname, 'aria-runtime.js')
      platform.runtimePath = Array.isArray(platform.runtimePath) ? [...platform.runtimePath, runtime] : [platform.runtimePath, runtime]
    }
  })
}
