/**
 * The app's errors, reported to the function and told to the person calmly. A report carries what helps find the
 * bug and nothing about the person: numbers (amounts, ids, times) and quoted text (names, notes) are masked, the
 * route loses its query, and at most MAX_REPORTS distinct faults leave the phone per launch. The function answers
 * with the request id of its log line, which the app shows ("Reference: r…").
 */
import Taro from '@tarojs/taro'
import { translate, type Locale } from '@/i18n'
import { listenForFaults } from '@/platform/faults'
import type { FaultKind } from '@/platform/faults-types'
import { platform } from '@/platform/target'
import { api } from './api'
import { notify } from './notify'

export const MAX_REPORTS = 5
const sent = new Set<string>()

/** Masks what could be personal: quoted text, digits (so ids and amounts go too), e-mail-like words. */
export function scrub(text: string): string {
  return text
    .replace(/(["'`“”‘’])(?:(?!\1).){1,200}\1/g, '$1…$1')
    .replace(/\S+@\S+/g, '…@…')
    .replace(/\d+/g, '0')
}

function describe(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: error.stack }
  if (typeof error === 'string') {
    const [first, ...rest] = error.split('\n')
    return { message: first ?? '', stack: rest.join('\n') || undefined }
  }
  return { message: Object.prototype.toString.call(error) }
}

function currentRoute(): string {
  const pages = Taro.getCurrentPages?.() ?? []
  const route = (pages[pages.length - 1] as { route?: string } | undefined)?.route ?? ''
  return route.split('?')[0]!.slice(0, 200)
}

/** Reports a fault (once per distinct message, MAX_REPORTS per launch); the function's request id, or null. */
export async function reportFault(kind: FaultKind, error: unknown): Promise<string | null> {
  const { message, stack } = describe(error)
  const clean = scrub(message).slice(0, 500)
  if (sent.has(clean) || sent.size >= MAX_REPORTS) return null
  sent.add(clean)
  try {
    const out = await api('reportFault', { kind, message: clean, stack: stack ? scrub(stack).slice(0, 2000) : undefined, route: currentRoute(), platform: platform.target })
    return out.requestId
  } catch {
    return null
  }
}

/** Called once at launch: uncaught errors and rejections are reported and told in a toast (the page stays). */
export function watchFaults(localeNow: () => Locale): void {
  listenForFaults((kind, error) => {
    void reportFault(kind, error).then((id) => {
      const locale = localeNow()
      notify(id ? `${translate(locale, 'common.error')} (${translate(locale, 'fault.ref', { id })})` : translate(locale, 'common.error'))
    })
  })
}
