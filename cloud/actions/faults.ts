/**
 * Errors the app reports (cloud/actions of src/api reportFault): one log line each, under the request's id, which the
 * app shows the person so their report can be matched. Nothing is stored; the request counts against the caller's
 * rate limits like any other, and the app sends at most a few per launch.
 */
import { coreActions as schemas } from '../../src/api/actions'
import { defineAction } from './types'

export const faultActions = [
  defineAction('reportFault', schemas.reportFault, { auth: 'none' }, async (ctx, input) => {
    const line = { request: ctx.requestId, kind: input.kind, platform: input.platform, route: input.route, message: input.message, stack: input.stack?.split('\n').slice(0, 8).join('\n') }
    console.warn(`[splitpay] app fault ${JSON.stringify(line)}`)
    return { requestId: ctx.requestId }
  })
]
