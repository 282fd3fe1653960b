export default defineAppConfig({
  pages: ['pages/index/index'],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0f9d76',
    navigationBarTitleText: '分账',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7'
  }
})
