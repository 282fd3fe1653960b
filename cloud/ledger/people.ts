/**
 * The people view: for each person I share groups with, what is open between us, from each group's kept plan (the
 * plan the group shows, so the two always agree). A transfer between two other members is not between us and is
 * left out; a group's currency is kept with its amounts.
 */
import type { PersonView } from '../../src/api/actions'
import type { Queryable } from '../store/db'
import type { CacheView } from './cache'
import { groupRow, listMembers, myGroupRows } from './groups'
import { groupPayments } from './payments'
import { deriveState, shownPlan } from './state'
import { avatarPath, findUsers } from './users'

export async function peopleOf(q: Queryable, cache: CacheView, userId: string): Promise<PersonView[]> {
  const people = new Map<string, PersonView>()
  for (const r of await myGroupRows(q, userId)) {
    const group = groupRow(r)
    const me = r.me as string
    const members = await listMembers(q, group.id)
    const payments = await groupPayments(q, group.id)
    const state = await deriveState(q, cache, group, members, payments)
    const ours = (await shownPlan(q, group, state.balances, payments)).filter((t) => t.from === me || t.to === me)
    for (const t of ours) {
      const other = members.find((m) => m.id === (t.from === me ? t.to : t.from))!
      const key = other.user_id ?? `m:${other.id}`
      const person = people.get(key) ?? { key, userId: other.user_id, name: other.name, avatar: null, nets: [], groups: [] }
      people.set(key, person)
      const signed = t.to === me ? t.amount : -t.amount
      const net = person.nets.find((n) => n.currency === group.currency)
      if (net) net.amount += signed
      else person.nets.push({ currency: group.currency, amount: signed })
      let entry = person.groups.find((g) => g.groupId === group.id)
      if (!entry) {
        entry = { groupId: group.id, groupName: group.name, emoji: group.emoji, currency: group.currency, memberId: other.id, transfers: [] }
        person.groups.push(entry)
      }
      entry.transfers.push(t)
    }
  }
  // a signed-in person is shown by their current name, whatever they were called when they joined each group
  const users = await findUsers(q, [...people.values()].flatMap((p) => (p.userId ? [p.userId] : [])))
  for (const p of people.values()) {
    if (!p.userId) continue
    const user = users.get(p.userId)
    p.name = user?.name ?? p.name
    p.avatar = avatarPath(user?.avatar_key ?? null)
  }
  const weight = (p: PersonView) => Math.max(...p.nets.map((n) => Math.abs(n.amount)))
  // the largest open amount first (within each person's own currencies), then by name
  return [...people.values()].sort((a, b) => weight(b) - weight(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1))
}
