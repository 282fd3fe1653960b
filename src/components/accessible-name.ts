/**
 * Accessible names. Mini-programs read `aria-label` and `aria-role` to screen readers (the templates carry them:
 * config/aria-plugin.ts); the H5 preview reads `aria-label` and `role` (src/platform/role.*).
 */
import { roleProps } from '@/platform/role'

/**
 * The name of a form control (Input, Switch): `aria-label` on the component, and in the H5 preview the same on the
 * native element Taro's component renders inside itself (`nativeProps`), which is what a browser's screen reader reads.
 */
export function accessibleName(label: string): { 'aria-label': string; nativeProps: Record<string, string> } {
  return { 'aria-label': label, nativeProps: { 'aria-label': label } }
}

/** The name and role of something that is not text (an avatar's initial, an amount, an icon that acts). */
export function named(label: string, role: 'img' | 'button' | 'link'): Record<string, string> {
  return { 'aria-label': label, ...roleProps(role) }
}
