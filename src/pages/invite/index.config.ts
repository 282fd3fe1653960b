export default definePageConfig({ navigationBarTitleText: '邀请朋友', enableShareAppMessage: true })
