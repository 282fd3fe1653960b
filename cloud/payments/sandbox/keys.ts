/**
 * Keys the sandbox wallet generates at start: it plays WeChat Pay (platform key in the public-key mode,
 * APIv3 key) and Alipay (the Alipay key), and also holds the merchant/app keys the function signs with.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'

export interface KeyPair {
  privateKey: KeyObject
  publicKey: KeyObject
}

export interface SandboxKeys {
  wechat: {
    appId: string
    mchId: string
    merchantSerial: string
    merchant: KeyPair
    publicKeyId: string
    platform: KeyPair
    apiV3Key: string
  }
  alipay: {
    appId: string
    sellerId: string
    app: KeyPair
    platform: KeyPair
  }
}

function rsa(): KeyPair {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
export function randomAlnum(n: number): string {
  return [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join('')
}

export function randomDigits(n: number): string {
  return [...randomBytes(n)].map((b) => String(b % 10)).join('')
}

export function generateSandboxKeys(): SandboxKeys {
  return {
    wechat: {
      appId: 'wxsandbox00000001',
      mchId: '1900000109',
      merchantSerial: randomBytes(20).toString('hex').toUpperCase(),
      merchant: rsa(),
      publicKeyId: `PUB_KEY_ID_01${randomDigits(30)}`,
      platform: rsa(),
      apiV3Key: randomAlnum(32)
    },
    alipay: { appId: '9021000000000001', sellerId: '2088000000000001', app: rsa(), platform: rsa() }
  }
}
