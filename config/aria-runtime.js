// The runtime half of config/aria-plugin.ts: the aria attributes join the components' known props.
import { mergeInternalComponents } from '@tarojs/shared'
import { ARIA_COMPONENTS } from './aria'

mergeInternalComponents(ARIA_COMPONENTS)
