export default defineAppConfig({
  pages: ['pages/index/index', 'pages/group/index', 'pages/expense/index', 'pages/group-new/index', 'pages/join/index'],
  subPackages: [
    {
      root: 'pages-more',
      pages: ['settle/index', 'invite/index', 'me/index', 'activity/index']
    }
  ],
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0f9d76',
    navigationBarTitleText: '分账',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7'
  }
})
