// zod's locales index for the function (swapped in by scripts/build-cloud.ts): zod uses English messages; the other
// 40-odd locales (about 200 KB the function would parse at every cold start) are never used.
export { default as en } from 'zod/v4/locales/en.js'
