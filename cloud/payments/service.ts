/**
 * The one owner of a function instance's payments: the providers (built on first use, rebuilt when the public
 * address changes), the sandbox wallet's keys, the payout outbox's timer, and the payouts being sent right now
 * (which shutdown and the tests wait for). It hangs off the app's services (`services.payments`); nothing about
 * payments is kept anywhere else in memory.
 */
import type { AppServices } from '../actions/types'
import { processDuePayouts } from './payouts'
import { buildRuntime, readSandboxKeys, sandboxWanted, type PaymentsRuntime } from './runtime'
import type { SandboxKeys } from './sandbox/keys'

export class Payments {
  private built?: Promise<PaymentsRuntime>
  private keys?: Promise<SandboxKeys>
  private publicUrl?: string
  private timer?: ReturnType<typeof setInterval>
  private readonly sending = new Set<Promise<unknown>>()

  constructor(private readonly services: AppServices) {}

  /**
   * Called when the function starts, outside any transaction: in sandbox mode, loads the wallet's keys now. The
   * runtime itself is built on first use, which may be inside an action's transaction, where PGlite (one
   * connection) could not run another query.
   */
  async prepare(): Promise<void> {
    const { config } = this.services
    if (config.SPLITPAY_MODE === 'dev' && sandboxWanted(config, false)) await this.sandboxKeys()
  }

  /** The providers of this instance (built on first use; a failed build is retried by the next call). */
  runtime(): Promise<PaymentsRuntime> {
    if (!this.built) {
      const built = buildRuntime(this.services, { publicUrl: this.publicUrl, sandboxKeys: () => this.sandboxKeys() }).then((rt) => {
        if (rt.mode !== 'off' && this.built === built) this.startOutbox()
        return rt
      })
      this.built = built
      built.catch(() => this.built === built && (this.built = undefined))
    }
    return this.built
  }

  /**
   * Sets the public origin the providers post notifications to (and, in sandbox mode, where the SDKs find the
   * sandbox wallet), e.g. after listening on a free port. Rebuilds the runtime.
   */
  async configure(opts: { publicUrl: string }): Promise<PaymentsRuntime> {
    this.publicUrl = opts.publicUrl
    await this.forget()
    return this.runtime()
  }

  /**
   * Called when the function starts listening: without PAYMENTS_PUBLIC_URL, notifications (and the sandbox SDKs)
   * go to the address actually listened on, e.g. a free port picked with PORT=0. Nothing is built or loaded here.
   */
  listeningOn(url: string): void {
    if ((this.services.config.raw.PAYMENTS_PUBLIC_URL ?? '').trim() || this.publicUrl) return
    this.publicUrl = url
    void this.forget()
  }

  /** Starts sending due payouts in the background (optionally only one transfer's), tracked until done. */
  kick(transferId?: string): void {
    const run: Promise<unknown> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => processDuePayouts(this.services, transferId))
      .catch((err) => console.error('[splitpay] payout outbox:', (err as Error).message))
      .finally(() => this.sending.delete(run))
    this.sending.add(run)
  }

  /** Resolves when every payout this instance is sending has finished. */
  async settled(): Promise<void> {
    while (this.sending.size) await Promise.allSettled([...this.sending])
  }

  /** On shutdown: stops the outbox timer and waits for payouts being sent, without building a runtime. */
  async drain(): Promise<void> {
    this.stopOutbox()
    await this.settled()
  }

  /** The sandbox wallet's keys, read from the database once: a rebuilt runtime (new public URL) reuses them. */
  private sandboxKeys(): Promise<SandboxKeys> {
    if (!this.keys) {
      const keys = readSandboxKeys(this.services.db)
      this.keys = keys
      keys.catch(() => this.keys === keys && (this.keys = undefined))
    }
    return this.keys
  }

  /** Sends due payouts every PAYMENTS_OUTBOX_INTERVAL_MS (default 30 s; 0 turns it off) on long-running servers. */
  private startOutbox(): void {
    const raw = this.services.config.raw.PAYMENTS_OUTBOX_INTERVAL_MS?.trim()
    const ms = raw ? Number(raw) : 30_000
    if (!Number.isFinite(ms) || ms <= 0 || this.timer) return
    this.timer = setInterval(() => this.kick(), ms)
    this.timer.unref?.()
  }

  private stopOutbox(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = undefined
  }

  /** Forgets the runtime (to be rebuilt on next use), stopping the outbox timer. */
  private async forget(): Promise<void> {
    const old = this.built
    this.built = undefined
    this.stopOutbox()
    await old?.catch(() => undefined)
  }
}
