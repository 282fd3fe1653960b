import { View, Text, Button } from '@tarojs/components'
import { useStore } from 'zustand'
import { useT } from '@/hooks/useT'
import { agreeButton } from '@/platform/privacy'
import { roleProps } from '@/platform/role'
import { answerConsent, privacyAsk } from '@/store/privacy'
import { nav } from '@/services/nav'
import { notify } from '@/services/notify'
import './index.css'

/**
 * The consent sheet for the privacy guide, on every signed-in page: it opens when the platform (WeChat) or the app
 * (Alipay, H5) needs the person's agreement before a privacy API, links to the guide and the agreement, and answers
 * every waiting request. On WeChat the agree button is the platform's `agreePrivacyAuthorization` button, the only
 * way the agreement counts there.
 */
export default function PrivacySheet() {
  const { t } = useT()
  const asking = useStore(privacyAsk, (s) => s.asking)
  if (!asking) return null
  const agree = () => answerConsent(true)
  const decline = () => {
    answerConsent(false)
    notify(t('privacy.declined'))
  }
  return (
    <View className='privacy-mask'>
      <View className='privacy-sheet' {...roleProps('dialog')} aria-modal='true' aria-labelledby='privacy-title' data-testid='privacy-sheet'>
        <Text className='privacy-sheet__title' id='privacy-title'>{t('privacy.title')}</Text>
        <Text className='privacy-sheet__body'>{t('privacy.body')}</Text>
        <View className='privacy-sheet__links'>
          <Text className='privacy-sheet__link' {...roleProps('link')} onClick={() => void nav.legal('privacy')} data-testid='privacy-open-guide'>{t('privacy.guide')}</Text>
          <Text className='privacy-sheet__link' {...roleProps('link')} onClick={() => void nav.legal('terms')} data-testid='privacy-open-terms'>{t('privacy.terms')}</Text>
        </View>
        <View className='row privacy-sheet__actions'>
          <Button className='btn btn--ghost grow' onClick={decline} data-testid='privacy-decline'>{t('privacy.decline')}</Button>
          <Button
            className='btn btn--primary grow'
            id={agreeButton.id}
            openType={agreeButton.openType}
            {...(agreeButton.openType ? { onAgreePrivacyAuthorization: agree } : { onClick: agree })}
            data-testid='privacy-agree'
          >
            {t('privacy.agree')}
          </Button>
        </View>
      </View>
    </View>
  )
}
