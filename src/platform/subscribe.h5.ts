import type { SubscribeAnswers } from './subscribe-types'

/** The browser preview has no platform messages: nothing to ask. */
export async function askToSubscribe(_templateIds: string[]): Promise<SubscribeAnswers> {
  return null
}
