import { type PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { wireStores } from '@/store/wire'
import { retryNow } from '@/store/queue'
import './app.css'

wireStores()

function App({ children }: PropsWithChildren) {
  // Coming back to the app is a good moment to send what waited (the network may be back).
  useDidShow(() => void retryNow())
  return children
}

export default App
