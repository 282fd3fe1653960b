/** H5: a component's role is the HTML `role` attribute (`aria-role` is not an ARIA attribute in a browser). */
export function roleProps(role: string): Record<string, string> {
  return { role }
}
