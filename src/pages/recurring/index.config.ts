export default definePageConfig({ navigationBarTitleText: '定期账单' })
