/**
 * H5: a component's role is the HTML `role` attribute (`aria-role` is not an ARIA attribute in a browser), and what
 * acts (a button, a link, an option or a tab drawn by a View or Text) can take the keyboard's focus.
 */
const ACTS = new Set(['button', 'link', 'radio', 'tab', 'checkbox'])

export function roleProps(role: string): Record<string, string> {
  return ACTS.has(role) ? { role, tabindex: '0' } : { role }
}
