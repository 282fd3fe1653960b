/**
 * Quotas: how many groups a person may be in, members a group may have, expenses a group may hold. Set by the
 * configuration (MAX_GROUPS_PER_USER, MAX_MEMBERS_PER_GROUP, MAX_EXPENSES_PER_GROUP); each is checked before the
 * write that would pass it, with its own code.
 */
import type { Config } from '../config'
import { ApiError } from '../errors'
import type { Queryable } from '../store/db'

export async function checkGroupQuota(q: Queryable, config: Config, userId: string): Promise<void> {
  const res = await q.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM members WHERE user_id = $1', [userId])
  if (Number(res.rows[0]!.n) >= config.MAX_GROUPS_PER_USER) {
    throw new ApiError('QUOTA_GROUPS', `You are in ${config.MAX_GROUPS_PER_USER} groups, the most one person can be in`, { limit: config.MAX_GROUPS_PER_USER })
  }
}

/** Refuses a group of `count` members when that is more than a group may have (the configured limit, or `max`). */
export function checkGroupSize(limit: Config | number, count: number): void {
  const max = typeof limit === 'number' ? limit : limit.MAX_MEMBERS_PER_GROUP
  if (count > max) {
    throw new ApiError('QUOTA_MEMBERS', `A group has at most ${max} members`, { limit: max })
  }
}

export async function checkMemberQuota(q: Queryable, config: Config, groupId: string, adding: number): Promise<void> {
  const res = await q.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM members WHERE group_id = $1', [groupId])
  checkGroupSize(config, Number(res.rows[0]!.n) + adding)
}

export function checkExpenseQuota(config: Config, count: number): void {
  if (count > config.MAX_EXPENSES_PER_GROUP) {
    throw new ApiError('QUOTA_EXPENSES', `A group holds at most ${config.MAX_EXPENSES_PER_GROUP} expenses`, { limit: config.MAX_EXPENSES_PER_GROUP })
  }
}
