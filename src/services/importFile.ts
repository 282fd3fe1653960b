/**
 * What a file to import is, read on the phone before it is sent: our own JSON export or a Splitwise CSV, and the
 * people in it, so the person can say which one is them. The function reads the file for real (every line checked).
 */
import type { ImportFormat } from '@/api/import'

export interface ImportPreview {
  format: ImportFormat
  /** The file's people: `key` is what importGroup's `me` takes (JSON: the member id; Splitwise: the column name). */
  people: { key: string; name: string }[]
  /** The group name in the file (JSON only). */
  groupName?: string
}

/** The columns of a Splitwise export before its people. */
const SPLITWISE_FIXED = 5

/** The fields of one CSV line (quotes and doubled quotes handled; the header line never spans lines). */
export function csvLine(line: string): string[] {
  const out: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      out.push(field)
      field = ''
    } else field += c
  }
  out.push(field)
  return out.map((f) => f.trim())
}

/** The format and people of a file's text; null when it is neither of the formats (the function would refuse it). */
export function previewImport(content: string): ImportPreview | null {
  const text = content.replace(/^\uFEFF/, '').trimStart()
  if (text.startsWith('{')) {
    try {
      const data = JSON.parse(text) as { group?: { name?: unknown }; members?: Array<{ id?: unknown; name?: unknown }> }
      const people = (data.members ?? []).filter((m) => typeof m.id === 'string' && typeof m.name === 'string').map((m) => ({ key: m.id as string, name: m.name as string }))
      return { format: 'json', people, ...(typeof data.group?.name === 'string' ? { groupName: data.group.name } : {}) }
    } catch {
      return null
    }
  }
  const header = csvLine(text.split(/\r?\n/, 1)[0] ?? '')
  if (header.length <= SPLITWISE_FIXED || header[0]!.toLowerCase() !== 'date') return null
  return { format: 'splitwise', people: header.slice(SPLITWISE_FIXED).filter(Boolean).map((name) => ({ key: name, name })) }
}
