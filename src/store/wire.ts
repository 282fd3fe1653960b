/** Connects the stores to the services: the client's session token and the offline queue's outcomes. Called once at launch (and by tests). */
import { setTokenSource } from '@/services/api'
import { wireQueue } from './mutations'
import { sessionStore } from './session'

export function wireStores(): void {
  setTokenSource(() => sessionStore.getState().token)
  wireQueue()
}
