/**
 * Links that open a page of the mini-program from outside it (a browser, a text message), made for the platform
 * the person uses: WeChat's URL Link from POST /wxa/generate_urllink (a published mini-program of a company account;
 * valid 30 days); Alipay's documented scheme link, https://ds.alipay.com/?scheme=<alipays://platformapi/startapp?…>,
 * with `page` and `query` each encoded once inside the scheme. Null where there is none.
 */
import type { Config } from '../config'
import type { Db } from '../store/db'
import { callWechat } from './wechat'

const ENV_VERSION = { formal: 'release', trial: 'trial', developer: 'develop' } as const

export async function wechatUrlLink(db: Db, config: Config, now: () => Date, page: string, query: string): Promise<string | null> {
  if (!config.WECHAT_APP_ID) return null
  const reply = await callWechat(db, config, now, '/wxa/generate_urllink', {
    path: page,
    query,
    expire_type: 1,
    expire_interval: 30,
    env_version: ENV_VERSION[config.WECHAT_MINIPROGRAM_STATE]
  })
  if (reply.errcode || typeof reply.url_link !== 'string') {
    // e.g. 85079 (no published version) or 40002 (a personal account cannot make links): the join code stands in
    console.warn(`[splitpay] generate_urllink: ${reply.errcode} ${reply.errmsg ?? ''}`)
    return null
  }
  return reply.url_link
}

export function alipaySchemeLink(config: Config, page: string, query: string): string | null {
  if (!config.ALIPAY_APP_ID) return null
  const scheme = `alipays://platformapi/startapp?appId=${config.ALIPAY_APP_ID}&page=${encodeURIComponent(page)}&query=${encodeURIComponent(query)}`
  return `https://ds.alipay.com/?scheme=${encodeURIComponent(scheme)}`
}
