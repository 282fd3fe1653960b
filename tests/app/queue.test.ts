/* eslint-disable @typescript-eslint/no-require-imports -- jest.isolateModules loads a fresh module registry through require (an app restart) */
/**
 * The offline queue: optimistic, persisted, retried with backoff, never sent twice, conflicts refresh the
 * group and tell the user, validation errors drop the mutation and tell the user.
 * The network is the Taro.request double (the only thing that cannot run here); everything else is real.
 */
type TaroDouble = typeof import('../doubles/taro') & { default: Record<string, jest.Mock> }

interface Loaded {
  taro: TaroDouble
  queue: typeof import('@/store/queue')
  mutations: typeof import('@/store/mutations')
  groups: typeof import('@/store/groups')
  session: typeof import('@/store/session')
}

/** Boots the app's stores in a fresh module registry, with storage carried over (an app restart). */
function boot(storage: Map<string, string> = new Map()): Loaded {
  let loaded!: Loaded
  jest.isolateModules(() => {
    const taro = require('@tarojs/taro') as TaroDouble
    for (const [k, v] of storage) taro.__storage.set(k, v)
    const session = require('@/store/session') as typeof import('@/store/session')
    session.sessionStore.setState({ token: 'session-token', hydrated: true })
    const mutations = require('@/store/mutations') as typeof import('@/store/mutations')
    ;(require('@/store/wire') as typeof import('@/store/wire')).wireStores()
    loaded = { taro, queue: require('@/store/queue'), mutations, groups: require('@/store/groups'), session }
  })
  return loaded
}

const flushPromises = () => new Promise((r) => setTimeout(r, 0))

async function hydrated(l: Loaded) {
  for (let i = 0; i < 50 && !l.queue.queueStore.getState().hydrated; i++) await flushPromises()
  expect(l.queue.queueStore.getState().hydrated).toBe(true)
}

type Reply = { statusCode: number; data: unknown } | Error

/** Scripts the network: each call to an action takes the next reply for it; records every request. */
function network(l: Loaded, script: Record<string, Reply[]>) {
  const sent: Array<{ action: string; input: Record<string, unknown> }> = []
  ;(l.taro.default.request as jest.Mock).mockImplementation(async (opts: { data: { action: string; input: Record<string, unknown> } }) => {
    const { action, input } = opts.data
    sent.push({ action, input })
    const next = script[action]?.shift()
    if (!next) return { statusCode: 200, data: { ok: true, data: defaultReply(action, input) } }
    if (next instanceof Error) throw next
    return next
  })
  return sent
}

const group = {
  id: 'g1',
  name: 'Trip',
  currency: 'CNY',
  emoji: '🏕️',
  version: 3,
  createdAt: '2026-11-01T00:00:00.000Z',
  me: 'm1',
  members: [
    { id: 'm1', name: 'Ann', userId: 'u1', wallet: 'wechat', hasQr: false },
    { id: 'm2', name: 'Bo', userId: 'u2', wallet: 'alipay', hasQr: false }
  ],
  balances: { m1: 0, m2: 0 },
  plan: [],
  pendingPayments: [],
  expenseCount: 0,
  totalSpent: 0
}

function expenseView(input: Record<string, unknown>) {
  const expense = input.expense as { id: string; amount: number }
  return {
    id: expense.id,
    groupId: 'g1',
    expense,
    description: input.description,
    category: input.category ?? 'other',
    date: input.date ?? '2026-11-20',
    createdBy: 'm1',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    shares: { m1: expense.amount / 2, m2: expense.amount / 2 }
  }
}

function defaultReply(action: string, input: Record<string, unknown>): unknown {
  if (action === 'addExpense' || action === 'editExpense') return { expense: expenseView(input), version: 4 }
  if (action === 'getGroup') return { group }
  if (action === 'listExpenses') return { items: [], nextCursor: null }
  return {}
}

const dinner = (id: string) => ({ id, amount: 1000, paidBy: { m1: 1000 }, split: { mode: 'equal' as const, members: ['m1', 'm2'] } })
const fields = { description: 'Dinner', category: 'food', date: '2026-11-20' }
const offline = () => new Error('request:fail net::ERR_INTERNET_DISCONNECTED')

afterEach(() => {
  jest.useRealTimers()
})

test('a write is queued with its client id, persisted, and shown before the function accepts it', async () => {
  const l = boot()
  await hydrated(l)
  const sent = network(l, { addExpense: [offline()] })
  const m = l.mutations.addExpense('g1', dinner('e1'), fields)
  await l.queue.queueStore.getState().flush()

  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(1)
  expect(m.clientId).toMatch(/^[A-Za-z0-9_-]{21,}$/)
  const queued = l.queue.queueStore.getState().items
  expect(queued).toHaveLength(1)
  expect(queued[0]).toMatchObject({ clientId: m.clientId, attempts: 1, lastError: 'NETWORK' })
  // persisted to Taro storage
  const stored = JSON.parse(l.taro.__storage.get('splitpay.queue') ?? '{}')
  expect(stored.state.items[0].input.clientId).toBe(m.clientId)
  // optimistic: the pending expense is in what the group page shows
  const { withPending } = require('@/selectors/optimistic') as typeof import('@/selectors/optimistic')
  const shown = withPending([], queued, 'g1', 'CNY', 'm1')
  expect(shown.map((x) => [x.id, x.pending, x.shares])).toEqual([['e1', true, { m1: 500, m2: 500 }]])
  l.queue.stopQueueTimer()
})

test('closing and reopening the app keeps the queue and sends it with the same client id, once', async () => {
  const first = boot()
  await hydrated(first)
  network(first, { addExpense: [offline()] })
  const m = first.mutations.addExpense('g1', dinner('e2'), fields)
  await first.queue.queueStore.getState().flush()
  first.queue.stopQueueTimer()
  expect(first.queue.queueStore.getState().items).toHaveLength(1)

  // restart: a new module registry with the same storage; the queue rehydrates and flushes by itself
  const second = boot(new Map(first.taro.__storage))
  const sent = network(second, {})
  await hydrated(second)
  for (let i = 0; i < 20 && second.queue.queueStore.getState().items.length; i++) await flushPromises()
  // the first attempt after restart waits for its backoff; send it now
  await second.queue.retryNow()

  const adds = sent.filter((s) => s.action === 'addExpense')
  expect(adds).toHaveLength(1)
  expect(adds[0].input.clientId).toBe(m.clientId)
  expect(second.queue.queueStore.getState().items).toHaveLength(0)
  // accepted: the expense is now a server item
  for (let i = 0; i < 10; i++) await flushPromises()
  expect(second.groups.groupsStore.getState().expenses.g1.items.map((x) => x.id)).toEqual(['e2'])
  // and nothing is sent again
  await second.queue.queueStore.getState().flush()
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(1)
})

test('retries back off and reuse the client id until the function accepts; flushes never overlap', async () => {
  jest.useFakeTimers({ now: 1_000_000 })
  const l = boot()
  l.queue.configureQueue({ random: () => 0.5 })
  const sent = network(l, { addExpense: [offline(), { statusCode: 503, data: 'gateway down' }, offline()] })
  const m = l.mutations.addExpense('g1', dinner('e3'), fields)
  // two flushes at once must not send twice
  await Promise.all([l.queue.queueStore.getState().flush(), l.queue.queueStore.getState().flush()])
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(1)

  await jest.advanceTimersByTimeAsync(999)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(1) // 1 s backoff not yet over
  await jest.advanceTimersByTimeAsync(1)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(2)
  await jest.advanceTimersByTimeAsync(2000)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(3)
  expect(l.queue.queueStore.getState().items[0].attempts).toBe(3)
  await jest.advanceTimersByTimeAsync(4000)
  const adds = sent.filter((s) => s.action === 'addExpense')
  expect(adds).toHaveLength(4)
  expect(new Set(adds.map((a) => a.input.clientId))).toEqual(new Set([m.clientId]))
  expect(l.queue.queueStore.getState().items).toHaveLength(0)
  await jest.advanceTimersByTimeAsync(120_000)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(4)
})

test('a version conflict drops the edit, refreshes the group and tells the user', async () => {
  const l = boot()
  await hydrated(l)
  const sent = network(l, {
    editExpense: [{ statusCode: 409, data: { ok: false, error: { code: 'VERSION_CONFLICT', message: 'stale' } } }]
  })
  l.mutations.editExpense('g1', dinner('e4'), fields, 2)
  await l.queue.queueStore.getState().flush()
  for (let i = 0; i < 10; i++) await flushPromises()

  expect(l.queue.queueStore.getState().items).toHaveLength(0)
  expect(sent.map((s) => s.action)).toEqual(expect.arrayContaining(['editExpense', 'getGroup', 'listExpenses']))
  expect(l.groups.groupsStore.getState().groups.g1.version).toBe(3)
  expect(l.taro.default.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '别人刚改过这个账本，已刷新，请再看一下' }))
})

test('a validation error drops the write and tells the user why, in their language', async () => {
  const l = boot()
  await hydrated(l)
  l.session.sessionStore.setState({ locale: 'en' })
  const sent = network(l, {
    addExpense: [{ statusCode: 400, data: { ok: false, error: { code: 'SPLIT_PERCENT_TOTAL', message: 'percent must total 10000' } } }],
    recordPayment: []
  })
  l.mutations.addExpense('g1', dinner('e5'), fields)
  l.mutations.recordPayment('g1', 'm2', 'm1', 500, 'cash')
  await l.queue.queueStore.getState().flush()

  // the rejected write is gone, and the next one in line still went out
  expect(l.queue.queueStore.getState().items).toHaveLength(0)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(1)
  expect(sent.filter((s) => s.action === 'recordPayment')).toHaveLength(1)
  expect(l.taro.default.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Not saved: The percentages must add up to 100%' }))
})

test('an expired session signs in again and the write goes through with the same client id', async () => {
  jest.useFakeTimers({ now: 5_000_000 })
  const l = boot()
  const session = l.session
  session.sessionStore.setState({ devName: 'Ann' })
  l.queue.configureQueue({ random: () => 0.5 })
  const sent = network(l, {
    addExpense: [{ statusCode: 401, data: { ok: false, error: { code: 'UNAUTHENTICATED', message: 'expired' } } }],
    signIn: [{ statusCode: 200, data: { ok: true, data: { token: 'fresh', expiresAt: 'x', user: { id: 'u1', name: 'Ann', wallet: 'cash', hasQr: false, locale: 'zh-CN' } } } }]
  })
  l.mutations.addExpense('g1', dinner('e6'), fields)
  await l.queue.queueStore.getState().flush()
  expect(session.sessionStore.getState().token).toBe('fresh')
  await jest.advanceTimersByTimeAsync(1000)
  const adds = sent.filter((s) => s.action === 'addExpense')
  expect(adds).toHaveLength(2)
  expect(adds[0].input.clientId).toBe(adds[1].input.clientId)
  expect(l.queue.queueStore.getState().items).toHaveLength(0)
  const headers = (l.taro.default.request as jest.Mock).mock.calls.map((c) => (c[0] as { header: Record<string, string> }).header.Authorization)
  expect(headers[headers.length - 1]).toBe('Bearer fresh')
})

test('an edit queued behind my own add follows the version my add produced, so it does not conflict with myself', async () => {
  const l = boot()
  await hydrated(l)
  l.groups.groupsStore.getState().putGroup({ ...group, version: 3 } as never)
  const sent = network(l, { addExpense: [offline()] })
  l.mutations.addExpense('g1', dinner('e7'), fields)
  l.mutations.editExpense('g1', dinner('e8'), fields, 3) // made while the add was still waiting
  l.mutations.editExpense('g1', dinner('e9'), fields, 2) // made on a stale view: must still conflict
  await l.queue.queueStore.getState().flush()
  await l.queue.retryNow()
  const edits = sent.filter((s) => s.action === 'editExpense').map((s) => [(s.input.expense as { id: string }).id, s.input.expectedVersion])
  expect(edits).toEqual([
    ['e8', 4],
    ['e9', 2]
  ])
  l.queue.stopQueueTimer()
})

test('queued adds count in the totals and balances until the function answers', () => {
  const { pendingEffect } = require('@/selectors/optimistic') as typeof import('@/selectors/optimistic')
  const m = (id: string, expense: Record<string, unknown>) =>
    ({ clientId: id, action: 'addExpense', groupId: 'g1', createdAt: 0, attempts: 0, nextAttemptAt: 0, input: { clientId: id, groupId: 'g1', expense, description: 'x' } }) as never
  const effect = pendingEffect(
    [
      m('c1', { id: 'e1', amount: 1000, paidBy: { m1: 1000 }, split: { mode: 'equal', members: ['m1', 'm2'] } }),
      m('c2', { id: 'e2', amount: 300, paidBy: { m2: 300 }, split: { mode: 'equal', members: ['m1', 'm2', 'm3'] } }),
      m('c3', { id: 'e3', amount: 500, currency: 'USD', rate: '7', paidBy: { m1: 500 }, split: { mode: 'equal', members: ['m1', 'm2'] } })
    ],
    'g1',
    'CNY'
  )
  expect(effect.added).toBe(3)
  expect(effect.deltas).toEqual({ m1: 500 - 100, m2: -500 + 200, m3: -100 })
  expect(Object.values(effect.deltas).reduce((a, b) => a + b, 0)).toBe(0)
})

test.each([
  [-480, 480], // Asia/Shanghai
  [300, -300], // America/New_York in winter
  [0, 0]
])('an added expense carries the device offset (getTimezoneOffset %p -> utcOffsetMinutes %p) so the function dates it in the sender\'s day', async (offset, expected) => {
  const spy = jest.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(offset)
  try {
    const l = boot()
    await hydrated(l)
    const sent = network(l, {})
    l.mutations.addExpense('g1', dinner('e-tz'), fields)
    await l.queue.queueStore.getState().flush()
    const add = sent.find((s) => s.action === 'addExpense')
    expect(add?.input.utcOffsetMinutes).toBe(expected)
    expect(Object.is(add?.input.utcOffsetMinutes, -0)).toBe(false)
    l.queue.stopQueueTimer()
  } finally {
    spy.mockRestore()
  }
})

test('a change the function keeps failing on is set aside after a few tries, so later changes still go out; retry or discard it', async () => {
  jest.useFakeTimers({ now: 1_000_000 })
  const l = boot()
  l.queue.configureQueue({ random: () => 0.5 })
  l.session.sessionStore.setState({ locale: 'en' })
  const broken = { statusCode: 500, data: { ok: false, error: { code: 'INTERNAL', message: 'boom' } } }
  const sent = network(l, { addExpense: Array.from({ length: l.queue.MAX_SERVER_FAILURES }, () => broken), recordPayment: [] })
  const bad = l.mutations.addExpense('g1', dinner('e9'), { ...fields, description: 'Broken dinner' })
  l.mutations.recordPayment('g1', 'm2', 'm1', 500, 'cash')
  await l.queue.queueStore.getState().flush()
  for (let i = 0; i < 8; i++) await jest.advanceTimersByTimeAsync(60_000)

  const adds = sent.filter((s) => s.action === 'addExpense')
  expect(adds).toHaveLength(l.queue.MAX_SERVER_FAILURES)
  expect(new Set(adds.map((a) => a.input.clientId))).toEqual(new Set([bad.clientId]))
  // set aside with its reason; the payment behind it went out
  expect(l.queue.queueStore.getState().items).toHaveLength(0)
  expect(l.queue.queueStore.getState().failed).toEqual([expect.objectContaining({ clientId: bad.clientId, reason: 'INTERNAL', action: 'addExpense' })])
  expect(sent.filter((s) => s.action === 'recordPayment')).toHaveLength(1)
  expect(l.taro.default.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringMatching(/^A change could not be saved/) }))
  // nothing more is sent by itself
  await jest.advanceTimersByTimeAsync(600_000)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(l.queue.MAX_SERVER_FAILURES)

  // it survives a restart
  const storage = new Map(l.taro.__storage)
  const again = boot(storage)
  await jest.advanceTimersByTimeAsync(10)
  expect(again.queue.queueStore.getState().failed.map((f) => f.clientId)).toEqual([bad.clientId])

  // retry: back in the queue with the same client id, accepted this time
  const resent = network(again, {})
  await again.queue.queueStore.getState().retryFailed(bad.clientId)
  expect(resent.filter((s) => s.action === 'addExpense').map((s) => s.input.clientId)).toEqual([bad.clientId])
  expect(again.queue.queueStore.getState().failed).toEqual([])

  // discard: gone, never sent
  network(again, { recordPayment: Array.from({ length: again.queue.MAX_SERVER_FAILURES }, () => broken) })
  const pay = again.mutations.recordPayment('g1', 'm2', 'm1', 700, 'cash')
  await again.queue.queueStore.getState().flush()
  for (let i = 0; i < 8; i++) await jest.advanceTimersByTimeAsync(60_000)
  expect(again.queue.queueStore.getState().failed.map((f) => f.clientId)).toEqual([pay.clientId])
  again.queue.queueStore.getState().discard(pay.clientId)
  expect(again.queue.queueStore.getState().failed).toEqual([])
  expect(again.queue.queueStore.getState().items).toEqual([])
})

test('network errors and 429 are waited out, never set aside', async () => {
  jest.useFakeTimers({ now: 1_000_000 })
  const l = boot()
  l.queue.configureQueue({ random: () => 0.5 })
  const slow = { statusCode: 429, data: { ok: false, error: { code: 'RATE_LIMITED', message: 'slow down', details: { retryAfter: 5 } } } }
  const sent = network(l, { addExpense: [offline(), slow, offline(), slow, offline(), slow, offline()] })
  l.mutations.addExpense('g1', dinner('e10'), fields)
  await l.queue.queueStore.getState().flush()
  for (let i = 0; i < 12; i++) await jest.advanceTimersByTimeAsync(120_000)
  expect(sent.filter((s) => s.action === 'addExpense')).toHaveLength(8)
  expect(l.queue.queueStore.getState().failed).toEqual([])
  expect(l.queue.queueStore.getState().items).toEqual([])
})
