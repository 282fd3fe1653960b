/**
 * A phone in the scenario: one platform user with the compiled app installed (a MiniApp booted from the bundle),
 * signing in through the platform's login, paying with the platform's wallet.
 */
import { MiniApp, textContent, type Bundle, type PageHandle, type Scope, type Target } from '../harness'
import type { LocalFunction } from '../harness/function'
import type { PhoneWallet } from '../harness/wallet'

export const providerOf = (target: Target): 'wechat' | 'alipay' => (target === 'weapp' ? 'wechat' : 'alipay')

export function phone(
  fn: LocalFunction,
  bundle: Bundle,
  subject: string,
  options: { wallet?: PhoneWallet; launch?: { path?: string; scene?: number }; storage?: Map<string, unknown>; privacyAgreed?: boolean } = {}
): MiniApp {
  return new MiniApp({
    target: bundle.target,
    bundle,
    server: fn.origin,
    loginCode: fn.accounts.phone(providerOf(bundle.target), subject),
    wallet: options.wallet,
    launch: options.launch,
    storage: options.storage ?? freshStorage(bundle.target, options.privacyAgreed ?? true),
    privacyAgreed: options.privacyAgreed,
    groupEnterInfo: (shareTicket) => fn.accounts.groupEnterInfo(shareTicket)
  })
}

/**
 * A new phone's storage. Like the WeChat harness's default (the person agreed to the privacy guide before), an
 * Alipay phone remembers the app's first-use privacy notice as agreed unless a test says otherwise
 * (tests/miniapp/privacy.test.ts is about the first time).
 */
function freshStorage(target: Bundle['target'], agreed: boolean): Map<string, unknown> {
  const storage = new Map<string, unknown>()
  if (target === 'alipay' && agreed) storage.set('splitpay.session', JSON.stringify({ state: { privacyConsent: '2026-01-01T00:00:00.000Z', locale: 'zh-CN' }, version: 0 }))
  return storage
}

/** The money shown in the element of class `rowClass` around the text `label` (a balance row, a transfer card). */
export function moneyIn(scope: Scope, label: string | RegExp, rowClass: string): string {
  const row = scope.closest(scope.getByText(label), rowClass)
  return textContent(scope.within(row).getByClass('money')).trim()
}

/** The element right after the section title `title` (e.g. the card under "结算方案"). */
export function section(scope: Scope, title: string): Scope {
  const heading = scope.getByText(title)
  const siblings = heading.parent?.children ?? []
  const next = siblings[siblings.indexOf(heading) + 1]
  if (!next) throw new Error(`nothing follows the section title ${title}\n${scope.render()}`)
  return scope.within(next)
}

/** The group header's balance line, e.g. "应收 ¥250.00" (owed to me) or "应付 ¥100.00" (I owe). */
export function headerBalance(app: MiniApp): string {
  const page = app.page
  const stats = page.within(page.getByClass('ghead__stats'))
  return `${textContent(stats.getByClass('ghead__label')).trim()} ${textContent(stats.getByClass('money')).trim()}`
}

/**
 * From the group page: taps "＋ 记一笔" and types the amount (yuan, as a person types it) and the description into
 * the expense form, settling after each step. Returns the form, still open.
 */
export async function startExpense(app: MiniApp, amount: string, description: string): Promise<PageHandle> {
  app.page.tap('＋ 记一笔')
  const form = await app.waitForPage('pages/expense/index')
  await app.settle()
  form.input('0.00', amount)
  await app.settle()
  form.input('例如：晚饭、打车、门票', description)
  await app.settle()
  return form
}
