/**
 * Jest projects, one per kind of test:
 *   domain          pure money rules (node)
 *   app             components, stores and pages with Testing Library (jsdom, Taro doubles)
 *   cloud           the cloud function over HTTP against PGlite in memory (node)
 *   cloud-postgres  the same suites against a real PostgreSQL server started by its global setup
 *   miniapp         the compiled dist/weapp and dist/alipay bundles booted in a Node vm
 *   e2e             the H5 build in Debian's Chromium, driven by playwright-core
 * `npm test` runs domain, app, cloud and miniapp; `npm run test:all` (scripts/test-all.mjs) runs every project, in phases.
 */
const tsJest = [
  'ts-jest',
  {
    diagnostics: false,
    tsconfig: {
      module: 'commonjs',
      moduleResolution: 'node',
      target: 'ES2022',
      jsx: 'react-jsx',
      esModuleInterop: true,
      allowJs: true,
      isolatedModules: true
    }
  }
]

const base = {
  transform: { '^.+\\.(t|j)sx?$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!(@electric-sql/pglite)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json', 'mjs', 'cjs'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1'
  },
  testEnvironment: 'node'
}

const cloudSuites = ['<rootDir>/tests/cloud/**/*.test.ts']

module.exports = {
  projects: [
    { ...base, displayName: 'domain', testMatch: ['<rootDir>/tests/domain/**/*.test.ts'] },
    {
      ...base,
      displayName: 'app',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/app/**/*.test.ts?(x)'],
      // Platform files are picked like Taro's h5 build picks them: `x.h5.ts` before `x.ts`.
      moduleFileExtensions: ['h5.ts', 'h5.tsx', 'ts', 'tsx', 'js', 'jsx', 'json'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/tests/doubles/taro.ts',
        '^@tarojs/components$': '<rootDir>/tests/doubles/components.tsx',
        '\\.(css|scss|less)$': '<rootDir>/tests/doubles/style.ts',
        '^@/(.*)$': '<rootDir>/src/$1'
      },
      setupFiles: ['<rootDir>/tests/setup/app-globals.ts']
    },
    // instances.test.ts starts two function processes on one database: PostgreSQL only
    { ...base, displayName: 'cloud', testMatch: cloudSuites, testPathIgnorePatterns: ['/tests/cloud/instances\\.test\\.ts$'] },
    {
      ...base,
      displayName: 'cloud-postgres',
      testMatch: cloudSuites,
      globalSetup: '<rootDir>/tests/setup/postgres-start.ts',
      globalTeardown: '<rootDir>/tests/setup/postgres-stop.ts',
      setupFiles: ['<rootDir>/tests/setup/postgres-env.ts']
    },
    {
      ...base,
      displayName: 'miniapp',
      testMatch: ['<rootDir>/tests/miniapp/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/miniapp/global-setup.ts'
    },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] }
  ]
}
