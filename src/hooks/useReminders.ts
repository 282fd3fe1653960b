import { useState } from 'react'
import type { GroupView } from '@/api/views'
import { formatMoney } from '@/domain/money/format'
import { formatListDate } from '@/i18n/dates'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { api } from '@/services/api'
import { isCallError } from '@/services/errors'
import { newClientId } from '@/services/ids'
import { settlePath } from '@/services/nav'
import { notify, notifyFailure } from '@/services/notify'

/** One suggested transfer (a line of the plan). */
type PlanLine = Pick<GroupView['plan'][number], 'from' | 'to' | 'amount'>

/** A reminder ready to go to the chat: the card's title, the page it opens, and the text to paste instead. */
export interface ReminderCard {
  title: string
  path: string
  text: string
  /** Who it is for (one payer), or null for everyone who still owes. */
  payer: string | null
}

/**
 * Reminding on the group page: one transfer or everyone who still owes. The function records it (one per
 * transfer per 12 hours) and messages those who agreed to it; the card for the chat is always offered, since it
 * needs nobody's permission.
 */
export function useReminders(group: GroupView | undefined, names: Record<string, string>) {
  const { t, locale } = useT()
  const [card, setCard] = useState<ReminderCard | null>(null)
  const loadGroup = useGroups((s) => s.loadGroup)
  // the group view carries the last reminder of each transfer: shown under its line once reloaded
  const reload = () => void (group ? loadGroup(group.id).catch(() => {}) : undefined)
  const [busy, setBusy] = useState(false)

  const failed = (e: unknown) => {
    if (isCallError(e) && e.code === 'REMINDER_TOO_SOON') {
      const d = (e.details ?? {}) as { nextAt?: string; by?: string }
      const hours = d.nextAt ? Math.max(1, Math.ceil((Date.parse(d.nextAt) - Date.now()) / 3600_000)) : 12
      return notify(t('group.remind.tooSoon', { by: d.by ?? '', hours }))
    }
    notifyFailure(e, locale)
  }

  const remindOne = async (line: PlanLine) => {
    if (!group || busy) return
    setBusy(true)
    try {
      const out = await api('remindTransfers', { groupId: group.id, clientId: newClientId(), transfer: { from: line.from, to: line.to } })
      const me = names[group.me] ?? ''
      const amount = formatMoney(line.amount, group.currency, locale)
      const title = t('group.remind.cardTitle', { by: me, amount, to: names[line.to] ?? '?', group: group.name })
      setCard({
        title,
        path: settlePath(group.id, line),
        text: t('group.plan.remindText', { from: names[line.from] ?? '?', to: names[line.to] ?? '?', group: group.name, amount }),
        payer: names[line.from] ?? '?'
      })
      notify(out.messages > 0 ? t('group.remind.messaged', { name: names[line.from] ?? '?' }) : t('group.remind.done', { name: names[line.from] ?? '?' }))
      reload()
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  const remindAll = async () => {
    if (!group || busy) return
    setBusy(true)
    try {
      const out = await api('remindTransfers', { groupId: group.id, clientId: newClientId() })
      if (out.reminders.length === 0) return notify(t('group.remind.allNone'))
      const title = t('group.remind.allTitle', { group: group.name, count: out.reminders.length })
      setCard({ title, path: settlePath(group.id), text: title, payer: null })
      notify(t('group.remind.allDone', { count: out.reminders.length }))
      reload()
    } catch (e) {
      failed(e)
    } finally {
      setBusy(false)
    }
  }

  /** "小明 reminded 3 hours ago" under a transfer that was reminded. */
  const lastReminder = (line: PlanLine): string | null => {
    const r = group?.reminders?.find((x) => x.from === line.from && x.to === line.to)
    return r ? t('group.remind.last', { by: r.byName, when: formatListDate(r.at, locale) }) : null
  }

  return { card, closeCard: () => setCard(null), remindOne, remindAll, lastReminder, busy }
}
