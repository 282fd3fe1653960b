/**
 * Local development server: the function on PORT (default 8787), PGlite in .data/ unless DATABASE_URL is
 * set, dev mode (the dev sign-in) unless SPLITPAY_MODE says otherwise.
 *   npm run dev:cloud
 */
import { createApp } from '../app'
import { ConfigError } from '../config'

async function start() {
  const env = { SPLITPAY_MODE: 'dev', ...process.env }
  const app = await createApp({ env })
  const port = app.config.PORT
  const { url } = await app.listen(port, process.env.HOST ?? '127.0.0.1')
  const db = app.db.kind === 'pg' ? 'PostgreSQL' : `PGlite in ${app.config.PGLITE_DIR ?? '.data/pglite'}`
  console.log(`splitpay function (${app.config.SPLITPAY_MODE} mode, ${db}) listening on ${url}/api`)
  const stop = () => {
    app.close().finally(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

start().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err)
  process.exit(1)
})
