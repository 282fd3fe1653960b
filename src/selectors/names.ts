/**
 * Two members with the same display name are told apart, never merged: in the group's order, the first keeps the
 * name and each later one gets a number, "Bo", "Bo (2)", "Bo (3)" (the same on every phone, since every phone gets
 * the members in the same order; a later namesake never renames an earlier one). Names compare without case and
 * surrounding spaces; a number already taken by someone's real name is skipped.
 */
export function distinctNames<M extends { name: string }>(members: readonly M[]): M[] {
  const key = (name: string) => name.trim().toLowerCase()
  const taken = new Set(members.map((m) => key(m.name)))
  const seen = new Map<string, number>()
  return members.map((m) => {
    const k = key(m.name)
    const count = (seen.get(k) ?? 0) + 1
    seen.set(k, count)
    if (count === 1) return m
    const base = m.name.trim()
    let n = count
    while (taken.has(key(`${base} (${n})`))) n++
    const name = `${base} (${n})`
    taken.add(key(name))
    return { ...m, name }
  })
}

/** Each member's name and avatar by member id, as the plan, the payments and the settle page look them up. */
export function memberLookup(members: readonly { id: string; name: string; avatar?: string | null }[]): {
  names: Record<string, string>
  faces: Record<string, string | null | undefined>
} {
  return { names: Object.fromEntries(members.map((m) => [m.id, m.name])), faces: Object.fromEntries(members.map((m) => [m.id, m.avatar])) }
}
