import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

/** zustand's StateStorage over Taro's async storage (wx/my storage in mini-programs, localStorage on h5). */
const taroStateStorage: StateStorage = {
  async getItem(name) {
    try {
      const res = await Taro.getStorage({ key: name })
      return typeof res.data === 'string' ? res.data : res.data == null ? null : JSON.stringify(res.data)
    } catch {
      return null // Taro rejects when the key is absent
    }
  },
  async setItem(name, value) {
    await Taro.setStorage({ key: name, data: value })
  },
  async removeItem(name) {
    try {
      await Taro.removeStorage({ key: name })
    } catch {
      // already gone
    }
  }
}

export const taroJSONStorage = createJSONStorage(() => taroStateStorage)
