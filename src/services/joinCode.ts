/**
 * Joining with a code where no link opens the app (the mini-programs): the code is the invite's token, and the
 * invitation a member copies holds it among its words. Whatever a friend pastes (the whole message or the code
 * alone), the first run of token characters long enough to be one is the code.
 */
const TOKEN_RUN = /[A-Za-z0-9_-]{16,64}/

export function joinCodeIn(text: string): string | null {
  return TOKEN_RUN.exec(text)?.[0] ?? null
}
