/**
 * The action registry: every action group, one file each. To add a group, write cloud/actions/<group>.ts
 * exporting an array of defineAction(...) and list it here.
 */
import { accountActions } from './account'
import { chatActions } from './chats'
import { expenseActions } from './expenses'
import { faultActions } from './faults'
import { groupActions } from './groups'
import { groupLifeActions } from './group-life'
import { historyActions } from './history'
import { importActionList } from './import'
import { lookBackActions } from './look-back'
import { messageActionList } from './messages'
import { inviteActions } from './invites'
import { paymentActionList } from './payments'
import { receiptActionList } from './receipts'
import { recurringActionList } from './recurring'
import { paymentRoutes } from '../payments/routes'
import { avatarRoute } from '../profile/avatars'
import { receiptRoute } from '../blobs/route'
import { sessionActions } from './session'
import { settleActions } from './settle'
import type { RawRoute } from '../routes'
import type { AnyAction } from './types'

export const actionGroups: AnyAction[][] = [sessionActions, groupActions, groupLifeActions, expenseActions, settleActions, inviteActions, historyActions, lookBackActions, chatActions, messageActionList, paymentActionList, recurringActionList, faultActions, accountActions, importActionList, receiptActionList]

export function buildRegistry(groups: AnyAction[][] = actionGroups): Map<string, AnyAction> {
  const map = new Map<string, AnyAction>()
  for (const group of groups) {
    for (const action of group) {
      if (map.has(action.name)) throw new Error(`action ${action.name} is registered twice`)
      map.set(action.name, action)
    }
  }
  return map
}

/** Raw HTTP routes (payment notifies, sandbox wallet, avatars, receipt photos) served by the HTTP entry beside POST /api. */
export const rawRoutes: RawRoute[] = [...paymentRoutes, avatarRoute, receiptRoute]
