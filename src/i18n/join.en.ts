import type { zhCNJoin } from './join.zh-CN'

/** Messages of the join page (its own subpackage), loaded with it by src/i18n/join.ts. */
export const enJoin: Record<keyof typeof zhCNJoin, string> = {
  'join.title': 'Join group',
  'join.invited': 'You are invited to',
  'join.claim': 'I am one of these',
  'join.claimHint': 'If your name is already in the group, pick it so the earlier expenses count as yours.',
  'join.asNew': 'Join as a new member',
  'join.joined': 'Joined',
  'join.invalid': 'This invite is no longer valid',
  'join.codeHint': 'Paste the invitation a friend sent you, or type its code',
  'join.codePlaceholder': 'Invitation or code',
  'join.codeSubmit': 'See the group',
  'join.codeMissing': 'There is no invite code in this'
}
