/**
 * createApp: the function with its store, ready to serve. Used by the entries, tests (in-process, port 0),
 * `npm start`, the mini-program harness and the benchmarks.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { actionGroups, buildRegistry, rawRoutes } from './actions'
import type { AnyAction, AppServices } from './actions/types'
import type { IdentityDeps } from './auth/identity'
import { loadConfig, type Config } from './config'
import { createHandler, type Handler } from './handler'
import { createHttpHandler, type HttpOptions } from './entries/http'
import { LedgerCache } from './ledger/cache'
import { Payments } from './payments/service'
import type { RawRoute } from './routes'
import type { Db } from './store/db'
import { messagesEnabled } from './messages/outbox'
import { Messages } from './messages/service'
import { openDb } from './store/open'
import { createBlobs } from './blobs/store'
import { PublicOrigin } from './public-url'
import { startRecurringTimer } from './ledger/recurring'

export interface AppOptions {
  /** postgres://... ; 'memory' for in-memory PGlite; undefined: DATABASE_URL from env, else PGlite in PGLITE_DIR or .data/pglite. */
  databaseUrl?: string
  /** Environment variables (default process.env). */
  env?: Record<string, string | undefined>
  clock?: () => Date
  /** Stubs for the provider calls (WeChat code2Session fetch, Alipay client). */
  identity?: IdentityDeps
  /** PostgreSQL schema to use (created if missing). */
  schema?: string
  /** Extra action groups / raw routes (besides the registered ones). */
  actions?: AnyAction[][]
  routes?: RawRoute[]
}

export interface App {
  handler: Handler
  services: AppServices
  db: Db
  config: Config
  /** A Node http listener serving the function. */
  listener: (req: http.IncomingMessage, res: http.ServerResponse) => void
  /** Starts an HTTP server on `port` (0 = any free port). */
  listen(port?: number, host?: string): Promise<{ server: http.Server; url: string }>
  close(): Promise<void>
}

export async function createApp(opts: AppOptions = {}, httpOpts: HttpOptions = {}): Promise<App> {
  const config = loadConfig(opts.env ?? process.env)
  const databaseUrl = opts.databaseUrl ?? config.DATABASE_URL
  const db = await openDb({ databaseUrl, pgliteDir: config.PGLITE_DIR, schema: opts.schema ?? config.DATABASE_SCHEMA, poolMax: config.DATABASE_POOL_MAX })
  const services = { db, config, clock: opts.clock ?? (() => new Date()), identity: opts.identity ?? {}, cache: new LedgerCache(), blobs: createBlobs(config), origin: new PublicOrigin(config) } as AppServices
  services.payments = new Payments(services)
  services.messages = new Messages(services)
  // messages queued before a stop (or by an instance that froze after answering) go out now; a server with no
  // template configured never queues one, and starts without the query
  if (messagesEnabled(config)) services.messages.kick()
  await services.payments.prepare()
  const handler = createHandler(services, buildRegistry([...actionGroups, ...(opts.actions ?? [])]))
  // Requests still being handled when the app closes finish before the database does.
  const inflight = new Set<Promise<unknown>>()
  const tracked: Handler = {
    services: handler.services,
    actions: handler.actions,
    handle(req) {
      const p = handler.handle(req)
      inflight.add(p)
      void p.finally(() => inflight.delete(p))
      return p
    }
  }
  const listener = createHttpHandler(tracked, { routes: [...rawRoutes, ...(opts.routes ?? [])], ...httpOpts })
  const servers: http.Server[] = []
  // a server that listens is long-running: it makes the due recurring expenses itself (serverless hosts: a timer trigger)
  let recurring: ReturnType<typeof startRecurringTimer> | undefined
  return {
    handler,
    services,
    db,
    config,
    listener,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const server = http.createServer(listener)
        server.keepAliveTimeout = 5000
        server.on('error', reject)
        server.listen(port, host, () => {
          servers.push(server)
          const addr = server.address() as AddressInfo
          const url = `http://${host}:${addr.port}`
          services.payments.listeningOn(url)
          services.origin.listeningOn(url)
          if (!recurring && config.RECURRING_INTERVAL_MS > 0) recurring = startRecurringTimer(services, config.RECURRING_INTERVAL_MS)
          resolve({ server, url })
        })
      })
    },
    async close() {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections?.()
              s.close(() => resolve())
            })
        )
      )
      await recurring?.stop()
      while (inflight.size) await Promise.allSettled([...inflight])
      await services.payments.drain()
      await services.messages.settled()
      await db.close()
    }
  }
}
