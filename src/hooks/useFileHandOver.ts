import { useState } from 'react'
import type { FileDelivery } from '@/platform/file-types'
import { deliverFile, deliveryIsPrivate } from '@/platform/file'
import { withConsent } from '@/store/privacy'

export interface ReadyFile {
  name: string
  content: string
}

/**
 * A file the app makes, in two taps: `prepare` fetches it (it can take a moment), `hand` gives it to the person the
 * platform's way (WeChat's file message, Alipay's clipboard after consent, H5's download). The platforms' file and
 * clipboard APIs need a tap of their own, so the second tap is the person's. `onDone` hears how it went.
 */
export function useFileHandOver(onDone: (how: FileDelivery) => void) {
  const [ready, setReady] = useState<ReadyFile | null>(null)
  const [busy, setBusy] = useState(false)

  const prepare = async (make: () => Promise<ReadyFile>) => {
    setBusy(true)
    try {
      setReady(await make())
    } finally {
      setBusy(false)
    }
  }

  const hand = async () => {
    if (!ready) return
    try {
      const deliver = () => deliverFile(ready.name, ready.content)
      const how = deliveryIsPrivate ? await withConsent(deliver) : await deliver()
      if (how) onDone(how)
    } catch {
      // closed the platform's sheet
    }
  }

  return { ready, busy, prepare, hand, reset: () => setReady(null) }
}
