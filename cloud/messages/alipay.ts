/**
 * Alipay's subscribe messages: alipay.open.app.mini.templatemessage.send through alipay-sdk, signed with the
 * mini-program's key (ALIPAY_APP_ID, ALIPAY_PRIVATE_KEY; the answer checked with ALIPAY_PUBLIC_KEY), at
 * ALIPAY_GATEWAY (the real gateway unless set).
 */
import { alipayClient } from '../auth/alipay'
import type { Config } from '../config'

export interface AlipayOutcome {
  ok: boolean
  code: string
  subCode?: string
  message?: string
}

export async function sendAlipayMessage(config: Config, input: { toUserId: string; templateId: string; page: string; data: string }): Promise<AlipayOutcome> {
  const client = await alipayClient({
    appId: config.ALIPAY_APP_ID!,
    privateKey: config.ALIPAY_PRIVATE_KEY!,
    alipayPublicKey: config.ALIPAY_PUBLIC_KEY!,
    gateway: config.ALIPAY_GATEWAY
  })
  const res = await client.exec('alipay.open.app.mini.templatemessage.send', {
    bizContent: { to_user_id: input.toUserId, user_template_id: input.templateId, page: input.page, data: input.data }
  })
  const code = String(res.code ?? '')
  const subCode = (res.subCode ?? res.sub_code) as string | undefined
  return { ok: code === '10000', code, subCode, message: String(res.subMsg ?? res.sub_msg ?? res.msg ?? '') }
}
