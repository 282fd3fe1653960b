import type { ConsentAnswer } from '@/api/messages'

/** What the platform's subscribe panel answered, per template id; null when no panel could be shown. */
export type SubscribeAnswers = Record<string, ConsentAnswer> | null
