import '@/i18n/expense'
import { View, Text, Input, Button, Picker, Switch } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import Field from '@/components/Field'
import MemberPicker from '@/components/MemberPicker'
import SplitEditor from '@/components/SplitEditor'
import { selectableMembers } from '@/selectors/members'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { translateError, type MessageKey } from '@/i18n'
import { formatPickerDate } from '@/i18n/dates'
import { categories, currencyCodes } from '@/services/categories'
import { draftFromExpense, newDraft, previewDraft, type ExpenseDraft } from '@/services/expenseDraft'
import { notify } from '@/services/notify'
import { loadNotifySettings, offerSubscription } from '@/services/subscribe'
import { newClientId } from '@/services/ids'
import { addExpense, deleteExpense, editExpense } from '@/store/mutations'
import type { GroupView } from '@/api/views'
import type { RecurringView } from '@/api/recurring'
import RepeatField, { type RepeatValue } from '@/components/RepeatField'
import { useGroups } from '@/hooks/useStores'
import { api } from '@/services/api'
import { failureText } from '@/services/notify'
import { ruleOf } from '@/selectors/recurring'
import type { ShownExpense } from '@/selectors/optimistic'
import { utcOffsetMinutes } from '@/store/mutations'
import './index.css'
import { accessibleName } from '@/components/accessible-name'

function blankExactAsZero(d: ExpenseDraft): ExpenseDraft {
  const exact = Object.fromEntries(d.participants.map((p) => [p, (d.values.exact[p] ?? '').trim() === '' ? '0' : d.values.exact[p]]))
  return { ...d, values: { ...d.values, exact } }
}

/** A series' template as the form's starting point (its expense without an id; its first date as the date). */
function seriesAsExpense(series: RecurringView): ShownExpense {
  return {
    id: series.id,
    groupId: series.groupId,
    expense: { id: series.id, ...series.expense },
    description: series.description,
    category: series.category,
    date: series.nextDate ?? series.startDate,
    createdBy: series.createdBy,
    createdAt: series.createdAt,
    updatedAt: series.updatedAt,
    shares: {}
  }
}

/**
 * The add / edit expense form: amount, description, date, category, currency (with its rate), payer and split,
 * with the domain's own preview of the split; saving goes through the offline queue. A new expense may repeat
 * (weekly or monthly: a recurring series, set up online); `series` edits one.
 */
export default function ExpenseForm({ group, existing: single, series, repeat: startRepeat, onDone }: { group: GroupView; existing?: ShownExpense; series?: RecurringView; repeat?: 'weekly' | 'monthly'; onDone: () => void }) {
  const { t, locale } = useT()
  const existing = useMemo(() => single ?? (series ? seriesAsExpense(series) : undefined), [single, series])
  useTitle(series ? t('recurring.edit') : existing ? t('expense.edit') : t('expense.new'))
  const [repeat, setRepeat] = useState<RepeatValue>(() =>
    series ? { repeat: series.rule.frequency, endDate: series.endDate ?? '' } : { repeat: startRepeat ?? 'none', endDate: '' }
  )
  const [busy, setBusy] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)
  const reloadGroup = useGroups((s) => s.loadGroup)
  const refreshExpenses = useGroups((s) => s.refreshExpenses)
  // someone who left is offered only where they already are (an old expense being edited)
  const members = useMemo(() => selectableMembers(group.members, existing), [group.members, existing])
  const memberIds = useMemo(() => members.map((m) => m.id), [members])
  const [id] = useState(() => existing?.id ?? newClientId())
  // a series is saved by one call: a second tap (or a retry) sets it up once
  const [clientId] = useState(newClientId)
  const [draft, setDraft] = useState<ExpenseDraft>(() =>
    existing
      ? draftFromExpense(existing.expense, existing, group.currency, memberIds)
      : newDraft({ me: group.me, members: memberIds, currency: group.currency, today: formatPickerDate(Date.now()) })
  )
  const [tried, setTried] = useState(false)
  // loaded ahead: the subscribe panel has to open inside the tap that saves
  useEffect(() => {
    if (!existing) void loadNotifySettings()
  }, [existing])
  // a blank exact amount reads as its placeholder 0, as a blank percent does
  const preview = useMemo(() => previewDraft(blankExactAsZero(draft), id, group.currency, memberIds), [draft, id, group.currency, memberIds])
  const problem = preview.problem
  const show = (field: string) => (problem && problem.field === field && (tried || field !== 'amount' || draft.amount.trim() !== '') ? translateError(locale, problem.code) : null)
  const multiPay = draft.multiPayer
  const set = (patch: Partial<ExpenseDraft>) => setDraft((d) => ({ ...d, ...patch }))

  /** A series is set up or changed online (the function makes its occurrences), then the group is read again. */
  const saveSeries = async (expense: NonNullable<typeof preview.expense>, fields: { description: string; category: string }) => {
    if (repeat.repeat === 'none') return
    const { id: _id, ...template } = expense
    const rule = ruleOf(repeat.repeat, series ? series.startDate : draft.date)
    setBusy(true)
    setSaveError(null)
    try {
      if (series) await api('editRecurring', { groupId: group.id, clientId, seriesId: series.id, expense: template, ...fields, rule, endDate: repeat.endDate || null })
      else await api('addRecurring', { groupId: group.id, clientId, expense: template, ...fields, rule, startDate: draft.date, ...(repeat.endDate ? { endDate: repeat.endDate } : {}), utcOffsetMinutes: utcOffsetMinutes() })
      notify(t('recurring.saved'))
      void Promise.allSettled([reloadGroup(group.id), refreshExpenses(group.id)])
      onDone()
    } catch (e) {
      setSaveError(failureText(e, locale))
    } finally {
      setBusy(false)
    }
  }

  const save = () => {
    setTried(true)
    if (!preview.expense || problem || busy) return
    const fields = {
      description: draft.description.trim() || t(`category.${draft.category}` as MessageKey),
      category: draft.category,
      date: draft.date
    }
    if (series || repeat.repeat !== 'none') return void saveSeries(preview.expense, { description: fields.description, category: fields.category })
    if (existing) editExpense(group.id, preview.expense, fields, group.version)
    else {
      // the platform's panel must open within this tap: a natural moment to ask for messages
      offerSubscription()
      addExpense(group.id, preview.expense, fields)
    }
    notify(t('expense.saved'))
    onDone()
  }

  const remove = async () => {
    if (!single) return
    const res = await Taro.showModal({ title: t('expense.deleteConfirm'), content: single.description })
    if (!res.confirm) return
    deleteExpense(group.id, single.id, group.version)
    notify(t('expense.deleted'))
    onDone()
  }

  const currencyIndex = currencyCodes.indexOf(draft.currency)
  return (
    <View className='page xform'>
      <View className='card xform__amount'>
        <View className='row'>
          <Picker mode='selector' range={[...currencyCodes]} value={currencyIndex < 0 ? 0 : currencyIndex} onChange={(e) => set({ currency: currencyCodes[Number(e.detail.value)] })}>
            <Text className='xform__currency' data-testid='expense-currency'>{draft.currency} ▾</Text>
          </Picker>
          <Input className='xform__amount-input grow' type='digit' value={draft.amount} placeholder='0.00' focus={!existing} onInput={(e) => set({ amount: String(e.detail.value) })} data-testid='expense-amount' aria-label={t('expense.amount')} />
        </View>
        {show('amount') ? <Text className='field__error' data-testid='amount-error'>{show('amount')}</Text> : null}
        <View className='row row--between xform__refund'>
          <View className='grow'>
            <Text className='field__label'>{t('expense.refund')}</Text>
            {draft.refund ? <Text className='muted xform__hint' data-testid='refund-hint'>{t('expense.refundHint')}</Text> : null}
          </View>
          <Switch className='switch' checked={draft.refund} color='#0b7a5c' onChange={(e) => set({ refund: Boolean(e.detail.value) })} data-testid='expense-refund' {...accessibleName(t('expense.refund'))} />
        </View>
        {draft.currency !== group.currency ? (
          <Field label={`${t('expense.rate')} · ${t('expense.rateHint', { from: draft.currency, to: group.currency })}`} error={show('rate')} testId='rate'>
            <Input className='field__input' type='digit' value={draft.rate} placeholder='7.10' onInput={(e) => set({ rate: String(e.detail.value) })} data-testid='expense-rate' />
          </Field>
        ) : null}
      </View>
      <View className='card'>
        <Field label={t('expense.description')}>
          <Input className='field__input' value={draft.description} maxlength={200} placeholder={t('expense.descriptionPlaceholder')} onInput={(e) => set({ description: String(e.detail.value) })} data-testid='expense-description' />
        </Field>
        <Field label={t('expense.category')}>
          <View className='chips'>
            {categories.map((c) => (
              <View key={c.key} className={`chip${draft.category === c.key ? ' chip--on' : ''}`} onClick={() => set({ category: c.key })} data-testid={`category-${c.key}`}>
                <Text>
                  {c.icon} {t(`category.${c.key}` as MessageKey)}
                </Text>
              </View>
            ))}
          </View>
        </Field>
        {series ? null : (
          <Field label={t('expense.date')}>
            <Picker mode='date' value={draft.date} onChange={(e) => set({ date: String(e.detail.value) })}>
              <Text className='field__input'>{draft.date} ›</Text>
            </Picker>
          </Field>
        )}
        {single ? null : <RepeatField value={repeat} startDate={series ? series.startDate : draft.date} locale={locale} fixed={Boolean(series)} onChange={setRepeat} />}
        {series ? <Text className='muted xform__hint'>{t('recurring.editHint')}</Text> : null}
      </View>
      <View className='card'>
        <View className='row row--between'>
          <Text className='field__label'>{draft.refund ? t('expense.receivedBy') : t('expense.payers')}</Text>
          <View className='row'>
            <Text className='muted' style={{ marginRight: '12px' }}>{t('expense.multiplePayers')}</Text>
            <Switch
              className='switch'
              checked={multiPay}
              color='#0b7a5c'
              onChange={(e) => {
                const on = Boolean(e.detail.value)
                setDraft((d) => ({ ...d, multiPayer: on, payers: on ? d.payers : d.payers.slice(0, 1) }))
              }}
              data-testid='multi-payer'
              {...accessibleName(t('expense.multiplePayers'))}
            />
          </View>
        </View>
        <MemberPicker testId='payers' members={members} selected={draft.payers} multiple={multiPay} onChange={(ids) => set({ payers: ids })} />
        {multiPay
          ? members
              .filter((m) => draft.payers.includes(m.id))
              .map((m) => (
                <View key={m.id} className='row xform__payer'>
                  <Text className='grow'>{m.name}</Text>
                  <Input className='split__input xform__payer-input' type='digit' value={draft.payerAmounts[m.id] ?? ''} placeholder='0.00' onInput={(e) => setDraft((d) => ({ ...d, payerAmounts: { ...d.payerAmounts, [m.id]: String(e.detail.value) } }))} data-testid={`payer-amount-${m.id}`} />
                </View>
              ))
          : null}
        {show('payers') ? <Text className='field__error' data-testid='payers-error'>{show('payers')}</Text> : null}
      </View>
      <View className='card'>
        <Text className='field__label'>{t('expense.splitMode')}</Text>
        <SplitEditor draft={draft} members={members} preview={tried || draft.amount.trim() ? preview : { ...preview, problem: null }} groupCurrency={group.currency} locale={locale} onChange={setDraft} />
      </View>
      {saveError ? (
        <Text className='field__error xform__save-error' data-testid='save-error'>
          {saveError}
        </Text>
      ) : null}
      <View className='fab-bar'>
        {single ? (
          <Button className='btn btn--danger' onClick={() => void remove()} data-testid='expense-delete'>
            {t('common.delete')}
          </Button>
        ) : null}
        <Button className='btn btn--primary' loading={busy} disabled={busy || undefined} onClick={save} data-testid='expense-save'>
          {t('expense.save')}
        </Button>
      </View>
    </View>
  )
}
