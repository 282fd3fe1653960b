/**
 * One zod schema pair per action (`<action>Input`, `<action>Output`) and the `actions` map.
 * Every mutation carries `clientId`: a retry with the same clientId returns the first result and writes nothing.
 */
import { z } from 'zod'
import { CurrencySchema, ExpenseSchema, MemberIdSchema } from '../domain'
import { Amount, AuthCode, AvatarImage, ClientId, Cursor, DateString, Emoji, ExportFormat, Id, Locale, QrImage, text, Timestamp, TimeZone, UtcOffsetMinutes, Wallet } from './common'
import { PayoutState, TransferState } from './payments'
import { ActivityView, ExpenseView, GroupSummary, GroupView, InvitePreview, MemberView, PaymentMethod, PaymentView, PlanItem, UserView } from './views'

const groupRef = { groupId: Id }
const mutation = { clientId: ClientId }
const Name = text(40, 1)
const Description = text(200, 1)
const Category = text(32, 1)

// --- identity -------------------------------------------------------------------------------------------

const signInInput = z.discriminatedUnion('provider', [
  /** WeChat mini-program: the code from Taro.login (wx.login). */
  z.object({ provider: z.literal('wechat'), code: AuthCode, name: Name.optional() }),
  /** Alipay mini-program: the authCode from my.getAuthCode. */
  z.object({ provider: z.literal('alipay'), code: AuthCode, name: Name.optional() }),
  /** Local development only: sign in as a display name (the same name is the same person). */
  z.object({ provider: z.literal('dev'), name: Name })
])
const signInOutput = z.object({ token: z.string(), expiresAt: z.string(), user: UserView })

const getMeInput = z.object({})
const getMeOutput = z.object({ user: UserView })

/** Update my profile: preferred wallet, optional collection QR (null removes it), name, locale, avatar (null removes it). */
const setWalletInput = z.object({
  ...mutation,
  wallet: Wallet.optional(),
  qrImage: QrImage.nullable().optional(),
  avatar: AvatarImage.nullable().optional(),
  name: Name.optional(),
  locale: Locale.optional()
})
const setWalletOutput = z.object({ user: UserView })

/** A member's collection QR code (only for members of the same group). */
const getMemberQrInput = z.object({ ...groupRef, memberId: Id })
const getMemberQrOutput = z.object({ memberId: Id, wallet: Wallet.nullable(), qrImage: z.string().nullable() })

// --- groups ---------------------------------------------------------------------------------------------

const createGroupInput = z.object({
  ...mutation,
  name: Name,
  currency: CurrencySchema.default('CNY'),
  emoji: Emoji.default('💰'),
  /** Placeholder members added by name right away (friends who have not joined yet). */
  placeholders: z.array(Name).max(50).default([])
})
const createGroupOutput = z.object({ group: GroupView })

/** Newest first; without a cursor, the first page. Follow nextCursor until it is null to get every group. */
const listGroupsInput = z.object({
  cursor: Cursor.optional(),
  limit: z.number().int().min(1).max(100).default(50)
})
/** What I owe and am owed across all my groups, one entry per currency (never converted), the currency of most groups first. */
export const CurrencyTotals = z.object({ currency: z.string(), owe: Amount, owed: Amount, groups: z.number().int() })
export type CurrencyTotals = z.infer<typeof CurrencyTotals>
/** `totals` comes with the first page (no cursor): across every group, not only the page. */
const listGroupsOutput = z.object({ items: z.array(GroupSummary), nextCursor: Cursor.nullable(), totals: z.array(CurrencyTotals).optional() })

/**
 * The people I share groups with, and what is open between us: per currency the net (positive: they owe me), and
 * per group the suggested transfers between the two of us (each group's own plan; currencies never mixed). A
 * signed-in person is one entry across groups; a placeholder (no account) is one entry per group.
 */
export const PersonView = z.object({
  /** The user id, or `m:<member id>` for a placeholder. */
  key: z.string(),
  userId: Id.nullable(),
  name: z.string(),
  /** Their avatar (see UserView.avatar); null for a placeholder or someone without one. */
  avatar: z.string().nullable().optional(),
  nets: z.array(z.object({ currency: z.string(), amount: Amount })),
  groups: z.array(
    z.object({ groupId: Id, groupName: z.string(), emoji: z.string(), currency: z.string(), memberId: Id, transfers: z.array(PlanItem) })
  )
})
export type PersonView = z.infer<typeof PersonView>
const listPeopleInput = z.object({})
const listPeopleOutput = z.object({ people: z.array(PersonView) })

const getGroupInput = z.object({ ...groupRef })
const getGroupOutput = z.object({ group: GroupView })

const addMemberInput = z.object({ ...groupRef, ...mutation, name: Name })
const addMemberOutput = z.object({ member: MemberView, version: z.number().int() })

/**
 * Group settings (any member): a new name, emoji or currency; the currency only while the group holds no expense
 * and no payment (GROUP_HAS_EXPENSES). Fields left out stay as they are; nothing changed is no change.
 */
const updateGroupInput = z.object({
  ...groupRef,
  ...mutation,
  expectedVersion: z.number().int().min(0).optional(),
  name: Name.optional(),
  emoji: Emoji.optional(),
  currency: CurrencySchema.optional()
})
const updateGroupOutput = z.object({ group: GroupView })

/** A new name for a member added by name that nobody has claimed yet (MEMBER_CLAIMED otherwise). */
const renameMemberInput = z.object({ ...groupRef, ...mutation, memberId: Id, name: Name })
const renameMemberOutput = z.object({ member: MemberView, version: z.number().int() })

/** The organizer hands their role to another member who joined (FORBIDDEN for anyone else; MEMBER_NOT_JOINED for a placeholder). */
const handOverOrganizerInput = z.object({ ...groupRef, ...mutation, memberId: Id })
const handOverOrganizerOutput = z.object({ group: GroupView })

/**
 * Remove a member at a zero balance with nothing pending (MEMBER_HAS_BALANCE / MEMBER_HAS_PENDING otherwise). A
 * placeholder nothing refers to is deleted; anyone else stays in the record as `left`. Any member removes a
 * placeholder; only the organizer removes someone who joined; nobody removes themselves (leaveGroup).
 */
const removeMemberInput = z.object({ ...groupRef, ...mutation, memberId: Id })
const removeMemberOutput = z.object({ group: GroupView })

/**
 * Leave a group at a zero balance (MEMBER_HAS_BALANCE with { balance, currency } otherwise). An organizer's role
 * goes to the first other member who joined; when nobody who joined is left, the group is archived.
 */
const leaveGroupInput = z.object({ ...groupRef, ...mutation })
const leaveGroupOutput = z.object({ groupId: Id, archived: z.boolean(), version: z.number().int() })

/** Archive (read-only, listed apart) or restore a group: the organizer only. */
const archiveGroupInput = z.object({ ...groupRef, ...mutation, archived: z.boolean() })
const archiveGroupOutput = z.object({ group: GroupView })

/** Delete a settled group (GROUP_NOT_SETTLED otherwise) from every member's list: the organizer only. */
const deleteGroupInput = z.object({ ...groupRef, ...mutation })
const deleteGroupOutput = z.object({ groupId: Id, version: z.number().int() })

// --- expenses -------------------------------------------------------------------------------------------

/**
 * Filters of listExpenses, all optional and combined with AND: `text` is a case-insensitive substring of the
 * description (taken literally: `%`, `_` and `\` match themselves); `category` is exact; `memberId` keeps the
 * expenses that member paid into or has a non-zero entry in the split (listed in an equal or adjust split, or a
 * non-zero weight, percentage, exact amount or adjustment; an unknown id finds nothing); `from` / `to` are the
 * first and last day, inclusive (`from` after `to`: INVALID_INPUT). A cursor belongs to the filters it was made
 * with: used with others, INVALID_INPUT.
 */
export const ExpenseFilters = {
  text: text(100, 1).optional(),
  category: Category.optional(),
  memberId: Id.optional(),
  from: DateString.optional(),
  to: DateString.optional()
}
export type ExpenseFilters = { [K in keyof typeof ExpenseFilters]?: z.infer<(typeof ExpenseFilters)[K]> }

const listExpensesInput = z
  .object({
    ...groupRef,
    cursor: Cursor.optional(),
    limit: z.number().int().min(1).max(100).default(50),
    ...ExpenseFilters
  })
  .refine((i) => !i.from || !i.to || i.from <= i.to, { message: 'from must not be after to', path: ['to'] })
/** Newest first (by date, then by when added); follow nextCursor until it is null to get every matching expense. */
const listExpensesOutput = z.object({ items: z.array(ExpenseView), nextCursor: Cursor.nullable() })

const expenseFields = {
  description: Description,
  category: Category.default('other'),
  /** The day it happened; defaults to today in the sender's time zone (see addExpenseInput). */
  date: DateString.optional()
}

/**
 * The expense id is client-made (so an offline client can refer to it before it syncs). Without `date`, the day
 * is "today" for the sender: in `timeZone` (IANA, e.g. "Asia/Shanghai") when given, else at `utcOffsetMinutes`
 * (minutes east of UTC: 480 for China, i.e. `-new Date().getTimezoneOffset()`), else in UTC.
 */
const addExpenseInput = z.object({
  ...groupRef,
  ...mutation,
  expense: ExpenseSchema,
  ...expenseFields,
  timeZone: TimeZone.optional(),
  utcOffsetMinutes: UtcOffsetMinutes.optional()
})
const addExpenseOutput = z.object({ expense: ExpenseView, version: z.number().int() })

/** Replace an expense (identified by expense.id). A stale expectedVersion -> 409 VERSION_CONFLICT. */
const editExpenseInput = z.object({
  ...groupRef,
  ...mutation,
  expectedVersion: z.number().int().min(0).optional(),
  expense: ExpenseSchema,
  description: Description.optional(),
  category: Category.optional(),
  date: DateString.optional()
})
const editExpenseOutput = z.object({ expense: ExpenseView, version: z.number().int() })

/** Soft delete (kept in the activity log). */
const deleteExpenseInput = z.object({
  ...groupRef,
  ...mutation,
  expenseId: Id,
  expectedVersion: z.number().int().min(0).optional()
})
const deleteExpenseOutput = z.object({ expenseId: Id, version: z.number().int() })

// --- settling up by hand (cash or direct wallet-to-wallet) ---------------------------------------------

/** Record that `from` paid `to`. Recorded by the receiver it is confirmed at once; otherwise pending. */
const recordPaymentInput = z.object({
  ...groupRef,
  ...mutation,
  from: MemberIdSchema,
  to: MemberIdSchema,
  amount: Amount,
  method: PaymentMethod.default('cash')
})
const recordPaymentOutput = z.object({ payment: PaymentView, version: z.number().int() })

/** The receiver, or the group's organizer on their behalf (e.g. cash handed over in person), confirms the money arrived. */
const confirmPaymentInput = z.object({ ...groupRef, ...mutation, paymentId: Id })
const confirmPaymentOutput = z.object({ payment: PaymentView, version: z.number().int() })

/** The payer (or who recorded it) takes back a payment still waiting for the receiver. */
const withdrawPaymentInput = z.object({ ...groupRef, ...mutation, paymentId: Id })
const withdrawPaymentOutput = confirmPaymentOutput

/** The receiver says a payment waiting for them did not arrive; the payer sees the reason. */
const rejectPaymentInput = z.object({ ...groupRef, ...mutation, paymentId: Id, reason: text(200, 1) })
const rejectPaymentOutput = confirmPaymentOutput

// --- invites and joining --------------------------------------------------------------------------------

export const InviteToken = z.string().min(16).max(64).regex(/^[A-Za-z0-9_-]+$/, { message: 'invalid invite token' })

const createInviteInput = z.object({ ...groupRef, ...mutation })
/** The group's open invite (the same one on every call until it is revoked), or a new one; only the token's hash is stored. */
const createInviteOutput = z.object({ inviteId: Id, token: InviteToken, version: z.number().int() })

const revokeInviteInput = z.object({ ...groupRef, ...mutation, inviteId: Id })
const revokeInviteOutput = z.object({ inviteId: Id, version: z.number().int() })

/**
 * A link that opens the join page of the group's invite outside the app, from the platform the caller signed in
 * with: a WeChat URL Link (generated by the function with /wxa/generate_urllink, valid 30 days), an Alipay
 * ds.alipay.com scheme link; null where there is none (the join code is given instead).
 */
const inviteLinkInput = z.object({ ...groupRef, token: InviteToken })
const inviteLinkOutput = z.object({ link: z.string().nullable() })

const previewInviteInput = z.object({ token: InviteToken })
const previewInviteOutput = z.object({ invite: InvitePreview })

/** Join with an invite; optionally take over a placeholder member added by name. */
const joinGroupInput = z.object({ ...mutation, token: InviteToken, claimMemberId: Id.optional() })
const joinGroupOutput = z.object({ group: GroupView })

/** A member who joined takes over a placeholder (their own unused member is removed). */
const claimMemberInput = z.object({ ...groupRef, ...mutation, memberId: Id })
const claimMemberOutput = z.object({ group: GroupView })

// --- history and export ---------------------------------------------------------------------------------

const listActivityInput = z.object({
  ...groupRef,
  cursor: Cursor.optional(),
  limit: z.number().int().min(1).max(100).default(50)
})
/** Newest first; follow nextCursor until null. */
const listActivityOutput = z.object({ items: z.array(ActivityView), nextCursor: Cursor.nullable() })

const exportGroupInput = z.object({ ...groupRef, format: ExportFormat })
const exportGroupOutput = z.object({ filename: z.string(), contentType: z.string(), content: z.string() })

// --- WeChat group chats ---------------------------------------------------------------------------------

/** The encrypted data of wx.getGroupEnterInfo / wx.getShareInfo (AES-128-CBC under the caller's session_key). */
const chatData = { encryptedData: z.string().min(1).max(8192), iv: z.string().min(1).max(64) }

/** Link the group to the WeChat chat the data names (a group may be linked to several chats). */
const linkChatInput = z.object({ ...groupRef, ...mutation, ...chatData })
const linkChatOutput = z.object({ groupId: Id, chats: z.number().int() })

/** My groups linked to the chat the data names, most recently linked first. */
const groupsForChatInput = z.object({ ...chatData })
const groupsForChatOutput = z.object({ groupIds: z.array(Id) })

// --- my data (PIPL: the right to a copy, the right to deletion) -------------------------------------------

/** One group I am or was in, with my member there. `balance`: mine, in the group currency (positive: I am owed). */
const ExportMembership = z.object({
  groupId: Id,
  groupName: z.string(),
  emoji: z.string(),
  currency: z.string(),
  memberId: Id,
  /** My name in the group. */
  memberName: z.string(),
  role: z.enum(['organizer', 'member']),
  /** When my member was added (the placeholder's creation when I claimed one). */
  joinedAt: Timestamp,
  leftAt: Timestamp.nullable(),
  archived: z.boolean(),
  deleted: z.boolean(),
  balance: Amount,
  /** The group's members as I see them in the group (id and name only). */
  members: z.array(z.object({ memberId: Id, name: z.string() }))
})

/** An expense I paid for or have a share in (deleted ones too, with deletedAt). */
const ExportExpense = ExpenseView.extend({
  /** The group currency, which `shares` and `myShare` are in. */
  currency: z.string(),
  /** What I paid, in the expense's own currency (`expense.currency`, else the group's), minor units. */
  myPaid: Amount,
  /** My share, in the group currency, minor units. */
  myShare: Amount,
  deletedAt: Timestamp.nullable()
})

/** A payment from or to me, recorded by hand or made by a wallet transfer. */
const ExportPayment = PaymentView.extend({ groupId: Id, currency: z.string(), direction: z.enum(['sent', 'received']) })

/** An in-app wallet transfer from or to me. */
const ExportTransfer = z.object({
  id: z.string(),
  groupId: Id,
  from: Id,
  to: Id,
  direction: z.enum(['sent', 'received']),
  amount: Amount,
  currency: z.string(),
  channel: z.string(),
  state: TransferState,
  payoutState: PayoutState.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp
})

/** Everything the function holds about me: my data, not another person's (no one else's QR image or avatar). */
const exportMyDataInput = z.object({})
const exportMyDataOutput = z.object({
  exportedAt: Timestamp,
  user: z.object({
    id: Id,
    provider: z.string(),
    /** The platform's id of me (WeChat openid, Alipay user id; the dev name). */
    subject: z.string(),
    name: z.string(),
    wallet: Wallet,
    locale: Locale,
    nameChosen: z.boolean(),
    createdAt: Timestamp,
    /** Which kinds of message I want (kind -> boolean; a kind not named is wanted). */
    notifyPrefs: z.record(z.string(), z.unknown())
  }),
  images: z.object({
    /** My collection QR code as stored (a data URL), or null. */
    qrImage: z.string().nullable(),
    /** My avatar: the path it is served under and the image as a data URL, or null. */
    avatar: z.object({ path: z.string(), dataUrl: z.string() }).nullable()
  }),
  memberships: z.array(ExportMembership),
  expenses: z.array(ExportExpense),
  payments: z.array(ExportPayment),
  transfers: z.array(ExportTransfer),
  messageConsents: z.array(z.object({ kind: z.string(), state: z.enum(['accept', 'reject', 'ban', 'used']), credits: z.number().int(), updatedAt: Timestamp })),
  /** Platform messages queued or sent to me. */
  messages: z.array(z.object({ kind: z.string(), state: z.string(), createdAt: Timestamp, sentAt: Timestamp.nullable(), payload: z.record(z.string(), z.unknown()) })),
  /** The group version I last saw, per group. */
  reads: z.array(z.object({ groupId: Id, version: z.number().int() })),
  /** WeChat group chats I linked a group to. */
  chats: z.array(z.object({ groupId: Id, linkedAt: Timestamp }))
})

/**
 * Delete my account for good. Refused (409, nothing written) with ACCOUNT_HAS_BALANCE while I owe or am owed in a
 * group that is not deleted (details: { groups: [{ groupId, groupName, memberId, balance, currency }] }), and with
 * ACCOUNT_PAYMENT_IN_PROGRESS while a payment involving me is not finished: a hand-recorded one waiting for its
 * receiver, a wallet transfer being paid, or its payout (details: { items: [{ groupId, kind, id, state }] }).
 * Otherwise my profile, images, consents, messages and sessions are gone; in each group my member stays, anonymous
 * ('已注销用户'), so the expenses and payments that name it still add up. A retry with the same clientId (and the
 * old token) gets the same answer; any other call with the old token is a 401.
 */
const deleteAccountInput = z.object({ ...mutation, confirm: z.literal('DELETE') })
const deleteAccountOutput = z.object({
  deleted: z.literal(true),
  deletedAt: Timestamp,
  /** Groups where my member was made anonymous, and groups deleted because nobody who joined was left in them. */
  groups: z.object({ anonymized: z.number().int(), deleted: z.number().int() })
})

/**
 * An error the app hit (a page that failed to draw, an uncaught error, a rejected promise), reported so it can be
 * found in the function's log by the request id the app shows. Auth none (it may happen before sign-in); the app
 * sends no personal data (numbers and quoted text are masked before it leaves the phone) and at most a few per launch.
 */
const reportFaultInput = z.object({
  kind: z.enum(['render', 'error', 'rejection']),
  message: z.string().max(500),
  stack: z.string().max(2000).optional(),
  route: z.string().max(200),
  platform: z.enum(['weapp', 'alipay', 'h5'])
})
const reportFaultOutput = z.object({ requestId: z.string() })

// --- the map --------------------------------------------------------------------------------------------

export const coreActions = {
  signIn: { input: signInInput, output: signInOutput },
  getMe: { input: getMeInput, output: getMeOutput },
  setWallet: { input: setWalletInput, output: setWalletOutput },
  getMemberQr: { input: getMemberQrInput, output: getMemberQrOutput },
  createGroup: { input: createGroupInput, output: createGroupOutput },
  listGroups: { input: listGroupsInput, output: listGroupsOutput },
  listPeople: { input: listPeopleInput, output: listPeopleOutput },
  getGroup: { input: getGroupInput, output: getGroupOutput },
  addMember: { input: addMemberInput, output: addMemberOutput },
  updateGroup: { input: updateGroupInput, output: updateGroupOutput },
  renameMember: { input: renameMemberInput, output: renameMemberOutput },
  handOverOrganizer: { input: handOverOrganizerInput, output: handOverOrganizerOutput },
  removeMember: { input: removeMemberInput, output: removeMemberOutput },
  leaveGroup: { input: leaveGroupInput, output: leaveGroupOutput },
  archiveGroup: { input: archiveGroupInput, output: archiveGroupOutput },
  deleteGroup: { input: deleteGroupInput, output: deleteGroupOutput },
  listExpenses: { input: listExpensesInput, output: listExpensesOutput },
  addExpense: { input: addExpenseInput, output: addExpenseOutput },
  editExpense: { input: editExpenseInput, output: editExpenseOutput },
  deleteExpense: { input: deleteExpenseInput, output: deleteExpenseOutput },
  recordPayment: { input: recordPaymentInput, output: recordPaymentOutput },
  confirmPayment: { input: confirmPaymentInput, output: confirmPaymentOutput },
  withdrawPayment: { input: withdrawPaymentInput, output: withdrawPaymentOutput },
  rejectPayment: { input: rejectPaymentInput, output: rejectPaymentOutput },
  createInvite: { input: createInviteInput, output: createInviteOutput },
  revokeInvite: { input: revokeInviteInput, output: revokeInviteOutput },
  inviteLink: { input: inviteLinkInput, output: inviteLinkOutput },
  previewInvite: { input: previewInviteInput, output: previewInviteOutput },
  joinGroup: { input: joinGroupInput, output: joinGroupOutput },
  claimMember: { input: claimMemberInput, output: claimMemberOutput },
  listActivity: { input: listActivityInput, output: listActivityOutput },
  exportGroup: { input: exportGroupInput, output: exportGroupOutput },
  linkChat: { input: linkChatInput, output: linkChatOutput },
  groupsForChat: { input: groupsForChatInput, output: groupsForChatOutput },
  exportMyData: { input: exportMyDataInput, output: exportMyDataOutput },
  deleteAccount: { input: deleteAccountInput, output: deleteAccountOutput },
  reportFault: { input: reportFaultInput, output: reportFaultOutput }
} as const
