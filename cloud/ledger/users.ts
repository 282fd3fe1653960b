/** Users: find or create by (provider, subject); profile updates; the user view. */
import type { UserView } from '../../src/api'
import type { Queryable } from '../store/db'
import { toIso } from '../store/convert'
import { newId } from './ids'

export interface UserRow {
  id: string
  provider: string
  subject: string
  name: string
  wallet: 'wechat' | 'alipay' | 'cash'
  qr_image: string | null
  locale: UserView['locale']
  /** False while the name is the platform's default (the app asks for one). */
  name_chosen: boolean
  /** The key the avatar is served under (GET /avatars/<key>); null: no avatar. */
  avatar_key: string | null
  created_at: string
}

const COLS = 'id, provider, subject, name, wallet, qr_image, locale, name_chosen, avatar_key, created_at'

/** The query of one user by id ($1), for statements that load the caller along with something else. */
export const USER_BY_ID = `SELECT ${COLS} FROM users WHERE id = $1`

/** The user in a result row (its COLS; any other column the statement returned alongside is left out). */
export function userRow(r: Record<string, unknown>): UserRow {
  return {
    id: r.id as string,
    provider: r.provider as string,
    subject: r.subject as string,
    name: r.name as string,
    wallet: r.wallet as UserRow['wallet'],
    qr_image: r.qr_image as string | null,
    locale: r.locale as UserRow['locale'],
    name_chosen: r.name_chosen as boolean,
    avatar_key: r.avatar_key as string | null,
    created_at: toIso(r.created_at)
  }
}

export async function findUser(q: Queryable, id: string): Promise<UserRow | null> {
  const res = await q.query<Record<string, unknown>>(USER_BY_ID, [id])
  return res.rows[0] ? userRow(res.rows[0]) : null
}

/** Users by id (those that exist), e.g. a group's members' users in one query. */
export async function findUsers(q: Queryable, ids: string[]): Promise<Map<string, UserRow>> {
  if (ids.length === 0) return new Map()
  const res = await q.query<Record<string, unknown>>(`SELECT ${COLS} FROM users WHERE id = ANY($1::text[])`, [ids])
  return new Map(res.rows.map((r) => [r.id as string, userRow(r)]))
}

/** The name a sign-in without one gets (the app then asks for a real one: `name_chosen` stays false). */
export const DEFAULT_NAME = { wechat: '微信用户', alipay: '支付宝用户', dev: 'Dev' } as const

/** The user for a verified identity, created on first sign-in (safe under concurrent first sign-ins). */
export async function upsertUser(
  q: Queryable,
  identity: { provider: string; subject: string; sessionKey?: string },
  defaults: { name: string; wallet: 'wechat' | 'alipay' | 'cash'; nameChosen: boolean },
  now: Date
): Promise<UserRow> {
  await q.query(
    `INSERT INTO users (id, provider, subject, name, wallet, locale, name_chosen, created_at) VALUES ($1, $2, $3, $4, $5, 'zh-CN', $6, $7)
     ON CONFLICT (provider, subject) DO NOTHING`,
    [newId('u'), identity.provider, identity.subject, defaults.name, defaults.wallet, defaults.nameChosen, now.toISOString()]
  )
  // Each WeChat sign-in replaces the stored session_key (the one WeChat now encrypts this user's data with).
  if (identity.sessionKey) await q.query('UPDATE users SET wechat_session_key = $3 WHERE provider = $1 AND subject = $2', [identity.provider, identity.subject, identity.sessionKey])
  const res = await q.query<Record<string, unknown>>(`SELECT ${COLS} FROM users WHERE provider = $1 AND subject = $2`, [identity.provider, identity.subject])
  return userRow(res.rows[0])
}

export function userView(u: UserRow): UserView {
  return { id: u.id, name: u.name, wallet: u.wallet, hasQr: u.qr_image !== null, locale: u.locale, nameChosen: u.name_chosen, avatar: avatarPath(u.avatar_key) }
}

/** The path an avatar is served under (GET /avatars/<key>), or null. */
export const avatarPath = (key: string | null): string | null => (key ? `/avatars/${key}` : null)

/** The session_key of the user's latest WeChat sign-in (null if they never signed in with WeChat). */
export async function wechatSessionKey(q: Queryable, userId: string): Promise<string | null> {
  const res = await q.query<{ wechat_session_key: string | null }>('SELECT wechat_session_key FROM users WHERE id = $1', [userId])
  return res.rows[0]?.wechat_session_key ?? null
}
