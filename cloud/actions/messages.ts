/**
 * Reminders and notifications: remindTransfers, getNotifySettings, setNotifyPrefs, recordConsent, markSeen.
 */
import { messageActions as api, MessageKind, type NotifySettings } from '../../src/api/messages'
import { ApiError } from '../errors'
import { listMembers, requireMember } from '../ledger/groups'
import { groupPayments } from '../ledger/payments'
import { lastReminders, nextReminderAt } from '../ledger/reminders'
import { deriveState, shownPlan } from '../ledger/state'
import { enqueueMessages, platformOf, templatesOf } from '../messages/outbox'
import type { Queryable } from '../store/db'
import type { Config } from '../config'
import { defineAction } from './types'
import { pages } from '../messages/pages'

async function settingsOf(q: Queryable, config: Config, user: { id: string; provider: string }): Promise<NotifySettings> {
  const platform = platformOf(user.provider)
  const row = (await q.query<{ notify_prefs: unknown }>('SELECT notify_prefs FROM users WHERE id = $1', [user.id])).rows[0]
  const stored = (typeof row?.notify_prefs === 'string' ? JSON.parse(row.notify_prefs) : (row?.notify_prefs ?? {})) as Record<string, boolean>
  const consents = await q.query<{ kind: string; state: 'accept' | 'reject' | 'ban' | 'used'; credits: number }>('SELECT kind, state, credits FROM message_consents WHERE user_id = $1', [user.id])
  return {
    platform,
    templates: templatesOf(config, platform) as Record<string, string>,
    prefs: Object.fromEntries(MessageKind.options.map((k) => [k, stored[k] ?? true])),
    consents: Object.fromEntries(consents.rows.map((c) => [c.kind, { state: c.state, credits: Number(c.credits) }]))
  }
}

export const messageActionList = [
  defineAction('remindTransfers', api.remindTransfers, { mutation: true }, async (ctx, input) => {
    const { group, me } = await requireMember(ctx.q, input.groupId, ctx.user.id, { lock: true })
    const balances = (await deriveState(ctx.q, ctx.cache, group)).balances
    const plan = (await shownPlan(ctx.q, group, balances, await groupPayments(ctx.q, group.id))).filter((t) => t.state === 'open')
    const mayRemind = (t: { to: string }) => me.role === 'organizer' || t.to === me.id
    let targets = plan.filter(mayRemind)
    if (input.transfer) {
      const t = plan.find((p) => p.from === input.transfer!.from && p.to === input.transfer!.to)
      if (!t) throw new ApiError('PAYMENT_NO_TRANSFER', 'There is no open suggested transfer between these members; reload the group')
      if (!mayRemind(t)) throw new ApiError('FORBIDDEN', 'The organizer or the receiver reminds a payer')
      targets = [t]
    }
    const last = new Map((await lastReminders(ctx.q, group.id)).map((r) => [`${r.from}\u0001${r.to}`, r]))
    const reminders = []
    const skipped = []
    for (const t of targets) {
      const prior = last.get(`${t.from}\u0001${t.to}`)
      const nextAt = nextReminderAt(prior, ctx.now)
      if (nextAt) {
        if (input.transfer) throw new ApiError('REMINDER_TOO_SOON', `This transfer was reminded at ${prior!.at}; the next reminder is possible at ${nextAt}`, { nextAt, by: prior!.byName, at: prior!.at })
        skipped.push({ from: t.from, to: t.to, nextAt })
        continue
      }
      await ctx.q.query('INSERT INTO reminders (group_id, from_member, to_member, amount, by_member, at) VALUES ($1, $2, $3, $4, $5, $6)', [
        group.id,
        t.from,
        t.to,
        t.amount,
        me.id,
        ctx.now.toISOString()
      ])
      reminders.push({ from: t.from, to: t.to, amount: t.amount, by: me.id, byName: me.name, at: ctx.now.toISOString() })
    }
    const names = new Map((await listMembers(ctx.q, group.id)).map((m) => [m.id, m.name]))
    let messages = 0
    for (const r of reminders) {
      messages += await enqueueMessages(ctx, 'reminder', [r.from], () => ({
        groupId: group.id,
        groupName: group.name,
        currency: group.currency,
        amount: r.amount,
        subject: names.get(r.to) ?? '',
        actor: me.name,
        page: pages.settleTransfer(group.id, r.from, r.to)
      }))
    }
    return { reminders, skipped, messages }
  }),

  defineAction('getNotifySettings', api.getNotifySettings, {}, async (ctx) => settingsOf(ctx.q, ctx.config, ctx.user)),

  defineAction('setNotifyPrefs', api.setNotifyPrefs, { mutation: true }, async (ctx, input) => {
    await ctx.q.query('UPDATE users SET notify_prefs = notify_prefs || $2::jsonb WHERE id = $1', [ctx.user.id, JSON.stringify(input.prefs)])
    return settingsOf(ctx.q, ctx.config, ctx.user)
  }),

  defineAction('recordConsent', api.recordConsent, { mutation: true }, async (ctx, input) => {
    const templates = templatesOf(ctx.config, platformOf(ctx.user.provider))
    for (const [kind, id] of Object.entries(templates)) {
      const answer = input.results[id]
      // 'filter': the panel left the template out (another with the same title was asked): nothing was answered
      if (!answer || answer === 'filter') continue
      // one-time subscriptions add up: each "accept" allows one more message
      await ctx.q.query(
        `INSERT INTO message_consents (user_id, kind, state, credits, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, kind) DO UPDATE SET state = EXCLUDED.state, credits = CASE WHEN EXCLUDED.state = 'accept' THEN message_consents.credits + 1 ELSE 0 END, updated_at = EXCLUDED.updated_at`,
        [ctx.user.id, kind, answer, answer === 'accept' ? 1 : 0, ctx.now.toISOString()]
      )
    }
    return settingsOf(ctx.q, ctx.config, ctx.user)
  }),

  defineAction('markSeen', api.markSeen, {}, async (ctx, input) => {
    const { group } = await requireMember(ctx.q, input.groupId, ctx.user.id)
    const version = Math.min(input.version, group.version)
    const res = await ctx.q.query<{ version: unknown }>(
      `INSERT INTO group_reads (user_id, group_id, version) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, group_id) DO UPDATE SET version = GREATEST(group_reads.version, EXCLUDED.version) RETURNING version`,
      [ctx.user.id, group.id, version]
    )
    return { groupId: group.id, version: Number(res.rows[0]!.version) }
  })
]
