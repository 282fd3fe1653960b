import { createStore } from 'zustand/vanilla'
import { persist } from 'zustand/middleware'
import type { CurrencyTotals } from '@/api/actions'
import type { ExpenseView, GroupSummary, GroupView } from '@/api/views'
import { enteredChat } from '@/platform/share'
import { api } from '@/services/api'
import { newClientId } from '@/services/ids'
import { activeMembers } from '@/selectors/members'
import { distinctNames } from '@/selectors/names'
import { taroJSONStorage } from './storage'

const PAGE_SIZE = 50
/** How many expenses per group survive a restart (the rest page in again from the function). */
const PERSISTED_EXPENSES = 30

export interface ExpensePages {
  items: ExpenseView[]
  nextCursor: string | null
  /** The first page arrived at least once. */
  loaded: boolean
  loading: boolean
}

const emptyPages: ExpensePages = { items: [], nextCursor: null, loaded: false, loading: false }

export interface GroupsState {
  list: GroupSummary[]
  listLoaded: boolean
  /** listGroups' cursor for the next page of groups (pages of 50); null at the end. */
  listCursor: string | null
  listLoading: boolean
  /** What I owe and am owed across all my groups, per currency (with the first page of listGroups). */
  totals: CurrencyTotals[] | null
  groups: Record<string, GroupView>
  expenses: Record<string, ExpensePages>
  /** Reloads the first page of groups. */
  loadList: () => Promise<void>
  /** Follows listGroups' nextCursor (reaching the bottom of the list); no-op while loading or at the end. */
  loadMoreList: () => Promise<void>
  loadGroup: (groupId: string) => Promise<GroupView>
  putGroup: (group: GroupView) => void
  /** The version of each group I had seen before this visit (the activity page marks what came after). */
  seenBefore: Record<string, number>
  /** I am looking at the group as it is now: its unread mark goes, and the function remembers the version. */
  markSeen: (groupId: string) => Promise<void>
  /** Forgets a group I left or deleted (its page, its expenses, its line in the list). */
  dropGroup: (groupId: string) => void
  /** Reloads the first page (pull-down refresh, after a conflict). */
  refreshExpenses: (groupId: string) => Promise<void>
  /** Loads the next page with the cursor; no-op while loading or at the end. */
  loadMoreExpenses: (groupId: string) => Promise<void>
  upsertExpense: (view: ExpenseView) => void
  removeExpense: (groupId: string, expenseId: string) => void
  /** Groups linked to the chat the app was opened from (groupsForChat); shown first on the home page. */
  chatGroupIds: string[]
  /** Opened from a chat card: asks which of my groups are linked to that chat. */
  loadChatGroups: () => Promise<void>
  /** Opened from a chat card for `groupId`: links the group to that chat (weapp; elsewhere nothing). */
  linkEnteredChat: (groupId: string) => Promise<void>
  reset: () => void
}

const newestFirst = (a: ExpenseView, b: ExpenseView) =>
  a.date === b.date ? (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) : a.date < b.date ? 1 : -1

export const groupsStore = createStore<GroupsState>()(
  persist(
    (set, get) => {
      const pages = (groupId: string) => get().expenses[groupId] ?? emptyPages
      const setPages = (groupId: string, patch: Partial<ExpensePages>) =>
        set({ expenses: { ...get().expenses, [groupId]: { ...pages(groupId), ...patch } } })
      return {
        list: [],
        listLoaded: false,
        listCursor: null,
        listLoading: false,
        totals: null,
        groups: {},
        expenses: {},
        chatGroupIds: [],
        seenBefore: {},
        async markSeen(groupId) {
          const group = get().groups[groupId]
          if (!group) return
          const summary = get().list.find((g) => g.id === groupId)
          if (summary?.seenVersion === group.version && summary.unread === false) return
          set({
            seenBefore: { ...get().seenBefore, [groupId]: summary?.seenVersion ?? group.version },
            list: get().list.map((g) => (g.id === groupId ? { ...g, unread: false, seenVersion: group.version } : g))
          })
          await api('markSeen', { groupId, version: group.version })
        },
        async loadChatGroups() {
          const chat = await enteredChat()
          set({ chatGroupIds: chat ? (await api('groupsForChat', chat)).groupIds : [] })
        },
        async linkEnteredChat(groupId) {
          const chat = await enteredChat()
          if (chat) await api('linkChat', { groupId, clientId: newClientId(), ...chat })
        },
        async loadList() {
          const out = await api('listGroups', {})
          set({ list: out.items, listLoaded: true, listCursor: out.nextCursor, totals: out.totals ?? null })
        },
        async loadMoreList() {
          const { listCursor, listLoading, listLoaded } = get()
          if (listLoading) return
          if (!listLoaded) return get().loadList()
          if (!listCursor) return
          set({ listLoading: true })
          try {
            const out = await api('listGroups', { cursor: listCursor })
            const known = new Set(get().list.map((g) => g.id))
            set({ list: [...get().list, ...out.items.filter((g) => !known.has(g.id))], listCursor: out.nextCursor, listLoading: false })
          } catch (e) {
            set({ listLoading: false })
            throw e
          }
        },
        async loadGroup(groupId) {
          const { group } = await api('getGroup', { groupId })
          get().putGroup(group)
          return get().groups[groupId]!
        },
        putGroup(received) {
          // namesakes are told apart wherever a member is shown ("Bo", "Bo (2)")
          const group = { ...received, members: distinctNames(received.members) }
          const list = get().list
          const summary = list.find((g) => g.id === group.id)
          const nextSummary: GroupSummary = {
            id: group.id,
            name: group.name,
            currency: group.currency,
            emoji: group.emoji,
            version: group.version,
            me: group.me,
            memberCount: activeMembers(group.members).length,
            myBalance: group.balances[group.me] ?? 0,
            createdAt: group.createdAt,
            archived: Boolean(group.archived),
            ...(summary ? { unread: summary.unread, seenVersion: summary.seenVersion } : {})
          }
          set({
            groups: { ...get().groups, [group.id]: group },
            list: summary ? list.map((g) => (g.id === group.id ? nextSummary : g)) : [nextSummary, ...list]
          })
        },
        dropGroup(groupId) {
          const { [groupId]: _group, ...groups } = get().groups
          const { [groupId]: _pages, ...expenses } = get().expenses
          set({ groups, expenses, list: get().list.filter((g) => g.id !== groupId) })
        },
        async refreshExpenses(groupId) {
          setPages(groupId, { loading: true })
          try {
            const out = await api('listExpenses', { groupId, limit: PAGE_SIZE })
            setPages(groupId, { items: out.items, nextCursor: out.nextCursor, loaded: true, loading: false })
          } catch (e) {
            setPages(groupId, { loading: false })
            throw e
          }
        },
        async loadMoreExpenses(groupId) {
          const p = pages(groupId)
          if (p.loading) return
          if (!p.loaded) return get().refreshExpenses(groupId)
          if (!p.nextCursor) return
          setPages(groupId, { loading: true })
          try {
            const out = await api('listExpenses', { groupId, cursor: p.nextCursor, limit: PAGE_SIZE })
            const known = new Set(pages(groupId).items.map((x) => x.id))
            setPages(groupId, {
              items: [...pages(groupId).items, ...out.items.filter((x) => !known.has(x.id))],
              nextCursor: out.nextCursor,
              loading: false
            })
          } catch (e) {
            setPages(groupId, { loading: false })
            throw e
          }
        },
        upsertExpense(view) {
          const p = pages(view.groupId)
          const items = p.items.filter((x) => x.id !== view.id)
          items.push(view)
          items.sort(newestFirst)
          setPages(view.groupId, { items })
        },
        removeExpense(groupId, expenseId) {
          setPages(groupId, { items: pages(groupId).items.filter((x) => x.id !== expenseId) })
        },
        reset() {
          set({ list: [], listLoaded: false, listCursor: null, listLoading: false, totals: null, groups: {}, expenses: {}, chatGroupIds: [], seenBefore: {} })
        }
      }
    },
    {
      name: 'splitpay.groups',
      storage: taroJSONStorage,
      partialize: (s) =>
        ({
          list: s.list,
          totals: s.totals,
          groups: s.groups,
          expenses: Object.fromEntries(
            Object.entries(s.expenses).map(([id, p]) => [
              id,
              { items: p.items.slice(0, PERSISTED_EXPENSES), nextCursor: null, loaded: false, loading: false }
            ])
          )
        }) as unknown as GroupsState
    }
  )
)
