export default definePageConfig({ navigationBarTitleText: '搜索账单' })
