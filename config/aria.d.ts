/** config/aria.js (plain JS: the runtime half loads it without a TypeScript loader). */
export const ARIA_COMPONENTS: Record<string, Record<string, string>>
