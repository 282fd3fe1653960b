/** What the function sends back: users, groups, expenses, payments, activity. */
import { z } from 'zod'
import { ExpenseSchema } from '../domain'
import { Amount, DateString, Id, Locale, Timestamp, Wallet } from './common'

export const UserView = z.object({
  id: Id,
  name: z.string(),
  wallet: Wallet,
  hasQr: z.boolean(),
  locale: Locale,
  /** False while the name is the platform's default ("微信用户" / "支付宝用户"): the app asks for one. */
  nameChosen: z.boolean().optional(),
  /** Where the avatar is served, relative to the function ("/avatars/<key>"); null: none (the initial is shown). */
  avatar: z.string().nullable().optional()
})
export type UserView = z.infer<typeof UserView>

/** organizer: the person who created the group (may confirm payments on a receiver's behalf); member: everyone else. */
export const MemberRole = z.enum(['organizer', 'member'])
export type MemberRole = z.infer<typeof MemberRole>

/** A member of a group: a person who joined (userId set) or a placeholder added by name (userId null). */
export const MemberView = z.object({
  id: Id,
  name: z.string(),
  userId: Id.nullable(),
  /** The member's preferred wallet (from their profile); null for a placeholder. */
  wallet: Wallet.nullable(),
  /** Whether the member uploaded a collection QR code (fetch it with getMemberQr). */
  hasQr: z.boolean(),
  /** The member's role; always sent by the function (optional for views stored by older app versions). */
  role: MemberRole.optional(),
  /** The member's avatar (see UserView.avatar); null for a placeholder or someone without one. */
  avatar: z.string().nullable().optional(),
  /**
   * The member left or was removed: kept so the history that names them still reads (shown greyed), but not a
   * member for anything new (not selectable in expenses, never in the plan). Absent from older servers.
   */
  left: z.boolean().optional()
})
export type MemberView = z.infer<typeof MemberView>

export const PaymentMethod = z.enum(['cash', 'wechat', 'alipay', 'direct'])
export type PaymentMethod = z.infer<typeof PaymentMethod>

export const PaymentView = z.object({
  id: Id,
  from: Id,
  to: Id,
  amount: Amount,
  method: PaymentMethod,
  /**
   * pending: recorded by the payer, waiting for the receiver; confirmed: counts in the balances; withdrawn by its
   * payer, or rejected by its receiver (with `reason`), before it was confirmed: it never counted.
   */
  status: z.enum(['pending', 'confirmed', 'withdrawn', 'rejected']),
  recordedBy: Id,
  createdAt: Timestamp,
  confirmedAt: Timestamp.nullable(),
  /**
   * Member id of who confirmed a pending payment: the receiver, or the organizer on their behalf. null when it
   * was confirmed as it was recorded (or by a wallet notification); always sent by the function.
   */
  confirmedBy: Id.nullable().optional(),
  /** Why the receiver rejected it (status rejected). */
  reason: z.string().nullable().optional()
})
export type PaymentView = z.infer<typeof PaymentView>

/** One suggested transfer; state `pending` when a payment from -> to was recorded and awaits confirmation. */
export const PlanItem = z.object({
  from: Id,
  to: Id,
  amount: Amount,
  state: z.enum(['open', 'pending'])
})
export type PlanItem = z.infer<typeof PlanItem>

/** The last reminder of one suggested transfer: of how much, by whom (member id and name), when. */
export const ReminderView = z.object({ from: Id, to: Id, amount: Amount, by: Id, byName: z.string(), at: Timestamp })
export type ReminderView = z.infer<typeof ReminderView>

export const GroupView = z.object({
  id: Id,
  name: z.string(),
  currency: z.string(),
  emoji: z.string(),
  /** Bumped by every change to the group; send it back as expectedVersion on edits. */
  version: z.number().int(),
  createdAt: Timestamp,
  /** My member id in this group. */
  me: Id,
  members: z.array(MemberView),
  /** Member id -> balance in the group currency (positive: is owed). Sums to 0. */
  balances: z.record(z.string(), Amount),
  plan: z.array(PlanItem),
  /** Payments recorded but not yet confirmed by the receiver. */
  pendingPayments: z.array(PaymentView),
  /**
   * Payments the receiver rejected, each the latest record of its payer and receiver (a newer payment between the
   * two replaces it): the payer sees the reason. Absent from older servers.
   */
  rejectedPayments: z.array(PaymentView).optional(),
  expenseCount: z.number().int(),
  /** Sum of all (converted) expense amounts in the group currency. */
  totalSpent: Amount,
  /** How many WeChat group chats the group is linked to (linkChat); absent from older servers. */
  chats: z.number().int().optional(),
  /** The group is archived: read-only until its organizer restores it. Absent from older servers. */
  archived: z.boolean().optional(),
  /** The last reminder of each suggested transfer that has one. Absent from older servers. */
  reminders: z.array(ReminderView).optional(),
  /**
   * The group's next recurring expense not yet made (listRecurring has every series), or null when none is planned.
   * Only getGroup answers it; absent from older servers.
   */
  nextRecurring: z.object({ seriesId: Id, date: DateString, description: z.string(), amount: Amount, currency: z.string().nullable() }).nullable().optional()
})
export type GroupView = z.infer<typeof GroupView>

export const GroupSummary = z.object({
  id: Id,
  name: z.string(),
  currency: z.string(),
  emoji: z.string(),
  version: z.number().int(),
  me: Id,
  memberCount: z.number().int(),
  /** My balance in the group currency (positive: I am owed). */
  myBalance: Amount,
  createdAt: Timestamp,
  /** The group is archived (listed apart on the home page). Absent from older servers. */
  archived: z.boolean().optional(),
  /** Someone else changed the group since I last saw it (markSeen). Absent from older servers. */
  unread: z.boolean().optional(),
  /** The version I last saw (0: never). Absent from older servers. */
  seenVersion: z.number().int().optional()
})
export type GroupSummary = z.infer<typeof GroupSummary>

export const ExpenseView = z.object({
  id: Id,
  groupId: Id,
  /** The domain expense, exactly as stored. */
  expense: ExpenseSchema,
  description: z.string(),
  category: z.string(),
  date: DateString,
  /** Member id who added it. */
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  /** What each member owes for it, in the group currency (splitExpense). */
  shares: z.record(z.string(), Amount)
})
export type ExpenseView = z.infer<typeof ExpenseView>

export const ActivityKind = z.enum([
  'group.create',
  'group.update',
  'member.add',
  'member.rename',
  'member.organizer',
  'member.remove',
  'member.leave',
  'group.archive',
  'group.restore',
  'group.delete',
  'member.join',
  'member.claim',
  'expense.add',
  'expense.edit',
  'expense.delete',
  'receipt.add',
  'receipt.remove',
  'recurring.add',
  'recurring.edit',
  'recurring.stop',
  'payment.record',
  'payment.confirm',
  'payment.withdraw',
  'payment.reject',
  'invite.create',
  'invite.revoke',
  'payment.order',
  'payment.paid',
  'payout.update',
  'group.import'
])
export type ActivityKind = z.infer<typeof ActivityKind>

export const ActivityView = z.object({
  id: z.string(),
  at: Timestamp,
  kind: ActivityKind,
  /** Who did it: their member id in the group (null for the system, e.g. a payment notify) and name. */
  actor: z.object({ memberId: Id.nullable(), name: z.string() }),
  /** The group version this change produced. */
  version: z.number().int(),
  /** What changed, e.g. { expenseId, description, amount } or { before, after } for edits. */
  data: z.record(z.string(), z.unknown())
})
export type ActivityView = z.infer<typeof ActivityView>

export const InvitePreview = z.object({
  groupId: Id,
  name: z.string(),
  emoji: z.string(),
  currency: z.string(),
  memberCount: z.number().int(),
  /** Members added by name that a person joining may claim. */
  placeholders: z.array(z.object({ id: Id, name: z.string() })),
  /** Whether the caller is already a member. */
  alreadyMember: z.boolean()
})
export type InvitePreview = z.infer<typeof InvitePreview>
