import Taro from '@tarojs/taro'
import type { GroupView } from '@/api/views'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { notify, notifyFailure } from '@/services/notify'

/**
 * A change of the group made from the settings page: asks first (the platform's confirm dialog) when `ask` is given,
 * makes the change, keeps the group it answers with, and says `done`; a refusal is said in the person's language.
 */
export function useGroupChange() {
  const { locale } = useT()
  const putGroup = useGroups((s) => s.putGroup)
  return async (change: { ask?: { title: string; content: string }; run: () => Promise<{ group: GroupView }>; done: string }): Promise<void> => {
    if (change.ask && !(await Taro.showModal(change.ask)).confirm) return
    try {
      putGroup((await change.run()).group)
      notify(change.done)
    } catch (e) {
      notifyFailure(e, locale)
    }
  }
}
