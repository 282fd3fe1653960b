/**
 * React bindings of the stores. The stores themselves (src/store) are zustand's vanilla core, usable without
 * React; a component subscribes to a slice with these and re-renders only when that slice changes.
 */
import { useStore } from 'zustand'
import { groupsStore, type GroupsState } from '@/store/groups'
import { queueStore, type QueueState } from '@/store/queue'
import { sessionStore, type SessionState } from '@/store/session'

export const useSession = <T>(select: (s: SessionState) => T): T => useStore(sessionStore, select)
export const useGroups = <T>(select: (s: GroupsState) => T): T => useStore(groupsStore, select)
export const useQueue = <T>(select: (s: QueueState) => T): T => useStore(queueStore, select)

/** The current locale; components re-render only when it changes. */
export const useLocale = () => useSession((s) => s.locale)
