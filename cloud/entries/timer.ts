/**
 * Timer triggers on serverless hosts: the platform calls the function on a schedule, and it makes the recurring
 * expenses that are due (runDueSeries). The events:
 *   WeChat CloudBase and Tencent SCF  { Type: 'Timer', TriggerName, Time, Message }
 *   Alibaba Function Compute          { triggerTime, triggerName, payload }
 * `main` (CloudBase) and `handler` (gateway) recognise them and run the timer; `timer` is the same as an entry of
 * its own. A run is idempotent and only makes what is due, so a forged timer event can do nothing a timer would not.
 */
import type { Handler } from '../handler'
import { runDueSeries, type RunReport } from '../ledger/recurring'

export function isTimerEvent(event: unknown): boolean {
  if (!event || typeof event !== 'object' || Buffer.isBuffer(event)) return false
  const e = event as Record<string, unknown>
  // an HTTP trigger's event is never a timer's
  if ('httpMethod' in e || 'requestContext' in e || 'headers' in e || 'action' in e) return false
  return e.Type === 'Timer' || (typeof e.triggerName === 'string' && typeof e.triggerTime === 'string')
}

export function createTimerHandler(getHandler: () => Promise<Handler>) {
  return async function timer(): Promise<{ ok: true; recurring: RunReport }> {
    const h = await getHandler()
    const recurring = await runDueSeries(h.services)
    console.log(`[splitpay] timer: recurring ${JSON.stringify(recurring)}`)
    return { ok: true, recurring }
  }
}
