import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn'
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // The domain is framework-free: nothing from Taro, React, SQL or HTTP.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'react', 'react-dom', 'zustand', 'pg', '@electric-sql/*', 'node:*', 'http', 'https'] }]
    }
  },
  {
    // The layers of the app, each importing only from below: domain, api < platform < services < store < selectors,
    // hooks < components < pages (docs/architecture.md).
    files: ['src/services/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['react', 'zustand', 'zustand/*', '@/store/*', '@/selectors/*', '@/hooks/*', '@/components/*', '@/pages/*'] }]
    }
  },
  {
    // Stores are zustand's vanilla core: no React (src/hooks/useStores.ts binds them), nothing from above.
    files: ['src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['zustand'], patterns: ['react', '@/hooks/*', '@/components/*', '@/pages/*'] }]
    }
  },
  {
    // Selectors are pure functions of views and store state: no framework, no I/O (types from the stores only).
    files: ['src/selectors/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@tarojs/*', 'react', 'zustand', 'zustand/*', '@/services/*', '@/platform/*', '@/hooks/*', '@/components/*', '@/pages/*'] },
          { group: ['@/store/*'], allowTypeImports: true }
        ]
      }]
    }
  },
  {
    files: ['src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/components/*', '@/pages/*'] }]
    }
  },
  {
    // Platform branches live only in src/platform/.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name='TARO_ENV']", message: 'Branch per target only in src/platform/ (file suffixes).' }]
    }
  }
)
