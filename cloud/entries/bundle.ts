/**
 * The deployed function (bundled by scripts/build-cloud.ts into dist/cloud/app.js, which dist/cloud/index.js loads):
 *   exports.main     WeChat CloudBase (event { action, input }, OPENID trusted)
 *   exports.handler  HTTP hosts behind an API gateway (Tencent SCF, Alibaba Function Compute)
 *   exports.createApp / createHttpHandler for a plain Node HTTP host.
 * The app (configuration check, database pool, migrations) is created on the first invocation and reused
 * while the instance stays warm.
 */
import { createApp, type App } from '../app'
import { rawRoutes } from '../actions'
import { createCloudbaseMain } from './cloudbase'
import { createGatewayHandler } from './gateway'

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
export { createApp } from '../app'
export { createHttpHandler } from './http'
