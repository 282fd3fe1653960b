/** H5: the app's own first-use notice (src/platform/privacy-notice.ts). */
export * from './privacy-notice'
