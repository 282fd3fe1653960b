export default defineAppConfig({
  pages: ['pages/index/index', 'pages/group/index'],
  // The main package holds the group list and a group. The rest loads on demand. The add-expense form, the
  // new-group form and the invite card keep their page paths (each subpackage's root is the page's folder, so
  // share cards and links keep working) and are fetched ahead of time from the page that opens them; a share
  // card that opens the join page downloads its subpackage with the main package.
  subPackages: [
    { root: 'pages/expense', pages: ['index'] },
    { root: 'pages/group-new', pages: ['index'] },
    { root: 'pages/join', pages: ['index'] },
    {
      root: 'pages-more',
      pages: ['settle/index', 'invite/index', 'me/index', 'activity/index', 'people/index']
    }
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/group-new'] },
    'pages/group/index': { network: 'all', packages: ['pages/expense', 'pages-more'] }
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#0f9d76',
    navigationBarTitleText: '分账',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f5f7'
  }
})
