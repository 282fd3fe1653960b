import { View, Text, Picker } from '@tarojs/components'
import './index.css'
import Field from '@/components/Field'
import Segmented from '@/components/Segmented'
import { translate, type Locale } from '@/i18n'
import { describeRule, ruleOf, type Repeat } from '@/selectors/recurring'

export interface RepeatValue {
  repeat: Repeat
  /** YYYY-MM-DD or '' (no end). */
  endDate: string
}

/**
 * How an expense repeats: never, weekly or monthly from its date, and until when. `fixed`: a series being edited
 * cannot become a single expense.
 */
export default function RepeatField({ value, startDate, locale, fixed = false, onChange }: { value: RepeatValue; startDate: string; locale: Locale; fixed?: boolean; onChange: (v: RepeatValue) => void }) {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params)
  const options = (['none', 'weekly', 'monthly'] as const).filter((r) => !fixed || r !== 'none').map((r) => ({ value: r, label: t(`recurring.${r}`) }))
  return (
    <Field label={t('recurring.repeat')}>
      <Segmented testId='repeat' label={t('recurring.repeat')} value={value.repeat} options={options} onChange={(repeat) => onChange({ ...value, repeat })} />
      {value.repeat !== 'none' ? (
        <View className='repeat' data-testid='repeat-detail'>
          <Text className='repeat__rule'>
            {describeRule(ruleOf(value.repeat, startDate), startDate, locale)} · {t('recurring.from', { date: startDate })}
          </Text>
          <View className='row row--between repeat__end'>
            <Text className='muted'>{t('recurring.endDate')}</Text>
            <View className='row'>
              <Picker mode='date' value={value.endDate || startDate} start={startDate} onChange={(e) => onChange({ ...value, endDate: String(e.detail.value) })}>
                <Text className='repeat__date' data-testid='repeat-end'>{value.endDate || t('recurring.noEnd')}</Text>
              </Picker>
              {value.endDate ? (
                <Text className='repeat__clear' onClick={() => onChange({ ...value, endDate: '' })}>
                  ✕
                </Text>
              ) : null}
            </View>
          </View>
          <Text className='muted repeat__hint'>{t('recurring.formHint')}</Text>
        </View>
      ) : null}
    </Field>
  )
}
