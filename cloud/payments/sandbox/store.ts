/**
 * Where the sandbox wallet keeps its state. In the function it is the database (migration 010_sandbox.sql), so a
 * restart loses no payment in progress and every instance on one database plays the same wallet with the same
 * keys; unit tests may use the in-memory store. State changes are compare-and-set: an order approved on one
 * instance cannot be closed on another.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto'
import type { Queryable } from '../../store/db'
import { fromJson } from '../../store/convert'
import type { PayoutWallet } from '../types'
import type { KeyPair, SandboxKeys } from './keys'

export type SandboxOrderState = 'open' | 'paid' | 'declined'
export type SandboxTransferState = 'WAIT_USER_CONFIRM' | 'SUCCESS' | 'FAIL' | 'CANCELLED'

export interface SandboxOrder {
  wire: PayoutWallet
  outTradeNo: string
  /** prepay_id (WeChat) or trade_no (Alipay). */
  providerId: string
  transactionId: string
  amount: number
  description: string
  notifyUrl: string
  payer: string
  state: SandboxOrderState
  createdAt: number
}

export interface SandboxTransfer {
  wire: PayoutWallet
  outBillNo: string
  billNo: string
  amount: number
  payee: string
  notifyUrl?: string
  state: SandboxTransferState
}

export interface SandboxStore {
  /** The wallet's keys: the stored ones, or `fresh` stored now (the first caller wins). */
  keys(fresh: () => SandboxKeys): Promise<SandboxKeys>
  /** An order by our number or by the provider's id (prepay_id / trade_no). */
  order(id: string): Promise<SandboxOrder | undefined>
  /** Stores the order unless one with its number exists; returns the stored one. */
  addOrder(order: SandboxOrder): Promise<SandboxOrder>
  /** Moves the order to `to` if its state is one of `from`; returns the order as it is now. */
  moveOrder(outTradeNo: string, from: SandboxOrderState[], to: SandboxOrderState): Promise<{ order?: SandboxOrder; moved: boolean }>
  transfer(outBillNo: string): Promise<SandboxTransfer | undefined>
  addTransfer(transfer: SandboxTransfer): Promise<{ transfer: SandboxTransfer; created: boolean }>
  moveTransfer(outBillNo: string, from: SandboxTransferState[], to: SandboxTransferState): Promise<{ transfer?: SandboxTransfer; moved: boolean }>
  orders(): Promise<SandboxOrder[]>
  transfers(): Promise<SandboxTransfer[]>
}

/** Everything in this process's memory (unit tests of the wallet alone). */
export function memorySandboxStore(): SandboxStore {
  let stored: SandboxKeys | undefined
  const orders = new Map<string, SandboxOrder>()
  const transfers = new Map<string, SandboxTransfer>()
  const copy = <T>(x: T | undefined): T | undefined => (x === undefined ? undefined : { ...x })
  return {
    async keys(fresh) {
      stored ??= fresh()
      return stored
    },
    async order(id) {
      return copy(orders.get(id) ?? [...orders.values()].find((o) => o.providerId === id))
    },
    async addOrder(order) {
      if (!orders.has(order.outTradeNo)) orders.set(order.outTradeNo, { ...order })
      return copy(orders.get(order.outTradeNo))!
    },
    async moveOrder(outTradeNo, from, to) {
      const o = orders.get(outTradeNo)
      const moved = o !== undefined && from.includes(o.state)
      if (moved) o.state = to
      return { order: copy(o), moved }
    },
    async transfer(outBillNo) {
      return copy(transfers.get(outBillNo))
    },
    async addTransfer(transfer) {
      const created = !transfers.has(transfer.outBillNo)
      if (created) transfers.set(transfer.outBillNo, { ...transfer })
      return { transfer: copy(transfers.get(transfer.outBillNo))!, created }
    },
    async moveTransfer(outBillNo, from, to) {
      const t = transfers.get(outBillNo)
      const moved = t !== undefined && from.includes(t.state)
      if (moved) t.state = to
      return { transfer: copy(t), moved }
    },
    async orders() {
      return [...orders.values()].map((o) => ({ ...o }))
    },
    async transfers() {
      return [...transfers.values()].map((t) => ({ ...t }))
    }
  }
}

interface StoredPair {
  privateKey: string
  publicKey: string
}
type Stored<T> = { [K in keyof T]: T[K] extends KeyPair ? StoredPair : T[K] }
interface StoredKeys {
  wechat: Stored<SandboxKeys['wechat']>
  alipay: Stored<SandboxKeys['alipay']>
}

const pem = (pair: KeyPair): StoredPair => ({
  privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString()
})
const pair = (stored: StoredPair): KeyPair => ({ privateKey: createPrivateKey(stored.privateKey), publicKey: createPublicKey(stored.publicKey) })

function toStored(k: SandboxKeys): StoredKeys {
  return {
    wechat: { ...k.wechat, merchant: pem(k.wechat.merchant), platform: pem(k.wechat.platform) },
    alipay: { ...k.alipay, app: pem(k.alipay.app), platform: pem(k.alipay.platform) }
  }
}
function fromStored(s: StoredKeys): SandboxKeys {
  return {
    wechat: { ...s.wechat, merchant: pair(s.wechat.merchant), platform: pair(s.wechat.platform) },
    alipay: { ...s.alipay, app: pair(s.alipay.app), platform: pair(s.alipay.platform) }
  }
}

const orderOf = (r: { data: unknown; state: string } | undefined): SandboxOrder | undefined =>
  r ? { ...fromJson<SandboxOrder>(r.data), state: r.state as SandboxOrderState } : undefined
const transferOf = (r: { data: unknown; state: string } | undefined): SandboxTransfer | undefined =>
  r ? { ...fromJson<SandboxTransfer>(r.data), state: r.state as SandboxTransferState } : undefined

/** The sandbox's state in the function's database. */
export function dbSandboxStore(db: Queryable): SandboxStore {
  type Row = { data: unknown; state: string }
  return {
    async keys(fresh) {
      const found = await db.query<{ keys: unknown }>('SELECT keys FROM sandbox_keys WHERE id = 1')
      if (found.rows[0]) return fromStored(fromJson<StoredKeys>(found.rows[0].keys))
      await db.query('INSERT INTO sandbox_keys (id, keys) VALUES (1, $1) ON CONFLICT (id) DO NOTHING', [JSON.stringify(toStored(fresh()))])
      const stored = await db.query<{ keys: unknown }>('SELECT keys FROM sandbox_keys WHERE id = 1')
      return fromStored(fromJson<StoredKeys>(stored.rows[0]!.keys))
    },
    async order(id) {
      const res = await db.query<Row>('SELECT data, state FROM sandbox_orders WHERE out_trade_no = $1 OR provider_id = $1', [id])
      return orderOf(res.rows[0])
    },
    async addOrder(order) {
      await db.query(
        'INSERT INTO sandbox_orders (out_trade_no, provider_id, state, data) VALUES ($1, $2, $3, $4) ON CONFLICT (out_trade_no) DO NOTHING',
        [order.outTradeNo, order.providerId, order.state, JSON.stringify(order)]
      )
      return (await this.order(order.outTradeNo))!
    },
    async moveOrder(outTradeNo, from, to) {
      const res = await db.query<Row>('UPDATE sandbox_orders SET state = $3 WHERE out_trade_no = $1 AND state = ANY($2::text[]) RETURNING data, state', [
        outTradeNo,
        from,
        to
      ])
      if (res.rows[0]) return { order: orderOf(res.rows[0]), moved: true }
      return { order: await this.order(outTradeNo), moved: false }
    },
    async transfer(outBillNo) {
      const res = await db.query<Row>('SELECT data, state FROM sandbox_transfers WHERE out_bill_no = $1', [outBillNo])
      return transferOf(res.rows[0])
    },
    async addTransfer(transfer) {
      const res = await db.query<Row & { requests: number }>(
        `INSERT INTO sandbox_transfers (out_bill_no, state, data) VALUES ($1, $2, $3)
         ON CONFLICT (out_bill_no) DO UPDATE SET requests = sandbox_transfers.requests + 1 RETURNING data, state, requests`,
        [transfer.outBillNo, transfer.state, JSON.stringify(transfer)]
      )
      return { transfer: transferOf(res.rows[0])!, created: Number(res.rows[0]!.requests) === 1 }
    },
    async moveTransfer(outBillNo, from, to) {
      const res = await db.query<Row>('UPDATE sandbox_transfers SET state = $3 WHERE out_bill_no = $1 AND state = ANY($2::text[]) RETURNING data, state', [
        outBillNo,
        from,
        to
      ])
      if (res.rows[0]) return { transfer: transferOf(res.rows[0]), moved: true }
      return { transfer: await this.transfer(outBillNo), moved: false }
    },
    async orders() {
      return (await db.query<Row>('SELECT data, state FROM sandbox_orders ORDER BY created_at, out_trade_no')).rows.map((r) => orderOf(r)!)
    },
    async transfers() {
      return (await db.query<Row>('SELECT data, state FROM sandbox_transfers ORDER BY created_at, out_bill_no')).rows.map((r) => transferOf(r)!)
    }
  }
}
