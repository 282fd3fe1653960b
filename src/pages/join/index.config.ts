export default definePageConfig({ navigationBarTitleText: '加入账本' })
