/**
 * Joining with a code where no link opens the app (the mini-programs): the code is the invite's token, and the
 * invitation a member copies holds it among its words, last (after the inviter's and the group's names, which may
 * hold long Latin words of their own). Whatever a friend pastes (the whole message or the code alone), the last run
 * of token characters long enough to be one is the code.
 */
const TOKEN_RUNS = /[A-Za-z0-9_-]{16,64}/g

export function joinCodeIn(text: string): string | null {
  const runs = text.match(TOKEN_RUNS)
  return runs ? runs[runs.length - 1]! : null
}
