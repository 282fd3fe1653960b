/**
 * The accessible name of a form control (Input, Switch) on every target: `aria-label`, which WeChat and Alipay read
 * to screen readers, and in the H5 preview the same on the native element Taro's component renders inside itself
 * (`nativeProps`), which is what a browser's screen reader reads. The mini-program templates leave nativeProps out.
 */
export function accessibleName(label: string): { 'aria-label': string; nativeProps: Record<string, string> } {
  return { 'aria-label': label, nativeProps: { 'aria-label': label } }
}
