/** Activity rows as the app sees them (listActivity, an expense's history). */
import type { ActivityView } from '../../src/api'
import { fromJson, toInt, toIso } from '../store/convert'

export const ACTIVITY_COLS = 'seq, version, kind, actor_member, actor_name, data, at'

export function activityView(r: Record<string, unknown>): ActivityView {
  return {
    id: String(toInt(r.seq)),
    at: toIso(r.at),
    kind: r.kind as ActivityView['kind'],
    actor: { memberId: (r.actor_member as string | null) ?? null, name: r.actor_name as string },
    version: toInt(r.version),
    data: fromJson<Record<string, unknown>>(r.data)
  }
}
