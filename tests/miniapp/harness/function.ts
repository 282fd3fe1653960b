/**
 * The cloud function started in-process for the harness: createApp on in-memory PGlite, listening on a free
 * loopback port, with the platform account servers played by PlatformAccounts.
 */
import { generateKeyPairSync } from 'node:crypto'
import { createApp, type App } from '../../../cloud/app'
import { PlatformAccounts } from './accounts'
import type { SandboxLike } from './wallet'

export interface LocalFunction {
  app: App
  /** Origin of the server, e.g. http://127.0.0.1:40123 (the API is at /api). */
  origin: string
  accounts: PlatformAccounts
  /** The function's sandbox wallet (dev mode without merchant credentials): WeChat Pay and Alipay played locally. */
  sandbox: SandboxLike | undefined
  /** Calls an action over HTTP like any client (for seeding data and for checks from outside the app). */
  call<T = unknown>(action: string, input: Record<string, unknown>, token?: string): Promise<T>
  close(): Promise<void>
}

function pem(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 })
  return {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  }
}

export async function startFunction(options: { env?: Record<string, string> } = {}): Promise<LocalFunction> {
  const alipayKeys = pem()
  const env: Record<string, string> = {
    SPLITPAY_MODE: 'dev',
    WECHAT_APP_ID: 'wxsandbox00000001',
    WECHAT_APP_SECRET: 'harness-app-secret',
    ALIPAY_APP_ID: '9021000000000001',
    ALIPAY_PRIVATE_KEY: alipayKeys.privateKey,
    ALIPAY_PUBLIC_KEY: alipayKeys.publicKey,
    // the Alipay keys above are for sign-in only: payments run against the function's sandbox wallet
    ALIPAY_PAYMENTS: 'off',
    PAYMENTS_SANDBOX: 'on',
    PAYMENTS_OUTBOX_INTERVAL_MS: '0',
    // platform messages go nowhere from here (a closed local port answers at once); tests/cloud/messages.test.ts
    // runs them against the platforms' fakes
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    ALIPAY_GATEWAY: 'http://127.0.0.1:9/gateway.do',
    ...options.env
  }
  const accounts = new PlatformAccounts(env.WECHAT_APP_ID)
  const app = await createApp({
    databaseUrl: 'memory',
    env,
    identity: { fetch: accounts.wechatFetch, alipay: accounts.alipayClient }
  })
  const { url } = await app.listen(0)
  // notifications and the SDKs' sandbox hosts point at the port we got
  const payments = await app.services.payments.configure({ publicUrl: url })
  const call = async <T>(action: string, input: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await fetch(`${url}/api`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, input })
    })
    const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } }
    if (!body.ok) throw new Error(`${action} failed: ${res.status} ${body.error?.code} ${body.error?.message}`)
    return body.data as T
  }
  return {
    app,
    origin: url,
    accounts,
    sandbox: payments.sandbox,
    call,
    close: () => app.close()
  }
}
