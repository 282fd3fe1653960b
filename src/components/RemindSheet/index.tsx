import { View, Text, Button } from '@tarojs/components'
import type { ReminderCard } from '@/hooks/useReminders'
import { useT } from '@/hooks/useT'
import { inviteLink, shareToChat } from '@/platform/share'
import { notify } from '@/services/notify'
import { copyReminder } from '@/services/remind'
import { withConsent } from '@/store/privacy'
import './index.css'

/**
 * The reminder, ready for the chat: on WeChat and Alipay a share button sends the card the page offers (it opens
 * the settle page on that transfer); everywhere, the text can be copied (in the browser preview, with a link).
 */
export default function RemindSheet({ card, onClose }: { card: ReminderCard; onClose: () => void }) {
  const { t } = useT()
  const link = inviteLink(card.path)
  const copy = async () => {
    if (await withConsent(() => copyReminder(link ? `${card.title} ${link}` : card.text))) notify(t('group.remind.copied'))
  }
  return (
    <View className='card remind-sheet' data-testid='remind-sheet'>
      <Text className='remind-sheet__title'>{card.payer ? t('group.remind.sheetFor', { name: card.payer }) : t('group.remind.sheetAll')}</Text>
      <Text className='muted remind-sheet__text'>{card.title}</Text>
      <View className='row remind-sheet__actions'>
        {shareToChat ? (
          <Button className='btn btn--primary btn--small' openType='share' data-testid='remind-share'>
            {t('group.remind.share')}
          </Button>
        ) : null}
        <Button className='btn btn--secondary btn--small' onClick={() => void copy()} data-testid='remind-copy'>
          {t('group.remind.copy')}
        </Button>
        <Button className='btn btn--ghost btn--small' onClick={onClose} data-testid='remind-close'>
          {t('common.close')}
        </Button>
      </View>
    </View>
  )
}
