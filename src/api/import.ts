/**
 * Importing a ledger into a new group: importGroup. Maintained with cloud/actions/import.ts and cloud/ledger/import;
 * merged into `actions` by ./index.ts.
 */
import { z } from 'zod'
import { CurrencySchema } from '../domain'
import { ClientId, text } from './common'
import { GroupView } from './views'
import type { ActionSchemas } from './envelope'

/** The most characters an imported file may have (the HTTP entry's body limit, BODY_LIMIT_BYTES, applies first). */
export const IMPORT_MAX_CHARS = 2 * 1024 * 1024

/**
 * The formats importGroup reads: `json`, our own export (exportGroup format 'json'); `splitwise`, Splitwise's CSV
 * export (Date, Description, Category, Cost, Currency, then one column per person).
 */
export const ImportFormat = z.enum(['json', 'splitwise'])
export type ImportFormat = z.infer<typeof ImportFormat>

/**
 * A new group from a file, in one transaction: any bad line refuses the whole file (IMPORT_INVALID, with
 * `details.line`), a JSON file whose balances do not match its expenses and payments is refused (IMPORT_MISMATCH),
 * and nothing is written either way. The file's people become placeholders; the caller is the organizer, an extra
 * member unless `me` names the file's member that is them (JSON: its member id; Splitwise: its column's name).
 * `name` replaces the file's group name; `currency` is the group currency of a Splitwise file (default: the
 * currency of its first row); every row must be in it.
 */
const importGroupInput = z.object({
  clientId: ClientId,
  format: ImportFormat,
  content: z.string().min(1).max(IMPORT_MAX_CHARS, { message: `at most ${IMPORT_MAX_CHARS} characters` }),
  name: text(40, 1).optional(),
  currency: CurrencySchema.optional(),
  me: z.string().min(1).max(64).optional()
})

/** What was imported; `skipped`: lines left out on purpose (e.g. a row that moves nobody's balance), with why. */
const importGroupOutput = z.object({
  group: GroupView,
  imported: z.object({
    expenses: z.number().int(),
    payments: z.number().int(),
    members: z.number().int(),
    skipped: z.array(z.object({ line: z.number().int().nullable(), reason: z.string() }))
  })
})

export const importActions = {
  importGroup: { input: importGroupInput, output: importGroupOutput }
} satisfies Record<string, ActionSchemas>
