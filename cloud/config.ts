/** Configuration from the environment only, validated at start with clear messages. See docs/cloud.md. */
import { z } from 'zod'
import { MessageKind } from '../src/api/messages'

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()))

const intFrom = (def: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return def
      const n = Number(v)
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be an integer from ${min} to ${max}` })
        return z.NEVER
      }
      return n
    })

/** PEM keys are often stored in one line with literal \n: accept both. */
const pem = optionalText.transform((v) => v?.replace(/\\n/g, '\n'))

const MESSAGE_KINDS = MessageKind.options

/** "reminder=ID,expense=ID": a template id per kind of message. */
const templateList = optionalText.transform((v, ctx) => {
  const out: Partial<Record<MessageKind, string>> = {}
  for (const part of (v ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [kind, id] = part.split('=').map((x) => x?.trim())
    if (!kind || !id || !(MESSAGE_KINDS as readonly string[]).includes(kind)) {
      ctx.addIssue({ code: 'custom', message: `template lists are kind=id pairs with kinds ${MESSAGE_KINDS.join(', ')}: ${part}` })
      return z.NEVER
    }
    out[kind as MessageKind] = id
  }
  return out
})

const EnvSchema = z
  .object({
    SPLITPAY_MODE: z.enum(['dev', 'production'], { message: 'SPLITPAY_MODE must be "dev" or "production"' }).default('production'),
    DATABASE_URL: optionalText.refine((v) => v === undefined || v === 'memory' || /^postgres(ql)?:\/\//.test(v), {
      message: 'DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for embedded PGlite)'
    }),
    DATABASE_SCHEMA: optionalText.refine((v) => v === undefined || /^[a-z_][a-z0-9_]*$/.test(v), { message: 'DATABASE_SCHEMA must be a lowercase identifier' }),
    DATABASE_POOL_MAX: intFrom(10, 1, 500),
    PGLITE_DIR: optionalText,
    SESSION_SECRET: optionalText,
    SESSION_TTL_SECONDS: intFrom(7 * 24 * 3600, 60, 90 * 24 * 3600),
    WECHAT_APP_ID: optionalText,
    WECHAT_APP_SECRET: optionalText,
    ALIPAY_APP_ID: optionalText,
    ALIPAY_PRIVATE_KEY: pem,
    ALIPAY_PUBLIC_KEY: pem,
    ALIPAY_GATEWAY: optionalText,
    // Platform messages (docs/messages.md): template ids per kind, "reminder=ID,expense=ID,paid=ID,confirmed=ID"
    WECHAT_TEMPLATES: templateList,
    ALIPAY_TEMPLATES: templateList,
    WECHAT_API_BASE: optionalText.transform((v) => (v ?? 'https://api.weixin.qq.com').replace(/\/+$/, '')),
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
    CORS_ORIGIN: optionalText.transform((v, ctx) => {
      if (v === undefined) return undefined
      const list = v.split(',').map((o) => o.trim()).filter(Boolean)
      for (const o of list) {
        if (o !== '*' && !/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o)) {
          ctx.addIssue({ code: 'custom', message: `CORS_ORIGIN entries are origins like https://example.com (or *): ${o}` })
          return z.NEVER
        }
      }
      return list
    }),
    BODY_TIMEOUT_MS: intFrom(10_000, 100, 120_000),
    // -1: the mode's default (off in dev mode, on in production); 0: off
    RATE_LIMIT_USER: intFrom(-1, -1, 1_000_000),
    RATE_LIMIT_ADDRESS: intFrom(-1, -1, 1_000_000),
    RATE_LIMIT_WINDOW_MS: intFrom(10_000, 1_000, 3_600_000),
    MAX_GROUPS_PER_USER: intFrom(500, 1, 100_000),
    MAX_MEMBERS_PER_GROUP: intFrom(200, 2, 10_000),
    MAX_EXPENSES_PER_GROUP: intFrom(20_000, 1, 1_000_000),
    BODY_LIMIT_BYTES: intFrom(1_048_576, 1024, 20 * 1_048_576),
    // how often a long-running server makes the recurring expenses that are due (docs/cloud.md); 0: never by timer
    RECURRING_INTERVAL_MS: intFrom(600_000, 0, 86_400_000),
    PORT: intFrom(8787, 0, 65535),
    // the function's public origin (https://api.example.com): where its GET routes (receipt photos) are reached
    PUBLIC_URL: optionalText.refine((v) => v === undefined || /^https?:\/\/[^/?#\s]+\/?$/i.test(v), { message: 'PUBLIC_URL must be an origin like https://api.example.com' }),
    // receipt photos in an S3-compatible bucket (Tencent COS, Alibaba OSS, ...) instead of the database (docs/cloud.md "Receipts")
    RECEIPTS_S3_BUCKET: optionalText,
    RECEIPTS_S3_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), { message: 'RECEIPTS_S3_ENDPOINT must be an http(s) URL, e.g. https://cos.ap-guangzhou.myqcloud.com' }),
    RECEIPTS_S3_REGION: optionalText,
    RECEIPTS_S3_ACCESS_KEY_ID: optionalText,
    RECEIPTS_S3_SECRET_ACCESS_KEY: optionalText,
    RECEIPTS_S3_FORCE_PATH_STYLE: optionalText.transform((v, ctx) => {
      if (v === undefined || /^(0|false|no)$/i.test(v)) return false
      if (/^(1|true|yes)$/i.test(v)) return true
      ctx.addIssue({ code: 'custom', message: 'RECEIPTS_S3_FORCE_PATH_STYLE must be true or false' })
      return z.NEVER
    })
  })
  .superRefine((env, ctx) => {
    if (env.SPLITPAY_MODE === 'production') {
      if (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET of at least 32 characters is required in production (e.g. `openssl rand -base64 48`)' })
      if (!env.DATABASE_URL)
        ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'DATABASE_URL (a PostgreSQL server) is required in production; embedded PGlite on disk is for dev only' })
    }
    if (env.SESSION_SECRET && env.SESSION_SECRET.length < 16)
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'SESSION_SECRET must be at least 16 characters (32 in production)' })
    if (Boolean(env.WECHAT_APP_ID) !== Boolean(env.WECHAT_APP_SECRET))
      ctx.addIssue({ code: 'custom', path: ['WECHAT_APP_SECRET'], message: 'set both WECHAT_APP_ID and WECHAT_APP_SECRET, or neither' })
    const s3 = [env.RECEIPTS_S3_BUCKET, env.RECEIPTS_S3_ACCESS_KEY_ID, env.RECEIPTS_S3_SECRET_ACCESS_KEY].filter(Boolean).length
    if (s3 !== 0 && s3 !== 3)
      ctx.addIssue({ code: 'custom', path: ['RECEIPTS_S3_BUCKET'], message: 'set all of RECEIPTS_S3_BUCKET, RECEIPTS_S3_ACCESS_KEY_ID and RECEIPTS_S3_SECRET_ACCESS_KEY, or none' })
    const alipay = [env.ALIPAY_APP_ID, env.ALIPAY_PRIVATE_KEY, env.ALIPAY_PUBLIC_KEY].filter(Boolean).length
    if (alipay !== 0 && alipay !== 3)
      ctx.addIssue({ code: 'custom', path: ['ALIPAY_APP_ID'], message: 'set all of ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY and ALIPAY_PUBLIC_KEY, or none' })
  })

export type Config = z.output<typeof EnvSchema> & {
  /** Origins a browser may call the function from: CORS_ORIGIN, else "*" in dev mode and none in production. */
  corsOrigins: readonly string[]
  /** The raw environment, for optional settings read by other modules (e.g. payments). */
  raw: Readonly<Record<string, string | undefined>>
  /** The effective session secret (a fixed development secret in dev mode when unset). */
  sessionSecret: string
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee docs/cloud.md for every variable.`)
    this.name = 'ConfigError'
  }
}

const DEV_SECRET = 'splitpay-dev-mode-only-session-secret-not-for-production'

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`))
  }
  return {
    ...parsed.data,
    raw: { ...env },
    sessionSecret: parsed.data.SESSION_SECRET ?? DEV_SECRET,
    corsOrigins: parsed.data.CORS_ORIGIN ?? (parsed.data.SPLITPAY_MODE === 'dev' ? ['*'] : []),
    // production defaults: 300 requests a user and 1,000 an address per 10 s window
    RATE_LIMIT_USER: parsed.data.RATE_LIMIT_USER >= 0 ? parsed.data.RATE_LIMIT_USER : parsed.data.SPLITPAY_MODE === 'dev' ? 0 : 300,
    RATE_LIMIT_ADDRESS: parsed.data.RATE_LIMIT_ADDRESS >= 0 ? parsed.data.RATE_LIMIT_ADDRESS : parsed.data.SPLITPAY_MODE === 'dev' ? 0 : 1000
  }
}
