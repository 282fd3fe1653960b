export default definePageConfig({
  navigationBarTitleText: '账本',
  enablePullDownRefresh: true,
  onReachBottomDistance: 600
})
