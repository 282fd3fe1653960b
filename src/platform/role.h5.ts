/**
 * H5: a component's role is the HTML `role` attribute (`aria-role` is not an ARIA attribute in a browser), and what
 * acts (a button, a link drawn by a View or Text) can take the keyboard's focus.
 */
export function roleProps(role: string): Record<string, string> {
  return role === 'button' || role === 'link' ? { role, tabindex: '0' } : { role }
}
