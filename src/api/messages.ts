/**
 * Reminders, platform messages and what is new: remindTransfers, the notification settings (getNotifySettings,
 * setNotifyPrefs, recordConsent) and markSeen. Maintained with cloud/messages; merged into `actions` by ./index.ts.
 */
import { z } from 'zod'
import { ClientId, Id, Timestamp } from './common'
import { ReminderView } from './views'
import type { ActionSchemas } from './envelope'

/**
 * The kinds of platform message: a reminder to pay; an expense that involves me added or changed; someone paid me;
 * my payment was confirmed.
 */
export const MessageKind = z.enum(['reminder', 'expense', 'paid', 'confirmed'])
export type MessageKind = z.infer<typeof MessageKind>

/** The answer of the platform's subscribe panel for one template. */
export const ConsentAnswer = z.enum(['accept', 'reject', 'ban', 'filter'])
export type ConsentAnswer = z.infer<typeof ConsentAnswer>

const Consent = z.object({ state: z.enum(['accept', 'reject', 'ban', 'used']), credits: z.number().int() })

/** The hours between two reminders of one transfer, from anyone. */
export const REMINDER_HOURS = 12

/**
 * Remind the payer of one open suggested transfer (`transfer`), or of every open one (without it). The organizer
 * and the transfer's receiver may remind; at most one reminder per transfer per REMINDER_HOURS from anyone
 * (REMINDER_TOO_SOON with { nextAt, by, at } for a single transfer; skipped when reminding everyone). The payer gets a
 * platform message when they agreed to receive one.
 */
const remindTransfersInput = z.object({ groupId: Id, clientId: ClientId, transfer: z.object({ from: Id, to: Id }).optional() })
const remindTransfersOutput = z.object({
  reminders: z.array(ReminderView),
  skipped: z.array(z.object({ from: Id, to: Id, nextAt: Timestamp })),
  /** How many of the payers will get a platform message (the others: share the card in the chat). */
  messages: z.number().int()
})

const notifySettings = z.object({
  /** The platform the caller signed in with, whose subscribe panel the app shows; null in the browser preview. */
  platform: z.enum(['wechat', 'alipay']).nullable(),
  /** Template id per kind on that platform (only the configured ones): the ids the subscribe panel asks for. */
  templates: z.record(z.string(), z.string()),
  /** Which kinds the person wants (every kind is listed). */
  prefs: z.record(z.string(), z.boolean()),
  /** What the person answered the platform, per kind asked. */
  consents: z.record(z.string(), Consent)
})
export type NotifySettings = z.infer<typeof notifySettings>

const getNotifySettingsInput = z.object({})
const setNotifyPrefsInput = z.object({ clientId: ClientId, prefs: z.partialRecord(MessageKind, z.boolean()) })
/** What the subscribe panel answered, by template id (unknown ids are ignored). */
const recordConsentInput = z.object({ clientId: ClientId, results: z.record(z.string().min(1).max(128), ConsentAnswer) })

/** I saw the group at `version` (never moves back). */
const markSeenInput = z.object({ groupId: Id, version: z.number().int().min(0) })
const markSeenOutput = z.object({ groupId: Id, version: z.number().int() })

export const messageActions = {
  remindTransfers: { input: remindTransfersInput, output: remindTransfersOutput },
  getNotifySettings: { input: getNotifySettingsInput, output: notifySettings },
  setNotifyPrefs: { input: setNotifyPrefsInput, output: notifySettings },
  recordConsent: { input: recordConsentInput, output: notifySettings },
  markSeen: { input: markSeenInput, output: markSeenOutput }
} satisfies Record<string, ActionSchemas>
