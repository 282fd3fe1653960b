/**
 * The deployed function (bundled by scripts/build-cloud.ts into dist/cloud/app.js, which dist/cloud/index.js loads):
 *   exports.main     WeChat CloudBase (event { action, input }, OPENID trusted)
 *   exports.handler  HTTP hosts behind an API gateway (Tencent SCF, Alibaba Function Compute); timer events too
 *   exports.timer    a timer trigger: makes the recurring expenses that are due (main and handler also take timer events)
 *   exports.createApp / createHttpHandler for a plain Node HTTP host.
 * The app (configuration check, database pool, migrations) is created on the first invocation and reused
 * while the instance stays warm.
 */
import { createApp, type App } from '../app'
import { rawRoutes } from '../actions'
import { createCloudbaseMain } from './cloudbase'
import { createGatewayHandler } from './gateway'
import { createTimerHandler } from './timer'

let app: Promise<App> | undefined

function getApp(): Promise<App> {
  if (!app) {
    app = createApp({ env: process.env })
    app.catch(() => {
      app = undefined
    })
  }
  return app
}

const getHandler = async () => (await getApp()).handler

export const main = createCloudbaseMain(getHandler)
export const handler = createGatewayHandler(getHandler, rawRoutes)
/** A timer trigger's own entry (`index.timer`), where the host gives the timer a handler of its own. */
export const timer = createTimerHandler(getHandler)
export { createApp } from '../app'
export { createHttpHandler } from './http'
