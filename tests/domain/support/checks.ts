import { DomainError } from '@/domain'

/** The total of a member -> amount record. */
export const sumOf = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0)

/** The DomainError code `fn` throws (failing the test if it throws anything else), or undefined when it returns. */
export const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    return (error as DomainError).code
  }
  return undefined
}
