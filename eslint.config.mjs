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
    // Stores, services and hooks hold state and talk to the function; they never reach up into components or pages.
    files: ['src/store/**/*.{ts,tsx}', 'src/services/**/*.{ts,tsx}', 'src/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@/components/*', '@/pages/*', '@/pages-more/*'] }]
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
