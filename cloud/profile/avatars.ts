/**
 * GET /avatars/<key>: a person's avatar image. The key is random and changes with every new image, so the answer
 * is cached for good; an unknown or removed key is a 404. Images go into `<image>` elements, which cannot send the
 * session token: the key itself is the capability (only the members of a group see it, in the group's members).
 */
import type { RawRoute } from '../routes'

const KEY = /^[0-9a-f]{32}$/
const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]+={0,2})$/

const notFound = { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'No such avatar' }

export const avatarRoute: RawRoute = {
  path: '/avatars/',
  methods: ['GET'],
  async handle(req, services) {
    const key = req.path.slice('/avatars/'.length)
    if (!KEY.test(key)) return notFound
    const res = await services.db.query<{ avatar: string | null }>('SELECT avatar FROM users WHERE avatar_key = $1', [key])
    const image = DATA_URL.exec(res.rows[0]?.avatar ?? '')
    if (!image) return notFound
    return {
      status: 200,
      headers: {
        'content-type': image[1]!,
        'cache-control': 'public, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff'
      },
      body: Buffer.from(image[2]!, 'base64')
    }
  }
}
