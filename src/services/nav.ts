import Taro from '@tarojs/taro'

function query(params: Record<string, string | undefined>): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')
  return q ? `?${q}` : ''
}

/** Page paths and the way to open each; the only place that knows the routes. */
export const routes = {
  groups: '/pages/index/index',
  groupNew: '/pages/group-new/index',
  groupSettings: '/pages/group-settings/index',
  group: '/pages/group/index',
  expense: '/pages/expense/index',
  expenseDetail: '/pages/expense/detail',
  stats: '/pages/stats/index',
  search: '/pages/search/index',
  recurring: '/pages/recurring/index',
  settle: '/pages/settle/index',
  invite: '/pages/invite/index',
  join: '/pages/join/index',
  me: '/pages/me/index',
  activity: '/pages/activity/index',
  people: '/pages/people/index',
  legal: '/pages/legal/index'
}

export const nav = {
  groupNew: () => Taro.navigateTo({ url: routes.groupNew }),
  group: (id: string) => Taro.navigateTo({ url: routes.group + query({ id }) }),
  expense: (groupId: string, expenseId?: string) => Taro.navigateTo({ url: routes.expense + query({ groupId, expenseId }) }),
  /** The form of a recurring series (editing it). */
  series: (groupId: string, seriesId: string) => Taro.navigateTo({ url: routes.expense + query({ groupId, seriesId }) }),
  /** The expense form, set to repeat monthly (from the recurring page). */
  newRecurring: (groupId: string) => Taro.navigateTo({ url: routes.expense + query({ groupId, repeat: 'monthly' }) }),
  recurring: (groupId: string) => Taro.navigateTo({ url: routes.recurring + query({ groupId }) }),
  expenseDetail: (groupId: string, expenseId: string) => Taro.navigateTo({ url: routes.expenseDetail + query({ groupId, expenseId }) }),
  search: (groupId: string) => Taro.navigateTo({ url: routes.search + query({ groupId }) }),
  stats: (groupId: string) => Taro.navigateTo({ url: routes.stats + query({ groupId }) }),
  settle: (groupId: string) => Taro.navigateTo({ url: settlePath(groupId) }),
  joinByCode: () => Taro.navigateTo({ url: routes.join }),
  invite: (groupId: string) => Taro.navigateTo({ url: routes.invite + query({ groupId }) }),
  groupSettings: (groupId: string) => Taro.navigateTo({ url: routes.groupSettings + query({ groupId }) }),
  me: () => Taro.navigateTo({ url: routes.me }),
  activity: (groupId: string) => Taro.navigateTo({ url: routes.activity + query({ groupId }) }),
  people: () => Taro.navigateTo({ url: routes.people }),
  /** The privacy guide or the user agreement; `replace`: instead of the page showing (one document to the other). */
  legal: (doc: 'privacy' | 'terms', replace = false) => {
    const url = routes.legal + query({ doc })
    return replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url })
  },
  /** Back to the list of groups, closing every page above it (after leaving or deleting a group). */
  home: () => Taro.reLaunch({ url: routes.groups }),
  back: () => Taro.navigateBack().catch(() => Taro.reLaunch({ url: routes.groups })),
  /** Replaces the current page (after creating or joining a group). */
  replaceWithGroup: (id: string) => Taro.redirectTo({ url: routes.group + query({ id }) })
}

/** The path a reminder card opens: the settle page, on one transfer when given. */
export const settlePath = (groupId: string, transfer?: { from: string; to: string }) => routes.settle + query({ groupId, from: transfer?.from, to: transfer?.to })

/** The path a shared invite card opens. */
export const joinPath = (token: string) => routes.join + query({ token })
