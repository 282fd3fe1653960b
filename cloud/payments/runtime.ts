/**
 * The payment providers of one running function, built from its configuration on first use:
 *   live     merchant credentials present (WECHATPAY_*, ALIPAY_*): the real WeChat Pay / Alipay hosts;
 *   sandbox  dev mode without credentials (or PAYMENTS_SANDBOX=on): both SDKs pointed at the local sandbox
 *            wallet served under /sandbox/ by this function;
 *   off      neither: in-app payment is not offered (direct QR and cash still are).
 * See docs/payments.md for every variable.
 */
import { X509Certificate } from 'node:crypto'
import type { AppServices } from '../actions/types'
import type { AlipayConfig } from './alipay/provider'
import type { SandboxKeys } from './sandbox/keys'
import type { SandboxWallet } from './sandbox/wallet'
import type { PaymentProvider, PayoutWallet } from './types'
import type { WechatPayConfig } from './wechat/provider'

/*
 * The provider SDKs (wechatpay-axios-plugin, alipay-sdk) take ~170 ms to load: they are loaded on the first
 * payment request, not when the function starts.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const load = {
  wechat: () => require('./wechat/provider') as typeof import('./wechat/provider'),
  alipay: () => require('./alipay/provider') as typeof import('./alipay/provider'),
  sandbox: () => require('./sandbox/wallet') as typeof import('./sandbox/wallet'),
  sandboxStore: () => require('./sandbox/store') as typeof import('./sandbox/store'),
  sandboxKeys: () => require('./sandbox/keys') as typeof import('./sandbox/keys')
}
/* eslint-enable @typescript-eslint/no-require-imports */

export type RuntimeServices = Pick<AppServices, 'db' | 'config' | 'clock'>

export interface PaymentsRuntime {
  mode: 'off' | 'live' | 'sandbox'
  publicUrl: string
  providers: Partial<Record<PayoutWallet, PaymentProvider>>
  sandbox?: SandboxWallet
  /** Configuration problems (shown in PAYMENTS_DISABLED errors and logged once). */
  problems: string[]
}

const pemText = (v: string | undefined) => (v && v.trim() ? v.replace(/\\n/g, '\n').trim() : undefined)

function wechatLive(env: Readonly<Record<string, string | undefined>>, problems: string[]): WechatPayConfig | undefined {
  const names = ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL', 'WECHATPAY_PRIVATE_KEY', 'WECHATPAY_APIV3_KEY']
  const set = names.filter((n) => env[n]?.trim())
  if (set.length === 0) return undefined
  if (set.length !== names.length) {
    problems.push(`WeChat Pay: set all of ${names.join(', ')} (missing ${names.filter((n) => !set.includes(n)).join(', ')})`)
    return undefined
  }
  const appId = env.WECHATPAY_APPID?.trim() || env.WECHAT_APP_ID?.trim()
  if (!appId) problems.push('WeChat Pay: WECHAT_APP_ID (the mini-program app id) is required')
  const platformKeys: Record<string, string> = {}
  const publicKey = pemText(env.WECHATPAY_PUBLIC_KEY)
  if (publicKey) {
    const id = env.WECHATPAY_PUBLIC_KEY_ID?.trim()
    if (!id || !id.startsWith('PUB_KEY_ID_')) problems.push('WeChat Pay: WECHATPAY_PUBLIC_KEY_ID ("PUB_KEY_ID_...") is required with WECHATPAY_PUBLIC_KEY')
    else platformKeys[id] = publicKey
  }
  const cert = pemText(env.WECHATPAY_PLATFORM_CERT)
  if (cert) {
    try {
      const serial = env.WECHATPAY_PLATFORM_SERIAL?.trim() || new X509Certificate(cert).serialNumber.toUpperCase()
      platformKeys[serial] = cert
    } catch (e) {
      problems.push(`WeChat Pay: WECHATPAY_PLATFORM_CERT is not a certificate (${(e as Error).message})`)
    }
  }
  if (Object.keys(platformKeys).length === 0) {
    problems.push('WeChat Pay: WECHATPAY_PUBLIC_KEY + WECHATPAY_PUBLIC_KEY_ID, or WECHATPAY_PLATFORM_CERT, is required to verify notifications')
  }
  if (!appId || Object.keys(platformKeys).length === 0) return undefined
  return {
    appId,
    mchId: env.WECHATPAY_MCHID!.trim(),
    serial: env.WECHATPAY_SERIAL!.trim(),
    privateKey: pemText(env.WECHATPAY_PRIVATE_KEY)!,
    apiV3Key: env.WECHATPAY_APIV3_KEY!.trim(),
    platformKeys,
    ...(env.WECHATPAY_BASE_URL?.trim() ? { baseURL: env.WECHATPAY_BASE_URL.trim() } : {}),
    ...(env.WECHATPAY_TRANSFER_SCENE_ID?.trim() ? { transferSceneId: env.WECHATPAY_TRANSFER_SCENE_ID.trim() } : {})
  }
}

function alipayLive(env: Readonly<Record<string, string | undefined>>, problems: string[]): AlipayConfig | undefined {
  if (env.ALIPAY_PAYMENTS?.trim() === 'off') return undefined
  const appId = env.ALIPAY_APP_ID?.trim()
  const privateKey = pemText(env.ALIPAY_PRIVATE_KEY)
  if (!appId || !privateKey) return undefined
  const certs = [pemText(env.ALIPAY_APP_CERT), pemText(env.ALIPAY_PUBLIC_CERT), pemText(env.ALIPAY_ROOT_CERT)]
  const publicKey = pemText(env.ALIPAY_PUBLIC_KEY)
  if (!publicKey && certs.some((c) => !c)) {
    problems.push('Alipay: ALIPAY_PUBLIC_KEY, or all of ALIPAY_APP_CERT, ALIPAY_PUBLIC_CERT and ALIPAY_ROOT_CERT, is required')
    return undefined
  }
  return {
    appId,
    privateKey,
    ...(certs.every(Boolean) ? { appCert: certs[0], alipayPublicCert: certs[1], alipayRootCert: certs[2] } : { alipayPublicKey: publicKey }),
    ...(env.ALIPAY_GATEWAY?.trim() ? { gateway: env.ALIPAY_GATEWAY.trim() } : {})
  }
}

/**
 * Builds the providers from the configuration. `publicUrl` overrides PAYMENTS_PUBLIC_URL (the address actually
 * listened on); `sandboxKeys` loads the sandbox wallet's keys (kept in the database, loaded once by the owner).
 */
export async function buildRuntime(
  services: RuntimeServices,
  opts: { publicUrl?: string; sandboxKeys: () => Promise<SandboxKeys> }
): Promise<PaymentsRuntime> {
  const { config } = services
  const env = config.raw
  const problems: string[] = []
  const publicUrl = (opts.publicUrl ?? env.PAYMENTS_PUBLIC_URL?.trim() ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '')
  const rt: PaymentsRuntime = { mode: 'off', publicUrl, providers: {}, problems }
  // Notification windows are checked against the function's clock.
  const now = () => Math.floor(services.clock().getTime() / 1000)
  const wx = wechatLive(env, problems)
  const ali = alipayLive(env, problems)
  const wantSandbox = sandboxWanted(config, Boolean(wx || ali))
  if (wantSandbox && config.SPLITPAY_MODE !== 'dev') {
    problems.push('PAYMENTS_SANDBOX=on is refused outside dev mode')
  } else if (wantSandbox) {
    // kept in the database: a restart loses no order, and every instance plays the same wallet with the same keys
    const { SandboxWallet } = load.sandbox()
    const sandbox = new SandboxWallet({ store: load.sandboxStore().dbSandboxStore(services.db), keys: await opts.sandboxKeys() })
    rt.mode = 'sandbox'
    rt.sandbox = sandbox
    rt.providers = {
      wechat: new (load.wechat().WechatPayProvider)({ ...sandbox.wechatConfig(publicUrl), now }),
      alipay: new (load.alipay().AlipayProvider)({ ...sandbox.alipayConfig(publicUrl), now })
    }
    return rt
  }
  try {
    if (wx) rt.providers.wechat = new (load.wechat().WechatPayProvider)({ ...wx, now })
  } catch (e) {
    problems.push(`WeChat Pay: ${(e as Error).message}`)
  }
  try {
    if (ali) rt.providers.alipay = new (load.alipay().AlipayProvider)({ ...ali, now })
  } catch (e) {
    problems.push(`Alipay: ${(e as Error).message}`)
  }
  if (rt.providers.wechat || rt.providers.alipay) rt.mode = 'live'
  if (problems.length) console.warn(`[splitpay] payments configuration:\n  - ${problems.join('\n  - ')}`)
  return rt
}

/** Whether this configuration plays the sandbox wallet: PAYMENTS_SANDBOX=on, or dev mode without merchant credentials. */
export function sandboxWanted(config: AppServices['config'], live: boolean): boolean {
  const setting = config.raw.PAYMENTS_SANDBOX?.trim()
  return setting === 'on' || (setting !== 'off' && config.SPLITPAY_MODE === 'dev' && !live)
}

/** The sandbox wallet's keys from the database (stored there by the first instance that needed them). */
export function readSandboxKeys(db: AppServices['db']): Promise<SandboxKeys> {
  return load.sandboxStore().dbSandboxStore(db).keys(() => load.sandboxKeys().generateSandboxKeys())
}
