/** WeChat: src/platform/faults-mini.ts. */
export * from './faults-mini'
