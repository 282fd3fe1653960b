import '@/i18n/search'
import { View, Text, Input, Picker } from '@tarojs/components'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ExpenseView } from '@/api/views'
import EmptyState from '@/components/EmptyState'
import ExpenseRow from '@/components/ExpenseRow'
import Field from '@/components/Field'
import SignInGate from '@/components/SignInGate'
import { useGroups } from '@/hooks/useStores'
import { useT } from '@/hooks/useT'
import { memberLookup } from '@/selectors/names'
import { roleProps } from '@/platform/role'
import { useTitle } from '@/hooks/useTitle'
import { categoryLabel } from '@/i18n/categories'
import { api } from '@/services/api'
import { categories } from '@/services/categories'
import { appendPage, isSearching, searchFilters, searchKey, type SearchDraft } from '@/services/expenseSearch'
import { nav } from '@/services/nav'
import { notifyFailure } from '@/services/notify'
import './index.css'

const PAGE = 30
/** Typing pauses this long before the function is asked. */
const TYPING_MS = 300

/** Search a group's expenses by text, category, member and dates; the function pages the matches. */
function SearchScreen({ groupId }: { groupId: string }) {
  const { t, locale } = useT()
  useTitle(t('search.title'))
  const group = useGroups((s) => s.groups[groupId])
  const [draft, setDraft] = useState<SearchDraft>({})
  const filters = useMemo(() => searchFilters(draft), [draft])
  const key = searchKey(filters)
  const [items, setItems] = useState<ExpenseView[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(false)
  const [done, setDone] = useState(false)
  // the search a reply belongs to: a reply to an older search is dropped
  const current = useRef('')

  const load = async (forKey: string, after: string | null) => {
    setLoading(true)
    try {
      const out = await api('listExpenses', { groupId, limit: PAGE, ...filters, ...(after ? { cursor: after } : {}) })
      if (current.current !== forKey) return
      setItems((prev) => (after ? appendPage(prev, out.items) : out.items))
      setCursor(out.nextCursor)
      setDone(true)
    } catch (e) {
      if (current.current === forKey) notifyFailure(e, locale)
    } finally {
      if (current.current === forKey) setLoading(false)
    }
  }

  useEffect(() => {
    current.current = key
    setCursor(null)
    setDone(false)
    if (!key) {
      setItems([])
      return
    }
    const timer = setTimeout(() => void load(key, null), draft.text !== undefined ? TYPING_MS : 0)
    return () => clearTimeout(timer)
    // the key stands for the filters
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  useReachBottom(() => {
    if (cursor && !loading) void load(key, cursor)
  })

  if (!group) {
    return (
      <View className='page'>
        <Text className='muted'>{t('common.loading')}</Text>
      </View>
    )
  }
  const set = (patch: Partial<SearchDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const { names } = memberLookup(group.members)
  const chip = (on: boolean, label: string, onClick: () => void, testId: string) => (
    <View key={testId} className={`chip${on ? ' chip--on' : ''}`} onClick={onClick} data-testid={testId} {...roleProps('radio')} aria-checked={on}>
      <Text>{label}</Text>
    </View>
  )
  const now = Date.now()
  return (
    <View className='search'>
      <View className='card search__form'>
        <Input className='field__input search__input' value={draft.text ?? ''} placeholder={t('search.placeholder')} focus confirmType='search' onInput={(e) => set({ text: String(e.detail.value) })} data-testid='search-text' aria-label={t('search.title')} />
        <Field label={t('search.category')}>
          <View className='chips'>
            {chip(!draft.category, t('search.any'), () => set({ category: undefined }), 'search-category-any')}
            {categories.map((c) => chip(draft.category === c.key, `${c.icon} ${categoryLabel(c.key, locale)}`, () => set({ category: c.key }), `search-category-${c.key}`))}
          </View>
        </Field>
        <Field label={t('search.member')}>
          <View className='chips'>
            {chip(!draft.memberId, t('search.any'), () => set({ memberId: undefined }), 'search-member-any')}
            {group.members.map((m) => chip(draft.memberId === m.id, m.name, () => set({ memberId: m.id }), `search-member-${m.id}`))}
          </View>
        </Field>
        <Field label={t('search.dates')}>
          <View className='row search__dates'>
            <Picker mode='date' value={draft.from ?? ''} onChange={(e) => set({ from: String(e.detail.value) })}>
              <Text className='search__date' data-testid='search-from'>{draft.from ?? t('search.from')}</Text>
            </Picker>
            <Text className='muted'>–</Text>
            <Picker mode='date' value={draft.to ?? ''} onChange={(e) => set({ to: String(e.detail.value) })}>
              <Text className='search__date' data-testid='search-to'>{draft.to ?? t('search.to')}</Text>
            </Picker>
            {draft.from || draft.to ? (
              <Text className='search__clear' onClick={() => set({ from: undefined, to: undefined })} data-testid='search-dates-clear'>
                {t('search.clear')}
              </Text>
            ) : null}
          </View>
        </Field>
      </View>
      {!isSearching(filters) ? (
        <Text className='muted search__note'>{t('search.hint')}</Text>
      ) : done && items.length === 0 ? (
        <EmptyState icon='🔍' title={t('search.none')} body='' />
      ) : (
        <View>
          {done ? <Text className='muted search__note' data-testid='search-count'>{cursor ? t('search.foundMore', { count: items.length }) : t('search.found', { count: items.length })}</Text> : null}
          <View className='search__list'>
            {items.map((item) => (
              <ExpenseRow key={item.id} item={item} names={names} me={group.me} groupCurrency={group.currency} locale={locale} now={now} onOpen={(id) => void nav.expenseDetail(groupId, id)} />
            ))}
          </View>
        </View>
      )}
      {loading ? <Text className='muted search__note'>{t('common.loading')}</Text> : null}
    </View>
  )
}

export default function SearchPage() {
  const { params } = useRouter()
  return (
    <SignInGate>
      <SearchScreen groupId={params.groupId ?? ''} />
    </SignInGate>
  )
}
