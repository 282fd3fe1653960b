/**
 * WeChat and Alipay: a component's role for screen readers is `aria-role` (their accessibility attributes; the
 * templates carry it through config/aria-plugin.ts).
 */
export function roleProps(role: string): Record<string, string> {
  return { 'aria-role': role }
}
