import '@/i18n/expense'
import { View, Text, Input } from '@tarojs/components'
import Avatar from '@/components/Avatar'
import MemberPicker, { type PickerMember } from '@/components/MemberPicker'
import Segmented from '@/components/Segmented'
import { formatMoney, spokenMoney } from '@/domain/money/format'
import { named } from '@/components/accessible-name'
import { translate, translateError, type Locale, type MessageKey } from '@/i18n'
import { splitModes, type DraftPreview, type ExpenseDraft, type SplitMode } from '@/services/expenseDraft'
import './index.css'

interface Props {
  draft: ExpenseDraft
  members: PickerMember[]
  preview: DraftPreview
  groupCurrency: string
  locale: Locale
  /** Receives an update function, so quick successive edits never overwrite each other with a stale draft. */
  onChange: (update: (draft: ExpenseDraft) => ExpenseDraft) => void
}

const inputType: Record<SplitMode, 'digit' | 'number' | 'text'> = { equal: 'digit', shares: 'number', percent: 'digit', exact: 'digit', adjust: 'text' }
const suffix: Record<SplitMode, string> = { equal: '', shares: '×', percent: '%', exact: '', adjust: '±' }

/** Split mode, who shares, per-person values, and the live preview of each share (always summing to the amount). */
export default function SplitEditor({ draft, members, preview, groupCurrency, locale, onChange }: Props) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params)
  const mode = draft.mode
  const setValue = (id: string, value: string) =>
    onChange((d) => ({ ...d, values: { ...d.values, [d.mode]: { ...d.values[d.mode], [id]: value } } }))
  const people = members.filter((m) => draft.participants.includes(m.id))
  const splitProblem = preview.problem && (preview.problem.field === 'split' || preview.problem.field === 'payers') ? preview.problem : null
  const total = preview.shares ? Object.values(preview.shares).reduce((a, b) => a + b, 0) : null
  return (
    <View className='split'>
      <Segmented testId='split-mode' label={t('expense.splitMode')} value={mode} onChange={(m) => onChange((d) => ({ ...d, mode: m }))} options={splitModes.map((m) => ({ value: m, label: t(`split.${m}` as MessageKey) }))} />
      <Text className='field__label split__label'>{t('expense.participants')}</Text>
      <MemberPicker testId='participants' members={members} selected={draft.participants} onChange={(ids) => onChange((d) => ({ ...d, participants: ids }))} />
      <View className='split__rows'>
        {people.map((m) => (
          <View key={m.id} className='split__row'>
            <Avatar name={m.name} src={m.avatar} size='sm' />
            <Text className='split__name grow ellipsis'>{m.name}</Text>
            {mode !== 'equal' ? (
              <View className='split__value'>
                <Input
                  className='split__input'
                  type={inputType[mode]}
                  value={draft.values[mode][m.id] ?? ''}
                  placeholder={mode === 'shares' ? '1' : '0'}
                  onInput={(e) => setValue(m.id, String(e.detail.value))}
                  data-testid={`split-input-${m.id}`}
                  aria-label={`${m.name} ${t(`split.${mode}` as MessageKey)}`}
                />
                <Text className='split__suffix'>{suffix[mode]}</Text>
              </View>
            ) : null}
            <Text className='split__share' data-testid={`split-share-${m.id}`} {...(preview.shares ? named(spokenMoney(preview.shares[m.id] ?? 0, groupCurrency, locale), 'img') : {})}>
              {preview.shares ? formatMoney(preview.shares[m.id] ?? 0, groupCurrency, locale) : '—'}
            </Text>
          </View>
        ))}
      </View>
      {splitProblem ? (
        <Text className='field__error' data-testid='split-error'>
          {translateError(locale, splitProblem.code)}
        </Text>
      ) : total !== null ? (
        <Text className='split__total' data-testid='split-total'>
          {t('expense.previewTotal', { amount: formatMoney(total, groupCurrency, locale) })}
        </Text>
      ) : null}
    </View>
  )
}
