export default definePageConfig({ navigationBarTitleText: '朋友', enablePullDownRefresh: true })
