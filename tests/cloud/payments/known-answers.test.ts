import { createCipheriv, createSign, createVerify, generateKeyPairSync } from 'node:crypto'
import { AlipaySdk } from 'alipay-sdk'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'
import {
  decryptResource, encryptResource, jsapiPayParams, paySignMessage, readNotifyHeaders, signedHeaders, verifyNotifySignature
} from '../../../cloud/payments/wechat/crypto'
import { notifySignContent, signNotify, verifyNotify } from '../../../cloud/payments/alipay/crypto'
import { fenToYuan, yuanToFen } from '../../../cloud/payments/money'
import { PaymentError } from '../../../cloud/payments/errors'

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (e) {
    return e instanceof PaymentError ? e.code : `not a PaymentError: ${String(e)}`
  }
  return undefined
}

describe('Alipay notify signature (published values from the alipay-sdk test suite)', () => {
  // test/alipay.test.ts of alipay-sdk-nodejs-all, "verify sign should delete sign_type": notifyAlipayPublicKeyV1
  const publicKeyV1 =
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqObrdC7hrgAVM98tK0nv3hSQRGGKT4lBsQjHiGjeYZjOPIPHR5knm2jnnz/YGIXIofVHkA/tAlBAd5DrY7YpvI4tP5EONLtZKC2ghBMx7McI2wRD0xiqzxOQr1FuhZGJ8/AUokBzJrzY+aGX2xcOrxFYRlFilvVLTXg4LWjR1tdPkO6+i7wQZAIVMClPkwVRZEbaERRHlKqTzv2gGv5rDU8gRoe1LeaN+6BlbTqHWkQcNCUNrA8C6l17XAXGKDsm/9TFWwO8EPHHHCaQdjtV5/FdcWIt+L8SR1ss7EXTjYDFtxcKVv9rEoY1lX8T4mX+GbXfZHraG5NCF1+XioL5JwIDAQAB'
  const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${publicKeyV1}\n-----END PUBLIC KEY-----`
  const postData = {
    gmt_create: '2019-08-15 15:56:22',
    charset: 'utf-8',
    seller_email: 'z97-yuquerevenue@service.aliyun.com',
    subject: '语雀空间 500人规模',
    sign: 'QfTb8tqE1BMhS5qAnXtvsF3/jBkEvu9q9en0pdbBUDDjvKycZhQb7h8GDs4FKfi049PynaNuatxSgLb/nLWZpXyyh0LEWdK2S6Ri7nPwrVgOs08zugLO20vOQz44y3ti2Ncm8/wZts1Fr2gZ7pShnVX3d1B50hbsXnObT1r/U8ONNQjWXd0HIul4TG+Q3fm3svmSvFEy0WnzuhcyHPX5Gm4ELNctL6Qd5YniGJFNcc7kopHYtI/XD9YCKCH6Ct02rzUs9i11C9CsadtZn+WhxF26Dqt9sGEFajkJ8cxUTLi8+VCpLHsgPE8P0y095uQcDdK0YjCh4x7wVSov+lrmOQ==',
    buyer_id: '2088102534368455',
    invoice_amount: '0.10',
    notify_id: '2019081500222155624068450559358070',
    fund_bill_list: [{ amount: '0.10', fundChannel: 'ALIPAYACCOUNT' }],
    notify_type: 'trade_status_sync',
    trade_status: 'TRADE_SUCCESS',
    receipt_amount: '0.10',
    buyer_pay_amount: '0.10',
    sign_type: 'RSA2',
    app_id: '2019073166072302',
    seller_id: '2088531891668739',
    gmt_payment: '2019-08-15 15:56:24',
    notify_time: '2019-08-15 15:56:25',
    version: '1.0',
    out_trade_no: '20190815155618536-564-57',
    total_amount: '0.10',
    trade_no: '2019081522001468450512505578',
    auth_app_id: '2019073166072302',
    buyer_logon_id: 'xud***@126.com',
    point_amount: '0.00'
  }

  it('builds the signed content with sign and sign_type removed and keys sorted', () => {
    const content = notifySignContent(postData)
    expect(content.startsWith('app_id=2019073166072302&auth_app_id=2019073166072302&buyer_id=2088102534368455&')).toBe(true)
    expect(content).toContain('&fund_bill_list=[{"amount":"0.10","fundChannel":"ALIPAYACCOUNT"}]&')
    expect(content).not.toContain('sign=')
    expect(content).not.toContain('sign_type=')
    expect(content.endsWith('&trade_status=TRADE_SUCCESS&version=1.0')).toBe(true)
  })

  it('verifies the published notification with our verifier and with the SDK', () => {
    expect(codeOf(() => verifyNotify(postData, publicKeyPem))).toBeUndefined()
    const sdk = new AlipaySdk({ appId: '2019073166072302', privateKey: 'unused', alipayPublicKey: publicKeyV1 })
    expect(sdk.checkNotifySign(postData)).toBe(true)
  })

  it('refuses the published notification once any field or the signature changes', () => {
    expect(codeOf(() => verifyNotify({ ...postData, total_amount: '1000.10' }, publicKeyPem))).toBe('NOTIFY_SIGNATURE')
    expect(codeOf(() => verifyNotify({ ...postData, out_trade_no: 'x' }, publicKeyPem))).toBe('NOTIFY_SIGNATURE')
    const flipped = postData.sign.replace(/^Q/, 'R')
    expect(codeOf(() => verifyNotify({ ...postData, sign: flipped }, publicKeyPem))).toBe('NOTIFY_SIGNATURE')
    expect(codeOf(() => verifyNotify({ ...postData, sign: '' }, publicKeyPem))).toBe('NOTIFY_MALFORMED')
  })

  it('signs notifications that the SDK checkNotifySign accepts (and our verifier accepts the SDK-style ones)', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pub = publicKey.export({ type: 'spki', format: 'pem' }) as string
    const signed = signNotify(
      { app_id: '2021000000000001', notify_id: 'n1', out_trade_no: 'T1', total_amount: '12.30', trade_status: 'TRADE_SUCCESS', subject: '100% 晚饭 a&b=c' },
      privateKey
    )
    const sdk = new AlipaySdk({ appId: '2021000000000001', privateKey: 'unused', alipayPublicKey: pub })
    expect(sdk.checkNotifySignV2(signed)).toBe(true)
    expect(sdk.checkNotifySignV2({ ...signed, total_amount: '12.31' })).toBe(false)
    expect(codeOf(() => verifyNotify(signed, pub))).toBeUndefined()
    // Independently made signature over the documented content string.
    const independent = createSign('RSA-SHA256')
      .update('app_id=2021000000000001&notify_id=n1&out_trade_no=T1&subject=100% 晚饭 a&b=c&total_amount=12.30&trade_status=TRADE_SUCCESS')
      .sign(privateKey, 'base64')
    expect(signed.sign).toBe(independent)
  })
})

describe('WeChat Pay paySign for Taro.requestPayment', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })

  it('builds the message byte-exactly: appId\\ntimeStamp\\nnonceStr\\nprepay_id=...\\n', () => {
    const message = paySignMessage('wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', 'prepay_id=wx201410272009395522657a690389285100')
    expect(Buffer.from(message, 'utf8')).toEqual(
      Buffer.from('wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', 'utf8')
    )
  })

  it('signs with SHA256withRSA so that the plugin Rsa and Node crypto verify it', () => {
    const p = jsapiPayParams('wx8888888888888888', 'wx201410272009395522657a690389285100', privateKey, 1414561699, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS')
    expect(p).toMatchObject({ timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: 'prepay_id=wx201410272009395522657a690389285100', signType: 'RSA' })
    const message = 'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n'
    expect(Rsa.verify(message, p.paySign, publicKey)).toBe(true)
    expect(createVerify('RSA-SHA256').update(message).verify(publicKey, p.paySign, 'base64')).toBe(true)
    // PKCS#1 v1.5 is deterministic: the same message signs to the same bytes with plain Node crypto.
    expect(p.paySign).toBe(createSign('RSA-SHA256').update(message).sign(privateKey, 'base64'))
    expect(Rsa.verify(message.replace('1414561699', '1414561698'), p.paySign, publicKey)).toBe(false)
  })
})

describe('WeChat Pay notifications', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const keys = { PUB_KEY_ID_0114232134912410000000000000: publicKey }
  const now = 1_760_000_000

  it('verifies Wechatpay-Signature over timestamp\\nnonce\\nbody\\n made by the plugin Rsa/Formatter', () => {
    const body = '{"id":"EV-1","resource":{}}'
    const sig = Rsa.sign(Formatter.response(String(now), 'NONCE123', body), privateKey)
    const h = readNotifyHeaders({
      'wechatpay-timestamp': String(now),
      'wechatpay-nonce': 'NONCE123',
      'wechatpay-signature': sig,
      'wechatpay-serial': 'PUB_KEY_ID_0114232134912410000000000000'
    })
    expect(codeOf(() => verifyNotifySignature(h, body, keys, now + 299))).toBeUndefined()
    expect(codeOf(() => verifyNotifySignature(h, body, keys, now + 301))).toBe('NOTIFY_REPLAY')
    expect(codeOf(() => verifyNotifySignature(h, body.replace('EV-1', 'EV-2'), keys, now))).toBe('NOTIFY_SIGNATURE')
    expect(codeOf(() => verifyNotifySignature({ ...h, serial: 'OTHER' }, body, keys, now))).toBe('NOTIFY_UNKNOWN_SERIAL')
    expect(codeOf(() => readNotifyHeaders({ 'wechatpay-timestamp': '1' }))).toBe('NOTIFY_MALFORMED')
  })

  it('our signed headers verify with the plugin Rsa over the plugin Formatter message', () => {
    const body = '{"hello":"世界"}'
    const h = signedHeaders(body, privateKey, 'SERIAL1', now, 'abc')
    expect(Rsa.verify(Formatter.response(h['Wechatpay-Timestamp'], h['Wechatpay-Nonce'], body), h['Wechatpay-Signature'], publicKey)).toBe(true)
  })

  it('AES-256-GCM resources round trip with a 12-byte nonce and associated data', () => {
    const apiV3Key = 'a'.repeat(16) + 'B'.repeat(16)
    const plain = { out_trade_no: 'T1', amount: { total: 1230 } }
    // Made with Node crypto directly, decrypted by ours.
    const nonce = 'abcdefghijkl'
    expect(Buffer.byteLength(nonce)).toBe(12)
    const c = createCipheriv('aes-256-gcm', apiV3Key, nonce).setAAD(Buffer.from('transaction'))
    const ciphertext = Buffer.concat([c.update(JSON.stringify(plain), 'utf8'), c.final(), c.getAuthTag()]).toString('base64')
    expect(decryptResource({ algorithm: 'AEAD_AES_256_GCM', ciphertext, associated_data: 'transaction', nonce }, apiV3Key)).toEqual(plain)
    // Made by the plugin's Aes, decrypted by ours.
    const byPlugin = Aes.AesGcm.encrypt(JSON.stringify(plain), apiV3Key, 'mnopqrstuvwx', 'transaction')
    expect(decryptResource({ algorithm: 'AEAD_AES_256_GCM', ciphertext: byPlugin, associated_data: 'transaction', nonce: 'mnopqrstuvwx' }, apiV3Key)).toEqual(plain)
    // Made by ours, decrypted by the plugin's Aes.
    const r = encryptResource(plain, apiV3Key, 'transaction')
    expect(Buffer.byteLength(r.nonce)).toBe(12)
    expect(JSON.parse(Aes.AesGcm.decrypt(r.ciphertext, apiV3Key, r.nonce, 'transaction'))).toEqual(plain)
    // Wrong associated data, wrong key or a flipped byte are refused.
    expect(codeOf(() => decryptResource({ ...r, associated_data: 'mch_payment' }, apiV3Key))).toBe('NOTIFY_SIGNATURE')
    expect(codeOf(() => decryptResource(r, 'c'.repeat(32)))).toBe('NOTIFY_SIGNATURE')
    const bytes = Buffer.from(r.ciphertext, 'base64')
    bytes[0] ^= 1
    expect(codeOf(() => decryptResource({ ...r, ciphertext: bytes.toString('base64') }, apiV3Key))).toBe('NOTIFY_SIGNATURE')
    expect(codeOf(() => decryptResource({ ...r, algorithm: 'AES-CBC' }, apiV3Key))).toBe('NOTIFY_MALFORMED')
  })
})

describe('amounts at the Alipay edge', () => {
  it('converts fen to yuan strings and back exactly', () => {
    expect(fenToYuan(1)).toBe('0.01')
    expect(fenToYuan(10)).toBe('0.10')
    expect(fenToYuan(1230)).toBe('12.30')
    expect(fenToYuan(100000000)).toBe('1000000.00')
    expect(yuanToFen('12.30')).toBe(1230)
    expect(yuanToFen('12.3')).toBe(1230)
    expect(yuanToFen('12')).toBe(1200)
    expect(yuanToFen('0.01')).toBe(1)
    for (const bad of ['', '1.234', '-1', '1e3', 'abc', '1,00']) expect(codeOf(() => yuanToFen(bad))).toBe('NOTIFY_AMOUNT')
    for (const bad of [0, -1, 1.5]) expect(codeOf(() => fenToYuan(bad))).toBe('NOTIFY_AMOUNT')
  })
})
