/** Raw HTTP routes of the payments module: provider notifications and the sandbox wallet. */
import type { RawRequest as RouteRequest, RawRoute } from '../routes'
import { handleNotify } from './notify'

const lowerHeaders = (h: RouteRequest['headers']) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]))

export const paymentRoutes: RawRoute[] = [
  {
    path: '/notify/wechat',
    methods: ['POST'],
    handle: (req, services) => handleNotify(services, 'wechat', { headers: lowerHeaders(req.headers), body: req.body.toString('utf8') })
  },
  {
    path: '/notify/alipay',
    methods: ['POST'],
    handle: (req, services) => handleNotify(services, 'alipay', { headers: lowerHeaders(req.headers), body: req.body.toString('utf8') })
  },
  {
    path: '/sandbox/',
    methods: ['GET', 'POST'],
    async handle(req, services) {
      const sandbox = (await services.payments.runtime()).sandbox
      if (!sandbox) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'The sandbox wallet runs only in dev mode' }
      const qs = req.query.toString()
      return sandbox.handle({ method: req.method, url: `${req.path}${qs ? `?${qs}` : ''}`, headers: lowerHeaders(req.headers), body: req.body.toString('utf8') })
    }
  }
]
