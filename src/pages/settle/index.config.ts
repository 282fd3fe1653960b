export default definePageConfig({ navigationBarTitleText: '付款与收款', enablePullDownRefresh: true })
