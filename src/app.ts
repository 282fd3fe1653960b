import { type PropsWithChildren } from 'react'
import { useDidShow } from '@tarojs/taro'
import { wireQueue } from '@/store/mutations'
import { retryNow } from '@/store/queue'
import './app.css'

wireQueue()

function App({ children }: PropsWithChildren) {
  // Coming back to the app is a good moment to send what waited (the network may be back).
  useDidShow(() => void retryNow())
  return children
}

export default App
