import { View, Text, Button } from '@tarojs/components'
import { translate } from '@/i18n'
import { platform } from '@/platform/target'
import './index.css'

export default function GroupsPage() {
  const locale = 'zh-CN'
  return (
    <View className='groups'>
      <Text className='groups__title'>{translate(locale, 'groups.title')}</Text>
      <View className='empty'>
        <Text className='empty__title'>{translate(locale, 'groups.empty.title')}</Text>
        <Text className='empty__body'>{translate(locale, 'groups.empty.body')}</Text>
        <Button className='empty__cta'>{translate(locale, 'groups.create')}</Button>
        <Text className='empty__wallet'>{translate(locale, 'platform.payWith', { wallet: platform.walletName[locale] })}</Text>
      </View>
    </View>
  )
}
