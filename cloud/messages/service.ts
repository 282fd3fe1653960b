/**
 * Sends the queued platform messages (message_outbox) after the changes that queued them commit, one drain at a
 * time per instance; rows are claimed with SKIP LOCKED, so several instances never send one message twice. Every
 * answer is kept on its row: sent, or failed with the platform's code. A refusal (WeChat 43101: not subscribed or
 * its one message used) is remembered on the person's consent, so the app asks again at a natural moment.
 */
import type { MessageKind } from '../../src/api/messages'
import type { AppServices } from '../actions/types'
import { sendAlipayMessage } from './alipay'
import { alipayData, wechatData, type MessagePayload } from './templates'
import { callWechat } from './wechat'

interface Row {
  id: string
  user_id: string
  kind: MessageKind
  payload: MessagePayload & { templateId: string; platform: 'wechat' | 'alipay' }
  subject: string
}

const BATCH = 20
/** A message claimed this long ago and never answered is sent again (its instance stopped). */
const RECLAIM_MS = 5 * 60_000

export class Messages {
  private running: Promise<void> | null = null
  private again = false

  constructor(private readonly services: Pick<AppServices, 'db' | 'config' | 'clock'>) {}

  /** Send what is queued, soon (after the current drain, if one is running). */
  kick(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.drain().catch((err) => console.error('[splitpay] message outbox:', (err as Error).message))
      } while (this.again)
    })().finally(() => {
      this.running = null
    })
  }

  /** Resolves when no drain is running (tests, and a graceful stop). */
  async settled(): Promise<void> {
    while (this.running) await this.running
  }

  /** Sends every queued message now. */
  async drain(): Promise<number> {
    let sent = 0
    // a row claimed by an instance that stopped before answering goes back to the queue after a while
    const stale = new Date(this.services.clock().getTime() - RECLAIM_MS).toISOString()
    await this.services.db.query("UPDATE message_outbox SET state = 'queued' WHERE state = 'sending' AND claimed_at < $1", [stale])
    for (;;) {
      const rows = await this.claim()
      if (rows.length === 0) return sent
      for (const row of rows) {
        const outcome = await this.send(row).catch((err: Error) => ({ ok: false, result: `error: ${err.message}`.slice(0, 500), refused: false }))
        await this.services.db.query('UPDATE message_outbox SET state = $2, result = $3, sent_at = $4 WHERE id = $1', [
          row.id,
          outcome.ok ? 'sent' : 'failed',
          outcome.result,
          this.services.clock().toISOString()
        ])
        if (outcome.refused) {
          await this.services.db.query("UPDATE message_consents SET state = 'used', credits = 0, updated_at = $3 WHERE user_id = $1 AND kind = $2", [
            row.user_id,
            row.kind,
            this.services.clock().toISOString()
          ])
        }
        if (outcome.ok) sent++
      }
    }
  }

  private async claim(): Promise<Row[]> {
    const now = this.services.clock()
    const res = await this.services.db.query<Record<string, unknown>>(
      `UPDATE message_outbox o SET state = 'sending', claimed_at = $1
         FROM users u
        WHERE u.id = o.user_id AND o.id IN (SELECT id FROM message_outbox WHERE state = 'queued' ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.user_id, o.kind, o.payload, u.subject`,
      [now.toISOString()]
    )
    return res.rows.map((r) => ({ ...(r as unknown as Row), id: String(r.id), payload: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Row['payload'] }))
  }

  private async send(row: Row): Promise<{ ok: boolean; result: string; refused: boolean }> {
    const { config, db, clock } = this.services
    const p = row.payload
    if (p.platform === 'wechat') {
      const reply = await callWechat(db, config, clock, '/cgi-bin/message/subscribe/send', {
        touser: row.subject,
        template_id: p.templateId,
        page: p.page.replace(/^\//, ''),
        data: wechatData(row.kind, p),
        miniprogram_state: config.WECHAT_MINIPROGRAM_STATE,
        lang: 'zh_CN'
      })
      const code = reply.errcode ?? 0
      return { ok: code === 0, result: code === 0 ? 'ok' : `${code} ${reply.errmsg ?? ''}`.trim(), refused: code === 43101 }
    }
    const [path, query] = p.page.replace(/^\//, '').split('?')
    const out = await sendAlipayMessage(config, {
      toUserId: row.subject,
      templateId: p.templateId,
      page: query ? `${path}?${encodeURIComponent(query)}` : path!,
      data: alipayData(row.kind, p)
    })
    return { ok: out.ok, result: out.ok ? 'ok' : `${out.code} ${out.subCode ?? ''} ${out.message ?? ''}`.trim(), refused: false }
  }
}
