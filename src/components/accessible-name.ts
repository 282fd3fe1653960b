/**
 * The accessible name of a form control (Input, Switch): `aria-label` on the component, and in the H5 preview the same
 * on the native element Taro's component renders inside itself (`nativeProps`), which is what a browser's screen
 * reader reads. Taro 4.2's mini-program templates carry neither aria attributes nor nativeProps, so in WeChat and
 * Alipay the name does not reach the screen reader yet.
 */
export function accessibleName(label: string): { 'aria-label': string; nativeProps: Record<string, string> } {
  return { 'aria-label': label, nativeProps: { 'aria-label': label } }
}
