import { type PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { wireStores } from '@/store/wire'
import { retryNow } from '@/store/queue'
import { sessionStore } from '@/store/session'
import { watchFaults } from '@/services/faults'
import { watchPrivacy } from '@/store/privacy'
import './app.css'

wireStores()
watchPrivacy()
watchFaults(() => sessionStore.getState().locale)

function App({ children }: PropsWithChildren) {
  // Coming back to the app is a good moment to send what waited (the network may be back).
  useDidShow(() => void retryNow())
  return children
}

export default App
