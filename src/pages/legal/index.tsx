import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useT } from '@/hooks/useT'
import { useTitle } from '@/hooks/useTitle'
import { roleProps } from '@/platform/role'
import { nav } from '@/services/nav'
import { legal, type LegalDoc } from './content'
import './index.css'

/** The privacy guide (`?doc=privacy`) or the user agreement (`?doc=terms`), readable before signing in. */
export default function LegalPage() {
  const { t, locale } = useT()
  const doc: LegalDoc = useRouter().params.doc === 'terms' ? 'terms' : 'privacy'
  const text = legal[locale][doc]
  const other: LegalDoc = doc === 'terms' ? 'privacy' : 'terms'
  useTitle(text.title)
  return (
    <View className='page legal' data-testid={`legal-${doc}`}>
      <Text className='legal__title'>{text.title}</Text>
      <Text className='muted legal__updated'>{text.updated}</Text>
      {text.sections.map((section) => (
        <View className='card' key={section.heading}>
          <Text className='legal__heading'>{section.heading}</Text>
          {section.body.map((p) => (
            <Text className='legal__p' key={p}>{p}</Text>
          ))}
        </View>
      ))}
      <View className='list-item legal__other' onClick={() => void nav.legal(other, true)} data-testid='legal-other' {...roleProps('link')}>
        <Text className='grow'>{t(other === 'terms' ? 'privacy.terms' : 'privacy.guide')}</Text>
        <Text className='muted'>›</Text>
      </View>
    </View>
  )
}
