/** Alipay: src/platform/role-mini.ts. */
export * from './role-mini'
