import { type PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { wireStores } from '@/store/wire'
import { retryNow } from '@/store/queue'
import { watchFaults } from '@/services/faults'
import { watchPrivacy } from '@/services/privacy'
import './app.css'

wireStores()
watchPrivacy()
watchFaults()

function App({ children }: PropsWithChildren) {
  // Coming back to the app is a good moment to send what waited (the network may be back).
  useDidShow(() => void retryNow())
  return children
}

export default App
