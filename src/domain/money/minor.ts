import { DomainError } from '../errors'

/** Throws MONEY_NOT_INTEGER unless `value` is a safe integer (a valid amount of minor units). */
export function assertMinor(value: unknown, what = 'An amount'): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new DomainError('MONEY_NOT_INTEGER', `${what} must be a whole number of minor units, got ${String(value)}.`)
  }
}
