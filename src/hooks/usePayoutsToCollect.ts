/** The payouts waiting for me to collect them (see src/services/payouts.ts for collecting one). */
import { useCallback, useEffect, useState } from 'react'
import type { TransferView } from '@/api/payments'
import { api } from '@/services/api'

/** Transfers paid to `me` whose payout waits for me to collect it. */
function payoutsToCollect(items: TransferView[], me: string): TransferView[] {
  return items.filter((t) => t.to === me && t.payout?.state === 'wait_user_confirm' && !!t.payout.confirm)
}

/** Loads the group's transfers when `enabled` and keeps the ones waiting for me; `reload` asks again. */
export function usePayoutsToCollect(groupId: string, me: string | undefined, enabled: boolean) {
  const [items, setItems] = useState<TransferView[]>([])
  const reload = useCallback(async () => {
    if (!groupId || !me) return
    const out = await api('getTransfers', { groupId })
    setItems(payoutsToCollect(out.items, me))
  }, [groupId, me])
  useEffect(() => {
    if (enabled) void reload().catch(() => {})
  }, [enabled, reload])
  return { items, reload }
}
