export default definePageConfig({
  navigationBarTitleText: '账本',
  enablePullDownRefresh: true,
  onReachBottomDistance: 600,
  // a reminder's card goes to the chat from this page (its share button)
  enableShareAppMessage: true
})
