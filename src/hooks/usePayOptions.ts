/**
 * Whether I can pay each member of a group in the app (payOptions): the settle page offers the wallet button only
 * where it can work and shows the reason elsewhere. Until it has loaded (or when it cannot, e.g. offline), `payees`
 * is null and the button is offered: createPaymentOrder answers with the same reason if it cannot work.
 */
import { useCallback, useEffect, useState } from 'react'
import type { NotPayable } from '@/api/payments'
import { api } from '@/services/api'

export function usePayOptions(groupId: string, enabled: boolean) {
  const [payees, setPayees] = useState<Record<string, NotPayable | null> | null>(null)
  const reload = useCallback(async () => {
    if (!groupId) return
    const out = await api('payOptions', { groupId })
    setPayees(out.payees)
  }, [groupId])
  useEffect(() => {
    if (enabled) void reload().catch(() => {})
  }, [enabled, reload])
  return { payees, reload }
}
