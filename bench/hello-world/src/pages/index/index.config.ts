export default definePageConfig({
  navigationBarTitleText: 'Hello world'
})
