/**
 * 10^n as a BigInt, by multiplication. (`10n ** x` is not used: the mini-program builds transpile `**` to `Math.pow`,
 * which throws on BigInt.)
 */
export function pow10(n: number): bigint {
  let result = 1n
  for (let i = 0; i < n; i++) result *= 10n
  return result
}
