/**
 * The function's public origin, where its GET routes (receipt photos at /receipts/<id>) are reached from a phone:
 * PUBLIC_URL, else PAYMENTS_PUBLIC_URL (docs/payments.md), else the address the function listens on (a local server,
 * the tests). A serverless entry that never listens and has neither variable knows none: links are then paths
 * ("/receipts/<id>?..."), to be read on the function's host like avatar paths.
 */
import type { Config } from './config'

export class PublicOrigin {
  private listened?: string

  constructor(private readonly config: Config) {}

  get(): string | null {
    const set = this.config.PUBLIC_URL ?? this.config.raw.PAYMENTS_PUBLIC_URL?.trim()
    return (set || this.listened || '').replace(/\/+$/, '') || null
  }

  /** The first address the function listens on, used while no origin is configured. */
  listeningOn(url: string): void {
    this.listened ??= url
  }
}
