import { useEffect, useState } from 'react'
import { confirmedFromActivity, type ConfirmedPayment } from '@/selectors/tracker'
import { api } from '@/services/api'

/** Loads the latest confirmed payments of a group when `enabled` (the settle tab is open); reloads on version change. */
export function useConfirmedPayments(groupId: string, enabled: boolean, version?: number): ConfirmedPayment[] {
  const [items, setItems] = useState<ConfirmedPayment[]>([])
  useEffect(() => {
    if (!enabled || !groupId) return
    let live = true
    api('listActivity', { groupId, limit: 100 })
      .then((out) => live && setItems(confirmedFromActivity(out.items)))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [groupId, enabled, version])
  return items
}
