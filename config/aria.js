/**
 * The accessibility attributes WeChat and Alipay read to screen readers (`aria-label`, `aria-role`) on the components
 * the app names things with. Taro 4.2's mini-program templates carry no aria attribute, so the plugin below adds them
 * to the templates (build time) and config/aria-runtime.js to the runtime's component list (so React's props reach
 * the template's data). The H5 build renders them as HTML attributes already.
 */
const ARIA = { 'aria-label': '', 'aria-role': '' }
const ARIA_COMPONENTS = { View: ARIA, Text: ARIA, Button: ARIA, Image: ARIA, Input: ARIA, Switch: ARIA }

module.exports = { ARIA_COMPONENTS }
