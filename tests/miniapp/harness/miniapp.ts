/**
 * A compiled mini-program running in Node the way the platform runs it: app.js first (App()), onLaunch and onShow,
 * then the entry page (onLoad, onShow, onReady), a page stack driven by the bundle's own navigation calls, and the
 * platform APIs behind `wx` / `my`. Network calls go over real HTTP to `server`.
 */
import path from 'node:path'
import { readBundle, type Bundle, type Target } from './bundle'
import { createRealm, type LogEntry, type Realm } from './context'
import { createMy } from './globals-alipay'
import { createWx } from './globals-weapp'
import type { LaunchOptions, ModalAnswer, ModalRequest, NavigationKind, PlatformHost, Wallet } from './host'
import { createLoader, type Evaluation, type Loader } from './loader'
import { parseUrl, planNavigation } from './navigation'
import { sendHttp } from './network'
import { PageHandle, SETDATA_WARN_BYTES, type SetDataRecord } from './page'
import { Recorder } from './recorder'

export interface MiniAppOptions {
  target: Target
  /** A bundle already read (to share one read between apps); default: dist/<target>. */
  bundle?: Bundle
  /** Origin every request is sent to, e.g. http://127.0.0.1:40123 (the compiled API_URL's host is replaced). */
  server?: string
  /**
   * The code wx.login / my.getAuthCode hands out, i.e. which platform user holds this phone: a fixed string or an
   * issuer of fresh one-time codes (PlatformAccounts.phone).
   */
  loginCode?: string | (() => string)
  wallet?: Wallet
  /** Storage that survives a relaunch: pass the storage of an earlier app to simulate reopening it. */
  storage?: Map<string, unknown>
  /** Where the app is launched: a route with an optional query (`pages/join/index?token=...`) and the scene. */
  launch?: { path?: string; scene?: number }
  /** WeChat's chat data for a shareTicket (PlatformAccounts.groupEnterInfo); without it getGroupEnterInfo fails. */
  groupEnterInfo?: (shareTicket: string) => { encryptedData: string; iv: string } | null
  /**
   * The network's round trip, ms (default 0): half of it passes before a request leaves the phone, half before its
   * answer comes back, as on a phone, where the server's work and the wire never run on the app's thread.
   */
  latencyMs?: number
  /**
   * WeChat: whether the person already agreed to the mini-program's privacy guide (default true). When false, a
   * privacy API raises onNeedPrivacyAuthorization and waits, as WeChat does, until the app resolves it.
   */
  privacyAgreed?: boolean
  echoLogs?: boolean
}

export interface Dialog extends ModalRequest {
  answer: ModalAnswer
}

export class MiniApp {
  readonly target: Target
  readonly bundle: Bundle
  readonly recorder = new Recorder()
  readonly storage: Map<string, unknown>
  readonly stack: PageHandle[] = []
  /** Every setData of every page, in order. */
  readonly setDataLog: SetDataRecord[] = []
  /** Dialogs the app showed (showModal / confirm / alert / prompt) and how they were answered. */
  readonly dialogs: Dialog[] = []
  /** Errors thrown by lifecycle and event calls, and console.error output of the bundle. */
  readonly errors: unknown[] = []
  readonly realm: Realm
  private readonly loader: Loader
  private readonly pageOptions = new Map<string, Record<string, unknown>>()
  readonly components = new Map<string, Record<string, unknown>>()
  private appInstance: Record<string, unknown> | undefined
  private inFlight = 0
  private lastActivity = Date.now()
  private readonly modalAnswers: ModalAnswer[] = []
  private readonly sheetAnswers: number[] = []
  private readonly images: { path: string; bytes: Buffer }[] = []
  private readonly messageFiles: { name: string; path: string; bytes: Buffer }[] = []
  private readonly clipboard = { text: '' }
  private readonly files = new Map<string, Buffer>()
  private alipayProfile: { avatar: string; nickName: string; avatarBytes: Buffer } | null = null
  private downloads = 0
  private launchOptions: LaunchOptions
  loginCode: string | (() => string)
  wallet: Wallet
  private readonly groupEnterInfo: MiniAppOptions['groupEnterInfo']
  server: string | undefined
  private readonly latencyMs: number
  private closed = false
  /** Listeners the bundle registered (onNetworkStatusChange, onAppShow, ...). */
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  /** Whether the phone has a network: offline, every request fails the way the platform fails it. */
  online = true
  /** WeChat's record of the person's agreement to the privacy guide (and the agree button that gave it). */
  readonly privacy: { agreed: boolean; buttonId?: string }
  private readonly setDataListeners: ((record: SetDataRecord, page: PageHandle) => void)[] = []

  constructor(options: MiniAppOptions) {
    this.target = options.target
    this.bundle = options.bundle ?? readBundle(options.target)
    if (this.bundle.target !== this.target) throw new Error(`bundle is ${this.bundle.target}, app is ${this.target}`)
    this.storage = options.storage ?? new Map()
    this.server = options.server
    this.latencyMs = options.latencyMs ?? 0
    this.privacy = { agreed: options.privacyAgreed ?? true }
    this.loginCode = options.loginCode ?? `${this.target}-user`
    this.groupEnterInfo = options.groupEnterInfo
    this.wallet = options.wallet ?? {
      wechat: () => Promise.reject(new Error('no wallet on this phone')),
      alipay: () => Promise.reject(new Error('no wallet on this phone'))
    }
    const entry = parseUrl(options.launch?.path ?? this.bundle.routes[0])
    this.launchOptions = { path: entry.route, query: entry.query, scene: options.launch?.scene ?? 1001 }

    const host = this.host()
    this.realm = createRealm(
      this.target,
      (realm) => (this.target === 'weapp' ? createWx(host, realm) : createMy(host, realm)),
      {
        App: (opts) => {
          this.appInstance = opts
        },
        Page: (opts) => {
          const file = this.loader.current
          if (!file) throw new Error('Page() called outside a page file')
          this.pageOptions.set(file.replace(/\.js$/, ''), opts)
        },
        Component: (opts) => {
          const file = this.loader.current
          if (file) this.components.set(file.replace(/\.js$/, ''), opts)
        },
        getApp: () => this.appInstance,
        getCurrentPages: () => this.realm.toRealm(this.stack.map((p) => p.instance))
      },
      { echoLogs: options.echoLogs }
    )
    this.loader = createLoader(this.bundle, this.realm.context)
    const consoleError = (this.realm.context.console as { error: (...a: unknown[]) => void }).error
    ;(this.realm.context.console as { error: (...a: unknown[]) => void }).error = (...args: unknown[]) => {
      this.errors.push(args.length === 1 ? args[0] : args)
      consoleError(...args)
    }
  }

  /** Starts the app: runs app.js, onLaunch, onShow, and opens the launch page. */
  static async launch(options: MiniAppOptions): Promise<MiniApp> {
    const app = new MiniApp(options)
    await app.start()
    return app
  }

  async start(): Promise<void> {
    this.loader.load('app.js')
    if (!this.appInstance) throw new Error(`${this.target}: app.js did not call App()`)
    const launch = this.realm.toRealm(this.launchOptions)
    this.call('App onLaunch', () => (this.appInstance?.onLaunch as ((o: unknown) => void) | undefined)?.call(this.appInstance, launch))
    this.call('App onShow', () => (this.appInstance?.onShow as ((o: unknown) => void) | undefined)?.call(this.appInstance, launch))
    await this.openPage(this.launchOptions.path, this.launchOptions.query)
    await this.settle()
  }

  get app(): Record<string, unknown> | undefined {
    return this.appInstance
  }

  /** The page on top of the stack. */
  get page(): PageHandle {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  get logs(): LogEntry[] {
    return this.realm.logs
  }

  /** Every bundle file evaluated so far (app.js and the chunks it requires, pages, components), with its times. */
  get evaluations(): readonly Evaluation[] {
    return this.loader.evaluations
  }

  /** The next dialog gets this answer (default for unscripted dialogs: confirm). */
  answerDialog(answer: ModalAnswer): void {
    this.modalAnswers.push(answer)
  }

  answerActionSheet(index: number): void {
    this.sheetAnswers.push(index)
  }

  /** A file the platform wrote (a temp file the app is handed, e.g. by WeChat's avatar sheet). */
  writeTempFile(path: string, bytes: Buffer): void {
    this.files.set(path, bytes)
  }

  /** The Alipay user's profile that my.getOpenUserInfo answers once they agree, and its avatar file on Alipay's servers. */
  setAlipayProfile(profile: { avatar: string; nickName: string; avatarBytes: Buffer }): void {
    this.alipayProfile = profile
  }

  /** The next chooseImage / chooseMedia picks this file. */
  /** A file the app wrote (FileSystemManager.writeFile*), or undefined. */
  fileAt(path: string): Buffer | undefined {
    return this.files.get(path)
  }

  pickImage(file: string, bytes: Buffer): void {
    this.images.push({ path: file, bytes })
  }

  /** WeChat: the next chooseMessageFile picks this file from a chat. */
  pickMessageFile(name: string, bytes: Buffer): void {
    this.messageFiles.push({ name, path: `wxfile://tmp_${(++this.downloads).toString(16).padStart(16, '0')}_${name}`, bytes })
  }

  /** The person copies `text` (outside the app). */
  copy(text: string): void {
    this.clipboard.text = text
  }

  /**
   * The user taps a share card in a chat: the platform opens the card's path (a cold or warm start, scene 1007
   * on WeChat / a share scene on Alipay), replacing the pages that were open.
   */
  async openShareCard(cardPath: string, options: { shareTicket?: string } = {}): Promise<PageHandle> {
    const { route, query } = parseUrl(cardPath)
    this.launchOptions = { path: route, query, scene: this.target === 'weapp' ? (options.shareTicket ? 1044 : 1007) : 1158, shareTicket: options.shareTicket }
    const show = this.realm.toRealm(this.launchOptions)
    this.call('App onShow', () => (this.appInstance?.onShow as ((o: unknown) => void) | undefined)?.call(this.appInstance, show))
    await this.navigate('reLaunch', { url: `/${route}${cardPath.includes('?') ? `?${cardPath.split('?')[1]}` : ''}` })
    await this.settle()
    return this.page
  }

  /** The phone loses or regains its network; the bundle's onNetworkStatusChange listeners hear about it. */
  setOnline(online: boolean): void {
    this.online = online
    const status = this.realm.toRealm(
      this.target === 'weapp' ? { isConnected: online, networkType: online ? 'wifi' : 'none' } : { isConnected: online, networkAvailable: online, networkType: online ? 'WIFI' : 'NOTREACHABLE' }
    )
    for (const fn of this.listeners.get('onNetworkStatusChange') ?? []) this.call('onNetworkStatusChange', () => fn(status))
  }

  /** The user leaves the app (home button, another chat): the top page's onHide, then the app's onHide. */
  hide(): void {
    this.stack[this.stack.length - 1]?.lifecycle('onHide')
    this.call('App onHide', () => (this.appInstance?.onHide as (() => void) | undefined)?.call(this.appInstance))
    for (const fn of this.listeners.get('onAppHide') ?? []) this.call('onAppHide', () => fn())
  }

  /** The user comes back to the app: the app's onShow (scene 1089, recent), then the top page's onShow. */
  async show(): Promise<void> {
    const options = this.realm.toRealm({ ...this.launchOptions, scene: this.target === 'weapp' ? 1089 : 1001 })
    this.call('App onShow', () => (this.appInstance?.onShow as ((o: unknown) => void) | undefined)?.call(this.appInstance, options))
    for (const fn of this.listeners.get('onAppShow') ?? []) this.call('onAppShow', () => fn(options))
    this.stack[this.stack.length - 1]?.lifecycle('onShow')
    await this.settle()
  }

  /** The user presses the back button (or swipes back): the top page closes and the one below shows again. */
  async back(): Promise<PageHandle> {
    await this.navigate('navigateBack', { delta: 1 })
    await this.settle()
    return this.page
  }

  /** Resolves once the app is idle: no request or payment in flight, no short timer pending, no recent setData. */
  async settle({ quietMs = 30, timeoutMs = 20000 } = {}): Promise<void> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      await sleep(5)
      const idle = this.inFlight === 0 && !this.realm.timers.busy && Date.now() - this.lastActivity >= quietMs
      if (idle) return
      if (Date.now() > deadline) {
        throw new Error(`${this.target}: app still busy after ${timeoutMs} ms (requests in flight: ${this.inFlight})`)
      }
    }
  }

  /** Waits until `predicate` (sync or async) holds; it may throw meanwhile; the last failure is reported with the page. */
  async waitFor<T>(predicate: () => T | Promise<T>, { timeoutMs = 20000 } = {}): Promise<T> {
    const deadline = Date.now() + timeoutMs
    let last: unknown
    for (;;) {
      try {
        const value = await predicate()
        if (value !== false && value !== undefined && value !== null) return value
        last = new Error('condition not met')
      } catch (e) {
        last = e
      }
      if (Date.now() > deadline) {
        const top = this.stack[this.stack.length - 1]
        const detail = last instanceof Error ? last.message : String(last)
        throw new Error(`${this.target}: timed out: ${detail}\n--- ${top?.route}\n${top ? top.render() : ''}`)
      }
      await sleep(10)
    }
  }

  /** Waits until the top page shows `text` (a substring of its visible text, or a RegExp). */
  async waitForText(text: string | RegExp, options?: { timeoutMs?: number }): Promise<PageHandle> {
    await this.waitFor(() => {
      const shown = this.page.text()
      if (typeof text === 'string' ? !shown.includes(text) : !text.test(shown)) throw new Error(`page does not show ${String(text)}`)
      return true
    }, options)
    return this.page
  }

  /** Waits until the page on top is `route`. */
  async waitForPage(route: string, options?: { timeoutMs?: number }): Promise<PageHandle> {
    await this.waitFor(() => {
      if (this.page.route !== route.replace(/^\//, '')) throw new Error(`top page is ${this.page.route}, not ${route}`)
      return true
    }, options)
    return this.page
  }

  /** Calls `listener` after each setData has been applied to the page's data. */
  onSetData(listener: (record: SetDataRecord, page: PageHandle) => void): void {
    this.setDataListeners.push(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const page of [...this.stack].reverse()) {
      page.lifecycle('onUnload')
      page.closed = true
    }
    this.stack.length = 0
    this.realm.timers.clearAll()
  }

  call<T>(label: string, fn: () => T): T {
    this.lastActivity = Date.now()
    try {
      const result = fn()
      if (result && typeof (result as { then?: unknown }).then === 'function') {
        ;(result as unknown as Promise<unknown>).then(undefined, (e) => this.errors.push(withLabel(label, e)))
      }
      return result
    } catch (e) {
      this.errors.push(withLabel(label, e))
      throw e
    }
  }

  // --- pages and navigation -------------------------------------------------------------------------------------

  private loadPage(route: string): Record<string, unknown> {
    const known = this.pageOptions.get(route)
    if (known) return known
    if (!this.bundle.routes.includes(route)) throw new Error(`page "${route}" is not found`)
    this.loadComponents(`${route}.json`)
    this.loader.load(`${route}.js`)
    const options = this.pageOptions.get(route)
    if (!options) throw new Error(`${route}.js did not call Page()`)
    return options
  }

  private loadComponents(jsonFile: string): void {
    if (!this.bundle.has(jsonFile)) return
    const using = (this.bundle.json<{ usingComponents?: Record<string, string> }>(jsonFile).usingComponents ?? {}) as Record<string, string>
    for (const ref of Object.values(using)) {
      if (ref.startsWith('plugin://')) continue
      const file = path.posix.normalize(ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(jsonFile), ref))
      if (this.components.has(file) || !this.bundle.has(`${file}.js`)) continue
      this.components.set(file, {})
      this.loader.load(`${file}.js`)
      this.loadComponents(`${file}.json`)
    }
  }

  private async openPage(route: string, query: Record<string, string>): Promise<PageHandle> {
    const options = this.loadPage(route)
    const json = this.bundle.has(`${route}.json`) ? this.bundle.json<Record<string, unknown>>(`${route}.json`) : {}
    const windowConfig = (this.bundle.app.window ?? {}) as Record<string, unknown>
    const pullDownEnabled = Boolean(
      this.target === 'weapp' ? (json.enablePullDownRefresh ?? windowConfig.enablePullDownRefresh) : (json.pullRefresh ?? windowConfig.pullRefresh)
    )
    const page = new PageHandle(route, query, options, {
      target: this.target,
      templates: this.bundle.templates,
      pullDownEnabled,
      onSetData: (record) => {
        this.lastActivity = Date.now()
        this.setDataLog.push(record)
        if (record.bytes > SETDATA_WARN_BYTES) {
          this.realm.logs.push({ level: 'warn', args: [`setData payload of ${record.bytes} bytes on ${route}`] })
        }
        for (const listener of this.setDataListeners) listener(record, page)
      },
      schedule: (fn) => this.realm.timers.setTimeout(() => this.call(`${route} setData callback`, fn), 0),
      toRealm: this.realm.toRealm,
      call: (label, fn) => this.call(label, fn),
      agreePrivacy: (buttonId) => {
        this.privacy.agreed = true
        this.privacy.buttonId = buttonId
      },
      customWrapper: () => {
        const options = this.components.get('custom-wrapper')
        return options && Object.keys(options).length > 0 ? options : undefined
      }
    })
    this.stack.push(page)
    page.lifecycle('onLoad', { ...query })
    page.lifecycle('onShow')
    await sleep(0)
    if (!page.closed) page.lifecycle('onReady')
    return page
  }

  private unload(page: PageHandle): void {
    page.lifecycle('onUnload')
    page.closed = true
    const i = this.stack.indexOf(page)
    if (i >= 0) this.stack.splice(i, 1)
  }

  async navigate(kind: NavigationKind, options: { url?: string; delta?: number }): Promise<void> {
    await sleep(0)
    const plan = planNavigation(kind, options, this.stack.map((p) => p.route), this.bundle)
    for (let i = 0; i < plan.close; i++) this.unload(this.stack[this.stack.length - 1])
    if (plan.hideTop) this.page.lifecycle('onHide')
    if (plan.open) await this.openPage(plan.open.route, plan.open.query)
    else this.page.lifecycle('onShow')
  }

  private host(): PlatformHost {
    return {
      target: this.target,
      recorder: this.recorder,
      storage: this.storage,
      currentRoute: () => this.stack[this.stack.length - 1]?.route,
      http: (request) => sendHttp(request, { target: this.target, server: this.server, online: this.online, latencyMs: this.latencyMs }),
      navigate: (kind, options) => this.navigate(kind, options),
      loginCode: () => (typeof this.loginCode === 'function' ? this.loginCode() : this.loginCode),
      modal: (request) => {
        const answer = this.modalAnswers.shift() ?? { confirm: true }
        this.dialogs.push({ ...request, answer })
        return answer
      },
      actionSheet: (items) => {
        const index = this.sheetAnswers.shift()
        if (index === undefined) throw new Error(`an action sheet (${items.join(' / ')}) was shown with no scripted answer`)
        return index
      },
      wallet: {
        wechat: (params) => this.wallet.wechat(params),
        alipay: (params) => this.wallet.alipay(params),
        wechatTransfer: (params) =>
          this.wallet.wechatTransfer ? this.wallet.wechatTransfer(params) : Promise.reject(new Error('no wallet on this phone'))
      },
      launchOptions: () => this.launchOptions,
      groupEnterInfo: (shareTicket) => this.groupEnterInfo?.(shareTicket) ?? null,
      listeners: this.listeners,
      privacy: this.privacy,
      pickImages: () => {
        const picked = this.images.splice(0)
        for (const p of picked) this.files.set(p.path, p.bytes)
        return picked
      },
      pickMessageFiles: () => {
        const picked = this.messageFiles.splice(0)
        for (const p of picked) this.files.set(p.path, p.bytes)
        return picked
      },
      clipboard: this.clipboard,
      openUserInfo: () => (this.alipayProfile ? { avatar: this.alipayProfile.avatar, nickName: this.alipayProfile.nickName } : null),
      download: (url) => {
        if (!this.alipayProfile || url !== this.alipayProfile.avatar) throw new Error(`no file at ${url}`)
        const path = `https://resource/apml${(++this.downloads).toString(16).padStart(32, '0')}.image`
        this.files.set(path, this.alipayProfile.avatarBytes)
        return path
      },
      readFile: (file) => {
        const bytes = this.files.get(file)
        if (!bytes) throw new Error(`no such file or directory ${file}`)
        return bytes
      },
      writeFile: (file, bytes) => void this.files.set(file, bytes),
      track: <T>(work: Promise<T>) => {
        this.inFlight++
        this.lastActivity = Date.now()
        const done = () => {
          this.inFlight--
          this.lastActivity = Date.now()
        }
        work.then(done, done)
        return work
      }
    }
  }

}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function withLabel(label: string, error: unknown): unknown {
  if (error instanceof Error || (error && typeof error === 'object' && 'message' in error)) {
    return Object.assign(error as object, { during: label })
  }
  return { during: label, error }
}
