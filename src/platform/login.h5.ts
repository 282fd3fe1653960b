import type { SignInCredentials } from './login-types'

/** H5 preview: the local function's dev sign-in, with the display name the person types. */
export const needsName = true

export async function getCredentials(name?: string): Promise<SignInCredentials> {
  return { provider: 'dev', name: (name ?? '').trim() }
}
