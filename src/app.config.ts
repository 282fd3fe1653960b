export default defineAppConfig({
  pages: ['pages/index/index', 'pages/group/index'],
  // The main package holds the group list and a group; every other page is its own subpackage, loaded when it is
  // first opened (each subpackage's root is the page's folder, so the page paths that share cards and links use
  // are the same as in the main package's layout). The pages a screen opens are fetched ahead of time from it; a
  // share card that opens the join page downloads its subpackage with the main package.
  subPackages: [
    { root: 'pages/expense', pages: ['index', 'detail'] },
    { root: 'pages/group-new', pages: ['index'] },
    { root: 'pages/group-settings', pages: ['index'] },
    { root: 'pages/join', pages: ['index'] },
    { root: 'pages/settle', pages: ['index'] },
    { root: 'pages/invite', pages: ['index'] },
    { root: 'pages/activity', pages: ['index'] },
    { root: 'pages/me', pages: ['index'] },
    { root: 'pages/people', pages: ['index'] },
    { root: 'pages/legal', pages: ['index'] },
    { root: 'pages/stats', pages: ['index'] },
    { root: 'pages/search', pages: ['index'] },
    { root: 'pages/recurring', pages: ['index'] }
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['pages/group-new', 'pages/me', 'pages/people'] },
    'pages/group/index': { network: 'all', packages: ['pages/expense', 'pages/settle', 'pages/invite', 'pages/activity', 'pages/group-settings', 'pages/stats'] }
  },
  // WeChat injects only the components a page uses (its code-quality advice); Alipay has no such key, and the
  // alipay build drops it (config/alipay-window.ts).
  lazyCodeLoading: 'requiredComponents',
  // Dark mode: WeChat takes the '@name' colours from theme.json's light or dark palette, following the phone; the
  // pages' own colours follow prefers-color-scheme (src/app.css). Alipay's app.json has no theme file: its build gets
  // the light values (config/alipay-window.ts).
  darkmode: true,
  themeLocation: 'theme.json',
  window: {
    backgroundTextStyle: '@bgTxtStyle',
    navigationBarBackgroundColor: '@navBgColor',
    navigationBarTitleText: '分账',
    navigationBarTextStyle: '@navTxtStyle',
    backgroundColor: '@bgColor'
  }
})
